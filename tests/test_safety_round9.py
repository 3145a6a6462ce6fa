"""Development round 9 (tests/safety/dev_round9.yml): one test per cause the batch showed the recognition
layer missed. The sentences are new wordings of each cause, not the corpus sentences."""

import pytest

from padsafety.answers import parse_answer
from padsafety.recognition import Decision, Experiencer, recognise
from padsafety.rules import Answer
from tests.recognition_helpers import decision, rules_of


def test_a_trimester_abbreviated_with_a_digit_is_pregnancy():
    assert "pregnancy" in rules_of("i'm in my 3rd tri now, is the back pad ok")


def test_pregnant_with_a_numbered_baby_is_pregnancy():
    assert "pregnancy" in rules_of("pg with baby no. 2, can i use the wrap on my back")
    assert "pregnancy" in rules_of("pregnant with number 4, safe for my knees?")


def test_someone_expecting_with_no_object_is_pregnant():
    found = recognise("my cousin is expecting, can she use the belt")
    assert found.decision is Decision.REFERRAL_OTHER
    assert "pregnancy" in {m.rule_id for m in found.affirmed(Experiencer.OTHER)}
    assert decision("my colleague is expecting a delivery today") is Decision.NONE


def test_nursing_at_night_and_feeding_a_toddler_are_breastfeeding():
    assert "breastfeeding" in rules_of("i still nurse overnight, is the face mask fine")
    assert "breastfeeding" in rules_of("still feeding at 14 months, any issue with the pad")
    assert "breastfeeding" in rules_of("member of la leche league here, can i use the belt")


def test_doxy_after_on_or_as_a_course_is_a_photosensitising_medicine():
    assert "photosensitising_medication" in rules_of("taking doxy for acne, ok with the mask?")
    assert "photosensitising_medication" in rules_of("halfway through a doxy course, pad ok?")


def test_raised_eye_pressure_glaucoma_drops_and_a_lazy_eye_are_eye_conditions():
    assert "eye_condition" in rules_of("my eye pressure is a bit high, mask ok?")
    assert "eye_condition" in rules_of("i use lumigan drops every night")
    assert "eye_condition" in rules_of("my daughter has amblyopia, can she sit near the panel")


def test_stitches_counted_in_digits_and_fresh_piercings_are_open_wounds():
    assert "open_wound" in rules_of("fell off my bike, 8 stitches in my chin, can i use the mask")
    assert "open_wound" in rules_of("got my ears pierced yesterday, face mask ok?")
    assert "open_wound" in rules_of("just had fresh microblading, can i do my face")


def test_chemo_neuropathy_by_its_abbreviation_or_as_cotton_wool_is_reduced_sensation():
    assert "reduced_sensation" in rules_of("my oncologist says i have cipn")
    assert "reduced_sensation" in rules_of("my feet feel like i'm walking on cotton wool")


def test_depression_adhd_and_their_medicines_are_other_conditions():
    assert "other_condition" in rules_of("i have depression, is red light ok")
    assert "other_condition" in rules_of("i take fluoxetine daily")
    assert "other_condition" in rules_of("on elvanse for my adhd, pad fine?")
    assert decision("we watched a film about the great depression") is Decision.NONE
    assert decision("there's a depression in the foam of the pad") is Decision.NONE


@pytest.mark.parametrize(
    "text, flag",
    [
        ("the skin is blistered and weeping where the belt was", "burn_or_blistering"),
        ("it's burning and there are bubbles on my skin now", "burn_or_blistering"),
        ("since the session my vision is all blurry", "eye_injury"),
        ("looked into the panel and now i can't see properly", "eye_injury"),
        ("after the mask my eyes hurt and i can't open them", "eye_injury"),
        ("heavy bleeding from my hand that won't stop", "severe_bleeding"),
        ("my toddler has a rash that doesn't fade when i press a glass on it", "urgent_signs"),
        ("my son is all floppy and won't wake properly", "urgent_signs"),
    ],
)
def test_round9_emergencies_in_lay_words_are_red_flags(text, flag):
    assert flag in {f.red_flag for f in recognise(text).red_flags}


@pytest.mark.parametrize(
    "text",
    [
        "i dropped a stitch knitting last night, anyway where's my order",
        "the 2 hour pacemaker at the marathon was brilliant",
        "the new policy is just a band-aid fix",
        "did my 2nd tri this weekend, legs are wrecked",
        "vision went blurry for a second after the mask then fine",
        "i can't see properly without my glasses, can i use the mask",
    ],
)
def test_round9_everyday_english_stays_quiet(text):
    assert decision(text) is Decision.NONE


def test_a_doctors_all_clear_told_before_the_mole_denies_it():
    assert decision("my gp said my moles are all benign") is Decision.NONE


def test_someone_elses_relation_and_a_coworker_are_someone_else():
    assert decision("one of my neighbours' husband has a defibrillator, he asked about it") is (
        Decision.REFERRAL_OTHER
    )
    assert decision("coworker has neuropathy in his feet, asking for him") is Decision.REFERRAL_OTHER


def test_a_photosensitising_medicine_stopped_days_ago_still_counts():
    assert "photosensitising_medication" in rules_of("came off isotretinoin 3 weeks ago")
    assert "photosensitising_medication" in rules_of("finished my course of doxycycline last week")
    assert decision("stopped accutane years ago") is Decision.NONE


def test_long_over_past_stays_quiet():
    assert decision("breastfed all three back in the eighties") is Decision.NONE
    assert decision("had mono at college, made a full recovery") is Decision.NONE
    assert decision("was on minocycline for a month in 2012") is Decision.NONE
    assert decision("one febrile seizure as a toddler, never again") is Decision.NONE
    assert decision("my son had a febrile seizure as a toddler") is Decision.REFERRAL_OTHER


def test_a_recent_wound_is_current_not_past():
    found = recognise("tattoo from yesterday")
    assert [m for m in found.affirmed() if m.rule_id == "open_wound" and not m.past]


def test_in_check_answers_an_all_clear_a_trailing_no_and_asking_someone():
    assert parse_answer("stressed about work but medically fine") is Answer.NO
    assert parse_answer("long sighted, nothing else") is Answer.NO
    assert parse_answer("i'm a leo lol but no") is Answer.NO
    assert parse_answer("i need to check with my doctor") is Answer.UNKNOWN
    assert parse_answer("i have lupus but otherwise healthy") is None  # the named condition decides


def test_in_check_joke_and_denied_wound_words_are_no_mention():
    assert not recognise("only stroke i've ever had is my wallet lol").affirmed()
    assert recognise("not wounded at all").negated_rules() == {"open_wound"}
