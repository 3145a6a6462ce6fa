"""The safety policy's plan for a message (components/safety_policy.py), without a trained model."""

import pytest

from components.safety_policy import (
    UTTER_EMERGENCY,
    UTTER_EMERGENCY_BURN,
    UTTER_EMERGENCY_FOLLOWUP,
    _denies_asked_rule,
    safety_plan,
)


@pytest.mark.parametrize(
    "text, intent, expected",
    [
        # "so how long on the chest?" after chest-pain advice: still the emergency's question
        ("so how long on the chest?", "ask_usage_safety", [UTTER_EMERGENCY_FOLLOWUP]),
        ("ok, is it safe for me then?", "request_screening", [UTTER_EMERGENCY_FOLLOWUP]),
        ("should we still call?", "ask_purchase", [UTTER_EMERGENCY_FOLLOWUP]),
        # moving on: thanks, or a question about what the pad can do
        ("thanks", "thank", []),
        ("what can it do for muscles?", "ask_benefit_muscle_joint", []),
    ],
)
def test_the_turn_after_the_emergency_follow_up(text, intent, expected):
    plan = safety_plan(text, intent, False, UTTER_EMERGENCY_FOLLOWUP, UTTER_EMERGENCY)
    assert plan == expected


def test_after_burn_advice_a_question_for_the_seller_moves_on():
    burn = UTTER_EMERGENCY_BURN
    assert safety_plan("who do I report this faulty pad to?", "ask_purchase", False, burn, burn) == []
    # but not after advice for a chest pain
    plan = safety_plan("who pays for the ambulance?", "ask_purchase", False, UTTER_EMERGENCY, UTTER_EMERGENCY)
    assert plan == [UTTER_EMERGENCY_FOLLOWUP]


@pytest.mark.parametrize(
    "text, intent, expected",
    [
        ("good. and no pacemaker either haha", "ask_avoid_implanted_device", True),
        ("not pregnant btw", "ask_avoid_pregnancy", True),
        # a question about the topic, or a condition that is affirmed, is answered as before
        ("no pacemaker, but is it safe with an ICD?", "ask_avoid_implanted_device", False),
        ("can people with pacemakers use it?", "ask_avoid_implanted_device", False),
        ("I have a pacemaker", "ask_avoid_implanted_device", False),
        ("no pacemaker either", "ask_benefits", False),
    ],
)
def test_a_statement_that_rules_the_topic_out_is_not_a_question_about_it(text, intent, expected):
    assert _denies_asked_rule(text, intent) is expected


def test_a_plan_to_ask_the_midwife_is_not_a_question_about_pregnancy():
    text = "thank you, will ask my midwife at the 6 week check"
    assert safety_plan(text, "affirm", False, None, None) == []
    # the same words as a question still get the rules' general answer
    question = "is it ok to use before my midwife appointment?"
    assert safety_plan(question, "nlu_fallback", False, None, None) != []
