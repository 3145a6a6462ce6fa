"""Dialogue policy that puts safety first: emergency help and doctor referrals, before anything else.

It is Rasa's RulePolicy plus one deterministic step. For the latest user message it asks the
condition detector (``actions.conditions``), not the intent classifier:

- a red flag (chest pain, stroke signs, a burn from the device, self-harm...) -> ``utter_emergency``
  first; an active form is then stopped and the bot listens;
- a medical condition -> ``utter_doctor_referral`` first, then whatever the rules answer.

So the referral never depends on the intent, its confidence, the action server or the channel. The
rules then predict as if the referral were not there, so no rule has to know about it.
"""

from __future__ import annotations

from typing import Any, Dict, List, Optional, Text

from rasa.core.policies.policy import PolicyPrediction
from rasa.core.policies.rule_policy import RulePolicy
from rasa.engine.recipes.default_recipe import DefaultV1Recipe
from rasa.shared.core.constants import ACTION_DEACTIVATE_LOOP_NAME, ACTION_LISTEN_NAME
from rasa.shared.core.domain import Domain
from rasa.shared.core.events import ActionExecuted, Event, UserUttered
from rasa.shared.core.trackers import DialogueStateTracker

from actions.conditions import default_detector

UTTER_REFERRAL = "utter_doctor_referral"
UTTER_EMERGENCY = "utter_emergency"
# Either layer is enough: the word list, or the classifier naming one of these intents.
REFERRAL_INTENT = "mention_condition"
EMERGENCY_INTENT = "report_red_flag"


def current_turn(tracker: DialogueStateTracker) -> List[Event]:
    """Events since the latest user message."""
    events = list(tracker.events)
    for index in range(len(events) - 1, -1, -1):
        if isinstance(events[index], UserUttered):
            return events[index + 1 :]
    return events


def _executed(turn: List[Event]) -> List[Optional[Text]]:
    return [e.action_name for e in turn if isinstance(e, ActionExecuted)]


@DefaultV1Recipe.register(
    DefaultV1Recipe.ComponentType.POLICY_WITHOUT_END_TO_END_SUPPORT, is_trainable=True
)
class SafetyRulePolicy(RulePolicy):
    """RulePolicy that first gives emergency help or a doctor referral when the text calls for it."""

    def predict_action_probabilities(
        self,
        tracker: DialogueStateTracker,
        domain: Domain,
        rule_only_data: Optional[Dict[Text, Any]] = None,
        **kwargs: Any,
    ) -> PolicyPrediction:
        """Emergency, then referral, then the rules (see the module docstring)."""
        message = tracker.latest_message
        text = message.text if message else None
        intent = message.intent.get("name") if message else None
        done = _executed(current_turn(tracker))
        detector = default_detector()

        if UTTER_EMERGENCY in done or intent == EMERGENCY_INTENT or detector.find_red_flags(text):
            if UTTER_EMERGENCY not in done:
                return self._safety_prediction(UTTER_EMERGENCY, tracker, domain)
            if tracker.active_loop_name and ACTION_DEACTIVATE_LOOP_NAME not in done:
                return self._safety_prediction(ACTION_DEACTIVATE_LOOP_NAME, tracker, domain)
            return self._safety_prediction(ACTION_LISTEN_NAME, tracker, domain)

        if UTTER_REFERRAL not in done and (
            intent == REFERRAL_INTENT or detector.find_conditions(text)
        ):
            return self._safety_prediction(UTTER_REFERRAL, tracker, domain)

        prediction, _ = self._predict(tracker, domain)
        if UTTER_REFERRAL in done and prediction.max_confidence < 1.0:
            # No rule expects the referral we inserted: predict as if it had not happened.
            prediction, _ = self._predict(self._without_referral(tracker, domain), domain)
        return prediction

    def _safety_prediction(
        self, action_name: Text, tracker: DialogueStateTracker, domain: Domain
    ) -> PolicyPrediction:
        return self._rule_prediction(
            self._prediction_result(action_name, tracker, domain), f"safety:{action_name}"
        )

    @staticmethod
    def _without_referral(tracker: DialogueStateTracker, domain: Domain) -> DialogueStateTracker:
        events = list(tracker.events)
        turn_start = len(events) - len(current_turn(tracker))
        kept = events[:turn_start] + [
            e
            for e in events[turn_start:]
            if not (isinstance(e, ActionExecuted) and e.action_name == UTTER_REFERRAL)
        ]
        return DialogueStateTracker.from_events(tracker.sender_id, kept, domain.slots)
