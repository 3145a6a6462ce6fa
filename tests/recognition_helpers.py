"""What the recogniser makes of one message, for the tests of each development round."""

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
