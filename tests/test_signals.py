"""Stop signals under a burst of questions: the real `python -m bot run` process against the
stand-in Bot API. Whatever the sequence of SIGINT, SIGTERM and SIGHUP, the process exits within
10 s, every question it answered is in the query log, and rows it truly cannot write are counted
in one line (never followed by a claim that the log was flushed)."""

from __future__ import annotations

import re
import signal
import sqlite3
import time

import pytest
from fakebotapi import FakeBotAPI
from telegram_support import TOKEN
from test_telegram_e2e import bot_process, reap, write_config

from bot.querylog import user_hash

HASH_SECRET = "signals-test-secret"
BURST = 120
FIRST_USER = 20000
EXIT_WITHIN = 10.0


@pytest.fixture
def api():
    with FakeBotAPI(TOKEN) as server:
        yield server


def start_bot(api: FakeBotAPI, tmp_path, **storage):
    config = write_config(tmp_path, api, extra={"storage": {"hash_secret": HASH_SECRET, **storage},
                                                "logging": {"level": "INFO"}})
    proc = bot_process(config)
    try:
        api.wait_for_call("setMyCommands", timeout=60)
    except BaseException:
        proc.kill()  # a bot that never came up must not outlive the test
        proc.communicate(timeout=10)
        raise
    return proc


def burst(api: FakeBotAPI) -> dict[str, int]:
    """BURST questions from as many citizens at once; their user hashes → user ids."""
    # each answer takes the server a moment, so many are in flight when the signals come
    api.on_call = lambda call: time.sleep(0.01) if call.method == "sendMessage" else None
    users = {}
    for uid in range(FIRST_USER, FIRST_USER + BURST):
        users[user_hash(HASH_SECRET, uid)] = uid
        api.put_update(api.text_update("电动车要上牌吗", user_id=uid))
    return users


def stop_with(proc, signals: tuple[signal.Signals, ...], gap: float) -> tuple[str, float]:
    t0 = time.monotonic()
    for sig in signals:
        proc.send_signal(sig)
        time.sleep(gap)
    try:
        output, _ = proc.communicate(timeout=EXIT_WITHIN + 5)
    finally:
        reap(proc)
    return output, time.monotonic() - t0


def answered(api: FakeBotAPI) -> set[int]:
    return {int(c.params["chat_id"]) for c in api.calls_to("sendMessage", ok=True)
            if int(c.params["chat_id"]) >= FIRST_USER}


@pytest.mark.parametrize("signals", [
    (signal.SIGINT, signal.SIGINT),
    (signal.SIGTERM, signal.SIGTERM),
    (signal.SIGHUP,),
    (signal.SIGHUP, signal.SIGTERM, signal.SIGINT),
], ids=lambda s: "+".join(sig.name for sig in s))
def test_any_stop_signals_under_a_burst_lose_no_answered_question(api, tmp_path, signals):
    proc = start_bot(api, tmp_path)
    try:
        users = burst(api)
        api.wait_for_call("sendMessage", count=10, timeout=30)  # answers are flowing
    except BaseException:
        proc.kill()
        proc.communicate(timeout=10)  # killed: only the pipes are left to drain
        raise
    output, elapsed = stop_with(proc, signals, gap=0.05)
    assert proc.returncode == 0, output[-3000:]
    assert elapsed < EXIT_WITHIN, (elapsed, output[-2000:])
    assert "Traceback" not in output and "Event loop is closed" not in output, output[-3000:]
    with sqlite3.connect(tmp_path / "log.sqlite3") as db:
        logged = {users[h] for (h,) in db.execute("SELECT user_hash FROM questions") if h in users}
    got_answer = answered(api)
    assert got_answer, "no question was answered before the signals"
    assert got_answer - logged == set(), "answered but not in the log"
    assert logged - got_answer == set(), "in the log but never answered"


def test_a_locked_database_at_stop_is_reported_once_and_honestly(api, tmp_path):
    # the log waits its close_timeout for the lock (5 s unless set): the same stop, sooner
    proc = start_bot(api, tmp_path, close_timeout=1.0)
    lock = sqlite3.connect(tmp_path / "log.sqlite3", isolation_level=None, timeout=10)
    try:
        lock.execute("BEGIN EXCLUSIVE")  # another program holds the database
        for uid in range(FIRST_USER, FIRST_USER + 20):
            api.put_update(api.text_update("电动车要上牌吗", user_id=uid))
        api.wait_for_call("sendMessage", count=20, timeout=30)
        output, elapsed = stop_with(proc, (signal.SIGTERM,), gap=0)
    finally:
        lock.rollback()
        lock.close()
        reap(proc)
    assert elapsed < EXIT_WITHIN, (elapsed, output[-2000:])
    assert proc.returncode == 0, output[-3000:]
    lost = [line for line in output.splitlines() if "lost" in line]
    assert len(lost) == 1 and re.search(r"\b20\b", lost[0]), output[-3000:]
    assert "flushed and closed" not in output, output[-3000:]
    assert "Traceback" not in output, output[-3000:]
