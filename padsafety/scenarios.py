"""Scripted user messages and what the replies must contain, defined once.

Used by the end-to-end tests, the load tests (scripts/load_test.py and Locust's
benchmark/load/locustfile.py) and the benchmark, so that they all exercise the same phrasings; and the
load tests' check that the tracker store holds every conversation as it was sent. Pure data and small
helpers; no Rasa import (the Locust environment has no Rasa).
"""

from __future__ import annotations

import json
import random
import re
from dataclasses import dataclass
from typing import Any, Callable, Dict, List, Mapping, Optional, Sequence, Tuple

from padsafety.messages import VERDICT_TEXT
from padsafety.rules import default_rulebook

# The user's own referral, and any referral: for the user, for someone they ask for, after a general question.
SELF_REFERRAL = "please talk to your doctor"
ANY_REFERRAL = re.compile(r"talk to (your|their|a) doctor", re.IGNORECASE)

# Thirty-two differently phrased condition mentions: statements, questions, typos, in passing, for someone
# else, in gibberish. Each must get a doctor referral.
CONDITION_MENTIONS = [
    "I have diabetes",
    "im diabetic, can i use it",
    "btw I have lupus",
    "i have lupsu",
    "I'm pregnant",
    "im pregant, is that ok?",
    "my mum has a pacemaker",
    "I have an ICD fitted",
    "I use an insulin pump",
    "I have high blood pressure",
    "hypertention runs in my family and I have it too",
    "can it help my arthritis?",
    "does it cure rheumatoid arthritis",
    "I have varicose veins",
    "I fractured my ankle two weeks ago",
    "I was diagnosed with a tumour",
    "I had cancer last year",
    "there's an infection in my finger",
    "I have eczema on my elbows",
    "what about my excema",
    "I suffer from porphyria",
    "I'm photosensitive",
    "I take doxycycline for acne",
    "I'm on isotretinoin",
    "I have epilepsy",
    "I have heart disease",
    "I had a heart attack last year, is it ok",
    "I have an open wound on my shin",
    "hi there, I have psoriasis",
    "thanks! I'll ask about my fibromyalgia",
    "asdf qwer lupus zxcv",
    "Is it OK for someone with SLE?",
]


def benchmark_conversation() -> List[str]:
    """The benchmark's conversation: knowledge questions, a condition, the whole safety check, thanks."""
    questions = len(default_rulebook().screening_rules)
    return (
        ["hello", "what can it do?", "can it help me lose weight?", "btw I have diabetes"]
        + ["is it safe for me?"]
        + ["/deny"] * questions
        + ["thanks"]
    )


# ---- the load tests' conversations (scripts/load_test.py, benchmark/load/locustfile.py) ----------------
LOAD_REFERRAL = "please talk to your doctor before using"

# (message, substrings the joined reply texts must all contain)
GREETINGS = ["hello", "hi there", "hey", "good evening"]
BENEFITS = [
    ("what can it do?", "may help with"),
    ("what are the benefits?", "may help with"),
    ("will it ease sore muscles after sitting all day", "relief of chronic muscle strain"),
    ("does it help with cold hands and feet?", "microcirculation"),
    ("can it heal a small scrape?", "fibroblasts"),
    ("how does it work?", "collagen synthesis"),
]
LIMITATIONS = [
    ("can it help me lose weight?", "cannot directly break down fat cells"),
    ("what can't it do?", "not enough clinical evidence"),
    ("is it proven by science?", "blind faith"),
    ("can it remove wrinkles?", "fine lines"),
    ("why does it work for some people and not others?", "vary greatly"),
    ("can it replace my medication?", "supplemental healthcare devices"),
]
WHO_SHOULD_AVOID = [("who should avoid it?", "should avoid"), ("who should not use it?", "should avoid")]
LOAD_CONDITIONS = [
    "I have lupus",
    "btw I have diabetes",
    "I have epilepsy",
    "I'm pregnant",
    "I have a pacemaker",
    "I take doxycycline for acne",
    "I have eczema on my elbows",
    "I have high blood pressure",
]
SCREENING_STARTS = ["is it safe for me?", "is it safe for me to use?"]
CLOSINGS = [("thanks", "You're welcome"), ("thank you!", "You're welcome"), ("goodbye", "Goodbye")]


@dataclass(frozen=True)
class Turn:
    """One message and the substrings its replies must contain."""

    message: str
    expect: Tuple[str, ...]


def build_conversation(rng: random.Random) -> List[Turn]:
    """A realistic conversation: questions, a condition mention, the safety check, thanks."""
    rules = default_rulebook()
    questions = rules.screening_rules
    # the first reply of a conversation carries the disclaimer
    turns = [Turn(rng.choice(GREETINGS), ("not a medical assessment", "Hello!"))]
    pools: Tuple[List[Tuple[str, str]], ...] = (BENEFITS, LIMITATIONS)
    if rng.random() < 0.5:
        pools += (WHO_SHOULD_AVOID,)
    for pool in pools:
        message, expected = rng.choice(pool)
        turns.append(Turn(message, (expected,)))
    turns.append(Turn(rng.choice(LOAD_CONDITIONS), (LOAD_REFERRAL,)))
    turns.append(Turn(rng.choice(SCREENING_STARTS), ("yes/no questions", f"Question 1 of {len(questions)}")))
    answers = {rule.id: ("yes" if rng.random() < 0.15 else "no") for rule in questions}
    verdict = VERDICT_TEXT[rules.evaluate(answers).verdict]
    for number, rule in enumerate(questions, start=1):
        payload = "/affirm" if answers[rule.id] == "yes" else "/deny"
        expected = f"Question {number + 1} of {len(questions)}" if number < len(questions) else verdict
        turns.append(Turn(payload, (expected,)))
    message, expected = rng.choice(CLOSINGS)
    turns.append(Turn(message, (expected,)))
    return turns


def reply_problem(replies: Any, sender: str, turn: Turn) -> Optional[str]:
    """Why a REST reply list is not what the turn expects, or None when it is."""
    if not isinstance(replies, list):
        return "not a JSON list"
    if not replies:
        return "empty reply list"
    if any(not isinstance(r, dict) or r.get("recipient_id") != sender for r in replies):
        return "a reply addressed to another sender"
    text = "\n".join(str(r.get("text", "")) for r in replies)
    missing = [e for e in turn.expect if e not in text]
    if missing:
        return f"{turn.message!r} got no {missing[0]!r} in {text[:160]!r}"
    return None


# ---- the load tests' tracker-store check: every conversation stored as it was sent --------------------
def lost_and_extra(sent: Sequence[str], stored: Sequence[str]) -> Tuple[int, int]:
    """(sent messages missing from the store, stored messages not sent), matching in order.

    Both are counted against the longest common subsequence, so a message stored twice, out of order
    or never stored shows up; equal lists give (0, 0).
    """
    previous = [0] * (len(stored) + 1)
    for a in sent:
        current = [0]
        for j, b in enumerate(stored):
            current.append(previous[j] + 1 if a == b else max(previous[j + 1], current[j]))
        previous = current
    common = previous[-1]
    return len(sent) - common, len(stored) - common


@dataclass(frozen=True)
class StoreCheck:
    """The tracker store compared with what the conversations sent."""

    checked: int
    lost: int
    extra: int
    mismatched: List[str]


def compare_store(sent: Mapping[str, Sequence[str]], stored: Mapping[str, Sequence[str]]) -> StoreCheck:
    """Compare each conversation's sent messages with its stored user messages (keyed alike)."""
    lost = extra = 0
    mismatched = []
    for key, messages in sent.items():
        kept = list(stored.get(key, []))
        missing, unexpected = lost_and_extra(list(messages), kept)
        lost, extra = lost + missing, extra + unexpected
        if list(messages) != kept:
            mismatched.append(key)
    return StoreCheck(checked=len(sent), lost=lost, extra=extra, mismatched=mismatched)


def stored_user_messages(tracker_store_url: str, sender_ids: Sequence[str]) -> Dict[str, List[str]]:
    """Each sender id's user messages in the tracker store's `events` table (Rasa's SQL store), in order."""
    # imported here: only the load tests read the store (SQLAlchemy 1.4, Rasa's pin, ships no type hints)
    from sqlalchemy import bindparam, create_engine, inspect, text  # type: ignore[import-untyped]

    engine = create_engine(tracker_store_url)
    stored: Dict[str, List[str]] = {}
    try:
        if not inspect(engine).has_table("events"):
            return stored
        query = text(
            "SELECT sender_id, data FROM events WHERE type_name = 'user' AND sender_id IN :ids ORDER BY id"
        ).bindparams(bindparam("ids", expanding=True))
        with engine.connect() as connection:
            for start in range(0, len(sender_ids), 500):
                rows = connection.execute(query, {"ids": list(sender_ids[start : start + 500])})
                for sender_id, data in rows:
                    stored.setdefault(sender_id, []).append(json.loads(data).get("text"))
    finally:
        engine.dispose()
    return stored


# ---- the real-user conversation suite (tests/scenarios/*.yml) ----------------------------------------
# Each scenario is a conversation; each turn says what the bot's replies must and must not contain, as
# case-insensitive regular expressions or these macros.
MACROS = {
    "@referral": r"(talk to|ask|see|check with|speak to|consult) (your|their|a|the) (own )?"
    r"(doctor|gp|paediatrician|pediatrician|midwife|dermatologist|pharmacist)",
    "@emergency": r"emergency (number|department|services)|call (112|911|999)",
    "@crisis": r"crisis line|988|116 123|samaritans",
    "@fallback": r"didn't quite understand|did not understand",
    "@out_of_scope": r"can only help with questions about red-light",
    "@avoid": r"should not use|do not use|don't use|should avoid (red-light|the pad|it|using)|"
    r"avoid (red-light|the pad|using)",
    "@question": r"question \d+ of \d+",
    "@not_covered": r"does not cover|doesn't cover|does not say|doesn't say|does not give|does not compare|"
    r"not in my source|my source (gives|has) no|says nothing",
    "@manual": r"manual",
    "@purchase": r"can't help with (prices|purchases|orders)|cannot help with (prices|purchases|orders)|"
    r"can't recommend or compare brands",
    "@vet": r"\bvet\b|veterinar",
    "@human": r"\bcontact\b|e-?mail|phone|\bperson\b",
}


def expand(pattern: str) -> "re.Pattern[str]":
    """A turn's pattern with macros expanded (alone or inside an alternation), case-insensitive."""
    def macro(match: "re.Match[str]") -> str:
        name = match.group(0)
        return f"(?:{MACROS[name]})" if name in MACROS else name

    expanded = re.sub(r"@[a-z_]+", macro, pattern.strip())
    return re.compile(expanded, re.IGNORECASE)


# The session-start banner comes before the first reply of every conversation; it is not an answer, so
# a turn's expectations are checked without it ("hello" must not get a referral, the banner says
# "talk to your doctor" to everyone).
SESSION_BANNER = re.compile(
    r"^Please note: I am an (?:automated )?information assistant[^\n]*\n?", re.MULTILINE
)


def check_turn(reply: str, must: List[str], must_not: List[str]) -> List[str]:
    """What is wrong with one turn's replies (empty when the turn passes)."""
    problems = [f"missing {p!r}" for p in must if not expand(p).search(reply)]
    problems += [f"unwanted {p!r}" for p in must_not if expand(p).search(reply)]
    return problems


def load_suite(path: str) -> List[dict]:
    """The scenarios of one suite file."""
    import yaml

    with open(path, encoding="utf-8") as handle:
        return yaml.safe_load(handle)["scenarios"]


def run_scenario(
    scenario: dict, say: Callable[[str, str], str], sender: str
) -> List[Tuple[int, str, str, List[str]]]:
    """Plays a scenario through ``say(sender, text) -> replies``; (turn, user, replies, problems) per turn."""
    results = []
    for number, turn in enumerate(scenario["turns"], start=1):
        reply = SESSION_BANNER.sub("", say(sender, turn["user"]))
        problems = check_turn(reply, turn.get("must", []), turn.get("must_not", []))
        results.append((number, turn["user"], reply, problems))
    return results
