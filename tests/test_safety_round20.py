"""Development round 20 (tests/safety/dev_round20.yml): one test per cause the batch showed the recognition
layer missed. The sentences are new wordings of each cause, not the corpus sentences; each cause has negatives
(or the real condition that must still be caught) beside it."""

import pytest

from padsafety.recognition import Decision, Experiencer, recognise
from tests.recognition_helpers import QUIET, decision, flags_of, rules_of


def experiencers(text, rule):
    return {m.experiencer for m in recognise(text).affirmed() if m.rule_id == rule}


# --- a pregnancy told as "carrying" so many months (Indian English) -----------------------------------------
@pytest.mark.parametrize("text", [
    "madam I am carrying 6 months, is the heat belt ok for my back?",
    "I'm carrying my 7th month now, can I use the wrap",
])
def test_carrying_months_is_a_pregnancy(text):
    assert "pregnancy" in rules_of(text)


def test_carrying_months_of_things_is_no_pregnancy():
    assert "pregnancy" not in rules_of("I've been carrying 2 months of receipts around in my bag")


# --- what is wrong with the retina told after it ------------------------------------------------------------
def test_a_problem_with_someones_retina_is_their_eye_condition():
    text = "my aunt has an issue with her retina, is the face mask ok for her?"
    assert experiencers(text, "eye_condition") == {Experiencer.OTHER}


def test_a_problem_with_the_delivery_is_no_eye_condition():
    assert decision("there was a problem with the delivery, it came a week late") not in QUIET


# --- no feeling on part of a limb ---------------------------------------------------------------------------
def test_no_feeling_over_part_of_a_limb_is_reduced_sensation():
    assert "reduced_sensation" in rules_of("there's no feeling over part of my shin since the accident")


def test_no_feeling_on_a_matter_is_an_opinion():
    assert decision("honestly I have no feeling on the matter either way") not in QUIET


# --- fits that someone else gets ----------------------------------------------------------------------------
@pytest.mark.parametrize("text", [
    "my son gets fits, can he use the mask?",
    "my daughter gets the odd fits at night, can she use the lamp?",
])
def test_fits_someone_gets_are_their_seizures(text):
    assert experiencers(text, "seizures") == {Experiencer.OTHER}


@pytest.mark.parametrize("text", [
    "my toddler gets fits of temper when the tablet goes off",
    "he has fits and starts of motivation with the gym",
])
def test_fits_of_temper_or_fits_and_starts_are_no_seizures(text):
    assert decision(text) not in QUIET


# --- a fit of laughter, rage or pique -----------------------------------------------------------------------
@pytest.mark.parametrize("text", [
    "Had a fit of the hysterics when the box arrived",
    "we both had a fit of laughter reading the manual",
    "my sister flew into a fit of rage over the delivery fee",
    "he left in a fit of pique when I said no",
])
def test_a_fit_of_laughter_or_rage_is_no_seizure(text):
    assert decision(text) not in QUIET


def test_a_fit_with_a_bitten_tongue_is_still_a_seizure():
    assert "seizures" in rules_of("I had a fit last night and bit my tongue")


# --- a defeat that is "an open wound" for the fans ----------------------------------------------------------
@pytest.mark.parametrize("text", [
    "the cup final is still an open wound for our supporters, anyway is the pad on sale?",
    "that election loss remains a raw open wound, off topic sorry",
])
def test_a_defeat_still_an_open_wound_is_no_wound(text):
    assert decision(text) not in QUIET


def test_an_open_wound_on_the_body_or_for_people_with_a_condition_still_counts():
    assert "open_wound" in rules_of("I have an open wound on my heel")
    assert decision("is it ok over an open wound for people with diabetes?") is Decision.GENERAL


# --- a stitch in the side from running ----------------------------------------------------------------------
@pytest.mark.parametrize("text", [
    "got a stitch running for the bus",
    "got a stitch in my side at parkrun this morning",
    "I always get a stitch when jogging after lunch",
])
def test_a_side_stitch_is_no_wound(text):
    assert decision(text) not in QUIET


def test_stitches_in_a_knee_are_still_an_open_wound():
    assert "open_wound" in rules_of("I have stitches in my knee from a fall on Monday")


# --- a gym "pump" -------------------------------------------------------------------------------------------
@pytest.mark.parametrize("text", [
    "had an insane pump at the gym",
    "The pump at the gym today was unreal",
])
def test_a_gym_pump_is_no_device(text):
    assert decision(text) not in QUIET


def test_an_insulin_pump_at_the_gym_is_still_a_device():
    assert "implanted_device" in rules_of("I wear my insulin pump at the gym, can I use the pad after?")


# --- shingles blown off a roof ------------------------------------------------------------------------------
def test_shingles_blown_off_a_roof_are_no_infection():
    assert decision("a few shingles flew off the shed in the wind last night") not in QUIET


def test_shingles_on_the_body_are_still_an_infection():
    assert "skin_infection_or_eczema" in rules_of("I've got shingles on my back, the scabs fell off today")


# --- the star sign told with its glyph ----------------------------------------------------------------------
@pytest.mark.parametrize("text", [
    "typical \u264b cancer, I cry at adverts",
    "Cancer \u264b and proud, buying this for my bath nights",
])
def test_the_star_sign_with_its_glyph_is_no_cancer(text):
    assert decision(text) not in QUIET


def test_a_cancer_on_the_skin_is_still_a_cancer():
    assert "cancer_in_area" in rules_of("I had skin cancer here on my arm, is the pad ok?")


# --- a parent named with no "my" ("mam", "papa") ------------------------------------------------------------
@pytest.mark.parametrize("text, rule", [
    ("mam has a pacemaker, can she use the belt?", "implanted_device"),
    ("Papa has eczema on his hands, ok for him?", "skin_infection_or_eczema"),
])
def test_a_parent_named_with_no_possessive_is_someone_else(text, rule):
    assert experiencers(text, rule) == {Experiencer.OTHER}


@pytest.mark.parametrize("text, rule", [
    ("hello mam, I have a pacemaker, can I use the belt?", "implanted_device"),
    ("mam is it safe while I'm breastfeeding?", "breastfeeding"),
])
def test_mam_as_a_greeting_keeps_the_users_own_condition(text, rule):
    assert experiencers(text, rule) == {Experiencer.SELF}


# --- "having sugar" and "BP" (Indian English) ---------------------------------------------------------------
@pytest.mark.parametrize("text", [
    "my father is having sugar for many years, can he use the foot pad?",
    "she has BP, can she use the wrap on her shoulder",
    "mummy is having BP and sugar both",
])
def test_having_sugar_or_bp_is_a_condition(text):
    assert "other_condition" in rules_of(text)


@pytest.mark.parametrize("text", [
    "I am having sugar in my coffee while the mask is on",
    "I'm having sugar cravings lately, does red light help?",
    "my uncle has BP shares, he told me about this brand",
])
def test_sugar_in_a_drink_or_bp_shares_are_no_condition(text):
    assert "other_condition" not in rules_of(text)


# --- a lump the user names as a benign one ------------------------------------------------------------------
def test_a_lump_named_a_lipoma_is_a_named_condition_not_a_tumour():
    rules = rules_of("lump on my knee, the doctor says it's a lipoma, can I use the wrap?")
    assert "other_condition" in rules and "cancer_in_area" not in rules


def test_a_lump_a_scan_found_only_a_ganglion_is_cleared():
    assert decision("the lump on my hand was scanned, it's just a ganglion") is Decision.NONE


@pytest.mark.parametrize("text", [
    "found a lump in my armpit, can I use the pad?",
    "lump in my breast, they think it's a ganglion but want a biopsy",
])
def test_an_unexplained_lump_or_one_still_tested_is_a_cancer_risk(text):
    assert "cancer_in_area" in rules_of(text)


# --- moles checked and told fine in the user's own words ----------------------------------------------------
def test_moles_checked_and_fine_are_cleared():
    assert "cancer_in_area" not in rules_of("had my moles looked at in the spring and they're all fine")


def test_a_bleeding_mole_is_still_a_cancer_risk():
    assert "cancer_in_area" in rules_of("a mole on my shoulder has been bleeding")


# --- the light over new tattoos -----------------------------------------------------------------------------
def test_the_light_on_new_tattoos_in_general_is_a_general_question():
    assert decision("is it fine on new tattoos in general?") is Decision.GENERAL


def test_my_new_tattoo_is_still_an_open_wound():
    assert "open_wound" in rules_of("can I use it on my new tattoo?")


# --- a past pregnancy with the baby's age after it ----------------------------------------------------------
def test_a_past_pregnancy_with_the_babys_age_is_over():
    assert "pregnancy" not in rules_of("I was pregnant in the spring, my baby is 5 months now")


def test_breastfeeding_that_baby_or_a_new_pregnancy_still_counts():
    text = "was pregnant with him last year, he's 9 months and I'm still breastfeeding"
    assert "breastfeeding" in rules_of(text)
    assert "pregnancy" in rules_of("I'm pregnant again and my son is 10 months")


# --- a sprain from a past season told as fine now -----------------------------------------------------------
def test_a_sprain_from_last_season_fine_now_is_over():
    assert decision("twisted my knee last spring, fine now") not in QUIET


def test_a_sprain_from_last_week_is_still_an_injury():
    assert "other_condition" in rules_of("sprained my wrist last week, all good now but still a bit swollen")


# --- user study round 37 ---
# --- whom a question is for, told after it ------------------------------------------------------------------
@pytest.mark.parametrize("text, rule", [
    ("right. and can it be used with a pacemaker? asking for my nan", "implanted_device"),
    ("is the mask ok with glaucoma? it's for my husband", "eye_condition"),
    ("does the lamp trigger anything with epilepsy (for my dad)", "seizures"),
    ("is it safe while pregnant? checking for my sister", "pregnancy"),
])
def test_a_question_for_a_named_relation_is_theirs(text, rule):
    assert experiencers(text, rule) == {Experiencer.OTHER}
    assert decision(text) is Decision.REFERRAL_OTHER


def test_a_question_for_a_friend_or_with_no_condition_is_unchanged():
    assert decision("can it be used with a pacemaker? asking for a friend") is Decision.GENERAL
    assert decision("how long does the battery last? asking for my mum") is Decision.NONE
    assert decision("is it ok on my knees? it's for my grandad") is Decision.NONE


def test_the_users_own_condition_before_such_a_question_is_still_theirs():
    text = "I have a pacemaker myself, is it safe? asking for my dad as well"
    assert Experiencer.SELF in experiencers(text, "implanted_device")
    assert decision(text) is Decision.REFERRAL


# --- an operation's scar told as old or healed --------------------------------------------------------------
@pytest.mark.parametrize("text", [
    "is it fine to use the wrap over my old caesarean scar?",
    "I've got a faded knee surgery scar, can the pad go there",
    "old scar from my knee op, ok to put the belt on it?",
    "my c section scar is long healed, can I use the belly pad",
])
def test_an_old_or_long_healed_operation_scar_is_over(text):
    assert "other_condition" not in rules_of(text)
    assert decision(text) not in QUIET


@pytest.mark.parametrize("text", [
    "my caesarean scar from 10 days ago still hurts, can I use the pad",
    "had my c section two weeks ago, can the wrap go on my tummy",
    "my 3 week old c-section scar, is the belt ok on it",
])
def test_a_recent_operation_still_counts(text):
    assert "other_condition" in rules_of(text)


def test_an_old_scar_that_opened_up_is_still_an_open_wound():
    assert "open_wound" in rules_of("my old c-section scar has opened up at one end")


# --- an implanted pump in the chest for pain medicine -------------------------------------------------------
@pytest.mark.parametrize("text", [
    "there's a pump under the skin of my chest that delivers my pain medication",
    "I've got a pain relief pump in my chest, can I use the mask",
    "intrathecal pump in my belly for chronic pain, is the wrap ok",
])
def test_an_implanted_pain_pump_is_a_device_not_chest_pain(text):
    assert "chest_pain" not in flags_of(text)
    assert "implanted_device" in rules_of(text)
    assert decision(text) is Decision.REFERRAL


@pytest.mark.parametrize("text", [
    "sudden pain in my chest, feels like a weight",
    "my chest pain started ten minutes ago",
    "I have a pain pump in my tummy but right now there's crushing pressure in my chest",
])
def test_real_chest_pain_is_still_an_emergency(text):
    assert "chest_pain" in flags_of(text)


# --- doxy asked about by its short name ---------------------------------------------------------------------
@pytest.mark.parametrize("text", [
    "what about doxy, is that one?",
    "and does doxy count as one of them?",
])
def test_doxy_in_a_question_is_a_photosensitising_medicine(text):
    general = recognise(text.replace("doxy", "doxycycline"))
    found = recognise(text)
    assert "photosensitising_medication" in {m.rule_id for m in found.affirmed()}
    assert found.decision is general.decision is Decision.GENERAL


def test_doxy_taken_is_still_the_users_and_an_unrelated_doxy_is_nothing():
    assert decision("my GP put me on doxy for a chest infection, is that one?") is Decision.REFERRAL
    assert "photosensitising_medication" not in rules_of("Doxy is my cat's name, she's lovely")
