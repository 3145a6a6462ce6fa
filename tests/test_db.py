"""Screening records and retention on real databases: SQLite, and PostgreSQL from TEST_POSTGRES_URL; the
records' outage buffer (actions/records_buffer.py)."""

import datetime as dt
import logging
import os
import uuid

import pytest
from sqlalchemy import create_engine, text

from actions.db import Conversations, Records, engine_options, sender_hash
from actions.records_buffer import OutageBuffer

POSTGRES_URL = os.environ.get("TEST_POSTGRES_URL")


@pytest.fixture(params=["sqlite", "postgresql"])
def url(request, tmp_path):
    if request.param == "sqlite":
        return f"sqlite:///{tmp_path / 'records.db'}"
    if not POSTGRES_URL:
        if os.environ.get("CI"):
            pytest.fail("TEST_POSTGRES_URL is not set: CI must test PostgreSQL (see .ci/run)")
        pytest.skip("TEST_POSTGRES_URL is not set")
    return POSTGRES_URL


def test_migrate_is_idempotent_and_records_round_trip(url):
    store = Records(url, "salt")
    store.migrate()
    store.migrate()
    sender = f"user-{uuid.uuid4()}"
    store.add_screening(sender, "rest", "do_not_use", ["pregnancy", "seizures"], "v1")
    store.add_screening(sender, "telegram", "ask_doctor", ["seizures"], "v1")
    assert store.count_for(sender) == 2
    start = dt.datetime.now(dt.timezone.utc) - dt.timedelta(minutes=5)
    verdicts, rules, per_day = store.summary(start, start + dt.timedelta(hours=1))
    assert verdicts["do_not_use"] >= 1 and verdicts["ask_doctor"] >= 1
    assert rules["seizures"] >= 2
    assert store.delete_sender(sender) == 2
    assert store.count_for(sender) == 0


def test_the_salt_matters():
    assert sender_hash("a", "salt1") != sender_hash("a", "salt2")
    assert len(sender_hash("a", "salt1")) == 64


def test_purge_keeps_recent_records(url):
    store = Records(url, "salt")
    store.migrate()
    sender = f"user-{uuid.uuid4()}"
    store.add_screening(sender, "rest", "ask_doctor", [], "v1")
    assert store.purge_before(dt.datetime.now(dt.timezone.utc) - dt.timedelta(days=1)) == 0
    assert store.count_for(sender) == 1
    store.purge_before(dt.datetime.now(dt.timezone.utc) + dt.timedelta(seconds=1))
    assert store.count_for(sender) == 0


def test_conversation_retention_deletes_whole_old_conversations(tmp_path):
    url = f"sqlite:///{tmp_path / 'tracker.db'}"
    engine = create_engine(url)
    now = dt.datetime.now(dt.timezone.utc).timestamp()
    with engine.begin() as connection:
        connection.execute(
            text(
                "CREATE TABLE events (id INTEGER PRIMARY KEY, sender_id VARCHAR, type_name VARCHAR, "
                "timestamp FLOAT, intent_name VARCHAR, action_name VARCHAR, data TEXT)"
            )
        )
        rows = [
            ("old", now - 100 * 86400),
            ("old", now - 99 * 86400),
            ("live", now - 100 * 86400),
            ("live", now - 10),
        ]
        for sender, stamp in rows:
            connection.execute(
                text("INSERT INTO events (sender_id, type_name, timestamp) VALUES (:s, 'user', :t)"),
                {"s": sender, "t": stamp},
            )
    conversations = Conversations(url)
    assert conversations.purge_before(dt.datetime.now(dt.timezone.utc) - dt.timedelta(days=30)) == 1
    assert conversations.event_count("old") == 0
    assert conversations.event_count("live") == 2  # a live conversation is never cut in half


def _screening(sender: str) -> dict:
    return dict(
        sender_id=sender, channel="rest", verdict="do_not_use", fired_rules=["pregnancy"], rules_version="1"
    )


def test_writes_wait_in_memory_while_the_database_is_down(tmp_path, caplog):
    folder = tmp_path / "blocked"
    folder.write_text("")  # a file where the database's folder should be: opening it really fails
    url = f"sqlite:///{folder / 'records.db'}"

    def records() -> Records:
        store = Records(url, "salt")
        store.migrate()
        return store

    buffer = OutageBuffer(records)
    with caplog.at_level(logging.WARNING, logger="actions.records_buffer"):
        assert not buffer.add_screening(**_screening("alice"))
        assert not buffer.add_screening(**_screening("bob"))
        assert not buffer.delete_sender("bob")  # drops bob's waiting record, the deletion waits
        assert buffer.pending == 2 and buffer.failing
        folder.unlink()  # the database is back
        assert buffer.add_screening(**_screening("carol"))
    store = records()
    assert [store.count_for(s) for s in ("alice", "bob", "carol")] == [1, 0, 1]
    assert buffer.pending == 0 and not buffer.failing
    messages = [r.getMessage() for r in caplog.records]
    assert sum("database unreachable" in m for m in messages) == 1  # once, not once per write
    assert sum("reachable again" in m for m in messages) == 1


def test_the_waiting_writes_are_bounded(tmp_path):
    (tmp_path / "blocked").write_text("")
    buffer = OutageBuffer(lambda: Records(f"sqlite:///{tmp_path / 'blocked' / 'r.db'}", "salt"), limit=2)
    for sender in ("a", "b", "c"):
        buffer.add_screening(**_screening(sender))
    assert buffer.pending == 2


def test_the_waiting_writes_are_applied_off_the_event_loop(tmp_path):
    import asyncio
    import threading

    store = Records(f"sqlite:///{tmp_path / 'records.db'}", "salt")
    store.migrate()
    threads = []

    def records() -> Records:
        threads.append(threading.current_thread())
        return store

    buffer = OutageBuffer(records)

    async def verdict_then_forget():
        assert await buffer.add_screening_async(**_screening("erin"))
        assert store.count_for("erin") == 1
        assert await buffer.delete_sender_async("erin")

    asyncio.run(verdict_then_forget())
    assert store.count_for("erin") == 0
    assert threads and all(thread is not threading.main_thread() for thread in threads)


def test_engines_time_out_connecting_to_a_database_server():
    def connect_args(url, timeout=None):
        return engine_options(url, timeout).get("connect_args", {})

    assert connect_args("postgresql://u:p@127.0.0.1:1/db", 3) == {"connect_timeout": 3}
    assert connect_args("mysql+pymysql://u:p@127.0.0.1:1/db", 3) == {"connect_timeout": 3}
    assert connect_args("postgresql://u:p@127.0.0.1:1/db?connect_timeout=9") == {}  # the URL's own wins
    # the default comes from the settings (DATABASE_CONNECT_TIMEOUT_SECONDS, 5 unless .env says otherwise)
    from padsafety.settings import settings

    default = settings().database_connect_timeout_seconds
    assert connect_args("postgresql://u:p@127.0.0.1:1/db") == {"connect_timeout": default}
    assert connect_args(f"sqlite:///{'/tmp/x.db'}") == {}
    assert engine_options("sqlite://")["pool_pre_ping"] is True


def test_a_database_that_drops_packets_counts_as_down_after_the_timeout():
    import time

    from sqlalchemy.exc import OperationalError

    # 10.255.255.1 is not routed on a test machine: the connection attempt hangs until the timeout
    store = Records("postgresql://u:p@10.255.255.1:5432/db", "salt", connect_timeout_seconds=2)
    started = time.monotonic()
    with pytest.raises(OperationalError):
        store.count_for("x")
    assert time.monotonic() - started < 10
