"""User study round 38: each cause fixed the same session, tested without Rasa servers (the conversations are
in tests/scenarios/real_users_dev32.yml, ids d39-). New wordings."""

import pytest

from padsafety.conversation import beyond_source_topic
from padsafety.recognition import recognise
from tests.test_actions import form_turn, slot_events


@pytest.mark.parametrize("text, named", [
    # "AF" as slang after how a body part feels (#30: read as atrial fibrillation, "heart disease")
    ("back stiff af after moving house, will the pad help?", False),
    ("my legs are achy af", False),
    ("I was diagnosed with AF last year", True),
])
def test_af_as_slang(text, named):
    assert any(m.condition == "heart disease" for m in recognise(text).affirmed()) is named


@pytest.mark.parametrize("text, topic", [
    # "I'll sleep on it" decides later (#20: the warning about falling asleep on the pad)
    ("thanks, I'll sleep on it and decide tomorrow", None),
    ("let me sleep on it", None),
    ("is it safe to sleep on it all night?", "sleep_on_pad"),
])
def test_sleeping_on_it(text, topic):
    found = beyond_source_topic(text)
    assert (found.id if found else None) == topic


@pytest.mark.parametrize("text, value", [
    # a seizure from a fever is neither epilepsy nor set off by light (#34: recorded as epilepsy)
    ("had one as a kid from a high temperature, never since", "no"),
    ("yes, a febrile seizure when I was two", "unknown"),
    ("yes, strobe lights set one off once", "yes"),
    ("I have epilepsy, not light-triggered though", "yes"),
])
def test_a_fever_fit_at_the_seizure_question(text, value):
    _, events = form_turn(text, "screen_seizures", intent="inform")
    assert slot_events(events)["screen_seizures"] == value


@pytest.mark.parametrize("text, slots, value", [
    # the condition already counted under its own question (#36: asked again twice)
    ("just the eczema like I said", {"screen_skin_infection_or_eczema": "yes"}, "no"),
    ("yes, the lupus", {"screen_photosensitivity": "yes"}, "no"),
    ("yes, asthma", {"screen_skin_infection_or_eczema": "yes"}, "yes"),
])
def test_the_last_question_after_a_condition_already_counted(text, slots, value):
    _, events = form_turn(text, "screen_other_condition", intent="inform", **slots)
    assert slot_events(events)["screen_other_condition"] == value
