"""User study round 16 (docs/user-study/2026-12-06-round16): each finding's cause, tested without Rasa servers
(the conversations themselves are in tests/scenarios/real_users_dev16.yml)."""

import pytest

from padsafety.answers import parse_answer
from padsafety.conversation import doctor_approved
from padsafety.intent_hints import hinted_intent, needs_cue, topic_intent
from padsafety.recognition import Experiencer, recognise
from padsafety.rules import Answer


# #14, #18, #34: an answer at the end of a reply in the safety check counts; "i'd have to ask her" is unsure
@pytest.mark.parametrize("text, answer", [
    ("its calm rn so no", Answer.NO),
    ("hes a boy lol. no", Answer.NO),
    ("lol shes 68, definitely not", Answer.NO),
    ("not that i know of, i'd have to ask her", Answer.UNKNOWN),
    ("is it safe, no?", None),
    ("i have eczema, its calm", None),
])
def test_an_answer_at_the_end_of_a_reply_counts(text, answer):
    assert parse_answer(text) is answer


# #12: "a 3 year old tattoo" is a thing's age, no child
def test_a_tattoos_age_is_no_child():
    text = "its a 3 year old tattoo. so i can just use it normally then?"
    assert not recognise(text).mentions
    assert needs_cue("ask_avoid_children", text)
    assert topic_intent(text, "ask_avoid_children", 0.9) == "ask_not_in_source"
    child = recognise("my 3 year old has eczema, can the pad help").mentions
    assert any(m.condition == "a child" for m in child)


# #11: a non-native speaker's "doctor say ok already"; "what would my doctor say?" reports nothing
@pytest.mark.parametrize("text, approved", [
    ("doctor say ok already. how many minute i use and every day ok?", True),
    ("i say my doctor already say is ok!!", True),
    ("what would my doctor say, is it ok?", False),
    ("doctor say not ok", False),
])
def test_doctor_approval_in_simple_english(text, approved):
    assert doctor_approved(text) is approved


# #21: bought online, whom to contact: the seller's answer
def test_whom_to_contact_after_buying_online_is_a_purchase_question():
    assert hinted_intent("there's no clinic, i bought it online. who do i contact", "ask_evidence", 0.6) == (
        "ask_purchase"
    )


# #20: "should i keep using it or give up" asks how long results take, not for the check
@pytest.mark.parametrize("text", [
    "ugh. fine. should i keep using it or give up", "so do i keep using it or not",
])
def test_keep_using_or_give_up_is_the_variability_answer(text):
    assert hinted_intent(text, "request_screening", 0.7) == "ask_limitation_variability"


# #03: "after the baby, while breastfeeding?" is the user's own breastfeeding
def test_breastfeeding_after_the_baby_is_the_users():
    found = recognise("ok thanks. and after the baby, while breastfeeding?").mentions
    assert found and all(m.experiencer is Experiencer.SELF for m in found)
    other = recognise("my sister is breastfeeding her baby, can she use it?").mentions
    assert other and all(m.experiencer is Experiencer.OTHER for m in other)


# #02: "why tho?" is a bare follow-up
def test_why_tho_is_a_follow_up():
    assert hinted_intent("why tho? its just light", "ask_how_it_works", 0.9) == "ask_followup"


# #22: what was deleted or remembered is a question about the data, not a new deletion request
@pytest.mark.parametrize("text, intent", [
    ("do you still remember what i told you?", "bot_challenge"),
    ("what did you just delete exactly", "request_forget"),
])
def test_questions_about_the_deletion_are_answered(text, intent):
    assert topic_intent(text, intent, 0.9) == "ask_not_in_source"
    assert topic_intent("please delete everything you have about me", "request_forget", 0.9) is None


# #17: "go back, for the first one ... lets say yes" changes question 1, not the last one answered
def test_a_correction_naming_the_first_question_changes_that_one():
    from tests.test_actions import form_turn, slot_events

    dispatcher, events = form_turn(
        "wait actually go back, for the first one i said maybe but lets say yes to be safe",
        "screen_photosensitivity", intent="nlu_fallback", screen_pregnancy="unknown",
        screen_skin_infection_or_eczema="no", screen_open_wound="no",
    )
    assert slot_events(events)["screen_pregnancy"] == "yes"
    assert "question 1 to yes" in dispatcher.messages[0]["text"]


def _check_tracker(request_text, slots=None, text="", intent="affirm"):
    from rasa_sdk import Tracker

    parse = {"intent": {"name": "request_screening"}}
    events = [{"event": "user", "text": request_text, "parse_data": parse}]
    return Tracker(
        sender_id="test-user", slots=slots or {}, events=events, paused=False, followup_action=None,
        latest_message={"text": text, "intent": {"name": intent, "confidence": 1.0}, "entities": []},
        active_loop={"name": "screening_form"}, latest_action_name="action_listen",
    )


# #14: a check asked for one's mum asks about "they", and "she has lupus" counts for her
@pytest.mark.parametrize("request_text, for_other", [
    ("i want to do the safety thing for my mum, shes 68", True),
    ("ok run the check for him", True),
    ("check if it's safe for me and my wife", False),
    ("can you check if i can use it", False),
])
def test_a_check_asked_for_someone_else_is_about_them(request_text, for_other):
    from actions.conversation import check_is_for_other

    assert check_is_for_other(_check_tracker(request_text)) is for_other


def test_in_a_check_for_someone_else_their_condition_answers_the_question():
    import asyncio

    from rasa_sdk.executor import CollectingDispatcher

    from actions.forms import ValidateScreeningForm

    slots = {"requested_slot": "screen_photosensitivity", "screen_pregnancy": "no"}
    tracker = _check_tracker(
        "run the check for my mum", slots, text="she has lupus", intent="mention_condition"
    )
    form = ValidateScreeningForm()
    events = asyncio.run(form.get_extraction_events(CollectingDispatcher(), tracker, {}))
    values = {e["name"]: e["value"] for e in events if e.get("event") == "slot"}
    assert values["screen_photosensitivity"] == "yes"
