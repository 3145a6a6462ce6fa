"""Locust load test of the REST conversations: the conversations and the check of scripts/load_test.py.

Each Locust user holds one conversation at a time over the REST channel (a fresh random sender of 36
characters each) and starts a new one when it ends: the scripted conversations of padsafety/scenarios.py
(build_conversation: greeting, benefits, limitations, a condition that must get the doctor referral, the
safety check answered up to its verdict, thanks), one message per Locust task. A request fails when the
reply is not what the turn expects (reply_problem); the rest of that conversation is then dropped.

When the test stops, every conversation's user messages in the tracker store must equal, in order, the
messages it sent (stored_user_messages + compare_store, as scripts/load_test.py does): any lost or extra
message sets the exit code to 1 (request failures already do). Users are stopped between two messages:
a request under way finishes (the stop timeout defaults to the request timeout, 60 s), so a stopped
conversation is one the store must hold as far as it went.

Runs in .venv-load (scripts/setup_load.sh), which has no Rasa:

  make run                 # in one terminal
  make load-locust         # in another: 50 users, 2 minutes (CONVERSATIONS=10 DURATION=30 make load-locust)
  .venv/bin/python scripts/with_env.py .venv-load/bin/locust -f benchmark/load/locustfile.py --headless \\
      -u 5 -r 5 -t 15s --host http://127.0.0.1:5005 [--tracker-store-url URL] [--secret SECRET]

The tracker store URL and the conversation-id secret default to the project's settings (.env).
"""

from __future__ import annotations

import json
import random
import sys
import uuid
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, List, Optional

PROJECT_DIR = Path(__file__).resolve().parents[2]
if str(PROJECT_DIR) not in sys.path:  # run without scripts/with_env.py, which puts it on PYTHONPATH
    sys.path.insert(0, str(PROJECT_DIR))

from locust import HttpUser, constant, events, task  # noqa: E402
from locust.runners import MasterRunner  # noqa: E402

from connectors.identity import rest_conversation_id  # noqa: E402
from padsafety.scenarios import (  # noqa: E402
    Turn,
    build_conversation,
    compare_store,
    reply_problem,
    stored_user_messages,
)
from padsafety.settings import settings  # noqa: E402

WEBHOOK = "/webhooks/rest/webhook"
REQUEST_TIMEOUT = 60.0


@dataclass
class Conversation:
    """What one conversation sent."""

    sender: str
    turns: List[Turn]
    sent: List[str] = field(default_factory=list)


# every conversation this process started, for the store check
CONVERSATIONS: List[Conversation] = []


@events.init_command_line_parser.add_listener
def _options(parser: Any) -> None:
    config = settings()
    parser.add_argument(
        "--tracker-store-url",
        default=config.tracker_store_url,
        help="the server's tracker store, read for the check (default: TRACKER_STORE_URL)",
    )
    parser.add_argument(
        "--secret",
        default=config.conversation_id_secret,
        help="the server's CONVERSATION_ID_SECRET, to find each conversation in the store",
    )


@events.init.add_listener
def _init(environment: Any, **_: Any) -> None:
    # stop users between two messages, never in the middle of one (Locust kills them at once by default)
    if not environment.stop_timeout:
        environment.stop_timeout = REQUEST_TIMEOUT


@events.test_start.add_listener
def _test_start(environment: Any, **_: Any) -> None:
    CONVERSATIONS.clear()


class RestConversation(HttpUser):
    """One user of the REST channel: scripted conversations one after another, without pause."""

    wait_time = constant(0)

    def on_start(self) -> None:
        """No conversation yet; each user draws its scripts from its own generator."""
        self.rng = random.Random()
        self.conversation: Optional[Conversation] = None

    @task
    def next_message(self) -> None:
        """Send the conversation's next message; a new conversation after its last one or a failure."""
        if self.conversation is None or len(self.conversation.sent) == len(self.conversation.turns):
            self.conversation = Conversation(sender=str(uuid.uuid4()), turns=build_conversation(self.rng))
            CONVERSATIONS.append(self.conversation)
        conversation = self.conversation
        turn = conversation.turns[len(conversation.sent)]
        conversation.sent.append(turn.message)
        with self.client.post(
            WEBHOOK,
            json={"sender": conversation.sender, "message": turn.message},
            timeout=REQUEST_TIMEOUT,
            catch_response=True,
        ) as response:
            if response.status_code != 200:
                problem: Optional[str] = f"HTTP {response.status_code}: {response.text[:160]}"
            else:
                try:
                    problem = reply_problem(response.json(), conversation.sender, turn)
                except json.JSONDecodeError:
                    problem = f"not JSON: {response.text[:160]!r}"
            if problem is None:
                response.success()
            else:
                response.failure(problem)
                self.conversation = None  # the rest of this script no longer applies


@events.test_stop.add_listener
def _check_store(environment: Any, **_: Any) -> None:
    """Every conversation's user messages in the tracker store must equal, in order, what it sent."""
    if isinstance(environment.runner, MasterRunner):
        return  # the users, and so the check, are on the workers
    from sqlalchemy.engine import make_url

    options = environment.parsed_options
    sent = {rest_conversation_id(c.sender, options.secret): c.sent for c in CONVERSATIONS if c.sent}
    check = compare_store(sent, stored_user_messages(options.tracker_store_url, list(sent)))
    messages = sum(len(messages) for messages in sent.values())
    where = make_url(options.tracker_store_url).render_as_string(hide_password=True)
    failed = bool(check.lost or check.extra or check.mismatched)
    print(
        f"store check: {'FAILED' if failed else 'OK'}: {check.checked} conversations, "
        f"{messages} messages sent, {check.lost} lost, {check.extra} stored but not sent, "
        f"{len(check.mismatched)} conversations differ (tracker store {where})",
        flush=True,
    )
    if check.checked and len(check.mismatched) == check.checked:
        print(
            "store check: none of the conversations matched: is --tracker-store-url the server's tracker "
            "store, and --secret its CONVERSATION_ID_SECRET?",
            flush=True,
        )
    if failed:
        environment.process_exit_code = 1
