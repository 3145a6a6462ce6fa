"""Development round 31 (tests/safety/dev_round31.yml): one parametrised test per family of causes the batch
showed the recognition layer missed. The sentences are new wordings of each cause, not the corpus sentences;
each family has its lookalikes that must stay quiet."""

import pytest

from padsafety.recognition import Decision, recognise
from tests.recognition_helpers import decision, rules_of


@pytest.mark.parametrize(
    "text, rule",
    [
        # weeks beside the obstetrician or midwife: a pregnancy now
        ("the midwife reckons 28 weeks is a good time to ask about the back wrap", "pregnancy"),
        ("the obstetrician thinks 24 weeks is a fine time to ask you about the belt", "pregnancy"),
        # planning a baby, trying for a Scots wean or bairn, the two-week wait after ovulation: trying to
        # conceive
        ("we're planning a baby this year, ok to keep using the mask?", "trying_to_conceive"),
        ("been planning for pregnancy since spring, is the pad safe", "trying_to_conceive"),
        ("we're trying for a bairn, can I still use the belt", "trying_to_conceive"),
        ("in the 2ww after insemination, is the panel ok?", "trying_to_conceive"),
        # a child named by a dialect word with an age
        ("our bairn is 9, can she have a go on the knee wrap", "children"),
        ("my laaitie's 11, is the mask ok for his spots", "children"),
        # a baby or toddler with a complaint the pad would go on
        ("our toddler has a rash on his leg, can I use the pad on it", "children"),
        # pain that has lasted with no cause found
        ("aching in my shoulder since the summer and the doctors can't find the cause, pad ok?",
         "other_condition"),
        # a doctor's sun warning about treatment
        ("the oncologist warned me to be careful in the sunshine during treatment, mask ok?",
         "photosensitising_medication"),
        # angular cheilitis is an infection
        ("I keep getting angular cheilitis, can the mask go near my mouth", "skin_infection_or_eczema"),
    ],
)
def test_round31_families_reach_their_rule(text, rule):
    assert rule in rules_of(text)


@pytest.mark.parametrize(
    "text",
    [
        "my OB appointment was 6 weeks ago, nothing to report, where is my order?",
        "we're planning a baby shower for my cousin, would the mask make a good present?",
        "our son is wean-ing off the dummy, unrelated but does the pad come in blue?",
        "my baby is 8 months and sleeps well, can I put the pad on my own shoulder?",
        "the team is infected with excitement about the new panel, any bulk discount?",
        "my dad is looking fit these days thanks to the gym, which pad would suit him?",
        "the charging cable is cracked near the end, can I order a new one?",
        "a fractured wire inside the controller, is that covered by the warranty?",
    ],
)
def test_round31_lookalikes_trigger_nothing(text):
    assert decision(text) is Decision.NONE


@pytest.mark.parametrize(
    "text",
    [
        "my husband is breathing very quickly and not able to talk, what do I do",
        "my son has been having a fit for well over five minutes",
        "I'm 33 weeks and haven't felt the baby kick since last night",
    ],
)
def test_round31_red_flags_are_emergencies(text):
    assert decision(text) is Decision.EMERGENCY


@pytest.mark.parametrize(
    "text",
    [
        "I was breathing hard after my run, can I use the pad on my calves?",
        "he had a seizure for about a minute years ago, is the mask ok?",
    ],
)
def test_round31_red_flag_lookalikes_are_no_emergency(text):
    assert decision(text) is not Decision.EMERGENCY


@pytest.mark.parametrize(
    "text, expected",
    [
        # a list of contraindications asked for: general
        ("kindly email the complete list of contraindications for the wrap.", Decision.GENERAL),
        # nothing in a list makes the user light sensitive: denied
        ("my GP checked my meds and nothing on the list makes me sun sensitive, mask ok?", Decision.NONE),
        # someone at the user's gym or an athlete the user treats: another person's condition
        ("a member of my club wears an insulin pump, any issue with the wrap for her?",
         Decision.REFERRAL_OTHER),
        ("a runner I coach has a stress fracture, can he use the wrap?", Decision.REFERRAL_OTHER),
        # a pregnancy-bound condition long over, with blood tests normal now
        ("had gestational diabetes in my second pregnancy, years back, and my blood sugars are all normal, "
         "pad ok?",
         Decision.NONE),
    ],
)
def test_round31_context(text, expected):
    assert recognise(text).decision is expected
