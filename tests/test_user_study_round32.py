"""User study round 32 and development round 16's answers in the check: each cause, tested without Rasa
servers (the conversations are in tests/scenarios/real_users_dev28.yml, ids d33-). New wordings."""

import pytest

from padsafety.answers import parse_answer
from padsafety.conversation import OWN_USE_TOO, asks_for_healthy_other, other_after_self_answer
from padsafety.intent_hints import hinted_intent
from padsafety.rules import Answer
from tests.test_actions import form_turn, slot_events


# #11, #5: "can my sister use it? she's healthy" after the user's own lupus got the user's verdict
@pytest.mark.parametrize("text, asks", [
    ("and is it ok for my husband to use it? he's fine", True),
    ("I'll ask my cardiologist. can my brother use it meanwhile?", True),
    ("can he use it??", True),
    ("my mum has psoriasis, can she use it?", False),  # (her own condition: her referral)
    ("can I use it on my shoulder?", False),
])
def test_someone_else_after_the_users_verdict(text, asks):
    assert asks_for_healthy_other(text, "do_not_use", []) is asks


def test_someone_elses_known_condition_keeps_their_verdict():
    assert not asks_for_healthy_other("can she use it?", "do_not_use", ["pacemaker"])


def test_the_answer_keeps_the_users_conditions_to_the_user():
    said = other_after_self_answer(["lupus", "a named medical condition", "photosensitivity"])
    assert said.startswith("What you told me (lupus and photosensitivity) is about you, not them")


# #6: "can i use it on my 8 year old son?" got "For you: their a child and an injury ..."
@pytest.mark.parametrize("text, own", [
    ("can I try it on my daughter's knee? she's 10", False),
    ("can i use it on my grandad?", False),
    ("can I still use it on my back?", True),
])
def test_using_it_on_someone_is_not_the_users_own_use(text, own):
    assert bool(OWN_USE_TOO.search(text)) is own


# #21: "yes run it for me" after the check was offered got the menu
@pytest.mark.parametrize("text, intent", [
    ("ok run the check then", "request_screening"),
    ("yes start the questions please", "request_screening"),
    ("yes do it", None),  # (confirms a deletion: never the check)
])
def test_running_the_check_in_words(text, intent):
    assert hinted_intent(text, "affirm", 0.7) == intent


# development round 16, answers in the check
@pytest.mark.parametrize("text, requested, value", [
    ("naw", "screen_seizures", "no"),
    ("we've been trying, so who knows", "screen_pregnancy", "unknown"),
    ("still waiting for the biopsy results", "screen_cancer_in_area", "unknown"),
    ("my toes go numb in the cold, is that it?", "screen_reduced_sensation", "unknown"),
])
def test_development_round16_answers_in_the_check(text, requested, value):
    _, events = form_turn(text, requested, intent="dont_know")
    assert slot_events(events).get(requested) == value


def test_naw_is_no():
    assert parse_answer("naw, never") is Answer.NO
