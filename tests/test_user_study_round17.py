"""User study round 17 (docs/user-study/2026-12-06-round17): each finding's cause, tested without Rasa servers
where it can be (the conversations themselves are in tests/scenarios/real_users_dev17.yml)."""

import asyncio

import pytest
from rasa_sdk import Tracker
from rasa_sdk.executor import CollectingDispatcher

from padsafety.conversation import WHO_TO_ASK_QUESTION, FollowUp, followup_kind, taken_back_conditions
from padsafety.intent_hints import hinted_intent, needs_cue, topic_intent
from padsafety.recognition import recognise


# #27: "insulin" inside "insulin pump" is the device, not "another medical condition"
def test_a_medicine_inside_a_device_name_is_the_device():
    found = recognise("I have an insulin pump on my belly, want to use pad on my lower back").mentions
    assert [m.rule_id for m in found] == ["implanted_device"]
    assert {m.condition for m in recognise("i take insulin for my diabetes").mentions} == {"diabetes"}


def _tracker(text, slots, intent="mention_condition"):
    return Tracker(
        sender_id="test-user", slots=slots, events=[], paused=False, followup_action=None,
        latest_message={"text": text, "intent": {"name": intent, "confidence": 1.0}, "entities": []},
        active_loop={}, latest_action_name="action_listen",
    )


# #31: after a check ending "ask your doctor" with "I don't know" answers, a later question keeps them unsure;
# #27, #31: the catch-all rule is never named after its first example ("acute inflammation")
def test_a_remembered_unsure_answer_stays_unsure_and_no_example_is_invented(domain):
    from actions.actions import ActionAssessCondition

    slots = {
        "known_verdict": "ask_doctor",
        "known_rules": ["open_wound", "photosensitivity", "other_condition"],
        "known_conditions": [],
    }
    tracker = _tracker("so can i use it on my neck while breastfeeding or not", slots)
    dispatcher = CollectingDispatcher()
    asyncio.run(ActionAssessCondition().run(dispatcher, tracker, domain))
    text = dispatcher.messages[0]["text"]
    assert "please ask your doctor first" in text and "should not use" not in text
    assert "you weren't sure" in text and "acute inflammation" not in text


# #30: a past infection that is gone answers "no" to "at the moment?", and saying so later takes it back
def test_a_past_infection_that_is_gone_is_no_current_one():
    from tests.test_actions import form_turn, slot_events
    from tests.test_user_study_round16 import _check_tracker

    _, events = form_turn(
        "i had athletes foot last month but its gone now", "screen_skin_infection_or_eczema",
        intent="mention_condition", screen_pregnancy="no",
    )
    assert slot_events(events)["screen_skin_infection_or_eczema"] == "no"
    from actions.forms import ValidateScreeningForm

    slots = {"requested_slot": "screen_skin_infection_or_eczema", "screen_pregnancy": "no"}
    tracker = _check_tracker(
        "check it for my husband", slots, text="he had athletes foot last month", intent="mention_condition"
    )
    found = asyncio.run(ValidateScreeningForm().get_extraction_events(CollectingDispatcher(), tracker, {}))
    assert {e["name"]: e["value"] for e in found if e.get("event") == "slot"}[
        "screen_skin_infection_or_eczema"
    ] == "unknown"
    text = "wait, the athletes foot is gone"
    assert taken_back_conditions(recognise(text), text) == {"skin infection"}


# #05: "why do i need to ask my doctor?" asks for the reason
def test_why_ask_a_doctor_is_a_why_question():
    assert followup_kind("why do i need to ask my doctor? its just a light") is FollowUp.WHY
    assert followup_kind("should i ask my doctor?") is FollowUp.SEE_DOCTOR


# #14, #35, #10, #21, #22: misread requests
@pytest.mark.parametrize("text, guess, confidence, intent", [
    ("pain in knee from old age, the red lite pad is good for it or no?", "ask_not_in_source", 0.81,
     "ask_benefit_muscle_joint"),
    ("ok, then what can you do?", "ask_followup", 0.85, "greet"),
])
def test_misread_requests_get_their_intent(text, guess, confidence, intent):
    assert hinted_intent(text, guess, confidence) == intent


def test_whom_to_call_is_whom_to_ask():
    assert WHO_TO_ASK_QUESTION.search("who do we even call, the cardiologist?")


def test_what_to_look_for_when_buying_is_no_purchase():
    text = "ok but what should i look for when buying, like wavelength?"
    assert hinted_intent(text, "ask_purchase", 0.5) != "ask_purchase"
    assert topic_intent(text, "ask_followup", 0.47) == "ask_not_in_source"


def test_a_question_read_as_goodbye_needs_a_goodbye_word():
    assert needs_cue("goodbye", "so the gym is ripping people off?")
    assert not needs_cue("goodbye", "gotta run")
    assert not needs_cue("goodbye", "ok bye?")


# development round 17: "can we do the questions" asks for the check, never stops it
def test_asking_to_do_the_questions_is_a_request_for_the_check():
    assert hinted_intent("can we do the questions", "stop", 0.78) == "request_screening"


# #31, #11: "what does photosensitive mean?" outside the check is explained
@pytest.mark.parametrize("text", ["what does photosensitive mean tho", "what is porphyria?"])
def test_condition_words_are_explained_outside_the_check(text):
    from padsafety.conversation import beyond_source_topic

    assert beyond_source_topic(text).id == "condition_terms"
    assert topic_intent(text, "ask_avoid_photosensitivity", 0.5) == "ask_not_in_source"


# #32: cooling the burn after burn advice is acknowledged, not answered with the whole first aid again
@pytest.mark.parametrize("text, cooling", [
    ("ok, running it under water now. thanks", True),
    ("holding it under the cold tap now, thx", True),
    ("can i use the pad in the shower?", False),
])
def test_cooling_a_burn_is_recognised(text, cooling):
    from components.safety_policy import _COOLING

    assert bool(_COOLING.search(text)) is cooling
