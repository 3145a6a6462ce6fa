"""User study round 36: each cause, tested without Rasa servers (the conversations are in
tests/scenarios/real_users_dev31.yml, ids d37-). New wordings."""

import pytest

from components.safety_policy import _STATUS_CUE
from padsafety.conversation import (
    EMERGENCY_IN_PROGRESS,
    SHORT_USE,
    beyond_source_topic,
    doctor_approved,
    tell_emergency_team,
)
from padsafety.intent_hints import topic_intent
from padsafety.recognition import Experiencer, recognise


@pytest.mark.parametrize("text, intent", [
    # a reaction to the pad beside words of buying (#14: "That's your choice")
    ("never mind the refund, it left a red mark on my leg. keep using it?", "ask_purchase"),
    # "is that a burn?" read as a follow-up (#14: "I didn't understand")
    ("is this a burn??", "ask_followup"),
])
def test_a_reaction_to_the_pad_is_answered(text, intent):
    assert topic_intent(text, intent, 0.9) == "ask_not_in_source"
    assert beyond_source_topic(text).id == "skin_reaction"


def test_what_to_tell_the_emergency_team():
    said = tell_emergency_team(["pacemaker"])
    assert said.startswith("I can't tell whether the pad caused it; the emergency team can.")
    assert "about the pacemaker" in said and "112 or 911" in said
    assert "utter_emergency_help_coming" in EMERGENCY_IN_PROGRESS


@pytest.mark.parametrize("text, short", [
    ("what if i only do like 5 minutes on low?", True),
    ("what if he only uses it for 2 minutes on his knee", True),
    ("i only do yoga on sundays", False),
])
def test_a_short_session(text, short):
    assert bool(SHORT_USE.search(text)) is short


def test_can_i_do_my_hands_asks_for_the_verdict():
    assert _STATUS_CUE.search("so can i do my hands tonight")


@pytest.mark.parametrize("text, topic", [
    ("so theres a chance it works on her cancer if she uses it 2 weeks?", "tumour_claims"),
    ("what about metal plates in my shin from an old fracture?", "metal_implant"),
])
def test_claims_and_metal_find_their_topic(text, topic):
    assert beyond_source_topic(text).id == topic


@pytest.mark.parametrize("text, general", [
    # a question's leading "and" (#23: "And what about an insulin pump?" read as the user's own)
    ("And what about an insulin pump?", True),
    ("so what about a pacemaker?", True),
    ("and what about my insulin pump?", False),
])
def test_a_question_about_a_device_after_and(text, general):
    mentions = recognise(text).mentions
    assert mentions and (mentions[0].experiencer is Experiencer.GENERAL) is general


@pytest.mark.parametrize("text, approved", [
    ("My rheumatologist said yes actually", True),
    ("My doctor has approved the pad for me.", True),
    ("my doctor said yes, its lupus", False),
    ("what would my doctor say?", False),
])
def test_a_doctors_yes(text, approved):
    assert doctor_approved(text) is approved
