"""Personal data masked out of a question before it is stored.

What is masked (mainland formats, and the ways citizens actually type them):

- mobile numbers, 1[3-9] + 9 digits, also 138-1234-5678 / 138 1234 5678 / +86… → ``138****5678``
  (first 3 and last 4 digits kept: enough to tell "a phone number" apart);
- ID-card numbers, 18 characters (last may be X) or the old 15 digits → first 4 and last 2 kept
  (``1409************1X``: the region, not the birth date or serial);
- other digit runs of 16 to 19 digits (bank cards) → first 4 and last 2 kept;
- plate numbers 晋H·12345, 晋H12345, 晋 H12345, 晋HD12345 (new energy), 京A-1234X, 晋H1234挂 … →
  the province character is kept, the rest becomes ``*``; a traditional province character
  (陝A12345, 晉H12345) counts too.

A number counts however it is typed: in groups split by spaces, dashes, dots or commas
(``6222 0212 3456 7890 123``, ``140902 19900101 1234``, ``138,3501,2345``), with zero-width
characters inside, one digit at a time (``1 3 8 …``), or in full-width (１３８), mathematical (𝟏𝟑𝟖),
circled (①③⑧) or other Unicode digits. A run of groups is read as one number when the whole run
is one; otherwise the longest run of whole groups that is one, from the left (two phone numbers
in a row are two numbers).

Ordinary numbers (2024年, 122, 12123, 150米, 60伏, 25公里, 400W, 0350-1234567) are left alone. The
result has the same length as the input, and every character that is not masked is kept as typed.
"""

from __future__ import annotations

import re
import unicodedata

__all__ = ["mask"]

PROVINCES = "京津沪渝冀豫云辽黑湘皖鲁新苏浙赣鄂桂甘晋蒙陕吉闽贵粤青藏川宁琼"
# Traditional (and variant) forms of the province characters above: a fixed set, set by the plate
# standard, not a word list staff edit.
TRADITIONAL_PROVINCES = {
    "滬": "沪", "雲": "云", "遼": "辽", "黒": "黑", "魯": "鲁", "蘇": "苏", "贛": "赣", "晉": "晋",
    "陝": "陕", "陜": "陕", "閩": "闽", "貴": "贵", "粵": "粤", "寧": "宁", "甯": "宁", "瓊": "琼",
}
_PLATE_SUFFIX = "挂学警港澳"

# Characters that may sit between the digits of one number: spaces, dashes, dots, commas (also
# full-width), and zero-width characters, which are ignored wherever they are.
_ZERO_WIDTH = frozenset("\u200b\u200c\u200d\u2060\ufeff\u00ad\u180e")
_GROUP_SEP = frozenset(" \t\u00a0\u3000-‐‑‒–—－.．·•・,，_")
_MAX_SEP = 3  # ", " or " - " between groups; a longer gap ends the number

_PLATE = re.compile(
    "[" + PROVINCES + r"][ ·•・.\-]{0,2}[A-Za-z][ ·•・.\-]{0,2}"
    r"(?:[A-Za-z0-9]{5,6}(?![A-Za-z0-9])[" + _PLATE_SUFFIX + r"]?|[A-Za-z0-9]{4}[" + _PLATE_SUFFIX + "])"
)


def _fold(ch: str) -> str:
    """One character as the patterns see it: a digit 0-9, an ASCII letter, a simplified province
    character, or itself."""
    if ch.isascii():
        return ch
    d = unicodedata.digit(ch, None)
    if d is not None:
        return str(d)
    if ch in TRADITIONAL_PROVINCES:
        return TRADITIONAL_PROVINCES[ch]
    n = unicodedata.normalize("NFKC", ch)
    if len(n) == 1 and n.isascii() and n.isalnum():
        return n
    if ch == "\u3000":
        return " "
    return ch


def _fold_table() -> dict[int, str]:
    """`_fold` for the blocks where it changes something (full-width forms, circled, dingbat,
    super/subscript and mathematical digits and letters, traditional provinces), for str.translate."""
    table = {ord(k): v for k, v in TRADITIONAL_PROVINCES.items()}
    for lo, hi in ((0xB2, 0xB3), (0xB9, 0xB9), (0x2070, 0x209F), (0x2460, 0x24FF), (0x2776, 0x2793),
                   (0x3000, 0x3000), (0xFF01, 0xFF5E), (0x1D400, 0x1D7FF), (0x1F100, 0x1F10A)):
        for cp in range(lo, hi + 1):
            folded = _fold(chr(cp))
            if folded != chr(cp):
                table[cp] = folded
    return table


_FOLD_TABLE = _fold_table()
_DIGIT = re.compile(r"\d")  # any decimal digit (Unicode Nd), after the table's folding
_OTHER_DIGIT = re.compile(r"(?![0-9])\d")  # Arabic-Indic, Devanagari … digits: folded one by one


def _folded(text: str) -> str:
    folded = text.translate(_FOLD_TABLE)
    if _OTHER_DIGIT.search(folded):
        folded = _OTHER_DIGIT.sub(lambda m: str(unicodedata.digit(m.group())), folded)
    return folded


def _kind(digits: str) -> tuple[str, int, int] | None:
    """(kind, digits kept at the head, at the tail) when `digits` is a personal number, else None."""
    n = len(digits)
    if n == 18 and digits[:17].isdigit():
        return "id", 4, 2
    if not digits.isdigit():
        return None
    if 16 <= n <= 19:
        return "card", 4, 2
    if n == 15:
        return "id", 4, 2
    if n == 11 and re.fullmatch(r"1[3-9][0-9]{9}", digits):
        return "mobile", 3, 4
    if n == 13 and re.fullmatch(r"861[3-9][0-9]{9}", digits):
        return "mobile", 5, 4
    return None


_RUN = re.compile(
    r"(?<![A-Za-z0-9])[0-9](?:[" + re.escape("".join(sorted(_GROUP_SEP))) + rf"]{{0,{_MAX_SEP}}}[0-9])*+[Xx]?+(?![A-Za-z0-9])"
)
_GROUP = re.compile(r"[0-9]+[Xx]?")
_MIN_DIGITS = 11  # the shortest personal number (a mobile)


def _runs(folded: str):
    """Each maximal run of digit groups: a list of groups, each a list of indices into `folded`.

    Groups are split by at most _MAX_SEP separator characters; an X/x may end the run (an ID
    card). A run touching an ASCII letter is a code or a plate, not a number: skipped."""
    for run in _RUN.finditer(folded):
        if run.end() - run.start() < _MIN_DIGITS:  # too short to hold one: most numbers end here
            continue
        base = run.start()
        yield [list(range(base + g.start(), base + g.end())) for g in _GROUP.finditer(run.group())]


def _number_spans(folded: str):
    """(indices, kind, head, tail) for each personal number in `folded`."""
    for groups in _runs(folded):
        g = 0
        while g < len(groups):
            for last in range(len(groups), g, -1):  # the longest whole-group window first
                idx = [p for grp in groups[g:last] for p in grp]
                digits = "".join(folded[p] for p in idx)
                found = _kind(digits)
                # a run of several groups as an old 15-digit ID is too likely two numbers
                if found and not (found[0] == "id" and len(digits) == 15 and last - g > 1):
                    yield idx, *found
                    g = last
                    break
            else:
                g += 1


def mask(text: str) -> str:
    """The text with mobile, ID-card, bank-card and plate numbers masked (same length as input)."""
    if not text:
        return text
    if _ZERO_WIDTH.isdisjoint(text):
        where: range | list[int] = range(len(text))
        folded = _folded(text)
    else:  # folded view without zero-width characters, and where each of its characters came from
        where = [i for i, ch in enumerate(text) if ch not in _ZERO_WIDTH]
        folded = _folded("".join(text[i] for i in where))
    if not _DIGIT.search(folded):
        return text
    hidden: set[int] = set()
    for m in _PLATE.finditer(folded):
        hidden.update(where[p] for p in range(m.start() + 1, m.end()))
    for idx, _kind_name, head, tail in _number_spans(folded):
        if any(where[p] in hidden for p in idx):
            continue
        hidden.update(where[p] for p in idx[head: len(idx) - tail])
    if not hidden:
        return text
    out = list(text)
    for i in hidden:
        out[i] = "*"
    return "".join(out)
