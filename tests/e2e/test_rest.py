"""What the assistant really says, over HTTP, with the custom actions running."""

import pytest

from padsafety.rules import load_rulebook
from padsafety.scenarios import ANY_REFERRAL, CONDITION_MENTIONS
from padsafety.scenarios import SELF_REFERRAL as REFERRAL

EMERGENCY = "emergency"
QUESTIONS = len(load_rulebook().screening_rules)


RED_FLAGS = [
    "I have crushing chest pain right now",
    "my face is drooping and my speech is slurred",
    "the pad burned my skin and it's blistering",
    "I want to kill myself",
]


def test_first_reply_carries_the_disclaimer(servers, sender):
    text = servers.say(sender, "hello")
    assert "not a medical assessment" in text
    assert "substitute for a doctor" in text


@pytest.mark.parametrize("message", CONDITION_MENTIONS)
def test_every_condition_mention_gets_a_doctor_referral(servers, sender, message):
    assert ANY_REFERRAL.search(servers.say(sender, message)), message


def test_condition_mentions_are_at_least_thirty():
    assert len(set(CONDITION_MENTIONS)) >= 30


@pytest.mark.parametrize("message", RED_FLAGS)
def test_red_flags_get_emergency_advice(servers, sender, message):
    text = servers.say(sender, message)
    assert EMERGENCY in text and "now" in text


def test_mentioned_condition_is_assessed_by_the_rules(servers, sender):
    text = servers.say(sender, "btw I have porphyria")
    assert REFERRAL in text
    assert "should not use" in text and "porphyria" in text


def test_answers_keep_the_nuance(servers, sender):
    text = servers.say(sender, "will it ease sore muscles after sitting all day")
    assert "cannot cure joint diseases" in text
    text = servers.say(sender, "can it melt belly fat")
    assert "cannot directly break down fat cells" in text
    text = servers.say(sender, "is it proven by science?")
    assert "blind faith" in text


def test_gibberish_gets_a_clarifying_question(servers, sender):
    assert "didn't quite understand" in servers.say(sender, "qwzx plorf vrumble")


def start_screening(servers, sender):
    text = servers.say(sender, "is it safe for me to use?")
    assert "yes/no questions" in text
    assert f"Question 1 of {QUESTIONS}" in text
    return text


def answer_all(servers, sender, answers):
    text = ""
    for number, answer in enumerate(answers, start=1):
        text = servers.say(sender, answer)
        if number < len(answers):
            assert f"Question {number + 1} of {QUESTIONS}" in text, text
    return text


def test_screening_all_no_finds_no_contraindication(servers, sender):
    start_screening(servers, sender)
    text = answer_all(servers, sender, ["/deny", "no", "nope"] + ["/deny"] * (QUESTIONS - 3))
    assert "Verdict: from your answers I found no contraindication" in text
    assert "not a medical clearance" in text and "device's manual" in text


def test_screening_yes_to_pregnancy_says_do_not_use(servers, sender):
    start_screening(servers, sender)
    text = answer_all(servers, sender, ["/affirm"] + ["/deny"] * (QUESTIONS - 1))
    assert "Verdict: do not use" in text
    assert "no safety data" in text


def test_screening_dont_know_says_ask_your_doctor(servers, sender):
    start_screening(servers, sender)
    text = answer_all(servers, sender, ["/deny", "/deny", "I don't know"] + ["/deny"] * (QUESTIONS - 3))
    assert "Verdict: ask your doctor first" in text
    assert "weren't sure" in text


def test_condition_named_mid_form_is_referred_then_confirmed(servers, sender):
    start_screening(servers, sender)
    servers.say(sender, "/deny")
    text = servers.say(sender, "btw I have lupus")
    assert REFERRAL in text
    assert f"Question 2 of {QUESTIONS}" in text  # the form goes on, asking the same question again
    servers.say(sender, "/deny")
    text = servers.say(sender, "/deny")
    # the photosensitivity question names what the user said; it counts once they confirm it
    assert f"You mentioned lupus earlier, so this question is about that. Question 4 of {QUESTIONS}" in text
    text = servers.say(sender, "yes")
    for _ in range(QUESTIONS):
        if "Verdict" in text:
            break
        text = servers.say(sender, "/deny")
    assert "Verdict: do not use" in text and "lupus erythematosus" in text


def test_stopping_half_way_gives_no_green_light(servers, sender):
    start_screening(servers, sender)
    servers.say(sender, "/deny")
    text = servers.say(sender, "stop")
    assert "stopped the safety check" in text and "green light" in text
    assert "Verdict" not in text


def test_red_flag_mid_form_stops_it(servers, sender):
    start_screening(servers, sender)
    text = servers.say(sender, "I can't breathe")
    assert EMERGENCY in text
    assert "Question" not in text
    after = servers.say(sender, "yes")
    assert "Question" not in after and "emergency number" in after  # the form is no longer active


def test_rasa_restart_mid_form_resumes_the_form(servers, sender):
    start_screening(servers, sender)
    servers.say(sender, "/deny")
    servers.say(sender, "/deny")
    servers.stop_rasa()
    servers.start_rasa()
    text = servers.say(sender, "/deny")
    assert f"Question 4 of {QUESTIONS}" in text
