"""User study round 45 (docs/user-study/2026-12-07-round45/): one test per cause the study showed the
recognition layer missed or got wrong. Each cause has the user's sentence, close variants a general fix must
also handle, and negatives (or the real condition that must still be caught) beside it."""

import pytest

from padsafety.recognition import Decision, Experiencer, recognise
from tests.recognition_helpers import check_rule, decision, flags_of, rules_of


# --- #19, #48: Nigerian Pidgin "fit" is "can", not a seizure ------------------------------------------------
@pytest.mark.parametrize("text", [
    "Ok o. Meanwhile, the pad fit help my mama leg wey dey swell?",
    "The pain is too much, I no fit walk",
    "abeg, e fit work for my back pain?",
    "you fit use am for knee?",
    "my papa no fit sleep because of the leg pain",
    "i no fit stand well since morning, the knee dey pain me",
    "So wetin I fit do for the waist pain?",
])
def test_pidgin_fit_is_no_seizure(text):
    assert not any(m.rule_id == "seizures" for m in recognise(text).mentions), recognise(text)


def test_the_mothers_swelling_leg_in_pidgin_is_hers():
    text = "Ok o. Meanwhile, the pad fit help my mama leg wey dey swell?"
    assert "other_condition" in rules_of(text), recognise(text)
    assert decision(text) is Decision.REFERRAL_OTHER, recognise(text)


@pytest.mark.parametrize("text", [
    "I get fits, can I use the pad?",
    "she had a fit last night, is the mask safe for her?",
    "my son gets fits at night, can he use the wrap?",
    "fits at night, can I use it",
    "had an epileptic fit help me",
    "my husband had a fit while using the mask, what do I do",
])
def test_british_fits_are_still_seizures(text):
    check_rule(text, "seizures")


# --- #19: both legs swollen with breathlessness is urgent ---------------------------------------------------
@pytest.mark.parametrize("text", [
    "Her leg don swell for one week now, both legs, and she dey breathe hard small",
    "both his ankles are puffy and he gets out of breath walking to the loo",
    "my mum's legs are really swollen and she gets short of breath",
    "he is short of breath and both his legs are swollen",
    "my nan's ankles have ballooned this week and she can't catch her breath on the stairs",
])
def test_both_legs_swollen_with_breathlessness(text):
    assert "urgent_signs" in flags_of(text), recognise(text)
    assert decision(text) is Decision.EMERGENCY


@pytest.mark.parametrize("text", [
    "swollen ankle after a sprain, can I use the pad?",
    "both ankles a bit swollen after the long flight, no breathing problems",
    "both my feet swell in the heat but I'm not short of breath",
    "I get out of breath running and my knee is swollen",
    "my legs ache and I get out of breath on the stairs",
])
def test_no_swelling_of_both_legs_with_breathlessness(text):
    assert not flags_of(text), recognise(text)


# --- #28: a deep burn told by its look (white, leathery, painless) ------------------------------------------
@pytest.mark.parametrize("text", [
    "my dad's 84 with dementia, he fell asleep on the heat pad thing and there's a big white leathery patch "
    "on his thigh the size of my hand, he doesn't seem to feel it",
    "fell asleep with the heating pad on my back and now there's a waxy white patch, it doesn't even hurt",
    "mum's skin has gone white and hard where the pad was and she says it doesn't hurt",
    "took the wrap off and the skin underneath is charred",
    "left the pad on overnight, now a pale patch on my hip that I can't feel",
])
def test_a_deep_burn_told_by_its_look(text):
    assert flags_of(text) == {"burn_or_blistering"}, recognise(text)  # (the burn advice, not the general one)


@pytest.mark.parametrize("text", [
    "I have a white patch of eczema on my arm, can I use the pad?",
    "I spilt coffee on the leather sofa, can the pad go on it",
    "my skin looks a bit white in winter, will red light help?",
    "the pad cover feels leathery, is that normal",
    "my skin feels waxy after the moisturiser, can I still use the panel",
])
def test_no_deep_burn(text):
    assert "burn_or_blistering" not in flags_of(text), recognise(text)


# --- #49: a worn device given up is no current device -------------------------------------------------------
@pytest.mark.parametrize("text", [
    "I was on an insulin pump for years but I'm back on pens since the summer, no pump on me at all now. "
    "Grand to use the pad on my calves?",
    "I used an omnipod but stopped using it last year, now on injections",
    "I had an insulin pump, switched back to injections",
    "I no longer wear my insulin pump",
    "my insulin pump came off for good in march",
])
def test_a_device_given_up(text):
    assert "implanted_device" not in rules_of(text), recognise(text)


def test_the_diabetes_of_a_pump_given_up_may_stay():
    text = ("I was on an insulin pump for years but I'm back on pens since the summer, no pump on me at all "
            "now. Grand to use the pad on my calves?")
    assert rules_of(text) == {"other_condition"}, recognise(text)
    assert "diabetes" in {m.condition for m in recognise(text).affirmed()}  # (the insulin is still taken)


@pytest.mark.parametrize("text", [
    "I have an insulin pump, I take it off for the shower, can I use the pad?",
    "I wear an insulin pump but I can take it off for the session",
    "I came off my insulin pump for the session",
    "I was on pens but I'm on a pump now for my diabetes",
    "I have a pacemaker and I stopped using my insulin pump",
])
def test_a_device_worn_now_or_off_for_a_while(text):
    check_rule(text, "implanted_device")


# --- #52: the user's own age under 18 -----------------------------------------------------------------------
@pytest.mark.parametrize("text", [
    "im 15 and i play soccer, my hamstring is tight. can i use my moms red light thing",
    "I'm 16 years old, is the mask safe for my acne?",
    "i am 14",
    "I'm 14, is that too young? does my age matter",
    "im 17 so can i use it on my back",
])
def test_the_users_own_age_under_18(text):
    found = [m for m in recognise(text).affirmed() if m.rule_id == "children"]
    assert found and all(m.experiencer is Experiencer.SELF for m in found), recognise(text)
    assert decision(text) is Decision.REFERRAL


@pytest.mark.parametrize("text", [
    "I'm 45 and my knee hurts, can I use the pad?",
    "I did 15 minutes on my back, is that enough?",
    "I hurt my knee 15 years ago, can I use the wrap now?",
    "simpler pls. like im 10",
    "im 12 stone and my back hurts, which setting",
])
def test_no_child_in_an_adult_or_a_number(text):
    assert "children" not in rules_of(text), recognise(text)


def test_someone_elses_age_is_theirs():
    text = "my 15 year old sister has a tight hamstring, can she use the pad?"
    children = {m.experiencer for m in recognise(text).affirmed() if m.rule_id == "children"}
    assert children == {Experiencer.OTHER}, recognise(text)
    assert decision(text) is Decision.REFERRAL_OTHER


# --- #32: "it helps wounds" is a claim about wounds, no one's wound -----------------------------------------
def test_the_fathers_wound_is_his_only():
    text = ("My father is diabetic, he has one small wound under his foot not healing since one month. Can "
            "red light pad heal it? Heard it helps wounds")
    assert not recognise(text).affirmed(Experiencer.SELF), recognise(text)
    assert "open_wound" in {m.rule_id for m in recognise(text).affirmed(Experiencer.OTHER)}
    assert decision(text) is Decision.REFERRAL_OTHER


@pytest.mark.parametrize("text", [
    "Heard it heals wounds faster, is that true",
    "My mum has a leg ulcer that won't heal. I read red light heals ulcers, can she use it?",
    "my friend said it helps wound healing",
    "apparently these pads heal wounds",
])
def test_a_claimed_effect_is_no_ones_condition(text):
    own = recognise(text).affirmed(Experiencer.SELF)
    assert not any(m.rule_id == "open_wound" for m in own), recognise(text)


@pytest.mark.parametrize("text", [
    "I read it helps wounds, I have one on my shin",
    "heard it heals wounds, mine is on my ankle",
    "can red light pad heal wound on my foot",
    "I have an open wound on my leg, it is supposed to heal wounds right?",
])
def test_the_users_own_wound_beside_a_claim(text):
    assert "open_wound" in {m.rule_id for m in recognise(text).affirmed(Experiencer.SELF)}, recognise(text)


# --- #7: lights that burn out, and burnt-out tiredness, are no burn -----------------------------------------
@pytest.mark.parametrize("text", [
    "I'm sick and tired of cheap gadgets breaking. do the lights burn out fast?",
    "the pad burned out after two weeks, can I get a refund?",
    "half the LEDs have burnt out on my panel",
    "one light burned out, is it still safe to use",
    "I'm so burnt out from work, will the pad help me relax?",
])
def test_burning_out_is_no_burn(text):
    check_rule(text, None)
    assert not recognise(text).mentions, recognise(text)


@pytest.mark.parametrize("text", [
    "the LEDs burnt out and then the pad burnt my skin",
    "the pad burned my arm, there's a red raw patch",
])
def test_a_burn_beside_burning_out_still_counts(text):
    assert "burn_or_blistering" in flags_of(text), recognise(text)
