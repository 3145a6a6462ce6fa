"""Writes that wait in memory while their store is unreachable, and are applied in order when it is back.

One helper for every store that must ride out an outage (the screening records in actions/records_buffer.py;
the tracker store can use it too). Pure Python: it knows nothing of Rasa or SQLAlchemy; a write is any
callable that raises when the store cannot take it.

- **Bounded.** At most ``limit`` writes wait; past that the oldest is dropped, counted, and logged once per
  outage ("memory full"). A caller with its own bounded cache reports its evictions with :meth:`drop`.
- **In order.** Writes are applied first in, first out; a new write is tried only after those waiting.
- **Keyed.** A write may carry a key (a conversation, a sender): :meth:`discard` removes the waiting writes
  of a key (a forget-me makes the records waiting for that person moot), ``replace=True`` does that before
  adding the new one, and ``key in buffer`` tells whether one waits.
- **Outage or bad data.** ``is_outage(error)`` says whether an error means "unreachable": the write then
  stays and the buffer is *failing* (logged once when it starts, once when it ends, with what was written
  and dropped). Any other error from a waiting write drops that write (logged with its traceback), so bad
  data cannot block the queue; every error counts as an outage by default.
- **Retry on recovery.** While failing, :meth:`flush` tries again at most every ``retry_seconds`` (0: at
  every call), first running ``probe`` (e.g. creating the tables) when one is given.
- **Off the event loop.** :meth:`call_in_thread` runs a function on the buffer's own worker thread (one,
  so writes keep their order), for async callers whose writes may block.

What waits here is lost if the process stops before the store is back.
"""

from __future__ import annotations

import asyncio
import logging
import threading
import time
from collections import deque
from concurrent.futures import ThreadPoolExecutor
from typing import Any, Callable, Deque, Hashable, List, Optional, Tuple, TypeVar

logger = logging.getLogger(__name__)

T = TypeVar("T")
Write = Callable[[], Any]


def always(_: BaseException) -> bool:
    """The default ``is_outage``: every error means the store is unreachable."""
    return True


def describe_error(error: BaseException) -> str:
    """One line for the log: the error's type and the first line of its cause (``error.orig`` for
    database drivers' errors wrapped by SQLAlchemy), at most 200 characters."""
    cause = str(getattr(error, "orig", None) or error).strip().splitlines()
    return f"{type(error).__name__}: {cause[0][:200] if cause else ''}".strip()


class PendingWrites:
    """A bounded, ordered, keyed queue of writes to one store, applied when the store is reachable.

    ``name`` names the store in the log ("Screening records database"); ``noun`` what a write stores
    ("record", "conversation"), for "records are kept in memory" and "wrote 2 record(s)".
    """

    def __init__(
        self,
        name: str,
        noun: str = "write",
        *,
        limit: int = 10_000,
        is_outage: Callable[[BaseException], bool] = always,
        retry_seconds: float = 0.0,
        probe: Optional[Callable[[], Any]] = None,
        describe: Callable[[BaseException], str] = describe_error,
        clock: Callable[[], float] = time.monotonic,
        log: logging.Logger = logger,
    ) -> None:
        if limit < 1:
            raise ValueError("limit must be at least 1")
        self.name = name
        self.noun = noun
        self.limit = limit
        self.retry_seconds = retry_seconds
        self._is_outage = is_outage
        self._probe = probe
        self._describe = describe
        self._clock = clock
        self._log = log
        self._pending: Deque[Tuple[Optional[Hashable], Write]] = deque()
        self._lock = threading.RLock()
        self._down_since: Optional[float] = None
        self._next_attempt = 0.0
        self._dropped = 0
        self._executor: Optional[ThreadPoolExecutor] = None

    # --- state ----------------------------------------------------------------------------------------

    @property
    def pending(self) -> int:
        """How many writes wait."""
        return len(self._pending)

    @property
    def failing(self) -> bool:
        """Whether the store is considered unreachable (from the first failure to the next success)."""
        return self._down_since is not None

    @property
    def dropped(self) -> int:
        """How many writes were dropped because memory was full, in the current outage."""
        return self._dropped

    def keys(self) -> List[Hashable]:
        """The keys of the waiting writes, oldest first (each once)."""
        with self._lock:
            return list(dict.fromkeys(key for key, _ in self._pending if key is not None))

    def __contains__(self, key: object) -> bool:
        with self._lock:
            return any(waiting == key for waiting, _ in self._pending)

    def due(self) -> bool:
        """Whether the store should be tried now: it is not failing, or ``retry_seconds`` have passed."""
        return self._down_since is None or self._clock() >= self._next_attempt

    # --- adding and removing writes ---------------------------------------------------------------------

    def submit(self, write: Write, key: Optional[Hashable] = None, replace: bool = False) -> bool:
        """Queue ``write`` and try every waiting write now; whether all of them (this one too) are done.

        With ``replace``, the writes waiting under the same key are discarded first.
        """
        with self._lock:
            self.defer(write, key, replace)
            return self.flush()

    def defer(self, write: Write, key: Optional[Hashable] = None, replace: bool = False) -> None:
        """Queue ``write`` without trying the store (the caller knows it is down); the oldest is dropped
        when more than ``limit`` wait."""
        with self._lock:
            if replace and key is not None:
                self.discard(key)
            self._pending.append((key, write))
            while len(self._pending) > self.limit:
                self._pending.popleft()
                self._count_drop(f"memory full ({self.limit} {self.noun}s waiting), the oldest are dropped")

    def discard(self, key: Hashable) -> int:
        """Remove the writes waiting under ``key`` (they became moot); how many. Not counted as dropped."""
        with self._lock:
            before = len(self._pending)
            self._pending = deque(item for item in self._pending if item[0] != key)
            return before - len(self._pending)

    def drop(self, key: Hashable) -> int:
        """Remove the writes waiting under ``key`` because memory is full (e.g. the caller's cache evicted
        what they would write); counted and logged like the queue's own drops."""
        with self._lock:
            removed = self.discard(key)
            for _ in range(removed):
                self._count_drop(f"memory full, the oldest {self.noun}s kept in memory are dropped")
            return removed

    def _count_drop(self, why: str) -> None:
        """Count one dropped write; the first drop of an outage is logged, with ``why``."""
        self._dropped += 1
        if self._dropped == 1:
            self._log.warning("%s: %s", self.name, why)

    # --- the store ----------------------------------------------------------------------------------------

    def went_down(self, error: BaseException) -> None:
        """Record that the store could not be reached (by a write here or by the caller's own operation);
        logged once per outage, and the next attempt is ``retry_seconds`` away."""
        with self._lock:
            if self._down_since is None:
                self._down_since = self._clock()
                retry = (
                    f" (trying again every {self.retry_seconds:.0f} s)" if self.retry_seconds > 0 else ""
                )
                self._log.error(
                    "%s unreachable (%s): %ss are kept in memory until it is back%s",
                    self.name,
                    self._describe(error),
                    self.noun,
                    retry,
                )
            else:
                self._log.debug("%s still unreachable: %s", self.name, self._describe(error))
            self._next_attempt = self._clock() + self.retry_seconds

    def flush(self) -> bool:
        """Apply the waiting writes in order; whether the store is reachable and nothing waits any more.

        While failing, the store is tried again only when :meth:`due`; at recovery the outage's end is
        logged once with how many writes were applied and dropped.
        """
        with self._lock:
            if self._down_since is None and not self._pending:
                return True
            if not self.due():
                return False
            written = 0
            try:
                if self._down_since is not None and self._probe is not None:
                    self._probe()
                while self._pending:
                    _, write = self._pending[0]
                    try:
                        write()
                    except Exception as error:
                        if self._is_outage(error):
                            raise
                        # bad data would fail every later attempt too: drop it rather than block the queue
                        self._log.exception(
                            "%s: a %s kept in memory could not be written and is lost", self.name, self.noun
                        )
                    self._pending.popleft()
                    written += 1
            except Exception as error:
                if not self._is_outage(error):
                    raise  # from the probe: a bug, not an outage
                self.went_down(error)
                return False
            if self._down_since is not None:
                self._log.warning(
                    "%s reachable again after %.0f s: wrote %d %s(s) kept in memory%s",
                    self.name,
                    self._clock() - self._down_since,
                    written,
                    self.noun,
                    f"; {self._dropped} dropped because memory was full" if self._dropped else "",
                )
                self._down_since, self._dropped = None, 0
            return True

    # --- async callers ------------------------------------------------------------------------------------

    async def call_in_thread(self, function: Callable[..., T], *args: Any, **kwargs: Any) -> T:
        """``function(*args, **kwargs)`` on this buffer's worker thread, awaited: the event loop goes on
        while a write waits for the store (up to its connect timeout). One thread, so writes keep their
        order."""
        with self._lock:
            if self._executor is None:
                self._executor = ThreadPoolExecutor(max_workers=1, thread_name_prefix="pending-writes")
            executor = self._executor
        loop = asyncio.get_running_loop()
        return await loop.run_in_executor(executor, lambda: function(*args, **kwargs))
