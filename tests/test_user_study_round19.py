"""User study round 19 (docs/user-study/2026-12-06-round19): each finding's cause, tested without Rasa servers
where it can be (the conversations themselves are in tests/scenarios/real_users_dev19.yml)."""

import asyncio

import pytest
from rasa_sdk.executor import CollectingDispatcher

from padsafety.intent_hints import hinted_intent
from padsafety.recognition import Decision, recognise


# #14: a check run for someone else leaves the user's own verdict alone and is remembered as theirs
def test_a_check_for_someone_else_is_remembered_as_theirs(domain):
    from actions.actions import ActionScreeningVerdict
    from tests.test_user_study_round16 import _check_tracker

    slots = {f"screen_{r}": "no" for r in (
        "pregnancy", "skin_infection_or_eczema", "photosensitivity", "photosensitising_medication",
        "cancer_in_area", "seizures", "reduced_sensation", "other_condition",
    )}
    slots.update({"screen_open_wound": "yes", "screen_implanted_device": "yes", "known_other_conditions": []})
    tracker = _check_tracker("can you do the safety check for my dad", slots, text="no", intent="deny")
    dispatcher = CollectingDispatcher()
    events = asyncio.run(ActionScreeningVerdict().run(dispatcher, tracker, domain))
    set_slots = {e["name"]: e["value"] for e in events if e.get("event") == "slot"}
    assert "known_verdict" not in set_slots and "known_rules" not in set_slots
    assert set_slots["known_other_conditions"] == ["open wound", "pacemaker"]
    assert "do not use" in dispatcher.messages[0]["text"].lower()


# #19: a burning patch the pad left is the burn emergency, never the refunds reply
def test_a_burning_patch_from_the_pad_is_a_burn():
    found = recognise("the pad left a red burning patch on my thigh, what should i do")
    assert found.decision is Decision.EMERGENCY
    assert [f.red_flag for f in found.red_flags] == ["burn_or_blistering"]


# #16: "stop asking about pregnancy" names a question, not a pregnancy; "my pregnancy" still counts
@pytest.mark.parametrize("text, pregnant", [
    ("no i mean stop asking about pregnancy lol", False),
    ("no i mean the pregnancy question. change it to yes", False),
    ("can you stop asking me about my pregnancy, im 20 weeks", True),
])
def test_a_question_about_pregnancy_is_no_pregnancy(text, pregnant):
    assert any(m.condition == "pregnancy" for m in recognise(text).affirmed()) is pregnant


# #13: "tumor no. fracture no" answers no; "i have a tumor, no doubt" is a tumour
@pytest.mark.parametrize("text, affirmed", [
    ("tumor no. fracture no", False),
    ("epilepsy? no, never", False),
    ("i have a tumor, no doubt", True),
    ("eczema no longer flares", True),
])
def test_a_condition_followed_by_no_is_denied(text, affirmed):
    assert bool(recognise(text).affirmed()) is affirmed


# #26: an age told after the question is a child's
def test_an_age_after_the_question_is_a_child():
    found = recognise("so its fine for him to use it? hes 12").affirmed()
    assert [m.condition for m in found] == ["a child"]
    assert not recognise("is it safe for my dad? he is 72").mentions


# #20: a deletion request about an earlier chat is not a new mention
def test_an_earlier_chat_named_in_a_deletion_request():
    from components.safety_policy import _TOLD_BEFORE

    assert _TOLD_BEFORE.search("I chatted here last week about my pregnancy. please delete everything")


# #10: another place than the device, told of oneself, is a status follow-up
def test_nowhere_near_the_device_is_a_follow_up():
    text = "the pad is only on my lower back, nowhere near my chest. still a problem?"
    assert hinted_intent(text, "ask_purchase", 0.79) == "ask_followup"


# #12, #17: free-text "no" in the check's own words; the condition named with them still counts
@pytest.mark.parametrize("rule, text", [
    ("pregnancy", "lol hes a 68 yr old man"),
    ("skin_infection_or_eczema", "my skin is fine"),
    ("reduced_sensation", "feeling is normal everywhere"),
])
def test_plain_words_answer_no(rule, text):
    from tests.test_actions import form_turn, slot_events

    _, events = form_turn(text, f"screen_{rule}", intent="nlu_fallback")
    assert slot_events(events)[f"screen_{rule}"] == "no"


def test_a_reply_naming_the_condition_is_no_plain_no():
    from tests.test_actions import form_turn, slot_events

    _, events = form_turn(
        "skin is fine apart from an eczema flare on my hands", "screen_skin_infection_or_eczema",
        intent="nlu_fallback",
    )
    assert slot_events(events).get("screen_skin_infection_or_eczema") != "no"


# #27: "the oncologist says im clear" is the all-clear
def test_the_oncologists_all_clear_is_no_cancer_now():
    text = "the cancer is gone though, the oncologist says im clear. its just the shoulder stiffness"
    assert not recognise(text).affirmed()
    assert recognise("i see an oncologist for my breast cancer").affirmed()
