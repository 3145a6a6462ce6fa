"""Development round 22 (tests/safety/dev_round22.yml) and user study round 41: one test per cause the batch
showed the recognition layer or the answer parser missed. The sentences are new wordings of each cause, not
the corpus sentences; each cause has negatives (or the real condition that must still be caught) beside it."""

import pytest

from padsafety.answers import parse_answer
from padsafety.recognition import Decision, Experiencer, recognise
from padsafety.rules import Answer
from tests.recognition_helpers import QUIET, decision, flags_of, rules_of


def experiencers(text, rule):
    return {m.experiencer for m in recognise(text).affirmed() if m.rule_id == rule}


# --- pregnancy: "pg", a pregnancy month "going on", a woman "carrying", "I'm a week late" while trying ------
@pytest.mark.parametrize("text", [
    "I'm pg, can I still use the wrap",
    "pg with my second, is the belt fine for my lower back?",
    "third month going on, is the pad ok?",
    "we've been trying for a while and I'm 5 days late, can I use the mask?",
])
def test_lay_pregnancy_wordings_are_a_pregnancy(text):
    assert "pregnancy" in rules_of(text)


def test_a_relative_by_marriage_carrying_is_her_pregnancy():
    text = "my devrani is carrying, 7th month running, can she use it on her back?"
    assert experiencers(text, "pregnancy") == {Experiencer.OTHER}


@pytest.mark.parametrize("text", [
    "see pg 12 of the manual for the settings",
    "we watched a PG film and then tried the mask",
    "she is carrying the box upstairs for me",
    "I'm a week late with the payment, sorry, still trying to sort it",
])
def test_a_page_a_film_a_box_carried_or_a_late_payment_is_no_pregnancy(text):
    assert "pregnancy" not in rules_of(text)


# --- lost feeling: "lost most of the feeling", "no real feeling in/since" -----------------------------------
@pytest.mark.parametrize("text", [
    "I've lost most of the feeling in my left hand since the nerve injury",
    "no real feeling in my toes since chemo",
])
def test_most_feeling_lost_is_reduced_sensation(text):
    assert "reduced_sensation" in rules_of(text)


def test_a_no_that_names_lost_feeling_denies_nothing_after_it():
    assert "reduced_sensation" in rules_of("my leg has had no normal feeling since the fall, nerve damage")


@pytest.mark.parametrize("text", [
    "I lost most of my hope for this product lol",
    "no proper feeling for the brand anymore haha",
])
def test_lost_hope_or_no_feeling_for_a_brand_is_nothing(text):
    assert decision(text) not in QUIET


# --- another condition: "isn't great" is no denial; "BP tablets"; a "bad"/"dodgy" heart ---------------------
@pytest.mark.parametrize("text", [
    "my liver isn't great, fatty liver diagnosed last year",
    "BP tablets every morning, is that a problem?",
    "I've got a dodgy heart, is the wrap ok?",
])
def test_lay_wordings_of_another_condition(text):
    assert "other_condition" in rules_of(text)


@pytest.mark.parametrize("text", [
    "the weather isn't great today, can I use it indoors?",
    "the bp station near me sells batteries",
])
def test_bad_weather_or_a_petrol_station_is_no_condition(text):
    assert decision(text) not in QUIET


# --- everyday words: goods seized, a glitching page, a mole in the garden, a shop fit-out, a box, money -----
@pytest.mark.parametrize("text", [
    "my order shows 'seized by customs' on the tracking",
    "the order page is having a fit again, can't check out",
    "moles have dug up my whole garden, anyway is the pad waterproof",
    "office fit-out next week, can you deliver to home instead?",
    "parcel came collapsed on one side, will the pad still work?",
    "feeling the pinch in my bank account, is there a discount?",
    "crying laughing, I can't breathe 😂 your faq is great",
])
def test_everyday_senses_name_no_condition_and_no_emergency(text):
    assert decision(text) not in QUIET


@pytest.mark.parametrize("text, expected", [
    ("he had a seizure at customs and is still shaking", (Decision.REFERRAL_OTHER, Decision.EMERGENCY)),
    ("the delivery driver had a seizure on my doorstep", (Decision.REFERRAL, Decision.EMERGENCY)),
    ("I can't breathe and my lips are blue", (Decision.EMERGENCY,)),
    ("my mum collapsed in the garden and won't wake up", (Decision.EMERGENCY,)),
    ("the pad left a burn on my arm and it's blistering", (Decision.EMERGENCY,)),
])
def test_the_real_seizure_breathing_collapse_or_burn_beside_those_words_still_counts(text, expected):
    assert decision(text) in expected


# --- red flags: bubbles on the skin after the device, shallow breathing, dark patches in the sight, an object
# poked into an eye ------------------------------------------------------------------------------------------
@pytest.mark.parametrize("text, flag", [
    ("fell asleep with the wrap on, woke up with little bubbles on my thigh, it burns", "burn_or_blistering"),
    ("my husband's breathing has gone shallow and he won't answer me", "breathing"),
    ("her breathing is laboured and she looks grey", "breathing"),
    ("since the mask there's a black spot in the middle of my vision and my eye hurts", "eye_injury"),
    ("my son jabbed a pencil into his eye", "eye_injury"),
    ("my daughter stabbed herself in the eye with the clip and she's screaming", "eye_injury"),
])
def test_described_red_flags_are_emergencies(text, flag):
    assert flag in flags_of(text)


@pytest.mark.parametrize("text", [
    "had a bubble bath, bubbles on my skin smell lovely, is the pad ok after?",
    "my breathing gets shallow when I'm anxious, would red light help?",
    "I've had dark spots in my vision for years from migraines with aura",
    "poked myself in the eye with the mascara wand lol",
])
def test_bath_foam_anxious_breathing_old_spots_or_a_mascara_poke_is_no_emergency(text):
    assert decision(text) is not Decision.EMERGENCY


# --- someone else's condition: a twin, "for myself" is no "I have it too", a relative's bad heart -----------
@pytest.mark.parametrize("text, rule", [
    ("my twin sister has lupus, is the mask ok for me?", "photosensitivity"),
    ("my wife's got a bad heart, we want to use it together", "other_condition"),
    ("my aunt has breast cancer, I'm getting a pad for myself", "cancer_in_area"),
])
def test_a_relatives_condition_is_theirs(text, rule):
    assert experiencers(text, rule) == {Experiencer.OTHER}
    assert decision(text) is Decision.REFERRAL_OTHER


def test_the_user_who_has_it_too_is_still_included_beside_for_myself():
    text = "my dad has diabetes and so do I, I'm buying it for myself"
    assert Experiencer.SELF in experiencers(text, "other_condition")


# --- long over: children grown past nursing, an anaemia sorted long ago; a lasting anaemia still counts -----
@pytest.mark.parametrize("text", [
    "nursed all three of mine, they're grown up now",
    "breastfed my son, he's at uni now",
    "had iron deficiency anaemia in my 30s, fine for years",
])
def test_a_condition_long_over_is_no_referral(text):
    assert decision(text) not in QUIET


@pytest.mark.parametrize("text", [
    "I have sickle cell anaemia, had it as a kid and still do",
    "anaemic since my last blood test, on iron tablets now",
    "still breastfeeding my toddler, she's 2",
])
def test_a_lasting_or_current_condition_still_counts(text):
    assert decision(text) is Decision.REFERRAL


# --- an infected graze is an open wound too; a small clean graze closing up is none (user study round 41) ---
def test_an_infected_graze_is_an_open_wound_and_an_infection():
    rules = rules_of("my knee graze has gone septic, pus everywhere")
    assert {"open_wound", "skin_infection_or_eczema"} <= rules


@pytest.mark.parametrize("text", [
    "small graze on my shin, scabbed over and not infected",
    "just a shallow scratch, clean, closing up nicely",
])
def test_a_small_clean_graze_closing_is_no_open_wound(text):
    assert "open_wound" not in rules_of(text)


@pytest.mark.parametrize("text", [
    "graze on my knee, still open and not closing",
    "cut on my hand, it's not healing, still open",
])
def test_a_graze_still_open_is_an_open_wound(text):
    assert "open_wound" in rules_of(text)


# --- eczema calm for a while is no flare; calm, then flaring again, is one (user study round 41) ------------
@pytest.mark.parametrize("text", [
    "bit of eczema behind my knees but it's been settled for ages",
    "my eczema has been quiet for months, can I use the wrap?",
])
def test_eczema_calm_for_a_while_is_no_acute_eczema(text):
    assert "skin_infection_or_eczema" not in rules_of(text)


@pytest.mark.parametrize("text", [
    "eczema's been under control for months but flaring now",
    "my eczema is calm for now but flaring again this week",
])
def test_eczema_calm_then_flaring_now_is_acute(text):
    assert "skin_infection_or_eczema" in rules_of(text)


def test_eczema_of_long_ago_active_again_now_is_current():
    assert "skin_infection_or_eczema" in rules_of("eczema as a child, it's back now on my wrists")
    assert "skin_infection_or_eczema" not in rules_of("had eczema as a kid, long gone")


def test_calm_eczema_with_a_denied_flare_stays_calm():
    assert "skin_infection_or_eczema" not in rules_of("I have eczema but it's calm at the moment, no flare")


# --- an operation scar dated long ago is over; one from this year is not ------------------------------------
def test_a_scar_from_a_year_long_ago_is_over():
    assert decision("my hip op scar is from 2012, completely healed") not in QUIET


def test_a_recent_operation_is_still_a_condition():
    assert decision("c-section three weeks ago, the scar is still sore") is Decision.REFERRAL


# --- answers in the check: "not ever", "just freckles" ------------------------------------------------------
@pytest.mark.parametrize("text", ["not ever", "never ever", "not once", "only a few freckles, nothing odd"])
def test_plain_denials_are_a_no(text):
    assert parse_answer(text) is Answer.NO


@pytest.mark.parametrize("text", ["just freckles but one changed", "not every day"])
def test_a_changed_freckle_or_not_every_day_is_no_plain_no(text):
    assert parse_answer(text) is not Answer.NO
