"""Reading a question into what it is about: subjects (电动自行车, 救助基金 …), aspects (车速, 上牌,
在哪 …) and the kind of question (#what, #how …), from the concept files (knowledge/concepts*.yaml).

The engine answers only with an entry that covers what was read, so this is where "right subject,
wrong aspect" is stopped: 电动车能骑多快 asks 车速, and the helmet entry does not hold it.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from bot.knowledge import Concepts, Entry
from bot.text import TextProcessor

COVERING_CACHE = 1024  # (kind, concepts) -> entries, per knowledge version
NOTHING_REACH = 4  # how far before a phrase saying nothing a word holding it may begin (排队 + 的人多不多)
# `{数}` in a detail's `held_when` (knowledge/scope.yaml): a number as answers write it, in digits
# or Chinese numerals (减少2起, 三十日内, 7.49%)
NUMBER_SLOT = "{数}"
GAP_MARK = "…"  # in `held_when`: a few characters of the same sentence, as in the emergency words
_HELD_GAP = r"[^。；;！!？?\n]{0,12}?"
_NUMBER = r"(?:\d+(?:\.\d+)?|[一二两三四五六七八九十百千万]+)"
_SENTENCE_END = re.compile(r"[。；;！!？?\n]+")
_LATIN = re.compile(r"[A-Za-z]")


# A thing denied in a clause of its own, to say what is meant instead (交警队电话 不是122那个 是办业务的;
# 不是酒驾 是疲劳驾驶), or a clause that only denies it (…抛锚了 不是高速 警示牌该放多远): not what is
# asked about. 是不是 asks, and so does 不是高速吗; they deny nothing.
DENIED = re.compile(r"(?<!是)不是[^\s，,。？?！!]{1,10}?(?:那个|那种|那家|那些)(?=[\s，,。]|$)"
                    r"|(?<!是)不是[^\s，,。？?！!]{1,10}(?=[\s，,]+是)"
                    # what is meant said right after, with no break (pinyin read as Chinese loses its
                    # spaces: bu shi gaosu putong malu; 不是高速是普通路)
                    r"|(?<!是)不是[^\s，,。？?！!]{1,6}?(?=是|而是|普通|一般)"
                    r"|(?:^|(?<=[\s，,。]))不是[^\s，,。？?！!]{0,7}[^\s，,。？?！!吗么呢吧嘛啊不没](?=[\s，,。]|$)"
                    # a near miss told in a clause of its own (大雾 差点追尾 吓死了): it did not happen
                    r"|(?:^|(?<=[\s，,。]))(?:差一点|差点儿|差点|险些)[^\s，,。？?！!]{1,6}?[^\s，,。？?！!吗么呢吧嘛不没](?=[\s，,。]|$)"
                    # a fear told in a clause of its own before the question (俺怕他一个人上高速出事。
                    # 实习期能不能自个儿上高速): what is feared is not what is asked about
                    # (一害怕就跑了 tells what was done in fear: told, not feared; 恐怕 and 哪怕 fear nothing)
                    r"|(?:^|(?<=[\s，,。]))[^\s，,。？?！!]{0,4}?(?:就怕|生怕|害怕|担心|(?<![恐哪])怕)(?![就得了])[^\s，,。？?！!]{2,16}[^\s，,。？?！!吗么呢吧嘛](?=[\s，,。])")


# what a fine is measured against (罚款是保费的几倍): the unit of the answer, not what is asked
_MEASURE_AFTER = re.compile(rf"的?(?:几|多少|{_NUMBER})倍")
# what follows the one who said something (老公说, 老司机讲, 朋友告诉我)
_SPEAKING = ("说", "讲", "告诉", "跟我说", "跟俺说", "和我说", "让我", "叫我")
# what a person of the story (a `weak` word: 老公, 媳妇) did: 我老公开车闯了个红灯 tells who drove,
# it asks nothing of husband and wife
_ACTING = ("开车", "开着", "骑车", "骑着", "骑电动", "骑摩托", "驾车", "驾驶", "闯了", "闯红灯", "被拍", "被罚", "被扣")


@dataclass(frozen=True)
class Reading:
    """What a question asks: standard words of the concept files, in the order they were said."""

    subjects: tuple[str, ...] = ()
    aspects: tuple[str, ...] = ()
    kind: str = ""  # the first question frame (#what, #how, #where …), for the reason only
    # the text each concept was read from (登记 → 上牌): lets scoring credit an entry covering it
    said: dict[str, str] = field(default_factory=dict, compare=False)
    # aspects a story told before asking about others (车借给朋友开 他撞了人 我要赔吗: 借车 told,
    # 赔偿 asked): they do not gate, they rank the entries about what is asked
    told: tuple[str, ...] = ()

    def describe(self) -> str:
        parts = []
        if self.subjects:
            parts.append("subject " + "/".join(self.subjects))
        if self.aspects:
            parts.append("aspect " + "/".join(self.aspects))
        return ", ".join(parts)


class ConceptReader:
    """Built once per knowledge version: one regular expression per kind, longest variant first, so
    流动车管所 is read as itself and not as 车管所, and 无人受伤 not as 受伤."""

    def __init__(self, concepts: Concepts, entries: tuple[Entry, ...], text: TextProcessor,
                 not_held_markers: tuple[str, ...] = (), held_when: dict[str, tuple[str, ...]] | None = None):
        self.text = text
        self._subjects = self._compile(concepts.subjects)
        self._aspects = self._compile(concepts.aspects)
        # as typed and as read (怕出车祸 is read 怕出交通事故)
        nothing = sorted({form for w in concepts.says_nothing for n in (text.normalize(w).replace(" ", ""),)
                          for form in (n, text.canonical(n, n).replace(" ", "")) if form}, key=len, reverse=True)
        self._nothing = re.compile("|".join(map(re.escape, nothing))) if nothing else None
        # the offices among the venues: of one named, a day said asks when it works (交警大队周末能处理
        # 违章不); a vehicle named (机动车) is what is driven that day (明天上高速 小轿车最高能开多快)
        self._offices = frozenset(concepts.venues) - frozenset(concepts.vehicles)
        self._weak = frozenset(form for w in concepts.weak for n in (text.normalize(w).replace(" ", ""),)
                               for form in (n, text.canonical(n, n).replace(" ", "")) if form)
        self._amount_marks = tuple(dict.fromkeys(
            form for m in concepts.amount_marks for n in [text.normalize(m).replace(" ", "")]
            for form in (n, text.canonical(n, n).replace(" ", "")) if form))
        # What each entry's answer says it does not hold ("门牌号、办公时间和电话这里没有资料"):
        # those aspects are not covered by it, whatever its `aspects:` say.
        # (reading the answers needs only their aspects: which entries hold what is known after)
        self.subject_entries: dict[str, frozenset[int]] = {}
        self.aspect_entries: dict[str, frozenset[int]] = {}
        self.disclaimed = tuple(self.disclaims(e.answer, not_held_markers) for e in entries)
        # Per concept, the entries that cover it; an entry naming none is about anything.
        self.subject_entries = _owners(entries, "subjects")
        self.aspect_entries = _owners(entries, "aspects", self.disclaimed)
        # A detail with `held_when` is held by the entries whose answer states it (多少起: an answer
        # giving a count of cases; 三十日内 holds 何时: 满分学习没过多久能再考 → the entry saying
        # 十日后) and by those whose `aspects:` name it; never by one whose answer disclaims it.
        # A sentence saying what the entry does not hold states none of it (要带什么材料…这里没有资料).
        stated = ["".join(s for s in _sentences(e.answer) if not _says_any(s, not_held_markers)) for e in entries]
        for aspect, patterns in (held_when or {}).items():
            pattern = held_pattern(patterns)
            if pattern is None:
                continue
            self.aspect_entries[aspect] = self.aspect_entries.get(aspect, frozenset()) | frozenset(
                i for i, answer in enumerate(stated)
                if aspect not in self.disclaimed[i] and (pattern.search(answer) or pattern.search(text.normalize(answer))))
        self.disclaiming: dict[str, frozenset[int]] = _owners(entries, "", self.disclaimed)
        self.open_subject = frozenset(i for i, e in enumerate(entries) if not e.subjects)
        self.open_aspect = frozenset(i for i, e in enumerate(entries) if not e.aspects)
        # a detail an answer states (三日内 holds 何时) is covered as if named: ranking by what is
        # covered must not put the entry stating it after those that only name it
        stated_details: list[set[str]] = [set() for _ in entries]
        for aspect in held_when or {}:
            for i in self.aspect_entries.get(aspect, ()):
                stated_details[i].add(aspect)
        self.entry_concepts = tuple(frozenset(e.subjects) | ((frozenset(e.aspects) | stated_details[i]) - self.disclaimed[i])
                                    for i, e in enumerate(entries))
        # what staff named (subjects:, aspects:): of entries covering as much, the one naming it first
        self.entry_named = tuple(frozenset(e.subjects) | (frozenset(e.aspects) - self.disclaimed[i])
                                 for i, e in enumerate(entries))
        self.only_when = tuple(frozenset(e.only_when) for e in entries)
        self.special = frozenset(i for i, e in enumerate(entries) if e.only_when)
        self.not_when = tuple(frozenset(e.not_when) for e in entries)
        self.exclusive = frozenset(i for i, e in enumerate(entries) if e.not_when)
        # the entries covering a few concepts, remembered: on a large knowledge they are big sets
        self._covering: dict[tuple[str, tuple[str, ...]], frozenset[int]] = {}

    def _compile(self, table: dict[str, tuple[str, ...]]) -> tuple[dict[str, str], dict[str, tuple[int, ...]]]:
        """Variants as questions are read: normalised, synonyms replaced (电瓶车 → 电动自行车).
        No typo repair: a lone word out of context is no typo. With their lengths, longest first."""
        standard_of: dict[str, str] = {}
        for standard, variants in table.items():
            for word in (standard, *variants):
                n = self.text.normalize(word).replace(" ", "")
                for form in {n, self.text.canonical(n, n).replace(" ", "")}:
                    if form:
                        standard_of.setdefault(form, standard)
        return standard_of, _lengths_by_first(standard_of)

    def disclaims(self, answer: str, markers: tuple[str, ...]) -> frozenset[str]:
        """The aspects an answer names only in sentences saying it does not hold them (before the
        marker: after it comes where to ask instead)."""
        markers = tuple(m for m in (self.text.normalize(x).replace(" ", "") for x in markers) if m)
        if not markers:
            return frozenset()
        denied: set[str] = set()
        stated: set[str] = set()
        for sentence in _SENTENCE_END.split(answer):
            n = self.text.normalize(sentence).replace(" ", "")
            if not n:
                continue
            # what a disclaimer names comes before its marker; after it, where to ask instead
            ends = [n.rfind(m) + len(m) for m in markers if m in n]
            if ends:
                n = n[:max(ends)]
            aspects = self.read(self.text.canonical(n, n)).aspects
            (denied if ends else stated).update(aspects)
        return frozenset(denied - stated)

    def _blank(self, compact: str, m: re.Match) -> str:
        """A phrase saying nothing, blanked, unless it ends a longer word that does say something
        (戴头盔的人多不多 says nothing of queues; 排队的人多不多 asks of them)."""
        standard_of, _ = self._aspects
        for back in range(1, NOTHING_REACH + 1):
            if m.start() - back >= 0 and compact[m.start() - back:m.end()] in standard_of:
                return m.group()
        return "#" * len(m.group())

    def read(self, canonical: str, kind: str = "") -> Reading:
        spaced = DENIED.sub(lambda m: "#" * len(m.group()), canonical)
        compact = spaced.replace(" ", "")
        edges = _latin_edges(spaced)
        if self._nothing is not None:
            compact = self._nothing.sub(lambda m: self._blank(compact, m), compact)
        said: dict[str, str] = {}
        found: list[tuple[str, ...]] = []
        subject_spans = _longest(*self._subjects, compact, self._amount_marks, edges)
        aspect_spans = _longest(*self._aspects, compact, self._amount_marks, edges)
        # the subject span over each character (they do not overlap): containment in one is two
        # lookups, not a walk over all of them, so a long message reads in linear time
        owner: list[tuple[int, int] | None] = [None] * len(compact)
        for s, e, _ in subject_spans:
            owner[s:e] = [(s, e)] * (e - s)
        phrase_at = {s: (e, self._aspects[0][w]) for s, e, w in aspect_spans}  # each aspect phrase by its start
        for (standard_of, _), spans in zip((self._subjects, self._aspects), (subject_spans, aspect_spans), strict=False):
            # an aspect inside a longer subject's name is part of that name: 责任 (争议) in 责任认定书;
            # a subject inside an aspect's phrase is still asked where some entry holds the two
            # together (驾驶证 in 换驾驶证, 辅警 in 招辅警); one that begins the phrase, where entries
            # hold the subject but none with that aspect, is a word of the phrase (停车 in 停车休息
            # is the driver's rest, not parking)
            words = [w for start, end, w in spans
                     if (spans is subject_spans and self._asked_inside(standard_of[w], end, phrase_at.get(start)))
                     or spans is not subject_spans
                     and not ((o := owner[start]) is not None and o == owner[end - 1] and o[1] - o[0] > end - start)]
            if spans is not subject_spans:
                # who said it (俺老公说扣两分, 老司机说50米就行): the one speaking, not what is asked
                words = [w for start, end, w in spans if not compact.startswith(_SPEAKING, end)
                         and not _MEASURE_AFTER.match(compact, end)
                         and not (w in self._weak and compact.startswith(_ACTING, end))
                         and not ((o := owner[start]) is not None and o == owner[end - 1] and o[1] - o[0] > end - start)]
            if spans is not subject_spans and any(w not in self._weak for w in words) and self._offices.isdisjoint(found[0]):
                # a story's word beside what is asked; of an office named (交警大队周末能处理违章不)
                # it still asks when the office works
                words = [w for w in words if w not in self._weak]
            found.append(tuple(dict.fromkeys(standard_of[w] for w in words)))
            said.update((w, standard_of[w]) for w in words)
        return Reading(found[0], found[1], kind, said)

    def _asked_inside(self, subject: str, end: int, phrase: tuple[int, str] | None) -> bool:
        """Whether a subject's word is asked, given the aspect phrase beginning where it does, if
        any. Only a phrase it begins may hold it: a subject ending one is what is done to
        (买交强险, 换驾驶证)."""
        if phrase is None or phrase[0] <= end:
            return True
        about = self.about(subject)  # a subject no entry holds is kept: it is what is declined
        return not about or bool(about & self.aspect_entries.get(phrase[1], frozenset()))

    def covering(self, kind: str, words: tuple[str, ...]) -> frozenset[int]:
        """Entries covering at least one of `words` (subjects or aspects), open entries included."""
        key = (kind, words)
        found = self._covering.get(key)
        if found is None:
            table = self.subject_entries if kind == "subjects" else self.aspect_entries
            out: set[int] = set(self.open_subject if kind == "subjects" else self.open_aspect)
            if kind != "subjects":
                for w in words:
                    out -= self.disclaiming.get(w, frozenset())
            for w in words:
                out |= table.get(w, frozenset())
            found = frozenset(out)
            if len(self._covering) >= COVERING_CACHE:
                self._covering.clear()
            self._covering[key] = found
        return found

    def about(self, subject: str) -> frozenset[int]:
        """The entries naming this subject among their own `subjects:` (open entries not counted)."""
        return self.subject_entries.get(subject, frozenset())

    def held(self, kind: str, word: str) -> bool:
        table = self.subject_entries if kind == "subjects" else self.aspect_entries
        return bool(table.get(word))


def _sentences(answer: str) -> list[str]:
    """The answer's sentences, each with the mark that ends it."""
    return re.findall(r"[^。；;！!？?\n]+[。；;！!？?\n]*", answer)


def _says_any(sentence: str, markers: tuple[str, ...]) -> bool:
    return any(m and m in sentence for m in markers)


def held_pattern(patterns: tuple[str, ...]) -> re.Pattern[str] | None:
    """One expression for a detail's `held_when` patterns, `{数}` a number, `…` a few characters of
    the same sentence (向…车管所…申请: 向登记地车管所申请, 向发证地车管所申请延期)."""
    parts = [re.escape(p).replace(re.escape(NUMBER_SLOT), _NUMBER).replace(re.escape(GAP_MARK), _HELD_GAP)
             for p in patterns if p]
    return re.compile("|".join(parts)) if parts else None


def _lengths_by_first(standard_of: dict[str, str]) -> dict[str, tuple[int, ...]]:
    """Per first character, the lengths of the variants starting with it, longest first: a
    position whose character starts no variant costs one lookup, so reading stays linear and cheap
    in the text's length whatever the vocabulary (random text of Telegram's 4096 characters)."""
    out: dict[str, set[int]] = {}
    for w in standard_of:
        out.setdefault(w[0], set()).add(len(w))
    return {ch: tuple(sorted(ns, reverse=True)) for ch, ns in out.items()}


def _latin_edges(spaced: str) -> tuple[list[bool], list[bool]] | None:
    """Per character of the text without its spaces: does a Latin word begin / end there? None
    when the text holds no Latin letter (most questions)."""
    if not _LATIN.search(spaced):
        return None
    starts: list[bool] = []
    ends: list[bool] = []
    for k, ch in enumerate(spaced):
        if ch != " ":
            starts.append(k == 0 or not _LATIN.match(spaced[k - 1]))
            ends.append(k + 1 == len(spaced) or not _LATIN.match(spaced[k + 1]))
    return starts, ends


def _cuts_latin(word: str, i: int, edges: tuple[list[bool], list[bool]] | None) -> bool:
    """A variant spelled in Latin letters read inside a longer Latin word (app in appeal, etc in fetch)."""
    if edges is None:
        return False
    starts, ends = edges
    return bool(_LATIN.match(word[0]) and not starts[i] or _LATIN.match(word[-1]) and not ends[i + len(word) - 1])


# an amount begun after a verb of amount: digits, or Chinese numerals with a measure (跑了五个钟头,
# 开了三百公里); not a bare numeral, which may say when (跑了两天了 is still who fled)
_AMOUNT_START = re.compile(r"\d|[一二两三四五六七八九十百几半]+(?:个|多个)?(?:钟头|小时|公里|里地|码)")


def _longest(standard_of: dict[str, str], lengths: dict[str, tuple[int, ...]], text: str,
             amount_marks: tuple[str, ...] = (),
             edges: tuple[list[bool], list[bool]] | None = None) -> list[tuple[int, int, str]]:
    """The variants said (start, end, variant), in order; of two that overlap the longer wins (队史馆 over 交警队 in
    交警队史馆), whichever starts first. A number counts only whole (120, not inside 2018), and a
    number-only variant not where the number is an amount (限120 is a speed, not the ambulance), nor an
    amount's verb before its number (跑了185 is a speed, not 跑了 who fled). Where the longest variant at a
    place overlaps one taken, the same concept said shorter there still counts (最多能|能减几分: 最多 says 上限)."""
    spans: list[tuple[int, int, str]] = []
    shorter: dict[int, list[tuple[int, int, str]]] = {}  # by start: the same concept said shorter there
    for i in range(len(text)):
        for n in lengths.get(text[i], ()):
            word = text[i:i + n]
            if len(word) == n and word in standard_of and not (
                    word[0].isdigit() and i > 0 and text[i - 1].isdigit()
                    or word[-1].isdigit() and text[i + n:i + n + 1].isdigit()
                    or word.isdigit() and text.endswith(amount_marks, 0, i)
                    # 跑了185: a verb of amount before a number says how fast, not who ran away
                    or _AMOUNT_START.match(text, i + n) is not None and word.rstrip("了") in amount_marks
                    or _cuts_latin(word, i, edges)):
                if spans and spans[-1][0] == i:
                    if standard_of[word] == standard_of[spans[-1][2]]:
                        shorter.setdefault(i, []).append((i, i + n, word))
                    continue
                spans.append((i, i + n, word))
    taken: list[tuple[int, int, str]] = []
    used = bytearray(len(text))
    for start, end, word in sorted(spans, key=lambda x: (x[0] - x[1], x[0])):
        for s, e, w in ((start, end, word), *shorter.get(start, ())):
            if not any(used[s:e]):
                used[s:e] = b"\x01" * (e - s)
                taken.append((s, e, w))
                break
    return sorted(taken)


def _owners(entries: tuple[Entry, ...], kind: str,
            less: tuple[frozenset[str], ...] = ()) -> dict[str, frozenset[int]]:
    """Per concept, the entries naming it under `kind` (none: the `less` sets themselves), but
    not those whose `less` set holds it."""
    out: dict[str, set[int]] = {}
    for i, entry in enumerate(entries):
        words = getattr(entry, kind) if kind else less[i]
        for word in words:
            if kind and less and word in less[i]:
                continue
            out.setdefault(word, set()).add(i)
    return {w: frozenset(s) for w, s in out.items()}
