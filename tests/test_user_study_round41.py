"""User study round 41 (docs/user-study/2026-12-07-round41/): the causes fixed the same session, tested
without Rasa servers where they can be (the conversations are in tests/scenarios/real_users_dev34.yml, ids
d42-). New wordings."""

import re

import pytest

from padsafety.conversation import (
    CALM_CHANGES_IT,
    COUNTS_FOR_ME,
    FRUSTRATED,
    FollowUp,
    calm_changes_answer,
    confirm_last_answer,
    continues_about_them,
    followup_kind,
    only_over,
    over_answer,
    people_named,
    person_switch,
    possible_fracture,
)
from padsafety.intent_hints import topic_intent
from tests.recognition_helpers import hinted_intents
from tests.test_actions import form_slots


# #12: "it's just a surface scrape, not infected" right after the verdict for "my 8 year old" was the parent's
@pytest.mark.parametrize("text", [
    "it's only a small graze, nothing deep",
    "just a tiny scratch on his shin, already scabbed",
    "a little one, no pus or anything",
])
def test_a_description_right_after_their_verdict_goes_on_about_them(text):
    assert continues_about_them(text, named_person=False)


@pytest.mark.parametrize("text, named", [
    ("I've got a cut on my thumb too", False),
    ("it's my own knee that's grazed", False),
    ("my wife has a graze as well", True),
])
def test_a_description_of_ones_own_or_of_someone_new_is_not_theirs(text, named):
    assert not continues_about_them(text, named_person=named)


# #13: "my buddy has a pacemaker" named nobody, so the pacemaker went into the verdict for "my girlfriend"
@pytest.mark.parametrize("text, person", [
    ("my buddy has an ICD", "buddy"),
    ("me and my missus both want one", "missus"),
    ("my hubby is on warfarin", "hubby"),
    ("my bestie has lupus", "bestie"),
])
def test_friends_and_partners_in_everyday_words_are_people(text, person):
    assert people_named([text]) == [person]


def test_a_new_person_with_their_own_condition_turns_away_from_the_friend():
    text = "right. my wife is pregnant, is it ok for her on her back?"
    assert person_switch(text, "pal", ["pacemaker"], {}) == "wife"


def test_the_friend_and_his_pal_word_are_one_person():
    assert person_switch("and my mate, can he use it on his knee?", "buddy", ["pacemaker"], {}) is None


# #38: "had my baby 2 years ago, not breastfeeding anymore" and "eczema as a kid, long gone": "Thanks for
# telling me"; "so all good?" got "Goodbye"
@pytest.mark.parametrize("text, condition", [
    ("I stopped breastfeeding last year, can I use it on my chest now?", "breastfeeding"),
    ("had eczema when I was little but it went years ago", "eczema"),
])
def test_a_condition_told_as_over_gets_what_the_rules_make_of_it(text, condition):
    assert condition in only_over(text)
    answer = over_answer(only_over(text))
    assert "about now" in answer and "manual" in answer and "doctor" in answer
    assert not re.search(r"\bsafe\b", answer, re.I)  # never a medical clearance


@pytest.mark.parametrize("text", [
    "I have eczema on my elbows right now",
    "I don't have eczema",
    "had eczema as a kid and now it's flaring again on my hands",
])
def test_a_current_or_denied_condition_is_not_one_told_as_over(text):
    assert only_over(text) == []


def test_over_answer_for_someone_else_speaks_of_them():
    assert "applies to them now, they can" in over_answer(["eczema"], for_other=True)


@pytest.mark.parametrize("text", ["so all good?", "all clear then?", "good to go?", "so it's all fine then?"])
def test_all_good_is_a_status_question(text):
    assert followup_kind(text) is FollowUp.STATUS


# #37: a wrist broken 6 years ago, fully healed, was "a possibly broken bone" three turns later
@pytest.mark.parametrize("text", [
    "I broke my ankle 10 years ago, it's completely healed",
    "cracked my wrist as a kid, no problems since",
    "fractured my arm back in 2012",
])
def test_an_old_healed_break_is_no_possible_fracture(text):
    assert not possible_fracture([text])


def test_a_fresh_break_still_is():
    assert possible_fracture(["I think I broke my toe yesterday, it's swollen"])


# #11: "does my mum's diabetes mean I should be careful too?" got her verdict again
@pytest.mark.parametrize("text", [
    "does my dad's epilepsy mean I can't use it either?",
    "so his pacemaker means I should avoid it too?",
])
def test_whether_someone_elses_condition_counts_for_me(text):
    assert COUNTS_FOR_ME.search(text)


def test_a_plain_question_about_them_is_not_about_me():
    assert not COUNTS_FOR_ME.search("does her diabetes mean she should be careful?")


# #16, #17: "not even a bit?" after "it cannot cure" or "it cannot burn fat": a verdict line, the menu
def test_not_even_a_little_after_the_fat_answer_is_a_plain_no():
    answer = confirm_last_answer("utter_limitation_weight_loss", "so not even a little bit?")
    assert answer and answer.startswith("No, not even a little")


def test_not_even_a_bit_after_the_cure_answer_keeps_the_symptoms():
    answer = confirm_last_answer("utter_limitation_chronic_disease", "not even a bit?")
    assert answer and "cannot fix or cure" in answer


def test_not_even_a_bit_after_a_benefit_is_left_alone():
    assert confirm_last_answer("utter_benefit_muscle_joint", "not even a bit?") is None


# #17: "does it burn fat or is that marketing rubbish" got "I'm sorry this has been frustrating"
@pytest.mark.parametrize("text", [
    "does it really tighten skin or is that marketing rubbish",
    "is it all just rubbish what they claim about fat",
])
def test_doubting_the_claims_is_no_frustration(text):
    assert not FRUSTRATED.search(text)


def test_a_real_complaint_still_is():
    assert FRUSTRATED.search("this bot is rubbish")


# #42: "my psoriasis isn't flaring right now, does that change it?" got the verdict block again
@pytest.mark.parametrize("text", [
    "the rosacea is under control at the moment, does that matter?",
    "my lupus is in remission, would that change it",
])
def test_calm_now_asks_whether_it_changes_the_verdict(text):
    assert CALM_CHANGES_IT.search(text)


def test_calm_changes_nothing_for_another_condition():
    answer = calm_changes_answer(["other_condition"])
    assert answer.startswith("Not for me") and "doctor" in answer


def test_calm_eczema_keeps_its_own_answer():
    assert "between flare-ups" in calm_changes_answer(["skin_infection_or_eczema"])


# #40, #44, #36, #41: storage, depression, "my back is playing up", a pump "not implant, outside on skin"
@pytest.mark.parametrize("text, intent, wanted", [
    ("how should I store the pad between uses?", "ask_purchase", "ask_not_in_source"),
    ("can it help with depression?", "ask_limitation_chronic_disease", "ask_not_in_source"),
])
def test_a_topic_the_classifier_misread(text, intent, wanted):
    assert topic_intent(text, intent, 0.6) == wanted


def test_a_back_playing_up_is_the_muscle_question():
    assert "ask_benefit_muscle_joint" in hinted_intents("honestly my back has been playing up all week")


def test_a_pump_worn_outside_is_the_worn_device_topic():
    from padsafety.conversation import beyond_source_topic

    topic = beyond_source_topic("its not an implant, it sits on my skin")
    assert topic is not None and topic.id == "worn_device"


# ---- the safety check (actions/forms.py through tests.test_actions.form_turn) ---------------------------
# #3: "Lord no, I'm 74" was refused
@pytest.mark.parametrize("text", ["good lord no, I'm 81", "heavens no", "god no, I'm a grandad"])
def test_an_exclamation_before_the_no_is_still_a_no(text):
    assert form_slots(text, "screen_pregnancy") == {"screen_pregnancy": "no"}


# #3: "wait, go back - I do have a pacemaker" at the pacemaker question went back to the question before
def test_go_back_with_the_asked_condition_named_answers_this_question():
    from tests.test_actions import form_turn, slot_events

    dispatcher, events = form_turn(
        "sorry go back, I actually do have an ICD", "screen_implanted_device", intent="mention_condition",
        screen_pregnancy="no", screen_skin_infection_or_eczema="no", screen_open_wound="no",
        screen_photosensitivity="no",
    )
    assert slot_events(events) == {"screen_implanted_device": "yes"}
    assert not any("go back to question" in (m.get("text") or "") for m in dispatcher.messages)


# #9: "no cancer" to the medicines question and "never had a fit" to the cancer one were their no
@pytest.mark.parametrize("text, requested", [
    ("no tumours", "screen_photosensitising_medication"),
    ("never had epilepsy", "screen_cancer_in_area"),
])
def test_a_no_to_another_question_is_no_answer_to_this_one(text, requested):
    assert form_slots(text, requested) == {}


@pytest.mark.parametrize("text, requested", [
    ("no, not pregnant either", "screen_other_condition"),
    ("no tumours", "screen_cancer_in_area"),
    ("no fits ever", "screen_seizures"),
])
def test_a_no_that_answers_this_question_or_stands_alone_is_kept(text, requested):
    assert form_slots(text, requested) == {requested: "no"}


# dev round 22 answers the form read wrong
@pytest.mark.parametrize("text, requested", [
    ("skin's all clear mate", "screen_skin_infection_or_eczema"),
    ("appendix scar from 2009, completely healed", "screen_open_wound"),
])
def test_everyday_all_clear_and_long_healed_are_a_no(text, requested):
    assert form_slots(text, requested) == {requested: "no"}


# #13: "my girlfriend is breastfeeding our 3 month old" put "A child" into her verdict
@pytest.mark.parametrize("text, fed", [
    ("my wife is nursing our 6-week-old, can she use it on her neck?", True),
    ("still breastfeeding my 5 month old, is it ok for my back?", True),
    ("I'm breastfeeding and can my 5 month old lie on it?", False),
    ("I'm breastfeeding, can our 2 month old use it too?", False),
    ("my girlfriend is breastfeeding our 3 month old, can she use it?", True),
    ("my sister is breastfeeding her 2 month old, ok for her?", True),
    ("still nursing my 2 year old, can she use it?", False),
])
def test_a_baby_named_as_the_one_fed_is_not_a_child_to_use_the_pad(text, fed):
    from padsafety.recognition import default_recogniser

    rules = {m.rule_id for m in default_recogniser().recognise(text).mentions if m.affirmed}
    assert "breastfeeding" in rules
    assert ("children" not in rules) is fed


# #23: "ok so the knee yes, the weight no?" after the fat and the joint answers got the usage text
def test_two_answers_summed_up_get_both_short_versions():
    from padsafety.conversation import confirm_both

    said = ["utter_limitation_weight_loss", "utter_doctor_referral", "utter_benefit_muscle_joint"]
    answer = confirm_both(said, "right so the back yes but the belly fat no?")
    assert answer and "does not break down fat" in answer and "muscles" in answer


@pytest.mark.parametrize("text", ["so is it yes or no?", "yes", "no thanks"])
def test_other_short_replies_are_no_summary(text):
    from padsafety.conversation import confirm_both

    assert confirm_both(["utter_limitation_weight_loss", "utter_benefit_muscle_joint"], text) is None


def test_one_answer_is_not_summed_up_as_two():
    from padsafety.conversation import confirm_both

    assert confirm_both(["utter_limitation_weight_loss"], "so the knee yes, the weight no?") is None
