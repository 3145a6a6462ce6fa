"""The tracker cache of components/tracker_store.py: same trackers and rows as Rasa's SQL store, fewer loads.

Real SQLite files, no mocks of the database. "Two servers" are two store instances on one database file:
each keeps its own cache, as two Rasa processes would.
"""

import asyncio
import json
import sqlite3

import pytest
from rasa.core.tracker_store import SQLTrackerStore
from rasa.shared.core.domain import Domain
from rasa.shared.core.events import (
    ActionExecuted,
    ActiveLoop,
    BotUttered,
    SessionStarted,
    SlotSet,
    UserUttered,
)
from rasa.shared.core.trackers import DialogueStateTracker, EventVerbosity

from components.tracker_store import FORGET_ACTION, PrivacySQLTrackerStore, clone_tracker

DOMAIN = Domain.from_yaml(
    """
version: "3.1"
intents: [greet, deny]
slots:
  answered:
    type: bool
    mappings: [{type: custom}]
  names:
    type: list
    mappings: [{type: custom}]
  requested_slot:
    type: any
    mappings: [{type: custom}]
forms:
  screening_form:
    required_slots: [answered]
responses:
  utter_greet: [{text: hi}]
"""
)


def run(coroutine):
    return asyncio.run(coroutine)


def store_at(url, **attributes):
    store_class = type("Store", (PrivacySQLTrackerStore,), {"retry_seconds": 0, **attributes})
    return store_class(domain=DOMAIN, host=url)


@pytest.fixture
def url(tmp_path):
    return f"sqlite:///{tmp_path / 'tracker.db'}"


def rows(url, sender_id):
    """(type, data without timestamps) of a sender's stored events, in id order."""
    with sqlite3.connect(url[len("sqlite:///") :]) as connection:
        found = connection.execute(
            "SELECT type_name, data FROM events WHERE sender_id = ? ORDER BY id", (sender_id,)
        ).fetchall()
    events = [(kind, json.loads(data)) for kind, data in found]
    for _, data in events:
        data.pop("timestamp", None)
    return events


def texts(url, sender_id):
    return [data.get("text") for _, data in rows(url, sender_id) if data.get("text")]


def new_tracker(store, sender_id):
    tracker = DialogueStateTracker(sender_id, DOMAIN.slots)
    tracker.update(ActionExecuted("action_session_start"))
    tracker.update(SessionStarted())
    tracker.update(ActionExecuted("action_listen"))
    return tracker


def turn(store, sender_id, text, extra=()):
    """What Rasa does per message: retrieve (or start), append the turn's events, save."""
    tracker = run(store.retrieve(sender_id)) or new_tracker(store, sender_id)
    tracker.update(UserUttered(text, intent={"name": "greet", "confidence": 1.0}))
    for event in extra:
        tracker.update(event)
    tracker.update(BotUttered(f"reply to {text}"))
    tracker.update(ActionExecuted("action_listen"))
    run(store.save(tracker))
    return tracker


def script():
    """Seven turns' extra events, made when the turn happens (Rasa filters a session by timestamp)."""
    return [
        ("hello", lambda: ()),
        ("is it safe", lambda: (ActiveLoop("screening_form"), SlotSet("requested_slot", "answered"))),
        ("no", lambda: (SlotSet("answered", False), SlotSet("names", ["a", "b"]), ActiveLoop(None))),
        ("thanks", lambda: (SlotSet("requested_slot", None),)),
        (
            "new session",
            lambda: (ActionExecuted("action_session_start"), SessionStarted(), SlotSet("answered", False)),
        ),
        ("after", lambda: (SlotSet("names", ["c"]),)),
        ("last", lambda: ()),
    ]


def state(tracker):
    """What a tracker says, without event timestamps."""
    current = tracker.current_state(EventVerbosity.ALL)
    for event in current["events"]:
        event.pop("timestamp", None)
    current.pop("latest_event_time", None)
    return current


def test_same_trackers_and_rows_as_rasas_sql_store(tmp_path):
    cached_url, stock_url = f"sqlite:///{tmp_path / 'a.db'}", f"sqlite:///{tmp_path / 'b.db'}"
    cached, stock = store_at(cached_url), SQLTrackerStore(domain=DOMAIN, host=stock_url)
    for text, extra in script():
        # the same event objects go to both stores
        events = [UserUttered(text, intent={"name": "greet", "confidence": 1.0}), *extra()]
        events += [BotUttered(f"reply to {text}"), ActionExecuted("action_listen")]
        trackers = []
        for store in (cached, stock):
            tracker = run(store.retrieve("alice")) or new_tracker(store, "alice")
            trackers.append(state(tracker))
            for event in events:
                tracker.update(event)
            run(store.save(tracker))
        assert trackers[0] == trackers[1]
    assert state(run(cached.retrieve("alice"))) == state(run(stock.retrieve("alice")))
    assert run(cached.retrieve("alice")).slots["names"].value == ["c"]
    assert rows(cached_url, "alice") == rows(stock_url, "alice")


def test_a_cached_turn_reads_no_events_from_sql(url, monkeypatch):
    store = store_at(url)
    loads = []
    original = store._event_query
    monkeypatch.setattr(store, "_event_query", lambda *a, **k: loads.append(1) or original(*a, **k))
    for number in range(10):
        turn(store, "alice", f"message {number}")
    # turn 1: nothing stored (no query result to cache), saved the Rasa way; turn 2 loads it once;
    # every later turn is answered from the cache and appends only its own events
    assert len(loads) == 3
    assert texts(url, "alice")[::2] == [f"message {n}" for n in range(10)]


def test_two_servers_on_one_database_never_use_a_stale_copy(url):
    first, second = store_at(url), store_at(url)
    turn(first, "alice", "1 on first")
    turn(first, "alice", "2 on first")  # first now caches the conversation
    turn(first, "alice", "3 on first")
    turn(second, "alice", "4 on second")  # written behind first's back
    turn(second, "alice", "5 on second")
    tracker = turn(first, "alice", "6 on first")  # first must see 4 and 5
    said = [e.text for e in tracker.events if isinstance(e, UserUttered)]
    assert said == ["1 on first", "2 on first", "3 on first", "4 on second", "5 on second", "6 on first"]
    turn(second, "alice", "7 on second")  # and second must see 6
    expected = [f"{n} on {'second' if n in (4, 5, 7) else 'first'}" for n in range(1, 8)]
    assert texts(url, "alice")[::2] == expected  # every message once, in order
    assert state(run(first.retrieve("alice"))) == state(run(second.retrieve("alice")))
    assert state(run(first.retrieve("alice"))) == state(
        run(SQLTrackerStore(DOMAIN, host=url).retrieve("alice"))
    )


def test_a_forget_me_on_another_server_or_a_purge_empties_the_cached_copy(url):
    first, second = store_at(url), store_at(url)
    turn(first, "alice", "hello")
    turn(first, "alice", "again")
    turn(second, "alice", "forget me", extra=[ActionExecuted(FORGET_ACTION)])
    assert rows(url, "alice") == []
    assert run(first.retrieve("alice")) is None

    turn(first, "bob", "hello")
    turn(first, "bob", "again")
    with sqlite3.connect(url[len("sqlite:///") :]) as connection:  # `make purge`, another process
        connection.execute("DELETE FROM events WHERE sender_id = 'bob'")
    assert run(first.retrieve("bob")) is None


def test_forget_me_clears_this_servers_cache(url):
    store = store_at(url)
    turn(store, "alice", "hello")
    turn(store, "alice", "again")
    assert "alice" in store._cache
    turn(store, "alice", "forget me", extra=[ActionExecuted(FORGET_ACTION)])
    assert "alice" not in store._cache
    assert run(store.retrieve("alice")) is None


def test_a_turn_that_was_not_saved_leaves_no_trace(url):
    store = store_at(url)
    turn(store, "alice", "hello")
    turn(store, "alice", "again")
    tracker = run(store.retrieve("alice"))
    tracker.update(UserUttered("lost"))  # the turn fails before Rasa saves it
    tracker.update(SlotSet("answered", True))
    tracker.update(ActiveLoop("screening_form"))
    tracker.slots["names"].value = ["changed in place"]
    again = run(store.retrieve("alice"))
    assert "lost" not in [e.text for e in again.events if isinstance(e, UserUttered)]
    assert again.slots["answered"].value is None and again.active_loop_name is None
    assert again.slots["names"].value is None


def test_a_tracker_that_does_not_continue_the_cached_one_is_saved_as_rasa_does(url):
    store = store_at(url)
    turn(store, "alice", "hello")
    turn(store, "alice", "again")
    stored = rows(url, "alice")  # (without timestamps: the events are made now, in order)
    rebuilt = DialogueStateTracker.from_dict("alice", [data for _, data in stored], DOMAIN.slots)
    rebuilt.update(UserUttered("from a rebuilt tracker"))
    run(store.save(rebuilt))  # not a clone of the cached tracker: Rasa's count of stored events decides
    assert texts(url, "alice") == [
        "hello",
        "reply to hello",
        "again",
        "reply to again",
        "from a rebuilt tracker",
    ]
    assert "alice" not in store._cache
    turn(store, "alice", "next")
    assert texts(url, "alice")[-2:] == ["next", "reply to next"]


def test_a_new_session_is_loaded_as_rasa_loads_it(url):
    store = store_at(url)
    turn(store, "alice", "old session")
    turn(store, "alice", "old again")
    turn(store, "alice", "restart", extra=[ActionExecuted("action_session_start"), SessionStarted()])
    tracker = run(store.retrieve("alice"))
    assert tracker is not None
    assert state(tracker) == state(run(SQLTrackerStore(DOMAIN, host=url).retrieve("alice")))
    assert "old session" not in [e.text for e in tracker.events if isinstance(e, UserUttered)]


def test_the_cache_is_bounded_and_can_be_switched_off(url):
    store = store_at(url, cache_size=2)
    for sender in ("a", "b", "c"):
        turn(store, sender, "hello")
        turn(store, sender, "again")
    assert list(store._cache) == ["b", "c"]
    turn(store, "a", "still works")
    assert texts(url, "a")[::2] == ["hello", "again", "still works"]

    small = store_at(url, cache_events=10)  # a conversation here is 9 events after two turns
    for sender in ("e", "f"):
        turn(small, sender, "hello")
        turn(small, sender, "again")
    assert list(small._cache) == ["f"]

    off = store_at(url, cache_size=0)
    turn(off, "d", "hello")
    turn(off, "d", "again")
    turn(off, "d", "third")
    assert off._cache == {} and texts(url, "d")[::2] == ["hello", "again", "third"]


def test_cache_size_comes_from_the_endpoint_configuration(url):
    store = PrivacySQLTrackerStore(domain=DOMAIN, host=url, cache_size="0", cache_events=5)
    assert store.cache_size == 0 and store.cache_events == 5


def test_a_clone_shares_nothing_a_turn_changes():
    tracker = DialogueStateTracker("alice", DOMAIN.slots)
    for event in (UserUttered("hi"), SlotSet("names", ["a"]), ActiveLoop("screening_form")):
        tracker.update(event)
    clone = clone_tracker(tracker)
    assert state(clone) == state(tracker)
    clone.update(SlotSet("answered", True))
    clone.slots["names"].value.append("b")
    clone.active_loop.is_interrupted = True  # as LoopInterrupted does
    assert tracker.slots["answered"].value is None
    assert tracker.slots["names"].value == ["a"]
    assert tracker.active_loop_name == "screening_form" and not tracker.active_loop.is_interrupted
    assert len(tracker.events) == 3 and len(clone.events) == 4


def test_a_tracker_from_the_cache_copies_without_replaying_the_conversation(url, monkeypatch):
    # Rasa copies the tracker before every action: the copy must be what a replay gives, independent,
    # and must not replay every event (a cost that grew with the conversation, issue #16)
    store = store_at(url)
    for text, extra in script()[:4]:
        turn(store, "alice", text, extra())
    tracker = run(store.retrieve("alice"))
    replayed = DialogueStateTracker.copy(tracker)  # Rasa's own copy: a replay
    monkeypatch.setattr(
        DialogueStateTracker, "travel_back_in_time", lambda *_: pytest.fail("copy replayed the events")
    )
    copied = tracker.copy()
    assert state(copied) == state(replayed)
    assert copied.current_slot_values() == replayed.current_slot_values()
    copied.update(SlotSet("answered", True))
    copied.slots["names"].value.append("z")
    assert tracker.slots["answered"].value is False and tracker.slots["names"].value == ["a", "b"]
    assert state(copied.copy()) == state(copied)


def test_an_outage_in_a_cached_conversation_is_written_once_and_reloaded(tmp_path):
    folder = tmp_path / "db"
    folder.mkdir()
    url = f"sqlite:///{folder / 'tracker.db'}"
    store = store_at(url)
    turn(store, "alice", "before")
    turn(store, "alice", "cached")
    folder.rename(tmp_path / "away")
    turn(store, "alice", "during")  # from the outage memory
    (tmp_path / "away").rename(folder)
    tracker = turn(store, "alice", "after")
    said = [e.text for e in tracker.events if isinstance(e, UserUttered)]
    assert said == ["before", "cached", "during", "after"]
    assert texts(url, "alice")[::2] == ["before", "cached", "during", "after"]
