"""Validation for the screening form."""

from __future__ import annotations

import re
from typing import Any, Dict, List, Optional, Text

from rasa_sdk import FormValidationAction, Tracker
from rasa_sdk.events import EventType, SlotSet
from rasa_sdk.executor import CollectingDispatcher

from actions.actions import PAUSED_SLOT, latest_recognition
from actions.conversation import check_is_for_other
from padsafety.answers import hedged_detail, parse_answer
from padsafety.conversation import (
    CALM_NOW,
    EARLY_TEST_NOTE,
    INTERIM_REQUEST,
    MEANT_ME,
    PASSIVE_IMPLANT_IN_CHECK,
    RESUME_CHECK,
    answer_cue,
    asks_about_question,
    denied_pregnancy,
    interim_answer,
    male_subject,
    names_passive_implant,
    negative_test,
    pregnancy_skipped_note,
    pregnancy_told_note,
    screening_explanation,
)
from padsafety.medicines import light_sensitivity_answer
from padsafety.messages import screening_question
from padsafety.recognition import Experiencer, recognise
from padsafety.rules import Answer, default_rulebook
from padsafety.screening_domain import QUESTION_SLOT, screening_slot

OTHER_CONDITION_RULE = "other_condition"
MENTIONED_SLOT = "screening_mentioned"
SAFETY_REPLIES = {"utter_doctor_referral", "utter_doctor_referral_other", "utter_emergency"}


# rules without a question of their own that another question covers: trying to conceive is what "could you
# be pregnant?" asks about ("I don't think so, but we're trying for a baby": "I don't know")
COVERED_BY = {"trying_to_conceive": "pregnancy"}


def screening_rule_for(rule_id: Text) -> Text:
    """The screening question that covers a rule (rules without a question: "another condition")."""
    asked = {r.id for r in default_rulebook().screening_rules}
    rule_id = COVERED_BY.get(rule_id, rule_id)
    return rule_id if rule_id in asked else OTHER_CONDITION_RULE


def _answered_otherwise_this_turn(tracker: Tracker) -> bool:
    """A rule already answered the message (a question during the check): no hint needed."""
    for event in reversed(tracker.events):
        if event.get("event") == "user":
            return False
        name = event.get("name") or ""
        if event.get("event") == "action" and name.startswith("utter_") and name not in SAFETY_REPLIES:
            return True
    return False


def _other_mentions(recognition: Any, asked_rule: Optional[Text], for_other: bool = False) -> List[Any]:
    """The user's own conditions (``for_other``: the checked person's too, "she has lupus") that belong to a
    question other than the one asked."""
    whose = [Experiencer.SELF, Experiencer.OTHER] if for_other else [Experiencer.SELF]
    return [
        m for m in recognition.mentions
        if m.affirmed and m.experiencer in whose and screening_rule_for(m.rule_id) != asked_rule
    ]


# the words of a request to end the check, read only when the classifier says "stop"
_OUT_WORDS = re.compile(
    r"\b(quiz|quizzes|questions?|questionnaire|check|checks|survey|stop|enough|quit|cancel|end|"
    # "actually you know what, forget it, I'll ask my GP" (user study round 42, #16: the answer hint)
    r"forget it|never ?mind|nvm)\b",
    re.IGNORECASE,
)


# an answer said on its own, then something else: "no. wait, going back to question 1, ..."
_ANSWER_THEN_MORE = re.compile(
    r"^\W*(yes|yeah|yep|no|nope|nah)\s*[.!]+\s*"
    r"(wait|also|and|btw|oh|actually|but|going back|one more|hang on)\b",
    re.IGNORECASE,
)


# a reply that starts as a question ("what does open mean here, I've got a scab that's nearly healed")
_ASKING = re.compile(r"^\W*(what|whats|what's|which|how|why|is|are|does|do|can|could|would|should)\b")


def _wants_out(tracker: Tracker) -> bool:
    """Whether the message asks to end the check ("no more questions please"), whatever answer word it
    starts with."""
    intent = tracker.latest_message.get("intent", {})
    return (
        intent.get("name") == "stop"
        and float(intent.get("confidence") or 0.0) >= 0.5
        and bool(_OUT_WORDS.search(tracker.latest_message.get("text") or ""))
    )


PREGNANCY_SLOT = screening_slot("pregnancy")


def _texts_before_check(tracker: Tracker, limit: int = 6) -> List[Text]:
    """The user's last messages up to the one that started the check (what says whom it is about)."""
    texts: List[Text] = []
    for event in reversed(tracker.events):
        if event.get("event") == "user" and not (event.get("text") or "").startswith("/"):
            texts.append(event.get("text") or "")
            if len(texts) >= limit:
                break
    return texts


def denied_screening_rules(texts: List[Text]) -> List[Text]:
    """The screening questions the user's own words already answer with a no ("no eczema, no wounds, no
    pacemaker"), in the rulebook's order; never "another condition" (denying one condition says nothing of the
    others) and never a question something in the same messages affirms."""
    negated, affirmed = set(), set()
    for text in texts:
        if not text or text.startswith("/"):
            continue
        recognition = recognise(text)
        affirmed |= {screening_rule_for(m.rule_id) for m in recognition.affirmed()}
        negated |= {
            screening_rule_for(m.rule_id) for m in recognition.mentions
            if m.negated and m.experiencer is Experiencer.SELF
        }
        # "no devices, no meds" at the devices question (user study round 50, #26: the medicines question was
        # asked next): a plain "no medicines" or "no devices" answers those questions too
        if _NO_MEDICINES.search(text):
            negated.add("photosensitising_medication")
        if _NO_DEVICES.search(text):
            negated.add("implanted_device")
    denied = negated - affirmed - {OTHER_CONDITION_RULE}
    return [r.id for r in default_rulebook().screening_rules if r.id in denied]


_NO_MEDICINES = re.compile(
    r"\b(no|not on any|don'?t take any|dont take any|not taking any|never take any)\s+(meds|medication|"
    r"medications|"
    r"medicines?|tablets|pills|drugs|prescriptions?)\b",
    re.IGNORECASE,
)
_NO_DEVICES = re.compile(
    r"\b(no|not any|don'?t have any|dont have any)\s+(devices?|implants?|electronic devices?|pacemakers?)\b",
    re.IGNORECASE,
)


def denied_note(rule_ids: List[Text], before_check: bool) -> Text:
    """Said when questions are left out or answered because the user already said no to them."""
    rulebook = default_rulebook()
    titles = [rulebook.rule(r).title for r in rule_ids]
    if before_check:
        return (f"You already told me you don't have these, so I've noted a no for them: {'; '.join(titles)}."
                " "
                "If one is wrong, say \"go back\".")
    return f"I've also noted a no for: {'; '.join(titles)}."


# "so make that a no", "change that to no" about an earlier question named in the same message
_MAKE_THAT_NO = re.compile(
    # "change my eczema answer to no please" (user study round 37, #41: ignored)
    r"\b(make|change|switch|put)\s+(that|it|this|my answer|my \w+ answer|the \w+ (answer|one|question))\s+"
    r"(to\s+)?(a\s+)?no\b"
)
# "wait, I said NOT right now" at the next question: the previous answer was a no (user study round 37, #41)
_SAID_NO = re.compile(r"\bi (said|told you|answered|meant)\s+(no|not|nope|none|never)\b")
# "not right now, but I get eczema on my hands in winter sometimes" to a question about now (user study round
# 37, #41: recorded as a yes)
_NOT_NOW_LEAD = re.compile(
    r"^\W*(no,?\s+)?(not (right )?now|not at the moment|not currently|not at present|not presently|"
    r"not these days|not today)\b"
)
_NOW_AFTER_ALL = re.compile(
    r"\b(flaring|flared up|flare[- ]up now|right now i|at the moment i|currently|weeping|infected)\b"
)
# "could be? what does that mean": asks what the question means, so nothing is recorded yet (user study
# round 37, #31: recorded as "I don't know" and the check moved on)
_WHAT_MEANS = re.compile(
    r"\bwhat (does|do) (that|this|it|you) (even |actually |really |exactly )?mean|\bwhat do you mean\b|"
    r"\bwhat is meant\b|"
    # "what mean reduced feeling?", "what does reduced feeling mean?" (user study round 45, #56)
    r"^\W*what('?s| is)? (mean|means|meaning)\b|^\W*what (does|do) [\w' -]{2,40} mean\b"
)

# "no to all the rest of the questions too", "none of the rest apply", "the rest are all no" (user study round
# 27, #21: counted as one no, and the check went on question by question)
_ALL_THE_REST_NO = re.compile(
    r"\b(no|nope|nah|none)\b[\w\s,]{0,20}\b(to\s+)?(all|each|every(thing)?|any)\s+(of\s+)?(the\s+)?"
    r"(rest|remaining|others|other questions|questions left|other ones|rest of (the|them|these|those))\b|"
    r"\bno to (everything|all)( (else|of (it|them|these|those)))?\b|"
    r"\b(the rest|all the rest|everything else|all the others|all the other questions|"
    r"the remaining( ones| questions)?)\s+(are|is)?\s*(all\s+)?(a\s+)?(no|nos|noes|none|no's)\b|"
    r"\bnone of the (rest|remaining|others|other (questions|things))\b"
)

# "yes, and he also has a pacemaker": the yes is this question's, the rest is more
_YES_AND_MORE = re.compile(r"\b(and|also|too|as well|plus|another thing|on top)\b")

# "apart from my asthma no", "except the blood pressure pills, nothing": what comes before the no is a yes
# "why are you asking all this?", "why do you need to know?" inside the check
_WHY_ASKING = re.compile(
    r"\bwhy (are|r) (you|u) (asking|asking me)\b|\bwhy (do|d) (you|u) (need|want|have) to know\b|"
    r"\bwhy (all )?(these|this|so many) questions\b|\bwhat are (all )?these questions for\b|"
    r"\bwhy (does|do) (this|that|these|it) matter\b|\bwhat'?s this (for|about)\b"
)
WHY_THE_CHECK = (
    "I ask because my source names people who should avoid red-light therapy pads (pregnancy, an acute "
    "skin infection or eczema, an open wound, sensitivity to light, an implanted electronic device), and a "
    "few more reasons to ask a doctor first; your answers let me check them for you. You can say \"stop\" "
    "at any time."
)
# a reply that goes on after its answer ("no, but ...", "I don't think so? ... though")
_CONTRAST = re.compile(r"(\bbut\b|\bthough\b|\balthough\b|\bhowever\b|\?\s)")
_EXCEPT = re.compile(r"^\W*(apart from|except|except for|other than|besides|aside from|bar)\b")

class ValidateScreeningForm(FormValidationAction):
    """Reads the answer to the question just asked, and notes conditions named along the way.

    Only an explicit answer counts ("no", "nope, no pacemaker", "not that I know of", "I think so"),
    or naming the very condition asked about ("I'm on doxycycline"); it always wins over anything
    else recognised in the same message ("No, I'm not pregnant" is a no). Everyday replies ("sounds
    good") record nothing: the question is asked again with a hint. Anything else is left to the rules
    (the form rejects it): "stop", a question about the question, chit-chat. A condition of the user's that
    belongs to another question is noted, and that question is asked with "You mentioned ..." (asked
    again if it was answered "no"), so it counts once the user confirms it.
    """

    def name(self) -> Text:
        """Rasa's name for this form's validation action."""
        return "validate_screening_form"

    async def get_extraction_events(
        self, dispatcher: CollectingDispatcher, tracker: Tracker, domain: Dict[Text, Any]
    ) -> List[EventType]:
        """The answer to the requested question, and conditions noted for later questions."""
        requested = tracker.get_slot("requested_slot") or ""
        asked_rule = requested[len("screen_") :] if requested.startswith("screen_") else None
        recognition = latest_recognition(tracker)
        events: List[EventType] = []
        latest_text = tracker.latest_message.get("text") or ""
        wants_deleted = tracker.latest_message.get("intent", {}).get("name") == "request_forget"
        if asked_rule and wants_deleted:
            # "actually i dont want this stored anywhere. delete my answers": a deletion request, never an
            # answer; the form rejects it and the deletion is confirmed (user study round 33, #38)
            return events
        if (
            asked_rule and MEANT_ME.search(latest_text) and tracker.get_slot("known_other_conditions")
        ):
            # "hang on, why 'they'? this check is for ME not mrs K": whom the check is about, never an answer;
            # the answers so far were about the other person, so the questions start again, about the user
            # (user study round 33, #21)
            answered = [
                SlotSet(screening_slot(r.id), None) for r in default_rulebook().screening_rules
                if tracker.get_slot(screening_slot(r.id)) is not None
            ]
            dispatcher.utter_message(
                text="OK, the questions are about you, then"
                + (": I'll ask them again from the start." if answered else ".")
            )
            # (a slot set, not a rejection: the form asks its first unanswered question)
            return answered + [SlotSet(requested, None)]
        if (
            asked_rule == "implanted_device" and names_passive_implant(latest_text)
            and parse_answer(latest_text) is None
            # ("a metal hip but nothing electronic" answers no; "a hormonal IUD, does that count? it's not
            # electronic" still asks: user study round 35, #38)
            and not (answer_cue(asked_rule, latest_text, negative=True) and "?" not in latest_text)
            and not any(m.rule_id == "implanted_device" and m.affirmed for m in recognition.mentions)
        ):
            # "I have a copper IUD, is that an implant?": no electronic device; nothing recorded, the question
            # asked again (user study round 33, #35: the pacemaker text, then "Pacemaker" in the summary)
            dispatcher.utter_message(text=PASSIVE_IMPLANT_IN_CHECK)
            return [SlotSet(requested, None)]
        if asked_rule and _wants_out(tracker):
            # "no more questions please", "i don't want a quiz": not a "no" to the question; nothing is
            # recorded, so the form rejects the message and the stop rule ends the check (user study round 9,
            # #19: the check went on to its next question)
            return events
        said = " ".join((tracker.latest_message.get("text") or "").lower().split())
        if asked_rule and _ALL_THE_REST_NO.search(said):
            rest = self._rest_no(tracker, asked_rule, recognition)
            if rest:
                rulebook = default_rulebook()
                titles = "; ".join(rulebook.rule(e["name"][len("screen_"):]).title.lower() for e in rest)
                dispatcher.utter_message(
                    text=f"OK, I've noted no for these: {titles}. If any of them does apply, tell me and "
                    "I'll take it into account."
                )
                return rest
        if asked_rule:
            corrections = self._corrections(dispatcher, tracker, asked_rule, recognition)
            value = self._answer(tracker, asked_rule, recognition)
            if corrections:
                events += corrections
                if not self._names_asked_rule(asked_rule, recognition) and not _ANSWER_THEN_MORE.match(
                    tracker.latest_message.get("text") or ""
                ):
                    # "no, I'm not pregnant" corrects question 1, it does not answer this one; "no. wait,
                    # going back to question 1, ..." answers this one first (user study round 14, #23)
                    value = None
                if value is None:
                    events.append(SlotSet(requested, None))
            text = tracker.latest_message.get("text") or ""
            # "he is a man obviously, so no" (read as a follow-up question, 0.58) answers in its own words
            # (user study round 15, #41)
            told_no = (
                value == "no" and "?" not in text and not _ASKING.match(text.lower())
                and answer_cue(asked_rule, text, negative=True)
            )
            if value == Answer.UNKNOWN.value and _WHAT_MEANS.search(text.lower()) and screening_explanation(
                asked_rule
            ):
                value = None  # "could be? what does that mean": explained below, and asked again
            if (
                value is not None and _WHAT_MEANS.search(text.lower()) and parse_answer(text) is None
                and not _OWNS.search(text.lower()) and screening_explanation(asked_rule)
            ):
                # "what mean reduced feeling? like numb?": a question about the question, even with a word of
                # it named (user study round 45, #56: recorded as a yes)
                value = None
            if (
                value is not None and not corrections and parse_answer(text) is None and not told_no
                and not _ELLIPTIC_YES.match(" ".join(text.lower().split()))
                and not self._named(asked_rule, recognition)
                and not (_X_COUNTS.search(text.lower()) and _OWNS.search(text.lower()))
                # ("a bit of a rash after a day at the beach, does that count?" at the light question: a sign
                # it names, in doubt, so "I don't know"; user study round 42, #13: the eczema explanation)
                and not (value == Answer.UNKNOWN.value and answer_cue(asked_rule, text))
                and self._asks_what_it_means(tracker, asked_rule)
            ):
                value = None  # "does eczema I had as a kid count?" asks; it does not answer
            others = _other_mentions(recognition, asked_rule, check_is_for_other(tracker))
            volunteered = (
                value == "yes" and not corrections and parse_answer(text) is Answer.YES
                and not self._names_asked_rule(asked_rule, recognition) and not answer_cue(asked_rule, text)
                and bool(others) and not _YES_AND_MORE.search(text.lower())
            )
            if volunteered:
                # "yes he has a pacemaker" to the skin-infection question: the yes is about the pacemaker,
                # which is noted for its own question; this one is asked again, nothing recorded (user study
                # round 27, #22: recorded as an acute skin infection, then "should not use" for it)
                names = " and ".join(dict.fromkeys(m.condition for m in others))
                title = default_rulebook().rule(asked_rule).title.lower()
                earlier = any(
                    tracker.get_slot(screening_slot(screening_rule_for(m.rule_id))) == "no" for m in others
                )
                # (a question answered "no" before is asked again first, naming it)
                then = (
                    "I'll ask that question again first, then this one" if earlier
                    else f"This question is about {title}: please answer it on its own with yes, no or I "
                    "don't know"
                )
                dispatcher.utter_message(
                    text=f"I've noted what you said ({names}) for its own question, so your yes doesn't "
                    f"count for this one. {then}."
                )
                events.append(SlotSet(requested, None))
                value = None
            if _WHY_ASKING.search(text.lower()):
                # "no. wait, why are you asking all this?": the reason for the check, then the answer is
                # noted or the question asked again (user study round 30, #45: the next question only)
                dispatcher.utter_message(text=WHY_THE_CHECK)
                if value is None and not volunteered:
                    events.append(SlotSet(requested, None))
            interim = (
                not corrections and parse_answer(text) is None and bool(INTERIM_REQUEST.search(text))
                and not self._named(asked_rule, recognition)
            )
            if volunteered:
                pass  # (said above)
            elif interim:
                # "can you just tell me now if i can use it or not": the verdict from the answers so far, then
                # the same question again (user study round 8, #17: got a generic line, then a definition)
                rules = default_rulebook().screening_rules
                answers = {r.id: tracker.get_slot(screening_slot(r.id)) for r in rules}
                dispatcher.utter_message(text=interim_answer(answers))
                events.append(SlotSet(requested, None))
            elif value is None and not corrections and self._medicine_note(asked_rule, recognition, text):
                # "just ibuprofen sometimes", "is ibuprofen one of those?" at the medicines question: what is
                # known of that medicine, then the question again (user study round 28, #2: "please answer
                # yes, no or I don't know", then the benefits list)
                dispatcher.utter_message(text=self._medicine_note(asked_rule, recognition, text))
                events.append(SlotSet(requested, None))
            elif value is None and not corrections and SKIP.search(text.lower()):
                # "can I skip this one?": noted as "I don't know", which is never a green light
                dispatcher.utter_message(text=SKIP_REPLY)
                events.append(SlotSet(requested, "unknown"))
            elif (
                value is None and not corrections
                and (self._asks_what_it_means(tracker, asked_rule) or _WHAT_MEANS.search(text.lower()))
                and not _WHY_ASKING.search(text.lower())
            ):
                # "what is porphyria?": explained, nothing recorded, the same question asked again;
                # "does eczema I had as a kid count?" at another question: that condition's question
                about = asked_rule if answer_cue(asked_rule, text) else next(
                    (screening_rule_for(m.rule_id) for m in recognition.mentions
                     if screening_rule_for(m.rule_id) != OTHER_CONDITION_RULE),
                    asked_rule,
                )
                dispatcher.utter_message(text=screening_explanation(about))
                events.append(SlotSet(requested, None))
            elif value is not None:
                events.append(SlotSet(requested, value))
                named = self._named(asked_rule, recognition)
                counted = bool(_X_COUNTS.search(text.lower()) and _OWNS.search(text.lower()))
                if value == "yes" and counted and not named:
                    # "does a cold sore count? I've got one": asked as a question, so named as the user's
                    named = list(dict.fromkeys(
                        m.condition for m in recognition.mentions
                        if m.affirmed and screening_rule_for(m.rule_id) == asked_rule
                    ))
                if value == "yes" and named and parse_answer(text) is None:
                    # "well I have an insulin pump, does that count?": say what was taken as a yes
                    dispatcher.utter_message(text=f"I've noted that as a yes: {' and '.join(named)}.")
                elif value == "unknown" and named and parse_answer(text) is Answer.NO:
                    dispatcher.utter_message(
                        text=f"You said no but also mentioned {' and '.join(named)}, so I've noted "
                        "\"I don't know\": your doctor should decide."
                    )
                elif value == "unknown" and parse_answer(text) is Answer.NO:
                    # ("I don't think so? I burn easily in the sun though": user study round 30, #15)
                    dispatcher.utter_message(
                        text="You said no, but what you added may count, so I've noted \"I don't know\": "
                        "your doctor should decide."
                    )
                elif value == "unknown" and "?" in text and parse_answer(text) is None:
                    # "I come out in a blotchy rash in strong sun, is that the same thing?": in doubt, so "I
                    # don't know", said with the question it was noted for (user study round 45, #14: only the
                    # referral line, and the next question)
                    title = default_rulebook().rule(asked_rule).title.lower()
                    dispatcher.utter_message(
                        text=f"It may count, so I've noted \"I don't know\" for the question about {title}: "
                        "your doctor can tell you whether it applies."
                    )
            elif tracker.get_slot(requested) is not None:
                # the domain's yes/no mapping read an everyday reply ("sounds good") as an answer: undo it
                events.append(SlotSet(requested, None))
                if not _answered_otherwise_this_turn(tracker) and not corrections:
                    # (a correction of an earlier answer was said back: no hint after it, user study round 37)
                    dispatcher.utter_message(response="utter_screening_answer_hint")
            # otherwise nothing is recorded and the form rejects the message, so the rules answer it
            # ("stop", a question about the question, chit-chat)
        decided = {e["name"] for e in events if e.get("event") == "slot"}
        for mention in _other_mentions(recognition, asked_rule, check_is_for_other(tracker)):
            target = screening_slot(screening_rule_for(mention.rule_id))
            if tracker.get_slot(target) == "no" and target not in decided:
                events.append(SlotSet(target, None))  # ask again, naming it
        return events

    async def run(
        self, dispatcher: CollectingDispatcher, tracker: Tracker, domain: Dict[Text, Any]
    ) -> List[EventType]:
        """The form's slot events, plus the conditions noted for confirmation (not a form slot)."""
        requested = tracker.get_slot("requested_slot") or ""
        asked_rule = requested[len("screen_") :] if requested.startswith("screen_") else None
        if asked_rule and _wants_out(tracker):
            # "stop, that's enough, the ICD already rules it out right?": no event at all, so the form rejects
            # the message and the stop rule ends the check (a noted condition kept it going: user study
            # round 15, #41)
            return []
        skip: List[EventType] = []
        if not requested and tracker.get_slot(PAUSED_SLOT) is not None:
            skip = resumed_answers(dispatcher, tracker)
        if not requested and tracker.get_slot(PREGNANCY_SLOT) is None and not skip[1:]:
            # at activation: a check about a man or a boy leaves the pregnancy question out, and says so
            for_other = check_is_for_other(tracker)
            if male_subject(_texts_before_check(tracker), for_other):
                dispatcher.utter_message(text=pregnancy_skipped_note(for_other))
                skip.append(SlotSet(PREGNANCY_SLOT, "no"))
            elif denied_pregnancy(_texts_before_check(tracker, limit=3), for_other):
                dispatcher.utter_message(text=pregnancy_told_note())
                skip.append(SlotSet(PREGNANCY_SLOT, "no"))
            told = [] if for_other else [
                r for r in denied_screening_rules(_texts_before_check(tracker, limit=3))
                if not any(e.get("name") == screening_slot(r) for e in skip)
            ]
            if told:
                # "no skin infections, no eczema, no wounds, no pacemaker. can I use it?" before the check:
                # those questions are answered already (user study round 43, #35)
                dispatcher.utter_message(text=denied_note(told, before_check=True))
                skip += [SlotSet(screening_slot(r), "no") for r in told]
        noted = list(tracker.get_slot(MENTIONED_SLOT) or [])
        for mention in _other_mentions(latest_recognition(tracker), asked_rule, check_is_for_other(tracker)):
            if mention.condition not in noted:
                noted.append(mention.condition)
        events = skip + await super().run(dispatcher, tracker, domain)
        if asked_rule and any(
            e.get("event") == "slot" and e.get("name") == requested and e.get("value") == "no" for e in events
        ):
            # "no eczema, no wounds, not light sensitive and no pacemaker" at one question: a no for each
            # question named that is not answered yet (user study round 43, #7: they were asked again)
            decided = {e.get("name") for e in events if e.get("event") == "slot"}
            order = [r.id for r in default_rulebook().screening_rules]
            more = [  # (later questions only: an earlier one was answered or left out on purpose)
                r for r in denied_screening_rules([tracker.latest_message.get("text") or ""])
                if order.index(r) > order.index(asked_rule) and screening_slot(r) not in decided
                and tracker.get_slot(screening_slot(r)) is None
            ]
            if more:
                dispatcher.utter_message(text=denied_note(more, before_check=False))
                events += [SlotSet(screening_slot(r), "no") for r in more]
        if noted != list(tracker.get_slot(MENTIONED_SLOT) or []):
            events.append(SlotSet(MENTIONED_SLOT, noted))
        return events + next_question_events(tracker, domain, events)

    @staticmethod
    def _medicine_note(asked_rule: Text, recognition: Any, text: Text) -> Optional[Text]:
        """At the medicines question, for a medicine named that is not on the rule's list: the medicines
        answer for it and how to answer the question."""
        if asked_rule != "photosensitising_medication":
            return None
        found = _MEDICINE_WORD.search(text)
        named = [found.group(0)] if found else [
            m.text for m in recognition.affirmed() if m.condition in _MEDICINE_NAMES
        ]
        if not named:
            return None
        answer = light_sensitivity_answer(f"does {named[0]} make skin sensitive to light?")
        return f"{answer} For this question, answer yes, no or \"I don't know\"." if answer else None

    @staticmethod
    def _rest_no(tracker: Tracker, asked_rule: Text, recognition: Any) -> List[EventType]:
        """"no to all the rest": a no for the question asked and every later one not answered yet, except the
        questions of conditions named during the check (asked with "You mentioned ..."); none when this
        message names a condition of the user's."""
        if recognition.affirmed(Experiencer.SELF) or parse_answer(
            tracker.latest_message.get("text") or ""
        ) not in (None, Answer.NO):
            return []
        rulebook = default_rulebook()
        noted = tracker.get_slot(MENTIONED_SLOT) or []
        fired = rulebook.assess_conditions(noted).fired_rule_ids if noted else []
        kept = {screening_rule_for(r) for r in fired}
        rules = [r.id for r in rulebook.screening_rules]
        later = rules[rules.index(asked_rule):]
        return [
            SlotSet(screening_slot(r), "no") for r in later
            if r not in kept and (r == asked_rule or tracker.get_slot(screening_slot(r)) is None)
        ]

    @staticmethod
    def _asks_what_it_means(tracker: Tracker, asked_rule: Text) -> bool:
        rule = default_rulebook().rule(asked_rule)
        intent = tracker.latest_message.get("intent", {}).get("name")
        return bool(screening_explanation(asked_rule)) and asks_about_question(
            tracker.latest_message.get("text"), rule.question or "", intent
        )

    @staticmethod
    def _names_asked_rule(asked_rule: Text, recognition: Any) -> bool:
        return any(
            screening_rule_for(m.rule_id) == asked_rule and m.experiencer is Experiencer.SELF
            for m in recognition.mentions
        )

    @staticmethod
    def _corrections(
        dispatcher: CollectingDispatcher, tracker: Tracker, asked_rule: Text, recognition: Any
    ) -> List[EventType]:
        """A "yes" taken back ("oops, wrong button, I'm NOT pregnant", "I meant no"), confirmed."""
        rulebook = default_rulebook()
        events: List[EventType] = []
        denied = {
            screening_rule_for(m.rule_id)
            for m in recognition.mentions
            if m.negated and m.experiencer is Experiencer.SELF
        }
        text = " ".join((tracker.latest_message.get("text") or "").lower().split())
        if CALM_NOW.search(text) and asked_rule != "skin_infection_or_eczema":
            # "no current flare-up" at a later question: the eczema answered yes before (user study round 37)
            denied.add("skin_infection_or_eczema")
        if _MAKE_THAT_NO.search(text):
            # "oh and about the eczema, it's actually calmed down since monday, so make that a no" (user
            # study round 26, #58: the "do not use" stayed): the earlier question named, whatever the words
            # around it
            denied |= {screening_rule_for(m.rule_id) for m in recognition.mentions
                       if m.experiencer is Experiencer.SELF}
        for rule_id in sorted(denied - {asked_rule}):
            if tracker.get_slot(screening_slot(rule_id)) in ("yes", "unknown"):
                events.append(SlotSet(screening_slot(rule_id), "no"))
                dispatcher.utter_message(
                    text=f"OK, I've changed your answer about {rulebook.rule(rule_id).title.lower()} to no."
                )
                if rule_id == "pregnancy" and negative_test(text):
                    dispatcher.utter_message(text=EARLY_TEST_NOTE)
        if WRONG_ANSWER.search(text) or re.search(r"\bactually\b", text):
            # "sorry, I pressed the wrong one, I actually am pregnant": a "no" taken back
            # one confirmation per question, however many words named it ("might be pregnant, my period is
            # late": user study round 14, #23 got it three times)
            named = dict.fromkeys(
                screening_rule_for(m.rule_id) for m in recognition.affirmed(Experiencer.SELF)
            )
            for rule_id in named:
                if rule_id in denied:
                    continue  # "actually ... negative, so not pregnant": just changed to no, not back to yes
                # "I didn't answer the pregnancy one. I might be pregnant, not sure yet": unsure, so "I don't
                # know" (user study round 37, #31: changed to yes)
                # ("could be pregnant, my period is late" stays a yes: the question asks "could you be")
                unsure = bool(_SAYS_UNSURE.search(text))
                value, label = ("unknown", "I don't know") if unsure else ("yes", "yes")
                before = tracker.get_slot(screening_slot(rule_id))
                order = [r.id for r in rulebook.screening_rules]
                # (a question skipped before this one counts too: "you skipped, I might be pregnant")
                skipped = before is None and rule_id in order and asked_rule in order and (
                    order.index(rule_id) < order.index(asked_rule)
                )
                if rule_id != asked_rule and (before in ("no", "unknown") or skipped):
                    events.append(SlotSet(screening_slot(rule_id), value))
                    title = rulebook.rule(rule_id).title.lower()
                    dispatcher.utter_message(
                        text=f"OK, your answer about {title} stays {label}." if before == value
                        else f"OK, I've noted {label} for {title}." if before is None
                        else f"OK, I've changed your answer about {title} to {label}."
                    )
        if not events:
            events += _named_question_answered(dispatcher, tracker, asked_rule, text)
        if events:
            return events
        said_no = _SAID_NO.search(text)
        if not WRONG_ANSWER.search(text) and not said_no:
            return events
        if _other_mentions(recognition, asked_rule):
            # "go back, on the last one I have an insulin pump": the named condition is noted for its own
            # question (validate's run), rather than going back to whatever came before
            return events
        if any(screening_rule_for(m.rule_id) == asked_rule for m in recognition.affirmed(Experiencer.SELF)):
            # "wait, go back - I do have a pacemaker" at the pacemaker question: the answer to this question,
            # not a step back (user study round 41, #3: sent back to the light-sensitivity question)
            return events
        previous = _named_question(text, tracker, asked_rule) or _previous_answered(tracker, asked_rule)
        if previous is None:
            return events
        number = [r.id for r in rulebook.screening_rules].index(previous) + 1
        meant = MEANT.search(text)
        if meant or said_no:
            value = {"yes": "yes", "no": "no"}.get(meant.group(1), "unknown") if meant else "no"
            events.append(SlotSet(screening_slot(previous), value))
            label = {"yes": "yes", "no": "no", "unknown": "I don't know"}[value]
            dispatcher.utter_message(text=f"OK, I've changed your answer to question {number} to {label}.")
        else:
            events.append(SlotSet(screening_slot(previous), None))
            dispatcher.utter_message(text=f"OK, let's go back to question {number}.")
        return events

    @staticmethod
    def _answer(tracker: Tracker, asked_rule: Text, recognition: Any) -> Optional[Text]:
        text = tracker.latest_message.get("text") or ""
        lowered = " ".join(text.lower().split())
        answer = parse_answer(text)
        named_here = any(
            m.affirmed and screening_rule_for(m.rule_id) == asked_rule for m in recognition.mentions
        )
        # (the catch-all rule's words, "no infections", may be what this question asks about: not counted)
        if (
            asked_rule == "pregnancy" and answer is not Answer.YES and _COULD_BE_PREGNANT.search(lowered)
            and not negative_test(text) and not _LEANS_NO.match(lowered)
            and not re.search(r"\b(mean|means|meaning|what)\b", lowered)
        ):
            # "I might be, my period's over a week late" to "are you, or could you be, pregnant?": the "could
            # be" is a yes (dev round 24: "I don't know")
            return Answer.YES.value
        if (
            asked_rule == "pregnancy" and answer in (None, Answer.NO) and _TRYING.search(lowered)
            and not negative_test(text)
        ):
            # "um, I don't think so? we've been trying but nothing yet": trying for a baby is a "could be",
            # never a silent no (user study round 42, #13: the verdict never named a possible pregnancy)
            return Answer.UNKNOWN.value
        if answer is None and _ELLIPTIC_YES.match(lowered):
            # "just found out I am actually!" to "are you pregnant?", "turns out I do" (development round 26:
            # not read as an answer)
            return Answer.YES.value
        if answer is None and _ENDS_UNSURE.search(lowered):
            # "that's not what I asked but ok... I honestly don't know" (user study round 42, #13: asked
            # again)
            return Answer.UNKNOWN.value
        denied_elsewhere = {
            screening_rule_for(m.rule_id) for m in recognition.mentions if m.negated
        } - {OTHER_CONDITION_RULE}
        if (
            answer is Answer.NO and len(lowered.split()) <= 5 and not _STANDALONE_NO.match(lowered)
            and denied_elsewhere and asked_rule not in denied_elsewhere | {OTHER_CONDITION_RULE}
            and not answer_cue(asked_rule, text, negative=True)
        ):
            # "no cancer" to the medicines question, "never had a fit" to the cancer one: answers to another
            # question, never this one's no (user study round 41, #9: two questions answered one behind); the
            # last question asks about any other condition, "no infections" included (dev round 22)
            return None
        if asked_rule == OTHER_CONDITION_RULE and answer in (None, Answer.YES) and _ONLY_THAT.match(lowered):
            told = [m for m in recognition.mentions if m.affirmed and not m.negated]
            if told and all(
                screening_rule_for(m.rule_id) != OTHER_CONDITION_RULE
                and tracker.get_slot(screening_slot(screening_rule_for(m.rule_id))) in ("yes", "unknown")
                for m in told
            ):
                # "only the eczema I told you about", "yes, eczema" at the last question: counted under its
                # own question already, nothing else (user study round 38, #36: asked again twice)
                return "no"
        fever_fit = asked_rule == "seizures" and bool(_NOT_BY_LIGHT.search(lowered)) and not re.search(
            r"\bepilep", lowered
        )
        if fever_fit and answer in (None, Answer.YES):
            # "one seizure as a teen, from a fever, not light": the question asks about epilepsy or a seizure
            # light set off (user study round 38, #34: recorded as epilepsy, then "do not use"); a "yes" said
            # with it is left to the doctor
            return "no" if answer is None else Answer.UNKNOWN.value
        if answer is None and asked_rule == "seizures" and _HAD_ONE.match(lowered):
            return "yes"
        if (
            answer is None and not check_is_for_other(tracker) and _NOT_ME_AFTER_OTHER.search(lowered)
            and any(
                screening_rule_for(m.rule_id) == asked_rule and m.experiencer is Experiencer.OTHER
                for m in recognition.mentions
            )
            and not any(
                screening_rule_for(m.rule_id) == asked_rule and m.affirmed
                and m.experiencer is Experiencer.SELF for m in recognition.mentions
            )
        ):
            return "no"
        if (
            asked_rule in _NOW_RULES and answer in (None, Answer.NO) and _NOT_NOW_LEAD.match(lowered)
            and not _NOW_AFTER_ALL.search(lowered)
        ):
            return "no"  # "not right now, but I get eczema in winter sometimes": the question is about now
        if (
            answer is None and answer_cue(asked_rule, text, negative=True) and not named_here
            and not (asked_rule == "open_wound" and _DOUBTS_HEALED.search(lowered))
        ):
            # "I'm a 74 year old man!" to the pregnancy question; "my skin is fine" to the eczema one, unless
            # the reply also names the condition asked about ("skin is fine apart from the eczema flare")
            return "no"
        if (
            answer in (None, Answer.UNKNOWN) and named_here and _DIAGNOSED.search(lowered)
            and _COUNTS_DOUBT.search(lowered) and not LEANS_UNSURE.search(lowered)
        ):
            # "sun rash, GP called it polymorphic light eruption, not sure if that counts" at the
            # photosensitivity question: a diagnosis the question names; the doubt is only whether it counts,
            # and it does (user study round 27, #26: "I don't know")
            return "yes"
        if (
            answer is None and named_here and _X_COUNTS.search(lowered) and _OWNS.search(lowered)
            and not LEANS_UNSURE.search(lowered) and not hedged_detail(text)
        ):
            # "does a cold sore count? I've got one on my lip", "Does high blood pressure count? I'm on
            # tablets": a condition this question covers, and the user has it (development round 19: asked
            # again with the question's explanation)
            return "yes"
        if answer in (None, Answer.UNKNOWN) and answer_cue(asked_rule, text):
            # "my hands are flaring right now" to the eczema flare-up question; "i burn easily in the sun, not
            # sure if that counts" doubts it (safety development round 9); "waiting on biopsy results, so I
            # don't know yet" and "my fingers tingle, is that the same thing?" are unsure (development round
            # 14: read as yes)
            unsure = (
                (answer is None and (
                    hedged_detail(text) or _SAME_DOUBT.search(lowered) or _DOUBT_ANYWHERE.search(lowered)
                ))
                or (answer is Answer.UNKNOWN and not LEANS_YES.match(lowered))
            )
            return Answer.UNKNOWN.value if unsure else "yes"
        # in a check run for someone else, "she has lupus" is the answer (user study round 16, #14)
        whose = {Experiencer.SELF, Experiencer.OTHER} if check_is_for_other(tracker) else {Experiencer.SELF}
        own = [
            m for m in recognition.mentions
            if screening_rule_for(m.rule_id) == asked_rule and m.experiencer in whose
        ]
        if own and _EXCEPT.match(text.lower()) and answer in (None, Answer.NO):
            return "yes"  # "apart from my asthma no": the exception is the answer (development round 11)
        if answer is None and asked_rule in _NOW_RULES and own and all(m.past for m in own):
            # "he had athletes foot last month but its gone now": the question asks about now (user study
            # round 17, #30: recorded as a current infection); over is a no, otherwise not sure
            return "no" if _OVER.search(text.lower()) else Answer.UNKNOWN.value
        contrast = _CONTRAST.search(lowered)
        if answer is Answer.NO and contrast and (
            answer_cue(asked_rule, lowered[contrast.end():])
            # "I don't think so, but my knee's been a bit puffy, not sure if that's anything" (development
            # round 19: recorded as no)
            or _DOUBT_ANYWHERE.search(lowered[contrast.end():])
            # "she's not pregnant but I am" (the user's own, after someone else's no)
            or _MINE_TOO.match(lowered[contrast.end():])
        ):
            # "I don't think so? I burn easily in the sun though" at the light-sensitivity question: a no in
            # doubt, so "I don't know" (user study round 30, #15: recorded as no)
            return Answer.UNKNOWN.value
        if answer is not None:
            if answer is Answer.UNKNOWN and any(m.affirmed for m in own) and LEANS_YES.match(
                " ".join(text.lower().split())
            ) and not _UNCONFIRMED.search(lowered):
                return "yes"  # "I think so, my hands are flaring right now": the detail decides
            # "could be, period is late", "dunno, i have a lump but it hasn't been looked at": unsure about
            # the detail itself, so "I don't know" (ask your doctor first), never a "yes" it did not say
            # (development round 8)
            echoed = re.match(r"^\W*[a-z' ]{1,25}\?", lowered)
            if answer is Answer.NO and echoed and not any(
                m.affirmed and m.start >= echoed.end() for m in own
            ):
                return answer.value  # "pregnant? def not lol": the word echoed (development round 18)
            if answer is Answer.NO and any(m.affirmed for m in own) and not (
                # "No, my legs went numb after an epidural years ago but it wore off the same day"
                # (development round 21: "I don't know")
                all(m.past for m in own if m.affirmed) and _OVER.search(lowered) and _LONG_AGO.search(lowered)
            ):
                # "I don't think so, but we're trying for a baby": never a silent no
                return Answer.UNKNOWN.value
            return answer.value
        # the question is the health cue an ambiguous word lacked: "just the lyme but my doc is treating it"
        # to "any other medical condition?" names Lyme disease (user study round 21, #4: read as "no", and the
        # check ended with no verdict)
        if any(m.affirmed or (m.uncertain and not m.negated) for m in own):
            # "sometimes my hands go tingly, not sure": named, then unsure whether it counts ("is that the
            # same thing?" too)
            unsure = hedged_detail(text) or _SAME_DOUBT.search(lowered) or (
                # "they're testing me for lupus, results due next week": not known yet (development round 19);
                # the cancer question counts being checked as a yes
                asked_rule != "cancer_in_area" and _BEING_TESTED.search(lowered)
                and not _DIAGNOSED.search(lowered)
            )
            return Answer.UNKNOWN.value if unsure else "yes"
        if own:
            # "there's a scab on my shin, not sure if it's fully healed underneath" (development round 13:
            # read as a no): a denial in doubt is "I don't know"
            return Answer.UNKNOWN.value if hedged_detail(text) else "no"
        if hedged_detail(text):
            return Answer.UNKNOWN.value  # "theres a scab, does that count as open?"
        if _SAME_DOUBT.search(lowered) and any(
            screening_rule_for(m.rule_id) == asked_rule and not m.negated for m in recognition.mentions
        ):
            # "my toes go fuzzy at night, would that count as numbness?": a detail in doubt (development
            # round 17: asked again)
            return Answer.UNKNOWN.value
        if (
            asked_rule in _NOW_RULES and _LONG_AGO.search(lowered) and _OVER.search(lowered)
            and not _SAYS_UNSURE.search(lowered)
        ):
            return "no"  # "had a benign cyst removed years ago, nothing now" (development round 21)
        return None

    @staticmethod
    def _named(asked_rule: Text, recognition: Any) -> List[Text]:
        """The user's own conditions named for the question asked (to confirm what was noted)."""
        return list(dict.fromkeys(
            m.condition for m in recognition.affirmed(Experiencer.SELF)
            if screening_rule_for(m.rule_id) == asked_rule
        ))


# questions about a current state ("at the moment", "unhealed"), and words saying a past one is over
# ("had skin cancer removed 10 years ago, all clear since" is no cancer now: user study round 21, #2)
_NOW_RULES = frozenset({"skin_infection_or_eczema", "open_wound", "cancer_in_area"})
_OVER = re.compile(
    r"\b(gone|cleared( up)?|healed( up)?|went away|all over|over now|fine now|better now|all good now|"
    r"no more|not any ?more|resolved|all clear|all-clear|in remission|cancer[- ]free|clear since|"
    r"been clear|wore off|worn off|went back to normal|back to normal|"
    # "had a benign cyst removed years ago, nothing now" (development round 21: asked again)
    r"nothing (now|since|currently|at the moment|there now|left)|"
    # "i have eczema but it's totally calm at the moment" (development round 12: "I don't know")
    r"(calm|quiet|clear|settled|not flaring)( at the moment| right now| now| currently| atm))\b"
)

# something long over ("years ago", "as a kid")
# trying for a baby: "we've been trying", "TTC", "trying for our second"
# "I don't think so, but my period is a few days late": unsure, "I don't know" (its own test)
_LEANS_NO = re.compile(r"^\W*(i )?(don'?t|do not|dont) think so\b|^\W*(probably|likely) not\b|^\W*(i )?doubt")
# "I might be", "could be, I'm late", "my period's a week overdue": a "could be" pregnant
_COULD_BE_PREGNANT = re.compile(
    r"^\W*((yes|yeah|um+|uh+|well|hmm+|honestly|tbh)\W+)*(i\s+)?(might|could|may)\s+(well\s+)?be\b(?!\s+not)|"
    r"\bperiod'?s?\s+(is\s+|are\s+)?((\w+\s+){0,3})(late|overdue)\b|"
    r"\bmissed\s+(my|a|this month'?s)\s+period\b|"
    r"\b(i'?m|im|i am)\s+((actually|now|about|like|maybe|probably)\s+)?(a\s+(few\s+|couple\s+of\s+)?"
    r"(days?|weeks?)\s+)?late\b"
)
_TRYING = re.compile(
    r"\b(we'?re|we are|we'?ve been|i'?m|i am|i'?ve been|been|currently|still)\s+(trying|ttc)\b|"
    r"\btrying (for a baby|to conceive|to get pregnant|for another|"
    r"for (a|our) (second|third|2nd|3rd|first))\b|"
    r"\bttc\b"
)
# a message that ends by saying it does not know: "... but ok, I honestly don't know"
_ENDS_UNSURE = re.compile(
    r"\b(i )?(honestly |really |truly |just |genuinely )?(don'?t|do not|dont) know[\s.!]*$|\bno idea[\s.!]*$|"
    r"\b(i'?m |im |i am )?(honestly |really )?not sure[\s.!]*$"
)
# a no that stands by itself before anything else: "no, not pregnant either", "nope."
_STANDALONE_NO = re.compile(r"^\W*(no+|nope|nah|never|not really)\s*([,.!;:-]|$)")
_LONG_AGO = re.compile(
    r"\b(years?|months|ages|decades?|a long time|long) ago\b|\bas a (kid|child|baby|toddler|teen\w*)\b|"
    r"\bwhen i was (little|young|a kid|a child|\d+)\b|\bin my (teens|twenties|20s|thirties|30s)\b"
)

# "not sure it has fully healed underneath": a doubt about the healing itself (development round 13: a no)
_DOUBTS_HEALED = re.compile(
    r"\b(not sure|unsure|don'?t know|dunno|no idea|can'?t tell|not certain)\b[^.?!]{0,30}\bheal"
)

# "is that the same thing?" after a symptom: whether it counts, not a yes (development round 14)
# "sometimes tingly, not sure if thats numb" (development round 18: recorded as yes)
_DOUBT_ANYWHERE = re.compile(
    r"\b(not sure|unsure|no idea|don'?t know|dunno|idk) (if|whether)\b|"
    # "I dont think so? had some bloods done, haven't heard back" (development round 20: recorded as no)
    r"\b(haven'?t|have not|not yet) (heard|had|got) (back|the results?|results?)\b|\bwaiting to hear\b|"
    r"\bno results yet\b|\bresults? (aren'?t|isn'?t|are not|is not) back\b"
)
# "my mum has lupus, I don't": someone else's, and a no for the user (development round 20: asked again)
_NOT_ME_AFTER_OTHER = re.compile(r"[,;.]\s*(but\s+)?(i don'?t|i do not|i haven'?t|not me|i'?m not|im not)\b")
# a yes said by repeating the question's verb: "just found out I am actually!", "turns out I do", "yes I am"
# (in the present only: "I was" to "are you pregnant?" is over)
_ELLIPTIC_YES = re.compile(
    r"^\W*(((just )?found out|turns out|as it happens|well|actually|oh|so|yes|yeah|yep)[\s,.!]+)*"
    r"(i|we)\s+(am|do|have)(\s+(actually|indeed|though|tho|yes|yeah|now|too))*\W*$"
)
_SAYS_UNSURE = re.compile(r"\b(not sure|unsure|no idea|don'?t know|dunno|idk|not certain|can'?t tell)\b")
_ONLY_THAT = re.compile(
    r"^\W*((yes|yeah|yep|well)[\s,.!]+)?((only|just)\s+)?(the|my)?\s*[a-z' -]{2,40}"
    r"(\s+(i|that i|like i|as i) (told|mentioned|said)( you)?( about| before| earlier)?)?\W*$"
)
_NOT_BY_LIGHT = re.compile(
    r"\b(from|with|because of|during|due to) (a |an |my |high |a high )?(fever|temperature)\b|\bfebrile\b|"
    r"\bfever (fit|seizure|convulsion)s?\b|\bnot (from |by |triggered by |caused by |set off by )?(the )?"
    r"(lights?|flashing( lights)?|strobes?)\b"
)
_MINE_TOO = re.compile(r"\s*(i am|i'?m|im|i do|i have|i'?ve|me too|so am i|so do i)\W*$")
# "I had one as a teenager from a strobe light" to the seizure question (development round 20: asked again)
_HAD_ONE = re.compile(
    r"^\W*(yes,?\s+|yeah,?\s+)?(i )?(had|have had|'ve had) (one|a seizure|a fit|some|a couple)\b"
)
_SAME_DOUBT = re.compile(
    r"\b(is|are) (that|this|it|they) (the same( thing)?|the same as|one of (them|those))\b|"
    # "I get pins and needles sometimes, is that it?" (development round 16: recorded as yes)
    r"\b(is|are) (that|this) (it|what you mean|what you're asking)\s*\?|"
    # "sometimes tingly, is that numbness?" (development round 17: recorded as yes)
    r"\b(is|are|would|was|were) (that|this) (count as |be |called )?(an? )?[a-z']+( [a-z']+)?\s*\?\s*$"
)
_BEING_TESTED = re.compile(
    r"\b(testing|checking|tested|checked|test|check)\s+(me\s+)?for\b|"
    r"\bresults?\s+(are\s+)?(due|pending|back next)\b|"
    r"\bwaiting (on|for) (the |my )?(results?|tests?)\b"
)
# "does a cold sore count?", and that the user has it ("I've got one", "I'm on tablets")
_X_COUNTS = re.compile(r"\b(does|do|would|will) (a |an |my |the )?[a-z' -]{2,30}? count\b")
_OWNS = re.compile(
    r"\b(i'?ve got|i have|i'?ve had|i'?m on|im on|i take|i'?m taking|i get|i do)\b|\bgot (one|it|them)\b"
)
# "I think so, my doctor mentioned my thyroid but nothing confirmed" (development round 14: read as yes)
_UNCONFIRMED = re.compile(
    r"\b(nothing|not|never|hasn'?t been|wasn'?t) (confirmed|diagnosed|official|certain)\b|\bunconfirmed\b"
)

# a doctor's diagnosis named, and a doubt only whether it counts for the question
_DIAGNOSED = re.compile(
    r"\b(diagnosed|diagnosis|called it|calls it|(said|says|told me|thinks) (it'?s|it is|i have|i'?ve got)|"
    r"confirmed)\b"
)
_COUNTS_DOUBT = re.compile(
    r"\b(not sure|unsure|don'?t know|dunno|no idea|wondering|wonder)\s+(if|whether)\s+(that|it|this|they)\s+"
    r"(counts?|matters?|is relevant|applies|apply|is the same|is one)\b|\b(does|would) (that|it|this) count\b"
)
# a doubt about having it at all ("maybe", "might be"): "I don't know", whatever the words
LEANS_UNSURE = re.compile(r"\b(maybe|might|possibly|perhaps|could be|not sure if i|not sure whether i)\b")

# a hedge that leans to yes: the detail named with it decides ("i think so, my hands are flaring")
LEANS_YES = re.compile(r"^\W*(?:i think so|i guess so|i believe so|probably|i'?m afraid so)\b")

SKIP = re.compile(
    r"\b(skip( this| that| it)?|pass( on this)?|next question|rather not (say|answer)|"
    r"prefer not to (say|answer))\b"
)
SKIP_REPLY = (
    "OK, I've noted \"I don't know\" for that one: it counts as \"ask your doctor first\", never as a no."
)
WRONG_ANSWER = re.compile(
    r"\b(wrong (button|answer|one)|mis-?click(ed)?|clicked the wrong|pressed the wrong|hit the wrong|"
    r"i meant (yes|no|i don'?t know|not sure)|meant to (say|press|click) (yes|no)|change my (last )?answer|"
    r"(that|my last answer) was wrong|go back|"
    # "wait, you skipped. I didn't answer the pregnancy one" (user study round 37, #31)
    r"you skipped|skipped (the|a|that|one)|didn'?t answer (the|that)|"
    # "no i mean the pregnancy question. change it to yes" (user study round 16, #17)
    r"change (it|that|my answer|the answer|(the )?\w+ (question|one)) to|"
    # "oops, I tapped yes by mistake on that last one, it's a no" (dev round 4)
    r"(tapped|pressed|clicked|hit|chose|picked) (yes|no)( by (mistake|accident))?|"
    r"by (mistake|accident)|(was|is) a mistake|wrong (tap|click))\b"
)
MEANT = re.compile(
    r"\b(?:meant|meant to (?:say|press|click)|should be|is|answer is|(?:it'?s|its|it is|that'?s)(?: a)?|"
    # "lets say yes to be safe", "change it to yes" (user study round 16, #17)
    r"say|make it|change (?:it|that|my answer|the answer|(?:the )?\w+ (?:question|one)) to|put|set it to|"
    r"mark it as)\s+(?:a\s+)?"
    r"(yes|no|i don'?t know|not sure)\b"
)


_ORDINALS = ("first", "second", "third", "fourth", "fifth", "sixth", "seventh", "eighth", "ninth", "tenth")
# words that name a question of the check ("the pregnancy question", "the one about meds")
_QUESTION_TOPICS = (
    (re.compile(r"\bpregnan"), "pregnancy"),
    (re.compile(r"\b(eczema|skin infection)"), "skin_infection_or_eczema"),
    (re.compile(r"\bwound"), "open_wound"),
    (re.compile(r"\b(light.?sensitiv|photosensitiv|lupus|porphyria)"), "photosensitivity"),
    (re.compile(r"\b(pacemaker|implant|device|defibrillator|pump)"), "implanted_device"),
    (re.compile(r"\b(medicine|medication|meds|drugs?|pills|antibiotic)"), "photosensitising_medication"),
    (re.compile(r"\b(cancer|tumou?r)"), "cancer_in_area"),
    (re.compile(r"\b(epilep|seizure|fits?\b)"), "seizures"),
    (re.compile(r"\b(numb|feeling|sensation)"), "reduced_sensation"),
)


def _named_question(text: Text, tracker: Tracker, asked_rule: Text) -> Optional[Text]:
    """The answered question a correction names ("go back, for the first one", "question 2", "the pregnancy
    question"), or None when it names none (user study round 16, #17: "the first one" went back to the last
    one)."""
    order = [r.id for r in default_rulebook().screening_rules]
    before = order[: order.index(asked_rule)]
    answered = [rule for rule in before if tracker.get_slot(screening_slot(rule)) is not None]
    number = re.search(r"\b(?:question|q|number|no\.?)\s*#?(\d{1,2})\b", text)
    ordinal = re.search(rf"\b({'|'.join(_ORDINALS)}) (?:one|question|answer)\b", text)
    index = int(number.group(1)) - 1 if number else (_ORDINALS.index(ordinal.group(1)) if ordinal else None)
    if index is not None:
        return order[index] if 0 <= index < len(order) and order[index] in answered else None
    if not re.search(r"\b(question|one|answer|change)\b", text):
        return None
    named = [rule for pattern, rule in _QUESTION_TOPICS if pattern.search(text) and rule in answered]
    return named[0] if len(named) == 1 else None


# "about the first question - ...", "for question 2:", "re the pregnancy one,": an earlier question named
_ABOUT_A_QUESTION = re.compile(
    r"\b(about|for|on|regarding|re|back to|with)\s+(the\s+|that\s+|question\s+)?"
    r"(\w+\s+)?(question|one|q)\b|\b(question|q)\s*#?\d"
)
_MAYBE = re.compile(r"\b(maybe|perhaps|possibly|might|could be|not sure|unsure|no idea|don'?t know|dunno)\b")


def _named_question_answered(
    dispatcher: CollectingDispatcher, tracker: Tracker, asked_rule: Text, text: Text
) -> List[EventType]:
    """A new answer to an earlier question named in the message ("och wait, about the first question - I'm
    actually a few days late, so maybe?"), recorded for that question and confirmed; the question being asked
    stays open (user study round 45, #14: the "maybe" was recorded for the implant question)."""
    if not _ABOUT_A_QUESTION.search(text):
        return []
    named = _named_question(text, tracker, asked_rule)
    if named is None or named == asked_rule:
        return []
    value: Optional[Text] = None
    if named == "pregnancy" and _COULD_BE_PREGNANT.search(text) and not negative_test(text):
        value = "yes"  # the question asks "could you be pregnant?"
    elif _MAYBE.search(text):
        value = "unknown"
    else:
        answer = parse_answer(text)
        value = answer.value if answer else None
    before = tracker.get_slot(screening_slot(named))
    if value is None or value == before:
        return []
    number = [r.id for r in default_rulebook().screening_rules].index(named) + 1
    label = {"yes": "yes", "no": "no", "unknown": "I don't know"}[value]
    title = default_rulebook().rule(named).title.lower()
    dispatcher.utter_message(text=f"OK, I've changed your answer to question {number} ({title}) to {label}.")
    return [SlotSet(screening_slot(named), value)]


def _previous_answered(tracker: Tracker, asked_rule: Text) -> Optional[Text]:
    """The question answered just before the one being asked."""
    order = [r.id for r in default_rulebook().screening_rules]
    for rule_id in reversed(order[: order.index(asked_rule)]):
        if tracker.get_slot(screening_slot(rule_id)) is not None:
            return rule_id
    return None


def resumed_answers(dispatcher: CollectingDispatcher, tracker: Tracker) -> List[EventType]:
    """At the start of a check: the answers of the check stopped before, given back when the user asks to go
    on with it ("ok back. where were we?"), about the same person; otherwise dropped (a new check starts from
    question 1). The first event always clears the kept answers."""
    events: List[EventType] = [SlotSet(PAUSED_SLOT, None)]
    paused = tracker.get_slot(PAUSED_SLOT) or {}
    answers = paused.get("answers") or {}
    text = tracker.latest_message.get("text") or ""
    if not answers or not RESUME_CHECK.search(text) or bool(paused.get("for_other")) != check_is_for_other(
        tracker
    ):
        return events
    order = [r.id for r in default_rulebook().screening_rules]
    events += [SlotSet(screening_slot(r), answers[r]) for r in order if r in answers]
    dispatcher.utter_message(
        text="OK, let's go on where we stopped: your answers so far are kept, "
        "and you can change any of them by saying which question."
    )
    return events


def screening_question_text(rule_id: Text, tracker: Tracker, noted: List[Text]) -> Text:
    """"Question n of N: ..." for one rule, worded as in the rule data; with what the user mentioned earlier
    that this question is about ("You mentioned diabetes earlier, ..."), and about "they" in a check run for
    someone else."""
    rulebook = default_rulebook()
    rules = rulebook.screening_rules
    index = [r.id for r in rules].index(rule_id)
    text = screening_question(index + 1, len(rules), rules[index], for_other=check_is_for_other(tracker))
    named_here = [name for name in noted if screening_rule_for(rulebook.condition(name).rule_id) == rule_id]
    if not named_here:
        return text
    # a proper noun phrase and what it is doing here ("You mentioned wound." read as an artefact: user study
    # round 7, #05, #15)
    from padsafety.conversation import noun_phrase

    named = " and ".join(noun_phrase(n) for n in dict.fromkeys(named_here))
    if all(n in _MEDICINE_NAMES for n in named_here):
        # "You mentioned a regular medicine earlier, so this question is about that" read as a riddle for
        # "i take ibuprofen sometimes for the back" (user study round 27, #2, #16)
        return (f"You mentioned {named} earlier: if you take it for a medical condition, this question is "
                f"about that condition. {text}")
    return f"You mentioned {named} earlier, so this question is about that. {text}"


def _action_before_form(tracker: Tracker) -> Optional[Text]:
    """The last action before this run of the form. Rasa sends the validation a tracker ending with the
    form's own ``ActionExecuted`` (and the requested slot), so ``latest_action_name`` is always the form."""
    actions = [e.get("name") for e in tracker.events if e.get("event") == "action"]
    if actions and actions[-1] == tracker.active_loop_name:
        actions = actions[:-1]
    return actions[-1] if actions else None


def _form_may_reject(tracker: Tracker) -> bool:
    """Whether Rasa rejects the form when this validation sets no slot: only for an answer typed to an open
    question (right after the user's message, the check neither starting nor coming back after an
    interruption: rasa.core.actions.forms.FormAction._validate_if_required)."""
    loop = tracker.active_loop or {}
    return bool(
        tracker.get_slot("requested_slot")
        and _action_before_form(tracker) == "action_listen"
        and not loop.get("is_interrupted")
    )


def _filled_since_message(tracker: Tracker, required: List[Text]) -> bool:
    """Whether a form slot was set after the user's latest message (by the answer buttons' mappings): Rasa
    then goes on with the form whatever the validation returns."""
    for event in reversed(tracker.events):
        if event.get("event") == "user":
            return False
        if event.get("event") == "slot" and event.get("name") in required:
            return True
    return False


def next_question_events(
    tracker: Tracker, domain: Dict[Text, Any], events: List[EventType]
) -> List[EventType]:
    """The text of the question the form asks next, in the slot its ``utter_ask_screen_<rule>`` response
    shows, so that asking it needs no second call to the action server (issue 16).

    Nothing when the form will not ask: the check ends, the user rejected it, or this validation set no
    slot for an answer typed to an open question (Rasa then rejects the form; setting a slot here would
    stop that)."""
    if any(e.get("event") in ("action_execution_rejected", "active_loop") for e in events):
        return []
    slot_events = [e for e in events if e.get("event") == "slot"]
    required = (domain.get("forms", {}).get("screening_form", {}) or {}).get("required_slots") or []
    if (
        _form_may_reject(tracker)
        and not any(e.get("name") != "requested_slot" for e in slot_events)
        and not _filled_since_message(tracker, required)
    ):
        return []
    values = dict(tracker.current_slot_values())
    values.update({e.get("name"): e.get("value") for e in slot_events})
    if any(e.get("name") == "requested_slot" for e in slot_events):
        asked = values.get("requested_slot")
    else:
        asked = next((slot for slot in required if values.get(slot) is None), None)
    if not asked or not str(asked).startswith("screen_"):
        return []
    noted = list(values.get(MENTIONED_SLOT) or [])
    return [SlotSet(QUESTION_SLOT, screening_question_text(asked[len("screen_"):], tracker, noted))]


# a medicine named at the medicines question that is no mention of its own ("just ibuprofen sometimes")
_MEDICINE_WORD = re.compile(
    r"\b(ibuprofen|paracetamol|acetaminophen|aspirin|tylenol|advil|nurofen|motrin|aleve|codeine|co-codamol|"
    r"tramadol|antihistamines?|cetirizine|loratadine|fexofenadine|zyrtec|claritin|omeprazole|lansoprazole|"
    r"the pill|contraceptive pill|melatonin|[a-z]{3,}(profen|pril|sartan|statin|olol|dipine|prazole|formin|"
    r"cillin|mycin|floxacin|tidine|triptan|gliptin|lukast))\b",
    re.IGNORECASE,
)

# the recogniser's names for medicines (lexicon.yml), which the "another medical condition" question covers
_MEDICINE_NAMES = frozenset({"a regular medicine", "steroids", "blood thinners"})
