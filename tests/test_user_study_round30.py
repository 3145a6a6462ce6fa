"""User study round 29's open findings and round 30: each cause, tested without Rasa servers (the
conversations themselves are in tests/scenarios/real_users_dev27.yml). New wordings, not the transcripts'."""

import asyncio
import re
import subprocess

import pytest

from padsafety.conversation import (
    ABOUT_ME,
    CANT_BEAR_WEIGHT,
    FRACTURE_SEEN,
    FRUSTRATED,
    MEANT_ME,
    OWN_USE_TOO,
    REACTION_FOLLOWUP,
    asks_after_it_ends,
    asks_what_to_ask,
    beyond_source_topic,
    purchase_side_question,
    stop_topic,
)
from padsafety.intent_hints import hinted_intent, topic_intent
from tests.conftest import PROJECT_DIR
from tests.test_actions import form_turn, slot_events


def _run(action, text, intent="mention_condition", slots=None, events=None):
    from rasa_sdk import Tracker
    from rasa_sdk.executor import CollectingDispatcher

    latest = {"text": text, "intent": {"name": intent, "confidence": 1.0}, "entities": []}
    tracker = Tracker(sender_id="round30", slots=slots or {}, latest_message=latest, events=events or [],
                      paused=False, followup_action=None, active_loop={}, latest_action_name="action_listen")
    dispatcher = CollectingDispatcher()
    asyncio.run(action.run(dispatcher, tracker, {}))
    return dispatcher.messages


def _said(messages):
    return " ".join(m.get("text") or m.get("response") or "" for m in messages)


# --- round 29's open findings -------------------------------------------------------------------------
# #35: "I meant ME, I'm healthy" after "my wife has lupus" got her verdict again, then the check
@pytest.mark.parametrize("text", [
    "no I meant me, I'm fine, just a stiff neck",
    "I was asking about me, not her",
    "for me, not my husband",
    "not him, me",
])
def test_a_correction_of_whom_it_is_about_is_read(text):
    assert MEANT_ME.search(text) and ABOUT_ME.search(text), text


@pytest.mark.parametrize("text", ["I meant the other knee", "what do you mean by that?"])
def test_other_corrections_are_not_about_the_user(text):
    assert not MEANT_ME.search(text)


def test_the_users_own_use_beside_someone_elses_condition_is_answered():
    from actions.actions import ActionAssessCondition

    said = _said(_run(ActionAssessCondition(), "my son has epilepsy. can I still use the pad myself?"))
    assert "they should not use" in said or "their doctor" in said
    assert "For you: what you told me about them counts for them, not for you" in said


def test_someone_elses_condition_alone_gets_no_line_for_the_user():
    from actions.actions import ActionAssessCondition

    assert "For you" not in _said(_run(ActionAssessCondition(), "my son has epilepsy, can he use the pad?"))


@pytest.mark.parametrize("text, own", [
    ("is it ok if I keep using it?", True),
    ("can I still use it on my knee?", True),
    ("can he use it?", False),
])
def test_own_use_is_recognised(text, own):
    assert bool(OWN_USE_TOO.search(text)) is own


def test_after_i_meant_me_the_other_persons_verdict_is_no_longer_the_subject():
    from rasa_sdk import Tracker

    from actions.conversation import about_other_person

    events = [
        {"event": "user", "text": "my mum has a pacemaker"},
        {"event": "user", "text": "I meant me, not her. I've got a sore back"},
        {"event": "user", "text": "can I use it on my lower back?"},
    ]
    slots = {"known_other_conditions": ["pacemaker"]}
    tracker = Tracker(sender_id="r30", slots=slots, latest_message={"text": events[-1]["text"]},
                      events=events, paused=False, followup_action=None, active_loop={},
                      latest_action_name="action_listen")
    assert not about_other_person(tracker, "can I use it on my lower back?")
    assert about_other_person(tracker, "and can she use it on her back?")


# #35: "does she need to leave the room while I use it?" got her verdict and the usage text
@pytest.mark.parametrize("text", [
    "should my wife leave the room while I use it?",
    "is it ok for my kids to be in the room while the pad is on?",
])
def test_people_nearby_have_their_own_answer(text):
    assert beyond_source_topic(text).id == "bystanders"


# #27: "tummy, not pregnant, just bloated" got filler, then a skin problem nobody had named
@pytest.mark.parametrize("text, intent", [
    ("can I put it on my stomach? not pregnant, I'm just bloated all the time", "ask_avoid_pregnancy"),
    ("does red light help with constipation?", "ask_benefit_circulation"),
])
def test_digestion_is_not_covered_and_says_so(text, intent):
    assert beyond_source_topic(text).id == "digestion"
    assert topic_intent(text, intent, 0.9) == "ask_not_in_source"


# #19 and round 30 #27: "what would I ask him exactly?" got "Please ask your doctor first"
@pytest.mark.parametrize("text, asks", [
    ("what should I ask my physio about it?", True),
    ("ok, which questions should I bring to the appointment?", True),
    ("should I ask my doctor?", False),
])
def test_what_to_ask_a_doctor_is_recognised(text, asks):
    assert asks_what_to_ask(text) is asks


def test_what_to_ask_keeps_a_remembered_verdict_first():
    from actions.conversation import ActionFollowUp

    slots = {"known_verdict": "do_not_use", "known_rules": ["pregnancy"], "known_conditions": ["pregnancy"]}
    said = _run(ActionFollowUp(), "I'll ask my midwife. what do I ask her?", intent="ask_followup",
                slots=slots)
    first = said[0]["text"]
    assert first.startswith("Until they say otherwise, the advice stands") and "Pregnancy" in first
    assert "good ones to take along" in said[1]["text"]


# #26, round 30 #43: "would it interact with my warfarin?" got the circulation paragraph
@pytest.mark.parametrize("text, intent", [
    ("does the pad interact with warfarin?", "ask_benefit_circulation"),
    ("could it affect my meds?", "ask_how_it_works"),
])
def test_a_question_about_interactions_is_the_medicines_answer(text, intent):
    assert beyond_source_topic(text).id == "medicine_interaction"
    assert topic_intent(text, intent, 0.8) == "ask_not_in_source"


# --- round 30 -----------------------------------------------------------------------------------------
# #20: a skin reaction: "should I worry?" got "Yes, please do ... they know your situation", "should I stop
# using the pad or not?" a menu, "is it an allergy?" "do not stop any treatment"
REACTION = "the pad left my arm red and blotchy"


def test_a_blotchy_reaction_is_the_reaction_topic_even_when_read_as_a_red_flag():
    assert beyond_source_topic(REACTION).id == "skin_reaction"
    assert topic_intent("this pad gave me red blotches after 15 minutes", "report_red_flag", 0.55) == (
        "ask_not_in_source"
    )


@pytest.mark.parametrize("asked, start", [
    ("should I stop using it or not?", "Yes. Stop"),
    ("can I keep using it?", "No. Stop"),
    ("who do you mean by them?", "By them I meant a doctor or pharmacist"),
    ("could this be an allergy?", "I can't tell whether it is an allergy"),
    ("it's still itchy, what do I do", "Stop using the pad for now"),
])
def test_follow_ups_after_a_reaction_say_stop_in_the_right_words(asked, start):
    assert REACTION_FOLLOWUP.search(asked)
    assert stop_topic([asked, REACTION], asked=asked).startswith(start)


def test_a_follow_up_after_a_reaction_is_answered_by_the_follow_up_action():
    from actions.conversation import ActionFollowUp

    events = [{"event": "user", "text": REACTION}, {"event": "user", "text": "is that normal?"}]
    said = _said(_run(ActionFollowUp(), "is that normal?", intent="ask_followup", events=events))
    assert "Stop using the pad for now" in said


# #33: "twisted my ankle, can't walk on it. should I wait and see?" got the usage text
@pytest.mark.parametrize("text, urgent", [
    ("rolled my ankle this morning and I can't put any weight on it", True),
    ("I can hardly walk on my knee since I fell", True),
    ("my knee is a bit sore after running", False),
    ("I can't walk far with my arthritis, the doctor said so", False),
])
def test_not_bearing_weight_is_told_to_get_it_checked_today(text, urgent):
    assert (bool(CANT_BEAR_WEIGHT.search(text)) and not FRACTURE_SEEN.search(text)) is urgent


def test_an_injury_that_cannot_bear_weight_gets_the_broken_bone_advice():
    from actions.actions import ActionAssessCondition

    said = _said(_run(ActionAssessCondition(), "sprained my ankle an hour ago and I can't walk on it, pad?"))
    assert "possible broken bone" in said


def test_the_fracture_seen_pattern_matches_words_not_control_characters():
    # a "\b" written in a plain string was a backspace: the pattern never matched (found in round 30)
    assert FRACTURE_SEEN.search("the doctor said it's only a sprain")
    assert FRACTURE_SEEN.search("she's in a cast now")


def test_no_source_file_holds_a_control_character():
    files = subprocess.run(["git", "ls-files", "*.py", "*.yml"], cwd=PROJECT_DIR, capture_output=True,
                           text=True, check=True).stdout.split()
    bad = [f for f in files if re.search(r"[\x00-\x08\x0b\x0c\x0e-\x1f]",
                                         (PROJECT_DIR / f).read_text(encoding="utf-8"))]
    assert not bad


# #15: "I don't think so? I burn easily in the sun though" was recorded as no
@pytest.mark.parametrize("text, requested, value", [
    ("don't think so, but I do burn easily in the sun", "screen_photosensitivity", "unknown"),
    ("no, though I get a rash in strong sun", "screen_photosensitivity", "unknown"),
    ("no, but I had chickenpox as a kid", "screen_photosensitivity", "no"),
    # #46: "sorry, no device" was asked again
    ("sorry, no device", "screen_implanted_device", "no"),
    ("oops, no", "screen_seizures", "no"),
])
def test_answers_with_more_in_them(text, requested, value):
    _, events = form_turn(text, requested, intent="deny")
    assert slot_events(events).get(requested) == value


# #45: "no. wait, why are you asking all this?" got the next question only
def test_why_the_check_asks_is_answered_and_the_answer_kept():
    dispatcher, events = form_turn("no. why are you asking me all this?", "screen_open_wound", intent="deny")
    assert slot_events(events).get("screen_open_wound") == "no"
    assert any("I ask because my source names" in (m.get("text") or "") for m in dispatcher.messages)


def test_why_the_check_asks_alone_asks_the_question_again():
    dispatcher, events = form_turn("why do you need to know?", "screen_open_wound", intent="ask_followup")
    assert slot_events(events).get("screen_open_wound") is None
    texts = [m.get("text") or "" for m in dispatcher.messages]
    assert sum("I ask because" in t for t in texts) == 1 and not any("An open wound is" in t for t in texts)


# #46: "let's stop, I'll go see my doctor about the heel anyway" read as "do not stop your treatment"
@pytest.mark.parametrize("text, stop", [
    ("let's stop, I'm going to ask my GP anyway", True),
    ("i want to stop now", True),
    ("I want to stop using the pad, it burns", False),
])
def test_lets_stop_ends_the_check(text, stop):
    assert (hinted_intent(text, "ask_limitation_medical_substitute", 0.99) == "stop") is stop


# #10: "I'll wait until I'm done with the antibiotics" after doxycycline was a new infection
def test_waiting_until_a_medicine_is_finished_is_about_its_end():
    from components.safety_policy import names_only_known

    text = "fine, I'll hold off till I'm finished with the antibiotics"
    assert asks_after_it_ends(text, ["photosensitising_medication"])
    assert names_only_known(text, {"photosensitising medication"})
    assert not names_only_known("I'm on antibiotics for a chest infection", {"pregnancy"})


# #8, #34: "ugh my back is killing me", "so it's useless for fat loss?" got "sorry this has been frustrating"
@pytest.mark.parametrize("text, upset", [
    ("ugh my knees are wrecked after the hike", False),
    ("so it's pointless for cellulite then?", False),
    ("ugh, you keep giving me the same answer", True),
    ("this is useless.", True),
])
def test_frustration_is_a_complaint_not_a_sigh_or_a_question(text, upset):
    assert bool(FRUSTRATED.search(text)) is upset


# #12, #18: a health question beside a purchase question got only "I can't help with purchases"
@pytest.mark.parametrize("text, response", [
    ("thinking of buying one for my back pain, does it work?", "utter_benefit_muscle_joint"),
    ("no refund, and it's done nothing after 3 weeks, is that normal?", "utter_limitation_variability"),
    ("how much does the big one cost?", None),
])
def test_the_question_beside_a_purchase_is_answered(text, response):
    assert purchase_side_question(text) == response


def test_buying_for_an_ache_is_answered_with_what_the_pad_may_do_for_it():
    text = "i wanna buy one for my knee pain, is it any good?"
    assert hinted_intent(text, "ask_limitation_variability", 0.7) == "ask_benefit_muscle_joint"
    assert hinted_intent(text, "ask_purchase", 0.9) is None  # kept: the contact reply adds the answer


# #21: "what's the number for the manufacturer?" got the usage text
@pytest.mark.parametrize("text", ["what's the manufacturer's phone number?", "email address of the company?"])
def test_asking_for_the_makers_contact_is_a_purchase_question(text):
    assert hinted_intent(text, "ask_usage_safety", 0.5) == "ask_purchase"


# #22: "did it actually delete everything?" right after a deletion asked to confirm a deletion again
@pytest.mark.parametrize("text, asks", [
    ("did it actually delete everything?", True),
    ("so is my data gone or not?", True),
    ("please delete my data", False),
])
def test_asking_whether_it_was_deleted_is_recognised(text, asks):
    from components.safety_policy import _ASKS_IF_DELETED

    assert bool(_ASKS_IF_DELETED.search(text)) is asks
