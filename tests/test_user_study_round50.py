"""User study round 50 (docs/user-study/2026-12-08-round50/): the causes fixed the same session, tested
without Rasa servers (the conversations are in tests/scenarios/real_users_dev43.yml, ids d51-, which the
end-to-end suite plays over REST). New wordings beside the study's, and lookalikes that keep their old
reading."""

import pytest

from padsafety.answers import Answer, parse_answer
from padsafety.conversation import (
    CAUSE_QUESTION,
    NOT_A_YES_NO,
    FollowUp,
    beyond_source_topic,
    followup_kind,
    status_answer,
    taken_back_conditions,
    yes_or_no_of,
)
from padsafety.inputs import after_acknowledgement, split_questions
from padsafety.intent_hints import first_topic_intent, hinted_intent, needs_cue, topic_intent
from padsafety.recognition import recognise


def _topic(text):
    found = beyond_source_topic(text.lower())
    return found.id if found else None


# #27: "and if the test is negative?" after a stopped check was taken as "no", and the unanswered questions as
# no contraindication
@pytest.mark.parametrize("text", [
    "and if the test is negative?",
    "what if the test says no",
    "suppose my period comes tomorrow?",
])
def test_a_test_result_still_to_come_takes_nothing_back(text):
    assert taken_back_conditions(recognise(text), text) == set()


def test_a_negative_test_told_still_takes_the_pregnancy_back():
    text = "did a test, it's negative, not pregnant"
    assert taken_back_conditions(recognise(text), text) == {"pregnancy"}


def test_the_test_to_come_is_answered_with_the_verdict_kept():
    answer = status_answer(None, "do_not_use", ["pregnancy"], "and if the test is negative?")
    assert "don't use" in answer and "safety check" in answer


@pytest.mark.parametrize("text, expected", [
    ("actually can i stop, im gonna take a test first", "stop"),
    ("how many more of these? can we just stop and you tell me what you've got", "stop"),
    ("can we stop here", "stop"),
    ("can I stop using it if it gets hot?", None),
])
def test_asking_to_stop_the_check(text, expected):
    assert hinted_intent(text, "deny", 0.6) == expected


# #34: the cuts told as closed after the open-wound verdict
@pytest.mark.parametrize("text", [
    "theyre closed, no scab, just pink and a bit tender",
    "they are NOT open. closed up. you got that wrong",
    "it's all healed now",
])
def test_closed_cuts_take_the_open_wound_back(text):
    assert taken_back_conditions(recognise(text), text) == {"open wound"}


def test_the_shop_being_closed_is_no_wound():
    assert taken_back_conditions(recognise("is the shop closed?"), "is the shop closed?") == set()


# #23: "its closed, just a scab" at the open-wound question
def test_a_scab_answers_the_wound_question_no():
    from padsafety.conversation import answer_cue

    assert answer_cue("open_wound", "its closed, just a scab", negative=True)


# #18: the cause asked a turn after "switch the pad off"
def test_the_cause_asked_during_an_emergency():
    assert CAUSE_QUESTION.search("ambulance is coming. is it the pad that did this??")


# #35, #30: a plain yes or no asked for, and the question inside a complaint
def test_not_a_yes_or_no():
    assert NOT_A_YES_NO.search("thats not a yes or no")
    assert NOT_A_YES_NO.search("just give me a straight answer")
    assert not NOT_A_YES_NO.search("is it a yes or no question?")
    assert "maybe" in yes_or_no_of("utter_limitation_variability").lower()
    assert yes_or_no_of("utter_limitation_weight_loss").startswith("No. ")
    assert yes_or_no_of("action_assess_condition") is None


@pytest.mark.parametrize("text, intent, expected", [
    ("ok who makes the best one in your opinion", "out_of_scope", "ask_purchase"),
    ("ok last one, how long have people been studying this", "nlu_fallback", "ask_evidence"),
    ("ok. does it help with anything skin related then?", "ask_benefits", "ask_limitation_anti_aging"),
    ("my shoulder has hurt for like a month when i lift my arm, should i keep using it or what",
     "out_of_scope", "ask_benefit_muscle_joint"),
    ("thats not a yes or no", "affirm", "ask_followup"),
    ("great thanks. and do you know any good brands?", "thank", "ask_purchase"),
    ("omg. forget fat. wat else does it do. muscles? skin?", "ask_limitation_anti_aging", "ask_benefits"),
    ("i mean the old conversation on my other phone, is that deleted now or not", "request_forget",
     "ask_not_in_source"),
])
def test_cues(text, intent, expected):
    assert hinted_intent(text, intent, 0.5) == expected


def test_a_fat_question_set_aside_needs_another_word():
    assert needs_cue("ask_limitation_weight_loss", "forget fat. wat else does it do")
    assert not needs_cue("ask_limitation_weight_loss", "does it burn fat")


def test_the_question_after_a_nod():
    assert after_acknowledgement("great thanks. and do you know any good brands?") == (
        "and do you know any good brands?"
    )
    assert after_acknowledgement("thanks. bye") == ""
    assert after_acknowledgement("thanks!") == ""


# #17: the chat on another phone
@pytest.mark.parametrize("text", [
    "wait does that include the chat from last week too? i used my other phone",
    "so how do i get rid of the one on my other phone",
])
def test_another_phones_chat_is_the_privacy_answer(text):
    assert _topic(text) == "privacy"
    assert topic_intent(text, "request_forget", 0.9) == "ask_not_in_source"


def test_deleting_this_chat_stays_a_deletion():
    assert topic_intent("please delete everything you stored about me", "request_forget", 0.9) is None


# #29: the power supply asked beside a condition told in passing
@pytest.mark.parametrize("text, intent", [
    ("quick q, I have lupus but thats not why im asking, does the pad need to be plugged in or is there a "
     "battery version", "ask_avoid_photosensitivity"),
    ("ok noted, but u didnt answer, battery or plug?", "affirm"),
])
def test_the_power_question_is_answered(text, intent):
    assert first_topic_intent(text, intent) == "ask_not_in_source"
    assert _topic(text) == "device_operation"


def test_a_pacemaker_battery_is_no_power_question():
    assert first_topic_intent("my pacemaker battery was changed last year", "mention_condition") is None


# #37: a reading lamp
def test_bright_enough_to_read_by():
    assert _topic("is the light bright enough to read by lol, thinking of getting one for my bedroom") == (
        "reading_light"
    )


# #14: treating the pet
def test_treating_the_pets_scratch_is_for_a_vet():
    answer = status_answer("utter_pet", None, [], "no i meant can i shine it on her scratch to heal it")
    assert "vet" in answer and "keep pets off" not in answer
    answer = status_answer("utter_pet", None, [], "aw ok. what about my cat, she has a scratch on her ear")
    assert "vet" in answer and "keep pets off" not in answer
    answer = status_answer("utter_pet", None, [], "can she lie next to me while i use it")
    assert "keep pets off" in answer


# #15: "should i go see someone about the shoulder or not"
def test_seeing_someone_is_the_see_a_doctor_question():
    assert followup_kind("so should i go see someone about the shoulder or not") is FollowUp.SEE_DOCTOR


# #15: a request after a question is answered too
def test_a_request_after_a_question_is_a_part_of_its_own():
    assert split_questions("so i just keep wasting my time for 2 more weeks?? i want my money back") == [
        "so i just keep wasting my time for 2 more weeks??", "i want my money back"
    ]


@pytest.mark.parametrize("text, answer", [
    ("haan ji, third month", Answer.YES),
    ("defintely not", Answer.NO),
    ("nahi, no tablets", Answer.NO),
])
def test_answers_in_the_check(text, answer):
    assert parse_answer(text) is answer


# #10, #22: a device already told asked about distance; "how many more of these?" in the check
def test_distance_from_a_told_device_and_the_checks_length():
    from components.safety_policy import _NOT_NEAR
    from padsafety.conversation import asks_about_question

    assert _NOT_NEAR.search("but the pump isnt even near my back?")
    assert _NOT_NEAR.search("it's on the other side from my chest")
    assert not _NOT_NEAR.search("my back is near the window")
    question = "Do you have, or are you being checked for, cancer or a tumour?"
    assert not asks_about_question("how many more of these?", question, "ask_followup")
    assert asks_about_question("what counts as a tumour?", question)


# #26: "no devices, no meds" at the devices question answers the medicines question too
def test_no_devices_no_meds_answers_both_questions():
    from actions.forms import denied_screening_rules

    assert denied_screening_rules(["no devices, no meds"]) == [
        "implanted_device", "photosensitising_medication"
    ]
    assert denied_screening_rules(["I take meds for my blood pressure"]) == []
