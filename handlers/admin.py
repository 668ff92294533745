"""Staff commands: /stats, /unanswered, /reload — only for the user ids in `telegram.admins`, and
only in a private chat (figures and citizens' questions are not for a group to read).

Anyone else gets a plain "not permitted" with no figures.
"""

from __future__ import annotations

import asyncio
import functools
import logging

from telegram import Update
from telegram.constants import ChatType

from handlers import admin_texts
from handlers.common import respond
from handlers.context import BotContext
from handlers.render import CHUNK, NOT_PERMITTED, STAFF_IN_PRIVATE, Outgoing, esc, split_plain

log = logging.getLogger(__name__)

NO_LOG = "查询日志未启用，暂无统计。"
MAX_PROBLEMS = 10  # problems listed after a reload; the rest are counted
MAX_PROBLEM_TEXT = 300  # characters of one problem line (a long YAML snippet is cut)


def is_admin(update: Update, context: BotContext) -> bool:
    user = update.effective_user
    return user is not None and user.id in context.admins


def staff_only(func):
    """Run the command for admins in a private chat; anyone else gets NOT_PERMITTED (logged), an
    admin in a group is asked to write in private."""

    @functools.wraps(func)
    async def wrapper(update: Update, context: BotContext) -> None:
        if not is_admin(update, context):
            log.info("refused %s for a user not in telegram.admins", func.__name__)  # no raw id in logs
            await respond(update, context, [Outgoing(NOT_PERMITTED)])
            return
        if update.effective_chat is None or update.effective_chat.type != ChatType.PRIVATE:
            await respond(update, context, [Outgoing(STAFF_IN_PRIVATE)])
            return
        await func(update, context)

    return wrapper


async def _send_report(update: Update, context: BotContext, text: str) -> None:
    parts = split_plain(text, CHUNK)
    await respond(update, context, [Outgoing(f"<pre>{esc(part)}</pre>") for part in parts])


@staff_only
async def stats(update: Update, context: BotContext) -> None:
    """Questions, answered share and feedback: today and the last 7 days."""
    if context.querylog is None:
        await respond(update, context, [Outgoing(NO_LOG)])
        return
    await _send_report(update, context, await admin_texts.stats_text(context.querylog))


@staff_only
async def unanswered(update: Update, context: BotContext) -> None:
    """The most frequent questions the bot could not answer (grouped), last 7 days."""
    if context.querylog is None:
        await respond(update, context, [Outgoing(NO_LOG)])
        return
    await _send_report(update, context, await admin_texts.unanswered_text(context.querylog))


@staff_only
async def reload(update: Update, context: BotContext) -> None:
    """Reload the knowledge base now; on errors the old one keeps serving."""
    holder = context.knowledge
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
    listed = errors or warnings
    lines = [f"· {esc(str(p)[:MAX_PROBLEM_TEXT])}" for p in listed[:MAX_PROBLEMS]]
    if len(listed) > MAX_PROBLEMS:
        lines.append(f"……另有 {len(listed) - MAX_PROBLEMS} 条")
    await respond(update, context, [Outgoing("\n".join([head, *lines]))])
