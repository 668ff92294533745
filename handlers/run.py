"""`trafficbot run`: check the setup, serve until a stop signal, finish what is in flight, flush the
query log, exit.

The event loop is ours, not `Application.run_polling`'s: SIGINT, SIGTERM and SIGHUP (a closed SSH
session) only set a flag, so a second or third signal cannot interrupt the shutdown half-way (which
left answers unlogged, or the process waiting for ever on the database thread). From the first
signal the process has SHUTDOWN_BUDGET seconds; what the query log cannot write by then is counted
in one line, and the process exits.
"""

from __future__ import annotations

import asyncio
import errno
import logging
import signal
import sys
import time

from telegram import Bot
from telegram.error import InvalidToken, NetworkError, TelegramError
from telegram.ext import Application

from bot.config import DEFAULT_BASE_URL, TOKEN_ENV, Config
from handlers.app import ALLOWED_UPDATES, build_application, file_url_for, load_knowledge
from handlers.redact import redact_text, setup_logging

log = logging.getLogger("trafficbot")

STOP_SIGNALS = (signal.SIGINT, signal.SIGTERM, signal.SIGHUP)
# seconds from the first stop signal to the end of the shutdown: in-flight answers, then the query
# log's own bounded close (bot.querylog.CLOSE_TIMEOUT)
SHUTDOWN_BUDGET = 8.0
WARM_UP_QUESTION = "电动自行车需要上牌吗"  # loads jieba and warms caches before the first citizen
NO_TOKEN = (
    "未设置 Telegram 机器人 token / No Telegram bot token. Set it in the config file as telegram.token, or "
    f"in the environment variable {TOKEN_ENV} (which wins), e.g.\n    export {TOKEN_ENV}=123456:ABC...\n"
    "Get a token from @BotFather."
)
WEBHOOK_NEEDS = (
    "webhook 模式需要 telegram.webhook.url 和 telegram.webhook.secret_token / Webhook mode needs "
    "telegram.webhook.url (the public HTTPS address Telegram posts to) and telegram.webhook.secret_token "
    "(checked on every request)."
)


class Stop(Exception):
    """Starting failed for a reason already told to the operator; the exit code."""

    def __init__(self, code: int):
        super().__init__(code)
        self.code = code


def _secrets(config: Config) -> tuple[str, ...]:
    return (config.telegram.token, config.telegram.webhook.secret_token, config.storage.hash_secret)


def _say(config: Config, text: str) -> None:
    """One line for the operator on stderr, secrets removed."""
    print(redact_text(text, _secrets(config)), file=sys.stderr)


def _bot_api_refused(config: Config, exc: Exception) -> None:
    base = config.telegram.base_url or DEFAULT_BASE_URL
    if "not found" in f"{exc} {exc.__cause__}".lower():  # 404: no such path, or a malformed token
        _say(config, f"Bot API 地址或 token 格式不对 / The server at {base} answered 404 Not Found: check "
             "that telegram.base_url is a Bot API address ending in /bot (e.g. https://api.telegram.org/bot; "
             f"the bot adds the token itself) and that the token in telegram.token or {TOKEN_ENV} is whole.")
    else:
        _say(config, f"Bot API 拒绝了 token / The Bot API server at {base} rejected the token: check "
             f"telegram.token or {TOKEN_ENV}.")


def _unreachable(config: Config, exc: Exception) -> None:
    base = config.telegram.base_url or DEFAULT_BASE_URL
    _say(config, f"无法连接 Bot API / Cannot reach the Bot API server at {base}: {exc}")


async def _check_bot_api(config: Config) -> None:
    """getMe once with the configured token and server (raises InvalidToken / NetworkError)."""
    tg = config.telegram
    base = tg.base_url or DEFAULT_BASE_URL
    async with Bot(tg.token, base_url=base, base_file_url=tg.base_file_url or file_url_for(base)):
        pass


async def _start_updates(app: Application, config: Config) -> None:
    tg = config.telegram
    updater = app.updater
    if updater is None:  # build_application keeps PTB's default Updater; only a custom builder drops it
        raise TypeError("the application has no Updater to fetch updates with")
    if tg.mode != "webhook":
        await updater.start_polling(timeout=tg.poll_timeout, allowed_updates=ALLOWED_UPDATES)
        return
    w = tg.webhook
    try:
        await updater.start_webhook(
            listen=w.listen, port=w.port, url_path=w.path.strip("/"), webhook_url=w.url,
            secret_token=w.secret_token, allowed_updates=ALLOWED_UPDATES,
        )
    except OSError as exc:
        why = "端口已被占用 / the port is in use" if exc.errno == errno.EADDRINUSE else str(exc)
        _say(config, f"webhook 无法监听 / Cannot listen on {w.listen}:{w.port} ({why}): change "
             "telegram.webhook.port or stop the other program.")
        raise Stop(1) from None


async def _shutdown(app: Application) -> None:
    """PTB's shutdown order: stop fetching, finish every fetched update, stop, close, flush the log."""
    if app.updater is not None and app.updater.running:
        await app.updater.stop()
    if app.running:
        await app.stop()
        if app.post_stop is not None:  # build_application sets all three; PTB types them optional
            await app.post_stop(app)
    await app.shutdown()
    if app.post_shutdown is not None:
        await app.post_shutdown(app)


async def serve(app: Application, config: Config) -> int:
    """Run `app` until a stop signal; the exit code."""
    loop = asyncio.get_running_loop()
    stopping = asyncio.Event()
    first_signal: list[float] = []

    def on_signal(sig: signal.Signals) -> None:
        if not first_signal:
            first_signal.append(time.monotonic())
            log.info("%s: stopping; answers in progress are finished and logged", sig.name)
            stopping.set()
        else:
            log.info("%s: already stopping", sig.name)

    for sig in STOP_SIGNALS:
        loop.add_signal_handler(sig, on_signal, sig)
    code = 0
    try:
        await app.initialize()
        if app.post_init is not None:
            await app.post_init(app)
        if not stopping.is_set():
            await _start_updates(app, config)
            await app.start()
            await stopping.wait()
    except Stop as exc:
        code = exc.code
    finally:
        started = first_signal[0] if first_signal else time.monotonic()
        budget = max(1.0, SHUTDOWN_BUDGET - (time.monotonic() - started))
        qlog = app.bot_data.querylog
        try:
            await asyncio.wait_for(_shutdown(app), timeout=budget)
        except TimeoutError:
            left = qlog.queued if qlog is not None else 0
            log.error("shutdown took longer than %.0f s: %d query-log rows could not be written and are lost",
                      SHUTDOWN_BUDGET, left)
        for sig in STOP_SIGNALS:
            loop.remove_signal_handler(sig)
            signal.signal(sig, signal.SIG_IGN)  # a late signal must not interrupt the exit
    return code


def _interrupt(signum, frame) -> None:
    raise KeyboardInterrupt  # before serving: SIGTERM and SIGHUP stop the start like Ctrl-C


def run(config: Config) -> int:
    """`trafficbot run`: 0 after a stop signal, 1 when it cannot start, 2 for a missing setting."""
    tg = config.telegram
    if not tg.token:
        print(NO_TOKEN, file=sys.stderr)
        return 2
    if tg.mode == "webhook" and (not tg.webhook.url or not tg.webhook.secret_token):
        print(WEBHOOK_NEEDS, file=sys.stderr)
        return 2
    for sig in STOP_SIGNALS[1:]:
        signal.signal(sig, _interrupt)
    setup_logging(config.logging.level, _secrets(config))

    holder, problems = load_knowledge(config)
    for p in problems:
        (log.error if getattr(p, "severity", "error") == "error" else log.warning)("knowledge: %s", p)
    if holder is None:
        _say(config, f"无法启动 / Cannot start: the knowledge in {config.knowledge.path} has nothing to serve "
             "(run `trafficbot kb check`).")
        return 1
    holder.engine.answer(WARM_UP_QUESTION)

    try:  # a wrong token or an unreachable server: one clear line, not PTB's retry-loop traceback
        asyncio.run(_check_bot_api(config))
    except InvalidToken as exc:
        _bot_api_refused(config, exc)
        return 1
    except (NetworkError, TelegramError) as exc:
        _unreachable(config, exc)
        return 1

    app = build_application(config, holder)
    try:
        code = asyncio.run(serve(app, config))
    except InvalidToken as exc:
        _bot_api_refused(config, exc)
        return 1
    except NetworkError as exc:
        _unreachable(config, exc)
        return 1
    log.info("stopped")
    return code
