"""Questions about one medicine and light: "Does metformin make skin sensitive to light?".

The source text names no medicine. The rule book's ``photosensitising_medication`` rule lists medicines
known to make the skin sensitive to light (guidance beyond the source); for any other medicine the honest
answer is that the source does not say and a pharmacist or doctor should check, never that it is safe.
"""

from __future__ import annotations

import re
from functools import lru_cache
from typing import Optional, Tuple

from padsafety.conversation import _beyond_source_data
from padsafety.rules import default_rulebook

_SENSITIVE = (
    r"(?:(?:more\s+)?sensitive\s+to\s+(?:the\s+)?(?:sun\w*|light|uv)|(?:sun|light)[\s-]?sensitiv\w*"
    r"|photo[\s-]?sensitiv\w*|burn\s+(?:more\s+)?(?:easily|faster)|react\s+to\s+(?:the\s+)?light)"
)
# "does/can/will <medicine> make/cause ... sensitive to light": the medicine is the words in between
_CAUSES = re.compile(
    r"\b(?:does|do|can|could|will|would|might|may|is|are)\s+(?P<name>[\w' -]{2,40}?)\s+"
    r"(?:make|makes|making|cause|causes|causing|give|gives|increase|increases)\b[^.?!]{0,40}?" + _SENSITIVE,
    re.IGNORECASE,
)
# "no i mean the doxycycline. what does it do with light" (user study round 13, #09), "what does doxycycline
# do with red light?"
_DOES_WITH_LIGHT = re.compile(
    r"\bwhat\s+(?:does|do|would|will|can)\s+(?:the\s+)?(?P<name>[\w' -]{2,40}?)\s+do\s+(?:with|to|under|in|"
    r"combined\s+with)\s+(?:the\s+)?(?:red[\s-]+)?(?:light|sun|sunlight)\b",
    re.IGNORECASE,
)
# "is doxycycline photosensitising?", "is metformin a photosensitizer?"
_IS_SENSITISING = re.compile(
    r"\b(?:is|are)\s+(?P<name>[\w' -]{2,40}?)\s+(?:an?\s+)?photo[\s-]?sensiti[sz]\w*", re.IGNORECASE
)
# "is methotrexate one of the meds that make you light sensitive?", "im on methotrexate, is that one of the
# meds that make you light sensitive?" (user study round 7, #31)
_ONE_OF = re.compile(
    r"\b(?:is|are)\s+(?P<name>[\w' -]{2,40}?)\s+(?:one\s+of\s+|among\s+|on\s+the\s+list\s+of\s+)?(?:the\s+)?"
    r"(?:meds|medicines|medications|drugs|pills|tablets|ones)\s+(?:that|which)\s+(?:can\s+|could\s+|might\s+)?"
    r"(?:make|makes|cause|causes|give|gives)\b[^.?!]{0,40}?" + _SENSITIVE,
    re.IGNORECASE,
)
# a pronoun for the medicine named before it in the message ("im on methotrexate, is that one of...")
_PRONOUN = re.compile(r"^(?:it|this|that|they|these|those|this\s+one|that\s+one)$", re.IGNORECASE)
# the pad itself, or a pronoun: not a question about a medicine
# "is the metformin a problem with the light?"
_PROBLEM_WITH = re.compile(
    r"\b(?:is|are)\s+(?P<name>[\w' -]{2,40}?)\s+(?:a\s+problem|an\s+issue|ok|okay|safe|fine|a\s+risk)\s+"
    r"(?:with|for|under)\s+(?:the\s+)?(?:red[\s-]+)?(?:light|pad|lamp)\b",
    re.IGNORECASE,
)
_NOT_A_MEDICINE = re.compile(
    r"^(?:it|this|that|they|these|those)$|\b(?:pad|pads|light|lights|device|lamp|panel|mat|wrap|therapy|led|leds)\b",
    re.I,
)
_MEDICINE_WORD = re.compile(
    r"\b(?:pills?|tablets?|medicines?|medications?|meds|drugs?|antibiotics?|cream)\b", re.I
)
_PRONOUNS = {"my": "your", "mine": "yours", "our": "your"}
# "can I then cut down on my metformin?", "could I come off my blood pressure pills if it works?": changing a
# medicine because of the pad; the source says the pads must not replace medication (user study round 8, #06:
# got the anti-ageing paragraph, "cut down" read as a cosmetic question)
CHANGES_MEDICINE = re.compile(
    r"\b(cut|cutting|cuts)\s+(down|back)\s+(on\s+)?(my|the|his|her|their|our)?\s*[\w' -]{0,30}?"
    r"\b(meds|medicines?|medications?|pills?|tablets?|insulin|dose|doses|dosage|metformin|statins?|"
    r"painkillers?|[a-z]+(?:formin|pril|sartan|statin|olol))\b|"
    r"\b(reduce|reducing|lower|lowering|stop|stopping|quit|quitting|drop|dropping|skip|skipping|halve|"
    r"halving|come off|coming off|get off|go off|wean off|taper)\s+(taking\s+)?(my|the|his|her|their|our)?\s*"
    r"[\w' -]{0,30}?\b(meds|medicines?|medications?|pills?|tablets?|insulin|dose|doses|dosage|metformin|"
    r"statins?|painkillers?|ibuprofen|blood pressure \w+|[a-z]+(?:formin|pril|sartan|statin|olol))\b|"
    r"\b(less|fewer)\s+(of\s+)?(my\s+)?(meds|medicine|medication|pills|tablets|insulin|metformin)\b|"
    # "could it replace my metformin?", "it won't let me stop the amlodipine?" (user study round 23, #6, #38:
    # the circulation text)
    r"\b(replace|replacing|instead of|substitute for|swap|swapping|ditch|ditching)\s+(taking\s+)?"
    r"(my|the|his|her|their|our)?\s*[\w' -]{0,30}?\b(meds|medicines?|medications?|pills?|tablets?|insulin|"
    r"metformin|statins?|inhalers?|[a-z]+(?:formin|pril|sartan|statin|olol|dipine))\b|"
    r"\bstop\s+(taking\s+)?(my|the)\s+[a-z]+(?:dipine)\b",
    re.IGNORECASE,
)


def asks_to_change_medicine(text: Optional[str]) -> bool:
    """Whether the message asks about cutting down, stopping or changing a medicine because of the pad."""
    return bool(text) and not str(text).startswith("/") and bool(CHANGES_MEDICINE.search(str(text)))


@lru_cache(maxsize=1)
def _photosensitising_terms() -> Tuple[str, ...]:
    rule = default_rulebook().rule("photosensitising_medication")
    terms = [term for condition in rule.conditions for term in (condition.name, *condition.synonyms)]
    return tuple(sorted((t.lower() for t in terms), key=len, reverse=True))


def _as_said_to_user(name: str) -> str:
    words = name.strip().split()
    return " ".join(_PRONOUNS.get(w.lower(), w) for w in words)


def _taken_medicine_problem(text: str) -> Optional[re.Match]:
    """"is the metformin a problem with the light?" only when it is a medicine: the message says it is
    taken ("I take metformin") or calls it one ("my blood pressure pills")."""
    match = _PROBLEM_WITH.search(text)
    if not match:
        return None
    name = re.sub(r"^(?:the|my)\s+", "", match.group("name").strip(), flags=re.I)
    if _MEDICINE_WORD.search(name):
        return match
    taken = rf"\b(?:take|takes|taking|took|on|prescribed|started)\s+(?:the\s+|my\s+)?{re.escape(name)}\b"
    return match if re.search(taken, text[: match.start("name")], re.IGNORECASE) else None


def _named_before(text: str) -> Optional[str]:
    """The last medicine of the rule book's list named in the text (what "is that ..." points back to)."""
    lowered = text.lower()
    found = [
        (m.start(), lowered[m.start() : m.end()])
        for term in _photosensitising_terms()
        for m in re.finditer(rf"(?<![a-z]){re.escape(term)}(?![a-z])", lowered)
    ]
    return max(found)[1] if found else None


# "I take metformin and amlodipine. Does that matter?", "can I use it while taking them?", "my question was
# about the pills": whether the user's medicines matter for the pad, with no one medicine asked about
_MEDICINES_MATTER = re.compile(
    r"\b(?:does|do|would|will|could|can|might)\s+(?:that|this|it|they|these|those|them|any\s+of\s+(?:that|them|"
    r"those))\s+(?:matter|make\s+a\s+difference|count|affect\s+(?:it|anything|things)|interfere|interact|"
    r"be\s+a\s+problem|cause\s+(?:a\s+)?problems?)\b|"
    r"\b(?:is|are)\s+(?:that|this|it|they|these|those)\s+(?:a\s+problem|an\s+issue|ok|okay|safe|fine|a\s+risk)\b|"
    r"\b(?:while|when)\s+(?:i'?m\s+|i\s+am\s+)?(?:taking|on)\s+(?:them|these|those|my\s+(?:pills|meds|medicines?|"
    r"medications?|tablets))\b|"
    r"\bquestion\s+(?:was|is)\s+about\s+(?:the|my)\s+(?:pills|meds|medicines?|medications?|tablets|drugs)\b|"
    r"\b(?:with|and)\s+(?:my|these|those|the)\s+(?:pills|meds|medicines|medications|tablets)\s*\?",
    re.IGNORECASE,
)
_TAKES = re.compile(
    r"\b(?:take|takes|taking|took|prescribed|started)\s+(?:some\s+|the\s+|my\s+|a\s+)?[a-z][\w-]{3,}|"
    # "i'm also on gliclazide and ramipril", not "i'm on holiday"
    r"\b(?:i'?m|i\s+am|im|he'?s|she'?s)\s+(?:also\s+|now\s+|still\s+)?on\s+(?!(?:holiday|vacation|leave|call|"
    r"duty|shift|time|track|board|break|site|the\s+way|my\s+way|a\s+diet|diet|it|that|this)\b)[a-z][\w-]{3,}|"
    + _MEDICINE_WORD.pattern,
    re.IGNORECASE,
)


_CONDITION_NAME = re.compile(
    r"(?:itis|osis|iasis|igo|ema|acea|oma|disease|syndrome|disorder|condition|allergy|lupus|porphyria|diabetes|"
    r"cancer)s?\b", re.IGNORECASE
)


def _names_rule(name: str, rule_id: str) -> bool:
    """Whether the recogniser reads the name as a condition of that rule ("lupus": photosensitivity)."""
    from padsafety.recognition import default_recogniser

    return any(m.rule_id == rule_id for m in default_recogniser().find_mentions(name))


def _names_condition(name: str) -> bool:
    """Whether the name is a condition the recogniser knows, not a medicine ("vitiligo", "my rosacea")."""
    from padsafety.recognition import default_recogniser

    if _MEDICINE_WORD.search(name) or not _CONDITION_NAME.search(name):
        return False  # (the lexicon files medicines under their condition: "metformin" is diabetes)
    mentions = default_recogniser().find_mentions(name)
    return bool(mentions) and all(
        m.rule_id != "photosensitising_medication" and "medicine" not in m.condition for m in mentions
    )


def medicines_answer(text: Optional[str]) -> Optional[str]:
    """The answer to a question about one medicine (``light_sensitivity_answer``), else to whether the
    user's medicines matter at all ("I take metformin and amlodipine. Does that matter?"), else None."""
    answer = light_sensitivity_answer(text)
    if answer or not text:
        return answer
    if _MEDICINES_MATTER.search(text) and _TAKES.search(text):
        return " ".join(_beyond_source_data()["medicine_light_sensitivity"]["general"].split())
    return None


def light_sensitivity_answer(text: Optional[str]) -> Optional[str]:
    """The answer to a question whether a named medicine makes the skin sensitive to light, or None
    when the message asks no such question. A medicine on the rule book's list gets "ask your doctor or
    pharmacist first"; any other gets "my source does not say; ask your pharmacist", never "it is safe"."""
    if not text:
        return None
    match = (
        _ONE_OF.search(text) or _CAUSES.search(text) or _IS_SENSITISING.search(text)
        or _taken_medicine_problem(text) or _DOES_WITH_LIGHT.search(text)
    )
    if not match:
        return None
    name = re.sub(r"^(?:the|taking|using)\s+", "", match.group("name").strip(), flags=re.I)
    if _PRONOUN.match(name):
        name = _named_before(text[: match.start("name")]) or name
    if not name or _NOT_A_MEDICINE.search(name) or len(name.split()) > 5:
        return None
    data = _beyond_source_data()["medicine_light_sensitivity"]
    lowered = name.lower()
    known = any(
        re.search(rf"(?<![a-z]){re.escape(term)}(?![a-z])", lowered) for term in _photosensitising_terms()
    )
    if not known and _names_rule(name, "photosensitivity"):
        return None  # "does lupus make you light sensitive?": the source's own rule answers it
    template = data["known" if known else "condition" if _names_condition(name) else "unknown"]
    return " ".join(template.split()).format(name=_as_said_to_user(name))
