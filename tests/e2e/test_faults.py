"""Faults, for real: the action server is stopped, or accepts connections and never answers."""

import socket
import threading
import uuid

import pytest
from conftest import Servers, free_port, running

REFERRAL = "please talk to your doctor"
APOLOGY = "part of me is not working right now"


@pytest.fixture(scope="module")
def servers(tmp_path_factory):
    with running(Servers(tmp_path_factory.mktemp("faults"))) as instance:
        yield instance


def new_sender():
    return f"fault-{uuid.uuid4()}"


def test_action_server_down_still_answers_safely(servers):
    servers.actions.terminate()
    servers.actions.wait(timeout=30)
    try:
        sender = new_sender()
        text = servers.say(sender, "btw I have lupus")
        assert REFERRAL in text  # from Rasa itself (policy + response), not from the action server
        assert APOLOGY in text and "doctor" in text.split(APOLOGY)[1]
        assert "cannot cure joint diseases" in servers.say(sender, "will it help my stiff back muscles")
        text = servers.say(sender, "is it safe for me?")
        assert APOLOGY in text
        assert text.count(APOLOGY) == 1  # one apology per turn, not one per failing call
    finally:
        servers.start_actions()
    # and it recovers by itself once the action server is back
    sender = new_sender()
    assert "Question 1 of" in servers.say(sender, "is it safe for me?")


class BlackHole:
    """A TCP server that accepts connections and never answers (a hung action server)."""

    def __init__(self):
        self.sock = socket.socket()
        self.sock.bind(("127.0.0.1", 0))
        self.sock.listen(50)
        self.port = self.sock.getsockname()[1]
        self.clients = []
        threading.Thread(target=self._accept, daemon=True).start()

    def _accept(self):
        while True:
            try:
                client, _ = self.sock.accept()
            except OSError:
                return
            self.clients.append(client)

    def close(self):
        for client in self.clients:
            client.close()
        self.sock.close()


def test_a_hung_action_server_times_out_into_an_apology(tmp_path):
    hole = BlackHole()
    instance = Servers(
        tmp_path,
        ACTION_SERVER_URL=f"http://127.0.0.1:{hole.port}/webhook",
        ACTION_TIMEOUT_SECONDS="2",
    )
    instance.action_port = free_port()  # unused: the real action server is not started
    try:
        instance.start_rasa()
        text = instance.say(new_sender(), "I take doxycycline")
        assert REFERRAL in text and APOLOGY in text
    finally:
        instance.stop()
        hole.close()


def test_a_model_that_cannot_be_loaded_stops_the_server(tmp_path):
    # Rasa alone logs the error and stays up, answering every message with nothing (and GET / says ok);
    # a container or `make run` must see it fail instead
    import os
    import subprocess
    import sys

    from conftest import PROJECT_DIR

    bad = tmp_path / "broken.tar.gz"
    bad.write_bytes(b"not a model")
    env = {**os.environ, "RASA_PORT": str(free_port())}
    result = subprocess.run(
        [sys.executable, "scripts/rasa_server.py", "--model", str(bad)],
        cwd=PROJECT_DIR, env=env, capture_output=True, text=True, timeout=300,
    )
    assert result.returncode == 3
    assert "No model could be loaded" in result.stdout + result.stderr
