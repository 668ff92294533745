"""Answer types (`answer_types` in knowledge/scope.yaml), as in classic question answering: the
question's focus asks for a kind of answer — 多少钱 an amount, 几天 a number of days, 几点 a clock
time, 电话 a number to call — and an entry whose answer states no instance of that kind cannot
answer it, whatever words it shares with the question (年检多少钱 is not answered by the fine for a
missed inspection; 醉驾一般判几个月 not by a sentence that names no months).
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from bot.knowledge import AnswerType, Entry
from bot.text import TextProcessor
from bot.understand import _NUMBER, GAP_MARK, NUMBER_SLOT

GAP = GAP_MARK  # in a pattern: a few characters between two words (费…多少: 工本费是多少)
GAP_CHARS = 8
# a whole message apart: what a story told first is asked about at its end (新闻……是哪: 新闻里说昨天
# 高速上撞死两个人 是哪段路)
LONG_GAP = "……"
LONG_GAP_CHARS = 40
UNIT_SLOT = "{量}"
WHOSE_CHARS = 16  # how far before the asking words whose it is may be named (救助基金办公室 …电话多少)
APPROX = "(?:余|多|来)?"  # 60余次, 200多元: a number said roughly is still one
_SENTENCE_END = re.compile(r"[。；;！!？?\n]+")
_PERCENT = re.compile(r"[%％]")  # normalising drops the sign: 95% is kept as a percentage
# a year or a date is no count of years, months or days (2024年10月1日起施行)
# 出来没 asks whether it came out; 吹出来没到醉驾 tells that it did not reach: 没 before a verb negates it
# (被拍到没按时检验就上路 tells what was photographed: not 拍到没, whether one was)
_NEGATING = "(?![到达够过被让给在用敢超满按戴系带挂年检领买注])"
_DATES = re.compile(r"(?:19|20)\d\d年|\d{1,2}月\d{1,2}日|[一二三四五六七八九十]{1,3}月[一二三四五六七八九十]{1,3}日")


@dataclass(frozen=True)
class Focus:
    """One answer type a question asks for; `units` the group of units it was asked in (天 / 日)."""

    type: AnswerType
    units: tuple[str, ...] = ()
    said: str = ""  # the words of the question that ask it, for the reason
    whose: tuple[str, ...] = ()  # whose it is asked of (医院的电话), of the type's `of_whom`

    @property
    def key(self) -> tuple[str, tuple[str, ...]]:
        return (self.type.type, self.units)

    @property
    def name(self) -> str:
        return self.type.type + (f"({self.units[0]})" if self.units else "")


def _regex(pattern: str, units: tuple[str, ...]) -> str:
    """A pattern as a regular expression: literal text, … a short gap, …… a long one, {数} a number, {量} a unit."""
    unit = "|".join(re.escape(u) for u in sorted(units, key=len, reverse=True)) or "(?!)"
    out, named = [], False
    for piece in re.split(r"(……|…|\{数\}|\{量\})", pattern):
        if piece == LONG_GAP:
            out.append(f".{{0,{LONG_GAP_CHARS}}}?")
        elif piece == GAP:
            out.append(f".{{0,{GAP_CHARS}}}?")
        elif piece == NUMBER_SLOT:
            out.append(_NUMBER + APPROX)
        elif piece == UNIT_SLOT:
            out.append(f"(?{'' if named else 'P<u>'}:{unit})" if named else f"(?P<u>{unit})")
            named = True
        elif piece:
            out.append(re.escape(piece) + (_NEGATING if piece.endswith("没") else ""))
    return "".join(out)


def _any(patterns: tuple[str, ...], units: tuple[str, ...]) -> re.Pattern[str] | None:
    parts = [_regex(p, units) for p in patterns]
    # one named group per alternative is not allowed twice: number them apart
    parts = [p.replace("(?P<u>", f"(?P<u{i}>") for i, p in enumerate(parts)]
    return re.compile("|".join(f"(?:{p})" for p in parts)) if parts else None


class AnswerTypes:
    """Built once per knowledge version: which types a question asks, which entries state each."""

    def __init__(self, types: tuple[AnswerType, ...], entries: tuple[Entry, ...], text: TextProcessor,
                 not_held_markers: tuple[str, ...] = ()):
        self.types = types
        self.text = text
        markers = tuple(m for m in (text.normalize(x).replace(" ", "") for x in not_held_markers) if m)
        self._asked = []
        for t in types:
            units = tuple(u for group in t.units for u in group)
            # a unit in not_in too (几{量}前: 几天前 asks no length of time)
            self._asked.append((t, _any(t.asked_by, units), _any(t.not_in, units)))
        self._whom = {t.type: tuple(w for w in (text.normalize(x).replace(" ", "") for x in t.of_whom) if w) for t in types}
        # each entry's answer, sentence by sentence, as questions are read; without the sentences
        # saying what it does not hold (收不收费，这里没有资料) and without dates
        self.sentences = tuple(
            tuple(s for s in (_DATES.sub("#", text.normalize(_PERCENT.sub("百分之", x)).replace(" ", "")).replace("百分之", "%")
                              for x in _SENTENCE_END.split(e.answer)) if s and not any(m in s for m in markers))
            for e in entries)
        self._stating: dict[tuple, frozenset[int]] = {}
        # what each entry's own questions ask for (私家车年审几年一次 asks a number of years): such an
        # entry was written for that question, even when its answer says the figure is not held here
        asking: dict[tuple[str, tuple[str, ...]], set[int]] = {}
        self._questions = tuple("\n".join(text.normalize(q).replace(" ", "") for q in e.questions) for e in entries)
        for i, e in enumerate(entries):
            for q in e.questions:
                for focus in self.asked(text.normalize(q).replace(" ", "")):
                    asking.setdefault(focus.key, set()).add(i)
        self.asking = {k: frozenset(v) for k, v in asking.items()}

    def asked(self, compact: str) -> list[Focus]:
        """The answer types the question asks for, in the order of the file."""
        found = []
        for t, asked, not_in in self._asked:
            if asked is None:
                continue
            text = not_in.sub(lambda m: "#" * len(m.group()), compact) if not_in else compact
            m = asked.search(text)
            if m is None:
                continue
            unit = next((v for k, v in m.groupdict().items() if k.startswith("u") and v), "")
            group = next((g for g in t.units if unit in g), ()) if unit else ()
            # whose: named just before the words asking it (那个医院急诊的电话), not anywhere in the
            # message (驾校模拟题 …叫救护车的电话是多少 asks the ambulance's number)
            near = compact[max(0, m.start() - WHOSE_CHARS):m.end()]
            found.append(Focus(t, group, m.group(), tuple(w for w in self._whom[t.type] if w in near)))
        return found

    def stating(self, focus: Focus) -> frozenset[int]:
        """The entries whose answer states an instance of what `focus` asks (of whom it is asked, when
        the question names that: a sentence naming the one asked of)."""
        key = (focus.key, focus.whose)
        found = self._stating.get(key)
        if found is None:
            t = focus.type
            pattern = _any(t.stated_by, focus.units or tuple(u for g in t.units for u in g))
            found = frozenset(i for i, sentences in enumerate(self.sentences)
                              if pattern is not None and any(
                                  pattern.search(s) and not any(w in s for w in t.not_stated_with)
                                  and all(w in s for w in focus.whose) for s in sentences))
            self._stating[key] = found
        return found

    def asked_in_questions(self, focus: Focus) -> frozenset[int]:
        """The entries whose own questions ask what `focus` asks (of whom it is asked, when named:
        报警电话多少 is written for no hospital's number)."""
        found = self.asking.get(focus.key, frozenset())
        return frozenset(i for i in found if all(w in self._questions[i] for w in focus.whose)) if focus.whose else found
