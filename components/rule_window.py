"""The recent part of a conversation that a RulePolicy's rules can see (issue #16).

Rasa's RulePolicy featurises the whole conversation for every prediction
(``DialogueStateTracker.past_states`` replays every event and builds a state per action), although a
rule only compares its last few states. So a turn's cost grew with the conversation: turns 351-400 of
one conversation cost ~4x turns 1-50.

``recent_tracker`` builds a small tracker that starts a few turns back, at a user message, with the
values that the conversation-influencing slots had at that moment, so that its states, but for its first
one, are the last states of the whole conversation. The first state is dropped by the caller: it has no
previous action. It reads the events backwards once, with exact type checks (``isinstance`` on Rasa's
abstract event classes cost more than the rest of the scan). Where the equality could not be
guaranteed cheaply (a short conversation; a restart, a new session or a revert inside the window or
before a value it needs; a form active at the window's start, whose happy-path turns Rasa merges
across the window's start) it returns None and the caller uses the whole conversation, as Rasa does.
``tests/test_rule_window.py`` checks the equality on every prefix of every test story.
"""

from __future__ import annotations

from typing import Any, Collection, Dict, List, Optional, Set, Text, Type

from rasa.shared.core.constants import ACTION_LISTEN_NAME
from rasa.shared.core.events import (
    ActionExecuted,
    ActionReverted,
    ActiveLoop,
    AllSlotsReset,
    Event,
    Restarted,
    SessionStarted,
    SlotSet,
    UserUtteranceReverted,
    UserUttered,
)
from rasa.shared.core.trackers import DialogueStateTracker

# actions kept beyond the longest rule: a margin, so that no rule ever reaches the window's start
MARGIN = 4


def _kinds(*classes: Type[Event]) -> Set[type]:
    """The classes and their subclasses (e.g. the legacy form event is an ActiveLoop)."""
    found: Set[type] = set()
    todo = list(classes)
    while todo:
        cls = todo.pop()
        if cls not in found:
            found.add(cls)
            todo += cls.__subclasses__()
    return found


_ACTION = _kinds(ActionExecuted)
_USER = _kinds(UserUttered)
_LOOP = _kinds(ActiveLoop)
_SLOT = _kinds(SlotSet)
_RESET_SLOTS = _kinds(AllSlotsReset)
_NEW_START = _kinds(Restarted, SessionStarted)  # applied events begin after the latest of these
_REVERT = _kinds(ActionReverted, UserUtteranceReverted)


def recent_tracker(
    tracker: DialogueStateTracker, actions: int, featurized_slots: Collection[Text] = ()
) -> Optional[DialogueStateTracker]:
    """A tracker of the conversation's last turns holding at least `actions` actions, or None.

    It starts at the latest ``action_listen`` + user message far enough back, preceded by SlotSet
    events for the values that `featurized_slots` (the slots that appear in states) had there. None
    means: use the whole tracker (see the module docstring).
    """
    if tracker.is_rule_tracker:
        return None
    window: List[Event] = []
    seen, later = 0, None
    backwards = reversed(tracker.events)
    for event in backwards:
        kind = type(event)
        if kind in _NEW_START or kind in _REVERT:
            return None
        window.append(event)
        if kind in _ACTION:
            seen += 1
            if seen >= actions and event.action_name == ACTION_LISTEN_NAME and type(later) in _USER:
                break
        later = event
    else:
        return None  # too short for a window
    # what the window starts from: whether a form is active, and the slots that states show
    needed = set(featurized_slots)
    values: Dict[Text, Any] = {}
    loop_known = False
    for event in backwards:
        if loop_known and not needed:
            break
        kind = type(event)
        if kind in _REVERT:
            return None  # the value found could be a reverted one
        if kind in _NEW_START:
            break  # nothing before it applies: no form, slots as a session start leaves them
        if kind in _LOOP and not loop_known:
            if event.name is not None:  # type: ignore[attr-defined]
                return None
            loop_known = True
        elif kind in _SLOT and event.key in needed:  # type: ignore[attr-defined]
            needed.discard(event.key)  # type: ignore[attr-defined]
            values[event.key] = event.value  # type: ignore[attr-defined]
        elif kind in _RESET_SLOTS:
            needed.clear()
    recent = DialogueStateTracker(
        tracker.sender_id, tracker.slots.values(), is_rule_tracker=tracker.is_rule_tracker
    )
    recent.events.extend([SlotSet(key, value) for key, value in values.items()])
    recent.events.extend(reversed(window))
    return recent
