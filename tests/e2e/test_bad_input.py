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
