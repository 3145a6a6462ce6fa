"""Conversation context: follow-ups answered against the last answer, a verdict kept, topics the
source does not cover.

Pure functions over the data in ``knowledge/beyond_source.yml`` and ``knowledge/followups.yml``; the
Rasa actions (``actions/conversation.py``) only read the tracker and call these.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from enum import Enum
from functools import lru_cache
from pathlib import Path
from typing import Dict, Iterable, List, Optional, Sequence, Set, Tuple

import yaml

from padsafety.messages import guideline_text
from padsafety.recognition import Experiencer, Mention, Recognition, recognise
from padsafety.rules import Verdict, default_rulebook

KNOWLEDGE_DIR = Path(__file__).resolve().parent / "knowledge"


@dataclass(frozen=True)
class Topic:
    """A question inside the topic that the source text does not cover, and its careful answer."""

    id: str
    source: str
    words: Tuple[str, ...]
    answer: str
    patterns: Tuple[str, ...] = ()  # regular expressions, for what a word list would have to spell out

    def matches(self, text: str) -> bool:
        """Whether one of the topic's words or phrases (or patterns) occurs in the (lower-cased) text."""
        # (a topic of patterns only has no words: an empty alternation would match every text)
        return (bool(self.words) and bool(_words_pattern(self.words).search(text))) or (
            bool(self.patterns) and bool(_regex_pattern(self.patterns).search(text))
        )


@lru_cache(maxsize=None)
def _regex_pattern(patterns: Tuple[str, ...]) -> "re.Pattern[str]":
    """One compiled pattern for a topic's ``patterns``, built once (as ``_words_pattern``)."""
    return re.compile("|".join(f"(?:{p})" for p in patterns))


@lru_cache(maxsize=None)
def _words_pattern(words: Tuple[str, ...]) -> "re.Pattern[str]":
    """One compiled pattern for a topic's words. Built once: with a pattern per word per call, the topics'
    words outgrew `re`'s cache of 512 patterns and every message recompiled them all (36 ms of CPU per
    message instead of 12, found with py-spy, 2026-12-05)."""
    return re.compile("|".join(rf"(?<![a-z]){re.escape(word)}(?![a-z])" for word in words))


@lru_cache(maxsize=1)
def beyond_source_topics() -> Tuple[Topic, ...]:
    """The topics of ``knowledge/beyond_source.yml``, most specific first."""
    data = _beyond_source_data()
    return tuple(
        Topic(
            id=raw["id"],
            source=raw["source"],
            words=tuple(w.lower() for w in raw["words"]),
            answer=" ".join(raw["answer"].split()),
            patterns=tuple(raw.get("patterns") or ()),
        )
        for raw in data["topics"]
    )


@lru_cache(maxsize=1)
def _beyond_source_data() -> Dict:
    return yaml.safe_load((KNOWLEDGE_DIR / "beyond_source.yml").read_text(encoding="utf-8"))


def default_beyond_source_answer(usage: bool) -> str:
    """The general usage guidance (``usage``) or the general "my source does not cover that"."""
    return " ".join(_beyond_source_data()["default_usage" if usage else "default_not_in_source"].split())


# "seeing spots", "the flashing spots won't go away", "spots in front of my eyes": spots in the vision, not on
# the skin and not the pad's light (user study round 7, #42 got the acne answer): read as the eyes
VISION_SPOTS = re.compile(
    r"\b(seeing|see|saw|seen|keep seeing)\s+(\w+\s+)?(spots|dots|stars|sparkles|flashes|flashing lights|"
    r"floaters)\b(?!\s+(on|all over|across|around)\b)|"
    r"\b(flashing|flickering|sparkly|sparkling|shimmering)\s+(spots|dots|stars|zig ?zags)\b|"
    r"\b(spots|dots|stars|flashes|lights)\s+(in|before|in front of)\s+(my|her|his|their|the)\s+"
    r"(eyes?|vision|sight)\b"
)


# the body, not the pad, is hot: "my ankle is hot and swollen", "i meant my ankle is hot not the pad", "it's
# swollen, hot and i can barely walk" (a sign of inflammation or an injury, user study round 8, #46)
BODY_HOT = re.compile(
    r"\b(swollen|swelling|inflamed|throbbing|puffy|sprain\w*|twisted|rolled|broken|fractur\w*|injur\w*|"
    r"bruis\w*|infect\w*|scabs?|cuts?|wounds?|graze[sd]?|bites?|yellow\w*|pus|crust\w*)\b.{0,40}\b(hot|warm)\b|\b(hot|warm)\b.{0,40}\b(swollen|swelling|inflamed|"
    r"throbbing|puffy|to the touch)\b|\b(hot|warm)\b,?\s*(and\s+)?not the (pad|device|light)\b|"
    # "her feet have become numb, she cannot feel hot water properly": what she can feel, not the pad's heat
    # (user study round 47, #31: "how warm a pad gets")
    r"\b(can'?t|cannot|can not|doesn'?t|don'?t|does not|do not|unable to|barely|no longer)\s+"
    r"(feel|sense|tell)\b"
    r"[^.?!]{0,20}\b(hot|warm)\b",
    re.IGNORECASE,
)
# "can I use it while I'm on minoxidil?": a medicine the pad is used alongside (user study round 47, #52: not
# understood), not "while I'm on holiday" or "on my period"
_ON_A_MEDICINE = re.compile(
    r"\b(use|using|try|trying|do)\b[^.?!]{0,20}\b(while|whilst|when|if) "
    r"(i'?m|i am|im|she'?s|he'?s|she is|he is) (on|taking) "
    r"(?!(holiday|vacation|leave|call|duty|shift|my|her|his|the|a|an|it|that|this|break|site|board|"
    r"a diet|diet|nights|days|the go|the road|my way|tour|track|time)\b)[a-z][\w-]{3,}"
)
# "and the calves? they cramp up at night too", "I get leg cramps": a muscle, not period pain (user study
# round 47, #65)
_MUSCLE_CRAMP = re.compile(
    r"\b(legs?|calf|calves|muscles?|foot|feet|toes?|thighs?|hamstrings?|quads?|night|they|calf muscles?)\s+"
    r"(cramps?|cramping|cramp up|cramps up|cramped( up)?)\b"
)
# "melt inches off your waist in 10 minutes": a claimed speed of fat loss, not a session length (user study
# round 47, #7)
_CLAIMED_SPEED = re.compile(
    r"\b(melt\w*|burn\w*|los[et]\w*|drop\w*|shed\w*|blast\w*|inches|fat|weight|waist|belly|kilos?|pounds|"
    r"lbs|kgs?)\b[^.?!]{0,40}\b(in|within) (just |only )?(\d+|a few|one|two|five|ten|fifteen|twenty|thirty) "
    r"(minutes?|mins?)\b"
)


# "that is a lot of text for my old eyes", "no, not my eyes. can i put it on my feet" (user study round 25,
# #6: the eye-safety answer twice): eyes that are not the question
# "I'll sleep on it" decides later; it says nothing of sleeping on the pad (user study round 38, #20)
_SLEEP_ON_IT = re.compile(
    r"\b(i'?ll|i will|let me|lemme|gonna|going to|need to|i'?d like to|want to|have to|i should|might)\s+"
    r"(have to\s+)?sleep on it\b"
)
# "could it make my back worse?", "will the light make her psoriasis any worse": a harm question
_MAKE_WORSE = re.compile(
    r"\b(make|makes|making|made)\s+(?:(?:my|her|his|their|the|it|things|this|that|your)\s+)?"
    r"(?:[a-z'-]+\s+){0,2}(?:any\s+|even\s+|much\s+|a lot\s+)?worse\b"
)
_NOT_THE_EYES = re.compile(
    r"\b(for|to|on|with) (my|these) (old|tired|poor|aging|ageing|aged|weary|sore) eyes\b|"
    r"\bnot (about )?(my|the|his|her) eyes\b|\beasy on the eyes?\b|\bhard on the eyes?\b"
)


# figures of speech that name a topic word: "work's been a total headache", "my boss is giving me a headache",
# "I'm sick and tired of ...", "tired of waiting" (user study round 43, #28, #51: the headache and the mood
# answers; round 42, #50)
_FIGURATIVE = re.compile(
    r"\b(is|was|been|'s|are|were|be|being)\s+(a|an|such a|such an)\s+((total|real|massive|huge|right|"
    r"absolute|proper|major|bit of a|complete|bloody|big)\s+)*headache\b|"
    r"\b(boss|job|work|kids|husband|wife|partner|traffic|paperwork|taxes|customers?|clients?|project|deadlines?|"
    r"manager|neighbou?rs?|landlord|in-?laws?|teenagers?|toddler)\b[^.?!]{0,30}\b(giving|gives|gave|give)"
    r"\s+me\s+(a\s+|an\s+)?(\w+\s+)?headache\b|"
    # "my heart's set on it but my head says it's a scam" (user study round 44: the face-and-head answer)
    r"\b(my|your|his|her)\s+(head|heart|gut)\s+(says|tells me|is telling me|said)\b|\bheart'?s\s+set\s+on\b|"
    r"\b(off the top of my head|in my head|head over heels)\b|"
    r"\bsick\s+(and|&|n)\s+tired\b|\b(sick|tired)\s+of\s+(\w+ing|my|his|her|their|the|this|that|it|him|them|"
    r"people|waiting|you)\b|"
    # "grand so. I'll sleep on it", "a pain in the backside", "rocks in my head", "dying to ask" (user study
    # round 45, #29, #61, #22: the sleeping-on-the-pad answer, a doctor, a fallback)
    r"\b(i'?ll|i will|let me|lemme|gonna|going to|i might|i'?d better|i need to|have to)\s+sleep\s+on\s+it\b|"
    r"\b(pain|ache)\s+in\s+the\s+(backside|arse|ass|butt|bum|rear)\b|\brocks\s+in\s+(my|his|her|your)\s+head\b|"
    r"\b(dying|bursting)\s+to\s+(ask|know|try|find out)\b"
)


_NOES_LIST = re.compile(
    r"\b(no|not on any|never had)\s+[a-z ]{2,25}?,\s*(no|not)\s+[a-z ]{2,25}?"
    r"(,\s*(and\s+)?(no|not)\s+[a-z ]{2,25}?)*(?=[.!?,]|$)|"
    r"\b(i said|i told you|i have|i'?ve got|there are|i got)\s+no\s+(metal\s+)?implants?\b"
)


@lru_cache(maxsize=4096)
def beyond_source_topic(text: Optional[str]) -> Optional[Topic]:
    """The first topic the message is about, or None (cached: the policy, the hints and the actions ask
    for the same message several times per turn, and a topic is immutable)."""
    if not text:
        return None
    norm = " ".join(text.lower().replace("\u2019", "'").split())
    norm = VISION_SPOTS.sub(" eyes ", norm)
    norm = _NOT_THE_EYES.sub(" ", norm)
    norm = _SLEEP_ON_IT.sub(" ", norm)
    norm = _MAKE_WORSE.sub(" make it worse ", norm)
    norm = _FIGURATIVE.sub(" ", norm)
    norm = _CLAIMED_SPEED.sub(lambda m: m.group(0)[: m.start(2) - m.start(0)].rstrip(), norm)
    norm = _ON_A_MEDICINE.sub(lambda m: f"{m.group(0)} (interact with)", norm)
    norm = _MUSCLE_CRAMP.sub(" muscle ache ", norm)
    # "no health problems, no meds, no implants. is it safe for me ...?": a list of what the user does not
    # have, not a body part without an implant (user study round 51, #29: the metal-implant caution twice)
    norm = _NOES_LIST.sub(" ", norm)
    if BODY_HOT.search(norm):
        # "hot" says how the body feels, not the pad: the heat topic is not the question
        norm = re.sub(r"\b(hot|warm)\b", " ", norm)
    # the topic of the last question first: "my pad came with goggles so that's fine. how long per session
    # on the face?" asks about the session, not the eyes (user study round 6, #29)
    questions = [part for part in re.findall(r"[^.!?]*\?", norm) if part.strip(" ?")]
    for part in ([questions[-1]] if questions and questions[-1].strip() != norm else []) + [norm]:
        found = next((topic for topic in beyond_source_topics() if topic.matches(part)), None)
        if found is not None and found.id == "bones" and _HEALED_LONG_AGO.search(norm):
            return next(topic for topic in beyond_source_topics() if topic.id == "healed_fracture")
        if found is not None:
            return found
    return None


# a break said to be over: "3 winters ago, fully healed", "years ago" (not "healing", not "last week")
_HEALED_LONG_AGO = re.compile(
    r"\b((\d+|two|three|four|five|six|several|many|a few|some) (years|winters|summers)|years|decades?) ago\b|"
    r"\b(fully|completely|long|totally|all) healed\b|\bhealed (up )?(years|long|ages) ago\b|"
    # "I broke my wrist in 2015, healed fine" (user study round 43, #27)
    r"\bhealed (up )?(fine|well|ok|okay|nicely|properly|perfectly|completely|fully|no problem)\b|"
    r"\b(in|back in) (19[5-9]\d|20[01]\d|202[0-4])\b|"
    r"\bas an? (kid|child|teen\w*|boy|girl)\b|\bwhen i was (a |an |little|young|\d+)"
)


@lru_cache(maxsize=1)
def _followups() -> Dict:
    return yaml.safe_load((KNOWLEDGE_DIR / "followups.yml").read_text(encoding="utf-8"))


class FollowUp(str, Enum):
    """What a short follow-up asks about the previous answer."""

    WHY = "why"            # "why?", "how come?", "what do you mean?", "really?"
    HOW_LONG = "how_long"  # "and for how long?", "how soon?"
    STATUS = "status"      # "so am I fine?", "can I use it then?", "what now?"
    SEE_DOCTOR = "see_doctor"  # "should I go to A&E or wait?", "should I get it x-rayed?"
    SYMPTOMS = "symptoms"  # "does it at least help the symptoms?", "so it's useless for me?"
    ALONGSIDE = "alongside"  # "and alongside it?", "what about together with my meds?"
    DOCTOR_SAID = "doctor_said"  # "my cardiologist said it's fine", "her doctor said go ahead"
    WHO_TO_ASK = "who_to_ask"  # "who exactly should she ask, cardiologist?", "which doctor do I see?"
    MISREAD = "misread"  # "why are you telling me about wrinkles? I asked about my pills"
    SAME = "same"  # "and my feet? same thing?", "what about my knees?" after a knowledge answer
    POINT = "point"  # "so what's the point then?" after "it can't burn fat": what it may help with
    SIMPLER = "simpler"  # "simpler pls, like im 10": the last answer in plain words


# "simpler pls. like im 10", "can you say that in plain english?", "too technical" (user study round 15, #37:
# got "I can only chat in English", then "my source doesn't go further")
# "hang about, someone's at the door, give us a minute", "brb": a pause, neither an answer nor a question;
# in the safety check, "take your time" and the same question again (user study round 46, #28: read as a
# question about light sensitivity)
PAUSE = re.compile(
    r"\b(give|gimme|gi)( me| us| moi)? an?( wee| quick)? (sec|second|minute|min|moment|mo|tick)\b|\bbrb\b|"
    r"\bbe right back\b|\b(be )?back in (a|5|five|ten|2|two)( wee| quick)? ?"
    r"(sec|second|minute|min|mins|moment|mo|bit|tick)s?\b|"
    r"\b(some ?one|somebody)('?s| is) at the door\b|\b(door ?bell|phone)('?s| is) ringing\b|"
    r"\b(hang|hold) (on|about|up) an?( wee)? (sec|second|minute|min|moment|mo|tick)\b|"
    r"^\W*(one|just a|wait a|hang on a|hold on a) (sec|second|moment|minute|min|mo|tick)\W*$",
    re.IGNORECASE,
)


def is_pause(text: Optional[str]) -> bool:
    """Whether a message only asks the bot to wait ("one sec", "someone's at the door, back in a minute")."""
    if not text or "?" in text:
        return False
    return len(text.split()) <= 14 and bool(PAUSE.search(text))


SIMPLER_REQUEST = re.compile(
    r"\b(simpler|more simply|simplify|in (simple|plain|easy|normal|everyday) (words|terms|english|language)|"
    r"(say|explain|put) (it|that|this) (simply|plainly|in a simple way)|"
    r"like (i'?m|im|i am) (a )?(\d{1,2}|five|ten|six|eight|a kid|a child|five years old|stupid|dumb)\b|"
    r"eli5|dumb (it|that) down|layman'?s terms|too (complicated|technical|complex|scientific|wordy|sciency)|"
    r"(less|fewer) (technical|complicated|science|big words)|"
    r"without (the )?(jargon|big words|science words))",
    re.IGNORECASE,
)


def simpler_answer(previous: Optional[str]) -> str:
    """The last answer in plain words (``followups.yml`` ``simpler``): what the source says, shorter and with
    everyday words; a plain summary of the whole source when the last answer has no such version."""
    data = _followups()["simpler"]
    return " ".join((data.get(previous or "") or data["default"]).split())


# An answer asked for again in other words right after it was given ("so will it help sore legs after a run
# or not", "are there real trials or just lab stuff" read as the evidence question): the whole paragraph again
# read as not listening (user study round 35: nine verbatim repeats). The short version, with a plain lead.
_SAID_AGAIN = (
    "utter_how_it_works", "utter_benefits", "utter_benefit_muscle_joint", "utter_benefit_wound_healing",
    "utter_benefit_circulation", "utter_limitations", "utter_evidence", "utter_limitation_weight_loss",
    "utter_limitation_chronic_disease", "utter_limitation_anti_aging", "utter_limitation_variability",
    "utter_limitation_medical_substitute",
)
_YES_NO_ASKED = re.compile(
    r"\b(or not|yes or no|yes/no)\b|\b(yes|right|no)\s*\?|"
    r"^\W*(so |but |ok |okay |and )*(will|would|does|do|can|could|is|should) "
    r"(it|they|this|the pad|red light)\b",
    re.IGNORECASE,
)
_NO_LEAD = (
    "utter_limitations", "utter_limitation_weight_loss", "utter_limitation_chronic_disease",
    "utter_limitation_medical_substitute",
)


def turn_responses(events: Sequence[Tuple[str, Optional[str]]], back: int = 1) -> List[str]:
    """The responses the bot gave in the turn ``back`` turns before the latest user message. ``events`` are
    the conversation's ("user", None) and ("bot", response name or None) pairs, in order."""
    users = [i for i, (kind, _) in enumerate(events) if kind == "user"]
    if len(users) < back + 1:
        return []
    return [str(name) for kind, name in events[users[-back - 1] + 1 : users[-back]] if kind == "bot" and name]


def answer_confirmed(
    events: Sequence[Tuple[str, Optional[str]]], previous: Optional[str], follow_up: str = "action_follow_up"
) -> Optional[str]:
    """The answer a "so basically no?" is about: the last response, or the one before its short version
    (given by ``follow_up``); else ``previous``, the last answering action."""
    said = turn_responses(events)
    if said:
        return said[-1]
    if previous == follow_up:
        earlier = turn_responses(events, 2)
        return earlier[-1] if earlier else None
    return previous


# "why do i need to ask my doctor? its just a light": the reason for a referral (user study round 17, #05)
WHY_DOCTOR = re.compile(
    # ("why do I need a doctor for shin splints?", user study round 47, #34)
    r"\b(why|how come)\b[^.?!]{0,30}\b(ask|see|check with|talk to|speak to|go to|consult|need|bother)\s+"
    r"(my|a|the|your)\s+"
    r"(doctor|gp|doc|physician|midwife)\b",
    re.IGNORECASE,
)


def said_again_response(
    intent: Optional[str], previous_responses: Iterable[str], text: Optional[str]
) -> Optional[str]:
    """The response a question would repeat word for word, right after it was the whole answer; None when
    it would not (a button, another answer, an answer with no short version)."""
    if not intent or not intent.startswith("ask_") or not text or text.startswith("/"):
        return None
    if GIVE_UP.search(text):
        return None  # "so should I give up on it?" after "results vary" asks what to do (its own answer)
    if WHY_DOCTOR.search(text) or WHO_TO_ASK_QUESTION.search(" ".join(text.lower().split())):
        # "why do I need a doctor for shin splints?": the referral's reason (user study round 47, #34); "can I
        # ask my pharmacist instead of the GP?": whom to ask (round 48, #9)
        return None
    response = "utter_" + intent[len("ask_"):]
    if _REASKED.search(text):
        # "Not the price! I'm asking if red light will help with COLD HANDS": the user missed the answer among
        # others, so all of it again (user study round 48, #12: the short version)
        return None
    if response == "utter_limitation_variability" and _ASKS_WHAT_VARIES.search(text):
        # "what makes the difference between people?" right after "results vary": the factors, which the
        # whole answer names and its short version leaves out (user study round 49, #34)
        return None
    return response if response in _SAID_AGAIN and response in set(previous_responses) else None


_REASKED = re.compile(
    r"\b(i'?m asking|i am asking|im asking|i asked|my question (is|was)|not what i asked|i was asking)\b",
    re.IGNORECASE,
)
_ASKS_WHAT_VARIES = re.compile(
    r"\b(what makes|what causes|why|depends? on|factors?|what decides|what determines|difference between|"
    r"differ from)\b",
    re.IGNORECASE,
)


# "thats not a yes or no", "give me a straight answer" right after an answer (user study round 50, #35)
NOT_A_YES_NO = re.compile(
    r"\b(that'?s|thats|that is|it'?s|its|that was|this is)\s+not\s+(a\s+|an\s+)?(yes or no|yes/no|straight "
    r"answer|clear answer|an answer)\b|\b(give|tell) me (a|an)\s+(yes or no|yes/no|straight answer|"
    r"clear answer)\b",
    re.IGNORECASE,
)


def yes_or_no_of(response: Optional[str]) -> Optional[str]:
    """The last answer's short version led by its yes or no, for "that's not a yes or no"; None for an answer
    with no short version."""
    if response not in _SAID_AGAIN:
        return None
    if response == "utter_limitation_variability":
        # (after "does this crap work? yes or no" got "effects vary": the honest maybe, and for what)
        return (
            "Honestly, maybe: it may help some people a little, for example with sore muscles and stiff "
            "joints, minor superficial wounds or local circulation, and some people notice no significant "
            "effect at all. Noticeable results usually take 1-2 weeks of regular use."
        )
    return said_again_answer(response, "yes or no?")


def said_again_answer(response: str, text: Optional[str]) -> str:
    """The short version of an answer just given, led by a plain yes or no where the question asks for one."""
    lead = ""
    if _YES_NO_ASKED.search(text or ""):
        if response in _NO_LEAD:
            lead = "No. "
        elif response.startswith((
            "utter_benefit", "utter_how_it_works", "utter_evidence", "utter_limitation_variability"
        )):
            lead = "It may, but not for everyone. "
    short = simpler_answer(response).replace("In plain words: ", "In short: ", 1)
    return (
        # (user study round 42: "so I won't repeat the whole answer" read as robotic meta-talk)
        f"{lead}{short} That's all my source says on it; if you meant something else, just ask another way."
    )


# The replies of an emergency in progress, after which a condition told is for the emergency team
EMERGENCY_IN_PROGRESS = frozenset({
    "utter_emergency", "utter_emergency_followup", "utter_emergency_help_coming", "utter_emergency_still_go",
    "utter_emergency_dont_wait",
})


# "it was the pad or the cream?", "could the pad have caused this?" during an emergency
CAUSE_QUESTION = re.compile(
    r"\b(was|is|could|did|would|might)\s+(it|this|that)\s+(have\s+)?(been\s+)?"
    r"(the|from the|because of the)\s+"
    r"(pad|light|cream|lotion|serum|device)\b|"
    r"\b(the\s+)?(pad|light|device)\s+or\s+(the\s+)?\w+\s*\?|"
    r"\bwhat\s+(caused|causes|did)\s+(this|it|that)\b|\b(the pad|it)\s+(caused|cause|did)\s+(this|it|that)\b",
    re.IGNORECASE,
)


# "should i take the pad off him?", "do I switch it off?" while help is on its way
PAD_OFF_QUESTION = re.compile(
    r"\b(take|get|pull|lift|move)\s+(the\s+|it\s+|that\s+)?(pad|thing|device|it)?\s*(off|away)\b|"
    r"\b(switch|turn|unplug|power)\s+(the\s+|it\s+)?(pad|thing|device|it)?\s*(off|out)\b|"
    r"\bunplug\b|\bremove\s+(the\s+)?(pad|device|it)\b",
    re.IGNORECASE,
)
PAD_OFF_IN_EMERGENCY = (
    "Yes: if you can do it safely, switch the pad off, unplug it and take it off the skin. If nobody has "
    "called yet, call your local emergency number (for example 112 or 911) now; if you have, keep following "
    "the operator's instructions until help arrives. Tell the paramedics about the pad and about anything "
    "else you know, such as a pacemaker or medicines."
)


def tell_emergency_team(names: List[str], text: Optional[str] = None) -> str:
    """"ambulance is coming. he also has a pacemaker, could the pad have caused this?": what to tell the
    emergency team, never the routine referral and the safety check (user study round 36, #19); things named
    in ``text`` ("it was the pad or the cream?") are told of too (user study round 43, #47)."""
    named = list(names)
    for thing in ("cream", "lotion", "serum", "oil", "medicine", "tablets", "pills"):
        if re.search(rf"\b{thing}\b", text or "", re.IGNORECASE) and thing not in named:
            named.append(thing)
    told = " and about " + ", ".join(f"the {n}" for n in named) if named else ""
    return (
        "I can't tell whether the pad caused it; the emergency team can. Tell them about the red-light pad"
        f"{told}, and keep following the emergency operator's instructions until help arrives; if nobody has "
        "called yet, call your local emergency number (for example 112 or 911) now. Don't use the pad again "
        "until a doctor has said it's OK."
    )


# "so basically no?", "so... yes?", "so thats a no then" right after an answer: the answer's yes or no, then
# its short version (user study round 35, #18, #39: "Because ..." and the menu)
CONFIRM_LAST = re.compile(
    r"^\W*((so|ok|okay|wait|basically|like|right|and)\W+)*((that'?s|thats|that is|is that|it'?s|its)\s+)?"
    r"(a\s+)?(?P<said>yes|yeah|yep|no|nope)(\s+(then|or not|right|basically))?[\s.!?]*$",
    re.IGNORECASE,
)
# "not even a bit?", "so not even a little then?": the no of the last answer, doubted
NOT_EVEN_A_BIT = re.compile(
    # (also as the last sentence: "so it's pointless for my belly? not even a bit?", user study round 42, #48)
    r"(^|[.?!]\s*)\W*((so|and|but|what|really|wait|ok|okay)\W+)*not even (a )?(little|bit|tiny bit|"
    r"little bit|smidge|touch|slightly|partly|somewhat|a bit|a little)( (then|of it|at all))?[\s.!?]*$",
    re.IGNORECASE,
)
# a plain "yes or no" in the question itself: the answer leads with it
YES_OR_NO_TAG = re.compile(r"\b(yes or no|yes/no|y/n|or not)\b", re.IGNORECASE)


def _no_answer(response: str) -> bool:
    return response in _NO_LEAD or response.startswith("utter_avoid")


# "ok so the knee yes, the weight no?": two answers of the last turn summed up, asked to confirm
_BOTH_SUMMED = re.compile(
    r"^\W*((ok|okay|so|right|wait|alright|and)\W+)*(the\s+|my\s+|for\s+(the\s+|my\s+)?)?[a-z' -]{2,25}?\s+"
    r"(yes|yeah|yep|yup|no|nope|nah|not)\s*[,;/&]?\s*(and\s+|but\s+)?(the\s+|my\s+|for\s+(the\s+|my\s+)?)?"
    r"[a-z' -]{2,25}?\s+(yes|yeah|yep|yup|no|nope|nah|not)\W*$",
    re.IGNORECASE,
)


def confirm_both(responses: Sequence[str], text: Optional[str]) -> Optional[str]:
    """"ok so the knee yes, the weight no?" after two answers: both in their short versions (user study round
    41, #23: got the usage text); None when the message is no such summary or ``responses`` (the last turns'
    responses, in order; a message of two questions is two turns) hold no two answers with short versions."""
    if not text or not _BOTH_SUMMED.match(" ".join(text.split())) or YES_OR_NO_TAG.search(text):
        return None
    simpler = _followups()["simpler"]
    shorts = [r for r in dict.fromkeys(reversed(list(responses))) if r in simpler][::-1]
    if len(shorts) < 2:
        return None
    parts = [simpler_answer(r).replace("In plain words: ", "", 1) for r in shorts[:2]]
    return "In short: " + " ".join(p[:1].upper() + p[1:] for p in parts)


def confirm_last_answer(previous: Optional[str], text: Optional[str]) -> Optional[str]:
    """"so basically no?" after an answer: its plain yes or no and its short version; None when the message is
    no such question or the last answer has no plain yes or no."""
    norm = " ".join((text or "").split())
    if previous and previous in _followups()["simpler"] and NOT_EVEN_A_BIT.search(norm):
        # "not even a bit?" after "it cannot cure ..." or "it cannot burn fat" (user study round 41, #16, #17:
        # a verdict line, the menu)
        short = simpler_answer(previous).replace("In plain words: ", "In short: ", 1)
        if previous == "utter_limitation_chronic_disease":
            return "It may ease some symptoms a little, but it cannot fix or cure the disease. " + short
        if _no_answer(previous):
            return "No, not even a little, from what my source says. " + short
        return None
    match = CONFIRM_LAST.match(norm)
    if match is None or not previous or previous not in _followups()["simpler"]:
        return None
    if "?" not in norm and not re.search(r"\b(so|basically|that'?s|thats|that is|then|right)\b", norm, re.I):
        return None  # a bare "no" answers something else ("no" after the pregnancy answer: not pregnant)
    said_no = match.group("said").lower() in ("no", "nope")
    if _no_answer(previous):
        lead = "Yes, that's a no. " if said_no else "No. "
    elif previous.startswith(("utter_benefit", "utter_how_it_works")):
        lead = (
            "Not a no: it may help, but not for everyone. " if said_no
            else "Yes, it may, but not for everyone. "
        )
    else:
        return None
    return lead + simpler_answer(previous).replace("In plain words: ", "In short: ", 1)


_AVOID_ANSWERS = (
    "utter_avoid_pregnancy", "utter_avoid_skin_conditions", "utter_avoid_photosensitivity",
    "utter_avoid_implanted_device",
)
_AVOID_ASKED = re.compile(
    r"\b(avoid|dangerous|harmful|risky|unsafe|not safe|bad for|shouldn'?t|should not|stay away)\b",
    re.IGNORECASE,
)
_SAFE_ASKED = re.compile(
    r"\b(safe|ok|okay|fine|alright|allowed)\b|"
    r"\b(can|could|may) (i|she|he|they|you|we|people|someone|women)\b",
    re.IGNORECASE,
)


def yes_no_lead(intent: Optional[str], text: Optional[str]) -> Optional[str]:
    """"yes or no, will it warm up my cold hands": the plain answer before the paragraph that explains it;
    None when the question asks for no yes or no, or the answer has none."""
    if not intent or not intent.startswith("ask_") or not YES_OR_NO_TAG.search(text or ""):
        return None
    response = "utter_" + intent[len("ask_"):]
    if response in _AVOID_ANSWERS:
        # "yes or no: is it safe while pregnant?" is a no; "... should pregnant women avoid it?" a yes
        if _AVOID_ASKED.search(text or ""):
            return "Yes."
        return "No." if _SAFE_ASKED.search(text or "") else None
    if response not in _SAID_AGAIN:
        return None
    if _no_answer(response):
        return "No."
    if response.startswith("utter_benefit"):
        return "It may, but not for everyone:"
    return None


# the answers a "same thing?" follow-up can repeat: what the pads can or cannot do, topics beyond the source
SAME_ANSWERS = ("utter_benefit", "utter_limitation", "utter_how_it_works", "action_answer_beyond_source")


# "and my feet? same thing?", "what about my knees?", "and the fat on my arms?", "same for the back?": the
# last answer asked again of another body part or case (user study round 9, #30, #41). Short messages only.
SAME_AGAIN = re.compile(
    r"^\W*((and|but|so|ok|okay|hmm|also)\W+)?((what|how) about|and|same (for|with|goes for)|also for|"
    r"does (that|it|this) (go|work|apply) for)\s+(on |for |with )?(the |my |her |his |their |your |our )?"
    r"[a-z' ]{2,30}\?*\s*(\W*(same|same (thing|answer|deal|here|question)|likewise|too|as well|also)\W*)?$|"
    r"\bsame (thing|answer|goes|for|with|deal|question)\b|\b(too|as well)\s*\?\s*$",
    re.IGNORECASE,
)


# "so whats the point then", "what IS it good for then": after what the pads cannot do, what they may do
# (user study round 11, #08: got the fat-loss reason again)
POINT_QUESTION = re.compile(
    r"\b(what'?s|whats|what is) the (point|use|benefit)\b(?! of (checking|the check|asking|a doctor))|"
    r"\bwhat (is|'s|are) (it|they|the pads?) (actually |even |really |then |good )*(good|useful|for)\b|"
    r"\bwhat (can|does|do) (it|they|the pads?) (actually |even |really )*(do|help( with)?)\b"
    r"[^.?!]{0,10}\bthen\b|"
    r"\bso what (does|can) (it|they) (actually |even )?do\b",
    re.IGNORECASE,
)


# "should I go to A&E or just wait and see?", "xray or not", "so is that a yes, get it checked today?"
# "should I wait for my next appointment?", "can it wait till my check-up?": no, not that long
WAIT_FOR_VISIT = re.compile(
    r"\b(should|shall|can|could|do|may|might|must)\s+(i|we|he|she)\s+(just\s+)?wait\s+(for|until|till|til)\s+"
    r"(my|the|his|her|a|our)\s+"
    r"(next\s+|routine\s+|regular\s+|annual\s+|yearly\s+|usual\s+|follow[- ]?up\s+|planned\s+)*"
    r"(appointment|appt|check[- ]?up|review|visit|gp|doctor|consultation)\b|"
    r"\b(can|could) (it|this|that) wait (for|until|till|til)\b",
    re.IGNORECASE,
)
SEE_DOCTOR_QUESTION = re.compile(
    r"\b(should|do|shall|must|would you)\s+(i|we|he|she|they)\s+(go|get|see|call|ring|phone|book|visit|"
    r"have|contact|tell|need)\b.{0,30}\b(a ?& ?e|a and e|er|e\.r\.|emergency|hospital|urgent care|"
    r"walk[- ]in|gp|"
    r"doctor|doc|surgeon|specialist|consultant|dermatologist|nurse|midwife|"
    # ("so should i go see someone about the shoulder or not": user study round 50, #15, the avoid list)
    r"someone|somebody|anyone|a professional|a pro|"
    r"physio|x-?ray(ed)?|scan(ned)?|checked( out)?|looked at|seen( to)?)\b|"
    # "i need see doctor or not??", "i go doctor first?", "could I have cracked something?" (user study round
    # 26, #5, #59: "OK. You can ask ..." and "Thanks for telling me")
    # "My GP is closed. What should I actually do for it now?" (user study round 48, #46: the benefits list)
    r"\b(gp|doctor|doctors|doctor'?s|surgery|clinic)\s+(is\s+|are\s+|'s\s+)?(closed|shut)\b[^?]*\bwhat\b[^?]*\?|"
    r"\b(i|we)\s+(need|must|have to|should)\s+(to\s+)?(go|see)\s+(to\s+)?(a\s+|the\s+)?"
    r"(doctor|docter|doc|dr|gp|hospital)\b|\b(i|we)\s+go\s+(to\s+)?(the\s+|a\s+)?(doctor|docter|doc|gp)\b[^.!?]{0,15}\?|"
    # (not "could it be broken?" about a pad that won't switch on)
    r"\bcould\s+(i|he|she)\s+have\s+(a\s+)?(cracked|broken|fractured|torn|ruptured)\b|"
    r"\bcould\s+(it|this|that)\s+be\s+(a\s+)?(fracture|fractured|torn|ruptured|rupture|cracked)\b|"
    # "elbow tendon maybe torn. doctor first?", "gp first or not?" (user study round 26, #5, in new words)
    r"(^|[.!?]\s*)(a\s+|the\s+)?(doctor|docter|doc|dr|gp|a ?& ?e|urgent care|hospital)\s+"
    r"(first|now|today)?\s*"
    r"(or not|or wait|or just the pad|or the pad)?\s*\?|"
    # "Should I wait for my next routine appointment in two months?" after a slow-healing sore (user study
    # round 34, #5: the not-a-substitute paragraph)
    + WAIT_FOR_VISIT.pattern + r"|"
    # "do I stop the pad and see a doctor?" (user study round 26, #56)
    r"\b(stop|quit)\b[^.?!]{0,30}\band\s+(see|call|go to|get)\s+(a\s+|the\s+|my\s+)?(doctor|gp|urgent care|"
    r"hospital|a ?& ?e)\b|"
    r"\b(x-?ray|a ?& ?e|get (it|this|that) checked|see a doctor|go to (the )?(doctor|hospital))\b.{0,12}"
    r"\b(or not|or wait|or just wait|yes or no)\b|"
    r"\b(is that|so) a yes\b.{0,30}\b(check|doctor|a ?& ?e|hospital|x-?ray)|"
    # "should i ask my pharmacist?", "do I need to talk to my GP?" (user study round 6)
    r"\b(should|do|shall|must)\s+(i|we|he|she|they)\s+(also\s+|still\s+|first\s+)?(need\s+to\s+)?(ask|check\s+with|"
    r"talk\s+to|speak\s+to|consult|tell)\s+(my|a|the|our|her|his)\s+(\w+\s+)?(pharmacist|chemist|doctor|doc|gp|"
    r"nurse|midwife|physio\w*|dermatologist|consultant|specialist|surgeon|cardiologist|oncologist)\b|"
    # "should i be worried about the numb foot?", "is that something to mention?", "or wait till my checkup?"
    # (user study round 13, #17, #27, #32)
    # "still swollen and he can't put weight on it. should I worry?" (user study round 29, #6)
    r"\b(should|do|shall)\s+(i|we)\s+(be\s+)?(worried|concerned|worry)\s*\?|"
    r"\b(should|do|shall)\s+(i|we|he|she|they)\s+(be\s+)?(worried|concerned|worry)\s+about\s+(?!(the\s+|my\s+)?"
    r"(price|cost|money|pad|device|light|delivery|order|refund|warranty|data|privacy)\b)|"
    r"\b(something|anything|worth)\s+(to\s+)?(mention|mentioning|flag|flagging|get\s+checked|getting\s+checked)\b|"
    r"\bwait\s+(till|until|for)\s+(my|the|her|his)\s+(next\s+)?(check-?up|appointment|review|follow-?up)\b|"
    # "and what if it gets red and warm around it?" about a scrape (user study round 14, #36: the pad's heat)
    r"\bwhat if (it|the \w+|my \w+)\s+(gets|turns|goes|becomes|starts)\s+(\w+\s+)?"
    r"(red|warm|hot|swollen|puffy|oozing|weepy|infected|pus\w*)\b|"
    # "should i see someone about the leg thing?" (user study round 12, #32: started the safety check)
    r"\b(should|do|shall|must)\s+(i|we|he|she|they)\s+(also\s+|still\s+|first\s+)?(need\s+to\s+)?(see|call|ask|get)\s+"
    r"(someone|somebody|anyone|a professional|medical help|it checked|it looked at)\b|"
    # "should i see someone about it or just wait" (user study round 9, #29)
    r"\b(see|ask|call)\s+(someone|somebody|anyone|a professional|a pharmacist)\b.{0,40}"
    r"\bor\s+(just\s+)?wait\b|"
    # "GP next week, is that fine?", "ok to wait till tomorrow?" about an injury
    r"\b(ok|okay|fine|alright|safe)\s+to\s+wait\b|\bwait\s+(till|until|to|for)\s+(tomorrow|monday|next\s+week|"
    r"the\s+weekend|my\s+appointment)\b|"
    # (a question: "I'll bring it up with my GP next week." is a plan, user study round 27)
    r"\b(gp|doctor|appointment)\s+(next\s+week|on\s+\w+day|in\s+a\s+few\s+days)\b(?=[^.!]*\?)|"
    # "i asked if i should see a doctor about the cut", "my gp can't see me till next week, should i go
    # somewhere today?" (user study round 6, #21 and #44)
    r"\b(if|whether|think|reckon|say)\s+(i|we|he|she|they)\s+(should|need\s+to|have\s+to|ought\s+to|must)\s+"
    r"(go|get|see|call|"
    r"book|visit|have)\b.{0,30}\b(a ?& ?e|emergency|hospital|urgent care|walk[- ]in|gp|doctor|doc|"
    r"x-?ray(ed)?|checked( out)?|looked at|seen( to)?)\b|"
    r"\b(can'?t|cannot|can\s+not|won'?t|couldn'?t)\s+(see|fit)\s+(me|him|her|us|them)\s+(in\s+)?(till|until|"
    r"before|for)\b|\b(should|do|shall)\s+(i|we)\s+go\s+(somewhere|anywhere|elsewhere)\b|"
    # "could it be broken?", "is it fractured or just sprained?": a possible fracture, which the source sends
    # to a doctor first (user study round 8, #46: got the pad-temperature text); not a broken pad ("the light
    # is blinking every few seconds, is it broken?" got the fracture text: user study round 9, #40) unless a
    # body part is named too
    r"^(?=[\s\S]*\b(toe|toes|finger|fingers|wrist|ankle|arm|leg|foot|hand|rib|ribs|nose|knee|elbow|hip|"
    r"shoulder|bone|collarbone|thumb)\b|(?![\s\S]*\b(pad|pads|light|lights|led|leds|cable|cord|device|screen|"
    r"charger|plug|strap|battery|timer|controller|button|mask|panel|unit|wrap|belt|remote|bulb|bulbs|"
    r"machine|display|power|adapter)\b))[\s\S]*?"
    r"(\b(could|can|might|may|would|is|was)\s+(it|that|this|they|something|anything|my\s+\w+|the\s+\w+)\s+"
    r"(be\s+)?(broken|fractured|cracked)\b|\b(think|maybe|possibly|probably)\s+(it'?s|its|it\s+is)?\s*"
    r"(broken|fractured|cracked)\b|\b(a\s+)?(fracture|break)\s+or\s+(just\s+)?(a\s+)?(sprain|bruise)\b)",
    re.IGNORECASE,
)
# an injury that may need urgent care: the longer answer, with when to go now
_INJURY_WORDS = re.compile(
    r"\b(a ?& ?e|a and e|er|emergency|x-?ray\w*|broken|break|broke|fracture\w*|sprain\w*|cracked|crack|"
    r"torn|tear|rupture\w*|tendon|"
    r"fell|fall|fallen|twisted|dislocat\w*|can'?t (walk|bend|move|put weight)|purple|bruis\w*|wait|"
    r"tomorrow|next week|in a few days|the weekend)\b",
    re.IGNORECASE,
)
SEE_DOCTOR_ANSWER = (
    "Yes, please see your doctor: I can't examine you or check your medicines, and your doctor knows your "
    "situation. Ask them before using a red-light therapy pad, and get help sooner if something gets worse."
)
# "no burns or redness, skin looks normal ... should I worry?" after a long session: no sign to act on
SEE_DOCTOR_NO_SIGNS = (
    "From what you describe, there is no sign of a burn, though I can't examine you. Careful general "
    "guidance beyond my source: keep an eye on that skin for a day or two, and see a doctor or pharmacist if "
    "redness stays, it hurts, or a blister appears. Don't fall asleep on the pad again, and follow your "
    "device's manual."
)
_NO_SIGNS = re.compile(
    r"\b(no (burns?|redness|blisters?|marks?|pain)|(skin|it) (looks|seems|feels) (normal|fine|ok|okay)|"
    r"nothing (on|wrong with) (my|the) skin|not (red|sore|burnt|burned))\b",
    re.IGNORECASE,
)
_WORRY = re.compile(r"\b(worry|worried|concerned)\b", re.IGNORECASE)
SEE_DOCTOR_INJURY = (
    "Get it checked soon rather than waiting days: I can't examine you, and a doctor can. If something "
    "may be broken or badly hurt, see a doctor or urgent care today; if it is "
    "severe (you can't move it or put weight on it, it looks misshapen, or the pain is very strong), go to "
    "the emergency department or call your local emergency number. Until a doctor has seen it, don't use a "
    "red-light therapy pad on it."
)


# a wound that may be infected: its own answer, never the fracture text (user study round 9, #29: "a warm cut
# with pus, should i see someone or just wait" got "if something may be broken")
# a possible broken bone nobody has checked yet, told in the same message as the question (user study round
# 20, #1: "i think i broke my wrist yesterday, its swollen and purple" got only "ask your doctor first")
SEE_DOCTOR_FRACTURE = (
    "A possible broken bone needs to be checked by a doctor soon, today if you can (your GP, an urgent care "
    "centre or a minor injuries unit); until then, don't use a red-light therapy pad on it."
)
# "twisted my ankle an hour ago, can't really walk on it", "I can't put weight on it at all. wait and see?":
# an injury that may be a broken bone, whatever word the user gave it (user study round 30, #33: "ask your
# doctor first, before using a pad", then the usage text)
CANT_BEAR_WEIGHT = re.compile(
    # ("I no fit walk": Nigerian Pidgin for "I can't walk", user study round 45, #48)
    r"\b(can'?t|cant|cannot|can not|couldn'?t|unable to|not able to|can\s+hardly|can\s+barely|no\s+fit)\s+"
    r"(really\s+|even\s+|properly\s+)?(walk|stand|put\s+(any\s+|much\s+)?weight|bear\s+(any\s+)?weight|"
    r"weight[- ]?bear|"
    r"move\s+(it|my\s+\w+))\b",
    re.IGNORECASE,
)
CANT_BEAR_WEIGHT_ANSWER = (
    "Don't wait and see: not being able to put weight on it or move it can mean a broken bone, which my "
    "source says needs medical attention first. Get it checked today (your GP, an urgent care centre, a "
    "minor injuries unit or A&E), and don't use a red-light therapy pad on it until a doctor has seen it."
)
# "The pain is too much, I no fit walk" during a gout attack (user study round 45, #48): no injury was told,
# so no broken bone is named; pain that stops someone walking is seen today all the same
CANT_WALK_PAIN_ANSWER = (
    "Pain so bad that you can't walk or put weight on it needs a doctor today: your GP, an urgent care "
    "centre or a minor injuries unit (the emergency number if it comes with fever, spreading redness or "
    "you feel very unwell). Don't use a red-light therapy pad on it until a doctor has seen it."
)
_HURT_BY_ACCIDENT = re.compile(
    r"\b(fell|fall|fallen|falling|tripped|slipped|twist\w*|sprain\w*|roll(ed)?\s+(my|it|on)|injur\w*|hurt\s+it|"
    r"broke|broken|fracture\w*|crack\w*|bang\w*|knock\w*|hit|landed|accident|tackle\w*|kicked|stubbed|"
    r"dropped)\b",
    re.IGNORECASE,
)


# a painful condition that is no injury (a gout attack, an arthritis flare): no broken bone to name
_NOT_AN_INJURY = re.compile(
    r"\b(gout|flare|flaring|flared|attack|arthritis|sciatica|neuropathy)\b", re.IGNORECASE
)


def cant_bear_weight_answer(texts: Iterable[Optional[str]]) -> str:
    """Get it checked today: as pain too bad to walk on when these messages tell of a painful condition (gout,
    a flare) and no injury, else as a possible broken bone (the careful default)."""
    texts = list(texts)
    if any(_NOT_AN_INJURY.search(t or "") for t in texts) and not any(
        _HURT_BY_ACCIDENT.search(t or "") for t in texts
    ):
        return CANT_WALK_PAIN_ANSWER
    return CANT_BEAR_WEIGHT_ANSWER


# "can't get to a doctor till monday, can I use it meanwhile?" after a possible broken bone (user study round
# 31, #27: the "supplemental devices" paragraph, then the usage text)
USE_MEANWHILE = re.compile(
    r"\b(meanwhile|in the meantime|till|until|before (then|monday|tuesday|wednesday|thursday|friday|"
    r"the weekend|i see)|for now)\b|\bcan i or can'?t i\b|\bcan i or not\b|"
    r"\b(can|could|may|should)\s+i\s+(still\s+|just\s+)?(use|try|put)\b",
    re.IGNORECASE,
)
# "think my ankle might be broken", "pretty sure I cracked a rib": a possible broken bone in other words than
# the lexicon's (user study round 31, #27)
POSSIBLY_BROKEN = re.compile(
    r"\b(might|may|could|must)\s+(be|have)\s+(been\s+)?(broken|fractured|cracked)\b|"
    r"\b(think|pretty sure|reckon|worried|afraid|scared)\b[^.?!]{0,25}\b(broken|fractured|cracked|broke)\b|"
    r"\b(broke|fractured|cracked)\s+my\s+\w+",
    re.IGNORECASE,
)


# "I broke my wrist 6 years ago, it's fully healed": an old break, not one to have seen (user study round 41,
# #37: "No: don't use the pad on a possibly broken bone" three turns later, about the back)
_LONG_HEALED = re.compile(
    r"\b(\d+|two|three|four|five|six|seven|eight|nine|ten|twenty|a few|a couple of|several|many)\s+"
    r"(years?|yrs?|decades?)\s+(ago|back)\b|\bas an? (kid|child|teen|teenager|boy|girl|baby)\b|"
    r"\b(fully|completely|long|totally|properly|all)\s+healed\b|\bhealed (up )?(years|ages|long) ago\b|"
    r"\b(in|back in) (19|20)\d\d\b",
    re.IGNORECASE,
)


def possible_fracture(texts: Iterable[Optional[str]], conditions: Iterable[str] = ()) -> bool:
    """Whether the conversation told of a bone that may be broken and not yet seen by a doctor."""
    if "fracture" in set(conditions):
        return True
    return any(
        (POSSIBLY_BROKEN.search(t or "") or CANT_BEAR_WEIGHT.search(t or ""))
        and not FRACTURE_SEEN.search(t or "")
        and not _LONG_HEALED.search(t or "")
        for t in texts
    )


_USE_WORD = re.compile(r"\b(use|using|put|try|pad)\b", re.IGNORECASE)


def asks_to_use_meanwhile(text: Optional[str]) -> bool:
    """"can I use it meanwhile?", "can I or can't I use it till monday?": a question about using the pad
    before a doctor has seen it (never "should I go somewhere sooner?")."""
    return bool(USE_MEANWHILE.search(text or "") and _USE_WORD.search(text or ""))


FRACTURE_NOT_YET = (
    "No: don't use the pad on a possibly broken bone until a doctor has seen it (my source says a fracture "
    "needs medical attention first). If you can't see your GP before then, an urgent care centre, a minor "
    "injuries unit or A&E can check it sooner; for the pain meanwhile, a pharmacist can advise."
)
FRACTURE_LATER = (
    "Once a doctor has checked it and it has healed, my source's caution about a fracture (it needs "
    "medical attention first) no longer stands in the way: ask the doctor or physiotherapist treating "
    "it when you can start. My source says a pad may give some relief of muscle and joint discomfort "
    "and stiffness and help recovery, that effects vary, and that it is no substitute for treatment; "
    "follow your device's manual. Until a doctor has seen it, don't use the pad on it."
)
# ... unless a doctor has seen it already ("doctor says hairline fracture", "it's in a cast")
FRACTURE_SEEN = re.compile(
    r"\b(doctor|doc|dr|gp|a ?& ?e|a and e|er|hospital|urgent care|surgeon|physio|consultant|nurse|they)\s+"
    r"(says?|said|told|confirmed|found|diagnosed|thinks?|put)\b|\bdiagnosed\b|\bx-?ray\w*\b|\b(cast|splint|"
    r"brace|moon boot|walking boot|sling|plaster|pinned|plated|operated)\b|\bwas told\b|\bconfirmed\b",
    re.IGNORECASE,
)
_INFECTION_WORDS = re.compile(
    r"\b(pus|infect\w*|oozing|weeping|yellow\w*|green\w*|crust\w*|throbb\w*|red streaks?|spreading redness|"
    r"red and (warm|hot)|red,? warm|warm,? red|"
    r"redness (is )?spreading|abscess|"
    r"(warm|hot) (and|to the touch)|smells?|fever)\b",
    re.IGNORECASE,
)
# numbness, weakness or pain spreading down a limb (user study round 13, #17: "should i be worried about the
# numb foot?" got the pad's verdict again)
_NERVE_WORDS = re.compile(
    r"\b(numb(?!er)\w*|tingl\w*|pins and needles|weak|weakness|shooting|sciatica|"
    r"down (my|the|his|her) ((left|right) )?(leg|arm))\b",
    re.IGNORECASE,
)
# new nerve signs told as such ("goes down my leg and my foot feels numb since yesterday"): the answer above
# comes with the verdict, and no paragraph on what the pad may ease follows it
NERVE_SIGNS = re.compile(
    r"\b(weak|weakness|shooting|"
    r"(goes|going|went|runs|running|radiat\w*|spread\w*|travel\w*) down (my|the|his|her) ((left|right) )?"
    r"(leg|arm)|"
    r"(numb(?!er)\w*|tingl\w*)[^.!?]{0,30}\b(since|suddenly|getting worse|worse|new|started|this week|today|"
    r"yesterday|recently|lately))\b|"
    r"\b(suddenly|new)\s+(numb(?!er)\w*|tingl\w*|weak\w*)",
    re.IGNORECASE,
)
# "I did not say I have numbness or weakness", "no weakness": the signs denied, not told (user study round 33,
# #5: the emergency department for a user who had said neither)
_DENIED_BEFORE = re.compile(r"\b(not|no|n't|never|without|nor|neither)\b[^.!?,]{0,30}$", re.IGNORECASE)


def nerve_signs(text: Optional[str]) -> bool:
    """New nerve signs told (weakness, numbness since yesterday, pain going down a leg), not denied."""
    return any(
        not _DENIED_BEFORE.search((text or "")[:match.start()])
        for match in NERVE_SIGNS.finditer(text or "")
    )
SEE_DOCTOR_NERVE = (
    "Yes, get it checked soon rather than waiting: new numbness or weakness, or pain spreading down a leg or "
    "an arm, should be seen by a doctor promptly. Go to the emergency department or call your local "
    "emergency number now if the weakness gets worse quickly, or you also lose control of your bladder or "
    "bowels or feel numb between your legs. Until a doctor has seen it, don't use a red-light therapy pad "
    "there."
)
# pain or another symptom that is getting worse ("my back pain is getting worse, what do I do", "my back still
# hurts every day, worse than before"): see a doctor, never the usage text (user study round 15, #14)
WORSENING = re.compile(
    r"\b(pain|pains|painful|ache|aches|aching|achy|hurts?|hurting|sore|soreness|stiff|stiffness|swelling|"
    r"swollen|numb|numbness|tingling|rash|symptoms?|back|neck|knees?|shoulders?|hips?|joints?|wrists?|"
    r"ankles?|elbows?|leg|legs|arm|arms|foot|feet)\b[^.!?]{0,40}?"
    r"\b(getting\s+worse|got\s+worse|gets\s+worse|gotten\s+worse|worsening|worse\s+and\s+worse|"
    r"worse\s+than\s+(before|ever|it\s+was|last\s+\w+|when)|(is|are|feels?|it'?s)\s+worse(\s+now)?\b|"
    r"(not|isn'?t|aren'?t|hasn'?t|haven'?t|never)\s+(been\s+)?(getting|got|gotten)\s+(any\s+)?better)",
    re.IGNORECASE,
)
SEE_DOCTOR_WORSE = (
    "Please see your doctor about it: pain or another symptom that is getting worse, or does not get "
    "better, needs a doctor's check, and my source says a pad must not replace medical treatment. Get help "
    "the same day if it is severe or came on suddenly, or comes with numbness, weakness, a fever or "
    "trouble controlling your bladder or bowels. Until a doctor has seen it, don't rely on the pad for it."
)
# a sore or ulcer that is slow to heal ("should I be worried about the sore?" from a diabetic with a heel sore
# got the spinal emergency text, user study round 21, #2)
_SORE_WORDS = re.compile(
    r"\b(sores?|ulcers?|ulcerated|wounds?|cuts?|blisters?|grazes?|scabs?)\b"
    r"(?![^.!?]{0,15}\b(muscles?|throat|back|legs|knees?|shoulders?|neck|calves)\b)",
    re.IGNORECASE,
)
SEE_DOCTOR_SORE = (
    "Yes, have it checked soon: a sore or wound that is slow to heal, especially on the feet with diabetes "
    "or poor circulation, should be seen by a doctor, nurse or podiatrist within days, and the same day if "
    "it gets red, warm, swollen, smelly or more painful, or you get a fever. My source says an open, "
    "unhealed wound is a reason not to use the pad: until it has been checked and has healed, don't use a "
    "red-light therapy pad on it."
)
# the words of an infection described rather than named ("yellowish gunk", "red and warm around the edges")
INFECTION_SIGNS = re.compile(
    # ("yellow and smelly", user study round 29, #32)
    r"\b(pus|oozing|weeping|yellow\w*|green\w*|gunk|goo|discharge|red and (warm|hot)|warm|hot|smelly|"
    r"smells|smelling|foul|stinks|stinky)\b",
    re.IGNORECASE,
)
SEE_DOCTOR_INFECTION = (
    "Yes, see a doctor rather than wait: a wound that is warm, oozing or has pus may be infected, and my "
    "source says an infected wound needs medical treatment first. Get help the same day if the redness "
    "spreads, it gets more painful or swollen, or you get a fever. Until a doctor has seen it, don't use a "
    "red-light therapy pad on it."
)


# a fever told with a wound that may be infected: today, not "if you get a fever" (user study round 33, #37)
FEVER_TOLD = re.compile(
    r"(?<!\bno )(?<!\bnot a )(?<!\bwithout a )(?<!\bwithout )"
    r"\b(fever|feverish|high temperature|a temperature|temp of|chills|shivery|shivering|rigors)\b",
    re.IGNORECASE,
)
# (not only a wound: "one side is red, hot and sore and I've gone all shivery" with suspected mastitis got
# "the team that did your surgery", user study round 46, #36)
SEE_DOCTOR_INFECTION_TODAY = (
    "Yes, today: skin or a wound that is red, warm or oozing together with a fever or shivers may be "
    "infected, and my source says an infection needs medical attention first. Contact your doctor (after "
    "an operation, the team that did it) today rather than waiting for a check-up (an out-of-hours service "
    "if they are closed). Call your local emergency number if you feel very unwell, confused or faint. "
    "Until a doctor has seen it, don't use a red-light therapy pad on it."
)


def see_doctor_answer(text: Optional[str], previous_text: Optional[str] = None) -> str:
    """"Should I see a doctor?": always yes; for a wound that may be infected, nerve signs or a possible
    injury, how soon. "Should I wait for my appointment?" gets "No, don't wait" instead of the yes."""
    said = _see_doctor_answer(text, previous_text)
    if WAIT_FOR_VISIT.search(text or "") and said.startswith("Yes, "):
        return "No, don't wait. " + said[5].upper() + said[6:]
    return said


def _see_doctor_answer(text: Optional[str], previous_text: Optional[str] = None) -> str:
    if _WORRY.search(text or "") and any(_NO_SIGNS.search(t or "") for t in (text, previous_text)) and not (
        WORSENING.search(text or "") or any(_INFECTION_WORDS.search(t or "") for t in (text, previous_text))
    ):
        # (user study round 42, #27: "Yes, please do: ... they know your situation" to a skin that looked
        # normal after falling asleep on the pad)
        return SEE_DOCTOR_NO_SIGNS
    if any(_INFECTION_WORDS.search(t or "") for t in (text, previous_text)):
        if any(FEVER_TOLD.search(t or "") for t in (text, previous_text)):
            return SEE_DOCTOR_INFECTION_TODAY
        return SEE_DOCTOR_INFECTION
    if any(_SORE_WORDS.search(t or "") for t in (text, previous_text)):
        return SEE_DOCTOR_SORE  # before the nerve signs: a diabetic's numb foot with a sore is about the sore
    if any(_NERVE_WORDS.search(t or "") for t in (text, previous_text)):
        return SEE_DOCTOR_NERVE
    if WORSENING.search(text or ""):
        return SEE_DOCTOR_WORSE
    injury = any(_INJURY_WORDS.search(t or "") for t in (text, previous_text))
    return SEE_DOCTOR_INJURY if injury else SEE_DOCTOR_ANSWER


# after "it can't cure it": does it do anything at all?
SYMPTOMS_FOLLOWUP = re.compile(
    r"\b(at least|still|even)\b.{0,25}\b(help|ease|relieve|do)\b.{0,20}\bsymptoms?\b|"
    r"\b(help|ease|relieve)s?( with)? (the |my |his |her |their |some )?symptoms?\b|"
    r"\b(so |then )?(it'?s|it is|is it|its) (useless|pointless|no use|no good|a waste)\b|"
    r"\b(any|no) point\b|\b(does|do) nothing for (me|him|her|them)\b|"
    r"\b(won'?t|can'?t|doesn'?t) (do anything|help( at all)?) (for|with) (me|him|her|them|it)\b|"
    # "so even a little bit of relief?" (user study round 6, #40: answered with the complaint reply)
    r"\b(even|at least|just|any)\s+(a\s+)?(little\s+|tiny\s+|small\s+)?(bit\s+)?(of\s+)?relief\b"
)
# after "it can't replace your ibuprofen": and as well as the treatment?
ALONGSIDE_FOLLOWUP = re.compile(
    r"\b(alongside|along with|together with|in addition( to)?|on top of|as well as|combined with|"
    r"combine (it|them)|at the same time as|besides (it|them|my \w+)|as an? (add[- ]on|extra|supplement|"
    r"complement)|with (my|the|his|her) (meds|medication|medicine|treatment|pills|tablets|physio))\b"
)


_HOW_LONG = re.compile(
    r"\b(how long|how soon|how many (weeks|days|minutes)|how often|when will|until when)\b"
)
_STATUS = re.compile(
    r"\b(am i|i'?m|im|is (it|that)|are we) (ok(ay)?|fine|good|safe|alright|all right|cleared|good to go)\b|"
    # "so am I right to use it then?" (user study round 43, #3: "My source doesn't go further")
    r"\b(am i|i'?m|im) (right|clear|free|sweet|set) to (use|go|start|try|carry on)\b|"
    # "and if I'm not in any of those groups?" after the who-should-avoid list (round 43, #48)
    r"\bif (i'?m|im|i am) not (in )?(any|one|either) of (those|these|them|the above)\b|"
    r"\b(none|neither) of (those|these|them|that) (apply|applies|is me|are me|fits?)\b|"
    r"\b(so|then|now)\b.*\b(can|may|should) i\b|\bcan i (use|try|start)( it)?( then| now)?\b|"
    # "So I could use it then?" (Trinidadian English, user study round 47, #5: "OK. You can ask ...")
    r"\bso (i|we|she|he|they|mi|me) (can|could|cud|fit|may) (use|try|start)( it| am| the pad)?"
    r"( then| now)?\s*\?|"
    r"\bwhat (now|next|(should|shall|do|can) (i|we) do)\b|\bso\??$|\bwhat does that mean for me\b|"
    r"\bsafe for (me|him|her|them)\b|"
    r"\byes or no\b|"
    # "so all good?", "all clear then?", "good to go?" (user study round 41, #38: got "Goodbye")
    r"^\W*((ok|okay|right|so|and)\s+)*(all|everything'?s?|it'?s|its)\s+(good|ok|okay|fine|clear|sorted)"
    r"(\s+(then|to go|now|for me|with me))?\s*\?|^\W*(so\s+)?(good|ok|okay|clear|safe) to go\s*\?|"
    r"\bin the clear\b|"
    # "it's the gout. so no pad?", "yes pad or no pad during a gout flare?" (user study round 27, #37: "Thanks
    # for telling me" twice)
    r"\bpad or no pad\b|\bno pad\s*\?|\buse it or not\b|\bcan i or not\b|"
    r"\b(so|then) (i )?(can'?t|cannot|shouldn'?t|should not|mustn'?t) use (it|the pad|one)\b"
)


# "so i can or i cant?", "is that a yes or a no?": the verdict itself, plainly
_CAN_OR_CANT = re.compile(
    r"\b(i )?(can|should|may) (i |we )?or (i |we )?(can'?t|cannot|not|shouldn'?t|should not)\b|"
    r"\b(a )?yes or (a )?no\b"
)


# "and once it has cleared up?", "after the baby is born?": when may the user start?
RECOVERY = re.compile(
    # ("what if i wait till its fully closed, then ok?", "if the oozing stops and it closes up, could i use it
    # then?": user study round 35, #6, #27)
    r"\bif (it|that|this|(the|my|her|his) \w+) (\w+ ){0,4}(stops|closes|closes up|heals|clears|clears up|"
    r"settles|calms down|goes away)\b|"
    r"\b(once|after|when|until|till|til) (it|it'?s|its|that|this|(the|my|our|her|his) \w+|i'?m|im|i am|"
    r"i'?ve|i|baby|bebe|bub|the baby|birth|giving birth|delivery)\b.{0,30}"
    r"\b(cleared|clears|healed|heals|gone|better|over|born|finished|stopped|stops|recovered|done|arrives|"
    r"arrived|comes|calms|calmed|settles|settled|weaned|anymore|any more|no longer|closed|closes|closes up|"
    r"scabbed)\b"
    r"|\b(after|once) (the )?(birth|delivery|giving birth|i give birth|i'?ve given birth)\b",
    re.IGNORECASE,
)

# "only on my feet then?", "not even on my hands?", "is ok?": does the earlier answer still hold?
# "its on his knee not near his chest" after the pacemaker verdict for the user's father: whether another part
# of the body changes their verdict (user study round 18, #10: the referral and verdict block again)
ELSEWHERE_ON_THEM = re.compile(
    r"\b(it'?s|its|it is|only|just|it would be|it'?d be)\s+(on|to)\s+(his|her|their)\s+(\w+\s+)?"
    r"(knee|knees|back|leg|legs|arm|arms|shoulder|shoulders|neck|face|feet|foot|hand|hands|hip|hips|thigh|"
    r"thighs|calf|calves|ankle|ankles|wrist|wrists|elbow|elbows)\b|"
    r"\bnot (near|close to|anywhere near|over|on) (his|her|their) (\w+)\b|"
    r"\b(far|away) from (his|her|their)\b|"
    # "the pad is only on my lower back, nowhere near my chest. still a problem?" (user study round 19, #10:
    # read as a refund)
    r"\b(nowhere near|not near|not anywhere near|far from|far away from|away from) (my|the) (chest|heart|"
    r"pacemaker|device|pump|implant|belly|tummy|bump|stomach|abdomen)\b"
)
# a shorter or smaller use asked about after a verdict: "only for like 5 min", "even for short sessions?",
# "so that's a no even ...?"
# "till then we can try?", "can I just try it on my feet?": using it in the meantime, before a doctor has
# said it's OK (user study round 45, #25, #32); not a plain "can I use it?"
_MEANTIME = re.compile(
    r"\b(meanwhile|in the meantime|till then|until then|til then|before then|for now|till|until|til)\b|"
    r"\b(can|could|may)\s+(i|we|he|she)\s+just\s+(try|use|put)\b",
    re.IGNORECASE,
)


def asks_to_try_meanwhile(text: Optional[str]) -> bool:
    """"till then we can try?", "can I just try it for a bit?": a question about using the pad before the
    doctor has said it's OK, with a word of waiting or of a mere try."""
    return bool(_MEANTIME.search(text or "") and _USE_WORD.search(text or ""))


SHORT_USE = re.compile(
    r"\b(only|just|even)\s+((use|uses|using|do|does|doing|try|put)\s+(it\s+)?)?(for\s+)?(like\s+|about\s+|around\s+)?"
    r"(\d+|a few|one|two|three|five|ten|a couple of?|short|quick|brief|small)\s*"
    r"(min|mins|minutes?|seconds?|secs?|sessions?|times?|goes?|bits?)\b|"
    r"\b(even|just|only)\s+(for\s+)?(a\s+)?(short|quick|brief|little)\s+(sessions?|time|while|go|bit)\b|"
    r"\b(so\s+)?(that'?s|thats|it'?s|its)\s+a\s+(no|nope|hard no)\s+(even|for|then|too)\b",
    re.IGNORECASE,
)
_STILL = re.compile(
    r"\b(only|just|not even|even|at all|instead)\b.*\?|\b(is|it'?s|that'?s|that) (ok|okay|fine|safe)\b|"
    r"\bso (it'?s|that'?s) a no\b|\b(ok|okay|fine|safe) (then|now)\b"
)


# "my cardiologist said it's fine", "she asked her cardiologist and he said go ahead": the doctor the verdict
# defers to ("unless your doctor says otherwise") has spoken (user study round 6, #16)
_DOCTOR = (
    r"(doctor|doc|dr|gp|cardiologist|consultant|specialist|surgeon|midwife|dermatologist|derm|rheumatologist|"
    r"rheumy|rheum|oncologist|neurologist|physio|nurse|obgyn|ob-gyn|pharmacist|paediatrician|pediatrician|"
    # ("My audiologist said it's fine as long as ...": user study round 35, #33)
    r"audiologist|ent|endocrinologist|endo|haematologist|hematologist|electrophysiologist|gynaecologist|"
    r"gynecologist|obstetrician|urologist|podiatrist|ophthalmologist|eye doctor|orthopaedic surgeon|"
    r"orthopedic surgeon|ortho)s?"
)
DOCTOR_APPROVAL = re.compile(
    # ("say": "doctor say ok already", a non-native speaker: user study round 16, #11)
    rf"\b{_DOCTOR}\b.{{0,40}}\b(said|says|say|told|gave|"
    r"given|got|cleared|approved|okayed|ok'?d)\b"
    r"(?P<what>.{0,40}?)"
    r"\b(go ahead|go-ahead|ok|okay|fine|all clear|all-clear|green light|safe|no problem|can use|alright|"
    # "my GP ... said I could try the pad alongside the exercises" (user study round 28, #33)
    r"all right|good to go|could try|can try|could use|should try|might try|to try (it|the pad))\b|"
    rf"\b{_DOCTOR}\s+(has\s+)?(cleared|approved|okayed|ok'?d)\s+(me|her|him|them|it|us|the pad|this pad|"
    r"the light|red light|using it|using the pad)\b|"
    # "My rheumatologist said yes actually" (user study round 36, #39: ignored, then the deletion question)
    rf"\b{_DOCTOR}\b.{{0,30}}\b(said|says|say)\s+(yes|yeah|yep)\b(?!\s*,?\s*(i|it'?s|its|that'?s|you)\b)|"
    # "my oncologist is happy with it" (user study round 27, #24, in new words)
    rf"\b{_DOCTOR}(\s+\w+)?\s+(is|was|'s|seems)\s+(totally\s+|perfectly\s+|quite\s+|completely\s+)?"
    r"(happy|fine|ok|okay|alright|all right|comfortable)\s+(with|about)\s+(it|that|this|me using|"
    r"her using|him using|them using|the pad|red light)\b",
    re.IGNORECASE,
)
# someone else the user speaks of ("can she use it?", "my mum"): the safety policy and the follow-ups
OTHER_PERSON = re.compile(
    r"\b(she|he|her|him|they|them|his|hers)\b|\bmy (mum|mom|mother|dad|father|sister|brother|wife|husband|"
    r"partner|son|daughter|grandma|grandmother|grandpa|grandfather|grandad|granddad|granny|gran|nan|nana|"
    r"friend|aunt|uncle|child|kid)\b",
    re.IGNORECASE,
)
_NOT = re.compile(r"\b(not|n't|never|no|isn'?t|wasn'?t)\b", re.IGNORECASE)


def doctor_approved(text: Optional[str]) -> bool:
    """The user reports that their (or the other person's) doctor said the pad is fine."""
    norm = " ".join((text or "").lower().replace("\u2019", "'").split())
    match = DOCTOR_APPROVAL.search(norm)
    if match is None or _NOT.search(match.group("what") or ""):
        return False
    # "what would my doctor say, is it ok?" asks; it reports nothing
    return not _WOULD_SAY.search(norm)


_WOULD_SAY = re.compile(r"\b(would|will|might|could|should|does|did|to)\s+(\w+\s+){0,3}say\b")
# "doctor say pacemaker is ok with magnet and phone. so then ok?": the OK was for something else, never for
# red light (user study round 20, #3: it was taken as the doctor's word on the pad)
_FOR_ANOTHER_THING = re.compile(
    r"^\s*(with|for|around|near|next to)\s+(?!(me|him|her|them|us|it|this|that|these|those|red|light|lights|"
    r"using|use|pads?|therapy|(the|a|this|my|his|her|their)\s+(pads?|device|light|therapy|thing|mask|belt|wrap|"
    r"panel|session|sessions)|"
    # a part of the body is where the pad goes: "said it's fine for the back" (user study round 37, #4)
    r"((the|my|his|her|their|your)\s+)?(lower\s+|upper\s+)?(back|neck|shoulders?|knees?|legs?|arms?|face|skin|"
    r"feet|foot|hands?|hips?|joints?|muscles?|wrists?|ankles?|elbows?|belly|tummy|abdomen|stomach|chest|"
    r"calf|calves|thighs?))\b)(?P<thing>[a-z0-9' -]{2,40}?)\s*(?=[.,;!?]|\bso\b|\bbut\b|$)"
)


# "my lupus doc says its fine to use heat": heat, a sauna or a heating pad is not red light (user study round
# 24, #16: "then follow your doctor's advice", then the benefits with no warning)
_OTHER_TREATMENT = re.compile(
    r"^\s*(to\s+(use|try|do|have|get)\s+|using\s+|doing\s+|with\s+|for\s+)?(?P<thing>(a\s+|the\s+)?("
    r"heat|heating pads?|heat pads?|heat packs?|hot water bottles?|warmth|hot baths?|infrared saunas?|"
    r"saunas?|ice( packs?)?|cold packs?|massage|tens( machines?)?|exercise|yoga|swimming|the gym|physio|"
    r"stretching|sun ?beds?|the sun|sunlight|uv|ultrasound))\b"
)


def approved_other_thing(text: Optional[str]) -> Optional[str]:
    """What the doctor's reported OK was for when it was not the pad ("magnet and phone", "heat"), else
    None."""
    norm = " ".join((text or "").lower().replace("\u2019", "'").split())
    match = DOCTOR_APPROVAL.search(norm)
    if match is None:
        return None
    rest = norm[match.end():]
    treatment = _OTHER_TREATMENT.match(rest) or _OTHER_TREATMENT.search(match.group("what") or "")
    if treatment:
        return treatment.group("thing").strip()
    other = _FOR_ANOTHER_THING.match(rest)
    return other.group("thing").strip() if other else None


def doctor_ok_told(texts: Iterable[str]) -> bool:
    """Whether one of these messages reported the doctor's OK for the pad itself ("my midwife said it's
    fine for the back"), so a later "so can I or not?" is answered with it (user study round 37, #4: a flat
    "No")."""
    told = [t for t in texts if t and not t.startswith("/")]
    return any(doctor_approved(t) and not approved_other_thing(t) for t in told)


def doctor_ok_status(verdict: Optional[str], rules: List[str], for_other: bool = False) -> str:
    """"so can I use it or not?" after the doctor's OK was told: their word, as the verdict allows."""
    whose = "their" if for_other else "your"
    return f"You told me {whose} doctor said it's fine. " + doctor_said_answer(verdict, rules, for_other)


def doctor_said_other_answer(
    thing: str, verdict: Optional[str], rules: List[str], for_other: bool = False
) -> str:
    """After "the doctor said the pacemaker is fine with magnets": an OK for that is no OK for red light."""
    who, whose = ("they", "their") if for_other else ("you", "your")
    rule = (
        f"{who} should ask {whose} doctor first" if verdict == Verdict.ASK_DOCTOR.value
        else f"{who} should not use a red-light therapy pad unless {whose} doctor says otherwise"
    )
    return (
        f"That OK was about {thing}, not about red light. From what you told "
        f"me{_named(rules)}, my rules say {rule}: ask the doctor (or the device maker) about a red-light "
        "therapy pad specifically, and follow the device's manual."
    )


def doctor_said_answer(verdict: Optional[str], rules: List[str], for_other: bool = False) -> str:
    """After "my cardiologist said it's fine": the verdict deferred to the doctor, so their word counts;
    never the bot's own green light, and the usual precautions."""
    told = f"From what you told me{_named(rules)}, my rules say"
    if for_other:
        return (
            f"Then they should follow their doctor's advice. {told} not to use a red-light therapy pad "
            "unless their doctor says otherwise, and their doctor knows their situation. They should follow "
            "the device's manual, and stop and get medical advice if the skin becomes painful, blisters or "
            "burns, or if anything else feels wrong."
        )
    rule = (
        "to ask your doctor first" if verdict == Verdict.ASK_DOCTOR.value
        else "not to use a red-light therapy pad unless your doctor says otherwise"
    )
    return (
        f"Then follow your doctor's advice. {told} {rule}, and your doctor knows your situation. Follow "
        "your device's manual, and stop and get medical advice if your skin becomes painful, blisters or "
        "burns, or if anything else feels wrong."
    )


# "who exactly should she ask, cardiologist?", "which doctor do I ask?", "GP or cardiologist?" (user study
# round 7, #48): whom to ask, not whether
_EXPERTS = (
    r"gp|doctor|cardiologist|dermatologist|midwife|pharmacist|surgeon|specialist|nurse|clinic|obstetrician|"
    r"oncologist|neurologist|rheumatologist|paediatrician|pediatrician"
)
# "can i aks in farmacy insted? is free", "pharmacist is ok to ask, yes or no?" after "ask your doctor" (user
# study round 25, #15: the supplemental-device text, then "ask your doctor" again)
# ("should i ask my pharmacist?" alone is the see-a-doctor question's plain yes)
_PHARMACY = re.compile(
    r"\b(pharmac\w*|farmac\w*|chemist\w*|drug ?store|apothe\w*)\b[^.?!]{0,25}\b(instead|insted|rather|"
    r"enough|ok|okay|fine|free)\b|"
    r"\b(instead|insted|rather)\b[^.?!]{0,25}\b(pharmac\w*|farmac\w*|chemist\w*|drug ?store)",
    re.IGNORECASE,
)
WHO_TO_ASK_QUESTION = re.compile(
    r"\bwho\b(?!.*\b(refunds?|return|warranty|order|price|deliver\w*|sellers?|shop|buy|bought)\b).{0,25}"
    # ("who do we even call, the cardiologist?": user study round 17, #10)
    r"\b(ask|see|talk\s+to|speak\s+to|check\s+with|consult|call|ring|phone|contact)\b|"
    r"\b(which|what\s+(kind|type|sort)\s+of)\s+(doctor|doc|specialist|consultant|clinic|professional|expert)s?\b|"
    # "What about the surgeon who put it in, would they know?" (user study round 48, #10: "No: ... do not
    # use")
    r"\b(surgeon|doctor|gp|cardiologist|specialist|consultant|nurse|pharmacist|team|clinic)s?\b[^.?!]{0,40}"
    r"\b(would|will|could|do|does|might)\s+(they|he|she|it)\s+know\b|"
    # (the two halves, as the splitter sends them: "What about the surgeon who put it in", "would they know?")
    r"\b(what|how)\s+about\s+(the|my|his|her|their|a)\s+(surgeon|gp|doctor|cardiologist|specialist|consultant|"
    r"nurse|pharmacist|physio|neurologist|dermatologist|midwife)s?\b|"
    r"^\W*(would|will|do|does|might)\s+(they|he|she)\s+know\b[^.!?]{0,20}\?*\s*$|"
    # ("I asked if the surgeon would know, not whether I can use it")
    r"\b(if|whether)\s+(the|my|his|her|their|a)\s+(surgeon|gp|doctor|cardiologist|specialist|consultant|nurse|"
    r"pharmacist)\s+(would|will|could|might|does|did)\s+know\b|"
    # "So he should ask de heart doctor?", "should she see a skin doctor then?" after their verdict (user
    # study round 47, #59: the referral again)
    r"\b((should|shall|must|do|does)\s+(he|she|they|i|we)|(he|she|they|i|we)\s+(should|must|needs?\s+to|"
    r"has\s+to|have\s+to))\s+(ask|see|check\s+with|talk\s+to|consult)\s+"
    r"(the\s+|a\s+|de\s+|di\s+|his\s+|her\s+|my\s+|their\s+)?(heart|skin|eye|diabetes|cancer|baby|"
    r"pregnancy)\s+(doctor|doc|specialist|team|nurse|clinic)s?\b[^.!]*\?|"
    rf"\b({_EXPERTS})\s+or\s+(the\s+|a\s+|her\s+|his\s+|my\s+|their\s+)?({_EXPERTS}|device\s+maker|manufacturer)\b|"
    + _PHARMACY.pattern,
    re.IGNORECASE,
)


def who_to_ask_answer(
    rules: List[str], for_other: bool, text: Optional[str] = None, conditions: Iterable[str] = ()
) -> str:
    """"Who exactly should she ask, cardiologist?": whom to ask, for the rules behind the verdict (general
    guidance beyond the source, ``followups.yml`` ``who_to_ask``); the verdict stays as it was."""
    data = _followups()["who_to_ask"]
    words = (
        {"whose": "their", "whose_cap": "Their", "who": "they", "whom": "them"} if for_other
        else {"whose": "your", "whose_cap": "Your", "who": "you", "whom": "you"}
    )
    if text and _PHARMACY.search(text) and not set(rules) & _NOT_FOR_PHARMACY:
        return " ".join(data["pharmacist"].split()).format(**words)
    said = " ".join([text or "", *conditions])
    diabetes = bool(_DIABETES_DEVICE.search(said))
    hearing = bool(_HEARING_DEVICE.search(said))
    keys = [
        ("implanted_device_diabetes" if diabetes else "implanted_device_hearing" if hearing else r)
        if r == "implanted_device" else r
        for r in dict.fromkeys(rules)
    ]
    texts = [" ".join(data[k].split()).format(**words) for k in keys if k in data]
    answer = " ".join(texts) if texts else " ".join(data["default"].split()).format(**words)
    if text and rules and _NAMED_EXPERT.search(text) and not re.search(r"\bor\b", text, re.IGNORECASE):
        # "So he should ask de heart doctor?": a plain yes to the one named (user study round 47, #59)
        return "Yes, that's a good person to ask. " + answer
    return answer


# "should she ask her cardiologist?", "so he should ask de heart doctor?": one expert named
_NAMED_EXPERT = re.compile(
    rf"\b({_EXPERTS}|(heart|skin|eye|diabetes|cancer|baby|pregnancy)\s+(doctor|doc|specialist|team|nurse))\b"
    r"[^.!?]{0,20}\?",
    re.IGNORECASE,
)


# an insulin pump or a glucose sensor: the diabetes team looks after it, not a cardiologist
_DIABETES_DEVICE = re.compile(
    r"\b(insulin|pump|cgm|glucose|sensor|dexcom|libre|omnipod|medtronic|tandem|diabet\w*)\b", re.IGNORECASE
)


# a cochlear implant: its implant team and audiologist look after it, not a cardiologist
_HEARING_DEVICE = re.compile(
    r"\b(cochlear|hearing implant|audiolog\w*|bone[- ]anchored|baha|auditory brainstem)\b", re.IGNORECASE
)


# rules a pharmacist cannot settle alone: the device, a pregnancy, a cancer, an unhealed wound need the
# doctors who look after them
_NOT_FOR_PHARMACY = frozenset({"implanted_device", "pregnancy", "cancer_in_area", "open_wound", "seizures",
                               "eye_condition", "children", "trying_to_conceive"})


_WHY_FIRST = re.compile(r"^\W*(but |and |so |ok |okay |then )?(why|how come)\b")


def followup_kind(text: Optional[str]) -> FollowUp:
    """Reads a follow-up: how long, am I fine, or (by default) why."""
    norm = " ".join((text or "").lower().replace("\u2019", "'").split())
    if MISREAD_COMPLAINT.search(norm):
        return FollowUp.MISREAD
    if SIMPLER_REQUEST.search(norm):
        return FollowUp.SIMPLER
    if doctor_approved(norm):
        return FollowUp.DOCTOR_SAID
    if WHO_TO_ASK_QUESTION.search(norm):
        return FollowUp.WHO_TO_ASK
    if (SEE_DOCTOR_QUESTION.search(norm) and not _WHY_FIRST.match(norm)) or WORSENING.search(norm):
        # ("why do i need to ask my doctor? its just a light" asks for the reason: user study round 17, #05
        # got the nerve signs' urgent advice)
        return FollowUp.SEE_DOCTOR
    if _HOW_LONG.search(norm):
        return FollowUp.HOW_LONG
    if SYMPTOMS_FOLLOWUP.search(norm):
        return FollowUp.SYMPTOMS
    if POINT_QUESTION.search(norm) and not WHY_QUESTION.search(norm):
        return FollowUp.POINT
    if ALONGSIDE_FOLLOWUP.search(norm):
        return FollowUp.ALONGSIDE
    if len(norm.split()) <= 9 and SAME_AGAIN.search(norm) and not WHY_QUESTION.search(norm):
        return FollowUp.SAME
    if _CAN_OR_CANT.search(norm) and not norm.startswith("why"):
        return FollowUp.STATUS  # "wait you said Yes?? so i can or i cant" (user study round 33, #8)
    if WHY_QUESTION.search(norm):
        return FollowUp.WHY  # "it's not even UV, so why does lupus count?": the reason, not the verdict again
    if any(
        p.search(norm) for p in (_STATUS, _STILL, RECOVERY, CALM_SKIN_FOLLOWUP, ELSEWHERE_ON_THEM, SHORT_USE)
    ):
        return FollowUp.STATUS
    return FollowUp.WHY


# "why would it matter?" at the start of a sentence, "...so you can't explain why?": a request for the reason,
# also after other words ("but it's red light, not UV. why would it matter?")
WHY_QUESTION = re.compile(
    r"(?:^|[.!?,;:]\s*|\b(?:but|and|so|then|ok|okay)\s+)(?:why|how come)\b|\bwhy\s*\?|"
    # "i asked WHY it matters if its on my shoulder" (user study round 8, #39)
    r"\b(?:asked|asking|ask|tell me|explain|know|wondering|wonder)\s+why\b",
    re.IGNORECASE,
)
# "why does it matter on my shoulder?", "why would it count if it's on my belly?": why the remembered verdict
# holds wherever the pad goes: its rule's reason (user study round 8, #39: got the muscle text twice)
WHY_IT_MATTERS = re.compile(
    r"\bwhy\b[^.?!]{0,40}\b(matter|matters|count|counts|apply|applies|relevant|a problem|an issue|a risk|"
    r"dangerous|affect|affects)\b|\bwhy\b[^.?!]{0,40}\b(not|nowhere) (near|close to|on)\b|"
    r"\bwhy\b[^.?!]{0,30}\b(far|away) from\b",
    re.IGNORECASE,
)
# "why are you telling me about wrinkles? I asked about my pills", "that's not what I asked": the previous
# answer missed the question; an apology and a request to rephrase, never the missed topic's reason (user
# study round 8, #06)
MISREAD_COMPLAINT = re.compile(
    r"\bwhy (are|were|did|do|would) you (telling|tell|talking|talk|going on|bringing|bring|mentioning|"
    r"mention)\w* (me )?(about|on about|up)\b|\bthat'?s not what i (asked|meant|said)\b|"
    r"\b(not|never) what i (asked|was asking)\b|\bi (didn'?t|did not|never) ask (about|for|you about)\b|"
    r"\bi (asked|was asking) (about|for) (my|the|a|his|her)\b[^.?!]{0,30}\bnot\b|"
    r"\b(you|u) (didn'?t|did not|haven'?t) (answer|read)\w* my question\b|\bwrong (answer|topic)\b",
    re.IGNORECASE,
)
# an upset user ("you are useless", "ugh this is long", "i literally said im NOT pregnant"): a short
# acknowledgement before the answer, never instead of it (user study round 8, #20, #59)
# ("so basically a waste of money?" asks about the pads, not a complaint: user study round 20, #5)
FRUSTRATED = re.compile(
    # a question whether the pad is useless for something is no complaint ("so it's useless for fat loss?"),
    # nor is "ugh" about one's back ("ugh my back is killing me"; user study round 30, #8, #34)
    # ("does it burn fat or is that marketing rubbish" asks about the claims: user study round 41, #17)
    r"(?<![a-z])((?<!marketing )(?<!is that )(?<!is it )(?<!all just )(?<!that just )(?<!it just )"
    r"(useless|pointless|hopeless|rubbish|garbage)(?![^.!]*\?)|unhelpful|not helpful|no help|"
    # ("no weakness. just annoying" says how a symptom is: user study round 34, #41)
    r"ridiculous|(?<!just )(?<!bit )(?<!kinda )(?<!mildly )(?<!slightly )(?<!more )annoying|frustrat\w*|"
    # nor is "ugh ok" before the next question, a sigh of acceptance (user study round 34, #2)
    r"wtf|ffs|(ugh+|argh+)(?![^.!?]*\b(my|her|his|their)\b)(?!\W*(ok|okay|k|fine|alright|right)\b)|"
    # ("haha ok so a waste of money for my muffin top. thanks mate" sums up the answer: user study round 42,
    # #7)
    r"(?<!so a )(?<!so it's a )(?<!so its a )(?<!then a )waste of (my )?(time|money)(?![^.!]*\?)|"
    r"(you'?re|you are|ur|u r) (not listening|repeating yourself|going in circles)|"
    r"i (already|just|literally) (said|told you|answered)|"
    r"are you (even|actually) (listening|reading))(?![a-z])|"
    r"[!?]{3,}",
    re.IGNORECASE,
)
MISREAD_ANSWER = (
    "Sorry, that answer missed your question. Could you ask it again in other words? For example, about a "
    "medicine you take, what a pad can or can't do, or whether it is safe for you (the safety check)."
)


GENERIC_WHY = (
    "My source doesn't go further than what I said. If you want to know more for your own situation, "
    "your doctor is the right person to ask, and your device's manual covers how to use your pad."
)
BEYOND_SOURCE_WHY = (
    "That part is careful general guidance, not from my source: light devices can heat or irritate the "
    "skin and the eyes, and what is safe depends on the device, so your device's manual and your doctor "
    "have the last word."
)
NO_CONTEXT = (
    "Sorry, I didn't quite understand that. You can ask me what the pads can do, what they can't do, who "
    "should avoid them, or say \"check if it's safe for me\"."
)


_VERDICT_ACTIONS = ("action_screening_verdict", "action_screening_stopped", "action_assess_condition")


def rule_why(rule_id: str, conditions: Iterable[str] = ()) -> str:
    """Why a rule gives its verdict: the rule data's ``why`` (a seed rule: the source's reason), else its
    guideline's text; and the guideline of a condition named under it ("blood thinners": light and warmth
    increase local blood flow). Never the rule line again (user study round 6, #20 and #25)."""
    book = default_rulebook()
    rule = book.rule(rule_id)
    parts = [rule.why or guideline_text(rule.source)]
    for name in dict.fromkeys(conditions):
        try:
            condition = book.condition(name)
        except KeyError:
            continue
        if condition.rule_id == rule_id and condition.guideline and condition.guideline != rule.source:
            text = guideline_text(condition.guideline)
            if text not in parts:
                parts.append(text)
    return " ".join(parts)


def why_answer(
    last_action: Optional[str], verdict_rules: Iterable[str] = (), conditions: Iterable[str] = ()
) -> str:
    """The reason behind the previous answer, by the action that gave it; after a verdict, each rule's
    reason (``rule_why``), for the conditions the user named (``conditions``)."""
    rules = list(verdict_rules)
    if last_action in _VERDICT_ACTIONS and rules:
        book = default_rulebook()
        named = list(conditions)
        lines = ["Because of what you told me:"]
        lines += [f"- {book.rule(r).title}: {rule_why(r, named)}" for r in rules]
        return "\n".join(lines)
    if last_action and last_action.startswith("rule:"):
        # "why do you ask about seizures?": that rule's reason, whatever was said before
        rule_id = last_action[len("rule:"):]
        return f"{default_rulebook().rule(rule_id).title}: {rule_why(rule_id, conditions)}"
    if last_action == "action_answer_beyond_source":
        return BEYOND_SOURCE_WHY
    text = _followups()["why"].get(last_action or "")
    if text:
        return " ".join(text.split())
    return GENERIC_WHY if last_action else NO_CONTEXT


def how_long_answer() -> str:
    """What the source says about time to results, and where session length is found."""
    return " ".join(_followups()["how_long"].split())


def _named(rules: Iterable[str]) -> str:
    """" (Pregnancy, Photosensitivity)": the rules' titles for a sentence, or nothing; the catch-all rule in
    words ("Please ask your doctor first (Another medical condition)" read as an internal label: user study
    round 43)."""
    titles = [
        "a medical condition" if r == "other_condition" else default_rulebook().rule(r).title
        for r in rules
    ]
    return f" ({', '.join(titles)})" if titles else ""


# "but my friend used it in her pregnancy and nothing happened", "my sister uses one with her pacemaker and
# she's fine": someone else's experience against a verdict (user study round 43, #5: "Thanks for telling me")
ANECDOTE = re.compile(
    r"\b(my|a|her|his|our)\s+(best\s+)?(friend|mate|pal|sister|brother|mum|mom|mother|cousin|colleague|"
    r"neighbou?r|aunt|auntie|bestie|coworker|co-worker|sister-in-law|girlfriend|boyfriend|wife|husband)\b"
    r"[^.?!]{0,50}\b(used|uses|tried|had|was using|has been using)\b[^.?!]{0,70}\b(fine|nothing happened|"
    r"no problems?|no issues?|okay|ok|alright|all right|perfectly healthy|no harm)\b",
    re.IGNORECASE,
)


def anecdote_answer(status: str) -> str:
    """Someone else's good experience does not change the verdict."""
    return (
        "I'm glad it went well for them, but one person's experience doesn't show that it is safe, and it "
        f"doesn't change what my source says. {status}"
    )


# "ok back to the questions", "let's carry on with the questions", "pick up where we left off", "continue pls"
RESUME_CHECK = re.compile(
    r"\b(back\s+to|carry\s+on(\s+with)?|continue(\s+with)?|resume|get\s+back\s+to|go\s+on\s+with|"
    r"finish|restart)\s+(the\s+|those\s+|your\s+|my\s+|our\s+)?(safety\s+)?(questions|check|checks|"
    r"quiz|screening|questionnaire)\b|"
    r"\b(pick\s+up|carry\s+on|continue|start\s+again)\s+(from\s+)?where\s+(we|i|you)\s+(left\s+off|"
    r"stopped|were)\b|"
    r"^\W*(ok\W+|okay\W+)?(continue|carry on|resume|go on|next question)\W*(pls|please|plz)?\W*$|"
    # "ok back. where were we?", "the safety check mate, lets finish it" (user study round 45, #37)
    r"\bwhere\s+were\s+we\b|\b(let'?s|lets)\s+finish\s+(it|this|that|them|up)\b",
    re.IGNORECASE,
)


# "ok, and for adults it's fine?" after the children's answer (user study round 42, #29: the variability text)
ADULTS_ASKED = re.compile(
    r"\b(adults?|grown-?ups|grownups|over[- ]?18s?|us big people)\b",
    re.IGNORECASE,
)
ADULTS_ANSWER = (
    "For adults my source gives no age limit. It names who should avoid the pads: pregnant women; people "
    "with an acute skin infection, acute eczema or an open, unhealed wound; people with photosensitivity "
    "(such as lupus erythematosus or porphyria); and people with electronic devices such as pacemakers. "
    "If none of those applies, the short safety check asks about a few more reasons. Follow your device's "
    "manual."
)


# "which one is the problem, the warfarin?", "which of them counts?" after a verdict for several things
WHICH_ONE = re.compile(
    r"\bwhich (one|ones|of (them|those|these|the two|my \w+)|medicine|meds?|tablets?|pills?|drug|condition|"
    r"thing)\b[^.?!]{0,30}\b(is|are|causes?|matters?|counts?|problem|issue|bad|one)\b|"
    r"\bis it the \w+ or the \w+\b",
    re.IGNORECASE,
)


def which_one_answer(told: Sequence[Tuple[str, str]]) -> Optional[str]:
    """What each condition or medicine told (``(words used, rule id)``) counts as, for "which one is the
    problem?" (user study round 43, #26: the benefits list after a reminder); None when one or none is
    known."""
    book = default_rulebook()
    seen: Dict[str, str] = {}
    for words, rule_id in told:
        seen.setdefault(words, rule_id)
    if len(seen) < 2:
        return None
    parts = []
    for words, rule_id in seen.items():
        rule = book.rule(rule_id)
        verdict = ("a reason not to use a pad unless your doctor says otherwise"
                   if rule.verdict is Verdict.DO_NOT_USE else "a reason to ask your doctor first")
        parts.append(f"{words}: {rule.title} ({verdict})")
    return (
        "Each of them counts on its own: " + "; ".join(parts) + ". So please ask your doctor (or pharmacist, "
        "for the medicines) before using a red-light therapy pad."
    )


def names_passive_implant(text: Optional[str]) -> bool:
    """A metal or other non-electronic implant named ("a titanium plate", "a copper IUD")."""
    norm = " ".join((text or "").lower().replace("\u2019", "'").split())
    return any(t.id == "metal_implant" and t.matches(norm) for t in beyond_source_topics())


PASSIVE_IMPLANT_IN_CHECK = (
    "That isn't an electronic device, so it doesn't count for this question: it is only about electronic "
    "devices such as a pacemaker, a defibrillator, an insulin pump or a neurostimulator. My source says "
    "nothing about metal or other non-electronic implants (plates, screws, joint replacements, a coil), so "
    "ask your doctor before using a pad right over one."
)


def asks_what_to_ask(text: Optional[str]) -> bool:
    """"what questions should I ask my GP? like settings or risks?": a question about what to ask a doctor,
    whatever other topic its last words name."""
    norm = " ".join((text or "").lower().replace("\u2019", "'").split())
    return any(t.id == "questions_for_doctor" and t.matches(norm) for t in beyond_source_topics())


# "what should I do instead then?", "so what can I use instead?" after "do not use" (user study round 32, #8:
# the "No:" line again, and nothing on what to do)
DO_INSTEAD = re.compile(
    r"\b(what|which)\b[^.?!]{0,30}\b(do|use|try|get|buy)\s+(then\s+)?instead\b|"
    r"^\W*(and |so |ok |okay )*(what )?instead\s*\?|\b(any|other|an)\s+alternatives?\b[^.?!]*\?|"
    r"\bwhat are (my|the) (options|alternatives)\b",
    re.IGNORECASE,
)


def instead_answer(verdict: Optional[str], rules: List[str]) -> str:
    """What to do instead of the pad after a verdict: the doctor's question; the source names no other
    treatment, so none is suggested; the verdict kept in one line."""
    stands = ""
    if verdict == Verdict.DO_NOT_USE.value:
        stands = f"The advice stands: from what you told me{_named(rules)}, don't use a red-light therapy " \
            "pad unless your doctor says otherwise. "
    elif verdict == Verdict.ASK_DOCTOR.value:
        stands = f"The advice stands: from what you told me{_named(rules)}, ask your doctor before using a " \
            "red-light therapy pad. "
    return (
        stands
        + "What to use instead is a question for your doctor: my source covers only what red-light therapy "
        "pads can and can't do, not other treatments, so I can't suggest one. Your doctor, or a pharmacist "
        "for everyday relief, can tell you what suits you."
    )


def advice_stands(verdict: Optional[str], rules: List[str]) -> Optional[str]:
    """The remembered verdict in one line, before an answer about what to ask the doctor."""
    if verdict == Verdict.DO_NOT_USE.value:
        return (
            f"Until they say otherwise, the advice stands: from what you told me{_named(rules)}, don't use a "
            "red-light therapy pad."
        )
    if verdict == Verdict.ASK_DOCTOR.value:
        return (
            f"Until then, the advice stands: from what you told me{_named(rules)}, ask them before using a "
            "red-light therapy pad."
        )
    return None


# A scrape, graze or abrasion: the source's own example of what a pad may help (minor abrasions), as long as
# it is superficial, not infected and closed or healing (user study round 49, #15: "can red light pads help
# heal a scrape on my arm" got the open wound's "do not use")
MINOR_INJURY = re.compile(
    r"\b(scrapes?|scraped|grazes?|grazed|abrasions?|scratch(es)?|scratched|scabs?|scabbed|nicks?|"
    r"(small|little|tiny|minor) cuts?)\b",
    re.IGNORECASE,
)
OPEN_SIGNS = re.compile(
    r"\b(open|raw|weep\w*|wet|bleed\w*|oozing|pus|deep|infect\w*|fresh|stitch\w*|gap\w*|red and hot|"
    r"hot|swollen|today|yesterday|just now|this morning|last night)\b",
    re.IGNORECASE,
)
MINOR_INJURY_CAUTION = (
    "A scrape or graze that is still open (raw, weeping or bleeding) counts as an open wound: wait until "
    "it has closed over and is healing, and see a doctor first if it is deep or looks infected (red, hot, "
    "swollen, pus). Follow your device's manual."
)
MINOR_INJURY_HEALING = (
    "My source says red light may help minor, superficial injuries such as small abrasions heal a little "
    "faster (it may activate fibroblasts and promote collagen synthesis), as long as they are not infected "
    "and are closed or healing; a graze that has scabbed over and is healing is that kind of injury. That "
    "is not a proven treatment. If it opens again, weeps, or gets red, hot or swollen, don't use the pad on "
    "it and see a doctor. Follow your device's manual."
)


# "it looks a bit red and warm around it today tbh" about a graze told before (user study round 51, #32: the
# evidence paragraph, then the usage text for "so should i still use it on the knee?", a green light)
WOUND_SIGNS = re.compile(
    r"\b(it|it'?s|its|it is)\b[^.!?]{0,20}\b(red|redder|warm|warmer|hot|swollen|puffy|throbbing|oozing|"
    r"weeping|"
    r"pus|yellow\w*)\b(?!\s+light)[^.!?]{0,20}\b(around|round|near|at the edges?|edges)\b|"
    r"\bthe (graze|cut|scab|wound|scrape|stitches|incision|edges?)\b[^.!?]{0,20}\b(red|redder|warm|"
    r"warmer|hot|"
    r"swollen|puffy|throbbing|oozing|weeping|pus|yellow\w*)\b|"
    r"\b(around|round) (it|the (graze|cut|scab|wound|scrape|stitches|incision))\b[^.!?]{0,30}\b(red|warm|hot|"
    r"swollen|puffy|oozing|weeping|pus)\b",
    re.IGNORECASE,
)
_WOUND_TOLD = re.compile(
    r"\b(graze[sd]?|grazing|cuts?|scabs?|scabbing|scabbed|wounds?|scrapes?|scraped|stitches|incisions?|"
    r"abrasions?|blisters?|bites?|sores?)\b",
    re.IGNORECASE,
)
WOUND_SIGNS_ANSWER = (
    "Redness and warmth around a graze or cut can be signs of an infection. Please don't use the pad on it: "
    "my source says infected wounds need medical treatment first and should not be treated with a red-light "
    "pad. Show it to your doctor or a pharmacist soon, and sooner (urgent care) if the redness spreads, it "
    "gets more painful or swollen, or you get a fever."
)


def wound_signs_told(text: Optional[str], earlier: Iterable[str]) -> bool:
    """Whether the message tells redness, warmth or pus around a wound the user named in it or just before."""
    said = text or ""
    if not WOUND_SIGNS.search(said):
        return False
    return bool(_WOUND_TOLD.search(said)) or any(_WOUND_TOLD.search(t or "") for t in earlier)


def minor_injury_question(mentions: List[object], text: Optional[str]) -> bool:
    """Whether the only condition named is a scrape, graze or abrasion the user asks the pad to help heal,
    with nothing saying it is open, deep, fresh or infected."""
    said = text or ""
    return (
        bool(mentions)
        and all(
            getattr(m, "rule_id", "") == "open_wound" and MINOR_INJURY.search(getattr(m, "text", ""))
            for m in mentions
        )
        and asks_if_it_helps(said)
        and not OPEN_SIGNS.search(said)
    )


def healing_scrape_question(text: Optional[str]) -> bool:
    """"so can I use it on the scab now?": a healing scrape asked about, nothing open said."""
    said = text or ""
    return bool(MINOR_INJURY.search(said)) and not OPEN_SIGNS.search(said)


_TREAT_THE_PET = re.compile(
    r"\b(shine|use|put|try|treat|point)\b[^.?!]{0,25}\b(on|at|for)\s+(her|him|them|it|my|the|our)\s*"
    r"(\w+\s+)?(scratch|cut|wound|ear|paw|leg|hips?|sore|bite|injury|graze|skin)\b|"
    r"\b(heal|help)\w*\b[^.?!]{0,20}\b(her|his|their|the (dog|cat|pet|horse)'?s?)\s+(\w+\s+)?(scratch|"
    r"cut|wound|"
    r"ear|paw|leg|hips?|sore|bite|injury|graze|skin)\b|"
    # "aw ok. what about my cat, she has a scratch on her ear" right after the vet answer (round 50, #14)
    r"\b(she|he|it|they)\s*(has|have|'s got|has got|got|'s)\s+(a |an |some |bad |"
    r"sore )?(\w+\s+)?(scratch|cut|"
    r"wound|sore|lump|limp|rash|bite|infection|arthritis|stiff hips|stiff legs|bald patch)\b",
    re.IGNORECASE,
)


def status_answer(
    last_action: Optional[str], verdict: Optional[str], rules: List[str], text: Optional[str] = None
) -> str:
    """Answer to "so am I fine?": the remembered verdict, never a green light the rules did not give."""
    if last_action in ("utter_pet", "action_follow_up") and _TREAT_THE_PET.search(text or "") and not (
        ABOUT_ME.search(text or "")
    ):
        # "no i meant can i shine it on her scratch to heal it" about the cat (user study round 50, #14: "keep
        # pets off the pad" twice): treating the animal is the vet's question
        return (
            "My source is only about people, so I can't tell you whether red light helps an animal's injury "
            "heal or is safe for it. Please ask a vet before using the pad on your pet: they can check the "
            "wound and say what helps."
        )
    if last_action == "utter_pet" and not ABOUT_ME.search(text or ""):
        # (said after the vet answer, for a practical question about the pet: user study round 20, #11)
        return (
            "My source says nothing about animals, so I can't tell you whether the light harms them. To be "
            "safe, keep pets off the pad while it's on (switch it off if they lie on it), and ask a vet if "
            "you're worried."
        )
    if last_action == "utter_avoid_children":
        return (
            "For a child I can't say it is safe: my source has no safety information for children, so "
            "please let a paediatrician decide."
        )
    named = _named(rules)
    if not verdict and not rules and healing_scrape_question(text):
        return MINOR_INJURY_HEALING  # "so can I use it on the scab now?" after "it's scabbed over" (round 49)
    after_topic = last_action in ("action_answer_beyond_source", "action_follow_up")
    if not verdict and after_topic and _NO_SIGNS.search(text or ""):
        return SEE_DOCTOR_NO_SIGNS  # "no burns or redness, skin looks normal. so am I fine?" (round 42, #27)
    if not verdict and last_action == "action_answer_beyond_source":
        return (
            "I can't judge that from here. Follow your device's manual, and if anything about your skin or "
            "health worries you, stop using the pad and ask your doctor or a pharmacist."
        )
    if "pregnancy" in rules and after_birth(text):
        # "after bebe born is ok?": the source's pregnancy rule ends with the birth, but not the caution
        return (
            "After the birth, please ask your doctor or midwife when you can start. If you breastfeed: my "
            "source gives no safety information for breastfeeding, so ask them about that too. Until the "
            "birth, from what you told me (Pregnancy), don't use a red-light therapy pad unless your doctor "
            "says otherwise."
        )
    if "pregnancy" in rules and _NEGATIVE_LATER.search(text or ""):
        others = [r for r in rules if r != "pregnancy"]
        still = f" The rest still holds{_named(others)}: ask your doctor first." if others else ""
        return (
            "If a test shows you're not pregnant, the pregnancy reason no longer applies: tell me, and I "
            "won't count it (the safety check can then be run again for its other questions). Until then, "
            "with a possible pregnancy, please don't use a red-light therapy pad, especially on the abdomen, "
            f"unless your doctor says otherwise; if your period stays late, see your doctor.{still}"
        )
    if cancer_said_over(text, rules):
        # "the melanoma is gone though" (user study round 23, #32: "I won't count cancer for you")
        return (
            "Good to hear it's gone. A cancer that was treated still counts for me: please ask your doctor "
            "(the one who treated it) first, before using a red-light therapy pad, especially over that area."
        )
    if "breastfeeding" in rules and after_weaning(text):
        others = [r for r in rules if r != "breastfeeding"]
        still = (
            f" The rest still holds: from what you told me{_named(others)}, please ask your doctor first."
            if others else ""
        )
        return (
            "Once you've stopped breastfeeding, that reason no longer applies: the caution is about "
            "breastfeeding itself (my source gives no safety information for it). Until then, please ask "
            f"your doctor or midwife first.{still}"
        )
    if "photosensitising_medication" in rules and _MEDICINE_STOPPED.search(text or ""):
        others = [r for r in rules if r != "photosensitising_medication"]
        still = f" The rest still holds{_named(others)}: ask your doctor first." if others else ""
        return (
            "My source does not say how long a medicine's effect on the skin lasts after you stop it: ask "
            "your doctor or pharmacist, who know the medicine, when you can start. Until then, please don't "
            f"use a red-light therapy pad.{still}"
        )
    ending = _ending_rule(text, rules)
    if verdict in (Verdict.DO_NOT_USE.value, Verdict.ASK_DOCTOR.value) and ending is not None:
        others = [r for r in rules if r != ending]
        title = default_rulebook().rule(ending).title
        still = (
            f" The rest still holds: from what you told me{_named(others)}, please ask your doctor first."
            if others else ""
        )
        return (
            f"Once it has healed or settled, that reason ({title}) no longer applies; ask your doctor if "
            f"you're not sure it has. Until then, please don't use a red-light therapy pad there.{still}"
        )
    if verdict in (Verdict.DO_NOT_USE.value, Verdict.ASK_DOCTOR.value) and RECOVERY.search(text or ""):
        return (
            f"When it has cleared or healed, please ask your doctor whether and when you can start; until "
            f"then, from what you told me{named}, don't use a red-light therapy pad."
        )
    if verdict in (Verdict.DO_NOT_USE.value, Verdict.ASK_DOCTOR.value) and _WAIT_QUESTION.search(text or ""):
        # "so i should just wait till i know for sure?": a bare "No:" would read as "don't wait" (user study
        # round 9, #34)
        return (
            f"Yes, wait: from what you told me{named}, don't use a red-light therapy pad until your doctor "
            "says it's OK."
        )
    # "even for 5 minutes?" (user study round 20, #7), "can I just try it meanwhile?" (round 45, #25)
    even = _not_even(text)
    if verdict == Verdict.DO_NOT_USE.value:
        no = f"No, not {even}" if even else "No"
        return (
            f"{no}: from what you told me{named}, you should not use a red-light therapy pad unless your "
            "doctor says otherwise."
        )
    if verdict == Verdict.ASK_DOCTOR.value:
        lead = f"Not before you've asked your doctor, not {even}. " if even else ""
        return f"{lead}Please ask your doctor first{named}, before using a red-light therapy pad."
    if verdict == Verdict.NO_CONTRAINDICATION_FOUND.value:
        return (
            "The safety check found none of the reasons to avoid a pad that my rules know. That is not a "
            "medical clearance: follow your device's manual, and stop and get medical advice if your skin "
            "becomes painful, blisters or burns."
        )
    if not verdict and last_action == "utter_who_should_avoid":
        # "and if I'm not in any of those groups?" (user study round 43, #48)
        return (
            "Then none of the reasons to avoid a pad that my source names applies to you. That is not a "
            "medical clearance: the short safety check also asks about medicines, cancer, seizures, numbness "
            "and other conditions; would you like to run it? Follow your device's manual either way."
        )
    return (
        "I can't tell that without knowing more. The short safety check asks about the reasons not to use "
        "a pad; would you like to run it? If you're unsure about your health, your doctor can tell you."
    )


# "so i should just wait till i know for sure?", "better to hold off then?": asks whether to wait
_WAIT_QUESTION = re.compile(
    r"\b(should|do|shall|must|better)\s+(i|we|she|he|they)?\s*(just\s+|still\s+)?(wait|hold off|pause)\b|"
    r"\bwait\s+(till|until)\s+(i|we|she|he|they)\s+(know|find out|hear|see)\b|"
    r"\bbetter\s+(to\s+)?(wait|hold off)\b",
    re.IGNORECASE,
)


_BIRTH = re.compile(
    r"\b(born|birth|deliver(y|ed)?|baby (arrives|comes|is here)|postpartum|after (the )?baby|"
    # "once im NOT pregnant anymore" (user study round 23, #27: taken as "I'm not pregnant")
    r"(not|no longer) (be )?pregnant|post-?natal|"
    r"(baby|little one|bub|newborn|bump) (has |is |'s )?(arrived|here|out))\b", re.I
)
# "after the baby is weaned", "once i stop breastfeeding" (user study round 23, #5: the breastfeeding verdict
# three times)
_WEANED = re.compile(
    r"\b(wean(ed|ing)?|(stop|stopped|stopping|finish|finished|done|quit) (breast ?feeding|nursing|feeding|"
    r"pumping)|(not|no longer) (breast ?feeding|nursing|feeding|pumping))\b", re.I
)
# words that are about the time after the birth by themselves ("a few weeks postnatal?")
_AFTER_BIRTH = re.compile(
    r"\b(post-?natal|post-?partum|after (the )?(birth|baby|delivery)|"
    # "after I deliver and I'm breastfeeding, can I use it then?" (user study round 44, #27)
    r"(once|when|after) (i|she|we|i'?ve|she'?s|we'?ve) (deliver|give birth|have (had )?(the|my|our) baby|"
    r"had (the|my|our) baby)|"
    r"(once|when|after) (the )?(baby|little one|bub)('s| is| has) (here|born|arrived|out))\b", re.I
)
_WHEN = re.compile(r"\b(once|after|when|until|if)\b", re.I)


def after_birth(text: Optional[str]) -> bool:
    """Whether the message asks about the time after the birth ("after bebe born is ok?")."""
    return bool(
        (RECOVERY.search(text or "") and _BIRTH.search(text or "")) or _AFTER_BIRTH.search(text or "")
    )


# "and if I do a test tomorrow and it's negative?" after a possible pregnancy: a question about later, when
# the pregnancy rule no longer applies (user study round 25, #4: the verdict again)
_NEGATIVE_LATER = re.compile(
    r"\b(if|when|once|what if|suppose)\b[^.?!]{0,50}\b(negative|says no|not pregnant|isn'?t pregnant|"
    r"get my period|period (comes|arrives|starts|shows up))\b",
    re.IGNORECASE,
)


# the rules that end when the condition heals or settles, and the words that name them in a question
_ENDING_RULES = {
    "open_wound": re.compile(
        r"\b(wound|cut|cuts|scab|scar|graze|sore|ulcer|stitches|incision|blister|burn|it)\b"
    ),
    "skin_infection_or_eczema": re.compile(
        r"\b(eczema|flare|flare-up|rash|infection|cold sores?|shingles|dermatitis|skin|it)\b"
    ),
}


def _ending_rule(text: Optional[str], rules: Iterable[str]) -> Optional[str]:
    """The remembered rule a question about later is about ("once the cut heals"), if it can end."""
    if not _ends_later(text):
        return None
    norm = (text or "").lower()
    for rule in rules:
        words = _ENDING_RULES.get(rule)
        if words is not None and words.search(norm):
            return rule
    return None


def after_weaning(text: Optional[str]) -> bool:
    """Whether the message asks about the time after breastfeeding ("once i stop breastfeeding?")."""
    return bool(_WHEN.search(text or "") and _WEANED.search(text or ""))


def asks_after_it_ends(text: Optional[str], rules: Iterable[str]) -> bool:
    """Whether the message asks about the time after a remembered condition has ended (the birth, weaning, a
    wound healed, a flare settled, a medicine stopped): a question about later, never a new mention
    ("postpartum") or a take-back ("once I'm NOT pregnant", "once the cut heals")."""
    rules = set(rules)
    return (
        ("pregnancy" in rules and (after_birth(text) or bool(_NEGATIVE_LATER.search(text or ""))))
        or ("breastfeeding" in rules and after_weaning(text))
        or (bool(rules) and _ends_later(text))
        or ("photosensitising_medication" in rules and bool(_MEDICINE_STOPPED.search(text or "")))
    )


# "and if the cut heals up completely, could I...", "once the eczema calms down", "when the wound is closed":
# a question about later (user study round 24, #6, #9, #23, #35: the open wound was taken back)
_LATER = re.compile(
    r"\b(once|when|after|if|until|till)\s+(it|it'?s|its|that|this|the\s+\w+|my\s+\w+|the\s+\w+\s+\w+|"
    r"everything|they|they'?re|i\s+(have|had|am|'m)?)\b[^.?!]{0,40}\b(heal\w*|closed?|clears?|cleared|"
    r"calms?|calmed|settles?|settled|gone|goes away|recovered)\b",
    re.IGNORECASE,
)
# "what if i stop the doxy, how long before i can use it", "after stopping doxycycline" (round 24, #10)
_MEDICINE_STOPPED = re.compile(
    # ("the course ends in 5 days, can I start after that?": user study round 31, #14)
    r"\b(course|antibiotics?|tablets|pills|treatment)\s+(ends?|finish|finishes|is over|is done|runs out)\b|"
    r"\b(once|when|after|if)\b[^.?!]{0,30}\b(stop|stopping|stopped|finish|finishing|finished|come off|"
    r"coming off|off)\b|\bhow long after (stopping|finishing|coming off)\b|"
    # "I'll wait until I'm done with the antibiotics" (user study round 30, #10)
    r"\b(until|till|til)\s+(i'?m|i am|i'?ve|i have|im)\s+(done|finished|off|through)\b|"
    r"\b(until|till|til)\s+i\s+(finish|stop|come off)\b",
    re.IGNORECASE,
)


def _ends_later(text: Optional[str]) -> bool:
    later = _LATER.search(text or "")
    healed = _HEALED_NOW.search(text or "")
    # ("it's fully closed now, once it fades can I..." says it has healed; "when it's fully closed, can I"
    # asks about later)
    return later is not None and (healed is None or healed.start() >= later.start())


def verdict_tail(verdict: Optional[str], rules: List[str]) -> str:
    """" For you, from what you told me (...): ..." after an answer, when a verdict is remembered; else ""."""
    named = _named(rules)
    if verdict == Verdict.DO_NOT_USE.value:
        return (
            f" For you, from what you told me{named}: don't use a red-light therapy pad unless your doctor "
            "says otherwise."
        )
    if verdict == Verdict.ASK_DOCTOR.value:
        return f" For you, from what you told me{named}: please ask your doctor first."
    return ""


# "what about when it's not flaring?" after the acute-eczema answer
CALM_SKIN_FOLLOWUP = re.compile(
    r"\b(what about|how about|what if|and|but|even) (when|if|once|while|between)\b.{0,25}"
    r"(\b(not|isn'?t|no longer|not really) (flaring|flared up|flaring up|active|acute|bad|inflamed)\b|"
    r"\b(calm|calmer|quiet|settled|under control|clear(ed)?( up)?|flare[- ]?ups?|flares)\b)",
    re.IGNORECASE,
)


# "my psoriasis isn't flaring right now, does that change it?", "it's in remission, does that matter?"
CALM_CHANGES_IT = re.compile(
    r"\b((is ?n'?t|is not|not|no longer|aren'?t|are not)\s+(flaring|flared|active|bad|playing up)|"
    r"in remission|under control|calm(ed)?( down)?|settled( down)?|cleared( up)?|quiet)\b[^?]{0,40}"
    r"\b(does|do|would|will|should)\s+(that|it|this)\s+(change|matter|make a difference|count|help)|"
    # "it's not flared at the minute, just a few dry patches" right after its verdict (user study round 43,
    # #25: the limitations list)
    r"^\W*((but|well|ok|okay|though)\W+)?(it'?s|its|it is|they'?re|theyre|they are|mine'?s|mine is)\s+(not|"
    r"no longer|not really)\s+(flaring|flared( up)?|active|bad|playing up|inflamed)\b",
    re.IGNORECASE,
)


def calm_changes_answer(rules: List[str], for_other: bool = False) -> str:
    """Whether a condition that is calm now changes the verdict (user study round 41, #42: the verdict block
    again, unanswered)."""
    if rules and set(rules) <= {"skin_infection_or_eczema"}:
        return calm_skin_answer(for_other)
    whose, they = ("their", "they") if for_other else ("your", "you")
    return (
        "Not for me: that it is calm now doesn't change it. My source says that with a specific medical "
        "condition you should see a doctor first, and that the pad must not replace treatment. Please ask "
        f"{whose} doctor (or dermatologist, for the skin) whether a pad is fine while it's calm, and if "
        f"{they} use one, follow the device's manual and stop if the skin gets red, itchy or irritated."
    )


def only_over(text: Optional[str]) -> List[str]:
    """The conditions a message tells only as over ("had my baby 2 years ago, not breastfeeding anymore",
    "eczema as a kid, long gone"), when it tells of nothing current and asks about no topic of its own."""
    if not text or text.startswith("/"):
        return []
    recognition = recognise(text)
    if recognition.affirmed() or beyond_source_topic(text) is not None:
        return []
    # (a sign denied is nothing over: "it is scabbing now, no pus" got "What's over (skin infection)", user
    # study round 47, #30)
    return list(dict.fromkeys(
        m.condition for m in recognition.mentions if m.past and not _DENIED_SIGN.match(m.text.lower())
    ))


_DENIED_SIGN = re.compile(
    r"(pus|weep\w*|ooz\w*|bleed\w*|redness|red|swell\w*|swollen|fever\w*|discharge|smell\w*|crust\w*|"
    r"yellow\w*|gunk|hot|warm)$"
)


def over_answer(conditions: List[str], for_other: bool = False) -> str:
    """What the rules make of conditions that are over: they are about now; never a medical clearance
    (user study round 41, #38: "Thanks for telling me", then "Goodbye" to "so all good?")."""
    you, your, them = ("they", "their", "them") if for_other else ("you", "your", "you")
    told = " and ".join(conditions[:3])
    return (
        f"Thanks, that helps. What's over ({told}) is not on my source's list: its reasons to avoid a "
        "red-light therapy pad are about now (pregnancy, an acute skin infection or eczema flare-up, an open "
        "wound, sensitivity to light, an implanted electronic device such as a pacemaker; breastfeeding is "
        f"careful guidance beyond my source). If none of them applies to {them} now, {you} can use the pad "
        f"as {your} device's manual says. If anything comes back or {you}'re unsure, ask {your} doctor "
        "first; the short safety check goes through the list."
    )


def calm_skin_answer(for_other: bool) -> str:
    """Eczema between flare-ups: the source names only acute eczema, so a doctor decides."""
    whose = "their" if for_other else "your"
    return (
        "My source only names acute eczema (a flare-up) and acute skin infections among the reasons to "
        "avoid a red-light therapy pad; it says nothing about eczema between flare-ups, so I can't tell you "
        f"it is fine then. Please ask {whose} doctor or dermatologist first (for a child, a paediatrician), "
        "follow the device's manual, and stop if the skin gets red, itchy or irritated."
    )


# rules about a current state (the source's "acute" skin infection or eczema, "open (unhealed)" wounds): a
# mention the user says is over ("had shingles last year, all gone", "cold sores now and then, none at the
# moment") is no reason to avoid the pad now (user study round 24, #24: the acute-infection "do not use")
_ACUTE_RULES = frozenset({"skin_infection_or_eczema", "open_wound"})


# what says the past condition is over ("I've had an ulcer for months" is past tense and still open)
_OVER_NOW = re.compile(
    r"\b(gone|cleared( up)?|healed( up)?|went away|all over|over now|fine now|better now|no more|"
    r"not any ?more|resolved|long gone|years ago|as an? (kid|child|teen\w*|baby)|"
    r"when i was (a |an )?(kid|child|little|young)|"
    r"(none|nothing|not|clear|calm|quiet|fine)( one| any)? (at the moment|right now|now|currently|atm|rn|"
    r"today|at present))\b",
    re.IGNORECASE,
)


def cleared_conditions(mentions: Iterable[Mention], text: str) -> List[str]:
    """Conditions of the acute rules that the message gives only as over or not active now."""
    if not _OVER_NOW.search(text or ""):
        return []
    mentions = [m for m in mentions if m.affirmed]
    current = {m.condition for m in mentions if not m.past}
    return list(dict.fromkeys(
        m.condition for m in mentions if m.past and m.rule_id in _ACUTE_RULES and m.condition not in current
    ))


def cleared_answer(conditions: List[str], for_other: bool) -> str:
    """What the acute rules say of a skin infection, eczema or wound that is over or not active now."""
    if "eczema" in conditions:
        return calm_skin_answer(for_other)
    whose, they = ("their", "they") if for_other else ("your", "you")
    if "open wound" in conditions:
        return (
            "My source says open (unhealed) wounds should not be treated with a red-light therapy pad, and "
            "deep or infected wounds need medical treatment first; that is about a wound that is still open. "
            "Once it has fully closed and healed, that reason no longer applies. If "
            f"{they}'re unsure whether it has healed, ask {whose} doctor first, and follow the device's "
            "manual."
        )
    return (
        "My source names acute skin infections among the reasons to avoid a red-light therapy pad: that "
        "applies while one is active, not to one that has cleared up. If it comes back (for example a new "
        f"cold sore or a new patch), don't use the pad until it has cleared, ask {whose} doctor if "
        f"{they}'re unsure, and follow the device's manual."
    )


def symptoms_answer(verdict: Optional[str], rules: List[str]) -> str:
    """After "it can't cure that": what the source allows it may do, and the remembered verdict."""
    return (
        "At most some relief: my source says a red-light therapy pad may only relieve some associated "
        "symptoms (for example some muscle or joint discomfort and stiffness, or local circulation), it is "
        "not a cure, and results vary a lot between people; some notice no significant effect. It cannot "
        "replace medication or standard treatment, so keep to your doctor's plan."
        + verdict_tail(verdict, rules)
    )


def alongside_answer(verdict: Optional[str], rules: List[str]) -> str:
    """After "it can't replace your treatment": and as a supplement next to it?"""
    return (
        "As a supplement alongside your treatment is how my source sees red-light therapy pads: they are "
        "supplemental devices, never a replacement for medication or other standard treatment. Keep "
        "following your treatment, and ask your doctor before you add a pad to it; follow your device's "
        "manual." + verdict_tail(verdict, rules)
    )


# "I meant ME, I'm healthy" after "my wife has lupus": a correction of whom the talk is about; from here on
# the user speaks of themselves (user study round 29, #35: her verdict again)
MEANT_ME = re.compile(
    r"\bi\s+mean(t)?\s+(for\s+|about\s+)?(me|myself)\b|\b(asking|ask|asked)\s+(about|for)\s+(me|myself)\b|"
    r"\bnot\s+(her|him|them),?\s+(me|i)\b|\b(for|about)\s+me,?\s+not\s+(for\s+|about\s+)?(her|him|them|my\s+\w+|"
    # "this check is for ME not mrs K" (user study round 33, #21)
    r"(mrs|mr|ms|miss)\.?\s+\w+|the (resident|patient|client)s?)\b",
    re.IGNORECASE,
)
# "sorry, I meant me, I'm the one with rosacea" after "my wife has rosacea": a condition told of someone else
# is the user's own (user study round 33, #22: the wife kept the rosacea's referral three times)
MINE_NOT_THEIRS = re.compile(
    MEANT_ME.pattern + r"|\bi'?m the one (with|who)\b|\b(it'?s|that'?s|the \w+ is) (mine|me)\b,?\s+not\b|"
    r"\bnot (her|him|them|hers|his|theirs),?\s+(it'?s\s+)?(me|mine)\b",
    re.IGNORECASE,
)
# "and for me, no problem?", "what about me though?", "me i can use for neck?" after someone else's condition:
# the user asks about themselves (user study round 23, #12: the wife's lupus stuck to him); a correction too
ABOUT_ME = re.compile(
    r"\b(and|but|what about|how about|so)\s+(for\s+)?(me|myself)\b|^\W*(for\s+)?me\b|"
    r"\bfor me\b[^.?!]{0,25}\?|\bme,?\s+i\s+can\b|\bi\s+(myself|personally)\b|"
    # "does my mum's thing count against me?" (user study round 34, #19)
    r"\b(count|counts|counted|matter|matters|apply|applies|go|goes)\s+(against|for|to)\s+me\b|"
    r"\b(affect|affects|change|changes)\s+(anything\s+)?(for\s+)?me\b|"
    # "I've no lupus myself mind, just dodgy knees. would I be fine?" (user study round 43, #18)
    r"\b(no|not|none|nothing)\s+(\w+\s+){0,2}(myself|meself)\b|\b(would|will) i be (ok|okay|fine|alright|"
    r"all right|safe|good)\b|" + MEANT_ME.pattern,
    re.IGNORECASE,
)


# "just a sore shoulder", "my back aches": an ache of muscles or joints, which the muscle answer covers
ACHE_IN_BODY = re.compile(
    r"\b(sore|stiff|aching|achy|tight|painful|bad)\s+(lower\s+|upper\s+)?(back|neck|shoulders?|knees?|"
    r"joints?|muscles?|hips?|calf|calves|legs?|arms?|elbows?|wrists?|ankles?)\b|"
    r"\b(back|neck|shoulders?|knees?|joints?|muscles?|hips?|legs?|elbows?|wrists?)\s+(aches?|pain|hurts?|"
    r"(is|are|feels?|gets?)\s+(just\s+|a bit\s+|really\s+|so\s+|very\s+)?(sore|stiff|achy|aching|tight))\b",
    re.IGNORECASE,
)


# beside a purchase question: whether the pad works for an ache, or why it did nothing yet
_WORKS_FOR = re.compile(
    r"\b(work|works|working|help|helps|good|worth it|any good|effective|do anything)\b", re.IGNORECASE
)
NO_EFFECT = re.compile(
    r"\b(does|did|do)\s+nothing\b|\bno (effect|results?|difference|change)\b|\bnot (working|helping)\b|"
    r"\b(doesn'?t|didn'?t|does not|did not|isn'?t|is not)\s+(work|help|do anything|working|helping)\b|"
    r"\bnothing (after|yet|so far)\b|"
    # "my shoulder hurts exactly the same" after three weeks (user study round 31, #9)
    r"\b(exactly|just) the same\b|\bno better\b|\bnothing (has )?changed\b|"
    r"\b(hasn'?t|has not|haven'?t|have not)\s+(helped|worked|done anything|changed)\b|"
    # "bought this 3 weeks ago for my neck and nothing" (user study round 35, #36)
    r"\b(and|but|still|yet|literally|absolutely) nothing\b(?!\s+(else|wrong|serious|special|to|new)\b)",
    re.IGNORECASE,
)
_PAIN_SPOT = re.compile(
    r"\b(back|lower back|neck|nek|shoulders?|knees?|joints?|muscles?|hips?|wrists?|elbows?|legs?|arms?)\s*"
    r"(pain|ache|aches|is sore|stiffness)\b|\b(sore|stiff|aching)\s+(back|neck|shoulders?|knees?|joints?|"
    r"muscles?|wrists?|elbows?)\b",
    re.IGNORECASE,
)


def purchase_side_question(text: Optional[str]) -> Optional[str]:
    """The response for a question asked beside a purchase question: the muscle answer for "does it work for
    my neck pain?", the variability answer for "is it normal that it does nothing after a month?"."""
    if not text:
        return None
    if NO_EFFECT.search(text):
        return "utter_limitation_variability"
    if (_PAIN_SPOT.search(text) or ACHE_IN_BODY.search(text)) and _WORKS_FOR.search(text):
        return "utter_benefit_muscle_joint"
    return None


# "does my mum's thing count against me?" after the user's own verdict and a relative's condition (user study
# round 34, #19: the mother's block, the muscle paragraph and the not-a-substitute paragraph, 200 words)
COUNTS_FOR_ME = re.compile(
    r"\b(count|counts|matter|matters|apply|applies)\s+(against|for|to)\s+me\b|\b(affect|affects)\s+me\b|"
    # "does my mum's diabetes mean I should be careful too?" (user study round 41, #11: her verdict again)
    r"\b(mean|means)\s+(that\s+)?(i|i'?m|me)\s+(should|need|have|must|ought|can'?t|cannot|shouldn'?t|am)\b|"
    r"\b(does|do|would|is)\b[^.?!]{0,40}\b(hereditary|genetic|run in the family|catching|contagious)\b",
    re.IGNORECASE,
)


def others_not_yours(other_conditions: List[str], verdict: Optional[str], rules: List[str]) -> str:
    """"Does my mum's thing count against me?": no, it is theirs; the user's own verdict in one line."""
    names = [n for n in dict.fromkeys(other_conditions) if n != "a named medical condition"][:2]
    listed = " and ".join(names) if names else "their condition"
    own = ""
    if verdict == Verdict.DO_NOT_USE.value:
        own = f" For you, from what you told me about yourself{_named(rules)}: don't use a pad unless your " \
            "doctor says otherwise."
    elif verdict == Verdict.ASK_DOCTOR.value:
        own = f" For you, from what you told me about yourself{_named(rules)}: ask your doctor first."
    return f"No: what you told me ({listed}) is about the other person, not you." + own


def self_after_other_answer(other_conditions: List[str]) -> str:
    """"and for me?" after someone else's condition: theirs is not the user's; what is known of the user."""
    names = list(dict.fromkeys(other_conditions))
    listed = " and ".join(names) if names else "condition"
    return (
        f"What you told me ({listed}) is about the other person, not you. From what you've told me about "
        "yourself, nothing so far is on the list of reasons to avoid a red-light therapy pad. The short "
        "safety check asks about the other reasons; would you like to run it?"
    )


# "my wife has lupus. we share a pad, is it ok if I keep using it?": the user asks about their own use too
# (user study round 29, #35: only her verdict)
OWN_USE_TOO = re.compile(
    # (not "can i use it on my 8 year old son?", which asks about the son: user study round 32, #6)
    r"\b(can|could|may|should|shall)\s+i\s+(still\s+|keep\s+|carry on\s+|go on\s+)?(use|using|try)\b"
    # ("can i use my red light pad on my 8 year old?" too: user study round 34, #6)
    r"(?!\s+(it|this|one|the pad|my (red[- ]light |rlt )?(pad|device|mat|wrap))?\s*(on|for)\s+(him|her|them|"
    r"my\s+\d+\s*(year|yr|y/?o)\w*(\s+old)?\b|my\s+(\d+\s*(year|yr|y/?o)\w*\s+old\s+)?"
    r"(son|daughter|child|kid|baby|boy|girl|mum|mom|mother|dad|father|wife|husband|partner|sister|brother|"
    r"gran|granny|grandma|grandmother|nan|grandad|grandpa|grandfather|friend|aunt|uncle|patient|client)s?\b))|"
    r"\b(ok|okay|fine|safe|alright|all right)\s+(if|that|for)\s+i\s+(still\s+)?"
    r"(keep\s+|carry on\s+|go on\s+)?(use|using)\b|\bi\s+(keep|carry on|continue)\s+using\b|"
    r"\b(and|but|what about|how about)\s+(for\s+)?me\b|\bfor me too\b|\b(me|myself) as well\b",
    re.IGNORECASE,
)


# "could I use it while she's sitting on my lap?", "with him on my chest": the other person in the light too
THEM_ON_YOU = re.compile(
    r"\b(while|with|when)\s+(she|he|they|her|him|them|the baby|my \w+)\s*(is|are|'s|'re)?\s*"
    r"(sitting|sat|lying|asleep|sleeping|feeding|cuddled|cuddling)?\s*(on|in)\s+(my|our)\s+"
    r"(lap|chest|arms|knee|knees|tummy)\b|"
    r"\b(holding|cuddling|carrying|feeding)\s+(her|him|them|the baby|my \w+)\b",
    re.IGNORECASE,
)
THEM_ON_YOU_NOTE = (
    "And not with them on you or right next to the pad: the light would shine on them as well, so what you "
    "told me about them counts too."
)


# "what about my wife, she has nothing wrong with her, just a sore neck" after the user's own verdict
HEALTHY_OTHER = re.compile(
    r"\b(what about|how about|and|but|can|could|is it ok for)\s+(for\s+)?my\s+([a-z-]+)\b[^.!]{0,60}\b("
    r"(has|have|got)\s+(nothing|no\s+(health\s+)?(problems?|issues?|conditions?))|nothing wrong|"
    r"(is|'s)\s+(perfectly\s+|totally\s+|completely\s+)?(healthy|fine|fit|well)|fit and well|healthy as)",
    re.IGNORECASE,
)


def own_use_after_other(theirs: List[str]) -> str:
    """The user's own use, asked beside someone else's condition: theirs does not count for the user (the
    names are not listed: "their a child and an injury" read as garbled, user study round 32, #6)."""
    del theirs  # (what they have was said in the verdict just before)
    return (
        "For you: what you told me about them counts for them, not for you. If none of the reasons to avoid "
        "a pad applies to you (pregnancy, an acute skin infection, eczema flare or open wound, sensitivity "
        "to light, an implanted electronic device), you can use it as your device's manual says; the short "
        "safety check goes through them with you."
    )


_CAN_THEY_USE = re.compile(
    r"\b(can|could|may|should|is it (ok|okay|safe|fine) for)\s+(she|he|they|her|him|them|my\s+\w+)\b"
    r"[^.?!]{0,20}\b(use|using|try|have a go)\b|"
    # ("I'm asking about my SISTER", "and for my husband?"; not "it worked for her")
    r"\b(asking|ask|asked|meant|mean)\s+(for|about)\s+(her|him|them|my\s+\w+)\b|"
    r"\b(for|about)\s+(her|him|them|my\s+(wife|husband|partner|sister|brother|mum|mom|dad|son|daughter|"
    r"friend))\s*\?|\b(she|he|they)\s*(is|'s|are|'re)\s+(a\s+)?(perfectly |totally |completely |very )?"
    r"(healthy|fine|well|fit)\b|"
    # "my brother wants to borrow it", "is it fine for him or not?" (user study round 39, #49: "Thanks for
    # telling me", then the who-should-avoid list)
    r"\b(wants?|would like|'?d like|asked) to (borrow|use|try|have a go (on|with))\b|"
    r"\bis it (ok|okay|safe|fine|alright|all right) for (her|him|them)\b|"
    # "is she fine to use it?", "my wife is perfectly healthy though" (user study round 33, #22)
    r"\bis (she|he) (ok|okay|safe|fine|alright|all right) to (use|try)\b|"
    r"\bmy\s+(wife|husband|partner|sister|brother|mum|mom|dad|son|daughter|friend)\s+is\s+"
    r"(perfectly |totally |completely |very )?(healthy|fine|well)\b|"
    # "my husband can use it on his shoulder though, he's not trying for anything" after the user's own
    # verdict (user study round 46, #31: the user's reminder, then "Thanks for telling me")
    r"\bmy\s+(wife|husband|partner|sister|brother|mum|mom|dad|son|daughter|friend|hubby|missus)\s+"
    r"(can|could|may|should)\s+(still\s+)?(use|try)\b",
    re.IGNORECASE,
)


def asks_for_healthy_other(
    text: Optional[str], verdict: Optional[str], others: Optional[List[str]], earlier: Iterable[str] = (),
    history: Iterable[str] = (),
) -> bool:
    """A question whether someone else may use the pad, after a verdict, with nothing said of that person's
    health ("can my wife use it for her cold hands? she's healthy"); never when an earlier message spoke of
    someone else with a condition ("what about rheumatoid? my sister has that"), unless the question names a
    person that no earlier message (``history``) named ("my wife has lupus", then "can my sister use it?")."""
    if not text or text.startswith("/"):
        return False
    fresh = newly_named_person(text, history)
    if others and not fresh:
        return False
    if verdict not in ("do_not_use", "ask_doctor") and not others:
        return False
    earlier = list(earlier)
    for index in range(len(earlier) - 1, -1, -1):
        if MINE_NOT_THEIRS.search(earlier[index] or ""):
            earlier = earlier[index + 1:]  # what was said of them before was the user's own
            break
    if not fresh and any(
        # (someone else's condition: "I have a pacemaker. Can I use my wife's pad?" names her, not hers)
        OTHER_PERSON.search(t or "") and recognise(t).mentions and not recognise(t).affirmed(Experiencer.SELF)
        for t in earlier
    ):
        return False
    if not (OTHER_PERSON.search(text) and (_CAN_THEY_USE.search(text) or HEALTHY_OTHER.search(text))):
        return False
    named = [m for m in recognise(text).affirmed() if not _CARE_GIVER_WORD.search(m.text)]
    return not named and not _MY_OWN.search(text)


# a relative, friend or other person named with "my" ("my sister", "my mother-in-law", "my flatmate")
_MY_PERSON = re.compile(
    # ("And our little lad, he's 2 and his eczema's flaring" after the wife's pregnancy got "Pregnancy" in the
    # boy's verdict: user study round 46, #51)
    r"\b(?:my|our)\s+(?:(?:little|wee|youngest|eldest|oldest|older|younger|teenage)\s+)?(mum|mom|mother|dad|father|sister|brother|wife|husband|partner|son|daughter|grandma|grandmother|"
    r"grandpa|grandfather|grandad|granddad|granny|gran|nan|nana|friend|aunt|auntie|uncle|child|kid|cousin|niece|"
    r"nephew|boyfriend|girlfriend|fianc[eé]e?|flatmate|roommate|housemate|neighbou?r|colleague|boss|"
    # (user study round 41, #13: "my buddy has a pacemaker" named nobody, so his pacemaker went into the
    # verdict for "my girlfriend")
    r"buddy|mate|pal|bestie|best friend|bff|missus|missis|hubby|wifey|gf|bf|bhabhi|client|coworker|co-worker|"
    r"(mother|father|sister|brother|son|daughter)[- ]in[- ]law|step\w+|twin|baby|toddler|teen\w*|"
    r"lad|boy|girl|lass|wean|little one)\b",
    re.IGNORECASE,
)


_CHILD_WORDS = {"son", "daughter", "child", "kid", "baby", "toddler", "twin"}
_ANY_CHILD = {"child", "kid", "baby", "toddler", "twin"}


def newly_named_person(text: Optional[str], history: Iterable[str]) -> bool:
    """The message names someone ("my sister") that no earlier message of the conversation named."""
    named = set(people_named([text or ""]))
    if not named:
        return False
    before = set(people_named(history))
    # someone named before only as "my 8 year old" or "a resident" may be the same person: never new (user
    # study round 34, #6: "can SHE use it? MY DAUGHTER" after "my 8 year old" got a green light)
    return bool(before) and not named & before and not (named & _CHILD_WORDS and before & _CHILD_WORDS)


_SAME_PERSON = {
    "mom": "mum", "mother": "mum", "father": "dad", "grandmother": "grandma", "granny": "grandma",
    "gran": "grandma", "nan": "grandma", "nana": "grandma", "grandfather": "grandpa", "grandad": "grandpa",
    "granddad": "grandpa",
    "auntie": "aunt", "roommate": "flatmate", "housemate": "flatmate", "neighbor": "neighbour",
    "buddy": "friend", "mate": "friend", "pal": "friend", "bestie": "friend", "best friend": "friend",
    "bff": "friend", "missus": "wife", "missis": "wife", "wifey": "wife", "hubby": "husband",
    "gf": "girlfriend", "bf": "boyfriend", "co-worker": "coworker",
    "lad": "son", "boy": "son", "lass": "daughter", "girl": "daughter", "wean": "child",
    "little one": "child",
}


# "the wife", "the missus": the user's own, as "my wife" ("And the wife once the baby's born?", round 46, #51)
_THE_SPOUSE = re.compile(r"\bthe\s+(wife|missus|missis|hubby|husband|other half)\b", re.IGNORECASE)


def people_named(texts: Iterable[str]) -> List[str]:
    """The people named with "my" in these messages, in order ("wife", "sister")."""
    return list(dict.fromkeys(
        m.group(1).lower() for t in texts for m in _MY_PERSON.finditer(_THE_SPOUSE.sub(r"my \1", t or ""))
    ))


def same_person(word: Optional[str]) -> Optional[str]:
    """One word for a person however it was said ("mum" for "mother" and "mom"), to compare them."""
    return _SAME_PERSON.get(word.lower(), word.lower()) if word else word


# "what about my sister instead?", "new person: my sister", "forget dad": the talk turns to someone else
_SWITCH_CUE = re.compile(
    r"\b(instead|new person|another person|different person)\b|\b(what|how) about (for )?my\b|"
    r"\b(now|next|and|ok|okay) (for |about )?my\b|\bforget (about )?(my |him\b|her\b|them\b)|"
    r"\b(can|could|may|should) my\b|\bfor my\b|\bcheck (her|him|them)\b",
    re.IGNORECASE,
)
# "that's my dad", "it's my dad who has it": the condition is the first person's, told again
_IS_THEIRS = re.compile(r"\b(that'?s|thats|it'?s|its|is|was|he'?s|she'?s) (my|our) (\w+)\b", re.IGNORECASE)


# a relative named without "my" at the start of a message ("and mum?", "what about dad, can he ...")
_BARE_PERSON = re.compile(
    r"^\W*(and|what about|how about|now|ok|okay|so|right|back to)?[,.]?\s*(mum|mom|mother|dad|father|sis|"
    r"sister|brother|grandma|granny|gran|nan|nana|grandpa|grandad|granddad|auntie|aunt|uncle)\b(?!'s)",
    re.IGNORECASE,
)


# someone who will pass the advice on: "I'll tell my mom to take her to the doctor"
_MESSENGER = re.compile(
    r"\b(i'?ll|i will|i'?m going to|im going to|gonna|i shall|will)\s+(tell|ask|let|get|remind|"
    r"pass (it|that) on to)\s+(my\s+)?\w+\s+(to\s+)?"
    r"(take|bring|book|call|ring|phone|see|speak|talk|check|know)\b",
    re.IGNORECASE,
)


def person_switch(
    text: Optional[str], owner: Optional[str], others: Optional[List[str]],
    stored: Optional[Dict[str, List[str]]] = None,
) -> Optional[str]:
    """The person a message turns to, away from the one whose conditions are remembered (``owner``, with
    ``others``): "what about my sister instead?" or "my sister doesn't have a pacemaker, that's my dad" after
    "my dad has a pacemaker" give "sister"; a person told of earlier (``stored``) can be turned back to.
    None when the message stays with the same person or names nobody."""
    if not text or text.startswith("/"):
        return None
    if _MESSENGER.search(text) and "?" not in text:
        # "Shot, I'll tell my mom to take her to the doctor first then": the mother passes the advice on about
        # the gran; nobody is turned to (user study round 48, #35)
        return None
    said = people_named([text])
    bare = _BARE_PERSON.match(text)
    if not said and bare:
        said = [bare.group(2).lower()]  # "and mum, can she use it on her hands?"
    if not said:
        return None
    named = [same_person(p) for p in said]
    first, owner = named[0], same_person(owner)
    if first == owner or (
        # "my 9 year old" and "my son" may be one child; a son and a daughter are two (round 39, #6)
        owner in _CHILD_WORDS and first in _CHILD_WORDS and {owner, first} & _ANY_CHILD
    ):
        return None
    if stored and first in {same_person(p) for p in stored}:
        return next(p for p in stored if same_person(p) == first)
    if not others:
        return None
    if owner is None or owner in named:
        # named together with the person the conditions belong to, or that person is not known: only with a
        # word that turns to the new one ("instead", "what about my ...", "that's my dad")
        theirs = owner is not None and any(
            same_person(m.group(3)) == owner for m in _IS_THEIRS.finditer(text)
        )
        if not (_SWITCH_CUE.search(text) or theirs):
            return None
    return said[0]


_IS_THEIR_TURN = re.compile(
    r"\b(is|are) (she|he|they) (ok|okay|safe|fine|alright|all right|good)\b|"
    r"\b(can|could|may) (she|he|they) (use|try|have)\b|\b(she|he)'?s (fine|ok|okay|good|safe) then\b|"
    r"\b(she|he|they) (can|could|may) (use|try|have)\b",
    re.IGNORECASE,
)


def asks_about_turned_to(
    text: Optional[str], person: Optional[str], others: Optional[List[str]],
    stored: Optional[Dict[str, List[str]]], affirmed: Iterable[str] = (),
) -> bool:
    """"so is she fine?" about the person the conversation turned to (``person``), of whom nothing is known,
    while the conditions told are someone else's (``stored``); a condition named again is one of theirs."""
    if not text or text.startswith("/") or not person or others or not stored:
        return False
    theirs = {n for names in stored.values() for n in names}
    return bool(_IS_THEIR_TURN.search(text)) and set(affirmed) <= theirs


def turned_to_status(person: str, stored: Dict[str, List[str]]) -> str:
    """Whether the person turned to may use the pad: nothing told of them is a reason to avoid it."""
    owners = ", ".join(f"your {p}'s {' and '.join(n[:2])}" for p, n in stored.items() if n)
    return (
        f"Nothing you've told me about your {person} is on the list of reasons to avoid a red-light therapy "
        f"pad ({owners} is not theirs). I can't clear them medically: if none of the reasons applies to them "
        "(pregnancy, an acute skin infection, eczema flare or open wound, sensitivity to light, an implanted "
        "electronic device), they can use it as the device's manual says; the short safety check goes "
        "through them."
    )


def regroup_people(
    stored: Optional[Dict[str, List[str]]], owner: Optional[str], others: Optional[List[str]], person: str
) -> Tuple[List[str], Dict[str, List[str]]]:
    """Turning to ``person``: the conditions told of them before (taken out of ``stored``), and ``stored``
    with the current person's (``owner``, ``others``) kept in it."""
    kept = dict(stored or {})
    key = next((p for p in kept if same_person(p) == same_person(person)), None)
    earlier = kept.pop(key) if key else []
    if others:
        kept[owner or "other person"] = list(others)
    return earlier, kept


def _their_advice(rules: List[str]) -> str:
    if any(default_rulebook().rule(r).verdict is Verdict.DO_NOT_USE for r in rules):
        return "should not use a red-light therapy pad unless their doctor says otherwise"
    return "should ask their doctor first, before using a red-light therapy pad"


def switched_person_answer(new: str, owner: Optional[str], others: List[str], rules: List[str]) -> str:
    """What is said when the conversation turns to another person (``new``): the remembered conditions stay
    with their owner, with the owner's advice in one line, and nothing of them counts for the new person."""
    names = [n for n in dict.fromkeys(others) if n != "a named medical condition"][:2]
    listed = " and ".join(names) if names else "the condition you told me about"
    whose = f"your {owner}" if owner else "the person you asked about first"
    return (
        f"OK, now about your {new}. What you told me ({listed}) is about {whose}, not your {new}, so it "
        f"does not count for your {new} (and {whose} {_their_advice(rules)}). If none of the reasons to "
        f"avoid a pad applies to your {new} (pregnancy, an acute skin infection, eczema flare or open wound, "
        "sensitivity to light, an implanted electronic device), they can use it as the device's manual says; "
        "the short safety check can go through them."
    )


def back_to_person_answer(person: str, conditions: List[str], rules: List[str], more: bool = False) -> str:
    """Back to someone told of earlier ("and my dad, can he use it on his knees?"): what was said of them;
    ``more``: an answer to their question follows."""
    names = [n for n in dict.fromkeys(conditions) if n != "a named medical condition"][:2]
    listed = f" ({' and '.join(names)})" if names else ""
    tail = " The following is general information only." if more else ""
    return f"Back to your {person}: from what you told me{listed}, they {_their_advice(rules)}.{tail}"


# a specialist the user will ask, not a condition ("I'll ask my rheumatologist. can my sister use it?")
_CARE_GIVER_WORD = re.compile(
    r"\b(doctor|gp|nurse|midwife|physio\w*|\w+ologist|pharmacist|surgeon|consultant|specialist)s?\b", re.I
)


_MY_OWN = re.compile(r"\b(can|could|may|should) i\b|\bfor me\b|\bmyself\b|\band me\b|\bwhat about me\b", re.I)


# "can my sister use it? she's healthy" after the user's own verdict: the user's conditions are not hers
# (user study round 32, #11, #5: "No: from what you told me (Photosensitivity) you should not use a pad")
def other_after_self_answer(own_conditions: List[str], whose: Optional[str] = None) -> str:
    """A question about someone else after the user's own verdict, with nothing said of that person;
    ``whose``: the person the earlier conditions belong to, when they are not the user's ("wife")."""
    names = [n for n in dict.fromkeys(own_conditions) if n != "a named medical condition"][:2]
    listed = " and ".join(names) if names else ("your condition" if whose is None else "a condition")
    owner = "you" if whose is None else (f"your {whose}" if whose != "someone else" else whose)
    return (
        f"What you told me ({listed}) is about {owner}, not them. Nothing you've told me about them is on "
        "the list of reasons to avoid a red-light therapy pad: if none applies to them (pregnancy or "
        "breastfeeding, an acute skin infection, eczema flare or open wound, sensitivity to light, an "
        "implanted electronic device), they can use it as the device's manual says. The short safety check "
        "can go through the reasons for them."
    )


# "should i keep using it or stop?", "stop using it?? yes or no" after the answer to a reaction to the pad
KEEP_OR_STOP = re.compile(
    r"\b(keep|carry on|continue|go on|still)\s+(using|with)\b|\bshould i (stop|keep|carry on|continue)\b|"
    r"\bstop using( it)?\b|\bor stop\b|\bstop\?",
    re.IGNORECASE,
)
# "should I just give up?", "keep using it or stop?" after the pad did nothing
GIVE_UP = re.compile(
    KEEP_OR_STOP.pattern + r"|\bgive up\b|\bgiving up\b|\bkeep (going|trying)\b|"
    r"\bworth (continuing|carrying on)\b|"
    r"\b(should|do) i (just )?(stop|quit)\b",
    re.IGNORECASE,
)
NO_EFFECT_KEEP_OR_STOP = (
    "That's your choice: my source says results usually take 1-2 weeks of regular use, vary a lot between "
    "people, and some people notice no significant effect at all. After several weeks of regular use with no "
    "change, it may simply not work for you, and stopping does no harm. Pain that isn't getting better is "
    "worth showing to a doctor or physiotherapist."
)
# "should I worry?", "what do I do", "is it an allergy?" a turn or two after a reaction to the pad (user study
# round 30, #20: "Yes, please do ... they know your situation", then a menu, then "do not stop any treatment")
REACTION_FOLLOWUP = re.compile(
    KEEP_OR_STOP.pattern + r"|\bwhat (do|should|shall|can) i do\b|\bshould i (be )?worr|\bworried\b|"
    r"\ballerg|\bstill (itchy|itching|red|sore|blotchy|pink|burning|stinging)\b|\bis (that|this|it) normal\b|"
    r"\bwho (is|are|do you mean by|did you mean by) ['\"]?(them|they)\b",
    re.IGNORECASE,
)
_ALLERGY = re.compile(r"\ballerg", re.IGNORECASE)
_WHO_IS_THEM = re.compile(r"\bwho (is|are|do you mean by|did you mean by) ['\"]?(them|they)\b", re.IGNORECASE)
_STOP_TOPICS = {
    "skin_reaction": (
        "Stop using the pad for now, and keep it off that skin until it has fully settled. If it doesn't "
        "settle within a day or two, or it blisters, hurts or spreads, see a doctor or pharmacist before you "
        "use the pad again, and follow your device's manual."
    ),
    "dizzy": (
        "Stop using the pad for now, until you've asked a doctor about the dizziness. If you feel "
        "faint, have chest pain or trouble breathing, call the emergency number."
    ),
}


# "it's also warm and red around the kneecap. should I stop using it?" (user study round 26, #56: "do not stop
# or change any treatment"): a joint or wound getting worse under the pad; the seed: with acute inflammation
# or an infection, first seek medical attention
STOP_FOR_SYMPTOMS = (
    "Yes, stop using the pad there for now and have it looked at: my source says that with acute "
    "inflammation, an infection or an injury you should first seek medical attention. See a doctor soon, "
    "today if it is spreading, very painful or you have a fever, and don't use the pad on it until they say "
    "it's fine."
)
_WORSE_SYMPTOMS = frozenset({
    "acute inflammation", "skin infection", "infection", "open wound", "soft tissue injury", "fracture",
    "an injury", "tendon and bursa problems",
})


def symptom_stop(texts: Iterable[Optional[str]], asked: Optional[str] = None) -> Optional[str]:
    """The stop-and-see-a-doctor answer when a recent message told of an inflamed, infected or injured
    part (not one told as getting better), opening with the answer to ``asked``: "No, ..." to "should I keep
    going?", "Yes, ..." to "should I stop?"."""
    for text in texts:
        if not text or text.startswith("/"):
            continue
        found = [m for m in recognise(text).affirmed() if m.condition in _WORSE_SYMPTOMS]
        if not found:
            continue
        if _IMPROVING.search(text) and not _GETTING_WORSE.search(text) and all(
            m.condition in _OVERUSE for m in found
        ):
            # "tennis elbow for 6 weeks, it feels a bit better. Should I keep going?" (user study round 28,
            # #33: "Yes, stop ... today if it is spreading"): a long-standing strain that is easing
            return None
        if asked and _KEEP_GOING.search(asked.lower()):
            return "No, " + STOP_FOR_SYMPTOMS[len("Yes, "):]
        return STOP_FOR_SYMPTOMS
    return None


_KEEP_GOING = re.compile(r"\b(keep (going|using|at it|on)|continue|carry on|go on using|still use)\b")
_IMPROVING = re.compile(r"\b(better|improving|improved|easing|eased|less (pain|sore)|healing well)\b", re.I)
_GETTING_WORSE = re.compile(r"\b(worse|spreading|swollen|swelling|hot|fever|red(der)?|pus)\b", re.I)
_OVERUSE = frozenset({"tendon and bursa problems", "soft tissue injury"})


_BLISTERING_NOW = re.compile(
    r"\b(blister\w*|bubbl(ing|y|ed)|weeping|oozing|peeling|raw|burn(t|ed|ing)?|hurts?|painful|spreading|"
    r"swollen)\b",
    re.IGNORECASE,
)
BLISTERING_NOW_ANSWER = (
    "Then please get medical advice today, from a doctor or a pharmacist: skin that blisters, hurts or looks "
    "burnt after the pad needs to be seen. Meanwhile don't use the pad on it, cool it under cool (not cold) "
    "running water, don't burst blisters and cover it loosely with something clean. If it is large, deep or "
    "on the face, call your local emergency number."
)


def stop_topic(texts: Iterable[Optional[str]], asked: Optional[str] = None) -> Optional[str]:
    """The stop-for-now answer when one of the recent messages was about a reaction to the pad; "is it an
    allergy?" (``asked``) is told first that the bot cannot tell."""
    for text in texts:
        topic = beyond_source_topic(text or "")
        if topic is not None and topic.id in _STOP_TOPICS:
            answer = _STOP_TOPICS[topic.id]
            if asked and _WHO_IS_THEM.search(asked):
                answer = "By them I meant a doctor or pharmacist. " + answer
            elif asked and KEEP_OR_STOP.search(asked):
                answer = ("No. " if _KEEP_GOING.search(asked.lower()) else "Yes. ") + answer
            if asked and _BLISTERING_NOW.search(asked) and topic.id == "skin_reaction":
                # "it's still red and a bit blistery now" after a red mark from the pad: it already blisters,
                # so medical advice now, never "if it blisters" (user study round 44, #12)
                return BLISTERING_NOW_ANSWER
            if asked and _ALLERGY.search(asked) and topic.id == "skin_reaction":
                answer = (
                    "I can't tell whether it is an allergy: my source does not cover skin reactions, and a "
                    "doctor or pharmacist can look at it (tell them about any medicines you take). " + answer
                )
            return answer
    return None


def other_status_answer(rules: List[str], text: Optional[str] = None) -> Optional[str]:
    """"is ok then?" about someone whose condition the user named: the rules' verdict for them again; "after
    the baby is born?" about a pregnant partner: when the pregnancy rule ends (user study round 12, #40)."""
    if not rules:
        return None
    named = _named(rules)
    if after_birth(text) and "pregnancy" in rules:
        return (
            "After the birth, she should ask her doctor or midwife when she can start. If she breastfeeds: "
            "my source gives no safety information for breastfeeding, so she should ask them about that "
            f"too. Until the birth, from what you told me{named}, she should not use a red-light therapy pad "
            "unless her doctor says otherwise."
        )
    if any(default_rulebook().rule(r).verdict is Verdict.DO_NOT_USE for r in rules):
        return (
            f"No: from what you told me{named}, they should not use a red-light therapy pad, on any part "
            "of the body, unless their doctor says otherwise."
        )
    return f"They should ask their doctor first{named}, before using a red-light therapy pad."


_ABDOMEN = re.compile(r"\b(belly|tummy|stomach|abdomen|abdominal|bump|womb|lower belly|pelvis|pelvic)\b")
ABDOMEN_IN_PREGNANCY = (
    "My source says pregnant women should avoid the pads, especially on the abdomen (it may affect the fetus "
    "and there is no safety data), so keep it off your abdomen while you could be pregnant."
)


def verdict_reminder(verdict: Optional[str], rules: List[str], text: Optional[str] = None) -> Optional[str]:
    """Said before an answer that could undercut a remembered verdict (e.g. "only on my shoulders?"); a
    question about the belly with a possible pregnancy behind the verdict adds the source's abdomen warning
    (user study round 20, #2: "no harm trying it on my belly then?" after "could be, we're trying")."""
    named = _named(rules)
    belly = (
        f" {ABDOMEN_IN_PREGNANCY}" if "pregnancy" in rules and _ABDOMEN.search((text or "").lower()) else ""
    )
    if verdict == Verdict.DO_NOT_USE.value:
        return (
            f"Remember: from what you told me{named}, you should not use a red-light therapy pad unless "
            f"your doctor says otherwise, so please ask your doctor first.{belly} The following is general "
            "information only."
        )
    if verdict == Verdict.ASK_DOCTOR.value:
        return (
            f"Remember: from what you told me{named}, please ask your doctor first, before using a "
            f"red-light therapy pad.{belly} The following is general information only."
        )
    return None


def verdict_reminder_other(rules: List[str]) -> Optional[str]:
    """The reminder for the other person whose conditions the user named ("Remember: ... they ...")."""
    if not rules:
        return None
    named = _named(rules)
    if any(default_rulebook().rule(r).verdict is Verdict.DO_NOT_USE for r in rules):
        return (
            f"Remember: from what you told me{named}, they should not use a red-light therapy pad unless "
            "their doctor says otherwise. The following is general information only."
        )
    return (
        f"Remember: from what you told me{named}, they should ask their doctor first, before using a "
        "red-light therapy pad. The following is general information only."
    )


_SEVERITY = {
    None: 0,
    Verdict.NO_CONTRAINDICATION_FOUND.value: 1,
    Verdict.ASK_DOCTOR.value: 2,
    Verdict.DO_NOT_USE.value: 3,
}


def merge_verdict(
    old_verdict: Optional[str], old_rules: List[str], new_verdict: str, new_rules: List[str]
) -> Tuple[str, List[str]]:
    """The remembered verdict after the user names more conditions: the most severe, all reasons."""
    verdict = max(old_verdict, new_verdict, key=lambda v: _SEVERITY.get(v, 0)) or new_verdict
    rules = list(dict.fromkeys([*old_rules, *new_rules]))
    return verdict, rules


# who the safety check is about, for the pregnancy question: a man or a boy is not asked whether he is
# pregnant (user study round 20, #10: "my 8 year old son" and "im a 50 yo man" were); any word for a woman
# or girl, or pregnancy itself, keeps the question
_MALE_SELF = re.compile(
    r"\b(i'?m|i am|im|as)\s+(a|an)\s+((\d+|\w+)[\s-]*(yo|y/o|yr|yrs|year|years)[\s-]*(old\s+)?)?"
    r"(man|guy|male|bloke|dude|gentleman|lad)\b|"
    # "Before you ask: I'm male, no skin infections..." (user study round 43, #35)
    r"\b(i'?m|i am|im)\s+(male|a\s+fella|a\s+fellow)\b"
)
_MALE_OTHER = re.compile(
    r"\b(he|him|his|he'?s|hes|son|boy|husband|dad|father|brother|grandad|granddad|grandpa|grandfather|nephew|"
    r"uncle|boyfriend|stepson|stepdad|lad)\b"
)
_FEMALE = re.compile(
    r"\b(she|her|hers|she'?s|shes|mum|mom|mother|daughter|girl|wife|sister|grandma|gran|nan|granny|niece|aunt|"
    r"girlfriend|woman|lady|female|trans|pregnan\w*|breastfe\w*|nursing|bump|baby on the way|expecting)\b"
)


def male_subject(texts: Iterable[str], for_other: bool) -> bool:
    """Whether the messages leading to the safety check say it is about a man or a boy."""
    joined = " ".join(" ".join((t or "").lower().replace("\u2019", "'").split()) for t in texts)
    if _FEMALE.search(joined):
        return False
    return bool((_MALE_OTHER if for_other else _MALE_SELF).search(joined))


# "I'm obviously not the pregnant one", "im not pregnant lol" before the check (user study round 25, #16: the
# check opened with "Are you pregnant?"): the question is answered already
_NOT_PREGNANT_SELF = re.compile(
    r"\b(i'?m|im|i am)\s+(obviously\s+|definitely\s+|clearly\s+|certainly\s+|def\s+)?not\s+(the\s+)?"
    r"(pregnant|expecting)(\s+one)?\b|\bnot\s+the\s+pregnant\s+one\b"
)


def denied_pregnancy(texts: Iterable[str], for_other: bool) -> bool:
    """Whether the user said, before the check about themselves, that they are not pregnant."""
    if for_other:
        return False
    return any(_NOT_PREGNANT_SELF.search(" ".join((t or "").lower().replace("\u2019", "'").split()))
               for t in texts)


def pregnancy_told_note() -> str:
    """Said when the pregnancy question is left out because the user said they are not pregnant."""
    return ("I've left out the pregnancy question, as you said you're not pregnant; say \"back to question "
            "1\" if that's wrong.")


def pregnancy_skipped_note(for_other: bool) -> str:
    """Said when the pregnancy question is left out of a check about a man or a boy."""
    about = "the check is about him" if for_other else "you said you're a man"
    note = f"I've left out the pregnancy question, as {about}; say \"back to question 1\" if that's wrong."
    # (question 1 carries "please answer for them"; it is not asked here)
    return f"{note} The questions are about him, so please answer for him." if for_other else note


# Conditions of one part of the body (an overuse pain, a sprain, a fracture): the doctor question is about
# that part. "ok so can i use it on my calves or not" after runner's knee got "ask your doctor first" for the
# calves (user study round 20, #6); a whole-body condition (diabetes, a pacemaker, a pregnancy) keeps its
# verdict. (a swollen joint too: "my ankle is swollen" then "sore calves are fine right?", user study round
# 23, #3)
LOCAL_CONDITIONS = frozenset({
    "tendon and bursa problems", "soft tissue injury", "fracture", "an injury", "acute inflammation",
})
_GENERIC_CONDITION = "a named medical condition"
_BODY_PART = re.compile(
    r"\b(feet|foot|toes?|hands?|fingers?|legs?|knees?|ankles?|calf|calves|thighs?|hips?|back|neck|shoulders?|"
    r"arms?|elbows?|wrists?|shins?|heels?|hamstrings?|quads?|glutes?)\b"
)
_SINGULAR = {"feet": "foot", "calves": "calf"}


def _parts(text: Optional[str]) -> set:
    return {_SINGULAR.get(p, p.rstrip("s")) for p in _BODY_PART.findall((text or "").lower())}


def local_elsewhere_answer(
    text: Optional[str], earlier_texts: List[str], verdict: Optional[str], conditions: Iterable[str]
) -> Optional[str]:
    """For another part of the body than a local injury's: the doctor question stays with the injury, and the
    source's muscle answer for the rest; None unless every remembered condition is local, the verdict is
    "ask your doctor" and the message names only body parts the earlier messages did not."""
    from padsafety.recognition import recognise

    conditions = list(conditions)
    if _GENERIC_CONDITION in conditions and all(
        any(m.condition in LOCAL_CONDITIONS for m in recognise(t).affirmed())
        for t in earlier_texts
        if any(m.condition == _GENERIC_CONDITION for m in recognise(t).affirmed())
    ):
        # "my ankle is swollen": the word "swollen" alone also reads as some condition, the ankle's
        conditions = [c for c in conditions if c != _GENERIC_CONDITION]
    if verdict != Verdict.ASK_DOCTOR.value or not conditions or not set(conditions) <= LOCAL_CONDITIONS:
        return None

    asked = _parts(text)
    # the body parts of the messages that named the injury ("and my knees, runners knee")
    naming = [
        t for t in earlier_texts if any(m.condition in LOCAL_CONDITIONS for m in recognise(t).affirmed())
    ]
    if not naming:
        return None
    before = set().union(*(_parts(t) for t in naming))
    if not asked or asked & before:
        return None
    named = ", ".join(dict.fromkeys(conditions))
    return (
        f"The doctor question is about what you told me ({named}): ask your doctor before using a pad there. "
        "My rules say nothing against the pad elsewhere; for sore or stiff muscles, my source says a pad may "
        "give some relief of muscle strain and stiffness and help recovery. Follow your device's manual."
    )


_THIRD_PERSON = re.compile(r"\b(he|she|him|her|his|hers|he'?s|she'?s|hes|shes|they|them|their)\b")
_FIRST_PERSON = re.compile(r"\b(i|i'?m|im|i'?ve|ive|me|my|mine|myself)\b")


def said_of_them(text: Optional[str], named: Iterable[str], theirs: Iterable[str]) -> bool:
    """"its mild lupus, mostly joints, he doesnt get rashes from sun. so its ok?" after "my husband has
    lupus": conditions already said of the other person, told again with "he" and no "I": still theirs
    (user study round 22, #7: the user was told "you should not use")."""
    norm = " ".join((text or "").lower().replace("\u2019", "'").split())
    named, theirs = set(named), set(theirs)
    third = bool(_THIRD_PERSON.search(norm)) and not _FIRST_PERSON.search(norm)
    return bool(named) and named <= theirs and third


# "it's just a surface scrape, not infected", "only a small one": a description with no person of its own
_GOES_ON_DESCRIBING = re.compile(
    r"^\W*(it'?s|its|it is|it was|just|only|but|and|well|oh|no|yes|yeah|nah|the|that'?s|thats|was|has|had|"
    r"got|a|an|(a )?(small|tiny|little|minor|mild|bad|big|deep|surface)\b)",
)


def continues_about_them(text: Optional[str], named_person: bool) -> bool:
    """"it's just a surface scrape, not infected, already closing up" right after a verdict for the person
    the user asks for ("can my 8 year old use it? he scraped his knee"): the description goes on about
    them, with no "I" or "my" and nobody new named (user study round 41, #12: the child's scrape given to
    the parent as "you should not use")."""
    norm = " ".join((text or "").lower().replace("\u2019", "'").split())
    if not norm or norm.startswith("/") or named_person or _FIRST_PERSON.search(norm):
        return False
    return bool(_THIRD_PERSON.search(norm) or _GOES_ON_DESCRIBING.match(norm))


def stopped_reply(
    verdict: Verdict, findings_titles: List[str], for_other: bool = False, unsure_titles: Sequence[str] = (),
) -> Optional[str]:
    """What to add when the safety check is stopped after a yes (or an "I don't know") to a rule
    (``for_other``: the check was about the person the user asks for; ``unsure_titles``: the rules answered
    "I don't know", said as doubts)."""
    who, whose = ("they", "their") if for_other else ("you", "your")
    if verdict is Verdict.ASK_DOCTOR and unsure_titles and not findings_titles:
        return (
            f"But {who} weren't sure about {', '.join(unsure_titles).lower()}, so {who} should ask {whose} "
            "doctor first, before using a red-light therapy pad."
        )
    if verdict is Verdict.ASK_DOCTOR and unsure_titles:
        findings_titles = [*findings_titles, *(f"not sure: {t.lower()}" for t in unsure_titles)]
    if verdict is Verdict.DO_NOT_USE and unsure_titles:
        findings_titles = [*findings_titles, *(f"not sure: {t.lower()}" for t in unsure_titles)]
    if verdict is Verdict.ASK_DOCTOR and findings_titles:
        # a "could be, we're trying" to the pregnancy question, then "stop": the doubt is told and kept, so
        # that "no harm on my belly then?" is not answered as if it were never said (user study round 20, #2)
        return (
            f"But from what you already told me ({', '.join(findings_titles)}), {who} should ask {whose} "
            "doctor first, before using a red-light therapy pad."
        )
    if verdict is not Verdict.DO_NOT_USE:
        return None
    return (
        f"But from what you already told me ({', '.join(findings_titles)}), {who} should not use a "
        f"red-light therapy pad unless {whose} doctor says otherwise."
    )


# "can you just tell me now if i can use it or not", "so can i or not??", "just give me the answer" in the
# middle of the safety check: the verdict so far, then the check goes on (user study round 8, #17)
INTERIM_REQUEST = re.compile(
    r"\b(just|now)\b[^.?!]{0,20}\b(tell|give)\s+me\b|\b(tell|give)\s+me\b[^.?!]{0,30}\b(now|already|"
    r"answer|verdict|result|bottom line|yes or no)\b|"
    r"\b(can|could|may|should)\s+i\s+(use\s+(it|the\s+pad)\s+)?or\s+not\b|\b(so|then)\s+(can|could|may)\s+i\s*\?|"
    r"\b(verdict|answer|result)\s+(so\s+far|now|already)\b|\bso\s+far\b[^.?!]{0,20}\b(can|could|ok|okay|fine|"
    r"safe)\b|\b(skip|cut)\s+to\s+the\s+(end|verdict|answer)\b|\bbottom\s+line\b|"
    # "So final answer, I can use or not?" (user study round 45, #55: the question explained instead)
    r"\b(final|straight)\s+answer\b|\bi\s+(can|could|may)\s+use(\s+it|\s+the\s+pad)?\s+or\s+not\b",
    re.IGNORECASE,
)


def interim_answer(answers: Dict[str, Optional[str]]) -> str:
    """The verdict from the safety check's answers so far (rule id -> "yes", "no", "unknown" or None),
    never a green light before every question is answered."""
    book = default_rulebook()
    given = {rule: value for rule, value in answers.items() if value in ("yes", "unknown")}
    assessment = book.evaluate({**{r.id: "no" for r in book.screening_rules}, **given})
    titles = [f.rule.title for f in assessment.findings]
    if assessment.verdict is Verdict.DO_NOT_USE:
        verdict = (
            f"From your answers so far ({', '.join(titles)}), you should not use a red-light therapy pad "
            "unless your doctor says otherwise, whatever the remaining questions show."
        )
    elif assessment.verdict is Verdict.ASK_DOCTOR:
        verdict = (
            f"From your answers so far ({', '.join(titles)}), please ask your doctor first, before using a "
            "red-light therapy pad."
        )
    else:
        verdict = (
            "From your answers so far, nothing rules the pad out, but that is not a green light: the "
            "remaining questions can still change the answer."
        )
    return f"{verdict} Let's finish the check (or say \"stop\"):"


def screening_explanation(rule_id: str) -> Optional[str]:
    """What a safety-check question means (for "what is porphyria?"), or None."""
    text = _followups().get("screening_explanations", {}).get(rule_id)
    return " ".join(text.split()) if text else None


_ABOUT_QUESTION = re.compile(
    r"\b(what do you mean|what does (that|this|it) ((even|actually|really|exactly) )?mean|what is that|"
    r"what's that|whats that|what counts|"
    r"what kind|which ones?|like what|such as what|for example\?|what do you count|"
    r"does (that|this|it|a|an|my)\b.{0,40}\bcount|do .{0,40}\bcount|\bdoes\b.{0,50}\b(count|matter)|"
    r"is .{0,40}\b(considered|counted|included)|what is meant|meaning of|define|"
    r"i don'?t understand( the question)?|don'?t get (it|the question)|explain( (it|that|the question))?|"
    r"why do you ask|why are you asking|why does (that|it) matter|"
    # "this porphyria is what ah? first time I hear" (Singaporean English, user study round 46, #26: recorded
    # as a yes), "porphyria, what's that?"
    r"\w+ (is|are) what( (ah|lah|leh|one|sia|eh))?(?=\s*\?)|"
    r"\w+,? (what is|what's|whats) (that|this|it)(?=\s*\?)|"
    # "Wah dat mean, acute eczema?" (Patois), "Porphyria? Whit's that when it's at hame?" (Scots), "X? wetin
    # be dat?" (Pidgin): user study round 47, #15, #67, recorded as yes
    r"(wah|wha|wat|whit|wit|wetin|wetin be) (dat|that|dis|this|it|is that|is dat)( mean)?|"
    r"(whit|wit)'?s (that|this|it|yon)|when it'?s at hame|"
    r"first time i hear|"
    # "sorry what is porphyria, never heard of it" (user study round 48, #16: the referral for a general
    # mention, then the question again)
    r"never heard of (it|that|this|them|those)|not heard of (it|that|this)|no idea what)\b"
)
_QUESTION_WORDS = re.compile(r"^(what|whats|what's|which|is|are|does|do|would|could|can|how)\b")
_STOP_WORDS = {
    "have", "your", "that", "with", "from", "this", "there", "area", "example", "such", "another", "other",
    "could", "would", "some", "skin", "moment", "being", "especially", "near", "checked", "doctor", "takes",
    "medicine", "makes", "ever", "feeling", "any", "medical", "condition", "reduced", "under", "when",
}


_HOW_MANY_LEFT = re.compile(
    r"\bhow (many|much) (more|longer|left|further|else)\b|\bhow many (questions|of these)\b|"
    r"\bnearly (done|there)\b|"
    r"\bare we (done|finished|nearly)\b"
)


def asks_about_question(text: Optional[str], question: str, intent: Optional[str] = None) -> bool:
    """Whether a reply in the safety check asks what the question means rather than answering it."""
    if not text or text.startswith("/"):
        return False
    norm = " ".join(text.lower().replace("\u2019", "'").split())
    if _HOW_MANY_LEFT.search(norm):
        # "how many more of these?" asks about the check's length, not what the question means (user study
        # round 50, #22: question 7 explained)
        return False
    if intent == "ask_followup" or _ABOUT_QUESTION.search(norm):
        return True
    # ("hang on what does photosensitivity mean": user study round 49, #18, read as a condition in general)
    norm = re.sub(
        r"^((sorry|um+|uh+|erm+|hmm+|ok|okay|wait|and|but|so|hang on|hold on|one sec|"
        r"wait a (sec|second|minute)|"
        r"just to check|quick question)[,.!]?\s+)+", "", norm
    )
    if not ("?" in norm or _QUESTION_WORDS.match(norm)):
        return False
    if not re.match(r"^(what|whats|what's|which|is|are|does|do|would|could)\b", norm):
        return False
    if re.match(r"^(does|do|can|will|would|could|is) (it|the pad|red light|this|they|these)\b", norm):
        return False  # a question about the pad, answered by the rules
    terms = {w for w in re.findall(r"[a-z]{4,}", question.lower()) if w not in _STOP_WORDS}
    return any(re.search(rf"\b{t}", norm) for t in terms)


_HELP_QUESTION = re.compile(
    r"\b(help|helps|helpful|work|works|good for|heal|speed up|reduce|ease|relieve|fix|cure|treat|benefit|"
    r"improve|do anything|worth it|any use|useful|any good|go away|get rid of|calm|soothe|settle|"
    r"bring (\w+ ){1,2}down|"
    r"clear (it|them|this|that|my skin)( up)?|"
    r"yes or no|"
    # "so it does nothing for veins?" (user study round 15, #25: got the verdict again)
    r"(does|do|did|will|would|can) (it |they |the pads? )?(nothing|anything) (for|to)|no good for|"
    r"useless for)\b|"
    r"^\W*(and |so )?what about\b"
)


# "yes or no, will it cure my osteoarthritis?", "can red light cure psoriasis": the source makes the pads
# supplemental, never a cure, so the answer starts with a plain no (user study round 34 leftover)
ASKS_FOR_CURE = re.compile(
    r"\b(will|would|can|could|does|do|is|are) "
    r"(it|this|that|the pads?|red light|these|they|the light|one|a pad)\b[^.?!]{0,40}"
    r"\b(cure|cures|heal (it|them|this|that) for good)\b|"
    r"\b(is it|is this|are they|be) (a|the) cure\b|\bcure (my|his|her|their)\b|"
    r"\bit (will|would|can|could|does|is going to) (cure|cures)\b|"
    # "yes or no, it cure the artrosis?" (user study round 51, #14: non-native word order)
    r"\b(it|they|the pad|red light) (cure|cures) (the|my|his|her|their|this|that)\b"
)


# pus or a smell told about a wound: seen sooner than a far-off appointment (user study round 45, #32)
_WOUND_INFECTED_WORDS = re.compile(
    r"\b(pus|pussy|oozing|weeping|gunk|discharge|smelly|smells|smelling|smell|stinks|stinky|foul)\b",
    re.IGNORECASE,
)
DONT_WAIT_INFECTED = (
    "And please don't wait for a far-off appointment: a wound with pus or a bad smell may be infected and "
    "should be seen by a doctor or nurse within a day or two, the same day if the redness spreads, it gets "
    "more painful or swollen, or a fever starts."
)


def dont_wait_note(texts: Iterable[Optional[str]], rules: Iterable[str]) -> str:
    """" " + the advice not to wait, when a wound told in these messages sounds infected, else ""."""
    wound = {"open_wound", "skin_infection_or_eczema"} & set(rules)
    if wound and any(_WOUND_INFECTED_WORDS.search(t or "") for t in texts):
        return " " + DONT_WAIT_INFECTED
    return ""


def _not_even(text: Optional[str]) -> Optional[str]:
    """"even for a short session" for "just 5 minutes?", "in the meantime either" for "till then can we
    try?", None for neither."""
    if SHORT_USE.search(text or ""):
        return "even for a short session"
    if asks_to_try_meanwhile(text):
        return "in the meantime either"
    return None


def other_short_use_answer(others: List[str], text: Optional[str] = None) -> str:
    """"what if i just use it for 5 minutes?" after the verdict for a child or another person: that verdict
    holds for a short session too (user study round 35, #28: the session-length text read as a go-ahead)."""
    rulebook = default_rulebook()
    known = {c.name for c in rulebook.conditions}
    assessment = rulebook.assess_conditions([n for n in others if n in known])
    rules = list(assessment.fired_rule_ids)
    even = _not_even(text) or "even for a short session"
    if rules == ["children"]:
        return (
            f"Not for a child, {even if even.startswith('even') else 'not ' + even}: "
            "my source has no safety information for children, so "
            "please let a paediatrician decide first."
        )
    if assessment.verdict is Verdict.DO_NOT_USE:
        return (
            f"No, not {even}: from what you told me{_named(rules)}, they should not use a "
            "red-light therapy pad unless their doctor says otherwise."
        )
    return (
        f"Not before their doctor has said it's OK, not {even}: from what you told "
        f"me{_named(rules)}, they should ask their doctor first."
    )


# "so that's a no?", "is that a no then?" right after a cure question
CONFIRM_NO = re.compile(
    r"^\W*(so|ok|okay|right|wait)?[\s,]*(that'?s|thats|that is|is that|it'?s|its|so) (a )?(no|nope|a no)\b|"
    r"^\W*(so )?(it )?(can'?t|cannot|won'?t|will not|doesn'?t|does not) (cure|fix|heal) (it|them|that)\b|"
    r"^\W*(so )?(a |that'?s a |thats a )?(no|yes) then\W*$"
)


# "can red light get rid of them?" about a named condition (varicose veins): a cure asked for in other words
# (user study round 37, #48: "so is that a no?" got "Not a no: it may help")
_GET_RID = re.compile(
    r"\b(get rid of|remove|eliminate|make (it|them|this|these) (go away|disappear)|"
    r"clear (it|them) up for good)\b"
)


def asks_for_cure(text: Optional[str]) -> bool:
    """"will it cure my osteoarthritis?", "can red light get rid of my varicose veins?": a cure asked for, in
    those words or by getting rid of a condition the message names."""
    lowered = (text or "").lower()
    if ASKS_FOR_CURE.search(lowered):
        return True
    return bool(_GET_RID.search(lowered)) and bool(recognise(text).affirmed())


def cure_confirmed(text: Optional[str], earlier: Optional[str]) -> Optional[str]:
    """"so that's a no?" after "will it cure my osteoarthritis?": the no confirmed plainly, for what was named
    (user study round 35, #2: the verdict's label instead); None otherwise."""
    if not text or not earlier or not CONFIRM_NO.search(text.lower()):
        return None
    found = [m.text for m in recognise(earlier).affirmed()]
    if not asks_for_cure(earlier):
        return None
    named = condition_phrase(found[0]) if found else "it"
    return (
        f"Yes, that's a no: a red-light therapy pad cannot cure {named}. At most it may ease some symptoms, "
        "and it does not replace your treatment."
    )


# "cure it?", "and cure it?", "will it cure it though?" right after an answer about a condition
CURE_ALONE = re.compile(
    r"^\W*((and|but|so|ok|okay)\W+)*((will|would|can|could|does)\s+(it|this|that|the pad|red light)\s+)?"
    r"(cure|fix|heal)\s+(it|that|this|them)(\s+(though|tho|then|for good|completely))?\W*$",
    re.IGNORECASE,
)


def cure_alone_answer(texts: Iterable[Optional[str]]) -> str:
    """"cure it?" after an answer: a plain no, for the condition the user named last (user study round 44:
    the chronic-disease paragraph and its diabetic foot after the arthritis answer)."""
    for text in reversed(list(texts)):
        mentions = [m for m in recognise(text).mentions if not m.negated]
        if mentions:
            return cure_answer(mentions[-1].text)
    return (
        "No. A red-light therapy pad cannot cure a disease: it is a supplemental device, not a substitute "
        "for medical treatment."
    )


def cure_answer(words: str) -> str:
    """A plain no to "will it cure X?", in the user's words for X when they are a noun phrase."""
    named = condition_phrase(words)
    return (
        f"No. A red-light therapy pad cannot cure {named}: it is a supplemental device, not a substitute "
        "for medical treatment."
    )


def asks_if_it_helps(text: Optional[str]) -> bool:
    """Whether the message asks if the pad helps ("I have psoriasis, does red light help?")."""
    return bool(text) and bool(_HELP_QUESTION.search(" ".join((text or "").lower().split())))


# Named things that are not a disease to be helped: no "does it help with X?" answer for them.
# ("a child" and a device are no disease either: "helps with a child" was a template misfire, user study round
# 9, #08)
_NOT_A_DISEASE = {"photosensitising medication", "implanted electronic device", "blood thinners", "steroids",
                  "pregnancy", "breastfeeding", "a regular medicine", "a child", "trying to conceive",
                  "pacemaker", "implanted defibrillator", "insulin pump", "reduced sensation"}


# Names a reply cannot say as "helps with X": the recogniser's generic names, and words that are not a noun
# phrase ("swollen", "gallbladder out"): the reply then leaves the name out (user study round 7, #03, #13,
# #28)
_GENERIC_NAMES = {"a named medical condition", "another medical condition", "a regular medicine",
                  "other condition", "another condition"}
_NOT_A_NOUN_END = re.compile(
    r"(?:\b(out|off|up|down|removed|gone|taken|done|again|too|bad|badly|now|still|sore|swollen|hurts?|"
    r"aches?|achy|my|his|her|their|the|a|an|of|in|on|with)|[a-z]{3,}(en|ed|ous|ful|ic|ive|ing))$"
)


_A_CLAUSE = re.compile(r"\b(is|are|was|were|am|has|have|had|been|gets?|got)\b", re.IGNORECASE)


def condition_phrase(words: str) -> str:
    """What a reply calls the condition the user named: their words when they are a noun phrase ("psoriasis",
    "tennis elbow"), else "that condition" (never "helps with swollen", "helps with a named medical
    condition")."""
    norm = " ".join((words or "").lower().replace("\u2019", "'").split()).strip(" .,!?;:")
    if not norm or norm in _GENERIC_NAMES or _NOT_A_NOUN_END.search(norm) or len(norm.split()) > 4:
        return "that condition"
    if _A_CLAUSE.search(norm):
        return "that condition"  # "my sugar is high" is a clause (user study round 33, #5: "helps with my
        # sugar is high")
    return norm


# Canonical condition names that need an article in a sentence ("You mentioned a wound", not "You mentioned
# wound": user study round 7, #05, #15); the recogniser's generic names become a plain "a health condition"
_COUNT_NOUNS = {
    "wound", "open wound", "fracture", "infection", "skin infection", "pacemaker", "insulin pump",
    "implanted defibrillator", "implanted electronic device", "blood clot", "bleeding disorder",
    "circulation problem", "eye disease", "stroke", "stomach ulcer", "soft tissue injury",
    "chronic pain syndrome", "recent steroid injection", "thyroid disease", "kidney disease", "liver disease",
    "autoimmune disease", "heart disease",
}
_RENAMED = {
    "a named medical condition": "a health condition", "other skin condition": "another skin condition",
    "other skin disease": "another skin disease", "a regular medicine": "a regular medicine",
}


def noun_phrase(name: str) -> str:
    """A canonical condition name as a reply can say it ("a wound", "sunburn", "a pacemaker")."""
    if name in _RENAMED:
        return _RENAMED[name]
    if name in _COUNT_NOUNS:
        return ("an " if name[0] in "aeiou" else "a ") + name
    return name


def medical_talk(texts: Iterable[Optional[str]]) -> bool:
    """Whether any of the user's messages names a health condition or a warning sign (for example before a
    warranty answer: no doctor line when nothing medical was said, user study round 7, #01, #54)."""
    from padsafety.recognition import recognise

    for text in texts:
        if text and not text.startswith("/"):
            found = recognise(text)
            if found.mentions or found.red_flags:
                return True
    return False


def condition_help(mentions: List[Tuple[str, str]]) -> Optional[Tuple[str, str]]:
    """What the source says about the pad for the first condition it covers, as ("response", name);
    else ("text", "my source does not say ...") for the first disease named (in the user's words);
    None when only medicines or devices were named. ``mentions`` are (condition, words used)."""
    data = _followups()
    mapped = data.get("condition_help", {})
    for condition, _ in mentions:
        if condition in mapped:
            return "response", mapped[condition]
    for condition, words in mentions:
        if condition not in _NOT_A_DISEASE:
            text = " ".join(data["not_covered_condition"].split())
            return "text", text.format(condition=condition_phrase(words))
    return None


def help_again(
    text: Optional[str], earlier_texts: List[str], verdict: Optional[str] = None, rules: Iterable[str] = ()
) -> Optional[str]:
    """"would it clear them or not?", "the itching at least?" after "my source does not say that a pad helps
    with psoriasis": that answer again, for the condition named in one of the last three earlier messages
    (user study round 11, #27: got a menu, then how light works); None for a new condition, a condition the
    source covers, or no help question. The remembered verdict closes it ("it really hurts, can I use it
    just to ease the pain?" asks to use it)."""
    helped = help_again_answer(text, earlier_texts)
    if helped is None or helped[0] != "text":
        return None
    return "As I said, " + helped[1][0].lower() + helped[1][1:] + verdict_tail(verdict, list(rules))


def help_again_answer(text: Optional[str], earlier_texts: List[str]) -> Optional[Tuple[str, str]]:
    """Whether the pad helps with the condition named in one of the last three earlier messages, asked again
    without naming it ("would it clear them?", "so it does nothing for veins?"): ``condition_help``'s answer
    for it, ("response", name) or ("text", ...); None for a new condition or no help question."""
    if not text or text.startswith("/") or not asks_if_it_helps(text) or recognise(text).affirmed():
        return None
    for earlier in reversed(earlier_texts[-3:]):
        if not earlier or earlier.startswith("/"):
            continue
        found = [(m.condition, m.text) for m in recognise(earlier).affirmed()]
        helped = condition_help(found) if found else None
        if helped is not None:
            return helped
    return None


def answer_cue(rule_id: str, text: Optional[str], negative: bool = False) -> bool:
    """Whether a reply describes a "yes" (or with ``negative`` a "no") to this safety-check question in
    its own words."""
    norm = " ".join((text or "").lower().replace("\u2019", "'").split())
    if not negative and re.search(r"\b(no|not|never|nope)\b", norm.split(",")[0]):
        return False  # "no, not flaring" is handled by the answer parser
    cues = _followups().get("no_cues" if negative else "answer_cues", {}).get(rule_id, [])
    return bool(cues) and bool(_words_pattern(tuple(cues)).search(norm))


# "why does it vary so much?": the follow-up names its own topic
_WHY_TOPICS = (
    (re.compile(r"\bvar(y|ies|iation|iable)\b|\bdifferent (for|between)\b"), "utter_limitation_variability"),
    (re.compile(r"\b(fat|weight|slim)"), "utter_limitation_weight_loss"),
    (re.compile(r"\b(wrinkle|dark spot|anti.?aging|aesthetic)"), "utter_limitation_anti_aging"),
    (re.compile(r"\bpregnan|\bbaby\b|\bfetus|\bbump\b"), "utter_avoid_pregnancy"),
    (re.compile(r"\b(pacemaker|implant|defibrillator|icd|insulin pump)"), "utter_avoid_implanted_device"),
    (re.compile(r"\b(lupus|porphyria|light.?sensitiv|photosensitiv)"), "utter_avoid_photosensitivity"),
    (re.compile(r"\b(eczema|infection|infected|open wound)"), "utter_avoid_skin_conditions"),
    (re.compile(r"\b(child|children|kids?|toddler|teen)"), "utter_avoid_children"),
    # the rules without an answer of their own: their reason ("why does your checklist ask about seizures?"
    # got the muscle paragraph: development round 11)
    (re.compile(r"\b(seizure|epilep|fits\b)"), "rule:seizures"),
    (re.compile(r"\b(breast ?feed|breastfeed|nursing|breast ?milk)"), "rule:breastfeeding"),
    (re.compile(r"\b(cancer|tumou?r|moles?\b)"), "rule:cancer_in_area"),
    (re.compile(r"\b(numb|neuropath|reduced (feeling|sensation))"), "rule:reduced_sensation"),
    # "why? it's just an antibiotic" after the doxycycline verdict (user study round 49, #11: the substitute
    # paragraph's reason)
    (re.compile(r"\b(just|only|merely)\s+(an?\s+|my\s+|some\s+)?(\w+\s+)?(antibiotics?|medicines?|medications?|meds|pills?|"
                r"tablets?|drugs?|prescriptions?)\b"), "rule:photosensitising_medication"),
    (re.compile(r"\b(ask\w*|question|know|care)\b.{0,30}\b(medicines?|medications?|meds|antibiotics?|pills|"
                r"tablets)\b|\b(medicines?|medications?|meds|antibiotics?) (question|thing)\b"),
     "rule:photosensitising_medication"),
    (re.compile(r"\b(eye (disease|condition|problem)s?|glaucoma|retina)"), "rule:eye_condition"),
)


def why_topic(text: Optional[str]) -> Optional[str]:
    """The answer a "why ..." follow-up is about when it names one ("why the pacemaker thing?")."""
    norm = (text or "").lower()
    return next((action for pattern, action in _WHY_TOPICS if pattern.search(norm)), None)


_DENIAL = re.compile(
    r"\b(i (do not|don'?t|dont|never) (have|had|take)|i'?m not|i am not|im not|i have no|i haven'?t got|"
    r"(that|it)'?s (my|her|his) (sister|brother|mum|mom|dad|friend|wife|husband)|wrong,? i|"
    # "i never said i was light sensitive", "i didn't say i'm pregnant", "who said i was?" (user study
    # round 7, #31): what the user did not say is no condition of theirs
    r"i (never|didn'?t|did not|did never) (said|say|told|tell|mention\w*|claim\w*|meant|mean|write|wrote|"
    r"typed)|"
    r"i (wasn'?t|was not) (saying|talking about|telling you)|who said (i|i'?m|im)|not what i (said|meant)|"
    # "but the wound is closed, i just said that. it's not open" (user study round 15, #36: the open-wound
    # verdict stayed)
    r"(is|are|it'?s|its|it is|has|have)\s+(now\s+|already\s+|fully\s+|all\s+)?(closed|healed|not open|"
    r"not flaring|gone|cleared up)|(stitches|staples) (are|were|came|have been) (out|removed)|"
    # "just did a test, it's negative. not pregnant." (user study round 25, #4: taken only after the user got
    # angry); a negative test, or "not pregnant" opening a sentence
    r"(test|tests|it|result|results)\s*('?s|is|was|were|are|came back|came out|showed|shows|says|said)\s+"
    r"(\w+\s+)?(negative|no|not pregnant)|(^|[.!?,;]\s*)(definitely |def |deffo |so |still |defo )?not "
    r"(pregnant|expecting|breast ?feeding|nursing)|"
    # "it's not a pacemaker, it's a metal plate in my shoulder" (user study round 29, #9: the pacemaker's
    # verdict stayed)
    r"(it'?s|its|it is|that'?s|that is)\s+not\s+(a|an|my)\s+(\w+\s+){0,2}\w+,?\s+"
    r"(it'?s|its|it is|just|only)\b)\b",
    re.IGNORECASE,
)
NOT_ME = re.compile(r"\b(not|isn'?t|wasn'?t) (me|mine|about me|for me)\b", re.IGNORECASE)
# "not a flare-up, just dry calm patches" after the eczema verdict: the eczema, said without naming it (user
# study round 27, #16: the acute-eczema "do not use" stayed)
CALM_NOW = re.compile(
    r"\b(not|isn'?t|no|never)\s+(a\s+|really\s+|current\s+)?(flare|flare[- ]?up|flaring|flared(\s+up)?|acute|"
    r"active|inflamed)\b|"
    r"\b(calm|dry|quiet|settled)\s+(patches|skin|at the moment|right now|now|these days)\b|"
    r"\b(it'?s|its|they'?re|theyre|it is|they are)\s+(all\s+|totally\s+|completely\s+)?(calm|settled|quiet|"
    r"under control)\b",
    re.IGNORECASE,
)
_HEALED_NOW = re.compile(
    r"\b(already|now|fully|completely|all)\s+(closed|healed|scabbed)(\s+(up|over))?\b|"
    r"\b(it'?s|its|it has|it'?s been|has)\s+(closed|healed)\s+(up|over)\b|\bclosed (up|over) (now|already)\b|"
    # "theyre closed, no scab, just pink", "they are NOT open. closed up." about the cuts after a keyhole
    # operation (user study round 50, #34: the open wound's "do not use" stayed)
    r"\b(they'?re|theyre|they are|they have|they'?ve|it'?s|its|it is|cuts are|wounds? (is|are))\s+"
    r"(all\s+|fully\s+|now\s+|totally\s+)?(closed|healed|sealed|not open)\b|"
    r"(^|[.!?,]\s*)(all\s+)?closed up\b",
    re.IGNORECASE,
)


# after a negative pregnancy test (user study round 28, #29: a late period, one negative test, then "no
# contraindication" and the pad on the lower belly): an early test can miss a pregnancy
EARLY_TEST_NOTE = (
    "A test taken soon after a missed period can miss an early pregnancy: if your period still doesn't come, "
    "don't use the pad on your abdomen, and test again or ask your doctor."
)


def negative_test(text: Optional[str]) -> bool:
    """Whether the message reports a negative (pregnancy) test."""
    return bool(text) and bool(_TEST_NEGATIVE.search(str(text)))


_TEST_NEGATIVE = re.compile(
    r"\b(pregnancy test|test|tests|it|result|results)\s*('?s|is|was|were|are|came back|came out|showed|shows|"
    r"says|said|,|:|-)"
    r"\s*(\w+\s+)?negative\b(?!\s+for\b)|\bnegative (pregnancy )?test\b|\btested negative\b(?!\s+for\b)|"
    # "took a pregnancy test this morning, negative" (user study round 28, #29)
    r"\b(pregnancy|preg|hpt|home) test\b[^.!?]{0,30}\bnegative\b(?!\s+for\b)",
    re.IGNORECASE,
)


_CANCER_OVER = re.compile(
    r"\b(gone|any ?more|no longer|removed|cut out|taken out|all clear|in remission|remission|cancer[- ]free|"
    # ("my oncologist discharged me years ago. I don't have a tumour": user study round 42, #45, "I won't
    # count cancer", then its verdict again in the same turn)
    r"clear now|got rid of|treated|beat it|beaten it|discharged|signed (me )?off|"
    r"finished (my )?(treatment|chemo|radiotherapy|radiation))\b", re.IGNORECASE
)
# (not "don't have": "I don't have a tumour" after a treated one says it is over, not that it never was)
_NEVER_HAD = re.compile(
    r"\b(never (had|said|have)|didn'?t have|not mine|wasn'?t (a |cancer|malignant|me)|benign|"
    r"not (cancer|malignant)|not me)\b", re.IGNORECASE
)


def cancer_said_over(text: Optional[str], rules: Iterable[str]) -> bool:
    """"but it's gone now, they got it all" after a cancer's verdict: treated, still counted."""
    return (
        "cancer_in_area" in set(rules) and bool(_CANCER_OVER.search(text or ""))
        and not _NEVER_HAD.search(text or "")
    )


# "its not me its my aunt", "not me lol, my aunt has it" after a verdict: what was told is that person's
_NOT_ME_BUT_MY = re.compile(
    r"\b(not|isn'?t|wasn'?t|aint|ain'?t) (me|mine|about me|for me)\b.{0,40}\bmy\s+\w+|"
    r"\bmy\s+\w+(\s+\w+)?,?\s+(not|n'?t) (me|mine)\b",
    re.IGNORECASE,
)


def given_to_someone_else(text: Optional[str]) -> bool:
    """The message gives everything told before to a person it names, naming no condition itself ("its not
    me its my aunt" after "I have lupus": her lupus, so her verdict; left from user study round 36)."""
    from padsafety.recognition import recognise

    if not text or text.startswith("/"):
        return False
    flat = " ".join(text.replace("\u2019", "'").split())
    return bool(_NOT_ME_BUT_MY.search(flat) and people_named([flat]) and not recognise(flat).mentions)


# "wait what open wound?? I told you wound-wise I'm clear": the condition echoed in disbelief, then denied
# (user study round 37, #13: the open-wound verdict was said again)
DISPUTED_ECHO = re.compile(
    r"^\W*(?:(?:wait|hang on|hold on|um+|er+|sorry|huh|excuse me)[\s,.!]+)*"
    r"what\s+(?:[\w'-]+\s+){0,2}[\w'-]+\s*\?+"
    r".{0,80}\b(i told you|i said|i never (said|told)|never said|i (don'?t|dont|do not) have|i answered no|"
    r"i'?m clear|im clear|i am clear)",
    re.IGNORECASE,
)


# "so what's the answer then", "can I use it or not?" right after the safety check was stopped (user study
# round 48, #17: "My source doesn't go further", then the usage text)
RESULT_AFTER_STOP = re.compile(
    r"\b(what'?s|whats|what is|so) the (answer|verdict|result|outcome)\b|"
    r"\b(can|could|may|should) i (use|try) (it|one|the pad|a pad)\b[^.?!]{0,15}\b(or not|then)\b|"
    r"\bso (can|could|may) i (use|try)\b|\b(am i|so i'?m|so im) (ok|okay|fine|good|safe)\b|"
    r"\bso (is it|it'?s|its) (safe|ok|okay|fine)\b",
    re.IGNORECASE,
)


def paused_status_answer(answers: Dict[str, str], total: int) -> Optional[str]:
    """After the safety check was stopped with only "no" answers so far: no yes or no yet, and how to go
    on; None when an answer so far was a yes or "I don't know" (the stop already told its verdict)."""
    if not answers or any(value != "no" for value in answers.values()):
        return None
    return (
        f"You stopped the safety check after {len(answers)} of {total} questions, so I can't give you a yes "
        "or no: nothing you answered so far rules a pad out, but the other questions are still open. Tap "
        "\"Run the safety check\" to go on where you left off."
    )


# "change question 10 to no", "put q4 down as a no", "question 3 should be no"
_QUESTION_TO_NO = re.compile(
    r"\b(?:(?:change|set|make|put|switch|mark|turn)\s+(?:my\s+|the\s+)?(?:answer\s+(?:to|for)\s+)?"
    r"(?:question|q|qn|number)\s*(?:no\.?\s*)?(?P<n>\d{1,2})(?:'?s)?(?:\s+answer)?\s+(?:down\s+)?(?:to|as|into)\s+"
    r"(?:an?\s+)?[\"']?no\b|"
    r"(?:question|q)\s*(?P<n2>\d{1,2})\s+(?:should\s+be|is|was\s+meant\s+to\s+be)\s+(?:an?\s+)?[\"']?no\b)"
)


def names_check_question_no(text: Optional[str]) -> bool:
    """"change question 10 to no": a check answer corrected by its number."""
    return bool(text) and bool(_QUESTION_TO_NO.search(" ".join((text or "").lower().split())))


def taken_back_check_rules(text: Optional[str], known_rules: Iterable[str]) -> List[str]:
    """The rules behind a safety check's verdict that this message takes back ("but I have NO flare-up
    right now! my skin is clear" after "do not use" for acute eczema): the check keeps no condition names,
    only its rules (user study round 37, #41, #13: "Thanks for telling me", and the verdict stayed)."""
    from padsafety.recognition import recognise
    from padsafety.rules import default_rulebook

    if not text or text.startswith("/"):
        return []
    rulebook, rules = default_rulebook(), list(known_rules)
    taken = set()
    numbered = _QUESTION_TO_NO.search(" ".join(text.lower().split()))
    if numbered:
        # "change question 10 to no" after the verdict (user study round 48, #15: the verdict again, then the
        # check from question 1)
        number = int(numbered.group("n") or numbered.group("n2"))
        screening = list(rulebook.screening_rules)
        if 1 <= number <= len(screening):
            taken.add(screening[number - 1].id)
    for name in taken_back_conditions(recognise(text), text):
        try:
            taken.add(rulebook.condition(name).rule_id)
        except KeyError:
            continue
    return [r for r in rules if r in taken]


def taken_back_conditions(recognition: "Recognition", text: str = "") -> Set[str]:
    """Conditions (canonical names) the user denies for themselves ("I do NOT have lupus") or gives to
    someone else ("the lupus is my sister, not me") in this message: a remembered verdict drops them."""
    from padsafety.recognition import Experiencer

    if NOT_ME.search(text) or DISPUTED_ECHO.search(" ".join(text.split())):
        return {m.condition for m in recognition.mentions if not m.negated}
    if after_birth(text) or after_weaning(text) or _ends_later(text) or _NEGATIVE_LATER.search(text):
        # "once im NOT pregnant anymore, does it still apply?", "and if the test is negative?" (user study
        # round 50, #27: taken as a "no", and the stopped check's answers then read as a green light): about
        # later, not a take-back
        return set()
    if not recognition.mentions and _HEALED_NOW.search(text):
        # "its tiny tho and already closed up. so am i fine?" after the open-wound verdict: the wound, said
        # without naming it (user study round 21, #6: the "do not use" stayed)
        return {"open wound"}
    if not recognition.mentions and CALM_NOW.search(text):
        return {"eczema"}
    if (
        _TEST_NEGATIVE.search(text) and not OTHER_PERSON.search(text)
        and not any(m.experiencer is Experiencer.OTHER for m in recognition.mentions)
    ):
        # "took a test, it came back negative", "pregnancy test, negative" after a possible pregnancy: a
        # negative test is the answer, whatever else the message names (user study round 25, #4)
        return {"pregnancy"}
    if _CANCER_OVER.search(text) and not _NEVER_HAD.search(text):
        # "the melanoma is gone though, its not a tumour anymore": a cancer that was treated is history the
        # rule still counts (ask the doctor first), never taken back (user study round 23, #32)
        cancers = {m.condition for m in recognition.mentions if m.rule_id == "cancer_in_area"}
        if cancers:
            return {
                m.condition for m in recognition.mentions
                if m.condition not in cancers and m.experiencer is Experiencer.OTHER
            } - _own_conditions(recognition)
    if not _DENIAL.search(text):
        return set()  # "on my back where there's no eczema" places it, it does not take it back
    # (never one the user also says they have: "my hands and feet have gone numb. A friend swears by red light
    # for neuropathy" is the user's numbness and the friend's words: user study round 45, #25)
    return {
        m.condition for m in recognition.mentions
        if (m.negated and m.experiencer is Experiencer.SELF) or (m.experiencer is Experiencer.OTHER)
    } - _own_conditions(recognition)


def _own_conditions(recognition: "Recognition") -> Set[str]:
    """The conditions the message says the user has."""
    from padsafety.recognition import Experiencer

    return {m.condition for m in recognition.mentions if m.affirmed and m.experiencer is Experiencer.SELF}


# "so is doxycycline a problem with red light or not" after its verdict: asks about it again
_ASKS_AGAIN = re.compile(
    r"\b(problem|issue|matter|matters|safe|ok|okay|risk|risky|dangerous|harm|or not|why|how come|affect)\b",
    re.IGNORECASE,
)


def repeated_verdict(rules: List[str], text: Optional[str]) -> Optional[str]:
    """The "ask your doctor" verdict said again, shortly and with its reason, when the user asks about the
    same conditions again ("so is doxycycline a problem or not"); None when the message does not ask about
    them (the answer to its own question follows, after the referral: user study round 8, #06; round 9,
    #19)."""
    if not _ASKS_AGAIN.search(text or ""):
        return None
    reasons = " ".join(dict.fromkeys(rule_why(r) for r in rules))
    return (
        f"As I said, please ask your doctor first{_named(rules)}, before using a red-light therapy pad. "
        f"Why: {reasons}"
    )


# "why do you keep saying I have a medical condition? I don't.", "I have no health problems": an apology and
# what was counted, never the privacy text (user study round 46, #21, after "my bank account will have a
# heart attack"); pregnancy and breastfeeding are no illness, so never listed as what such a denial disputes
_NO_CONDITION_AT_ALL = re.compile(
    r"\bi (?:don'?t|dont|do not|never) (?:have|had|got) (?:a |any )?(?:medical|health|heart) "
    r"(?:condition|problem|issue|trouble)s?\b|\bi have no (?:medical|health) (?:condition|problem|issue)s?\b",
    re.IGNORECASE,
)
_WHY_YOU_SAY_I_HAVE = re.compile(
    r"\b(?:why|how) (?:do|did|are|would|d|does) (?:you|u|it) (?:keep )?(?:say|saying|think|thinking|assum\w*|"
    r"said|thought|decid\w*|reckon\w*)(?: that)? i(?: have|'ve got| got| had|'m| am) (?:a |any |got )?"
    r"(?:medical|health|heart) (?:condition|problem|issue|trouble)",
    re.IGNORECASE,
)
NOT_ILLNESSES = frozenset({"pregnancy", "breastfeeding"})


def denies_any_condition(text: Optional[str]) -> bool:
    """Whether the user says they have no medical condition at all ("why do you keep saying I have a medical
    condition? I don't."), naming none they have."""
    from padsafety.recognition import recognise

    if not text or text.startswith("/"):
        return False
    flat = " ".join(text.replace("\u2019", "'").split())
    said = _NO_CONDITION_AT_ALL.search(flat) or _WHY_YOU_SAY_I_HAVE.search(flat)
    return bool(said) and not recognise(flat).affirmed()


def disputes_a_condition(text: Optional[str]) -> bool:
    """Whether the message complains that the bot counts a condition ("why do you keep saying I have a
    medical condition?"), rather than only saying there is none before a question ("I don't have any health
    problems, just a stiff back")."""
    return bool(text) and bool(_WHY_YOU_SAY_I_HAVE.search(" ".join(str(text).replace("\u2019", "'").split())))


def taken_back_reply(
    dropped: Iterable[str], verdict: Optional[str], rules: List[str], more_to_come: bool = False,
    asked_why: bool = False,
) -> str:
    """What the user hears when a condition is taken out of what the bot goes by ("im not pregnant lol",
    "i never said i was light sensitive"): the correction said back, then what still holds, never a blank
    "thanks" (user study round 7, #31, #41). ``more_to_come``: the message names another condition, whose
    assessment follows and says the verdict. ``asked_why``: the correction also asks why ("why? i said
    im NOT pregnant"), so each remaining rule's reason follows (user study round 8, #43)."""
    names = list(dict.fromkeys(dropped))
    listed = " or ".join(names) if len(names) <= 2 else ", ".join(names[:-1]) + " or " + names[-1]
    text = f"Got it, thanks for correcting me: I won't count {listed} for you."
    if more_to_come:
        return text
    named = _named(rules)
    if verdict == Verdict.ASK_DOCTOR.value:
        text = f"{text} From what you told me{named}, please still ask your doctor first, before using a pad."
    elif verdict != Verdict.DO_NOT_USE.value:
        return text
    else:
        text = (
            f"{text} From what you told me{named}, you should still not use a red-light therapy pad unless "
            "your doctor says otherwise."
        )
    if asked_why and rules:
        text += " Why: " + " ".join(rule_why(r) for r in rules)
    return text


# "I have both tbh", "I do have them actually" right after a message that named conditions: the user
# says the conditions just named are theirs (the message itself names none)
_CLAIMS_NAMED = re.compile(
    r"^(?:(?:well|actually|yes|yeah|yep|tbh|honestly|so|um|and|but|ok|okay)[\s,.!]+)*"
    r"i(?:'ve| have)? (?:do |actually |also |really |kind of )?(?:have|get|suffer from|got|take|am on|'m on) "
    r"(?:got )?(?:it|them|both|that|those|this|these|all of them|both of them|that one|the (?:first|second|"
    r"latter|former) one)(?![a-z'])",
    re.IGNORECASE,
)


# "its for my sister", "not me, asking for my mum" right after a general question about a condition
_FOR_MY = re.compile(
    r"\b(it'?s|its|it is|this is|that'?s|that is|that was|asking|i'?m asking|im asking|question is|i meant|"
    r"i mean)\s+(for|about)\s+my\s+\w+|^\W*(and |but |no,? |not me,? )?for my \w+\W*$",
    re.IGNORECASE,
)


def claimed_for_other(text: Optional[str], previous_text: Optional[str]) -> List[str]:
    """The conditions of a general question just asked ("is it safe while pregnant?") that ``text`` gives to
    another person ("not me obviously, its for my sister"): theirs, so their verdict (user study round 35,
    #9); empty when ``text`` names its own condition or no person."""
    from padsafety.recognition import Experiencer, recognise

    if not text or not previous_text or text.startswith("/") or previous_text.startswith("/"):
        return []
    if not _FOR_MY.search(" ".join(text.replace("\u2019", "'").split())) or recognise(text).affirmed():
        return []
    return list(dict.fromkeys(
        # (a general question's mention is no one's, whatever its state)
        m.condition for m in recognise(previous_text).mentions if m.experiencer is Experiencer.GENERAL
    ))


def claimed_conditions(text: Optional[str], previous_text: Optional[str]) -> List[str]:
    """The conditions (canonical names) of ``previous_text`` that ``text`` claims for the user ("I have
    both" after "does it help rosacea or eczema?"); empty when ``text`` claims nothing or names its own."""
    from padsafety.recognition import recognise

    if not text or not previous_text or text.startswith("/") or previous_text.startswith("/"):
        return []
    if not _CLAIMS_NAMED.match(" ".join(text.replace("\u2019", "'").split())) or recognise(text).mentions:
        return []
    return list(dict.fromkeys(m.condition for m in recognise(previous_text).affirmed()))
