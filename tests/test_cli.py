"""The staff CLI as staff run it: a real process, real stdin/stdout, exit codes."""

import json
import os
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent


def run(*args, stdin: bytes = b"", env=None, cwd=ROOT):
    e = {**os.environ, **(env or {})}
    e.pop("TRAFFICBOT_TOKEN", None)
    return subprocess.run([sys.executable, "-m", "bot", *args], input=stdin, capture_output=True,
                          cwd=cwd, env=e, timeout=120)


def test_ask_json_one_line_per_input_line_in_order():
    lines = ["电动车要上牌吗", "", "字" * 20000, "出车祸了有人受伤"]
    data = ("\n".join(lines) + "\n").encode() + b"\xff\xfe bad bytes\n"
    p = run("ask", "--json", stdin=data)
    assert p.returncode == 0, p.stderr.decode()
    out = [json.loads(x) for x in p.stdout.decode().splitlines()]
    assert len(out) == 5
    assert out[0]["status"] == "answer" and out[0]["entry"] == "ebike-plates"
    assert out[1]["status"] == "fallback"
    assert out[3]["status"] == "emergency" and "122" in out[3]["answer"]
    assert set(out[0]) == {"query", "status", "answer", "entry", "score", "candidates", "reason"}
    # which step decided, and why: staff read it to see what the engine understood
    assert out[0]["reason"].startswith("answer: ebike-plates") and "上牌" in out[0]["reason"]
    assert out[3]["reason"].startswith("emergency")
    assert all({"id", "question", "score"} == set(c) for c in out[0]["candidates"])


def test_ask_arguments():
    p = run("ask", "--json", "头盔", "你好")
    rows = [json.loads(x) for x in p.stdout.decode().splitlines()]
    assert [r["query"] for r in rows] == ["头盔", "你好"]
    assert rows[1]["status"] == "smalltalk"


def test_kb_check_passes_on_the_real_knowledge():
    p = run("kb", "check")
    assert p.returncode == 0, p.stdout.decode() + p.stderr.decode()
    assert "OK" in p.stdout.decode()


def test_kb_check_names_file_and_line_without_traceback(tmp_path):
    for f in (ROOT / "knowledge").glob("*.yaml"):
        (tmp_path / f.name).write_bytes(f.read_bytes())
    (tmp_path / "ebike.yaml").write_text("topic: x\nentries:\n  - id: a\n    questions: [\n", encoding="utf-8")
    p = run("kb", "check", "--knowledge", str(tmp_path))
    out = p.stdout.decode() + p.stderr.decode()
    assert p.returncode == 1
    assert "ebike.yaml:" in out and "Traceback" not in out


def test_kb_export_json():
    p = run("kb", "export", "--json")
    rows = json.loads(p.stdout.decode())
    assert {"id", "topic", "questions", "answer", "source", "updated", "related"} == set(rows[0])
    assert len({r["id"] for r in rows}) == len(rows)


def test_chat_numbers_pick_choices_and_eof_leaves_cleanly():
    p = run("chat", stdin="电动车要上牌吗\n1\n".encode())
    out = p.stdout.decode()
    assert p.returncode == 0
    assert "相关问题" in out and out.count("来源：") == 2
    assert "Traceback" not in p.stderr.decode()


def test_main_without_token_falls_back_to_console_chat():
    p = run(stdin="你好\n".encode())
    assert p.returncode == 0
    assert "TRAFFICBOT_TOKEN" in p.stderr.decode()
    assert "问答助手" in p.stdout.decode()


def test_config_errors_name_the_key(tmp_path):
    cfg = tmp_path / "c.yaml"
    cfg.write_text("matching:\n  answer_treshold: 0.5\n", encoding="utf-8")
    p = run("ask", "--config", str(cfg), "你好")
    assert p.returncode == 2
    assert "matching.answer_treshold" in p.stderr.decode()
    cfg.write_text("telegram:\n  admins: [abc]\n", encoding="utf-8")
    p = run("ask", "--config", str(cfg), "你好")
    assert p.returncode == 2 and "telegram.admins" in p.stderr.decode()


def test_eval_prints_figures_and_baselines():
    p = run("eval")
    out = p.stdout.decode()
    assert p.returncode == 0, p.stderr.decode()
    assert "in-scope answered correctly" in out
    assert "rapidfuzz extractOne WRatio" in out and "BM25" in out


def test_eval_reads_jsonl_and_csv_with_several_acceptable_entries(tmp_path):
    rows = [{"q": "救助基金", "expect": ["fund-what", "fund-apply"], "kind": "oneword"},
            {"query": "明天天气怎么样", "expected": "fallback"}]
    path = tmp_path / "set.jsonl"
    path.write_text("\n".join(json.dumps(r, ensure_ascii=False) for r in rows), encoding="utf-8")
    p = run("eval", "--json", "--no-baselines", str(path))
    report = json.loads(p.stdout.decode())
    assert report["items"] == 2 and report["accuracy"]["overall"] == 1.0
    csv_path = tmp_path / "set.csv"
    csv_path.write_text("q,expect\n电动车要上牌吗,ebike-plates\n出车祸了有人受伤,emergency\n", encoding="utf-8-sig")
    report = json.loads(run("eval", "--json", "--no-baselines", str(csv_path)).stdout.decode())
    assert report["accuracy"]["overall"] == 1.0
