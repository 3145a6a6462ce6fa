"""User study round 47 (docs/user-study/2026-12-07-round47/, scenarios d48- in
tests/scenarios/real_users_dev40.yml): one test per cause the recognition layer or the answer reading in the
safety check showed. Each cause has the study's sentence, close variants a general fix must also handle, and
negatives (the same words in harmless use, or a condition that must stay referred) beside it."""

import pytest

from padsafety.answers import hedged_detail, parse_answer
from padsafety.recognition import Decision, Experiencer, recognise
from padsafety.rules import Answer
from tests.recognition_helpers import QUIET, check_rule, decision, flags_of, rules_of


# --- 1. despair with a supply of pills, or a plan to take them all: the self-harm red flag ------------------
@pytest.mark.parametrize("text", [
    "i dont see the point anymore. i've got a pile of pills here and i'm thinking of taking them all",
    "i've got a box of paracetamol here and i'm going to take the lot",
    "got all my tablets lined up, thinking of taking them all tonight",
    "no point going on, I've got a load of pills saved",
    "what's the point anymore, there's a bottle of tablets in the drawer",
    "I can't go on anymore, I've got my sleeping pills here",
    "i want to end it tonight",
    "thinking of taking all my tablets",
    "don't want to wake up",
    "no point going on",
])
def test_despair_and_an_overdose_plan_are_the_self_harm_flag(text):
    assert "self_harm" in flags_of(text), recognise(text)
    assert decision(text) is Decision.EMERGENCY


@pytest.mark.parametrize("text", [
    "can I take all my vitamins at once",
    "I take 4 tablets a day, I'm going to take them all at once in the morning",
    "I've got a pile of pills to take each morning, thinking of taking them all together with breakfast",
    "I don't see the point of using the pad every day, is three times a week enough?",
    "a load of my tablets make me sun sensitive, which ones should I avoid?",
])
def test_a_medicine_schedule_or_a_doubt_about_the_pad_is_no_self_harm(text):
    assert "self_harm" not in flags_of(text), recognise(text)


# --- 2. Raynaud's in lay words: a condition referral, not the breathing emergency ---------------------------
@pytest.mark.parametrize("text", [
    "Ma fingers go white then blue when it's baltic oot. Wid a red light pad warm them up?",
    "my fingers go white then blue in the cold",
    "my toes turn white and then purple when it's freezing",
    "my fingers go blue when it's nippy, would the pad help?",
])
def test_fingers_that_change_colour_in_the_cold_are_raynauds(text):
    assert not flags_of(text), recognise(text)
    check_rule(text, "other_condition")
    assert decision(text) is Decision.REFERRAL


@pytest.mark.parametrize("text", [
    "my lips are going blue and I can't breathe",
    "his fingers have gone blue and he's struggling to breathe",
    "my fingers and lips are blue and I feel faint",
    "her face went blue in the cold and she can't breathe",
])
def test_blue_lips_or_breathlessness_stay_an_emergency(text):
    assert "breathing" in flags_of(text), recognise(text)


# --- 3. "nobody's got": a denial with "'s" (d48-1: "eh? nobody's got a skin infection") -------------------
@pytest.mark.parametrize("text", [
    "eh? nobody's got a skin infection. furphy just means a tall tale. I'm asking if they actually work",
    "nobody's pregnant here, just asking",
    "no one's got eczema, I want to know if it works",
    "Worth forking out for one or is it a bit of a furphy?",
])
def test_nobody_has_it_and_a_furphy_name_no_condition(text):
    assert decision(text) not in QUIET, recognise(text)


def test_someone_else_named_after_nobody_is_still_referred():
    assert decision("nobody's got lupus but my mum has eczema") is Decision.REFERRAL_OTHER


# --- 4. a question about the question's word, in dialect: nothing said of the user --------------------------
@pytest.mark.parametrize("text, rule", [
    ("Wah dat mean, acute eczema? Mi skin dry sometime", "skin_infection_or_eczema"),
    ("Porphyria? Whit's that when it's at hame?", "photosensitivity"),
    ("eczema? wah dat?", "skin_infection_or_eczema"),
    ("lupus - wha dat mean?", "photosensitivity"),
    ("what does that mean, porphyria?", "photosensitivity"),
])
def test_a_word_asked_about_is_no_disclosure(text, rule):
    found = [m for m in recognise(text).mentions if m.rule_id == rule]
    assert found and all(m.experiencer is Experiencer.GENERAL for m in found), recognise(text)
    assert parse_answer(text) is None


@pytest.mark.parametrize("text, rule", [
    ("I have lupus. what is that rash?", "photosensitivity"),
    ("I have eczema, what does that mean for me?", "skin_infection_or_eczema"),
    ("porphyria? yes, I have porphyria", "photosensitivity"),
])
def test_a_condition_of_ones_own_beside_a_question_is_still_referred(text, rule):
    assert rule in {m.rule_id for m in recognise(text).affirmed(Experiencer.SELF)}, recognise(text)


def test_a_patois_denial_is_no_cancer():
    assert not rules_of("Mi nuh have cancer, tank God")


# --- 5. hay fever is no fever; burning easily with no lupus is a hedge at most (d48-14) ---------------------
@pytest.mark.parametrize("text", ["I get hay fever", "bad hayfever every spring", "my hay-fever is awful"])
def test_hay_fever_is_no_infection(text):
    assert "other_condition" not in rules_of(text), recognise(text)


@pytest.mark.parametrize("text", ["I have a fever and hay fever", "I've got hayfever and a high fever"])
def test_a_fever_beside_hay_fever_is_still_referred(text):
    check_rule(text, "other_condition")


def test_hay_fever_said_no_to_is_a_no():
    text = "not really... I mean I get hay fever but that's not a medical condition is it? so no"
    assert parse_answer(text) is Answer.NO


@pytest.mark.parametrize("text, hedged", [
    ("I burn easily in summer, I'm a redhead, but no lupus or anything", True),
    ("I burn easily, I'm very fair skinned, no lupus", True),
    ("I burn super fast in sunlight, no lupus though", False),  # a sign with no ordinary cause (round 4)
    ("I burn easily like anyone else", True),
    ("I have lupus but no porphyria", False),  # a diagnosis named: the yes stands
    ("I burn easily, I have lupus, I'm a redhead", False),
    ("I get eczema, I'm a redhead", False),
    ("my skin's fine, I'm a redhead though", False),  # no burning told
])
def test_burning_easily_without_a_diagnosis_is_a_hedge(text, hedged):
    assert hedged_detail(text) is hedged


# --- 6. a scabbing graze told with no pus is no open wound; open, oozing or infected stays ------------------
@pytest.mark.parametrize("text", [
    "Good afternoon. I scraped my elbow on the gutter two days ago, it is scabbing now, no pus.",
    "grazed my knee on saturday, it's scabbed over, not weeping",
    "the scab on my shin is dry, no pus or anything",
])
def test_a_healing_graze_is_no_open_wound(text):
    assert "open_wound" not in rules_of(text), recognise(text)


@pytest.mark.parametrize("text", [
    "I grazed my knee, it's still open and oozing",
    "my scab is weeping",
    "the scab came off and it's weeping, no pus",
    "the scab keeps bleeding",
])
def test_an_open_or_weeping_wound_stays_an_open_wound(text):
    check_rule(text, "open_wound")


# --- 7. a mole cut off, stitches out and clean: a recent wound (ask your doctor), no cancer -----------------
@pytest.mark.parametrize("text", [
    "Had a mole cut off my back last week, stitches out yesterday, looks clean. Reckon red light would help?",
    "had a mole removed from my arm, stitches are out and it looks clean",
    "mole taken off my shoulder 10 days ago, healed nicely, stitches out",
])
def test_a_mole_removal_with_the_wound_closed_is_a_recent_wound_not_cancer(text):
    assert "cancer_in_area" not in rules_of(text), recognise(text)
    assert "open_wound" not in rules_of(text), recognise(text)
    check_rule(text, "other_condition")
    assert decision(text) is Decision.REFERRAL


@pytest.mark.parametrize("text, rule", [
    ("had a mole cut out last week, can I use the pad there?", "cancer_in_area"),  # results may be pending
    ("had a mole removed last week, stitches out, waiting on the results", "cancer_in_area"),
    ("had a suspicious mole removed, stitches out, looks clean", "cancer_in_area"),
    ("had a melanoma removed last week, stitches out", "cancer_in_area"),
    ("had a mole shaved off yesterday, it's still raw and weeping", "open_wound"),
    ("stitches out but the wound is still open", "open_wound"),
    ("I have stitches in my knee", "open_wound"),
])
def test_a_cancer_or_an_open_wound_beside_a_removal_stays(text, rule):
    check_rule(text, rule)


# --- 8. another person in Trinidadian English ("mih husband", "mih mudda") -------------------------------
@pytest.mark.parametrize("text", [
    "Mih husband have two stent in he heart and he on blood thinner. He could use de pad?",
    "mih son have eczema bad bad",
    "mih mother is pregnant",
    "mah husband has a pacemaker",
])
def test_mih_before_a_relation_is_someone_else(text):
    assert decision(text) is Decision.REFERRAL_OTHER, recognise(text)


def test_mih_before_a_body_part_is_the_user():
    found = recognise("Mih foot not numb, I could feel dem good").mentions
    assert found and all(m.negated and m.experiencer is Experiencer.SELF for m in found)
    assert decision("Mih husband have a pacemaker. I have eczema") is Decision.REFERRAL


# --- 9. piles are haemorrhoids (a condition), a heap is not -------------------------------------------------
@pytest.mark.parametrize("text", [
    "Can I sit on the red light pad for my piles? They're really sore",
    "I've got piles, can I use it",
    "my piles are bleeding",
    "does it help haemorrhoids? mine are awful",
])
def test_piles_are_a_condition(text):
    check_rule(text, "other_condition")


@pytest.mark.parametrize("text", [
    "piles of washing on the pad",
    "I have piles of work to do, can I use it at my desk?",
    "i've got a pile of magazines on it",
])
def test_a_heap_is_no_piles(text):
    assert decision(text) not in QUIET, recognise(text)


# --- 10. "the light itself harmful": no self-harm read inside "itself harmful" ------------------------------
@pytest.mark.parametrize("text", [
    "she wouldn't be 'treated', just lying there. Is the light itself harmful to her eyes?",
    "is the pad itself harmful?",
    "the device itself harmless then?",
])
def test_itself_harmful_is_no_self_harm(text):
    assert "self_harm" not in flags_of(text), recognise(text)


@pytest.mark.parametrize("text", [
    "I have self-harmful thoughts", "I want to do myself harm", "i want to self harm",
    "i've been self harming again",
])
def test_self_harm_stays_a_red_flag(text):
    assert "self_harm" in flags_of(text)


# --- 11. rosacea in lay words and named by the GP: the user's own other condition ---------------------------
def test_rosacea_named_by_the_gp_is_the_users():
    text = ("My cheeks go bright red and flushy with little bumps, GP thinks rosacea. Someone said red light "
            "calms it.")
    assert "other_condition" in {m.rule_id for m in recognise(text).affirmed(Experiencer.SELF)}
