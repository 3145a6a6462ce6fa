"""User study round 21 (docs/user-study/2026-12-06-round21): each finding's cause, tested without Rasa servers
where it can be (the conversations themselves are in tests/scenarios/real_users_dev21.yml)."""

import pytest
from rasa_sdk.executor import CollectingDispatcher

from padsafety.answers import Answer, parse_answer
from padsafety.conversation import (
    SEE_DOCTOR_NERVE,
    SEE_DOCTOR_SORE,
    local_elsewhere_answer,
    see_doctor_answer,
    taken_back_conditions,
)
from padsafety.intent_hints import hinted_intent, topic_intent
from padsafety.recognition import recognise
from tests.test_user_study_round16 import _check_tracker


# #2: a slow-healing sore is a wound to have checked, never the spinal emergency text
def test_a_sore_is_checked_as_a_wound_not_as_nerve_signs():
    answer = see_doctor_answer("should i be worried about the sore?", "diabetic, numb toes, a sore on a toe")
    assert answer == SEE_DOCTOR_SORE and "bladder" not in answer
    nerve = see_doctor_answer("should i see a doctor about it?", "my leg is numb and tingling")
    assert nerve == SEE_DOCTOR_NERVE


# #2: a hot red lump while breastfeeding, with a fever, is an infection to see about, never a tumour; a lump
# alone still counts as one
@pytest.mark.parametrize("text, cancer", [
    ("im breastfeeding and theres a hot red lump in my breast and i have a fever", False),
    ("there is a hard lump in my breast that wont go away", True),
    ("i found a lump in my breast", True),
])
def test_a_lump_with_signs_of_mastitis_is_no_tumour(text, cancer):
    found = recognise(text)
    assert any(m.rule_id == "cancer_in_area" for m in found.affirmed()) is cancer
    assert found.affirmed()


# #4: "I guess no then", "I suppose yes then", "and no to this one" answer the question
@pytest.mark.parametrize("text, answer", [
    ("i guess no then, its healing fine", Answer.NO),
    ("I suppose yes then", Answer.YES),
    ("and no to this one", Answer.NO),
    ("i guess so", Answer.UNKNOWN),
])
def test_reluctant_answers_are_answers(text, answer):
    assert parse_answer(text) is answer


# #4: an ambiguous condition word answering "any other medical condition?" is a yes, never a no
def test_an_ambiguous_condition_named_in_the_check_is_a_yes(domain):
    import asyncio

    from actions.forms import ValidateScreeningForm

    slots = {"requested_slot": "screen_other_condition", "screen_pregnancy": "no"}
    tracker = _check_tracker(
        "run the check", slots, text="just the lyme but my doc is treating it", intent="report_red_flag"
    )
    form = ValidateScreeningForm()
    events = asyncio.run(form.get_extraction_events(CollectingDispatcher(), tracker, domain))
    values = {e["name"]: e["value"] for e in events if e.get("event") == "slot"}
    assert values["screen_other_condition"] == "yes"


# #6: "already closed up" takes the open wound back, without naming it
@pytest.mark.parametrize("text, taken", [
    ("its tiny tho and already closed up. so am i fine?", {"open wound"}),
    ("so am i fine?", set()),
])
def test_a_wound_that_has_closed_is_taken_back(text, taken):
    assert taken_back_conditions(recognise(text), text) == taken


# round 20, #6: another part of the body than a local injury's is no doctor question
def test_another_body_part_than_the_injury_is_not_a_doctor_question():
    earlier = ["calves sore after runs, worth a pad?", "and what about my knees, runners knee"]
    answer = local_elsewhere_answer("can i use it on my calves or not", earlier, "ask_doctor",
                                    ["tendon and bursa problems"])
    assert answer is not None and "elsewhere" in answer
    knee = local_elsewhere_answer("and on the knee?", earlier, "ask_doctor", ["tendon and bursa problems"])
    assert knee is None
    assert local_elsewhere_answer("and my calves?", ["i have diabetes"], "ask_doctor", ["diabetes"]) is None


# #8: "insulin pomp" is the pump
def test_a_misspelt_insulin_pump_is_a_device():
    found = recognise("i have the insulin pomp on my belly").affirmed()
    assert any(m.rule_id == "implanted_device" for m in found)


# #11: what the classifier misreads
@pytest.mark.parametrize("text, guess, wanted", [
    ("im dying to try one of these", "out_of_scope", "ask_benefits"),
    ("actually can i talk to a real doctor or nurse through this?", "ask_limitation_medical_substitute",
     "request_human"),
])
def test_the_hints_read_these(text, guess, wanted):
    assert hinted_intent(text, guess, 0.6) == wanted


# ("which brand is best" stays the purchase answer: brands are business questions in issue #14)
def test_which_brand_is_best_stays_a_business_question():
    assert topic_intent("which brand is best", "ask_purchase", 0.7) is None


# #1: a newborn's jaundice is a condition of theirs; #9: a hearing aid gets its own answer
def test_a_newborns_jaundice_is_their_condition():
    found = recognise("my newborn had jaundice and light treatment in hospital, can i use the pad on him")
    assert [m.experiencer.value for m in found.affirmed()] == ["other"]


def test_a_hearing_aid_is_answered_with_care_not_the_pacemaker_rule():
    from padsafety.conversation import beyond_source_topic

    topic = beyond_source_topic("i wear hearing aids, can i use the pad on my neck?")
    assert topic is not None and topic.id == "hearing_aid" and "audiologist" in topic.answer
    assert not recognise("i wear hearing aids, can i use the pad on my neck?").affirmed()
