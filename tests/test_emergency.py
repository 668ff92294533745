"""The 122 / 120 reply: every real emergency gets it, 119 first where fire, smoke, fuel or anyone
trapped; no calm question does. All through the real Engine on the real knowledge."""

from __future__ import annotations

from pathlib import Path

import pytest
import yaml
from knowledge_copy import YAML_LOADER

from bot.emergency import assess, compile_rules
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
    texts += [item["q"] for items in labelled_sets() for item in items if item["expect"] not in ("emergency", "fire")]
    texts += yaml.load((EVAL / "calm.yaml").read_text(encoding="utf-8"), Loader=YAML_LOADER)
    return list(dict.fromkeys(texts))


def panic_set() -> list[dict]:
    items = yaml.load((EVAL / "panic-dev.yaml").read_text(encoding="utf-8"), Loader=YAML_LOADER)
    items += [item for items_ in labelled_sets() for item in items_ if item["expect"] in ("emergency", "fire")]
    return items


def says_119_first(text: str) -> bool:
    first = text.splitlines()[0]
    return "119" in first and first.index("119") < first.find("122")


def assert_caught(engine, question: str, fire_first: bool) -> None:
    """The message is an emergency, with 119 first exactly where fire, fuel or someone trapped is told."""
    reply = engine.answer(question)
    assert reply.status == EMERGENCY, reply.reason
    assert says_119_first(reply.text) == fire_first


# the calm sweep (over 5,000 messages) in parts, so that parallel workers share it; together the
# parts read every message
CALM_PARTS = 3


@pytest.mark.parametrize("part", range(CALM_PARTS))
def test_no_calm_message_gets_the_emergency_reply(engine, part):
    corpus = calm_corpus(engine)
    assert len(corpus) >= 2000
    flagged = [(q, r.extra.get("reason")) for q in corpus[part::CALM_PARTS] if (r := engine.answer(q)).status == EMERGENCY]
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
    "醉驾是血里酒精多少毫克算",   # blood as what is measured, not blood shed
    "孩子都躺下了 明天还要上学",   # lying down to sleep: no crash told
])
def test_typo_repair_never_makes_an_emergency_of_a_common_word(engine, question):
    assert engine.answer(question).status != EMERGENCY


def test_people_lying_down_after_a_crash_are_hurt(engine):
    assert engine.answer("我在公交站看见电动车撞上摩托 两个人都躺下了 一个没戴头盔 咋整").status == EMERGENCY


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
    # the vehicle ridden is the rider's, counted or named at length (骑一辆三轮车); a thing of theirs is not
    ("老人骑一辆三轮车让货车撞飞了", "danger"), ("老人的一辆三轮车让货车撞飞了", "calm"),
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
    "下雨车里进水了 地毯湿了 怎么处理",               # a car's carpet, told as news
    "车撞了护栏没人伤 在县道上 妨碍交通又挪不动 三角架放多远",  # 没人 counts no one: the car won't move
    "科目一挂了三次救命",                             # exasperation
    # a space between every word: the question 算破坏现场不 is read in the whole sentence
    "俺 问 一个事 撞了人 为了 救人 挪了车 算 破坏 现场 不",
    "我奶奶车祸后腿一直疼 都好几个月了 忻州哪个医院看骨科好",  # an injury months old
])
def test_danger_talked_about_is_no_emergency(engine, question):
    assert engine.answer(question).status != EMERGENCY


@pytest.mark.parametrize("question", [
    "如果这算事故的话 我朋友现在正在流血",   # a now-word outweighs any frame
    "撞人了 他在流血 要报保险吗",
    "我撞了人怎么办",                        # this one, not accidents in general
    "出车祸了有人受伤怎么办",
    "车着火了怎么办",
    "撞人了 怎么办",                         # told as news in a clause of its own, then asked
    "隧道里两车撞了 有人满头血 能挪车吗",     # 满头血: how much blood, like 满地的血
    "有人受伤了 咋办",
    # hanging over the bridge's edge with people still in it (俺不敢动, 后座还有俩人)
    "偏关那个下坡 俺的车撞了护栏挂在桥边上 一半悬空 俺不敢动 后座还有俩人",
    # the past (上次) is another matter, left with 先不说这个
    "你好 上次问的驾照的事还没回我 算了先不说这个 俺们村口有个人被货车撞了 流了一地血",
    "撞完车我同事一直说困 想睡觉 叫他他也不太理人",   # drowsy and half-responsive after a crash
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


def test_a_mask_or_a_word_built_from_a_group_staff_never_defined_is_reported_at_its_line(tmp_path):
    (tmp_path / "e.yaml").write_text(
        "emergency:\n"
        "  reply: 请立即拨打 122 和 120\n"
        "  groups:\n"
        "    呼唤: [叫, 喊]\n"
        "  masks: [<呼唤><人>…<要求>]\n"
        "  categories:\n"
        "    - id: unconscious\n"
        "      words: [<呼唤><人|叫副>*不答应]\n", encoding="utf-8")
    _knowledge, problems = load_knowledge(tmp_path)
    found = {(p.line, p.message) for p in errors(problems)}
    assert any(line == 5 and "<要求>" in message for line, message in found)
    assert any("<叫副>" in message for _line, message in found)


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
    ("撞伤人了怎么办", "calm"),                   # asked once, in one breath, no one in particular: how it is handled
    ("撞伤了人怎么办", "calm"),                   # 了 on the verb, no one in particular: how such accidents are handled
    ("撞了个人怎么办", "danger"),                 # one particular person: this accident
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


# -- danger read from parts: groups, objects, pinyin opened up, the time frame of a call ----------
@pytest.mark.parametrize("question, state", [
    ("骑车被撞了 锁骨那块肿得老高", "danger"),        # <身体>…<伤状>, after a crash
    ("被三轮车挂倒了 脚踝那块发紫了", "danger"),
    ("公交急刹 老大爷脑门磕扶手上 起了个鸡蛋大的包", "danger"),
    ("考科目二考得头疼", "calm"),                      # a body part's state with no crash or fall
    ("开车久了脚麻 有没有规定多久休息", "calm"),
    ("碰上堵车真头疼", "calm"),                        # 头疼 as a figure of speech is masked
    ("出车祸了他手指头发紫", "danger"),                # 手指头|发紫: the mask 头发 begins inside a word
    ("撞车以后我去剪头发了", "calm"),                  # 剪头发 holds the mask whole: still hair
])
def test_a_body_part_in_a_harmed_state_after_a_crash_is_an_injury(engine, question, state):
    assert (engine.answer(question).status == EMERGENCY) == (state == "danger")


@pytest.mark.parametrize("question, state", [
    ("撞了以后他说看东西重影 一直想睡", "danger"),     # signs of a head injury; 睡 is no frame inside them
    ("媳妇被电动车别倒了 现在胸口闷 喘气费劲", "danger"),
    ("孩子坐车总是恶心想吐 有啥办法", "calm"),          # carsickness: no crash, a habit
])
def test_signs_of_harm_after_a_crash_are_read(engine, question, state):
    assert (engine.answer(question).status == EMERGENCY) == (state == "danger")


@pytest.mark.parametrize("question, state", [
    ("手机掉进河里了 能补办12123账号吗", "calm"),      # a thing that carries no one
    ("钥匙掉进水沟里了 车打不开", "calm"),
    ("车牌被撞掉了 掉河里了 怎么补", "calm"),           # the thing named in the clause before
    ("孩子的玩具卡在车门里了", "calm"),                 # whose thing, not who
    ("我的头盔摔破了 要买新的吗", "calm"),
    ("共享单车倒在马路中间 谁管", "calm"),              # a bike falls, no one lies there
    ("面包车冲进路边的水塘了", "danger"),               # a vehicle carries people
    ("一辆三轮翻到河沟里了 开车的老汉没见出来", "danger"),
    ("水泥罐车把面包车的车顶压塌了", "danger"),         # 罐车把面包车 holds no 车把 (a word of its own)
    ("我哥的车被大货追尾 挤成一团了 他人在里面没声音", "danger"),  # inside the wreck and not answering: cut out
    ("救命 山路上车翻下坡了 我自己爬出来了 朋友还在下面喊", "danger"),  # still down there, calling
    ("高速护栏把车穿透了 一根钢板插进副驾那人腿里", "danger"),  # pinned by the steel: not to be pulled out
    ("孩子在下面喊我吃饭", "calm"),
    ("钢筋扎进轮胎了 补胎去哪", "calm"),
])
def test_trapped_and_in_water_are_said_of_people_and_vehicles_not_of_things(engine, question, state):
    assert_119_first_only_for_danger(engine.answer(question), state)


@pytest.mark.parametrize("question, state", [
    ("油箱撞破了 柴油哗哗地往外淌", "danger"),         # <燃料>…<泄漏>
    ("煤气罐车撞了护栏 气嗤嗤往外喷", "danger"),
    ("闻到一股很浓的油味 车底下还在滴", "danger"),
    ("加油时油洒了一点 要紧吗", "calm"),
    ("机油漏了一点 能开去修吗", "calm"),
    ("拉的液化气罐翻了 嘶嘶响", "danger"),              # the hiss in a clause of its own, gas named before
    ("三轮车拉的液化气罐翻了 嘶嘶响 味道老大了 车底下还有个人", "danger"),
    ("天然气车轮胎漏气了 嘶嘶响 还能开吗", "calm"),     # a tyre, not the gas
])
def test_fuel_or_gas_leaking_leads_with_119(engine, question, state):
    assert_119_first_only_for_danger(engine.answer(question), state)


def assert_119_first_only_for_danger(reply, state: str) -> None:
    # danger: the emergency reply with 119 on top; calm: neither
    danger = state == "danger"
    assert (reply.status == EMERGENCY, says_119_first(reply.text)) == (danger, danger)


@pytest.mark.parametrize("question, state", [
    ("一个骑车的大爷摔在车道中间起不来", "danger"),     # 车道 is a place, not a thing between
    ("有个人躺在快速路中间 车一辆接一辆", "danger"),
    ("骑车的人飞到引擎盖上又摔下来了 不会动", "danger"),  # a clause naming no one goes on about the last one named
    ("有一棵树倒在路中间 挡住了路", "calm"),
])
def test_someone_down_on_the_road_is_read_across_clauses(engine, question, state):
    assert (engine.answer(question).status == EMERGENCY) == (state == "danger")


@pytest.mark.parametrize("question, first", [
    ("wo ba liu le hao duo xue", "122"),               # a verb-object word opened up, in pinyin
    ("有人liu了一地xue", "122"),                        # its syllables apart around characters
    ("车zhao了 快来", "119"),                           # one syllable among characters
    ("haizi bei che ya zhu le chu bu lai", "119"),     # persons, of_person words and longer words are spoken too
    ("撞车后 bei kun zai che li", "119"),               # the reading that covers most syllables
    ("man lying on the road, not moving", "122"),
    ("you ren tang zai ma lu shang bu dong le", "122"),
])
def test_pinyin_and_latin_are_read_generously(engine, question, first):
    reply = engine.answer(question)
    assert reply.status == EMERGENCY
    assert says_119_first(reply.text) == (first == "119")


@pytest.mark.parametrize("question", [
    "驾照shou理",                                       # characters typed beside pinyin are read as typed
    "is there fire station near 忻州",
    "I hit a pole, no one hurt, what do I do",
    "救命啊 驾照分扣光了",
    "救命扣满12分咧",                                     # points used up, sighed
])
def test_pinyin_and_latin_look_alikes_stay_calm(engine, question):
    assert engine.answer(question).status != EMERGENCY


@pytest.mark.parametrize("question, state", [
    ("有人受伤了该打什么电话", "danger"),               # asking whom to call for harm done is calling
    ("我撞到一个老太太了 打几号啊 她起不来", "danger"),
    ("交通事故有人受伤打什么电话", "calm"),             # the number for such accidents in general
    ("撞到人了要报警吗", "calm"),                        # whether to report is a procedure question
    ("交通事故受伤了打什么电话 问一下以备不时之需", "calm"),
])
def test_a_question_about_calling_while_harm_is_told_as_done_is_an_emergency(engine, question, state):
    assert (engine.answer(question).status == EMERGENCY) == (state == "danger")


@pytest.mark.parametrize("question, state", [
    ("当时跟人蹭了一下觉得没事 开了半小时 现在他说胸口疼喘不上气", "danger"),  # harm told after 现在
    ("去年被撞过 现在腰还疼 能起诉吗", "calm"),          # still the past, and money talk
    ("车祸赔偿里误工费怎么算 我腿骨折休了三个月", "calm"),
])
def test_the_past_frame_holds_until_now_is_said(engine, question, state):
    assert (engine.answer(question).status == EMERGENCY) == (state == "danger")


def test_an_unknown_group_is_reported_to_staff(tmp_path):
    (tmp_path / "e.yaml").write_text(
        "emergency:\n"
        "  reply: 请立即拨打 122 和 120\n"
        "  groups:\n"
        "    身体: [腿, 头]\n"
        "  categories:\n"
        "    - id: injury\n"
        "      words: [<身体>…<伤状>, 受伤]\n"
        "      needs: 事件\n", encoding="utf-8")
    _, problems = load_knowledge(tmp_path)
    said = " ".join(p.message for p in errors(problems))
    assert "<伤状>" in said and "<事件>" in said and "<身体>" not in said


@pytest.mark.parametrize("question, first", [
    ("zuang ren le", "122"),                    # zh typed as z
    ("ta shoushan le", "122"),                  # -ng typed as -n
    ("cheli you ren zaohuo le", "119"),
    ("车窗砸不开 孩子在里面", "119"),            # a window that will not open, someone inside after it
    ("车里好呛 门推不开", "119"),
    ("救护车咋还不来 他一直在吐", "122"),
])
def test_fuzzy_pinyin_windows_smoke_and_waiting_for_the_ambulance_are_read(engine, question, first):
    reply = engine.answer(question)
    assert reply.status == EMERGENCY
    assert says_119_first(reply.text) == (first == "119")


@pytest.mark.parametrize("question", ["叫救护车是打120吗", "救护车闯红灯算违章吗", "wo yao ban jia zhao"])
def test_asking_about_the_ambulance_or_pinyin_errands_stays_calm(engine, question):
    assert engine.answer(question).status != EMERGENCY


@pytest.mark.parametrize("question, state", [
    ("被困 车里 好几个", "danger"),          # fragments cut by spaces say it only together
    ("压在 车底下 一个人", "danger"),
    ("翻车了 门打不开 里面三个人", "danger"),
    ("车 被困 雪地里", "calm"),              # joined they still say no one is trapped
    ("驾照 丢了 咋办", "calm"),
])
def test_a_message_typed_in_fragments_is_read_as_one_thought(engine, question, state):
    assert_119_first_only_for_danger(engine.answer(question), state)


# -- issue 9: classes of danger read by their parts, and figures of speech ------------------------
@pytest.mark.parametrize("question, state", [
    ("伤员", "danger"), ("急 撞车 伤员 三个", "danger"), ("撞了 伤了一个老人", "danger"),
    ("伤员的护理费一天多少", "calm"),                  # money talk about casualties
    ("医院能不能因为伤者没交钱就不给抢救", "calm"),     # 伤者 in talk of rules names no one here
])
def test_a_casualty_named_is_someone_hurt_here(engine, question, state):
    assert (engine.answer(question).status == EMERGENCY) == (state == "danger")


@pytest.mark.parametrize("question, state", [
    ("对方司机下车动手打人了", "danger"), ("他拿着菜刀下车了", "danger"), ("对面几个人围着我哥打", "danger"),
    ("我被他揍了 眼睛睁不开", "danger"), ("dui fang da ren le", "danger"),
    ("他打我电话说我车挡路了", "calm"), ("打人的司机要负刑事责任吗", "calm"), ("车上放把刀违法吗", "calm"),
])
def test_someone_attacked_at_the_scene_is_an_emergency(engine, question, state):
    assert (engine.answer(question).status == EMERGENCY) == (state == "danger")


@pytest.mark.parametrize("question, state", [
    ("车停在高速行车道上 人还在车里", "danger"), ("我的车在高速上坏在行车道中间了，后面车一辆接一辆好危险", "danger"),
    ("高速上有个人在路中间走来走去", "danger"),
    ("高速上抛锚了 已经停到应急车道 人都站到护栏外面了 拖车怎么叫", "calm"),   # the shoulder is no live lane
    ("在高速行车道上停车怎么罚", "calm"), ("车停在路中间违法吗", "calm"), ("在高速上走错路了能倒车吗", "calm"),
])
def test_a_car_or_a_person_in_a_live_expressway_lane_is_danger_now(engine, question, state):
    assert (engine.answer(question).status == EMERGENCY) == (state == "danger")


@pytest.mark.parametrize("question, state", [
    ("司机突然晕倒了", "danger"), ("大巴司机突发心脏病", "danger"), ("司机低血糖晕了", "danger"),
    ("我爷爷开车时突然嘴歪了说话不清", "danger"),
    ("手机突然黑屏了 12123怎么登", "calm"), ("有羊角风的人能考驾照吗", "calm"), ("司机突然变道撞了我 谁全责", "calm"),
])
def test_a_driver_taken_ill_at_the_wheel_is_an_emergency(engine, question, state):
    assert (engine.answer(question).status == EMERGENCY) == (state == "danger")


@pytest.mark.parametrize("question, state", [
    ("车被洪水冲走了 里面有人", "danger"), ("桥洞积水 车淹了 人站在车顶上", "danger"), ("有人溺水了", "danger"),
    ("落水车辆打捞费谁出", "calm"), ("车窗没关 雨水灌进车里了", "calm"), ("车被水冲走了怎么注销", "calm"),
])
def test_water_reads_people_in_danger_not_wet_cars(engine, question, state):
    assert_119_first_only_for_danger(engine.answer(question), state)


@pytest.mark.parametrize("question", [
    "油价又涨了 心都在流血", "气得吐血 又被贴条了", "排队排得我快死了", "车被刮了 心疼死了",
    "这政策真是伤透了心", "差点撞到人 吓出一身冷汗", "差点撞了个小孩 吓死了 还好刹住了",
])
def test_figures_of_speech_and_near_misses_are_no_emergency(engine, question):
    assert engine.answer(question).status != EMERGENCY


@pytest.mark.parametrize("question", ["他气得胸口疼 后来被车撞了 现在流血", "差点撞死 现在腿断了动不了"])
def test_a_figure_or_a_near_miss_calms_only_its_own_word(engine, question):
    assert engine.answer(question).status == EMERGENCY


def test_pinyin_pronouns_between_danger_words_name_who_it_befell(engine):
    reply = engine.answer("jiu ming wo chu bu qu le che fan le")
    assert reply.status == EMERGENCY and says_119_first(reply.text)


@pytest.mark.parametrize("question, never", [("去年出车祸受的伤好了 能考驾照吗", "伤号"), ("老人年纪大了能开车吗", "打了")])
def test_new_danger_words_are_never_what_typo_repair_makes_of_common_words(engine, question, never):
    # danger words written as a group (<伤号>, <打了>) stay out of typo repair's vocabulary
    assert never not in engine.text.repair_typos(engine.text.normalize(question))


@pytest.mark.parametrize("question, first", [
    ("货车倒车碾到一个老太太了", "122"),                    # run over: 碾 as 撞 and 轧 are
    ("拖拉机碾了我爸的腿", "122"),
    ("追尾了 后座的人被甩在马路上了", "122"),               # thrown onto the road
    ("摔下来以后手腕骨头碎了", "122"),                      # a bone crushed, as a bone broken
    ("刚才碰了一下 他小腿上很深的口子", "122"),            # a deep wound, with or without blood
    ("后面那辆车一直撞我 要把我逼到路边", "122"),          # forced off the road now
    ("两车刮了 一个人站在高速路中间不走", "122"),          # the expressway's middle is a live lane
    ("三轮车翻了压在人身上", "119"),                        # pinned under a vehicle: 119 frees
    ("车翻了 我倒吊着解不开安全带", "119"),
])
def test_run_over_thrown_crushed_and_pinned_are_read(engine, question, first):
    reply = engine.answer(question)
    assert reply.status == EMERGENCY
    assert says_119_first(reply.text) == (first == "119")


@pytest.mark.parametrize("question", [
    "房贷就像压在身上的大山",                # a figure: a weight on no one
    "对方故意撞我的车，我该不该报警",        # asked afterwards, how to handle
    "撞死人逃逸一般判多少年",                # a sentence asked
    "套牌车出了事故真车主要担责吗",          # liability asked
])
def test_the_same_words_asked_about_stay_calm(engine, question):
    assert engine.answer(question).status != EMERGENCY


@pytest.mark.parametrize("question, state", [
    ("撞车了 我老婆留学了", "danger"),        # 流血 typed as 留学, after an accident told
    ("出车祸了 他收上了", "danger"),          # 受伤 as 收上
    ("翻车了 孩子浑迷了", "danger"),          # 昏迷 as 浑迷
    ("我爸不乎吸了", "danger"),               # 不呼吸: three characters heard without an accident told
    ("我女儿在英国留学 驾照能换吗", "calm"),   # no accident told: 留学 is 留学
    ("撞车了 对方说去留学了 联系不上", "calm"),  # told of no one harmed: 说 stands between
    ("撞车了 我是初学者 怎么处理", "calm"),     # the heard word must end its clause
    ("体检要查血型吗", "calm"), ("驾照业务受理要多久", "calm"), ("撞车了 保险受理了吗", "calm"),
])
def test_a_harm_word_typed_as_another_word_is_heard_only_where_an_accident_is_told(engine, question, state):
    assert (engine.answer(question).status == EMERGENCY) == (state == "danger")


@pytest.mark.parametrize("question, state", [
    ("他没呼吸了", "danger"), ("老人停止呼吸了", "danger"), ("我摸了摸他没鼻息", "danger"), ("人只出气不进气", "danger"),
    ("呼吸灯亮了是什么意思", "calm"), ("车里空调不出气了", "calm"),
])
def test_not_breathing_is_read_in_its_many_wordings(engine, question, state):
    assert (engine.answer(question).status == EMERGENCY) == (state == "danger")


@pytest.mark.parametrize("question, state", [
    ("制动失灵了 车一直往前冲", "danger"), ("方向盘不听使唤了 车失控了", "danger"),
    ("大货车刹不住了 正往坡下冲", "danger"), ("车停不下来 越来越快", "danger"),
    ("刹车失灵怎么办", "calm"), ("方向盘失灵是什么原因", "calm"), ("刷视频停不下来", "calm"),
    ("刹车片多久换一次", "calm"), ("刹车失灵是质量问题能找厂家吗", "calm"),
])
def test_a_vehicle_out_of_control_now_is_danger_with_122_first(engine, question, state):
    reply = engine.answer(question)
    assert (reply.status == EMERGENCY) == (state == "danger")
    assert not says_119_first(reply.text)


@pytest.mark.parametrize("question, state", [
    ("出不来了", "danger"), ("出不去", "danger"), ("困住了", "danger"),
    ("驾照出不来了", "calm"), ("停车场出不去了 杆不抬", "calm"), ("成绩出不来怎么办", "calm"),
])
def test_a_lone_trapped_cry_is_trapped_119_first(engine, question, state):
    assert_119_first_only_for_danger(engine.answer(question), state)


@pytest.mark.parametrize("question, state", [
    ("追尾了 那辆是烧液化气的 一股很浓的气味", "danger"), ("撞了以后油箱那边好重的味道", "danger"),
    ("天然气罐车被撞了 嘶嘶响", "danger"),
    ("车里有股怪味 是空调的问题吗", "calm"), ("天然气车可以上高速吗", "calm"), ("轮胎漏气了 附近哪里补胎", "calm"),
])
def test_a_smell_or_hiss_of_gas_or_fuel_leads_with_119(engine, question, state):
    assert_119_first_only_for_danger(engine.answer(question), state)


@pytest.mark.parametrize("question, state", [
    ("前面那辆车一直歪歪扭扭 司机像喝醉了 刚才差点撞到人", "danger"),  # 差点 denies the hit, not the weaving
    ("一个醉汉开车在街上横冲直撞", "danger"), ("有辆车冲上人行道了", "danger"), ("那车左摇右晃的 好像喝醉了", "danger"),
    ("前车一直蛇行 像是酒驾 刚才差点撞上行人", "danger"), ("有个醉驾的在小区里乱窜 差点撞了小孩", "danger"),
    ("醉驾怎么处罚", "calm"), ("喝醉了能找代驾吗", "calm"), ("开车歪歪扭扭会被扣分吗", "calm"),
    ("蛇行驾驶扣几分", "calm"), ("疑似酒驾怎么处理", "calm"),
    ("差点撞到人 吓出一身冷汗", "calm"),
])
def test_a_drunk_or_weaving_driver_now_is_danger_even_if_he_only_almost_hit_someone(engine, question, state):
    assert (engine.answer(question).status == EMERGENCY) == (state == "danger")


@pytest.mark.parametrize("question, state", [
    ("车在铁路道口熄火了", "danger"), ("三轮车卡在铁轨上了", "danger"),
    ("高速上连环追尾了 好几辆车", "danger"), ("过马路遭车撞了", "danger"),
    ("铁路道口停车扣几分", "calm"), ("坐火车能带电动车电池吗", "calm"), ("火车站附近哪里能停车", "calm"),
    ("连环追尾怎么定责", "calm"), ("遭遇了碰瓷怎么办", "calm"), ("挨罚了 扣了6分", "calm"),
])
def test_railway_crossings_expressway_pileups_and_dialect_passives_are_read(engine, question, state):
    assert (engine.answer(question).status == EMERGENCY) == (state == "danger")


@pytest.mark.parametrize("question, state", [
    ("someone is bleeding a lot", "danger"),      # normalising glues the article on: bleedinga lot
    ("car flipped over people inside", "danger"), ("brakes failed going downhill", "danger"),
    ("how to fix brakes at home", "calm"),
])
def test_latin_words_for_rollovers_and_brakes_are_read(engine, question, state):
    assert (engine.answer(question).status == EMERGENCY) == (state == "danger")


@pytest.mark.parametrize("question, state", [
    ("后生骑摩托跌倒了 躺在那儿不言语了", "danger"),   # dialect silence after a fall
    ("娃娃叫车挂了一下 头上起了个大疙瘩", "danger"),    # 挂 is a crash; a lump is an injury
    ("有辆车逆行朝着人群冲过来了", "danger"),
    ("电动车被大货车压在下面 人也在下面", "danger"),
    ("我老公躺在那儿玩手机 不去考驾照", "calm"), ("问了窗口的人 她不言语", "calm"),
    ("娃娃脸上起了个疙瘩能拍驾照照片吗", "calm"), ("朝人群冲过去的司机判了几年", "calm"),
])
def test_dialect_silence_lumps_and_cars_driven_at_people_are_read_only_after_an_event(engine, question, state):
    assert (engine.answer(question).status == EMERGENCY) == (state == "danger")


@pytest.mark.parametrize("question, state", [
    ("快叫就护车", "danger"),            # a cry for help typed as other words
    ("车底下在露油", "danger"),          # a leak said of the car needs no one named
    ("车起伙了", "danger"),
    ("这车看起来很自然", "calm"),        # 自然 is a word: never 自燃
    ("快教就会了 科目二不难", "calm"), ("火灾险怎么买", "calm"),
])
def test_cries_and_fires_typed_as_other_words_are_heard_where_the_typed_is_no_word(engine, question, state):
    assert (engine.answer(question).status == EMERGENCY) == (state == "danger")


@pytest.mark.parametrize("question, state", [
    ("在高速上翻车了 车顶朝下 我被安全带吊着", "danger"),   # rolled over, hanging in the belt
    ("下坡的时候刹车没了 撞上了山体", "danger"),           # brakes gone on a slope: told as this one
    ("油门卡住了 车一直往前冲", "danger"),
    ("刹车没了 修一下多少钱", "calm"), ("刹车坏了的车能拖吗", "calm"), ("刹车片没了要换吗", "calm"),
    ("翻了个底朝天也没找到驾驶证", "calm"), ("撞上了 对方全责吗", "calm"),
])
def test_rollovers_and_brakes_gone_on_a_slope_are_read_and_repairs_asked_stay_calm(engine, question, state):
    assert (engine.answer(question).status == EMERGENCY) == (state == "danger")


@pytest.mark.parametrize("question, state", [
    ("孩子摔了 胳膊骨这了", "danger"), ("我儿子守伤了", "danger"), ("他叫不星", "danger"), ("有人被车压主了", "danger"),
    ("他留学了 驾照怎么办", "calm"), ("孩子上学了 能接送吗", "calm"), ("他书上说的不对", "calm"),
    # a particle is never a slip of a harm character: 了 also reads liao, as 溺 niao
    ("路口积了水 车能开过去吗", "calm"), ("地下通道存了水 能走不", "calm"), ("有人晕到了", "danger"),
])
def test_a_two_character_harm_word_is_heard_of_a_person_where_the_typed_is_no_word(engine, question, state):
    assert (engine.answer(question).status == EMERGENCY) == (state == "danger")


@pytest.mark.parametrize("question, state", [
    # a rule, a legal consequence or who pays, asked about harm told plainly: a question
    ("出了事故有伤员 车还能不能移走", "calm"), ("撞伤了人 司机能不能先走", "calm"),
    ("亲戚出车祸没了 精神抚慰金咋算", "calm"), ("被两辆车撞了 找哪个赔钱", "calm"),
    ("撞人后跑了能跑得掉吗", "calm"), ("乘客在车上打人算犯罪吗", "calm"),
    ("行人闯红灯被我撞了 是他全错 我不用赔吧", "calm"), ("看见有车撞人跑了 举报能给奖励吗", "calm"),
    # the same questions with harm visible now are emergencies
    ("撞伤人了 他腿在流血 能不能先走", "danger"), ("被两辆车撞了 腿断了 找哪个赔", "danger"),
    ("乘客在车上打人 快来", "danger"), ("骑车的撞上我了 他头在流血 我不用赔吧", "danger"),
])
def test_a_rule_or_who_pays_asked_of_harm_is_calm_unless_danger_is_visible_now(engine, question, state):
    assert (engine.answer(question).status == EMERGENCY) == (state == "danger")


@pytest.mark.parametrize("question, state", [
    ("停车场里头撞了 交警管不管", "calm"), ("村外头撞了 保险咋报", "calm"),  # 里头, 外头: where, not a head
    ("停车场里头撞了个人 他流血了", "danger"), ("我头撞了 流血了", "danger"), ("孩子头撞了 一直哭", "danger"),
])
def test_a_place_word_ending_in_tou_is_no_head_injury(engine, question, state):
    assert (engine.answer(question).status == EMERGENCY) == (state == "danger")


@pytest.mark.parametrize("question, state", [
    # an opened harm word whose last character is a slip of sound, told of someone after an accident
    ("撞车了 他流了好多雪", "danger"), ("下雪了 路上流了好多雪水", "calm"),
    # 死亡 typed as 死网, of a person after an accident told
    ("出车祸了 有人死网了", "danger"), ("撞车了 司机死网了", "danger"), ("网上说死网率高吗", "calm"),
    ("死亡证明去哪开", "calm"), ("交通事故死亡率多少", "calm"),
])
def test_a_slip_of_sound_in_an_opened_word_or_of_death_is_heard_after_an_accident(engine, question, state):
    assert (engine.answer(question).status == EMERGENCY) == (state == "danger")


@pytest.mark.parametrize("question, state", [
    # fragments: an accident verb, then blood on its own
    ("撞了 血", "danger"), ("摔了 血", "danger"),
    ("刚抽了血 可以开车吗", "calm"), ("撞了血压高的人咋办", "calm"),
])
def test_blood_typed_as_a_fragment_after_an_accident_verb_is_bleeding(engine, question, state):
    assert (engine.answer(question).status == EMERGENCY) == (state == "danger")


@pytest.mark.parametrize("question, state", [
    # a crash told as just happened, with a call to hurry or a vehicle turned over
    ("追尾了 快 西环路", "danger"), ("翻车了 快", "danger"), ("出大事了 客车翻了", "danger"),
    ("公交翻了 好多人", "danger"),
    # the same words in a question of procedure, money or the past
    ("出了车祸快处怎么弄", "calm"), ("追尾了保险怎么赔快吗", "calm"), ("上回撞车了一直没处理", "calm"),
    ("车祸认定书多快能出", "calm"),
])
def test_a_crash_just_told_with_urgency_is_danger_and_a_question_about_one_is_calm(engine, question, state):
    assert (engine.answer(question).status == EMERGENCY) == (state == "danger")


@pytest.mark.parametrize("question, state", [
    # 'how' asked in a hurry (快, 急, 快告诉我) is asked at a scene; asked politely, to be told (麻烦告诉
    # 我一下), it is looked up: the 我 of 告诉我 is the one asking, no one at a scene
    ("撞了人怎么办 快", "danger"), ("撞了人咋办 急", "danger"), ("撞了人怎么办 快告诉我", "danger"),
    ("交通事故有人受伤怎么办 麻烦告诉我一下", "calm"), ("撞了人怎么办 请告诉我", "calm"),
    ("驾照过期了咋办 急", "calm"),
    # the same frames in Shanxi speech (咋 for 怎么, 甚 for 什么, 不 for 吗)
    ("出车祸有人受伤先做甚", "calm"), ("撞到人了要报警不", "calm"), ("坐公交打司机会咋判", "calm"),
    # the one addressed at the start (大哥, 同志) and then asked is no one at a scene; 大哥 不动了 asks nothing
    ("大哥 出过死亡事故还能增驾吗", "calm"), ("同志 事故死亡的统计同比咋样", "calm"), ("大哥 不动了", "danger"),
])
def test_how_asked_in_a_hurry_is_danger_and_asked_to_be_told_is_calm(engine, question, state):
    assert (engine.answer(question).status == EMERGENCY) == (state == "danger")


@pytest.mark.parametrize("question, state", [
    # injury, blood and breath in words the lexicon lacked
    ("撞了有人伤了", "danger"), ("淌了老多血", "danger"), ("老人不出气了", "danger"),
    ("孩子呼吸不了", "danger"), ("货车司机开着开着趴下了", "danger"),
    # calm look-alikes
    ("有人伤心了怎么安慰", "calm"), ("开着开着车趴窝了 怎么叫拖车", "calm"),
])
def test_injury_breath_and_a_driver_collapsing_at_the_wheel_are_read(engine, question, state):
    assert (engine.answer(question).status == EMERGENCY) == (state == "danger")


@pytest.mark.parametrize("question, state", [
    # a drunk driver going on after hitting cars, or heading for a crowd
    ("那人喝多了 刚撞了一辆车还在跑", "danger"), ("醉驾的车往步行街开", "danger"),
    ("油箱露油了", "danger"),
    # calm look-alikes: a question about drunk driving
    ("喝多了还在开车怎么处罚", "calm"), ("醉驾撞了车 保险赔吗", "calm"),
])
def test_a_drunk_driver_still_going_and_a_fuel_slip_are_read(engine, question, state):
    assert (engine.answer(question).status == EMERGENCY) == (state == "danger")


@pytest.mark.parametrize("question, state", [
    # 救命 as exasperation about a blocked car; a rule asked of the scene; a hospital deposit
    ("谁的车挡我车库门口了 电话也不接 救命", "calm"), ("出事后车能不能动", "calm"),
    ("伤员送到医院要交押金吗", "calm"), ("zhuang le ren zen me pei", "calm"),
    ("数学课在哪个教室", "calm"),
    # a real cry for help stays one
    ("救命 车里有人出不来", "danger"),
])
def test_exasperation_rules_and_deposits_asked_are_calm(engine, question, state):
    assert (engine.answer(question).status == EMERGENCY) == (state == "danger")


@pytest.mark.parametrize("question, state", [
    # 救命 sighed beside a question the knowledge reads: answered as that question
    ("救命 网上学习减分到底学多久能减一分", "calm"), ("救命 车管所电话一直打不通 还有别的号码没", "calm"),
    ("救命啊 电动车充电器坏了 哪能买到原装的", "calm"), ("这电动车跑得太慢了 救命 国标最快能到多少", "calm"),
    # alone, beside a place, a plea or words no entry reads, it is a cry for help
    ("救命", "danger"), ("救命 我在高速上", "danger"), ("救命 怎么办", "danger"), ("救命啊 快来人", "danger"),
    ("救命 有人被撞了 驾照在哪补", "danger"),
])
def test_a_sighed_cry_beside_a_question_we_read_is_that_question(engine, question, state):
    assert (engine.answer(question).status == EMERGENCY) == (state == "danger")


@pytest.mark.parametrize("question, state", [
    # a clause that begins with a body part is of the body, even after a thing named in the clause before
    ("电动车撞了 帽子掉了 头破了", "danger"), ("头盔摔破了 还能戴吗", "calm"), ("撞了一下 头盔 摔裂了", "calm"),
    # a fire or smoke typed as other words, then a cry to hurry
    ("车冒宴了 快", "danger"), ("他出国留学了快一年", "calm"),
])
def test_a_body_clause_after_a_thing_and_a_slip_followed_by_kuai_are_read(engine, question, state):
    assert (engine.answer(question).status == EMERGENCY) == (state == "danger")


@pytest.mark.parametrize("question, state", [
    # someone on the road who does not move, typed as fragments; a limb crushed out of shape
    ("老人在马路上 不动", "danger"), ("撞了 胳膊压得不成样子", "danger"),
    ("我在路上 马上到", "calm"), ("车在路上不动了 打不着火", "calm"), ("字写得不成样子 能重新签吗", "calm"),
])
def test_a_person_on_the_road_not_moving_and_a_limb_out_of_shape_are_read(engine, question, state):
    assert (engine.answer(question).status == EMERGENCY) == (state == "danger")


@pytest.mark.parametrize("question, state", [
    # a crash told as the whole message, nothing asked: the bare word too, what a frightened
    # citizen types (车祸), since one looking things up asks again
    ("出车祸了", "danger"), ("车祸啦", "danger"), ("车祸", "danger"),
    # the same words with a question, or the wider topic word
    ("出车祸了 找哪个部门", "calm"), ("撞车了报保险吗", "calm"), ("交通事故", "calm"),
    ("不醒", "danger"), ("叫不醒", "danger"),  # someone who will not wake, as the whole message
    ("被压住了", "danger"), ("压住了", "danger"),  # pinned, as the whole message (119 first: see below)
    ("事故里死了人 谁来出具证明", "calm"),      # who is to do something: a question of procedure
    # cut off after naming who: more said, not less danger
    ("出车祸了 我朋友他", "danger"), ("撞车了 孩子", "danger"), ("出车祸了 我朋友 谁来赔", "calm"),
])
def test_a_crash_told_as_the_whole_message_is_danger_and_a_question_is_not(engine, question, state):
    assert (engine.answer(question).status == EMERGENCY) == (state == "danger")


@pytest.mark.parametrize("question, state", [
    # a two-character harm word only the typo repair made, in a clause that asks where or whether
    ("学法减分的课在哪上", "calm"), ("实操课在哪上课", "calm"),
    # the same repair in a clause that tells, or after an accident, is still heard
    ("孩子腿上留血了 快", "danger"),
])
def test_a_harm_word_only_the_repair_made_in_an_asking_clause_is_a_slip(engine, question, state):
    assert (engine.answer(question).status == EMERGENCY) == (state == "danger")


@pytest.mark.parametrize("question, state", [
    ("出车祸了 赶紧来人", "danger"), ("追尾了 快点 快点", "danger"), ("刚撞了 你们快点", "danger"),
    ("翻车 快快快", "danger"),
    ("车被撞了 快点告诉我怎么定责", "calm"), ("追尾了 快处怎么弄", "calm"), ("快点 我要预约科目三", "calm"),
    ("撞车了 人都没事 快点", "calm"),
])
def test_a_crash_told_and_a_clause_that_only_hurries_is_a_plea(engine, question, state):
    assert (engine.answer(question).status == EMERGENCY) == (state == "danger")


@pytest.mark.parametrize("question, state", [
    ("出事了 有人似了", "danger"),       # a heard word ending in 了 that names its person: 人死了
    ("他留学了吗", "calm"), ("车上有人上了吗", "calm"),
])
def test_a_heard_harm_word_may_end_in_a_particle_when_it_names_its_person(engine, question, state):
    assert (engine.answer(question).status == EMERGENCY) == (state == "danger")


@pytest.mark.parametrize("question, state", [
    ("货车把面包车压扁了 里头还有两个人", "danger"),
    ("戴头盔头发都压扁了", "calm"), ("车撞扁了 修要多少钱", "calm"),
])
def test_a_crushed_car_with_someone_said_to_be_in_it_is_someone_trapped(engine, question, state):
    reply = engine.answer(question)
    assert (reply.status == EMERGENCY) == (state == "danger")
    if state == "danger":
        assert says_119_first(reply.text)


@pytest.mark.parametrize("question, state", [
    ("孩子被车刮了 一直吐", "danger"), ("孩子坐车晕车想吐怎么办", "calm"), ("我老婆怀孕了 一直想吐 能开车吗", "calm"),
])
def test_vomiting_is_a_sign_of_harm_after_an_event_not_carsickness(engine, question, state):
    assert (engine.answer(question).status == EMERGENCY) == (state == "danger")


@pytest.mark.parametrize("question, state", [
    ("车翻进沟里了 人都没事 叫拖车", "calm"),   # where the car went, and everyone is fine
    ("车掉沟里了 其他人没事 我爸卡在里面", "danger"), ("车掉沟里了 他在流血 人没事吧", "danger"),
])
def test_people_said_to_be_fine_after_where_the_car_went_calm_it(engine, question, state):
    assert (engine.answer(question).status == EMERGENCY) == (state == "danger")


@pytest.mark.parametrize("question, state", [
    ("科目三又没过 我要死了", "calm"), ("出事了 我朋友一直抽抽", "danger"), ("12123又抽风了", "calm"),
])
def test_exaggeration_and_dialect_states_are_read_for_what_they_are(engine, question, state):
    assert (engine.answer(question).status == EMERGENCY) == (state == "danger")


@pytest.mark.parametrize("question, state", [
    ("救命 这破软件咋这么慢", "calm"), ("救命啊 倒车入库怎么这么难", "calm"),   # exasperation at a thing
    ("出事了 人晕 快来救", "danger"), ("俺家老汉叫车撵了", "danger"),
    ("考完科目二紧张死了", "calm"), ("路上摔了一跤 丢人死了", "calm"),          # feelings, not death
    ("开会跟领导撞衫了", "calm"),   # shan is a near sound of shang: heard so only after an accident told
])
def test_exasperation_feelings_and_dialect_are_read_for_what_they_are(engine, question, state):
    assert (engine.answer(question).status == EMERGENCY) == (state == "danger")


@pytest.mark.parametrize("question, state", [
    ("车里有人 车门变形打不开", "danger"), ("撞车了 里面有人 门打不开", "danger"),
    ("车里有人的时候车门打不开怎么办", "calm"),
])
def test_someone_said_to_be_inside_before_a_crushed_or_crashed_car_is_trapped(engine, question, state):
    reply = engine.answer(question)
    assert (reply.status == EMERGENCY) == (state == "danger")
    if state == "danger":
        assert says_119_first(reply.text)


@pytest.mark.parametrize(("question", "state"), [
    ("佢俾车撞咗 好痛", "danger"), ("撞咗人 佢冇反应", "danger"), ("佢哋喺车入面出唔嚟", "danger"),
    ("我俾罚咗款 点样交", "calm"),                 # dialect read as Mandarin is still a question
    ("最近好郁闷 驾照又被扣分", "calm"),           # 郁 alone is Mandarin (郁闷), no 动
])
def test_dialect_forms_are_read_as_the_mandarin_they_say(engine, question, state):
    assert (engine.answer(question).status == EMERGENCY) == (state == "danger")


@pytest.mark.parametrize(("question", "state"), [
    ("修鞋的被车撞了", "danger"), ("修车的师傅被撞倒了", "danger"), ("卖菜的老头被撞了 起不来", "danger"),
    ("修车的钱谁出", "calm"), ("修车的师傅说刹车片要换了", "calm"),
    ("鞋子被车轧坏了", "calm"), ("箱子被车压扁了", "calm"),   # a thing run over, not a person
])
def test_a_person_named_by_their_work_is_a_person_and_a_thing_run_over_is_not(engine, question, state):
    assert (engine.answer(question).status == EMERGENCY) == (state == "danger")


@pytest.mark.parametrize(("question", "first"), [
    ("地上好多血 快来", "122"), ("司机脸上那么多血", "122"), ("三轮车从孩子身上碾过去了", "122"),
    ("撞了 胳膊烂了", "122"), ("车上大火", "119"), ("一片火海 追尾了", "119"),
])
def test_blood_by_its_amount_a_wheel_over_a_body_and_fire_by_its_name_are_read(engine, question, first):
    reply = engine.answer(question)
    assert reply.status == EMERGENCY
    assert says_119_first(reply.text) == (first == "119")


@pytest.mark.parametrize("question", [
    "车祸死了人 遗体多久能火化", "事故中有人死亡 死亡证明去哪开",   # procedures after a death
    "抽了好多血 体检报告多久出",                                    # blood drawn, no one bleeding
    "急救课上学怎么给流血的人止血",
])
def test_procedures_after_a_death_and_blood_drawn_are_no_emergency(engine, question):
    assert engine.answer(question).status != EMERGENCY


@pytest.mark.parametrize("question", ["yisi shi sha", "zhege biaozhi shi sha yisi", "youxie wenti xiang wen",
                                      "jiazhao diule zenme buban yao deng duojiu cai neng nadao"])
def test_pinyin_of_a_common_word_is_no_danger_fragment(engine, question):
    # yisi is 意思, not 一死; youxie 有些, not 有血; nadao 拿到 (a common word), not 拿刀 (a rare one)
    assert engine.answer(question).status != EMERGENCY


@pytest.mark.parametrize("question", ["ta na dao kan ren le", "you ren da ren le kuai lai"])
def test_pinyin_of_a_danger_word_beside_a_commoner_homophone_still_reads_in_context(engine, question):
    # 砍人 has no common homophone; 打人 (338) stays read beside 大人 (3,573)
    assert engine.answer(question).status == EMERGENCY


@pytest.mark.parametrize(("question", "danger"), [
    ("gang zhuang wan, che li yi gu jiao wei, wo ba hai zuo zai fu jia shi", True),   # 焦味 ends its clause
    ("chu che huo le yi gu jiao wei", True),
    ("zhe ge liu cheng jiao wei fu za zen me ban", False),                            # 较为复杂: leads on
    ("kao ke san jiao wei nan ma", False),
])
def test_pinyin_at_a_clause_end_is_not_read_as_a_word_that_must_lead_on(engine, question, danger):
    # jiao wei is 较为 far more often than 焦味, but an adverb never ends a clause: there it is the smell
    assert (engine.answer(question).status == EMERGENCY) is danger


@pytest.mark.parametrize("question", ["开大货的 驾照分扣完了", "跑大货的 年审在哪"])
def test_typo_repair_never_rewrites_a_word_staff_listed_as_no_danger(engine, question):
    assert engine.answer(question).status != EMERGENCY


def test_a_missing_plain_word_group_is_reported_at_its_line_and_the_rest_still_works(tmp_path):
    (tmp_path / "e.yaml").write_text(
        "emergency:\n"
        "  reply: 请立即拨打 122 和 120\n"
        "  categories:\n"
        "    - id: fire\n"
        "      first: 119\n"
        "      words: [着火]\n"
        "  groups:\n"
        "    惯常: [老, 经常]\n", encoding="utf-8")
    knowledge, problems = load_knowledge(tmp_path)
    assert not errors(problems)  # a warning: small knowledge bases may do without these checks
    missing = {p.line for p in problems if "催促开头" in p.message or "被催的人" in p.message
               or "压坏" in p.message or "门窗" in p.message or "求许可" in p.message}
    assert missing == {8}
    assert not any("惯常" in p.message for p in problems)
    detector = compile_rules(knowledge.emergency)
    assert assess(["车着火了"], ["车着火了"], detector) is not None
    assert assess(["车经常着火"], ["车经常着火"], detector) is None  # the group staff kept still works


def _staff_rules(tmp_path, leave: str, wreck: str):
    (tmp_path / "e.yaml").write_text(
        "emergency:\n"
        "  reply: 请立即拨打 122 和 120\n"
        "  urgent: [救命]\n"
        "  persons: [我老婆, 人]\n"
        "  categories:\n"
        "    - id: trapped\n"
        "      first: 119\n"
        "      of_person: [门打不开, 窗打不开]\n"
        "  groups:\n"
        "    压坏: [变形]\n"
        f"    门窗: [{wreck}]\n"
        f"    求许可: [{leave}]\n", encoding="utf-8")
    knowledge, problems = load_knowledge(tmp_path)
    assert not errors(problems)
    return compile_rules(knowledge.emergency)


def test_staff_decide_which_asked_leave_makes_a_cry_a_sigh(tmp_path):
    # 求许可 lives in knowledge/emergency.yaml: a form staff add is read, with its gap
    detector = _staff_rules(tmp_path, "可以…吗", "门")
    assert assess(["救命", "可以不考科目三吗"], ["救命", "可以不考科目三吗"], detector) is None
    assert assess(["救命", "快来"], ["救命", "快来"], detector) is not None
    detector = _staff_rules(tmp_path, "能不能", "门")
    assert assess(["救命", "可以不考科目三吗"], ["救命", "可以不考科目三吗"], detector) is not None


def test_staff_decide_what_shuts_someone_in_a_wrecked_car(tmp_path):
    said = ["车窗打不开", "我老婆在里面"]
    assert assess(said, said, _staff_rules(tmp_path, "能不能", "窗")) is not None
    assert assess(said, said, _staff_rules(tmp_path, "能不能", "门")) is None


@pytest.mark.parametrize("question", [
    "路上一辆三轮没刹住我胳膊断了",  # a denial of the braking, then a new sentence without punctuation
    "前面的车没停稳车冒烟了",
    "对方流血了 咋整",  # the other party of this crash, asked how: this one
    "骑电动车的被撞了 怎么办 快",
    "我媳妇怎么喊都不应",  # 喊…不应 with words between
    "他好像没有心跳了",
    "摔了 疼",  # a fall told, then a cry of pain
    "追尾了 痛痛痛",  # the cry said over and over
    "电瓶车在楼下充着电突然着了",  # a battery that caught fire while charging
    "我闺女脸上肿了个大包",
    "人家躺在地上不动了",  # 人家: the other party, not someone's car
])
def test_new_forms_of_danger_now_are_caught(engine, question):
    assert engine.answer(question).status == EMERGENCY


@pytest.mark.parametrize("question", [
    "我不懂了 怎么办",  # 不懂 typed as meant, no slip of 不动
    "他看不懂了怎么办",
    "撞了以后腰有点疼是正常的吗",  # asking whether a symptom is normal
    "万一开车的被追尾了怎么处理",  # an 'if' before a person named by what they do
    "没有人受伤 车撞坏了怎么理赔",
    "wo bu dong le zenme ban",  # the one typing is awake: not 我不动了
    "撞了人家的车 人家不让走",
])
def test_look_alikes_of_danger_stay_calm(engine, question):
    assert engine.answer(question).status != EMERGENCY


@pytest.mark.parametrize("question", [
    "电动车一下子就着了 人还在旁边",          # what burns, then how it burns
    "三轮车在燃烧 快",
    "面包车呼呼地烧",
    "机盖里冒青烟 孩子在后座",               # 冒<烟色>烟
    "电瓶突然炸了 俺娘就在边上",             # a battery that burst
    "我公公被方向盘顶住了",                  # 被…<压卡>
    "我媳妇钻不出来",                        # <脱身>不出来
    "摩托车压在我哥身上",                    # a vehicle lying on someone
    "车子还在漏油 地上一滩还在流",
    "火 救命",                               # a cry of fire beside another cry
])
def test_fire_smoke_fuel_and_trapped_put_119_first_in_many_wordings(engine, question):
    reply = engine.answer(question)
    assert reply.status == EMERGENCY and says_119_first(reply.text), reply.reason


@pytest.mark.parametrize("question", [
    "电动车充电的时候着了怎么办",   # a fire told as happening, with 'how do I' after it
    "面包车在燃烧 咋整",
    "车冒烟了 点算",                # Cantonese 'what now'
])
def test_a_fire_under_way_is_no_how_to_question(engine, question):
    reply = engine.answer(question)
    assert reply.status == EMERGENCY and says_119_first(reply.text), reply.reason


@pytest.mark.parametrize("question", [
    "着火的车怎么灭火",                 # a kind of fire named, not one told
    "电动车充电起火怎么预防",
    "车冒蓝烟是什么问题",               # burning oil, a repair
    "车一直在烧机油 正常吗",
    "汽车自燃险有必要买吗",             # an insurance named after a fire
    "这道题我想了好久还是没反应过来",   # 没反应过来: not getting it
    "人脸识别一直卡住了",               # an app's face check, no one's face
])
def test_fire_and_trap_look_alikes_stay_calm(engine, question):
    assert engine.answer(question).status != EMERGENCY


@pytest.mark.parametrize("question", [
    "小车右前方一直在冒烟 闻着一股焦味 我胳膊蹭破点皮没大碍 油箱会不会爆",  # smoke under way, injuries denied, a fear asked
    "高架上两车追尾了 老大的烟 什么都看不见",     # smoke told by its amount
    "桥上三车连环撞 到处都是烟",
    "拉货的车侧翻 里头卡着个人",                   # a person stuck, told of the place
    "大货车撞上护栏 驾驶座那里夹住了人",
    "半挂货车正在燃烧 怎么弄",                     # a fire beside a word masked as no danger
    "smoke 面包车 高速出口",                       # an English danger word beside a vehicle
    "fire 货车 五台山路",
])
def test_smoke_by_amount_someone_stuck_and_english_beside_a_vehicle_put_119_first(engine, question):
    reply = engine.answer(question)
    assert reply.status == EMERGENCY and says_119_first(reply.text), reply.reason


@pytest.mark.parametrize("question", [
    "请问出了事故有人受伤 双方可以协商解决吗",     # settling asked of an accident with injuries: a rule
    "如果车子冒烟了 会不会爆炸",                   # a fear asked of a smoke that is only supposed
])
def test_settling_and_supposed_smoke_stay_calm(engine, question):
    assert engine.answer(question).status != EMERGENCY


@pytest.mark.parametrize("question", [
    "翻车", "追尾了！！", "出事故了", "撞了 撞了",    # a crash word, and nothing else
    "后面出车祸了", "我儿子出车祸了", "俺们在路口撞车了",  # who or where before it
    "zhui wei le", "fan che le kuai dian",             # typed in pinyin
])
def test_a_crash_told_and_nothing_else_gets_the_emergency_reply_122_first(engine, question):
    reply = engine.answer(question)
    assert reply.status == EMERGENCY and not says_119_first(reply.text), reply.reason


@pytest.mark.parametrize("question", [
    "事故", "车祸认定书", "追尾 谁的责任", "撞车了 保险公司不赔咋办", "考试翻车了",
    "车祸片好看吗", "前面出车祸了 绕哪条路",
])
def test_a_crash_named_with_anything_asked_is_no_bare_report(engine, question):
    assert engine.answer(question).status != EMERGENCY


@pytest.mark.parametrize("question", [
    "烟 车里有孩子",        # a one-character cry typed apart, then who is inside
    "火 人在里面",
    "火 火 车上有老人",
    "我们在车上 火",        # who is there first, the cry after
])
def test_a_one_character_cry_typed_apart_is_read_apart(engine, question):
    reply = engine.answer(question)
    assert reply.status == EMERGENCY and says_119_first(reply.text), reply.reason


@pytest.mark.parametrize("question", [
    "火 车站在哪里",        # 火车站 with a space: asks
    "火 车票买不到",        # names no one
    "血 型怎么查",
    "救 助基金怎么申请",
])
def test_a_single_character_typed_apart_that_spells_a_word_stays_calm(engine, question):
    assert engine.answer(question).status != EMERGENCY


@pytest.mark.parametrize("question, first", [
    ("my brother can't get out of the car", "119"),   # an apostrophe read back: cannot get out
    ("we're stuck inside, doors won't open", "119"),
    ("he's lying on the road and isn't breathing", "122"),
    ("the bus's burning", "119"),
    ("she bled a lot", "122"),
    ("i got hit by a van", "122"),                    # a single letter is a word of its own
    ("my grandma can't stand up", "122"),
    ("truck crashed and fuel's leaking", "119"),
    ("撞了 she won't wake up", "122"),
    ("ta ba hun mi le", "122"),                       # kin in pinyin after whose they are: 他爸
    ("a truck hit my son", "122"),
    ("bus hit an old man, blood on his face", "122"),
])
def test_english_contractions_inflections_and_pinyin_kin_are_read(engine, question, first):
    reply = engine.answer(question)
    assert reply.status == EMERGENCY and says_119_first(reply.text) == (first == "119"), reply.reason


@pytest.mark.parametrize("question", [
    "what if my car catches fire on the highway",     # an English 'if'
    "I got hit with a parking ticket",                # hit with a fine, not by a car
    "my car got hit while parked, who pays",
    "I'm stuck in a traffic jam, any detour",
    "I'm stuck on the 12123 login page",
    "I'm dying to know my exam result lol",
    "he jiu le neng kai che ma",                      # he: pinyin beside pinyin (喝酒了)
    "wo ye bu dong le",                               # 我也不懂了, no kin typed
    "I hit a curb, nobody hurt, what now",
    "do I get points if I hit the brakes hard",
])
def test_english_and_pinyin_look_alikes_stay_calm(engine, question):
    assert engine.answer(question).status != EMERGENCY


@pytest.mark.parametrize("question, first", [
    ("后备箱冒烟了 人都没事", "119"),                 # people unhurt put out no fire
    ("撞了护栏 前面在漏油 大家都没事", "119"),
    ("車禍傷人", "122"),                              # a crash and its toll told as a headline
    ("刚才撞车死人了", "122"),
    ("送外卖的小哥倒了半天不动", "122"),              # down, then not moving, words between
    ("电瓶车在车棚里着了", "119"),                    # what burns, where, and that it caught
    ("大车压着一个骑三轮的", "119"),                  # the one held named right after
    ("挂车把一辆面包车压在下面了 里面还有人", "119"),  # a car crushed under, someone inside
    ("车门锁死了 我闺女在里面", "119"),
    ("孩子被车门夹了脚 肿起来了", "122"),
    ("车祸了快点", "122"),                            # 快点 is a word: not 快 running on
    ("宝宝被反锁在车里了", "119"),                    # 宝宝 is someone
])
def test_smoke_told_beside_people_unhurt_and_telegraphic_reports_are_caught(engine, question, first):
    reply = engine.answer(question)
    assert reply.status == EMERGENCY and says_119_first(reply.text) == (first == "119"), reply.reason


@pytest.mark.parametrize("question", [
    "车冒烟 人没事 保险赔吗",           # about the insurance: the frames still read it
    "上个月车冒烟了 人没事",
    "每年车祸死人多少",                 # a statistic
    "交通事故伤人的赔偿标准",
    "大树把我的车压在下面了 保险赔吗",   # a parked car crushed, no one said inside
    "车门锁住了 钥匙在里面",
    "他倒了杯水 不动声色",
    "电梯门夹了手 怎么投诉",
    "我表哥撞了人就跑 上个礼拜被抓了 得坐几年牢",   # a past hit-and-run, asking the sentence
    "开车撞了人跑掉的那个司机被抓住了吗",
])
def test_look_alikes_of_the_new_forms_stay_calm(engine, question):
    assert engine.answer(question).status != EMERGENCY


@pytest.mark.parametrize("question, state", [
    ("肇事车逃逸了 那人躺着", "danger"),              # 逃逸 tells what happened: the one left lying is now
    ("撞人逃逸 孩子躺着不动", "danger"),
    ("逃逸 地上一个人躺着", "danger"),
    ("撞人逃逸了能抓到吗", "calm"),                    # what follows a hit-and-run is asked about
    ("朋友撞人后跑了 现在想自首 怎么办", "calm"),
    ("被撞了司机逃逸 监控能查到吗", "calm"),
    ("撞了人送医院后再去交警队 算不算逃逸", "calm"),
    ("家里老人被撞 司机逃逸 交警一直不说侦办进展", "calm"),
])
def test_a_hit_and_run_told_is_the_accident_what_follows_it_is_asked(engine, question, state):
    assert (engine.answer(question).status == EMERGENCY) == (state == "danger")


@pytest.mark.parametrize("question, state", [
    ("孩子从电动车上摔下来 刚才又吐了", "danger"),      # vomiting told with 又, 就, 还在 after a fall or crash
    ("撞车以后头疼 一动就吐", "danger"),
    ("老爸骑车摔了 回来吐得稀里哗啦", "danger"),
    ("被车撞了一下 当时没事 现在一站起来就晕", "danger"),
    ("车祸后孩子嗜睡 叫了半天才醒", "danger"),
    ("孩子坐车就吐 有啥办法", "calm"),                 # carsickness: nothing befell anyone
    ("追尾以后对方一直吐槽 要报警吗", "calm"),         # 吐槽 is complaining
    ("刮蹭了一下 对方老吐槽我开车慢", "calm"),
])
def test_vomiting_told_any_way_after_a_crash_is_a_sign_and_complaining_is_not(engine, question, state):
    assert (engine.answer(question).status == EMERGENCY) == (state == "danger")


@pytest.mark.parametrize("question, state", [
    ("老人摔在路边 叫了半天不答应", "danger"),         # called and no answer: the person and insisting between
    ("我妈被撞了 叫她她不回答", "danger"),
    ("司机闭着眼 怎么叫都不回话", "danger"),
    ("车祸 喊他不应", "danger"),
    ("对面车的司机趴着 喊了好几声没应声", "danger"),
    ("撞了我的车 叫他赔钱他不答应", "calm"),           # asked to do something and refusing
    ("对方全责 叫他私了他不答应", "calm"),
    ("追尾了 喊他挪车他不理", "calm"),
    ("叫他挪车他不应 能叫交警吗", "calm"),
    ("叫他他不理我", "calm"),                          # ignoring the writer
    ("喊他吃饭他不答应", "calm"),
    ("出车祸了 喊了半天他也不答应", "danger"),         # the person and insisting between, in any order
    ("撞车了 问他要不要紧他不回答", "danger"),         # asked how he is: no answer is a sign
    ("对方撞了我车 问他要电话他不回答", "calm"),       # a demand of the dispute, refused (a mask built from groups)
    ("追尾了 跟他要驾照他不理", "calm"),
])
def test_no_answer_when_called_is_unconsciousness_and_refusing_a_request_is_not(engine, question, state):
    assert (engine.answer(question).status == EMERGENCY) == (state == "danger")


@pytest.mark.parametrize("question, state", [
    ("这事压着我喘不过气", "calm"),                    # a matter presses, not a car
    ("房贷压得我喘不过气来", "calm"),
    ("每个月的车贷压得人喘不过气", "calm"),
    ("车压着我 喘不过气", "danger"),
    ("被车压着 快喘不过气了", "danger"),
    ("这事故人在流血", "danger"),                      # 这事 in 这事故 is no figure
])
def test_a_burden_pressing_is_a_figure_and_a_vehicle_pressing_is_not(engine, question, state):
    assert (engine.answer(question).status == EMERGENCY) == (state == "danger")


@pytest.mark.parametrize("question, state", [
    ("我又翻车了", "calm"),                            # slang: failed again
    ("俺又翻车了 科目二", "calm"),
    ("计划又翻车了", "calm"),
    ("我翻车了", "danger"),
    ("我骑三轮翻车了 腿动不了", "danger"),
    ("又翻车了 人压在下面", "danger"),
])
def test_failing_again_is_no_rollover(engine, question, state):
    assert (engine.answer(question).status == EMERGENCY) == (state == "danger")


@pytest.mark.parametrize("question", ["追尾了", "前面翻车了", "车祸 快", "zhui wei le"])
def test_a_crash_told_with_no_harm_gets_122_first_and_the_move_aside_rule(engine, question):
    reply = engine.answer(question)
    first = reply.text.splitlines()[0]
    assert reply.status == EMERGENCY and "122" in first and "120" in first and not says_119_first(reply.text)
    assert "不妨碍交通" in reply.text and "不要移动事故车辆" in reply.text   # both cases said, each with its rule
    assert "第七十条" in reply.text and "第十九条" in reply.text


@pytest.mark.parametrize("question", ["追尾了 有人在流血", "撞了 疼", "车祸 救命", "撞人了 快", "我爸出车祸了 叫不醒"])
def test_harm_or_a_cry_beside_a_crash_keeps_the_injury_reply(engine, question):
    reply = engine.answer(question)
    assert reply.status == EMERGENCY and reply.text == engine.knowledge.emergency.reply, reply.reason
    assert "不妨碍交通" not in reply.text


@pytest.mark.parametrize("question, first", [
    ("fire 车里有人", "119"),                          # an English word, a space, then Chinese
    ("che li you ren chu bu lai", "119"),              # who, typed in pinyin before the state
    ("wo ma bei che zhuang dao le", "122"),
    ("there is a lot of blood 车祸", "122"),
    ("轿车钻到货车底下了 司机在里面", "119"),          # a car under a truck
    ("大货车把一辆面包车挤在护栏上 面包车里有人", "119"),  # crushed against, then who is inside
    ("大货车侧翻 把小车压住了 人在里面", "119"),
    ("路边停着一辆车 司机头靠在车窗上一动不动", "122"),  # 车窗上 is where the head rests
    ("车祸 死了两个", "122"),
])
def test_new_wordings_of_harm_and_entrapment_are_read(engine, question, first):
    reply = engine.answer(question)
    assert reply.status == EMERGENCY and says_119_first(reply.text) == (first == "119"), reply.reason


@pytest.mark.parametrize("question", [
    "wo de che chu bu lai le",                         # a car that cannot get out
    "撞到了一只狗 狗流血了 要报警吗",                  # an animal bleeds
    "撞死了一只猫 要不要报警",
    "猫钻到车底下了 怎么弄出来",
    "大车把我的车挤在路边了 车上有划痕",
    "车窗一动不动 摇不下来",
    "据说那边撞死人了",                                # hearsay
    "他撞了我车就跑了",                                # whose car, not who
])
def test_look_alikes_of_these_wordings_stay_calm(engine, question):
    assert engine.answer(question).status != EMERGENCY


@pytest.mark.parametrize("question", ["撞了一头牛 司机头在流血", "撞了一只狗 我也摔了 腿在流血"])
def test_a_person_hurt_after_an_animal_is_named_is_still_read(engine, question):
    assert engine.answer(question).status == EMERGENCY


@pytest.mark.parametrize("question", [
    "孩子在车里 车锁了",
    "娃在车里睡着了车门锁上了",                        # asleep in the heat: the sleep is no frame here
    "钥匙锁车里了 孩子还在里面",
    "宝宝在车里 钥匙也在车里 车门打不开",
    "孩子在车上玩把车锁了",
])
def test_a_child_locked_in_a_car_is_an_emergency_with_119_first(engine, question):
    reply = engine.answer(question)
    assert reply.status == EMERGENCY and says_119_first(reply.text), reply.reason


@pytest.mark.parametrize("question", [
    "路边停着的车 里头一个小娃娃 大人不在 晒得脸通红 门锁着",  # 里头 is a mask word: the group word holding it still reads
    "车里那人叫不应 窗户敲了半天也没反应 车门锁着",          # an adult unresponsive behind a locked door: break in, 119
    "我爸在车里喊不醒 车门打不开",
])
def test_someone_helpless_behind_a_locked_car_door_gets_119_first(engine, question):
    reply = engine.answer(question)
    assert reply.status == EMERGENCY and says_119_first(reply.text), reply.reason
    assert "\u25a1" not in reply.reason  # the words read are shown as typed, never blanked


@pytest.mark.parametrize("question", [
    "摩的撞了 后座大姐耳朵里往外流血水",
    "出车祸了 一个人肚子上插着一根树枝",
    "电动车撞了 孩子坐在前面脚踏板上 小脚卷进车轮里了 肿得发黑",
    "旋耕机把人腿绞了 在地头 离村子很远",
    "刚才急刹 副驾上的孕妇撞了安全气囊 现在羊水破了",
    "车在坡上溜车 把推车的人压到底下了",
    "俺们村口 一个娃骑车撞到拉麦子的车上 眼珠子往外翻",
    "一个男的骑摩托撞了 头盔掉了 呼吸很怪 打呼噜一样",
    "燃气罐从三轮上掉下来 阀门坏了 嘶嘶地漏气",
])
def test_rarer_harm_said_plainly_is_an_emergency(engine, question):
    # what a frightened person sees: something stuck in a body, a limb caught in a wheel or a
    # machine, waters broken, eyes rolling, snoring breath after a blow to the head, gas hissing out
    assert engine.answer(question).status == EMERGENCY


@pytest.mark.parametrize("question", ["昨晚那个撞死人的车祸是哪条路 死的是谁", "新车买回来三天就漏油 能换车吗"])
def test_last_nights_news_or_a_faulty_new_car_stays_calm(engine, question):
    assert engine.answer(question).status != EMERGENCY


@pytest.mark.parametrize("question", [
    "撞人的跑了 俺家老人没了 办后事的钱有人先垫不",     # a funeral to pay for: the death is past
    "三车道的高速 最左边那条道最低要跑多少",            # a speed asked, no one on the lane
])
def test_a_funeral_or_a_lane_speed_asked_stays_calm(engine, question):
    assert engine.answer(question).status != EMERGENCY


def test_someone_running_on_an_expressway_lane_is_still_an_emergency(engine):
    assert engine.answer("高速最左边那条道有人在跑").status == EMERGENCY


@pytest.mark.parametrize("question", ["邻居把车停俺家门口堵着门 打他电话不接", "打她手机也不接 车还堵着路"])
def test_calling_someone_is_no_blow(engine, question):
    # 打他电话: 打 of a phone call, not 打 of a fight
    assert engine.answer(question).status != EMERGENCY


@pytest.mark.parametrize("question", ["车门打不开 按钥匙没反应", "车门锁着 钥匙锁里面了怎么办", "车门打不开了 咋回事"])
def test_a_locked_door_with_no_one_helpless_inside_stays_calm(engine, question):
    assert engine.answer(question).status != EMERGENCY


@pytest.mark.parametrize("question", [
    "车上有人，门锁坏了",                              # an adult beside a broken lock can get out
    "孩子在车上睡着了 叫不醒 能不能抱下车",            # a sleeping child, and no lock told
    "孩子在车上要坐安全座椅吗",
    "我把钥匙锁车里了 怎么开",
])
def test_a_child_in_a_car_with_no_lock_or_a_lock_with_no_child_stays_calm(engine, question):
    assert engine.answer(question).status != EMERGENCY


@pytest.mark.parametrize("question", ["把人撞成重伤会坐牢吗", "撞死了人驾照还能要吗", "有人重伤 要赔多少钱"])
def test_the_law_asked_of_a_serious_injury_or_death_is_a_question(engine, question):
    # 重伤 is a report like 受伤 (and a legal term), not a state seen now as 骨头露出来 is
    assert engine.answer(question).status != EMERGENCY


@pytest.mark.parametrize("question", ["出车祸了 有人重伤", "有人重伤了", "撞人了 伤得很重 要赔多少", "撞人了 人不动了 驾照还能要吗"])
def test_a_serious_injury_told_or_seen_now_stays_an_emergency(engine, question):
    assert engine.answer(question).status == EMERGENCY


@pytest.mark.parametrize("question, state", [
    ("他从车里爬出来就倒了", EMERGENCY),
    ("老人过马路 扑通倒了", EMERGENCY),
    ("他从车里爬出来就倒了杯水喝", "calm"),              # 倒了杯水 is pouring
    ("股票一下就倒了", "calm"),
    ("我那电动车一推就倒了 支架坏了", "calm"),           # a thing falls over
])
def test_a_person_falling_down_at_once_is_read_and_pouring_or_things_are_not(engine, question, state):
    assert (engine.answer(question).status == EMERGENCY) == (state == EMERGENCY)


@pytest.mark.parametrize("question, state", [
    ("有人被车拖出去好几米", EMERGENCY),                # 好几 is one word: the drag is read apart from it
    ("人被车拖出去了", EMERGENCY),
    ("婴儿车被撞翻了", EMERGENCY),                      # a pram holds a child
    ("车被拖车拖出去了", "calm"),                       # towed
    ("婴儿车被撞坏了 要赔吗", "calm"),
])
def test_a_person_dragged_by_a_vehicle_or_a_pram_hit_is_read(engine, question, state):
    assert (engine.answer(question).status == EMERGENCY) == (state == EMERGENCY)


@pytest.mark.parametrize("question, state", [
    ("gaosu chaosu 50% yishang kou ji fen", "calm"),   # yishang kou: 以上 扣, no 伤口 read across the space
    ("liuxue sheng jiazhao zenme huan", "calm"),       # 留学生
    ("you ren liuxue", EMERGENCY),
    ("yourenliuxuele", EMERGENCY),                     # one typed run: read whole
    ("wo bei che zhuang le liu xue le", EMERGENCY),
    # de lu is 的路: a rare reading of 登 must not make it 登录, a word of the app talk that calms
    ("qu wutaishan de lu shang che fan le wo ma liu xue le zen me ban", EMERGENCY),
    # 'but' is English, not the syllable bu (不) denying what follows
    ("my husband crashed the car, he is breathing but not answering me, can i drive him to hospital myself", EMERGENCY),
    ("上礼拜追尾前车 对方说脖子有点疼 这种算伤人事故吗", "calm"),
    ("上礼拜被撞了 现在还在流血", EMERGENCY),
])
def test_pinyin_words_begin_where_typed_words_do_and_last_week_is_past(engine, question, state):
    assert (engine.answer(question).status == EMERGENCY) == (state == EMERGENCY)


@pytest.mark.parametrize("question, first", [
    ("问个事 罚款交了多久能消 对了 我车刚撞了一个骑车的 他在那躺着呢 说脖子动不了", "122"),  # harm told after a question
    ("我想问问电动车上牌需要什么材料 今天我骑车刚出门就看见一个老头被小车撞了 现在还躺着没人扶 上牌在哪上", "122"),
    ("我在停车场看见一辆车里锁着个小娃 车窗紧闭 娃满脸通红", "119"),
    ("刚过红绿灯 一个大爷骑三轮被拐弯的大车刮倒了 腿在车轮底下", "119"),
    ("人压车底", "119"),
    ("有个人晕倒在驾驶座上 车还没熄火 门锁着 敲窗没反应", "119"),
    ("che fan le ren zai limian chubulai", "119"),
    ("我老公出车祸了 现在在路上躺着", "122"),
])
def test_harm_told_after_a_question_or_in_new_words_is_read(engine, question, first):
    reply = engine.answer(question)
    assert reply.status == EMERGENCY and says_119_first(reply.text) == (first == "119"), reply.reason


@pytest.mark.parametrize("question", [
    "科目一挂了 我快哭死了",                   # a figure after the exam it is about
    "校门口车和人挤成一团 能不能管管",          # crowding
    "手机掉车底了",
    "罚款交了多久能消 我上个月被撞了 腿还疼",    # harm after a question, but past
    "婚车车队放鞭炮 冒烟了 算违规吗",            # the smoke names no one: it is the fireworks'
])
def test_what_follows_a_question_is_still_read_for_what_it_is(engine, question):
    assert engine.answer(question).status != EMERGENCY


@pytest.mark.parametrize("question, state", [
    ("電單車撞咗欄杆 個司機仲喺度唔郁", EMERGENCY),                   # Cantonese: still there, not moving
    ("老铁 咱这出事了 一哥们儿让车顶树上了 胸口那块瘪下去了 喘一下疼一下", EMERGENCY),
    ("撞了头牛 车窗碎了 我手腕被玻璃割开了 一直往外冒", EMERGENCY),    # a person cut, after an animal hit
    ("那后生头上开了个大口子 拿衣服捂着也止不住", EMERGENCY),
    ("我一个人在山路上翻车了 车顶朝下 挂在安全带上出不去", EMERGENCY),
    ("人撞飞了", EMERGENCY),
    ("货车把大巴顶了 车门变形打不开 里头娃娃在哭", EMERGENCY),        # the door, then who is inside
    ("车门锁坏了打不开 里面有个孩子座椅", "calm"),                    # a child's seat is no child
    ("笑死了 我朋友倒车把自己家垃圾桶撞飞了", "calm"),
    ("我梦见自己开车撞人了 吓醒了 是不是不吉利", "calm"),
    ("买的意外险里有个昏迷条款 保险公司说不赔 找谁", "calm"),
    ("抖音上看到有人被电动车撞了躺地上 那是哪的事", "calm"),
    ("路口闪了一下 跟着火似的 是不是被拍了", "calm"),
    ("驾考app上有道题 伤员骨折怎么办 我老选错", "calm"),
])
def test_dialect_indirect_harm_and_what_only_looks_like_it(engine, question, state):
    assert (engine.answer(question).status == EMERGENCY) == (state == EMERGENCY)


@pytest.mark.parametrize("question, state", [
    ("shang ge yue che zhao huo le bao xian pei bu pei", "calm"),          # 上个月 … 保险赔不赔, in pinyin
    ("qu nian che huo shou shang le xian zai hai neng yao pei chang ma", "calm"),
    ("motuoche zhuang le ren liu le hen duo xue zen me ban", EMERGENCY),    # frames never take danger's syllables
    ("che huo le you ren liu xue", EMERGENCY),
])
def test_frame_words_typed_in_pinyin_frame_what_danger_words_leave(engine, question, state):
    assert (engine.answer(question).status == EMERGENCY) == (state == EMERGENCY)


@pytest.mark.parametrize("question", ["被压住了", "压住了", "被压着", "前面大车侧翻 司机挂在里面"])
def test_pinned_said_alone_puts_119_first(engine, question):
    reply = engine.answer(question)
    assert reply.status == EMERGENCY and reply.text.index("119") < reply.text.index("120")


def test_a_thing_hanging_inside_the_car_is_no_one_trapped(engine):
    assert engine.answer("钥匙挂在里面了").status != EMERGENCY


@pytest.mark.parametrize("question", [
    "车翻了卡住了出不来",                     # the person left unnamed after a crash told
    "三轮车翻沟里了 俺爹压住了",              # someone named, then pinned
    "好几个人受伤 有一个压住了",
    "有人被车压了腿 车还没挪开",              # the wheel still on the leg
    "加油站门口两车撞了 地上都是油",          # fuel spread on the ground
    "人卡里面了",
])
def test_trapped_or_fuel_said_plainly_puts_119_first(engine, question):
    reply = engine.answer(question)
    assert reply.status == EMERGENCY and reply.text.index("119") < reply.text.index("120"), reply.reason


@pytest.mark.parametrize("question, state", [
    ("伤的重 要死了", "danger"),              # 的 for 得, as typed in a hurry
    ("校车在路上翻了", "danger"), ("大巴翻了", "danger"),
    ("卡里面没钱了", "calm"),                # a bank card
    ("俺的车贷还完了，车还押着，咋弄", "calm"),  # 押着 (pledged), repaired to 压着, is no one pinned
    ("校车收费翻了一倍", "calm"), ("车险保费翻了一倍", "calm"),
])
def test_a_bus_overturned_and_a_grave_injury_typed_in_a_hurry_are_read(engine, question, state):
    assert (engine.answer(question).status == EMERGENCY) == (state == "danger")


@pytest.mark.parametrize("question", [
    "忻州撞人逃逸的案子都破了吗",                         # the cases solved: figures
    "逃逸让人死了的 判多重",                              # how heavy the sentence is
    "这电动车跑得太慢了 救命 国标最快能到多少",            # exasperated, asking the standard
    "喝醉了开车出了大事故死了人 这辈子还能再拿驾照吗",      # a licence after a fatal crash
    "一盔一带说的是啥 骑电动车摔伤的人太多了",               # how many get hurt: a general remark
    "车去年卖给别人了一直没过户 现在人家开着撞了人 找上我了 我冤不冤",  # liability for a sold car
])
def test_a_question_about_rules_sentences_and_figures_is_no_emergency(engine, question):
    reply = engine.answer(question)
    assert reply.status != EMERGENCY, reply.reason


@pytest.mark.parametrize("question, state", [
    ("我老公从车里甩出来了", "danger"),                    # thrown out of the car
    ("货车压在一个小男孩身上", "trapped"),                  # a boy under a truck: 119 first
    ("老人 撞了 不动", "danger"),                          # a bare 不动 said of the person hit
    ("撞了以后他脸上全是玻璃碴", "danger"),                 # glass in the face
    ("刚才撞了 他先是胡言乱语 后来就没声了", "danger"),      # 后来 is the story going on, not the past
    ("我的车撞了以后推不动", "calm"),                       # a car that will not be pushed
    ("他动不动就超速 扣几分", "calm"),
    ("去年被撞骨折了 后来好了 能考驾照吗", "calm"),          # healed: the past
    ("出车祸了 我腿上划了好长一道口子", "danger"),           # a long gash, said of the writer
    ("轮胎划了好长一道口子 能补吗", "calm"),                # the same gash in a tyre
    ("俺娃叫车碰了 腿不会走咧", "danger"),                  # dialect 咧; a leg that will not walk
    ("出事了 司机脑袋撞玻璃上了 晕乎乎的", "danger"),       # head against the glass, dazed
    ("喝了酒晕乎乎的 第二天能开车吗", "calm"),              # dazed by drink, asking a rule
    ("我家狗被车撞了 流了好多血 能找交警吗", "calm"),        # the dog was hit (not_after: 动物)
    ("我儿子遛狗的时候被车撞了", "danger"),                 # the boy was
    ("钥匙掉进了路边的下水道里 咋办", "calm"),              # keys, not a child, in the drain
    ("跟车太近差点撞上了 扣分吗", "calm"),                   # nearly, and asking the rule
])
def test_thrown_out_pinned_still_and_glass_are_read_and_their_look_alikes_are_not(engine, question, state):
    reply = engine.answer(question)
    assert (reply.status == EMERGENCY) == (state != "calm"), reply.reason
    if state == "trapped":
        assert says_119_first(reply.text)


@pytest.mark.parametrize("question, state", [
    # a money word typed as its homophone frames as typed right; a particle word never (湿了 is wet, no 私了)
    ("把车借给俺表弟开 他撞了人 俺这个车主也要陪钱么", "calm"),  # 陪钱 typed for 赔钱: asking who pays
    ("他撞了人 车主要陪钱吗", "calm"),
    ("撞人了 他流血了 要陪钱吗", "danger"),                      # bleeding now outweighs the money asked
    ("撞车后车里一股汽油味 地上湿了一大片 我们不敢打火", "danger"),
    # harm told now, then feared; the past, then harm told today
    ("方向盘顶到肚子了 现在好疼 会不会内出血", "danger"),
    ("如果现在有人受伤了怎么办", "calm"),                      # the 'if' supposes the harm itself
    ("昨天追尾当时没事 今天早上起来脖子疼一直恶心", "danger"),
    ("怕电动车充电着火 电压多少伏以内合规", "calm"),           # a fear asked as a rule
    # a crash reported as it happened, then harm: asked at the scene
    ("出车祸了 头很晕 想吐 是不是要去医院", "danger"),
    ("撞车了 我脖子好疼 要不要去医院", "danger"),
    ("车祸后脖子疼要去医院检查吗", "calm"),                    # after a crash in general
    ("出车祸了怎么理赔", "calm"),                              # a crash reported, no harm told
    # 'fine', then harm seen after 'but'
    ("撞了个人 他说没事 可站都站不稳 这种还能私了吗", "danger"),
    ("追尾了 对方说不要紧 但是头一直在流血 能私了不", "danger"),
    ("当时觉得没事 可第二天腿疼 保险赔不赔", "calm"),          # the past, still
    # points gone are no one gone; minutes are no points
    ("我老公分扣满了 12分全没了 现在要干啥", "calm"),
    ("我爸出车祸 12分钟前还有气 现在没了", "danger"),
    # a state looks back across two clauses naming no one; a thing named blocks
    ("我爸出车祸 十分钟前还有气 现在没了", "danger"),
    ("我的车昨天修好了 今天又不动了", "calm"),
])
def test_frames_and_whom_a_state_is_said_of_are_read_for_danger_now(engine, question, state):
    reply = engine.answer(question)
    assert (reply.status == EMERGENCY) == (state == "danger"), reply.reason


@pytest.mark.parametrize("question, state", [
    ("刘雪不止", "danger"),                           # a long harm word heard whole, every sound exact
    ("刘雪不止一次闯红灯 扣几分", "calm"),             # the name, running on into a sentence
    ("骑手倒了", "danger"),                           # a rider down, told alone
    ("他特别疼 喘不上气", "danger"),                   # the 别 of 特别 denies nothing
    ("他别的地方不疼 就是喘不上气", "danger"),
    ("追尾以后胸口疼喘不上气 正常吗", "danger"),       # asking whether it is normal outweighs no acute harm
    ("撞了一下头有点晕 正常吗", "calm"),               # … and still frames a sign that is not acute
    ("车门倒是能开 人在里面喘不上气", "danger"),        # a door that opens is no 'can I still drive'
    ("车被撞扁了出不来", "fire"),                      # crushed by a blow, then no way out: trapped, 119 first
    ("车撞烂了 门打不开 人昏在里面", "fire"),
    ("che bei zhuang bian le chu bu lai leg bleeding", "fire"),  # pinyin runs apart from English words
    ("有人叫车轮碾过去了", "danger"),                  # 叫 as the passive, 碾过去
    ("隧道里撞车了 烟大得看不见", "fire"),
    # the twenty-fifth and twenty-sixth sets (fourteenth turn)
    ("说好了这顿饭AA 结果他喝了酒非要开 刚在和平街撞了电线杆 人卡在方向盘那 头上流血", "fire"),  # 说好了 agreed, no 'got well'
    ("他的腿早就好了 当时流了好多血 赔偿怎么算", "calm"),   # recovery told with its time still frames the past
    ("看到一个人趴着 旁边有刹车印 人还有气但叫不醒", "danger"),
    ("娃娃卡后座了", "fire"),                              # 卡 + where in the car, said of a child
    ("三马子扣住我妈了", "fire"),                          # a tricycle turned over onto someone
    ("交警扣住我的车了", "calm"),                          # the police keeping a car is no one pinned
    ("骨头戳出来了", "danger"),
    ("不出气了", "danger"),                                # only the cry, no one named: the writer's own
    ("救明", "danger"),                                    # a cry for help typed with a slip
    ("救命 车管所电话一直打不通 还有别的号码没", "calm"),
    ("老汉脸煞白 眼睛闭着 嘴唇发紫", "danger"),            # three signs together need no crash told
    ("考试紧张得脸色煞白", "calm"),
    ("一地玻璃渣 有个人蹲着捂肚子 脸都青了", "danger"),
    ("货车上的钢管掉下来把一个骑车的砸住了 就在路当中", "fire"),   # 把 + what pins
    ("路边躺个人 旁边摩托车碎一地", "danger"),
    ("水库边上一辆车溜进水里了 俩人都没上来", "danger"),
    ("骑摩托的摔进路边水渠里了 自己爬不上来", "fire"),
    ("路边有个骑电驴摔了的 浑身哆嗦 冷的话都说不出来", "danger"),   # 的话 here is the noun 话, no 'if'
    ("如果撞了人的话 人会不会流血", "calm"),                         # … and here the 'if'
    ("俺媳妇怀孕七个月 出车祸肚子撞了一下 现在感觉不到娃动了", "danger"),
    ("盘山公路一辆面包车翻下坡了 底下好像有人在哼哼", "danger"),
    ("娃娃13了想骑电动车去上学 俺怕他摔了 到底多大才让骑", "calm"),   # a fall feared, not told
    ("电车电池突然冒白烟 然后有火苗了 火越来越大 保险赔不赔", "fire"),  # a fire growing is now
    # what the law will do asked, then acute harm and whom to call: a call now
    ("会不会坐牢啊 我开车把一个骑自行车的大哥带倒了 地上一大滩血 眼睛一直闭着 我该打哪个号 会不会吊销", "danger"),
    ("买的意外险里有个昏迷条款 保险公司说不赔 找谁", "calm"),
    # panic set 27: harm told after what was asked (a question about money first, a past visit)
    ("请问车辆自燃保险管不管 我现在在路上 车头已经起火了火苗窜出来了", "fire"),   # the fire told last counts
    ("我就想知道对方全责的话我能不能不去医院 其实我现在右手好像断了 骨头有点变形", "danger"),
    ("如果对方全责的话 撞伤了人谁赔", "calm"),
    ("上次来问过驾照换证的事 这次是别的 我哥的车掉沟里了 他在里面出不来", "fire"),
    ("出了事故 撞人的跑了 医院抢救的钱谁先给出", "calm"),
    ("桥上一辆小车把护栏撞断了 车头一半悬在桥外头 司机在里面不敢动", "fire"),   # hanging over the edge
    ("停车场的车能不能悬空停 半截在外头", "calm"),
    ("壮到人了", "danger"),                                 # a slip heard: 撞到人, not 撞倒人
    ("被鸭住了", "fire"),                                   # a cry once heard: 被压住了
    ("骑摩托的小伙撞护栏上了 咋叫都没反应", "danger"),
    ("俺们一家出去耍 娃娃在后座 刚才被人追尾了 车门变形打不开", "fire"),
    # panic set 28b: an 'if' that is a question of its own about something else, harm told after it
    ("万一对方不认账咋办啊 俺男人被面包车撞了 躺路边流了好多血", "danger"),
    ("如果不报警私了行不行 娃娃叫我车门撞了一下 额头肿个大包 一直在吐", "danger"),
    ("万一车被扣了我明天咋上班 车卡在桥栏杆上了 副驾驶的同事腿夹住了出不来", "fire"),
    ("如果对方不赔 受伤的人医药费谁出", "calm"),                    # the if supposes the harm's cost
    ("万一撞了人怎么办 会不会坐牢", "calm"),                         # the if supposes the harm itself
    ("可我老公刚才下车去放牌被后面的车撞了 现在躺在应急车道上", "danger"),  # 下车, 放牌: what he did, no thing harmed
    ("我下车一看车被撞了", "calm"),
    # a harm reported second hand, with who must pay asked (everyday set 25's one calm message flagged)
    ("前年把车卖给一个朋友 一直没过户 今天他说他开那车把人撞了 对面家属找我要钱 我又没开车我也得赔？", "calm"),
    # panic set 28a/c
    ("发动机那冒黑眼了 后座还有娃娃", "fire"),        # a slip that is a word of its own (黑眼), right after the engine
    ("他眼睛冒黑眼了", "calm"),
    ("地下车库有辆车引擎盖底下冒烟还闪火星子 周围停满了车 咋弄啊", "fire"),   # sparks still flashing: under way
    ("门口两辆车撞了 一辆底下一直往外流东西 闻着是汽油", "fire"),
    ("下雪天山上 一辆车滑到崖边上 后轮都悬空了 车里一家人不敢下来", "fire"),
    # panic set 29: a child asleep in the car is where the danger is, not a frame
    ("电车插在充电桩上充着电突然冒烟着火了 俺娃娃还在车里睡觉", "fire"),
    ("桥洞积水里漂着一辆车 里头有人在拍窗户", "fire"),
    ("车撞树上司机卡住", "fire"),
    ("孩子在车上睡着了 叫不醒 能不能抱下车", "calm"),   # as the calm set has it: a sleeping child, no lock told
    # panic set 30 a/b
    ("我被撞了 脖子疼得转不动 这种是对方全责吧 保险咋走", "danger"),   # a neck that will not turn after a hit
    ("落枕了脖子转不动 能开车吗", "calm"),
    ("桥上有个车把栏杆撞烂了 半截车身悬在外头晃 里面还坐着人", "fire"),
    ("加气站门口出租车撞了 后备箱那块嘶嘶响 一股臭鸡蛋味", "fire"),   # gas heard and smelt where gas is sold
    ("拉煤的大车停路边 轱辘那一圈红彤彤的冒烟 司机在驾驶室睡着咧", "fire"),  # asleep where it smokes: no talk of sleep
    ("开车睡着了撞了护栏 车头冒烟了 算什么责任", "calm"),               # blame asked: the other frames judge it
    ("120一直占线 路上有人被撞晕了 咋弄", "danger"),                        # knocked out: unconscious, whatever is asked
])
def test_panic_forms_from_the_read_sets_are_read(engine, question, state):
    reply = engine.answer(question)
    assert (reply.status == EMERGENCY) == (state != "calm"), reply.reason
    if state == "fire":
        assert says_119_first(reply.text), reply.reason


@pytest.mark.parametrize("question, state", [
    ("大爷让三轮车撞倒了 起不来 开车的说他没撞到要走", "danger"),  # the driver's claim, the writer's harm
    ("俺娘在路口被电动车带倒了 站不起来 那人说不关他事", "danger"),
    ("对方说他没碰到我 我腿有点疼 要他赔吗", "calm"),             # what the writer asks is still about money
    ("交警说是轻微事故 我腿擦破点皮 能私了不", "calm"),
    ("家里老人被撞 司机逃逸 交警一直不说侦办进展", "calm"),       # 不说: no one's words
])
def test_what_another_person_claims_does_not_talk_the_harm_told_away(engine, question, state):
    assert (engine.answer(question).status == EMERGENCY) == (state == "danger"), engine.answer(question).reason


@pytest.mark.parametrize("question, state", [
    ("孩子从自行车上摔下来 吐了好几回 老是犯困", "danger"),   # what keeps happening since the fall is its sign
    ("俺爸让车撞了 头破了 总是想睡", "danger"),
    ("电动车老是起火咋回事", "calm"),                          # a fault that keeps coming back: asked about
    ("我骑车摔了以后老是腿疼 能找对方赔吗", "calm"),
])
def test_what_keeps_happening_after_the_harm_told_is_its_sign(engine, question, state):
    assert (engine.answer(question).status == EMERGENCY) == (state == "danger"), engine.answer(question).reason


@pytest.mark.parametrize("question, state", [
    ("困车里了", "danger"),                       # the writer, typing in the first seconds
    ("电瓶着火了 怕电瓶炸", "danger"),            # a fire told as now, then what is feared of it
    ("怕电池着火 充电要注意啥", "calm"),          # the fire is only feared
    ("刮了一下没伤人 能先走不", "calm"),          # 没伤人: everyone is fine
])
def test_short_first_second_messages_and_fears(engine, question, state):
    assert (engine.answer(question).status == EMERGENCY) == (state == "danger"), engine.answer(question).reason


@pytest.mark.parametrize("question, state", [
    # a frame asks its own clause: harm told of someone of this moment in another clause stands
    ("俺爸开三轮翻沟里咧人压在车底下出不来 三轮车没上牌算违法不", "danger"),
    ("无证驾驶撞了人会不会判刑 我弟骑摩托撞了他自己也躺着呢说胸口穿不上气", "danger"),
    ("追尾了气囊弹出来了俺婆姨脸上胳膊上全是伤她说眼睛看不见咧 这个气囊是质量问题吧", "danger"),
    # the same frames over no one of this moment, after an 'if', or over what only befell someone
    ("如果人压在车底下出不来 三轮车没上牌算违法不", "calm"),
    ("他撞了人 车主要赔钱吗", "calm"),
    ("孩子一直不吭声 是不是考砸了", "calm"),
    ("车被卡住了在停车场出不去", "calm"),
    ("开车撞了条狗 狗躺地上不动了 咋办", "calm"),
])
def test_a_frame_asks_its_own_clause_not_a_harm_told_in_another(engine, question, state):
    assert (engine.answer(question).status == EMERGENCY) == (state == "danger"), engine.answer(question).reason


@pytest.mark.parametrize("question, state", [
    # harm seen now told first, a scene after it, then something else asked: the harm stands
    ("俺爹让货车挂倒了 腿压在车轮底下拽不出来 车主在旁边打电话 这车没年检会不会罚", "danger"),
    ("我老婆坐副驾 追尾以后现在说胸口疼得厉害 对方说走保险 走保险麻烦不", "danger"),
    ("前面那辆车撞了以后着火了 我车堵在后头 车扔这会不会被拖走", "danger"),
    ("对面货车一直在漏油 我停在它后面 这算谁的责任", "danger"),
    # the same words where the harm is what is asked about, lived through, or someone else's driving
    ("胳膊骨折过 能考摩托车驾照吗", "calm"),
    ("去年被撞过 现在腰还疼 能起诉吗", "calm"),
    ("车卖了一直没过户 现在开车的撞了人 还找原车主赔吗", "calm"),
    ("我的车在修理厂着火了 谁赔", "calm"),
])
def test_harm_seen_now_then_another_question_is_still_harm_now(engine, question, state):
    assert (engine.answer(question).status == EMERGENCY) == (state == "danger"), engine.answer(question).reason


@pytest.mark.parametrize("question, state", [
    # a word of now (刹不住) inside a story that a past opens and a recovery closes
    ("前年冬天路滑我刹不住把一个骑车的撞了 他腿骨折 后来早就好了 他家还能再找我要钱吗", "calm"),
    ("刹不住了 前面有人 去年刚买的车", "danger"),             # the past word is of the car, not the harm
    ("电瓶那冒烟了还有火苗 就在小区门口 这车去年才挂的牌", "danger"),
])
def test_words_of_now_inside_a_past_story_tell_how_it_happened_then(engine, question, state):
    assert (engine.answer(question).status == EMERGENCY) == (state == "danger"), engine.answer(question).reason


@pytest.mark.parametrize("question, state", [
    # 'fine' taken back by 'but'; a body that cannot move; the person named a clause before the harm
    ("刚才拐弯把一个骑车的学生撞了 他说没事但是一直在吐 私了行吗", "danger"),
    ("我把人撞了 他说腿动不了 这种情况保险公司赔不赔啊", "danger"),
    ("刚跟一个骑电瓶车的碰了 大爷坐地上 一直捂着胸口 罚款要罚多少", "danger"),
    ("撞人了 120一直占线 咋办", "danger"),
    # the same words in a rule question, a supposed case, a thing that cannot move, a fine kept
    ("如果撞了人 对方腿动不了 保险公司赔不赔", "calm"),
    ("车动不了了要报警吗", "calm"),
    ("他说没事 不用去医院 私了行吗", "calm"),
    ("去年被撞了 当时站不起来 现在能要多少赔偿", "calm"),
])
def test_harm_told_plainly_is_not_undone_by_what_is_asked_beside_it(engine, question, state):
    assert (engine.answer(question).status == EMERGENCY) == (state == "danger"), engine.answer(question).reason


@pytest.mark.parametrize("question, state", [
    # a pregnant woman in a crash; stuck where only people sit; run over told with who did it between
    ("懷孕了被追尾 肚子一陣一陣疼 要報警嗎", "danger"),
    ("卡驾驶室出不来", "danger"),
    ("俺邻居家娃娃被倒车的货车碾了", "danger"),
    # the same words where no crash is told, or a thing is stuck
    ("怀孕了还能考驾照吗", "calm"),
    ("孕妇坐车要系安全带吗", "calm"),
    ("卡车里的货掉出来了 罚不罚", "calm"),
])
def test_grave_states_need_no_one_named_where_only_people_can_be(engine, question, state):
    assert (engine.answer(question).status == EMERGENCY) == (state == "danger"), engine.answer(question).reason


@pytest.mark.parametrize("question, state", [
    # a rider named by trade; a frame word never repaired out of 是; a harm told after 'I only ask'
    ("摩托车手摔在路中间 头盔都飞了 没反应", "danger"),
    ("追尾了 我是后车 全责我认 我就想问扣几分罚多少 哦对前车司机头撞破了在车里坐着发呆", "danger"),
    # the same words where nothing is happening to anyone now
    ("上课老是坐着发呆怎么办", "calm"),
    ("我就想问 如果前车司机头撞破了 后车全责吗", "calm"),
    ("撞了人 司机跑了 咋办", "calm"),  # a hit-and-run asked about: the hit-and-run entry answers
])
def test_a_harm_told_after_the_question_of_someone_at_the_scene_is_now(engine, question, state):
    assert (engine.answer(question).status == EMERGENCY) == (state == "danger"), engine.answer(question).reason


@pytest.mark.parametrize("question, state", [
    # under a lorry; the driver's 'fine' of the one he hit; asleep and not answering a knock
    ("后面小车钻大货车底下去了 里头还有人", "danger"),
    ("老太太被车蹭倒了 躺着喊疼 司机说没事不用管", "danger"),
    ("我爸在车里开着暖风睡着了 敲窗户没反应", "danger"),
    ("骑车摔了 俺胳膊抬不起来 没戴头盔会罚不", "danger"),
    # the same words where the one hurt says so, a deep sleep, a question of blame
    ("压到了别人的脚 对方说没事", "calm"),
    ("孩子在车上睡着了 叫不醒 能不能抱下车", "calm"),
    ("开车睡着了撞了护栏 算什么责任", "calm"),
])
def test_what_others_claim_or_a_sleep_does_not_calm_harm_seen(engine, question, state):
    assert (engine.answer(question).status == EMERGENCY) == (state == "danger"), engine.answer(question).reason


@pytest.mark.parametrize("question, state", [
    # a car in rising water and a way out shut: someone is inside, whatever is asked beside it
    ("水淹到车窗了 窗户摇不下来 保险赔不赔", "danger"),
    # water alone, asked about afterwards, or a stuck window without water
    ("车被水淹了 保险赔不赔", "calm"),
    ("车窗摇不下来了 是不是坏了", "calm"),
])
def test_a_way_out_shut_in_rising_water_is_someone_trapped(engine, question, state):
    assert (engine.answer(question).status == EMERGENCY) == (state == "danger"), engine.answer(question).reason


@pytest.mark.parametrize("question, state", [
    # a car hanging off a bridge, a rider who has not got up, someone buried by the load
    ("冰桥上打滑撞了护栏 半个车悬在桥外面 我老伴在副驾不敢动", "danger"),
    ("我没事 就是旁边骑电瓶车的大爷一直没起来 我是不是要负全责", "danger"),
    ("拖斗翻了 我兄弟被玉米埋住了", "danger"),
    # the same words where no one is in danger
    ("早上一直没起来 上班迟到了", "calm"),
    ("车停在桥上 桥外面风景好 能停吗", "calm"),
])
def test_a_car_over_the_edge_a_rider_still_down_and_someone_buried_are_danger(engine, question, state):
    assert (engine.answer(question).status == EMERGENCY) == (state == "danger"), engine.answer(question).reason


@pytest.mark.parametrize("question, state", [
    # a slip for 撞 with what it did to the person told after it (装飞 is 撞飞)
    ("出车活了人被装飞了", "danger"),
    # a vehicle lying on someone, the person not named
    ("看见一个骑摩托的年轻人躺在沟边 摩托压在身上", "danger"),
    # the one who hit him says he is fine; the writer saw the lump and the confusion
    ("邻居家小子叫车撞了 头上鼓个大包 一会清醒一会迷糊 撞他的人说没事就走了", "danger"),
    # the writer still there, told after a story that began days ago
    ("上周刚提的车 昨天去拿发票路上看见小轿车钻到大货车底下 里面的人叫夹住了一直喊救命我这会儿还在旁边呢", "danger"),
    # a name typed in letters, a cry beside a question the knowledge holds, a bag loaded
    ("我同学叫liuxue 她问驾照有效期分几种", "calm"),
    ("救命 忻州车管所周六上不上班 着急上牌", "calm"),
    ("货被装翻了 能退吗", "calm"),
])
def test_what_was_done_to_someone_and_who_says_so_are_read_by_meaning(engine, question, state):
    assert (engine.answer(question).status == EMERGENCY) == (state == "danger"), engine.answer(question).reason


def test_someone_trapped_while_the_writer_is_still_there_gets_119_first(engine):
    reply = engine.answer("我想问问新车上牌要带啥 昨天去4S店的路上看见一辆小轿车钻到大货车屁股底下了 里面的人叫夹住了 我这会儿还在旁边呢 上牌要带啥来着")
    assert reply.status == EMERGENCY
    assert reply.text.index("119") < reply.text.index("120")


@pytest.mark.parametrize("question, state", [
    # convulsing once and passing out is no blood test (抽了 alone is no frame)
    ("夜里骑摩托撞了路边石头 人醒了又抽了一下晕过去了 快快快", "danger"),
    # fine at the time, the signs now: delayed harm is harm now
    ("同事骑车上班叫开车门的撞了 当时没事 到了单位脸发紫手发麻还说胡话", "danger"),
    # a battery that caught with a bang, the fire spreading to the next vehicle
    ("路边停的电动车电瓶嘭一声着了 火烧到旁边的摩托车上了 旁边还有人", "danger"),
    # which person, told before 的, inside 把…撞了
    ("我在等红绿灯 前头有辆车闯红灯把过斑马线的俩学生撞了 一个起来了一个没起来", "danger"),
    # no fits for years, a licence asked; a mirror of whose car
    ("俺爸有癫痫 吃药好些年不抽搐了 能不能去考驾照", "calm"),
    ("他把我车的后视镜撞了 咋索赔", "calm"),
    ("体检抽了血 晕过去了一会儿 驾照体检能过不", "calm"),
])
def test_signs_and_who_was_hit_are_read_by_what_they_say(engine, question, state):
    assert (engine.answer(question).status == EMERGENCY) == (state == "danger"), engine.answer(question).reason


@pytest.mark.parametrize("question, state", [
    ("俺媳妇怀孕七个月 刚才追尾磕了一下 她说肚子一阵一阵发紧", "danger"),
    ("my friend fell off her ebike on the ice near the station, she says she cant feel her leg, what do i do", "danger"),
    ("前天我在这条路看到过事故 没想到just now又撞了 一个骑摩托的飞出去十几米 120要打吗", "danger"),
    ("我想问一下实习期能上高速不 哦还有个事 我朋友刚才在高速上下车看车 被过路车擦了 现在在应急车道躺着", "danger"),
    ("俺前几天才去车管所上派 结果刚开回来半路发动机冒黑烟还有火苗 俺娃还在后座 咋办咧", "danger"),
    # a car's SOS button is a feature asked about; a scraped car is no one grazed
    ("新车上有个SOS按钮 怎么在手机上绑定家人号码", "calm"),
    ("停在路边的车被过路车擦了 漆掉了一块 找谁赔", "calm"),
])
def test_grazed_riders_signs_in_pregnancy_and_english_are_read(engine, question, state):
    assert (engine.answer(question).status == EMERGENCY) == (state == "danger"), engine.answer(question).reason


@pytest.mark.parametrize("question, state", [
    ("雁门关那边山路上一辆车翻坡下去了 看见下面有人在招手 喊的听不清", "danger"),
    ("新车上派要带啥材料 哎呀我媳妇刚在车管所门口叫倒车的撞了 腿流血站不起来", "danger"),
    ("我就想问问扣分的事 你们别挂 前面隧道里好几辆车撞一块了 有人在喊救命", "danger"),
    ("俺家老汉圪蹴路边修车叫一辆面包车给撞了 这会儿腿肿得老高 人迷迷糊糊的 咋弄咧", "danger"),
    # days on, the driver never found, the hospital asking for money: a fund question
    ("我姐夫晚上骑车被车撞了 司机跑了到现在也没找着 医院天天催钱 这钱有没有地方先给出", "calm"),
    ("钥匙掉进水沟里了 车打不开", "calm"),
    ("我想学车 但是怕出血本", "calm"),
])
def test_scenes_inside_other_talk_and_days_old_stories(engine, question, state):
    assert (engine.answer(question).status == EMERGENCY) == (state == "danger"), engine.answer(question).reason


@pytest.mark.parametrize("question, state", [
    ("高速上有个人在应急车道外头走 叫车刮了 现在躺护栏边上", "danger"),
    ("他流了好多雪", "danger"),
    # a scratch on a car: 一道 is typed as a word, no slip of 刮倒
    ("车叫人刮了一道", "calm"),
    ("我的车停路边叫人刮了 找谁", "calm"),
])
def test_someone_grazed_by_a_car_is_hit_and_a_scratch_on_a_car_is_not(engine, question, state):
    assert (engine.answer(question).status == EMERGENCY) == (state == "danger"), engine.answer(question).reason


@pytest.mark.parametrize("question, state", [
    # asleep in a parked car with the heater running, not waking: fumes, not sleep
    ("车停在雪地里开着暖风等人 俺姐夫和他闺女在车里睡着了 咋叫也叫不醒 脸红红的", "danger"),
    ("孩子睡着了 叫不醒 能不能抱下车", "calm"),
    ("开着空调在车里睡了一觉 醒了头疼 正常吗", "calm"),
])
def test_not_waking_in_a_running_parked_car_is_poisoning(engine, question, state):
    assert (engine.answer(question).status == EMERGENCY) == (state == "danger"), engine.answer(question).reason


@pytest.mark.parametrize("question, state", [
    ("有人被撞飞了 怎么办", "danger"),
    ("车头盖缝里往外钻白雾 越来越浓 闻着像烧塑料 俺媳妇和娃还在后座上", "danger"),
    ("娃娃的手卡在公交后门缝里了 司机好像没看见 车要走了", "danger"),
    ("路边停的车底下滴滴答答往下淌 闻着冲鼻子跟加油站一个味 车里坐着个人刚撞完懵着", "danger"),
    ("出租车司机突然歪过去了 车还在慢慢往前溜 我在后座 咋整", "danger"),
    ("前面两个车顶一块了 气囊都弹出来了 那个女司机一直摇头说眼前发黑看不清", "danger"),
    ("car flipped on its roof, a man hanging upside down in his seatbelt cant get out, smells like gasoline", "danger"),
    # a jam is no death; a hand caught a moment ago and fine is no one trapped
    ("前面全堵死了 走不动 咋办", "calm"),
    ("我手被车门夹了一下 没大事", "calm"),
])
def test_scenes_told_in_their_own_words(engine, question, state):
    assert (engine.answer(question).status == EMERGENCY) == (state == "danger"), engine.answer(question).reason


def test_smoke_drifting_in_a_tunnel_puts_119_first_not_a_death(engine):
    reply = engine.answer("隧道里前头车冒红光 烟往俺们这边飘 眼睛辣的睁不开 后面全堵死了")
    assert reply.status == EMERGENCY and reply.text.index("119") < reply.text.index("120")
    assert "death" not in reply.reason  # 全堵死了 is a jam, not a death


def test_a_question_set_aside_with_xian_bu_shuo_le_is_not_the_frame_of_harm_told_after(engine):
    reply = engine.answer("上次问你们电动车上派的事还没弄明白 先不说了 我儿子骑电动车摔了 脸着地 满嘴血 人迷糊")
    assert reply.status == EMERGENCY, reply.reason


@pytest.mark.parametrize("question, state", [
    # 哎呀 turns from the question asked to what is happening
    ("违法停车被拍了想问怎么处理 哎呀旁边那个车突然着了 火好大 还停着一排车", "danger"),
    ("哎呀 撞了人怎么办", "calm"),
    ("去年被撞了 哎呀 腿疼了好久 现在好了 能赔多少", "calm"),
])
def test_an_exclamation_sets_the_question_before_it_aside(engine, question, state):
    assert (engine.answer(question).status == EMERGENCY) == (state == "danger"), engine.answer(question).reason


@pytest.mark.parametrize("question, state", [
    # 谁来 alone is a plea for someone to come; who pays is asked with 谁来赔 / 谁来负责
    ("有个老汉过马路叫小轿车撞飞了 在忻州古城门口 司机也吓傻了 咋弄 谁来", "danger"),
    ("去年被车撞了 医药费谁来出", "calm"),
])
def test_who_will_come_is_a_plea_and_who_will_pay_a_question(engine, question, state):
    assert (engine.answer(question).status == EMERGENCY) == (state == "danger"), engine.answer(question).reason


@pytest.mark.parametrize("question, state", [
    # a fire or leak told as under way after a crash, then blame or money asked: the fire first
    ("油罐车在高速上侧翻了 漏油 味道很冲 我停在后面 这个要是我车被溅到了谁赔", "danger"),
    ("昨天刚年检完 今天开到半路发动机舱起火了 火苗子往外窜 这算不算检测站的责任", "danger"),
    ("问个保险的事 追尾以后地上淌了一滩油 汽油味很冲 先等保险公司来还是咋", "danger"),
    # a leak with no crash told is a fault to mend; a fire asked of in its own clause is the question
    ("车漏油了一点点 能开去修吗", "calm"),
    ("我的车起火了保险赔不赔", "calm"),
])
def test_a_fire_told_under_way_is_not_calmed_by_a_question_of_blame_or_money(engine, question, state):
    reply = engine.answer(question)
    assert (reply.status == EMERGENCY) == (state == "danger"), reply.reason
    if state == "danger":
        assert says_119_first(reply.text)


@pytest.mark.parametrize("question, state", [
    ("刚才炒菜油锅起火了 盖上锅盖就灭了 虚惊一场哈哈 顺便问下驾照快到期了 提前多久能去换", "calm"),
    # said out, then someone still inside: the harm told after it stands
    ("车头着火了 火灭了 可人还卡在驾驶室出不来", "danger"),
])
def test_a_fire_said_to_be_out_is_a_story_unless_harm_is_told_after(engine, question, state):
    assert (engine.answer(question).status == EMERGENCY) == (state == "danger"), engine.answer(question).reason


@pytest.mark.parametrize("question, state", [
    ("被困了 车门变形打不开 这事故是对方的错吧 他逆行", "danger"),
    ("刚刚一个大车把一个老太太卷到轮子边上了 人还在喘 你们管不管这个路口", "danger"),
    ("高速上追尾了 俺们几个都下车了站路上 后头车一个接一个过来 有个人胳膊断了 这个事故认定书啥时候出", "danger"),
    # stuck in a jam, cars parked near a crossing: no one trapped
    ("高速堵车被困了好久", "calm"),
    ("俺在道口边上圪蹴着等人 看见好几辆车就停在火车道口跟前 离道口多远以内不让停车", "calm"),
])
def test_trapped_pulled_under_or_hurt_at_a_crash_reported_then_something_else_asked(engine, question, state):
    assert (engine.answer(question).status == EMERGENCY) == (state == "danger"), engine.answer(question).reason


@pytest.mark.parametrize("question, state", [
    # signs of someone hurt, told as seen rather than named
    ("骑摩托的后生撞护栏上了 头盔都碎了 人在抽", "danger"),
    ("我是前车被后车追尾 按理说后车全责对吧 可我后座的老母亲刚才还跟我说话 现在靠那喘粗气 手冰凉 叫她就哼一声", "danger"),
    ("咋弄咧 俺们几个在繁峙那盘山路上 摩托滑出去了 俺兄弟躺沟里头 腿那么扭着 疼得直嚎 摩托倒是没甚事 保险能报不", "danger"),
    ("骑摩托的小伙让我别倒了 他说没事要走 可说话颠三倒四眼神发直 头盔都裂了", "danger"),
    ("car slid on ice and hit a pole my friend is shaking and confused and blood coming from his ear what do i do", "danger"),
    # the same words where nothing befell anyone
    ("头盔裂了还能戴吗 要换吗", "calm"),
    ("冬天手冰凉 开车握方向盘不得劲", "calm"),
])
def test_signs_seen_rather_than_named(engine, question, state):
    assert (engine.answer(question).status == EMERGENCY) == (state == "danger"), engine.answer(question).reason


@pytest.mark.parametrize("question", [
    "追尾了 我想问这种是不是后车全责 还有就是闻到一股很冲的汽油味 车底下有东西在滴 地上湿了一片",
    "汽油 一地 旁边有人抽烟 快来",
])
def test_fuel_dripping_or_spilt_after_a_crash_puts_119_first(engine, question):
    reply = engine.answer(question)
    assert reply.status == EMERGENCY and says_119_first(reply.text), reply.reason


@pytest.mark.parametrize("question, state", [
    # short clauses are sentences, each read on its own: the harm told is not framed by 先干啥 joined
    ("撞人了 人不说话 云中路 先干啥 扣分吗", "danger"),
    # a space after every word is one sentence, framed as a whole
    ("俺 问 一个事 撞了人 咋 算 破坏 现场 不", "calm"),
])
def test_short_clauses_are_not_read_as_words_typed_apart(engine, question, state):
    assert (engine.answer(question).status == EMERGENCY) == (state == "danger"), engine.answer(question).reason


@pytest.mark.parametrize("question, state", [
    # a routine question asked first, then danger noticed while asking
    ("就是蹭了一下 想问下怎么定责 但是闻着好大一股汽油味 车底下湿了一片", "danger"),
    ("車子撞到電線桿 人都還好 想問要不要通知保險公司 引擎蓋那邊有火光了", "danger"),
    ("晚上从忻州往五台跑 下坡的时候蹭了下护栏 我以为没啥就靠边停了 想打电话问保险 结果闻着一股焦糊味 后轮那块已经冒火苗了", "danger"),
    ("高速上被追尾了车还能走 想问能不能开到服务区再处理 后座老人说脖子疼 两只手发麻", "danger"),
    ("small crash, no one hurt, i just wanted to ask about insurance. actually there are flames under the front of the other car now", "danger"),
    # the topic's own smoke, and a story years ago, stay calm
    ("婚车车队放鞭炮 冒烟了 算违规吗", "calm"),
    ("前几年俺们那有个人开车撞了人 车还着了火 他扔下就跑了 后来判了 交通肇事逃逸一般判几年啊", "calm"),
])
def test_danger_noticed_after_a_routine_question(engine, question, state):
    assert (engine.answer(question).status == EMERGENCY) == (state == "danger"), engine.answer(question).reason


@pytest.mark.parametrize("question", [
    "隧道口摩托摔了 人滑出去十几米 头盔都裂了 趴着不动",
    "大桥护栏叫撞开了 一辆小车半个车身挂在桥外头 一晃一晃的 司机在里面一动不敢动",
    "高速上有个车泥行 开得飞快 对着我们车道过来了 刚刚差点撞上",
    "minor bump, everyone ok, do I call the insurer first or the police? wait my friend in the back is coughing up blood",
])
def test_more_scenes_told_in_their_own_words(engine, question):
    assert engine.answer(question).status == EMERGENCY


def test_a_long_message_typed_wholly_in_pinyin_is_read_to_its_end(engine):
    # past sixty letters the run is still cut into syllables: 躺在地上不动了 is read wherever it falls
    reply = engine.answer("gangcai zai huochezhan qianmian zhuang le yige laotaitai ta tang zai dishang "
                          "bu dong le zenme ban baoxian zenme suan")
    assert reply.status == EMERGENCY, reply.reason


@pytest.mark.parametrize("question, state", [
    # seen, heard and smelt rather than named
    ("俺店门口刚才咣的一声 出去一看送外卖的小伙子坐在地上 一条腿拐成个怪角度 脸煞白 直哼哼 咋弄咧", "danger"),
    ("我在路边卸快递 听见后面嘭一声 回头一个女的坐地上 裤腿湿了一大片红的 顺着鞋往下滴", "danger"),
    ("下着雨 路边一个骑手脸朝下趴在水坑里 水坑里的水是红的 他没翻身", "danger"),
    ("锅炉房门口大车倒车 一个老婆婆倒在车屁股旁边 还能说话 就是腿下面一滩深色的越来越大", "danger"),
    ("hi a man is lying next to his scooter near the big roundabout, not moving, his leg is bent the wrong way. what do i do", "danger"),
    # a crash seen days ago, everyone fine, then an everyday question
    ("前两天路过看见一辆车翻沟里了 早拖走了没人事 倒是提醒我驾照快到期了 提前多久能换证", "calm"),
])
def test_harm_seen_heard_and_smelt(engine, question, state):
    assert (engine.answer(question).status == EMERGENCY) == (state == "danger"), engine.answer(question).reason


def test_a_hand_waving_from_the_window_of_a_car_on_its_side_puts_119_first(engine):
    reply = engine.answer("一辆小车侧躺在路上 朝天的那个窗户里有只手一直在挥")
    assert reply.status == EMERGENCY and says_119_first(reply.text), reply.reason


@pytest.mark.parametrize("question", [
    # the question with harm in it is set aside (这个先不说, 说这干嘛); what is told after is now
    "假如没有交强险撞了人咋赔 这个先不说 现在地上那个人一直在抽搐 口吐白沫",
    "万一以后考驾照是不是要学急救啊 说这干嘛 眼前这个外卖小哥叫车撞了 小腿骨头都露出来了",
    # an 'if' that is a question of its own (警示牌放多远) supposes no harm told after it
    "假设在高速上车坏了警示牌放多远 我问这个是因为现在前面一辆小车撞了护栏车头起火了 司机躺在路边",
    "I asked you yesterday about insurance. now the car in front of me hit a pole and it is on fire, the driver is still inside",
])
def test_harm_told_after_a_question_set_aside_or_supposing_something_else(engine, question):
    assert engine.answer(question).status == EMERGENCY, engine.answer(question).reason


@pytest.mark.parametrize("question", [
    "快 忻府区长征街 电动车横在马路中间 头盔滚到对面去了 骑车的大姐坐着不说话 眼神直勾勾的",
    "路边有個老人坐地上 額頭上紅紅一片順著臉往下淌 旁邊是撞歪的護欄 怎麼辦",
    "my friend hit his head on the window when we spun, now he keeps asking the same question again and again. we are on the road to wutai mountain",
    "晚上黑的 雁门大道边沟里好像有个人 手电一照腿在外头 身子在草里 还有辆倒着的自行车 喊他哼了一声",
])
def test_a_dazed_or_bleeding_person_described_not_named(engine, question):
    assert engine.answer(question).status == EMERGENCY, engine.answer(question).reason


def test_diesel_all_over_the_road_and_a_driver_calling_from_the_cab_put_119_first(engine):
    reply = engine.answer("货车侧翻了 满路都是柴油 味道冲的很 司机还在驾驶室里喊")
    assert reply.status == EMERGENCY and says_119_first(reply.text), reply.reason


@pytest.mark.parametrize("question, state", [
    # fine at the time, signs once home
    ("俺妈过马路叫电三轮挂了一下 当时说没事没事 回家坐下就说可难活咧 头晕恶心吐了两回了", "danger"),
    ("今天在路口跟人家碰了一下 当时都说没事各走各的了 刚到家俺妈就说肚子胀 我一摸硬邦邦的 脸色越来越黄 她现在躺床上不想动 这算不算事故", "danger"),
    # a stroke at the wheel, a child hurt after thanks, a spill all over the road
    ("俺老汉开着车说话突然不利索了 半边脸耷拉下来 右手也抬不起来 车我给拽停在路边了", "danger"),
    ("学校门口那个护学岗挺好的谢谢交警 但是刚才一个孩子被倒车的车碰了 孩子在哭腿上有伤", "danger"),
    ("高速上油灌车侧翻了满地都是油 味道好冲 我们堵在后面 这个能不能开个证明算我迟到的理由", "danger"),
    ("help trapped in car", "danger"),
    # deaths feared of others' driving, not a death now
    ("高速上最高能跑120吗 老见有人开一百四五 看着都要出人命", "calm"),
    ("新手实习期能不能自己上高速 俺妈说会出人命的 不让我去", "calm"),
])
def test_signs_at_home_a_stroke_a_spill_and_deaths_only_feared(engine, question, state):
    assert (engine.answer(question).status == EMERGENCY) == (state == "danger"), engine.answer(question).reason


@pytest.mark.parametrize("question, state", [
    # a cry for help heard from someone at the scene is no sigh, whatever is asked beside it
    ("雾特别大啥也看不见 刚听见后面咣咣好几声 好像连环撞了 有人在喊救命 我们车停应急车道了 现在该干啥", "danger"),
    # a leak goes on when the cigarette beside it is out
    ("罚款我明天去交 现在我车在加油站边上撞了 油箱那漏油了 我刚才还在车里抽烟 烟已经灭了 现在咋办", "danger"),
    # smoke told as under way, then named again in an English question
    ("引擎盖一直冒黑烟 car is smoking what do i do", "danger"),
    # asleep only guessed at, after a driver seen slumped who does not answer
    ("有辆小车停在马路中间 司机趴方向盘上 敲窗户没反应 是不是睡着了啊", "danger"),
    # a child alone on a road with lorries passing, no adult about
    ("娃娃自己一个在国道中间走 大车呼呼的过 大人不知道在哪", "danger"),
    ("俺们开车到弯道上翻了沟里 人都出来了 就是我表弟一直吐 说头疼得厉害 后来就不怎么说话了", "danger"),
    # denied in pinyin as in characters
    ("guacengle meirenshoushang nengxianzouma", "calm"),
    ("wo meimei liuxue le", "danger"),
    # a fire said to be out is over; a child on the pavement with a parent is no danger
    ("孩子自己在马路上骑车 多大能骑", "calm"),
])
def test_cries_heard_leaks_and_guesses_at_sleep(engine, question, state):
    assert (engine.answer(question).status == EMERGENCY) == (state == "danger"), engine.answer(question).reason


@pytest.mark.parametrize("question, first", [
    # a fire seen now, between a topic announced and put off (先说年检)
    ("问个年检的事 我车好几年没检了 刚开着开着仪表台那冒烟 现在停路边了 机盖缝里能看见火苗 先说年检 补检要罚不", "119"),
    # a live wire on the car, whatever is asked after it
    ("下雨 电线断了耷拉在我们车上 我和我妈在车里 外面滋滋响 能不能开门下去", "119"),
    # animals, a confused old man, a car with no one in it, a bolting horse, a car coming the wrong way
    ("忻阜高速上有七八头牛在行车道上溜达 车都在猛打方向 眼看要顶上了", "122"),
    ("俺家老爷子糊涂了 这会儿在和平街十字路口当中站着不走 车一个劲按喇叭 俺在马路对面过不去", "122"),
    ("坡上停的一辆小车没人 自己往下溜了 下面就是幼儿园门口 一堆家长娃娃在那站着", "122"),
    ("七一路上一匹马惊了拉着板车乱跑 车上还坐个老婆婆 死死抓着车帮 路上车都在躲", "122"),
    ("高速上有辆车逆着开过来了 就在我们这条道上 打着双闪 咋整", "122"),
])
def test_scenes_told_plainly_a_wire_on_the_car_and_a_fire_put_off_by_a_topic(engine, question, first):
    reply = engine.answer(question)
    assert reply.status == EMERGENCY, reply.reason
    assert says_119_first(reply.text) == (first == "119"), reply.text[:40]


@pytest.mark.parametrize("question, state", [
    ("电动车电池鼓起来了 烫手 还吱吱响 就在楼道里充着电", "danger"),
    ("电池鼓包了还能用吗", "calm"),  # swollen, but nothing says it is heating now
])
def test_a_swollen_battery_heating_up_puts_119_first(engine, question, state):
    reply = engine.answer(question)
    assert (reply.status == EMERGENCY and says_119_first(reply.text)) == (state == "danger"), reply.reason


@pytest.mark.parametrize("question", [
    "there is a toddler alone on the ring road median in xinzhou barefoot no adults around cars flying past",
    "gaosu shang che huai le ren zhan zai chedao shang 好几辆车差点撞上",
])
def test_a_child_alone_in_traffic_in_english_and_a_person_in_the_lane_in_pinyin(engine, question):
    assert engine.answer(question).status == EMERGENCY, engine.answer(question).reason


@pytest.mark.parametrize("question, state", [
    # a collision told as 碰上了 (no longer masked as 'came across'), signs seen now, then a routine question
    ("今天本来去车管所办事 路上闯了个红灯估计要扣分 心情不好 结果出来在和平街口又跟一个骑车的碰上了 "
     "那小伙子现在还坐在地上捂着肚子直冒冷汗 我想问闯红灯扣几分", "danger"),
    # a hissing gas cylinder after a crash, the blame asked beside it
    ("追尾了 前车是个拉煤气罐的三轮 罐子倒了嘶嘶响 能闻到味 我要不要先拍照定责", "danger"),
    # smelt now, smoke in the stairwell, then the rules asked
    ("电动车在楼道里充电 现在闻着一股焦糊味 楼道里有烟了 想问问电动车充电有啥规定", "danger"),
    # the door will not open with people inside, in Chinese and in English
    ("我妹说她坐的网约车撞隔离带上了 车门变形推不开 她跟司机都在里头 前面还呼呼冒气", "danger"),
    ("car hit a pole theres smoke coming out of the front and the driver cant get his door open what do i do", "danger"),
    ("车屁股底下一窜一窜的红光 还噼啪响", "danger"),
    # calm: a fire only thought to be one; who pays when a lent car hit someone
    ("刚才还以为着火了 吓一跳 结果是路边人家烧秸秆的烟 没事 顺便问下忻州车管所周末上班不", "calm"),
    ("车借给表弟开 他把人撞了 俺这个车主要不要跟着赔", "calm"),
    ("碰上堵车了 急死了 还能掉头不", "calm"),
])
def test_collisions_told_as_meeting_hissing_leaks_and_fires_only_thought_of(engine, question, state):
    assert (engine.answer(question).status == EMERGENCY) == (state == "danger"), engine.answer(question).reason


@pytest.mark.parametrize("question, first", [
    ("高速上有个人在车道里晃来晃去 走路打摆子 大车一辆接一辆", "122"),
    # the handbrake not pulled is what 没 denies, not the rolling
    ("坡上一辆车没拉手刹自己往下溜 里头坐着个三岁娃 大人在后面追", "122"),
    ("跑气的出租车让人追尾了 后备箱那嘶嘶响 一股臭鸡蛋味 司机还坐车上", "119"),
    ("水库边上那车慢慢往水里溜 里头是老两口 门推不开", "119"),
    ("car accident someone hurt badly what do i do", "122"),
])
def test_a_lane_walker_a_rolling_car_a_gas_taxi_and_a_car_sliding_into_water(engine, question, first):
    reply = engine.answer(question)
    assert reply.status == EMERGENCY and says_119_first(reply.text) == (first == "119"), reply.reason


def test_a_badly_hurt_person_asked_about_in_general_in_english_stays_a_question(engine):
    assert engine.answer("what should i do if someone is badly hurt in an accident").status != EMERGENCY


@pytest.mark.parametrize("question, state", [
    # whether it is serious asked (严不严重) is no 'fine'
    ("学车的实习期能上高速不 刚在路口看一个小孩被电动车撞倒 后脑勺着地 孩子妈妈在那哭 不知道严不严重", "danger"),
    # a toddler in the road told place first, horns all round; a van rolling by itself; hands red in a tunnel
    ("和平街马路中间有个两三岁的娃娃自己在那站着 大人不知道哪去了 车喇叭按成一片", "danger"),
    ("坡上停的一辆面包车自己往下出溜 里头没人 坡底下就是学校门口 娃娃们正放学出来", "danger"),
    ("隧道里黑乎乎的前面两辆车顶在一起 一个人坐在隧道边上捂着脑袋 手上全是红的", "danger"),
    ("铁路道口栏杆都放下来了 一个老太太推电动车还在轨道中间 车轱辘卡轨道缝里推不动 远处火车一直鸣笛", "danger"),
    # only thought to be danger, or feared
    ("刚才打字时候以为车冒烟了 吓一跳 结果是路边有人烧纸 没事 接着问 驾照一年满分是多少分", "calm"),
    ("剛剛以為撞到人了 下車一看是個紙箱子 虛驚一場 順便問下 高速上車壞了 三角牌要放多遠", "calm"),
    ("電動自行車國標規定最高車速是多少 我家那輛跑得飛快 怕撞人", "calm"),
    ("is smoking allowed while driving", "calm"),
])
def test_whether_it_is_serious_asked_and_danger_only_thought_of(engine, question, state):
    assert (engine.answer(question).status == EMERGENCY) == (state == "danger"), engine.answer(question).reason


@pytest.mark.parametrize("question, first", [
    # the crash told before; a door crushed in and someone who cannot get out: trapped, no blow beside it
    ("下坡的时候车打滑撞到山上了 我和娃娃从后门爬出来了 他爸那边车门瘪进去了出不来 一直在喊我", "119"),
    # someone said to be in a seat of the car whose door will not open
    ("车侧翻了 车门打不开 我妈还在后座", "119"),
    # smoke told growing, then the insurance bought last month asked about
    ("车撞完了发动机盖那冒白烟 越冒越大 我上个月刚买的车险 这种保险能赔吗", "119"),
    # a neck that hurts and cannot be moved, beside a question about drink driving
    ("喝了两瓶啤酒开车撞护栏上了 副驾我兄弟说脖子疼一动不敢动 这算酒驾还是醉驾啊罚多少", "122"),
    # English typed without apostrophes
    ("car accident on the highway, my husband isnt responding when I talk to him. who pays for the ambulance", "122"),
    # the exam only sets the scene of where the writer was coming from
    ("考完科目三回来路上看见一辆大货车侧翻了 司机在驾驶室里喊腿卡住了出不来", "119"),
])
def test_a_crushed_door_a_seat_a_growing_smoke_and_a_scene_set_by_an_exam(engine, question, first):
    reply = engine.answer(question)
    assert reply.status == EMERGENCY and says_119_first(reply.text) == (first == "119"), reply.reason


@pytest.mark.parametrize("question", [
    "隧道口蹭了一下 就刮花点漆 俩人都没受伤 车要不要停那等交警 后面喇叭按得跟着火了一样",  # a figure of speech
    "My cousin was hit by a driver who ran away and the hospital bill is huge. Is there any fund that pays for the treatment first?",
    "俺姨家在代县 驾照换证前的体检在代县哪个医院能做",  # 家在 is where someone lives, no slip of 夹在
    "驾校模拟题 路上看见有人让车撞了躺地上 叫救护车的电话是多少来着",  # the topic of the whole message
])
def test_a_simile_a_bill_for_a_past_hit_a_home_and_an_exam_question_stay_calm(engine, question):
    assert engine.answer(question).status != EMERGENCY, engine.answer(question).reason


@pytest.mark.parametrize("question, first", [
    ("俺孙子叫车碰了 一直哭 腿不敢动 咋办", "122"),  # 叫车碰: hit; a leg that dare not move
    # a stomach that hurts after being hit is a sign that will not wait, whatever the law asked beside it
    ("我送外卖把一个老太太撞了 她坐地上说肚子疼 我会不会被拘留", "122"),
    ("充电桩上充着电的车底盘冒烟 还噗噗响 车主不在", "119"),  # a sound in the smoke's clause: under way
    ("我爸开着车突然嘴歪了 说话也不清楚 车停在路边了 接下来咋办", "122"),  # a face drooping at the wheel
    ("追尾以後聞到很濃的瓦斯味 司機還坐在裡面", "119"),  # 瓦斯: gas
    ("如果车自燃了保险赔不赔 我现在就是这情况 仪表台底下冒烟", "119"),  # the supposition said to be so
    ("shang ge yue chu guo shi gu, xian zai you bei zhuang le, tui hao xiang duan le", "122"),  # now again, in pinyin
    ("Last year we had a crash. Right now my son fell off his bike on the road, his arm is bent the wrong way", "122"),
])
def test_signs_sounds_a_drooping_face_gas_and_a_supposition_said_to_be_so(engine, question, first):
    reply = engine.answer(question)
    assert reply.status == EMERGENCY and says_119_first(reply.text) == (first == "119"), reply.reason


@pytest.mark.parametrize("question", [
    "Saw it in the news: how many hit-and-run cases did the police solve in 2024? just curious",
    "他火很大 骂了交警一顿会被罚吗",  # anger, not a fire
    "车里一股烟味 是不是有人抽烟了",  # cigarette smoke
])
def test_statistics_in_english_anger_and_cigarette_smoke_stay_calm(engine, question):
    assert engine.answer(question).status != EMERGENCY, engine.answer(question).reason


@pytest.mark.parametrize("question, first", [
    # typed without a break: the driver's 没事 is his, the children's harm the writer's
    ("我是老师带学生回来大巴让后面的车追尾了好几个学生磕到了有一个说肚子疼脸都白了司机说没事让我们走现在该怎么办", "122"),
    ("高速上胎没气了停在行车道上 后面的车一辆辆擦着过 我们一家还坐在车里", "122"),  # 了 closes what 没 denies
    ("认定书到现在还没拿到 今天又出事了 隧道里几辆车追尾 前头往外冒烟", "119"),  # now again after a complaint
    ("我爷骑三轮在辅道上和货车剐了 他现在说话都不清楚 咋办", "122"),
    ("请问驾照过期了还能开不 我爸刚跟人刮了一下 他说没事 可是说话不清楚 说半边身子发麻", "122"),
    ("娃他妈把娃忘在车里了 车在太阳底下晒了一上午 娃叫不醒", "119"),  # a child left in a hot car
    ("I wanted to ask if my licence is valid, but right now a man is lying in the road, he is not moving", "122"),
])
def test_harm_in_a_run_on_message_after_a_flat_tyre_a_complaint_or_an_asked_question(engine, question, first):
    reply = engine.answer(question)
    assert reply.status == EMERGENCY and says_119_first(reply.text) == (first == "119"), reply.reason


@pytest.mark.parametrize("question", [
    "学校门口那个路口老有车撞人 想让装个红绿灯 找哪个部门",  # what keeps happening there
    "我是那种见了血就晕的人 万一遇到事故有人受伤 司机首先该干啥",  # a trait, then a supposition
    "孩子骑电车摔过一回 膝盖血糊糊的 现在还想骑 多大能骑",  # lived through once
])
def test_what_keeps_happening_a_trait_and_a_fall_lived_through_stay_calm(engine, question):
    assert engine.answer(question).status != EMERGENCY, engine.answer(question).reason


def test_a_child_locked_in_who_sleeps_and_will_not_wake_puts_119_first(engine):
    # shut in before the sleep is told, not waking after it: no deep sleep
    reply = engine.answer("宝宝被反锁在车里睡着了 拍玻璃也叫不醒 车里好热")
    assert reply.status == EMERGENCY and says_119_first(reply.text), reply.reason
    assert engine.answer("孩子睡着了 叫不醒 能不能抱下车").status != EMERGENCY


@pytest.mark.parametrize("question, state", [
    ("高速应急车道上有个老人在走 还往中间车道拐 车嗖嗖的过 他好像糊涂了", "danger"),  # toward the live lane
    ("加油站有个车一打火 油枪那块呼的一下就起来了", "danger"),  # a fire flaring up
    ("油灌车测翻了 地上留的全是油 旁边还有抽烟的", "danger"),  # fuel all over the ground, typed with slips
    ("刚跟人蹭了一下 没人受伤 血都没流一滴 车能先挪开不", "calm"),  # not a drop of blood
    ("I know fire is 119, but what number do I call for a car crash?", "calm"),  # the fire number named
])
def test_a_confused_walker_a_flare_up_a_spill_and_blood_denied(engine, question, state):
    assert (engine.answer(question).status == EMERGENCY) == (state == "danger"), engine.answer(question).reason


@pytest.mark.parametrize("question, first", [
    ("我爸打电话说在国道上出车祸了 话没说完就没声了 再打也不接", "122"),  # 就 closes what 没 denies
    ("刚才让车擦了一下 现在头晕想吐 对方说私了给二百 行不行", "122"),  # 擦 is a collision
    ("车撞护栏了 发动机盖缝里往外冒黑烟 交强险能赔吗", "119"),  # the car burns, whatever is asked
    ("孩子骑车让三轮碰了 胳膊歪了 一直哭", "122"),
    ("公交车上有人的电瓶冒火花了 一车人都往下挤", "119"),  # 冒火花了 holds no 花了 (spent)
    ("高速上有个人逆着走 还摇摇晃晃的 车一辆辆擦过去", "122"),
    ("下长坡刹车不灵了 还在往下溜 前头就是村子 咋办", "122"),
    ("坐的大巴后头冒黑烟 司机还在开 车上好几十人 怎么办", "119"),
])
def test_signs_after_a_scrape_a_burning_car_asked_about_and_a_runaway_going_on(engine, question, first):
    reply = engine.answer(question)
    assert reply.status == EMERGENCY and says_119_first(reply.text) == (first == "119"), reply.reason


def test_a_light_touch_with_no_one_hurt_stays_calm(engine):
    assert engine.answer("被电动车轻轻碰了一下 没受伤").status != EMERGENCY


@pytest.mark.parametrize("question, state", [
    # smoke heard pouring out now, then an 'if' of worse to come in a later clause: the smoke is now
    ("前面车机盖里呼呼冒烟 这要是着了算谁的责任", "danger"),
    ("要是机盖里冒烟了算谁的责任", "calm"),   # the 'if' supposes the smoke itself
])
def test_an_if_after_a_fire_told_now_supposes_worse_not_the_fire(engine, question, state):
    assert (engine.answer(question).status == EMERGENCY) == (state == "danger")


@pytest.mark.parametrize("question, state", [
    # a topic asked of first (甚: Shanxi for 什么), then harm told now in clauses of its own
    ("甚时候能考科目一呀 俺在长途车上 车刚出了事 好几个人受伤咧", "danger"),
    ("甚时候能考科目一呀 听说考场上有人受伤过", "calm"),
    # 'fine' said by the one hit, then signs seen after 可是
    ("我撞到人咧 那人说没事要走 可是他走路一瘸一拐的 脸色也不对", "danger"),
    # breathing or colour that is wrong, said alone
    ("嘴唇发紫 不说话", "danger"), ("ta huxi bu dui", "danger"),
])
def test_a_question_first_or_fine_said_first_does_not_hide_harm_seen_now(engine, question, state):
    assert (engine.answer(question).status == EMERGENCY) == (state == "danger")


def test_pinned_in_a_cab_is_trapped_and_puts_119_first(engine):
    reply = engine.answer("货车翻了 司机压在驾驶室里头 叫不应")
    assert reply.status == EMERGENCY and reply.text.index("119") < reply.text.index("122")


@pytest.mark.parametrize("question, state", [
    # harm that will not wait, told two ways, then what the other party demands: still harm now
    ("我骑电瓶车让小车撞了 胳膊骨头都露出来了 对方非说是我闯红灯要我赔他修车钱", "danger"),
    ("大出血 这次修车", "calm"),                    # spending money, one word, no one named
    # 伤好 is healed; 受伤 好多血 is bleeding
    ("hurt 好多血", "danger"), ("去年出车祸受的伤好了 能考驾照吗", "calm"),
    # fine now, of harm told before it; harm told after it stands
    ("邻居家14岁的娃骑电动车摔了胳膊 现在好了 问下骑电动车到底得多大", "calm"),
    ("服了 现在好了 那边有辆车直接冲进人群了 好多人倒地上", "danger"),
    # a leg bent the wrong way after cars ran into each other; a voice that fades to breathing
    ("两个车怼一块了 有个后生坐地上 腿往外拐着", "danger"),
    ("俺老公刚打电话说撞了 说话断断续续的 后来就光剩喘气声了", "danger"),
    ("a man is lying in the lane not moving", "danger"),
])
def test_harm_read_through_what_surrounds_it(engine, question, state):
    assert (engine.answer(question).status == EMERGENCY) == (state == "danger")


def test_someone_pinned_under_an_overturned_tricycle_puts_119_first(engine):
    reply = engine.answer("三轮翻了把俺爷爷扣底下了 人起不来")
    assert reply.status == EMERGENCY and reply.text.index("119") < reply.text.index("122")


@pytest.mark.parametrize("question, state", [
    # injuries that will not wait, said the way people see them
    ("对方司机跑了 俺兄弟腿上皮都翻开了 白的都露出来了 医药费咋办啊", "danger"),
    ("骑电动车的小伙让公交蹭倒了 手腕子弯成个怪样子 他也没戴头盔 这个罚不罚", "danger"),
    ("撞了一下 人说头疼得不行 耳朵里往外渗水水 是先报警还是先去医院", "danger"),
    ("我老公开车犯癫痫了 车还停在路中间 他牙咬得死紧", "danger"),
    ("my dad got hit by a car, hes not talking just staring at nothing, do we need a police report for the insurance", "danger"),
    # a matter set aside (先别说了), then a fire with the driver still inside
    ("这得罚多少啊 哦不对先别说了 前面一辆货车撞护栏上了 车头冒黑烟 司机还在驾驶室里没出来", "danger"),
    # 晚上回村 says 'at night', not 上回 'last time'; 才能骑 asks whether one may ride
    ("晚上回村路上面包车侧翻 副驾那个老婆儿让座椅夹住腿弄不出来 我要帮忙把人拽出来万一出了事要不要担责任", "danger"),
    ("俺孙子十岁 天天骑他爷爷的三轮车 撞了人可咋呀 几岁才能骑三轮车", "calm"),
    ("车里有股汽油味 是不是油管漏了 去哪修", "calm"),
])
def test_harm_seen_now_and_what_only_resembles_it(engine, question, state):
    assert (engine.answer(question).status == EMERGENCY) == (state == "danger")


@pytest.mark.parametrize("question", [
    "地上一大摊油 汽油味呛人 两车撞一块里头人还坐着 要不要把车推开 推了算不算破坏现场",
    "想问一下 车撞了以后有股汽油味 底下滴滴答答流东西 现在还能不能开走 我们俩还坐车上呢",
    "俺爹的三轮让大车压住了 人在底下",
])
def test_fuel_smelt_or_dripping_after_a_crash_or_someone_under_a_vehicle_puts_119_first(engine, question):
    reply = engine.answer(question)
    assert reply.status == EMERGENCY and reply.text.index("119") < reply.text.index("122")


def test_a_question_first_then_someone_who_cannot_sit_up_is_an_emergency(engine):
    reply = engine.answer("问个事车险理赔要带啥材料 我现在在路边 对面那个老汉一直说头疼看东西重影 坐都坐不稳")
    assert reply.status == EMERGENCY


@pytest.mark.parametrize("question, state", [
    # a door that will not open, someone inside knocking: trapped, 119 first
    ("今早路上全是冰，一辆小车滑过去卡在两辆大车中间，车门变形了开不开，里面的女的一直在拍窗户", "fire"),
    ("car slid into a ditch on the snowy road, strong smell of petrol, the driver can't open his door and is knocking on the window", "fire"),
    # 为了赶紧: the haste of something done in a supposed case, not a moment told
    ("要是撞了人，为了赶紧送医院把车挪开了，事后交警会不会说我破坏现场？法律上应当怎么做", "calm"),
])
def test_shut_in_behind_a_door_is_read_and_a_haste_meant_is_no_moment(engine, question, state):
    reply = engine.answer(question)
    if state == "calm":
        assert reply.status != EMERGENCY
    else:
        assert reply.status == EMERGENCY and reply.text.index("119") < reply.text.index("122")


@pytest.mark.parametrize("question, state", [
    ("人好像不太行了", "danger"),
    ("考了三次还没过 人好像不太行了", "calm"),
    # sleepy and lapsing after a fall, asked whether it is normal: it will not wait
    ("我弟弟骑车摔了，没外伤，就是一直说想睡觉，叫醒了又迷糊过去，这正常不", "danger"),
    ("昨晚加班太晚 叫醒了又睡过去 今天上班迟到被罚了", "calm"),
    ("Hi, quick question about insurance claims for a rental car in Xinzhou... actually the guy we just hit on Heping "
     "Street isn't answering when we talk to him. He's breathing but his eyes are closed.", "danger"),
    # a reward for reporting a hit-and-run is asked about, no one is lying there
    ("Is there a reward in Xinzhou for reporting a hit-and-run driver? How much money do they pay?", "calm"),
])
def test_a_life_in_doubt_said_plainly_or_in_english_and_its_look_alikes(engine, question, state):
    assert (engine.answer(question).status == EMERGENCY) == (state == "danger")



def test_english_can_you_is_no_pinyin_of_a_leak(engine):
    # can you was read as the pinyin of 淌油 (fuel running): a question about points got the fire reply
    reply = engine.answer("Can you tell me how many points I have on my licence right now in this cycle, and how many I have left?")
    assert reply.status != EMERGENCY


@pytest.mark.parametrize("question", [
    # spaces between words, not between clauses
    "代县 108国道 摩托车 和 三轮 撞了 两个人 都 倒在 路上 一个 不 说话",
    # the car still drives: said of the car, it asks nothing of a licence
    "追尾的时候我老婆头撞到前挡玻璃上了 现在一直吐 说头晕得厉害 我们在雁门大道上 车还能开 是自己送医院还是在这等",
])
def test_danger_spaced_word_by_word_or_told_beside_the_cars_state_is_caught(engine, question):
    assert engine.answer(question).status == EMERGENCY


@pytest.mark.parametrize("question, state", [
    # stopped in a live expressway lane with traffic streaming past, or people still inside: the
    # danger is now, even asked as 怎么办 (spaced, in pinyin, in English)
    ("高速 上 车 抛锚 了 停在 行车道 上 后面 车 一直 过 怎么办", "danger"),
    ("gaosu shang che huai le ting zai zhongjian chedao 后面大车嗖嗖地过 wo men hai zai che li", "danger"),
    ("Car broke down on the expressway at night, stuck in the middle lane with 2 kids inside, what should I do??", "danger"),
    # the cars streaming past or the people inside told in a clause of their own
    ("请问一下，我们车在高速上抛锚了，现在停在中间车道，人还都坐在车里，后面车一辆接一辆擦着过去，这种情况该怎么办", "danger"),
    ("gaosu shang che huai le ting zai chedao zhongjian hou mian che dou kai de hen kuai zenme ban", "danger"),
    # stopped in a live expressway lane and asking what to do: danger now, whatever else is told
    ("高速上車子拋錨了 停在超車道上 下著雪看不清後面 怎麼辦", "danger"),
    ("Our car died in the middle lane of the expressway near Xinzhou, kids in the back, trucks flying past us", "danger"),
    # broken down on the expressway, in no lane: the knowledge answers what to do
    ("高速上车抛锚了怎么办", "calm"),
    # a past breakdown, the distance of the triangle asked
    ("last time my 三轮汽车 broke down at night on the village road and almost got hit from behind. "
     "how far behind should I put the warning triangle?", "calm"),
])
def test_a_car_stopped_in_a_live_expressway_lane_with_traffic_passing_is_now(engine, question, state):
    assert (engine.answer(question).status == EMERGENCY) == (state == "danger")


@pytest.mark.parametrize("question, state", [
    # English help is a cry where it begins or ends its clause, a verb inside a sentence
    ("How many families did the rescue fund help in 2024?", "calm"),
    ("we crashed help", "danger"),
    ("Help, my friend is not moving", "danger"),
    # a kettle's steam is no car on fire
    ("水开了壶嘴直冒烟我还在看12123，一个记分周期满分到底是多少分来着", "calm"),
    ("车头冒烟了 水壶还在灶上", "danger"),
    # an old sports injury in a cast, asked about moving an exam
    ("My hand got hurt playing basketball, the cast comes off next month. Is there a Xinzhou phone number I can call "
     "to move my road test date?", "calm"),
    # a matter put off (回头再说) frames no harm told beside it
    ("本来想问问驾照到期换证要带啥 走到半道看见一个老太太躺在路中间 她头上有血 叫她也不答应 换证的事回头再说吧 我现在该咋办", "danger"),
])
def test_a_cry_a_kettle_and_a_matter_put_off_are_read_as_meant(engine, question, state):
    assert (engine.answer(question).status == EMERGENCY) == (state == "danger")


@pytest.mark.parametrize("question", [
    # money the family cannot come up with (拿不出来) is nobody trapped, whatever the typo repair hears
    "我妈上个月晚上在路边被一辆车撞了，司机跑了到现在也没找到。医院那边押金交了好几万，家里实在拿不出来了。这种情况医药费有没有地方能先给垫上？",
    # a clearance rate asked in English: statistics, not a hit told now
    "Is it true every hit-and-run case in Xinzhou got cracked in 2024? What was the clearance rate?",
])
def test_money_not_found_and_a_clearance_rate_asked_are_calm(engine, question):
    assert engine.answer(question).status != EMERGENCY


@pytest.mark.parametrize("question, first", [
    # a door that will not open after a crash, people inside told in another clause: trapped
    ("校車撞了，車門打不開，裡面好多孩子在哭", "119"),
    # a tanker's valve seeping with a sharp smell; the same in English
    ("您好，我是危险品运输车司机，刚才在高速上与前车发生刮擦，罐体阀门处有液体渗出，闻到刺鼻的气味，请问我现在应该怎么处置？", "119"),
    ("Tanker truck crashed on the expressway, strong chemical smell, liquid leaking onto the road, people nearby feel dizzy", "119"),
    # someone pinned, typed a word at a time: read whole, 119 first
    ("车 翻了 人 压在 下面", "119"),
    # a child's breathing gone strange after a fall
    ("孙女刚开始还哭，现在不哭了，脸白得吓人，喘气一下一下的不对劲", "122"),
])
def test_shut_in_after_a_crash_a_seeping_tanker_and_strange_breathing(engine, question, first):
    reply = engine.answer(question)
    assert reply.status == EMERGENCY, reply.reason
    assert reply.text.index(first) <= min(reply.text.index("119"), reply.text.index("122"))


@pytest.mark.parametrize("question", [
    # 到底 spelled daodi is far more common than 倒地
    "xinzhou diandongche guapailv daodi you duoshao a",
    # what a fall without a helmet would do, supposed
    "俺们忻州城里骑电驴戴头盔的能有多少？不戴摔一跤就头破血流咧",
])
def test_a_common_word_in_pinyin_and_a_fall_supposed_are_calm(engine, question):
    assert engine.answer(question).status != EMERGENCY


@pytest.mark.parametrize("question, state", [
    # blood told by what is seen; smoke told with 着 inside it, 119 first
    ("俺家门口圪梁上一个后生骑摩托栽下来咧 脑袋底下洇出来一片红的 眼睛半睁着 咋弄呀", "danger"),
    ("车冲到路边的坡下去了，车头现在冒着白烟，我妈在后座叫不应", "fire"),
    # a head about to burst with exams, stuck in the probation period, stuck abroad: figures of speech
    ("驾照满六年换证会换成几年的？换证最早能提前多久办？搞得我头都要炸了", "calm"),
    ("俺娃刚考下本本，这阵子卡在实习期里咧，实习期到底是多长时间？", "calm"),
    ("My licence expires next month and I'm stuck abroad for work. How many days before expiry can I renew it?", "calm"),
    # a case file, a count of cars, deaths counted in English: records and statistics
    ("我爸那起死亡事故的案卷在忻府区交警大队 事故处理中队在哪条街 几点上班", "calm"),
    ("2024年忻州一共有多少辆车在高速上起火自燃？", "calm"),
    ("Heard traffic deaths in Xinzhou dropped in 2024. How many fewer people died than the year before?", "calm"),
])
def test_harm_seen_indirectly_and_figures_records_and_counts(engine, question, state):
    reply = engine.answer(question)
    assert (reply.status == EMERGENCY) == (state != "calm"), reply.reason
    if state == "fire":
        assert reply.text.index("119") < reply.text.index("122")


@pytest.mark.parametrize("question, state", [
    # a tanker over, leaking, someone hurt, told in Chinese, English and pinyin, then 怎么办: this one
    ("油罐车翻了 leaking fuel 在路中间 ren ye shou shang le 怎么办", "fire"),
    ("油罐车翻了漏油在路中间怎么办", "fire"),
    # 高数 typed for 高速, 超车到 for 超车道: stopped in a live lane all the same
    ("车坏在高数中间车道上了打了双闪我跟孩子下车站在车边上后面车呼呼的过", "danger"),
    ("高速上车抛锚了停在超车到上，后面大车呼呼的，我们咋办，急", "danger"),
    # 开着没咧 asks whether the camera is on (咧 is 呢 here): no one has died
    ("俺在忻州七一路和和平街那个路口闯了个红灯，那个路口的摄像头到底开着没咧？", "calm"),
    # the points for leaving after injuring someone, asked of the rule
    ("請問撞傷人之後逃逸但還不構成犯罪的 駕照一次記幾分", "calm"),
    # a crash a while ago (前阵子), told after a question about headlights
    ("想问一下，晚上在县道上跟对面车会车，离多远就得把远光换成近光？前阵子村里有人就是被远光晃了眼撞了树", "calm"),
])
def test_round_88_mixed_scripts_typed_lanes_and_asking_particles(engine, question, state):
    reply = engine.answer(question)
    assert (reply.status == EMERGENCY) == (state != "calm"), reply.reason
    if state == "fire":
        assert reply.text.index("119") < reply.text.index("122")


@pytest.mark.parametrize("question, state", [
    # a cry typed over and over, then who is there
    ("火火火 车里有人 车里有人", "fire"),
    # meant to ask about the inspection, then a crash in front: what befell is now
    ("我在忻州高速口这边等人本来想顺便问下年检的事结果前面一辆小车撞护栏了开车的女的满脸是血坐地上发呆叫她她也不理人怎么办", "danger"),
    # a gas cylinder hissing after a crash, the cylinder named clauses before
    ("俺替俺姐发的，她不咋会打字。俺姐夫拉液化气罐去镇上，半道上车让人顶了，罐子滚了一地，有一个呲呲往外漏气，他自个儿没咋，问俺该咋办，要不要先把罐子扶起来？", "fire"),
    # a tanker over, spelled in pinyin; an e-bike's battery smoking, in English
    ("wo zai gao su shang, qian mian yi liang you guan che fan le, you yi zhi wang di shang liu, wo men gai zen me ban", "fire"),
    ("My neighbour's e-bike got hit by a car at the crossing, the battery under the seat is smoking and making popping sounds. 快回", "fire"),
    # a tyre losing air, smoking while driving: calm
    ("轮胎往外漏气了 还能开吗", "calm"),
    ("Is smoking while driving illegal?", "calm"),
    # the sigh typed with a slip, a question after it; a pedestrian hit, the police already judged
    ("救名 驾找丢了 补办要几天", "calm"),
    ("我爸开车正常直行，一个行人突然闯红灯跑出来被刮倒了，交警说我爸没责任，那他还要赔钱吗？", "calm"),
])
def test_round_90_repeated_cries_interrupted_errands_hissing_cylinders_and_settled_cases(engine, question, state):
    reply = engine.answer(question)
    assert (reply.status == EMERGENCY) == (state != "calm"), reply.reason
    if state == "fire":
        assert reply.text.index("119") < reply.text.index("122")


@pytest.mark.parametrize("question, state", [
    # stopped in a live lane, in English and in pinyin; someone lying in the lane, half in pinyin
    ("My car just died in the middle lane of the expressway, it's dark and trucks keep flying past me, what do I do right now?", "danger"),
    ("wo de che zai gaosu chaochedao tingxia le, da huoche yizhi ca guoqu, tian quan hei le", "danger"),
    ("gaosu shang zhuangche le, 一个人 tang zai chedao li, 后面车还在过", "danger"),
    # a tree fallen across the road is no one lying there
    ("有一棵树倒在路中间 挡住了路", "calm"),
])
def test_round_91_live_lanes_and_people_lying_in_them_in_english_and_pinyin(engine, question, state):
    reply = engine.answer(question)
    assert (reply.status == EMERGENCY) == (state != "calm"), reply.reason


@pytest.mark.parametrize("question", [
    # a live-lane stop typed a word at a time, single characters and all (clauses join them)
    "高速 爆胎 停 在 超车道 上 了 一家人 都 还 坐 在 车上 咋办",
    # petrol leaking now, in English, whatever is asked after it
    "My car is leaking petrol after the crash, strong smell everywhere, what do I do",
    # a car broken down (瘫在) in the middle lane, in pinyin
    "wo de che xianzai tan zai gaosu zhongjian chedao shang le, dong bu liao, houmian che dou kai de hen kuai, zenme ban",
])
def test_round_92_a_stop_spelled_word_by_word_and_a_leak_going_on_in_english(engine, question):
    assert engine.answer(question).status == EMERGENCY


@pytest.mark.parametrize("question, fire_first", [
    # a danger word typed in pinyin beside Chinese that could end another word (充电 qi → 充电器)
    ("diandongche 充电 qi huo 了 在 楼道 里", True),
    # petrol dripping now, from under the boot
    ("追尾 了 houbeixiang 底下 在 滴 qiyou 闻着 好冲", True),
    # broken English: no answer when called, not waking up
    ("my friend fall from motorbike, I call his name no answer, eyes closed", False),
    ("delivery guy crash into pole he not wake up what i do now", False),
    # stopped in a live lane of the expressway, in English and in the middle (停在中间) or the rightmost lane
    ("on highway near Xinzhou now, car stopped in the lane, engine dead, can't move it, big trucks passing very close", False),
    ("在高速上车坏了停在中间 后面车嗖嗖的过", False),
    ("俺头一回上高速，走到半道车突然没劲了，停在最右边那个道上了，后头大车呜呜地从旁边过，俺现在该咋整？", False),
])
def test_round_93_pinyin_beside_chinese_dripping_fuel_broken_english_and_lanes(engine, question, fire_first):
    assert_caught(engine, question, fire_first)


@pytest.mark.parametrize("question", [
    "加油的时候汽油滴了一滴在手上 要紧吗",
    "高速服务区里车停在中间那排车位 会被罚吗",
    "明天要跑长途 高速上最右边那条道是不是应急车道",
])
def test_round_93_calm_words_near_the_new_danger_phrases_stay_calm(engine, question):
    assert engine.answer(question).status != EMERGENCY


@pytest.mark.parametrize("question, fire_first", [
    # told by what it sounds, smells and looks like
    ("Guy on a motorbike went down right in front of me, helmet's cracked and he's making gurgling noises. What do I do??", False),
    ("开着开着闻到一股烧橡胶的味儿，越来越冲，车还在高速上走着，咋办", True),
    ("There's a crackling noise under the bonnet after the crash and it smells like melting plastic. The engine's still running.", True),
    ("下穿桥底下水涨到车门一半了 车熄火了 门推不开", True),
    ("Car slid into a flooded underpass, water is up to the windows and the doors won't open, my mum's in the back seat!", True),
    ("撞了门开不了", True),
    # live lanes: the innermost lane, a trailer across the road, someone running across it
    ("咱这高速上车胎爆咧，车停在最里头那条道上，天黑透了，车上坐着俺娃和俺妈，咋弄咧", False),
    ("卧槽前面一辆大挂车横在高速上了,三条道全堵死,黑灯瞎火的后面的车还在往上冲", False),
    ("刚才一个女的从应急车道下来在高速上往对面跑 看着精神不太对 我该打电话给谁", False),
    # English words between the danger words carry none (the, and, still, in)
    ("My neighbour just called me, his car broke down on the expressway and he's still sitting in it in the middle lane. What should he do right now?", False),
    ("fire on the car in tunnel, people inside, please help", True),
    # a crash now, told in pinyin: the scene (坐在路边), the little words (de ren yizhi, wo de tui)
    ("accident on gaosu, liang liang che zhuang zai yiqi, you ren shoushang zuo zai lu bian, what should i do", False),
    ("dianpingche he qiche zhuang le qi dianpingche de ren yizhi bu dong wo xianzai gai zenme ban", False),
    ("jiuming a, che fan dao gou li le, wo de tui bei ya zhu le chu bu qu", True),
    ("chehuo ren tang di", False),
    # 不是做梦: what follows is real
    ("不是做梦是真的我爸刚开车出事了现在人迷迷糊糊叫不醒", False),
])
def test_round_94_danger_told_by_its_signs_lanes_and_english_and_pinyin_scenes(engine, question, fire_first):
    assert_caught(engine, question, fire_first)


@pytest.mark.parametrize("question", [
    "高速上几条道该走哪条",
    "how many points for sitting in the middle lane of the expressway",
    "两车相撞有人受伤怎么处理",
    "wo tang di kao jia zhao le",
])
def test_round_94_questions_near_the_new_danger_words_stay_calm(engine, question):
    assert engine.answer(question).status != EMERGENCY


@pytest.mark.parametrize("question", [
    # a rare reading of a character is not how it is typed (xu ke is 许可, not 休克; xiang … xue no 见血)
    "hi, I'm a foreign tourist going to wutaishan, wo you guowai jiazhao, zhi duanqi tingliu, linshi jiashi xuke youxiaoqi duojiu?",
    "xin zhou na ge jia xiao jiao de hao? xue C1 duo shao qian, wo xiang hao hao xue ying ji chu zhi na ke",
    # fire drills, hydrants and fire engines are no fire
    "We had a fire drill at work and the safety guy said don't park next to fire hydrants. How many meters away is the legal limit for stopping a car?",
    "Fire trucks with sirens on: may they run red lights, and what must I do when one comes up behind me?",
])
def test_round_95_calm_pinyin_and_english_stay_calm(engine, question):
    assert engine.answer(question).status != EMERGENCY


def test_round_95_a_hissing_cylinder_on_a_hit_tricycle_puts_119_first(engine):
    reply = engine.answer("A tricycle carrying gas cylinders got hit at the crossroad, one cylinder is hissing, people standing around, help")
    assert reply.status == EMERGENCY and says_119_first(reply.text), reply.reason


@pytest.mark.parametrize("question, state", [
    # people filming a scene is no video watched: a bystander at a crash happening now
    ("我刚在小区门口等人，看见一辆网约车拐弯时把一个过马路的老太太撞了，老太太躺在地上说不出话，旁边围了好多人都在拍视频没人管。我不是当事人，我现在能做什么？", "danger"),
    # a video watched still frames what it shows
    ("电动车进电梯着火的视频", "calm"),
    ("网上视频说有人被车撞飞 是哪里", "calm"),
])
def test_round_95_a_scene_being_filmed_and_a_video_watched(engine, question, state):
    assert (engine.answer(question).status == EMERGENCY) == (state == "danger")


@pytest.mark.parametrize("question, fire_first", [
    # round 96, the after-measure: a car on fire now, in English, asked what to do
    ("Car on fire in the underground car park, smoke everywhere, what do I do", True),
    # no response at all (一点反应都没有) from someone lying by his e-bike
    ("晚上下班开车回村，看见沟边倒着一辆电动车，骑车的男人头盔掉在一边，我喊了他半天，他有气但是一点反应都没有，我现在第一步该干啥？", False),
    # 圪蹴在 (dialect: stuck, squatting) in the second lane of an expressway
    ("俺在高速上车子圪蹴在第二条道上不动咧，后头的车嗖嗖地过，俺该咋办", False),
])
def test_round_96_fire_now_in_english_no_response_at_all_and_a_dialect_stop(engine, question, fire_first):
    assert_caught(engine, question, fire_first)


@pytest.mark.parametrize("question", [
    "what should I do if my car is on fire",
    "12123 app 点了一点反应都没有 咋回事",
])
def test_round_96_a_supposed_fire_and_an_unresponsive_app_stay_calm(engine, question):
    assert engine.answer(question).status != EMERGENCY


@pytest.mark.parametrize("question, fire_first", [
    ("truck hit our minivan on expressway, we all stand in the lane, car is dead, no emergency lane here, what do", False),
    ("My dad crashed his car, he is sitting on the curb holding his chest and can barely breathe. Call 120 or 122 first? And should we move the car?", False),
    # broken English: fire car is a car on fire
    ("fire car help", True),
])
def test_round_96_english_lanes_breathing_and_a_fire_word_before_another(engine, question, fire_first):
    assert_caught(engine, question, fire_first)


@pytest.mark.parametrize("question, fire_first", [
    # round 97: smoke pouring out now (往外冒烟), then whom to call asked after a polite opener
    ("问一下，车停在路边熄火了，引擎盖那边往外冒烟，还有股糊味，要打哪个电话？", True),
    # English: a leg stuck and doors that will not open are someone trapped
    ("my dad just called, his car slid into a ditch on the mountain road, it's lying on its side and he says he can't open either door, his leg is stuck", True),
    # someone standing beside a car stopped on the expressway while traffic rushes past
    ("高速上停车了 后面车嗖嗖的过 老公还在车边站着 咋办咋办", False),
    # round 98: harm told as having happened, then which number first asked beside insurance
    ("被追尾了脖子疼得转不了头，后座孩子额头磕破了一直在哭，先打120还是先报保险？保险能赔吗", False),
    # a battery heating up now, in a lift with people inside
    ("电梯卡在两层中间了，里面有人还推着一辆电动车，电瓶在发烫，有股怪味", True),
    # a car in a ditch, spaced word by word; the writer's own dizziness says someone is inside
    ("车 掉 沟里 了 门 打不开 我 头 好晕", True),
    # round 99: a door bent shut after a crash, someone still inside (119 first)
    ("追尾以后车门变形了打不开，后排还坐着我闺女", True),
    # unsure whether it counts as urgent is this moment's doubt, not a question about rules
    ("不知道这算不算紧急 刚才被电动车撞了 头晕还想吐", False),
    # smoke told plainly, then a serious question: the smoke stands
    ("车头冒烟了 问个正经的 保险赔不赔", True),
    # round 100: someone got out of a car and stands in an expressway lane (车站 in 下车站在 is no station)
    ("雾很大 高速上有人下车站在车道里 后面的车看不见他", False),
    # a car stopped in the leftmost lane, typed in pinyin
    ("gaosu shang you liang che tingzai zui zuobian chedao, wu hen da", False),
    # a car on its roof, its doors shut, people inside (119 first)
    ("我们在车里 车翻过来了 门打不开", True),
    # round 101: a question set aside (先不说这了), then someone knocked down and bleeding
    ("想问问罚款在哪交。哎先不说这了，俺刚把一个骑车的后生刮倒了，他腿上流了好多血", False),
    # spaced word by word: a question, then 另外 and a car stopped in a live lane on the expressway
    ("问一下 罚单 可以 在 12123 上 交吗 另外 我 现在 在 高速 上 车 坏了 停在 行车道 上 挪不动 天快黑了", False),
    # no punctuation: a licence question, then a gas tank leaking from an overturned tricycle (119 first)
    ("想问下驾照咋考在哪报名现在我们村口一辆拉液化气罐的三轮翻了有个罐子在嘶嘶漏气", True),
    # someone standing in a lane with traffic streaming past, on any road
    ("雪天打滑横在中间车道了 司机下来站在车道上打电话 后面车一辆接一辆", False),
    # round 102: a bare 撞了 is an accident told, so a slip of 流血 is heard after it
    ("撞了 她腿上一直在留学 按着也不管用", False),
    # a call to 122 no one answers, typed in pinyin, is this moment
    ("zhuangche le you ren shoushang, da 122 mei ren jie", False),
    # a door that will not open (开不了) after hitting a guardrail, someone inside (119 first)
    ("车撞到护栏上了 车门开不了 我妈还在里面", True),
    # English: a smell of gas after a crash (119 first)
    ("we crashed into a truck and there is a smell of gas everywhere", True),
    # round 103: someone just pulled out of a wreck, or got out and not waking, still needs help
    ("车翻沟里了 人被困在里面 刚拽出来了", True),
    ("车门变形人被困 救出来了 可人叫不醒", True),
    # round 104: what is seen and heard — a leg at a strange angle (English leg), a child screaming
    # after a crash, water coming into the car (119 first), fire spreading into the stairwell
    ("他的 leg 弯成好奇怪的角度 not moving", False),
    ("刚追尾了 后排孩子一直尖叫", False),
    ("water is coming into the car and rising fast", True),
    ("电瓶车在楼下充电起火了烟很大还往楼道里窜物业要不要赔", True),
    # round 106: a slip of 流血 heard right after the body part it runs from (头留雪, no 上 between)
    ("我爸手上了 额头一直留雪", False),
    # a car stopped inside a live expressway lane (车道里面), in Chinese and in pinyin
    ("高速上爆胎了 车停在车道里面 天黑了", False),
    ("gaosu shang baotai le che ting zai chedao li mian", False),
    # round 109: smoke and a petrol smell after a crash, then what to do now, with no break (119 first)
    ("小区里我的车被撞了前面冒烟还有汽油味对方全责吧我现在要先干嘛", True),
    # mending told (在家养着), then a 'but' and harm now
    ("昨天被车撞了 现在在家养着 可是一直吐血", False),
    # round 110: stuck in a flooded underpass (困在涵洞), typed a character at a time (119 first)
    ("车 困 在 涵洞 水 里 出 不 来 水 在 涨", True),
    # round 111: someone lying there with hardly a response (没什么反应), then 'usually, what do I do'
    # in a clause of its own: what to do now, not the rule
    ("路口有个老大爷摔倒了 躺地上没什么反应 一般该咋办", False),
    # round 113: a fire told as under way, a scene, then the law asked, typed on with no break (119 first)
    ("隧道里前车着火了烟呼呼往这边飘我们被堵在后面车出不去我要不要下车跑这算不算违法停车", True),
    # round 114: blood said first, then how much (血好多), the blood in pinyin, then a cry
    ("xue 好多 救", False),
    # round 115: a bus's door buckled shut and people climbing out of its windows (119 first)
    ("高速服务区门口大客车追尾了 前门变形打不开 车上几十个人 有人从窗户往外爬", True),
    # round 116: a question first, then harm whose words name the person (人晕了) in a clause of its own
    ("驾照被扣了还能开车不 人晕了", False),
    # someone pinned, then the insurance and the licence asked, typed on with no break (119 first)
    ("车翻了人压在下面出不来保险怎么报驾照会不会吊销", True),
    # round 117: a battery smoking and fizzing now, then whom to turn to (找谁) (119 first)
    ("電動車停樓道裡充電呢 電池那塊滋滋響還冒煙 這個該找誰", True),
    # a gas cylinder overturned, and a bare 漏气 in a clause of its own (119 first)
    ("三轮上的液化气罐翻了 漏气", True),
    ("液化气罐翻了，漏气", True),
    # round 119: a message typed in pieces; a piece that only turns to another matter (等等, 二,
    # 还有) or takes the question back (不问了, 哦不是) starts what is told next afresh
    ("那个,,我想问,就是,驾照,换证,要,带啥,,哎,等等,前面,有人,躺,地上,,摩托车,倒了,人不动", False),
    ("两个问题,一,酒驾,咋罚,二,嗯,我朋友,喝了酒,骑摩托,刚摔了,脸上,全是血,他说没事,要不要,叫救护车", False),
    ("俺想问个事,就是,年检,哦,不问了,前头,翻了个车,四轮朝天,里头,有人,出不来,咧", True),
    ("我想问那个违停罚款交哪哦不是前面大巴车冒黑烟了后面好像着火了人还在上面", True),
    ("对了，那个，罚款，还没交。哦，还有，车，冒烟了。", True),
    # pinyin in pieces: each Latin word counts as one spoken piece, and the pieces are joined apart
    ("na ge, jiu shi, you ren, bei, huo che, zhuang le, tang zai, lu bian, bu dong", False),
    # round 120: danger told by its signs, then a routine question — someone talking nonsense beside
    # a fallen e-bike (车倒着 tells what befell him); 当时 pointing back to the moment just told; 'fine'
    # insisted on by the one hurt (非说没事); the water level told with 现在; a seat belt that will not
    # open (119 first); the same question asked over and over, in English
    ("俺村口有个老汉坐在马路牙子上抱着头，说话颠三倒四的，旁边电动车倒着，问他也说不清咋回事，这算谁的责任咧？", False),
    ("下车一看路边沟里有辆自行车，一个男的躺在那儿呼哧呼哧喘粗气，叫他也不答应。我当时车灯是开着的，这种情况是不是他也有责任？", False),
    ("电动车追尾以后，我婆婆说胸口闷得厉害，一直冒冷汗，她非说没事要回家，我们是不是得先去交警队定责？", False),
    ("车熄火了，现在水已经到车窗下面了，车窗按不下去，后排还有俩孩子。我想问问这种泡水车发动机坏了保险给不给赔？", True),
    ("我妹妹说她车撞上护栏以后仪表台那边冒火星，安全带解不开，她问要不要先给4S店打电话", True),
    ("Motorbike slid on gravel, my buddy's helmet is cracked and he keeps asking the same question over and over. Should we just ride home?", False),
    # round 122: harm told first, then another time told with 也 (去年俺们村也出过这种事) — that was then,
    # this is now
    ("村口路上有个骑电动车的老汉被三轮撞了躺着不动，叫他也不答应，去年俺们村也出过这种事司机跑了。现在要先报警还是先送医院？", False),
    ("俺村外头土路上一辆三轮翻了，把开车的后生压在底下咧，出不来，人还清醒喊疼。去年这坡上也翻过一辆。俺们几个人抬不动，咋办？", True),
    # the law said of another time (被罚过违停), then 现在 and a stop in a live expressway lane
    ("去年我在这条高速上就被罚过违停所以今天一直不敢停可现在轮胎爆了车就停在超车道上我和我爸都在车里我们该下车吗", False),
    # round 123: a longer piece, then short fragments that go on from it (柴油桶 漏了 满地都是): the
    # barrel is what leaks, and someone smoking beside it (119 first)
    ("sanlunche 上拉的柴油桶 漏了 滿地都是 還有人在旁邊抽菸", True),
    ("拖拉机上的汽油桶 翻了 漏了 一地", True),
    # round 127: a gas leak typed with a slip (露气 for 漏气) beside a gas cylinder (119 first)
    ("拉液化气罐的三轮翻了 一股味 露气了", True),
    # round 128: pinned under (压人底下), shut in the car with no one named (车里出不来), a person
    # under a tricycle told as 扣在下头, something black pouring from a crashed car's bonnet, a
    # smell of a gas station after a roll-over, a broken-down car in an expressway's left lane
    ("压人底下了", True),
    ("车里出不来", True),
    ("三马子在水渠边翻了 人扣在下头 就露个脑袋", True),
    ("村道上两辆车撞了，一辆车的发动机盖缝里往外冒黑乎乎的东西。我先打哪个电话？要不要先把车里的人拽出来？", True),
    ("Our farm truck rolled into a ditch on a mountain road. We all got out, but it smells like a gas station and the ground under the engine is wet and shiny.", True),
    ("Our car broke down in the left lane of the expressway, all of us are standing on the road next to it and trucks are flying past, what do we do right now?", False),
    # round 131: a pregnant woman (挺着大肚子) knocked down by a car (蹭倒) who cannot get up
    ("哎呀俺媳妇挺着大肚子叫车给蹭倒了 在停车场地上坐着起不来 咋办嘛", False),
    # round 133: the driver taken ill at the wheel, told in the first person: dizzy all at once
    # (突然頭暈眼花, traditional script), or a truck driver (跑大车的: the truck is what he drives)
    # whose low blood sugar has come on (犯咧)
    ("我在高速上突然頭暈眼花，車停在路肩上，手腳一直發抖，快撐不住了", False),
    ("俺是跑大车的，低血糖犯咧，手抖得把不住方向盘，刚把车靠在施工区边上，浑身冒冷汗", False),
    # round 134: a load fallen in an expressway's lane (中間車道上掉了一大箱貨) with traffic coming on
    ("高速公路中間車道上掉了一大箱貨，剛才有輛車急閃差點撞上，後面車還一直開過來", False),
    # a family standing in an expressway lane, typed run together: 行车道上车 segments 上车, and the
    # match ending inside it is read again to end where a word does (站在行车道)
    ("高速上车坏了我们一家还站在行车道上车一辆接一辆擦着过", False),
    # round 137: an English arm that looks broken, an old man who does not know where he is
    ("My grandpa's car hit a tree, he got out and is sitting on the grass but he's confused, doesn't know where he is, and his arm looks broken", False),
    # round 143: someone trapped in the car, said in three characters (困人了); a family standing in
    # an expressway's fast lane and a deep cut on a son's head, in English
    ("车里困人了", True),
    ("After a crash we are standing in the fast lane of the expressway, cars are speeding past us and my son has a deep cut on his head", False),
    # round 144: bleeding on, typed in pinyin (yizhi liu xue: 一直流血, not 一直流 and xue left over);
    # a burst tyre stopped in the second lane of an expressway (第二条车道), spaced word by word
    ("gangcai zhuangche le, wo pengyou tou shang yizhi liu xue, zenme ban", False),
    ("高速 上 车 爆胎 停在 第二条 车道 后面 的 车 一辆辆 擦着 过去 怎么办", False),
    # round 147: smoke beginning in a tunnel after a crash (开始有黑烟), asked what to do; an English
    # driver standing in the expressway lane with trucks rushing past
    ("您好,隧道里前方两车相撞,现在隧道内开始有黑烟,我们该往哪个方向撤离,需要报什么电话?", True),
    ("My car stalled and I am standing in the expressway lane, trucks are rushing past me, where should I go", False),
    # round 148: a tunnel told full of smoke (满隧道都是烟) before 咋弄; an English fuel tank leaking and
    # a child strapped in who cannot be unbuckled (绑在安全座椅上解不开)
    ("隧道里头俩车撞咧，满隧道都是烟，看不清咧，咋弄", True),
    ("help jiu ming, fuel tank leaking after crash, 孩子还绑在安全座椅上解不开", True),
    # round 151: danger told without the common words — called and no answer, in pinyin (jiao ta ye
    # bu da ying); a face white as paper after a car mounted a divider; lips turning blue; lying by
    # the kerb; a cabin full of black and choking, in pinyin; someone inside slapping the glass (拍著:
    # traditional 著 read as 着); a battery letting out white vapour and hissing; fuel as rainbow-
    # coloured water; a flap of flesh turned up; black flakes and a smell of plastic baking
    ("ta tou xia mian man man liu chu yi tan hong de, jiao ta ye bu da ying, zen me ban", False),
    ("一辆小车骑在隔离墩上了，前轮悬着，下来的老大爷坐在地上，脸白得跟纸一样", False),
    ("heard a loud crunch at the crossing, the lady from the e-bike is sitting up but breathing super fast and her lips are turning blue", False),
    ("The guy who came off the scooter is lying by the kerb with his eyes open", False),
    ("che xiang li quan shi hei hu hu de, kan bu jian ren, qiang de chuan bu guo qi, hou zuo hai you ren", True),
    ("前面那輛貨車駕駛室的門整個凹進去了，司機在裡面拍著玻璃喊，我們幾個人拉不開", True),
    ("电动车电瓶那块一直往外冒白气还滋滋响骑车的大姐坐在旁边起不来", True),
    ("前面两辆车脸对脸顶一块了，其中一辆底下淌了一地带彩虹色的水，驾驶座那人趴在方向盘上不动", True),
    ("我同事骑车被车后视镜刮了一下，手掌上一块肉翻起来了，一直往地上滴", False),
    ("前方一辆大客车尾部发动机舱正往外飘黑色的絮状物，有一股塑料烤化的味道，车上乘客还没有下车，现在应该怎么做", True),
    # round 152: again without the common words — an arm bent backwards, grey and sweaty; teeth
    # knocked out and the head buzzing, unsteady; lips turned purple (嘴唇都发紫) after a car on its
    # side; a hiss and rotten eggs (gas); crackling under the bonnet (劈哩啪啦); only the fingers move
    ("Scooter rider hit the kerb, his arm is bent backwards at the elbow and he has gone grey and sweaty", False),
    ("我儿子骑车让后视镜扫了一下，门牙掉了两颗，说脑袋里嗡嗡响站不稳", False),
    ("车侧躺在路基下面，司机自己爬上来了，说一吸气胸口就跟刀扎一样，嘴唇都发紫了", False),
    ("Truck jackknifed across the road, there is a loud hiss coming from the tank and it smells like rotten eggs", True),
    ("车头底下有光一闪一闪的，还有劈哩啪啦的声音", True),
    ("我同事的车让大货挤到护栏上了，副驾那边的门扁成一片，他人在里头只有手指头能动", True),
    ("前面一辆出租车蹭着墙停下了，车尾那边嘶嘶地往外喷东西，闻着像臭鸡蛋", True),
    ("che men za ye za bu kai, ta zai li mian yi zhi pai bo li", True),
    # round 154: danger told by what is seen, heard or done, without the common words
    ("Crash on the expressway, a man with blood all over his face is wandering around in the middle lane, cars are swerving past him", False),
    ("我闺女刚打电话说她同学放学路上被车带了一下，现在坐在马路牙子上，膝盖那块能看见白森森的骨头", False),
    ("我媳妇肚子顶在方向盘上了，现在已经下了车蹲在路边，脸白得跟纸一样直冒冷汗，要先打120还是122？车能不能先挪开？", False),
    ("车在高速中间那条道上趴了，怎么也打不着，俩娃还在后座，后面大货一辆接一辆擦着过", False),
    ("刚才砰的一声 一个骑自行车的飞到引擎盖上又滚下去 现在就躺在车头前面只会哼", False),
    ("My grandpa was knocked over by a motorbike at the crossing, his lips are going purple and he says his chest is tight and he can't get air", False),
    ("雾这么大，有个人下了车在高速上往回走，说是去找掉的手机", False),
    ("副驾那边的门跟车身拧成了一团，他人在里面一个劲地拍玻璃，我们几个拽了半天门纹丝不动", True),
    ("车底滴汽油", True),
    ("打扰一下，请问：我前面的车撞上隔离墩后，发动机舱里有橙色的光在闪，驾驶员还没有下车，我应该联系哪个部门？", True),
    ("隧道里好几辆车追尾了，里头越来越呛，嗓子辣得慌，前面啥也看不清", True),
    # round 155: a shin with a new bend, a collarbone pushing out, clear fluid from an ear, a limp
    # wrist said in Shanxi dialect (额孩儿), a petrol-station smell inside; English told the same way
    ("A cyclist got clipped by a bus mirror. He's sitting on the kerb, one shoulder hangs way lower than the other, he's sweating, going pale and keeps asking where he is. What do I do?", False),
    ("騎車的小夥子被甩進綠化帶裡，小腿中間多出一個彎，臉色發灰，嘴唇一直在抖，怎麼辦", False),
    ("请问，我在高速应急车道旁边，刚才一位司机下车查看时被路过的车带了一下，现在他靠在护栏外面，耳朵里有清亮的水流出来，意识有点模糊。我能做些什么？", False),
    ("刚才听见咔嚓一声那个骑摩托的落地以后锁骨那儿顶出来尖尖的一块他一喘气就嚎", False),
    ("额孩儿骑车摔咧，手腕子软塌塌耷拉着，脸煞白，浑身冒冷汗，这可咋办咧", False),
    ("My grandmother was knocked by a reversing van in the market car park. She is sitting against a wall, one leg is turned outwards and shorter than the other, and she cannot lift her foot. She is shaking.", False),
    ("撞完以后车里一股刺鼻的加油站味儿，后座地垫湿了一大片，我婆婆腿脚不好自己下不了车", True),
    ("Truck jackknifed on the ring road, the cab is on its side, the driver is banging on the windscreen from inside and there is a strong petrol smell", True),
    # round 156: eyes rolled up, a van on its roof and a driver who cannot see, greyish stuff
    # seeping from the bonnet with a smell of burning plastic, a whiff of gas told as now
    ("眼睛翻白了", False),
    ("哥们儿吓死我了，前面那辆面包车四个轱辘朝天，司机自己爬出来了，坐在地上一直喊看不清东西", False),
    ("A cyclist got clipped by a bus mirror and is now flat on the asphalt, face grey, breathing in short gasps, eyes rolled up", False),
    ("引擎盖缝里往外钻灰白的东西越来越浓还有股烧塑料的臭味司机还趴在方向盘上没反应", True),
    ("Car folded around a tree, the dashboard has come down onto the driver's knees, she's awake but we can't get her door open", True),
    ("我开着村里的面包车拉菜去忻州城里，在高速出口那和一辆货车剐了一下，我这车是烧气的，现在车里一股很冲的天然气味，还嘶嘶地响，副驾驶的老乡吓得不敢动，我要不要先打着火看看能不能开走？", True),
    ("前面那輛貨車的車廂底下有橘紅色的光一閃一閃，還有劈啪的聲音，司機好像沒發現還在往前開", True),
    # round 157: the same question asked over and over (a head hurt), a door jammed with a child
    # inside, black vapour gushing out while the driver cannot undo the belt (typed word by word)
    ("Motorbike rider hit the guardrail, his helmet is split open and he keeps asking me the same question over and over", False),
    ("door jammed, kid inside", True),
    ("车 头 底下 一股 一股 往外 窜 黑 气 人 还 在 驾驶座 上 解不开 安全带", True),
    # round 158: a yellow face and cold sweat, slurred speech and a drooping mouth (摩拖车 read as
    # 摩托车, not 拖车), eyes that will not focus after a spin, a gurgling throat, no memory of what
    # happened, a foot that will not come out and then 接下来应当怎么处理, hot air and orange light
    ("大货车把护栏顶穿了半个车头悬在桥外头司机已经下来了但是坐地上捂着肚子脸发黄一直出冷汗", False),
    ("我弟骑摩拖车栽沟里了，人自己爬上来了，可说话大舌投，左边嘴角往下掉", False),
    ("A cyclist got clipped by a van outside my shop, his arm is hanging at a weird angle and he keeps asking what day it is.", False),
    ("晚上下班走108国道，前面一辆面包车突然打了好几个转，最后横着停在对面车道上。我下车去看，司机自己从车里爬出来了，可是坐在护栏边上一直吐，说天旋地转，两只眼睛对不上焦，我该先打哪个电话？", False),
    ("撞完 之后 他 喘气 声音 好怪 咕噜咕噜 的 像 嗓子里 有 水", False),
    ("您好。我在忻五线上，一位摩托车骑手刚才侧滑出去，头盔裂成了两半。他能说话，但认不出自己的摩托车，也想不起刚才发生了什么。请问我现在应当怎么做。", False),
    ("撞了护栏以后车头底下透出一闪一闪的橘红色亮光，一阵阵往外扑热风", True),
    ("您好，这边两车相撞。对方车辆车头嵌进了路边的水泥墩，驾驶员意识清醒，但他说右脚夹在踏板和挤扁的车身中间，抽不出来。请问接下来应当怎么处理。", True),
    # round 159: red stuff running down, eyes that will not open however he is called (in pinyin);
    # a lump on the back of the head and only moans; a battery that popped and puffs white vapour
    ("ta tou shang yi zhi wang xia tang hong de dong xi, yan jing zen me jiao dou bu zheng kai", False),
    ("俺家老汉从三马子上栽下来了，脑瓜后头鼓起老大个包，问他话光哼哼，咋弄咧", False),
    ("my sister's feet are wedged under the pedals and she can't pull them free, the car went nose-down into the ditch", True),
    ("qi che yin qing gai xia mian you cheng se de guang yi shan yi shan, hai you pi pa pi pa de xiang sheng", True),
    ("早上骑电动车送孩子上学，停在楼下准备充电，刚插上就听见电池那里噗的一声，接着一股刺鼻的甜腥味，电池盒的缝里往外冒白气，孩子还坐在后座上没下来，我该先干嘛？", True),
    # round 160: a face swelling like a balloon, greyish fog seeping from the bonnet, legs lost under
    # the dashboard with a smell of diesel
    ("Motorbike rider down on the ring road, helmet off, one side of his face is swelling up like a balloon and he can't lift either arm. Cars are swerving around him.", False),
    ("前面那辆车引擎盖缝里一直往外冒灰白的雾呛鼻子司机还趴在方向盘上没动", True),
    ("Truck jack-knifed across the road, the cab is folded against a pole and the driver's legs disappear under the dashboard, he can't pull them out. Smells like diesel everywhere.", True),
    # round 161: flames at a place (车尾有火苗) then 应当如何处理; a fist on the window of a bus
    # whose door side is against the rail; a cousin showing only a hand; a fingertip off; black
    # fog; a trunk's seam glowing orange; a seat hissing with acrid white vapour (剌鼻: 刺鼻);
    # unequal pupils, and arms the only thing moving, in English
    ("您好，前方隧道里一辆小客车侧翻，车尾有火苗，车内还有乘客。请问应当如何处理。", True),
    ("高速上大巴撞了隔离带，车门那侧紧贴着护栏，里头的人在拿拳头砸窗户", True),
    ("我舅舅的面包车和大车刮了，副驾那边整个凹进去，我表妹在里面只露出一只手在晃", True),
    ("手指头掉了一结在地上捡到了，要不要用冰块抱着，救护车还没到", False),
    ("车冒黑雾了", True),
    ("前面那辆追尾的白色轿车后备箱缝里透出橙色的光，后排好像还有个孩子，请问我现在应该先怎么做？", True),
    ("电动车骑着骑着座包底下滋滋响，冒出一股剌鼻的白气", True),
    ("The cyclist's helmet is split in two, one of his pupils looks much bigger than the other", False),
    ("The dashboard is folded down onto his knees, he can only move his arms and neither front door will open", True),
    # round 162: a lorry turned across all three lanes of the expressway; a bone poking through the
    # skin, and unequal pupils after a cyclist was knocked off, in English
    ("高速上一辆大货横过来了车头冲着我们来车的方向三条道全占了天黑车上一个灯都没亮后面的车还在往这边冲", False),
    ("A guy on a bike just went over the handlebars in front of me. His forearm is bent the wrong way and something white is poking out through the skin.", False),
    ("Knocked a cyclist off his bike. He's sitting up, and one of his pupils looks way bigger than the other.", False),
    # round 163: a car overturned with someone still inside (told in the next clause), blood told
    # by its colour on the face, open eyes that do not blink after a helmet split, in English too
    ("车翻了，孩子在里面", True),
    ("car upside down, kid inside", True),
    ("下车 闻到 一股 铁锈味 回头 一看 后座 闺女 鼻子 下巴 全是 红的 她 说 头 晕", False),
    ("骑摩托的小伙头盔烈成两半了，眼睛睁着也不砸眼", False),
    # round 164: thick white vapour pouring from a car ahead in a tunnel, told calmly; a bus driver
    # pinned by the dashboard, in English
    ("我现在比较冷静，简单说一下：我在隧道里追尾了前车，前车车尾冒出浓浓的白雾，带着刺鼻的化学味，前车司机一直没下来。", True),
    ("Bus hit a bridge pillar, the front folded in on the driver. He's talking but the dashboard is pressed against his chest and nobody can get the door open", True),
    ("我朋友的退被方向盘顶住了抽不出来 车门也瘪了拉不开 咋半", True),   # 退 typed for 腿
    # round 165: fuel pouring out of a lorry on its side, in English
    ("A truck just flipped over on the expressway, fuel is pouring out onto the road and the driver looks hurt. What should we do?", True),
    # a gash on the forehead that pressing does not stop; clear fluid from the ear and vomiting after
    # a motorbike brushed him (traditional script); a van turned across the road, one man unable to
    # turn his head and another who no longer knows anyone
    ("骑车的小伙额头豁开一个大口子，红的顺着眉毛往下淌，拿衣服按着也止不住", False),
    ("我朋友被機車擦過之後，耳朵裡一直流出透明的水，人還在不停地吐", False),
    ("我们在忻州去五台山的路上，前面一辆面包车突然横在路中间，车头冲着我们，司机已经下来了坐在路边，手捂着脖子说脑袋转不了，另一个人在路中间来回晃悠像是不认人了，后面车还在不断过来，我该先干啥？", False),
    # round 166: stroke signs, slurred speech and one side weak, with no crash told; blue flames from
    # under a car; standing in the lane typed in pinyin; twitching and a dark red puddle in English
    ("我老婆说话含糊不清，右手也抬不起来了", False),
    ("我爸开着开着车突然口齿不清，左边胳膊没劲了", False),
    ("前面那车底盘下面蹿出来蓝色的小苗苗，司机趴在方向盘上", True),
    ("gaosu shang che huai le, wo laopo hai zhan zai xingchedao shang, houmian de che kai de hen kuai", False),
    ("A cyclist got hit, now he is on the road twitching and a dark red puddle is growing under his head", False),
    ("My husband is sitting in the inside lane of the motorway holding his head, lorries are passing", False),
    # round 167: red light shooting out from under an e-bike seat, an orange glow jumping in an
    # engine bay with crackling; a child who will not open his eyes; a bone through the shin and a
    # rotten-egg smell from a tipped gas tanker, in English
    ("电动车座位底下突然窜出红光，旁边停了一排车", True),
    ("前面那辆车发动机舱有橙红色的光一跳一跳，还有噼啪声，司机在车里", True),
    ("娃不睁眼", False),
    ("he came off his bike and there is bone sticking out of his leg", False),
    ("rotten egg smell coming from the gas tanker that tipped over, people still walking past", True),
    # round 168: a door bent shut after a car went nose first into the barrier (formal 无法打开, 仍在车内);
    # someone lying in the fast lane in three characters; no answer from below a bridge; a red
    # pool still spreading; an orange light flickering in an engine bay; a typo'd weak arm (太不起来)
    # beside slurred speech
    ("高速上前面一辆车一头扎在护栏上，车门变形无法打开，司机还在车内", True),
    ("人躺超车道", False),
    ("我朋友骑车从桥上掉下去了，喊了半天一点回音都没有", False),
    ("大爷倒在路口，脑袋边上那摊红的还在往外洇", False),
    ("前面车的发动机舱缝里有橙红色的光在闪动", True),
    ("我爸说话含糊不清，左手也太不起来了", False),
    # round 169: after being knocked down, speech slowing and asking again where she is; a car on its
    # roof, the people inside hanging head down, the door handle will not move; an orange glow under
    # a charging e-bike's seat; a mouth drooping on one side while driving
    ("我奶奶骑车让三轮蹭倒了，现在说话越来越慢，老问我她在哪", False),
    ("那辆车四轮朝天了，里面的人头朝下吊着，门把手拉不动", True),
    ("电动车充着电，车座底下透出橘红色的亮光", True),
    ("我老公开着车突然嘴往下耷拉，说话大舌头", False),
    # round 170: petrol leaked in a pool after a rear-end crash (气油 typed for 汽油) with someone smoking
    # beside it; a car squeezed against the barrier by a lorry, its door will not open
    ("追尾以后地上一大滩漏出来的气油，旁边还有人抽烟", True),
    ("我弟的车被大货车挤在护栏中间，门推不开，他说腿动不了", True),
    # round 171: after two cars met head on (顶在一起了), a woman holding her belly; a tanker on its side
    # spraying white mist; English an arm bent the wrong way, the same question asked over and over,
    # a car glowing orange underneath
    ("两辆车顶在一起了，副驾的女的捂着肚子直哼哼", False),
    ("罐车侧翻了，罐子上有个口子往外喷白雾，呛得睁不开眼", True),
    ("he crashed, his arm is bent the wrong way and he keeps asking the same question", False),
    ("car glowing orange underneath", True),
    # round 172: someone lying in the middle of the road (路当间, dialect); a face-down rider gurgling;
    # a door buckled shut; English walking along an expressway lane, an orange glow and a driver
    # slumped over the wheel
    ("快来 马路当间躺着人", False),
    ("地上那人脸朝下，喉咙里咕噜咕噜的", False),
    ("撞完车门变形了拉不开，我妈在后排", True),
    ("a man is walking along the fast lane of the expressway", False),
    ("an orange glow under the bonnet and he is slumped over the steering wheel", True),
    # standing in an expressway lane, typed in pinyin (站在, a word of the groups, spelled)
    ("gaosu shang chehuo le, women zhan zai di san chedao shang", False),
    # round 173: broken down on the expressway, lorries brushing past the car or the people beside
    # it; a fuel smell like a petrol station's; English slurred words and not knowing the day after
    # a blow to the head, a petrol-station smell round a wreck with the driver staring
    ("高速上车抛锚了，孩子在车里，大车一辆辆擦着车身过", False),
    ("高速上车坏了 我们站在护栏边 货车擦着身子过", False),
    ("翻了的货车底下淌出来一滩，一股像加油站那种味", True),
    ("he hit his head in the crash, he is slurring his words and does not know what day it is", False),
    ("petrol station smell around the wrecked car, the driver is staring at nothing", True),
    # rounds 174 and 175: knocked by a car door, then vomiting twice and eyelids drooping; a smell
    # of burnt plastic from a car that hit the barrier; a red light jumping in the engine; the boot
    # flaring up red with the driver unable to undo the belt; a lorry's spilt drums of thinner
    ("我妈让车门撞了一下，回家吐了好几回，眼皮直往下耷拉", False),
    ("车撞了护栏，机盖缝里往外飘灰气，一股烧焦的塑料味", True),
    ("发动机里面有红光在跳，人还在车上", True),
    ("后备箱那里腾的一下亮起来了，他安全带扣抠不开", True),
    ("货车上的桶倒了，地上一大片液体，有人在旁边点烟", True),
    # round 176: someone lying face down in the road; a belly swelling after a motorbike crash (顶了),
    # pale and cold; an orange glow at the front; English orange light under a bus, people banging
    # on its windows
    ("马路上趴着个人", False),
    ("他骑电动车跟车顶了，现在肚子越来越胀，手脚冰凉，脸煞白", False),
    ("前面那车车头冒橘光", True),
    ("orange light under the van and the kids inside are banging on the windows", True),
    # round 177: held by the belt and a buckled door (困住无法出来); a coach pouring grey smoke with
    # passengers at the windows; sparks spraying from a charging battery (往外喷: now, though
    # asked what to do); grey-white smoke from under the bonnet; a child behind a door dented in;
    # someone down in the road; a driver on the hard shoulder holding his head and staggering
    ("翻车了，司机被变形的车门困住无法出来", True),
    ("大巴后面往外涌灰黑色的雾，孩子在里面拍窗户", True),
    ("电瓶车充电的时候电池往外喷火星子，能用水浇吗", True),
    ("追尾了，前盖底下冒出灰白色的烟", True),
    ("车门瘪进去了，后排有个老人，拽了几下拽不开", True),
    ("人倒马路中间了", False),
    ("路边有个人捂着脑袋直打晃", False),
    # round 178: two vehicles "kissed" (亲上了: met), then double vision and fluid seeping from an ear
    ("他骑摩托跟小车亲上了，说看东西两个影，耳朵眼里往外渗水", False),
])
def test_rounds_97_102_smoke_pouring_out_people_trapped_beside_or_inside_and_harm_then_which_number(engine, question, fire_first):
    assert_caught(engine, question, fire_first)


@pytest.mark.parametrize("question", [
    # round 97: 手 inside 二手车 is no hand caught; a transfer that is stuck is paperwork
    "买的二手车过户卡住了，说要先处理违章。顺便问下，买车后多少天内必须办转让登记？",
    # 救命 sighed before an everyday question, even one no entry answers
    "救命 太原限号几",
    # a smoke supposed, then whom to call
    "如果车冒烟了，打什么电话",
    # round 98: English no one is hurt is one denial, not 没人 and then 受伤
    "追尾了, no one is hurt, both sides agree on what happened. Can we just move the cars and settle it ourselves?",
    # the harm supposed, or of another day, and the number asked
    "如果孩子额头磕破了 先打120还是先报保险",
    "上个月孩子额头磕破了 当时该打120还是报保险",
    "昨天晚上梦见车着火了 吓醒了 问一下要是真碰上车着火 该先打119还是122",
    # a month in hospital, two years ago, and an exam question in English
    "我在驾校练车的时候，同一批的学员开教练车把一个骑自行车的老人撞倒了，老人髋骨骨折住了一个月院。像这种学车时撞了人，赔偿是学员出还是驾校出？",
    "我侄子有颠痫，前两年开车时犯病撞进了路边小卖部，把老板娘压伤了。像这种病还能申领驾找吗",
    "In my driving theory exam there was a question about a crash where someone is badly hurt and bleeding. Which numbers should you call, the traffic police one and the ambulance one?",
    # round 99: a head smoking from waiting is a figure of speech
    "排队排得脑袋都冒烟了 车管所几点下班",
    # a figure further from the smoke than a figure reaches, then the writer turns serious
    "热得车里快冒烟了 说正经的 高速上小车最低开多少",
    # whether injuries count as an emergency, asked in general
    "有人受伤算不算紧急情况",
    # round 100: a mouth on fire from worry
    "急得嘴上都冒火了 驾照快到期了能提前多久换",
    # round 101: what the driving-school teacher said, and its 先打119, is a rule taught
    "驾校老师上课说，遇到车里冒烟或者有人被困要先打119，这个记住了，我想问高速违法停车扣几分",
    "jia xiao lao shi shang ke shuo, you ren bei kun zai che li yao xian da 119. 我想问的是另一个：高速上违法停车 kou ji fen?",
    # cars left in the road after a scrape, horns behind: no one standing in a lane
    "剐蹭了 谁也没受伤 车停在路中间等交警 后面都在按喇叭 能先挪车不",
    # round 102: a call to 122 no one answered, told of last month, is a complaint
    "上个月出车祸有人受伤 打122半天没人接 这种能投诉吗",
    "shang ge yue chu chehuo you ren shoushang, da 122 mei ren jie, zhe zhong neng tousu ma",
    # round 103: someone trapped in a video, then said to be got out, is a story
    "刷到个视频 有人被困在掉进河里的车里 后来被救出来了 车上放个破窗锤有用吗",
    # round 104: a child screaming with no crash told; smoke that spread last year
    "孩子一直尖叫 不肯睡觉咋办",
    "去年楼下电动车充电着火 烟还往楼道里窜 物业要赔吗",
    # round 106: a stove that will not light is no fire
    "俺屋里的煤炉子就是不好着火 咋弄咧",
    "俺家炉子生不着火 咋弄咧",
    # a certificate that has not come out (没出来) is no one trapped
    "我舅去年在定襄出的事故 认定书到现在还没出来 咋回事",
    # brakes that did not hold (刹不住) in a story of last month tell how it happened then
    "上个月在村口 一个娃突然跑出来 我刹不住碰了他一下 腿擦破点皮 交警后来认定我没责任 可他家里说机动车撞了人就得赔 我还用赔吗",
    # 钟头 (hours) holds no head for a slip to be heard on
    "开货车的连续跑了四个多钟头没歇 叫拍住咧 扣几分",
    # round 107: 心在流血 is a figure, its 在 no word of this moment, nor its 心 a slip of 陷
    "昨天看了个翻车的视频 心在流血 问下高速上车坏了警告标志放多远",
    "心在流血，今年不小心扣满12分了，要学几天？",
    # a car that broke down (趴在马路当中), a patient lying in hospital, money not found at once
    "早上出门电瓶没电了，车直接趴在马路当中打不着火，后来找人搭电才走。想问问警告标志应该放多远？",
    "认定书一般多久能下来？交警现场查完好几天了，我还在医院躺着",
    "去年我表哥被面包车撞了 当时流了一地的血 车跑了 医院催着交钱 家里一下拿不出来 想问问抢救的钱谁先垫上",
    # round 108: 出血价 is a bargain price
    "朋友出血价卖给我一辆二手车 过户要多长时间内办",
    # round 109: a fracture set in plaster at home (打了石膏在家养着), then a passengers' question
    "前天坐公交一个急刹车我摔出去把手腕摔骨裂了，现在已经打了石膏在家养着。想问一下，车上的乘客受伤了，交强险管不管？",
    # money he cannot find (一分拿不出来) is no one pinned
    "撞我的那个电动三轮没买交强险，医药费他说一分拿不出来，这钱找谁要啊，急死我了",
    # round 110: a car that burned down to its frame two years ago (就剩个架子), no one hurt
    "俺家那车前年着火烧得就剩个架子了，人没事，这车还挂在俺名下，要去车管所办个啥",
    # round 111: a recipe's high heat (大火收汁), even where the liberal repair reads 收汁 as 手指
    "菜谱上说要大火收汁 这个大火到底开多大",
    # a mask with a gap (费…拿不出来) covers what lies between: money he cannot find, no one pinned
    "费用他拿不出来，人在医院",
    # 'I could explode' (想原地爆炸) after a missed exam
    "约了科目三那天睡过头没去成 气得我想原地爆炸",
    # an injury in an accident told, then whether the owner pays too (一起赔)
    "我弟借我的车出了事故把人撞伤了 我这个车主要不要跟着一起赔",
    # black smoke from the exhaust when accelerating, in English as in Chinese
    "My exhaust puffs black smoke when I accelerate, where can I get it fixed",
    # someone in intensive care (在ICU抢救) is in hospital, not at a scene
    "俺家老头被车撞了还在ICU抢救 交警说事故认定先中止 最长能中止多久",
    # round 113: 'just' dated by a past word in its clause (前几天…刚出了个连环追尾) is just then
    "前几天高速上刚出了个连环追尾 我有点不放心 实习期能上高速吗",
    # round 114: stuck in the learner period (困在实习期…出不来, and in English), a stalled engine (死火,
    # which the liberal repair reads 失火), a flame-red paint (火焰红), a wallet bleeding money
    "俺还困在实习期里头出不来咧 实习期到底多长",
    "I'm stuck in my learner period, can I drive on the expressway alone",
    "俺那车在院里死火咧 咋也打不着 想用绳子拖到修理铺 两个车离多远",
    "想把车漆改成火焰红 要不要去车管所登记",
    "My wallet is bleeding money this month, ran a red light, how many points",
    # round 115: an injury asked as a work injury (工伤); a camera ticket after driving someone to
    # hospital (被拍, 能消除); a plate number 'gone' once the car is sold (卖了就没了)
    "上班路上出车祸受了伤 这个能不能算工伤",
    "送受伤的人去医院的路上闯了红灯被拍了 能消除吗",
    "听人说原来的车牌号能留着用 也有人说卖了就没了 到底还能不能用",
    # round 116: a disability grade (十级伤残) is assessed after healing; a scene that is gone (现场早就没了)
    "小腿骨折评了十级伤残 大概能赔多少钱",
    "想让对方赔，可是现场早就没了。请问现在再打电话报警，交警还给不给处理？",
    # round 117: a tyre's or a bicycle's leak is no gas leak, petrol named or not; 泄气 as losing heart
    "自行车漏气了",
    "加汽油的时候发现轮胎漏气了",
    "汽油涨价了，真泄气",
    # round 119: a burning question is an eager one; pieces turning to a second question that is calm
    "ok so 有个 burning question 哈, 实习期 能上高速吗, 就是 我一个人",
    "对了，那个，罚款，还没交。哦，还有，那个，驾照，到期，了。",
    # round 120: a seat belt that will not open in the exam car; 'fine' said plainly after a past scrape
    "考试时安全带解不开扣分吗",
    "上个月追尾了，当时对方说没事，现在又要我赔，咋办",
    # round 122: 赶紧 in a story of days ago is what was done then; 拿倒 is a slip for 拿到, not 拿刀
    "前些天看新闻说有人家里电动车充电起火，吓得我赶紧把车推到院子里了。国标对电动自行车的最高车速是咋规定的？",
    "身分证丢了补办要几天能拿倒",
    # a fine of another time, then 现在 and a question of the law, no harm now
    "违停被罚过好几次，现在车停在应急车道上修车，会被罚吗",
    # round 123: the injury appraisal report (伤残鉴定) is a document; a fragment with its own subject
    # is not read into the piece before it (撞了 | 他跑了 is no 撞了他)
    "After my accident the police sent me the injury appraisal report and I think it is wrong. How many days do I have to apply for a new appraisal?",
    "倒车把我的车撞了 他跑了",
    # round 127: a student abroad typed with a slip (流血生 for 留学生) bleeds nowhere
    "我是流血生，在国外考的驾照，回国换国内驾照要考哪科",
    # round 128: an injury told in pinyin that has healed since (xianzai yijing hao le); air that
    # does not come out of a car's vents
    "shi cheng 4S dian xin che de shihou chu le shigu, wo shou le shang xianzai yijing hao le, gai shei pei?",
    "车里出不来暖风是怎么回事",
    "排气管冒黑乎乎的东西是啥毛病",
    # round 130: too busy to get away (实在抽不开身) convulses no one
    "我是忻州人，驾照也是在忻州领的。去年起在太原跑网约车，这个周期在太原那边陆续被扣满了12分，驾照被扣留了。现在人在太原干活，实在抽不开身回忻州。想问满分学习和考试能不能就在太原参加，不用专门跑回去？",
    # round 131: a mediation with no news (调解到现在都没动静) is no one unconscious
    "去年那起事故我妈受了伤，交警那边早就受理了，可调解到现在都没动静，急死了，我们这个案子现在到底办到哪一步了？",
    # round 133: a wallet that bleeds (钱包天天在流血) is money, not blood
    "罚款忘了交钱包天天在流血逾期不交每天加罚多少",
    "高速上货掉在车道上要罚款吗",
    # round 135: 救命 typed in pinyin beside a licence question typed in pinyin is a sigh
    "jiashizheng diu le, shouli buban yihou ji tian neng nadao? jiuming a, xia zhou yao kaiche chuchai",
    # round 136: a crash denied (没出事故) is none, however hurried what follows (急死了)
    "别担心没出事故，就是过减速带的时候后车牌掉了，回去找也没找着，急死了。补个车牌要多久？这期间车咋开？",
    "没出事故，急死了",
    # round 137: an English fall years ago that healed; an arm rest is part of a seat
    "My dad is 71. He hurt his hip in a fall years ago but it healed fine. Is there an age cap, or can someone over 70 still apply for a small car driving licence in China?",
    "arm rest broken in my car, can I pass inspection",
    # round 139: lighting the stove to cook (正在起火做饭) is no fire
    "正在起火做饭呢，顺便问下：户口不在忻州、人常住忻州，驾照到期能在居住地换吗？",
    # round 141: duoshao (多少) in a pinyin question about school fees is no 在……烧 opened up
    "xinzhou jiaxiao xuefei xianzai yiban duoshao qian",
    "kaoshi xianzai yiban duoshao qian",
    # round 143: tired on a long drive (太困人了) traps no one; a cut healed last year is no wound now
    "开长途太困人了，多久要歇一次",
    "He got a deep cut on his finger cooking last year, can he still take the driving test?",
    # round 144: a film's scene typed in pinyin (limian you ren: 里面有人) is no one inside a car now;
    # a car stopped in the second lane, supposed (如果)
    "wo ge zuotian kan dianying, limian you ren zuijiu kaiche zhuangsi le ren. xianshi li zuijiu jiache xingshi shang zenme pan?",
    "如果高速上车坏了停在第二条车道，该怎么办",
    # round 147: how many died in 2024 (死了几个人) asks a figure; exhaust smoke (排气管有黑烟) is a fault
    "我邻居想知道2024年忻州骑电动自行车出事故死了几个人",
    "2024年忻州出事故死了几个人",
    "车子排气管有黑烟正常吗",
    "儿童安全座椅卡扣解不开怎么办",
    "隧道里全是烟的时候怎么办",
    # round 150: an application stuck at a step (卡在哪一步) is no one trapped
    "我邻居在12123上交的换证申请一直显示审核中，帮他查查卡在哪一步了",
    "这个消毒水闻着冲鼻子，车里能放吗",
    "电动车电瓶冬天充电会冒气吗",
    "冬天早上发动车，排气管冒白气正常吗",
    "夏天车里放的塑料瓶会不会烤化",
    "the customer service does not answer my calls about the 12123 app",
    "I called the brigade twice and nobody is answering, he does not answer the phone either",
    "wo jiao ta kai che ta bu da ying",
    "车里有股臭鸡蛋味是怎么回事",
    "穿高跟鞋站不稳开车算违法吗",
    "他在里面拍视频",
    # round 154: a document a week late has made no move (没动静); harm done to someone in a story
    # told with 现在 is an event, not a body seen now; a car broken down, not in a lane
    "事故人定书一般几天能下来 现场勘查完都一个礼拜了还没动静",
    "我邻居把旧车卖给了一个人，那人又转手卖给别人，一直都没办过户，现在最后买车的人开着出了事故撞伤了人，这个赔偿该找谁？",
    "车在高速上趴窝了怎么办",
    "在高速上开过了出口，人能下车往回走去找吗",
    "孩子在车里面拍玻璃玩",
    "仪表盘上橙色的灯一直在闪是什么意思",
    # round 155: yesterday's staged fall (碰瓷): 突然 turns the story, it is not now; 一点伤都没有 denies
    "昨天傍晚我在开发区一个路口慢慢拐弯，一个老头突然往我车上一靠就躺地上说被撞了，看着一点伤都没有，后来他家人来了要两千块私了，我怀疑是碰瓷。想问问那个路口有没有交警的监控探头，能不能帮我把视频调出来看看？",
    "额头磕破了一般怎么处理",
    # round 156: starting the engine (打着火) is no fire; a whiff asked about is no smell now;
    # a look of contempt is no eye rolled up
    "车打不着火了 是电瓶没电了吗",
    "车里一股汽油味，是怎么回事",
    "他冲我翻了个白眼",
    "车底下有光是什么灯",
    "孩子总是问同样的问题",
    "摩拖车拖车一次多少钱",
    "小子们都在吗",
    "电动车电池冒白气正常吗",
    # round 161: flames supposed, or asked about in their own clause, are no fire seen
    "如果车尾有火苗，应当如何处理",
    "电池有火苗怎么办",
    "他一直问今天几号 是不是考试考糊涂了",
    # round 162: a lorry seen turned across the road on another day; pupils at school
    "上次在高速上看见一辆大货横过来了 吓死了 高速上最低速度多少",
    "the pupils at my son's school ride e-bikes, is that allowed",
    # round 163: an overturn told of last month, with a child inside then
    "上个月车翻了，孩子在里面，保险怎么赔",
    "驾考的时候眼睛睁着不眨眼会扣分吗",
    # round 164: a chemical smell in a new car
    "新车里一股刺鼻的化学味是不是甲醛",
    "我的退款被卡住了怎么办",
    "咳嗽药按着说明吃也止不住",
    "我奶奶年纪大了不认人了，能办老年代步车驾照吗",
    # round 166: stroke signs of a past illness, asked about a licence; paperwork that makes one cry
    # for help; seedlings coming up in a field
    "我爸前年中风了，现在说话还有点含糊，右手也抬不起来，能办残疾人驾照吗",
    "买了辆二手车，过户手续愁得俺直喊救命，过户得多少天办完",
    "地里的玉米苗冒出来了，能开三轮去地里吗",
    # round 168: no answer from a phone line; a door that will not open after an accident, asked about
    "打了好几次客服电话，喊了半天一点回音都没有",
    "车门变形无法打开怎么修，保险管吗",
    # round 169: a statistic of the injured, in English
    "How many people were injured in road accidents in Xinzhou in 2024?",
    # round 170: a car blocked in a car park; oil seeping under a car, asked about
    "停车场我的车被两辆车挤在中间开不出来咋办",
    "车底下漏出一点机油，能开去检测站吗",
    # round 171: racking one's brains over a plate (伤了好久脑筋); two people who met head on in a quarrel
    "给电动车挂牌的事我伤了好久脑筋，现在挂牌率到多少了",
    "两个人顶在一起了吵了半天，交警怎么处理",
    # round 172: a bed in a camper van; lying face down on a massage table
    "房车里能躺人吗，上路要不要备案",
    "按摩的时候脸朝下，颈椎好多了",
    # round 173: a lorry brushing past while overtaking, the car not broken down; an e-bike brushing
    # past in town
    "高速上超车的时候大货车贴着车身过去，吓死我了，这算违法吗",
    "刚才一辆电动车擦着身子过去，吓我一跳，能报警吗",
    # round 174: vomiting twice on a bus, no blow told
    "坐大巴晕车吐了两回，能中途下车吗",
    # round 177: smog and fog, a factory chimney
    "今天灰黑色的雾好大，高速封了没",
    "越来越浓的雾，高速会封吗",
])
def test_rounds_97_102_look_alikes_stay_calm(engine, question):
    assert engine.answer(question).status != EMERGENCY


def test_a_cry_alone_or_beside_words_we_cannot_read_is_still_a_call_for_help(engine):
    for question in ("救命 怎么办", "救命啊 车里"):
        assert engine.answer(question).status == EMERGENCY, question
