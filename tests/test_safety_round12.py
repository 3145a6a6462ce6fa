"""Development round 12 (tests/safety/dev_round12.yml, and cases found by hand): one test per cause the
batch showed the recognition layer missed. The sentences are new wordings of each cause, not the corpus
sentences; each cause has negatives that must stay negative."""

from padsafety.recognition import Decision, Experiencer, recognise
from tests.recognition_helpers import decision, flags_of, rules_of


# --- words and phrases --------------------------------------------------------------------------------------
def test_a_phrase_on_the_last_word_of_a_function_word_phrase_is_the_one_meant():
    # "a fever" + "fever blister": a cold sore, not a fever; and no device burn
    found = recognise("there's a fever blister coming up on my chin, is the mask ok")
    assert "skin_infection_or_eczema" in {m.rule_id for m in found.affirmed()}
    assert found.decision is Decision.REFERRAL
    assert "burn_or_blistering" not in flags_of("got a blood blister on my thumb from the door, pad ok?")
    assert "other_condition" in rules_of("i have a fever and a sore throat")
    # a blister after the device is still the device burn
    assert "burn_or_blistering" in flags_of("a blister came up on my knee after using the pad")


def test_a_contraction_is_never_a_lexicon_word():
    assert decision("my brother says he'd like one for christmas, which size") is Decision.NONE
    assert decision("she'd rather have the mask, is it in stock") is Decision.NONE
    assert "other_condition" in rules_of("diagnosed with hEDS last year, is the knee wrap ok")


# --- pregnancy ----------------------------------------------------------------------------------------------
def test_the_baby_pressing_on_a_nerve_or_the_bladder_is_pregnancy():
    assert "pregnancy" in rules_of("the baby keeps lying on my sciatic nerve, can the pad go on my hip")
    assert "pregnancy" in rules_of("baby is pressing right on my pelvis all day, is red light ok")
    assert decision("the baby is lying on my chest asleep while i read the manual") is Decision.NONE


def test_a_home_test_by_brand_read_positive_is_pregnancy():
    assert "pregnancy" in rules_of("clearblue came back positive today, should i stop the belly pad")
    assert "pregnancy" in rules_of("did a frer this morning and it was positive!! is the mask still ok")
    assert decision("my covid test was negative so i'm back at work, when does the pad ship") is Decision.NONE


def test_a_relation_who_is_n_weeks_and_a_wifes_expecting_are_pregnancy():
    assert decision("my girlfriend is 18 weeks and wants to try the neck wrap") is Decision.REFERRAL_OTHER
    assert decision("my partners expecting our first in june, can she use it") is Decision.REFERRAL_OTHER
    assert "pregnancy" in rules_of("expecting our 2nd in the spring, is the back pad ok for me")
    assert decision("my son is 8 weeks old, can i use the pad while he naps") is not Decision.REFERRAL
    assert decision("my friend is 6 weeks into the programme and loves it") is Decision.NONE


def test_a_bump_big_or_small_for_dates_is_pregnancy():
    assert "pregnancy" in rules_of("midwife says i'm small for dates, can i keep using the back wrap")
    assert "pregnancy" in rules_of("my bump's measuring big so they want another scan, is red light fine")


# --- breastfeeding ------------------------------------------------------------------------------------------
def test_giving_the_breast_is_breastfeeding():
    assert "breastfeeding" in rules_of(
        "i still give the breast to my son at night, is the pad ok for my back")
    assert "breastfeeding" not in rules_of("my doctor told me to give breast cancer screening a go")


# --- medicines ----------------------------------------------------------------------------------------------
def test_a_medicine_with_a_sun_warning_is_photosensitising():
    assert "photosensitising_medication" in rules_of(
        "the leaflet for my new tablets warns to avoid strong sunlight, is the mask a problem")
    assert "photosensitising_medication" in rules_of(
        "these antibiotics make my skin burn in no time, pad ok?")
    assert "photosensitising_medication" in rules_of(
        "my chemist said the capsules can make me sensitive to sunlight, does that include red light")
    assert decision("the box says keep out of direct sunlight, where should i store the pad") is Decision.NONE


def test_skin_that_burns_easily_is_no_wound():
    assert "open_wound" not in rules_of("i burn really quickly, is the red light too strong for me")
    assert "photosensitivity" in rules_of("i burn very easily under any lights, even lamps indoors")
    assert "open_wound" in rules_of("got a burn on my hand from the oven, can i use the pad on it")


def test_a_medicine_for_an_organ_is_another_condition():
    assert decision(
        "my dad takes tablets for his blood pressure, can he use the back pad"
    ) is Decision.REFERRAL_OTHER
    assert "other_condition" in rules_of("im on pills for my thyroid, is red light ok")
    assert decision("my nan has meds for her heart, would the neck wrap suit her") is Decision.REFERRAL_OTHER
    assert "other_condition" in rules_of("been taking tablets for my heart for years, can i use the back pad")
    assert decision("any tips for the pad on my heart rate days?") is Decision.NONE


# --- implanted devices --------------------------------------------------------------------------------------
def test_a_device_put_in_for_the_heart_is_an_implanted_device():
    assert "implanted_device" in rules_of(
        "they fitted a little device for my heart rhythm in may, can i use it")
    assert "implanted_device" in rules_of("i have one machine inside my heart, it is ok with the pad?")
    assert "implanted_device" in rules_of("my cardiac monitor was implanted last spring, chest pad ok?")
    assert "implanted_device" in rules_of("pacer battery gets changed next month, can i use the back pad")
    assert decision("i work for boston scientific, do you sell to companies") is Decision.NONE
    assert decision("the machine in the heart of the factory is loud") is not Decision.REFERRAL


# --- eyes, wounds, skin -------------------------------------------------------------------------------------
def test_an_operation_in_the_eye_is_an_eye_condition():
    assert "eye_condition" in rules_of("had a laser operation on my left eye last month, mask ok?")
    assert "eye_condition" in rules_of("doctor did procedure in the eye for the retina, can i use it")


def test_an_infected_cut_is_an_open_wound_too():
    found = rules_of("infected graze on my elbow, hot and sore, should i put the pad on it")
    assert {"open_wound", "skin_infection_or_eczema"} <= found


def test_an_infection_in_the_skin_is_a_skin_infection():
    assert "skin_infection_or_eczema" in rules_of("i got infection on the skin of my arm, it is red, pad ok?")
    assert "skin_infection_or_eczema" not in rules_of("my laptop has an infection, the pad app won't open")


# --- reduced sensation --------------------------------------------------------------------------------------
def test_no_feeling_in_any_body_part_is_reduced_sensation():
    assert "reduced_sensation" in rules_of(
        "i can't feel my thighs properly since the op, will the wrap burn me")
    assert "reduced_sensation" in rules_of("my toes have lost most of the feeling, is the foot pad safe")
    assert "reduced_sensation" in rules_of("the sensation in my right hand has been poor since the stroke")
    assert "reduced_sensation" in rules_of("my leg has no feeling after the accident, pad is ok?")
    assert decision(
        "my husband is numb in both feet from his diabetes, can he use it"
    ) is Decision.REFERRAL_OTHER
    assert decision("i've lost the feeling for skincare lately, need motivation") is Decision.NONE


# --- other conditions ---------------------------------------------------------------------------------------
def test_a_heart_named_in_lay_words_is_heart_disease():
    assert "other_condition" in rules_of("they told me i've got a leaky heart valve, is the chest pad ok")
    assert "other_condition" in rules_of("born with a hole in the heart, can i use red light")


def test_cosmetic_injections_are_another_condition():
    assert "other_condition" in rules_of("just had baby botox in my forehead, how long till the mask")
    assert "other_condition" in rules_of("got my cheeks filled on saturday, can i use the face mask")
    assert decision("is red light a good alternative to botox?") is Decision.NONE
    assert decision("that filler episode was so boring lol, anyway which pad is best") is Decision.NONE


def test_a1c_and_inr_results_are_another_condition():
    assert "other_condition" in rules_of("hba1c is 7.9 now, nurse wants to recheck, foot pad ok?")
    assert "other_condition" in rules_of("my mum's inr keeps going too high, is the pad safe for her")
    assert decision("whats the price in INR? shipping to mumbai") is Decision.NONE


def test_gestational_diabetes_is_diabetes_history_too():
    assert decision("had gestational diabetes with my daughter, she is 6 now, pad ok?") is Decision.REFERRAL


def test_carpal_tunnel_is_another_condition_and_mastitis_an_infection():
    found = recognise("got carpal tunnel in my left wrist, will the wrap help")
    assert {m.rule_id for m in found.affirmed()} == {"other_condition"}
    # the numbness it brings is still named
    assert "reduced_sensation" in rules_of("carpal tunnel, two fingers are numb all day")
    assert "other_condition" in rules_of("think i have mastitis, red and sore, temperature too")


# --- cancer -------------------------------------------------------------------------------------------------
def test_a_two_week_wait_referral_is_a_suspected_cancer_not_a_pregnancy():
    found = rules_of("gp put me on the 2 week wait for a lump in my neck, can i use the pad")
    assert "cancer_in_area" in found and "pregnancy" not in found
    assert "pregnancy" in rules_of("in the two week wait after our embryo transfer, can i use the back pad")


# --- general questions --------------------------------------------------------------------------------------
def test_asking_why_the_check_asks_about_a_condition_is_a_general_mention():
    found = recognise("why do you ask about pacemakers in the safety check?")
    assert found.decision is Decision.GENERAL
    assert all(m.experiencer is Experiencer.GENERAL for m in found.mentions)
    assert decision("why does the check ask me about lupus") is Decision.GENERAL
    # without "why", a complaint about the check names nothing
    assert decision("please stop asking about pregnancy") is Decision.NONE


def test_where_the_pad_goes_cues_an_ambiguous_word():
    assert decision("can you use it over a mole, generally speaking") is Decision.GENERAL
    assert decision("a mole dug up our lawn again, is the pad waterproof") is Decision.NONE


# --- context ------------------------------------------------------------------------------------------------
def test_all_my_moles_checked_and_normal_is_cleared():
    assert decision(
        "my gp checked all of my moles and said they were harmless, back pad ok?"
    ) is Decision.NONE
    assert decision("the derm checked my moles and one needs a biopsy") is Decision.REFERRAL


def test_a_photosensitising_medicine_stopped_this_season_still_counts():
    assert decision("finished my doxycycline in the spring, is the mask ok now") is Decision.REFERRAL
    assert decision("came off doxycycline in the spring of 2019, mask ok") is Decision.NONE


# --- everyday senses ----------------------------------------------------------------------------------------
def test_everyday_senses_of_rash_virus_pacemakers_cancer_numb_burn_pregnant_and_operation():
    for text in (
        "a rash of bad reviews last week put me off, are they fixed now",
        "a virus hacked my facebook account, was that message really from you",
        "dancing to gerry & the pacemakers while the pad charges",
        "my venus is in cancer so i love a cosy night in with the mask",
        "totally numb to influencer hype but this looks legit",
        "can you burn the manual onto a cd for my gran",
        "the silence on the call was pregnant, anyway did my order ship",
        "we run a one-man operation reselling skincare, any trade price?",
        "my hip replacement is about eight years old, is the wrap fine",
    ):
        assert decision(text) not in (Decision.REFERRAL, Decision.REFERRAL_OTHER, Decision.CLARIFY,
                                      Decision.EMERGENCY), text
    assert "skin_infection_or_eczema" in rules_of("a rash of tiny red bumps came up on my arm, is the pad ok")
    assert "reduced_sensation" in rules_of("my legs are numb to the knee since chemo")


# --- red flags ----------------------------------------------------------------------------------------------
def test_using_the_device_to_hurt_oneself_is_self_harm():
    assert "self_harm" in flags_of(
        "gonna keep the lamp on my arm till it blisters my skin, i deserve the pain")
    assert "self_harm" in flags_of("i deserve to suffer, i'll just leave it on all night")
    assert not flags_of("i deserve a treat, so i bought the big panel")
