"""Recognition of health disclosures in context: who has which condition, and is it affirmed.

The old detector matched a word list with typo tolerance; it had no notion of negation, of whose
condition it was, or of word sense ("customs seizure", "sounds good" read as "wound"). This layer keeps
the deterministic core (a sourced lexicon, so recall never rests on a classifier) and adds:

- inflection: plurals and possessives reduce to one stem on both sides ("open wounds", "eczema's");
- typo tolerance only for tokens that are not English words (a generated list of real words that
  look like a lexicon word, ``knowledge/confusable_words.txt``), found with a symmetric-delete index;
- word sense: idiom patterns ("stroke of luck", "in stitches") remove the mentions they cover, and
  ambiguous terms ("fits", "expecting", "MS") count only beside a health cue in the same clause;
- context in the spirit of NegEx/ConText (Chapman et al.): negation ("I'm not pregnant"), experiencer
  ("my dad has a pacemaker"), general or hypothetical questions ("can people with lupus use it?") and
  past history, each scoped to its clause.

``recognise`` returns every mention with its context and one decision for the message; the Rasa
policy, the NLU entity extractor and the form validator all read it. Pure Python, no Rasa import.
"""

from __future__ import annotations

import dataclasses
import datetime
import functools
import re
import unicodedata
from dataclasses import dataclass
from enum import Enum
from pathlib import Path
from typing import Dict, FrozenSet, Iterable, List, Optional, Sequence, Set, Tuple

import yaml

from padsafety.rules import LEXICON_FILE, RedFlag, RuleBook, Verdict, default_rulebook

KNOWLEDGE = Path(__file__).parent / "knowledge"
CONFUSABLES_FILE = KNOWLEDGE / "confusable_words.txt"
CHILD_RULE = "children"
CONTEXT_FILE = KNOWLEDGE / "context.yml"

# a clause that opens as a question ("does accutane interact with it?"): general unless a person is named
_QUESTION_START = re.compile(
    r"\s*(?:does|do|can|is|are|will|would|should|what|how|which|isn't|doesn't|won't|wouldn't|"
    r"shouldn't|(?:from|at|until|till|up\s+to)\s+what)(?![a-z0-9'])"
)
# dev round 28: the user's own plan joined to a supposed state ("is it ok if I'm pregnant and only use it on
# my face?"): the state is the user's, the "if" asks about the plan
_OWN_PLAN_AFTER = re.compile(
    r"\s*,?\s*(?:and|but|&)\s+(?:i\s+)?(?:only|just|still|keep|carry\s+on|continue|avoid|stay)\s+(?:to\s+)?"
    r"(?:use|using|wear|wearing|put|putting|apply|applying|do|doing|the|it|away)(?![a-z'])"
)
_IF_I_AM = re.compile(r"(?<![a-z'])if\s+(?:i'?m|im|i\s+am)\s+(?:currently\s+|now\s+|already\s+)?$")
# a question's leading "and", "so", "but" ("and what about an insulin pump?")
_LEAD_CONJUNCTION = re.compile(r"^(?:(?:and|but|so|also|ok|okay|oh|hmm|right)[\s,]+)+")
# these open statements too ("could be pregnant, testing tomorrow"): a question only with a "?"
_MAYBE_QUESTION_START = re.compile(r"\s*(?:could|may|might|any)(?![a-z0-9'])")
# words with inner apostrophes stay whole ("don't", "raynaud's"); hyphens split ("a-fib" -> a, fib)
_TOKEN = re.compile(r"[a-z0-9]+(?:'[a-z]+)*")


# "after pregnancy", "post-pregnancy", "since my pregnancy": the time after it, not a pregnancy now
_AFTER_PREGNANCY = re.compile(r"\b(after|post|since)[\s-]+((my|the|her|your|a|this|last)\s+)?$")
# dev round 29: a message that opens by saying it is filled in for someone else ("Filling this in for my mum:
# Age 84. Conditions: COPD, angina"): its conditions are that person's, when the user says nothing of their
# own after it
_FOR_OTHER_HEADER = re.compile(
    r"^\W*(?:(?:i'?m|im|i\s+am)\s+)?(?:filling\s+(?:this|it|the\s+(?:form|check|questions?))\s+(?:in|out)|"
    r"answering\s+(?:this|these|the\s+questions?)|completing\s+(?:this|the\s+(?:form|check))|doing\s+(?:this|the\s+check)|"
    r"writing|asking|enquiring|messaging)\s+(?:for|on\s+behalf\s+of)\s+(?:my|our)\s+(?:[a-z]+[\s-]+)?"
    r"(?:mum|mom|mother|dad|father|nan|nana|gran|granny|grandma|grandmother|grandad|granddad|grandpa|grandfather|"
    r"husband|wife|partner|son|daughter|brother|sister|aunt|auntie|uncle|friend|neighbour|neighbor|"
    r"mother[\s-]in[\s-]law|father[\s-]in[\s-]law|client|patient)\b\s*[:\-\u2013\u2014.,]"
)
_HAVE_ONE_AFTER = re.compile(
    r"[^.!?]{0,40}?(?:\band|\bbut|\bas|\bcos|\bbecause|,)\s+(?:i\s+(?:have|had|got|'ve\s+got|'ve\s+had|do)|i've|ive)"
    r"\s+(?:got\s+|had\s+)?(?:one|it|them|that|this)\b"
)
_OWN_WORDS = re.compile(
    r"(?<![a-z'])(?:i|i'm|im|i've|ive|i'd|i'll|me|my|mine|myself|we|we're|us|our)(?![a-z'])"
)
# a mention that names the start of a pregnancy (a test read positive, a scan), not a pregnancy over
_PREGNANCY_BEGUN = re.compile(r"\b(positive|tests?|scans?|bfp|two\s+lines)\b")
# a new subject after a mention, before "is gone" ("pregnant and the nausea is gone"); not "it" or "that"
_OTHER_SUBJECT = re.compile(
    r"(?:\band|\bbut|,)\s+(?:(?:the|my|her|his|their|our|this|all the)\s+[a-z]+"
    # (dev round 11: a bare noun right before "is gone": "had shingles last month, rash is gone but ...")
    r"|(?!(?:it|that|this|which|all|everything|she|he|they|now|mostly|mainly|totally|completely|almost|pretty)\b)[a-z]+\s*$)"
)

# development round 12: function words a lexicon phrase may open with ("a fever", "the flu"): a phrase
# starting on its last word and reaching past it names the condition meant ("a fever blister" is a cold sore)
_LEADING = frozenset({"a", "an", "the", "my", "on", "had", "have", "got", "in"})

# development round 13: a denial before "without" in its clause is a double negative ("can't go out without")
_DENIED_BEFORE = re.compile(
    r"(?<![a-z'])(?:can'?t|cannot|can not|couldn'?t|could not|never|not|don'?t|won'?t|wouldn'?t)"
    r"(?![a-z'])[^,;]*$"
)

# development round 13: a reason given after a denial ("didn't notice because they're numb")
_REASON = re.compile(r"(?<![a-z'])(?:because|cos|coz|cuz|'cause|due to|thanks to)(?![a-z'])")

# development round 15: a message the user says was dictated ("voice text", "speech to text", "dictating")
_DICTATED = re.compile(
    r"\b(?:voice|speech)[\s-]+(?:to[\s-]+)?(?:text|typing|note|message|input)\b|\bdictat(?:ed|ing|ion)\b|\bsiri\s+typ"
)

# the lexicon's condition for a closed surgical or injury wound (stitches out, scar healed)
_CLOSED_WOUND = "wound"
# the stitches, staples or strips that close a wound, and their being out ("stitches out yesterday")
_CLOSURE = re.compile(r"(?:stitch|staple|suture|steri[\s-]?strip)(?:es|s)?")
_CLOSURE_OUT = re.compile(r"\b(?:out|removed|off)\b")

# user study round 47: a word echoed as a question ("porphyria?") right after its mention
_ECHO_MARK = re.compile(r"\s*\?")

# a number of weeks in a pregnancy mention ("at 28 wks", "16w along")
_OWN_WEEKS = re.compile(r"\b\d{1,2}\s*(?:weeks?|wks?|w)\b")


_CANCER_OVER_WORDS = re.compile(r"heal|gone|clear|free|remission|cured")
_RULED_OUT_WORDS = re.compile(
    r"benign|negative|ruled out|nothing|false alarm|harmless|normal|cyst|lipoma|came back"
)

class Decision(str, Enum):
    """What a message calls for, most urgent first."""

    EMERGENCY = "emergency"
    REFERRAL = "referral"  # the user has a condition: refer them to a doctor
    REFERRAL_OTHER = "referral_other"  # someone the user asks for has one: refer them
    GENERAL = "general"  # a general question about a condition: answer it, no personal referral
    ASK_IF_URGENT = "ask_if_urgent"  # distress with no described red flag: ask whether it is urgent
    CLARIFY = "clarify"  # only a word with a common non-medical sense: ask what the user means
    NONE = "none"


class Experiencer(str, Enum):
    """Whose condition a mention is about."""

    SELF = "self"
    OTHER = "other"
    GENERAL = "general"


@dataclass(frozen=True)
class Mention:
    """A condition named in a text, with its context."""

    condition: str
    rule_id: str
    start: int
    end: int
    text: str
    negated: bool = False
    experiencer: Experiencer = Experiencer.SELF
    past: bool = False
    # an ambiguous word ("pump", "fits", "expecting") with no health cue around it
    uncertain: bool = False
    # named as a topic the user read or heard about ("i read something about pregnancy and belly"): a
    # general mention that says nothing about the user, even beside "I" (user study round 7, #41)
    reported: bool = False

    @property
    def affirmed(self) -> bool:
        """A condition the user says someone has (not denied, not uncertain)."""
        return not self.negated and not self.uncertain


@dataclass(frozen=True)
class RedFlagMatch:
    """An emergency description found in a text."""

    red_flag: str
    title: str
    start: int
    end: int


@dataclass(frozen=True)
class Recognition:
    """Everything recognised in one message, and what it calls for."""

    mentions: Tuple[Mention, ...]
    red_flags: Tuple[RedFlagMatch, ...]
    distress: bool = False  # "something is really wrong, I feel terrible" (knowledge/context.yml)

    @property
    def decision(self) -> Decision:
        """Emergency, then a referral for the user, then for someone else, then a general answer."""
        if self.red_flags:
            return Decision.EMERGENCY
        kinds = {m.experiencer for m in self.mentions if m.affirmed}
        if Experiencer.SELF in kinds:
            return Decision.REFERRAL
        if Experiencer.OTHER in kinds:
            return Decision.REFERRAL_OTHER
        if Experiencer.GENERAL in kinds:
            return Decision.GENERAL
        if self.distress:
            return Decision.ASK_IF_URGENT
        if any(m.uncertain and not m.negated for m in self.mentions):
            return Decision.CLARIFY
        return Decision.NONE

    def affirmed(self, experiencer: Optional[Experiencer] = None) -> List[Mention]:
        """Affirmed mentions, optionally only those about one experiencer."""
        return [
            m for m in self.mentions if m.affirmed and (experiencer is None or m.experiencer is experiencer)
        ]

    def negated_rules(self) -> Set[str]:
        """Rules whose conditions the user explicitly denied."""
        return {m.rule_id for m in self.mentions if m.negated}


def _accent_folding() -> Dict[int, str]:
    """Each accented Latin letter (one code point) to its base letter, one character for one."""
    table: Dict[int, str] = {}
    for code in range(0xC0, 0x250):
        base = unicodedata.normalize("NFD", chr(code))[0]
        if base != chr(code) and base.isascii() and base.isalpha():
            table[code] = base.lower()
    return table


# development round 13: words with accents ("cáncer", "neuropatía", "otwartą ranę") split at the accented
# letter (the tokens are ASCII); folded to the base letter they read as a lexicon word or a close typo of one
_ACCENTS = _accent_folding()


def normalise(text: str) -> str:
    """Lower-case and unify apostrophes, keeping every character's position ("no." before a number is
    "num": "expecting baby no. 2" is no denial); accented letters lose their accent (development round 13)."""
    norm = text.lower().replace("\u2019", "'").replace("\u2018", "'").replace("`", "'")
    if not norm.isascii():
        norm = norm.translate(_ACCENTS)
    return _NUMBER_ABBREVIATION.sub("num", norm) if "no." in norm else norm


_NUMBER_ABBREVIATION = re.compile(r"\bno\.(?=\s*\d)")


def stem(token: str) -> str:
    """A light stem shared by text and lexicon: no possessive, no apostrophe, no plural ending."""
    if token.endswith("'s"):
        token = token[:-2]
    if token.endswith(("'d", "'ll")):
        # development round 12: a contraction is a pronoun and a verb, never a lexicon word ("he'd" was read
        # as "hEDS", whose plural-looking stem is "hed")
        return token
    token = token.replace("'", "")
    if len(token) > 4 and token.endswith("ies"):
        return token[:-3] + "y"
    if len(token) > 4 and token.endswith(("ches", "shes", "sses", "xes", "zes")):
        return token[:-2]
    if len(token) > 3 and token.endswith("s") and not token.endswith(("ss", "us", "is")):
        return token[:-1]
    return token


def max_typos(word: str) -> int:
    """How many edits a word of this length may carry and still count (short words: none)."""
    if len(word) >= 9:
        return 2
    if len(word) >= 5:
        return 1
    return 0


def within_distance(a: str, b: str, limit: int) -> bool:
    """Optimal-string-alignment distance between a and b is at most limit (transpositions count 1)."""
    if abs(len(a) - len(b)) > limit:
        return False
    if limit == 0:
        return a == b
    prev2: List[int] = []
    prev = list(range(len(b) + 1))
    for i in range(1, len(a) + 1):
        cur = [i] + [0] * len(b)
        for j in range(1, len(b) + 1):
            cost = 0 if a[i - 1] == b[j - 1] else 1
            cur[j] = min(prev[j] + 1, cur[j - 1] + 1, prev[j - 1] + cost)
            if i > 1 and j > 1 and a[i - 1] == b[j - 2] and a[i - 2] == b[j - 1]:
                cur[j] = min(cur[j], prev2[j - 2] + 1)
        prev2, prev = prev, cur
    return prev[-1] <= limit


def _deletes(word: str, depth: int) -> Set[str]:
    out, frontier = {word}, {word}
    for _ in range(depth):
        frontier = {w[:i] + w[i + 1 :] for w in frontier for i in range(len(w))}
        out |= frontier
    return out


# dev round 25: how dictation spells the sounds of a long word it splits ("eye" for "i", "docks" for "dox")
_SOUND_MIN = 7
_HEARD_SPELLINGS = (("eye", "i"), ("cks", "x"), ("you", "u"), ("ph", "f"))
_SOUND_LETTERS = (("ck", "k"), ("qu", "kw"), ("x", "ks"), ("wh", "w"), ("z", "s"))


def _heard(word: str) -> str:
    """A word as dictation heard it: its sound spellings replaced, "n" before "p" or "b" said as "m"."""
    for spelt, sound in _HEARD_SPELLINGS:
        word = word.replace(spelt, sound)
    return re.sub(r"n(?=[pb])", "m", word)


def _sound_key(word: str, vowels: bool = False) -> str:
    """A rough key of how a word sounds: soft "c" as "s", hard as "k", "z" as "s", doubled letters once, each
    run of vowels as one (as "a", or with ``vowels`` as its first vowel)."""
    word = _heard(word)
    for spelt, sound in _SOUND_LETTERS:
        word = word.replace(spelt, sound)
    word = re.sub(r"c(?=[eiy])", "s", word).replace("c", "k")
    if vowels:
        word = re.sub(r"[aeiouy]+", lambda m: m.group()[0], word)
    else:
        word = re.sub(r"[aeiouy]+", "a", word)
    return re.sub(r"(.)\1+", r"\1", word)


def tokens(text: str) -> List[Tuple[str, int, int]]:
    """(stem, start, end) for each word of a text, positions in the original text."""
    return [(stem(m.group()), m.start(), m.end()) for m in _TOKEN.finditer(normalise(text))]


# "can I use it while a pregnant woman is in the room?": a condition word between an article and a person
# noun is that person's (user study round 14, #35: read as the user's pregnancy)
_ARTICLE_BEFORE = re.compile(
    r"\b(while|near|around|next\s+to|beside|with)\s+(there'?s\s+|there\s+is\s+)?(a|an|another|the|this|that|some)"
    r"\s+(\w+\s+)?$"
)
# dev round 23: a child named as the one fed ("tandem feeding a newborn and a 2 year old", "still nursing my 4
# month old", "mum of a 7 month old"), right before the child's age
_FED_CHILD_BEFORE = re.compile(
    r"(?<![a-z'])(?:breast[\s-]?fe(?:ed|eds|eding|d)|chest[\s-]?fe(?:ed|eds|eding|d)|nurs(?:e|es|ed|ing)|"
    r"tandem[\s-]+feed(?:s|ing)?|tandem[\s-]+fed|bf(?:'?ing|s)?|ebf(?:'?ing)?|giving\s+(?:the\s+)?boob\s+to|pump(?:s|ed|ing)?\s+for|"
    r"express(?:es|ed|ing)?\s+(?:milk\s+)?for|(?:mum|mom|mother|mama|mummy|mommy)\s+(?:of|to))"
    r"(?:\s+(?:my|our|her|his|their|a|an|the|both|and|&|\+|plus|newborn|baby|toddler|twins?|little|one|still|also|\w+'s|,))*\s*$"
)
# ... unless the pad is to be used on the child ("nursing my 2 year old, can i use it on him?")
_USE_ON_CHILD = re.compile(
    r"(?<![a-z'])(?:on|for)\s+(?:my\s+(?:son|daughter|baby|kid|child|little\s+one|toddler|boy|girl)|"
    r"the\s+(?:baby|kid|child|little\s+one|toddler))(?![a-z'])"
)
# ... or, when the user is the one feeding, named by a pronoun ("nursing my 2 year old, can she use it?");
# when someone else feeds ("my girlfriend is breastfeeding our 3 month old, can she use it?") it is her
_USE_BY_PRONOUN = re.compile(
    r"(?<![a-z'])(?:on|for)\s+(?:him|her|them)(?![a-z'])|"
    r"(?<![a-z'])(?:can|could|should|may|would)\s+(?:she|he|they)\s+(?:use|try|have|sit)(?![a-z'])"
)
# someone else named as the one feeding: "my wife is nursing", "she's breastfeeding"; or the user
_OTHER_FEEDER = re.compile(r"(?<![a-z'])(?:she|he|they|(?:my|our|his|her|their)\s+[a-z-]+)(?![a-z'])")
_I_FEED = re.compile(r"(?<![a-z'])(?:i|i'?m|im|i've|ive|i'd)(?![a-z'])")
# someone's experience told as an anecdote: "my friend used it in her pregnancy and nothing happened", "my mum
# used one all through her pregnancy and was fine": that pregnancy is over
_USED_IN_PREGNANCY = re.compile(
    r"(?<![a-z'])(?:used|tried|had|wore)\s+(?:it|one|a\s+pad|the\s+pad|hers|his|them|red\s+light)\s+"
    r"(?:all\s+)?(?:in|during|through|throughout)\s+(?:her|his|my|their)\s+(?:whole\s+|entire\s+|last\s+|"
    r"first\s+)?$"
)
_TURNED_OUT = re.compile(
    r"^\W*(?:and|but)\s+(?:nothing\s+(?:bad\s+)?happened|(?:(?:she|he|they|i|it|everything|the\s+baby|"
    r"her\s+baby|baby)\s+)?(?:was|were|turned\s+out|is|are)\s+(?:totally\s+|completely\s+|perfectly\s+|absolutely\s+)?"
    r"(?:fine|ok|okay|alright|healthy|grand|perfect)|no\s+(?:problems?|issues?|harm))\b"
)
_NUMB_WORD = re.compile(r"(?:goes\s+|went\s+)?(?:numb|tingling|tingly)")
_NUMB_PART = re.compile(
    r"(?<![a-z'])(?:feet|foot|toes?|fingers?|fingertips|hands?|legs?|arms?|lips?|chin|heels?|soles?|thighs?|"
    r"shins?|calf|calves)(?![a-z'])"
)
# an electronic device told as taken out for good: "... but it was taken out completely", "removed in 2020"
# (user study round 46, d47-30: told in the active voice, "... but they took it oot last year", "the doctors
# removed it"; Scots and Geordie "oot" for "out")
_DEVICE_REMOVED = re.compile(
    r"^[^.!?]{0,40}?\b(?:(?:it|that|this|they|which)?\s*(?:was|were|got|has\s+been|have\s+been|had\s+it|"
    r"had\s+them)\s+(?:\w+\s+)?(?:taken\s+(?:out|oot)|removed|explanted|out|oot)|"
    r"(?:they|the\s+(?:\w+\s+)?(?:doctors?|docs?|surgeons?|hospital|cardiologists?|consultants?|team|nhs)|"
    r"doctors|docs|surgeons|he|she|we)\s+(?:\w+\s+)?(?:took|have\s+taken|had\s+taken|'ve\s+taken|pulled|"
    r"whipped|got|removed|explanted)\s+(?:it|that|this|them|the\s+(?:\w+\s+)?(?:device|thing|pacemaker|"
    r"implant|one|monitor|pump|stimulator|recorder))(?:\s+(?:out|oot|away))?)\b"
    r"(?![^.!?]{0,40}\b(?:replaced|new\s+one|another|upgraded|swapped|changed|put\s+(?:it\s+|a\s+new\s+one\s+)?back|"
    r"for\s+(?:the\s+)?(?:scan|mri|op|operation|surgery|procedure|x-?ray)|temporar\w*)\b)"
)
# dev round 26: a device the user "had taken out" or "had removed", the verb right after it ("had a
# loop recorder taken out in 2021"); not one taken out for a scan, to be put back or replaced, nor one
# to be removed soon
_DEVICE_HAD_BEFORE = re.compile(
    r"(?<![a-z'])(?:had|got|have\s+had|i'?ve\s+had|ive\s+had)\s+(?:(?:a|an|my|the|his|her|their|our|old|former)\s+)+(?:[a-z-]+\s+){0,2}$"
)
_DEVICE_OUT_AFTER = re.compile(
    r"^\s*(?:taken\s+out|removed|explanted|pulled\s+out|taken\s+away)\b"
    r"(?![^.!?]{0,50}\b(?:replaced|new\s+one|another|upgraded|swapped|changed|next|tomorrow|soon|booked|temporar\w*|"
    r"for\s+(?:now|the\s+(?:scan|mri|op|operation|surgery|procedure|x-?ray))|back\s+(?:in|on)|put\s+back|going\s+back)\b)"
)
# user study round 45 (#49): a worn device the user no longer has, told after it in the message ("I was on an
# insulin pump for years but I'm back on pens since the summer, no pump on me at all now", "stopped using the
# pump last year", "the pump came off for good"); not one off only for a while ("I take the pump off for the
# shower", "came off the pump for the session"). A device word in the cue (`dev`) must be the mention's or a
# general one.
_FOR_A_WHILE = (
    r"(?![^.!?\n]{0,30}?(?<![a-z'])(?:for\s+(?:the\s+|a\s+|my\s+|each\s+|every\s+|an?\s+)?(?:sessions?|showers?|baths?|swims?|"
    r"scans?|mri|x-?rays?|treatments?|bit|while|few|couple|hours?|minutes?|mins?|day|night|\d+)|while|during|when\s+(?:i|using)|"
    r"before\s+(?:the|a|each|every|using|i)|then\s+(?:back|on)|put\s+(?:it\s+)?back|(?:back|again)\s+(?:on|after))(?![a-z']))"
)
_DEVICE_WORDS = r"(?:insulin\s+)?(?P<dev>[a-z]+)"
_BACK_ON_INJECTIONS = re.compile(
    r"(?<![a-z'])(?:back|gone\s+back|went\s+back|going\s+back|switched\s+(?:back\s+)?|changed\s+(?:back\s+)?|moved\s+(?:back\s+)?)\s*"
    r"(?:on|to|onto)\s+(?:the\s+|my\s+)?(?:insulin\s+)?(?:pens?|injections?|jabs|needles|syringes|shots|mdi|"
    r"multiple\s+daily\s+injections|injecting)(?![a-z'])"
)
_DEVICE_GIVEN_UP = (
    re.compile(
        r"(?<![a-z'])no\s+" + _DEVICE_WORDS
        + r"s?\s+(?:on\s+me|attached|any\s*more|now|these\s+days|at\s+all|in\s+me)(?![a-z'])"
    ),
    re.compile(
        r"(?<![a-z'])(?:don'?t|do\s+not|no\s+longer|not|never)\s+(?:wear|use|have|need|on)\s+(?:(?:the|a|an|my)\s+"
        + _DEVICE_WORDS + r"|it|one|them|that|any)\s+(?:any\s*more|now|these\s+days|at\s+all|since)(?![a-z'])"
    ),
    re.compile(
        r"(?<![a-z'])no\s+longer\s+(?:wear|wearing|use|using|have|need|on)\s+(?:it|one|them|that|(?:the|my|an?)\s+"
        + _DEVICE_WORDS + r")(?![a-z'])" + _FOR_A_WHILE
    ),
    re.compile(
        r"(?<![a-z'])(?:stopped|quit|gave\s+up|given\s+up|came\s+off|come\s+off|got\s+off|ditched)\s+(?:using\s+|wearing\s+)?"
        r"(?:it|that|(?:the|my|an?)\s+" + _DEVICE_WORDS + r")(?![a-z'])" + _FOR_A_WHILE
    ),
    re.compile(
        r"(?<![a-z'])(?:it|(?:the|my)\s+" + _DEVICE_WORDS
        + r")\s+(?:came|come|has\s+come|got\s+taken|was\s+taken|went|is|has\s+been)"
        r"\s+off\s+(?:for\s+good|permanently|for\s*ever)(?![a-z'])"
    ),
    re.compile(
        r"(?<![a-z'])(?:off|not\s+on)\s+(?:the|my|an?)\s+" + _DEVICE_WORDS
        + r"\s+(?:for\s+good|now|since|permanently|these\s+days|any\s*more)(?![a-z'])"
    ),
)
_OFF_FOR_GOOD = re.compile(
    r"\s+(?:came|come|has\s+come|got\s+taken|was\s+taken|went|is|has\s+been)\s+off\s+"
    r"(?:for\s+good|permanently|for\s*ever)(?![a-z'])"
)
_INSULIN_DEVICE = re.compile(r"pump|pod|insulin|tandem|medtronic|minimed|t:?\s?slim|ypso|dana")
_GENERAL_DEVICE = frozenset({"device", "thing", "one", "it", "gadget", "unit", "implant"})
# ... told before it ("I no longer wear my insulin pump", "stopped using the omnipod last year")
_DEVICE_GIVEN_UP_BEFORE = re.compile(
    r"(?<![a-z'])(?:no\s+longer\s+(?:wear|wearing|use|using|have|need|on)|(?:stopped|quit|gave\s+up|given\s+up|came\s+off|"
    r"come\s+off|got\s+off|ditched)(?:\s+(?:using|wearing))?)\s+(?:(?:the|my|an?|that|this|his|her|their)\s+)?$"
)
# a denial that is a device taken off ("came off the pump"): for a while only when `_FOR_A_WHILE` follows it
_OFF_FOR_A_WHILE = re.compile(
    r"(?:came|come|took|taken|take|takes|get|got)\s+(?:it\s+)?off|stopped|disconnect\w*"
)

# conditions of a mother, whose baby named nearby is no one else she asks for
_MOTHERS = frozenset({"breastfeeding", "pregnancy", "trying to conceive"})
_BABY = re.compile(r"\b(baby|babies|newborn|infant|little one|bump|bubba|bub)\b")
# "I'm the mum": the user names herself the mother (development round 15)
_I_AM_MOTHER = re.compile(
    r"(?<![a-z'])(?:i'?m|im|i am)\s+(?:the|a|his|her|their)\s+(?:mum|mom|mother|mama|mummy|mommy)$"
)
# "mum of a 2 month old, breastfed": a sentence that opens with a mother "of" a child is the user naming
# herself (development round 16)
_MOTHER_OF = re.compile(
    r"^\s*(?:(?:i'?m|im|i am)\s+)?(?:a\s+)?(?:new\s+|first[- ]time\s+|single\s+|young\s+|busy\s+|tired\s+)?"
    r"(?:mum|mom|mother|mama|mummy|mommy)\s+(?:of|to)\s+(?:a|an|my|one|two|three|four|twins|triplets|\d)\b"
)
# after "finished breastfeeding": one feed over ("finished feeding him", "... can i use it now?")
_FEED_AFTER = re.compile(
    r"\s*(?:him|her|them|the\s+baby|baby|bubs|my\b|our\b|\?|for\s+(?:now|today|tonight))"
)
# dev round 30: ... unless a time long past follows in the sentence ("finished breastfeeding my youngest 6
# years ago"): the time of it, ended
_ENDED_LONG_AGO = re.compile(
    r"[^,;]{0,40}?\b(?:(?:\d+|an?|one|two|three|four|five|six|seven|eight|nine|ten|many|several|a\s+few|"
    r"a\s+couple\s+of)\s+(?:years?|months?)\s+ago|years\s+ago|(?:in|back\s+in)\s+(?:19|20)\d\d|last\s+year)\b"
)
_PERSON_AFTER = re.compile(
    r"^\s+(woman|women|lady|ladies|girl|friend|colleague|person|people|guest|visitor|mum|mom|mother|wife|"
    r"partner|sister|daughter|neighbou?r|relative|patient|client)\b"
)


@dataclass(frozen=True)
class Term:
    """A lexicon phrase (as stems) and what it names."""

    condition: str
    rule_id: str
    ambiguous: bool
    # dev round 25: read from how split pieces sound ("sea sures"), a guess that needs a health cue beside it
    heard: bool = False


@dataclass(frozen=True)
class ContextRules:
    """Trigger patterns for word sense and context (``knowledge/context.yml``)."""

    idioms: Tuple[re.Pattern, ...]
    health_cue: re.Pattern
    clause_break: re.Pattern
    negation_before: re.Pattern
    pseudo_negation: re.Pattern
    negation_after: re.Pattern
    first_person: re.Pattern
    other_person: re.Pattern
    general_before: re.Pattern
    general_after: re.Pattern
    hypothetical_self: re.Pattern
    past: re.Pattern
    distress: re.Pattern
    other_described: re.Pattern
    first_person_subject: re.Pattern
    resolved_past: re.Pattern
    resolvable: FrozenSet[str]
    red_flag_past: re.Pattern
    red_flag_hypothetical: re.Pattern
    red_flag_now: re.Pattern
    recovered: re.Pattern
    # a risk question right before the mention ("can red light trigger a seizure?"): not a disclosure
    risk_question: re.Pattern = re.compile(r"(?!x)x")
    # real words people write in capitals for emphasis: never read as an acronym
    emphasis_words: FrozenSet[str] = frozenset()
    # an animal the mention is about ("our dog had surgery", "my cat has diabetes"): not a person's condition
    animal: re.Pattern = re.compile(r"(?!x)x")
    # dev round 24: an animal named right after an age ("she's a 12 year old lab"): the animal's age, no child
    animal_after: re.Pattern = re.compile(r"(?!x)x")
    # conditions whose rule is about the acute state only (acute eczema): "not flaring" right after denies it
    acute_only: FrozenSet[str] = frozenset()
    not_active_after: re.Pattern = re.compile(r"(?!x)x")
    # a recent time that keeps a "long over" history current ("broke his arm at school yesterday")
    recent_past: re.Pattern = re.compile(r"(?!x)x")
    # round 6: a stroke sign told as lasting since a past stroke ("face drooped after my stroke in 2021")
    red_flag_history: re.Pattern = re.compile(r"(?!x)x")
    # round 6: a burn with a household cause and no device as its cause: an open wound, not the device burn
    burn_other_cause: re.Pattern = re.compile(r"(?!x)x")
    burn_device_cause: re.Pattern = re.compile(r"(?!x)x")
    burn_severe: re.Pattern = re.compile(r"(?!x)x")
    # development round 18 (user study): a device that smoked or smells, told as unplugged, out or with nobody
    # hurt ("unplugged it, no fire, just smells"): no emergency (a burn on a person still is)
    device_safe_now: re.Pattern = re.compile(r"(?!x)x")
    checklist_answer: re.Pattern = re.compile(r"(?!x)x")
    checklist_head: re.Pattern = re.compile(r"(?!x)x")
    hearsay: re.Pattern = re.compile(r"(?!x)x")
    truth_question: re.Pattern = re.compile(r"(?!x)x")
    # round 6: the user says they are male: their own pregnancy or breastfeeding is denied
    male_self: re.Pattern = re.compile(r"(?!x)x")
    male_only: FrozenSet[str] = frozenset()
    male_denial_cue: re.Pattern = re.compile(r"(?!x)x")
    # round 6: a denial right after a mention asked back ("pregnant? not a chance")
    denied_after_question: re.Pattern = re.compile(r"(?!x)x")
    # round 7: a topic the user read or heard about, right before the mention ("i read something about")
    reported_topic: re.Pattern = re.compile(r"(?!x)x")
    # round 7: a comma before a new question ("im on X, is that one of the meds that..."): whose it is
    question_break: re.Pattern = re.compile(r"(?!x)x")
    # dev round 7: a check that found a suspected tumour normal ("the mole got checked and the derm said it's
    # normal"), for the conditions in `clearable`
    cleared_after: re.Pattern = re.compile(r"(?!x)x")
    clearable: FrozenSet[str] = frozenset()
    # dev round 7: "all clear" after a diagnosed cancer (`lasting_history`) in the past is treatment over, not
    # the history gone ("breast cancer in 2018, all clear now")
    treated_over: re.Pattern = re.compile(r"(?!x)x")
    lasting_history: re.Pattern = re.compile(r"(?!x)x")
    # dev round 7: a wound or scar named before "healed" is what healed ("hip replacement in september, wound
    # is healed")
    healed_part: re.Pattern = re.compile(r"(?!x)x")
    # dev round 7: "is it safe while lactating": an activity after "while" is the asker's
    activity_self: re.Pattern = re.compile(r"(?!x)x")
    # dev round 7: a question followed by the user's own plan ("...? want to use it on my chest")
    own_use_after: re.Pattern = re.compile(r"(?!x)x")
    # dev round 8: a general or bare question followed by the user's own claim ("...light allergy? cos i do")
    self_claim_after: re.Pattern = re.compile(r"(?!x)x")
    # dev round 8: a year long enough ago for an event to be over ("tore my acl in 2012"), for the conditions
    # in `year_resolvable` and for operations by their mention ("appendix out in 2009"), not a medicine
    resolved_year: re.Pattern = re.compile(r"(?!x)x")
    year_resolvable: FrozenSet[str] = frozenset()
    year_resolvable_mention: re.Pattern = re.compile(r"(?!x)x")
    # dev round 8: pregnancy or breastfeeding told in the past tense with a sign it is long over ("was
    # pregnant in 2015, my son is 10 now", "breastfed both kids, the youngest is 8 now")
    past_tense_only: FrozenSet[str] = frozenset()
    past_tense_before: re.Pattern = re.compile(r"(?!x)x")
    past_tense_mention: re.Pattern = re.compile(r"(?!x)x")
    grown_child: re.Pattern = re.compile(r"(?!x)x")
    # dev round 9: a doctor's all-clear told before the mention ("dermatologist said my moles are normal"),
    # searched in the sentence around it (for `clearable` conditions)
    cleared_around: re.Pattern = re.compile(r"(?!x)x")
    # dev round 9: "was on doxycycline ... in 2015": a resolvable medicine taken in a long-ago year
    year_resolvable_before: re.Pattern = re.compile(r"(?!x)x")
    # development round 16: a word naming the state of a condition named before it in the sentence ("my lupus
    # is in remission"): it names no condition of its own there (alone it still does)
    state_of_named: re.Pattern = re.compile(r"(?!x)x")
    # development round 16: pregnancy or breastfeeding told as ended right before it ("finished breastfeeding
    # last year", "done with nursing"): over, not now (matched at the end of the text before the mention)
    ended_before: re.Pattern = re.compile(r"(?!x)x")
    # dev round 9: a medicine stopped only days or weeks ago still counts ("stopped accutane 2 weeks ago")
    lingering: FrozenSet[str] = frozenset()
    stopped_recently: re.Pattern = re.compile(r"(?!x)x")
    # dev round 9: an open wound from days ago is still fresh ("tattoo from last week"): not past
    fresh_when_recent: FrozenSet[str] = frozenset()
    # dev round 9: a single childhood fever fit told as never again since ("a febrile convulsion as a baby,
    # never again since") is over; without that cue it is still history for a doctor
    once_over: FrozenSet[str] = frozenset()
    never_since: re.Pattern = re.compile(r"(?!x)x")
    # dev round 10: lay wordings of the rule book's red flags from the lexicon (`red_flags`), by flag id
    extra_red_flags: Tuple[Tuple[str, Tuple[re.Pattern, ...]], ...] = ()
    # dev round 10: "... and it's long gone" later in the sentence: what was named before it is over
    gone_later: re.Pattern = re.compile(r"(?!x)x")
    inactive_now: re.Pattern = re.compile(r"(?!x)x")
    # development round 13: a hypothetical person ("hypothetically, if a person had shingles"): general
    hypothetical_other: re.Pattern = re.compile(r"(?!x)x")
    # development round 13: a possible pregnancy ruled out later on ("but the tests were negative")
    ruled_out_later_for: FrozenSet[str] = frozenset()
    ruled_out_later: re.Pattern = re.compile(r"(?!x)x")
    # development round 13: a doctor who signed the user off: a stopped medicine no longer counts as recent
    signed_off: re.Pattern = re.compile(r"(?!x)x")
    # user study round 37: whom a question is for, told after it ("is it safe with a pacemaker? asking for my
    # grandpa"): that person's condition, not a general question
    other_after: re.Pattern = re.compile(r"(?!x)x")
    # user study round 37: an operation's scar told as old or healed ("my old c-section scar"): over
    old_when_told: FrozenSet[str] = frozenset()
    old_before: re.Pattern = re.compile(r"(?!x)x")
    old_after: re.Pattern = re.compile(r"(?!x)x")
    old_not_when: re.Pattern = re.compile(r"(?!x)x")
    # user study round 37: words that name no emergency where a red flag's pattern would ("a pump in my chest
    # for pain meds"), by flag id
    red_flag_not: Tuple[Tuple[str, Tuple[re.Pattern, ...]], ...] = ()
    # development round 21: a condition told as running in the family ("epilepsy runs on my dad's side",
    # "heart problems on my mum's side"): the relatives', unless the user says they have it too
    family_history_after: re.Pattern = re.compile(r"(?!x)x")
    family_history_self: re.Pattern = re.compile(r"(?!x)x")
    # dev round 23: a condition bound to a pregnancy long over and told as normal since ("had gestational
    # diabetes with my first, 10 years ago, sugars normal ever since"): over
    pregnancy_bound: FrozenSet[str] = frozenset()
    pregnancy_bound_mention: re.Pattern = re.compile(r"(?!x)x")
    pregnancy_time: re.Pattern = re.compile(r"(?!x)x")
    pregnancy_bound_over: re.Pattern = re.compile(r"(?!x)x")
    pregnancy_bound_still: re.Pattern = re.compile(r"(?!x)x")
    # dev round 26: feeling told as back or normal after a numbness ("numb foot ... years ago, feeling's
    # normal now"), unless still numb somewhere; each pattern may name the body part felt again (`part`)
    sensation_back: Tuple[re.Pattern, ...] = ()
    sensation_still: re.Pattern = re.compile(r"(?!x)x")
    # dev round 26: conditions over when told as one episode never again since ("a sun rash once as a
    # teenager, never again since"); `once_cue` says it happened once
    once_over_if_once: FrozenSet[str] = frozenset()
    once_cue: re.Pattern = re.compile(r"(?!x)x")
    # dev round 27: conditions over when told in the past as outgrown later in the sentence ("used to get sun
    # rashes as a kid but grew out of it completely"), unless it came back
    outgrown_over: FrozenSet[str] = frozenset()
    outgrown: re.Pattern = re.compile(r"(?!x)x")
    # user study round 45 (#32): what the device is said to help or heal, named as a kind ("heard it helps
    # wounds"): a topic, no one's condition, unless placed on someone or owned after it (`claimed_effect_own`)
    claimed_effect: re.Pattern = re.compile(r"(?!x)x")
    claimed_effect_own: Tuple[re.Pattern, ...] = ()


_REPORTING = re.compile(r"\b(said|say|told|tell|mentioned)\b")
# what may stand between an animal and the condition it has: a "having" verb and a few determiners
_ANIMAL_HAS = re.compile(
    r"\s*(?:(?:just|recently|also|now|been|being|still)\s+)*"
    # (development round 15: after a first condition of the animal's, "my cat is diabetic and gets insulin")
    r"(?:(?:is|has|had|was)\s+[a-z]+\s+(?:and|&|so)\s+(?:now\s+|also\s+)?)?"
    r"(?:has|had|have|got|gets|is|was|with|takes|needs|diagnosed\s+with|suffers\s+from|suffering\s+from)\s+"
    r"(?:(?:got|been|on|a|an|the|some|her|his|its|their|bad|nasty|big|little|small|few|diagnosed|with)\s+)*"
    # (development round 15: the animal's body part named first, "our horse has a hoof abscess")
    r"(?:(?:hoof|paw|paws|ear|ears|eye|eyes|leg|legs|tail|skin|tooth|teeth|gum|gums|belly|back|hip|hips|neck)\s+)?$"
)
# a question about using the device on the animal ("my dog has arthritis, can i use the pad on him"): no
# claim that the user has it too (development round 17)
_ASK_TO_USE = re.compile(
    r"(?<![a-z'])(?:can|could|should|may|would|shall|do)\s+i\s+(?:also\s+)?(?:use|get|have|try)(?![a-z'])"
)
# a term that starts with its verb ("had surgery")
_HAVING = re.compile(r"(?:has|had|have|got|is|was)(?![a-z])")


# "my wife and I are expecting": she is the one who is pregnant, so the couple does not make it the user's
# the mention follows "I'm" directly: the user's, whoever was named before ("once the baby is here and im
# breastfeeding")
_I_AM_BEFORE = re.compile(
    r"(?<![a-z'])(i'?m|im|i am|i'?ve been|ive been|i was|i have been)\s+(also\s+|still\s+|now\s+)?$"
)
_ME_AND = re.compile(r"(?<![a-z'])(me|i)\s+(and|&|n)\s*$")
_PREGNANT_PARTNER = re.compile(r"(wife|wifey|missus|girlfriend|gf|fiancee)\W*$")


# "... and so do I", "me too", "same here" right after the mention: the user has it too (development round 21:
# "my mum has diabetes and so do I" was the mother's only)
_TOO_AFTER = re.compile(
    r"^[^.!?\n]{0,25}?(?<![a-z'])(so do i|so have i|so am i|as do i|as have i|me too|me as well|same here|"
    r"same with me|same for me|i do too|i do as well|i have (it|that|one|them) (too|as well)|"
    r"i'?ve got (it|that|one|them) (too|as well)|and (i|me) (too|as well))(?![a-z'])"
)


# dev round 23: an infection named as what a lasting effect followed ("numb after shingles", "nerve pain since
# my shingles"), with no sign that it is still active or recent
_AFTER_ILLNESS = re.compile(
    r"(?<![a-z'])(?:after|since|following|post|from)[\s-]+(?:(?:my|a|the|having|having\s+had|that|bad|nasty|"
    r"a\s+bout\s+of|an?\s+attack\s+of|an?\s+episode\s+of)\s+)*$"
)
_LASTING_EFFECT = re.compile(
    r"(?<![a-z'])(?:numb\w*|tingl\w*|nerve\s+pain|neuralgia|no\s+feeling|lost\s+(?:the\s+|all\s+|some\s+)?feeling|"
    r"can'?t\s+feel|scar\w*|marks?)(?![a-z'])"
)
_STILL_ACTIVE = re.compile(
    r"(?<![a-z'])(?:rash|blisters?|spots?|sores?|scabs?|it|they|shingles)\s+(?:is|are|'s|'re)\s+(?:still|now)\s+"
    r"(?:there|here|weeping|oozing|open|raw|spreading|crust\w*|active|blister\w*|red|out)|"
    r"(?<![a-z'])(?:still\s+(?:have|got|has)|currently\s+(?:have|got)|got)\s+(?:the\s+|a\s+)?"
    r"(?:shingles|rash|blisters|infection)(?![a-z'])|"
    r"(?<![a-z'])(?:yesterday|today|this\s+week|last\s+week|days\s+ago|(?:a\s+few|\d+|two|three|four|five|six)\s+"
    r"(?:days?|weeks?)\s+ago|right\s+now|at\s+the\s+moment|currently|flar\w*|weeping|oozing|blistering)(?![a-z'])"
)
# dev round 23: between a medicine and a light sensitivity, a verb saying the medicine causes it ("... I take
# can make skin", "... makes you")
_MEDICINE_EFFECT = re.compile(
    r"[^.!?\n]{0,40}?(?<![a-z'])(?:can|may|might|could|will|does|do|is\s+known\s+to|apparently)?\s*"
    r"(?:make|makes|made|making|cause|causes|caused|causing|leave|leaves|left)(?![a-z'])"
    r"\s+(?:(?:the|your|my|you|me|people|skin|you're|your\s+skin|my\s+skin|the\s+skin|more|extra|very|really)\s+)*"
)


# the person told right after a condition, as its owner: "psoriasis? my brother has it", "eczema - my son gets
# that"
_THEIRS_AFTER = re.compile(
    r"^\W{0,3}\s*(?:(?:and|but|well|because|cos|coz)\s+)?(?:my|our)\s+(?:little\s+|older\s+|younger\s+|"
    r"big\s+|twin\s+)?(?:mum|mom|mother|dad|father|wife|husband|partner|boyfriend|girlfriend|son|daughter|"
    r"sister|brother|sis|bro|friend|mate|aunt|auntie|uncle|gran|granny|grandma|grandmother|nan|nana|grandpa|"
    r"grandad|granddad|grandfather|cousin|niece|nephew|kid|child|baby|flatmate|roommate|colleague|boss|"
    r"neighbou?r)(?:'s)?\s+(?:has|had|have|gets|got|'s\s+got|suffers\s+(?:from|with)|is\s+on|takes|"
    r"is\s+having|was\s+diagnosed\s+with)\s+(?:it|that|this|them|those|one)\b"
)


def _user_included(
    rules: "ContextRules", sentence: str, other: "re.Match[str]", after: str = "", mothers: bool = True
) -> bool:
    """Whether a first-person subject after the named person makes the mention the user's too ("my
    mum has it and so do I", "my husband and I are trying to conceive")."""
    if _TOO_AFTER.search(after):
        return True
    if _ME_AND.search(sentence[: other.start()]) and not _PREGNANT_PARTNER.search(sentence[: other.end()]):
        return True  # "me and my partner have been trying for a baby"
    if _I_AM_BEFORE.search(sentence):
        return True  # "after the baby comes, if im breastfeeding?" (user study round 10, #04)
    found = rules.first_person_subject.search(sentence[other.end() :])
    if found is None:
        return False
    couple = found.start() == 0 and found.group().lstrip().startswith("and")
    # (only for what a wife carries: "my wife and I both have psoriasis" is both of theirs)
    return not (mothers and couple and _PREGNANT_PARTNER.search(sentence[: other.end()]))


# where a sentence ends: a full stop that is no part of an ellipsis, "!", "?" or a new line
_SENTENCE_END = re.compile(r"(?<!\.)\.(?!\.)|[!?\n]")
# after a claim heard or read: a first-person word or a named person's own ("her", "his") makes the mention
# someone's, not the claim's topic (round 19, development)
_HEARSAY_OWNER = re.compile(r"(?<![a-z'])(?:i|i'm|im|i've|ive|my|me|mine|myself|his|her|their|our)(?![a-z'])")
# a sentence end a lexicon phrase does not reach over (not a full stop: "st. john's wort", "m.s.")
_PHRASE_STOP = re.compile(r"[!?\n]")
# dev round 23: a yes or no set off by a comma or a dash ("no, sensation's fine"): an answer, not the first
# word of a phrase
_ANSWER_WORDS = frozenset({"no", "nope", "nah", "yes", "yeah", "yep", "not"})
_ANSWER_STOP = re.compile(r"\s*(?:[,;:]|\s-+\s|[\u2013\u2014])")

# user study round 48 (#8): text quoted from a box, an advert or a label ('I copied this from the box, can you
# tell me which bits are true? "... cures arthritis ... Safe for all ages including pregnancy"'): the seller's
# claims, no one's condition. Conservative: only a double-quoted passage with a word for copying or a
# product's text before it
_QUOTED_CLAIM_CUE = re.compile(
    r"(?<![a-z'])(?:copied|copy\s+(?:of|from)|pasted|quote|quoted|quoting|(?:the\s+)?(?:box|ad|advert|advertisement|label|"
    r"packaging|package|listing|leaflet|insert|description|website|site|page|seller|brand|manufacturer|product)\s+"
    r"(?:says?|said|reads?|claims?|states?)|it\s+(?:says?|said|reads?|claims?|states?)|they\s+(?:say|claim|state)|"
    r"claims?|claiming|label|labels)(?![a-z'])"
)
_QUOTE_MARKS = "\"\u201c\u201d\u201e\u00ab\u00bb"
_QUOTED = re.compile(f"[{_QUOTE_MARKS}]([^{_QUOTE_MARKS}]{{12,}})(?:[{_QUOTE_MARKS}]|$)")


def _quoted_claims(norm: str) -> List[Tuple[int, int]]:
    """The spans of double-quoted passages a copying or product word introduces (160 characters before)."""
    if not any(q in norm for q in _QUOTE_MARKS):
        return []
    return [
        m.span(1) for m in _QUOTED.finditer(norm)
        if _QUOTED_CLAIM_CUE.search(norm, max(0, m.start() - 160), m.start())
    ]


# a "you" that asks nobody anything: "how you say", "what do you call it", "you know"
_FILLER_YOU = re.compile(
    r"\b(how (do )?you say( it| that)?|what do you call (it|them|that|this)|you know|you see|if you like)\b"
)
# user study round 48 (#7): the "me" of a request to be told who may not use it ("ok well can you at least
# tell me who shouldn't use these?", "let me know who should avoid it"): the addressee of the answer, no first
# person who has something; only before "who" (not "tell me if it's ok with my epilepsy")
_TELL_ME_WHO = re.compile(
    r"(?<![a-z'])(?:tell|show|remind|explain\s+to|let|send|give)\s+(?:me|us)\s+(?:know\s+)?"
    r"(?=(?:(?:again|exactly|quickly|please|pls|plz|then|at\s+least|briefly|just|basically|roughly)\s+){0,2}who\b)"
)


def _foot(word: str) -> str:
    """A body part's word with its irregular plural made one ("feet" as "foot", "teeth" as "tooth")."""
    return {"feet": "foot", "teeth": "tooth"}.get(word, word)


def _last(matches: Iterable[re.Match]) -> Optional[re.Match]:
    last = None
    for last in matches:  # noqa: B007 (only the last one is wanted)
        pass
    return last


def _alternation(words: Iterable[str]) -> str:
    return "|".join(sorted({w.strip() for w in words if w.strip()}, key=len, reverse=True))


def load_context_rules(path: Path = CONTEXT_FILE, lexicon: Optional[Path] = LEXICON_FILE) -> ContextRules:
    """Read the trigger lists; each list becomes one regular expression on normalised text."""
    data = yaml.safe_load(path.read_text(encoding="utf-8"))
    idioms = list(data["idioms"])
    extra_flags: Dict[str, List[re.Pattern]] = {}
    if lexicon is not None and lexicon.exists():
        lexicon_data = yaml.safe_load(lexicon.read_text(encoding="utf-8")) or {}
        idioms += lexicon_data.get("idioms") or []
        for flag in lexicon_data.get("red_flags") or []:
            extra_flags.setdefault(flag["id"], []).extend(re.compile(p) for p in flag["patterns"])

    def words(key: str) -> re.Pattern:
        return re.compile(r"(?<![a-z0-9'])(?:" + _alternation(data[key]) + r")(?![a-z0-9'])")

    return ContextRules(
        idioms=tuple(re.compile(p) for p in idioms),
        health_cue=words("health_cue"),
        clause_break=re.compile(
            r"[.!?;\n]+|(?<![a-z0-9'])(?:" + _alternation(data["clause_break"]) + r")(?![a-z0-9'])"
        ),
        negation_before=words("negation_before"),
        pseudo_negation=words("pseudo_negation"),
        negation_after=words("negation_after"),
        first_person=words("first_person"),
        other_person=re.compile(
            r"(?<![a-z0-9'])(?:(?:my|our|the|his|her|their|me(?=\s+(?:mam|mum|ma|da|dad|nan|nana|missus|old|lad|lass|bairn|brother|sister|fella|wife|husband|"
            r"partner|son|daughter|kids?|mate|pal|hubby|missis|gran|grandad)\b)"
            # development round 13: "my" in the languages users mix in ("mere papa", "mi madre", "moj tata")
            # (round 19 (development): an age with digits between, "my 84-year-old father")
            r"|" + _alternation(data.get("other_possessive") or ["(?!x)x"]) + r")\s+(?:[a-z0-9-]+\s+)?(?:"
            + _alternation(data["other_relation"])
            + r")(?:'s|s)?|(?:" + _alternation(data["other_pronoun"]) + r"))(?![a-z0-9'])"
        ),
        general_before=words("general_before"),
        general_after=re.compile(r"^\s*(?:" + _alternation(data["general_after"]) + r")(?![a-z0-9'])"),
        hypothetical_self=words("hypothetical_self"),
        past=words("past"),
        distress=re.compile("|".join(data["distress"])),
        other_described=re.compile("|".join(data["other_described"])),
        first_person_subject=re.compile("|".join(data["first_person_subject"])),
        resolved_past=re.compile("|".join(data["resolved_past"])),
        resolvable=frozenset(data["resolvable"]),
        red_flag_past=re.compile("|".join(data["red_flag_past"])),
        red_flag_hypothetical=re.compile("|".join(data["red_flag_hypothetical"])),
        red_flag_now=re.compile("|".join(data["red_flag_now"])),
        recovered=re.compile("|".join(data["recovered"])),
        risk_question=re.compile(r"(?:" + "|".join(data.get("risk_question") or [r"(?!x)x"]) + r")\s*$"),
        emphasis_words=frozenset(data.get("emphasis_words") or []),
        animal=re.compile(
            r"(?<![a-z0-9'])(?:my|our|the|his|her|their|a|me|ma|mah)\s+"
            # (user study round 48, #2: Australian, Irish and Scots "me"/"ma" for "my", "me kelpie's got
            # arthritis in her back legs", "me dog's got a lump": the animal's, not the user's)
            # (dev round 24: an age before it, "my 12 year old black lab has arthritis")
            r"(?:(?:\d{1,2}|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|thirteen|fourteen|fifteen)"
            r"[ -](?:years?|yrs?|months?|weeks?)[ -]old\s+)?(?:[a-z-]+\s+)?(?:"
            + _alternation(data.get("animal") or ["(?!x)x"]) + r")(?:'s|s)?(?![a-z0-9'-])"
        ),
        animal_after=re.compile(
            r"\s*(?:[a-z-]+\s+)?(?:" + _alternation(data.get("animal") or ["(?!x)x"])
            + r")(?:'s|s)?(?![a-z0-9'-])"
            r"(?!\s+(?:partner|tech|technician|work|results?|tests?|class|coat|coats|assistant))"
        ),
        acute_only=frozenset(data.get("acute_only") or []),
        not_active_after=re.compile("|".join(data.get("not_active_after") or [r"(?!x)x"])),
        recent_past=re.compile("|".join(data.get("recent_past") or [r"(?!x)x"])),
        red_flag_history=re.compile("|".join(data.get("red_flag_history") or [r"(?!x)x"])),
        burn_other_cause=re.compile("|".join(data.get("burn_other_cause") or [r"(?!x)x"])),
        burn_device_cause=re.compile("|".join(data.get("burn_device_cause") or [r"(?!x)x"])),
        burn_severe=re.compile("|".join(data.get("burn_severe") or [r"(?!x)x"])),
        male_self=re.compile("|".join(data.get("male_self") or [r"(?!x)x"])),
        male_only=frozenset(data.get("male_only") or []),
        male_denial_cue=re.compile("|".join(data.get("male_denial_cue") or [r"(?!x)x"])),
        denied_after_question=re.compile("|".join(data.get("denied_after_question") or [r"(?!x)x"])),
        reported_topic=re.compile(r"(?:" + "|".join(data.get("reported_topic") or [r"(?!x)x"]) + r")\s*$"),
        question_break=re.compile("|".join(data.get("question_break") or [r"(?!x)x"])),
        cleared_after=re.compile("|".join(data.get("cleared_after") or [r"(?!x)x"])),
        clearable=frozenset(data.get("clearable") or []),
        treated_over=re.compile("|".join(data.get("treated_over") or [r"(?!x)x"])),
        lasting_history=re.compile("|".join(data.get("lasting_history") or [r"(?!x)x"])),
        healed_part=re.compile("|".join(data.get("healed_part") or [r"(?!x)x"])),
        activity_self=re.compile("|".join(data.get("activity_self") or [r"(?!x)x"])),
        own_use_after=re.compile("|".join(data.get("own_use_after") or [r"(?!x)x"])),
        self_claim_after=re.compile("|".join(data.get("self_claim_after") or [r"(?!x)x"])),
        resolved_year=re.compile("|".join(data.get("resolved_year") or [r"(?!x)x"])),
        year_resolvable=frozenset(data.get("year_resolvable") or []),
        year_resolvable_mention=re.compile("|".join(data.get("year_resolvable_mention") or [r"(?!x)x"])),
        past_tense_only=frozenset(data.get("past_tense_only") or []),
        past_tense_before=re.compile(
            r"(?:" + "|".join(data.get("past_tense_before") or [r"(?!x)x"]) + r")\s*$"
        ),
        past_tense_mention=re.compile("|".join(data.get("past_tense_mention") or [r"(?!x)x"])),
        grown_child=re.compile("|".join(data.get("grown_child") or [r"(?!x)x"])),
        cleared_around=re.compile("|".join(data.get("cleared_around") or [r"(?!x)x"])),
        year_resolvable_before=re.compile(
            r"(?:" + "|".join(data.get("year_resolvable_before") or [r"(?!x)x"]) + r")\s*$"
        ),
        state_of_named=re.compile("|".join(data.get("state_of_named") or [r"(?!x)x"])),
        ended_before=re.compile(r"(?:" + "|".join(data.get("ended_before") or [r"(?!x)x"]) + r")\s*$"),
        lingering=frozenset(data.get("lingering") or []),
        stopped_recently=re.compile("|".join(data.get("stopped_recently") or [r"(?!x)x"])),
        fresh_when_recent=frozenset(data.get("fresh_when_recent") or []),
        once_over=frozenset(data.get("once_over") or []),
        never_since=re.compile("|".join(data.get("never_since") or [r"(?!x)x"])),
        extra_red_flags=tuple((flag, tuple(patterns)) for flag, patterns in extra_flags.items()),
        gone_later=re.compile("|".join(data.get("gone_later") or [r"(?!x)x"])),
        inactive_now=re.compile("|".join(data.get("inactive_now") or [r"(?!x)x"])),
        hypothetical_other=re.compile("|".join(data.get("hypothetical_other") or [r"(?!x)x"])),
        ruled_out_later_for=frozenset(data.get("ruled_out_later_for") or []),
        ruled_out_later=re.compile("|".join(data.get("ruled_out_later") or [r"(?!x)x"])),
        signed_off=re.compile("|".join(data.get("signed_off") or [r"(?!x)x"])),
        device_safe_now=re.compile("|".join(data.get("device_safe_now") or [r"(?!x)x"])),
        checklist_answer=re.compile("|".join(data.get("checklist_answer") or [r"(?!x)x"])),
        checklist_head=re.compile("|".join(data.get("checklist_head") or [r"(?!x)x"])),
        hearsay=re.compile("|".join(data.get("hearsay") or [r"(?!x)x"])),
        truth_question=re.compile("|".join(data.get("truth_question") or [r"(?!x)x"])),
        other_after=re.compile(
            "|".join(data.get("other_after") or [r"(?!x)x"]).replace(
                "{relation}", _alternation(data["other_relation"])
            )
        ),
        old_when_told=frozenset(data.get("old_when_told") or []),
        old_before=re.compile("|".join(data.get("old_before") or [r"(?!x)x"])),
        old_after=re.compile("|".join(data.get("old_after") or [r"(?!x)x"])),
        old_not_when=re.compile("|".join(data.get("old_not_when") or [r"(?!x)x"])),
        red_flag_not=tuple(
            (flag, tuple(re.compile(p) for p in patterns))
            for flag, patterns in (data.get("red_flag_not") or {}).items()
        ),
        family_history_after=re.compile("|".join(data.get("family_history_after") or [r"(?!x)x"])),
        family_history_self=re.compile("|".join(data.get("family_history_self") or [r"(?!x)x"])),
        pregnancy_bound=frozenset(data.get("pregnancy_bound") or []),
        pregnancy_bound_mention=re.compile("|".join(data.get("pregnancy_bound_mention") or [r"(?!x)x"])),
        pregnancy_time=re.compile("|".join(data.get("pregnancy_time") or [r"(?!x)x"])),
        pregnancy_bound_over=re.compile("|".join(data.get("pregnancy_bound_over") or [r"(?!x)x"])),
        pregnancy_bound_still=re.compile("|".join(data.get("pregnancy_bound_still") or [r"(?!x)x"])),
        sensation_back=tuple(re.compile(p) for p in data.get("sensation_back") or []),
        sensation_still=re.compile("|".join(data.get("sensation_still") or [r"(?!x)x"])),
        once_over_if_once=frozenset(data.get("once_over_if_once") or []),
        once_cue=re.compile("|".join(data.get("once_cue") or [r"(?!x)x"])),
        outgrown_over=frozenset(data.get("outgrown_over") or []),
        outgrown=re.compile("|".join(data.get("outgrown") or [r"(?!x)x"])),
        claimed_effect=re.compile(r"(?:" + "|".join(data.get("claimed_effect") or [r"(?!x)x"]) + r")\s*$"),
        claimed_effect_own=tuple(re.compile(p) for p in data.get("claimed_effect_own") or []),
    )


# dev round 22: a scar or incision dated to a year ("the scar is from 2015", "scar dates back to 2009")
# user study round 46 (d47-5): an operation's scar said to be healed in the next sentence ("... for my
# C-section scar? It's already healed naman."): over, like "my healed c-section scar"
_SCAR_HEALED_NEXT = re.compile(
    r"[^.!?\n]{0,30}?\b(?:scars?|incisions?)\s*[?.!]+\s*(?:it'?s|it\s+is|its|they'?re|they\s+are|it\s+has|"
    r"they\s+have|it'?s\s+been|(?:the\s+)?scar\s+is|(?:the\s+)?scar'?s)\s+(?:(?:already|all|fully|long|completely|"
    r"totally|well|nicely|now)\s+)*(?:healed|closed)\b"
)
_SCAR_FROM_YEAR = re.compile(
    r"\b(?:scars?|incisions?)\s+(?:(?:is|are|'s|was|were)\s+)?(?:from|dates?\s+(?:back\s+)?(?:to|from))\s+"
    r"(?:back\s+in\s+)?((?:19|20)\d\d)\b"
)

# dev round 22: calm for a while, then active again in the same sentence ("eczema's been under control for
# months but flaring now"): still acute
_ACTIVE_AGAIN = re.compile(
    r"(?<![a-z'])(?:but|until|till)(?![a-z'])"
    r"(?=[^.!?]{0,50}(?<![a-z'])(?:now|again|today|this\s+week|at\s+the\s+moment|right\s+now|rn|atm|currently)(?![a-z']))"
    r"[^.!?]{0,40}?(?<![a-z'])(?<!no\s)(?<!not\s)(?<!never\s)(?<!without\s)(?<!n't\s)"
    r"(?:flar\w*|playing\s+up|weeping|oozing|raw|itchy|angry|worse|back)(?![a-z'])"
)

# dev round 25: an old condition told as back ("outgrew it but it came back this year", "it's back now");
# not a test result that came back
_BACK_AGAIN = re.compile(
    r"(?<![a-z'])(?:came|come|coming|comes)\s+back(?![a-z'])(?!\s+(?:negative|clear|fine|normal|benign|ok|okay|good|"
    r"all\s+clear|from|home|to\s+(?:the|my|work|uk|england))\b)|"
    r"(?<![a-z'])(?:it'?s|its|it\s+is|they'?re|they\s+are|it\s+has|they\s+have|it'?s\s+been)\s+(?:come\s+)?back"
    r"(?:\s+again)?\s*(?:$|[,;]|now\b|again\b|this\b|recently\b|lately\b)|"
    r"(?<![a-z'])flar\w*\s+(?:up\s+)?again(?![a-z'])"
)

# "they're testing me for lupus", "they are checking me for melanoma" (development round 19: someone else's)
_CLINICIANS_DO_TO_ME = re.compile(
    r"(they'?re|theyre|they are|they)\s+(testing|checking|scanning|monitoring|treating|watching|"
    r"investigating|sending|referring|keeping an eye on)\s+(me|us)\b"
)


class Recogniser:
    """Finds condition mentions with their context, and red flags, in a message."""

    def __init__(
        self,
        rulebook: RuleBook,
        context: ContextRules,
        confusables: FrozenSet[str] = frozenset(),
        use_context: bool = True,
        clarify_ambiguous: bool = True,
    ) -> None:
        self.rulebook = rulebook
        self.context = context
        self.use_context = use_context
        self.clarify_ambiguous = clarify_ambiguous
        self._confusables = confusables
        self._phrases: Dict[Tuple[str, ...], Term] = {}
        ambiguous = rulebook.ambiguous_terms
        for condition in rulebook.conditions:
            for synonym in condition.synonyms:
                phrase = tuple(t for t, _, _ in tokens(synonym))
                if phrase:
                    self._phrases.setdefault(
                        phrase, Term(condition.name, condition.rule_id, synonym in ambiguous)
                    )
        self._by_first: Dict[str, List[Tuple[str, ...]]] = {}
        for phrase in sorted(self._phrases, key=len, reverse=True):
            self._by_first.setdefault(phrase[0], []).append(phrase)
        self.vocabulary = frozenset(word for phrase in self._phrases for word in phrase)
        # development round 15: every beginning of a lexicon word, for the words dictation splits
        self._prefixes = frozenset(word[:k] for word in self._by_first for k in range(1, len(word)))
        # dev round 25: long one-word terms by how they sound, for pieces dictation spells by ear ("in pet eye
        # go", "sea sures", "docks a cycline") in any message, not only one said to be dictated
        self._by_sound: Dict[str, List[str]] = {}
        for phrase, term in self._phrases.items():
            word = phrase[0]
            if len(phrase) == 1 and len(word) >= _SOUND_MIN and word.isalpha() and not term.ambiguous:
                self._by_sound.setdefault(_sound_key(word), []).append(word)
        # symmetric-delete index: every string a vocabulary word becomes after its allowed deletions
        self._delete_index: Dict[str, Set[str]] = {}
        for word in self.vocabulary:
            for variant in _deletes(word, max_typos(word)):
                self._delete_index.setdefault(variant, set()).add(word)
        self._typo_cache: Dict[str, Optional[str]] = {}
        # the rule book's red flags with the lexicon's lay wordings of each added (unknown ids are an error)
        extra = dict(context.extra_red_flags)
        unknown = sorted(set(extra) - {flag.id for flag in rulebook.red_flags})
        if unknown:
            raise ValueError(f"lexicon: red flags {unknown} are not in the rule book")
        flag_ids = {flag.id for flag in rulebook.red_flags}
        unknown = sorted({flag for flag, _ in context.red_flag_not} - flag_ids)
        if unknown:
            raise ValueError(f"context: red_flag_not names {unknown}, not in the rule book")
        self.red_flags: Tuple[RedFlag, ...] = tuple(
            dataclasses.replace(flag, patterns=flag.patterns + extra[flag.id]) if flag.id in extra else flag
            for flag in rulebook.red_flags
        )
        self._last_idioms: Optional[Tuple[str, List[Tuple[int, int]]]] = None

    # --- words -------------------------------------------------------------------------------
    def canonical(self, token: str) -> Optional[str]:
        """The lexicon word this stem spells (exactly or with a small typo), else None."""
        if token in self.vocabulary:
            return token
        if token in self._confusables or max_typos(token) == 0 or not token.isalpha():
            return None
        if token not in self._typo_cache:
            if len(self._typo_cache) > 65536:  # bounded: arbitrary input must not grow memory forever
                self._typo_cache.clear()
            self._typo_cache[token] = self._closest_word(token)
        return self._typo_cache[token]

    def _closest_word(self, token: str) -> Optional[str]:
        candidates: Set[str] = set()
        for variant in _deletes(token, max_typos(token)):
            candidates |= self._delete_index.get(variant, set())
        best = None
        for word in sorted(candidates):
            limit = min(max_typos(word), max_typos(token))
            # the first letter is rarely wrong; requiring it keeps unrelated words apart
            if limit and word[0] == token[0] and within_distance(token, word, limit):
                if best is None or abs(len(word) - len(token)) < abs(len(best) - len(token)):
                    best = word
        return best

    # --- mentions ----------------------------------------------------------------------------
    def _raw_mentions(self, text: str) -> List[Tuple[Term, int, int]]:
        spans = tokens(text)
        words = [self.canonical(t) for t, _, _ in spans]
        found: List[Tuple[Term, int, int]] = []
        norm = normalise(text)
        heard: Set[int] = set()
        spans, words = self._join_split_words(norm, spans, words, heard)
        ambiguous = self.rulebook.ambiguous_terms
        for pattern, condition, rule_id in self.rulebook.patterns:
            # a group named `m` is the mention, the rest of the match its context (round 10: the sign of
            # pregnancy before "... 30 weeks and they're coming in fast" is not the mention's clause)
            group = "m" if "m" in pattern.groupindex else 0
            for m in pattern.finditer(norm):
                if m.start(group) < 0:
                    continue
                found.append(
                    (Term(condition, rule_id, pattern.pattern in ambiguous), m.start(group), m.end(group))
                )
        # round 19 (development): a phrase does not reach over a question or exclamation mark ("is it safe
        # while nursing? my baby is 6 months" is no "nursing my baby": the question is one sentence, the
        # claim another)
        limits = [len(spans)] * len(spans)
        for k in range(len(spans) - 2, -1, -1):
            stop = _PHRASE_STOP.search(norm, spans[k][2], spans[k + 1][1])
            limits[k] = 1 if stop else limits[k + 1] + 1
            if norm[spans[k][1] : spans[k][2]] in _ANSWER_WORDS and _ANSWER_STOP.match(norm, spans[k][2]):
                # dev round 23: an answer word before a comma answers, and opens no phrase ("no, sensation's
                # fine" is no "no sensation")
                limits[k] = 1
        i = 0
        while i < len(spans):
            phrase = self._match_at(words, i, limits[i])
            if phrase:
                # an unambiguous phrase starting inside an ambiguous one and reaching past it is the one meant
                # ("im expecting" + "expecting in nov": the due month; round 10); development round 12: so is
                # one starting on the last word of a phrase that opens with a function word ("a fever" +
                # "fever blister": a cold sore, not a fever)
                for j in range(i + 1, i + len(phrase)):
                    longer = self._match_at(words, j, limits[j])
                    on_last = j == i + len(phrase) - 1 and phrase[0] in _LEADING
                    if (
                        longer and j + len(longer) > i + len(phrase) and not self._phrases[longer].ambiguous
                        and (self._phrases[phrase].ambiguous or on_last)
                    ):
                        i, phrase = j, longer
                        break
            if phrase:
                term = self._phrases[phrase]
                if len(phrase) == 1 and spans[i][1] in heard:
                    # dev round 25: a word only guessed from how its pieces sound counts beside a health
                    # cue ("I get sea sures from flashing lights"), else names nothing ("oh i see sure")
                    term = dataclasses.replace(term, ambiguous=True, heard=True)
                found.append((term, spans[i][1], spans[i + len(phrase) - 1][2]))
                i += len(phrase)
            else:
                i += 1
        return sorted(found, key=lambda f: f[1])

    def _join_split_words(
        self, norm: str, spans: List[Tuple[str, int, int]], words: List[Optional[str]],
        heard: Optional[Set[int]] = None,
    ) -> Tuple[List[Tuple[str, int, int]], List[Optional[str]]]:
        """Development round 15: dictation splits a long word into pieces ("epi lepsy", "loo pus"). Two or
        three pieces one space apart that spell a lexicon word exactly are read as it, when one piece at
        least is no lexicon word (two lexicon words stay two); in a message said to be dictated, also a short
        word, the pieces as heard ("mac you lar") and a long word with a small typo ("docks e cycline").
        Dev round 25: in any message, pieces that sound like a long word ("in pet eye go"); the starts of
        those only guessed go to ``heard``."""
        if len(spans) < 2:
            return spans, words
        out_spans: List[Tuple[str, int, int]] = []
        out_words: List[Optional[str]] = []
        dictated = _DICTATED.search(norm) is not None
        i = 0
        while i < len(spans):
            found = self._joined_at(norm, spans, words, i, dictated)
            if found is None and heard is not None:
                # dev round 25: pieces that sound like a long word, in any message ("in pet eye go")
                sounded = self._heard_at(norm, spans, words, i)
                if sounded is not None:
                    found = sounded[:2]
                    if sounded[2]:
                        heard.add(spans[i][1])
            if found is not None:
                word, n = found
                out_spans.append((word, spans[i][1], spans[i + n - 1][2]))
                out_words.append(word)
                i += n
            else:
                out_spans.append(spans[i])
                out_words.append(words[i])
                i += 1
        return out_spans, out_words

    def _joined_at(
        self, norm: str, spans: List[Tuple[str, int, int]], words: List[Optional[str]], i: int, dictated: bool
    ) -> Optional[Tuple[str, int]]:
        """The lexicon word that two or three pieces from spans[i] spell, with how many pieces, else None."""
        first = norm[spans[i][1] : spans[i][2]]
        if first not in self._prefixes and not (dictated and first.replace("cks", "x") in self._prefixes):
            return None  # no lexicon word starts with the first piece
        for n in (3, 2):
            piece = spans[i : i + n]
            if len(piece) < n or any(norm[a[2] : b[1]] != " " for a, b in zip(piece, piece[1:])):
                continue
            if all(words[k] is not None for k in range(i, i + n)):
                continue
            joined = "".join(norm[s:e] for _, s, e in piece)
            # (a short word only in a message said to be dictated: "my ex ma" is someone's mother)
            if len(joined) < (4 if dictated else 6) or not joined.isalpha():
                continue
            # in a dictated message, the pieces as heard ("docks e cycline", "mac you lar"): "cks" sounds "x",
            # "you" sounds "u"
            heard = joined.replace("cks", "x").replace("you", "u") if dictated else joined
            word = next((w for w in (joined, heard) if w in self._by_first), None)
            if word is None and dictated and len(heard) >= 9:
                # a long word may carry a typo too in a dictated message ("doxecycline"; not in others: "ever
                # since" is two words, not a misspelt brand of sensor)
                close = self.canonical(heard)
                word = close if close in self._by_first else None
            if word is not None:
                return word, n
        return None

    def _heard_at(
        self, norm: str, spans: List[Tuple[str, int, int]], words: List[Optional[str]], i: int
    ) -> Optional[Tuple[str, int, bool]]:
        """Dev round 25: two to four pieces that sound like a long one-word term ("in pet eye go"
        impetigo, "sea sures" seizures, "docks a cycline" doxycycline): the same consonants, and one letter
        apart as heard, or two letters swapped for others with the same vowels, only a guess (True: it needs
        a health cue, "oh i see sure"). "ever since" (Eversense: a vowel apart), "so loud in" (Solodyn: a
        letter more) and "so sore is" stay words."""
        for n in (4, 3, 2):
            piece = spans[i : i + n]
            if len(piece) < n or any(norm[a[2] : b[1]] != " " for a, b in zip(piece, piece[1:])):
                continue
            if all(words[k] is not None for k in range(i, i + n)) or any(
                (words[k],) in self._phrases for k in (i, i + n - 1)
            ):
                continue  # (two lexicon words stay two; a term is no piece: "eczema as a kid")
            joined = stem("".join(norm[s:e] for _, s, e in piece))  # (the lexicon's words are stems)
            if len(joined) < _SOUND_MIN or not joined.isalpha():
                continue
            heard = _heard(joined)
            for word in self._by_sound.get(_sound_key(joined), ()):
                if within_distance(heard, word, 1):
                    return word, n, False
                if (
                    # (two letters heard differently, "sea sures", same vowels: not "so loud in" for Solodyn)
                    len(heard) == len(word) and sum(a != b for a, b in zip(heard, word)) <= 2
                    and _sound_key(word, vowels=True) == _sound_key(joined, vowels=True)
                ):
                    return word, n, True
        return None

    def _match_at(
        self, words: Sequence[Optional[str]], i: int, limit: Optional[int] = None
    ) -> Optional[Tuple[str, ...]]:
        first = words[i]
        if first is None:
            return None
        for phrase in self._by_first.get(first, []):
            if limit is not None and len(phrase) > limit:
                continue
            if tuple(words[i : i + len(phrase)]) == phrase:
                return phrase
        return None

    def _idiom_spans(self, norm: str) -> List[Tuple[int, int]]:
        # the mentions and the red flags of one message both need them: computed once (the idiom list is
        # the largest cost of a message)
        last = self._last_idioms
        if last is not None and last[0] == norm:
            return last[1]
        # (development round 12: a group named `m` is the idiom, the rest of the match its context, as for
        # the lexicon's patterns: "why does your checklist ask about seizures?" is no idiom, "stop asking
        # about" is)
        spans = [
            m.span("m" if "m" in pattern.groupindex else 0) for pattern in self.context.idioms
            for m in pattern.finditer(norm) if m.start("m" if "m" in pattern.groupindex else 0) >= 0
        ]
        self._last_idioms = (norm, spans)
        return spans

    def _clause(self, norm: str, start: int, end: int) -> Tuple[int, int]:
        """The clause around a span: from the last break before it to the first break after it."""
        left, right = 0, len(norm)
        for m in self.context.clause_break.finditer(norm):
            if m.end() <= start:
                left = m.end()
            elif m.start() >= end:
                right = m.start()
                break
        return left, right

    def _written_as_acronym(self, text: str, start: int, end: int) -> bool:
        """An ambiguous abbreviation typed in capitals in a message that is not shouted ("POTS", "ICD + bad
        knees", "JME"): the writer means the abbreviation, not the everyday word."""
        word = text[start:end]
        letters = [c for c in word if c.isalpha()]
        if not 2 <= len(letters) <= 5 or not all(c.isupper() for c in letters):
            return False
        if normalise(word).strip() in self.context.emphasis_words:
            return False
        others = [c for c in text[:start] + text[end:] if c.isalpha()]
        return not others or sum(c.isupper() for c in others) < len(others) / 2

    def _diagnosis(self, norm: str, start: int, end: int) -> bool:
        """The mention names a diagnosed condition of lasting history (a cancer), not a suspicion (a mole)."""
        found = self.context.lasting_history.match(norm, start)
        return found is not None and found.end() <= end

    def _child_only_fed(self, norm: str, start: int, end: int) -> bool:
        """The child named at norm[start:end] is only the one breastfed, not someone to use the pad."""
        before = self._sentence_before(norm, start)
        fed = _FED_CHILD_BEFORE.search(before)
        if fed is None:
            return False
        after = re.split(r"[.!?\n]", norm[end:])[0]
        if _USE_ON_CHILD.search(after):
            return False
        feeder = before[: fed.start()]
        someone_else_feeds = bool(_OTHER_FEEDER.search(feeder)) and not _I_FEED.search(feeder)
        return someone_else_feeds or not _USE_BY_PRONOUN.search(after)

    def _sentence_before(self, norm: str, start: int) -> str:
        # (an ellipsis goes on with the same sentence: "He has the Schrittmacher... how you say, the heart
        # device" is his, user study round 27, #22)
        ends = [m.end() for m in _SENTENCE_END.finditer(norm, 0, start)]
        return norm[ends[-1] if ends else 0 : start]

    def _context(
        self, text: str, norm: str, start: int, end: int, term: Term, cued: bool = False
    ) -> Optional[Mention]:
        """The mention with its context, or None when it is not a health mention at all."""
        left, right = self._clause(norm, start, end)
        before, after = norm[left:start], norm[end:right]
        rules = self.context
        uncertain = term.ambiguous and not (
            cued
            or rules.health_cue.search(before)
            or rules.health_cue.search(after)
            or self._written_as_acronym(text, start, end)
            # "my feet are a bit numb at the toes": numb or tingling with a body part in the clause (user
            # study round 43, #6: the clarifying question, read as playing down the diabetes)
            or (term.condition == "reduced sensation" and _NUMB_WORD.fullmatch(norm[start:end]) is not None
                and _NUMB_PART.search(norm[left:right]) is not None)
        )
        if uncertain and (term.heard or not self.clarify_ambiguous):
            return None
        if not self.use_context:
            return Mention(term.condition, term.rule_id, start, end, text[start:end])
        # negation: a trigger before the mention in its clause, not a pseudo-negation ("not sure if")
        negated = False
        window = before[-60:]
        trigger = _last(rules.negation_before.finditer(window))
        if trigger is not None:
            tail = window[trigger.start() :]
            # a new first-person assertion after the trigger ends its scope ("no, but I do have...")
            # (or a mention that opens with one: "my OB never mentioned it, im 16w along", round 10)
            scope = window[trigger.end() :]
            in_scope = rules.first_person.search(scope)
            reset = in_scope or rules.first_person.match(norm, start)
            said = scope[: in_scope.start()] if in_scope is not None else scope
            if reset and _REPORTING.search(trigger.group(0)) and not re.search(r"[,;:]", said):
                # "I never said I'm pregnant": the "I'm" is what was not said (not after a comma: "my OB never
                # mentioned light therapy, im 16w along")
                reset = None
            # development round 13: "without" after a denial is a double negative ("i can't go out in summer
            # without breaking out in a rash": it always happens)
            double = trigger.group(0) == "without" and _DENIED_BEFORE.search(window[: trigger.start()])
            # ... and a reason after the denial is affirmed ("scalded my feet without noticing because they're
            # numb": the numbness is the reason, not denied)
            double = double or _REASON.search(scope)
            if not rules.pseudo_negation.match(tail) and not reset and not double:
                negated = True
            if (
                negated and term.rule_id == "implanted_device" and _OFF_FOR_A_WHILE.match(trigger.group(0))
                and not re.match(_FOR_A_WHILE, norm[end:])
            ):
                negated = False  # "came off the pump for the session": still worn (user study round 45, #49)
        if (
            negated and term.condition in rules.lingering and rules.stopped_recently.search(norm[left:right])
            # (development round 13: not when a doctor signed the user off: "... and the derm signed me off")
            and not rules.signed_off.search(re.split(r"[.!?\n]", norm[end:])[0])
        ):
            negated = False  # "stopped accutane 2 weeks ago": its effect on the skin can outlast it
        past = any(rules.past.search(part) for part in (before, after, norm[start:end]))
        if past and term.condition in rules.fresh_when_recent and rules.recent_past.search(norm[left:right]):
            past = False  # "tattoo from last week", "cut my hand yesterday": still an unhealed wound
        if (
            term.condition in rules.old_when_told
            and (
                rules.old_before.search(norm[max(0, start - 80) : start])
                or rules.old_after.search(norm, start, right)
                or _SCAR_HEALED_NEXT.match(norm, start)
                # dev round 22: a scar dated to a year long ago ("my knee op scar is from 2015, healed")
                or any(
                    int(m.group(1)) <= datetime.date.today().year - 2
                    for m in _SCAR_FROM_YEAR.finditer(norm, start, right)
                )
            )
            and not rules.recent_past.search(norm[left:right])
            and not rules.old_not_when.search(
                self._sentence_before(norm, start) + norm[start:].split("\n")[0][:120]
            )
        ):
            # user study round 37: "my old c-section scar", "a healed knee surgery scar": an operation over
            past, negated = True, True
        treated = False
        healed = rules.negation_after.search(after[:40])
        if healed is not None and _OTHER_SUBJECT.search(after[: healed.start()]):
            # "i'm pregnant and the nausea is gone now": something else named after it is what is gone
            healed = None
        if healed is not None:
            # "hip replacement in september, wound is healed": the wound named before it is what healed
            wound_healed = bool(rules.healed_part.search(after[: healed.start()])) and not (
                rules.healed_part.search(norm[start:end])
            )
            # "breast cancer in 2018, all clear now": a cancer treated is still history the rule counts
            over = bool(rules.treated_over.search(healed.group(0))) or (
                # "had cancer last year, fully healed now", "a tumour removed 3 years ago, all gone now": a
                # cancer over is history the rule counts, whatever the words for "over" (development round
                # 29's helper found these not referred); a result that ruled it out is not
                term.rule_id == "cancer_in_area" and bool(_CANCER_OVER_WORDS.search(healed.group(0)))
                and not _RULED_OUT_WORDS.search(healed.group(0))
            )
            treated = past and over and self._diagnosis(norm, start, end)
            negated = negated or not (wound_healed or treated)
        if (
            term.condition in rules.clearable
            and not self._diagnosis(norm, start, end)
            and (
                rules.cleared_after.search(re.split(r"[.!?\n]", norm[end:])[0])
                or rules.cleared_around.search(
                    self._sentence_before(norm, start) + norm[start:end] + re.split(r"[.!?\n]", norm[end:])[0]
                )
            )
        ):
            negated = True  # "the mole got checked and the derm said it's totally normal"
        if not negated and term.rule_id == "skin_infection_or_eczema" and rules.inactive_now.match(norm, end):
            past = True  # "cold sores now and then but none at the moment": a history, not active now
        # (a cancer over stays history: "had cancer, fully healed now" is not "gone" past the clause)
        gone = rules.gone_later.match(norm, end) if not negated and not treated else None
        if (
            gone is not None and term.rule_id == "cancer_in_area" and past
            and self._diagnosis(norm, start, end) and _CANCER_OVER_WORDS.search(gone.group(0))
            and not _RULED_OUT_WORDS.search(gone.group(0))
        ):
            gone = None  # "had cancer last year, all gone now": a cancer over is history the rule counts
        if gone is not None and not (
            # development round 16: a wound or scar named between is what healed ("breastfed, want to use it
            # round my c section scar, it's closed up now"), unless the mention is resolvable itself
            rules.healed_part.search(norm, end, gone.end()) and term.condition not in rules.resolvable
        ):
            negated = True  # "the rash was just heat rash and it's long gone": over, past the clause
        if term.condition in rules.ruled_out_later_for and rules.ruled_out_later.match(norm, end):
            negated = True  # "i might be expecting but the tests were negative" (development round 13)
        if rules.denied_after_question.match(norm[end : end + 40]):
            negated = True  # "pregnant? not a chance": the mention asked back, then denied
        if rules.checklist_answer.match(norm[end : end + 120]) and rules.checklist_head.fullmatch(
            self._sentence_before(norm, start).strip()
        ):
            negated = True  # "diabetes, heart trouble — none of the above": a checklist answered (round 19)
        # experiencer: a relation before the mention, or one the mention starts inside ("my sister's
        # expecting", "my wife's 30 weeks": the pattern begins at the relation), not one after its start
        # ("nursing my son" is the mother's)
        sentence = self._sentence_before(norm, start)
        reach = sentence + norm[start:end]
        other = _last(m for m in rules.other_person.finditer(reach) if m.start() <= len(sentence)) or _last(
            rules.other_described.finditer(sentence)
        )
        if other is not None and term.condition in _MOTHERS and _BABY.search(other.group(0)):
            # "and after the baby, while breastfeeding?": the baby is the user's, and breastfeeding hers
            # (user study round 16, #03: "someone you're asking for")
            other = None
        if other is not None and term.condition in _MOTHERS and _I_AM_MOTHER.search(sentence[: other.end()]):
            # development round 15: "I'm the mum, ... breastfeeding a 4 mo old": the mother named is the user
            other = None
        mother_of = _MOTHER_OF.match(sentence)
        if other is not None and mother_of is not None and other.start() <= mother_of.end():
            other = None
        if other is not None and _CLINICIANS_DO_TO_ME.match(reach, other.start()):
            other = None  # "they're testing me for lupus": "they" are the doctors, the condition the user's
        if other is not None and other.end() > len(sentence):
            sentence = reach
        experiencer = Experiencer.SELF
        reported = bool(rules.reported_topic.search(before[-60:]))
        # dev round 29: not a topic the user then says they have ("asked by patients whether it's ok with a
        # pacemaker, and I have one myself")
        reported = reported and not _HAVE_ONE_AFTER.match(norm, end)
        # user study round 45 (#32): "Heard it helps wounds": a claim about wounds, no one's wound
        reported = reported or self._claimed_effect(norm, start, end, before)
        hearsay = _last(rules.hearsay.finditer(sentence))
        if reported:
            experiencer = Experiencer.GENERAL  # "i read something about pregnancy": a topic, not a disclosure
        elif (
            hearsay is not None
            and not _HEARSAY_OWNER.search(sentence[hearsay.end() :])
            and rules.truth_question.search(norm, end)
        ):
            # round 19 (development): a claim heard or read, asked whether it is true ("my friend said people
            # with pacemakers can't use it, true?", "my yoga teacher reckons it cures diabetes, surely that's
            # rubbish?"): a general question, not a condition of the user's or of the person who said it
            experiencer = Experiencer.GENERAL
        elif other is not None and (
            rules.general_after.search(after)
            or rules.hypothetical_other.search(self._sentence_before(norm, start))
        ):
            # "my friends keep asking if it's safe for glaucoma patients": the condition names a class of
            # people (dev round 11), a general question whoever is asking; development round 13: so does a
            # hypothetical person ("hypothetically, if a person had shingles, would it help?")
            experiencer = Experiencer.GENERAL
        elif (other is not None and not _user_included(
            rules, sentence, other, norm[end : end + 60], term.condition in _MOTHERS
        )) or (
            _ARTICLE_BEFORE.search(norm[max(0, start - 30) : start])
            and _PERSON_AFTER.match(norm[end : end + 30])
        ):
            # "while a pregnant woman is in the room": the condition describes the person named around it
            experiencer = Experiencer.OTHER
            asked = _last(rules.question_break.finditer(norm, left, start))
            qleft = asked.end() if asked is not None else left
            if rules.risk_question.search(norm[qleft:start][-40:]) and (
                _QUESTION_START.match(norm[qleft:right]) or "?" in norm[right : right + 2]
            ):
                # "my mum is on chemo. can chemo make her light-sensitive?": whether it causes it (round 26)
                experiencer = Experiencer.GENERAL
        else:
            # whose it is, read from the question it is in when a comma starts one ("im on methotrexate, is
            # that one of the meds that make you light sensitive?": the "im" is not the question's)
            asked = _last(rules.question_break.finditer(norm, left, start))
            qleft = asked.end() if asked is not None else left
            qbefore = norm[qleft:start]
            if rules.hypothetical_self.search(qbefore) and not (
                _IF_I_AM.search(qbefore) and _OWN_PLAN_AFTER.match(norm, end)
            ):
                experiencer = Experiencer.GENERAL
            elif rules.risk_question.search(qbefore[-40:]) and (
                _QUESTION_START.match(norm[qleft:right])
                # development round 13: not a "?" that ends a new question after it ("strobe lights give me
                # seizures so i'm wary, is this one flicker-free?": the first part is a statement)
                or ("?" in norm[right : right + 2] and not rules.question_break.search(norm, end, right))
            ):
                experiencer = Experiencer.GENERAL  # "can it trigger a seizure if I have epilepsy?": the risk
            else:
                # "is it safe while lactating": an activity after "while" is the asker's, unless someone else
                # is named before it ("is it safe for women while breastfeeding")
                activity = rules.activity_self.search(qbefore) if norm[start:end].endswith("ing") else None
                gbefore = qbefore[: activity.start()] if activity is not None else qbefore
                # ("He has the Schrittmacher... how you say, the heart device": no "you" of a general
                # question, user study round 27, #22)
                gbefore = _FILLER_YOU.sub(" ", gbefore)
                named = rules.general_before.search(gbefore) or rules.general_after.search(after) or (
                    # user study round 47 (d48-67): the word alone echoed, then asked about ("Porphyria?
                    # Whit's that when it's at hame?"): a question about the word, nothing said of the user
                    not norm[qleft:start].strip(" ,.;:-")
                    and _ECHO_MARK.match(norm, end) is not None
                    and rules.general_after.search(norm[end:]) is not None
                )
                # a gestational age in the question is the asker's own ("is the belly one safe at 28 wks?",
                # dev round 11): a question about pregnancy in general names no week
                bare_question = activity is None and not (
                    term.rule_id == "pregnancy" and _OWN_WEEKS.search(norm[start:end])
                ) and bool(
                    # ("And what about an insulin pump?" after "why the pacemaker?": user study round 36, #23)
                    _QUESTION_START.match(
                        _LEAD_CONJUNCTION.sub("", _FILLER_YOU.sub(" ", norm[qleft:right]).lstrip(" ,."))
                    )
                    or (_MAYBE_QUESTION_START.match(norm[qleft:right]) and "?" in norm[right : right + 2])
                )
                # user study round 37: whom the question is for, told after it ("is it safe with a pacemaker?
                # asking for my grandpa", "... (for my dad)"): that person's; its "my" is not the user's
                for_other = rules.other_after.match(norm, right) or rules.other_after.search(norm, end, right)
                own_after = after
                if for_other is not None and for_other.end() <= right:
                    own_after = norm[end : for_other.start()] + " " + norm[for_other.end() : right]
                # a bare question followed by the user's own plan ("is red light ok after mastectomy? want to
                # use it on my chest") is about the user
                if (
                    for_other is not None
                    and not rules.first_person.search(qbefore + " " + own_after)
                    and not rules.self_claim_after.match(norm, right)
                    and not rules.own_use_after.match(norm, right)
                ):
                    experiencer = Experiencer.OTHER
                elif (
                    not rules.first_person.search(_TELL_ME_WHO.sub(" ", qbefore) + " " + after)
                    and (named or bare_question)
                    and (named or not rules.own_use_after.match(norm, right))
                    # "can it be used with a light allergy? cos i do": the user's own claim after the question
                    and not rules.self_claim_after.match(norm, right)
                ):
                    experiencer = Experiencer.GENERAL
        if (
            experiencer is Experiencer.SELF
            and rules.family_history_after.match(norm, end)
            and not rules.first_person.search(norm[left:start])
            and not rules.family_history_self.search(norm, end)
        ):
            experiencer = Experiencer.OTHER  # "diabetes runs in the family": the relatives' (dev round 21)
        if experiencer is Experiencer.SELF:
            # development round 21: a supposed person named before or by the mention ("suppose a user had
            # eczema", "say a diabetic wanted to use it"): a general question
            supposed_in = self._sentence_before(norm, start)
            supposed = rules.hypothetical_other.search(supposed_in + norm[start:right])
            if (
                supposed is not None
                and supposed.start() <= len(supposed_in)
                and not rules.first_person.search(supposed_in[supposed.end() :])
            ):
                experiencer = Experiencer.GENERAL
        if term.rule_id == CHILD_RULE and rules.animal_after.match(norm, end):
            return None  # "my dog's hips? she's a 12 year old lab": the animal's age (dev round 24)
        if (
            term.rule_id == CHILD_RULE
            and self._child_only_fed(norm, start, end)
        ):
            # dev round 23: the child breastfed ("tandem feeding a newborn and a 2 year old", "nursing my 4
            # month old"): the mother's feeding, not a child who uses the pad (unless it is used on them)
            return None
        if (
            term.rule_id == CHILD_RULE
            and experiencer is Experiencer.SELF
            and not re.search(r"(?<![a-z'])(i'?m|im|i am)\s*$", before)
        ):
            experiencer = Experiencer.OTHER  # "my 6 year old ...": the child is the person it is about
        if (
            experiencer in (Experiencer.SELF, Experiencer.GENERAL)
            and _THEIRS_AFTER.match(norm[end : end + 70])
            and not rules.first_person.search(before[-25:])
        ):
            # "and psoriasis? my brother has it on his elbows": the person named after it has it (user study
            # round 40, #8: the brother's psoriasis in the user's own verdict)
            experiencer = Experiencer.OTHER
        if uncertain and experiencer is not Experiencer.SELF:
            return None  # an ambiguous word in a general question or about someone else: not worth asking
        animal = _last(rules.animal.finditer(before))
        if animal is not None and experiencer is not Experiencer.GENERAL:
            # only when the animal is the one who has it ("our dog had surgery", "my cat has diabetes"), not
            # when it caused it ("the dog scratched my arm", "my cat bit me")
            between = before[animal.end() :]
            has_it = _ANIMAL_HAS.match(between) or (not between.strip() and _HAVING.match(norm[start:end]))
            # dev round 24: the animal's own, after its possessive ("my dog's arthritis", "our cat's 14")
            has_it = has_it or (not between.strip() and animal.group().endswith("'s"))
            rest = _ASK_TO_USE.sub(" ", re.split(r"[.!?\n]", norm[end:])[0])
            if has_it and not rules.first_person_subject.search(rest):
                return None  # ... unless the user has it too ("my cat has cancer and so do I")
        if (
            term.rule_id in rules.male_only
            and experiencer is Experiencer.SELF
            and rules.male_self.search(norm)
            and rules.male_denial_cue.search(norm)
        ):
            negated = True  # "no chance I'm pregnant, I'm a bloke": the user's own, and impossible
        if (
            term.condition == "pregnancy" and _AFTER_PREGNANCY.search(norm[max(0, start - 16) : start])
            # (round 19 (development): not "since" meaning "because" before a mention with its own subject,
            # "since I'm expecting")
            and not rules.first_person.match(norm, start)
            # (dev round 29: not a sign of a pregnancy begun, "since my positive pregnancy test")
            and not _PREGNANCY_BEGUN.search(norm[start:end])
        ):
            negated = True  # "back pain after pregnancy", "post-pregnancy belly": over (user study 24, #26)
        if (
            term.rule_id == "skin_infection_or_eczema" and not negated
            and _AFTER_ILLNESS.search(norm[max(0, start - 30) : start])
            and _LASTING_EFFECT.search(self._sentence_before(norm, start))
            and not _STILL_ACTIVE.search(
                self._sentence_before(norm, start) + re.split(r"[.!?\n]", norm[start:])[0]
            )
        ):
            # dev round 23: "still numb after shingles": the infection told as the cause of what lasts after
            # it, over (the numbness is its own rule); not "the shingles rash is still there"
            past, negated = True, True
        if term.condition in rules.acute_only and (
            # (past the clause too: "eczema ... but its calm right now", user study round 22, #2)
            rules.not_active_after.match(after) or rules.not_active_after.match(norm[end:end + 90])
        ) and not _ACTIVE_AGAIN.search(re.split(r"[.!?\n]", norm[end:])[0]):
            negated = True  # "my eczema is not flaring at the moment": the rule is about the acute state
        clause = norm[left:right]
        if (
            past
            and term.condition in rules.resolvable
            and (
                rules.resolved_past.search(clause)
                or (
                    (
                        term.condition in rules.year_resolvable
                        or rules.year_resolvable_mention.fullmatch(norm[start:end])
                        or rules.year_resolvable_before.search(norm[max(0, start - 30) : start])
                    )
                    and self._long_ago_year(clause)
                )
            )
            and not rules.recent_past.search(clause)
            # dev round 25: not when the sentence goes on to say it came back ("outgrew it but it's back now")
            and not _BACK_AGAIN.search(re.split(r"[.!?\n]", norm[end:])[0])
        ):
            negated = True  # long ago and over ("had chickenpox as a kid", "appendix out in 2009")
        if (
            past
            and term.condition in rules.once_over
            and rules.never_since.search(re.split(r"[.!?\n]", norm[end:])[0])
        ):
            negated = True  # "one febrile convulsion as a baby, never again since"
        over = term.condition in rules.past_tense_only and (
            self._past_tense_over(norm, start, end)
            or (
                bool(rules.ended_before.search(norm[max(0, start - 30) : start]))
                # (not "just finished breastfeeding him": one feed, not the time of it)
                and (
                    not _FEED_AFTER.match(norm, end)
                    or bool(_ENDED_LONG_AGO.match(re.split(r"[.!?\n]", norm[end:])[0]))
                )
            )
        )
        if over and not negated:
            negated = True  # "was pregnant in 2015, my son is 10 now": over, not now
        if (
            not negated and term.rule_id == "implanted_device"
            and (
                _DEVICE_REMOVED.match(re.split(r"[.!?\n]", norm[end:])[0])
                # dev round 26: "had a loop recorder taken out in 2021, nothing implanted now"
                or (
                    _DEVICE_HAD_BEFORE.search(norm[max(0, start - 30) : start])
                    and _DEVICE_OUT_AFTER.match(re.split(r"[.!?\n]", norm[end:])[0])
                )
            )
        ):
            # "I used to have a pacemaker but it was taken out completely in 2020, there is no device in me
            # now" (user study round 44, #51: "do not use" after "I said it was REMOVED"); not "it was removed
            # and replaced"
            negated = True
        if not negated and term.rule_id == "implanted_device" and self._device_given_up(norm, start, end):
            # "I was on an insulin pump ... back on pens, no pump on me now" (user study round 45, #49)
            past, negated = True, True
        if not negated and term.rule_id == "reduced_sensation" and self._sensation_back(norm, start, end):
            negated = True  # "my numb foot ... years ago, feeling's normal now" (dev round 26)
        if (
            not negated and past and term.condition in rules.once_over_if_once
            and rules.once_cue.search(
                self._sentence_before(norm, start) + re.split(r"[.!?\n]", norm[start:])[0]
            )
            and rules.never_since.search(re.split(r"[.!?\n]", norm[end:])[0])
            and not _BACK_AGAIN.search(re.split(r"[.!?\n]", norm[end:])[0])
        ):
            negated = True  # "had a sun rash on holiday once as a teenager, never again since" (dev round 26)
        if not negated and past and term.condition in rules.outgrown_over:
            rest = re.split(r"[.!?\n]", norm[end:])[0]
            if rules.outgrown.search(rest) and not _BACK_AGAIN.search(rest):
                negated = True  # "used to get sun rashes as a kid but grew out of it" (dev round 27)
        if (
            not negated and term.condition in rules.pregnancy_bound
            and self._pregnancy_bound_over(norm, start, end, term.condition)
        ):
            negated = True  # "gestational diabetes with my first, 10 years ago, normal since" (dev round 23)
        return Mention(
            term.condition, term.rule_id, start, end, text[start:end], negated, experiencer, past, uncertain,
            reported,
        )

    def _device_given_up(self, norm: str, start: int, end: int) -> bool:
        """User study round 45 (#49): a worn device told as no longer used ("I was on an insulin pump for
        years but I'm back on pens since the summer", "stopped using it last year", "I no longer wear my
        pump"); a cue that names another device ("stopped the libre") is not about this one, "back on pens"
        only about insulin, and a device off for a while ("for the shower") is still worn."""
        mention = norm[start:end]
        insulin = _INSULIN_DEVICE.search(mention) is not None
        names = {stem(t) for t, _, _ in tokens(mention)} | _GENERAL_DEVICE
        if insulin:
            names |= {"pump", "pod"}
        rest = norm[end : end + 200]
        if insulin and _BACK_ON_INJECTIONS.search(rest):
            return True
        if _DEVICE_GIVEN_UP_BEFORE.search(norm[max(0, start - 40) : start]) and re.match(_FOR_A_WHILE, rest):
            return True
        if _OFF_FOR_GOOD.match(rest):
            return True  # "my insulin pump came off for good"
        for pattern in _DEVICE_GIVEN_UP:
            for cue in pattern.finditer(rest):
                dev = cue.groupdict().get("dev")
                if dev is None or stem(dev) in names:
                    return True
        return False

    def _claimed_effect(self, norm: str, start: int, end: int, before: str) -> bool:
        """User study round 45 (#32): the mention names a kind of thing the device is said to help or heal
        ("Heard it helps wounds", "I read red light heals ulcers"): a topic, no one's condition; not when it
        is placed on someone right after ("heals wounds on my leg") or the user then says they have one ("I
        have one on my shin")."""
        rules = self.context
        if not rules.claimed_effect.search(before[-90:]):
            return False
        rest = norm[end : end + 120]
        return not any(pattern.search(rest) for pattern in rules.claimed_effect_own)

    def _sensation_back(self, norm: str, start: int, end: int) -> bool:
        """Dev round 26: feeling told as back or normal after a numbness, later in its sentence ("numb
        foot from a trapped nerve ... years ago, feeling's normal now"), with nothing still numb, and no
        other body part named as the one felt again ("my feet are numb but the feeling in my hands is
        normal" keeps the feet's)."""
        rules = self.context
        before = self._sentence_before(norm, start)
        rest = re.split(r"[.!?\n]", norm[end:])[0]
        if rules.sensation_still.search(before + norm[start:end] + rest):
            return False
        for pattern in rules.sensation_back:
            back = pattern.match(rest)
            if back is None:
                continue
            part = back.group("part") if "part" in pattern.groupindex else None
            if part is None:
                return True
            word = _foot(stem(part.split()[-1]))
            named = {_foot(t) for t, _, _ in tokens(before + norm[start:end] + rest[: back.start("part")])}
            return word in ("it", "them") or word in named
        return False

    def _long_ago_year(self, text: str) -> bool:
        """A year named in the text is two or more years before the current one ("tore my acl in 2012")."""
        this_year = datetime.date.today().year
        return any(
            int(m.group(1)) <= this_year - 2
            for m in self.context.resolved_year.finditer(text)
            if m.group(1) is not None
        )

    def _pregnancy_bound_over(self, norm: str, start: int, end: int, condition: str) -> bool:
        """Dev round 23: a condition bound to a pregnancy (gestational diabetes, blood pressure tablets during
        a pregnancy) told in a sentence that says it is long ago and normal since."""
        rules = self.context
        before = self._sentence_before(norm, start)
        sentence = before + norm[start:end] + re.split(r"[.!?\n]", norm[end:])[0]
        offset = start - len(before)
        times = [(offset + m.start(), offset + m.end()) for m in rules.pregnancy_time.finditer(sentence)]
        if condition == "pregnancy":
            # a pregnancy only when it is the one the time names ("I'm pregnant again, had gestational
            # diabetes with my first, normal since" is a pregnancy now)
            times = [(s, e) for s, e in times if s <= start and end <= e]
        # (the mention or a bound condition it opens: "pregnancy" in "pregnancy-induced high blood pressure")
        named = rules.pregnancy_bound_mention.match(norm, start)
        bound = (named is not None and named.end() >= end) or times
        if not bound or not rules.pregnancy_bound_over.search(sentence):
            return False
        if rules.recent_past.search(sentence) or rules.pregnancy_bound_still.search(sentence):
            return False
        return bool(
            rules.resolved_past.search(sentence) or self._long_ago_year(sentence)
            or rules.grown_child.search(sentence)
        )

    def _past_tense_over(self, norm: str, start: int, end: int) -> bool:
        """Pregnancy or breastfeeding told in the past tense, in a sentence that says it is long over ("was
        pregnant in 2015, my son is 10 now", "breastfed both my kids, the youngest is 8 now")."""
        rules = self.context
        if _USED_IN_PREGNANCY.search(norm[max(0, start - 45) : start]) and _TURNED_OUT.match(
            re.split(r"[.!?\n]", norm[end:])[0]
        ):
            return True  # "my friend used it in her pregnancy and nothing happened" (user study round 43, #5)
        if not (
            rules.past_tense_before.search(norm[max(0, start - 30) : start])
            or rules.past_tense_mention.fullmatch(norm[start:end])
        ):
            return False
        tail = re.split(r"[.!?\n]", norm[end:])[0]
        sentence = self._sentence_before(norm, start) + norm[start:end] + tail
        if rules.recent_past.search(sentence):
            return False
        return bool(
            rules.resolved_past.search(sentence)
            or self._long_ago_year(sentence)
            or rules.grown_child.search(sentence)
        )

    def find_mentions(self, text: Optional[str]) -> List[Mention]:
        """Every condition named in the text, with its context (idioms removed)."""
        if not text:
            return []
        norm = normalise(text)
        idioms = self._idiom_spans(norm)
        mentions = []
        candidates = []
        raw = [
            (t, s, e) for t, s, e in self._raw_mentions(text) if not any(a < e and s < b for a, b in idioms)
        ]
        raw = [(t, s, e) for t, s, e in raw if not self._state_of_other(norm, t, s, e, raw)]
        for term, start, end in raw:
            # an unambiguous condition in the same clause is a health cue for an ambiguous word beside it
            # ("my wife's on doxy for rosacea", "disconnect my pump for my diabetes")
            cued = term.ambiguous and self._cued_by_condition(norm, start, end, raw)
            mention = self._context(text, norm, start, end, term, cued)
            if mention is not None:
                candidates.append((term, start, end, mention))
        generic = {c for _, c, _ in self.rulebook.patterns}
        kept = [
            (term, start, end, mention) for term, start, end, mention in candidates
            # a generic pattern overlapping a lexicon term of the same rule adds nothing
            if not (term.condition in generic and any(
                s < end and start < e and t.rule_id == term.rule_id and t.condition not in generic
                and not m.uncertain and not m.negated
                for t, s, e, m in candidates
            ))
        ]
        for term, start, end, mention in kept:
            if self._inside_longer(term, start, end, mention, kept):
                continue
            if term.rule_id == "open_wound" and _CLOSURE.fullmatch(norm, start, end) and any(
                t.rule_id == "other_condition" and t.condition == _CLOSED_WOUND and s <= start and end <= e
                and (e - s) > (end - start) and not m.negated and m.experiencer == mention.experiencer
                and _CLOSURE_OUT.search(norm, end, e)
                for t, s, e, m in kept
            ):
                # user study round 47 (d48-64): "stitches out yesterday, looks clean": a closed surgical wound
                # (another condition: ask your doctor), not the open wound its "stitches" alone would name
                continue
            if (
                term.rule_id == "photosensitivity" and mention.affirmed
                and mention.experiencer is Experiencer.SELF
            ) and any(
                t.rule_id == "photosensitising_medication" and m.affirmed and e <= start
                and _MEDICINE_EFFECT.fullmatch(norm, e, start)
                for t, s, e, m in kept
            ):
                # dev round 23: "the St John's wort I take can make skin sensitive to light": the medicine's
                # effect (its own rule), not a light sensitivity of the user's besides it
                continue
            if (
                not norm[:start].strip(" \t\"'*-") and norm[end:].lstrip().startswith("?")
                and any(t.rule_id == term.rule_id and s > end for t, s, _, _ in kept)
            ):
                # "eczema? i have mild eczema but it's not flaring": the question's word echoed; the later
                # mention says how it is (user study round 35, #38)
                continue
            mentions.append(mention)
        quoted = _quoted_claims(norm)
        if quoted:
            # user study round 48 (#8): a claim quoted from the box or an advert is the seller's, a topic
            mentions = [
                dataclasses.replace(m, experiencer=Experiencer.GENERAL, reported=True)
                if any(a <= m.start and m.end <= b for a, b in quoted) else m
                for m in mentions
            ]
        return self._insulin_of_pump_given_up(text, norm, mentions)

    def _insulin_of_pump_given_up(self, text: str, norm: str, mentions: List[Mention]) -> List[Mention]:
        """User study round 45 (#49): an insulin pump given up ("back on pens since the summer, no pump on me
        now") is no device, but its insulin still says diabetes, as "on insulin" does (not "a regular
        medicine")."""
        for pump in list(mentions):
            where = norm.find("insulin", pump.start, pump.end)
            if not (
                pump.rule_id == "implanted_device" and pump.negated and pump.past and where >= 0
                and self._device_given_up(norm, pump.start, pump.end)
            ):
                continue
            end = where + len("insulin")
            mentions = [
                m for m in mentions if not (m.rule_id == "other_condition" and where <= m.start < end)
            ]
            mentions.append(Mention(
                "diabetes", "other_condition", where, end, text[where:end], experiencer=pump.experiencer
            ))
        return sorted(mentions, key=lambda m: m.start)

    def _state_of_other(
        self, norm: str, term: Term, start: int, end: int, raw: Sequence[Tuple[Term, int, int]]
    ) -> bool:
        """A state word ("in remission") whose nearest condition named before it in the sentence is of
        another rule: it is that condition's state ("my lupus is in remission for years"), none of its own."""
        if not self.context.state_of_named.fullmatch(norm[start:end]):
            return False
        sentence_start = start - len(self._sentence_before(norm, start))
        before = [
            (e, t) for t, s, e in raw
            if not t.ambiguous and sentence_start <= s and e <= start
        ]
        if not before:
            return False
        return max(before, key=lambda pair: pair[0])[1].rule_id != term.rule_id

    def _inside_longer(
        self, term: "Term", start: int, end: int, mention: "Mention",
        candidates: Sequence[Tuple["Term", int, int, "Mention"]],
    ) -> bool:
        """Whether a longer affirmed mention of another do-not-use condition holds this ambiguous one ("rash"
        inside "a rash in the sun" is photosensitivity, not eczema: user study round 12, #35). Only mentions
        that are kept count as the longer one."""
        if not term.ambiguous and term.condition != "a regular medicine":
            # a word with one sense names its condition wherever it stands; a medicine's name inside a
            # device's ("insulin" in "insulin pump") is the device (user study round 17, #27: "another
            # medical condition" beside the pump)
            return False
        for t, s, e, m in candidates:
            if term.rule_id == "open_wound" and t.rule_id == "skin_infection_or_eczema":
                # dev round 22: a wound word inside an infection ("a graze on my elbow that's infected now")
                # is an infected wound, still an open wound as well as an infection
                continue
            if (
                s <= start and end <= e and (e - s) > (end - start) and t.condition != term.condition
                and not m.negated and not m.uncertain and m.experiencer == mention.experiencer
                and self.rulebook.rule(t.rule_id).verdict is Verdict.DO_NOT_USE
            ):
                return True
        return False

    def _cued_by_condition(
        self, norm: str, start: int, end: int, raw: Sequence[Tuple[Term, int, int]]
    ) -> bool:
        left, right = self._clause(norm, start, end)
        rule_id = next((t.rule_id for t, s, e in raw if (s, e) == (start, end) and t.ambiguous), None)
        if any(
            not t.ambiguous and t.rule_id == rule_id and not (s < end and start < e)
            and not self.context.negation_before.search(norm[max(0, s - 60) : s])  # not "wasn't shingles"
            for t, s, e in raw
        ):
            # the same condition named plainly elsewhere in the message says which sense it is ("due date is
            # 14 feb so i'm massive rn, can this help round ligament pain", dev round 11)
            return True
        # close by only: "the pump on my coffee machine broke, also I have eczema" is no insulin pump
        return any(
            not t.ambiguous and left <= s and e <= right and (0 <= start - e <= 30 or 0 <= s - end <= 30)
            for t, s, e in raw
        )

    def find_red_flags(
        self, text: Optional[str], present: FrozenSet[str] = frozenset()
    ) -> List[RedFlagMatch]:
        """Every red flag described in the text, unless negated or inside an idiom. A flag that ``requires``
        a condition (the warning signs of pre-eclampsia: pregnancy) counts only when one of them is in
        ``present``: someone's now, named in this message or earlier in the conversation."""
        if not text:
            return []
        norm = normalise(text)
        idioms = self._idiom_spans(norm) if self.use_context else []
        if self.use_context:
            idioms = idioms + _quoted_claims(norm)  # user study round 48 (#8): a box's or an advert's words
        not_now = self.use_context and self._not_now(norm)
        recovered = self.use_context and bool(self.context.recovered.search(norm))
        rules = self.context
        history = self.use_context and bool(rules.red_flag_history.search(norm))
        other_burn = (
            self.use_context
            and bool(rules.burn_other_cause.search(norm))
            and not rules.burn_device_cause.search(norm)
            and not rules.burn_severe.search(norm)
        )
        device_safe = self.use_context and bool(rules.device_safe_now.search(norm))
        found = []
        for flag in self.red_flags:
            if flag.requires and not flag.requires & present:
                continue
            if flag.id == "device_fire" and device_safe:
                continue  # unplugged, out, nobody hurt: the device-hazard answer, not an emergency
            # self-harm counts even when worded as past or hypothetical, unless the user says it is over
            if (recovered if flag.id == "self_harm" else not_now):
                continue
            if (flag.id == "stroke_signs" and history) or (flag.id == "burn_or_blistering" and other_burn):
                continue  # lasting since a past stroke; a kettle or oven burn (referred as an open wound)
            # (user study round 37: and the words that name no emergency for this flag, "a pump in my chest
            # for pain meds")
            match = self._first_flag_match(flag, norm, idioms + self._not_flag_spans(flag.id, norm))
            smoke = match is not None and "smok" in norm[match[0] : match[1]]
            if smoke and device_safe and flag.id == "burn_or_blistering":
                continue  # "the pad was smoking" told as over: the device, not a burn on a person
            if match:
                found.append(RedFlagMatch(flag.id, flag.title, match[0], match[1]))
        return found

    def _not_flag_spans(self, flag_id: str, norm: str) -> List[Tuple[int, int]]:
        """Spans of words that name no emergency for this flag (``red_flag_not`` in knowledge/context.yml)."""
        if not self.use_context:
            return []
        patterns = dict(self.context.red_flag_not).get(flag_id, ())
        return [
            m.span("m" if "m" in p.groupindex else 0) for p in patterns for m in p.finditer(norm)
            if m.start("m" if "m" in p.groupindex else 0) >= 0
        ]

    def _not_now(self, norm: str) -> bool:
        """A red flag told as past history ("passed out in 2018") or asked about ("what if I get a
        blister?"), with nothing saying it is happening now."""
        rules = self.context
        if rules.recovered.search(norm):
            return True
        if rules.red_flag_now.search(norm):
            return False
        past = rules.red_flag_past.search(norm)
        return bool(past or rules.red_flag_hypothetical.search(norm))

    def _first_flag_match(
        self, flag: RedFlag, norm: str, idioms: List[Tuple[int, int]]
    ) -> Optional[Tuple[int, int]]:
        for pattern in flag.patterns:
            for m in pattern.finditer(norm):
                if any(s < m.end() and m.start() < e for s, e in idioms):
                    continue
                # self-harm is never read as denied: "I'm not going to hurt myself" still gets the crisis line
                if self.use_context and flag.id != "self_harm":
                    left, _ = self._clause(norm, m.start(), m.end())
                    # only a denial right before it ("I don't have chest pain"), not "doesn't drink, slurring"
                    window = norm[left : m.start()][-20:].split(",")[-1]
                    trigger = _last(self.context.negation_before.finditer(window))
                    if trigger is not None and not self.context.pseudo_negation.match(
                        window[trigger.start() :]
                    ):
                        continue
                return m.span()
        return None

    def recognise(self, text: Optional[str], known: FrozenSet[str] = frozenset()) -> Recognition:
        """Mentions and red flags of one message; ``known``: conditions someone has, told earlier in the
        conversation (for the red flags that require one)."""
        distress = bool(text) and bool(self.context.distress.search(normalise(text or "")))
        mentions = tuple(self.find_mentions(text))
        if self.use_context and mentions:
            norm = normalise(text or "")
            header = _FOR_OTHER_HEADER.match(norm)
            if header is not None and not _OWN_WORDS.search(norm, header.end()):
                mentions = tuple(
                    dataclasses.replace(m, experiencer=Experiencer.OTHER)
                    if m.experiencer is Experiencer.SELF and m.start >= header.end() else m
                    for m in mentions
                )
        present = frozenset(known) | {
            m.condition
            for m in mentions
            if m.affirmed and m.experiencer is not Experiencer.GENERAL and not m.past
        }
        return Recognition(mentions, tuple(self.find_red_flags(text, present)), distress)


def load_confusables(path: Path = CONFUSABLES_FILE) -> FrozenSet[str]:
    """Stems of ordinary English words that look like a lexicon word (never fuzzy-matched)."""
    if not path.exists():
        return frozenset()
    with open(path, encoding="utf-8") as handle:
        return frozenset(line.strip() for line in handle if line.strip() and not line.startswith("#"))


@functools.lru_cache(maxsize=None)
def default_recogniser() -> Recogniser:
    """The recogniser over the project's rule book, built once per process."""
    return Recogniser(default_rulebook(), load_context_rules(), load_confusables())


@functools.lru_cache(maxsize=4096)
def recognise(text: Optional[str], known: FrozenSet[str] = frozenset()) -> Recognition:
    """Recognition of one message with the project's rule book (``known``: conditions someone has, told
    earlier in the conversation, for the red flags that require one).

    Cached (bounded): the policy asks for the same message several times per turn, and the result is
    immutable.
    """
    return default_recogniser().recognise(text, frozenset(known))


def needs_referral(text: Optional[str]) -> bool:
    """The message names a red flag or someone's condition (what an over-long message still gets)."""
    return recognise(text).decision in (Decision.EMERGENCY, Decision.REFERRAL, Decision.REFERRAL_OTHER)
