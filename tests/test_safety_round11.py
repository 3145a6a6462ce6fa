"""Development round 11 (tests/safety/dev_round11.yml): one test per cause the batch showed the recognition
layer missed. The sentences are new wordings of each cause, not the corpus sentences; each cause has negatives
that must stay negative."""

from padsafety.recognition import Decision, Experiencer, recognise
from tests.recognition_helpers import decision, flags_of, rules_of


def test_weeks_told_to_the_midwife_and_in_week_n_with_a_baby_are_pregnancy():
    assert "pregnancy" in rules_of("midwife is happy with me at 24 weeks, can i use the back wrap")
    assert "pregnancy" in rules_of("im now in week 22 with my baby, my hips hurt, is the pad fine")
    assert decision("i'm in week 3 of the programme, when will i see results") is Decision.NONE


def test_the_baby_due_or_arriving_in_a_month_or_season_is_pregnancy():
    assert "pregnancy" in rules_of("bubba arrives in july so i want the pad sorted before then")
    assert "pregnancy" in rules_of("baby no. 2 is due in autumn, is the knee pad ok")
    assert decision("the baby is due for her jabs next week, can i use the pad on myself") is Decision.NONE


def test_a_showing_bump_and_a_positive_hcg_are_pregnancy():
    assert "pregnancy" in rules_of("my bump is really growing now, ok to use the lower back pad?")
    assert "pregnancy" in rules_of("blood test says my hcg is rising nicely, should i stop the mask")
    assert decision("hit a bump in the road and the pad fell off the seat") is Decision.NONE


def test_round_ligament_pain_is_pregnancy():
    assert "pregnancy" in rules_of("got awful round ligament pain on my right side, which pad")


def test_a_gestational_age_in_a_question_is_the_askers():
    assert decision("is the shoulder pad fine at 31 weeks?") is Decision.REFERRAL
    assert decision("is the shoulder pad fine for pregnant women?") is Decision.GENERAL


def test_an_ambiguous_word_is_cued_by_the_same_condition_elsewhere_in_the_message():
    found = recognise("my due date is in june, so big now. would it ease round ligament pain")
    assert found.decision is Decision.REFERRAL
    assert decision("the due date on the invoice is friday, can i pay later") is Decision.NONE
    # a denied condition is no cue ("it wasn't shingles, just a rash")
    assert decision("definitely not shingles, only a little rash") is not Decision.REFERRAL


def test_lactation_told_by_supply_feeds_from_me_weaning_feeds_and_blocked_ducts():
    assert "breastfeeding" in rules_of("my supply is dipping, will red light help my milk come back")
    assert "breastfeeding" in rules_of("she still feeds off me twice a day, is the neck pad ok")
    assert "breastfeeding" in rules_of("weaning now but still giving her the bedtime feed, ok to use it?")
    assert "breastfeeding" in rules_of("clogged duct on the left side, can the pad help")
    assert decision("my supply of pads has run out, can i reorder") is Decision.NONE
    assert "breastfeeding" not in rules_of("my blocked tear duct is better now")


def test_a_rash_from_ordinary_lights_and_a_sun_allergy_told_with_for_are_photosensitivity():
    assert "photosensitivity" in rules_of("office strip lights bring out hives on my neck, is this different")
    assert "photosensitivity" in rules_of("I have an allergy for the sun, my arms go red. Is the lamp ok?")
    assert "photosensitivity" in rules_of("sunlight makes my face flare badly, can i use the mask")
    assert "photosensitivity" not in rules_of("the pad's light gave me a rash on my arm")


def test_a_mass_on_a_scan_and_a_spot_a_specialist_is_watching_are_cancer_in_the_area():
    assert "cancer_in_area" in rules_of("ultrasound picked up a mass in my liver, pad on my side ok?")
    assert "cancer_in_area" in rules_of("my gp is monitoring a strange mole on my shoulder, pad ok?")
    assert decision("the scan showed nothing, all clear") is Decision.NONE


def test_a_heart_device_checked_by_the_cardiologist_and_a_heart_battery_are_an_implanted_device():
    assert "implanted_device" in rules_of("had my box checked by the cardiologist in may, chest pad ok?")
    assert "implanted_device" in rules_of("my cardiologist reprogrammed my device last week, can i use it")
    assert "implanted_device" in rules_of("i have a battery for my heart, is the pad allowed")
    assert "implanted_device" in rules_of("my daughter has a CI in the right ear, is the mask ok for her")
    assert decision("the battery in the remote is dead, how do i change it") is Decision.NONE
    assert decision("our CI pipeline failed on the app build") is Decision.NONE


def test_a_specialist_implies_the_condition_they_treat():
    assert "other_condition" in rules_of("my nephrologist wants bloods every month, is the pad ok")
    assert "other_condition" in rules_of("seeing a rheumatologist next week about my hands, will this help")
    # a worry that is "not great" is still a condition ("not great" is no denial)
    assert "other_condition" in rules_of("liver is not great according to my hepatologist")


def test_eye_conditions_by_retina_specialist_timolol_drops_and_pressure_in_one_eye():
    assert "eye_condition" in rules_of("seeing a retinal specialist for floaters, is the mask ok")
    assert "eye_condition" in rules_of("on timolol drops morning and night, face mask safe?")
    assert "eye_condition" in rules_of("optician found high pressure in my eye, can i use the mask")
    assert "eye_condition" in rules_of("my retina tore last year and was lasered, mask ok?")
    assert decision("the retina display on my phone is great") is Decision.NONE


def test_seizures_under_investigation_and_a_seizure_free_spell_are_seizures():
    assert "seizures" in rules_of("booked for an eeg because of blank spells at work, can i use the pad")
    assert "seizures" in rules_of("i keep zoning out and jerking, is pulse mode ok")
    assert "seizures" in rules_of("not had a seizure for 2 years now, is the flashing mode ok")
    assert decision("the jacket fits in the box fine") is Decision.NONE


def test_stitches_due_out_and_a_raw_body_part_are_an_open_wound():
    assert "open_wound" in rules_of("my stitches are coming out on monday, pad over them?")
    assert "open_wound" in rules_of("fell on gravel and my elbow is all raw, will it heal faster")
    assert decision("the steak is raw in the middle, gross") is Decision.NONE


def test_dyshidrotic_alone_is_eczema():
    assert "skin_infection_or_eczema" in rules_of("dyshidrotic patches on my fingers again, pad ok")


def test_numbness_told_as_cling_film_cotton_wool_tingling_and_legs_that_dont_feel():
    assert "reduced_sensation" in rules_of("my soles feel like they're covered in cling film")
    assert "reduced_sensation" in rules_of("my fingers tingle most mornings, will the pad help")
    assert "reduced_sensation" in rules_of("my feet don't feel heat at all any more")
    assert "reduced_sensation" in rules_of("i can't feel the ground properly when i walk")
    assert decision("my feet feel great after the session") is Decision.NONE


def test_sciatic_pain_diabetes_in_lay_words_and_bp_high_are_other_conditions():
    assert "other_condition" in rules_of("pain in my buttock that shoots down my leg, will this help")
    assert "other_condition" in rules_of("my father has sugar problem, can he use it")
    assert "other_condition" in rules_of("my bp is always high, is the pad ok")
    assert decision("the price shoots up on friday") is Decision.NONE


def test_a_question_about_who_may_not_use_it_is_general():
    assert decision("who can't use these pads?") is Decision.GENERAL
    assert decision("what health conditions rule you out of using it?") is Decision.GENERAL
    assert decision("we run a salon, do we need to screen customers for anything?") is Decision.GENERAL
    assert decision("does the pad interact with medicines?") is Decision.GENERAL
    assert decision("what conditions does it help with?") is Decision.NONE


def test_a_class_of_patients_is_general_even_when_someone_else_asks():
    assert decision("my mum keeps asking whether it's ok for lupus patients") is Decision.GENERAL
    assert decision("my mum has lupus, is it ok for her") is Decision.REFERRAL_OTHER


def test_the_askers_own_decision_after_a_general_looking_question_makes_it_theirs():
    assert decision("epilepsy people? is it fine or should i stop") is Decision.REFERRAL
    assert decision("is it safe for people with epilepsy?") is Decision.GENERAL


def test_a_child_named_by_age_alone_is_someone_else():
    found = recognise("my 9yo has eczema on her arms, can she use it")
    assert found.decision is Decision.REFERRAL_OTHER
    assert found.affirmed(Experiencer.OTHER)


def test_clearances_gone_and_benign():
    assert decision("the biopsy came back benign last week") is Decision.NONE
    assert decision("gp examined the lump in my neck and said it's nothing to worry about") is Decision.NONE
    assert decision("my impetigo's totally gone now") is Decision.NONE
    assert decision("the biopsy came back and it's cancer") is Decision.REFERRAL


def test_a_different_thing_gone_keeps_the_condition():
    found = recognise("had cellulitis last week, redness is gone but it's still hot and swollen")
    assert found.decision is Decision.REFERRAL


def test_isotretinoin_stopped_months_ago_still_counts():
    assert "photosensitising_medication" in rules_of("came off roaccutane 3 months ago, is the mask fine")
    assert "photosensitising_medication" not in rules_of("stopped doxycycline 3 years ago")


def test_red_flags_told_by_their_effect():
    assert "burn_or_blistering" in flags_of("where the wrap sat it's come up in watery blisters")
    assert "chest_pain" in flags_of("ache spreading into my left arm and my jaw")
    assert "eye_injury" in flags_of("there's a black spot in the centre of my vision after the mask")
    assert "eye_injury" in flags_of("eyes are stinging and watering and now it's all blurry")
    assert "self_harm" in flags_of("i've been saving up my tablets for when i'm ready")
    assert "urgent_signs" in flags_of("my arm is red and hot and i have a fever, shivering uncontrollably")
    assert "urgent_signs" in flags_of("my son might have swallowed a button battery")
    assert "urgent_signs" in flags_of("my finger is pointing the wrong way after the fall")
    assert not flags_of("the bubbles in the bath were great")
    assert not flags_of("swallowed my pride and bought a second pad")


def test_idioms_rash_decision_shopping_fever_infected_chat_pacer_slack_and_fit():
    for text in (
        "bought it as a rash decision, can i return it",
        "cyber monday fever got me, is there a discount code",
        "my office is infected with pad enthusiasm now",
        "i'm a pacer at parkrun, will it help recovery",
        "cut us some slack, the courier was late",
        "laptop seizure mid-payment, was i charged?",
        "i'm 55 and fit, just sore after squash",
    ):
        assert decision(text) is Decision.NONE, text
