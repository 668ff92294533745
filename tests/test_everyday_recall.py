"""In-scope questions in a citizen's everyday words reach the entry that states the fact, instead of a
clarify between close entries or the fallback: a story's premise ranks the entries about its ask,
another city named beside a national deadline, everyday words for an aspect, and entries annotated
with what their own answer states."""

import pytest

from bot.reply import ANSWER, FALLBACK


def answered(engine, question):
    reply = engine.answer(question)
    return reply.status, reply.entry_id


@pytest.mark.parametrize("question, entry", [
    # the premise (借车) is told first, the ask (赔) at the end beside the harm: the lent-car entry,
    # not another entry on who pays
    ("把车借给同学 结果他撞伤了人 我这个车主赔不赔", "acc-lent-car"),
    ("车借给同学开了 他撞了人 我谁赔", "acc-lent-car"),
    # the end names only the tickets; the story said the plate was cloned
    ("我的车叫人套了牌 多出来好几条违章 咋办", "violation-cancel"),
])
def test_what_a_story_told_ranks_the_entries_about_its_ask(engine, question, entry):
    assert answered(engine, question) == (ANSWER, entry)


@pytest.mark.parametrize("question, entry", [
    ("搬到石家庄住了 车辆转籍得在多少天内办", "reg-move"),
    ("在太原出了事故 认定书多少天能出", "acc-certificate"),
])
def test_a_deadline_of_national_law_is_answered_though_another_city_is_named(engine, question, entry):
    assert answered(engine, question) == (ANSWER, entry)


@pytest.mark.parametrize("question", [
    "太原车管所几点上班",          # an office's hours: that city's own
    "大同去年出了多少起事故",        # that city's figures
    "在北京骑电动车能带小孩吗",      # nothing of ours holds it, there or here
])
def test_another_city_asked_what_we_do_not_hold_is_told_we_know_only_ours(engine, question):
    reply = engine.answer(question)
    assert reply.status == FALLBACK
    assert "其他城市" in reply.text


@pytest.mark.parametrize("question, entry", [
    # 还得赔吗 / 要赔吗: whether one pays at all
    ("撞了行人 我一点错没有 还要赔吗", "acc-who-pays"),
    ("电动车被汽车撞了 汽车司机没错 还得赔吗", "acc-who-pays"),
    # several cars in a row are a multi-car accident, not a scrape
    ("连环追尾了 中间那辆车要赔吗", "acc-multi-car"),
    # reported days later
    ("剐蹭后没报警 隔了几天再报警 交警还受理吗", "acc-report-later"),
    # an age said as N岁, a licence said by the vehicle it is for
    ("我爸六十五岁了 大车本还能开吗", "licence-over-60"),
    ("14岁能骑电动车上路吗", "nm-age"),
    # 不能停车 is where parking is banned, not a car park
    ("公交车站边上多远之内不能停车", "violation-parking"),
    # eyesight that got worse is a change of one's condition, not the exam's requirement
    ("视力下降了 B2不够条件 能降成C1吗", "licence-health-change"),
])
def test_everyday_words_reach_the_aspect_they_ask(engine, question, entry):
    assert answered(engine, question) == (ANSWER, entry)


def test_a_car_park_is_still_a_subject_we_hold_nothing_about(engine):
    assert engine.answer("火车站附近哪里能停车").status == FALLBACK


def test_which_procedure_to_go_through_is_answered_by_the_entry_naming_it(engine):
    # 办什么手续 asks which procedure: the insurance entry names the change of the policy, though
    # it lists no documents
    assert answered(engine, "二手车过户以后交强险要办什么手续") == (ANSWER, "insurance-transfer")
    # of nothing named, the honest reply
    assert engine.answer("要办什么手续").status != ANSWER
    # an answer naming 材料 only to say it holds no list of them does not state a procedure
    assert engine.answer("电动车上牌要办什么手续").status != ANSWER


@pytest.mark.parametrize("question, entry", [
    ("练车的学员把人撞了 赔偿谁来出", "licence-practice-road"),          # it says the driving school pays
    ("在外省扣满了12分 能就近参加满分学习吗", "points-full"),              # study where the offence was
    ("没有驾照开车撞伤了人 交强险赔不赔", "insurance-drunk"),              # driving unlicensed is an offence
    ("有过酒驾记录还能学法减分吗", "points-reduce"),                       # drink-driving rules it out
    ("醉驾拘役多久", "drunk-driving-crime"),                               # the months of detention
    ("酒驾暂扣驾照几个月", "drink-penalty"),
    ("车改装过 出了事交强险还赔吗", "insurance-transfer"),
    ("闯红灯被记录了 第二年交强险会涨吗", "insurance-premium"),
])
def test_an_entry_answers_what_its_own_answer_states(engine, question, entry):
    assert answered(engine, question) == (ANSWER, entry)
