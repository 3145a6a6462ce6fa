"""User study round 42 (docs/user-study/2026-12-07-round42/): the causes fixed the same session, tested
without Rasa servers where they can be (the conversations are in tests/scenarios/real_users_dev35.yml, ids
d43-). New wordings."""

import pytest

from components.safety_policy import _ASKS_IF_DELETED, _SO_FINE_TO_USE, OTHER_PERSON_NAMED
from padsafety.conversation import (
    FRUSTRATED,
    SEE_DOCTOR_NO_SIGNS,
    beyond_source_topic,
    cancer_said_over,
    confirm_last_answer,
    see_doctor_answer,
    status_answer,
)
from padsafety.intent_hints import hinted_intent, topic_intent
from tests.recognition_helpers import hinted_intents
from tests.test_actions import form_slots


# #49: "fine on my sore knees then? they're nowhere near the psoriasis" was "someone you're asking for"
@pytest.mark.parametrize("text, named", [
    ("they're nowhere near the eczema, so ok on my calves?", False),
    ("and my sister, can she use it?", True),
    ("he says it's fine", True),
])
def test_they_for_body_parts_is_no_other_person(text, named):
    assert bool(OTHER_PERSON_NAMED.search(text)) is named


# #45: "my oncologist discharged me years ago. I don't have a tumour" was taken back and referred again
@pytest.mark.parametrize("text", [
    "my consultant signed me off ages ago, I don't have cancer now",
    "finished my chemo in 2016 and I don't have a tumour any more",
])
def test_a_treated_cancer_told_as_over_still_counts(text):
    assert cancer_said_over(text, ["cancer_in_area"])


def test_a_cancer_never_had_is_no_treated_one():
    text = "I never had cancer, I said my aunt did, she's in remission"
    assert not cancer_said_over(text, ["cancer_in_area"])


# #27: fell asleep on the pad; "should I worry?" with normal skin got "Yes, please do: ... they know"
def test_falling_asleep_on_the_pad_says_what_to_look_for():
    topic = beyond_source_topic("dozed off with the pad still on my thighs for two hours")
    assert topic is not None and topic.id == "slept_on_pad"
    assert "check the skin" in topic.answer and "manual" in topic.answer


def test_worry_with_no_signs_gets_what_to_watch_for():
    said = see_doctor_answer("should I be worried?", "there's no redness and no pain, skin seems fine")
    assert said == SEE_DOCTOR_NO_SIGNS
    assert "they know" not in see_doctor_answer("should I see my doctor?")


def test_worry_with_a_sign_still_sends_to_a_doctor():
    assert see_doctor_answer("should I worry?", "there's a blister and it's weeping") != SEE_DOCTOR_NO_SIGNS


def test_so_am_i_fine_with_no_signs_after_the_topic():
    text = "no burns, skin looks normal, so am I ok?"
    assert status_answer("action_answer_beyond_source", None, [], text) == SEE_DOCTOR_NO_SIGNS


# #24, #11: "how many minutes?", "10 min or 30 min?", "how many minute i use one time?"
@pytest.mark.parametrize("text", [
    "ok but how many minutes tho", "like 5 mins or 20 mins?", "how many minute each day",
])
def test_minutes_asked_are_the_session_length_topic(text):
    assert "ask_not_in_source" in hinted_intents(text)
    assert beyond_source_topic(text).id == "session_length"


# #31: "ballpark? like £50 or £500?" got "I can't put you through to a person"
@pytest.mark.parametrize("text", ["ballpark figure?", "like $100 or $300?", "£40 or £400?"])
def test_a_price_guess_is_a_purchase_question(text):
    assert hinted_intent(text, "out_of_scope", 0.5) == "ask_purchase"


# #36: "what do you have on file about me now?" after a deletion got "I can only help with ..."
@pytest.mark.parametrize("text", [
    "so what have you got stored on me now?", "what do you keep on file about me?",
])
def test_asking_what_is_kept_is_the_deletion_status(text):
    assert _ASKS_IF_DELETED.search(text)


def test_what_is_kept_in_words_of_the_study():
    assert _ASKS_IF_DELETED.search("what do you have on file about me now?")


# #42: "ok cool so it's fine for me to start using it this week?" after a pacemaker started a new check
@pytest.mark.parametrize("text", [
    "great so it's fine for me to start using it tomorrow?",
    "ok so it's safe to use then?",
])
def test_so_its_fine_to_use_asks_about_the_verdict(text):
    assert _SO_FINE_TO_USE.search(text)


def test_a_plain_request_for_the_check_is_not_one():
    assert not _SO_FINE_TO_USE.search("can you check if it's safe for me?")


# #7: "haha ok so a waste of money for my muffin top. thanks mate" got "I'm sorry this has been frustrating"
def test_summing_up_a_no_is_no_frustration():
    assert not FRUSTRATED.search("right so a waste of money for my thighs then, cheers")
    assert FRUSTRATED.search("what a waste of money this thing is")


# #48: "so it's pointless for my belly? not even a bit?" got the chronic-disease symptoms text, then a no
def test_not_even_a_bit_as_the_last_sentence():
    text = "so useless for my thighs? not even a little?"
    answer = confirm_last_answer("utter_limitation_weight_loss", text)
    assert answer and answer.startswith("No, not even a little")


# #47, #16, #44, #12
def test_a_sore_back_in_passing_is_the_muscle_question():
    assert topic_intent("honestly got a stiff neck from doomscrolling lol", "out_of_scope", 0.9) == (
        "ask_benefit_muscle_joint"
    )


def test_forget_it_ill_ask_my_gp_stops_the_check():
    assert "stop" in hinted_intents("nah you know what, never mind, I'll ask my doctor")


def test_fading_a_scar_is_the_scars_topic():
    assert topic_intent("can it get rid of my old c-section scar?", "ask_benefit_wound_healing", 1.0) == (
        "ask_not_in_source"
    )


def test_checking_with_the_shop_closes_the_chat():
    from components.safety_policy import _closes_chat

    assert _closes_chat("ask_purchase", "ok cheers, I'll ask the seller about the price")


# ---- the safety check -------------------------------------------------------------------------------
# #13: "um, I don't think so? we've been trying but nothing yet" was a plain no
@pytest.mark.parametrize("text", [
    "not sure, we're ttc at the moment", "don't think so but we've been trying",
])
def test_trying_for_a_baby_is_a_could_be(text):
    assert form_slots(text, "screen_pregnancy") == {"screen_pregnancy": "unknown"}


def test_a_plain_no_to_pregnancy_stays_one():
    assert form_slots("no, and not trying either", "screen_pregnancy") == {"screen_pregnancy": "no"}


# #13: "that's not what I asked but ok... I honestly don't know" was asked again
def test_a_message_that_ends_unsure_is_i_dont_know():
    assert form_slots("whatever, I genuinely don't know", "screen_seizures") == {"screen_seizures": "unknown"}


# #13: "a bit of a rash after a day at the beach, does that count?" got the eczema question's explanation
def test_a_sun_rash_in_doubt_gets_the_light_question_explained():
    from tests.test_actions import form_turn

    dispatcher, _ = form_turn(
        "I get a rash from the sun on holiday sometimes, does that count?", "screen_photosensitivity",
        intent="ask_usage_safety",
    )
    said = " ".join(m.get("text") or "" for m in dispatcher.messages)
    assert "Acute" not in said
