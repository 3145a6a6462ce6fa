"""Causes left after user study round 45 (docs/user-study/2026-12-07-round45/) and fixed the next session,
tested without Rasa servers (the conversations are in tests/scenarios/real_users_dev38.yml, ids d46-, which
the end-to-end suite plays over REST). New wordings beside the study's."""

import pytest

from padsafety.conversation import (
    CANT_BEAR_WEIGHT,
    CANT_BEAR_WEIGHT_ANSWER,
    CANT_WALK_PAIN_ANSWER,
    FollowUp,
    asks_to_try_meanwhile,
    cant_bear_weight_answer,
    dont_wait_note,
    followup_kind,
    other_short_use_answer,
    status_answer,
)
from padsafety.intent_hints import hinted_intent


# #54, #22: a red-flag guess with no red flag in the words gave "Thanks for telling me"; the cue decides
@pytest.mark.parametrize("text, confidence, wanted", [
    ("I run a beauty salon and want to offer red light sessions. Can I advertise them as fat burning and "
     "anti-ageing?", 0.76, "ask_limitation_weight_loss"),
    ("my gym wants to sell sessions as a fat burner, is that honest?", 0.6, "ask_limitation_weight_loss"),
    ("I've been dying to ask: are these pads any good or am I going to break the bank for nothing?", 0.93,
     "ask_evidence"),
])
def test_a_red_flag_guess_without_a_red_flag_gives_way_to_the_cue(text, confidence, wanted):
    assert hinted_intent(text, "report_red_flag", confidence) == wanted


@pytest.mark.parametrize("text", [
    "the pad burned my tummy and there are blisters now, I was trying to burn belly fat",
    "used it to melt my belly fat and now the skin is blistering and burnt",
])
def test_a_red_flag_guess_with_a_red_flag_is_kept(text):
    assert hinted_intent(text, "report_red_flag", 0.8) in (None, "report_red_flag")


# #48: "The pain is too much, I no fit walk" (Nigerian Pidgin) during a gout attack got the purchase refusal
@pytest.mark.parametrize("text", [
    "The pain is too much, I no fit walk", "my leg dey pain me, I no fit stand",
])
def test_pidgin_cannot_walk_is_read(text):
    assert CANT_BEAR_WEIGHT.search(text)


def test_pain_too_bad_to_walk_without_an_injury_names_no_broken_bone():
    gout = ["My big toe is swollen red hot since yesterday, I think na gout again",
            "The pain is too much, I no fit walk"]
    assert cant_bear_weight_answer(gout) == CANT_WALK_PAIN_ANSWER
    assert "today" in CANT_WALK_PAIN_ANSWER and "broken" not in CANT_WALK_PAIN_ANSWER
    injury = ["twisted my ankle coming down the stairs", "I can't put any weight on it"]
    assert cant_bear_weight_answer(injury) == CANT_BEAR_WEIGHT_ANSWER
    # the careful default: a possible broken bone whenever no painful condition is named
    went_over = ["went over on my ankle at five-a-side an hour ago, it's puffy and I can't stand on it"]
    assert cant_bear_weight_answer(went_over) == CANT_BEAR_WEIGHT_ANSWER


# #25, #32: "can I just try it on my feet for a few minutes?" with numb feet, "appointment is in 2 weeks, till
# then we can try?" for a father's infected foot wound: the verdict, never the session length
@pytest.mark.parametrize("text", [
    "My oncologist is hard to reach. Can I just try it on my feet for a few minutes?",
    "Doctor appointment is after 2 weeks only, till then we can try?",
    "can we use it until the clinic sees him?",
])
def test_using_it_meanwhile_is_read(text):
    assert asks_to_try_meanwhile(text)


@pytest.mark.parametrize("text", ["so can I use it?", "can I use it on my knees?"])
def test_a_plain_can_i_use_it_is_no_meantime(text):
    assert not asks_to_try_meanwhile(text)


def test_meanwhile_after_do_not_use_is_no_in_the_meantime():
    said = status_answer("action_follow_up", "do_not_use", ["open_wound"],
                         "appointment is in two weeks, till then can I try?")
    assert said.startswith("No, not in the meantime either") and "should not use" in said
    short = status_answer("action_follow_up", "do_not_use", ["open_wound"], "what if just 5 minutes?")
    assert short.startswith("No, not even for a short session")


def test_meanwhile_for_another_person():
    said = other_short_use_answer(["open wound"], "till then we can try?")
    assert said.startswith("No, not in the meantime either") and "they should not use" in said


def test_an_infected_wound_is_not_left_for_a_far_off_appointment():
    told = ["he has a wound under his foot not healing", "There is little pus also and smell"]
    assert "don't wait" in dont_wait_note(told, ["open_wound"])
    assert dont_wait_note(told, ["pregnancy"]) == ""
    assert dont_wait_note(["he has a small cut on his heel"], ["open_wound"]) == ""


@pytest.mark.parametrize("text", ["ok what should we do now", "so what do I do now?", "what can we do then"])
def test_what_to_do_now_asks_for_the_status(text):
    assert followup_kind(text) is FollowUp.STATUS
