"""`trafficbot run` refuses settings that would make it spin or go silent, with one clear line that
names the key; a webhook it cannot serve is named too, not shown as a traceback. Settings are
refused before anything starts, so `cli.main` runs in this process; a port in use too (it gets as
far as listening), with the signal handlers and logging it sets put back after."""

from __future__ import annotations

import socket

import pytest
from fakebotapi import FakeBotAPI
from telegram_support import TOKEN
from test_secrets import run_in_process


@pytest.mark.parametrize("section,key,value", [
    ("storage", "flush_interval", 0), ("storage", "flush_interval", -1), ("storage", "flush_interval", float("nan")),
    ("knowledge", "watch_interval", 0), ("knowledge", "watch_interval", float("inf")),
    ("telegram", "poll_timeout", 0), ("telegram", "poll_timeout", -5), ("telegram", "concurrent_updates", 0),
])
def test_zero_or_negative_intervals_are_refused(tmp_path, capsys, monkeypatch, section, key, value):
    telegram = {"token": TOKEN}
    extra = {key: value}
    if section == "telegram":
        telegram.update(extra)
        code, err = run_in_process(tmp_path, capsys, monkeypatch, telegram)
    else:
        code, err = run_in_process(tmp_path, capsys, monkeypatch, telegram, extra={section: extra})
    assert code == 2, err[-2000:]
    assert f"'{section}.{key}'" in err and "at least" in err
    assert "Traceback" not in err
    assert len(err.strip().splitlines()) == 1, err  # one clear line


@pytest.mark.parametrize("value", [-1, 6, float("nan")])
def test_a_close_timeout_beyond_the_stop_budget_is_refused(tmp_path, capsys, monkeypatch, value):
    code, err = run_in_process(tmp_path, capsys, monkeypatch, {"token": TOKEN},
                               extra={"storage": {"close_timeout": value}})
    assert code == 2, err[-2000:]
    assert "'storage.close_timeout'" in err and "between 0 and 5" in err
    assert "Traceback" not in err
    assert len(err.strip().splitlines()) == 1, err


def test_an_http_webhook_url_is_refused_as_such(tmp_path, capsys, monkeypatch):
    code, err = run_in_process(tmp_path, capsys, monkeypatch, {
        "token": TOKEN, "mode": "webhook", "webhook": {"url": "http://bot.example.org/telegram", "secret_token": "abc"}})
    assert code == 2 and "https://" in err and "telegram.webhook.url" in err


def test_a_webhook_port_in_use_is_one_clear_line(tmp_path, capsys, monkeypatch, run_restored):
    with FakeBotAPI(TOKEN) as api, socket.socket() as taken:
        taken.bind(("127.0.0.1", 0))
        taken.listen()
        port = taken.getsockname()[1]
        code, err = run_in_process(tmp_path, capsys, monkeypatch, {
            "token": TOKEN, "base_url": api.base_url, "mode": "webhook", "webhook": {
                "listen": "127.0.0.1", "port": port, "url": "https://bot.example.org/telegram", "secret_token": "abc"}})
    assert code == 1, err[-2000:]
    assert "telegram.webhook.port" in err and str(port) in err
    assert "Traceback" not in err, err[-3000:]
