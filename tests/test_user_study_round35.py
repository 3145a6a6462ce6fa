"""User study round 35 and round 34's leftovers: each cause, tested without Rasa servers (the conversations
are in tests/scenarios/real_users_dev30.yml, ids d36-). New wordings."""

import pytest

from actions.actions import ActionAssessCondition
from components.safety_policy import safety_plan
from padsafety.conversation import (
    ASKS_FOR_CURE,
    FRUSTRATED,
    RECOVERY,
    answer_confirmed,
    beyond_source_topic,
    claimed_for_other,
    confirm_last_answer,
    cure_confirmed,
    doctor_approved,
    other_short_use_answer,
    said_again_answer,
    said_again_response,
    turn_responses,
    yes_no_lead,
)
from padsafety.inputs import split_questions
from padsafety.intent_hints import hinted_intent, topic_intent
from padsafety.recognition import recognise
from tests.test_actions import form_turn, make_tracker, run, slot_events


@pytest.mark.parametrize("text, cure", [
    ("yes or no, will it cure my osteoarthritis?", True),
    ("can red light cure eczema", True),
    ("will it cure my osteoarthritis", True),
    ("is this a cure for my rosacea or not", True),
    ("is it a cure for my rosacea", True),
    ("does it help my arthritis?", False),
    ("is there a cure for arthritis at all", False),
])
def test_a_cure_question(text, cure):
    assert bool(ASKS_FOR_CURE.search(text.lower())) is cure


def test_a_cure_question_is_answered_no_before_what_it_may_do(domain):
    text = "straight answer, would it cure the osteoarthritis in my hip"
    tracker = make_tracker(text, "ask_limitation_chronic_disease")
    dispatcher, _ = run(ActionAssessCondition(), tracker, domain)
    said = [m.get("text") or m.get("response") for m in dispatcher.messages]
    no = "No. A red-light therapy pad cannot cure"
    cure = next(i for i, m in enumerate(said) if m and m.startswith(no))
    assert "osteoarthritis" in said[cure]
    assert said[cure + 1] == "utter_benefit_muscle_joint"


@pytest.mark.parametrize("text, upset", [
    ("ugh ok. but meanwhile can i keep using it on my back?", False),
    ("ugh fine, what else then", False),
    ("ugh. you keep saying the same thing", True),
    ("argh this is useless", True),
])
def test_a_sigh_of_acceptance_is_no_complaint(text, upset):
    assert bool(FRUSTRATED.search(text)) is upset


@pytest.mark.parametrize("text, requested, value", [
    # light-triggered seizures told by their kind (user study round 34 leftover)
    ("yeah photosensitive ones", "screen_seizures", "yes"),
    ("yes, light triggered ones when i was younger", "screen_seizures", "yes"),
    ("no, not photosensitive", "screen_seizures", "no"),
    # a form-like answer after a colon or a dash
    ("implants: zero", "screen_implanted_device", "no"),
    ("pacemaker - no", "screen_implanted_device", "no"),
    ("epilepsy? none", "screen_seizures", "no"),
])
def test_answers_in_the_check_round35(text, requested, value):
    _, events = form_turn(text, requested, intent="inform")
    assert slot_events(events)[requested] == value


@pytest.mark.parametrize("text, earlier, confirmed", [
    ("so thats a no?", "yes or no: will it cure my osteoarthritis?", True),
    ("is that a no then", "can it cure my eczema", True),
    ("so thats a no?", "does it help my back?", False),
    ("ok thanks", "will it cure my arthritis?", False),
])
def test_a_no_to_a_cure_question_is_confirmed(text, earlier, confirmed):
    said = cure_confirmed(text, earlier)
    assert (said is not None) is confirmed
    if confirmed:
        assert said.startswith("Yes, that's a no: a red-light therapy pad cannot cure")


def test_a_short_session_for_a_child_or_another_person_keeps_their_verdict():
    assert other_short_use_answer(["a child"]).startswith("Not for a child, even for a short session")
    said = other_short_use_answer(["pacemaker"])
    assert said.startswith("No, not even for a short session") and "they should not use" in said


@pytest.mark.parametrize("text, topic", [
    ("are the pads flexible? like can i wrap one round my shoulder", "pad_options"),
    ("i mean the shape, is it bendy", "pad_options"),
    ("is it a medical device, do i need a licence to use it in my salon", "regulation"),
    ("what's the difference with the clinic ones", "professional_devices"),
])
def test_device_questions_find_their_topic(text, topic):
    assert beyond_source_topic(text).id == topic


@pytest.mark.parametrize("text, intent, expected", [
    ("are the pads flexible? like can i wrap one round my shoulder", "ask_purchase", "ask_not_in_source"),
    ("is it a medical device, do i need a licence to use it in my salon", "ask_limitation_medical_substitute",
     "ask_not_in_source"),
    # a word of buying keeps the purchase answer
    ("what does the flexible one cost", "ask_purchase", None),
])
def test_device_questions_are_not_purchases(text, intent, expected):
    assert topic_intent(text, intent, 0.8) == expected


def test_an_email_address_is_a_request_for_a_contact():
    assert hinted_intent("Is there an email address I can write to?", "nlu_fallback", 0.25) == "request_human"


@pytest.mark.parametrize("text", [
    "a guy at work says you cant use these if you have tattoos cause the ink burns?? true?",
    "i have a tattoo on my arm, is it true the ink can burn",
    "numbness? none at all",
    "epilepsy no never",
    "pregnant? definitely not",
    "eczema? i have mild eczema on my hands but its not flaring right now",
])
def test_no_condition_in_a_denial_after_the_word_or_ink_that_burns(text):
    assert not recognise(text).affirmed()


@pytest.mark.parametrize("text", [
    "pregnant? definitely", "numbness? not sure", "eczema? yes bad eczema flare on my hands",
    "i have burns on my arm from the oven",
])
def test_the_condition_is_still_caught(text):
    assert recognise(text).affirmed()


def test_a_hormonal_iud_asked_about_in_the_check_is_explained():
    dispatcher, events = form_turn("I have a hormonal IUD, does that count? it's not electronic",
                                   "screen_implanted_device", intent="inform")
    assert dispatcher.messages[0]["text"].startswith("That isn't an electronic device")
    assert slot_events(events)["screen_implanted_device"] is None


@pytest.mark.parametrize("text, requested, value", [
    # a condition the question covers, asked about and had (development round 19: asked again)
    ("does a cold sore count? I've got one on my lip", "screen_skin_infection_or_eczema", "yes"),
    ("Does high blood pressure count? I'm on tablets", "screen_other_condition", "yes"),
    # a doubt whether something was the condition is no yes
    ("I fainted once at a concert, was that a seizure?", "screen_seizures", "unknown"),
    # a denial in a form's words
    ("numb areas: none whatsoever", "screen_reduced_sensation", "no"),
    ("I have no other medical conditions whatsoever, thank you for asking.", "screen_other_condition", "no"),
])
def test_answers_in_the_check_round19(text, requested, value):
    _, events = form_turn(text, requested, intent="inform")
    assert slot_events(events)[requested] == value


def test_a_condition_asked_about_and_had_is_confirmed_by_name():
    text = "does a cold sore count? I've got one on my lip"
    dispatcher, _ = form_turn(text, "screen_skin_infection_or_eczema", intent="inform")
    assert dispatcher.messages[0]["text"].startswith("I've noted that as a yes")


@pytest.mark.parametrize("text, parts", [
    ("can red light shrink a tumour. yes or no", 1),
    ("yes or no. will it help my knees?", 1),
    ("will it help my back? and is it safe while pregnant?", 2),
])
def test_a_yes_or_no_tag_stays_with_its_question(text, parts):
    assert len(split_questions(text)) == parts


@pytest.mark.parametrize("text, topic", [
    ("can red light shrink a tumour. yes or no", "tumour_claims"),
    ("my neighbour says these pads kill cancer cells", "tumour_claims"),
    ("are there real clinical trials or just lab stuff", "studies"),
])
def test_claims_and_trials_find_their_topic(text, topic):
    assert beyond_source_topic(text).id == topic


@pytest.mark.parametrize("text, recovery", [
    ("what if i wait till its fully closed, then ok?", True),
    ("if the oozing stops and it closes up, could i use it then?", True),
    ("if its better than ice i'll buy one", False),
])
def test_asking_about_after_it_heals(text, recovery):
    assert bool(RECOVERY.search(text)) is recovery


def test_an_audiologists_ok_is_a_doctors_ok():
    assert doctor_approved("My audiologist said it's fine as long as the pad is not directly on the implant")


@pytest.mark.parametrize("intent, said, text, again", [
    ("ask_benefit_muscle_joint", ["utter_benefit_muscle_joint"], "so will it help sore legs or not",
     "utter_benefit_muscle_joint"),
    ("ask_evidence", ["utter_evidence"], "are there real trials though", "utter_evidence"),
    # another answer, a button, or an answer with no short version is not "said again"
    ("ask_evidence", ["utter_benefit_muscle_joint"], "is there proof?", None),
    ("ask_evidence", ["utter_evidence"], "/ask_evidence", None),
    ("ask_avoid_children", ["utter_avoid_children"], "and kids?", None),
])
def test_an_answer_asked_for_again(intent, said, text, again):
    assert said_again_response(intent, said, text) == again


def test_the_short_version_leads_with_the_plain_answer():
    said = said_again_answer("utter_benefit_muscle_joint", "so will it help or not")
    assert said.startswith("It may, but not for everyone. In short:")
    assert "all my source says on it" in said
    assert said_again_answer("utter_limitation_weight_loss", "will it burn fat or not").startswith("No. ")
    assert said_again_answer("utter_evidence", "what evidence").startswith("In short:")


@pytest.mark.parametrize("previous, text, lead", [
    ("utter_limitation_weight_loss", "so basically no?", "Yes, that's a no."),
    ("utter_avoid_pregnancy", "so... yes?", "No."),
    ("utter_benefit_circulation", "so... yes?", "Yes, it may, but not for everyone."),
    ("utter_benefit_circulation", "so that's a no then", "Not a no: it may help"),
    # a bare answer, or an answer with no plain yes or no, is no such question
    ("utter_avoid_pregnancy", "no", None),
    ("utter_limitation_variability", "so basically no?", None),
])
def test_so_basically_no(previous, text, lead):
    said = confirm_last_answer(previous, text)
    assert (said is None) if lead is None else said.startswith(lead)


@pytest.mark.parametrize("intent, text, lead", [
    ("ask_benefit_circulation", "yes or no, will it warm up my cold hands", "It may, but not for everyone:"),
    ("ask_limitation_weight_loss", "Yes or no: does red light therapy burn fat?", "No."),
    ("ask_benefit_circulation", "will it warm up my cold hands", None),
    ("ask_limitation_variability", "yes or no, does it work for everyone", None),
])
def test_a_yes_or_no_question_gets_its_plain_answer_first(intent, text, lead):
    assert yes_no_lead(intent, text) == lead


@pytest.mark.parametrize("text, previous, conditions", [
    ("not me obviously, its for my sister", "yes or no: is it safe to use while pregnant?", ["pregnancy"]),
    ("asking for my dad", "can people with a pacemaker use it?", ["pacemaker"]),
    # a condition of its own, or no person, claims nothing
    ("its for my sister, she has eczema", "is it safe while pregnant?", []),
    ("ok thanks", "is it safe while pregnant?", []),
])
def test_a_general_question_given_to_someone(text, previous, conditions):
    assert claimed_for_other(text, previous) == conditions


@pytest.mark.parametrize("text, named", [
    ("ok ill ask my rheumatologist. thanks", False),
    ("i'll check with my oncologist first", False),
    ("my rheumatologist says i have lupus", True),
])
def test_a_plan_to_ask_a_specialist_names_no_condition(text, named):
    assert bool(recognise(text).affirmed()) is named


@pytest.mark.parametrize("text, requested, value", [
    ("they're testing me for lupus, results due next week", "screen_photosensitivity", "unknown"),
    ("they're checking me for melanoma", "screen_cancer_in_area", "yes"),
    ("I don't think so, but my knee's a bit puffy, not sure if that's anything", "screen_other_condition",
     "unknown"),
])
def test_answers_in_the_check_round19_doubts(text, requested, value):
    _, events = form_turn(text, requested, intent="inform")
    assert slot_events(events)[requested] == value


@pytest.mark.parametrize("text, plan", [
    # a person named with the animal: the person's condition (development round 19: the vet's answer alone)
    ("My son caught ringworm from the cat, would the light help?", ["utter_doctor_referral_other",
                                                                   "action_assess_condition"]),
    ("my dog has arthritis, can i use it on him", []),
])
def test_a_person_named_beside_an_animal(text, plan):
    assert safety_plan(text, "ask_pet", False) == plan


def test_the_answer_a_confirmation_is_about():
    events = [("user", None), ("bot", "utter_limitation_weight_loss"), ("user", None)]
    assert turn_responses(events) == ["utter_limitation_weight_loss"]
    assert answer_confirmed(events, "utter_limitation_weight_loss") == "utter_limitation_weight_loss"
    # after its short version (said by the follow-up action, no response name): the answer before it
    events += [("bot", None), ("user", None)]
    assert answer_confirmed(events, "action_follow_up") == "utter_limitation_weight_loss"
    assert answer_confirmed(events, "utter_ok") == "utter_ok"
