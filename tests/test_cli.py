"""The staff CLI as staff run it: `cli.main([...])` in this process with its real stdin/stdout and
exit codes; a real process only where the process is the point (the entry point, real stdin bytes)."""

import argparse
import io
import json
import re
import subprocess
import sys
from pathlib import Path

import pytest
from telegram_support import one_topic_knowledge, process_env, real_build

from bot import cli

ROOT = Path(__file__).resolve().parent.parent


@pytest.fixture(autouse=True)
def no_token(monkeypatch):
    monkeypatch.delenv("TRAFFICBOT_TOKEN", raising=False)


@pytest.fixture(autouse=True)
def built_once(monkeypatch, engine):
    """The real engine on the real knowledge is built once per session, not once per command: the
    commands that build (cached_build, build_engine) get the session's engine and its build's problems
    for the shipped knowledge, whose replies the other tests asking the same questions share."""
    from bot import buildcache, kbcheck
    from bot import engine as engine_module
    from bot.config import MatchingConfig

    def shipped(path, matching) -> bool:
        return Path(path).resolve() == (ROOT / "knowledge").resolve() and (matching or MatchingConfig()) == MatchingConfig()

    build = engine_module.build_engine

    def cached(path, matching=None):
        return real_build() if shipped(path, matching) else build(path, matching)

    monkeypatch.setattr(engine_module, "build_engine", cached)
    # nor read back from the disk cache (a copy, not the session's engine the eval report is of);
    # kb check imported cached_build by name, so it is replaced there too
    kept = buildcache.cached_build

    def session_or_kept(path, matching=None, **options):
        return real_build() if shipped(path, matching) else kept(path, matching, **options)

    monkeypatch.setattr(buildcache, "cached_build", session_or_kept)
    monkeypatch.setattr(kbcheck, "cached_build", session_or_kept)


def feed(monkeypatch, data: bytes) -> None:
    """Standard input as a pipe would give it (not a terminal)."""
    monkeypatch.setattr(sys, "stdin", io.TextIOWrapper(io.BytesIO(data), encoding="utf-8"))


def config(tmp_path: Path) -> Path:
    cfg = tmp_path / "config.yaml"
    cfg.write_text(f"storage:\n  database: {tmp_path / 'log.sqlite3'}\nknowledge:\n  path: {ROOT / 'knowledge'}\n",
                   encoding="utf-8")
    return cfg


def test_ask_json_one_line_per_input_line_in_order_from_a_real_process(tmp_path):
    lines = ["俺的电动车要不要去上牌", "", "字" * 20000, "出车祸了有人受伤"]
    data = ("\n".join(lines) + "\n").encode() + b"\xff\xfe bad bytes\n"
    knowledge = str(one_topic_knowledge(tmp_path))  # the process's start-up is not what is tested
    p = subprocess.run([sys.executable, "-m", "bot", "ask", "--json", "--knowledge", knowledge], input=data, capture_output=True,
                       cwd=ROOT, env=process_env(), timeout=120, check=False)
    assert p.returncode == 0, p.stderr.decode()
    out = [json.loads(x) for x in p.stdout.decode().splitlines()]
    assert len(out) == 5
    assert out[0]["status"] == "answer" and out[0]["entry"] == "ebike-plates"
    assert out[1]["status"] == "fallback"
    assert out[3]["status"] == "emergency" and "122" in out[3]["answer"]
    assert set(out[0]) == {"query", "status", "answer", "entry", "score", "candidates", "reason", "declined"}
    assert out[1]["declined"] is True and out[0]["declined"] is False
    # which step decided, and why: staff read it to see what the engine understood
    assert out[0]["reason"].startswith("answer: ebike-plates") and "上牌" in out[0]["reason"]
    assert out[3]["reason"].startswith("emergency")
    assert all({"id", "question", "score"} == set(c) for c in out[0]["candidates"])


def test_ask_arguments(capsys):
    assert cli.main(["ask", "--json", "头盔", "你好"]) == 0
    rows = [json.loads(x) for x in capsys.readouterr().out.splitlines()]
    assert [r["query"] for r in rows] == ["头盔", "你好"]
    assert rows[1]["status"] == "smalltalk"


def test_ask_log_writes_each_question_and_summary_counts_them(tmp_path, monkeypatch, capsys):
    cfg = config(tmp_path)
    questions = ["电动车要上牌吗", "驾照扣分怎么查", "出车祸了有人受伤", "你好"]
    feed(monkeypatch, ("\n".join(questions) + "\n").encode())
    assert cli.main(["ask", "--log", "--config", str(cfg)]) == 0
    assert "logging questions to" in capsys.readouterr().err
    assert cli.main(["logs", "summary", "--json", "--config", str(cfg)]) == 0
    report = json.loads(capsys.readouterr().out)
    assert report["total"] == len(questions) and report["users"] == 1
    assert cli.main(["logs", "export", "--json", "--output", "-", "--config", str(cfg)]) == 0
    rows = [json.loads(x) for x in capsys.readouterr().out.splitlines()]
    assert [r["text"] for r in rows] == questions
    assert {r["chat_type"] for r in rows} == {"console"} and len(rows[0]["user_hash"]) == 16


def test_without_log_nothing_is_logged(tmp_path, capsys):
    cfg = config(tmp_path)
    assert cli.main(["ask", "--config", str(cfg), "电动车要上牌吗"]) == 0
    assert not (tmp_path / "log.sqlite3").exists()


def test_chat_log_records_the_clarify_choice_and_the_rating_like_telegram(tmp_path, monkeypatch, capsys):
    cfg = config(tmp_path)
    feed(monkeypatch, "电动车\n1\n+\n".encode())
    assert cli.main(["chat", "--log", "--config", str(cfg)]) == 0
    out = capsys.readouterr().out
    assert "已记录 👍" in out
    assert cli.main(["logs", "export", "--json", "--output", "-", "--config", str(cfg)]) == 0
    rows = [json.loads(x) for x in capsys.readouterr().out.splitlines()]
    assert len(rows) == 1 and rows[0]["text"] == "电动车"  # a number picks a choice: no new question
    picked = rows[0]["chosen"]
    assert len(picked) == 1 and rows[0]["feedback"] == [{"entry_id": picked[0], "value": 1}]
    assert picked[0] == rows[0]["choices_offered"][0]


def test_chat_numbers_pick_choices_out_of_range_keeps_them_and_eof_leaves_cleanly(monkeypatch, capsys):
    feed(monkeypatch, "电动车要上牌吗\n7\n1\n".encode())
    assert cli.main(["chat"]) == 0
    out = capsys.readouterr().out
    assert "相关问题" in out and out.count("来源：") == 2  # 7 answered nothing, 1 still picked
    assert "没有第 7 项，请输入 1–3 之间的序号" in out and "No choice 7" in out
    assert out.rstrip().endswith("再见！")


def test_rating_without_log_says_it_is_not_logged(monkeypatch, capsys):
    feed(monkeypatch, "+\n电动车要上牌吗\n-\n".encode())
    assert cli.main(["chat"]) == 0
    out = capsys.readouterr().out
    assert "还没有可以评价的回答" in out and "Not logged: chat was started without --log" in out


def test_main_without_token_falls_back_to_console_chat(monkeypatch, capsys):
    feed(monkeypatch, "你好\n".encode())
    assert cli.main([]) == 0
    captured = capsys.readouterr()
    assert "TRAFFICBOT_TOKEN" in captured.err
    assert "问答助手" in captured.out


def test_every_command_and_option_has_a_chinese_and_english_help_line():
    han, latin = re.compile(r"[\u4e00-\u9fff]"), re.compile(r"[A-Za-z]{3}")
    missing = []

    def walk(parser: argparse.ArgumentParser, name: str) -> None:
        for action in parser._actions:
            if isinstance(action, argparse._SubParsersAction):
                helps = {a.dest: a.help or "" for a in action._choices_actions}
                for choice, sub in action.choices.items():
                    if not (han.search(helps[choice]) and latin.search(helps[choice])):
                        missing.append(f"{name} {choice}")
                    walk(sub, f"{name} {choice}")
            elif not (han.search(action.help or "") and latin.search(action.help or "")):
                missing.append(f"{name} {'/'.join(action.option_strings) or action.dest}")

    walk(cli.build_parser(), "trafficbot")
    assert missing == []


def test_ask_help_says_it_reads_standard_input(capsys):
    with pytest.raises(SystemExit) as done:
        cli.main(["ask", "--help"])
    assert done.value.code == 0
    out = " ".join(capsys.readouterr().out.split())
    assert "standard input" in out and "标准输入" in out
    assert "without --log nothing is logged" in out and "不加则什么都不记录" in out


def test_kb_check_passes_on_the_real_knowledge(capsys):
    assert cli.main(["kb", "check"]) == 0
    assert "OK" in capsys.readouterr().out


def test_kb_check_names_file_and_line_without_traceback(tmp_path, capsys):
    knowledge = one_topic_knowledge(tmp_path, "team.yaml")  # a topic to check beside the broken file
    (knowledge / "ebike.yaml").write_text("topic: x\nentries:\n  - id: a\n    questions: [\n", encoding="utf-8")
    assert cli.main(["kb", "check", "--knowledge", str(knowledge)]) == 1
    captured = capsys.readouterr()
    out = captured.out + captured.err
    assert "ebike.yaml:" in out and "Traceback" not in out


def test_kb_export_json(capsys):
    assert cli.main(["kb", "export", "--json"]) == 0
    rows = json.loads(capsys.readouterr().out)
    assert {"id", "topic", "questions", "answer", "source", "updated", "related"} == set(rows[0])
    assert len({r["id"] for r in rows}) == len(rows)


def test_config_errors_name_the_key(tmp_path, capsys):
    cfg = tmp_path / "c.yaml"
    cfg.write_text("matching:\n  answer_treshold: 0.5\n", encoding="utf-8")
    assert cli.main(["ask", "--config", str(cfg), "你好"]) == 2
    assert "matching.answer_treshold" in capsys.readouterr().err
    cfg.write_text("telegram:\n  admins: [abc]\n", encoding="utf-8")
    assert cli.main(["ask", "--config", str(cfg), "你好"]) == 2
    assert "telegram.admins" in capsys.readouterr().err


def test_eval_prints_figures_and_baselines(capsys, monkeypatch, engine, default_report):
    from bot import evaluate as evaluate_module

    evaluate = evaluate_module.evaluate

    def evaluated_once(used, items, baselines=True):
        # the session's engine on the default set with baselines: test_quality's report, computed once
        if used is engine and baselines and items == evaluate_module.load_labelled(evaluate_module.DEFAULT_SET):
            return default_report
        return evaluate(used, items, baselines)

    monkeypatch.setattr(evaluate_module, "evaluate", evaluated_once)
    assert cli.main(["eval"]) == 0
    out = capsys.readouterr().out
    assert "in-scope answered correctly" in out
    assert "rapidfuzz extractOne WRatio" in out and "BM25" in out


def test_eval_reads_jsonl_and_csv_with_several_acceptable_entries(tmp_path, capsys):
    rows = [{"q": "救助基金", "expect": ["fund-what", "fund-apply"], "kind": "oneword"},
            {"query": "明天天气怎么样", "expected": "fallback"}]
    path = tmp_path / "set.jsonl"
    path.write_text("\n".join(json.dumps(r, ensure_ascii=False) for r in rows), encoding="utf-8")
    assert cli.main(["eval", "--json", "--no-baselines", str(path)]) == 0
    report = json.loads(capsys.readouterr().out)
    assert report["items"] == 2 and report["accuracy"]["overall"] == 1.0
    csv_path = tmp_path / "set.csv"
    csv_path.write_text("q,expect\n电动车要上牌吗,ebike-plates\n出车祸了有人受伤,emergency\n", encoding="utf-8-sig")
    assert cli.main(["eval", "--json", "--no-baselines", str(csv_path)]) == 0
    assert json.loads(capsys.readouterr().out)["accuracy"]["overall"] == 1.0
