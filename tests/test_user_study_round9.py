"""User study round 9 (docs/user-study/2026-12-05-round9) and the leftovers of round 8: each finding's cause,
tested without Rasa servers (the conversations themselves are in tests/scenarios/real_users_dev9.yml)."""

import pytest

from components.safety_policy import (
    _HELP_HERE,
    OTHER_AREA,
    UTTER_EMERGENCY_BURN,
    UTTER_EMERGENCY_FOLLOWUP,
    UTTER_HELP_ARRIVED,
    _asks_same_again,
    _check_still_useful,
    safety_plan,
)
from padsafety.conversation import (
    FRUSTRATED,
    SEE_DOCTOR_INFECTION,
    SEE_DOCTOR_INJURY,
    SEE_DOCTOR_QUESTION,
    FollowUp,
    beyond_source_topic,
    condition_help,
    followup_kind,
    repeated_verdict,
    see_doctor_answer,
    status_answer,
    taken_back_reply,
)
from padsafety.intent_hints import hinted_intent, needs_cue, topic_intent
from padsafety.recognition import Experiencer, recognise


# #40: a broken pad is not a broken bone; a body part named with it still is
@pytest.mark.parametrize("text, injury", [
    ("the light is blinking every few seconds, is it broken?", False),
    ("my pad won't switch on, could it be broken?", False),
    ("is the cable broken? it sparks a bit", False),
    ("i fell on my wrist, could it be broken?", True),
    ("dropped the pad on my toe, is it broken?", True),
    ("could it be broken? it's swollen and purple", True),
])
def test_a_broken_device_is_not_a_fracture(text, injury):
    assert bool(SEE_DOCTOR_QUESTION.search(text.lower())) is injury
    assert (followup_kind(text) is FollowUp.SEE_DOCTOR) is injury


# #14, #22: the emergency follow-ups fit someone who has already called; help that has arrived ends them
@pytest.mark.parametrize("text", [
    "paramedics are here now, thanks",
    "the ambulance has arrived",
    "we're at the hospital now",
    "he's being seen by a doctor now",
])
def test_help_that_has_arrived_ends_the_emergency_follow_ups(text):
    assert _HELP_HERE.search(text)
    assert safety_plan(text, "thank", False, UTTER_EMERGENCY_FOLLOWUP, UTTER_EMERGENCY_BURN) == [
        UTTER_HELP_ARRIVED
    ]
    # never outside an emergency
    assert safety_plan(text, "thank", False) != [UTTER_HELP_ARRIVED]


@pytest.mark.parametrize("text", ["ok i called 112, ambulance is on the way", "what do i do until they come"])
def test_waiting_for_help_keeps_the_follow_up(text):
    assert not _HELP_HERE.search(text)
    assert safety_plan(text, "ask_usage_safety", False, UTTER_EMERGENCY_FOLLOWUP, UTTER_EMERGENCY_BURN) == [
        "utter_emergency_followup_burn"
    ]


def test_burn_advice_says_no_ice_or_butter_and_calls_for_a_severe_burn_first(domain_responses):
    burn = domain_responses["utter_emergency_burn"]
    follow_up = domain_responses["utter_emergency_followup_burn"]
    assert "no ice, butter" in burn and "no ice, butter" in follow_up
    # the severe case comes before the first aid, not as an afterthought
    assert burn.index("call your local emergency number") < burn.index("Cool the skin")
    assert "If you have called the emergency services" in follow_up
    assert "already called" in domain_responses["utter_emergency_followup"]


# #29, #34: "see someone or wait?" about an infected wound; "should I wait?" after a verdict is a yes
def test_see_someone_about_an_infected_cut():
    text = "should i see someone about it or just wait"
    assert followup_kind(text) is FollowUp.SEE_DOCTOR
    answer = see_doctor_answer(text, "i have a cut on my arm, its warm and has pus")
    assert answer == SEE_DOCTOR_INFECTION and "broken" not in answer
    assert see_doctor_answer("should i get it x-rayed", "i fell and my ankle is swollen") == SEE_DOCTOR_INJURY


def test_waiting_after_a_verdict_is_answered_yes():
    answer = status_answer("action_assess_condition", "do_not_use", ["pregnancy"],
                           "so i should just wait till i know for sure?")
    assert answer.startswith("Yes, wait")
    plain = status_answer("action_assess_condition", "do_not_use", ["pregnancy"], "so can I use it?")
    assert plain.startswith("No:")


# #37, #30: a question is not a complaint without a word of frustration
@pytest.mark.parametrize("text, complaint", [
    ("is this the same thing as a tanning bed? will i get a tan", False),
    ("and my feet? same thing?", False),
    ("you are hopeless, not one straight answer so far", True),
    ("I feel scammed", True),
    ("that didn't answer my question at all", True),
])
def test_the_apology_needs_a_complaint(text, complaint):
    assert needs_cue("express_frustration", text) is not complaint


@pytest.mark.parametrize("text, upset", [
    ("this stupid pad gave me a rash and you are useless", True),
    ("ugh this is long", True),
    ("why? i literally said im NOT pregnant", True),
    ("does it help my back?", False),
    ("I'm a bit frustrated with my knee", True),  # (an acknowledgement is harmless here)
    ("how long per session?", False),
])
def test_frustration_is_acknowledged(text, upset):
    assert bool(FRUSTRATED.search(text)) is upset


# #09, #39, #37: skin diseases, acne and tanning have honest not-covered answers over a knowledge guess
@pytest.mark.parametrize("text, guess, topic", [
    ("does it treat psoriasis yes or no", "ask_limitation_chronic_disease", "skin_disease"),
    ("its for my son not me. and does it even help acne?", "ask_benefit_muscle_joint", "acne"),
    ("is this the same thing as a tanning bed? will i get a tan", "ask_how_it_works", "tanning_uv"),
])
def test_topics_the_source_does_not_cover(text, guess, topic):
    assert beyond_source_topic(text).id == topic
    assert topic_intent(text, guess, 0.9) == "ask_not_in_source"


def test_exercise_timing_and_other_colours_are_not_the_muscle_answer():
    assert topic_intent("should i use it before or after my runs?", "ask_benefit_muscle_joint", 0.9) == (
        "ask_not_in_source"
    )
    assert beyond_source_topic("what about blue light, does it do anything?").id == "wavelength"
    # recovery after the gym is still the muscle question
    recovery = "can it speed up muscle recovery after the gym"
    assert topic_intent(recovery, "ask_benefit_muscle_joint", 0.9) is None


# #08: "a child" is no disease the pad could help with
def test_a_child_is_not_a_condition_to_help_with():
    assert condition_help([("a child", "8 year old")]) is None
    assert condition_help([("reduced sensation", "numb toes")]) is None


# #13: "yes delete everything" confirms; "no, don't delete" denies; a question about the data does neither
@pytest.mark.parametrize("text, intent", [
    ("no, dont delete anything", "deny"),
    ("please keep everything", "deny"),
    ("did you keep my answers from the safety questions?", None),
    ("don't forget to delete it", None),
])
def test_a_negated_deletion_is_a_no(text, intent):
    assert hinted_intent(text, "request_forget", 0.9) == intent


# #19: the check starts only when asked for
@pytest.mark.parametrize("text, start", [
    ("im on doxycycline for a few weeks for rosacea. ok to use the pad?", False),
    ("I have eczema, is it safe for me?", False),
    ("I'm diabetic, please check if the pad is safe for me", True),
    ("I know about the lupus, run the safety check anyway", True),
])
def test_the_check_starts_only_when_asked_for(text, start):
    assert _check_still_useful(text) is start


def test_the_same_verdict_asked_again_gets_its_reason():
    rules = ["photosensitising_medication"]
    again = repeated_verdict(rules, "so is doxycycline a problem with red light or not")
    assert again.startswith("As I said, please ask your doctor first") and "Why:" in again
    assert repeated_verdict(rules, "should i cut down my metformin if i use it?") is None


# #30, #41: "and my feet? same thing?" after a knowledge answer is that answer again
@pytest.mark.parametrize("text, previous, intent, same", [
    ("and my feet? same thing?", "utter_benefit_circulation", "ask_limitation_variability", True),
    ("and the fat on my arms?", "utter_limitation_weight_loss", "nlu_fallback", True),
    ("what about my knees?", "utter_benefit_muscle_joint", "ask_followup", True),
    ("what about the price?", "utter_benefit_muscle_joint", "ask_purchase", False),
    ("and what about pregnancy?", "utter_benefit_muscle_joint", "nlu_fallback", False),
    ("and my feet? same thing?", "utter_greet", "nlu_fallback", False),
    ("and for how long?", "utter_benefit_muscle_joint", "ask_followup", False),
])
def test_same_again_after_a_knowledge_answer(text, previous, intent, same):
    assert _asks_same_again(previous, intent, text, 0.3 if intent != "ask_purchase" else 0.95) is same


# round 8 leftovers: a couple that includes the user; the reason when a correction asks why; where an
# implant sits is no reason to drop its verdict
def test_a_couple_trying_to_conceive_includes_the_user():
    mentions = recognise("my husband and I are trying to conceive, can I use it on my back?").mentions
    assert [m.experiencer for m in mentions] == [Experiencer.SELF]
    assert {m.experiencer for m in recognise("my wife and I are expecting our first").mentions} == {
        Experiencer.OTHER
    }


def test_a_correction_that_asks_why_gets_the_reason():
    text = taken_back_reply(["pregnancy"], "ask_doctor", ["trying_to_conceive"], asked_why=True)
    assert "I won't count pregnancy" in text and "Why:" in text
    assert "Why:" not in taken_back_reply(["pregnancy"], "ask_doctor", ["trying_to_conceive"])


def test_where_the_implant_sits_keeps_the_verdict():
    assert OTHER_AREA.search("the implant is behind my ear, not really near my neck")
    assert not OTHER_AREA.search("my neck is not near anything hot")




# --- round 10 (docs/user-study/2026-12-05-round10) ---------------------------------------------------------
@pytest.mark.parametrize("text", [
    "one end is a bit red and warm and theres some yellowish stuff coming out. still ok to use?",
    "green gunk keeps leaking from the cut on my shin",
    "the scar on my knee is hot to the touch",
])
def test_signs_of_infection_get_the_referral(text):
    assert recognise(text).decision.name == "REFERRAL"


@pytest.mark.parametrize("text", [
    "yellow stuff coming out of the pad when it's hot, is it broken?",
    "the paint on my wall looks red and warm in the evening light",
])
def test_infection_words_about_things_stay_quiet(text):
    assert recognise(text).decision.name == "NONE"


@pytest.mark.parametrize("text, intent", [
    ("gonna wrap the pad around my thighs every night to slim them down, how many weeks till results?",
     "ask_limitation_variability"),
    ("sweet, how many cm can i expect to lose", "ask_usage_safety"),
])
def test_fat_loss_hopes_get_the_fat_loss_answer(text, intent):
    assert hinted_intent(text, intent, 0.8) == "ask_limitation_weight_loss"


@pytest.mark.parametrize("text, stop", [
    ("you know what, stop, i'll just ask my doctor about all this", True),
    ("ok stop please", True),
    ("should i stop using it?", False),
    ("i want to stop taking my pills", False),
])
def test_stop_said_in_a_sentence_stops(text, stop):
    assert (hinted_intent(text, "ask_limitation_medical_substitute", 0.8) == "stop") is stop


@pytest.mark.parametrize("text, intent", [
    ("hey, what do you do with the stuff i type here? is it saved?", "ask_benefits"),
    ("but is this chat stored anywhere? who can read it?", "ask_who_should_avoid"),
])
def test_privacy_questions_get_what_is_kept(text, intent):
    assert beyond_source_topic(text).id == "privacy"
    assert topic_intent(text, intent, 0.9) == "ask_not_in_source"
    assert "delete my data" in beyond_source_topic(text).answer
    # asking to delete is still the request to delete
    assert topic_intent("please delete my data", "request_forget", 0.9) is None


def test_pink_skin_after_a_session_is_a_skin_reaction():
    text = "used the pad for 20 min and now my skin is a little pink where it was. is that normal?"
    assert beyond_source_topic(text).id == "skin_reaction"
    assert topic_intent(text, "ask_avoid_skin_conditions", 0.9) == "ask_not_in_source"


def test_batteries_are_a_device_question():
    assert beyond_source_topic("do the pads need to be plugged in or do they have batteries").id == (
        "device_operation"
    )


def test_breastfeeding_after_the_baby_is_the_users():
    mentions = recognise("once the baby is here and im breastfeeding, can i use it?").mentions
    assert {m.experiencer for m in mentions} == {Experiencer.SELF}


@pytest.mark.parametrize("text", [
    "i know, theyre here. im asking if i should tell them about the pad",
    "paramedics here now, they took over. could the pad have caused this??",
])
def test_help_that_is_here_in_lay_words(text):
    assert _HELP_HERE.search(text)


def test_a_medicine_question_is_not_photosensitivity():
    from actions.actions import _ASKS_IF_IT_SENSITISES

    assert _ASKS_IF_IT_SENSITISES.search("does ibuprofen make my skin sensitive to the light or no")
    assert not _ASKS_IF_IT_SENSITISES.search("my skin is very sensitive to light")


def test_a_metal_implant_of_someone_else_is_not_the_remembered_verdict():
    from components.safety_policy import _about_the_other_person
    from tests.test_safety_policy import _tracker

    text = "ok. my mum has a titanium hip replacement, thats not electronic. is she fine?"
    tracker = _tracker("my dad has a pacemaker", text, slots={"known_other_conditions": ["pacemaker"]})
    assert not _about_the_other_person(tracker, text)
    assert _about_the_other_person(tracker, "can she use it on her knees then?")


# --- round 11 (docs/user-study/2026-12-05-round11) ---------------------------------------------------------
@pytest.mark.parametrize("text, answer", [
    ("yes. wait no sorry, i misread, no", "no"),
    ("no sorry, yes", "yes"),
    ("yes sorry", "yes"),
    ("wait, what does that mean", None),
])
def test_a_self_correction_in_the_message_counts(text, answer):
    from padsafety.answers import parse_answer

    found = parse_answer(text)
    assert (found.value if found is not None else None) == answer


def test_a_healing_scrape_answers_the_open_wound_question_no():
    from padsafety.conversation import answer_cue

    assert answer_cue("open_wound", "just a small scrape on my elbow thats mostly healed", negative=True)
    assert not answer_cue("open_wound", "a cut on my hand that hasn't healed", negative=True)


def test_using_the_pad_during_an_emergency_is_the_emergency_question():
    text = "should i put the pad on my chest while i wait?"
    assert safety_plan(text, "ask_not_in_source", False, UTTER_EMERGENCY_FOLLOWUP, "utter_emergency") == [
        UTTER_EMERGENCY_FOLLOWUP
    ]


def test_the_device_rule_needs_a_device_word():
    assert needs_cue("ask_avoid_implanted_device", "its mild and under control with meds")
    assert not needs_cue("ask_avoid_implanted_device", "safe with a pacemker?")
    assert not needs_cue("ask_avoid_implanted_device", "what about a knee replacement, ok?")
    assert topic_intent("is there an app that goes with it?", "ask_avoid_photosensitivity", 0.9) == (
        "ask_not_in_source"
    )


def test_the_catch_all_rule_names_the_conditions():
    from padsafety.messages import condition_assessment
    from padsafety.rules import default_rulebook

    book = default_rulebook()
    text = condition_assessment(book.assess_conditions(["blood thinners", "diabetes"]))
    assert "Another medical condition (blood thinners, diabetes):" in text
    vague = condition_assessment(book.assess_conditions(["a named medical condition"]))
    assert "- Another medical condition:" in vague
