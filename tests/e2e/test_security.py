"""Security hardening against the running servers: private files, the authenticated action server, what
`GET /` tells. (Bad input: test_bad_input.py; logs: test_privacy.py; no servers: tests/test_security.py.)
"""

import stat
import uuid
from pathlib import Path

import requests
from conftest import Servers

from actions.db import Records
from padsafety.action_auth import header_value

PROJECT_DIR = Path(__file__).resolve().parents[2]


def records(servers) -> Records:
    return Records(servers.env["RECORDS_DB_URL"], servers.env["RECORDS_SALT"])


def screen(servers, sender):
    servers.say(sender, "is it safe for me?")
    text = servers.say(sender, "/affirm")
    while "Verdict" not in text:
        text = servers.say(sender, "/deny")


def mode(path) -> int:
    return stat.S_IMODE(Path(path).stat().st_mode)


def test_databases_and_var_are_private(servers, sender):
    screen(servers, sender)  # the records database exists once a screening was recorded
    for url in (servers.env["TRACKER_STORE_URL"], servers.env["RECORDS_DB_URL"]):
        path = url[len("sqlite:///"):]
        assert mode(path) == 0o600, (path, oct(mode(path)))
    assert mode(PROJECT_DIR / "var") == 0o700
    token_file = PROJECT_DIR / "var" / "action_server_token"
    if token_file.exists():
        assert mode(token_file) == 0o600


def action_call(servers, action, sender_id):
    """An action server call as Rasa makes it, for another user's conversation."""
    return {
        "next_action": action,
        "sender_id": sender_id,
        "version": "3.6.21",
        "domain": {},
        "tracker": {"sender_id": sender_id, "slots": {}, "latest_message": {}, "events": [], "paused": False,
                    "followup_action": None, "active_loop": {}, "latest_action_name": None},
    }


def test_the_action_server_refuses_calls_without_the_secret(servers, sender):
    screen(servers, sender)
    victim = servers.conversation_id(sender)
    assert records(servers).count_for(victim) == 1
    url = f"http://127.0.0.1:{servers.action_port}"
    for headers in ({}, {"Authorization": "Bearer wrong-token-0123456789abcdef"},
                    {"Authorization": servers.env.get("RECORDS_SALT", "")}):
        for action in ("action_forget_me", "action_screening_verdict"):
            call = action_call(servers, action, victim)
            answer = requests.post(f"{url}/webhook", json=call, headers=headers, timeout=30)
            assert answer.status_code == 403, (headers, action, answer.text[:200])
            assert "events" not in answer.text
        assert requests.get(f"{url}/actions", headers=headers, timeout=30).status_code == 403
    # nothing changed: the victim's records are all there, and no verdict was forged
    assert records(servers).count_for(victim) == 1
    assert requests.get(f"{url}/health", timeout=30).status_code == 200
    # the assistant, whose Rasa server sends the secret, still runs its actions
    other = f"after-{uuid.uuid4()}"
    screen(servers, other)
    assert records(servers).count_for(servers.conversation_id(other)) == 1


def test_the_action_server_accepts_the_shared_secret(servers):
    import os

    token = os.environ.get("ACTION_SERVER_TOKEN") or servers.env.get("ACTION_SERVER_TOKEN")
    assert token, "tests run through scripts/with_env.py, which sets ACTION_SERVER_TOKEN"
    answer = requests.get(f"http://127.0.0.1:{servers.action_port}/actions",
                          headers={"Authorization": header_value(token)}, timeout=30)
    assert answer.status_code == 200 and {"name": "action_forget_me"} in answer.json()


def listening_addresses(port: int) -> set:
    """Local addresses listening on ``port`` (from /proc/net/tcp and tcp6)."""
    found = set()
    for table in ("/proc/net/tcp", "/proc/net/tcp6"):
        try:
            lines = Path(table).read_text().splitlines()[1:]
        except FileNotFoundError:
            continue
        for line in lines:
            local, state = line.split()[1], line.split()[3]
            address, hex_port = local.split(":")
            if state == "0A" and int(hex_port, 16) == port:  # 0A: LISTEN
                found.add(address)
    return found


def test_the_action_server_listens_where_the_settings_say(tmp_path):
    # SANIC_HOST=0.0.0.0 in the environment (rasa-sdk's default when unset) does not win over the settings
    servers = Servers(tmp_path, SANIC_HOST="0.0.0.0", ACTION_SERVER_HOST="127.0.0.1")
    try:
        servers.start_actions()
        assert listening_addresses(servers.action_port) == {"0100007F"}  # 127.0.0.1 only
    finally:
        servers.stop()


def test_get_root_names_no_version(servers):
    answer = requests.get(f"http://127.0.0.1:{servers.rasa_port}/", timeout=30)
    assert answer.status_code == 200 and answer.text == "ok"
    assert "Rasa" not in answer.text and "3.6" not in answer.text
    assert not any("rasa" in value.lower() or "sanic" in value.lower() for value in answer.headers.values())

