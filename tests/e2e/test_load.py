"""Smoke run of the load script (scripts/load_test.py) against the end-to-end servers.

A few concurrent conversations for a few seconds: no errors, and every message sent is in the tracker store,
once and in order. The figures (latency, messages per second) are printed, never asserted. `make load` is the
full run: 50 conversations for 2 minutes against `make run`'s server.
"""

import json
import subprocess
import sys

from conftest import PROJECT_DIR, free_port


def run_load_script(env, *args):
    return subprocess.run(
        [sys.executable, "scripts/with_env.py", "python", "scripts/load_test.py", *args],
        cwd=PROJECT_DIR,
        env=env,
        capture_output=True,
        text=True,
        timeout=600,
    )


def test_load_smoke_has_no_errors_and_loses_no_message(servers, tmp_path):
    out = tmp_path / "load.json"
    result = run_load_script(
        servers.env,
        "--url",
        f"http://127.0.0.1:{servers.rasa_port}/webhooks/rest/webhook",
        "--conversations",
        "5",
        "--seconds",
        "15",
        "--tracker-store-url",
        servers.env["TRACKER_STORE_URL"],
        "--json",
        str(out),
    )
    print(result.stdout, result.stderr)
    assert result.returncode == 0, result.stdout + result.stderr
    figures = json.loads(out.read_text())
    assert figures["errors"] == 0, figures
    assert figures["lost_messages"] == 0, figures
    assert figures["mismatched_conversations"] == 0, figures
    assert figures["messages"] > 0
    assert figures["conversations_checked"] == figures["conversations"] > 0
    assert "p50/p95/p99" in result.stdout and "messages per second" in result.stdout


def test_load_script_says_to_start_the_server_first(servers):
    url = f"http://127.0.0.1:{free_port()}/webhooks/rest/webhook"  # nothing listens there
    result = run_load_script(servers.env, "--url", url, "--seconds", "1")
    assert result.returncode == 2
    assert "make run" in result.stderr


def test_load_script_fails_when_the_tracker_store_lacks_the_messages(servers, tmp_path):
    # same server, but the check reads another (empty) database: every message counts as lost
    empty = f"sqlite:///{tmp_path / 'empty.db'}"
    out = tmp_path / "load.json"
    result = run_load_script(
        servers.env,
        "--url",
        f"http://127.0.0.1:{servers.rasa_port}/webhooks/rest/webhook",
        "--conversations",
        "1",
        # (3 s: a fresh server's first safety-check message alone can take about a second on a busy machine,
        # and the check needs at least one answered message)
        "--seconds",
        "3",
        "--tracker-store-url",
        empty,
        "--json",
        str(out),
    )
    assert result.returncode == 1, result.stdout + result.stderr
    figures = json.loads(out.read_text())
    assert figures["errors"] == 0
    assert figures["lost_messages"] == figures["messages"] > 0
