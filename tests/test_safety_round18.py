"""Development round 18 (tests/safety/dev_round18.yml) and the user study found with it: one test per cause
the batch showed the recognition layer missed. The sentences are new wordings of each cause, not the corpus
sentences; each cause has negatives that must stay negative."""

import pytest

from padsafety.recognition import Decision
from tests.recognition_helpers import QUIET, decision, flags_of, rules_of


# --- a device that smoked or smells, told as unplugged, out or with nobody hurt (user study) ---------------
@pytest.mark.parametrize("text", [
    "switched it off at the wall, no flames, it just smells a bit. everyone is fine",
    "the panel was smoking earlier but i pulled the plug and nobody's hurt",
    "the adapter started smoking and now there's a smell of burnt plastic",
])
def test_a_device_that_smoked_told_as_over_is_no_emergency(text):
    assert "device_fire" not in flags_of(text)


@pytest.mark.parametrize("text", [
    "the plug is sparking and the smell is getting worse, there are flames",
    "the pad was smoking and it burned my hand, there are blisters",
])
def test_a_device_on_fire_or_a_burn_on_a_person_is_still_an_emergency(text):
    assert decision(text) is Decision.EMERGENCY


# --- one calf or leg swollen, warm and tender: a possible blood clot (user study) ---------------------------
@pytest.mark.parametrize("text", [
    "my right calf has gone puffy, it's warm and tender when i press it",
    "my dad's left leg is swollen and red and it hurts to walk on",
])
def test_one_swollen_warm_painful_calf_is_urgent(text):
    assert "urgent_signs" in flags_of(text)


@pytest.mark.parametrize("text", [
    "both legs a bit swollen and warm after the flight, not sore though",
    "pulled my calf at training, it's swollen, warm and sore",
])
def test_both_legs_or_a_sports_strain_is_no_clot_flag(text):
    assert "urgent_signs" not in flags_of(text)


# --- a changing mole or spot told further from the word (user study) ----------------------------------------
@pytest.mark.parametrize("text", [
    "there's a mark on my shoulder that bled twice and has changed colour",
    "my mole keeps itching and bleeding when i dry myself",
    "a patch on my cheek has been going darker all year",
])
def test_a_changing_spot_or_mole_is_cancer_in_area(text):
    assert "cancer_in_area" in rules_of(text)


def test_a_popped_pimple_is_no_changing_mole():
    assert "cancer_in_area" not in rules_of("popped a spot on my chin and it bled a bit")


# --- a woman named as "who's expecting"; a gestation "hit" ----------------------------------------------
@pytest.mark.parametrize("text", [
    "getting it for my cousin who is expecting, will it be safe",
    "my wife has reached 32 weeks, can she use the back wrap",
])
def test_pregnancy_told_as_who_is_expecting_or_weeks_reached(text):
    assert "pregnancy" in rules_of(text)


@pytest.mark.parametrize("text", [
    "my brother who's expecting a parcel from you asked about delivery",
    "just hit 10 weeks of daily sessions, loving it",
])
def test_expecting_a_parcel_or_weeks_of_sessions_is_no_pregnancy(text):
    assert "pregnancy" not in rules_of(text)


# --- sun sensitivity told by its effect; a medicine to keep out of the sun with -----------------------------
@pytest.mark.parametrize("text", [
    "i break out in hives from strong sunlight within minutes",
    "my arms blister even through a window in summer",
])
def test_photosensitivity_told_by_its_effect(text):
    assert "photosensitivity" in rules_of(text)


@pytest.mark.parametrize("text", [
    "the chemist told me to keep out of the sun on these tablets",
    "the label on my capsules says avoid direct sunlight, is the mask ok",
])
def test_a_medicine_to_keep_out_of_the_sun_with(text):
    assert "photosensitising_medication" in rules_of(text)


# --- skin torn open; a fresh tattoo told as ink ----------------------------------------------------------
@pytest.mark.parametrize("text", [
    "tore a blister open on my heel at the climbing wall",
    "got new ink on my calf on saturday, pad ok?",
    "my knee is raw and bleeding from the fall",
])
def test_skin_torn_open_or_new_ink_is_an_open_wound(text):
    assert "open_wound" in rules_of(text)


def test_printer_ink_is_no_tattoo():
    assert decision("bought new ink for the printer, anyway how long per session") not in QUIET


# --- damage to a named part of the eye; an eye operation ---------------------------------------------
@pytest.mark.parametrize("text", [
    "scan showed damage to my optic nerve, can i wear the mask",
    "they found a tear in my retina last week",
    "had eye surgery in march, is the face mask ok",
])
def test_damage_to_a_part_of_the_eye_is_an_eye_condition(text):
    assert "eye_condition" in rules_of(text)


# --- nerve pain down a limb; a back that "went"; a dislocated kneecap -------------------------------------
@pytest.mark.parametrize("text", [
    "stabbing pain into my buttock and thigh since friday",
    "my back went when i picked up the kids, can i use the belt",
    "my son dislocated his knee cap at netball",
])
def test_nerve_pain_a_back_gone_or_a_dislocation_is_a_condition(text):
    assert "other_condition" in rules_of(text)


# --- red flags: a device burn with bubbles; skin burning and peeling after the device ---------------------
@pytest.mark.parametrize("text", [
    "the pad left a burn on my thigh and it has gone bubbly",
    "my forehead is burnt and blistering since the panel session",
])
def test_a_device_burn_with_bubbles_or_peeling_is_a_red_flag(text):
    assert "burn_or_blistering" in flags_of(text)


def test_sunburn_burning_and_peeling_is_no_device_burn():
    assert "burn_or_blistering" not in flags_of("back from the beach, shoulders burning and peeling")


# --- figures of speech: a near faint, a machine's "seizure", a pet's name ----------------------------------
@pytest.mark.parametrize("text", [
    "saw the price of petrol and i almost passed out",
    "my laptop had a total seizure during the update",
    "our kitten Lupus keeps knocking things off the shelf",
    "we called the hamster Tumour, don't ask",
])
def test_figures_of_speech_and_pet_names_are_no_condition(text):
    assert decision(text) not in QUIET


def test_nearly_fainting_after_a_session_is_still_heard():
    assert decision("i nearly fainted after the session and i'm still dizzy") is not Decision.NONE


# --- a professional speaking of someone in their care with no "my" -----------------------------------------
@pytest.mark.parametrize("text", [
    "therapist here, client has rosacea and is on isotretinoin",
    "district nurse, patient is diabetic with numb feet",
    "coach here, one of my swimmers has impetigo on his knee",
])
def test_someone_in_a_professionals_care_is_someone_else(text):
    assert decision(text) is Decision.REFERRAL_OTHER


# --- a thing's age told after where it is ------------------------------------------------------------
def test_a_tattoos_age_is_no_child():
    assert decision("the ink on my ankle is about 8 years old, ok to use over it?") not in QUIET
