"""The aspect-swap set (tests/eval/aspects.yaml): every subject of the knowledge asked about the
aspects citizens ask (speed, weight, plates, passengers, theft, where, when, how much …). A right
subject with the wrong aspect must never be answered: the answer comes from an entry holding the
aspect asked, or the bot says it has nothing on it; its choices are that subject's entries."""

import pytest
import yaml
from knowledge_copy import YAML_LOADER

from bot.evaluate import DEFAULT_SET
from bot.reply import ANSWER, CLARIFY, FALLBACK, SMALLTALK

SET = DEFAULT_SET.parent / "aspects.yaml"


@pytest.fixture(scope="module")
def results(engine):
    items = yaml.load(SET.read_text(encoding="utf-8"), Loader=YAML_LOADER)
    out = []
    for item in items:
        expect = item["expect"] if isinstance(item["expect"], list) else [item["expect"]]
        out.append((item, expect, engine.answer(item["q"])))
    return out


def test_the_set_asks_every_subject_many_aspects(results):
    subjects = {item["subject"] for item, _, _ in results}
    assert len(results) >= 100 and len(subjects) >= 18
    assert sum(expect == [FALLBACK] for _, expect, _ in results) >= 40  # aspects the knowledge does not hold


def test_never_an_answer_from_another_aspects_entry(results):
    wrong = [(item["q"], reply.entry_id) for item, expect, reply in results
             if reply.status == ANSWER and reply.entry_id not in expect]
    assert wrong == []


def test_every_clarify_choice_is_about_the_subject_asked(engine, results):
    off = [(item["q"], c.id) for item, _, reply in results if reply.status == CLARIFY
           for c in reply.choices if item["subject"] not in engine.entry(c.id).subjects]
    assert off == []


def test_what_the_knowledge_holds_is_answered(results):
    held = [(item, expect, reply) for item, expect, reply in results if expect != [FALLBACK]]
    right = [1 for _, expect, reply in held if reply.status == ANSWER and reply.entry_id in expect]
    assert len(right) / len(held) >= 0.95


def test_an_aspect_not_held_is_said_so_with_its_subject(engine):
    reply = engine.answer("电动车能带人吗")
    assert reply.status == CLARIFY and reply.reason == "aspect:载人 not held for 电动自行车"
    assert "电动自行车" in reply.text and "没有资料" in reply.text
    assert reply.choices and all("电动自行车" in engine.entry(c.id).subjects for c in reply.choices)


def test_an_aspect_no_entry_holds_is_said_so_for_a_subject_the_law_entries_know(engine):
    # 酒驾 has entries now; 举报 is none of theirs: the honest reply with 酒驾's own entries
    reply = engine.answer("怎么举报酒驾")
    assert reply.status == CLARIFY and reply.reason == "aspect:举报 not held for 酒驾"
    assert "没有资料" in reply.text
    assert reply.choices and all("酒驾" in engine.entry(c.id).subjects for c in reply.choices)


@pytest.mark.parametrize("question, entry", [
    ("驾照弄丢了咋办", "licence-lost"),           # 丢了 reads 被盗; the lost-licence entry asks it
    ("70岁驾照体检要每年做吗", "licence-elderly"),  # 体检: the elderly drivers' entry holds it
    ("事故责任认定书一般多久能出来", "acc-certificate"),  # 责任 inside 责任认定书 is no 争议
    ("实习期多长时间", "licence-learner"),         # a time asked with another aspect, no subject named
])
def test_an_incidental_word_does_not_decline_what_an_entry_answers(engine, question, entry):
    reply = engine.answer(question)
    assert (reply.status, reply.entry_id) == (ANSWER, entry)


@pytest.mark.parametrize("question, reason", [
    ("电动车被偷了怎么办", "aspect:被盗 not held for 电动自行车"),  # no e-bike entry speaks of theft
    ("忻州车管所地址在哪", "aspect:地点 not held for 车管所"),      # a detail must be held, not only said
    # everyday ways of asking an aspect (knowledge/concepts-spoken.yaml) that no entry of the subject holds
    ("电瓶车的牌子丢了怎么补", "aspect:补证 not held for 电动自行车"),
    ("年检怎么预约", "aspect:预约办理 not held for 年检"),
    ("喝了两瓶啤酒多久以后能开车", "aspect:酒后多久能开 not held for 酒驾"),
])
def test_a_word_said_in_no_entry_of_the_subject_still_gets_the_honest_reply(engine, question, reason):
    reply = engine.answer(question)
    assert reply.status != ANSWER and reply.reason == reason


@pytest.mark.parametrize("question, entry", [
    ("科目三怎么预约", "licence-exam-booking"),
    ("驾考在哪预约", "licence-exam-booking"),
    ("换驾照能网上预约吗", None),   # booking a renewal: no entry says how; never the exam booking
    ("补办行驶证可以网上预约吗", None),
])
def test_booking_goes_with_the_business_asked(engine, question, entry):
    reply = engine.answer(question)
    if entry:
        assert (reply.status, reply.entry_id) == (ANSWER, entry), reply.reason
    else:
        assert reply.status != ANSWER and "licence-exam-booking" not in [c.id for c in reply.choices[:1]], reply.reason


@pytest.mark.parametrize("question, reason", [
    # an app's or mini-program's name is a detail: held only where an answer states the name
    ("轻微事故视频处理用的小程序叫什么", "aspect:名称 not held for 轻微事故"),
    ("交警有没有公众号", "aspect:名称 asked of no subject"),
    # 哪里可以 / 哪里能 / 网点 ask where, as 在哪里 does
    ("哪里可以学法减分", "aspect:地点 asked of no subject"),
    ("百姓身边车管所设了几个网点", "aspect:地点 not held for 百姓身边车管所"),
])
def test_a_detail_asked_in_other_words_is_still_a_detail_we_do_not_hold(engine, question, reason):
    reply = engine.answer(question)
    assert reply.status != ANSWER and reply.reason == reason
    assert "没有" in reply.text and "12123" in reply.text


def test_the_app_we_do_name_is_still_answered_when_its_name_is_asked(engine):
    reply = engine.answer("交警那个官方app叫什么名字")
    assert (reply.status, reply.entry_id) == (ANSWER, "app-12123")
    assert "交管12123" in reply.text


@pytest.mark.parametrize("question, entry", [
    ("醉驾判多长时间", "drunk-driving-crime"),   # 判多长时间 asks 判刑, which that entry holds
    ("驾照丢了能再补一个吗", "licence-lost"),    # 补一个 asks 补证
    ("交强险保多久", "insurance-term"),          # 保多久 asks 有效期, which the 交强险 term entry holds
    ("约考取消最晚提前多久", "licence-exam-absent"),  # 约考取消 is 缺考's cancelling, not booking 约考
    ("体检证明过期了要重新体检吗", "licence-medical-cert"),  # its six months is what 过期 asks
    ("司机撞了就逃了到现在没抓到，责任怎么划分", "acc-hit-run-certificate"),  # an unsolved hit-and-run's 责任
    ("把车过到老公名下原来的号牌还能用吗", "reg-spouse"),  # 车过到 is 过户, never 车祸 repaired from 车过
    ("近视的人开车不戴眼镜算违章吗", "licence-glasses"),  # its answer says wearing them is required
    ("跑山路快到坡顶了前头啥也看不见 该咋弄 要不要摁喇叭", "road-lights"),  # 实施条例第五十九条: slow down, sound the horn
    ("前面那车磨磨唧唧开的太慢 能不能从它右边超过去", "road-overtake"),    # overtake on the left only
    ("骑摩托上了那种同方向好几条车道的大路 该走哪条道", "road-lanes"),    # motorcycles keep to the rightmost lane
    ("就刮了点漆 来处理的交警就一个人 一个警察处理算数吗", "acc-simple-procedure"),  # one officer may handle it
    ("学员开教练车撞了人谁负责", "licence-practice-road"),                # the instructor bears it
    ("我爸今年72了还天天开车拉货 听说老年人要定期体检 多久一次 不交体检证明会咋样", "licence-elderly"),  # 70+: yearly
])
def test_an_aspect_said_in_everyday_words_reaches_the_entry_holding_it(engine, question, entry):
    reply = engine.answer(question, by_reading=True)  # by what is read, though an entry may list it too
    assert (reply.status, reply.entry_id) == (ANSWER, entry)
    assert "aspect" in reply.reason


@pytest.mark.parametrize("question, reason", [
    # read without its aspect, each was answered from its subject's words by an entry on another aspect
    ("违章罚款能用支付宝交吗", "aspect:缴纳方式 not held for 交通违法"),
    ("摩托车驾照能骑多大排量的", "aspect:排量 not held for 驾驶证"),
])
def test_an_aspect_said_in_everyday_words_that_no_entry_holds_is_said_so(engine, question, reason):
    reply = engine.answer(question)
    assert reply.status == CLARIFY and reply.reason == reason
    assert "没有资料" in reply.text


def test_an_aspect_no_entry_holds_is_not_answered_by_an_entry_holding_the_aspect_beside_it(engine):
    # 国标 is held (the standard's entry), 过渡期 by no entry: that entry would answer another question
    reply = engine.answer("电动车新国标的过渡期还有几年")
    assert reply.status == CLARIFY and reply.reason == "aspect:过渡期 not held for 电动自行车"
    assert reply.choices and all("电动自行车" in engine.entry(c.id).subjects for c in reply.choices)


@pytest.mark.parametrize("question, subject", [
    ("叫代驾开车撞了别人，责任算谁的", "代驾"),
    ("疫情期间驾照到期没换，有什么政策", "疫情"),
])
def test_a_subject_we_have_nothing_on_beside_one_we_know_gets_the_fallback(engine, question, subject):
    reply = engine.answer(question)
    # the fallback, whichever step gives it: an answer text that merely contains the word (替代驾驶
    # holds 代驾) lets retrieval try that entry, and it scores nothing
    assert reply.status == FALLBACK and subject in reply.reason


def test_a_neighbour_disturbing_the_night_is_not_answered_from_the_racing_crime(engine):
    # 轰油门 吵得睡不着 asks about noise, not what racing is punished with
    reply = engine.answer("半夜有人开摩托车轰油门 吵得睡不着")
    assert reply.status == FALLBACK and reply.reason == "aspect:扰民 not held for 摩托车"


@pytest.mark.parametrize("question, detail, subject", [
    ("酒驾一年查处了多少起", "起数", "酒驾"),  # a count of cases: no drink-driving entry gives one
    ("忻州一年发生多少起交通事故", "总数", "交通事故"),  # a total: the overview gives changes (减少2起), no total
    ("交强险最高能赔多少钱", "赔偿限额", "交强险"),  # the limits' sums are not in the texts we hold
    ("12123一打开就闪退怎么办", "软件故障", "12123"),  # the app misbehaving: nothing held about it
    ("队史馆对外开放参观吗", "参观", "队史馆"),  # its own entry's answer says 怎么参观这里没有资料
    # what the app shows of one's own account (未处理, not seen, points not taken off): nothing held
    ("违章在12123上处理过了怎么还显示没处理", "软件显示", "交通违法"),
    ("交管12123绑不上我老婆的车", "软件显示", "12123"),
    ("驾照考试一直预约不上怎么办", "软件显示", "驾驶证"),
    ("换驾照体检哪家医院能做", "医院名单", "驾驶证"),  # the knowledge recommends no hospital
    ("原平哪个车管所能补驾照", "地方名单", "驾驶证"),
    ("醉驾在山西具体罚多少", "本省标准", "酒驾"),  # answers give the national range only
    ("事故过去两年了还能起诉吗", "诉讼时效", "交通事故"),
    ("我的事故处理到哪一步了能帮我查查吗", "办理进度", "交通事故"),  # one's own case file
    ("车被撞了贬值费能要吗", "贬值损失", "交通事故"),
    ("旧国标电瓶车还能开到什么时候", "截止日期", "电动自行车"),  # the standard's entry gives no end date
    ("12123刷脸认证老是失败", "软件故障", "12123"),
    ("被拍了闯红灯 能不能帮我调监控看看", "调取录像", "交通违法"),  # fetching one place's footage
    ("醉驾能判缓刑吗", "缓刑", "酒驾"),  # the crime's entry says who judges, nothing of probation
    ("听说新车改成十年免检了是真的吗", "免检年限", "机动车"),  # no answer states the current free years
    ("校车为啥是黄颜色的", "颜色", "校车"),  # the school-bus entries say nothing of its colour
    ("喝一瓶啤酒等多长时间开车就不算酒驾了", "酒后多久能开", "酒驾"),  # how fast alcohol goes is in no text
])
def test_a_detail_no_entry_states_is_declined_naming_the_subject(engine, question, detail, subject):
    # never the related entry's answer: the honest reply, that subject's entries as choices
    reply = engine.answer(question)
    assert reply.status == CLARIFY and reply.reason == f"aspect:{detail} not held for {subject}"
    assert f"关于{subject}" in reply.text and "没有资料" in reply.text
    assert reply.choices and all(subject in engine.entry(c.id).subjects for c in reply.choices)


@pytest.mark.parametrize("question, entry, stated", [
    ("较大事故比上年少了几起", "stats-serious-2024", "2起"),  # the count is in the answer: it is held
    ("电动车头盔佩戴率是百分之多少", "ebike-helmet", "80%"),
    # 看不到 of the road ahead is visibility, not what an app shows
    ("下大雾了看不到50米 最高开多快", "road-speed-special", "30"),
    ("高速上雾大 前面看不到100米 能开多快", "road-expressway-fog", "60"),
    ("信号灯各种颜色是啥意思", "road-signals", "红灯"),  # a colour the answer names is held
])
def test_a_detail_an_answer_states_is_answered(engine, question, entry, stated):
    reply = engine.answer(question)
    assert (reply.status, reply.entry_id) == (ANSWER, entry) and stated in reply.text


@pytest.mark.parametrize("question, subject, not_from", [
    ("骑摩托车没戴安全帽要记几分", "摩托车", "ebike-helmet"),  # the e-bike entry names motorcycles too, but states no points
    ("单车道的公路没有限速牌最快开多少", "机动车", "nm-lane"),  # 单车道 is a road's lane, not 单车 the bicycle
])
def test_a_subject_is_not_answered_from_another_subjects_entry(engine, question, subject, not_from):
    reply = engine.answer(question)
    assert reply.status == ANSWER and reply.entry_id != not_from
    assert subject in engine.entry(reply.entry_id).subjects


@pytest.mark.parametrize("question, entry", [
    ("闯红灯罚多少钱", "violation-fines"),  # the national range is what is held; only 山西具体 is declined
    ("电动车国标什么时候实施的", "ebike-standard"),  # 何时 it holds; only an end date (骑到啥时候) it lacks
    ("新车几年免检", "reg-inspection"),  # its answer says the period changed: asked plainly, it answers
])
def test_the_held_question_beside_a_declined_detail_is_still_answered(engine, question, entry):
    reply = engine.answer(question)
    assert (reply.status, reply.entry_id) == (ANSWER, entry)


@pytest.mark.parametrize("question, entry", [
    ("去车管所办过户被退回来了为什么", "reg-transfer-refused"),  # 车管所 is where 过户 is done
    ("换了车身颜色去车管所变更要多久", "reg-change"),
])
def test_a_venue_named_as_where_a_thing_is_done_does_not_decline_the_thing(engine, question, entry):
    reply = engine.answer(question)
    assert (reply.status, reply.entry_id) == (ANSWER, entry)


@pytest.mark.parametrize("question, reason", [
    ("车管所电话多少", "aspect:联系电话 not held for 车管所"),  # the venue's own detail is still asked of it
    ("市民之家几点上班", "aspect:办公时间 asked of no subject"),  # a detail of nothing we know: no entry guesses
])
def test_a_detail_of_a_venue_or_of_nothing_named_is_still_declined(engine, question, reason):
    reply = engine.answer(question)
    assert reply.status != ANSWER and reply.reason == reason


@pytest.mark.parametrize("question, entry", [
    # the cancelled-licence entry covers 过期 and 注销 as the expired-licence one does; naming more
    # aspects once ruled it out
    ("驾照过期太久被注销了还能恢复吗", "licence-cancelled"),
    ("外地转进来的车要不要重新检验", "reg-transfer-other-place"),  # 转入 of a car from elsewhere
])
def test_an_entry_covering_what_was_asked_is_not_dropped_for_naming_more_aspects(engine, question, entry):
    reply = engine.answer(question)
    assert (reply.status, reply.entry_id) == (ANSWER, entry)


@pytest.mark.parametrize("question,entry", [
    # 外地 tells where the asker is; what is asked is the deadline's extension (延期)
    ("我在外省上班 违章一个月内赶不回去处理 可以推迟吗", "violation-notice"),
    ("在外地打工 罚单的处理期限能延后吗", "violation-notice"),
    # a story ending on the situation only (收到外地违章 咋办): what it told happened is asked about
    ("我的车牌被人套了 外地冒出好几条违章 怎么办", "violation-cancel"),
    ("上个月车借给同事了 他开出去撞了人 我这车主要担啥", "acc-lent-car"),
    # asked alone, the situation is still answered by the entry holding it
    ("在外省被拍了违章 能在忻州处理吗", "violation-other-place"),
    # 撞伤人 tells what happened; what is asked is getting a licence again (驾考), which the entry on
    # revoked licences holds though it names no 伤亡
    ("开车撞伤人后逃了 这辈子还能重新考驾照不", "licence-revoked"),
])
def test_a_circumstance_beside_what_is_asked_does_not_choose_the_entry(engine, question, entry):
    reply = engine.answer(question)
    assert (reply.status, reply.entry_id) == (ANSWER, entry), reply.reason


def test_a_count_asked_of_the_situation_is_not_answered_by_an_entry_without_it(engine):
    """受伤了多少人 asks the number of injured: 伤亡 is what is asked, not a situation told, so an
    entry giving other counts (deaths) does not answer it."""
    reply = engine.answer("2024年忻州交通事故里受伤的人一共多少")
    assert reply.status != ANSWER, reply.reason


def test_the_full_points_exam_is_not_read_as_the_driving_test(engine):
    """满分考试 is the exam after 12 points (满分), not 驾考's 考试: never the exam-video entry."""
    reply = engine.answer("满分考试不合格的 要等多久再约")
    assert reply.status != ANSWER or reply.entry_id.startswith("points-full"), reply.reason


def test_a_premium_going_up_reaches_the_premium_entry(engine):
    reply = engine.answer("去年没出险 今年交强险会不会涨")  # 涨 of a premium is 费率
    assert (reply.status, reply.entry_id) == (ANSWER, "insurance-premium"), reply.reason


def test_a_slogan_no_entry_gives_is_declined_not_answered_with_the_unit(engine):
    reply = engine.answer("豆罗中队提出了什么口号")
    assert reply.status != ANSWER and "没有资料" in reply.text, reply.reason


@pytest.mark.parametrize("question", [
    "体检在忻州哪里做",                 # 在…哪里 with the city between: a local address
    "想考摩托车本 去原平哪个地方报",
    "满分学习去忻州市区哪儿上课",
])
def test_a_place_named_between_a_verb_and_where_still_asks_where(engine, question):
    reply = engine.answer(question)
    assert reply.status in (FALLBACK, CLARIFY), reply.reason
    assert "地点" in reply.reason, reply.reason


@pytest.mark.parametrize("question, reason", [
    ("私家车开几年就得报废", "aspect:报废年数"),          # the years are not in the rules we hold
    ("豆罗中队管辖范围到哪", "aspect:路段名单"),           # which streets a squad covers
    ("电瓶车充一次电能跑多远", "aspect:续航多远"),
    ("帮我查下车主是谁 车牌晋H88888", "aspect:查车主"),
    ("二广高速今天堵不堵", "aspect:实时路况"),              # live traffic is not in the knowledge
    ("对方全责 官司能打赢吗", "aspect:胜诉"),
    ("共享单车押金怎么退", "aspect:退保 not held for 共享单车"),  # the one shared-bike entry is on riding drunk
    ("新车多久保养一次", "subject:保养周期"),
])
def test_a_detail_or_matter_the_knowledge_lacks_is_not_answered_from_a_neighbour(engine, question, reason):
    reply = engine.answer(question)
    assert reply.status in (FALLBACK, CLARIFY)
    assert reply.reason.startswith(reason), reply.reason


@pytest.mark.parametrize("question, subject", [
    ("买二手车要交什么税", "车辆税费"),          # a tax beside a car: the car entries say nothing of it
    ("出了事故保险公司定损要多久", "车险"),      # the insurer's assessment, not the police's
])
def test_a_matter_of_another_office_beside_a_subject_we_know_is_not_answered(engine, question, subject):
    reply = engine.answer(question)
    assert reply.status in (FALLBACK, CLARIFY)
    assert subject in reply.reason, reply.reason


@pytest.mark.parametrize("question, entry", [
    ("到了报废年限的车还能上路吗", "reg-scrapped-driving"),   # 报废年限 names the car's state, asks no years
    ("驾驶证业务都得本人到场吗", "licence-proxy"),            # 本人到场: whether someone else may go
    ("驾照到期换证必须本人去吗", "licence-renew"),            # its answer says a proxy may renew
    ("喝了点酒骑共享单车算酒驾吗", "drink-ebike"),            # an entry speaks of shared bikes
])
def test_the_words_of_a_lacking_detail_said_otherwise_still_reach_the_entry(engine, question, entry):
    reply = engine.answer(question)
    assert (reply.status, reply.entry_id) == (ANSWER, entry), reply.reason


@pytest.mark.parametrize("question, reason", [
    ("给电动车挂牌一定要本人到场吗", "aspect:委托 not held for 电动自行车"),   # who may go is said only of licences and cars
    ("去检测站年检需要提前预约吗", "aspect:预约办理 not held for 年检"),       # only the exam entry says booking
    ("台铃电动车符合国标吗", "subject:电动车品牌"),        # one model's conformity: its certificate tells, not the rules
    ("开特斯拉的辅助驾驶撞了车谁担责", "subject:"),     # a brand, self-driving: nothing held
    ("全省每年交通事故死多少人", "subject:全国统计"),   # the figures held are Xinzhou's
    ("驾照以前是六年一换 现在改了吗", "aspect:政策变化"),  # what changed when is not held
])
def test_a_detail_no_entry_holds_a_model_a_province_or_a_change_of_rule_is_not_answered(engine, question, reason):
    reply = engine.answer(question)
    assert reply.status in (FALLBACK, CLARIFY)
    assert reply.reason.startswith(reason), reply.reason


@pytest.mark.parametrize("question, entry", [
    # a brand beside a business of its kind is read as that kind
    ("买了辆二手捷达过户要带啥", "reg-transfer"),         # 捷达 is a car: the transfer of a car is asked
    ("雅迪能上牌吗", "ebike-plates"),                     # 雅迪 is an e-bike
    ("小牛电动车限速多少", "ebike-speed"),
    # a car repainted: a change of registration
    ("老公去年把车喷成黑色的了 原来是白的 这个要去车管所登记不", "reg-change"),
    # a story whose last clause asks alone: the police came (报警) is told, the days are asked
    ("上礼拜在七一路被人追尾了 交警来看过现场说要出事故认定书 一般多少天能拿到", "acc-certificate"),
    ("前天晚上骑电动车下班 被一辆小车刮了一下 腿上擦破点皮 当时对方留了个电话就走了 我也没报警 现在电话打不通了 还能报警不",
     "acc-report-later"),
    # a vehicle named beside the matter does not outrank the entry on that matter
    ("汽车撞了人咋办", "accident-injury"),            # 机动车 says with what; the injury crash is asked
    ("C1开大货车算什么违法", "points-wrong-class"),    # driving a class the licence does not allow
])
def test_what_a_brand_a_story_or_a_vehicle_tells_does_not_hide_what_is_asked(engine, question, entry):
    reply = engine.answer(question)
    assert (reply.status, reply.entry_id) == (ANSWER, entry), reply.reason


@pytest.mark.parametrize("question", ["老爷子70多了 还想考个小车驾照 能考吗", "俺舅今年71了 一辈子没摸过方向盘 现在还能考小车驾照不"])
def test_an_old_person_wanting_to_take_the_test_gets_the_age_rules_not_the_yearly_check(engine, question):
    # 考 (个小车) 驾照 is the test: the entry on who may apply at what age, not the 70+ yearly medical
    reply = engine.answer(question)
    assert (reply.status, reply.entry_id) == (ANSWER, "licence-age"), reply.reason
    assert "记忆力" in reply.text


@pytest.mark.parametrize("question, reason", [
    ("我侄子被电动车撞了 对方不赔钱 这个官司打了能赢不", "aspect:胜诉"),   # winning a case: not ours to say
    ("赔偿协议签了 协议能反悔吗", "aspect:协议反悔"),                      # undoing a signed settlement
])
def test_a_case_won_or_a_settlement_undone_is_not_answered(engine, question, reason):
    reply = engine.answer(question)
    assert reply.status != ANSWER and reply.reason.startswith(reason), reply.reason


def test_a_street_where_a_story_happened_does_not_block_what_its_last_clause_asks(engine):
    reply = engine.answer("拿本刚半年 上个月在长征街闯了个红灯 闯一次红灯扣几分")
    assert reply.status == ANSWER and "6" in reply.text, reply.reason
    # asked of the street itself, the street still counts
    assert engine.answer("昨天在和平街被追尾了 人没事 和平街限速多少").status != ANSWER


def test_a_last_clause_asking_only_when_does_not_drop_the_matter_told_before_it(engine):
    # 分扣完了 is what 要学多久 is about: a 'when' of the car entries would be another question
    reply = engine.answer("俺老汉开大货的 这回分扣完了 他要学多久")
    assert reply.status != ANSWER or reply.entry_id.startswith("points"), reply.reason


def test_someday_in_a_hypothetical_asks_no_time(engine):
    # 要是哪天 holds 哪天 (何时) and asks no time: the numbers to call are asked
    reply = engine.answer("要是哪天开着车突然起火了 应该先打哪个电话")
    assert (reply.status, reply.entry_id) == (ANSWER, "emergency-numbers"), reply.reason
    assert "119" in reply.text
    # 哪天 alone still asks when
    assert "何时" in engine.answer("驾照哪天到期").reason


def test_a_motive_before_the_question_is_not_what_is_asked(engine):
    # 怕出车祸 says why one asks: the speed limit is asked, not what to do after an accident
    reply = engine.answer("怕出车祸 想问问高速公路上最高限速多少")
    assert reply.status == ANSWER and "120" in reply.text, reply.reason


def test_a_licence_taken_in_a_named_country_is_a_foreign_licence(engine):
    assert engine.answer("在加拿大考的本 回来能换成国内的不").entry_id == "licence-foreign"
    # living abroad while one's own licence expires is no foreign licence
    assert engine.answer("人在韩国 驾照到期了咋办").entry_id != "licence-foreign"


def test_insurance_for_ones_own_damaged_car_is_not_held(engine):
    # 交强险 pays others' losses; one's own car soaked or scratched is a commercial policy's matter
    for question in ("车叫水泡了 保险赔吗", "买了划痕险 出一次险明年涨多少"):
        reply = engine.answer(question)
        assert reply.status == FALLBACK, (question, reply.reason)
    # a soaked licence is still a damaged licence
    assert engine.answer("驾照泡水了 字都看不清了 咋办").entry_id == "licence-damaged"


def test_where_the_cameras_stand_is_a_local_list_not_held(engine):
    assert engine.answer("咱这哪有测速摄像头 想知道一下").status == FALLBACK
    # how the average-speed check works is a rule, held
    assert engine.answer("区间测速是怎么算超速的").entry_id == "violation-speed-camera"


def test_the_borrowed_car_entry_answers_only_when_a_car_was_lent(engine):
    # acc-lent-car is the special case (only_when: 借车) of liability after a crash
    assert engine.answer("开车把人撞了 要负些啥责任").entry_id != "acc-lent-car"
    assert engine.answer("把车钥匙给了喝过酒的同事 他出事了 我要担责不").entry_id == "acc-lent-car"


def test_a_speed_after_its_verb_is_no_one_running_away(engine):
    # 跑了185: how fast, not 跑了 (fled)
    assert "肇事逃逸" not in engine.answer("高速限120 我跑了185 会咋样").reason
    assert "肇事逃逸" in engine.answer("撞了人 司机跑了 咋办").reason


@pytest.mark.parametrize("question, entry", [
    ("二手车过户去哪办", "reg-transfer"),                 # not the other-place transfer
    ("驾照审验去哪审", "licence-review"),
    ("贷款还完了解除抵押去哪办", "reg-mortgage"),
    ("对事故认定书不服 去哪申请复核", "acc-review"),
])
def test_where_to_do_a_business_is_answered_by_the_entry_that_says_which_office(engine, question, entry):
    # an entry whose answer names the office (向登记地车管所申请) holds 地点: a sibling that also
    # holds it no longer answers for it
    assert engine.answer(question).entry_id == entry


def test_a_thing_denied_to_say_what_is_meant_is_not_what_is_asked(engine):
    # 不是122那个: the number of the office is asked, and that is not held here
    reply = engine.answer("交警队的电话是多少 不是122那种 是办业务的")
    assert reply.status != ANSWER and "122" not in reply.reason, reply.reason
    # denied drink driving, asked the points of the other offence: not the drink-driving entry
    assert not (engine.answer("不是酒驾 是开车打电话 扣几分").entry_id or "").startswith("drink")
    # 是不是 asks, it denies nothing
    assert engine.answer("这样是不是酒驾").entry_id.startswith("drink")


@pytest.mark.parametrize("question", ["比亚迪哪款好", "雅迪电动车质量怎么样", "比亚迪"])
def test_a_brand_asked_about_itself_is_not_answered(engine, question):
    reply = engine.answer(question)
    assert reply.status == FALLBACK and "品牌" in reply.reason, reply.reason


@pytest.mark.parametrize("question, entry, says", [
    # the replacement entry and the proxy entry both say a proxy may replace a licence
    ("驾驶证补办能找亲戚代办吗", ("licence-lost", "licence-proxy"), ("补", "委托代理人")),
    ("考科目三要先预约吗", ("licence-exam-booking",), ("预约",)),
])
def test_how_a_business_is_done_is_answered_by_the_entry_saying_it(engine, question, entry, says):
    reply = engine.answer(question)
    assert reply.status == ANSWER and reply.entry_id in entry, reply.reason
    assert all(s in reply.text for s in says)


@pytest.mark.parametrize("question", [
    "坐公交可以刷老人卡吗",      # shares 公交 with the bus-driver crime, and nothing more
    "忻州有啥特产",
])
def test_nothing_of_ours_read_gets_the_honest_reply_not_unrelated_choices(engine, question):
    reply = engine.answer(question)
    assert reply.status == FALLBACK and not reply.choices, reply.reason
    assert "12123" in reply.text


@pytest.mark.parametrize("question", [
    "河曲交警大队有没有窗口交罚款",      # a county's window: a local fact
    "原平电动车上牌点有几个",
])
def test_a_local_service_point_is_a_local_fact(engine, question):
    reply = engine.answer(question)
    assert reply.status in (FALLBACK, CLARIFY), reply.reason


@pytest.mark.parametrize("question, reason", [
    ("报了驾校学一半想转驾校怎么办", "aspect:驾校服务"),    # a school's own business, not the exam rules
    ("醉驾判了以后会不会留案底", "aspect:其他影响"),        # consequences beyond the traffic law
    ("豆罗中队坐几路公交能到", "aspect:地点"),             # how to get there is where it is
])
def test_what_lies_beside_the_rules_is_said_so(engine, question, reason):
    reply = engine.answer(question)
    assert reply.status in (FALLBACK, CLARIFY)
    assert reply.reason.startswith(reason), reply.reason


@pytest.mark.parametrize("question, reason", [
    ("这台二手车出没出过事故怎么查", "aspect:车辆历史"),   # a car's history is the insurer's and the garage's record
    ("忻州一共几个车管所", "aspect:地方名单"),              # how many local offices: answers name none
])
def test_a_cars_history_and_a_count_of_local_offices_are_not_held(engine, question, reason):
    reply = engine.answer(question)
    assert reply.status in (FALLBACK, CLARIFY)
    assert reply.reason.startswith(reason), reply.reason


def test_where_ones_own_car_was_towed_is_ones_own_record(engine):
    reply = engine.answer("违停被拖走了 车拖哪去了")
    assert reply.status in (FALLBACK, CLARIFY)
    assert reply.reason.startswith("answer-type:代查"), reply.reason


@pytest.mark.parametrize("question", [
    "去队史馆参观收门票不",            # a fee the hall's entry does not state
    "豆罗中队一共几个民警",            # a head count it does not give
    "豆罗中队能不能处理违章",          # which services it offers
])
def test_a_detail_of_a_local_office_its_entry_does_not_give_is_declined(engine, question):
    reply = engine.answer(question)
    assert reply.status in (FALLBACK, CLARIFY), reply.reason


def test_what_the_app_offers_is_still_answered_by_the_app_entry(engine):
    reply = engine.answer("交管12123上能交罚款吗")
    assert (reply.status, reply.entry_id) == (ANSWER, "app-12123"), reply.reason


@pytest.mark.parametrize("question, reason", [
    ("我倒车他直行撞上了 我是不是全责", "aspect:个案定责"),   # one's own case: the police decide on the scene
    ("考C2最少要学多少学时", "aspect:培训学时"),              # a school's training hours are not in the rules
])
def test_ones_own_case_judged_and_training_hours_are_not_held(engine, question, reason):
    reply = engine.answer(question)
    assert reply.status in (FALLBACK, CLARIFY)
    assert reply.reason.startswith(reason), reply.reason


def test_how_responsibility_is_divided_is_still_answered(engine):
    reply = engine.answer("交通事故全责主责次责是怎么划分的")
    assert reply.status == ANSWER, reply.reason


@pytest.mark.parametrize("question", ["房子过户要啥手续", "车管所星期六上班不", "车管所礼拜天上班吗"])
def test_a_house_is_no_car_and_a_weekday_named_asks_the_hours(engine, question):
    reply = engine.answer(question)
    assert reply.status != ANSWER and reply.to_json()["declined"], reply.reason


@pytest.mark.parametrize("question", ["神池有没有科目二考场", "忻州有几个考场", "静乐有没有交警大队"])
def test_which_local_sites_exist_is_a_local_list_we_do_not_hold(engine, question):
    reply = engine.answer(question)
    assert reply.status != ANSWER and reply.to_json()["declined"], reply.reason


def test_the_items_of_an_exam_are_no_list_of_sites(engine):
    reply = engine.answer("科目二考场有几个项目")
    assert (reply.status, reply.entry_id) == (ANSWER, "exam-subjects"), reply.reason


def test_the_items_of_an_exam_listed_are_no_list_of_sites(engine):
    reply = engine.answer("科目二考场有哪些项目")
    assert (reply.status, reply.entry_id) == (ANSWER, "exam-subjects"), reply.reason


@pytest.mark.parametrize("question,entry", [
    # fog on an ordinary road: the general speed rule (30 km/h under 50 m), not the expressway's
    ("下大雾能见度就五十米 在普通路上能开多快", "road-speed-special"),
    # a breakdown on an ordinary road: the general warning-sign rule, not the expressway's 150 m
    ("在普通公路上车坏了 三角警示牌该放多远", "accident-warning-sign"),
])
def test_an_entry_for_a_special_case_does_not_answer_the_general_question(engine, question, entry):
    reply = engine.answer(question)
    assert (reply.status, reply.entry_id) == (ANSWER, entry), reply.reason


@pytest.mark.parametrize("question,entry", [
    ("高速上下大雾能开多快", "road-expressway-fog"),
    ("高速上车坏了 警告牌放多远", "accident-expressway"),
    ("小区里撞车交警管吗", "acc-off-road"),
    ("雾天要开双闪吗", "road-expressway-fog"),  # the only entry holding both 天气 and 警示
])
def test_the_special_case_asked_still_reaches_its_entry(engine, question, entry):
    reply = engine.answer(question)
    assert (reply.status, reply.entry_id) == (ANSWER, entry), reply.reason


@pytest.mark.parametrize("question,entry", [
    ("驾照上电话地址换了要不要去报备 多长时间内", "licence-contact"),  # the asker's own phone changed: 变更, no phone asked
    ("交强险是强制的吗 不买会咋样", "insurance-no-cover"),
    ("电动车后座绑东西 能绑多高", "nm-load"),
    ("我的车借给小舅子开 他闯了红灯被拍了 分扣谁的", "violation-actual-driver"),
    # a motorbike is a motor vehicle: the drink-driving penalties, not the e-bike rule
    ("喝了酒骑摩托车被抓了咋处理", "drink-penalty"),
    # the asker's own number on the licence: updating it, not a phone number asked
    ("手机号换了 驾照上登记的电话要不要去改 有期限没", "licence-contact"),
    ("驾驶证电话怎么改", "licence-contact"),
])
def test_everyday_words_for_what_is_asked_reach_the_entry(engine, question, entry):
    reply = engine.answer(question)
    assert (reply.status, reply.entry_id) == (ANSWER, entry), reply.reason


@pytest.mark.parametrize("question", ["高速公路限速120吗", "高速最低60最高120对吗", "小车在高速上最快能开120吗"])
def test_a_speed_of_120_is_a_speed_not_the_ambulance_number(engine, question):
    reply = engine.answer(question)
    assert (reply.status, reply.entry_id) == (ANSWER, "road-expressway-speed"), reply.reason


@pytest.mark.parametrize("question", ["120来了没", "122是干嘛的"])
def test_the_emergency_numbers_asked_alone_are_still_the_numbers(engine, question):
    assert engine.answer(question).entry_id == "emergency-numbers"


@pytest.mark.parametrize("question, entry", [
    ("因为逃跑导致伤者没救过来 司机会判多重", "accident-hit-run-crime"),   # 逃逸 and 判刑: one entry holds both
])
def test_the_one_entry_holding_all_that_was_read_is_offered_when_worded_far_from_it(engine, question, entry):
    reply = engine.answer(question)
    assert reply.status == CLARIFY and reply.declines, reply.reason
    assert [c.id for c in reply.choices] == [entry]
    assert "12123" in reply.text.split("\n")[0]   # the honest reply comes first


@pytest.mark.parametrize("question, entry", [
    ("我爸今年71了驾照还能用吗", "licence-elderly"),       # 71: over the law's 70
    ("61了 还能开大客车不 我开了一辈子班车", "licence-over-60"),
    ("孩子十七了 能报驾校考驾照不", "licence-age"),
    ("请问一下七十多岁还能开车吗", "licence-elderly"),  # with 岁, an age wherever it stands
    ("大哥 七十岁还能开车吗", "licence-elderly"),
    ("俺爹72咧 驾照还能用不", "licence-elderly"),          # 咧: the dialect's 了
])
def test_an_age_said_as_a_bare_number_is_read_as_an_age(engine, question, entry):
    reply = engine.answer(question)
    assert (reply.status, reply.entry_id) == (ANSWER, entry), reply.reason


@pytest.mark.parametrize("question", ["扣了12分了", "车速到80了", "罚了200了", "今年2024年"])
def test_other_numbers_are_not_read_as_ages(engine, question):
    text = engine.text
    assert "岁" not in text.canonical(text.normalize(question))


def test_the_police_station_named_as_where_a_thing_is_done_does_not_decline_it(engine):
    reply = engine.answer("去交警队现场学一个钟头考过了 能减几分")
    assert (reply.status, reply.entry_id) == (ANSWER, "points-reduce"), reply.reason


def test_someone_who_no_longer_answers_the_phone_is_not_a_phone_number_asked(engine):
    reply = engine.answer("私了签了字 对方说好三天给钱 现在电话都不接了 咋办")
    assert reply.status != ANSWER and reply.declines, reply.reason


@pytest.mark.parametrize("question, entry", [
    ("轮胎没气了停在县道边上 警告牌放车后面多远", "accident-warning-sign"),   # 警告牌 placed: the warning triangle
    ("固定测速点必须有警告牌吗", "violation-speed-camera"),                   # a notice sign, not the triangle
])
def test_the_warning_triangle_is_told_from_a_notice_sign(engine, question, entry):
    reply = engine.answer(question)
    assert (reply.status, reply.entry_id) == (ANSWER, entry), reply.reason


def test_a_blood_type_asked_of_the_licence_is_said_not_held(engine):
    reply = engine.answer("驾照体检要不要验血型")
    assert reply.status != ANSWER and reply.declines, reply.reason


@pytest.mark.parametrize("question, entry", [
    # the answer states the deadline (三日内作出是否接受的决定): it covers 何时 as much as an entry naming it
    ("当时没报警 过两天再去报 交警会受理吗 多久给答复", "acc-report-later"),
    ("我在国外读书 驾照到期回不去 能延期吗 最多延多久", "licence-delay"),
])
def test_an_entry_stating_the_time_asked_ranks_as_covering_it(engine, question, entry):
    reply = engine.answer(question)
    assert (reply.status, reply.entry_id) == (ANSWER, entry), reply.reason


def test_which_number_to_call_if_a_car_caught_fire_is_the_emergency_numbers(engine):
    reply = engine.answer("假如车着火了 应该打哪个电话")
    assert (reply.status, reply.entry_id) == (ANSWER, "emergency-numbers"), reply.reason
    assert "119" in reply.text


@pytest.mark.parametrize("question", ["车陷在泥里了 咋办", "车陷雪里出不来了"])
def test_a_car_sunk_in_snow_is_no_typo_for_car_insurance(engine, question):
    text = engine.text
    assert "车险" not in text.canonical(text.normalize(question))


@pytest.mark.parametrize("question", ["在忻州办过户一般排队得等几天", "忻州电动车挂牌现场办完当天能拿到牌子吗"])
def test_how_long_the_queue_or_same_day_is_a_time_no_entry_states(engine, question):
    reply = engine.answer(question)
    assert reply.status != ANSWER and reply.declines, reply.reason


@pytest.mark.parametrize("question", ["忻州哪个检测站年检快 人少", "二手车市场哪家靠谱"])
def test_which_is_cheapest_or_quickest_asks_a_recommendation_we_do_not_give(engine, question):
    reply = engine.answer(question)
    assert reply.status != ANSWER and reply.declines, reply.reason


def test_fewer_deaths_is_no_recommendation(engine):
    reply = engine.answer("听说去年忻州交通事故死亡的人少了不少，到底比前年少了多少人？")
    assert "推荐" not in reply.reason


@pytest.mark.parametrize("question, entry", [
    ("五一去大同玩被电子眼拍了个闯红灯 还得专门跑回大同处理吗 俺在忻州", "violation-other-place"),
    ("我在太原打工 驾照是忻州考的 到期了非得回忻州换吗", "licence-renew"),
])
def test_having_to_go_back_to_another_city_is_asked_as_another_place(engine, question, entry):
    reply = engine.answer(question)
    assert (reply.status, reply.entry_id) == (ANSWER, entry), reply.reason


@pytest.mark.parametrize("question, entry", [
    ("驾驶证丢了怎么补 在线等", "licence-lost"),
    ("高速公路最高限速多少 在线等 求回复", "road-expressway-speed"),
])
def test_a_plea_for_a_reply_asks_nothing_more(engine, question, entry):
    # 在线等 is "waiting online for an answer", not 网上办理
    reply = engine.answer(question)
    assert (reply.status, reply.entry_id) == (ANSWER, entry), reply.reason


@pytest.mark.parametrize("question, entry", [
    # before expiry is the renewal, not the expired licence; after it, the expired licence
    ("驾照过期前多久可以换证", "licence-renew"),
    ("驾驶证到期之前多少天能去换", "licence-renew"),
    ("驾照过期了还能换吗", "licence-expired"),
    # 它 at a story's end asks of what the story told (the fire engine, the ambulance)
    ("消防车拉着警报从后头过来 我在路口等红灯 要给它让吗", "road-emergency-vehicles"),
    ("后面一辆救护车一直鸣笛 我前面是红灯 我得给它让路吗", "road-emergency-vehicles"),
    # speeding is speed asked, not any points entry
    ("市区小轿车超速百分之三十 扣几分", "points-speeding"),
    ("城里小巷子没线没牌子 开多快不算超速", "road-speed-no-sign"),
    # 中间线 is the centre line, 最高 the upper limit the no-sign rule states
    ("没画中间线的乡道最高能开多快", "road-speed-no-sign"),
    ("同方向就一条车道的公路 没牌子 最高让跑多少", "road-speed-no-sign"),
    # 伸出来 of what is tied on is the load; 一横排 of people walking is walking in file
    ("电瓶车后头绑了根竹竿 最多能伸出来多少", "nm-load"),
    ("一群人晚上沿马路走 一横排最多几个人", "road-pedestrian"),
    # 没让它 is the offence of not yielding; 先出钱 is the fund's advance
    ("路上碰见校车停着上下学生 没让它 扣几分", "licence-school-bus"),
    ("听说有个基金能先出钱 是真的吗", "fund-what"),
])
def test_what_a_citizen_says_is_read_as_the_rule_asked(engine, question, entry):
    reply = engine.answer(question)
    assert reply.entry_id == entry, reply.reason


@pytest.mark.parametrize("question, entry", [
    ("my friend 刚拿驾照还在实习期 周末想自己一个人开上高速回老家 行不行", "licence-learner"),  # 周末: when, told
    ("俺爹开拖拉机拉上俺们一家子去地里 拖拉机上让坐人不", "reg-tractor"),                     # 一家子: who, told
    ("俺们一伙老年人早上顺着马路走步 一排最多能并排走几个人", "road-pedestrian"),
    ("打车到了 司机停在大马路当中 俺从左边开门下去有事没", "road-passenger-duties"),          # 开门: a car door
])
def test_a_word_of_the_story_is_not_asked_beside_what_is(engine, question, entry):
    reply = engine.answer(question)
    assert (reply.status, reply.entry_id) == ("answer", entry), reply.reason


@pytest.mark.parametrize("question", ["车管所周末能办业务吗", "代县交警大队周末能处理违章不", "周末上班吗"])
def test_a_weekend_asked_of_an_office_or_alone_still_asks_its_hours(engine, question):
    reply = engine.answer(question)
    assert reply.status != "answer", reply.reason
    assert reply.declines, reply.reason


def test_e_bike_passengers_get_the_honest_reply_with_the_legal_frame_one_tap_away(engine):
    # the national texts leave passengers on e-bikes to each province (实施条例第七十一条); Shanxi's rule
    # is not held: the honest reply first, never another aspect's answer, and the frame offered
    reply = engine.answer("电动车能带人吗")
    assert reply.status == "clarify" and reply.declines, reply.reason
    assert "nm-passengers" in [c.id for c in reply.choices]
    frame = engine.reply_for_entry("nm-passengers")
    assert "省、自治区、直辖市人民政府" in frame.text and "没有资料" in frame.text


def test_rail_travel_is_not_answered_from_the_e_bike_entries(engine):
    reply = engine.answer("坐火车能带电动车电池吗")
    assert reply.status == "fallback", reply.reason


def test_an_entry_that_only_frames_what_is_not_held_declines_when_it_answers(engine):
    # nm-passengers says each province decides and Shanxi's rule is not held: chosen, it still declines
    reply = engine.reply_for_entry("nm-passengers")
    assert reply.declines
    assert not engine.reply_for_entry("nm-age").declines


@pytest.mark.parametrize("question, entry", [
    # the scrape and self-settling entries are never for accidents with someone hurt (not_when: 伤亡)
    ("要是出了有人受伤的事故 能不能先挪车自己私了", "accident-injury"),
    ("有人受伤的事故还能私了不", "acc-must-report"),
    # with no one hurt they still answer
    ("轻微事故没人受伤能私了吗", "accident-minor"),
])
def test_an_entry_never_answers_what_it_says_it_is_not_for(engine, question, entry):
    reply = engine.answer(question)
    assert (reply.status, reply.entry_id) == (ANSWER, entry), reply.reason


@pytest.mark.parametrize("question", [
    "喝了点酒开车被查了 不算醉驾 会判刑吗",
    "吹了一下说没到醉驾 会不会判刑",
    "我没喝醉 就喝了一杯 会咋判",
    "不是醉驾会坐牢不",  # a clause opening with 不是 and ending asking is no denial of what it names
])
def test_drink_said_not_to_be_drunk_driving_gets_the_drink_penalty_not_the_crime(engine, question):
    # 饮酒驾驶 (not 醉驾) is punished by the traffic police, not by a court: the crime's answer
    # would tell the citizen the wrong thing
    reply = engine.answer(question)
    assert (reply.status, reply.entry_id) == (ANSWER, "drink-penalty"), reply.reason


def test_a_story_told_before_a_question_that_names_other_subjects_is_still_what_is_asked(engine):
    # the end names 驾照 and 罚款, the story says it was drink-driving: the drink penalty answers
    # both (the licence suspended six months, the fine), not a choice about detained licences
    reply = engine.answer("喝了两瓶啤酒开车叫查住了 吹出来是酒驾不是醉驾 驾照扣多久 罚款是多少")
    assert (reply.status, reply.entry_id) == (ANSWER, "drink-penalty"), reply.reason
    assert "六个月" in reply.text and "罚款" in reply.text


def test_a_measure_asked_with_duo_kuai_is_a_question_of_its_own_beside_the_next(engine):
    # 多快 asks as 多少 does: two questions typed with a space get both answers (the minimum speed
    # on the expressway, and the points for driving below it)
    reply = engine.answer("高速公路最低要开多快 低于这个速度扣不扣分")
    assert reply.status == ANSWER, reply.reason
    assert "60" in reply.text and "3分" in reply.text


def test_drunk_driving_told_then_asked_of_the_licence_is_the_crime_not_an_accident(engine):
    reply = engine.answer("朋友喝多了开车被交警查了 抽血说是醉驾 要判刑吗 驾照还能考回来吗")
    assert (reply.status, reply.entry_id) == (ANSWER, "drunk-driving-crime"), reply.reason


def test_a_spouse_named_in_a_story_is_a_person_not_a_question_about_spouses(engine):
    # 老婆 in the car is who was hurt, not a transfer between spouses: the compulsory insurance
    # answer (it does not pay for the people in one's own car)
    reply = engine.answer("开车带着我老婆撞到树上了 老婆受了伤住院 我自己车的交强险能赔我老婆吗")
    assert reply.status == ANSWER and "本车人员" in reply.text, reply.reason
    spouse = engine.answer("车从老公名下转到我名下要什么手续")
    assert (spouse.status, spouse.entry_id) == (ANSWER, "reg-spouse"), spouse.reason


@pytest.mark.parametrize("question", ["在石家庄被拍了违章 还得跑回石家庄处理吗", "去西安出差被拍了违章 必须去西安交吗"])
def test_a_violation_in_another_city_is_the_rule_for_violations_elsewhere(engine, question):
    # another city named where a thing happened reads as being elsewhere: the national rule on
    # handling a violation recorded in another place, not where to handle one here or the app
    reply = engine.answer(question)
    assert (reply.status, reply.entry_id) == (ANSWER, "violation-other-place"), reply.reason


@pytest.mark.parametrize("question", ["太原车管所地址在哪", "忻州到太原的火车票怎么买"])
def test_another_citys_own_office_or_train_is_still_not_ours(engine, question):
    assert engine.answer(question).status != ANSWER


@pytest.mark.parametrize("question", ["车管所几号窗口办过户", "办驾照换证去车管所几楼", "高速公路的应急车道有多宽"])
def test_a_window_number_a_floor_or_a_width_no_answer_states_is_declined(engine, question):
    # the transfer entry says where (the registration office), never which window; the expressway
    # rules give 150 m for the warning sign, never a lane's width
    reply = engine.answer(question)
    assert reply.status != ANSWER and reply.declines, reply.reason


def test_a_width_an_answer_states_is_answered(engine):
    reply = engine.answer("电动车载东西能超出车把多宽")
    assert reply.status == ANSWER and "0.15米" in reply.text, reply.reason


def test_points_asked_in_a_story_are_what_is_asked_not_the_subject_the_next_part_leans_on(engine):
    # 扣几分 asks the points of running the light; 罚多少钱 then asks its fine: never the drink
    # penalty (which holds points and fines alike)
    reply = engine.answer("闯红灯被拍了 扣几分 罚多少钱")
    assert reply.status == ANSWER, reply.reason
    assert set(reply.extra.get("answered", ())) == {"points-values", "violation-fines"}, reply.reason


@pytest.mark.parametrize("question", ["12123里多出来一条违章 那天我根本没去那个县 怎么提出来",
                                      "有人受伤的事故 两边商量好了能私了不"])
def test_an_objection_and_private_settling_after_injury_get_their_rule(engine, question):
    reply = engine.answer(question)
    assert reply.status == ANSWER and reply.entry_id in ("violation-objection", "acc-must-report"), reply.reason
    assert ("异议" in reply.text) or ("不能自己协商" in reply.text)


@pytest.mark.parametrize("question", ["交强险赔完了还差一截 剩下的按啥分",
                                      "去年骑车让小车刮了 腿骨折 人早就好了 对方交强险赔完了还差一截 剩下的按啥分 我没啥过错"])
def test_what_is_left_after_the_compulsory_insurance_is_split_by_fault(engine, question):
    # the remainder beyond the insurance limit is shared by fault (law art. 76): not the insurance's
    # own cover, nor the rescue fund, which only advances rescue costs
    reply = engine.answer(question)
    assert reply.status == ANSWER and "过错" in reply.text and "第七十六条" in reply.text, reply.reason


def test_a_few_years_ago_tells_a_time_and_asks_nothing(engine):
    # 前几年在外地打工 is the story, not a question about inspections in another place
    reply = engine.answer("前几年在外地打工 驾照过期一年多了也没回来换 这次回来一查说已经注销了 还能恢复不 是不是得从头再学")
    assert reply.status == ANSWER and reply.entry_id == "licence-cancelled", reply.reason
    assert "reg-inspection" not in reply.extra.get("answered", ()), reply.reason


def test_points_of_two_offences_typed_as_one_run_come_from_the_points_table(engine):
    reply = engine.answer("闯红灯扣几分不系安全带又扣几分")
    assert reply.status == ANSWER and "6分" in reply.text and "1分" in reply.text, reply.reason


def test_an_end_that_names_nothing_goes_on_asking_what_was_asked_before(engine):
    # 明年还接着算不 names nothing: it asks on about the yearly clearing asked in the first clause
    reply = engine.answer("扣的分是不是一年一清 今年扣了6分没满 明年还接着算不")
    assert reply.status == ANSWER and reply.entry_id == "points-cycle", reply.reason


def test_mei_before_a_verb_negates_and_asks_no_progress(engine):
    # 吹出来没到醉驾那个数 tells the reading was under the drunk line; 出来没 alone asks whether a
    # case's paper came out (only the citizen's own file knows)
    reply = engine.answer("昨黑喝了两瓶啤酒开车叫查住了 吹出来没到醉驾那个数 这得扣几分")
    assert reply.status == ANSWER and reply.entry_id == "drink-penalty", reply.reason
    assert engine.answer("事故认定书出来没").status != ANSWER


@pytest.mark.parametrize("question, entry", [
    ("上回在高速上车坏了 三角牌该放多远 老司机说50米就行 对不对", "accident-expressway"),
    ("开车接了个电话被拍了 俺老公说扣两分 到底扣几分", "points-values"),
])
def test_who_said_it_is_not_what_is_asked(engine, question, entry):
    # 老司机说 / 老公说 name the one who spoke, not the driving years or the spouses' entry
    reply = engine.answer(question)
    assert reply.status == ANSWER and reply.entry_id == entry, reply.reason


def test_a_brand_named_in_the_story_is_carried_as_its_kind(engine):
    # 九号电动车 is an e-bike: carrying a child on it is what is asked, and no entry holds that
    # for e-bikes (never the car passengers' rule)
    reply = engine.answer("新买了辆九号电动车 想加个后座带孩子 忻州允许不")
    assert reply.status != ANSWER and reply.declines and "电动自行车" in reply.text, reply.reason


def test_whether_a_limit_is_the_same_everywhere_is_answered_by_the_entry_saying_so(engine):
    # the compulsory insurance's limits are national (全国统一); asked of another province too
    reply = engine.answer("jiaoqiangxian在山西和外省赔的额度一样不 还是各地不一样")
    assert reply.status == ANSWER and "全国统一" in reply.text, reply.reason
    assert engine.answer("驾照是全国通用吗").status != ANSWER  # no entry says so of licences


@pytest.mark.parametrize("question", ["闯了个红灯扣几分", "昨儿黑夜没注意闯了个红灯 这个扣几分咧"])
def test_running_a_red_light_however_typed_gets_its_points_not_the_buying_of_points(engine, question):
    reply = engine.answer(question)
    assert reply.status == ANSWER and reply.entry_id == "points-values" and "6分" in reply.text, reply.reason


def test_a_red_light_typed_with_a_particle_is_still_the_red_light(engine):
    # 闯了红灯 reads as 闯红灯 (synonyms): the actual driver's entry answers, no longer only offered
    reply = engine.answer("车被表哥开去闯了红灯能记他的分吗")
    assert (reply.status, reply.entry_id) == (ANSWER, "violation-actual-driver"), reply.reason


@pytest.mark.parametrize("question, subject", [("骑自行车后座带个人犯法吗", "非机动车"), ("电动车能带人吗", "电动自行车")])
def test_the_entry_saying_what_is_not_held_is_offered_first(engine, question, subject):
    # carrying a passenger is the province's rule (实施条例第七十一条): the honest reply comes first,
    # and the entry that says so, with the article, is the first choice
    reply = engine.answer(question)
    assert reply.status == CLARIFY and reply.declines and f"关于{subject}" in reply.text, reply.reason
    assert reply.choices[0].id == "nm-passengers"


def test_an_aspect_no_entry_holds_of_no_subject_names_no_empty_subject(engine):
    reply = engine.answer("对史馆能进去参观不")
    assert reply.declines and "关于，" not in reply.text


def test_a_sigh_after_the_question_does_not_hide_what_the_story_told(engine):
    # the end asks only of points; the story told the phone call, which the points table holds
    plain = engine.answer("开车接了个电话被交警看见了 这扣几分啊")
    sighed = engine.answer("开车接了个电话被交警看见了 这扣几分啊 唉倒霉")
    assert plain.status == sighed.status == ANSWER
    assert plain.entry_id == sighed.entry_id == "points-values"


def test_two_rates_asked_at_once_get_the_results_entry_that_states_both(engine):
    reply = engine.answer("忻州交警去年总结里说电动车挂牌率到了多少 还有头盔佩戴率")
    assert reply.status == ANSWER and reply.entry_id == "ebike-results-2024"
    assert "95%" in reply.text and "80%" in reply.text
    # a plain question about plates is still the plates entry
    assert engine.answer("电动车要上牌吗").entry_id == "ebike-plates"


@pytest.mark.parametrize("question, entry", [
    ("国标的电动自行车最高能跑多少", "ebike-speed"),
    ("高速上小车最高能开多少", "road-expressway-speed"),
])
def test_how_fast_it_can_run_at_most_asks_the_speed(engine, question, entry):
    reply = engine.answer(question)
    assert reply.status == ANSWER and reply.entry_id == entry


def test_a_near_miss_told_is_no_accident_asked_about(engine):
    # 差点追尾 did not happen: the fog's speed limit is asked, not the expressway accident
    reply = engine.answer("昨天走二广高速大雾 差点追尾 吓死了 现在在家里 想问问高速上能见度不到100米得开多快")
    assert reply.status == ANSWER and "40" in reply.text
    assert reply.entry_id != "accident-expressway"


def test_a_fear_told_after_the_question_does_not_make_it_a_question_about_charging(engine):
    reply = engine.answer("电瓶车电池国家规定最高多少伏 怕买的那个大电池充电着火")
    assert reply.status == ANSWER and reply.entry_id == "ebike-voltage"


def test_a_tail_telling_why_it_was_asked_names_nothing_asked(engine):
    # 驾校老师上课问的: why the citizen asks, not a question about driving schools
    reply = engine.answer("问下有人受伤的交通事故按规定该咋弄 驾校老师上课问的 俺没答上来")
    assert reply.status == ANSWER and "122" in reply.text


def test_missing_work_is_no_question_about_office_hours(engine):
    reply = engine.answer("我老公今年分扣满了12分 说要去学习 得学几天 耽误上班不")
    assert reply.status == ANSWER and reply.entry_id == "points-full"


def test_the_end_telling_what_for_does_not_pick_the_answer_over_the_question_before_it(engine):
    # 车管所开门不 is asked; 想去把过户办了 tells why: opening hours are not held here
    reply = engine.answer("俺在原平上班平时请不下假 周六周日车管所开门不 想去把过户办了")
    assert reply.entry_id != "reg-transfer"
    assert reply.declines


def test_a_street_where_it_happened_does_not_gate_the_rule_asked(engine):
    reply = engine.answer("前天在和平街没注意闯了个红灯 闯红灯一次扣几分啊")
    assert reply.status == ANSWER and "6分" in reply.text
    # asked of the street itself, it still declines
    assert engine.answer("和平街限速多少").declines


def test_a_toll_station_is_a_place_not_a_question_of_fees(engine):
    reply = engine.answer("ETC卡没插好 出收费站杆子不抬 咋处理")
    assert reply.status != ANSWER


@pytest.mark.parametrize("question, entry, fact", [
    # 提前多久去换: renewal asked with only the verb; 直接报废 is scrapping, not 直接报 (first application)
    ("俺驾找是2020年领的六年本 明年就到期咧 最早能提前多久去换", "licence-renew", "九十日"),
    ("车报废了交给谁", "reg-scrap", "回收"),
    ("上个月开车去太原办事 回来12123上显示在那边被拍了压实线 能在忻州这边处理不", "violation-other-place", "登记地"),
])
def test_everyday_verbs_read_as_what_they_ask(engine, question, entry, fact):
    reply = engine.answer(question)
    assert reply.status == ANSWER and reply.entry_id == entry and fact in reply.text, reply.reason


def test_zhijie_baofei_is_not_read_as_a_first_application(engine):
    reply = engine.answer("要是没人要直接报废的话车交给谁")
    assert reply.entry_id != "exam-first-class"


def test_a_handheld_phone_is_a_driving_behaviour_not_a_phone_number_asked(engine):
    reply = engine.answer("开车时候手持电话被拍了 扣几分")
    assert reply.status == ANSWER and "3分" in reply.text, reply.reason


@pytest.mark.parametrize("question", [
    # how many hours after drinking, when the fund's money arrives, a broken light's phone: not held
    "晚上喝了两瓶啤酒 睡一觉第二天早上七点开车算不算酒驾 要等几个钟头才行",
    "上个月我爸被车撞了司机逃逸了 救助基金申请了以后多少天能把钱打到医院账上",
    "七一路和新建路那个路口的红绿灯老是坏 该给谁反映 有电话没",
])
def test_details_no_text_gives_are_declined_not_answered_from_a_neighbour(engine, question):
    reply = engine.answer(question)
    assert reply.status != ANSWER and reply.declines, reply.reason


@pytest.mark.parametrize("question", [
    "醉驾被吊销了 多少年不能再考",
    "醉架被吊销了以后隔几年才能重考",
])
def test_how_long_before_a_drunk_driver_may_take_the_test_again(engine, question):
    reply = engine.answer(question)
    assert reply.status == ANSWER and "五年" in reply.text, reply.reason


@pytest.mark.parametrize("question", [
    "刚拿本就剐蹭了 吓死了 实习期到底多长",
    "刚拿本没几天 在停车场里把柱子蹭了 就我自己 没人受伤 我爸说我还在实习期以后少开 实习期到底是多长时间啊",
])
def test_an_end_asking_what_only_another_subject_holds_is_not_asked_of_the_story(engine, question):
    # the scrape was how the question came up; the probation period is the licence's
    reply = engine.answer(question)
    assert reply.status == ANSWER and "12个月" in reply.text, reply.reason


def test_an_end_asking_what_many_subjects_hold_stays_asked_of_the_story(engine):
    # plates are held for cars and e-bikes alike: where to plate an e-bike is still not ours
    reply = engine.answer("俺在忻州给电动车上派 要带甚材料 发票丢了还能上不")
    assert reply.status != ANSWER and reply.declines, reply.reason


def test_an_office_asked_where_and_when_open_is_no_question_of_the_hotline_alone(engine):
    # the end asks three details of the squadron; its last clause alone (电话多少) is not what is asked
    reply = engine.answer("去年出事那会儿是忻府区哪个中队处理的我忘了 现在想去拿材料 那个中队在哪条街 电话多少")
    assert reply.status != ANSWER and reply.declines, reply.reason


def test_a_detail_only_told_in_the_story_does_not_keep_the_last_clause_from_asking(engine):
    # 电话打不通了 tells, it asks no phone number: whether it can still be reported is answered
    reply = engine.answer("前天晚上骑电动车下班 被一辆小车刮了一下 腿上擦破点皮 去医院包好了 当时对方留了个电话就走了 "
                          "我也没报警 现在电话打不通了 还能报警不")
    assert reply.status == ANSWER and reply.entry_id == "acc-report-later", reply.reason


@pytest.mark.parametrize("question", [
    "火车站附近那个交警大队受理事故不 电话多少",
    "上回车祸在古城交警大队处理的 想去拿材料 他们电话多少",
])
def test_the_phone_of_a_brigade_is_not_answered_with_the_emergency_numbers(engine, question):
    # we hold 122/120, not an office's number: say so (the reply still gives 122 for an accident)
    reply = engine.answer(question)
    assert reply.status != ANSWER and reply.declines and "122" in reply.text, reply.reason


def test_the_emergency_numbers_still_answer_whom_to_call_after_an_accident(engine):
    reply = engine.answer("出了交通事故打什么电话")
    assert reply.status == ANSWER and reply.entry_id == "emergency-numbers", reply.reason


@pytest.mark.parametrize("question, mention", [
    # English, read by the English words staff listed
    ("whats the max speed on the expressway in china and the minimum", "120"),
    ("My car broke down on the expressway near Xinzhou, how far behind the car should I put the warning triangle?", "150"),
    ("Is the revised Xinzhou e-bike regulation already in force? when did it start", "10月1日"),
    # points in a year; 写材料要用 says why it is asked, not that application materials are asked
    ("问下一年里头扣多少分驾照就满了 俺今年已经扣了好几回了心里没底", "12分"),
    ("2024年忻州交通事故死亡人数比前一年少了多少人 写材料要用", "29"),
])
def test_english_points_in_a_year_and_a_figure_wanted_for_a_report_are_answered(engine, question, mention):
    reply = engine.answer(question)
    assert reply.status == ANSWER and mention in reply.text, reply.reason


@pytest.mark.parametrize("question", [
    "12123卡住了 一直转圈圈 罚款交不了 咋整",
    "12123添加别人的车 一直提示信息不符",
])
def test_an_app_that_fails_is_not_answered_with_what_the_app_is(engine, question):
    # what the app is for does not mend it: say we lack that, and where to ask
    reply = engine.answer(question)
    assert reply.status != ANSWER and reply.declines, reply.reason


@pytest.mark.parametrize("question, entry", [
    # 没出事故 says there was no accident: the story's drink driving is what is asked of
    ("醉驾被查了 没出事故也没伤人 这也算犯罪吗", "drunk-driving-crime"),
    ("醉驾被查了 没出事故 几年不能再考驾照", "licence-revoked"),
])
def test_an_accident_said_not_to_have_happened_is_not_what_is_asked(engine, question, entry):
    reply = engine.answer(question)
    assert (reply.status, reply.entry_id) == ("answer", entry), reply.reason


@pytest.mark.parametrize("question, entry", [
    ("my son is 15, can he ride an e-bike (电动车) to school on the road? what's the minimum age", "nm-age"),
    ("骑摩托带俺家小子去镇上赶集 娃才9岁坐后头行不行", "road-passengers"),       # sitting behind: a passenger
    ("我爸今年72了 他本子上有摩托车的 还能骑二轮摩托不 他天天骑着去地里", "licence-elderly"),
    ("罚款忘交了都过去俩月了 会不会越滚越多 咋算的", "violation-late-fine"),   # the fine grows: late payment
    ("同事吹牛说醉驾顶多罚点款 真的假的 会不会判啊", "drunk-driving-crime"),
    ("那个路口拍我压线 我看了照片明明没压 已经提了异议 一般多少天能审完给个说法", "violation-objection"),
])
def test_everyday_ways_of_saying_the_aspect_asked(engine, question, entry):
    reply = engine.answer(question)
    assert (reply.status, reply.entry_id) == ("answer", entry), reply.reason


@pytest.mark.parametrize("question, entry", [
    # someone hurt is the asker's situation; the certificate's deadline is what is asked
    ("事故里有人受伤的话 交警一般多长时间能出事故认定书", "acc-certificate"),
    ("伤人事故双方都同意快速处理的话 认定书几天能出", "acc-certificate"),
])
def test_a_situation_beside_a_detail_of_the_subject_does_not_gate(engine, question, entry):
    reply = engine.answer(question)
    assert (reply.status, reply.entry_id) == ("answer", entry), reply.reason


def test_a_count_beside_a_situation_still_counts_it(engine):
    # how many were hurt: a count of the situation, which no entry gives for last year
    reply = engine.answer("去年忻州交通事故一共伤了多少人 伤人的事故有几起")
    assert reply.status != "answer" and reply.declines, reply.reason


@pytest.mark.parametrize("question, entry", [
    ("撞了人跑了的那种 以后还能开车不", "accident-hit-and-run"),   # driving again after fleeing: never
    ("whats the max speed on expressways in china", "road-expressway-speed"),
])
def test_driving_again_after_fleeing_and_expressway_speed_in_english(engine, question, entry):
    reply = engine.answer(question)
    assert (reply.status, reply.entry_id) == ("answer", entry), reply.reason


@pytest.mark.parametrize("question", [
    "what number do I call for a traffic accident",
    "what is the emergency number for ambulance in china",
    "I know fire is 119, but what number do I call for a car crash in China?",
])
def test_which_number_to_call_asked_in_english_gets_the_emergency_numbers(engine, question):
    reply = engine.answer(question)
    assert (reply.status, reply.entry_id) == ("answer", "emergency-numbers"), reply.reason


@pytest.mark.parametrize("question, entry", [
    # app is no word inside appeal: the objection is asked, not the 12123 app
    ("If I disagree with a traffic penalty decision, can I appeal it? 对交警的处罚决定不服怎么办", "violation-objection"),
    # the city typed in English is home: a trip to another city asks the national speed limits
    ("What is the maximum and minimum speed on a Chinese expressway? Driving from Xinzhou to Datong next week.",
     "road-expressway-speed"),
    # how much liability when not at fault asks a share (不超过百分之十), not a sum of money
    ("交警认定我没有过错，可他家里人现在还找我要赔偿。请问我一点过错都没有，还要承担多少赔偿责任？", "acc-who-pays"),
    # a motorcycle's pillion age is stated by the national rule
    ("摩托车后座能带多大的孩子？我家小子9岁", "road-passengers"),
    ("鄰居14歲娃騎電動車帶人 多大才能騎", "nm-age"),
])
def test_latin_words_home_city_liability_share_and_pillion_age_are_read_as_meant(engine, question, entry):
    reply = engine.answer(question)
    assert (reply.status, reply.entry_id) == ("answer", entry), reply.reason


@pytest.mark.parametrize("question", [
    # a country typed in pinyin, or named in a message spaced word by word, is that country
    "deguo gaosu shi bu shi bu xiansu",
    "没有 中心线 的 公路 也 没 限速牌 在 德国 最高 能 开 多少",
    # an e-bike's passenger age is the province's rule, never the rider's age
    "我爸骑电动自行车后座带我妹，山西规定能带几岁以下的孩子？",
    # a form's template is held by no entry
    "事故复核申请书有没有固定的模板？在哪能下载到？",
])
def test_what_no_entry_holds_is_declined(engine, question):
    reply = engine.answer(question)
    assert reply.status != "answer" and reply.declines, reply.reason


def test_a_detail_not_held_offers_the_entries_on_the_aspect_asked_beside_it_first(engine):
    reply = engine.answer("2024年忻州交通事故死亡人数一共是多少")
    assert reply.declines and reply.choices[0].id == "stats-deaths-2024", reply.reason


@pytest.mark.parametrize("question", [
    # one's own case asked after (他那个案子现在到啥程度了): no entry can see it
    "俺家男人叫李建军，前天黑夜在忻府区酒驾叫查住咧，他那个案子现在到啥程度了，能少罚点不？",
    # when a class meets, where a classroom is, what plates cost: details no entry holds
    "忻州现场学习每个月是哪几天开课",
    "满分学习的教室在啥地方",
    "电驴上牌费用",
    # the total of deaths asked in English words among Chinese: the review gives only the fall
    "2024年忻州 traffic deaths total 一共是多少人?",
])
def test_a_case_a_schedule_a_place_a_fee_and_a_total_not_held_are_declined(engine, question):
    reply = engine.answer(question)
    assert reply.status != "answer" and reply.declines, reply.reason


@pytest.mark.parametrize("question, entry", [
    # the law's words for running a red light, in a long story
    ("去年冬天在市里一个路口，前面车突然刹车我差点撞上去，一慌神打了把方向就闯了红灯，当时也没出事，结果前两天查12123才"
     "发现被拍了。想问下这种不按信号灯通行的一次扣几分？", "points-values"),
    # somewhere that advances the costs (有没有甚地方先给垫上) asks no address
    ("要是撞人的车跑了找不见 受伤的人医药费咋办 有没有甚地方先给垫上", "accident-hit-and-run"),
])
def test_the_laws_words_a_fault_told_and_somewhere_meant_loosely_are_read(engine, question, entry):
    reply = engine.answer(question)
    assert (reply.status, reply.entry_id) == ("answer", entry), reply.reason


@pytest.mark.parametrize("question, entry", [
    # 当时医院 is the hospital of the time, no particular place named
    ("邻居大姐去年被车撞了,司机跑了,当时医院的抢救费是谁先垫的?", "accident-hit-and-run"),
    ("I maxed out my 12 points, my life is over lol. How many days of study do I have to do?", "points-full"),
])
def test_the_hospital_of_the_time_and_maxed_out_points_in_english(engine, question, entry):
    reply = engine.answer(question)
    assert (reply.status, reply.entry_id) == ("answer", entry), reply.reason


@pytest.mark.parametrize("question, entry", [
    # what a school bus is checked for before its permit: the fire extinguisher among it
    ("Our company runs a school bus. When we register it, will they check the fire extinguisher and first aid kit? 校车登记查不查灭火器",
     "reg-school-bus-permit"),
    # a short question spaced word by word is one question, not a story with an end
    ("孙子 今年 14岁 能 骑 电动车 上路 吗", "nm-age"),
    # a device that failed, told before a question that names its own matter
    ("my car's navigation 死机了 so I drove slowly on the 高速. What is the minimum speed on an expressway?", "road-expressway-speed"),
    # found not at fault: whether the car still pays is the rule of who pays, not a dispute
    ("我爸上个月开车正常直行，有个行人突然从隔离带翻出来被撞了，人已经出院了，交警认定我爸没责任。这种情况我爸还要赔钱吗？",
     "acc-who-pays"),
    # a foreign licence's temporary permit, in English
    ("Hi, I'm visiting Xinzhou for a short trip and I have a foreign driving licence. How long is a temporary driving permit valid for?",
     "licence-foreign"),
])
def test_round_88_questions_reach_the_entry_that_holds_them(engine, question, entry):
    reply = engine.answer(question)
    assert (reply.status, reply.entry_id) == ("answer", entry), reply.reason


@pytest.mark.parametrize("question", [
    # a private car's fire extinguisher: the school-bus entry is not for it
    "私家车按规定必须在车上配灭火器吗，没配的话罚款多少？",
    "车里放灭火器交警查不查 没放的话罚多少钱",
    # the chance of one's own review, another province's own rules, a tow's fee
    "對事故認定書不服，申請復核的話，我這個案子改成對方全責的機會大嗎？",
    "实习期开车去河北，河北那边对实习期上高速有没有自己的地方规定",
    "在高速上叫拖车，拖到忻州市区大概收多少拖车费",
    # the e-bike's plate asked where and what it costs, in English (a licence plate is no licence)
    "My e-bike meets GB 17761. Where do I get a licence plate for it in Xinzhou, and how much does it cost?",
])
def test_round_88_what_no_entry_holds_is_declined(engine, question):
    reply = engine.answer(question)
    assert reply.status != "answer" and reply.declines, reply.reason


@pytest.mark.parametrize("question, entry", [
    # 在哪些情况下 asks on what conditions, not where
    ("道路交通事故社会救助基金在哪些情况下会先行垫付抢救费用？", "fund-what"),
    # impatience before the question is smalltalk: the question after it is answered as typed
    ("急死了赶时间闯了个红灯会扣几分", "points-values"),
    ("急死了 跟保险公司赔偿协议都签了 钱还不到 规定签完多少天内得赔", "insurance-claim"),
    # what a licence records (第十二条)
    ("驾驶证上都记着哪些内容？", "licence-contents"),
])
def test_round_89_conditions_impatience_and_what_a_licence_records(engine, question, entry):
    reply = engine.answer(question)
    assert (reply.status, reply.entry_id) == ("answer", entry), reply.reason


def test_a_question_after_one_about_another_country_asks_of_that_country(engine):
    # 駕照也會吊銷嗎 leans on 在日本: Japan's law, not ours, whatever the part alone would read
    reply = engine.answer("在日本醉駕會怎麼處罰？駕照也會吊銷嗎？")
    assert reply.status == FALLBACK and reply.declines, reply.reason


def test_impatience_alone_is_answered_kindly_and_points_to_122(engine):
    reply = engine.answer("吓死了")
    assert reply.status == SMALLTALK and "122" in reply.text, reply.reason


@pytest.mark.parametrize("question, entry", [
    # the expressway told in the story decides which speed rule the end asks of
    ("高速上下大雪，能見度不到100米的時候，車速最多能開多少？", "road-expressway-fog"),
    # no fault at all, and the share asked: the rule of who pays
    ("行人闯红灯被车撞了，司机一点错都没有，还要赔吗？要赔的话最多赔几成？", "acc-who-pays"),
])
def test_round_90_a_setting_told_and_a_share_asked(engine, question, entry):
    reply = engine.answer(question)
    assert (reply.status, reply.entry_id) == ("answer", entry), reply.reason


def test_a_form_asked_for_in_a_message_spaced_word_by_word_is_declined(engine):
    # the end of a message spaced word by word is its last words, not its last two words
    reply = engine.answer("对 事故认定书 不服 复核申请书 有没有 模板 在哪 下载")
    assert reply.status != "answer" and reply.declines, reply.reason


@pytest.mark.parametrize("question", [
    # the year asked is 2025; 2024 is only the base of the comparison
    "2025年忻州全市交通事故死亡人数比2024年减少了多少人？",
    # a brand recommended, one's own case's sentence, one's own points left
    "俺们忻州城里头骑电动车得戴头盔，你给俺推荐个啥牌子的头盔好咧？",
    "我表哥开车撞了人以后跑了，第二天自己去自首了，他这个案子最后会判几年？",
    "俺男人上个月学法减分咧，他驾照上现在还剩几分？",
])
def test_round_91_a_later_year_a_recommendation_and_ones_own_case_are_declined(engine, question):
    reply = engine.answer(question)
    assert reply.status != "answer" and reply.declines, reply.reason


@pytest.mark.parametrize("question, entry", [
    ("2024年忻州交通事故死亡人数比2023年少了多少？", "stats-deaths-2024"),
    # a shop's recommendation told is no recommendation asked
    ("店里推荐我一款电动车说没有脚蹬子看着更利索，电动自行车是不是必须带脚踏？", "ebike-pedal"),
    ("jiuming, kemu er bukao you gua le, yao deng ji tian cai neng zai yue", "exam-retake"),
])
def test_round_91_the_base_year_a_recommendation_told_and_a_retake_in_pinyin(engine, question, entry):
    reply = engine.answer(question)
    assert (reply.status, reply.entry_id) == ("answer", entry), reply.reason


@pytest.mark.parametrize("question, entry", [
    # an age said without 岁 before what is asked (才16能), or in pinyin (15 sui)
    ("我哥才16能去考驾照不", "licence-age"),
    ("wo 儿子 15 sui 了 能骑 diandongche 上路不", "nm-age"),
    # a term typed as two words is not cut in half by the end of a spaced question
    ("普通 公路 上 车 坏了 挪不动 警告 标志 要 放 车后 多远", "accident-warning-sign"),
    # 跑了一天长途 tells how long one drove, not a driver who fled
    ("跑了一天长途累死了，规定开多久必须停下来歇会儿", "road-phone-fatigue"),
    # the places the law forbids parking in front of are where parking is asked
    ("急救站门口能临时停一下车吗", "violation-parking"),
    # English a visitor types
    ("Hi, I have UK driving licence and live in Xinzhou now, want change to Chinese licence. Need do exam or not?", "licence-foreign"),
    ("my 驾照 expire in 2 months, can I renew early? how many days before is ok", "licence-renew"),
    ("Got caught running a red light in Xinzhou, how many points will they take off my licence?", "points-values"),
])
def test_round_93_ages_spaced_terms_long_drives_and_english_reach_their_entry(engine, question, entry):
    reply = engine.answer(question)
    assert (reply.status, reply.entry_id) == (ANSWER, entry), reply.reason


def test_two_questions_each_an_entrys_own_are_both_answered(engine):
    reply = engine.answer("闯红灯扣几分，罚多少钱")
    assert reply.status == ANSWER and reply.extra["answered"] == ["points-values", "violation-fines"], reply.reason


@pytest.mark.parametrize("question", [
    "明天忻州到五台山的路上会不会结冰？下不下雪？",
    "手机落在出租车上了，怎么才能找回来",
])
def test_a_matter_no_entry_is_about_is_declined_without_unrelated_choices(engine, question):
    reply = engine.answer(question)
    assert reply.status == FALLBACK and reply.choices == (), reply.reason


def test_the_forecast_asked_with_a_day_gets_the_forecast_reply(engine):
    # 明天 reads as when too: the matter no entry is about (the forecast) is what the reply says we lack
    reply = engine.answer("明天忻州到五台山的路上会不会结冰")
    assert reply.status == FALLBACK and "天气预报" in reply.text, reply.reason


def test_a_licence_left_in_a_taxi_is_still_the_lost_licence(engine):
    reply = engine.answer("驾驶证落在出租车上找不回来了咋办")
    assert (reply.status, reply.entry_id) == (ANSWER, "licence-lost"), reply.reason


@pytest.mark.parametrize("question, entry", [
    # 不算喝醉的那种: drinking short of drunk, its penalty
    ("光是喝了点酒开车，不算喝醉的那种，逮住了驾照扣多长时间？", "drink-penalty"),
    # 这合规定不 asks whether what was told is allowed, not whether the e-bike meets the standard
    ("我家孩子今年14岁，想让他骑电动车去上学，这合规定不？", "nm-age"),
])
def test_round_94_what_the_story_denies_or_asks_leave_for(engine, question, entry):
    reply = engine.answer(question)
    assert (reply.status, reply.entry_id) == (ANSWER, entry), reply.reason


def test_a_named_road_in_a_short_spaced_question_is_still_not_ours(engine):
    reply = engine.answer("二广高速 忻州段 最高 限速 是 多少")
    assert reply.status == FALLBACK and "named-place" in reply.reason, reply.reason


@pytest.mark.parametrize("question, entry", [
    # a sentence typed in pinyin with an English word or two in it is still read whole
    ("sorry shurufa bu neng yong, fasheng jiaotong shigu yinggai da na ge dianhua baojing?", "emergency-numbers"),
    # English a visitor uses for everyday business
    ("not an emergency, nobody hurt. small scratch with another car, do we have to wait for police or can we move the cars", "accident-minor"),
    ("My car was in a crash last year and it burned out completely, nothing left of it. How do I cancel its registration now?", "reg-scrap"),
    # 跑了趟高速: a trip, not a driver who fled
    ("我刚拿证半年，上周跟着我爸跑了趟高速，他开了二十年车了。实习期上高速，陪同的人要有几年驾龄？", "licence-learner"),
])
def test_round_95_pinyin_sentences_english_business_and_trips_reach_their_entry(engine, question, entry):
    reply = engine.answer(question)
    assert (reply.status, reply.entry_id) == (ANSWER, entry), reply.reason


@pytest.mark.parametrize("question", [
    "How much exactly is the fine for running a red light in Xinzhou? I need the exact yuan amount",
    "Can you recommend a good lawyer in Xinzhou for traffic accident compensation cases, and how much do they usually charge?",
])
def test_round_95_english_asking_what_we_do_not_hold_is_declined(engine, question):
    reply = engine.answer(question)
    assert reply.status != ANSWER and reply.declines, reply.reason


def test_a_ride_told_with_yi_lu_is_no_road_named_and_seat_belts_plural_are_read(engine):
    # 司机一路都在…: all the way, not a street called 司机一路; 建设一路 still is one
    assert "named-place" not in engine.answer("坐出租车司机一路都在手持打电话，这种扣几分").reason
    assert "named-place" in engine.answer("建设一路限速多少").reason
    reply = engine.answer("Do passengers in the back seat of a taxi legally have to wear seat belts in China?")
    assert (reply.status, reply.entry_id) == (ANSWER, "road-seatbelt"), reply.reason


@pytest.mark.parametrize("question, entry", [
    # rounds 97 and 98. Who drove (我老公开车…) tells the story, it asks nothing of husband and wife
    ("我老公开车闯了个红灯被拍了，要扣几分？", "points-values"),
    ("开車闖紅燈被拍到，駕照一次要扣幾分？", "points-values"),
    # a time limit asked as 时间要求, of 过户登记
    ("您好，我上周从个人手里买了一辆二手车，请问过户登记有时间要求吗？", "reg-transfer"),
    ("买车后多少天内必须办转让登记？", "reg-transfer"),
    # a colon sets the question apart from what was told before it
    ("12123闪退好几次了，先问问：驾驶证到期前最早提前多少天可以去换？", "licence-renew"),
    # tomorrow is when the trip is, not what is asked
    ("明天上高速去太原，小轿车最高能开多快？", "road-expressway-speed"),
    # people sat in a tractor's trailer are carried
    ("俺爹开拖拉机下地，想顺路把俺娘和俺小叔拉上坐后斗里，这样行不行？", "reg-tractor"),
    # 几月几号 asks a date, which the regulation's entry states (not a length of time)
    ("想问一下修订后的《忻州市电动车管理条例》是几月几号正式施行的？", "ebike-regulation"),
    ("I bought a used car, within how many days must I transfer it?", "reg-transfer"),
    # slips that are no word at all, of the aspects' phrasings and the question words: 红绿登, 注消, 打电化, 多搞
    ("昨天赶时间闯了个红绿登 被拍了 这个扣几分啊", "points-values"),
    ("家里老车开了快二十年想报费，注消登记咋弄", "reg-scrap"),
    ("坐出组车司机一路都在手持打电化，这种扣几分", "points-values"),
    ("跑外卖的电动车后座摞箱子 从地面算最多能摞多搞啊", "nm-load"),
    # an age just reached; English settling; who pays first
    ("我儿子今年刚满15，能骑电动车去上学吗？", "nm-age"),
    ("追尾了, no one is hurt, both sides agree on what happened. Can we just move the cars and settle it ourselves?", "accident-minor"),
    ("上個月我騎車被撞，撞我的車當場跑了到現在還沒抓到，住院費好幾萬，誰能先幫我墊？沒人管嗎", "accident-hit-and-run"),
    # round 99: two cars meeting on a narrow road (会车), asked who gives way
    ("窄路会车该谁先走", "road-junction-priority"),
    ("山里的路窄 两个车顶头碰上了 该谁让", "road-junction-priority"),
    # English: a phone used while driving
    ("how many points do I lose for using phone while driving", "points-values"),
    # 叫交警查着 is being caught by the police (Shanxi 叫 for 被), not calling them
    ("要是叫交警查着酒后驾驶 咋罚", "drink-penalty"),
    # round 100: how many days to pay a fine (几天以内, 把钱交上)
    ("交警开了罚单 几天以内要把钱交上", "violation-pay-fine"),
    # going to school (念书) on an e-bike at 15; the same asked twice with question marks
    ("俺孙子才15岁 能骑电动车去镇上念书不", "nm-age"),
    ("俺家娃十四 能骑电动车上路不？多大才让骑？", "nm-age"),
    # how far from a bus stop one may stop
    ("离公交站台多远才能停车", "violation-parking"),
    # English: money spent on dangerous road spots
    ("How much money was spent on dangerous road spots in 2024", "hazard-funding-2024"),
    # caught while drunk, then prison asked: being caught is how it came about
    ("醉酒开车被查到了会不会坐牢", "drunk-driving-crime"),
    # 重大事故 is no 较大事故 of the statistics
    ("新闻说有个司机出了重大事故撞死了人 交通肇事罪一般判几年", "acc-fatal-crime"),
    # English 'where' in a story asks no place
    ("In a film I saw, the hero reverses on the highway. 现实里高速上倒车扣几分", "points-wrong-way"),
    # a mouth on fire from worry is a figure: the renewal is what is asked
    ("急得嘴上都冒火了 驾照快到期了能提前多久换", "licence-renew"),
    # round 101: where on the car the learner sign goes (贴在哪里 is no office's address)
    ("实习期要在车上贴啥标志？贴在哪里？", "licence-learner"),
    # the passenger in one's own car and one's own compulsory insurance
    ("交强险能赔我自己车上坐副驾的媳妇的医药费吗", "insurance-compulsory"),
    # English: driving uninsured; Shanxi is this province (山西), not 陕西
    ("What's the penalty for driving without insurance", "insurance-no-cover"),
    ("in Shanxi, how many points for running a red light", "points-values"),
    # drive off first and talk about paying after
    ("刚才倒车蹭了别人的车，没人受伤，可以先把车开走再商量赔钱吗", "accident-minor"),
    # round 102: an electric bicycle in English; a car that will not start and cannot be moved
    ("how fast can an electric bicycle go at most", "ebike-speed"),
    ("车打不着火了挪不动 三角牌放多远", "accident-warning-sign"),
    # what is told before 顺便问下 is an aside
    ("车管所排队排了一上午 顺便问下驾照满分学习要学几天", "points-full"),
    # a run-on story naming a county and money spent (花了好几万) asks no county's figure
    ("我姑父上个月在繁峙骑摩托被车撞了司机跑了到现在没抓到住院花了好几万听说有个钱能先垫上是真的吗", "accident-hit-and-run"),
    # 顺路 is on the way, no road's name
    ("每天顺路骑摩托捎邻居家8岁的娃去学校 坐后座让不让", "road-passengers"),
    # how many sites were put right is the sites entry's figure
    ("去年全市整治了几处道路安全隐患", "hazard-sites-2024"),
    # round 103: changing to a Chinese licence tells the one held is from abroad
    ("英国驾照想换成中国驾照 要考试吗", "licence-foreign"),
    # round 104: a street where it happened, in a story; how long the full-points study lasts;
    # the expressway's lowest speed with no subject named is the expressway rules', not the points
    ("大哥问一下，我昨天在七一路闯了红灯，这个要扣几分啊", "points-values"),
    ("一个周期扣满12分了 要学多少天", "points-full"),
    ("高速的最低时速", "road-expressway-speed"),
    # where the people stand (站到哪儿) after a breakdown is the expressway rules', no office's address
    ("高速上车坏了 人要站到哪儿", "accident-expressway"),
    # round 106: 没人伤 is no one hurt (its 能 no slip of 伤亡's 亡), and 不挪 is not moving the car
    ("追尾了 没人伤 能走吗 能走吗", "accident-minor"),
    ("追尾了人都没事 车横在路中间不挪要罚钱不", "acc-move-car"),
    # not the expressway (bu shi gaosu), an ordinary road said right after with no break
    ("che huai le bu shi gaosu putong malu sanjiaopai fang duo yuan", "accident-warning-sign"),
    # what is told before 我就想问问 / 先问下 is a complaint: the question after it is answered
    ("12123一直卡住了转圈圈 我就想问问驾照到期前多久能换", "licence-renew"),
    ("救命啊科目一又挂了 先问下拿到驾照以后实习期多长", "licence-learner"),
    # round 107: a denial typed apart (没人 受伤) denies the word after it
    ("两辆车 轻轻 蹭了 一下 都 没人 受伤 警示牌 放 多远", "accident-minor"),
    # the emergency lane is the expressway's
    ("占应急车道扣几分", "points-expressway-lanes"),
    # a fear told before the question (俺怕她…出事) is not what is asked about
    ("俺闺女刚拿到驾照还在实习期，俺怕她一个人上高速出事。实习期能自己上高速不？", "licence-learner"),
    # round 108: going to court instead of the police's mediation (调节 typed for 调解)
    ("撞了车受了点伤 不想找交警调节 能直接去法院告吗", "acc-mediation"),
    # round 111: a typo in a word of the question (冰学路) is no place's name
    ("拖拉机走冰学路最多让跑多快", "road-speed-special"),
    # how many days of study (几天的学习) after a full 12 points
    ("老公驾照扣满12分了 得去参加几天的学习", "points-full"),
    # an exam's full marks (考试满分) are not a licence's full 12 points
    ("科目二考试满分多少 考几分才算合格", "licence-exam"),
    # the materials the insurer must ask for are in the compulsory insurance's claim entry
    ("交强险理赔 保险公司收到材料后几天内核定", "insurance-claim"),
    # the address on the vehicle licence (行驶证) after moving within the city
    ("搬家了还在市里 行驶证上的地址要改吗", "reg-move"),
    # the accident determination suspended while someone is in hospital (第六十八条)
    ("事故认定中止了最长能停多久", "acc-certificate-suspended"),
    # a review asked in English
    ("I think the 事故认定书 is wrong. How many days do I have to apply for a review?", "acc-review"),
    # an overload said as the law says it (超过最大允许总质量)
    ("超过最大允许总质量一半还多 驾驶证扣几分", "points-overload"),
    # round 113: a ban from driving (禁驾) asks when the licence may be had again
    ("逃逸禁驾几年", "licence-revoked"),
    ("同事12分扣满了 他得参加几天学习", "points-full"),
    # round 117: a fine past its deadline (过了期限) is a late fine, not a question of when
    ("手机死机了半天才弄好，12123上那个罚款过了期限没交，会不会越罚越多？", "violation-late-fine"),
    # two questions set apart, each the drink-driving crime's: not the drink-driving accident entry
    # that only joining them reads
    ("醉驾是不是一定要判刑？驾照吊了以后几年不能再考？", "drunk-driving-crime"),
    # a phone held while driving, in English
    ("My husband got stopped for holding his phone while driving. How many points will he lose on his licence?", "points-values"),
    # round 118: the law's own words for an inspection overdue (超过检验有效期), not a temporary plate's validity
    ("车辆超过检验有效期还上路行驶，会被记几分？", "reg-inspection-overdue"),
    # when to renew (啥时候换) asks the renewal window, not how long a licence is valid
    ("驾照啥时候换", "licence-renew"),
    # a licence taken away, and getting a new one, in English
    ("If someone gets caught drunk driving, is the licence taken away for good, and how many years until they can get a new one?", "licence-revoked"),
    # round 119: spaced word by word and parted by commas: the commas part the clauses, not the spaces
    ("俺 孙子 15 了, 嗯, 想 骑 电动车 上学, 那个, 得 多大 才能 骑 上路 咧", "nm-age"),
    # round 121: the study that gives a full-points licence back (学习才能把驾照拿回来); a near miss
    # (差点叫人追尾) is no accident, the breakdown is what the lights are asked for
    ("我就开家用小车，驾驶证也被扣下了，想问问现在得参加多长时间的学习才能把驾照拿回来？", "points-full"),
    ("上回夜里车坏在国道上差点叫人追尾 吓得够呛 除了开双闪还得开啥灯啊", "accident-warning-sign"),
    # round 123: 这种情况 at the end asks of the story's case (喝醉了…撞伤了人), where one entry is about all of it
    ("我表哥喝醉了开车撞伤了人，人已经治完出院了，这种情况交强险还管赔吗？", "insurance-drunk"),
    # what liability a hit-and-run bears (担啥责): the party that fled bears it all
    ("逃逸担啥责", "acc-hit-run-what"),
    # never getting a licence again, said as 这辈子都考不回来
    ("我同学他爸前几年撞了人跑了，后来被抓了，这种情况驾照是不是这辈子都考不回来了？", "licence-revoked"),
    # the premium raised though not at fault (没过错凭啥涨): no fault, no rise
    ("去年被人追尾我全责都没有，保险那边说今年交强险要涨价，笑死，我又没过错凭啥涨？", "insurance-premium"),
    # a dispute with the insurer over a claim (仲裁 or court)
    ("跟保險公司對交強險理賠有爭議，談不攏的話可以怎麼辦？", "insurance-claim"),
    # a phone in pinyin (da shouji) is 打手机, not a tie-in sale (搭售); a handheld phone and a fund in English
    ("kaiche shi da shouji bei pai dao le hui kou ji fen a", "points-values"),
    ("I drive a taxi in Xinzhou. How many points do I lose if I get caught talking on a handheld phone while driving?", "points-values"),
    ("Last month my uncle got hit by a car on the village road at night and the driver ran away. Hospital bills are huge and there is no insurance to claim from. Is there any fund that can pay the rescue costs first?", "fund-what"),
    # round 124: traditional script's own words (計程車, 公車站), not only its characters
    ("計程車在公車站旁邊臨時停一下讓乘客下車，離站牌要多遠才可以停？", "violation-parking"),
    # a new engine (换了发动机) is a change to register, after a TV story of a smoking engine
    ("昨晚看电视剧，里面主角的车开着开着发动机冒烟了，后来他直接换了台新发动机接着开。我自己的车发动机也老出毛病，想问现实中要是换了发动机，需要去车管所办什么手续吗？", "reg-change"),
    # the old person hit (家里老人) is who it befell, not an age asked about
    ("家里老人上个月被车撞了认定书到现在还没出按规定多少天该出来", "acc-certificate"),
    ("行人闯红灯过马路会罚款不 罚多少 俺家老人老这样", "road-pedestrian"),
    # whether a fine comes (会被罚钱不) is the transfer's penalty, not an amount asked
    ("二手车买回来快俩月了一直没去过户，这样会被罚钱不？", "reg-transfer"),
    # round 125: which lights in fog (开哪些灯) is the lights entry's, which says what fog needs
    ("大雾天开车应该开哪些灯？", "road-lights"),
    # a blood test disputed (血检结果不对) and when to ask for another: the drink test's deadlines
    ("我老公前天晚上被查酒驾抽了血，他觉得血检结果不对，想申请重新检验，有时间限制吗？", "drink-test"),
    # round 126: sitting behind grandpa on his motorbike (坐在他后面) is carrying a passenger, not his age
    ("我今年10岁 爷爷骑摩托车带我去赶集 我能坐在他后面吗", "road-passengers"),
    # round 127: a slip the repair leaves (注消 for 注销); a licence had for only months (拿证才三个月)
    # is in its learner period
    ("驾找过期了一直没换，过期多久会被注消啊", "licence-cancelled"),
    ("我儿子拿证才三个月，就被扣满12分了，他这驾照会咋处理", "licence-learner-points"),
    # round 128: 停车 beginning 停车休息 is the driver's rest (no entry holds parking with it);
    # 该谁来赔 asks who pays, after a story of a car sold and never transferred
    ("过年准备自己开车从西安回忻州，路上要开七八个小时。请问法律规定连续驾驶多长时间必须停车休息？", "road-phone-fatigue"),
    ("最近工作压力大 跑长途老犯困 规定开多久必须停车歇一歇", "road-phone-fatigue"),
    ("我前年把一辆旧面包车卖给了村里一个人，钱收了车也交了，就是一直没去车管所过户。他后来又转手卖给了别人，上个月那个人开着这车把别人的车撞坏了。现在对方找到我头上，说车还登记在我名下要我赔。这种情况到底该谁来赔？", "acc-sold-not-transferred"),
    # round 130: the learner entry states the fine for going on the expressway alone; a second
    # drink-driving (又叫查住了, 罚过一回) is the repeat offence's penalty; the share a driver with no
    # fault bears (最多赔多大比例) is who pays, not a limit
    ("刚拿本还在实习期，能不能自己一个人上高速？要是没人陪着上了被查到罚多少？", "licence-learner"),
    ("俺哥前年喝酒开车叫交警逮住罚过一回，这两天又喝了开车又叫查住了，这回咋处理咧？", "drink-penalty"),
    ("如果我绿灯正常开，一个行人闯红灯跟我车蹭了一下，人早出院了，交警认定我没过错，那我还得赔吗？最多赔多大比例？", "acc-who-pays"),
    # round 131: a scrape not on a road (不在道路上, 不算马路); a phone call typed 电花 / 电化 or in
    # pinyin (jie shou ji dian hua) while driving
    ("上周在我们单位大院里面的停车场倒车，把同事的车尾灯碰碎了，人都没事。这个大院平时不让外面的车进，不算马路。想问一下这种不在道路上的剐蹭，交警接到报警会管吗？", "acc-off-road"),
    ("开车接电花被拍到了扣几分", "points-values"),
    ("kai che shi jie shou ji dian hua kou ji fen", "points-values"),
    # round 132: a licence due next spring (开春就到期) to be renewed (换新的) by a driver of 68 asks
    # how early to renew, not the old drivers' rules; a coach full with a child riding free (免票)
    # carries people
    ("俺的驾驶证明年开春就到期了，俺都六十八了，提前多少天能去换新的咧？", "licence-renew"),
    ("我表哥跑长途客车，座位都坐满了，还能再带免票的小孩不？最多能带多少", "road-passengers"),
    # 跑了 before an amount in Chinese numerals (两个钟头) says how long one drove, not who fled
    ("跑了两个钟头就困了，开车犯困怎么办", "road-phone-fatigue"),
    # round 135: 多大才让骑 asks the rider's age; many trucks on the road (路上大车多) is the road,
    # not what is asked of; the fine measured against the premium (保费的几倍) asks the fine
    ("俺儿子才15岁，偷骑电动车上路让逮住了，到底多大才让骑咧", "nm-age"),
    ("俺孙子才14 想骑电动车去镇上念书 路上大车多怕出危险 到底多大才准骑", "nm-age"),
    ("jiaoqiangxian 没买就开车上路，被交警查到罚款是保费的几倍？", "insurance-no-cover"),
    # round 136: one with no fault asking 最多赔多少 asks the cap on his share (`beside`), not the
    # insurance's limits; no one hurt is no aspect the emergency numbers lack; 过减速带 tells where a
    # plate fell off, it asks for no speed bump; a tyre without air is a breakdown
    ("我爸开车走乡道 一个喝多的人突然窜出来给撞了 人送医院了没大事 交警说我爸一点错没有 那还用赔吗 最多赔多少", "acc-who-pays"),
    ("刚在停车场蹭了一下，没人受伤，报交警打哪个电话", "emergency-numbers"),
    ("Just had a small bump in a parking lot, nobody is hurt. Which number do I call for the traffic police in China?", "emergency-numbers"),
    ("别担心没出事故，就是过减速带的时候后车牌掉了，回去找也没找着，急死了。补个车牌要多久？这期间车咋开？", "reg-plate-lost"),
    ("轮胎 没气了 要是 在普通马路上 停下 警告牌 放车后 多远", "accident-warning-sign"),
    ("我开了个小饭馆，平时起火做饭用的液化气罐想带回老家，坐长途大巴能带上车吗？", "road-passenger-duties"),
    ("我是O型血，有点晕血，去年路过一个车祸现场看到有人受伤，回家好几天都睡不着。现在在驾校学车，想问一下科目三考的安全文明驾驶常识里，会不会考伤员急救这些内容？", "exam-subjects"),
    # an English clause asks whole, from its question word (the story before it is no ask)
    ("Just read some crash death statistics and got curious: what is the top speed allowed for a small passenger car on a Chinese expressway?", "road-expressway-speed"),
    ("Found a killer price on a used car 二手车, after I pay and get the car how many days do I have to do the transfer registration 过户?", "reg-transfer"),
    ("How many points do I lose if a camera catches me talking on my phone while driving?", "points-values"),
    # round 137: over 70 in English is the law's 70岁以上, an old fall healed long ago no danger;
    # `when` inside an English clause joins a telling, so the question before it is what is asked;
    # the simple procedure said plainly (来一个交警就够); 压力 tells the asker's stress, not the
    # officers' welfare; 预约考几次 counts the tries; 躲到哪里 typed in pinyin
    ("My dad is 71. He hurt his hip in a fall years ago but it healed fine. Is there an age cap, or can someone over 70 still apply for a small car driving licence in China?", "licence-elderly"),
    ("What is the minimum speed on an expressway? My old car smells a bit of exhaust when I go fast, the mechanic says that's normal, but I'd rather drive slowly.", "road-expressway-speed"),
    ("要是 事故 里 有人 只是 擦破 点 皮 伤得 很轻 ， 双方 都 同意 ， 是不是 可以 走 快 一点 的 程序 ， 来 一个 交警 就够 ？", "acc-simple-procedure"),
    ("科目二考了兩次都沒過，壓力大到失眠，在學習駕駛證明有效期內科目二一共能預約考幾次？", "exam-five-fails"),
    ("ruguo gaosu shang che huai le, che shang de ren yinggai duo dao nali qu deng?", "accident-expressway"),
    # round 138: a phone held in the hand (手里拿着手机, 手拿着接的) is the phone while driving, not a
    # rider holding things; 车牌掉了 alone is the plate entry's own question
    ("我老公开车的时候手里拿着手机接电话被拍了，这个要记几分？", "points-values"),
    ("昨天我妈做饭油锅起火，她自己盖上锅盖灭了，人没事。她打电话那会儿我正开车，手拿着接的，被拍到会扣几分？", "points-values"),
    ("车牌掉了", "reg-plate-lost"),
    # round 139: six years without a full 12 points asks how long the next licence is valid; living
    # away from where the licence was issued (户口不在忻州、人常住忻州) is the moving entry's; 今年到期
    # is when one's licence expires, no question of this year's figures
    ("俺是O型血，去年出车祸输过血，现在好了。驾照六年到期，这六年一回也没扣满12分，能换几年的咧？", "licence-validity"),
    ("正在起火做饭呢，顺便问下：户口不在忻州、人常住忻州，驾照到期能在居住地换吗？", "licence-move"),
    ("前年出过一次车祸，腿骨折养了半年，现在完全好了。驾照今年到期，最早能提前多少天去换？", "licence-renew"),
    # round 140: drunk driving in English is 醉驾, the crime (not only drinking and driving)
    ("What is the penalty for drunk driving in China? Is it a crime? Just asking for my driving class.", "drunk-driving-crime"),
    # round 141: the scoring cycle typed alone; talking on the phone at the wheel (講電話) is no
    # phone number asked; 晚上路口 is no 上路; a hit-and-run's hospital bill asks who can advance it
    # (有没有什么地方能先垫付), not an address; 这种情况 after a story asks of the story's case
    ("记分周期?", "points-cycle"),
    ("開車時拿著手機講電話被拍到了，要扣幾分？", "points-values"),
    ("昨晚上路口没注意闯了个红灯被拍到了这个要扣几分", "points-values"),
    ("邻居大爷上个月被车撞了，司机逃逸到现在还没抓到，医院的抢救费用有没有什么地方能先垫付？", "accident-hit-and-run"),
    ("昨天晚上同学聚会喝了两瓶啤酒，想着离家就两公里，就自己开车回去了，结果半路碰上查酒驾，吹出来是饮酒驾驶，"
     "还没到醉驾，警察说驾照要暂扣，想问一下这种情况驾照要扣多长时间，另外还要罚款吗？", "drink-penalty"),
    ("In 2024, what share of minor accidents in Xinzhou were handled through remote video?", "accident-remote-video"),
    # round 143: a pinyin word typed against its word's own characters (diandong自行车); an accident
    # lived through long ago (年轻时出过车祸) is not what a 72-year-old's yearly check asks of;
    # English online study and at most
    ("忻州diandong自行车guapai率现在是多少", "ebike-plates"),
    ("我姥爷今年72了还在开车，他年轻时出过车祸受过伤，现在是不是每年都得去体检一次？", "licence-elderly"),
    ("By doing the online traffic-safety study, how many points at most can I get taken off my licence in one scoring cycle?", "points-reduce"),
    # round 144: an age told before a whether-question (…15岁 …能骑上路吗; 61了 …还能开大货车) is what the
    # answer turns on, beside what the end asks (`turns_on:`)
    ("我侄子今年15岁，想骑电动自行车上学，按规定他能骑上路吗", "nm-age"),
    ("俺今年61了，手里是B2的本，还能开大货车跑运输不？", "licence-over-60"),
    # round 145: a licence issued back home (老家发的) to one living here now is the moving entry's
    ("驾驶证是老家发的，人现在在忻州住，驾照到期了能在忻州换不", "licence-move"),
    # round 146: 最低速 / 最高速 are the speeds (and 最高速 no expressway's name); the fund's name is
    # what its entry states
    ("高速最低速", "road-expressway-speed"),
    ("高速最高速", "road-expressway-speed"),
    ("前年我被车撞伤住院，肇事的跑了到现在也没抓到，听说有个能垫付抢救费的基金，那个基金叫什么名字？", "fund-what"),
    # a plate typed 车排 that fell off (车排掉了: jieba cuts 车|排掉, so typo repair leaves it; a synonym reads it)
    ("车排掉了一块找不着了，去补个新的得等几天？", "reg-plate-lost"),
    ("我家租客的车排掉了一块，补派要多长时间？这段时间车还能开不", "reg-plate-lost"),
    # round 148: 这种情况 after a story that told a tow: the end's own words choose among the entries
    # on the case (the warning sign, not the towing rules); 合规 of riding after an age told; the
    # office named where to do it, the licence the story lost what is asked of
    ("昨晚在国道上车突然熄火了，停在路上挪不动，后来拖车来了拖走了。想问一下以后在普通公路上遇到这种情况，三角警告牌应该放在车后多远？", "accident-warning-sign"),
    ("我外甥今年15岁，想自己骑电动车去学校，让他骑合规吗？", "nm-age"),
    ("前阵子登记血型时要出示证件，才发现驾驶证不见了，翻了好几天也没找到。我下周还得开车出差，去车管所补办的话一般多长时间能拿到新证？原来那本万一又找着了还能用吗？", "licence-lost"),
    # round 149: 酒后驾车, the law's own words for drink-driving, read as 酒驾 (not the wrong-class points)
    ("酒后驾车被交警查了，驾照要扣几分", "drink-penalty"),
    # round 150: reduce points in English; a rate asked after a claim of how few (没几辆 says nothing)
    ("If I do the online study to reduce points, what is the most I can take off in one scoring cycle?", "points-reduce"),
    ("我叔说街上的电动车没几辆挂了牌的，去年挂牌率到底有多少？", "ebike-plates"),
    # round 151: 最多能 overlapped by the longer 能减几分 still says 上限 (its shorter form 最多)
    ("一个记分周期最多能减几分？", "points-reduce"),
    # round 152: 跟受伤无关 says the matter is not injury (the no-one-hurt scrape, not the injury entry)
    ("顺便问个跟受伤无关的：两辆车在路口轻轻蹭了一下，谁也没伤着，能不能先把车挪到路边再商量？", "accident-minor"),
    # round 153: 前牌掉了 is the plate, not 跑掉 (typo repair read pai diao as pao diao: one who fled)
    ("前牌掉了找不着了，补一副新的要多久？", "reg-plate-lost"),
    # round 156: 打几号开始 asks from which day (not a phone number); 案子破了多少 asks the solving;
    # English highest and lowest speed limits, hazard spots fixed
    ("修订了的忻州市电动车管理条例是打几号开始实行的咧", "ebike-regulation"),
    ("看新闻说忻州去年一次死3人以上的较大事故少了两起，那肇事逃逸的案子破了多少？", "accident-hit-and-run"),
    ("What are the highest and lowest speed limits on a Chinese expressway? Just planning a road trip, nothing urgent.",
     "road-expressway-speed"),
    ("How many road safety hazard spots did the Xinzhou traffic police fix in 2024?", "hazard-sites-2024"),
    # round 160: English highest speed allowed
    ("What's the highest speed allowed on a Chinese expressway?", "road-expressway-speed"),
    # round 159: 喝了一点酒开车 is drink-driving
    ("喝了一點酒開車被交警查到，駕照要暫扣多久？", "drink-penalty"),
    # round 158: an age after 小子 (俺家小子才15)
    ("俺家小子才15，能骑电动车上路不", "nm-age"),
    # round 157: 多少日内 asks when
    ("您好，请问交警做完现场调查以后，事故认定书一般多少日内制作出来？保险公司天天催，急死了。", "acc-certificate"),
    # round 154: an age said in English (my son is 15); riding, school and the road in English;
    # a sentence asked with 判到几年
    ("My son is 15. Is he allowed to ride an electric bike to school on the road?", "nm-age"),
    ("My grandma is 73 and wants to get a licence for a small car. Is she too old to apply?", "licence-age"),
    ("What is the max legal speed for an electric bicycle? Mine feels really slow.", "ebike-speed"),
    ("看新闻有人撞了人就跑了，好奇问一下：如果肇事后逃逸，按刑法最高会判到几年？", "accident-hit-run-crime"),
    ("我邻居把旧车卖给了一个人，那人又转手卖给别人，一直都没办过户，现在最后买车的人开着出了事故撞伤了人，这个赔偿该找谁？",
     "acc-sold-not-transferred"),
    # round 162: 叫交警逮住了 is what befell (Shanxi for 被交警抓住), not calling the police; the
    # question asked first with a telling clause after it
    ("俺这车交强险到期忘了续，开出去叫交警逮住了，咋罚咧", "insurance-no-cover"),
    ("闯个红灯扣几分啊，就是路口摄像头拍的那种", "points-values"),
    # round 163: a fear told after the question is why it is asked (怕超速扣分 is no points question)
    ("价照快到期了，最早提前多少天能去换？急死了怕过期", "licence-renew"),
    ("俺开小轿车上高速，最快能跑多少咧？怕超速扣分", "road-expressway-speed"),
    ("How many points can I have taken off my licence by doing traffic safety study in one scoring cycle?", "points-reduce"),
    # round 164: the solve rate, in English; handled back home after a camera elsewhere
    ("What was the solve rate for hit-and-run cases in Xinzhou in 2024?", "accident-hit-and-run"),
    ("我车是忻州上的牌前几天在太原被电子眼拍了违停能不能回忻州这边处理", "violation-other-place"),
    # round 166: 临时拍照 typed for 临时牌照; a windy night is no scrape; 罚款是多少 after drink
    # driving; the full score and the education course, in English
    ("新车还没上派，临时拍照能用几天", "reg-temp-plate"),
    ("昨晚刮大风，后车牌掉了找不着了，补一块要多久", "reg-plate-lost"),
    ("饮酒后开车被抓到，罚款是多少钱", "drink-penalty"),
    ("What happens to my licence when I reach the full score?", "points-full"),
    ("Taking the traffic safety education course, how many points can be removed in one cycle?", "points-reduce"),
    # round 168 (held 165b): driving after drinking, in English
    ("How many points do you lose for driving after drinking?", "drink-penalty"),
    # round 169: jie typed after kaiche begins its own word (接电话, no 车借)
    ("kaiche jie dianhua bei pai dao le kou ji fen", "points-values"),
    # round 170: English deaths and the full score; a late fine is a rate, not an amount
    ("How many people died in road accidents in Xinzhou in 2024?", "stats-deaths-2024"),
    ("How many points is the full score in one scoring cycle?", "points-cycle"),
    ("罚款忘了交，过了期限每天加收多少", "violation-late-fine"),
    # round 172: the car driven is what is driven, not what is asked (no entry about cars holds the
    # full-points course); 没 before a verb tells what was photographed; English pass mark
    ("我开的是小轿车，分扣满了得学习几天", "points-full"),
    ("年检过期了三个月，被拍到没按时检验就上路扣几分", "reg-inspection-overdue"),
    ("What is the pass mark for the theory test?", "licence-exam"),
    # round 173: driving alone (开车) on the expressway with a C1 asks the probation rule, no class
    # of vehicle; 多长 typed in pinyin (pypinyin reads 长 as zhang); English lowest speed
    ("刚拿的C1驾照，自己一个人能开车上高速不", "licence-learner"),
    ("shixiqi duo chang shijian", "licence-learner"),
    ("What is the lowest speed on the expressway?", "road-expressway-speed"),
    # round 174: 消掉几分 asks the points a course takes off
    ("参加学习一个周期最多能消掉几分", "points-reduce"),
    # round 177: the licence's total points
    ("驾驶证总共多少分", "points-full"),
])
def test_rounds_97_102_the_asked_matter_is_read_past_who_did_it_when_and_slips(engine, question, entry):
    reply = engine.answer(question)
    assert (reply.status, reply.entry_id) == (ANSWER, entry), reply.reason


@pytest.mark.parametrize("question", [
    # rounds 97 and 98: road closures and weather asked ahead, another city's permits
    "明天下大雪 忻州到五台山的高速会不会封",
    "下个月开车去北京看闺女 外地车进京证咋办 五环里头能开不",
    "明天去五台山路上结冰不?怕滑出事",
    # the country's figures are not this city's
    "全国2024年交通事故一共死了多少人？有统计吗",
    # a change to come is not in the texts as they stand
    "听说满分学习明年要改成3天 是真的吗",
    "听说明年开始开车戴蓝牙耳机打电话也要扣分了，真的假的？",
    "xue fa jian fen shi bu shi ming nian jiu yao qu xiao le",
    # where, with 在 dropped as people say it, of a business whose place we do not hold
    "电动车哪上牌",
    # which page of the app is an entry point no entry gives
    "我哥哥刚考上驾照还在实习期，他车后面贴的那个实习标志在交管12123里哪个页面能找到呀？",
    # 夺少钱 is 多少钱: the fee asked, which the transfer entry does not state
    "二手车过户费夺少钱 还要交别的钱不",
    # an office's evening hours
    "古城大队晚上还能去吗",
    # round 99: another country named in English, or a state of one
    "In Germany how far behind the car must the warning triangle go",
    "在Texas酒驾会咋罚",
    # a relative's application: only the case file knows
    "我表哥申请的救助基金批下来了没有",
    # round 100: an omen and a temple are no traffic matter
    "梦见开车撞了人 是不是预兆 要不要烧香",
    # a story naming only a vehicle no entry is about: its plates are asked, not an e-bike's
    "想给俺妈买个老年代步车 能上牌不",
    # round 101: 事故科 is an office of the local brigade: its number is not the national 122
    "事故科电话多少",
    # a county's traffic police: its office number, which the knowledge does not hold (122 is offered, not told as theirs)
    "繁峙交警电话",
    # round 102: a warning light on the dashboard is a mechanic's matter
    "仪表盘上的故障灯亮了",
    # someone else's plate looked up for them
    "帮我同学查一下他的车有没有违章",
    # Saturday at the office
    "星期六能去办过户吗",
    # round 103: 几钱 asks a price; a Chinese licence used abroad is that country's rule
    "学车考驾照得几钱",
    "中国驾照在韩国能开吗",
    # round 105: a fee named alone (考试费) asks its amount, which no entry states
    "科目三考试费",
    # 哪儿 typed as said (nar): where an e-bike is registered here, which we do not hold
    "dianche shangpai zai nar ban",
    # round 111: hospital bills through the medical insurance (新农合) are not traffic law
    "出事故住院的钱能走新农合报销不",
    # round 115: whether a road accident on the way to work is a work injury
    "上班路上出车祸受了伤 这个能不能算工伤",
    # round 117: a phone number typed with a slip (电化)
    "12123卡死了登不上，忻州车管所电化多少，我打过去问问",
    # round 118: a count of one vehicle's accidents, which the year's figures for all do not give
    "2024年忻州电动自行车出事故死了多少人？",
    # tomorrow's snow is a forecast
    "正在 expressway 上开着，明天忻州到太原会不会下大雪 snow 封路？",
    # round 124: first-aid courses (急救培训, 红十字会) and taxi fares (不打表) are not the traffic
    # police's; asked in pinyin (you mei you), the clause is still asking
    "忻州哪里能报名学急就 红十字会那种培训班 电话多少",
    "jiaojing dui you mei you mianxiang shimin de jijiu peixun ban, zenme baoming",
    "出租车不打表 在忻州该找谁",
    # round 125: child seats are in no text held here
    "小孩坐车必须用儿童安全座椅吗？多大的孩子要用？",
    # round 131: 想考 before 辅警 asks of the auxiliary police's recruitment, not the driving test
    "我表弟想考忻州交警的辅警，今年还招不招，去哪报名",
    # round 136: one's own certificate (做好了没有), which station has the shortest queue, an app
    # that will not log in: none is in the texts
    "wo shang zhou na ge shigu de rendingshu zuo hao le mei you?",
    "我老公的车年检过期了，忻州哪个检测站排队的人少？",
    "12123一直卡住了，转圈圈登不上去，交个罚款急死了，是你们系统坏了吗？",
    # round 137: where to buy a learner's sticker, a relative's criminal case, the number ranges
    # left in the plate system today
    "实习贴哪买",
    "我表哥醉驾那个案子现在移送检察院了没有，啥时候开庭",
    "晋H 现在 选号 系统 里 还剩 哪些 号段 能选",
    # whether one's own case is closed
    "案子结了没",
    # blood-donation drives, the province's ranking, whether one's own hit-and-run case is solved
    "听说忻州交警组织过无偿献血，普通市民能跟着一起去献吗？在哪报名？",
    "忻州 2024年 交通事故 死亡 人数 在 全省 排 第几",
    "去年我爸骑车被人撞了，腿骨折现在已经好了，肇事司机当时跑了。听说你们逃逸案件都破了，我爸那个案子到底抓到人没有？",
    # round 143: where the mobile office goes next week; checking a relative's own record (帮他查查)
    "忻州的流動車管所下個禮拜會到哪個鄉鎮辦業務?",
    "我姑父上月在忻府区被拍了违章扣了分,他想知道到底是在哪个路口拍的,你能帮他查查不?",
    # round 144: the mobile office's schedule (日程)
    "流动车管所 日程",
    # round 145: the app that will not log in (登录不进去), told over three clauses
    "我妈手机上的交管12123一直卡住了，登录不进去，怎么办",
    # round 147: the e-bike deaths of a year, a figure no entry gives (死了几个人: 死亡人数)
    "我邻居想知道2024年忻州骑电动自行车出事故死了几个人",
    # round 148: a certificate lost, then the office's hours asked: no entry on the certificate holds them
    "去年那个事故的认定书找不见了 上哪个大队补 大队几点上班",
    # round 149: a phone asked, then only what it is about (想问问…认定书的事); a place and a where-word
    # typed apart (在 忻州 哪里); a spot at a school gate to stop at (哪个点位: 地点, which no entry holds)
    "忻府区交警大队的电话多少？想问问我家那起事故认定书的事",
    "科目二 考场 在 忻州 哪里",
    "学校门口搞了人车分离，接孩子的时候具体哪个点位能停车？",
    # round 154: whether one place is on a list the entry only counts; hours asked in English
    "去年说治理了100处隐患，我们村口那个急弯到底在不在里头啊",
    "My dad is 80 and has to renew his licence. What time does the Xinzhou vehicle office open on Saturdays?",
    # round 155: an identity card lost, typed word by word: no entry is about it (not the licence's)
    "身份证 丢了 去哪 补办",
    # round 156: a street no entry names, typed word by word, is as typed together
    "忻州 长征街 限速 多少",
    # round 158: which roads were among the sites, asked in English: a list no entry holds
    "Which specific roads in Xinzhou were among the 100 hazard spots fixed in 2024?",
    # round 161: 最多 beside an aspect only a disclaiming entry holds is no question of the top
    # voltage; the inspection station's address; the education asked of auxiliary police; a count
    # of people caught that the report does not give
    "电动车最多能带几个人",
    "检测站在哪",
    "我弟想报考忻州交警辅警，今年还招不招，要啥学历",
    "去年整黄牛那个行动，忻州到底抓了多少个啊",
    # round 162: which car to buy (买个啥车) no entry holds, a clause alone or with a story after;
    # whether one's own violation is dealt with, typed word by word
    "新手买个啥车好 十万左右的",
    "我 上礼拜 在 忻府区 被拍了 个 闯红灯 现在 处理 好了 没",
    # round 163: whether control is set on given days, a named street asked first with the story
    # after, whether one place is on a list the knowledge gives only the size of
    "五一想去雁门关玩，那几天路上有没有交通管制啊",
    "忻州和平街晚上路边到底能不能停车 天天被贴条 伤脑筋",
    "我们村口那个急弯一直让人伤脑筋，前几年那儿还出过有人受伤的事故，想问问它在不在2024年忻州治理的那100处隐患里面？",
    # round 164: a tyre shop, which test centre is easier, whether one's own fine went through, the
    # largest single payment
    "电动车 轮胎 没气了 古城 附近 哪有 补胎的",
    "俺考科目二老是遇到困难，忻州哪个考场好考些？",
    "我前天在12123上交了罚款，付款页面卡住了一下，现在那条违章还显示未处理，到底交上没有？急死了",
    "What was the largest single payment made by Xinzhou's road accident rescue fund in 2024?",
    # round 165: whether the office works over the May holiday
    "忻州车管所五一假期受理业务不？",
    "國慶假期雁門關景區附近會不會實行交通管制？",
    "去年 治理 的 那100处 隐患 点段 具体 都是 哪些 路",
    # round 166: where a test centre is; what the old office became; how many of the households
    "我在忻州报了驾校，科目二考场在哪个位置？",
    "古城大队搬走以后，城北的老楼改成干啥用了？",
    "随口问问，救助基金帮的那些家庭里有多少户是因为肇事逃逸才申请的？",
    # round 169: a county in a message spaced word by word; the year asked after the year told
    "原平 2024年 交通事故 死了 多少人",
    "救助基金2024年帮了两百多户，那2025年帮了多少户？",
    # rounds 168, 169, 175: the helmet rate of the countryside, where the entry states the city's
    "农村骑电动车的人头盔佩戴率有多少",
    # round 176: one's own fine paid and the record not cleared
    "罚款早交了 咋记录还没消",
    # round 177: whether one's own hit-and-run case has found the driver
    "去年撞我的那个跑了，现在查到人没有",
])
def test_rounds_97_102_what_no_entry_holds_is_declined(engine, question):
    reply = engine.answer(question)
    assert reply.status != ANSWER and reply.declines, reply.reason


def test_a_rule_asked_of_the_whole_country_is_no_other_place(engine):
    # 全国统一 asks whether the rule is the same everywhere: the national entry answers
    reply = engine.answer("交强险全国都一样吗")
    assert reply.status == ANSWER and "place:" not in reply.reason, reply.reason


def test_how_fast_an_e_bike_may_be_ridden_gives_the_laws_limit_in_the_bike_lane(engine):
    # the design speed (25 km/h) and the riding limit in the non-motor lane (十五公里, the law's article 58)
    reply = engine.answer("电动车在路上能骑多快")
    assert (reply.status, reply.entry_id) == (ANSWER, "ebike-speed"), reply.reason
    assert "十五公里" in reply.text and "25" in reply.text and "第五十八条" in reply.text


def test_who_pays_the_rescue_after_a_hit_and_run_told_in_a_story_names_the_fund(engine):
    # round 108: 抢救的钱 is the rescue cost advanced; the e-bike the victim rode is the story's
    reply = engine.answer("俺舅骑电动车叫车撞了 开车的跑了 到现在没找着 医院催着交钱 抢救的钱到底谁来出")
    assert reply.status == ANSWER and "救助基金" in reply.text, reply.reason


def test_staff_add_a_way_of_asking_of_the_storys_case_in_the_concepts_file(engine, tmp_path):
    """`this_case:` in concepts.yaml is the words at a story's end that ask of the story's own case;
    a word staff add there is read so, with no change to the code."""
    from knowledge_copy import knowledge_copy, topic_files

    from bot.engine import build_engine

    question = "我表哥喝醉了开车撞伤了人，人已经治完出院了，这种状况交强险还管赔吗？"
    assert engine.answer(question).entry_id != "insurance-drunk"
    folder = knowledge_copy(tmp_path / "knowledge", *sorted(topic_files()))
    concepts = folder / "concepts.yaml"
    text = concepts.read_text(encoding="utf-8")
    assert "this_case: [这种情况," in text
    concepts.write_text(text.replace("this_case: [这种情况,", "this_case: [这种状况, 这种情况,"), encoding="utf-8")
    edited, problems = build_engine(str(folder))
    assert edited is not None and not [p for p in problems if p.severity == "error"]
    assert edited.answer(question).entry_id == "insurance-drunk"
