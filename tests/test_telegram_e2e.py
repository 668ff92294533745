"""End to end: the real Application polling the stand-in Bot API server, and the real
`python -m bot run` process (SIGINT, no token, the token never logged)."""

from __future__ import annotations

import random
import signal
import sqlite3
import subprocess
import sys
import threading
import time
from pathlib import Path

import pytest
import yaml
from fakebotapi import FakeBotAPI, parse_html
from telegram_support import (
    ADMIN_ID,
    CITIZEN_ID,
    ROOT,
    TOKEN,
    holder_for,
    make_config,
    one_topic_knowledge,
    process_env,
    real_engine,
    run_hook,
)

from handlers import render as r
from handlers.app import ALLOWED_UPDATES, build_application

STRANGER_ID = 5555


@pytest.fixture
def api():
    with FakeBotAPI(TOKEN) as server:
        yield server


@pytest.fixture
async def polling(api, tmp_path):
    """The real Application with the real query log, polling the stand-in server."""
    config = make_config(api, database=str(tmp_path / "log.sqlite3"))
    app = build_application(config, holder_for(real_engine()))
    await app.initialize()
    await run_hook(app, app.post_init)
    updater = app.updater
    assert updater is not None, "build_application keeps PTB's Updater"
    await updater.start_polling(poll_interval=0, timeout=1, allowed_updates=ALLOWED_UPDATES)
    await app.start()
    try:
        yield app
    finally:
        await updater.stop()
        await app.stop()
        await run_hook(app, app.post_stop)
        await app.shutdown()
        await run_hook(app, app.post_shutdown)


def reply_to(api: FakeBotAPI, update: dict, *, method: str = "sendMessage", timeout: float = 5.0):
    """Queue `update` and wait for the bot's next `method` call after it (bot in another process)."""
    mark = api.mark()
    api.put_update(update)
    call = api.wait_for_call(method, since=mark, timeout=timeout)
    assert call.ok, call.error
    return call


async def areply_to(api: FakeBotAPI, update: dict, *, method: str = "sendMessage", timeout: float = 5.0):
    """The same for the in-process Application: wait without blocking its event loop."""
    mark = api.mark()
    api.put_update(update)
    call = await api.async_wait_for_call(method, since=mark, timeout=timeout)
    assert call.ok, call.error
    return call


async def test_a_conversation_through_polling(polling, api, tmp_path):
    start = await areply_to(api, api.text_update("/start"))
    assert "忻州交警" in start.text and start.buttons

    answer = await areply_to(api, api.text_update("电动车要上牌吗"))
    feedback = [b["callback_data"] for b in answer.buttons if b["callback_data"].startswith("f:")]
    assert len(feedback) == 2

    assert "12123" in (await areply_to(api, api.text_update("我想养一只猫，有什么建议"))).text
    assert "122" in (await areply_to(api, api.text_update("出车祸了，有人受伤流血"))).text.split("\n")[0]
    assert (await areply_to(api, api.photo_update())).text == r.PLEASE_TYPE
    long_reply = await areply_to(api, api.text_update("事" * 4000))
    assert len(parse_html(long_reply.text)) <= 4096
    await areply_to(api, api.text_update("<script>alert(1)</script> & 电动车 <b>头盔</b>"))

    # every kind of button
    await areply_to(api, api.press(start, "t:0"), method="editMessageText")
    related = next(b["callback_data"] for b in answer.buttons if b["callback_data"].startswith("c:"))
    await areply_to(api, api.press(answer, related))
    await areply_to(api, api.press(answer, feedback[0]), method="answerCallbackQuery")
    await api.async_wait_for_call("editMessageReplyMarkup")

    # staff commands: the admin gets figures, a stranger does not
    refused = await areply_to(api, api.text_update("/stats", user_id=STRANGER_ID))
    assert refused.text == r.NOT_PERMITTED
    stats = await areply_to(api, api.text_update("/stats", user_id=ADMIN_ID))
    assert stats.text != r.NOT_PERMITTED and any(ch.isdigit() for ch in parse_html(stats.text))

    assert not api.unanswered_callbacks
    assert all(c.ok for c in api.calls), [(c.method, c.error) for c in api.calls if not c.ok]
    commands = api.calls_to("setMyCommands")
    assert [c["command"] for c in commands[0].params["commands"]] == ["start", "topics", "help"]
    staff = [c for c in commands if "scope" in c.params]
    assert len(staff) == 1 and str(ADMIN_ID) in str(staff[0].params["scope"])
    assert "reload" in [c["command"] for c in staff[0].params["commands"]]

    await polling.post_shutdown(polling)  # flush the log now to look at it
    with sqlite3.connect(tmp_path / "log.sqlite3") as db:
        statuses = [row[0] for row in db.execute("SELECT status FROM questions ORDER BY ts")]
        votes = db.execute("SELECT value FROM feedback").fetchall()
    assert statuses[:3] == ["answer", "fallback", "emergency"]
    assert len(statuses) == 5  # photos and commands are not questions
    assert votes == [(1,)]


async def test_one_slow_chat_does_not_stall_the_others(polling, api):
    """Updates are handled concurrently: a send that takes 1 s does not hold up another user."""
    slow_chat = 777

    def slow(call):
        if call.method == "sendMessage" and int(call.params.get("chat_id", 0)) == slow_chat:
            time.sleep(1.0)

    api.on_call = slow
    t0 = time.monotonic()
    api.put_update(api.text_update("电动车要上牌吗", user_id=slow_chat))
    api.put_update(api.text_update("电动车要上牌吗", user_id=CITIZEN_ID))
    await api.async_wait_for_call("sendMessage", chat_id=CITIZEN_ID, timeout=5)
    assert time.monotonic() - t0 < 0.9
    await api.async_wait_for_call("sendMessage", chat_id=slow_chat, timeout=5)


async def test_messages_of_telegrams_full_length_get_the_reply_their_end_asks_for(polling, api):
    """4096 characters, Telegram's most: chatter (with or without breaks, or denied harm) before a
    question at the end is answered as the question alone is; random characters get the honest
    fallback, neither an emergency nor a guess."""
    question = "请问电动车要上牌吗"
    alone = await areply_to(api, api.text_update(question))
    for chatter in ("我家住在城郊每天骑车上下班路上要走好久", "我家住在城郊，每天骑车上下班，", "没受伤，"):
        message = (chatter * 400)[: 4096 - len(question)] + question
        assert (await areply_to(api, api.text_update(message))).text == alone.text, chatter
    fallback = await areply_to(api, api.text_update("我想养一只猫，有什么建议"))
    han = [chr(c) for c in range(0x4E00, 0x9FA5)]
    for seed in range(3):
        rng = random.Random(seed)
        noise = "".join(rng.choice(han) for _ in range(4096))
        assert (await areply_to(api, api.text_update(noise))).text == fallback.text, seed


# ------------------------------------------------------------------------------ the process
def write_config(tmp_path: Path, api: FakeBotAPI | None, *, token: str | None = TOKEN, extra: dict | None = None) -> Path:
    telegram: dict = {"admins": [ADMIN_ID], "rate_limiter": False, "poll_timeout": 1}
    if api is not None:
        telegram["base_url"] = api.base_url
    if token is not None:
        telegram["token"] = token
    data = {
        "telegram": telegram,
        "storage": {"database": str(tmp_path / "log.sqlite3"), "flush_interval": 0.1},
        "knowledge": {"path": str(one_topic_knowledge(tmp_path)), "watch": False},
        "logging": {"level": "DEBUG"},  # the chattiest level must not leak the token either
    }
    for key, value in (extra or {}).items():
        data[key] = {**data.get(key, {}), **value}
    path = tmp_path / "config.yaml"
    path.write_text(yaml.safe_dump(data, allow_unicode=True), encoding="utf-8")
    return path


def reap(proc: subprocess.Popen) -> None:
    """A bot process still running when its test ends is killed, never left behind."""
    if proc.poll() is None:
        proc.kill()
        proc.communicate(timeout=10)  # killed: only the pipes are left to drain


def bot_process(config: Path) -> subprocess.Popen:
    return subprocess.Popen(
        [sys.executable, "-m", "bot", "run", "--config", str(config)], cwd=ROOT, env=process_env(PYTHONUNBUFFERED="1"),
        stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True,
    )


def test_trafficbot_run_answers_and_stops_cleanly_on_sigint(api, tmp_path):
    proc = bot_process(write_config(tmp_path, api))
    try:
        api.wait_for_call("setMyCommands", timeout=30)
        answer = reply_to(api, api.text_update("电动车要上牌吗"), timeout=10)
        assert "ebike-plates" in "".join(b["callback_data"] for b in answer.buttons)
        reply_to(api, api.text_update("/stats", user_id=STRANGER_ID))
        # an update still in flight when the signal comes is finished, not dropped
        # the signal comes while an answer is on its way: it is finished, not dropped
        arrived = threading.Event()

        def slow_send(call):
            if call.method == "sendMessage" and "头盔" in call.text:
                arrived.set()
                time.sleep(0.5)

        api.on_call = slow_send
        api.put_update(api.text_update("骑电动车要戴头盔吗"))
        assert arrived.wait(5)
        t0 = time.monotonic()
        proc.send_signal(signal.SIGINT)
        output, _ = proc.communicate(timeout=10)
        elapsed = time.monotonic() - t0
    finally:
        reap(proc)
    assert proc.returncode == 0, output[-3000:]
    assert elapsed < 5, elapsed
    assert TOKEN not in output
    assert TOKEN.split(":")[1] not in output
    assert "Traceback" not in output, output[-3000:]
    assert "<token>" in output or "getMe" in output or "trafficbot is up" in output
    assert elapsed >= 0.4  # it waited for the answer in flight
    with sqlite3.connect(tmp_path / "log.sqlite3") as db:
        count = db.execute("SELECT count(*) FROM questions").fetchone()[0]
    assert count == 2  # both questions flushed at shutdown; /stats is not a question


def test_run_without_a_token_names_both_ways_to_set_it(tmp_path, capsys, monkeypatch):
    # refused before anything starts: cli.main in this process (the process's exit code is
    # `python -m bot`'s sys.exit(main()), seen by the process tests above and below)
    from bot import cli

    monkeypatch.delenv("TRAFFICBOT_TOKEN", raising=False)
    code = cli.main(["run", "--config", str(write_config(tmp_path, None, token=None))])
    printed = capsys.readouterr()
    output = printed.out + printed.err
    assert code == 2
    assert "telegram.token" in output and "TRAFFICBOT_TOKEN" in output
    assert "Traceback" not in output


def test_a_rejected_token_is_a_clear_error_without_the_token(api, tmp_path, capsys, monkeypatch, caplog, run_restored):
    # a start that fails at the Bot API: in this process (run_restored), at DEBUG, what it prints and
    # logs; the process's exit code is `python -m bot`'s sys.exit(main()), seen by the process tests
    from bot import cli

    monkeypatch.delenv("TRAFFICBOT_TOKEN", raising=False)
    code = cli.main(["run", "--config", str(write_config(tmp_path, api, token="111:wrong-token-value"))])
    printed = capsys.readouterr()
    output = printed.out + printed.err + caplog.text
    assert code == 1
    assert "rejected the token" in output
    assert "wrong-token-value" not in output and "Traceback" not in output
