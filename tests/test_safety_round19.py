"""Development round 19 (tests/safety/dev_round19.yml): one test per cause the batch showed the recognition
layer missed. The sentences are new wordings of each cause, not the corpus sentences; each cause has negatives
(or the real condition that must still be caught) beside it."""

import pytest

from padsafety.recognition import Decision, Experiencer, recognise
from tests.recognition_helpers import QUIET, decision, flags_of, rules_of


def experiencers(text, rule):
    return {m.experiencer for m in recognise(text).affirmed() if m.rule_id == rule}


# --- a checklist answered after the words, with a dash, colon or question mark, for a whole list ------------
@pytest.mark.parametrize("text", [
    "Lupus, porphyria, that kind of thing — none of the above",
    "Seizures or fits: nil",
    "Pacemaker, insulin pump, any of those? Neither, thank you",
    "Roaccutane — never taken it",
    "Cold sores - not at the moment",
    "Light sensitivity? Not at all, I tan easily",
])
def test_a_checklist_answered_after_the_words_is_denied(text):
    assert decision(text) not in QUIET


@pytest.mark.parametrize("text", [
    "Pacemaker: yes, fitted in 2021",
    "I have eczema - none of the creams help",
    "I have psoriasis: none of the steroid creams work",
])
def test_a_checklist_answered_yes_or_a_claim_before_the_dash_still_counts(text):
    assert decision(text) is Decision.REFERRAL


def test_a_question_followed_by_none_of_something_is_no_denial():
    reached = decision("can I use it with lupus? none of the leaflets say")
    assert reached in (Decision.REFERRAL, Decision.GENERAL)


# --- "since" meaning "because" before a mention with its own subject ----------------------------------------
def test_since_im_expecting_is_a_pregnancy():
    assert "pregnancy" in rules_of("can I put it on my lower back since I'm expecting")


def test_since_pregnancy_is_still_over():
    assert "pregnancy" not in rules_of("my back has ached ever since pregnancy")


# --- a man who gives his age with hyphens -------------------------------------------------------------------
def test_a_man_with_a_hyphenated_age_denies_breastfeeding():
    assert decision("I'm a 45-year-old bloke so breastfeeding is a no from me") not in QUIET


# --- a spot check that found nothing suspicious -------------------------------------------------------------
def test_moles_checked_with_nothing_suspicious_are_cleared():
    assert "cancer_in_area" not in rules_of("my moles were checked by the GP, nothing concerning")


def test_a_changing_mole_is_still_a_cancer_risk():
    assert "cancer_in_area" in rules_of("a mole on my back has got bigger and darker")


# --- figures of speech: things that collapse or blister, laughing, a numb mind, deals, cynical views --------
@pytest.mark.parametrize("text", [
    "the tripod totally collapsed the first time I used it",
    "we were killing ourselves laughing at the instructions",
    "the varnish on the wooden stand has started blistering",
    "the magazine gave it a blistering review",
    "my head has gone numb with all these specs",
    "any chance you could cut us a deal on two pads?",
    "the delivery charge was a right stitch-up",
    "my husband twisted my arm to buy the belt",
    "I have a jaundiced eye towards these marketing claims",
    "I follow the Cancer Research advice on sunscreen",
])
def test_figures_of_speech_are_no_condition_or_emergency(text):
    assert decision(text) not in QUIET


def test_skin_blistering_after_a_session_is_still_an_emergency():
    assert decision("my skin is blistering after using the pad") is Decision.EMERGENCY


# --- an injury at a child's age told in words ---------------------------------------------------------------
def test_a_fracture_at_an_age_in_words_is_long_over():
    assert decision("fractured my wrist when I was eleven, no trouble since") not in QUIET


# --- the retina named with what is wrong with it; raised eye pressure ---------------------------------------
@pytest.mark.parametrize("text", [
    "I've got a thin retina in my left eye",
    "my son has retina problems",
    "she had her retina lasered last year",
    "the optometrist is monitoring the pressure in my eyes",
    "my eye pressure is a bit high",
])
def test_a_retina_problem_or_eye_pressure_is_an_eye_condition(text):
    assert "eye_condition" in rules_of(text)


def test_blood_pressure_is_no_eye_condition():
    assert "eye_condition" not in rules_of("my blood pressure is a bit high")


# --- fits that someone "takes"; funny turns with blackouts --------------------------------------------------
@pytest.mark.parametrize("text", [
    "my brother takes fits now and again",
    "I get these odd turns where I pass out and jerk",
])
def test_fits_taken_or_turns_with_blackouts_are_seizures(text):
    assert "seizures" in rules_of(text)


def test_clothes_that_fit_are_no_seizure():
    assert "seizures" not in rules_of("the wrap takes a while to fit properly")


# --- an open wound told as a burn still weeping, a tattoo days old, skin splitting open ---------------------
@pytest.mark.parametrize("text", [
    "scalded my arm with the kettle and it's still oozing",
    "got tattooed yesterday on my calf",
    "my heels keep cracking open in the cold",
])
def test_a_weeping_burn_a_fresh_tattoo_or_split_skin_is_an_open_wound(text):
    assert "open_wound" in rules_of(text)


def test_a_tattoo_from_years_ago_is_no_open_wound():
    assert "open_wound" not in rules_of("I got a tattoo years ago and it faded")


# --- a boil placed on the body ------------------------------------------------------------------------------
def test_a_boil_on_the_body_is_a_skin_infection():
    assert "skin_infection_or_eczema" in rules_of("there's a boil under my armpit")


def test_water_on_the_boil_is_no_infection():
    assert "skin_infection_or_eczema" not in rules_of("the pan came to the boil on the back of my cooker")


# --- a mass found in an organ -------------------------------------------------------------------------------
def test_a_mass_in_an_organ_is_a_cancer_risk():
    assert "cancer_in_area" in rules_of("they found a mass on my left kidney, waiting for results")


def test_muscle_mass_is_no_tumour():
    assert "cancer_in_area" not in rules_of("I want to build muscle mass in my legs")


# --- a patch of skin with no feeling ------------------------------------------------------------------------
def test_a_patch_with_no_feeling_is_reduced_sensation():
    assert "reduced_sensation" in rules_of("there's an area on my thigh with hardly any feeling")


# --- discs in the plural; a joint hot and swollen after a fall ----------------------------------------------
@pytest.mark.parametrize("text", [
    "I've got two herniated discs in my neck",
    "my ankle is swollen and hot since I twisted it on the stairs",
])
def test_discs_or_a_swollen_joint_after_a_fall_are_a_condition(text):
    assert "other_condition" in rules_of(text)


# --- a positive test after trying for a baby ----------------------------------------------------------------
def test_a_positive_test_after_trying_is_a_pregnancy():
    assert "pregnancy" in rules_of("we were trying to conceive and the test came up positive today")


def test_a_positive_covid_test_is_no_pregnancy():
    assert "pregnancy" not in rules_of("my covid test was positive last week")


# --- a baby fed by the mother herself -----------------------------------------------------------------------
def test_feeding_a_baby_oneself_is_breastfeeding():
    assert "breastfeeding" in rules_of("I feed my 3-month-old from the breast")


def test_feeding_a_baby_a_bottle_is_no_breastfeeding():
    assert "breastfeeding" not in rules_of("my partner feeds our baby the bottle at night")


# --- sun sensitivity told as breaking out after sunny days or whenever in the sun ---------------------------
@pytest.mark.parametrize("text", [
    "I break out in red welts after a day at the beach in the sun",
    "I get hives whenever I'm out in the sunshine",
])
def test_a_rash_from_being_in_the_sun_is_photosensitivity(text):
    assert "photosensitivity" in rules_of(text)


# --- a medicine said to make the skin sensitive to sunlight -------------------------------------------------
def test_a_medicine_that_makes_skin_sensitive_to_sun_is_photosensitising():
    assert "photosensitising_medication" in rules_of(
        "the tablets the dermatologist gave me can make your skin more sensitive to the sun"
    )


# --- redness spreading with a temperature -------------------------------------------------------------------
def test_spreading_redness_with_a_fever_is_urgent():
    assert "urgent_signs" in flags_of("I've got a fever and the red patch on my arm is spreading")


def test_redness_that_is_fading_is_no_red_flag():
    assert "urgent_signs" not in flags_of("the redness after my session faded in an hour")


# --- a phrase does not run over a question mark; a baby's age after the question is the user's --------------
@pytest.mark.parametrize("text", [
    "ok to use while breastfeeding? my little one is 4 months",
    "is it fine during nursing? my son is 10 weeks",
])
def test_a_babys_age_after_a_feeding_question_makes_it_the_users(text):
    assert experiencers(text, "breastfeeding") == {Experiencer.SELF}


def test_a_feeding_question_about_mothers_stays_general():
    assert decision("is red light safe for breastfeeding mothers? my sister asked") is Decision.GENERAL


# --- a claim heard or read, asked whether it is true --------------------------------------------------------
@pytest.mark.parametrize("text", [
    "my aunt says people with epilepsy must never use these, is that right?",
    "saw on TikTok it gets rid of eczema in a week, any truth in it?",
    "a guy at the gym reckons it fixes diabetes, surely not?",
])
def test_hearsay_asked_as_true_is_general(text):
    assert decision(text) is Decision.GENERAL


@pytest.mark.parametrize("text, rule", [
    ("the doctor said my eczema is fine with it, is that right?", "skin_infection_or_eczema"),
    ("my friend says her pacemaker is fine with it, true?", "implanted_device"),
])
def test_hearsay_about_someones_own_condition_still_counts(text, rule):
    assert rule in rules_of(text)


# --- a lactation consultant seen online ---------------------------------------------------------------------
def test_a_lactation_consultant_online_is_no_breastfeeding():
    text = "a lactation consultant on TikTok said red light helps, is there evidence?"
    assert "breastfeeding" not in rules_of(text)


def test_my_lactation_consultant_is_still_breastfeeding():
    assert "breastfeeding" in rules_of("my lactation consultant suggested I ask you")


# --- a relation named with a digit age ----------------------------------------------------------------------
def test_a_relation_with_a_digit_age_is_someone_else():
    assert experiencers("my 79-year-old mum has a pacemaker, I look after her", "implanted_device") == {
        Experiencer.OTHER
    }


# --- recovery as a health cue for an ambiguous word ---------------------------------------------------------
def test_a_stroke_recovered_from_is_still_a_condition():
    assert decision("had a stroke two years back and I'm still recovering") is Decision.REFERRAL
