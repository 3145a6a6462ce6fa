"""Starts the real action server and Rasa server (REST channel) on free ports for end-to-end tests."""

import os
import socket
import subprocess
import sys
import time
import uuid
from contextlib import contextmanager
from pathlib import Path
from typing import Iterator

import pytest
import requests

PROJECT_DIR = Path(__file__).resolve().parents[2]
MODEL = PROJECT_DIR / "models" / "current.tar.gz"


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def wait_until_up(url: str, process: subprocess.Popen, log: Path, seconds: int = 180) -> None:
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        if process.poll() is not None:
            pytest.fail(f"{url}: server exited with {process.returncode}:\n{log.read_text()[-3000:]}")
        try:
            if requests.get(url, timeout=2).ok:
                return
        except requests.RequestException:
            pass
        time.sleep(0.5)
    pytest.fail(f"{url} did not come up within {seconds}s:\n{log.read_text()[-3000:]}")


class Servers:
    """The two servers of one test session, with a REST client and a way to restart Rasa.

    Channel tests make their own instance with another credentials file and extra environment
    (for example TELEGRAM_API_BASE_URL pointing at a fake Bot API server).
    """

    def __init__(self, workdir: Path, credentials: str = "credentials.yml", **extra_env: str) -> None:
        self.workdir = workdir
        self.project_dir = PROJECT_DIR
        self.credentials = credentials
        self.rasa_port = free_port()
        self.action_port = free_port()
        self.env = dict(
            os.environ,
            RASA_HOST="127.0.0.1",
            RASA_PORT=str(self.rasa_port),
            ACTION_SERVER_PORT=str(self.action_port),
            ACTION_SERVER_URL=f"http://127.0.0.1:{self.action_port}/webhook",
            TRACKER_STORE_URL=f"sqlite:///{workdir / 'tracker.db'}",
            RECORDS_DB_URL=f"sqlite:///{workdir / 'records.db'}",
            RECORDS_SALT="e2e-test-salt",
            CONVERSATION_ID_SECRET="e2e-conversation-secret",
            ENABLE_API="false",
            LOG_LEVEL="INFO",
        )
        self.env.update(extra_env)
        self.actions = None
        self.rasa = None

    def _start(self, name, args):
        log = self.workdir / f"{name}.log"
        # as scripts/run.sh starts the servers: each with only its own secrets (with_env.py --role)
        role = name if name in ("actions", "rasa", "web") else "tool"
        process = subprocess.Popen(
            [sys.executable, "scripts/with_env.py", "--role", role, *args],
            cwd=PROJECT_DIR,
            env=self.env,
            stdout=open(log, "w"),
            stderr=subprocess.STDOUT,
        )
        return process, log

    def start_actions(self):
        self.actions, log = self._start(
            "actions",
            [
                "rasa",
                "run",
                "actions",
                "--actions",
                "actions",
                "-p",
                str(self.action_port),
            ],
        )
        wait_until_up(f"http://127.0.0.1:{self.action_port}/health", self.actions, log)

    def start_rasa(self, *extra: str):
        # as `make run` starts it: model, host, port and the HTTP API from the settings
        self.rasa, log = self._start(
            "rasa", ["python", "scripts/rasa_server.py", "--credentials", str(self.credentials), *extra]
        )
        wait_until_up(f"http://127.0.0.1:{self.rasa_port}/", self.rasa, log)

    def stop_rasa(self):
        self.rasa.terminate()
        self.rasa.wait(timeout=30)

    def stop(self):
        for process in (self.rasa, self.actions):
            if process and process.poll() is None:
                process.terminate()
                process.wait(timeout=30)

    def conversation_id(self, sender: str) -> str:
        """Rasa's sender id (tracker store, records) for a REST client's ``sender``."""
        from connectors.identity import rest_conversation_id

        return rest_conversation_id(sender, self.env["CONVERSATION_ID_SECRET"])

    def send(self, sender: str, text: str) -> list:
        """POST one message to the REST channel; the bot's replies."""
        response = requests.post(
            f"http://127.0.0.1:{self.rasa_port}/webhooks/rest/webhook",
            json={"sender": sender, "message": text},
            timeout=60,
        )
        response.raise_for_status()
        return response.json()

    def say(self, sender: str, text: str) -> str:
        """The replies' texts joined, for assertions."""
        return "\n".join(r.get("text", "") for r in self.send(sender, text))


@contextmanager
def running(instance: "Servers") -> Iterator["Servers"]:
    """Starts ``instance``'s action server and Rasa, and stops both however the block ends: the one way
    every module's servers are started."""
    if not MODEL.exists():
        pytest.fail("models/current.tar.gz is missing: run `make train` (the test command trains first)")
    try:
        instance.start_actions()
        instance.start_rasa()
        yield instance
    finally:
        instance.stop()


@pytest.fixture(scope="session")
def servers(tmp_path_factory):
    with running(Servers(tmp_path_factory.mktemp("e2e"))) as instance:
        yield instance


@pytest.fixture
def sender():
    return f"e2e-{uuid.uuid4()}"
