"""One user can never read or alter another's conversation, over REST or across channels; the HTTP API.

Each test plays two users against the running servers (conftest.py) and reads the tracker store itself
to check that the victim's conversation did not change.
"""

import uuid

import requests
from conftest import Servers

from actions.db import Conversations
from connectors.telegram import telegram_sender_id


def events(servers, sender: str) -> int:
    return Conversations(servers.env["TRACKER_STORE_URL"]).event_count(servers.conversation_id(sender))


def start_screening(servers, sender: str) -> None:
    servers.say(sender, "is it safe for me?")
    assert "Question 2" in servers.say(sender, "/deny")


def test_two_users_never_share_a_conversation(servers):
    alice, bob = f"alice-{uuid.uuid4()}", f"bob-{uuid.uuid4()}"
    start_screening(servers, alice)
    before = events(servers, alice)
    # Bob's answer does not land in Alice's screening, and he sees nothing of it
    reply = servers.say(bob, "/deny")
    assert "Question" not in reply and "Verdict" not in reply
    assert events(servers, alice) == before
    assert "Question 3" in servers.say(alice, "/deny")


def test_a_conversation_id_read_from_the_database_is_not_a_key(servers):
    alice = f"alice-{uuid.uuid4()}"
    start_screening(servers, alice)
    stored_id = servers.conversation_id(alice)
    before = events(servers, alice)
    # whoever reads the tracker store (or a log) and replays the id as a sender starts a new conversation
    reply = servers.say(stored_id, "/deny")
    assert "Question" not in reply
    assert events(servers, alice) == before
    replies = servers.send(alice, "/deny")
    assert replies[0]["recipient_id"] == alice and "Question 3" in replies[0]["text"]


def test_rest_cannot_reach_a_telegram_conversation(servers):
    # a Telegram chat's sender id, even when known, names another key space over REST
    telegram_id = telegram_sender_id(123456789, "any-webhook-secret")
    servers.say(telegram_id, "hello")
    conversations = Conversations(servers.env["TRACKER_STORE_URL"])
    assert conversations.event_count(telegram_id) == 0
    assert conversations.event_count(servers.conversation_id(telegram_id)) > 0


def test_a_short_guessable_sender_is_refused(servers):
    for sender in ("me", "1", "user-1", "x" * 15):
        response = requests.post(
            f"http://127.0.0.1:{servers.rasa_port}/webhooks/rest/webhook",
            json={"sender": sender, "message": "hi"},
            timeout=30,
        )
        assert response.status_code == 400 and "random UUID" in response.json()["error"], sender


def test_the_http_api_is_off_by_default(servers):
    base = f"http://127.0.0.1:{servers.rasa_port}"
    conversation = servers.conversation_id(f"alice-{uuid.uuid4()}")
    for method, path in [
        ("GET", "/status"),
        ("GET", f"/conversations/{conversation}/tracker"),
        ("POST", f"/conversations/{conversation}/messages"),
        ("PUT", "/model"),
        ("POST", "/model/parse"),
    ]:
        assert requests.request(method, base + path, timeout=10).status_code == 404, (method, path)


def test_the_http_api_needs_its_token_and_never_loads_models(tmp_path):
    token = "api-test-token-" + uuid.uuid4().hex
    api = Servers(tmp_path, ENABLE_API="true", RASA_API_TOKEN=token)
    try:
        api.start_rasa()  # no action server needed: the API answers by itself
        base = f"http://127.0.0.1:{api.rasa_port}"
        alice = f"alice-{uuid.uuid4()}"
        api.say(alice, "hello")
        tracker = f"{base}/conversations/{api.conversation_id(alice)}/tracker"
        assert requests.get(tracker, timeout=10).status_code == 401
        assert requests.get(tracker, params={"token": "wrong-" + token}, timeout=10).status_code == 401
        assert requests.get(tracker, params={"token": token}, timeout=10).status_code == 200
        # model-changing endpoints: refused even with the token
        for method, path in [("PUT", "/model"), ("DELETE", "/model"), ("POST", "/model/train")]:
            response = requests.request(
                method, base + path, params={"token": token}, json={"model_file": "/tmp/x.tar.gz"}, timeout=10
            )
            assert response.status_code == 403, (method, path, response.status_code)
        # the model still answers
        assert "muscle and joint" in api.say(alice, "/ask_benefits")
    finally:
        api.stop()


def test_the_http_api_does_not_start_without_a_token(tmp_path):
    api = Servers(tmp_path, ENABLE_API="true", RASA_API_TOKEN="")
    api.rasa, log = api._start("rasa", ["python", "scripts/rasa_server.py"])
    assert api.rasa.wait(timeout=120) != 0
    assert "RASA_API_TOKEN" in log.read_text()
