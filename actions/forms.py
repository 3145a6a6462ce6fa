"""Validation for the screening form."""

from __future__ import annotations

from typing import Any, Dict, List, Optional, Text

from rasa_sdk import Action, FormValidationAction, Tracker
from rasa_sdk.events import EventType, SlotSet
from rasa_sdk.executor import CollectingDispatcher

from actions.actions import latest_recognition, screening_slot
from padsafety.answers import parse_answer
from padsafety.recognition import Experiencer
from padsafety.rules import default_rulebook

OTHER_CONDITION_RULE = "other_condition"
MENTIONED_SLOT = "screening_mentioned"
SAFETY_REPLIES = {"utter_doctor_referral", "utter_doctor_referral_other", "utter_emergency"}


def screening_rule_for(rule_id: Text) -> Text:
    """The screening question that covers a rule (rules without a question: "another condition")."""
    asked = {r.id for r in default_rulebook().screening_rules}
    return rule_id if rule_id in asked else OTHER_CONDITION_RULE


def _answered_otherwise_this_turn(tracker: Tracker) -> bool:
    """A rule already answered the message (a question during the check): no hint needed."""
    for event in reversed(tracker.events):
        if event.get("event") == "user":
            return False
        name = event.get("name") or ""
        if event.get("event") == "action" and name.startswith("utter_") and name not in SAFETY_REPLIES:
            return True
    return False


def _other_mentions(recognition: Any, asked_rule: Optional[Text]) -> List[Any]:
    """The user's own conditions that belong to a question other than the one asked."""
    return [
        m for m in recognition.affirmed(Experiencer.SELF) if screening_rule_for(m.rule_id) != asked_rule
    ]


class ValidateScreeningForm(FormValidationAction):
    """Reads the answer to the question just asked, and notes conditions named along the way.

    Only an explicit answer counts ("no", "nope, no pacemaker", "not that I know of", "I think so"),
    or naming the very condition asked about ("I'm on doxycycline"); it always wins over anything
    else recognised in the same message ("No, I'm not pregnant" is a no). Everyday replies ("sounds
    good") record nothing: the question is asked again with a hint. Anything else is left to the rules
    (the form rejects it): "stop", a question about the question, chit-chat. A condition of the user's that
    belongs to another question is noted, and that question is asked with "You mentioned ..." (asked
    again if it was answered "no"), so it counts once the user confirms it.
    """

    def name(self) -> Text:
        """Rasa's name for this form's validation action."""
        return "validate_screening_form"

    async def get_extraction_events(
        self, dispatcher: CollectingDispatcher, tracker: Tracker, domain: Dict[Text, Any]
    ) -> List[EventType]:
        """The answer to the requested question, and conditions noted for later questions."""
        requested = tracker.get_slot("requested_slot") or ""
        asked_rule = requested[len("screen_") :] if requested.startswith("screen_") else None
        recognition = latest_recognition(tracker)
        events: List[EventType] = []
        if asked_rule:
            value = self._answer(tracker, asked_rule, recognition)
            if value is not None:
                events.append(SlotSet(requested, value))
            elif tracker.get_slot(requested) is not None:
                # the domain's yes/no mapping read an everyday reply ("sounds good") as an answer: undo it
                events.append(SlotSet(requested, None))
                if not _answered_otherwise_this_turn(tracker):
                    dispatcher.utter_message(response="utter_screening_answer_hint")
            # otherwise nothing is recorded and the form rejects the message, so the rules answer it
            # ("stop", a question about the question, chit-chat)
        for mention in _other_mentions(recognition, asked_rule):
            target = screening_slot(screening_rule_for(mention.rule_id))
            if tracker.get_slot(target) == "no":
                events.append(SlotSet(target, None))  # ask again, naming it
        return events

    async def run(
        self, dispatcher: CollectingDispatcher, tracker: Tracker, domain: Dict[Text, Any]
    ) -> List[EventType]:
        """The form's slot events, plus the conditions noted for confirmation (not a form slot)."""
        requested = tracker.get_slot("requested_slot") or ""
        asked_rule = requested[len("screen_") :] if requested.startswith("screen_") else None
        noted = list(tracker.get_slot(MENTIONED_SLOT) or [])
        for mention in _other_mentions(latest_recognition(tracker), asked_rule):
            if mention.condition not in noted:
                noted.append(mention.condition)
        events = await super().run(dispatcher, tracker, domain)
        if noted != list(tracker.get_slot(MENTIONED_SLOT) or []):
            events.append(SlotSet(MENTIONED_SLOT, noted))
        return events

    @staticmethod
    def _answer(tracker: Tracker, asked_rule: Text, recognition: Any) -> Optional[Text]:
        answer = parse_answer(tracker.latest_message.get("text"))
        if answer is not None:
            return answer.value
        own = [
            m for m in recognition.mentions
            if screening_rule_for(m.rule_id) == asked_rule and m.experiencer is Experiencer.SELF
        ]
        if any(m.affirmed for m in own):
            return "yes"
        if own:
            return "no"
        return None


ANSWER_BUTTONS = [
    {"title": "Yes", "payload": "/affirm"},
    {"title": "No", "payload": "/deny"},
    {"title": "I don't know", "payload": "/dont_know"},
    {"title": "Stop", "payload": "/stop"},
]


class AskScreeningQuestion(Action):
    """Asks one screening question, worded as in the rule data, with answer buttons."""

    rule_id: Text = ""

    def name(self) -> Text:
        """Rasa calls `action_ask_<slot>` to ask for a form slot."""
        return f"action_ask_{screening_slot(self.rule_id)}"

    async def run(
        self, dispatcher: CollectingDispatcher, tracker: Tracker, domain: Dict[Text, Any]
    ) -> List[EventType]:
        """Utters "Question n of N: ..." with Yes / No / I don't know / Stop buttons."""
        rulebook = default_rulebook()
        rules = rulebook.screening_rules
        index = [r.id for r in rules].index(self.rule_id)
        text = f"Question {index + 1} of {len(rules)}: {rules[index].question}"
        noted = [
            name for name in tracker.get_slot(MENTIONED_SLOT) or []
            if screening_rule_for(rulebook.condition(name).rule_id) == self.rule_id
        ]
        if noted:
            text = f"You mentioned {' and '.join(noted)}. {text}"
        dispatcher.utter_message(text=text, buttons=ANSWER_BUTTONS)
        return []


# One asking action per screening rule; rasa_sdk registers every Action subclass it finds.
for _rule in default_rulebook().screening_rules:
    _class_name = "AskScreen" + "".join(part.title() for part in _rule.id.split("_"))
    globals()[_class_name] = type(_class_name, (AskScreeningQuestion,), {"rule_id": _rule.id})
