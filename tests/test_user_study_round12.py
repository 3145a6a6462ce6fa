"""User study rounds 11 (leftovers) and 12 (docs/user-study/2026-12-05-round12): each finding's cause, tested
without Rasa servers (the conversations themselves are in tests/scenarios/real_users_dev12.yml)."""

import pytest

from components.safety_policy import (
    _ME_NOW,
    UTTER_EMERGENCY,
    UTTER_EMERGENCY_FOLLOWUP,
    UTTER_EMERGENCY_SELF_HARM,
    UTTER_STILL_GO,
    _asks_why_of_same,
    safety_plan,
)
from padsafety.answers import parse_answer
from padsafety.conversation import (
    FollowUp,
    answer_cue,
    beyond_source_topic,
    followup_kind,
    help_again,
    other_status_answer,
    why_answer,
)
from padsafety.intent_hints import hinted_intent, needs_cue, topic_intent
from padsafety.medicines import medicines_answer
from padsafety.recognition import Decision, recognise
from padsafety.rules import Answer


# round 11, #08: "so what's the point then" after the fat-loss answer asks what it is good for
@pytest.mark.parametrize("text, kind", [
    ("so whats the point then", FollowUp.POINT),
    ("what is it actually good for then?", FollowUp.POINT),
    ("ok so what does it actually do", FollowUp.POINT),
    ("why?", FollowUp.WHY),
    ("and my knees?", FollowUp.SAME),
])
def test_whats_the_point_is_its_own_follow_up(text, kind):
    assert followup_kind(text) is kind


# round 11, #26: a why-question whose intent would repeat the answer just given gets the reason
def test_a_why_over_the_same_answer_is_a_follow_up():
    assert _asks_why_of_same("utter_evidence", "ask_evidence", "why is the evidence so weak then?")
    assert not _asks_why_of_same("utter_evidence", "ask_evidence", "is there any evidence at all?")
    assert not _asks_why_of_same("utter_benefits", "ask_evidence", "why is the evidence so weak then?")
    reason = why_answer("utter_evidence")
    assert "energy density" in reason and reason != why_answer("utter_limitations")


# round 11, #27: a skin disease the source does not cover, asked about again
def test_a_help_question_again_repeats_not_covered_with_the_verdict():
    earlier = ["i have psoriasis on my elbows, would red light help"]
    again = help_again("would it clear them or not", earlier, "ask_doctor", ["other_condition"])
    assert again.startswith("As I said, my source does not say") and "psoriasis" in again
    assert "ask your doctor first" in again
    assert help_again("so would it calm the redness or not", ["rosacea on my cheeks, will it help"])
    # a new condition, a condition the source covers, or no help question: not this answer
    assert help_again("would it help my eczema?", earlier) is None
    assert help_again("would it help?", ["i have arthritis in my knee"]) is None
    assert help_again("ok thanks", earlier) is None


# round 11, #06: the pet context ends when the user turns to themself
@pytest.mark.parametrize("text, me", [
    ("ok fair. and for me? my knees ache after walking him", True),
    ("no i mean MY knees, im a human lol", True),
    ("how long would i hold it on him", False),
])
def test_the_user_turning_to_themself_ends_the_pet_context(text, me):
    assert bool(_ME_NOW.search(text)) is me


@pytest.mark.parametrize("text, intent, confidence", [
    ("no i mean MY knees, im a human lol", "out_of_scope", 0.34),
    ("my father have 78 year, his knee is pain every morning. pad is good for him?", "mention_condition",
     0.29),
    ("the pad is help for the pain in the knee of my mother? she have 80 year", "out_of_scope", 0.29),
])
def test_a_body_part_in_pain_is_the_muscle_and_joint_question(text, intent, confidence):
    assert hinted_intent(text, intent, confidence) == "ask_benefit_muscle_joint"


# round 11, #17 and round 12, #41: an adult's age or a thing's age is no child
@pytest.mark.parametrize("text, lacks_child", [
    ("the pad is help for the pain in the knee of my mother? she have 80 year", True),
    ("its about 8 years old, will the light fade it?", True),
    ("the tattoo is 5 years old", True),
    ("my son is 8 years old, can he use it", False),
    ("is it ok for a 12 year old", False),
])
def test_only_a_young_persons_age_is_a_child_cue(text, lacks_child):
    assert needs_cue("ask_avoid_children", text) is lacks_child


@pytest.mark.parametrize("text, child", [
    ("it's 5 years old. and will the light fade the ink?", False),
    ("the scar is about 3 years old now", False),
    ("my daughter is 5 years old, can she use it", True),
])
def test_a_things_age_is_no_child_for_the_recogniser(text, child):
    assert any(m.condition == "a child" for m in recognise(text).affirmed()) is child


# round 11, #10: the source answers home pad vs professional device
def test_home_pad_versus_clinic_device_is_answered_from_the_source():
    topic = beyond_source_topic("whats the difference with the ones at the dermatologist")
    assert topic is not None and topic.id == "professional_devices"
    assert "far inferior" in topic.answer and "energy density" in topic.answer


# round 11: fear of a burn is a question about heat, not a burn the user has
@pytest.mark.parametrize("text", [
    "im scared to use it, what if it burns me", "a bit nervous the pad burns my skin",
])
def test_a_fear_of_burns_is_the_heat_question(text):
    assert recognise(text).decision is Decision.NONE
    assert beyond_source_topic(text).id == "heat"


# round 12, #30: feeling better after emergency advice still means getting help
@pytest.mark.parametrize("text", [
    "used it, feeling a bit better now. still need to go?",
    "did the pen, do i really have to go in?",
    "should i still go to hospital",
])
def test_feeling_better_after_an_emergency_still_gets_help(text):
    plan = safety_plan(text, "ask_limitation_variability", False, UTTER_EMERGENCY_FOLLOWUP, UTTER_EMERGENCY)
    assert plan == [UTTER_STILL_GO]
    # never outside an emergency, and never instead of the crisis line
    assert safety_plan(text, "ask_limitation_variability", False) != [UTTER_STILL_GO]
    assert safety_plan(text, "affirm", False, UTTER_EMERGENCY_SELF_HARM, UTTER_EMERGENCY_SELF_HARM) != [
        UTTER_STILL_GO
    ]


def test_still_go_reply_says_yes_and_names_the_emergency_number(domain_responses):
    reply = domain_responses[UTTER_STILL_GO]
    assert reply.startswith("Yes") and "112 or 911" in reply and "don't use the pad" in reply


# round 12, #32: nerve signs with back pain are for a doctor; "should i see someone?" gets a yes
@pytest.mark.parametrize("text, decision", [
    ("the pain is now shooting down my leg too and my foot feels kinda weak", Decision.REFERRAL),
    ("pain running down my left leg and my toes feel weak", Decision.REFERRAL),
    ("my legs feel weak after the gym lol", Decision.NONE),
    ("my arm has gone dead from sleeping on it", Decision.NONE),
])
def test_nerve_signs_are_referred(text, decision):
    assert recognise(text).decision is decision


@pytest.mark.parametrize("text", [
    "should i see someone about the leg thing?", "do i need to see somebody about it?",
])
def test_should_i_see_someone_is_a_see_doctor_question(text):
    assert followup_kind(text) is FollowUp.SEE_DOCTOR


# round 12, #25: a non-native speaker's yes or no in their own language
@pytest.mark.parametrize("text, answer", [("nein", Answer.NO), ("não", Answer.NO), ("ja", Answer.YES),
                                          ("sim", Answer.YES), ("oui", Answer.YES)])
def test_yes_and_no_in_other_languages(text, answer):
    assert parse_answer(text) is answer


# round 12, #11: the thyroid in a non-native spelling
@pytest.mark.parametrize("text", ["is danger for person with the tiroid problem?", "i have hipotiroidismo"])
def test_thyroid_in_other_spellings_is_recognised(text):
    assert any(m.condition == "thyroid disease" for m in recognise(text).affirmed())


# round 12, #05: medicines named with "does that matter?" get the medicines answer, never the verdict alone
@pytest.mark.parametrize("text, answered", [
    ("I also take metformin and a blood pressure pill, amlodipine. Does that matter?", True),
    ("But my question was about the pills. Can I use it while taking them?", True),
    ("I take ibuprofen, is that a problem?", True),
    ("im on holiday, is that a problem?", False),
    ("i have diabetes, is that a problem?", False),
])
def test_whether_the_users_medicines_matter_is_answered(text, answered):
    answer = medicines_answer(text)
    assert bool(answer) is answered
    if answered:
        assert "does not cover medicines" in answer and "pharmacist" in answer


# round 12, #38: dark circles are answered from the source's anti-aging limits, not with eye safety alone
def test_dark_circles_get_the_anti_aging_limits():
    topic = beyond_source_topic("would it fix the dark circles if i put it near them")
    assert topic is not None and topic.id == "dark_circles"
    assert "dark spots" in topic.answer and "off your eyes" in topic.answer


# round 12, #35: "a rash in the sun" is photosensitivity, not eczema as well; a rash alone still counts
@pytest.mark.parametrize("text, conditions", [
    ("i get a rash in the sun sometimes", {"photosensitivity"}),
    ("i have eczema and a rash in the sun", {"photosensitivity", "eczema"}),
    ("my rash is weeping", {"eczema"}),
])
def test_a_longer_mention_holds_the_shorter_one(text, conditions):
    assert {m.condition for m in recognise(text).affirmed()} == conditions


# round 12, #28: an organ taken out is an operation, whose slow-healing wound the source covers
def test_an_organ_taken_out_is_recent_surgery():
    found = recognise("had my appendix out 3 weeks ago, incision is closed but healing slow")
    assert [m.condition for m in found.affirmed()] == ["recent surgery"]


# round 12, #25: old eczema that is not flaring is a "no" to the acute-eczema question
@pytest.mark.parametrize("text", [
    "i have little ekzema on hand but old, not new", "eczema as a kid, not now",
])
def test_old_eczema_answers_no_to_the_flare_up_question(text):
    assert answer_cue("skin_infection_or_eczema", text, negative=True)


# round 12, #17 and #20: after burn advice a complaint about the company ends the advice; during an
# emergency "could the pad have caused this?" is still the emergency's question
def test_a_complaint_about_the_company_ends_the_burn_advice():
    assert safety_plan(
        "you are useless. i asked about the COMPANY", "express_frustration", False,
        "utter_emergency_followup_burn", "utter_emergency_burn",
    ) == []


def test_could_the_pad_have_caused_this_stays_in_the_emergency():
    assert safety_plan(
        "could the pad have caused this?", "ask_who_should_avoid", False, UTTER_EMERGENCY_FOLLOWUP,
        UTTER_EMERGENCY,
    ) == [UTTER_EMERGENCY_FOLLOWUP]


# round 12, #16: fur is an animal's
def test_fur_is_a_pet_cue():
    assert not needs_cue("ask_pet", "would it even go thru his fur")


# round 12, #04, #23, #36, #40: what else helps, gifts, acne, and a partner's time after the birth
@pytest.mark.parametrize("text, topic", [
    ("what else can i do for the back pain in the meantime?", "alternatives"),
    ("is it a good gift idea for my mum?", "gift"),
    ("spots as in pimples. acne", "acne"),
    ("what about tanning", "tanning_uv"),
])
def test_round12_topics(text, topic):
    assert beyond_source_topic(text).id == topic


def test_acne_words_are_not_the_anti_aging_question():
    assert topic_intent("spots as in pimples. acne", "ask_limitation_anti_aging", 0.79) == "ask_not_in_source"
    assert topic_intent("will it fade my dark spots", "ask_limitation_anti_aging", 0.79) is None


def test_a_partners_time_after_the_birth():
    answer = other_status_answer(["pregnancy"], "ok she not use. after baby born she can use?")
    assert answer.startswith("After the birth") and "breastfeeding" in answer and "midwife" in answer
    assert other_status_answer(["pregnancy"], "is ok then?").startswith("No:")
