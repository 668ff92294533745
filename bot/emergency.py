"""Is someone hurt or in danger now? Checked before any matching, from knowledge/emergency.yaml.

A question *about* accidents (救助基金怎么申请, 去年死了多少人, 如果有人受伤一般怎么处理) is not an
emergency: it names harm, but in a frame the rules list as `not_now`. Harm that is denied
(没人受伤, 人没事) is no emergency either. An `urgent` phrase (救命) always is.
"""

from __future__ import annotations

from bot.knowledge import EmergencyRules

NEGATION_WINDOW = 3  # characters before a harm word that may deny it: 没(有)(人)受伤


def _negated(text: str, start: int, negations: tuple[str, ...]) -> bool:
    window = text[max(0, start - NEGATION_WINDOW - 1):start]
    return any(neg in window for neg in negations)


def _found(text: str, words: tuple[str, ...], negations: tuple[str, ...]) -> bool:
    for word in words:
        start = text.find(word)
        while start != -1:
            if not _negated(text, start, negations):
                return True
            start = text.find(word, start + 1)
    return False


def detect(normalized: str, rules: EmergencyRules) -> str | None:
    """'fire' (119 first), 'harm' (122/120 first), or None."""
    text = normalized.replace(" ", "")
    if not text:
        return None
    if any(u in text for u in rules.urgent):
        return "fire" if _found(text, rules.fire, rules.negations) else "harm"
    fire = _found(text, rules.fire, rules.negations)
    harm = fire or _found(text, rules.harm, rules.negations)
    if not harm or any(word in text for word in rules.not_now):
        return None
    return "fire" if fire else "harm"
