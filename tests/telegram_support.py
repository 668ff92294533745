"""Shared pieces of the Telegram tests: the config, the real engine on the real knowledge/, a
recording query log, and an Application wired to the stand-in Bot API server."""

from __future__ import annotations

import contextlib
import dataclasses
import fcntl
import itertools
import os
import shutil
import time
from collections.abc import Callable, Coroutine, Iterator
from pathlib import Path
from typing import Any

from fakebotapi import FakeBotAPI
from knowledge_copy import knowledge_copy
from telegram import Update
from telegram.ext import Application

from bot.buildcache import cached_build
from bot.config import Config, KnowledgeConfig, MatchingConfig, StorageConfig, TelegramConfig, WebhookConfig
from bot.engine import Engine, build_engine
from bot.querylog import PRESS_NOT_OFFERED, PRESS_NOT_YOURS, PRESS_OK, PRESS_UNKNOWN_QUESTION
from bot.reload import KnowledgeHolder
from bot.reply import Reply
from bot.text import JIEBA_CACHE, cache_dir
from handlers.app import build_application

ROOT = Path(__file__).resolve().parent.parent
KNOWLEDGE_DIR = ROOT / "knowledge"
TOKEN = "987654:AAE-test-SECRET-token_do-not-log"
ADMIN_ID = 4242
CITIZEN_ID = 1001

_engine = None
_engine_problems: list = []


def real_engine():
    """The real engine over the shipped knowledge/, one per test process: built, or read back from
    the engine kept on disk for these very files and this code (bot.buildcache, as `trafficbot run`
    starts; the tests keep theirs in a folder of their own, see conftest.py). It remembers its
    replies, see remembering()."""
    global _engine, _engine_problems
    if _engine is None:
        # in a folder of its own: the suite's ~30 other knowledge copies (kept in the tests' cache,
        # KEEP at a time) would evict it, and every run would build it again in each worker
        folder = cache_dir() / "shipped-knowledge"
        try:  # kept already (a warm run): read without waiting for the other worker's read
            engine, problems = cached_build(str(KNOWLEDGE_DIR), MatchingConfig(), build=_not_kept, folder=folder)
        except _NotKept:
            with one_at_a_time(folder / ".building"):  # one worker builds, the others read what it kept
                engine, problems = cached_build(str(KNOWLEDGE_DIR), MatchingConfig(), build=build_engine, folder=folder)
        assert engine is not None, [str(p) for p in problems]
        _engine, _engine_problems = remembering(engine), list(problems)
    return _engine


class _NotKept(Exception):
    """No engine kept for these files and this code: it is to be built."""


def _not_kept(knowledge_dir: str, matching: Any) -> tuple[Engine | None, list]:
    raise _NotKept


def real_build() -> tuple[Engine, list]:
    """What `cached_build` gives for the shipped knowledge: real_engine() and the problems its build
    reported (a copy of the list for each caller)."""
    engine = real_engine()
    return engine, list(_engine_problems)


@contextlib.contextmanager
def one_at_a_time(lock: Path, deadline: float = 120.0) -> Iterator[None]:
    """Held by one process of the machine at a time (an flock on `lock`); after `deadline` seconds
    of waiting, entered anyway: a stuck holder costs a build, never the suite."""
    lock.parent.mkdir(parents=True, exist_ok=True)
    with open(lock, "a") as f:
        give_up = time.monotonic() + deadline
        while True:
            try:
                fcntl.flock(f, fcntl.LOCK_EX | fcntl.LOCK_NB)
                break
            except BlockingIOError:
                if time.monotonic() > give_up:
                    break
                time.sleep(0.05)
        try:
            yield
        finally:
            fcntl.flock(f, fcntl.LOCK_UN)


def remembering(engine: Engine) -> Engine:
    """The engine, answering a question it was asked before with the reply it gave then.

    The engine is a pure function of the question (no state changes between questions), and the
    same questions come back across the suite: kb check answers every knowledge question and
    test phrasing, the calm-corpus sweep asks them again with every eval set, the quality floors
    and `trafficbot eval` ask the eval sets. Each reply is computed once per test process; every
    test still asserts what it asserts on the reply the real engine gives. A caller gets its own
    copy of the reply's `extra` dict (the one mutable part of a Reply)."""
    answer = engine.answer
    replies: dict[str, Reply] = {}

    by_reading_replies: dict[str, Reply] = {}

    def remembered(text: str, by_reading: bool = False) -> Reply:
        if not isinstance(text, str):
            return answer(text, by_reading=by_reading)
        seen = by_reading_replies if by_reading else replies
        reply = seen.get(text)
        if reply is None:
            reply = seen[text] = answer(text, by_reading=by_reading)
        return dataclasses.replace(reply, extra=dict(reply.extra))

    engine.answer = remembered  # type: ignore[method-assign]
    return engine


def process_env(**extra: str) -> dict[str, str]:
    """The environment of a bot process a test starts: this one's without the token, and a cache
    folder of the bot processes' own (beside the tests', in XDG_CACHE_HOME), so that the one engine
    they all serve, of one_topic_knowledge, is kept between runs: in the tests' folder, the engines
    of the other knowledge copies evicted it (KEEP), and each run's first processes built it again.
    jieba's dictionary cache is copied in, as conftest does for the tests' folder."""
    env = {k: v for k, v in os.environ.items() if k != "TRAFFICBOT_TOKEN"}
    tests_home = env.get("XDG_CACHE_HOME")
    if tests_home:
        home = Path(tests_home) / "bot-processes"
        folder = cache_dir({"XDG_CACHE_HOME": str(home)})
        folder.mkdir(parents=True, exist_ok=True)
        jieba_cache = cache_dir() / JIEBA_CACHE
        if jieba_cache.is_file() and not (folder / JIEBA_CACHE).exists():
            partial = folder / f".{JIEBA_CACHE}.{os.getpid()}"
            shutil.copyfile(jieba_cache, partial)
            os.replace(partial, folder / JIEBA_CACHE)  # whole or not there: workers start together
        env["XDG_CACHE_HOME"] = str(home)
    env.update(extra)
    return env


def one_topic_knowledge(folder: Path, topic: str = "ebike.yaml") -> Path:
    """A copy of the real knowledge with one topic file and every file that is no topic, in
    `folder`/knowledge. A real `bot run` process builds its engine from it in about half the time
    of the whole knowledge, and answers the e-bike questions the process tests ask as the whole
    knowledge does; what the knowledge answers is tested in this process, on the whole of it."""
    return knowledge_copy(folder / "knowledge", topic, linked=False)


def make_config(api: FakeBotAPI | None = None, *, database: str = "", mode: str = "polling",
                webhook: WebhookConfig | None = None, knowledge_dir: str | None = None,
                rate_limiter: bool = False) -> Config:
    tg = TelegramConfig(
        token=TOKEN,
        base_url=api.base_url if api else "http://127.0.0.1:9/bot",
        admins=(ADMIN_ID,),
        mode=mode,
        webhook=webhook or WebhookConfig(),
        rate_limiter=rate_limiter,
        poll_timeout=1,
    )
    return dataclasses.replace(
        Config(),
        telegram=tg,
        storage=StorageConfig(database=database or ":memory:", flush_interval=0.05),
        knowledge=KnowledgeConfig(path=knowledge_dir or str(KNOWLEDGE_DIR), watch=False),
    )


class RecordingLog:
    """Stands in for bot.querylog.QueryLog in handler tests: remembers every call, and judges button
    presses by what it was told (who asked each question, which entries were offered under it)."""

    def __init__(self) -> None:
        self.questions: list[dict] = []
        self.choices: list[tuple[str, str]] = []
        self.feedback: list[tuple[str, str, int]] = []
        self.offered: dict[str, set[str]] = {}
        self._askers: dict[str, int] = {}
        self._ids = itertools.count(1)
        self.closed = False

    def record_question(self, *, user_id: int, chat_type: str, reply, latency_ms: float) -> str:
        qid = f"q{next(self._ids)}"
        self.questions.append({"id": qid, "user_id": user_id, "chat_type": chat_type, "reply": reply,
                               "latency_ms": latency_ms})
        self._askers[qid] = user_id
        self.offered[qid] = {reply.entry_id, *(c.id for c in reply.choices)} - {None}
        return qid

    def record_offers(self, question_id: str, entry_ids) -> None:
        self.offered.setdefault(question_id, set()).update(entry_ids)

    async def check_press(self, question_id: str, user_id: int, entry_id: str) -> str:
        if question_id not in self._askers:
            return PRESS_UNKNOWN_QUESTION
        if self._askers[question_id] != user_id:
            return PRESS_NOT_YOURS
        return PRESS_OK if entry_id in self.offered[question_id] else PRESS_NOT_OFFERED

    def record_choice(self, question_id: str, entry_id: str) -> None:
        self.choices.append((question_id, entry_id))

    def record_feedback(self, question_id: str, entry_id: str, value: int) -> None:
        self.feedback.append((question_id, entry_id, value))

    async def close(self) -> None:
        self.closed = True


def holder_for(engine, knowledge_dir=None, matching=None) -> KnowledgeHolder:
    """The real KnowledgeHolder serving an engine already built; later reloads get theirs as the
    bot's do (handlers.app.load_knowledge): the engine kept for those very files, else built."""
    first = [engine]

    def build(path, match):
        return (first.pop(), []) if first else cached_build(path, match)

    return KnowledgeHolder(knowledge_dir or str(KNOWLEDGE_DIR), matching, build=build)


async def started_app(api: FakeBotAPI, *, querylog=None, engine=None, config: Config | None = None) -> Application:
    """The real Application, initialised against the stand-in server (getMe done), not polling."""
    config = config or make_config(api)
    holder = holder_for(engine or real_engine(), config.knowledge.path, config.matching)
    app = build_application(config, holder, querylog=querylog, open_querylog=False)
    await app.initialize()
    return app


async def run_hook(app: Application, hook: Callable[[Application], Coroutine[Any, Any, None]] | None) -> None:
    """Run one of the lifecycle hooks build_application sets (app.post_init, ...), as PTB's run_* would."""
    assert hook is not None, "build_application sets post_init, post_stop and post_shutdown"
    await hook(app)


async def deliver(app: Application, update: dict) -> None:
    """Process one update (a dict as Telegram sends it) through the Application's handlers."""
    update.setdefault("update_id", next(_update_ids))
    await app.process_update(Update.de_json(update, app.bot))


_update_ids = itertools.count(1)
