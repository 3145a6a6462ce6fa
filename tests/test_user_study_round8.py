"""User study round 8 (docs/user-study/2026-12-05-round8): each finding's cause, tested without Rasa servers
(the conversations themselves are in tests/scenarios/real_users_dev8.yml)."""

import pytest

from components.safety_policy import (
    _STATUS_CUE,
    OTHER_AREA,
    UTTER_EMERGENCY,
    UTTER_EMERGENCY_FOLLOWUP,
    _holds_verdict,
    _needs_verdict_reminder,
    safety_plan,
)
from padsafety.conversation import (
    INTERIM_REQUEST,
    SEE_DOCTOR_INJURY,
    WHY_IT_MATTERS,
    WHY_QUESTION,
    FollowUp,
    beyond_source_topic,
    followup_kind,
    interim_answer,
    see_doctor_answer,
)
from padsafety.intent_hints import hinted_intent, topic_intent
from padsafety.medicines import asks_to_change_medicine
from padsafety.recognition import recognise
from padsafety.rules import Verdict, default_rulebook
from tests.test_actions import form_turn, make_tracker, run
from tests.test_safety_policy import _tracker


# 1 (#26): during an emergency, messages about the emergency itself keep the emergency follow-up
@pytest.mark.parametrize("text, intent", [
    ("the operator is telling me to do cpr. ok", "ask_limitation_medical_substitute"),
    ("ambulance is on the way, what do i do now", "ask_how_it_works"),
    ("they said start chest compressions, how hard", "ask_usage_safety"),
    ("what should i do until they get here", "ask_benefits"),
])
def test_the_emergency_itself_keeps_the_emergency_follow_up(text, intent):
    plan = safety_plan(text, intent, False, UTTER_EMERGENCY_FOLLOWUP, UTTER_EMERGENCY)
    # ("ambulance is on the way" gets its own hand-off since user study round 33, #31)
    coming = "utter_emergency_help_coming"
    assert plan == ([coming] if "on the way" in text else [UTTER_EMERGENCY_FOLLOWUP])
    # a question about the pad, or thanks, still moves on
    assert safety_plan("what can it do for muscles?", "ask_benefit_muscle_joint", False,
                       UTTER_EMERGENCY_FOLLOWUP, UTTER_EMERGENCY) == []


# 2 (#56, #12): another body part after a verdict gets the verdict; without a verdict, the implant note is
# only about the implant
@pytest.mark.parametrize("text", [
    "ok and on my face then? just for skin glow",
    "and my other knee which has no implant?",
    "but her other arm?",
    "so on my hands instead?",
])
def test_another_body_part_after_a_verdict_keeps_it(text):
    assert OTHER_AREA.search(text)
    tracker = _tracker("I'm 8 weeks pregnant", text, slots={"known_verdict": "do_not_use",
                                                            "known_conditions": ["pregnancy"]})
    assert _holds_verdict(tracker, "ask_limitation_anti_aging", text, 0.9)


def test_another_body_part_without_the_implant_gets_a_plain_answer():
    for text in ("and my other knee which has no implant?", "my other knee without the implant"):
        topic = beyond_source_topic(text)
        assert topic is not None and topic.id == "implant_elsewhere"
        assert "pacemaker" not in topic.answer and "manual" in topic.answer
        assert topic_intent(text, "ask_avoid_implanted_device", 0.9) == "ask_not_in_source"
    assert beyond_source_topic("I had a hip replacement, is it ok over it?").id == "metal_implant"


# 3 (#46): a hot, swollen body part and "could it be broken?" are an injury, not the pad's heat
@pytest.mark.parametrize("text", [
    "i meant my ankle is hot not the pad lol. could it be broken?",
    "my ankle is hot and swollen, could it be broken?",
    "twisted my ankle, its swollen, hot and i can barely walk on it",
])
def test_a_hot_body_is_not_the_heat_topic(text):
    topic = beyond_source_topic(text)
    assert topic is None or topic.id != "heat"


def test_could_it_be_broken_is_see_a_doctor_first():
    text = "i meant my ankle is hot not the pad lol. could it be broken?"
    assert followup_kind(text) is FollowUp.SEE_DOCTOR
    assert see_doctor_answer(text) == SEE_DOCTOR_INJURY
    assert hinted_intent(text, "ask_usage_safety", 0.9) == "ask_followup"
    # the pad's own heat is still its topic
    assert beyond_source_topic("does the pad get hot?").id == "heat"


# 4 (#33): an open wound told without "I" is remembered, and "on the scar or not?" gets the verdict
def test_can_i_or_not_holds_the_verdict_whatever_the_intent():
    text = "so can i use it on the scar or not"
    assert _STATUS_CUE.search(text)
    tracker = _tracker("the wound is still open", text, slots={"known_verdict": "do_not_use",
                                                               "known_conditions": ["open wound"]})
    for intent in ("request_screening", "ask_not_in_source", "ask_benefit_wound_healing"):
        assert _holds_verdict(tracker, intent, text, 0.9)
        assert not _needs_verdict_reminder(tracker, intent, "action_listen", text)


def test_a_condition_told_as_a_statement_without_i_is_remembered(domain):
    from actions.actions import ActionAssessCondition

    text = "had a c-section 10 days ago, the wound is still open in one spot. can the pad speed up healing?"
    _, events = run(ActionAssessCondition(), make_tracker(text, "mention_condition"), domain)
    slots = {e["name"]: e["value"] for e in events if e.get("event") == "slot"}
    assert slots.get("known_verdict") == "do_not_use"
    # a bare question about a condition is still nobody's
    _, events = run(ActionAssessCondition(), make_tracker("why the pacemaker thing?", "ask_followup"), domain)
    assert not any(e.get("name") == "known_verdict" for e in events)


# 5 (#20): a rash the pad caused is a skin reaction (stop, see a doctor if it does not settle), not eczema
@pytest.mark.parametrize("text, intent", [
    ("this stupid pad gave me a red rash and you people said it was safe. useless", "express_frustration"),
    ("i dont have eczema!! the rash came FROM your pad after using it. what do i do now", "ask_purchase"),
    ("yes, a red itchy rash on my thigh where the pad was. should i keep using it??",
     "ask_avoid_skin_conditions"),
])
def test_a_rash_from_the_pad_is_a_skin_reaction(text, intent):
    assert not recognise(text).affirmed()
    assert beyond_source_topic(text).id == "skin_reaction"
    assert topic_intent(text, intent, 0.9) == "ask_not_in_source"
    answer = beyond_source_topic(text).answer
    assert "stop using the pad" in answer and "doctor" in answer


def test_a_rash_of_ones_own_is_still_a_condition():
    assert "eczema" in {m.condition for m in recognise("I have eczema, a red rash on my arms").affirmed()}


# 6 (#17): mid-check, "just tell me now" gets the verdict so far, then the same question
@pytest.mark.parametrize("text", [
    "ugh this is long. can you just tell me now if i can use it or not", "so can i or not??",
    "just give me the answer",
])
def test_an_interim_request_in_the_check_gets_the_verdict_so_far(text):
    assert INTERIM_REQUEST.search(text)
    dispatcher, events = form_turn(text, "screen_implanted_device", intent="request_screening",
                                   screen_pregnancy="yes", screen_skin_infection_or_eczema="no")
    said = " ".join(m.get("text") or "" for m in dispatcher.messages)
    assert "From your answers so far (Pregnancy)" in said and "should not use" in said
    assert {"event": "slot", "name": "screen_implanted_device", "value": None, "timestamp": None} in [
        {k: e.get(k) for k in ("event", "name", "value", "timestamp")} for e in events
    ]


def test_an_interim_answer_is_never_a_green_light():
    assert "not a green light" in interim_answer({"pregnancy": "no"})
    assert "ask your doctor" in interim_answer({"pregnancy": "no", "seizures": "unknown"})


# 7 (#43): trying to conceive is not pregnancy: ask your doctor, not "do not use"
def test_trying_to_conceive_is_not_pregnancy():
    text = "we're trying for a baby, not pregnant yet. can i still use the pad on my tummy for period cramps?"
    named = {m.condition for m in recognise(text).affirmed()}
    assert named == {"trying to conceive"}
    assert default_rulebook().assess_conditions(named).verdict is Verdict.ASK_DOCTOR
    # a possible pregnancy told as such keeps the pregnancy rule (the check's "could you be pregnant?")
    maybe = {m.condition for m in recognise("my period is late, i might be pregnant").affirmed()}
    assert maybe == {"pregnancy"}
    assert not recognise("we're not trying for a baby or anything").affirmed()


# 8 (#06): changing a medicine because of the pad is the medicine answer; a complaint gets an apology
def test_cutting_down_a_medicine_is_the_medical_substitute_question():
    text = "If it helps my feet, can I then cut down on my metformin?"
    assert asks_to_change_medicine(text)
    assert hinted_intent(text, "ask_limitation_anti_aging", 0.8) == "ask_limitation_medical_substitute"
    assert not asks_to_change_medicine("can i cut down on carbs instead?")
    assert not asks_to_change_medicine("can i stop using it halfway?")


def test_a_complaint_about_the_answer_is_an_apology_not_its_reason():
    text = "why are you telling me about wrinkles? I asked about my pills"
    assert followup_kind(text) is FollowUp.MISREAD
    assert hinted_intent(text, "ask_limitation_anti_aging", 0.8) == "ask_followup"
    assert followup_kind("why are wrinkles out of reach?") is not FollowUp.MISREAD


def test_the_follow_up_action_apologises_for_a_missed_question(domain):
    from actions.conversation import ActionFollowUp

    text = "why are you telling me about wrinkles? I asked about my pills"
    dispatcher, _ = run(ActionFollowUp(), make_tracker(text, "ask_followup"), domain)
    assert dispatcher.messages[0]["text"].startswith("Sorry, that answer missed your question")


# 9 (#39): "why does it matter on my shoulder?" after the device verdict: the rule's reason
@pytest.mark.parametrize("text", [
    "why does it matter on my shoulder?",
    "you're just repeating yourself. i asked WHY it matters if its on my shoulder",
])
def test_why_it_matters_after_a_verdict_is_the_rules_reason(text, domain):
    from actions.conversation import ActionFollowUp

    assert WHY_IT_MATTERS.search(text) and WHY_QUESTION.search(text)
    slots = {"known_verdict": "do_not_use", "known_rules": ["implanted_device"],
             "known_conditions": ["implanted electronic device"]}
    dispatcher, _ = run(ActionFollowUp(), make_tracker(text, "ask_benefit_muscle_joint", slots=slots), domain)
    said = dispatcher.messages[0]["text"]
    assert said.startswith("Because of what you told me") and "interfere" in said


@pytest.mark.parametrize(
    "text, intent",
    [
        ("should I avoid it on irritated skin", "ask_avoid_skin_conditions"),  # who should avoid it
        ("there's a nasty burn where the pad was", "report_red_flag"),  # the emergency, not the topic
    ],
)
def test_the_skin_reaction_topic_leaves_avoid_questions_and_burns_alone(text, intent):
    # found on the NLU training data and the candidate round-5 examples: the broader override of round 8
    # turned these right intents into ask_not_in_source
    assert topic_intent(text, intent, 0.9) is None
    caused = "the pad gave me a red rash, should i avoid it?"
    assert topic_intent(caused, "ask_avoid_skin_conditions", 0.9) == "ask_not_in_source"
