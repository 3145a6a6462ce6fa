"""User study round 49 (docs/user-study/2026-12-07-round49/): the causes fixed, tested without Rasa servers
(the conversations are in tests/scenarios/real_users_dev42.yml, ids d50-, which the end-to-end suite plays
over REST). New wordings beside the study's, and the lookalikes that must keep their old reading."""

import pytest

from components.safety_policy import _DEFINITION
from padsafety.conversation import (
    MINOR_INJURY_HEALING,
    asks_about_question,
    beyond_source_topic,
    healing_scrape_question,
    minor_injury_question,
    said_again_response,
    status_answer,
    who_to_ask_answer,
    why_topic,
)
from padsafety.inputs import split_questions
from padsafety.intent_hints import first_topic_intent, hinted_intent, needs_cue
from padsafety.recognition import Decision, Experiencer, recognise


def _topic(text):
    found = beyond_source_topic(text.lower())
    return found.id if found else None


# #2: "why does it help though? whats it doing" was split in two and read as the benefits, then the limits
@pytest.mark.parametrize("text, parts", [
    ("why does it help though? whats it doing", 1),
    ("how does it work? what does it do", 1),
    ("why? how so", 1),
    ("is it safe? how does it work", 2),
    ("does it help acne? what does it do for wrinkles", 2),
])
def test_a_question_said_again_in_other_words_is_one_question(text, parts):
    assert len(split_questions(text)) == parts


@pytest.mark.parametrize("text, intent, expected", [
    ("why does it help though? whats it doing", "ask_benefits", "ask_followup"),
    ("but why does it work?", "ask_how_it_works", "ask_followup"),
    ("how come it helps", "ask_benefits", None),  # no "does it": left to the classifier and the other cues
    ("how does it work", "ask_how_it_works", None),  # a first question, not a follow-up
    ("makes sense. any tips for using it on my back at my desk", "ask_benefit_muscle_joint",
     "ask_usage_safety"),
    ("got any pointers on how to use it?", "ask_who_should_avoid", "ask_usage_safety"),
    ("no I mean, is it a no for the wrist specifically", "deny", "ask_followup"),
    ("is that a yes for my knees then?", "deny", "ask_followup"),
    ("so is it worth buying for my face or not", "ask_purchase", "ask_limitation_anti_aging"),
    ("red light pad can make my skin more young?", "ask_benefit_wound_healing", "ask_limitation_anti_aging"),
    ("does it do anything for old tired skin", "ask_benefits", "ask_limitation_anti_aging"),
    ("mine click and ache going down stairs, im 58", "out_of_scope", "ask_benefit_muscle_joint"),
    ("my knees creak when I'm kneeling to garden", "out_of_scope", "ask_benefit_muscle_joint"),
    ("what makes the difference between people?", "ask_how_it_works", "ask_limitation_variability"),
    # (the follow-up names the variability)
    ("why do results vary so much", "ask_how_it_works", "ask_followup"),
    ("this is taking ages, just tell me whether i can use it", "request_screening", "ask_followup"),
])
def test_cues(text, intent, expected):
    assert hinted_intent(text, intent, 0.9) == expected


def test_worth_it_for_a_body_part_keeps_its_own_reading():
    assert hinted_intent("is it worth it for my back?", "ask_purchase", 0.9) != "ask_limitation_anti_aging"


# #11: "I'm taking doxycycline ..., can I still use my red light pad" got "do not stop or change any
# treatment"
@pytest.mark.parametrize("text, dropped", [
    ("I'm taking doxycycline for a few weeks, can I still use my red light pad", True),
    ("this is taking ages, just tell me whether i can use it", True),
    ("can the pad replace my painkillers?", False),
    ("should I stop my physio and just use the pad", False),
    ("is it a substitute for seeing a doctor", False),
    ("could I come off my blood pressure tablets if I use it", False),
])
def test_the_substitute_answer_needs_a_word_of_replacing_or_treatment(text, dropped):
    assert needs_cue("ask_limitation_medical_substitute", text) is dropped


def test_why_after_a_medicine_is_about_light_sensitivity():
    assert why_topic("why? it's just an antibiotic") == "rule:photosensitising_medication"
    assert why_topic("why, they're only my usual tablets") == "rule:photosensitising_medication"
    assert why_topic("why?") is None


# #15: a scrape the user asks the pad to help heal is the source's own example (minor abrasions)
def test_a_scrape_to_heal_is_the_wound_healing_answer_not_do_not_use():
    text = "can red light pads help heal a scrape on my arm"
    mentions = recognise(text).affirmed()
    assert mentions and minor_injury_question(mentions, text)
    for open_one in (
        "can red light help heal a fresh scrape that is still bleeding",
        "would it help a deep graze on my knee heal",
        "can it help my infected scratch",
    ):
        found = recognise(open_one).affirmed()
        assert not minor_injury_question(found, open_one), open_one
    # an open wound by name is never a minor injury
    text = "can red light heal an open wound on my leg"
    assert not minor_injury_question(recognise(text).affirmed(), text)


def test_the_scab_after_a_correction_gets_the_healing_answer():
    assert healing_scrape_question("so can I use it on the scab now?")
    assert status_answer("action_forget_denied", None, [], "so can I use it on the scab now?") == (
        MINOR_INJURY_HEALING
    )
    assert status_answer("action_forget_denied", None, [], "so can I use it on the raw scrape?") != (
        MINOR_INJURY_HEALING
    )
    # a verdict holds whatever the words
    assert status_answer(None, "do_not_use", ["open_wound"], "so can I use it on the scab now?") != (
        MINOR_INJURY_HEALING
    )


# #36: "what side effects could I get, like burns or headaches?" read as the user's own open wound
@pytest.mark.parametrize("text", [
    "but what side effects could I get, like burns or headaches?",
    "any risks such as burns?",
    "what are the downsides, like a burn or a rash",
])
def test_examples_of_side_effects_are_no_condition_of_the_user(text):
    assert recognise(text).decision in (Decision.NONE, Decision.GENERAL)


def test_a_burn_of_ones_own_beside_side_effects_still_counts():
    found = recognise("I have burns on my arm, what side effects like redness could I get?")
    assert any(m.experiencer is Experiencer.SELF for m in found.affirmed())


@pytest.mark.parametrize("text, intent", [
    ("what side effects could I get?", "ask_who_should_avoid"),
    ("I don't have a wound. I'm asking what could go wrong when using it", "ask_avoid_skin_conditions"),
    ("any side effects?", "ask_usage_safety"),
])
def test_side_effects_get_their_answer_over_the_classifiers_guess(text, intent):
    assert first_topic_intent(text, intent) == "ask_not_in_source"
    assert _topic(text) == "side_effects"


def test_side_effects_with_a_condition_of_ones_own_stay_with_the_rules():
    assert first_topic_intent("I'm pregnant, what side effects could I get?", "ask_avoid_pregnancy") is None


# #18: "hang on what does photosensitivity mean" in the check
def test_a_question_about_the_question_after_a_pause_word():
    question = "Are you sensitive to light (photosensitivity), or do you have lupus or porphyria?"
    assert asks_about_question("hang on what does photosensitivity mean", question)
    assert asks_about_question("hold on, what is porphyria?", question)
    assert _DEFINITION.search("hang on what does photosensitivity mean")


# #29, #9, #34: new topics
@pytest.mark.parametrize("text, topic", [
    ("can a red light pad bring my blood pressure down", "blood_pressure"),
    ("can the pad improve circulation enough to help with high blood pressure", "blood_pressure"),
    ("will it lower my bp", "blood_pressure"),
    ("I have high blood pressure and a pacemaker, is it safe?", None),
    ("what does 'insufficient evidence' mean in practice then", "evidence_meaning"),
    ("what's the meaning of limited evidence", "evidence_meaning"),
    ("is there evidence?", None),
    ("ok makes sense, so give it a couple of weeks", "give_it_time"),
    ("right, so I'll give it two weeks", "give_it_time"),
    ("how many weeks until it works", None),
])
def test_new_topics(text, topic):
    assert _topic(text) == topic


def test_new_topics_answer_first():
    assert first_topic_intent("ok makes sense, so give it a couple of weeks", "affirm") == "ask_not_in_source"
    assert first_topic_intent("can a red light pad bring my blood pressure down",
                              "ask_limitation_chronic_disease") == "ask_not_in_source"


def test_a_topic_of_patterns_only_matches_nothing_else():
    assert _topic("hello there") is None


@pytest.mark.parametrize("text", [
    "I mean through better circulation, my pressure is 150 over 95",
    "my bp is running at about 160/100",
])
def test_a_high_reading_is_high_blood_pressure(text):
    assert any(m.condition == "hypertension" for m in recognise(text).affirmed())


def test_a_normal_reading_is_no_condition():
    assert not recognise("my pressure is 120 over 80, all good").affirmed()


# #9: two summaries in one message
def test_two_summaries_are_two_questions():
    assert split_questions("ok so basically skin stuff is a maybe, fat loss is a no?") == [
        "ok so basically skin stuff is a maybe", "fat loss is a no?"
    ]
    assert split_questions("no, that is a no") == ["no, that is a no"]


# #34: the factors asked for right after "results vary" are the whole answer, not its short version
def test_what_makes_the_difference_is_no_repeat():
    said = ["utter_limitation_variability"]
    asked = "what makes the difference between people?"
    assert said_again_response("ask_limitation_variability", said, asked) is None
    assert said_again_response("ask_limitation_variability", said, "so results vary?") == (
        "utter_limitation_variability"
    )


# #32: a cochlear implant's team, not a cardiologist
def test_whom_to_ask_about_a_cochlear_implant():
    asked = "ok who do I ask, my audiologist?"
    answer = who_to_ask_answer(["implanted_device"], False, asked, ["cochlear implant"])
    assert "audiologist" in answer and "cardiologist" not in answer
    answer = who_to_ask_answer(["implanted_device"], False, "who do I ask?", ["pacemaker"])
    assert "cardiologist" in answer
