"""User study round 31: each cause, tested without Rasa servers (the conversations themselves are in
tests/scenarios/real_users_dev28.yml). New wordings, not the transcripts'."""

import pytest

from padsafety.answers import parse_answer
from padsafety.conversation import (
    GIVE_UP,
    NO_EFFECT,
    asks_after_it_ends,
    asks_to_use_meanwhile,
    beyond_source_topic,
)
from padsafety.messages import contact_reply
from padsafety.rules import Answer


# #35: after chest-pain advice, "it's not the pad. should I just lie down and wait?" got the list of what the
# pads cannot do, then "Thanks for telling me"
@pytest.mark.parametrize("text", [
    "i'm not even using the pad. can i just rest and wait?",
    "should we wait and see if it passes?",
])
def test_waiting_after_emergency_advice_gets_dont_wait(text):
    from components.safety_policy import UTTER_DONT_WAIT, UTTER_EMERGENCY, safety_plan

    assert safety_plan(text, "ask_limitations", False, UTTER_EMERGENCY, UTTER_EMERGENCY) == [UTTER_DONT_WAIT]


def test_not_the_pad_ends_only_burn_advice():
    from components.safety_policy import (
        FOLLOWUPS,
        UTTER_EMERGENCY,
        UTTER_EMERGENCY_BURN,
        safety_plan,
    )

    text = "it's not from the pad, I haven't used it today"
    assert safety_plan(text, "deny", False, UTTER_EMERGENCY, UTTER_EMERGENCY) == [FOLLOWUPS[UTTER_EMERGENCY]]
    assert FOLLOWUPS[UTTER_EMERGENCY_BURN] not in safety_plan(
        text, "deny", False, UTTER_EMERGENCY_BURN, UTTER_EMERGENCY_BURN
    )


# #13, #28, #32, #41, #9, #3: plans in other words got the verdict again or a menu
@pytest.mark.parametrize("text", [
    "ok i ask my gp. danke",
    "fine, I'll bring it up at the baby's check-up",
    "ok I'll ask him at my next appointment in april",
    "we'll see the physio together then",
    "ok maybe ill get my knee looked at",
    "thanks, I'll skip it on match days then",
    "ok, will do",
])
def test_plans_in_other_words_close_the_chat(text):
    from components.safety_policy import _closes_chat

    assert _closes_chat("affirm", text), text


@pytest.mark.parametrize("text", ["can i ask my doctor?", "I'll see if the pad helps first"])
def test_questions_and_trials_are_no_plan(text):
    from components.safety_policy import _closes_chat

    assert not _closes_chat("affirm", text)


# #27: "can't get to a doctor till monday, can I use it meanwhile?" after a possible broken wrist
@pytest.mark.parametrize("text, asks", [
    ("GP's closed till Tuesday, can I put the pad on it in the meantime?", True),
    ("can I or can't I use it on my ankle for now?", True),
    ("what does a fracture look like?", False),
    ("my GP can't see me until Friday, should I go somewhere sooner?", False),
])
def test_using_the_pad_before_a_broken_bone_is_seen(text, asks):
    assert asks_to_use_meanwhile(text) is asks


def test_the_follow_up_after_a_possible_fracture_says_no():
    from actions.conversation import ActionFollowUp
    from tests.test_user_study_round30 import _run

    slots = {"known_verdict": "ask_doctor", "known_rules": ["other_condition"],
             "known_conditions": ["fracture"]}
    said = _run(ActionFollowUp(), "can I use it meanwhile for the pain?", intent="ask_usage_safety",
                slots=slots)
    assert said[0]["text"].startswith("No: don't use the pad on a possibly broken bone")


# #9: "should I just give up?" after weeks with no change got only the refund line, then "results vary" again
@pytest.mark.parametrize("earlier, now", [
    ("four weeks in and my knee is no better", "is it worth continuing or should I quit?"),
    ("it hasn't helped my back at all", "so do I keep going?"),
])
def test_keep_or_give_up_after_no_effect(earlier, now):
    from actions.conversation import ActionFollowUp
    from tests.test_user_study_round30 import _run

    assert NO_EFFECT.search(earlier) and GIVE_UP.search(now)
    events = [{"event": "user", "text": earlier}, {"event": "user", "text": now}]
    said = _run(ActionFollowUp(), now, intent="ask_followup", events=events)
    assert said[0]["text"].startswith("That's your choice")


# #14: "the course ends in 5 days, can I start after that?" after doxycycline
@pytest.mark.parametrize("text", [
    "my antibiotics finish on friday, can I start then?",
    "can I use it after the tablets are all finished?",
])
def test_a_medicine_course_ending_is_about_later(text):
    assert asks_after_it_ends(text, ["photosensitising_medication"])


# #18: "not taking anything" at the medicines question was asked again
@pytest.mark.parametrize("text", ["not taking anything", "no meds", "I don't take anything"])
def test_taking_nothing_is_no(text):
    assert parse_answer(text) is Answer.NO


# #26: "my skin is a bit red for like an hour after, is that normal?" got the wound-healing answer
def test_redness_after_a_session_is_a_reaction():
    assert beyond_source_topic("my skin stays a bit red after using it, normal?").id == "skin_reaction"


# #10: "is there a phone number or email for support?" got the same line three times
def test_the_contact_reply_says_where_to_find_a_sellers_contact():
    assert "order confirmation" in contact_reply(True, "", medical=False)
    assert "order confirmation" in contact_reply(False, "", medical=False)
    assert "support@example.org" in contact_reply(True, "support@example.org", medical=False)


# #11: "what do you still know about me?" right after a deletion got "I can only help with ..."
def test_what_is_known_after_a_deletion_is_asked():
    from components.safety_policy import _ASKS_IF_DELETED

    assert _ASKS_IF_DELETED.search("so what do you still know about me?")


# #27: "surgery's shut until monday" (a GP's practice, British) was read as recent surgery
@pytest.mark.parametrize("text, operation", [
    ("the surgery's closed till Tuesday, can I use the pad meanwhile?", False),
    ("phoned the GP surgery, no appointments until next week", False),
    ("my surgery was on Friday, can I use it on the scar?", True),
])
def test_a_doctors_surgery_is_no_operation(text, operation):
    from padsafety.recognition import recognise

    found = any(m.condition == "recent surgery" for m in recognise(text).affirmed())
    assert found is operation
