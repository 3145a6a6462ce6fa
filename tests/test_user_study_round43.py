"""User study round 43 (docs/user-study/2026-12-07-round43/): the causes fixed the same session, tested
without Rasa servers where they can be (the conversations are in tests/scenarios/real_users_dev36.yml, ids
d44-). New wordings."""

import pytest

from actions.forms import denied_note, denied_screening_rules
from padsafety.conversation import (
    ABOUT_ME,
    ANECDOTE,
    CALM_CHANGES_IT,
    CAUSE_QUESTION,
    WHICH_ONE,
    FollowUp,
    beyond_source_topic,
    followup_kind,
    male_subject,
    status_answer,
    tell_emergency_team,
    which_one_answer,
)
from padsafety.inputs import split_questions
from padsafety.intent_hints import hinted_intent, topic_intent
from padsafety.recognition import Experiencer, recognise
from tests.recognition_helpers import hinted_intents
from tests.test_actions import form_slots


# #35: "I'm male, no skin infections, no eczema, no wounds, ... no pacemaker. Can I use the pad for my neck?"
# got the skin-conditions text as a verdict, then "No. don't use a pad on a skin infection"
def test_a_list_of_denials_with_can_i_use_it_starts_the_check():
    text = "fyi: no rashes, no open cuts, no pacemaker and I'm not sensitive to light. ok for my neck?"
    assert hinted_intent(text, "ask_avoid_skin_conditions", 0.7) == "request_screening"


def test_one_denial_or_an_affirmed_condition_is_no_list():
    assert hinted_intent("no pacemaker, can I use it for my neck?", "ask_avoid_implanted_device", 0.7) != (
        "request_screening"
    )
    assert hinted_intent("no eczema but I do have a pacemaker, can I use it?", "mention_condition", 0.7) != (
        "request_screening"
    )


def test_the_denials_before_the_check_are_its_noes_in_order():
    said = denied_screening_rules(["I've got no wounds, no eczema and no pacemaker. is it safe for me?"])
    assert said == ["skin_infection_or_eczema", "open_wound", "implanted_device"]
    note = denied_note(said, before_check=True)
    assert "noted a no" in note and "go back" in note


def test_a_denial_never_answers_another_condition_or_one_affirmed():
    assert denied_screening_rules(["no diabetes"]) == []
    said = denied_screening_rules(["no eczema, but my wound is still open"])
    assert said == ["skin_infection_or_eczema"]


@pytest.mark.parametrize("text", ["I'm male, no eczema", "im a male, no eczema either"])
def test_saying_male_leaves_out_pregnancy(text):
    assert male_subject([text], for_other=False)


# #7: "no eczema, no wounds, not light sensitive and no pacemaker or anything" filled only the question asked
def test_several_noes_in_one_answer_fill_the_later_questions():
    slots = form_slots("nope, no infections, no open wounds, no pacemaker", "screen_skin_infection_or_eczema")
    assert slots == {
        "screen_skin_infection_or_eczema": "no", "screen_open_wound": "no", "screen_implanted_device": "no",
    }


def test_a_yes_to_the_question_fills_nothing_else():
    slots = form_slots(
        "yes, eczema on my arms, but no wounds", "screen_skin_infection_or_eczema", intent="affirm"
    )
    assert "screen_open_wound" not in slots


# #14, #16, #52: "ok back to the questions" read as "stop" ended the check; "carry on" got the usage text
@pytest.mark.parametrize("text", [
    "right, back to the questions please",
    "can we carry on with the safety check",
    "let's pick up where we left off",
    "continue pls",
    "ok resume the quiz",
])
def test_going_back_to_the_check_is_asking_for_it(text):
    assert "request_screening" in hinted_intents(text)


def test_going_back_to_a_question_is_no_request_for_the_check():
    assert "request_screening" not in hinted_intents("can I go back to question 2?")


# #28, #51: "work's been a headache", "sick and tired of" got the headache and the mood answers
@pytest.mark.parametrize("text", [
    "the kids have been a real headache all week, what do these pads do?",
    "my landlord is giving me a headache, anyway is the pad any good for necks?",
    "I'm sick and tired of the ads, do they actually work?",
    "tired of waiting for delivery, is it any good for backs?",
])
def test_figures_of_speech_are_no_topic(text):
    found = beyond_source_topic(text)
    assert found is None or found.id not in ("pain_conditions", "mood_sleep")


@pytest.mark.parametrize("text, topic", [
    ("does it help tension headaches?", "pain_conditions"),
    ("I'm tired all the time, would it give me energy?", "mood_sleep"),
])
def test_real_headaches_and_tiredness_keep_their_topic(text, topic):
    assert beyond_source_topic(text).id == topic


# #29, #32: "cold feet about buying one, any real evidence?", "so basically an expensive lamp" got the price
# refusal
@pytest.mark.parametrize("text", [
    "having second thoughts about buying, is there any real proof it works?",
    "so it's a glorified torch then",
])
def test_a_sceptic_is_no_purchase_question(text):
    assert hinted_intent(text, "ask_purchase", 0.6) != "ask_purchase"


def test_a_price_question_stays_one():
    said = hinted_intent("how much is it and is there a discount?", "ask_purchase", 0.8)
    assert said in (None, "ask_purchase")


# #29, #8, #37: a marathon with "break a leg", Nigerian English "knee dey pain me", "waist pain"
@pytest.mark.parametrize("text, intent", [
    ("my brother has a half marathon on sunday, I said break a leg. could a pad help him recover after?",
     "out_of_scope"),
    ("abeg my back dey pain me well well, e go help?", "out_of_scope"),
    ("na small waist pain I get from sitting, the pad fit help?", "ask_limitation_weight_loss"),
])
def test_sore_bodies_in_other_words_are_the_muscle_question(text, intent):
    assert topic_intent(text, intent, 0.9) == "ask_benefit_muscle_joint"


def test_slimming_the_waist_stays_the_fat_question():
    assert topic_intent("will it slim my waist?", "ask_limitation_weight_loss", 0.9) is None


# #3, #44, #48: short follow-ups fell to the fallback or the menu
@pytest.mark.parametrize("text, intent", [
    ("and for how long?", "ask_followup"),
    ("how soon tho", "ask_followup"),
    ("shoulders?", "ask_benefit_muscle_joint"),
    ("and my lower back?", "ask_benefit_muscle_joint"),
])
def test_short_follow_ups_are_understood(text, intent):
    assert hinted_intent(text, "nlu_fallback", 0.25) == intent


def test_back_acne_is_the_skin_not_the_back():
    assert "ask_benefit_muscle_joint" not in hinted_intents("would it help with my back acne?") or (
        topic_intent("would it help with my back acne?", "ask_benefit_muscle_joint", 1.0)
        == "ask_not_in_source"
    )
    assert topic_intent("and for the spots on my back? back acne", "ask_benefit_muscle_joint", 1.0) == (
        "ask_not_in_source"
    )


@pytest.mark.parametrize("text", [
    "so am I right to use it then?",
    "and if I'm not in one of those groups?",
    "none of those apply to me",
])
def test_status_questions_in_other_words(text):
    assert followup_kind(text) is FollowUp.STATUS


def test_not_in_any_group_gets_no_contraindication_named_and_the_check():
    said = status_answer("utter_who_should_avoid", None, [], "and if I'm not in any of those?")
    assert "none of the reasons" in said and "not a medical clearance" in said and "check" in said


@pytest.mark.parametrize("text", [
    "is there anything that would stop me from using one?",
    "anything that rules me out from using the pad?",
])
def test_what_stops_me_is_who_should_avoid(text):
    assert "ask_who_should_avoid" in hinted_intents(text)


@pytest.mark.parametrize("text, intent", [
    ("can you tell me if I'm using it wrong?", "ask_limitation_variability"),
    ("the kids drove me mad today so I bought one. what can they actually do?", "ask_benefits"),
])
def test_other_questions_in_other_words(text, intent):
    assert hinted_intent(text, "out_of_scope", 0.4) == intent


# #26: "which one is the problem, the warfarin?" got a reminder and the benefits list
def test_which_one_names_what_each_counts_as():
    assert WHICH_ONE.search("which of them is the problem, the tablets?")
    said = which_one_answer([
        ("doxycycline", "photosensitising_medication"), ("warfarin", "other_condition"),
    ])
    assert said and "doxycycline: Medicines that make the skin sensitive to light" in said
    assert "warfarin: Another medical condition" in said


def test_which_one_needs_two_things():
    assert which_one_answer([("lupus", "photosensitivity")]) is None


# #5: "but my friend used it in her pregnancy and nothing happened" got "Thanks for telling me"
@pytest.mark.parametrize("text", [
    "my sister used one with her pacemaker for years and she's fine",
    "but my mate tried it on his eczema and had no problems",
])
def test_someone_elses_good_experience_is_an_anecdote(text):
    assert ANECDOTE.search(text)


def test_an_anecdote_of_a_pregnancy_is_over():
    found = recognise("but my cousin used it all through her pregnancy and the baby was fine")
    assert not found.affirmed()


def test_a_pregnancy_using_it_now_is_not_over():
    assert recognise("my wife is using it during her pregnancy").affirmed()


# #47: "it was the pad or the cream?" during an emergency got the emergency paragraph again
def test_the_cause_asked_in_an_emergency_names_what_to_tell():
    text = "ok they're coming. was it the pad or that new serum?"
    assert CAUSE_QUESTION.search(text)
    said = tell_emergency_team([], text)
    assert "serum" in said and "red-light pad" in said


# #18: "I've no lupus myself mind ... would I be fine?" after a pal's lupus
@pytest.mark.parametrize("text", ["no eczema myself, would I be ok?", "would I be fine then?"])
def test_the_user_turning_to_themselves(text):
    assert ABOUT_ME.search(text)


@pytest.mark.parametrize("text, rule", [
    ("my pal has epilepsy, can she use it?", "seizures"),
    ("me husband's got a pacemaker", "implanted_device"),
])
def test_pals_and_me_husband_are_someone_else(text, rule):
    mentions = [m for m in recognise(text).affirmed() if m.rule_id == rule]
    assert mentions and mentions[0].experiencer is Experiencer.OTHER


# #6: "my feet are a bit numb at the toes" got the clarifying question, read as playing down the diabetes
@pytest.mark.parametrize("text", [
    "my fingers are a bit numb", "tingly toes most evenings, does that matter?",
])
def test_numb_or_tingling_body_parts_are_reduced_feeling(text):
    assert "reduced_sensation" in {m.rule_id for m in recognise(text).affirmed()}


def test_numb_as_a_feeling_stays_unsure():
    assert not recognise("I feel numb after the news").affirmed()


# #27: "I broke my wrist in 2015, healed fine. any issue?" got "Thanks for telling me"
def test_an_old_healed_break_gets_its_own_answer():
    text = "fractured my ankle back in 2012, healed well. can I use the pad on it?"
    assert beyond_source_topic(text).id == "healed_fracture"
    assert topic_intent(text, "report_red_flag", 0.8) == "ask_not_in_source"


# #25: "it's not flared at the minute, just a few dry patches" got the limitations list
@pytest.mark.parametrize("text", [
    "it's not flaring right now, only dry bits", "they're not active at the moment",
])
def test_calm_now_said_as_a_statement(text):
    assert CALM_CHANGES_IT.search(text)


# two questions joined by "and how often"
def test_and_how_often_starts_a_second_question():
    assert split_questions("does it help sore calves and how long should I use it") == [
        "does it help sore calves", "how long should I use it",
    ]
    assert split_questions("no, and how often should I use it?") == ["no, and how often should I use it?"]


# regressions of round 43's NLU data, caught on the held-out scenarios (declared in the README): a question
# with no person in it is no request for one; "why would ..." after an answer is its reason; posture has
# its own answer
def test_a_prescription_question_is_no_request_for_a_person():
    said = topic_intent("is a prescription needed to buy these?", "request_human", 0.5)
    assert said == "ask_not_in_source"
    assert topic_intent("can I speak to a real person please", "request_human", 0.9) is None


def test_why_would_it_is_a_follow_up():
    assert hinted_intent("but why would red light even do that?", "nlu_fallback", 0.25) == "ask_followup"


def test_posture_is_a_topic_the_source_does_not_cover():
    found = beyond_source_topic("will it sort out my slouching at the desk?")
    assert found is not None and found.id == "posture" and "manual" in found.answer
    said = topic_intent("will it sort out my slouching at the desk?", "out_of_scope", 0.8)
    assert said == "ask_not_in_source"


# rounds 42-43, left then: "and for adults it's fine?" after the children's answer, "the best spot to put it
# for the cold feet"
def test_adults_after_the_childrens_answer():
    from padsafety.conversation import ADULTS_ANSWER

    said = hinted_intent("right, and for grown-ups it's ok?", "ask_limitation_variability", 0.34)
    assert said == "ask_followup"
    assert "no age limit" in ADULTS_ANSWER and "pregnant women" in ADULTS_ANSWER


@pytest.mark.parametrize("text", [
    "where's the best place to put it for cold hands?",
    "which part of my back should I position the pad on?",
])
def test_where_to_place_it_is_its_own_topic(text):
    assert beyond_source_topic(text).id == "placement"
    assert topic_intent(text, "ask_limitations", 0.8) == "ask_not_in_source"


def test_the_face_keeps_its_own_answer():
    assert beyond_source_topic("where should I put it on my face?").id == "face_neck"
