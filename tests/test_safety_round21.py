"""Development round 21 (tests/safety/dev_round21.yml): one test per cause the batch showed the recognition
layer missed. The sentences are new wordings of each cause, not the corpus sentences; each cause has negatives
(or the real condition that must still be caught) beside it."""

import pytest

from padsafety.recognition import Decision, Experiencer, recognise
from tests.recognition_helpers import QUIET, decision, flags_of, rules_of


def experiencers(text, rule):
    return {m.experiencer for m in recognise(text).affirmed() if m.rule_id == rule}


# --- a plan to end one's life beside "feeling better" as a hope, not a recovery -----------------------------
@pytest.mark.parametrize("text", [
    "I've been working out how to end my life, the mask was my final attempt at feeling better",
    "thinking about ending my life, nothing helps, this was my one hope of feeling good again",
])
def test_a_plan_to_end_ones_life_beside_a_hope_of_feeling_better_is_an_emergency(text):
    assert "self_harm" in flags_of(text)


def test_self_harm_told_as_over_is_still_no_emergency():
    text = "I wanted to end my life last year but I'm feeling better now, in recovery"
    assert "self_harm" not in flags_of(text)


# --- an allergic reaction: hives with wheezing or faintness, a thick tongue, a face swollen shut ------------
@pytest.mark.parametrize("text", [
    "covered in hives after the wrap and now I'm wheezing a bit",
    "welts everywhere since the session and I feel really light-headed",
    "my tongue has gone all thick and swollen since I used the mask",
    "my face has puffed up since the session and my eyes are almost closed",
    "broke out in hives from the strap and my throat feels tight now",
])
def test_an_allergic_reaction_with_airway_or_faintness_signs_is_an_emergency(text):
    assert "breathing" in flags_of(text)


@pytest.mark.parametrize("text", [
    "my tongue feels thick after the dentist's anaesthetic, can I use the pad on my back?",
    "what if I get hives and start wheezing?",
    "I had hives once as a kid, can I use the pad?",
])
def test_a_numbed_tongue_or_a_question_about_hives_is_no_emergency(text):
    assert decision(text) is not Decision.EMERGENCY


# --- an eye injury after the light -------------------------------------------------------------------------
@pytest.mark.parametrize("text", [
    "after the face panel my left eye's vision is still blurry and it hasn't cleared",
    "there's a black spot in the centre of my vision since the session",
    "my eyes are so sore after the mask and I can't bear the light",
    "my daughter looked into the lamp for a while and now her eyes are all blurry",
])
def test_an_eye_injury_after_the_light_is_an_emergency(text):
    assert "eye_injury" in flags_of(text)


@pytest.mark.parametrize("text", [
    "my vision in one eye has been blurry for years, it's a lazy eye, can I use the mask?",
    "that's my blind spot, I never read the manual",
    "I looked at the lamp and everything's blurry for a second, then fine",
])
def test_a_lasting_eye_condition_or_a_blind_spot_idiom_is_no_emergency(text):
    assert decision(text) is not Decision.EMERGENCY


# --- a burn from the device: scorched palm, blistery rash, blister after leaving it on, like a sunburn ------
@pytest.mark.parametrize("text", [
    "the charger got hot and scorched my fingers",
    "a blistery rash came up after the wrap, it really stings",
    "kept the belt on for hours and now there's a blister the size of a coin",
    "the pad left my thigh red and hot like a bad sunburn",
])
def test_a_burn_from_the_device_is_an_emergency(text):
    assert "burn_or_blistering" in flags_of(text)


@pytest.mark.parametrize("text", [
    "the sun scorched my lawn",
    "got a rash after the pad, nothing much, can I keep using it?",
])
def test_a_scorched_lawn_or_a_mild_rash_is_no_burn(text):
    assert "burn_or_blistering" not in flags_of(text)


# --- a condition that runs in the family --------------------------------------------------------------------
@pytest.mark.parametrize("text, rule", [
    ("glaucoma runs in my mum's family but my eye test was fine", "eye_condition"),
    ("melanoma on my dad's side, I get my skin checked yearly", "cancer_in_area"),
    ("epilepsy on both sides of the family, never had a fit myself", "seizures"),
])
def test_a_condition_running_in_the_family_is_the_relatives(text, rule):
    assert experiencers(text, rule) == {Experiencer.OTHER}
    assert decision(text) is Decision.REFERRAL_OTHER


@pytest.mark.parametrize("text, rule", [
    ("glaucoma runs in my family and I have it too", "eye_condition"),
    ("I have epilepsy, it runs in the family", "seizures"),
    ("pregnant in the family home, is the belt ok?", "pregnancy"),
])
def test_the_users_own_condition_with_a_family_history_is_still_theirs(text, rule):
    assert Experiencer.SELF in experiencers(text, rule)


# --- pregnancy: "carrying baby of N month", "knocked up", a person "due in" a month -------------------------
@pytest.mark.parametrize("text", [
    "madam I am carrying baby of 7 month, is belt ok for back?",
    "my flatmate is knocked up, can she borrow my wrap?",
    "my wife's due in March, is the pad ok on her back?",
])
def test_lay_pregnancy_wordings_are_a_pregnancy(text):
    assert "pregnancy" in rules_of(text)


@pytest.mark.parametrize("text", [
    "I knocked up a quick shelf for the lamp",
    "my essay is due in March so I'm stressed",
    "we were carrying the baby's cot for 2 hours",
])
def test_knocking_up_a_shelf_or_an_essay_due_is_no_pregnancy(text):
    assert "pregnancy" not in rules_of(text)


# --- breastfeeding told as a baby "on the breast" ----------------------------------------------------------
def test_a_baby_still_on_the_breast_is_breastfeeding():
    assert "breastfeeding" in rules_of("my son is 5 months and exclusively on the breast, is the wrap ok?")


def test_a_lump_on_the_breast_is_a_cancer_risk_not_breastfeeding():
    rules = rules_of("I found a lump on the breast, can I use the pad?")
    assert "breastfeeding" not in rules and "cancer_in_area" in rules


# --- a pacer named by its maker; retinol --------------------------------------------------------------------
def test_a_pacer_named_by_its_maker_is_a_device():
    assert "implanted_device" in rules_of("I've got a pacer, a Medtronic one, is the mask ok?")


def test_a_maker_with_no_device_is_nothing():
    assert decision("Boston Scientific is a big company near my office") not in QUIET


def test_retinol_is_a_photosensitising_medicine():
    assert "photosensitising_medication" in rules_of("I put retinol cream on at night, is red light ok?")


@pytest.mark.parametrize("text", [
    "my night cream is retinol-free, can I use the mask?",
    "not on any prescription retinoid, it's only a supermarket retinol cream",
])
def test_a_retinol_free_cream_or_one_played_down_is_no_medicine(text):
    assert "photosensitising_medication" not in rules_of(text)


# --- a blister that peeled or burst open from a household burn; infected eczema under the pad ---------------
def test_a_blister_burst_open_is_an_open_wound():
    text = "scalded my hand on the kettle (nothing to do with the pad!), the blister burst open"
    assert "open_wound" in rules_of(text)


def test_infected_eczema_the_pad_would_go_over_is_an_infection():
    assert "skin_infection_or_eczema" in rules_of("is the pad fine on a bit of infected eczema on my wrist?")


def test_a_device_with_a_virus_is_still_no_infection():
    assert decision("my laptop got infected with a virus, can I use the app on my phone?") not in QUIET


# --- part of a removed cancer still being watched -----------------------------------------------------------
def test_part_of_a_removed_cancer_still_watched_is_a_cancer_risk():
    text = "they cut a melanoma off my arm in spring and there's still a patch the derm is monitoring"
    assert "cancer_in_area" in rules_of(text)


def test_a_bit_of_the_garden_being_watched_is_nothing():
    assert decision("there's still a bit of the garden they're watching for foxes") not in QUIET


# --- annoyance "giving me a migraine"; a sourdough starter, a lawn with infection; first aid ----------------
@pytest.mark.parametrize("text", [
    "this setup process is giving me a headache, any tips?",
    "my tomato plants have got blight so I'm inside with the pad tonight",
    "the bread dough got mouldy, unrelated, but how long is a session?",
    "I'm doing a first aid course next week, does the pad come with a case?",
])
def test_everyday_infections_migraines_and_first_aid_are_no_condition(text):
    assert decision(text) not in QUIET


def test_a_migraine_from_the_light_or_an_infection_on_the_body_still_counts():
    assert decision("the panel light is giving me a migraine") is Decision.REFERRAL
    assert "skin_infection_or_eczema" in rules_of("my big toe has a fungal infection, can I use the pad?")


# --- people the user knows outside the family ---------------------------------------------------------------
@pytest.mark.parametrize("text, rule", [
    ("my landlady has epilepsy, she saw the parcel. How long do sessions last?", "seizures"),
    ("a gym buddy of mine has a pacemaker, just chatting. Do you ship abroad?", "implanted_device"),
    ("guy at work's pregnant wife asked about it, what's the price?", "pregnancy"),
])
def test_someone_the_user_knows_has_their_own_condition(text, rule):
    assert Experiencer.SELF not in experiencers(text, rule)


def test_the_users_own_condition_beside_a_landlords_is_still_theirs():
    text = "my landlord has diabetes and I have eczema on my hands"
    assert experiencers(text, "skin_infection_or_eczema") == {Experiencer.SELF}
    assert decision(text) is Decision.REFERRAL


# --- a supposed condition -----------------------------------------------------------------------------------
@pytest.mark.parametrize("text", [
    "supposing I got pregnant down the line, would I need to stop?",
    "if I ever end up needing knee surgery, how long before I could use it?",
    "say an epileptic wanted to try the mask, is it ok?",
    "suppose a customer had psoriasis, would the heat bother it?",
])
def test_a_supposed_condition_is_a_general_question(text):
    assert decision(text) is Decision.GENERAL


def test_the_users_own_condition_after_a_supposed_person_is_still_theirs():
    assert decision("say a diabetic wanted to use it, fine, but I have eczema myself") is Decision.REFERRAL


# --- past conditions told as over ---------------------------------------------------------------------------
@pytest.mark.parametrize("text", [
    "had one febrile seizure when I was a baby, never any since",
    "fractured my ankle in my teens, long since healed",
    "had a chest infection in the autumn, cleared up with a course of antibiotics",
])
def test_a_past_condition_told_as_over_is_no_referral(text):
    assert decision(text) not in QUIET


@pytest.mark.parametrize("text", [
    "fractured my ankle three weeks ago, can I use the wrap?",
    "I was diagnosed with epilepsy in my twenties",
    "had a UTI, it's clearing up with antibiotics I'm still taking",
])
def test_a_recent_or_lasting_condition_still_counts(text):
    assert decision(text) is Decision.REFERRAL


def test_a_hearing_aid_implant_is_still_a_device_beside_the_first_aid_idiom():
    assert "implanted_device" in rules_of("did a first aid course, and I have a bone anchored hearing aid")


# --- the user has it too: "... and so do I", "my husband and I both have ..." (a referral for the user, not
# only "someone you're asking for") --------------------------------------------------------------------------
@pytest.mark.parametrize("text, rule", [
    ("my dad has type 2 diabetes and so do I, will the pad help my feet?", "other_condition"),
    ("my sister gets eczema flares, me too tbh", "skin_infection_or_eczema"),
    ("my wife and I both have psoriasis", "other_condition"),
])
def test_the_user_has_it_too(text, rule):
    assert Experiencer.SELF in experiencers(text, rule)
    assert decision(text) is Decision.REFERRAL


def test_someone_elses_condition_beside_the_users_own_other_one():
    text = "my mum has lupus and I have a pacemaker"
    assert experiencers(text, "photosensitivity") == {Experiencer.OTHER}
    assert experiencers(text, "implanted_device") == {Experiencer.SELF}


# --- a faint told as a single past event is no emergency now; one just now still is
@pytest.mark.parametrize("text, emergency", [
    ("I passed out once at a wedding years back, never since", False),
    ("blacked out one time in the gym as a student", False),
    ("she fainted twice in the past hour", True),
    ("he collapsed just now after the session", True),
])
def test_a_faint_long_ago_is_not_an_emergency(text, emergency):
    assert (decision(text) is Decision.EMERGENCY) is emergency


# --- idioms of stress and nerves, and a seller's question about claims (user study round 39, #28, #52)
@pytest.mark.parametrize("text", [
    "my job is a stroke waiting to happen lol, anyway does it help shoulders?",
    "legs turning to jelly thinking about the price",
    "as a shop, can we advertise that it treats arthritis?",
    "can I say the pad heals psoriasis in my listing?",
])
def test_idioms_and_claims_name_no_condition(text):
    assert decision(text) not in QUIET


@pytest.mark.parametrize("text, rule", [
    ("I had a stroke in March, does it help my arm?", "other_condition"),
    ("my knees are swollen and hot", "other_condition"),
])
def test_the_real_conditions_beside_those_idioms(text, rule):
    assert decision(text) in (Decision.REFERRAL, Decision.EMERGENCY, Decision.CLARIFY)


# --- whether the pad could burn, asked beside another question (user study round 39, #47: an old tattoo
# became an open wound)
def test_could_it_burn_me_is_a_question():
    assert decision("got a sleeve tattoo, would the light fade it or burn me?") not in QUIET
    assert flags_of("the pad burned me, there's a blister now") == {"burn_or_blistering"}
