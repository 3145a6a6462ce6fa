"""Bad input on the REST channel: a clear 4xx or a polite reply, never a 500, and the next message works."""

import json
import uuid

import pytest
import requests

GOOD = {"message": "what can it do?"}


def url(servers):
    return f"http://127.0.0.1:{servers.rasa_port}/webhooks/rest/webhook"


def still_works(servers):
    assert "muscle and joint" in servers.say(f"ok-{uuid.uuid4()}", "/ask_benefits")


@pytest.mark.parametrize(
    "body",
    [
        b"{not json",
        b"[]",
        b'"just a string"',
        json.dumps({"sender": "x"}).encode(),
        json.dumps({"message": 42, "sender": "x"}).encode(),
        json.dumps({"message": "hi", "sender": ["x"]}).encode(),
        json.dumps({"message": None, "sender": "x"}).encode(),
        b"\xff\xfe\xfa invalid utf-8",
    ],
)
def test_malformed_requests_get_a_4xx(servers, body):
    response = requests.post(
        url(servers), data=body, headers={"Content-Type": "application/json"}, timeout=30
    )
    assert 400 <= response.status_code < 500, (response.status_code, response.text[:200])
    assert "Traceback" not in response.text and "/work/" not in response.text
    still_works(servers)


SENDER = "5b0c7c1e-0d7b-4c55-9d0c-3a7f2b1e9a10"
AS_JSON = {"Content-Type": "application/json"}
DEEP_OBJECT = b'{"a":' * 5000 + b"1" + b"}" * 5000


@pytest.mark.parametrize(
    "body",
    [
        # arrays nested ~5000 deep: Python's JSON parser raises RecursionError (a 500 before)
        b'{"sender": "' + SENDER.encode() + b'", "message": ' + b"[" * 5000 + b"]" * 5000 + b"}",
        b'{"sender": "' + SENDER.encode() + b'", "message": "hi", "x": ' + DEEP_OBJECT + b"}",
        # a 5000-digit integer: Python refuses it with an error text that was echoed to the client
        b'{"sender": "' + SENDER.encode() + b'", "message": "hi", "n": ' + b"9" * 5000 + b"}",
        # a lone surrogate in the sender: UnicodeEncodeError in connectors/identity.py (a 500 before)
        b'{"sender": "abcdefghijklmnopqrstuvwx\\ud800", "message": "hi"}',
        # a guessable sender
        b'{"sender": "aaaaaaaaaaaaaaaaaaaaaaaa", "message": "hi"}',
    ],
)
def test_hostile_json_gets_a_short_400(servers, body):
    response = requests.post(url(servers), data=body, headers=AS_JSON, timeout=30)
    assert response.status_code == 400, (response.status_code, response.text[:200])
    text = response.text
    assert len(text) < 300 and "Traceback" not in text and "/work/" not in text
    for internal in ("recursion", "Exceeds the limit", "set_int_max_str_digits", "surrogate", "codec"):
        assert internal not in text, text
    still_works(servers)


def test_a_lone_surrogate_in_the_message_is_replaced(servers, sender):
    body = b'{"sender": "' + sender.encode() + b'", "message": "hi \\ud800 there"}'
    response = requests.post(url(servers), data=body, headers=AS_JSON, timeout=60)
    assert response.status_code == 200 and response.json()


@pytest.mark.parametrize(
    "headers, status",
    [
        ({"Content-Type": "text/plain"}, 415),  # what a cross-site form or fetch sends without a preflight
        ({"Content-Type": "application/x-www-form-urlencoded"}, 415),
        ({}, 415),
        ({"Content-Type": "application/json", "Origin": "http://evil.example"}, 403),
    ],
)
def test_cross_site_requests_are_refused(servers, sender, headers, status):
    body = json.dumps({"sender": sender, "message": "/ask_benefits"})
    response = requests.post(url(servers), data=body, headers=headers, timeout=30)
    assert response.status_code == status, (response.status_code, response.text[:200])
    still_works(servers)


def test_oversized_body_is_refused(servers):
    response = requests.post(url(servers), json={"sender": "big", "message": "a" * 200_000}, timeout=30)
    assert response.status_code in (400, 413)
    still_works(servers)


@pytest.mark.parametrize(
    "message",
    [
        "",
        "   \n\t ",
        "a" * 5000,
        "hello\x00\x01\x02\x1b[31m",
        "<script>alert(1)</script>",
        "'; DROP TABLE events; --",
        "🔴💡🙂 red light?",
        "هل يساعد العلاج بالضوء الأحمر؟",
        "Hilft Rotlicht gegen Rückenschmerzen?",
        "redlight لطيف mixed 混合",
    ],
)
def test_odd_messages_get_a_polite_reply(servers, message):
    response = requests.post(
        url(servers), json={"sender": f"odd-{uuid.uuid4()}", "message": message}, timeout=60
    )
    assert response.status_code == 200, response.text[:200]
    replies = response.json()
    assert replies and all("text" in r for r in replies), replies
    text = " ".join(r["text"] for r in replies)
    assert "<script>" not in text and "DROP TABLE" not in text
    still_works(servers)


def test_another_language_is_told_which_language_the_bot_speaks(servers, sender):
    text = servers.say(sender, "Est-ce que la lumière rouge aide à maigrir rapidement?")
    assert "English" in text


def test_a_burst_from_one_sender(servers, sender):
    for _ in range(200):
        response = requests.post(
            url(servers), json={"sender": sender, "message": "/ask_benefits"}, timeout=60
        )
        assert response.status_code == 200
    still_works(servers)
