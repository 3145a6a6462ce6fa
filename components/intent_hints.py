"""NLU component: applies ``padsafety.intent_hints`` after the intent classifier (see there why)."""

from __future__ import annotations

from typing import Any, Dict, List, Text

from rasa.engine.graph import ExecutionContext, GraphComponent
from rasa.engine.recipes.default_recipe import DefaultV1Recipe
from rasa.engine.storage.resource import Resource
from rasa.engine.storage.storage import ModelStorage
from rasa.shared.nlu.constants import INTENT, INTENT_RANKING_KEY, TEXT
from rasa.shared.nlu.training_data.message import Message

from padsafety.intent_hints import hinted_intent, topic_intent


@DefaultV1Recipe.register(DefaultV1Recipe.ComponentType.INTENT_CLASSIFIER, is_trainable=False)
class IntentHints(GraphComponent):
    """Sets the intent a cue decides, with confidence 1, keeping the classifier's ranking after it."""

    @classmethod
    def create(
        cls,
        config: Dict[Text, Any],
        model_storage: ModelStorage,
        resource: Resource,
        execution_context: ExecutionContext,
    ) -> "IntentHints":
        """Builds the component."""
        return cls()

    def process(self, messages: List[Message]) -> List[Message]:
        """Overrides the classifier's intent where a hint applies."""
        for message in messages:
            current = message.get(INTENT) or {}
            text, name = message.get(TEXT), current.get("name")
            confidence = float(current.get("confidence") or 0.0)
            hinted = hinted_intent(text, name, confidence) or topic_intent(text, name, confidence)
            if hinted:
                intent = {"name": hinted, "confidence": 1.0}
                message.set(INTENT, intent, add_to_output=True)
                # the classifier's guesses stay in the ranking, below the cue's, so that the fallback
                # classifier does not read a near tie
                others = [
                    {**other, "confidence": min(float(other.get("confidence") or 0.0), 0.5)}
                    for other in message.get(INTENT_RANKING_KEY) or []
                    if other.get("name") != hinted
                ]
                message.set(INTENT_RANKING_KEY, [intent, *others], add_to_output=True)
        return messages
