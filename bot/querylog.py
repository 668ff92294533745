"""The query log: every question, the choice a citizen picked, 👍 / 👎 — in one SQLite file.

The answer never waits on the disk. `record_question`, `record_choice` and `record_feedback` are
plain synchronous calls that mask the text, append a row to an in-memory queue and return; a
background task writes the queue in batches (every `flush_interval` seconds, or at once when
`batch_size` rows are waiting) over one aiosqlite connection.

When the database cannot be written — locked by another program, read-only, its folder gone,
the disk full — the bot keeps answering: the rows stay queued (at most `max_queued`; the oldest
are dropped beyond that, and counted), one warning is logged per outage, the writer retries with
a growing pause (capped at `max_retry_interval`) and writes everything once it can, then logs
that it recovered. `close()` writes what is queued. A hard kill (kill -9, power cut) loses at most
the rows still queued: one `flush_interval`, at most about one batch. SQLite's WAL journal keeps
the file itself consistent.

Users are stored as an HMAC-SHA256 of their Telegram id keyed with `storage.hash_secret`, or,
when none is configured, with a random secret generated once and kept in the database (table
`meta`). The raw id stays in memory only, until its row is written.

Schema (version in `PRAGMA user_version`, upgraded by `MIGRATIONS` on open):

    questions(id, ts, user_hash, chat_type, text, normalized, status, entry_id, score,
              candidates, choices, latency_ms, knowledge_version)
    choices(question_id, ts, entry_id)               -- a button picked after a clarify/answer
    feedback(question_id, entry_id, ts, value)       -- +1 / -1, the last vote per answer counts
    meta(key, value)                                  -- hash_secret

`ts` is UTC, ISO 8601 with milliseconds and a Z (``2025-01-10T08:30:00.123Z``): it sorts as text.
"""

from __future__ import annotations

import asyncio
import collections
import hashlib
import hmac
import json
import logging
import os
import secrets
import sqlite3
import time
from datetime import datetime, timedelta, timezone
from pathlib import Path
from typing import TYPE_CHECKING, Any

import aiosqlite

from bot.masking import mask

if TYPE_CHECKING:  # pragma: no cover
    from bot.reply import Reply

log = logging.getLogger(__name__)

SCHEMA_VERSION = 1
MIGRATIONS: list[str] = [
    # 0 → 1
    """
    CREATE TABLE IF NOT EXISTS meta (
        key   TEXT PRIMARY KEY,
        value TEXT NOT NULL
    );
    CREATE TABLE IF NOT EXISTS questions (
        id                TEXT PRIMARY KEY,
        ts                TEXT NOT NULL,
        user_hash         TEXT NOT NULL,
        chat_type         TEXT NOT NULL,
        text              TEXT NOT NULL,
        normalized        TEXT NOT NULL,
        status            TEXT NOT NULL,
        entry_id          TEXT,
        score             REAL NOT NULL DEFAULT 0,
        candidates        TEXT NOT NULL DEFAULT '[]',
        choices           TEXT NOT NULL DEFAULT '[]',
        latency_ms        REAL,
        knowledge_version TEXT NOT NULL DEFAULT ''
    );
    CREATE INDEX IF NOT EXISTS questions_ts ON questions(ts);
    CREATE INDEX IF NOT EXISTS questions_status_ts ON questions(status, ts);
    CREATE TABLE IF NOT EXISTS choices (
        question_id TEXT NOT NULL,
        ts          TEXT NOT NULL,
        entry_id    TEXT NOT NULL
    );
    CREATE INDEX IF NOT EXISTS choices_question ON choices(question_id);
    CREATE INDEX IF NOT EXISTS choices_ts ON choices(ts);
    CREATE TABLE IF NOT EXISTS feedback (
        question_id TEXT NOT NULL,
        entry_id    TEXT NOT NULL,
        ts          TEXT NOT NULL,
        value       INTEGER NOT NULL CHECK (value IN (-1, 1)),
        PRIMARY KEY (question_id, entry_id)
    );
    CREATE INDEX IF NOT EXISTS feedback_ts ON feedback(ts);
    """,
]
assert len(MIGRATIONS) == SCHEMA_VERSION

BUSY_TIMEOUT_MS = 50
MAX_ROWS_PER_TRANSACTION = 5000

_INSERT_QUESTION = (
    "INSERT OR IGNORE INTO questions (id, ts, user_hash, chat_type, text, normalized, status, entry_id,"
    " score, candidates, choices, latency_ms, knowledge_version) VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?)"
)
_INSERT_CHOICE = "INSERT INTO choices (question_id, ts, entry_id) VALUES (?,?,?)"
_INSERT_FEEDBACK = "INSERT OR REPLACE INTO feedback (question_id, entry_id, ts, value) VALUES (?,?,?,?)"


class QueryLogError(Exception):
    """The database exists but is not a query log this code can read (e.g. a newer schema)."""


def utc_now() -> str:
    """Now in UTC as stored: ``2025-01-10T08:30:00.123Z``."""
    return format_ts(datetime.now(timezone.utc))


def format_ts(moment: datetime) -> str:
    moment = moment.astimezone(timezone.utc)
    return moment.strftime("%Y-%m-%dT%H:%M:%S.") + f"{moment.microsecond // 1000:03d}Z"


def user_hash(secret: str, user_id: int) -> str:
    """The stored stand-in for a Telegram user id: HMAC-SHA256, hex, first 16 characters (64 bits)."""
    return hmac.new(secret.encode(), str(user_id).encode(), hashlib.sha256).hexdigest()[:16]


def new_question_id() -> str:
    """12 URL-safe characters (72 random bits): short enough for Telegram callback data."""
    return secrets.token_urlsafe(9)


def migrate(conn: sqlite3.Connection) -> None:
    """Bring a (sync) connection's schema to SCHEMA_VERSION; refuse a newer one."""
    version = conn.execute("PRAGMA user_version").fetchone()[0]
    if version > SCHEMA_VERSION:
        raise QueryLogError(f"query log schema version {version} is newer than this program's ({SCHEMA_VERSION})")
    for target in range(version + 1, SCHEMA_VERSION + 1):
        conn.executescript("BEGIN IMMEDIATE;" + MIGRATIONS[target - 1] + f"PRAGMA user_version = {target}; COMMIT;")


def _purge_sql(cutoff: str) -> list[tuple[str, tuple]]:
    return [
        ("DELETE FROM choices WHERE ts < ? OR question_id IN (SELECT id FROM questions WHERE ts < ?)", (cutoff, cutoff)),
        ("DELETE FROM feedback WHERE ts < ? OR question_id IN (SELECT id FROM questions WHERE ts < ?)", (cutoff, cutoff)),
        ("DELETE FROM questions WHERE ts < ?", (cutoff,)),
    ]


def purge_cutoff(older_than_days: float, now: datetime | None = None) -> str:
    now = now or datetime.now(timezone.utc)
    return format_ts(now - timedelta(days=older_than_days))


def purge_database(path: str | os.PathLike, older_than_days: float) -> dict[str, int]:
    """Delete rows older than `older_than_days` from the database at `path` (sync, for the CLI).

    Returns how many questions, choices and feedback rows went. Raises FileNotFoundError when
    there is no database at `path`.
    """
    if not Path(path).is_file():
        raise FileNotFoundError(str(path))
    conn = sqlite3.connect(str(path), timeout=5.0, isolation_level=None)
    try:
        migrate(conn)
        counts = {}
        conn.execute("BEGIN IMMEDIATE")
        for (sql, params), name in zip(_purge_sql(purge_cutoff(older_than_days)), ("choices", "feedback", "questions")):
            counts[name] = conn.execute(sql, params).rowcount
        conn.execute("COMMIT")
        return {"questions": counts["questions"], "choices": counts["choices"], "feedback": counts["feedback"]}
    finally:
        conn.close()


def _describe(exc: BaseException) -> str:
    text = str(exc) or type(exc).__name__
    return text


class QueryLog:
    """The bot's query log. Build it with ``await QueryLog.open(path, ...)``; see the module doc."""

    def __init__(
        self,
        path: str | os.PathLike,
        *,
        secret: str = "",
        batch_size: int = 100,
        flush_interval: float = 1.0,
        retention_days: int = 180,
        max_queued: int = 100_000,
        max_retry_interval: float = 10.0,
    ) -> None:
        self.path = str(path)
        self.batch_size = max(1, int(batch_size))
        self.flush_interval = float(flush_interval)
        self.retention_days = retention_days
        self.max_queued = max(1, int(max_queued))
        self.max_retry_interval = max(float(max_retry_interval), self.flush_interval)
        self._configured_secret = secret or ""
        self._secret: str = ""
        self._queue: collections.deque[tuple] = collections.deque()
        self._conn: aiosqlite.Connection | None = None
        self._inode: tuple[int, int] | None = None
        self._lock = asyncio.Lock()  # one user of the connection at a time
        self._wakeup = asyncio.Event()
        self._task: asyncio.Task | None = None
        self._closed = False
        self._closing = False
        self._inflight = 0
        # outage bookkeeping
        self.outage_since: float | None = None
        self.outage_reason: str = ""
        self.dropped = 0  # rows dropped because the queue was full, since start
        self._dropped_in_outage = 0  # … since the last successful write
        self._record_errors = 0
        self.written = 0  # rows written since start

    # ------------------------------------------------------------------ opening and closing

    @classmethod
    async def open(cls, path: str | os.PathLike, **options: Any) -> "QueryLog":
        """Open (creating if need be) the log at `path` and start its writer; `options` are those
        of the constructor (secret, batch_size, flush_interval, retention_days, …).

        Never fails because of the disk: if the database cannot be opened now, a warning is
        logged and the writer keeps trying while questions are queued. Raises QueryLogError only
        for a database written by a newer version of the bot.
        """
        self = cls(path, **options)
        try:
            Path(self.path).parent.mkdir(parents=True, exist_ok=True)
        except OSError:
            pass  # reported by the connect attempt below
        try:
            await self._connect()
        except QueryLogError:
            raise
        except Exception as exc:  # noqa: BLE001 - any disk trouble: queue and retry
            self._enter_outage(exc)
        self._task = asyncio.get_running_loop().create_task(self._writer(), name="querylog-writer")
        return self

    async def _connect(self) -> None:
        if self._conn is not None:
            return
        if not Path(self.path).parent.is_dir():
            raise FileNotFoundError(f"folder {Path(self.path).parent} does not exist")
        conn = await aiosqlite.connect(self.path, isolation_level=None, timeout=BUSY_TIMEOUT_MS / 1000)
        try:
            await conn.execute(f"PRAGMA busy_timeout = {BUSY_TIMEOUT_MS}")
            mode = await (await conn.execute("PRAGMA journal_mode = WAL")).fetchone()
            if mode and str(mode[0]).lower() != "wal":
                log.warning("query log %s: could not switch to WAL journal (got %s)", self.path, mode[0])
            await conn.execute("PRAGMA synchronous = NORMAL")
            await _migrate_async(conn)
            self._secret = self._configured_secret or await self._stored_secret(conn)
            st = os.stat(self.path)
            self._inode = (st.st_dev, st.st_ino)
        except BaseException:
            await _quiet_close(conn)
            raise
        self._conn = conn

    @staticmethod
    async def _stored_secret(conn: aiosqlite.Connection) -> str:
        row = await (await conn.execute("SELECT value FROM meta WHERE key = 'hash_secret'")).fetchone()
        if row:
            return row[0]
        fresh = secrets.token_hex(32)
        await conn.execute("INSERT OR IGNORE INTO meta (key, value) VALUES ('hash_secret', ?)", (fresh,))
        row = await (await conn.execute("SELECT value FROM meta WHERE key = 'hash_secret'")).fetchone()
        return row[0]

    async def close(self) -> None:
        """Write everything queued, stop the writer, close the database. Safe to call twice.

        If the database still cannot be written, tries for up to a few seconds and then logs how
        many rows are lost.
        """
        if self._closed:
            return
        self._closing = True
        task, self._task = self._task, None
        if task is not None:
            # let the writer finish the batch it is writing (cancelling it mid-transaction would
            # leave the connection in a transaction), then take over
            self._wakeup.set()
            try:
                await asyncio.wait_for(asyncio.shield(task), timeout=5.0)
            except asyncio.TimeoutError:
                task.cancel()
                try:
                    await task
                except (asyncio.CancelledError, Exception):  # noqa: BLE001
                    pass
            except Exception:  # noqa: BLE001
                pass
        deadline = time.monotonic() + 3.0
        while self._queue:
            if await self.flush():
                continue
            if time.monotonic() > deadline:
                break
            await asyncio.sleep(0.1)
        if self._queue:
            log.error(
                "query log %s: closing with %d rows that could not be written (%s); they are lost",
                self.path, len(self._queue), self.outage_reason,
            )
            self._queue.clear()
        self._closed = True
        async with self._lock:
            conn, self._conn = self._conn, None
            if conn is not None:
                await _quiet_close(conn)

    async def __aenter__(self) -> "QueryLog":
        return self

    async def __aexit__(self, *exc: Any) -> None:
        await self.close()

    # ------------------------------------------------------------------ recording (sync, never raises)

    @property
    def queued(self) -> int:
        """Rows not yet written (waiting, or in the write in progress)."""
        return len(self._queue) + self._inflight

    def record_question(self, *, user_id: int, chat_type: str, reply: "Reply", latency_ms: float) -> str:
        """Queue one answered question; return its id (12 characters) for buttons and feedback.

        Masks personal data; never raises, never waits.
        """
        qid = new_question_id()
        try:
            candidates = json.dumps(
                [{"id": c.id, "score": round(float(c.score), 4)} for c in (reply.candidates or ())],
                ensure_ascii=False,
            )
            choices = json.dumps([c.id for c in (reply.choices or ())], ensure_ascii=False)
            masked = mask(reply.query or "")
            self._push(
                (
                    "q",
                    qid,
                    utc_now(),
                    user_id,
                    chat_type or "",
                    masked,
                    masked if reply.normalized == reply.query else mask(reply.normalized or ""),
                    reply.status,
                    reply.entry_id,
                    round(float(reply.score or 0.0), 4),
                    candidates,
                    choices,
                    round(float(latency_ms), 3) if latency_ms is not None else None,
                    reply.knowledge_version or "",
                )
            )
        except Exception:  # noqa: BLE001 - logging must never break an answer
            self._record_failed()
        return qid

    def record_choice(self, question_id: str, entry_id: str) -> None:
        """Queue "the citizen pressed the button for `entry_id` under question `question_id`"."""
        try:
            self._push(("c", str(question_id), utc_now(), str(entry_id)))
        except Exception:  # noqa: BLE001
            self._record_failed()

    def record_feedback(self, question_id: str, entry_id: str, value: int) -> None:
        """Queue 👍 (+1) or 👎 (-1) for the answer `entry_id` given to question `question_id`."""
        try:
            value = 1 if int(value) > 0 else -1
            self._push(("f", str(question_id), str(entry_id), utc_now(), value))
        except Exception:  # noqa: BLE001
            self._record_failed()

    def _record_failed(self) -> None:
        self._record_errors += 1
        if self._record_errors == 1 or self._record_errors % 1000 == 0:
            log.exception("query log: could not queue a row (%d so far)", self._record_errors)

    def _push(self, row: tuple) -> None:
        if self._closed:
            self.dropped += 1
            if self.dropped == 1:
                log.warning("query log %s: a row was recorded after close and is dropped", self.path)
            return
        queue = self._queue
        queue.append(row)
        if len(queue) > self.max_queued:
            queue.popleft()
            self._note_drop(1)
        if len(queue) >= self.batch_size and self.outage_since is None:
            self._wakeup.set()  # in an outage the writer retries on its timer, not per row

    def _note_drop(self, n: int) -> None:
        self.dropped += n
        self._dropped_in_outage += n
        if self._dropped_in_outage == n or self._dropped_in_outage % 10_000 < n:
            log.warning(
                "query log %s: queue full (%d rows), dropping the oldest; %d dropped so far",
                self.path, self.max_queued, self._dropped_in_outage,
            )

    # ------------------------------------------------------------------ writing

    async def flush(self) -> bool:
        """Write every queued row now. True if the queue is empty afterwards; never raises."""
        async with self._lock:
            while self._queue:
                if not await self._write_one_batch():
                    return False
            return True

    async def _write_one_batch(self) -> bool:
        n = min(len(self._queue), MAX_ROWS_PER_TRANSACTION)
        batch = [self._queue.popleft() for _ in range(n)]
        self._inflight = n
        try:
            await self._check_file()
            await self._connect()
            await self._insert(batch)
        except BaseException as exc:  # noqa: BLE001 - locked / read-only / missing / full: keep the rows
            self._inflight = 0
            self._queue.extendleft(reversed(batch))
            excess = len(self._queue) - self.max_queued
            if excess > 0:
                for _ in range(excess):
                    self._queue.popleft()
                self._note_drop(excess)
            if not isinstance(exc, Exception):  # cancelled: rows are back in the queue
                raise
            if isinstance(exc, QueryLogError):
                log.error("query log %s: %s", self.path, exc)
            self._enter_outage(exc)
            await self._drop_connection_if_broken(exc)
            return False
        self._inflight = 0
        self.written += n
        self._leave_outage()
        return True

    async def _insert(self, batch: list[tuple]) -> None:
        assert self._conn is not None
        questions, choices, feedback = [], [], []
        for row in batch:
            kind = row[0]
            if kind == "q":
                (_, qid, ts, uid, chat_type, text, norm, status, entry, score, cands, chs, latency, version) = row
                questions.append(
                    (qid, ts, user_hash(self._secret, uid), chat_type, text, norm, status, entry, score, cands, chs, latency, version)
                )
            elif kind == "c":
                choices.append(row[1:])
            else:
                feedback.append(row[1:])
        conn = self._conn
        await conn.execute("BEGIN IMMEDIATE")
        try:
            if questions:
                await conn.executemany(_INSERT_QUESTION, questions)
            if choices:
                await conn.executemany(_INSERT_CHOICE, choices)
            if feedback:
                await conn.executemany(_INSERT_FEEDBACK, feedback)
            await conn.execute("COMMIT")
        except BaseException:
            try:
                await conn.execute("ROLLBACK")
            except Exception:  # noqa: BLE001 - no transaction left to roll back
                pass
            raise

    async def _check_file(self) -> None:
        """Notice a database file deleted or replaced under an open connection (writes would vanish)."""
        if self._conn is None:
            return
        try:
            st = os.stat(self.path)
            same = (st.st_dev, st.st_ino) == self._inode
        except OSError:
            same = False
        if not same:
            conn, self._conn = self._conn, None
            await _quiet_close(conn)
            if not Path(self.path).exists():
                raise FileNotFoundError(f"database file {self.path} is gone")

    async def _drop_connection_if_broken(self, exc: BaseException) -> None:
        """After errors other than a lock, reconnect next time (read-only/full/IO may have changed)."""
        if self._conn is None:
            return
        if isinstance(exc, sqlite3.OperationalError) and "locked" in str(exc).lower():
            return
        conn, self._conn = self._conn, None
        await _quiet_close(conn)

    def _enter_outage(self, exc: BaseException) -> None:
        if self.outage_since is None:
            self.outage_since = time.monotonic()
            self.outage_reason = _describe(exc)
            log.warning(
                "query log %s: cannot write (%s); the bot keeps answering, %d rows are queued and will be "
                "written when the database is writable again",
                self.path, self.outage_reason, len(self._queue),
            )

    def _leave_outage(self) -> None:
        if self.outage_since is None:
            if self._dropped_in_outage:  # a burst beyond max_queued without any write error
                log.warning("query log %s: %d rows were dropped (queue full)", self.path, self._dropped_in_outage)
                self._dropped_in_outage = 0
            return
        seconds = time.monotonic() - self.outage_since
        log.warning(
            "query log %s: writing again after %.1f s (%s)%s",
            self.path, seconds, self.outage_reason,
            f"; {self._dropped_in_outage} rows were dropped" if self._dropped_in_outage else "; no rows lost",
        )
        self.outage_since = None
        self.outage_reason = ""
        self._dropped_in_outage = 0

    @property
    def healthy(self) -> bool:
        """False while the database cannot be written."""
        return self.outage_since is None

    async def _writer(self) -> None:
        try:
            await self._write_loop()
        except asyncio.CancelledError:
            if not self._closing:
                # cancelled from outside (asyncio.run ending without close()): write what we can and
                # close the connection, whose non-daemon thread would otherwise keep the process alive
                await self._close_after_cancel()
            raise

    async def _close_after_cancel(self) -> None:
        self._closing = True
        try:
            await asyncio.wait_for(self.flush(), timeout=3.0)
        except BaseException:  # noqa: BLE001
            pass
        if self._queue:
            log.error("query log %s: stopped without close(); %d rows lost", self.path, len(self._queue))
        self._closed = True
        conn, self._conn = self._conn, None
        if conn is not None:
            await _quiet_close(conn)

    async def _write_loop(self) -> None:
        pause = self.flush_interval
        while not self._closing:
            try:
                await asyncio.wait_for(self._wakeup.wait(), timeout=pause)
            except asyncio.TimeoutError:
                pass
            self._wakeup.clear()
            if self._closing:
                return  # close() writes the rest
            try:
                ok = await self.flush()
            except asyncio.CancelledError:
                raise
            except Exception:  # noqa: BLE001 - the writer must survive anything
                log.exception("query log %s: writer error", self.path)
                ok = False
            if ok:
                pause = self.flush_interval
            else:
                pause = min(max(pause * 2, self.flush_interval), self.max_retry_interval)
                # while in outage, only retry on the timer: a full batch must not spin the loop
                self._wakeup.clear()
                await asyncio.sleep(0)

    # ------------------------------------------------------------------ retention

    async def purge(self, older_than_days: float | None = None) -> dict[str, int]:
        """Delete rows older than `older_than_days` (default: retention_days). Returns counts.

        Raises the database's error if it cannot be written (the caller logs it).
        """
        days = self.retention_days if older_than_days is None else older_than_days
        cutoff = purge_cutoff(days)
        async with self._lock:
            await self._check_file()
            await self._connect()
            conn = self._conn
            assert conn is not None
            counts: dict[str, int] = {}
            await conn.execute("BEGIN IMMEDIATE")
            try:
                for (sql, params), name in zip(_purge_sql(cutoff), ("choices", "feedback", "questions")):
                    cur = await conn.execute(sql, params)
                    counts[name] = cur.rowcount
                await conn.execute("COMMIT")
            except BaseException:
                try:
                    await conn.execute("ROLLBACK")
                except Exception:  # noqa: BLE001
                    pass
                raise
        log.info("query log %s: purged rows older than %s days: %s", self.path, days, counts)
        return counts

    async def purge_loop(self, interval: float = 86400.0, first_delay: float = 60.0) -> None:
        """Purge rows older than retention_days now (after `first_delay`) and then every `interval`.

        Run it as a task (the app: ``application.create_task(log.purge_loop())``); cancel to stop.
        Errors are logged and retried at the next round.
        """
        await asyncio.sleep(first_delay)
        while not self._closed:
            try:
                await self.purge()
            except asyncio.CancelledError:
                raise
            except Exception as exc:  # noqa: BLE001
                log.warning("query log %s: daily purge failed (%s); will retry", self.path, _describe(exc))
            await asyncio.sleep(interval)


async def _migrate_async(conn: aiosqlite.Connection) -> None:
    version = (await (await conn.execute("PRAGMA user_version")).fetchone())[0]
    if version > SCHEMA_VERSION:
        raise QueryLogError(f"query log schema version {version} is newer than this program's ({SCHEMA_VERSION})")
    for target in range(version + 1, SCHEMA_VERSION + 1):
        await conn.executescript("BEGIN IMMEDIATE;" + MIGRATIONS[target - 1] + f"PRAGMA user_version = {target}; COMMIT;")


async def _quiet_close(conn: aiosqlite.Connection) -> None:
    try:
        await conn.close()
    except Exception:  # noqa: BLE001
        pass
