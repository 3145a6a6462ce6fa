"""Development round 28 (tests/safety/dev_round28.yml): one test per cause the batch showed the recognition
layer missed. Each cause has the corpus sentence, close variants a general fix must also handle, and negatives
(the same words in harmless use, or a lasting condition that must stay referred) beside it."""

import pytest

from padsafety.recognition import Decision, recognise
from tests.recognition_helpers import check_rule, decision, flags_of, rules_of


# --- a supposed state joined to the user's own plan: "is it ok if I'm pregnant and only use it on my face" --
@pytest.mark.parametrize("text, rule", [
    ("Is it ok if I'm pregnant and only use it on my face, not the tummy?", "pregnancy"),
    ("is it ok if i'm pregnant and just use the knee wrap?", "pregnancy"),
    ("if I'm breastfeeding and only use it on my knees is that fine", "breastfeeding"),
])
def test_a_state_with_the_users_own_plan(text, rule):
    check_rule(text, rule)
    assert decision(text) is Decision.REFERRAL, recognise(text)


def test_a_bare_supposed_state_stays_general():
    assert decision("is it ok if I'm pregnant?") is Decision.GENERAL


# --- breastfeeding told as giving the child the breast (Pidgin and plain English) ---------------------------
@pytest.mark.parametrize("text", [
    "Abeg I still dey give my pikin breast, I fit use the mask?",
    "I'm still giving my baby the breast, can I use the wrap",
    "I give breast to my son twice a day, is the pad ok",
])
def test_giving_the_breast(text):
    check_rule(text, "breastfeeding")


@pytest.mark.parametrize("text", [
    "I give my baby chicken breast puree now, which pad for my back",
    "I give the baby the bottle, can I use the pad",
])
def test_feeding_that_is_no_breastfeeding(text):
    assert "breastfeeding" not in rules_of(text), recognise(text)


# --- an ambiguous word with a cue of its own: "prone to fits", a dose of "doxy" -----------------------------
@pytest.mark.parametrize("text, rule", [
    ("I'm prone to fits, would the face mask be a problem even with my eyes shut?", "seizures"),
    ("doxy 100mg twice a day rn, can i still use the pad", "photosensitising_medication"),
    ("on doxy twice daily for my skin, mask ok?", "photosensitising_medication"),
])
def test_an_ambiguous_word_with_a_cue(text, rule):
    check_rule(text, rule)
    assert decision(text) is Decision.REFERRAL, recognise(text)


@pytest.mark.parametrize("text", [
    "she's prone to fits of laughter when she sees the mask",
])
def test_fits_of_laughter(text):
    check_rule(text, None)


# --- Pidgin "fit" (can) asked before its subject; an injury named by the tissue -----------------------------
@pytest.mark.parametrize("text", [
    "my knee dey pain me since accident, doctor say na ligament injury, fit I use am?",
    "tendon injury in my ankle from running, pad ok?",
])
def test_an_injury_named_by_the_tissue(text):
    check_rule(text, "other_condition")
    assert "seizures" not in rules_of(text), recognise(text)


def test_pidgin_fit_is_no_seizure():
    check_rule("fit e use the pad for im back?", None)


def test_a_fit_had_stays_a_seizure():
    check_rule("I had a fit, I use the pad on my back", "seizures")


# --- a child named by a compact age, by the stage or in Patois ----------------------------------------------
@pytest.mark.parametrize("text", [
    "Is the face mask safe for my 12yo daughter?",
    "my 9 y/o son has sore knees, can I use the wrap",
    "Can I put the pad on my toddler's back? She loves the glow",
    "is the mask safe for my preschooler?",
    "Can mi pickney use di shoulder pad? Him 7",
    "can my kid use it after football",
])
def test_a_child(text):
    check_rule(text, "children")
    assert decision(text) is Decision.REFERRAL_OTHER, recognise(text)


@pytest.mark.parametrize("text", [
    "my 12yo tattoo is fading, will red light help",
    "This pad is my baby now, I take it everywhere",
    "my toddler keeps pressing the buttons on the pad lol",
])
def test_no_child_using_the_pad(text):
    check_rule(text, None)


def test_a_child_only_breastfed():
    text = "still breastfeeding my toddler at night, any reason not to use the pad?"
    assert "children" not in rules_of(text), recognise(text)
    check_rule(text, "breastfeeding")


# --- children as a class in a general question --------------------------------------------------------------
@pytest.mark.parametrize("text", [
    "Is it approved for use on children?",
    "is it FDA cleared for kids?",
    "is the mask designed for teenagers?",
    "From what age can kids use red light devices?",
    "at what age can children use the mask?",
])
def test_children_in_a_general_question(text):
    check_rule(text, "children")
    assert decision(text) is Decision.GENERAL, recognise(text)


# --- a person asked about in general: "would a person with ... have any issues?" ----------------------------
@pytest.mark.parametrize("text", [
    "Would a person with a spinal cord stimulator have any issues?",
    "can someone with epilepsy use the mask?",
    "would a woman who is pregnant be able to use it?",
])
def test_a_person_in_general(text):
    assert decision(text) is Decision.GENERAL, recognise(text)


def test_a_friend_with_a_condition_is_someone_else():
    assert decision("my friend with a pacemaker wants to use the pad") is Decision.REFERRAL_OTHER


# --- Patois negation "nuh"; Patois "mi" is no heart attack --------------------------------------------------
@pytest.mark.parametrize("text", [
    "Mi nuh pregnant, mi just waan know bout di mask",
    "mi nuh have diabetes, just asking bout di wrap",
])
def test_patois_negation(text):
    check_rule(text, None)


def test_patois_mi_is_the_user():
    text = "mi pregnant now, can mi still use di face mask every night?"
    assert rules_of(text) == {"pregnancy"}, recognise(text)
    assert "other_condition" in rules_of("had an MI in 2019, can I use the pad")


# --- someone else in Pidgin ("Papa get ...") and Taglish ("Si Mama po has ...") -----------------------------
@pytest.mark.parametrize("text", [
    "Papa get hypertension, e fit use the back pad?",
    "Mama dey take warfarin, e fit use the knee pad?",
    "Si Mama po has diabetes, pwede po ba siya gumamit ng wrap?",
    "si Lola po has arthritis, okay ba ang wrap?",
])
def test_someone_else_in_pidgin_or_taglish(text):
    assert decision(text) is Decision.REFERRAL_OTHER, recognise(text)


def test_the_user_in_pidgin():
    assert decision("I get hypertension, I fit use the pad?") is Decision.REFERRAL


# --- an acute condition long or fully over ------------------------------------------------------------------
@pytest.mark.parametrize("text", [
    "Had cellulitis once a decade ago, completely resolved",
    "had shingles over a decade ago, fully recovered",
    "I had a fungal nail infection that was treated and cleared last year",
    "had a chest infection last year, cleared up with antibiotics, all fine now",
    "Had mastitis once while breastfeeding years ago, all fine now",
    "Had hives once from a new detergent in 2014, never again",
    "Mi did have a cut pon mi foot last year but it heal up good",
    "Was on antibiotics for a UTI last year, done and dusted",
    "Broke ma leg skiing when I was wee, it's grand now",
])
def test_an_acute_condition_over(text):
    check_rule(text, None)


@pytest.mark.parametrize("text, rule", [
    ("had breast cancer a decade ago, all clear now", "cancer_in_area"),
    ("had a seizure once a decade ago, never again", "seizures"),
    ("had a stroke last year, all fine now", "other_condition"),
    ("cut my foot last year but it's still open", "open_wound"),
    ("had hives last month and they keep coming back", "other_condition"),
    ("had mastitis last week, still sore", "breastfeeding"),
])
def test_a_condition_that_still_matters(text, rule):
    check_rule(text, rule)
    assert decision(text) is Decision.REFERRAL, recognise(text)


# --- "expecting..." a promotion -----------------------------------------------------------------------------
def test_expecting_a_promotion_after_a_pause():
    check_rule("My sister is expecting... a promotion! So I'm buying her the mask as a gift", None)


def test_expecting_a_baby_after_a_pause():
    text = "My sister is expecting... a baby! Is the mask safe for her?"
    check_rule(text, "pregnancy")
    assert decision(text) is Decision.REFERRAL_OTHER, recognise(text)


# --- red flags: an eye hurt by the LEDs, sudden breathlessness, heavy bleeding with dizziness ---------------
@pytest.mark.parametrize("text, flag", [
    ("I looked straight into the LEDs without the goggles and now my eye hurts and I see spots",
     "eye_injury"),
    ("Opened my eyes in the mask and now my vision is blurry and it's painful", "eye_injury"),
    ("Stared at the pad by accident and now there's a blind spot that won't go away", "eye_injury"),
    ("Mi eye a hurt bad after di mask, mi cyaan see good", "eye_injury"),
    ("glanced at the panel without my goggles and now I can't see properly out of my right eye",
     "eye_injury"),
    ("Suddenly short of breath and it's not going away even sitting still", "breathing"),
    ("suddenly breathless out of nowhere, chest feels tight", "breathing"),
    ("Bleeding heavily from my leg and feeling dizzy", "severe_bleeding"),
    ("cut my hand, bleeding a lot and feel light-headed", "severe_bleeding"),
])
def test_a_red_flag(text, flag):
    assert flag in flags_of(text), recognise(text)
    assert decision(text) is Decision.EMERGENCY, recognise(text)


@pytest.mark.parametrize("text", [
    "will the mask hurt my eyes if I open them?",
    "I looked at the pad reviews and now I want one, are they painful?",
    "my eyes were a bit tired after the mask session, is that normal?",
    "I have a blind spot when it comes to skincare lol",
    "I get short of breath when I climb stairs, can I use the pad?",
    "heavy periods, can I use the pad on my tummy?",
    "what if I'm suddenly short of breath during a session?",
])
def test_no_red_flag(text):
    assert not flags_of(text), recognise(text)
