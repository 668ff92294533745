"""`trafficbot logs …`: thin commands over bot.review, with --config and --json."""

from __future__ import annotations

import argparse
import json
import os
import sqlite3
import subprocess
import sys
import threading
from pathlib import Path

import pytest

from bot import logs_cli
from bot.querylog import QueryLog
from bot.reply import Candidate, Reply

ROOT = Path(__file__).resolve().parent.parent


def run(argv: list[str]) -> int:
    """Parse like bot.cli does (a `logs` subcommand under the top parser) and dispatch."""
    parser = argparse.ArgumentParser(prog="trafficbot")
    parser.add_argument("--config")
    sub = parser.add_subparsers(dest="command")
    logs_cli.register(sub)
    args = parser.parse_args(argv)
    return args.func(args)


@pytest.fixture
async def setup(tmp_path):
    db = tmp_path / "data" / "log.sqlite3"
    cfg = tmp_path / "config.yaml"
    cfg.write_text(
        f"storage:\n  database: data/log.sqlite3\n  retention_days: 30\nknowledge:\n  path: {ROOT / 'knowledge'}\n",
        encoding="utf-8",
    )
    log = await QueryLog.open(str(db), flush_interval=60)
    plates = Candidate("ebike-plates", "电动自行车需要上牌吗？", 0.5)
    for status, q in [("answer", "电动车要上牌吗"), ("fallback", "驾照扣分怎么查"), ("fallback", "驾照扣分怎么查询"),
                      ("clarify", "小电驴挂牌子在哪弄"), ("emergency", "撞车了")]:
        reply = Reply(status=status, text="", query=q, normalized=q, entry_id="ebike-plates" if status == "answer" else None,
                      candidates=(plates,) if status in ("answer", "clarify") else (),
                      choices=(plates,) if status == "clarify" else ())
        qid = log.record_question(user_id=555000111, chat_type="private", reply=reply, latency_ms=3)
        if status == "clarify":
            log.record_choice(qid, "ebike-plates")
    await log.close()
    return cfg, db


def test_summary_table_and_json(setup, capsys):
    cfg, _ = setup
    assert run(["logs", "summary", "--config", str(cfg)]) == 0
    out = capsys.readouterr().out
    assert "问题 5 · 已回答 20% · 需澄清 20% · 未能回答 40% · 紧急 20% · 闲聊 0%" in out
    assert "说了没有资料 2 次（40%，含未能回答 2 次）" in out
    assert "ebike-plates" in out
    assert run(["logs", "summary", "--config", str(cfg), "--json", "--since", "2000-01-01"]) == 0
    data = json.loads(capsys.readouterr().out)
    assert data["total"] == 5 and data["by_status"]["fallback"] == 2 and data["since"] == "2000-01-01"
    assert data["declined"] == 2


def test_config_before_the_subcommand_is_kept(setup, capsys):
    cfg, _ = setup
    assert run(["--config", str(cfg), "logs", "summary", "--json"]) == 0
    assert json.loads(capsys.readouterr().out)["total"] == 5


def test_unanswered_and_json(setup, capsys):
    cfg, _ = setup
    assert run(["logs", "unanswered", "--config", str(cfg)]) == 0
    out = capsys.readouterr().out
    assert out.startswith("1. 2 次（未答 2，澄清 0，回答说没有资料 0）")
    assert run(["logs", "unanswered", "--config", str(cfg), "--json", "--limit", "1"]) == 0
    groups = json.loads(capsys.readouterr().out)
    assert len(groups) == 1 and groups[0]["count"] == 2


def test_suggest_prints_yaml_to_paste_with_how_many_users_confirmed(setup, capsys):
    cfg, _ = setup
    assert run(["logs", "suggest", "--config", str(cfg)]) == 0
    out = capsys.readouterr().out
    assert "暂无建议" in out and "at least 2 users" in out  # one user's click proposes nothing
    assert run(["logs", "suggest", "--config", str(cfg), "--min-users", "1"]) == 0
    out = capsys.readouterr().out
    assert "- id: ebike-plates\n  questions:\n    - 小电驴挂牌子在哪弄  # 1 位用户确认，选中 1 次" in out
    assert run(["logs", "suggest", "--config", str(cfg), "--json", "--min-users", "1"]) == 0
    data = json.loads(capsys.readouterr().out)
    assert data["suggestions"][0]["question"] == "小电驴挂牌子在哪弄" and data["suggestions"][0]["users"] == 1
    assert data["yaml"].startswith("- id: ebike-plates")


def test_suggest_skips_questions_already_in_the_knowledge(setup, capsys, tmp_path):
    cfg, db = setup
    conn = sqlite3.connect(db)
    conn.execute("UPDATE questions SET text = '电动自行车需要上牌吗？' WHERE status = 'clarify'")
    conn.commit()
    conn.close()
    assert run(["logs", "suggest", "--config", str(cfg), "--json", "--min-users", "1"]) == 0
    assert json.loads(capsys.readouterr().out)["suggestions"] == []


def test_export_csv(setup, tmp_path, capsys):
    cfg, _ = setup
    out = tmp_path / "export.csv"
    assert run(["logs", "export", "--config", str(cfg), "--format", "csv", "--output", str(out)]) == 0
    raw = out.read_bytes()
    assert raw.startswith(b"\xef\xbb\xbf") and b"555000111" not in raw
    assert raw.decode("utf-8-sig").count("\n") == 6
    assert "5 questions written" in capsys.readouterr().err
    header = raw.decode("utf-8-sig").splitlines()[0].split(",")
    assert header[1:3] == ["time_utc", "time_beijing"] and header[7:10] == ["status", "declined", "reason"]


def test_export_json_means_jsonl_and_contradicting_format_is_an_error(setup, tmp_path, capsys):
    cfg, _ = setup
    assert run(["logs", "export", "--config", str(cfg), "--json", "--output", "-"]) == 0
    rows = [json.loads(line) for line in capsys.readouterr().out.splitlines()]
    assert len(rows) == 5 and rows[0]["time_beijing"].endswith("+08:00")
    out = tmp_path / "x.csv"
    assert run(["logs", "export", "--config", str(cfg), "--json", "--format", "csv", "--output", str(out)]) == 2
    assert "--format csv" in capsys.readouterr().err and not out.exists()


def test_downvoted_lists_every_question_whose_answer_got_a_thumbs_down(setup, capsys):
    cfg, db = setup
    conn = sqlite3.connect(db)
    qid = conn.execute("SELECT id FROM questions WHERE status = 'answer'").fetchone()[0]
    conn.execute("INSERT INTO feedback VALUES (?, 'ebike-plates', '2025-01-10T00:00:00.000Z', -1)", (qid,))
    conn.commit()
    conn.close()
    assert run(["logs", "downvoted", "--config", str(cfg)]) == 0
    out = capsys.readouterr().out
    assert "电动车要上牌吗" in out and "ebike-plates" in out
    assert run(["logs", "downvoted", "--config", str(cfg), "--json"]) == 0
    assert json.loads(capsys.readouterr().out) == [
        {"question": "电动车要上牌吗", "entry_id": "ebike-plates", "count": 1, "users": 1, "last_seen": "2025-01-10T00:00:00.000Z"}]
    assert run(["logs", "summary", "--config", str(cfg)]) == 0
    assert "回答被点 👎 的问题" in capsys.readouterr().out


def test_purge(setup, capsys):
    cfg, db = setup
    conn = sqlite3.connect(db)
    conn.execute("UPDATE questions SET ts = '2020-01-01T00:00:00.000Z' WHERE status = 'fallback'")
    conn.commit()
    conn.close()
    assert run(["logs", "purge", "--config", str(cfg), "--json"]) == 0
    data = json.loads(capsys.readouterr().out)
    assert data == {"older_than_days": 30, "deleted": {"questions": 2, "choices": 0, "feedback": 0}}
    assert run(["logs", "purge", "--config", str(cfg)]) == 0
    assert "deleted 0 questions" in capsys.readouterr().out


def test_missing_database_is_a_clear_message_exit_1(tmp_path, capsys):
    cfg = tmp_path / "config.yaml"
    cfg.write_text("storage:\n  database: nowhere/log.sqlite3\n", encoding="utf-8")
    out = tmp_path / "out.jsonl"
    for cmd in (["summary"], ["unanswered"], ["suggest"], ["downvoted"], ["purge"],
                ["export", "--format", "jsonl", "--output", str(out)]):
        assert run(["logs", *cmd, "--config", str(cfg)]) == 1
        err = capsys.readouterr().err
        assert f"no query log yet at {tmp_path / 'nowhere' / 'log.sqlite3'}" in err and "Traceback" not in err
    assert not out.exists()  # no empty export left behind


def test_bad_date_is_a_usage_error(setup, capsys):
    cfg, _ = setup
    assert run(["logs", "summary", "--config", str(cfg), "--since", "last week"]) == 2
    assert "YYYY-MM-DD" in capsys.readouterr().err


def test_the_real_trafficbot_command_and_a_closed_pipe_ends_quietly(setup):
    cfg, db = setup
    proc = subprocess.run(
        [sys.executable, "-m", "bot", "logs", "summary", "--config", str(cfg), "--json"],
        cwd=ROOT, capture_output=True, text=True, timeout=60,
    )
    assert proc.returncode == 0, proc.stderr
    assert json.loads(proc.stdout)["total"] == 5
    # `export --output - | head -1`: the reader leaves after one line, long before the end
    conn = sqlite3.connect(db)
    columns = [row[1] for row in conn.execute("PRAGMA table_info(questions)")]
    copied = ", ".join("id || ?" if c == "id" else c for c in columns)
    conn.executemany(f"INSERT INTO questions SELECT {copied} FROM questions WHERE length(id) = 12",
                     [(f"-{i}",) for i in range(400)])
    conn.commit()
    conn.close()
    export = subprocess.Popen(
        [sys.executable, "-m", "bot", "logs", "export", "--config", str(cfg), "--format", "jsonl", "--output", "-"],
        cwd=ROOT, stdout=subprocess.PIPE, stderr=subprocess.PIPE, env={**os.environ, "PYTHONUNBUFFERED": "1"},
    )
    assert export.stdout is not None and export.stderr is not None, "started with both piped"
    deadline = threading.Timer(60, export.kill)  # a process that never prints must not hang the suite
    deadline.start()
    try:
        first = export.stdout.readline()
    finally:
        deadline.cancel()
    assert first.startswith(b"{")
    export.stdout.close()
    assert export.wait(timeout=60) == 0
    assert export.stderr.read() == b""
