"""Contraindication rules: data in ``knowledge/contraindications.yml``, evaluated here.

Pure Python on purpose (no Rasa imports): the rules can be unit-tested, and the Rasa NLU component,
the dialogue policy and the action server all read the same rule book.
"""

from __future__ import annotations

import functools
import re
from dataclasses import dataclass, field
from enum import Enum
from pathlib import Path
from typing import Dict, FrozenSet, Iterable, List, Mapping, Optional, Set, Tuple

import yaml

RULES_FILE = Path(__file__).parent / "knowledge" / "contraindications.yml"
# lay words, brands and abbreviations for the rules' conditions (recognition vocabulary)
LEXICON_FILE = Path(__file__).parent / "knowledge" / "lexicon.yml"


class Verdict(str, Enum):
    """Screening outcomes, most severe first in ``SEVERITY``."""

    DO_NOT_USE = "do_not_use"
    ASK_DOCTOR = "ask_doctor"
    NO_CONTRAINDICATION_FOUND = "no_contraindication_found"


SEVERITY = {Verdict.DO_NOT_USE: 2, Verdict.ASK_DOCTOR: 1, Verdict.NO_CONTRAINDICATION_FOUND: 0}


class Answer(str, Enum):
    """A normalised answer to one screening question."""

    YES = "yes"
    NO = "no"
    UNKNOWN = "unknown"


@dataclass(frozen=True)
class Condition:
    """A condition a user can name, with the words that name it."""

    name: str
    rule_id: str
    synonyms: Tuple[str, ...]
    # the guideline its lexicon entries rest on, when that is not its rule's source ("blood thinners":
    # guideline_bleeding under the seed's "another condition"): its text is part of the reason
    guideline: Optional[str] = None


@dataclass(frozen=True)
class Rule:
    """One contraindication: the question that screens for it and what a "yes" means."""

    id: str
    title: str
    verdict: Verdict
    reason: str
    source: str
    question: Optional[str] = None
    quote: Optional[str] = None
    conditions: Tuple[Condition, ...] = ()
    # the reason, said when the user asks "why?" after the verdict (the seed's own reason for a seed
    # rule); a guideline rule without one gives its guideline's text (padsafety.conversation.rule_why)
    why: Optional[str] = None


@dataclass(frozen=True)
class RedFlag:
    """An emergency description, recognised by regular expressions."""

    id: str
    title: str
    patterns: Tuple[re.Pattern, ...]
    # the guideline it rests on, when it is not plain emergency advice (contraindications.yml `sources`)
    source: Optional[str] = None
    # conditions one of which must be someone's now for it to count ("pregnancy": the warning signs of
    # pre-eclampsia), named in the same message or earlier in the conversation (padsafety.recognition)
    requires: FrozenSet[str] = frozenset()


@dataclass(frozen=True)
class Finding:
    """Why one rule contributed to a verdict."""

    rule: Rule
    verdict: Verdict
    answer: Answer
    conditions: Tuple[str, ...] = ()  # the conditions named for it, when it came from them (not the check)


@dataclass(frozen=True)
class Assessment:
    """The overall verdict and the findings behind it (most severe first)."""

    verdict: Verdict
    findings: Tuple[Finding, ...] = field(default_factory=tuple)

    @property
    def fired_rule_ids(self) -> List[str]:
        """Ids of the rules that contributed, in order of severity."""
        return [f.rule.id for f in self.findings]


@dataclass(frozen=True)
class RuleBook:
    """All rules, red flags and sources, as loaded from the YAML file."""

    version: str
    rules: Tuple[Rule, ...]
    red_flags: Tuple[RedFlag, ...]
    sources: Mapping[str, str]
    # terms with a common non-medical sense: counted only beside a health cue (padsafety.recognition)
    ambiguous_terms: FrozenSet[str] = frozenset()
    # generic forms: (regular expression, condition name, rule id), from the lexicon
    patterns: Tuple[Tuple[re.Pattern, str, str], ...] = ()

    @property
    def screening_rules(self) -> List[Rule]:
        """Rules the screening form asks about, in the order it asks."""
        return [r for r in self.rules if r.question]

    @property
    def conditions(self) -> List[Condition]:
        """Every named condition across all rules."""
        return [c for r in self.rules for c in r.conditions]

    def rule(self, rule_id: str) -> Rule:
        """The rule with this id (KeyError if there is none)."""
        for r in self.rules:
            if r.id == rule_id:
                return r
        raise KeyError(rule_id)

    def condition(self, name: str) -> Condition:
        """The condition with this canonical name (KeyError if there is none)."""
        for c in self.conditions:
            if c.name == name:
                return c
        raise KeyError(name)

    def evaluate(self, answers: Mapping[str, Optional[str]]) -> Assessment:
        """Verdict for screening answers keyed by rule id.

        A "yes" gives the rule's verdict; "unknown" or a missing answer gives at least
        ``ask_doctor`` (never a green light); only "no" to every question gives
        ``no_contraindication_found``.
        """
        findings = []
        for rule in self.screening_rules:
            answer = normalise_answer(answers.get(rule.id)) or Answer.UNKNOWN
            if answer is Answer.YES:
                findings.append(Finding(rule, rule.verdict, answer))
            elif answer is Answer.UNKNOWN:
                findings.append(Finding(rule, Verdict.ASK_DOCTOR, answer))
        return _combine(findings)

    def assess_conditions(self, condition_names: Iterable[str]) -> Assessment:
        """Verdict for conditions a user said they have (canonical names)."""
        named: Dict[str, List[str]] = {}
        for name in condition_names:
            names = named.setdefault(self.condition(name).rule_id, [])
            if name not in names:
                names.append(name)
        findings = [
            Finding(self.rule(rule_id), self.rule(rule_id).verdict, Answer.YES, tuple(names))
            for rule_id, names in named.items()
        ]
        return _combine(findings)


def merge_assessments(*assessments: Assessment) -> Assessment:
    """One assessment from several (the safety check's answers and conditions told before the check): the
    most severe verdict, each rule once."""
    findings: List[Finding] = []
    for assessment in assessments:
        findings += [f for f in assessment.findings if f.rule.id not in {g.rule.id for g in findings}]
    return _combine(findings)


def _combine(findings: List[Finding]) -> Assessment:
    findings.sort(key=lambda f: -SEVERITY[f.verdict])
    verdict = findings[0].verdict if findings else Verdict.NO_CONTRAINDICATION_FOUND
    return Assessment(verdict, tuple(findings))


_YES = {"yes", "y", "yeah", "yep", "yup", "true", "affirm", "/affirm", "i am", "i do", "correct"}
_NO = {"no", "n", "nope", "nah", "false", "deny", "/deny", "none", "i'm not", "i am not", "i don't"}
_UNKNOWN = {
    "unknown", "dont_know", "/dont_know", "don't know", "dont know", "i don't know", "i dont know",
    "not sure", "unsure", "maybe", "no idea", "?",
}


def normalise_answer(value: Optional[str]) -> Optional[Answer]:
    """Map a slot value or short reply to an ``Answer``; None when it is not an answer."""
    if value is None:
        return None
    text = " ".join(str(value).lower().replace("\u2019", "'").split()).strip(" .!")
    if text in _YES:
        return Answer.YES
    if text in _NO:
        return Answer.NO
    if text in _UNKNOWN:
        return Answer.UNKNOWN
    return None


def _lexicon_terms(
    path: Optional[Path],
) -> Tuple[Dict[Tuple[str, str], List[str]], FrozenSet[str], List[Tuple[re.Pattern, str, str]], List[str]]:
    """From the lexicon file: (rule id, condition name) -> extra terms, the ambiguous terms, the generic
    patterns as (regex, condition, rule id), and every source named."""
    if path is None or not path.exists():
        return {}, frozenset(), [], []
    data = yaml.safe_load(path.read_text(encoding="utf-8")) or {}
    terms: Dict[Tuple[str, str], List[str]] = {}
    ambiguous: Set[str] = set()
    sources = []
    for entry in data.get("conditions") or []:
        key = (entry["rule"], entry["name"])
        terms.setdefault(key, []).extend(str(t).lower() for t in entry.get("terms") or [])
        ambiguous.update(str(t).lower() for t in entry.get("ambiguous") or [])
        sources.append(entry.get("source"))
    patterns = []
    ambiguous_patterns: set = set()
    for entry in data.get("patterns") or []:
        patterns.append((re.compile(entry["regex"]), entry["condition"], entry["rule"]))
        if entry.get("ambiguous"):
            ambiguous_patterns.add(entry["regex"])
        terms.setdefault((entry["rule"], entry["condition"]), [])
        sources.append(entry.get("source"))
    return terms, frozenset(ambiguous | ambiguous_patterns), patterns, sources


def load_rulebook(path: Path = RULES_FILE, lexicon: Optional[Path] = LEXICON_FILE) -> RuleBook:
    """Read and check the rule file (and the lexicon); raises ValueError naming the first problem."""
    with open(path, encoding="utf-8") as handle:
        data = yaml.safe_load(handle)
    sources: Dict[str, str] = data.get("sources") or {}
    extra, ambiguous, patterns, lexicon_sources = _lexicon_terms(lexicon)
    rule_ids = {raw["id"] for raw in data["rules"]}
    unknown = sorted({rule for rule, _ in extra} - rule_ids)
    if unknown:
        raise ValueError(f"lexicon: unknown rule ids {unknown}")
    unsourced = sorted({str(s) for s in lexicon_sources if s not in sources})
    if unsourced:
        raise ValueError(f"lexicon: sources {unsourced} are not under `sources` in {path.name}")
    rules = []
    for raw in data["rules"]:
        rule_id = raw["id"]
        if raw.get("source") not in sources:
            raise ValueError(f"rule {rule_id!r}: source {raw.get('source')!r} is not under `sources`")
        named = [(c["name"], [s.lower() for s in c["synonyms"]]) for c in raw.get("conditions") or []]
        if not named or any(not synonyms for _, synonyms in named):
            raise ValueError(f"rule {rule_id!r}: every rule needs conditions with synonyms")
        for (rule, name), words in extra.items():
            if rule != rule_id:
                continue
            for known_name, synonyms in named:
                if known_name == name:
                    synonyms.extend(w for w in words if w not in synonyms)
                    break
            else:
                named.append((name, list(dict.fromkeys(words))))
        conditions = tuple(
            Condition(name, rule_id, tuple(synonyms), _own_guideline(lexicon, rule_id, name, raw["source"]))
            for name, synonyms in named
        )
        rules.append(
            Rule(
                id=rule_id,
                title=raw["title"],
                verdict=Verdict(raw["verdict"]),
                reason=" ".join(raw["reason"].split()),
                source=raw["source"],
                question=" ".join(raw["question"].split()) if raw.get("question") else None,
                quote=" ".join(raw["quote"].split()) if raw.get("quote") else None,
                conditions=conditions,
                why=" ".join(raw["why"].split()) if raw.get("why") else None,
            )
        )
    red_flags = tuple(
        RedFlag(
            f["id"], f["title"], tuple(re.compile(p) for p in f["patterns"]), f.get("source"),
            frozenset(f.get("requires") or ()),
        )
        for f in data.get("red_flags") or []
    )
    names = {c.name for r in rules for c in r.conditions}
    for flag in red_flags:
        if flag.source is not None and flag.source not in sources:
            raise ValueError(f"red flag {flag.id!r}: source {flag.source!r} is not under `sources`")
        if not flag.requires <= names:
            missing = sorted(flag.requires - names)
            raise ValueError(f"red flag {flag.id!r}: requires {missing}, no such condition")
    return RuleBook(str(data["version"]), tuple(rules), red_flags, sources, ambiguous, tuple(patterns))


def _own_guideline(lexicon: Optional[Path], rule_id: str, name: str, rule_source: str) -> Optional[str]:
    """The one source the lexicon gives a condition when it is not its rule's ("blood thinners")."""
    if lexicon is None or not lexicon.exists():
        return None
    data = _lexicon_data(lexicon)
    found = {
        entry.get("source")
        for key in ("conditions", "patterns")
        for entry in data.get(key) or []
        if entry.get("rule") == rule_id and (entry.get("name") or entry.get("condition")) == name
    }
    return found.pop() if len(found) == 1 and rule_source not in found else None


@functools.lru_cache(maxsize=4)
def _lexicon_data(path: Path) -> Dict:
    return yaml.safe_load(path.read_text(encoding="utf-8")) or {}


@functools.lru_cache(maxsize=None)
def default_rulebook() -> RuleBook:
    """The project's rule book, loaded once per process."""
    return load_rulebook()
