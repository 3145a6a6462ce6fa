"""Custom actions: thin adapters between Rasa trackers and the rules engine."""

from __future__ import annotations

import logging
import re
from typing import Any, Dict, List, Text

from rasa_sdk import Action, Tracker
from rasa_sdk.events import ActionExecuted, EventType, SessionStarted, SlotSet
from rasa_sdk.executor import CollectingDispatcher

from actions.conversation import (
    CONDITIONS_SLOT,
    RULES_SLOT,
    VERDICT_SLOT,
    check_is_for_other,
    known_rules,
    last_answer,
    previous_user_text,
)
from actions.records_buffer import default_buffer
from padsafety.conversation import (
    CANT_BEAR_WEIGHT,
    FEVER_TOLD,
    FRACTURE_SEEN,
    GIVE_UP,
    INFECTION_SIGNS,
    KEEP_OR_STOP,
    MINE_NOT_THEIRS,
    MINOR_INJURY_CAUTION,
    NO_EFFECT_KEEP_OR_STOP,
    NOT_ME,
    OWN_USE_TOO,
    POSSIBLY_BROKEN,
    SAME_AGAIN,
    SEE_DOCTOR_FRACTURE,
    THEM_ON_YOU,
    THEM_ON_YOU_NOTE,
    FollowUp,
    asks_for_cure,
    asks_if_it_helps,
    beyond_source_topic,
    claimed_conditions,
    claimed_for_other,
    cleared_answer,
    cleared_conditions,
    condition_help,
    continues_about_them,
    cure_answer,
    followup_kind,
    merge_verdict,
    minor_injury_question,
    nerve_signs,
    own_use_after_other,
    people_named,
    person_switch,
    purchase_side_question,
    regroup_people,
    repeated_verdict,
    said_of_them,
    same_person,
    see_doctor_answer,
    status_answer,
    stopped_reply,
    symptom_stop,
)
from padsafety.intent_hints import WHO_SHOULD_AVOID_QUESTION
from padsafety.medicines import asks_to_change_medicine, light_sensitivity_answer, medicines_answer
from padsafety.messages import (
    FORGET_DONE,
    FORGET_PENDING,
    SCREENING_STOPPED,
    condition_assessment,
    screening_verdict,
)
from padsafety.recognition import Experiencer, Recognition, recognise
from padsafety.rules import Assessment, Verdict, default_rulebook, merge_assessments
from padsafety.screening_domain import screening_slot

logger = logging.getLogger(__name__)

FIRST_PERSON = re.compile(r"\b(i|i'm|im|i've|ive|i'd|my|me|mine|myself)\b")
OFFER_SCREENING = [{"title": "Run the safety check", "payload": "/request_screening"}]
# "does ibuprofen make my skin sensitive to the light or no": a question about a medicine, not a statement
# of photosensitivity (user study round 10, #09: got the photosensitivity "do not use")
_ASKS_IF_IT_SENSITISES = re.compile(
    r"\b(does|do|can|could|will|would|might|is|are)\s+(\w+\s+){1,3}(make|makes|making)\s+(my|your|the|his|her|"
    r"their)?\s*(skin|me|eyes)\s+(more\s+)?(sensitive|photosensitive|light[- ]sensitive|react)",
    re.IGNORECASE,
)


def _said_of_themselves(text: Text, general_mentions: List[Any]) -> bool:
    """Whether the user spoke of themselves: a first-person word in the message, and for a general
    question ("can I use it if I'm pregnant?") in the sentence that names the condition ("I don't have
    one, just curious. and why pregnant women?" is about the rule, not about them)."""
    lowered = text.lower()
    if not general_mentions:
        return bool(FIRST_PERSON.search(lowered))
    sentences = [(m.start(), m.end()) for m in re.finditer(r"[^.?!;]+[.?!;]*", lowered)]
    for mention in general_mentions:
        for start, end in sentences:
            if start <= mention.start < end and FIRST_PERSON.search(lowered[start:end]):
                return True
    return False


def _told_as_statement(text: Text, mentions: List[Any]) -> bool:
    """A condition of the user's told in a statement without "I" ("had a c-section 10 days ago, the wound is
    still open in one spot."): theirs, unlike a bare question about it ("why the pacemaker thing?"); the
    verdict is remembered (user study round 8, #33: "so can i use it on the scar or not" lost the open
    wound)."""
    sentences = [(m.start(), m.end()) for m in re.finditer(r"[^.?!;]+[.?!;]*", text)]
    return any(
        start <= mention.start < end and "?" not in text[start:end]
        for mention in mentions
        for start, end in sentences
    )


def _referred_other_this_turn(tracker: Tracker) -> bool:
    """The policy answered this message with the referral for someone else (it read the message as theirs)."""
    for event in reversed(tracker.events):
        if event.get("event") == "user":
            return False
        if event.get("event") == "bot" and (event.get("metadata") or {}).get("utter_action") == (
            "utter_doctor_referral_other"
        ):
            return True
    return False


def latest_recognition(tracker: Tracker) -> Recognition:
    """What the recogniser makes of the latest message (deterministic: the same as in the policy)."""
    text = tracker.latest_message.get("text") or ""
    return recognise(None if text.startswith("/") else text)


def mentioned_conditions(tracker: Tracker) -> List[Text]:
    """Canonical names of the conditions the latest message affirms, for the user or anyone."""
    names: List[Text] = []
    for mention in latest_recognition(tracker).affirmed():
        if mention.condition not in names:
            names.append(mention.condition)
    return names


class ActionSessionStart(Action):
    """Starts a session with the disclaimer, keeping the slots of the previous session."""

    def name(self) -> Text:
        """Rasa's name for the session start action."""
        return "action_session_start"

    async def run(
        self, dispatcher: CollectingDispatcher, tracker: Tracker, domain: Dict[Text, Any]
    ) -> List[EventType]:
        """Sends the disclaimer and starts the session."""
        dispatcher.utter_message(response="utter_disclaimer")
        carried = [SlotSet(key, value) for key, value in tracker.current_slot_values().items()]
        return [SessionStarted(), *carried, ActionExecuted("action_listen")]


# "broke my arm as a kid", "a fracture years ago": over; "yesterday", "last week" are not
_LONG_AGO = re.compile(
    r"\b(as an? (kid|child|teen\w*|boy|girl|baby)|when i was (a |an |\d+|little|young)|years? ago|"
    r"in (19|20)\d\d|long ago|healed|has healed|mended|"
    # ("metal plates in the leg from an old fracture": user study round 36, #23: "needs to be checked today")
    r"(an|the|my|his|her|that) old (fracture|break|injury|broken \w+))\b",
    re.IGNORECASE,
)


# what the eczema is like now: a flare-up, or calm ("I have eczema on my elbows" says neither)
_ECZEMA_STATE = re.compile(
    r"\b(flar\w*|acute|active|weeping|oozing|infected|raw|bleeding|bad|angry|cracked|inflamed|under control|"
    r"cleared?|gone)\b|\b(is|are|'s|been|stays?|pretty|quite|fairly|totally|all)\s+(calm|quiet|settled)\b|"
    r"\b(calm|quiet|settled)\s+(at the moment|now|right now|these days|patches)\b", re.IGNORECASE
)
ECZEMA_STATE_NOTE = (
    "My source names acute eczema, a flare-up, among the reasons to avoid a pad. If yours is calm at the "
    "moment (not a flare-up), tell me."
)


class ActionAssessCondition(Action):
    """Says what the contraindication rules make of the conditions the user named."""

    def name(self) -> Text:
        """Action name used in the domain and rules."""
        return "action_assess_condition"

    async def run(
        self, dispatcher: CollectingDispatcher, tracker: Tracker, domain: Dict[Text, Any]
    ) -> List[EventType]:
        """Utters the rule-based assessment, for whom it concerns, and offers the full safety check."""
        recognition = latest_recognition(tracker)
        subject = "self"
        for experiencer in (Experiencer.SELF, Experiencer.OTHER, Experiencer.GENERAL):
            mentions = recognition.affirmed(experiencer)
            if mentions:
                subject = experiencer.value
                break
        names = list(dict.fromkeys(m.condition for m in mentions)) if recognition.affirmed() else []
        text = tracker.latest_message.get("text") or ""
        if subject == "self" and NOT_ME.search(text):
            subject = "other"  # "the lupus is my sister, not me"
        if subject == "self" and said_of_them(text, names, tracker.get_slot("known_other_conditions") or []):
            subject = "other"  # "its mild lupus, he doesnt get rashes" after "my husband has lupus"
        if (
            subject == "self" and tracker.get_slot("known_other_conditions")
            and continues_about_them(text, bool(people_named([text])))
            and _referred_other_this_turn(tracker)
        ):
            subject = "other"  # "it's just a surface scrape" right after the verdict for "my 8 year old"
        affirmed_mentions = [m for m in mentions if m.affirmed]
        if subject in ("self", "other") and minor_injury_question(affirmed_mentions, text):
            # "can red light pads help heal a scrape on my arm": the source's own example (minor abrasions)
            # with its limits, not the open wound's "do not use" (user study round 49, #15)
            dispatcher.utter_message(response="utter_benefit_wound_healing")
            dispatcher.utter_message(text=MINOR_INJURY_CAUTION)
            return []
        if not names:
            # "I have both" after "does it help rosacea or eczema?": the conditions just named, as theirs
            names = claimed_conditions(text, previous_user_text(tracker))
        if not names:
            # "its for my sister" after "is it safe while pregnant?" (user study round 35, #9)
            names = claimed_for_other(text, previous_user_text(tracker))
            subject = "other" if names else subject
        if not names and tracker.latest_message.get("text") == "/mention_condition":
            subject = "other"  # the clarifying question's "Yes, someone else's" button
        mine = text == "/affirm" and last_answer(tracker) == "utter_ask_health_clarify"
        if not names and mine:
            # the clarifying question's "Yes, mine": the words it asked about are the user's own, whatever
            # was said of someone else before (user study round 7, #28: "they" after "Yes, mine")
            asked = previous_user_text(tracker) or ""
            names = list(dict.fromkeys(
                m.condition
                for m in recognise(None if asked.startswith("/") else asked).mentions
                if not m.negated
            ))
        # "what about my sister instead? she has eczema" after "my dad has a pacemaker": hers, not his
        switch = None
        if subject == "other" and names:
            switch = person_switch(
                text, tracker.get_slot("known_other_person"), tracker.get_slot("known_other_conditions"),
                tracker.get_slot("people_conditions"),
            )
            named = people_named([text])
            owner = tracker.get_slot("known_other_person")
            if not switch and owner and named and same_person(named[0]) != same_person(owner):
                switch = named[0]  # "what about my mum, she has lupus" after turning to the sister
        if not names and tracker.get_slot("known_other_conditions") and not mine:
            # "it's only his knees" after "my dad has a pacemaker": what the rules say for him, again
            names, subject = list(tracker.get_slot("known_other_conditions")), "other"
        elif subject == "other" and names and not switch:
            # "ok who exactly should she ask, cardiologist?" read as another condition of hers: what was said
            # of her before still counts, so her verdict never weakens from one turn to the next (user study
            # round 7, #48)
            names = list(dict.fromkeys([*names, *(tracker.get_slot("known_other_conditions") or [])]))
        cleared = cleared_conditions(mentions, text) if subject in ("self", "other") else []
        if cleared:
            # "had shingles last year, all gone now", "cold sores now and then, none at the moment": the acute
            # rules are about now (user study round 24, #24: "do not use"); what still holds is said instead
            names = [n for n in names if n not in cleared]
            dispatcher.utter_message(text=cleared_answer(cleared, subject == "other"))
            if not names:
                return []
        rulebook = default_rulebook()
        # the same conditions again, with "ask your doctor" already said for them: the policy's referral
        # this turn says it once more, so the verdict block would only stack a third copy before the answer
        # (user study round 8, #06: "should i cut down my metformin?" after the metformin verdict)
        repeated = (
            subject == "self" and bool(names) and set(names) <= set(tracker.get_slot(CONDITIONS_SLOT) or [])
            and tracker.get_slot(VERDICT_SLOT) == Verdict.ASK_DOCTOR.value
        )
        unsure: List[Text] = []
        if subject == "self" and names:  # (text read above)
            # what the user told before still counts: "so the arthritis part doesn't matter?" after lupus
            # is answered with lupus's "do not use", never a milder verdict
            named_rules = {rulebook.condition(n).rule_id for n in names}
            remembered = [
                r for r in known_rules(tracker) if r not in named_rules and rulebook.rule(r).conditions
            ]
            if tracker.get_slot(VERDICT_SLOT) == Verdict.ASK_DOCTOR.value:
                # a remembered "ask your doctor" with a do-not-use rule behind it came from "I don't know" in
                # the safety check: it stays "not sure", never a stated condition (user study round 17, #31:
                # "you should not use ... open wound, photosensitivity")
                unsure = [r for r in remembered if rulebook.rule(r).verdict is Verdict.DO_NOT_USE]
            names += [
                # the catch-all rule by a vague name, never its first example ("acute inflammation", which the
                # user had not said: user study round 17, #27, #31)
                "a named medical condition" if r == "other_condition" else rulebook.rule(r).conditions[0].name
                for r in remembered if r not in unsure
            ]
        assessment = rulebook.assess_conditions(names)
        if unsure:
            answers = {r.id: "no" for r in rulebook.screening_rules}
            unknown = rulebook.evaluate({**answers, **{r: "unknown" for r in unsure}})
            assessment = merge_assessments(assessment, unknown)
        medicine_answer = light_sensitivity_answer(text)
        if medicine_answer and (subject == "general" or _ASKS_IF_IT_SENSITISES.search(text)):
            # "does metformin make skin sensitive to light?" asks about a medicine, not about having
            # photosensitivity: the photosensitivity rule's "do not use" would invent a contraindication
            dispatcher.utter_message(text=medicine_answer)
            return []
        again = repeated_verdict(assessment.fired_rule_ids, text)
        if not (repeated and assessment.verdict is Verdict.ASK_DOCTOR):
            dispatcher.utter_message(text=condition_assessment(assessment, subject), buttons=OFFER_SCREENING)
            if (
                not repeated and subject == "self"
                and any(m.condition == "eczema" and m.affirmed and not m.past for m in mentions)
                and not _ECZEMA_STATE.search(text)
            ):
                # "I have eczema on my elbows. would red light calm it down?": the rule is about a flare-up,
                # which the message does not say (user study round 27, #16: "do not use" with no way out)
                dispatcher.utter_message(text=ECZEMA_STATE_NOTE)
        elif again:
            dispatcher.utter_message(text=again)
        injury = (
            (
                any(m.condition == "fracture" for m in mentions if m.affirmed)
                # ("twisted my ankle an hour ago ... can't really walk on it": user study round 30, #33)
                or (bool(mentions) and bool(CANT_BEAR_WEIGHT.search(text) or POSSIBLY_BROKEN.search(text)))
            )
            and not _LONG_AGO.search(text) and not FRACTURE_SEEN.search(text)
        )
        described = any(
            m.rule_id == "skin_infection_or_eczema" and INFECTION_SIGNS.search(m.text) for m in mentions
        ) or (
            # "one of the incisions is red and warm and i had a fever last night" (user study round 33, #37)
            any(m.rule_id in ("open_wound", "skin_infection_or_eczema", "other_condition") for m in mentions)
            and bool(INFECTION_SIGNS.search(text)) and bool(FEVER_TOLD.search(text))
        )
        if followup_kind(text) is FollowUp.SEE_DOCTOR or nerve_signs(text) or described:
            # ("red and warm around the edges and some yellowish gunk": an infection described, not named,
            # is for a doctor soon, user study round 25, #28)
            # "one of the spots changed shape and bled. is that something to mention?": yes, as well as the
            # rules' verdict (user study round 13, #32)
            said = see_doctor_answer(text, previous_user_text(tracker))
            if followup_kind(text) is not FollowUp.SEE_DOCTOR and said.startswith("Yes, "):
                # "Yes" answers "should I see a doctor?"; after "can i put the pad on that?" it read as
                # permission (user study round 33, #8)
                said = said[5].upper() + said[6:]
            dispatcher.utter_message(text=said)
        elif injury:
            # "i think i broke my wrist yesterday, its swollen and purple": get it checked soon, not only
            # "ask your doctor before using a pad" (user study round 20, #1); it says the rest
            dispatcher.utter_message(text=SEE_DOCTOR_FRACTURE)
        medicine_answer = medicine_answer or medicines_answer(text)
        if medicine_answer:
            # "I take metformin. Is it a problem with the light?", "... and amlodipine. Does that matter?"
            dispatcher.utter_message(text=medicine_answer)
        stop_answer = symptom_stop([text], asked=text) if KEEP_OR_STOP.search(text) else None
        stopping = stop_answer is not None
        if stop_answer:
            # "hot and red around the kneecap, should I stop using it?" (user study round 26, #56)
            dispatcher.utter_message(text=stop_answer)
        elaborating = (last_answer(tracker) or "").startswith(("utter_benefit", "utter_limitation")) or (
            # "ok and rosacea?" after "does it help acne?" was answered (user study round 35, #35: the
            # referral alone)
            last_answer(tracker) == "action_answer_beyond_source" and bool(SAME_AGAIN.search(text.lower()))
        )
        if (
            names and assessment.verdict is not Verdict.DO_NOT_USE and not injury
            and (asks_if_it_helps(text) or elaborating)
            # "could the pad replace my amlodipine if it helps circulation": the question is the medicine,
            # answered next (not a substitute); the circulation paragraph first read as a yes (round 23, #38)
            and not asks_to_change_medicine(text)
            and not stopping
        ):
            # "I have psoriasis, does red light help?": what the source says about it, or that it doesn't
            answer = condition_help([(m.condition, m.text) for m in mentions] or [(n, n) for n in names])
            intent = tracker.latest_message.get("intent", {}).get("name") or ""
            if answer and answer[0] == "text" and intent == "ask_not_in_source" and beyond_source_topic(text):
                # "my wife has psoriasis, could the pad help her?": the topic's answer follows and says it
                # better; both read as the same message twice (user study round 20, #12)
                answer = None
            if answer and answer == ("response", "utter_" + intent[len("ask_"):]):
                # the rules answer the question itself right after this ("RA: would it help the stiffness?"
                # asked as the muscle and joint question): the same paragraph twice (user study round 6, #18)
                answer = None
            if condition_help([(m.condition, m.text) for m in mentions] or [(n, n) for n in names]) and (
                asks_for_cure(text)
            ):
                # "yes or no, will it cure my osteoarthritis?": the no first, then what it may do
                words = next((m.text for m in mentions if m.affirmed), names[0])
                dispatcher.utter_message(text=cure_answer(words))
            if answer:
                kind, value = answer
                if kind == "response":
                    dispatcher.utter_message(response=value)
                else:
                    dispatcher.utter_message(text=value)
        if subject == "other":
            if OWN_USE_TOO.search(text) and not recognition.affirmed(Experiencer.SELF):
                # "... is it ok if I keep using it?": the user's own use, beside the other's verdict; the
                # user's own verdict when there is one ("could I use it while she's sitting on my lap?" after
                # the user's psoriasis: "you can use it" had ignored it, user study round 44)
                own = tracker.get_slot(VERDICT_SLOT)
                said = (
                    "For you: " + _lower_first(status_answer(None, own, known_rules(tracker), text))
                    if own in (Verdict.DO_NOT_USE.value, Verdict.ASK_DOCTOR.value)
                    else own_use_after_other(names)
                )
                if THEM_ON_YOU.search(text):
                    said += f" {THEM_ON_YOU_NOTE}"
                dispatcher.utter_message(text=said)
            if switch:
                return switched_person_events(tracker, switch, names)
            noted = list(dict.fromkeys([*(tracker.get_slot("known_other_conditions") or []), *names]))
            person = tracker.get_slot("known_other_person") or next(
                iter(people_named([text]) or people_named(
                    [e.get("text") or "" for e in tracker.events if e.get("event") == "user"][-3:-1]
                )[-1:]), None
            )
            return [SlotSet("known_other_conditions", noted), SlotSet("known_other_person", person)]
        # "i read something about pregnancy and belly": a topic read about is nobody's (user study round 7,
        # #41)
        general = [m for m in mentions if not m.reported] if subject == "general" else []
        if subject == "general" and not general:
            return []
        told = subject == "self" and _told_as_statement(text, mentions)
        if subject not in ("self", "general") or not (mine or told or _said_of_themselves(text, general)):
            return []  # remembered only when the user said it of themselves ("why the pacemaker thing?")
        # remembered, so that "so am I fine?" or "only on my shoulders?" later cannot undercut it
        new_verdict = assessment.verdict.value if assessment.findings else "ask_doctor"
        verdict, rules = merge_verdict(
            tracker.get_slot(VERDICT_SLOT), known_rules(tracker), new_verdict, assessment.fired_rule_ids
        )
        conditions = list(dict.fromkeys([*(tracker.get_slot(CONDITIONS_SLOT) or []), *names]))
        others = tracker.get_slot("known_other_conditions") or []
        if others and MINE_NOT_THEIRS.search(text):
            # "sorry, I meant me, I'm the one with rosacea": it is no longer the wife's (user study round 33,
            # #22)
            kept = [n for n in others if n not in names]
            if kept != others:
                return [
                    SlotSet(VERDICT_SLOT, verdict), SlotSet(RULES_SLOT, rules),
                    SlotSet(CONDITIONS_SLOT, conditions), SlotSet("known_other_conditions", kept or None),
                ]
        return [
            SlotSet(VERDICT_SLOT, verdict), SlotSet(RULES_SLOT, rules), SlotSet(CONDITIONS_SLOT, conditions)
        ]


def told_outside_check(tracker: Tracker) -> Assessment:
    """What the rules make of the conditions the user told before the safety check that none of its
    questions asks about ("breastfeeding mum here", then the check: user study round 7, #05). The check's
    own answers decide its rules (a "no" to the pregnancy question corrects an earlier "pregnant")."""
    rulebook = default_rulebook()
    asked = {r.id for r in rulebook.screening_rules}
    told = []
    for name in tracker.get_slot(CONDITIONS_SLOT) or []:
        try:
            rule_id = rulebook.condition(name).rule_id
        except KeyError:
            continue
        if rule_id not in asked:
            told.append(name)
    return rulebook.assess_conditions(told)


class ActionScreeningVerdict(Action):
    """Turns the screening form's answers into a verdict, then clears them for a next check."""

    def name(self) -> Text:
        """Action name used in the domain and rules."""
        return "action_screening_verdict"

    async def run(
        self, dispatcher: CollectingDispatcher, tracker: Tracker, domain: Dict[Text, Any]
    ) -> List[EventType]:
        """Utters the verdict with its reasons and resets the screening slots."""
        rulebook = default_rulebook()
        answers = {r.id: tracker.get_slot(screening_slot(r.id)) for r in rulebook.screening_rules}
        for_other = check_is_for_other(tracker)
        # a check run for someone else: what was said of them counts, never the user's own conditions
        told = (
            rulebook.assess_conditions(tracker.get_slot("known_other_conditions") or [])
            if for_other else told_outside_check(tracker)
        )
        assessment = merge_assessments(rulebook.evaluate(answers), told)
        dispatcher.utter_message(text=screening_verdict(assessment))
        # kept in memory and written later while the records database is down (actions/records_buffer.py)
        await default_buffer().add_screening_async(
            sender_id=tracker.sender_id,
            channel=tracker.get_latest_input_channel() or "unknown",
            verdict=assessment.verdict.value,
            fired_rules=assessment.fired_rule_ids,
            rules_version=rulebook.version,
        )
        events: List[EventType] = [SlotSet(screening_slot(r.id), None) for r in rulebook.screening_rules]
        events.append(SlotSet("screening_mentioned", None))
        if for_other:
            # the verdict is theirs: remembered with their conditions, never as the user's own (user study
            # round 19, #14: "so sore shoulders?" from the user got their father's "do not use")
            events.append(SlotSet("known_other_conditions", other_conditions_after_check(tracker, answers)))
            return events
        return events + [
            SlotSet(VERDICT_SLOT, assessment.verdict.value),
            SlotSet(RULES_SLOT, assessment.fired_rule_ids),
        ]


PAUSED_SLOT = "screening_paused"


class ActionScreeningStopped(Action):
    """Stops the safety check; a "yes" already given to a contraindication is still told."""

    def name(self) -> Text:
        """Action name used in the rules."""
        return "action_screening_stopped"

    async def run(
        self, dispatcher: CollectingDispatcher, tracker: Tracker, domain: Dict[Text, Any]
    ) -> List[EventType]:
        """Utters the stop message, and "do not use" when an answer so far calls for it."""
        rulebook = default_rulebook()
        answers = {r.id: tracker.get_slot(screening_slot(r.id)) for r in rulebook.screening_rules}
        # ("unknown" too: "could be, we're trying" to the pregnancy question is asked about, never dropped)
        given = {rule_id: value for rule_id, value in answers.items() if value in ("yes", "unknown")}
        assessment = rulebook.evaluate({**{r.id: "no" for r in rulebook.screening_rules}, **given})
        dispatcher.utter_message(text=SCREENING_STOPPED)
        stop_text = tracker.latest_message.get("text") or ""
        if "?" in stop_text and WHO_SHOULD_AVOID_QUESTION.search(stop_text):
            # "stop, i just wanted a quick yes or no. is there anything that says i cant use it if im
            # healthy?": the question is answered too (user study round 20, #9: only the stop notice)
            dispatcher.utter_message(response="utter_who_should_avoid")
        events: List[EventType] = [SlotSet(screening_slot(r.id), None) for r in rulebook.screening_rules]
        events.append(SlotSet("screening_mentioned", None))
        for_other = check_is_for_other(tracker)
        kept = {rule_id: value for rule_id, value in answers.items() if value is not None}
        # the answers so far, for "back to the questions" (user study rounds 44 and 45: a resumed check
        # started again at question 1); the next check that is no resumption drops them
        events.append(SlotSet(PAUSED_SLOT, {"for_other": for_other, "answers": kept} if kept else None))
        if for_other:
            # their verdict: their answers and what was said of them, never the user's own
            told = rulebook.assess_conditions(tracker.get_slot("known_other_conditions") or [])
            both = merge_assessments(assessment, told)
            verdict, rules = both.verdict.value, both.fired_rule_ids
        else:
            verdict, rules = merge_verdict(
                tracker.get_slot(VERDICT_SLOT), known_rules(tracker), assessment.verdict.value,
                assessment.fired_rule_ids,
            )
        # a "yes" in this check, or a condition the user named before it ("I have a pacemaker")
        # the answers "I don't know" are said as doubts, never as something told (user study round 39, #19)
        unsure = {r for r in rules if answers.get(r) == "unknown"}
        extra = stopped_reply(
            Verdict(verdict), [rulebook.rule(r).title for r in rules if r not in unsure], for_other=for_other,
            unsure_titles=[rulebook.rule(r).title for r in rules if r in unsure],
        )
        if extra:
            dispatcher.utter_message(text=extra)
            if for_other:
                others = other_conditions_after_check(tracker, answers)
                events.append(SlotSet("known_other_conditions", others))
            else:
                events += [SlotSet(VERDICT_SLOT, verdict), SlotSet(RULES_SLOT, rules)]
        return events


def switched_person_events(tracker: Tracker, person: str, names: List[Text]) -> List[EventType]:
    """The conditions just named are ``person``'s; those remembered before are kept for their owner."""
    earlier, stored = regroup_people(
        tracker.get_slot("people_conditions"), tracker.get_slot("known_other_person"),
        tracker.get_slot("known_other_conditions"), person,
    )
    return [
        SlotSet("known_other_conditions", list(dict.fromkeys([*earlier, *names]))),
        SlotSet("known_other_person", person),
        SlotSet("people_conditions", stored or None),
    ]


def other_conditions_after_check(tracker: Tracker, answers: Dict[Text, Any]) -> List[Text]:
    """The conditions remembered for the person a check was run for: those named before, and one for each
    question answered yes (the catch-all rule by a vague name, never its first example)."""
    rulebook = default_rulebook()
    names = list(tracker.get_slot("known_other_conditions") or [])
    for rule_id, value in answers.items():
        rule = rulebook.rule(rule_id)
        named = any(rulebook.condition(n).rule_id == rule_id for n in names)
        if value != "yes" or not rule.conditions or named:
            continue
        names.append("a named medical condition" if rule_id == "other_condition" else rule.conditions[0].name)
    return names


class ActionForgetMe(Action):
    """Deletes the sender's screening records; the tracker store then drops the conversation.

    See components/tracker_store.py: Rasa's side deletes the conversation's events when it saves
    the turn in which this action ran.
    """

    def name(self) -> Text:
        """Action name used in the domain and rules (and by the privacy tracker store)."""
        return "action_forget_me"

    async def run(
        self, dispatcher: CollectingDispatcher, tracker: Tracker, domain: Dict[Text, Any]
    ) -> List[EventType]:
        """Deletes the records and confirms."""
        # while the records database is down the deletion waits and is done when it is back; the
        # tracker store does the same with the conversation (components/tracker_store.py)
        done = await default_buffer().delete_sender_async(tracker.sender_id)
        dispatcher.utter_message(text=FORGET_DONE if done else FORGET_PENDING)
        return []


class ActionContact(Action):
    """Tells the user whom to contact: a person (``HUMAN_CONTACT``) or the seller (``SELLER_CONTACT``)."""

    def name(self) -> Text:
        """Action name used in the domain and rules."""
        return "action_contact"

    async def run(
        self, dispatcher: CollectingDispatcher, tracker: Tracker, domain: Dict[Text, Any]
    ) -> List[EventType]:
        """Purchases get the seller's contact, anything else a person's (both from the settings)."""
        from padsafety.messages import contact_reply
        from padsafety.settings import settings

        config = settings()
        from padsafety.conversation import medical_talk

        purchase = tracker.latest_message.get("intent", {}).get("name") == "ask_purchase"
        medical = any(
            tracker.get_slot(slot) for slot in ("known_verdict", "known_conditions", "known_other_conditions")
        ) or medical_talk(
            [e.get("text") for e in tracker.events if e.get("event") == "user"]
            + [tracker.latest_message.get("text")]
        )
        dispatcher.utter_message(
            text=contact_reply(
                purchase, config.seller_contact if purchase else config.human_contact, medical,
                text=tracker.latest_message.get("text") or "",
            )
        )
        text = tracker.latest_message.get("text") or ""
        follow = purchase_side_question(text) if purchase and not text.startswith("/") else None
        if purchase and GIVE_UP.search(text) and not text.startswith("/"):
            # "so should I just give up? I want my money back" (user study round 31, #9): the refund line,
            # then whether to go on
            dispatcher.utter_message(text=NO_EFFECT_KEEP_OR_STOP)
        elif follow:
            # "i want to buy pad for my nek pain, it is work good?", "no refunds after 14 days. is it normal
            # that it does nothing after a month?": the question beside the purchase too (user study round
            # 30, #12, #18)
            dispatcher.utter_message(response=follow)
        return []


def _lower_first(text: Text) -> Text:
    """The sentence with a small first letter, to follow "For you: "."""
    return text[:1].lower() + text[1:]
