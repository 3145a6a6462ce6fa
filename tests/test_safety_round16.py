"""Development round 16 (tests/safety/dev_round16.yml) and the user study found with it: one test per cause
the batch showed the recognition layer missed. The sentences are new wordings of each cause, not the corpus
sentences; each cause has negatives that must stay negative."""

import pytest

from padsafety.recognition import Decision
from tests.recognition_helpers import QUIET, decision, flags_of, rules_of


# --- pregnancy told as a gestation with "about" or of a partner, or as a faint positive -------------------
@pytest.mark.parametrize("text", [
    "my girlfriend's roughly 14 weeks, her hips ache, can she use my pad",
    "i'm nearly 9 weeks and my lower back is killing me",
    "saw a feint positive this morning, should I put the pad away",
    "clear positive on a home test last night, belly wrap ok?",
])
def test_pregnancy_told_by_gestation_or_a_faint_positive(text):
    assert "pregnancy" in rules_of(text)


@pytest.mark.parametrize("text", [
    "i'm about 3 weeks out from my knee op",
    "faint positive on a covid test, can i still use the pad",
    "my partner is 6 weeks into a new job",
])
def test_weeks_and_positives_that_are_no_pregnancy(text):
    assert "pregnancy" not in rules_of(text)


# --- breastfeeding told as feeding the baby or giving the breast -------------------------------------------
@pytest.mark.parametrize("text", [
    "feeding baby round the clock at the moment, shoulders in knots, pad ok?",
    "still offering my toddler the breast at night, is the neck pad fine",
    "mum of a 6 week old, breastfed, can i use it on my back",
])
def test_breastfeeding_told_other_ways(text):
    assert "breastfeeding" in rules_of(text)


def test_bottle_feeding_is_no_breastfeeding():
    assert "breastfeeding" not in rules_of("bottle feeding baby every 3 hours, my wrists ache")


def test_breastfeeding_stays_current_when_a_scar_named_after_it_healed():
    text = "breastfeeding my 3 month old, want the pad on my c section scar, it's closed up now"
    assert "breastfeeding" in rules_of(text)


# --- a mole or wart taken off and still raw is an open wound ------------------------------------------------
@pytest.mark.parametrize("text", [
    "had a skin tag snipped off on monday and it's still bleeding a bit",
    "got a wart frozen off last week, the spot is still raw",
])
def test_a_removal_site_still_raw_is_an_open_wound(text):
    assert "open_wound" in rules_of(text)


# --- red flags told in other words --------------------------------------------------------------------------
@pytest.mark.parametrize("text, flag", [
    ("can't take a proper breath and it's getting worse and worse", "breathing"),
    ("stung by a wasp, hives everywhere and my tongue's going puffy", "breathing"),
    ("suddenly lost part of my vision in the last hour", "eye_injury"),
])
def test_red_flags_told_in_other_words(text, flag):
    assert flag in flags_of(text)


def test_a_breath_question_without_worsening_is_no_emergency():
    text = "can't take a deep breath when I run, is red light good for lungs?"
    assert decision(text) is not Decision.EMERGENCY


# --- medical words said of things are idioms ----------------------------------------------------------------
@pytest.mark.parametrize("text", [
    "our book club has no pulse since the summer",
    "burnt the toast again, smoke alarm went off",
    "that old bureaucracy is a slow cancer on the company",
    "sprained my brain on the tax forms",
    "this deploy has been a total migraine, finally shipped",
])
def test_medical_words_said_of_things_are_idioms(text):
    assert decision(text) not in QUIET


def test_a_person_with_no_pulse_is_still_an_emergency():
    assert decision("my dad collapsed and has no pulse") is Decision.EMERGENCY


# --- named conditions, medicines and skin treatments the lexicon lacked ---------------------------------
@pytest.mark.parametrize("text, rule", [
    ("on quetiapine at night, can I use the knee pad", "other_condition"),
    ("had a glycolic peel two days ago, face is tight", "other_condition"),
    ("dermaroller session on tuesday, pad ok tonight?", "other_condition"),
    ("peri-menopausal and my joints ache, worth trying?", "other_condition"),
    ("I'm on testosterone replacement, any issue with the pad", "other_condition"),
    ("my son has osgood-schlatter's, his knees hurt", "other_condition"),
    ("i've got a posterior vitreous detachment, is the face mask ok", "eye_condition"),
    ("the gel inside my right eye pulled away a few weeks ago", "eye_condition"),
    ("got both lenses replaced in the spring, can I use the mask", "eye_condition"),
    ("seizure-free a year now, still taking lamotrigine", "seizures"),
    ("had a fit on boxing day, first in ages", "seizures"),
    ("strange growing lump on my neck, waiting for the scan", "cancer_in_area"),
    ("a spot on my nose got me an urgent referral to dermatology", "cancer_in_area"),
])
def test_named_conditions_the_lexicon_lacked(text, rule):
    assert rule in rules_of(text)


@pytest.mark.parametrize("text", [
    "had my glasses lenses replaced at the optician",
    "the dress fit in july but not now",
    "i'm post-menopausal, can i use it on my knees",
])
def test_words_beside_the_new_conditions_that_name_none(text):
    assert decision(text) not in QUIET


# --- when and whose: feeding over or not, a condition reviews mention ----------------------------------
def test_breastfeeding_finished_long_ago_is_over():
    assert "breastfeeding" not in rules_of("stopped breastfeeding two years ago, my knees hurt")


def test_a_feed_just_finished_is_still_breastfeeding():
    assert "breastfeeding" in rules_of("just finished breastfeeding her, can i use the pad now")


def test_a_condition_that_reviews_mention_is_a_general_question():
    assert decision("is the light steady? a few reviews mention seizures") is Decision.GENERAL


# --- user study: remission of another condition; a professional's patient ----------------------------------
@pytest.mark.parametrize("text", [
    "my crohn's has been in remission for ages, any reason I can't use it?",
    "rheumatoid arthritis in remission since 2020, pad ok on my hands?",
])
def test_remission_of_another_condition_names_no_cancer(text):
    assert "cancer_in_area" not in rules_of(text)


@pytest.mark.parametrize("text", [
    "in remission from lymphoma for two years, can I use the pad",
    "bowel cancer, in remission now, can I use it on my back",
])
def test_remission_with_a_cancer_still_names_one(text):
    assert "cancer_in_area" in rules_of(text)


@pytest.mark.parametrize("text", [
    "I'm a district nurse. one of my housebound patients has a pressure sore that won't close, will it help?",
    "physio here, one of our regular clients has eczema on her knees, can she use it",
    "a long-term client of mine has a leg ulcer, is the pad worth trying",
])
def test_a_professionals_patient_is_someone_else(text):
    assert decision(text) is Decision.REFERRAL_OTHER
