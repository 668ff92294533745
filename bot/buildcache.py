"""A built engine kept on disk, so that a restart (or `trafficbot ask` / `chat`) serves in about a
second instead of reading, segmenting and indexing every question of the knowledge again.

Safety comes first: an engine is found only under a key made of the bytes of every file the
knowledge folder's loader reads (names and contents), the folder's name (problems name files by
it), the matching settings, the code that builds an engine (every bot/*.py) and the versions of
Python and of the libraries whose tables it holds. An edited file (a staff edit, then /reload or
a restart) is another key, so stale knowledge is never served; a key whose files changed while
the engine was built is not written. A missing, damaged or unreadable entry, or a cache folder
that cannot be written, means a normal build, silently: the cache only ever saves time.

jieba's dictionary (half a million words) and OpenCC's converter are not stored: they are loaded
as at any start, and the engine's own words are put back into the dictionary.
"""

from __future__ import annotations

import copyreg
import hashlib
import io
import logging
import os
import pickle
import sys
import tempfile
from collections.abc import Callable
from pathlib import Path
from typing import Any

from bot import jieba_first  # noqa: F401 - before jieba: jieba without pkg_resources

# isort: split
import jieba
import opencc

from bot import text as text_module

log = logging.getLogger(__name__)

FORMAT = b"trafficbot-engine-1"
KEEP = 4  # engines kept: a few knowledge versions (an edit, its undo), never a growing folder
PREFIX, SUFFIX = "engine-", ".pickle"


def _library_versions() -> str:
    import pypinyin
    import rapidfuzz
    import yaml

    return " ".join(str(getattr(m, "__version__", "?")) for m in (jieba, pypinyin, rapidfuzz, yaml, opencc))


def cache_key(knowledge_dir: str | os.PathLike, matching: Any) -> str | None:
    """The key of the engine these files and this code build; None when a file cannot be read."""
    root = Path(knowledge_dir)
    digest = hashlib.sha256(FORMAT)
    digest.update(f"\0{sys.version}\0{_library_versions()}\0{matching!r}\0{root.name}\0".encode())
    try:
        for path in sorted(Path(__file__).resolve().parent.glob("*.py")):
            digest.update(path.name.encode() + b"\0" + path.read_bytes() + b"\0")
        # what load_knowledge reads: *.yaml and *.yml (hidden ones too: harmless, and safer to count)
        for path in sorted(root.glob("*.yaml")) + sorted(root.glob("*.yml")):
            digest.update(b"file\0" + path.name.encode() + b"\0" + path.read_bytes() + b"\0")
    except OSError:
        return None
    return digest.hexdigest()


def _version(knowledge_dir: str | os.PathLike) -> str | None:
    """The version load_knowledge gives the files as they are now: an engine is stored only if it
    was built from these very bytes (not from an edit undone while it was built)."""
    digest = hashlib.sha256()
    root = Path(knowledge_dir)
    try:
        for path in sorted(root.glob("*.yaml")) + sorted(root.glob("*.yml")):
            if path.is_file() and not path.name.startswith("."):
                digest.update(path.name.encode() + b"\0" + path.read_bytes())
    except OSError:
        return None
    return digest.hexdigest()[:12]


def _tokenizer(added: dict[str, int], total: int, jieba_cache: str) -> jieba.Tokenizer:
    """jieba's shipped dictionary with the engine's words put back (how a stored tokenizer loads)."""
    tokenizer = text_module._make_tokenizer(Path(jieba_cache))
    tokenizer.FREQ.update(added)
    tokenizer.total = total
    return tokenizer


def _converter(config: str) -> opencc.OpenCC:
    return opencc.OpenCC(config)


def _dump(engine: Any, problems: list, jieba_cache: Path) -> bytes:
    # the engine's words: the entries of jieba's dictionary its text processor added or changed
    # (jieba never removes one). The processor knows them; a tokenizer it does not own is compared
    # with the shipped dictionary, entry by entry (reading that dictionary and comparing half a
    # million entries costs more than the rest of the dump).
    owned: dict[int, dict[str, int]] = {}
    changes = getattr(getattr(engine, "text", None), "jieba_changes", None)
    if changes is not None:
        own, changed = changes()
        owned[id(own)] = changed
    shipped: dict[str, int] = {}

    def tokenizer(t: jieba.Tokenizer) -> tuple:
        added = owned.get(id(t))
        if added is None:
            if not shipped:
                shipped.update(text_module._make_tokenizer(jieba_cache).FREQ)
            added = {w: f for w, f in t.FREQ.items() if shipped.get(w) != f}
        return _tokenizer, (added, t.total, str(jieba_cache))

    out = io.BytesIO()
    pickler = pickle.Pickler(out, protocol=pickle.HIGHEST_PROTOCOL)
    # by type, looked up by the C pickler: no Python call for the engine's other objects
    pickler.dispatch_table = {**copyreg.dispatch_table, jieba.Tokenizer: tokenizer,
                              opencc.OpenCC: lambda c: (_converter, (os.path.basename(c.config),))}
    pickler.dump((FORMAT, engine, problems))
    return out.getvalue()


def _load(data: bytes, knowledge_dir: str) -> tuple[Any, list]:
    fmt, engine, problems = pickle.loads(data)
    if fmt != FORMAT:
        raise ValueError("another format")
    # The same files in another place of the same name: the knowledge says where it was read from.
    # (Knowledge is frozen; every step holds this one object.)
    object.__setattr__(engine.knowledge, "path", str(Path(knowledge_dir)))
    return engine, problems


def _write(folder: Path, key: str, data: bytes) -> None:
    folder.mkdir(parents=True, exist_ok=True)
    fd, tmp = tempfile.mkstemp(dir=folder, prefix=".engine-", suffix=".tmp")
    try:
        with os.fdopen(fd, "wb") as f:
            f.write(data)
        os.replace(tmp, folder / f"{PREFIX}{key}{SUFFIX}")
    except BaseException:
        Path(tmp).unlink(missing_ok=True)
        raise
    kept = sorted(folder.glob(f"{PREFIX}*{SUFFIX}"), key=lambda p: p.stat().st_mtime, reverse=True)
    for old in kept[KEEP:]:
        old.unlink(missing_ok=True)


def cached_build(knowledge_dir: str, matching: Any = None, *, folder: Path | None = None,
                 build: Callable[[str, Any], tuple[Any, list]] | None = None) -> tuple[Any, list]:
    """`build_engine(knowledge_dir, matching)`, from the cache when these files and this code
    built it before. `folder`: the cache folder (default: the per-user cache, beside jieba's)."""
    if build is None:
        from bot import engine as engine_module  # looked up at each call: tests replace build_engine

        build = engine_module.build_engine
    jieba_cache = text_module.cache_dir()
    folder = folder or jieba_cache
    key = cache_key(knowledge_dir, matching)
    if key is not None:
        try:
            return _load((folder / f"{PREFIX}{key}{SUFFIX}").read_bytes(), knowledge_dir)
        except FileNotFoundError:
            pass
        except Exception as exc:  # noqa: BLE001 - a damaged or foreign entry of any kind: build as if there were none
            log.debug("engine cache entry unreadable (%s): building", exc)
    engine, problems = build(knowledge_dir, matching)
    if engine is not None and key is not None and cache_key(knowledge_dir, matching) == key \
            and getattr(engine.knowledge, "version", None) == _version(knowledge_dir):
        try:
            _write(folder, key, _dump(engine, list(problems), jieba_cache))
        except Exception as exc:  # noqa: BLE001 - unwritable folder, full disk, an engine part pickle cannot store
            log.debug("engine not cached (%s)", exc)
    return engine, problems
