"""Rasa's SQL tracker store, plus forgetting a conversation on request and riding out a database outage.

Forget-me: the deletion has to happen here, in Rasa's process: `SQLTrackerStore.save` re-inserts every
event it does not find in the table, so rows deleted by anyone else would come back on the next save.

Database down: when the database cannot be reached, the store keeps answering from memory (an LRU copy
of the recently saved conversations, so a conversation started before the outage goes on during it),
logs one error, tries the database again every `retry_seconds`, and when it is back logs one line and
writes what it kept in memory. Each conversation's missing events are the ones newer than the newest
event stored for it (events are appended in time order), so nothing is written twice or lost, however
the conversation's sessions were split meanwhile. A forget-me request made during the outage deletes
the stored conversation at recovery.

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

import json
import logging
import time
import zlib
from collections import OrderedDict
from functools import partial
from typing import Awaitable, Callable, Iterable, Optional, Set, Text, TypeVar

import sqlalchemy as sa
from rasa.core.tracker_store import SQLTrackerStore, create_engine_kwargs
from rasa.shared.core.events import ActionExecuted, Event, UserUttered
from rasa.shared.core.trackers import DialogueStateTracker
from rasa.shared.nlu.constants import INTENT_NAME_KEY
from sqlalchemy import exc

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


class PrivacySQLTrackerStore(SQLTrackerStore):
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

    def __init__(self, *args, **kwargs) -> None:
        super().__init__(*args, **kwargs)
        self._use_reconnecting_engine()
        self._memory: "OrderedDict[str, bytes]" = OrderedDict()  # sender id -> compressed tracker, LRU
        self._unsaved: Set[str] = set()  # conversations with events kept only in memory
        self._forget_later: Set[str] = set()  # forget-me requests made while the database was down
        self._down_since: Optional[float] = None
        self._next_attempt = 0.0
        self._dropped = 0
        try:
            self.Base.metadata.create_all(self.engine)  # Rasa could not if the database was down
        except Exception as error:
            if not is_unreachable(error):
                raise
            self._went_down(error)

    def _use_reconnecting_engine(self) -> None:
        """Replace Rasa's engine by one that checks pooled connections first and times out connecting.

        Without `pool_pre_ping`, the first query after a database restart fails on a dead pooled
        connection even though the database is back; without a connect timeout, a host that drops
        packets blocks the event loop for the TCP timeout at each attempt.
        """
        url = self.engine.url
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
        return await self._database(super().keys, lambda: list(self._memory))

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
            self._unsaved.discard(sender_id)
            if not stored:
                self._forget_later.add(sender_id)
            return
        self._remember(tracker, unsaved=not stored)

    # --- outage handling ---------------------------------------------------------------------------

    async def _database(self, operation: Callable[[], Awaitable[T]], fallback: Callable[[], T]) -> T:
        """Run `operation` on the database; if it cannot be reached, return `fallback()` (from memory)."""
        if self._down_since is None or self._recovered():
            try:
                return await operation()
            except Exception as error:
                if not is_unreachable(error):
                    raise
                self._went_down(error)
        return fallback()

    def _went_down(self, error: BaseException) -> None:
        """Switch to memory; the error is logged once per outage, not once per message."""
        if self._down_since is None:
            self._down_since = time.monotonic()
            logger.error(
                "Tracker store database unreachable (%s): conversations are kept in memory until it is "
                "back (trying again every %.0f s)",
                _describe(error),
                self.retry_seconds,
            )
        else:
            logger.debug("Tracker store database still unreachable: %s", _describe(error))
        self._next_attempt = time.monotonic() + self.retry_seconds

    def _recovered(self) -> bool:
        """Try the database again (at most every `retry_seconds`); if it answers, write what is in memory."""
        if time.monotonic() < self._next_attempt:
            return False
        try:
            self.Base.metadata.create_all(self.engine)  # a no-op unless it was down at start-up
            for sender_id in sorted(self._forget_later):
                self._delete_conversation(sender_id)
                self._forget_later.discard(sender_id)
            written = len(self._unsaved)
            for sender_id in list(self._unsaved):
                try:
                    self._write_unsaved(sender_id)
                except Exception as error:
                    if is_unreachable(error):
                        raise
                    # bad data would fail Rasa's own save too: drop it rather than block recovery
                    logger.exception("Could not write a conversation kept in memory: its new events are lost")
                self._unsaved.discard(sender_id)
        except Exception as error:
            if not is_unreachable(error):
                raise
            self._went_down(error)
            return False
        logger.warning(
            "Tracker store database reachable again after %.0f s: wrote %d conversation(s) kept in "
            "memory%s",
            time.monotonic() - self._down_since,
            written,
            f"; {self._dropped} dropped because memory was full" if self._dropped else "",
        )
        self._down_since, self._dropped = None, 0
        return True

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
                    session.add(self._row(sender_id, event))
            session.commit()

    def _row(self, sender_id: Text, event: Event) -> "SQLTrackerStore.SQLEvent":
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

    def _delete_conversation(self, sender_id: Text) -> None:
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
        """Keep a copy (serialised, so later changes to the tracker object do not leak into it)."""
        sender_id = tracker.sender_id
        self._memory[sender_id] = zlib.compress(self.serialise_tracker(tracker).encode(), 1)
        self._memory.move_to_end(sender_id)
        if unsaved:
            self._unsaved.add(sender_id)
        while len(self._memory) > self.memory_size:
            oldest, _ = self._memory.popitem(last=False)
            if oldest in self._unsaved:  # bounded memory beats an outage that exhausts it
                self._unsaved.discard(oldest)
                self._dropped += 1
                if self._dropped == 1:
                    logger.warning(
                        "Tracker store memory full (%d conversations): the oldest conversations kept "
                        "during the outage are dropped",
                        self.memory_size,
                    )

    def _from_memory(self, sender_id: Text) -> Optional[DialogueStateTracker]:
        serialised = self._memory.get(sender_id)
        if serialised is None:
            return None
        self._memory.move_to_end(sender_id)
        return self.deserialise_tracker(sender_id, zlib.decompress(serialised))
