"""The rules' window (components/rule_window.py) sees exactly the last states of the whole conversation.

Checked on every prefix of every conversation in the test stories and the training rules (forms,
interruptions, emergencies, forgetting), and on a long conversation built from them, with windows far
shorter than the policy's, so that a window starts in every kind of place.
"""

from pathlib import Path
from typing import Iterator, List

import pytest
from rasa.shared.core.domain import Domain
from rasa.shared.core.events import ActionExecuted, Event, UserUttered
from rasa.shared.core.generator import TrainingDataGenerator
from rasa.shared.core.trackers import DialogueStateTracker
from rasa.shared.core.training_data.story_reader.yaml_story_reader import YAMLStoryReader
from rasa.shared.core.training_data.structures import StoryGraph

from components.rule_window import recent_tracker

PROJECT = Path(__file__).resolve().parent.parent


@pytest.fixture(scope="module")
def domain() -> Domain:
    return Domain.load(str(PROJECT / "domain.yml"))


@pytest.fixture(scope="module")
def conversations(domain: Domain) -> List[List[Event]]:
    files = sorted((PROJECT / "tests" / "stories").glob("*.yml")) + sorted(
        (PROJECT / "data" / "rules").glob("*.yml")
    )
    steps = []
    for path in files:
        steps += YAMLStoryReader(domain).read_from_file(str(path))
    trackers = TrainingDataGenerator(
        StoryGraph(steps), domain, augmentation_factor=0, remove_duplicates=False, unique_last_num_states=None
    ).generate()
    stories = [list(tracker.events) for tracker in trackers]
    # and the same, eight after another in one conversation: windows far from its start
    joined = [sum(stories[i : i + 8], []) for i in range(0, len(stories), 8)]
    return stories + joined


def _prefixes(domain: Domain, events: List[Event]) -> Iterator[DialogueStateTracker]:
    """The conversation as the policy sees it before each of its actions."""
    for index, event in enumerate(events):
        if isinstance(event, ActionExecuted) and index > 0:
            yield DialogueStateTracker.from_events("window-test", events[:index], domain.slots)


def _same_tail(domain: Domain, tracker: DialogueStateTracker, actions: int) -> bool:
    """Whether the window's states (its first dropped) are the whole conversation's last ones; None if
    the whole conversation is used."""
    window = recent_tracker(tracker, actions, [slot.name for slot in domain.slots])
    if window is None:
        return None
    states = window.past_states(domain)[1:]  # (fewer than `actions` when Rasa merges a form's turns)
    return tracker.past_states(domain)[-len(states):] == states


@pytest.mark.parametrize("actions", [2, 3, 5, 8])
def test_the_window_states_are_the_conversations_last_states(domain, conversations, actions):
    windows = 0
    for events in conversations:
        for tracker in _prefixes(domain, events):
            same = _same_tail(domain, tracker, actions)
            if same is not None:
                windows += 1
                assert same, [str(e) for e in tracker.events][-30:]
    # the check must have looked at many windows, not only at conversations too short for one
    assert windows > 300


def test_a_long_conversation_uses_a_window_and_keeps_the_slots(domain, conversations):
    # every story after another, as one conversation: slots set early must reach late states
    events: List[Event] = []
    for story in conversations[:60]:
        events += story
    tracker = DialogueStateTracker.from_events("window-long", events, domain.slots)
    every_slot = [slot.name for slot in domain.slots]
    window = recent_tracker(tracker, 8, every_slot)
    if window is None:  # the conversation ended inside a form: step back to the end of a turn
        cut = max(i for i, e in enumerate(events) if isinstance(e, UserUttered))
        tracker = DialogueStateTracker.from_events("window-long", events[: cut - 1], domain.slots)
        window = recent_tracker(tracker, 8, every_slot)
    assert window is not None
    assert len(window.events) < len(tracker.events) / 4
    assert tracker.past_states(domain)[-7:] == window.past_states(domain)[-7:]
    replayed = DialogueStateTracker.from_events("window-long", list(window.events), domain.slots)
    assert replayed.current_slot_values() == tracker.current_slot_values()
    assert any(value is not None for value in replayed.current_slot_values().values())


def test_a_short_conversation_is_used_whole(domain):
    tracker = DialogueStateTracker.from_events(
        "window-short",
        [
            ActionExecuted("action_listen"),
            UserUttered("hi", {"name": "greet"}),
            ActionExecuted("utter_greet"),
        ],
        domain.slots,
    )
    assert recent_tracker(tracker, 4) is None


def test_the_policy_gives_its_rules_the_last_states(domain, conversations):
    from rasa.core.policies.rule_policy import RULES, RulePolicy
    from rasa.engine.graph import ExecutionContext, GraphSchema

    from components.safety_policy import SafetyRulePolicy

    # one rule of three states: the window must keep at least those (plus the policy's margin)
    rule = '[{"prev_action": {"action_name": "action_listen"}}, {}, {}]'
    policy = SafetyRulePolicy(
        {**SafetyRulePolicy.get_default_config()}, None, None,
        ExecutionContext(GraphSchema({}), "window-test"), lookup={RULES: {rule: "utter_greet"}},
    )
    compared = 0
    for events in sorted(conversations, key=len)[-6:]:
        for tracker in _prefixes(domain, events):
            states = policy._prediction_states(tracker, domain)
            whole = RulePolicy._prediction_states(policy, tracker, domain)
            assert len(states) >= min(3, len(whole)) and whole[-len(states):] == states
            compared += len(states) < len(whole)
    assert compared > 30  # the window was used
