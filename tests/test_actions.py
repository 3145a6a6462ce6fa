"""Custom actions driven with real rasa_sdk trackers and a CollectingDispatcher."""

import asyncio

import pytest
from rasa_sdk import Tracker
from rasa_sdk.events import SlotSet
from rasa_sdk.executor import CollectingDispatcher

from actions.actions import (
    ActionAssessCondition,
    ActionContact,
    ActionScreeningVerdict,
    ActionSessionStart,
)
from actions.forms import ValidateScreeningForm, screening_question_text
from padsafety.answers import hedged_detail
from padsafety.messages import GUIDELINE_QUESTION_NOTE, PARTLY_SOURCED_NOTE
from padsafety.rules import load_rulebook
from padsafety.screening_domain import QUESTION_SLOT

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
    import actions.records_buffer as records_buffer

    records = db.Records(f"sqlite:///{tmp_path / 'records.db'}", "test-salt")
    records.migrate()
    monkeypatch.setattr(records_buffer, "_buffer", records_buffer.OutageBuffer(lambda: records))
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
    assert slot_events(events) == {
        "known_verdict": "do_not_use", "known_rules": ["photosensitivity"], "known_conditions": ["lupus"]
    }


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


@pytest.mark.parametrize(
    "text, remembered",
    [
        ("I don't have one, I was just curious. and why pregnant women?", False),
        ("why the pacemaker thing?", False),
        ("can I use it if I'm pregnant?", True),
    ],
)
def test_a_general_question_is_remembered_only_when_said_of_oneself(domain, text, remembered):
    _, events = run(ActionAssessCondition(), make_tracker(text, "ask_avoid_pregnancy"), domain)
    assert ("known_verdict" in slot_events(events)) is remembered


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
    remembered = "no_contraindication_found" if answer == "no" else "ask_doctor"
    assert events[: len(cleared) + 1] == cleared + [SlotSet("screening_mentioned", None)]
    assert slot_events(events)["known_verdict"] == remembered


def test_verdict_do_not_use(domain, isolated_records):
    slots = {slot: "no" for slot in SCREENING_SLOTS}
    slots["screen_implanted_device"] = "yes"
    dispatcher, _ = run(ActionScreeningVerdict(), make_tracker(slots=slots), domain)
    text = dispatcher.messages[0]["text"]
    assert text.startswith("Verdict: do not use") and "pacemakers" in text
    assert isolated_records.count_for("test-user") == 1  # recorded, in the test's own database


DOMAIN = None


def form_turn(text, requested, intent="affirm", **slots):
    values = {slot: None for slot in SCREENING_SLOTS}
    values.update(slots, requested_slot=requested)
    tracker = make_tracker(text, intent, slots=values, active_loop="screening_form")
    # as Rasa sends it: the answer after the question, then the form's own run (FormAction._temporary_tracker)
    tracker.events = [
        {"event": "action", "name": "action_listen"},
        {"event": "user", "text": text, "parse_data": {"intent": {"name": intent}}},
        {"event": "slot", "name": "requested_slot", "value": requested},
        {"event": "action", "name": "screening_form"},
    ]
    return run(ValidateScreeningForm(), tracker, _domain())


def _domain():
    global DOMAIN
    if DOMAIN is None:
        import yaml

        from tests.conftest import PROJECT_DIR

        DOMAIN = yaml.safe_load((PROJECT_DIR / "domain.yml").read_text(encoding="utf-8"))
    return DOMAIN


def form_slots(text, requested, intent="deny", **slots):
    """The slots the form sets for one answer to the question for ``requested``."""
    _, events = form_turn(text, requested, intent=intent, **slots)
    return slot_events(events)


def slot_events(events):
    """The slots a form turn sets, without the next question's text (``asked_next`` reads that)."""
    return {e["name"]: e["value"] for e in events if e.get("event") == "slot" and e["name"] != QUESTION_SLOT}


def asked_next(events):
    """The question the form's response shows next (the ``screening_question`` slot), or None."""
    slots = [e["value"] for e in events if e.get("event") == "slot" and e["name"] == QUESTION_SLOT]
    return slots[-1] if slots else None


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


@pytest.mark.parametrize(
    "text", ["no just the pregnancy", "no, only the pregnancy", "nothing other than that baby"]
)
def test_no_other_condition_but_the_one_said_keeps_it(text):
    # round 3 of the user study: "no just the pregnancy" at the last question flipped pregnancy to "no"
    dispatcher, events = form_turn(
        text, "screen_other_condition", intent="deny", screen_pregnancy="yes", screen_other_condition="no"
    )
    slots = slot_events(events)
    assert slots.get("screen_pregnancy", "yes") == "yes"
    assert slots["screen_other_condition"] == "no"
    assert not any("changed your answer" in (m.get("text") or "") for m in dispatcher.messages)


@pytest.mark.parametrize(
    "text, requested, value",
    [
        ("I don't think so, but we're trying for a baby", "screen_pregnancy", "unknown"),
        ("I don't think so, but my period is a few days late", "screen_pregnancy", "unknown"),
        ("that's what I asked you! I burn super fast in sunlight, no lupus though", "screen_photosensitivity",
         "yes"),
    ],
)
def test_a_hedged_answer_with_the_condition_in_it_is_never_a_silent_no(text, requested, value):
    # user study round 4: both were taken as "no" and the check ended "no contraindication found"
    dispatcher, events = form_turn(text, requested, intent="deny")
    assert slot_events(events)[requested] == value
    assert dispatcher.messages  # and the user is told what was noted


@pytest.mark.parametrize(
    "text, requested",
    [
        ("theres a red patch but idk what it is", "screen_skin_infection_or_eczema"),
        ("ive got a dry patch on my elbow, idk what it is", "screen_skin_infection_or_eczema"),
        ("i burn pretty easily but not sure if that counts", "screen_photosensitivity"),
        ("i take some pills for my blood pressure, cant remember the name",
         "screen_photosensitising_medication"),
    ],
)
def test_a_detail_about_oneself_with_a_doubt_is_i_dont_know(text, requested):
    # development round 7: these were not answers, so the question came again and again
    _, events = form_turn(text, requested)
    assert slot_events(events)[requested] == "unknown"


@pytest.mark.parametrize("text", ["what counts as acute eczema?", "does that count?", "why do you ask?"])
def test_a_question_about_the_question_is_no_doubtful_detail(text):
    assert not hedged_detail(text)


@pytest.mark.parametrize("text", ["sounds good", "ok", "sure thing"])
def test_everyday_replies_mapped_to_yes_are_undone_with_a_hint(text):
    # Rasa's from_intent mapping has already read the `affirm` intent as "yes"
    dispatcher, events = form_turn(text, "screen_photosensitivity", screen_photosensitivity="yes")
    assert slot_events(events) == {"screen_photosensitivity": None}
    assert asked_next(events).startswith("Question 1 of")  # (the first question left open in this test)
    assert dispatcher.messages[0]["response"] == "utter_screening_answer_hint"


@pytest.mark.parametrize(
    "text, intent", [("stop", "stop"), ("does it help my back?", "ask_benefit_muscle_joint")]
)
def test_other_messages_are_left_to_the_rules(text, intent):
    dispatcher, events = form_turn(text, "screen_skin_infection_or_eczema", intent=intent)
    assert slot_events(events) == {}  # nothing recorded: the form rejects the message
    assert dispatcher.messages == []


@pytest.mark.parametrize(
    "text, requested, intent, word",
    [
        ("what counts as acute eczema?", "screen_skin_infection_or_eczema", "ask_avoid_skin_conditions",
         "flare-up"),
        ("what is porphyria?", "screen_photosensitivity", "ask_avoid_photosensitivity", "blood disorders"),
        ("what do you mean?", "screen_implanted_device", "ask_followup", "pacemaker"),
        ("does a papercut count?", "screen_open_wound", "mention_condition", "closed over"),
    ],
)
def test_a_question_about_the_question_is_explained_and_nothing_recorded(text, requested, intent, word):
    dispatcher, events = form_turn(text, requested, intent=intent)
    assert slot_events(events) == {requested: None}  # the form goes on and asks the same question again
    assert word in dispatcher.messages[0]["text"]


def test_a_correction_by_name_is_confirmed():
    dispatcher, events = form_turn(
        "oops wrong button, I'm NOT pregnant, I'm a guy", "screen_skin_infection_or_eczema",
        intent="deny", screen_pregnancy="yes",
    )
    slots = slot_events(events)
    assert slots["screen_pregnancy"] == "no"
    assert slots["screen_skin_infection_or_eczema"] is None  # not taken as the answer to question 2
    assert "changed your answer about pregnancy to no" in dispatcher.messages[0]["text"]


@pytest.mark.parametrize(
    "text, value, said",
    [
        ("sorry, wrong button, I meant no", "no", "question 2 to no"),
        ("wrong button", None, "back to question 2"),
    ],
)
def test_a_correction_of_the_last_answer_is_confirmed(text, value, said):
    dispatcher, events = form_turn(
        text, "screen_open_wound", intent="deny", screen_pregnancy="no", screen_skin_infection_or_eczema="yes"
    )
    assert slot_events(events)["screen_skin_infection_or_eczema"] == value
    assert said in dispatcher.messages[0]["text"]


def test_a_hedge_with_the_condition_described_is_a_yes():
    requested = "screen_skin_infection_or_eczema"
    _, events = form_turn("I think so, I have eczema on my hands right now", requested)
    assert slot_events(events)[requested] == "yes"


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


def test_the_question_names_what_was_mentioned():
    last = len(SCREENING_SLOTS)
    text = screening_question_text("other_condition", make_tracker(), ["diabetes"])
    assert text.startswith(
        f"You mentioned diabetes earlier, so this question is about that. Question {last} of {last}:"
    )


def test_the_question_names_what_was_mentioned_as_a_noun_phrase():
    # "You mentioned wound." read as a template artefact (user study round 7, #05, #15)
    text = screening_question_text("open_wound", make_tracker(), ["open wound"])
    assert text.startswith("You mentioned an open wound earlier")


def test_every_question_is_asked_by_a_response_with_buttons(domain):
    # the responses show the question the validation put in the slot: no second action-server call (#16)
    rules = load_rulebook().screening_rules
    for number, rule in enumerate(rules, start=1):
        (response,) = domain["responses"][f"utter_ask_screen_{rule.id}"]
        assert response["text"] == "{screening_question}"
        assert [b["payload"] for b in response["buttons"]] == ["/affirm", "/deny", "/dont_know", "/stop"]
        asked = f"Question {number} of {len(rules)}: {rule.question}"
        # a question from general guidance, not from the source text, says so (user study round 4)
        note = PARTLY_SOURCED_NOTE if rule.quote else GUIDELINE_QUESTION_NOTE
        expected = asked if rule.source == "seed" else f"{asked} {note}"
        assert screening_question_text(rule.id, make_tracker(), []) == expected


def test_an_answer_sets_the_next_question_for_its_response():
    _, events = form_turn("no", "screen_pregnancy", intent="deny")
    assert slot_events(events)["screen_pregnancy"] == "no"
    assert asked_next(events).startswith("Question 2 of ")


def test_an_answer_to_the_last_question_sets_no_question():
    answered = {slot: "no" for slot in SCREENING_SLOTS[:-1]}
    _, events = form_turn("no", SCREENING_SLOTS[-1], intent="deny", **answered)
    assert asked_next(events) is None


def test_a_noted_condition_is_named_in_the_next_question():
    before = {slot: "no" for slot in SCREENING_SLOTS[:-2]}
    _, events = form_turn("no, but I have diabetes", "screen_reduced_sensation", intent="deny", **before)
    assert slot_events(events)["screen_reduced_sensation"] == "no"
    assert asked_next(events).startswith("You mentioned diabetes earlier, so this question is about that.")


def test_the_first_question_is_set_when_the_check_starts():
    tracker = make_tracker("is it safe for me?", "request_screening", slots={"requested_slot": None})
    _, events = run(ValidateScreeningForm(), tracker, _domain())
    assert asked_next(events).startswith("Question 1 of ")


def test_a_message_that_answers_nothing_still_lets_rasa_reject_the_form():
    # any slot set here would make Rasa take the message as an answer and ask the next question
    _, events = form_turn("how much does it cost?", "screen_seizures", intent="ask_price")
    assert events == []


def test_after_an_interruption_the_same_question_is_set_again():
    seizures = SCREENING_SLOTS.index("screen_seizures")
    values = {slot: ("no" if i < seizures else None) for i, slot in enumerate(SCREENING_SLOTS)}
    values.update(requested_slot="screen_seizures")
    tracker = make_tracker("how much does it cost?", "ask_price", slots=values, active_loop="screening_form")
    tracker.events = [  # the form comes back after another reply
        {"event": "user", "text": "how much does it cost?"},
        {"event": "action", "name": "utter_not_covered_business"},
        {"event": "slot", "name": "requested_slot", "value": "screen_seizures"},
        {"event": "action", "name": "screening_form"},
    ]
    _, events = run(ValidateScreeningForm(), tracker, _domain())
    assert asked_next(events).startswith(f"Question {seizures + 1} of ")


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
    # nothing medical was said: no doctor line (user study round 7, #01, #18, #54)
    assert "doctor" not in dispatcher.messages[0]["text"]


def test_contact_names_the_doctor_after_medical_talk(domain):
    tracker = make_tracker("I have diabetes, where can I buy one?", "ask_purchase")
    dispatcher, _ = run(ActionContact(), tracker, domain)
    assert "your doctor is the right person to ask" in dispatcher.messages[0]["text"]


def test_stopping_after_a_yes_to_a_contraindication_still_tells_it(domain):
    from actions.actions import ActionScreeningStopped

    slots = {slot: None for slot in SCREENING_SLOTS}
    slots.update(screen_pregnancy="yes", screen_skin_infection_or_eczema="no")
    dispatcher, events = run(ActionScreeningStopped(), make_tracker("stop", "stop", slots=slots), domain)
    texts = " ".join(m["text"] for m in dispatcher.messages)
    assert "stopped the safety check" in texts and "should not use" in texts and "Pregnancy" in texts
    assert slot_events(events)["known_verdict"] == "do_not_use"
    assert slot_events(events)["screen_pregnancy"] is None


def test_stopping_with_no_contraindication_gives_no_verdict(domain):
    from actions.actions import ActionScreeningStopped

    slots = {slot: None for slot in SCREENING_SLOTS}
    slots.update(screen_pregnancy="no")
    dispatcher, events = run(ActionScreeningStopped(), make_tracker("stop", "stop", slots=slots), domain)
    assert len(dispatcher.messages) == 1 and "green light" in dispatcher.messages[0]["text"]
    assert "known_verdict" not in slot_events(events)


@pytest.mark.parametrize(
    "text, remembered",
    [("I'm pregnant", "do_not_use"), ("why the pacemaker thing?", None), ("my mum has lupus", None)],
)
def test_a_verdict_is_remembered_only_for_the_user(domain, text, remembered):
    _, events = run(ActionAssessCondition(), make_tracker(text, "mention_condition"), domain)
    assert slot_events(events).get("known_verdict") == remembered


def _tracker_after(answer_action, text, intent="ask_followup", slots=None):
    tracker = make_tracker(text, intent, slots=slots)
    tracker.events = [
        {"event": "user", "text": "earlier"},
        {"event": "action", "name": answer_action},
        {"event": "action", "name": "action_listen"},
        {"event": "user", "text": text},
    ]
    return tracker


@pytest.mark.parametrize(
    "previous, text, slots, said",
    [
        ("utter_avoid_pregnancy", "why?", {}, "fetus"),
        ("utter_avoid_implanted_device", "how come", {}, "interferes"),
        ("utter_limitation_variability", "and for how long?", {}, "1-2 weeks"),
        ("utter_benefits", "so am I fine?", {}, "safety check"),
        ("action_screening_verdict", "so can I use it then?",
         {"known_verdict": "do_not_use", "known_rules": ["pregnancy"]}, "should not use"),
        ("action_screening_verdict", "why?",
         {"known_verdict": "do_not_use", "known_rules": ["pregnancy"]}, "Pregnancy"),
        ("utter_pet", "is it safe for him?", {}, "vet"),
    ],
)
def test_follow_ups_are_answered_against_the_last_answer(domain, previous, text, slots, said):
    from actions.conversation import ActionFollowUp

    dispatcher, _ = run(ActionFollowUp(), _tracker_after(previous, text, slots=slots), domain)
    assert said in dispatcher.messages[0]["text"]


def test_the_verdict_reminder_comes_only_after_do_not_use(domain):
    from actions.conversation import ActionVerdictReminder

    slots = {"known_verdict": "do_not_use", "known_rules": ["implanted_device"]}
    dispatcher, _ = run(ActionVerdictReminder(), make_tracker("only my legs?", slots=slots), domain)
    assert "should not use" in dispatcher.messages[0]["text"]
    dispatcher, _ = run(ActionVerdictReminder(), make_tracker("only my legs?", slots={}), domain)
    assert dispatcher.messages == []


@pytest.mark.parametrize(
    "text, intent, said",
    [
        ("do I need goggles?", "ask_usage_safety", "eyes"),
        ("will it help my acne?", "ask_not_in_source", "acne"),
        ("how do I use it safely?", "ask_usage_safety", "Follow your device's manual"),
        ("can it help with my tinnitus?", "ask_not_in_source", "does not cover"),
    ],
)
def test_beyond_source_questions_get_their_topic(domain, text, intent, said):
    from actions.conversation import ActionAnswerBeyondSource

    dispatcher, _ = run(ActionAnswerBeyondSource(), make_tracker(text, intent), domain)
    assert said in dispatcher.messages[0]["text"]


@pytest.mark.parametrize(
    "text, remaining",
    [
        ("no, I do NOT have lupus. only raynaud's", None),
        ("oh sorry, the lupus is my sister, not me", None),
        ("I have lupus and that's it", ["photosensitivity"]),
    ],
)
def test_a_denied_condition_leaves_the_remembered_verdict(domain, text, remaining):
    from actions.conversation import ActionForgetDenied

    slots = {
        "known_verdict": "do_not_use", "known_rules": ["photosensitivity"], "known_conditions": ["lupus"]
    }
    _, events = run(ActionForgetDenied(), make_tracker(text, "deny", slots=slots), domain)
    assert slot_events(events)["known_rules"] == remaining


def test_a_calm_eczema_is_a_no_to_the_flare_up_question():
    requested = "screen_skin_infection_or_eczema"
    _, events = form_turn("my eczema is calm right now", requested, intent="mention_condition")
    assert slot_events(events)[requested] == "no"


def test_go_back_with_a_named_condition_notes_it_for_its_own_question():
    dispatcher, events = form_turn(
        "actually wait, go back, on the last one I have an insulin pump. so yes",
        "screen_photosensitivity", intent="affirm", screen_open_wound="no",
    )
    slots = slot_events(events)
    assert "screen_open_wound" not in slots  # not sent back to the previous question
    assert "insulin pump" in slots["screening_mentioned"]


def test_a_mistaken_tap_is_a_correction_and_a_question_about_it_is_not():
    from actions.forms import MEANT, WRONG_ANSWER

    text = "oops, i tapped yes by mistake on that last one, it's a no"
    assert WRONG_ANSWER.search(text) and MEANT.search(text).group(1) == "no"
    assert not WRONG_ANSWER.search("i said no, right?")


@pytest.mark.parametrize(
    "text, english_only", [("thank u, bye", False), ("hola como funciona esto", True), ("/unknown", False)]
)
def test_i_did_not_understand_says_english_only_for_text_that_is_not_english(text, english_only):
    from actions.conversation import ActionPleaseRephrase

    dispatcher = CollectingDispatcher()
    asyncio.run(ActionPleaseRephrase().run(dispatcher, make_tracker(text, intent="nlu_fallback"), {}))
    [message] = dispatcher.messages
    assert message["text"].startswith("Sorry, I didn't quite understand")
    assert ("only chat in English" in message["text"]) is english_only
    assert len(message["buttons"]) == 4


def _conversation(*turns, slots=None, intent="mention_condition"):
    """A tracker whose events are the (user text, bot action) turns given; the last text is the latest."""
    events = []
    for user, action in turns:
        events.append({"event": "user", "text": user})
        if action:
            events += [{"event": "action", "name": action}, {"event": "action", "name": "action_listen"}]
    tracker = make_tracker(turns[-1][0], intent, slots=slots)
    tracker.events = events
    return tracker


def test_a_topic_read_about_is_not_remembered_as_the_users(domain):
    # user study round 7 (#41): "i read something about pregnancy and belly" on her period
    tracker = make_tracker("i read something about pregnancy and belly", "ask_avoid_pregnancy")
    _, events = run(ActionAssessCondition(), tracker, domain)
    assert "known_verdict" not in slot_events(events)


@pytest.mark.parametrize(
    "previous, text, slots, dropped, still",
    [
        # user study round 7 (#41): named in a question about what she had read, then denied
        ("i read something about pregnancy and belly", "im not pregnant lol im literally on my period",
         {}, "pregnancy", None),
        # (#31): the medicine stays, the light sensitivity she never claimed goes
        ("im on methotrexate, is that one of the meds that make you light sensitive?",
         "i never said i was light sensitive, i was asking if the drug is",
         {"known_verdict": "do_not_use", "known_rules": ["photosensitivity", "photosensitising_medication"],
          "known_conditions": ["photosensitising medication", "photosensitivity"]},
         "photosensitivity", "Medicines that make the skin sensitive to light"),
    ],
)
def test_a_denial_is_said_back_and_the_verdict_keeps_the_rest(domain, previous, text, slots, dropped, still):
    from actions.conversation import ActionForgetDenied

    tracker = _conversation((previous, "action_assess_condition"), (text, None), slots=slots)
    dispatcher, events = run(ActionForgetDenied(), tracker, domain)
    said = dispatcher.messages[0]["text"]
    assert said.startswith("Got it") and dropped in said and "Thanks for telling me" not in said
    if still:
        assert still in said
        assert slot_events(events) == {
            "known_verdict": "ask_doctor", "known_rules": ["photosensitising_medication"],
            "known_conditions": ["photosensitising medication"],
        }


def test_yes_mine_gives_the_users_own_verdict(domain):
    # user study round 7 (#28): after the clarifying question's "Yes, mine", "you", never "they"
    tracker = _conversation(
        ("one of them is a bit red and oozing some yellowish stuff tho", "action_assess_condition"),
        ("its my own wound not someone elses. should i get it looked at soon?", "utter_ask_health_clarify"),
        ("/affirm", None),
        slots={"known_other_conditions": ["skin infection"]}, intent="affirm",
    )
    dispatcher, events = run(ActionAssessCondition(), tracker, domain)
    text = dispatcher.messages[0]["text"]
    assert text.startswith("From what you said, you should not use") and "they" not in text.split(".")[0]
    assert slot_events(events)["known_verdict"] == "do_not_use"


def test_the_other_persons_verdict_never_weakens_with_a_new_mention(domain):
    # user study round 7 (#48): her pacemaker stays in the verdict when a later message names something else
    slots = {"known_other_conditions": ["pacemaker", "arthritis"]}
    tracker = make_tracker("she also has heart disease", "mention_condition", slots=slots)
    dispatcher, events = run(ActionAssessCondition(), tracker, domain)
    text = dispatcher.messages[0]["text"]
    assert text.startswith("From what you said, they should not use") and "pacemakers" in text
    assert set(slot_events(events)["known_other_conditions"]) == {"heart disease", "pacemaker", "arthritis"}


def test_who_should_she_ask_is_answered_for_her_remembered_rules(domain):
    from actions.conversation import ActionFollowUp

    slots = {"known_other_conditions": ["pacemaker", "arthritis"]}
    tracker = _tracker_after(
        "action_assess_condition", "ok who exactly should she ask, cardiologist?", "ask_who_should_avoid",
        slots,
    )
    dispatcher, _ = run(ActionFollowUp(), tracker, domain)
    text = dispatcher.messages[0]["text"]
    assert "their cardiologist" in text and "pacemaker (device) clinic" in text and "should not use" in text


def test_the_check_verdict_keeps_what_was_told_before_it(domain):
    # user study round 7 (#05): breastfeeding, told before the check, has no question of its own
    slots = {slot: "no" for slot in SCREENING_SLOTS}
    slots.update(screen_reduced_sensation="yes", known_conditions=["breastfeeding"],
                 known_verdict="ask_doctor", known_rules=["breastfeeding"])
    dispatcher, events = run(ActionScreeningVerdict(), make_tracker(slots=slots), domain)
    text = dispatcher.messages[0]["text"]
    assert text.startswith("Verdict: ask your doctor first")
    assert "Breastfeeding" in text and "numbness" in text
    assert set(slot_events(events)["known_rules"]) == {"reduced_sensation", "breastfeeding"}
    # a "no" in the check still corrects a condition its question asks about
    slots = {slot: "no" for slot in SCREENING_SLOTS}
    slots.update(known_conditions=["pregnancy"])
    dispatcher, _ = run(ActionScreeningVerdict(), make_tracker(slots=slots), domain)
    assert "no contraindication" in dispatcher.messages[0]["text"]


# --- user study round 6 ---------------------------------------------------------------------------------
@pytest.mark.parametrize(
    "text, intent, slots, said, not_said",
    [
        # "why?" after a verdict: the source's reason, never the rule line again (#20)
        ("why?", "ask_followup",
         {"known_verdict": "do_not_use", "known_rules": ["photosensitivity"], "known_conditions": ["lupus"]},
         "reacts to light", "should avoid red-light"),
        # a why-question naming the known condition, whatever the classifier made of it (#25)
        ("why would blood thinners matter for a light?", "ask_benefit_circulation",
         {"known_verdict": "ask_doctor", "known_rules": ["other_condition"],
          "known_conditions": ["blood thinners"]}, "blood flow", "dilate"),
        # the doctor the verdict defers to has said go ahead (#16)
        ("she asked her cardiologist and he said go ahead", "nlu_fallback",
         {"known_other_conditions": ["pacemaker"]}, "their doctor's advice", "You mentioned"),
        ("my cardiologist said it's fine", "nlu_fallback",
         {"known_verdict": "do_not_use", "known_rules": ["implanted_device"],
          "known_conditions": ["pacemaker"]},
         "follow your doctor's advice", "No:"),
    ],
)
def test_round_six_follow_ups(domain, text, intent, slots, said, not_said):
    from actions.conversation import ActionFollowUp

    tracker = _tracker_after("action_assess_condition", text, intent, slots)
    dispatcher, _ = run(ActionFollowUp(), tracker, domain)
    assert said in dispatcher.messages[0]["text"]
    assert not_said not in dispatcher.messages[0]["text"]


def test_the_verdict_reminder_for_the_other_person_speaks_of_them(domain):
    from actions.conversation import ActionVerdictReminder

    slots = {"known_other_conditions": ["open wound"]}
    tracker = make_tracker("what about just for his cold hands?", slots=slots)
    dispatcher, _ = run(ActionVerdictReminder(), tracker, domain)
    text = dispatcher.messages[0]["text"]
    assert "they should not use" in text and "general information only" in text


def test_the_assessment_does_not_say_what_the_question_itself_gets_next(domain):
    # "RA: would it help the stiffness?" asked as the muscle and joint question: the paragraph once (#18)
    text = "I have rheumatoid arthritis, would it help the stiffness in the morning?"
    dispatcher, _ = run(ActionAssessCondition(), make_tracker(text, "ask_benefit_muscle_joint"), domain)
    assert [m.get("response") for m in dispatcher.messages].count("utter_benefit_muscle_joint") == 0
    dispatcher, _ = run(ActionAssessCondition(), make_tracker(text, "mention_condition"), domain)
    assert [m.get("response") for m in dispatcher.messages].count("utter_benefit_muscle_joint") == 1
