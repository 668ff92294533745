"""Start-up (and /reload) reads the knowledge and jieba's dictionary the fast way; what it reads and
what staff are told about a broken file are the same as the slow way's."""

import marshal
from pathlib import Path

import jieba
import yaml
from knowledge_copy import knowledge_copy

from bot import knowledge as knowledge_module
from bot import text as text_module
from bot.knowledge import load_knowledge


def test_the_fast_yaml_reader_gives_the_same_knowledge_lines_and_errors_as_the_pure_one(tmp_path, monkeypatch):
    knowledge_copy(tmp_path, "ebike.yaml")
    (tmp_path / "broken.yaml").write_text("topic: 坏\nentries:\n  - id: x\n    questions: [a, b\n    answer: c\n", encoding="utf-8")
    (tmp_path / "deep.yaml").write_text("topic: x\nentries:\n  - id: deep\n    questions: " + "[" * 300 + "]" * 300 + "\n",
                                        encoding="utf-8")
    (tmp_path / "bad-entry.yaml").write_text("topic: t\nentries:\n  - id: Bad Id\n    questions: [一]\n    answr: x\n",
                                             encoding="utf-8")
    assert knowledge_module._FAST_LOADER is not None or not yaml.__with_libyaml__
    fast, fast_problems = load_knowledge(tmp_path)
    monkeypatch.setattr(knowledge_module, "_FAST_LOADER", None)  # PyYAML installed without libyaml
    pure, pure_problems = load_knowledge(tmp_path)
    assert fast == pure
    assert [e.question_lines for e in fast.entries] == [e.question_lines for e in pure.entries]
    assert fast_problems == pure_problems
    said = {(Path(p.file).name, p.line) for p in fast_problems}
    assert {("broken.yaml", 5), ("deep.yaml", 4), ("bad-entry.yaml", 5)} <= said, said


def test_jiebas_dictionary_cache_is_read_whole_and_a_damaged_one_is_left_to_jieba(tmp_path):
    # a small dictionary in jieba's own cache format, where jieba keeps it
    words = {"电动": 50, "电动车": 80, "电动自行车": 40, "上牌": 30, "需要": 900, "电": 70, "动": 60, "车": 400,
             "自行": 5, "自行车": 120, "上": 800, "牌": 20, "需": 10, "要": 700, "吗": 300, "电动自": 0, "电动自行": 0}
    with open(tmp_path / text_module.JIEBA_CACHE, "wb") as f:
        marshal.dump((words, sum(words.values())), f)
    fast = jieba.Tokenizer()
    assert text_module._read_jieba_cache(fast, tmp_path / text_module.JIEBA_CACHE)
    slow = jieba.Tokenizer()
    slow.tmp_dir = str(tmp_path)
    slow.initialize()  # jieba's own reading of the same file
    assert fast.initialized and (fast.FREQ, fast.total) == (slow.FREQ, slow.total) == (words, sum(words.values()))
    assert fast.lcut("电动自行车需要上牌吗", HMM=False) == slow.lcut("电动自行车需要上牌吗", HMM=False) == [
        "电动自行车", "需要", "上牌", "吗"]

    whole = (tmp_path / text_module.JIEBA_CACHE).read_bytes()
    (tmp_path / "damaged").write_bytes(whole[: len(whole) // 2])
    (tmp_path / "garbage").write_bytes(b"not a dictionary")
    (tmp_path / "other").write_bytes(marshal.dumps(["a", "list"]))
    for name in ("damaged", "garbage", "other", "missing"):
        tokenizer = jieba.Tokenizer()
        assert not text_module._read_jieba_cache(tokenizer, tmp_path / name), name
        assert not tokenizer.initialized  # so _make_tokenizer lets jieba build it (and write a good cache)


# -- the built engine kept on disk (bot/buildcache.py) ------------------------------------------

ASKED = ("校门口人车分离是啥意思", "出车祸了有人受伤流了很多血", "上派去哪", "你好", "今天天气怎么样")


def replies(engine) -> list[tuple]:
    return [(r.status, r.entry_id, r.reason, r.text) for r in map(engine.answer, ASKED)]


def test_a_cached_engine_answers_as_built_and_an_edit_or_a_reload_never_gets_a_stale_one(tmp_path):
    from bot.buildcache import cached_build
    from bot.config import MatchingConfig
    from bot.engine import build_engine
    from bot.reload import KnowledgeHolder

    kdir = knowledge_copy(tmp_path / "knowledge", "school.yaml", linked=False)
    cache = tmp_path / "cache"
    built, problems = build_engine(str(kdir), MatchingConfig())
    assert built is not None

    def must_not_build(path, matching):
        raise AssertionError("built, though the cache holds this knowledge")

    assert cached_build(str(kdir), MatchingConfig(), folder=cache, build=lambda p, m: (built, problems))[0] is built
    cached, cached_problems = cached_build(str(kdir), MatchingConfig(), folder=cache, build=must_not_build)
    assert cached is not built and replies(cached) == replies(built) and cached_problems == problems
    assert cached.knowledge == built.knowledge and cached.knowledge.path == str(kdir)
    # jieba's dictionary as the build left it: every word it added, every frequency it changed
    kept, made = cached.text._tokenizer, built.text._tokenizer
    assert (kept.FREQ, kept.total) == (made.FREQ, made.total) and kept is not made

    # a staff edit: the answer citizens get is the edited one, at once
    topic = kdir / "school.yaml"
    original = topic.read_text(encoding="utf-8")
    entry = built.knowledge.entries[0]
    first_line = entry.answer.splitlines()[0]
    topic.write_text(original.replace(first_line, "改过的答案：" + first_line, 1), encoding="utf-8")
    edited, _ = cached_build(str(kdir), MatchingConfig(), folder=cache)
    assert "改过的答案" in edited.reply_for_entry(entry.id).text
    # /reload after the edit is undone serves the files as they are now (the cached first version)
    holder = KnowledgeHolder(str(kdir), MatchingConfig(), build=lambda p, m: cached_build(p, m, folder=cache))
    assert "改过的答案" in holder.engine.reply_for_entry(entry.id).text
    topic.write_text(original, encoding="utf-8")
    holder.reload()
    assert "改过的答案" not in holder.engine.reply_for_entry(entry.id).text
    assert replies(holder.engine) == replies(built)


def test_a_damaged_or_unwritable_cache_is_a_normal_build(tmp_path):
    from bot import buildcache
    from bot.config import MatchingConfig
    from bot.engine import build_engine

    kdir = knowledge_copy(tmp_path / "knowledge", "school.yaml", linked=False)
    built = build_engine(str(kdir), MatchingConfig())
    cache = tmp_path / "cache"
    entry = cache / f"{buildcache.PREFIX}{buildcache.cache_key(kdir, MatchingConfig())}{buildcache.SUFFIX}"
    builds = []

    def build(path, matching):  # the build itself is tested elsewhere: here, that it happens
        builds.append(path)
        return built

    assert buildcache.cached_build(str(kdir), MatchingConfig(), folder=cache, build=build) == built
    whole = entry.read_bytes()
    for damage in (whole[: len(whole) // 2], b"not a pickle", b""):
        entry.write_bytes(damage)
        assert buildcache.cached_build(str(kdir), MatchingConfig(), folder=cache, build=build) == built
        assert entry.read_bytes() != damage  # written again
    assert len(builds) == 4
    blocked = tmp_path / "a-file"
    blocked.write_text("not a folder", encoding="utf-8")
    assert buildcache.cached_build(str(kdir), MatchingConfig(), folder=blocked / "cache", build=build) == built
    assert len(builds) == 5 and blocked.read_text(encoding="utf-8") == "not a folder"
