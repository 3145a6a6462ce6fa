"""User study round 23 (docs/user-study/2026-12-06-round23): each finding's cause, tested without Rasa servers
where it can be (the conversations themselves are in tests/scenarios/real_users_dev23.yml). The sentences are
new wordings of each cause, not the transcripts'."""

import asyncio

import pytest
from rasa_sdk import Tracker
from rasa_sdk.executor import CollectingDispatcher

from padsafety.answers import Answer, parse_answer
from padsafety.conversation import asks_after_it_ends, status_answer, taken_back_conditions
from padsafety.intent_hints import hinted_intent, topic_intent
from padsafety.medicines import asks_to_change_medicine
from padsafety.recognition import recognise


# #15: "no wait, yes - ..." in the check is a yes (the "no" that opens the correction does not count)
@pytest.mark.parametrize("text, answer", [
    ("no wait, sorry, yes, the scrape on my elbow is still open", Answer.YES),
    ("nah - oops, i mean yes, i take warfarin", Answer.YES),
    ("yes... sorry, actually no", Answer.NO),
    ("sorry, no", Answer.NO),
    ("no", Answer.NO),
])
def test_the_answer_after_a_self_correction_counts(text, answer):
    assert parse_answer(text) is answer


# #19, #24: "im done", "that's all i needed" close the chat
@pytest.mark.parametrize("text, closes", [
    ("whatever, i'm done", True),
    ("ok im done here thanks", True),
    ("great, thats all i needed", True),
    ("that's all i needed to know, cheers", True),
    ("im done with the pad, it did nothing. can i get a refund?", False),
    ("is that all it does?", False),
])
def test_done_and_all_i_needed_close_the_chat(text, closes):
    from components.safety_policy import _closes_chat

    assert _closes_chat("nlu_fallback", text) is closes


# #27, #5: a question about later, after the pregnancy or the breastfeeding, is about later
@pytest.mark.parametrize("text, rules, later", [
    ("and when the baby's here, a few weeks postnatal?", ["pregnancy"], True),
    ("once im not pregnant any more does that still apply", ["pregnancy"], True),
    ("after i give birth can i use it", ["pregnancy"], True),
    ("once i stop breastfeeding is it fine", ["breastfeeding"], True),
    ("what about when hes weaned?", ["breastfeeding"], True),
    ("once i stop breastfeeding is it fine", ["pregnancy"], False),
    ("can i use it on my back?", ["pregnancy"], False),
])
def test_a_question_about_after_the_birth_or_weaning(text, rules, later):
    assert asks_after_it_ends(text, rules) is later


def test_after_weaning_the_breastfeeding_caution_ends_and_the_rest_holds():
    answer = status_answer(None, "ask_doctor", ["breastfeeding", "other_condition"], "once she's weaned?")
    assert "no longer applies" in answer and "Until then" in answer
    assert "(a medical condition)" in answer  # (round 43: the catch-all rule in words, not its title)


def test_once_not_pregnant_any_more_takes_nothing_back():
    text = "i mean once i'm NOT pregnant anymore, does the warning still apply?"
    assert taken_back_conditions(recognise(text), text) == set()
    assert taken_back_conditions(recognise("i'm not pregnant"), "i'm not pregnant") == {"pregnancy"}


# a mention stays affirmed when something else named after it is what is gone (found with round 10's fixes)
@pytest.mark.parametrize("text, rule, affirmed", [
    ("i'm 12 weeks pregnant and the sickness is finally gone", "pregnancy", True),
    ("breastfeeding still, and my back pain is gone now", "breastfeeding", True),
    ("my eczema is gone", "skin_infection_or_eczema", False),
    ("had a cold sore on my lip, it's gone now", "skin_infection_or_eczema", False),
])
def test_something_else_gone_does_not_clear_the_mention(text, rule, affirmed):
    assert (rule in {m.rule_id for m in recognise(text).affirmed()}) is affirmed


# #25, #36: goggles and sleeping with it are care questions whatever knowledge answer the classifier guessed
@pytest.mark.parametrize("text, guess", [
    ("does my husband need goggles for the face mask?", "ask_limitation_anti_aging"),
    ("is eye protection needed for the panel", "ask_how_it_works"),
    ("my son wants to know, can i keep it on while i sleep?", "ask_avoid_children"),
    ("could i leave it on overnight", "ask_benefit_muscle_joint"),
])
def test_goggles_and_sleep_are_care_topics(text, guess):
    assert topic_intent(text, guess, 0.7) == "ask_not_in_source"


def test_a_light_sensitivity_guess_keeps_its_intent_for_goggles():
    assert topic_intent("do I need goggles?", "ask_avoid_photosensitivity") is None


# #25: "eye protection, yes or no?" after a verdict asks about goggles, not the verdict
def test_a_care_topic_with_yes_or_no_is_no_status_question():
    from components.safety_policy import _STATUS_CUE, _asks_care_topic

    text = "face shield for the eyes, yes or no?"
    assert _STATUS_CUE.search(text) and _asks_care_topic(text)
    assert not _asks_care_topic("only on my legs, yes or no?")


# #27: "ok so tonight, can i use it on my back?" after "do not use" asks about the verdict
@pytest.mark.parametrize("text, status", [
    ("ok so right now can i put it on my knee", True),
    ("so can she use it on her back tonight?", True),
    ("can i use it on my back?", False),
])
def test_so_can_i_use_it_asks_about_the_verdict(text, status):
    from components.safety_policy import _STATUS_CUE

    assert bool(_STATUS_CUE.search(text)) is status


# #4: "why can't I?" after a verdict is a why-question, not a purchase one
@pytest.mark.parametrize("text, guess, confidence, wanted", [
    ("its only my shoulders tho. why cant i?", "ask_purchase", 0.44, "ask_followup"),
    ("but why not me?", "nlu_fallback", 0.3, "ask_followup"),
    ("why can't i get a refund", "ask_purchase", 0.9, "ask_purchase"),
])
def test_why_cant_i_is_a_follow_up(text, guess, confidence, wanted):
    assert hinted_intent(text, guess, confidence) == wanted


# #27, #33: whether a cheap pad is weaker is about what makes a pad good, not a purchase
@pytest.mark.parametrize("text, guess, wanted", [
    ("are budget pads weaker than the pricey ones?", "ask_purchase", "ask_not_in_source"),
    ("the cheap pads on ebay, do they do less?", "ask_limitation_anti_aging", "ask_not_in_source"),
])
def test_cheap_against_expensive_is_the_choosing_answer(text, guess, wanted):
    assert (hinted_intent(text, guess, 0.9) or topic_intent(text, guess, 0.9) or guess) == wanted


def test_the_price_of_the_cheap_one_is_a_purchase_question():
    assert hinted_intent("how much is the cheaper one?", "ask_purchase", 0.8) == "ask_purchase"


# #6, #38: replacing a medicine with the pad is "not a substitute", never the circulation paragraph
@pytest.mark.parametrize("text, changes", [
    ("could the light replace my statins one day", True),
    ("so it can't be a substitute for my ramipril?", True),
    ("instead of my nifedipine, could i use the pad", True),
    ("can it replace a gym session", False),
])
def test_replacing_a_medicine_is_the_substitute_question(text, changes):
    assert asks_to_change_medicine(text) is changes


# #28: the question in its own sentence is answered after a new "do not use", behind a short lead
def test_the_lead_after_a_verdict_in_the_same_turn():
    from actions.conversation import AFTER_VERDICT_LEAD, ActionVerdictReminder

    events = [
        {"event": "user", "text": "i have an open cut. also, does it help cold feet?"},
        {"event": "action", "name": "utter_doctor_referral"},
        {"event": "action", "name": "action_assess_condition"},
    ]
    tracker = Tracker(
        sender_id="u", slots={"known_verdict": "do_not_use", "known_conditions": ["open wound"]},
        events=events, paused=False, followup_action=None, active_loop={},
        latest_action_name="action_assess_condition",
        latest_message={"text": events[0]["text"], "intent": {"name": "ask_benefit_circulation"}},
    )
    dispatcher = CollectingDispatcher()
    asyncio.run(ActionVerdictReminder().run(dispatcher, tracker, {}))
    assert [m["text"] for m in dispatcher.messages] == [AFTER_VERDICT_LEAD]
    # in a later turn it is the reminder with the verdict
    later = Tracker(
        sender_id="u", slots={"known_verdict": "do_not_use", "known_conditions": ["open wound"]},
        events=[*events, {"event": "user", "text": "and my hands?"}], paused=False, followup_action=None,
        active_loop={}, latest_action_name="action_listen",
        latest_message={"text": "and my hands?", "intent": {"name": "ask_benefit_circulation"}},
    )
    dispatcher = CollectingDispatcher()
    asyncio.run(ActionVerdictReminder().run(dispatcher, later, {}))
    assert dispatcher.messages[0]["text"].startswith("Remember:")


def test_the_sentence_that_asks_decides_whether_the_source_is_silent():
    from components.safety_policy import _source_silent

    assert not _source_silent("cut my finger, still open. question: can it help cold hands?")
    assert _source_silent("my ankles are swollen, could the pad help them?")


# #12: "and for me?" after someone else's condition asks about the user, whose list is empty so far
@pytest.mark.parametrize("text, about_me", [
    ("and for me, no problem? i no have lupus", True),
    ("what about me though", True),
    ("me i can use for my neck?", True),
    ("what about her knees?", False),
    ("can she use it on her back", False),
])
def test_and_for_me_asks_about_the_user(text, about_me):
    from padsafety.conversation import ABOUT_ME, self_after_other_answer

    assert bool(ABOUT_ME.search(text)) is about_me
    assert "not you" in self_after_other_answer(["lupus"])


# #32: a cancer that is gone is still history the rule counts, never taken back; one never had is
@pytest.mark.parametrize("text, dropped", [
    ("the tumour is gone now, they removed it last year", set()),
    ("its all clear, in remission since march", set()),
    ("i never had cancer, i said my mum did", {"cancer or tumour"}),
])
def test_a_cancer_that_is_gone_is_not_taken_back(text, dropped):
    assert taken_back_conditions(recognise(text), text) == dropped


def test_a_cancer_gone_gets_the_doctor_question_again():
    answer = status_answer(None, "ask_doctor", ["cancer_in_area"], "the melanoma was cut out, it's gone")
    assert "still counts" in answer and "ask your doctor" in answer


# #26: a benefit question about the user's own known condition gets the verdict's reminder first
def test_a_question_about_ones_own_known_condition_is_no_general_question():
    found = recognise("does it help the joint pain from lupus?")
    assert {m.condition for m in found.affirmed()} == {"lupus"}


# #37: an animal near the pad is the pet question
@pytest.mark.parametrize("text, guess, wanted", [
    ("is it ok for the cat to sit by me when i use it on my neck?", "ask_benefit_muscle_joint", "ask_pet"),
    ("my dog sleeps on the pad sometimes, is that bad", "ask_usage_safety", "ask_pet"),
])
def test_an_animal_near_the_pad_is_the_pet_question(text, guess, wanted):
    assert hinted_intent(text, guess, 0.8) == wanted


@pytest.mark.parametrize("text, pet", [
    ("walking the dog hurts my knees, would it help", False),
    ("my back aches from lifting the dog, will it help", False),
    ("can i use it on my dog's hips, and on my knees too", True),
    ("my dog has arthritis in his back legs", True),
])
def test_walking_the_dog_is_no_pet_question(text, pet):
    assert (hinted_intent(text, "ask_benefit_muscle_joint", 0.8) == "ask_pet") is pet


# #29: sunscreen and how long a session takes are topics of their own
@pytest.mark.parametrize("text, topic", [
    ("does spf protect me from the light?", "sunscreen"),
    ("if i put suncream on first is it ok", "sunscreen"),
    ("how long should a session be", "session_length"),
    ("how long do sessions usually take", "session_length"),
])
def test_sunscreen_and_session_length_topics(text, topic):
    from padsafety.conversation import beyond_source_topic

    found = beyond_source_topic(text)
    assert found is not None and found.id == topic


# #3, #36: a swollen joint named before the word, and numbness with an adverb, are recognised
@pytest.mark.parametrize("text, condition", [
    ("my knee is still swollen from the fall", "acute inflammation"),
    ("the wrist has gone all puffy", "acute inflammation"),
    ("my toes often go numb", "reduced sensation"),
])
def test_joint_swelling_and_numbness_phrasings(text, condition):
    assert condition in {m.condition for m in recognise(text).affirmed()}


def test_another_body_part_than_a_swollen_joint_gets_the_muscle_answer():
    from padsafety.conversation import local_elsewhere_answer

    answer = local_elsewhere_answer(
        "sore hamstrings are fine tho right?", ["my knee is swollen after football"], "ask_doctor",
        ["acute inflammation", "a named medical condition"],
    )
    assert answer is not None and "elsewhere" in answer
