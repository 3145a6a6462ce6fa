"""Conversation ids: keyed, separate per channel, and only server-issued socket.io session ids accepted;
the widget's sender ids are keyed hashes of its session ids, and idle widget sessions expire."""

import asyncio
import time
from types import SimpleNamespace

import pytest
from rasa.core.tracker_store import FailSafeTrackerStore, InMemoryTrackerStore, SQLTrackerStore
from rasa.shared.core.domain import Domain
from rasa.shared.core.events import UserUttered
from rasa.shared.core.trackers import DialogueStateTracker

from connectors.identity import (
    DAY_SECONDS,
    idle_expired,
    is_issued_session_id,
    new_session_id,
    rest_conversation_id,
    socketio_conversation_id,
)
from connectors.socketio import WidgetSessions, last_event_time
from connectors.telegram import telegram_sender_id

SECRET = "unit-test-secret"


def test_rest_ids_are_keyed_and_stable():
    sender = "5b0c7c1e-0d7b-4c55-9d0c-3a7f2b1e9a10"
    key = rest_conversation_id(sender, SECRET)
    assert key == rest_conversation_id(sender, SECRET)
    assert key.startswith("rest-") and len(key) == 37 and sender not in key
    assert key != rest_conversation_id(sender, "another secret")
    assert key != rest_conversation_id(sender + "x", SECRET)


def test_a_derived_id_sent_back_as_a_sender_names_another_conversation():
    key = rest_conversation_id("a-user-secret-sender-id", SECRET)
    assert rest_conversation_id(key, SECRET) != key


def test_session_ids_are_issued_and_signed():
    first, second = new_session_id(SECRET), new_session_id(SECRET)
    assert first != second
    assert is_issued_session_id(first, SECRET) and is_issued_session_id(second, SECRET)
    assert not is_issued_session_id(first, "another secret")


def test_chosen_or_tampered_session_ids_are_refused():
    issued = new_session_id(SECRET)
    token, signature = issued.split("-")
    flipped = token[:-1] + ("0" if token[-1] != "0" else "1")
    for value in (
        None,
        42,
        "",
        "victim",
        "0" * 32,
        f"{flipped}-{signature}",
        issued.upper(),
        issued + "0",
        rest_conversation_id("someone-else-entirely", SECRET),
        telegram_sender_id(12345, SECRET),
    ):
        assert not is_issued_session_id(value, SECRET), value


def test_channels_use_separate_key_spaces():
    rest = rest_conversation_id("12345", SECRET)
    telegram = telegram_sender_id(12345, SECRET)
    assert rest != telegram and rest.startswith("rest-") and telegram.startswith("telegram-")
    assert not is_issued_session_id(rest, SECRET) and not is_issued_session_id(telegram, SECRET)


# ---- the widget: Rasa's sender id is a keyed hash of the session id; idle sessions expire --------------

def test_widget_sender_ids_are_keyed_hashes_of_the_session_id():
    session = new_session_id(SECRET)
    sender = socketio_conversation_id(session, SECRET)
    assert sender == socketio_conversation_id(session, SECRET)
    assert sender.startswith("socketio-") and len(sender) == len("socketio-") + 32
    token, signature = session.split("-")
    assert session not in sender and token not in sender and signature not in sender
    assert sender != socketio_conversation_id(session, "another secret")
    assert sender != socketio_conversation_id(new_session_id(SECRET), SECRET)
    # a sender id read from the tracker store is no session id: sent back, it is refused
    assert not is_issued_session_id(sender, SECRET)
    assert not is_issued_session_id(sender[len("socketio-"):], SECRET)
    # and it is in a key space of its own
    assert sender != rest_conversation_id(session, SECRET)


@pytest.mark.parametrize(
    "idle_seconds, expired",
    [(0, False), (29 * DAY_SECONDS, False), (30 * DAY_SECONDS, False), (30 * DAY_SECONDS + 1, True),
     (400 * DAY_SECONDS, True)],
)
def test_idle_expiry_counts_from_the_newest_event(idle_seconds, expired):
    now = 2_000_000_000.0
    assert idle_expired(now - idle_seconds, now, 30) is expired


def test_a_conversation_without_events_does_not_expire():
    assert idle_expired(None, 2_000_000_000.0, 1) is False


def _sql_store(path):
    return SQLTrackerStore(Domain.empty(), dialect="sqlite", db=str(path))


def _save_events(store, sender_id, *timestamps):
    events = [UserUttered(f"message {index}", timestamp=stamp) for index, stamp in enumerate(timestamps)]
    asyncio.run(store.save(DialogueStateTracker.from_events(sender_id, events)))


def test_last_event_time_is_the_newest_event_of_the_conversation(tmp_path):
    store = _sql_store(tmp_path / "tracker.db")
    _save_events(store, "socketio-a", 1000.0, 5000.0, 3000.0)
    _save_events(store, "socketio-b", 9000.0)
    assert asyncio.run(last_event_time(store, "socketio-a")) == 5000.0
    # as the agent holds it (Rasa wraps every tracker store)
    assert asyncio.run(last_event_time(FailSafeTrackerStore(store), "socketio-b")) == 9000.0
    assert asyncio.run(last_event_time(store, "socketio-nobody")) is None
    memory = InMemoryTrackerStore(Domain.empty())
    _save_events(memory, "socketio-c", 100.0, 200.0)
    assert asyncio.run(last_event_time(memory, "socketio-c")) == 200.0
    assert asyncio.run(last_event_time(memory, "socketio-nobody")) is None


class Clock:
    def __init__(self, now):
        self.now = now

    def __call__(self):
        return self.now


def _sessions(store, now, idle_days=30):
    clock = Clock(now)
    sessions = WidgetSessions(SECRET, idle_days, clock=clock, monotonic=clock)
    sessions.app = SimpleNamespace(ctx=SimpleNamespace(agent=SimpleNamespace(tracker_store=store)))
    return sessions, clock


def test_an_active_session_keeps_its_id_an_idle_one_gets_a_new_one(tmp_path):
    store = FailSafeTrackerStore(_sql_store(tmp_path / "tracker.db"))
    now = time.time()
    active, idle, unused = new_session_id(SECRET), new_session_id(SECRET), new_session_id(SECRET)
    sessions, _ = _sessions(store, now)
    _save_events(store, sessions.sender_id(active), now - 40 * DAY_SECONDS, now - 29 * DAY_SECONDS)
    _save_events(store, sessions.sender_id(idle), now - 40 * DAY_SECONDS, now - 31 * DAY_SECONDS)

    assert asyncio.run(sessions.resolve("socket-1", active, message=False)) == (active, False)
    assert asyncio.run(sessions.resolve("socket-3", unused, message=False)) == (unused, False)
    renewed, replaced = asyncio.run(sessions.resolve("socket-2", idle, message=False))
    assert replaced and renewed != idle and is_issued_session_id(renewed, SECRET)
    # a message in the idle session from another socket is moved to a new session as well
    moved, replaced = asyncio.run(sessions.resolve("socket-4", idle, message=True))
    assert replaced and moved not in (idle, renewed)


def test_a_message_is_checked_against_the_database_only_after_the_socket_s_limit(tmp_path):
    store = FailSafeTrackerStore(_sql_store(tmp_path / "tracker.db"))
    now = time.time()
    session = new_session_id(SECRET)
    sessions, clock = _sessions(store, now, idle_days=1)
    _save_events(store, sessions.sender_id(session), now - 3600)
    asked = []
    original = sessions.last_activity

    async def counting(session_id):
        asked.append(session_id)
        return await original(session_id)

    sessions.last_activity = counting
    assert asyncio.run(sessions.resolve("socket", session, message=False)) == (session, False)
    assert asyncio.run(sessions.resolve("socket", session, message=True)) == (session, False)
    clock.now += DAY_SECONDS / 2
    assert asyncio.run(sessions.resolve("socket", session, message=True)) == (session, False)
    assert asked == [session]  # the messages cost no query: this socket saw the session active
    # the socket stays connected but silent for more than a day (its messages were not stored: over-long,
    # say): the database is asked, and the conversation's newest event is too old
    clock.now += DAY_SECONDS + 1
    renewed, replaced = asyncio.run(sessions.resolve("socket", session, message=True))
    assert replaced and renewed != session and asked == [session, session]
    # the new session is this socket's now: its next message costs no query either
    assert asyncio.run(sessions.resolve("socket", renewed, message=True)) == (renewed, False)
    assert len(asked) == 2


def test_sessions_are_kept_when_the_tracker_store_cannot_be_asked(tmp_path):
    class Broken:
        calls = 0

        async def retrieve(self, sender_id):
            Broken.calls += 1
            raise ConnectionError("database down")

    session = new_session_id(SECRET)
    sessions, clock = _sessions(Broken(), time.time())
    assert asyncio.run(sessions.resolve("a", session, message=False)) == (session, False)
    assert asyncio.run(sessions.resolve("b", session, message=False)) == (session, False)
    assert Broken.calls == 1  # not asked again at once (a database outage)
    clock.now += 31
    asyncio.run(sessions.resolve("c", session, message=False))
    assert Broken.calls == 2
    # before the model (and its tracker store) is loaded: kept as well
    sessions.app = SimpleNamespace(ctx=SimpleNamespace())
    assert asyncio.run(sessions.resolve("d", session, message=False)) == (session, False)
