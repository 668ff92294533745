"""Review tools on a seeded log: the figures a staff member expects to read."""

from __future__ import annotations

import csv
import io
import json
import os
import sqlite3
from datetime import UTC, date

import pytest
import yaml

from bot import logs_render, review
from bot.querylog import MIGRATIONS, QueryLog
from bot.reply import Candidate, Reply
from handlers import admin_texts

PLATES = Candidate("ebike-plates", "电动自行车需要上牌吗？", 0.7)
HELMET = Candidate("ebike-helmet", "骑电动车要戴头盔吗？", 0.5)
POINTS = Candidate("license-points", "驾驶证扣分怎么查？", 0.45)
USER = 987654321

# (local time UTC+8, status, query, entry, candidates)
SEED = [
    ("2025-01-09T09:00", "answer", "电动车要上牌吗", "ebike-plates", (PLATES,)),
    ("2025-01-09T10:00", "answer", "电瓶车上牌去哪", "ebike-plates", (PLATES,)),
    ("2025-01-09T11:00", "answer", "骑电动车戴头盔吗", "ebike-helmet", (HELMET,)),
    ("2025-01-09T12:00", "fallback", "驾照扣分怎么查询", None, (POINTS,)),
    ("2025-01-09T23:30", "fallback", "驾照扣分怎么查", None, (POINTS,)),  # 15:30 UTC: still the 9th locally
    ("2025-01-10T01:30", "fallback", "驾照扣分怎么查", None, (POINTS,)),  # 17:30 UTC on the 9th: the 10th locally
    ("2025-01-10T08:00", "clarify", "小电驴牌照去哪办", None, (PLATES, HELMET)),
    ("2025-01-10T08:05", "clarify", "驾驶证扣分在哪查", None, (POINTS, PLATES)),
    ("2025-01-10T09:00", "fallback", "高速公路路况怎么样", None, ()),
    ("2025-01-10T09:30", "emergency", "出车祸了有人受伤", None, ()),
    ("2025-01-10T10:00", "smalltalk", "你好", None, ()),
    ("2025-01-10T11:00", "answer", "我的电话13835012345电动车能上牌吗", "ebike-plates", (PLATES,)),
]


def to_utc(local: str) -> str:
    from datetime import datetime, timedelta, timezone

    moment = datetime.fromisoformat(local).replace(tzinfo=timezone(timedelta(hours=8)))
    return moment.astimezone(UTC).strftime("%Y-%m-%dT%H:%M:%S.000Z")


@pytest.fixture
async def seeded(tmp_path):
    path = str(tmp_path / "q.sqlite3")
    log = await QueryLog.open(path, flush_interval=60)
    ids = []
    for local, status, query, entry, cands in SEED:
        reply = Reply(status=status, text="", query=query, normalized=query, entry_id=entry,
                      score=cands[0].score if cands else 0.0, candidates=cands,
                      choices=cands if status == "clarify" else (), knowledge_version="v1")
        ids.append((to_utc(local), log.record_question(user_id=USER, chat_type="private", reply=reply, latency_ms=5.0)))
    q = [qid for _, qid in ids]
    log.record_choice(q[6], "ebike-plates")  # 小电驴牌照去哪办 → picked ebike-plates
    log.record_choice(q[7], "license-points")
    log.record_feedback(q[0], "ebike-plates", 1)
    log.record_feedback(q[1], "ebike-plates", 1)
    log.record_feedback(q[2], "ebike-helmet", -1)
    log.record_feedback(q[6], "ebike-plates", 1)
    log.record_feedback(q[11], "ebike-plates", 1)  # masked text: never a suggestion
    await log.close()
    conn = sqlite3.connect(path)
    for ts, qid in ids:
        conn.execute("UPDATE questions SET ts = ? WHERE id = ?", (ts, qid))
    conn.execute("UPDATE choices SET ts = '2025-01-10T02:00:00.000Z'")
    conn.execute("UPDATE feedback SET ts = '2025-01-10T03:00:00.000Z'")
    conn.commit()
    conn.close()
    return path


def test_summary_figures(seeded):
    s = review.summary(seeded).to_json()
    assert s["total"] == 12
    assert s["users"] == 1
    assert s["by_status"] == {"answer": 4, "clarify": 2, "fallback": 4, "emergency": 1, "smalltalk": 1}
    assert s["shares"]["answer"] == pytest.approx(4 / 12, abs=1e-4)
    assert s["shares"]["fallback"] == pytest.approx(4 / 12, abs=1e-4)
    assert s["declined"] == 4  # the four fallbacks told the citizen so
    assert [(d["date"], d["total"], d["fallback"]) for d in s["per_day"]] == [("2025-01-09", 5, 2), ("2025-01-10", 7, 2)]
    top = s["top_entries"][0]
    assert top == {"entry_id": "ebike-plates", "total": 4, "answered": 3, "chosen": 1, "up": 4, "down": 0}
    assert {e["entry_id"]: (e["up"], e["down"]) for e in s["feedback"]} == {"ebike-plates": (4, 0), "ebike-helmet": (0, 1)}
    assert s["feedback"][0]["entry_id"] == "ebike-helmet"  # most disliked first
    assert s["latency_ms"]["p50"] == 5.0
    assert [(d["question"], d["entry_id"], d["count"]) for d in s["downvoted"]] == [("骑电动车戴头盔吗", "ebike-helmet", 1)]


def test_summary_since_until_are_local_days(seeded):
    s = review.summary(seeded, since="2025-01-10", until="2025-01-10")
    assert s.total == 7
    assert s.by_status["fallback"] == 2
    assert review.summary(seeded, until=date(2025, 1, 9)).total == 5
    assert review.summary(seeded, since="2025-01-11").total == 0
    with pytest.raises(ValueError):
        review.summary(seeded, since="yesterday")


def test_unanswered_groups_similar_questions_together_largest_first(seeded):
    groups = review.unanswered_groups(seeded)
    assert [g.count for g in groups] == [4, 1, 1]
    first = groups[0]
    assert first.examples[0] == "驾照扣分怎么查"  # the most frequent wording leads
    assert set(first.examples) == {"驾照扣分怎么查", "驾照扣分怎么查询", "驾驶证扣分在哪查"}
    assert (first.fallback, first.clarify) == (3, 1)
    assert first.near_entries[0] == "license-points"
    assert {g.examples[0] for g in groups[1:]} == {"小电驴牌照去哪办", "高速公路路况怎么样"}
    assert len(review.unanswered_groups(seeded, limit=1)) == 1
    assert review.unanswered_groups(seeded, since="2025-01-10")[0].count == 2
    text = logs_render.format_groups_text(groups)
    assert text.startswith("1. 4 次（未答 3，澄清 1，回答说没有资料 0）") and "· 驾照扣分怎么查" in text


def test_suggestions_from_choices_and_thumbs_up_of_one_user_need_min_users_1(seeded):
    assert review.suggestions(seeded) == []  # one user's clicks and 👍 are no evidence by default
    items = review.suggestions(seeded, min_users=1)
    pairs = {(s.entry_id, s.question): s for s in items}
    assert set(pairs) == {
        ("ebike-plates", "小电驴牌照去哪办"),  # picked after a clarify, and 👍
        ("ebike-plates", "电动车要上牌吗"),
        ("ebike-plates", "电瓶车上牌去哪"),
        ("license-points", "驾驶证扣分在哪查"),
    }  # not the 👎 one, not the masked phone-number question
    picked = pairs[("ebike-plates", "小电驴牌照去哪办")]
    assert (picked.users, picked.choices, picked.thumbs_up) == (1, 1, 1)
    assert items[0].entry_id == "ebike-plates" and items[0].question == "小电驴牌照去哪办"
    # wordings already in the entry are not proposed again (punctuation and case ignored)
    known = review.suggestions(seeded, min_users=1, existing={"ebike-plates": ["电动车要上牌吗？", "电瓶车上牌去哪"]})
    assert {s.question for s in known} == {"小电驴牌照去哪办", "驾驶证扣分在哪查"}
    snippet = logs_render.suggestions_yaml(items)
    assert snippet.startswith("- id: ebike-plates\n  questions:\n    - 小电驴牌照去哪办  # 1 位用户确认，选中 1 次，👍 1\n")
    assert yaml.safe_load(snippet) == [
        {"id": "ebike-plates", "questions": ["小电驴牌照去哪办", "电动车要上牌吗", "电瓶车上牌去哪"]},
        {"id": "license-points", "questions": ["驾驶证扣分在哪查"]},
    ]


async def _clarified(path, rows):
    """rows: (user id, question, entry picked after the clarify or None, vote on that entry's answer)."""
    log = await QueryLog.open(path, flush_interval=60)
    for user, text, picked, vote in rows:
        reply = Reply(status="clarify", text="", query=text, normalized=text, candidates=(PLATES, HELMET),
                      choices=(PLATES, HELMET))
        qid = log.record_question(user_id=user, chat_type="private", reply=reply, latency_ms=1.0)
        if picked:
            log.record_choice(qid, picked)
        if vote:
            log.record_feedback(qid, picked, vote)
    await log.close()


async def test_a_wording_is_proposed_once_two_users_confirmed_it_and_nobody_rated_it_down(tmp_path):
    path = str(tmp_path / "q.sqlite3")
    await _clarified(path, [
        (1, "小电驴牌照去哪办", "ebike-plates", 1),  # one user: click and 👍
        (2, "小电驴牌照去哪办", "ebike-plates", 0),  # a second user: click
        (1, "电动车能带人吗", "ebike-plates", 1),  # one person's click and 👍 only
        (1, "电瓶车牌子哪里领", "ebike-plates", 0),
        (2, "电瓶车牌子哪里领", "ebike-plates", 0),
        (3, "电瓶车牌子哪里领", "ebike-plates", -1),  # …and someone found the answer wrong
    ])
    items = review.suggestions(path)
    assert [(s.question, s.users, s.choices, s.thumbs_up) for s in items] == [("小电驴牌照去哪办", 2, 2, 1)]
    assert "# 2 位用户确认，选中 2 次，👍 1" in logs_render.suggestions_yaml(items)
    assert [s.question for s in review.suggestions(path, min_users=3)] == []
    assert "电动车能带人吗" in [s.question for s in review.suggestions(path, min_users=1)]
    assert "电瓶车牌子哪里领" not in [s.question for s in review.suggestions(path, min_users=1)]


async def test_downvoted_questions_with_their_entry_and_count(tmp_path):
    path = str(tmp_path / "q.sqlite3")
    await _clarified(path, [
        (1, "电动车能带人吗", "ebike-plates", -1),
        (2, "电动车能带人吗", "ebike-plates", -1),
        (3, "小电驴牌照去哪办", "ebike-plates", 1),
        (3, "头盔在哪买", "ebike-helmet", -1),
    ])
    items = review.downvoted(path)
    assert [(d.question, d.entry_id, d.count, d.users) for d in items] == [
        ("电动车能带人吗", "ebike-plates", 2, 2), ("头盔在哪买", "ebike-helmet", 1, 1)]
    text = logs_render.format_summary_text(review.summary(path))
    assert "回答被点 👎 的问题" in text and "电动车能带人吗" in text


async def test_a_follow_up_rated_under_an_answer_counts_for_its_entry_but_is_no_suggestion(tmp_path):
    path = str(tmp_path / "q.sqlite3")
    log = await QueryLog.open(path, flush_interval=60)
    asked = Reply(status="answer", text="", query="电动车要上牌吗", normalized="电动车要上牌吗", entry_id="ebike-plates",
                  candidates=(PLATES,), choices=(HELMET,))
    qid = log.record_question(user_id=USER, chat_type="private", reply=asked, latency_ms=5.0)
    log.record_choice(qid, "ebike-helmet")  # the ➡️ follow-up under the answer
    log.record_feedback(qid, "ebike-helmet", 1)  # and its answer rated 👍
    await log.close()
    report = review.summary(path).to_json()
    assert {"entry_id": "ebike-helmet", "up": 1, "down": 0} in report["feedback"]
    assert any(e["entry_id"] == "ebike-helmet" and e["chosen"] == 1 for e in report["top_entries"])
    # "电动车要上牌吗" is no wording of the helmet entry, whatever was pressed or rated under it
    assert review.suggestions(path, min_users=1) == []


def test_yaml_snippet_quotes_what_yaml_would_misread_and_escapes_controls():
    texts = ["罚款: 多少? #1", "- 开头", "右\u202e左\x1b[31m"]
    snippet = logs_render.suggestions_yaml([review.Suggestion("a", t, 2, 2, 0) for t in texts])
    assert yaml.safe_load(snippet) == [{"id": "a", "questions": texts}]
    assert "\u202e" not in snippet and "\x1b" not in snippet  # the raw characters never reach the terminal


def test_export_csv_has_bom_no_raw_user_id(seeded, tmp_path):
    out = tmp_path / "log.csv"
    assert review.export(seeded, "csv", out) == 12
    raw = out.read_bytes()
    assert raw.startswith(b"\xef\xbb\xbf")
    assert str(USER).encode() not in raw
    rows = list(csv.DictReader(io.StringIO(raw.decode("utf-8-sig"))))
    assert len(rows) == 12 and list(rows[0]) == list(review.EXPORT_COLUMNS)
    assert rows[0]["text"] == "电动车要上牌吗" and rows[0]["time_utc"] == "2025-01-09T01:00:00.000Z"
    assert rows[0]["time_beijing"] == "2025-01-09T09:00:00.000+08:00"
    assert len(rows[0]["user_hash"]) == 16
    assert rows[0]["feedback"] == "ebike-plates:+1"
    assert rows[6]["chosen"] == "ebike-plates" and rows[6]["choices_offered"] == "ebike-plates ebike-helmet"
    assert rows[11]["text"] == "我的电话138****2345电动车能上牌吗"


def test_export_jsonl(seeded, tmp_path):
    out = tmp_path / "log.jsonl"
    assert review.export(seeded, "jsonl", out, since="2025-01-10") == 7
    lines = [json.loads(x) for x in out.read_text(encoding="utf-8").splitlines()]
    assert len(lines) == 7 and str(USER) not in out.read_text(encoding="utf-8")
    picked = [x for x in lines if x["chosen"]]
    assert picked[0]["chosen"] == ["ebike-plates"] and picked[0]["candidates"][0]["id"] == "ebike-plates"
    with pytest.raises(ValueError):
        review.export(seeded, "xlsx", tmp_path / "x")


def test_missing_database_is_a_clear_error(tmp_path):
    with pytest.raises(review.NoQueryLog, match="no query log yet at"):
        review.summary(tmp_path / "none.sqlite3")


def test_summary_text_is_readable(seeded):
    text = logs_render.format_summary_text(review.summary(seeded))
    assert "问题 12 · 已回答 33% · 需澄清 17% · 未能回答 33% · 紧急 8% · 闲聊 8%" in text
    assert "\n说了没有资料 4 次（33%，含未能回答 4 次）\n" in text
    assert "2025-01-09" in text and "ebike-plates" in text and "有 👎 的条目：ebike-helmet 👎1" in text
    # columns line up in a terminal: CJK characters count double
    table = logs_render.table(["条目", "次数"], [["电动车", 3], ["ab", 12]], right=[1])
    assert [logs_render.display_width(line) for line in table.splitlines()] == [12, 12, 12, 12]


class FakeLog:
    def __init__(self, path):
        self.path = path
        self.flushed = False

    async def flush(self):
        self.flushed = True
        return True


async def test_telegram_stats_and_unanswered_texts(seeded, tmp_path):
    qlog = FakeLog(seeded)
    text = await admin_texts.stats_text(qlog, today=date(2025, 1, 10))
    assert qlog.flushed
    assert text.splitlines()[0].startswith("今天 2025-01-10：问题 7 · 已回答 14%")
    assert "近 7 天 2025-01-04 至 2025-01-10：问题 12" in text
    text = await admin_texts.unanswered_text(qlog, days=3650)
    assert "1. 4 次" in text
    assert await admin_texts.stats_text(FakeLog(str(tmp_path / "none.sqlite3"))) == "暂无查询记录。"


async def test_export_csv_neutralises_formulas_from_citizens(tmp_path):
    path = str(tmp_path / "q.sqlite3")
    asked = ['=HYPERLINK("http://x.example","点我")', "+1+1", "-2", "@SUM(A1)", "\t=1", "\r=1", "电动车 = 电瓶车？"]
    log = await QueryLog.open(path, flush_interval=60)
    for text in asked:  # the engine's reason may quote what was asked (place:…)
        log.record_question(user_id=USER, chat_type="private", latency_ms=1.0,
                            reply=Reply(status="fallback", text="", query=text, normalized=text, reason=text))
    await log.close()
    out = tmp_path / "log.csv"
    review.export(path, "csv", out)
    rows = list(csv.DictReader(io.StringIO(out.read_bytes().decode("utf-8-sig"), newline="")))
    assert [r["text"] for r in rows] == ["'" + t for t in asked[:-1]] + [asked[-1]]
    assert all(not r["normalized"].startswith(("=", "+", "-", "@", "\t", "\r")) for r in rows)
    assert [r["reason"] for r in rows] == [r["text"] for r in rows]


def test_terminal_output_escapes_control_and_bidi_characters():
    group = review.UnansweredGroup(count=1, fallback=1, clarify=0, declined_answer=0, examples=["驾照\u202e扣分\x1b[2J\r查"], variants=1,
                                   near_entries=[], first_seen="", last_seen="")
    text = logs_render.format_groups_text([group])
    assert "驾照\\u202e扣分\\x1b[2J\\x0d查" in text
    assert not any(ch in text for ch in ("\u202e", "\x1b", "\r"))
    down = logs_render.format_downvoted_text([review.Downvoted("\u2066坏\u2069", "a", 1, 1, "2025-01-10T00:00:00.000Z")])
    assert "\\u2066坏\\u2069" in down and "\u2066" not in down


def test_clustering_compares_few_leaders_yet_groups_as_the_full_scan_does():
    import random

    rnd = random.Random(3)
    parts = (["请问", "你好", "麻烦问下", "我想问"], ["电动车", "摩托车", "小轿车", "货车", "三轮车"],
             ["被扣分了", "年检过期", "驾照丢了", "没挂牌", "被贴罚单"], ["怎么办", "去哪处理", "要带什么", "多久能好"])
    texts = {"".join(rnd.choice(p) for p in parts) + rnd.choice(["", "呢", "啊", "吗"]) for _ in range(400)}
    items = []
    for i, text in enumerate(sorted(texts)):
        w = review.Wording(key=text, first="2025-01-10T00:00:00.000Z", last="2025-01-10T00:00:00.000Z", count=1 + i % 3)
        w.texts[text] += w.count
        w.status["fallback"] += w.count
        if i % 4 == 0:
            w.near[f"entry-{i % 7}"] += 1
        items.append(w)
    items.sort(key=lambda it: (-it.count, it.key))

    def placement(groups):
        return {m.key: g[0].key for g in groups for m in g}

    fast = review.cluster(items, max_compared=5)  # far fewer than the groups there are
    full = review.cluster(items, max_compared=None)
    assert len(full) > 20
    assert placement(fast) == placement(full)


async def test_a_forged_wildcard_entry_id_is_never_proposed(tmp_path):
    # A forged button press "%" once matched every offered id through LIKE.
    path = str(tmp_path / "q.sqlite3")
    await _clarified(path, [(1, "小电驴牌照去哪办", "%", 1), (2, "小电驴牌照去哪办", "%", 1),
                            (3, "小电驴牌照去哪办", "ebike-plate_", 1), (4, "小电驴牌照去哪办", "ebike-plate_", 1)])
    assert review.suggestions(path, min_users=1) == []


def test_until_the_last_day_of_the_calendar_is_an_open_end(seeded):
    assert review.summary(seeded, until=date(9999, 12, 31)).total == review.summary(seeded).total > 0


# ---------------------------------------------------------------------------- replies that declined

PASSENGERS = Candidate("nm-passengers", "电动车、自行车能带人吗？", 0.0)


async def test_a_reply_that_declined_is_exported_with_its_reason_and_counted(tmp_path):
    path = str(tmp_path / "q.sqlite3")
    log = await QueryLog.open(path, flush_interval=60)
    asked = [  # (user, reply)
        (1, Reply(status="answer", text="", query="电动车能带人吗", normalized="电动车能带人吗", entry_id="nm-passengers",
                  candidates=(PASSENGERS,), declined=True, reason="answer: nm-passengers (subject 电动自行车, aspect 载人)")),
        (2, Reply(status="answer", text="", query="电动车能带人吗", normalized="电动车能带人吗", entry_id="nm-passengers",
                  candidates=(PASSENGERS,), declined=True, reason="answer: nm-passengers (subject 电动自行车, aspect 载人)")),
        (3, Reply(status="clarify", text="", query="电瓶车能带人不", normalized="电瓶车能带人不", candidates=(PASSENGERS,),
                  choices=(PASSENGERS,), declined=True, reason="aspect:载人 not held for 电动自行车")),
        (4, Reply(status="answer", text="", query="电动车要上牌吗", normalized="电动车要上牌吗", entry_id="ebike-plates",
                  candidates=(PLATES,), reason="answer: ebike-plates (subject 电动自行车, aspect 上牌)")),
        (5, Reply(status="fallback", text="", query="车管所几点下班", normalized="车管所几点下班",
                  reason="fallback: nothing close")),
    ]
    for user, reply in asked:
        log.record_question(user_id=user, chat_type="private", reply=reply, latency_ms=1.0)
    await log.close()

    out = tmp_path / "log.csv"
    assert review.export(path, "csv", out) == 5
    rows = list(csv.DictReader(io.StringIO(out.read_bytes().decode("utf-8-sig"), newline="")))
    assert list(rows[0])[7:10] == ["status", "declined", "reason"]  # side by side in the spreadsheet
    assert [(r["text"], r["status"], r["declined"], r["reason"]) for r in rows] == [
        ("电动车能带人吗", "answer", "1", "answer: nm-passengers (subject 电动自行车, aspect 载人)"),
        ("电动车能带人吗", "answer", "1", "answer: nm-passengers (subject 电动自行车, aspect 载人)"),
        ("电瓶车能带人不", "clarify", "1", "aspect:载人 not held for 电动自行车"),
        ("电动车要上牌吗", "answer", "0", "answer: ebike-plates (subject 电动自行车, aspect 上牌)"),
        ("车管所几点下班", "fallback", "1", "fallback: nothing close"),
    ]
    out = tmp_path / "log.jsonl"
    review.export(path, "jsonl", out)
    lines = [json.loads(x) for x in out.read_text(encoding="utf-8").splitlines()]
    assert [(x["entry_id"], x["declined"], x["reason"]) for x in lines][::2] == [
        ("nm-passengers", True, "answer: nm-passengers (subject 电动自行车, aspect 载人)"),
        (None, True, "aspect:载人 not held for 电动自行车"),
        (None, True, "fallback: nothing close"),
    ]
    assert lines[3]["declined"] is False

    # the answers that said "not held here" are among the questions to look at, beside the clarify
    groups = review.unanswered_groups(path)
    assert [(g.count, g.fallback, g.clarify, g.declined_answer, g.examples[0]) for g in groups] == [
        (3, 0, 1, 2, "电动车能带人吗"), (1, 1, 0, 0, "车管所几点下班")]
    text = logs_render.format_groups_text(groups)
    assert text.startswith("1. 3 次（未答 0，澄清 1，回答说没有资料 2）\n   · 电动车能带人吗\n   · 电瓶车能带人不\n")
    assert "电动车要上牌吗" not in text  # a plain answer is no gap

    s = review.summary(path)
    assert (s.total, s.by_status["fallback"], s.declined) == (5, 1, 4)
    assert "说了没有资料 4 次（80%，含未能回答 1 次）" in logs_render.format_summary_text(s)
    assert review.summary(path).to_json()["declined"] == 4


def old_log(path, version: int) -> None:
    """A log the bot has not upgraded yet: the real migrations up to `version` only, holding two
    fallbacks, a "not held" clarify and an answer as that bot wrote them (no `declined`; version 1
    no `reason` either)."""
    conn = sqlite3.connect(path, isolation_level=None)
    for step in MIGRATIONS[:version]:
        for statement in step:
            conn.execute(statement)
    conn.execute(f"PRAGMA user_version = {version}")
    rows = [
        ("fb1", "2025-01-10T01:00:00.000Z", "fallback", "车管所在哪", None, "[]", "fallback: nothing close"),
        ("fb2", "2025-01-10T02:00:00.000Z", "fallback", "车管所在哪里", None, "[]", "fallback: nothing close"),
        ("cl", "2025-01-10T03:00:00.000Z", "clarify", "电动车能带人吗", None, '["nm-passengers"]',
         "aspect:载人 not held for 电动自行车"),
        ("an", "2025-01-10T04:00:00.000Z", "answer", "电动车要上牌吗", "ebike-plates", "[]", "answer: ebike-plates"),
    ]
    columns = "id, ts, user_hash, chat_type, text, normalized, status, entry_id, choices" + (", reason" if version >= 2 else "")
    for qid, ts, status, text, entry, choices, reason in rows:
        values = (qid, ts, "h", "private", text, text, status, entry, choices) + ((reason,) if version >= 2 else ())
        conn.execute(f"INSERT INTO questions ({columns}) VALUES ({', '.join('?' * len(values))})", values)
    conn.close()


@pytest.mark.parametrize("version", [1, 2])
def test_a_log_the_bot_has_not_upgraded_yet_is_read_as_it_is_and_left_untouched(tmp_path, version):
    folder = tmp_path / "data"
    folder.mkdir()
    path = folder / "q.sqlite3"
    old_log(path, version)
    before = (path.read_bytes(), path.stat().st_mtime_ns, sorted(os.listdir(folder)))

    out = tmp_path / "log.csv"
    assert review.export(path, "csv", out) == 4
    rows = list(csv.DictReader(io.StringIO(out.read_bytes().decode("utf-8-sig"), newline="")))
    reasons = ["fallback: nothing close"] * 2 + ["aspect:载人 not held for 电动自行车", "answer: ebike-plates"]
    assert [(r["status"], r["declined"], r["reason"]) for r in rows] == [
        ("fallback", "1", reasons[0] if version >= 2 else ""),  # a fallback always declined
        ("fallback", "1", reasons[1] if version >= 2 else ""),
        ("clarify", "0", reasons[2] if version >= 2 else ""),  # not recorded then: not claimed
        ("answer", "0", reasons[3] if version >= 2 else ""),
    ]
    out = tmp_path / "log.jsonl"
    assert review.export(path, "jsonl", out) == 4
    assert [json.loads(x)["declined"] for x in out.read_text(encoding="utf-8").splitlines()] == [True, True, False, False]

    groups = review.unanswered_groups(path)
    assert [(g.count, g.fallback, g.clarify, g.declined_answer) for g in groups] == [(2, 2, 0, 0), (1, 0, 1, 0)]
    assert logs_render.format_groups_text(groups).startswith("1. 2 次（未答 2，澄清 0，回答说没有资料 0）")
    assert review.summary(path).declined == 2

    # read only: the file is as it was, not migrated, no journal left beside it
    assert (path.read_bytes(), path.stat().st_mtime_ns, sorted(os.listdir(folder))) == before
    conn = sqlite3.connect(path)
    assert conn.execute("PRAGMA user_version").fetchone()[0] == version
    assert "declined" not in {row[1] for row in conn.execute("PRAGMA table_info(questions)")}
    conn.close()
