"""Two Rasa servers on one tracker database, each with its own tracker cache: no server answers from a stale
copy of a conversation that the other one continued, forgot or that was purged.

Both servers run as `make run` starts them (scripts/rasa_server.py), sharing one action server and one SQLite
tracker file; a conversation's turns alternate between them one at a time (no lock store is needed for
turns that never overlap). Each server caches the conversation when it answers it, so every turn on one
server follows turns the other one wrote behind its back.
"""

import json
import sqlite3
import uuid

import pytest
from conftest import MODEL, Servers

from padsafety.rules import default_rulebook

QUESTIONS = len(default_rulebook().screening_rules)


@pytest.fixture(scope="module")
def pair(tmp_path_factory):
    if not MODEL.exists():
        pytest.fail("models/current.tar.gz is missing: run `make train` (the test command trains first)")
    workdir = tmp_path_factory.mktemp("tracker-cache")
    first = Servers(workdir)
    second = Servers(workdir)  # same workdir: the same tracker database file
    second.env["ACTION_SERVER_URL"] = first.env["ACTION_SERVER_URL"]
    assert second.env["TRACKER_STORE_URL"] == first.env["TRACKER_STORE_URL"]
    try:
        first.start_actions()
        first.start_rasa()
        second.start_rasa()
        yield first, second
    finally:
        second.stop()
        first.stop()


def user_messages(servers, sender):
    """The user messages stored for a REST sender, in order."""
    path = servers.env["TRACKER_STORE_URL"][len("sqlite:///") :]
    with sqlite3.connect(path) as connection:
        rows = connection.execute(
            "SELECT data FROM events WHERE sender_id = ? AND type_name = 'user' ORDER BY id",
            (servers.conversation_id(sender),),
        ).fetchall()
    return [json.loads(data)["text"] for (data,) in rows]


def test_a_screening_alternating_between_two_servers_never_repeats_a_question(pair):
    sender = f"cache-{uuid.uuid4()}"
    servers = list(pair)
    sent = ["hello", "what can it do?", "is it safe for me?"]
    for turn, message in enumerate(sent):
        servers[turn % 2].say(sender, message)  # both servers now hold the conversation in their caches
    for number in range(1, QUESTIONS + 1):
        reply = servers[len(sent) % 2].say(sender, "/deny")
        sent.append("/deny")
        if number < QUESTIONS:
            # a server answering from its stale copy would ask an earlier question again
            assert f"Question {number + 1} of {QUESTIONS}" in reply, (number, reply)
        else:
            assert "Verdict" in reply, reply
    assert user_messages(pair[0], sender) == sent  # every message stored once, in order


def test_a_conversation_forgotten_on_one_server_is_gone_on_the_other(pair):
    first, second = pair
    sender = f"cache-{uuid.uuid4()}"
    first.say(sender, "hello")
    first.say(sender, "is it safe for me?")
    first.say(sender, "/deny")  # first caches the conversation, in the middle of the safety check
    assert "cannot be undone" in second.say(sender, "please delete my data")
    assert "deleted this conversation" in second.say(sender, "/affirm")
    assert user_messages(first, sender) == []
    reply = first.say(sender, "what can it do?")  # a fresh conversation, not the cached check
    assert "Question" not in reply
    assert user_messages(first, sender) == ["what can it do?"]


def test_a_purge_by_another_process_is_seen_at_the_next_turn(pair):
    first, _ = pair
    sender = f"cache-{uuid.uuid4()}"
    first.say(sender, "hello")
    first.say(sender, "is it safe for me?")
    first.say(sender, "/deny")
    path = first.env["TRACKER_STORE_URL"][len("sqlite:///") :]
    with sqlite3.connect(path) as connection:  # as the retention purge deletes a conversation
        connection.execute("DELETE FROM events WHERE sender_id = ?", (first.conversation_id(sender),))
    first.say(sender, "what can it do?")
    assert user_messages(first, sender) == ["what can it do?"]
