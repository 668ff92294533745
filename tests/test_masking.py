"""Personal data is masked before a question is stored; ordinary numbers are left alone."""

import sqlite3
import unicodedata
from pathlib import Path

import pytest
from fakebotapi import FakeBotAPI
from telegram_support import TOKEN, deliver, started_app

from bot.knowledge import load_knowledge
from bot.masking import mask
from bot.querylog import QueryLog


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


# Issue 13: personal data typed in ordinary ways. Each: (as typed, what must not survive).
TYPED_FORMS = [
    ("卡号6222 0212 3456 7890 123", ["0212", "3456", "7890"]),
    ("卡号6222-0212-3456-7890-123", ["0212", "3456", "7890"]),
    ("身份证140902 19900101 1234", ["19900101", "0101"]),
    ("身份证140902-1990-0101-123X", ["1990", "0101"]),
    ("车牌晋 H12345被扣了", ["H12345", "12345"]),
    ("陝A12345违章", ["A12345", "12345"]),
    ("晉Ｈ·１２３４５", ["１２３４５", "Ｈ·"]),
    ("电话1 3 8 3 5 0 1 2 3 4 5", ["5 0 1"]),
    ("电话138,3501,2345", ["3501"]),
    ("电话138\u200b3501\u200b2345", ["3501"]),
    ("电话138\u200c3501\u200d2345", ["3501"]),
    ("电话１３８３５０１２３４５", ["３５０１"]),
    ("电话𝟏𝟑𝟖𝟑𝟓𝟎𝟏𝟐𝟑𝟒𝟓", ["𝟑𝟓𝟎𝟏"]),
    ("电话①③⑧③⑤⓪①②③④⑤", ["③⑤⓪①"]),
    ("两个号13835012345，13912345678", ["3501", "1234"]),
    ("晋H12345 13912345678", ["12345", "1234"]),
]


@pytest.mark.parametrize("text, secrets", TYPED_FORMS)
def test_personal_data_typed_in_ordinary_ways_is_masked(text, secrets):
    out = mask(text)
    assert len(out) == len(text)
    for secret in secrets:
        assert secret not in out, (text, out)
    assert "*" in out


@pytest.mark.parametrize(
    "text",
    ["2024年的新规", "下载交管12123", "150米以内", "60伏的电瓶", "限速25公里", "2024年, 12123, 150米, 60伏, 25公里",
     "2024年12月31日", "0350-3032122", "第1、2、3条"],
)
def test_not_personal_data_is_left_as_typed(text):
    assert mask(text) == text


def test_the_knowledge_phrasings_read_the_same_after_masking():
    knowledge, _ = load_knowledge(str(Path(__file__).resolve().parent.parent / "knowledge"))
    phrasings = [q for e in knowledge.entries for q in (*e.questions, *(e.tests or ()))]
    assert len(phrasings) > 300
    assert [q for q in phrasings if mask(q) != q] == []


async def test_typed_personal_data_sent_to_the_bot_is_nowhere_in_the_database(tmp_path):
    """Through the real handlers (stand-in Bot API) into the real query log, then the file itself."""
    db = tmp_path / "log.sqlite3"
    with FakeBotAPI(TOKEN) as api:
        qlog = await QueryLog.open(str(db), flush_interval=60)
        app = await started_app(api, querylog=qlog)
        try:
            for text, _ in TYPED_FORMS:
                await deliver(app, api.text_update(text))
        finally:
            await app.shutdown()
            await qlog.close()
    conn = sqlite3.connect(db)
    rows = conn.execute("SELECT text, normalized FROM questions").fetchall()
    machine_made = stored_values_besides_the_text(conn)
    conn.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    conn.close()
    assert len(rows) == len(TYPED_FORMS)
    stored = "\n".join(t + "\n" + n for t, n in rows)
    raw = db.read_bytes().decode("utf-8", "replace")
    # hashes, scores and times are digits the bot made, not the citizen's: 0.3456 is no card number
    for value in machine_made:
        raw = raw.replace(value, "")
    for text, secrets in TYPED_FORMS:
        for secret in secrets:
            # as typed, and as the engine normalises it (half-width, simplified, lower case)
            for form in {secret, mask_free_fold(secret)}:
                assert form not in stored, (text, form)
                assert form not in raw, (text, form)


def stored_values_besides_the_text(conn: sqlite3.Connection) -> list[str]:
    """Every value in the file that the bot computed (not text, normalized or reason, which hold or
    quote what was typed), longest first so a value is removed before any part of it."""
    values: set[str] = set()
    for (table,) in conn.execute("SELECT name FROM sqlite_master WHERE type = 'table'").fetchall():
        cursor = conn.execute(f"SELECT * FROM {table}")
        names = [d[0] for d in cursor.description]
        for row in cursor.fetchall():
            values.update(str(v) for name, v in zip(names, row, strict=True)
                          if v is not None and name not in ("text", "normalized", "reason") and len(str(v)) >= 4)
    return sorted(values, key=len, reverse=True)


def mask_free_fold(text: str) -> str:
    return "".join(str(unicodedata.digit(c)) if unicodedata.digit(c, None) is not None else c
                   for c in unicodedata.normalize("NFKC", text)).lower()
