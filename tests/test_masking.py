"""Personal data is masked before a question is stored; ordinary numbers are left alone."""

import pytest

from bot.masking import mask


@pytest.mark.parametrize(
    "text, expected",
    [
        ("我的手机号13835012345，驾照丢了怎么办", "我的手机号138****2345，驾照丢了怎么办"),
        ("电话 139-3501-2345 请回电", "电话 139-****-2345 请回电"),
        ("电话 186 3501 2345", "电话 186 **** 2345"),
        ("+8615935012345", "+86159****2345"),
        ("身份证号140902199003154517换证", "身份证号1409************17换证"),
        ("身份证14090219900315451X", "身份证1409************1X"),
        ("身份证14090219900315451x", "身份证1409************1x"),
        ("老证140902900315451还能用吗", "老证1409*********51还能用吗"),
        ("晋H·12345被贴条了", "晋*******被贴条了"),
        ("晋H12345违章查询", "晋******违章查询"),
        ("晋HD12345是新能源车", "晋*******是新能源车"),
        ("京A-1234X进京证", "京*******进京证"),
        ("晋h 12345", "晋*******"),
        ("晋H1234挂 年检", "晋****** 年检"),
        ("卡号6222021234567890123", "卡号6222*************23"),
        ("手机１３８３５０１２３４５", "手机１３８****２３４５"),
    ],
)
def test_personal_data_is_masked(text, expected):
    assert mask(text) == expected


@pytest.mark.parametrize(
    "text",
    [
        "2024年的新规",
        "拨打122报警",
        "下载交管12123",
        "400W的电动车",
        "忻州交警电话0350-3032122",
        "限速60公里，罚款200元扣3分",
        "晋城市有几个车管所",
        "订单号12345678901234",  # 14 digits: not a phone, ID or card
        "",
    ],
)
def test_ordinary_text_is_untouched(text):
    assert mask(text) == text


def test_several_items_in_one_question_and_same_length():
    text = "我叫张三，电话13912345678，车牌晋H·A1234，身份证140902198001011234"
    out = mask(text)
    assert "13912345678" not in out and "A1234" not in out and "198001011234" not in out
    assert out.startswith("我叫张三，电话139****5678，车牌晋")
    assert len(out) == len(text)
