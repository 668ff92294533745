"""Shared fixtures: the real engine on the real knowledge base, built once per test session."""

from __future__ import annotations

import os
import shutil
import signal
import sys
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import TYPE_CHECKING

# Bytecode caches (__pycache__, git-ignored), even where PYTHONDONTWRITEBYTECODE is set: without them
# every test process compiles bot/, handlers/ and the test modules (and rewrites their asserts) from
# source at each run, ~2.5 CPU-s a process. Set before anything of this checkout is imported.
sys.dont_write_bytecode = False
# ruff: noqa: E402 - the imports below come after that line on purpose

import pytest

# pytest-xdist's controller reads this file too, for its scheduler below, and runs no test: the
# engine, jieba and Telegram are imported by the fixtures that use them (~1 s of the controller's
# start, before it starts the workers, whose test modules import them anyway).
if TYPE_CHECKING:
    import jieba

    from bot.engine import Engine

ROOT = Path(__file__).resolve().parent.parent
KNOWLEDGE = ROOT / "knowledge"
TESTS_KEEP = 80  # engines kept in the tests' cache folder: more than the suite's knowledge copies


@pytest.fixture(scope="session", autouse=True)
def cache_of_the_tests(request) -> Iterator[Path]:
    """The per-user cache (XDG_CACHE_HOME) of this session and of every bot process it starts: a
    folder of the tests' own, so that engines the tests keep (bot.buildcache) never evict or
    replace anyone's outside the tests (another checkout's suite, a bot running here) and theirs
    never serve a test. It is pytest's cache folder of this checkout, kept between runs (engines
    there are keyed by the files' bytes and the code, so a run never gets one of other files or
    code), or a folder of this run's when pytest's cache is off; a fresh checkout starts empty and
    builds. jieba's dictionary cache is copied in from the user's, when there is one: that is a
    file jieba writes of its shipped dictionary, the same in any folder."""
    from bot import buildcache
    from bot import text as text_module

    cache = getattr(request.config, "cache", None)
    if cache is not None:
        home = cache.mkdir("trafficbot-xdg")
    else:
        base = request.getfixturevalue("tmp_path_factory").getbasetemp()
        home = (base.parent if os.environ.get("PYTEST_XDIST_WORKER") else base) / "xdg-cache"
    folder = text_module.cache_dir({"XDG_CACHE_HOME": str(home)})
    folder.mkdir(parents=True, exist_ok=True)
    users = text_module.cache_dir() / text_module.JIEBA_CACHE
    if users.is_file() and not (folder / text_module.JIEBA_CACHE).exists():
        partial = folder / f".{text_module.JIEBA_CACHE}.{os.getpid()}"
        shutil.copyfile(users, partial)
        os.replace(partial, folder / text_module.JIEBA_CACHE)  # whole or not there: workers start together
    with pytest.MonkeyPatch.context() as patch:
        patch.setenv("XDG_CACHE_HOME", str(home))
        # the bot processes the tests start keep their bytecode too, as this one does (above)
        patch.delenv("PYTHONDONTWRITEBYTECODE", raising=False)
        # The suite builds ~30 knowledge copies, the same bytes at every run: a user's cache keeps
        # KEEP engines, which here would evict them all each run. The tests' folder keeps every one,
        # so a run with unchanged code reads them back (keyed by files and code: never a stale one).
        patch.setattr(buildcache, "KEEP", TESTS_KEEP)
        yield folder


@pytest.fixture(scope="session", autouse=True)
def jieba_dictionary_read_once(cache_of_the_tests) -> Iterator[None]:
    """Every TextProcessor (each engine, each kb check) starts from jieba's shipped dictionary,
    which bot.text reads from jieba's on-disk cache: ~1-3 s a time here, paid dozens of times a
    session. The tests read it once and give each TextProcessor its own copy of the tables
    (FREQ, total: all that initialize() sets and add_word() changes), so every engine is still
    built by the real code on its own dictionary, and none sees another's domain words."""
    from bot import jieba_first  # noqa: F401 - before jieba: jieba without pkg_resources

    # isort: split
    import jieba

    from bot import text as text_module

    make = text_module._make_tokenizer
    shipped = make(text_module.cache_dir())

    def fresh_copy(cache: Path) -> jieba.Tokenizer:
        tokenizer = jieba.Tokenizer()
        tokenizer.FREQ, tokenizer.total = dict(shipped.FREQ), shipped.total
        tokenizer.initialized = True
        return tokenizer

    with pytest.MonkeyPatch.context() as patch:
        patch.setattr(text_module, "_make_tokenizer", fresh_copy)
        yield


# Tests that ask the real engine thousands of the same questions: every knowledge question and test
# phrasing (kb check, the calm sweep), every eval set (the calm and panic sweeps, the quality
# floors, `trafficbot eval`). The engine of a test process remembers its replies (telegram_support.
# remembering) and the default set's report is a session fixture, so they cost once if they run in
# one process: with `--dist loadgroup` (pyproject.toml) they are one unit of work, sent first to
# one worker, while the other takes the remaining tests a few at a time. (xdist's own loadgroup
# reads `xdist_group` marks into test ids, which pytest 9 no longer lets it change.) A test named
# here that no longer exists costs nothing; one missing here costs time, never a result.
ASKING_THE_SAME = ("test_quality.py::", "test_cli.py::test_kb_check_passes_on_the_real_knowledge",
                   "test_cli.py::test_eval_prints_figures_and_baselines",
                   "test_emergency.py::test_no_calm_message_gets_the_emergency_reply",
                   "test_emergency.py::test_every_panic_message_is_caught")


# The tests that take seconds of their own, sent right after that group, longest first: while the
# group's worker builds the shipped knowledge's engine (a fresh checkout: ~6 s) the other runs these,
# which never ask it (bot processes on a one-topic copy, the query log, engines of their own copies),
# instead of waiting on the build's lock; and none of them is left to run alone at the end while the
# other worker has nothing to do. Order only: a name missing or stale here costs time, never a result.
SLOW_FIRST = ("test_querylog.py::test_database_locked_by_another_process",
              "test_signals.py::", "test_engine.py::test_a_rebuild_under_another_hash_seed",
              "test_telegram_e2e.py::test_trafficbot_run_answers_and_stops_cleanly",
              "test_secrets.py::test_debug_logs_show_no_secret", "test_webhook.py::test_webhook_checks_the_secret_header",
              "test_cli.py::test_ask_json_one_line_per_input_line_in_order_from_a_real_process",
              "test_querylog.py::test_an_outage_is_retried", "test_deploy.py::test_unit_restart_policy",
              "test_startup.py::", "test_handlers.py::test_twenty_topics_of_fifteen",
              "test_knowledge.py::test_an_entry_given_another_entrys_question", "test_knowledge.py::test_deeply_nested_yaml",
              "test_knowledge.py::test_kb_check_finds_shared", "test_knowledge.py::test_a_question_copied",
              "test_knowledge.py::test_engine_keeps_serving", "test_logs_cli.py::test_the_real_trafficbot_command",
              "test_querylog.py::")


def pytest_xdist_make_scheduler(config, log):
    if config.getvalue("dist") != "loadgroup":
        return None  # xdist's own, as asked
    from xdist.scheduler import LoadScopeScheduling

    def rank(scope: str) -> int:
        if scope == "asking-the-same":
            return -1
        name = scope.rsplit("/", 1)[-1]
        return next((i for i, slow in enumerate(SLOW_FIRST) if name.startswith(slow)), len(SLOW_FIRST))

    class AskingTheSameTogether(LoadScopeScheduling):
        ranked = False

        def _split_scope(self, nodeid: str) -> str:
            return "asking-the-same" if nodeid.rsplit("/", 1)[-1].startswith(ASKING_THE_SAME) else nodeid

        def _assign_work_unit(self, node) -> None:
            if not self.ranked:  # the queue is whole by the first assignment: ordered once (stable)
                ordered = sorted(self.workqueue.items(), key=lambda unit: rank(unit[0]))
                self.workqueue.clear()
                self.workqueue.update(ordered)
                self.ranked = True
            super()._assign_work_unit(node)

    return AskingTheSameTogether(config, log)


def _memoised(read: Callable[..., list]) -> Callable[..., list]:
    """pypinyin's `read` remembering its answer for each string and options: a reading is a pure
    function of them. Each caller gets its own lists (as from pypinyin), never the remembered ones."""
    seen: dict[tuple, tuple] = {}

    def remembered(hans, *args, **kwargs):
        if not isinstance(hans, str):
            return read(hans, *args, **kwargs)
        key = (hans, args, tuple(sorted(kwargs.items())))
        got = seen.get(key)
        if got is None:
            got = seen[key] = tuple(tuple(x) if isinstance(x, list) else x for x in read(hans, *args, **kwargs))
        return [list(x) if isinstance(x, tuple) else x for x in got]

    return remembered


@pytest.fixture(scope="session", autouse=True)
def pinyin_read_once() -> Iterator[None]:
    """Every engine build reads the pinyin of its words and of the emergency rules' words, the
    same ten thousand strings in each of the suite's ~30 builds (~0.7 s of a small knowledge's
    1.5 s build here). The tests' process reads each once: the builds are still the real code, on
    what pypinyin says."""
    from bot import emergency
    from bot import text as text_module

    with pytest.MonkeyPatch.context() as patch:
        patch.setattr(text_module, "lazy_pinyin", _memoised(text_module.lazy_pinyin))
        patch.setattr(emergency, "pinyin", _memoised(emergency.pinyin))
        yield


@pytest.fixture(scope="session", autouse=True)
def tls_context_made_once() -> Iterator[None]:
    """Each Application the tests build (~90 a session, and each in-process `trafficbot run`) opens
    two httpx clients, and httpx reads the whole CA bundle into a new TLS context for each: ~30 ms
    of CPU a client, for clients that only ever speak plain HTTP to the stand-in server on
    127.0.0.1. The tests' process makes the context of each setting once and hands every client
    the same one (a context is made to be shared); the bot processes the tests start make their own."""
    from httpx._transports import default as transports

    make = getattr(transports, "create_ssl_context", None)
    if make is None:  # another httpx: its own way, at its own cost
        yield
        return
    made: dict = {}

    def shared(*args, **kwargs):
        key = (args, tuple(sorted(kwargs.items())), os.environ.get("SSL_CERT_FILE"), os.environ.get("SSL_CERT_DIR"))
        try:
            context = made.get(key)
        except TypeError:  # an unhashable setting: not one the tests use
            return make(*args, **kwargs)
        if context is None:
            context = made[key] = make(*args, **kwargs)
        return context

    with pytest.MonkeyPatch.context() as patch:
        patch.setattr(transports, "create_ssl_context", shared)
        yield


@pytest.fixture(scope="session", autouse=True)
def kb_check_asks_once_per_files() -> Iterator[None]:
    """A test that checks the same files twice (`kb check`, then `kb check --strict`) gets the same
    engine the second time, remembering its replies (telegram_support.remembering): each question
    is answered once. Keyed as the engine cache is (bot.buildcache.cache_key: the files' bytes and
    the code), and only the last files' engine is kept (each holds its own copy of jieba's tables)."""
    from telegram_support import remembering

    from bot import buildcache, kbcheck

    read = kbcheck.cached_build
    last: dict = {}

    def the_same(path, matching=None, **options):
        key = buildcache.cache_key(path, matching)
        if key is None or options:
            return read(path, matching, **options)
        if key not in last:
            engine, problems = read(path, matching)
            last.clear()
            last[key] = (remembering(engine) if engine is not None else None, list(problems))
        engine, problems = last[key]
        return engine, list(problems)

    with pytest.MonkeyPatch.context() as patch:
        patch.setattr(kbcheck, "cached_build", the_same)
        yield


@pytest.fixture(scope="session")
def engine() -> Engine:
    # the same one the Telegram tests' helpers use: building it is the slowest step of the suite
    from telegram_support import real_engine

    return real_engine()


@pytest.fixture(scope="session")
def default_report(engine) -> dict:
    """The labelled set (tests/eval/questions.yaml) through the real engine, with the baselines:
    the quality floors and `trafficbot eval`'s printout read the same report, computed once."""
    from bot.evaluate import DEFAULT_SET, evaluate, load_labelled

    return evaluate(engine, load_labelled(DEFAULT_SET), baselines=True)


@pytest.fixture(scope="session")
def knowledge_dir() -> Path:
    return KNOWLEDGE


@pytest.fixture
def run_restored(monkeypatch):
    """`trafficbot run` in this process for a start that fails at the Bot API (no process is needed to
    see that): the stop signals' handlers and the logging setup it changes are put back after, and
    the engine is read from the bot processes' cache folder (process_env), where it is kept."""
    import logging

    from telegram_support import process_env

    monkeypatch.setenv("XDG_CACHE_HOME", process_env()["XDG_CACHE_HOME"])
    handlers = {sig: signal.getsignal(sig) for sig in (signal.SIGINT, signal.SIGTERM, signal.SIGHUP)}
    root = logging.getLogger()
    level, root_handlers = root.level, list(root.handlers)
    filters = {h: list(h.filters) for h in root_handlers}
    quiet = {name: logging.getLogger(name).level for name in logging.root.manager.loggerDict}
    try:
        yield
    finally:
        for sig, handler in handlers.items():
            signal.signal(sig, handler)
        root.setLevel(level)
        root.handlers[:] = root_handlers
        for h, kept in filters.items():
            h.filters[:] = kept
        for name, lvl in quiet.items():
            logging.getLogger(name).setLevel(lvl)
