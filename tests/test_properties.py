"""Property-based tests: arbitrary text never breaks the recogniser, the answer reader or the rules
engine, and a known (unambiguous) condition embedded anywhere in arbitrary text is still found."""

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from padsafety.answers import parse_answer
from padsafety.recognition import default_recogniser
from padsafety.rules import default_rulebook, normalise_answer

RULEBOOK = default_rulebook()
CONDITIONS = [
    (c.name, s) for c in RULEBOOK.conditions for s in c.synonyms if s not in RULEBOOK.ambiguous_terms
]
SCREENING_IDS = [r.id for r in RULEBOOK.screening_rules]
# filler that cannot glue onto a synonym: separated by spaces or punctuation from it
SEPARATORS = st.sampled_from([" ", ", ", ". ", "! ", " (", ") ", "\n", " - ", "? "])


# no deadline: a cold first call may be slow; speed is measured by the benchmark, never by a test
@settings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.text(max_size=400))
def test_arbitrary_text_never_raises(text):
    recogniser = default_recogniser()
    result = recogniser.recognise(text)
    for mention in result.mentions:
        assert 0 <= mention.start < mention.end <= len(text)
    assert result.decision is not None
    normalise_answer(text)
    parse_answer(text)


# no deadline: a cold first call may be slow; speed is measured by the benchmark, never by a test
@settings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(
    before=st.text(max_size=80),
    after=st.text(max_size=80),
    pick=st.sampled_from(CONDITIONS),
    left=SEPARATORS,
    right=SEPARATORS,
    upper=st.booleans(),
)
def test_a_condition_anywhere_is_found(before, after, pick, left, right, upper):
    name, synonym = pick
    word = synonym.upper() if upper else synonym
    text = f"{before}{left}{word}{right}{after}"
    start = len(before) + len(left)
    # found, whatever its context (denied, someone else's...), unless an idiom covers it
    mentions = default_recogniser().find_mentions(text)
    covering = [m for m in mentions if m.start < start + len(word) and start < m.end]
    assert covering or _inside_idiom(text, start, start + len(word)), (text, name)


def _inside_idiom(text, start, end):
    from padsafety.recognition import normalise

    norm = normalise(text)
    recogniser = default_recogniser()
    return any(s < end and start < e for s, e in recogniser._idiom_spans(norm))


@given(st.dictionaries(st.sampled_from(SCREENING_IDS), st.one_of(st.none(), st.text(max_size=20))))
def test_any_answers_give_a_verdict_and_never_green_unless_all_no(answers):
    assessment = RULEBOOK.evaluate(answers)
    all_no = all(
        normalise_answer(answers.get(rule_id)) is not None
        and normalise_answer(answers.get(rule_id)).value == "no"
        for rule_id in SCREENING_IDS
    )
    assert (assessment.verdict.value == "no_contraindication_found") == all_no
