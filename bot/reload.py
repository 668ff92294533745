"""Serve the knowledge base and replace it without a restart.

`KnowledgeHolder` owns the engine the bot answers with. `reload()` builds a new engine from the
knowledge folder; only a build without errors replaces the served one, so a broken edit never
reaches citizens: the bot keeps answering from the last good knowledge and the problems
(file:line) go back to whoever asked. Replacing is one attribute assignment: a question that
already took `holder.engine` finishes on that engine.

`watch()` polls the folder's YAML files (names, sizes, modification times), waits until an
edit has settled (two equal looks in a row), reloads, and tells the app through `on_change`.
"""

from __future__ import annotations

import asyncio
import logging
import os
import threading
from collections.abc import Awaitable, Callable, Sequence
from pathlib import Path
from typing import Any

log = logging.getLogger(__name__)

Snapshot = tuple[tuple[str, int, int], ...]


class KnowledgeLoadError(Exception):
    """The knowledge could not be loaded at start: there is no last good engine to fall back on."""

    def __init__(self, problems: Sequence[Any]) -> None:
        self.problems = list(problems)
        super().__init__(format_problems(self.problems))


def format_problems(problems: Sequence[Any], limit: int = 20) -> str:
    """Problems one per line (each problem's own str(), i.e. file:line: message), at most `limit`."""
    lines = [str(p) for p in problems[:limit]]
    if len(problems) > limit:
        lines.append(f"… and {len(problems) - limit} more")
    return "\n".join(lines)


def _default_build(knowledge_dir: str, matching: Any):
    from bot.engine import build_engine  # imported late: the core may be built after this module

    return build_engine(knowledge_dir, matching)


def _is_error(problem: Any) -> bool:
    """Problems may be warnings; only errors stop a reload. Unknown shapes count as errors."""
    level = getattr(problem, "level", None) or getattr(problem, "severity", None)
    if level is None:
        return True
    return str(level).lower() not in ("warning", "warn", "info")


def snapshot(knowledge_dir: str | os.PathLike) -> Snapshot:
    """(name, size, mtime_ns) of every *.yaml / *.yml file in the folder — the files the loader
    reads: not subfolders, not hidden files; () if missing."""
    root = Path(knowledge_dir)
    out = []
    try:
        for path in root.iterdir():
            if path.suffix.lower() not in (".yaml", ".yml") or path.name.startswith("."):
                continue
            try:
                st = path.stat()
            except OSError:
                continue
            if path.is_file():
                out.append((str(path.relative_to(root)), st.st_size, st.st_mtime_ns))
    except OSError:
        return ()
    return tuple(sorted(out))


class KnowledgeHolder:
    """The engine currently served, and how to replace it.

    ``holder = KnowledgeHolder(cfg.knowledge.path, cfg.matching)`` builds the first engine and
    raises KnowledgeLoadError (with `.problems`) if nothing can be served; with errors in some
    files it serves the valid entries. `build(knowledge_dir, matching)`
    must return ``(engine_or_None, problems)``; by default it is ``bot.engine.build_engine``.
    """

    def __init__(
        self,
        knowledge_dir: str | os.PathLike,
        matching: Any = None,
        *,
        build: Callable[[str, Any], tuple[Any, Sequence[Any]]] | None = None,
    ) -> None:
        self.knowledge_dir = str(knowledge_dir)
        self.matching = matching
        self._build = build or _default_build
        self._lock = threading.Lock()
        self._async_lock: asyncio.Lock | None = None
        self.problems: list[Any] = []  # of the last reload (warnings included)
        self.reloads = 0  # successful replacements since start
        self.last_reload_ok = True  # False after a reload that kept the previous engine
        self._seen: Snapshot = snapshot(self.knowledge_dir)
        engine, problems = self._build(self.knowledge_dir, self.matching)
        self.problems = list(problems)
        errors = [p for p in problems if _is_error(p)]
        if engine is None:
            raise KnowledgeLoadError(errors or problems or ["knowledge could not be loaded"])
        if errors:
            # At start there is no last good knowledge: serving the valid entries beats a bot that
            # does not answer at all. The errors are logged; the next clean edit replaces it all.
            self.last_reload_ok = False
            log.error("knowledge has %d error(s); serving its valid entries:\n%s",
                      len(errors), format_problems(errors))
        self.engine = engine

    @property
    def version(self) -> str:
        """The served knowledge's version, if the engine tells it."""
        engine = self.engine
        knowledge = getattr(engine, "knowledge", None)
        return str(getattr(knowledge, "version", "") or getattr(engine, "knowledge_version", "") or "")

    def reload(self) -> list[Any]:
        """Build the knowledge again; replace the served engine only if there are no errors.

        Returns the problems (empty: replaced cleanly; warnings only: replaced; errors: the old
        engine stays). Blocking (parsing + indexing): from async code use `areload()`.
        """
        with self._lock:
            seen = snapshot(self.knowledge_dir)
            try:
                engine, problems = self._build(self.knowledge_dir, self.matching)
            except Exception as exc:
                log.exception("knowledge reload crashed")
                engine, problems = None, [f"{self.knowledge_dir}: reload failed: {type(exc).__name__}: {exc}"]
            problems = list(problems)
            self._seen = seen
            self.problems = problems
            errors = [p for p in problems if _is_error(p)]
            if engine is None or errors:
                if not errors:
                    # Only warnings (every file empty …) and still nothing to serve: that is an
                    # error, or the admin would be told the reload worked.
                    problems = problems + [f"{self.knowledge_dir}: 没有可用的条目或紧急回复，知识库未更新 / nothing to "
                                           "serve (no entries or no emergency reply): the previous knowledge stays"]
                    self.problems = problems
                self.last_reload_ok = False
                log.warning(
                    "knowledge reload refused, still serving the previous knowledge:\n%s",
                    format_problems(errors or problems),
                )
                return problems
            self.engine = engine
            self.reloads += 1
            self.last_reload_ok = True
            log.info("knowledge reloaded from %s (version %s)", self.knowledge_dir, self.version or "?")
            return problems

    async def areload(self) -> list[Any]:
        """`reload()` in a worker thread, so answers go on while the new index is built."""
        return await asyncio.to_thread(self.reload)

    def changed(self) -> bool:
        """Do the YAML files differ from those of the last (attempted) load?"""
        return snapshot(self.knowledge_dir) != self._seen

    async def watch(
        self,
        on_change: Callable[[list[Any]], Awaitable[Any]] | None = None,
        interval: float = 2.0,
    ) -> None:
        """Poll the folder every `interval` s; after an edit settles, reload and `await on_change(problems)`.

        Runs until cancelled. `problems` is empty after a clean reload; with errors the previous
        knowledge is still served. Errors in `on_change` are logged, never fatal.
        """
        pending: Snapshot | None = None
        while True:
            await asyncio.sleep(interval)
            try:
                current = await asyncio.to_thread(snapshot, self.knowledge_dir)
                if current == self._seen:
                    pending = None
                    continue
                if current != pending:  # still being written: look again next time
                    pending = current
                    continue
                pending = None
                problems = await self.areload()
            except asyncio.CancelledError:
                raise
            except Exception:
                log.exception("knowledge watcher error")
                continue
            if on_change is not None:
                try:
                    await on_change(problems)
                except asyncio.CancelledError:
                    raise
                except Exception:
                    log.exception("knowledge watcher: on_change failed")
