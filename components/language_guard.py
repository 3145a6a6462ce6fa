"""NLU component: a message that is clearly not English goes to the clarifying fallback.

The intent classifier only knows English and can be confidently wrong about other languages. English
sentences of four words or more almost always contain a common function word; when a message has none
(or is mostly in a non-Latin script), its intent becomes `nlu_fallback`, whose reply says the assistant
speaks English. Deterministic, and the condition extractor still runs on every message.
"""

from __future__ import annotations

from typing import Any, Dict, List, Text

from rasa.engine.graph import ExecutionContext, GraphComponent
from rasa.engine.recipes.default_recipe import DefaultV1Recipe
from rasa.engine.storage.resource import Resource
from rasa.engine.storage.storage import ModelStorage
from rasa.shared.nlu.constants import INTENT, INTENT_RANKING_KEY, TEXT
from rasa.shared.nlu.training_data.message import Message

from padsafety.inputs import looks_english

FALLBACK_INTENT = "nlu_fallback"
@DefaultV1Recipe.register(DefaultV1Recipe.ComponentType.INTENT_CLASSIFIER, is_trainable=False)
class LanguageGuard(GraphComponent):
    """Sends messages that are not English to `nlu_fallback` (see the module docstring)."""

    @classmethod
    def create(
        cls,
        config: Dict[Text, Any],
        model_storage: ModelStorage,
        resource: Resource,
        execution_context: ExecutionContext,
    ) -> "LanguageGuard":
        """Builds the component."""
        return cls()

    def process(self, messages: List[Message]) -> List[Message]:
        """Overrides the intent of messages that are not English."""
        for message in messages:
            text = message.get(TEXT)
            if text and not text.startswith("/") and not looks_english(text):
                intent = {"name": FALLBACK_INTENT, "confidence": 1.0}
                message.set(INTENT, intent, add_to_output=True)
                message.set(
                    INTENT_RANKING_KEY,
                    [intent, *(message.get(INTENT_RANKING_KEY) or [])],
                    add_to_output=True,
                )
        return messages
