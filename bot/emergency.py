"""Is someone hurt or in danger now? Checked before any matching, from knowledge/emergency.yaml.

A question *about* accidents (救助基金怎么申请, 去年死了多少人, 如果有人受伤一般怎么处理) is not an
emergency: it names harm, but in a frame the rules list as `not_now`. Harm that is denied
(没人受伤, 人没事) is no emergency either. An `urgent` phrase (救命) always is.
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
_INSERTED = "了着过很好多大一地身脸些点片摊满个半"
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


def _pattern(word: str) -> str:
    if len(word) == 2 and all("\u4e00" <= ch <= "\u9fff" for ch in word):
        return f"{re.escape(word[0])}[{_INSERTED}]{{0,{MAX_INSERTED}}}{re.escape(word[1])}"
    return re.escape(word)


def _negated(text: str, start: int, negations: tuple[str, ...]) -> bool:
    window = text[max(0, start - NEGATION_WINDOW - 1):start]
    return any(neg in window for neg in negations)


def _spans(segments: Sequence[str]) -> tuple[set[int], set[int]]:
    """Where the words start and where they end."""
    starts, ends, at = set(), set(), 0
    for s in segments:
        starts.add(at)
        at += len(s)
        ends.add(at)
    return starts, ends


def _found(text: str, pattern: re.Pattern | None, negations: tuple[str, ...],
           segment: Callable[[str], Sequence[str]] | None) -> bool:
    if pattern is None:
        return False
    spans = None
    for m in pattern.finditer(text):
        start, end = m.start(1), m.end(1)
        if _negated(text, start, negations):
            continue
        if segment is not None:
            if spans is None:  # segmenting only once a harm word is seen keeps the check cheap
                words = segment(text)
                spans = _spans(words) if "".join(words) == text else (set(), set())
            starts, ends = spans
            # 撞了人 in 车被人撞了人家开走了: the match ends inside 人家, a word begun within it.
            if end not in ends and any(start < s < end for s in starts):
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
    fire = _found(text, detector.fire, rules.negations, segment)
    harm = fire or _found(text, detector.harm, rules.negations, segment)
    if not harm or any(word in text for word in rules.not_now):
        return None
    return "fire" if fire else "harm"
