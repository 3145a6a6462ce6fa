"""Locust (benchmark/load/locustfile.py, `make load-locust`) against the end-to-end servers.

Locust runs headless from its own venv, .venv-load (scripts/setup_load.sh creates it, or does nothing when it
is up to date), with the scripted conversations of padsafety/scenarios.py: requests are made, none fails,
and the tracker-store check at the end finds every message sent, once and in order; pointed at an empty
store, the same check fails the run. The figures are printed, never asserted.
"""

import json
import re
import subprocess
import sys

import pytest
from conftest import PROJECT_DIR

LOCUST = PROJECT_DIR / ".venv-load" / "bin" / "locust"
STORE_CHECK = re.compile(
    r"store check: (OK|FAILED): (\d+) conversations, (\d+) messages sent, (\d+) lost, "
    r"(\d+) stored but not sent"
)


@pytest.fixture(scope="module")
def locust():
    """.venv-load's locust, set up first (fast when it is up to date); a skip when it cannot be made."""
    setup = subprocess.run(
        ["bash", "scripts/setup_load.sh"], cwd=PROJECT_DIR, capture_output=True, text=True, timeout=900
    )
    if setup.returncode != 0:
        output = (setup.stdout + setup.stderr)[-2000:]
        if not LOCUST.exists():
            pytest.skip(f".venv-load does not exist and scripts/setup_load.sh could not create it:\n{output}")
        pytest.fail(f"scripts/setup_load.sh failed:\n{output}")
    return LOCUST


def run_locust(locust, servers, prefix, *args):
    """Locust headless against the servers, with their settings (tracker store, conversation-id secret).

    The final figures go to ``prefix``.json (the CSV files are written every 2 s, so they can miss the
    requests that finish while the users stop).
    """
    host = f"http://127.0.0.1:{servers.rasa_port}"
    return subprocess.run(
        [sys.executable, "scripts/with_env.py", str(locust), "-f", "benchmark/load/locustfile.py",
         "--headless", "--host", host, "--json-file", str(prefix), *args],
        cwd=PROJECT_DIR,
        env=servers.env,
        capture_output=True,
        text=True,
        timeout=300,
    )


def totals(prefix):
    """(requests, failures) over every request name of the run."""
    entries = json.loads(prefix.with_suffix(".json").read_text())
    return sum(e["num_requests"] for e in entries), sum(e["num_failures"] for e in entries)


def test_locust_conversations_fail_nothing_and_lose_no_message(locust, servers, tmp_path):
    prefix = tmp_path / "locust"
    result = run_locust(locust, servers, prefix, "-u", "5", "-r", "5", "-t", "15s")
    print(result.stdout, result.stderr[-3000:])
    assert result.returncode == 0, result.stdout + result.stderr[-3000:]
    requests, failures = totals(prefix)
    assert requests > 0 and failures == 0, (requests, failures)
    check = STORE_CHECK.search(result.stdout)
    assert check, result.stdout
    verdict, conversations, messages, lost, extra = check.groups()
    assert verdict == "OK" and lost == extra == "0"
    assert int(conversations) > 0
    # every request is one message; no message is sent without being counted
    assert int(messages) == requests


def test_locust_fails_when_the_tracker_store_lacks_the_messages(locust, servers, tmp_path):
    # same server, but the check reads another (empty) database: every message counts as lost
    prefix = tmp_path / "locust"
    empty = f"sqlite:///{tmp_path / 'empty.db'}"
    result = run_locust(locust, servers, prefix, "-u", "1", "-t", "3s", "--tracker-store-url", empty)
    assert result.returncode == 1, result.stdout + result.stderr[-3000:]
    assert totals(prefix)[1] == 0
    check = STORE_CHECK.search(result.stdout)
    assert check, result.stdout
    verdict, _, messages, lost, _ = check.groups()
    assert verdict == "FAILED" and int(lost) == int(messages) > 0
