"""Chinese numerals read as Arabic ones (一百五十 → 150, 九十 → 90, 两 → 2), so that a number
written either way in an answer, a law article or a labelled question compares equal."""

from __future__ import annotations

import re

DIGITS = {"零": 0, "〇": 0, "一": 1, "二": 2, "两": 2, "三": 3, "四": 4, "五": 5, "六": 6, "七": 7, "八": 8, "九": 9}
UNITS = {"十": 10, "百": 100, "千": 1000, "万": 10000}
_RUN = re.compile(f"[{''.join(DIGITS)}{''.join(UNITS)}]+")


def chinese_to_int(run: str) -> int | None:
    """The value of one run of Chinese numerals; None when it is no number (a lone 万)."""
    if all(ch in DIGITS for ch in run):
        if len(run) == 1 or run.count("两") == 0:
            return int("".join(str(DIGITS[ch]) for ch in run))  # 二〇二四 as digits
        return None
    total, section, digit = 0, 0, None
    for ch in run:
        if ch in DIGITS:
            digit = DIGITS[ch]
        elif ch == "万":
            section += digit or 0
            if section == 0:
                return None
            total += section * 10000
            section, digit = 0, None
        else:
            section += (digit if digit is not None else 1) * UNITS[ch]
            digit = None
    return total + section + (digit or 0)


def arabic(text: str) -> str:
    """`text` with every run of Chinese numerals replaced by its Arabic value."""
    def swap(m: re.Match) -> str:
        value = chinese_to_int(m.group(0))
        return m.group(0) if value is None else str(value)

    return _RUN.sub(swap, text)
