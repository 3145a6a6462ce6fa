"""User study round 37 and development round 20's answers in the check: each cause, tested without Rasa
servers (the conversations are in tests/scenarios/real_users_dev32.yml, ids d38-). New wordings."""

import pytest

from actions.conversation import ActionForgetDenied
from padsafety.conversation import (
    DISPUTED_ECHO,
    approved_other_thing,
    asks_for_cure,
    beyond_source_topic,
    cure_confirmed,
    doctor_ok_status,
    doctor_ok_told,
    given_to_someone_else,
    taken_back_check_rules,
)
from padsafety.intent_hints import hinted_intent, topic_intent
from tests.test_actions import form_turn, make_tracker, run, slot_events


# --- the safety check ---------------------------------------------------------------------------------------
@pytest.mark.parametrize("text, requested, value", [
    # a question about now, answered "not now" with a history (#41: recorded as a yes, then "do not use")
    ("not at the moment, though my eczema comes back every winter", "screen_skin_infection_or_eczema", "no"),
    ("not right now, I get cold sores now and then", "screen_skin_infection_or_eczema", "no"),
    ("not right now but my elbow is flaring a bit", "screen_skin_infection_or_eczema", "unknown"),
    # "wound-wise I'm clear", an old scar (#13: a silent yes, then "do not use" for an open wound)
    ("skin-wise I'm fine, only an old knee scar", "screen_open_wound", "no"),
    ("just an old scar from my gallbladder op", "screen_open_wound", "no"),
    # "all normal" (#31: asked again)
    ("all normal", "screen_reduced_sensation", "no"),
    # someone else's answer (development round 20)
    ("He's not, no, he's my dad", "screen_pregnancy", "no"),
    ("she's never had one", "screen_seizures", "no"),
    ("my sister has lupus, I don't", "screen_photosensitivity", "no"),
    ("she's not pregnant but I am", "screen_pregnancy", "unknown"),
    # a seizure told with when (development round 20: asked again)
    ("I had one when I was 19, at a rave with strobes", "screen_seizures", "yes"),
    # results not back yet (development round 20: recorded as no)
    ("don't think so? had a scan last week, haven't heard back", "screen_cancer_in_area", "unknown"),
])
def test_answers_in_their_own_words(text, requested, value):
    _, events = form_turn(text, requested, intent="inform")
    assert slot_events(events)[requested] == value


def test_what_the_question_means_is_explained_before_anything_is_recorded():
    # "could be? what does that mean" (#31: recorded as "I don't know", explained after the next question)
    dispatcher, events = form_turn("could be? what does that even mean", "screen_pregnancy", intent="inform")
    assert slot_events(events).get("screen_pregnancy") is None
    assert "might be, pregnant" in dispatcher.messages[0]["text"]


@pytest.mark.parametrize("text", [
    "hang on, I said NOT right now, no current flare-up",
    "change my eczema answer to no",
])
def test_an_earlier_answer_corrected_at_the_next_question(text):
    # (#41: "To go on with the safety check, please answer yes, no ...", and the eczema yes stayed)
    dispatcher, events = form_turn(text, "screen_open_wound", intent="inform",
                                   screen_pregnancy="no", screen_skin_infection_or_eczema="yes")
    slots = slot_events(events)
    assert slots["screen_skin_infection_or_eczema"] == "no"
    assert slots.get("screen_open_wound") is None  # this question is asked again
    assert "to no" in dispatcher.messages[0]["text"]


def test_a_skipped_question_answered_with_a_doubt():
    # (#31: "you skipped ... I might be pregnant, not sure yet" was filed under the next question)
    dispatcher, events = form_turn("you skipped the first one. I could be pregnant, not sure",
                                   "screen_skin_infection_or_eczema", intent="inform")
    slots = slot_events(events)
    assert slots["screen_pregnancy"] == "unknown"
    assert slots.get("screen_skin_infection_or_eczema") is None
    assert "I don't know" in dispatcher.messages[0]["text"]


# --- after the check's verdict -----------------------------------------------------------------------------
def test_a_verdict_rule_taken_back_after_the_check(domain):
    rules = ["skin_infection_or_eczema", "other_condition"]
    text = "but there's no flare-up right now, my skin is fine"
    assert taken_back_check_rules(text, rules) == ["skin_infection_or_eczema"]
    tracker = make_tracker(text, "inform", slots={"known_verdict": "do_not_use", "known_rules": rules})
    dispatcher, events = run(ActionForgetDenied(), tracker, domain)
    said = " ".join(m["text"] for m in dispatcher.messages)
    assert "changed your answer about acute skin infection or acute eczema to no" in said
    assert said.count("Verdict: ask your doctor first") == 1  # the other condition still holds
    assert {"event": "slot", "timestamp": None, "name": "known_rules", "value": ["other_condition"]} in events


def test_the_rest_of_an_ask_your_doctor_verdict_keeps_it(domain):
    # a possible pregnancy ("I don't know") and a seizure taken back: still "ask your doctor first", never a
    # "do not use" the check did not give
    rules = ["pregnancy", "seizures"]
    tracker = make_tracker("what seizure?? I told you I never had one", "inform",
                           slots={"known_verdict": "ask_doctor", "known_rules": rules})
    dispatcher, events = run(ActionForgetDenied(), tracker, domain)
    said = " ".join(m["text"] for m in dispatcher.messages)
    assert "Verdict: ask your doctor first" in said and "do not use" not in said.lower()


def test_a_condition_echoed_in_disbelief_is_taken_back():
    assert DISPUTED_ECHO.search("um what open wound?? I told you I'm clear")
    assert taken_back_check_rules("what open wound? i never said that", ["open_wound"]) == ["open_wound"]
    assert not DISPUTED_ECHO.search("what open wound counts? I have a graze")


@pytest.mark.parametrize("text, theirs", [
    ("its not me its my nan", True),
    ("not me lol, my brother", True),
    ("my sister, not me", True),
    ("its not me who has eczema, my son has it", False),  # names it: the recogniser decides
    ("not me, I was asking in general", False),
])
def test_everything_told_given_to_someone_else(text, theirs):
    # (left from round 36: "its not me its my aunt" after a claim got "I didn't understand")
    assert given_to_someone_else(text) is theirs


# --- answers ------------------------------------------------------------------------------------------------
def test_a_doctors_ok_for_a_part_of_the_body_is_for_the_pad():
    # (#4: "That OK was about the back, not about red light")
    assert approved_other_thing("my midwife said it's fine for my lower back") is None
    assert approved_other_thing("my doctor said its fine with the magnets") == "the magnets"


def test_the_doctors_ok_told_before_answers_can_i():
    # (#4: "so can I use it on my back or not?" got a flat "No")
    assert doctor_ok_told(["my midwife said that's fine on my back", "so can i or not?"])
    assert not doctor_ok_told(["my doctor said the pacemaker is fine with magnets"])
    said = doctor_ok_status("do_not_use", ["pregnancy"])
    assert said.startswith("You told me your doctor said it's fine. Then follow your doctor's advice.")


def test_getting_rid_of_a_named_condition_is_a_cure_asked_for():
    # (#48: "so is that a no?" got "Not a no: it may help")
    said = cure_confirmed("so that's a no then?", "can the pad get rid of my spider veins?")
    assert said and said.startswith("Yes, that's a no")
    assert cure_confirmed("so that's a no?", "can it get rid of my stiff back after work?") is None
    assert asks_for_cure("so it CAN get rid of my spider veins?")
    assert not asks_for_cure("will it remove my wrinkles?")  # the anti-ageing answer says no itself


@pytest.mark.parametrize("text, topic", [
    ("is that from sitting at a desk all day? cos that's me", "pain_cause"),
    ("is it the typing that causes it or not?", "pain_cause"),
    ("broke my ankle playing football 5 years ago, fully healed, still aches in the rain. would it help?",
     "healed_fracture"),
    ("it's an old fracture, not a wound", "healed_fracture"),
    ("does it help broken bones heal faster?", "bones"),
    # "so it's my fault??" after "it did nothing" (#20: the usage text)
    ("so its my fault then? i used it every night", "not_your_fault"),
])
def test_causes_and_old_breaks_have_their_own_answers(text, topic):
    assert beyond_source_topic(text).id == topic
    assert topic_intent(text, "ask_benefit_muscle_joint", 0.8) == "ask_not_in_source"


@pytest.mark.parametrize("text, intent", [
    ("ok got it thx", "thank"),
    ("alright, I'll tell him to ask. thanks", "thank"),
    ("gracias!", "thank"),
    ("I have lupus, thanks", None),
    ("can it help my knees? thanks", None),
    # a benefit question read as a red flag (#12: "Thanks for telling me")
    ("hello, the pad is good for pain in the neck? i have it since 3 week", "ask_benefit_muscle_joint"),
])
def test_thanks_and_a_benefit_question(text, intent):
    assert hinted_intent(text, "report_red_flag" if intent == "ask_benefit_muscle_joint" else "affirm",
                         0.9) == intent


@pytest.mark.parametrize("text, child", [
    # a child's age in brackets or commas (#27: the wound answer with no word about a child)
    ("my son (5) grazed his elbow, would the pad help?", True),
    ("my granddaughter, 9, fell off her bike", True),
    ("my son (25) has a stiff back", False),
    # an age told before the question (#47: no word about a minor)
    ("it's for my daughter, she's 14 and gets spots, would it help?", True),
    ("she's 14 weeks pregnant, would it help her back?", False),
])
def test_a_childs_age_in_brackets(text, child):
    from padsafety.recognition import recognise

    assert any(m.condition == "a child" for m in recognise(text).affirmed()) is child


@pytest.mark.parametrize("text, intent", [
    # a bite the person got (development round 20: the vet answer and no referral)
    ("the cat scratch on my hand is swollen and full of pus", "mention_condition"),
    ("my dog has arthritis, can I use the pad on him?", "ask_pet"),
])
def test_an_animals_bite_is_the_persons(text, intent):
    assert hinted_intent(text, "ask_pet", 1.0) in (intent, None if intent == "ask_pet" else intent)
