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
        ("don't think so", Answer.NO),
        ("not that I'm aware of", Answer.NO),
        ("not as far as I'm aware", Answer.NO),
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


@pytest.mark.parametrize(
    "text, emergency",
    [
        ("FIRE. the pad is on fire", True),
        ("smoke coming out of the pad!", True),
        ("the charger is sparking", True),
        ("this pad is fire honestly", False),
        ("my back is on fire after the gym", False),
        ("does the pad catch fire if left on?", False),
        ("my last heating pad was smoking hot", False),
    ],
)
def test_a_device_on_fire_is_an_emergency_and_slang_is_not(text, emergency):
    assert (recognise(text).decision is Decision.EMERGENCY) is emergency


@pytest.mark.parametrize(
    "text, condition",
    [("no just the pregnancy", "pregnancy"), ("no, only my eczema", "eczema"),
     ("nothing other than the pacemaker", "pacemaker")],
)
def test_just_or_only_after_no_ends_the_negation(text, condition):
    mentions = {m.condition: m for m in recognise(text).mentions}
    assert condition in mentions and not mentions[condition].negated


# --- development round 4 (tests/safety/dev_round4.yml): general behaviours -------------------------
@pytest.mark.parametrize(
    "text, flag",
    [
        ("got bleach in my eye and it's burning", "eye_injury"),
        ("my son poked himself in the eye with a stick and it's bleeding", "eye_injury"),
        ("sudden flashes and a curtain coming down over the vision in one eye", "eye_injury"),
        ("she's been seizing for 5 minutes", "collapse"),
        ("he's fitting on the floor", "collapse"),
        ("my baby is having a febrile convulsion", "collapse"),
        ("sudden weakness down my right side", "stroke_signs"),
        ("nobody would care if I was gone", "self_harm"),
        ("i'm going to take all my pills tonight", "self_harm"),
        ("my chest feels like it's on fire and I'm sweating loads", "chest_pain"),
        ("she's having an asthma attack and can't speak", "breathing"),
    ],
)
def test_red_flags_in_lay_words(text, flag):
    assert flag in {f.red_flag for f in recognise(text).red_flags}
    assert recognise(text).decision is Decision.EMERGENCY


@pytest.mark.parametrize(
    "text",
    [
        "they're fitting the new kitchen tomorrow",
        "she's fitting the new straps",
        "I'm going to take all my pills with me on holiday",
        "nobody would notice if I skipped a session",
        "I use an acid toner, can it get into my eyes under the mask?",
        "my wallet is having a heart attack",
        "what if I get gel in my eye?",
    ],
)
def test_everyday_english_near_the_new_red_flags_is_no_emergency(text):
    assert recognise(text).decision is not Decision.EMERGENCY


@pytest.mark.parametrize(
    "text",
    [
        "my wallet is having a heart attack",
        "the stock market crash gave investors a heart attack",
        "the suspense is giving me an ulcer lol",
        "prices have been cut in the sale, is it the same model?",
        "my wife's a Cancer and loves a pamper",
        "I work on an oncology ward, could I bring it in on my breaks?",
        "I'm a nurse on a cardiac ward",
        "that wound me up no end",
        "I wound the cable round the pad",
        "the wifi keeps having a fit",
        "should I stop if I feel dizzy during a session?",
    ],
)
def test_idioms_and_figures_of_speech_get_nothing(text):
    assert recognise(text).decision is Decision.NONE


def test_a_relation_the_mention_starts_with_is_the_experiencer():
    # the pattern begins at the relation ("wife's 30 weeks"): it is hers, not the user's
    assert recognise("my wife's 30 weeks and wants to use it on her back").decision is Decision.REFERRAL_OTHER
    assert recognise("my sister's expecting and her back is killing her").decision is Decision.REFERRAL_OTHER
    # a relation after the start of the mention is not its experiencer: "nursing my son" is the mother's
    assert recognise("I'm nursing my son at night").decision is Decision.REFERRAL


def test_expecting_and_is_not_expecting_an():
    # the look-ahead excluding "expecting a/an ..." must match whole words only
    assert "pregnancy" in rules_of("my sister's expecting and her back is killing her")
    assert "pregnancy" not in rules_of("my sister's expecting a parcel from you")


def test_gone_means_over_only_when_nothing_follows():
    rash = [m for m in recognise("the rash has gone").mentions if m.condition == "eczema"]
    assert rash and rash[0].negated
    assert recognise("my baby's nappy rash has gone fungal").decision is Decision.REFERRAL_OTHER


def test_wound_is_a_noun_after_a_determiner_and_a_verb_before_an_object():
    assert "open_wound" in rules_of("I stood on a nail and have a puncture wound in my foot")
    assert recognise("I wound the cable round the pad").decision is Decision.NONE


@pytest.mark.parametrize("text", ["POTS", "JME", "ICD + bad knees, can I use the knee pad"])
def test_an_ambiguous_abbreviation_in_capitals_is_the_medical_one(text):
    assert recognise(text).decision is Decision.REFERRAL
    # the same letters in lower case, or a message in capitals throughout, still ask
    assert recognise(text.lower()).decision is Decision.CLARIFY


def test_a_real_word_in_capitals_for_emphasis_is_not_an_abbreviation():
    assert recognise("does it FIT a small waist").decision is not Decision.REFERRAL


def test_a_risk_question_is_general_and_a_disclosure_is_not():
    assert recognise("can red light trigger a seizure if I have epilepsy?").decision is Decision.GENERAL
    assert recognise("flashing lights can give me seizures").decision is Decision.REFERRAL


def test_supposed_distress_is_not_distress():
    assert recognise("should I stop if I feel dizzy?").decision is Decision.NONE
    assert recognise("I feel really dizzy").decision is Decision.ASK_IF_URGENT


def test_someone_who_died_of_it_is_no_referral_but_nearly_died_is():
    assert recognise("my grandad died of a heart attack when I was little").decision is Decision.NONE
    nearly = recognise("my mum nearly died of sepsis and still gets infections")
    assert nearly.decision is Decision.REFERRAL_OTHER


def test_long_over_acute_history_told_by_age_is_resolved():
    assert recognise("broke my arm when I was 10").decision is Decision.NONE
    assert recognise("I had a stroke when I was 50").decision is Decision.REFERRAL  # lasting history


@pytest.mark.parametrize(
    "text, rule",
    [
        ("we just found out we're having twins", "pregnancy"),
        ("my milk came in yesterday", "breastfeeding"),
        ("still bf my toddler twice a day", "breastfeeding"),
        ("the wound from my back surgery still hasn't fully healed", "open_wound"),
        ("my toe where they took the nail off is still raw and weepy", "open_wound"),
        ("they're investigating a thyroid nodule", "cancer_in_area"),
        ("on the 2ww pathway for a skin lesion", "cancer_in_area"),
        ("my son has Dravet syndrome", "seizures"),
        ("I have Stargardt disease", "eye_condition"),
        ("my shin is numb after the operation", "reduced_sensation"),
        ("migraines that kick off when i'm in bright light", "eye_condition"),
        ("does it help poor circulation?", "other_condition"),
    ],
)
def test_round_four_lay_phrasings_reach_their_rule(text, rule):
    assert rule in {m.rule_id for m in recognise(text).mentions if m.affirmed}


def test_two_week_wait_pathway_is_not_pregnancy():
    assert "pregnancy" not in rules_of("on the 2ww pathway for a skin lesion")


def test_idiom_spans_are_shared_between_mentions_and_red_flags_but_never_stale():
    recogniser = default_recogniser()
    first = recogniser._idiom_spans("stroke of luck")
    assert recogniser._idiom_spans("I have lupus") == []
    assert recogniser._idiom_spans("stroke of luck") == first != []


def test_every_development_batch_is_read_as_development_data():
    import importlib.util
    import sys
    from pathlib import Path

    path = Path(__file__).parent.parent / "scripts" / "safety_eval.py"
    spec = importlib.util.spec_from_file_location("safety_eval", path)
    module = importlib.util.module_from_spec(spec)
    sys.modules["safety_eval"] = module  # its dataclasses look their module up while being defined
    try:
        spec.loader.exec_module(module)
    finally:
        del sys.modules["safety_eval"]
    texts = {item["text"] for item in module.load_corpus("dev")["positives"]}
    assert "we just found out we're having twins!! can I still use the face mask" in texts  # round 4
    assert "road rash down my whole thigh from coming off the scooter 😬 still wet" in texts  # round 2


@pytest.mark.parametrize(
    "text, condition",
    [("I never said I'm pregnant. I'm 67 and male.", "pregnancy"),
     ("i am a man, i cant be pregnant", "pregnancy"),
     ("I didn't say I was pregnant", "pregnancy")],
)
def test_a_denial_of_having_said_it_negates(text, condition):
    mentions = {m.condition: m for m in recognise(text).mentions}
    assert mentions[condition].negated


@pytest.mark.parametrize("text", ["why the pacemaker thing?", "how come pregnancy is on the list?"])
def test_why_a_rule_is_a_general_question(text):
    assert recognise(text).decision is Decision.GENERAL


@pytest.mark.parametrize(
    "text, burn",
    [
        ("the pad got really hot and now there's a red mark on my leg that hurts", True),
        ("the pad was too hot and it stings now", True),
        ("it was so hot I could not sleep, my back hurts", False),
        ("the pad gets hot, is that normal?", False),
    ],
)
def test_a_painful_mark_after_the_pad_got_too_hot_is_a_burn(text, burn):
    assert ("burn_or_blistering" in {f.red_flag for f in recognise(text).red_flags}) is burn


@pytest.mark.parametrize(
    "text, referral",
    [("i have high preshure of blood, is problem?", True), ("my blood pressure is high", True),
     ("the water pressure is high in my shower", False), ("high pressure sales tactics", False)],
)
def test_high_blood_pressure_in_lay_words(text, referral):
    assert (recognise(text).decision is Decision.REFERRAL) is referral


@pytest.mark.parametrize(
    "text, crisis",
    [
        ("honestly I'm so worn out. some days I think it would be easier not to be here anymore.", True),
        ("it would be easier if I weren't around", True),
        ("I wish I wasn't here", True),
        ("I wish I wasn't here at this boring meeting", False),
        ("I won't be here anymore next week, moving house", False),
        ("it's easier not to use it every day", False),
    ],
)
def test_a_passive_wish_not_to_be_alive_gets_the_crisis_reply(text, crisis):
    assert ("self_harm" in {f.red_flag for f in recognise(text).red_flags}) is crisis


@pytest.mark.parametrize(
    "text, emergency",
    [
        ("not an emergency. I burned my hand on the oven a week ago. it's pink and healing, skin closed. "
         "would the pad help it heal?", False),
        ("I burned my hand on the pad, help", True),
        ("help my chest hurts", True),
    ],
)
def test_an_old_healing_burn_is_no_emergency(text, emergency):
    assert (recognise(text).decision is Decision.EMERGENCY) is emergency


@pytest.mark.parametrize(
    "text", ["I don't think so, but we're trying for a baby", "my period is a few days late",
             "I burn super fast in sunlight"],
)
def test_a_possible_pregnancy_or_sun_sensitivity_in_lay_words(text):
    assert recognise(text).decision is Decision.REFERRAL


# --- development round 5 (tests/safety/dev_round5.yml): general behaviours -------------------------
@pytest.mark.parametrize(
    "text, rule",
    [
        ("hubby and I are expecting in october", "pregnancy"),
        ("me and my husband are expecting", "pregnancy"),
        ("did two tests and both were positive", "pregnancy"),
        ("the baby's kicking like mad, is the pad ok while I'm this far along?", "pregnancy"),
        ("I'm carrying twins", "pregnancy"),
        ("I express milk for my prem baby", "breastfeeding"),
        ("my atopic derm is terrible this month", "skin_infection_or_eczema"),
        ("I've got a weeping sore on my leg", "open_wound"),
        ("the sun makes my skin break out in welts", "photosensitivity"),
        ("i have lupas", "photosensitivity"),
        ("G7 on my arm, can the light interfere with the readings", "implanted_device"),
        ("I have a Nevro implant for my back pain", "implanted_device"),
        ("been on Oracea for my rosacea", "photosensitising_medication"),
        ("I have no sensation in my right foot", "reduced_sensation"),
        ("my fingertips are numb all the time", "reduced_sensation"),
        ("my eyes have been very light sensitive since my concussion", "eye_condition"),
        ("I've got osteo in both knees", "other_condition"),
        ("I'm asthmatic", "other_condition"),
        ("I've got hEDS", "other_condition"),
    ],
)
def test_round_five_vocabulary_reaches_its_rule(text, rule):
    assert rule in rules_of(text)


@pytest.mark.parametrize(
    "text", ["did two covid tests and both were positive", "the G7 summit was on tv",
             "my husband and I are expecting guests"],
)
def test_round_five_vocabulary_keeps_its_everyday_senses_apart(text):
    assert "pregnancy" not in rules_of(text) and "implanted_device" not in rules_of(text)


@pytest.mark.parametrize(
    "text", ["my c-section scar closed up months ago, can I use the wrap on my tummy",
             "stitches came out last week and it's healed, can I use the pad on my knee now"],
)
def test_a_closed_surgical_wound_is_another_condition_not_an_open_wound(text):
    # contraindications.yml: a surgery scar is "another medical condition" (ask a doctor), not "do not use"
    assert rules_of(text) == {"other_condition"}
    assert recognise(text).decision is Decision.REFERRAL


def test_a_question_about_an_unlisted_medicine_is_general_not_the_users_photosensitivity():
    result = recognise("Does metformin make skin sensitive to light?")
    assert result.decision is Decision.GENERAL
    assert not result.affirmed(Experiencer.SELF)


def test_not_flaring_denies_only_a_rule_about_the_acute_state():
    assert recognise("my eczema is not flaring at the moment").decision is Decision.NONE
    assert recognise("my eczema hasn't flared up in years").decision is Decision.NONE
    assert recognise("my eczema is bad right now").decision is Decision.REFERRAL
    assert recognise("my lupus isn't flaring right now").decision is Decision.REFERRAL  # lupus is lasting


@pytest.mark.parametrize(
    "text, decision",
    [
        ("our dog had surgery last week, unrelated, but do you ship fast?", Decision.NONE),
        ("my cat has diabetes lol", Decision.NONE),
        ("my dog is expecting puppies next month", Decision.NONE),
        ("my horse had a cut on his leg", Decision.NONE),
        ("the dog scratched my arm badly, a deep scratch that keeps reopening", Decision.REFERRAL),
        ("my cat has cancer and so do I", Decision.REFERRAL),
        ("my horse and I both have arthritis", Decision.REFERRAL),
    ],
)
def test_a_pets_condition_is_not_a_persons_but_a_pets_bite_is(text, decision):
    assert recognise(text).decision is decision


@pytest.mark.parametrize(
    "text, decision",
    [
        ("I was on roaccutane as a teenager", Decision.NONE),
        ("used to be on warfarin but came off it in 2020", Decision.NONE),
        ("I tore my ACL at uni", Decision.NONE),
        ("I was on accutane until last month", Decision.REFERRAL),
        ("I had a stroke at uni", Decision.REFERRAL),  # lasting history is never resolved
    ],
)
def test_a_medicine_or_injury_long_over_is_resolved(text, decision):
    assert recognise(text).decision is decision


@pytest.mark.parametrize(
    "text",
    [
        "the new update is a cancer on the app",
        "the last pad I bought was a total cancer to set up",
        "the delivery driver had a fit when he saw our stairs",
        "I cut the cardboard box open and the pad was scratched",
        "can I cut the strap shorter?",
        "the cable got cut by the hoover",
        "we're expecting a heatwave, will the pad overheat?",
        "I had a stroke of bad luck with the courier",
        "the lads were in fits when I wore the mask",
        "the LED strip is light sensitive and dims at night",
        "I'm training for a 10k and the pacer app keeps crashing",
        "my team is fit to burst with excitement",
        "that's a blister pack of batteries, right?",
        "my nephew's band is called The Seizures",
        "I run a cancer support group and want to buy ten",
        "the strap cuts into my shoulder a bit, is there a bigger one?",
    ],
)
def test_round_five_idioms_and_homonyms_get_nothing(text):
    assert recognise(text).decision is Decision.NONE


def test_an_unambiguous_condition_beside_an_ambiguous_word_is_its_health_cue():
    assert recognise("my wife's on doxy for rosacea").decision is Decision.REFERRAL_OTHER
    assert "photosensitising_medication" in rules_of("my wife's on doxy for rosacea")
    assert "implanted_device" in rules_of("should I disconnect my pump before sessions?")


@pytest.mark.parametrize(
    "text, flag",
    [
        ("I dozed off under the panel and my back is burnt and weeping", "burn_or_blistering"),
        ("I don't see the point in carrying on any more", "self_harm"),
        ("everyone would be better off if I was dead", "self_harm"),
    ],
)
def test_round_five_red_flags(text, flag):
    assert flag in {f.red_flag for f in recognise(text).red_flags}


@pytest.mark.parametrize(
    "text", ["I don't see the point in carrying on with the subscription",
             "my back got burnt on holiday last year, is the pad ok now?"],
)
def test_round_five_red_flags_keep_their_everyday_senses_apart(text):
    assert recognise(text).decision is not Decision.EMERGENCY


def test_a_blister_from_the_sun_is_photosensitivity_not_a_device_burn():
    sun = recognise("my skin blisters in the sun")
    assert sun.decision is Decision.REFERRAL and "photosensitivity" in rules_of("my skin blisters in the sun")
    assert recognise("the pad left a blister on my arm").decision is Decision.EMERGENCY


# --- development round 6 (tests/safety/dev_round6.yml): general behaviours -------------------------
@pytest.mark.parametrize(
    "text",
    [
        # two FAST signs in lay words, either order, for the user or a relative
        "dad can't find his words and his arm is dead",
        "my hand won't grip and my mouth feels pulled over",
        "her face looks wrong and the words won't come out",
        "i cnat move my right arm and my face feels droopy",
        # one-sided face signs alone
        "my wife's face is hanging down on the left",
        "half his face is slipping down",
    ],
)
def test_round_six_stroke_signs_in_lay_words(text):
    assert "stroke_signs" in {f.red_flag for f in recognise(text).red_flags}


@pytest.mark.parametrize(
    "text",
    [
        "my arm's dead from carrying the shopping, which pad?",  # one sign alone, with its everyday cause
        "I can't get my words out on the phone, can I email instead?",
        "my face is sagging and I can't lift the panel onto the stand",
        "my face dropped when we heard the news about the sale",
        "my arm's been weak since my stroke last year, would the pad help?",  # lasting since a past stroke
    ],
)
def test_round_six_single_signs_idioms_and_stroke_history_are_no_emergency(text):
    assert recognise(text).decision is not Decision.EMERGENCY


def test_a_stroke_sign_that_came_on_today_after_a_past_stroke_is_still_an_emergency():
    text = "my arm went weak since my stroke this morning and my face is droopy"
    assert recognise(text).decision is Decision.EMERGENCY


@pytest.mark.parametrize(
    "text",
    [
        "there's like a heavy weight on my chest and I'm clammy",
        "feels like somebody is sitting on my chest",
        "chest feels crushed in a vice",
        "my chets hurts so much",
        "pain shooting down into my left arm and I'm sweating",
    ],
)
def test_round_six_heart_attack_in_lay_words(text):
    assert "chest_pain" in {f.red_flag for f in recognise(text).red_flags}


@pytest.mark.parametrize(
    "text",
    [
        "chess tournament pressure is intense",
        "I put a kettlebell weight on my chest for sit ups",
        "the price alone gave me chest pains lol",
        "glad to get that off my chest",
    ],
)
def test_round_six_chest_idioms_are_no_emergency(text):
    assert recognise(text).decision is not Decision.EMERGENCY


@pytest.mark.parametrize(
    "text",
    [
        "I feel like ending things",
        "I've been saving up my pills to take them all",
        "I'd rather be dead",
        "he doesn't want to live any more",
        "I keep thinking about jumping off the bridge",
    ],
)
def test_round_six_hopelessness_said_indirectly_gets_the_crisis_reply(text):
    assert "self_harm" in {f.red_flag for f in recognise(text).red_flags}


@pytest.mark.parametrize(
    "text",
    [
        "ending things with my old pad, buying yours",
        "I want these wrinkles to disappear for good",
        "I'd rather be dead than seen in that colour",
        "I'm done with life admin for today",
        "I've written notes for my family on how to use the pad",
    ],
)
def test_round_six_self_harm_patterns_keep_their_everyday_senses_apart(text):
    assert recognise(text).decision is not Decision.EMERGENCY


@pytest.mark.parametrize(
    "text",
    [
        "she passed out the leaflets at the fair",
        "I blacked out the bedroom windows",
        "the tent collapsed in the wind",
        "does it collapse flat for storage?",
        "I about fainted when I saw the delivery fee",
        "the courier isn't answering",
        "swipe or stroke the screen to change mode?",
    ],
)
def test_round_six_everyday_collapse_pass_out_and_stroke_are_nothing(text):
    assert recognise(text).decision is Decision.NONE


@pytest.mark.parametrize(
    "text, flag",
    [
        ("my brother went floppy and his eyes rolled back", "collapse"),
        ("my throat's closing up", "breathing"),
        ("the belt got too hot and there's a bubble on my skin", "burn_or_blistering"),
    ],
)
def test_round_six_other_red_flags_in_lay_words(text, flag):
    assert flag in {f.red_flag for f in recognise(text).red_flags}


def test_a_household_burn_with_a_blister_is_an_open_wound_not_the_device_burn():
    small = recognise("burnt my finger on the kettle this morning, small blister")
    assert small.decision is Decision.REFERRAL and "open_wound" in rules_of(
        "burnt my finger on the kettle this morning, small blister")
    # severe, or caused by the device: still the emergency
    severe = recognise("scalded my hand with boiling water just now, huge blisters")
    assert severe.decision is Decision.EMERGENCY
    assert recognise("the pad got hot and left a blister").decision is Decision.EMERGENCY


@pytest.mark.parametrize(
    "text",
    [
        "no chance I'm on accutane",
        "no way am I pregnant",
        "as if I'd be breastfeeding at my age",
        "me? pregnant? lol no",
        "I'm a bloke, pregnant isn't on the cards",
        "definitely not diabetic",
    ],
)
def test_round_six_negation_in_varied_forms(text):
    assert recognise(text).decision is Decision.NONE


def test_being_male_denies_only_the_users_own_pregnancy():
    assert recognise("my wife is pregnant, I'm a bloke").decision is Decision.REFERRAL_OTHER
    assert recognise("pregnant? no chance, I'm a man").decision is Decision.NONE
    # only beside a denial or a joke: a trans man's pregnancy still counts
    assert recognise("I'm a trans guy and 20 weeks pregnant").decision is Decision.REFERRAL


@pytest.mark.parametrize(
    "text, decision",
    [
        ("asking for a friend, can you use it with lupus?", Decision.GENERAL),
        ("are there medicines that make you sensitive to the light?", Decision.GENERAL),
        ("in theory, could it affect someone's glaucoma?", Decision.GENERAL),
        ("asking for my brother, he's on isotretinoin", Decision.REFERRAL_OTHER),
        ("I take pills that make me sensitive to light", Decision.REFERRAL),
    ],
)
def test_round_six_general_questions(text, decision):
    assert recognise(text).decision is decision


@pytest.mark.parametrize(
    "text",
    ["my lad's got eczema", "my lass is on doxycycline", "me mam has a pacemaker", "our eldest has epilepsy"],
)
def test_round_six_lay_relations_are_someone_else(text):
    assert recognise(text).decision is Decision.REFERRAL_OTHER


@pytest.mark.parametrize(
    "text, rule",
    [
        ("had a baby last month and I'm feeding him", "breastfeeding"),
        ("still giving her the boob", "breastfeeding"),
        ("a little one cooking, due in spring", "pregnancy"),
        ("we heard the heartbeat at the dating scan", "pregnancy"),
        ("the blister on my heel has opened up", "open_wound"),
        ("sunshine brings me out in a rash", "photosensitivity"),
        ("I have a heart device", "implanted_device"),
    ],
)
def test_round_six_lay_vocabulary_reaches_its_rule(text, rule):
    assert rule in rules_of(text)


@pytest.mark.parametrize(
    "text, decision",
    [
        ("had a cold sore years ago, none since", Decision.NONE),
        ("my face drooped after my stroke in 2019 and it's still lopsided", Decision.REFERRAL),
    ],
)
def test_round_six_past_versus_present(text, decision):
    assert recognise(text).decision is decision


@pytest.mark.parametrize(
    "text, decision",
    [
        ("me, a pacemaker? ha, no", Decision.NONE),  # the pronoun, not ME (the illness)
        ("ME/CFS, can red light help my fatigue", Decision.REFERRAL),
        ("my hand's gone numb from scrolling lol", Decision.NONE),  # an everyday cause
        ("I was choking back tears at the results photos", Decision.NONE),
        ("asking for a friend who's pregnant", Decision.REFERRAL_OTHER),
        ("our little one has a pump for diabetes", Decision.REFERRAL_OTHER),
        ("cancer-free for five years now", Decision.NONE),
    ],
)
def test_round_six_pronouns_everyday_causes_and_lay_relations(text, decision):
    assert recognise(text).decision is decision


@pytest.mark.parametrize(
    "text, flag",
    [
        ("my wife's eye and cheek have dropped and she's making no sense", "stroke_signs"),
        ("it feels like bad indigestion in my chest and I'm sweating and grey", "chest_pain"),
        ("I don't think I can keep going anymore", "self_harm"),
        ("it would be easier if I just didn't wake up", "self_harm"),
        ("life isn't worth it anymore", "self_harm"),
    ],
)
def test_round_six_more_lay_red_flags(text, flag):
    assert flag in {f.red_flag for f in recognise(text).red_flags}


@pytest.mark.parametrize(
    "text", ["life isn't worth living without chocolate", "I can't keep going to the gym anymore"]
)
def test_round_six_more_red_flag_words_in_everyday_senses(text):
    assert recognise(text).decision is not Decision.EMERGENCY


@pytest.mark.parametrize(
    "text, decision",
    [
        ("my dad's clutching at his chest and sweating", Decision.EMERGENCY),
        ("everyone would be happier without me", Decision.EMERGENCY),
        ("I've got no reason to keep going", Decision.EMERGENCY),
        ("I'm thinking of taking all my sleeping pills", Decision.EMERGENCY),
        ("there's no way out for me anymore", Decision.EMERGENCY),
        ("as if I'd have a pacemaker, I'm 25", Decision.NONE),
        ("are there any drugs that make it unsafe?", Decision.GENERAL),
        ("burnt my arm on the oven, it blistered, not from the pad", Decision.REFERRAL),
        ("I nearly collapsed from laughing", Decision.NONE),
        ("the pressure of the strap on my chest is a bit much", Decision.NONE),
    ],
)
def test_round_six_further_causes(text, decision):
    assert recognise(text).decision is decision


@pytest.mark.parametrize(
    "text",
    [
        "I want it to stop beeping for good",
        "my kids would be happier if I wasn't around the house all day lol",
        "I lost the use of my old pad and can't find the words to say how much I miss it",
        "my chest feels sweaty under the wrap and I look pale in photos",
        "the app keeps saying the wrong words and the mask won't work",
        "my words are coming out wrong in this review, the mask is great though",
    ],
)
def test_round_six_everyday_senses_of_the_new_and_old_red_flag_words(text):
    assert recognise(text).decision is not Decision.EMERGENCY


# --- user study round 6 -------------------------------------------------------------------------------


@pytest.mark.parametrize(
    "text, decision",
    [
        # "on myself" was a self-harm pattern since the first corpus: every "can I use it on myself" got
        # the crisis reply
        ("can i use it on myself", Decision.NONE),
        ("ok what about on myself then, my hips are stiff too haha", Decision.NONE),
        ("some days i honestly feel like giving up on everything", Decision.EMERGENCY),
        ("im giving up on the pad, it does nothing", Decision.NONE),
        ("i keep hurting myself", Decision.EMERGENCY),
        # a question whether the device burns is no burn of the user's
        ("can it burn me", Decision.NONE),
        ("the pad wouldn't actually burn me, would it?", Decision.NONE),
    ],
)
def test_user_study_round_six(text, decision):
    assert recognise(text).decision is decision


def test_a_weapon_used_on_oneself_is_still_a_crisis():
    assert recognise("i have a knife and i'm going to use it on myself").decision is Decision.EMERGENCY
    assert recognise("i bought the pad and want to use it on myself").decision is Decision.NONE


# user study round 7 (#42): the warning signs of pre-eclampsia are an emergency in pregnancy, said in the same
# message or earlier in the conversation (``known``); "seeing spots" is the vision, not the skin
@pytest.mark.parametrize(
    "text, known",
    [
        ("I'm 34 weeks pregnant. My feet are really swollen since yesterday and I have a bad headache and "
         "seeing spots. Can the red light pad help the swelling?", ()),
        ("im 34 weeks with a pounding headache and seeing sparkly lights", ()),
        ("28 weeks pregnant and my vision has gone all blurry", ()),
        ("my wife is 36 weeks pregnant and her face and hands puffed up overnight", ()),
        ("ok no pad. the headache is getting worse and the flashing spots wont go away", ("pregnancy",)),
        ("i feel dizzy and sick, my vision is blurry", ("pregnancy",)),
        ("there's a pain just under my right ribs", ("pregnancy",)),
    ],
)
def test_pregnancy_warning_signs_are_an_emergency_in_pregnancy(text, known):
    result = recognise(text, frozenset(known))
    assert result.decision is Decision.EMERGENCY
    assert "pregnancy_warning_signs" in {f.red_flag for f in result.red_flags}


@pytest.mark.parametrize(
    "text, known",
    [
        ("the headache is getting worse and the flashing spots wont go away", ()),  # nobody pregnant
        ("I'm not pregnant, just a bad headache and seeing spots", ()),
        ("can pregnant women with bad headaches use it?", ()),  # a general question
        ("pregnant and my ankles swell a bit in the evening, would it help?", ()),  # no sudden swelling
        ("I'm 20 weeks pregnant and I see spots on my face, is it acne?", ()),  # skin spots
        ("I'm pregnant, no headache, no blurred vision, just back pain", ()),
        ("had a bad headache last week", ("pregnancy",)),  # past
        ("the pad has flashing lights, is that normal?", ("pregnancy",)),  # the pad, not the vision
    ],
)
def test_no_pregnancy_warning_without_a_pregnancy_now_or_a_sign(text, known):
    assert "pregnancy_warning_signs" not in {f.red_flag for f in recognise(text, frozenset(known)).red_flags}


# user study round 7 (#41): a condition word in a question about what one has read is not the user's
@pytest.mark.parametrize(
    "text, condition",
    [
        ("is it ok on the abdomen? i read something about pregnancy and belly", "pregnancy"),
        ("i saw a video on lupus and red light, is that true", "lupus"),
        ("heard something about pacemakers and these pads, does that matter", "pacemaker"),
    ],
)
def test_a_topic_read_or_heard_about_is_not_the_users_condition(text, condition):
    mentions = [m for m in recognise(text).mentions if m.condition == condition]
    assert mentions and all(m.experiencer is Experiencer.GENERAL and m.reported for m in mentions)
    assert recognise(text).decision is Decision.GENERAL


@pytest.mark.parametrize(
    "text", ["just found out about my pregnancy, is it ok", "i read about it and i'm pregnant, can i use it"]
)
def test_a_disclosure_beside_reading_is_still_the_users(text):
    assert recognise(text).decision is Decision.REFERRAL


# user study round 7 (#31): a question after a comma is read on its own for whose condition it names
def test_a_question_after_a_comma_is_not_the_statement_before_it():
    result = recognise("im on methotrexate, is that one of the meds that make you light sensitive?")
    own = {m.condition for m in result.affirmed(Experiencer.SELF)}
    assert own == {"photosensitising medication"}  # methotrexate, said of themselves
    assert "photosensitivity" not in own  # the question's "light sensitive" is not a disclosure
    asked = {m.experiencer for m in result.affirmed() if m.condition == "photosensitivity"}
    assert asked == {Experiencer.GENERAL}
    # the statement keeps its person, and a health cue beyond the comma still counts
    assert recognise("i'm 12 weeks pregnant, can i use it on my back?").decision is Decision.REFERRAL
    third = recognise("third tri, ankles like balloons, would the red light help circulation in my feet")
    assert "pregnancy" in {m.rule_id for m in third.affirmed(Experiencer.SELF)}


# --- user study round 6: metal implants, comparisons, closed grazes, the light burning, doctors ----------
@pytest.mark.parametrize(
    "text",
    [
        "I have a titanium knee replacement, can I use it on my knee?",
        "I've got a metal plate and two screws in my ankle from an old break",
        "my hip replacement is titanium, is the pad ok over it?",
        # a comparison names no pacemaker of the user's (round 6, #30)
        "the metal in my knee, is that a problem like a pacemaker?",
        "its not electronic, its just titanium and plastic",
    ],
)
def test_a_metal_implant_is_no_condition_and_no_pacemaker(recogniser, text):
    assert recogniser.recognise(text).decision is Decision.NONE


@pytest.mark.parametrize(
    "text",
    [
        "recovering from a hip replacement, is the pad ok on my hip",
        "my knee replacement was 6 weeks ago",
        "had a hip replacement in the spring, still sore",
        "my mum's just had her knee replaced",
    ],
)
def test_a_recent_joint_replacement_is_still_recent_surgery(recogniser, text):
    mentions = recogniser.recognise(text).affirmed()
    assert [(m.rule_id, m.condition) for m in mentions] == [("other_condition", "recent surgery")]


@pytest.mark.parametrize(
    "text, referred",
    [
        # closed and healing: what the source says may be helped, not an open wound (round 6, #06)
        ("its just a small graze, not deep, already scabbed over", False),
        ("the graze is healing nicely", False),
        ("the graze is still open and weepy", True),
        # asking whether the light burns is no burn (round 6, #11)
        ("i asked if the light can burn my skin", False),
    ],
)
def test_a_closed_graze_and_a_burn_question_are_no_open_wound(recogniser, text, referred):
    rules = {m.rule_id for m in recogniser.recognise(text).affirmed()}
    assert ("open_wound" in rules) is referred


def test_a_cardiologist_is_a_doctor_not_a_heart_condition(recogniser):
    # "she asked her cardiologist and he said go ahead" named no new condition (round 6, #10 and #16)
    assert recogniser.recognise("my cardiologist said it's fine").decision is Decision.NONE
    assert recogniser.recognise("I have a heart condition").decision is Decision.REFERRAL


@pytest.mark.parametrize("text, answer", [("haha no, im 72", Answer.NO), ("lol yes", Answer.YES)])
def test_a_laugh_before_the_answer_still_answers(text, answer):
    # "haha no, im 72" to the pregnancy question was asked again (user study round 6, #05)
    assert parse_answer(text) is answer


# --- development round 7 (tests/safety/dev_round7.yml): general behaviours -------------------------
@pytest.mark.parametrize(
    "text, decision",
    [
        ("she's with child, her second", Decision.REFERRAL_OTHER),
        ("I'm with child services on the phone", Decision.CLARIFY),  # not the phrase: asked, as before
        ("can i do my shoulders? im bf", Decision.REFERRAL),
        ("im bf with her since school", Decision.NONE),  # a best friend
        ("is it ok to use while nursing?", Decision.REFERRAL),  # an activity after "while": the asker's
        ("is it safe for women while breastfeeding", Decision.GENERAL),
        ("what do doctors say about using it while pregnant", Decision.GENERAL),
    ],
)
def test_round_seven_pregnancy_and_breastfeeding_slang(text, decision):
    assert recognise(text).decision is decision


@pytest.mark.parametrize(
    "text",
    [
        "the scab on my knee keeps reopening when I kneel",
        "had a tooth pulled on monday, can I use the face mask",
        "my molar was extracted and the socket is still sore",
        "there's an open patch on my arm after the laser treatment",
        "grazed my palm on the path, it's still pink and wet",
        "got my nose pierced on friday, is the mask ok",
        "new belly button piercing, ok for the tummy pad?",
        "took a chunk out of my finger on the grater",
        "it's still a raw hole under the dressing",
    ],
)
def test_round_seven_open_wounds_in_lay_words(text):
    assert "open_wound" in rules_of(text)


@pytest.mark.parametrize(
    "text",
    [
        "got my ears pierced 10 years ago",
        "there's an open spot in my calendar on friday",
        "a raw hole in the fabric",
        "had a tooth out years ago, there's a gap",
        "my tattoo from last week has healed nicely",
    ],
)
def test_round_seven_wound_words_in_their_everyday_senses(text):
    assert recognise(text).decision is Decision.NONE


@pytest.mark.parametrize(
    "text, rule",
    [
        ("I go bright red within 10 minutes in the sun", "photosensitivity"),
        ("i burn in about 5 mins outside", "photosensitivity"),
        ("turn lobster red even with factor 50", "photosensitivity"),
        ("my dermatologist prescribed a vitamin A cream", "photosensitising_medication"),
        ("on treclin for my spots", "photosensitising_medication"),
        ("the gp put me on new tablets and told me to stay out of the sun", "photosensitising_medication"),
        ("a patch on my nose keeps scabbing over and comes back", "cancer_in_area"),
        ("there's a spot on my temple that never heals", "cancer_in_area"),
        ("poor feeling in both feet since my back injury", "reduced_sensation"),
        ("i don't feel hot or cold properly in my hands", "reduced_sensation"),
        ("my calf muscle is partially torn", "other_condition"),
        ("knee replacement in october, can i use the wrap on it", "other_condition"),
        ("fungal rash under my breasts", "skin_infection_or_eczema"),
        ("I have dry eye disease", "eye_condition"),
    ],
)
def test_round_seven_lay_vocabulary_reaches_its_rule(text, rule):
    assert rule in rules_of(text)


@pytest.mark.parametrize(
    "text",
    [
        "I burn easily, even with spf",  # burning easily is no sign of photosensitivity on its own
        "im taking vitamin d, nurse said avoid the sun",
        "the spot keeps coming back every month before my period",
        "i don't feel heat from the pad properly",
        "the box arrived partially torn",
        "dry eyes from screens",
    ],
)
def test_round_seven_vocabulary_keeps_its_everyday_senses_apart(text):
    assert recognise(text).decision not in (Decision.REFERRAL, Decision.EMERGENCY)


@pytest.mark.parametrize(
    "text, decision",
    [
        # a diagnosed cancer treated and "all clear" is still history; a checked lump or a scare is not
        ("had bowel cancer in 2016, all clear since", Decision.REFERRAL),
        ("had a lump checked last year, all clear", Decision.NONE),
        ("had a cancer scare in 2018, all clear now", Decision.NONE),
        ("cancer-free for five years now", Decision.NONE),
        # a suspected tumour checked and found normal is denied; "fine to use" is not a finding
        ("the lump in my breast was checked and the doctor said it's benign", Decision.NONE),
        ("had a mole checked, they said it's fine to use the pad on it", Decision.REFERRAL),
        # the wound healed, not the operation
        ("had a hip replacement in september, wound is healed", Decision.REFERRAL),
        ("had my appendix out 15 years ago, fully healed", Decision.NONE),
        # a symptom still there keeps an old operation current; minor injuries long over do not count
        ("knee surgery 3 years ago, still get pain", Decision.REFERRAL),
        ("got stitches when i was about 8", Decision.NONE),
        ("sprained my wrist in school, been fine for years", Decision.NONE),
        ("pulled a muscle in uni", Decision.NONE),
    ],
)
def test_round_seven_past_and_resolved_history(text, decision):
    assert recognise(text).decision is decision


@pytest.mark.parametrize(
    "text, decision",
    [
        ("flatmate has epilepsy, can I use the mask in the lounge", Decision.REFERRAL_OTHER),
        ("neighbour has a pacemaker, can I use the pad near her", Decision.REFERRAL_OTHER),
        # a pronoun that opens the mention is whose it is
        ("she's 12 weeks, can she use my pad", Decision.REFERRAL_OTHER),
        # a bare question followed by the user's own plan is about the user
        ("is red light ok after a lumpectomy? want to use it on my chest", Decision.REFERRAL),
        ("is red light ok after a lumpectomy?", Decision.GENERAL),
    ],
)
def test_round_seven_whose_condition_it_is(text, decision):
    assert recognise(text).decision is decision


@pytest.mark.parametrize(
    "text",
    [
        "we're expecting visitors tomorrow, can it arrive today?",
        "my calves are dead after the run, which pad",
        "after leg day my quads are destroyed",
    ],
)
def test_round_seven_idioms_get_nothing(text):
    assert recognise(text).decision is Decision.NONE


@pytest.mark.parametrize(
    "text, flag",
    [
        ("i just want to burn myself", "self_harm"),
        ("not planning on being around for much longer", "self_harm"),
        ("got my sleeping pills saved up", "self_harm"),
        ("everything went black and I came round on the kitchen floor", "collapse"),
        ("grandma went limp and grey", "collapse"),
        ("the wrap got really hot and now there are fluid filled bumps on my thigh", "burn_or_blistering"),
        ("the goggles slipped and my eye is stinging, bloodshot and watering", "eye_injury"),
        ("temperature of 39 and the redness round the bite is spreading", "urgent_signs"),
        ("my ankle is red and swollen and i've got a fever and chills", "urgent_signs"),
    ],
)
def test_round_seven_red_flags_told_by_their_effect(text, flag):
    assert flag in {f.red_flag for f in recognise(text).red_flags}


@pytest.mark.parametrize(
    "text",
    [
        "i don't want to burn myself with it, how long is safe?",
        "i have some pills saved up for my migraines",
        "not planning on being around much longer at this job lol",
        "the power went out and everything went dark, then i fell over the cat",
        "my pad has gone all floppy and grey",
        "my eyes hurt from my screen, red and watering",
        "my knee is hot and swollen after football",
        "gout flare in my toe, red and hot",
    ],
)
def test_round_seven_red_flag_words_in_everyday_senses(text):
    assert recognise(text).decision is not Decision.EMERGENCY


@pytest.mark.parametrize("text", [
    "my mother have pain in hand, artrosis",  # a typo of arthrosis (user study round 7, #13)
    "she has arthrose in the knees",
    "arthrosis in my fingers",
])
def test_round7_arthrosis_and_its_typos_are_arthritis(text):
    assert "arthritis" in {m.condition for m in recognise(text).mentions}


# ---- development round 7, pregnancy red flags left open (2026-12-05) ------------------------------------


@pytest.mark.parametrize(
    "text",
    [
        "30 weeks pregnant and bleeding, also bad cramps",
        "baby hasnt moved all day and im 36 weeks",
        "im 20 weeks, noticed less movements today",
    ],
)
def test_bleeding_and_a_baby_moving_less_in_pregnancy_are_red_flags(text):
    assert "pregnancy_warning_signs" in {f.red_flag for f in recognise(text).red_flags}


@pytest.mark.parametrize(
    "text",
    [
        "im pregnant and cut my finger, its bleeding a bit",
        "im pregnant, my gums are bleeding when i brush",
        "my cut is bleeding",  # no pregnancy: the flag requires one
        "baby hasnt moved all day",
    ],
)
def test_bleeding_from_a_cut_or_without_a_pregnancy_is_no_pregnancy_red_flag(text):
    assert "pregnancy_warning_signs" not in {f.red_flag for f in recognise(text).red_flags}


def test_and_before_a_new_i_am_ends_a_negation():
    mentions = recognise("no implants and im pregnant").mentions
    assert any(m.condition == "pregnancy" and m.affirmed for m in mentions)
    assert not any(m.affirmed for m in recognise("not pregnant and im not breastfeeding").mentions)


# ---- development round 8 (2026-12-05): lay wounds, light sensitivity, changing spots, past that is over --


@pytest.mark.parametrize(
    "text, rule",
    [
        ("fell off my scooter on friday and my elbow is still really raw", "open_wound"),
        ("they removed a lipoma from my back and the cavity is packed with gauze", "open_wound"),
        ("just had my tongue pierced, will the mask affect it", "open_wound"),
        ("got my nose pierced (saturday), can i wear the face mask", "open_wound"),
        ("the skin on my heels is split so badly it bleeds", "open_wound"),
        ("there's an open sore on my ankle the podiatrist is dressing", "open_wound"),
        ("the consultant said I have to stay out of direct sunlight completely", "photosensitivity"),
        ("my face reacts badly to bright light, goes blotchy", "photosensitivity"),
        ("a freckle on my arm has gone much darker and has ragged edges", "cancer_in_area"),
        ("new brown spot on my forehead that keeps getting bigger", "cancer_in_area"),
        ("stretch marks on my bump are itchy, 30 wks", "pregnancy"),
        ("i have cmt and can't feel much in my feet", "reduced_sensation"),
        ("hereditary neuropathy runs in my family and i have it", "reduced_sensation"),
        ("my feet don't feel heat very well any more", "reduced_sensation"),
        ("had a baby 2 weeks ago, can I use the belt on my stomach", "other_condition"),
    ],
)
def test_round8_lay_descriptions_reach_their_rule(text, rule):
    assert rule in rules_of(text)


@pytest.mark.parametrize(
    "text, rule",
    [
        ("is the wrap suitable for a venous leg ulcer? mine is on my calf", "open_wound"),
        ("is it ok for people who are photosensitive? because i am", "photosensitivity"),
        ("are the pads fine for breastfeeding mums? asking as one", "breastfeeding"),
    ],
)
def test_round8_a_question_followed_by_the_users_own_claim_is_about_the_user(text, rule):
    assert rule in {m.rule_id for m in recognise(text).affirmed(Experiencer.SELF)}
    assert recognise(text).decision is Decision.REFERRAL


@pytest.mark.parametrize(
    "text",
    [
        "can people with lupus use it? i do wonder about that",
        "is it ok for pregnant women? mine is just a general question",
    ],
)
def test_round8_a_question_without_a_claim_stays_general(text):
    assert recognise(text).decision is Decision.GENERAL


@pytest.mark.parametrize(
    "text",
    [
        "had measles at age 5, never had any problems since",
        "fractured my ankle in 2011, it's been fine for years",
        "had my gallbladder out in 2008",
        "was pregnant back in 2016, my daughter is 9 now",
        "breastfed my twins, they're 12 now",
        "stretch marks from my previous pregnancy, my son is 6",
        "the graze healed weeks ago, no mark left",
    ],
)
def test_round8_a_past_that_is_over_does_not_refer(text):
    assert recognise(text).decision is Decision.NONE


@pytest.mark.parametrize(
    "text",
    [
        "had a stroke in 2009",
        "had breast cancer in 2012",
        "had a blood clot in my leg in 2014",
        "had a bleed on the brain in 2017",
        "i'm pregnant again, my son is 10",
        "i breastfed her this morning, she's 2",
        "started methotrexate in 2015",
        "been on warfarin since 2015",
        "had a baby 9 days ago",
    ],
)
def test_round8_lasting_history_current_states_and_recent_events_still_count(text):
    assert recognise(text).decision is Decision.REFERRAL


@pytest.mark.parametrize(
    "text, flag",
    [
        ("after the belt my stomach is bright red and stinging like mad", "burn_or_blistering"),
        ("little fluid filled bubbles came up on my chin after using the mask", "burn_or_blistering"),
        ("the skin under the pad is blistered and weeping", "burn_or_blistering"),
        ("looked straight into the lamp and there's a black spot in my vision", "eye_injury"),
        ("my sight has gone cloudy in my left eye since the session", "eye_injury"),
        ("sliced my thumb with a knife and the bleeding won't stop", "severe_bleeding"),
        ("blood is pouring out of the gash on his leg", "severe_bleeding"),
        ("she has a fever and she's confused and floppy", "urgent_signs"),
        ("he's drowsy and really confused", "collapse"),
    ],
)
def test_round8_emergencies_in_lay_words_are_red_flags(text, flag):
    assert flag in {f.red_flag for f in recognise(text).red_flags}


@pytest.mark.parametrize(
    "text",
    [
        "my startup is going through growing pains, any discounts?",
        "we got a raw deal from the courier",
        "finally cracked it, the app connects now",
        "the shop is bleeding money and it won't stop",
        "the dye in my jeans bleeds in the wash",
        "your answer was spot on, thanks",
        "the lid came off in the post and the box is still open",
        "fell out with my sister last week, still pretty raw about it",
        "the damp spot on my ceiling keeps getting bigger",
        "the mole in my garden keeps getting bigger",
        "my doctor told me to avoid bright lights on my phone at night",
        "my skin is a bit red after the belt, is that normal?",
        "i looked at the light and saw a green spot for a second",
        "vision went blurry for a second after the mask then fine",
        "the bleeding from my cut stopped, it won't stop itching though",
        "lost 4 inches off my belly in 12 weeks",
        "my baby is 12 weeks, can i use it on my belly?",
        "i was a bit sore on my knee after running",
    ],
)
def test_round8_everyday_english_stays_quiet(text):
    # no alarm: no emergency and no referral (a word with an everyday sense may still be asked about)
    assert recognise(text).decision not in (Decision.EMERGENCY, Decision.REFERRAL, Decision.REFERRAL_OTHER)


def test_round8_growing_pains_of_a_child_still_count():
    assert recognise("my son has growing pains in his legs").decision is Decision.REFERRAL_OTHER
