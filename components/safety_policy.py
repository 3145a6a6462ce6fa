"""Dialogue policy that puts safety first: emergency help and doctor referrals, before anything else.

It is Rasa's RulePolicy plus one deterministic step. For the latest user message it reads the
recognition layer (``padsafety.recognition``: a sourced lexicon with negation, experiencer, word-sense
and red-flag patterns) and the intent classifier, and inserts the safety replies first:

- a red flag (chest pain, stroke signs, a burn from the device, self-harm...) -> ``utter_emergency``;
  an active form is then stopped and the bot listens. The classifier alone never gives emergency
  advice: its ``report_red_flag`` without a described red flag gets ``utter_ask_if_urgent``;
- the user's own condition -> ``utter_doctor_referral``, then (outside the safety check) what the rules
  make of it (``action_assess_condition``), instead of starting a check they did not need;
- someone else's condition -> ``utter_doctor_referral_other``, then the assessment phrased for them;
- a general question about a condition ("can people with lupus use it?") -> a general doctor note
  (``utter_doctor_referral_general``) before the domain's own answer, or the assessment in general
  words when no rule answers the question;
- a denied condition ("I'm not pregnant") -> nothing;
- only a word with a common non-medical sense and no health cue ("ICD + bad knees") ->
  ``utter_ask_health_clarify`` ("are you telling me about a health condition?").

The intent classifier alone never gives a safety reply (measured: it added no recall and six points
of false alarms); its ``mention_condition`` and ``report_red_flag`` intents, when the recogniser finds
nothing, get a short acknowledgement, and a red-flag button press gets ``utter_ask_if_urgent``'s rule.
So the referral never depends on one classifier's confidence, on the action server or on the channel.
The rules then predict as if the safety replies were not there, so no rule has to know about them.
"""

from __future__ import annotations

import re
from typing import Any, Dict, List, Optional, Text, Tuple

from rasa.core.policies.policy import PolicyPrediction
from rasa.core.policies.rule_policy import RULES, RULES_FOR_LOOP_UNHAPPY_PATH, RulePolicy
from rasa.engine.recipes.default_recipe import DefaultV1Recipe
from rasa.shared.core.constants import ACTION_DEACTIVATE_LOOP_NAME, ACTION_LISTEN_NAME
from rasa.shared.core.domain import Domain
from rasa.shared.core.events import (
    ActionExecuted,
    ActionExecutionRejected,
    BotUttered,
    Event,
    SlotSet,
    UserUttered,
)
from rasa.shared.core.trackers import DialogueStateTracker

from components.rule_window import MARGIN, recent_tracker
from padsafety.conversation import (
    ABOUT_ME,
    ANECDOTE,
    ASKS_FOR_CURE,
    CALM_CHANGES_IT,
    CALM_SKIN_FOLLOWUP,
    CANT_BEAR_WEIGHT,
    CAUSE_QUESTION,
    COUNTS_FOR_ME,
    DISPUTED_ECHO,
    ELSEWHERE_ON_THEM,
    EMERGENCY_IN_PROGRESS,
    FRACTURE_SEEN,
    FRUSTRATED,
    GIVE_UP,
    HEALTHY_OTHER,
    MEANT_ME,
    MISREAD_COMPLAINT,
    NO_EFFECT,
    NOT_ILLNESSES,
    OTHER_PERSON,
    PAD_OFF_QUESTION,
    REACTION_FOLLOWUP,
    RECOVERY,
    RESULT_AFTER_STOP,
    SAME_ANSWERS,
    SEE_DOCTOR_QUESTION,
    SHORT_USE,
    WHICH_ONE,
    WHO_TO_ASK_QUESTION,
    WHY_IT_MATTERS,
    WHY_QUESTION,
    FollowUp,
    after_birth,
    answer_confirmed,
    asks_about_turned_to,
    asks_after_it_ends,
    asks_for_healthy_other,
    asks_if_it_helps,
    asks_to_try_meanwhile,
    asks_to_use_meanwhile,
    asks_what_to_ask,
    beyond_source_topic,
    cancer_said_over,
    claimed_conditions,
    claimed_for_other,
    condition_help,
    confirm_both,
    confirm_last_answer,
    continues_about_them,
    denies_any_condition,
    disputes_a_condition,
    doctor_approved,
    followup_kind,
    given_to_someone_else,
    help_again_answer,
    is_pause,
    local_elsewhere_answer,
    names_check_question_no,
    nerve_signs,
    only_over,
    people_named,
    person_switch,
    possible_fracture,
    said_again_response,
    said_of_them,
    stop_topic,
    taken_back_check_rules,
    taken_back_conditions,
    turn_responses,
    yes_no_lead,
)
from padsafety.intent_hints import ANIMAL, ANIMAL_INJURY, PRACTICAL_TOPICS, SHOCK_TOPICS, UNDER_18
from padsafety.medicines import light_sensitivity_answer
from padsafety.recognition import Decision, Experiencer, recognise
from padsafety.rules import Verdict, default_rulebook

UTTER_REFERRAL = "utter_doctor_referral"
UTTER_REFERRAL_OTHER = "utter_doctor_referral_other"
UTTER_REFERRAL_GENERAL = "utter_doctor_referral_general"
UTTER_EMERGENCY = "utter_emergency"
UTTER_EMERGENCY_BURN = "utter_emergency_burn"
UTTER_EMERGENCY_SELF_HARM = "utter_emergency_self_harm"
UTTER_EMERGENCY_FOLLOWUP = "utter_emergency_followup"
UTTER_HELP_ARRIVED = "utter_emergency_help_arrived"
UTTER_NOT_SUDDEN = "utter_emergency_not_sudden"
CONFIRM_FORGET, FORGET_INTENT, FORGET_ME = "utter_confirm_forget", "request_forget", "action_forget_me"
# "I told you about my pregnancy earlier in another chat and I'd like that deleted" (user study round 13, #19)
_TOLD_BEFORE = re.compile(
    r"\b(told|mentioned|said|typed|wrote|shared|gave)\s+(you\s+|u\s+)?(about\s+)?(my|that|this|it|the)\b|"
    # "I chatted here last week about my pregnancy. please delete everything" (user study round 19, #20)
    r"\b(chatted|talked|spoke|wrote|messaged|asked)\s+(here\s+|to\s+you\s+|with\s+you\s+)?"
    r"(\w+\s+){0,3}about\s+(my|that|this|it|the)\b|"
    r"\bi\s+(told|mentioned\s+to)\s+(you|u)\b",
    re.IGNORECASE,
)
UTTER_FORGET_STATUS = "utter_forget_status"
UTTER_NOT_DELETED_YET = "utter_not_deleted_yet"
_WHY_FIRST = re.compile(r"^\W*(but\s+|so\s+|ok\s+|okay\s+)?(why|how come|wieso|warum|porque|por que)\b", re.I)
_ASKS_IF_DELETED = re.compile(
    r"\b(did|has|have) (it|you|that|everything|my data|my stuff) "
    r"(actually |really |all |properly )?(get |been )?(delete|deleted|erase|erased|wipe|wiped|remove|removed|"
    r"gone)\b|"
    r"\b(is|was|are) (it|everything|my data|my stuff|all|that|my chat|my conversation) "
    # ("is it really all gone now? like my answers too?": user study round 35, #30)
    r"((all|really|actually|now|truly|completely) )*(gone|deleted|erased|wiped|removed)\b|\bgone or not\b|"
    r"\bdeleted or not\b|"
    # "what do you still know about me?" right after a deletion (user study round 31, #11)
    r"\bwhat (do|did) (you|u) (still )?(know|remember|have|keep) (about|of|on) me\b|"
    # "just checking, what do you have on file about me now?" (user study round 42, #36: out of scope)
    r"\bwhat (do|did) (you|u) (still )?(have|keep|hold|store) (on file|stored|saved|in (your|the) (records|"
    r"database|system)) (about|of|on|for) me\b|"
    r"\bwhat ((have|has) (you|u)|you'?ve|u'?ve) (still )?(got|kept) (on file |stored |saved )?"
    r"(about|of|on) me\b|"
    r"\b(do|did) (you|u) still (remember|know|have) (that|anything|"
    r"what|about)\b|"
    # "does that include what I said about my eczema earlier?" while the deletion waits for its yes (user
    # study round 43, #11: an eczema verdict, the deletion dropped)
    r"\b(does|will|would) (that|it|this|the deletion) (also )?(include|cover|delete|remove|wipe|erase|"
    r"get rid of)"
    r"\b[^.?!]{0,40}\b(i (said|told|mentioned|wrote|typed)|earlier|before|my answers?)\b",
    re.IGNORECASE,
)
# a wish that something said is not kept, as the answer to the deletion's confirmation
_DONT_KEEP = re.compile(
    r"\b(don'?t|do not|dont|never) (want|need) (that|it|this|them|those|any of (it|that|this)|anything)?\s*"
    r"(kept|stored|saved|on file|on record|remembered)\b|\b(don'?t|do not|dont) (keep|store|save|remember) "
    r"(that|it|this|them|anything)\b|\b(delete|erase|wipe|remove) (that|it|this|them|all|everything)\b",
    re.IGNORECASE,
)
_KEEP_IT = re.compile(r"^\W*(no\b|nope|nah|keep|don'?t delete|do not delete|wait|cancel)", re.IGNORECASE)
_DELETE_IT = re.compile(
    r"\b(delete|deleted|deleting|erase|erased|remove|removed|wipe|wiped|get rid|all of it|everything)\b", re.I
)
# ("whatever, yes delete it": user study round 18, #16, was asked again)
_YES_FIRST = re.compile(
    r"^\W*((whatever|fine|alright|all right|ugh|um+|well|ok|okay)[\s,.!]+)*"
    r"(yes|yeah|yep|yup|ya|sure|ok|okay|please do|go ahead|do it|confirm\w*)\b",
    re.I,
)
EMERGENCY_REPLIES = (UTTER_EMERGENCY, UTTER_EMERGENCY_BURN, UTTER_EMERGENCY_SELF_HARM)
# what follows each emergency reply on the next turns
FOLLOWUPS = {
    UTTER_EMERGENCY: UTTER_EMERGENCY_FOLLOWUP,
    UTTER_EMERGENCY_BURN: "utter_emergency_followup_burn",
    UTTER_EMERGENCY_SELF_HARM: "utter_emergency_followup_self_harm",
}
# "feeling a bit better now, still need to go?" after emergency advice: yes (user study round 12, #30)
UTTER_STILL_GO = "utter_emergency_still_go"
UTTER_DONT_WAIT = "utter_emergency_dont_wait"
UTTER_HELP_COMING = "utter_emergency_help_coming"
UTTER_BURN_OLD = "utter_emergency_burn_old"
# the same after burn advice, for a burn the user describes as small: it needs no emergency number (user study
# round 25, #20: "smaller than my palm, just red, no blisters" got "call your local emergency number"); a
# question that says nothing of its size keeps the plain yes
UTTER_STILL_GO_BURN = "utter_emergency_still_go_burn"
_SMALL_BURN = re.compile(
    r"\b(small|smaller|tiny|little|minor|just (red|pink)|only (red|pink)|slightly (red|pink)|no blisters?|"
    r"not blister\w*|size of a (coin|stamp|thumbnail|fingernail))\b",
    re.IGNORECASE,
)
# "ok, running it under water now. thanks" after burn advice: the user is cooling the burn (user study round
# 17, #32: the whole first-aid block again)
UTTER_BURN_COOLING = "utter_emergency_burn_cooling"
# "it's 2 days old, cooling it now is pointless": cooling is for the first hours (user study round 34, #16:
# "Good, keep cooling it" to a user who had said the opposite)
_OLD_BURN = re.compile(
    r"\b(\d+|two|three|four|five|a few|a couple( of)?|several)\s+days?\s+(old|ago)\b|"
    r"\b(since|from)\s+(yesterday|last (night|week)|monday|tuesday|wednesday|thursday|friday|saturday|"
    r"sunday)\b|"
    r"\b(cooling|cool)\b[^.?!]{0,20}\b(pointless|no point|too late|useless)\b|\btoo late to cool\b",
    re.IGNORECASE,
)
_COOLING = re.compile(
    r"\b(running|holding|putting|keeping|kept|have|got|had|ran|put|held)\s+(it|my \w+|the \w+)?\s*"
    r"(under|in)\s+"
    r"(the\s+|some\s+)?(cold\s+|cool\s+|running\s+)?(water|tap|shower)\b|\bcooling (it|the burn|my \w+)\b",
    re.IGNORECASE,
)
# "should i just lie down and wait?", "should I wait and see if it goes away?" after emergency advice (user
# study round 31, #35: the list of what the pads cannot do, then "Thanks for telling me")
_WAIT_QUESTION = re.compile(
    r"\b(should|can|could|shall|do|may)\s+(i|we|he|she)\s+(just\s+)?(lie down|lay down|rest|sleep( it off)?|"
    r"wait( it out| and see| for it to (pass|go))?|sit( it out| tight)?|see if it (goes|passes))\b",
    re.IGNORECASE,
)
_STILL_GO_QUESTION = re.compile(
    r"\b(still|really|even)\s+(need|have|got|gotta|supposed)\s+to\s+(go|call|ring|see|get)\b|"
    r"\b(should|do|must|shall)\s+(i|we|he|she|they)\s+still\s+(go|call|ring|see|get|wait)\b|"
    # "so do i call 911 or not??" after burn advice (user study round 14, #29)
    r"\b(do|should|shall|must)\s+(i|we)\s+(call|ring|phone)\s+(911|112|999|an?\s+ambulance|the\s+ambulance|"
    r"emergency|for\s+help)\b|" + _WAIT_QUESTION.pattern,
    re.IGNORECASE,
)
_STILL_GO = re.compile(
    rf"{_STILL_GO_QUESTION.pattern}|"
    r"\b(feel\w*|seems?|looks?|is|am|i'?m)\s+(a\s+(bit|little|lot)\s+|much\s+|loads\s+|way\s+)?(better|ok|okay|fine)\s+now\b|"
    r"\b(cancel|call\s+off)\s+the\s+(ambulance|call)\b|\bno\s+need\s+(to\s+go|for\s+(the\s+)?(hospital|ambulance))\b",
    re.IGNORECASE,
)
UTTER_CLARIFY = "utter_ask_health_clarify"
UTTER_IF_URGENT = "utter_ask_if_urgent"
UTTER_ACKNOWLEDGE = "utter_acknowledge"
UTTER_GOODBYE = "utter_goodbye"
SCREENING_FORM, SCREENING_VERDICT = "screening_form", "action_screening_verdict"
UTTER_FRUSTRATION, FRUSTRATION_INTENT = "utter_acknowledge_frustration", "express_frustration"
ASSESS = "action_assess_condition"
CLARIFYING = (UTTER_CLARIFY, UTTER_IF_URGENT)
SAFETY_ACTIONS = {
    UTTER_REFERRAL, UTTER_REFERRAL_OTHER, UTTER_REFERRAL_GENERAL, UTTER_CLARIFY, UTTER_IF_URGENT, ASSESS
}
VERDICT_REMINDER = "action_verdict_reminder"
FORGET_DENIED = "action_forget_denied"
UTTER_ANSWER_HINT = "utter_screening_answer_hint"
UTTER_PAUSE = "utter_screening_pause"
UTTER_UNDER_18 = "utter_under_18"
FOLLOW_UP = "action_follow_up"
REFERRAL_INTENT = "mention_condition"
EMERGENCY_INTENT = "report_red_flag"
SCREENING_INTENT = "request_screening"
PET_INTENT = "ask_pet"
PET_REPLY = "utter_pet"
UTTER_OK = "utter_how_can_i_help"
UTTER_GOOD_PLAN = "utter_good_plan"
# "lol ok, ill just keep her off it", "fair enough", "will do": a nod, not a question
_NOD = re.compile(
    r"^\W*(lol|haha|ha|ok|okay|k|alright|right|fair|fair enough|fine|good idea|will do|got it|makes sense|"
    r"cool|thanks|thx|ty|noted|gotcha)\b",
    re.IGNORECASE,
)
# "how long would I hold it on her for?" right after the vet answer: still the animal
_PET_PRONOUN = re.compile(r"\b(her|him|his|its|them|their|she|he)\b", re.IGNORECASE)
# "and for me? my knees ache after walking him": the user turns to themself; the pet context ends (user study
# round 11, #06)
_ME_NOW = re.compile(
    r"\b(for me|about me|myself|my own|me too|i'?m (a )?human|i am (a )?human|"
    r"my (back|neck|shoulders?|knees?|hips?|legs?|feet|foot|hands?|arms?|skin|face|joints?|muscles?))\b",
    re.IGNORECASE,
)
_ANIMAL = ANIMAL  # the pet hint's words (padsafety.intent_hints): one list of animals
# "my old border collie has arthritis": the condition is the animal's
_ANIMAL_SUBJECT = re.compile(
    rf"\b(my|our|the|his|her|their) ([a-z]+ ){{0,2}}(?!vets?\b|veterinar){ANIMAL.pattern}('?s)?",
    re.IGNORECASE,
)


_FIRST_PERSON = re.compile(r"\b(i|i'm|im|i've|ive|my|me|myself)\b", re.IGNORECASE)


def _own_after_animal(text: Text, recognition: Any) -> bool:
    """A condition of the user's told after the animal: "my dog tried to eat the strap, and I should say my
    left foot has had no sensation for years" (development round 30: the vet answer and no referral, a green
    light). A mention with the user named between the last animal word before it and itself is theirs."""
    for mention in recognition.affirmed():
        before = text[: mention.start]
        animals = list(_ANIMAL.finditer(before))
        if not animals or _FIRST_PERSON.search(before, animals[-1].end()):
            return True
    return False


def current_turn(tracker: DialogueStateTracker) -> List[Event]:
    """Events since the latest user message."""
    events = list(tracker.events)
    for index in range(len(events) - 1, -1, -1):
        if isinstance(events[index], UserUttered):
            return events[index + 1 :]
    return events


def _executed(turn: List[Event]) -> List[Optional[Text]]:
    return [e.action_name for e in turn if isinstance(e, ActionExecuted)]


def _turn_events(tracker: DialogueStateTracker) -> List[Tuple[Text, Optional[Text]]]:
    """The conversation's user and bot messages as ``turn_responses`` reads them."""
    return [
        ("user", None) if isinstance(e, UserUttered) else ("bot", (e.metadata or {}).get("utter_action"))
        for e in tracker.events
        if isinstance(e, (UserUttered, BotUttered))
    ]


# "my rheumatologist", "her oncologist": a doctor named by specialty
_SPECIALIST = re.compile(
    r"\b(my|her|his|their|our|the)\s+(rheumatologist|rheumy|dermatologist|derm|oncologist|cardiologist|"
    r"neurologist|endocrinologist|specialist|consultant|haematologist|hematologist|gastroenterologist|"
    r"nephrologist|urologist|gynaecologist|gynecologist|obstetrician|ophthalmologist|audiologist)\b",
    re.IGNORECASE,
)


def _topic_answered(tracker: DialogueStateTracker) -> bool:
    """Whether an action this turn already uttered a benefit or limitation answer."""
    answers = ("utter_benefit", "utter_limitation")
    return any(
        isinstance(e, BotUttered) and str((e.metadata or {}).get("utter_action") or "").startswith(answers)
        for e in current_turn(tracker)
    )


def _previous_bot_action(tracker: DialogueStateTracker) -> Optional[Text]:
    """The last action before the latest user message, other than listening."""
    events = list(tracker.events)
    turn_start = len(events) - len(current_turn(tracker)) - 1
    for event in reversed(events[: max(turn_start, 0)]):
        if isinstance(event, ActionExecuted) and event.action_name not in (
            ACTION_LISTEN_NAME, ACTION_DEACTIVATE_LOOP_NAME
        ):
            return event.action_name
        if isinstance(event, UserUttered):
            return None
    return None


def previous_user_text(tracker: DialogueStateTracker) -> Optional[Text]:
    """The user's message before the latest one, if any."""
    seen = 0
    for event in reversed(tracker.events):
        if isinstance(event, UserUttered):
            seen += 1
            if seen == 2:
                return event.text
    return None


# how many earlier user messages are read for the conditions someone has (conversation_conditions)
_RECENT_MESSAGES = 12


def conversation_conditions(tracker: DialogueStateTracker) -> frozenset:
    """The conditions someone has now, from earlier in the conversation: the remembered ones and those the
    recent messages affirmed (not in a general question, not past). Read for the red flags that require one
    (padsafety.recognition): an emergency reply can come before anything is remembered (user study round 7,
    #42: pregnancy, then "the headache is getting worse and the flashing spots won't go away")."""
    found = set(tracker.get_slot("known_conditions") or [])
    found |= set(tracker.get_slot("known_other_conditions") or [])
    seen, denied = 0, set()
    for event in reversed(tracker.events):
        if isinstance(event, UserUttered):
            seen += 1
            if seen == 1:
                continue  # the latest message is read by safety_plan itself
            if seen > _RECENT_MESSAGES + 1:
                break
            if event.text and not event.text.startswith("/"):
                mentions = recognise(event.text).mentions
                # "test was negative, not pregnant after all" outweighs an earlier "i could be pregnant"
                denied |= {m.condition for m in mentions if m.negated and m.experiencer is Experiencer.SELF}
                found |= {
                    m.condition for m in mentions
                    if m.affirmed and m.experiencer is not Experiencer.GENERAL and not m.past
                    and m.condition not in denied
                }
    return frozenset(found)


_AFTER_EMERGENCY = frozenset(EMERGENCY_REPLIES) | frozenset(FOLLOWUPS.values()) | {
    UTTER_STILL_GO, UTTER_STILL_GO_BURN, UTTER_BURN_COOLING, UTTER_DONT_WAIT, UTTER_HELP_COMING,
    UTTER_BURN_OLD,
}


def _last_emergency(tracker: DialogueStateTracker) -> Optional[Text]:
    """The latest emergency reply of the conversation, if any."""
    for event in reversed(list(tracker.events)):
        if isinstance(event, ActionExecuted) and event.action_name in EMERGENCY_REPLIES:
            return event.action_name
    return None


def safety_plan(
    text: Optional[Text],
    intent: Optional[Text],
    in_form: bool,
    previous_action: Optional[Text] = None,
    emergency: Optional[Text] = None,
    confidence: float = 1.0,
    known: frozenset = frozenset(),
) -> List[Text]:
    """The safety replies a message calls for, in order (empty when it calls for none); ``known``: the
    conditions someone has from earlier in the conversation ("34 weeks pregnant" before "the headache is
    getting worse and I'm seeing spots": the warning signs of pre-eclampsia)."""
    recognition = recognise(text if text and not text.startswith("/") else None, known)
    decision = recognition.decision
    if decision is Decision.EMERGENCY:
        flags = {f.red_flag for f in recognition.red_flags}
        if "self_harm" in flags:
            return [UTTER_EMERGENCY_SELF_HARM]
        if flags == {"burn_or_blistering"}:
            return [UTTER_EMERGENCY_BURN]
        return [UTTER_EMERGENCY]
    # "who do I report this faulty pad to?" after burn advice: the user has moved on to the seller
    long_standing = bool(_LONG_STANDING.search(text or ""))
    ended = bool(_EMERGENCY_OVER.search(text or "")) or long_standing or (
        emergency == UTTER_EMERGENCY_BURN and bool(_BURN_OVER.search(text or ""))
    ) or (
        emergency == UTTER_EMERGENCY_BURN
        and (intent in ("ask_purchase", "request_human") or bool(_SELLER.search(text or "")))
    )
    # after burn advice, questions about the burn; after any emergency, "so how long on the chest?":
    # using the pad now is still the emergency's question
    burn_chain = (emergency == UTTER_EMERGENCY_BURN and intent in _BURN_QUESTIONS) or intent in _USE_NOW or (
        # "should I put the pad on my chest while I wait?" read as a topic the source does not cover (user
        # study round 11, #14): using the pad now is the emergency's question
        intent == "ask_not_in_source" and bool(_PAD_NOW.search(text or ""))
    )
    after_emergency = previous_action in _AFTER_EMERGENCY
    if (
        after_emergency and emergency != UTTER_EMERGENCY_SELF_HARM and decision is not Decision.CLARIFY
        and (_STILL_GO_QUESTION.search(text or "") or (not ended and _STILL_GO.search(text or "")))
    ):
        # "used the epipen, feeling better, still need to go?": yes, still get help (never results vary);
        # after burn advice, the burn's own split (a small burn: cool, cover, pharmacist)
        small = emergency == UTTER_EMERGENCY_BURN and bool(_SMALL_BURN.search(text or ""))
        if not small and _WAIT_QUESTION.search(text or ""):
            # "should I just lie down and wait?": "No, don't wait", never an opening "Yes" (round 31, #35)
            return [UTTER_DONT_WAIT]
        return [UTTER_STILL_GO_BURN if small else UTTER_STILL_GO]
    if (
        long_standing and after_emergency and emergency in (UTTER_EMERGENCY, None)
        and decision is not Decision.EMERGENCY
    ):
        # "no it's not sudden, it's been getting worse for weeks": see a doctor soon, not the emergency number
        return [UTTER_NOT_SUDDEN]
    if (
        emergency == UTTER_EMERGENCY_BURN and after_emergency and _OLD_BURN.search(text or "")
        and decision is not Decision.EMERGENCY
    ):
        return [UTTER_BURN_OLD]
    if (
        emergency == UTTER_EMERGENCY_BURN and after_emergency and _COOLING.search(text or "")
        and decision is not Decision.EMERGENCY
    ):
        return [UTTER_BURN_COOLING]
    if (
        not ended and after_emergency and _HELP_COMING.search(text or "")
        and not _HELP_HERE.search(text or "") and "?" not in (text or "")
        # (after burn advice, its own follow-up keeps the first aid; after self-harm, the crisis line)
        and decision is not Decision.EMERGENCY and emergency in (UTTER_EMERGENCY, None)
    ):
        # "ambulance is on the way": the hand-off with "If not, call ..." again did not listen (user study
        # round 33, #31)
        return [UTTER_HELP_COMING]
    if not ended and after_emergency and _HELP_HERE.search(text or "") and decision is not Decision.CLARIFY:
        # "paramedics are here now, thanks": the hand-off again would not listen (user study round 9, #22)
        return [UTTER_HELP_ARRIVED]
    if not ended and (previous_action in EMERGENCY_REPLIES or (
        decision in (Decision.NONE, Decision.ASK_IF_URGENT, Decision.REFERRAL, Decision.CLARIFY)
        and previous_action in _AFTER_EMERGENCY - set(EMERGENCY_REPLIES)
        and (intent in _STILL_IN_EMERGENCY or burn_chain or _CALLING.search(text or ""))
    )):
        # the turns after emergency advice: advice that fits it again, never a menu or "I didn't
        # understand", until the user moves on (a question about the pad, thanks, goodbye)
        return [FOLLOWUPS[emergency or UTTER_EMERGENCY]]
    if (
        emergency == UTTER_EMERGENCY_SELF_HARM and decision is not Decision.EMERGENCY
        and _CRISIS_LINE_LATER.search(text or "")
    ):
        # "ok. maybe i'll text that number later", turns after the crisis reply: the crisis line again,
        # warmly, never the menu (user study round 48, #39)
        return [FOLLOWUPS[UTTER_EMERGENCY_SELF_HARM]]
    pet = intent == PET_INTENT and bool(_ANIMAL.search(text or "")) and not (
        # "my son caught ringworm from the cat": the son's condition, not the cat's (development round 19)
        decision is Decision.REFERRAL_OTHER and bool(people_named([text or ""]))
    ) and not (
        # "my wound from the dog bite looks infected": the person's wound, not the dog's (development round
        # 20: the vet answer, and no referral)
        decision in (Decision.REFERRAL, Decision.REFERRAL_OTHER) and bool(ANIMAL_INJURY.search(text or ""))
    )
    if pet and (
        decision in (Decision.REFERRAL_OTHER, Decision.GENERAL)
        or (
            decision is Decision.REFERRAL and _ANIMAL_SUBJECT.search(text or "")
            and not _own_after_animal(text or "", recognition)
        )
    ):
        return []  # "my dog has arthritis": the animal's condition is for a vet (utter_pet says so)
    # a question about a pet gets the vet after the user's own referral; a request for the safety check
    # gets what the rules say of the condition named, then the check
    assess = [] if in_form or pet else [ASSESS]
    if decision is Decision.REFERRAL:
        return [UTTER_REFERRAL, *assess]
    if decision is Decision.REFERRAL_OTHER:
        return [UTTER_REFERRAL_OTHER, *assess]
    if decision is Decision.GENERAL and intent in ("affirm", "thank", "goodbye"):
        return []  # "thank you, will ask my midwife at the 6 week check": a plan, not a question
    if decision is Decision.GENERAL:
        # a question the domain answers itself ("can pregnant women use it?") needs no assessment; one
        # whose answer is about another rule ("ok while breastfeeding?" read as the pregnancy question)
        # gets the rules' assessment of what was named
        rules = {m.rule_id for m in recognition.affirmed(Experiencer.GENERAL)}
        named = {m.condition for m in recognition.affirmed(Experiencer.GENERAL)}
        if not rules or (
            named == {"a named medical condition"}
            and (intent in _KNOWLEDGE_INTENTS or intent == "ask_who_should_avoid")
        ):
            # "who shouldn't use it?", "what conditions rule it out?": a general question that names no
            # condition; the domain's answer (who should avoid the pads) is the whole answer
            return []
        # an unsure guess at a knowledge question ("what if it starts going yellow and oozing" read as
        # "results vary") does not answer it: the rules' assessment in general words does
        answered = (
            (intent in _KNOWLEDGE_INTENTS and confidence >= 0.5)
            or intent == "ask_who_should_avoid"
            or (intent in _AVOID_INTENT_RULES and rules <= _AVOID_INTENT_RULES[intent])
        )
        return [UTTER_REFERRAL_GENERAL] if answered else assess
    if decision is Decision.ASK_IF_URGENT and previous_action not in CLARIFYING:
        return [UTTER_IF_URGENT]
    if decision is Decision.CLARIFY and not in_form and previous_action not in CLARIFYING:
        return [UTTER_CLARIFY]
    # Nothing else: the intent classifier alone never triggers a safety reply. Measured on the
    # development split (README, "Safety recognition"): its mention_condition / report_red_flag
    # guesses added no recall over the recogniser and raised false alarms from 0 % to 6.4 %.
    return []


@DefaultV1Recipe.register(
    DefaultV1Recipe.ComponentType.POLICY_WITHOUT_END_TO_END_SUPPORT, is_trainable=True
)
class SafetyRulePolicy(RulePolicy):
    """RulePolicy that first gives emergency help or a doctor referral when the text calls for it."""

    def predict_action_probabilities(
        self,
        tracker: DialogueStateTracker,
        domain: Domain,
        rule_only_data: Optional[Dict[Text, Any]] = None,
        **kwargs: Any,
    ) -> PolicyPrediction:
        """Emergency, then referral or assessment, then the rules (see the module docstring)."""
        message = tracker.latest_message
        text = message.text if message else None
        intent = message.intent.get("name") if message else None
        done = _executed(current_turn(tracker))
        in_form = bool(tracker.active_loop_name)
        # the safety check took this message as its last answer and ended: the turn is the check's (its
        # verdict comes next), not a new mention to assess on its own (user study round 4, #43)
        checking = in_form or any(name.endswith("_form") for name in done) or (
            # "stop, that's enough, the ICD already rules it out right?": the stop rule ended the check in
            # this turn and its reply (the verdict so far) is still to come (user study round 15, #41)
            ACTION_DEACTIVATE_LOOP_NAME in done
        )
        previous = _previous_bot_action(tracker)
        if previous == FOLLOW_UP and set(_recent_actions(tracker, 3)) & EMERGENCY_IN_PROGRESS:
            # "theyre here now, thank you" after "could the pad have caused it?" was answered a turn after the
            # emergency advice: still the emergency's conversation (user study round 50, #18: "You're
            # welcome! Anything else ...?")
            previous = _last_emergency(tracker) or previous
        if in_form and UTTER_PAUSE in done:
            # after "take your time": the question again (where the chit-chat rule has the form ask it after
            # its hint), then wait
            ask = f"utter_ask_{tracker.get_slot('requested_slot')}"
            if done[-1] == UTTER_PAUSE and ask in domain.action_names_or_texts:
                return self._safety_prediction(ask, tracker, domain)
            return self._safety_prediction(ACTION_LISTEN_NAME, tracker, domain)
        confidence = float(message.intent.get("confidence") or 0.0) if message else 0.0
        plan = safety_plan(
            # (the latest emergency matters only right after emergency advice, or when the crisis line is
            # named again: read the events only then)
            text, intent, checking, previous,
            _last_emergency(tracker)
            if previous in _AFTER_EMERGENCY or _CRISIS_LINE_LATER.search(text or "") else None,
            confidence,
            conversation_conditions(tracker),
        )
        if (
            not checking and intent == "stop" and "action_screening_stopped" in _recent_actions(tracker, 2)
            and tracker.get_slot("known_verdict")
        ):
            # "stop" again right after the check stopped with a "do not use" (user study round 50, #27: "OK.
            # You can ask ..."): the check is stopped and what was told still holds
            next_action = ACTION_LISTEN_NAME if FOLLOW_UP in done else FOLLOW_UP
            return self._safety_prediction(next_action, tracker, domain)
        if (
            not checking
            and (PAD_OFF_QUESTION.search(text or "") or CAUSE_QUESTION.search(text or ""))
            and set(_recent_actions(tracker, 3)) & EMERGENCY_IN_PROGRESS
            and not (plan and plan[0] in EMERGENCY_REPLIES)
        ):
            # "ambulance is on the way, should i take the pad off him?" a turn after the emergency advice
            # (user study round 43, #30: the usage text)
            next_action = ACTION_LISTEN_NAME if FOLLOW_UP in done else FOLLOW_UP
            return self._safety_prediction(next_action, tracker, domain)
        if (
            not checking and previous in EMERGENCY_IN_PROGRESS
            and (
                plan[:1] in ([UTTER_REFERRAL], [UTTER_REFERRAL_OTHER])
                # ("the paramedics are on the way. he has a defibrillator too, could the pad be the cause?")
                or (
                    plan[:1] in ([UTTER_EMERGENCY_FOLLOWUP], [UTTER_HELP_COMING])
                    and (
                        bool(recognise(None if (text or "/").startswith("/") else text).affirmed())
                        # ("ok ambulance is coming. it was the pad or the cream?": user study round 43, #47)
                        or bool(CAUSE_QUESTION.search(text or ""))
                    )
                )
            )
        ):
            # "ok ambulance is coming. he also has a pacemaker, could the pad have caused this?": what to tell
            # the emergency team (action_follow_up), never the routine referral and the safety check (user
            # study round 36, #19)
            next_action = ACTION_LISTEN_NAME if FOLLOW_UP in done else FOLLOW_UP
            return self._safety_prediction(next_action, tracker, domain)
        if (
            not done
            and intent != FRUSTRATION_INTENT  # (its rule says sorry first: data/rules/chitchat.yml)
            # "stop. are you even listening" in the check: the stop first and alone, never the next question
            # after a sorry (user study round 12, #32)
            and not (in_form and intent == "stop")
            and FRUSTRATED.search(text or "")
            and not _acknowledged_lately(tracker)
            and not (plan and (plan[0] in EMERGENCY_REPLIES or plan[0] in FOLLOWUPS.values()))
        ):
            # an upset user hears that first, then the answer as if it had not been said (the rules never
            # see it: ``inserted`` below)
            return self._safety_prediction(UTTER_FRUSTRATION, tracker, domain)
        asked_to_confirm = previous == CONFIRM_FORGET or (
            # "whatever, yes delete it" after a question about what is stored, asked in between (user study
            # round 18, #16: the confirmation was asked again)
            intent in (FORGET_INTENT, "affirm") and CONFIRM_FORGET in _recent_actions(tracker, 2)
            # asked in an earlier turn: "ok please delete everything i said" gets the question first, and its
            # own "ok" is no answer to it (user study round 21, #3: asked and deleted in the same turn)
            and CONFIRM_FORGET not in done
        )
        if asked_to_confirm and _YES_FIRST.match(text or "") and (
            intent == FORGET_INTENT or _DELETE_IT.search(text or "")
        ):
            # "yes delete everything" after "Do you want me to delete ...?": the yes, in words (user study
            # round 9, #13); a question about the data is not one ("did you keep my answers?")
            if FORGET_ME not in done:
                return self._safety_prediction(FORGET_ME, tracker, domain)
            return self._safety_prediction(ACTION_LISTEN_NAME, tracker, domain)
        if (
            previous == CONFIRM_FORGET and _ASKS_IF_DELETED.search(text or "")
            and not _DONT_KEEP.search(text or "")
        ):
            # "have you actually deleted it? I told you about my pacemaker earlier" while the deletion waits
            # for its yes: not yet, and the question again (user study round 40, #16: a pacemaker verdict, the
            # deletion dropped)
            if UTTER_NOT_DELETED_YET not in done:
                return self._safety_prediction(UTTER_NOT_DELETED_YET, tracker, domain)
            if CONFIRM_FORGET not in done:
                return self._safety_prediction(CONFIRM_FORGET, tracker, domain)
            return self._safety_prediction(ACTION_LISTEN_NAME, tracker, domain)
        if (
            previous == CONFIRM_FORGET and _DONT_KEEP.search(text or "")
            and not _KEEP_IT.match(text or "")
        ):
            # "I told you earlier I was pregnant, I don't want that kept" to "Do you want me to delete ...?":
            # a yes, never a new mention (user study round 39, #25: the pregnancy verdict, nothing deleted)
            if FORGET_ME not in done:
                return self._safety_prediction(FORGET_ME, tracker, domain)
            return self._safety_prediction(ACTION_LISTEN_NAME, tracker, domain)
        if (
            not in_form
            and _ASKS_IF_DELETED.search(text or "")
            and all(_ASKS_IF_DELETED.search(t) for t in _user_texts(tracker)[:-1])
            and not recognise(text).mentions
        ):
            # "did it actually delete everything?", "so is it gone or not?" as the first messages after a
            # deletion: nothing of it is left to delete (user study round 30, #22: asked to confirm again)
            if UTTER_FORGET_STATUS not in done:
                return self._safety_prediction(UTTER_FORGET_STATUS, tracker, domain)
            return self._safety_prediction(ACTION_LISTEN_NAME, tracker, domain)
        ask = f"utter_ask_{tracker.get_slot('requested_slot')}"
        if (
            in_form and intent == SCREENING_INTENT and not plan
            # ("wait, these questions should be about me, not him": the form turns the check to the user)
            and not MEANT_ME.search(text or "") and not ABOUT_ME.search(text or "")
            and (not done or done == [ask]) and ask in domain.action_names_or_texts
        ):
            # "ok back to the questions" after a question in between, with the check already running: the
            # question again, never an answer read from "ok" (the rule for it predicted the fallback: user
            # study round 43, #14)
            next_action = ACTION_LISTEN_NAME if done else ask
            return self._safety_prediction(next_action, tracker, domain)
        if (
            in_form and not plan and not done and intent in ("affirm", "deny", "dont_know")
            and (previous or "").startswith("utter_ask_screen_")
            and {UTTER_ANSWER_HINT, UTTER_PAUSE} & set(_recent_actions(tracker, 1))
        ):
            # "no" to the question asked again after the answer hint: the form's answer, never the chit-chat
            # rule's "OK. You can ask ..." first (user study round 41, #5)
            return self._safety_prediction(tracker.active_loop_name, tracker, domain)
        about_other = False
        # what was known before this turn: once a referral or assessment has run in it, this turn's own
        # conditions are stored too, and the decisions below were already taken at its start
        known = set() if set(done) & SAFETY_ACTIONS else _known_conditions(tracker)
        if _switched_this_turn(tracker):
            return self._safety_prediction(ACTION_LISTEN_NAME, tracker, domain)
        if (
            not checking and not (set(done) & SAFETY_ACTIONS) and FORGET_DENIED not in done
            and _switches_person(tracker, text, plan, known)
        ):
            # "what about my sister instead? she's healthy" after "my dad has a pacemaker", or back to him:
            # the remembered conditions stay with their owner (user study round 38, #37: the dad's verdict
            # given to the sister four times)
            if FOLLOW_UP not in done:
                return self._safety_prediction(FOLLOW_UP, tracker, domain)
            return self._safety_prediction(ACTION_LISTEN_NAME, tracker, domain)
        if not checking and not plan and confirm_both(_last_two_turns(tracker), text):
            # "ok so the knee yes, the weight no?" after two answers: both in short, never the usage text
            # after a verdict reminder (user study round 41, #23)
            if FOLLOW_UP not in done:
                return self._safety_prediction(FOLLOW_UP, tracker, domain)
            return self._safety_prediction(ACTION_LISTEN_NAME, tracker, domain)
        if (
            not checking and not plan and previous == "action_contact" and done in ([], ["action_contact"])
            and _WHOM_TO_CONTACT.search(text or "")
        ):
            # "whom should I contact then?" after "contact the shop or seller" (user study round 44, #45:
            # "your doctor is the right person to ask"): the contact again
            next_action = ACTION_LISTEN_NAME if done else "action_contact"
            return self._safety_prediction(next_action, tracker, domain)
        if (
            not checking and HEALTHY_OTHER.search(text or "") and tracker.get_slot("known_verdict")
            and not plan
        ):
            # "what about my wife, she has nothing wrong with her, just a sore neck" after the user's own
            # pacemaker: hers is not his verdict (user study round 44, #10)
            if FOLLOW_UP not in done:
                return self._safety_prediction(FOLLOW_UP, tracker, domain)
            return self._safety_prediction(ACTION_LISTEN_NAME, tracker, domain)
        if (
            not checking and ANECDOTE.search(text or "")
            and tracker.get_slot("known_verdict") in ("do_not_use", "ask_doctor")
            and not recognise(None if (text or "/").startswith("/") else text).affirmed(Experiencer.SELF)
        ):
            # "but my friend used it in her pregnancy and nothing happened" after the user's own pregnancy
            # verdict: the verdict holds, never "Thanks for telling me" (user study round 43, #5)
            if FOLLOW_UP not in done:
                return self._safety_prediction(FOLLOW_UP, tracker, domain)
            return self._safety_prediction(ACTION_LISTEN_NAME, tracker, domain)
        if (
            not checking and WHICH_ONE.search(text or "") and tracker.get_slot("known_verdict")
            and (not plan or names_only_known(text, known))
        ):
            # "which one is the problem, the warfarin?" after the verdict for two medicines: what each counts
            # as, never the assessment again (user study round 43, #26)
            if FOLLOW_UP not in done:
                return self._safety_prediction(FOLLOW_UP, tracker, domain)
            return self._safety_prediction(ACTION_LISTEN_NAME, tracker, domain)
        if (
            not checking
            and (
                plan[:1] in ([UTTER_REFERRAL], [UTTER_REFERRAL_OTHER], [UTTER_CLARIFY])
                or (not plan and known)
            )
            and CALM_CHANGES_IT.search(text or "")
            # (an acute rule's flare-up said to be over is taken back: action_forget_denied)
            and not _takes_back_known(tracker, text)
        ):
            # "my psoriasis isn't flaring right now, does that change it?": after its verdict, the answer, not
            # the verdict block again; told for the first time, the referral and verdict, then the answer
            # (user study round 41, #42: the question was never answered)
            if not names_only_known(text, known):
                plan = [*plan, FOLLOW_UP] if ASSESS in plan else plan
            elif FOLLOW_UP not in done:
                return self._safety_prediction(FOLLOW_UP, tracker, domain)
            else:
                return self._safety_prediction(ACTION_LISTEN_NAME, tracker, domain)
        if (
            checking
            and plan[:1] in ([UTTER_REFERRAL], [UTTER_REFERRAL_OTHER], [UTTER_CLARIFY])
            and names_only_known(text, known)
        ):
            # "yes the defibrillator, like i said at the start", "stop, that's enough, the ICD already rules
            # it out right?": the answer or the stop (whose reply gives the verdict so far), without a second
            # referral for what was referred at the start, which read as not listening (user study round
            # 15, #41)
            plan = []
        if (
            plan[:1] in ([UTTER_REFERRAL], [UTTER_REFERRAL_OTHER], [UTTER_CLARIFY])
            and (
                intent in _ACKNOWLEDGING or bool(_PLAN_TO_ASK.search(_closing_norm(text)))
                # "ok so ask her diabetes team or the pump company. will do" (user study round 47, #10)
                or bool(_WILL_DO.search(_closing_norm(text)))
            )
            and not checking
            and names_only_known(text, known, plan=True)
        ):
            # ("ok, I'll call the pump manufacturer. thanks" after the insulin pump's verdict: no question
            # whether the pump is a health matter, user study round 23, #11)
            # "ok thanks, I'll ask my midwife" after the pregnancy verdict: a plan, not a new mention; the
            # referral and the verdict again read as not listening (user study round 6, #04)
            plan = []
        if (
            not checking and plan[:1] == [UTTER_REFERRAL] and "a child" in known
            and _NOT_A_KID.search(text or "") and names_only_known(text, known, plan=True)
        ):
            # "im not a kid lol im 15. and my dad uses it all the time so its fine right?": why a teenager's
            # age still counts, never the referral line alone (user study round 46, #23)
            if UTTER_UNDER_18 not in done:
                return self._safety_prediction(UTTER_UNDER_18, tracker, domain)
            return self._safety_prediction(ACTION_LISTEN_NAME, tracker, domain)
        if (
            plan[:1] in ([UTTER_REFERRAL], [UTTER_REFERRAL_OTHER], [UTTER_CLARIFY])
            and not checking
            and _SET_ASIDE.search(text or "")
            and names_only_known(text, known, plan=True)
        ):
            # "I mean is being old a problem on its own, forget the pacemaker for a sec": the question, not
            # the pacemaker's referral again (user study round 47, #24; the verdict stays remembered)
            plan = []
        if (
            plan[:1] in ([UTTER_REFERRAL], [UTTER_REFERRAL_OTHER], [UTTER_CLARIFY])
            and intent == FORGET_INTENT
            and _DELETE_IT.search(text or "")
            and (names_only_known(text, known, plan=True) or _TOLD_BEFORE.search(text or ""))
        ):
            # "i told you about my pregnancy before and i want that deleted": a request to delete what was
            # said, not a new mention (user study round 12, #19: got the pregnancy verdict again)
            plan = []
        if (
            not checking
            and plan[:1] in ([UTTER_REFERRAL], [UTTER_REFERRAL_OTHER], [UTTER_CLARIFY])
            and followup_kind(text) is FollowUp.SEE_DOCTOR
            and names_only_known(text, known)
        ):
            # "forget the pad. should i be worried about the numb foot?" after its verdict: yes, get it
            # checked, never the same verdict block again (user study round 13, #17)
            if FOLLOW_UP not in done:
                return self._safety_prediction(FOLLOW_UP, tracker, domain)
            return self._safety_prediction(ACTION_LISTEN_NAME, tracker, domain)
        if (
            not checking and not plan and _has_verdict(tracker)
            and SEE_DOCTOR_QUESTION.search(" ".join((text or "").lower().split()))
        ):
            # "Should I wait for my next routine appointment in two months?" after a slow-healing sore's
            # verdict: whether and how soon to see a doctor, never the not-a-substitute paragraph (user study
            # round 34, #5)
            if FOLLOW_UP not in done:
                return self._safety_prediction(FOLLOW_UP, tracker, domain)
            return self._safety_prediction(ACTION_LISTEN_NAME, tracker, domain)
        if (
            not checking
            and plan[:1] in ([], [UTTER_REFERRAL], [UTTER_REFERRAL_OTHER], [UTTER_CLARIFY])
            and _has_verdict(tracker)
            and doctor_approved(text)
            # ("My rheumatologist said yes actually": the specialist is the doctor who answered, no new
            # condition; user study round 36, #39)
            and names_only_known(_SPECIALIST.sub(" ", text or ""), known)
        ):
            # "she asked her cardiologist and he said go ahead": the verdict said "unless the doctor says
            # otherwise", and the doctor has; repeating it ignores them (user study round 6, #16)
            if FOLLOW_UP not in done:
                return self._safety_prediction(FOLLOW_UP, tracker, domain)
            benefit = "utter_" + (intent or "")[4:]
            if intent in _BENEFIT_INTENTS and "?" in (text or "") and benefit not in done:
                # "my doctor is fine with it. so what can it do for tense shoulders?": the question too (user
                # study round 37, #37: asked twice)
                return self._safety_prediction(benefit, tracker, domain)
            return self._safety_prediction(ACTION_LISTEN_NAME, tracker, domain)
        if (
            not checking
            and not plan
            and tracker.get_slot("known_verdict") == "ask_doctor"
            and intent in _BENEFIT_INTENTS | {"ask_followup", "ask_usage_safety", "affirm", "nlu_fallback"}
            and not _names_topic(text)
            and local_elsewhere_answer(
                text, _user_texts(tracker)[-4:-1], "ask_doctor", tracker.get_slot("known_conditions") or []
            )
        ):
            # "sore hamstrings are ok tho right?" after a swollen knee: the doctor question stays with the
            # knee (user study round 23, #3: the reminder, as if the hamstrings needed a doctor too)
            if FOLLOW_UP not in done:
                return self._safety_prediction(FOLLOW_UP, tracker, domain)
            return self._safety_prediction(ACTION_LISTEN_NAME, tracker, domain)
        if (
            not checking
            and (
                plan in ([], [UTTER_CLARIFY])
                or (plan[0] == UTTER_REFERRAL and names_only_known(text, known))
                # ("a few months postpartum" reads as a condition of its own)
                or (plan[0] == UTTER_REFERRAL and after_birth(text) and names_only_known(
                    text, known | {"a named medical condition", "recent childbirth", "breastfeeding"}))
            )
            and tracker.get_slot("known_verdict")
            and (
                asks_after_it_ends(text, _own_rules(tracker))
                # ("my oncologist discharged me years ago. I don't have a tumour": the oncologist is no new
                # mention; user study round 42, #45)
                or cancer_said_over(text, _own_rules(tracker))
            )
        ):
            # "and after the baby is born? a few months postpartum", "once i stop breastfeeding, fine then?":
            # a question about later, answered with when the rule ends; never a new mention ("postpartum")
            # or a take-back of the pregnancy she still has (user study round 23, #27, #5)
            if FOLLOW_UP not in done:
                return self._safety_prediction(FOLLOW_UP, tracker, domain)
            return self._safety_prediction(ACTION_LISTEN_NAME, tracker, domain)
        if (
            plan == [UTTER_CLARIFY] and not checking and tracker.get_slot("known_verdict")
            and _NOT_NEAR.search(text or "")
            and {m.rule_id for m in recognise(text).mentions if not m.negated} <= set(_own_rules(tracker))
        ):
            # "but the pump isnt even near my back?" after the insulin pump's verdict: the device already
            # told,
            # asked about distance, not a new mention to clarify (user study round 50, #10); the verdict holds
            if FOLLOW_UP not in done:
                return self._safety_prediction(FOLLOW_UP, tracker, domain)
            return self._safety_prediction(ACTION_LISTEN_NAME, tracker, domain)
        if (
            plan in ([], [UTTER_CLARIFY])
            and not checking
            and after_birth(text)
            and not tracker.get_slot("known_verdict")
            and "pregnancy" in _other_rules(tracker)
        ):
            # "after baby born she can use?" about a pregnant partner: when her rule ends, never the same
            # verdict block again (user study round 12, #40)
            if FOLLOW_UP not in done:
                return self._safety_prediction(FOLLOW_UP, tracker, domain)
            return self._safety_prediction(ACTION_LISTEN_NAME, tracker, domain)
        if (
            not plan
            and not checking
            and ELSEWHERE_ON_THEM.search(text or "")
            and _other_rules(tracker)
            and not tracker.get_slot("known_verdict")
        ):
            # "its on his knee not near his chest" after his pacemaker's verdict: that verdict holds on any
            # part of the body, said in one line (user study round 18, #10: the referral and verdict block
            # again)
            if FOLLOW_UP not in done:
                return self._safety_prediction(FOLLOW_UP, tracker, domain)
            return self._safety_prediction(ACTION_LISTEN_NAME, tracker, domain)
        if (
            plan[:1] == [UTTER_REFERRAL] and not checking and not (text or "/").startswith("/")
            and said_of_them(
                text, [m.condition for m in recognise(text).affirmed()],
                tracker.get_slot("known_other_conditions") or [],
            )
        ):
            # "its mild lupus, he doesnt get rashes from sun. so its ok?" after "my husband has lupus": his
            plan, about_other = [UTTER_REFERRAL_OTHER, *plan[1:]], True
        if (
            plan[:1] in ([UTTER_REFERRAL], [UTTER_CLARIFY]) and not checking
            and UTTER_REFERRAL_OTHER in _recent_actions(tracker, 1)
            and tracker.get_slot("known_other_conditions")
            and continues_about_them(text, bool(people_named([text or ""])))
        ):
            # "it's just a surface scrape, not infected" right after the verdict for "my 8 year old": still
            # the child's (user study round 41, #12)
            plan, about_other = [UTTER_REFERRAL_OTHER, *plan[1:]], True
        if (
            plan[:1] == [UTTER_REFERRAL_OTHER] and not checking
            and not tracker.get_slot("known_other_conditions") and not people_named([text or ""])
            and tracker.get_slot("known_conditions")
            # (by rule: "plaque psoriasis" and "the psoriasis" are two names of one condition)
            and {m.rule_id for m in recognise(text).affirmed()} <= set(tracker.get_slot("known_rules") or [])
            and not OTHER_PERSON_NAMED.search(text or "")
        ):
            # "fine on my sore knees then? they're nowhere near the psoriasis": "they" are the knees, the
            # psoriasis the user's own (user study round 42, #49: "someone you're asking for")
            if FOLLOW_UP not in done:
                return self._safety_prediction(FOLLOW_UP, tracker, domain)
            return self._safety_prediction(ACTION_LISTEN_NAME, tracker, domain)
        if plan == [UTTER_REFERRAL_GENERAL] and _DEFINITION.search(text or ""):
            # "what is meant by acute eczema?": what a word means, said of nobody (user study round 41, #2:
            # "if you're asking because you or someone you care for has this condition" before the answer)
            plan = []
        own_known = set(tracker.get_slot("known_conditions") or [])
        if (
            plan[:1] == [UTTER_REFERRAL_GENERAL]
            and not checking
            and tracker.get_slot("known_verdict") in ("do_not_use", "ask_doctor")
            and own_known
            and {m.condition for m in recognise(text).affirmed()} <= own_known
        ):
            # "does it help with joint pain from lupus?" after "I have lupus": the user's own lupus, so the
            # verdict's reminder before the answer, not "if you or someone you care for has it" (user study
            # round 23, #26)
            plan = [VERDICT_REMINDER]
        if (
            plan in ([], [UTTER_CLARIFY])
            and not checking
            and not tracker.get_slot("known_verdict")
            and tracker.get_slot("known_other_conditions")
            and ABOUT_ME.search(text or "")
            and not (text or "/").startswith("/")
            and not recognise(text).affirmed()
            # ("I meant ME, I'm healthy, just a sore shoulder", read as the check or the muscle question: a
            # correction of whom it is about, user study round 29, #35)
            and (intent not in _KNOWLEDGE_INTENTS | {SCREENING_INTENT} or MEANT_ME.search(text or ""))
        ):
            # "and for me, no problem? i no have lupus" after "my wife has lupus": hers is not his, and
            # nothing is known of him (user study round 23, #12: "OK. You can ask..." and an unasked check)
            if FOLLOW_UP not in done:
                return self._safety_prediction(FOLLOW_UP, tracker, domain)
            return self._safety_prediction(ACTION_LISTEN_NAME, tracker, domain)
        if (
            (
                plan in ([], [UTTER_CLARIFY])
                # "does my mum's diabetes mean I should be careful too?": hers named again (user study round
                # 41, #11)
                or (plan[:1] == [UTTER_REFERRAL_OTHER] and names_only_known(text, known))
            )
            and not checking and tracker.get_slot("known_other_conditions")
            and COUNTS_FOR_ME.search(text or "")
        ):
            # "does my mum's thing count against me?" (user study round 34, #19)
            if FOLLOW_UP not in done:
                return self._safety_prediction(FOLLOW_UP, tracker, domain)
            return self._safety_prediction(ACTION_LISTEN_NAME, tracker, domain)
        if (
            plan in ([], [UTTER_CLARIFY])
            and not checking
            and intent not in _ACKNOWLEDGING
            and _about_the_other_person(tracker, text)
        ):
            # "can she use it on her knees then?" after "my sister has rheumatoid arthritis"; not "ok, I'll
            # tell him to ask his doctor, thanks" (user study round 6, #26)
            if (
                UTTER_REFERRAL_OTHER in _recent_actions(tracker, 2)
                and not tracker.get_slot("known_verdict")
                # ("what about just for her cold feet?" asks what it does: the reminder and the answer)
                and intent not in _BENEFIT_INTENTS
                and (
                    followup_kind(text) in (FollowUp.STATUS, FollowUp.SAME)
                    or _ASKS_IF_THEY_CAN.search(text or "")
                )
                and any(
                    default_rulebook().rule(r).verdict is Verdict.DO_NOT_USE for r in _other_rules(tracker)
                )
            ):
                # ... asked again right after their verdict ("is he ok to use it on his feet?"): their verdict
                # in one line, never the referral and the verdict block a second and third time (user study
                # rounds 42-43: the same blocks stacked turn after turn)
                if FOLLOW_UP not in done:
                    return self._safety_prediction(FOLLOW_UP, tracker, domain)
                return self._safety_prediction(ACTION_LISTEN_NAME, tracker, domain)
            plan, about_other = [UTTER_REFERRAL_OTHER, ASSESS], True
        if (
            plan[:1] in ([UTTER_REFERRAL], [UTTER_REFERRAL_OTHER])
            and ASSESS in plan
            and not checking
            and intent in _BENEFIT_INTENTS
            and names_only_known(text, known)
            and _assessed_do_not_use(tracker, text, about_other)
        ):
            # "what about just for his cold hands?" after "he should not use a pad": asked again, the benefit
            # comes after the verdict reminder ("... The following is general information only"), never bare
            # after the verdict (a new verdict gets no benefit paragraph at all: see below)
            plan = [VERDICT_REMINDER]
        pet_context = previous == PET_REPLY or (
            previous == FOLLOW_UP and PET_REPLY in _recent_actions(tracker, 2)
        )
        # ("ok. and me? I've got a sore Achilles from chasing after her": the user now, user study round 46,
        # #33: the pets' keep-away text)
        about_me = bool(_ME_NOW.search(text or "") or ABOUT_ME.search(text or ""))
        if pet_context and not checking and not about_me and (
            plan == [UTTER_CLARIFY] or (not plan and _PET_PRONOUN.search(text or ""))
        ):
            # "it's only a tiny cut" after the vet answer: still the animal's; said once, then a practical
            # answer ("should i turn it off when she's on it then?") or a nod to "ok, i'll keep her off it",
            # never the same sentence three times (user study round 20, #11)
            reply = UTTER_OK if "?" not in (text or "") and _NOD.match(text or "") else FOLLOW_UP
            if reply not in done:
                return self._safety_prediction(reply, tracker, domain)
            return self._safety_prediction(ACTION_LISTEN_NAME, tracker, domain)
        if (
            plan == [UTTER_CLARIFY]
            and not checking
            and tracker.get_slot("known_verdict") in ("do_not_use", "ask_doctor")
            and _PLAYS_DOWN.search(text or "")
        ):
            # "it's only tingling so far, no blister yet" after a cold sore: about the known condition,
            # which keeps its verdict, not a new word to ask about
            if FOLLOW_UP not in done:
                return self._safety_prediction(FOLLOW_UP, tracker, domain)
            return self._safety_prediction(ACTION_LISTEN_NAME, tracker, domain)
        if (
            # (with no plan too: "why do I need a doctor for shin splints? it's just overuse" after their
            # referral asks for the reason, not the muscle text again; user study round 47, #34)
            (not plan or (plan[0] not in EMERGENCY_REPLIES and plan[0] not in FOLLOWUPS.values()))
            and not checking
            and asks_about_known(text, known)
        ):
            # "but it's red light, not UV. why would lupus matter?", "should I see a doctor for the eczema
            # then?": a question about the verdict just given, not a new mention to refer again; the reason
            # or a plain yes (user study round 6, #08, #20, #21, #25)
            if FOLLOW_UP not in done:
                return self._safety_prediction(FOLLOW_UP, tracker, domain)
            return self._safety_prediction(ACTION_LISTEN_NAME, tracker, domain)
        if (
            not checking
            and not (plan and (plan[0] in EMERGENCY_REPLIES or plan[0] in FOLLOWUPS.values()))
            and asks_who_to_ask(text, tracker)
        ):
            # "ok who exactly should she ask, cardiologist?" after her verdict: whom to ask, the verdict
            # unchanged (user study round 7, #48)
            if FOLLOW_UP not in done:
                return self._safety_prediction(FOLLOW_UP, tracker, domain)
            return self._safety_prediction(ACTION_LISTEN_NAME, tracker, domain)
        if (
            not plan and not checking and tracker.get_slot("screening_paused")
            and set(((tracker.get_slot("screening_paused") or {}).get("answers") or {}).values()) == {"no"}
            and not tracker.get_slot("known_verdict") and RESULT_AFTER_STOP.search(text or "")
            and "action_screening_stopped" in _recent_actions(tracker, 3)
        ):
            # "so what's the answer then, can I use it or not?" right after the check was stopped: no yes or
            # no yet, and how to go on (user study round 48, #17: "doesn't go further", the usage text)
            if FOLLOW_UP not in done:
                return self._safety_prediction(FOLLOW_UP, tracker, domain)
            return self._safety_prediction(ACTION_LISTEN_NAME, tracker, domain)
        if not plan and not checking and claimed_conditions(text, previous_user_text(tracker)):
            # "I have both" after "does it help rosacea or eczema?": the conditions just named are theirs
            plan = [UTTER_REFERRAL, ASSESS]
        if not plan and not checking and claimed_for_other(text, previous_user_text(tracker)):
            # "its for my sister" after "is it safe while pregnant?": the condition asked about is hers
            plan = [UTTER_REFERRAL_OTHER, ASSESS]
        if (
            not plan and not checking and intent not in _ACKNOWLEDGING
            and only_over(text) and not set(only_over(text)) & known
        ):
            # "had my baby 2 years ago, not breastfeeding anymore. can I use it on my tummy now?", "eczema
            # as a kid, long gone": what the rules make of it, never "Thanks for telling me" (user study
            # round 41, #38)
            if FOLLOW_UP not in done:
                return self._safety_prediction(FOLLOW_UP, tracker, domain)
            return self._safety_prediction(ACTION_LISTEN_NAME, tracker, domain)
        if (
            not plan and not checking and _denies_asked_rule(text, intent)
            and not _takes_back_known(tracker, text)
        ):
            # "good. and no pacemaker either haha": a statement ruling the topic out, not a question
            if UTTER_ACKNOWLEDGE not in done:
                return self._safety_prediction(UTTER_ACKNOWLEDGE, tracker, domain)
            return self._safety_prediction(ACTION_LISTEN_NAME, tracker, domain)
        if (
            not checking
            and plan[:1] in ([], [UTTER_REFERRAL], [UTTER_CLARIFY])
            and tracker.get_slot("known_verdict") in ("do_not_use", "ask_doctor")
            and (WHY_IT_MATTERS.search(text or "") or MISREAD_COMPLAINT.search(text or ""))
            and (not plan or names_only_known(text, known))
        ):
            # "why does it matter on my shoulder?" after the insulin pump's verdict: the rule's reason, never
            # a body-part answer after a reminder (user study round 8, #39); "why are you telling me about
            # wrinkles?": an apology (#06)
            if FOLLOW_UP not in done:
                return self._safety_prediction(FOLLOW_UP, tracker, domain)
            return self._safety_prediction(ACTION_LISTEN_NAME, tracker, domain)
        if (
            not plan and not checking and light_sensitivity_answer(text)
            and recognise(None if (text or "/").startswith("/") else text).affirmed()
        ):
            # "no i mean the doxycycline. what does it do with light" after its verdict: the medicine's answer
            # (the assessment says it), never how light works after a reminder (user study round 13, #09)
            plan = [ASSESS]
        if (
            not plan and not checking
            # ("what if i only put it on my back not my belly, is that ok then?" after "do not use": the
            # verdict, never the usage text after a reminder first: user study round 20, #7)
            and (
                SHORT_USE.search(text or "")
                # "can I just try it on my feet for a few minutes?", "appointment is in 2 weeks, till then we
                # can try?" (user study round 45, #25, #32: the session-length text, the results paragraph)
                or (asks_to_try_meanwhile(text) and not _asks_care_topic(text))
                # ("is it safe for me?" asks for the check, as in _holds_verdict: the outage test's Bob)
                or (
                    _STATUS_CUE.search(text or "")
                    and not _asks_care_topic(text)
                    and (intent != SCREENING_INTENT or re.search(_CAN_I_OR_NOT, text or "", re.IGNORECASE))
                )
            )
            and (
                tracker.get_slot("known_verdict") in ("do_not_use", "ask_doctor")
                # the same for a child or another person's verdict, for a short session (user study round
                # 35, #28)
                or (
                    bool(tracker.get_slot("known_other_conditions"))
                    and bool(SHORT_USE.search(text or "") or asks_to_try_meanwhile(text))
                )
            )
            and not _takes_back_known(tracker, text)
            and not recognise(None if (text or "/").startswith("/") else text).mentions
        ):
            # "what if i only use it for like 5 min on my knee", "so thats a no even for short sessions?"
            # after "do not use": the verdict in one line, never the usage text after a reminder (user study
            # round 20, #7)
            if FOLLOW_UP not in done:
                return self._safety_prediction(FOLLOW_UP, tracker, domain)
            return self._safety_prediction(ACTION_LISTEN_NAME, tracker, domain)
        if (
            not checking
            and (
                plan[:1] in ([UTTER_REFERRAL], [UTTER_REFERRAL_OTHER])
                or plan in ([], [UTTER_CLARIFY], [VERDICT_REMINDER])
            )
            and asks_for_healthy_other(
                text, tracker.get_slot("known_verdict"), tracker.get_slot("known_other_conditions"),
                _user_texts(tracker)[-5:-1], _user_texts(tracker)[:-1],
            )
        ):
            # "I'll ask my rheumatologist. can my sister use it? she's healthy": the specialist is no new
            # condition, and the question is the sister's; also after the user's own verdict (user study
            # round 32, #11, #5)
            if FOLLOW_UP not in done:
                return self._safety_prediction(FOLLOW_UP, tracker, domain)
            return self._safety_prediction(ACTION_LISTEN_NAME, tracker, domain)
        if (
            not checking
            and plan in ([], [UTTER_CLARIFY])
            and (
                (CANT_BEAR_WEIGHT.search(text or "") and not FRACTURE_SEEN.search(text or ""))
                or asks_what_to_ask(text)
                # "can I use it meanwhile for the pain?" after a possible broken bone (user study round 31,
                # #27)
                or (
                    possible_fracture(_user_texts(tracker)[-4:], tracker.get_slot("known_conditions") or [])
                    and asks_to_use_meanwhile(text) and not _names_topic(text)
                    and not FRACTURE_SEEN.search(text or "")
                )
                # "should I just give up?" after the pad did nothing for weeks (round 31, #9)
                or (
                    GIVE_UP.search(text or "")
                    and any(NO_EFFECT.search(t) for t in _user_texts(tracker)[-3:])
                )
                # "why? it's only red light, not electric" after a verdict (round 31, #13: how light works)
                or (
                    _has_verdict(tracker) and _WHY_FIRST.match(text or "")
                    and previous in (FOLLOW_UP, ASSESS, VERDICT_REMINDER)
                )
            )
        ):
            # "I can't really put weight on it at all. should I just wait and see?": get it checked today
            # (user study round 30, #33: the usage text after a reminder); "what questions should I ask my
            # GP?": what to ask (#27: "Get it checked soon")
            if FOLLOW_UP not in done:
                return self._safety_prediction(FOLLOW_UP, tracker, domain)
            return self._safety_prediction(ACTION_LISTEN_NAME, tracker, domain)
        if (
            not plan and not checking and _DOWNPLAYED.search(text or "") and "?" not in (text or "")
            and tracker.get_slot("known_verdict") in ("do_not_use", "ask_doctor")
            # ("the ankle's basically fine, I can walk on it. change question 10 to no": a correction)
            and not names_check_question_no(text)
        ):
            # "nah it's not that bad, I can still walk on it kinda" after "ask your doctor first" for a
            # crushed foot: the verdict again, never a reminder and the usage text (user study round 43, #42)
            if FOLLOW_UP not in done:
                return self._safety_prediction(FOLLOW_UP, tracker, domain)
            return self._safety_prediction(ACTION_LISTEN_NAME, tracker, domain)
        if (
            not plan and not checking and _needs_verdict_reminder(tracker, intent, previous, text)
            and not _closes_chat(intent, text)
        ):
            plan = [VERDICT_REMINDER]
        if not checking and _takes_back_known(tracker, text) and FORGET_DENIED not in done:
            # "no, I do NOT have lupus", "the lupus is my sister": the remembered verdict drops it first
            return self._safety_prediction(FORGET_DENIED, tracker, domain)
        if FORGET_DENIED in done and names_check_question_no(text):
            # "change question 10 to no": the new verdict is the whole reply (user study round 48, #15)
            return self._safety_prediction(ACTION_LISTEN_NAME, tracker, domain)
        if FORGET_DENIED in done and (
            DISPUTED_ECHO.search(" ".join((text or "").split())) or disputes_a_condition(text)
        ):
            # "what open wound?? I told you I'm clear": the correction said back, the word not read again
            return self._safety_prediction(ACTION_LISTEN_NAME, tracker, domain)
        if FORGET_DENIED in done and not plan and intent not in _KNOWLEDGE_INTENTS:
            # "im not pregnant lol": action_forget_denied said the correction back; nothing else was asked
            # (never "Thanks for telling me. What would you like to know", user study round 7, #41)
            return self._safety_prediction(ACTION_LISTEN_NAME, tracker, domain)
        if (
            plan == [UTTER_CLARIFY] and not checking and RECOVERY.search(text or "")
            and tracker.get_slot("known_verdict") in ("do_not_use", "ask_doctor")
        ):
            # "and when it calms down? like in remission" after the eczema verdict: when the verdict ends, not
            # a new mention to clarify ("remission" alone is ambiguous; user study round 20, #9)
            plan = []
        if not plan and not checking and (
            _holds_verdict(tracker, intent, text, confidence) or _holds_safety_no(tracker, previous, text)
        ):
            # "only on my feet then?" after "do not use": the verdict again, never "OK" or a menu
            if FOLLOW_UP not in done:
                return self._safety_prediction(FOLLOW_UP, tracker, domain)
            return self._safety_prediction(ACTION_LISTEN_NAME, tracker, domain)
        if not plan and not checking and _keep_or_stop_topic(tracker, previous, text):
            if FOLLOW_UP not in done:
                return self._safety_prediction(FOLLOW_UP, tracker, domain)
            return self._safety_prediction(ACTION_LISTEN_NAME, tracker, domain)
        if (
            not plan and not checking and intent in _ACKNOWLEDGING and "?" in (text or "")
            and followup_kind(text) is FollowUp.STATUS
        ):
            # "so all good?" is a question, not a goodbye (user study round 41, #38: "Goodbye, and take
            # care!")
            if FOLLOW_UP not in done:
                return self._safety_prediction(FOLLOW_UP, tracker, domain)
            return self._safety_prediction(ACTION_LISTEN_NAME, tracker, domain)
        if not plan and not checking and _closes_chat(intent, text):
            # "ok i'll ask my doctor then", "cool that's all i wanted to know": the chat ends here; "OK. You
            # can ask what the pads can do..." read as not listening (user study round 20, #11); "I'll mention
            # the tingling to my GP" names nothing new (above; user study round 26, #32: the referral again)
            norm = _closing_norm(text)
            reply = UTTER_GOOD_PLAN if (
                _PLAN_TO_ASK.search(norm) or _WILL_DO.search(norm) or _OWN_PLAN.search(norm)
            ) else UTTER_GOODBYE
            if reply not in done:
                return self._safety_prediction(reply, tracker, domain)
            return self._safety_prediction(ACTION_LISTEN_NAME, tracker, domain)
        if not plan and not checking and _asks_help_again(tracker, previous, intent, text, confidence):
            # "would it clear them or not?" after "my source does not say it helps with psoriasis": that
            # answer again (padsafety.conversation.help_again), never a menu or how light works
            if FOLLOW_UP not in done:
                return self._safety_prediction(FOLLOW_UP, tracker, domain)
            return self._safety_prediction(ACTION_LISTEN_NAME, tracker, domain)
        if not plan and not checking and _asks_why_of_same(previous, intent, text):
            # "why is the evidence so weak then?" after the evidence answer: the reason, never the same
            # paragraph again (user study round 11, #26)
            if FOLLOW_UP not in done:
                return self._safety_prediction(FOLLOW_UP, tracker, domain)
            return self._safety_prediction(ACTION_LISTEN_NAME, tracker, domain)
        if not plan and not checking and _asks_same_again(previous, intent, text, confidence):
            # "and my feet? same thing?" after the circulation answer: that answer, for the new part
            if FOLLOW_UP not in done:
                return self._safety_prediction(FOLLOW_UP, tracker, domain)
            return self._safety_prediction(ACTION_LISTEN_NAME, tracker, domain)

        if set(EMERGENCY_REPLIES) & set(done):
            if tracker.active_loop_name and ACTION_DEACTIVATE_LOOP_NAME not in done:
                return self._safety_prediction(ACTION_DEACTIVATE_LOOP_NAME, tracker, domain)
            return self._safety_prediction(ACTION_LISTEN_NAME, tracker, domain)
        settled = {
            UTTER_HELP_ARRIVED, UTTER_STILL_GO, UTTER_STILL_GO_BURN, UTTER_BURN_COOLING, UTTER_NOT_SUDDEN,
            UTTER_DONT_WAIT, UTTER_HELP_COMING, UTTER_BURN_OLD,
        }
        if (set(FOLLOWUPS.values()) | settled) & set(done):
            return self._safety_prediction(ACTION_LISTEN_NAME, tracker, domain)
        for action_name in plan:
            if action_name not in done:
                return self._safety_prediction(action_name, tracker, domain)
        if (
            ASSESS in plan
            and not checking
            and intent in _BENEFIT_INTENTS
            and _assessed_do_not_use(tracker, text, about_other)
            and not (nerve_signs(text) or _source_silent(text))
            # ("my dad has an ICD, he wants to try my pad on his back" asks nothing: the verdict alone)
            and _ASKS.search(text or "") is not None
        ):
            # "im 10 weeks pregnant, does red light help skin glow?": the question is answered too, as general
            # information after a short lead that keeps the verdict first (action_verdict_reminder, said
            # right after the verdict); dropping it read as not listening (user study round 23, #27, #28)
            if VERDICT_REMINDER not in done:
                return self._safety_prediction(VERDICT_REMINDER, tracker, domain)
        elif (
            ASSESS in plan
            and not checking
            and (
                (
                    intent in _BENEFIT_INTENTS
                    and (_assessed_do_not_use(tracker, text, about_other) or nerve_signs(text))
                )
                # "my ankles are swollen, could the pad help?" read as the circulation question: after the
                # assessment, no paragraph of another topic (user study round 23 check); a second question of
                # its own ("... and also the fine lines?") and the topic answers are still answered
                or (intent in _KNOWLEDGE_INTENTS - _TOPIC_ANSWERS - {"ask_limitation_anti_aging"}
                    and _source_silent(text))
            )
        ):
            # "I'm 5 months pregnant, does it help my back?": a paragraph on how the pad may ease back pain
            # right after "you should not use a pad" reads as an invitation to use it (user study round 6,
            # #04, #16, #26). The verdict is the answer for this person; the benefits come only when asked
            # again, in a later turn, after "Remember: ... The following is general information only"
            # (the verdict reminder), which keeps the verdict first without refusing the information.
            return self._safety_prediction(ACTION_LISTEN_NAME, tracker, domain)
        if (
            plan
            and not checking
            # after the other person's referral, a generic list ("what can't it do") answers nothing asked,
            # nor does "results vary" ("her lupus is mild tho, still no?": user study round 9, #21)
            and (
                # (the children's answer is no rule the assessment covers: "im 15, does my age matter?" after
                # shin splints is answered, user study round 33, #36)
                intent not in _KNOWLEDGE_INTENTS | (
                    {"ask_avoid_children"} - _rules_named(text) if _AGE_ASKED.search(text or "") else set()
                )
                or (about_other and intent in _GENERIC_ANSWERS)
                # "what if he only uses it for 2 minutes?" after his verdict: the verdict again, never the
                # session-length text that reads as a go-ahead (user study round 35, #28)
                or (about_other and bool(SHORT_USE.search(text or "")))
                or (plan[0] == UTTER_REFERRAL_OTHER and intent == "ask_limitation_variability")
                # "yes or no, will it cure my osteoarthritis?": the assessment said no and gave the joint
                # answer; the chronic-disease paragraph (diabetes, heart disease) would stack a third
                or (intent == "ask_limitation_chronic_disease" and _topic_answered(tracker)
                    and bool(ASKS_FOR_CURE.search((text or "").lower())))
                # "and my blood pressure is high, it help also?": the assessment gave what the source says
                # of it; "my source does not cover that" after it contradicted it (user study round 41, #21)
                or (intent == "ask_not_in_source" and ASSESS in plan and _assessment_answers(text))
            )
            and not (plan == [UTTER_CLARIFY] and intent in _AVOID_INTENT_RULES)
            and not (intent == SCREENING_INTENT and ASSESS in plan and _check_still_useful(text))
            and not (intent == PET_INTENT and _ANIMAL.search(text or "") and not people_named([text or ""]))
            and UTTER_REFERRAL_GENERAL not in plan
            and VERDICT_REMINDER not in plan
        ):
            # the assessment offers the full check itself; only a question about the pad is answered
            # after it ("I have arthritis, does it help my knees?")
            return self._safety_prediction(ACTION_LISTEN_NAME, tracker, domain)
        if SCREENING_FORM in done and not in_form and not tracker.get_slot("requested_slot") and not plan:
            # the last answer completed the check this turn: its verdict, whatever the intent (user study
            # round 21, #4: "just the lyme but my doc is treating it", read as an emergency report, got
            # "Thanks for telling me" and no verdict)
            if SCREENING_VERDICT not in done:
                return self._safety_prediction(SCREENING_VERDICT, tracker, domain)
            if intent in (REFERRAL_INTENT, EMERGENCY_INTENT):
                return self._safety_prediction(ACTION_LISTEN_NAME, tracker, domain)
        if (
            in_form and not plan and intent in _BENEFIT_INTENTS and confidence < 0.5
            and "?" not in (text or "") and _form_rejected(tracker)
        ):
            # "my shoulders have been wrecked since the footy season" at a question: a statement the
            # classifier barely placed, neither an answer nor a question; the hint and the question again,
            # never a benefit paragraph (round 45's NLU examples moved it from the fallback to the muscle
            # question)
            return self._hint_then_question(tracker, domain, done)
        if not plan and intent in (REFERRAL_INTENT, EMERGENCY_INTENT) and previous not in CLARIFYING:
            # these intents are the policy's alone: nothing called for (a denied condition, a
            # classifier guess below the threshold) means the form goes on, or the bot listens
            if in_form:
                return self._hint_then_question(tracker, domain, done)
            if SEE_DOCTOR_QUESTION.search(" ".join((text or "").lower().split())):
                # "i need see doctor or not??", "could I have cracked something?": a plain yes and how soon,
                # never "Thanks for telling me" (user study round 26, #5, #59)
                if FOLLOW_UP not in done:
                    return self._safety_prediction(FOLLOW_UP, tracker, domain)
                return self._safety_prediction(ACTION_LISTEN_NAME, tracker, domain)
            if UTTER_ACKNOWLEDGE not in done:
                return self._safety_prediction(UTTER_ACKNOWLEDGE, tracker, domain)
            return self._safety_prediction(ACTION_LISTEN_NAME, tracker, domain)
        ours = {FORGET_DENIED, VERDICT_REMINDER}
        if intent != FRUSTRATION_INTENT:
            ours.add(UTTER_FRUSTRATION)
        inserted = (set(plan) | ours) & set(done)
        if inserted:
            # No rule expects the replies we inserted: predict as if they had not happened.
            prediction, _ = self._predict(self._without(tracker, domain, inserted), domain)
            return self._after_rules(prediction, previous, intent, text, tracker, domain)
        events = _turn_events(tracker)
        if not checking and not set(done) - {UTTER_FRUSTRATION, FOLLOW_UP} and (
            said_again_response(intent, turn_responses(events), text)
            or confirm_last_answer(answer_confirmed(events, previous, FOLLOW_UP), text)
            or confirm_both(_last_two_turns(tracker), text)
            or (
                yes_no_lead(intent, text) and not tracker.get_slot("known_verdict")
                and not tracker.get_slot("known_other_conditions")
            )
        ):
            # the answer just given, asked for again in other words: its short version (action_follow_up),
            # never the paragraph word for word; "so basically no?" after it: its plain yes or no; "yes or no,
            # will it ...?": the plain answer first (user study round 35)
            if FOLLOW_UP in done:
                return self._safety_prediction(ACTION_LISTEN_NAME, tracker, domain)
            return self._safety_prediction(FOLLOW_UP, tracker, domain)
        prediction, _ = self._predict(tracker, domain)
        return self._after_rules(prediction, previous, intent, text, tracker, domain)

    def _after_rules(
        self, prediction: PolicyPrediction, previous: Optional[Text], intent: Optional[Text],
        text: Optional[Text], tracker: DialogueStateTracker, domain: Domain,
    ) -> PolicyPrediction:
        """The rules' prediction, with a waiting deletion asked again and arthritis given the joint answer."""
        prediction = self._deletion_still_asked(prediction, previous, intent, tracker, domain)
        if tracker.active_loop_name == SCREENING_FORM:
            if _predicted_action(prediction, domain) == UTTER_ANSWER_HINT and is_pause(text):
                # "hang about, someone's at the door, give us a minute": take your time, not the answer hint
                return self._safety_prediction(UTTER_PAUSE, tracker, domain)
        return self._joint_disease_answer(prediction, text, tracker, domain)

    def _hint_then_question(
        self, tracker: DialogueStateTracker, domain: Domain, done: List[Text]
    ) -> PolicyPrediction:
        """In the check, a message that is no answer: the answer hint and the question again, or the form."""
        hinted = UTTER_ANSWER_HINT in done or UTTER_PAUSE in done
        if _form_rejected(tracker) and not hinted:
            # the form could not read an answer ("does eczema I had as a kid count?"): never silence; a pause
            # ("someone's at the door, give us a minute") gets "take your time" instead
            pause = is_pause(tracker.latest_message.text if tracker.latest_message else None)
            return self._safety_prediction(UTTER_PAUSE if pause else UTTER_ANSWER_HINT, tracker, domain)
        ask = f"utter_ask_{tracker.get_slot('requested_slot')}"
        if hinted and ask in domain.action_names_or_texts and ask not in done:
            # and the question again, with its buttons: the hint alone left the user without it, and their
            # next "no" was read outside the check (user study round 41, #5)
            return self._safety_prediction(ask, tracker, domain)
        if tracker.active_loop_name in done or _form_rejected(tracker):
            # the form took the answer and asked its next question: wait for the user
            return self._safety_prediction(ACTION_LISTEN_NAME, tracker, domain)
        return self._safety_prediction(tracker.active_loop_name, tracker, domain)

    def _deletion_still_asked(
        self, prediction: PolicyPrediction, previous: Optional[Text], intent: Optional[Text],
        tracker: DialogueStateTracker, domain: Domain,
    ) -> PolicyPrediction:
        """A question answered while a deletion waits for its yes ("What do you store at all?" after "Do you
        want me to delete ...?"): the deletion question again, so it is not dropped (user study round 45,
        #20: the user left believing the data was deleted)."""
        done = _executed(current_turn(tracker))
        if (
            previous != CONFIRM_FORGET or not done or CONFIRM_FORGET in done
            or intent in ("affirm", "deny", "stop", FORGET_INTENT) or FORGET_ME in done
        ):
            return prediction
        if _predicted_action(prediction, domain) != ACTION_LISTEN_NAME:
            return prediction
        return self._safety_prediction(CONFIRM_FORGET, tracker, domain)

    def _joint_disease_answer(
        self, prediction: PolicyPrediction, text: Optional[Text], tracker: DialogueStateTracker,
        domain: Domain,
    ) -> PolicyPrediction:
        """"Can these pads cure arthritis?": the source's answer about joints (some relief of stiffness, no
        cure for joint diseases such as osteoarthritis), never the chronic-disease paragraph about diabetes
        and the heart (user study round 45, #13: "diabetic foot" for arthritis)."""
        if not JOINT_DISEASE.search(text or "") or _CHRONIC_NAMED.search(text or ""):
            return prediction
        if "utter_benefit_muscle_joint" in _executed(current_turn(tracker)) and (
            tracker.latest_message.intent.get("name") == "ask_limitation_chronic_disease"
        ):
            # (said instead of the chronic-disease paragraph: no rule expects it, so the turn ends here)
            return self._safety_prediction(ACTION_LISTEN_NAME, tracker, domain)
        if _predicted_action(prediction, domain) != "utter_limitation_chronic_disease":
            return prediction
        return self._safety_prediction("utter_benefit_muscle_joint", tracker, domain)

    def _prediction_states(
        self,
        tracker: DialogueStateTracker,
        domain: Domain,
        use_text_for_last_user_input: bool = False,
        rule_only_data: Optional[Dict[Text, Any]] = None,
    ) -> List[Dict[Text, Any]]:
        """The states the rules compare: those of the last turns only (components/rule_window.py).

        A rule compares at most its own length of states, so states further back never change a
        prediction; featurising them made every turn cost more than the one before (#16).
        """
        horizon = max(
            (
                len(self._rule_key_to_state(key))
                for table in (RULES, RULES_FOR_LOOP_UNHAPPY_PATH)
                for key in self.lookup.get(table, {})
            ),
            default=0,
        )
        featurized = [slot.name for slot in domain.slots if slot.influence_conversation]
        window = recent_tracker(tracker, horizon + MARGIN, featurized)
        if window is not None:
            states = super()._prediction_states(
                window, domain, use_text_for_last_user_input, rule_only_data
            )[1:]  # the window's first state has no previous action: not the conversation's
            if len(states) > horizon:  # (Rasa merges a form's turns: a window can hold fewer states)
                return states
        return super()._prediction_states(tracker, domain, use_text_for_last_user_input, rule_only_data)

    def _safety_prediction(
        self, action_name: Text, tracker: DialogueStateTracker, domain: Domain
    ) -> PolicyPrediction:
        return self._rule_prediction(
            self._prediction_result(action_name, tracker, domain), f"safety:{action_name}"
        )

    @staticmethod
    def _without(tracker: DialogueStateTracker, domain: Domain, names: set) -> DialogueStateTracker:
        events = list(tracker.events)
        turn_start = len(events) - len(current_turn(tracker))
        kept = events[:turn_start] + [
            e
            for e in events[turn_start:]
            if not (isinstance(e, ActionExecuted) and e.action_name in names)
        ]
        return DialogueStateTracker.from_events(tracker.sender_id, kept, domain.slots)


# Questions about what the pad does: still answered after an assessment.
_KNOWLEDGE_INTENTS = {
    "ask_how_it_works", "ask_benefits", "ask_benefit_muscle_joint", "ask_benefit_wound_healing",
    "ask_benefit_circulation", "ask_limitations", "ask_evidence", "ask_limitation_weight_loss",
    "ask_limitation_chronic_disease", "ask_limitation_anti_aging", "ask_limitation_variability",
    "ask_limitation_medical_substitute", "ask_usage_safety", "ask_not_in_source",
}
# The who-should-avoid questions, and the rules their answers cover.
_AVOID_INTENT_RULES = {
    "ask_avoid_pregnancy": {"pregnancy"},
    "ask_avoid_skin_conditions": {"skin_infection_or_eczema", "open_wound"},
    "ask_avoid_photosensitivity": {"photosensitivity", "photosensitising_medication"},
    "ask_avoid_implanted_device": {"implanted_device"},
    "ask_avoid_children": {"children"},
}


# (a question after a statement counts too: "had shingles last year, it's cleared up now. can i use the wrap
# on my back" got "Thanks for telling me", its question unanswered)
_QUESTION = re.compile(
    r"\?|(?:^|[.!;]\s+)\W*(what|which|who|why|how|when|where|is|are|can|could|should|would|will|does|do|may|"
    r"might)\b",
    re.IGNORECASE,
)


# Answers about what the pad may do for someone: never right after a "do not use" for them.
_TOPIC_ANSWERS = {"ask_not_in_source", "ask_usage_safety"}
_BENEFIT_INTENTS = {
    "ask_benefits", "ask_benefit_muscle_joint", "ask_benefit_wound_healing", "ask_benefit_circulation",
}


# guesses that ask nothing of their own in a short follow-up ("and my feet? same thing?" read as "results
# vary" or as a complaint)
_SAME_GUESSES = {"nlu_fallback", "affirm", "out_of_scope", "deny", "dont_know", "ask_followup",
                 "express_frustration", "ask_limitation_variability"}


def _asks_same_again(
    previous: Optional[Text], intent: Optional[Text], text: Optional[Text], confidence: float
) -> bool:
    """"and my feet? same thing?", "and the fat on my arms?" right after a knowledge answer: that answer
    again, for the part named (user study round 9, #30, #41); never over a new topic, a condition or a
    confident question of its own."""
    if not text or text.startswith("/") or not (previous or "").startswith(SAME_ANSWERS):
        return False
    if followup_kind(text) is not FollowUp.SAME:
        return False
    if intent not in _SAME_GUESSES and confidence >= 0.5:
        return False
    if beyond_source_topic(text) is not None:
        return False
    found = recognise(text)
    return not found.mentions and not found.red_flags


_HELP_GUESSES = _SAME_GUESSES | {"ask_how_it_works", "ask_benefits", "ask_evidence", "ask_not_in_source",
                                 "ask_limitations", "ask_limitation_chronic_disease"}


def _asks_why_of_same(previous: Optional[Text], intent: Optional[Text], text: Optional[Text]) -> bool:
    """A why-question whose intent would give the answer just given again ("why is the evidence so weak?"
    right after the evidence answer)."""
    if not text or text.startswith("/") or not intent or not intent.startswith("ask_"):
        return False
    return previous == "utter_" + intent[4:] and bool(WHY_QUESTION.search(text))


# "I'll ask my doctor then", "ok I'll call the surgeon's office tomorrow morning. thanks": a plan to ask
# someone, which gets "that's the right step" (utter_good_plan)
_PLAN_TO_ASK = re.compile(
    # "I have a midwife appointment friday, I'll ask her" (user study round 29, #3)
    r"\b(appointment|appt|check-?up|visit)\b[^.!?]{0,40}\b(i'?ll|i will|gonna)\s+"
    r"(ask|tell|show|mention it to)\s+(her|him|them)\b[\s,.!]*((thanks|thank you|thx|ty|cheers|bye)\W*)?$|"
    # (after a sentence of its own: "I've cooled it. I'll pop into the pharmacy this afternoon")
    r"(^|[.!?]\s+)\W*((ok|okay|k|cool|great|right|alright|fine|thanks|thank you|thx|ty|perfect|got it|i see|"
    # ("och never mind, I'll ask the GP. ta", "ugh fine ill get my mom to ask the doctor": user study round
    # 46, #7, #23)
    r"forget it|ugh|och|aye|ah|oh|sure|sige( po)?|"
    r"never ?mind|ok then|good idea|will do|noted|danke|merci|gracias|obrigad[oa]|makes sense|i guess|maybe|"
    r"probably)"
    r"( dear| love| hun| mate| so much| very much| then)?[\s,.!]+)*"
    # ("ok i ask my cardiologist. danke": a learner's present tense, user study round 31, #13)
    r"(i'?ll|i will|ill|we'?ll|i'?m going to|im going to|gonna|i'?m gonna|i go|we go|i|"
    # "she'll ask her rheumatologist" (user study round 30, #25)
    r"she'?ll|he'?ll|they'?ll|she will|he will|they will)\s+"
    r"(just\s+|definitely\s+|probably\s+|also\s+|first\s+)?"
    r"(ask|talk to|speak to|see|call|ring|phone|check with|"
    r"tell (her|him|them) to (see|ask|call|talk to|speak to)|"
    r"get (my|her|his|our) \w+ to (ask|call|see|check with|talk to)|"
    r"book (in |an appointment |an appt |a visit )?with|make an appointment with|"
    # "I'll show the toe to my GP this week", "I'll mention the tingling to my GP" (user study round 26, #4,
    # #32; round 27, #19, #37: "Sorry, I can only help ...", the referral again, "OK. You can ask ...")
    r"(show|mention|bring|bring up|run)\s+(it|this|that|them|these|those|the\s+\w+|my\s+\w+|his\s+\w+|"
    r"her\s+\w+)(\s+up)?\s+(to|with|by|past)|"
    r"get\s+(it|this|that|them|the\s+\w+|my\s+\w+)\s+(checked|looked at|seen)\s+by|"
    # "I'll take him to the GP tomorrow", "I'll pop into the pharmacy", "I'll mention it at my INR clinic"
    # (user study round 29, #32, #22, #26)
    r"take\s+(him|her|them|it|my \w+)\s+to|pop\s+(in)?to|go\s+to|head\s+to|(?<=go )to|"
    r"(mention|bring up|raise)\s+(it|this|that)\s+at|"
    # "I'll ask at the baby checkup" (user study round 31, #28)
    r"ask\s+((her|him|them)\s+)?at|bring\s+(it|this|that|them)\s+up\s+at)"
    r"\s+(my|our|her|his|their|the|a)\s+"
    r"(\w+\s+)?(\w+'s\s+)?(doctor|doc|gp|vet|midwife|cardiologist|dermatologist|derm|rheumatologist|oncologist|"
    r"appointment|appt|check-?up|checkup|review|scan|wound check|dressing check|"
    # ("forget it, I'll ask my PT.": user study round 46, #57)
    r"pt|physical therapist|physiotherapist|therapist|"
    r"pharmacist|pharmacy|chemist|specialist|consultant|surgeon|nurse|physio|paediatrician|pediatrician|"
    r"neurologist|health visitor|hautarzt|manufacturer|maker|supplier|clinic|diabetes team|care team|"
    # "I'll ask my OB at my next appointment" (user study round 30, #4)
    r"ob|obgyn|ob-gyn|obstetrician|gynae|gynaecologist|gynecologist|optician|optometrist|dentist|"
    r"practice|surgery|a ?& ?e|urgent care)s?"
    r"('?s)?(\s+(office|surgery|practice|clinic|team|line))?"
    r"(\s+(then|first|soon|asap|today|tonight|tomorrow( morning| afternoon)?|"
    r"(specifically |directly )?about (it|that|this|them|red light|the pad|the light|red-light therapy)|"
    r"(this|next) (week|month)|on \w+day|in the morning|this afternoon|later( today| on)?|"
    # "I'll ask my midwife at the next appointment on thursday" (user study round 28, #3), "at the baby's
    # checkup next week" (round 29, #16)
    r"at (the|my|our|his|her) (\w+'?s )?(next )?(appointment|appt|check-?up|visit|review|scan)|"
    r"when i see (him|her|them)|when (he|she|they) (calls?|rings?)( back)?|together|"
    # "... at my next check-up in march" (user study round 31, #32)
    r"in (january|february|march|april|may|june|july|august|september|october|november|december)|"
    r"in (a|one|two|three|\d+) (days?|weeks?|months?)))*[\s,.!]*"
    r"((thanks|thank you|thx|ty|ta|cheers|bye|danke|merci|gracias|obrigad[oa]|salamat)"
    r"( so much| dear| po)?\W*)?$",
    re.IGNORECASE,
)
# "i'll ask my doctor then", "ok ill ask the vet, thanks", "i'll tell her to see her rheumatologist",
# "that's all i wanted to know": the user leaves with what they came for
# "ok, will do", "got it, will do thanks" after advice (user study round 30, #31: "OK. You can ask ...")
_WILL_DO = re.compile(
    r"^\W*((ok|okay|k|sure|right|alright|great|cool|thanks|thank you|got it|understood|noted)[\s,.!]+)*"
    # "ok so ask her diabetes team or the pump company. will do" (user study round 47, #10: the verdict again)
    r"((so\s+)?(ask|see|call|ring|check with|talk to|speak to|contact)\s+[^.!?]{1,60}[.!,]+\s*)?"
    r"(will do|i'?ll do that|i'?ll do it)[\s,.!]*((thanks|thank you|thx|ty|cheers)\W*)?$",
    re.IGNORECASE,
)
# "maybe ill get the shoulder checked", "I'll skip it the day of the race then. thx" (user study round 31,
# #9, #3)
_OWN_PLAN = re.compile(
    r"(^|[.!?]\s+)\W*((ok|okay|thanks|thank you|thx|cheers|i guess|maybe|probably|right|fine|no)[\s,.!]+)*"
    r"(maybe\s+|probably\s+)?(i'?ll|ill|i will|i'?m going to|im going to|gonna)\s+"
    r"(get\s+(it|this|that|them|the\s+\w+|my\s+\w+|him|her)\s+(checked( out)?|looked at|seen( to)?)|"
    r"(skip|avoid|leave|hold off( on)?|not use|give)\s+(it|the pad|using it)\b|"
    # "ok thanks, I'll check the shop for prices" (user study round 42, #12: the business answer again)
    r"(check|ask|try|contact|email|ring|call|look at|have a look at)\s+(with\s+)?(the|my|their|a)\s+"
    r"(shop|seller|store|retailer|website|site|manufacturer|maker|brand|amazon|pharmacy|chemist)\b)[^?]{0,40}?"
    r"[\s,.!]*((thanks|thank you|thx|ty|cheers)\W*)?$",
    re.IGNORECASE,
)
_CLOSING = re.compile(
    _OWN_PLAN.pattern + "|" + _WILL_DO.pattern + "|" + _PLAN_TO_ASK.pattern + "|"
    r"^\W*((ok|okay|k|cool|great|perfect|alright|right|thanks|thx)[\s,.!]+)*(that'?s|thats|that is) "
    r"(all|everything) (i|we) (wanted|needed|want|need)(ed)?( to (know|ask))?\b[\s\w,.!]{0,20}$|"
    # "ok thanks, bye!", "thx, thats all" (user study round 24: "You're welcome! Anything else ...?")
    # "fair enough. thanks, bye" (user study round 27, #1)
    r"^\W*((ok|okay|k|cool|great|perfect|alright|right|fair enough|got it|i see|understood|noted|makes sense)"
    r"[\s,.!]+)*(thanks|thank you|thx|ty|cheers|ta)( so much| very much| a lot)?[\s,.!]*"
    r"(bye|goodbye|bye bye|cya|see ya|see you|(that'?s|thats) (all|it))\W*$|"
    # "thats all", "ok that's it for now, thanks" (user study round 24: "Anything else you'd like to know?")
    r"^\W*((ok|okay|k|cool|great|perfect|alright|right|thanks|thx)[\s,.!]+)*(that'?s|thats|that is) (all|it)"
    r"( for (now|today))?[\s,.!]*((thanks|thank you|thx|ty|cheers|bye)\W*)?$|"
    # "whatever. im done", "ok i'm done here thanks" (user study round 23, #19: not understood)
    r"^\W*((ok|okay|k|cool|great|fine|alright|right|whatever|thanks|thx)[\s,.!]+)*(i'?m|im|i am|we'?re) "
    r"(done|finished)( (here|now|for now|then|with this))?[\s,.!]*"
    r"((thanks|thank you|thx|ty|cheers|bye)\W*)?$",
    re.IGNORECASE,
)
_CLOSING_GUESSES = {"affirm", "deny", "dont_know", "thank", "goodbye", "stop", "nlu_fallback", "out_of_scope",
                    "ask_followup"}


# "im not a kid lol im 15", "I'm not a child, I'm sixteen"
_NOT_A_KID = re.compile(
    r"\b(i'?m|im|i am|he'?s|she'?s|he is|she is)\s+(not|no longer)\s+a\s+(kid|child|baby|little kid)\b|"
    r"\bnot a (kid|child|baby) (any ?more|now)\b|\b(i'?m|im|i am)\s+(already\s+)?(1[3-7]|thirteen|fourteen|"
    r"fifteen|sixteen|seventeen)\b(?!\s*(weeks?|months?|days?|kg|stone|min))",
    re.IGNORECASE,
)
# "forget the pacemaker for a sec", "leaving aside my diabetes", "apart from the pump": a known condition set
# aside for the question
_SET_ASIDE = re.compile(
    r"\b(forget( about)?|never ?mind|leav(e|ing) aside|set(ting)? aside|ignor(e|ing)|apart from|aside from|"
    r"putting aside|put aside)\s+(the|my|his|her|their|that|this)\s+(\w+\s+){0,2}?(\w+)"
    r"(\s+(for a|for one|for now)\s*(sec|second|moment|minute|bit|mo)?)?\b",
    re.IGNORECASE,
)


def _closing_norm(text: Optional[Text]) -> Text:
    return " ".join((text or "").lower().replace("\u2019", "'").split())


def _closes_chat(intent: Optional[Text], text: Optional[Text]) -> bool:
    """"I'll ask my doctor then" outside the safety check: a goodbye."""
    norm = _closing_norm(text)
    # ("Thanks, I'll bring the tingling up with my GP next week." read as a warning sign at 0.4: with nothing
    # recognised to act on, a plan to see a doctor is one whatever the guess)
    planned = intent in ("mention_condition", "report_red_flag") and bool(_PLAN_TO_ASK.search(norm))
    # a plan said as a statement closes the chat whatever the guess ("ok i ask my cardiologist next week.
    # danke" read as a usage question: user study round 31, #13)
    stated = "?" not in norm and bool(
        _PLAN_TO_ASK.search(norm) or _OWN_PLAN.search(norm) or _WILL_DO.search(norm)
    )
    return (intent in _CLOSING_GUESSES or planned or stated) and bool(_CLOSING.search(norm))


def _asks_help_again(
    tracker: DialogueStateTracker, previous: Optional[Text], intent: Optional[Text], text: Optional[Text],
    confidence: float,
) -> bool:
    """"would it clear them or not?" right after "my source does not say it helps with psoriasis"."""
    if intent not in _HELP_GUESSES and confidence >= 0.6:
        return False
    recent = _recent_actions(tracker)
    if previous not in (ASSESS, FOLLOW_UP) and ASSESS not in recent:
        return False
    earlier = [e.text or "" for e in tracker.events if isinstance(e, UserUttered)][:-1]
    helped = help_again_answer(text, earlier)
    if helped is None or helped[0] == "text":
        # (also after a topic's answer that followed the assessment: "i have rosacea on my cheeks, will red
        # light help" gets the verdict, then the skin topic)
        return helped is not None and (previous in (ASSESS, FOLLOW_UP) or ASSESS in recent)
    # "so it does nothing for veins?" after the verdict for varicose veins (and the answer that medicines
    # stay): the source's answer for it, unless it was just given (actions/conversation.py
    # help_response_again; user study round 15, #25)
    return helped[1] not in recent


def _last_two_turns(tracker: DialogueStateTracker) -> List[Text]:
    """The responses of the two turns before the latest message (the channels split a message of two
    questions into two turns)."""
    events = _turn_events(tracker)
    return turn_responses(events, 2) + turn_responses(events)


def _recent_actions(tracker: DialogueStateTracker, turns: int = 3) -> List[Text]:
    """The actions run in the last ``turns`` user turns."""
    names: List[Text] = []
    users = 0
    for event in reversed(tracker.events):
        if isinstance(event, UserUttered):
            users += 1
            if users > turns:
                break
        elif isinstance(event, ActionExecuted):
            names.append(event.action_name or "")
    return names


# a young age or children asked about in words ("im 15", "does my age matter", "do teens need to be careful"),
# not only a son or daughter named (who may be grown up)
_AGE_ASKED = re.compile(
    r"\b(i'?m|im|i am|he'?s|she'?s|he is|she is|aged?) " + UNDER_18 + r"|"
    r"\b(kids?|children|teens?|teenagers?|minors?|my age|too young|old enough)\b",
    re.IGNORECASE,
)


def _rules_named(text: Optional[Text]) -> set:
    """The avoid intents whose rules the message names (a child named is in the assessment already)."""
    if not text or text.startswith("/"):
        return set()
    rules = {m.rule_id for m in recognise(text).affirmed()}
    return {intent for intent, covered in _AVOID_INTENT_RULES.items() if covered & rules}


def _source_silent(text: Optional[Text]) -> bool:
    """"my ankles are swollen, could the pad bring that down?": the assessment says the source does not
    cover it (or that the condition needs medical attention first), so a paragraph on what the pad may ease
    would contradict it (user study round 13, #36)."""
    if not text or text.startswith("/") or not asks_if_it_helps(text):
        return False
    # the sentence that asks: "i cut my hand, still open. main question: can it help cold hands?" asks about
    # the hands, which the wound's answer does not cover (user study round 23, #28)
    asking = [part for part in re.split(r"(?<=[.!?])\s+", text) if asks_if_it_helps(part)]
    if asking and not any(recognise(part).affirmed() for part in asking):
        return False
    found = [(m.condition, m.text) for m in recognise(text).affirmed()]
    helped = condition_help(found) if found else None
    # "chemo for a tumour in his leg, would a pad help with the pain?": the assessment says a tumour needs
    # medical attention first; "may give some relief" after it implies a benefit the source never claims
    # (user study round 20, #5)
    return helped is not None and (helped[0] == "text" or helped[1] == "utter_limitation_medical_substitute")


# someone named without "my": "my husband"-less people ("he", "she", "her son", "a friend", "the kids")
OTHER_PERSON_NAMED = re.compile(
    r"\b(he|she|him|her|his|hers|he'?s|she'?s|friend|partner|husband|wife|son|daughter|mum|mom|dad|mother|"
    r"father|kids?|child|children|baby|client|patient|sister|brother)\b",
    re.IGNORECASE,
)
# "what is meant by acute eczema?", "what does photosensitive mean", "what counts as an open wound?"
_DEFINITION = re.compile(
    # ("hang on what does photosensitivity mean": user study round 49, #18)
    r"^\W*((ok|okay|so|and|but|sorry|wait|hang on|hold on|one sec|quick question|just to check)\W+)*"
    r"(what (is|'s|s) meant by|what (does|do) [\w' -]{1,30} mean\b|"
    r"what counts as|what'?s the meaning of|meaning of|define|definition of|"
    r"what (is|are) (an? )?(acute|open)\b)",
    re.IGNORECASE,
)


def _assessment_answers(text: Optional[Text]) -> bool:
    """The assessment answers the question with the source's own paragraph for the condition named, and the
    message asks about no topic of its own."""
    if not text or text.startswith("/") or beyond_source_topic(text) is not None:
        return False
    found = [(m.condition, m.text) for m in recognise(text).affirmed()]
    helped = condition_help(found) if found else None
    return helped is not None and helped[0] == "response"


def _acknowledged_lately(tracker: DialogueStateTracker) -> bool:
    """Whether one of the last two bot turns already said sorry for the frustration (once is kind; every
    turn reads as a script)."""
    users = 0
    for event in reversed(tracker.events):
        if isinstance(event, UserUttered):
            users += 1
            if users > 2:
                return False
        elif isinstance(event, ActionExecuted) and event.action_name == UTTER_FRUSTRATION:
            return True
    return False


def _assessed_do_not_use(tracker: DialogueStateTracker, text: Optional[Text], about_other: bool) -> bool:
    """Whether this turn's assessment said "do not use" (the conditions named now, with those known before
    for the same person: the assessment has already stored this turn's)."""
    mentions = recognise(text if text and not text.startswith("/") else None).affirmed()
    return do_not_use_for(
        [m.condition for m in mentions],
        tracker.get_slot("known_other_conditions") or []
        if about_other or any(m.experiencer is Experiencer.OTHER for m in mentions)
        else tracker.get_slot("known_conditions") or [],
    )


def do_not_use_for(named: List[Text], known: List[Text]) -> bool:
    """Whether the rules say "do not use" for these conditions (canonical names)."""
    book = default_rulebook()
    names = [n for n in dict.fromkeys([*named, *known]) if _is_condition(book, n)]
    return bool(names) and book.assess_conditions(names).verdict is Verdict.DO_NOT_USE


def _is_condition(book: Any, name: Text) -> bool:
    try:
        book.condition(name)
    except KeyError:
        return False
    return True


def _has_verdict(tracker: DialogueStateTracker) -> bool:
    """A remembered "do not use" or "ask your doctor", the user's or the other person's."""
    return tracker.get_slot("known_verdict") in ("do_not_use", "ask_doctor") or bool(
        tracker.get_slot("known_other_conditions")
    )


def _other_rules(tracker: DialogueStateTracker) -> set:
    """The rules of the conditions named for someone else."""
    book = default_rulebook()
    return {book.condition(n).rule_id for n in tracker.get_slot("known_other_conditions") or []}


def _names_topic(text: Optional[Text]) -> bool:
    """Whether the message names a topic the source does not cover ("could it make the bone knit?")."""
    return beyond_source_topic(text or "") is not None


def _user_texts(tracker: DialogueStateTracker) -> List[Text]:
    """The texts of the user's messages, oldest first."""
    return [e.text or "" for e in tracker.events if isinstance(e, UserUttered)]


def _own_rules(tracker: DialogueStateTracker) -> set:
    """The rules of the conditions the user named for themselves."""
    book = default_rulebook()
    return {book.condition(n).rule_id for n in tracker.get_slot("known_conditions") or []}


def _known_conditions(tracker: DialogueStateTracker) -> set:
    """The conditions behind the remembered verdicts, the user's and the other person's."""
    own, other = tracker.get_slot("known_conditions"), tracker.get_slot("known_other_conditions")
    # (and those of people the conversation turned away from: "that's my dad's pacemaker")
    earlier = [n for names in (tracker.get_slot("people_conditions") or {}).values() for n in names]
    return {*(own or []), *(other or []), *earlier}


# Replies that acknowledge or state a plan ("ok thanks, I'll ask my midwife"), as the hints read them.
_ACKNOWLEDGING = {"affirm", "thank", "goodbye"}


# Someone the user plans to ask, not a condition they disclose ("thanks, I'll run it past my midwife" after
# the breastfeeding answer got the pregnancy verdict: user study round 6 findings, dev round 5)
_CARE_GIVER = re.compile(r"\b(midwife|oncologist|cardiologist)\b", re.IGNORECASE)


def _switched_this_turn(tracker: DialogueStateTracker) -> bool:
    """action_follow_up turned the conversation to another person in this turn: its answer was the turn's."""
    switched = False
    for event in reversed(tracker.events):
        if isinstance(event, UserUttered):
            return False
        if isinstance(event, SlotSet) and event.key == "people_conditions":
            switched = True
        elif isinstance(event, ActionExecuted):
            if switched and event.action_name == FOLLOW_UP:
                return True
            switched = False
    return False


def _switches_person(
    tracker: DialogueStateTracker, text: Optional[Text], plan: List[Text], known: set
) -> bool:
    """The message turns to another person than the one whose conditions are remembered, naming no new
    condition (a new one is assessed for them as usual, see action_assess_condition)."""
    switch = person_switch(
        text, tracker.get_slot("known_other_person"), tracker.get_slot("known_other_conditions"),
        tracker.get_slot("people_conditions"),
    )
    if not switch:
        # "my sister doesn't have a pacemaker, that's my dad. so is she fine?" once turned to the sister
        return asks_about_turned_to(
            text, tracker.get_slot("known_other_person"), tracker.get_slot("known_other_conditions"),
            tracker.get_slot("people_conditions"), [m.condition for m in recognise(text).affirmed()],
        )
    return not plan or plan == [UTTER_CLARIFY] or names_only_known(text, known) or (
        plan[:1] == [VERDICT_REMINDER]
    )


def names_only_known(text: Optional[Text], known: set, plan: bool = False) -> bool:
    """Every condition the message affirms was named before (its verdict already given); in a plan or
    thanks (``plan``), a care-giver it names ("my midwife") is no condition."""
    if not text or text.startswith("/") or not known:
        return False
    book = default_rulebook()
    # "I'll wait until I'm done with the antibiotics" after doxycycline: the same medicine by its kind, not
    # an infection of its own (user study round 30, #10: "Another medical condition (infection)")
    on_medicine = any(
        _is_condition(book, name) and book.condition(name).rule_id == "photosensitising_medication"
        for name in known
    )
    named = {
        m.condition for m in recognise(text).affirmed()
        if not (plan and _CARE_GIVER.search(m.text)) and not (on_medicine and _ANTIBIOTICS.search(m.text))
    }
    return named <= known


# "the pump isnt even near my back", "it's on the other side", "far from my chest"
_NOT_NEAR = re.compile(
    r"\b(isn'?t|is not|not|nowhere|aren'?t|are not)\b[^.?!]{0,15}\b(near|close to|anywhere near)\b|"
    r"\bother (side|end)\b|\bfar (away )?from\b|\bnowhere near\b",
    re.IGNORECASE,
)
_ANTIBIOTICS = re.compile(r"\b(antibiotics?|abx)\b", re.IGNORECASE)


def asks_about_known(text: Optional[Text], known: set) -> bool:
    """A "why?" or "should I see a doctor?" whose conditions were all named before (their verdict given)."""
    if not text or text.startswith("/") or not known:
        return False
    norm = " ".join(text.lower().replace("\u2019", "'").split())
    if not (WHY_QUESTION.search(norm) or SEE_DOCTOR_QUESTION.search(norm)):
        return False
    return bool(recognise(text).affirmed()) and names_only_known(text, known)


# a condition word that names a carer or a company ("his diabetes nurse", "the pump company")
_WHOM = re.compile(
    r"\s*(nurse|team|clinic|company|maker|manufacturer|doctor|specialist|consultant|service|people|helpline)s?\b"
)


def asks_who_to_ask(text: Optional[Text], tracker: DialogueStateTracker) -> bool:
    """"Who exactly should she ask?" after a verdict, naming no condition not already known."""
    known = _known_conditions(tracker)
    if not text or text.startswith("/") or not (known or tracker.get_slot("known_verdict")):
        return False
    if not WHO_TO_ASK_QUESTION.search(" ".join(text.lower().replace("\u2019", "'").split())):
        return False
    # ("the pump company or his diabetes nurse?": whom to ask, naming no new condition of anyone's)
    lowered = text.lower()
    named = {
        m.condition for m in recognise(text).affirmed()
        if m.experiencer is not Experiencer.GENERAL and not _WHOM.match(lowered, m.end)
    }
    return named <= known


def _denies_asked_rule(text: Optional[Text], intent: Optional[Text]) -> bool:
    """A who-should-avoid guess for a statement that only rules that topic out ("no pacemaker either")."""
    rules = _AVOID_INTENT_RULES.get(intent or "")
    if not rules or not text or text.startswith("/") or _QUESTION.search(text):
        return False
    recognition = recognise(text)
    return not recognition.affirmed() and bool(rules & recognition.negated_rules())


# Questions whose answer could read as a green light after a "do not use" ("only on my shoulders?").
_REMINDER_INTENTS = {
    "ask_how_it_works", "ask_benefits", "ask_benefit_muscle_joint", "ask_benefit_wound_healing",
    "ask_benefit_circulation", "ask_usage_safety", "ask_not_in_source", "ask_limitation_variability",
}
# Replies that state the verdict themselves: no reminder right after them.
_STATES_VERDICT = {VERDICT_REMINDER, "action_follow_up"}


def _needs_verdict_reminder(
    tracker: DialogueStateTracker,
    intent: Optional[Text],
    previous: Optional[Text],
    text: Optional[Text] = None,
) -> bool:
    """A remembered "do not use", a question that could undercut it, and not just said."""
    return (
        tracker.get_slot("known_verdict") in ("do_not_use", "ask_doctor")
        # "so can i use it on the scar or not": asks for the verdict itself (_holds_verdict), not for a topic
        # answer after a reminder (user study round 8, #33: the scar answer restated the wound benefit)
        and not _STATUS_CUE.search(text or "")
        and intent in _REMINDER_INTENTS
        and previous not in _STATES_VERDICT
        # (a deletion waiting for its yes: the question about what is stored, then the deletion again)
        and previous != CONFIRM_FORGET
        and not is_practical_question(text)
        # "and my other arm, the left one, miles from it?": only another body part, which the verdict answers
        # (_holds_verdict), never a reminder and a benefit paragraph (a classifier's guess of the muscle
        # question, user study round 45's NLU data)
        and not (
            intent in _BENEFIT_INTENTS and OTHER_AREA.search(text or "")
            and not _SAYS_PAIN_OR_HELP.search(text or "")
        )
    )


def is_practical_question(text: Optional[Text]) -> bool:
    """A question about the device itself ("what colour is the light?", "is it supposed to flash?"): it
    asks nothing about whether the user may use the pad, so the verdict is not repeated before it."""
    if not text or text.startswith("/"):
        return False
    topic = beyond_source_topic(text)
    return topic is not None and topic.id in PRACTICAL_TOPICS

# After an emergency follow-up, these keep the emergency advice coming ("ok", "my wife is calling an
# ambulance", "should I lie down?"); anything else (a question about the pad, thanks) moves on.
_STILL_IN_EMERGENCY = {
    None, "nlu_fallback", "affirm", "deny", "dont_know", "out_of_scope", "stop", "report_red_flag",
    "mention_condition", "ask_followup", "request_human",
}

# Replies the classifier cannot place, which after a "do not use" usually ask whether it still holds.
_VAGUE_INTENTS = {"nlu_fallback", "affirm", "out_of_scope", "deny", "dont_know"}
# intents that ask something new even when a body part is named ("what about only my feet, does it help the
# circulation there?" is a benefit question; a purchase, a pet or the check are their own answers)
_NEW_QUESTION_INTENTS = {"ask_purchase", "ask_pet", "request_screening", "request_forget", "request_human",
                         "report_red_flag", "greet", "goodbye", "thank"}
_AREA = (
    r"(feet|foot|toes?|hands?|fingers?|legs?|knees?|ankles?|calf|calves|thighs?|hips?|back|lower back|"
    r"upper back|neck|shoulders?|arms?|elbows?|wrists?|face|scalp|head|chest|belly|tummy|stomach|abdomen|"
    r"bum|butt|shins?|jaw|soles?|heels?)"
)
# (wider: "and my feet are killing me after kneeling" asks about the feet's pain, not only where the pad goes)
_SAYS_PAIN_OR_HELP = re.compile(
    r"\b(pain\w*|aches?|aching|achy|sore\w*|stiff\w*|hurt\w*|killing (me|him|her)|throb\w*|wrecked|agony|"
    r"help\w*|work\w*|ease|relieve)\b",
    re.IGNORECASE,
)
_HELP_OR_PAIN = re.compile(r"\b(pain|painful|aches?|achy|sore|stiff\w*|help|helps|work|works)\b", re.I)
# "what about only my feet then?", "just on her hands?", "ok and only the legs, far from the belly?"
OTHER_AREA = re.compile(
    rf"\b(what|how) about (only |just |on |using it on )*(my|her|his|their|the|your) ({_AREA})\b|"
    rf"\b(only|just|even) (on |for |to |use it on |do |use |treat |try |put it on |on to )?"
    rf"(my|her|his|their|the|your) ({_AREA})\b|"
    # "ok and on my face then?", "and my other knee which has no implant?", "her other arm?": another body
    # part, any wording (user study round 8, #56, #12)
    rf"^\W*((ok|okay|so|fine|right|alright)\W+)?(and|but|or|so|then)\W+"
    rf"(on |for |to |use it on |using it on )?(my|her|his|their|the|your) (other )?({_AREA})\b|"
    rf"\b(my|her|his|their|the|your) other ({_AREA})\b|"
    rf"\b(on|for) (my|her|his|their|the|your) ({_AREA}) (then|instead)\b|"
    # "the implant is behind my ear, not really near my neck": where it sits, said against the verdict
    rf"\b(not|nowhere|isn'?t|is not|wouldn'?t be|won'?t be)\s+(really |even |anywhere |at all )?"
    rf"(near|close to|next to|by)\s+(my|her|his|their|the|your)\s+({_AREA}|ears?|implant|pump|device)\b",
    re.IGNORECASE,
)
_STILL_ASKING = re.compile(
    r"\?|\b(only|just|even|at all|then|instead|anyway|still|ok for|okay for|fine for|safe for|on my|"
    r"for my|though|but)\b",
    re.IGNORECASE,
)


# "so can i use it on the scar or not", "so can i or not??": asks whether the verdict holds, whatever the
# classifier guessed (it reads them as a request for the check: user study round 8, #33)
_CAN_I_OR_NOT = (
    r"\b(can|could|may|should)\s+(i|we|she|he|they)\s+(still\s+|even\s+)?((use|put|try|apply|wear)\s+(it|the\s+pad)"
    r"\b[^.?!]{0,40}\s)?or\s+not\b"
)
# "is ok then?", "so it's fine?", "yes or no?": asks whether the verdict still holds
# "ok cool so it's fine for me to start using it this week?", "so I'm all clear to go ahead and use it?"
_SO_FINE_TO_USE_PATTERN = (
    r"^\W*((ok|okay|cool|right|great|alright|nice)\W+)*so\s+(it'?s|its|it is|that'?s|thats|i'?m|im|i am)\s+"
    r"(all\s+)?(fine|ok|okay|safe|alright|good|clear)\s+(for me\s+)?to\s+(start\s+|go\s+ahead\s+and\s+)?"
    r"(use|using|try|start)\b"
)
_STATUS_CUE = re.compile(
    # "but what if I only put it on my lower back, not near my belly?" after the pregnancy verdict (user study
    # round 27, #3: the reminder, then the whole usage text)
    r"\bwhat if (i|she|he|we) (only|just) (put|use|place|keep|try)\b|"
    r"\b(only|just) (on|to|for) (my|her|his|their|the) \w+( \w+)?,? (not|nowhere near|away from|far from)\b|"
    r"\b(is|it'?s|its|that'?s|so|then|would it be|is it|am i|are we)\s*(ok|okay|fine|safe|alright|all right)"
    r"\s*(then|now|right|yeah|too|as well|for (her|him|them|me))?\s*\?+\s*$|\byes or no\b|"
    # "so its ok to use it or not? im confused" (user study round 6, #06: got the who-should-avoid list)
    r"\b(is it|is|it'?s|its|that'?s|so)\s*(ok|okay|fine|safe|alright)\s+(to\s+use(\s+it)?\s+)?or\s+not\b|"
    # "ok so right now, can i use it on my lower back tonight?" after "do not use" (user study round 23, #27:
    # the usage text) ("so can i do my hands tonight" after an eczema flare: user study round 36, #8)
    r"^\W*((ok|okay|alright|right)[\s,]+)?so\b[^.?!]{0,60}\bcan (i|she|he|we) (use|try|start|put|do)\b|"
    # "so i can use the red light pad then, yeah?" after "that OK was about heat" (user study round 24, #16:
    # the benefits list, a green light)
    r"^\W*((ok|okay|alright|right)[\s,]+)?(so|then)\s+(i|she|he|we)\s+(can|could|may)\s+(use|try|start|put)\b|"
    + _SO_FINE_TO_USE_PATTERN + "|"
    r"\b(i|she|he|we) (can|could|may) (use|try|start) (it|the pad|the red light pad|red light)\b[^.?!]{0,20}"
    r"\b(then|now|after all)\b|"
    # "so can i use it on the scar or not", "so can i or not??" (user study round 8, #33, #17)
    + _CAN_I_OR_NOT,
    re.IGNORECASE,
)


_SO_FINE_TO_USE = re.compile(_SO_FINE_TO_USE_PATTERN, re.IGNORECASE)


# "whom should I contact then?", "who do I call?", "how do I reach them?"
_WHOM_TO_CONTACT = re.compile(
    r"\b(who|whom)\s+(should|do|can|shall|would)\s+(i|we)\s+(contact|call|ring|email|e-mail|write to|ask|"
    r"speak to|talk to|go to)\b|\bhow\s+(do|can|should)\s+(i|we)\s+(contact|reach|get hold of)\b|"
    r"\bcontact (details|info)\b",
    re.IGNORECASE,
)


# "is he ok to use it on his feet?", "can she use it on her knees then?"
_ASKS_IF_THEY_CAN = re.compile(
    r"\b(is|are) (she|he|they) (ok|okay|safe|fine|alright|all right|good)\b|"
    r"\b(can|could|may|should) (she|he|they) (still |even |just )?(use|try|have|put|do)\b",
    re.IGNORECASE,
)


def _other_rules(tracker: DialogueStateTracker) -> List[Text]:
    """The rules behind the conditions named for someone else."""
    book = default_rulebook()
    return [book.condition(n).rule_id for n in tracker.get_slot("known_other_conditions") or []]


# a question in the message: "?" or a question's first words
_ASKS = re.compile(
    r"\?|^\W*(can|could|does|do|will|would|is|are|should|what|how|why|when|where|which|any)\b|"
    r"[,.;]\s*(can|could|does|do|will|would|is|are|should|what|how)\b",
    re.IGNORECASE,
)
# joint diseases the source names: a pad may ease the stiffness, it cannot cure them
JOINT_DISEASE = re.compile(
    r"\b(arthritis|arthritic|osteo-?arthritis|rheumatoid|rheumatism|joint diseases?|gout)\b", re.IGNORECASE
)
# chronic diseases of the source's chronic-disease paragraph (with them, that paragraph is the answer)
_CHRONIC_NAMED = re.compile(
    r"\b(diabet\w*|heart|blood pressure|hypertension|fibromyalgia|chronic pain|copd|kidney|thyroid)\b",
    re.IGNORECASE,
)
# "nah it's not that bad", "I can still walk on it": playing down what the verdict was for
_DOWNPLAYED = re.compile(
    r"^\W*((nah|na|no|nope|well|meh|honestly|tbh|but|ok|okay)\W+)*"
    r"(it'?s|its|it is|it isn'?t|mine'?s|that'?s)\s+"
    r"(not|n't)?\s*(that|so|too|really|even)\s+(bad|serious|sore|painful|swollen|bad really)\b|"
    r"\bi can (still )?(walk|move|bend|stand|put weight) on it\b|\bi can still (walk|move|bend|use)\b",
    re.IGNORECASE,
)
# "it's only tingling so far", "just a little bit", "not even bad yet": playing down the known condition
_PLAYS_DOWN = re.compile(
    r"\b(only|just|so far|yet|still|not even|a little|a bit|barely|hardly)\b", re.IGNORECASE
)


def _holds_verdict(
    tracker: DialogueStateTracker, intent: Optional[Text], text: Optional[Text], confidence: float = 1.0
) -> bool:
    """A vague question after a remembered "do not use" or "ask your doctor": answered with the verdict."""
    # "is only little bit" (the eczema): short, and the classifier's guess is a shrug
    unsure = confidence < 0.35 and len((text or "").split()) <= 6
    vague = intent in _VAGUE_INTENTS or unsure or (
        # "so am I fine to use it?" after a verdict asks about it, not for a new check
        intent == SCREENING_INTENT
        and (
            bool(re.match(r"^\W*(so|then|and so|ok so|okay so)\b", (text or "").lower()))
            # "it really hurts, can I use it just to ease the pain?": an unsure guess at a new check
            or (confidence < 0.4 and bool(re.search(r"\b(just|only|even|still|anyway)\b", text or "", re.I)))
        )
    )
    if tracker.get_slot("known_verdict") in ("do_not_use", "ask_doctor") and RECOVERY.search(text or ""):
        return True  # "and once it has cleared up?"

    if (
        intent == "ask_avoid_pregnancy"
        and "breastfeeding" in (tracker.get_slot("known_rules") or [])
        and not re.search(r"\b(pregnan\w*|fetus|foetus|bump|expecting|trimester|womb)\b", text or "", re.I)
    ):
        # "the pad on the shoulders wont touch the baby anyway" after the breastfeeding verdict: about her
        # baby, not a pregnancy (user study round 20, #5: got the pregnancy text)
        return True
    if (
        tracker.get_slot("known_verdict") in ("do_not_use", "ask_doctor")
        # ("what if i just do my face and not the finger" read as a warning sign at 0.28: user study round
        # 41, #26, "Thanks for telling me")
        and (intent not in _NEW_QUESTION_INTENTS or (intent == "report_red_flag" and confidence < 0.5))
        and OTHER_AREA.search(text or "")
        and not _HELP_OR_PAIN.search(text or "")
        and not recognise(text or "").mentions
    ):
        # "fine what about only my feet then? thats like a meter away" after "do not use" (pacemaker): the
        # restriction is about the person, not the body part; whatever the classifier guessed (it read the
        # photosensitivity question: user study round 7, #11, #04)
        return True
    if _STATUS_CUE.search(text or "") and not _asks_care_topic(text) and (
        intent != SCREENING_INTENT or re.search(_CAN_I_OR_NOT, text or "", re.IGNORECASE)
        # "ok cool so it's fine for me to start using it this week?" after a pacemaker: the verdict, not a
        # new check (user study round 42, #42)
        or bool(_SO_FINE_TO_USE.search(text or ""))
    ) and (
        # "is it safe for me?" asks for the check (the database-outage test's Bob), not for the verdict
        tracker.get_slot("known_verdict") in ("do_not_use", "ask_doctor")
        or tracker.get_slot("known_other_conditions")
    ):
        # "only legs, not belly. is ok then?", "yes or no for legs?": whatever the classifier guessed
        return True
    return (
        tracker.get_slot("known_verdict") in ("do_not_use", "ask_doctor")
        and vague
        and bool(text)
        and not (text or "").startswith("/")
        and bool(_STILL_ASKING.search(text or ""))
    )

# How to use the pad with care: "eye protection for the face, yes or no?" asks about goggles, not the verdict
# again (user study round 23, #25: "No: ... you should not use" read as "no goggles needed")
_CARE_QUESTION_TOPICS = PRACTICAL_TOPICS | {"eyes", "clothing", "session_length", "frequency", "sleep_on_pad"}


def _asks_care_topic(text: Optional[Text]) -> bool:
    topic = beyond_source_topic(text or "")
    return topic is not None and topic.id in _CARE_QUESTION_TOPICS


_OTHER_PERSON = OTHER_PERSON  # (padsafety.conversation: the follow-up action reads the same words)


# "and me? my shoulders ache from carrying him around": the user turns to themselves
# "the wound is mine btw, not hers", "its my own wound not someone elses": the user's own, not the other
# person's (user study round 7, #28)
_ABOUT_ME = re.compile(
    r"^\W*((and|but|so|what about|how about)\s+)?(me|myself|for me)\b|"
    r"\b(is|it'?s|its|was|are|they'?re) (all |actually |really )?(mine|my own)\b|"
    r"\bnot (hers|his|theirs|someone else'?s|somebody else'?s|my \w+'?s)\b|"
    # "I mean for ME, not her" (user study round 25, #7)
    r"\b(for|about) me,? not (for |about )?(her|him|them|my \w+)\b",
    re.IGNORECASE,
)


def _about_the_other_person(tracker: DialogueStateTracker, text: Optional[Text]) -> bool:
    """A question about someone whose condition the user named earlier in the conversation."""
    return bool(
        tracker.get_slot("known_other_conditions")
        and text
        and not text.startswith("/")
        and _OTHER_PERSON.search(text)
        and not _ABOUT_ME.search(text)
        # "fine. and for me? ... a stiff shoulder from carrying her around" (user study round 25, #7: her
        # child's verdict twice)
        and not ABOUT_ME.search(text)
        and not _is_metal_implant(text)
        # "does she need to leave the room while I use it?": people near the pad have their own answer
        and getattr(beyond_source_topic(text), "id", None) != "bystanders"
    )


def _is_metal_implant(text: Text) -> bool:
    """"my mum has a titanium hip replacement, is she fine?" after "my dad has a pacemaker": a metal implant
    has its own answer; the remembered verdict is someone else's (user study round 10, #10)."""
    topic = beyond_source_topic(text)
    return topic is not None and topic.id in ("metal_implant", "implant_elsewhere")


_INSISTS_ON_CHECK = re.compile(
    r"\b(anyway|still|run the (safety )?check|do the (safety )?check|safety check|go through|check me|"
    r"(please |pls |can you |could you )check (if|whether)|screen me|full check)\b",
    re.IGNORECASE,
)


def _check_still_useful(text: Optional[Text]) -> bool:
    """After "I have lupus, is it safe for me?" the rules' "do not use" is the answer; the full check
    starts only when the user asks for it anyway, or when what they named does not settle it
    ("I'm diabetic, please check if the pad is safe for me")."""
    # only when asked for: "im on doxycycline, ok to use the pad?" is answered by the rules' verdict and
    # its "Run the safety check" button; starting the check unasked read as a quiz the user had to escape
    # (user study round 9, #19)
    return bool(text and _INSISTS_ON_CHECK.search(text))

# Lists that answer no particular question (not stacked after the other person's referral).
_GENERIC_ANSWERS = {
    "ask_limitations", "ask_benefits", "ask_how_it_works", "ask_evidence", "ask_who_should_avoid",
}
# After any emergency advice, using the pad now is still the emergency's question.
_USE_NOW = {"ask_usage_safety", "request_screening"}
# After burn advice, questions about the burn or using the pad again keep getting it.
_BURN_QUESTIONS = {
    "ask_usage_safety", "ask_limitation_variability", "ask_benefit_wound_healing",
    "ask_avoid_skin_conditions", "ask_not_in_source", "request_screening",
}
# "should we still call?", "my wife is calling an ambulance": the emergency advice again, whatever the intent
# the crisis line named again after the self-harm reply
_CRISIS_LINE_LATER = re.compile(
    r"\b(that|the|this|those) (number|numbers|line|helpline|hotline|crisis line)\b|"
    r"\b(text|call|ring|phone) (them|it|the samaritans|samaritans|988|116)\b|\bsamaritans\b|\b988\b|"
    r"\b116 ?123\b",
    re.IGNORECASE,
)
_CALLING = re.compile(
    r"\b(call|calling|ring|ringing|phone|ambulance|paramedics?|911|112|999|a&e|er|emergency|hospital)\b|"
    # "could the pad have caused this?" (user study round 12, #20: got the who-should-avoid list)
    r"\b(have|has|it|pad|light)\s+(caused|triggered|brought on|set off)\b|\bbecause of the (pad|light)\b|"
    # the emergency itself, while it goes on: "the operator is telling me to do cpr", "he's not breathing",
    # "what do i do until they come" (user study round 8, #26: "cpr" got the not-a-substitute paragraph)
    r"\b(operator|dispatcher|call handler|cpr|resuscitat\w*|compressions?|rescue breaths?|aed|"
    r"defibrillat\w* (on the wall|box|here)|recovery position|(not|isn'?t|stopped|stop) breathing|"
    r"breathing|unconscious|unresponsive|no pulse|pulse|conscious|passed out|fainted|collapsed|"
    r"until (they|the ambulance|help|someone) (come|comes|arrive|arrives|get here|gets here)|"
    r"on (the|their|its) way|what (do|should|can) i do (now|meanwhile|in the meantime))\b",
    re.IGNORECASE,
)
_PAD_NOW = re.compile(
    r"\b(put|use|using|wear|keep|turn|switch|try)\b.{0,25}\b(pad|wrap|mask|belt|panel|it)\b|"
    r"\b(pad|wrap|mask|belt|panel)\b.{0,25}\b(on|now|meanwhile|while)\b",
    re.IGNORECASE,
)
# "the paramedics are here now", "we're at the hospital", "the doctor is seeing him": help has arrived
# "ambulance is on the way", "I've called 999, they're coming": help called, not yet here
_HELP_COMING = re.compile(
    r"\b(ambulance|paramedics?|ambos?|help|they|the crew|someone)\s*(is|'s|are|'re)?\s+(now\s+)?"
    r"(on (its|their|the|his|her) way|coming|en route|being sent|dispatched)\b|"
    r"\b(i|we|ive|weve|my \w+|someone|he|she)\s*('ve|'s| have| has)?\s+(already\s+|just\s+)?"
    r"(called|rung|phoned|rang)\s+(999|911|112|an ambulance|the ambulance|for an ambulance|for help|"
    r"the emergency (number|services))\b",
    re.IGNORECASE,
)
_HELP_HERE = re.compile(
    r"\b(paramedics?|ambulance|ambos?|emts?|crew|help|doctors?|nurses?|they|firefighters?)\s+"
    r"(are|is|'re|has|have|just)\s+(here|arrived|come|got here|with (us|him|her|me|them))\b|"
    r"\b(they'?re|theyre|they are|help'?s|help is|ambulance'?s)\s+(now\s+|finally\s+)?here\b|"
    r"\b(paramedics?|ambulance|ambos?|emts?|crew|doctors?|nurses?|firefighters?)\s+(now\s+)?here\b|"
    r"\b(they|paramedics?|the crew|the doctors?)\s+(have\s+|just\s+)?(took|taken)\s+over\b|"
    r"\b(we'?re|we are|i'?m|i am|he'?s|he is|she'?s|she is|they'?re|they are)\s+(now\s+)?(at|in)\s+"
    r"(the\s+)?(hospital|a&e|er|emergency room|emergency department|urgent care|ed)\b|"
    r"\b(being|getting)\s+(seen|treated|looked at|checked)\s+(by|now|at)\b",
    re.IGNORECASE,
)
# "there is NO burn", "it's from running", "start over", "I'm fine": the emergency is not one, move on
# "you are useless. i asked about the COMPANY" after burn advice: the complaint is for the seller now (user
# study round 12, #17: the burn advice three times)
_SELLER = re.compile(
    r"\b(company|companies|manufacturer|maker|seller|shop|store|brand|customer (service|support|care)|"
    r"complain\w*|complaint|report (it|this|them|the pad)|refund|money back|compensation|sue|lawyer)\b",
    re.IGNORECASE,
)
# "no is not sudden, slowly more bad since weeks", "every winter for years" after emergency advice: a long-
# standing problem, for a doctor soon, not the emergency number (user study round 28, #10, #35: the emergency
# text again and again)
_LONG_STANDING = re.compile(
    r"\b(not|isn'?t|wasn'?t|wasnt|isnt|never) (sudden|suddenly|new|an emergency|urgent)\b|"
    r"\b(for|since|over) (the (last|past) )?(\d+ |a few |few |several |many )?"
    r"(weeks|months|years|ages|a long time)\b|"
    r"\bevery (winter|year|summer|autumn|spring|time it'?s cold)\b|"
    r"\b(slowly|gradually) (getting |got |more )?(worse|bad|more bad)\b",
    re.IGNORECASE,
)
_EMERGENCY_OVER = re.compile(
    r"\b(there'?s no|there is no|no|not a|isn'?t a|wasn'?t a) (burn|blister|emergency)\b|"
    r"\b(start over|start again|restart|new question|different question)\b",
    re.IGNORECASE,
)
# ... and after burn advice only: the burn is not the pad's, or is over. After chest pain, "it's not the pad,
# I'm not using it. should I just lie down and wait?" is still the emergency (user study round 31, #35: got
# the list of what the pads cannot do, then "Thanks for telling me")
_BURN_OVER = re.compile(
    # "it's from the oven, not the pad, and it was yesterday" after burn advice (user study round 28, #31)
    r"\bnot (from |by |because of |caused by )?(the|my|your) pad\b|"
    r"\bfrom (the|an|my) (oven|stove|hob|iron|kettle|pan|grill|cooker|curling iron|straighteners)\b|"
    r"\b(i'?m (fine|ok|okay) now|from (running|my shoes|shoes|boots|hiking|a race))\b",
    re.IGNORECASE,
)


def _keep_or_stop_topic(
    tracker: DialogueStateTracker, previous: Optional[Text], text: Optional[Text]
) -> bool:
    """"should i keep using it or stop?" after the answer to a reaction to the pad (user study round 24, #17:
    "effects vary" three times)."""
    if not text or text.startswith("/"):
        return False
    if not REACTION_FOLLOWUP.search(text):
        return False
    # "my skin is still itchy, what do I do" two turns after the reaction, whatever was answered in between
    # (user study round 30, #20); a follow-up right after it, or one that names the reaction again
    return stop_topic(_user_texts(tracker)[-4:-1]) is not None and (
        previous == "action_answer_beyond_source" or not recognise(text).mentions
    )


def _holds_safety_no(
    tracker: DialogueStateTracker, previous: Optional[Text], text: Optional[Text]
) -> bool:
    """"just yes or no please" right after a safety "No." about the device (a mains pad and water): the no
    again, never "I didn't understand" (user study round 7, #52)."""
    if previous != "action_answer_beyond_source" or not text or text.startswith("/"):
        return False
    topic = beyond_source_topic(previous_user_text(tracker))
    return topic is not None and topic.id in SHOCK_TOPICS and followup_kind(text) is FollowUp.STATUS


def _predicted_action(prediction: PolicyPrediction, domain: Domain) -> Optional[Text]:
    """The action a prediction picks (the most probable one), or None for an empty prediction."""
    probabilities = prediction.probabilities
    if not probabilities:
        return None
    return domain.action_names_or_texts[max(range(len(probabilities)), key=probabilities.__getitem__)]


def _form_rejected(tracker: DialogueStateTracker) -> bool:
    """The active form rejected the latest message (it held no answer)."""
    return any(isinstance(e, ActionExecutionRejected) for e in current_turn(tracker))


def _takes_back_known(tracker: DialogueStateTracker, text: Optional[Text]) -> bool:
    """The message denies, or gives to someone else, a condition behind the remembered verdict, or one the
    user's previous message named ("i read something about pregnancy" then "im not pregnant lol": user study
    round 7, #41, #31)."""
    known = set(tracker.get_slot("known_conditions") or [])
    if denies_any_condition(text) and (disputes_a_condition(text) or known - NOT_ILLNESSES):
        # "why do you keep saying I have a medical condition? I don't.", or "I have no health problems" while
        # one is counted: an apology and what is counted (never "I don't have any health problems, just a
        # stiff back" before anything was: that is the back question)
        return True
    if (
        (not known or names_check_question_no(text)) and tracker.get_slot("known_rules")
        and taken_back_check_rules(text, tracker.get_slot("known_rules") or [])
    ):
        return True  # after the safety check, which keeps only its rules
    previous = previous_user_text(tracker)
    if previous and not previous.startswith("/"):
        # (not someone else's: "my 3 year old has a graze" then "for myself, the wound is fully closed" takes
        # nothing back: user study round 43, #40)
        known |= {m.condition for m in recognise(previous).mentions if m.experiencer is not Experiencer.OTHER}
    if not known or not text or text.startswith("/"):
        return False
    if given_to_someone_else(text):
        return True  # "its not me its my aunt": all of it is hers
    if CALM_SKIN_FOLLOWUP.search(text):
        # "what about when its not flaring?" asks about later; the flare told before still holds (user study
        # round 36, #8: "I won't count eczema for you", then the benefits for flaring arms)
        return False
    return bool(taken_back_conditions(recognise(text), text) & known)
