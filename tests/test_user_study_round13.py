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


# #06: a child's age without "years old"; #36: swelling is no injury, and the source is silent on it
@pytest.mark.parametrize("text, child", [
    ("my daughter is 9 and she grazed her knee, can i use the pad on it?", True),
    ("was pregnant back in 2016, my daughter is 9 now", False),
    ("so is it ok for kids tho? she's only 9", True),
    ("my son is 25 and has back pain", False),
    ("my son is 8 kilos heavier than last year", False),
])
def test_a_childs_age_without_years_old(text, child):
    assert any(m.condition == "a child" for m in recognise(text).affirmed()) is child


def test_swelling_is_no_injury_and_gets_no_benefit_paragraph():
    from components.safety_policy import _source_silent

    text = "my ankles are swollen today more than usual, could the pad bring that down?"
    assert [m.condition for m in recognise(text).affirmed()] == ["a named medical condition"]
    assert _source_silent(text)
    assert not _source_silent("i have arthritis in my knee, could the pad help?")


# #10: a metal plate is the metal-implant topic even with the fracture it fixed
def test_a_metal_plate_from_a_fracture_is_the_metal_implant_topic():
    text = "my wife has a titanium plate in her wrist from a fracture years ago, just metal no electronics"
    assert beyond_source_topic(text).id == "metal_implant"
    assert beyond_source_topic("will it help my broken wrist heal").id == "bones"


# round 14 (docs/user-study/2026-12-05-round14): a pregnant woman nearby is hers, sun spots are cosmetic,
# "do I call 911 or not?" after burn advice is a yes, people nearby are a topic of their own
@pytest.mark.parametrize("text, experiencer", [
    ("can I, a healthy man, use it while a pregnant woman is in the room", "other"),
    ("im a pregnant woman, can i use it", "self"),
    ("can a pregnant woman use it?", "general"),
])
def test_a_condition_between_an_article_and_a_person_is_that_persons(text, experiencer):
    assert [m.experiencer.value for m in recognise(text).affirmed()] == [experiencer]


@pytest.mark.parametrize("text, referred", [
    ("and dark spots from the sun?", False),
    ("would it fade the brown spots from the sun on my hands", False),
    ("i get red spots from the sun", True),
])
def test_sun_spots_are_no_photosensitivity(text, referred):
    assert (recognise(text).decision is Decision.REFERRAL) is referred


def test_call_or_not_after_burn_advice_is_a_yes():
    # (a burn told as small gets the burn's own split since user study round 25, #20)
    from components.safety_policy import UTTER_STILL_GO, safety_plan

    assert safety_plan(
        "so do i call 911 or not??", "ask_followup", False, "utter_emergency_burn", "utter_emergency_burn"
    ) == [UTTER_STILL_GO]


def test_people_nearby_is_a_topic():
    assert beyond_source_topic("is the light harmful to people standing nearby?").id == "bystanders"


# round 14, #17, #05, #36: dead LEDs are the device's answer unless money is named; breast milk is its own
# topic; "what if it gets red and warm?" about a scrape is the infection's see-a-doctor answer
def test_dead_leds_are_the_device_question():
    broken = "half the leds on mine stopped lighting up, is that normal or is it broken"
    assert hinted_intent(broken, "out_of_scope", 0.2) is None
    refund = "my pad arrived with dead leds, can i get a refund"
    assert hinted_intent(refund, "out_of_scope", 0.2) == "ask_purchase"


def test_breast_milk_and_a_warm_scrape():
    assert beyond_source_topic("so is there a risk for the baby through the milk?").id == "breast_milk"
    text = "and what if it gets red and warm around it?"
    assert followup_kind(text) is FollowUp.SEE_DOCTOR
    assert see_doctor_answer(text).startswith("Yes, see a doctor rather than wait: a wound")


@pytest.mark.parametrize("text, stops", [
    ("ugh this is taking too long", True),
    ("too many questions, bye", True),
    ("how many more questions?", False),
])
def test_taking_too_long_stops_the_check(text, stops):
    assert (hinted_intent(text, "nlu_fallback", 0.3) == "stop") is stops


@pytest.mark.parametrize("text, answers_first", [
    ("no. wait, going back to question 1, actually i might be pregnant", True),
    ("yes! also i have a pacemaker", True),
    ("no, I'm not pregnant", False),
    ("no", False),
])
def test_an_answer_then_a_correction_answers_the_question_first(text, answers_first):
    from actions.forms import _ANSWER_THEN_MORE

    assert bool(_ANSWER_THEN_MORE.match(text)) is answers_first


# round 15, #40: studies, links and sources get "my source cites none", not the evidence paragraph again
@pytest.mark.parametrize("text, topic", [
    ("show me the studies", "studies"),
    ("do you have sources or not?", "studies"),
    ("are the studies reliable", None),
])
def test_studies_and_links_are_a_topic(text, topic):
    found = beyond_source_topic(text)
    assert (found.id if found else None) == topic


# round 15, #35 and #37: a language asked for in that language is not English; chat words are
@pytest.mark.parametrize("text, english", [
    ("sprichst du deutsch?", False),
    ("hablas español?", False),
    ("do you speak deutsch?", True),
    ("simpler pls. like im 10", True),
    ("Kunt u mij helpen alstublieft", False),
])
def test_language_questions_and_chat_words(text, english):
    from padsafety.inputs import looks_english

    assert looks_english(text) is english
