"""Development round 29 (tests/safety/dev_round29.yml): one test per cause the batch showed the recognition
layer or the answer parser missed. Each cause has the corpus sentence, close variants a general fix must also
handle, and negatives (the same words in a case that must stay referred or urgent) beside it."""

import pytest

from padsafety.answers import parse_answer
from padsafety.recognition import Decision, recognise
from padsafety.rules import Answer
from tests.recognition_helpers import check_rule, decision, flags_of


# --- a pregnancy begun, after "since": "paused it since my positive pregnancy test" -------------------------
@pytest.mark.parametrize("text", [
    "Review: lovely mask, skin looks brighter, but I've paused it since my positive pregnancy test last "
    "week. Can I carry on?",
    "I stopped using it since my positive pregnancy test",
    "been careful after my positive test, is the wrap ok?",
])
def test_since_a_positive_test(text):
    check_rule(text, "pregnancy")
    assert decision(text) is Decision.REFERRAL, recognise(text)


def test_after_a_pregnancy_is_still_over():
    assert decision("back pain since my pregnancy, can I use the wrap") is not Decision.REFERRAL


# --- gym slang "the pump"; a player called a pacemaker ------------------------------------------------------
@pytest.mark.parametrize("text", [
    "Been chasing the pump all week at the gym, can I use the wrap on my arms after training?",
    "got a massive pump on arm day, will the pad help my biceps recover?",
    "Our hockey team's captain is a real pacemaker on the pitch, we're buying him a pad as a thank you.",
    "she's the pacemaker of the midfield, can I gift her a mask",
])
def test_sport_words_are_no_device(text):
    check_rule(text, None)


@pytest.mark.parametrize("text", [
    "getting an insulin pump fitted before my gym sessions, can I use the wrap",
    "I got a pump fitted last month, can I use the pad after my workouts",
    "I have a pacemaker, I captain the hockey team, can I use the pad on my back",
])
def test_a_real_device_stays_referred(text):
    check_rule(text, "implanted_device")
    assert decision(text) is Decision.REFERRAL, recognise(text)


# --- eyes burning or blurry and sore after a session, light painful -----------------------------------------
@pytest.mark.parametrize("text", [
    "My eyes are burning and streaming after the session and any light is painful",
    "eyes stinging since using the mask and bright light hurts",
    "My eyes went blurry and sore after I used the face mask with them open",
    "my eyes are blurry and painful since the session",
])
def test_eye_injury_after_a_session(text):
    assert "eye_injury" in flags_of(text), recognise(text)


@pytest.mark.parametrize("text", [
    "are my eyes safe with the mask if light is painful for me?",
    "my eyes went a bit tired after the session",
])
def test_eye_questions_are_no_emergency(text):
    assert decision(text) is not Decision.EMERGENCY, recognise(text)


# --- general questions: a blog post, a nurse's patients, the leaflet's advice -------------------------------
@pytest.mark.parametrize("text", [
    "I'm writing a blog post about red light and pregnancy, what are the main concerns?",
    "writing an article on red light therapy and epilepsy, what should I include?",
    "As a nurse, I get asked by patients whether red light is okay with a cochlear implant. "
    "What's the general advice?",
    "my clients ask me whether it's safe with a pacemaker",
    "Why does the leaflet say not to use it on open wounds?",
    "why does the manual say not to use it on eczema?",
])
def test_general_questions(text):
    assert decision(text) is Decision.GENERAL, recognise(text)


@pytest.mark.parametrize("text", [
    "my doctor said not to use it on my open wound, is that right?",
    "I was told not to use it with my pacemaker",
    "I get asked by patients whether it's ok with a pacemaker, and I have one myself",
])
def test_own_condition_after_advice_stays_referred(text):
    assert decision(text) is Decision.REFERRAL, recognise(text)


# --- Pidgin and Patois denials ------------------------------------------------------------------------------
@pytest.mark.parametrize("text", [
    "Me, I no get any sickness o, I just wan know how long to use the pad.",
    "me, i don't have anything, how long per session?",
    "Mi nah pregnant",
])
def test_pidgin_and_patois_denials(text):
    check_rule(text, None)


@pytest.mark.parametrize("text, rule", [
    ("ME, I've had it for years, can I use the pad", "other_condition"),
    ("ME.", "other_condition"),
    ("Mi nah know if mi pregnant", "pregnancy"),
    ("nah, I'm pregnant, can I use it?", "pregnancy"),
])
def test_conditions_beside_those_words_stay(text, rule):
    check_rule(text, rule)


# --- carers and forms filled in for someone else ------------------------------------------------------------
@pytest.mark.parametrize("text", [
    "I care for an 86 year old lady with heart failure, can I use the back pad on her?",
    "I look after an elderly gentleman with a pacemaker, is the wrap ok for him?",
    "Filling this in for my mum: Age 84. Conditions: COPD, angina. Wants: knee wrap.",
    "Asking for my wife: pregnant, 20 weeks, can she use it",
])
def test_someone_the_user_cares_for(text):
    assert decision(text) is Decision.REFERRAL_OTHER, recognise(text)


@pytest.mark.parametrize("text", [
    "I'm an 86 year old woman with heart failure",
    "As an 86 year old woman with heart failure can I use it",
    "Filling this in for my mum: Age 84. Conditions: COPD. I'm pregnant too.",
])
def test_the_users_own_stays_referred(text):
    assert decision(text) is Decision.REFERRAL, recognise(text)


# --- past and fully healed ----------------------------------------------------------------------------------
@pytest.mark.parametrize("text", [
    "Pulled a calf muscle running last spring, healed completely within a month. Can I use the wrap now?",
    "sprained my ankle last summer, fully healed, pad ok?",
    "I had stitches in my chin aged seven, just a faint old scar now. Can I use the mask?",
    "broke my wrist aged nine, can I use the wrap on it",
])
def test_past_and_healed(text):
    check_rule(text, None)


@pytest.mark.parametrize("text", [
    "pulled a calf muscle last spring, healed completely but it's flared up again",
    "had a stroke aged seven, can I use the pad",
    "had a seizure aged nine, never since, is the mask ok",
])
def test_past_that_stays_referred(text):
    assert decision(text) is Decision.REFERRAL, recognise(text)


# --- answers in the check: "had one" with where or when it was ----------------------------------------------
@pytest.mark.parametrize("text", [
    "Had one from strobe lights at a gig",
    "had one at a concert, the flashing lights set it off",
    "had one after a strobe show at a club",
])
def test_had_one_is_yes(text):
    assert parse_answer(text) is Answer.YES


@pytest.mark.parametrize("text", [
    "had nothing like that",
    "never had one",
    "had one at a gig, not sure if it counts",
    "had one from a high temperature as a kid, never since",
])
def test_had_none_is_no_yes(text):
    assert parse_answer(text) is not Answer.YES
