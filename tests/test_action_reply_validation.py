"""The action server's replies are checked as Rasa checks them, with a validator built once.

components/resilient_actions.py replaces Rasa's `jsonschema.validate` call (which checks the constant
schema against the meta-schema on every reply) by a validator built once per class. Every reply here is
also given to Rasa's own `RemoteAction._validate_action_result`: both must accept the same replies and
reject the same ones with the same message.
"""

import asyncio
from types import SimpleNamespace

import jsonschema
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from rasa.core.actions.action import RemoteAction
from rasa.shared.core.domain import Domain
from rasa.shared.core.events import BotUttered, SlotSet, UserUttered
from rasa.shared.core.trackers import DialogueStateTracker

from components.resilient_actions import APOLOGY, ResilientRemoteAction

VALID = [
    {},
    {"events": [], "responses": []},
    {
        "events": [
            {"event": "slot", "name": "screen_pregnancy", "value": False, "timestamp": None},
            {"event": "slot", "timestamp": None, "name": "requested_slot", "value": "screen_skin"},
            {"event": "active_loop", "name": "screening_form", "timestamp": 1.5},
            {"event": "bot", "text": "hi", "data": {}, "metadata": {}},
            {"event": "action", "name": "action_listen", "policy": None, "confidence": None},
            {"event": "followup", "name": "utter_goodbye"},
            {"event": "reset_slots"},
            {"event": "restart"},
            {"event": "session_started", "metadata": None},
        ],
        "responses": [{"text": "Question 2 of 9", "buttons": [{"title": "Yes", "payload": "/affirm"}]}],
    },
    {
        "events": [
            {
                "event": "user",
                "text": "hi",
                "parse_data": {
                    "intent": {"name": "greet", "confidence": 0.9},
                    "intent_ranking": [{"name": "greet", "confidence": 0.9}],
                    "entities": [{"entity": "medical_condition", "value": "lupus", "start": 0, "end": 5}],
                    "response_selector": {"all_retrieval_intents": []},
                },
            },
            {"event": "entities", "entities": [{"entity": "x", "value": 1}]},
        ]
    },
]

INVALID = [
    [],  # not an object
    {"events": {"event": "slot"}},  # events not a list
    {"events": ["slot"]},  # an event that is not an object
    {"events": [{"name": "x", "value": 1}]},  # no event type
    {"events": [{"event": "no_such_event"}]},  # unknown type: none of the oneOf alternatives
    {"events": [{"event": 5}]},
    {"events": [{"event": "slot", "name": "x"}]},  # a slot without a value
    {"events": [{"event": "slot", "name": 3, "value": 1}]},
    {"events": [{"event": "bot", "timestamp": "yesterday"}]},
    {"events": [{"event": "bot", "metadata": []}]},
    {"events": [{"event": "user", "parse_data": {"intent": {"confidence": "high"}}}]},
    {"events": [{"event": "entities"}]},
    {"events": [{"event": "action", "hide_rule_turn": "no"}]},
    {"responses": {"text": "hi"}},
    {"responses": ["hi"]},
]


def stock(result):
    """Rasa's own check: an error message, or None when the reply is accepted."""
    try:
        RemoteAction("action_x", None)._validate_action_result(result)
    except jsonschema.ValidationError as error:
        return error.message
    return None


def ours(result):
    try:
        assert ResilientRemoteAction("action_x", None)._validate_action_result(result) is True
    except jsonschema.ValidationError as error:
        return error.message
    return None


@pytest.mark.parametrize("reply", VALID)
def test_valid_replies_are_accepted(reply):
    assert stock(reply) is None
    assert ours(reply) is None


@pytest.mark.parametrize("reply", INVALID)
def test_invalid_replies_are_rejected_with_rasas_message(reply):
    message = ours(reply)
    assert message is not None
    assert "Failed to validate Action server response from API" in message
    assert message == stock(reply)


JSON = st.recursive(
    st.none() | st.booleans() | st.integers() | st.floats(allow_nan=False) | st.text(max_size=5),
    lambda children: st.lists(children, max_size=3)
    | st.dictionaries(st.text(max_size=5), children, max_size=3),
    max_leaves=8,
)
EVENT_TYPES = st.sampled_from(["user", "action", "slot", "entities", "bot", "followup", "restart", "nope", 1])
EVENT = st.fixed_dictionaries(
    {},
    optional={
        "event": EVENT_TYPES,
        "name": st.text(max_size=5) | JSON,
        "value": JSON,
        "timestamp": st.none() | st.floats(allow_nan=False) | st.text(max_size=3),
        "metadata": st.none() | st.dictionaries(st.text(max_size=3), JSON, max_size=2) | JSON,
        "entities": JSON,
        "parse_data": JSON,
    },
)
REPLY = st.fixed_dictionaries(
    {},
    optional={"events": st.lists(EVENT, max_size=4) | JSON, "responses": st.lists(JSON, max_size=3) | JSON},
)


@settings(max_examples=300, deadline=None)
@given(REPLY)
def test_same_verdict_and_message_as_rasa_on_any_reply(reply):
    assert ours(reply) == stock(reply)


def test_the_schema_is_checked_once_not_per_reply(monkeypatch):
    class Fresh(ResilientRemoteAction):
        pass

    checks = []
    original = jsonschema.Draft202012Validator.check_schema
    monkeypatch.setattr(
        jsonschema.Draft202012Validator,
        "check_schema",
        classmethod(lambda cls, schema: checks.append(1) or original(schema)),
    )
    for _ in range(5):
        Fresh("action_x", None)._validate_action_result(VALID[2])
    assert len(checks) == 1
    with pytest.raises(jsonschema.ValidationError):
        Fresh("action_x", None)._validate_action_result(INVALID[4])
    assert len(checks) == 1


class Endpoint:
    """An action endpoint that answers every call with one reply."""

    def __init__(self, reply):
        self.reply = reply
        self.kwargs = {}
        self.url = "http://actions.invalid/webhook"

    async def request(self, **kwargs):
        return self.reply


def run_action(reply):
    domain = Domain.from_yaml("version: '3.1'\nslots:\n  x:\n    type: any\n    mappings: []\n")
    tracker = DialogueStateTracker.from_events("s" * 20, [UserUttered("hello")], slots=domain.slots)
    action = ResilientRemoteAction("action_x", None)
    action.action_endpoint = Endpoint(reply)  # after __init__, which may wrap the endpoint (action_auth)
    output = SimpleNamespace(name=lambda: "rest")
    return asyncio.run(action.run(output, None, tracker, domain))


def test_a_valid_reply_becomes_its_events():
    events = run_action({"events": [{"event": "slot", "name": "x", "value": 1}], "responses": []})
    assert events == [SlotSet("x", 1)]


def test_an_invalid_reply_is_refused_and_the_user_gets_the_apology():
    events = run_action({"events": [{"event": "no_such_event"}]})
    assert len(events) == 1 and isinstance(events[0], BotUttered)
    assert events[0].text.startswith(APOLOGY)
