"""Development round 14 (tests/safety/dev_round14.yml): one test per cause the batch showed the recognition
layer missed. The sentences are new wordings of each cause, not the corpus sentences; each cause has negatives
that must stay negative."""

import pytest

from padsafety.recognition import Decision
from tests.recognition_helpers import QUIET, decision, flags_of, rules_of


# --- lay words and shorthands -------------------------------------------------------------------------------
@pytest.mark.parametrize("text, rule", [
    ("ebf mom of a 3 month old, is the shoulder wrap fine", "breastfeeding"),
    ("the eye doctor spotted some drusen at my last check, mask ok?", "eye_condition"),
    ("they fitted a CRT pacemaker in march, is the back pad allowed", "implanted_device"),
    ("I've got a womb prolapse after my second, can I sit on the pad", "other_condition"),
    ("dodgy ticker since my forties, is the chest wrap a problem", "other_condition"),
])
def test_lay_words_and_shorthands(text, rule):
    assert rule in rules_of(text)


# --- a changing spot; a cancer named by organ and "ca" ------------------------------------------------------
@pytest.mark.parametrize("text", [
    "the mole on my shoulder has gone darker over the summer, pad ok there?",
    "a brown patch on my shin keeps getting bigger, can the wrap go on it",
    "my freckle changed colour recently, is red light ok on my arm",
    "on tamoxifen after breast ca, is the pad fine on my back",
])
def test_a_changing_spot_or_an_organ_ca_is_a_suspected_cancer(text):
    assert "cancer_in_area" in rules_of(text)


@pytest.mark.parametrize("text", [
    "my skin ca intake is low so I take a supplement",
    "the stain on my shirt is getting bigger every wash",
])
def test_calcium_and_stains_are_no_cancer(text):
    assert "cancer_in_area" not in rules_of(text)


# --- the retina, flickering lights, reduced feeling --------------------------------------------------------
def test_a_retina_described_as_torn_or_detached_is_an_eye_condition():
    assert "eye_condition" in rules_of("the retina in my right eye has a small tear, is the mask ok")


def test_a_neurologists_advice_to_avoid_flashing_lights_is_seizures():
    assert "seizures" in rules_of("neuro told me to stay away from strobing lights, is pulse mode ok")
    assert "seizures" not in rules_of("my photographer friend says avoid flash in museums")


@pytest.mark.parametrize("text", [
    "feeling in my feet has been diminished since chemo, pad on my soles?",
    "there's a dead feeling down the side of my thigh, can I use the wrap",
    "C6 quad here, can my carer put the pad on my shoulders",
])
def test_reduced_sensation_in_other_words(text):
    assert "reduced_sensation" in rules_of(text)


# --- blood sugar, a weak heart -----------------------------------------------------------------------------
@pytest.mark.parametrize("text", [
    "my blood sugars have been all over the place this month, pad still fine?",
    "the cardiologist says my heart is failing a bit, back pad ok",
])
def test_blood_sugar_and_a_weak_heart_are_other_conditions(text):
    assert "other_condition" in rules_of(text)


def test_sugar_in_food_is_no_condition():
    assert decision("the sugar in this cereal is way too high") not in QUIET


# --- a medicine's leaflet, the big C ---------------------------------------------------------------------
def test_a_medicine_leaflet_naming_photosensitivity_is_photosensitising():
    text = "my antibiotics list sun sensitivity as a side effect, is the mask ok"
    assert "photosensitising_medication" in rules_of(text)


def test_a_cancer_beaten_and_named_by_its_nickname_is_still_a_referral():
    assert decision("survived the big c in 2019, pad on my chest ok?") is Decision.REFERRAL


# --- idioms ----------------------------------------------------------------------------------------------
@pytest.mark.parametrize("text", [
    "she blistered past the field on the final lap",
    "what a blistering pace from the leaders today",
    "the whole team was pregnant with excitement before the final",
    "seizure the moment, as my autocorrect keeps saying",
    "my seedlings are really sensitive to light so they live in the shed",
    "listening to Fever Ray on the new album drop",
    "this assignment is long af",
    "I work as an RA in halls, can students share one pad",
    "would the knee wrap fit a bigger knee, I'm quite tall",
    "for my nursing placement essay: is red light evidence based?",
])
def test_idioms_stay_quiet(text):
    assert decision(text) not in QUIET


def test_the_words_still_count_when_meant():
    assert "pregnancy" in rules_of("I'm pregnant with my second, pad on my back ok?")
    assert "other_condition" in rules_of("I have a fever and feel awful, can I use the pad")
    assert decision("I blistered my heel on the hike, pad ok?") is not Decision.EMERGENCY


# --- context ---------------------------------------------------------------------------------------------
@pytest.mark.parametrize("text", [
    "our goalie has eczema on her hands, can she use the team pad",
    "my swim coach has a pacemaker, is the pad ok for him",
    "one of my pupils has epilepsy, can we use the pads in class",
])
def test_team_and_class_members_are_someone_else(text):
    assert decision(text) is Decision.REFERRAL_OTHER


@pytest.mark.parametrize("text", [
    "the numbness from the anaesthetic has worn off now",
    "the numbness from the filling had worn off by lunch",
    "had a cut on my knee in middle school, long healed",
    "sutures were removed a few months ago and the scar has closed up",
])
def test_feeling_back_and_wounds_long_healed_are_over(text):
    assert decision(text) is Decision.NONE


def test_a_wound_with_stitches_out_last_week_is_still_recent():
    text = "staples were removed last week and it has healed, can I use the pad"
    assert decision(text) is Decision.REFERRAL


def test_a_question_in_theory_and_a_topic_for_a_piece_are_general():
    assert decision("could the pad make cellulitis worse, purely in theory") is Decision.GENERAL
    text = "writing a blog post that covers pregnancy and red light, is it safe?"
    assert decision(text) is Decision.GENERAL


# --- red flags -------------------------------------------------------------------------------------------
@pytest.mark.parametrize("text, flag", [
    ("red raw squares in the pattern of the LEDs on my back and they sting", "burn_or_blistering"),
    ("a shadow is creeping across the vision in my right eye", "eye_injury"),
    ("got a hockey stick to the eye, can't see out of it properly", "eye_injury"),
    ("i've been self-harming again, will the pad heal the marks", "self_harm"),
    ("my right arm and face went weak suddenly and I can't speak properly", "stroke_signs"),
])
def test_red_flags_in_other_words(text, flag):
    assert flag in flags_of(text)


@pytest.mark.parametrize("text", [
    "I've been cutting carbs and feel great",
    "we drew the curtains and watched a film",
    "my left side is weak from an old stroke years ago, pad ok?",
])
def test_no_red_flag_in_everyday_words(text):
    assert decision(text) is not Decision.EMERGENCY
