"""Entries the words cannot tell apart: the one mainly about what was asked answers, when the others
are its special cases; otherwise the citizen still picks."""

import pytest

from bot.reply import ANSWER, CLARIFY

TIE_BROKEN = "mainly about what was asked"


@pytest.mark.parametrize("question, entry", [
    # the new-car entry, not the temporary-plate one that holds 上牌 too
    ("新车上牌一般要几天", "reg-new-car"),
    ("刚提的新车去哪个车管所上牌", "reg-new-car"),
])
def test_the_general_entry_answers_when_no_special_case_is_said(engine, question, entry):
    reply = engine.answer(question)
    assert (reply.status, reply.entry_id) == (ANSWER, entry)
    assert TIE_BROKEN in reply.reason


def test_an_entry_marked_only_when_leaves_the_general_question_before_any_tie(engine):
    """The expressway's fog rules hold 天气 and 车速 as the general speed rules do; marked only_when
    高速公路, they never reach a tie on a question that names no expressway."""
    reply = engine.answer("雾天车速不能超过多少")
    assert (reply.status, reply.entry_id) == (ANSWER, "road-speed-special")
    assert "road-expressway-fog" not in [c.id for c in reply.candidates]


@pytest.mark.parametrize("question, entry", [
    ("新车临时牌照去哪办", "reg-temp-plate"),
    ("高速上起雾了车速多少", "road-expressway-fog"),
    ("高速上抛锚了警示牌放多远", "accident-expressway"),
])
def test_the_special_case_still_answers_when_it_is_said(engine, question, entry):
    reply = engine.answer(question)
    assert (reply.status, reply.entry_id) == (ANSWER, entry)


def test_no_entry_is_chosen_when_the_subject_itself_is_in_doubt(engine):
    # parked on the pavement: the pedestrians' entry and the non-motor lanes' one each hold 通行,
    # and the question names neither pedestrians nor bicycles
    reply = engine.answer("停人行道上行吗")
    assert reply.status == CLARIFY
    assert {"road-pedestrian", "nm-lane"} <= {c.id for c in reply.choices}
