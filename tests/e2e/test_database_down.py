"""Fault, for real: the PostgreSQL cluster behind the tracker store and the screening records stops.

The test starts its own cluster (PostgreSQL 15's initdb and pg_ctl, run as the `postgres` user when
the tests run as root, trust authentication on 127.0.0.1), points both databases at it, starts the
servers while it is still down, then stops it in the middle of conversations and starts it again.
"""

import json
import os
import shutil
import subprocess
import tempfile
import time
import uuid
from pathlib import Path

import pytest
from conftest import MODEL, Servers, free_port
from sqlalchemy import create_engine, text

from actions.db import Records
from components.tracker_store import PrivacySQLTrackerStore

PG_BIN = Path(os.environ.get("PG_BIN", "/usr/lib/postgresql/15/bin"))
REFERRAL = "please talk to your doctor"
DOWN = "Tracker store database unreachable"
BACK = "Tracker store database reachable again"
RECORDS_DOWN = "Screening records database unreachable"
RECORDS_BACK = "Screening records database reachable again"


class Cluster:
    """A throw-away PostgreSQL cluster on a free port of 127.0.0.1."""

    def __init__(self) -> None:
        # not under pytest's tmp_path: its folders are private to the test's user
        self.dir = Path(tempfile.mkdtemp(prefix="rlt-pg-"))
        self.data = self.dir / "data"
        self.port = free_port()
        self.url = f"postgresql://postgres@127.0.0.1:{self.port}/postgres"
        self.as_postgres = os.geteuid() == 0  # initdb refuses to run as root
        if self.as_postgres:
            shutil.chown(self.dir, "postgres", "postgres")
        self.running = False

    def _run(self, tool: str, *args: str) -> None:
        command = [str(PG_BIN / tool), *args]
        if self.as_postgres:
            command = ["runuser", "-u", "postgres", "--", *command]
        result = subprocess.run(command, capture_output=True, text=True, timeout=120)
        if result.returncode != 0:
            log = self.dir / "server.log"
            server_log = log.read_text()[-2000:] if log.exists() else ""
            pytest.fail(f"{tool} {' '.join(args)} failed:\n{result.stdout}{result.stderr}{server_log}")

    def init(self) -> None:
        self._run("initdb", "-D", str(self.data), "-U", "postgres", "-A", "trust", "-E", "UTF8", "--no-sync")

    def start(self) -> None:
        options = f"-p {self.port} -k {self.dir} -c listen_addresses=127.0.0.1"
        log = str(self.dir / "server.log")
        self._run("pg_ctl", "-D", str(self.data), "-l", log, "-o", options, "-w", "start")
        self.running = True

    def stop(self) -> None:
        self._run("pg_ctl", "-D", str(self.data), "-m", "fast", "-w", "stop")
        self.running = False

    def remove(self) -> None:
        try:
            if self.running:
                self.stop()
        finally:
            shutil.rmtree(self.dir, ignore_errors=True)


@pytest.fixture
def cluster():
    if not (PG_BIN / "initdb").exists():
        message = f"PostgreSQL binaries not found in {PG_BIN} (set PG_BIN)"
        if os.environ.get("CI"):
            pytest.fail(message)
        pytest.skip(message)
    instance = Cluster()
    try:
        instance.init()  # not started: the test starts the servers first
        yield instance
    finally:
        instance.remove()


class Chat:
    """The servers, plus what each sender said (to compare with what the tracker store holds)."""

    def __init__(self, servers: Servers, url: str) -> None:
        self.servers = servers
        self.engine = create_engine(url, pool_pre_ping=True, future=True)
        self.sent = {}

    def say(self, sender: str, message: str) -> str:
        self.sent.setdefault(sender, []).append(message)
        return self.servers.say(sender, message)

    def screen(self, sender: str, first: str = "is it safe for me?") -> str:
        """Answer "no" until the verdict."""
        reply = self.say(sender, first)
        for _ in range(12):
            if "Verdict" in reply:
                return reply
            reply = self.say(sender, "/deny")
        pytest.fail(f"no verdict after 12 answers: {reply}")

    def stored(self, sender: str) -> list:
        """The user messages the tracker store holds for a sender, in the order it stored them."""
        with self.engine.connect() as connection:
            rows = connection.execute(
                text("SELECT data FROM events WHERE sender_id = :s AND type_name = 'user' ORDER BY id"),
                {"s": self.servers.conversation_id(sender)},
            )
            return [json.loads(data)["text"] for (data,) in rows]

    def log_count(self, name: str, line: str) -> int:
        return (self.servers.workdir / f"{name}.log").read_text().count(line)


def new_sender() -> str:
    return f"x-{uuid.uuid4()}"


def test_the_assistant_rides_out_a_database_outage(cluster, tmp_path):
    if not MODEL.exists():
        pytest.fail("models/current.tar.gz is missing: run `make train` (the test command trains first)")
    servers = Servers(tmp_path, TRACKER_STORE_URL=cluster.url, RECORDS_DB_URL=cluster.url)
    chat = Chat(servers, cluster.url)
    records = Records(cluster.url, servers.env["RECORDS_SALT"])
    retry = PrivacySQLTrackerStore.retry_seconds + 0.5  # then the next message tries the database
    try:
        # start-up with the database down: Rasa starts, answers, and creates its table once it is up
        servers.start_actions()
        servers.start_rasa()
        alice, bob, carol, dave = new_sender(), new_sender(), new_sender(), new_sender()
        assert chat.say(carol, "hello")
        cluster.start()
        time.sleep(retry)
        assert "cannot cure joint diseases" in chat.say(carol, "will it help my stiff back muscles")
        assert chat.stored(carol) == chat.sent[carol]
        assert chat.log_count("rasa", DOWN) == 1 and chat.log_count("rasa", BACK) == 1

        # before: a screening starts, and is stored as it goes
        assert "Question 1 of" in chat.say(alice, "is it safe for me?")
        assert "Question 2 of" in chat.say(alice, "/deny")
        assert "Question 3 of" in chat.say(alice, "/deny")
        assert chat.stored(alice) == chat.sent[alice]

        cluster.stop()
        # during: the form goes on from the copy in memory, the doctor referral still comes
        assert "Question 4 of" in chat.say(alice, "/deny")
        assert REFERRAL in chat.say(alice, "I have lupus")
        assert "Question" in chat.say(alice, "/deny")
        # a conversation that starts during the outage; its screenings' records wait in memory
        assert REFERRAL in chat.say(bob, "btw I have lupus")
        assert "Verdict" in chat.screen(bob)
        assert "Verdict" in chat.screen(bob)
        # and one that asks to be forgotten during the outage: it is, once the database is back
        assert "Verdict" in chat.screen(dave)
        assert "cannot be undone" in chat.say(dave, "please delete my data")
        assert "as soon as it is back" in chat.say(dave, "/affirm")
        assert chat.log_count("rasa", DOWN) == 2  # once per outage, not once per message
        assert "conversations are kept in memory until it is back" in (tmp_path / "rasa.log").read_text()
        assert chat.log_count("actions", RECORDS_DOWN) == 1

        cluster.start()
        time.sleep(retry)
        # after: the screening started before the outage ends, and its record is written
        assert "Verdict" in chat.screen(alice, first="/deny")
        assert records.count_for(servers.conversation_id(alice)) == 1
        assert records.count_for(servers.conversation_id(bob)) == 2  # completed during the outage
        assert records.count_for(servers.conversation_id(dave)) == 0  # forgotten during it
        assert chat.stored(dave) == []
        assert chat.log_count("rasa", BACK) == 2 and chat.log_count("actions", RECORDS_BACK) == 1
        # every message, before, during and after the outage, stored once and in order
        assert chat.stored(alice) == chat.sent[alice]
        assert chat.stored(bob) == chat.sent[bob]

        # a quick restart between two messages is no outage: stale pooled connections are replaced
        cluster.stop()
        cluster.start()
        assert chat.say(alice, "thanks")
        assert REFERRAL in chat.say(bob, "I am pregnant")
        assert chat.stored(alice) == chat.sent[alice] and chat.stored(bob) == chat.sent[bob]
        assert chat.log_count("rasa", DOWN) == 2 and chat.log_count("actions", RECORDS_DOWN) == 1
        assert chat.log_count("rasa", "Error happened when trying to") == 0  # Rasa's own fail-safe
    finally:
        servers.stop()
        chat.engine.dispose()
        records.engine.dispose()
