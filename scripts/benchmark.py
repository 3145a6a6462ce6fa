"""Benchmark the project's configuration against Rasa's default configuration, in one run, same machine.

For each configuration (config.yml, and benchmark/default_config.yml which is what `rasa init` writes) it
trains on the same data and serves the model on its own port, then measures:
  training time from an empty cache, and again after changing one response only (and which components
  were retrained); cold start (process start to first reply); REST latency p50/p95/p99 with 1, 10 and 50
  concurrent multi-turn conversations (screening form and custom actions included) and messages per
  second at the highest concurrency; the Rasa server's CPU time per message at each concurrency (from
  /proc/<pid>/stat, steadier than wall-clock figures on a shared machine); peak resident memory of each
  Rasa server and of the action server; intent macro-F1 on the held-out NLU test set; doctor-referral
  recall on the condition-mention tests.
Latency and start-up figures are medians over --runs repetitions. Results: results/benchmark/.

  python scripts/with_env.py python scripts/benchmark.py            # full run (about 15 minutes)
  python scripts/with_env.py python scripts/benchmark.py --quick    # smoke run used by `make test`
"""

from __future__ import annotations

import argparse
import asyncio
import json
import os
import platform
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
import uuid
from pathlib import Path
from typing import Dict, List

import aiohttp
import yaml
from processes import cpu_seconds, free_port

from padsafety.action_auth import HEADER, header_value
from padsafety.scenarios import ANY_REFERRAL, CONDITION_MENTIONS, benchmark_conversation

PROJECT_DIR = Path(__file__).resolve().parent.parent

CONFIGS = {"project": PROJECT_DIR / "config.yml", "default": PROJECT_DIR / "benchmark" / "default_config.yml"}
CONVERSATION = benchmark_conversation()


def run_logged(args: List[str], log: Path, env: Dict[str, str]) -> float:
    """Run a command to completion; its wall time in seconds."""
    start = time.perf_counter()
    with open(log, "w") as handle:
        result = subprocess.run(args, cwd=PROJECT_DIR, env=env, stdout=handle, stderr=subprocess.STDOUT)
    if result.returncode:
        sys.exit(f"benchmark: {' '.join(args[:4])} failed, see {log}")
    return time.perf_counter() - start


def quick_config(path: Path, work: Path) -> Path:
    """A copy of a config with every `epochs` set to 1 (for the smoke run)."""
    data = yaml.safe_load(path.read_text())
    for item in data.get("pipeline", []) + data.get("policies", []):
        if "epochs" in item:
            item["epochs"] = 1
    target = work / f"quick-{path.name}"
    target.write_text(yaml.safe_dump(data, sort_keys=False))
    return target


def changed_domain(work: Path) -> Path:
    """domain.yml with one response's text changed."""
    domain = yaml.safe_load((PROJECT_DIR / "domain.yml").read_text())
    domain["responses"]["utter_goodbye"][0]["text"] += " (benchmark edit)"
    target = work / "domain-changed.yml"
    target.write_text(yaml.safe_dump(domain, sort_keys=False))
    return target


def train(name: str, config: Path, work: Path, env: Dict[str, str]) -> Dict[str, object]:
    """Cold training, then training after a response-only change, with a fresh cache."""
    cache = work / f"cache-{name}"
    env = dict(env, RASA_CACHE_DIRECTORY=str(cache))
    base = ["rasa", "train", "--config", str(config), "--data", "data", "--out", str(work)]
    cold_log = work / f"train-{name}.log"
    cold = run_logged(base + ["--domain", "domain.yml", "--fixed-model-name", name], cold_log, env)
    edit_log = work / f"train-{name}-edit.log"
    edit = run_logged(
        base + ["--domain", str(changed_domain(work)), "--fixed-model-name", f"{name}-edit"], edit_log, env
    )
    retrained = [
        line.split("'")[1]
        for line in edit_log.read_text().splitlines()
        if "Starting to train component" in line and "'" in line
    ]
    return {
        "train_cold_s": cold,
        "train_after_response_change_s": edit,
        "retrained_after_response_change": retrained,
    }


def peak_rss_mb(pid: int) -> float:
    """Peak resident memory (VmHWM) of a running process, in MB."""
    for line in Path(f"/proc/{pid}/status").read_text().splitlines():
        if line.startswith("VmHWM:"):
            return int(line.split()[1]) / 1024
    return float("nan")


def wait_for_reply(url: str, process: subprocess.Popen, timeout: float = 300) -> float:
    """Seconds from now until the server answers a message."""
    import requests

    start = time.perf_counter()
    while time.perf_counter() - start < timeout:
        if process.poll() is not None:
            sys.exit(f"benchmark: server exited ({process.returncode})")
        try:
            reply = requests.post(
                url, json={"sender": f"warmup-{uuid.uuid4()}", "message": "hello"}, timeout=30
            )
            if reply.ok and reply.json():
                return time.perf_counter() - start
        except requests.RequestException:
            pass
        time.sleep(0.1)
    sys.exit(f"benchmark: no reply from {url} within {timeout}s")


async def conversation(session: aiohttp.ClientSession, url: str, latencies: List[float]) -> int:
    """One multi-turn conversation; how many messages it sent."""
    sender = f"bench-{uuid.uuid4()}"
    for text in CONVERSATION:
        start = time.perf_counter()
        async with session.post(url, json={"sender": sender, "message": text}) as response:
            response.raise_for_status()
            await response.json()
        latencies.append(time.perf_counter() - start)
    return len(CONVERSATION)


async def load(url: str, concurrency: int) -> Dict[str, float]:
    """`concurrency` conversations at once; latency percentiles and throughput."""
    latencies: List[float] = []
    timeout = aiohttp.ClientTimeout(total=600)
    async with aiohttp.ClientSession(timeout=timeout) as session:
        start = time.perf_counter()
        sent = await asyncio.gather(*(conversation(session, url, latencies) for _ in range(concurrency)))
        elapsed = time.perf_counter() - start
    latencies.sort()

    def pct(p: float) -> float:
        return latencies[min(len(latencies) - 1, int(p * len(latencies)))] * 1000

    return {
        "p50_ms": pct(0.50),
        "p95_ms": pct(0.95),
        "p99_ms": pct(0.99),
        "msgs_per_s": sum(sent) / elapsed,
        "messages": sum(sent),
    }


def referral_recall(url: str) -> float:
    """Share of the condition-mention test messages whose reply carries the doctor referral."""
    import requests

    hits = 0
    for message in CONDITION_MENTIONS:
        replies = requests.post(
            url, json={"sender": f"recall-{uuid.uuid4()}", "message": message}, timeout=60
        )
        hits += bool(ANY_REFERRAL.search(" ".join(r.get("text", "") for r in replies.json())))
    return hits / len(CONDITION_MENTIONS)


def intent_f1(model: Path, work: Path, name: str, env: Dict[str, str]) -> float:
    """Intent macro-F1 on the held-out NLU test set."""
    out = work / f"nlu-{name}"
    run_logged(
        ["rasa", "test", "nlu", "--nlu", "tests/nlu/test_nlu.yml", "--model", str(model), "--out", str(out)],
        work / f"nlu-{name}.log",
        env,
    )
    return json.loads((out / "intent_report.json").read_text())["macro avg"]["f1-score"]


def serve_and_measure(
    name: str, model: Path, work: Path, env: Dict[str, str], levels: List[int], runs: int
) -> Dict[str, object]:
    """Start Rasa on the model `runs` times; cold start, load figures, memory, referral recall."""
    endpoints = work / "endpoints.yml"  # same for both: the action server, in-memory conversations
    # the action server refuses calls without the shared secret; Rasa's default configuration does not
    # load the project's components (which add it), so the endpoint itself carries the header
    token = env.get("ACTION_SERVER_TOKEN", "")
    header = f"  headers:\n    {HEADER}: \"{header_value(token)}\"\n" if token else ""
    endpoints.write_text(f"action_endpoint:\n  url: {env['ACTION_SERVER_URL']}\n{header}")
    figures: Dict[str, List[float]] = {}
    memory, recall = [], None
    for _ in range(runs):
        port = free_port()
        url = f"http://127.0.0.1:{port}/webhooks/rest/webhook"
        log = open(work / f"rasa-{name}.log", "w")
        process = subprocess.Popen(
            [
                "rasa",
                "run",
                "--model",
                str(model),
                "--endpoints",
                str(endpoints),
                "-i",
                "127.0.0.1",
                "-p",
                str(port),
            ],
            cwd=PROJECT_DIR,
            env=env,
            stdout=log,
            stderr=subprocess.STDOUT,
        )
        try:
            figures.setdefault("cold_start_s", []).append(wait_for_reply(url, process))
            for level in levels:
                cpu = cpu_seconds(process.pid)
                measured = asyncio.run(load(url, level))
                # the Rasa server's own CPU time per message: the main figure on a shared machine
                used = cpu_seconds(process.pid) - cpu
                measured["cpu_ms_per_msg"] = 1000 * used / measured.pop("messages")
                for key, value in measured.items():
                    figures.setdefault(f"c{level}_{key}", []).append(value)
            if recall is None:
                recall = referral_recall(url)
            memory.append(peak_rss_mb(process.pid))
        finally:
            process.terminate()
            process.wait(timeout=60)
            log.close()
    result: Dict[str, object] = {key: statistics.median(values) for key, values in figures.items()}
    result["rasa_peak_rss_mb"] = statistics.median(memory)
    result["referral_recall"] = recall
    return result


def chart(results: Dict[str, Dict[str, object]], keys: List[str], path: Path) -> None:
    """Bars of project/default ratios (below 1 is better for times and memory, above for the rest)."""
    import matplotlib

    matplotlib.use("Agg")
    import matplotlib.pyplot as plt

    ratios = [float(results["project"][k]) / float(results["default"][k]) for k in keys]
    figure, axes = plt.subplots(figsize=(9, 4))
    axes.barh(keys, ratios, color="#c0392b")
    axes.axvline(1.0, color="black", linewidth=1)
    axes.set_xlabel("project / default")
    axes.set_title("Project configuration relative to Rasa's default configuration")
    figure.savefig(path, dpi=100, bbox_inches="tight")
    plt.close(figure)


def main() -> None:
    """Run the benchmark and print the table."""
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("--quick", action="store_true", help="smoke run: 1 epoch, 1 and 2 conversations")
    parser.add_argument("--runs", type=int, default=None, help="repetitions for serving figures (default 3)")
    parser.add_argument("--out", type=Path, default=PROJECT_DIR / "results" / "benchmark")
    args = parser.parse_args()
    runs = args.runs or (1 if args.quick else 3)
    levels = [1, 2] if args.quick else [1, 10, 50]
    args.out.mkdir(parents=True, exist_ok=True)
    work = Path(tempfile.mkdtemp(prefix="benchmark-"))
    env = dict(os.environ)
    env["PATH"] = os.pathsep.join([str(Path(sys.executable).parent), env.get("PATH", "")])
    action_port = free_port()
    env["ACTION_SERVER_URL"] = f"http://127.0.0.1:{action_port}/webhook"
    env.setdefault("RECORDS_SALT", "benchmark")
    env["RECORDS_DB_URL"] = f"sqlite:///{work / 'records.db'}"

    results: Dict[str, Dict[str, object]] = {}
    for name, config in CONFIGS.items():
        config = quick_config(config, work) if args.quick else config
        print(f"benchmark: training {name} ...", flush=True)
        results[name] = train(name, config, work, env)
        results[name]["intent_macro_f1"] = intent_f1(work / f"{name}.tar.gz", work, name, env)

    actions_log = open(work / "actions.log", "w")
    actions = subprocess.Popen(
        ["rasa", "run", "actions", "--actions", "actions", "-p", str(action_port)],
        cwd=PROJECT_DIR,
        env=env,
        stdout=actions_log,
        stderr=subprocess.STDOUT,
    )
    try:
        time.sleep(1)
        for name in CONFIGS:
            print(f"benchmark: serving {name} ...", flush=True)
            results[name].update(serve_and_measure(name, work / f"{name}.tar.gz", work, env, levels, runs))
        action_rss = peak_rss_mb(actions.pid)
    finally:
        actions.terminate()
        actions.wait(timeout=60)
        actions_log.close()

    top = levels[-1]
    keys = ["train_cold_s", "train_after_response_change_s", "cold_start_s"]
    keys += [f"c{level}_p{p}_ms" for level in levels for p in (50, 95, 99)]
    keys += [f"c{level}_cpu_ms_per_msg" for level in levels]
    keys += [f"c{top}_msgs_per_s", "rasa_peak_rss_mb", "intent_macro_f1", "referral_recall"]
    report = {
        "machine": {
            "cpus": os.cpu_count(),
            "platform": platform.platform(),
            "python": platform.python_version(),
        },
        "quick": args.quick,
        "runs": runs,
        "conversation_turns": len(CONVERSATION),
        "action_server_peak_rss_mb": action_rss,
        "results": results,
        "ratio_project_to_default": {
            k: float(results["project"][k]) / float(results["default"][k]) if results["default"][k] else None
            for k in keys
        },
    }
    (args.out / "benchmark.json").write_text(json.dumps(report, indent=2, default=str))
    chart(results, [k for k in keys if results["default"][k]], args.out / "benchmark.png")

    print(f"\n{'figure':36} {'project':>10} {'default':>10} {'ratio':>7}")
    for key in keys:
        p, d = float(results["project"][key]), float(results["default"][key])
        print(f"{key:36} {p:10.3f} {d:10.3f} {p / d if d else float('nan'):7.2f}")
    print(f"{'action_server_peak_rss_mb':36} {action_rss:10.1f}")
    for name in CONFIGS:
        print(
            f"retrained after a response change ({name}): {results[name]['retrained_after_response_change']}"
        )
    print(f"\nbenchmark: results in {args.out}/benchmark.json and benchmark.png")
    shutil.rmtree(work, ignore_errors=True)


if __name__ == "__main__":
    main()
