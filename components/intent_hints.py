"""NLU component: applies ``padsafety.intent_hints`` after the intent classifier (see there why)."""

from __future__ import annotations

from typing import Any, Dict, List, Text

from rasa.engine.graph import ExecutionContext, GraphComponent
from rasa.engine.recipes.default_recipe import DefaultV1Recipe
from rasa.engine.storage.resource import Resource
from rasa.engine.storage.storage import ModelStorage
from rasa.shared.nlu.constants import INTENT, INTENT_RANKING_KEY, TEXT
from rasa.shared.nlu.training_data.message import Message

from padsafety.intent_hints import first_topic_intent, hinted_intent, needs_cue, topic_intent
from padsafety.recognition import Decision, recognise


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
            # a disclosure guess with nothing the recogniser can name ("my father have 78 year, his knee is
            # pain every morning") is left to the cues like a demoted guess: the safety policy reads the
            # recogniser, never this intent, for its replies
            demoted = needs_cue(name, text) or (
                name == "mention_condition" and bool(text) and recognise(text).decision is Decision.NONE
            )
            if demoted:
                # "is it safe for my mum? she's 68" read as a question about children: the next guess
                ranking = [
                    other for other in message.get(INTENT_RANKING_KEY) or []
                    if not needs_cue(other.get("name"), text)
                ]
                # the classifier's distribution given that the demoted guess is wrong: renormalised, so a
                # clear second choice is not read as a fallback because the first took most of the mass
                total = sum(float(other.get("confidence") or 0.0) for other in ranking)
                if total > 0:
                    ranking = [
                        {**other, "confidence": float(other.get("confidence") or 0.0) / total}
                        for other in ranking
                    ]
                if ranking:
                    current = {
                        "name": ranking[0]["name"], "confidence": float(ranking[0].get("confidence") or 0.0)
                    }
                    message.set(INTENT, current, add_to_output=True)
                    message.set(INTENT_RANKING_KEY, ranking, add_to_output=True)
                    name, confidence = current["name"], current["confidence"]
            # after a demoted guess the classifier was misled by the sentence's shape: its second guess is no
            # surer than a guess below the threshold, so the cues decide ("the pad is help for the pain in
            # the knee of my mother? she have 80 year": user study round 11, #17)
            confidence = min(confidence, 0.29) if demoted else confidence
            hinted = hinted_intent(text, name, confidence) or topic_intent(text, name, confidence)
            if hinted == "ask_purchase":
                # "forget the refund. it left a red mark on my thigh, should i keep using it?": a reaction to
                # the pad is answered (stop using it), whatever words of buying are in it (user study round
                # 36, #14: "That's your choice")
                hinted = topic_intent(text, hinted, confidence) or hinted
            # (over the classifier's own guess too: "what side effects could I get?" read as the
            # who-should-avoid list with no cue, user study round 49, #36)
            hinted = first_topic_intent(text, hinted or name) or hinted
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
