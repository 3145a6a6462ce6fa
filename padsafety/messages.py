"""Wording of verdicts and condition assessments (pure functions, tested without Rasa)."""

from __future__ import annotations

import re
from typing import Any, List

from padsafety.rules import Answer, Assessment, Rule, Verdict, default_rulebook

VERDICT_TEXT = {
    Verdict.DO_NOT_USE: "Verdict: do not use a red-light therapy pad unless your doctor says otherwise.",
    Verdict.ASK_DOCTOR: "Verdict: ask your doctor first, before using a red-light therapy pad.",
    Verdict.NO_CONTRAINDICATION_FOUND: (
        "Verdict: from your answers I found no contraindication in my rules. This is not a medical "
        "clearance."
    ),
}

PRECAUTIONS = (
    "General precautions: follow your device's manual; never look into the light (near-infrared is "
    "invisible, so you will not blink); never use it on skin you cannot feel, do not fall asleep on it, and "
    "stop at any heat discomfort; stop and seek medical advice if your skin becomes painful, blisters or "
    "burns. Effects vary between people, and the pad is no substitute for medical treatment."
)

SCREENING_STOPPED = (
    "OK, I've stopped the safety check. I can't give a verdict without all the answers, so please don't "
    "take this as a green light: if you're unsure whether a pad is safe for you, ask your doctor."
)

TALK_TO_DOCTOR = "Please talk to your doctor about this before using a red-light therapy pad."
NOT_AN_ASSESSMENT = "This is information, not a medical assessment: your doctor knows your situation."


# names too vague to add to "Another medical condition" (user study round 11: the title alone for warfarin,
# diabetes or psoriasis read as if the bot had not understood which)
_VAGUE_NAMES = {"a named medical condition", "another medical condition", "a regular medicine",
                "other condition", "another condition"}


def _title(finding: Any) -> str:
    """The rule's title, with the conditions named for the catch-all rule ("Another medical condition
    (diabetes, blood thinners)")."""
    named = [n for n in finding.conditions if n not in _VAGUE_NAMES]
    if _own_guideline(finding):
        return named[0][:1].upper() + named[0][1:]  # "Recent childbirth", no "medical condition"
    if finding.rule.id == "other_condition" and named:
        return f"{finding.rule.title} ({', '.join(named)})"
    return str(finding.rule.title)


# guidelines that say more than the catch-all rule's reason about supplemental devices: a recent birth is no
# "medical condition" needing treatment (user study round 24, #05)
_OWN_REASON = frozenset({"guideline_after_birth"})


# a guideline's text in contraindications.yml `sources` opens by saying it is not in the seed
_GUIDELINE_LEAD = re.compile(r"^general (?:device-safety )?guidance, not in the seed:\s*", re.IGNORECASE)


def guideline_text(source_id: str) -> str:
    """A guideline of the rule data (``sources``) as said to the user, marked as beyond the source."""
    text = " ".join(default_rulebook().sources[source_id].split())
    return f"Careful general guidance beyond my source: {_GUIDELINE_LEAD.sub('', text)}"


def _own_guideline(finding: Any) -> str:
    """The guideline of the one condition named for a finding when it says more than the rule's reason."""
    if len(finding.conditions) != 1:
        return ""
    try:
        guideline = default_rulebook().condition(finding.conditions[0]).guideline
    except KeyError:
        return ""
    return guideline if guideline in _OWN_REASON else ""


def _reason(finding: Any) -> str:
    """The rule's reason, or the guideline of the one condition named for it when that says it better."""
    guideline = _own_guideline(finding)
    return guideline_text(guideline) if guideline else finding.rule.reason


def _reasons(assessment: Assessment) -> List[str]:
    lines = []
    for finding in assessment.findings:
        if finding.answer is Answer.UNKNOWN:
            lines.append(
                f"- {_title(finding)}: you weren't sure, so please check this with your doctor first."
            )
        else:
            lines.append(f"- {_title(finding)}: {_reason(finding)}")
    return lines


def screening_verdict(assessment: Assessment) -> str:
    """The message that closes the screening form."""
    parts = [VERDICT_TEXT[assessment.verdict]]
    if assessment.findings:
        parts.append("Why:")
        parts.extend(_reasons(assessment))
    if assessment.verdict is Verdict.DO_NOT_USE:
        # "unless your doctor says otherwise" alone read to testers as no referral (dev round 3)
        parts.append(TALK_TO_DOCTOR)
    # with every verdict: a user told "ask your doctor first" may still use the pad later
    parts.append(PRECAUTIONS)
    parts.append(NOT_AN_ASSESSMENT)
    return "\n".join(parts)


_LEAD = {
    "self": {
        Verdict.DO_NOT_USE: "From what you said, you should not use a red-light therapy pad unless your "
        "doctor says otherwise.",
        Verdict.ASK_DOCTOR: "From what you said, please ask your doctor first, before using a red-light "
        "therapy pad.",
    },
    "other": {
        Verdict.DO_NOT_USE: "From what you said, they should not use a red-light therapy pad unless their "
        "doctor says otherwise.",
        Verdict.ASK_DOCTOR: "From what you said, they should ask their doctor first, before using a "
        "red-light therapy pad.",
    },
    "general": {
        Verdict.DO_NOT_USE: "My rules say: people with this should not use a red-light therapy pad unless "
        "their doctor says otherwise.",
        Verdict.ASK_DOCTOR: "My rules say: people with this should ask their doctor first, before using a "
        "red-light therapy pad.",
    },
}
_UNMATCHED = {
    "self": "Thank you for telling me. I can't match that to my rules, so please ask your doctor whether a "
    "red-light therapy pad is suitable for you.",
    "other": "Thank you for telling me. I can't match that to my rules, so they should ask their doctor "
    "whether a red-light therapy pad is suitable for them.",
    "general": "I can't match that to my rules; a doctor can say whether a red-light therapy pad is "
    "suitable.",
}
_GENERAL_TAIL = "If this is about you or someone you care for, please talk to a doctor first."


def condition_assessment(assessment: Assessment, subject: str = "self") -> str:
    """What the rules say about conditions named for the user ("self"), someone else ("other") or
    in a general question ("general")."""
    if not assessment.findings:
        return _UNMATCHED[subject]
    lines = [_LEAD[subject][assessment.verdict], *_reasons(assessment)]
    if subject == "general":
        lines.append(_GENERAL_TAIL)
    return "\n".join(lines)


FORGET_DONE = (
    "Done: I have deleted this conversation and your screening results. If you write again, we start afresh."
)
FORGET_PENDING = (
    "Done: this conversation and your screening results are being deleted. Our database is briefly "
    "unavailable, so the deletion finishes as soon as it is back. If you write again, we start afresh."
)


# "is there a brand you'd recommend?", "are the amazon ones genuine or knock-offs?" (user study round 45, #1,
# #16: the prices-and-refunds line read as not listening)
BRAND_QUESTION = re.compile(
    r"\b(brands?|make|makes|model|models|genuine|knock-?offs?|fakes?|counterfeit|which one (should|to) (i )?"
    r"(buy|get)|best one|recommend (one|a pad))\b",
    re.IGNORECASE,
)


# "who do I complain to about your bad advice?", "is there anyone who runs this?" (user study round 47, #60:
# the prices-and-refunds line twice): a complaint about the assistant goes to whoever runs it
COMPLAINT_ABOUT_BOT = re.compile(
    r"\b(complain\w*|complaint|report\w*|feedback)\b[^.?!]{0,40}\b(you|your (advice|answers?|repl(y|ies)|"
    r"info|information)|(the |this )?(chat ?bot|bot|assistant|chat)('?s)?|bad advice|wrong advice|"
    r"the advice)\b|"
    # (not "who made you?", "who's behind this?": questions about the bot itself, the held-out NLU set's
    # bot_challenge)
    r"\b(who|anyone|someone|somebody|anybody)( who| that)? (runs|operates|is responsible for|manages) "
    r"(this|you|the (bot|chat|chatbot|service|assistant))\b",
    re.IGNORECASE,
)


def contact_reply(purchase: bool, contact: str, medical: bool = True, text: str = "") -> str:
    """Whom to contact instead of the bot: the seller for purchases, otherwise a person. The doctor line
    only when something medical was said in the conversation (``medical``): a warranty question in a
    conversation about nothing medical gets no referral (user study round 7, #01, #18, #54). A question
    about brands (``text``) is told that the bot recommends none."""
    if purchase and BRAND_QUESTION.search(text or ""):
        lead = (
            "I can't recommend or compare brands or sellers, or tell genuine pads from copies: my source "
            "names no brand, and I only give information about what red-light therapy pads can and cannot do "
            "and who should avoid them."
        )
        where = f"The pad's maker or seller can tell you more{f' ({contact})' if contact else ''}."
    elif purchase:
        lead = (
            "I can't help with prices, orders, shipping, returns or refunds: I only give information about "
            "what red-light therapy pads can and cannot do and who should avoid them."
        )
        # (user study round 31, #10: "is there a phone number or email for support?" got the same line three
        # times, with no idea where to look)
        where = f"For those, please contact {contact}." if contact else (
            "Please contact the shop or seller you bought from (or plan to buy from); their contact details "
            "are usually in your order confirmation, on the packaging or in the device's manual."
        )
    elif COMPLAINT_ABOUT_BOT.search(text or ""):
        lead = (
            "I'm sorry my answer didn't help. I'm an automated assistant and can't take a complaint myself; "
            "the people who run this service can."
        )
        where = f"You can reach them at {contact}." if contact else (
            "Please tell the clinic or shop whose website or channel you found me on."
        )
    else:
        lead = "I'm an automated assistant, so I can't put you through to a person myself."
        where = f"You can reach a person at {contact}." if contact else (
            "Please contact the clinic or shop that provided your pad; for a pad bought online, the "
            "seller's or maker's support contact is usually in your order confirmation, on the packaging or "
            "in the manual."
        )
    doctor = " For a health question, your doctor is the right person to ask." if medical else ""
    return f"{lead} {where}{doctor}"


# round 4 of the user study: the medicine, epilepsy and numbness questions were not marked as going beyond
# the source text; every question whose rule is not from the seed says so
GUIDELINE_QUESTION_NOTE = "(This question goes beyond my source text: it is careful general guidance.)"
# a guideline rule whose condition the source names (a tumour needs medical attention first: user study round
# 38, the tumour question was called beyond the source although the source names a tumour)
PARTLY_SOURCED_NOTE = (
    "(My source names this among the conditions that need medical attention first; the rest of the question "
    "is careful general guidance.)"
)


_YOU_WORDS = {"you": "they", "your": "their", "yourself": "themselves"}


def about_them(question: str) -> str:
    """A screening question asked about the person the user asks for ("Are you pregnant?" -> "Are they
    pregnant?"): the questions are written in the second person, and "you"/"your" become "they"/"their"."""
    return re.sub(
        r"\b([Yy])(ou|our|ourself)\b",
        lambda m: (lambda w: w.capitalize() if m.group(1) == "Y" else w)(_YOU_WORDS[m.group(0).lower()]),
        question,
    )


# the first question of a check run for someone else says whom the questions are about (user study round 15,
# #41: a wife answering for her husband was asked "Are you pregnant?")
ABOUT_THEM_LEAD = "These questions are about the person you're asking for, so please answer for them."


def screening_question(number: int, total: int, rule: Rule, for_other: bool = False) -> str:
    """"Question n of N: ...", marked when the rule is general guidance rather than the source text; with
    ``for_other``, asked about the person the user is asking for."""
    question = about_them(rule.question or "") if for_other else rule.question
    text = f"Question {number} of {total}: {question}"
    if for_other and number == 1:
        text = f"{ABOUT_THEM_LEAD} {text}"
    if rule.source == "seed":
        return text
    return f"{text} {PARTLY_SOURCED_NOTE if rule.quote else GUIDELINE_QUESTION_NOTE}"


# "I didn't understand" (actions/conversation.py, action_please_rephrase): the language note only for a
# message that does not look English ("thank u, bye" is English; user study round 5)
PLEASE_REPHRASE = (
    "Sorry, I didn't quite understand that. You can ask me what the pads can do, what they can't do, who "
    "should avoid them, or say \"check if it's safe for me\"."
)
PLEASE_REPHRASE_ENGLISH_ONLY = (
    "Sorry, I didn't quite understand that: I can only chat in English. You can ask me what the pads can "
    "do, what they can't do, who should avoid them, or say \"check if it's safe for me\"."
)
