"""Start-up (and /reload) reads the knowledge and jieba's dictionary the fast way; what it reads and
what staff are told about a broken file are the same as the slow way's."""

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
    shipped = text_module.cache_dir() / text_module.JIEBA_CACHE  # written by jieba on the first build
    assert shipped.is_file()
    (tmp_path / text_module.JIEBA_CACHE).write_bytes(shipped.read_bytes())
    fast = jieba.Tokenizer()
    assert text_module._read_jieba_cache(fast, tmp_path / text_module.JIEBA_CACHE)
    slow = jieba.Tokenizer()
    slow.tmp_dir = str(tmp_path)
    slow.initialize()  # jieba's own reading of the same file
    assert fast.initialized and (fast.FREQ, fast.total) == (slow.FREQ, slow.total)
    assert fast.lcut("电动自行车需要上牌吗", HMM=False) == slow.lcut("电动自行车需要上牌吗", HMM=False)

    (tmp_path / "damaged").write_bytes(shipped.read_bytes()[:1000])
    (tmp_path / "garbage").write_bytes(b"not a dictionary")
    for name in ("damaged", "garbage", "missing"):
        tokenizer = jieba.Tokenizer()
        assert not text_module._read_jieba_cache(tokenizer, tmp_path / name), name
        assert not tokenizer.initialized  # so _make_tokenizer lets jieba build it (and write a good cache)
