"""The texts of the staff's Telegram commands /stats and /unanswered, from bot.review's data.

Plain text (admin.py puts it inside <pre>); the queries run in a worker thread so the bot keeps
answering while SQLite reads.
"""

from __future__ import annotations

import asyncio
from datetime import date, timedelta
from typing import Any

from bot.logs_render import format_groups_text, shares_line, table
from bot.review import NoQueryLog, local_today, summary, unanswered_groups

NO_RECORDS = "暂无查询记录。"


def stats_text_sync(db_path: str, today: date) -> str:
    try:
        day = summary(db_path, since=today, until=today)
        week = summary(db_path, since=today - timedelta(days=6), until=today)
    except NoQueryLog:
        return NO_RECORDS
    lines = [
        f"今天 {today}：" + shares_line(day),
        f"近 7 天 {today - timedelta(days=6)} 至 {today}：" + shares_line(week),
    ]
    if week.per_day:
        lines.append("")
        lines.append(table(["日期", "问题", "未答"], [[d.date[5:], d.total, d.fallback] for d in week.per_day], right=(1, 2)))
    if week.top_entries:
        lines.append("")
        lines.append("近 7 天最常用条目：")
        lines.extend(f"{e.entry_id} {e.total} 次 👍{e.up} 👎{e.down}" for e in week.top_entries[:5])
    disliked = [e for e in week.feedback if e.down][:5]
    if disliked:
        lines.append("👎 最多：" + "，".join(f"{e.entry_id} {e.down}" for e in disliked))
    return "\n".join(lines)


def unanswered_text_sync(db_path: str, since: date, days: int, limit: int) -> str:
    try:
        groups = unanswered_groups(db_path, since=since, limit=limit)
    except NoQueryLog:
        return NO_RECORDS
    return f"近 {days} 天未能回答的问题（按相似度分组）：\n" + format_groups_text(groups)


async def _flushed_path(qlog: Any) -> str:
    try:
        await qlog.flush()  # figures include the last second's questions
    except Exception:  # noqa: BLE001 - stats from what is on disk
        pass
    return str(qlog.path)


async def stats_text(qlog: Any, today: date | None = None) -> str:
    """/stats: today and the last 7 days (Beijing time), as plain text. `qlog`: the QueryLog."""
    path = await _flushed_path(qlog)
    return await asyncio.to_thread(stats_text_sync, path, today or local_today())


async def unanswered_text(qlog: Any, days: int = 7, limit: int = 10) -> str:
    """/unanswered: the largest groups of unanswered/clarify questions of the last `days` days."""
    path = await _flushed_path(qlog)
    since = local_today() - timedelta(days=days - 1)
    return await asyncio.to_thread(unanswered_text_sync, path, since, days, limit)
