"""One input path for every channel: how a user's message is cleaned and checked before Rasa sees it.

REST, the website widget (socket.io) and Telegram all call :func:`clean` and :func:`channel_replies`, so
an empty or over-long message gets the same answer everywhere, and an over-long message that names a
condition or an emergency still gets the doctor referral (it never reaches Rasa's safety policy).
"""

from __future__ import annotations

import re
from typing import List

from padsafety.recognition import needs_referral

# control characters (tab and newline kept: they are harmless in text and common in pasted questions)
CONTROL_CHARACTERS = re.compile(r"[\x00-\x08\x0b-\x1f\x7f]")

EMPTY_REPLY = "Your message looks empty. What would you like to know about red-light therapy pads?"
REFERRAL = (
    "You mentioned a health condition. If it applies to you, please talk to your doctor before using a "
    "red-light therapy pad."
)


def clean(text: str) -> str:
    """The message without control characters or surrounding white space."""
    return CONTROL_CHARACTERS.sub("", text).strip()


def too_long_reply(limit: int) -> str:
    """The polite answer to a message over the length limit."""
    return (
        f"That message is too long for me (the limit is {limit} characters). Could you say it more briefly?"
    )


def channel_replies(text: str, limit: int) -> List[str]:
    """The channel's own replies to an empty or over-long (cleaned) message; [] when Rasa should answer."""
    if not text:
        return [EMPTY_REPLY]
    if len(text) > limit:
        replies = [too_long_reply(limit)]
        if needs_referral(text):
            replies.append(REFERRAL)
        return replies
    return []
