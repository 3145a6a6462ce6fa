"""The action server's writes to the screening records, kept in memory while the database is down.

The records themselves live in actions/db.py (the repository, which raises when the database is down); the
waiting, ordering, bounding and logging is padsafety/buffering.py's, shared with the tracker store.
"""

from __future__ import annotations

import logging
from typing import Any, Callable, Optional

from actions.db import Records, default_records, utcnow
from padsafety.buffering import PendingWrites

logger = logging.getLogger(__name__)


class OutageBuffer:
    """The action server's writes to the records database, kept in memory while the database is down.

    A screening finished or a forget-me asked for during an outage is not lost: the write waits here (in
    order, at most ``limit`` of them; a forget-me also drops the sender's waiting records) and is applied
    when a later write finds the database back. The outage is logged once, the recovery once. What waits
    here is lost if the action server stops before the database is back.

    The ``*_async`` methods do the same on the buffer's worker thread, so that an action waiting for the
    database (up to its connect timeout) does not hold up the action server's event loop.
    """

    def __init__(self, records: Callable[[], Records], limit: int = 10_000) -> None:
        self._records = records
        self._writes = PendingWrites("Screening records database", "record", limit=limit, log=logger)

    @property
    def pending(self) -> int:
        """How many writes wait for the database."""
        return self._writes.pending

    @property
    def failing(self) -> bool:
        """Whether the database is considered down."""
        return self._writes.failing

    def add_screening(self, **record: Any) -> bool:
        """Store a screening now, or later; whether it is stored now."""
        record.setdefault("created_at", utcnow())
        return self._writes.submit(lambda: self._records().add_screening(**record), key=record["sender_id"])

    def delete_sender(self, sender_id: str) -> bool:
        """Delete a sender's records now, or later (waiting ones at once); whether it is done now."""
        return self._writes.submit(
            lambda: self._records().delete_sender(sender_id), key=sender_id, replace=True
        )

    async def add_screening_async(self, **record: Any) -> bool:
        """:meth:`add_screening` off the event loop."""
        record.setdefault("created_at", utcnow())  # the time of the verdict, not of the write
        return await self._writes.call_in_thread(self.add_screening, **record)

    async def delete_sender_async(self, sender_id: str) -> bool:
        """:meth:`delete_sender` off the event loop."""
        return await self._writes.call_in_thread(self.delete_sender, sender_id)


_buffer: Optional[OutageBuffer] = None


def default_buffer() -> OutageBuffer:
    """The action server's buffered writer over :func:`actions.db.default_records`."""
    global _buffer
    if _buffer is None:
        _buffer = OutageBuffer(default_records)
    return _buffer
