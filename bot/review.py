"""What staff read from the query log: summary, 👎 answers, unanswered groups, suggestions, export.

Plain synchronous functions over a database path that return data (the dataclasses below); how
it looks is elsewhere: the terminal in `bot.logs_render`, Telegram in `handlers.admin_texts`.
Each call opens its own read-only connection (`reading`): the CLI needs no event loop, and the
bot runs these in a worker thread. Being read-only, they never migrate: a log the bot has not
upgraded yet (schema 1 or 2) is read as it is, a missing `reason` read as '' and a missing
`declined` as "a fallback" (the only replies known to have declined; see `question_columns`).

Days are counted in China Standard Time (UTC+8, no daylight saving): ``--since 2025-01-10``
means from 00:00 Beijing time on that day; ``--until`` includes its whole day. The log itself
stores UTC.
"""

from __future__ import annotations

import collections
import contextlib
import csv
import dataclasses
import itertools
import json
import re
import sqlite3
import sys
import unicodedata
from collections.abc import Generator, Iterable, Iterator, Mapping
from dataclasses import dataclass, field
from datetime import date, datetime, timedelta, timezone
from pathlib import Path
from typing import IO, Any

from rapidfuzz import fuzz, process

from bot.querylog import SCHEMA_VERSION, format_ts, offered_sql

LOCAL_TZ = timezone(timedelta(hours=8), "CST")
STATUS_ORDER = ("answer", "clarify", "fallback", "emergency", "smalltalk")
GROUP_THRESHOLD = 60.0  # fuzz.ratio on the normalised text, 0..100
# …or this much when the engine's closest entry is the same for both (驾照扣分怎么查 / 驾驶证扣分在哪查)
RELATED_THRESHOLD = 45.0
# Clustering compares a wording only with the groups most likely to take it (sharing most of its
# character pairs, or its closest entry), so 2,000 long unique wordings cost seconds, not half a
# minute (benchmarks/bench_review.py).
MAX_COMPARED = 40
MAX_POSTINGS = 3000
MIN_SUGGESTION_USERS = 2


class NoQueryLog(FileNotFoundError):
    """There is no query log database at the path (the bot has not logged anything yet)."""

    def __init__(self, path: str | Path) -> None:
        self.path = str(Path(path).absolute())
        super().__init__(f"no query log yet at {self.path}")


# ---------------------------------------------------------------------------- what the calls return


@dataclass(frozen=True)
class Day:
    date: str
    total: int = 0
    answer: int = 0
    clarify: int = 0
    fallback: int = 0
    emergency: int = 0
    smalltalk: int = 0


@dataclass(frozen=True)
class EntryUse:
    entry_id: str
    total: int
    answered: int
    chosen: int
    up: int
    down: int


@dataclass(frozen=True)
class EntryFeedback:
    entry_id: str
    up: int
    down: int


@dataclass(frozen=True)
class Downvoted:
    """A question whose answer (`entry_id`) got 👎: `count` votes from `users` people."""

    question: str
    entry_id: str
    count: int
    users: int
    last_seen: str


@dataclass(frozen=True)
class Summary:
    since: str | None
    until: str | None
    timezone: str
    total: int
    users: int
    by_status: dict[str, int]
    shares: dict[str, float]
    declined: int  # replies that said honestly what was asked is not held (every fallback among them)
    per_day: list[Day]
    top_entries: list[EntryUse]
    feedback: list[EntryFeedback]
    downvoted: list[Downvoted]
    latency_ms: dict[str, float | None]

    def to_json(self) -> dict:
        return dataclasses.asdict(self)


@dataclass(frozen=True)
class UnansweredGroup:
    """Similar questions the bot did not answer: `count` = `fallback` + `clarify` + `declined_answer`,
    the last being those answered by an entry that itself says what was asked is not held here
    (`declines: true`, e.g. the province's own rule)."""

    count: int
    fallback: int
    clarify: int
    declined_answer: int
    examples: list[str]
    variants: int
    near_entries: list[str]
    first_seen: str
    last_seen: str


@dataclass(frozen=True)
class Suggestion:
    """A wording `users` people confirmed for `entry_id` (picked it after a clarify, or 👍)."""

    entry_id: str
    question: str
    users: int
    choices: int
    thumbs_up: int


# ---------------------------------------------------------------------------- helpers


def connect_ro(db_path: str | Path) -> sqlite3.Connection:
    """A read-only connection; NoQueryLog if the file is missing or holds no log."""
    path = Path(db_path)
    if not path.is_file():
        raise NoQueryLog(path)
    conn = sqlite3.connect(f"{path.resolve().as_uri()}?mode=ro", uri=True, timeout=5.0)
    try:
        version = conn.execute("PRAGMA user_version").fetchone()[0]
        if version == 0:
            raise NoQueryLog(path)
        if version > SCHEMA_VERSION:
            raise sqlite3.DatabaseError(f"{path}: query log schema {version} is newer than this program ({SCHEMA_VERSION})")
    except BaseException:
        conn.close()
        raise
    return conn


def question_columns(conn: sqlite3.Connection) -> dict[str, str]:
    """SQL for the `questions` columns an older schema lacks, on the table aliased `q`: the column
    itself, or what stands for it in a log not yet upgraded (read-only, so never migrated here):
    no `reason` is '', no `declined` is "the reply was a fallback" (a fallback always declines)."""
    have = {row[1] for row in conn.execute("PRAGMA table_info(questions)")}
    return {
        "reason": "q.reason" if "reason" in have else "''",
        "declined": "q.declined" if "declined" in have else "(q.status = 'fallback')",
    }


@contextlib.contextmanager
def reading(db_path: str | Path) -> Iterator[sqlite3.Connection]:
    """`with reading(path) as conn:` a read-only connection, closed whatever happens."""
    conn = connect_ro(db_path)
    try:
        yield conn
    finally:
        conn.close()


def _to_date(value: Any) -> date | None:
    if value is None or value == "":
        return None
    if isinstance(value, datetime):
        return value.astimezone(LOCAL_TZ).date() if value.tzinfo else value.date()
    if isinstance(value, date):
        return value
    text = str(value).strip()
    try:
        return date.fromisoformat(text)
    except ValueError:
        raise ValueError(f"不是日期 / not a date (YYYY-MM-DD): {value!r}") from None


def day_start_utc(day: date) -> str:
    """The stored timestamp of 00:00 Beijing time on `day`."""
    return format_ts(datetime(day.year, day.month, day.day, tzinfo=LOCAL_TZ))


def bounds(since: Any = None, until: Any = None) -> tuple[str | None, str | None]:
    """(ts >= lo, ts < hi) for local days `since` .. `until` inclusive; None where open."""
    s, u = _to_date(since), _to_date(until)
    lo = day_start_utc(s) if s else None
    # The day after the last one, or no upper bound past the calendar's end (--until 9999-12-31).
    hi = day_start_utc(u + timedelta(days=1)) if u and u < date.max else None
    return lo, hi


def _where(lo: str | None, hi: str | None, column: str = "ts", extra: str = "") -> tuple[str, list]:
    parts, params = [], []
    if lo:
        parts.append(f"{column} >= ?")
        params.append(lo)
    if hi:
        parts.append(f"{column} < ?")
        params.append(hi)
    if extra:
        parts.append(extra)
    return (" WHERE " + " AND ".join(parts)) if parts else "", params


def local_today() -> date:
    return datetime.now(LOCAL_TZ).date()


def beijing_time(ts: str) -> str:
    """A stored UTC time (``2025-01-10T01:00:00.000Z``) as Beijing time, ISO 8601 with +08:00."""
    if not ts:
        return ""
    moment = datetime.fromisoformat(ts.replace("Z", "+00:00")).astimezone(LOCAL_TZ)
    return moment.isoformat(timespec="milliseconds")


def _local_day_sql(column: str = "ts") -> str:
    return f"date({column}, '+8 hours')"


_STRIP = re.compile(r"[\W_]+", re.UNICODE)


def _plain(text: str) -> str:
    """Comparison key: no spaces or punctuation, case-folded."""
    return _STRIP.sub("", unicodedata.normalize("NFKC", text or "")).casefold()


# ---------------------------------------------------------------------------- summary


def summary(db_path: str | Path, since: Any = None, until: Any = None, top: int = 10) -> Summary:
    """Questions per day, share of each status, top entries, 👍/👎 per entry and the 👎 questions."""
    lo, hi = bounds(since, until)
    with reading(db_path) as conn:
        where, params = _where(lo, hi)
        by_status = dict.fromkeys(STATUS_ORDER, 0)
        per_day: dict[str, collections.Counter] = {}
        for day, status, n in conn.execute(
            f"SELECT {_local_day_sql()} AS day, status, count(*) FROM questions{where} GROUP BY day, status ORDER BY day",
            params,
        ):
            per_day.setdefault(day, collections.Counter())[status] += n
            by_status[status] = by_status.get(status, 0) + n
        total = sum(by_status.values())
        users = conn.execute(f"SELECT count(DISTINCT user_hash) FROM questions{where}", params).fetchone()[0]
        w, p = _where(lo, hi, column="q.ts", extra=question_columns(conn)["declined"])
        declined = conn.execute(f"SELECT count(*) FROM questions q{w}", p).fetchone()[0]
        latencies = [
            r[0] for r in conn.execute(f"SELECT latency_ms FROM questions{where} ORDER BY latency_ms", params) if r[0] is not None
        ]
        uses = _entry_uses(conn, lo, hi)
        downvoted = _downvoted(conn, lo, hi)
    top_entries = sorted((e for e in uses if e.total), key=lambda e: (-e.total, -e.up, e.entry_id))[:top]
    feedback = sorted((e for e in uses if e.up or e.down), key=lambda e: (-e.down, -e.up, e.entry_id))
    return Summary(
        since=str(_to_date(since)) if since else None,
        until=str(_to_date(until)) if until else None,
        timezone="UTC+8",
        total=total,
        users=users,
        by_status=by_status,
        shares={k: (round(v / total, 4) if total else 0.0) for k, v in by_status.items()},
        declined=declined,
        per_day=[Day(date=day, total=sum(c.values()), **{s: c.get(s, 0) for s in STATUS_ORDER}) for day, c in per_day.items()],
        top_entries=top_entries,
        feedback=[EntryFeedback(e.entry_id, e.up, e.down) for e in feedback],
        downvoted=downvoted[:top],
        latency_ms={"p50": _percentile(latencies, 0.50), "p95": _percentile(latencies, 0.95)},
    )


def _entry_uses(conn: sqlite3.Connection, lo: str | None, hi: str | None) -> list[EntryUse]:
    counts: dict[str, collections.Counter] = collections.defaultdict(collections.Counter)
    w, p = _where(lo, hi, extra="status = 'answer' AND entry_id IS NOT NULL")
    for eid, n in conn.execute(f"SELECT entry_id, count(*) FROM questions{w} GROUP BY entry_id", p):
        counts[eid]["answered"] = n
    w, p = _where(lo, hi)
    for eid, n in conn.execute(f"SELECT entry_id, count(*) FROM choices{w} GROUP BY entry_id", p):
        counts[eid]["chosen"] = n
    for eid, up, down in conn.execute(f"SELECT entry_id, sum(value > 0), sum(value < 0) FROM feedback{w} GROUP BY entry_id", p):
        counts[eid]["up"], counts[eid]["down"] = up or 0, down or 0
    return [
        EntryUse(eid, c["answered"] + c["chosen"], c["answered"], c["chosen"], c["up"], c["down"])
        for eid, c in counts.items()
    ]


def _downvoted(conn: sqlite3.Connection, lo: str | None, hi: str | None) -> list[Downvoted]:
    w, p = _where(lo, hi, column="f.ts", extra="f.value < 0")
    rows = conn.execute(
        "SELECT q.text, f.entry_id, count(*), count(DISTINCT q.user_hash), max(f.ts)"
        f" FROM feedback f JOIN questions q ON q.id = f.question_id{w} GROUP BY q.text, f.entry_id",
        p,
    ).fetchall()
    out = [Downvoted(text or "", eid, n, users, last) for text, eid, n, users, last in rows]
    return sorted(out, key=lambda d: (-d.count, -d.users, d.entry_id, d.question))


def downvoted(db_path: str | Path, since: Any = None, until: Any = None) -> list[Downvoted]:
    """Every question whose answer got 👎, most 👎 first: the answers to look at first."""
    lo, hi = bounds(since, until)
    with reading(db_path) as conn:
        return _downvoted(conn, lo, hi)


def _percentile(sorted_values: list[float], q: float) -> float | None:
    if not sorted_values:
        return None
    i = min(len(sorted_values) - 1, max(0, round(q * (len(sorted_values) - 1))))
    return round(float(sorted_values[i]), 1)


# ---------------------------------------------------------------------------- unanswered


@dataclass
class Wording:
    """One distinct normalised text among the unanswered questions, with what was seen of it."""

    key: str
    first: str
    last: str
    count: int = 0
    texts: collections.Counter = field(default_factory=collections.Counter)
    status: collections.Counter = field(default_factory=collections.Counter)
    near: collections.Counter = field(default_factory=collections.Counter)

    @property
    def nearest(self) -> str | None:
        return self.near.most_common(1)[0][0] if self.near else None


def collect_unanswered(db_path: str | Path, since: Any = None, until: Any = None) -> list[Wording]:
    """Fallback and clarify questions, and those answered with a decline (an entry marked
    `declines: true`, counted under the status "declined"), by distinct normalised text, most
    frequent first."""
    lo, hi = bounds(since, until)
    with reading(db_path) as conn:
        declined = question_columns(conn)["declined"]
        w, p = _where(lo, hi, column="q.ts", extra=f"(q.status IN ('fallback', 'clarify') OR {declined})")
        rows = conn.execute(
            "SELECT q.normalized, q.text, CASE WHEN q.status IN ('fallback', 'clarify') THEN q.status"
            f" ELSE 'declined' END, q.candidates, q.ts FROM questions q{w} ORDER BY q.ts", p,
        ).fetchall()
    by_key: dict[str, Wording] = {}
    for normalized, text, status, candidates, ts in rows:
        key = (normalized or text or "").strip()
        if not key:
            continue
        item = by_key.setdefault(key, Wording(key=key, first=ts, last=ts))
        item.count += 1
        item.texts[(text or key).strip()] += 1
        item.status[status] += 1
        item.last = ts
        try:
            for c in json.loads(candidates or "[]")[:3]:
                item.near[c["id"]] += 1
        except (ValueError, TypeError, KeyError):
            pass
    return sorted(by_key.values(), key=lambda it: (-it.count, it.key))


def _pairs(text: str) -> set[str]:
    return {text[i:i + 2] for i in range(len(text) - 1)} or {text}


def cluster(
    items: list[Wording],
    threshold: float = GROUP_THRESHOLD,
    related_threshold: float = RELATED_THRESHOLD,
    max_compared: int | None = MAX_COMPARED,
) -> list[list[Wording]]:
    """Greedy groups: each wording (most frequent first) joins the most similar group leader if
    `fuzz.ratio` is at least `threshold`, or `related_threshold` when the engine's closest entry
    is the same for both; otherwise it leads a new group.

    Only the `max_compared` leaders sharing most of its character pairs (found through an index
    of pairs, rarest pairs first, at most MAX_POSTINGS index entries), and those with the same
    closest entry, are compared: wordings 60% alike share many pairs, so the few leaders
    compared are the ones a full scan would pick, and the work per wording stays bounded.
    `max_compared=None` compares every leader (the quadratic reference, for benchmarks/bench_review.py).
    """
    groups: list[list[Wording]] = []
    leaders: list[str] = []
    leader_near: list[str | None] = []
    by_pair: dict[str, list[int]] = {}
    by_near: dict[str, list[int]] = collections.defaultdict(list)
    low = min(threshold, related_threshold)
    for it in items:
        near = it.nearest
        pairs = _pairs(it.key)
        if max_compared is None:
            candidates = set(range(len(leaders)))
        else:
            # rarest pairs first, until MAX_POSTINGS leaders are counted: the rare pairs tell
            # most, and the work per wording stays bounded however many groups there are
            postings = sorted((by_pair[p] for p in pairs if p in by_pair), key=len)
            budget, used = MAX_POSTINGS, 0
            while used < len(postings) and budget > 0:
                budget -= len(postings[used])
                used += 1
            shared = collections.Counter(itertools.chain.from_iterable(postings[:used]))
            candidates = {i for i, _ in shared.most_common(max_compared)}
            if near is not None:
                candidates.update(by_near[near][:max_compared])
        home = None
        if candidates:
            order = sorted(candidates)  # ties go to the earlier (larger) group, as a full scan would
            for _, score, index in process.extract(
                it.key, [leaders[i] for i in order], scorer=fuzz.ratio, score_cutoff=low, limit=None
            ):
                leader = order[index]
                if score >= threshold or (near is not None and leader_near[leader] == near):
                    home = leader
                    break
        if home is None:
            home = len(leaders)
            leaders.append(it.key)
            leader_near.append(near)
            groups.append([])
            for p in pairs:
                by_pair.setdefault(p, []).append(home)
            if near is not None:
                by_near[near].append(home)
        groups[home].append(it)
    return groups


def summarise(members: list[Wording], examples: int = 3) -> UnansweredGroup:
    texts: collections.Counter = collections.Counter()
    status: collections.Counter = collections.Counter()
    near: collections.Counter = collections.Counter()
    for m in members:
        texts.update(m.texts)
        status.update(m.status)
        near.update(m.near)
    return UnansweredGroup(
        count=sum(m.count for m in members),
        fallback=status.get("fallback", 0),
        clarify=status.get("clarify", 0),
        declined_answer=status.get("declined", 0),
        examples=[t for t, _ in texts.most_common(examples)],
        variants=len(texts),
        near_entries=[e for e, _ in near.most_common(3)],
        first_seen=min(m.first for m in members),
        last_seen=max(m.last for m in members),
    )


def unanswered_groups(
    db_path: str | Path,
    since: Any = None,
    limit: int = 20,
    *,
    until: Any = None,
    threshold: float = GROUP_THRESHOLD,
    related_threshold: float = RELATED_THRESHOLD,
    examples: int = 3,
) -> list[UnansweredGroup]:
    """Fallback and clarify questions, and answers that declined, grouped by similar wording (see
    `cluster`), largest first.

    Each group: count, fallback/clarify/declined-answer counts, up to `examples` texts as asked,
    the entries the engine thought closest (`near_entries`), and first/last time seen (UTC).
    """
    groups = [summarise(g, examples) for g in cluster(collect_unanswered(db_path, since, until), threshold, related_threshold)]
    groups.sort(key=lambda g: (-g.count, g.examples[0] if g.examples else ""))
    return groups[:limit] if limit else groups


# ---------------------------------------------------------------------------- suggestions


def suggestions(
    db_path: str | Path,
    since: Any = None,
    *,
    until: Any = None,
    existing: Mapping[str, Iterable[str]] | None = None,
    min_users: int = MIN_SUGGESTION_USERS,
) -> list[Suggestion]:
    """New `questions:` lines worth adding, from what citizens did.

    A user confirms a wording for an entry when, after a clarify (or fallback with choices), they
    picked that entry's button, or rated that entry's answer to it 👍 — not a follow-up entry's
    answer reached from it, which answers something else. A wording is proposed only when at
    least `min_users` different users confirmed it and nobody rated that entry's answer to it 👎:
    one person's click is no evidence that others mean the same. Skipped: wordings already in
    the entry (`existing`: entry id → its questions, compared without punctuation/case), masked
    texts (they held personal data), and texts shorter than 2 or longer than 60 characters.
    """
    lo, hi = bounds(since, until)
    with reading(db_path) as conn:
        # Only the choices it offered: a follow-up pressed under the chosen answer is a choice
        # of the same question too, but answers something else.
        # An exact match against the offered ids: a forged id holding % or _ matches nothing.
        offered = "q.status IN ('clarify', 'fallback') AND " + offered_sql("q", "{}")
        w, p = _where(lo, hi, column="c.ts", extra=offered.format("c.entry_id"))
        picked = conn.execute(
            f"SELECT c.entry_id, q.text, q.user_hash FROM choices c JOIN questions q ON q.id = c.question_id{w}", p
        ).fetchall()
        w, p = _where(lo, hi, column="f.ts", extra=f"(f.entry_id = q.entry_id OR ({offered.format('f.entry_id')}))")
        rated = conn.execute(
            f"SELECT f.entry_id, q.text, q.user_hash, f.value FROM feedback f JOIN questions q ON q.id = f.question_id{w}", p
        ).fetchall()

    known = {eid: {_plain(q) for q in qs} for eid, qs in (existing or {}).items()}
    tally: dict[tuple[str, str], dict] = {}
    for entry_id, text, user, how in [(e, t, u, "choices") for e, t, u in picked] + [
        (e, t, u, "thumbs_up" if v > 0 else "thumbs_down") for e, t, u, v in rated
    ]:
        text = (text or "").strip()
        key = _plain(text)
        if not key or "*" in text or not 2 <= len(text) <= 60 or key in known.get(entry_id, ()):
            continue
        item = tally.setdefault((entry_id, key), {"question": text, "users": set(), "choices": 0, "thumbs_up": 0, "thumbs_down": 0})
        item[how] += 1
        if how != "thumbs_down":
            item["users"].add(user)

    out = [
        Suggestion(entry_id, t["question"], len(t["users"]), t["choices"], t["thumbs_up"])
        for (entry_id, _), t in tally.items()
        if not t["thumbs_down"] and len(t["users"]) >= max(1, min_users)
    ]
    totals: collections.Counter = collections.Counter()
    for s in out:
        totals[s.entry_id] += s.users
    out.sort(key=lambda s: (-totals[s.entry_id], s.entry_id, -s.users, s.question))
    return out


# ---------------------------------------------------------------------------- export

EXPORT_COLUMNS = (
    "id", "time_utc", "time_beijing", "user_hash", "chat_type", "text", "normalized", "status", "declined", "reason",
    "entry_id", "score", "candidates", "choices_offered", "chosen", "feedback", "latency_ms", "knowledge_version",
)
EXPORT_FORMATS = ("csv", "jsonl")
# A cell starting with one of these is a formula to Excel / LibreOffice (=HYPERLINK(…) from a citizen).
_FORMULA_START = ("=", "+", "-", "@", "\t", "\r")


def iter_export_rows(db_path: str | Path, since: Any = None, until: Any = None) -> Generator[dict, None, None]:
    """Every question with its picked choices and feedback (user as hash only), oldest first.
    `declined`: the reply said honestly that what was asked is not held; `reason`: the engine's."""
    lo, hi = bounds(since, until)
    with reading(db_path) as conn:
        older = question_columns(conn)  # a log the bot has not upgraded yet
        w, p = _where(lo, hi, column="q.ts")
        chosen: dict[str, list[str]] = collections.defaultdict(list)
        for qid, eid in conn.execute(
            f"SELECT c.question_id, c.entry_id FROM choices c JOIN questions q ON q.id = c.question_id{w} ORDER BY c.ts", p
        ):
            chosen[qid].append(eid)
        votes: dict[str, list[dict]] = collections.defaultdict(list)
        for qid, eid, value in conn.execute(
            f"SELECT f.question_id, f.entry_id, f.value FROM feedback f JOIN questions q ON q.id = f.question_id{w} ORDER BY f.ts", p
        ):
            votes[qid].append({"entry_id": eid, "value": value})
        cur = conn.execute(
            "SELECT q.id, q.ts, q.user_hash, q.chat_type, q.text, q.normalized, q.status, q.entry_id, q.score,"
            f" q.candidates, q.choices, q.latency_ms, q.knowledge_version, {older['declined']}, {older['reason']}"
            f" FROM questions q{w} ORDER BY q.ts, q.rowid",
            p,
        )
        for row in cur:
            qid = row[0]
            yield {
                "id": qid,
                "time_utc": row[1],
                "time_beijing": beijing_time(row[1]),
                "user_hash": row[2],
                "chat_type": row[3],
                "text": row[4],
                "normalized": row[5],
                "status": row[6],
                "declined": bool(row[13]),
                "reason": row[14] or "",
                "entry_id": row[7],
                "score": row[8],
                "candidates": json.loads(row[9] or "[]"),
                "choices_offered": json.loads(row[10] or "[]"),
                "chosen": chosen.get(qid, []),
                "feedback": votes.get(qid, []),
                "latency_ms": row[11],
                "knowledge_version": row[12],
            }


def csv_safe(value: Any) -> Any:
    """A text cell a spreadsheet will not run as a formula: a leading ' when it would start one."""
    if isinstance(value, str) and value.startswith(_FORMULA_START):
        return "'" + value
    return value


def csv_row(r: Mapping[str, Any]) -> list[Any]:
    cells = [
        r["id"], r["time_utc"], r["time_beijing"], r["user_hash"], r["chat_type"], r["text"], r["normalized"], r["status"],
        int(r["declined"]), r["reason"], r["entry_id"] or "", r["score"],
        " ".join(f"{c['id']}:{c['score']}" for c in r["candidates"]),
        " ".join(r["choices_offered"]),
        " ".join(r["chosen"]),
        " ".join(f"{v['entry_id']}:{v['value']:+d}" for v in r["feedback"]),
        "" if r["latency_ms"] is None else r["latency_ms"],
        r["knowledge_version"],
    ]
    return [csv_safe(c) for c in cells]


def write_export(rows: Iterable[dict], fmt: str, stream: IO[str]) -> int:
    """Write `rows` to `stream` as csv or jsonl; the number written."""
    n = 0
    if fmt == "csv":
        writer = csv.writer(stream)
        writer.writerow(EXPORT_COLUMNS)
        for r in rows:
            writer.writerow(csv_row(r))
            n += 1
    else:
        for r in rows:
            stream.write(json.dumps(r, ensure_ascii=False) + "\n")
            n += 1
    return n


def export(db_path: str | Path, fmt: str, output: str | Path, since: Any = None, until: Any = None) -> int:
    """Write the log to `output` ("-" for stdout) as csv (UTF-8 with BOM, for Excel) or jsonl.

    Returns the number of questions written. No raw user id exists in the log to leak: users
    appear only as their keyed hash.
    """
    if fmt not in EXPORT_FORMATS:
        raise ValueError(f"未知格式 / unknown export format {fmt!r} (csv or jsonl)")
    connect_ro(db_path).close()  # NoQueryLog before any output file is created
    bounds(since, until)  # a bad date, too
    rows = iter_export_rows(db_path, since, until)
    if str(output) == "-":
        try:
            return write_export(rows, fmt, sys.stdout)
        finally:
            rows.close()  # a closed pipe stops the writing: close the connection now
    encoding = "utf-8-sig" if fmt == "csv" else "utf-8"
    with open(output, "w", encoding=encoding, newline="" if fmt == "csv" else "\n") as stream:
        return write_export(rows, fmt, stream)
