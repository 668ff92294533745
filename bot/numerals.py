"""Chinese numerals read as Arabic ones (一百五十 → 150, 九十 → 90, 两 → 2), so that a number
written either way in an answer, a law article or a labelled question compares equal."""

from __future__ import annotations

import re

DIGITS = {"零": 0, "〇": 0, "一": 1, "二": 2, "两": 2, "三": 3, "四": 4, "五": 5, "六": 6, "七": 7, "八": 8, "九": 9}
UNITS = {"十": 10, "百": 100, "千": 1000, "万": 10000}
_RUN = re.compile(f"[{''.join(DIGITS)}{''.join(UNITS)}]+")


def chinese_to_int(run: str) -> int | None:
    """九十 → 90, 一百五十 → 150, 十二 → 12, 二〇二一 → 2021; None when it is no numeral."""
    if not run:
        return None
    if all(ch in DIGITS for ch in run) and len(run) > 1:  # digit by digit: 二〇二一
        return int("".join(str(DIGITS[ch]) for ch in run))
    total, section, digit = 0, 0, None
    for ch in run:
        if ch in DIGITS:
            digit = DIGITS[ch]
        elif ch == "万":
            section += digit or 0
            total += (section or 1) * 10000
            section, digit = 0, None
        elif ch in UNITS:
            section += (1 if digit is None else digit) * UNITS[ch]
            digit = None
        else:
            return None
    return total + section + (digit or 0)


def arabic(text: str) -> str:
    """`text` with every run of Chinese numerals replaced by its Arabic value."""
    def swap(m: re.Match) -> str:
        value = chinese_to_int(m.group(0))
        return m.group(0) if value is None else str(value)

    return _RUN.sub(swap, text)
