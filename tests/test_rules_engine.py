"""The contraindication rules: data checks and every verdict path."""

import pytest

from padsafety.rules import Answer, Verdict, load_rulebook, normalise_answer

SEED_RULES = ["pregnancy", "skin_infection_or_eczema", "open_wound", "photosensitivity", "implanted_device"]


def all_no(rulebook):
    return {r.id: "no" for r in rulebook.screening_rules}


def test_every_rule_has_a_known_source_and_synonyms(rulebook):
    for rule in rulebook.rules:
        assert rule.source in rulebook.sources, rule.id
        assert rule.reason and rule.conditions, rule.id
        generic = {name for _, name, rule_id in rulebook.patterns if rule_id == rule.id}
        assert all(c.synonyms or c.name in generic for c in rule.conditions), rule.id
        if rule.source == "seed":
            assert rule.quote, f"{rule.id}: a seed rule quotes the seed"


def test_seed_quotes_are_in_the_seed_text(rulebook):
    seed = (rulebook_seed_path()).read_text(encoding="utf-8")
    flat = " ".join(seed.split())
    for rule in rulebook.rules:
        if rule.source == "seed":
            assert rule.quote in flat, f"{rule.id}: quote not found verbatim in the seed"


def rulebook_seed_path():
    """The seed text, committed under docs/ (copied from the project's shared seed)."""
    from pathlib import Path

    return Path(__file__).resolve().parent.parent / "docs" / "red-light-therapy-pads.txt"


def test_guideline_rules_never_forbid_outright(rulebook):
    # additions beyond the seed stay conservative: they send to a doctor, they do not invent a ban
    for rule in rulebook.rules:
        if rule.source != "seed":
            assert rule.verdict is Verdict.ASK_DOCTOR, rule.id
            assert "manual" in rule.reason or "doctor" in rule.reason


def test_seed_avoid_list_is_do_not_use(rulebook):
    for rule_id in SEED_RULES:
        assert rulebook.rule(rule_id).verdict is Verdict.DO_NOT_USE
        assert rulebook.rule(rule_id).question


def test_all_no_finds_no_contraindication(rulebook):
    assessment = rulebook.evaluate(all_no(rulebook))
    assert assessment.verdict is Verdict.NO_CONTRAINDICATION_FOUND
    assert assessment.findings == ()


@pytest.mark.parametrize("rule_id", [r.id for r in load_rulebook().screening_rules])
def test_each_yes_gives_that_rules_verdict(rulebook, rule_id):
    answers = all_no(rulebook)
    answers[rule_id] = "yes"
    assessment = rulebook.evaluate(answers)
    assert assessment.verdict is rulebook.rule(rule_id).verdict
    assert assessment.fired_rule_ids == [rule_id]


@pytest.mark.parametrize("rule_id", [r.id for r in load_rulebook().screening_rules])
@pytest.mark.parametrize("unknown", ["unknown", "I don't know", "not sure", None, "gibberish"])
def test_unknown_or_missing_never_gives_a_green_light(rulebook, rule_id, unknown):
    answers = all_no(rulebook)
    answers[rule_id] = unknown
    assessment = rulebook.evaluate(answers)
    assert assessment.verdict is Verdict.ASK_DOCTOR
    assert assessment.findings[0].answer is Answer.UNKNOWN


def test_most_severe_verdict_wins_and_is_listed_first(rulebook):
    answers = all_no(rulebook)
    answers.update(seizures="yes", pregnancy="yes", open_wound="unknown")
    assessment = rulebook.evaluate(answers)
    assert assessment.verdict is Verdict.DO_NOT_USE
    assert assessment.fired_rule_ids[0] == "pregnancy"
    assert set(assessment.fired_rule_ids) == {"pregnancy", "seizures", "open_wound"}


def test_assess_named_conditions(rulebook):
    assert rulebook.assess_conditions(["lupus"]).verdict is Verdict.DO_NOT_USE
    assert rulebook.assess_conditions(["diabetes"]).verdict is Verdict.ASK_DOCTOR
    both = rulebook.assess_conditions(["diabetes", "hypertension", "porphyria"])
    assert both.verdict is Verdict.DO_NOT_USE
    assert both.fired_rule_ids == ["photosensitivity", "other_condition"]
    assert rulebook.assess_conditions([]).verdict is Verdict.NO_CONTRAINDICATION_FOUND


@pytest.mark.parametrize(
    "text, expected",
    [
        ("Yes", Answer.YES),
        ("yep!", Answer.YES),
        ("/affirm", Answer.YES),
        ("No.", Answer.NO),
        ("nope", Answer.NO),
        ("/deny", Answer.NO),
        ("I don\u2019t know", Answer.UNKNOWN),
        ("not sure", Answer.UNKNOWN),
        ("/dont_know", Answer.UNKNOWN),
        ("purple", None),
        (None, None),
    ],
)
def test_normalise_answer(text, expected):
    assert normalise_answer(text) is expected


def test_load_rejects_a_rule_without_source(tmp_path):
    bad = tmp_path / "rules.yml"
    bad.write_text(
        "version: 1\nsources: {seed: x}\nrules:\n  - {id: r, title: R, verdict: ask_doctor, reason: y,"
        " source: nowhere, conditions: [{name: c, synonyms: [c]}]}\n",
        encoding="utf-8",
    )
    with pytest.raises(ValueError, match="source 'nowhere'"):
        load_rulebook(bad, lexicon=None)


def test_a_red_flag_that_rests_on_a_guideline_names_it_and_what_it_requires(rulebook):
    # user study round 7 (#42): the warning signs of pre-eclampsia count only in pregnancy, as guidance
    flag = next(f for f in rulebook.red_flags if f.id == "pregnancy_warning_signs")
    assert flag.source in rulebook.sources and flag.source.startswith("guideline_")
    assert "not in the seed" in rulebook.sources[flag.source]
    assert flag.requires == frozenset({"pregnancy"})
    assert all(f.requires == frozenset() for f in rulebook.red_flags if f.id != "pregnancy_warning_signs")


@pytest.mark.parametrize(
    "flag, error",
    [
        ("{id: f, title: F, source: nowhere, patterns: [x]}", "source 'nowhere'"),
        ("{id: f, title: F, requires: [unicorns], patterns: [x]}", "requires \\['unicorns'\\]"),
    ],
)
def test_load_rejects_a_red_flag_with_an_unknown_source_or_condition(tmp_path, flag, error):
    bad = tmp_path / "rules.yml"
    bad.write_text(
        "version: 1\nsources: {seed: x}\nrules:\n  - {id: r, title: R, verdict: ask_doctor, reason: y,"
        f" source: seed, conditions: [{{name: c, synonyms: [c]}}]}}\nred_flags:\n  - {flag}\n",
        encoding="utf-8",
    )
    with pytest.raises(ValueError, match=error):
        load_rulebook(bad, lexicon=None)


def test_merged_assessments_keep_the_most_severe_verdict_and_every_rule(rulebook):
    from padsafety.rules import merge_assessments

    check = rulebook.evaluate({**all_no(rulebook), "reduced_sensation": "yes"})
    told = rulebook.assess_conditions(["breastfeeding"])
    merged = merge_assessments(check, told)
    assert merged.verdict is Verdict.ASK_DOCTOR
    assert set(merged.fired_rule_ids) == {"reduced_sensation", "breastfeeding"}
    assert merge_assessments(rulebook.evaluate(all_no(rulebook))).verdict is Verdict.NO_CONTRAINDICATION_FOUND
    worse = merge_assessments(told, rulebook.assess_conditions(["pacemaker"]))
    assert worse.verdict is Verdict.DO_NOT_USE and worse.fired_rule_ids[0] == "implanted_device"
