"""User study round 48 (docs/user-study/2026-12-07-round48/) and round 47's leftovers: the causes fixed the
same session, tested without Rasa servers (the conversations are in tests/scenarios/real_users_dev40.yml and
real_users_dev41.yml, ids d48- and d49-, which the end-to-end suite plays over REST). New wordings beside the
study's."""

import pytest

from components.safety_policy import UTTER_EMERGENCY_SELF_HARM, safety_plan
from padsafety.conversation import (
    RESULT_AFTER_STOP,
    FollowUp,
    asks_about_question,
    beyond_source_topic,
    followup_kind,
    names_check_question_no,
    paused_status_answer,
    person_switch,
    said_again_response,
    taken_back_check_rules,
    who_to_ask_answer,
)
from padsafety.inputs import split_questions
from padsafety.intent_hints import first_topic_intent, hinted_intent, needs_cue, topic_intent
from padsafety.recognition import recognise


def _topic(text):
    found = beyond_source_topic(text.lower())
    return found.id if found else None


# round 48, #3, #6, #26, #58, #63: a pad compared with a named treatment got the water or heat warnings, or
# the muscle text; a pad against a pad, a wavelength or a clinic device keeps its own topic
@pytest.mark.parametrize("text, topic", [
    ("cool. and is it better than just a foam roller and a hot bath?", "compare_treatments"),
    ("foam roller vs red light pad for sore hamstrings, which one?", "compare_treatments"),
    ("brace vs shot vs red light, which works best?", "compare_treatments"),
    ("ok so it might help, but compared to the heat pack?", "compare_treatments"),
    ("is the red light actually doing anything more than the heat pad does?", "compare_treatments"),
    ("is red light better than a brace or a cortisone shot?", "compare_treatments"),
    ("what about a hot water bottle instead, is that fine for growing pains?", "compare_treatments"),
    ("My physio uses a TENS machine on my knee. Is red light the same sort of thing?", "compare_treatments"),
    ("is it better than massage for my back?", "compare_treatments"),
    ("could I use both on the same knee?", "combine_treatments"),
    ("which is better, a mask or a wrap?", None),
    ("is 660nm better than 850nm?", "wavelength"),
    ("is it better than a sunbed?", "tanning_uv"),
    ("is it worse than a heating pad?", "other_devices"),  # a harm question (round 39)
    ("can I use it over my brace?", None),
    ("can i use it instead of painkillers", None),  # the source's medical-substitute answer
    ("can I use it in the bath?", "water_electrical"),
])
def test_comparisons_with_other_treatments(text, topic):
    assert _topic(text) == topic


# round 48, #31, #37, #53: what a business may claim or offer
@pytest.mark.parametrize("text, topic", [
    ("Ok. Then what claims can we legally put on the box?", "marketing_claims"),
    ("Can I use red light pads on clients in my sessions and advertise it as helping recovery?",
     "marketing_claims"),
    ("am I allowed to claim it helps recovery in my ads?", "marketing_claims"),
    # a sceptic's "marketing" is the evidence question, not a business's (round 39, round 47 scenarios)
    ("Is there a single decent randomised trial behind these pads or is it all influencer marketing?",
     "studies"),
    ("will this thing shift my love handles or is that all marketing rubbish", None),
])
def test_business_claims(text, topic):
    assert _topic(text) == topic


@pytest.mark.parametrize("text, topic", [
    ("I DONT HAVE THE MANUAL MY GRANDSON THREW THE BOX AWAY. HOW LONG SHOULD I LIE ON IT", "no_manual"),
    ("lost the manual, how many minutes?", "no_manual"),
    ("what about once the cast is off, for the stiffness?", "after_cast"),
    ("Not through the cast, AFTER the cast comes off. For stiffness in the wrist", "after_cast"),
    ("will it shine through my cast?", "depth"),
    ("ok bt b4 or aftr training??", "timing"),
    ("Who actually runs this chatbot then? I want to complain to someone.", "who_runs"),
    ("I want to know who is responsible for your answers.", "who_runs"),
])
def test_new_topic_words(text, topic):
    assert _topic(text) == topic


def test_a_comparison_wins_over_a_cue_for_a_knowledge_answer():
    text = "foam roller vs red light pad for sore hamstrings, which one?"
    assert first_topic_intent(text, "ask_benefit_muscle_joint") == "ask_not_in_source"
    # a safety intent keeps its answer
    assert first_topic_intent(text, "ask_avoid_pregnancy") is None
    assert first_topic_intent("does it help sore hamstrings?", "ask_benefit_muscle_joint") is None


@pytest.mark.parametrize("text, intent, expected", [
    # round 48, #34: a denied sign is no condition; how often is the question
    ("e be like the pain dey inside the knee, but no swelling. I fit use am every day?", "report_red_flag",
     "ask_not_in_source"),
    ("Sorry I mean, I fit use the pad for my knee every day?", "ask_benefit_muscle_joint",
     "ask_not_in_source"),
    # round 48, #8: acne is not the skin-infection rule
    ("I've got hormonal acne on my chin that won't clear. Can a red light pad sort it?",
     "ask_avoid_skin_conditions", "ask_not_in_source"),
    ("I have an infected spot and acne, should I avoid it?", "ask_avoid_skin_conditions", None),
    # round 48, #9: the question asked again after "you didn't answer"; what the light is
    ("You didn't answer. Is it the same kind of light as a sunbed or not?", "express_frustration",
     "ask_not_in_source"),
    ("The leaflet also mentions avoiding sunbeds. Is a red light pad basically a sunbed?",
     "ask_avoid_photosensitivity", "ask_not_in_source"),
    ("you're useless, I give up", "express_frustration", None),
])
def test_topic_intents(text, intent, expected):
    assert topic_intent(text, intent, 0.6) == expected


@pytest.mark.parametrize("text, intent", [
    ("so wats it actually gud for then", "ask_benefits"),
    ("no i meant wat is red light gud for, not fat", "ask_benefits"),
    ("Before I buy one, what are they really meant for?", "ask_benefits"),
    ("All these red light things wey dem dey advertise, say e dey cure everything. Na lie abi?",
     "ask_evidence"),
    ("Worth forking out for one or is it a bit of a furphy?", "ask_evidence"),
    ("Me nah pregnant, is de BABY belly. She 6 weeks old", "ask_avoid_children"),
])
def test_cues(text, intent):
    assert hinted_intent(text, "ask_purchase", 0.4) == intent


def test_a_cue_does_not_fire_on_a_pregnancy():
    assert hinted_intent("I'm pregnant, will it hurt the baby's belly?", "ask_avoid_pregnancy", 0.9) in (
        None, "ask_avoid_pregnancy"
    )


@pytest.mark.parametrize("text, intent, dropped", [
    ("Delete wetin? I dey ask if the Instagram talk na lie.", "request_forget", True),
    ("delete what?? I asked about my knee", "request_forget", True),
    ("fine. forget it then", "request_forget", True),
    ("forget it, delete everything", "request_forget", False),
    ("please forget everything I told you", "request_forget", False),
    ("what about a brand new one, like 3 days old?", "ask_purchase", True),
    ("should I buy a brand new one?", "ask_purchase", False),
    ("not a brand - a TATTOO that's 3 days old", "ask_purchase", True),
])
def test_guesses_that_need_their_word(text, intent, dropped):
    if intent == "ask_purchase" and text.startswith("not a brand"):
        assert hinted_intent(text, "ask_purchase", 0.9) != "ask_purchase"
        return
    assert needs_cue(intent, text) is dropped


@pytest.mark.parametrize("text, turned", [
    ("ok fair, I'll ask the vet. What about me, I get stiff hands from mucking out in winter", False),
    ("can I use it on my dog?", True),
    ("what about my cat?", True),
])
def test_turning_from_the_pet_to_oneself(text, turned):
    assert (hinted_intent(text, "ask_benefit_muscle_joint", 0.4) == "ask_pet") is turned


@pytest.mark.parametrize("text, kind", [
    ("Is de heart he have, not me. So he should ask de heart doctor?", FollowUp.WHO_TO_ASK),
    ("should she see a skin doctor then?", FollowUp.WHO_TO_ASK),
    ("Fair enough. What about the surgeon who put it in, would they know?", FollowUp.WHO_TO_ASK),
    ("What about the surgeon who put it in", FollowUp.WHO_TO_ASK),
    ("would they know?", FollowUp.WHO_TO_ASK),
    ("Can I ask my pharmacist instead of the GP?", FollowUp.WHO_TO_ASK),
    ("Do I need A&E?", FollowUp.SEE_DOCTOR),
    ("My GP is closed. What should I actually do for it now?", FollowUp.SEE_DOCTOR),
    ("what about my knees?", FollowUp.SAME),
])
def test_followup_kinds(text, kind):
    assert followup_kind(text) is kind


def test_a_named_expert_gets_a_plain_yes():
    said = who_to_ask_answer(
        ["other_condition"], True, "So he should ask de heart doctor?", ["heart disease"]
    )
    assert said.startswith("Yes, that's a good person to ask.")
    either = who_to_ask_answer(
        ["implanted_device"], True, "the pump company or his diabetes nurse?", ["pump"]
    )
    assert not either.startswith("Yes")


def test_why_a_doctor_and_whom_to_ask_are_no_repeats():
    responses = ["utter_benefit_muscle_joint"]
    assert said_again_response(
        "ask_benefit_muscle_joint", responses, "why do I need a doctor for shin splints? it's just overuse"
    ) is None
    responses = ["utter_limitation_medical_substitute"]
    assert said_again_response(
        "ask_limitation_medical_substitute", responses, "Can I ask my pharmacist instead of the GP?"
    ) is None
    assert said_again_response(
        "ask_limitation_medical_substitute", responses, "so it can't replace my tablets?"
    ) == "utter_limitation_medical_substitute"


@pytest.mark.parametrize("text, rules", [
    ("actually scrap that last one, the ankle's basically fine. change question 10 to no",
     ["other_condition"]),
    ("I said change question 10 to no. The ankle is fine.", ["other_condition"]),
    ("put q4 down as a no", ["photosensitivity"]),
    ("question 3 should be no", ["open_wound"]),
    ("change question 2 to yes", []),
    ("change question 2 to no", []),  # not behind the verdict
])
def test_a_check_answer_corrected_by_its_number(text, rules):
    assert taken_back_check_rules(text, ["other_condition", "photosensitivity", "open_wound"]) == rules
    assert names_check_question_no(text) is (not text.endswith("yes"))


def test_a_stopped_check_has_no_yes_or_no_yet():
    assert RESULT_AFTER_STOP.search("so what's the answer then")
    assert RESULT_AFTER_STOP.search("can I use it or not? I only wanted it for my shoulder")
    assert not RESULT_AFTER_STOP.search("does it help my shoulder?")
    said = paused_status_answer({"pregnancy": "no", "skin_infection_or_eczema": "no"}, 10)
    assert "2 of 10" in said and "yes or no" in said
    # a yes so far was told with the stop itself
    assert paused_status_answer({"pregnancy": "yes"}, 10) is None
    assert paused_status_answer({}, 10) is None


def test_someone_passing_the_advice_on_is_no_new_person():
    assert person_switch("Shot, I'll tell my mom to take her to the doctor first then", "gran",
                         ["arthritis"]) is None
    assert person_switch("what about my mom instead?", "gran", ["arthritis"]) == "mom"


def test_questions_about_a_term_in_the_check():
    question = "Are you sensitive to light (photosensitivity), or do you have lupus or porphyria?"
    assert asks_about_question("sorry what is porphyria, never heard of it", question)
    assert asks_about_question("so is porphyria a skin thing or a blood thing?", question)
    assert not asks_about_question("no", question)
    assert not asks_about_question("yes I have lupus", question)


def test_two_questions_after_an_adverb():
    assert split_questions(
        "Two quick ones: will it warm up my cold hands, and roughly how much does a decent pad cost?"
    ) == ["Two quick ones: will it warm up my cold hands", "roughly how much does a decent pad cost?"]


def test_the_crisis_line_named_again_after_the_self_harm_reply():
    assert safety_plan("ok. maybe i'll text that number later", "affirm", False, "utter_not_in_source",
                       UTTER_EMERGENCY_SELF_HARM) == ["utter_emergency_followup_self_harm"]
    assert safety_plan("ok. maybe i'll text that number later", "affirm", False, "utter_not_in_source",
                       None) == []


@pytest.mark.parametrize("text, referred", [
    ("I had cancer last year, all gone now", True),
    ("I had a tumour 3 years ago, all gone now", True),
    ("the lump was benign and it's all gone now", False),
    ("cancer-free for five years now", False),  # the corpus's label since round 6
    ("Me nah pregnant, is de BABY belly", False),
    ("mi nah pregnant", False),
    ("nah, I'm pregnant", True),
])
def test_recognition_leftovers(text, referred):
    assert bool(recognise(text).affirmed()) is referred


# development round 30, answers in the check through the pipeline: asked again
@pytest.mark.parametrize("text, answer", [
    ("Not possible, I've had a hysterectomy", "no"),
    ("Dear Sir, no, my skin is in good order.", "no"),
    ("Don't take any medicine, not even vitamins", "no"),
    ("Dear Sir, yes, I have a pacemaker", "yes"),
    ("don't have any, just a bit of eczema", None),
])
def test_more_answers_in_the_check(text, answer):
    from padsafety.answers import parse_answer

    parsed = parse_answer(text)
    assert (parsed.value if parsed else None) == answer


# development round 30, through the pipeline: a condition of the user's told after a pet got the vet answer
# and no referral (a green light); the animal's own condition stays for a vet
@pytest.mark.parametrize("text, plan", [
    ("Long one: loving the wrap, my dog tried to eat the strap, and I should say my left foot has had no "
     "sensation for years, so is it safe on that foot?", ["utter_doctor_referral"]),
    ("I have diabetes, can I use it on my dog?", ["utter_doctor_referral"]),
    ("my dog has arthritis in her hips, can I use it on her?", []),
    ("Me kelpie's got arthritis in her back legs. Would the pad help her like it helps me shoulder?", []),
])
def test_the_users_condition_after_a_pet(text, plan):
    assert safety_plan(text, "ask_pet", False)[:1] == plan
