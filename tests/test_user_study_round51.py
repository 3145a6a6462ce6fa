"""User study round 51 (docs/user-study/2026-12-08-round51/): the causes fixed the same session, tested
without Rasa servers (the conversations are in tests/scenarios/real_users_dev44.yml, ids d52-). New wordings
beside the study's, and lookalikes that keep their old reading."""

import pytest

from padsafety.conversation import (
    WOUND_SIGNS_ANSWER,
    asks_for_cure,
    beyond_source_topic,
    wound_signs_told,
)
from padsafety.intent_hints import hinted_intent


def _topic(text):
    found = beyond_source_topic(text.lower())
    return found.id if found else None


# #32 (scored 1): redness and warmth around a graze told after it, then "so should i still use it on the
# knee?" got the usage text
def test_signs_of_infection_around_a_graze_told_before():
    earlier = ["grazed my knee 4 days ago, its closed and scabbing now. can the pad speed it up?"]
    assert wound_signs_told("it looks a bit red and warm around it today tbh", earlier)
    assert wound_signs_told("its all red around the scab now", [])
    assert not wound_signs_told("it looks a bit red and warm around it today tbh", ["does it help my back?"])
    assert "don't use the pad" in WOUND_SIGNS_ANSWER and "doctor" in WOUND_SIGNS_ANSWER


@pytest.mark.parametrize("text, expected", [
    ("it looks a bit red and warm around it today tbh", "ask_followup"),
    ("so should i still use it on the knee?", "ask_followup"),
    ("ok so can i still use it then?", "ask_followup"),
    ("my face goes red around the cheeks when i use it", None),
    ("is it red light around 660nm", None),
    ("can i still use my pad while on holiday?", None),
])
def test_cues(text, expected):
    assert hinted_intent(text, "ask_usage_safety", 0.6) == expected


@pytest.mark.parametrize("text", [
    "ok. my mother she is 70 year, she have hand cold always. it help?",  # "Thanks for telling me" (#15)
    "ok she have none of this. but the cold hand, it help or no?",  # "I didn't quite understand" (#15)
])
def test_cold_hands_in_other_word_orders(text):
    assert hinted_intent(text, "out_of_scope", 0.4) == "ask_benefit_circulation"


# #29: a list of what the user does not have is no implant elsewhere
@pytest.mark.parametrize("text, topic", [
    ("im a 30yo guy, no health problems, no meds, no implants. is it safe for me to use on my quads?", None),
    ("huh? i said NO implants. just asking if its safe", None),
    ("can i use it on my other knee, the one with no implant?", "implant_elsewhere"),
    ("no meds, no implants, how long per session?", "session_length"),
])
def test_denials_are_no_implant_topic(text, topic):
    assert _topic(text) == topic


# #14: "yes or no, it cure the artrosis?"
def test_a_cure_asked_in_other_word_orders():
    assert asks_for_cure("i not understand. yes or no, it cure the artrosis?")
    assert asks_for_cure("so it cure my knee or not?")
    assert not asks_for_cure("is there a cure for the sniffles going round the office")
