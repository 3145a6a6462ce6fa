"""Input checks: the REST channel's request parsing and the language guard."""

import json

import pytest

from components.language_guard import looks_english
from connectors.rest import parse_request

SENDER = "0123456789abcdef"


@pytest.mark.parametrize(
    "body, error, reason",
    [
        (b"{not json", ValueError, "must be JSON"),
        (b"\xff\xfe", ValueError, "must be JSON"),
        (b"[]", ValueError, "must be an object"),
        (json.dumps({"sender": "", "message": "hi"}).encode(), ValueError, '"sender"'),
        (json.dumps({"sender": "x" * 129, "message": "hi"}).encode(), ValueError, '"sender"'),
        # a short sender is guessable, and the sender is the key to a conversation
        (json.dumps({"sender": "me", "message": "hi"}).encode(), ValueError, '"sender"'),
        (json.dumps({"sender": "x" * 15, "message": "hi"}).encode(), ValueError, '"sender"'),
        # with a valid sender, so that the message check is the one that fires
        (json.dumps({"sender": SENDER, "message": 1}).encode(), ValueError, '"message" must be a str'),
        (json.dumps({"sender": SENDER, "message": None}).encode(), ValueError, '"message"'),
        (json.dumps({"sender": SENDER, "message": "a" * 300}).encode(), OverflowError, "over 250"),
    ],
)
def test_bad_requests_are_refused(body, error, reason):
    with pytest.raises(error, match=reason):
        parse_request(body, max_body=250)


def test_control_characters_are_stripped():
    sender = "0123456789abcdef"
    body = json.dumps({"sender": f" {sender} ", "message": "hi\x00\x1b there\n"}).encode()
    data = parse_request(body, 1000)
    assert data == {"sender": sender, "message": "hi there"}


@pytest.mark.parametrize(
    "text, english",
    [
        ("Est-ce que la lumière rouge aide à maigrir rapidement?", False),
        ("Hilft Rotlicht gegen chronische Rückenschmerzen?", False),
        ("هل يساعد العلاج بالضوء الأحمر؟", False),
        ("cn it hlp my bak", True),
        ("will it ease sore muscles after sitting all day", True),
        ("hola", True),  # too short to judge: the classifier and fallback decide
    ],
)
def test_looks_english(text, english):
    assert looks_english(text) is english
