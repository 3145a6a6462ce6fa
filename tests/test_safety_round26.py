"""Development round 26 (tests/safety/dev_round26.yml): one test per cause the batch showed the recognition
layer missed. Each cause has the corpus sentence, close variants a general fix must also handle, and negatives
(or the real condition that must still be caught) beside it."""

import pytest

from padsafety.recognition import Decision, recognise
from tests.recognition_helpers import check_rule, decision, flags_of, rules_of


# --- a wife or partner in lay words who "is expecting", with no object --------------------------------------
@pytest.mark.parametrize("text", [
    "Me missus is expecting, she wants the pad for her hips, is that wise?",
    "the mrs is expecting, can she use the belt?",
    "My other half is expecting again so she wants to borrow my knee wrap",
    "our lass is expecting, ok for her back?",
    "my aunty is expecting, can she use the mask",
])
def test_a_partner_in_lay_words_who_is_expecting(text):
    assert "pregnancy" in rules_of(text), recognise(text)
    assert decision(text) is Decision.REFERRAL_OTHER, recognise(text)


@pytest.mark.parametrize("text", [
    "me missus is expecting a parcel from you, any tracking?",
    "the mrs is expecting a refund, when will it come",
    "my other half is expecting too much from this pad tbh",
    "my missus is expecting me home soon so quick question, which setting for knees",
])
def test_a_partner_expecting_something_else(text):
    check_rule(text, None)


# --- chestfeeding and bodyfeeding in every form of the verb -------------------------------------------------
@pytest.mark.parametrize("text", [
    "I chestfeed my baby, is the red light pad ok to use on my torso?",
    "still chest feeding my 5 month old, mask ok?",
    "I'm chestfeeding, can I use the belt",
    "I bodyfeed my toddler at night, is the wrap fine",
    "my 6 month old is breast fed, can I use the pad on my back",
])
def test_chestfeeding_in_any_form(text):
    check_rule(text, "breastfeeding")


@pytest.mark.parametrize("text", [
    "chestfed both my kids, the youngest is 9 now, is the pad ok",  # long over, like "breastfed"
    "I chest pressed 80kg today, will the pad help my pecs recover",
    "I fed the dog chicken breast, can I use the pad on my knee",
])
def test_no_chestfeeding_now(text):
    check_rule(text, None)


# --- a household burn told as raw or weeping further on in the sentence -------------------------------------
@pytest.mark.parametrize("text", [
    "Wife burned her wrist on the iron yesterday and it's a raw patch, is the pad ok for her?",
    "scalded my hand on the kettle this morning, skin's raw now, can I use the pad",
    "burnt my forearm on the oven tray two days ago and it's still raw and weeping",
    "I burned my finger on the hob last night, it's gone all raw, is red light ok",
])
def test_a_burn_told_as_raw(text):
    check_rule(text, "open_wound")


def test_the_wifes_burn_is_hers():
    assert decision(
        "Wife burned her wrist on the iron yesterday and it's a raw patch, is the pad ok for her?"
    ) is Decision.REFERRAL_OTHER


@pytest.mark.parametrize("text", [
    "I burned the toast and the middle is still raw lol, anyway what setting",
    "my throat burns and is raw from a cold, can I use the neck wrap",
    "my eyes burn and feel raw from hay fever",
    "got burned on a crypto trade and my savings are still raw",
    "burnt my hand on the iron years ago, it's healed fine",
])
def test_no_raw_burn_of_the_skin(text):
    assert "open_wound" not in rules_of(text), recognise(text)


# --- a device named "implantable", the maker's word ---------------------------------------------------------
@pytest.mark.parametrize("text", [
    "I'm fitted with an implantable heart monitor, any problem with the LED pad?",
    "I have an implantable cardiac monitor under the skin of my chest",
    "got an implantable glucose sensor in my arm, is the wrap ok",
    "my dad has an implantable pulse generator for his bladder, can he use it",
])
def test_an_implantable_device(text):
    check_rule(text, "implanted_device")


@pytest.mark.parametrize("text", [
    "I have an implantable contraceptive device in my arm, is the pad ok",
    "no implantable devices or anything, just sore knees",
])
def test_no_implanted_electronic_device(text):
    assert "implanted_device" not in rules_of(text), recognise(text)


# --- "swollen" said of something that is no body ------------------------------------------------------------
@pytest.mark.parametrize("text", [
    "My inbox is swollen with your newsletters, please unsubscribe me",
    "the river's swollen with rain so delivery might be late?",
    "my spam folder is swelling with your emails, stop",
    "with the swollen prices lately, any discount?",
])
def test_something_no_body_is_swollen(text):
    check_rule(text, None)


@pytest.mark.parametrize("text", [
    "my knee is swollen, can I use the wrap",
    "my ankles are swollen with fluid, is the pad ok",
    "my face is swollen with hives",
])
def test_a_swollen_body_part_still_counts(text):
    check_rule(text, "other_condition")


# --- red flags: eyes that burn or sting with sight not clear; a sudden severe belly pain --------------------
@pytest.mark.parametrize("text", [
    "Used the mask without the eye shields and now my eyes burn and I can't see properly",
    "my eyes sting and I can't see properly after the panel",
    "can't see properly and my eyes are burning since I used the mask",
    "wore the goggles wrong and now I can't see clearly out of my left eye",
    "my eyes hurt so much I can barely see",
    "my eyes burn and feel raw and I can't see after using the panel",
])
def test_eyes_that_burn_with_sight_not_clear(text):
    assert "eye_injury" in flags_of(text), recognise(text)


@pytest.mark.parametrize("text", [
    "Sudden severe pain in my stomach, can barely stand",
    "suddenly got excruciating pain in my lower belly, can't stand up straight",
    "my husband has sudden terrible pain in his tummy and is sweating",
    "excruciating stomach pain came on out of nowhere an hour ago",
    "Sorry. Sudden severe pain in my stomach",
])
def test_a_sudden_severe_belly_pain(text):
    assert "urgent_signs" in flags_of(text), recognise(text)


@pytest.mark.parametrize("text", [
    "my eyes hurt from the screen and I can't see the small print on the box",
    "my eyes are sore and I can't see without my glasses, which mask size?",
    "my eyes sting when I chop onions and I can't see lol",
    "used the mask for a month and now I can't see any difference",
    "I used the pad and now I can't see the app on my phone, is it broken",
    "severe period pain in my stomach every month, can barely stand, will the belt help",
    "had sudden severe pain in my stomach last year, it was my appendix, all fine now",
    "got a sudden sharp pain in my side while running, a stitch I think",
    "does the pad help with severe stomach cramps?",
])
def test_no_emergency_in_everyday_eyes_or_belly_aches(text):
    assert decision(text) is not Decision.EMERGENCY, recognise(text)


# --- a wound word as the place the device would go: a general question --------------------------------------
@pytest.mark.parametrize("text", [
    "Is it safe to use over stitches?",
    "is it ok to put the pad on a fresh graze?",
    "can it go over staples?",
    "can you use the mask over stitches on the face?",
])
def test_a_wound_where_the_device_goes_is_asked_about(text):
    assert decision(text) is Decision.GENERAL, recognise(text)


@pytest.mark.parametrize("text, rule", [
    ("can I put the pad over my staples from the c-section", "open_wound"),
    ("would it be ok to shine it on my fresh graze", "open_wound"),
])
def test_a_wound_of_ones_own_where_the_device_goes(text, rule):
    assert decision(text) is Decision.REFERRAL, recognise(text)
    check_rule(text, rule)


@pytest.mark.parametrize("text", [
    "had me in stitches reading the reviews, anyway which pad",
    "the stitches on the pad's strap came loose, can I get a new one",
    "can I use the discount code on the price cuts?",
    "can I put it on my order now and pay later",
])
def test_stitches_and_cuts_that_are_no_wound(text):
    check_rule(text, None)


# --- an aunty is someone else -------------------------------------------------------------------------------
@pytest.mark.parametrize("text", [
    "My aunty has cellulitis; I'm buying the wrap for myself and have no conditions",
    "aunty has shingles, can she borrow my pad",
    "my aunties both have diabetes, I'm fine, which pad for me",
])
def test_an_aunty_is_someone_else(text):
    assert decision(text) is Decision.REFERRAL_OTHER, recognise(text)


def test_an_aunty_and_the_user_too():
    assert decision("my aunty has eczema and so do I") is Decision.REFERRAL


# --- a device the user had taken out, the verb right after it -----------------------------------------------
@pytest.mark.parametrize("text", [
    "Had a loop recorder taken out in 2021, nothing implanted now",
    "had my pacemaker removed in 2019 after it got infected, no device now",
    "I had my spinal cord stimulator taken out last year, is the back pad ok",
])
def test_a_device_had_taken_out(text):
    check_rule(text, None)


@pytest.mark.parametrize("text", [
    "had my old pacemaker removed and a new one put in last year",
    "had my insulin pump taken out for the MRI, going back on it tonight",
    "getting my loop recorder taken out next month, can I use the pad till then",
])
def test_a_device_replaced_put_back_or_still_in(text):
    check_rule(text, "implanted_device")


# --- feeling told as back or normal after a numbness --------------------------------------------------------
@pytest.mark.parametrize("text", [
    "My numb foot from a trapped nerve came right after physio years ago, feeling's normal now",
    "had numb toes from a trapped nerve but the feeling came back fully last year",
    "my fingers went numb for months after the accident, sensation is totally normal again now",
    "numb patch on my thigh from a trapped nerve, but the feeling in my thigh is back to normal",
])
def test_feeling_told_as_back(text):
    check_rule(text, None)


@pytest.mark.parametrize("text", [
    "my feet are numb from diabetes but the feeling in my hands is normal",
    "numb toes since chemo, feeling's only partly back",
    "my foot went numb after the op, feeling's back except my big toe",
    "my left foot is still numb but the feeling in my hand is back to normal",
    "numb feet, but feeling fine otherwise, is the pad ok",
])
def test_feeling_not_all_back(text):
    check_rule(text, "reduced_sensation")


# --- a light sensitivity told as one episode, never again since ---------------------------------------------
@pytest.mark.parametrize("text", [
    "Had a sun rash on holiday once as a teenager, never again since",
    "got a sun allergy rash once in Spain years ago, never happened again",
    "had a one-off sun rash in Greece in 2015, nothing since",
])
def test_a_light_sensitivity_once_never_again(text):
    check_rule(text, None)


@pytest.mark.parametrize("text", [
    # a bout of a named condition with no "once" stays history for a doctor (earlier rounds)
    "had a bout of polymorphic light eruption on holiday years ago, nothing since, ok to use?",
    "I get a sun rash once a year on holiday, is the mask ok",
    "had a sun rash once as a kid and now it's back every summer",
])
def test_a_light_sensitivity_that_lasts_or_comes_back(text):
    check_rule(text, "photosensitivity")
