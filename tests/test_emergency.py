"""The 122 / 120 reply: every real emergency gets it, 119 first where fire, smoke, fuel or anyone
trapped; no calm question does. All through the real Engine on the real knowledge."""

from __future__ import annotations

from pathlib import Path

import pytest
import yaml

from bot.evaluate import load_labelled
from bot.knowledge import errors, load_knowledge
from bot.reply import EMERGENCY

EVAL = Path(__file__).resolve().parent / "eval"
OWN_SETS = ("calm.yaml", "panic-dev.yaml")


def labelled_sets() -> list[list[dict]]:
    return [load_labelled(p) for p in sorted(EVAL.glob("*.yaml")) if p.name not in OWN_SETS]


def calm_corpus(engine) -> list[str]:
    """Every knowledge question and test phrasing, every eval set's non-emergency item, and the
    look-alike everyday messages of calm.yaml."""
    texts = [q for e in engine.knowledge.entries for q in e.questions + e.tests]
    texts += [item["q"] for items in labelled_sets() for item in items if item["expect"] != "emergency"]
    texts += yaml.safe_load((EVAL / "calm.yaml").read_text(encoding="utf-8"))
    return list(dict.fromkeys(texts))


def panic_set() -> list[dict]:
    items = yaml.safe_load((EVAL / "panic-dev.yaml").read_text(encoding="utf-8"))
    items += [item for items_ in labelled_sets() for item in items_ if item["expect"] == "emergency"]
    return items


def says_119_first(text: str) -> bool:
    first = text.splitlines()[0]
    return "119" in first and first.index("119") < first.find("122")


def test_no_calm_message_gets_the_emergency_reply(engine):
    corpus = calm_corpus(engine)
    assert len(corpus) >= 2000
    flagged = [(q, r.extra.get("reason")) for q in corpus if (r := engine.answer(q)).status == EMERGENCY]
    assert flagged == []


def test_every_panic_message_is_caught_and_119_leads_where_it_belongs(engine):
    items = panic_set()
    assert len(items) >= 200
    missed = [i["q"] for i in items if engine.answer(i["q"]).status != EMERGENCY]
    assert missed == []
    fire = [i["q"] for i in items if str(i.get("first", "")) == "119"]
    assert len(fire) >= 30
    assert [q for q in fire if not says_119_first(engine.answer(q).text)] == []


@pytest.mark.parametrize("question", [
    "电动车上的牌子掉了",       # 上的 is no 伤的
    "驾照业务受理要多久",       # 受理 no 受伤
    "体检要查血型吗",
    "坐火车能带电动车电池吗",
    "这事真伤脑筋",
    "下雪车被困在山路上了 叫拖车",  # 上了 is no 伤了
])
def test_typo_repair_never_makes_an_emergency_of_a_common_word(engine, question):
    assert engine.answer(question).status != EMERGENCY


@pytest.mark.parametrize("question", ["有人留血不止", "出车祸了有人收伤了", "出事了 人昏米了", "撞人了 流学了"])
def test_a_slip_of_a_harm_word_is_still_read(engine, question):
    assert engine.answer(question).status == EMERGENCY


@pytest.mark.parametrize("question", [
    "有人shou伤了 快来", "撞人了 他liu血了", "有人liuxue了", "shoushang le 快来",
    "someone injured on the road", "car on fire someone inside", "help 出车祸了",
])
def test_pinyin_and_latin_words_are_read_as_what_they_spell(engine, question):
    assert engine.answer(question).status == EMERGENCY


@pytest.mark.parametrize("question", [
    "英语 injured 是什么意思", "help me 查一下违章", "my car battery is dead", "shou费站在哪", "huo车站怎么走",
])
def test_latin_and_pinyin_in_calm_questions_stay_calm(engine, question):
    assert engine.answer(question).status != EMERGENCY


@pytest.mark.parametrize("question, state", [
    ("轮胎没气了", "calm"), ("人没气了", "danger"),
    ("车不动了", "calm"), ("老人躺地上不动了", "danger"), ("人在车里不动了", "danger"),
    ("12123卡住了", "calm"), ("我腿卡住了出不来", "danger"),
    ("车卡在泥里出不来", "calm"), ("司机卡在车里出不来", "danger"),
    ("车一动不动好久了", "calm"), ("他一动不动", "danger"),
])
def test_a_state_a_thing_can_be_in_is_danger_only_when_said_of_a_person(engine, question, state):
    assert (engine.answer(question).status == EMERGENCY) == (state == "danger")


@pytest.mark.parametrize("question", [
    "发生有人受伤的交通事故时，肇事车辆可以先挪走吗",   # a rule
    "交通事故受伤了怎么申请救助基金",                 # the fund
    "去年忻州交通事故死了多少人",                     # a statistic
    "如果车着火了应该怎么办",                         # an if
    "去年出车祸受的伤好了 能考驾照吗",                # the past
    "撞了人怎么办",                                   # how such accidents are handled
    "科目一挂了三次救命",                             # exasperation
])
def test_danger_talked_about_is_no_emergency(engine, question):
    assert engine.answer(question).status != EMERGENCY


@pytest.mark.parametrize("question", [
    "如果这算事故的话 我朋友现在正在流血",   # a now-word outweighs any frame
    "撞人了 他在流血 要报保险吗",
    "我撞了人怎么办",                        # this one, not accidents in general
    "出车祸了有人受伤怎么办",
    "车着火了怎么办",
])
def test_danger_said_to_be_now_is_an_emergency_whatever_surrounds_it(engine, question):
    assert engine.answer(question).status == EMERGENCY


@pytest.mark.parametrize("question, first", [
    ("火 快", "119"), ("血啊", "122"),                 # a clause that is only a cry
    ("人被甩出来了", "122"),                           # a word running on by its complement
    ("车掉河里了 人没出来", "119"),                    # water: 119 rescues
    ("孩子骑滑板车被撞了 胳膊肿了", "122"),            # the vehicle a person rides is no thing
])
def test_short_and_run_on_cries_are_read(engine, question, first):
    reply = engine.answer(question)
    assert reply.status == EMERGENCY
    assert says_119_first(reply.text) == (first == "119")


def test_the_reply_says_which_danger_was_read(engine):
    reply = engine.answer("司机卡在车里出不来 满脸是血")
    assert reply.status == EMERGENCY and says_119_first(reply.text)
    assert "trapped" in reply.reason and "bleeding" in reply.reason


def test_a_very_long_message_is_read_from_its_start_and_denials_stay_denials(engine):
    # Its cost is measured in benchmarks/bench_engine.py ("slowest" and the emergency share).
    text = "没受伤，" * 1024  # 4096 characters
    assert engine.answer(text).status != EMERGENCY
    assert engine.answer("我被车撞了 腿断了，" + "没受伤，" * 1000).status == EMERGENCY  # its start is read


def test_replies_cite_the_expressway_rule_from_the_law_itself(engine):
    rules = engine.knowledge.emergency
    for text in (rules.reply, rules.fire_reply, engine.entry("accident-expressway").answer,
                 engine.entry("accident-expressway").source):
        assert "第六十八条" in text
        assert "实施条例》第六十八条" not in text and "实施条例》第六十条、第六十八条" not in text


def test_staff_mistakes_in_categories_are_reported_at_their_line(tmp_path):
    (tmp_path / "e.yaml").write_text(
        "emergency:\n"
        "  reply: 请立即拨打 122 和 120\n"
        "  categories:\n"
        "    - id: fire\n"
        "      first: 110\n"
        "      words: [着火]\n"
        "    - id: empty\n"
        "      colour: red\n", encoding="utf-8")
    knowledge, problems = load_knowledge(tmp_path)
    found = {(p.line, p.message.split(" ")[0]) for p in errors(problems)}
    assert any(line == 5 for line, _ in found)   # first must be 119 or 122
    assert any(line == 8 for line, _ in found)   # unknown field
    assert [c.id for c in knowledge.emergency.categories] == ["fire"]
    assert knowledge.emergency.harm == ("着火",)  # a wrong number falls back to 122, never to none


@pytest.mark.parametrize("question, state", [
    ("面包车把我家孩子撞了", "danger"), ("倒车把我的车撞了", "calm"), ("货车把护栏撞倒了", "calm"),
    ("拖拉机翻了 把开车的扣在底下了", "danger"), ("大风把车棚压在车上了", "calm"),
])
def test_after_ba_the_one_acted_on_must_be_a_person(engine, question, state):
    # 把 names who is acted on inside the phrase: 把我家孩子撞了 is someone hit, 把我的车撞了 is not
    assert (engine.answer(question).status == EMERGENCY) == (state == "danger")


@pytest.mark.parametrize("question, state", [
    ("撞人了咋办，那人一直喊疼", "danger"),       # the harm told after the question is this one
    ("撞人 怎么办 怎么办", "danger"),             # asked again and again: panic
    ("撞伤人了怎么办", "calm"),                   # asked once, nothing told after: how it is handled
    ("电动车要买保险吗 撞了人怎么办", "calm"),
])
def test_how_to_handle_is_a_question_unless_harm_is_told_after_it_or_it_is_pleaded(engine, question, state):
    assert (engine.answer(question).status == EMERGENCY) == (state == "danger")


@pytest.mark.parametrize("question, state", [
    ("我头撞到方向盘上了", "danger"), ("车头撞到护栏了", "calm"),
    ("孩子在校门口被车撞了", "danger"),           # 门口 is where, not a thing between
    ("朋友出车祸以后一直恶心想吐", "danger"),     # 车祸 is what happened, not a thing
    ("有辆车冲进河里了", "danger"),                # a word running on by a place (河|里)
])
def test_body_parts_places_and_events_are_read_for_what_they_are(engine, question, state):
    assert (engine.answer(question).status == EMERGENCY) == (state == "danger")


@pytest.mark.parametrize("question", [
    "车被压扁了 里面还有人", "电线掉在车顶上了", "车陷在积水里 水淹到胸口了", "停车场有辆车在烧", "追尾后油一直往外流",
])
def test_crushed_cars_water_power_lines_and_burning_lead_with_119(engine, question):
    reply = engine.answer(question)
    assert reply.status == EMERGENCY and says_119_first(reply.text)


@pytest.mark.parametrize("question, state", [
    ("车门变形了拉不开 我老婆在里面", "danger"),   # the door's state, someone inside said after it
    ("车卡在泥里出不来 我在车里等拖车", "calm"),   # a car stuck is no door that will not open
    ("孩子被车门夹住手了", "danger"),             # the thing after 被 did it; the child is the one
    ("我的车被撞了 出不来", "calm"),
])
def test_doors_and_agents_are_read_by_who_is_where(engine, question, state):
    assert (engine.answer(question).status == EMERGENCY) == (state == "danger")


@pytest.mark.parametrize("question, state", [
    ("过马路的时候被车撞了 现在腿疼得走不了", "danger"),   # no subject said: the writer
    ("被车撞了怎么办", "calm"),                            # asked how, nothing now
    ("三个月前被撞了 现在还能报警吗", "calm"),             # the past
    ("被困在手续里出不来了", "calm"),                      # no one named, no acute state of the writer
])
def test_a_passive_without_a_subject_befell_the_writer(engine, question, state):
    assert (engine.answer(question).status == EMERGENCY) == (state == "danger")
