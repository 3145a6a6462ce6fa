"""Custom actions driven with real rasa_sdk trackers and a CollectingDispatcher."""

import asyncio

import pytest
from rasa_sdk import Tracker
from rasa_sdk.events import SlotSet
from rasa_sdk.executor import ActionExecutor, CollectingDispatcher

from actions.actions import (
    ActionAssessCondition,
    ActionContact,
    ActionScreeningVerdict,
    ActionSessionStart,
)
from actions.forms import ValidateScreeningForm
from padsafety.rules import load_rulebook

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


@pytest.fixture(autouse=True)
def isolated_records(tmp_path, monkeypatch):
    """Verdicts are written to a temporary database, never to the one `.env` names."""
    import actions.db as db

    records = db.Records(f"sqlite:///{tmp_path / 'records.db'}", "test-salt")
    records.migrate()
    monkeypatch.setattr(db, "_buffer", db.OutageBuffer(lambda: records))
    return records


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


def test_assess_condition_reads_the_message(domain):
    tracker = make_tracker("btw I have lupus", "mention_condition")
    dispatcher, events = run(ActionAssessCondition(), tracker, domain)
    text = dispatcher.messages[0]["text"]
    assert text.startswith("From what you said, you should not use") and "lupus erythematosus" in text
    assert dispatcher.messages[0]["buttons"][0]["payload"] == "/request_screening"
    assert events == []


def test_assess_condition_with_a_typo(domain):
    dispatcher, _ = run(ActionAssessCondition(), make_tracker("I have diabetis", "mention_condition"), domain)
    assert "ask your doctor" in dispatcher.messages[0]["text"]
    assert "Another medical condition" in dispatcher.messages[0]["text"]


def test_assess_condition_for_someone_else(domain):
    tracker = make_tracker("my dad has a pacemaker", "mention_condition")
    dispatcher, _ = run(ActionAssessCondition(), tracker, domain)
    assert dispatcher.messages[0]["text"].startswith("From what you said, they should not use")


def test_assess_condition_for_a_general_question(domain):
    tracker = make_tracker("can people with lupus use it?", "ask_avoid_photosensitivity")
    dispatcher, _ = run(ActionAssessCondition(), tracker, domain)
    text = dispatcher.messages[0]["text"]
    assert text.startswith("My rules say: people with this should not use")
    assert "talk to a doctor" in text


def test_assess_condition_ignores_crafted_entities(domain):
    tracker = make_tracker(
        "hello", "mention_condition", entities=[{"entity": "medical_condition", "value": "lupus"}]
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
    cleared = [SlotSet(slot, None) for slot in SCREENING_SLOTS]
    assert events == cleared + [SlotSet("screening_mentioned", None)]


def test_verdict_do_not_use(domain, isolated_records):
    slots = {slot: "no" for slot in SCREENING_SLOTS}
    slots["screen_implanted_device"] = "yes"
    dispatcher, _ = run(ActionScreeningVerdict(), make_tracker(slots=slots), domain)
    text = dispatcher.messages[0]["text"]
    assert text.startswith("Verdict: do not use") and "pacemakers" in text
    assert isolated_records.count_for("test-user") == 1  # recorded, in the test's own database


DOMAIN = None


def form_turn(text, requested, intent="affirm", **slots):
    global DOMAIN
    if DOMAIN is None:
        import yaml

        from tests.conftest import PROJECT_DIR

        DOMAIN = yaml.safe_load((PROJECT_DIR / "domain.yml").read_text(encoding="utf-8"))
    values = {slot: None for slot in SCREENING_SLOTS}
    values.update(slots, requested_slot=requested)
    tracker = make_tracker(text, intent, slots=values, active_loop="screening_form")
    return run(ValidateScreeningForm(), tracker, DOMAIN)


def slot_events(events):
    return {e["name"]: e["value"] for e in events if e.get("event") == "slot"}


@pytest.mark.parametrize(
    "text, requested, value",
    [
        ("No, I'm not pregnant", "screen_pregnancy", "no"),
        ("nope, no pacemaker", "screen_implanted_device", "no"),
        ("not that I know of", "screen_seizures", "no"),
        ("yes, I have a small cut on my hand that hasn't healed", "screen_open_wound", "yes"),
        ("I think so", "screen_photosensitivity", "unknown"),
        ("I'm on doxycycline", "screen_photosensitising_medication", "yes"),
        ("/deny", "screen_pregnancy", "no"),
    ],
)
def test_an_explicit_answer_wins(text, requested, value):
    _, events = form_turn(text, requested)
    assert slot_events(events)[requested] == value


@pytest.mark.parametrize("text", ["sounds good", "ok", "sure thing"])
def test_everyday_replies_mapped_to_yes_are_undone_with_a_hint(text):
    # Rasa's from_intent mapping has already read the `affirm` intent as "yes"
    dispatcher, events = form_turn(text, "screen_photosensitivity", screen_photosensitivity="yes")
    assert slot_events(events) == {"screen_photosensitivity": None}
    assert dispatcher.messages[0]["response"] == "utter_screening_answer_hint"


@pytest.mark.parametrize(
    "text, intent", [("stop", "stop"), ("what counts as acute eczema?", "ask_avoid_skin_conditions")]
)
def test_other_messages_are_left_to_the_rules(text, intent):
    dispatcher, events = form_turn(text, "screen_skin_infection_or_eczema", intent=intent)
    assert slot_events(events) == {}  # nothing recorded: the form rejects the message
    assert dispatcher.messages == []


def test_a_condition_for_another_question_is_noted_for_confirmation():
    _, events = form_turn("btw I have lupus", "screen_pregnancy", intent="mention_condition")
    slots = slot_events(events)
    assert "screen_pregnancy" not in slots  # not an answer: the form asks the question again
    assert slots["screening_mentioned"] == ["lupus"]
    assert "screen_photosensitivity" not in slots  # counts only once the user confirms it


def test_a_mention_reopens_a_question_answered_no():
    _, events = form_turn(
        "no, but I have eczema", "screen_open_wound", screen_skin_infection_or_eczema="no"
    )
    slots = slot_events(events)
    assert slots["screen_open_wound"] == "no"
    assert slots["screen_skin_infection_or_eczema"] is None
    assert slots["screening_mentioned"] == ["eczema"]


def test_conditions_without_a_question_are_noted_for_the_last_one():
    _, events = form_turn("i have diabetes", "screen_open_wound")
    assert slot_events(events)["screening_mentioned"] == ["diabetes"]


def test_the_question_names_what_was_mentioned(domain):
    executor = ActionExecutor()
    executor.register_package("actions")
    dispatcher = CollectingDispatcher()
    tracker = make_tracker(slots={"screening_mentioned": ["diabetes"]})
    asyncio.run(executor.actions["action_ask_screen_other_condition"](dispatcher, tracker, domain))
    last = len(SCREENING_SLOTS)
    assert dispatcher.messages[0]["text"].startswith(f"You mentioned diabetes. Question {last} of {last}:")


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


@pytest.mark.parametrize(
    "intent, variable, contact, expected",
    [
        ("ask_purchase", "SELLER_CONTACT", "shop@example.org", "please contact shop@example.org"),
        ("ask_purchase", "SELLER_CONTACT", "", "the shop or seller you bought from"),
        ("request_human", "HUMAN_CONTACT", "our clinic", "reach a person at our clinic"),
        ("request_human", "HUMAN_CONTACT", "", "the clinic or shop that provided your pad"),
    ],
)
def test_contact_comes_from_the_settings(domain, monkeypatch, intent, variable, contact, expected):
    from padsafety import settings as settings_module

    monkeypatch.setenv(variable, contact)
    settings_module.settings.cache_clear()
    try:
        dispatcher, _ = run(ActionContact(), make_tracker("hi", intent), domain)
    finally:
        settings_module.settings.cache_clear()
    assert expected in dispatcher.messages[0]["text"]
    assert "doctor" in dispatcher.messages[0]["text"]
