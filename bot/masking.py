"""Personal data masked out of a question before it is stored.

What is masked (mainland formats citizens actually type):

- mobile numbers, 1[3-9] + 9 digits, also written 138-1234-5678 / 138 1234 5678 / +86…
  → ``138****5678`` (first 3 and last 4 digits kept: enough to tell "a phone number" apart);
- ID-card numbers, 18 characters (last may be X) or the old 15 digits → first 4 and last 2 kept
  (``1409************1X``: the region, not the birth date or serial);
- other digit runs of 16 digits or more (bank cards) → first 4 and last 2 kept;
- plate numbers 晋H·12345, 晋H12345, 晋HD12345 (new energy), 京A-1234X, 晋H1234挂 … → the
  province character is kept, the rest becomes ``*`` (one per character).

Ordinary numbers (2024, 122, 12123, 400W, 0350-1234567) are left alone. Full-width digits and
letters (１３８…) are recognised too; the text keeps its own characters everywhere else, and the
result has the same length as the input.
"""

from __future__ import annotations

import re

__all__ = ["mask"]

PROVINCES = "京津沪渝冀豫云辽黑湘皖鲁新苏浙赣鄂桂甘晋蒙陕吉闽贵粤青藏川宁琼"

# Full-width ASCII (！..～) → half-width, one character for one: positions stay the same, so a
# match found in the folded text is masked at the same place in the original.
_FOLD = {c: c - 0xFEE0 for c in range(0xFF01, 0xFF5F)}
_FOLD[0x3000] = 0x20

_SEP = r"[ \-.·•・]"
_PATTERNS: list[tuple[re.Pattern[str], str]] = [
    # ID cards first: an 18-digit ID must not be half-eaten by the mobile pattern.
    (re.compile(r"(?<![0-9A-Za-z])[0-9]{17}[0-9Xx](?![0-9A-Za-z])"), "id"),
    (re.compile(r"(?<![0-9A-Za-z])[0-9]{16,19}(?![0-9A-Za-z])"), "id"),
    (re.compile(r"(?<![0-9A-Za-z])[0-9]{15}(?![0-9A-Za-z])"), "id"),
    (re.compile(r"(?<![0-9A-Za-z+])(?:\+?86" + _SEP + r"?)?1[3-9][0-9]" + _SEP + r"?[0-9]{4}" + _SEP + r"?[0-9]{4}(?![0-9])"), "mobile"),
    (re.compile("[" + PROVINCES + r"][A-Za-z]" + _SEP + r"?[A-Za-z0-9]{5,6}(?![A-Za-z0-9])[挂学警港澳]?"), "plate"),
    (re.compile("[" + PROVINCES + r"][A-Za-z]" + _SEP + r"?[A-Za-z0-9]{4}[挂学警港澳]"), "plate"),
]


def _star(original: str, folded: str, keep_head: int, keep_tail: int) -> str:
    """Replace the alphanumerics of `original` with *, except the first/last few; separators stay."""
    positions = [i for i, ch in enumerate(folded) if ch.isascii() and ch.isalnum()]
    hidden = set(positions[keep_head : len(positions) - keep_tail if keep_tail else None])
    return "".join("*" if i in hidden else ch for i, ch in enumerate(original))


def mask(text: str) -> str:
    """The text with mobile, ID-card, bank-card and plate numbers masked (same length as input)."""
    if not text:
        return text
    folded = text.translate(_FOLD)
    if not any(ch.isdigit() for ch in folded):
        return text
    out = list(text)
    taken = [False] * len(text)
    for pattern, kind in _PATTERNS:
        for m in pattern.finditer(folded):
            start, end = m.span()
            if any(taken[start:end]):
                continue
            orig, fold = text[start:end], folded[start:end]
            if kind == "mobile":
                # +86 prefix: keep it, then 3 head digits of the number itself
                head = 3 + (2 if fold.lstrip("+").startswith("86") and len([c for c in fold if c.isdigit()]) == 13 else 0)
                repl = _star(orig, fold, head, 4)
            elif kind == "id":
                repl = _star(orig, fold, 4, 2)
            else:  # plate: province character kept, everything after it hidden
                repl = orig[0] + "*" * (len(orig) - 1)
            out[start:end] = list(repl)
            for i in range(start, end):
                taken[i] = True
    return "".join(out)
