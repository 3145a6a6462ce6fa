"""Scripted user messages and what the replies must contain, defined once.

Used by the end-to-end tests, the load test and the benchmark, so that they all exercise the same
phrasings. Pure data and one helper; no Rasa import.
"""

from __future__ import annotations

import re
from typing import Callable, List, Tuple

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
    "@purchase": r"can't help with (prices|purchases|orders)|cannot help with (prices|purchases|orders)",
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
SESSION_BANNER = re.compile(r"^Please note: I am an information assistant[^\n]*\n?", re.MULTILINE)


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
