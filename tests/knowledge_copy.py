"""Copies of the real knowledge for tests that edit it, break it or check it: every file that is no
topic (emergency rules, concepts, words, scope, smalltalk), the topic files a test names, and
(unless told not to) the topic files their entries' `related:` point into, so that the copy is
whole: no link to a missing entry.

A kb check or an engine build costs by the question, so a test that shows one behaviour of the
loader or the checker runs on the topics that behaviour needs (team.yaml holds the entries another
entry's question collides with), not on all of them; what the whole knowledge answers is tested on
the whole of it (tests/test_cli.py's kb check, the quality floors).
"""

from __future__ import annotations

from pathlib import Path

import yaml

KNOWLEDGE_DIR = Path(__file__).resolve().parent.parent / "knowledge"
YAML_LOADER = getattr(yaml, "CSafeLoader", yaml.SafeLoader)  # what yaml.safe_load reads, parsed in C where it can be


# each file of knowledge/ as read, by its name, size and time of change: a session copies the
# knowledge dozens of times and would otherwise parse every file of it each time (~0.1 s a copy)
_read: dict[tuple[str, int, int], object] = {}


def _topics() -> dict[str, dict]:
    """Topic file name → its data, for every topic file of knowledge/ (the caller only reads it)."""
    out = {}
    for source in sorted(KNOWLEDGE_DIR.glob("*.yaml")):
        st = source.stat()
        key = (source.name, st.st_size, st.st_mtime_ns)
        if key not in _read:
            _read[key] = yaml.load(source.read_text(encoding="utf-8"), Loader=YAML_LOADER)
        data = _read[key]
        if isinstance(data, dict) and "entries" in data:
            out[source.name] = data
    return out


def topic_files() -> set[str]:
    """The names of knowledge/'s topic files (those with entries)."""
    return set(_topics())


def knowledge_copy(target: Path, *topics: str, linked: bool = True) -> Path:
    """`target` (created if need be) holding the rules, the named topic files of knowledge/ and
    (`linked`) the topic files those link to, transitively."""
    files = _topics()
    missing = set(topics) - files.keys()
    assert not missing, f"no such topic file in knowledge/: {sorted(missing)}"
    home = {e["id"]: name for name, data in files.items() for e in data["entries"] or ()}
    wanted, todo = set(), list(topics)
    while todo:
        name = todo.pop()
        if name not in wanted:
            wanted.add(name)
            if linked:
                todo.extend(home[r] for e in files[name]["entries"] or () for r in e.get("related") or () if r in home)
    target.mkdir(parents=True, exist_ok=True)
    for source in KNOWLEDGE_DIR.glob("*.yaml"):
        if source.name in wanted or source.name not in files:
            (target / source.name).write_bytes(source.read_bytes())
    return target
