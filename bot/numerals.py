"""Chinese numerals read as Arabic ones (一百五十 → 150, 九十 → 90, 两 → 2), so that a number
written either way in an answer, a law article or a labelled question compares equal."""

from __future__ import annotations

import re

DIGITS = {"零": 0, "〇": 0, "一": 1, "二": 2, "两": 2, "三": 3, "四": 4, "五": 5, "六": 6, "七": 7, "八": 8, "九": 9}
UNITS = {"十": 10, "百": 100, "千": 1000, "万": 10000}
_RUN = re.compile(f"[{''.join(DIGITS)}{''.join(UNITS)}]+")
# 5万 / 1.5万 and 百分之三 are how answers and laws write amounts and rates: read before the runs,
# or 5万 becomes "5" + "10000".
_ARABIC_TIMES_UNIT = re.compile(r"(\d+(?:\.\d+)?)([千万])")
_PERCENT = re.compile(f"百分之(\\d+(?:\\.\\d+)?|[{''.join(DIGITS)}{''.join(UNITS)}]+)")


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

    def times_unit(m: re.Match) -> str:
        value = float(m.group(1)) * UNITS[m.group(2)]
        return str(int(value)) if value.is_integer() else str(value)

    def percent(m: re.Match) -> str:
        value = m.group(1) if m.group(1)[0].isdigit() else chinese_to_int(m.group(1))
        return m.group(0) if value is None else f"{value}%"

    text = _PERCENT.sub(percent, _ARABIC_TIMES_UNIT.sub(times_unit, text))
    return _RUN.sub(swap, text)
