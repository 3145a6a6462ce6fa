"""NLU component: tags every medical condition in a message as a `medical_condition` entity.

Deterministic (``padsafety.recognition``: lexicon, word sense and context), so a condition is found
whatever intent the classifier picks and however confident it is. The entity's role says whose it is
(`self`, `other`, `general`) or that it was denied (`negated`); `rule_id` names its rule.
"""

from __future__ import annotations

from typing import Any, Dict, List, Text

from rasa.engine.graph import ExecutionContext, GraphComponent
from rasa.engine.recipes.default_recipe import DefaultV1Recipe
from rasa.engine.storage.resource import Resource
from rasa.engine.storage.storage import ModelStorage
from rasa.nlu.extractors.extractor import EntityExtractorMixin
from rasa.shared.nlu.constants import ENTITIES, TEXT
from rasa.shared.nlu.training_data.message import Message

from padsafety.recognition import default_recogniser

ENTITY = "medical_condition"


@DefaultV1Recipe.register(DefaultV1Recipe.ComponentType.ENTITY_EXTRACTOR, is_trainable=False)
class ConditionEntityExtractor(GraphComponent, EntityExtractorMixin):
    """Adds a `medical_condition` entity (canonical name as value) for each condition named."""

    @classmethod
    def create(
        cls,
        config: Dict[Text, Any],
        model_storage: ModelStorage,
        resource: Resource,
        execution_context: ExecutionContext,
    ) -> "ConditionEntityExtractor":
        """Builds the component (the rule book and lexicon are read once per process)."""
        default_recogniser()
        return cls()

    def process(self, messages: List[Message]) -> List[Message]:
        """Appends the condition entities found in each message's text."""
        recogniser = default_recogniser()
        for message in messages:
            text = message.get(TEXT)
            if not text or text.startswith("/"):
                continue
            entities = [
                {
                    "entity": ENTITY,
                    "value": mention.condition,
                    "role": "negated" if mention.negated else mention.experiencer.value,
                    "start": mention.start,
                    "end": mention.end,
                    "confidence": 1.0,
                    "rule_id": mention.rule_id,
                }
                for mention in recogniser.find_mentions(text)
            ]
            if entities:
                entities = self.add_extractor_name(entities)
                message.set(ENTITIES, message.get(ENTITIES, []) + entities, add_to_output=True)
        return messages
