"""Development round 15 (tests/safety/dev_round15.yml): one test per cause the batch showed the recognition
layer missed. The sentences are new wordings of each cause, not the corpus sentences; each cause has negatives
that must stay negative."""

import pytest

from padsafety.recognition import Decision
from tests.recognition_helpers import QUIET, decision, flags_of, rules_of


# --- the rule book's conditions in the languages users mix with English -------------------------------------
@pytest.mark.parametrize("text, rule", [
    ("jestem w ciąży, 20 tydzień, can I use it on my shoulders", "pregnancy"),
    ("sigo dando el pecho a mi hijo, is the pad ok on my neck", "breastfeeding"),
    ("karmię piersią od 3 miesięcy, pad ok on my back?", "breastfeeding"),
    ("mujhe dhoop ki allergy hai, face pad theek hai?", "photosensitivity"),
    ("pair pe ghaav hai, red light laga sakti hu?", "open_wound"),
    ("mam jaskrę od lat, can i use the face mask", "eye_condition"),
    ("mam cukrzycę, is the pad ok on my feet", "other_condition"),
    ("mam raka na ręce, can I use it there", "cancer_in_area"),
])
def test_conditions_in_other_languages(text, rule):
    assert rule in rules_of(text)


# --- pregnancy and breastfeeding in other words ------------------------------------------------------------
@pytest.mark.parametrize("text, rule", [
    ("did a test this morning and got two lines on the stick, belly wrap still ok?", "pregnancy"),
    ("G1P0 at 30/40, is the back pad fine", "pregnancy"),
    ("my wife is due in the autumn, can she keep using the knee pad", "pregnancy"),
    ("only doing two feeds a day now, is the neck pad ok for me", "breastfeeding"),
    ("i give my milk to my baby still, is the light fine", "breastfeeding"),
])
def test_pregnancy_and_breastfeeding_told_other_ways(text, rule):
    assert rule in rules_of(text)


@pytest.mark.parametrize("text", [
    "my sister is due in court on friday, wish her luck",
    "the rent is due in the spring",
    "draw two lines on the page and label them",
])
def test_due_dates_and_lines_that_are_no_pregnancy(text):
    assert "pregnancy" not in rules_of(text)


# --- a laugh word ends a thought; "I'm the mum" is the user -----------------------------------------------
def test_a_laugh_word_ends_the_scope_of_a_denial():
    text = "my knees aren't great lol, still breastfeeding my little one, pad ok?"
    assert decision(text) is Decision.REFERRAL


def test_i_am_the_mum_makes_breastfeeding_the_users():
    text = "I'm the mum, not the nanny haha, breastfeeding a 2 mo old, can I use it on my shoulders"
    assert decision(text) is Decision.REFERRAL


# --- a word split in two by dictation -----------------------------------------------------------------------
@pytest.mark.parametrize("text, rule", [
    ("dictated sorry, i have epi lepsy, is the flashing mode safe", "seizures"),
    ("voice note: my mum has loo pus, can she use the face mask", "photosensitivity"),
])
def test_a_lexicon_word_split_by_dictation(text, rule):
    assert rule in rules_of(text)


def test_two_ordinary_words_are_not_joined():
    assert decision("I like the sun a lot and burn easily with the bar b cue") not in (Decision.EMERGENCY,)
    assert decision("we went to the in laws for tea") is Decision.NONE


# --- photosensitivity, wounds, reduced feeling, blood pressure ----------------------------------------------
@pytest.mark.parametrize("text, rule", [
    ("I'm an albino and burn really fast, pad ok?", "photosensitivity"),
    ("had sun poisoning on holiday twice, is red light similar", "photosensitivity"),
    ("I have UCTD, can I use the mask", "photosensitivity"),
    ("there's still a hole where the tube was after my op, can the pad go there", "open_wound"),
    ("three days after keyhole surgery, the port sites are still raw, pad near them?", "open_wound"),
    ("the nurse did the monofilament test and I failed it on my left foot", "reduced_sensation"),
    ("blood pressure was 165/105 at the GP yesterday, neck pad ok?", "other_condition"),
    ("on simvastatin, can I use it daily", "other_condition"),
    ("I've got left bundle branch block, is the chest pad fine", "other_condition"),
])
def test_conditions_in_lay_or_clinical_words(text, rule):
    assert rule in rules_of(text)


# --- red flags in other words and other languages ----------------------------------------------------------
@pytest.mark.parametrize("text, flag", [
    ("me quemé la espalda con la luz y tengo ampollas", "burn_or_blistering"),
    ("mum's speech is all garbled suddenly, what do I do", "stroke_signs"),
    ("mi padre tiene la boca torcida y no puede hablar", "stroke_signs"),
    ("tata zemdlał i nie reaguje", "collapse"),
    ("suddenly dark vision in my left eye after the mask", "eye_injury"),
    ("I lost the sight in my left eye this morning after using it", "eye_injury"),
    ("my eye is burning and painful and I can hardly see", "eye_injury"),
    ("he's throwing up blood", "severe_bleeding"),
    ("ate some peanuts by mistake and my lips are swelling", "breathing"),
])
def test_red_flags_in_other_words(text, flag):
    assert flag in flags_of(text)


def test_sight_lost_long_ago_is_no_emergency():
    assert "eye_injury" not in flags_of("I lost the sight in my left eye years ago as a child, mask ok?")


# --- idioms and small talk ---------------------------------------------------------------------------------
@pytest.mark.parametrize("text", [
    "my phone has a virus again, so annoying",
    "the economy had a heart attack this week",
    "this tune has infected my head all day",
    "nursing a coffee while I wait for my parcel",
    "revising for my exam on diabetes tonight",
    "reading a novel where the heroine is a cancer surgeon, any LED facts?",
    "my dog is diabetic and needs insulin, anyway hello",
    "the pony has a hoof abscess, the farrier is coming",
])
def test_idioms_animals_and_small_talk_stay_quiet(text):
    assert decision(text) not in QUIET


# --- context: denied, feared, over -------------------------------------------------------------------------
@pytest.mark.parametrize("text", [
    "mujhe cancer nahi hai, bas pooch rahi thi",
    "thought it was shingles but the doctor said it's just dry skin",
    "my last baby is 10 now, pregnancy is well behind me",
    "had a week of antibiotics in spring, long finished",
    "grazed my knee on a bike last week, completely healed over now",
    "the tingling was only from sleeping on my arm",
])
def test_conditions_denied_feared_or_over(text):
    assert decision(text) not in QUIET


def test_a_condition_years_ago_with_effects_now_counts():
    assert decision("had a stroke 5 years ago, my right leg is still weak") is Decision.REFERRAL
