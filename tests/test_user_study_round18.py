"""User study round 18 (docs/user-study/2026-12-06-round18): each finding's cause, tested without Rasa servers
(the conversations themselves are in tests/scenarios/real_users_dev18.yml)."""

import pytest

from padsafety.answers import hedged_detail
from padsafety.intent_hints import hinted_intent, topic_intent


@pytest.mark.parametrize("text, guess, confidence, intent", [
    # #03: muscle soreness after "no fracture" is the muscle answer, not the bones one
    ("no fracture, just sore shins. whatever. does it help with DOMS at least", "ask_not_in_source", 1.0,
     "ask_benefit_muscle_joint"),
    # #11: "dor" (pain, Portuguese) in the neck
    ("the red ligth pad is good for dor in the neck? i work in computador all day",
     "ask_benefit_wound_healing", 0.6, "ask_benefit_muscle_joint"),
    # #02: not a refund
    ("and what if it doesnt help after a month", "ask_purchase", 0.33, "ask_limitation_variability"),
    # #25: what it may help with
    ("so does it actually work for anything or not", "ask_limitation_variability", 0.81, "ask_benefits"),
    # #23
    ("cool and whats ur name", "ask_followup", 0.53, "bot_challenge"),
    # #20: the short version after stopping the check, never the check again
    ("can you just tell me in one line if its safe", "request_screening", 0.56, "ask_who_should_avoid"),
    ("just the short version", "stop", 0.38, "ask_who_should_avoid"),
])
def test_misread_questions_get_their_intent(text, guess, confidence, intent):
    assert hinted_intent(text, guess, confidence) == intent
    assert topic_intent(text, intent, confidence) in (None, intent)


def test_thanks_for_a_short_answer_stays_thanks():
    assert hinted_intent("appreciate the quick answer", "thank", 0.9) in (None, "thank")


# #16: what is stored and whether it is gone are questions about the data
@pytest.mark.parametrize("text", ["wait first tell me what you actually store", "is everything gone?"])
def test_questions_about_stored_data_are_answered(text):
    assert topic_intent(text, "request_forget", 0.6) == "ask_not_in_source"


def test_yes_after_a_filler_confirms_a_deletion():
    from components.safety_policy import _YES_FIRST

    assert _YES_FIRST.match("whatever, yes delete it")
    assert not _YES_FIRST.match("no, keep it")


# #18, #21: "if that counts" and "no idea if they count" are unsure, also about the person checked for
@pytest.mark.parametrize("text", [
    "I burn easily in the sun if that counts",
    "she takes a water pill and something for blood pressure, no idea if they count",
])
def test_a_detail_with_a_doubt_is_unsure(text):
    assert hedged_detail(text)


# #06: after a child's answer, "can I use it on my own shoulder?" is the user's own question
def test_the_users_own_shoulder_after_a_childs_answer():
    assert hinted_intent("ok and can I use it on my own shoulder?", "ask_avoid_skin_conditions", 0.41) == (
        "ask_benefit_muscle_joint"
    )


# #10: "its on his knee not near his chest" after his verdict asks whether another part changes it
def test_another_part_of_their_body_is_a_status_follow_up():
    from padsafety.conversation import FollowUp, followup_kind, other_status_answer

    text = "its on his knee not near his chest"
    assert hinted_intent(text, "ask_limitation_variability", 0.72) == "ask_followup"
    assert followup_kind(text) is FollowUp.STATUS
    assert "on any part of the body" in other_status_answer(["implanted_device"], text)
