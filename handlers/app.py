"""Build the Telegram Application: every handler wired here, the services handlers share (engine,
query log, admins, config) set once, and the query log and knowledge watcher started and stopped
with it. `handlers/run.py` runs it; nothing in the core imports this.
"""

from __future__ import annotations

import asyncio
import logging
import sys

from telegram import BotCommand, BotCommandScopeChat, Update
from telegram.error import TelegramError
from telegram.ext import (
    AIORateLimiter,
    Application,
    ApplicationHandlerStop,
    CallbackQueryHandler,
    CommandHandler,
    MessageHandler,
    TypeHandler,
    filters,
)

from bot.buildcache import cached_build
from bot.config import DEFAULT_BASE_URL, Config
from bot.querylog import QueryLog
from bot.reload import KnowledgeHolder, KnowledgeLoadError, format_problems
from handlers import admin, buttons, commands, errors, messages
from handlers.context import CONTEXT_TYPES, BotContext, Services
from handlers.render import (
    CHOICE_DATA,
    ENTRY_DATA,
    FEEDBACK_DATA,
    MAX_MESSAGE,
    TOPIC_DATA,
    TOPICS_DATA,
    cut,
    utf16_len,
)

log = logging.getLogger("trafficbot")

COMMANDS = [
    BotCommand("start", "开始使用"),
    BotCommand("topics", "按主题浏览常见问题"),
    BotCommand("help", "使用说明"),
]
STAFF_COMMANDS = [
    BotCommand("stats", "统计：今天和最近7天"),
    BotCommand("unanswered", "没能回答的问题"),
    BotCommand("reload", "重新加载知识库"),
]
ALLOWED_UPDATES = [Update.MESSAGE, Update.CALLBACK_QUERY]
MEDIA = (
    filters.PHOTO | filters.Sticker.ALL | filters.VOICE | filters.AUDIO | filters.VIDEO
    | filters.VIDEO_NOTE | filters.ANIMATION | filters.LOCATION | filters.VENUE | filters.CONTACT
    | filters.Document.ALL
)
WATCH_TASK = "knowledge-watch"
PURGE_TASK = "querylog-purge"
# Bot API connections: httpcore's pool bookkeeping grows with its size (64 connections cost more
# CPU than they save on a fast link); Telegram allows ~30 messages/s anyway. Requests beyond the
# pool wait for a free connection, up to POOL_TIMEOUT seconds.
CONNECTION_POOL_SIZE = 8
POOL_TIMEOUT = 30.0
RATE_LIMIT_RETRIES = 2
MORE_PROBLEMS = "\n…（更多问题请运行 trafficbot kb check）"
RELOAD_PROBLEMS_SHOWN = 15


def _skip_failing_imports() -> None:
    """httpcore tries `import sniffio` on every request; without sniffio installed each failed
    attempt searches sys.path again (~0.2 ms). A None in sys.modules makes the import fail at once."""
    try:
        import sniffio  # noqa: F401
    except ImportError:
        # None is the import system's "fail at once" marker; typeshed allows only modules here
        sys.modules.setdefault("sniffio", None)  # type: ignore[arg-type]


def load_knowledge(config: Config) -> tuple[KnowledgeHolder | None, list]:
    """A knowledge holder for the configured folder (None if nothing can be served), and problems."""
    try:
        # a restart after no edit serves in about a second; every reload is keyed by the files too
        holder = KnowledgeHolder(config.knowledge.path, config.matching, build=cached_build)
    except KnowledgeLoadError as exc:
        return None, exc.problems
    return holder, list(holder.problems)


async def drop_repeats(update: Update, context: BotContext) -> None:
    """An update id seen before (Telegram re-posts a webhook update it thinks was lost) stops here."""
    if not context.services.first_time(update.update_id):
        log.info("update %s arrived again: not handled twice", update.update_id)
        raise ApplicationHandlerStop


def add_handlers(app: Application) -> None:
    """All the wiring in one place."""
    app.add_handler(TypeHandler(Update, drop_repeats), group=-1)
    app.add_handler(CommandHandler("start", commands.start))
    app.add_handler(CommandHandler("help", commands.help_command))
    app.add_handler(CommandHandler("topics", commands.topics))
    app.add_handler(CommandHandler("stats", admin.stats))
    app.add_handler(CommandHandler("unanswered", admin.unanswered))
    app.add_handler(CommandHandler("reload", admin.reload))
    only_new = filters.UpdateType.MESSAGE  # an edited question is not asked again
    app.add_handler(MessageHandler(only_new & filters.TEXT & ~filters.COMMAND, messages.on_text))
    app.add_handler(MessageHandler(only_new & MEDIA, messages.on_media))
    app.add_handler(CallbackQueryHandler(buttons.on_topics, pattern=TOPICS_DATA))
    app.add_handler(CallbackQueryHandler(buttons.on_topic, pattern=TOPIC_DATA))
    app.add_handler(CallbackQueryHandler(buttons.on_entry, pattern=ENTRY_DATA))
    app.add_handler(CallbackQueryHandler(buttons.on_choice, pattern=CHOICE_DATA))
    app.add_handler(CallbackQueryHandler(buttons.on_feedback, pattern=FEEDBACK_DATA))
    app.add_handler(CallbackQueryHandler(buttons.on_unknown))
    app.add_error_handler(errors.on_error)


def file_url_for(base_url: str) -> str:
    return base_url[: -len("/bot")] + "/file/bot" if base_url.endswith("/bot") else base_url


def build_application(config: Config, knowledge, *, querylog=None, open_querylog: bool = True) -> Application:
    """The Application with its handlers and services; the query log is opened in post_init (unless
    `querylog` is given or `open_querylog` is False) and closed after the last update is handled."""
    tg = config.telegram
    _skip_failing_imports()
    base = tg.base_url or DEFAULT_BASE_URL
    builder = (
        Application.builder()
        .token(tg.token)
        .base_url(base)
        .base_file_url(tg.base_file_url or file_url_for(base))
        .context_types(CONTEXT_TYPES)
        .concurrent_updates(tg.concurrent_updates)
        .connection_pool_size(CONNECTION_POOL_SIZE)
        .pool_timeout(POOL_TIMEOUT)
        .post_init(_post_init)
        .post_stop(_post_stop)
        .post_shutdown(_post_shutdown)
    )
    if tg.rate_limiter:
        # PTB's generics tie the builder's type to its limiter's argument type (AIORateLimiter is
        # BaseRateLimiter[int], the builder so far ExtBot[None]): a limiter added only when configured
        # cannot type-check, though PTB accepts it at runtime
        builder = builder.rate_limiter(AIORateLimiter(max_retries=RATE_LIMIT_RETRIES))  # type: ignore[arg-type]
    app = builder.build()
    services: Services = app.bot_data
    services.config = config
    services.knowledge = knowledge
    services.admins = frozenset(tg.admins)
    services.querylog = querylog
    services.open_querylog = open_querylog and querylog is None
    add_handlers(app)
    return app


async def open_querylog(config: Config) -> QueryLog | None:
    """The configured query log, or None (logged) when it cannot be opened at all."""
    s = config.storage
    try:
        return await QueryLog.open(s.database, secret=s.hash_secret, batch_size=s.batch_size,
                                   flush_interval=s.flush_interval, retention_days=s.retention_days)
    except Exception:
        log.exception("could not open the query log %s: questions are not logged", s.database)
        return None


async def tell_admins(app: Application, text: str) -> None:
    """A plain message to every configured admin; one who never started the bot is skipped."""
    if utf16_len(text) > MAX_MESSAGE:  # whole problem lines, then where to see the rest
        text = cut(text, MAX_MESSAGE - utf16_len(MORE_PROBLEMS)).rsplit("\n", 1)[0] + MORE_PROBLEMS
    for admin_id in app.bot_data.admins:
        try:
            await app.bot.send_message(admin_id, text)
        except TelegramError as exc:
            log.warning("could not tell admin about the knowledge reload: %s", exc)


async def _post_init(app: Application) -> None:
    services: Services = app.bot_data
    config = services.config
    try:
        await app.bot.set_my_commands(COMMANDS)
        for admin_id in services.admins:  # staff see their commands in their own menu only
            await app.bot.set_my_commands(COMMANDS + STAFF_COMMANDS, scope=BotCommandScopeChat(admin_id))
    except TelegramError as exc:  # not worth refusing to start over
        log.warning("setMyCommands failed: %s", exc)
    if services.open_querylog:
        services.open_querylog = False
        services.querylog = await open_querylog(config)
    qlog = services.querylog
    if qlog is not None and hasattr(qlog, "purge_loop"):
        services.tasks[PURGE_TASK] = asyncio.create_task(qlog.purge_loop(), name=PURGE_TASK)
    holder = services.knowledge
    if config.knowledge.watch and hasattr(holder, "watch"):
        async def on_change(problems: list) -> None:
            bad = [p for p in problems if getattr(p, "severity", "error") == "error"]
            if bad:
                log.error("knowledge reload kept the old version: %d error(s), first: %s", len(bad), bad[0])
                await tell_admins(app, "知识库文件有改动，但有错误，机器人继续使用上一版知识库回答。请修改：\n"
                                  + format_problems(bad, limit=RELOAD_PROBLEMS_SHOWN))
            else:
                log.info("knowledge reloaded: version %s", holder.engine.knowledge.version)
                await tell_admins(app, f"知识库已更新（版本 {holder.engine.knowledge.version}）。")

        services.tasks[WATCH_TASK] = asyncio.create_task(
            holder.watch(on_change, interval=config.knowledge.watch_interval), name=WATCH_TASK)
    log.info("trafficbot is up as @%s (knowledge %s, %s mode)", app.bot.username,
             getattr(holder.engine.knowledge, "version", "?"), config.telegram.mode)


async def _post_stop(app: Application) -> None:
    tasks = app.bot_data.tasks
    for name in list(tasks):
        task = tasks.pop(name)
        task.cancel()
        await asyncio.gather(task, return_exceptions=True)


async def _post_shutdown(app: Application) -> None:
    services: Services = app.bot_data
    qlog, services.querylog = services.querylog, None
    if qlog is not None:
        await qlog.close(services.config.storage.close_timeout)  # bounded; logs one line: rows written, lost, in doubt
