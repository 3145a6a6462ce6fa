"""The tracker store rides out a database outage: real failures, no mocks.

SQLite is "down" while its folder is renamed away: SQLAlchemy opens the file anew for every session
(NullPool), and SQLite cannot open a file in a folder that does not exist. PostgreSQL is "down" on a
closed port. The end-to-end version, with a real PostgreSQL cluster stopped and started, is
tests/e2e/test_database_down.py.
"""

import asyncio
import json
import logging
import sqlite3
import time

import pytest
from rasa.shared.core.domain import Domain
from rasa.shared.core.events import ActionExecuted, BotUttered, SessionStarted, UserUttered
from rasa.shared.core.trackers import DialogueStateTracker
from sqlalchemy.exc import IntegrityError

from components.tracker_store import FORGET_ACTION, PrivacySQLTrackerStore

DOWN = "Tracker store database unreachable"
BACK = "Tracker store database reachable again"


def run(coroutine):
    return asyncio.run(coroutine)


class Database:
    """A SQLite tracker database whose folder can be taken away and put back."""

    def __init__(self, tmp_path):
        self.folder = tmp_path / "db"
        self.away = tmp_path / "db-away"
        self.folder.mkdir()
        self.url = f"sqlite:///{self.folder / 'tracker.db'}"

    def stop(self):
        self.folder.rename(self.away)

    def start(self):
        self.away.rename(self.folder)

    def texts(self, sender_id):
        """User texts and bot texts stored for a sender, in insertion order."""
        with sqlite3.connect(self.folder / "tracker.db") as connection:
            rows = connection.execute(
                "SELECT data FROM events WHERE sender_id = ? ORDER BY id", (sender_id,)
            ).fetchall()
        return [json.loads(data).get("text") for (data,) in rows if json.loads(data).get("text")]

    def count(self, sender_id):
        with sqlite3.connect(self.folder / "tracker.db") as connection:
            query = "SELECT count(*) FROM events WHERE sender_id = ?"
            return connection.execute(query, (sender_id,)).fetchone()[0]


@pytest.fixture
def database(tmp_path):
    return Database(tmp_path)


def make_store(url, **attributes):
    # retry_seconds=0: the database is tried again at every call, so the tests need not wait
    store_class = type("Store", (PrivacySQLTrackerStore,), {"retry_seconds": 0, **attributes})
    return store_class(domain=Domain.empty(), host=url)


def turn(tracker, text):
    """One exchange, as Rasa appends it."""
    tracker.update(UserUttered(text, intent={"name": "greet", "confidence": 1.0}))
    tracker.update(BotUttered(f"reply to {text}"))
    tracker.update(ActionExecuted("action_listen"))


def converse(store, sender_id, text):
    """Retrieve (or start) the conversation, add one exchange, save it: what Rasa does per message."""
    tracker = run(store.retrieve(sender_id))
    if tracker is None:
        tracker = DialogueStateTracker(sender_id, [])
        tracker.update(ActionExecuted("action_session_start"))
        tracker.update(SessionStarted())
        tracker.update(ActionExecuted("action_listen"))
    turn(tracker, text)
    run(store.save(tracker))
    return tracker


def messages(caplog, text):
    return [r for r in caplog.records if text in r.getMessage()]


@pytest.mark.parametrize("cache_size", [500, 0], ids=["tracker cache", "no cache"])
def test_a_conversation_goes_on_during_an_outage_and_is_written_once_after(database, caplog, cache_size):
    caplog.set_level(logging.INFO)
    store = make_store(database.url, cache_size=cache_size)
    converse(store, "alice", "start")
    converse(store, "alice", "before")
    # while the database answers, the cached tracker is the copy an outage would answer from: no second,
    # serialised copy per turn; without the cache, the serialised copy is kept
    assert ("alice" in store._memory) == (cache_size == 0)

    database.stop()
    tracker = converse(store, "alice", "during 1")  # started before the outage: continues from memory
    assert [e.text for e in tracker.events if isinstance(e, UserUttered)] == ["start", "before", "during 1"]
    converse(store, "alice", "during 2")
    converse(store, "bob", "new during")  # a conversation that starts during the outage
    assert set(run(store.keys())) == {"alice", "bob"}
    assert run(store.exists("alice")) and not run(store.exists("carol"))
    down = messages(caplog, DOWN)
    assert len(down) == 1 and down[0].levelno == logging.ERROR  # once, not once per call
    assert "conversations are kept in memory until it is back" in down[0].getMessage()
    assert "OperationalError" in down[0].getMessage()

    database.start()
    converse(store, "alice", "after")
    assert len(messages(caplog, BACK)) == 1
    assert "wrote 2 conversation(s)" in messages(caplog, BACK)[0].getMessage()
    assert database.texts("alice") == [
        "start",
        "reply to start",
        "before",
        "reply to before",
        "during 1",
        "reply to during 1",
        "during 2",
        "reply to during 2",
        "after",
        "reply to after",
    ]
    assert database.texts("bob") == ["new during", "reply to new during"]
    # and Rasa's own save goes on counting right afterwards
    converse(store, "alice", "later")
    assert database.texts("alice")[-2:] == ["later", "reply to later"]
    assert len(messages(caplog, DOWN)) == 1


def test_a_session_restart_around_the_outage_loses_and_duplicates_nothing(database):
    store = make_store(database.url)
    converse(store, "alice", "first session")
    # a new session starts in the turn saved just before the outage: Rasa's save gets both sessions,
    # while the database's "latest session" is only the new one
    tracker = run(store.retrieve("alice"))
    tracker.update(ActionExecuted("action_session_start"))
    tracker.update(SessionStarted())
    tracker.update(ActionExecuted("action_listen"))
    turn(tracker, "second session")
    run(store.save(tracker))
    stored = database.count("alice")

    database.stop()
    tracker = converse(store, "alice", "during")
    database.start()
    run(store.retrieve("alice"))

    assert database.count("alice") == stored + 3  # exactly the outage's three events
    assert database.texts("alice")[-2:] == ["during", "reply to during"]
    assert [e.text for e in run(store.retrieve("alice")).events if isinstance(e, UserUttered)] == [
        "second session",
        "during",
    ]


def test_a_forget_request_during_the_outage_is_carried_out_when_it_is_back(database):
    store = make_store(database.url)
    converse(store, "alice", "my secret")
    database.stop()
    tracker = converse(store, "alice", "delete my data")
    tracker.update(ActionExecuted(FORGET_ACTION))
    run(store.save(tracker))
    assert run(store.retrieve("alice")) is None  # forgotten in memory at once
    database.start()
    converse(store, "alice", "hello again")
    assert database.texts("alice") == ["hello again", "reply to hello again"]


def test_forget_me_deletes_the_stored_conversation(database):
    store = make_store(database.url)
    tracker = converse(store, "alice", "my secret")
    tracker.update(ActionExecuted(FORGET_ACTION))
    run(store.save(tracker))
    assert database.count("alice") == 0
    assert run(store.retrieve("alice")) is None


def test_memory_is_bounded_and_says_what_it_dropped(database, caplog):
    store = make_store(database.url, memory_size=2)
    database.stop()
    for sender in ("a", "b", "c", "d"):
        converse(store, sender, f"hello from {sender}")
    assert sorted(run(store.keys())) == ["c", "d"]
    assert len(messages(caplog, "memory full")) == 1
    database.start()
    run(store.keys())
    assert "wrote 2 conversation(s) kept in memory; 2 dropped" in messages(caplog, BACK)[0].getMessage()
    assert database.count("a") == 0 and database.texts("d") == ["hello from d", "reply to hello from d"]


def test_down_at_start_up_then_the_table_is_created_when_it_is_back(database, caplog):
    database.stop()  # the folder is not there yet: the file cannot be created
    store = make_store(database.url)
    converse(store, "alice", "hello")
    database.start()
    converse(store, "alice", "again")
    assert database.texts("alice") == ["hello", "reply to hello", "again", "reply to again"]
    assert len(messages(caplog, DOWN)) == 1 and len(messages(caplog, BACK)) == 1


def test_postgresql_down_at_start_up_does_not_stop_the_assistant(caplog):
    import socket

    with socket.socket() as sock:  # a port nobody listens on
        sock.bind(("127.0.0.1", 0))
        port = sock.getsockname()[1]
    started = time.monotonic()
    store = make_store(f"postgresql://postgres@127.0.0.1:{port}/postgres")
    converse(store, "alice", "hello")
    tracker = converse(store, "alice", "still there?")
    assert time.monotonic() - started < 10
    assert [e.text for e in tracker.events if isinstance(e, UserUttered)] == ["hello", "still there?"]
    down = messages(caplog, DOWN)
    assert len(down) == 1 and "Connection refused" in down[0].getMessage()


def test_bad_data_is_not_mistaken_for_an_outage(database):
    store = make_store(database.url)

    async def insert_without_sender():
        with store.session_scope() as session:
            session.add(store.SQLEvent(sender_id=None, type_name="user"))
            session.commit()

    with pytest.raises(IntegrityError):
        run(store._database(insert_without_sender, lambda: "from memory"))
    assert not store.failing
