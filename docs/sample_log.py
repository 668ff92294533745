"""A practice query log made by the real bot, for the staff guide's examples and for training.

    python docs/sample_log.py OUT_FOLDER

starts the real `trafficbot run` process against the stand-in Telegram Bot API of the tests
(tests/fakebotapi.py, on 127.0.0.1; Telegram itself is never contacted), lets a few citizens
ask, pick "did you mean" choices and rate answers 👍 / 👎, stops the bot with SIGINT (it flushes
the log), and leaves OUT_FOLDER/config.yaml and OUT_FOLDER/trafficbot.sqlite3. Then:

    trafficbot logs summary --config OUT_FOLDER/config.yaml
"""

from __future__ import annotations

import os
import signal
import subprocess
import sys
from pathlib import Path

import yaml

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "tests"))

# the tests' stand-in server, found through sys.path above
from fakebotapi import FakeBotAPI

TOKEN = "123456:PRACTICE-token-not-real"
ADMIN = 9001

# (citizen, message, what the citizen then does): "+" / "-" rate the answer; "pick ID" presses the
# "did you mean" choice for entry ID, "pick ID +" also rates the answer it brings.
CONVERSATIONS: list[tuple[int, str, str]] = [
    (1001, "你好", ""),
    (1001, "违章咋处理", "pick violation-where +"),
    (1002, "违章咋处理", "pick violation-where +"),
    (1003, "违章咋处理", "pick violation-where"),
    (1004, "电动车的事", "pick ebike-plates +"),
    (1005, "电动车的事", "pick ebike-plates -"),
    (1002, "电动车上牌要啥", "+"),
    (1006, "头盔怎么办", "-"),
    (1007, "驾照扣分在哪查", "-"),
    (1008, "车管所在哪", ""),
    (1009, "车管所几点下班", ""),
    (1003, "我被车撞了腿在流血", ""),
    (1007, "高速上车坏了怎么办", "+"),
]


def write_config(folder: Path, api: FakeBotAPI, knowledge: Path) -> Path:
    data = {
        "telegram": {"token": TOKEN, "base_url": api.base_url, "admins": [ADMIN], "rate_limiter": False,
                     "poll_timeout": 1},
        "storage": {"database": "trafficbot.sqlite3", "flush_interval": 0.1},
        "knowledge": {"path": str(knowledge), "watch": False},
    }
    path = folder / "config.yaml"
    path.write_text(yaml.safe_dump(data, allow_unicode=True, sort_keys=False), encoding="utf-8")
    return path


def ask(api: FakeBotAPI, user: int, text: str):
    mark = api.mark()
    api.put_update(api.text_update(text, user_id=user))
    return api.wait_for_call("sendMessage", since=mark, timeout=15)


def press(api: FakeBotAPI, call, data: str, user: int, method: str):
    mark = api.mark()
    api.put_update(api.press(call, data, user_id=user))
    return api.wait_for_call(method, since=mark, timeout=15)


def rate(api: FakeBotAPI, call, vote: str, user: int) -> None:
    data = next(b["callback_data"] for b in call.buttons
                if b["callback_data"].startswith("f:") and b["callback_data"].endswith(":" + vote))
    press(api, call, data, user, "answerCallbackQuery")


def converse(api: FakeBotAPI, user: int, text: str, then: str) -> None:
    reply = ask(api, user, text)
    words = then.split()
    if words and words[0] == "pick":
        data = next(b["callback_data"] for b in reply.buttons
                    if b["callback_data"].startswith("c:") and b["callback_data"].endswith(":" + words[1]))
        reply = press(api, reply, data, user, "sendMessage")
        words = words[2:]
    for vote in words:
        rate(api, reply, vote, user)


def main(argv: list[str]) -> int:
    if len(argv) != 1:
        print(__doc__, file=sys.stderr)
        return 2
    folder = Path(argv[0]).resolve()
    folder.mkdir(parents=True, exist_ok=True)
    if (folder / "trafficbot.sqlite3").exists():
        print(f"{folder / 'trafficbot.sqlite3'} exists already; choose a new folder", file=sys.stderr)
        return 1
    with FakeBotAPI(TOKEN) as api:
        config = write_config(folder, api, ROOT / "knowledge")
        env = {k: v for k, v in os.environ.items() if k != "TRAFFICBOT_TOKEN"}
        env["PYTHONPATH"] = str(ROOT)
        bot = subprocess.Popen([sys.executable, "-m", "bot", "run", "--config", str(config)], cwd=folder,
                               env=env, stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True)
        try:
            api.wait_for_call("setMyCommands", timeout=60)
            for user, text, then in CONVERSATIONS:
                converse(api, user, text, then)
            bot.send_signal(signal.SIGINT)
            output, _ = bot.communicate(timeout=30)
        finally:
            if bot.poll() is None:
                bot.kill()
                bot.communicate()
    if bot.returncode != 0:
        print(output[-3000:], file=sys.stderr)
        return 1
    print(f"{len(CONVERSATIONS)} conversations logged in {folder / 'trafficbot.sqlite3'}")
    print(f"trafficbot logs summary --config {config}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main(sys.argv[1:]))
