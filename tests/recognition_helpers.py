"""What the recogniser and the intent cues make of one message, for the tests of each round."""

from padsafety.intent_hints import HINTS
from padsafety.recognition import Decision, recognise

# decisions that are not "nothing": a negative must get none of these
QUIET = (Decision.REFERRAL, Decision.REFERRAL_OTHER, Decision.CLARIFY, Decision.EMERGENCY)


def rules_of(text):
    """The rules reached by the conditions the message affirms."""
    return {m.rule_id for m in recognise(text).affirmed()}


def decision(text):
    """The recogniser's decision for the message."""
    return recognise(text).decision


def flags_of(text):
    """The red flags found in the message."""
    return {f.red_flag for f in recognise(text).red_flags}


def hinted_intents(text):
    """The intents of every cue that matches the message (within the cue's word limit)."""
    words = len(text.split())
    return {hint.intent for hint in HINTS if hint.pattern.search(text) and words <= hint.max_words}


def check_rule(text, rule):
    """The message reaches ``rule``, or, for ``None``, calls for nothing (no referral, clarification or
    emergency)."""
    if rule is None:
        assert decision(text) not in QUIET, recognise(text)
    else:
        assert rule in rules_of(text), recognise(text)
