"""NLU component: tags every medical condition in a message as a `medical_condition` entity.

Deterministic (word list with typo tolerance, see ``actions.conditions``), so a condition is found
whatever intent the classifier picks and however confident it is.
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

from actions.conditions import default_detector

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
        """Builds the component (the rule book is read once per process)."""
        default_detector()
        return cls()

    def process(self, messages: List[Message]) -> List[Message]:
        """Appends the condition entities found in each message's text."""
        detector = default_detector()
        for message in messages:
            entities = [
                {
                    "entity": ENTITY,
                    "value": match.condition,
                    "start": match.start,
                    "end": match.end,
                    "confidence": 1.0,
                }
                for match in detector.find_conditions(message.get(TEXT))
            ]
            if entities:
                entities = self.add_extractor_name(entities)
                message.set(ENTITIES, message.get(ENTITIES, []) + entities, add_to_output=True)
        return messages
