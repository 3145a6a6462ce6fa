"""User study round 44 (docs/user-study/2026-12-07-round44/): the causes fixed the same session, tested
without Rasa servers where they can be (the conversations are in tests/scenarios/real_users_dev37.yml, ids
d45-). New wordings."""

import pytest

from components.safety_policy import _ASKS_IF_THEY_CAN, _WHOM_TO_CONTACT
from padsafety.conversation import (
    HEALTHY_OTHER,
    THEM_ON_YOU,
    after_birth,
    asks_for_healthy_other,
    beyond_source_topic,
)
from padsafety.intent_hints import hinted_intent, topic_intent


# #52, #36: "they cost an arm and a leg ... what CAN'T they do?", "worth it or all hype?" got the price
# refusal
@pytest.mark.parametrize("text, intent", [
    ("pricey things and they promise the earth. what can't the pads do?", "ask_limitations"),
    ("my jaw dropped at the price, but honestly are they worth it or just hype?", "ask_evidence"),
])
def test_sceptics_beside_a_price_are_no_purchase_question(text, intent):
    assert hinted_intent(text, "ask_purchase", 0.7) == intent


# the list of denials that asks "good to go?" starts the check (round 43's fix, round 44's wording)
def test_good_to_go_after_a_list_of_denials_starts_the_check():
    text = "not pregnant, no implants, no pacemaker, no eczema, no wounds. all good to go for my knees?"
    assert hinted_intent(text, "ask_limitation_variability", 0.5) == "request_screening"


# #10: "what about my wife, she has nothing wrong with her" after the user's own pacemaker got his verdict
@pytest.mark.parametrize("text", [
    "and my husband? he's perfectly healthy, just achy knees",
    "what about my son, he has no health problems",
])
def test_a_healthy_other_person_after_the_users_verdict(text):
    assert HEALTHY_OTHER.search(text)
    assert asks_for_healthy_other(text, "do_not_use", None, ["I have a pacemaker"], ["I have a pacemaker"])


def test_a_relative_with_a_condition_is_no_healthy_one():
    assert not HEALTHY_OTHER.search("what about my mum, she has lupus")


# the same person asked about again after their do-not-use verdict: one line, not the block again
@pytest.mark.parametrize("text", [
    "is she alright to use it on her feet?", "could he still use it on his knee?",
])
def test_asking_again_about_them(text):
    assert _ASKS_IF_THEY_CAN.search(text)


# the user's own use with the other person on them ("while she's sitting on my lap")
@pytest.mark.parametrize("text", [
    "could I use it while he's lying on my chest?",
    "is it ok if I use it while holding the baby?",
])
def test_the_other_person_in_the_light_too(text):
    assert THEM_ON_YOU.search(text)


# #45: "whom should I contact then?" after "contact the shop or seller" got "your doctor"
@pytest.mark.parametrize("text", ["who do I call then?", "how can I reach them?"])
def test_whom_to_contact_after_the_seller(text):
    assert _WHOM_TO_CONTACT.search(text)


# #27: "after I deliver and I'm breastfeeding, can I use it then?" got the pregnancy block again
def test_after_delivering_is_after_the_birth():
    assert after_birth("once I give birth, is it ok?")
    assert after_birth("when I've had the baby can I use it")


# frozen shoulder "cured" got the chronic-disease paragraph and its diabetic foot
def test_curing_a_joint_is_the_joint_answer():
    text = "will it cure my tennis elbow and stiff joints?"
    said = topic_intent(text, "ask_limitation_chronic_disease", 0.8)
    assert said == "ask_benefit_muscle_joint"
    assert topic_intent("will it cure my diabetes?", "ask_limitation_chronic_disease", 0.8) is None


# "what if I take the pump off for the session?" got the usage text
def test_taking_a_worn_device_off_has_its_own_answer():
    found = beyond_source_topic("could I just disconnect my pump for twenty minutes?")
    assert found is not None and found.id == "device_taken_off"
    assert "doctor or the device maker" in found.answer


# recognition of round 44's misses
def test_a_fall_with_swelling_is_an_injury_to_be_seen():
    from padsafety.recognition import recognise

    found = recognise("came off my scooter yesterday and the wrist is all swollen, will the pad help?")
    assert "other_condition" in {m.rule_id for m in found.affirmed()}
    assert not recognise("I fell asleep watching tv, does it help sleep?").affirmed()


@pytest.mark.parametrize("text, removed", [
    ("I had an insulin pump but it was removed last year, I inject now", True),
    ("my pacemaker was replaced, the old one was taken out and a new one put in", False),
    ("I have a neurostimulator", False),
])
def test_a_device_taken_out_for_good_is_no_device(text, removed):
    from padsafety.recognition import recognise

    rules = {m.rule_id for m in recognise(text).affirmed()}
    assert ("implanted_device" not in rules) is removed


def test_a_healing_graze_named_where_it_came_from_is_no_open_wound():
    from padsafety.recognition import recognise

    text = "a little graze on my elbow from the gym, clean and healing well"
    assert "open_wound" not in {m.rule_id for m in recognise(text).affirmed()}


def test_a_reaction_that_blisters_now_gets_medical_advice_now():
    from padsafety.conversation import BLISTERING_NOW_ANSWER, stop_topic

    said = stop_topic(["the pad left my skin red and blotchy"], asked="it's gone blistery since")
    assert said == BLISTERING_NOW_ANSWER and "today" in said


# left after round 44's first fixes, then fixed: "cure it?" alone, "me calves are cooked", "my head says"
def test_cure_it_alone_is_a_plain_no_for_the_condition_named():
    from padsafety.conversation import CURE_ALONE, cure_alone_answer

    assert CURE_ALONE.match("and will it cure it tho?")
    assert not CURE_ALONE.match("will it cure my arthritis?")
    said = cure_alone_answer(["is it good for psoriasis?"])
    assert said.startswith("No. A red-light therapy pad cannot cure")


def test_tired_muscles_in_slang_are_the_muscle_question():
    text = "leg day was brutal, my quads are absolutely fried. would the pad help?"
    assert hinted_intent(text, "ask_avoid_skin_conditions", 0.6) == "ask_benefit_muscle_joint"


def test_the_head_and_heart_of_a_figure_of_speech_are_no_body_parts():
    text = "my gut says it's overpriced but my heart's set on one, is it any good?"
    assert beyond_source_topic(text) is None
    assert beyond_source_topic("can I use it on my head?").id == "face_neck"
