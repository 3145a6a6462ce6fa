"""Validation for the screening form."""

from __future__ import annotations

from typing import Any, Dict, List, Text

from rasa_sdk import Action, FormValidationAction, Tracker
from rasa_sdk.events import EventType, SlotSet
from rasa_sdk.executor import CollectingDispatcher

from actions.actions import mentioned_conditions, screening_slot
from actions.rules_engine import default_rulebook

OTHER_CONDITION_RULE = "other_condition"


class ValidateScreeningForm(FormValidationAction):
    """Fills screening answers from conditions named in free text.

    Buttons and yes/no/don't-know replies are mapped in the domain. When a user names a condition
    instead ("btw I have lupus"), the matching question is answered "yes" (a condition without a
    question of its own counts as "another medical condition"), so the verdict takes it into account
    and the form goes on rather than rejecting the message.
    """

    def name(self) -> Text:
        """Rasa's name for this form's validation action."""
        return "validate_screening_form"

    async def get_extraction_events(
        self, dispatcher: CollectingDispatcher, tracker: Tracker, domain: Dict[Text, Any]
    ) -> List[EventType]:
        """Domain mappings first, then a "yes" for each condition named in the message."""
        events = await super().get_extraction_events(dispatcher, tracker, domain)
        rulebook = default_rulebook()
        asked = {r.id for r in rulebook.screening_rules}
        named = mentioned_conditions(tracker)
        if not named and tracker.latest_message.get("intent", {}).get("name") == "mention_condition":
            named_rules = [OTHER_CONDITION_RULE]
        else:
            named_rules = [rulebook.condition(name).rule_id for name in named]
        for rule_id in named_rules:
            slot = screening_slot(rule_id if rule_id in asked else OTHER_CONDITION_RULE)
            if tracker.get_slot(slot) != "yes":
                events.append(SlotSet(slot, "yes"))
                tracker.slots[slot] = "yes"
        return events


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
        rules = default_rulebook().screening_rules
        index = [r.id for r in rules].index(self.rule_id)
        text = f"Question {index + 1} of {len(rules)}: {rules[index].question}"
        dispatcher.utter_message(text=text, buttons=ANSWER_BUTTONS)
        return []


# One asking action per screening rule; rasa_sdk registers every Action subclass it finds.
for _rule in default_rulebook().screening_rules:
    _class_name = "AskScreen" + "".join(part.title() for part in _rule.id.split("_"))
    globals()[_class_name] = type(_class_name, (AskScreeningQuestion,), {"rule_id": _rule.id})
