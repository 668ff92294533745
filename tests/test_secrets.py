"""No bot token, webhook secret or hash secret in anything the bot prints, at any log level, for the
config mistakes operators make: the token as a list or mapping, pasted into `admins`, appended to
`base_url`; and at DEBUG python-telegram-bot's own lines (setWebhook's parameters, every update)
show neither secrets nor citizens' ids and words."""

from __future__ import annotations

import signal
from pathlib import Path

import pytest
import yaml
from fakebotapi import FakeBotAPI
from telegram_support import TOKEN, one_topic_knowledge
from test_telegram_e2e import bot_process, reap, write_config
from test_webhook import free_port, post, wait_listening

from bot import cli

SECRET = "hook-Secret_value-4711"
HASH_SECRET = "hash-secret-value-0815"
CITIZEN = 739184620
QUESTION = "电动车要上牌吗，我住在和平街"


@pytest.fixture
def api():
    with FakeBotAPI(TOKEN) as server:
        yield server


def write_run_config(tmp_path, telegram: dict, extra: dict | None = None) -> Path:
    """A config file with these telegram settings (and `extra` sections), logging at DEBUG."""
    data = {"telegram": {"rate_limiter": False, "poll_timeout": 1, **telegram},
            "storage": {"database": str(tmp_path / "log.sqlite3"), "hash_secret": HASH_SECRET},
            "knowledge": {"path": str(one_topic_knowledge(tmp_path)), "watch": False}, "logging": {"level": "DEBUG"}}
    for section, values in (extra or {}).items():
        data[section] = {**data.get(section, {}), **values}
    path = tmp_path / "config.yaml"
    path.write_text(yaml.safe_dump(data, allow_unicode=True), encoding="utf-8")
    return path


def run_in_process(tmp_path, capsys, monkeypatch, telegram: dict, *, env_token: str | None = None,
                   extra: dict | None = None) -> tuple[int, str]:
    """`trafficbot run` through cli.main in this process, for settings it refuses before anything starts
    or a start that fails at the Bot API (with the run_restored fixture: no process is needed to see
    that): its exit code and all it printed, stdout then stderr (log lines: caplog)."""
    if env_token:
        monkeypatch.setenv("TRAFFICBOT_TOKEN", env_token)
    else:
        monkeypatch.delenv("TRAFFICBOT_TOKEN", raising=False)
    code = cli.main(["run", "--config", str(write_run_config(tmp_path, telegram, extra))])
    printed = capsys.readouterr()
    return code, printed.out + printed.err


def assert_no_secret(output: str) -> None:
    for secret in (TOKEN, TOKEN.split(":")[1], SECRET, HASH_SECRET):
        assert secret not in output, output[-2000:]
    assert "Traceback" not in output, output[-2000:]


@pytest.mark.parametrize("telegram", [
    {"token": [TOKEN]},
    {"token": {"value": TOKEN}},
    {"token": TOKEN, "admins": [4242, TOKEN]},
    {"admins": [TOKEN]},
    {"token": TOKEN, "base_url": "http://127.0.0.1:9/bot" + TOKEN},
    {"base_url": "http://127.0.0.1:9/bot" + TOKEN + "/"},
    {"token": TOKEN, "webhook": {"secret_token": [SECRET]}},
    {"token": TOKEN, "mode": "webhook", "webhook": {"url": f"https://bot.example.org/{SECRET}", "secret_token": SECRET + "!"}},
], ids=["token-list", "token-mapping", "token-in-admins", "token-only-in-admins", "token-in-base_url",
        "base_url-with-token-no-token", "secret-as-list", "bad-secret"])
def test_config_mistakes_never_print_a_secret(tmp_path, capsys, monkeypatch, caplog, telegram):
    code, output = run_in_process(tmp_path, capsys, monkeypatch, telegram)
    assert code == 2, output[-2000:]
    assert "config error" in output
    assert_no_secret(output + caplog.text)


def test_token_in_base_url_from_the_environment_is_refused_without_showing_it(tmp_path, capsys, monkeypatch, caplog):
    code, output = run_in_process(tmp_path, capsys, monkeypatch, {"base_url": "https://api.telegram.org/bot" + TOKEN},
                                  env_token=TOKEN)
    assert code == 2 and "base_url" in output
    assert_no_secret(output + caplog.text)


def test_a_wrong_base_url_path_says_so_not_that_the_token_was_rejected(api, tmp_path, capsys, monkeypatch, caplog,
                                                                          run_restored):
    code, output = run_in_process(tmp_path, capsys, monkeypatch, {"token": TOKEN, "base_url": api.base_url.removesuffix("/bot") + "/api"})
    assert code == 1
    assert "base_url" in output and "rejected the token" not in output
    assert_no_secret(output + caplog.text)


def test_an_unreachable_server_is_named_without_the_token(tmp_path, capsys, monkeypatch, caplog, run_restored):
    code, output = run_in_process(tmp_path, capsys, monkeypatch, {"token": TOKEN, "base_url": "http://127.0.0.1:9/bot"})
    assert code == 1 and "Cannot reach" in output
    assert_no_secret(output + caplog.text)


def test_debug_logs_show_no_secret_no_user_id_no_question(api, tmp_path):
    """At DEBUG PTB logs setWebhook's parameters (the secret) and every update (raw ids, text)."""
    port = free_port()
    config = write_config(tmp_path, api, extra={
        "telegram": {"mode": "webhook", "webhook": {"listen": "127.0.0.1", "port": port, "path": "telegram",
                                                    "url": "https://bot.example.org/telegram", "secret_token": SECRET}},
        "storage": {"hash_secret": HASH_SECRET}, "logging": {"level": "DEBUG"}})
    proc = bot_process(config)
    try:
        api.wait_for_call("setWebhook", timeout=60)
        wait_listening(port)
        mark = api.mark()
        assert post(port, {"update_id": 9, **api.text_update(QUESTION, user_id=CITIZEN)}, SECRET) == 200
        api.wait_for_call("sendMessage", since=mark, timeout=10)
        assert post(port, {"update_id": 10, **api.text_update(QUESTION, user_id=CITIZEN)}, "wrong") == 403
        proc.send_signal(signal.SIGTERM)
        output, _ = proc.communicate(timeout=15)
    finally:
        reap(proc)
    assert proc.returncode == 0, output[-3000:]
    assert "setWebhook" in output  # DEBUG lines are there, only withheld
    for secret in (TOKEN, TOKEN.split(":")[1], SECRET, HASH_SECRET, str(CITIZEN), "和平街"):
        assert secret not in output, (secret, output[-3000:])
