"""One input path for every channel: how a user's message is cleaned and checked before Rasa sees it.

REST, the website widget (socket.io) and Telegram all call :func:`clean` and :func:`channel_replies`, so
an empty or over-long message gets the same answer everywhere, and an over-long message that names a
condition or an emergency still gets the doctor referral (it never reaches Rasa's safety policy).
"""

from __future__ import annotations

import re
from typing import List

from padsafety.recognition import needs_referral

# What a message may not carry into Rasa, the tracker store or a log line:
# - line breaks and tabs of every kind (\t \n \v \f \r, the C0 separators \x1c-\x1e, NEL \x85, U+2028 and
#   U+2029: what str.splitlines() and log viewers treat as a new line) become one space, so a message can
#   never start a line of its own in a log ("...\n2026-01-01 INFO rasa.core ... forged");
LINE_BREAKS = re.compile(r"[\t\n\x0b\x0c\r\x1c-\x1e\x85\u2028\u2029]+")
# - the other C0 and C1 control characters (terminal escapes such as ESC [31m, NUL, DEL) are removed;
# - the bidirectional embeddings, overrides and isolates (U+202A-U+202E, U+2066-U+2069), which display text
#   in another order than it is stored (a log or database reader would see something other than what is
#   there), are removed; the plain direction marks (U+200E, U+200F, U+061C) are kept for right-to-left text.
CONTROL_CHARACTERS = re.compile(r"[\x00-\x08\x0e-\x1b\x1f\x7f-\x84\x86-\x9f\u202a-\u202e\u2066-\u2069]")
# - a lone surrogate (JSON allows "\ud800") is not text: it cannot be encoded, logged or stored as UTF-8
LONE_SURROGATES = re.compile(r"[\ud800-\udfff]")

# How the assistant's "I didn't understand" reply (padsafety.messages.PLEASE_REPHRASE) begins.
NOT_UNDERSTOOD = "Sorry, I didn't quite understand"
# Replies that only invite another question (domain.yml utter_how_can_i_help, utter_acknowledge, the
# fallback): in a message of several parts they add nothing when another part was answered ("no skin
# problem. TENDON maybe rupture. i go doctor first?" got "OK. You can ask ..." first, user study round 26, #5)
FILLER_REPLIES = (
    NOT_UNDERSTOOD,
    "OK. You can ask what the pads can do",
    "Thanks for telling me. What would you like to know",
)
# The session-start notice (domain.yml utter_session_disclaimer): sent with the first reply, answers nothing
SESSION_NOTICE = "Please note: I am an automated information assistant."
EMPTY_REPLY = "Your message looks empty. What would you like to know about red-light therapy pads?"
REFERRAL = (
    "You mentioned a health condition. If it applies to you, please talk to your doctor before using a "
    "red-light therapy pad."
)


def clean(text: str) -> str:
    """The message as one line of printable text, without surrounding white space.

    Line breaks and tabs become a space; other control characters and bidirectional overrides are removed;
    a lone surrogate becomes U+FFFD. Every channel passes user text through here before Rasa sees it.
    """
    text = LONE_SURROGATES.sub("\ufffd", text)
    return CONTROL_CHARACTERS.sub("", LINE_BREAKS.sub(" ", text)).strip()


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


# A clause that asks something: it ends with "?" or starts like a question.
_QUESTION_START = re.compile(
    # ("did a half marathon sunday and me calves are cooked." tells, it asks nothing: user study round 44)
    r"^(?:and\s+|also\s+|plus\s+|but\s+|so\s+)?(?:did(?=\s+(?:i|you|he|she|it|we|they|anyone|someone|the|my|your)\b)|"
    r"can|could|does|do|is|are|will|would|should|shall|may|"
    r"what|what's|whats|how|who|where|when|why|which|any|am i|is there|are there)\b",
    re.IGNORECASE,
)
# Where one question may end and the next begin inside a sentence: "..., and is it safe ...".
_JOIN = re.compile(
    r"(?:,?\s+(?:and|also|plus|but)\s+|;\s*|,\s+)(?=(?:can|could|does|do|is|are|will|would|should|what|"
    r"what's|how|who|where|when|why|which)\s+(?:it|i|they|you|the|my|this|that|there|these|those|red|a|an|"
    r"people|someone|kids|children|pregnant|using|one|its|it's|about)\b)"
    # "..., and what wavelength is best?", "how much is it and where can I buy one?": after "and" a
    # question word starts a question whatever follows it
    r"|(?<!\bno)(?<!\bnope)(?<!\bnah)(?<!\byes)(?<!\byeah)(?<!\byep)"
    r"(?<!\bno,)(?<!\bnope,)(?<!\bnah,)(?<!\byes,)(?<!\byeah,)(?<!\byep,)"
    # ("..., and roughly how much does a decent pad cost?": user study round 48, #12)
    r"(?:,?\s+(?:and|also|plus)\s+)(?=(?:(?:roughly|approximately|about|also|just|exactly|actually)\s+)?"
    r"(?:what|how|where|which|who|when)\s+\w+\s+\w+.*\?\s*$"
    # "would it help them and how often should I use it": how often, how long, how much start a question
    r"|how\s+(?:often|long|many|much|soon)\s+(?:should|do|does|can|will|would|is|are|until|before)\b)",
    re.IGNORECASE,
)
MAX_PARTS = 3
# a reply that answers a yes/no question first
_ANSWER_START = re.compile(r"^(yes|yeah|yep|no|nope|nah)\b", re.IGNORECASE)


# "two things: does it clear up acne, and can it regrow hair?": a lead-in before a colon
_LEAD_IN = re.compile(r"^[^:?!.]{1,30}:\s*")


def _is_question(part: str) -> bool:
    stripped = _LEAD_IN.sub("", part.strip())
    return part.rstrip().endswith("?") or bool(_QUESTION_START.match(stripped))


def _is_fragment(part: str) -> bool:
    """A short piece that is no question of its own: "10 min?", "30?", "or less?", "the blue one?"."""
    stripped = _LEAD_IN.sub("", part.strip())
    stripped = re.sub(r"^(and|but|so|also|or|plus)\s+", "", stripped, flags=re.IGNORECASE)
    return (
        len(stripped.split()) <= 3
        and not _QUESTION_START.match(stripped)
        and not _ANSWER_START.match(stripped)
    )


# "no i mean the doxycycline. what does it do with light": a correction that names what the question after it
# is about, not an answer of its own (user study round 13, #09)
_I_MEAN = re.compile(r"^\W*(no+|nah|nope|sorry)?[\s,.!]*(i|I) (mean|meant)\b", re.IGNORECASE)


_YES_NO_TAG = re.compile(
    r"^\W*(so\s+|just\s+)?(yes or no|yes/no|y/n|yes or no\?|true or false|or not|be honest|straight answer|"
    # "so I can use it on her? is that a yes?" (user study round 37, #27: two "I didn't understand")
    r"is (that|it|this) a (yes|no)( or (a )?(yes|no))?)"
    r"\W*(please|pls|plz)?\W*$",
    re.IGNORECASE,
)


# a nod on its own before a question: "ok noted for her.", "got it, thanks."
_ACK_ONLY = re.compile(
    r"^\W*(ok(ay)?|k|alright|all right|got it|noted|makes sense|fair enough|i see|right|cool|understood|"
    # ("great thanks. and do you know any good brands?": user study round 48, #12, got "You're welcome")
    r"great|perfect|brilliant|lovely|awesome|nice|"
    r"thanks|thank you|thx|ty)([\s,]+(noted|got it|thanks|thank you|thx|makes sense|understood))*"
    r"([\s,]+for (her|him|them|my \w+))?[\s.!,]*$",
    re.IGNORECASE,
)


# "why does it help though? whats it doing": the second question says the first again, in other words (user
# study round 49, #2: it got the list of what is not proven)
_RESTATED = re.compile(
    r"^\W*(like\s+)?(what'?s|whats|what is) it (actually |really )?doing\W*$|"
    r"^\W*(like\s+)?(what|how) does it (actually |really )?(do|work)( exactly)?\W*$|^\W*(like\s+)?how so\W*$",
    re.IGNORECASE,
)
_REQUEST_PART = re.compile(
    r"^\W*((and|also|plus|but|so|ok|okay)\W+)*(i want|i'?d like|i would like|give me|i need|can i have|"
    r"can i get)\s+(my money back|a refund|to return it|to send it back|a human|a person|to talk to|"
    r"to speak to)\b",
    re.IGNORECASE,
)
_WHY_OR_HOW = re.compile(r"^\W*((but|and|so|ok|okay)\W+)*(why|how)\b", re.IGNORECASE)


_VERDICT_PAIR = re.compile(
    r"^([^,;?]{3,60}\b(?:is|are|'s)\s+(?:a\s+|an\s+)?"
    r"(?:maybe|yes|no|no-go|go|definite no|hard no|possibly)\b)"
    r"\s*[,;]\s*(?:and\s+|but\s+|while\s+)?"
    r"([^,;?]{3,60}\b(?:is|are|'s)\s+(?:a\s+|an\s+)?(?:maybe|yes|no|no-go|go|definite no|hard no|possibly)\b"
    r"[\s?!.]*(?:right|correct|yeah)?[\s?!.]*)$",
    re.IGNORECASE,
)


def after_acknowledgement(text: str) -> str:
    """The question after a nod ("great thanks. and do you know any good brands?" -> the question), or ""."""
    pieces = [p.strip() for p in re.split(r"(?<=[?!.])\s+", (text or "").strip()) if p.strip()]
    if len(pieces) > 1 and _ACK_ONLY.match(pieces[0]):
        rest = " ".join(pieces[1:])
        return rest if _is_question(rest) else ""
    return ""


def split_questions(text: str) -> List[str]:
    """The questions of a message, in order, each with the statements before it; [text] for one.

    "Can it help with back pain and is it safe during pregnancy?" becomes two messages, so both are
    answered (and both pass the safety policy). A statement stays with the question after it ("I sit
    all day. Would it help my back?" is one part), a reply such as "no, and what is porphyria?" is not
    split, and button payloads never are.
    """
    if not text or text.startswith("/"):
        return [text]
    pair = _VERDICT_PAIR.match(text.strip())
    if pair:
        # "ok so basically skin stuff is a maybe, fat loss is a no?": two summaries to confirm, each answered
        # (user study round 49, #9: only the fat loss was)
        return [pair.group(1).strip(), pair.group(2).strip()]
    pieces: List[str] = []
    for sentence in re.split(r"(?<=[?!.])\s+", text.strip()):
        pieces.extend(p.strip() for p in _JOIN.split(sentence) if p.strip())
    acknowledged = len(pieces) > 1 and bool(_ACK_ONLY.match(pieces[0])) and any(
        _is_question(p) for p in pieces[1:]
    )
    if acknowledged:
        # "ok noted for her. and my knees?": the nod asks nothing; alone it got "OK. You can ask..." and the
        # question was lost (user study round 37, #21)
        pieces = pieces[1:]
    parts: List[str] = []
    pending = ""
    for piece in pieces:
        if parts and not pending and _YES_NO_TAG.match(piece):
            # "can red light shrink a tumour. yes or no": a tag on the question before it, no answer of its
            # own (user study round 35, #19: it got the medical-substitute paragraph)
            parts[-1] = f"{parts[-1]} {piece}"
            continue
        if not parts and not pending and _YES_NO_TAG.match(piece):
            pending = piece  # "yes or no. will it help?": the tag goes with the question after it
            continue
        if parts and not pending and _RESTATED.match(piece) and _WHY_OR_HOW.match(parts[-1]):
            parts[-1] = f"{parts[-1]} {piece}"
            continue
        if parts and not pending and _REQUEST_PART.match(piece):
            # "so i just keep wasting my time for 2 more weeks?? i want my money back": a request of its own
            # after a question (user study round 50, #15: only the refund was answered)
            parts.append(piece)
            continue
        answer = _ANSWER_START.match(piece) and not _I_MEAN.match(piece)
        if answer and not _is_question(piece) and not pending:
            # "yes, a neurostimulator in my back. and can we stop here?": the answer stands alone
            parts.append(piece)
            continue
        if parts and not pending and _is_fragment(piece) and _is_question(parts[-1]):
            # "how long is a normal session anyway? 10 min? 30?": "10 min?" and "30?" say more about the
            # question before them, they ask nothing of their own (alone they read as "yes" and got "OK. You
            # can ask what the pads can do...": user study round 7, #24, #40); after an answer ("no skin
            # problem. TENDON maybe rupture. i go doctor first?") it belongs to the question after it
            parts[-1] = f"{parts[-1]} {piece}"
            continue
        if not parts and not pending and _is_fragment(piece):
            # "and the scalp part? is it safe to put it on my head": the fragment names what the question
            # after it is about (round 7, #40)
            pending = piece
            continue
        pending = f"{pending} {piece}".strip()
        if _is_question(piece):
            parts.append(pending)
            pending = ""
    if pending:
        if parts:
            parts[-1] = f"{parts[-1]} {pending}"
        else:
            parts.append(pending)
    if len(parts) < 2 or len(parts) > MAX_PARTS:
        return [" ".join(pieces)] if acknowledged else [text]
    return parts


# Whether a message is English (components.language_guard; the fallback reply says so only when not).
_WORD = re.compile(r"[^\W\d_]+", re.UNICODE)
ENGLISH_WORDS = frozenset(
    """a about after all also am an and any are as at be been but by can can't cannot could did do does
    doesn't don't for from get got had has have having he her him his how i i'm if in is isn't it it's its
    just me more my no not of off on one or our out she should so some than that the their them then there
    these they this to too up us was we were what when where which who why will with would yes you your
    help use using pad pads light red therapy thanks thank hi hello hey ok okay please""".split()
    # telegraphic English has no function word ("helps wounds heal faster?", "good morning, anyone
    # around"): the assistant's own domain words and greetings count as English too
    + """helps helped heal heals healing faster wound wounds skin pain back knee knees neck muscle muscles
    joint joints sore safe doctor price cost buy results result work works working good morning evening
    night anyone someone anybody everyone around really cure treat fat weight wrinkles eczema pregnant
    pregnancy blood circulation cold hands feet session minutes daily week weeks""".split()
    # chat words: "k never mind. bye" is English (user study round 5)
    + """bye goodbye never mind nevermind see ya later cheers thx ty sure yeah yep yup nope nah cool great
    nice fine well anyway sorry lol haha yes alright right wait again thx""".split()
    # "simpler pls. like im 10" (user study round 15, #37: got "I can only chat in English")
    + """im pls plz ur like simpler simple explain mean""".split()
)


# words that ask for another language in that language, however short the message
_OTHER_LANGUAGE = frozenset(
    """sprichst sprechen deutsch hablas habla español espanol parlez parles français francais parli italiano
    spreek spreekt nederlands falas fala português portugues mówisz polsku konuşuyor musisz""".split()
)


def looks_english(text: str) -> bool:
    """False when a message of four or more words has no English function word, or little Latin script."""
    words = [w.lower() for w in _WORD.findall(text or "")]
    if _OTHER_LANGUAGE.intersection(words) and not ENGLISH_WORDS.intersection(words):
        return False  # "sprichst du deutsch?" (user study round 15, #35: got the prices reply)
    if len(words) < 4:
        return True
    letters = [c for c in text if c.isalpha()]
    latin = sum(1 for c in letters if c.isascii())
    if letters and latin / len(letters) < 0.5:
        return False
    return any(w in ENGLISH_WORDS for w in words)
