"""The safety policy's plan for a message (components/safety_policy.py), without a trained model."""

import pytest

from components.safety_policy import (
    UTTER_EMERGENCY,
    UTTER_EMERGENCY_BURN,
    UTTER_EMERGENCY_FOLLOWUP,
    UTTER_STILL_GO,
    _denies_asked_rule,
    safety_plan,
)


@pytest.mark.parametrize(
    "text, intent, expected",
    [
        # "so how long on the chest?" after chest-pain advice: still the emergency's question
        ("so how long on the chest?", "ask_usage_safety", [UTTER_EMERGENCY_FOLLOWUP]),
        ("ok, is it safe for me then?", "request_screening", [UTTER_EMERGENCY_FOLLOWUP]),
        # (a yes: still get help, user study round 12, #30)
        ("should we still call?", "ask_purchase", [UTTER_STILL_GO]),
        # moving on: thanks, or a question about what the pad can do
        ("thanks", "thank", []),
        ("what can it do for muscles?", "ask_benefit_muscle_joint", []),
    ],
)
def test_the_turn_after_the_emergency_follow_up(text, intent, expected):
    plan = safety_plan(text, intent, False, UTTER_EMERGENCY_FOLLOWUP, UTTER_EMERGENCY)
    assert plan == expected


def test_after_burn_advice_a_question_for_the_seller_moves_on():
    burn = UTTER_EMERGENCY_BURN
    assert safety_plan("who do I report this faulty pad to?", "ask_purchase", False, burn, burn) == []
    # but not after advice for a chest pain
    plan = safety_plan("who pays for the ambulance?", "ask_purchase", False, UTTER_EMERGENCY, UTTER_EMERGENCY)
    assert plan == [UTTER_EMERGENCY_FOLLOWUP]


@pytest.mark.parametrize(
    "text, intent, expected",
    [
        ("good. and no pacemaker either haha", "ask_avoid_implanted_device", True),
        ("not pregnant btw", "ask_avoid_pregnancy", True),
        # a question about the topic, or a condition that is affirmed, is answered as before
        ("no pacemaker, but is it safe with an ICD?", "ask_avoid_implanted_device", False),
        ("can people with pacemakers use it?", "ask_avoid_implanted_device", False),
        ("I have a pacemaker", "ask_avoid_implanted_device", False),
        ("no pacemaker either", "ask_benefits", False),
    ],
)
def test_a_statement_that_rules_the_topic_out_is_not_a_question_about_it(text, intent, expected):
    assert _denies_asked_rule(text, intent) is expected


def test_a_plan_to_ask_the_midwife_is_not_a_question_about_pregnancy():
    text = "thank you, will ask my midwife at the 6 week check"
    assert safety_plan(text, "affirm", False, None, None) == []
    # the same words as a question still get the rules' general answer
    question = "is it ok to use before my midwife appointment?"
    assert safety_plan(question, "nlu_fallback", False, None, None) != []


# --- user study round 6: questions about the verdict just given, benefits after "do not use", practical -----
@pytest.mark.parametrize(
    "text, known, expected",
    [
        ("but it's red light, not UV. lupus is about sun. why would it matter?", {"lupus"}, True),
        ("why would blood thinners matter for a light?", {"blood thinners", "a regular medicine"}, True),
        ("should i see a doctor for the eczema then?", {"eczema"}, True),
        # a new condition, or no question about the known one, is referred as before
        ("why would lupus matter?", {"eczema"}, False),
        ("I have lupus too", {"lupus"}, False),
        ("why?", {"lupus"}, False),  # (no condition named: the rules send it to the follow-up themselves)
    ],
)
def test_a_why_or_see_a_doctor_about_a_known_condition_is_a_follow_up(text, known, expected):
    from components.safety_policy import asks_about_known

    assert asks_about_known(text, known) is expected


def test_a_plan_naming_a_known_condition_is_no_new_mention():
    from components.safety_policy import names_only_known

    assert names_only_known("ok thanks, ill ask my midwife", {"pregnancy"})
    assert not names_only_known("ok thanks, ill ask my midwife", set())
    assert not names_only_known("thanks, and I have lupus", {"pregnancy"})


@pytest.mark.parametrize(
    "named, known, expected",
    [
        (["pregnancy"], [], True),
        (["porphyria"], [], True),
        (["arthritis"], [], False),
        ([], ["implanted electronic device"], True),
        (["not a condition"], [], False),
    ],
)
def test_benefits_are_held_back_after_a_do_not_use(named, known, expected):
    from components.safety_policy import do_not_use_for

    assert do_not_use_for(named, known) is expected


@pytest.mark.parametrize(
    "text, practical",
    [
        ("what colour is the light?", True),
        ("is it supposed to flash?", True),
        ("how do I clean it", True),
        ("does the battery last long?", True),
        ("does it get hot?", True),
        ("only on my shoulders then?", False),
        ("can it help my back?", False),
    ],
)
def test_practical_questions_get_no_verdict_reminder(text, practical):
    from rasa.shared.core.domain import Domain
    from rasa.shared.core.events import SlotSet
    from rasa.shared.core.trackers import DialogueStateTracker

    from components.safety_policy import _needs_verdict_reminder, is_practical_question

    assert is_practical_question(text) is practical
    from pathlib import Path

    domain = Domain.from_path(Path(__file__).resolve().parent.parent / "domain.yml")
    tracker = DialogueStateTracker.from_events(
        "round6", [SlotSet("known_verdict", "ask_doctor"), SlotSet("known_rules", ["other_condition"])],
        domain.slots,
    )
    assert _needs_verdict_reminder(tracker, "ask_not_in_source", "action_listen", text) is not practical


# ---- user study round 7 -----------------------------------------------------------------------------------
def _tracker(*texts, slots=None):
    """A conversation of user messages (the last is the latest), with the domain's slots set as given."""
    from pathlib import Path

    from rasa.shared.core.domain import Domain
    from rasa.shared.core.events import ActionExecuted, SlotSet, UserUttered
    from rasa.shared.core.trackers import DialogueStateTracker

    domain = Domain.load(str(Path(__file__).resolve().parent.parent / "domain.yml"))
    events = [SlotSet(name, value) for name, value in (slots or {}).items()]
    for text in texts:
        events += [UserUttered(text), ActionExecuted("utter_acknowledge"), ActionExecuted("action_listen")]
    return DialogueStateTracker.from_events("policy-test-0123456789", events[:-2], domain.slots)


def test_pregnancy_told_earlier_makes_its_warning_signs_an_emergency():
    # user study round 7 (#42): the second message alone names no pregnancy
    from components.safety_policy import conversation_conditions

    signs = "the headache is getting worse and the flashing spots wont go away"
    tracker = _tracker("I'm 34 weeks pregnant, can the pad help my swollen feet?", signs)
    known = conversation_conditions(tracker)
    assert "pregnancy" in known
    assert safety_plan(signs, "ask_avoid_skin_conditions", False, known=known) == [UTTER_EMERGENCY]
    assert safety_plan(signs, "ask_avoid_skin_conditions", False) == []
    # a general question about pregnancy earlier is nobody's pregnancy
    general = _tracker("can pregnant women use it?", signs)
    assert "pregnancy" not in conversation_conditions(general)
    # remembered for someone else counts too
    other = _tracker(signs, slots={"known_other_conditions": ["pregnancy"]})
    assert "pregnancy" in conversation_conditions(other)


def test_a_denial_of_what_the_previous_message_named_takes_it_back():
    # user study round 7 (#41, #31): named in a question, not remembered, then denied: said back, not ignored
    from components.safety_policy import _takes_back_known

    denial = "im not pregnant lol im literally on my period"
    tracker = _tracker("i read something about pregnancy and belly", denial)
    assert _takes_back_known(tracker, denial)
    tracker = _tracker(
        "im on methotrexate, is that one of the meds that make you light sensitive?",
        "i never said i was light sensitive, i was asking if the drug is",
        slots={"known_conditions": ["photosensitising medication"]},
    )
    assert _takes_back_known(tracker, "i never said i was light sensitive, i was asking if the drug is")
    # a denial of something nobody named is not a correction
    assert not _takes_back_known(_tracker("what can it do?", "I'm not pregnant"), "I'm not pregnant")


def test_who_should_she_ask_after_her_verdict_is_a_follow_up():
    # user study round 7 (#48)
    from components.safety_policy import asks_who_to_ask

    text = "ok who exactly should she ask, cardiologist?"
    slots = {"known_other_conditions": ["pacemaker", "arthritis"]}
    assert asks_who_to_ask(text, _tracker("my mum has a pacemaker", text, slots=slots))
    assert not asks_who_to_ask(text, _tracker("hello", text))  # no verdict to ask about
    new = "who should she ask about her epilepsy?"  # a new condition gets its referral first
    assert not asks_who_to_ask(new, _tracker("my mum has a pacemaker", new, slots=slots))


def test_the_users_own_wound_is_not_the_other_persons():
    # user study round 7 (#28): "the wound is mine btw, not hers" after a flatmate's scrape
    from components.safety_policy import _about_the_other_person

    slots = {"known_other_conditions": ["open wound"]}
    for text in ("the wound is mine btw, not hers", "its my own wound not someone elses"):
        tracker = _tracker("my flatmate's scrape is crusty", text, slots=slots)
        assert not _about_the_other_person(tracker, text)
    text = "can she use it on her knee then?"
    assert _about_the_other_person(_tracker("my flatmate's scrape is crusty", text, slots=slots), text)


def test_yes_or_no_after_the_water_no_is_the_no_again():
    # user study round 7 (#52)
    from components.safety_policy import _holds_safety_no

    tracker = _tracker("can it go in the tub with me? its the plug-in kind", "just yes or no please")
    assert _holds_safety_no(tracker, "action_answer_beyond_source", "just yes or no please")
    assert not _holds_safety_no(tracker, "utter_benefits", "just yes or no please")
    other = _tracker("does it help acne?", "just yes or no please")
    assert not _holds_safety_no(other, "action_answer_beyond_source", "just yes or no please")


def test_a_pregnancy_taken_back_later_is_not_read_from_the_earlier_message():
    from components.safety_policy import conversation_conditions

    denial = "test was negative, i'm not pregnant after all"
    tracker = _tracker("i could be pregnant, is it ok?", denial, "hi")
    assert "pregnancy" not in conversation_conditions(tracker)


@pytest.mark.parametrize(
    "text, asks",
    [("so its ok to use it or not? im confused", True), ("is it safe or not", True), ("is ok then?", True),
     ("who should avoid it?", False)],
)
def test_ok_or_not_asks_whether_the_verdict_holds(text, asks):
    # after the child's "ask a paediatrician first", "ok or not?" got the who-should-avoid list (round 6, #06)
    from components.safety_policy import _STATUS_CUE

    assert bool(_STATUS_CUE.search(text)) is asks


@pytest.mark.parametrize("text,other_area", [
    ("fine what about only my feet then? thats like a meter away", True),
    ("ok what about only on my feet then, they get so cold", True),
    ("even just on her hands?", True),
    ("can I use it on my feet", False),
])
def test_round7_another_body_part_after_a_verdict(text, other_area):
    # the restriction is about the person, not the body part (user study round 7, #11, #04)
    from components.safety_policy import OTHER_AREA

    assert bool(OTHER_AREA.search(text)) is other_area
