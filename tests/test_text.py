import pytest

from bot.text import TextProcessor, cache_dir


def make(terms=("上牌", "头盔", "电动自行车", "车管所", "救助基金"), synonyms=None):
    return TextProcessor(terms, synonyms or {"电瓶车": "电动自行车", "小电驴": "电动自行车", "挂牌": "上牌"})


# Each TextProcessor loads jieba's whole dictionary (seconds on a loaded machine): tests that only
# read one share it. `typos` has its vocabulary indexed, as the engine does before answering.
@pytest.fixture(scope="module")
def plain() -> TextProcessor:
    return make()


@pytest.fixture(scope="module")
def typos() -> TextProcessor:
    t = make()
    t.index_vocabulary(set())
    return t


def test_normalize_full_width_traditional_spaces_emoji_and_controls(plain):
    t = plain
    assert t.normalize("電動車　要　上牌嗎？？") == "电动车要上牌吗"
    assert t.normalize("ＡＢＣ１２３") == "abc123"
    assert t.normalize("电 动 车🚲要上牌\x00\x07吗!!!") == "电动车要上牌吗"
    assert t.normalize("交管 12123 app") == "交管 12123 app"
    assert t.normalize("\u200b\u200b") == ""


def test_synonyms_become_the_standard_word(plain):
    t = plain
    assert "电动自行车" in t.canonical(t.normalize("小电驴要挂牌吗"))
    assert "上牌" in t.canonical(t.normalize("小电驴要挂牌吗"))


def test_homophone_typos_of_domain_words_are_repaired(typos):
    t = typos
    assert "上牌" in t.canonical("电瓶车要上派吗")
    assert "救助基金" in t.canonical("救主基金怎么申请")
    assert "车管所" in t.canonical("车管锁在哪")


def test_near_typo_repaired_but_ordinary_words_left_alone(typos):
    t = typos
    # a near sound (hui for kui) in a two-character word is repaired only for the emergency check,
    # which weighs it beside the text as typed; matching reads what was typed
    assert "头盔" in t.repair_typos("要戴头灰吗", strict=False)
    assert t.canonical("要戴头灰吗") == "要戴头灰吗"
    assert t.canonical("今天天气怎么样") == "今天天气怎么样"


def test_a_repair_must_be_likelier_than_what_was_typed():
    t = TextProcessor(("上牌", "车祸", "国标", "新国标", "双闪"), {})
    t.index_vocabulary({"除了", "伤得", "市里"})
    # jieba cuts 新车上派 as 新车|车上|派: the slip is repaired across that boundary, since jieba
    # then reads 上牌 whole
    assert "上牌" in t.canonical(t.normalize("新车上派一般几天能办好"))
    assert "新国标" in t.canonical(t.normalize("电动车新过标有哪些要求"))
    # everyday Chinese that merely sounds like a word of the knowledge is left as typed
    for typed in ("出了车祸打哪个电话", "行驶证上的信息错了", "会车时离对方多远", "车会被扣吗", "电池算上最重多少"):
        assert t.canonical(t.normalize(typed)) == t.normalize(typed)
    # the emergency check still hears the liberal repair
    assert "除了" in t.repair_typos("出了车祸", strict=False)


def test_domain_terms_are_kept_whole_by_jieba():
    t = TextProcessor(("远程视频快处", "百姓身边车管所"), {})
    words = t.content_words("什么是远程视频快处")
    assert "远程视频快处" in words
    assert "什么" not in words  # question frames are not content


def test_cache_dir_is_per_user_not_tmp(tmp_path):
    assert cache_dir({"XDG_CACHE_HOME": str(tmp_path)}) == tmp_path / "trafficbot"
    assert str(cache_dir({"HOME": "/home/x"})).startswith(str(cache_dir({}).parent))


def test_a_unit_after_a_number_names_what_it_measures():
    t = TextProcessor(("电池电压", "最高车速"), {}, measures={"伏": "电池电压", "v": "电池电压", "码": "最高车速"})
    words = lambda q: t.content_words(t.canonical(t.normalize(q)))
    assert "电池电压" in words("换个60V的电瓶行不")
    assert "电池电压" in words("电瓶多少伏合适")
    assert "最高车速" in words("能跑四十多码")
    # no number before it: the character is just itself
    assert "最高车速" not in words("扫一下二维码")
    assert "最高车速" not in words("一码通怎么用")
    assert "电池电压" not in words("tv坏了")


def test_a_variant_running_into_its_standard_word_is_left_as_typed():
    t = TextProcessor(("高速公路", "救助基金"), {"上高速": "高速公路", "社会救助基金": "救助基金"})
    assert t.canonical(t.normalize("上高速公路车坏了")) == "上高速公路车坏了"  # not 高速公路公路
    assert t.canonical(t.normalize("上高速车坏了")) == "高速公路车坏了"
    assert t.canonical(t.normalize("社会救助基金")) == "救助基金"  # the standard word inside the variant


def test_slips_of_the_concept_vocabulary_are_restored_before_other_words():
    t = TextProcessor(("上牌",), {})
    t.keep_as_typed(["醉驾", "年检", "大车", "多少伏"], restorable=["醉驾", "年检", "大车"])
    t.index_vocabulary({"每年"})
    assert "醉驾" in t.canonical(t.normalize("最驾会怎样"))
    # 没年简: the domain word 年检 wins over 每年, a word the knowledge merely uses
    assert t.canonical(t.normalize("车辆逾期没年简会罚款不")) == "车辆逾期没年检会罚款不"
    # a real word stays itself (打车 is no slip of 大车), and a phrasing with a question in it
    # (多少伏) is restored from nothing
    assert "打车" in t.canonical(t.normalize("打车的钱谁出"))
    assert "多少付" in t.canonical(t.normalize("电瓶多少付"))


def test_a_repair_never_rewrites_part_of_a_concept_word_but_may_complete_one():
    t = TextProcessor(("车管所",), {})
    t.keep_as_typed(["三防", "车管"])
    t.index_vocabulary({"方式"})
    # 三防是 sounds like 三方式 (san fang shi), a word the knowledge uses: 三防 stays as typed
    assert "三防" in t.canonical(t.normalize("学校的三防是指啥"))
    assert "车管所" in t.canonical(t.normalize("车管锁在哪"))


def test_a_domain_word_typed_in_pinyin_is_read_as_the_word():
    t = TextProcessor(("电动自行车",), {"电动车": "电动自行车"})
    t.keep_as_typed(["电动车", "驾照", "架照"], restorable=["电动车", "驾照", "架照"])
    t.index_vocabulary(set())
    assert "电动自行车" in t.canonical(t.normalize("diandongche要上牌吗"))
    assert "电动自行车" in t.canonical(t.normalize("Diandongche 最高时速"))
    # spelt alike: the word Chinese uses, not the slip the vocabulary also lists
    assert "驾照" in t.canonical(t.normalize("jiazhao丢了"))
    # English stays English
    assert t.canonical(t.normalize("hello world")) == "hello world"


def test_a_word_typed_as_it_sounds_is_not_turned_into_a_near_domain_word():
    # 死了 is itself a word the knowledge knows (si le); 私了 only sounds alike: deaths stay deaths
    t = TextProcessor(("私了",), {}, homophones=("死了",))
    t.keep_as_typed(["年检"], restorable=["年检"])
    t.index_vocabulary(set())
    assert "死了" in t.canonical(t.normalize("去年车祸死了几个人"))


def test_english_domain_words_inside_chinese_are_read_whole_words_only(engine):
    # a traveller or a student types the English word they know for the thing
    assert engine.answer("expressway上小车最高能开多少").entry_id == "road-expressway-speed"
    assert engine.answer("ebike要上牌吗").entry_id == "ebike-plates"
    text = engine.text
    # a Latin word is replaced whole, never inside another word
    assert "高速公路" not in text.canonical(text.normalize("highwayman"))
    assert "高速公路" in text.canonical(text.normalize("highways"))  # its plural is listed too


def test_a_question_typed_wholly_in_pinyin_is_read_as_chinese(engine):
    # typed without spaces: the syllables are found, then the words they spell
    assert engine.answer("gaosuzuigaoxiansuduoshao").entry_id == "road-expressway-speed"
    # the syllables between domain words are read too, so the question is whole
    assert engine.answer("jiazhao koufen yige zhouqi duochang shijian").entry_id == "points-cycle"
    text = engine.text
    # of two ways to read syllables, the one that reads more of them, then the domain word's
    assert "驾驶证" in text.canonical(text.normalize("wo yao ban jia zhao"))
    assert "扣几分" in text.canonical(text.normalize("chuang hongdeng kou ji fen"))


def test_a_repair_never_borrows_a_character_of_a_doubled_word():
    t = TextProcessor(("天气", "上牌"), {})
    t.index_vocabulary(set())
    # 天天骑着: the rider goes every day; 天天 is a word, its second 天 is no start of 天气
    assert "天气" not in t.canonical(t.normalize("他天天骑着去地里"))
    assert "上牌" in t.canonical(t.normalize("新车上派一般几天能办好"))


def test_an_aspects_phrasing_is_restored_only_from_a_slip_that_is_no_word():
    t = TextProcessor(("上牌",), {})
    t.keep_as_typed(["红绿灯", "价格"], heard=["红绿灯", "价格"])
    t.index_vocabulary(set())
    assert "红绿灯" in t.canonical(t.normalize("闯了个红绿登 被拍了"))
    # 加个 is a word of its own, no slip of 价格
    assert "价格" not in t.canonical(t.normalize("加个油多少钱"))
