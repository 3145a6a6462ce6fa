"""Load test: N concurrent conversations for a while against a running assistant, then a tracker-store check.

Each of --conversations workers holds one conversation at a time over the REST channel and starts a new
one (a fresh random sender) when it ends, until --seconds are up: a greeting, a benefits question, a
limitations question, sometimes "who should avoid it?", a condition mention (which must get the doctor
referral), the safety check answered with the /affirm and /deny buttons up to its verdict (predicted
from the rule book), and thanks or goodbye. Every reply is checked against what the turn expects.

When the time is up, no new message is sent, but requests under way are never cut: they finish and
count. Then every conversation's user messages in the tracker store (Rasa's SQL `events` table, keyed
by the derived conversation id of connectors/identity.py) must equal, in order, the messages it sent.

An error is a non-200 answer, a timeout, a connection error, an empty reply list, or a reply that is not
what the turn expects. The exit status is 1 if there is any error or lost message, 2 if nothing answers.

  make run                                                      # in one terminal
  make load                                                     # in another: 50 conversations, 2 minutes
  python scripts/with_env.py python scripts/load_test.py --conversations 10 --seconds 30 --json out.json
"""

from __future__ import annotations

import argparse
import asyncio
import json
import math
import random
import sys
import time
import uuid
from collections import Counter
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Dict, List, Optional, Sequence, Tuple

import aiohttp

from connectors.identity import rest_conversation_id

# The conversations and the store check are defined once, shared with Locust's benchmark/load/locustfile.py;
# REFERRAL and lost_and_extra are read here by tests/test_load_check.py.
from padsafety.scenarios import LOAD_REFERRAL as REFERRAL  # noqa: F401
from padsafety.scenarios import (
    StoreCheck,
    Turn,
    build_conversation,
    compare_store,
    lost_and_extra,  # noqa: F401
    reply_problem,
    stored_user_messages,
)
from padsafety.settings import settings

PROJECT_DIR = Path(__file__).resolve().parent.parent


@dataclass
class Conversation:
    """What one conversation sent, and how it ended."""

    sender: str
    sent: List[str] = field(default_factory=list)
    completed: bool = False
    failed: bool = False


@dataclass
class Stats:
    """Figures shared by the workers (one event loop, so no locking)."""

    conversations: List[Conversation] = field(default_factory=list)
    latencies: List[float] = field(default_factory=list)
    errors: Counter = field(default_factory=Counter)
    examples: List[str] = field(default_factory=list)

    def error(self, kind: str, detail: str) -> None:
        """Count an error; keep the first few for the report."""
        self.errors[kind] += 1
        if len(self.examples) < 5:
            self.examples.append(f"{kind}: {detail}")


async def send(
    session: aiohttp.ClientSession, url: str, sender: str, turn: Turn, stats: Stats
) -> Tuple[str, str]:
    """POST one message; (error kind, detail), or ("", "") when the reply is what the turn expects."""
    start = time.perf_counter()
    try:
        async with session.post(url, json={"sender": sender, "message": turn.message}) as response:
            body = (await response.read()).decode("utf-8", errors="replace")
            stats.latencies.append(time.perf_counter() - start)
            if response.status != 200:
                return f"HTTP {response.status}", body[:160]
            try:
                replies = json.loads(body)
            except json.JSONDecodeError:
                return "bad reply", f"not JSON: {body[:160]!r}"
    except asyncio.TimeoutError:
        return "timeout", f"{turn.message!r} after {time.perf_counter() - start:.1f} s"
    except aiohttp.ClientError as error:
        return "connection error", f"{type(error).__name__}: {error}"
    problem = reply_problem(replies, sender, turn)
    if problem is None:
        return "", ""
    return ("empty reply" if problem == "empty reply list" else "unexpected reply"), problem


async def worker(
    session: aiohttp.ClientSession, url: str, deadline: float, stats: Stats, rng: random.Random
) -> None:
    """Hold one conversation after another until the deadline; never cut a request under way."""
    while time.monotonic() < deadline:
        conversation = Conversation(sender=str(uuid.uuid4()))
        for turn in build_conversation(rng):
            if time.monotonic() >= deadline:
                return  # time is up between two messages: the conversation stays unfinished
            if not conversation.sent:
                stats.conversations.append(conversation)
            conversation.sent.append(turn.message)
            kind, detail = await send(session, url, conversation.sender, turn, stats)
            if kind:
                stats.error(kind, detail)
                conversation.failed = True
                break  # the rest of this conversation's script no longer applies: start a new one
        else:
            conversation.completed = True


async def progress(stats: Stats, start: float, every: float = 15.0) -> None:
    """A line on stderr every `every` seconds while the load runs."""
    while True:
        await asyncio.sleep(every)
        print(
            f"  {time.monotonic() - start:5.0f} s: {len(stats.latencies)} messages answered, "
            f"{sum(stats.errors.values())} errors",
            file=sys.stderr,
            flush=True,
        )


async def server_answers(url: str) -> bool:
    """Whether anything answers HTTP at the URL (any status)."""
    try:
        async with aiohttp.ClientSession(timeout=aiohttp.ClientTimeout(total=10)) as session:
            async with session.get(url) as response:
                await response.read()
        return True
    except (aiohttp.ClientError, asyncio.TimeoutError):
        return False


async def run_load(
    url: str, conversations: int, seconds: float, timeout: float, seed: Optional[int]
) -> Tuple[Stats, float]:
    """Run the workers; the figures and the wall time until the last request finished."""
    stats = Stats()
    base = random.Random(seed)
    connector = aiohttp.TCPConnector(limit=conversations)
    async with aiohttp.ClientSession(
        connector=connector, timeout=aiohttp.ClientTimeout(total=timeout)
    ) as session:
        start = time.monotonic()
        ticker = asyncio.ensure_future(progress(stats, start))
        try:
            await asyncio.gather(
                *(
                    worker(session, url, start + seconds, stats, random.Random(base.random()))
                    for _ in range(conversations)
                )
            )
        finally:
            ticker.cancel()
        return stats, time.monotonic() - start


def percentile(values: Sequence[float], p: float) -> float:
    """The nearest-rank p-th percentile of the values (nan when there are none)."""
    if not values:
        return float("nan")
    ordered = sorted(values)
    return ordered[max(0, math.ceil(p / 100 * len(ordered)) - 1)]


def figures(stats: Stats, check: StoreCheck, duration: float, args: argparse.Namespace) -> Dict[str, Any]:
    """Everything the run measured, as printed and as written by --json."""
    ms = [value * 1000 for value in stats.latencies]
    sent = sum(len(c.sent) for c in stats.conversations)
    return {
        "url": args.url,
        "concurrency": args.conversations,
        "seconds": args.seconds,
        "conversations": len(stats.conversations),
        "completed_conversations": sum(c.completed for c in stats.conversations),
        "unfinished_at_end": sum(not c.completed and not c.failed for c in stats.conversations),
        "messages": sent,
        "errors": sum(stats.errors.values()),
        "errors_by_kind": dict(stats.errors),
        "conversations_checked": check.checked,
        "lost_messages": check.lost,
        "unexpected_stored_messages": check.extra,
        "mismatched_conversations": len(check.mismatched),
        "p50_ms": round(percentile(ms, 50), 1),
        "p95_ms": round(percentile(ms, 95), 1),
        "p99_ms": round(percentile(ms, 99), 1),
        "msgs_per_s": round(len(ms) / duration, 2) if duration else 0.0,
        "duration_s": round(duration, 2),
    }


def report(result: Dict[str, Any], stats: Stats, tracker: str) -> None:
    """Print the figures."""
    kinds = ", ".join(f"{kind}: {count}" for kind, count in sorted(stats.errors.items()))
    p50, p95, p99 = (f"{result[key]:.0f}" for key in ("p50_ms", "p95_ms", "p99_ms"))
    lines = [
        ("conversations", f"{result['conversations']} ({result['completed_conversations']} completed, "
         f"{result['unfinished_at_end']} in flight when time was up: their current message finished)"),
        ("messages sent", f"{result['messages']}"),
        ("errors", f"{result['errors']}" + (f" ({kinds})" if kinds else "")),
        *(("  e.g.", example) for example in stats.examples),
        ("lost messages", f"{result['lost_messages']} (tracker store {tracker}: "
         f"{result['conversations_checked']} conversations checked, {result['mismatched_conversations']} "
         f"differ, {result['unexpected_stored_messages']} stored messages not sent)"),
        ("latency p50/p95/p99", f"{p50} / {p95} / {p99} ms"),
        ("messages per second", f"{result['msgs_per_s']:.1f}"),
        ("duration", f"{result['duration_s']:.1f} s"),
    ]
    for label, value in lines:
        print(f"{label + ':':21} {value}")


def main(argv: Optional[Sequence[str]] = None) -> int:
    """Run the load, check the tracker store, print the figures; the exit status."""
    config = settings()
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument(
        "--url", default=f"http://{config.rasa_host}:{config.rasa_port}/webhooks/rest/webhook"
    )
    parser.add_argument("--conversations", type=int, default=50, help="concurrent conversations")
    parser.add_argument("--seconds", type=float, default=120, help="how long new messages are sent")
    parser.add_argument("--tracker-store-url", default=config.tracker_store_url)
    parser.add_argument("--secret", default=config.conversation_id_secret, help="CONVERSATION_ID_SECRET")
    parser.add_argument("--timeout", type=float, default=60, help="seconds before a request is an error")
    parser.add_argument("--seed", type=int, default=None, help="makes the conversation scripts repeatable")
    parser.add_argument("--json", type=Path, default=None, metavar="OUT", help="write the figures here")
    args = parser.parse_args(argv)
    if args.conversations < 1 or args.seconds <= 0:
        parser.error("--conversations and --seconds must be positive")

    if not asyncio.run(server_answers(args.url)):
        print(
            f"load_test: nothing answers at {args.url}.\n"
            "Start the assistant first with `make run` in another terminal (or pass --url).",
            file=sys.stderr,
        )
        return 2
    print(f"load test: {args.conversations} concurrent conversations, {args.seconds:g} s, {args.url}")
    stats, duration = asyncio.run(
        run_load(args.url, args.conversations, args.seconds, args.timeout, args.seed)
    )

    from sqlalchemy.engine import make_url

    ids = {rest_conversation_id(c.sender, args.secret): c.sent for c in stats.conversations}
    check = compare_store(ids, stored_user_messages(args.tracker_store_url, list(ids)))
    result = figures(stats, check, duration, args)
    report(result, stats, make_url(args.tracker_store_url).render_as_string(hide_password=True))
    if check.checked and len(check.mismatched) == check.checked:
        print(
            "  none of the conversations matched: is --tracker-store-url the server's tracker store, and "
            "--secret its CONVERSATION_ID_SECRET?"
        )
    if args.json:
        args.json.parent.mkdir(parents=True, exist_ok=True)
        args.json.write_text(json.dumps(result, indent=2) + "\n")
    failed = result["errors"] or result["lost_messages"] or result["mismatched_conversations"]
    print(f"{'result:':21} {'FAILED' if failed else 'OK'}")
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
