"""User study round 24's open findings and round 25 (docs/user-study/2026-12-06-round25): each cause, tested
without Rasa servers (the conversations themselves are in tests/scenarios/real_users_dev25.yml). New wordings,
not the transcripts'."""

import asyncio

import pytest
from rasa_sdk import Tracker
from rasa_sdk.executor import CollectingDispatcher

from actions.actions import ActionAssessCondition
from padsafety.conversation import cleared_answer, cleared_conditions, why_answer, why_topic
from padsafety.intent_hints import topic_intent
from padsafety.messages import condition_assessment
from padsafety.recognition import Decision, recognise
from padsafety.rules import default_rulebook


def _assess(text, intent="mention_condition"):
    latest = {"text": text, "intent": {"name": intent, "confidence": 1.0}, "entities": []}
    tracker = Tracker(
        sender_id="round25", slots={}, latest_message=latest,
        events=[], paused=False, followup_action=None, active_loop={}, latest_action_name="action_listen",
    )
    dispatcher = CollectingDispatcher()
    events = asyncio.run(ActionAssessCondition().run(dispatcher, tracker, {}))
    return " ".join(m.get("text") or "" for m in dispatcher.messages), events


# round 24, #24: an infection or eczema that comes and goes, told as not active now, or told as over, is no
# "do not use" now (it was the acute-infection verdict)
@pytest.mark.parametrize("text", [
    "i get cold sores every so often but none right now, ok for my face?",
    "had a cold sore last month, nothing now",
    "my eczema is on and off, calm at the moment",
    "cold sores now and then, not at the moment though",
])
def test_a_skin_condition_that_is_not_active_now_is_history(text):
    own = [m for m in recognise(text).affirmed() if m.rule_id == "skin_infection_or_eczema"]
    assert own and all(m.past for m in own), text
    assert cleared_conditions(recognise(text).mentions, text)


@pytest.mark.parametrize("text", [
    "my eczema is flaring right now",
    "i've got a cold sore on my lip at the moment",
    "eczema on my hands and it's bad now",
])
def test_a_skin_condition_active_now_is_not_history(text):
    own = [m for m in recognise(text).affirmed() if m.rule_id == "skin_infection_or_eczema"]
    assert own and not any(m.past for m in own), text
    assert not cleared_conditions(recognise(text).mentions, text)


@pytest.mark.parametrize("text", [
    "I've had an ulcer on my ankle for months, can the pad go on it?",
    "had eczema all my life, can i use it",
])
def test_a_condition_had_for_a_long_time_is_not_over(text):
    assert not cleared_conditions(recognise(text).mentions, text)
    reply, _ = _assess(text)
    assert "should not use" in reply or "ask your doctor" in reply


def test_the_reply_for_a_cleared_infection_keeps_the_rule_for_when_it_comes_back():
    # (told with "last year", the same is past and over since development round 28: no referral, and the
    # policy's "what's over is not on my source's list ... if anything comes back" reply)
    assert recognise("i had shingles last year, its cleared up now").decision is Decision.NONE
    reply, events = _assess("i had shingles, its cleared up now")
    assert "should not use" not in reply and "while one is active" in reply and "comes back" in reply
    assert not events  # no verdict remembered for it
    eczema = cleared_answer(["eczema"], for_other=True)
    assert "between flare-ups" in eczema and "their doctor" in eczema


def test_a_current_infection_still_gets_do_not_use():
    reply, _ = _assess("I have an infected rash on my arm right now")
    assert "should not use" in reply


# round 24, #05: a birth some weeks ago is not "another medical condition" with the seed's text about
# supplemental devices: its own guidance (doctor or midwife; not over unhealed stitches or a scar)
@pytest.mark.parametrize("text", [
    "had my little girl 4 weeks ago, would the pad help my lower back",
    "i'm 2 weeks postpartum and my back is killing me",
])
def test_a_recent_birth_has_its_own_reason(text):
    names = [m.condition for m in recognise(text).affirmed()]
    assert names == ["recent childbirth"] * len(names) and names, text
    reply = condition_assessment(default_rulebook().assess_conditions(names), "self")
    assert "Recent childbirth:" in reply and "midwife" in reply and "beyond my source" in reply
    assert "supplemental devices" not in reply and "Another medical condition" not in reply


def test_a_birth_beside_another_condition_keeps_the_catch_all_title():
    assessment = default_rulebook().assess_conditions(["recent childbirth", "diabetes"])
    reply = condition_assessment(assessment, "self")
    assert "Another medical condition (recent childbirth, diabetes)" in reply


# "is 38 too young to start using it?" started the safety check: the source names no age limit
@pytest.mark.parametrize("text, intent, confidence", [
    ("is 45 too young for this thing?", "request_screening", 0.35),
    ("am i too old for red light at 79", "ask_avoid_children", 0.55),
    ("is there an age limit? i'm 70", "ask_who_should_avoid", 0.45),
])
def test_age_questions_get_the_age_answer(text, intent, confidence):
    assert topic_intent(text, intent, confidence) == "ask_not_in_source"


def test_a_childs_age_keeps_the_childrens_answer():
    assert topic_intent("is my daughter old enough at 12?", "ask_avoid_children", 0.9) is None
    # (the real-user NLU set labels these as the children's question)
    assert topic_intent("what age can you start using it", "ask_avoid_children", 0.6) is None
    assert topic_intent("is there a minimum age", "ask_who_should_avoid", 0.6) is None


def test_the_age_answer_names_no_limit_and_the_children_rule():
    from padsafety.conversation import beyond_source_topic

    topic = beyond_source_topic("what's the minimum age to use it")
    assert topic is not None and topic.id == "age"
    assert "does not name an age limit" in topic.answer and "paediatrician" in topic.answer


# development round 11: "why does your checklist ask about seizures?" got the muscle paragraph
@pytest.mark.parametrize("text, rule", [
    ("why do you ask about epilepsy", "seizures"),
    ("why does the check want to know if i'm breastfeeding?", "breastfeeding"),
    ("why the question about numbness", "reduced_sensation"),
    ("why do you care what medication i take", "photosensitising_medication"),
])
def test_why_a_question_is_asked_gives_that_rules_reason(text, rule):
    assert why_topic(text) == f"rule:{rule}"
    answer = why_answer(why_topic(text))
    assert answer.startswith(default_rulebook().rule(rule).title)
    assert "beyond my source" in answer


def test_why_it_cannot_replace_medicine_is_not_the_medicine_rule():
    assert why_topic("why can't it replace my tablets?") is None


# round 25, #4: "just did a test, it's negative. not pregnant." is taken back at once; "and if the test is
# negative?" asks about later (both got the pregnancy verdict again)
@pytest.mark.parametrize("text", [
    "did a test this morning, it came back negative. not pregnant",
    "took a pregnancy test, negative",
    "tested negative so not pregnant after all",
])
def test_a_negative_test_takes_pregnancy_back(text):
    from padsafety.conversation import taken_back_conditions

    assert taken_back_conditions(recognise(text), text) == {"pregnancy"}, text


def test_a_place_without_the_condition_is_no_take_back():
    from padsafety.conversation import taken_back_conditions

    text = "only on my shoulder where there's no eczema"
    assert taken_back_conditions(recognise(text), text) == set()


@pytest.mark.parametrize("text", [
    "and what if the test on friday says negative?",
    "if my period comes tomorrow can i use it then",
])
def test_a_test_or_period_later_is_a_question_about_later(text):
    from padsafety.conversation import asks_after_it_ends, status_answer, taken_back_conditions

    assert asks_after_it_ends(text, ["pregnancy"])
    assert taken_back_conditions(recognise(text), text) == set()
    answer = status_answer(None, "do_not_use", ["pregnancy"], text)
    assert "no longer applies" in answer and "Until then" in answer


# round 25, #4 and round 24, #2: "so can I use it on my lower back now?" with no verdict left is the body
# part's answer, not the usage text
@pytest.mark.parametrize("text", [
    "thanks. so can i use it on my neck now?",
    "ok can i try it on my knees then",
])
def test_can_i_use_it_on_a_body_part(text):
    from padsafety.intent_hints import hinted_intent

    assert hinted_intent(text, "ask_usage_safety", 0.6) == "ask_benefit_muscle_joint"


def test_a_condition_in_the_same_question_is_no_body_part_question():
    from padsafety.intent_hints import hinted_intent

    assert hinted_intent("can i use it on my back while breastfeeding?", "ask_usage_safety", 0.6) is None


# round 25, #8: "lab" is a dog only as someone's lab
@pytest.mark.parametrize("text, animal", [
    ("is the evidence real trials or just lab stuff?", False),
    ("lab as in laboratory", False),
    ("in the lab they tested it on cells", False),
    ("my black lab sleeps next to me when i use it", True),
])
def test_lab_is_a_dog_only_as_someones_lab(text, animal):
    from padsafety.intent_hints import ANIMAL

    assert bool(ANIMAL.search(text)) is animal


# round 25, #38: a hot plug or a burning smell is an electrical fault (unplug, stop), another adapter a "not
# unless the manufacturer says so"
@pytest.mark.parametrize("text, topic", [
    ("the cable gets really hot near the plug and smells like burning", "device_hazard"),
    ("i'm scared it'll catch fire", "device_hazard"),
    ("can i use a usb charger from my phone instead of the original one", "power_supply"),
    ("is any adapter fine or only the one in the box", "power_supply"),
])
def test_electrical_questions(text, topic):
    from padsafety.conversation import beyond_source_topic
    from padsafety.intent_hints import topic_intent

    found = beyond_source_topic(text)
    assert found is not None and found.id == topic, text
    assert topic_intent(text, "ask_limitation_medical_substitute", 0.7) == "ask_not_in_source"
    if topic == "device_hazard":
        assert found.answer.startswith("Yes: unplug it") and "emergency number" in found.answer
    else:
        assert found.answer.startswith("Not unless the manufacturer")


# round 25, #20: "just red, no blisters, do I need to go anywhere?" after burn advice: the burn's split
def test_a_small_burn_after_burn_advice_gets_the_burns_own_answer(domain_responses):
    from components.safety_policy import UTTER_STILL_GO, UTTER_STILL_GO_BURN, safety_plan

    text = "it's tiny, just pink, no blisters. do i still have to go anywhere?"
    assert safety_plan(text, "ask_followup", False, "utter_emergency_burn", "utter_emergency_burn") == [
        UTTER_STILL_GO_BURN
    ]
    answer = domain_responses[UTTER_STILL_GO_BURN]
    assert answer.startswith("Call your local emergency number") and "you don't need it" in answer
    # any other emergency keeps "yes, still get help"
    assert safety_plan(text, "ask_followup", False, "utter_emergency", "utter_emergency") == [UTTER_STILL_GO]


def test_a_red_patch_the_pad_left_is_a_skin_reaction():
    from padsafety.intent_hints import topic_intent

    text = "your pad left a red mark on my calf after i dozed off, this is ridiculous"
    assert topic_intent(text, "express_frustration", 0.8) == "ask_not_in_source"


# round 25, #15: "so i must go to docter?" is no goodbye; "can i ask in the pharmacy instead?" is whom to ask
def test_must_go_to_the_doctor_is_no_goodbye():
    from padsafety.intent_hints import needs_cue

    assert needs_cue("goodbye", "so i have to go to the doctor?")
    assert not needs_cue("goodbye", "ok i have to go now, bye?")


@pytest.mark.parametrize("text", ["could i ask the chemist instead?", "is the pharmacy ok to ask, it's free"])
def test_a_pharmacist_instead_gets_a_yes(text):
    from padsafety.conversation import FollowUp, followup_kind, who_to_ask_answer

    assert followup_kind(text) is FollowUp.WHO_TO_ASK
    assert who_to_ask_answer(["other_condition"], False, text).startswith("Yes, a pharmacist")
    # a pacemaker is for the doctors who look after it
    assert not who_to_ask_answer(["implanted_device"], False, text).startswith("Yes, a pharmacist")


# round 25, #6: "a lot of text for my old eyes", "not my eyes" are not the eye-safety question
@pytest.mark.parametrize("text", [
    "too much writing for my tired eyes. short answer please",
    "no, not my eyes. my feet",
])
def test_eyes_that_are_not_the_question(text):
    from padsafety.conversation import beyond_source_topic

    found = beyond_source_topic(text)
    assert found is None or found.id != "eyes"


def test_goggles_are_still_the_eyes_topic():
    from padsafety.conversation import beyond_source_topic

    assert beyond_source_topic("do i need goggles for my eyes?").id == "eyes"


# round 25, #16: the husband of a pregnant wife is no "for you, the advice above stands", and "I'm not the
# pregnant one" leaves the pregnancy question out of his check
def test_not_the_pregnant_one_skips_the_question():
    from padsafety.conversation import denied_pregnancy

    assert denied_pregnancy(["ok and me? i'm clearly not the pregnant one lol"], for_other=False)
    assert denied_pregnancy(["im not pregnant, is it ok for my knee"], for_other=False)
    assert not denied_pregnancy(["im not pregnant, is it ok for my knee"], for_other=True)
    assert not denied_pregnancy(["i might be pregnant"], for_other=False)


# round 25, #28: an infected wound described without the word
@pytest.mark.parametrize("text", [
    "the stitches are red and hot around the edges with some green goo",
    "theres yellow pus on the scab now",
])
def test_an_infection_described_reaches_the_infection_rule(text):
    assert "skin_infection_or_eczema" in {m.rule_id for m in recognise(text).affirmed()}


def test_yellow_gunk_in_a_device_is_no_infection():
    assert not recognise("there's yellow gunk in the charger port of the pad").mentions


# round 25, #7: "and for me?" after a child's verdict is about the parent
def test_and_for_me_is_not_about_the_other_person():
    from padsafety.conversation import ABOUT_ME

    assert ABOUT_ME.search("ok. and for me? my neck is stiff from holding him")


# development round 12, answers in the safety check (tests/safety/dev_round12.yml), in new wordings
@pytest.mark.parametrize("text, answer", [
    ("nope. hang on, actually i am, sorry, 8 weeks", "yes"),
    ("lol i wish", "no"),
    ("i wish i could say", None),
    ("not as far as i know, but i haven't been to a doctor in ages", "unknown"),
    ("only a tiny paper cut", "no"),
    ("type 1 diabetic but i can still feel my toes just fine", "no"),
])
def test_answers_in_the_check(text, answer):
    from padsafety.answers import parse_answer

    found = parse_answer(text)
    assert (found.value if found is not None else None) == answer, text


def test_eczema_calm_at_the_moment_is_not_a_flare():
    text = "eczema yes, but it's completely quiet right now"
    own = [m for m in recognise(text).affirmed() if m.condition == "eczema"]
    assert own and all(m.past for m in own)


# round 25, #18, #22, #24: who runs the chat, a chat on another device, cleaning and electricity
@pytest.mark.parametrize("text, topic", [
    ("hang on, are you the company that sells these?", "who_runs"),
    ("who runs this chat anyway", "who_runs"),
    ("what about the chat i had on my phone yesterday?", "privacy"),
    ("how should i clean my red light pad", "cleaning_sharing"),
    ("does it use much electricity", "device_operation"),
])
def test_questions_about_the_chat_and_the_device(text, topic):
    from padsafety.conversation import beyond_source_topic
    from padsafety.intent_hints import topic_intent

    found = beyond_source_topic(text)
    assert found is not None and found.id == topic, text
    assert topic_intent(text, "ask_limitations", 0.5) == "ask_not_in_source"


def test_the_privacy_answer_says_how_to_delete_another_chat():
    from padsafety.conversation import beyond_source_topic

    answer = beyond_source_topic("is my data from the other device gone?").answer
    assert "only delete the one you are writing in" in answer and "delete my data" in answer


# development round 12, through the safety check's form: a flare told as calm now is a no to "acute eczema
# at the moment", a condition had for months is not over
@pytest.mark.parametrize("text, requested, value", [
    ("i do have eczema but it's pretty quiet right now", "screen_skin_infection_or_eczema", "no"),
    ("had shingles last year but it's gone now", "screen_skin_infection_or_eczema", "no"),
])
def test_the_check_reads_a_calm_condition_as_no(text, requested, value):
    from tests.test_actions import form_turn, slot_events

    _, events = form_turn(text, requested, intent="mention_condition")
    assert slot_events(events).get(requested) == value


def test_an_electrical_topic_over_a_red_flag_guess_only_without_an_emergency():
    from padsafety.intent_hints import topic_intent

    # the classifier's warning-sign guess for a hot adapter: the electrical-fault answer (it got "Thanks for
    # telling me" once red-flag guesses were left alone)
    assert topic_intent("my pad's adapter is hot and smells of burning", "report_red_flag", 0.6) == (
        "ask_not_in_source"
    )
    # a shock from the pad is the emergency (the real-user NLU set's "i got an electric shock from the pad")
    assert topic_intent("i got an electric shock from the pad", "report_red_flag", 0.6) is None


# user study round 26 (#5, #59): "i need see doctor or not??", "could I have cracked something?" got "OK. You
# can ask ..." or "Thanks for telling me": the see-a-doctor answer, with how soon for an injury
@pytest.mark.parametrize("text, injury", [
    ("you dont answer. i must see docter or not?", False),
    ("i go doctor first?", False),
    ("could it be torn, the tendon?", True),
    ("could i have fractured something when i fell", True),
])
def test_see_a_doctor_questions_in_lay_words(text, injury):
    from padsafety.conversation import SEE_DOCTOR_INJURY, FollowUp, followup_kind, see_doctor_answer

    assert followup_kind(text) is FollowUp.SEE_DOCTOR
    answer = see_doctor_answer(text)
    assert answer == SEE_DOCTOR_INJURY if injury else answer.startswith("Yes")


# user study round 26 (#56): "warm and red around the kneecap. should I stop using it?" got "do not stop or
# change any treatment"; (#25) "a bit warm ... a tiny bit of yellow stuff" about an incision got the heat
# answer
def test_stop_using_the_pad_on_an_inflamed_joint():
    from padsafety.conversation import STOP_FOR_SYMPTOMS, symptom_stop
    from padsafety.intent_hints import hinted_intent

    text = "my ankle is hot and swollen around the joint now. should i stop using it?"
    named = {m.condition for m in recognise("hot and swollen around the ankle").affirmed()}
    assert "acute inflammation" in named
    assert hinted_intent(text, "ask_limitation_medical_substitute", 0.7) == "mention_condition"
    assert symptom_stop(["red and warm around my knee"]) == STOP_FOR_SYMPTOMS
    assert STOP_FOR_SYMPTOMS.startswith("Yes, stop using the pad")
    # stopping a medicine stays the medical-substitute question
    tablets = "can i stop my tablets if the pad works?"
    assert hinted_intent(tablets, "ask_limitation_medical_substitute", 0.7) != "ask_followup"


@pytest.mark.parametrize("text, infected", [
    ("the cut is warm and there's some yellow stuff on it", True),
    ("my incision has green fluid coming out and it's red", True),
    ("there's yellow stuff on the pad's cable", False),
])
def test_yellow_stuff_on_a_wound_is_an_infection(text, infected):
    found = "skin_infection_or_eczema" in {m.rule_id for m in recognise(text).affirmed()}
    assert found is infected, text


def test_stop_the_pad_and_see_a_doctor_is_a_see_doctor_question():
    from padsafety.conversation import FollowUp, followup_kind

    assert followup_kind("so do i stop the pad and go to the doctor?") is FollowUp.SEE_DOCTOR


# user study round 26: clear free-text answers the check refused
@pytest.mark.parametrize("text, answer", [
    ("he's 70, so no lol", "no"),
    ("i am man, not", "no"),
    ("i already said no", "no"),
    ("i said that already, no", "no"),
])
def test_clear_answers_the_check_refused(text, answer):
    from padsafety.answers import parse_answer

    found = parse_answer(text)
    assert found is not None and found.value == answer, text


# user study round 26 (#58): "no. oh and about the eczema, it's calmed down since monday, so make that a no"
# kept the eczema "yes" and ended in "do not use"
def test_make_that_a_no_corrects_the_question_named():
    from tests.test_actions import form_turn, slot_events

    text = "no. and about the eczema, it's actually calmed down since monday, so make that a no"
    dispatcher, events = form_turn(
        text, "screen_photosensitivity", intent="deny", screen_skin_infection_or_eczema="yes"
    )
    slots = slot_events(events)
    assert slots.get("screen_skin_infection_or_eczema") == "no"
    assert slots.get("screen_photosensitivity") == "no"
    assert any("changed your answer" in (m.get("text") or "") for m in dispatcher.messages)
