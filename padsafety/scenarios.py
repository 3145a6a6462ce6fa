"""Scripted user messages and what the replies must contain, defined once.

Used by the end-to-end tests, the load test and the benchmark, so that they all exercise the same
phrasings. Pure data and one helper; no Rasa import.
"""

from __future__ import annotations

import re
from typing import List

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
