"""Development round 27 (tests/safety/dev_round27.yml): one test per cause the batch showed the recognition
layer missed. Each cause has the corpus sentence, close variants a general fix must also handle, and negatives
(the same words in harmless use) beside it."""

import pytest

from padsafety.recognition import Decision, recognise
from tests.recognition_helpers import check_rule, decision, flags_of, rules_of


# --- a pregnancy in Nigerian Pidgin: "get belle", "carry belle" ---------------------------------------------
@pytest.mark.parametrize("text", [
    "Abeg I get belle now, 3 months, I fit use this red light for my waist?",
    "I don get belle again, e safe?",
    "i dey carry belle, 5 months, the wrap ok?",
    "I take belle last month, can I still use the mask",
])
def test_a_pregnancy_in_pidgin(text):
    check_rule(text, "pregnancy")
    assert decision(text) is Decision.REFERRAL, recognise(text)


@pytest.mark.parametrize("text, want", [
    ("Ma sister don get belle, 4 months, she fit use am for her back?", Decision.REFERRAL_OTHER),
    ("my wife get belle, she fit use the pad?", Decision.REFERRAL_OTHER),
    ("Woman wey get belle fit use am?", Decision.GENERAL),
    ("women wey get belle fit use this mask?", Decision.GENERAL),
])
def test_whose_pidgin_pregnancy(text, want):
    assert "pregnancy" in rules_of(text), recognise(text)
    assert decision(text) is want, recognise(text)


@pytest.mark.parametrize("text", [
    "I got Belle a new mask for her birthday",
    "my belle dey pain me small after food, the pad fit help?",
    "took Belle to the vet, she's fine",
])
def test_belle_as_a_name_or_a_sore_belly(text):
    assert "pregnancy" not in rules_of(text), recognise(text)


# --- a test told as positive, with no other kind of test named ----------------------------------------------
@pytest.mark.parametrize("text", [
    "Did a test this morning and it was positive!! is the red light mask still ok for me",
    "took a test last night and it came up positive, can I keep using the belt",
    "did another test, it's positive, so is the pad safe now?",
])
def test_a_positive_test(text):
    check_rule(text, "pregnancy")


@pytest.mark.parametrize("text", [
    "did a covid test and it was positive, can I still use the mask",
    "did a test run of the app and it was positive, nice",
    "did a drug test at work, positive for codeine",
    "took a lateral flow test, it came up positive",
])
def test_a_positive_test_of_another_kind(text):
    assert "pregnancy" not in rules_of(text), recognise(text)


# --- a baby "on the way" with a number between --------------------------------------------------------------
@pytest.mark.parametrize("text", [
    "baby number 2 is on the way (14 wks), can I keep using the mask every night?",
    "baby #3 on the way, is the belt ok",
    "another baby on the way, can I use the knee wrap",
    "our second little one is on the way, mask still fine?",
])
def test_a_baby_on_the_way(text):
    check_rule(text, "pregnancy")


@pytest.mark.parametrize("text", [
    "baby number 2 is on the way to nursery so I have time for a session",
    "my baby is on the way home from grandma's",
])
def test_a_baby_on_the_way_somewhere(text):
    assert "pregnancy" not in rules_of(text), recognise(text)


# --- breastfeeding in Scots and plain words: feeding the wean "maself" --------------------------------------
@pytest.mark.parametrize("text", [
    "Aye I'm still feeding the wean maself, can I use the pad?",
    "I feed the baby myself, is the belt ok",
    "still feeding the bairn, is the wrap safe",
    "im still feeding my little one, can I use the mask",
])
def test_feeding_the_baby_oneself(text):
    check_rule(text, "breastfeeding")


@pytest.mark.parametrize("text", [
    "I feed the dog myself, can I use the pad on my knee",
    "still feeding the wean his porridge, which pad for my back",
    "I'm still feeding the wean from a bottle, is the pad ok for my knee",
])
def test_feeding_that_is_no_breastfeeding(text):
    assert "breastfeeding" not in rules_of(text), recognise(text)


# --- an animal bite on a body part, holes still open --------------------------------------------------------
@pytest.mark.parametrize("text", [
    "The dog bit my forearm on Friday and the holes are still open",
    "my cat bit my hand last night",
    "got bitten on my ankle by a neighbour's dog",
    "got bitten by a dog yesterday, the punctures are still open",
])
def test_an_animal_bite(text):
    check_rule(text, "open_wound")


@pytest.mark.parametrize("text", [
    "the dog bit my shoe lol, which pad is best for knees",
    "the vent holes are still open on the panel, is that normal",
])
def test_no_bite_on_a_person(text):
    assert "open_wound" not in rules_of(text), recognise(text)


# --- a sun reaction told with the sun as the subject --------------------------------------------------------
@pytest.mark.parametrize("text", [
    "Abeg, sun dey give me rashes for my body every time, I fit use red light?",
    "I come up in wee itchy bumps if the sun so much as looks at me",
    "Sunlight gives me raised itchy welts on my arms within minutes",
    "the sun brings me out in hives",
    "I break out in little bumps whenever the sun comes out",
])
def test_a_reaction_to_the_sun(text):
    check_rule(text, "photosensitivity")
    assert decision(text) is Decision.REFERRAL, recognise(text)


@pytest.mark.parametrize("text", [
    "the sun gives me a lovely tan, which pad for my back",
    "the sun makes me happy, can I use the panel outdoors?",
    "can red light give me rashes?",
])
def test_no_sun_reaction(text):
    assert "photosensitivity" not in {
        m.rule_id for m in recognise(text).affirmed() if m.experiencer.value == "self"
    }, recognise(text)


# --- implanted or worn devices named by brand or kind -------------------------------------------------------
@pytest.mark.parametrize("text", [
    "I've got an Inspire sleep implant, is red light okay for me?",
    "I'm wearing a LifeVest at the moment, can I use the pad on my legs?",
    "I have a sleep apnoea implant in my chest",
    "my dad wears a wearable defibrillator vest, can he use the wrap",
])
def test_sleep_implant_and_wearable_defibrillator(text):
    check_rule(text, "implanted_device")


@pytest.mark.parametrize("text", [
    "I need a good night's sleep, any pad for that?",
    "put on my life vest for kayaking, then used the pad after",
])
def test_sleep_and_a_life_jacket(text):
    assert "implanted_device" not in rules_of(text), recognise(text)


# --- a cancer patient is no star sign -----------------------------------------------------------------------
@pytest.mark.parametrize("text", [
    "Im a cancer patient, is it ok?",
    "I'm a cancer survivor, can I use the belt",
    "my wife is a cancer patient, can she use it",
])
def test_a_cancer_patient(text):
    check_rule(text, "cancer_in_area")


@pytest.mark.parametrize("text", [
    "I'm a cancer, very emotional lol, which mask is best",
    "im a cancer and my bf is a scorpio",
])
def test_a_star_sign(text):
    check_rule(text, None)


# --- seizures in Nigerian Pidgin: "I dey get fit" -----------------------------------------------------------
@pytest.mark.parametrize("text", [
    "I dey get fit sometimes, I fit use this mask?",
    "my pikin dey get fits, e fit use am?",
    "she don get fit before, the mask safe?",
])
def test_fits_in_pidgin(text):
    check_rule(text, "seizures")


@pytest.mark.parametrize("text", [
    "I dey try get fit for summer, which pad?",
    "I fit use am for my knee?",
    "trying to get fit this year, can I use it after the gym",
])
def test_fit_as_can_or_fitness(text):
    check_rule(text, None)


# --- reduced sensation told by its effect; paralysis from a level down --------------------------------------
@pytest.mark.parametrize("text", [
    "I can't tell if water is hot with my feet anymore, the nerves are shot",
    "can't tell if the bath is too hot with my toes",
    "the nerves in my feet are shot",
    "My son is paralysed from the waist down, can he use the pad?",
    "he's paralysed on his left side since the accident",
    "MS has left my left leg with hardly any sensation",
])
def test_reduced_sensation_by_its_effect(text):
    check_rule(text, "reduced_sensation")


@pytest.mark.parametrize("text", [
    "my nerves are shot after the school run, which pad is most relaxing",
    "analysis paralysis on my side project, anyway which mask",
    "I was paralysed with fear watching the film lol",
])
def test_nerves_and_paralysis_in_idioms(text):
    check_rule(text, None)


# --- a teenager: "im 14 can i", "can teenagers use" ---------------------------------------------------------
@pytest.mark.parametrize("text", [
    "im 14 can i use the mask for my spots",
    "I'm 16 is it safe for my back",
    "I'm 17 will it help my acne",
])
def test_a_teenager_says_their_age(text):
    check_rule(text, "children")


@pytest.mark.parametrize("text", [
    "Can teenagers use the mask for acne?",
    "can kids use the wrap",
    "can teens use this mask?",
])
def test_teenagers_in_general(text):
    check_rule(text, "children")
    assert decision(text) is Decision.GENERAL, recognise(text)


@pytest.mark.parametrize("text", [
    "im 14 weeks can i use the mask",
    "im 15 mins into the session is it ok",
])
def test_an_age_that_is_no_age(text):
    assert "children" not in rules_of(text), recognise(text)


# --- "the sugar" (diabetes) and medicines not to take with it -----------------------------------------------
@pytest.mark.parametrize("text, want", [
    ("Can folks with the sugar use it?", Decision.GENERAL),
    ("Ma wife's got the sugar but am fine, it's for ma own knees", Decision.REFERRAL_OTHER),
    ("my gran has the sugar, can she use it", Decision.REFERRAL_OTHER),
    ("I've got the sugar, is the pad ok for my feet", Decision.REFERRAL),
])
def test_the_sugar(text, want):
    assert "other_condition" in rules_of(text), recognise(text)
    assert decision(text) is want, recognise(text)


@pytest.mark.parametrize("text", [
    "I got the sugar but forgot the flour",
    "coffee with the sugar on the side please",
    "I have the sugar scrub, can I use it before the mask",
])
def test_sugar_in_the_kitchen(text):
    check_rule(text, None)


@pytest.mark.parametrize("text", [
    "are there any medicines you shouldnt take with it",
    "any meds you can't take while using red light?",
    "are there medications that don't mix with it?",
])
def test_medicines_not_to_take_with_it(text):
    assert decision(text) is Decision.GENERAL, recognise(text)


# --- someone else's condition, the user well: relations in Pidgin and Filipino English ----------------------
@pytest.mark.parametrize("text", [
    "My oga get high BP but me I dey kampe, na me go use am",
    "My tita has eczema flaring po, but the mask is for me and I'm fine",
    "my lola has a pacemaker, can she use it",
    "my kuya has epilepsy, is the mask ok for him",
])
def test_a_relation_in_pidgin_or_filipino_english(text):
    assert decision(text) is Decision.REFERRAL_OTHER, recognise(text)


# --- product talk and idioms that are no condition ----------------------------------------------------------
@pytest.mark.parametrize("text", [
    "Operation get-cosy-for-winter starts now, which wrap is warmest?",
    "operation 'beach body' begins, which pad for abs",
    "My brain goes numb reading terms and conditions",
    "my mind went numb with boredom on the call",
    "My old phone's battery went all puffy and swollen, do your pads use lithium cells?",
    "is a swollen battery dangerous in these pads?",
    "The wrap's plug is infected with fluff from my sofa lol",
    "my laptop got infected with malware, can I use the app on my phone",
    "I'm a GP receptionist, can I get it delivered to the surgery since I'm never home?",
    "I work at the surgery, can you post it there",
    "Mi no speak English good, how I order in Spanish?",
    "mi wan order two pads",
])
def test_product_talk_and_idioms(text):
    check_rule(text, None)


@pytest.mark.parametrize("text, rule", [
    ("had my operation last week, can I use the pad", "other_condition"),
    ("my foot went numb, can I use the wrap", "reduced_sensation"),
    ("my ankle is swollen, is the wrap ok", "other_condition"),
    ("my cut is infected, can I use the pad", "skin_infection_or_eczema"),
    ("had surgery on my knee, can I use it", "other_condition"),
    ("had an MI two years ago, is the pad ok", "other_condition"),
])
def test_the_same_words_of_a_condition(text, rule):
    check_rule(text, rule)


# --- a thing that collapses is no person: no emergency ------------------------------------------------------
@pytest.mark.parametrize("text", [
    "The folding stand keeps collapsing when I put the pad on it",
    "the tent collapsed in the wind lol",
    "is the collapsible stand sold separately?",
])
def test_a_thing_that_collapses(text):
    assert decision(text) is not Decision.EMERGENCY, recognise(text)


@pytest.mark.parametrize("text", [
    "my mum collapsed in the kitchen",
    "I tried to stand and collapsed",
])
def test_a_person_who_collapses(text):
    assert "collapse" in flags_of(text), recognise(text)


# --- red flags: a scorched strap burn, something in the eye, a suddenly swollen leg -------------------------
@pytest.mark.parametrize("text", [
    "skin under the strap is scorched and peeling after last night",
    "the skin under the headband looks singed",
])
def test_a_scorched_burn(text):
    assert "burn_or_blistering" in flags_of(text), recognise(text)


@pytest.mark.parametrize("text", [
    "Something from the pad splashed in my eye and it's burning",
    "gel squirted into my eye and it really stings",
    "i got poked in the eye by the mask strap and it wont stop streaming and hurting",
    "the strap flicked me in the eye and it won't stop watering",
])
def test_something_in_the_eye(text):
    assert "eye_injury" in flags_of(text), recognise(text)


@pytest.mark.parametrize("text", [
    "My leg suddenly swelled up huge and it's hot and red",
    "my calf is massively swollen all of a sudden and really painful",
    "his left calf swelled up out of nowhere and it's tender and warm",
])
def test_a_suddenly_swollen_leg(text):
    assert "urgent_signs" in flags_of(text), recognise(text)


@pytest.mark.parametrize("text", [
    "water splashed in my eye in the shower and it stings a bit",
    "shampoo got in my eye and it's burning lol",
    "twisted my ankle and my leg suddenly swelled up and hurts",
    "my legs swell a bit in hot weather, can the wrap help",
    "my calf is tight after leg day",
])
def test_no_emergency_for_everyday_eyes_and_legs(text):
    assert decision(text) is not Decision.EMERGENCY, recognise(text)


# --- "nothing numb": a denial right before the word ---------------------------------------------------------
@pytest.mark.parametrize("text", [
    "Feeling's normal everywhere, nothing numb, can I use it on my calves?",
    "nothing swollen or red, just achy",
])
def test_nothing_right_before_the_word(text):
    check_rule(text, None)


@pytest.mark.parametrize("text, rule", [
    ("nothing helps my eczema, will the mask?", "skin_infection_or_eczema"),
    ("I feel nothing in my feet, numb all the time", "reduced_sensation"),
])
def test_nothing_that_denies_nothing(text, rule):
    check_rule(text, rule)


# --- an acute illness, a short course, a childhood sun rash: over -------------------------------------------
@pytest.mark.parametrize("text", [
    "Had a water infection in the summer, antibiotics sorted it, all fine now",
    "Was on Bactrim for a week back in March, finished it",
    "had a chest infection last winter, all fine now",
    "Used to get sun rashes as a kid but grew out of it completely",
])
def test_over_and_done(text):
    check_rule(text, None)


@pytest.mark.parametrize("text, rule", [
    ("on doxycycline since march, finished it yesterday", "photosensitising_medication"),
    ("used to get sun rashes, grew out of it but it's back now", "photosensitivity"),
    ("had lupus as a kid but grew out of it", "photosensitivity"),
    ("had a water infection in the summer and it's still not sorted", "other_condition"),
])
def test_not_over(text, rule):
    check_rule(text, rule)
