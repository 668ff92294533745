"""Shared fixtures: the real engine on the real knowledge base, built once per test session."""

from __future__ import annotations

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
def jieba_dictionary_read_once() -> Iterator[None]:
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
