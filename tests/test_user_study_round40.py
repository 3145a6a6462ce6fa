"""User study round 40 (docs/user-study/2026-12-07-round40/): the causes fixed the same session, tested
without Rasa servers (the conversations are in tests/scenarios/real_users_dev33.yml, ids d41-). New
wordings."""

import pytest

from padsafety.recognition import Decision, recognise
from tests.recognition_helpers import hinted_intents


# #21: "can we go through whatever checks you do" got the paragraph about light through a cast
@pytest.mark.parametrize("text", [
    "before I try it on my shoulder could you run me through the safety questions you have",
    "ok can we go through whatever checks you do first",
])
def test_an_indirect_request_for_the_check(text):
    assert "request_screening" in hinted_intents(text)


def test_a_check_is_not_read_into_other_words():
    assert "request_screening" not in hinted_intents("will the light go through my clothes?")


# #42: "this thing'll burn off me beer gut" got "effects vary" and a question whether a burn was meant
@pytest.mark.parametrize("text", [
    "reckon it'll melt my muffin top?",
    "will it burn off my belly if I use it daily",
])
def test_a_belly_to_burn_off_is_the_fat_question(text):
    assert "ask_limitation_weight_loss" in hinted_intents(text)
    assert recognise(text).decision not in (Decision.REFERRAL, Decision.CLARIFY, Decision.EMERGENCY)


def test_a_real_burn_is_still_one():
    assert recognise("the pad burned my belly and it blistered").red_flags


# #16: "have you actually deleted it?" while the deletion waited for its yes: a pacemaker verdict, nothing
# deleted
def test_asking_whether_it_is_deleted_before_the_yes():
    from components.safety_policy import _ASKS_IF_DELETED, _DONT_KEEP

    text = "wait, is it all deleted now? I mentioned my epilepsy before"
    assert _ASKS_IF_DELETED.search(text) and not _DONT_KEEP.search(text)


# #8: "and psoriasis? my brother has it on his elbows" after the user's own eczema flare: the brother's
# psoriasis went into the user's own "you should not use" verdict
@pytest.mark.parametrize("text, condition", [
    ("and rosacea? my sister gets it on her cheeks", "other skin condition"),
    ("what about epilepsy, my son has that", "epilepsy"),
    ("would it be ok with an ICD? my grandad has one", "implanted defibrillator"),
])
def test_the_person_named_right_after_a_condition_has_it(text, condition):
    from padsafety.recognition import Experiencer

    found = recognise(text)
    assert found.decision is Decision.REFERRAL_OTHER, (text, found.mentions)
    assert {m.experiencer for m in found.affirmed()} == {Experiencer.OTHER}


def test_the_user_still_has_it_too_when_they_say_so():
    from padsafety.recognition import Experiencer

    found = recognise("I have rosacea, my sister has it too")
    assert Experiencer.SELF in {m.experiencer for m in found.affirmed()}
