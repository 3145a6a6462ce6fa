"""User study round 20 (docs/user-study/2026-12-06-round20): each finding's cause, tested without Rasa servers
where it can be (the conversations themselves are in tests/scenarios/real_users_dev20.yml)."""

import asyncio

import pytest
from rasa_sdk.executor import CollectingDispatcher

from padsafety.conversation import (
    FRUSTRATED,
    FollowUp,
    approved_other_thing,
    beyond_source_topic,
    doctor_approved,
    doctor_said_other_answer,
    followup_kind,
    male_subject,
    status_answer,
    stopped_reply,
    verdict_reminder,
)
from padsafety.intent_hints import hinted_intent
from padsafety.rules import Verdict
from tests.test_user_study_round16 import _check_tracker


# #3: the doctor's OK for magnets and phones is no OK for red light; an OK for the pad still is
@pytest.mark.parametrize("text, thing", [
    ("doctor say pacemaker is ok with magnet and phone. so then ok?", "magnet and phone"),
    ("my cardiologist said it's fine around microwaves", "microwaves"),
    ("my doctor said it's fine for me", None),
    ("the doctor said ok, so i can use it?", None),
    ("my cardiologist said it's fine with the pad", None),
])
def test_a_doctors_ok_for_something_else_is_not_for_the_pad(text, thing):
    assert doctor_approved(text)
    assert approved_other_thing(text) == thing


def test_the_answer_to_an_ok_for_something_else_keeps_the_verdict():
    answer = doctor_said_other_answer("magnet and phone", "do_not_use", ["implanted_device"])
    assert answer.startswith("That OK was about magnet and phone, not about red light")
    assert "should not use a red-light therapy pad unless your doctor says otherwise" in answer


# #4: an insulin pump on a patch is a worn electronic device, never the metal-implant note
@pytest.mark.parametrize("text", [
    "its not implanted, its stuck on my belly with a patch. does that count",
    "the pump is clipped to my belt, not inside me",
])
def test_a_worn_device_is_the_sources_wearing_rule(text):
    topic = beyond_source_topic(text)
    assert topic is not None and topic.id == "worn_device"
    assert "wearing electronic devices" in topic.answer


def test_another_knee_without_an_implant_keeps_its_note():
    topic = beyond_source_topic("and my other knee which has no implant?")
    assert topic is not None and topic.id == "implant_elsewhere"


# #2: "could be" to the pregnancy question, then "stop": the doubt is told, and the belly gets the warning
def test_stopping_after_an_unsure_answer_says_to_ask_the_doctor():
    assert "ask your doctor first" in stopped_reply(Verdict.ASK_DOCTOR, ["Pregnancy"])
    assert stopped_reply(Verdict.NO_CONTRAINDICATION_FOUND, []) is None


def test_stopping_the_check_keeps_an_unsure_pregnancy(domain):
    from actions.actions import ActionScreeningStopped

    slots = {"screen_pregnancy": "unknown", "requested_slot": "screen_skin_infection_or_eczema"}
    tracker = _check_tracker("can u check if its safe for me", slots, text="stop", intent="stop")
    dispatcher = CollectingDispatcher()
    events = asyncio.run(ActionScreeningStopped().run(dispatcher, tracker, domain))
    set_slots = {e["name"]: e["value"] for e in events if e.get("event") == "slot"}
    assert set_slots["known_verdict"] == "ask_doctor" and set_slots["known_rules"] == ["pregnancy"]
    assert "pregnancy" in dispatcher.messages[1]["text"].lower()  # ("you weren't sure about pregnancy")


@pytest.mark.parametrize("text, warned", [
    ("ok so no harm trying it on my belly then right", True),
    ("what about my shoulders", False),
])
def test_the_reminder_warns_about_the_abdomen_with_a_possible_pregnancy(text, warned):
    reminder = verdict_reminder("ask_doctor", ["pregnancy"], text)
    assert ("especially on the abdomen" in reminder) is warned
    assert "especially on the abdomen" not in verdict_reminder("ask_doctor", ["breastfeeding"], text)


# #7: "even 5 minutes?" after "do not use": the verdict in one line
@pytest.mark.parametrize("text", [
    "what if i only use it for like 5 min on my knee",
    "so thats a no even for short sessions?",
])
def test_a_short_use_after_a_verdict_is_the_verdict(text):
    assert followup_kind(text) is FollowUp.STATUS
    answer = status_answer("action_assess_condition", "do_not_use", ["photosensitivity"], text)
    assert answer.startswith("No, not even for a short session")


# #10: a man or a boy is not asked whether he is pregnant; any word for a woman keeps the question
@pytest.mark.parametrize("texts, for_other, male", [
    (["im a 50 yo man, can you run the safety check"], False, True),
    (["can you check if it's safe for me"], False, False),
    (["can my 8 year old son use it?", "/request_screening"], True, True),
    (["my wife wants to use it, check if its safe for her"], True, False),
    (["my son and daughter both want to try it"], True, False),
    (["i'm a man but my partner is pregnant, check for me"], False, False),
])
def test_a_man_or_a_boy_is_not_asked_about_pregnancy(texts, for_other, male):
    assert male_subject(texts, for_other) is male


def test_the_check_for_a_boy_leaves_the_pregnancy_question_out(domain):
    from actions.forms import ValidateScreeningForm

    tracker = _check_tracker("can you run the safety check for my son, hes 8", {}, text="", intent="")
    dispatcher = CollectingDispatcher()
    events = asyncio.run(ValidateScreeningForm().run(dispatcher, tracker, domain))
    values = {e["name"]: e["value"] for e in events if e.get("event") == "slot"}
    assert values.get("screen_pregnancy") == "no"
    assert "left out the pregnancy question" in dispatcher.messages[0]["text"]


# #5, #8, #9: what the classifier misses or confuses
@pytest.mark.parametrize("text, guess, hinted", [
    ("why would anyone buy it", "ask_purchase", "ask_evidence"),
    ("whats the point of it if evidence is weak", "nlu_fallback", "ask_evidence"),
    ("whatever", "ask_followup", "dont_know"),
    ("is there anything that says i cant use it if im healthy?", "request_screening", "ask_who_should_avoid"),
    ("anything she should know?", "ask_limitation_variability", "ask_who_should_avoid"),
])
def test_the_hints_read_what_was_asked(text, guess, hinted):
    assert hinted_intent(text, guess, 0.6) == hinted


@pytest.mark.parametrize("text, topic", [
    ("can i use it when im a bit drunk", "alcohol"),
    ("would it help my bruises?", "bruises"),
    ("what about eczema that is not acute, just dry patches that are calm", "calm_eczema"),
    ("can i clean it with an alcohol wipe", "cleaning_sharing"),
])
def test_new_topics_are_answered(text, topic):
    found = beyond_source_topic(text)
    assert found is not None and found.id == topic


def test_a_question_about_money_wasted_is_no_complaint():
    assert not FRUSTRATED.search("so basically a waste of money?")
    assert FRUSTRATED.search("this is a waste of my time")


# #11: "i'll ask my doctor then" and "that's all i wanted to know" close the chat
@pytest.mark.parametrize("text, closes", [
    ("ill ask my doctor then", True),
    ("ok i'll tell her to talk to her rheumatologist", True),
    ("cool thats all i wanted to know", True),
    ("ok ill ask the vet, thanks", True),
    ("i'll ask my doctor about my lupus", False),
    ("should i ask my doctor?", False),
])
def test_a_closing_is_read_as_one(text, closes):
    from components.safety_policy import _closes_chat

    assert _closes_chat("affirm", text) is closes
