"""User study round 46 (docs/user-study/2026-12-07-round46/, scenarios d47-* in
tests/scenarios/real_users_dev39.yml): one test per cause the study showed the recognition layer or the
reading of answers in the safety check missed or got wrong. Each cause has the user's sentence, close variants
a general fix must also handle, and negatives (or the real condition that must still be caught) beside it."""

import pytest

from padsafety.answers import parse_answer
from padsafety.recognition import Decision, Experiencer, recognise
from padsafety.rules import Answer
from tests.recognition_helpers import check_rule, decision, flags_of, rules_of


# --- d47-15: stroke signs in Jamaican Patois (and plain learner's English) are an emergency -----------------
@pytest.mark.parametrize("text", [
    "Mi granny face drop on one side and she cyaan talk proper, she was using di red light pad pon her knee. "
    "Wha fi do?",
    "She nah answer mi good, her mout twist up an her arm weak. Mi fi call ambulance?",
    "my nan's face has dropped on one side and she can't talk properly",
    "his mouth twisted and his arm has gone weak",
    "mi mada face drap pon one side",
    "her arm gone weak and her mouth twist up",
])
def test_stroke_signs_in_patois_are_an_emergency(text):
    assert "stroke_signs" in flags_of(text), recognise(text)
    assert decision(text) is Decision.EMERGENCY


@pytest.mark.parametrize("text", [
    "my face dropped when I saw the price",
    "mi cyaan talk proper english, sorry",
    "my arm is weak after the gym, will the pad help",
    "Mi hands dem cold cold all de time, di pad can warm dem up?",
])
def test_no_stroke_in_a_dropped_face_or_weak_english(text):
    assert decision(text) is not Decision.EMERGENCY, recognise(text)


# --- d47-48: Patois "mi" is "my" or "I", not a myocardial infarction ----------------------------------------
@pytest.mark.parametrize("text", [
    "Good day. Mi hands dem cold cold all de time, doctor seh a Raynaud's. Di pad can warm dem up?",
    "Mi granny face drop on one side",
    "So mi can use it pon mi hands or no?",
    "mi fi call di doctor?",
    "ok mi a call 911 now",
])
def test_patois_mi_is_no_heart_attack(text):
    assert "heart disease" not in {m.condition for m in recognise(text).mentions}, recognise(text)


def test_raynauds_is_its_own_condition():
    text = "Good day. Mi hands dem cold cold all de time, doctor seh a Raynaud's. Di pad can warm dem up?"
    assert {m.condition for m in recognise(text).affirmed()} == {"raynaud's"}, recognise(text)
    assert rules_of(text) == {"other_condition"}


def test_no_heart_trouble_in_patois_is_a_denial():
    text = "Mi nuh have no heart trouble, is just di hands. So mi can use it pon mi hands or no?"
    assert decision(text) is Decision.NONE, recognise(text)


@pytest.mark.parametrize("text", [
    "had an MI in 2019, can I use the pad",
    "MI two years ago, on statins",
    "MI a year ago, can I use it",
    "mi have heart trouble, can mi use it",
])
def test_a_real_heart_attack_or_heart_trouble_still_counts(text):
    check_rule(text, "other_condition")
    assert "heart disease" in {m.condition for m in recognise(text).affirmed()}


# --- d47-1: fat "melted" is a fat-loss claim, not a burn ----------------------------------------------------
@pytest.mark.parametrize("text", [
    "ja but in plain English, what's it good for and what's hype? my aunt reckons it melted her boep",
    "eish no man, boep means belly! she says it melted her belly fat. nothing got burnt",
    "my mate says the pad melted the fat off her tummy",
    "it melted my love handles lol",
    "does it really melt belly fat?",
])
def test_melted_fat_is_no_burn(text):
    assert decision(text) is not Decision.EMERGENCY, recognise(text)
    assert "burn_or_blistering" not in flags_of(text)


@pytest.mark.parametrize("text", [
    "the pad melted and burnt my arm",
    "the pad melted my belly skin",
    "the wrap melted and burnt her tummy",
])
def test_a_melted_device_that_burnt_skin_is_still_a_burn(text):
    assert "burn_or_blistering" in flags_of(text), recognise(text)


# --- d47-21: money that will "have a heart attack" is a joke about the price --------------------------------
@pytest.mark.parametrize("text", [
    "I'm dying to try one of these, my sister's been banging on about hers. My bank account will have a "
    "heart attack though. What do they actually do?",
    "haha no, my heart's fine, it's my wallet that'll suffer. How long do you have to use it before it "
    "works?",
    "my poor wallet's gonna have a heart attack lol",
    "that price gave my bank balance a heart attack",
    "my credit card is having a seizure after black friday",
])
def test_a_wallets_heart_attack_is_nothing(text):
    check_rule(text, None)


@pytest.mark.parametrize("text", [
    "my husband will have a heart attack when he sees the price",
    "my dad had a heart attack last year, can he use it",
])
def test_a_persons_heart_attack_still_counts(text):
    check_rule(text, "other_condition")


# --- d47-30: a pacemaker taken out ("they took it oot") is no implanted device ------------------------------
@pytest.mark.parametrize("text", [
    "Had a pacemaker put in years back but they took it oot last year, divvent need it anymore. Can I use "
    "one now for me shoulder?",
    "Naw man, it's OOT. Removed. Gone. There's nae pacemaker in me at all now.",
    "ye're not listening. I HAD one. Past tense. The doctors took it oot.",
    "had a pacemaker but they took it out last year",
    "I had a loop recorder, the doctors removed it in 2021",
])
def test_a_device_taken_out_is_past(text):
    assert "implanted_device" not in rules_of(text), recognise(text)


@pytest.mark.parametrize("text", [
    "I have a pacemaker, they took it out for the MRI and put it back",
    "I have a pacemaker, they took it out and replaced it with a new one",
    "I've got a pacemaker, can I use the pad on my shoulder?",
])
def test_a_device_still_in_counts(text):
    check_rule(text, "implanted_device")


# --- d47-12: a learner's "the cut is close" is a closed cut -------------------------------------------------
@pytest.mark.parametrize("text", [
    "thank you. he also have small cut on hand from work, it is close now, no blood. ok to use on shoulder?",
    "no no, the cut is close, healed, only small line on skin. not open.",
    "I have a small cut on my hand, it is close now",
    "my cut is close now, no blood",
])
def test_a_cut_that_is_close_is_no_open_wound(text):
    assert "open_wound" not in rules_of(text), recognise(text)


@pytest.mark.parametrize("text", [
    "I have a cut close to my eye",
    "the cut is close to healing but still open",
    "I have a cut, is it ok to use the pad close to it",
])
def test_a_cut_near_something_is_still_a_wound(text):
    check_rule(text, "open_wound")


# --- d47-5: an operation scar said to be healed in the next sentence is over --------------------------------
@pytest.mark.parametrize("text", [
    "Hello po! I gave birth 3 months ago and I'm breastfeeding. Pwede ba ako gumamit ng red light pad for my "
    "C-section scar? It's already healed naman.",
    "can I use it on my c-section scar? it's fully healed",
    "is the pad ok on my knee op scar? it's healed",
])
def test_a_scar_healed_in_the_next_sentence_is_no_recent_surgery(text):
    assert not any(
        m.condition in ("recent surgery", "wound") or m.rule_id == "open_wound"
        for m in recognise(text).affirmed()
    ), recognise(text)


def test_breastfeeding_beside_the_healed_scar_stays():
    text = ("Hello po! I gave birth 3 months ago and I'm breastfeeding. Pwede ba ako gumamit ng red light "
            "pad for my C-section scar? It's already healed naman.")
    assert "breastfeeding" in rules_of(text)


@pytest.mark.parametrize("text", [
    "can I use it on my c-section scar? it's still open at one end",
    "had a c-section 2 weeks ago, can I use it on the scar?",
])
def test_a_scar_still_open_or_fresh_counts(text):
    assert decision(text) is Decision.REFERRAL, recognise(text)


# --- d47-57: a healed ACL reconstruction months ago is no current surgery -----------------------------------
@pytest.mark.parametrize("text", [
    "had ACL reconstruction on my right knee about 8 months ago, fully healed, PT discharged me, but it "
    "still gets achy after heavy squats",
    "you didn't really answer the knee part. it's not a disease, it's a rebuilt ligament that's fully "
    "healed. would the pad help the ache after squats?",
    "had knee surgery a year ago, fully healed, physio discharged me",
])
def test_a_healed_operation_long_ago_is_over(text):
    check_rule(text, None)


def test_the_blood_pressure_medicine_beside_it_still_counts():
    text = ("had ACL reconstruction on my right knee about 8 months ago, fully healed, PT discharged me. I "
            "also take lisinopril for blood pressure which is well controlled.")
    assert "recent surgery" not in {m.condition for m in recognise(text).affirmed()}
    check_rule(text, "other_condition")


@pytest.mark.parametrize("text", [
    "had ACL reconstruction 3 weeks ago",
    "had ACL surgery 8 months ago and it still hurts a lot",
])
def test_a_recent_or_painful_operation_counts(text):
    check_rule(text, "other_condition")


# --- d47-22: numbness told with tingling or in patches is reduced sensation ---------------------------------
@pytest.mark.parametrize("text", [
    "It still feels a bit tingly and numb in patches there sometimes, is that a problem?",
    "my skin is numb in patches since the shingles",
    "the skin there is still numb and tingly after the shingles",
])
def test_numb_in_patches_is_reduced_sensation(text):
    assert "reduced_sensation" in rules_of(text), recognise(text)
    assert "photosensitivity" not in rules_of(text)
    assert decision(text) is Decision.REFERRAL


def test_numb_with_grief_is_no_reduced_sensation():
    assert "reduced_sensation" not in rules_of("I felt numb when I heard she died")


# --- d47-29: sunburn got fast "with this tablet" is a light-sensitising medicine ----------------------------
@pytest.mark.parametrize("text", [
    "Means skin burning easily in light? Yes, with this tablet I get sunburn very fast.",
    "with these pills I get sunburnt so quickly",
    "since starting these tablets I burn really easily",
])
def test_sunburn_fast_with_a_tablet_is_a_photosensitising_medicine(text):
    assert "photosensitising_medication" in rules_of(text), recognise(text)
    assert "sunburn" not in {m.condition for m in recognise(text).mentions}


def test_sunburn_fast_is_light_sensitivity():
    assert rules_of("I get sunburn very fast") == {"photosensitivity"}


@pytest.mark.parametrize("text, condition", [
    ("I have sunburn on my back from the beach", "sunburn"),
    ("with my tablets I get a headache fast", None),
])
def test_a_sunburn_now_or_another_effect(text, condition):
    conditions = {m.condition for m in recognise(text).affirmed()}
    assert (condition in conditions) if condition else not conditions, recognise(text)


# --- d47-36: mastitis is its own condition (a breast infection), not a wound or surgery ---------------------
def test_mastitis_is_its_own_condition():
    text = ("I'm breastfeeding and think I'm getting mastitis - one side is red, hot and sore and I've gone "
            "all shivery. Can I put the red light on it?")
    recognition = recognise(text)
    conditions = {m.condition for m in recognition.affirmed()}
    assert "mastitis" in conditions and "breastfeeding" in conditions, recognition
    assert not conditions & {"wound", "recent surgery", "open wound"}, recognition
    assert "open_wound" not in rules_of(text)
    assert decision(text) is Decision.REFERRAL


def test_no_wound_its_my_breast():
    text = "there's no wound, it's my breast. Do I need to see someone today or can it wait till Monday?"
    check_rule(text, None)


# --- d47-14, d47-26: a condition one would not know, or asks about, in the safety check ---------------------
@pytest.mark.parametrize("text", [
    "wouldn't know porphyria if it bit me, but no, the sun doesn't bother me",
    "wouldn't know lupus if it hit me in the face",
])
def test_a_condition_one_would_not_know_is_no_disclosure(text):
    check_rule(text, None)


@pytest.mark.parametrize("text", [
    "this porphyria is what ah? first time I hear",
    "porphyria is what?",
    "porphyria what is that?",
])
def test_the_word_asked_about_after_it_is_general(text):
    assert all(m.experiencer is Experiencer.GENERAL for m in recognise(text).mentions), recognise(text)
    assert decision(text) is not Decision.REFERRAL


@pytest.mark.parametrize("text", [
    "I have porphyria, is the pad ok",
    "my mum has porphyria is what the doctor said",
])
def test_a_porphyria_told_still_counts(text):
    check_rule(text, "photosensitivity")


@pytest.mark.parametrize("text", [
    "just a couple of pimples on my forehead, nothing angry or weeping",
    "the spot on my chin is not red or weeping",
    "my knee is fine, no weeping",
])
def test_weeping_denied_is_no_open_wound(text):
    assert "open_wound" not in rules_of(text), recognise(text)


@pytest.mark.parametrize("text", [
    "my knee graze is weeping",
    "the cut on my leg is not healing and it's weeping",
    "no pus but the cut on my hand is weeping",
])
def test_a_weeping_wound_still_counts(text):
    check_rule(text, "open_wound")


# --- answers in the check: d47-14, d47-26, d47-65 (through the form, as actions/forms.py reads them) --------
@pytest.mark.parametrize("text, requested, value", [
    ("just a couple of pimples on my forehead, nothing angry or weeping", "screen_skin_infection_or_eczema",
     "no"),
    ("only a few spots on my chin", "screen_skin_infection_or_eczema", "no"),
    ("wouldn't know porphyria if it bit me, but no, the sun doesn't bother me", "screen_photosensitivity",
     "no"),
    ("eh I never say yes! I asking what it means. she don't have that", "screen_photosensitivity", "no"),
    ("it's winter now and they're a bit itchy but not weeping or red. so I don't know really",
     "screen_skin_infection_or_eczema", "unknown"),
    ("put I don't know for that one", "screen_skin_infection_or_eczema", "unknown"),
    ("just put no for that one", "screen_pregnancy", "no"),
    ("Means skin burning easily in light? Yes, with this tablet I get sunburn very fast.",
     "screen_photosensitivity", "yes"),
])
def test_answers_in_the_check(text, requested, value):
    from tests.test_actions import form_slots

    assert form_slots(text, requested).get(requested) == value


@pytest.mark.parametrize("text, requested", [
    ("this porphyria is what ah? first time I hear", "screen_photosensitivity"),
])
def test_a_question_about_the_question_records_nothing(text, requested):
    from tests.test_actions import form_slots

    # nothing recorded: the slot is absent, or set to None so that the question is asked again (explained)
    assert form_slots(text, requested).get(requested) is None


def test_pimples_record_no_open_wound():
    from tests.test_actions import form_slots

    slots = form_slots("just a couple of pimples on my forehead, nothing angry or weeping",
                       "screen_skin_infection_or_eczema")
    assert "open wound" not in (slots.get("screening_mentioned") or [])


@pytest.mark.parametrize("text, answer", [
    ("put I don't know for that one", Answer.UNKNOWN),
    ("mark it as yes", Answer.YES),
    ("so I don't know really", None),  # (not at the start: the ending rule below reads it)
    ("a bit itchy. so I don't know really", Answer.UNKNOWN),
    ("she don't have that", Answer.NO),
    ("you mean the sun thing? no", Answer.NO),
])
def test_parse_answer_forms(text, answer):
    if answer is None:
        assert parse_answer(text) in (None, Answer.UNKNOWN)
    else:
        assert parse_answer(text) is answer


@pytest.mark.parametrize("text, requested, value", [
    ("I have eczema on my hands and it's weeping", "screen_skin_infection_or_eczema", "yes"),
    ("yes, I have a small cut on my hand that hasn't healed", "screen_open_wound", "yes"),
    ("I wish I knew, but no idea", "screen_photosensitivity", "unknown"),
    ("I have lupus, but no other problems", "screen_photosensitivity", "yes"),
])
def test_real_answers_in_the_check_still_count(text, requested, value):
    from tests.test_actions import form_slots

    assert form_slots(text, requested).get(requested) == value
