"""padsafety/buffering.py: a bounded, ordered, keyed queue of writes that rides out an outage."""

import asyncio
import logging
import threading

import pytest

from padsafety.buffering import PendingWrites, describe_error


class Store:
    """A store that can be taken down; records what was written, in order."""

    def __init__(self):
        self.up = True
        self.rows = []

    def write(self, row):
        def apply():
            if not self.up:
                raise ConnectionError("connection refused\nsecond line")
            if row == "bad":
                raise ValueError("bad data")
            self.rows.append(row)

        return apply


class Clock:
    def __init__(self):
        self.now = 100.0

    def __call__(self):
        return self.now


def messages(caplog, text):
    return [r.getMessage() for r in caplog.records if text in r.getMessage()]


def test_writes_go_through_at_once_while_the_store_is_up():
    store = Store()
    writes = PendingWrites("Test database", "row")
    assert writes.submit(store.write("a")) and writes.submit(store.write("b"))
    assert store.rows == ["a", "b"] and writes.pending == 0 and not writes.failing


def test_an_outage_keeps_the_writes_in_order_and_logs_once_each_way(caplog):
    store, clock = Store(), Clock()
    writes = PendingWrites("Test database", "row", clock=clock)
    store.up = False
    with caplog.at_level(logging.INFO):
        assert not writes.submit(store.write("a"))
        assert not writes.submit(store.write("b"))
        assert writes.failing and writes.pending == 2
        store.up = True
        clock.now += 7
        assert writes.submit(store.write("c"))
    assert store.rows == ["a", "b", "c"] and not writes.failing
    down = messages(caplog, "unreachable")
    assert down == [
        "Test database unreachable (ConnectionError: connection refused): "
        "rows are kept in memory until it is back"
    ]
    assert messages(caplog, "reachable again") == [
        "Test database reachable again after 7 s: wrote 3 row(s) kept in memory"
    ]


def test_the_queue_is_bounded_and_says_what_it_dropped(caplog):
    store = Store()
    writes = PendingWrites("Test database", "row", limit=2)
    store.up = False
    with caplog.at_level(logging.WARNING):
        for row in "abcd":
            writes.submit(store.write(row))
        assert writes.pending == 2 and writes.dropped == 2
        store.up = True
        assert writes.flush()
    assert store.rows == ["c", "d"]  # the oldest went first
    assert len(messages(caplog, "memory full (2 rows waiting)")) == 1  # once, not once per drop
    assert "wrote 2 row(s) kept in memory; 2 dropped because memory was full" in caplog.text
    assert writes.dropped == 0  # counted per outage


def test_keys_discard_replace_and_drop():
    store = Store()
    writes = PendingWrites("Test database", "row")
    store.up = False
    writes.submit(store.write("alice 1"), key="alice")
    writes.submit(store.write("bob 1"), key="bob")
    writes.submit(store.write("alice 2"), key="alice")
    assert "alice" in writes and writes.keys() == ["alice", "bob"]
    writes.submit(store.write("forget alice"), key="alice", replace=True)
    assert writes.pending == 2 and writes.dropped == 0  # replaced, not dropped
    assert writes.drop("bob") == 1 and writes.dropped == 1  # evicted by the caller: counted
    assert writes.discard("nobody") == 0
    store.up = True
    assert writes.flush()
    assert store.rows == ["forget alice"]


def test_retry_waits_for_retry_seconds_then_probes():
    store, clock = Store(), Clock()
    probes = []
    writes = PendingWrites("Test database", "row", retry_seconds=5, probe=lambda: probes.append(clock.now),
                           clock=clock)
    store.up = False
    assert not writes.submit(store.write("a"))
    store.up = True
    assert not writes.flush() and not writes.due()  # not tried before retry_seconds
    assert store.rows == [] and probes == []
    clock.now += 5
    assert writes.flush()
    assert store.rows == ["a"] and probes == [105.0]


def test_the_caller_can_report_an_outage_of_its_own():
    writes = PendingWrites("Test database", "row", retry_seconds=5)
    writes.went_down(ConnectionError("refused"))
    assert writes.failing and not writes.due()
    writes.defer(lambda: None, key="x")  # queued without a try
    assert writes.pending == 1


def test_bad_data_is_dropped_not_mistaken_for_an_outage(caplog):
    store = Store()
    writes = PendingWrites("Test database", "row", is_outage=lambda e: isinstance(e, ConnectionError))
    store.up = False
    writes.submit(store.write("a"))
    writes.defer(store.write("bad"))
    writes.defer(store.write("b"))
    store.up = True
    with caplog.at_level(logging.ERROR):
        assert writes.flush()
    assert store.rows == ["a", "b"]
    assert "could not be written and is lost" in caplog.text


def test_a_failing_probe_that_is_no_outage_is_raised():
    writes = PendingWrites("Test database", "row", is_outage=lambda e: isinstance(e, ConnectionError),
                           probe=lambda: 1 / 0)
    writes.went_down(ConnectionError("refused"))
    writes.defer(lambda: None)
    with pytest.raises(ZeroDivisionError):
        writes.flush()


def test_by_default_every_error_is_an_outage():
    writes = PendingWrites("Test database", "row")
    assert not writes.submit(lambda: 1 / 0)
    assert writes.failing and writes.pending == 1


def test_call_in_thread_runs_off_the_event_loop_in_order():
    store = Store()
    writes = PendingWrites("Test database", "row")
    seen = []

    def write(row):
        seen.append(threading.current_thread())
        return writes.submit(store.write(row))

    async def main():
        results = await asyncio.gather(*(writes.call_in_thread(write, row) for row in "abc"))
        assert results == [True, True, True]

    asyncio.run(main())
    assert store.rows == ["a", "b", "c"]
    assert all(thread is not threading.main_thread() for thread in seen)


def test_describe_error_is_one_line_and_prefers_the_driver_error():
    class Wrapped(Exception):
        orig = OSError("could not connect\nDETAIL: more")

    assert describe_error(Wrapped("statement ...")) == "Wrapped: could not connect"
    assert describe_error(ValueError("x" * 300)) == "ValueError: " + "x" * 200


def test_limit_must_be_positive():
    with pytest.raises(ValueError):
        PendingWrites("Test database", limit=0)
