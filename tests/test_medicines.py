"""Questions about one medicine and light (padsafety.medicines): never a contraindication the rules do
not give, never "it is safe"."""

import pytest

from padsafety.medicines import light_sensitivity_answer


@pytest.mark.parametrize(
    "text, name",
    [
        ("Does metformin make skin sensitive to light?", "metformin"),
        ("do my blood pressure pills make me more sensitive to light?", "your blood pressure pills"),
        ("can ibuprofen cause sun sensitivity", "ibuprofen"),
        ("I take metformin. Is the metformin a problem with the light?", "metformin"),
        ("are my heart pills ok with the light?", "your heart pills"),
    ],
)
def test_a_medicine_the_rules_do_not_list_gets_ask_your_pharmacist(text, name):
    answer = light_sensitivity_answer(text)
    assert answer is not None
    assert f"whether {name} can make the skin sensitive" in answer
    assert "pharmacist" in answer and "manual" in answer
    assert "safe" not in answer.lower()


@pytest.mark.parametrize(
    "text",
    [
        "can doxycycline cause sun sensitivity?",
        "is accutane photosensitising?",
        "does St John's wort make you burn more easily?",
    ],
)
def test_a_listed_photosensitising_medicine_is_named_as_one(text):
    answer = light_sensitivity_answer(text)
    assert answer is not None and "known to make the skin more sensitive to light" in answer


@pytest.mark.parametrize(
    "text",
    [
        "I am sensitive to light",
        "does it help sensitive skin?",
        "does the pad make my skin sensitive to light?",
        "does red light make you photosensitive",
        "will this make me sensitive to light",
        "is my skin ok under the pad?",
        "is my eczema ok with the light?",
        "is lisinopril safe with red light",  # not said to be a medicine he takes: the rules answer it
    ],
)
def test_no_medicine_question_no_answer(text):
    assert light_sensitivity_answer(text) is None


@pytest.mark.parametrize(
    "text, name, known",
    [
        # user study round 7 (#31): "that" is the medicine named before it
        ("im on methotrexate, is that one of the meds that make you light sensitive?", "methotrexate", True),
        ("is methotrexate one of the meds that make you light sensitive?", "methotrexate", True),
        ("i take doxycycline, does it make you sensitive to the sun?", "doxycycline", True),
        ("is ibuprofen one of the drugs that cause sun sensitivity?", "ibuprofen", False),
    ],
)
def test_is_it_one_of_the_light_sensitising_medicines(text, name, known):
    answer = light_sensitivity_answer(text)
    assert answer is not None and name in answer
    assert ("is one of the medicines known" in answer) is known
    assert "pharmacist" in answer and "safe" not in answer


def test_a_pronoun_with_no_medicine_before_it_is_not_answered():
    assert light_sensitivity_answer("does it make you light sensitive?") is None
    assert light_sensitivity_answer("im on holiday, does it make you light sensitive?") is None
