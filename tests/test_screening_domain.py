"""The screening form in domain.yml is generated from the rule book, and stays in line with it."""

from pathlib import Path

import pytest
import yaml

from padsafety.rules import RULES_FILE, load_rulebook
from padsafety.screening_domain import render, screening_slot

DOMAIN_FILE = Path(__file__).resolve().parent.parent / "domain.yml"


def test_domain_yml_is_up_to_date_with_the_rule_book():
    text = DOMAIN_FILE.read_text(encoding="utf-8")
    assert render(text) == text, "domain.yml is stale: run `make domain`"


def test_a_new_rule_becomes_a_slot_a_required_slot_and_an_asking_action(tmp_path):
    rules = yaml.safe_load(RULES_FILE.read_text(encoding="utf-8"))
    rules["rules"].append({
        "id": "test_rule", "title": "Test rule", "question": "Is this a test?", "verdict": "ask_doctor",
        "reason": "a test", "source": "seed", "quote": "a test",
        "conditions": [{"name": "test condition", "synonyms": ["testitis"]}],
    })
    path = tmp_path / "rules.yml"
    path.write_text(yaml.safe_dump(rules), encoding="utf-8")
    rulebook = load_rulebook(path)

    domain = yaml.safe_load(render(DOMAIN_FILE.read_text(encoding="utf-8"), rulebook))

    slot = screening_slot("test_rule")
    mappings = domain["slots"][slot]["mappings"]
    answers = [(m["intent"], m["value"]) for m in mappings]
    assert answers == [("affirm", "yes"), ("deny", "no"), ("dont_know", "unknown")]
    asked = [{"active_loop": "screening_form", "requested_slot": slot}]
    assert all(m["conditions"] == asked for m in mappings)
    assert domain["forms"]["screening_form"]["required_slots"][-1] == slot
    (asking,) = domain["responses"][f"utter_ask_{slot}"]
    assert asking["text"] == "{screening_question}" and len(asking["buttons"]) == 4
    # what was not generated is kept
    assert "known_verdict" in domain["slots"] and "action_forget_me" in domain["actions"]
    assert "utter_disclaimer" in domain["responses"]


def test_missing_markers_are_named():
    with pytest.raises(ValueError, match="generated slots"):
        render("slots:\n  a: {}\n")
