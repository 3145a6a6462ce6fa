"""Custom actions: thin adapters between Rasa trackers and the rules engine."""

from __future__ import annotations

import logging
from typing import Any, Dict, List, Text

from rasa_sdk import Action, Tracker
from rasa_sdk.events import ActionExecuted, EventType, SessionStarted, SlotSet
from rasa_sdk.executor import CollectingDispatcher

from actions.conditions import condition_names
from actions.db import default_buffer
from actions.messages import FORGET_DONE, FORGET_PENDING, condition_assessment, screening_verdict
from actions.rules_engine import default_rulebook

logger = logging.getLogger(__name__)

CONDITION_ENTITY = "medical_condition"
OFFER_SCREENING = [{"title": "Run the safety check", "payload": "/request_screening"}]


def screening_slot(rule_id: Text) -> Text:
    """The form slot that holds the answer for a screening rule."""
    return f"screen_{rule_id}"


def mentioned_conditions(tracker: Tracker) -> List[Text]:
    """Canonical condition names in the latest message: the extractor's entities, else the detector."""
    known = {c.name for c in default_rulebook().conditions}
    names: List[Text] = []
    for entity in tracker.latest_message.get("entities", []):
        value = entity.get("value")
        # only the extractor's canonical names: a crafted payload cannot name an unknown rule
        if entity.get("entity") == CONDITION_ENTITY and value in known and value not in names:
            names.append(value)
    return names or condition_names(tracker.latest_message.get("text"))


class ActionSessionStart(Action):
    """Starts a session with the disclaimer, keeping the slots of the previous session."""

    def name(self) -> Text:
        """Rasa's name for the session start action."""
        return "action_session_start"

    async def run(
        self, dispatcher: CollectingDispatcher, tracker: Tracker, domain: Dict[Text, Any]
    ) -> List[EventType]:
        """Sends the disclaimer and starts the session."""
        dispatcher.utter_message(response="utter_disclaimer")
        carried = [SlotSet(key, value) for key, value in tracker.current_slot_values().items()]
        return [SessionStarted(), *carried, ActionExecuted("action_listen")]


class ActionAssessCondition(Action):
    """Says what the contraindication rules make of the conditions the user named."""

    def name(self) -> Text:
        """Action name used in the domain and rules."""
        return "action_assess_condition"

    async def run(
        self, dispatcher: CollectingDispatcher, tracker: Tracker, domain: Dict[Text, Any]
    ) -> List[EventType]:
        """Utters the rule-based assessment and offers the full safety check."""
        assessment = default_rulebook().assess_conditions(mentioned_conditions(tracker))
        dispatcher.utter_message(text=condition_assessment(assessment), buttons=OFFER_SCREENING)
        return []


class ActionScreeningVerdict(Action):
    """Turns the screening form's answers into a verdict, then clears them for a next check."""

    def name(self) -> Text:
        """Action name used in the domain and rules."""
        return "action_screening_verdict"

    async def run(
        self, dispatcher: CollectingDispatcher, tracker: Tracker, domain: Dict[Text, Any]
    ) -> List[EventType]:
        """Utters the verdict with its reasons and resets the screening slots."""
        rulebook = default_rulebook()
        answers = {r.id: tracker.get_slot(screening_slot(r.id)) for r in rulebook.screening_rules}
        assessment = rulebook.evaluate(answers)
        dispatcher.utter_message(text=screening_verdict(assessment))
        # kept in memory and written later while the records database is down (actions/db.py)
        default_buffer().add_screening(
            sender_id=tracker.sender_id,
            channel=tracker.get_latest_input_channel() or "unknown",
            verdict=assessment.verdict.value,
            fired_rules=assessment.fired_rule_ids,
            rules_version=rulebook.version,
        )
        return [SlotSet(screening_slot(r.id), None) for r in rulebook.screening_rules]


class ActionForgetMe(Action):
    """Deletes the sender's screening records; the tracker store then drops the conversation.

    See components/tracker_store.py: Rasa's side deletes the conversation's events when it saves
    the turn in which this action ran.
    """

    def name(self) -> Text:
        """Action name used in the domain and rules (and by the privacy tracker store)."""
        return "action_forget_me"

    async def run(
        self, dispatcher: CollectingDispatcher, tracker: Tracker, domain: Dict[Text, Any]
    ) -> List[EventType]:
        """Deletes the records and confirms."""
        # while the records database is down the deletion waits and is done when it is back; the
        # tracker store does the same with the conversation (components/tracker_store.py)
        done = default_buffer().delete_sender(tracker.sender_id)
        dispatcher.utter_message(text=FORGET_DONE if done else FORGET_PENDING)
        return []
