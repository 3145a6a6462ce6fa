"""User study round 39 (docs/user-study/2026-12-07-round39/): each cause fixed the same session, tested
without Rasa servers (the conversations are in tests/scenarios/real_users_dev33.yml, ids d40-). New
wordings."""

import asyncio

import pytest
from rasa_sdk import Tracker
from rasa_sdk.executor import CollectingDispatcher

from actions.actions import ActionAssessCondition
from actions.conversation import ActionFollowUp, check_is_for_other
from padsafety.conversation import asks_about_turned_to, person_switch


def _run(action, text, intent="mention_condition", slots=None, events=None, domain=None):
    latest = {"text": text, "intent": {"name": intent, "confidence": 1.0}, "entities": []}
    tracker = Tracker(sender_id="round39", slots=slots or {}, latest_message=latest, events=events or [],
                      paused=False, followup_action=None, active_loop={}, latest_action_name="action_listen")
    dispatcher = CollectingDispatcher()
    events = asyncio.run(action.run(dispatcher, tracker, domain or {}))
    return dispatcher.messages, {e["name"]: e["value"] for e in events if e.get("event") == "slot"}


def _said(messages):
    return " ".join(m.get("text") or m.get("response") or "" for m in messages)


# --- one remembered verdict per person (round 38, #37; round 39, #31: the mother's lupus given to the father)
@pytest.mark.parametrize("text, owner, person", [
    ("ok and what about my brother instead? he's fit as a fiddle", "dad", "brother"),
    ("my husband doesn't have lupus, that's my mother. can he use it?", "mum", "husband"),
    ("new person now: my niece, 19, sore shoulders", "grandma", "niece"),
    ("can my wife use it for her neck?", "dad", "wife"),
    ("what about dad, can he use it for his back?", "mum", "dad"),
    # the same person in other words, or nobody new
    ("my mother says thanks", "mum", None),
    ("can he use it on his knees then?", "dad", None),
    ("my dad and my brother both want one", "dad", None),
])
def test_a_turn_to_another_person(text, owner, person):
    assert person_switch(text, owner, ["lupus"]) == person


def test_a_turn_back_to_someone_told_of_earlier():
    stored = {"dad": ["pacemaker"]}
    assert person_switch("and my father, could he use it on his feet?", "sister", None, stored) == "dad"
    assert person_switch("and my sister?", "sister", None, stored) is None


@pytest.mark.parametrize("text, asked", [
    ("so is he fine?", True),
    ("so he can use it then?", True),
    ("my son doesn't have a pacemaker, that's my dad. is he ok?", True),
    ("is he fine? he has a pacemaker too", False),  # a condition of his own: assessed as usual
    ("how long does it take to work?", False),
])
def test_a_question_about_the_person_turned_to(text, asked):
    affirmed = ["pacemaker"] if "pacemaker too" in text else []
    if "that's my dad" in text:
        affirmed = ["pacemaker"]
    stored = {"dad": ["pacemaker"]} if "too" not in text else {"dad": ["lupus"]}
    assert asks_about_turned_to(text, "son", None, stored, affirmed) is asked


def test_the_switch_keeps_the_verdict_with_its_owner():
    slots = {"known_other_conditions": ["pacemaker"], "known_other_person": "dad"}
    said, slots_set = _run(ActionFollowUp(), "what about my sister instead? she has sore legs from work",
                           intent="ask_benefit_muscle_joint", slots=slots,
                           domain={"responses": {"utter_benefit_muscle_joint": [{"text": "x"}]}})
    text = _said(said)
    assert "about your dad, not your sister" in text and "should not use" in text
    assert any(m.get("response") == "utter_benefit_muscle_joint" for m in said)
    assert slots_set == {"known_other_conditions": None, "known_other_person": "sister",
                         "people_conditions": {"dad": ["pacemaker"]}}


def test_back_to_the_first_person_brings_their_verdict_back():
    slots = {"known_other_person": "sister", "people_conditions": {"dad": ["pacemaker"]}}
    said, slots_set = _run(ActionFollowUp(), "and my dad, can he use it?", intent="ask_followup", slots=slots)
    assert _said(said).startswith("Back to your dad: from what you told me (pacemaker), they should not use")
    assert slots_set["known_other_conditions"] == ["pacemaker"] and not slots_set["people_conditions"]


def test_the_person_turned_to_with_nothing_known_is_not_cleared_or_refused():
    slots = {"known_other_person": "sister", "people_conditions": {"dad": ["pacemaker"]}}
    said, _ = _run(ActionFollowUp(), "so is she fine?", intent="ask_followup", slots=slots)
    text = _said(said)
    assert text.startswith("Nothing you've told me about your sister") and "your dad's pacemaker" in text
    assert "should not use" not in text


def test_a_condition_of_the_new_person_is_theirs_alone():
    slots = {"known_other_conditions": ["lupus"], "known_other_person": "mum"}
    said, slots_set = _run(ActionAssessCondition(), "what about my dad? he has a pacemaker", slots=slots)
    assert slots_set["known_other_conditions"] == ["pacemaker"]
    assert slots_set["known_other_person"] == "dad" and slots_set["people_conditions"] == {"mum": ["lupus"]}
    assert "Photosensitivity" not in _said(said)


def test_the_check_after_turning_to_someone_asks_about_them():
    events = [{"event": "user", "text": "/request_screening",
               "parse_data": {"intent": {"name": "request_screening"}}}]
    latest = {"text": "/request_screening", "intent": {"name": "request_screening"}, "entities": []}
    tracker = Tracker(sender_id="round39", slots={"known_other_person": "sister",
                                                  "people_conditions": {"dad": ["pacemaker"]}},
                      latest_message=latest, events=events, paused=False, followup_action=None,
                      active_loop={}, latest_action_name="action_listen")
    assert check_is_for_other(tracker)


# #6: the son's graze listed in the daughter's verdict
def test_a_son_and_a_daughter_are_two_people():
    text = "what about my daughter? she's 12 with a flare of eczema"
    assert person_switch(text, "son", ["wound"]) == "daughter"
    assert person_switch("can my kid use it then?", "son", ["wound"]) is None


# #2, #36, #42: questions whether the pad could harm got the benefits, "It may", or the anti-ageing paragraph
@pytest.mark.parametrize("text, topic", [
    ("is there any chance it makes my neck pain worse?", "make_worse"),
    ("will the light make her rosacea even worse", "make_worse"),
    ("can red light cause skin cancer?", "causes_cancer"),
    ("could using it bring the cancer back?", "causes_cancer"),
    ("is it worse than a heating pad?", "other_devices"),
])
def test_harm_questions_have_their_own_answer(text, topic):
    from padsafety.conversation import beyond_source_topic

    found = beyond_source_topic(text)
    assert (found.id if found else None) == topic


def test_the_harm_answers_stay_with_the_source():
    from padsafety.conversation import beyond_source_topics

    answers = {t.id: t.answer for t in beyond_source_topics()}
    assert answers["make_worse"].startswith("My source does not say")
    assert "manual" in answers["make_worse"] and "doctor" in answers["make_worse"]
    assert answers["causes_cancer"].startswith("My source says nothing")
    assert "tumour" in answers["causes_cancer"]


# #49: "my brother wants to borrow it ... he's a healthy 30 year old" after the user's own lupus verdict
@pytest.mark.parametrize("text, asked", [
    ("my sister wants to borrow it for her neck, she's a fit 40 year old", True),
    ("so is it fine for him or not?", True),
    ("my husband is a healthy guy, can he use it?", True),
    ("my sister wants to borrow it but she has lupus too", False),
])
def test_a_healthy_other_after_the_users_own_verdict(text, asked):
    from padsafety.conversation import asks_for_healthy_other

    history = ["I have lupus, can I use it?", "my sister asked about it"]
    assert asks_for_healthy_other(text, "do_not_use", None, history, history) is asked


# something long over, at questions about now (development round 21: asked again, "I don't know")
@pytest.mark.parametrize("text, requested, value", [
    ("had a lump cut out ages ago, benign, nothing now", "screen_cancer_in_area", "no"),
    ("no, my foot went numb after a nerve block years ago but it wore off that evening",
     "screen_reduced_sensation", "no"),
    ("a mole was removed two years ago and they're still keeping an eye on it", "screen_cancer_in_area",
     "unknown"),
    ("yes, numb patch on my shin", "screen_reduced_sensation", "yes"),
])
def test_something_long_over_at_a_question_about_now(text, requested, value):
    from tests.test_actions import form_turn, slot_events

    _, events = form_turn(text, requested, intent="inform")
    assert slot_events(events).get(requested) == value


# #25: "I don't want that kept" while the deletion waits for its yes
@pytest.mark.parametrize("text, wish", [
    ("I mentioned my diagnosis before, I don't want that stored", True),
    ("please don't keep any of it", False),  # ("any of it" without what: the plain yes reads it)
    ("delete it all", True),
    ("no, don't delete it, keep everything", False),
])
def test_a_wish_not_to_keep_it_answers_the_confirmation(text, wish):
    from components.safety_policy import _DONT_KEEP, _KEEP_IT

    assert (bool(_DONT_KEEP.search(text)) and not _KEEP_IT.match(text)) is wish


# #19: "hmm not sure, I get eczema sometimes" (noted "I don't know"), then stop: "from what you already told
# me (Acute skin infection or acute eczema)" read as a yes
def test_a_stop_after_i_dont_know_says_it_was_a_doubt():
    from padsafety.conversation import stopped_reply
    from padsafety.rules import Verdict

    said = stopped_reply(Verdict.ASK_DOCTOR, [], unsure_titles=["Acute skin infection or acute eczema"])
    assert said.startswith("But you weren't sure about acute skin infection or acute eczema")
    assert "told me" not in said
    both = stopped_reply(Verdict.DO_NOT_USE, ["Pregnancy"], unsure_titles=["Photosensitivity"])
    assert "(Pregnancy, not sure: photosensitivity)" in both and "should not use" in both
