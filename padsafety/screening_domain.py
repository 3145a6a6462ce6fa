"""The screening part of domain.yml, generated from the rule book (padsafety/knowledge/contraindications.yml).

Every rule with a question is one slot of ``screening_form`` ("yes", "no" or "unknown", filled by the
affirm / deny / dont_know buttons while that question is open), one entry of the form's
``required_slots`` (in the rule book's order) and one ``utter_ask_<slot>`` response that asks it with the
answer buttons. The response shows the ``screening_question`` slot, which the form's validation
(actions/forms.py) sets to the question it asks next ("Question n of N: ...", with what the user mentioned
that it is about): Rasa renders it without a second call to the action server (issue 16). These three
blocks of domain.yml sit between ``# BEGIN generated`` and
``# END generated`` markers and are rewritten by ``make domain`` (scripts/screening_domain.py);
the unit tests fail when domain.yml and the rule book disagree. Adding a rule is a data change plus
that command.
"""

from __future__ import annotations

import re
from typing import Dict, List

from padsafety.rules import RuleBook, default_rulebook

FORM = "screening_form"
# button intent -> the value it stores
ANSWER_INTENTS = (("affirm", '"yes"'), ("deny", '"no"'), ("dont_know", "unknown"))
BLOCKS = ("slots", "required_slots", "responses")
# the slot the asking responses show: the next question's whole text, set by the form's validation
QUESTION_SLOT = "screening_question"
ANSWER_BUTTONS = (("Yes", "/affirm"), ("No", "/deny"), ("I don't know", "/dont_know"), ("Stop", "/stop"))
_MARKER = "generated from padsafety/knowledge/contraindications.yml by `make domain`; do not edit"


def screening_slot(rule_id: str) -> str:
    """The form slot that holds the answer to a screening rule's question."""
    return f"screen_{rule_id}"


def _slot_lines(rulebook: RuleBook) -> List[str]:
    lines = [
        f"  {QUESTION_SLOT}:", "    type: text", "    influence_conversation: false",
        "    mappings:", "      - type: custom",
    ]
    for rule in rulebook.screening_rules:
        slot = screening_slot(rule.id)
        lines += [f"  {slot}:", "    type: text", "    influence_conversation: false", "    mappings:"]
        for intent, value in ANSWER_INTENTS:
            lines.append(
                f"      - {{type: from_intent, intent: {intent}, value: {value}, "
                f"conditions: [{{active_loop: {FORM}, requested_slot: {slot}}}]}}"
            )
    return lines


def _response_lines(slot: str) -> List[str]:
    lines = [f"  utter_ask_{slot}:", f'    - text: "{{{QUESTION_SLOT}}}"', "      buttons:"]
    lines += [f'        - {{title: "{title}", payload: {payload}}}' for title, payload in ANSWER_BUTTONS]
    return lines


def generated_blocks(rulebook: RuleBook | None = None) -> Dict[str, List[str]]:
    """The lines of each generated block (without its markers), keyed by block name."""
    rulebook = rulebook or default_rulebook()
    slots = [screening_slot(rule.id) for rule in rulebook.screening_rules]
    return {
        "slots": _slot_lines(rulebook),
        "required_slots": [f"      - {slot}" for slot in slots],
        "responses": [line for slot in slots for line in _response_lines(slot)],
    }


def _block_pattern(name: str) -> re.Pattern[str]:
    return re.compile(
        rf"^(?P<indent> *)# BEGIN generated {re.escape(name)}:[^\n]*\n"
        rf"(?P<body>.*?)^ *# END generated {re.escape(name)}\n",
        re.MULTILINE | re.DOTALL,
    )


def render(domain_text: str, rulebook: RuleBook | None = None) -> str:
    """domain.yml's text with each generated block rewritten from the rule book.

    Raises ValueError when a block's markers are missing (they say where each block goes).
    """
    blocks = generated_blocks(rulebook)
    for name in BLOCKS:
        pattern = _block_pattern(name)
        match = pattern.search(domain_text)
        if match is None:
            raise ValueError(
                f"domain.yml has no '# BEGIN generated {name}: ...' / '# END generated {name}' markers"
            )
        indent = match.group("indent")
        replacement = "\n".join(
            [f"{indent}# BEGIN generated {name}: {_MARKER}", *blocks[name], f"{indent}# END generated {name}"]
        ) + "\n"
        domain_text = domain_text[: match.start()] + replacement + domain_text[match.end() :]
    return domain_text
