"""The engine's steps. `steps()` lists them once, in order: a question passes through each until one
decides (returns a Reply). A new rule is a new step with its own data, placed in that list.

Each Reply says in `reason` which step decided and why ("aspect:载人 not held for 电动自行车"), so
staff can see it in `trafficbot ask --json` and in the query log.
"""

from __future__ import annotations

import dataclasses
import heapq
import re
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from typing import Any

from bot import emergency
from bot.answertype import AnswerTypes
from bot.asking import ASK_MARK, ASKS_ANY, LATIN_ASKS_FROM, TRUTH, asks
from bot.config import MatchingConfig
from bot.knowledge import Entry, Knowledge, SmalltalkIntent
from bot.matcher import Index, Match
from bot.reply import ANSWER, CLARIFY, EMERGENCY, FALLBACK, SMALLTALK, Candidate, Reply
from bot.text import FUNCTION_CHARS, MAX_QUERY_CHARS, TextProcessor, bare, lazy_pinyin
from bot.understand import ConceptReader, Reading

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
NOT_HELD_TEXT = "关于{subject}，这个问题我这里没有资料，不想给您说错。\n建议您" + OFFICIAL_CHANNELS + "。"
NOT_HELD_CHOICES = "关于{subject}，我能回答这些："
RELATED_CHOICES = "下面这些问题可能和您问的有关："
CLARIFY_TEXT = "我不太确定您想问的是哪一个，请选择："
UNSURE_PART_TEXT = "这一问我不太确定您指的是哪种情况，请在下面的相关问题里选择。"
# one weak candidate only: more often another question than this one, so the honest reply comes
# first and the candidate is offered after it
UNSURE_ONE_TEXT = ("这个问题我没有把握回答，不想给您说错。建议您" + OFFICIAL_CHANNELS + "。\n"
                   "如果您想问的是下面这个问题，请选择：")
TOPIC_TEXT = "关于{concept}，您想问哪一个？请选择："

# Where a message's clauses break, as typed (before normalising drops the punctuation).
# 1.5 is a number, not two clauses; nor is 8:30 (a colon introduces what follows: 先问问：…)
_PUNCTUATION_BREAK = re.compile(r"(?:[，,。！!？?；;、…~：]|(?<!\d)[.:]|[.:](?!\d))+")
_HAN_CHAR = re.compile(r"[\u3400-\u9fff\uf900-\ufaff]")
_LATIN_LETTER = re.compile("[A-Za-z]")
_LATIN_WORD = re.compile("[A-Za-z]+")
_SPACE_NOT_BETWEEN_LATIN = re.compile("(?<![A-Za-z]) | (?![A-Za-z])")


def _compact(text: str) -> str:
    """The text without its spaces, but for those between Latin words (hi | highway: no 'hihighway')."""
    return _SPACE_NOT_BETWEEN_LATIN.sub("", text)


def _as_typed(text: str, part: str) -> str:
    """`part` of `_compact(text)` with the spaces it was typed with (急死了 跟保险公司…签了 钱还不到: the
    question after the smalltalk keeps its clauses)."""
    removed = {i for m in _SPACE_NOT_BETWEEN_LATIN.finditer(text) for i in range(m.start(), m.end())}
    kept = [i for i in range(len(text)) if i not in removed]
    at = "".join(text[i] for i in kept).find(part)
    if at == -1 or not part:
        return part
    return text[kept[at]:kept[at + len(part) - 1] + 1].strip()


def _both_latin(left: str, right: str) -> bool:
    return bool(left and right and _LATIN_LETTER.match(left) and _LATIN_LETTER.match(right))


_LONE_CHAR = re.compile(r"(?:^|\s)\S(?:\s|$)")  # a single character typed apart: 火 车上有人, 车上有人 火
_THERE = ("那边", "那里", "那儿", "当地", "人家那", "there")  # 德国高速不限速 …那边是咋规定的: the place told before, asked of again
_POINTS_BACK = "它"  # a thing the story told, asked of again at its end
_LIVED = "过"  # a thing lived through (出过车祸): told, as often as asked of
_YEAR = re.compile(r"(?<![\d.])(?:19|20)\d\d(?![\d.])")  # a year as written: 2024, not 12123 or 17761
# The most clauses read of one message: its first (where harm is told: 我受伤了，…) and its last
# (where the question is). Telegram allows 4096 characters; the work stays that of a long question.
HEAD_CLAUSES, TAIL_CLAUSES = 4, 12
READ_CHARS = 4 * MAX_QUERY_CHARS  # of a longer message, this much of its start and of its end is read
REPAIR_CHARS = 48  # typos are repaired in this many characters at a message's end
# Of a message longer than any question (MAX_QUERY_CHARS: a story, or a flood), the question is read
# from this many characters at its end: longer than all but 12 of 2,921 labelled questions, and
# what reading and ranking then cost stays that of a long question, whatever was sent before it.
STORY_ASK_CHARS = 64
MIN_CLAUSES = 3  # a message of fewer clauses is one question, not a story and a question
STORY_CHARS, ASK_CHARS = 40, 16  # a message typed without breaks this long is a story; its ask is at the end
# details a story tells as often as it asks (医院催着交钱, 花了好几万): read from a clause that asks nothing, told
_TOLD_DETAILS = frozenset({"金额"})
# a message spaced word by word no longer than this is one question, not a story with an end
SPACED_QUESTION_CHARS = 20
SPACED_END_CHARS = 8  # the end of a longer one spaced word by word: its last words of this many characters
ASK_CLAUSES = 2  # the clauses at a story's end whose subjects and aspects are what is asked
ASK_MAX_CHARS = 100  # the last clauses re-read are an ask, not a story (the longest labelled question: 84)
MAX_ASK_CLAUSES = 3  # the ask sits in the last few clauses; longer tails are the story again
CLAUSE_MIN_SCORE = 0.55  # how sure the last clauses must be to pick among the whole's candidates
# phrases that hold a place name and name no place (全国通用 asks whether a rule holds everywhere)
NOT_PLACES = ("北京时间", "全国通用", "全国统一", "全国一样", "全国都一样", "全国有效", "全国都能", "全国范围", "全国各地")
PLACE_SUFFIXES = ("市", "省", "区", "县")
PLACE_SUFFIXES_BEFORE_WHERE = ("市区", "城区", "市里", "县城", "县里", "市", "省", "区", "县", "这边", "那边")
# Words around smalltalk that change nothing: "好的 明白了 谢谢", "辛苦了交警同志".
SMALLTALK_FILLERS = (
    "请问", "明白", "嗯", "哦哦", "哦", "噢", "交警同志", "警察同志", "小同志", "同志", "警官", "小助手", "助手",
    "小帮手", "帮手", "机器人",
    "大家", "们", "啊", "呀", "哈", "啦", "呢", "嘛", "吧", "喔", "呐", "哇", "的", "了", "~", " ",
)
# Particles end a phrase; at the start they belong to the next word (你好，了解一下 → 了解).
END_ONLY_FILLERS = frozenset(("们", "哈", "的", "了"))
# the fillers that are particles: peeled off between a question and the smalltalk after it, they are
# the question's own (颠掉了 谢谢)
_PARTICLE_CHARS = "了啊呀吧呢嘛啦"
SMALLTALK_CHARS = 24  # longer than this, with no smalltalk phrase at either end, is no smalltalk
SMALLTALK_PRIORITY = ("identity", "goodbye", "thanks", "greeting", "ack")


@dataclass
class Shared:
    """What every step may read: built once per knowledge version, never changed by a question."""

    knowledge: Knowledge
    matching: MatchingConfig
    text: TextProcessor
    index: Index
    reader: ConceptReader
    position: dict[str, int] = field(default_factory=dict)  # entry id -> index
    by_id: dict[str, Entry] = field(default_factory=dict)

    def candidate(self, match: Match) -> Candidate:
        entry = self.knowledge.entries[match.entry]
        return Candidate(entry.id, entry.questions[0], round(match.score, 4))

    def answer(self, entry: Entry, score: float, base: dict, candidates: tuple[Candidate, ...],
               reason: str) -> Reply:
        related = tuple(Candidate(r.id, r.questions[0], 0.0) for r in (self.by_id.get(i) for i in entry.related) if r)
        text = f"{entry.answer}\n\n来源：{entry.source}（更新于 {entry.updated}）"
        return Reply(ANSWER, text, entry_id=entry.id, topic=entry.topic, score=score, source=entry.source,
                     updated=entry.updated, candidates=candidates, choices=related, reason=reason,
                     declined=entry.declines, **base)

    def national(self) -> frozenset[int]:
        """The entries on national rules: neither their source nor their answer names the home place
        (a rule of the law holds in every county and every city; 忻州's figures do not)."""
        home = self.knowledge.home_place
        return frozenset(i for i, e in enumerate(self.knowledge.entries)
                         if home and home not in e.source and home not in e.answer)

    def words(self, text: list[str] | tuple[str, ...]) -> tuple[str, ...]:
        """Rule words compared the way questions are: normalised, without spaces; a gap (…) kept
        between the parts it joins (本来想…结果)."""
        return tuple(w for w in ("…".join(self.text.normalize(p).replace(" ", "") for p in x.split("…")) for x in text)
                     if w.strip("…"))


@dataclass
class Asked:
    """One question on its way through the steps; each step fills in what it found."""

    query: str
    clauses: list[str] = field(default_factory=list)  # normalised, as typed
    fixed: list[str] = field(default_factory=list)  # the same, typos repaired
    heard: list[str] = field(default_factory=list)  # the same, repaired liberally: for the emergency check
    normalized: str = ""
    repaired: str = ""
    canonical: str = ""
    words: list[str] = field(default_factory=list)  # the canonical text's content words (jieba)
    smalltalk: SmalltalkIntent | None = None  # a greeting before the question
    rest: str = ""  # the question after that greeting
    reading: Reading = field(default_factory=Reading)
    allowed: frozenset[int] | None = None  # entries that cover what was read; None: any
    place: str = ""  # another city named: only national rules, and only confidently
    story_subjects: bool = False  # the subjects were told in a story, not named where it asks
    # the story named subjects we hold that its end did not (喝了两瓶啤酒开车叫查住了 … 驾照扣多久
    # 罚款是多少): read again with them beside the end's when the end alone is answered by no entry
    story_told: bool = False
    with_story: bool = False  # this reading is that second one
    # a story's reading with only its last clause's aspects asked (…交警来看过现场 一般多少天能拿到):
    # tried when what the whole end read is held by no entry
    last_asked: Reading | None = None
    asks_last: bool = False  # a story's last clause reads what is asked on its own
    told: list[str] | None = None  # the clauses as told (`_told`), worked out once
    matches: list[Match] = field(default_factory=list)
    # the honest reply that stands unless an entry answers confidently (an aspect word said in
    # that entry's own questions, though no entry holds the aspect)
    undecided: Reply | None = None
    sure: float = 0.0  # the least score an answer needs, raised where entries may answer only surely
    base: dict = field(default_factory=dict)  # the fields every Reply of this question carries
    by_reading: bool = False  # an entry's own question read as any other (kb check: how the reading fares)


# -- the steps ---------------------------------------------------------------------------------
class Read:
    """Clauses as typed, normalised (full-width, traditional script, punctuation) and repaired
    (pinyin typos) once; an empty message is told how to ask."""

    name = "read"

    def __init__(self, shared: Shared):
        self.s = shared

    def __call__(self, asked: Asked) -> Reply | None:
        query = asked.query
        if len(query) > 2 * READ_CHARS:
            query = query[:READ_CHARS] + "。" + query[-READ_CHARS:]
        raw = clauses(query)
        if _spaced_word_by_word(query.split()) and _PUNCTUATION_BREAK.search(query):
            # 俺 孙子 15 了, 嗯, 想 骑 电动车 上学, 那个, 得 多大 才能 骑 上路 咧: spaced word by word,
            # the spaces part words, not clauses; the punctuation parts the clauses
            raw = clauses(_WORD_SPACE.sub("", query))
        if len(raw) > HEAD_CLAUSES + TAIL_CLAUSES:
            raw = raw[:HEAD_CLAUSES] + raw[-TAIL_CLAUSES:]
        # a clause longer than what is matched keeps its start (harm told first) and its end (the ask)
        raw = [part for c in raw for part in ((c[:MAX_QUERY_CHARS], c[-MAX_QUERY_CHARS:])
                                               if len(c) > 2 * MAX_QUERY_CHARS else (c,))]
        asked.clauses = [c for c in (self.s.text.normalize(c) for c in raw) if c]
        whole = " ".join(asked.clauses)
        # Repair keeps a text's length and breaks at spaces: one pass serves every clause. It
        # costs by the character, so only a message's end is repaired, where the question is.
        # The emergency check reads the liberal repair beside the text as typed (a missed cry
        # costs more than a misread word); matching reads the strict one.
        head, tail = whole[:-REPAIR_CHARS], whole[-REPAIR_CHARS:]
        repaired = head + self.s.text.repair_typos(tail)
        liberal = head + self.s.text.repair_typos(tail, strict=False)
        asked.fixed, asked.heard = _per_clause(asked.clauses, whole, repaired), _per_clause(asked.clauses, whole, liberal)
        if len(repaired) != len(whole):
            repaired = whole
        asked.normalized, asked.repaired = _asked_text(asked.clauses, repaired)
        asked.base = {"query": asked.query, "normalized": asked.normalized,
                      "knowledge_version": self.s.knowledge.version}
        if not asked.normalized.replace(" ", ""):
            return Reply(FALLBACK, EMPTY_TEXT, reason="read: nothing to read", **asked.base)
        return None


def _asked_text(clauses: list[str], repaired: str) -> tuple[str, str]:
    """What is matched, as typed and as repaired (`repaired`: the clauses joined, typos repaired).
    A long story keeps its end: that is where the question is; its clauses whole, when the last
    ones fit."""
    whole = " ".join(clauses)
    tail = whole
    if len(whole) > MAX_QUERY_CHARS:
        tail = whole[-STORY_ASK_CHARS:]
        tail = tail[tail.find(" ") + 1:] if " " in tail.strip() else tail
        last = clauses[-1]
        if len(tail) < len(last) <= MAX_QUERY_CHARS and len(_LATIN_WORD.findall(last)) >= ENGLISH_CLAUSE_WORDS:
            # a clause in English words is five times as long as the same in Chinese: the
            # question it asks is read whole (…got curious: what is the top speed allowed for a
            # small passenger car on a Chinese expressway?), not its last words; from its
            # question word on, where words of the story come first (after I pay and get the car
            # how many days do I have to …)
            asking = LATIN_ASKS_FROM.search(last)
            tail = last[asking.start():] if asking is not None and asking.start() > 0 and len(
                _LATIN_WORD.findall(last[asking.start():])) >= ENGLISH_CLAUSE_WORDS else last
    normalized = tail.strip()
    return normalized, repaired[len(whole) - len(normalized):] if len(repaired) == len(whole) else ""


class FearTold:
    """A fear told after the question (…最快能跑多少？怕超速扣分; …能去换？急死了怕过期) says why it
    is asked, not what: the steps after this one read the message without it. The emergency check,
    before, reads it all (…怎么办 怕他不行了)."""

    name = "fear-told"

    def __init__(self, shared: Shared):
        self.s = shared
        self.fears = shared.words(shared.knowledge.concepts.fears)

    def __call__(self, asked: Asked) -> Reply | None:
        k = _motive_from(asked.clauses, self.fears)
        if k < len(asked.clauses):
            asked.clauses, asked.fixed, asked.heard = asked.clauses[:k], asked.fixed[:k], asked.heard[:k]
            asked.told = None
            asked.normalized, asked.repaired = _asked_text(asked.clauses, " ".join(asked.fixed))
        return None


FEAR_LEAD = 4  # characters a fear may come after at its clause's start (急死了怕过期)


def _last_asking(clauses: list[str]) -> int:
    """The index of the last clause that asks; -1 when none does."""
    return max((i for i, c in enumerate(clauses) if asks(c)), default=-1)


def _motive_from(clauses: list[str], fears: Sequence[str]) -> int:
    """Where the clauses that only tell a fear, after the question, begin (…能去换？急死了怕过期):
    the number of clauses when none do."""
    k = len(clauses)
    while k > 1 and any(0 <= clauses[k - 1].find(w) <= FEAR_LEAD for w in fears) and not asks(clauses[k - 1]):
        k -= 1
    return k if any(asks(c) for c in clauses[:k]) else len(clauses)


ENGLISH_CLAUSE_WORDS = 6  # a last clause of this many Latin words or more is read whole, up to MAX_QUERY_CHARS
WORD_BY_WORD = 6  # this many parts or more, most of them a word of one or two characters: spaced word by word


_WORD_SPACE = re.compile(r"(?<=[\u4e00-\u9fff\d]) +(?=[\u4e00-\u9fff\d])")  # a space between Chinese words


def _spaced_word_by_word(parts: list[str], least: int = WORD_BY_WORD) -> bool:
    return len(parts) >= least and 2 * sum(len(p) <= 2 for p in parts) > len(parts)


def _told(asked: Asked) -> list[str]:
    """The clauses as told: a message spaced word by word (没有 中心线 的 公路 …在 德国 最高 能 开
    多少) is one clause, not a story whose end is its last few words."""
    if asked.told is None:
        typed = asked.query.split()
        spaced = _spaced_word_by_word(typed) and len(clauses(asked.query.replace(" ", ""))) == 1
        asked.told = ["".join(asked.clauses)] if spaced else asked.clauses
    return asked.told


def _short_spaced(asked: Asked) -> bool:
    """A short message broken only by spaces: its words may be one question cut anywhere."""
    compact = asked.query.replace(" ", "")
    return len(compact) <= SPACED_QUESTION_CHARS and len(clauses(compact)) == 1


_CRIED = "喊叫呼嚷"  # 喊救命, 叫救命, 呼救命: someone is heard crying for help


# the emergency lists read as the text is (traditional script, width): those compile_rules does not normalise itself
_NORMALISED_LISTS = ("urgent", "harm", "fire", "negations", "not_now", "sighs", "new_matter", "put_out", "put_off",
                     "banter", "usually", "but", "bought", "turns", "back_then", "insists", "also", "got_out")


class Emergency:
    """Someone hurt or in danger now: 122 / 120 (119 first for fire), before any matching."""

    name = "emergency"

    def __init__(self, shared: Shared):
        self.s = shared
        rules = shared.knowledge.emergency
        normalised: dict[str, Any] = {f: shared.words(getattr(rules, f)) for f in _NORMALISED_LISTS}
        self.rules = dataclasses.replace(rules, **normalised)
        self.detector = emergency.compile_rules(self.rules, shared.text)
        self.cries = frozenset(w for w in self.rules.alone + self.rules.alone_fire if len(w) == 1)  # 火, 血
        # a sigh typed in pinyin (jiuming a, 驾照丢了 补办要几天): its syllables, spaced or run together
        spelled = {w: r"\s*".join(lazy_pinyin(w)) for w in self.rules.sighs if all("\u4e00" <= c <= "\u9fff" for c in w)}
        self.spelled_sighs = tuple((re.compile(rf"(?<![a-z]){p}(?![a-z])", re.I), w)
                                   for w, p in sorted(spelled.items(), key=lambda x: -len(x[0])))

    def __call__(self, asked: Asked) -> Reply | None:
        # Clause by clause, as typed and as repaired: 车被撞了 人跑了 is no 撞了人.
        danger = emergency.assess(asked.clauses, asked.heard, self.detector)
        if danger is None and self.cries and (" " in asked.query or "\u3000" in asked.query) \
                and _LONE_CHAR.search(asked.query):
            # 火 车上有人: a one-character cry typed apart, that reading the spaces as spelling
            # one word out glued into 火车. Read apart, it is believed where the clause after it
            # tells of someone there or hurries, asking nothing.
            norm = self.s.text.normalize
            apart = [c for c in (norm(c) for c in clauses(asked.query, apart=lambda p: norm(p) in self.cries)) if c]
            if apart != asked.clauses and emergency.cried_apart(apart, self.cries, self.detector):
                danger = emergency.assess(apart, apart, self.detector)
        typed = asked.query.split()
        if danger is None and (_spaced_word_by_word(asked.clauses) or _spaced_word_by_word(typed)) \
                or danger is not None and danger.kind != "fire" \
                and len(asked.clauses) > 1 and _spaced_word_by_word(typed, least=3):
            # 两个人 都 倒在 路上 一个 不 说话: spaces between words, not between clauses — read
            # as one clause, as it would be typed without them; and danger found, read whole for
            # what puts 119 first (车 翻了 人 压在 下面: someone pinned, which the words apart do not tell)
            joined = emergency.assess(["".join(asked.clauses)], ["".join(asked.heard)], self.detector)
            if danger is None or joined is not None and joined.kind == "fire":
                danger = joined
        if danger is None or danger.category == emergency.URGENT and self._sighed(asked):
            return None
        return Reply(EMERGENCY, danger.reply, reason=f"emergency: {danger.why}", **asked.base)

    def _sighed(self, asked: Asked) -> bool:
        """A sighed cry (`sighs`: 救命) is all the danger found, and the rest of the message asks a
        question the knowledge reads (a subject or aspect it names): 救命 网上学习减分要学多久 is
        exasperation. A cry alone, or beside words we cannot read, stays a call for help."""
        sighs = self.rules.sighs
        typed = " ".join(asked.clauses)
        if sighs and not any(w in typed.replace(" ", "") for w in sighs) and len(asked.heard) == len(asked.clauses):
            typed = " ".join(asked.heard)  # 救名 驾找丢了 补办要几天: the sigh typed with a slip
        if sighs and not any(w in typed.replace(" ", "") for w in sighs):
            # the sigh typed in pinyin, and so, likely, the rest: each clause read as the words it spells
            spelled = list(asked.clauses)
            for pattern, word in self.spelled_sighs:
                spelled = [pattern.sub(word, c) for c in spelled]
            if spelled != asked.clauses:
                typed = " ".join(self.s.text.read_pinyin(c) for c in spelled)
        if not sighs or not any(w in typed.replace(" ", "") for w in sighs):
            return False
        if any((at := typed.find(w, 1)) > 0 and typed[at - 1] in _CRIED for w in sighs):
            return False  # 有人在喊救命: a cry heard from someone at the scene, not the writer's sigh
        rest = typed
        for w in sorted(self.rules.urgent + sighs, key=len, reverse=True):
            rest = rest.replace(w, " ")
        parts = [p for p in rest.split() if p.strip("啊呀哇吧了")]
        if not parts:
            return False
        text = self.s.text
        canonical = text.canonical(" ".join(parts))
        kind = next((t.word for t in text.tokens(canonical) if t.word.startswith("#")), "")
        if not kind and not any(asks(p) for p in parts):  # 周六上不上班 asks as A不A does
            return False
        # a matter our vocabulary names, held or not (救命 太原限号几: plate restrictions, which no
        # entry answers), is an everyday question sighed over: it gets its honest reply
        reading = self.s.reader.read(canonical, kind)
        return bool(reading.subjects or reading.aspects)


class Smalltalk:
    """你好 / 谢谢 / 再见 / 你是谁 get their reply; a greeting before a question is dropped."""

    name = "smalltalk"

    def __init__(self, shared: Shared):
        self.s = shared
        text = shared.text
        self.phrases = {_compact(text.normalize(p)): intent
                        for intent in shared.knowledge.smalltalk for p in intent.phrases}
        self.by_len = sorted(self.phrases, key=len, reverse=True)
        # by the character a phrase starts or ends with: a text's two ends are looked up, not every phrase
        self.rank = {p: n for n, p in enumerate(self.by_len)}
        self.by_first: dict[str, list[str]] = {}
        self.by_last: dict[str, list[str]] = {}
        for phrase in self.by_len:
            if phrase:
                self.by_first.setdefault(phrase[0], []).append(phrase)
                self.by_last.setdefault(phrase[-1], []).append(phrase)
        self.words = {w: intent for intent in shared.knowledge.smalltalk for p in intent.phrases
                      for w in text.content_words(text.normalize(p))}
        self.word_chars = frozenset("".join(self.words)) | FUNCTION_CHARS

    def __call__(self, asked: Asked) -> Reply | None:
        intent, rest = self.split(_compact(asked.normalized))
        if intent is None:
            return None
        if not rest:
            return Reply(SMALLTALK, intent.reply, score=1.0, reason=f"smalltalk: {intent.id}", **asked.base)
        asked.smalltalk, asked.rest = intent, _as_typed(asked.normalized, rest)
        return None

    def split(self, compact: str) -> tuple[SmalltalkIntent | None, str]:
        """(intent, the question left) when the text is or starts with smalltalk.

        Phrases and fillers are peeled off both ends; when nothing is left, or only words that
        smalltalk phrases use (你都能回答啥问题), it is smalltalk.
        """
        found = []
        rest = compact
        changed = True
        while rest and changed:
            changed = False
            rest = self._strip_fillers(rest)
            if not rest:
                break
            # the longest phrase at either end, as a walk over every phrase by length would find it
            # hi is no greeting inside highway, nor thanks inside thanksgiving
            phrase = next((p for p in self.by_first.get(rest[0], ()) if rest.startswith(p)
                           and not _both_latin(p[-1], rest[len(p):len(p) + 1])), None)
            last = next((p for p in self.by_last.get(rest[-1], ()) if rest.endswith(p)
                         and not _both_latin(rest[-len(p) - 1:-len(p)], p[0])), None)
            if last is not None and (phrase is None or self.rank[last] < self.rank[phrase]):
                phrase = last
            if phrase is not None:
                found.append(self.phrases[phrase])
                rest = rest[len(phrase):] if rest.startswith(phrase) else rest[: -len(phrase)]
                changed = True
        # With no phrase found, only a text of smalltalk words alone is smalltalk; a character of
        # no such word rules that out without cutting the text with jieba.
        if rest and (found or len(rest) <= SMALLTALK_CHARS) and (
                found or not self.s.text.has_word_outside(rest, self.word_chars)):
            words = {w for w in self.s.text.content_words(rest) if not w.startswith("#")}
            if not words and found:
                rest = ""  # 好的 我知道了 再见: after the smalltalk nothing with a meaning is left
            elif words and words <= self.words.keys():
                found.extend(self.words[w] for w in words)
                rest = ""
            elif found and len(rest) <= 1:
                rest = ""  # "谢谢你啊小同志": a stray character after smalltalk is no question
        if not found:
            return None, compact
        if rest:
            # a particle peeled off between the question and the phrase is the question's own
            # (颠掉了 谢谢: 掉了 says it fell off); only the smalltalk and what lies beyond it goes
            at = compact.find(rest)
            end = at + len(rest)
            while end < len(compact) and compact[end] in _PARTICLE_CHARS:
                end += 1
            return found[0], compact[at:end] if at != -1 else rest
        ids = {i.id for i in found}
        best = next((i for p in SMALLTALK_PRIORITY for i in found if i.id == p and p in ids), found[-1])
        return best, ""

    def _strip_fillers(self, text: str) -> str:
        changed = True
        while text and changed:
            changed = False
            for f in SMALLTALK_FILLERS:
                if f not in END_ONLY_FILLERS and text.startswith(f) and text not in self.phrases:
                    text, changed = text[len(f):], True
                if text.endswith(f) and text not in self.phrases:
                    text, changed = text[: -len(f)], True
        return text


class Questions:
    """Two or three questions in one message (驾照过期了怎么办？还有电动车要上牌吗): each part is read on
    its own, and when parts are answered by different entries the citizen gets each answer under
    its own question; a part we do not hold, naming its own subject, is said so beside the others.
    Otherwise the message is one question and is answered whole."""

    name = "questions"

    def __init__(self, shared: Shared, before: tuple, later: tuple):
        self.s = shared
        self.before = before  # what each part is read by first: clauses and typos, then smalltalk
        self.later = later
        self.settings = frozenset().union(*shared.reader.only_when)  # the aspects some entry is only for

    def __call__(self, asked: Asked) -> Reply | None:
        whole = self._through(asked)
        if whole.status != ANSWER and asked.story_told:
            # the end named its own subjects and no entry answers them alone: the story's may be what
            # the end asks of (…吹出来是酒驾 驾照扣多久 罚款是多少 asks the drink-driving penalty); only
            # an answer read so replaces the reply to the end
            again = Asked(asked.query, by_reading=asked.by_reading, with_story=True)
            if not any(step(again) is not None for step in self.before):
                retold = self._through(again)
                if retold.status == ANSWER:
                    return dataclasses.replace(retold, reason=f"with the story's subjects: {retold.reason}")
        aside = _BY_THE_WAY.search(asked.query) is not None
        asked_after = _after_ask(asked.query)
        if asked_after and whole.status == ANSWER:
            after = self._asked_after_telling(asked, whole, asked_after)
            if after is not None:
                return after
        elif asked_after and whole.status in (CLARIFY, FALLBACK) and (
                not whole.declined or aside or self._told_declined(asked.query, asked_after)):
            # (what is told before 顺便问下 is an aside: a decline read from it is no decline of the
            # question after it — 12123刚才卡住了半天 顺便问下网上学习减分能减几分; so is a decline
            # the telling earns alone: 12123一直卡住了转圈圈 我就想问问驾驶证到期前多久可以换证)
            one, reply = self._part(asked_after)
            if reply is not None and reply.status != ANSWER and not one.reading.subjects:
                # …听说有个救助基金 想问问这个钱咋给的: what is asked leans on the thing named last
                # before it, as a part of several questions leans on the part before
                processor = self.s.text
                told = self.s.reader.read(processor.canonical(processor.normalize(asked.query[:asked.query.rfind(asked_after)])))
                named = [w for w, c in told.said.items() if c in told.subjects and self.s.reader.held("subjects", c)]
                if named:
                    one, reply = self._part(f"{named[-1]} {asked_after}")
            if reply is not None and reply.status == ANSWER and not one.place \
                    and (one.reading.aspects or not asks(asked.query[:asked.query.rfind(asked_after)])):
                # 上礼拜车子冒烟 拖走修好咧 想问下当时三角牌该摆多远: the story told why, the words
                # after 想问下 are what is asked (…值班电话是多少 想问问我那张事故认定书的事: words
                # naming only what it is about ask nothing after words that asked)
                return dataclasses.replace(reply, query=asked.query, normalized=asked.normalized,
                                           reason=f"asked after the story: {reply.reason}")
        parts = questions(asked.query)
        if len(parts) < 2:
            return whole
        alone = [self._part(part) for part in parts]  # each part read once, by itself
        first_reply = alone[0][1]
        if whole.score >= EXACT and (first_reply is None or first_reply.status != ANSWER):
            return whole  # the words are an entry's own question: its answer holds both
        spaced = not _QUESTION_MARK.search(asked.query) and not _ANOTHER.search(asked.query)
        if spaced and whole.status == FALLBACK and not _each_asks_its_own(parts, alone):
            # parts told only by spaces, whose whole we do not hold (科目二考场在哪 忻州有几个): a
            # part read alone loses what the others said of it; only a whole that found several
            # entries close (a clarify) is read as several questions — or one whose parts each
            # ask an aspect of their own that no one entry holds together (提前多久能去换 过期了咋整)
            return whole
        replies = []
        subject = ""  # as the last part that named one typed it: 电动车限速多少 另外能带人吗 asks of 电动车
        for part, (one, reply) in zip(parts, alone, strict=True):
            if reply is None:
                continue
            reading = one.reading
            if not reading.subjects and reply.status == ANSWER:
                # an entry's own question is answered before it is read (闯红灯扣几分): read now, for
                # what the next part asks of
                processor = self.s.text
                reading = self.s.reader.read(processor.canonical(processor.normalize(part)))
            if not reading.subjects and subject:
                one, reply = self._part(f"{subject} {part}")
            elif reading.subjects:
                # with the setting it was asked in (高速上开太慢也违法吗 最低多少: 最低 is the expressway's
                # minimum): an aspect some entry is only for (`only_when`) goes along with the subject
                said = {c: w for w, c in reading.said.items()}
                settings = [a for a in reading.aspects if a in self.settings]
                # what the part asked (扣几分) is no subject the next part asks of: 闯红灯被拍了 扣几分
                # 罚多少钱 asks the fine of running the light, not of points
                named = [c for c in reading.subjects if not asks(said.get(c, c))] or list(reading.subjects)
                # every word it was typed as (闯红灯 被拍了: the light, not any photo)
                subject = " ".join(dict.fromkeys([w for w, c in reading.said.items() if c in named and not asks(w)]
                                                 + [said.get(c, c) for c in named + settings]))
            if reply is not None:
                replies.append((part, reply, one))
        if spaced and any(r.declines for _, r, _ in replies):
            return whole  # 头盔多少钱一个 交警队卖不卖: the part held nowhere says what the other asks of
        answered = {r.entry_id for _, r, _ in replies if r.status == ANSWER}
        if whole.score >= EXACT and not (len(replies) == len(parts) == len(answered) and whole.entry_id in answered
                                         and all(r.status == ANSWER for _, r, _ in replies)):
            # the words are an entry's own question: its answer holds both — unless each part is
            # answered by an entry of its own, the whole's among them (闯红灯扣几分 罚多少钱: the
            # points, and the fine)
            return whole
        # questions set apart (？, 还有): an entry the whole reads only by joining what each part
        # asked (去哪换 + 手机号换了要不要备案 → a damaged licence) is no answer to either
        joined = not spaced and whole.status == ANSWER and bool(answered) and whole.entry_id not in answered
        if whole.status == ANSWER and whole.entry_id not in answered and not joined:
            return whole  # one entry answers the message read whole, and no part alone: one question
        # a part that declines is told only where it names its own subject, one no answered part
        # is about (电动车要上牌吗？忻州车管所在哪); 注销了能恢复吗 leans on the question before it
        about = {x for p, r, one in replies if r.status == ANSWER for x in one.reading.subjects}
        declined = {p for p, r, one in replies
                    if r.declines and r.status != ANSWER and one.reading.subjects and not one.place
                    and one.query == p and not about & set(one.reading.subjects)}
        # one part answered, the other unsure among a few entries (一个周期能扣几分 扣满了是不是就得重新学):
        # the answer is given, and the unsure part's entries are offered under it, never the whole's
        # clarify that drops the part we are sure of
        # — only a part sure on its own words (拖久了行不行, read with the subject before it lent, is 拖车: no)
        unsure = [p for p, r, _ in replies if r.status == CLARIFY and not r.declines and r.choices]
        if len(unsure) != 1 or len(answered) != 1 or declined or whole.status != CLARIFY and not joined \
                or any(one.query != p for p, r, one in replies if r.status == ANSWER):
            unsure = []
        if len(answered) == 1 and not spaced and (whole.status != ANSWER or joined) and len(replies) == len(parts) \
                and all(r.status == ANSWER for _, r, _ in replies):
            # questions set apart (？), each answered by the same entry, which the message read whole
            # was too unsure of (俺家娃才十四 能骑电动车上路不咧？多大才让骑？) or read as another entry
            # only by joining them (醉驾是不是一定要判刑？驾照吊了以后几年不能再考？ is no drink-driving
            # accident): that entry answers them
            same = replies[0][1]
            return dataclasses.replace(same, query=asked.query, normalized=asked.normalized,
                                       reason=f"questions: each of {len(parts)} answered by {same.entry_id}")
        if len(answered) < 2 and not (answered and declined) and not unsure:
            return whole
        shown, seen = [], set()
        offered: tuple = ()
        for part, reply, _ in replies:
            if reply.status == ANSWER and reply.entry_id not in seen:
                seen.add(reply.entry_id)
                shown.append((part, reply))
            elif part in declined:
                shown.append((part, reply))
            elif part in unsure:
                offered = tuple(c for c in reply.choices if c.id not in answered)
                shown.append((part, dataclasses.replace(reply, text=UNSURE_PART_TEXT)))
        if len(shown) < 2:
            return whole
        # the reply is logged and rated as the entry the whole message was answered with, if any
        first = next((r for _, r in shown if r.status == ANSWER and r.entry_id == whole.entry_id),
                     next(r for _, r in shown if r.status == ANSWER))
        text = "\n\n".join(f"{n}. 「{p}」\n{r.text}" for n, (p, r) in enumerate(shown, 1))
        why = "; ".join(f"{n}. {r.reason}" for n, (_, r) in enumerate(shown, 1))
        return dataclasses.replace(
            first, text=f"您问了{len(shown)}个问题，逐一回答：\n\n{text}", choices=offered, query=asked.query,
            normalized=asked.normalized, reason=f"questions: {len(shown)} asked — {why}",
            extra={"answered": [r.entry_id for _, r in shown if r.status == ANSWER]})

    def _asked_after_telling(self, asked: Asked, whole: Reply, asked_after: str) -> Reply | None:
        """救命啊科目一又挂了 先问下拿到驾照以后实习期是多长时间: the whole answered what the telling
        alone answers or offers; what is asked after the mark, answered alone, is the question. Not
        when the telling asks too (撞车跑了的判几年 想问下肇事逃逸的刑期: the same asked twice), nor
        when the end reads no aspect and leans on the telling (…满分教育通知书 我想问下小车的话要学几天),
        nor when the end's entry is one the whole offers beside its answer, the same matter (…听说可以
        申请复核 请问收到认定书后多少天之内要提)."""
        told = self._telling_alone(asked.query, asked_after)
        if told is None or whole.entry_id not in (told.entry_id, *(c.id for c in told.choices)):
            return None
        one, reply = self._part(asked_after)
        if any(w in asked_after.replace(" ", "") for w in self.s.knowledge.concepts.this_case):
            # …吹出来是饮酒驾驶 想问一下这种情况驾照要扣多长时间: asked of the case told. Only where
            # the end alone is answered by an entry the whole offers beside its answer, holding all the
            # whole asks of, does the end pick among them
            # (…熄火了 …拖车来了 想问一下这种情况三角警告牌放多远: the tow only set the scene)
            if reply is None or reply.status != ANSWER or reply.entry_id not in {c.id for c in whole.choices} \
                    or not one.reading.aspects or one.place:
                return None
            # (the end's entry holds, by name, all the whole asks of and all the end asks)
            reader, at = self.s.reader, self.s.position[reply.entry_id or ""]
            if at in reader.open_subject or at in reader.open_aspect \
                    or not reader.entry_concepts[at].issuperset(asked.reading.subjects + one.reading.aspects):
                return None
            return dataclasses.replace(reply, query=asked.query, normalized=asked.normalized,
                                       reason=f"asked after the telling, of the case told: {reply.reason}")
        if reply is None or reply.status != ANSWER or reply.entry_id in (whole.entry_id, *(c.id for c in whole.choices)) \
                or not (one.reading.subjects and one.reading.aspects) or one.place:
            return None
        return dataclasses.replace(reply, query=asked.query, normalized=asked.normalized,
                                   reason=f"asked after the telling: {reply.reason}")

    def _told_declined(self, query: str, asked_after: str) -> bool:
        """The words before the ask mark, read alone, are declined and ask nothing: the decline is
        the telling's (科目一考场电话多少 想问问能不能改约时间 asks for the phone: declined)."""
        told = self._telling_alone(query, asked_after)
        return told is not None and told.declined

    def _telling_alone(self, query: str, asked_after: str) -> Reply | None:
        """The reply to the words before the ask mark read alone; None when they ask something
        themselves (then they are a question, not a telling) or are only smalltalk."""
        telling = query[:query.rfind(asked_after)]
        return None if asks(telling) else self._part(telling)[1]

    def _part(self, part: str) -> tuple[Asked, Reply | None]:
        """A part read and answered alone; no reply when it is only smalltalk or nothing."""
        one = Asked(part)
        if any(step(one) is not None for step in self.before):
            return one, None
        return one, self._through(one)

    def _through(self, asked: Asked) -> Reply:
        for step in self.later:
            reply = step(asked)
            if reply is not None:
                return reply
        raise AssertionError("the last step always decides")  # pragma: no cover


class OwnQuestion:
    """A question typed as an entry lists it (after normalising: script, width, punctuation,
    spaces) is answered by that entry. Staff wrote it there as what citizens ask: it reaches its
    entry whatever the reading would make of it (修车费谁出 reads no aspect an entry names), and a
    question staff add from the unanswered log works the next time it is asked. A question two
    entries list is left to the other steps (kb check reports it), and so is one asking what its
    entry does not name when its answer says something is not held (豆罗中队在哪: the honest reply
    says so, the entry offered)."""

    name = "own-question"

    def __init__(self, shared: Shared):
        self.s = shared
        text, reader = shared.text, shared.reader
        markers = shared.knowledge.not_held_markers
        owners: dict[str, set[int]] = {}
        for i, entry in enumerate(shared.knowledge.entries):
            # an answer saying what it does not hold (…如何处罚，这里没有具体资料): its questions asking
            # what the entry does not name are left to the reading, which declines them honestly
            says_not_held = any(m in entry.answer for m in markers)
            named = reader.entry_named[i]
            for q in entry.questions:
                normal = text.normalize(q)
                if says_not_held and not set(reader.read(text.canonical(normal)).aspects) <= named:
                    continue
                owners.setdefault(bare(normal), set()).add(i)
        self.owner = {key: next(iter(found)) for key, found in owners.items() if key and len(found) == 1}

    def __call__(self, asked: Asked) -> Reply | None:
        if asked.by_reading:
            return None
        typed = asked.rest if asked.smalltalk is not None else asked.normalized
        i = self.owner.get(bare(typed))
        if i is None:
            return None
        entry = self.s.knowledge.entries[i]
        return self.s.answer(entry, 1.0, asked.base, (), f"answer: {entry.id}, its own question")


class Understand:
    """Synonyms and units to standard words (电瓶车 → 电动自行车, 60伏 → 电池电压), then the question
    read into subjects, aspects and kind (knowledge/concepts*.yaml)."""

    name = "understand"

    def __init__(self, shared: Shared):
        self.s = shared
        k = shared.knowledge
        places = sorted(shared.words([p for p in (k.home_place, *k.home_parts, *k.other_places) if p]), key=len, reverse=True)
        # a place named between a verb and where-word (在忻州哪里上课, 去原平哪个机构, 在 忻州 哪里): the
        # question asks 在哪里 / 去哪 of that place, and is read as if the place were not there
        self.place_before_where = re.compile(
            "(?:" + "|".join(map(re.escape, places)) + ")(?:" + "|".join(PLACE_SUFFIXES_BEFORE_WHERE) + r")?\s*(?=哪)"
        ) if places else None
        others = sorted(shared.words(list(k.other_places)), key=len, reverse=True)
        self.elsewhere = re.compile("|".join(map(re.escape, others))) if others and k.other_place_reads_as else None
        self.venues = frozenset(k.concepts.venues)
        self.circumstances = frozenset(k.concepts.circumstances)
        # the aspects some entry is only for (only_when: 高速公路): a setting that decides which rule
        # holds; not a scene (道路以外: where it happened)
        self.settings = frozenset().union(*shared.reader.only_when) - frozenset(k.concepts.scenes)

    def _read(self, text: str, kind: str = "") -> Reading:
        """The reading of `text`, a place before a where-word dropped. Another place named where
        a thing of ours happened, with nothing else asked of it (在石家庄被拍了违章 还得跑回去处理吗),
        reads as the word for being elsewhere (`other_place_reads_as`) where an entry about that
        thing holds it: what holds anywhere of being elsewhere is asked. Not of an office or of
        nothing we hold (太原车管所在哪, 到太原的火车票: that city's own), nor beside another aspect
        (在太原出了事故 认定书多少天能出: the place is only where it happened)."""
        reader = self.s.reader
        if self.place_before_where is not None:
            text = self.place_before_where.sub("", text)
        reading = reader.read(text, kind)
        if self.elsewhere is None or not reading.subjects or not self.elsewhere.search(text) \
                or not self.venues.isdisjoint(reading.subjects) or not self.circumstances.issuperset(reading.aspects):
            return reading
        # a place inside a word read already (香港驾照 is 境外) stays that word
        said = tuple(reading.said)
        again = reader.read(self.elsewhere.sub(
            lambda m: m.group(0) if any(m.group(0) in w for w in said) else self.s.knowledge.other_place_reads_as, text), kind)
        new = tuple(a for a in again.aspects if a not in reading.aspects)
        held = reader.covering("subjects", reading.subjects) & reader.covering("aspects", new) \
            - reader.open_subject - reader.open_aspect if new else frozenset()
        return again if held else reading

    def __call__(self, asked: Asked) -> Reply | None:
        text = self.s.text
        if asked.smalltalk is not None:
            asked.canonical = text.canonical(asked.rest)
        else:
            asked.canonical = text.canonical(asked.normalized, asked.repaired or None)
        tokens = text.tokens(asked.canonical)
        asked.words = [t.word for t in tokens if t.content]
        kind = next((t.word for t in tokens if t.word.startswith("#")), "")
        reading = self._read(asked.canonical, kind)
        end = self._asking_end(asked)
        # a last clause that asks nothing and points back at what was just asked (…多远的时候换近光
        # 驾照考试老考这个记不住): it tells where the asker met the question, not another subject
        points_back = len(asked.clauses) >= 2 and not asks(asked.clauses[-1]) and asks(asked.clauses[-2]) \
            and any(w in asked.clauses[-1] for w in self.s.knowledge.concepts.this_one)
        if points_back or end is not None and not _end_asks(self.s, end) and any(
                asks(c) for c in asked.clauses[:-ASK_CLAUSES]):
            # the end asks nothing, after a clause that asked (…要判几年 俺没撞 就是好奇; 娃娃坐后排
            # 也得系安全带吗 他才8岁 嫌勒得慌): it tells why the question was asked, whatever it
            # names; the message is read whole, and its words are scored without that tail
            end = None
            upto = _last_asking(asked.clauses) + 1
            asked_part = text.canonical(" ".join(asked.clauses[:upto]), " ".join(asked.fixed[:upto]))
            asked.words = [t.word for t in text.tokens(asked_part) if t.content]
            # what the tail names is why it was asked (驾校老师上课问的: no question about driving schools)
            part = self._read(asked_part, kind)
            if part.subjects or part.aspects:
                reading = part
        end_reading = self._read(end) if end is not None else None
        spaced = _short_spaced(asked)
        if end_reading is not None and not (end_reading.subjects or end_reading.aspects) and spaced:
            end_reading = None  # (科目三 考场 在 忻州 哪里: the last words, 忻州 哪里, read nothing without the 在 before them)
        if end is not None and end_reading is not None:
            # A story asks at its end (先说事故经过，再问“能破案吗”): what is asked there counts;
            # the story's subjects only when the end names none, and only those we know. The
            # story's other aspects are what it told (车借给朋友开…): they rank, they do not gate.
            # a brand the story named (新买了辆九号电动车 …想加个后座带孩子) is carried as its kind
            kinds = self.s.knowledge.concepts.stands_for
            held = tuple(dict.fromkeys(k for k in (kinds.get(w, w) for w in reading.subjects) if self.s.reader.held("subjects", k)))
            # a story naming only a vehicle no entry is about (想买个老年代步车 …能上牌不): the end asks of
            # it, and an entry on another vehicle that shares the end's aspect is no answer (a part or a
            # fault the story told, 排气管冒黑烟 …警告标志放多远, is only how it came about)
            vehicles = self.s.knowledge.concepts.vehicles
            # nor, in a short message spaced word by word (one question), does one naming only another
            # thing no entry is about (身份证 丢了 去哪 补办: the identity card, not the licence)
            unheld = tuple(w for w in reading.subjects if (spaced or w in vehicles) and not self.s.reader.held("subjects", w))
            subjects = end_reading.subjects or held or unheld
            if end_reading.subjects and held and all(w in self.venues for w in end_reading.subjects) \
                    and self._one_holds(held, end_reading.aspects):
                # (驾驶证不见了 …去车管所补办的话多长时间能拿到新证: the office is where it is done,
                # the thing the story lost is what is asked of)
                subjects = tuple(dict.fromkeys(end_reading.subjects + held))
            told_subjects = tuple(w for w in held if w not in subjects)
            said = {c: w for w, c in end_reading.said.items()}
            if told_subjects and all(asks(said.get(c, c)) for c in end_reading.subjects):
                # the end's subjects are only what it asks (闯红灯被拍了 扣几分 罚多少钱: 扣几分 asks the
                # points): the story's stay what is asked of, first
                subjects, told_subjects = tuple(dict.fromkeys(held + end_reading.subjects)), ()
            asked.story_told = bool(end_reading.subjects and told_subjects)
            if asked.with_story or any(w in end.replace(" ", "") for w in self.s.knowledge.concepts.this_case) \
                    and self._one_holds_all(subjects + told_subjects):
                # (…喝醉了开车撞伤了人 …这种情况交强险还管赔吗: the case asked of is the story's,
                # where one entry is about all of it)
                subjects = subjects + told_subjects
            if end_reading.subjects and not any(w in vehicles for w in end_reading.subjects):
                # the vehicle the story named stays what the end asks of (电驴后头绑货 … 往后伸出去多长
                # 不算违规: the end names only 违规, of the e-bike, not of cars)
                subjects = tuple(dict.fromkeys(subjects + tuple(w for w in held if w in vehicles)))
            aspects = end_reading.aspects
            if not end_reading.subjects and not end_reading.aspects and len(asked.clauses) > ASK_CLAUSES:
                # the end names nothing it asks of (扣的分是不是一年一清 今年扣了6分没满 明年还接着算不):
                # it goes on asking what a clause before it asked
                # (听说有个基金能先垫钱 是真的吗 人已经出院了: what the truth of is asked, is asked)
                asked_before = [self._read(text.canonical(c, f)) for i, (c, f) in
                                enumerate(zip(asked.clauses[:-ASK_CLAUSES], asked.fixed[:-ASK_CLAUSES], strict=False))
                                if asks(c) or TRUTH.fullmatch(asked.clauses[i + 1])]
                aspects = tuple(dict.fromkeys(a for r in asked_before for a in r.aspects))
            elif end_reading.subjects and _PERMITTED.search(end) and _end_asks(self.s, end):
                # the end asks whether, of a subject (…想让他自己骑电动车上学 法律上允许吗): what the
                # story told of it (我儿子今年15岁: 年龄) is what the answer turns on, where an entry
                # about that subject holds it — beside what the end asks, only what the one asking is
                # (`turns_on`: …15岁 …能骑上路吗 asks the riding age, 新司机 …也能开 no learner rule)
                reader = self.s.reader
                of_subject = reader.covering("subjects", end_reading.subjects) - reader.open_subject
                concepts = self.s.knowledge.concepts
                # (and only where what the end asks is held of that subject: 17了 …电动车能不能带人
                # asks what no entry holds, the riding age is no answer to it)
                held_end = all(of_subject & (reader.covering("aspects", (a,)) - reader.open_aspect) for a in aspects)
                told_of = tuple(a for a in reading.aspects if a not in concepts.circumstances
                                and (not aspects or a in concepts.turns_on and held_end)
                                and of_subject & (reader.covering("aspects", (a,)) - reader.open_aspect))
                aspects = tuple(dict.fromkeys(aspects + told_of))
            if _POINTS_BACK in end:
                # 消防车…过来 我在路口等红灯 要给它让吗: 它 is what the story told, asked of again
                aspects = tuple(dict.fromkeys(reading.aspects))
            if aspects and set(aspects) <= set(self.s.knowledge.concepts.circumstances):
                # the end tells only the situation (收到一堆外地违章 咋整): what the story said
                # happened (被套牌) is what is asked about
                aspects = tuple(dict.fromkeys(reading.aspects + aspects))
            # a detail the end reads only from a clause that tells (医院催着交钱 有没有啥基金能先垫上):
            # what happened, not what is asked, while something else is asked
            telling = tuple(a for a in aspects if a in _TOLD_DETAILS and not _said_asking(self.s, end_reading, a, asked.clauses[-ASK_CLAUSES:]))
            if telling and len(telling) < len(aspects):
                aspects = tuple(a for a in aspects if a not in telling)
            # a setting the story told (高速上 下大雪 能见度不到100米 最多开多快: on the expressway) decides
            # which rule the end asks of, as a part of several questions keeps the setting it was asked in
            if aspects:
                aspects = aspects + tuple(a for a in reading.aspects if a in self.settings and a not in aspects
                                          and a not in self.circumstances)
            if len(asked.clauses) > 1 and asks(asked.clauses[-1]) and sum(w in vehicles for w in subjects) > 1:
                # the clause that asks names the vehicle asked of (…去年骑自行车摔过一次 他现在能骑电动自行车
                # 上路吗): one named only in a clause that tells before it is the story's
                named = self._read(text.canonical(asked.clauses[-1], asked.fixed[-1])).subjects
                if any(w in vehicles for w in named):
                    subjects = tuple(w for w in subjects if w not in vehicles or w in named)
            told = tuple(a for a in reading.aspects if a not in aspects)
            whole = reading
            reading = dataclasses.replace(reading, subjects=subjects, aspects=aspects, told=told)
            asked.story_subjects = not end_reading.subjects
            if len(asked.clauses) >= MIN_CLAUSES:
                last = self._read(self.s.text.canonical(asked.clauses[-1], asked.fixed[-1]))
                circumstances = self.s.knowledge.concepts.circumstances
                asked.asks_last = any(a not in circumstances for a in last.aspects)
                if asked.asks_last and set(last.aspects) < set(aspects):
                    asked.last_asked = self._as_kind(dataclasses.replace(
                        reading, aspects=last.aspects, told=tuple(a for a in whole.aspects if a not in last.aspects)))
        asked.reading = self._lived(self._beside(self._as_kind(reading)), asked.canonical)
        if asked.last_asked is not None:
            asked.last_asked = self._beside(asked.last_asked)
        return None

    def _lived(self, reading: Reading, text: str) -> Reading:
        """A thing told as lived through (他年轻时出过车祸) is what is asked of only where an entry
        about it holds what is asked; else it is how the asker came to ask (…72了 每年都得体检吗),
        where other entries hold it."""
        if not reading.aspects or not reading.subjects:
            return reading
        reader = self.s.reader
        asked_of = reader.covering("aspects", reading.aspects) - reader.open_aspect
        if not asked_of:
            return reading
        subjects = tuple(k for k in reading.subjects if not _lived_through(text, reading.said, k)
                         or asked_of & (reader.covering("subjects", (k,)) - reader.open_subject))
        return reading if subjects == reading.subjects else dataclasses.replace(reading, subjects=subjects)

    def _beside(self, reading: Reading) -> Reading:
        """An aspect asked beside another, asked or told, that changes what it means (`beside`:
        无责 … 最多赔多少 asks the cap on the share, not the insurance's limits) is read as it then means."""
        rules = self.s.knowledge.concepts.beside
        if not rules or not any(a in rules for a in reading.aspects):
            return reading
        present = set(reading.aspects) | set(reading.told)
        aspects = tuple(dict.fromkeys(next((as_ for other, as_ in rules.get(a, {}).items() if other in present), a)
                                      for a in reading.aspects))
        return dataclasses.replace(reading, aspects=aspects)

    def _as_kind(self, reading: Reading) -> Reading:
        """A brand said beside a business of its kind (雅迪电动车上牌要啥材料, 二手捷达过户) is read as
        that kind (`stands_for`); asked about the model itself (台铃符合国标吗) or about nothing read,
        it stays what is asked, and no entry holds it."""
        concepts = self.s.knowledge.concepts
        if not any(w in concepts.stands_for for w in reading.subjects) or not reading.aspects \
                or any(a in concepts.model_aspects for a in reading.aspects):
            return reading
        subjects = tuple(dict.fromkeys(concepts.stands_for.get(w, w) for w in reading.subjects))
        said = {text: concepts.stands_for.get(c, c) for text, c in reading.said.items()}
        return dataclasses.replace(reading, subjects=subjects, said=said)

    def _one_holds(self, subjects: tuple[str, ...], aspects: tuple[str, ...]) -> bool:
        """One entry about one of `subjects` holds every one of `aspects` (by name, not as an open entry):
        认定书丢了 上哪个大队补 大队几点上班 asks the office's hours, which no entry on the certificate holds."""
        reader = self.s.reader
        return bool(aspects) and any(reader.entry_concepts[i].issuperset(aspects)
                                     for i in reader.covering("subjects", subjects) - reader.open_subject - reader.open_aspect)

    def _one_holds_all(self, subjects: tuple[str, ...]) -> bool:
        """Some entry is about every one of these subjects (its own `subjects:`, not an open entry)."""
        held = [self.s.reader.about(w) for w in subjects]
        return bool(held) and bool(frozenset.intersection(*held))

    def _asking_end(self, asked: Asked) -> str | None:
        """The end of a story, canonical: its last clauses, or the last characters of a long
        message typed without a break; None for a plain question."""
        told = asked.clauses
        if asked.smalltalk is not None:
            # 急死了 跟保险公司…签了 钱还不到 …多少天内得赔: smalltalk before a story leaves the story
            told = clauses(asked.rest)
            if not told or asked.clauses[-len(told):] != told:
                return None
        asked_parts = [p for p in _QUESTION_MARK.split(asked.query) if p.strip(" ，,。")]
        if len(asked_parts) >= 2 and all(asks(p) for p in asked_parts):
            # 满分学习去哪上课？每个月几号开班，要不要预约？: questions asked one after another, each part
            # asking, are no story with its ask at the end: each names what it asks
            return None
        compact = asked.canonical.replace(" ", "")
        word_by_word = len(_told(asked)) == 1
        if len(told) >= MIN_CLAUSES and not (word_by_word and len(compact) <= SPACED_QUESTION_CHARS):
            # (孙子 今年 14岁 能 骑 电动车 上路 吗: a short question spaced word by word has no end of its own)
            k = ASK_CLAUSES
            if word_by_word:
                # spaced word by word, a clause is a word: the end is the last words that make a
                # question's length (…复核申请书 有没有 模板 在哪 下载: not 在哪 下载 alone)
                while k < len(told) and len("".join(asked.clauses[-k:])) < SPACED_END_CHARS:
                    k += 1
                # nor a term typed in two words cut in half (…挪不动 警告 标志 要 放 车后 多远: not 标志 … alone)
                while k < len(told) and _term_across(asked.clauses[-k - 1], asked.clauses[-k], self.s.text.terms):
                    k += 1
            return self.s.text.canonical(" ".join(asked.clauses[-k:]), " ".join(asked.fixed[-k:]))
        # English words left unread (what is the … for a) make a question long, not a story
        return compact[-ASK_CHARS:] if len(_LATIN_WORD.sub("", compact)) > STORY_CHARS else None


TERM_REACH = 6  # characters of a term on either side of where two typed words meet


def _term_across(before: str, after: str, terms: set[str]) -> bool:
    """A term begins in the word before and ends in the word after (警告 | 标志要放)."""
    joined, cut = before + after, len(before)
    return any(joined[i:j] in terms for i in range(max(0, cut - TERM_REACH), cut)
               for j in range(cut + 1, min(len(joined), cut + TERM_REACH) + 1))


class UnknownSubject:
    """A subject the knowledge has no entry about (驾驶证, 酒驾, 车险 …): the honest fallback, never
    an entry that shares a word with it. Named beside a subject we know (刮蹭了保险公司怎么赔), only
    an entry that speaks of it may answer."""

    name = "unknown-subject"

    def __init__(self, shared: Shared):
        self.s = shared
        text = shared.text
        # each entry's words as written and as read (驾照 is read 驾驶证)
        self.texts = [raw + " " + text.canonical(text.normalize(raw), text.normalize(raw)).replace(" ", "")
                      for raw in (e.answer + "，".join(e.questions) for e in shared.knowledge.entries)]
        self.variants = {w: (w, *vs) for w, vs in shared.knowledge.concepts.subjects.items()}

    def __call__(self, asked: Asked) -> Reply | None:
        subjects = asked.reading.subjects
        unknown = [w for w in subjects if not self.s.reader.held("subjects", w)]
        if not unknown or self._told_before(asked, unknown):
            return None
        reason = f"subject:{unknown[0]} has no entry"
        if len(unknown) == len(subjects):
            return Reply(FALLBACK, FALLBACK_TEXT, reason=reason, **asked.base)
        speaking = frozenset(i for i, text in enumerate(self.texts)
                             if all(any(v in text for v in self.variants.get(w, (w,))) for w in unknown))
        if not speaking:
            return Reply(FALLBACK, FALLBACK_TEXT, reason=reason + " and no entry speaks of it", **asked.base)
        asked.allowed = speaking if asked.allowed is None else asked.allowed & speaking
        return None

    def _told_before(self, asked: Asked, unknown: list[str]) -> bool:
        """The unknown subjects are told only in clauses that ask nothing, and the clause that asks
        (the last, or the only one) asks an aspect of a subject we hold (怕电动车电池充电着火 电压多少伏
        以内才合规; …最高多少伏 怕买的那个大电池充电着火: 充电 is why it is asked, 电压 what): the
        question is that aspect's."""
        if len(asked.clauses) < 2 or not any(self.s.reader.held("subjects", w) for w in asked.reading.subjects):
            return False
        reader, text = self.s.reader, self.s.text
        readings = []
        for clause, fixed in zip(asked.clauses, asked.fixed, strict=False):
            canonical = text.canonical(clause, fixed)
            # (asked in pinyin, you mei you: the clause as read asks)
            asks_here = any(t.word.startswith("#") for t in text.tokens(canonical)) or bool(
                ASKS_ANY.search(clause) or ASKS_ANY.search(canonical))
            readings.append((asks_here, reader.read(canonical)))
        # the last clause tells (它最快就跑五十): the subject asked is the one before; a clause after
        # the question that asks nothing (…最高多少伏 怕买的那个大电池充电着火) tells why it was asked
        asking = [r for a, r in readings if a]
        return bool(asking) and (readings[-1][0] or len(asking) == 1) and not any(
            w in r.subjects for r in asking for w in unknown) and any(
            reader.held("aspects", x) for r in asking for x in r.aspects)


class AspectNotHeld:
    """A known subject asked about an aspect none of its entries holds (电动车能带人吗: 载人): say so
    honestly and offer that subject's entries, never another aspect's answer. Otherwise narrow
    the entries to those covering most of what was asked.

    A detail (an aspect listed under `unknown_details` in knowledge/scope.yaml: 地点, 联系电话, 金额,
    多少起, 比例, 哪个大学 …) must be held by the entry itself — named in its `aspects:` or stated in
    its answer as the detail's `held_when` says (多少起 by an answer giving “{数}起”), never
    disclaimed there; this is the one place such checks live. Of the other aspects, one is enough
    (上牌 for 电动车没上牌能上路吗)."""

    name = "aspect-not-held"

    def __init__(self, shared: Shared):
        self.s = shared
        self.details = {d.aspect: d.reply for d in shared.knowledge.unknown_details}  # reply "" → NOT_HELD_TEXT
        self.unoffered = frozenset(d.aspect for d in shared.knowledge.unknown_details if not d.offer)
        self.own = own_entries(shared.knowledge)
        self.unannotated = shared.reader.open_subject & shared.reader.open_aspect
        self.venues = frozenset(shared.knowledge.concepts.venues)
        # each entry's own questions as the reader reads them (驾照 → 驾驶证), to see what it speaks of
        text = shared.text
        self.spoken = tuple(tuple((c.replace(" ", ""), frozenset(shared.reader.read(c).subjects))
                                  for c in (text.canonical(text.normalize(q)) for q in e.questions))
                            for e in shared.knowledge.entries)
        # word → the (entry, subjects named) of the questions saying it: filled as words are met,
        # so a question costs a lookup, not a walk over every question in the knowledge
        self.saying: dict[str, tuple[tuple[int, frozenset[str]], ...]] = {}

    def __call__(self, asked: Asked) -> Reply | None:
        reply = self._gate(asked)
        if reply is None:
            return reply
        # what the story's end read together is held nowhere: what its last clause asks alone may
        # be (…交警来看过现场说要出认定书 一般多少天能拿到), the clause before only told the story;
        # and an end naming no subject asks what it asks whatever the story told of (刚拿本就剐蹭了
        # 吓死了 实习期到底多长: no scrape entry holds the probation period, the licence's do)
        tries = []
        if asked.last_asked is not None and not any(
                a in self.details and _said_asking(self.s, asked.reading, a, asked.clauses)
                for a in asked.reading.aspects if a not in asked.last_asked.aspects):
            # (a detail the end asks before its last clause is asked too: 事故中队在哪儿 几点上班 电话多少
            # is no question of 122 alone)
            tries.append(asked.last_asked)
        if asked.story_subjects and asked.reading.subjects and asked.clauses and asks(asked.clauses[-1]) \
                and self._owned(self._asked_last(asked)):
            tries.append(dataclasses.replace(asked.reading, subjects=()))
        reading = asked.reading
        for other in tries:
            asked.reading = other
            if self._gate(asked) is None:
                # only a confident answer to what is asked alone beats the honest reply to the whole
                asked.undecided = asked.undecided or reply
                return None
            asked.reading = reading  # a failed narrowing changes nothing else
        return reply

    def _told_before_asking(self, asked: Asked, aspect: str) -> bool:
        """The aspect is said only in clauses that ask nothing, and the clauses that ask name a
        question of their own — two things read there (最低车速 on an expressway). A bare ask (车叫水泡了
        保险赔吗) asks of what was told."""
        if len(asked.clauses) < 2 or not any(c == aspect for c in asked.reading.said.values()) \
                or _said_asking(self.s, asked.reading, aspect, asked.clauses):
            return False
        text = self.s.text
        first = next((i for i, c in enumerate(asked.clauses) if asks(c)), None)
        if first is None or first == 0:
            return False
        # told before the question, as a story is (a clause after it says what the ask wants: 哪个检测站快 人少)
        words = [w for w, c in asked.reading.said.items() if c == aspect]
        if any(w in text.canonical(c).replace(" ", "") for c in asked.clauses[first:] for w in words):
            return False
        own = self.s.reader.read(text.canonical(" ".join(c for c in asked.clauses[first:] if asks(c))))
        return len(own.subjects) + len(own.aspects) >= 2

    def _asked_last(self, asked: Asked) -> tuple[str, ...]:
        """The aspects read that the last clause, which asks, names itself (人没事 接下来该怎么做:
        none; 人没事 is what the story told)."""
        text = self.s.text
        last = self.s.reader.read(text.canonical(asked.clauses[-1], asked.fixed[-1] if asked.fixed else ""))
        return tuple(a for a in asked.reading.aspects if a in last.aspects)

    def _owned(self, aspects: tuple[str, ...]) -> bool:
        """Every entry holding these aspects (details aside) is about one subject in common: the
        aspect says whose it is (实习期: the licence's), whatever subject a story told of."""
        asked = tuple(a for a in aspects if a not in self.details)
        if not asked:
            return False
        reader = self.s.reader
        holding = reader.covering("aspects", asked) - reader.open_aspect
        entries = self.s.knowledge.entries
        return bool(holding) and bool(frozenset.intersection(*(frozenset(entries[i].subjects) for i in holding)))

    def _gate(self, asked: Asked) -> Reply | None:
        reader, reading = self.s.reader, asked.reading
        subjects = tuple(w for w in reading.subjects if reader.held("subjects", w))
        before = (asked.allowed, asked.undecided)
        reply = self._narrow_to(asked, subjects, reading.subjects)
        if reply is None:
            self._beside_venue(asked, subjects, before)
            return None
        # A venue named as where a thing is done (去车管所注销, 车管所能过户吗): what is done there is
        # asked, not the venue — unless only its own details are (车管所电话多少). The entries
        # holding that may answer, only confidently; else the honest reply about the venue stands.
        venues = self.s.knowledge.concepts.venues
        if not any(w in venues for w in subjects) or all(a in self.details for a in reading.aspects):
            return reply
        rest = tuple(w for w in subjects if w not in venues)
        if self._narrow_to(asked, rest, tuple(w for w in reading.subjects if w not in venues)) is not None:
            return reply
        if asked.undecided is None:
            asked.undecided = reply
        return None

    def _beside_venue(self, asked: Asked, subjects: tuple[str, ...],
                      before: tuple[frozenset[int] | None, Reply | None]) -> None:
        """The entries left hold none of the aspects asked, only say their word in an own question
        (开的小车 分扣满了要去学几天: no entry about cars holds 满分; the add-a-class entry asks 扣过12分还能
        增驾吗): the venue or vehicle named may be only where it is done or what is driven, and the
        entries holding the aspects about the other subjects named may answer beside those — only
        confidently; the honest reply about the venue stands."""
        reader, reading, venues = self.s.reader, asked.reading, self.venues
        aspects = tuple(a for a in reading.aspects if a not in self.details)
        if not aspects or not asked.allowed or venues.isdisjoint(subjects):
            return
        holding = reader.covering("aspects", aspects) - reader.open_aspect
        if asked.allowed & holding:
            return
        after = (asked.allowed, asked.undecided)
        asked.allowed, asked.undecided = before
        rest = tuple(w for w in subjects if w not in venues)
        if self._narrow_to(asked, rest, tuple(w for w in reading.subjects if w not in venues)) is None \
                and asked.allowed and asked.allowed & holding:
            # beside, not instead: the entry saying the word may still be the one asked of (小轿车能拖
            # 多重的挂车: the trailer entry, about cars, asks 多重; the e-bike's weight holds 重量)
            asked.allowed = (asked.allowed & holding) | (after[0] or frozenset())
            asked.undecided = after[1] or asked.undecided
            return
        asked.allowed, asked.undecided = after

    def _narrow_to(self, asked: Asked, subjects: tuple[str, ...], named: tuple[str, ...]) -> Reply | None:
        """Narrow the entries to those covering `subjects` and the aspects read; a Reply when none does."""
        reader, reading = self.s.reader, asked.reading
        # a matter no entry is about (明天路上会不会结冰: the forecast) is what is lacking before a
        # detail some entry might hold (明天: when)
        details = sorted((a for a in reading.aspects if a in self.details), key=lambda a: a not in self.unoffered)
        others = tuple(a for a in reading.aspects if a not in self.details)
        undecided: Reply | None = None
        local = [d for d in details if self.details[d]]
        if local and not named:
            # 几点上班 / 多少钱 of nothing named (市民之家 is no subject of ours): a local fact, we
            # say so (the details with their own reply). Asked with another aspect (实习期多久),
            # an entry holding both may answer, only confidently. A detail without a reply (扣多少
            # 分) of nothing named is answered by the entries holding it.
            undecided = Reply(FALLBACK, self.details[local[0]],
                              reason=f"aspect:{local[0]} asked of no subject", **asked.base)
            if not others and len(local) == len(details):
                # the subject left unsaid may still be clear from the words (提档外迁要多久): an
                # entry holding the detail answers, only surely; else we say we do not hold it
                asked.sure = max(asked.sure, self.s.matching.no_aspect_threshold)
        allowed = reader.covering("subjects", subjects) if subjects else None
        concepts = self.s.knowledge.concepts
        counted = next((a for a in reading.aspects if a in concepts.counts), "")
        vehicles = tuple(w for w in subjects if w in concepts.vehicles)
        if allowed is not None and counted and vehicles and len(subjects) > len(vehicles):
            # a number counted of a vehicle (电动自行车出事故死了多少人) is that vehicle's figure: an entry
            # counting accidents of all vehicles does not give it
            allowed = allowed.intersection(*(reader.about(v) for v in vehicles))
            if not allowed:
                return self._not_held(asked, vehicles, counted)
        # an aspect no entry at all holds or speaks of (过渡期 beside 国标): asked beside others, it is
        # still what we lack, and an entry holding the others answers another question
        # (told in a clause that asks nothing, while another asks, it is the story: 导航死机了 so I
        # drove slowly. What is the minimum speed?)
        lacking = next((a for a in others if not reader.held("aspects", a)
                        and not self._speaking(allowed, (a,), reading.said, subjects)
                        and not self._told_before_asking(asked, a)), "") if len(others) > 1 else ""
        # a bound (最多) beside what it bounds (载人), where no entry holds that, is no question about
        # what the bound's entries bound (电动车最多能带几个人 is not the top voltage)
        bounded = tuple(a for a in others if a not in concepts.bounds)
        if bounded and len(bounded) < len(others) and undecided is None \
                and not _narrow(allowed, reader.covering("aspects", bounded)) - reader.open_aspect \
                and not self._speaking(allowed, bounded, reading.said, subjects):
            lacking = bounded[0]
        if lacking and undecided is None:
            return self._not_held(asked, subjects, lacking)
        aspect = ""  # the first asked aspect that leaves no entry
        spoken_of = ""  # an aspect no entry holds, said in the own questions of an entry that may answer
        said_in_own: dict[int, frozenset[str]] = {}  # entries holding an aspect through their own questions
        # A situation told beside a named subject (撞了人逃逸了 以后还能再考驾照吗: 伤亡) does not gate:
        # the entries about what is asked need not hold it; it only ranks (`_best_covered`). Beside a
        # detail of the subject neither (事故里有人受伤的话 多久出认定书: the certificate's deadline,
        # whoever was hurt); only a count asked beside it (受伤了多少人: `counts`) is of the situation,
        # which then is what is asked, and gates.
        if subjects and others and all(a in concepts.circumstances for a in others) \
                and not any(d in concepts.counts for d in details):
            others = ()
        for group in [(d,) for d in details] + ([others] if others else []):
            narrowed = _narrow(allowed, reader.covering("aspects", group))
            if group[0] not in self.details and narrowed - reader.open_aspect:
                # No entry holding the aspect is about all the subjects asked: an entry whose own
                # questions say the word read as the aspect holds it too, though its annotation does
                # not name it (车没年检开上路扣几分: 上路 reads 通行, and 没年检的车上路扣几分 is the
                # overdue-inspection entry's own question, not the pedestrian-yield entry's).
                if subjects and not any(frozenset(subjects) <= reader.entry_concepts[i]
                                        for i in narrowed - reader.open_aspect):
                    for a in group:  # each aspect credited only to the entries saying its word
                        for i in self._speaking(allowed, (a,), reading.said, subjects) - narrowed:
                            said_in_own[i] = said_in_own.get(i, frozenset()) | {a}
                    narrowed |= said_in_own.keys()
            elif not aspect and not narrowed - reader.open_aspect:
                # no annotated entry holds it (an entry naming no aspects stays open to all). A
                # detail (地址, 几点 …) must be held by the entry itself: its questions may name one
                # its answer does not give (忻州的车管所在哪 → three kinds, no address)
                speaking = frozenset() if group[0] in self.details else self._speaking(allowed, group, reading.said, subjects)
                if speaking:
                    narrowed, spoken_of = narrowed | speaking, spoken_of or group[0]
                elif not narrowed:
                    aspect = group[0]
            allowed = narrowed
        if allowed is None:
            return None
        if allowed:
            # subjects told in a story gate; where its end asks an aspect and an entry holds them all
            # with it, they rank as what the story told, after what is asked (我表哥撞了人…跑了…这种
            # 一般判几年 → the hit-and-run entry of those about 判刑). An end asking nothing read (这事
            # 交警管不管), or subjects no entry holds together with the ask (电驴 and 碰了一下: the
            # scrape entries are about cars), leave the choice among the entries about the ask to the words.
            story: tuple[str, ...] = ()
            if asked.story_subjects and reading.aspects:
                whole = frozenset(subjects) | frozenset(reading.aspects)
                if any(whole <= reader.entry_concepts[i] for i in allowed):
                    story = subjects
            read = frozenset(reading.subjects) | frozenset(reading.aspects) | frozenset(reading.told) \
                | frozenset(reading.said.values())
            allowed = self._best_covered(allowed, () if asked.story_subjects else subjects, reading.aspects, read,
                                         said_in_own, reading.told + story)
            asked.allowed = allowed if asked.allowed is None else allowed & asked.allowed
            if spoken_of and undecided is None:
                undecided = self._not_held(asked, subjects, spoken_of)
            asked.undecided = undecided
            return None
        if undecided is not None:
            return undecided
        return self._not_held(asked, subjects, aspect)

    def _speaking(self, allowed: frozenset[int] | None, group: tuple[str, ...], said: dict[str, str],
                  subjects: tuple[str, ...]) -> frozenset[int]:
        """The entries allowed whose own questions say a word the question was read by for
        `group` (驾照弄丢了咋办: 丢了 reads 被盗, and the lost-licence entry asks 驾驶证丢了): the
        word is incidental there, not an aspect the knowledge lacks. Such an entry may answer only
        confidently; else the honest "not held" stands."""
        words = [w for w, standard in said.items() if standard in group]
        # in a question naming the subject asked or none (摩托车上高速能带人吗 says 带人 of motorcycles,
        # not of e-bikes; 行驶证丢了怎么补 names none)
        # and never one whose answer says it does not hold what was asked (队史馆能参观吗 is its own
        # question; its answer says 怎么参观这里没有资料: the honest reply says so, with choices)
        disclaimed = self.s.reader.disclaimed
        return frozenset(i for w in words for i, named in self._saying(w)
                         if (allowed is None or i in allowed) and disclaimed[i].isdisjoint(group)
                         and (not named or not subjects or not named.isdisjoint(subjects)))

    def _saying(self, word: str) -> tuple[tuple[int, frozenset[str]], ...]:
        found = self.saying.get(word)
        if found is None:
            found = self.saying[word] = tuple((i, named) for i, questions in enumerate(self.spoken)
                                              for q, named in questions if word in q)
        return found

    def _not_held(self, asked: Asked, subjects: tuple[str, ...], aspect: str) -> Reply:
        """The honest reply: that detail's, or "关于X，这个问题我这里没有资料" with X's own entries as choices;
        an entry about the subject whose answer says what of it is not held here (电动车能带人吗: the
        law leaves it to the province, and says so) is offered first."""
        reader = self.s.reader
        # a detail (地址, 电话) has its own reply: the offices saying they do not give it are no help
        saying = frozenset() if aspect in self.details else reader.disclaiming.get(aspect, frozenset())
        if subjects and saying:
            about = reader.covering("subjects", subjects)
            saying = frozenset(i for i in saying if i in about and i not in reader.open_subject)
        entries = self.s.knowledge.entries
        # the one whose own matter it is (its aspects name it) before those saying so in passing
        first = tuple(heapq.nsmallest(self.s.matching.max_choices, saying, key=lambda i: (aspect not in entries[i].aspects, i)))
        return not_held(self.s, self.own, asked, subjects, f"aspect:{aspect} not held", self.details.get(aspect, ""),
                        first=first, offer=aspect not in self.unoffered)

    def _best_covered(self, allowed: frozenset[int], subjects: tuple[str, ...], aspects: tuple[str, ...],
                      named: frozenset[str], said_in_own: dict[int, frozenset[str]] | None = None, told: tuple[str, ...] = ()) -> frozenset[int]:
        """Of the entries allowed, those covering the most of what was asked (上牌 and 地点 over
        上牌 alone). An entry naming no concepts (one staff have not annotated yet) stays in the
        running for the lexical score, but never outranks the annotated ones by default. Of those
        covering as much, the words decide: an entry naming more aspects is not for that less
        about what was asked (the fewest-aspects rule it replaces dropped the entry asked for
        whenever staff annotated it fully)."""
        reader = self.s.reader
        # An entry on a special case (only_when: 高速公路) whose case was not asked counts one asked
        # word less: 下大雾在普通路上能开多快 is the fog rule for all roads, not the expressway's,
        # though the expressway entry holds 天气 and 车速 as well; 雾天要开双闪吗 still finds it, as
        # the only entry holding both 天气 and 警示.
        unmet = frozenset(i for i in reader.special & allowed if reader.only_when[i].isdisjoint(named))
        # An entry never for what was read (not_when: 伤亡 on the no-one-hurt scrape entry) leaves
        # the choice to the others: 要是出了有人受伤的事故 能不能先挪车自己私了 is the injury entry's;
        # alone, it does not answer either (交警大队电话多少 is no question of 122: we say we lack it)
        barred = frozenset(i for i in reader.exclusive & allowed if not reader.not_when[i].isdisjoint(named))
        # An entry only for a kind of vehicle (only_when: 校车, 拖拉机) whose vehicle was not named is
        # no answer at all: 车里放灭火器交警查不查 is no question of the school bus's permit
        vehicles = frozenset(self.s.knowledge.concepts.vehicles)
        barred |= frozenset(i for i in unmet if reader.only_when[i] <= vehicles)
        allowed = allowed - barred
        circumstances = frozenset(self.s.knowledge.concepts.circumstances)
        if len(subjects) <= 1 and len(aspects) <= 1 and not told and allowed.isdisjoint(self.unannotated) \
                and circumstances.isdisjoint(aspects):
            # every entry allowed covers the one subject and the one aspect asked (no copy of a large set
            # when no special case is among them); a situation alone beside the subject did not gate
            # (在外地被拍了违章 还得跑回去吗): the entries holding it come first
            return (allowed - unmet or allowed) if unmet else allowed
        concepts = reader.entry_concepts
        # subjects and aspects asked weigh alike: 车没年检开上路扣几分 asks 年检, 记分 and 通行 (上路) —
        # the entry on driving an uninspected car holds two, the pedestrian-yield entry (通行, 记分)
        # two as well; the words choose between them, a generic aspect never outranks the subject.
        # 电瓶车在非机动车道上最快多少 (通行, 车速, 电动自行车): the lane entry holds all three.
        # a venue or vehicle named beside another subject (汽车撞了人咋办: 机动车 beside 交通事故) says
        # where or with what; an entry holding it too is not for that more about what was asked
        named_subjects = frozenset(subjects) - self.venues or frozenset(subjects)
        asked = frozenset(aspects) | named_subjects
        # Of those covering as many, the more aspects (an aspect said in an entry's own questions
        # counts here): 事故车没买交强险伤者抢救费咋办 → the fund (未投保, 垫付), not the insurer's advance.
        extra = said_in_own or {}
        aspects_ = frozenset(aspects)
        # (one such aspect at most: an entry's questions saying many words is no entry annotated for them)
        # An aspect telling the asker's situation (人在外地 … 能延期吗) counts only after what is
        # asked beside it: the entry on extending the deadline, not the one on other places.
        # So does how the business is done (补驾照能网上办吗: 补证 before 网上办理): an entry on that
        # business answers before one on another business that is done online.
        concepts_ = self.s.knowledge.concepts
        asks = asked - circumstances - frozenset(concepts_.manners)
        # What a story told before its ask (借车, then 要赔吗) counts right after what is asked, before
        # the situation (伤亡): it is particular to this message, the situation common to many.
        tells = asks | (frozenset(told) - frozenset(self.details))
        # last, what staff named over what an answer only states (高速上倒车记多少分: the points entry
        # names 分值; the expressway rules state 记12分 among other rules)
        named_ = reader.entry_named
        cover = {i: (len(asks & concepts[i]) - (i in unmet), len(tells & concepts[i]), len(asked & concepts[i]),
                     len(aspects_ & concepts[i]) + (i in extra), len(asked & named_[i]))
                 for i in allowed if concepts[i]}
        open_ = [i for i in allowed if not concepts[i]]
        most = max(cover.values(), default=(0, 0, 0, 0, 0))
        best = [i for i, n in cover.items() if n == most]
        return frozenset(best + open_)


def _each_asks_its_own(parts: list[str], alone: list[tuple[Asked, Reply | None]]) -> bool:
    """Every part asks (a question word or ending) and, read by itself, reads an aspect no other
    part reads."""
    if any(reply is None or not asks(part) or not one.reading.aspects for part, (one, reply) in zip(parts, alone, strict=True)):
        return False
    read = [set(one.reading.aspects) for one, _ in alone]
    return all(not any(a & b for b in read[:i] + read[i + 1:]) for i, a in enumerate(read))


def _per_clause(clauses: list[str], whole: str, repaired: str) -> list[str]:
    """`repaired` (the clauses joined by spaces, repaired) cut back into its clauses; as typed
    where a repair changed the length."""
    if len(repaired) != len(whole):
        repaired = whole
    out, at = [], 0
    for c in clauses:
        out.append(repaired[at:at + len(c)])
        at += len(c) + 1
    return out


def _flood(asked: Asked) -> bool:
    """Longer than any question and typed without a break: what it asks for cannot be told from
    its words (4096 random characters hold a 路 and a 几天 somewhere); scoring decides it."""
    return len(asked.query) > MAX_QUERY_CHARS and not _PUNCTUATION_BREAK.search(asked.query) and not any(
        c.isspace() for c in asked.query)


def _narrow(allowed: frozenset[int] | None, by: frozenset[int]) -> frozenset[int]:
    return by if allowed is None else allowed & by


def own_entries(knowledge: Knowledge) -> dict[str, list[int]]:
    """A subject's own entries: those that name it first (the helmet entry also covers 机动车's
    seat belts, but it is no entry about cars to offer)."""
    return _firsts(knowledge, "subjects")


def offered(s: Shared, words: list[str], mine: list[int], first: tuple[int, ...] = ()) -> tuple[Candidate, ...]:
    """A few of `mine` (a subject's or a topic's entries) as choices, `first` and then the closest
    to the words first."""
    near = s.index.search(words, limit=s.matching.max_choices, within=tuple(mine[:SMALL_SUBJECT])) if mine else []
    ranked = list(dict.fromkeys([*first, *(m.entry for m in near), *mine]))
    return tuple(s.candidate(Match(i, 0.0, 0)) for i in ranked[:s.matching.max_choices])


def not_held(s: Shared, own: dict[str, list[int]], asked: Asked, subjects: tuple[str, ...], why: str,
             text: str = "", first: tuple[int, ...] = (), offer: bool = True) -> Reply:
    """The honest reply to what nothing holds: `text` (a detail's own), or "关于X，这个问题我这里没有资料"
    with X's own entries as choices (`first`, the entries saying they do not hold it either, before
    them; none unless `offer`); `why` starts the reason."""
    # the subject named in the reply is the one whose entries are offered (电动车交强险要买吗:
    # 电动自行车's entries, not the insurance ones beside it)
    subject = next((w for w in subjects if own.get(w)), subjects[0] if subjects else "")
    reason = why + (f" for {subject}" if subject else " by any entry")
    if asked.place:
        # another city named (太原去年出了多少起事故): what we lack there is that city's, not our subject's
        return Reply(FALLBACK, NOT_HERE_TEXT, reason=f"place:{asked.place} is not ours, {reason}", **asked.base)
    text = text or (NOT_HELD_TEXT.format(subject=subject) if subject else FALLBACK_TEXT)
    mine = list(own.get(subject, ())) if offer else []
    first = first if offer else ()
    if not mine and not first:
        return Reply(FALLBACK, text, reason=reason, **asked.base)
    # of the subject's entries, those covering another aspect asked come first (去年车祸死亡总人数:
    # the entry on the deaths' fall, not the first of the accident entries)
    aspects = frozenset(asked.reading.aspects)
    near = tuple(i for i in mine if aspects & s.reader.entry_named[i]) if aspects else ()
    choices = offered(s, asked.words, mine, (*first, *near))
    lines = [text.rstrip(), NOT_HELD_CHOICES.format(subject=subject) if subject else RELATED_CHOICES]
    lines += [f"{i}. {c.question}" for i, c in enumerate(choices, 1)]
    return Reply(CLARIFY, "\n".join(lines), candidates=choices, choices=choices, reason=reason, declined=True,
                 **asked.base)


_FIGURE_ASKED = re.compile("多少|几|率|比例|数字|数据")  # a figure asked: 死了多少人, 挂牌率, 少了几个
_TOLD_AMOUNT = re.compile("好几[十百千万]?|[十百]几|几[十百千万]")  # an amount told, not asked: 花了好几万, 住了十几天


class County:
    """A figure asked of a county of the city (2024年原平交通事故死了多少人, 光忻府区的挂牌率): only an
    entry that names it, or a national rule (满分12分 holds in every county), may answer. A figure of
    the whole city is no figure of one county of it, even with the city named beside it (忻州全市死了
    多少人 原平那边是多少); none left → the honest reply. The city's rules hold in each county."""

    name = "county"

    def __init__(self, shared: Shared):
        self.s = shared
        k = shared.knowledge
        national = shared.national()
        texts = [e.answer + "".join(e.questions) for e in k.entries]
        # for each county, the entries that may state its figures: those naming it, and national rules
        self.holding = {c: national | frozenset(i for i, t in enumerate(texts) if c in t)
                        for c in shared.words(k.home_parts) if c}
        self.own = own_entries(k)

    def __call__(self, asked: Asked) -> Reply | None:
        if not self.holding or _flood(asked):
            return None
        # where it asks (俺家在忻府区 … 新条例啥时候实施 asks the city's regulation); a short message
        # spaced word by word is one question (原平 2024年 交通事故 死亡人数 下降了多少)
        asking = [c for c in asked.clauses if asks(c)]
        if len(asking) < len(asked.clauses) and _short_spaced(asked):
            asking = list(asked.clauses)
        asking = asking or [asked.repaired or asked.normalized]
        compact = "".join(asking).replace(" ", "")
        county = next((c for c in self.holding if c in compact), None)
        # a story typed without a break asks at its end: a figure it told (花了好几万) is asked of no county
        figure_in = compact[-ASK_CHARS:] if len(_HAN_CHAR.findall(compact)) > STORY_CHARS else compact
        if county is None or not _FIGURE_ASKED.search(_TOLD_AMOUNT.sub("", figure_in)):
            return None  # 忻府区电动车要上牌吗: the city's rules hold in each county; only its figures do not
        allowed = _narrow(asked.allowed, self.holding[county])
        if allowed:
            asked.allowed = allowed
            return None
        subjects = tuple(w for w in asked.reading.subjects if self.s.reader.held("subjects", w))
        return not_held(self.s, self.own, asked, subjects, f"county:{county} named by no entry that may answer")


class AnswerTypeNotStated:
    """The kind of answer the question asks for (knowledge/scope.yaml `answer_types`: 多少钱 an
    amount, 几天 a number of days, 几点 a clock time, 电话 a number to call): only an entry whose
    answer states one may answer. None does → the honest reply, never an answer about the same
    subject that does not state what was asked (年检多少钱 → not the fine for a missed inspection)."""

    name = "answer-type"

    def __init__(self, shared: Shared):
        self.s = shared
        k = shared.knowledge
        self.types = AnswerTypes(k.answer_types, k.entries, shared.text, k.not_held_markers)
        self.own = own_entries(k)

    def __call__(self, asked: Asked) -> Reply | None:
        if not self.types.types or _flood(asked):
            return None
        # as repaired: 攻率 typed for 功率 is no rate asked; pinyin read as the words it spells
        # (zhe ge yue you mei you cha jiujia asks 有没有查酒驾 as its Chinese does)
        compact = self.s.text.read_pinyin(asked.repaired or asked.normalized).replace(" ", "")
        if asked.smalltalk is not None:
            compact = asked.rest
        foci = self.types.asked(compact)
        if not foci:
            return None
        # a kind no entry of the whole knowledge states (代查: one's own records) is what we lack,
        # whatever is asked beside it (我还剩几分 帮我查下: 几分 is stated, the person's own figure never)
        never = [f for f in foci if not self.types.stating(f)]
        # two things asked at once (罚多少钱扣几分): an entry stating either answers a part of it; an
        # entry whose own questions ask it (醉驾拘役多久: the sentence is the court's, it says so)
        # stays beside those stating it, never dropped for another that states a figure of another matter
        written_for = self._written_for(asked, foci)
        stating = frozenset().union(*(self.types.stating(f) for f in foci))
        if stating:
            stating |= written_for
        allowed = _narrow(asked.allowed, stating)
        if allowed and not never:
            asked.allowed = allowed
            return None
        foci = never or foci
        focus = foci[0]
        subjects = tuple(w for w in asked.reading.subjects if self.s.reader.held("subjects", w))
        honest = not_held(self.s, self.own, asked, subjects,
                          f"answer-type:{focus.name} asked ({focus.said}), not stated", focus.type.reply)
        # an entry whose own questions ask it (私家车年审几年一次: the figure changed, the entry says
        # where to look) may still answer, only confidently; else the honest reply
        if never:
            written_for = self._written_for(asked, never)  # the foci now: those no entry states
        if not written_for:
            return honest
        asked.allowed = written_for
        asked.undecided = asked.undecided or honest
        return None

    def _written_for(self, asked: Asked, foci: list) -> frozenset[int]:
        """The entries allowed whose own questions ask one of `foci`."""
        return _narrow(asked.allowed, frozenset().union(*(self.types.asked_in_questions(f) for f in foci)))


class NamedPlace:
    """A particular place the question names (和平街限速多少, 豆罗中队在哪, 车管所离奇村镇远不): only an
    entry that mentions it (in its answer or its own questions) may answer; none does → the honest
    reply, never a rule about roads or offices in general told as if it were that place's."""

    name = "named-place"

    def __init__(self, shared: Shared):
        self.s = shared
        rules = shared.knowledge.named_places
        self.kinds = tuple(sorted(shared.words(rules.kinds), key=len, reverse=True))
        self.not_names = tuple(sorted(shared.words(rules.not_names), key=len, reverse=True))
        self.stop = frozenset(rules.not_in_names) | frozenset(" #")
        # one pass over a question, whatever the number of kinds and words (longest first)
        self.kinds_re = re.compile("|".join(map(re.escape, self.kinds))) if self.kinds else re.compile("(?!)")
        self.not_names_re = re.compile("|".join(map(re.escape, self.not_names))) if self.not_names else None
        self.reply = rules.reply
        text = shared.text
        self.texts = tuple(text.normalize(e.answer + "，".join(e.questions)).replace(" ", "") for e in shared.knowledge.entries)
        self.corpus = "\n".join(self.texts)
        self.own = own_entries(shared.knowledge)

    def named(self, compact: str) -> list[str]:
        """The particular places named: a name of 2–4 characters before a kind (和平 + 街)."""
        if self.not_names_re is not None:
            compact = self.not_names_re.sub(lambda m: "#" * len(m.group()), compact)
        found = []
        for m in self.kinds_re.finditer(compact):
            i = start = m.start()
            while start > 0 and i - start < NAME_CHARS and compact[start - 1] not in self.stop:
                start -= 1
            if i - start >= 2:
                found.append(compact[start:m.end()])
        return found

    def __call__(self, asked: Asked) -> Reply | None:
        if not self.kinds or _flood(asked):
            return None
        # a story's places are where it happened (早上在和平街被追尾了…该咋办): only where it asks counts;
        # a short question spaced word by word is no story (二广高速 限速 多少)
        story = (len(_told(asked)) >= MIN_CLAUSES or len(asked.clauses) >= MIN_CLAUSES) and not _short_spaced(asked)
        # …上个月在长征街闯了个红灯 闯一次红灯扣几分: the last clause asks on its own, the street is
        # where the story happened
        k = 1 if story and asked.asks_last else ASK_CLAUSES
        # the question first, what befell told after it (和平街晚上到底能不能停车 天天被贴条): where it asks
        last = _last_asking(asked.clauses)
        upto = last + 1 if last >= 0 else len(asked.clauses)
        ask = " ".join(asked.clauses[max(0, upto - k):upto]) if story else asked.normalized
        fixed = " ".join(asked.fixed[max(0, upto - k):upto]) if story else asked.repaired or ask
        typed, repaired = self.named(ask), self.named(fixed)
        if len(repaired) != len(typed):
            repaired = typed
        # 前天在和平街没注意闯了个红灯 闯红灯一次扣几分: a place something happened at (在…, in a
        # clause that asks nothing, beside one that asks) is where, not what is asked of
        # (in a story too: 师傅问一哈，俺上礼拜在长征街闯了个红灯，这要扣几分 — its last two clauses hold the street)
        happened = self.happened_at(asked.clauses) - frozenset(
            p for c in asked.clauses if asks(c) for p in self.named(c.replace(" ", "")))
        for place, place_fixed in zip(typed, repaired, strict=True):
            if place in happened:
                continue
            # as typed or with its typo repaired (古成大队 is 古城大队)
            mentioning = self.mentioning(place) | self.mentioning(place_fixed)
            # a typo in a word of the question is no place's name (走冰学路: 冰雪 is a word we use)
            if not mentioning and (self.common(place) or self.common(place_fixed)):
                continue
            allowed = _narrow(asked.allowed, mentioning)
            if not allowed:
                subjects = tuple(w for w in asked.reading.subjects if self.s.reader.held("subjects", w))
                return not_held(self.s, self.own, asked, subjects, f"named-place:{place} not mentioned", self.reply)
            asked.allowed = allowed
        return None

    def happened_at(self, clauses: tuple[str, ...] | list[str]) -> frozenset[str]:
        """Places named after 在 in a clause that tells and does not ask, when another clause asks."""
        if len(clauses) < 2 or not any(asks(c) for c in clauses):
            return frozenset()
        told = [c.replace(" ", "") for c in clauses if not asks(c)]
        return frozenset(p for c in told for p in self.named(c) if "在" + p in c and not c.endswith(p))

    def common(self, place: str) -> bool:
        """The two characters before the kind are a word the knowledge uses elsewhere (雾天高速,
        因为路, 没钱医院): words of a question, not a place's name. A name is not said there."""
        kind = next(k for k in self.kinds if place.endswith(k))
        return place[-len(kind) - 2:-len(kind)] in self.corpus

    def mentioning(self, place: str) -> frozenset[int]:
        """The entries that mention the place: its name's last characters with its kind (交警豆罗中队:
        豆罗中队), or the subject it is read as (古城 is 古城大队, 枫桥式中队 is 豆罗中队)."""
        kind = next(k for k in self.kinds if place.endswith(k))
        name = place[:-len(kind)]
        tails = [name[j:] + kind for j in range(len(name) - 1)]
        found = frozenset(i for i, t in enumerate(self.texts) if any(x in t for x in tails))
        reader = self.s.reader
        subjects = tuple(w for w in reader.read(self.s.text.canonical(place, place)).subjects if reader.held("subjects", w))
        return found | (reader.covering("subjects", subjects) - reader.open_subject if subjects else frozenset())

class YearNotHeld:
    """A year asked (2025年上半年的事故数据) that the figures we hold are not of: never another year's
    figure. Entries whose answer names no year (rules that do not age) stay in the running, so a
    year told in passing (我2015年领的驾照) changes nothing; when nothing is left, the fallback."""

    name = "year-not-held"

    def __init__(self, shared: Shared):
        self.s = shared
        found: dict[str, set[int]] = {}
        timeless = set()
        for i, e in enumerate(shared.knowledge.entries):
            if not _YEAR.search(e.answer):
                timeless.add(i)
            # only the answer's own years: a question comparing with another year (比2023年少多少)
            # does not make that year's figure held
            for year in _YEAR.findall(e.answer):
                found.setdefault(year, set()).add(i)
        self.by_year = {y: frozenset(v) for y, v in found.items()}
        self.timeless = frozenset(timeless)

    def __call__(self, asked: Asked) -> Reply | None:
        years = list(dict.fromkeys(_YEAR.findall(asked.canonical.replace(" ", ""))))
        if not years:
            return None
        # several years (2024年比2023年少多少): the base of a comparison (比2023年) is not asked for
        # itself; an entry naming any year asked may answer (2025年…比2024年减少了多少: 2025 is asked)
        compact = asked.canonical.replace(" ", "")
        bases = {y for y in years if re.search(f"(?:比|较|跟|和|与|同){y}", compact)}
        asked_years = [y for y in years if y not in bases] or years
        # a year told in a clause that asks nothing, beside one in the clause that asks (救助基金2024年帮了
        # 200多户，那2025年上半年帮了多少户): the asking clause's is what is asked
        asking = "".join(c for c in asked.clauses if asks(c)).replace(" ", "")
        asked_years = [y for y in asked_years if y in asking] or asked_years
        holding = frozenset().union(*(self.by_year.get(y, frozenset()) for y in asked_years)) | self.timeless
        allowed = holding if asked.allowed is None else asked.allowed & holding
        if not allowed:
            said = "/".join(years)
            return Reply(FALLBACK, FALLBACK_TEXT, reason=f"year:{said} held by no entry that may answer", **asked.base)
        asked.allowed = allowed
        return None


class Retrieve:
    """Lexical scoring (index, jieba words, rapidfuzz) ranks the entries the reading allows."""

    name = "retrieve"

    def __init__(self, shared: Shared):
        self.s = shared

    def __call__(self, asked: Asked) -> Reply | None:
        asked.matches = self.s.index.search(
            asked.words, limit=max(5, self.s.matching.max_choices + 1),
            within=_few(asked.allowed), allowed=asked.allowed, concepts=asked.reading.said)
        return None


class BareTopic:
    """A subject or aspect typed alone (驾照, 违章的事, 问下过户): which of its questions is meant
    cannot be told, so its entries are offered, never one answered at random (驾照 → the exam
    subjects). A question staff wrote in those very words (年检, 交强险) is answered: the words
    match an entry's own question exactly."""

    name = "bare-topic"

    def __init__(self, shared: Shared):
        self.s = shared
        self.own = {kind: _firsts(shared.knowledge, kind) for kind in ("subjects", "aspects")}
        # longest first: 的问题 goes before 的 can leave 问题 behind
        self.fillers = sorted(shared.knowledge.topic_fillers, key=len, reverse=True)
        concepts = shared.knowledge.concepts
        # the word as the citizen typed it names the topic in the reply (报废, not 注销)
        self.variants = {w: tuple(sorted((w, *vs), key=len, reverse=True))
                         for table in (concepts.subjects, concepts.aspects) for w, vs in table.items()}

    def __call__(self, asked: Asked) -> Reply | None:
        reading = asked.reading
        said = list(reading.said.items())
        # a question frame read (驾照咋办, 违章去哪) asks something of it: the words answer
        if len(said) != 1 or len(reading.subjects) + len(reading.aspects) != 1 or reading.told or reading.kind:
            return None
        if asked.matches and asked.matches[0].score >= EXACT:
            return None
        text, concept = said[0]
        rest = asked.canonical.replace(" ", "").replace(text, "", 1)
        for filler in self.fillers:
            rest = rest.replace(filler, "")
        if rest:
            return None
        kind = "subjects" if reading.subjects else "aspects"
        mine = [i for i in self.own[kind].get(concept, ()) if asked.allowed is None or i in asked.allowed]
        if len(mine) < 2:
            # no entry or one names it first (车管所: each office entry is about its own kind of
            # office): those holding it at all
            mine = sorted(i for i in self.s.reader.covering(kind, (concept,)) - self.s.reader.open_subject
                          - self.s.reader.open_aspect if asked.allowed is None or i in asked.allowed)
        if len(mine) < 2:
            return None  # one entry about it: the words answer with it
        # the entries closest to the word itself first (违章 → where to handle one, not street racing)
        choices = offered(self.s, asked.words, mine)
        typed = asked.normalized.replace(" ", "")
        name = next((v for v in self.variants.get(concept, ()) if v in typed), concept)
        lines = [TOPIC_TEXT.format(concept=name)] + [f"{i}. {c.question}" for i, c in enumerate(choices, 1)]
        return Reply(CLARIFY, "\n".join(lines), candidates=choices, choices=choices,
                     reason=f"bare-topic: {concept} typed alone, its entries offered", **asked.base)


def _firsts(knowledge: Knowledge, kind: str) -> dict[str, list[int]]:
    """Per concept, the entries naming it first among their `kind` (a subject's own entries, as
    `own_entries`; an aspect's: 过户 → the transfer entries, not every entry that mentions one)."""
    own: dict[str, list[int]] = {}
    for i, e in enumerate(knowledge.entries):
        words = getattr(e, kind)
        if words:
            own.setdefault(words[0], []).append(i)
    return own


class OtherPlace:
    """A question naming another city (在太原…) is answered only by an entry of national rules, and
    only confidently (`decide` says "I only know Xinzhou" otherwise); never with a local detail (an
    office's address, phone, hours, a fee): this city's offices and figures do not hold there. A
    detail the national law states (a deadline: 迁到太原了 多少天内办) is answered as everywhere.
    Naming this city with a detail asks for a local fact: only an entry about this city may hold it."""

    name = "other-place"

    def __init__(self, shared: Shared):
        self.s = shared
        self.places = shared.words(shared.knowledge.other_places)
        self.abroad = shared.words(shared.knowledge.abroad)
        self.abroad_asks = frozenset(shared.knowledge.abroad_asks)
        self.national = shared.national()
        self.details = frozenset(d.aspect for d in shared.knowledge.unknown_details)
        # a detail an answer states in so many words (a deadline: 三十日内; points: 记6分) is a rule
        # where the national law states it; only the others (an address, a phone, opening hours,
        # a fee) are facts of one city's offices that ours do not tell for another
        self.local_details = frozenset(d.aspect for d in shared.knowledge.unknown_details if not d.held_when)
        self.replies = {d.aspect: d.reply or FALLBACK_TEXT for d in shared.knowledge.unknown_details}

    def __call__(self, asked: Asked) -> Reply | None:
        compact = asked.canonical.replace(" ", "")
        k = self.s.knowledge
        country = self.named(compact, self.abroad)
        told = _told(asked)
        end = self.s.text.canonical(" ".join(told[-ASK_CLAUSES:])) \
            if country is not None and len(told) >= MIN_CLAUSES else ""
        if country is not None and end and country not in end and not any(w in end for w in _THERE):
            country = None  # 出国打工去了 …上个月才回忻州 …驾照过期了 到底多久算久: where the story was, not what is asked
        if country is not None and not self.abroad_asks & {*asked.reading.said.values(), *asked.reading.subjects}:
            # 日本酒驾怎么罚: that country's own law, which no entry of ours states (在日本考的驾照回国换
            # reads 境外: our rule for a licence from abroad); a question after it (駕照也會吊銷嗎)
            # asks of that country too, so the part is no question of ours to decline beside it
            asked.place = country
            return Reply(FALLBACK, k.abroad_reply or FALLBACK_TEXT, reason=f"place:{country} is abroad, its own rules asked",
                         **asked.base)
        # a county of this city (代县哪里能处理违章) asks its local detail as the city's name does
        home = next((h for h in (k.home_place, *k.home_parts) if h and h in compact), "")
        place = self.named(compact, self.places)
        if home and place is not None:
            # 从阳泉迁到忻州, 太原的驾照在忻州换: one place is where the asker comes from, the other
            # where they are; what links them (moving, a licence from there) is a national rule
            asked.allowed = self.national if asked.allowed is None else asked.allowed & self.national
            return None
        if home and not self._told_only(told, (k.home_place, *k.home_parts)):
            reply = self._home(asked, home)
            if reply is not None:
                return reply

        if place is None:
            return None
        if len(told) >= MIN_CLAUSES and self.named("".join(told[-ASK_CLAUSES:]), self.places) is None:
            # where a story happened (我舅在太原那边撞了个老汉…听说有个基金能先垫上 是真的不): the
            # question at its end asks what holds everywhere, not that city's own rules
            asked.allowed = self.national if asked.allowed is None else asked.allowed & self.national
            return None
        asked.place = place
        asked.allowed = self.national if asked.allowed is None else asked.allowed & self.national
        # another city's own rules (北京外地牌照进五环) are what such a question most often asks:
        # a national rule answers it only as surely as a question whose aspect was not read
        asked.sure = max(asked.sure, self.s.matching.no_aspect_threshold)
        detail = next((a for a in asked.reading.aspects if a in self.local_details), None)
        if detail is None:
            return None
        return Reply(FALLBACK, NOT_HERE_TEXT, reason=f"place:{place} is not ours, aspect:{detail} asked", **asked.base)

    @staticmethod
    def _told_only(told: list[str], names: tuple[str, ...]) -> bool:
        """The home city named only in a story's first clauses (上个月才回忻州 …到底多久算久): the
        asking end is of no place, and a national rule may answer it, as for another city."""
        end = "".join(told[-ASK_CLAUSES:])
        return len(told) >= MIN_CLAUSES and not any(h and h in end for h in names)

    def _home(self, asked: Asked, home: str) -> Reply | None:
        """忻州换驾照去哪个窗口办: a detail of this city (its windows, hours, phones, sums) is held
        only by an entry about this city, not by a national rule that says where in general."""
        detail = next((a for a in asked.reading.aspects if a in self.details), None)
        if detail is None:
            return None
        local = self.s.reader.covering("aspects", (detail,)) - self.national - self.s.reader.open_aspect
        if not local:
            return Reply(FALLBACK, self.replies[detail], reason=f"place:{home} named, aspect:{detail} held by no entry about it",
                         **asked.base)
        asked.allowed = local if asked.allowed is None else asked.allowed & local
        return None

    def named(self, compact: str, places: Sequence[str]) -> str | None:
        """A place named as a place: not inside a longer word (大同小异, 外国人) nor a fixed phrase (北京时间)."""
        hits = [p for p in places if p in compact]
        if not hits:
            return None
        for phrase in NOT_PLACES:
            compact = compact.replace(phrase, " " * len(phrase))
        starts, at = {}, 0
        for w in self.s.text.segments(compact):
            starts[at] = w
            at += len(w)
        for place in hits:
            i = compact.find(place)
            while i != -1:
                word = next((w for s, w in starts.items() if s <= i < s + len(w)), place)
                if word == place or len(word) <= len(place) or word[len(place):] in PLACE_SUFFIXES:
                    return place
                i = compact.find(place, i + 1)
        return None


class LastClauses:
    """A long message tells a story and asks at its end (…听说可以申请救助基金，这个去哪申请): when the
    whole is unsure, the last clauses may choose among its best candidates — only confidently, only
    naming something of that entry (a lone 该咋办 chooses nothing), and only when an aspect was read
    where it asks: a story's words alone (户口在河北…能在忻州考驾照吗) pick an entry on another matter.
    A question asked first, with a clause after it that only tells, is read the same way by the
    clauses up to the last that asks."""

    name = "last-clauses"

    def __init__(self, shared: Shared):
        self.s = shared

    def __call__(self, asked: Asked) -> Reply | None:
        if not asked.reading.aspects:
            return None  # no aspect read where it asks: the story's words alone would pick the entry
        whole = decide(self.s, asked, asked.matches)
        if whole.status == ANSWER or asked.smalltalk is not None or not asked.matches:
            return None
        near_top = tuple(m.entry for m in asked.matches[:self.s.matching.max_choices])
        # 孙子 今年 14岁 能 骑 电动车 上路 吗: spaced word by word is one clause, no story, no end to re-read
        ends = range(1, min(len(asked.clauses), MAX_ASK_CLAUSES + 1)) if len(_told(asked)) >= MIN_CLAUSES else range(0)
        for k in ends:
            part = " ".join(asked.clauses[-k:])
            if len(part) > ASK_MAX_CHARS:
                break  # no short ask at the end: a story all through
            if not any(asks(c) for c in asked.clauses[-k:]) and any(asks(c) for c in asked.clauses[:-k]):
                continue  # …车管所开门不 想去把过户办了: the end tells what for, the question is before it
            r = self._sure(asked, part, " ".join(asked.fixed[-k:]), near_top)
            if r is not None:
                return dataclasses.replace(r, candidates=whole.candidates, reason=f"last {k} clause(s): " + r.reason)
        # the question first, then what befell told after it (…扣几分？我哥上礼拜被查了): the clauses
        # up to the last that asks, when short, choose as the end would
        last_ask = _last_asking(asked.clauses)
        if 0 <= last_ask < len(asked.clauses) - 1 and len(_told(asked)) == len(asked.clauses):
            part = " ".join(asked.clauses[:last_ask + 1])
            if len(part) <= ASK_MAX_CHARS:
                r = self._sure(asked, part, " ".join(asked.fixed[:last_ask + 1]), near_top)
                if r is not None:
                    return dataclasses.replace(r, candidates=whole.candidates,
                                               reason=f"first {last_ask + 1} clause(s), a story told after: " + r.reason)
        return None

    def _sure(self, asked: Asked, part: str, fixed: str, near_top: tuple[int, ...]) -> Reply | None:
        """The answer the clauses `part` give by themselves among the whole's best, when confident and
        naming something of that entry."""
        s = self.s
        canonical = s.text.canonical(part, fixed)
        words = s.text.content_words(canonical)
        matches = s.index.search(words, limit=max(5, s.matching.max_choices + 1), within=near_top,
                                 concepts=asked.reading.said)
        if not matches:
            return None
        r = decide(s, dataclasses.replace(asked, canonical=canonical, words=words, matches=matches), matches)
        if r.status == ANSWER and r.entry_id and r.score >= CLAUSE_MIN_SCORE and self._names(words, r.entry_id):
            return r
        return None

    def _names(self, words: list[str], entry_id: str) -> bool:
        known = self.s.index.entry_words[self.s.position[entry_id]]
        return any(len(w) >= 2 and not w.startswith("#") and w in known for w in words)


class Decide:
    """Answer when the best is sure and ahead, or, of entries tied on the words, the one mainly about
    what was asked; otherwise up to three choices; otherwise the honest fallback (thresholds: the
    config's `matching:`)."""

    name = "decide"

    def __init__(self, shared: Shared):
        self.s = shared

    def __call__(self, asked: Asked) -> Reply | None:
        reply = decide(self.s, asked, asked.matches)
        if asked.undecided is not None and reply.status != ANSWER and not asked.place:
            # (another city named: "I only know Xinzhou" says what we lack better than a detail's reply)
            return asked.undecided
        return reply


def decide(s: Shared, asked: Asked, matches: list[Match]) -> Reply:
    """The answer, choices or fallback the scores of `matches` call for (another city: only a
    confident answer; otherwise "I only know Xinzhou")."""
    about = asked.reading.describe() or "words only"
    reply = _decide(s, asked, matches, about)
    if asked.place and reply.status != ANSWER and (
            asked.reading.aspects or ASKS_ANY.search(asked.normalized)
            or not matches or matches[0].score < s.matching.answer_threshold):
        # a thing asked of another city (西安骑电动车能不能带人) and no national rule sure: that city's
        # own rules were asked, and choices of ours are another question (a subject alone, 在北京电动车,
        # still gets the national rules to choose from)
        return Reply(FALLBACK, NOT_HERE_TEXT, candidates=reply.candidates, score=reply.score,
                     reason=f"place:{asked.place} is not ours, no national rule answers it surely", **asked.base)
    return reply


def _decide(s: Shared, asked: Asked, matches: list[Match], about: str) -> Reply:
    m = s.matching
    base = asked.base
    candidates = tuple(s.candidate(x) for x in matches)
    sole = _sole_cover(s, asked, matches)
    if sole is not None:
        chosen = s.knowledge.entries[sole.entry]
        return s.answer(chosen, sole.score, base, candidates,
                        f"answer: {chosen.id}, the only entry covering all that was read ({about})")
    if not matches or matches[0].score < m.clarify_threshold:
        lone = _sole_cover(s, asked, matches, story=False)
        if lone is not None:
            # the one entry holding all that was read (逃逸 and 判刑), worded far from it: not sure
            # enough to answer, too sure to say nothing; the honest reply first, the entry one tap away
            choice = s.candidate(lone)
            return Reply(CLARIFY, f"{UNSURE_ONE_TEXT}\n1. {choice.question}", score=lone.score, candidates=candidates,
                         choices=(choice,), declined=True, **base,
                         reason=f"clarify: {s.knowledge.entries[lone.entry].id} the only entry holding all that was read, weakly worded ({about})")
        best = matches[0].score if matches else 0.0
        return Reply(FALLBACK, FALLBACK_TEXT, candidates=candidates, score=best,
                     reason=f"fallback: best {best:.2f} under {m.clarify_threshold} ({about})", **base)
    top = matches[0]
    second = matches[1].score if len(matches) > 1 else 0.0
    # One character alone (小, 车) is too little to answer on; it may still offer choices.
    said = [w for w in asked.words if not w.startswith("#")]
    meaningful = len(said) >= 2 or any(len(w) >= 2 or w.isdigit() for w in said)
    entry = s.knowledge.entries[top.entry]
    sure = max(asked.sure, m.answer_threshold if asked.reading.aspects else max(m.answer_threshold, m.no_aspect_threshold))
    if meaningful and top.score >= sure and top.score - second >= m.margin:
        return s.answer(entry, top.score, base, candidates, f"answer: {entry.id} ({about})")
    if meaningful and top.score >= sure:
        own = _own_choice(s, asked, matches)
        if own is not None and own.score >= sure:
            chosen = s.knowledge.entries[own.entry]
            return s.answer(chosen, own.score, base, candidates,
                            f"answer: {chosen.id}, the one close entry mainly about what was asked ({about})")
    close = [c for c in candidates if c.score >= m.clarify_threshold and top.score - c.score < 0.25]
    choices = tuple(close[: m.max_choices])
    if len(choices) == 1 and meaningful and top.score >= sure:
        return s.answer(entry, top.score, base, candidates, f"answer: {entry.id}, the only close one ({about})")
    if meaningful and not asked.reading.subjects and not asked.reading.aspects:
        # a question of several words, none of them ours, only words shared (坐公交刷老年卡 → the
        # bus-driver crime): such choices are about something else; the honest reply serves
        # better (a lone character still gets "did you mean")
        return Reply(FALLBACK, FALLBACK_TEXT, candidates=candidates, score=top.score,
                     reason=f"fallback: best {top.score:.2f} unsure, and no subject or aspect read to offer choices of", **base)
    # One candidate close, and not sure of it: in our labelled sets such a lone "did you mean" was
    # another question than the one offered 11 times of 15 (a detail or matter we do not
    # hold, worded like an entry). Say so honestly first; the candidate is still one tap away.
    lines = [UNSURE_ONE_TEXT if len(choices) == 1 else CLARIFY_TEXT]
    lines += [f"{i}. {c.question}" for i, c in enumerate(choices, 1)]
    return Reply(CLARIFY, "\n".join(lines), score=top.score, candidates=candidates, choices=choices,
                 reason=f"clarify: {len(choices)} close ({about})", declined=len(choices) == 1, **base)


def _sole_cover(s: Shared, asked: Asked, matches: list[Match], story: bool = True) -> Match | None:
    """Of a story (MIN_CLAUSES or more clauses), the one entry the reading leaves, when it covers two or
    more subjects and aspects read and nothing else does (倒车剐了别人车…我一慌就开走了 会扣几分: 肇事逃逸 and 记分, held together only by
    the hit-and-run entry): a story's words (一慌, 别人车) that no entry explains lower its score, not
    what it asks. Only above SOLE_MIN, and never where an honest reply waits or another city is named."""
    if story and len(asked.clauses) < MIN_CLAUSES or not matches or asked.undecided is not None or asked.place \
            or asked.allowed is None or len(asked.allowed) != 1:
        return None  # a plain question's unexplained words are what it asks, not a story told
    top = matches[0]
    m = s.matching
    # below what an answer needs here: with no aspect read that is more than the usual threshold
    needed = m.answer_threshold if asked.reading.aspects else max(m.answer_threshold, m.no_aspect_threshold)
    if top.entry not in asked.allowed or top.score < SOLE_MIN or top.score >= needed:
        return None
    reader, reading = s.reader, asked.reading
    subjects = tuple(w for w in reading.subjects if reader.held("subjects", w))
    read = frozenset(subjects) | frozenset(reading.aspects)
    if story and not reading.aspects and len(read) < 2 and read | frozenset(reading.told) <= reader.entry_concepts[top.entry]:
        # the end asked only of its subject (…接了个电话被交警看见了 这扣几分啊 唉倒霉): what the story
        # told happened is what it asks of, where the one entry left holds all of it
        read |= frozenset(reading.told)
    if len(read) < 2 or not read <= reader.entry_concepts[top.entry]:
        return None
    # and it is what the entry is mainly about (its first subject and aspect, as in `_own_choice`):
    # an entry holding them beside its own matter (摩托车 and 通行 in the expressway rules) answers
    # another question than 摩托车能进城吗
    entry = s.knowledge.entries[top.entry]
    if subjects and entry.subjects[:1] and entry.subjects[0] not in subjects:
        return None
    if reading.aspects and entry.aspects[:1] and entry.aspects[0] not in reading.aspects:
        return None
    said = [w for w in asked.words if not w.startswith("#")]
    return top if len(said) >= 2 else None


def _own_choice(s: Shared, asked: Asked, matches: list[Match]) -> Match | None:
    """Of entries the words cannot tell apart (scores within TIE of the best), the one mainly about
    what was asked, when the others are its special cases: 新车上牌去哪办 → the new-car entry, not
    the temporary-plate one, which holds 上牌 too but is mainly about 临时号牌, not asked.

    An entry's main aspect is the first its `aspects:` name (as its first subject is its own, see
    `own_entries`). Exactly one tied entry's main aspect is asked (a detail such as 地点 or a
    circumstance such as 异地 tells nothing of what the entry is about); it covers every subject
    (a venue aside) and aspect asked; each other tied entry holds an aspect asked beside its own
    main one; and the subject is not in doubt: the chosen entry's main subject was asked, or every
    tied entry has the same one. Otherwise None: the choices stand."""
    top = matches[0].score
    tied = [x for x in matches if top - x.score < TIE]
    if len(tied) < 2:
        return None
    k, reading, concepts = s.knowledge, asked.reading, s.reader.entry_concepts
    circumstances = frozenset(k.concepts.circumstances)
    asks = frozenset(reading.aspects) - circumstances - frozenset(d.aspect for d in k.unknown_details)
    if not asks:
        # a detail asked alone (事故认定书多少天出: 何时) is what the question is about: the entry
        # whose main aspect it is answers before one holding it beside its own matter (复核)
        asks = frozenset(reading.aspects) - circumstances
    entries = [k.entries[x.entry] for x in tied]
    main = [i for i, e in enumerate(entries) if e.aspects and e.aspects[0] in asks]
    if len(main) != 1:
        return None
    chosen, entry = tied[main[0]], entries[main[0]]
    subjects = frozenset(reading.subjects) - frozenset(k.concepts.venues)
    if not (asks | subjects) <= concepts[chosen.entry]:
        return None
    if any(concepts[x.entry].isdisjoint(asks) for x in tied if x is not chosen):
        return None
    own = entry.subjects[:1]
    # (no subject asked, two aspects or more are: the entry mainly about them all answers, whatever
    # the others are about — 高速最低时速 is the expressway rules', not the points for going too slow)
    unsaid = not reading.subjects and len(asks) >= 2
    if not unsaid and not (own and own[0] in reading.subjects) and any(e.subjects[:1] != own for e in entries):
        return None
    return chosen


def steps(shared: Shared) -> tuple:
    """The pipeline, in order. Each step decides (returns a Reply) or passes the question on."""
    read = Read(shared)
    first = (
        read,              # clauses, normalise, repair typos; nothing typed → how to ask
        Emergency(shared),  # someone hurt now → 122 / 120
        FearTold(shared),   # a fear told after the question (…？怕超速扣分) → read without it
        Smalltalk(shared),  # 你好 / 谢谢; a greeting before a question is dropped
    )
    # Each question of a message (…怎么办？还有…吗) goes through the steps after this one on its own.
    later = tuple(step(shared) for step in (
        OwnQuestion,     # typed as an entry lists it → that entry
        Understand,      # synonyms, then subjects / aspects / kind
        OtherPlace,      # another city → national rules only; no local detail
        UnknownSubject,  # a subject no entry is about → fallback
        AspectNotHeld,   # an aspect or detail (多少起, 比例 …) none of the subject's entries holds → say so, offer its entries
        County,          # a county of the city named (原平, 忻府区) → only entries naming it, or national rules
        AnswerTypeNotStated,  # the kind of answer asked (多少钱, 几天, 几点, 电话) stated by no entry that may answer → say so
        NamedPlace,      # a particular place named (和平街, 二广高速, 奇村镇) that no entry mentions → say so
        YearNotHeld,     # a year no entry speaks of (2025年的数据) → fallback; else entries naming it
        Retrieve,        # lexical ranking within the entries the reading allows
        BareTopic,       # a subject or aspect typed alone (驾照, 问下过户) → its entries to choose from
        LastClauses,     # a long, unsure message → its last clauses choose
        Decide,          # answer / clarify / fallback by score
    ))
    return (*first, Questions(shared, (read, *first[2:]), later), *later)


NAME_CHARS = 4  # a place's own name before its kind: 和平 (街), 雁门关 (隧道), 五台山 (景区)
# Scores this close are a tie the words cannot break (margin, the config's, is what an answer needs
# ahead of the next): of such entries, the one mainly about what was asked answers (`_own_choice`).
TIE = 0.05
EXACT = 0.999  # a score this high: the words are an entry's own question
# The least score of the one entry covering all of two or more concepts read (`_sole_cover`): the
# words of a story no entry explains count against it, what was read does not.
SOLE_MIN = 0.30
SMALL_SUBJECT = 12  # so few entries allowed: score all their questions, not only the index's picks


# an end asking only whether something is allowed (能骑吗, 法律上允许吗, 人家让骑不)
_PERMITTED = re.compile("能|可以|允许|让不让|让骑|让开|准不准|准许|行不行|行吗|合法|合规")


def _lived_through(text: str, said: dict[str, str], concept: str) -> bool:
    """Every word the concept was read from follows an experiential 过 (出过车祸, 发生过事故)."""
    spots = [m.start() for w, c in said.items() if c == concept for m in re.finditer(re.escape(w), text)]
    return bool(spots) and all(i > 0 and text[i - 1] == _LIVED for i in spots)


def _said_asking(s: Shared, reading: Reading, aspect: str, clauses: Sequence[str]) -> bool:
    """The aspect is read from words said in one of `clauses` that asks (几点上班, 在哪儿; not
    电话打不通了, 医院催着交钱)."""
    words = [w for w, c in reading.said.items() if c == aspect]
    return bool(words) and any(any(w in s.text.canonical(c).replace(" ", "") for w in words)
                               for c in clauses if asks(c))


def _few(allowed: frozenset[int] | None) -> tuple[int, ...] | None:
    return tuple(sorted(allowed)) if allowed is not None and len(allowed) <= SMALL_SUBJECT else None


# Where a message holds more than one question: after a question mark with more typed after it,
# and before a word that adds one (还有 / 另外 / 顺便问) after a clause that asked.
_QUESTION_MARK = re.compile(r"[？?]+")
_BY_THE_WAY = re.compile("顺便问|顺便再问|顺带问|顺便请问")
_ANOTHER = re.compile(rf"[，,。！!；;\s]+(?=还有|另外|{_BY_THE_WAY.pattern}|再问一下|再问个|还想问)")
MAX_QUESTIONS = 3
QUESTION_MIN_CHARS = 4  # a part shorter than this (是吗？真的？) adds no question of its own


def _end_asks(s: Shared, end: str) -> bool:
    """Whether a story's end (canonical) asks in any form: a question word or end, or a kind of
    answer asked (#数量 …). What it names alone does not ask (他才8岁)."""
    return any(t.word.startswith("#") for t in s.text.tokens(end)) or any(asks(c) for c in end.split())


def _after_ask(text: str) -> str:
    """What is asked after the last ask word of a message that tells something before it; "" when
    the message does not read so."""
    marks = list(ASK_MARK.finditer(text))
    if not marks:
        return ""
    mark = marks[-1]
    before, after = text[:mark.start()], text[mark.end():].strip(" ，,。：:")
    if len(_HAN_CHAR.findall(before)) < QUESTION_MIN_CHARS or len(_HAN_CHAR.findall(after)) < QUESTION_MIN_CHARS:
        return ""
    return after


def questions(text: str) -> list[str]:
    """The questions of a message, each as typed; one item when it asks one thing. Every part must
    ask (a question mark, or a question word) and be long enough to stand alone.

    Questions typed with spaces for marks (罚单拿到了 罚款最晚几天交 拖了会咋样) are its clauses, each
    closed by one that asks: what a clause tells without asking goes with the question after it.
    A short question after another (加钱不, 能吗) leans on it and goes with it, not alone."""
    pieces = _QUESTION_MARK.split(text)
    parts: list[tuple[str, bool]] = []
    for n, piece in enumerate(pieces):
        marked = n < len(pieces) - 1  # a question mark followed it
        subs = [p.strip(" ，,。！!；;~") for p in _ANOTHER.split(piece)]
        subs = [p for p in subs if p]
        if len(subs) == 1 and len(pieces) == 1:
            subs = _asking_groups(subs[0])
        for i, p in enumerate(subs):
            last = marked and i == len(subs) - 1
            if parts and len(_HAN_CHAR.findall(p)) < QUESTION_MIN_CHARS and (last or asks(p)):
                parts[-1] = (f"{parts[-1][0]} {p}", True)
            else:
                parts.append((p, last))
    if not 2 <= len(parts) <= MAX_QUESTIONS or any(
            len(_HAN_CHAR.findall(p)) < QUESTION_MIN_CHARS or not (marked or asks(p))
            for p, marked in parts):
        return [text]
    return [p for p, _ in parts]


def _asking_groups(piece: str) -> list[str]:
    """`piece` cut after each clause that asks; clauses asking nothing go with the next that does
    (the last ones with the question before them)."""
    groups: list[str] = []
    run: list[str] = []
    for clause in clauses(piece):
        run.append(clause)
        if asks(clause):
            groups.append(" ".join(run))
            run = []
    if run:
        if not groups:
            return [piece]
        groups[-1] += " " + " ".join(run)
    return groups


_DENIAL_ALONE = re.compile("[都也并还]?(?:没有|没|无)人?")


def clauses(text: str, apart: Callable[[str], bool] | None = None) -> list[str]:
    """The clauses of a message as typed: split at punctuation, and at a space between two Chinese
    words of two characters or more — a space beside a single character (电 动 车, 受 伤了) spells
    one word out and breaks nothing. A single Latin letter beside a Latin word is an English word
    of its own (I got hit, bleeding a lot), set apart by its space. `apart`: single characters
    that stand alone where typed alone (火 车上有人: a cry, then who is there)."""
    out = []
    for part in _PUNCTUATION_BREAK.split(text):
        run: list[str] = []
        for piece in part.split():
            if run and _DENIAL_ALONE.fullmatch(run[-1]):
                run[-1] += piece  # 没人 受伤: a denial typed apart denies the word after it
            elif run and (len(piece) == 1 or len(run[-1]) == 1) and not (
                    _LATIN_LETTER.match(run[-1][-1]) and _LATIN_LETTER.match(piece[0])) and not (
                    apart is not None and (apart(piece) or len(run[-1]) == 1 and apart(run[-1]))):
                run[-1] += piece
            elif run and not (_HAN_CHAR.match(run[-1][-1]) and _HAN_CHAR.match(piece[0])):
                run[-1] += " " + piece  # hit a pedestrian: spaces between Latin words are no breaks
            else:
                run.append(piece)
        out.extend(run)
    return out
