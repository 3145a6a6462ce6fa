"""Development round 10 (tests/safety/dev_round10.yml): one test per cause the batch showed the recognition
layer missed. The sentences are new wordings of each cause, not the corpus sentences; each cause has negatives
that must stay negative."""

from padsafety.recognition import Decision, Experiencer, recognise
from tests.recognition_helpers import decision, flags_of, rules_of


def test_a_positive_home_test_told_as_two_lines_is_pregnancy():
    assert "pregnancy" in rules_of("got two pink lines last night, is the belt still ok for me")
    assert decision("the app shows two lines on the graph, is that the battery") is Decision.NONE


def test_finding_out_one_is_expecting_is_pregnancy():
    assert "pregnancy" in rules_of("just found out im expecting, should i stop the face mask")
    assert decision("i'm expecting a parcel, can you check the tracking") is Decision.NONE


def test_the_baby_measured_at_a_scan_and_scans_by_week_are_pregnancy():
    assert "pregnancy" in rules_of("sonographer said baby's measuring small, is the neck wrap fine")
    assert "pregnancy" in rules_of("had my 20w scan today, all good, can i use the knee pad")
    assert "pregnancy" in rules_of("week 20 scan went fine, is the back pad ok")


def test_weeks_written_with_w_are_pregnancy():
    assert "pregnancy" in rules_of("9w along and my back aches, which pad")


def test_growing_a_human_is_pregnancy():
    assert "pregnancy" in rules_of("currently growing a tiny human, can i still use the shoulder wrap")
    assert decision("growing a little herb garden, does red light help plants") is Decision.NONE


def test_weeks_told_after_a_sign_of_pregnancy_are_pregnancy_and_the_mention_is_the_weeks():
    found = recognise("my bump is itchy. 28 weeks and counting, can i use the pad on my legs")
    assert "pregnancy" in {m.rule_id for m in found.affirmed(Experiencer.SELF)}
    assert decision("used it on my stretch marks. 6 weeks of use and no change") is Decision.NONE


def test_expecting_with_a_due_month_is_pregnancy_even_misspelt():
    assert "pregnancy" in rules_of("we're expectng in feb, fine for my sciatica?")
    assert "pregnancy" in rules_of("expecting in october, can i use it on my back")


def test_someone_expecting_her_first_child_is_pregnant():
    found = recognise("my niece is expecting her second, is the belt a safe present")
    assert found.decision is Decision.REFERRAL_OTHER
    assert decision("i'm expecting her call tomorrow about the order") is Decision.NONE


def test_combination_feeding_and_feeding_the_baby_oneself_are_breastfeeding():
    assert "breastfeeding" in rules_of("mixed feeding my 2 month old, ok to use on my back?")
    assert "breastfeeding" in rules_of("i feed my daughter myself, is the shoulder pad fine")
    assert "breastfeeding" in rules_of("my baby still nurses twice a night, will it affect my breast milk")


def test_light_sensitivity_in_learners_english_is_photosensitivity():
    assert "photosensitivity" in rules_of("i have sensibility to the sun on my skin, can i use it")


def test_burning_from_indoor_light_is_photosensitivity_not_a_burn():
    found = rules_of("my skin burns really easily even under light bulbs, can i use it")
    assert found == {"photosensitivity"}


def test_fluorouracil_and_capecitabine_are_photosensitising():
    assert "photosensitising_medication" in rules_of("taking xeloda for bowel cancer, is the pad ok")
    assert "photosensitising_medication" in rules_of("using efudix cream on my nose, can i use the mask")


def test_a_question_then_the_user_on_it_for_a_time_is_the_users():
    found = recognise("is red light ok with doxycycline? been on it for 3 weeks")
    assert found.decision is Decision.REFERRAL
    assert recognise("is red light ok with doxycycline?").decision is Decision.GENERAL


def test_a_spot_being_investigated_is_a_suspected_tumour():
    assert "cancer_in_area" in rules_of("a new mole on my back is being checked soon, ok to use the wrap")
    assert "cancer_in_area" in rules_of("got a suspicious patch on my nose, ok to use the mask?")


def test_a_spot_checked_and_found_benign_is_no_tumour():
    assert decision("the lump on my wrist was scanned, benign, can i use the wrap") is Decision.NONE
    assert decision("gp examined the lump under my arm, it was only a lipoma") is Decision.NONE


def test_a_heart_device_told_by_what_it_does_is_an_implant():
    assert "implanted_device" in rules_of("there's a gadget under my skin that keeps my heart in rhythm, ok?")
    assert decision("my smartwatch keeps track of my heart rate, does the pad interfere") is Decision.NONE


def test_my_cochlear_is_a_cochlear_implant():
    assert "implanted_device" in rules_of("can i use the face mask with my cochlear")


def test_a_trigger_named_makes_fits_medical():
    assert "seizures" in rules_of("my fits get set off by strobe lights, is the mask ok")
    assert decision("the wrap fits perfectly and the timer is triggered by the button") is Decision.NONE


def test_a_cut_told_with_sliced_is_an_open_wound():
    assert "open_wound" in rules_of("sliced my thumb on a tin can this morning, will the light help")


def test_atopic_skin_is_eczema():
    assert "skin_infection_or_eczema" in rules_of("my atopic skin flares every winter, which pad")


def test_hands_dead_to_the_touch_are_reduced_sensation():
    assert "reduced_sensation" in rules_of("my feet are dead to the touch most days")
    assert "reduced_sensation" in rules_of("my fingers keep going dead, is the heat ok")
    assert "reduced_sensation" in rules_of("the nurse says i've lost protective sensation in my feet")
    assert decision("i'm dead to the world after night shifts, is the pad relaxing") is Decision.NONE


def test_endo_beside_its_pain_and_a_bakers_cyst_are_conditions():
    assert "other_condition" in rules_of("my endo flare is awful, can i use the belly pad")
    assert "other_condition" in rules_of("got a bakers cyst in my left knee, is the wrap ok")


def test_a_thing_called_a_migraine_and_wounded_pride_are_idioms():
    assert decision("this checkout is a total migraine, can i pay by card") is Decision.NONE
    assert decision("losing the race wounded his ego, not his leg") is Decision.NONE
    assert "eye_condition" in rules_of("bright light gives me migraines, is the mask ok")


def test_legs_dead_after_a_long_day_is_tiredness():
    assert decision("danced all night at the wedding, my feet are dead") is Decision.NONE
    assert "reduced_sensation" in rules_of("my feet are dead to the touch since my back surgery")


def test_breathless_beyond_a_sentence_is_a_red_flag():
    assert "breathing" in flags_of("my husband is fighting to catch his breath, he can't finish a sentence")
    assert "breathing" in flags_of("i can barely finish a sentence without stopping for air")
    assert not flags_of("give me a sec to catch my breath after the stairs lol")


def test_speech_wrong_with_a_heavy_arm_and_sudden_blur_in_one_eye_are_stroke_signs():
    assert "stroke_signs" in flags_of("my mum's words are all jumbled and her left arm is weak")
    assert "stroke_signs" in flags_of("out of nowhere it went dark in my right eye")
    assert not flags_of("my words come out wrong when i'm tired")


def test_a_seizure_right_now_is_not_a_fit_of_clothes():
    assert "collapse" in flags_of("he is having a fit right now and jerking")
    assert decision("does the wrap fit right around the knee") is Decision.NONE


def test_skin_scorched_or_peeling_off_is_a_burn():
    assert "burn_or_blistering" in flags_of("the mask got too hot and scorched my cheek")
    assert "burn_or_blistering" in flags_of("after the session my skin's coming off in strips")


def test_a_lasting_deficit_from_a_nerve_condition_is_no_stroke():
    found = recognise("my brother has multiple sclerosis and can't feel his right hand well, is the heat ok")
    assert not found.red_flags
    assert found.decision is Decision.REFERRAL_OTHER
    assert "stroke_signs" in flags_of("my dad has MS and suddenly can't feel his left arm")


def test_a_condition_long_gone_later_in_the_sentence_is_over():
    assert decision("the rash turned up on holiday but it's long gone") is Decision.NONE
    assert decision("the rash came back and it's gone red") is not Decision.NONE


def test_stitches_out_years_ago_and_healed_are_over():
    assert decision("stitches were removed 3 years ago, all healed") is Decision.NONE


def test_a_business_asking_about_its_customers_is_a_general_question():
    assert decision("i manage a gym — can clients with epilepsy use the panel?") is Decision.GENERAL


def test_someone_paid_to_help_is_someone_else():
    found = recognise("my dog walker has an open wound on her leg, could she borrow it")
    assert found.decision is Decision.REFERRAL_OTHER


def test_a_first_person_claim_after_a_reported_denial_is_affirmed():
    assert "pregnancy" in rules_of("the midwife never mentioned red light, im 20w along")
    assert decision("I never said I'm pregnant") is Decision.NONE
