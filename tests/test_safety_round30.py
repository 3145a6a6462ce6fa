"""Development round 30 (tests/safety/dev_round30.yml): one test per cause the batch showed the recognition
layer missed. Each cause has the corpus sentence, close variants a general fix must also handle, and negatives
(the same words in a case that must stay quiet, or stay referred) beside it."""

import pytest

from padsafety.recognition import Decision, recognise
from tests.recognition_helpers import check_rule, decision, flags_of, rules_of


# --- red flags: the device smoking, in flames or its battery swelling; part of the sight lost; a hot swollen
# limb with fever; a nosebleed that won't stop with faintness ------------------------------------------------
@pytest.mark.parametrize("text, flag", [
    ("The pad's controller is smoking and smells of burning plastic", "device_fire"),
    ("Flames came out of the charger when I plugged the belt in", "device_fire"),
    ("The battery pack has swollen up and is hissing and hot", "device_fire"),
    ("sparks shooting out of the controller!!", "device_fire"),
    ("the power bank for the wrap is bulging and hissing", "device_fire"),
    ("Since the mask my eye is painful and I've lost part of my sight", "eye_injury"),
    ("lost some of the vision in my left eye since this morning", "eye_injury"),
    ("My leg is red, hot and massively swollen and I'm shaking with fever", "urgent_signs"),
    ("my calf is hot and swollen and red and I've got a fever", "urgent_signs"),
    ("Nosebleed going for over an hour now and it won't stop, I feel faint", "severe_bleeding"),
    ("my nose has been bleeding for two hours and I'm dizzy", "severe_bleeding"),
])
def test_red_flags(text, flag):
    assert flag in flags_of(text), recognise(text)


@pytest.mark.parametrize("text", [
    "this deal is smoking hot",
    "The pad smells a bit of new plastic out of the box",
    "I lost part of my sight in one eye years ago, can I use the mask with my eyes shut?",
    "I had a nosebleed for an hour as a kid and felt faint",
    "my legs are red and hot after the gym",
])
def test_no_emergency(text):
    assert decision(text) is not Decision.EMERGENCY, recognise(text)


# --- trying to conceive: IVF, IUI, Clomid, "start a family", "try for baby", hoping to fall pregnant --------
@pytest.mark.parametrize("text", [
    "Doing IVF, egg collection next month, can I still use the mask?",
    "Dear Sir, my husband and I are hoping to start a family shortly. Should I use the pad on my abdomen?",
    "Just started fertility treatment (Clomid) to get pregnant, is the wrap ok for my back?",
    "Intentamos tener un bebé, I mean we try for baby, the pad is safe for me?",
    "Having IUI next week, should I stop the belly wrap before that?",
    "Hoping to fall pregnant this year, anything I should know before using the pad?",
    "On the baby-making journey (month 3 of trying), is the mask fine to keep using?",
    "we'd love to get pregnant next year, is the belt ok till then?",
    "starting a family soon, can I keep using the pad on my tummy?",
])
def test_trying_to_conceive(text):
    check_rule(text, "trying_to_conceive")
    assert "pregnancy" not in rules_of(text), recognise(text)
    assert decision(text) is Decision.REFERRAL, recognise(text)


@pytest.mark.parametrize("text", [
    "IVF worked!! 8 weeks today, can I still use the red light on my face",
    "we're doing IVF and the transfer is next week, should i pause the pad till we know?",
    "I'm pregnant after trying for ages, is the wrap ok?",
    "had my 12 wk womb scan yday, all good 🥰 can i still use the face mask or shld i stop",
    "preg w/ #2, back is wrecked, can i use the wrap on it",
    "pregnant with no. 3 and my hips ache, can I use the pad",
])
def test_pregnancy_stays(text):
    check_rule(text, "pregnancy")


def test_partner_in_ivf_is_someone_else():
    text = "My partner is going through IVF, can she use the red light pad on her back?"
    check_rule(text, "trying_to_conceive")
    assert decision(text) is Decision.REFERRAL_OTHER, recognise(text)


# --- devices, medicines, sensation, wounds, eyes, children, a weak heart ------------------------------------
@pytest.mark.parametrize("text, rule", [
    ("Wearing a 48-hour Holter heart monitor this week, can I use the pad meanwhile?", "implanted_device"),
    ("got a 24 hour heart monitor on, is the wrap ok", "implanted_device"),
    ("Dear Sir, my husband had a heart thing fitted last spring. May he use your knee pad?",
     "implanted_device"),
    ("On abx for my chest (doxy), can I use the mask this week?", "photosensitising_medication"),
    ("Tengo los pies dormidos, my feet always asleep, no feeling, the pad is good?", "reduced_sensation"),
    ("my hands are constantly numb, is the pad safe", "reduced_sensation"),
    ("Diabetic, can't really feel my feet anymore, is the foot pad going to burn me without me noticing?",
     "reduced_sensation"),
    ("I stood on a nail at work, the hole is deep and throbbing, can the pad help?", "open_wound"),
    ("stepped on a rusty screw and it's bleeding, pad ok?", "open_wound"),
    ("I've a bleed at the back of my eye the specialist is watching, can I use the mask?", "eye_condition"),
    ("had a retinal bleed last month, is the mask ok", "eye_condition"),
    ("Dear Sir, may my grandson, aged ten, use the pad for his sore shoulder after cricket?", "children"),
    ("Tengo una niña de 8 años, can she use the wrap for her legs?", "children"),
    ("tengo un hijo de 12 años con dolor de rodilla, the pad ok?", "children"),
    ("can I put the pad on my toddler's back?", "children"),
    ("Dear Sir, I have had a dicky heart for years and take several tablets for it. Is your pad safe for my "
     "knees?", "other_condition"),
])
def test_conditions_reached(text, rule):
    check_rule(text, rule)
    assert decision(text) in (Decision.REFERRAL, Decision.REFERRAL_OTHER), recognise(text)


@pytest.mark.parametrize("text", [
    "my foot fell asleep on the sofa, which pad is best for calves?",
    "I nailed the workout today, the pad for recovery?",
    "the box for the heart rate monitor came with the pad, where do I return it?",
])
def test_everyday_words_stay_quiet(text):
    check_rule(text, None)


# --- false alarms: infection control, surgery on a parcel, money swelling, "as fit as a sofa", a shop code --
@pytest.mark.parametrize("text", [
    "What are the infection-control wipes in the box for, can I use them on the mask?",
    "I work in infection control at a hospital, so I'm fussy: how should I disinfect the mask?",
    "The box was so well taped it needed surgery to open it lol",
    "The only thing swelling is my credit card bill, any free delivery codes?",
    "Fit? I'm about as fit as a sofa, but I'd like the wrap for after my first gym class",
    "The code of discount not work, help me please",
    "my order never came, help me please",
])
def test_false_alarms(text):
    check_rule(text, None)
    assert decision(text) is not Decision.ASK_IF_URGENT, recognise(text)


@pytest.mark.parametrize("text", [
    "I have an infection on my arm, can I use the pad",
    "needed surgery on my knee last month, can I use the wrap",
    "my ankle is swollen and sore, is the pad ok",
])
def test_real_conditions_beside_those_words(text):
    assert decision(text) is Decision.REFERRAL, recognise(text)


def test_help_with_a_body_word_still_asks_if_urgent():
    assert recognise("my chest feels weird and the code does not work, help me please").distress


# --- context: general questions, someone else's, over long ago ----------------------------------------------
@pytest.mark.parametrize("text", [
    "Dear Sir, for a talk at my Women's Institute, could you explain who should not use these pads?",
    "Is it true red light boosts fertility, or is that a myth?",
    "For my nursing course essay: what are the contraindications of red light therapy pads?",
    "Are kids allowed to use red light pads at all, as a general rule?",
    "Can red light therapy replace blood pressure medicine? My neighbour reckons it can.",
    "I'm writing a blog post: who should avoid red light pads and why?",
    "Who should not use these pads?",
])
def test_general_questions(text):
    assert decision(text) is Decision.GENERAL, recognise(text)


@pytest.mark.parametrize("text", [
    "Our yoga teacher is pregnant and wants to use the pad on her back, is that safe?",
    "Dear Sir, my lodger suffers from fits. Is the face lamp safe for him?",
    "my tutor suffers from epilepsy, is the mask ok for her?",
])
def test_someone_else(text):
    assert decision(text) is Decision.REFERRAL_OTHER, recognise(text)


@pytest.mark.parametrize("text", [
    "I'm a teacher and I'm pregnant, can I use the pad?",
    "I suffer from fits, is the mask safe?",
])
def test_own_condition_stays(text):
    assert decision(text) is Decision.REFERRAL, recognise(text)


@pytest.mark.parametrize("text", [
    "Finished breastfeeding my youngest 6 years ago, I guess that doesn't matter now? "
    "Which pad for shoulders?",
    "My kids are grown up, last pregnancy was 20 years ago, so the belt is fine for me?",
    "stopped breastfeeding my daughter in 2015, which mask?",
])
def test_long_over(text):
    check_rule(text, None)


def test_one_feed_just_finished_is_still_breastfeeding():
    check_rule("just finished breastfeeding my baby, can I use the pad?", "breastfeeding")
