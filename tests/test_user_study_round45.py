"""User study round 45 (docs/user-study/2026-12-07-round45/): the causes fixed the same session, tested
without Rasa servers where they can be (the conversations are in tests/scenarios/real_users_dev38.yml, ids
d46-). New wordings."""

import pytest

from actions.actions import PAUSED_SLOT, ActionScreeningStopped
from actions.forms import ValidateScreeningForm
from padsafety.conversation import INTERIM_REQUEST, RESUME_CHECK, beyond_source_topic, taken_back_conditions
from padsafety.intent_hints import hinted_intent
from padsafety.messages import contact_reply
from padsafety.recognition import recognise
from tests.test_actions import SCREENING_SLOTS, _domain, asked_next, form_turn, make_tracker, run, slot_events


def _answered_before(requested, value="no"):
    return {slot: value for slot in SCREENING_SLOTS[: SCREENING_SLOTS.index(requested)]}


# #14: "och wait, about the first question - I'm actually a few days late, so maybe?" at question 5 was
# recorded as "I don't know" for the implant question
@pytest.mark.parametrize("text, named, value", [
    ("och wait, about the first question - I'm actually a few days late, so maybe?", "screen_pregnancy",
     "yes"),
    ("sorry, back to question 2, maybe, my eczema flared up last night", "screen_skin_infection_or_eczema",
     "unknown"),
    ("about the pregnancy one - not sure actually, could be", "screen_pregnancy", "unknown"),
])
def test_an_answer_to_an_earlier_question_named_goes_to_that_question(text, named, value):
    requested = "screen_implanted_device"
    dispatcher, events = form_turn(text, requested, intent="ask_evidence", **_answered_before(requested))
    slots = slot_events(events)
    assert slots[named] == value
    assert slots.get(requested) is None  # the question asked stays open, and is asked again
    assert asked_next(events).startswith("Question 5 of")
    assert "changed your answer to question" in dispatcher.messages[0]["text"]


def test_a_question_named_without_an_answer_changes_nothing_by_itself():
    requested = "screen_implanted_device"
    _, events = form_turn("about the first question, why do you ask it?", requested, intent="ask_followup",
                          **_answered_before(requested))
    assert slot_events(events).get("screen_pregnancy") is None  # (not set by this message)


# #56: "what mean reduced feeling? like numb?" was recorded as a yes
@pytest.mark.parametrize("text", [
    "what mean reduced feeling? like numb?",
    "what does reduced feeling mean, like pins and needles?",
])
def test_what_a_question_means_is_explained_and_asked_again(text):
    requested = "screen_reduced_sensation"
    dispatcher, events = form_turn(text, requested, intent="ask_not_in_source", **_answered_before(requested))
    assert slot_events(events).get(requested) is None
    assert "feels less than normal" in dispatcher.messages[0]["text"]
    assert asked_next(events).startswith("Question 9 of")


def test_an_owned_condition_with_what_it_means_is_still_an_answer():
    requested = "screen_reduced_sensation"
    _, events = form_turn("yes I have numb toes, what does that mean for me?", requested,
                          **_answered_before(requested))
    assert slot_events(events)[requested] == "yes"


# #14: "I come out in a blotchy rash if I'm in strong sun, is that the same thing?": "I don't know", said
def test_a_sign_asked_about_is_noted_as_unknown_and_said():
    requested = "screen_photosensitivity"
    dispatcher, events = form_turn(
        "hmm my skin goes blotchy if I'm in strong sun, is that the same thing?", requested,
        intent="ask_not_in_source", **_answered_before(requested),
    )
    assert slot_events(events)[requested] == "unknown"
    assert any("noted \"I don't know\" for the question about photosensitivity" in (m.get("text") or "")
               for m in dispatcher.messages)


# #25: "my hands and feet have gone tingly and numb. A friend ... swears by red light for neuropathy" took the
# user's own numbness back ("thanks for correcting me")
@pytest.mark.parametrize("text", [
    "I'm on chemo and my feet have gone numb. A friend swears by red light for neuropathy. Thoughts?",
    "my toes are numb these days, my neighbour says the pad fixed her neuropathy, is that true?",
])
def test_the_users_own_condition_is_not_taken_back_by_a_friend_having_it(text):
    assert "reduced sensation" not in taken_back_conditions(recognise(text), text)


def test_a_condition_given_to_someone_else_is_still_taken_back():
    text = "I don't have neuropathy, my friend does"
    assert "reduced sensation" in taken_back_conditions(recognise(text), text)


# #55: "So final answer, I can use or not?" in the check got the pregnancy question explained
@pytest.mark.parametrize("text", [
    "So final answer, I can use or not?", "straight answer please, i can use it or not",
])
def test_a_final_answer_asked_in_the_check_gets_the_answers_so_far(text):
    assert INTERIM_REQUEST.search(text)


# #55: "no diabetes, no BP, no heart problem, no pacemaker, ... So I am ok to use?" got the topic menu
def test_i_am_ok_to_use_after_denials_starts_the_check():
    text = "I'm 70, no sugar problem, no pacemaker, no epilepsy, just sore hips. So I am ok to use?"
    assert hinted_intent(text, "deny", 0.9) == "request_screening"


# #37, #15, d45: a stopped check started again at question 1
@pytest.mark.parametrize("text", ["ok back. where were we?", "the safety check mate, lets finish it"])
def test_where_were_we_resumes_the_check(text):
    assert RESUME_CHECK.search(text)


def test_a_stopped_check_keeps_its_answers_and_a_resumed_one_gets_them_back():
    answers = {"screen_pregnancy": "no", "screen_skin_infection_or_eczema": "no"}
    stopped = make_tracker("stop for now", "stop", slots={**answers, "requested_slot": None})
    _, events = run(ActionScreeningStopped(), stopped, _domain())
    paused = slot_events(events)[PAUSED_SLOT]
    assert paused == {"for_other": False, "answers": {"pregnancy": "no", "skin_infection_or_eczema": "no"}}

    resumed = make_tracker("ok back, let's finish the questions", "request_screening",
                           slots={PAUSED_SLOT: paused, "requested_slot": None})
    dispatcher, events = run(ValidateScreeningForm(), resumed, _domain())
    slots = slot_events(events)
    assert slots["screen_pregnancy"] == "no" and slots["screen_skin_infection_or_eczema"] == "no"
    assert slots[PAUSED_SLOT] is None
    assert asked_next(events).startswith("Question 3 of")
    assert "where we stopped" in dispatcher.messages[0]["text"]


def test_a_new_check_that_is_no_resumption_starts_again():
    paused = {"for_other": False, "answers": {"pregnancy": "no"}}
    new = make_tracker("is it safe for me?", "request_screening",
                       slots={PAUSED_SLOT: paused, "requested_slot": None})
    _, events = run(ValidateScreeningForm(), new, _domain())
    slots = slot_events(events)
    assert slots[PAUSED_SLOT] is None and "screen_pregnancy" not in slots
    assert asked_next(events).startswith("Question 1 of")


# #1, #16: "is there a brand you'd recommend?", "are the amazon ones genuine?" got the prices line
@pytest.mark.parametrize("text", [
    "any make you'd recommend?", "how do I know if mine is genuine or a knock-off?",
])
def test_a_brand_question_is_told_no_brand_is_recommended(text):
    reply = contact_reply(True, "", False, text=text)
    assert "can't recommend or compare brands" in reply and "refunds" not in reply


def test_a_price_question_keeps_the_purchase_line():
    assert "I can't help with prices" in contact_reply(True, "", False, text="how much is the big one?")


# #29, #63: "do the lights burn out fast?", "do these give off EMF?" got "Thanks for telling me" and a
# treatment line; "I'll sleep on it" got the sleeping-on-the-pad answer and a doctor
@pytest.mark.parametrize("text, topic", [
    ("will the leds burn out quickly?", "device_operation"),
    ("is there any emf from these pads?", "emf"),
    ("does the mask emit radiation? my husband worries", "emf"),
    ("let me sleep on it, thanks", None),
    ("is it ok to sleep on it overnight?", "sleep_on_pad"),
])
def test_new_topics_and_an_idiom(text, topic):
    found = beyond_source_topic(text)
    assert (found.id if found else None) == topic


# #61: "my mate reckons I've got rocks in my head spending money on it" got the purchase refusal
@pytest.mark.parametrize("text", [
    "my sister says I've got rocks in my head buying this, does it do anything?",
    "is it any good or am I throwing money away?",
])
def test_a_sceptic_about_spending_is_the_evidence_question(text):
    assert hinted_intent(text, "ask_purchase", 0.5) == "ask_evidence"


# #16: "so who am I talking to then?" after the seller's answer got "your doctor is the right person"
@pytest.mark.parametrize("text", ["so who am I talking to then?", "wait, who am I chatting with here?"])
def test_who_am_i_talking_to_asks_what_the_bot_is(text):
    assert hinted_intent(text, "ask_followup", 0.6) == "bot_challenge"


# development round 26: "Just found out I am actually!" to the pregnancy question was not read as an answer
@pytest.mark.parametrize("text, value", [
    ("Just found out I am actually!", "yes"),
    ("turns out I do", "yes"),
    ("I am not sure", "unknown"),
])
def test_a_yes_said_with_the_questions_verb(text, value):
    _, events = form_turn(text, "screen_pregnancy", intent="ask_followup")
    assert slot_events(events)["screen_pregnancy"] == value


# #63, #44: "is near infrared dangerous for your eyes?" got the who-should-avoid list, "why avoid the front of
# the neck?" the benefits
@pytest.mark.parametrize("text, intent", [
    ("could the infrared hurt my eyes?", "ask_who_should_avoid"),
    ("why should it stay off the front of the neck?", "ask_benefits"),
    ("do the pads give off electromagnetic radiation?", "ask_limitation_medical_substitute"),
])
def test_eyes_neck_and_emf_get_their_own_answers(text, intent):
    from padsafety.intent_hints import topic_intent

    assert topic_intent(text, intent, 0.9) == "ask_not_in_source"


@pytest.mark.parametrize("text, intent", [
    ("what can it do for my face?", "ask_benefits"),
    ("I have a thyroid problem, who should avoid it?", "ask_who_should_avoid"),
])
def test_other_face_questions_and_conditions_keep_their_intent(text, intent):
    from padsafety.intent_hints import topic_intent

    assert topic_intent(text, intent, 0.9) is None
