"""The Telegram front end: build the Application, wire the handlers, the query log and reloads; run it.

`run(config)` is what `trafficbot run` calls. Handlers find everything in `application.bot_data`
(see handlers/common.py for the keys); nothing here is imported by the core.
"""

from __future__ import annotations

import asyncio
import logging
import signal
import sys
from typing import Any

from telegram import Bot, BotCommand, BotCommandScopeChat, Update
from telegram.error import InvalidToken, NetworkError, TelegramError
from telegram.ext import (
    AIORateLimiter, Application, CallbackQueryHandler, CommandHandler, MessageHandler, filters,
)

from bot.config import DEFAULT_BASE_URL, TOKEN_ENV, Config
from bot.querylog import QueryLog
from bot.reload import KnowledgeHolder, KnowledgeLoadError, format_problems
from handlers import admin, buttons, commands, errors, messages
from handlers.common import ADMINS, CONFIG, KNOWLEDGE, QUERYLOG

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
NO_TOKEN = (
    "No Telegram bot token. Set it in the config file as telegram.token, or in the environment "
    f"variable {TOKEN_ENV} (which wins), e.g.\n    export {TOKEN_ENV}=123456:ABC...\n"
    "Get a token from @BotFather."
)
_WATCH_TASK = "_knowledge_watch_task"
_PURGE_TASK = "_querylog_purge_task"
# Bot API connections: httpcore's pool bookkeeping grows with its size (64 connections cost more
# CPU than they save on a fast link); Telegram allows ~30 messages/s anyway. Requests beyond the
# pool wait for a free connection, up to POOL_TIMEOUT seconds.
CONNECTION_POOL_SIZE = 8
POOL_TIMEOUT = 30.0


def _skip_failing_imports() -> None:
    """httpcore tries `import sniffio` on every request; without sniffio installed each failed
    attempt searches sys.path again (~0.2 ms). A None in sys.modules makes the import fail at once."""
    try:
        import sniffio  # noqa: F401
    except ImportError:
        sys.modules.setdefault("sniffio", None)


# ------------------------------------------------------------------------------------- logging
class RedactToken(logging.Filter):
    """Replace the bot token in every formatted log line (message, arguments and traceback)."""

    def __init__(self, token: str):
        super().__init__()
        self.token = token

    def redact(self, text: str) -> str:
        return text.replace(self.token, "<token>") if self.token else text

    def filter(self, record: logging.LogRecord) -> bool:
        if not self.token:
            return True
        try:
            message = record.getMessage()
        except Exception:  # a broken format string: let logging report it as usual
            return True
        record.msg, record.args = self.redact(message), None
        if record.exc_info and not record.exc_text:
            record.exc_text = logging.Formatter().formatException(record.exc_info)
        if record.exc_text:
            record.exc_text = self.redact(record.exc_text)
        if record.stack_info:
            record.stack_info = self.redact(record.stack_info)
        return True


def setup_logging(level: str, token: str) -> None:
    """Log to stderr at `level`; keep httpx (it logs request URLs, which hold the token) quiet and
    redact the token from whatever else might print it."""
    root = logging.getLogger()
    if not root.handlers:
        logging.basicConfig(format="%(asctime)s %(levelname)s %(name)s: %(message)s")
    root.setLevel(level.upper())
    for name in ("httpx", "httpcore"):
        logging.getLogger(name).setLevel(logging.WARNING)
    for handler in root.handlers:
        if not any(isinstance(f, RedactToken) and f.token == token for f in handler.filters):
            handler.addFilter(RedactToken(token))


# ----------------------------------------------------------------------------------- knowledge
def load_knowledge(config: Config) -> tuple[KnowledgeHolder | None, list]:
    """A knowledge holder for the configured folder (None if nothing can be served), and problems."""
    try:
        holder = KnowledgeHolder(config.knowledge.path, config.matching)
    except KnowledgeLoadError as exc:
        return None, exc.problems
    return holder, list(holder.problems)


# --------------------------------------------------------------------------------- application
def add_handlers(app: Application) -> None:
    """All the wiring in one place."""
    app.add_handler(CommandHandler("start", commands.start))
    app.add_handler(CommandHandler("help", commands.help_command))
    app.add_handler(CommandHandler("topics", commands.topics))
    app.add_handler(CommandHandler("stats", admin.stats))
    app.add_handler(CommandHandler("unanswered", admin.unanswered))
    app.add_handler(CommandHandler("reload", admin.reload))
    only_new = filters.UpdateType.MESSAGE  # an edited question is not asked again
    app.add_handler(MessageHandler(only_new & filters.TEXT & ~filters.COMMAND, messages.on_text))
    app.add_handler(MessageHandler(only_new & MEDIA, messages.on_media))
    app.add_handler(CallbackQueryHandler(buttons.on_button))
    app.add_error_handler(errors.on_error)


def file_url_for(base_url: str) -> str:
    return base_url[: -len("/bot")] + "/file/bot" if base_url.endswith("/bot") else base_url


def build_application(config: Config, knowledge: Any, *, querylog: Any = None,
                      open_querylog: bool = True) -> Application:
    """The Application with handlers and bot_data; the query log is opened in post_init (unless
    `querylog` is given or `open_querylog` is False) and closed after the last update is handled."""
    tg = config.telegram
    _skip_failing_imports()
    builder = (
        Application.builder()
        .token(tg.token)
        .base_url(tg.base_url or DEFAULT_BASE_URL)
        .base_file_url(tg.base_file_url or file_url_for(tg.base_url or DEFAULT_BASE_URL))
        .concurrent_updates(max(1, tg.concurrent_updates))
        .connection_pool_size(CONNECTION_POOL_SIZE)
        .pool_timeout(POOL_TIMEOUT)
        .post_init(_post_init)
        .post_stop(_post_stop)
        .post_shutdown(_post_shutdown)
    )
    if tg.rate_limiter:
        builder = builder.rate_limiter(AIORateLimiter(max_retries=2))
    app = builder.build()
    app.bot_data[CONFIG] = config
    app.bot_data[KNOWLEDGE] = knowledge
    app.bot_data[ADMINS] = frozenset(tg.admins)
    app.bot_data[QUERYLOG] = querylog
    app.bot_data["_open_querylog"] = open_querylog and querylog is None
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


MAX_ADMIN_MESSAGE = 4096


async def tell_admins(app: Application, text: str) -> None:
    """A plain message to every configured admin; one who never started the bot is skipped."""
    if len(text) > MAX_ADMIN_MESSAGE:  # Telegram refuses more than 4096 characters
        text = text[: MAX_ADMIN_MESSAGE - 40].rsplit("\n", 1)[0] + "\n…（更多问题请运行 trafficbot kb check）"
    for admin_id in app.bot_data[ADMINS]:
        try:
            await app.bot.send_message(admin_id, text)
        except TelegramError as exc:
            log.warning("could not tell admin about the knowledge reload: %s", exc)


async def _post_init(app: Application) -> None:
    config: Config = app.bot_data[CONFIG]
    try:
        await app.bot.set_my_commands(COMMANDS)
        for admin_id in app.bot_data[ADMINS]:  # staff see their commands in their own menu only
            await app.bot.set_my_commands(COMMANDS + STAFF_COMMANDS, scope=BotCommandScopeChat(admin_id))
    except TelegramError as exc:  # not worth refusing to start over
        log.warning("setMyCommands failed: %s", exc)
    if app.bot_data.pop("_open_querylog", False):
        app.bot_data[QUERYLOG] = await open_querylog(config)
    qlog = app.bot_data.get(QUERYLOG)
    if qlog is not None and hasattr(qlog, "purge_loop"):
        app.bot_data[_PURGE_TASK] = asyncio.create_task(qlog.purge_loop(), name="querylog-purge")
    holder = app.bot_data[KNOWLEDGE]
    if config.knowledge.watch and hasattr(holder, "watch"):
        async def on_change(problems: list) -> None:
            bad = [p for p in problems if getattr(p, "severity", "error") == "error"]
            if bad:
                log.error("knowledge reload kept the old version: %d error(s), first: %s", len(bad), bad[0])
                await tell_admins(app, "知识库文件有改动，但有错误，机器人继续使用上一版知识库回答。请修改：\n"
                                  + format_problems(bad, limit=15))
            else:
                log.info("knowledge reloaded: version %s", holder.engine.knowledge.version)
                await tell_admins(app, f"知识库已更新（版本 {holder.engine.knowledge.version}）。")

        app.bot_data[_WATCH_TASK] = asyncio.create_task(
            holder.watch(on_change, interval=config.knowledge.watch_interval), name="knowledge-watch")
    log.info("trafficbot is up as @%s (knowledge %s, %s mode)", app.bot.username,
             getattr(holder.engine.knowledge, "version", "?"), config.telegram.mode)


async def _post_stop(app: Application) -> None:
    for key in (_WATCH_TASK, _PURGE_TASK):
        task = app.bot_data.pop(key, None)
        if task is not None:
            task.cancel()
            await asyncio.gather(task, return_exceptions=True)


async def _post_shutdown(app: Application) -> None:
    qlog = app.bot_data.get(QUERYLOG)
    if qlog is not None:
        app.bot_data[QUERYLOG] = None
        try:
            await qlog.close()
            log.info("query log flushed and closed")
        except Exception:
            log.exception("closing the query log failed")


# ------------------------------------------------------------------------------------------ run
async def _check_bot_api(tg) -> None:
    """getMe once with the configured token and server (raises InvalidToken / NetworkError)."""
    base = tg.base_url or DEFAULT_BASE_URL
    async with Bot(tg.token, base_url=base, base_file_url=tg.base_file_url or file_url_for(base)):
        pass


def run(config: Config) -> int:
    """`trafficbot run`: serve until SIGINT/SIGTERM, then finish in-flight updates, flush, exit 0."""
    tg = config.telegram
    if not tg.token:
        print(NO_TOKEN, file=sys.stderr)
        return 2
    if tg.mode == "webhook" and (not tg.webhook.url or not tg.webhook.secret_token):
        print("Webhook mode needs telegram.webhook.url (the public HTTPS address Telegram posts to) and "
              "telegram.webhook.secret_token (checked on every request).", file=sys.stderr)
        return 2
    setup_logging(config.logging.level, tg.token)
    redact = RedactToken(tg.token).redact

    holder, problems = load_knowledge(config)
    for p in problems:
        (log.error if getattr(p, "severity", "error") == "error" else log.warning)("knowledge: %s", p)
    if holder is None:
        print(f"Cannot start: the knowledge in {config.knowledge.path} has nothing to serve "
              "(run `trafficbot kb check`).", file=sys.stderr)
        return 1
    holder.engine.answer("电动自行车需要上牌吗")  # load jieba and warm caches before the first citizen

    try:  # a wrong token or an unreachable server: one clear line, not PTB's retry-loop traceback
        asyncio.run(_check_bot_api(tg))
    except InvalidToken:
        print(f"The Bot API server at {tg.base_url} rejected the token: check telegram.token or "
              f"{TOKEN_ENV}.", file=sys.stderr)
        return 1
    except (NetworkError, TelegramError) as exc:
        print(f"Cannot reach the Bot API server at {tg.base_url}: {redact(str(exc))}", file=sys.stderr)
        return 1

    app = build_application(config, holder)
    stop_signals = (signal.SIGINT, signal.SIGTERM)
    try:
        if tg.mode == "webhook":
            w = tg.webhook
            app.run_webhook(
                listen=w.listen, port=w.port, url_path=w.path.strip("/"), webhook_url=w.url,
                secret_token=w.secret_token, allowed_updates=ALLOWED_UPDATES, stop_signals=stop_signals,
            )
        else:
            app.run_polling(allowed_updates=ALLOWED_UPDATES, timeout=tg.poll_timeout,
                            stop_signals=stop_signals)
    except InvalidToken:
        print(f"The Bot API server at {tg.base_url} rejected the token: check telegram.token or "
              f"{TOKEN_ENV}.", file=sys.stderr)
        return 1
    except NetworkError as exc:
        print(f"Cannot reach the Bot API server at {tg.base_url}: {redact(str(exc))}", file=sys.stderr)
        return 1
    log.info("stopped")
    return 0
