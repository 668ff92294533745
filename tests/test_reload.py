"""Knowledge reload without a restart: a broken edit never replaces the served knowledge."""

from __future__ import annotations

import asyncio
import os
import shutil
import time
from dataclasses import dataclass
from pathlib import Path

import pytest
from telegram_support import holder_for, one_topic_knowledge, real_engine

from bot.config import MatchingConfig
from bot.knowledge import Problem
from bot.reload import KnowledgeHolder, KnowledgeLoadError, format_problems, snapshot

ROOT = Path(__file__).resolve().parent.parent


@dataclass
class StubEngine:
    text: str


def stub_build(knowledge_dir, matching):
    """An 'engine' holding a.yaml's text; a file containing BROKEN is an error at its line."""
    text = (Path(knowledge_dir) / "a.yaml").read_text(encoding="utf-8")
    problems = []
    for n, line in enumerate(text.splitlines(), 1):
        if "BROKEN" in line:
            problems.append(Problem(str(Path(knowledge_dir) / "a.yaml"), n, "not valid"))
        if "WARN" in line:
            problems.append(Problem(str(Path(knowledge_dir) / "a.yaml"), n, "odd", severity="warning"))
    if any(p.severity == "error" for p in problems):
        return None, problems
    return StubEngine(text), problems


def write(path: Path, text: str) -> None:
    path.write_text(text, encoding="utf-8")
    # make sure the change is visible even on coarse-mtime file systems
    st = path.stat()
    os.utime(path, ns=(st.st_atime_ns, st.st_mtime_ns + 1_000_000_000))


@pytest.fixture
def kdir(tmp_path):
    d = tmp_path / "knowledge"
    d.mkdir()
    write(d / "a.yaml", "v1\n")
    return d


def test_reload_replaces_the_engine_on_a_good_edit(kdir):
    holder = KnowledgeHolder(kdir, None, build=stub_build)
    first = holder.engine
    write(kdir / "a.yaml", "v2\n")
    assert holder.reload() == []
    assert holder.engine.text == "v2\n" and holder.engine is not first
    assert holder.last_reload_ok and holder.reloads == 1
    assert first.text == "v1\n"  # a question that grabbed the old engine finishes on it


def test_broken_edit_keeps_the_last_good_knowledge_and_reports_file_line(kdir):
    holder = KnowledgeHolder(kdir, None, build=stub_build)
    served = holder.engine
    write(kdir / "a.yaml", "v2\nBROKEN\n")
    problems = holder.reload()
    assert [str(p) for p in problems] == [f"{kdir / 'a.yaml'}:2: not valid"]
    assert holder.engine is served and not holder.last_reload_ok
    assert format_problems(problems) == f"{kdir / 'a.yaml'}:2: not valid"


def test_warnings_do_not_stop_a_reload(kdir):
    holder = KnowledgeHolder(kdir, None, build=stub_build)
    write(kdir / "a.yaml", "v2 WARN\n")
    problems = holder.reload()
    assert [p.severity for p in problems] == ["warning"]
    assert holder.engine.text == "v2 WARN\n" and holder.last_reload_ok


def test_a_crashing_loader_keeps_the_old_engine(kdir):
    calls = []

    def build(d, m):
        calls.append(1)
        if len(calls) > 1:
            raise RuntimeError("boom")
        return stub_build(d, m)

    holder = KnowledgeHolder(kdir, None, build=build)
    served = holder.engine
    problems = holder.reload()
    assert "boom" in str(problems[0]) and holder.engine is served


def test_no_knowledge_at_start_is_an_error(tmp_path):
    d = tmp_path / "k"
    d.mkdir()
    (d / "a.yaml").write_text("BROKEN\n", encoding="utf-8")
    with pytest.raises(KnowledgeLoadError) as err:
        KnowledgeHolder(d, None, build=stub_build)
    assert "a.yaml:1: not valid" in str(err.value) and len(err.value.problems) == 1


def test_snapshot_sees_only_the_files_the_loader_reads(kdir):
    before = snapshot(kdir)
    (kdir / "old").mkdir()
    write(kdir / "old" / "backup.yaml", "entries: []\n")
    write(kdir / ".hidden.yaml", "entries: []\n")
    assert snapshot(kdir) == before  # a backup in a subfolder triggers no reload


def test_snapshot_sees_names_sizes_and_times(kdir):
    before = snapshot(kdir)
    assert [name for name, _, _ in before] == ["a.yaml"]
    (kdir / "notes.txt").write_text("ignored")
    assert snapshot(kdir) == before
    write(kdir / "b.yml", "x")
    assert [name for name, _, _ in snapshot(kdir)] == ["a.yaml", "b.yml"]
    assert snapshot(kdir / "missing") == ()


async def test_watch_reloads_after_the_edit_settles_and_tells_the_app(kdir):
    holder = KnowledgeHolder(kdir, None, build=stub_build)
    events: list[tuple[list, str]] = []

    async def on_change(problems):
        events.append((problems, holder.engine.text))

    task = asyncio.create_task(holder.watch(on_change, interval=0.05))
    try:
        await asyncio.sleep(0.2)
        assert events == []  # nothing changed, nothing reloaded
        write(kdir / "a.yaml", "v2\n")
        await _until(lambda: len(events) == 1)
        assert events == [([], "v2\n")]
        write(kdir / "a.yaml", "v3\nBROKEN\n")
        await _until(lambda: len(events) == 2)
        assert [str(p) for p in events[1][0]] == [f"{kdir / 'a.yaml'}:2: not valid"]
        assert holder.engine.text == "v2\n"  # still serving the last good one
        await asyncio.sleep(0.3)
        assert len(events) == 2  # a broken file is not reloaded again and again
    finally:
        task.cancel()


async def test_watch_debounces_a_file_still_being_written(kdir, monkeypatch):
    # The folder's looks are scripted, not timed: three different looks (an editor still saving),
    # then the same look twice. Only then is the knowledge reloaded — whatever the machine's load.
    import bot.reload as reload_module

    builds: list[float] = []

    def build(d, m):
        builds.append(time.monotonic())
        return stub_build(d, m)

    holder = KnowledgeHolder(kdir, None, build=build)
    write(kdir / "a.yaml", "v5\n")  # what the editor ends with
    looks = ["saving 1", "saving 2", "saved", "saved"]
    built_at_look: list[int] = []  # how many builds had happened when each look was taken

    def scripted(_dir):
        built_at_look.append(len(builds))
        return looks[min(len(built_at_look), len(looks)) - 1]

    monkeypatch.setattr(reload_module, "snapshot", scripted)
    task = asyncio.create_task(holder.watch(None, interval=0.01))
    try:
        await _until(lambda: len(builds) == 2)
        # no reload while the looks kept changing, nor after the first look of the saved file
        assert built_at_look[:4] == [1, 1, 1, 1]
        assert holder.engine.text.startswith("v5")
        await asyncio.sleep(0.1)
        assert len(builds) == 2  # the settled file is not reloaded again and again
    finally:
        task.cancel()


async def _until(predicate, timeout=3.0):
    deadline = time.monotonic() + timeout
    while not predicate():
        assert time.monotonic() < deadline, "timed out"
        await asyncio.sleep(0.02)


async def test_real_engine_broken_yaml_keeps_serving(tmp_path):
    kdir = one_topic_knowledge(tmp_path)  # reloads build the real engine on it, in half the time of the whole
    holder = holder_for(real_engine(), str(kdir), MatchingConfig())  # served first: the session's engine
    served = holder.engine
    version = holder.version
    assert served.answer("电动车要上牌吗").entry_id == "ebike-plates"
    ebike = kdir / "ebike.yaml"
    good = ebike.read_text(encoding="utf-8")
    write(ebike, good + "  - id: [oops\n")
    problems = await holder.areload()
    errors = [p for p in problems if p.severity == "error"]
    assert any(p.file.endswith("ebike.yaml") and p.line > 1 and "YAML" in p.message for p in errors)
    assert holder.engine is served and holder.version == version
    assert holder.engine.answer("电动车要上牌吗").entry_id == "ebike-plates"
    write(ebike, good.replace("      - 电动车管理条例\n", "      - 电动车管理条例\n      - 小电驴的管理规定叫什么\n", 1))
    problems = await holder.areload()
    assert not [p for p in problems if p.severity == "error"]
    assert holder.engine is not served and holder.version != version


def test_emptying_every_topic_file_is_refused_as_an_error_not_a_warning(tmp_path):
    kdir = tmp_path / "knowledge"
    shutil.copytree(ROOT / "knowledge", kdir)
    holder = holder_for(real_engine(), str(kdir), MatchingConfig())  # the copy's engine is the session's; reloads build
    served = holder.engine
    for path in kdir.glob("*.yaml"):
        if "entries:" in path.read_text(encoding="utf-8"):
            path.write_text("", encoding="utf-8")  # every file alone is only a warning
    problems = holder.reload()
    assert holder.engine is served and not holder.last_reload_ok
    assert any(p is not None and "nothing to serve" in str(p) for p in problems)
    from bot.reload import _is_error
    assert any(_is_error(p) for p in problems)  # so /reload and the watcher report a failure


def test_start_with_a_broken_file_serves_the_valid_entries(tmp_path):
    folder = one_topic_knowledge(tmp_path)
    (folder / "team.yaml").write_text("topic: x\nentries:\n  - id: [broken\n", encoding="utf-8")
    holder = KnowledgeHolder(folder, MatchingConfig())
    assert not holder.last_reload_ok
    assert any("team.yaml:" in str(p) for p in holder.problems)
    assert holder.engine.answer("电动车要上牌吗").entry_id == "ebike-plates"
