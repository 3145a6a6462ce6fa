"""The load script's tracker-store comparison and percentiles (pure functions, no servers)."""

import importlib.util
import math
import random
import sys
from pathlib import Path

import pytest

PROJECT_DIR = Path(__file__).resolve().parent.parent
_spec = importlib.util.spec_from_file_location("load_test", PROJECT_DIR / "scripts" / "load_test.py")
load_test = importlib.util.module_from_spec(_spec)
sys.modules["load_test"] = load_test
_spec.loader.exec_module(load_test)

SENT = ["hello", "what can it do?", "is it safe for me?", "/deny", "/deny", "/affirm", "thanks"]


def test_equal_lists_lose_nothing():
    assert load_test.lost_and_extra(SENT, list(SENT)) == (0, 0)
    check = load_test.compare_store({"a": SENT}, {"a": list(SENT)})
    assert (check.checked, check.lost, check.extra, check.mismatched) == (1, 0, 0, [])


@pytest.mark.parametrize("index", range(len(SENT)))
def test_a_missing_event_is_a_lost_message(index):
    stored = SENT[:index] + SENT[index + 1 :]
    assert load_test.lost_and_extra(SENT, stored) == (1, 0)
    check = load_test.compare_store({"a": SENT, "b": ["hi"]}, {"a": stored, "b": ["hi"]})
    assert check.lost == 1 and check.mismatched == ["a"]


def test_a_conversation_missing_from_the_store_loses_all_its_messages():
    check = load_test.compare_store({"a": SENT, "b": ["hey", "bye"]}, {"a": list(SENT)})
    assert check.lost == 2 and check.mismatched == ["b"]


def test_duplicates_and_reordering_are_mismatches():
    duplicated = SENT[:3] + [SENT[2]] + SENT[3:]
    assert load_test.lost_and_extra(SENT, duplicated) == (0, 1)
    swapped = [SENT[1], SENT[0], *SENT[2:]]
    lost, extra = load_test.lost_and_extra(SENT, swapped)
    assert lost == 1 and extra == 1
    check = load_test.compare_store({"a": SENT, "b": SENT}, {"a": duplicated, "b": swapped})
    assert check.mismatched == ["a", "b"]


def test_percentiles_are_nearest_rank():
    values = list(range(1, 101))
    random.Random(1).shuffle(values)
    assert load_test.percentile(values, 50) == 50
    assert load_test.percentile(values, 95) == 95
    assert load_test.percentile(values, 99) == 99
    assert load_test.percentile([7.0], 99) == 7.0
    assert math.isnan(load_test.percentile([], 50))


def test_every_generated_conversation_ends_with_a_verdict_then_thanks_or_goodbye(rulebook):
    questions = len(rulebook.screening_rules)
    for seed in range(50):
        turns = load_test.build_conversation(random.Random(seed))
        answers = [turn.message for turn in turns[-questions - 1 : -1]]
        assert set(answers) <= {"/affirm", "/deny"}
        assert turns[-questions - 2].expect[-1] == f"Question 1 of {questions}"
        assert turns[-2].expect[0].startswith("Verdict:")
        assert any(load_test.REFERRAL in turn.expect for turn in turns)


def test_a_reply_without_the_expected_text_is_an_error():
    turn = load_test.Turn("I have lupus", (load_test.REFERRAL,))
    sender = "0123456789abcdef"
    good = [{"recipient_id": sender, "text": "... please talk to your doctor before using a pad ..."}]
    assert load_test.reply_problem(good, sender, turn) is None
    assert load_test.reply_problem([], sender, turn) == "empty reply list"
    assert "no" in load_test.reply_problem([{"recipient_id": sender, "text": "Hello!"}], sender, turn)
    assert "another sender" in load_test.reply_problem([{**good[0], "recipient_id": "x" * 16}], sender, turn)
