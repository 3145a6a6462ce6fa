"""Custom actions driven with real rasa_sdk trackers and a CollectingDispatcher."""

import asyncio

import pytest
from rasa_sdk import Tracker
from rasa_sdk.events import SlotSet
from rasa_sdk.executor import ActionExecutor, CollectingDispatcher

from actions.actions import ActionAssessCondition, ActionScreeningVerdict, ActionSessionStart
from actions.forms import ValidateScreeningForm
from actions.rules_engine import load_rulebook

SCREENING_SLOTS = [f"screen_{r.id}" for r in load_rulebook().screening_rules]


def make_tracker(text="", intent="greet", entities=None, slots=None, active_loop=None):
    return Tracker(
        sender_id="test-user",
        slots=slots or {},
        latest_message={
            "text": text,
            "intent": {"name": intent, "confidence": 1.0},
            "entities": entities or [],
        },
        events=[],
        paused=False,
        followup_action=None,
        active_loop={"name": active_loop} if active_loop else {},
        latest_action_name="action_listen",
    )


def run(action, tracker, domain):
    dispatcher = CollectingDispatcher()
    events = asyncio.run(action.run(dispatcher, tracker, domain))
    return dispatcher, events


def test_session_start_sends_disclaimer_and_keeps_slots(domain):
    dispatcher, events = run(ActionSessionStart(), make_tracker(slots={"screen_pregnancy": "no"}), domain)
    assert dispatcher.messages[0]["response"] == "utter_disclaimer"
    assert events[0]["event"] == "session_started"
    assert SlotSet("screen_pregnancy", "no") in events
    assert (events[-1]["event"], events[-1]["name"]) == ("action", "action_listen")


def test_assess_condition_from_entities(domain):
    tracker = make_tracker(
        "btw I have lupus",
        "mention_condition",
        entities=[{"entity": "medical_condition", "value": "lupus"}],
    )
    dispatcher, events = run(ActionAssessCondition(), tracker, domain)
    text = dispatcher.messages[0]["text"]
    assert "should not use" in text and "lupus erythematosus" in text
    assert dispatcher.messages[0]["buttons"][0]["payload"] == "/request_screening"
    assert events == []


def test_assess_condition_falls_back_to_the_detector(domain):
    dispatcher, _ = run(ActionAssessCondition(), make_tracker("I have diabetis", "mention_condition"), domain)
    assert "ask your doctor" in dispatcher.messages[0]["text"]
    assert "Another medical condition" in dispatcher.messages[0]["text"]


def test_assess_condition_ignores_unknown_entity_values(domain):
    tracker = make_tracker(
        "hello", "mention_condition", entities=[{"entity": "medical_condition", "value": "made-up"}]
    )
    dispatcher, _ = run(ActionAssessCondition(), tracker, domain)
    assert "can't match that to my rules" in dispatcher.messages[0]["text"]


@pytest.mark.parametrize(
    "answer, verdict", [("no", "no contraindication"), ("unknown", "ask your doctor first")]
)
def test_verdict_all_answers_alike(domain, answer, verdict):
    slots = {slot: answer for slot in SCREENING_SLOTS}
    dispatcher, events = run(ActionScreeningVerdict(), make_tracker(slots=slots), domain)
    assert verdict in dispatcher.messages[0]["text"]
    assert events == [SlotSet(slot, None) for slot in SCREENING_SLOTS]


def test_verdict_do_not_use(domain):
    slots = {slot: "no" for slot in SCREENING_SLOTS}
    slots["screen_implanted_device"] = "yes"
    dispatcher, _ = run(ActionScreeningVerdict(), make_tracker(slots=slots), domain)
    text = dispatcher.messages[0]["text"]
    assert text.startswith("Verdict: do not use") and "pacemakers" in text


def test_form_fills_the_matching_question_from_a_mention(domain):
    slots = {slot: None for slot in SCREENING_SLOTS}
    slots.update(requested_slot="screen_pregnancy")
    tracker = make_tracker(
        "btw I have lupus",
        "mention_condition",
        slots=slots,
        active_loop="screening_form",
        entities=[{"entity": "medical_condition", "value": "lupus"}],
    )
    dispatcher, events = run(ValidateScreeningForm(), tracker, domain)
    assert SlotSet("screen_photosensitivity", "yes") in events
    assert not any(e.get("name") == "screen_pregnancy" and e.get("value") for e in events)


def test_form_counts_conditions_without_a_question_as_other(domain):
    slots = {slot: None for slot in SCREENING_SLOTS}
    slots.update(requested_slot="screen_open_wound")
    tracker = make_tracker("i have diabetes", "affirm", slots=slots, active_loop="screening_form")
    _, events = run(ValidateScreeningForm(), tracker, domain)
    assert SlotSet("screen_other_condition", "yes") in events


def test_form_counts_an_unrecognised_condition_as_other(domain):
    slots = {slot: None for slot in SCREENING_SLOTS}
    slots.update(requested_slot="screen_open_wound")
    tracker = make_tracker(
        "I have a rare syndrome", "mention_condition", slots=slots, active_loop="screening_form"
    )
    _, events = run(ValidateScreeningForm(), tracker, domain)
    assert SlotSet("screen_other_condition", "yes") in events


def test_every_question_is_asked_by_an_action_with_buttons(domain):
    executor = ActionExecutor()
    executor.register_package("actions")
    rules = load_rulebook().screening_rules
    for number, rule in enumerate(rules, start=1):
        name = f"action_ask_screen_{rule.id}"
        assert name in domain["actions"], name
        action = executor.actions[name]
        dispatcher = CollectingDispatcher()
        asyncio.run(action(dispatcher, make_tracker(), domain))
        message = dispatcher.messages[0]
        assert message["text"] == f"Question {number} of {len(rules)}: {rule.question}"
        assert [b["payload"] for b in message["buttons"]] == ["/affirm", "/deny", "/dont_know", "/stop"]
    # and the form asks exactly the rules' questions, in the rules' order
    assert domain["forms"]["screening_form"]["required_slots"] == SCREENING_SLOTS
