"""Conversations through compose.yaml's nginx while one Rasa container is killed (deploy test).

    python scripts/compose_failover.py --url http://127.0.0.1:8088 --env-file var/compose.env \
        [--conversations 20] [--kill rlt_rasa-1_1] [--engine podman]

Each conversation is a new user: greeting, a condition (must get the doctor referral), the whole safety
check answered "no" up to its verdict, goodbye. Once every conversation has started, the named Rasa
container's server process is killed with SIGKILL, as a crash (its restart policy brings it back). A
message whose request fails while a server dies (502: it reached the dying server) is sent again, once,
as a chat client would. At the end every conversation must have reached its verdict, and its user
messages in PostgreSQL (read through the postgres container) must be exactly the messages it sent, in
order, each once. Exits non-zero otherwise.
"""

from __future__ import annotations

import argparse
import json
import os
import signal
import statistics
import subprocess
import sys
import threading
import time
import uuid
from typing import Dict, List

import requests
from dotenv import dotenv_values

from connectors.identity import rest_conversation_id
from padsafety.scenarios import ANY_REFERRAL

VERDICT = "not a medical clearance"


def conversation(url: str, sender: str, sent: List[str], latencies: List[float], errors: List[str],
                 started: threading.Event, kill_done: threading.Event) -> bool:
    """One user's conversation; True when it reached the verdict with a referral on the way."""

    def say(text: str) -> str:
        for attempt in (1, 2):
            start = time.monotonic()
            try:
                reply = requests.post(f"{url}/webhooks/rest/webhook",
                                      json={"sender": sender, "message": text}, timeout=150)
                if reply.status_code == 200:
                    latencies.append(time.monotonic() - start)
                    sent.append(text)
                    return " ".join(m.get("text", "") for m in reply.json())
                problem = f"HTTP {reply.status_code}"
            except requests.RequestException as error:
                problem = type(error).__name__
            errors.append(f"{sender[:8]} {text!r} attempt {attempt}: {problem}")
            time.sleep(1)
        raise RuntimeError(f"{text!r} failed twice")

    try:
        say("hello")
        if not ANY_REFERRAL.search(say("I have lupus, can I use the pad?")):
            errors.append(f"{sender[:8]}: no doctor referral")
            return False
        started.set()
        answer = say("is it safe for me?")
        for _ in range(15):
            if VERDICT in answer.lower() or "do not use" in answer.lower():
                break
            kill_done.wait(timeout=30)  # half of each check happens after the kill
            time.sleep(0.2)
            answer = say("no")
        say("goodbye")
        return VERDICT in answer.lower()
    except RuntimeError as error:
        errors.append(f"{sender[:8]}: {error}")
        return False


def stored_user_messages(engine: str, postgres: str, ids: List[str]) -> Dict[str, List[str]]:
    """Each conversation id's user messages in the postgres container's events table, in stored order."""
    query = ("SELECT sender_id, data FROM events WHERE type_name = 'user' AND sender_id IN ("
             + ",".join(f"'{i}'" for i in ids) + ") ORDER BY id")
    out = subprocess.run([engine, "exec", postgres, "psql", "-At", "-U", "rasa", "-d", "rasa",
                          "-F", "\t", "-c", query], check=True, capture_output=True, text=True).stdout
    stored: Dict[str, List[str]] = {i: [] for i in ids}
    for line in out.splitlines():
        sender_id, data = line.split("\t", 1)
        stored[sender_id].append(json.loads(data).get("text"))
    return stored


def main() -> None:
    """Run the conversations, kill a Rasa container in the middle, check replies and the store."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--url", default="http://127.0.0.1:8088")
    parser.add_argument("--env-file", default=".env")
    parser.add_argument("--conversations", type=int, default=20)
    parser.add_argument("--kill", default="rlt_rasa-1_1")
    parser.add_argument("--engine", default="podman")
    parser.add_argument("--postgres", default="rlt_postgres_1", help="the PostgreSQL container")
    args = parser.parse_args()
    secret = dotenv_values(args.env_file).get("CONVERSATION_ID_SECRET") or ""

    senders = [str(uuid.uuid4()) for _ in range(args.conversations)]
    sent: Dict[str, List[str]] = {s: [] for s in senders}
    latencies: List[float] = []
    errors: List[str] = []
    results: Dict[str, bool] = {}
    started = [threading.Event() for _ in senders]
    kill_done = threading.Event()

    def run(index: int, sender: str) -> None:
        results[sender] = conversation(args.url, sender, sent[sender], latencies, errors,
                                       started[index], kill_done)

    begin = time.monotonic()
    threads = [threading.Thread(target=run, args=(i, s)) for i, s in enumerate(senders)]
    for thread in threads:
        thread.start()
    for event in started:
        event.wait(timeout=120)
    # a crash, not a stop: SIGKILL to the server's process from the host (run as root), so the container's
    # restart policy brings it back (`podman kill` would count as stopped by the user)
    pid = int(subprocess.run([args.engine, "inspect", "-f", "{{.State.Pid}}", args.kill], check=True,
                             capture_output=True, text=True).stdout)
    os.kill(pid, signal.SIGKILL)
    print(f"failover: killed {args.kill} (pid {pid}) at {time.monotonic() - begin:.1f} s, with "
          f"{sum(map(len, sent.values()))} messages answered", flush=True)
    kill_done.set()
    for thread in threads:
        thread.join()
    elapsed = time.monotonic() - begin

    ids = {rest_conversation_id(s, secret): s for s in senders}
    stored = stored_user_messages(args.engine, args.postgres, list(ids))
    mismatched = [ids[i] for i, texts in stored.items() if texts != sent[ids[i]]]
    completed = sum(results.values())
    turns = sum(map(len, sent.values()))
    print(f"failover: {completed}/{len(senders)} conversations reached their verdict; {turns} messages "
          f"answered in {elapsed:.1f} s; p50 {statistics.median(latencies) * 1000:.0f} ms, "
          f"max {max(latencies) * 1000:.0f} ms")
    print(f"failover: {len(errors)} failed requests (each sent again once): " + "; ".join(errors[:6]))
    print(f"failover: stored user messages equal to the messages sent, in order, for "
          f"{len(senders) - len(mismatched)}/{len(senders)} conversations")
    for sender in mismatched[:3]:
        print(f"  {sender[:8]} sent {sent[sender]}\n  stored {stored[rest_conversation_id(sender, secret)]}")
    restarts = subprocess.run([args.engine, "inspect", "-f", "{{.RestartCount}}", args.kill],
                              capture_output=True, text=True).stdout.strip()
    print(f"failover: {args.kill} restarted by its restart policy {restarts or '?'} time(s)")
    sys.exit(0 if completed == len(senders) and not mismatched else 1)


if __name__ == "__main__":
    main()
