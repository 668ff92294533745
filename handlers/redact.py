"""Keep secrets and citizens' data out of log lines and operator messages.

`Redactor` is a logging filter on every root handler: it replaces the bot token, the webhook secret
and the hash secret (and anything shaped like a bot token) in every formatted line, tracebacks
included; and it withholds what python-telegram-bot logs at DEBUG about updates and Bot API calls
(raw user ids, unmasked text, setWebhook's secret) down to the update id and the method name, as it
does for the libraries below it (aiosqlite logs every statement with its values at DEBUG).
"""

from __future__ import annotations

import logging
import re
from collections.abc import Iterable

from telegram import TelegramObject, Update

from bot.config import TOKEN_SHAPE

WITHHELD = "<withheld>"
# libraries whose log arguments may carry updates, requests or rows: shown only in a safe shape
WITHHOLD_FROM = ("telegram", "aiosqlite", "httpx", "httpcore")
# their chattiest loggers, quiet below WARNING (httpx logs request URLs, which hold the token)
QUIET = ("httpx", "httpcore", "aiosqlite")
# PTB's own debug lines carry only these argument shapes in the clear
_SAFE_ARG = re.compile(r"[A-Za-z_][A-Za-z0-9_.]{0,39}\Z")


def redact_text(text: str, secrets: Iterable[str] = ()) -> str:
    """`text` with each secret (and anything shaped like a bot token) replaced."""
    for secret in sorted({s for s in secrets if s and len(s) >= 4}, key=len, reverse=True):
        text = text.replace(secret, "<secret>")
    return TOKEN_SHAPE.sub("<token>", text)


def _withhold(arg: object) -> object:
    if isinstance(arg, Update):
        return f"update {arg.update_id}"
    if isinstance(arg, bool) or isinstance(arg, (int, float)):
        return arg
    if isinstance(arg, str) and _SAFE_ARG.match(arg):
        return arg
    if isinstance(arg, (list, tuple)) and all(isinstance(a, int) for a in arg):
        return arg  # "Getting updates: [ids]"
    if isinstance(arg, TelegramObject):
        return f"<{type(arg).__name__}>"
    return WITHHELD


class Redactor(logging.Filter):
    """Redact secrets in every record; withhold update contents in python-telegram-bot's records."""

    def __init__(self, secrets: Iterable[str] = ()):
        super().__init__()
        self.secrets = tuple(s for s in secrets if s)

    def redact(self, text: str) -> str:
        return redact_text(text, self.secrets)

    def filter(self, record: logging.LogRecord) -> bool:
        if record.args and record.name.split(".")[0] in WITHHOLD_FROM:
            args = record.args if isinstance(record.args, tuple) else (record.args,)
            record.args = tuple(_withhold(a) for a in args)
        try:
            message = record.getMessage()
        except Exception:  # noqa: BLE001 - a broken format string: let logging report it as usual
            return True
        record.msg, record.args = self.redact(message), None
        if record.exc_info and not record.exc_text:
            record.exc_text = logging.Formatter().formatException(record.exc_info)
        if record.exc_text:
            record.exc_text = self.redact(record.exc_text)
        if record.stack_info:
            record.stack_info = self.redact(record.stack_info)
        return True


def setup_logging(level: str, secrets: Iterable[str]) -> None:
    """Log to stderr at `level`, every line through a Redactor; QUIET libraries only from WARNING."""
    root = logging.getLogger()
    if not root.handlers:
        logging.basicConfig(format="%(asctime)s %(levelname)s %(name)s: %(message)s")
    root.setLevel(level.upper())
    for name in QUIET:
        logging.getLogger(name).setLevel(logging.WARNING)
    secrets = tuple(secrets)
    for handler in root.handlers:
        for old in [f for f in handler.filters if isinstance(f, Redactor)]:
            handler.removeFilter(old)
        handler.addFilter(Redactor(secrets))
