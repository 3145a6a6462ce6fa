"""Development round 13 (tests/safety/dev_round13.yml): one test per cause the batch showed the recognition
layer missed. The sentences are new wordings of each cause, not the corpus sentences; each cause has negatives
that must stay negative."""

import pytest

from padsafety.recognition import Decision, Experiencer, normalise, recognise
from tests.recognition_helpers import QUIET, decision, flags_of, rules_of


# --- words from other languages -----------------------------------------------------------------------------
def test_accents_are_folded_and_keep_every_position():
    text = "Mamá tiene cáncer, ¿está bien?"
    assert len(normalise(text)) == len(text)
    assert normalise("Neuropatía") == "neuropatia"


@pytest.mark.parametrize("text, rule", [
    ("mi hermana tiene cáncer de mama, the pad on her shoulder?", "cancer_in_area"),
    ("tengo neuropatía diabética, my soles feel nothing, pad ok?", "reduced_sensation"),
    ("mi abuelo lleva marcapasos, can he lie on the back pad", "implanted_device"),
    ("mirgi ke daure padte hain mujhe, mask theek hai?", "seizures"),
    ("tengo una herida abierta en la pierna, pad ok?", "open_wound"),
])
def test_conditions_named_in_the_languages_users_mix_in(text, rule):
    assert rule in rules_of(text)


@pytest.mark.parametrize("text", [
    "mi pedido todavía no llegó, tracking please",
    "¿cuánto cuesta el envío a Sevilla?",
    "the café near the depot said my parcel was left there",
])
def test_words_from_other_languages_with_no_condition_stay_quiet(text):
    assert decision(text) not in QUIET


@pytest.mark.parametrize("text", [
    "Meri mummy ko sugar hai aur BP bhi, pad unke liye safe hai?",
    "Mi padre tiene diabetes, can he use the foot pad?",
    "Moja mama has lupus, can she try the mask",
    "Meine Oma hat einen Herzschrittmacher, is the back pad ok for her",
])
def test_my_relation_in_another_language_is_someone_else(text):
    assert decision(text) is Decision.REFERRAL_OTHER


def test_a_patient_on_the_users_ward_is_someone_else():
    for text in (
        "a resident in our care home has lupus, staff want to try the pad",
        "client at my salon has a pacemaker, can she have the LED facial",
    ):
        assert decision(text) is Decision.REFERRAL_OTHER, text


# --- lay words and names ------------------------------------------------------------------------------------
@pytest.mark.parametrize("text, rule", [
    ("midwife booking appointment is on monday, 9 weeks, can i still use the pad", "pregnancy"),
    ("i feed my little one myself every few hours, can i fit a session in", "breastfeeding"),
    ("bf my 5 month old round the clock, is the neck wrap ok", "breastfeeding"),
    ("beti ko abhi bhi doodh pilati hoon, back pad use kar sakti hoon?", "breastfeeding"),
    ("trying relactation with my surrogate baby, is red light ok meanwhile", "breastfeeding"),
    ("started sotret last month for acne, is the mask a problem", "photosensitising_medication"),
    ("on cifran for a chest infection, can i do my sessions", "photosensitising_medication"),
    ("school sore on my son's lip, can the mask go over it", "skin_infection_or_eczema"),
    ("temporomandibular joint disorder, is the face mask fine", "other_condition"),
    ("Levera 500 twice a day for my fits, can I use the LED mask", "seizures"),
])
def test_lay_words_and_brand_names(text, rule):
    assert rule in rules_of(text)


@pytest.mark.parametrize("text", [
    "my booking appointment for a facial is in 3 weeks, can i use the mask before it",
    "i feed my baby formula now, can i use the back pad",
    "had to cancel the booking, can I rebook for next month",
])
def test_bookings_and_bottle_feeds_are_not_pregnancy_or_breastfeeding(text):
    assert not rules_of(text) & {"pregnancy", "breastfeeding"}


# --- generic forms ------------------------------------------------------------------------------------------
def test_a_medicine_label_warning_about_sun_exposure_is_photosensitising():
    assert "photosensitising_medication" in rules_of(
        "the leaflet in my capsules says do not expose your skin to sunlight or sunbeds, can i use the panel")
    assert decision("store the pad away from direct sunlight, it says on the box") is Decision.NONE


def test_a_spot_frozen_off_and_watched_is_a_suspected_cancer():
    assert "cancer_in_area" in rules_of(
        "my gp burnt off a patch on my temple and wants to see it again in a month, mask ok?")
    assert "cancer_in_area" not in rules_of("the doctor froze a wart on my finger, can i use the pad")


def test_a_box_put_in_for_the_heart_is_an_implanted_device():
    assert "implanted_device" in rules_of(
        "the device under my right collarbone, the one they fitted for my heart block, is that a problem")
    assert "implanted_device" in rules_of(
        "there's a battery the surgeon implanted to control my heart rhythm, ok to use the chest pad?")
    assert decision("the box was put in the hallway, where should the pad go") is Decision.NONE


def test_drops_for_the_pressure_in_the_eyes_is_an_eye_condition():
    assert "eye_condition" in rules_of("using drops each morning for the high pressure in my eyes, mask ok?")
    assert "eye_condition" not in rules_of("the drops of water on the mask, is that condensation normal")


def test_a_leaking_drain_hole_is_an_open_wound():
    assert "open_wound" in rules_of("the hole where the tube came out after surgery is still leaking, ok?")
    assert decision("there's a hole in the cable cover and the pad's water pouch is leaking") not in QUIET


@pytest.mark.parametrize("text", [
    "my toes have gone sort of dead since the chemo, can the foot pad go on",
    "my feet are numb because of the diabetes, can i put them on the pad",
    "after the accident i don't feel pain on my left arm properly, wrap ok?",
    "haath mein sunn ho jata hai, sugar ki wajah se, pad use karun?",
])
def test_reduced_sensation_in_other_words(text):
    assert "reduced_sensation" in rules_of(text)


@pytest.mark.parametrize("text", [
    "I don't feel the heat much from the pad, is it on the right setting?",
    "my legs feel dead after leg day, will the wrap help",
])
def test_the_pads_heat_and_tired_legs_are_no_reduced_sensation(text):
    assert "reduced_sensation" not in rules_of(text)


def test_a_medicine_for_the_heart_rhythm_and_hinglish_diabetes_are_other_conditions():
    assert "other_condition" in rules_of("the pills my doctor prescribed for my heartbeat make me dizzy")
    assert "other_condition" in rules_of("mujhe sugar hai, pad safe hai?")
    assert decision("add some sugar and milk to the tea, then start the session") is Decision.NONE


# --- everyday senses ----------------------------------------------------------------------------------------
@pytest.mark.parametrize("text", [
    "what's the due date for paying the second instalment?",
    "our operation is based in Leeds, do you ship pallets?",
    "would the large one fit round my waist? I'm a size 18",
])
def test_due_dates_businesses_and_sizes_are_no_health_words(text):
    assert decision(text) is Decision.NONE


def test_a_fit_in_the_night_still_counts_beside_a_health_cue():
    assert "seizures" in rules_of("i had a fit in my sleep last night, my epilepsy nurse blames the tablets")


# --- context ------------------------------------------------------------------------------------------------
def test_a_statement_before_a_new_question_is_no_risk_question():
    found = recognise("flashing lights give me migraines and seizures, is the panel flicker-free?")
    assert "seizures" in {m.rule_id for m in found.affirmed(Experiencer.SELF)}
    assert decision("can flashing lights give you a seizure?") is Decision.GENERAL


def test_a_double_negative_and_a_reason_are_not_denials():
    assert "photosensitivity" in rules_of("i never go in the garden without getting a sun rash, pad ok?")
    assert "reduced_sensation" in rules_of(
        "burnt my heel on the radiator without feeling it because my feet are numb, is the pad hot")
    assert decision("i don't have eczema, is the mask ok") is Decision.NONE


def test_a_decline_told_with_isnt_what_it_was_is_no_denial():
    assert "other_condition" in rules_of(
        "dad's hearing isn't what it was and he has parkinson's, can he use the pad")


def test_a_hypothetical_person_is_a_general_question():
    assert decision("in theory, if a client had a pacemaker, could she use the panel?") is Decision.GENERAL
    assert decision("say someone has epilepsy, is the mask risky?") is Decision.GENERAL
    assert decision("my client has a pacemaker, can she use the panel?") is Decision.REFERRAL_OTHER


def test_a_question_after_a_colon_is_read_on_its_own():
    assert decision("quick one for my salon FAQ: can people with rosacea use the mask?") is Decision.GENERAL


def test_asking_why_about_the_check_question_is_general():
    assert decision("just wondering, why the pacemaker question?") is Decision.GENERAL
    assert decision("skip the pregnancy question please") is Decision.NONE


def test_a_possible_pregnancy_ruled_out_later_is_denied():
    assert decision("thought i might be pregnant but the tests came back negative, pad ok?") is Decision.NONE
    assert decision("my period's late and the test was negative, might be pregnant") is not Decision.NONE


def test_a_test_clear_for_a_cancer_and_a_healed_wound_with_an_adverb():
    assert decision("scans were all clear for melanoma, the mole is benign") is Decision.NONE
    assert decision("the graze on my elbow has fully healed, can i use it there") is Decision.NONE
    assert decision("had a pressure sore but it healed up nicely over the summer") is Decision.NONE
    assert decision("had cold sores last month, totally gone now") is Decision.NONE
    assert decision("my psoriasis cleared but my eczema is flaring, mask ok?") is Decision.REFERRAL


def test_a_medicine_stopped_with_the_doctors_sign_off_no_longer_counts():
    assert decision("came off doxycycline in the summer and my gp discharged me") is Decision.NONE
    assert decision("came off doxycycline in the summer, is the mask ok") is Decision.REFERRAL


def test_blisters_from_a_plant_are_no_device_burn():
    assert "burn_or_blistering" not in flags_of("got blisters from brushing against giant hogweed on a walk")
    assert "burn_or_blistering" in flags_of("the pad left blisters on my back after the session")


# --- red flags ----------------------------------------------------------------------------------------------
@pytest.mark.parametrize("text, flag", [
    ("papa ke seene mein dard ho raha hai, kya karein", "chest_pain"),
    ("me ahogo, no puedo respirar", "breathing"),
    ("mujhe saans nahi aa rahi", "breathing"),
    ("sudden loss of vision in my right eye ten minutes ago", "eye_injury"),
])
def test_red_flags_in_other_words_and_languages(text, flag):
    assert flag in flags_of(text)


def test_a_loss_of_sight_since_childhood_is_no_red_flag():
    assert "eye_injury" not in flags_of("loss of sight in one eye since birth, is the mask ok for the other")
