"""A subject or aspect typed alone (驾照, 问下违章): the citizen picks among its questions; nothing is
answered at random from the many entries about it."""

import pytest

from bot.reply import ANSWER, CLARIFY


@pytest.mark.parametrize("typed, shown, concept", [
    ("驾照", "驾照", "驾驶证"),
    ("问下违章", "违章", "交通违法"),
    ("请问驾照的事", "驾照", "驾驶证"),
    ("过户的问题", "过户", "过户"),
    ("電瓶車", "电瓶车", "电动自行车"),
])
def test_a_topic_typed_alone_offers_its_questions(engine, typed, shown, concept):
    reply = engine.answer(typed)
    assert reply.status == CLARIFY, reply.reason
    # the reply names the topic in the citizen's own word, and is no "not held" decline
    assert reply.text.startswith(f"关于{shown}") and not reply.declines
    entries = engine.knowledge.by_id()
    assert len(reply.choices) >= 2
    for choice in reply.choices:
        entry = entries[choice.id]
        assert concept in entry.subjects + entry.aspects, choice.id


@pytest.mark.parametrize("typed, entry", [
    ("年检", "reg-inspection"),     # staff wrote the word alone as the entry's own question
    ("交强险", "insurance-compulsory"),
    ("驾照丢了", "licence-lost"),    # an aspect said beside it: a question, answered
])
def test_a_topic_word_that_is_a_question_is_answered(engine, typed, entry):
    reply = engine.answer(typed)
    assert (reply.status, reply.entry_id) == (ANSWER, entry), reply.reason


@pytest.mark.parametrize("typed", ["压岁钱", "驾照考试在哪个考场"])
def test_a_word_holding_a_topic_inside_it_is_no_topic_typed_alone(engine, typed):
    reply = engine.answer(typed)
    assert not reply.reason.startswith("bare-topic"), reply.reason


def test_a_topic_no_entry_names_first_offers_the_entries_holding_it(engine):
    # each office entry is about its own kind of office; 车管所 alone still gets them to choose from
    reply = engine.answer("车管所")
    assert reply.status == CLARIFY and reply.reason.startswith("bare-topic"), reply.reason
    entries = engine.knowledge.by_id()
    assert all("车管所" in entries[c.id].subjects for c in reply.choices)
