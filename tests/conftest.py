"""Shared fixtures: the real engine on the real knowledge base, built once per test session."""

from __future__ import annotations

import os
import shutil
from collections.abc import Iterator
from pathlib import Path

import jieba
import pytest
from telegram_support import real_engine

from bot import text as text_module
from bot.engine import Engine
from bot.evaluate import DEFAULT_SET, evaluate, load_labelled

ROOT = Path(__file__).resolve().parent.parent
KNOWLEDGE = ROOT / "knowledge"


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
        yield folder


@pytest.fixture(scope="session", autouse=True)
def jieba_dictionary_read_once(cache_of_the_tests) -> Iterator[None]:
    """Every TextProcessor (each engine, each kb check) starts from jieba's shipped dictionary,
    which bot.text reads from jieba's on-disk cache: ~1-3 s a time here, paid dozens of times a
    session. The tests read it once and give each TextProcessor its own copy of the tables
    (FREQ, total: all that initialize() sets and add_word() changes), so every engine is still
    built by the real code on its own dictionary, and none sees another's domain words."""
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


@pytest.fixture(scope="session")
def engine() -> Engine:
    # the same one the Telegram tests' helpers use: building it is the slowest step of the suite
    return real_engine()


@pytest.fixture(scope="session")
def default_report(engine) -> dict:
    """The labelled set (tests/eval/questions.yaml) through the real engine, with the baselines:
    the quality floors and `trafficbot eval`'s printout read the same report, computed once."""
    return evaluate(engine, load_labelled(DEFAULT_SET), baselines=True)


@pytest.fixture(scope="session")
def knowledge_dir() -> Path:
    return KNOWLEDGE
