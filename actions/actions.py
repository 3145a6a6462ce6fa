"""Custom actions: thin adapters between Rasa trackers and the rules engine."""

from __future__ import annotations

import logging
from typing import Any, Dict, List, Text

from rasa_sdk import Action, Tracker
from rasa_sdk.events import ActionExecuted, EventType, SessionStarted, SlotSet
from rasa_sdk.executor import CollectingDispatcher

from actions.db import default_buffer
from padsafety.messages import FORGET_DONE, FORGET_PENDING, condition_assessment, screening_verdict
from padsafety.recognition import Experiencer, Recognition, recognise
from padsafety.rules import default_rulebook

logger = logging.getLogger(__name__)

OFFER_SCREENING = [{"title": "Run the safety check", "payload": "/request_screening"}]


def screening_slot(rule_id: Text) -> Text:
    """The form slot that holds the answer for a screening rule."""
    return f"screen_{rule_id}"


def latest_recognition(tracker: Tracker) -> Recognition:
    """What the recogniser makes of the latest message (deterministic: the same as in the policy)."""
    text = tracker.latest_message.get("text") or ""
    return recognise(None if text.startswith("/") else text)


def mentioned_conditions(tracker: Tracker) -> List[Text]:
    """Canonical names of the conditions the latest message affirms, for the user or anyone."""
    names: List[Text] = []
    for mention in latest_recognition(tracker).affirmed():
        if mention.condition not in names:
            names.append(mention.condition)
    return names


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
        """Utters the rule-based assessment, for whom it concerns, and offers the full safety check."""
        recognition = latest_recognition(tracker)
        subject = "self"
        for experiencer in (Experiencer.SELF, Experiencer.OTHER, Experiencer.GENERAL):
            mentions = recognition.affirmed(experiencer)
            if mentions:
                subject = experiencer.value
                break
        names = list(dict.fromkeys(m.condition for m in mentions)) if recognition.affirmed() else []
        if not names and tracker.latest_message.get("text") == "/mention_condition":
            subject = "other"  # the clarifying question's "Yes, someone else's" button
        assessment = default_rulebook().assess_conditions(names)
        dispatcher.utter_message(text=condition_assessment(assessment, subject), buttons=OFFER_SCREENING)
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
        return [SlotSet(screening_slot(r.id), None) for r in rulebook.screening_rules] + [
            SlotSet("screening_mentioned", None)
        ]


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


class ActionContact(Action):
    """Tells the user whom to contact: a person (``HUMAN_CONTACT``) or the seller (``SELLER_CONTACT``)."""

    def name(self) -> Text:
        """Action name used in the domain and rules."""
        return "action_contact"

    async def run(
        self, dispatcher: CollectingDispatcher, tracker: Tracker, domain: Dict[Text, Any]
    ) -> List[EventType]:
        """Purchases get the seller's contact, anything else a person's (both from the settings)."""
        from padsafety.messages import contact_reply
        from padsafety.settings import settings

        config = settings()
        purchase = tracker.latest_message.get("intent", {}).get("name") == "ask_purchase"
        dispatcher.utter_message(
            text=contact_reply(purchase, config.seller_contact if purchase else config.human_contact)
        )
        return []
