"""The recognition layer: lexicon, inflection, typos, word sense, context and red flags.

The examples are the ones real users typed (issue reports); the large measured corpus is tests/safety.
"""

import pytest

from padsafety.answers import parse_answer
from padsafety.recognition import (
    Decision,
    Experiencer,
    default_recogniser,
    recognise,
    stem,
    tokens,
    within_distance,
)
from padsafety.rules import Answer


def rules_of(text):
    return {m.rule_id for m in recognise(text).affirmed()}


@pytest.mark.parametrize(
    "text, rule",
    [
        ("I'm expecting our first in April", "pregnancy"),
        ("bun in the oven, is it ok?", "pregnancy"),
        ("I'm pregnant", "pregnancy"),
        ("I'm pregant", "pregnancy"),
        ("I'm sensitive to light", "photosensitivity"),
        ("my eczema's flaring", "skin_infection_or_eczema"),
        ("I have excema", "skin_infection_or_eczema"),
        ("skin infections on both arms", "skin_infection_or_eczema"),
        ("I keep getting cold sores", "skin_infection_or_eczema"),
        ("shingles on my back", "skin_infection_or_eczema"),
        ("two open wounds on my shin", "open_wound"),
        ("I have leg ulcers", "open_wound"),
        ("I get fits", "seizures"),
        ("I'm epileptic", "seizures"),
        ("btw i have lupsu", "photosensitivity"),
        ("I have lupus, is the pad safe for me?", "photosensitivity"),
        ("I have Raynaud's", "other_condition"),
        ("I'm on blood thinners", "other_condition"),
        ("I have a-fib", "other_condition"),
        ("I take methotrexate", "photosensitising_medication"),
        ("I use tretinoin every night", "photosensitising_medication"),
        ("I take doxycycline", "photosensitising_medication"),
        ("my mole changed shape", "cancer_in_area"),
        ("I have numbness in my feet", "reduced_sensation"),
        ("I had a detached retina", "eye_condition"),
        ("I have a pacemaker", "implanted_device"),
        ("I have diabetis", "other_condition"),
        ("I'm breastfeeding", "breastfeeding"),
    ],
)
def test_lay_phrasings_reach_their_rule(text, rule):
    assert rule in rules_of(text)
    assert recognise(text).decision in (Decision.REFERRAL, Decision.REFERRAL_OTHER)


@pytest.mark.parametrize(
    "text",
    [
        "sounds good",
        "shed pounds fast?",
        "I wound the cable round the pad",
        "I was in stitches",
        "customs seizure of my parcel",
        "my swimming stroke is improving",
        "I nearly had a stroke when I saw the price",
        "I'm a Cancer, star sign wise",
        "that was a rash decision",
        "cabin fever this winter",
        "my laptop got infected",
        "the pacemaker for my running club",
        "I'm a personal trainer",
        "is there a child safety lock?",
        "I'm feeling great today, just curious",
        "I want to cancel my order",
        "would it help?",
        "it fits nicely around my knee",
        "I'm expecting a delivery on Monday",
        "the ad says it burns belly fat, is that true?",
    ],
)
def test_everyday_english_is_not_a_health_mention(text):
    result = recognise(text)
    assert result.decision is Decision.NONE, result


@pytest.mark.parametrize(
    "text",
    ["I'm not pregnant", "no implants", "I don't have epilepsy", "never had cancer",
     "no, I'm not on any meds"],
)
def test_negated_mentions_are_recognised_as_denied(text):
    result = recognise(text)
    assert result.decision is Decision.NONE
    assert result.mentions == () or all(m.negated for m in result.mentions) or not result.affirmed()


def test_a_new_assertion_ends_the_negation():
    result = recognise("no, but I do have eczema")
    assert result.decision is Decision.REFERRAL
    assert rules_of("I'm not pregnant and I have eczema") == {"skin_infection_or_eczema"}


@pytest.mark.parametrize(
    "text, rule",
    [
        ("my dad has a pacemaker", "implanted_device"),
        ("my mum's on warfarin", "other_condition"),
        ("my son has eczema, can he use it?", "skin_infection_or_eczema"),
        ("my wife is pregnant", "pregnancy"),
    ],
)
def test_someone_elses_condition(text, rule):
    result = recognise(text)
    assert result.decision is Decision.REFERRAL_OTHER
    assert rule in {m.rule_id for m in result.affirmed(Experiencer.OTHER)}


@pytest.mark.parametrize(
    "text",
    ["can people with lupus use it?", "is it safe during pregnancy?", "what if someone has a pacemaker?"],
)
def test_general_questions(text):
    assert recognise(text).decision is Decision.GENERAL


def test_past_history_still_refers():
    result = recognise("I had a stroke last year")
    assert result.decision is Decision.REFERRAL
    assert result.affirmed()[0].past


def test_spans_point_at_the_text():
    text = "My Rheumatoid Arthritis and an infected wound"
    mentions = default_recogniser().find_mentions(text)
    assert [text[m.start : m.end] for m in mentions] == ["Rheumatoid Arthritis", "infected wound"]


@pytest.mark.parametrize(
    "text, flag",
    [
        ("I have chest pain right now", "chest_pain"),
        ("I think I'm having a heart attack", "chest_pain"),
        ("I can't breathe", "breathing"),
        ("her face is drooping and her speech is slurred", "stroke_signs"),
        ("the pad burned my skin", "burn_or_blistering"),
        ("I want to kill myself", "self_harm"),
        ("my dad just fainted", "collapse"),
    ],
)
def test_red_flags(text, flag):
    result = recognise(text)
    assert result.decision is Decision.EMERGENCY
    assert flag in [f.red_flag for f in result.red_flags]


@pytest.mark.parametrize(
    "text, flag",
    [
        ("heavy chest, cold sweat, nausea rn", "chest_pain"),
        ("her lips are going a funny colour", "breathing"),
        ("half my face won't move", "stroke_signs"),
        ("got an electric shock from the pad", "burn_or_blistering"),
        ("nobody would notice if i was gone, i have a plan", "self_harm"),
        ("hes not waking up", "collapse"),
        ("mum seems drunk but she doesn't drink, slurring and wobbly", "stroke_signs"),
    ],
)
def test_red_flags_in_indirect_words(text, flag):
    assert flag in [f.red_flag for f in recognise(text).red_flags]


@pytest.mark.parametrize(
    "text",
    ["I don't have chest pain", "I had a stroke ten years ago", "does it help with blisters from shoes",
     "my swimming stroke", "customs seizure", "I passed out at a concert in 2018, does that matter?",
     "what if I get a blister?", "nearly fainted when I saw the price haha",
     "my dad fainted last summer, he's fine now"],
)
def test_not_red_flags(text):
    assert recognise(text).red_flags == ()


def test_every_unambiguous_synonym_is_found(rulebook):
    recogniser = default_recogniser()
    for condition in rulebook.conditions:
        for synonym in condition.synonyms:
            if synonym in rulebook.ambiguous_terms:
                continue
            found = {m.rule_id for m in recogniser.find_mentions(f"well, I have {synonym}!")}
            assert condition.rule_id in found, synonym


def test_a_phrase_names_one_rule_only(rulebook):
    owner = {}
    for condition in rulebook.conditions:
        for synonym in condition.synonyms:
            key = tuple(t for t, _, _ in tokens(synonym))
            assert owner.setdefault(key, condition.rule_id) == condition.rule_id, synonym


@pytest.mark.parametrize("a, b", [("wounds", "wound"), ("eczema's", "eczema"), ("raynaud's", "raynauds"),
                                  ("infections", "infection"), ("stitches", "stitch")])
def test_stems_agree(a, b):
    assert stem(a) == stem(b)


@pytest.mark.parametrize(
    "a, b, limit, expected",
    [("lupus", "lupsu", 1, True), ("cancer", "cancel", 1, True), ("abc", "abd", 0, False),
     ("diabetes", "diabetis", 1, True), ("pregnant", "tangent", 1, False)],
)
def test_within_distance(a, b, limit, expected):
    assert within_distance(a, b, limit) is expected


@pytest.mark.parametrize(
    "text, answer",
    [
        ("No, I'm not pregnant", Answer.NO),
        ("nope, no pacemaker", Answer.NO),
        ("not that I know of", Answer.NO),
        ("I don't think so", Answer.NO),
        ("yes, I have a small cut on my hand that hasn't healed", Answer.YES),
        ("yep", Answer.YES),
        ("I think so", Answer.UNKNOWN),
        ("maybe", Answer.UNKNOWN),
        ("not sure", Answer.UNKNOWN),
        ("/affirm", Answer.YES),
        ("/dont_know", Answer.UNKNOWN),
        ("sounds good", None),
        ("what counts as acute eczema?", None),
        ("I am confused", None),
        ("ok", None),
    ],
)
def test_explicit_answers(text, answer):
    assert parse_answer(text) is answer


def test_confusables_file_is_up_to_date():
    """Regenerate with `python scripts/make_confusables.py` after changing the lexicon."""
    from pathlib import Path

    from padsafety.recognition import CONFUSABLES_FILE, Recogniser, load_confusables, load_context_rules
    from padsafety.rules import load_rulebook

    words = [Path(p) for p in ("/usr/share/dict/american-english", "/usr/share/dict/british-english")]
    assert all(p.exists() for p in words), "install Debian's wamerican and wbritish (the test command does)"
    import importlib.util

    spec = importlib.util.spec_from_file_location(
        "make_confusables", Path(__file__).parent.parent / "scripts" / "make_confusables.py"
    )
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    vocabulary = set()
    for path in words:
        words_in = path.read_text(errors="ignore").split()
        vocabulary.update(w.lower() for w in words_in if w.replace("'", "").isalpha())
    expected = module.confusable_stems(Recogniser(load_rulebook(), load_context_rules()), vocabulary)
    assert sorted(load_confusables(CONFUSABLES_FILE)) == expected


def test_an_adult_giving_his_age_is_not_a_child():
    result = recognise("I'm a 74 year old man with diabetes")
    assert result.decision is Decision.REFERRAL
    assert "children" not in {m.rule_id for m in result.mentions}


@pytest.mark.parametrize(
    "text",
    [
        "I got an electric shock from the pad and my heart is beating irregularly",
        "she has a big white burn and is confused and hard to wake",
        "I have a fever after my chemo",
        "there is a red streak going up my leg and I am shivering",
        "the pad left a blister on my arm",
    ],
)
def test_urgent_signs_found_in_the_user_study_are_red_flags(text):
    assert recognise(text).decision is Decision.EMERGENCY


@pytest.mark.parametrize("text", ["I popped a race blister on my heel", "I have a blister from running"])
def test_a_sports_blister_is_no_emergency(text):
    assert recognise(text).decision is not Decision.EMERGENCY
