"""Webhook mode: `python -m bot run` serves Telegram's POSTs and checks the secret header."""

from __future__ import annotations

import json
import signal
import socket
import time
import urllib.error
import urllib.request

import pytest
from fakebotapi import FakeBotAPI
from telegram_support import TOKEN, make_config
from test_telegram_e2e import bot_process, reap, write_config

from bot.config import WebhookConfig
from handlers.run import run

SECRET = "s3cret-Header_value"


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


OPENER = urllib.request.build_opener(urllib.request.ProxyHandler({}))  # straight to 127.0.0.1


def post(port: int, update: dict, secret: str | None) -> int:
    headers = {"Content-Type": "application/json"}
    if secret is not None:
        headers["X-Telegram-Bot-Api-Secret-Token"] = secret
    req = urllib.request.Request(f"http://127.0.0.1:{port}/telegram", data=json.dumps(update).encode(),
                                 headers=headers, method="POST")
    try:
        with OPENER.open(req, timeout=5) as resp:
            return resp.status
    except urllib.error.HTTPError as exc:
        return exc.code


def wait_listening(port: int, timeout: float = 10.0) -> None:
    deadline = time.monotonic() + timeout
    while True:
        try:
            socket.create_connection(("127.0.0.1", port), timeout=1).close()
            return
        except OSError:
            if time.monotonic() > deadline:
                raise
            time.sleep(0.02)


@pytest.fixture
def api():
    with FakeBotAPI(TOKEN) as server:
        yield server


def test_webhook_checks_the_secret_header(api, tmp_path):
    port = free_port()
    config = write_config(tmp_path, api, extra={"telegram": {
        "mode": "webhook",
        "webhook": {"listen": "127.0.0.1", "port": port, "url": "https://bot.example.org/telegram",
                    "secret_token": SECRET, "path": "telegram"},
    }, "logging": {"level": "INFO"}})  # at DEBUG, PTB logs each refused post with a traceback
    proc = bot_process(config)
    try:
        hook = api.wait_for_call("setWebhook", timeout=30)
        assert hook.params["url"] == "https://bot.example.org/telegram"
        assert hook.params["secret_token"] == SECRET

        wait_listening(port)
        for secret in (None, "wrong"):
            assert post(port, {"update_id": 1, **api.text_update("电动车要上牌吗")}, secret) == 403
        mark = api.mark()
        assert post(port, {"update_id": 2, **api.text_update("电动车要上牌吗")}, SECRET) == 200
        answer = api.wait_for_call("sendMessage", since=mark, timeout=5)
        assert answer.ok and "ebike-plates" in "".join(b["callback_data"] for b in answer.buttons)
        assert len(api.calls_to("sendMessage")) == 1  # the refused posts were not answered

        # Telegram re-posts an update when our 200 came too late: it is not answered twice
        assert post(port, {"update_id": 2, **api.text_update("电动车要上牌吗")}, SECRET) == 200
        mark = api.mark()
        assert post(port, {"update_id": 3, **api.text_update("骑电动车要戴头盔吗")}, SECRET) == 200
        assert "头盔" in api.wait_for_call("sendMessage", since=mark, timeout=5).text
        assert len(api.calls_to("sendMessage")) == 2

        proc.send_signal(signal.SIGTERM)
        output, _ = proc.communicate(timeout=10)
    finally:
        reap(proc)
    assert proc.returncode == 0, output[-2000:]
    assert TOKEN not in output and "Traceback" not in output
    assert "webhook" in output.lower()


def test_webhook_mode_needs_a_url_and_a_secret(capsys):
    config = make_config(mode="webhook", webhook=WebhookConfig(url="https://bot.example.org/telegram"))
    assert run(config) == 2
    err = capsys.readouterr().err
    assert "telegram.webhook.secret_token" in err and "telegram.webhook.url" in err
