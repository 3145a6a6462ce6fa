"""Deterministic detection of medical conditions and red flags in free text.

This is the safety layer that must not depend on a classifier's confidence: a word list (the rule
book's synonyms) matched token by token, tolerant of small typos, plus regular expressions for red
flags. The Rasa NLU component, the dialogue policy and the form validator all call it.
"""

from __future__ import annotations

import functools
import re
from dataclasses import dataclass
from pathlib import Path
from typing import Dict, FrozenSet, List, Optional, Sequence, Tuple

from actions.rules_engine import RuleBook, default_rulebook

CONFUSABLES_FILE = Path(__file__).parent / "knowledge" / "confusable_words.txt"

_TOKEN = re.compile(r"[a-z0-9]+(?:'[a-z]+)?")


@dataclass(frozen=True)
class ConditionMatch:
    """A condition found in a text, with the character span that named it."""

    condition: str
    rule_id: str
    start: int
    end: int
    text: str


@dataclass(frozen=True)
class RedFlagMatch:
    """An emergency description found in a text."""

    red_flag: str
    title: str
    start: int
    end: int


def normalise(text: str) -> str:
    """Lower-case and unify apostrophes, keeping every character's position."""
    return text.lower().replace("\u2019", "'").replace("\u2018", "'")


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
        if min(cur) > limit and (not prev2 or min(prev) > limit):
            return False
        prev2, prev = prev, cur
    return prev[-1] <= limit


class ConditionDetector:
    """Finds conditions (from the rule book's synonyms) and red flags in text."""

    def __init__(self, rulebook: RuleBook, confusables: FrozenSet[str] = frozenset()) -> None:
        self.rulebook = rulebook
        self._confusables = confusables
        # phrase (as a token tuple) -> (condition name, rule id); longest phrases are tried first
        self._phrases: Dict[Tuple[str, ...], Tuple[str, str]] = {}
        for condition in rulebook.conditions:
            for synonym in condition.synonyms:
                tokens = tuple(_TOKEN.findall(normalise(synonym)))
                if tokens:
                    self._phrases.setdefault(tokens, (condition.name, condition.rule_id))
        self._by_first: Dict[str, List[Tuple[str, ...]]] = {}
        for phrase in sorted(self._phrases, key=len, reverse=True):
            self._by_first.setdefault(phrase[0], []).append(phrase)
        self._vocabulary = {word for phrase in self._phrases for word in phrase}
        self._typo_cache: Dict[str, Optional[str]] = {}

    def _canonical(self, token: str) -> Optional[str]:
        """The lexicon word this token spells (exactly or with a small typo), else None."""
        if token in self._vocabulary:
            return token
        if token in self._confusables or max_typos(token) == 0 or token.isdigit():
            return None
        if token not in self._typo_cache:
            if len(self._typo_cache) > 65536:  # bounded: arbitrary input must not grow memory forever
                self._typo_cache.clear()
            self._typo_cache[token] = self._closest_word(token)
        return self._typo_cache[token]

    def _closest_word(self, token: str) -> Optional[str]:
        best = None
        for word in self._vocabulary:
            limit = min(max_typos(word), max_typos(token))
            if limit and within_distance(token, word, limit):
                if best is None or abs(len(word) - len(token)) < abs(len(best) - len(token)):
                    best = word
        return best

    def find_conditions(self, text: Optional[str]) -> List[ConditionMatch]:
        """Every condition named in the text, longest phrase first where they overlap."""
        if not text:
            return []
        norm = normalise(text)
        spans = [(m.group(), m.start(), m.end()) for m in _TOKEN.finditer(norm)]
        words = [self._canonical(token) for token, _, _ in spans]
        matches: List[ConditionMatch] = []
        i = 0
        while i < len(spans):
            found = self._match_at(words, i)
            if found:
                phrase = found
                name, rule_id = self._phrases[phrase]
                start, end = spans[i][1], spans[i + len(phrase) - 1][2]
                matches.append(ConditionMatch(name, rule_id, start, end, text[start:end]))
                i += len(phrase)
            else:
                i += 1
        return matches

    def _match_at(self, words: Sequence[Optional[str]], i: int) -> Optional[Tuple[str, ...]]:
        first = words[i]
        if first is None:
            return None
        for phrase in self._by_first.get(first, []):
            if tuple(words[i : i + len(phrase)]) == phrase:
                return phrase
        return None

    def find_red_flags(self, text: Optional[str]) -> List[RedFlagMatch]:
        """Every red flag described in the text (one match per red flag)."""
        if not text:
            return []
        norm = " ".join(normalise(text).split())
        found = []
        for flag in self.rulebook.red_flags:
            for pattern in flag.patterns:
                match = pattern.search(norm)
                if match:
                    found.append(RedFlagMatch(flag.id, flag.title, match.start(), match.end()))
                    break
        return found


def load_confusables(path: Path = CONFUSABLES_FILE) -> FrozenSet[str]:
    """Ordinary words that look like a typo of a condition word (never fuzzy-matched)."""
    if not path.exists():
        return frozenset()
    with open(path, encoding="utf-8") as handle:
        return frozenset(line.strip() for line in handle if line.strip() and not line.startswith("#"))


@functools.lru_cache(maxsize=None)
def default_detector() -> ConditionDetector:
    """The detector over the project's rule book, built once per process."""
    return ConditionDetector(default_rulebook(), load_confusables())


def condition_names(text: Optional[str]) -> List[str]:
    """Distinct canonical names of the conditions in a text, in order of appearance."""
    names: List[str] = []
    for match in default_detector().find_conditions(text):
        if match.condition not in names:
            names.append(match.condition)
    return names
