"""Actions that keep the conversation's context: follow-ups, the remembered verdict, topics beyond
the source. Thin over ``padsafety.conversation``."""

from __future__ import annotations

import re
from typing import Any, Dict, List, Optional, Text, Tuple

from rasa_sdk import Action, Tracker
from rasa_sdk.events import EventType, SlotSet
from rasa_sdk.executor import CollectingDispatcher

from padsafety.conversation import (
    ABOUT_ME,
    ACHE_IN_BODY,
    ADULTS_ANSWER,
    ADULTS_ASKED,
    ANECDOTE,
    CALM_CHANGES_IT,
    CALM_NOW,
    CALM_SKIN_FOLLOWUP,
    CANT_BEAR_WEIGHT,
    CAUSE_QUESTION,
    COUNTS_FOR_ME,
    CURE_ALONE,
    DO_INSTEAD,
    EARLY_TEST_NOTE,
    EMERGENCY_IN_PROGRESS,
    FRACTURE_LATER,
    FRACTURE_NOT_YET,
    FRACTURE_SEEN,
    GIVE_UP,
    KEEP_OR_STOP,
    MEANT_ME,
    MISREAD_ANSWER,
    NO_EFFECT,
    NO_EFFECT_KEEP_OR_STOP,
    NOT_A_YES_NO,
    NOT_ILLNESSES,
    OTHER_PERSON,
    PAD_OFF_IN_EMERGENCY,
    PAD_OFF_QUESTION,
    REACTION_FOLLOWUP,
    RECOVERY,
    RESULT_AFTER_STOP,
    SAME_ANSWERS,
    SHORT_USE,
    WHICH_ONE,
    WHY_DOCTOR,
    WHY_IT_MATTERS,
    WHY_QUESTION,
    WOUND_SIGNS_ANSWER,
    FollowUp,
    advice_stands,
    alongside_answer,
    anecdote_answer,
    answer_confirmed,
    approved_other_thing,
    asks_about_turned_to,
    asks_after_it_ends,
    asks_for_cure,
    asks_for_healthy_other,
    asks_to_try_meanwhile,
    asks_to_use_meanwhile,
    asks_what_to_ask,
    back_to_person_answer,
    beyond_source_topic,
    beyond_source_topics,
    calm_changes_answer,
    calm_skin_answer,
    cancer_said_over,
    cant_bear_weight_answer,
    condition_help,
    condition_phrase,
    confirm_both,
    confirm_last_answer,
    cure_alone_answer,
    cure_answer,
    cure_confirmed,
    default_beyond_source_answer,
    denies_any_condition,
    doctor_ok_status,
    doctor_ok_told,
    doctor_said_answer,
    doctor_said_other_answer,
    dont_wait_note,
    followup_kind,
    given_to_someone_else,
    help_again,
    help_again_answer,
    how_long_answer,
    instead_answer,
    local_elsewhere_answer,
    names_check_question_no,
    negative_test,
    only_over,
    other_after_self_answer,
    other_short_use_answer,
    other_status_answer,
    others_not_yours,
    over_answer,
    paused_status_answer,
    people_named,
    person_switch,
    possible_fracture,
    regroup_people,
    said_again_answer,
    said_again_response,
    see_doctor_answer,
    self_after_other_answer,
    simpler_answer,
    status_answer,
    stop_topic,
    switched_person_answer,
    symptom_stop,
    symptoms_answer,
    taken_back_check_rules,
    taken_back_conditions,
    taken_back_reply,
    tell_emergency_team,
    turn_responses,
    turned_to_status,
    verdict_reminder,
    verdict_reminder_other,
    verdict_tail,
    which_one_answer,
    who_to_ask_answer,
    why_answer,
    why_topic,
    wound_signs_told,
    yes_no_lead,
    yes_or_no_of,
)
from padsafety.inputs import looks_english
from padsafety.intent_hints import ANIMAL, FIRST_TOPICS, PAD_CAUSED
from padsafety.medicines import medicines_answer
from padsafety.messages import PLEASE_REPHRASE, PLEASE_REPHRASE_ENGLISH_ONLY, screening_verdict
from padsafety.recognition import Experiencer, recognise
from padsafety.rules import default_rulebook

EXPLICIT_WHY = re.compile(r"^\W*(but |and |so )?(why|how come|really|what do you mean|explain)\b")
VERDICT_SLOT = "known_verdict"
RULES_SLOT = "known_rules"
CONDITIONS_SLOT = "known_conditions"  # the conditions the user named for themselves, behind the verdict
KNOWLEDGE_BUTTONS = [
    {"title": "What can it do?", "payload": "/ask_benefits"},
    {"title": "What can't it do?", "payload": "/ask_limitations"},
]
OFFER_SCREENING = [{"title": "Run the safety check", "payload": "/request_screening"}]
REPHRASE_BUTTONS = [
    *KNOWLEDGE_BUTTONS,
    {"title": "Who should avoid it?", "payload": "/ask_who_should_avoid"},
    {"title": "Is it safe for me?", "payload": "/request_screening"},
]

# Actions that are not an answer the user could follow up on.
_NOT_A_TOPIC = {
    "action_listen", "action_session_start", "action_follow_up", "action_verdict_reminder",
    "utter_disclaimer", "action_unlikely_intent", "action_default_fallback", "action_deactivate_loop",
    "screening_form", "validate_screening_form", "utter_screening_answer_hint",
    "utter_acknowledge_frustration",
}


def last_answer(tracker: Tracker) -> Optional[Text]:
    """The action that gave the last answer before the latest user message.

    A turn that began with the verdict reminder is about the verdict ("why?" after "only on my
    shoulders?" asks why not at all).
    """
    events = list(tracker.events)
    start = next((i for i in range(len(events) - 1, -1, -1) if events[i].get("event") == "user"), None)
    if start is None:
        return None
    turn: List[Text] = []
    for event in reversed(events[:start]):
        if event.get("event") == "user":
            # the end of a bot turn: its answer, unless it held none (then the turn before)
            if "action_verdict_reminder" in turn:
                return "action_assess_condition"
            answer = next((name for name in turn if name not in _NOT_A_TOPIC), None)
            if answer:
                return answer
            turn = []
        elif event.get("event") == "action":
            turn.append(event.get("name") or "")
    return next((name for name in turn if name not in _NOT_A_TOPIC), None)


def previous_user_text(tracker: Tracker) -> Optional[Text]:
    """The user's message before the latest one, if any."""
    texts = [e.get("text") for e in tracker.events if e.get("event") == "user"]
    return texts[-2] if len(texts) >= 2 else None


def known_rules(tracker: Tracker) -> List[Text]:
    """Rule ids behind the remembered verdict."""
    return list(tracker.get_slot(RULES_SLOT) or [])


def named_known_rules(tracker: Tracker, text: Text) -> List[Text]:
    """The rules of the remembered conditions this message names again ("why would blood thinners
    matter?" after a verdict that named them)."""
    known = {*(tracker.get_slot(CONDITIONS_SLOT) or []), *(tracker.get_slot("known_other_conditions") or [])}
    mentions = recognise(None if text.startswith("/") else text).affirmed()
    return list(dict.fromkeys(m.rule_id for m in mentions if m.condition in known))


def about_other_person(tracker: Tracker, text: Text) -> bool:
    """Whether the message is about the other person whose condition was named ("she asked her
    cardiologist"), rather than about the user's own verdict."""
    if not other_rules(tracker):
        return False
    if OTHER_PERSON.search(text):
        return True
    return not tracker.get_slot(VERDICT_SLOT) and not switched_to_self(tracker)


def switched_to_self(tracker: Tracker) -> bool:
    """Whether the user said, after naming someone else's condition, that they now mean themselves ("I
    meant ME, I'm healthy": user study round 29, #35, got her verdict on every later turn)."""
    for event in reversed(tracker.events):
        if event.get("event") != "user" or (event.get("text") or "/").startswith("/"):
            continue
        text = event.get("text") or ""
        if MEANT_ME.search(text):
            return True
        if recognise(text).affirmed(Experiencer.OTHER):
            return False
    return False


def other_rules(tracker: Tracker) -> List[Text]:
    """Rule ids behind the conditions named for someone else."""
    book = default_rulebook()
    return list(dict.fromkeys(
        book.condition(name).rule_id for name in tracker.get_slot("known_other_conditions") or []
    ))


# the user includes themselves: "is it safe for me and my wife?" is their own check
_ME = re.compile(r"\b(me|myself|i'?m|im|my own|for us|both of us)\b", re.IGNORECASE)


def check_is_for_other(tracker: Tracker) -> bool:
    """Whether the running safety check was asked for someone else ("ok run the check for him", or the
    check button under a verdict about someone else): its questions then ask about "they"."""
    users = [event for event in tracker.events if event.get("event") == "user"]
    for index in range(len(users) - 1, -1, -1):
        event = users[index]
        if ((event.get("parse_data") or {}).get("intent") or {}).get("name") != "request_screening":
            continue
        text = event.get("text") or ""
        if _self_since(users[index + 1:]):
            # "hang on, why 'they'? this check is for ME not mrs K" (user study round 33, #21)
            return False
        if text.startswith("/"):
            # (a person turned to, with nothing known of them yet: "what about my sister instead?")
            others = tracker.get_slot("known_other_conditions") or tracker.get_slot("people_conditions")
            # the check button after "on a personal note ... would it be fine for me?" is the user's own
            # (user study round 33, #21: the check asked about the resident)
            return (
                bool(others) and not tracker.get_slot("known_conditions") and not _self_since(users[:index])
            )
        # the earlier parts of the same message count too ("is it safe for my husband? can we do the
        # questions" is split in two: connectors/parts.py; user study round 20, the check said "you")
        part = int((event.get("metadata") or {}).get("part") or 0)
        whole = " ".join(u.get("text") or "" for u in users[max(index - part, 0):index + 1])
        return bool(OTHER_PERSON.search(whole)) and not _ME.search(whole)
    return False


# "so I'm good to go?", "am I ok then?": the user asks about themselves; "is she ok?" about the other person
_STATUS_OF_ME = re.compile(
    r"\b(i'?m|im|am i|i am)\s+(\w+\s+)?(ok|okay|fine|good|safe|alright|all right|clear|right|free|set|sweet|"
    r"good to go|in the clear)\b",
    re.IGNORECASE,
)
_THEM = re.compile(r"\b(she|he|they|her|him|them|hers|his|theirs)\b", re.IGNORECASE)


def _emergency_lately(tracker: Tracker, turns: int = 3) -> bool:
    """Whether emergency advice was given in the last ``turns`` bot turns."""
    users = 0
    for event in reversed(tracker.events):
        if event.get("event") == "user":
            users += 1
            if users > turns:
                return False
        elif event.get("event") == "action" and event.get("name") in EMERGENCY_IN_PROGRESS:
            return True
    return False


def _self_since(users: List[Dict[Text, Any]]) -> bool:
    """Whether the user, in these messages, turned to themselves ("would it be fine for me?", "this is for
    me, not her") after the last one that told of someone else's condition."""
    for event in reversed(users):
        text = event.get("text") or ""
        if text.startswith("/"):
            continue
        if MEANT_ME.search(text) or ABOUT_ME.search(text):
            return True
        if recognise(text).affirmed(Experiencer.OTHER):
            return False
    return False


def turn_events(tracker: Tracker) -> List[Tuple[Text, Optional[Text]]]:
    """The conversation's user and bot messages as ``turn_responses`` reads them."""
    return [
        ("user", None) if e.get("event") == "user" else ("bot", (e.get("metadata") or {}).get("utter_action"))
        for e in tracker.events
        if e.get("event") in ("user", "bot")
    ]


_ANSWERED_FOR_THEM = ("ask_benefit", "ask_limitation", "ask_how_it_works", "ask_usage_safety", "ask_evidence")


def switch_person(
    dispatcher: CollectingDispatcher, tracker: Tracker, domain: Dict[Text, Any], person: str,
    intent: Optional[str], text: str,
) -> List[EventType]:
    """Turns the conversation to ``person``: the remembered conditions are kept for their owner (in
    ``people_conditions``), and those told earlier of ``person``, if any, come back."""
    book = default_rulebook()
    owner = tracker.get_slot("known_other_person")
    others = list(tracker.get_slot("known_other_conditions") or [])
    back, stored = regroup_people(tracker.get_slot("people_conditions"), owner, others, person)

    def rules_of(names: List[str]) -> List[str]:
        return list(dict.fromkeys(book.condition(n).rule_id for n in names))

    # the question asked about them, answered as usual ("... and has sore legs", "can she use it on her face",
    # "my mum has a metal knee, not electronic, is she ok?")
    topic = beyond_source_topic(text)
    response = f"utter_{intent[len('ask_'):]}" if intent and intent.startswith(_ANSWERED_FOR_THEM) else None
    if not (response and response in domain.get("responses", {})):
        response = "utter_benefit_muscle_joint" if ACHE_IN_BODY.search(text) else None
    if back:
        dispatcher.utter_message(text=back_to_person_answer(person, back, rules_of(back), bool(response)))
    else:
        dispatcher.utter_message(
            text=switched_person_answer(person, owner, others, rules_of(others)), buttons=OFFER_SCREENING
        )
    if topic is not None:
        dispatcher.utter_message(text=topic.answer)
    elif response:
        dispatcher.utter_message(response=response)
    return [
        SlotSet("known_other_conditions", back or None),
        SlotSet("known_other_person", person),
        SlotSet("people_conditions", stored or None),
    ]


class ActionFollowUp(Action):
    """Answers "why?", "for how long?" and "so am I fine?" against the last answer and verdict."""

    def name(self) -> Text:
        """Action name used in the domain and rules."""
        return "action_follow_up"

    async def run(
        self, dispatcher: CollectingDispatcher, tracker: Tracker, domain: Dict[Text, Any]
    ) -> List[EventType]:
        """Utters the follow-up's answer; offers the safety check when nothing is known yet."""
        text = tracker.latest_message.get("text") or ""
        kind = followup_kind(text)
        if (
            kind is FollowUp.WHY
            and tracker.latest_message.get("intent", {}).get("name") != "ask_followup"
            and not EXPLICIT_WHY.match(text.lower())
            and not WHY_QUESTION.search(text)
        ):
            kind = FollowUp.STATUS  # the policy sent a vague reply after a verdict: the verdict again
        previous = last_answer(tracker)
        verdict = tracker.get_slot(VERDICT_SLOT)
        intent = tracker.latest_message.get("intent", {}).get("name")
        if PAD_OFF_QUESTION.search(text) and _emergency_lately(tracker):
            # "ambulance is on the way, should i take the pad off him?" after the emergency advice and what
            # to tell the team (user study round 43, #30: the usage text)
            dispatcher.utter_message(text=PAD_OFF_IN_EMERGENCY)
            return []
        # ("ambulance is coming. is it the pad that did this??" a turn after "switch the pad off": user study
        # round 50, #18, got the evidence summary)
        if previous in EMERGENCY_IN_PROGRESS or (CAUSE_QUESTION.search(text) and _emergency_lately(tracker)):
            told = recognise(text).affirmed()
            if told or CAUSE_QUESTION.search(text):
                # "ambulance is coming. he also has a pacemaker" (user study round 36, #19); "it was the pad
                # or the cream?" (user study round 43, #47)
                names = list(dict.fromkeys(condition_phrase(m.text) for m in told))
                dispatcher.utter_message(text=tell_emergency_team(names, text))
                return []
        told = list(tracker.get_slot(CONDITIONS_SLOT) or [])
        curable = [c for c in told if condition_help([(c, c)])]
        if verdict and curable and asks_for_cure(text):
            # "so it cure my knee or not?" after the arthritis verdict (user study round 51, #14: the verdict
            # alone, twice): the source's plain no, then the verdict
            dispatcher.utter_message(
                text=cure_answer(curable[0]) + verdict_tail(verdict, known_rules(tracker))
            )
            return []
        earlier = [e.get("text") or "" for e in tracker.events if e.get("event") == "user"][-4:-1]
        if wound_signs_told(text, earlier):
            # "it looks a bit red and warm around it today" after a graze (user study round 51, #32): possible
            # infection signs, so no pad on it and a doctor soon; remembered as the infected wound's verdict
            dispatcher.utter_message(text=WOUND_SIGNS_ANSWER)
            conditions = list(dict.fromkeys([*(tracker.get_slot(CONDITIONS_SLOT) or []), "open wound"]))
            assessment = default_rulebook().assess_conditions(conditions)
            return [
                SlotSet(VERDICT_SLOT, assessment.verdict.value),
                SlotSet(RULES_SLOT, assessment.fired_rule_ids),
                SlotSet(CONDITIONS_SLOT, conditions),
            ]
        if (
            tracker.latest_message.get("intent", {}).get("name") == "stop" and verdict
            and "action_screening_stopped" in recent_bot_actions(tracker.events, 2)
        ):
            # "stop" again after the check stopped (user study round 50, #27)
            dispatcher.utter_message(text="The safety check is stopped. " + status_answer(
                previous, verdict, known_rules(tracker), text
            ))
            return []
        asked_again = beyond_source_topic(text) if kind is FollowUp.MISREAD else None
        if asked_again is not None and asked_again.id in FIRST_TOPICS:
            # "that's not what I asked. brace vs shot vs red light, which works best?": the question asked
            # again is answered (user study round 48, #58)
            dispatcher.utter_message(text="Sorry about that. " + asked_again.answer)
            return []
        paused = tracker.get_slot("screening_paused") or {}
        if (
            paused and not verdict and RESULT_AFTER_STOP.search(text)
            and "action_screening_stopped" in recent_bot_actions(tracker.events)
        ):
            stopped = paused_status_answer(
                dict(paused.get("answers") or {}), len(default_rulebook().screening_rules)
            )
            if stopped:
                dispatcher.utter_message(text=stopped, buttons=OFFER_SCREENING)
                if ACHE_IN_BODY.search(text) or _SHOULDER_ETC.search(text):
                    # "... I only wanted it for my shoulder": what the source says for it
                    dispatcher.utter_message(response="utter_benefit_muscle_joint")
                return []
        switch = None if tracker.active_loop.get("name") else person_switch(
            text, tracker.get_slot("known_other_person"), tracker.get_slot("known_other_conditions"),
            tracker.get_slot("people_conditions"),
        )
        if switch:
            return switch_person(dispatcher, tracker, domain, switch, intent, text)
        if previous == "utter_avoid_children" and ADULTS_ASKED.search(text) and not verdict:
            # "ok, and for adults it's fine?" (user study round 42, #29: the variability text)
            dispatcher.utter_message(text=ADULTS_ANSWER, buttons=OFFER_SCREENING)
            return []
        if CURE_ALONE.match(text):
            # "cure it?" after the arthritis answer (user study round 44: the chronic-disease paragraph)
            earlier = [e.get("text") for e in tracker.events if e.get("event") == "user"][-4:-1]
            dispatcher.utter_message(text=cure_alone_answer(earlier))
            return []
        if ANECDOTE.search(text) and verdict in ("do_not_use", "ask_doctor"):
            # "but my friend used it in her pregnancy and nothing happened" (user study round 43, #5)
            dispatcher.utter_message(text=anecdote_answer(
                status_answer(previous, verdict, known_rules(tracker), text)
            ))
            return []
        if WHICH_ONE.search(text) and verdict:
            told = [
                (m.text, m.rule_id)
                for event in tracker.events[-30:]
                if event.get("event") == "user" and not (event.get("text") or "/").startswith("/")
                for m in recognise(event.get("text")).affirmed(Experiencer.SELF)
            ]
            answer = which_one_answer(told)
            if answer:
                # "which one is the problem, the warfarin?" after warfarin and amiodarone (round 43, #26)
                dispatcher.utter_message(text=answer)
                return []
        stored = tracker.get_slot("people_conditions")
        if asks_about_turned_to(
            text, tracker.get_slot("known_other_person"), tracker.get_slot("known_other_conditions"), stored,
            [m.condition for m in recognise(text).affirmed()],
        ):
            dispatcher.utter_message(
                text=turned_to_status(tracker.get_slot("known_other_person"), stored), buttons=OFFER_SCREENING
            )
            if intent and intent.startswith(_ANSWERED_FOR_THEM) and f"utter_{intent[4:]}" in domain.get(
                "responses", {}
            ):
                dispatcher.utter_message(response=f"utter_{intent[4:]}")  # "can she use it on her face?"
            return []
        over = only_over(text)
        if over and not set(over) & set(tracker.get_slot(CONDITIONS_SLOT) or []):
            # "had my baby 2 years ago, not breastfeeding anymore" (user study round 41, #38)
            for_other = any(m.experiencer.value == "other" for m in recognise(text).mentions if m.past)
            dispatcher.utter_message(text=over_answer(over, for_other), buttons=OFFER_SCREENING)
            return []
        if CALM_CHANGES_IT.search(text) and (known_rules(tracker) or other_rules(tracker)):
            # "my psoriasis isn't flaring right now, does that change it?" (user study round 41, #42)
            mine = known_rules(tracker)
            dispatcher.utter_message(text=calm_changes_answer(mine or other_rules(tracker), not mine))
            return []
        others = tracker.get_slot("known_other_conditions")
        if others and COUNTS_FOR_ME.search(text):
            # "does my mum's thing count against me?" (user study round 34, #19); before the repeats below:
            # "does my mum's diabetes mean I should be careful too?" names hers again (round 41, #11)
            dispatcher.utter_message(text=others_not_yours(list(others), verdict, known_rules(tracker)))
            return []
        events = turn_events(tracker)
        plain = yes_or_no_of(answer_confirmed(events, previous)) if NOT_A_YES_NO.search(text) else None
        if plain:
            # "thats not a yes or no" after "results vary" (user study round 50, #35: the menu)
            dispatcher.utter_message(text=plain + verdict_tail(verdict, known_rules(tracker)))
            return []
        again = said_again_response(intent, turn_responses(events), text)
        if again and kind is not FollowUp.DOCTOR_SAID:
            # ("my oncologist is happy with it. would it help the stiffness though?" right after the stiffness
            # answer: the doctor's word first, below)
            # the answer just given, asked for again in other words (user study round 35): its short version
            tail = verdict_tail(verdict, known_rules(tracker))
            dispatcher.utter_message(text=said_again_answer(again, text) + tail)
            return []
        users = [e.get("text") or "" for e in tracker.events if e.get("event") == "user"]
        confirmed = cure_confirmed(text, users[-2] if len(users) > 1 else None) or confirm_last_answer(
            answer_confirmed(events, previous), text
        ) or confirm_both(turn_responses(events, 2) + turn_responses(events), text)
        if confirmed:
            # "so thats a no?" after "will it cure my osteoarthritis?", "so basically no?" after the fat-loss
            # answer (user study round 35, #2, #18)
            dispatcher.utter_message(text=confirmed + verdict_tail(verdict, known_rules(tracker)))
            return []
        if CALM_SKIN_FOLLOWUP.search(text) and (
            "skin_infection_or_eczema" in known_rules(tracker) + other_rules(tracker)
        ):
            # "what about when its not flaring, like normal dry patches?" after a flare: the rule names acute
            # eczema only, and the flare told before still holds (user study round 36, #8)
            for_other = "skin_infection_or_eczema" not in known_rules(tracker)
            now = "" if for_other else (
                " Until the flare-up you told me about has settled, don't use the pad on it."
            )
            dispatcher.utter_message(text=calm_skin_answer(for_other) + now)
            return []
        lead = yes_no_lead(intent, text)
        if lead and not verdict and not tracker.get_slot("known_other_conditions"):
            # "yes or no, will it warm up my cold hands": the plain answer, then the paragraph (user study
            # round 35, #39)
            dispatcher.utter_message(text=lead)
            dispatcher.utter_message(response="utter_" + (intent or "")[len("ask_"):])
            return []
        if CANT_BEAR_WEIGHT.search(text) and not FRACTURE_SEEN.search(text):
            # "I can't really put weight on it at all. should I just wait and see?" (user study round 30, #33)
            told = [e.get("text") or "" for e in tracker.events if e.get("event") == "user"][-5:]
            dispatcher.utter_message(text=cant_bear_weight_answer(told))
            return []
        conditions = tracker.get_slot(CONDITIONS_SLOT) or []
        others = tracker.get_slot("known_other_conditions")
        if others and not verdict and SHORT_USE.search(text) and not recognise(text).mentions:
            # "what if i just use it for like 5 minutes" after the child's verdict (user study round 35, #28)
            dispatcher.utter_message(text=other_short_use_answer(list(others)))
            return []
        if asks_for_healthy_other(text, verdict, others, users[-5:-1], users[:-1]):
            # "can my sister use it? she's healthy" after the user's lupus (user study round 32, #11), or
            # after "my wife has lupus" (round 33: the wife's "should not use" for the sister)
            owner = None
            if others and not conditions:
                named = [p for p in people_named(users[:-1]) if p not in people_named([text])]
                owner = named[0] if named else "someone else"
            said = other_after_self_answer(conditions or list(others or []), owner)
            dispatcher.utter_message(text=said, buttons=OFFER_SCREENING)
            if ACHE_IN_BODY.search(text):
                # "and for my husband? his back is sore": what the source says for that
                dispatcher.utter_message(response="utter_benefit_muscle_joint")
            return []
        earlier = [e.get("text") or "" for e in tracker.events if e.get("event") == "user"][-4:]
        fracture = possible_fracture(earlier, conditions)
        if fracture and RECOVERY.search(text) and not FRACTURE_SEEN.search(text):
            # "once it's better can I use it for recovery?" after a possible break (user study round 41, #45:
            # "No: don't use the pad on a possibly broken bone", the question about later unanswered)
            dispatcher.utter_message(text=FRACTURE_LATER)
            return []
        if (
            possible_fracture(earlier, conditions) and asks_to_use_meanwhile(text)
            and not FRACTURE_SEEN.search(text)
        ):
            # "can't get to a doctor till monday, can I use it meanwhile?" (user study round 31, #27)
            dispatcher.utter_message(text=FRACTURE_NOT_YET)
            return []
        if (
            (verdict or others) and asks_to_try_meanwhile(text) and not recognise(text).mentions
            and not fracture
        ):
            # "can I just try it on my feet for a few minutes?" with numb feet, "appointment is in 2 weeks,
            # till then we can try?" for a father's infected foot wound (user study round 45, #25, #32): the
            # verdict, never the session length or the results paragraph
            told = [e.get("text") or "" for e in tracker.events if e.get("event") == "user"][-6:]
            if verdict:
                said = status_answer(previous, verdict, known_rules(tracker), text)
                dispatcher.utter_message(text=said + dont_wait_note(told, known_rules(tracker)))
            else:
                said = other_short_use_answer(list(others or []), text)
                dispatcher.utter_message(text=said + dont_wait_note(told, other_rules(tracker)))
            return []
        recent = [e.get("text") or "" for e in tracker.events if e.get("event") == "user"][-3:]
        if GIVE_UP.search(text) and any(NO_EFFECT.search(t) for t in recent) and not stop_topic(recent):
            # "should I just give up?" after weeks with no change (user study round 31, #9)
            dispatcher.utter_message(text=NO_EFFECT_KEEP_OR_STOP)
            return []
        if asks_what_to_ask(text):
            # "I'll ask my midwife. what would I ask her exactly?" after a verdict: what to ask, the verdict
            # kept in one line (user study round 29, #19; round 30, #27)
            stands = advice_stands(verdict, known_rules(tracker))
            if stands:
                dispatcher.utter_message(text=stands)
            dispatcher.utter_message(text=next(
                t.answer for t in beyond_source_topics() if t.id == "questions_for_doctor"
            ))
            return []
        if verdict and DO_INSTEAD.search(text) and not recognise(text).affirmed():
            # "what should I do instead then?" after the eczema flare's verdict (user study round 32, #8)
            dispatcher.utter_message(text=instead_answer(verdict, known_rules(tracker)))
            return []
        if KEEP_OR_STOP.search(text):
            earlier = [e.get("text") or "" for e in tracker.events if e.get("event") == "user"][-3:]
            stop = symptom_stop(reversed(earlier), asked=text)
            if stop:
                # "warm and red around the kneecap. should I stop using it?" (user study round 26, #56)
                dispatcher.utter_message(text=stop)
                return []
        if REACTION_FOLLOWUP.search(text):
            earlier = [e.get("text") or "" for e in tracker.events if e.get("event") == "user"][-4:]
            stop = stop_topic(reversed(earlier), asked=text)
            if stop:
                # "should i keep using it or stop?" after a reaction to the pad (user study round 24, #17)
                dispatcher.utter_message(text=stop)
                return []
        if not verdict and other_rules(tracker) and ABOUT_ME.search(text):
            # "and for me, no problem?" after the wife's lupus: hers is not his (user study round 23, #12)
            dispatcher.utter_message(
                text=self_after_other_answer(tracker.get_slot("known_other_conditions") or []),
                buttons=OFFER_SCREENING,
            )
            if ACHE_IN_BODY.search(text):
                # "... just a sore shoulder": what the source says for it (user study round 29, #35)
                dispatcher.utter_message(response="utter_benefit_muscle_joint")
            return []
        rules_now = known_rules(tracker)
        if verdict and (asks_after_it_ends(text, rules_now) or cancer_said_over(text, rules_now)):
            # "and after the baby is born?", "once i stop breastfeeding?": when the rule ends (user study
            # round 23, #27, #5)
            dispatcher.utter_message(text=status_answer(previous, verdict, known_rules(tracker), text))
            return []
        if verdict and kind is FollowUp.STATUS and doctor_ok_told(_since_verdict(tracker)[:-1]):
            # "so can I use it on my back or not?" after "my midwife said it's fine" (user study round 37, #4)
            dispatcher.utter_message(text=doctor_ok_status(verdict, rules_now))
            return []
        if kind is FollowUp.SIMPLER:
            # "simpler pls, like im 10": the last answer in plain words (user study round 15, #37)
            dispatcher.utter_message(text=simpler_answer(previous))
            return []
        if kind is FollowUp.SAME and (verdict or other_rules(tracker) or not _repeatable(previous)):
            kind = FollowUp.STATUS  # "what about my knees?" after a verdict: the verdict holds there too
        if kind is FollowUp.POINT and verdict != "do_not_use":
            # "so what's the point then?" after "it can't burn fat": what the source says it may help with
            dispatcher.utter_message(response="utter_benefits")
            return []
        if kind is FollowUp.POINT:
            kind = FollowUp.STATUS  # after "do not use", the point for this person is the verdict
        medicines = medicines_answer(text) if kind in (FollowUp.STATUS, FollowUp.WHY) else None
        if medicines and verdict:
            # "but my question was about the pills. can I use it while taking them?" after a verdict: the
            # verdict, then the answer about medicines (user study round 12, #05: the verdict alone, twice)
            dispatcher.utter_message(text=verdict_reminder(verdict, known_rules(tracker)))
            dispatcher.utter_message(text=medicines)
            return []
        intent = tracker.latest_message.get("intent", {}).get("name")
        if verdict == "ask_doctor" and (kind is FollowUp.STATUS or intent in _BENEFITS):
            earlier = [e.get("text") or "" for e in tracker.events if e.get("event") == "user"][-4:-1]
            conditions = tracker.get_slot(CONDITIONS_SLOT) or []
            elsewhere = local_elsewhere_answer(text, earlier, verdict, conditions)
            if elsewhere:
                # "ok so can i use it on my calves or not" after runner's knee (user study round 20, #6)
                dispatcher.utter_message(text=elsewhere)
                return []
        if kind is FollowUp.STATUS and verdict and SHORT_USE.search(text):
            # "what about just 3 minutes on my elbow" after the lupus verdict: not even for a short session,
            # never "as I said, my source does not say it helps with lupus" (user study round 20, #7)
            dispatcher.utter_message(text=status_answer(previous, verdict, known_rules(tracker), text))
            return []
        response = help_response_again(tracker, text, previous)
        if response:
            # "so it does nothing for veins?" after the verdict for varicose veins: what the source says about
            # the pad there, then the verdict's reminder
            dispatcher.utter_message(response=response)
            tail = verdict_tail(verdict, known_rules(tracker)).strip()
            if tail:
                dispatcher.utter_message(text=tail)
            return []
        again = help_asked_again(tracker, text, previous)
        if again:
            # "would it clear them or not?" after "my source does not say it helps with psoriasis": that
            # answer again, never a menu or a paragraph on how light works (user study round 11, #27)
            dispatcher.utter_message(text=again)
            return []
        if kind is FollowUp.SAME:
            # "and my feet? same thing?" after the circulation answer: that answer, said for the part named
            # (user study round 9, #30, #41)
            dispatcher.utter_message(text=SAME_LEAD)
            if previous == "action_answer_beyond_source":
                topic = beyond_source_topic(previous_user_text(tracker))
                dispatcher.utter_message(
                    text=topic.answer if topic is not None else default_beyond_source_answer(usage=False)
                )
            else:
                dispatcher.utter_message(response=previous)
            return []
        if kind is FollowUp.MISREAD and (ACHE_IN_BODY.search(text) or _SORE_PART_ASKED.search(text)):
            # "lol i didnt ask about psoriasis. so just for the sore legs, yes?" (user study round 50, #30:
            # "could you ask it again"): the question is in the complaint, so it is answered
            dispatcher.utter_message(text="Sorry about that. For sore muscles and joints:")
            dispatcher.utter_message(response="utter_benefit_muscle_joint")
            tail = verdict_tail(verdict, known_rules(tracker)).strip()
            if tail:
                dispatcher.utter_message(text=tail)
            return []
        if kind is FollowUp.MISREAD:
            # "why are you telling me about wrinkles? I asked about my pills": the answer missed the question;
            # sorry and a rephrase, never the missed topic's reason (user study round 8, #06)
            dispatcher.utter_message(text=MISREAD_ANSWER)
        elif kind is FollowUp.DOCTOR_SAID and (verdict or other_rules(tracker)):
            # "my cardiologist said it's fine": the verdict deferred to the doctor, whose word counts
            for_other = about_other_person(tracker, text)
            rules = other_rules(tracker) if for_other else known_rules(tracker)
            thing = approved_other_thing(text)
            dispatcher.utter_message(
                text=doctor_said_other_answer(thing, verdict, rules, for_other) if thing
                else doctor_said_answer(verdict, rules, for_other)
            )
            benefit = _benefit_asked(text)
            if benefit:
                # "oncologist said it's fine. So would it help the stiffness?": the question too (user study
                # round 27, #24: only "then follow your doctor's advice")
                dispatcher.utter_message(response=benefit)
        elif kind is FollowUp.WHO_TO_ASK:
            # "ok who exactly should she ask, cardiologist?": whom to ask for the remembered verdict's rules
            # (user study round 7, #48), never a new assessment that could weaken it
            for_other = about_other_person(tracker, text) or not known_rules(tracker)
            rules = other_rules(tracker) if for_other else known_rules(tracker)
            conditions = tracker.get_slot(
                "known_other_conditions" if for_other else CONDITIONS_SLOT
            ) or []
            dispatcher.utter_message(
                text=who_to_ask_answer(rules, for_other and bool(rules), text, conditions)
            )
        elif kind is FollowUp.SEE_DOCTOR:
            # "should I go to A&E or just wait?": a plain yes, never a verdict about the pad instead
            dispatcher.utter_message(text=see_doctor_answer(text, previous_user_text(tracker)))
        elif kind is FollowUp.HOW_LONG:
            dispatcher.utter_message(text=how_long_answer())
        elif kind is FollowUp.STATUS and CALM_SKIN_FOLLOWUP.search(text) and (
            "skin_infection_or_eczema" in known_rules(tracker) + other_rules(tracker)
        ):
            # "what about when it's not flaring?": the rule names acute eczema only
            for_other = "skin_infection_or_eczema" not in known_rules(tracker)
            dispatcher.utter_message(text=calm_skin_answer(for_other))
        elif kind is FollowUp.SYMPTOMS:
            dispatcher.utter_message(text=symptoms_answer(verdict, known_rules(tracker)))
        elif kind is FollowUp.ALONGSIDE:
            dispatcher.utter_message(text=alongside_answer(verdict, known_rules(tracker)))
        elif kind is FollowUp.STATUS and not verdict and other_rules(tracker) and (
            _STATUS_OF_ME.search(text) or _self_since(
                [e for e in tracker.events if e.get("event") == "user"][:-1]
            )
        ) and not _THEM.search(text):
            # "so I'm good to go?" after "what about me then?" when the husband has a pacemaker: his verdict
            # is not hers (user study round 43, #17: "they should not use")
            dispatcher.utter_message(
                text=self_after_other_answer(tracker.get_slot("known_other_conditions") or []),
                buttons=OFFER_SCREENING,
            )
        elif kind is FollowUp.STATUS and not verdict and other_rules(tracker):
            # "only legs, not belly. is ok then?" about his pregnant wife: her verdict, not a menu
            dispatcher.utter_message(text=other_status_answer(other_rules(tracker), text))
        elif kind is FollowUp.STATUS and not verdict and beyond_source_topic(text) is not None:
            # "so am I fine using it every day?": the topic's careful answer
            dispatcher.utter_message(text=beyond_source_topic(text).answer)  # type: ignore[union-attr]
        elif kind is FollowUp.STATUS and not verdict and previous == "action_answer_beyond_source" and (
            _shock_topic(previous_user_text(tracker))
        ):
            # "just yes or no please" after "No" to a mains pad in water: the no again (user study round 7,
            # #52)
            dispatcher.utter_message(text=_shock_topic(previous_user_text(tracker)))
        elif kind is FollowUp.STATUS:
            buttons = [] if verdict or previous in ("utter_pet", "utter_avoid_children") else OFFER_SCREENING
            dispatcher.utter_message(
                text=status_answer(
                    previous, verdict, known_rules(tracker), tracker.latest_message.get("text")
                ),
                buttons=buttons,
            )
        else:
            if verdict in ("do_not_use", "ask_doctor") and (
                previous == "action_answer_beyond_source" or WHY_IT_MATTERS.search(text)
                # "why do i need to ask my doctor? its just a light" (user study round 17, #05)
                or WHY_DOCTOR.search(text)
            ):
                # "why?" after "only on my shoulders?", "why does it matter on my shoulder?": the verdict's
                # reason
                previous = "action_assess_condition"
            rules = known_rules(tracker) or other_rules(tracker)
            conditions = [
                *(tracker.get_slot(CONDITIONS_SLOT) or []),
                *(tracker.get_slot("known_other_conditions") or []),
            ]
            named = named_known_rules(tracker, text)
            if named:
                # "but it's red light, not UV: why would lupus matter?": the reason of that rule, not a topic
                dispatcher.utter_message(text=why_answer("action_assess_condition", named, conditions))
            else:
                topic = why_topic(text)
                if topic == "utter_avoid_pregnancy" and "breastfeeding" in rules and "pregnancy" not in rules:
                    # "why? it's nowhere near the baby" after the breastfeeding verdict: its reason, never the
                    # pregnancy's fetus (user study round 44, #28)
                    topic = None
                dispatcher.utter_message(text=why_answer(topic or previous, rules, conditions))
        return []


# a body part the pad would be for: "I only wanted it for my shoulder"
_SHOULDER_ETC = re.compile(
    r"\b(for|on) my (lower |upper )?(back|neck|shoulders?|knees?|joints?|hips?|calf|calves|legs?|elbows?|"
    r"wrists?|ankles?)\b",
    re.IGNORECASE,
)
# "so just for the sore legs, yes?", "i asked about my knees"
_SORE_PART_ASKED = re.compile(
    r"\b(for|about|on) (the |my )?(sore |stiff |aching |achy |tight )?(lower |upper )?(back|neck|"
    r"shoulders?|knees?|"
    r"joints?|muscles?|hips?|calf|calves|legs?|quads|hamstrings|elbows?|wrists?|ankles?)\b",
    re.IGNORECASE,
)
SAME_LEAD = "What I said applies there in the same way:"
_BENEFITS = {
    "ask_benefits", "ask_benefit_muscle_joint", "ask_benefit_wound_healing", "ask_benefit_circulation",
}


def help_asked_again(tracker: Tracker, text: Text, previous: Optional[Text]) -> Optional[Text]:
    """After "my source does not say it helps with psoriasis", a question whether it helps after all
    ("would it clear them?", "the itching at least?"): that answer again (``help_again``); else None."""
    # (a topic's answer may follow the assessment: "rosacea on my cheeks, will it help" gets the verdict,
    # then the skin topic)
    after_topic = previous == "action_answer_beyond_source" and (
        "action_assess_condition" in recent_bot_actions(tracker.events)
    )
    if previous not in ("action_assess_condition", "action_follow_up") and not after_topic:
        return None
    users = [e.get("text") or "" for e in tracker.events if e.get("event") == "user"][:-1]
    return help_again(text, users, tracker.get_slot(VERDICT_SLOT), known_rules(tracker))


def help_response_again(tracker: Tracker, text: Text, previous: Optional[Text]) -> Optional[Text]:
    """After a verdict about varicose veins, "so it does nothing for veins?": the response saying what the
    source says about the pad for that condition (``help_again_answer``), when it was not given; else
    None (user study round 15, #25: got the verdict again, then a menu)."""
    recent = recent_bot_actions(tracker.events)
    assessed = "action_assess_condition" in recent
    if previous not in ("action_assess_condition", "action_follow_up") and not assessed:
        return None
    users = [e.get("text") or "" for e in tracker.events if e.get("event") == "user"][:-1]
    helped = help_again_answer(text, users)
    if helped is None or helped[0] != "response" or helped[1] in recent:
        return None
    return helped[1]


def recent_bot_actions(events: List[Dict[Text, Any]], turns: int = 3) -> List[Text]:
    """The actions run in the last ``turns`` user turns (what was already said)."""
    names: List[Text] = []
    users = 0
    for event in reversed(events):
        if event.get("event") == "user":
            users += 1
            if users > turns:
                break
        elif event.get("event") == "action":
            names.append(event.get("name") or "")
    return names


def _repeatable(previous: Optional[Text]) -> bool:
    """Whether the last answer is one a "same for my feet?" can repeat (a knowledge answer)."""
    return (previous or "").startswith(SAME_ANSWERS)


_ASKS_WHY = re.compile(r"(?<![a-z])(why|how come)(?![a-z])", re.IGNORECASE)


def _shock_topic(text: Optional[Text]) -> Optional[Text]:
    """The answer of a safety "no" topic the text is about (water and a mains pad), or None."""
    from padsafety.intent_hints import SHOCK_TOPICS

    topic = beyond_source_topic(text)
    return topic.answer if topic is not None and topic.id in SHOCK_TOPICS else None


# "would it help the stiffness?", "does it help circulation in my feet?" asked along with something else
_HELP_ASKED = re.compile(
    r"\b(help|helps|ease|eases|relieve|relieves|good for|work for|do anything for|do something for)\b", re.I
)
_BENEFIT_TOPICS = (
    (re.compile(r"\b(stiff\w*|aches?|achy|sore\w*|pain\w*|joints?|muscles?|back|knees?|shoulders?|neck)\b",
                re.I), "utter_benefit_muscle_joint"),
    (re.compile(r"\b(circulation|cold (hands|feet)|blood flow)\b", re.I), "utter_benefit_circulation"),
    (re.compile(r"\b(heal\w*|scars?|wounds?|scrapes?|abrasions?|cuts?)\b", re.I),
     "utter_benefit_wound_healing"),
)


def _benefit_asked(text: Text) -> Optional[Text]:
    """The benefit response a message asks about besides what else it says, or None."""
    if not _HELP_ASKED.search(text):
        return None
    return next((response for pattern, response in _BENEFIT_TOPICS if pattern.search(text)), None)


class ActionAnswerBeyondSource(Action):
    """Usage and in-topic questions: the specific topic's careful answer, or the general one."""

    def name(self) -> Text:
        """Action name used in the domain and rules."""
        return "action_answer_beyond_source"

    async def run(
        self, dispatcher: CollectingDispatcher, tracker: Tracker, domain: Dict[Text, Any]
    ) -> List[EventType]:
        """A topic's answer when one matches, else the domain's usage or not-in-source response."""
        text = tracker.latest_message.get("text") or ""
        topic = beyond_source_topic(text)
        if topic is not None and topic.id == "skin_reaction" and _assessed_this_turn(tracker) and not (
            PAD_CAUSED.search(text.lower())
        ):
            # "my big toe went red, hot and swollen overnight, gout again": the condition's assessment answers
            # it; "stop using the pad, a skin reaction" read as the pad's fault (user study round 27, #37)
            return []
        if topic is not None:
            dispatcher.utter_message(text=topic.answer)
        elif tracker.latest_message.get("intent", {}).get("name") == "ask_usage_safety":
            dispatcher.utter_message(text=default_beyond_source_answer(usage=True))
        else:
            dispatcher.utter_message(
                text=default_beyond_source_answer(usage=False), buttons=KNOWLEDGE_BUTTONS
            )
        return []


AFTER_VERDICT_LEAD = (
    "About what you asked, as general information only (for you, the advice above stands):"
)
# the verdict just given was someone else's ("my wife is pregnant, and I've got a bad knee": user study round
# 25, #16, "for you, the advice above stands" told the husband)
AFTER_VERDICT_LEAD_OTHER = (
    "About what you asked, as general information only (for them, the advice above stands):"
)


def _assessed_this_turn(tracker: Tracker) -> bool:
    """Whether the condition's assessment ran after the latest user message."""
    for event in reversed(tracker.events):
        if event.get("event") == "user":
            return False
        if event.get("event") == "action" and event.get("name") == "action_assess_condition":
            return True
    return False


class ActionVerdictReminder(Action):
    """Repeats a remembered "do not use" before an answer that could undercut it."""

    def name(self) -> Text:
        """Action name used by the safety policy."""
        return "action_verdict_reminder"

    async def run(
        self, dispatcher: CollectingDispatcher, tracker: Tracker, domain: Dict[Text, Any]
    ) -> List[EventType]:
        """Utters the reminder when the remembered verdict is "do not use"."""
        message = tracker.latest_message.get("text") or ""
        if _assessed_this_turn(tracker):
            # right after the verdict it answers ("im pregnant, does it help my back?"): a short lead, not the
            # verdict said twice (user study round 23, #27, #28)
            recognition = recognise(None if message.startswith("/") else message)
            theirs = recognition.affirmed(Experiencer.OTHER) and not recognition.affirmed(Experiencer.SELF)
            dispatcher.utter_message(text=AFTER_VERDICT_LEAD_OTHER if theirs else AFTER_VERDICT_LEAD)
            return []
        if about_other_person(tracker, message):
            # "what about just for his cold hands?" after "he should not use a pad": his verdict, not theirs
            text = verdict_reminder_other(other_rules(tracker))
        else:
            text = verdict_reminder(tracker.get_slot(VERDICT_SLOT), known_rules(tracker), message)
        if text:
            dispatcher.utter_message(text=text)
        return []


# "its for my sister", "asking for my mum", "it's my wife's": the conditions belong to that person
_GIVEN_TO = re.compile(
    r"\b(it'?s|its|it is|this is|asking|i'?m asking|im asking|question is)\s+(for|about)\s+my\s+\w+|"
    r"\b(it'?s|its|it is)\s+my\s+\w+'s\b"
)


def _since_verdict(tracker: Tracker) -> List[Text]:
    """The user's messages since the remembered verdict was last set (the latest last)."""
    texts: List[Text] = []
    for event in reversed(tracker.events):
        if event.get("event") == "slot" and event.get("name") == VERDICT_SLOT:
            break
        if event.get("event") == "user":
            texts.append(event.get("text") or "")
    return list(reversed(texts))


class ActionForgetDenied(Action):
    """Drops from the remembered verdict what the user just denied or gave to someone else."""

    def name(self) -> Text:
        """Action name used by the safety policy."""
        return "action_forget_denied"

    async def run(
        self, dispatcher: CollectingDispatcher, tracker: Tracker, domain: Dict[Text, Any]
    ) -> List[EventType]:
        """Recomputes the remembered verdict from the rules that remain, and says so briefly (the
        conditions named in the user's previous message count too: "i never said i was light sensitive"
        after a question about a medicine)."""
        text = tracker.latest_message.get("text") or ""
        recognition = recognise(None if text.startswith("/") else text)
        known = list(tracker.get_slot(CONDITIONS_SLOT) or [])
        previous = previous_user_text(tracker) or ""
        earlier = [  # (not someone else's: user study round 43, #40)
            m.condition for m in recognise(None if previous.startswith("/") else previous).mentions
            if m.experiencer is not Experiencer.OTHER
        ]
        dropped = [c for c in taken_back_conditions(recognition, text) if c in known or c in earlier]
        after_check = (
            taken_back_check_rules(text, known_rules(tracker))
            if not known or names_check_question_no(text) else []
        )
        if after_check:
            # "but I have NO flare-up right now" after the check's verdict: its answer changed to no, and the
            # verdict said again from the answers that remain
            rulebook = default_rulebook()
            rest = [r for r in known_rules(tracker) if r not in after_check]
            answers = {r.id: "no" for r in rulebook.screening_rules}
            paused = tracker.get_slot("screening_paused") or {}
            if paused.get("answers"):
                # a stopped check: only what was answered counts, the questions never asked stay "I don't
                # know" (user study round 50, #27: "changed to no" after a stop read as no contraindication)
                answers = {
                    r.id: (paused["answers"].get(r.id) or "unknown") for r in rulebook.screening_rules
                }
                answers.update({r: "no" for r in after_check})
            # (the check keeps its rules, not its answers: after "ask your doctor first" none of them was a
            # "do not use" yes, so they stay "I don't know"; after "do not use" they count as yes, never less)
            kept = "unknown" if tracker.get_slot(VERDICT_SLOT) == "ask_doctor" else "yes"
            assessment = rulebook.evaluate({**answers, **{r: kept for r in rest}})
            titles = " or ".join(rulebook.rule(r).title.lower() for r in after_check)
            dispatcher.utter_message(
                text=f"Got it, thanks for correcting me: I've changed your answer about {titles} to no."
            )
            dispatcher.utter_message(text=screening_verdict(assessment))
            # (conditions told in the check's free text go with their answer: "the ankle" with question 10)
            left = [c for c in known if _rule_of(rulebook, c) not in after_check]
            return [
                SlotSet(VERDICT_SLOT, assessment.verdict.value),
                SlotSet(RULES_SLOT, assessment.fired_rule_ids or None),
                SlotSet(CONDITIONS_SLOT, left or None),
            ]
        all_theirs = given_to_someone_else(text)
        if all_theirs:
            dropped = list(dict.fromkeys([*known, *earlier]))  # "its not me its my aunt"
        # "why do you keep saying I have a medical condition? I don't.": a denial that names nothing drops
        # nothing (the user may have said it plainly); what is counted is said, so one can be taken back
        misread = not all_theirs and not dropped and denies_any_condition(text)
        remaining = [c for c in known if c not in dropped]
        if not remaining:
            events: List[EventType] = [
                SlotSet(VERDICT_SLOT, None), SlotSet(RULES_SLOT, None), SlotSet(CONDITIONS_SLOT, None)
            ]
            verdict, rules = None, []
        else:
            assessment = default_rulebook().assess_conditions(remaining)
            verdict, rules = assessment.verdict.value, assessment.fired_rule_ids
            events = [
                SlotSet(VERDICT_SLOT, verdict),
                SlotSet(RULES_SLOT, rules),
                SlotSet(CONDITIONS_SLOT, remaining),
            ]
        if dropped:
            # "the lupus is my sister's, I have eczema": the assessment that follows says the verdict
            more = any(m.condition not in dropped for m in recognition.affirmed())
            asked_why = bool(_ASKS_WHY.search(tracker.latest_message.get("text") or ""))
            dispatcher.utter_message(text=taken_back_reply(dropped, verdict, rules, more, asked_why))
            person = people_named([text])
            if person and not more and (all_theirs or _GIVEN_TO.search(text.lower())):
                # "im not pregnant, its for my sister": hers, so her verdict, and she stays the subject (user
                # study round 35, #9)
                others = list(dict.fromkeys([*(tracker.get_slot("known_other_conditions") or []), *dropped]))
                events += [
                    SlotSet("known_other_conditions", others), SlotSet("known_other_person", person[0]),
                ]
            if ANIMAL.search(text) and not more:
                # "not me mate, the DOG. she's the one with arthritis. can I use it on her?": the pet's
                # question is for a vet (user study round 47, #53: the correction alone)
                dispatcher.utter_message(response="utter_pet")
            if "eczema" in dropped and CALM_NOW.search(text):
                # calm eczema is no "do not use" in the source, and no green light either
                dispatcher.utter_message(text=calm_skin_answer(False))
            if "pregnancy" in dropped and negative_test(text):
                dispatcher.utter_message(text=EARLY_TEST_NOTE)
        elif misread:
            counted = [c for c in known if c not in NOT_ILLNESSES]
            if counted:
                listed = " and ".join(counted)
                dispatcher.utter_message(
                    text=f"Sorry if I misunderstood you. From what you said, I counted {listed}. If that's "
                    f"wrong, tell me which does not apply to you (for example \"I don't have {counted[0]}\")."
                )
            else:
                dispatcher.utter_message(
                    text="Sorry if it sounded that way: I haven't counted any medical condition for you."
                )
        return events


def _rule_of(rulebook: Any, condition: Text) -> Optional[Text]:
    """The rule a condition name belongs to, or None for a name the rulebook does not know."""
    try:
        return rulebook.condition(condition).rule_id
    except KeyError:
        return None


class ActionPleaseRephrase(Action):
    """"I didn't understand": saying "I can only chat in English" only when the message is not English
    ("thank u, bye" is English; user study round 5)."""

    def name(self) -> Text:
        """Action name used in the domain and rules."""
        return "action_please_rephrase"

    async def run(
        self, dispatcher: CollectingDispatcher, tracker: Tracker, domain: Dict[Text, Any]
    ) -> List[EventType]:
        """Utters the rephrase response that fits the message's language."""
        text = tracker.latest_message.get("text") or ""
        english = text.startswith("/") or looks_english(text)
        dispatcher.utter_message(
            text=PLEASE_REPHRASE if english else PLEASE_REPHRASE_ENGLISH_ONLY, buttons=REPHRASE_BUTTONS
        )
        return []
