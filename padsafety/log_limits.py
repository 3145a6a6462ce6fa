"""Bounded logs: rate-limited warnings and errors, so cheap bad requests cannot fill the disk.

A client can send the same malformed request thousands of times a second; logging a traceback for each one
wrote about 2 MB/s. Two tools, both keyed by *where* a record comes from (logger, level, message template,
exception type), never by its content:

- :class:`RateLimitFilter`, a ``logging.Filter`` put on every handler of a server process
  (:func:`limit_handlers`): per key, the first ``burst`` records of a window pass, the rest are counted
  and dropped; the next record that passes says how many were dropped. DEBUG and INFO records are not
  limited (INFO is one line per event and off the error paths).
- :class:`RateLimitedLogger`, for code that knows it reports something a client can repeat at will.

Files are rotated by scripts/log_writer.py (size-based, like logrotate), which `make run` puts behind each
server's output. No Rasa import: the action server and the page server use this too.
"""

from __future__ import annotations

import logging
import threading
import time
from typing import Any, Callable, Dict, Hashable, Tuple

WINDOW_SECONDS = 60.0
BURST = 10


class _Budget:
    """Per key: how many records passed in the current window and how many were dropped."""

    def __init__(self, burst: int, window: float, clock: Callable[[], float]) -> None:
        self.burst, self.window, self.clock = burst, window, clock
        self._state: Dict[Hashable, Tuple[float, int, int]] = {}
        self._lock = threading.Lock()

    def take(self, key: Hashable) -> Tuple[bool, int]:
        """(may pass, records dropped since the last one that passed)."""
        now = self.clock()
        with self._lock:
            start, passed, dropped = self._state.get(key, (now, 0, 0))
            if now - start >= self.window:
                start, passed = now, 0
            if passed < self.burst:
                self._state[key] = (start, passed + 1, 0)
                if len(self._state) > 10_000:  # keys come from code, not content; a cap all the same
                    self._state.clear()
                return True, dropped
            self._state[key] = (start, passed, dropped + 1)
            return False, dropped + 1


class RateLimitFilter(logging.Filter):
    """Drops WARNING and above records past ``burst`` per ``window`` seconds for the same source."""

    def __init__(
        self, burst: int = BURST, window: float = WINDOW_SECONDS, clock: Callable[[], float] = time.monotonic
    ) -> None:
        super().__init__()
        self.budget = _Budget(burst, window, clock)

    def filter(self, record: logging.LogRecord) -> bool:
        """True to emit the record (possibly with a note of the records dropped before it)."""
        if record.levelno < logging.WARNING:
            return True
        exc_type = record.exc_info[0].__name__ if record.exc_info and record.exc_info[0] else None
        key = (record.name, record.levelno, str(record.msg)[:200], exc_type)
        allowed, dropped = self.budget.take(key)
        if allowed and dropped and not getattr(record, "_rate_noted", False):
            record.msg = f"{record.msg} [{dropped} similar records dropped by the log rate limit]"
            record._rate_noted = True  # several handlers share the record: note it once
        return allowed


def limit_handlers(burst: int = BURST, window: float = WINDOW_SECONDS) -> int:
    """Put one shared :class:`RateLimitFilter` on every handler configured so far; the number of handlers."""
    shared = RateLimitFilter(burst, window)
    loggers = [logging.getLogger()] + [
        item for item in logging.Logger.manager.loggerDict.values() if isinstance(item, logging.Logger)
    ]
    handlers = {id(h): h for lg in loggers for h in lg.handlers}
    for handler in handlers.values():
        if not any(isinstance(f, RateLimitFilter) for f in handler.filters):
            handler.addFilter(shared)
    return len(handlers)


class RateLimitedLogger:
    """``logger.warning`` at most ``burst`` times per window per key, with a count of what was dropped."""

    def __init__(self, logger: logging.Logger, burst: int = BURST, window: float = WINDOW_SECONDS,
                 clock: Callable[[], float] = time.monotonic) -> None:
        self.logger = logger
        self.budget = _Budget(burst, window, clock)

    def log(self, level: int, key: Hashable, message: str, *args: Any) -> bool:
        """Log unless over budget; whether it was logged."""
        allowed, dropped = self.budget.take(key)
        if allowed:
            suffix = f" [{dropped} more dropped by the log rate limit]" if dropped else ""
            self.logger.log(level, message + suffix, *args)
        return allowed

    def warning(self, key: Hashable, message: str, *args: Any) -> bool:
        """A rate-limited warning."""
        return self.log(logging.WARNING, key, message, *args)

    def error(self, key: Hashable, message: str, *args: Any) -> bool:
        """A rate-limited error."""
        return self.log(logging.ERROR, key, message, *args)
