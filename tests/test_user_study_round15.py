"""User study round 15 (docs/user-study/2026-12-05-round15): each remaining finding's cause, tested without
Rasa servers (the conversations themselves are in tests/scenarios/real_users_dev15.yml)."""

import pytest

from padsafety.conversation import (
    SEE_DOCTOR_WORSE,
    FollowUp,
    answer_cue,
    followup_kind,
    see_doctor_answer,
    simpler_answer,
)
from padsafety.intent_hints import hinted_intent


# #14: pain that is getting worse is a reason to see a doctor, never the usage text
@pytest.mark.parametrize("text, worse", [
    ("im saying my back pain is getting worse. what do i do", True),
    ("and my back still hurts every day, worse than before honestly", True),
    ("my knee hasn't got any better after 3 weeks", True),
    ("will it make my acne worse?", False),
    ("is it worse to use it every day?", False),
    ("the weather is getting worse", False),
])
def test_worsening_pain_is_a_see_doctor_follow_up(text, worse):
    assert (followup_kind(text) is FollowUp.SEE_DOCTOR) is worse
    if worse:
        assert see_doctor_answer(text) == SEE_DOCTOR_WORSE
        assert hinted_intent(text, "ask_usage_safety", 0.95) == "ask_followup"


def test_the_worsening_answer_sends_to_a_doctor_without_a_new_claim():
    assert "doctor" in SEE_DOCTOR_WORSE and "must not replace medical treatment" in SEE_DOCTOR_WORSE
    assert "cure" not in SEE_DOCTOR_WORSE


# #37: "simpler pls, like im 10" gets the last answer in plain words
@pytest.mark.parametrize("text", [
    "hm, simpler pls. like im 10", "can you say that in plain english?", "too technical, dumb it down",
    "explain it simpler",
])
def test_a_request_for_simpler_words_is_a_follow_up(text):
    assert followup_kind(text) is FollowUp.SIMPLER
    assert hinted_intent(text, "nlu_fallback", 0.2) == "ask_followup"


def test_simpler_answers_keep_the_sources_limits():
    assert simpler_answer("utter_how_it_works").startswith("In plain words")
    assert "cannot cure" in simpler_answer("utter_benefit_muscle_joint")
    assert "doctor" in simpler_answer("utter_benefit_wound_healing")
    assert simpler_answer("utter_unknown_thing") == simpler_answer(None)
    assert "should not use" in simpler_answer(None)


# #41: in a check run for a husband, "he's a man, so no" answers the pregnancy question
@pytest.mark.parametrize("text", ["he's a man, so no", "he is male lol", "men can't get pregnant"])
def test_a_man_is_no_to_the_pregnancy_question(text):
    assert answer_cue("pregnancy", text, negative=True)
    assert not answer_cue("implanted_device", text, negative=True)


# #41: a check run for someone else asks about "they"
def test_questions_of_a_check_for_someone_else_ask_about_them():
    from padsafety.messages import ABOUT_THEM_LEAD, screening_question
    from padsafety.rules import default_rulebook

    rules = default_rulebook().screening_rules
    first = screening_question(1, len(rules), rules[0], for_other=True)
    assert first.startswith(ABOUT_THEM_LEAD) and "Are they pregnant, or could they be pregnant?" in first
    medicine = screening_question(6, len(rules), rules[5], for_other=True)
    assert "Do they take" in medicine and "their skin" in medicine and " you" not in medicine.lower()
    assert "Are you pregnant" in screening_question(1, len(rules), rules[0])


# #36: a closed wound or removed stitches are no open wound, and the correction takes the verdict back
@pytest.mark.parametrize("text, open_wound", [
    ("but the wound is closed, i just said that. it's not open", False),
    ("I had knee surgery 2 weeks ago, the stitches are out and the scar is closed. can the pad help it heal?",
     False),
    ("my cut is still open", True),
    ("the stitches came out and it is open again", True),
    ("the wound is open and oozing", True),
])
def test_a_closed_wound_is_no_open_wound(text, open_wound):
    from padsafety.recognition import recognise

    found = {m.rule_id for m in recognise(text).affirmed()}
    assert ("open_wound" in found) is open_wound


def test_saying_the_wound_is_closed_takes_the_open_wound_back():
    from padsafety.conversation import taken_back_conditions
    from padsafety.recognition import recognise

    text = "but the wound is closed, i just said that. it's not open"
    assert taken_back_conditions(recognise(text), text) == {"open wound"}


# #11: whether the pad burns, asked by a non-native speaker, is no burn of theirs
@pytest.mark.parametrize("text", [
    "no. i ask if pad can burn the skin",
    "thank you. how long i must use it every day? and it make my skin burn?",
    "no no. i mean is the pad hot, can it make burn on me",
])
def test_asking_whether_the_pad_burns_is_no_burn(text):
    from padsafety.recognition import Decision, recognise

    assert recognise(text).decision is Decision.NONE


def test_a_burn_from_the_pad_is_still_an_emergency():
    from padsafety.recognition import Decision, recognise

    assert recognise("the pad gave me a burn").decision is Decision.EMERGENCY
    assert recognise("it made my skin burn and blister").decision is Decision.EMERGENCY


# #42: a scratched hand is no question about a scratched pad; #06: the pad's own colours are a choice of pad
def test_a_scratched_hand_is_not_the_device_topic():
    from padsafety.conversation import beyond_source_topic

    topic = beyond_source_topic
    assert topic("and what about me, i scratched my hand on the same day, small scratch") is None
    assert topic("my pad arrived scratched, is it safe?").id == "device_operation"
    assert topic("do these pads come in different colours? like the pad itself").id == "pad_options"


# #06: a goodbye at the end of a complaint closes the chat
def test_a_goodbye_after_a_complaint_is_a_goodbye():
    assert hinted_intent("thats not what i asked lol. never mind, bye", "ask_followup", 0.9) == "goodbye"


# #25: "so it does nothing for veins?" after varicose veins: the source's circulation answer
def test_help_asked_again_for_a_covered_condition_gets_its_response():
    from padsafety.conversation import help_again_answer

    earlier = ["I have varicose veins in my legs, can the pad replace my compression stockings and pills?"]
    assert help_again_answer("so it does nothing for veins?", earlier) == (
        "response", "utter_benefit_circulation"
    )
    assert help_again_answer("ok thanks", earlier) is None
