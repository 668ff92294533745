"""Shared fixtures: the real engine on the real knowledge base, built once per test session."""

from __future__ import annotations

from pathlib import Path

import pytest
from telegram_support import real_engine

from bot.engine import Engine

ROOT = Path(__file__).resolve().parent.parent
KNOWLEDGE = ROOT / "knowledge"


@pytest.fixture(scope="session")
def engine() -> Engine:
    # the same one the Telegram tests' helpers use: building it is the slowest step of the suite
    return real_engine()


@pytest.fixture(scope="session")
def knowledge_dir() -> Path:
    return KNOWLEDGE
