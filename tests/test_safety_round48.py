"""User study round 48: one test per finding, with its sentence, close variants a general fix must also
handle, and negatives (the same words in a case that must stay referred or an emergency) beside it."""

import pytest

from padsafety.recognition import Decision, Experiencer, recognise
from tests.recognition_helpers import check_rule, decision, flags_of


def self_affirmed(text, rule=None):
    """The rules the message affirms as the user's own, current conditions."""
    return {
        m.rule_id for m in recognise(text).affirmed(Experiencer.SELF)
        if not m.past and (rule is None or m.rule_id == rule)
    }


# --- #1: the seller or company not answering mail, calls or texts is no collapse ----------------------------
@pytest.mark.parametrize("text", [
    "They're not answering my emails. Is there anything you can do?",
    "the seller is not responding to my messages",
    "the company hasn't replied to any of my emails",
    "they won't answer the phone",
    "I emailed them three times and they're still not answering",
    "I rang them twice and they're not answering",
    "customer service isn't responding to my support ticket, can you help?",
])
def test_not_answering_mail_is_no_emergency(text):
    assert decision(text) is Decision.NONE, recognise(text)


@pytest.mark.parametrize("text", [
    "my dad is not responding",
    "she's not answering me and won't wake up",
    "he isn't responding when I talk to him",
    "I called to him and he's not responding",
    "I called his name and he's not answering, he's on the floor",
    "my mum is not answering her phone and I found her on the floor not breathing",
])
def test_person_not_responding_stays_an_emergency(text):
    assert decision(text) is Decision.EMERGENCY, recognise(text)


# --- #2: "me" for "my" before an animal: the animal's condition ---------------------------------------------
@pytest.mark.parametrize("text", [
    "Me kelpie's got arthritis in her back legs, poor old girl. Would the red light pad help her like it "
    "helps me shoulder?",
    "me dog's got arthritis",
    "me cat has eczema",
    "my blue heeler has arthritis in his hips",
])
def test_me_for_my_before_an_animal(text):
    assert decision(text) in (Decision.NONE, Decision.GENERAL), recognise(text)
    assert not self_affirmed(text), recognise(text)


@pytest.mark.parametrize("text, rule", [
    ("I have arthritis in me knees", "other_condition"),
    ("the dog bit me and the wound is open", "open_wound"),
])
def test_me_still_the_user(text, rule):
    assert rule in self_affirmed(text), recognise(text)


# --- #3: the thyroid as the place the light goes, no thyroid disease ----------------------------------------
@pytest.mark.parametrize("text, allowed", [
    ("I don't have thyroid disease. I'm asking if shining it on your thyroid boosts energy like the "
     "influencers say", (Decision.NONE, Decision.GENERAL)),
    ("I keep seeing people say you should put red light on your thyroid for energy. Is that a thing?",
     (Decision.NONE,)),
    ("is it true that pointing the pad at your thyroid area helps metabolism?", (Decision.NONE,)),
])
def test_thyroid_as_a_body_part(text, allowed):
    assert decision(text) in allowed, recognise(text)
    assert not self_affirmed(text), recognise(text)


@pytest.mark.parametrize("text", [
    "I have thyroid problems, can I use the pad on my neck",
    "can I use the pad on my thyroid? I have hashimotos",
    "my thyroid is underactive, can I use it",
    "can I put it on my neck, I have a thyroid nodule",
])
def test_thyroid_disease_still_referred(text):
    assert decision(text) is Decision.REFERRAL, recognise(text)


# --- #4: eczema calm right now is not an acute flare --------------------------------------------------------
@pytest.mark.parametrize("text", [
    "eczema? well i get a bit on my elbows sometimes but its fine rn",
    "eczema? i get it on my hands but it's calm atm",
    "i have eczema on my hands but its fine at the moment",
    "eczema on my elbows but its not flaring",
])
def test_eczema_calm_now(text):
    # a history (past), as "cold sores now and then but none at the moment" is: not a current flare
    assert not self_affirmed(text, "skin_infection_or_eczema"), recognise(text)


@pytest.mark.parametrize("text", [
    "I've got eczema on my arms, it's flaring badly right now",
    "i get eczema but it's fine rn, except my hands are flaring",
    "eczema? yeah loads on my legs, its fine to use though?",
])
def test_eczema_active_still_referred(text):
    assert "skin_infection_or_eczema" in self_affirmed(text), recognise(text)


# --- #5: a burn only supposed ("if it burns") is no open wound ----------------------------------------------
@pytest.mark.parametrize("text", [
    "You keep repeating yourself. I asked what the staff should watch for since she can't say if it burns",
    "she has no wound! I said she can't tell anyone if the pad BURNS her skin",
    "how would we know whether the light is burning her?",
])
def test_supposed_burn(text):
    assert "open_wound" not in {m.rule_id for m in recognise(text).affirmed()}, recognise(text)
    assert decision(text) is not Decision.EMERGENCY, recognise(text)


@pytest.mark.parametrize("text", [
    "the pad burned her skin and it blistered",
    "the pad is burning her skin and it's blistering",
])
def test_real_burn_stays_an_emergency(text):
    assert "burn_or_blistering" in flags_of(text), recognise(text)


# --- #6: the son's graze, and the answer's "minor wounds part" ----------------------------------------------
@pytest.mark.parametrize("text", [
    "Asante. And the minor wounds part, can my son use it on a grazed knee from football?",
    "my daughter grazed her knee at netball, can she use the pad on it?",
])
def test_childs_graze_is_someone_elses(text):
    assert decision(text) is Decision.REFERRAL_OTHER, recognise(text)
    assert not self_affirmed(text), recognise(text)


def test_own_graze_still_referred():
    check_rule("I grazed my knee yesterday, can I use it", "open_wound")
    check_rule("the open wounds bit, does that include a cut on my hand?", "open_wound")


def test_scabbed_graze_not_open():
    text = "my daughter grazed her elbow, it's already scabbed over"
    assert "open_wound" not in {m.rule_id for m in recognise(text).affirmed()}, recognise(text)


# --- #7: "tell me who shouldn't use these" is a general question --------------------------------------------
@pytest.mark.parametrize("text", [
    "ok well can you at least tell me who shouldn't use these?",
    "can you tell me who should not use it",
    "let me know who shouldn't use it",
])
def test_who_shouldnt_use_is_general(text):
    assert decision(text) in (Decision.NONE, Decision.GENERAL), recognise(text)
    assert not self_affirmed(text), recognise(text)


def test_own_condition_after_the_question_still_referred():
    text = "can you tell me who shouldn't use it? I'm pregnant"
    assert "pregnancy" in self_affirmed(text), recognise(text)
    check_rule("can you tell me if it's ok with epilepsy", "seizures")


# --- #8: claims quoted from the box or an advert ------------------------------------------------------------
@pytest.mark.parametrize("text", [
    'I copied this from the box, can you tell me which bits are true? "Clinically proven 660nm + 850nm dual '
    'wavelength. Melts belly fat, erases wrinkles and dark spots, cures arthritis, boosts immunity, detoxes '
    'the body and reverses ageing. Safe for all ages including pregnancy. Results in 3 days!"',
    "the label claims \u201cheals wounds and eczema fast\u201d, true?",
    'the ad says "safe for epilepsy and after surgery", is that legit?',
])
def test_quoted_box_claims(text):
    assert decision(text) in (Decision.NONE, Decision.GENERAL), recognise(text)


@pytest.mark.parametrize("text, rule", [
    ('the ad says "safe in pregnancy" is that right? I am pregnant', "pregnancy"),
    ('I said "I have epilepsy" already', "seizures"),
])
def test_own_condition_beside_a_quote(text, rule):
    assert rule in self_affirmed(text), recognise(text)


# --- #9: Spanish "mi" before a family word is no MI ---------------------------------------------------------
@pytest.mark.parametrize("text", [
    "mi hijo de 12 años",
    "can I use it on mi hijo de 12 años?",
    "mi hija de 8 años puede usarlo?",
    "mi niña de 8 años",
])
def test_spanish_mi_child(text):
    assert decision(text) is Decision.REFERRAL_OTHER, recognise(text)
    check_rule(text, "children")
    assert "other_condition" not in {m.rule_id for m in recognise(text).affirmed()}, recognise(text)


@pytest.mark.parametrize("text", ["I had an MI last year", "my mum had a mi in march"])
def test_mi_heart_attack_stays(text):
    check_rule(text, "other_condition")
