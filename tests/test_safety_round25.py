"""Development round 25 (tests/safety/dev_round25.yml): one test per cause the batch showed the recognition
layer missed. Each cause has the corpus sentence, close variants a general fix must also handle, and negatives
(or the real condition that must still be caught) beside it."""

import pytest

from padsafety.recognition import Decision, recognise
from tests.recognition_helpers import check_rule, decision, flags_of, rules_of


# --- a long word split by dictation into pieces that sound like it, in any message --------------------------
@pytest.mark.parametrize("text, rule", [
    ("I've got in pet eye go on my nose right now, the crusty yellow one, can I use the mask",
     "skin_infection_or_eczema"),
    ("my son has in pet eye go round his mouth, can he use the mask", "skin_infection_or_eczema"),
    ("I get sea sures from flashing lights is the mask okay", "seizures"),
    ("i get see sures when im tired, is the flashing mode ok", "seizures"),
    ("I'm not pregnant, no heart problems and no epilepsy. I am taking docks a cycline for a few weeks "
     "though, is the mask okay?", "photosensitising_medication"),
    ("on docks e cycline for my acne, mask ok?", "photosensitising_medication"),
])
def test_a_word_split_into_sound_alike_pieces(text, rule):
    check_rule(text, rule)


@pytest.mark.parametrize("text", [
    "oh i see sure thanks",  # sounds like "seizure", with no health cue beside it
    "the sea sure is cold today",
    "it's so loud in here, can you hear me",  # not the Solodyn brand
    "my back has ached ever since I started running",  # not the Eversense sensor
    "the docks are a cycle ride from my house, can I collect the order",
    "I'm so sorry is the pad still available",
    "in pet shops the eye goes straight to the puppies",
])
def test_ordinary_words_are_not_read_as_one_by_sound(text):
    check_rule(text, None)


def test_a_term_next_to_a_short_word_stays_the_term():
    assert "skin_infection_or_eczema" in rules_of("I have eczema as well as asthma")


# --- an open wound in Nigerian Pidgin ("I get wound for my leg") and typed without its "u" ------------------
@pytest.mark.parametrize("text, rule", [
    ("I get wound for my leg wey never heal, e still dey open, can I use the pad on it?", "open_wound"),
    ("I don get wound for my foot since last week, e no gree close", "open_wound"),
    ("got wound on my heel that won't heal, pad ok?", "open_wound"),
    ("i hav a open wond on my foot thats not healing can i use", "open_wound"),
    ("open wonds on both shins, can i use the wrap", "open_wound"),
])
def test_a_wound_in_pidgin_or_misspelt(text, rule):
    check_rule(text, rule)


@pytest.mark.parametrize("text", [
    "I get wound up when the app logs me out",
    "got wound up about the delivery, sorry",
    "I wound the cable round the pad, is that ok",
    "I wonder if the pad works for back pain",
])
def test_wound_up_and_wonder_are_no_wound(text):
    check_rule(text, None)


# --- feeling gone from the skin of a body part --------------------------------------------------------------
@pytest.mark.parametrize("text", [
    "Can't really feel pain on the skin of my lower back since the spinal op, is the belt safe?",
    "I can't feel touch on the skin over my knee since the surgery",
    "he can barely feel anything on the skin of his left thigh",
])
def test_no_feeling_on_the_skin_of_a_body_part(text):
    check_rule(text, "reduced_sensation")


def test_the_pads_heat_is_no_numbness():
    assert "reduced_sensation" not in rules_of(
        "I can't feel the heat on the skin of my back from the pad, is it working?"
    )


# --- expecting money, post or visitors, not a baby ----------------------------------------------------------
@pytest.mark.parametrize("text", [
    "I'm expecting my paycheque Friday, can I pre-order now and pay then?",
    "im expecting payment next week, can i reserve one",
    "we're expecting guests so I'll order the bigger pad",
    "I'm expecting a parcel today, is it this one?",
    "expecting my first paycheck from the new job, then I'll buy it",
])
def test_expecting_money_post_or_visitors(text):
    check_rule(text, None)


@pytest.mark.parametrize("text", [
    "I'm expecting my first, is the belt ok",
    "we're expecting a baby in May, can I use the back pad",
    "I'm expecting, 12 weeks, is the pad ok for my back",
])
def test_expecting_a_baby_is_still_a_pregnancy(text):
    assert "pregnancy" in rules_of(text) or decision(text) is Decision.CLARIFY


# --- red flags in dialect or in other words -----------------------------------------------------------------
@pytest.mark.parametrize("text, flag", [
    ("Cannae get ma breath, it's gettin worse", "breathing"),
    ("canny catch me breath, help", "breathing"),
    ("one side of my husband's body is not moving suddenly and his mouth is turning", "stroke_signs"),
    ("left side of her body has stopped moving", "stroke_signs"),
    ("his mouth is twisting to one side and he can't lift his arm", "stroke_signs"),
    ("honestly i dont wanna be here anymore", "self_harm"),
    ("i really dont wanna be alive", "self_harm"),
    ("I've lost part of the vision in one eye since using the pad near my face this morning", "eye_injury"),
    ("lost half of the sight in my left eye after the mask today", "eye_injury"),
])
def test_red_flags_in_dialect_or_other_words(text, flag):
    assert flag in flags_of(text)


@pytest.mark.parametrize("text", [
    "I cannae get ma order to go through, the page keeps crashing",
    "I don't wanna be here all day waiting for the delivery",
    "lost my glasses, how do I read the manual",
    "lost part of the vision in one eye years ago as a child, is the mask ok",
    "his mouth is turning up at the corners, he loves the pad lol",
])
def test_no_red_flag_in_everyday_words(text):
    assert decision(text) is not Decision.EMERGENCY


# --- context: Scots "nae"; a best friend's; a childhood in Scots or a school year; outgrown; long behind ----
@pytest.mark.parametrize("text", [
    "Nae pacemaker, nae pills, nothin. Just sore legs.",
    "nae epilepsy, nae heart problems, just a sore back",
    "Broke ma wrist as a wean, right as rain noo. Can I use the wrap?",
    "broke my finger in year 7, all good now",
    "broke my arm in grade 5, healed fine",
    "my youngest is 30 now so pregnancy is a distant memory haha, is the belt okay for my back?",
    "my youngest is 12 now, so pregnancy's a long way behind me",
    "childhood eczema, completely outgrew it by age 8, is the mask ok for me?",
    "had eczema as a kid but grew out of it, skin's fine",
])
def test_denied_or_long_over(text):
    check_rule(text, None)


@pytest.mark.parametrize("text, rule", [
    ("childhood eczema, outgrew it but it came back this year", "skin_infection_or_eczema"),
    ("had eczema as a kid but it's back now on my hands", "skin_infection_or_eczema"),
    # a childhood epilepsy outgrown is still history for a doctor (earlier rounds)
    ("had epilepsy as a child but grew out of it, off meds for 10 years", "seizures"),
    ("I'm not impressed, I'm pregnant and the box says nothing", "pregnancy"),
])
def test_still_current_or_lasting(text, rule):
    check_rule(text, rule)


@pytest.mark.parametrize("text", [
    "best friend has cellulitis, I'm the one with the pad though, on my knees only. how long?",
    "old mate has psoriasis, wants to borrow my pad",
    "best mate's on warfarin, can he try it",
])
def test_a_friend_opening_the_sentence_without_my(text):
    assert decision(text) is Decision.REFERRAL_OTHER, recognise(text)


# --- answers in the check: a yes in a picture ---------------------------------------------------------------
@pytest.mark.parametrize("text, answer", [
    ("I am \U0001f930", "yes"),
    ("i am \U0001f930\U0001f3fd", "yes"),
    ("yep \u2705", "yes"),
    ("\U0001f930", "yes"),
    ("I am \U0001f602", None),
    ("\U0001f44d", None),  # a thumbs-up also only says "ok"
    ("nah \U0001f44d", "no"),
])
def test_a_yes_in_a_picture(text, answer):
    from padsafety.answers import parse_answer

    got = parse_answer(text)
    assert (got.value if got is not None else None) == answer
