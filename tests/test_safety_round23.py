"""Development round 23 (tests/safety/dev_round23.yml): one test per cause the batch showed the recognition
layer or the answer parser missed. The sentences are new wordings of each cause, not the corpus sentences;
each cause has negatives (or the real condition that must still be caught) beside it."""

import pytest

from padsafety.answers import parse_answer
from padsafety.recognition import Decision, Experiencer, recognise
from padsafety.rules import Answer
from tests.recognition_helpers import QUIET, decision, flags_of, rules_of


def experiencers(text, rule):
    return {m.experiencer for m in recognise(text).affirmed() if m.rule_id == rule}


# --- pregnancy: "in family way" without "the" (Indian English) ----------------------------------------------
@pytest.mark.parametrize("text", [
    "I am in family way since 2 months, is the belt ok for my back?",
    "in family way, 7th month, knees are paining",
])
def test_in_family_way_is_a_pregnancy(text):
    assert "pregnancy" in rules_of(text)


def test_a_family_friendly_way_is_no_pregnancy():
    assert decision("we run our clinic in a family friendly way, do you sell in bulk?") not in QUIET


# --- a dark spot told as growing before its place is named --------------------------------------------------
@pytest.mark.parametrize("text", [
    "there's a new black mark that's been growing on my forearm, ok to use the pad there?",
    "a funny dark patch that got bigger near my collarbone, can I shine it on that?",
])
def test_a_growing_dark_spot_is_a_possible_skin_cancer(text):
    assert "cancer_in_area" in rules_of(text)


@pytest.mark.parametrize("text", [
    "a dark spot on the screen keeps getting bigger, is the remote broken?",
    "the dark spots on my cheeks are getting lighter since I started, love it",
])
def test_a_spot_on_a_screen_or_fading_dark_spots_are_no_cancer(text):
    assert "cancer_in_area" not in rules_of(text)


# --- a screen or a scan that found something not yet named: being checked -----------------------------------
@pytest.mark.parametrize("text", [
    "breast screening picked up something, I've been called back, can I use the wrap meanwhile?",
    "my ultrasound showed an abnormality, more tests next week",
])
def test_a_scan_that_found_something_is_being_checked(text):
    assert "cancer_in_area" in rules_of(text)


@pytest.mark.parametrize("text", [
    "the 20 week scan found something minor with the baby's kidney, nothing serious",
    "the virus scan found something on my laptop, can I still use the app?",
])
def test_a_pregnancy_scan_or_a_virus_scan_finds_no_cancer(text):
    assert "cancer_in_area" not in rules_of(text)


# --- someone being checked for a lump, the check told before the lump ---------------------------------------
def test_a_relative_being_checked_for_a_lump_is_theirs():
    text = "my mum is getting checked for a lump in her neck, I just want one for my knees"
    assert experiencers(text, "cancer_in_area") == {Experiencer.OTHER}
    assert decision(text) is Decision.REFERRAL_OTHER


def test_being_checked_for_a_lump_oneself_is_the_users():
    text = "I'm being seen about a suspicious lump on Friday"
    assert Experiencer.SELF in experiencers(text, "cancer_in_area")
    assert decision(text) is Decision.REFERRAL


def test_a_car_checked_for_a_fault_is_nothing():
    assert decision("my car is being checked for a fault, so I'll collect the pad later") not in QUIET


# --- fits that something sets off or triggers ---------------------------------------------------------------
@pytest.mark.parametrize("text", [
    "strobe effects trigger my fits, is the pad a steady light?",
    "bright flickering brings on his fits, is the mask safe for him?",
])
def test_fits_set_off_by_something_are_seizures(text):
    assert "seizures" in rules_of(text)


@pytest.mark.parametrize("text", [
    "your prices trigger my fits of laughter honestly",
    "the flickering lights in the office set off my headache, not fun",
])
def test_fits_of_laughter_or_a_headache_are_no_seizures(text):
    assert "seizures" not in rules_of(text)


# --- another condition: polycystic kidneys; a blood pressure reading told with "been" or "running at" -------
@pytest.mark.parametrize("text", [
    "I was diagnosed with PKD last year, polycystic kidney disease",
    "my blood pressure has been running at 150/95 for weeks",
    "bp's been around 170/100 lately, can I still use it?",
])
def test_polycystic_kidneys_or_a_high_reading_are_another_condition(text):
    assert "other_condition" in rules_of(text)


@pytest.mark.parametrize("text", [
    "my BP's been 118/76 at every check, all normal",
    "the tyre pressure has been 35/40 psi all week",
])
def test_a_normal_reading_or_a_denied_condition_is_nothing(text):
    assert "other_condition" not in rules_of(text)


# --- everyday senses: an idea implanted, a cable wound up, a ward as a workplace, a thing that has a fit ----
@pytest.mark.parametrize("text", [
    "that jingle got implanted in my brain after one advert",
    "the cord wound round the handle in the box, is that how it ships?",
    "my wife works nights on the oncology unit and her shoulders ache, how long per session?",
    "I do shifts on a stroke ward and my feet are killing me",
    "my phone has a fit whenever I try to pair it",
    "the charger throws a fit if I use a different plug",
])
def test_everyday_senses_name_no_condition(text):
    assert decision(text) not in QUIET


@pytest.mark.parametrize("text, rule", [
    ("I had a stimulator implanted in my brain for my tremor", "implanted_device"),
    ("my wound is still open from the op", "open_wound"),
    ("I had a fit after using the pad last night", "seizures"),
    ("I'm on the cancer ward having chemo for bowel cancer", "cancer_in_area"),
])
def test_the_real_condition_beside_those_words_still_counts(text, rule):
    assert rule in rules_of(text)


# --- red flag: dark spots that will not go after light in the eyes ------------------------------------------
def test_dark_spots_that_will_not_go_after_staring_at_the_light_are_an_eye_injury():
    text = "forgot my goggles and stared at the panel, now there are black spots that haven't gone for hours"
    assert "eye_injury" in flags_of(text)


@pytest.mark.parametrize("text", [
    "I always wear the goggles; the dark spots on my cheeks won't go, will it fade them?",
    "with goggles on I'm not seeing any dark spots that won't go, all fine",
    "I wear glasses and have dark spots that won't fade, will the mask help?",
])
def test_dark_spots_on_the_skin_or_denied_are_no_emergency(text):
    assert decision(text) is not Decision.EMERGENCY


# --- long over: a medicine course in a year long ago, an illness at an age and "long over" ------------------
@pytest.mark.parametrize("text", [
    "did a course of minocycline back in 2016, finished",
    "had tonsillitis at 15, long over",
])
def test_a_course_or_an_illness_long_over_is_no_referral(text):
    assert decision(text) not in QUIET


@pytest.mark.parametrize("text, rule", [
    ("took doxycycline last week for a chest thing", "photosensitising_medication"),
    ("ran a fever at 39 last night", "other_condition"),
    ("had a DVT at 30, can I use it on my legs?", "other_condition"),
])
def test_a_recent_course_a_fever_now_or_a_lasting_history_still_counts(text, rule):
    assert rule in rules_of(text)


# --- a condition bound to a pregnancy long over, told as normal since ---------------------------------------
@pytest.mark.parametrize("text", [
    "had pregnancy-induced high blood pressure with my son in 2012, normal ever since",
    "I had diabetes during my pregnancy 8 years ago but it went away after the birth",
])
def test_a_pregnancy_bound_condition_long_over_is_no_referral(text):
    assert decision(text) not in QUIET


def test_a_pregnancy_bound_condition_without_an_all_clear_or_a_pregnancy_now_still_counts():
    assert "other_condition" in rules_of("had gestational diabetes with my daughter, does it matter?")
    text = "I'm pregnant again, had gestational diabetes with my first 5 years ago, fine since"
    assert "pregnancy" in rules_of(text)


# --- breastfeeding words that are no insulin pump and no child using the pad --------------------------------
@pytest.mark.parametrize("text", [
    "I pump milk at work twice a day, is red light ok for my neck?",
    "tandem feeding my 3 year old and the baby, ok on my back?",
])
def test_pumping_milk_or_tandem_feeding_is_breastfeeding_only(text):
    assert rules_of(text) == {"breastfeeding"}


@pytest.mark.parametrize("text, rule", [
    ("my Tandem pump sits on my belly, where can I use the pad?", "implanted_device"),
    ("I wear a t:slim, ok to use the wrap?", "implanted_device"),
    ("breastfeeding my 2 year old, can I use it on him for his eczema?", "children"),
])
def test_a_tandem_pump_or_a_child_the_pad_is_used_on_still_counts(text, rule):
    assert rule in rules_of(text)


# --- a light sensitivity told as a medicine's effect --------------------------------------------------------
def test_a_medicines_effect_on_the_skin_is_the_medicine_only():
    rules = rules_of("my GP says the doxycycline I'm on may make you sensitive to light, does the pad count?")
    assert "photosensitising_medication" in rules
    assert "photosensitivity" not in rules


def test_a_light_sensitivity_of_ones_own_beside_a_medicine_still_counts():
    assert {"photosensitising_medication", "photosensitivity"} <= rules_of(
        "I take doxycycline and I'm sensitive to light as well"
    )


# --- an infection told as the cause of numbness after it ----------------------------------------------------
def test_numbness_after_shingles_is_reduced_sensation_not_an_infection():
    rules = rules_of("my forehead has stayed numb since my shingles, ok to use the mask?")
    assert "reduced_sensation" in rules
    assert "skin_infection_or_eczema" not in rules


@pytest.mark.parametrize("text", [
    "I've got shingles on my chest and it's numb around it",
    "numb after shingles last week and the blisters are still there",
])
def test_a_current_shingles_rash_is_still_an_infection(text):
    assert "skin_infection_or_eczema" in rules_of(text)


# --- answers in the check: a yes with skin antibiotics; "no, <the feeling> is fine" -------------------------
def test_antibiotics_for_the_skin_are_a_photosensitising_medicine():
    assert "photosensitising_medication" in rules_of("yes, the antibiotics for my acne")
    assert parse_answer("yes, the antibiotics for my acne") is Answer.YES
    assert "photosensitising_medication" not in rules_of("on antibiotics for my skin infection")


def test_a_no_before_a_comma_opens_no_phrase():
    assert parse_answer("no, feeling's normal everywhere") is Answer.NO
    assert "reduced_sensation" not in rules_of("no, sensation is normal")
    assert "reduced_sensation" in rules_of("no sensation in my heels since the op")
