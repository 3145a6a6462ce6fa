"""The deterministic condition and red-flag detector."""

import pytest

from actions.conditions import condition_names, within_distance

MENTIONS = [
    ("I have diabetes", "diabetes"),
    ("im diabetic", "diabetes"),
    ("my blood pressure is high, hypertension actually", "hypertension"),
    ("I have high blood pressure", "hypertension"),
    ("heart disease runs in my family and I have it", "heart disease"),
    ("osteoarthritis in both knees", "arthritis"),
    ("my rheumatoid arthritis flares in winter", "arthritis"),
    ("varicose veins on my calves", "varicose veins"),
    ("I fractured my wrist last month", "fracture"),
    ("they found a tumour", "cancer or tumour"),
    ("I had breast cancer", "cancer or tumour"),
    ("I have an infection in my toe", "infection"),
    ("eczema on my hands", "eczema"),
    ("btw I have lupus", "lupus"),
    ("I was diagnosed with SLE", "lupus"),
    ("I have porphyria", "porphyria"),
    ("I'm pregnant", "pregnancy"),
    ("I have a pacemaker", "pacemaker"),
    ("I wear an ICD", "implanted defibrillator"),
    ("I use an insulin pump", "insulin pump"),
    ("I'm epileptic", "epilepsy"),
    ("I take doxycycline", "photosensitising medication"),
    ("I have an open wound on my leg", "open wound"),
]

TYPOS = [
    ("i have diabetis", "diabetes"),
    ("I'm pregant", "pregnancy"),
    ("btw i have lupsu", "lupus"),
    ("I have a pacemker", "pacemaker"),
    ("hypertention", "hypertension"),
    ("I have excema", "eczema"),
    ("arthritus in my hip", "arthritis"),
    ("porfiria", "porphyria"),
    ("varicos veins", "varicose veins"),
    ("I HAVE A TUMER", "cancer or tumour"),
    ("epilepsey", "epilepsy"),
]

NOT_CONDITIONS = [
    "I want to cancel",
    "would it help?",
    "fewer sessions please",
    "how long does a session take",
    "does it reduce wrinkles",
    "hello there",
    "what is the wavelength",
    "never mind",
    "I hurt myself at the gym, will it help the soreness?",
]


@pytest.mark.parametrize("text, condition", MENTIONS + TYPOS)
def test_condition_is_found(text, condition):
    assert condition in condition_names(text)


@pytest.mark.parametrize("text", NOT_CONDITIONS)
def test_ordinary_words_are_not_conditions(text):
    assert condition_names(text) == []


def test_longest_phrase_wins_and_spans_point_at_the_text(detector):
    text = "My Rheumatoid Arthritis and an infected wound"
    matches = detector.find_conditions(text)
    assert [m.condition for m in matches] == ["arthritis", "open wound"]
    assert [m.text for m in matches] == ["Rheumatoid Arthritis", "infected wound"]


def test_every_synonym_is_detected(rulebook):
    for condition in rulebook.conditions:
        for synonym in condition.synonyms:
            assert condition.name in condition_names(f"well, {synonym}!"), synonym


@pytest.mark.parametrize(
    "text, flag",
    [
        ("I have chest pain right now", "chest_pain"),
        ("I think I'm having a heart attack", "chest_pain"),
        ("I can't breathe", "breathing"),
        ("her face is drooping and her speech is slurred", "stroke_signs"),
        ("sudden weakness on one side", "stroke_signs"),
        ("the pad burned my skin", "burn_or_blistering"),
        ("my skin is blistering after the session", "burn_or_blistering"),
        ("I want to kill myself", "self_harm"),
        ("i dont want to live anymore", "self_harm"),
        ("my dad just fainted", "collapse"),
    ],
)
def test_red_flags(detector, text, flag):
    assert flag in [m.red_flag for m in detector.find_red_flags(text)]


@pytest.mark.parametrize(
    "text",
    ["I had a stroke ten years ago", "does it help with blisters from shoes", "can I use it on my chest"],
)
def test_history_or_questions_are_not_red_flags(detector, text):
    assert detector.find_red_flags(text) == []


@pytest.mark.parametrize(
    "a, b, limit, expected",
    [("lupus", "lupsu", 1, True), ("cancer", "cancel", 1, True), ("abc", "abd", 0, False),
     ("diabetes", "diabetis", 1, True), ("pregnant", "tangent", 1, False)],
)
def test_within_distance(a, b, limit, expected):
    assert within_distance(a, b, limit) is expected
