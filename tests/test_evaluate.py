"""Scoring sets written by people who never saw our entry ids: labels by what a right answer says."""

from __future__ import annotations

import pytest

from bot.evaluate import evaluate, load_labelled
from bot.numerals import arabic


def _set(tmp_path, text: str):
    path = tmp_path / "set.yaml"
    path.write_text(text, encoding="utf-8")
    return load_labelled(path)


def test_an_answer_is_right_only_when_it_says_what_the_label_asks_for(engine, tmp_path):
    items = _set(tmp_path, """
- {q: "高速上车坏了警示牌放多远", expect: answer, must_mention: ["150"]}
- {q: "高速上车坏了警示牌放多远", expect: answer, must_mention: ["一百五十米"]}
- {q: "高速上车坏了警示牌放多远", expect: answer, must_mention: ["300"]}
""")
    report = evaluate(engine, items, baselines=False)
    assert [r["q"] for r in report["failures"]] == ["高速上车坏了警示牌放多远"]
    assert report["failures"][0]["must_mention"] == ["300"]
    assert report["in_scope_wrong_answer"] == pytest.approx(1 / 3)


def test_a_fire_label_needs_119_first_and_counts_as_an_emergency(engine, tmp_path):
    items = _set(tmp_path, """
- {q: "车着火了里面有人出不来", expect: fire}
- {q: "出车祸了有人受伤流了好多血", expect: fire}
""")
    report = evaluate(engine, items, baselines=False)
    assert report["emergencies_caught"] == 1.0
    assert report["fire_119_first"] == 0.5


def test_a_decline_is_a_fallback_or_the_not_held_reply_never_a_did_you_mean(engine, tmp_path):
    # 电动车能带人吗: "关于电动自行车，这个问题我这里没有资料" with e-bike entries offered is honest;
    # a vague ask met with "我不太确定您想问的是哪一个" and three choices is not, though both are clarifies.
    items = _set(tmp_path, """
- {q: "电动车能带人吗", expect: fallback}
- {q: "忻州哪家莜面好吃", expect: fallback}
- {q: "就是那个 扣分那个 怎么弄", expect: fallback}
""")
    report = evaluate(engine, items, baselines=False)
    assert report["out_of_scope_declined"] == pytest.approx(2 / 3)
    assert report["out_of_scope_fallback"] == pytest.approx(1 / 3)
    assert report["out_of_scope_not_answered"] == 1.0


def test_an_answer_label_without_what_it_must_say_is_refused(tmp_path):
    with pytest.raises(ValueError, match="must_mention"):
        _set(tmp_path, '- {q: "电动车限速多少", expect: answer}\n')


def test_chinese_numerals_read_as_arabic():
    assert arabic("一百五十米") == "150米"
    assert arabic("九十日内") == "90日内"
    assert arabic("十二分") == "12分"
    assert arabic("两万元") == "20000元"
    assert arabic("拨打一二二") == "拨打122"


def test_amounts_and_rates_as_answers_write_them_compare_with_plain_numbers():
    # A label saying "50000" must find an answer that says 5万元, and "3%" one that says 百分之三.
    assert arabic("赔偿限额5万元") == "赔偿限额50000元"
    assert arabic("1.5万") == "15000"
    assert arabic("每日按罚款数额的百分之三加处罚款") == "每日按罚款数额的3%加处罚款"
    assert arabic("百分之3.5") == "3.5%"


def test_bm25_scores_as_okapi_over_every_document_and_keeps_the_first_of_equals():
    import math

    from bot.baselines import BM25

    docs = [["电动车", "上牌"], ["电动车", "上牌"], ["驾照", "扣分", "扣分"], ["上牌", "地点", "在", "哪"], []]
    k1, b = 1.5, 0.75
    avg = sum(map(len, docs)) / len(docs)

    def okapi(query: list[str]) -> tuple[int, float]:
        """The textbook sum, document by document (what the index must give, to the last bit)."""
        best_i, best_s = -1, 0.0
        for i, d in enumerate(docs):
            s = 0.0
            for w in query:
                if f := d.count(w):
                    c = sum(w in other for other in docs)
                    idf = math.log(1 + (len(docs) - c + 0.5) / (c + 0.5))
                    s += idf * f * (k1 + 1) / (f + k1 * (1 - b + b * len(d) / avg))
            if s > best_s:
                best_i, best_s = i, s
        return best_i, best_s

    index = BM25(docs, k1, b)
    for query in (["上牌"], ["电动车", "上牌"], ["扣分", "扣分"], ["上牌", "地点", "扣分"], ["天气"], []):
        assert index.best(query) == okapi(query), query
    assert index.best(["电动车", "上牌"])[0] == 0  # two equal documents: the first
    assert index.best(["天气"]) == (-1, 0.0)  # no document shares a word
