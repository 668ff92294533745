"""The engine: one question in, one Reply out. Pure and synchronous, no I/O per question.

The decision itself is the list of steps in `bot.pipeline.steps`; this module builds what the steps
share (text processing, index, concept reader) once per knowledge version and runs them.
"""

from __future__ import annotations

from bot.config import MatchingConfig
from bot.knowledge import Entry, Knowledge, Problem, errors, load_knowledge
from bot.matcher import Index
from bot.pipeline import FALLBACK_TEXT, Asked, Shared, steps
from bot.reply import Reply
from bot.text import TextProcessor
from bot.understand import ConceptReader


class Engine:
    """Answers questions from one knowledge version; build a new Engine to change knowledge."""

    def __init__(self, knowledge: Knowledge, matching: MatchingConfig | None = None,
                 text: TextProcessor | None = None):
        self.knowledge = knowledge
        self.matching = matching or MatchingConfig()
        rules = knowledge.emergency
        # Emergency words are vocabulary too, so that 留血 is read as 流血 before the check.
        self.text = text or TextProcessor(knowledge.terms, knowledge.synonyms,
                                          homophones=rules.harm + rules.fire + rules.urgent,
                                          measures=knowledge.measures, english=knowledge.english, age_of=knowledge.age_of,
                                          age_bands=knowledge.age_bands)
        concepts = knowledge.concepts
        # places too: a city or country typed in pinyin (deguo gaosu bu xiansu) is read as named
        self.text.keep_as_typed([*(w for table in (concepts.subjects, concepts.aspects)
                                   for standard, variants in table.items() for w in (standard, *variants) if len(w) >= 2),
                                 *(w for w in (*knowledge.other_places, *knowledge.abroad, knowledge.home_place, *knowledge.home_parts)
                                   if len(w) >= 2)],
                                restorable=[*concepts.aspects, *(w for s, vs in concepts.subjects.items() for w in (s, *vs))],
                                heard=[w for vs in concepts.aspects.values() for w in vs])
        self._entries = {e.id: e for e in knowledge.entries}
        self.index = Index(knowledge.entries, self.text)
        self.shared = Shared(knowledge, self.matching, self.text, self.index,
                             ConceptReader(knowledge.concepts, knowledge.entries, self.text,
                                           knowledge.not_held_markers,
                                           {d.aspect: d.held_when for d in knowledge.unknown_details if d.held_when}),
                             position={e.id: i for i, e in enumerate(knowledge.entries)}, by_id=self._entries)
        self.steps = steps(self.shared)

    # -- public ----------------------------------------------------------------------------
    def entry(self, entry_id: str) -> Entry | None:
        return self._entries.get(entry_id)

    def topics(self) -> list[tuple[str, list[Entry]]]:
        return self.knowledge.topics()

    def step(self, name: str):
        """The pipeline step of that name (tests and tools look inside one)."""
        return next(s for s in self.steps if s.name == name)

    def reply_for_entry(self, entry_id: str, query: str = "") -> Reply | None:
        """The answer of an entry picked from a button; None if a reload removed it."""
        entry = self._entries.get(entry_id)
        if entry is None:
            return None
        base = {"query": query, "normalized": query, "knowledge_version": self.knowledge.version}
        return self.shared.answer(entry, 1.0, base, (), f"chosen: {entry.id}")

    def answer(self, text: str, by_reading: bool = False) -> Reply:
        """The reply to `text`. `by_reading`: as the reading alone would answer it, even where the
        text is an entry's own question (kb check tells staff which own questions need that)."""
        asked = Asked(text if isinstance(text, str) else str(text), by_reading=by_reading)
        for step in self.steps:
            reply = step(asked)
            if reply is not None:
                return reply
        raise AssertionError("the last step always decides")  # pragma: no cover


def build_engine(knowledge_dir: str, matching: MatchingConfig | None = None,
                 text: TextProcessor | None = None) -> tuple[Engine | None, list[Problem]]:
    """Load and index the knowledge. No engine when nothing can be served (no entries or no
    emergency rules); otherwise an engine of what is valid, with every problem listed."""
    knowledge, problems = load_knowledge(knowledge_dir)
    if not knowledge.entries or not knowledge.emergency.reply:
        return None, problems
    return Engine(knowledge, matching, text), problems


__all__ = ["FALLBACK_TEXT", "Engine", "build_engine", "errors"]
