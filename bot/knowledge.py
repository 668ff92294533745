"""The knowledge base: reading `knowledge/*.yaml`, checking it, and the plain data it becomes.

Staff who edit these files are not programmers, so every problem is reported as `file:line: what
is wrong and how to fix it`, never as a traceback, and one broken entry or file does not take the
rest down: what is valid is still loaded, and the caller decides whether errors may be served.
"""

from __future__ import annotations

import dataclasses
import datetime as _dt
import hashlib
import re
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path

import yaml

ID_RE = re.compile(r"^[a-z0-9][a-z0-9-]{0,40}$")
ENTRY_FIELDS = {"id", "subjects", "aspects", "only_when", "not_when", "declines", "questions", "answer", "source", "updated", "related", "tests"}
REQUIRED_FIELDS = ("id", "questions", "answer", "source", "updated")
MIN_QUESTIONS = 5
DEFAULT_ORDER = 100  # topics without `order:` come after the ordered ones
CONCEPT_KINDS = ("subjects", "aspects")  # top keys of a concept file: standard word -> variants
# the emergency fields that are plain lists of words, one 说法 a line (the rest have a shape of their own)
EMERGENCY_WORD_LISTS = ("urgent", "negations", "now", "persons", "body", "things", "here", "alone", "alone_fire",
                        "urgent_not_with", "masks", "now_again", "figures", "accident", "sighs", "new_matter", "ifs",
                        "put_out", "settings", "real", "put_off", "latin_fillers", "banter", "got_out", "now_told_then",
                        "usually", "but", "bought", "turns", "back_then", "insists", "also")
EMERGENCY_FIELDS = {"reply", "fire_reply", "crash_reply", "harm", "fire", "not_now", "categories", "latin", "groups",
                    *EMERGENCY_WORD_LISTS}
CATEGORY_FIELDS = {"id", "name", "first", "acute", "words", "of_person", "person_after", "needs", "needs_unless", "not_after"}
STRONG_FRAMES = ("hypothetical", "general", "law", "past")  # only a now-word outweighs these


@dataclass(frozen=True)
class Problem:
    """One finding of the loader or the checker, pointing at a file and line."""

    file: str
    line: int
    message: str
    severity: str = "error"  # or "warning"

    def __str__(self) -> str:
        return f"{self.file}:{self.line}: {self.message}"


@dataclass(frozen=True)
class Entry:
    id: str
    topic: str
    questions: tuple[str, ...]
    answer: str
    source: str
    updated: str
    related: tuple[str, ...] = ()
    tests: tuple[str, ...] = ()
    file: str = ""
    line: int = 0
    question_lines: tuple[int, ...] = ()
    test_lines: tuple[int, ...] = ()
    topic_order: int = 0  # where the topic stands in menus (the topic file's `order:`)
    # What the entry is about and which aspects of it it answers: standard words of the concept
    # files (knowledge/concepts*.yaml). The engine answers only with an entry covering what was asked.
    subjects: tuple[str, ...] = ()
    aspects: tuple[str, ...] = ()
    subject_lines: tuple[int, ...] = ()
    aspect_lines: tuple[int, ...] = ()
    # Of its subjects and aspects, those that make it a special case (高速公路 for fog on the
    # expressway, 道路以外 for accidents in a car park): asked none of them, an entry on the general
    # rule answers first, however many other words this one holds.
    only_when: tuple[str, ...] = ()
    only_when_lines: tuple[int, ...] = ()
    # What the entry is never for (伤亡 for the no-one-hurt scrape entry): a question reading any
    # of them is answered by another entry that covers what was asked.
    not_when: tuple[str, ...] = ()
    not_when_lines: tuple[int, ...] = ()
    # The entry gives the legal frame of a thing whose local rule is not held (e-bike passengers:
    # each province decides): its answer says so, and counts as declining (Reply.declined), as the
    # evaluation sets score it.
    declines: bool = False


@dataclass(frozen=True)
class SmalltalkIntent:
    id: str
    phrases: tuple[str, ...]
    reply: str


@dataclass(frozen=True)
class DangerCategory:
    """One kind of danger (受伤, 流血, 昏迷, 被困, 起火 …) and the words that say it."""

    id: str
    name: str = ""
    first: str = "122"  # the number to call first: 119 for fire, smoke, leaking fuel, anyone trapped
    acute: bool = False  # a state seen now (流血, 叫不醒): money or law talk around it does not calm it
    words: tuple[str, ...] = ()
    of_person: tuple[str, ...] = ()  # danger only when said of a person (人没气了, not 轮胎没气了)
    person_after: tuple[str, ...] = ()  # danger when a person is named right after (撞了一个学生)
    needs: str = ""  # a group one of whose words must be in the message too (脖子疼 after 被撞了); A&B: one of each
    not_after: str = ""  # a group whose words, named last before it, are what it is said of (手机掉进水里)
    # so many different words of this category built from groups need no word of `needs`: three
    # signs seen together (脸煞白 眼睛闭着 嘴唇发紫) are harm without a crash told; 0: always needs it
    needs_unless: int = 0


@dataclass(frozen=True)
class Frame:
    """Words that put danger in a frame other than now: a rule, a fund, a statistic, an 'if', the past."""

    name: str
    words: tuple[str, ...] = ()
    strong: bool = True  # False: an acute danger (他在流血) outweighs it, as a now-word does


@dataclass(frozen=True)
class EmergencyRules:
    reply: str = ""
    fire_reply: str = ""
    # a crash told and no harm read (追尾了, 前面翻车了): 122 first, and what to do if no one is hurt
    crash_reply: str = ""
    # where each reply was written (name, file, line): kb check verifies what they cite
    reply_lines: tuple[tuple[str, str, int], ...] = ()
    urgent: tuple[str, ...] = ()
    # Every category's words, flat: the typo repair's vocabulary (留血 → 流血).
    harm: tuple[str, ...] = ()
    fire: tuple[str, ...] = ()
    negations: tuple[str, ...] = ()
    not_now: tuple[str, ...] = ()  # every frame's words, flat
    now: tuple[str, ...] = ()  # happening as we speak (他在流血): no frame makes that a question
    categories: tuple[DangerCategory, ...] = ()
    frames: tuple[Frame, ...] = ()
    here: tuple[str, ...] = ()  # this one, not accidents in general (我, 他, 孩子): a how-to question is then no rule question
    persons: tuple[str, ...] = ()  # who may be harmed: the of_person words need one of these
    body: tuple[str, ...] = ()  # 腿, 头: a state said of a body part is said of a person (腿卡住了)
    things: tuple[str, ...] = ()  # what else may 卡住 or 不动了 (车, 轮胎, app): between them, no person is meant
    alone: tuple[str, ...] = ()  # a clause of this word alone (血！, 救护车 快) is a cry for help
    alone_fire: tuple[str, ...] = ()  # the same, 119 first (火！)
    urgent_not_with: tuple[str, ...] = ()  # 救命 beside these is exasperation (科目一又挂了 救命)
    # cries also sighed (救命): with no danger told, beside a question the knowledge reads (救命 网上学习
    # 减分要学多久), they are exasperation, not a call for help
    sighs: tuple[str, ...] = ()
    # 先不说这个, 对了: what is said after one of these is a new matter, not told in the frame said before
    new_matter: tuple[str, ...] = ()
    # 考完, 回来路上: a clause setting the scene (考完科目三回来路上看见…): the topic said in it is where
    # the writer was, not what the message is about
    settings: tuple[str, ...] = ()
    # 我现在就是这情况, 不是假如: what was supposed is said to be so
    real: tuple[str, ...] = ()
    # English words that carry no danger (the, and, still): dropped from an English message once its
    # danger words are read, so that what is told stays near enough together to be read as one
    latin_fillers: tuple[str, ...] = ()
    # 如果, 万一: an 'if' frames the harm told after it, in whatever clause
    ifs: tuple[str, ...] = ()
    # 就灭了, 虚惊一场: a fire told, then said to be out, is a story, not a fire now
    put_out: tuple[str, ...] = ()
    # 救出来了, 捞上来了: someone trapped or in the water, then said to be got out, is a story
    got_out: tuple[str, ...] = ()
    # words of now (read as `now`'s) that a story of the past tells too: after a word of the past they are then
    now_told_then: tuple[str, ...] = ()
    # 回头再说, 以后再问: the clause saying so puts its matter off (换证的事回头再说吧): the topic named
    # there frames no harm told beside it
    put_off: tuple[str, ...] = ()
    # 问个正经的, 言归正传: said after every harm told, what came before was banter (热得车里都快冒烟了
    # 问个正经的 …高速最高能开多少)
    banter: tuple[str, ...] = ()
    # 一般, 通常: 'usually' — after acute harm told of someone in clauses before it, a clause of
    # its own asking what to do (有个老大爷摔倒了 躺地上没反应 一般该咋办) asks what to do now
    usually: tuple[str, ...] = ()
    # 可是, 但是: after the last word of a story of the past, harm told after a 'but' is now
    # (现在在家养着 可是一直吐血)
    but: tuple[str, ...] = ()
    # 买, 提, 修: a past word right before one of these dates a thing got then (去年买的车刹不住了), not a story
    bought: tuple[str, ...] = ()
    turns: tuple[str, ...] = ()  # a fragment that is only this (还有) opens a new matter in a message typed in pieces
    # 当时, 那会儿: a past word that only points back to a moment told before it (我当时车灯是开着的)
    back_then: tuple[str, ...] = ()
    # 非说, 硬说: 'fine' insisted on by the one hurt, against what the writer sees (她非说没事)
    insists: tuple[str, ...] = ()
    # 也: a past told after harm now, in a clause of its own with 也, is another time (去年俺们村也出过这种事)
    also: tuple[str, ...] = ()
    groups: tuple[tuple[str, tuple[str, ...]], ...] = ()  # named word groups: <身体>…<伤状> in a word is any of each
    # words holding a group's characters that are not it (头盔, 手机): not read by groups; a mask
    # built from groups (<呼唤><人>…<索要>…<不应答>) hides a phrase that is no danger (a demand refused)
    masks: tuple[str, ...] = ()
    now_again: tuple[str, ...] = ()  # 现在: harm told after it is now, even after a story of the past
    figures: tuple[str, ...] = ()  # just before a harm word, it is a figure of speech: 心都在流血, 气得吐血
    latin: tuple[tuple[str, str], ...] = ()  # a Latin word or phrase → the Chinese it is read as
    accident: tuple[str, ...] = ()  # an accident told as just happened (撞车了): a harm word may then be heard by its sound


# staff word groups read as plain words (knowledge/emergency.yaml groups); kb check names any missing, and
# without one the engine skips what it tells (no crash)
HABIT_GROUP = "惯常"  # 电动车老起火: a fault that recurs, asked about, not a fire now
URGING_GROUP = "催促开头"  # 赶紧叫救护车, 帮忙叫个120: the same cry, hurried
HURRY_WHO_GROUP = "被催的人"  # who is hurried: 你们快点
CRUSHED_GROUP = "压坏"  # 车门变形 人在里面: crushed about someone
WRECK_GROUP = "门窗"  # 车门打不开，我老婆在里面: what shuts someone in a car
LEAVE_GROUP = "求许可"  # 救命 能换教练不: asking leave, so the cry is a sigh
WRITER_GROUP = "写信人"  # 我不动了: the one typing is awake, so a state of no response is not theirs
ADDRESS_GROUP = "称呼"  # 大哥 出过死亡事故还能增驾吗: the one asked, addressed, is no one at a scene
PLAIN_GROUPS = (HABIT_GROUP, URGING_GROUP, HURRY_WHO_GROUP, CRUSHED_GROUP, WRECK_GROUP, LEAVE_GROUP, WRITER_GROUP,
                ADDRESS_GROUP)


SCOPE_KEYS = ("home_place", "home_parts", "other_places", "other_place_reads_as", "abroad", "abroad_asks", "abroad_reply", "unknown_details", "not_held_markers", "answer_types", "named_places",
              "topic_fillers")
NAMED_PLACE_FIELDS = ("kinds", "not_names", "not_in_names", "reply")
ANSWER_TYPE_FIELDS = ("type", "asked_by", "stated_by", "not_in", "not_stated_with", "of_whom", "units", "reply")
# slots a pattern of `answer_types` may use: a number, a unit of the type's `units`
PATTERN_SLOTS = ("{数}", "{量}")


@dataclass(frozen=True)
class UnknownDetail:
    """A detail a question may ask (地点, 电话, 费用, 多少起, 比例 …): an entry answers it only if it
    holds it. What to say when no entry about the subject does (no reply: "关于X，这个问题我这里没有资料").

    `held_when`: patterns an answer states when it holds the detail, `{数}` standing for a number
    (“{数}起” is held by an answer saying 减少2起); an entry holds it by these or by its `aspects:`.
    `offer`: whether the subject's entries are offered under the reply (no for a matter none of
    them is about: a phone left in a taxi, tomorrow's weather)."""

    aspect: str
    reply: str = ""
    line: int = 0
    file: str = ""
    held_when: tuple[str, ...] = ()
    offer: bool = True


@dataclass(frozen=True)
class AnswerType:
    """A kind of answer a question asks for (多少钱 asks an amount, 几点 a clock time, 几天 a number
    of days): an entry whose answer states no instance of it cannot answer that question.

    `asked_by`: patterns of the question (“…” a gap of a few characters, {量} one of `units`);
    `not_in`: phrases where those words ask nothing (前几天, 罚多少钱 for a fee); `stated_by`:
    patterns of an answer stating one ({数} a number); `units`: groups of units said alike (天 / 日)."""

    type: str
    asked_by: tuple[str, ...]
    stated_by: tuple[str, ...]
    not_in: tuple[str, ...] = ()
    not_stated_with: tuple[str, ...] = ()  # a sentence of the answer with one of these states none (罚款: no fee)
    # whose it is (医院, 物业, 保险公司): a question naming one is stated only by a sentence naming it too
    # (医院急诊的电话 is not 120; 救助基金办公室的电话 not 122)
    of_whom: tuple[str, ...] = ()
    units: tuple[tuple[str, ...], ...] = ()
    reply: str = ""
    line: int = 0
    file: str = ""


@dataclass(frozen=True)
class NamedPlaces:
    """A particular place a question names (和平街, 二广高速, 奇村镇, 人民医院): a name of a few
    characters before one of `kinds` (街, 高速, 镇, 医院 …). Only an entry that mentions it may answer.
    `not_names`: words ending in a kind that name no particular place (马路, 道路, 上高速);
    `not_in_names`: characters a name does not hold (在, 去, 的 …): the name starts after them."""

    kinds: tuple[str, ...] = ()
    not_names: tuple[str, ...] = ()
    not_in_names: str = ""
    reply: str = ""
    line: int = 0
    file: str = ""


@dataclass(frozen=True)
class Concepts:
    """The vocabulary entries and questions are read with: what a question is about (subjects:
    电动自行车, 救助基金 …) and which aspect of it is asked (aspects: 车速, 上牌, 在哪办 …), each a
    standard word with the ways citizens say it. Merged from every concept file."""

    subjects: dict[str, tuple[str, ...]] = field(default_factory=dict)  # standard -> variants
    aspects: dict[str, tuple[str, ...]] = field(default_factory=dict)
    # subjects named as where a thing is done (去车管所注销): what is done there is asked
    venues: tuple[str, ...] = ()
    # aspects that tell the asker's situation (人在外地), not what is asked (能延期吗): beside
    # another aspect, the entries holding that other one answer
    circumstances: tuple[str, ...] = ()
    # aspects that say how a business is done (网上办理, 委托): beside the business asked (补证),
    # the entries about that business rank first, whatever else they hold
    manners: tuple[str, ...] = ()
    # aspects that only bound another (上限: 最多): beside that other (最多能带几个人: 载人), the
    # entries must hold the other; one holding only the bound (the top voltage) answers another question
    bounds: tuple[str, ...] = ()
    # details that count (多少人, 起数): asked beside a circumstance (伤亡), they count it, and it is
    # what is asked; beside another detail (何时) a circumstance only tells the asker's situation
    counts: tuple[str, ...] = ()
    # words before a number that make it an amount (限120, 跑到120): a number-only 说法 (120 the
    # ambulance) is not read there
    amount_marks: tuple[str, ...] = ()
    # words at a story's end that ask of the story's own case (这种情况交强险还管赔吗), and words
    # that point back at the thing asked just before (老考这个)
    this_case: tuple[str, ...] = ()
    this_one: tuple[str, ...] = ()
    # a subject that only says which one of a kind (雅迪 → 电动自行车, 捷达 → 机动车): asked about a
    # business of that kind (上牌, 过户), the kind is what is asked; asked about the one model itself
    # (`model_aspects`: 国标, 推荐), it stays, and no entry holds it
    stands_for: dict[str, str] = field(default_factory=dict)
    model_aspects: tuple[str, ...] = ()
    # phrases that hold a concept's word and ask nothing (要是哪天 holds 哪天, 何时): read as nothing
    says_nothing: tuple[str, ...] = ()
    # words that begin telling a fear (怕, 担心): a clause after the question that only tells one
    # (…最快能跑多少？怕超速扣分) says why it is asked, not what
    fears: tuple[str, ...] = ()
    # aspect variants that are as often words of the story told (周末想开上高速: 办公时间; 拉上俺们
    # 一家子: 回避): read as their aspect only where no other aspect is read
    weak: tuple[str, ...] = ()
    # subjects that are vehicles (电动自行车, 机动车): one told in a story stays what its end asks of
    # when the end names no vehicle (电驴后头绑货 … 多长不算违规)
    vehicles: tuple[str, ...] = ()
    # aspects some entry is only for that say where a thing happened (道路以外: 停车场, 小区里): told
    # in a story they are the scene, not the setting that decides which rule the end asks of
    scenes: tuple[str, ...] = ()
    # aspects a story tells of the one asking (我儿子今年15岁: 年龄) that a whether-question at its
    # end turns on (…能骑上路吗), beside what that end asks
    turns_on: tuple[str, ...] = ()
    # an aspect read beside another means a third (无责 beside 赔偿限额: one with no fault asking
    # 最多赔多少 asks the cap on his share, 上限, not the insurance's limits): aspect -> {beside: read as}
    beside: dict[str, dict[str, str]] = field(default_factory=dict)


@dataclass(frozen=True)
class Knowledge:
    entries: tuple[Entry, ...] = ()
    synonyms: dict[str, str] = field(default_factory=dict)  # variant -> canonical
    # an English phrase -> the Chinese a citizen would type for it (how many points -> 扣几分): read
    # as that Chinese, which stays ordinary text (no domain term is made of it)
    english: dict[str, str] = field(default_factory=dict)
    measures: dict[str, str] = field(default_factory=dict)  # unit (伏, 码) -> what it measures
    # who an age is said of (俺爹, 孩子): a number after one, and 了 (七十一了), is that many years
    age_of: tuple[str, ...] = ()
    age_bands: tuple[int, ...] = ()  # ages the rules draw a line at (60, 70): 71 is read as 70岁以上
    terms: tuple[str, ...] = ()
    smalltalk: tuple[SmalltalkIntent, ...] = ()
    emergency: EmergencyRules = field(default_factory=EmergencyRules)
    other_places: tuple[str, ...] = ()  # places outside the bot's area: their questions are not ours
    # the word another place named is read as (在石家庄被拍了违章 reads as 在外地…: what holds of
    # being elsewhere is asked), while the place itself still limits the answer to national rules
    other_place_reads_as: str = ""
    # other countries and regions with traffic laws of their own (日本, 香港): what holds there is
    # held by no entry, unless the question reads one of `abroad_asks` (境外 licences, 延期 while
    # abroad), which our rules settle
    abroad: tuple[str, ...] = ()
    abroad_asks: tuple[str, ...] = ()
    abroad_reply: str = ""
    home_place: str = ""  # an entry naming it (in source or answer) states local facts, not national rules
    home_parts: tuple[str, ...] = ()  # the home place's counties (代县, 原平): naming one asks as locally
    unknown_details: tuple[UnknownDetail, ...] = ()
    # phrases with which an answer says it does not hold something (这里没有资料): the aspects
    # named in such a sentence are not answered by that entry
    not_held_markers: tuple[str, ...] = ()
    answer_types: tuple[AnswerType, ...] = ()
    named_places: NamedPlaces = field(default_factory=NamedPlaces)
    # words that ask nothing beside a subject typed alone (问下, 的事, 请问): 问下驾照 is 驾照 alone
    topic_fillers: tuple[str, ...] = ()
    concepts: Concepts = field(default_factory=Concepts)
    version: str = ""
    path: str = ""

    def by_id(self) -> dict[str, Entry]:
        return {e.id: e for e in self.entries}

    def topics(self) -> list[tuple[str, list[Entry]]]:
        """Topics by their files' `order:` (then file order), each with its entries in file order."""
        out: dict[str, list[Entry]] = {}
        for entry in self.entries:
            out.setdefault(entry.topic, []).append(entry)
        return sorted(out.items(), key=lambda item: item[1][0].topic_order)


@dataclass
class _Collector:
    """Gathers problems for one file, so validators need not thread the file name around."""

    file: str
    problems: list[Problem]

    def error(self, node: yaml.Node | None, message: str) -> None:
        self.problems.append(Problem(self.file, _line(node), message, "error"))

    def warn(self, node: yaml.Node | None, message: str) -> None:
        self.problems.append(Problem(self.file, _line(node), message, "warning"))


def _line(node: yaml.Node | None) -> int:
    return node.start_mark.line + 1 if node is not None else 1


def _mapping(node: yaml.Node) -> dict[str, tuple[yaml.Node, yaml.Node]]:
    return {str(k.value): (k, v) for k, v in node.value} if isinstance(node, yaml.MappingNode) else {}


def _scalar_text(node: yaml.Node) -> str | None:
    """A scalar's text as staff wrote it (dates and numbers included), or None for non-scalars."""
    if not isinstance(node, yaml.ScalarNode):
        return None
    return str(node.value).strip()


def _text(node: yaml.Node | None, c: _Collector, what: str) -> str | None:
    if node is None:
        return None
    value = _scalar_text(node)
    if value is None:
        c.error(node, f"{what} 应该是一段文字 / {what} must be text, not a list or mapping")
        return None
    if node.tag == "tag:yaml.org,2002:null" or value == "":
        c.error(node, f"{what} 是空的 / {what} is empty")
        return None
    return value


def _text_list(node: yaml.Node | None, c: _Collector, what: str) -> list[tuple[str, int]]:
    """A list of texts with their line numbers; a single text is accepted as a one-item list."""
    if node is None:
        return []
    if isinstance(node, yaml.ScalarNode):
        if node.tag == "tag:yaml.org,2002:null":
            return []
        value = _scalar_text(node)
        return [(value, _line(node))] if value else []
    if not isinstance(node, yaml.SequenceNode):
        c.error(node, f"{what} 应该是列表，每行以 '- ' 开头 / {what} must be a list (one item per line starting with '- ')")
        return []
    out = []
    for item in node.value:
        value = _scalar_text(item)
        if value is None:
            c.error(item, f"{what} 里有一项不是文字，请检查缩进 / an item of {what} must be text, not a list or mapping (check the indentation)")
        elif value == "" or item.tag == "tag:yaml.org,2002:null":
            c.warn(item, f"an empty item in {what} is ignored")
        else:
            out.append((value, _line(item)))
    return out


def _parse_updated(node: yaml.Node | None, c: _Collector) -> str | None:
    value = _text(node, c, "'updated'")
    if value is None:
        return None
    try:
        return _dt.date.fromisoformat(value).isoformat()
    except ValueError:
        c.error(node, f"'updated' 要写成日期，如 2025-01-10 / 'updated' must be a date like 2025-01-10, got {value!r}")
        return None


def _load_entry(node: yaml.Node, topic: str, c: _Collector) -> Entry | None:
    if not isinstance(node, yaml.MappingNode):
        c.error(node, "each entry must be a mapping with id, questions, answer, source, updated")
        return None
    fields = _mapping(node)
    for name, (key, _value) in fields.items():
        if name not in ENTRY_FIELDS:
            c.error(key, f"不认识的字段 '{name}'（拼写错误？）/ unknown field '{name}' (allowed: {', '.join(sorted(ENTRY_FIELDS))})")
    missing = [f for f in REQUIRED_FIELDS if f not in fields]
    for name in missing:
        c.error(node, f"条目缺少 '{name}' / entry is missing '{name}'")
    before = len([p for p in c.problems if p.severity == "error"])
    node_of = lambda name: fields.get(name, (None, None))[1]
    # Every present field is checked even when one is missing, so staff see all mistakes at once.
    entry_id = _text(node_of("id"), c, "'id'")
    if entry_id is not None and not ID_RE.match(entry_id):
        c.error(node_of("id"), f"id 只能用小写字母、数字和 '-' / id {entry_id!r} must be lower-case letters, digits and '-' (e.g. ebike-plates)")
    questions = _text_list(node_of("questions"), c, "'questions'")
    if "questions" in fields and not questions:
        c.error(node_of("questions"), "'questions' 至少要有一个问法 / 'questions' needs at least one question")
    elif questions and len(questions) < MIN_QUESTIONS:
        c.warn(node_of("questions"), f"只有 {len(questions)} 个问法，请按群众的说法写至少 {MIN_QUESTIONS} 个 / only {len(questions)} questions; write at least {MIN_QUESTIONS} the way citizens ask")
    answer = _text(node_of("answer"), c, "'answer'")
    source = _text(node_of("source"), c, "'source'")
    updated = _parse_updated(node_of("updated"), c) if "updated" in fields else None
    related = _text_list(node_of("related"), c, "'related'")
    tests = _text_list(node_of("tests"), c, "'tests'")
    subjects = _text_list(node_of("subjects"), c, "'subjects'")
    aspects = _text_list(node_of("aspects"), c, "'aspects'")
    only_when = _text_list(node_of("only_when"), c, "'only_when'")
    not_when = _text_list(node_of("not_when"), c, "'not_when'")
    declines_node = node_of("declines")
    declines = declines_node is not None and _scalar_text(declines_node) in ("true", "True", "yes")
    if declines_node is not None and _scalar_text(declines_node) not in ("true", "True", "yes", "false", "False", "no"):
        c.error(declines_node, "declines 只能写 true 或 false / 'declines' is true or false")
    if missing or len([p for p in c.problems if p.severity == "error"]) > before:
        return None
    # Every required field was read without an error above, so none of these is None.
    assert entry_id is not None and answer is not None and source is not None and updated is not None
    return Entry(
        id=entry_id,
        topic=topic,
        questions=tuple(q for q, _ in questions),
        answer=answer.strip(),
        source=source,
        updated=updated,
        related=tuple(r for r, _ in related),
        tests=tuple(t for t, _ in tests),
        file=c.file,
        line=_line(node),
        question_lines=tuple(line for _, line in questions),
        test_lines=tuple(line for _, line in tests),
        subjects=tuple(w for w, _ in subjects),
        aspects=tuple(w for w, _ in aspects),
        subject_lines=tuple(line for _, line in subjects),
        aspect_lines=tuple(line for _, line in aspects),
        only_when=tuple(w for w, _ in only_when),
        only_when_lines=tuple(line for _, line in only_when),
        not_when=tuple(w for w, _ in not_when),
        not_when_lines=tuple(line for _, line in not_when),
        declines=declines,
    )


def _load_topic_file(root: yaml.MappingNode, c: _Collector) -> list[Entry]:
    fields = _mapping(root)
    for name, (key, _v) in fields.items():
        if name not in ("topic", "order", "entries"):
            c.error(key, f"不认识的键 '{name}' / unknown key '{name}' in a topic file (allowed: topic, order, entries)")
    order = DEFAULT_ORDER
    if "order" in fields:
        raw = _scalar_text(fields["order"][1]) or ""
        if raw.isdigit():
            order = int(raw)
        else:
            c.error(fields["order"][1], f"'order' 要写一个整数，如 1 / 'order' must be a whole number, got {raw!r}")
    if "topic" not in fields:
        c.error(root, "a topic file needs 'topic: <name>' at the top")
        return []
    topic = _text(fields["topic"][1], c, "'topic'")
    entries_node = fields["entries"][1]
    if not isinstance(entries_node, yaml.SequenceNode):
        c.error(entries_node, "'entries' must be a list of entries, each starting with '- id:'")
        return []
    out = []
    for node in entries_node.value:
        entry = _load_entry(node, topic or "", c)
        if entry is not None and topic:
            out.append(dataclasses.replace(entry, topic_order=order))
    return out


def _listed_under(node: yaml.Node | None, c: _Collector, shape: str, head_is: str, items_are: str,
                  conflict: Callable[[str, str, str], str], wrong: Callable[[str], str | None] = lambda _: None,
                  fold: Callable[[str], str] = lambda item: item) -> dict[str, str]:
    """`标准词: [说法, 说法]` read as 说法 -> 标准词: each 说法 under one head only (`conflict`: the
    error at its line), `wrong` the error of a 说法 that does not belong there, `shape` of a table
    that is no mapping."""
    if node is None:
        return {}
    if not isinstance(node, yaml.MappingNode):
        c.error(node, shape)
        return {}
    out: dict[str, str] = {}
    for key, value in node.value:
        head = _text(key, c, head_is)
        if head is None:
            continue
        for item, line in _text_list(value, c, f"{items_are} {head}"):
            problem = wrong(item)
            item = fold(item)
            if problem is None and item in out and out[item] != head:
                problem = conflict(item, out[item], head)
            if problem is not None:
                c.problems.append(Problem(c.file, line, problem, "error"))
                continue
            out[item] = head
    return out


def _load_measures(node: yaml.Node | None, c: _Collector) -> dict[str, str]:
    """`measures:` 电池电压: [伏, v] — a unit after a number (60伏, 四十多码) names what it measures."""
    return _listed_under(node, c, "'measures' 应该是“标准词: [单位, 单位]” / 'measures' must map a standard word to its units, e.g. 电池电压: [伏, v]",
                         "a standard word", "the units of",
                         lambda unit, first, second: f"unit {unit!r} is listed under both {first} and {second}")


def _load_english(node: yaml.Node | None, c: _Collector) -> dict[str, str]:
    """`english:` 扣几分: [how many points] — English typed by a visitor, read as the Chinese a
    citizen would type. Unlike a synonym's standard word the Chinese is no domain term: it is cut
    and matched as if typed."""
    return _listed_under(
        node, c, "'english' 应该是“中文说法: [英文, 英文]” / 'english' must map the Chinese to its English phrases, e.g. 扣几分: [how many points]",
        "the Chinese of an English phrase", "the English of",
        lambda phrase, first, second: f"英文说法 {phrase!r} 同时写在 {first} 和 {second} 下面 / {phrase!r} is listed under both {first} and {second}",
        wrong=lambda phrase: None if _LATIN.search(phrase) and not _HAN_IN.search(phrase)
        else f"english 下面要写英文说法，{phrase!r} 不是 / 'english' lists English phrases, not {phrase!r}",
        fold=str.lower)


_LATIN = re.compile("[A-Za-z]")
_HAN_IN = re.compile("[\u3400-\u9fff]")


def _load_vocabulary(root: yaml.MappingNode, c: _Collector) -> tuple[dict[str, str], list[str]]:
    fields = _mapping(root)
    synonyms: dict[str, str] = {}
    lines: dict[str, int] = {}
    terms = [t for t, _ in _text_list(fields.get("terms", (None, None))[1], c, "'terms'")]
    syn_node = fields.get("synonyms", (None, None))[1]
    if syn_node is not None and not isinstance(syn_node, yaml.MappingNode):
        c.error(syn_node, "'synonyms' must map a standard word to a list of variants, e.g. 电动自行车: [电瓶车, 电驴]")
    elif syn_node is not None:
        for key, value in syn_node.value:
            canonical = _text(key, c, "a standard word")
            if canonical is None:
                continue
            terms.append(canonical)
            for variant, line in _text_list(value, c, f"the variants of {canonical}"):
                if len(variant) < 2:
                    c.warn(value, f"variant {variant!r} of {canonical} is one character: it would replace that character everywhere; ignored")
                    continue
                if variant in synonyms and synonyms[variant] != canonical:
                    c.problems.append(Problem(c.file, line, f"variant {variant!r} is listed under both {synonyms[variant]} and {canonical}", "error"))
                    continue
                synonyms[variant] = canonical
                terms.append(variant)
                lines[variant] = line
    # 有伤亡 → 有人受伤 turns 没有伤亡 into 没 + 有人受伤: a variant starting with 有 needs its
    # denial listed too (longer variants are replaced first), or the meaning flips.
    denials = [v for v in synonyms if v.startswith("没")]
    for variant, canonical in synonyms.items():
        denied = "没" + variant
        if variant.startswith("有") and not any(denied.startswith(d) for d in denials):
            c.problems.append(Problem(c.file, lines[variant], f"说法 {variant!r} 以“有”开头：“没{variant}”会被读成“没”+“{canonical}”，"
                                      f"请把“没{variant}”列在表示没有的标准词下 / variant {variant!r} starts with 有: "
                                      f"'没{variant}' would read as 没 + {canonical}; list '没{variant}' under a standard word that says so",
                                      "warning"))
    return synonyms, terms


@dataclass
class _ConceptTable:
    """Concept files merged: a standard word may be repeated in another file to add variants;
    one variant under two standard words is an error at its line."""

    words: dict[str, dict[str, list[str]]] = field(default_factory=lambda: {k: {} for k in CONCEPT_KINDS})
    # every word said (standard or variant) -> (kind, standard word, file, line)
    said: dict[str, tuple[str, str, str, int]] = field(default_factory=dict)
    # (subject, file, line) of `venues:`
    venues: list[tuple[str, str, int]] = field(default_factory=list)
    # (aspect, file, line) of `circumstances:`
    circumstances: list[tuple[str, str, int]] = field(default_factory=list)
    manners: list[tuple[str, str, int]] = field(default_factory=list)
    bounds: list[tuple[str, str, int]] = field(default_factory=list)
    counts: list[tuple[str, str, int]] = field(default_factory=list)
    amount_marks: list[str] = field(default_factory=list)
    this_case: list[str] = field(default_factory=list)
    this_one: list[str] = field(default_factory=list)
    # (subject, the subject it stands for, file, line) of `stands_for:`
    stands_for: list[tuple[str, str, str, int]] = field(default_factory=list)
    model_aspects: list[tuple[str, str, int]] = field(default_factory=list)
    says_nothing: list[str] = field(default_factory=list)
    fears: list[str] = field(default_factory=list)
    weak: list[tuple[str, str, int]] = field(default_factory=list)  # (variant, file, line)
    vehicles: list[tuple[str, str, int]] = field(default_factory=list)  # (subject, file, line)
    scenes: list[tuple[str, str, int]] = field(default_factory=list)  # (aspect, file, line)
    turns_on: list[tuple[str, str, int]] = field(default_factory=list)  # (aspect, file, line)
    # (aspect, the aspect beside it, what the first is read as, file, line) of `beside:`
    beside: list[tuple[str, str, str, str, int]] = field(default_factory=list)

    def add(self, kind: str, standard: str, word: str, file: str, line: int, problems: list[Problem]) -> bool:
        first = self.said.get(word)
        if first is not None and first[:2] != (kind, standard):
            problems.append(Problem(file, line, f"说法 {word!r} 已在 {first[2]}:{first[3]} 归到 {first[1]}（{first[0]}），"
                                    f"同一个说法只能属于一个标准词 / {word!r} is already listed under {first[1]} ({first[0]}) at "
                                    f"{first[2]}:{first[3]}: one word may belong to one standard word only"))
            return False
        self.said.setdefault(word, (kind, standard, file, line))
        return True

    def concepts(self, problems: list[Problem]) -> Concepts:
        """The merged vocabulary; a venue that is no subject, or a circumstance that is no aspect,
        is an error at its line."""
        return Concepts(**{k: {w: tuple(vs) for w, vs in self.words[k].items()} for k in CONCEPT_KINDS},
                        venues=self._known(self.venues, "subjects", "主题", "venues", problems),
                        circumstances=self._known(self.circumstances, "aspects", "方面", "circumstances", problems),
                        manners=self._known(self.manners, "aspects", "方面", "manners", problems),
                        bounds=self._known(self.bounds, "aspects", "方面", "bounds", problems),
                        counts=self._known(self.counts, "aspects", "方面", "counts", problems),
                        amount_marks=tuple(dict.fromkeys(self.amount_marks)),
                        this_case=tuple(dict.fromkeys(self.this_case)),
                        this_one=tuple(dict.fromkeys(self.this_one)),
                        stands_for=self._stands_for(problems),
                        model_aspects=self._known(self.model_aspects, "aspects", "方面", "model_aspects", problems),
                        says_nothing=tuple(dict.fromkeys(self.says_nothing)),
                        fears=tuple(dict.fromkeys(self.fears)),
                        weak=self._weak(problems),
                        vehicles=self._known(self.vehicles, "subjects", "主题", "vehicles", problems),
                        scenes=self._known(self.scenes, "aspects", "方面", "scenes", problems),
                        turns_on=self._known(self.turns_on, "aspects", "方面", "turns_on", problems),
                        beside=self._beside(problems))

    def _beside(self, problems: list[Problem]) -> dict[str, dict[str, str]]:
        table: dict[str, dict[str, str]] = {}
        for aspect, other, read_as, file, line in self.beside:
            bad = [w for w in (aspect, other, read_as) if w not in self.words["aspects"]]
            if bad:
                problems.append(Problem(file, line, f"不认识的方面 {bad[0]!r}：beside 里三个词都要用 aspects 下的标准词 / unknown "
                                        f"aspect {bad[0]!r}: every word of 'beside' must be a standard word listed under 'aspects:'"))
            else:
                table.setdefault(aspect, {})[other] = read_as
        return table

    def _weak(self, problems: list[Problem]) -> tuple[str, ...]:
        known = []
        for word, file, line in self.weak:
            if self.said.get(word, ("",))[0] == "aspects":
                known.append(word)
            else:
                problems.append(Problem(file, line, f"{word!r} 不是哪个方面的说法：weak 里请写 aspects 下已有的说法 / {word!r} is no "
                                        f"variant of an aspect: 'weak' lists words already listed under 'aspects:'"))
        return tuple(dict.fromkeys(known))

    def _stands_for(self, problems: list[Problem]) -> dict[str, str]:
        pairs = {}
        for one, kind, file, line in self.stands_for:
            bad = [w for w in (one, kind) if w not in self.words["subjects"]]
            if bad:
                problems.append(Problem(file, line, f"不认识的主题 {bad[0]!r}：stands_for 两边都要用 subjects 下的标准词 / unknown "
                                        f"subject {bad[0]!r}: both sides of stands_for must be standard words listed under 'subjects:'"))
            else:
                pairs[one] = kind
        return pairs

    def _known(self, listed: list[tuple[str, str, int]], kind: str, hint: str, key: str,
               problems: list[Problem]) -> tuple[str, ...]:
        known = []
        for word, file, line in listed:
            if word in self.words[kind]:
                known.append(word)
            else:
                problems.append(Problem(file, line, f"不认识的{hint} {word!r}：{key} 里请用 {kind} 下的标准词 / unknown {kind[:-1]} "
                                        f"{word!r}: {key} must be standard words listed under '{kind}:'"))
        return tuple(dict.fromkeys(known))


def _rewritten_variants(table: _ConceptTable, synonyms: dict[str, str]) -> list[Problem]:
    """A concept's variant that synonyms.yaml rewrites into another concept's word (不认账 → 争议, listed
    under 赖账): questions are read after the synonyms, so the variant reads as that other concept."""
    out = []
    for word, (kind, standard, file, line) in table.said.items():
        target = synonyms.get(word)
        owner = table.said.get(target) if target and target != word else None
        if owner is not None and owner[:2] != (kind, standard):
            out.append(Problem(file, line, f"说法 {word!r} 会先按同义词读成 {target!r}，那是 {owner[1]} 的说法，所以读不出 {standard}："
                               f"请删掉这个说法，或改 synonyms.yaml / {word!r} is rewritten by the synonyms into {target!r}, "
                               f"a word of {owner[1]}: it never reads as {standard}; remove it or change the synonym", "warning"))
    return out


def _load_beside(node: yaml.Node, c: _Collector, table: _ConceptTable) -> None:
    """`beside:` — 方面: {另一个方面: 一起出现时读成的方面}."""
    shape = "'beside' 应该是“方面: {另一个方面: 读成的方面}” / 'beside' must map an aspect to {the aspect beside it: what it is then read as}, e.g. 赔偿限额: {无责: 上限}"
    if not isinstance(node, yaml.MappingNode):
        c.error(node, shape)
        return
    for aspect_node, pairs in node.value:
        aspect = _text(aspect_node, c, "an aspect")
        if aspect is None:
            continue
        if not isinstance(pairs, yaml.MappingNode):
            c.error(pairs, shape)
            continue
        for other_node, as_node in pairs.value:
            other, read_as = _text(other_node, c, "the aspect beside it"), _text(as_node, c, "what it is read as")
            if other is not None and read_as is not None:
                table.beside.append((aspect, other, read_as, c.file, _line(other_node)))


# the keys a concept file may hold beside `subjects:` / `aspects:`: lists of standard words (each
# checked at its line), lists of plain phrases, and mappings
_CONCEPT_LISTS = ("venues", "circumstances", "manners", "bounds", "counts", "model_aspects", "weak", "vehicles", "scenes",
                  "turns_on")
_CONCEPT_PHRASES = ("amount_marks", "says_nothing", "fears", "this_case", "this_one")
_CONCEPT_MAPS = ("stands_for", "beside")


def _load_concepts(root: yaml.MappingNode, c: _Collector, table: _ConceptTable) -> None:
    """`subjects:` / `aspects:` — each maps a standard word to the ways citizens say it;
    `venues:` lists the subjects that are places where things are done; `circumstances:` the
    aspects that tell the asker's situation rather than what is asked."""
    for name, (key, node) in _mapping(root).items():
        if name in _CONCEPT_LISTS:
            getattr(table, name).extend((w, c.file, line) for w, line in _text_list(node, c, name))
            continue
        if name in _CONCEPT_PHRASES:
            getattr(table, name).extend(w for w, _ in _text_list(node, c, name))
            continue
        if name == "beside":
            _load_beside(node, c, table)
            continue
        if name == "stands_for":
            if not isinstance(node, yaml.MappingNode):
                c.error(node, "'stands_for' 应该是“主题: 它所属的主题” / 'stands_for' must map a subject to the subject it is one of, e.g. 电动车品牌: 电动自行车")
                continue
            for one_node, kind_node in node.value:
                one, kind = _text(one_node, c, "a subject"), _text(kind_node, c, "the subject it stands for")
                if one is not None and kind is not None:
                    table.stands_for.append((one, kind, c.file, _line(one_node)))
            continue
        if name not in CONCEPT_KINDS:
            allowed = ", ".join(CONCEPT_KINDS + _CONCEPT_LISTS + _CONCEPT_PHRASES + _CONCEPT_MAPS)
            c.error(key, f"不认识的键 '{name}' / unknown key '{name}' in a concept file (allowed: {allowed})")
            continue
        if node.tag == "tag:yaml.org,2002:null":
            continue
        if not isinstance(node, yaml.MappingNode):
            c.error(node, f"'{name}' 应该是“标准词: [说法, 说法]” / '{name}' must map a standard word to its variants, e.g. 车速: [多快, 几码]")
            continue
        known = table.words[name]
        for word_node, variants in node.value:
            standard = _text(word_node, c, "a standard word")
            if standard is None:
                continue
            if not table.add(name, standard, standard, c.file, _line(word_node), c.problems):
                continue
            listed = known.setdefault(standard, [])
            for variant, line in _text_list(variants, c, f"the variants of {standard}"):
                if variant != standard and variant not in listed and table.add(name, standard, variant, c.file, line, c.problems):
                    listed.append(variant)


def _check_concepts(entries: list[Entry], concepts: Concepts, problems: list[Problem]) -> list[Entry]:
    """Each entry's subjects and aspects must be standard words of the concept files: an unknown
    one is an error at its line and is left out (the entry is still served)."""
    out = []
    for entry in entries:
        kept = {}
        for kind, words, lines in (("subjects", entry.subjects, entry.subject_lines),
                                   ("aspects", entry.aspects, entry.aspect_lines)):
            table = getattr(concepts, kind)
            if not words:
                problems.append(Problem(entry.file, entry.line, f"条目 {entry.id!r} 没有写 {kind}：请写明它讲什么（标准词见 concepts.yaml）"
                                        f" / entry {entry.id!r} has no '{kind}': name what it is about with standard words of concepts.yaml",
                                        "warning"))
            for word, line in zip(words, lines or (entry.line,) * len(words), strict=False):
                if word not in table:
                    hint = "主题" if kind == "subjects" else "方面"
                    problems.append(Problem(entry.file, line, f"不认识的{hint} {word!r}：请用 concepts.yaml 里 {kind} 下的标准词，或先在那里加上它"
                                            f" / unknown {kind[:-1]} {word!r}: use a standard word listed under '{kind}:' in a concepts file, or add it there"))
            kept[kind] = tuple(w for w in words if w in table)
        own = frozenset(kept["subjects"]) | frozenset(kept["aspects"])
        for word, line in zip(entry.only_when, entry.only_when_lines or (entry.line,) * len(entry.only_when), strict=False):
            if word in own:
                continue
            if word in concepts.subjects or word in concepts.aspects:
                problems.append(Problem(entry.file, line, f"only_when 里的 {word!r} 不在这个条目的 subjects 或 aspects 里：请先把它写进去"
                                        f" / only_when {word!r} is not among this entry's subjects or aspects: name it there first"))
            else:
                problems.append(Problem(entry.file, line, f"不认识的词 {word!r}：only_when 只能用这个条目 subjects / aspects 里的标准词"
                                        f" / unknown word {word!r}: only_when takes standard words from this entry's subjects or aspects"))
        kept["only_when"] = tuple(w for w in entry.only_when if w in own)
        for word, line in zip(entry.not_when, entry.not_when_lines or (entry.line,) * len(entry.not_when), strict=False):
            if word in own:
                problems.append(Problem(entry.file, line, f"not_when 里的 {word!r} 也写在这个条目的 subjects 或 aspects 里：一个条目不能既讲它又不讲它"
                                        f" / not_when {word!r} is also among this entry's subjects or aspects: an entry cannot both hold it and be never for it"))
            elif word not in concepts.subjects and word not in concepts.aspects:
                problems.append(Problem(entry.file, line, f"不认识的词 {word!r}：not_when 只能用 concepts.yaml 里的标准词"
                                        f" / unknown word {word!r}: not_when takes standard words of the concept files"))
        kept["not_when"] = tuple(w for w in entry.not_when if w not in own and (w in concepts.subjects or w in concepts.aspects))
        if kept != {"subjects": entry.subjects, "aspects": entry.aspects, "only_when": entry.only_when, "not_when": entry.not_when}:
            entry = dataclasses.replace(entry, subjects=kept["subjects"], aspects=kept["aspects"], only_when=kept["only_when"],
                                        not_when=kept["not_when"])
        out.append(entry)
    return out


def _load_smalltalk(root: yaml.MappingNode, c: _Collector) -> list[SmalltalkIntent]:
    node = _mapping(root)["smalltalk"][1]
    if not isinstance(node, yaml.SequenceNode):
        c.error(node, "'smalltalk' must be a list of {id, phrases, reply}")
        return []
    out = []
    for item in node.value:
        fields = _mapping(item)
        if not fields:
            c.error(item, "a smalltalk item must be a mapping with id, phrases, reply")
            continue
        for name, (key, _v) in fields.items():
            if name not in ("id", "phrases", "reply"):
                c.error(key, f"unknown field '{name}' (allowed: id, phrases, reply)")
        missing = [k for k in ("id", "phrases", "reply") if k not in fields]
        if missing:
            c.error(item, f"smalltalk item is missing {', '.join(missing)}")
            continue
        ident = _text(fields["id"][1], c, "'id'")
        phrases = _text_list(fields["phrases"][1], c, "'phrases'")
        reply = _text(fields["reply"][1], c, "'reply'")
        if ident and phrases and reply:
            out.append(SmalltalkIntent(ident, tuple(p for p, _ in phrases), reply))
    return out


def _load_emergency(root: yaml.MappingNode, c: _Collector) -> EmergencyRules | None:
    node = _mapping(root)["emergency"][1]
    fields = _mapping(node)
    if not fields:
        c.error(node, "'emergency' must be a mapping with reply, categories, urgent …")
        return None
    for name, (key, _v) in fields.items():
        if name not in EMERGENCY_FIELDS:
            c.error(key, f"unknown field '{name}' (allowed: {', '.join(sorted(EMERGENCY_FIELDS))})")
    if "reply" not in fields:
        c.error(node, "'emergency' needs a 'reply' that starts with 122 / 120")
        return None
    reply = _text(fields["reply"][1], c, "'reply'")

    def words(name: str) -> tuple[str, ...]:
        return tuple(t for t, _ in _text_list(fields.get(name, (None, None))[1], c, f"'{name}'"))

    categories = _load_categories(fields.get("categories", (None, None))[1], c)
    # A plain harm / fire list (the older form) is a category of its own.
    categories += [DangerCategory(n, n, "119" if n == "fire" else "122", False, words(n))
                   for n in ("harm", "fire") if words(n)]
    frames = _load_frames(fields.get("not_now", (None, None))[1], c)
    latin = []
    latin_node = fields.get("latin", (None, None))[1]
    if latin_node is not None and not isinstance(latin_node, yaml.MappingNode):
        c.error(latin_node, "'latin' 应该是“英文或拼音: 中文”的对照表 / 'latin' must map a Latin word to Chinese, e.g. injured: 受伤")
    elif latin_node is not None:
        for k_node, v_node in latin_node.value:
            spelled, value = _text(k_node, c, "a Latin word"), _text(v_node, c, "its Chinese")
            if spelled and value:
                latin.append((spelled.lower(), value))
    fire_reply = _text(fields["fire_reply"][1], c, "'fire_reply'") if "fire_reply" in fields else None
    crash_reply = _text(fields["crash_reply"][1], c, "'crash_reply'") if "crash_reply" in fields else None
    if reply is None:
        return None
    groups = _load_groups(fields.get("groups", (None, None))[1], c)
    named = {n for n, _ in groups} | {"人"}  # <人> is the persons list
    for g in PLAIN_GROUPS:
        if g not in named:
            c.warn(fields.get("groups", (None, node))[1] or node, f"groups 里缺少词组 {g}，相关的紧急判断会失效 / "
                                                              f"'groups' lacks the group {g}: the check it feeds is skipped")
    for g in sorted({g for w in words("masks") for gs in re.findall(r"<([^<>]+)>", w) for g in gs.split("|")} - named):
        c.error(fields["masks"][1], f"masks 用到的词组 <{g}> 在 groups 里没有 / masks use the group <{g}>, which 'groups' does not define")
    for cat in categories:
        used = {g for w in cat.words + cat.of_person + cat.person_after for gs in re.findall(r"<([^<>]+)>", w)
                for g in gs.split("|")}
        for g in sorted((used | {cat.not_after, *re.split(r"[|&]", cat.needs)}) - named - {""}):
            c.error(fields["categories"][1], f"危险类别 {cat.id} 用到的词组 <{g}> 在 groups 里没有 / "
                                             f"category {cat.id} uses group <{g}>, which 'groups' does not define")
    everything = [w for cat in categories for w in cat.words + cat.of_person + cat.person_after if "<" not in w]
    fire_words = [w for cat in categories if cat.first == "119" for w in cat.words + cat.of_person + cat.person_after
                  if "<" not in w]
    return EmergencyRules(
        reply=reply.strip(), fire_reply=(fire_reply or reply).strip(), crash_reply=(crash_reply or reply).strip(),
        reply_lines=tuple((n, c.file, _line(fields[n][1])) for n in ("reply", "fire_reply", "crash_reply") if n in fields),
        harm=tuple(w.replace("…", "") for w in everything if w not in fire_words),
        fire=tuple(w.replace("…", "") for w in fire_words),
        not_now=tuple(w for f in frames for w in f.words),
        categories=tuple(categories), frames=tuple(frames), latin=tuple(latin), groups=groups,
        **{name: words(name) for name in EMERGENCY_WORD_LISTS})


def _load_groups(node: yaml.Node | None, c: _Collector) -> tuple[tuple[str, tuple[str, ...]], ...]:
    if node is None:
        return ()
    if not isinstance(node, yaml.MappingNode):
        c.error(node, "'groups' 应该是“组名: [词, …]”/ 'groups' must map a group name to its words")
        return ()
    return tuple((name, tuple(t for t, _ in _text_list(v, c, f"group '{name}'")))
                 for k, v in node.value if (name := _text(k, c, "a group name")))


def _load_categories(node: yaml.Node | None, c: _Collector) -> list[DangerCategory]:
    if node is None:
        return []
    if not isinstance(node, yaml.SequenceNode):
        c.error(node, "'categories' 应该是列表，每项有 id、words / 'categories' must be a list of {id, name, words …}")
        return []
    out = []
    for item in node.value:
        fields = _mapping(item)
        for name, (key, _v) in fields.items():
            if name not in CATEGORY_FIELDS:
                c.error(key, f"unknown field '{name}' (allowed: {', '.join(sorted(CATEGORY_FIELDS))})")
        ident = _text(fields["id"][1], c, "'id'") if "id" in fields else None
        if not ident:
            c.error(item, "每类危险都要有 id / a danger category needs an id")
            continue
        said = _text(fields["first"][1], c, "'first'") if "first" in fields else "122"
        first = said if said in ("119", "122") else "122"
        if said != first:
            c.error(fields["first"][1], "'first' 只能是 119 或 122 / 'first' must be 119 or 122")
        acute = _scalar_text(fields["acute"][1]) if "acute" in fields else "false"
        lists = {n: tuple(t for t, _ in _text_list(fields.get(n, (None, None))[1], c, f"'{n}'"))
                 for n in ("words", "of_person", "person_after")}
        if not any(lists.values()):
            c.error(item, f"危险类别 {ident} 没有词 / category {ident} has no words")
            continue
        label = _text(fields["name"][1], c, "'name'") if "name" in fields else None
        needs, not_after = ((_text(fields[n][1], c, f"'{n}'") or "") if n in fields else "" for n in ("needs", "not_after"))
        unless = _scalar_text(fields["needs_unless"][1]) if "needs_unless" in fields else "0"
        if not (unless or "").isdigit():
            c.error(fields["needs_unless"][1], "'needs_unless' 要写一个数字（几个不同的词）/ 'needs_unless' must be a number")
            unless = "0"
        out.append(DangerCategory(ident, label or ident, first, (acute or "").lower() in ("true", "yes"), **lists,
                                  needs=needs, not_after=not_after, needs_unless=int(unless or 0)))
    return out


def _load_frames(node: yaml.Node | None, c: _Collector) -> list[Frame]:
    """not_now: a list (one frame), or frames by name: hypothetical, general, past, about …"""
    if node is None:
        return []
    if isinstance(node, yaml.MappingNode):
        out = []
        for key, value in node.value:
            name = str(key.value)
            out.append(Frame(name, tuple(t for t, _ in _text_list(value, c, f"'not_now.{name}'")),
                             strong=name in STRONG_FRAMES))
        return out
    return [Frame("about", tuple(t for t, _ in _text_list(node, c, "'not_now'")), strong=False)]


def _unknown_fields(fields: dict[str, tuple[yaml.Node, yaml.Node]], allowed: tuple[str, ...], c: _Collector) -> None:
    """Each field a staff member misspelt in a rule mapping, reported at its own line."""
    for name, (key, _v) in fields.items():
        if name not in allowed:
            c.error(key, f"不认识的字段 '{name}' / unknown field '{name}' (allowed: {', '.join(allowed)})")


def _load_details(node: yaml.Node, c: _Collector) -> list[UnknownDetail]:
    if not isinstance(node, yaml.SequenceNode):
        c.error(node, "'unknown_details' 应该是列表 / 'unknown_details' must be a list of {aspect, reply}")
        return []
    out = []
    for item in node.value:
        fields = _mapping(item)
        _unknown_fields(fields, ("aspect", "reply", "held_when", "offer"), c)
        if "aspect" not in fields:
            c.error(item, "unknown_details 的每一项要有 aspect / item is missing aspect")
            continue
        aspect = _text(fields["aspect"][1], c, "'aspect'")
        reply = _text(fields["reply"][1], c, "'reply'") if "reply" in fields else ""
        held = tuple(t for t, _ in _text_list(fields["held_when"][1], c, "'held_when'")) if "held_when" in fields else ()
        offer = True
        if "offer" in fields:
            node_offer = fields["offer"][1]
            if not isinstance(node_offer, yaml.ScalarNode) or node_offer.value not in ("true", "false"):
                c.error(node_offer, "'offer' 只能写 true 或 false / 'offer' must be true or false")
            else:
                offer = node_offer.value == "true"
        if aspect:
            out.append(UnknownDetail(aspect, (reply or "").strip(), _line(fields["aspect"][1]), c.file, held, offer))
    return out


def _pattern_problem(pattern: str, units: bool) -> str:
    """What is wrong with one pattern of `answer_types`, in Chinese and English ("" when nothing)."""
    rest = pattern
    for slot in PATTERN_SLOTS:
        rest = rest.replace(slot, "")
    if "{" in rest or "}" in rest:
        return (f"{pattern!r} 里只能用 {{数}} 或 {{量}} / only the slots {{数}} (a number) and {{量}} (a unit) may be used in {pattern!r}")
    if "{量}" in pattern and not units:
        return f"{pattern!r} 用了 {{量}}，请写 units / {pattern!r} uses {{量}}: list the units"
    if pattern.strip("…") != pattern:
        return f"{pattern!r} 不能以“…”开头或结尾 / {pattern!r} must not start or end with a gap “…”"
    if not rest.replace("…", "") and "{量}" not in pattern:
        return f"{pattern!r} 只有占位符，会到处命中 / {pattern!r} is slots alone and would match anything"
    return ""


def _load_answer_types(node: yaml.Node, c: _Collector) -> list[AnswerType]:
    if not isinstance(node, yaml.SequenceNode):
        c.error(node, "'answer_types' 应该是列表 / 'answer_types' must be a list of {type, asked_by, stated_by}")
        return []
    out = []
    for item in node.value:
        fields = _mapping(item)
        if not isinstance(item, yaml.MappingNode):
            c.error(item, "answer_types 的每一项要写 type、asked_by、stated_by / each item needs type, asked_by and stated_by")
            continue
        _unknown_fields(fields, ANSWER_TYPE_FIELDS, c)
        missing = [n for n in ("type", "asked_by", "stated_by") if n not in fields]
        if missing:
            c.error(item, f"answer_types 的这一项缺少 {'、'.join(missing)} / item is missing {', '.join(missing)}")
            continue
        kind = _text(fields["type"][1], c, "'type'")
        lists = {n: _text_list(fields[n][1], c, f"'{n}'") if n in fields else []
                 for n in ("asked_by", "stated_by", "not_in", "not_stated_with", "of_whom")}
        units = []
        if "units" in fields:
            groups = fields["units"][1]
            if not isinstance(groups, yaml.SequenceNode):
                c.error(groups, "'units' 应该是列表，每项是说法相同的一组单位 / 'units' must be a list of groups ([天, 日])")
            else:
                units = [tuple(t for t, _ in _text_list(g, c, "'units'")) for g in groups.value]
        for found in lists.values():
            for pattern, line in found:
                problem = _pattern_problem(pattern, bool(units))
                if problem:
                    c.problems.append(Problem(c.file, line, problem))
        if not lists["asked_by"] or not lists["stated_by"]:
            c.error(item, "asked_by 和 stated_by 都不能是空的 / asked_by and stated_by must not be empty")
            continue
        reply = _text(fields["reply"][1], c, "'reply'") if "reply" in fields else ""
        if kind:
            texts = {n: tuple(t for t, _ in found) for n, found in lists.items()}
            out.append(AnswerType(kind, texts["asked_by"], texts["stated_by"], texts["not_in"], texts["not_stated_with"],
                                  of_whom=texts["of_whom"], units=tuple(u for u in units if u), reply=(reply or "").strip(),
                                  line=_line(fields["type"][1]), file=c.file))
    return out


def _load_named_places(node: yaml.Node, c: _Collector) -> NamedPlaces:
    fields = _mapping(node)
    if not isinstance(node, yaml.MappingNode):
        c.error(node, "'named_places' 应该写 kinds、not_names、not_in_names / 'named_places' must be a mapping of kinds, not_names, not_in_names")
        return NamedPlaces()
    _unknown_fields(fields, NAMED_PLACE_FIELDS, c)
    kinds = tuple(t for t, _ in _text_list(fields["kinds"][1], c, "'kinds'")) if "kinds" in fields else ()
    if not kinds:
        c.error(node, "named_places 要写 kinds（街、路、镇……）/ named_places needs kinds (街, 路, 镇 …)")
    not_names = tuple(t for t, _ in _text_list(fields["not_names"][1], c, "'not_names'")) if "not_names" in fields else ()
    chars = (_text(fields["not_in_names"][1], c, "'not_in_names'") or "") if "not_in_names" in fields else ""
    reply = (_text(fields["reply"][1], c, "'reply'") or "") if "reply" in fields else ""
    return NamedPlaces(kinds, not_names, chars, reply.strip(), _line(node), c.file)


def _display(path: Path, root: Path) -> str:
    try:
        return str(path.relative_to(root.parent))
    except ValueError:
        return str(path)


def load_knowledge(path: str | Path) -> tuple[Knowledge, list[Problem]]:
    """Load every `*.yaml` under `path`; return what is valid plus every problem found.

    A file's kind is told by its top-level key: `entries` (a topic), `synonyms`/`terms`,
    `smalltalk` or `emergency`, so staff may name and split files as they like.
    """
    root = Path(path)
    problems: list[Problem] = []
    if not root.is_dir():
        problems.append(Problem(str(root), 1, "knowledge folder not found"))
        return Knowledge(path=str(root)), problems
    # Hidden files (._ebike.yaml from a Mac, an editor's backup) are no knowledge.
    files = [p for p in sorted(root.glob("*.yaml")) + sorted(root.glob("*.yml"))
             if p.is_file() and not p.name.startswith(".")]
    entries: list[Entry] = []
    synonyms: dict[str, str] = {}
    english: dict[str, str] = {}
    measures: dict[str, str] = {}
    age_of: list[str] = []
    age_bands: list[int] = []
    terms: list[str] = []
    smalltalk: list[SmalltalkIntent] = []
    emergency: EmergencyRules | None = None
    other_places: list[str] = []
    other_place_reads_as = ""
    abroad: list[str] = []
    abroad_asks: list[tuple[str, int, str]] = []
    abroad_reply = ""
    home_place = ""
    home_parts: list[str] = []
    details: list[UnknownDetail] = []
    answer_types: list[AnswerType] = []
    topic_fillers: list[str] = []
    named_places = NamedPlaces()
    markers: list[str] = []
    concept_table = _ConceptTable()
    digest = hashlib.sha256()
    broken_ids: dict[str, tuple[str, int]] = {}  # ids of entries not loaded because of errors → where
    sketches: list[_Sketch] = []  # entries with errors: their `related:` is still checked
    for file in files:
        name = _display(file, root)
        c = _Collector(name, problems)
        try:
            raw = file.read_bytes()
            digest.update(file.name.encode() + b"\0" + raw)
            text = raw.decode("utf-8")
        except UnicodeDecodeError as exc:
            line = raw[: exc.start].count(b"\n") + 1
            problems.append(Problem(name, line, "文件不是 UTF-8 编码，请另存为 UTF-8 / not UTF-8 text: save the file as UTF-8"))
            continue
        except OSError as exc:
            problems.append(Problem(name, 1, f"cannot read file: {exc.strerror}"))
            continue
        try:
            node = _compose(text)
        except yaml.MarkedYAMLError as exc:
            mark = exc.problem_mark or exc.context_mark
            line = mark.line + 1 if mark else 1
            hint = " (check indentation, a missing ':' or an unquoted text starting with a special character)"
            problems.append(Problem(name, line, f"YAML 格式错误（检查缩进、冒号、引号）/ YAML syntax error: {exc.problem or exc.context}{hint}"))
            broken_ids.update({i: (name, n) for i, n in _declared_ids(text).items()})
            continue
        except yaml.YAMLError as exc:
            problems.append(Problem(name, 1, f"YAML error: {exc}"))
            continue
        except RecursionError:  # hundreds of nested levels: PyYAML composes them recursively
            problems.append(Problem(name, _deepest_line(text), f"嵌套层数太多（超过 {MAX_SENSIBLE_DEPTH} 层），请检查缩进和括号 / "
                                    f"nested too deeply (over {MAX_SENSIBLE_DEPTH} levels): check the indentation and brackets"))
            broken_ids.update({i: (name, n) for i, n in _declared_ids(text).items()})
            continue
        if node is None:
            c.warn(None, "file is empty")
            continue
        keys = _mapping(node)
        if not isinstance(node, yaml.MappingNode):
            c.error(node, "the file must start with keys such as 'topic:' and 'entries:'")
        elif "entries" in keys:
            loaded = _load_topic_file(node, c)
            entries.extend(loaded)
            sketches.extend(_unloaded_entries(keys["entries"][1], loaded, name))
        elif set(CONCEPT_KINDS) & keys.keys():
            _load_concepts(node, c, concept_table)
        elif "synonyms" in keys or "terms" in keys or "measures" in keys or "english" in keys:
            found, more_terms = _load_vocabulary(node, c)
            for phrase, chinese in _load_english(keys.get("english", (None, None))[1], c).items():
                if english.get(phrase, chinese) != chinese:
                    c.error(None, f"英文说法 {phrase!r} 在别的文件里写在 {english[phrase]} 下面 / {phrase!r} maps to {english[phrase]} elsewhere and to {chinese} here")
                english.setdefault(phrase, chinese)
            for unit, canonical in _load_measures(keys.get("measures", (None, None))[1], c).items():
                measures.setdefault(unit, canonical)
                terms.append(canonical)
            age_of.extend(w for w, _ in _text_list(keys.get("age_of", (None, None))[1], c, "'age_of'"))
            for band, line in _text_list(keys.get("age_bands", (None, None))[1], c, "'age_bands'"):
                if band.isdigit():
                    age_bands.append(int(band))
                else:
                    c.problems.append(Problem(c.file, line, f"age_bands 里要写岁数（如 70），不是 {band!r} / 'age_bands' lists ages such as 70, not {band!r}", "error"))
            for variant, canonical in found.items():
                if variant in synonyms and synonyms[variant] != canonical:
                    c.error(None, f"variant {variant!r} maps to {synonyms[variant]} elsewhere and to {canonical} here")
                synonyms.setdefault(variant, canonical)
            terms.extend(more_terms)
        elif set(SCOPE_KEYS) & keys.keys():
            if "home_place" in keys:
                home_place = _text(keys["home_place"][1], c, "'home_place'") or home_place
            if "home_parts" in keys:
                home_parts.extend(t for t, _ in _text_list(keys["home_parts"][1], c, "'home_parts'"))
            if "other_places" in keys:
                other_places.extend(t for t, _ in _text_list(keys["other_places"][1], c, "'other_places'"))
            if "other_place_reads_as" in keys:
                other_place_reads_as = _text(keys["other_place_reads_as"][1], c, "'other_place_reads_as'") or other_place_reads_as
            if "abroad" in keys:
                abroad.extend(t for t, _ in _text_list(keys["abroad"][1], c, "'abroad'"))
            if "abroad_asks" in keys:
                abroad_asks.extend((t, line, c.file) for t, line in _text_list(keys["abroad_asks"][1], c, "'abroad_asks'"))
            if "abroad_reply" in keys:
                abroad_reply = _text(keys["abroad_reply"][1], c, "'abroad_reply'") or abroad_reply
            if "unknown_details" in keys:
                details.extend(_load_details(keys["unknown_details"][1], c))
            if "answer_types" in keys:
                answer_types.extend(_load_answer_types(keys["answer_types"][1], c))
            if "topic_fillers" in keys:
                topic_fillers.extend(t for t, _ in _text_list(keys["topic_fillers"][1], c, "'topic_fillers'"))
            if "named_places" in keys:
                named_places = _load_named_places(keys["named_places"][1], c)
            if "not_held_markers" in keys:
                markers.extend(t for t, _ in _text_list(keys["not_held_markers"][1], c, "'not_held_markers'"))
            for name in keys.keys() - set(SCOPE_KEYS):
                c.error(keys[name][0], f"不认识的键 '{name}' / unknown key '{name}' (allowed: {', '.join(SCOPE_KEYS)})"
                        + ("; 别的车和没有条目的主题现在写在 concepts.yaml 的 subjects 里 / other vehicles and subjects "
                           "without entries are now subjects in concepts.yaml" if name == "other_subjects" else ""))
        elif "smalltalk" in keys:
            smalltalk.extend(_load_smalltalk(node, c))
        elif "emergency" in keys:
            if emergency is not None:
                c.error(node, "a second 'emergency' file; keep one")
            emergency = _load_emergency(node, c) or emergency
        else:
            c.error(node, "unknown kind of file: expected 'entries', 'subjects', 'aspects', 'synonyms', 'smalltalk', 'emergency', 'home_place', 'other_places' or 'unknown_details' at the top")
    if not files:
        problems.append(Problem(str(root), 1, "no .yaml files in the knowledge folder"))
    entries = _drop_duplicate_ids(entries, problems)
    loaded_ids = {e.id for e in entries}
    broken_ids.update({k.id: (k.file, k.line) for k in sketches if k.id and k.id not in loaded_ids})
    _check_related(entries, problems, broken_ids, sketches)
    concepts = concept_table.concepts(problems)
    problems.extend(_rewritten_variants(concept_table, synonyms))
    entries = _check_concepts(entries, concepts, problems)
    for detail in details:
        if detail.aspect not in concepts.aspects:
            problems.append(Problem(detail.file, detail.line, f"不认识的方面 {detail.aspect!r}：请用 concepts.yaml 里 aspects 下的标准词"
                                    f" / unknown aspect {detail.aspect!r}: use a standard word listed under 'aspects:'"))
    for word, line, said_in in abroad_asks:
        if word not in concepts.subjects and word not in concepts.aspects:
            problems.append(Problem(said_in, line, f"abroad_asks 里的 {word!r} 不是 concepts.yaml 里的主题或方面 / "
                                    f"{word!r} in 'abroad_asks' is no subject or aspect of concepts.yaml"))
    if abroad and not abroad_reply:
        problems.append(Problem(str(root / "scope.yaml"), 1, "写了 abroad（外国地名）就要写 abroad_reply（怎么回答）/ 'abroad' needs an 'abroad_reply'"))
    if emergency is None:
        problems.append(Problem(str(root), 1, "缺少 emergency.yaml，紧急情况将无法识别 / no emergency.yaml: emergencies would not be caught", "error"))
    knowledge = Knowledge(
        entries=tuple(entries),
        synonyms=synonyms,
        english=english,
        measures=measures,
        age_of=tuple(dict.fromkeys(age_of)),
        age_bands=tuple(sorted(set(age_bands))),
        terms=tuple(dict.fromkeys(terms)),
        smalltalk=tuple(smalltalk),
        emergency=emergency or EmergencyRules(),
        other_places=tuple(dict.fromkeys(other_places)),
        abroad=tuple(dict.fromkeys(abroad)),
        abroad_asks=tuple(dict.fromkeys(w for w, _, _ in abroad_asks)),
        abroad_reply=abroad_reply,
        home_place=home_place,
        other_place_reads_as=other_place_reads_as,
        home_parts=tuple(dict.fromkeys(home_parts)),
        unknown_details=tuple(details),
        not_held_markers=tuple(dict.fromkeys(markers)),
        answer_types=tuple(answer_types),
        topic_fillers=tuple(dict.fromkeys(topic_fillers)),
        named_places=named_places,
        concepts=concepts,
        version=digest.hexdigest()[:12],
        path=str(root),
    )
    return knowledge, problems


def _drop_duplicate_ids(entries: list[Entry], problems: list[Problem]) -> list[Entry]:
    seen: dict[str, Entry] = {}
    out = []
    for entry in entries:
        first = seen.get(entry.id)
        if first is not None:
            problems.append(
                Problem(entry.file, entry.line, f"id 重复，已在 {first.file}:{first.line} 用过 / duplicate id {entry.id!r}: already used at {first.file}:{first.line}")
            )
            continue
        seen[entry.id] = entry
        out.append(entry)
    return out


def _check_related(entries: list[Entry], problems: list[Problem], broken: dict[str, tuple[str, int]] | None = None,
                   sketches: list[_Sketch] | tuple = ()) -> None:
    """`related:` ids must exist. One pointing into an entry or file that has errors is no new
    error: that file's errors say what to fix, and one note there lists the links waiting on it."""
    broken = broken or {}
    ids = {e.id for e in entries}
    waiting: dict[str, list[str]] = {}
    for entry in [*entries, *sketches]:
        for rel in entry.related:
            if rel == entry.id:
                problems.append(Problem(entry.file, entry.line, f"entry {entry.id!r} lists itself in related", "warning"))
            elif rel in ids:
                continue
            elif rel in broken:
                waiting.setdefault(rel, []).append(f"{entry.id or '?'} ({entry.file}:{entry.line})")
            else:
                problems.append(Problem(entry.file, entry.line, f"related 里的 {rel!r} 不存在 / entry {entry.id!r}: related id {rel!r} does not exist"))
    by_file: dict[str, list[str]] = {}
    for rel, sources in waiting.items():
        by_file.setdefault(broken[rel][0], []).append(f"{rel} ← {', '.join(sources)}")
    for file, links in by_file.items():
        line = min(broken[rel.split(" ← ")[0]][1] for rel in links)
        problems.append(Problem(file, line, f"本文件改好之前，这些 related 链接无效 / until this file's errors are fixed, "
                                f"these related links lead nowhere: {'; '.join(links)}", "warning"))


@dataclass(frozen=True)
class _Sketch:
    """What is known of an entry that did not load: enough to check its `related:` anyway."""

    id: str
    file: str
    line: int
    related: tuple[str, ...]


def _unloaded_entries(entries_node: yaml.Node, loaded: list[Entry], file: str) -> list[_Sketch]:
    if not isinstance(entries_node, yaml.SequenceNode):
        return []
    lines = {e.line for e in loaded}
    out = []
    quiet = _Collector(file, [])  # these entries' errors are reported already
    for node in entries_node.value:
        if not isinstance(node, yaml.MappingNode) or _line(node) in lines:
            continue
        fields = _mapping(node)
        ident = _scalar_text(fields["id"][1]) if "id" in fields else None
        related = _text_list(fields["related"][1], quiet, "related") if "related" in fields else []
        out.append(_Sketch(ident if ident and ID_RE.match(ident) else "", file, _line(node), tuple(r for r, _ in related)))
    return out


MAX_SENSIBLE_DEPTH = 100
# libyaml's parser, where PyYAML was built with it: it reads the knowledge about ten times faster
# than the pure-Python one (a second of every start-up and reload). Its nodes carry the same
# values, tags and lines; what it refuses or finds nested too deeply is read again by the pure
# parser, so what staff are told about a broken file never depends on how PyYAML was installed.
_FAST_LOADER = getattr(yaml, "CSafeLoader", None)


def _compose(text: str) -> yaml.Node | None:
    if _FAST_LOADER is not None:
        try:
            node = yaml.compose(text, Loader=_FAST_LOADER)
        except (yaml.YAMLError, ValueError):  # ValueError: text libyaml cannot encode (a lone surrogate)
            pass
        else:
            if _depth(node) <= MAX_SENSIBLE_DEPTH:
                return node
    return yaml.compose(text, Loader=yaml.SafeLoader)


def _depth(root: yaml.Node | None) -> int:
    """How deep the nodes nest (walked without recursion: the depth is what is in question)."""
    deepest = 0
    stack = [(root, 1)] if root is not None else []
    while stack:
        node, depth = stack.pop()
        deepest = max(deepest, depth)
        if isinstance(node, yaml.SequenceNode):
            stack.extend((child, depth + 1) for child in node.value)
        elif isinstance(node, yaml.MappingNode):
            stack.extend((child, depth + 1) for pair in node.value for child in pair)
    return deepest
_ID_LINE = re.compile(r"""^\s*(?:-\s+)?id:\s*['"]?([a-z0-9][a-z0-9-]{0,40})['"]?\s*(?:#.*)?$""")


def _declared_ids(text: str) -> dict[str, int]:
    """The `id:` lines of a file YAML could not read: which entries it meant to hold, and where."""
    out: dict[str, int] = {}
    for n, line in enumerate(text.splitlines(), 1):
        m = _ID_LINE.match(line)
        if m:
            out.setdefault(m.group(1), n)
    return out


def _deepest_line(text: str) -> int:
    """The first line nested deeper than MAX_SENSIBLE_DEPTH (indentation and open brackets), or
    the deepest line."""
    depth = 0  # open brackets
    deepest, where = -1, 1
    for n, line in enumerate(text.splitlines(), 1):
        stripped = line.lstrip(" -")
        level = depth + (len(line) - len(stripped)) // 2
        for ch in stripped:
            depth += (ch in "[{") - (ch in "]}")
            level = max(level, depth)
        if level > MAX_SENSIBLE_DEPTH:
            return n
        if level > deepest:
            deepest, where = level, n
    return where


def errors(problems: list[Problem]) -> list[Problem]:
    return [p for p in problems if p.severity == "error"]
