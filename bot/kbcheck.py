"""`trafficbot kb check`: everything staff should hear about the knowledge before it is served."""

from __future__ import annotations

from collections import defaultdict

from bot.buildcache import cached_build
from bot.citations import check_entries
from bot.config import MatchingConfig
from bot.engine import Engine
from bot.knowledge import Problem, load_knowledge
from bot.reply import ANSWER, CLARIFY, EMERGENCY, SMALLTALK, Reply
from bot.text import bare

# Reasons of the engine's scoring steps (Reply.reason): there a closer question does help.
SCORING_REASONS = ("fallback: best", "clarify:")


def what_took(reply: Reply) -> tuple[str, str, bool]:
    """What the engine did with a phrase meant for another entry, in Chinese and English, and
    whether a closer question in that entry would help (not when another entry or a rule took it)."""
    reason = getattr(reply, "reason", "") or ""  # Reply.reason: which step decided, and why
    if reply.status == ANSWER:
        return f"被条目 {reply.entry_id!r} 回答", f"answered by entry {reply.entry_id!r}", False
    if reply.status in (EMERGENCY, SMALLTALK) or (reason and not reason.startswith(SCORING_REASONS)):
        rule = reason or reply.status
        return f"被规则 {rule!r} 拦下", f"declined by the rule {rule!r}", False
    got = reply.status
    if reply.choices:
        got += " [" + ", ".join(c.id for c in reply.choices) + "]"
    if reason:
        got += f" ({reason})"
    return f"得到 {got}", f"got {got}", True


def _competitors(reply: Reply, entry_id: str) -> str:
    """The other entries a clarify offered beside `entry_id`, if it offered it at all."""
    ids = [c.id for c in reply.choices]
    return ", ".join(repr(i) for i in ids if i != entry_id) if reply.status == CLARIFY and entry_id in ids else ""


# What to tell staff when a phrasing misses its entry: (another entry competes, the engine does
# not see it as this entry's, a rule or another entry took it) — for an own question, then a test.
QUESTION_ADVICE = (
    ("它和条目 {rivals} 分不开，请改写", "it cannot be told from entry {rivals}: reword it"),
    ("机器人认不出它属于本条目，请换成群众常用的说法", "the engine does not match it to this entry: reword it the way citizens ask"),
    ("请改写，避开那个条目或规则", "reword it so that entry or rule does not take it"),
)
TEST_ADVICE = (
    ("它和条目 {rivals} 分不开，请让两个条目的问法区别开", "entry {rivals} competes: make the two entries' questions distinct"),
    ("请补充更接近的问法", "add a question closer to this wording"),
    ("原因在那个条目或规则，不是缺少问法", "the cause is that entry or rule, not a missing question"),
)


def _miss(reply: Reply, entry_id: str, advice: tuple[tuple[str, str], ...]) -> tuple[str, str, str, str]:
    """What took a phrasing from its entry (Chinese, English), and the advice that fits."""
    zh, en, closer_helps = what_took(reply)
    rivals = _competitors(reply, entry_id)
    zh_advice, en_advice = advice[0] if rivals else advice[1] if closer_helps else advice[2]
    return zh, en, zh_advice.format(rivals=rivals), en_advice.format(rivals=rivals)


def check_knowledge(path: str, matching: MatchingConfig | None = None) -> tuple[list[Problem], str]:
    """All problems (errors and warnings, each at file:line) and a one-line summary."""
    # the engine the bot itself would start from (kept on disk, keyed by these very files): a
    # second check of unchanged files, and the bot's next start, cost no build
    engine, built_problems = cached_build(path, matching)
    if engine is None:
        knowledge, problems = load_knowledge(path)
        if not knowledge.entries:
            return problems, f"{path}: no entries loaded"
        engine = Engine(knowledge, matching)
    else:
        knowledge, problems = engine.knowledge, list(built_problems)
    text = engine.text
    # Both places of a question two entries share are reported: kb check cannot tell which one
    # staff just added, and either may be the one to change.
    seen: dict[str, list[tuple[str, str, str, int]]] = defaultdict(list)  # entry id, question, file, line
    shapes: dict[frozenset, list[tuple[str, str, str, int]]] = defaultdict(list)
    # Each question is answered right after its shape is read: the engine's typo repair remembers
    # the question's text then (a bounded cache, smaller than the knowledge's questions).
    replies: dict[tuple[int, int], Reply] = {}
    for e, entry in enumerate(knowledge.entries):
        if not entry.answer.strip():
            problems.append(Problem(entry.file, entry.line, f"答案是空的 / entry {entry.id!r} has an empty answer"))
        lines = entry.question_lines or (entry.line,) * len(entry.questions)
        for q, (question, line) in enumerate(zip(entry.questions, lines, strict=False)):
            seen[bare(text.normalize(question))].append((entry.id, question, entry.file, line))
            words = frozenset(text.content_words(text.canonical(text.normalize(question))))
            if words:
                shapes[words].append((entry.id, question, entry.file, line))
            # read by its meaning: typed exactly as listed it reaches its entry anyway (the
            # own-question step); a miss here is how near wordings of citizens would fare
            replies[e, q] = engine.answer(question, by_reading=True)
    shared: set[tuple[str, int]] = set()
    for group in seen.values():
        for entry_id, question, file, line in group:
            others = [g for g in group if g[0] != entry_id]
            if others:
                other_id, _, other_file, other_line = others[0]
                shared.add((file, line))
                problems.append(Problem(file, line, f"问法 {question!r} 也在条目 {other_id!r} 里 / question {question!r} is also in entry {other_id!r} "
                                        f"({other_file}:{other_line}): keep it in one entry"))
    for group in shapes.values():
        for entry_id, question, file, line in group:
            if (file, line) in shared:
                continue  # said above
            others = [g for g in group if g[0] != entry_id]
            if others:
                other_id, other_question, other_file, other_line = others[0]
                problems.append(Problem(file, line, f"两个条目的问法对机器人来说一样，请改写其中一个 / question {question!r} ({entry_id}) and {other_question!r} "
                                        f"({other_id}, {other_file}:{other_line}) mean the same to the engine: "
                                        "reword one so the two entries can be told apart"))
    reported = {(p.file, p.line) for p in problems if p.severity == "error"}
    passed = total = honest = 0
    for e, entry in enumerate(knowledge.entries):
        qlines = entry.question_lines or (entry.line,) * len(entry.questions)
        for q, (question, line) in enumerate(zip(entry.questions, qlines, strict=False)):
            if (entry.file, line) in reported:
                continue  # already an error above: the same question in two entries
            reply = replies[e, q]
            if reply.status == ANSWER and reply.entry_id == entry.id:
                continue
            if reply.declines and any(c.id == entry.id for c in reply.choices):
                # 豆罗中队在哪: the entry lists what citizens ask of it, its answer says the address is
                # not known here, and the bot says so with this entry offered: meant, not a miss
                honest += 1
                continue
            zh, en, zh_advice, en_advice = _miss(reply, entry.id, QUESTION_ADVICE)
            problems.append(Problem(entry.file, line, f"条目自己的问法按意思读得不到本条目的答案（原样输入能答到，换个说法就可能答错）：{zh}，{zh_advice}"
                                    f" / question {question!r} of {entry.id!r} does not reach it when read by its meaning (typed"
                                    f" exactly as listed it does): {en}; {en_advice}", "warning"))
        tlines = entry.test_lines or (entry.line,) * len(entry.tests)
        for phrase, line in zip(entry.tests, tlines, strict=False):
            total += 1
            reply = engine.answer(phrase)
            if reply.status == ANSWER and reply.entry_id == entry.id:
                passed += 1
                continue
            zh, en, zh_advice, en_advice = _miss(reply, entry.id, TEST_ADVICE)
            problems.append(Problem(entry.file, line, f"测试问法没有得到本条目的答案：{zh}，{zh_advice} / test {phrase!r} should answer "
                                    f"{entry.id!r}, {en}: {en_advice}"))
    rules = knowledge.emergency
    problems.extend(check_entries(knowledge.entries, path, [(name, getattr(rules, name), file, line)
                                                           for name, file, line in rules.reply_lines]))
    n_questions = sum(len(e.questions) for e in knowledge.entries)
    files = len({e.file for e in knowledge.entries})
    summary = (f"{files} topic files, {len(knowledge.entries)} entries, {n_questions} questions, "
               f"{len(knowledge.synonyms)} synonyms, {len(knowledge.concepts.subjects)} subjects, "
               f"{len(knowledge.concepts.aspects)} aspects, {len(knowledge.smalltalk)} smalltalk intents; "
               f"tests: {passed}/{total} passed; {honest} questions get the honest 'not held here' reply with their entry offered")
    return problems, summary
