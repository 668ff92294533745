"""The decision: one question in, one Reply out. Pure and synchronous, no I/O per question."""

from __future__ import annotations

import dataclasses
import re

from bot import emergency
from bot.config import MatchingConfig
from bot.knowledge import Entry, Knowledge, Problem, errors, load_knowledge
from bot.matcher import Index, Match
from bot.reply import ANSWER, CLARIFY, EMERGENCY, FALLBACK, SMALLTALK, Candidate, Reply
from bot.text import MAX_QUERY_CHARS, TextProcessor

OFFICIAL_CHANNELS = "通过“交管12123”App查询办理，或咨询当地公安交警大队"
FALLBACK_TEXT = (
    "抱歉，这个问题我还回答不了，不想给您说错。\n"
    f"建议您{OFFICIAL_CHANNELS}。\n"
    "也可以换个说法再问我，比如“电动车要上牌吗”“轻微事故怎么快处”。\n"
    "遇到交通事故有人受伤，请立即拨打122、120。"
)
EMPTY_TEXT = "请直接输入您想问的交通问题，比如“电动车要上牌吗”。"
NOT_HERE_TEXT = (
    "我是忻州交警的问答助手，只能回答忻州本地和全国通行的交通管理问题，"
    "其他城市的业务我不了解。\n"
    f"建议您{OFFICIAL_CHANNELS}。"
)
# Where a message's clauses break, as typed (before normalising drops the punctuation).
_PUNCTUATION_BREAK = re.compile(r"[，,。.！!？?；;、…~]+")
_HAN_CHAR = re.compile(r"[\u3400-\u9fff\uf900-\ufaff]")
MIN_CLAUSES = 3  # a message of fewer clauses is one question, not a story and a question
MAX_ASK_CLAUSES = 3  # the ask sits in the last few clauses; longer tails are the story again
CLAUSE_MIN_SCORE = 0.55  # how sure the last clauses must be to pick among the whole's candidates
DETAIL_SLACK = 0.15  # how far below the best a candidate holding the asked detail may be
NOT_PLACES = ("北京时间",)  # phrases that hold a place name and name no place
PLACE_SUFFIXES = ("市", "省", "区", "县")
# How the knowledge's answers say a detail is not in the sources (这里没有资料, 这里没有具体资料).
_SAYS_UNKNOWN = re.compile(r"没有[^。，、]{0,4}资料")
CLARIFY_TEXT = "我不太确定您想问的是哪一个，请选择："
CLARIFY_ONE_TEXT = "我不太确定，您是想问下面这个问题吗？"
# Words around smalltalk that change nothing: "好的 明白了 谢谢", "辛苦了交警同志".
SMALLTALK_FILLERS = (
    "请问", "明白", "嗯", "哦哦", "哦", "噢", "交警同志", "警察同志", "小同志", "同志", "警官", "小助手", "助手",
    "小帮手", "帮手", "机器人",
    "大家", "们", "啊", "呀", "哈", "啦", "呢", "嘛", "吧", "喔", "呐", "哇", "的", "了", "~", " ",
)
# Particles end a phrase; at the start they belong to the next word (你好，了解一下 → 了解).
END_ONLY_FILLERS = frozenset(("们", "哈", "的", "了"))
SMALLTALK_PRIORITY = ("identity", "goodbye", "thanks", "greeting", "ack")


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
                                          measures=knowledge.measures)
        self._entries = {e.id: e for e in knowledge.entries}
        self._position = {e.id: i for i, e in enumerate(knowledge.entries)}
        self.index = Index(knowledge.entries, self.text)
        self._smalltalk = {
            self.text.normalize(p).replace(" ", ""): intent
            for intent in knowledge.smalltalk for p in intent.phrases
        }
        self._smalltalk_by_len = sorted(self._smalltalk, key=len, reverse=True)
        self._smalltalk_words = {
            w: intent
            for intent in knowledge.smalltalk for p in intent.phrases
            for w in self.text.content_words(self.text.normalize(p))
        }
        self._foreign = self._words(knowledge.other_places)
        home = knowledge.home_place
        self._national = frozenset(
            i for i, e in enumerate(knowledge.entries) if home and home not in e.source and home not in e.answer
        )
        self._rules = dataclasses.replace(
            rules, urgent=self._words(rules.urgent), harm=self._words(rules.harm), fire=self._words(rules.fire),
            negations=self._words(rules.negations), not_now=self._words(rules.not_now))
        self._detector = emergency.compile_rules(self._rules, self.text)
        # Per rule, the entries that are about its `instead_of` (most of their questions say it).
        self._subjects = []
        for rule in knowledge.other_subjects:
            about = self.text.canonical(self.text.normalize(rule.instead_of)) if rule.instead_of else ""
            owned = frozenset(
                i for i, e in enumerate(knowledge.entries)
                if not about  # a subject no entry is about: every entry must speak of it to answer
                or sum(about in self.text.canonical(self.text.normalize(q)) for q in e.questions) * 2 >= len(e.questions)
            )
            self._subjects.append((self._words(rule.words), about, owned))
        # An entry named by its own term (流动车管所在哪) whose answer says what is not known
        # answers a detail question honestly itself: it says what the thing is, then that the
        # address is not known. Its term must be in its standard question and in no other entry.
        owners: dict[str, set[int]] = {}
        for i, ws in enumerate(self.index.entry_words):
            for w in ws:
                owners.setdefault(w, set()).add(i)
        self._named = [
            frozenset(w for w in self.text.content_words(self.text.canonical(self.text.normalize(e.questions[0])))
                      if len(w) >= 3 and w in self.text.terms and owners.get(w) == {i})
            if e.questions else frozenset()
            for i, e in enumerate(knowledge.entries)
        ]
        self._says_unknown = [bool(_SAYS_UNKNOWN.search(e.answer)) for e in knowledge.entries]
        self._details = tuple(
            dataclasses.replace(d, asks=self._words(d.asks), about=self._words(d.about))
            for d in knowledge.unknown_details
        )

    def _words(self, words: tuple[str, ...]) -> tuple[str, ...]:
        """Rule words compared the way questions are: normalised, without spaces."""
        return tuple(w for w in (self.text.normalize(x).replace(" ", "") for x in words) if w)

    # -- public ----------------------------------------------------------------------------
    def entry(self, entry_id: str) -> Entry | None:
        return self._entries.get(entry_id)

    def topics(self) -> list[tuple[str, list[Entry]]]:
        return self.knowledge.topics()

    def reply_for_entry(self, entry_id: str, query: str = "") -> Reply | None:
        """The answer of an entry picked from a button; None if a reload removed it."""
        entry = self._entries.get(entry_id)
        if entry is None:
            return None
        return self._answer(entry, 1.0, query, query, ())

    def answer(self, text: str) -> Reply:
        query = text if isinstance(text, str) else str(text)
        # Clause by clause, so that words are not read across a break (车被撞了 人跑了).
        clauses = [c for c in (self.text.normalize(c) for c in _clauses(query)) if c]
        # A long story keeps its end: that is where the question is.
        normalized = " ".join(clauses)[-MAX_QUERY_CHARS:].strip()
        compact = normalized.replace(" ", "")
        base = {"query": query, "normalized": normalized, "knowledge_version": self.knowledge.version}
        if not compact:
            return Reply(FALLBACK, EMPTY_TEXT, **base)
        repaired = self.text.repair_typos(normalized)
        fixed = self._repaired_clauses(clauses, normalized, repaired)
        # Harm is read within a clause too: 车被撞了 人跑了 is no 撞了人.
        danger = emergency.assess(clauses, fixed, self._detector)
        if danger is not None:
            return Reply(EMERGENCY, danger.reply, extra={"reason": danger.why}, **base)
        intent, rest = self._smalltalk_split(compact)
        if intent is not None and not rest:
            return Reply(SMALLTALK, intent.reply, entry_id=None, score=1.0, **base)
        canonical = self.text.canonical(rest) if intent is not None else self.text.canonical(normalized, repaired)
        reply = self._match(normalized, canonical, base)
        # Only an unsure reply is reconsidered: not a rule's (another city, an unknown detail).
        if (reply.status == CLARIFY or reply.text == FALLBACK_TEXT) and intent is None:
            return self._ask_in_last_clauses(clauses, fixed, reply, base) or reply
        return reply

    # -- steps -----------------------------------------------------------------------------
    def _repaired_clauses(self, clauses: list[str], normalized: str, repaired: str) -> list[str]:
        """Each clause's typo repair, cut out of the whole message's: repair keeps a text's
        length and breaks at spaces, so it is done once. A message cut to its end is repaired
        clause by clause."""
        if len(normalized) != len(" ".join(clauses)) or len(repaired) != len(normalized):
            return [self.text.repair_typos(c) for c in clauses]
        out, at = [], 0
        for c in clauses:
            out.append(repaired[at:at + len(c)])
            at += len(c) + 1
        return out

    def _match(self, normalized: str, canonical: str, base: dict, within: tuple[int, ...] | None = None) -> Reply:
        words = self.text.content_words(canonical)
        matches = self.index.search(words, limit=max(5, self.matching.max_choices + 1), within=within)
        return self._decide(matches, words, normalized, canonical, base)

    def _ask_in_last_clauses(self, clauses: list[str], fixed: list[str], reply: Reply,
                             base: dict) -> Reply | None:
        """A long message tells a story and asks at its end (…听说可以申请救助基金，这个去哪申请):
        when the whole is unsure, the last clauses may decide among its best candidates. They
        only choose, never discover: the answer must be one the whole message already ranked
        near the top, and a confident one, since a lone clause (这靠谱吗) says little.
        `clauses` are the message's, normalised (emoji alone are none), `fixed` their repair."""
        if len(clauses) < MIN_CLAUSES or not reply.candidates:
            return None
        near_top = tuple(self._position[c.id] for c in reply.candidates[:self.matching.max_choices])
        for k in range(1, min(len(clauses), MAX_ASK_CLAUSES + 1)):
            part = " ".join(clauses[-k:])
            canonical = self.text.canonical(part, " ".join(fixed[-k:]))
            r = self._match(part, canonical, base, within=near_top)
            if r.status == ANSWER and r.score >= CLAUSE_MIN_SCORE and self._names(canonical, r.entry_id):
                return dataclasses.replace(r, normalized=reply.normalized, candidates=reply.candidates)
        return None

    def _names(self, canonical: str, entry_id: str) -> bool:
        """Does the text name something the entry's questions speak of (not just 怎么办)?"""
        known = self.index.entry_words[self._position[entry_id]]
        return any(len(w) >= 2 and not w.startswith("#") and w in known for w in self.text.content_words(canonical))

    def _smalltalk_split(self, compact: str):
        """(intent, the question left) when the text is or starts with smalltalk.

        Phrases and fillers are peeled off both ends; when nothing is left, or only words that
        smalltalk phrases use (你都能回答啥问题), it is smalltalk. A greeting before a question is
        dropped and the question answered.
        """
        found = []
        rest = compact
        changed = True
        while rest and changed:
            changed = False
            rest = self._strip_fillers(rest)
            for phrase in self._smalltalk_by_len:
                if rest.startswith(phrase) or rest.endswith(phrase):
                    found.append(self._smalltalk[phrase])
                    rest = rest[len(phrase):] if rest.startswith(phrase) else rest[: -len(phrase)]
                    changed = True
                    break
        if rest:
            words = {w for w in self.text.content_words(rest) if not w.startswith("#")}
            if not words and found:
                rest = ""  # 好的 我知道了 再见: after the smalltalk nothing with a meaning is left
            elif words and words <= self._smalltalk_words.keys():
                found.extend(self._smalltalk_words[w] for w in words)
                rest = ""
            elif found and len(rest) <= 1:
                rest = ""  # "谢谢你啊小同志": a stray character after smalltalk is no question
        if not found:
            return None, compact
        if rest:
            return found[0], rest
        ids = {i.id for i in found}
        best = next((i for p in SMALLTALK_PRIORITY for i in found if i.id == p and p in ids), found[-1])
        return best, ""

    def _strip_fillers(self, text: str) -> str:
        changed = True
        while text and changed:
            changed = False
            for f in SMALLTALK_FILLERS:
                if f not in END_ONLY_FILLERS and text.startswith(f) and text not in self._smalltalk:
                    text, changed = text[len(f):], True
                if text.endswith(f) and text not in self._smalltalk:
                    text, changed = text[: -len(f)], True
        return text

    def _decide(self, matches: list[Match], words: list[str], normalized: str, canonical: str,
                base: dict) -> Reply:
        query = base["query"]
        m = self.matching
        candidates = tuple(self._candidate(x) for x in matches)
        compact = canonical.replace(" ", "")
        if self._names_other_place(compact):
            # 在太原上高速车坏了警示牌放多远: a national rule holds there too; this city's facts
            # (offices, figures, the local regulation) do not, nor any phone, address or hours.
            matches = [x for x in matches if x.entry in self._national]
            candidates = tuple(self._candidate(x) for x in matches)  # no local entry as a choice either
            if (not matches or matches[0].score < m.answer_threshold
                    or self._detail_asked(normalized.replace(" ", ""), anywhere=True) is not None):
                return Reply(FALLBACK, NOT_HERE_TEXT, candidates=candidates, **base)
        for vehicles, about, owned in self._subjects:
            named = [w for w in vehicles if w in compact]
            if named and not about and normalized.count(" ") >= 2:
                # a subject in the story of a long message (学车的时候教练说过…) is no question about it
                ask = normalized.rsplit(" ", 1)[-1]
                named = [w for w in named if w in self.text.canonical(ask)]
            if named and (not about or about not in compact):
                # 新车上牌要多久: a car, not an e-bike; the e-bike entries do not answer it, unless
                # one speaks of that vehicle too (the helmet entry covers 摩托车).
                matches = [x for x in matches if x.entry not in owned or self._mentions(x.entry, named)]
                candidates = tuple(self._candidate(x) for x in matches)
        if not matches:
            return Reply(FALLBACK, FALLBACK_TEXT, **base)
        detail = self._detail_asked(normalized.replace(" ", ""))
        if detail is not None:
            # The question asks for an amount, a time, an address …: of the close candidates, only
            # one whose answer holds such a detail may answer; with none, say honestly it is unknown.
            holders = [x for x in matches if x.score >= matches[0].score - DETAIL_SLACK
                       and (any(k in self.knowledge.entries[x.entry].answer for k in detail.known)
                            or self._says_unknown[x.entry] and self._named[x.entry] & set(words))]
            if not holders:
                return Reply(FALLBACK, detail.reply, candidates=candidates,
                             score=matches[0].score if matches else 0.0, **base)
            matches = holders + [x for x in matches if x not in holders]
        if not matches or matches[0].score < m.clarify_threshold:
            return Reply(FALLBACK, FALLBACK_TEXT, candidates=candidates,
                         score=matches[0].score if matches else 0.0, **base)
        top = matches[0]
        second = matches[1].score if len(matches) > 1 else 0.0
        # One character alone (小, 车) is too little to answer on; it may still offer choices.
        said = [w for w in words if not w.startswith("#")]
        meaningful = len(said) >= 2 or any(len(w) >= 2 or w.isdigit() for w in said)
        if meaningful and top.score >= m.answer_threshold and top.score - second >= m.margin:
            entry = self.knowledge.entries[top.entry]
            return self._answer(entry, top.score, query, normalized, candidates)
        close = [c for c in candidates if c.score >= m.clarify_threshold and top.score - c.score < 0.25]
        choices = tuple(close[: m.max_choices])
        if len(choices) == 1 and meaningful and top.score >= m.answer_threshold:
            entry = self.knowledge.entries[top.entry]
            return self._answer(entry, top.score, query, normalized, candidates)
        lines = [CLARIFY_ONE_TEXT if len(choices) == 1 else CLARIFY_TEXT]
        lines += [f"{i}. {c.question}" for i, c in enumerate(choices, 1)]
        return Reply(CLARIFY, "\n".join(lines), score=top.score, candidates=candidates, choices=choices, **base)

    def _names_other_place(self, compact: str) -> bool:
        """A place of `other_places` named as a place: not inside a longer word (大同小异) nor a
        fixed phrase (北京时间)."""
        hits = [p for p in self._foreign if p in compact]
        if not hits:
            return False
        for phrase in NOT_PLACES:
            compact = compact.replace(phrase, " " * len(phrase))
        words = self.text.segments(compact)
        starts, at = {}, 0
        for w in words:
            starts[at] = w
            at += len(w)
        for place in hits:
            i = compact.find(place)
            while i != -1:
                word = next((w for s, w in starts.items() if s <= i < s + len(w)), place)
                if word == place or len(word) <= len(place) or word[len(place):] in PLACE_SUFFIXES:
                    return True
                i = compact.find(place, i + 1)
        return False

    def _mentions(self, entry_index: int, words: list[str]) -> bool:
        entry = self.knowledge.entries[entry_index]
        return any(w in entry.answer or any(w in q for q in entry.questions) for w in words)

    def _detail_asked(self, compact: str, anywhere: bool = False):
        """The unknown detail asked for; `anywhere`: whatever it is about (another city's office)."""
        for d in self._details:
            if any(a in compact for a in d.asks) and (anywhere or not d.about or any(a in compact for a in d.about)):
                return d
        return None

    def _candidate(self, match: Match) -> Candidate:
        entry = self.knowledge.entries[match.entry]
        return Candidate(entry.id, entry.questions[0], round(match.score, 4))

    def _answer(self, entry: Entry, score: float, query: str, normalized: str,
                candidates: tuple[Candidate, ...]) -> Reply:
        related = tuple(
            Candidate(r.id, r.questions[0], 0.0) for r in (self._entries.get(i) for i in entry.related) if r
        )
        text = f"{entry.answer}\n\n来源：{entry.source}（更新于 {entry.updated}）"
        return Reply(
            ANSWER, text, query=query, normalized=normalized, entry_id=entry.id, topic=entry.topic,
            score=score, source=entry.source, updated=entry.updated, candidates=candidates,
            choices=related, knowledge_version=self.knowledge.version,
        )


def _clauses(text: str) -> list[str]:
    """The clauses of a message as typed: split at punctuation, and at a space between two Chinese
    words of two characters or more — a space beside a single character (电 动 车, 受 伤了) spells
    one word out and breaks nothing."""
    out = []
    for part in _PUNCTUATION_BREAK.split(text):
        run: list[str] = []
        for piece in part.split():
            if run and (len(piece) == 1 or len(run[-1]) == 1):
                run[-1] += piece
            elif run and not (_HAN_CHAR.match(run[-1][-1]) and _HAN_CHAR.match(piece[0])):
                run[-1] += " " + piece  # hit a pedestrian: spaces between Latin words are no breaks
            else:
                run.append(piece)
        out.extend(run)
    return out


def build_engine(knowledge_dir: str, matching: MatchingConfig | None = None,
                 text: TextProcessor | None = None) -> tuple[Engine | None, list[Problem]]:
    """Load and index the knowledge. No engine when nothing can be served (no entries or no
    emergency rules); otherwise an engine of what is valid, with every problem listed."""
    knowledge, problems = load_knowledge(knowledge_dir)
    if not knowledge.entries or not knowledge.emergency.reply:
        return None, problems
    return Engine(knowledge, matching, text), problems


__all__ = ["Engine", "build_engine", "errors"]
