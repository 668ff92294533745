"""Staff commands: /stats, /unanswered, /reload — only for the user ids in `telegram.admins`.

Anyone else gets a plain "not permitted" with no figures.
"""

from __future__ import annotations

import asyncio
import functools
import logging

from telegram import Update
from telegram.ext import ContextTypes

from handlers import admin_texts
from handlers.common import ADMINS, KNOWLEDGE, QUERYLOG, respond
from handlers.render import NOT_PERMITTED, Outgoing, esc, split_plain

log = logging.getLogger(__name__)

NO_LOG = "查询日志未启用，暂无统计。"
MAX_PROBLEMS = 10


def is_admin(update: Update, context: ContextTypes.DEFAULT_TYPE) -> bool:
    user = update.effective_user
    return user is not None and user.id in context.bot_data.get(ADMINS, frozenset())


def staff_only(func):
    """Run the command for admins; anyone else gets NOT_PERMITTED (and the attempt is logged)."""

    @functools.wraps(func)
    async def wrapper(update: Update, context: ContextTypes.DEFAULT_TYPE) -> None:
        if not is_admin(update, context):
            log.info("refused %s for a user not in telegram.admins", func.__name__)  # no raw id in logs
            await respond(update, context, [Outgoing(NOT_PERMITTED)])
            return
        await func(update, context)

    return wrapper


async def _report(update: Update, context: ContextTypes.DEFAULT_TYPE, name: str) -> None:
    qlog = context.bot_data.get(QUERYLOG)
    if qlog is None:
        await respond(update, context, [Outgoing(NO_LOG)])
        return
    text = await getattr(admin_texts, name)(qlog)
    await respond(update, context, [Outgoing(f"<pre>{esc(part)}</pre>") for part in split_plain(text, 3800)])


@staff_only
async def stats(update: Update, context: ContextTypes.DEFAULT_TYPE) -> None:
    """Questions, answered share and feedback: today and the last 7 days."""
    await _report(update, context, "stats_text")


@staff_only
async def unanswered(update: Update, context: ContextTypes.DEFAULT_TYPE) -> None:
    """The most frequent questions the bot could not answer (grouped), last 7 days."""
    await _report(update, context, "unanswered_text")


@staff_only
async def reload(update: Update, context: ContextTypes.DEFAULT_TYPE) -> None:
    """Reload the knowledge base now; on errors the old one keeps serving."""
    holder = context.bot_data[KNOWLEDGE]
    # loading and indexing is CPU work: keep it off the event loop
    problems = await asyncio.to_thread(holder.reload)
    errors = [p for p in problems if getattr(p, "severity", "error") != "warning"]
    warnings = [p for p in problems if getattr(p, "severity", "error") == "warning"]
    engine = holder.engine
    version = esc(str(getattr(engine.knowledge, "version", "")))
    count = sum(len(entries) for _, entries in engine.topics())
    if errors:
        head = f"❌ 知识库有 {len(errors)} 处错误，未加载，仍使用版本 {version}（{count} 条）："
    else:
        head = f"✅ 知识库已重新加载：版本 {version}，{count} 条。"
        if warnings:
            head += f"\n⚠️ {len(warnings)} 条警告："
    lines = [f"· {esc(str(p)[:300])}" for p in (errors or warnings)[:MAX_PROBLEMS]]
    if len(errors or warnings) > MAX_PROBLEMS:
        lines.append(f"……另有 {len(errors or warnings) - MAX_PROBLEMS} 条")
    await respond(update, context, [Outgoing("\n".join([head, *lines]))])
