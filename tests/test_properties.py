"""Property-based tests: arbitrary text never breaks the detector or the rules engine, and a known
condition embedded anywhere in arbitrary text is still found."""

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from actions.conditions import condition_names, default_detector
from actions.rules_engine import default_rulebook, normalise_answer

RULEBOOK = default_rulebook()
CONDITIONS = [(c.name, s) for c in RULEBOOK.conditions for s in c.synonyms]
SCREENING_IDS = [r.id for r in RULEBOOK.screening_rules]
# filler that cannot glue onto a synonym: separated by spaces or punctuation from it
SEPARATORS = st.sampled_from([" ", ", ", ". ", "! ", " (", ") ", "\n", " - ", "? "])


@settings(max_examples=300, suppress_health_check=[HealthCheck.too_slow])
@given(st.text(max_size=400))
def test_arbitrary_text_never_raises(text):
    detector = default_detector()
    for match in detector.find_conditions(text):
        assert 0 <= match.start < match.end <= len(text)
    detector.find_red_flags(text)
    normalise_answer(text)


@settings(max_examples=300, suppress_health_check=[HealthCheck.too_slow])
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
    assert name in condition_names(f"{before}{left}{word}{right}{after}")


@given(st.dictionaries(st.sampled_from(SCREENING_IDS), st.one_of(st.none(), st.text(max_size=20))))
def test_any_answers_give_a_verdict_and_never_green_unless_all_no(answers):
    assessment = RULEBOOK.evaluate(answers)
    all_no = all(
        normalise_answer(answers.get(rule_id)) is not None
        and normalise_answer(answers.get(rule_id)).value == "no"
        for rule_id in SCREENING_IDS
    )
    assert (assessment.verdict.value == "no_contraindication_found") == all_no
