"""Shared fixtures: the real engine on the real knowledge base, built once per test session."""

from __future__ import annotations

from pathlib import Path

import pytest

from bot.config import MatchingConfig
from bot.engine import Engine, build_engine

ROOT = Path(__file__).resolve().parent.parent
KNOWLEDGE = ROOT / "knowledge"


@pytest.fixture(scope="session")
def engine() -> Engine:
    built, problems = build_engine(str(KNOWLEDGE), MatchingConfig())
    assert built is not None, [str(p) for p in problems]
    return built


@pytest.fixture(scope="session")
def knowledge_dir() -> Path:
    return KNOWLEDGE
