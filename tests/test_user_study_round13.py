"""User study round 13 (docs/user-study/2026-12-05-round13): each finding's cause, tested without Rasa servers
(the conversations themselves are in tests/scenarios/real_users_dev13.yml)."""

import pytest

from components.safety_policy import _TOLD_BEFORE
from padsafety.conversation import (
    NERVE_SIGNS,
    SEE_DOCTOR_NERVE,
    FollowUp,
    beyond_source_topic,
    followup_kind,
    see_doctor_answer,
)
from padsafety.inputs import split_questions
from padsafety.intent_hints import hinted_intent, needs_cue
from padsafety.medicines import light_sensitivity_answer
from padsafety.recognition import Decision, recognise


# #17, #27, #32: "should I worry / call the surgeon / mention it?" is answered with a yes
@pytest.mark.parametrize("text, asks", [
    ("should i call the surgeon about it or wait till my checkup in 2 weeks?", True),
    ("forget the pad. should i be worried about the numb foot?", True),
    ("one of the spots changed shape recently and bled a bit. is that something to mention?", True),
    ("should i be worried about the price going up?", False),
    ("should i be worried that it doesnt work?", False),
])
def test_should_i_worry_or_call_is_a_see_doctor_question(text, asks):
    assert (followup_kind(text) is FollowUp.SEE_DOCTOR) is asks


def test_nerve_signs_get_their_own_see_doctor_answer():
    assert see_doctor_answer("should i be worried about the numb foot?") == SEE_DOCTOR_NERVE
    assert "bladder" in SEE_DOCTOR_NERVE and "emergency" in SEE_DOCTOR_NERVE
    assert NERVE_SIGNS.search("the ache now runs down my right leg and my toes went numb this week")
    assert not NERVE_SIGNS.search("i have diabetic neuropathy and numb feet")


# #32: a skin spot that changes or bleeds is a warning sign
@pytest.mark.parametrize("text", [
    "one of the spots changed shape recently and bled a bit",
    "a patch on my arm has changed colour",
])
def test_a_changing_spot_is_referred(text):
    assert any(m.rule_id == "cancer_in_area" for m in recognise(text).affirmed())


# #29: a nappy rash is a skin condition, never photosensitivity; "red light" is the pad, not a trigger
def test_a_nappy_rash_is_no_photosensitivity():
    found = recognise("the baby have little red skin on bottom (nappy rash). red light can help for him?")
    assert {m.rule_id for m in found.affirmed()} == {"skin_infection_or_eczema"}
    assert recognise("i get hives in bright light").decision is Decision.REFERRAL


# #11: a typo of high blood pressure; buying one for a painful shoulder asks whether it helps
def test_high_blood_pressure_typo_is_recognised():
    assert any(m.condition == "hypertension" for m in recognise("i have the high blod pressure").affirmed())


@pytest.mark.parametrize("text, purchase", [
    ("i want buy red ligt pad for my sholder pain, it is good for this?", False),
    ("no no, i ask if it help the pain in sholder. not price", False),
    ("how much does it cost", True),
    ("where can i buy one for my back pain", True),
])
def test_buying_one_for_a_painful_shoulder_asks_whether_it_helps(text, purchase):
    assert needs_cue("ask_purchase", text) is not purchase
    assert (hinted_intent(text, "out_of_scope", 0.2) == "ask_purchase") is purchase


# #19: "do you store what I type? ... I'd like that deleted" is a deletion request, not a shop or a mention
def test_store_as_a_verb_and_that_deleted():
    text = "Do you store what I type? I told you about my pregnancy earlier and I'd like that deleted."
    assert hinted_intent(text, "out_of_scope", 0.3) == "request_forget"
    assert _TOLD_BEFORE.search(text)
    assert hinted_intent("which store sells it", "out_of_scope", 0.3) == "ask_purchase"
    assert beyond_source_topic("and the other chat from yesterday? is that gone too?").id == "privacy"


# #09: "no i mean the doxycycline. what does it do with light" is one question about the medicine
def test_a_correction_stays_with_its_question():
    text = "no i mean the doxycycline. what does it do with light"
    assert split_questions(text) == [text]
    assert "doxycycline is one of the medicines" in light_sensitivity_answer(text)
    assert hinted_intent(text, "ask_how_it_works", 0.9) == "mention_condition"
    assert split_questions("yes, a neurostimulator in my back. and can we stop here?") == [
        "yes, a neurostimulator in my back.", "and can we stop here?",
    ]
