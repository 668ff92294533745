"""Is someone hurt or in danger now? Checked before any matching, from knowledge/emergency.yaml.

A question *about* accidents (救助基金怎么申请, 去年死了多少人, 如果有人受伤一般怎么处理) is not an
emergency: it names harm, but in a frame the rules list as `not_now`. Harm that is denied
(没人受伤, 人没事) is no emergency either. An `urgent` phrase (救命) always is, and so is harm
said to be happening now (`now`: 他在流血, 正在冒烟), whatever frame surrounds it.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Sequence
from dataclasses import dataclass

from bot.knowledge import EmergencyRules

NEGATION_WINDOW = 3  # characters before a harm word that may deny it: 没(有)(人)受伤
# What Chinese puts inside a two-character verb-object word (离合词): 流了好多血, 受了点伤,
# 淌了一地血. A two-character harm word is also found with up to this many of these between.
# Not 的: 撞的人 is the one who hit, not someone hit.
_INSERTED = "了着很好多大一地身脸些点片摊满个半"
MAX_INSERTED = 4


@dataclass(frozen=True)
class Detector:
    """The rules compiled once per knowledge version: one scan per list, not one per word."""

    rules: EmergencyRules
    harm: re.Pattern | None
    fire: re.Pattern | None


def compile_rules(rules: EmergencyRules) -> Detector:
    return Detector(rules, _alternation(rules.harm), _alternation(rules.fire))


def _alternation(words: Sequence[str]) -> re.Pattern | None:
    parts = [_pattern(w) for w in sorted(set(words), key=len, reverse=True) if w]
    # A lookahead finds a match starting at every position, so a denied one (没人受伤) does not
    # hide another that overlaps it.
    return re.compile("(?=(" + "|".join(parts) + "))") if parts else None


# A word ending in a particle (伤了, 伤着, 伤到) is no verb-object word: 伤好了 is no 伤了.
_PARTICLES = "了着过到得"


def _pattern(word: str) -> str:
    if len(word) == 2 and all("\u4e00" <= ch <= "\u9fff" for ch in word) and word[1] not in _PARTICLES:
        return f"{re.escape(word[0])}[{_INSERTED}]{{0,{MAX_INSERTED}}}{re.escape(word[1])}"
    return re.escape(word)


def _negated(text: str, start: int, negations: tuple[str, ...], starts: set[int] | None = None) -> bool:
    """A denial just before the harm word, in its clause (车没事，人受伤 denies nothing), and not a
    character of some other word: the 未 of 未成年人 denies nothing either."""
    lo = max(0, start - NEGATION_WINDOW - 1, text.rfind("，", 0, start) + 1)
    window = text[lo:start]
    for neg in negations:
        at = window.find(neg)
        while at != -1:
            if not starts or not _in_other_word(lo + at, neg, start, starts, len(text)):
                return True
            at = window.find(neg, at + 1)
    return False


def _in_other_word(at: int, neg: str, harm: int, starts: set[int], size: int) -> bool:
    """Is the negation inside a longer word that ends before the harm word (未成年人, 无大碍)?
    One reaching into the harm word (没人受伤, 都没受伤) is the denial itself."""
    word_start = max((s for s in starts if s <= at), default=0)
    word_end = min((s for s in starts if s > at), default=size)
    return word_end <= harm and word_end - word_start > len(neg) + 1


def _spans(segments: Sequence[str]) -> tuple[set[int], set[int]]:
    """Where the words start and where they end."""
    starts, ends, at = set(), set(), 0
    for s in segments:
        starts.add(at)
        at += len(s)
        ends.add(at)
    return starts, ends


def _found(text: str, pattern: re.Pattern | None, negations: tuple[str, ...],
           spans: Callable[[], tuple[set[int], set[int]]] | None) -> bool:
    if pattern is None:
        return False
    for m in pattern.finditer(text):
        start, end = m.start(1), m.end(1)
        starts, ends = spans() if spans is not None else (set(), set())
        # 撞了人 in 车被人撞了人家开走了: the match ends inside 人家, a word begun within it.
        if ends and end not in ends and any(start < s < end for s in starts):
            continue
        if _negated(text, start, negations, starts):
            continue
        return True
    return False


def detect(normalized: str, detector: Detector,
           segment: Callable[[str], Sequence[str]] | None = None) -> str | None:
    """'fire' (119 first), 'harm' (122/120 first), or None.

    `segment` cuts a text into its words (jieba), so that a harm phrase is not read across a
    word boundary; without it every occurrence counts.
    """
    rules = detector.rules
    text = normalized.replace(" ", "")
    if not text:
        return None
    if any(u in text for u in rules.urgent):
        return "fire" if _found(text, detector.fire, rules.negations, None) else "harm"
    cache: list[tuple[set[int], set[int]]] = []

    def spans() -> tuple[set[int], set[int]]:
        # segmented once, and only once a harm word is seen: the check stays cheap
        if not cache:
            words = segment(text) if segment is not None else []
            cache.append(_spans(words) if "".join(words) == text else (set(), set()))
        return cache[0]

    fire = _found(text, detector.fire, rules.negations, spans)
    harm = fire or _found(text, detector.harm, rules.negations, spans)
    if not harm:
        return None
    if any(word in text for word in rules.not_now) and not any(word in text for word in rules.now):
        return None
    return "fire" if fire else "harm"
