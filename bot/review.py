"""What staff read from the query log: summary, unanswered groups, suggestions, export.

Plain synchronous functions over a database path, each opening its own read-only connection
(``file:…?mode=ro``): the CLI needs no event loop, the bot runs them in a worker thread
(`stats_text` / `unanswered_text` do that for the Telegram commands).

Days are counted in China Standard Time (UTC+8, no daylight saving): ``--since 2025-01-10``
means from 00:00 Beijing time on that day; ``--until`` includes its whole day. The log itself
stores UTC.
"""

from __future__ import annotations

import asyncio
import collections
import csv
import json
import re
import sqlite3
import sys
import unicodedata
from datetime import date, datetime, timedelta, timezone
from pathlib import Path
from typing import Any, Iterable, Mapping

from rapidfuzz import fuzz, process

from bot.querylog import SCHEMA_VERSION, format_ts

LOCAL_TZ = timezone(timedelta(hours=8), "CST")
STATUS_ORDER = ("answer", "clarify", "fallback", "emergency", "smalltalk")
STATUS_LABELS = {
    "answer": "已回答",
    "clarify": "需澄清",
    "fallback": "未能回答",
    "emergency": "紧急",
    "smalltalk": "闲聊",
}
GROUP_THRESHOLD = 60.0  # fuzz.ratio on the normalised text, 0..100
# …or this much when the engine's closest entry is the same for both (驾照扣分怎么查 / 驾驶证扣分在哪查)
RELATED_THRESHOLD = 45.0


class NoQueryLog(FileNotFoundError):
    """There is no query log database at the path (the bot has not logged anything yet)."""

    def __init__(self, path: str | Path) -> None:
        self.path = str(Path(path).absolute())
        super().__init__(f"no query log yet at {self.path}")


# ---------------------------------------------------------------------------- helpers


def connect_ro(db_path: str | Path) -> sqlite3.Connection:
    """A read-only connection; NoQueryLog if the file is missing or holds no log."""
    path = Path(db_path)
    if not path.is_file():
        raise NoQueryLog(path)
    conn = sqlite3.connect(f"{path.resolve().as_uri()}?mode=ro", uri=True, timeout=5.0)
    try:
        version = conn.execute("PRAGMA user_version").fetchone()[0]
    except sqlite3.DatabaseError:
        conn.close()
        raise
    if version == 0:
        conn.close()
        raise NoQueryLog(path)
    if version > SCHEMA_VERSION:
        conn.close()
        raise sqlite3.DatabaseError(f"{path}: query log schema {version} is newer than this program ({SCHEMA_VERSION})")
    return conn


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
        raise ValueError(f"not a date (YYYY-MM-DD): {value!r}") from None


def day_start_utc(day: date) -> str:
    """The stored timestamp of 00:00 Beijing time on `day`."""
    return format_ts(datetime(day.year, day.month, day.day, tzinfo=LOCAL_TZ))


def bounds(since: Any = None, until: Any = None) -> tuple[str | None, str | None]:
    """(ts >= lo, ts < hi) for local days `since` .. `until` inclusive; None where open."""
    s, u = _to_date(since), _to_date(until)
    lo = day_start_utc(s) if s else None
    hi = day_start_utc(u + timedelta(days=1)) if u else None
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


def _local_day_sql(column: str = "ts") -> str:
    return f"date({column}, '+8 hours')"


# ---------------------------------------------------------------------------- summary


def summary(db_path: str | Path, since: Any = None, until: Any = None, top: int = 10) -> dict:
    """Questions per day, share of each status, top entries, 👍/👎 per entry, in [since, until]."""
    lo, hi = bounds(since, until)
    conn = connect_ro(db_path)
    try:
        where, params = _where(lo, hi)
        by_status = dict.fromkeys(STATUS_ORDER, 0)
        per_day: dict[str, dict] = {}
        for day, status, n in conn.execute(
            f"SELECT {_local_day_sql()} AS day, status, count(*) FROM questions{where} GROUP BY day, status ORDER BY day",
            params,
        ):
            row = per_day.setdefault(day, {"date": day, "total": 0, **dict.fromkeys(STATUS_ORDER, 0)})
            row[status] = row.get(status, 0) + n
            row["total"] += n
            by_status[status] = by_status.get(status, 0) + n
        total = sum(by_status.values())
        users = conn.execute(f"SELECT count(DISTINCT user_hash) FROM questions{where}", params).fetchone()[0]
        latencies = [
            r[0] for r in conn.execute(f"SELECT latency_ms FROM questions{where} ORDER BY latency_ms", params) if r[0] is not None
        ]

        entries: dict[str, dict] = {}

        def entry(eid: str) -> dict:
            return entries.setdefault(eid, {"entry_id": eid, "answered": 0, "chosen": 0, "up": 0, "down": 0})

        w, p = _where(lo, hi, extra="status = 'answer' AND entry_id IS NOT NULL")
        for eid, n in conn.execute(f"SELECT entry_id, count(*) FROM questions{w} GROUP BY entry_id", p):
            entry(eid)["answered"] = n
        w, p = _where(lo, hi)
        for eid, n in conn.execute(f"SELECT entry_id, count(*) FROM choices{w} GROUP BY entry_id", p):
            entry(eid)["chosen"] = n
        for eid, up, down in conn.execute(
            f"SELECT entry_id, sum(value > 0), sum(value < 0) FROM feedback{w} GROUP BY entry_id", p
        ):
            e = entry(eid)
            e["up"], e["down"] = up or 0, down or 0
    finally:
        conn.close()
    for e in entries.values():
        e["total"] = e["answered"] + e["chosen"]
    top_entries = sorted((e for e in entries.values() if e["total"]), key=lambda e: (-e["total"], -e["up"], e["entry_id"]))[:top]
    feedback = sorted(
        (e for e in entries.values() if e["up"] or e["down"]),
        key=lambda e: (-e["down"], -e["up"], e["entry_id"]),
    )
    return {
        "since": str(_to_date(since)) if since else None,
        "until": str(_to_date(until)) if until else None,
        "timezone": "UTC+8",
        "total": total,
        "users": users,
        "by_status": by_status,
        "shares": {k: (round(v / total, 4) if total else 0.0) for k, v in by_status.items()},
        "per_day": list(per_day.values()),
        "top_entries": [{k: e[k] for k in ("entry_id", "total", "answered", "chosen", "up", "down")} for e in top_entries],
        "feedback": [{k: e[k] for k in ("entry_id", "up", "down")} for e in feedback],
        "latency_ms": {
            "p50": _percentile(latencies, 0.50),
            "p95": _percentile(latencies, 0.95),
        },
    }


def _percentile(sorted_values: list[float], q: float) -> float | None:
    if not sorted_values:
        return None
    i = min(len(sorted_values) - 1, max(0, round(q * (len(sorted_values) - 1))))
    return round(float(sorted_values[i]), 1)


# ---------------------------------------------------------------------------- unanswered


def unanswered_groups(
    db_path: str | Path,
    since: Any = None,
    limit: int = 20,
    *,
    until: Any = None,
    threshold: float = GROUP_THRESHOLD,
    related_threshold: float = RELATED_THRESHOLD,
    examples: int = 3,
) -> list[dict]:
    """Fallback and clarify questions grouped by similar wording, largest group first.

    Greedy clustering: distinct normalised texts, most frequent first, each joins the group
    whose leading text is most similar (rapidfuzz `fuzz.ratio`) if that is at least `threshold`,
    or at least `related_threshold` when the engine's closest entry is the same for both;
    otherwise it starts a new group. Each group: count, fallback/clarify counts, up to `examples` texts as asked, the
    entries the engine thought closest (`near_entries`), and first/last time seen (UTC).
    """
    lo, hi = bounds(since, until)
    conn = connect_ro(db_path)
    try:
        w, p = _where(lo, hi, extra="status IN ('fallback', 'clarify')")
        rows = conn.execute(f"SELECT normalized, text, status, candidates, ts FROM questions{w} ORDER BY ts", p).fetchall()
    finally:
        conn.close()

    by_text: dict[str, dict] = {}
    for normalized, text, status, candidates, ts in rows:
        key = (normalized or text or "").strip()
        if not key:
            continue
        item = by_text.setdefault(
            key,
            {"key": key, "count": 0, "texts": collections.Counter(), "status": collections.Counter(),
             "near": collections.Counter(), "first": ts, "last": ts},
        )
        item["count"] += 1
        item["texts"][(text or key).strip()] += 1
        item["status"][status] += 1
        item["last"] = ts
        try:
            for c in json.loads(candidates or "[]")[:3]:
                item["near"][c["id"]] += 1
        except (ValueError, TypeError, KeyError):
            pass

    items = sorted(by_text.values(), key=lambda it: (-it["count"], it["key"]))
    groups: list[dict] = []
    leaders: list[str] = []
    leader_near: list[str | None] = []
    low = min(threshold, related_threshold)
    for it in items:
        near = it["near"].most_common(1)[0][0] if it["near"] else None
        home = None
        if leaders:
            for _, score, index in process.extract(it["key"], leaders, scorer=fuzz.ratio, score_cutoff=low, limit=None):
                if score >= threshold or (near is not None and leader_near[index] == near):
                    home = index
                    break
        if home is None:
            leaders.append(it["key"])
            leader_near.append(near)
            groups.append({"members": [it]})
        else:
            groups[home]["members"].append(it)

    out = []
    for g in groups:
        members = g["members"]
        texts: collections.Counter = collections.Counter()
        status: collections.Counter = collections.Counter()
        near: collections.Counter = collections.Counter()
        for m in members:
            texts.update(m["texts"])
            status.update(m["status"])
            near.update(m["near"])
        out.append(
            {
                "count": sum(m["count"] for m in members),
                "fallback": status.get("fallback", 0),
                "clarify": status.get("clarify", 0),
                "examples": [t for t, _ in texts.most_common(examples)],
                "variants": len(texts),
                "near_entries": [e for e, _ in near.most_common(3)],
                "first_seen": min(m["first"] for m in members),
                "last_seen": max(m["last"] for m in members),
            }
        )
    out.sort(key=lambda g: (-g["count"], g["examples"][0] if g["examples"] else ""))
    return out[:limit] if limit else out


# ---------------------------------------------------------------------------- suggestions

_STRIP = re.compile(r"[\W_]+", re.UNICODE)


def _plain(text: str) -> str:
    """Comparison key: no spaces or punctuation, case-folded."""
    return _STRIP.sub("", unicodedata.normalize("NFKC", text or "")).casefold()


def suggestions(
    db_path: str | Path,
    since: Any = None,
    *,
    until: Any = None,
    existing: Mapping[str, Iterable[str]] | None = None,
    min_count: int = 1,
) -> list[dict]:
    """New `questions:` lines worth adding, from what citizens did.

    A question counts for an entry when, after a clarify (or fallback with choices), the citizen
    picked that entry's button, or when they rated that entry's answer to it 👍 — not a follow-up
    entry's answer reached from it, which answers something else. A 👎 for the same wording and
    entry counts against it. Skipped: wordings already in the entry (`existing`:
    entry id → its questions, compared without punctuation/case), masked texts (they held
    personal data), and texts shorter than 2 or longer than 60 characters.
    Each: entry_id, question (as asked), count, choices, thumbs_up, thumbs_down.
    """
    lo, hi = bounds(since, until)
    conn = connect_ro(db_path)
    try:
        # Only the choices it offered: a follow-up pressed under the chosen answer is a choice
        # of the same question too, but answers something else.
        offered = "q.status IN ('clarify', 'fallback') AND q.choices LIKE ('%\"' || {} || '\"%')"
        w, p = _where(lo, hi, column="c.ts", extra=offered.format("c.entry_id"))
        picked = conn.execute(
            f"SELECT c.entry_id, q.text FROM choices c JOIN questions q ON q.id = c.question_id{w}", p
        ).fetchall()
        w, p = _where(lo, hi, column="f.ts", extra=f"(f.entry_id = q.entry_id OR ({offered.format('f.entry_id')}))")
        rated = conn.execute(
            f"SELECT f.entry_id, q.text, f.value FROM feedback f JOIN questions q ON q.id = f.question_id{w}", p
        ).fetchall()
    finally:
        conn.close()

    known = {eid: {_plain(q) for q in qs} for eid, qs in (existing or {}).items()}
    tally: dict[tuple[str, str], dict] = {}

    def add(entry_id: str, text: str, field: str) -> None:
        text = (text or "").strip()
        key = _plain(text)
        if not key or "*" in text or not 2 <= len(text) <= 60 or key in known.get(entry_id, ()):
            return
        item = tally.setdefault(
            (entry_id, key), {"entry_id": entry_id, "question": text, "choices": 0, "thumbs_up": 0, "thumbs_down": 0}
        )
        item[field] += 1

    for entry_id, text in picked:
        add(entry_id, text, "choices")
    for entry_id, text, value in rated:
        add(entry_id, text, "thumbs_up" if value > 0 else "thumbs_down")

    out = []
    for item in tally.values():
        item["count"] = item["choices"] + item["thumbs_up"] - item["thumbs_down"]
        if item["count"] >= max(1, min_count):
            out.append(item)
    totals = collections.Counter()
    for item in out:
        totals[item["entry_id"]] += item["count"]
    out.sort(key=lambda s: (-totals[s["entry_id"]], s["entry_id"], -s["count"], s["question"]))
    return [{k: s[k] for k in ("entry_id", "question", "count", "choices", "thumbs_up", "thumbs_down")} for s in out]


_YAML_SPECIAL = re.compile(r"""[:#\[\]{}&*!|>'"%@`,]|^[-?\s]|\s$""")


def _yaml_scalar(text: str) -> str:
    return json.dumps(text, ensure_ascii=False) if _YAML_SPECIAL.search(text) else text


def suggestions_yaml(items: list[dict]) -> str:
    """The suggestions as YAML to paste under each entry (comments say why each is proposed)."""
    if not items:
        return ""
    by_entry: dict[str, list[dict]] = {}
    for s in items:
        by_entry.setdefault(s["entry_id"], []).append(s)
    lines = []
    for entry_id, rows in by_entry.items():
        lines.append(f"- id: {_yaml_scalar(entry_id)}")
        lines.append("  questions:")
        for s in rows:
            why = []
            if s["choices"]:
                why.append(f"选中 {s['choices']} 次")
            if s["thumbs_up"]:
                why.append(f"👍 {s['thumbs_up']}")
            if s["thumbs_down"]:
                why.append(f"👎 {s['thumbs_down']}")
            lines.append(f"    - {_yaml_scalar(s['question'])}  # {'，'.join(why)}")
    return "\n".join(lines) + "\n"


# ---------------------------------------------------------------------------- export

EXPORT_COLUMNS = (
    "id", "time_utc", "user_hash", "chat_type", "text", "normalized", "status", "entry_id", "score",
    "candidates", "choices_offered", "chosen", "feedback", "latency_ms", "knowledge_version",
)


def iter_export_rows(db_path: str | Path, since: Any = None, until: Any = None) -> Iterable[dict]:
    """Every question with its picked choices and feedback (user as hash only), oldest first."""
    lo, hi = bounds(since, until)
    conn = connect_ro(db_path)
    try:
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
            f" q.candidates, q.choices, q.latency_ms, q.knowledge_version FROM questions q{w} ORDER BY q.ts, q.rowid",
            p,
        )
        for row in cur:
            qid = row[0]
            yield {
                "id": qid,
                "time_utc": row[1],
                "user_hash": row[2],
                "chat_type": row[3],
                "text": row[4],
                "normalized": row[5],
                "status": row[6],
                "entry_id": row[7],
                "score": row[8],
                "candidates": json.loads(row[9] or "[]"),
                "choices_offered": json.loads(row[10] or "[]"),
                "chosen": chosen.get(qid, []),
                "feedback": votes.get(qid, []),
                "latency_ms": row[11],
                "knowledge_version": row[12],
            }
    finally:
        conn.close()


def export(db_path: str | Path, fmt: str, output: str | Path, since: Any = None, until: Any = None) -> int:
    """Write the log to `output` ("-" for stdout) as csv (UTF-8 with BOM, for Excel) or jsonl.

    Returns the number of questions written. No raw user id exists in the log to leak: users
    appear only as their keyed hash.
    """
    if fmt not in ("csv", "jsonl"):
        raise ValueError(f"unknown export format {fmt!r} (csv or jsonl)")
    connect_ro(db_path).close()  # NoQueryLog before any output file is created
    bounds(since, until)  # a bad date, too
    rows = iter_export_rows(db_path, since, until)
    to_stdout = str(output) == "-"
    if fmt == "csv":
        stream = sys.stdout if to_stdout else open(output, "w", encoding="utf-8-sig", newline="")
    else:
        stream = sys.stdout if to_stdout else open(output, "w", encoding="utf-8", newline="\n")
    n = 0
    try:
        if fmt == "csv":
            writer = csv.writer(stream)
            writer.writerow(EXPORT_COLUMNS)
            for r in rows:
                writer.writerow(
                    [
                        r["id"], r["time_utc"], r["user_hash"], r["chat_type"], r["text"], r["normalized"], r["status"],
                        r["entry_id"] or "", r["score"],
                        " ".join(f"{c['id']}:{c['score']}" for c in r["candidates"]),
                        " ".join(r["choices_offered"]),
                        " ".join(r["chosen"]),
                        " ".join(f"{v['entry_id']}:{v['value']:+d}" for v in r["feedback"]),
                        "" if r["latency_ms"] is None else r["latency_ms"],
                        r["knowledge_version"],
                    ]
                )
                n += 1
        else:
            for r in rows:
                stream.write(json.dumps(r, ensure_ascii=False) + "\n")
                n += 1
    finally:
        if not to_stdout:
            stream.close()
    return n


# ---------------------------------------------------------------------------- text


def display_width(text: str) -> int:
    """Terminal columns: East Asian wide/full-width characters take two."""
    return sum(2 if unicodedata.east_asian_width(ch) in ("W", "F") else 0 if unicodedata.combining(ch) else 1 for ch in text)


def pad(text: str, width: int, right: bool = False) -> str:
    space = " " * max(0, width - display_width(text))
    return space + text if right else text + space


def table(headers: list[str], rows: list[list[Any]], right: Iterable[int] = ()) -> str:
    """A plain table aligned for CJK text; columns in `right` are right-aligned (numbers)."""
    right = set(right)
    cells = [[str(h) for h in headers]] + [["" if c is None else str(c) for c in row] for row in rows]
    widths = [max(display_width(r[i]) for r in cells) for i in range(len(headers))]
    lines = []
    for n, row in enumerate(cells):
        lines.append("  ".join(pad(c, widths[i], i in right) for i, c in enumerate(row)).rstrip())
        if n == 0:
            lines.append("  ".join("-" * w for w in widths))
    return "\n".join(lines)


def _pct(x: float) -> str:
    return f"{x * 100:.0f}%"


def _shares_line(s: dict) -> str:
    parts = [f"问题 {s['total']}"]
    for k in STATUS_ORDER:
        parts.append(f"{STATUS_LABELS[k]} {_pct(s['shares'].get(k, 0))}")
    return " · ".join(parts)


def format_summary_text(s: dict, days: bool = True, top: int = 10) -> str:
    """A summary as short plain text (terminal, or Telegram inside <pre>)."""
    span = f"{s.get('since') or '开始'} 至 {s.get('until') or '现在'}（北京时间）"
    lines = [f"查询日志 {span}", _shares_line(s) + f" · 用户 {s.get('users', 0)}"]
    if s["total"] == 0:
        lines.append("这段时间没有问题记录。")
        return "\n".join(lines)
    if days and s["per_day"]:
        lines.append("")
        lines.append(
            table(
                ["日期", "问题", "已回答", "澄清", "未答", "紧急", "闲聊"],
                [[d["date"], d["total"], d["answer"], d["clarify"], d["fallback"], d["emergency"], d["smalltalk"]] for d in s["per_day"]],
                right=range(1, 7),
            )
        )
    if s["top_entries"]:
        lines.append("")
        lines.append("最常用的条目：")
        lines.append(
            table(
                ["条目", "次数", "直接回答", "选择", "👍", "👎"],
                [[e["entry_id"], e["total"], e["answered"], e["chosen"], e["up"], e["down"]] for e in s["top_entries"][:top]],
                right=range(1, 6),
            )
        )
    disliked = [e for e in s["feedback"] if e["down"]]
    if disliked:
        lines.append("")
        lines.append("有 👎 的条目：" + "，".join(f"{e['entry_id']} 👎{e['down']} 👍{e['up']}" for e in disliked[:top]))
    return "\n".join(lines)


def format_groups_text(groups: list[dict], examples: int = 3) -> str:
    """Unanswered groups as short plain text: count, statuses, examples, closest entries."""
    if not groups:
        return "没有未能回答或需澄清的问题。"
    lines = []
    for i, g in enumerate(groups, 1):
        detail = f"未答 {g['fallback']}，澄清 {g['clarify']}"
        lines.append(f"{i}. {g['count']} 次（{detail}）")
        for ex in g["examples"][:examples]:
            lines.append(f"   · {ex}")
        if g.get("near_entries"):
            lines.append(f"   相近条目：{', '.join(g['near_entries'])}")
    return "\n".join(lines)


def format_suggestions_text(items: list[dict]) -> str:
    if not items:
        return "# 暂无建议：还没有市民在澄清后选择条目或点 👍 的记录。\n"
    return "# 把下面的问题加到对应条目的 questions: 里（knowledge/*.yaml）\n" + suggestions_yaml(items)


# ---------------------------------------------------------------------------- for the Telegram side


def _stats_text_sync(db_path: str, today: date) -> str:
    try:
        day = summary(db_path, since=today, until=today)
        week = summary(db_path, since=today - timedelta(days=6), until=today)
    except NoQueryLog:
        return "暂无查询记录。"
    lines = [
        f"今天 {today}：" + _shares_line(day),
        f"近 7 天 {today - timedelta(days=6)} 至 {today}：" + _shares_line(week),
    ]
    if week["per_day"]:
        lines.append("")
        lines.append(table(["日期", "问题", "未答"], [[d["date"][5:], d["total"], d["fallback"]] for d in week["per_day"]], right=(1, 2)))
    if week["top_entries"]:
        lines.append("")
        lines.append("近 7 天最常用条目：")
        lines.extend(f"{e['entry_id']} {e['total']} 次 👍{e['up']} 👎{e['down']}" for e in week["top_entries"][:5])
    disliked = [e for e in week["feedback"] if e["down"]][:5]
    if disliked:
        lines.append("👎 最多：" + "，".join(f"{e['entry_id']} {e['down']}" for e in disliked))
    return "\n".join(lines)


async def _flushed_path(qlog: Any) -> str:
    try:
        await qlog.flush()  # figures include the last second's questions
    except Exception:  # noqa: BLE001 - stats from what is on disk
        pass
    return str(qlog.path)


async def stats_text(qlog: Any, today: date | None = None) -> str:
    """/stats: today and the last 7 days (Beijing time), as plain text. `qlog`: the QueryLog."""
    path = await _flushed_path(qlog)
    return await asyncio.to_thread(_stats_text_sync, path, today or local_today())


async def unanswered_text(qlog: Any, days: int = 7, limit: int = 10) -> str:
    """/unanswered: the largest groups of unanswered/clarify questions of the last `days` days."""
    path = await _flushed_path(qlog)
    since = local_today() - timedelta(days=days - 1)

    def run() -> str:
        try:
            groups = unanswered_groups(path, since=since, limit=limit)
        except NoQueryLog:
            return "暂无查询记录。"
        return f"近 {days} 天未能回答的问题（按相似度分组）：\n" + format_groups_text(groups)

    return await asyncio.to_thread(run)
