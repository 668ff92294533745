"""Answer types (knowledge/scope.yaml `answer_types`): a question asking for a kind of answer (an
amount, a number of days, a clock time) is answered only by an entry whose answer states one."""

from pathlib import Path

import pytest

from bot.engine import Engine
from bot.knowledge import load_knowledge
from bot.reply import ANSWER, CLARIFY, FALLBACK

EMERGENCY = "emergency:\n  reply: 请立即拨打 122 和 120\n  harm: [受伤]\n"

SCOPE = """\
answer_types:
  - type: 数量
    asked_by: ["几{量}", "多少{量}"]
    not_in: [前几]
    stated_by: ["{数}{量}"]
    units: [[天, 日]]
  - type: 钟点
    asked_by: [几点]
    stated_by: ["{数}点"]
    reply: 办公时间我这里没有准确资料。
"""


@pytest.mark.parametrize("question, kind", [
    ("车管所中午休不休息", "钟点"),          # hours of an office: no answer states any
    ("交警大队春节放不放假", "钟点"),
])
def test_a_kind_of_answer_no_entry_states_is_declined_honestly(engine, question, kind):
    reply = engine.answer(question)
    assert reply.status in (FALLBACK, CLARIFY)
    assert reply.reason.startswith(f"answer-type:{kind} asked")


@pytest.mark.parametrize("question, kind", [
    ("麻烦帮我看看我的违章处理了没", "代查"),        # the bot sees no one's own records
    ("我的事故认定书出来了没有呀", "代查"),
    ("晋H那个车有没有违章 我姐的车 帮看一下", "代查"),          # the progress of one's own case
    ("交管12123刷脸一直过不去咋办", "软件入口"),      # app account steps: no answer says which button
    ("在山西超速罚款多少", "本省罚款"),              # the law gives a range; Shanxi's own sum is not held
    ("补的行驶证可以邮寄到家吗", "邮寄"),
    ("科目四好考吗", "难易"),                        # rules, not how hard an exam is
    ("换驾照的照片有什么要求", "照片规格"),
    ("驾照照片能不能自己拍", "照片规格"),
    ("二手车过户费大概多少", "金额"),          # a fee's sum: no answer states one
    ("办临牌手机上咋操作", "软件入口"),
    ("收到个短信让交罚款 这个短信是真的吗", "真假"),  # no entry can tell a real message from a fake
    ("我交的复核申请有结果没", "代查"),
    ("撞了我家车那个司机跑了 人抓到了没", "代查"),    # one's own case solved or not
    ("闯红灯那张罚单能不能给我消了", "代查"),          # undoing one's own record
    ("我这个周期已经扣了多少分了", "代查"),
    ("帮俺查查俺的车现在有几个违章没处理", "代查"),  # 俺 is 我 in Shanxi speech
    ("车叫拖走了 拖哪去了", "代查"),                  # where one's own towed car is
    ("新闻里说昨天高速上撞死两个人 是哪段路", "具体事件"),  # …… : the story first, what is asked of it at the end
    ("俺邻居上个月喝了酒开车让查住了 他那个案子最后咋判的 拘了没", "具体事件"),  # someone's case, not the law
    ("今天去车管所办过户的人多不多 得排多长时间队", "实时办理"),  # today's queue, not the transfer rules
    ("科目三现在能约到几号", "实时办理"),
    ("你们交警是不是就知道罚款 路修成这样咋不管管", "评价"),   # an opinion of the police, not a rule asked
    ("我驾照到底哪天到期来着 记不得了", "代查"),              # one's own licence's date, not the renewal rules
    ("今晚城里查不查酒驾", "实时执法"),                       # where and when checks are held is not told
    ("这几天高速上有没有交警查", "实时执法"),
    ("jintian wanshang cha bu cha jiujia", "实时执法"),       # typed in pinyin, read as the words it spells
    ("新手买个二手车好还是新车好", "比较"),                   # which of two to choose is advice, not a rule
])
def test_what_nothing_here_can_tell_is_declined_with_its_rule(engine, question, kind):
    reply = engine.answer(question)
    assert reply.status in (FALLBACK, CLARIFY)
    assert reply.reason.startswith(f"answer-type:{kind} asked"), reply.reason


@pytest.mark.parametrize("question, entry", [
    ("驾照有效期几年", "licence-validity"),        # 六年 states a number of years
    ("酒驾罚多少钱", "drink-penalty"),              # 一千元以上二千元以下
    ("私家车年检几年一次", "reg-inspection"),      # its own question: the figure changed, it says where to look
    ("驾驶证丢了怎么补", "licence-lost"),           # no lookup, no app step, no sum asked
    ("查酒驾查出来了会怎么罚", "drink-penalty"),      # what a check finding leads to is the law's
    ("出了事故最好还是报警吗", "acc-must-report"),     # 最好还是 advises, it compares nothing
    ("忻州去年撞人逃逸的案子都破了没", "accident-hit-and-run"),  # 都: all the cases, a statistic, not one's own
    # 拖几个月 asks a length of time: 三十日内 states it (days and months are one kind of length)
    ("从朋友手里买了个二手车 钱给了车也开回来了 过户有没有期限 拖几个月行不行", "reg-transfer"),
])
def test_an_entry_stating_what_is_asked_still_answers(engine, question, entry):
    reply = engine.answer(question)
    assert (reply.status, reply.entry_id) == (ANSWER, entry)


TWO_ENTRIES = """topic: 测试
entries:
  - id: with-days
    questions: [换证要多久, 换证期限, 换证几天, 换证时间, 换证什么时候]
    answer: 应当在三十日内申请换证。2024年10月1日起施行。
    source: 测试来源
    updated: 2025-01-10
  - id: with-a-date-only
    questions: [条例哪天施行, 条例施行, 条例生效, 条例开始, 条例实施]
    answer: 条例自2024年10月1日起施行。
    source: 测试来源
    updated: 2025-01-10
"""


@pytest.mark.parametrize("question", [
    "我还剩几分 帮我查下",                 # 几分 is stated by the points entries; one's own figure never is
    "我驾照现在还剩几分",
    "换证的申请交了 啥时候能审核下来",
    "事故赔偿款多久能到账",
    "晋H车牌 帮查下有没有违章",             # 帮查下: a look-up of one's own record, however short
])
def test_ones_own_record_asked_beside_what_entries_state_is_still_declined(engine, question):
    reply = engine.answer(question)
    assert reply.status in (FALLBACK, CLARIFY)
    assert reply.reason.startswith("answer-type:代查 asked"), reply.reason
    assert "12123" in reply.text


def test_how_to_look_up_ones_own_points_still_answers(engine):
    reply = engine.answer("我驾照还剩几分怎么查")
    assert (reply.status, reply.entry_id) == (ANSWER, "points-query")


def test_a_rumour_checked_against_the_rules_is_not_a_message_to_verify(engine):
    reply = engine.answer("电动车没脚蹬就不符合国标 是真的吗")
    assert not reply.reason.startswith("answer-type:"), reply.reason


def test_a_number_said_in_another_unit_of_its_group_states_it_and_a_date_does_not(tmp_path):
    write(tmp_path, "emergency.yaml", EMERGENCY)
    write(tmp_path, "topic.yaml", TWO_ENTRIES)
    write(tmp_path, "scope.yaml", SCOPE)
    knowledge, problems = load_knowledge(tmp_path)
    assert not [p for p in problems if p.severity == "error"]
    types = Engine(knowledge).step("answer-type").types
    days = types.asked("要等几天")
    assert [f.name for f in days] == ["数量(天)"]
    assert types.stating(days[0]) == {0}          # 三十日内 states days; 10月1日 is a date
    assert types.asked("前几天被拍了") == []       # 前几天 tells when, it asks nothing
    assert [f.name for f in types.asked("几点上班")] == ["钟点"]


def write(folder: Path, name: str, text: str) -> None:
    (folder / name).write_text(text, encoding="utf-8")


def at(problems, file: str, line: int, words: str) -> bool:
    """Some problem is reported at file:line and says `words`."""
    return any(p.file.endswith(file) and p.line == line and words in p.message for p in problems)


def test_kb_check_reports_a_broken_pattern_at_its_line(tmp_path):
    write(tmp_path, "emergency.yaml", EMERGENCY)
    write(tmp_path, "topic.yaml", TWO_ENTRIES)
    write(tmp_path, "scope.yaml", "answer_types:\n  - type: 数量\n    asked_by: [\"几{单位}\"]\n"
                                  "    stated_by: [\"{数}{量}\"]\n    colour: red\n")
    _, problems = load_knowledge(tmp_path)
    assert at(problems, "scope.yaml", 3, "{数}")                    # an unknown slot
    assert at(problems, "scope.yaml", 4, "units")                  # {量} without units
    assert at(problems, "scope.yaml", 5, "colour")                 # an unknown field


@pytest.mark.parametrize("question", [
    "解放路限速是多少",             # a road no entry speaks of
    "东关镇里面限速多少",            # a town
    "京昆高速忻州段最高开多快",
])
def test_a_place_no_entry_mentions_is_declined_honestly(engine, question):
    reply = engine.answer(question)
    assert reply.status in (FALLBACK, CLARIFY)
    assert reply.reason.startswith("named-place:")


@pytest.mark.parametrize("question, entry", [
    ("古城大队搬到哪了", "gucheng-office"),          # a place the knowledge speaks of
    ("电动车能上高速吗", "road-expressway-rules"),   # 上高速 names no particular road
])
def test_a_place_an_entry_mentions_or_no_place_still_answers(engine, question, entry):
    reply = engine.answer(question)
    assert (reply.status, reply.entry_id) == (ANSWER, entry)


def test_a_place_told_in_a_story_is_not_what_is_asked(engine):
    reply = engine.answer("早上在解放路等红灯，被后面的车轻轻碰了一下，两个人都没受伤，车能先挪开吗")
    assert not reply.reason.startswith("named-place:")


def test_kb_check_reports_named_places_without_kinds_at_their_line(tmp_path):
    write(tmp_path, "emergency.yaml", EMERGENCY)
    write(tmp_path, "topic.yaml", TWO_ENTRIES)
    write(tmp_path, "scope.yaml", "named_places:\n  not_names: [马路]\n  colour: red\n")
    _, problems = load_knowledge(tmp_path)
    assert at(problems, "scope.yaml", 2, "kinds")
    assert at(problems, "scope.yaml", 3, "colour")


@pytest.mark.parametrize("question, kind", [
    ("飙车构成犯罪一般判几个月", "刑期"),             # 处拘役: the law gives no months
    ("危险驾驶罪的罚金大概交多少", "罚金数额"),       # 并处罚金: the court sets the sum
    ("持C2驾照可以开小货车吗", "准驾范围"),           # which vehicles a class allows is not held
    ("A1本能不能开公交", "准驾范围"),
    ("闯禁行到底罚50还是罚200", "本省罚款"),          # a figure inside the law's range is the local standard's
    ("驾校学费要交多少", "金额"),                     # a school's fee is no sum the knowledge states
    ("满分教育收培训费吗", "金额"),
    ("科目二倒库有啥窍门", "难易"),                   # tips to pass are no rule
    ("换证的相片要什么背景", "照片规格"),
    ("流动车管所一年下乡几次", "数量"),               # a count of times no answer gives
])
def test_a_figure_or_kind_beside_the_rules_is_declined_with_its_rule(engine, question, kind):
    reply = engine.answer(question)
    assert reply.status in (FALLBACK, CLARIFY)
    assert reply.reason.startswith(f"answer-type:{kind}"), reply.reason


@pytest.mark.parametrize("question, entry", [
    ("再次喝酒开车被抓要拘留几天", "drink-penalty"),       # 十日以下拘留 states days of detention
    ("交通肇事逃跑了要判几年", "accident-hit-run-crime"),  # 三年以下有期徒刑 states years of prison
    ("醉酒开车判几个月", "drunk-driving-crime"),           # its own question: not the entry whose months are a licence suspended
    ("驾照过期了半年还能开车吗", "licence-expired"),       # 还能开: whether, not which vehicles a class allows
])
def test_a_figure_stated_of_that_matter_still_answers(engine, question, entry):
    reply = engine.answer(question)
    assert (reply.status, reply.entry_id) == (ANSWER, entry), reply.reason


@pytest.mark.parametrize("question, reason", [
    ("我那个违章罚款交了没有", "answer-type:代查"),           # whether one's own fine is paid
    ("上个月申请的救助基金批下来没", "answer-type:代查"),
    ("帮我瞧瞧我的驾驶证啥时候到期", "answer-type:代查"),
    ("驾考科目三的通过率有多高", "answer-type:比率"),        # a rate: no answer gives one
    ("驾考一次通过率多少", "answer-type:比率"),
])
def test_ones_own_status_or_a_rate_is_not_answered_with_the_rule(engine, question, reason):
    reply = engine.answer(question)
    assert reply.status in (FALLBACK, CLARIFY)
    assert reply.reason.startswith(reason), reply.reason


@pytest.mark.parametrize("question, entry", [
    ("肇事逃逸的侦破率多少", "accident-hit-and-run"),    # written 100%: the sign is kept as a percentage
    ("电瓶车电机攻率最大多少", "ebike-power"),            # 攻率 is 功率 mistyped, no rate asked
])
def test_a_rate_an_answer_gives_and_a_mistyped_word_still_answer(engine, question, entry):
    reply = engine.answer(question)
    assert (reply.status, reply.entry_id) == (ANSWER, entry), reply.reason


@pytest.mark.parametrize("question, kind", [
    ("今年以来隐患治理投了多少钱", "本年数据"),        # the figures held are 2024's: this year's are not
    ("这个月忻州事故死了多少人", "本年数据"),
    ("12123上年审预约怎么操作", "软件入口"),           # an app's steps
    ("罚单上的二维码在哪扫", "软件入口"),
    ("我闺女科目二考过了没", "代查"),                   # one's own result
    ("我家那辆车年检到期了吗", "代查"),
])
def test_this_years_figures_app_steps_and_own_results_are_declined(engine, question, kind):
    reply = engine.answer(question)
    assert reply.status in (FALLBACK, CLARIFY)
    assert reply.reason.startswith(f"answer-type:{kind}"), reply.reason


def test_this_year_told_of_oneself_asks_no_figure_of_this_year(engine):
    reply = engine.answer("我今年刚拿的驾照 实习期扣多少分会注销")
    assert not reply.reason.startswith("answer-type:本年数据"), reply.reason


@pytest.mark.parametrize("question, kind", [
    ("12123上驾驶证照片怎么上传", "软件入口"),
    ("临时号牌一副要交多少", "金额"),
])
def test_an_app_upload_and_a_sum_to_pay_are_declined(engine, question, kind):
    reply = engine.answer(question)
    assert reply.status in (FALLBACK, CLARIFY)
    assert reply.reason.startswith(f"answer-type:{kind}"), reply.reason


@pytest.mark.parametrize("question", [
    "几天前闯了红灯会扣分吗",        # 几天前 tells when, it asks no number of days
    "几个月前被拍的违章到现在会扣分吗",
])
def test_a_time_told_with_a_unit_is_not_a_number_asked(engine, question):
    # scope.yaml's not_in lists 几{量}前: the unit stands for each unit of the type, as in asked_by
    assert not engine.answer(question).reason.startswith("answer-type:"), engine.answer(question).reason


@pytest.mark.parametrize("question", [
    "抖音上看到有人被电动车撞了躺地上 那是哪的事",
    "看到新闻说高速连环追尾 是哪条",
    "听说五台那边出了个车祸 出事的是谁",
    "昨天看新闻说高速上追尾死了三个人 是真的吗",   # whether a reported crash happened
])
def test_a_particular_event_asked_about_is_declined_not_answered_from_the_rules(engine, question):
    reply = engine.answer(question)
    assert reply.status in (FALLBACK, CLARIFY) and reply.declines, reply.reason
    assert "没有资料" in reply.text and "通报" in reply.text or reply.reason.startswith("place:"), reply.text


@pytest.mark.parametrize("question", [
    "我老公驾照是不是被吊销了 你帮查一哈",
    "我那个违章申诉提交了三天了没人理 到底处理了没",
    "我儿子那个事故调解是哪个警官负责的",
    "驾校报了名交了钱 现在不想学了能退多少",
])
def test_ones_own_case_or_a_refund_is_declined_not_answered_from_the_rules(engine, question):
    reply = engine.answer(question)
    assert reply.status in (FALLBACK, CLARIFY) and reply.declines, reply.reason


@pytest.mark.parametrize("question", ["2024年光忻府区的电动车挂牌率是多少 别的县不用说",
                                      "网上选号一次能出来几个号码让挑"])
def test_a_figure_the_knowledge_gives_only_for_the_city_or_not_at_all_is_declined(engine, question):
    # the 95% is the whole city's, not one county's; no entry says how many numbers are offered
    reply = engine.answer(question)
    assert reply.status in (FALLBACK, CLARIFY) and reply.declines, reply.reason


@pytest.mark.parametrize("question, entry", [("忻府区电动车要上牌吗", "ebike-plates"),
                                             ("原平扣满12分要学几天", "points-full")])
def test_the_city_s_rules_and_national_figures_hold_in_each_county(engine, question, entry):
    reply = engine.answer(question)
    assert reply.status == ANSWER and reply.entry_id == entry, reply.reason


@pytest.mark.parametrize("question", [
    "2024年原平市交通事故死亡人数比上年少了多少人",
    "2024年忻州全市交通事故一共死了多少人 原平那边是多少",
])
def test_a_county_s_figure_is_not_the_city_s(engine, question):
    reply = engine.answer(question)
    assert reply.status != ANSWER and reply.declines, reply.reason


def test_a_county_told_as_where_one_lives_does_not_gate_the_city_s_rule(engine):
    reply = engine.answer("俺家在忻府区 听说忻州电动车管理有新条例了 是从啥时候开始实施的")
    assert reply.status == ANSWER and reply.entry_id == "ebike-regulation"


@pytest.mark.parametrize("question", [
    "忻州的道路交通事故救助基金找哪个办公室申请 电话多少 要填啥表",
    "上回车祸在忻州人民医院住的院 那个医院急诊的电话是多少 想问问复查的事",
])
def test_the_number_of_an_office_or_a_hospital_is_not_answered_with_122(engine, question):
    reply = engine.answer(question)
    assert reply.status != ANSWER and reply.declines and "122" not in reply.text.split("\n")[0], reply.reason


def test_the_emergency_number_asked_for_still_gets_it(engine):
    reply = engine.answer("出了交通事故打哪个电话")
    assert reply.status == ANSWER and reply.entry_id == "emergency-numbers"


def test_a_kind_of_road_is_no_named_street(engine):
    # 那种窄路: a kind of road, not a road called 种窄路 that we know nothing of
    reply = engine.answer("城里那种窄路没画中线也没有限速牌 小车最快能开多少")
    assert reply.status == ANSWER and reply.entry_id == "road-speed-no-sign", reply.reason


@pytest.mark.parametrize("question, entry", [
    ("城区骑电动车戴头盔的人多不多 有个比例没", "ebike-helmet"),   # how many do it: a rate
    ("车管所现在排队的人多不多", None),                             # how crowded now: not held
])
def test_how_many_people_do_something_is_a_rate_and_how_crowded_is_not_held(engine, question, entry):
    reply = engine.answer(question)
    if entry:
        assert reply.status == ANSWER and reply.entry_id == entry, reply.reason
    else:
        assert reply.status != ANSWER and reply.declines, reply.reason
