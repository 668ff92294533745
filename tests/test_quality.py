"""A floor under the answer quality measured on the labelled citizen questions (tests/eval/).

The figures are what `trafficbot eval` prints; the floors sit a little under today's figures so
that a change that makes answers worse fails here, not in front of citizens.
"""

import pytest

from bot.evaluate import DEFAULT_SET, evaluate, load_labelled


@pytest.fixture(scope="module")
def report(default_report):
    return default_report  # conftest: shared with the `trafficbot eval` test


def test_the_set_is_the_size_and_mix_we_promise(report):
    kinds = report["by_kind"]
    assert report["items"] >= 300
    assert kinds["out-of-scope"]["n"] >= 40 and kinds["emergency"]["n"] >= 20 and kinds["accident"]["n"] >= 20
    assert report["unknown_labels"] == []


def test_in_scope_questions_are_answered_correctly(report):
    assert report["in_scope_answered_correctly"] >= 0.95
    assert report["in_scope_wrong_answer"] <= 0.025  # a confident wrong answer is the worst outcome


def test_out_of_scope_questions_are_not_answered(report):
    assert report["out_of_scope_not_answered"] >= 0.96


def test_every_emergency_is_caught_and_nothing_else_is_flagged(report):
    assert report["emergencies_caught"] == 1.0
    assert report["non_emergencies_flagged"] == 0


def test_well_ahead_of_both_baselines(report):
    assert report["lead_over_best_baseline_points"] >= 15


@pytest.mark.parametrize("name, flagged", [
    ("holdout.yaml", 0), ("blind.yaml", 0),
    # 事故里有人受伤的时候 能不能先把车开到路边 / 發生有人受傷的交通事故時…: asked in general, and
    # read so since the emergency check knows a rule question's frame
    ("blind2.yaml", 0),
    ("blind3.yaml", 0),
])
def test_the_other_sets_hold_the_safety_floors(engine, name, flagged):
    # Sets written apart from the knowledge: fewer exact phrasings to lean on, the same duties.
    report = evaluate(engine, load_labelled(DEFAULT_SET.parent / name), baselines=False)
    assert report["unknown_labels"] == []
    assert report["emergencies_caught"] == 1.0
    assert report["non_emergencies_flagged"] <= flagged
    assert report["in_scope_answered_correctly"] >= 0.91
    assert report["in_scope_wrong_answer"] <= 0.03
    assert report["out_of_scope_not_answered"] >= 0.95
