"""Rasa server CPU time per message, latency, throughput and memory, as `make run` serves (SQL tracker store).

The machine this runs on is usually shared, so wall-clock figures are noisy; the main figure is the Rasa
server's own CPU time per message: utime+stime of its process (all threads, from /proc/<pid>/stat) read
before and after a stage, divided by the messages of that stage. It starts the action server and the Rasa
server (scripts/rasa_server.py, the project's endpoints.yml and its SQL tracker store on a fresh SQLite file
unless --tracker-store-url says otherwise) on free ports, and runs these stages:

  mix       --conversations concurrent conversations of the benchmark's script (greeting, questions, a
            condition, the whole safety check answered over the action server, thanks), --rounds times;
  single    the same script, one conversation at a time: wall-clock p50/p95 of one message;
  long      one conversation of --long-turns knowledge questions: p50 and CPU per message by band of
            turns (1-50, 51-100, ...), to show whether a turn's cost grows with the conversation.

Variants: `current` is the code as it is; `stock` switches this project's per-message optimisations
off inside the server process (Rasa's own `jsonschema.validate` of action-server replies, Rasa's SQL
retrieve/save without the tracker cache, the whole conversation featurised for every prediction), so one run
compares both on the same machine at the same time;
`nocache` switches off only the tracker cache; `nowindow` only the rules' window (the policy featurises
the whole conversation for every prediction, as Rasa's RulePolicy does; `stock` too); `copy` keeps a
compressed copy of the whole conversation at every save, as the outage memory did until 2026-12-04 (now
only what changes during an outage is copied); `journal` uses SQLite as Rasa does, a new connection per
session and the rollback journal (`stock` too), instead of pooled connections and a write-ahead log.
--py-spy also samples the server during one stage (--profile-stage) and prints where its time goes.

  python scripts/with_env.py python scripts/profile_server.py                       # current code
  python scripts/with_env.py python scripts/profile_server.py --variants stock current --repeat 2
  python scripts/with_env.py python scripts/profile_server.py --py-spy results/profile  # + profile
"""

from __future__ import annotations

import argparse
import asyncio
import json
import os
import re
import shutil
import signal
import statistics
import subprocess
import sys
import tempfile
import time
import uuid
from collections import Counter
from pathlib import Path
from typing import Dict, List, Optional

from processes import cpu_seconds, free_port, memory_mb, wait_until_up

PROJECT_DIR = Path(__file__).resolve().parent.parent
LONG_QUESTIONS = [
    "what can it do?",
    "how does it work?",
    "can it help me lose weight?",
    "what can't it do?",
    "will it ease sore muscles after sitting all day",
    "is it proven by science?",
    "does it help with cold hands and feet?",
    "can it replace my medication?",
]
# where the server's samples go, by the first matching frame (checked in this order)
BUCKETS = [
    ("tracker store", re.compile(r"tracker_store\.py")),
    ("action-reply validation", re.compile(r"_validate_action_result|jsonschema")),
    ("action server call", re.compile(r"RemoteAction\.run|resilient_actions\.py|action_endpoint|aiohttp")),
    ("NLU", re.compile(r"rasa/nlu/|condition_extractor|language_guard|padsafety/recognition")),
    ("policies", re.compile(r"rasa/core/policies/|safety_policy")),
    ("JSON / logging", re.compile(r"json/|logging/|structlog")),
    ("Sanic / HTTP", re.compile(r"sanic/|httptools|uvloop|connectors/")),
]


# --- the server process, started in a variant ------------------------------------------------------


def serve(variant: str, rasa_args: List[str]) -> None:
    """Run Rasa in this process as scripts/rasa_server.py does, with `variant`'s switches applied."""
    if variant == "copy":
        import components.tracker_store as store

        store.PrivacySQLTrackerStore.copy_every_turn = True  # the outage copy at every save, as before
    if variant in ("stock", "nocache"):
        import components.tracker_store as store

        if hasattr(store.PrivacySQLTrackerStore, "cache_size"):
            store.PrivacySQLTrackerStore.cache_size = 0  # Rasa's retrieve and save, every turn
    if variant in ("stock", "journal"):
        import sqlalchemy as sa

        import components.tracker_store as store

        # SQLAlchemy 1.4's SQLite engine as Rasa makes it: a new connection per session (NullPool) and
        # SQLite's rollback journal (a journal file created, synced and deleted at every commit)
        store.sqlite_engine = lambda url, journal="WAL": sa.create_engine(url)
    if variant in ("stock", "nowindow"):
        from rasa.core.policies.rule_policy import RulePolicy

        import components.safety_policy as policy

        # RulePolicy's own featurisation of the whole conversation for every prediction
        policy.SafetyRulePolicy._prediction_states = RulePolicy._prediction_states  # type: ignore
    if variant == "stock":
        from rasa.core.actions.action import RemoteAction

        import components.resilient_actions as actions

        # Rasa's validation (jsonschema.validate, which checks the schema on every call)
        actions.ResilientRemoteAction._validate_action_result = RemoteAction._validate_action_result
    count_action_calls(os.environ.get("PROFILE_CALLS_FILE"))
    import rasa_server

    sys.argv = ["rasa_server.py", *rasa_args]
    rasa_server.main()


def count_action_calls(path: Optional[str]) -> None:
    """Append one byte to `path` for every call the server makes to the action server (custom actions and
    the form's validation alike), so a stage can count them from the file's size."""
    if not path:
        return
    import components.resilient_actions as actions

    calls = open(path, "ab", buffering=0)
    run = actions.ResilientRemoteAction.run

    async def counted(self, *args, **kwargs):  # type: ignore[no-untyped-def]
        calls.write(b".")
        return await run(self, *args, **kwargs)

    actions.ResilientRemoteAction.run = counted  # type: ignore[method-assign]


# --- measuring ------------------------------------------------------------------------------------


def percentile(values: List[float], p: float) -> float:
    """The p-th quantile of latencies in seconds, in milliseconds."""
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, int(p * len(ordered)))] * 1000 if ordered else float("nan")


def wait_up(url: str, process: subprocess.Popen, log: Path, seconds: float = 300) -> None:
    """Wait until `url` answers; exit with the log's end if the process dies or it takes too long."""
    try:
        wait_until_up(url, [process], seconds)
    except RuntimeError as error:
        sys.exit(f"profile_server: {error}, see {log}:\n{log.read_text()[-2000:]}")


class Stage:
    """CPU time, wall time and latencies of the Rasa server over one stage."""

    # the action server's pid and the file the Rasa server counts its calls in (set by main and run_variant)
    action_pid: Optional[int] = None
    calls_file: Optional[Path] = None

    def __init__(self, pid: int) -> None:
        self.pid = pid
        self.latencies: List[float] = []
        self.messages = 0

    def _calls(self) -> int:
        return self.calls_file.stat().st_size if self.calls_file and self.calls_file.exists() else 0

    def __enter__(self) -> "Stage":
        self.cpu0, self.wall0 = cpu_seconds(self.pid), time.perf_counter()
        self.action_cpu0 = cpu_seconds(self.action_pid) if self.action_pid else 0.0
        self.calls0 = self._calls()
        return self

    def __exit__(self, *exc) -> None:
        self.cpu = cpu_seconds(self.pid) - self.cpu0
        self.wall = time.perf_counter() - self.wall0
        self.action_cpu = (cpu_seconds(self.action_pid) - self.action_cpu0) if self.action_pid else 0.0
        self.calls = self._calls() - self.calls0

    def figures(self) -> Dict[str, float]:
        """The stage's figures: CPU ms per message, latency, throughput."""
        return {
            "messages": self.messages,
            "cpu_ms_per_msg": 1000 * self.cpu / max(1, self.messages),
            "p50_ms": percentile(self.latencies, 0.50),
            "p95_ms": percentile(self.latencies, 0.95),
            "msgs_per_s": self.messages / self.wall if self.wall else float("nan"),
            "server_cpu_share": self.cpu / self.wall if self.wall else float("nan"),
            "action_server_cpu_ms_per_msg": 1000 * self.action_cpu / max(1, self.messages),
            "action_calls_per_msg": self.calls / max(1, self.messages),
        }


async def post(session, url: str, sender: str, text: str, stage: Stage) -> None:
    """Send one message; count it and its latency in `stage`."""
    start = time.perf_counter()
    async with session.post(url, json={"sender": sender, "message": text}) as response:
        body = await response.json()
        if response.status != 200 or not body:
            raise RuntimeError(f"{text!r}: HTTP {response.status} {str(body)[:200]}")
    stage.latencies.append(time.perf_counter() - start)
    stage.messages += 1


async def conversations(url: str, script: List[str], concurrency: int, rounds: int, stage: Stage) -> None:
    """`rounds` batches of `concurrency` conversations of `script`, all at once within a batch."""
    import aiohttp

    async def one() -> None:
        sender = f"profile-{uuid.uuid4()}"
        for text in script:
            await post(session, url, sender, text, stage)

    async with aiohttp.ClientSession(timeout=aiohttp.ClientTimeout(total=600)) as session:
        for _ in range(rounds):
            await asyncio.gather(*(one() for _ in range(concurrency)))


async def long_conversation(url: str, pid: int, turns: int, band: int) -> List[Dict[str, float]]:
    """One conversation of `turns` questions; figures per band of `band` turns."""
    import aiohttp

    sender, bands = f"profile-long-{uuid.uuid4()}", []
    async with aiohttp.ClientSession(timeout=aiohttp.ClientTimeout(total=600)) as session:
        for first in range(0, turns, band):
            with Stage(pid) as stage:
                for turn in range(first, min(turns, first + band)):
                    await post(session, url, sender, LONG_QUESTIONS[turn % len(LONG_QUESTIONS)], stage)
            bands.append({"turns": f"{first + 1}-{first + stage.messages}", **stage.figures()})
    return bands


# --- py-spy ---------------------------------------------------------------------------------------


def start_py_spy(pid: int, out: Path) -> Optional[subprocess.Popen]:
    """Start py-spy sampling `pid` into `out` (collapsed stacks), if it is installed."""
    py_spy = Path(sys.executable).parent / "py-spy"
    if not py_spy.exists():
        print(
            "profile_server: py-spy is not installed (pip install -r requirements-dev.txt)", file=sys.stderr
        )
        return None
    return subprocess.Popen(
        [
            str(py_spy),
            "record",
            "--pid",
            str(pid),
            "--rate",
            "200",
            "--nonblocking",
            "--format",
            "raw",
            "--output",
            str(out),
        ],
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )


def summarise_profile(raw: Path, top: int = 25) -> Dict[str, object]:
    """Samples by bucket (first matching frame from the top of the stack) and the hottest own frames."""
    buckets: Counter = Counter()
    own: Counter = Counter()
    total = 0
    for line in raw.read_text().splitlines():
        stack, _, count = line.rpartition(" ")
        if not stack or not count.isdigit():
            continue
        samples = int(count)
        frames = stack.split(";")
        total += samples
        own[frames[-1]] += samples
        name = "other"
        for bucket, pattern in BUCKETS:
            if any(pattern.search(frame) for frame in frames):
                name = bucket
                break
        buckets[name] += samples
    return {
        "samples": total,
        "buckets_pct": {k: round(100 * v / max(1, total), 1) for k, v in buckets.most_common()},
        "top_own_pct": [(k, round(100 * v / max(1, total), 1)) for k, v in own.most_common(top)],
    }


# --- one variant, start to stop -------------------------------------------------------------------


def run_variant(variant: str, args: argparse.Namespace, work: Path, action_url: str) -> Dict[str, object]:
    """Start the Rasa server in `variant`, run the stages, stop it; the figures."""
    from padsafety.scenarios import benchmark_conversation

    port = free_port()
    tracker_url = (
        args.tracker_store_url or f"sqlite:///{work / f'tracker-{variant}-{uuid.uuid4().hex[:6]}.db'}"
    )
    env = dict(
        os.environ,
        RASA_HOST="127.0.0.1",
        RASA_PORT=str(port),
        ACTION_SERVER_URL=action_url,
        TRACKER_STORE_URL=tracker_url,
        ENABLE_API="false",
        LOG_LEVEL="WARNING",
        PROFILE_CALLS_FILE=str(Stage.calls_file),
    )
    log = work / f"rasa-{variant}.log"
    process = subprocess.Popen(
        [sys.executable, "scripts/with_env.py", "python", "scripts/profile_server.py", "--serve", variant],
        cwd=PROJECT_DIR,
        env=env,
        stdout=open(log, "w"),
        stderr=subprocess.STDOUT,
    )
    url = f"http://127.0.0.1:{port}/webhooks/rest/webhook"
    result: Dict[str, object] = {"variant": variant}
    try:
        wait_up(f"http://127.0.0.1:{port}/", process, log)
        script = benchmark_conversation()
        warm = Stage(process.pid)
        asyncio.run(conversations(url, script, 2, 1, warm))  # loads the model's lazy parts
        raw = work / f"profile-{variant}-{uuid.uuid4().hex[:6]}.txt"

        def spy_on(stage: str) -> Optional[subprocess.Popen]:
            return start_py_spy(process.pid, raw) if args.py_spy and args.profile_stage == stage else None

        def spy_off(spy: Optional[subprocess.Popen]) -> None:
            if spy:
                spy.send_signal(signal.SIGINT)
                spy.wait(timeout=60)

        spy = spy_on("mix")
        with Stage(process.pid) as mix:
            asyncio.run(conversations(url, script, args.conversations, args.rounds, mix))
        spy_off(spy)
        result["mix"] = {"concurrency": args.conversations, **mix.figures()}
        with Stage(process.pid) as single:
            asyncio.run(conversations(url, script, 1, args.single_rounds, single))
        result["single"] = single.figures()
        if args.long_turns:
            spy = spy_on("long")
            result["long"] = asyncio.run(long_conversation(url, process.pid, args.long_turns, args.band))
            spy_off(spy)
        result.update(memory_mb(process.pid))
        if args.py_spy and raw.exists():
            result["profile"] = {"stage": args.profile_stage, **summarise_profile(raw)}
            args.py_spy.mkdir(parents=True, exist_ok=True)
            (args.py_spy / f"profile-{variant}-{args.profile_stage}.txt").write_text(raw.read_text())
    finally:
        process.terminate()
        process.wait(timeout=60)
    return result


def print_result(result: Dict[str, object]) -> None:
    """Print one variant's figures as a table."""
    mix, single = result["mix"], result["single"]
    print(
        f"\n== {result['variant']}  (Rasa server; RSS {result['rss_mb']:.0f} MB,"
        f" peak {result['peak_rss_mb']:.0f} MB)"
    )
    print(
        f"  {'stage':24} {'msgs':>6} {'CPU ms/msg':>11} {'p50 ms':>8} {'p95 ms':>8} {'msgs/s':>8}"
        f" {'CPU share':>9} {'actions CPU ms/msg':>18} {'action calls/msg':>16}"
    )
    for name, figures in ((f"mix x{mix['concurrency']}", mix), ("single", single)):
        print(
            f"  {name:24} {figures['messages']:6d} {figures['cpu_ms_per_msg']:11.1f} {figures['p50_ms']:8.1f}"
            f" {figures['p95_ms']:8.1f} {figures['msgs_per_s']:8.1f} {figures['server_cpu_share']:9.2f}"
            f" {figures['action_server_cpu_ms_per_msg']:18.1f} {figures['action_calls_per_msg']:16.2f}"
        )
    for band in result.get("long", []):
        print(
            f"  {'long turns ' + band['turns']:24} {band['messages']:6d} {band['cpu_ms_per_msg']:11.1f}"
            f" {band['p50_ms']:8.1f} {band['p95_ms']:8.1f} {band['msgs_per_s']:8.1f}"
            f" {band['server_cpu_share']:9.2f}"
        )
    profile = result.get("profile")
    if profile:
        print(f"  profile ({profile['samples']} samples during the {profile['stage']} stage):")
        for bucket, pct in profile["buckets_pct"].items():
            print(f"    {pct:5.1f} %  {bucket}")
        print("  hottest functions (own time):")
        for frame, pct in profile["top_own_pct"][:12]:
            print(f"    {pct:5.1f} %  {frame[:110]}")


def main() -> None:
    """Measure the variants and print their figures."""
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("--serve", help=argparse.SUPPRESS)  # internal: run the server in a variant
    parser.add_argument(
        "--variants", nargs="+", default=["current"],
        choices=["current", "stock", "nocache", "copy", "nowindow", "journal"],
    )
    parser.add_argument("--repeat", type=int, default=1, help="run the variants this many times, interleaved")
    parser.add_argument("--conversations", type=int, default=20, help="concurrent conversations (mix stage)")
    parser.add_argument("--rounds", type=int, default=2, help="batches of concurrent conversations")
    parser.add_argument("--single-rounds", type=int, default=3, help="conversations one at a time")
    parser.add_argument(
        "--long-turns", type=int, default=200, help="turns of the long conversation (0: skip)"
    )
    parser.add_argument("--band", type=int, default=50, help="turns per band of the long conversation")
    parser.add_argument("--tracker-store-url", help="default: a fresh SQLite file per server")
    parser.add_argument("--py-spy", type=Path, metavar="DIR", help="sample the server with py-spy into DIR")
    parser.add_argument(
        "--profile-stage", choices=["mix", "long"], default="mix", help="the stage py-spy samples"
    )
    parser.add_argument("--json", type=Path, default=PROJECT_DIR / "results" / "profile_server.json")
    args, rest = parser.parse_known_args()
    if args.serve:
        serve(args.serve, rest)
        return

    work = Path(tempfile.mkdtemp(prefix="profile-server-"))
    action_port = free_port()
    action_url = f"http://127.0.0.1:{action_port}/webhook"
    env = dict(
        os.environ,
        ACTION_SERVER_PORT=str(action_port),
        ACTION_SERVER_URL=action_url,
        RECORDS_DB_URL=f"sqlite:///{work / 'records.db'}",
        LOG_LEVEL="WARNING",
    )
    env.setdefault("RECORDS_SALT", "profile")
    actions_log = work / "actions.log"
    actions = subprocess.Popen(
        [
            sys.executable,
            "scripts/with_env.py",
            "rasa",
            "run",
            "actions",
            "--actions",
            "actions",
            "-p",
            str(action_port),
        ],
        cwd=PROJECT_DIR,
        env=env,
        stdout=open(actions_log, "w"),
        stderr=subprocess.STDOUT,
    )
    results: List[Dict[str, object]] = []
    Stage.action_pid, Stage.calls_file = actions.pid, work / "action-calls"
    try:
        wait_up(f"http://127.0.0.1:{action_port}/health", actions, actions_log)
        for _ in range(args.repeat):
            for variant in args.variants:
                print(f"profile_server: measuring {variant} ...", file=sys.stderr, flush=True)
                results.append(run_variant(variant, args, work, action_url))
                print_result(results[-1])
    finally:
        actions.terminate()
        actions.wait(timeout=60)
    if len(results) > 1:
        print("\n== medians over runs")
        for variant in args.variants:
            runs = [r for r in results if r["variant"] == variant]
            cpu = statistics.median(r["mix"]["cpu_ms_per_msg"] for r in runs)
            mix = statistics.median(r["mix"]["msgs_per_s"] for r in runs)
            p50 = statistics.median(r["single"]["p50_ms"] for r in runs)
            rss = statistics.median(r["rss_mb"] for r in runs)
            action_cpu = statistics.median(r["mix"]["action_server_cpu_ms_per_msg"] for r in runs)
            calls = statistics.median(r["mix"]["action_calls_per_msg"] for r in runs)
            print(
                f"  {variant:8} CPU ms/msg (mix) {cpu:.1f}  single p50 {p50:.1f} ms"
                f"  mix {mix:.1f} msgs/s  RSS {rss:.0f} MB  action server {action_cpu:.1f} ms/msg"
                f"  {calls:.2f} action calls/msg  ({len(runs)} runs)"
            )
    args.json.parent.mkdir(parents=True, exist_ok=True)
    args.json.write_text(
        json.dumps({"cpus": os.cpu_count(), "argv": sys.argv[1:], "results": results}, indent=2)
    )
    print(f"\nprofile_server: figures in {args.json}")
    shutil.rmtree(work, ignore_errors=True)  # databases and logs of this run


if __name__ == "__main__":
    main()
