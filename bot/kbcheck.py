"""`trafficbot kb check`: everything staff should hear about the knowledge before it is served."""

from __future__ import annotations

from collections import defaultdict

from bot.citations import check_entries
from bot.config import MatchingConfig
from bot.engine import Engine
from bot.knowledge import Problem, load_knowledge
from bot.reply import ANSWER


def check_knowledge(path: str, matching: MatchingConfig | None = None) -> tuple[list[Problem], str]:
    """All problems (errors and warnings, each at file:line) and a one-line summary."""
    knowledge, problems = load_knowledge(path)
    if not knowledge.entries:
        return problems, f"{path}: no entries loaded"
    engine = Engine(knowledge, matching)
    text = engine.text
    seen: dict[str, tuple[str, str, int]] = {}
    shapes: dict[frozenset, list[tuple[str, str, str, int]]] = defaultdict(list)
    for entry in knowledge.entries:
        if not entry.answer.strip():
            problems.append(Problem(entry.file, entry.line, f"答案是空的 / entry {entry.id!r} has an empty answer"))
        lines = entry.question_lines or (entry.line,) * len(entry.questions)
        for question, line in zip(entry.questions, lines):
            key = text.normalize(question).replace(" ", "")
            if key in seen and seen[key][0] != entry.id:
                other_id, other_file, other_line = seen[key]
                problems.append(Problem(entry.file, line, f"问法 {question!r} 也在条目 {other_id!r} 里 / question {question!r} is also in entry {other_id!r} "
                                        f"({other_file}:{other_line}): keep it in one entry"))
                continue
            seen.setdefault(key, (entry.id, entry.file, line))
            words = frozenset(text.content_words(text.canonical(text.normalize(question))))
            if words:
                shapes[words].append((entry.id, question, entry.file, line))
    for group in shapes.values():
        ids = {g[0] for g in group}
        if len(ids) > 1:
            first = group[0]
            for entry_id, question, file, line in group[1:]:
                if entry_id != first[0]:
                    problems.append(Problem(file, line, f"两个条目的问法对机器人来说一样，请改写其中一个 / question {question!r} ({entry_id}) and {first[1]!r} "
                                            f"({first[0]}, {first[2]}:{first[3]}) mean the same to the engine: "
                                            "reword one so the two entries can be told apart"))
    passed = total = 0
    for entry in knowledge.entries:
        qlines = entry.question_lines or (entry.line,) * len(entry.questions)
        for question, line in zip(entry.questions, qlines):
            reply = engine.answer(question)
            if reply.status == ANSWER and reply.entry_id != entry.id:
                problems.append(Problem(entry.file, line, f"这个问法会被别的条目回答 / question {question!r} of {entry.id!r} is answered by "
                                        f"{reply.entry_id!r}: make it more specific", "warning"))
        tlines = entry.test_lines or (entry.line,) * len(entry.tests)
        for phrase, line in zip(entry.tests, tlines):
            total += 1
            reply = engine.answer(phrase)
            if reply.status == ANSWER and reply.entry_id == entry.id:
                passed += 1
                continue
            got = f"{reply.status} {reply.entry_id}" if reply.entry_id else reply.status
            if reply.choices and reply.status != ANSWER:
                got += " [" + ", ".join(c.id for c in reply.choices) + "]"
            problems.append(Problem(entry.file, line, f"测试问法没有得到本条目的答案，请补充更接近的问法 / test {phrase!r} should answer {entry.id!r}, got {got}: "
                                    "add a question closer to this wording"))
    problems.extend(check_entries(knowledge.entries, path))
    n_questions = sum(len(e.questions) for e in knowledge.entries)
    files = len({e.file for e in knowledge.entries})
    summary = (f"{files} topic files, {len(knowledge.entries)} entries, {n_questions} questions, "
               f"{len(knowledge.synonyms)} synonyms, {len(knowledge.smalltalk)} smalltalk intents; "
               f"tests: {passed}/{total} passed")
    return problems, summary
