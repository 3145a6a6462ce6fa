"""Rasa's SQL tracker store, plus forgetting a conversation on request and riding out a database outage.

Forget-me: the deletion has to happen here, in Rasa's process: `SQLTrackerStore.save` re-inserts every
event it does not find in the table, so rows deleted by anyone else would come back on the next save.

Database down: when the database cannot be reached, the store keeps answering from memory (the tracker
cache below holds the recently active conversations as stored, so a conversation started before the outage
goes on during it; what changes during the outage is kept as a compressed copy, at most `memory_size`),
logs one error, tries the database again every `retry_seconds`, and when it is back logs one line and
writes what it kept in memory (the waiting, ordering and logging are padsafety/buffering.py's, shared with
the action server's screening records). Each conversation's missing events are the ones newer than the newest
event stored for it (events are appended in time order), so nothing is written twice or lost, however
the conversation's sessions were split meanwhile. A forget-me request made during the outage deletes
the stored conversation at recovery.

Per-turn cost: Rasa's `SQLTrackerStore` loads every event of the conversation's session from SQL and
replays it into a tracker on every message, then counts the stored events again to find the new ones, so a
turn costs more the longer the conversation. `CachedSQLTrackerStore` (below; this store builds on it) keeps
the trackers of recently active conversations in memory and checks them against the database with one
aggregate query per retrieve: the number of the conversation's stored events, its newest id and newest
timestamp. Only when they match what the cache last saw is the cached tracker used; otherwise (another
Rasa server wrote to the conversation, a forget-me or retention purge deleted it, an outage's events were
written at recovery) it is loaded from SQL as Rasa does. Saving inserts only the events after those the
cache holds. Several Rasa servers sharing one database stay correct: each checks the database before
trusting its copy (the Redis lock store already serialises a conversation's turns between servers).
The cache is bounded (`cache_size` conversations, `cache_events` events in all), separate from the outage
memory below, and can be switched off (`cache_size: 0` in the tracker store's endpoint configuration),
which gives Rasa's own retrieve and save.

Start-up: Rasa's `SQLTrackerStore.__init__` only logs "Could not create tables" when the database is
down (it loops only with `login_db`, which we do not use), so Rasa starts; this store then starts in
the "unreachable" state and creates the tables when the database appears. Rasa's engine has no connect
timeout, though: against a host that drops packets, that first attempt waits for the TCP timeout (~2
minutes) before Rasa comes up. Our own engine has a 5 s connect timeout.

Limits: what is kept in memory is lost if Rasa stops during the outage; with several Rasa servers
(scripts/scale_out.py) each keeps its own copies, so a conversation that moves between servers during
the outage continues from the copy the server has (its later events are still written, in time order).
A database that stops answering on an open connection (a frozen server, packets dropped after
connecting) blocks the event loop until the operating system gives up on the connection, as in Rasa.
"""

from __future__ import annotations

import copy
import json
import logging
import os
import zlib
from collections import OrderedDict, deque
from dataclasses import dataclass
from functools import partial
from typing import Any, Awaitable, Callable, Iterable, List, Optional, Text, Tuple, TypeVar

import sqlalchemy as sa
from rasa.core.tracker_store import SQLTrackerStore, create_engine_kwargs
from rasa.shared.core.domain import Domain
from rasa.shared.core.events import ActionExecuted, Event, SessionStarted, UserUttered, deserialise_events
from rasa.shared.core.trackers import DialogueStateTracker
from rasa.shared.nlu.constants import INTENT_NAME_KEY
from sqlalchemy import exc

from padsafety.buffering import PendingWrites

logger = logging.getLogger(__name__)
T = TypeVar("T")

FORGET_ACTION = "action_forget_me"


def forget_requested(tracker: DialogueStateTracker) -> bool:
    """Whether the latest turn ran the (confirmed) forget-me action."""
    for event in reversed(tracker.events):
        if isinstance(event, UserUttered):
            return False
        if isinstance(event, ActionExecuted) and event.action_name == FORGET_ACTION:
            return True
    return False


def is_unreachable(error: BaseException) -> bool:
    """Whether an error means "the database cannot be reached" (rather than a bug or bad data).

    PostgreSQL's drivers raise `OperationalError` for connection, shutdown and resource errors only;
    SQLite (the development default) raises it for SQL errors too, which would then look like an outage.
    """
    if isinstance(error, (exc.OperationalError, exc.InterfaceError, exc.TimeoutError)):
        return True  # refused, reset, timed out, pool exhausted, SQLite file gone
    return isinstance(error, exc.DBAPIError) and error.connection_invalidated


def _describe(error: BaseException) -> str:
    """One line for the log: the driver's first line, without SQLAlchemy's statement and help link."""
    original = getattr(error, "orig", None) or error
    lines = str(original).strip().splitlines()
    return f"{original.__class__.__name__}: {lines[0] if lines else ''}".strip()


# --- the tracker cache ---------------------------------------------------------------------------------

# What the database holds for a conversation: (number of stored events, newest id, newest timestamp).
# Inserting or deleting any of its events changes it (ids and timestamps only grow, so even SQLite,
# which can reuse the ids of deleted rows, cannot give back the same triple after a delete and re-insert).
Mark = Tuple[int, Optional[int], Optional[float]]


def clone_tracker(tracker: DialogueStateTracker) -> DialogueStateTracker:
    """An independent copy of a tracker's state, without replaying its events.

    The events themselves are shared, as in Rasa's own `DialogueStateTracker.copy()` (Rasa never changes
    an event once a later one is appended); everything a turn changes is copied: the event list, the
    slots and their values, the active loop and the latest action.
    """
    clone = copy.copy(tracker)
    clone.events = deque(tracker.events, tracker.events.maxlen)
    slots = type(tracker.slots)()  # a dict, or Rasa's AnySlotDict for a tracker without a domain
    for name, slot in tracker.slots.items():
        slot_copy = copy.copy(slot)
        if isinstance(slot_copy._value, (list, dict, set)):
            slot_copy._value = copy.deepcopy(slot_copy._value)
        slots[name] = slot_copy
    clone.slots = slots
    clone.active_loop = copy.deepcopy(tracker.active_loop)
    clone.latest_action = copy.copy(tracker.latest_action)
    return clone


class ClonableTracker(DialogueStateTracker):
    """A tracker whose `copy()` clones its state (`clone_tracker`) instead of replaying every event.

    Rasa's processor copies the tracker before every action it runs (`MessageProcessor._run_action`), and
    `DialogueStateTracker.copy` replays the whole conversation into a new tracker: a cost per action that
    grew with the conversation's length (issue #16). The cache hands out trackers of this class.
    """

    def copy(self) -> DialogueStateTracker:
        """An independent copy of this tracker's state, as `DialogueStateTracker.copy` gives."""
        return clone_tracker(self)


@dataclass
class CachedTracker:
    """A conversation's latest session as loaded from (or appended to) the database, and its mark.

    `tracker` is the store's own object and is never handed out (only clones are). `anchor` is the
    event at the end of the cached events in the trackers handed out or saved since: a tracker given to
    `save` continues the cached one when its event at that position is this very object.
    """

    tracker: DialogueStateTracker
    mark: Mark
    anchor: Optional[Event]
    session_start: Optional[float]  # timestamp of the session's `SessionStarted`, which Rasa filters by


class CachedSQLTrackerStore(SQLTrackerStore):
    """Rasa's SQL tracker store, with the trackers of recently active conversations kept in memory.

    See the module's docstring. `retrieve` costs one aggregate query when the cached tracker is current,
    and `save` only the inserts of the new events; anything unexpected (a tracker that does not continue
    the cached one, a database that changed meanwhile) falls back to Rasa's own code for that call and
    drops the cached copy.
    """

    # Bounds of the cache: conversations, and events in all of them (the bigger cost: a 15-turn
    # conversation with the whole safety check is ~150 events and ~230 KB as Python objects, about 1.5 KB
    # an event, so 40,000 events are ~60 MB). The least recently used conversations go first; one that
    # is not cached is loaded from SQL as Rasa does. cache_size 0 switches the cache off.
    cache_size = 500
    cache_events = 40_000

    def __init__(
        self, *args: Any, cache_size: Optional[int] = None, cache_events: Optional[int] = None, **kwargs: Any
    ) -> None:
        super().__init__(*args, **kwargs)
        if cache_size is not None:
            self.cache_size = int(cache_size)
        if cache_events is not None:
            self.cache_events = int(cache_events)
        self._cache: "OrderedDict[str, CachedTracker]" = OrderedDict()

    def _mark(self, session: Any, sender_id: Text) -> Mark:
        """The conversation's mark in the database (one aggregate query over its index)."""
        event = self.SQLEvent
        count, newest_id, newest_time = (
            session.query(sa.func.count(event.id), sa.func.max(event.id), sa.func.max(event.timestamp))
            .filter(event.sender_id == sender_id)
            .one()
        )
        return int(count), newest_id, newest_time

    @property
    def domain(self) -> Domain:
        """The model's domain (its slots shape the trackers)."""
        return self._domain

    @domain.setter
    def domain(self, domain: Optional[Domain]) -> None:
        self._domain = domain or Domain.empty()
        getattr(self, "_cache", {}).clear()  # trackers built with another domain's slots

    def forget_cached(self, sender_id: Text) -> None:
        """Drop a conversation's cached tracker (it is loaded from the database next time)."""
        self._cache.pop(sender_id, None)

    def _keep(self, sender_id: Text, entry: CachedTracker) -> None:
        """Cache `entry` as the most recently used; evict the least recently used beyond the bounds."""
        self._cache[sender_id] = entry
        self._cache.move_to_end(sender_id)
        events = sum(len(cached.tracker.events) for cached in self._cache.values())
        while self._cache and (len(self._cache) > self.cache_size or events > self.cache_events):
            _, evicted = self._cache.popitem(last=False)
            events -= len(evicted.tracker.events)

    async def retrieve(self, sender_id: Text) -> Optional[DialogueStateTracker]:
        """The latest session: a copy of the cached tracker if the database has not changed, else Rasa's."""
        if self.cache_size <= 0:
            return await super().retrieve(sender_id)
        with self.session_scope() as session:
            mark = self._mark(session, sender_id)  # first: a write after it makes the next check fail
            entry = self._cache.get(sender_id)
            if entry is None or entry.mark != mark:
                self.forget_cached(sender_id)
                rows = self._event_query(session, sender_id, fetch_events_from_all_sessions=False).all()
                if not (self.domain and rows):
                    return None  # as Rasa: nothing stored (or no domain)
                tracker = DialogueStateTracker.from_dict(
                    sender_id, [json.loads(row.data) for row in rows], self.domain.slots
                )
                starts = [row.timestamp for row in rows if row.type_name == SessionStarted.type_name]
                entry = CachedTracker(tracker, mark, None, max(starts, default=None))
                self._keep(sender_id, entry)
            else:
                self._cache.move_to_end(sender_id)
        events = entry.tracker.events
        entry.anchor = events[-1] if events else None
        tracker = clone_tracker(entry.tracker)
        tracker.__class__ = ClonableTracker  # (the same attributes: only `copy` differs)
        return tracker

    def _continues(self, tracker: DialogueStateTracker, entry: CachedTracker) -> bool:
        """Whether `tracker` is the cached tracker plus new events (a clone of it, added to)."""
        cached = len(entry.tracker.events)
        if cached == 0 or len(tracker.events) < cached:
            return False
        return tracker.events[cached - 1] is entry.anchor

    async def save(self, tracker: DialogueStateTracker) -> None:
        """Insert the events after the cached ones; Rasa's save when the cache cannot tell which are new."""
        if self.cache_size <= 0:
            return await super().save(tracker)
        await self.stream_events(tracker)  # as Rasa's save (a no-op without an event broker)
        sender_id = tracker.sender_id
        with self.session_scope() as session:
            # No query for the mark here: the events after the cached ones are new whatever happened
            # meanwhile, and if another server wrote since `retrieve` (only possible without the Redis
            # lock store), the mark computed below differs from the database's and the next `retrieve`
            # loads the conversation from SQL. (Rasa's count of stored events would skip or repeat
            # events then, or re-insert a conversation that was just forgotten.)
            # Out of the cache until this save has succeeded: if anything below fails, the next save
            # counts the stored events as Rasa does and the next retrieve loads from SQL.
            entry = self._cache.pop(sender_id, None)
            if entry is not None and self._continues(tracker, entry):
                mark = entry.mark
                new_events: List[Event] = list(tracker.events)[len(entry.tracker.events) :]
            else:
                entry = None
                new_events = list(self._additional_events(session, tracker))
            rows = [self._sql_row(sender_id, event) for event in new_events]
            session.add_all(rows)
            session.flush()  # assigns the ids
            ids = [row.id for row in rows]
            stored = [row.data for row in rows]
            session.commit()
        logger.debug(f"Tracker with sender_id '{sender_id}' stored to database")
        if entry is None:
            return
        if not new_events:
            self._keep(sender_id, entry)
            return
        loaded = deserialise_events([json.loads(data) for data in stored])
        start = entry.session_start
        if any(
            isinstance(event, SessionStarted) or (start is not None and (event.timestamp or 0) < start)
            for event in loaded
        ):
            # a new session (Rasa's retrieve returns only that one), or an event that Rasa's retrieve
            # would leave out (older than the session start: clocks of two servers disagreeing)
            return
        for event in loaded:  # exactly what Rasa's retrieve would replay from these rows
            entry.tracker.update(event)
        times = [event.timestamp for event in loaded if event.timestamp is not None]
        newest_time = max(times + ([mark[2]] if mark[2] is not None else []), default=None)
        entry.mark = (mark[0] + len(rows), max(ids + ([mark[1]] if mark[1] is not None else [])), newest_time)
        entry.anchor = tracker.events[-1]
        self._keep(sender_id, entry)

    def _sql_row(self, sender_id: Text, event: Event) -> "SQLTrackerStore.SQLEvent":
        """An event as `SQLTrackerStore.save` stores it."""
        data = event.as_dict()
        return self.SQLEvent(
            sender_id=sender_id,
            type_name=event.type_name,
            timestamp=data.get("timestamp"),
            intent_name=data.get("parse_data", {}).get("intent", {}).get(INTENT_NAME_KEY),
            action_name=data.get("name"),
            data=json.dumps(data),
        )


def sqlite_engine(url: Any, journal: str = "WAL") -> sa.engine.Engine:
    """The engine of the embedded SQLite tracker database: pooled connections, write-ahead log.

    SQLAlchemy 1.4 opens a new SQLite connection for every session of a file database (NullPool), and
    SQLite's default rollback journal creates, syncs and deletes a journal file at every commit: together
    about 0.6 ms of CPU per turn (measured in the README, "Performance"). Here connections are pooled (as
    SQLAlchemy 2.0 does) and the database uses a write-ahead log with `synchronous=NORMAL`: a commit
    survives the process being killed (the fault tests kill it mid-conversation); only a power cut or an
    operating-system crash can lose the last commits. A WAL database must stay on a local disk (not a network
    share). A pooled connection is given out only while its file is still the one it opened, so a database
    that goes away (moved, unmounted) is noticed as with a new connection per session (the outage below).
    ``journal="DELETE"`` keeps SQLite's default journal (scripts/profile_server.py's `journal` variant).
    """
    path = os.path.abspath(url.database)

    def inode() -> Optional[int]:
        try:
            return os.stat(path).st_ino
        except OSError:
            return None

    engine = sa.create_engine(
        url, poolclass=sa.pool.QueuePool, pool_size=5, max_overflow=10,
        connect_args={"check_same_thread": False},
    )

    @sa.event.listens_for(engine, "connect")
    def _tune(dbapi_connection: Any, record: Any) -> None:
        cursor = dbapi_connection.cursor()
        cursor.execute(f"PRAGMA journal_mode={journal}")
        cursor.execute("PRAGMA synchronous=NORMAL" if journal == "WAL" else "PRAGMA synchronous=FULL")
        cursor.close()
        record.info["inode"] = inode()

    @sa.event.listens_for(engine, "checkout")
    def _still_there(dbapi_connection: Any, record: Any, proxy: Any) -> None:
        now = inode()
        if now is None or now != record.info.get("inode"):
            raise exc.DisconnectionError(f"the SQLite database file {path} is gone or was replaced")

    return engine


class PrivacySQLTrackerStore(CachedSQLTrackerStore):
    """SQL tracker store that forgets a conversation on request and keeps answering when the DB is down."""

    # Enough for every conversation of the last hour (Rasa's session expiry here, after which a new
    # session starts anyway) at ~3 new conversations a second, sustained.
    # Measured: a finished screening plus 5 questions (132 events) is 46 KB of JSON, 6.7 KB compressed
    # (0.06 ms), so 10,000 long conversations take ~70 MB.
    memory_size = 10_000
    # how often the database is tried again while it is down (a refused connection costs ~1 ms, a
    # blocked one up to `connect_timeout_seconds`, during which the event loop waits)
    retry_seconds = 5.0
    connect_timeout_seconds = 5
    # True: a compressed copy of the whole conversation at every save, as before 2026-12-04 (kept for
    # scripts/profile_server.py's `copy` variant, which measures what not copying saves)
    copy_every_turn = False

    def __init__(self, *args, **kwargs) -> None:
        super().__init__(*args, **kwargs)
        self._use_reconnecting_engine()
        self._memory: "OrderedDict[str, bytes]" = OrderedDict()  # sender id -> compressed tracker, LRU
        # what waits for the database, in order: ("events", sender) writes a conversation's events kept
        # only in memory (read from memory when written), ("forget", sender) deletes a conversation
        self._writes = PendingWrites(
            "Tracker store database",
            "conversation",
            limit=2 * self.memory_size,
            is_outage=is_unreachable,
            retry_seconds=self.retry_seconds,
            probe=partial(self.Base.metadata.create_all, self.engine),  # if it was down at start-up
            describe=_describe,
            log=logger,
        )
        try:
            self.Base.metadata.create_all(self.engine)  # Rasa could not if the database was down
        except Exception as error:
            if not is_unreachable(error):
                raise
            self._writes.went_down(error)

    @property
    def failing(self) -> bool:
        """Whether the database is considered unreachable (conversations are kept in memory)."""
        return self._writes.failing

    def _use_reconnecting_engine(self) -> None:
        """Replace Rasa's engine by one that checks pooled connections first and times out connecting.

        Without `pool_pre_ping`, the first query after a database restart fails on a dead pooled
        connection even though the database is back; without a connect timeout, a host that drops
        packets blocks the event loop for the TCP timeout at each attempt.
        """
        url = self.engine.url
        if url.get_backend_name() == "sqlite" and url.database not in (None, "", ":memory:"):
            self.engine.dispose()
            self.engine = sqlite_engine(url)
            self.sessionmaker = sa.orm.sessionmaker(bind=self.engine)
            return
        kwargs = create_engine_kwargs(url)
        if url.get_backend_name() == "postgresql" and "connect_timeout" not in url.query:
            kwargs.setdefault("connect_args", {})["connect_timeout"] = self.connect_timeout_seconds
        self.engine.dispose()
        self.engine = sa.create_engine(url, pool_pre_ping=True, **kwargs)
        self.sessionmaker = sa.orm.sessionmaker(bind=self.engine)

    # --- the Rasa interface: every read and write goes through `_database` -------------------------

    async def retrieve(self, sender_id: Text) -> Optional[DialogueStateTracker]:
        """The latest session from the database, or the copy in memory while it is down."""
        return await self._database(
            partial(super().retrieve, sender_id), partial(self._from_memory, sender_id)
        )

    async def retrieve_full_tracker(self, conversation_id: Text) -> Optional[DialogueStateTracker]:
        """Every session from the database, or the copy in memory (recent sessions) while it is down."""
        return await self._database(
            partial(super().retrieve_full_tracker, conversation_id),
            partial(self._from_memory, conversation_id),
        )

    async def keys(self) -> Iterable[Text]:
        """Conversation ids in the database, or those in memory while it is down."""
        return await self._database(super().keys, lambda: list(dict.fromkeys([*self._cache, *self._memory])))

    async def save(self, tracker: DialogueStateTracker) -> None:
        """Store the new events, or forget the sender; kept in memory while the database is down."""
        sender_id = tracker.sender_id
        forget = forget_requested(tracker)
        parent_save = super().save

        async def write() -> bool:
            if forget:
                self._delete_conversation(sender_id)
            else:
                await parent_save(tracker)
            return True

        stored = await self._database(write, lambda: False)
        if forget:
            self._memory.pop(sender_id, None)
            self._writes.discard(("events", sender_id))  # moot: the conversation is to be deleted
            if not stored:
                self._writes.defer(partial(self._delete_conversation, sender_id), key=("forget", sender_id))
            return
        self._remember(tracker, unsaved=not stored)

    # --- outage handling ---------------------------------------------------------------------------

    async def _database(self, operation: Callable[[], Awaitable[T]], fallback: Callable[[], T]) -> T:
        """Run `operation` on the database; if it cannot be reached, return `fallback()` (from memory).

        While the database is down it is tried again at most every `retry_seconds`; when it answers, what
        waits in memory is written first (padsafety/buffering.py logs the outage once and its end once).
        """
        if self._writes.due() and self._writes.flush():
            try:
                return await operation()
            except Exception as error:
                if not is_unreachable(error):
                    raise
                self._writes.went_down(error)
        return fallback()

    def _write_unsaved(self, sender_id: Text) -> None:
        """Insert the events of a conversation kept in memory that are newer than its newest stored one.

        Not Rasa's `save`: it counts the stored events of the latest session and inserts the rest, which
        duplicates or skips events when the copy in memory holds more than that session.
        """
        tracker = self._from_memory(sender_id)
        if tracker is None:
            return
        with self.session_scope() as session:
            newest = (
                session.query(sa.func.max(self.SQLEvent.timestamp))
                .filter(self.SQLEvent.sender_id == sender_id)
                .scalar()
            )
            for event in tracker.events:
                if newest is None or event.timestamp > newest:
                    session.add(self._sql_row(sender_id, event))
            session.commit()

    def _delete_conversation(self, sender_id: Text) -> None:
        self.forget_cached(sender_id)
        with self.session_scope() as session:
            deleted = (
                session.query(self.SQLEvent)
                .filter(self.SQLEvent.sender_id == sender_id)
                .delete(synchronize_session=False)
            )
            session.commit()
        logger.info("Forgot a conversation on its user's request (%d events deleted)", deleted)

    # --- the copy in memory --------------------------------------------------------------------------

    def _remember(self, tracker: DialogueStateTracker, unsaved: bool) -> None:
        """Keep a copy (serialised, so later changes to the tracker object do not leak into it).

        Not when the tracker cache holds the conversation as just stored: that copy is what an outage
        answers from, so a healthy turn does not serialise and compress the whole conversation again.
        """
        sender_id = tracker.sender_id
        if not unsaved and sender_id in self._cache and not self.copy_every_turn:
            self._memory.pop(sender_id, None)
            return
        self._memory[sender_id] = zlib.compress(self.serialise_tracker(tracker).encode(), 1)
        self._memory.move_to_end(sender_id)
        if unsaved and ("events", sender_id) not in self._writes:
            self._writes.defer(partial(self._write_unsaved, sender_id), key=("events", sender_id))
        while len(self._memory) > self.memory_size:
            oldest, _ = self._memory.popitem(last=False)
            # bounded memory beats an outage that exhausts it: counted and logged as dropped
            self._writes.drop(("events", oldest))

    def _from_memory(self, sender_id: Text) -> Optional[DialogueStateTracker]:
        serialised = self._memory.get(sender_id)
        if serialised is None:
            entry = self._cache.get(sender_id)  # stored before the outage, still cached
            return clone_tracker(entry.tracker) if entry is not None else None
        self._memory.move_to_end(sender_id)
        return self.deserialise_tracker(sender_id, zlib.decompress(serialised))
