"""Citations: a cited article must exist in the named text, and each number in the answer must be in it."""

import shutil
from pathlib import Path

import pytest

from bot.citations import check_entries, cn_to_int, numbers_in_answer
from bot.kbcheck import check_knowledge
from bot.knowledge import load_knowledge

EMERGENCY = """emergency:
  reply: 请立即拨打 122 和 120
  harm: [受伤]
"""
TOPIC = """topic: 驾驶证
entries:
  - id: licence-renew
    questions: [驾驶证到期怎么换, 驾照到期换证, 驾驶本快到期了, 驾照换证时间, 驾驶证期满换证]
    answer: |
      有效期满前九十日内申请换证。
    source: 《机动车驾驶证申领和使用规定》（公安部令第162号）第六十三条
    updated: 2026-12-01
  - id: licence-wrong-article
    questions: [驾驶证丢了怎么办, 驾照丢了, 驾驶本遗失, 驾照找不到了, 驾驶证补办]
    answer: |
      驾驶证遗失的，向车辆管理所申请补发。
    source: 《机动车驾驶证申领和使用规定》（公安部令第162号）第三百条
    updated: 2026-12-01
  - id: licence-wrong-number
    questions: [实习期多长, 实习期是几个月, 新手实习期, 刚拿驾照实习期, 实习期多久]
    answer: |
      初次取得驾驶证后的18个月为实习期，实习期满前三十日内可以申请。
    source: 《机动车驾驶证申领和使用规定》第七十六条
    updated: 2026-12-01
"""
LAW_FILES = ("licence.yaml", "points.yaml", "violations.yaml", "registration.yaml", "drink-driving.yaml",
             "accident-law.yaml", "road-rules.yaml", "non-motor.yaml")


@pytest.fixture
def kb(tmp_path, knowledge_dir):
    shutil.copytree(Path(knowledge_dir) / "sources", tmp_path / "sources")
    (tmp_path / "emergency.yaml").write_text(EMERGENCY, encoding="utf-8")
    (tmp_path / "licence.yaml").write_text(TOPIC, encoding="utf-8")
    return tmp_path


def test_wrong_article_and_number_not_in_article_are_reported_at_file_and_line(kb):
    problems, _ = check_knowledge(str(kb))
    found = {(Path(p.file).name, p.line, p.message.split(" / ")[0]) for p in problems}
    # line 13: source of licence-wrong-article; line 17: answer of licence-wrong-number
    assert ("licence.yaml", 13, "引用的条文不存在") in found
    assert any(p.line == 13 and "第三百条" in p.message for p in problems)
    assert ("licence.yaml", 17, "答案里的数字 18 不在所引条文中") in found
    assert ("licence.yaml", 17, "答案里的数字 三十 不在所引条文中") in found
    # the correct entry (九十日 is in 第六十三条) is not reported
    assert not any(p.line in (3, 5, 7) for p in problems if "条文" in p.message)


def test_a_number_written_in_chinese_matches_the_same_number_in_arabic(kb):
    text = TOPIC.replace("有效期满前九十日内", "有效期满前90日内").replace("第六十三条", "第63条")
    (kb / "licence.yaml").write_text(text, encoding="utf-8")
    knowledge, _ = load_knowledge(kb)
    problems = check_entries([e for e in knowledge.entries if e.id == "licence-renew"], kb)
    assert problems == []


def test_the_150_metre_rule_cited_from_the_wrong_text_is_caught(kb):
    wrong = TOPIC.replace("有效期满前九十日内申请换证。", "高速公路上警告标志放在车后一百五十米以外。").replace(
        "《机动车驾驶证申领和使用规定》（公安部令第162号）第六十三条", "《中华人民共和国道路交通安全法实施条例》第六十八条")
    (kb / "licence.yaml").write_text(wrong, encoding="utf-8")
    knowledge, _ = load_knowledge(kb)
    problems = check_entries([e for e in knowledge.entries if e.id == "licence-renew"], kb)
    assert [p.line for p in problems] == [5] and "一百五十" in problems[0].message
    right = wrong.replace("《中华人民共和国道路交通安全法实施条例》第六十八条", "道路交通安全法第六十八条")
    (kb / "licence.yaml").write_text(right, encoding="utf-8")
    knowledge, _ = load_knowledge(kb)
    assert check_entries([e for e in knowledge.entries if e.id == "licence-renew"], kb) == []


def test_article_names_list_numbers_and_channels_are_not_facts():
    answer = "1. 依据第七十条、公安部令第162号，第一次申领，科目三考试。\n2. 可通过交管12123办理，事故打122。"
    assert [value for _, value in numbers_in_answer(answer)] == ["12123", "122"]
    assert cn_to_int("一百零五") == 105 and cn_to_int("十二") == 12


def test_the_law_entries_of_the_real_knowledge_have_no_citation_problems(knowledge_dir):
    knowledge, _ = load_knowledge(knowledge_dir)
    ours = [e for e in knowledge.entries if Path(e.file).name in LAW_FILES]
    assert len([e for e in ours if "第" in e.source and "条" in e.source]) >= 50
    assert check_entries(ours, knowledge_dir) == []
    # entries of the other files that cite an article too (the helmet's point, hit-and-run's lifelong ban)
    assert check_entries([e for e in knowledge.entries if Path(e.file).name not in LAW_FILES], knowledge_dir) == []


def test_an_emergency_reply_is_checked_like_an_entry_at_its_own_line(kb):
    cited = EMERGENCY.replace("reply: 请立即拨打 122 和 120", "reply: |\n    请立即拨打 122 和 120。在车后三百米设置警告标志。\n"
                              "    来源：《中华人民共和国道路交通安全法》第九百条")
    (kb / "emergency.yaml").write_text(cited, encoding="utf-8")
    problems, _ = check_knowledge(str(kb))
    said = [p for p in problems if Path(p.file).name == "emergency.yaml" and p.line == 2]
    assert any("第九百条" in p.message for p in said)                 # an article the law does not have
    assert any("三百" in p.message for p in said)                     # a number no cited article states


def test_the_emergency_replies_of_the_real_knowledge_cite_what_they_say(knowledge_dir):
    knowledge, _ = load_knowledge(knowledge_dir)
    rules = knowledge.emergency
    assert {name for name, _, _ in rules.reply_lines} == {"reply", "fire_reply", "crash_reply"}
    replies = [(name, getattr(rules, name), file, line) for name, file, line in rules.reply_lines]
    assert check_entries([], knowledge_dir, replies) == []
    assert "第十九条" in rules.crash_reply and "第七十条" in rules.crash_reply
