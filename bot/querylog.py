"""The query log: every question, the choice a citizen picked, 👍 / 👎 — in one SQLite file.

The answer never waits on the disk. `record_question`, `record_choice`, `record_feedback` and
`record_offers` are plain synchronous calls that append a typed row (a question's text masked
first) to an in-memory queue and return; a background task hands the queue in batches (every
`flush_interval` seconds, or at once when `batch_size` rows are waiting) to an
`aiosqlite.Connection`, whose thread runs the SQLite calls. The staff's tools (`logs purge`,
`logs backup`, the review queries) use plain `sqlite3` through `connect`; both migrate the schema
with the same `migrate`.

When the database cannot be written — locked by another program, read-only, its folder gone,
the disk full — the bot keeps answering: the rows stay queued (at most `max_queued`; the oldest
are dropped beyond that, and counted), one warning is logged per outage, the writer retries with
a growing pause (capped at `max_retry_interval`) and writes everything once it can, then logs
that it recovered. `close()` writes what is queued within a deadline and says what it wrote and
what it lost. A hard kill (kill -9, power cut) loses at most the rows still queued: one
`flush_interval`, at most about one batch. SQLite's WAL journal keeps the file itself consistent.

aiosqlite's thread is made a daemon (`_daemonize`) and its close is waited for within
`close()`'s deadline: a disk that hangs can delay nothing beyond that deadline, and never keeps
the process from exiting.

Users are stored as an HMAC-SHA256 of their Telegram id keyed with `storage.hash_secret`, or,
when none is configured, with a random secret generated once and kept in the database (table
`meta`). The raw id stays in memory only, until its row is written.

Schema (version in `PRAGMA user_version`, upgraded by `MIGRATIONS` in `migrate`, the one path
every connection takes):

    questions(id, ts, user_hash, chat_type, text, normalized, status, entry_id, score,
              candidates, choices, latency_ms, knowledge_version, reason, declined)
    offers(question_id, entry_id)                    -- buttons shown under an answer reached from it
    choices(question_id, ts, entry_id)               -- a button picked after a clarify/answer
    feedback(question_id, entry_id, ts, value)       -- +1 / -1, the last vote per answer counts
    meta(key, value)                                  -- hash_secret

A question offered its answered entry (`entry_id`, for 👍/👎) and its buttons (`choices`, JSON);
`offers` adds the buttons shown later under an answer reached from it (a follow-up). Together
they are what `check_press` accepts. `reason` is the engine's (which step decided, masked);
`declined` is 1 when the reply told the citizen honestly that what was asked is not held here
(`Reply.declines`: every fallback, and an answer or clarify that says so), whatever its status.
Version 3 added it and marked the fallbacks already logged (the only replies known to have
declined); the staff's read-only tools read an older file as it is. `ts` is UTC, ISO 8601 with
milliseconds and a Z (``2025-01-10T08:30:00.123Z``): it sorts as text.
"""

from __future__ import annotations

import asyncio
import collections
import contextlib
import functools
import hashlib
import hmac
import json
import logging
import math
import os
import secrets
import sqlite3
import threading
import time
from collections.abc import AsyncIterator, Iterator
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta
from pathlib import Path
from typing import TYPE_CHECKING, Any, NamedTuple

import aiosqlite

from bot.masking import mask

if TYPE_CHECKING:  # pragma: no cover
    from bot.reply import Reply

log = logging.getLogger(__name__)

SCHEMA_VERSION = 3
# One tuple of statements per version step (no executescript: it would commit the open transaction).
MIGRATIONS: list[tuple[str, ...]] = [
    (  # 0 → 1
        "CREATE TABLE IF NOT EXISTS meta (key TEXT PRIMARY KEY, value TEXT NOT NULL)",
        """CREATE TABLE IF NOT EXISTS questions (
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
        )""",
        "CREATE INDEX IF NOT EXISTS questions_ts ON questions(ts)",
        "CREATE INDEX IF NOT EXISTS questions_status_ts ON questions(status, ts)",
        "CREATE TABLE IF NOT EXISTS choices (question_id TEXT NOT NULL, ts TEXT NOT NULL, entry_id TEXT NOT NULL)",
        "CREATE INDEX IF NOT EXISTS choices_question ON choices(question_id)",
        "CREATE INDEX IF NOT EXISTS choices_ts ON choices(ts)",
        """CREATE TABLE IF NOT EXISTS feedback (
            question_id TEXT NOT NULL,
            entry_id    TEXT NOT NULL,
            ts          TEXT NOT NULL,
            value       INTEGER NOT NULL CHECK (value IN (-1, 1)),
            PRIMARY KEY (question_id, entry_id)
        )""",
        "CREATE INDEX IF NOT EXISTS feedback_ts ON feedback(ts)",
    ),
    (  # 1 → 2: the engine's reason; follow-up buttons (so that a press can be checked)
        "ALTER TABLE questions ADD COLUMN reason TEXT NOT NULL DEFAULT ''",
        """CREATE TABLE IF NOT EXISTS offers (
            question_id TEXT NOT NULL,
            entry_id    TEXT NOT NULL,
            PRIMARY KEY (question_id, entry_id)
        ) WITHOUT ROWID""",
    ),
    (  # 2 → 3: whether the reply declined (said honestly that what was asked is not held); a
        # fallback always did, so the rows already logged are known for those, and 0 otherwise
        "ALTER TABLE questions ADD COLUMN declined INTEGER NOT NULL DEFAULT 0",
        "UPDATE questions SET declined = 1 WHERE status = 'fallback'",
    ),
]
assert len(MIGRATIONS) == SCHEMA_VERSION

BUSY_TIMEOUT_MS = 50
MAX_ROWS_PER_TRANSACTION = 5000
CLOSE_TIMEOUT = 5.0
MIN_TS = "0001-01-01T00:00:00.000Z"
MAX_TS = "9999-12-31T23:59:59.999Z"

_INSERT_QUESTION = (
    "INSERT OR IGNORE INTO questions (id, ts, user_hash, chat_type, text, normalized, status, entry_id,"
    " score, candidates, choices, latency_ms, knowledge_version, reason, declined)"
    " VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?,?,?)"
)
_INSERT_OFFER = "INSERT OR IGNORE INTO offers (question_id, entry_id) VALUES (?,?)"
_INSERT_CHOICE = "INSERT INTO choices (question_id, ts, entry_id) VALUES (?,?,?)"
_INSERT_FEEDBACK = "INSERT OR REPLACE INTO feedback (question_id, entry_id, ts, value) VALUES (?,?,?,?)"


class QueryLogError(sqlite3.DatabaseError):
    """The database exists but is not a query log this code can read (e.g. a newer schema)."""


# ---------------------------------------------------------------------------- rows in the queue


class QuestionRow(NamedTuple):
    """One question as queued; `user_id` is replaced by its hash when written."""

    id: str
    ts: str
    user_id: int
    chat_type: str
    text: str
    normalized: str
    status: str
    entry_id: str | None
    score: float
    candidates: str  # JSON [{"id", "score"}]
    choices: str  # JSON [id, …]: the buttons shown
    latency_ms: float | None
    knowledge_version: str
    reason: str
    declined: int  # 1: the reply said honestly that what was asked is not held (Reply.declines)
    offered: tuple[str, ...]  # entry_id and choices (not a column: for check_press while queued)


class ChoiceRow(NamedTuple):
    question_id: str
    ts: str
    entry_id: str


class FeedbackRow(NamedTuple):
    question_id: str
    entry_id: str
    ts: str
    value: int


class OffersRow(NamedTuple):
    """Buttons shown under an answer reached from question `question_id` (a follow-up)."""

    question_id: str
    entry_ids: tuple[str, ...]


Row = QuestionRow | ChoiceRow | FeedbackRow | OffersRow


# What `check_press` answers.
PRESS_OK = "ok"
PRESS_UNKNOWN_QUESTION = "unknown-question"  # no such question id (forged, or purged)
PRESS_NOT_YOURS = "not-yours"  # asked by someone else
PRESS_NOT_OFFERED = "not-offered"  # the question never offered that entry
PRESS_UNCHECKED = "unchecked"  # the database cannot be read just now: nothing could be checked


@dataclass(frozen=True)
class CloseResult:
    """What `QueryLog.close()` did. `lost`: rows that will never be written (queue overflow,
    recorded after close, still queued or not yet committing at the deadline). `in_doubt`: rows
    SQLite was committing when the deadline came (in the file only if that commit finished)."""

    written: int  # rows written since the log was opened
    lost: int
    in_doubt: int
    seconds: float

    def __str__(self) -> str:
        return (
            f"查询记录已关闭：写入 {self.written} 行，丢失 {self.lost} 行，未确认 {self.in_doubt} 行 / "
            f"query log closed: {self.written} rows written, {self.lost} lost, {self.in_doubt} in doubt "
            f"({self.seconds:.1f} s)"
        )


# ---------------------------------------------------------------------------- plain functions


def utc_now() -> str:
    """Now in UTC as stored: ``2025-01-10T08:30:00.123Z``."""
    return format_ts(datetime.now(UTC))


def format_ts(moment: datetime) -> str:
    """`moment` as stored; a moment beyond the calendar's ends (year 1 in another zone) is clamped."""
    try:
        moment = moment.astimezone(UTC)
    except OverflowError:
        return MIN_TS if moment.year < 5000 else MAX_TS
    return moment.strftime("%Y-%m-%dT%H:%M:%S.") + f"{moment.microsecond // 1000:03d}Z"


def user_hash(secret: str, user_id: int) -> str:
    """The stored stand-in for a Telegram user id: HMAC-SHA256, hex, first 16 characters (64 bits)."""
    return hmac.new(secret.encode(), str(user_id).encode(), hashlib.sha256).hexdigest()[:16]


def new_question_id() -> str:
    """12 URL-safe characters (72 random bits): short enough for Telegram callback data."""
    return secrets.token_urlsafe(9)


@contextlib.contextmanager
def atomic(conn: sqlite3.Connection) -> Iterator[sqlite3.Connection]:
    """One write transaction (BEGIN IMMEDIATE … COMMIT), rolled back on any error, as
    sqlite-utils' ``db.atomic()``. `conn` must be in autocommit mode (isolation_level=None)."""
    conn.execute("BEGIN IMMEDIATE")
    try:
        yield conn
        conn.execute("COMMIT")
    except BaseException:
        with contextlib.suppress(sqlite3.Error):
            conn.execute("ROLLBACK")
        raise


def migrate(conn: sqlite3.Connection) -> None:
    """Bring the schema to SCHEMA_VERSION, one transaction per step; refuse a newer one."""
    version = conn.execute("PRAGMA user_version").fetchone()[0]
    if version > SCHEMA_VERSION:
        raise QueryLogError(f"query log schema version {version} is newer than this program's ({SCHEMA_VERSION})")
    for target in range(version + 1, SCHEMA_VERSION + 1):
        with atomic(conn):
            for statement in MIGRATIONS[target - 1]:
                conn.execute(statement)
            conn.execute(f"PRAGMA user_version = {target}")


def connect(path: str | os.PathLike, *, busy_timeout_ms: int = BUSY_TIMEOUT_MS) -> sqlite3.Connection:
    """A read-write connection to the log at `path` (created if missing; its folder must exist),
    in WAL mode, migrated. The one way every writer opens the file."""
    path = str(path)
    if path != ":memory:" and not Path(path).parent.is_dir():
        raise FileNotFoundError(f"folder {Path(path).parent} does not exist")
    conn = sqlite3.connect(path, isolation_level=None, timeout=busy_timeout_ms / 1000, check_same_thread=False)
    try:
        conn.execute(f"PRAGMA busy_timeout = {int(busy_timeout_ms)}")
        mode = conn.execute("PRAGMA journal_mode = WAL").fetchone()
        if path != ":memory:" and mode and str(mode[0]).lower() != "wal":
            log.warning("query log %s: could not switch to WAL journal (got %s)", path, mode[0])
        conn.execute("PRAGMA synchronous = NORMAL")
        migrate(conn)
    except BaseException:
        conn.close()
        raise
    return conn


def offered_sql(question: str = "q", entry: str = "c.entry_id", *, follow_ups: bool = False) -> str:
    """An SQL condition, true when the entry in column `entry` was one of the buttons (`choices`)
    of the question row aliased `question`: an exact match (no LIKE, so ``%`` or ``_`` in a forged
    entry id match nothing). With `follow_ups`, the buttons under an answer reached from it
    (`offers`) count too. Arguments are SQL names written by the caller, never user input."""
    own = (
        f"EXISTS (SELECT 1 FROM json_each(CASE WHEN json_valid({question}.choices) THEN {question}.choices"
        f" ELSE '[]' END) j WHERE j.value = {entry})"
    )
    if not follow_ups:
        return own
    return f"({own} OR EXISTS (SELECT 1 FROM offers o WHERE o.question_id = {question}.id AND o.entry_id = {entry}))"


def purge_cutoff(older_than_days: float, now: datetime | None = None) -> str:
    """The stored timestamp `older_than_days` before `now`. A span reaching before year 1 keeps
    everything (the cutoff is the earliest time); a negative or non-number span is a ValueError."""
    try:
        days = float(older_than_days)
    except (TypeError, ValueError):
        raise ValueError(f"天数必须是数字 / days must be a number: {older_than_days!r}") from None
    if math.isnan(days) or days < 0:
        raise ValueError(f"天数不能为负 / days cannot be negative: {older_than_days!r}")
    now = now or datetime.now(UTC)
    try:
        return format_ts(now - timedelta(days=days))
    except OverflowError:
        return MIN_TS


# The one purge, as statements: `purge_rows` (the CLI) and `QueryLog.purge` (the bot) run these.
_PURGE: tuple[tuple[str, str], ...] = (
    ("choices", "DELETE FROM choices WHERE ts < :cutoff OR question_id IN (SELECT id FROM questions WHERE ts < :cutoff)"),
    ("feedback", "DELETE FROM feedback WHERE ts < :cutoff OR question_id IN (SELECT id FROM questions WHERE ts < :cutoff)"),
    ("offers", "DELETE FROM offers WHERE question_id IN (SELECT id FROM questions WHERE ts < :cutoff)"),
    ("questions", "DELETE FROM questions WHERE ts < :cutoff"),
)


def _purge_counts(counts: dict[str, int]) -> dict[str, int]:
    return {"questions": counts["questions"], "choices": counts["choices"], "feedback": counts["feedback"]}


def purge_rows(conn: sqlite3.Connection, cutoff: str) -> dict[str, int]:
    """Delete questions before `cutoff` with everything tied to them (and choices/feedback older
    than it) in one transaction. The one purge: the bot's daily one and `logs purge`."""
    with atomic(conn):
        counts = {name: conn.execute(sql, {"cutoff": cutoff}).rowcount for name, sql in _PURGE}
    return _purge_counts(counts)


def purge_database(path: str | os.PathLike, older_than_days: float) -> dict[str, int]:
    """Delete rows older than `older_than_days` from the database at `path` (for the CLI).

    Returns how many questions, choices and feedback rows went. FileNotFoundError when there is
    no database at `path`; ValueError for a negative span.
    """
    cutoff = purge_cutoff(older_than_days)
    if not Path(path).is_file():
        raise FileNotFoundError(str(path))
    conn = connect(path, busy_timeout_ms=5000)
    try:
        return purge_rows(conn, cutoff)
    finally:
        conn.close()


def backup_database(path: str | os.PathLike, target: str | os.PathLike) -> dict[str, Any]:
    """A consistent copy of the log at `path` in the new file `target`, safe while the bot writes.

    SQLite's online backup API copies one snapshot (a read transaction: every row committed
    before it, none after); the copy is checked with ``PRAGMA integrity_check`` before it is
    put in place (written as a temporary file beside `target`, then renamed). Returns
    {"questions", "choices", "feedback", "integrity", "bytes", "output"}.
    FileNotFoundError: no log at `path`; FileExistsError: `target` exists; QueryLogError: the
    copy failed its check (nothing is left at `target`).
    """
    source, target = Path(path), Path(target)
    if not source.is_file():
        raise FileNotFoundError(str(source))
    if target.exists():
        raise FileExistsError(f"备份文件已存在 / backup file already exists: {target}")
    if not target.parent.is_dir():
        raise FileNotFoundError(f"folder {target.parent} does not exist")
    partial = target.with_name(f".{target.name}.{secrets.token_hex(4)}.partial")
    src = sqlite3.connect(f"{source.resolve().as_uri()}?mode=ro", uri=True, timeout=5.0)
    try:
        dst = sqlite3.connect(str(partial))
        try:
            src.backup(dst)  # all pages in one step: one snapshot
            dst.execute("PRAGMA journal_mode = DELETE")  # one self-contained file
            integrity = dst.execute("PRAGMA integrity_check").fetchone()[0]
            counts = {t: dst.execute(f"SELECT count(*) FROM {t}").fetchone()[0] for t in ("questions", "choices", "feedback")}
        finally:
            dst.close()
        if integrity != "ok":
            raise QueryLogError(f"备份未通过完整性检查 / the copy failed integrity_check: {integrity}")
        if target.exists():  # appeared while we copied: do not overwrite it
            raise FileExistsError(f"备份文件已存在 / backup file already exists: {target}")
        os.replace(partial, target)
    finally:
        src.close()
        with contextlib.suppress(OSError):
            partial.unlink()
    return {**counts, "integrity": integrity, "bytes": target.stat().st_size, "output": str(target)}


def _describe(exc: BaseException) -> str:
    return str(exc) or type(exc).__name__


# ---------------------------------------------------------------------------- the aiosqlite side


def prepare(rows: list[Row], secret: str) -> list[tuple[str, list]]:
    """The INSERT statements and their parameters for `rows`, users hashed with `secret`."""
    questions: list[tuple] = []
    offers: list[tuple[str, str]] = []
    choices: list[ChoiceRow] = []
    feedback: list[Row] = []
    for row in rows:
        if isinstance(row, QuestionRow):
            questions.append((row.id, row.ts, user_hash(secret, row.user_id), row.chat_type, row.text,
                              row.normalized, row.status, row.entry_id, row.score, row.candidates,
                              row.choices, row.latency_ms, row.knowledge_version, row.reason, row.declined))
        elif isinstance(row, OffersRow):
            offers.extend((row.question_id, e) for e in row.entry_ids)
        elif isinstance(row, ChoiceRow):
            choices.append(row)
        else:
            feedback.append(row)
    return [(sql, params) for sql, params in ((_INSERT_QUESTION, questions), (_INSERT_OFFER, offers),
                                              (_INSERT_CHOICE, choices), (_INSERT_FEEDBACK, feedback)) if params]


def _open_sqlite(path: str) -> sqlite3.Connection:
    """aiosqlite's connector (run in its thread): `connect` — so the bot migrates exactly as the
    tools do — plus ``same_file()``, true while `path` is still the file we opened. SQLite in WAL
    mode goes on writing into a file deleted or replaced under it: those rows would be lost."""
    conn = connect(path)
    try:
        opened = None if path == ":memory:" else _file_id(path)

        def same_file() -> int:
            return int(opened is None or _file_id(path) == opened)

        conn.create_function("same_file", 0, same_file)
    except BaseException:
        conn.close()
        raise
    return conn


def _file_id(path: str) -> tuple[int, int] | None:
    try:
        st = os.stat(path)
    except OSError:
        return None
    return (st.st_dev, st.st_ino)


def _daemonize(db: aiosqlite.Connection, name: str) -> None:
    """Make aiosqlite's thread a daemon, before it starts: aiosqlite's is not, and a call stuck
    in the disk (a close under load) then kept the process from exiting for good. aiosqlite 0.22
    creates an unstarted `Thread` as `db._thread` (started on the first await); before 0.22 the
    Connection is itself the Thread. pyproject.toml bounds the version to these shapes, and
    tests/test_querylog.py fails if opening the log starts a thread that is not a daemon."""
    thread = db if isinstance(db, threading.Thread) else getattr(db, "_thread", None)
    if not isinstance(thread, threading.Thread) or thread.is_alive():
        log.warning("query log: aiosqlite %s has no thread we know; a disk that hangs may delay exit",
                    getattr(aiosqlite, "__version__", "?"))
        return
    thread.daemon = True
    thread.name = name
    run = thread.run

    def run_until_the_loop_is_gone() -> None:
        # A call abandoned at close()'s deadline may finish after the event loop has closed;
        # handing its result back then raises, and nobody is waiting for it: end quietly.
        try:
            run()
        except RuntimeError as exc:
            if "Event loop is closed" not in str(exc):
                raise

    thread.run = run_until_the_loop_is_gone  # type: ignore[method-assign]


async def _close_within(db: aiosqlite.Connection, timeout: float) -> None:
    """aiosqlite's close(), waited for at most `timeout` seconds. Past it, the close is abandoned:
    its thread (a daemon) finishes it whenever the disk answers. aiosqlite's close() awaits again
    in its `finally`, so cancelling it takes more than one cancel (asyncio.run's shutdown cancels
    once and would then wait for it for ever)."""
    closing = asyncio.ensure_future(db.close())
    with contextlib.suppress(asyncio.TimeoutError, Exception):
        await asyncio.wait_for(asyncio.shield(closing), timeout=max(0.0, timeout))
    for _ in range(5):
        if closing.done():
            break
        closing.cancel()
        await asyncio.sleep(0)
    if closing.done() and not closing.cancelled():
        closing.exception()  # retrieved: the close error was the disk's, already reported


@contextlib.asynccontextmanager
async def _atomic_async(db: aiosqlite.Connection) -> AsyncIterator[aiosqlite.Connection]:
    """`atomic` for the aiosqlite connection. BEGIN is inside the try: if waiting for it is
    cancelled, BEGIN still runs in aiosqlite's thread, and the ROLLBACK queued behind it ends it."""
    try:
        await db.execute("BEGIN IMMEDIATE")
        yield db
        await db.execute("COMMIT")
    except BaseException:
        with contextlib.suppress(Exception):
            await db.execute("ROLLBACK")
        raise


# Whether the file is still ours, who asked question :q, whether :e was offered under it: one read.
_ASKED = (
    "SELECT same_file(), q.user_hash, q.entry_id IS :e OR "
    + offered_sql("q", ":e", follow_ups=True)
    + " FROM (SELECT 1) LEFT JOIN questions q ON q.id = :q"
)


# ---------------------------------------------------------------------------- the log


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
        self._secret = ""  # the configured one, or the database's own: known once connected
        self._db: aiosqlite.Connection | None = None
        self._queue: collections.deque[Row] = collections.deque()
        self._inflight: list[list[Row]] = []  # batches being written, not yet settled
        self._committing: list[list[Row]] = []  # … of them, those whose COMMIT has been sent
        self._lock = asyncio.Lock()  # one batch at a time, in order
        # one transaction at a time on the connection: held by the write itself, which goes on
        # when its waiter gives up (a deadline), so that the next BEGIN waits for its COMMIT
        self._tx_lock = asyncio.Lock()
        self._wakeup = asyncio.Event()
        self._task: asyncio.Task | None = None
        self._closing = False
        self._closed = False
        self._close_task: asyncio.Task | None = None
        self._close_result: CloseResult | None = None
        self._opened_at = time.monotonic()
        # outage bookkeeping
        self.outage_since: float | None = None
        self.outage_reason: str = ""
        self.dropped = 0  # rows dropped (queue full, recorded after close), since start
        self._dropped_in_outage = 0  # … since the last successful write
        self._record_errors = 0
        self.written = 0  # rows written since start

    # ------------------------------------------------------------------ opening and closing

    @classmethod
    async def open(cls, path: str | os.PathLike, **options: Any) -> QueryLog:
        """Open (creating if need be) the log at `path` and start its writer; `options` are those
        of the constructor (secret, batch_size, flush_interval, retention_days, …).

        Never fails because of the disk: if the database cannot be opened now, a warning is
        logged and the writer keeps trying while questions are queued. Raises QueryLogError only
        for a database written by a newer version of the bot.
        """
        self = cls(path, **options)
        if self.path != ":memory:":
            with contextlib.suppress(OSError):  # reported by the connect attempt below
                Path(self.path).parent.mkdir(parents=True, exist_ok=True)
        try:
            await self._connect()
        except QueryLogError:
            raise
        except Exception as exc:  # noqa: BLE001 - any disk trouble: queue and retry
            self._enter_outage(exc)
        self._task = asyncio.get_running_loop().create_task(self._writer(), name="querylog-writer")
        return self

    async def close(self, timeout: float = CLOSE_TIMEOUT) -> CloseResult:
        """Write what is queued, stop the writer, close the database (and aiosqlite's thread).

        Returns within about `timeout` seconds whatever the disk does. Idempotent: a second call
        (also while the first runs, e.g. on a second signal) returns the same result, waiting at
        most its own `timeout` for the first; if that runs out, it returns what is known then
        (rows not yet written counted as lost or in doubt) and the first call goes on.
        Logs one line: info when nothing was lost, error otherwise.
        """
        if self._close_result is not None:
            return self._close_result
        if self._close_task is None:
            self._close_task = asyncio.get_running_loop().create_task(self._shut(timeout), name="querylog-close")
        try:
            return await asyncio.wait_for(asyncio.shield(self._close_task), timeout=max(timeout, 0.01) + 0.5)
        except TimeoutError:
            return self._snapshot()

    def _snapshot(self) -> CloseResult:
        in_doubt = self._rows_committing()
        unsent = sum(len(b) for b in self._inflight) - in_doubt
        return CloseResult(written=self.written, lost=self.dropped + len(self._queue) + unsent, in_doubt=in_doubt,
                           seconds=0.0)

    def _rows_committing(self) -> int:
        return sum(len(b) for b in self._inflight if any(b is c for c in self._committing))

    async def _shut(self, timeout: float) -> CloseResult:
        started = time.monotonic()
        deadline = started + max(0.0, timeout)
        self._closing = True
        task, self._task = self._task, None
        if task is not None and task is not asyncio.current_task():
            self._wakeup.set()  # the writer returns after the batch it is writing
            with contextlib.suppress(asyncio.TimeoutError, asyncio.CancelledError, Exception):
                await asyncio.wait_for(asyncio.shield(task), timeout=max(0.0, deadline - time.monotonic()))
            if not task.done():
                task.cancel()  # its batch stays accounted for: settled when its write ends
        while self._queue and time.monotonic() < deadline:
            try:
                ok = await asyncio.wait_for(self.flush(), timeout=max(0.01, deadline - time.monotonic()))
            except TimeoutError:
                break
            if not ok:
                await asyncio.sleep(min(0.1, max(0.0, deadline - time.monotonic())))
        self._closed = True
        left = len(self._queue)
        self._queue.clear()
        # a batch whose COMMIT was not sent yet is lost: the connection closes under it. One whose
        # COMMIT was sent is in doubt: in the file if SQLite finishes it.
        for batch in [b for b in self._inflight if not any(b is c for c in self._committing)]:
            self._inflight.remove(batch)
            left += len(batch)
        self.dropped += left
        result = CloseResult(written=self.written, lost=self.dropped, in_doubt=self._rows_committing(),
                             seconds=time.monotonic() - started)
        db, self._db = self._db, None
        if db is not None:
            await _close_within(db, max(0.05, deadline - time.monotonic()))
        if result.lost or result.in_doubt:
            log.error("%s: %s%s", self.path, result, f" ({self.outage_reason})" if self.outage_reason else "")
        else:
            log.info("%s: %s", self.path, result)
        self._close_result = result
        return result

    async def __aenter__(self) -> QueryLog:
        return self

    async def __aexit__(self, *exc: Any) -> None:
        await self.close()

    # ------------------------------------------------------------------ recording (sync, never raises)

    @property
    def queued(self) -> int:
        """Rows not yet written (waiting, or in the write in progress)."""
        return len(self._queue) + sum(len(b) for b in self._inflight)

    def record_question(self, *, user_id: int, chat_type: str, reply: Reply, latency_ms: float) -> str:
        """Queue one answered question; return its id (12 characters) for buttons and feedback.

        Masks personal data; never raises, never waits.
        """
        qid = new_question_id()
        try:
            choices = [c.id for c in (reply.choices or ())]
            masked = mask(reply.query or "")
            self._push(QuestionRow(
                id=qid,
                ts=utc_now(),
                user_id=int(user_id),
                chat_type=chat_type or "",
                text=masked,
                normalized=masked if reply.normalized == reply.query else mask(reply.normalized or ""),
                status=reply.status,
                entry_id=reply.entry_id,
                score=round(float(reply.score or 0.0), 4),
                candidates=json.dumps(
                    [{"id": c.id, "score": round(float(c.score), 4)} for c in (reply.candidates or ())],
                    ensure_ascii=False,
                ),
                choices=json.dumps(choices, ensure_ascii=False),
                latency_ms=round(float(latency_ms), 3) if latency_ms is not None else None,
                knowledge_version=reply.knowledge_version or "",
                reason=mask(str(getattr(reply, "reason", "") or "")),
                declined=int(bool(getattr(reply, "declines", reply.status == "fallback"))),
                offered=tuple(dict.fromkeys(([reply.entry_id] if reply.entry_id else []) + choices)),
            ))
        except Exception:  # noqa: BLE001 - logging must never break an answer
            self._record_failed()
        return qid

    def record_offers(self, question_id: str, entry_ids: list[str] | tuple[str, ...]) -> None:
        """Queue "under question `question_id`, buttons for `entry_ids` were shown" — for an
        answer reached from it (a clarify choice, a follow-up): its entry (👍/👎) and its related
        entries. What makes a later press of them pass `check_press`."""
        try:
            ids = tuple(dict.fromkeys(str(e) for e in entry_ids if e))
            if ids:
                self._push(OffersRow(str(question_id), ids))
        except Exception:  # noqa: BLE001
            self._record_failed()

    def record_choice(self, question_id: str, entry_id: str) -> None:
        """Queue "the citizen pressed the button for `entry_id` under question `question_id`"."""
        try:
            self._push(ChoiceRow(str(question_id), utc_now(), str(entry_id)))
        except Exception:  # noqa: BLE001
            self._record_failed()

    def record_feedback(self, question_id: str, entry_id: str, value: int) -> None:
        """Queue 👍 (+1) or 👎 (-1) for the answer `entry_id` given to question `question_id`."""
        try:
            self._push(FeedbackRow(str(question_id), str(entry_id), utc_now(), 1 if int(value) > 0 else -1))
        except Exception:  # noqa: BLE001
            self._record_failed()

    def _record_failed(self) -> None:
        self._record_errors += 1
        if self._record_errors == 1 or self._record_errors % 1000 == 0:
            log.exception("query log: could not queue a row (%d so far)", self._record_errors)

    def _push(self, row: Row) -> None:
        if self._closed:
            self.dropped += 1
            if self.dropped == 1:
                log.warning("query log %s: a row was recorded after close and is dropped", self.path)
            return
        queue_ = self._queue
        queue_.append(row)
        if len(queue_) > self.max_queued:
            queue_.popleft()
            self._note_drop(1)
        if len(queue_) >= self.batch_size and self.outage_since is None:
            self._wakeup.set()  # in an outage the writer retries on its timer, not per row

    def _note_drop(self, n: int) -> None:
        self.dropped += n
        self._dropped_in_outage += n
        if self._dropped_in_outage == n or self._dropped_in_outage % 10_000 < n:
            log.warning(
                "query log %s: queue full (%d rows), dropping the oldest; %d dropped so far",
                self.path, self.max_queued, self._dropped_in_outage,
            )

    # ------------------------------------------------------------------ checking a button press

    async def check_press(self, question_id: str, user_id: int, entry_id: str) -> str:
        """Whether a button press may be believed: PRESS_OK when question `question_id` exists
        (written or still queued), was asked by `user_id`, and offered `entry_id` (under the
        question itself or under an answer reached from it, see `record_offers`). Otherwise
        PRESS_UNKNOWN_QUESTION, PRESS_NOT_YOURS or PRESS_NOT_OFFERED; PRESS_UNCHECKED when the
        database cannot be read now (an outage) and the queue does not hold the question.
        Never raises. Costs a scan of the unwritten rows (about 100 normally) and one small
        indexed read in aiosqlite's thread.
        """
        question_id, entry_id = str(question_id or ""), str(entry_id or "")
        asker: int | None = None
        offered = False
        for row in self._unwritten():
            if isinstance(row, QuestionRow) and row.id == question_id:
                asker = row.user_id
                offered = offered or entry_id in row.offered
            elif isinstance(row, OffersRow) and row.question_id == question_id:
                offered = offered or entry_id in row.entry_ids
        if asker is not None and (asker != user_id or offered):
            return PRESS_OK if asker == user_id else PRESS_NOT_YOURS
        db = self._db
        if db is None or self._closed:
            return PRESS_UNCHECKED if asker is None else PRESS_NOT_OFFERED
        try:
            # queued in aiosqlite's thread behind any batch being written: what that batch holds is seen
            ((same_file, stored_hash, stored_offer),) = await db.execute_fetchall(
                _ASKED, {"q": question_id, "e": entry_id})
            if not same_file:
                raise FileNotFoundError(self.path)
        except Exception:  # noqa: BLE001 - cannot read now
            return PRESS_UNCHECKED if asker is None else (PRESS_OK if offered else PRESS_NOT_OFFERED)
        offered = offered or bool(stored_offer)
        if asker is None:
            if stored_hash is None:
                return PRESS_UNKNOWN_QUESTION
            if stored_hash != user_hash(self._secret, user_id):
                return PRESS_NOT_YOURS
        return PRESS_OK if offered else PRESS_NOT_OFFERED

    def _unwritten(self) -> Iterator[Row]:
        for batch in list(self._inflight):
            yield from batch
        yield from list(self._queue)

    # ------------------------------------------------------------------ writing

    async def flush(self) -> bool:
        """Write every queued row now. True if the queue is empty afterwards; never raises."""
        async with self._lock:
            while self._queue:
                if not await self._write_one_batch():
                    return False
            return not self._inflight

    async def _write_one_batch(self) -> bool:
        n = min(len(self._queue), MAX_ROWS_PER_TRANSACTION)
        batch = [self._queue.popleft() for _ in range(n)]
        self._inflight.append(batch)
        writing = asyncio.ensure_future(self._write(batch))
        # settled when the write ends, whoever still waits: a cancelled wait (a deadline)
        # neither loses the batch nor writes it twice
        writing.add_done_callback(functools.partial(self._settled, batch))
        try:
            await asyncio.shield(writing)
        except asyncio.CancelledError:
            raise
        except Exception:  # noqa: BLE001 - reported by _settled
            return False
        return True

    async def _write(self, batch: list[Row]) -> None:
        """`batch` in one transaction. The rows are prepared here on the loop: aiosqlite's thread
        only runs SQLite (which releases the GIL), so it does not hold the GIL against the loop."""
        async with self._tx_lock:
            try:
                db = await self._connection()
                async with _atomic_async(db):
                    for sql, params in prepare(batch, self._secret):
                        await db.executemany(sql, params)
                    self._committing.append(batch)  # COMMIT goes next, whoever waits for it
            except sqlite3.OperationalError as exc:
                if "locked" not in str(exc).lower():  # read-only / full / I/O: reconnect next time
                    await self._disconnect()
                raise
            except sqlite3.Error:
                await self._disconnect()
                raise

    async def _connect(self) -> None:
        """Open the aiosqlite connection: `connect` (migrating) runs in its thread."""
        db = aiosqlite.Connection(functools.partial(_open_sqlite, self.path), 64)
        _daemonize(db, f"querylog-sqlite {Path(self.path).name}")
        await db
        try:
            secret = self._configured_secret
            if not secret:  # generated once, kept in the database (INSERT OR IGNORE: the first one stays)
                await db.execute("INSERT OR IGNORE INTO meta (key, value) VALUES ('hash_secret', ?)",
                                 (secrets.token_hex(32),))
                ((secret,),) = await db.execute_fetchall("SELECT value FROM meta WHERE key = 'hash_secret'")
            if self._closed:  # close() came while we connected: this connection is nobody's
                raise QueryLogError("query log is closed")
        except BaseException:
            await _close_within(db, 1.0)
            raise
        self._secret, self._db = secret, db

    async def _connection(self) -> aiosqlite.Connection:
        """The open connection; a new one after an error, or when the file was deleted or
        replaced under it (our writes would vanish into the old file). Under `_tx_lock`."""
        if self._db is not None:
            ((same_file,),) = await self._db.execute_fetchall("SELECT same_file()")
            if same_file:
                return self._db
            await self._disconnect()
        await self._connect()
        assert self._db is not None
        return self._db

    async def _disconnect(self) -> None:
        db, self._db = self._db, None
        if db is not None:
            await _close_within(db, 1.0)

    def _settled(self, batch: list[Row], future: asyncio.Future) -> None:
        # read first, always: a write close() gave up on still ends, often in "database is locked",
        # and an error nobody retrieves is printed as a traceback at exit
        exc = None if future.cancelled() else future.exception()
        try:
            self._inflight.remove(batch)
        except ValueError:
            return  # given up by close(), and counted as lost then
        self._committing = [b for b in self._committing if b is not batch]
        if exc is None and not future.cancelled():
            self.written += len(batch)
            self._leave_outage()
            return
        # locked / read-only / missing / full: the rows go back to the front of the queue
        if self._closed:
            self.dropped += len(batch)
            return
        self._queue.extendleft(reversed(batch))
        excess = len(self._queue) - self.max_queued
        if excess > 0:
            for _ in range(excess):
                self._queue.popleft()
            self._note_drop(excess)
        if isinstance(exc, QueryLogError):
            log.error("query log %s: %s", self.path, exc)
        self._enter_outage(exc or RuntimeError("write cancelled"))

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
                # cancelled from outside (asyncio.run ending without close()): write what we can
                # and close the connection, so nothing is left behind
                await self._shut(3.0)
            raise

    async def _write_loop(self) -> None:
        pause = self.flush_interval
        while not self._closing:
            with contextlib.suppress(asyncio.TimeoutError):
                await asyncio.wait_for(self._wakeup.wait(), timeout=pause)
            self._wakeup.clear()
            if self._closing:
                return  # close() writes the rest
            try:
                ok = await self.flush()
            except asyncio.CancelledError:
                raise
            except Exception:
                log.exception("query log %s: writer error", self.path)
                ok = False
            if ok:
                pause = self.flush_interval
            else:
                pause = min(max(pause * 2, self.flush_interval), self.max_retry_interval)
                # while in outage, only retry on the timer: a full batch must not spin the loop
                self._wakeup.clear()

    # ------------------------------------------------------------------ retention

    async def purge(self, older_than_days: float | None = None) -> dict[str, int]:
        """Delete rows older than `older_than_days` (default: retention_days). Returns counts.

        Raises the database's error if it cannot be written (the caller logs it).
        """
        days = self.retention_days if older_than_days is None else older_than_days
        cutoff = purge_cutoff(days)
        if self._closed:
            raise QueryLogError("query log is closed")
        async with self._lock, self._tx_lock:
            db = await self._connection()
            counts: dict[str, int] = {}
            async with _atomic_async(db):
                for name, sql in _PURGE:
                    counts[name] = (await db.execute(sql, {"cutoff": cutoff})).rowcount
            counts = _purge_counts(counts)
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
