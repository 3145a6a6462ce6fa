"""User study round 22 (docs/user-study/2026-12-06-round22): each finding's cause, tested without Rasa servers
where it can be (the conversations themselves are in tests/scenarios/real_users_dev22.yml)."""

import pytest

from padsafety.conversation import beyond_source_topic, said_of_them
from padsafety.intent_hints import hinted_intent
from padsafety.recognition import recognise


# #1: a rash the pad caused is a reaction to it (stop using it), never the eczema or infection rule
@pytest.mark.parametrize("text, condition", [
    ("this thing gave me a rash on my arm and nobody at the store cares", False),
    ("the rash is from the pad, i dont have eczema", False),
    ("i have a rash on my arm", True),
])
def test_a_rash_the_pad_caused_is_no_condition(text, condition):
    assert bool(recognise(text).affirmed()) is condition


# #1: dizziness after a session gets "stop now" and when to call for help, never the heat answer
def test_dizziness_after_a_session_is_its_own_answer():
    topic = beyond_source_topic("i'm getting dizzy and my face feels hot after 40 min under the pad")
    assert topic is not None and topic.id == "dizzy" and "stop the session now" in topic.answer
    assert [f.red_flag for f in recognise("i feel like i might pass out").red_flags] == ["collapse"]


# #6: "forget it" is never mind, not a request to delete; "I didn't say delete" is a no
@pytest.mark.parametrize("text, guess, wanted", [
    ("so useless. forget it", "request_forget", "stop"),
    ("what?? no i didnt say delete anything", "ask_followup", "deny"),
    ("forget everything i said", "request_forget", "request_forget"),
])
def test_forget_it_is_never_mind(text, guess, wanted):
    assert (hinted_intent(text, guess, 0.9) or guess) == wanted


# #7: a condition already said of the husband, told again with "he", stays his
@pytest.mark.parametrize("text, theirs", [
    ("its mild lupus, mostly joints, he doesnt get rashes from sun. so its ok?", True),
    ("i have lupus too, can i use it?", False),
    ("its mild lupus", False),
])
def test_a_condition_told_again_of_him_stays_his(text, theirs):
    named = [m.condition for m in recognise(text).affirmed()]
    assert said_of_them(text, named, ["lupus"]) is theirs


# #2: eczema told as calm after "but" is not the acute-eczema rule; "but it's really itchy" still is
@pytest.mark.parametrize("text, acute", [
    ("what about eczema then, i get that on my hands sometimes but its calm right now", False),
    ("i have eczema but its not flaring", False),
    ("i have eczema but its really itchy", True),
    ("i have an open wound but its not bad", True),
])
def test_eczema_told_as_calm_is_not_acute(text, acute):
    assert bool(recognise(text).affirmed()) is acute


# #6: "ugh. fine whatever" lets it go (never the off-topic reply)
def test_fine_whatever_lets_it_go():
    assert hinted_intent("ugh. fine whatever", "out_of_scope", 0.5) == "dont_know"
