"""Development round 17 (tests/safety/dev_round17.yml) and the user study found with it: one test per cause
the batch showed the recognition layer missed. The sentences are new wordings of each cause, not the corpus
sentences; each cause has negatives that must stay negative."""

import pytest

from padsafety.recognition import Decision, recognise
from tests.recognition_helpers import QUIET, decision, flags_of, rules_of


# --- breastfeeding told as feeding the baby oneself ---------------------------------------------------------
@pytest.mark.parametrize("text", [
    "i feed bubba myself, no bottles, can i use the pad on my neck",
    "feeding my little girl myself at the moment, is the back wrap ok",
])
def test_breastfeeding_told_as_feeding_the_baby_oneself(text):
    assert "breastfeeding" in rules_of(text)


def test_feeding_a_pet_oneself_is_no_breastfeeding():
    assert "breastfeeding" not in rules_of("i feed the cat myself every morning, can i use the pad")


# --- photosensitising medicines by brand names of tretinoin, isotretinoin and doxycycline -------------------
@pytest.mark.parametrize("text", [
    "been putting stieva a on my forehead each night, mask ok?",
    "my GP prescribed acnotin for my spots, can I keep using red light",
    "on microdox for a week for my sinus, fine to use the panel?",
])
def test_photosensitising_medicine_brand_names(text):
    assert "photosensitising_medication" in rules_of(text)


# --- a yeast acne is a skin infection ----------------------------------------------------------------------
@pytest.mark.parametrize("text", [
    "derm says it's malassezia folliculitis on my back, is the pad ok",
    "think i have yeast acne on my chest, would red light help",
])
def test_fungal_acne_is_a_skin_infection(text):
    assert "skin_infection_or_eczema" in rules_of(text)


# --- reduced sensation told as partial feeling or a numb bit ----------------------------------------------
@pytest.mark.parametrize("text", [
    "since my back op I only have patchy sensation down my left leg",
    "there's a numb patch on my thigh, can the pad go there",
    "my knee replacement scar has gone numb along one side",
    "had a tummy tuck, the skin under the scar is still numb",
])
def test_reduced_sensation_told_as_partial_feeling_or_a_numb_patch(text):
    assert "reduced_sensation" in rules_of(text)


@pytest.mark.parametrize("text", [
    "i only have partial access to the app, can you help",
    "my scar faded nicely, can i use it on my face",
])
def test_partial_or_scar_without_numbness_is_no_reduced_sensation(text):
    assert "reduced_sensation" not in rules_of(text)


# --- hormones: the contraceptive pill taken, an oestrogen gel or patch for the menopause --------------------
@pytest.mark.parametrize("text", [
    "i'm taking the mini pill, does red light interact with it",
    "started oestrogel last month for hot flushes, is the pad ok",
    "i put an evorel patch on twice a week, any problem with the mask",
])
def test_hormone_medicines_are_a_regular_medicine(text):
    assert "other_condition" in rules_of(text)


def test_a_pill_organiser_is_no_medicine():
    assert decision("where can i buy a pill organiser like the one in your photo") not in QUIET


# --- an operation told as a body part "done" --------------------------------------------------------------
@pytest.mark.parametrize("text", [
    "my dad had his hip replaced in june, can he use the wrap on it",
    "I had my bunion done three weeks ago, can the pad go on my foot",
])
def test_an_operation_told_as_a_part_done(text):
    assert decision(text) in (Decision.REFERRAL, Decision.REFERRAL_OTHER)


def test_nails_done_is_no_operation():
    assert decision("had my nails done yesterday, can i use the hand mitt") not in QUIET


# --- an open wound told as an open mess; bleeding spots after microneedling --------------------------------
@pytest.mark.parametrize("text", [
    "my elbow is a bloody mess after i tripped on the kerb",
    "dermarolled my cheeks last night and there are tiny bleeding dots, mask now?",
])
def test_an_open_wound_told_as_a_mess_or_after_microneedling(text):
    assert "open_wound" in rules_of(text)


# --- coming off a bike is no denial -----------------------------------------------------------------------
def test_coming_off_a_bike_does_not_deny_the_wound():
    text = "my daughter came off her scooter and her shin is an open mess"
    assert decision(text) is Decision.REFERRAL_OTHER


def test_coming_off_a_medicine_is_still_a_denial():
    mentions = recognise("I came off methotrexate years ago").mentions
    assert mentions and all(m.negated or m.past for m in mentions)


# --- medical words as figures of speech -------------------------------------------------------------------
@pytest.mark.parametrize("text", [
    "i'm on a cut for the summer, will the pad help me lose fat",
    "reality tv is a cancer on society, anyway how long per session",
    "that season finale gave me emotional whiplash",
    "my cat ignored me all day, I'm deeply wounded",
    "the meme spread like a rash across the group chat",
    "our midfield needs major surgery before next season",
])
def test_figures_of_speech_are_no_condition(text):
    assert decision(text) not in QUIET


def test_a_real_whiplash_still_counts():
    text = "rear ended on the motorway and got whiplash, can i use it on my neck"
    assert decision(text) is Decision.REFERRAL


# --- a deep or weeping burn from the device; a suddenly swollen, hot calf -----------------------------------
@pytest.mark.parametrize("text, flag", [
    ("left the belt on too long and the burn on my back is oozing", "burn_or_blistering"),
    ("the burn from the mask looks white and leathery", "burn_or_blistering"),
    ("my left calf is all of a sudden swollen and tender", "urgent_signs"),
])
def test_deep_burns_and_a_suddenly_swollen_calf_are_red_flags(text, flag):
    assert flag in flags_of(text)


@pytest.mark.parametrize("text", [
    "my calves are sore and swollen after the gym",
    "i have an old burn scar on my arm, can the pad help it fade",
])
def test_sore_calves_after_exercise_and_old_burn_scars_are_no_red_flag(text):
    assert not flags_of(text)


# --- lasting numbness of a spinal injury or a wheelchair user is no stroke --------------------------------
def test_numbness_of_a_spinal_injury_is_no_stroke():
    text = "my brother is paraplegic after a crash. He can't feel his feet. Is the pad safe for him?"
    assert not flags_of(text) and decision(text) is Decision.REFERRAL_OTHER


def test_new_weakness_in_a_wheelchair_user_is_still_a_stroke_sign():
    assert "stroke_signs" in flags_of("I use a wheelchair and just now I can't move my left arm")


# --- user study: an animal's condition, told with a breed or a lay pet word --------------------------------
@pytest.mark.parametrize("text", [
    "our old collie has arthritis in her back legs, can i use the wrap on her",
    "my moggy has a sore on his ear, could the pad help",
    "the pooch had surgery on his knee last week",
])
def test_a_pet_named_by_breed_or_lay_word_is_no_person(text):
    assert decision(text) not in QUIET


def test_the_user_with_a_lab_result_is_still_the_user():
    assert decision("my lab results show I have diabetes, is red light ok") is Decision.REFERRAL


# --- user study: high blood sugar told plainly is a condition, not an emergency -----------------------------
@pytest.mark.parametrize("text", [
    "my blood sugars have been really high lately",
    "glucose readings keep creeping up, does that matter for the pad",
])
def test_high_blood_sugar_told_plainly_is_a_condition_not_an_emergency(text):
    assert decision(text) is Decision.REFERRAL and not flags_of(text)


# --- user study: a question about a topic the bot raised is general -----------------------------------------
@pytest.mark.parametrize("text", ["why the thyroid thing", "what's the pacemaker thing about?"])
def test_a_question_about_a_topic_is_general(text):
    assert decision(text) in (Decision.GENERAL, Decision.NONE)


# --- user study: a healed tattoo is no condition, a fresh one is a wound ------------------------------------
def test_a_healed_tattoo_is_no_condition():
    assert decision("I've got a huge tattoo on my ribs, ok to use the panel over it?") not in QUIET


def test_a_fresh_tattoo_is_a_wound():
    assert "open_wound" in rules_of("got a new tattoo on friday and it's still healing, pad ok on it?")
