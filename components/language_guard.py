"""NLU component: a message that is clearly not English goes to the clarifying fallback.

The intent classifier only knows English and can be confidently wrong about other languages. English
sentences of four words or more almost always contain a common function word; when a message has none
(or is mostly in a non-Latin script), its intent becomes `nlu_fallback`, whose reply says the assistant
speaks English. Deterministic, and the condition extractor still runs on every message.
"""

from __future__ import annotations

import re
from typing import Any, Dict, List, Text

from rasa.engine.graph import ExecutionContext, GraphComponent
from rasa.engine.recipes.default_recipe import DefaultV1Recipe
from rasa.engine.storage.resource import Resource
from rasa.engine.storage.storage import ModelStorage
from rasa.shared.nlu.constants import INTENT, INTENT_RANKING_KEY, TEXT
from rasa.shared.nlu.training_data.message import Message

FALLBACK_INTENT = "nlu_fallback"
_WORD = re.compile(r"[^\W\d_]+", re.UNICODE)
ENGLISH_WORDS = frozenset(
    """a about after all also am an and any are as at be been but by can can't cannot could did do does
    doesn't don't for from get got had has have having he her him his how i i'm if in is isn't it it's its
    just me more my no not of off on one or our out she should so some than that the their them then there
    these they this to too up us was we were what when where which who why will with would yes you your
    help use using pad pads light red therapy thanks thank hi hello hey ok okay please""".split()
    # telegraphic English has no function word ("helps wounds heal faster?", "good morning, anyone
    # around"): the assistant's own domain words and greetings count as English too
    + """helps helped heal heals healing faster wound wounds skin pain back knee knees neck muscle muscles
    joint joints sore safe doctor price cost buy results result work works working good morning evening
    night anyone someone anybody everyone around really cure treat fat weight wrinkles eczema pregnant
    pregnancy blood circulation cold hands feet session minutes daily week weeks""".split()
)


def looks_english(text: str) -> bool:
    """False when a message of four or more words has no English function word, or little Latin script."""
    words = [w.lower() for w in _WORD.findall(text or "")]
    if len(words) < 4:
        return True
    letters = [c for c in text if c.isalpha()]
    latin = sum(1 for c in letters if c.isascii())
    if letters and latin / len(letters) < 0.5:
        return False
    return any(w in ENGLISH_WORDS for w in words)


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
