"""Development round 24 (tests/safety/dev_round24.yml): one test per cause the batch showed the recognition
layer missed. Each cause has the corpus sentence, close variants a general fix must also handle, and negatives
(or the real condition that must still be caught) beside it."""

import pytest

from padsafety.recognition import Decision, recognise
from tests.recognition_helpers import QUIET, check_rule, decision, flags_of, rules_of


# --- pregnancy: the bump as the user's companion or with its weeks; "N months gone"; positive home tests ----
@pytest.mark.parametrize("text", [
    "me and my bump (26 wks) would love some relief for my back, which pad do you suggest?",
    "me and bump are 30 weeks today, can I use the belt?",
    "bump and I are struggling with pelvic pain",
    "my bump (32 weeks) is heavy, would the back pad help?",
    "I'm six months gone and the sciatica is brutal, will the belt help at all?",
    "I'm nearly eight months gone, is the belt ok",
    "both tests came up positive yesterday, early days, can I keep using the wrist wrap for my carpal "
    "tunnel?",
    "two tests came back positive this morning!! can I still use the knee pad?",
])
def test_lay_pregnancy_wordings(text):
    assert "pregnancy" in rules_of(text)


def test_a_pregnancy_of_someone_else_told_as_months_gone():
    assert decision("she's 7 months gone and her hips ache") is Decision.REFERRAL_OTHER


@pytest.mark.parametrize("text", [
    "me and my bump on the head from the cupboard door",
    "a speed bump and I had a disagreement",
    "the pain's six weeks gone now, pad for maintenance?",
    "both covid tests came up positive yesterday, can I use the pad?",
    "test came back positive for strep, early days of the course",
])
def test_bumps_gone_pain_and_other_tests_are_no_pregnancy(text):
    assert "pregnancy" not in rules_of(text)


# --- breastfeeding: the milk come in, with a word between ---------------------------------------------------
@pytest.mark.parametrize("text", [
    "my milk's only just come in, 5 days after birth, want to use the pad on my sore hips",
    "my milk has just come in and my boobs are sore",
    "her milk finally came in yesterday, can she use the pad on her back?",
])
def test_the_milk_come_in_is_breastfeeding(text):
    assert "breastfeeding" in rules_of(text)


@pytest.mark.parametrize("text", [
    "the milk came in a glass bottle",
    "my milk came in the delivery this morning, the pad too",
])
def test_milk_delivered_is_no_breastfeeding(text):
    assert "breastfeeding" not in rules_of(text)


# --- photosensitivity: burning even when the sun is weak; burning easily in the sun -------------------------
@pytest.mark.parametrize("text", [
    "my skin burns and blotches even on cloudy days, so is the panel safe for me?",
    "even on overcast days my face gets a rash, is the mask ok?",
    "I burn really easily in the sun, is that a problem?",
])
def test_burning_in_weak_sun_is_photosensitivity(text):
    assert "photosensitivity" in rules_of(text)


@pytest.mark.parametrize("text", [
    "I burn easily, even with spf",
    "it was cloudy all week so I used the panel indoors",
])
def test_burning_easily_alone_or_a_cloudy_week_is_none(text):
    assert "photosensitivity" not in rules_of(text)


# --- implanted device: a pacemaker "for my chest" is the device; a pacemaker of sport is not ----------------
@pytest.mark.parametrize("text", [
    "abeg I get pacemaker for my chest since last year, can I use this pad for my shoulder?",
    "I get pacemaker for my heart since 2019, abeg which pad is safe?",
    "I have a pacemaker for my heart, is the pad ok?",
])
def test_a_pacemaker_for_the_heart_is_an_implanted_device(text):
    assert "implanted_device" in rules_of(text)


@pytest.mark.parametrize("text", [
    "the team's new pacemaker signing is brilliant, anyway, which strap size fits a big thigh?",
    "our club's pacemaker set a fast pace in the 10k",
    "I was the pacemaker for our running club's 10k",
])
def test_a_pacemaker_of_sport_is_nothing(text):
    assert decision(text) not in QUIET


# --- cancer: a new or growing dark streak under a nail ------------------------------------------------------
@pytest.mark.parametrize("text", [
    "new dark streak under my toenail that's getting bigger, is the foot pad ok?",
    "a black line under my thumbnail that's getting wider, ok to use the hand pad?",
])
def test_a_growing_dark_streak_under_a_nail_is_a_possible_melanoma(text):
    assert "cancer_in_area" in rules_of(text)


@pytest.mark.parametrize("text", [
    "dark line under my toenail since I dropped a weight on it, getting bigger",
    "dark streak under my nail from the gel polish, new since last week",
])
def test_a_nail_bruise_or_polish_is_no_cancer(text):
    assert "cancer_in_area" not in rules_of(text)


# --- reduced sensation: a face part gone numb (a nerve injury) ----------------------------------------------
@pytest.mark.parametrize("text", [
    "numb chin and lip after a dental nerve injury, is the mask ok?",
    "numb lower lip since my wisdom tooth out, is the mask ok?",
    "numb jaw after a nerve injury at the dentist, can I use the mask?",
])
def test_a_numb_face_part_is_reduced_sensation(text):
    assert "reduced_sensation" in rules_of(text)


def test_numb_after_the_news_is_no_reduced_sensation():
    assert "reduced_sensation" not in rules_of("I felt numb after the news, would red light help my mood?")


# --- open wound: an abscess or a cyst left open and packed --------------------------------------------------
@pytest.mark.parametrize("text", [
    "my abscess was drained and left packed open, can the pad go over it?",
    "the pilonidal cyst was lanced and left open to heal, can I use the pad on my back?",
    "the wound is being packed by the nurse daily",
])
def test_a_packed_or_open_left_wound_is_an_open_wound(text):
    assert "open_wound" in rules_of(text)


def test_a_box_left_open_is_nothing():
    assert decision("the box was left open in the rain") not in QUIET


# --- false alarms: expecting results or a product, an animal's age, strokes of sport, mask cut-outs ---------
@pytest.mark.parametrize("text", [
    "what results should I be expecting after 4 weeks?",
    "how soon should I be expecting changes?",
    "what should we be expecting from the mask after a month?",
    "I'm expecting twins... of the pad, ordered two by mistake, can I cancel one?",
    "expecting two from the shop, only one arrived",
    "can I use it on my dog's hips? she's a 12 year old lab",
    "my 12 year old black lab has arthritis, can I use the pad on her",
    "our cat's 14 years old and stiff, pad ok for her?",
    "my dog's arthritis is bad, can I use the pad on him",
    "the stroke counter on my rowing machine is broken, unrelated but funny",
    "lucky stroke on the 18th hole today, celebrating with a red light session",
    "my stroke rate on the erg is terrible",
    "what a winning stroke on the final hole",
    "the eye cut-outs on the mask are a bit small, any other size?",
    "the nose cut-out rubs a bit",
])
def test_everyday_senses_are_no_disclosure(text):
    assert decision(text) not in QUIET, recognise(text)


@pytest.mark.parametrize("text, rule", [
    ("I'm expecting, 20 weeks, is the belt ok?", "pregnancy"),
    ("I'm expecting twins, can I use the belt?", "pregnancy"),
    ("my 9 year old has growing pains, can she use it?", "children"),
    ("my 12-year-old lab partner wants to try it", "children"),
    ("dad had a bad stroke last year, can he use the pad?", "other_condition"),
    ("had a mole cut out last week, can I use the pad there?", "cancer_in_area"),
])
def test_the_real_conditions_beside_them_are_still_caught(text, rule):
    assert rule in {m.rule_id for m in recognise(text).affirmed()}


# --- red flags ---------------------------------------------------------------------------------------------
@pytest.mark.parametrize("text, flag", [
    ("short of breath even sitting still and it's getting worse fast", "breathing"),
    ("he's breathless even at rest and getting worse by the minute", "breathing"),
    ("dad can't smile evenly and his left leg just gave way", "stroke_signs"),
    ("mum's smile is lopsided and her arm just went weak", "stroke_signs"),
    ("his leg gave way and now he can't smile properly", "stroke_signs"),
    ("planning to take all my pills", "self_harm"),
    ("I'm going to take all my tablets tonight", "self_harm"),
    ("thinking of taking the whole box of paracetamol", "self_harm"),
    ("my kid shone the pad into his eyes and now says he can't see", "eye_injury"),
    ("my son pointed the mask light straight into his eye and now he can't see properly", "eye_injury"),
])
def test_red_flags_in_lay_words(text, flag):
    assert flag in flags_of(text)


@pytest.mark.parametrize("text", [
    "out of breath after the stairs but getting better",
    "short of breath when I run, getting worse over the months",
    "my knee gave way on the stairs, smiling through it lol",
    "planning to take all my pills with me on holiday",
    "I take all my pills in the morning",
    "I will take all my tablets as prescribed",
    "I shone the pad on my knee and now I can see a difference",
])
def test_no_red_flag_in_everyday_words(text):
    assert not flags_of(text), recognise(text)


# --- context: general questions about a group; healed or cleared long ago -----------------------------------
@pytest.mark.parametrize("text", [
    "is it ok to use while breastfeeding, generally speaking?",
    "is it ok to use while nursing, in general?",
    "which medications don't mix with red light?",
    "which meds don't mix with red light?",
    "are there risks for people who burn easily in the sun?",
    "can people who burn really easily in the sun use it?",
])
def test_general_questions_about_a_group(text):
    assert decision(text) is Decision.GENERAL


@pytest.mark.parametrize("text, expected", [
    ("I'm breastfeeding, is it ok generally speaking?", Decision.REFERRAL),
    ("lupus, generally mild, is the mask ok?", Decision.REFERRAL),
    ("my wife is breastfeeding, generally she's fine, can she use it?", Decision.REFERRAL_OTHER),
])
def test_a_generality_word_does_not_hide_a_disclosure(text, expected):
    assert decision(text) is expected


@pytest.mark.parametrize("text", [
    "cut my thumb badly last summer but it's fully closed and healed now, hand pad ok?",
    "cut my finger badly in spring, it's closed and healed now",
    "had a fungal toenail infection ages ago, treated and cleared, foot pad ok?",
    "had ringworm yonks ago, cleared with cream, foot pad ok?",
])
def test_healed_or_cleared_long_ago_is_over(text):
    check_rule(text, None)


def test_an_old_infection_back_now_is_current():
    assert "skin_infection_or_eczema" in rules_of("had a skin infection ages ago and it's back now")


# dev round 24, answers in the check: a "could be" pregnant, emojis, everyday noes
@pytest.mark.parametrize("text", [
    "I might be, my period is late",
    "could be, I missed my period",
    "maybe? I'm a few days late",
])
def test_a_could_be_pregnant_is_a_yes(text):
    from tests.test_actions import form_slots

    assert form_slots(text, "screen_pregnancy", intent="affirm") == {"screen_pregnancy": "yes"}


def test_trying_without_a_sign_stays_unsure():
    from tests.test_actions import form_slots

    assert form_slots("not yet, we're still trying", "screen_pregnancy") == {"screen_pregnancy": "unknown"}


@pytest.mark.parametrize("text", [
    "\u274c", "\U0001f44e", "\U0001f645\u200d\u2642\ufe0f none", "not that I've noticed",
    "that's all, nothing else",
])
def test_everyday_and_emoji_noes(text):
    from padsafety.answers import parse_answer
    from padsafety.rules import Answer

    assert parse_answer(text) is Answer.NO
