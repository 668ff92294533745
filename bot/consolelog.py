"""The query log for `trafficbot chat --log` and `ask --log`: staff's own questions logged like a
citizen's, so the whole review flow (logs summary, unanswered, suggest, downvoted) can be tried
and shown without Telegram.

The same QueryLog the bot uses, on a private event loop, written after every question (nothing
is left queued when the terminal is closed). The chat type is ``console``; the user is the
local login name, stored only as its keyed hash like a Telegram id.
"""

from __future__ import annotations

import asyncio
import getpass
import hashlib
from typing import Self

from bot.config import StorageConfig
from bot.querylog import QueryLog
from bot.reply import Reply

CHAT_TYPE = "console"


def console_user_id() -> int:
    """A stable number for the person at this terminal (their login name), hashed again by the log.

    64 bits from SHA-256 of ``console:<login>``: it cannot be mistaken for anyone's Telegram id in
    practice, and no login name is stored.
    """
    try:
        login = getpass.getuser()
    except Exception:  # noqa: BLE001 - no login name (a container without a passwd entry)
        login = "unknown"
    return int.from_bytes(hashlib.sha256(f"console:{login}".encode()).digest()[:8], "big")


class ConsoleLog:
    """`with ConsoleLog(storage) as log:` question / choice / feedback, each written at once."""

    def __init__(self, storage: StorageConfig, user_id: int | None = None) -> None:
        self._loop = asyncio.new_event_loop()
        try:
            self._qlog = self._loop.run_until_complete(
                QueryLog.open(storage.database, secret=storage.hash_secret, flush_interval=3600,
                              retention_days=storage.retention_days))
        except BaseException:
            self._loop.close()
            raise
        self.path = self._qlog.path
        self.user_id = console_user_id() if user_id is None else user_id

    def _flush(self) -> None:
        self._loop.run_until_complete(self._qlog.flush())

    def question(self, reply: Reply, latency_ms: float) -> str:
        qid = self._qlog.record_question(user_id=self.user_id, chat_type=CHAT_TYPE, reply=reply, latency_ms=latency_ms)
        self._flush()
        return qid

    def choice(self, question_id: str, entry_id: str) -> None:
        self._qlog.record_choice(question_id, entry_id)
        self._flush()

    def feedback(self, question_id: str, entry_id: str, value: int) -> None:
        self._qlog.record_feedback(question_id, entry_id, value)
        self._flush()

    @property
    def healthy(self) -> bool:
        return self._qlog.healthy

    def close(self) -> None:
        try:
            self._loop.run_until_complete(self._qlog.close())
        finally:
            self._loop.close()

    def __enter__(self) -> Self:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()
