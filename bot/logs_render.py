"""How `trafficbot logs` shows bot.review's data in a terminal: aligned tables, YAML to paste.

Citizens' texts are shown with control characters and bidirectional overrides escaped (``\\u202e``):
a question must not move the cursor, recolour or reorder the staff member's terminal.
"""

from __future__ import annotations

import json
import re
import unicodedata
from collections.abc import Iterable
from typing import Any

from bot.review import (
    STATUS_ORDER,
    Downvoted,
    Suggestion,
    Summary,
    UnansweredGroup,
    beijing_time,
)

STATUS_LABELS = {
    "answer": "已回答",
    "clarify": "需澄清",
    "fallback": "未能回答",
    "emergency": "紧急",
    "smalltalk": "闲聊",
}


def _unsafe(ch: str) -> bool:
    # Cc: C0/C1 controls (escape sequences, \r); Cf: bidi overrides and invisible formatting;
    # Zl/Zp: line and paragraph separators.
    return unicodedata.category(ch) in ("Cc", "Cf", "Zl", "Zp")


def terminal_safe(text: Any) -> str:
    """`text` with every control / bidi / invisible format character written as an escape."""
    text = "" if text is None else str(text)
    if not any(_unsafe(ch) for ch in text):
        return text
    return "".join((f"\\x{ord(ch):02x}" if ord(ch) < 0x100 else f"\\u{ord(ch):04x}") if _unsafe(ch) else ch for ch in text)


def display_width(text: str) -> int:
    """Terminal columns: East Asian wide/full-width characters take two."""
    return sum(2 if unicodedata.east_asian_width(ch) in ("W", "F") else 0 if unicodedata.combining(ch) else 1 for ch in text)


def pad(text: str, width: int, right: bool = False) -> str:
    space = " " * max(0, width - display_width(text))
    return space + text if right else text + space


def table(headers: list[str], rows: list[list[Any]], right: Iterable[int] = ()) -> str:
    """A plain table aligned for CJK text; columns in `right` are right-aligned (numbers)."""
    right = set(right)
    cells = [[str(h) for h in headers]] + [["" if c is None else terminal_safe(c) for c in row] for row in rows]
    widths = [max(display_width(r[i]) for r in cells) for i in range(len(headers))]
    lines = []
    for n, row in enumerate(cells):
        lines.append("  ".join(pad(c, widths[i], i in right) for i, c in enumerate(row)).rstrip())
        if n == 0:
            lines.append("  ".join("-" * w for w in widths))
    return "\n".join(lines)


def _pct(x: float) -> str:
    return f"{x * 100:.0f}%"


def shares_line(s: Summary) -> str:
    parts = [f"问题 {s.total}"]
    for k in STATUS_ORDER:
        parts.append(f"{STATUS_LABELS[k]} {_pct(s.shares.get(k, 0))}")
    return " · ".join(parts)


def declined_line(s: Summary) -> str:
    """How many replies told the citizen honestly that what was asked is not held here: every
    fallback, and the answers and clarifies that said so."""
    return (f"说了没有资料 {s.declined} 次（{_pct(s.declined / s.total if s.total else 0)}，"
            f"含未能回答 {s.by_status.get('fallback', 0)} 次）")


def downvoted_table(items: list[Downvoted]) -> str:
    return table(["问题 / question", "条目 / entry", "👎", "用户 / users", "最近（北京时间）/ last (Beijing)"],
                 [[d.question, d.entry_id, d.count, d.users, beijing_time(d.last_seen)[:16].replace("T", " ")] for d in items],
                 right=(2, 3))


def format_summary_text(s: Summary, days: bool = True, top: int = 10) -> str:
    """A summary as short plain text for the terminal."""
    span = f"{s.since or '开始'} 至 {s.until or '现在'}（北京时间）"
    lines = [f"查询日志 {span}", shares_line(s) + f" · 用户 {s.users}"]
    if s.total == 0:
        lines.append("这段时间没有问题记录。")
        return "\n".join(lines)
    lines.append(declined_line(s))
    if days and s.per_day:
        lines.append("")
        lines.append(
            table(
                ["日期", "问题", "已回答", "澄清", "未答", "紧急", "闲聊"],
                [[d.date, d.total, d.answer, d.clarify, d.fallback, d.emergency, d.smalltalk] for d in s.per_day],
                right=range(1, 7),
            )
        )
    if s.top_entries:
        lines.append("")
        lines.append("最常用的条目：")
        lines.append(
            table(
                ["条目", "次数", "直接回答", "选择", "👍", "👎"],
                [[e.entry_id, e.total, e.answered, e.chosen, e.up, e.down] for e in s.top_entries[:top]],
                right=range(1, 6),
            )
        )
    disliked = [e for e in s.feedback if e.down]
    if disliked:
        lines.append("")
        lines.append("有 👎 的条目：" + "，".join(f"{e.entry_id} 👎{e.down} 👍{e.up}" for e in disliked[:top]))
    if s.downvoted:
        lines.append("")
        lines.append("回答被点 👎 的问题（全部：trafficbot logs downvoted）/ questions whose answer got 👎:")
        lines.append(downvoted_table(s.downvoted[:top]))
    return "\n".join(lines)


def format_downvoted_text(items: list[Downvoted]) -> str:
    if not items:
        return "这段时间没有回答被点 👎。/ No answer got a 👎 in this period."
    return downvoted_table(items)


def format_groups_text(groups: list[UnansweredGroup], examples: int = 3) -> str:
    """Unanswered groups as short plain text: count, statuses, examples, closest entries."""
    if not groups:
        return "没有未能回答、需澄清或回答说没有资料的问题。"
    lines = []
    for i, g in enumerate(groups, 1):
        lines.append(f"{i}. {g.count} 次（未答 {g.fallback}，澄清 {g.clarify}，回答说没有资料 {g.declined_answer}）")
        for ex in g.examples[:examples]:
            lines.append(f"   · {terminal_safe(ex)}")
        if g.near_entries:
            lines.append(f"   相近条目：{', '.join(g.near_entries)}")
    return "\n".join(lines)


_YAML_SPECIAL = re.compile(r"""[:#\[\]{}&*!|>'"%@`,]|^[-?\s]|\s$""")


def _yaml_scalar(text: str) -> str:
    if any(_unsafe(ch) for ch in text):  # escaped inside double quotes, so YAML reads it back unchanged
        return json.dumps(text, ensure_ascii=True)
    return json.dumps(text, ensure_ascii=False) if _YAML_SPECIAL.search(text) else text


def suggestions_yaml(items: list[Suggestion]) -> str:
    """The suggestions as YAML to paste under each entry (comments say who confirmed each)."""
    if not items:
        return ""
    by_entry: dict[str, list[Suggestion]] = {}
    for s in items:
        by_entry.setdefault(s.entry_id, []).append(s)
    lines = []
    for entry_id, rows in by_entry.items():
        lines.append(f"- id: {_yaml_scalar(entry_id)}")
        lines.append("  questions:")
        for s in rows:
            why = [f"{s.users} 位用户确认"]
            if s.choices:
                why.append(f"选中 {s.choices} 次")
            if s.thumbs_up:
                why.append(f"👍 {s.thumbs_up}")
            lines.append(f"    - {_yaml_scalar(s.question)}  # {'，'.join(why)}")
    return "\n".join(lines) + "\n"


def format_suggestions_text(items: list[Suggestion], min_users: int) -> str:
    if not items:
        return (f"# 暂无建议：还没有一种问法被至少 {min_users} 位用户确认（澄清后选择，或点 👍）且无人点 👎。\n"
                f"# No suggestions: no wording was confirmed by at least {min_users} users without a 👎.\n")
    return ("# 把下面的问题加到对应条目的 questions: 里（knowledge/*.yaml），加之前先读一遍答案是否真的回答了它\n"
            "# Add these under the entry's questions: after checking its answer really answers them\n"
            + suggestions_yaml(items))
