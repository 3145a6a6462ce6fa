"""The widget's session ids through the real socket.io server: what the tracker store holds, idle expiry.

A widget session id is a bearer secret (whoever sends it continues the conversation), so Rasa's tracker
store (and its backups) must hold only a keyed hash of it, and a session left idle for longer than
WIDGET_SESSION_IDLE_DAYS must not be continued. The idle time is simulated by moving the conversation's
events back in time in the SQLite tracker store; the limit is the default 30 days. Rasa runs at DEBUG
here, so the logs would show a session id if anything logged one.
"""

import json
import sqlite3
import threading
import time

import pytest
import socketio
from conftest import Servers, running

from connectors.identity import DAY_SECONDS, is_issued_session_id, socketio_conversation_id

PAGE_ORIGIN = "http://127.0.0.1:9"
REPLY_SECONDS = 90
GREETING = "Hello! I can tell you what red-light therapy pads can and cannot do"
BENEFITS = "red-light therapy pads may help with"
BENEFITS_QUESTION = "what can the pad do?"


@pytest.fixture(scope="module")
def widget_servers(tmp_path_factory):
    # the project's credentials.yml: the widget's socket.io channel with session persistence
    workdir = tmp_path_factory.mktemp("widget-sessions")
    with running(Servers(workdir, CORS_ORIGINS=PAGE_ORIGIN, LOG_LEVEL="DEBUG")) as instance:
        yield instance


class Widget:
    """A socket.io client that talks as rasa-webchat does."""

    def __init__(self, servers: Servers) -> None:
        self.client = socketio.Client()
        self.confirmed_ids, self.replies = [], []
        self.confirmed, self.replied = threading.Event(), threading.Event()
        self.client.on("session_confirm", self._on_confirm)
        self.client.on("bot_uttered", self._on_reply)
        self.client.connect(
            f"http://127.0.0.1:{servers.rasa_port}", headers={"Origin": PAGE_ORIGIN}, transports=["polling"],
            wait_timeout=30,
        )

    def _on_confirm(self, session_id):
        self.confirmed_ids.append(session_id)
        self.confirmed.set()

    def _on_reply(self, message):
        self.replies.append(message.get("text", ""))
        self.replied.set()

    def request_session(self, session_id=None) -> str:
        self.confirmed.clear()
        self.client.emit("session_request", {"session_id": session_id})
        assert self.confirmed.wait(30), "no session_confirm"
        return self.confirmed_ids[-1]

    def say(self, session_id: str, text: str) -> str:
        self.replies.clear()
        self.replied.clear()
        self.client.emit("user_uttered", {"message": text, "session_id": session_id})
        assert self.replied.wait(REPLY_SECONDS), f"no reply to {text!r}"
        time.sleep(2)  # the rest of the turn's replies
        return "\n".join(self.replies)

    def close(self) -> None:
        self.client.disconnect()


def tracker_db(servers: Servers) -> str:
    return servers.env["TRACKER_STORE_URL"][len("sqlite:///"):]


def user_texts(servers: Servers, sender_id: str) -> list:
    with sqlite3.connect(tracker_db(servers)) as db:
        rows = db.execute(
            "SELECT data FROM events WHERE sender_id = ? AND type_name = 'user' ORDER BY id", (sender_id,)
        ).fetchall()
    return [json.loads(data)["text"] for (data,) in rows]


def sender_of(servers: Servers, session_id: str) -> str:
    return socketio_conversation_id(session_id, servers.env["CONVERSATION_ID_SECRET"])


def backdate(servers: Servers, sender_id: str, days: float) -> int:
    """Move every event of a conversation ``days`` into the past (as if it had been idle since)."""
    with sqlite3.connect(tracker_db(servers)) as db:
        changed = db.execute(
            "UPDATE events SET timestamp = timestamp - ? WHERE sender_id = ?", (days * DAY_SECONDS, sender_id)
        ).rowcount
        db.commit()
    return changed


def test_the_tracker_store_and_the_logs_hold_only_a_hash_of_the_session_id(widget_servers):
    servers = widget_servers
    widget = Widget(servers)
    try:
        session = widget.request_session(None)
        assert is_issued_session_id(session, servers.env["CONVERSATION_ID_SECRET"])
        assert GREETING in widget.say(session, "/greet")
        assert BENEFITS in widget.say(session, BENEFITS_QUESTION)
    finally:
        widget.close()
    token, signature = session.split("-")
    with sqlite3.connect(tracker_db(servers)) as db:
        senders = {row[0] for row in db.execute("SELECT DISTINCT sender_id FROM events")}
        rows = db.execute("SELECT * FROM events").fetchall()
    # the session id is nowhere in the tracker store: not as a sender id, not in any event
    assert session not in senders
    stored = "\n".join(" ".join(map(str, row)) for row in rows)
    for secret in (session, token, signature):
        assert secret not in stored
    # nor anywhere in the database file, nor in any server's log (Rasa logs at DEBUG here)
    time.sleep(0.5)
    for path in [tracker_db(servers), *servers.workdir.glob("*.log")]:
        assert token.encode() not in open(path, "rb").read(), path
    # the conversation is there, under the keyed hash of the session id
    sender = sender_of(servers, session)
    assert sender in senders
    assert user_texts(servers, sender) == ["/greet", BENEFITS_QUESTION]


def test_a_reload_keeps_an_active_session_and_its_conversation(widget_servers):
    servers = widget_servers
    first = Widget(servers)
    try:
        session = first.request_session(None)
        assert GREETING in first.say(session, "/greet")
    finally:
        first.close()
    backdate(servers, sender_of(servers, session), 29)  # idle for 29 days: within the 30-day limit
    reloaded = Widget(servers)
    try:
        assert reloaded.request_session(session) == session
        reloaded.say(session, BENEFITS_QUESTION)
    finally:
        reloaded.close()
    assert user_texts(servers, sender_of(servers, session)) == ["/greet", BENEFITS_QUESTION]


def test_a_session_idle_past_the_limit_gets_a_new_id_on_session_request(widget_servers):
    servers = widget_servers
    first = Widget(servers)
    try:
        session = first.request_session(None)
        assert GREETING in first.say(session, "/greet")
    finally:
        first.close()
    old_sender = sender_of(servers, session)
    assert backdate(servers, old_sender, 31) > 0

    later = Widget(servers)
    try:
        renewed = later.request_session(session)
        assert renewed != session and is_issued_session_id(renewed, servers.env["CONVERSATION_ID_SECRET"])
        assert GREETING in later.say(renewed, "/greet")  # a new conversation
        # once renewed, the new id is kept like any active one
        assert later.request_session(renewed) == renewed
    finally:
        later.close()
    assert user_texts(servers, old_sender) == ["/greet"]  # the old conversation was not continued
    assert user_texts(servers, sender_of(servers, renewed)) == ["/greet"]


def test_a_message_in_a_session_idle_past_the_limit_starts_a_new_one(widget_servers):
    servers = widget_servers
    first = Widget(servers)
    try:
        session = first.request_session(None)
        assert GREETING in first.say(session, "/greet")
    finally:
        first.close()
    old_sender = sender_of(servers, session)
    assert backdate(servers, old_sender, 31) > 0

    # a page left open: it sends with the id it holds, without asking for a session first
    widget = Widget(servers)
    try:
        reply = widget.say(session, BENEFITS_QUESTION)
        assert widget.confirmed_ids, "the server did not tell the widget its new session id"
        renewed = widget.confirmed_ids[-1]
        assert renewed != session and is_issued_session_id(renewed, servers.env["CONVERSATION_ID_SECRET"])
        assert BENEFITS in reply  # answered, in the new session's room
    finally:
        widget.close()
    assert user_texts(servers, old_sender) == ["/greet"]
    assert user_texts(servers, sender_of(servers, renewed)) == [BENEFITS_QUESTION]
