"""Compare NLU pipelines (benchmark/pipelines/*.yml) on accuracy and on the performance budget.

For each variant it trains NLU-only models with `rasa train nlu` (one at a time: the machine has 2 cores)
on two splits, and measures each model in a fresh process:
- dev: trained on data/nlu/ without real_users_round3.yml (the newest real-user data, written as users
  write), evaluated on that file. Designs are chosen on this figure (and latency and memory).
- full: trained on all of data/nlu/, evaluated on the held-out sets tests/nlu/real_users_heldout.yml and
  tests/nlu/test_nlu.yml. Reported only: never tuned on.
Intent macro-F1 is computed as `rasa test nlu` does (scripts/nlu_report.py): the whole pipeline (intent
hints, language guard, fallback), a fallback prediction reverted to the classifier's next intent, and the
macro average over the intents of the set. Per model it also measures the mean wall and CPU time of
`Agent.parse_message` over the held-out messages, the RSS of the process after `Agent.load`, and the
training wall time.

The sentence-feature variants need the extras of benchmark/pipelines/requirements.txt, so run it in
.venv-compare (scripts/setup_compare.sh makes it):

    bash scripts/setup_compare.sh
    .venv-compare/bin/python scripts/with_env.py python scripts/compare_pipelines.py

Models go to --work (default /tmp/cmp), the table to stdout, the figures to results/nlu/pipelines.json
(docs/nlu/pipelines.md discusses them). An existing model is reused (with its recorded training time)
unless --retrain is given.
"""

from __future__ import annotations

import argparse
import asyncio
import json
import os
import platform
import resource
import shutil
import subprocess
import sys
import time
from datetime import datetime, timezone
from pathlib import Path
from typing import Any, Dict, List, Tuple

import yaml

PROJECT_DIR = Path(__file__).resolve().parent.parent
PIPELINES = PROJECT_DIR / "benchmark" / "pipelines"
DEV_FILE = "real_users_round3.yml"
RED_FLAG = "report_red_flag"
HELDOUT = {"real_users": "tests/nlu/real_users_heldout.yml", "test_nlu": "tests/nlu/test_nlu.yml"}
DEFAULT_VARIANTS = [
    "current", "diet", "minilm_logreg_s1", "minilm_logreg_s4", "minilm_logreg_s10", "minilm_onnx_logreg_s4",
    "minilm_diet",
]


def rss_mib() -> float:
    """The resident set size of this process now, in MiB (from /proc/self/status)."""
    for line in Path("/proc/self/status").read_text().splitlines():
        if line.startswith("VmRSS:"):
            return int(line.split()[1]) / 1024
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


def examples(path: Path) -> List[Tuple[str, str]]:
    """(text, intent) of every example in an NLU file."""
    from rasa.shared.nlu.training_data.loading import load_data

    return [(m.get("text"), m.get("intent")) for m in load_data(str(path)).intent_examples]


def macro_f1(targets: List[str], predictions: List[str]) -> Dict[str, float]:
    """Macro-F1 over the set's intents and accuracy, as rasa.model_testing.get_evaluation_metrics."""
    from sklearn import metrics

    labels = sorted(set(targets))
    return {
        "macro_f1": float(metrics.f1_score(targets, predictions, labels=labels, average="macro",
                                           zero_division=0)),
        "accuracy": float(metrics.accuracy_score(targets, predictions)),
        "messages": len(targets),
    }


def measure(model: str, sets: Dict[str, str]) -> Dict[str, Any]:
    """Loads one model in this process and measures it (called in a fresh subprocess per model)."""
    import logging

    logging.disable(logging.WARNING)
    from rasa.core.agent import Agent
    from rasa.nlu.classifiers import fallback_classifier

    base = rss_mib()
    started = time.perf_counter()
    agent = Agent.load(model)
    load_s = time.perf_counter() - started
    loaded = rss_mib()
    data = {name: examples(PROJECT_DIR / path) for name, path in sets.items()}

    async def run() -> Dict[str, Any]:
        for text, _ in next(iter(data.values()))[:10]:  # warm-up: first calls build lazily
            await agent.parse_message(text)
        out: Dict[str, Any] = {}
        for name, items in data.items():
            predictions, wall, cpu = [], [], []
            for text, _ in items:
                w, c = time.perf_counter(), time.process_time()
                result = await agent.parse_message(text)
                cpu.append(time.process_time() - c)
                wall.append(time.perf_counter() - w)
                if fallback_classifier.is_fallback_classifier_prediction(result):
                    result = fallback_classifier.undo_fallback_prediction(result)
                predictions.append((result.get("intent") or {}).get("name") or "")
            out[name] = {
                **macro_f1([i for _, i in items], predictions),
                "parse_wall_ms": 1000 * sum(wall) / len(wall),
                "parse_cpu_ms": 1000 * sum(cpu) / len(cpu),
                "errors": [
                    {"text": t, "intent": i, "predicted": p}
                    for (t, i), p in zip(items, predictions) if i != p
                ],
            }
        return out

    figures = asyncio.run(run())
    return {"load_average_1min": os.getloadavg()[0], "rss_before_load_mib": base,
            "rss_after_load_mib": loaded, "load_s": load_s, "sets": figures}


def dev_data(work: Path) -> Path:
    """A copy of data/nlu/ without the development file."""
    target = work / "data-dev"
    shutil.rmtree(target, ignore_errors=True)
    target.mkdir(parents=True)
    for path in sorted((PROJECT_DIR / "data" / "nlu").glob("*.yml")):
        if path.name != DEV_FILE:
            shutil.copy(path, target / path.name)
    return target


def train(variant: str, split: str, nlu: Path, work: Path, retrain: bool) -> Dict[str, Any]:
    """Trains (or reuses) one NLU model; returns its path and training figures."""
    name = f"{variant}-{split}"
    model, record = work / "models" / f"{name}.tar.gz", work / "models" / f"{name}.json"
    if model.exists() and record.exists() and not retrain:
        return json.loads(record.read_text())
    model.parent.mkdir(parents=True, exist_ok=True)
    log = work / f"train-{name}.log"
    before = resource.getrusage(resource.RUSAGE_CHILDREN)
    started = time.perf_counter()
    with open(log, "w") as handle:
        done = subprocess.run(
            [sys.executable, "-m", "rasa", "train", "nlu", "--config", str(PIPELINES / f"{variant}.yml"),
             "--nlu", str(nlu), "--out", str(model.parent), "--fixed-model-name", name],
            cwd=PROJECT_DIR, stdout=handle, stderr=subprocess.STDOUT,
        )
    wall = time.perf_counter() - started
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    if done.returncode != 0 or not model.exists():
        raise SystemExit(f"compare_pipelines: training {name} failed, see {log}")
    figures = {"model": str(model), "train_wall_s": wall,
               "train_cpu_s": (after.ru_utime - before.ru_utime) + (after.ru_stime - before.ru_stime)}
    record.write_text(json.dumps(figures))
    return figures


def measure_in_subprocess(model: str, sets: Dict[str, str]) -> Dict[str, Any]:
    """Runs `measure` in a fresh interpreter, so that RSS and timings are the model's own."""
    done = subprocess.run(
        [sys.executable, __file__, "--measure", model, "--sets", json.dumps(sets)],
        cwd=PROJECT_DIR, capture_output=True, text=True,
    )
    if done.returncode != 0:
        raise SystemExit(f"compare_pipelines: measuring {model} failed:\n{done.stderr[-3000:]}")
    return json.loads(done.stdout.strip().splitlines()[-1])


def check_current_matches_config() -> None:
    """benchmark/pipelines/current.yml must hold config.yml's pipeline."""
    ours = yaml.safe_load((PIPELINES / "current.yml").read_text())["pipeline"]
    project = yaml.safe_load((PROJECT_DIR / "config.yml").read_text())["pipeline"]
    if ours != project:
        raise SystemExit("compare_pipelines: benchmark/pipelines/current.yml is not config.yml's pipeline")


def table(results: Dict[str, Any]) -> str:
    """The comparison as a Markdown table."""
    rows = ["| variant | dev macro-F1 | real_users macro-F1 | test_nlu macro-F1 | report_red_flag wrongly "
            "| train s (full) | parse ms wall / CPU | RSS MiB after load |",
            "| --- | --- | --- | --- | --- | --- | --- | --- |"]

    def f1(split: Any, name: str) -> str:
        return f"{split['sets'][name]['macro_f1']:.3f}" if split else "–"

    for variant, r in results.items():
        dev, full = r.get("dev"), r.get("full")
        speed = full or dev  # timings and memory of the full model (of the dev model until it exists)
        timing = speed["sets"]["real_users" if full else "dev"]
        train_s = f"{full['train_wall_s']:.0f}" if full else f"({dev['train_wall_s']:.0f} dev)"
        parse = f"{timing['parse_wall_ms']:.1f} / {timing['parse_cpu_ms']:.1f}"
        # messages read as a red flag that are not one (the safety policy, not only the classifier, decides
        # on the emergency reply: this counts the classifier's share)
        flags = "/".join(
            str(sum(e["predicted"] == RED_FLAG for e in split["sets"][name]["errors"])) if split else "–"
            for split, name in ((dev, "dev"), (full, "real_users"), (full, "test_nlu"))
        )
        rows.append(
            f"| {variant} | {f1(dev, 'dev')} | {f1(full, 'real_users')} | {f1(full, 'test_nlu')} | {flags} "
            f"| {train_s} | {parse} | {speed['rss_after_load_mib']:.0f} |"
        )
    return "\n".join(rows)


def paired(results: Dict[str, Any], baseline: str = "current") -> str:
    """Per set, how many messages each variant gets right that the baseline gets wrong and the reverse,
    with the exact two-sided McNemar p-value (the sets are small: a difference of a few messages is noise)."""
    from scipy.stats import binomtest

    lines = []
    base = results.get(baseline, {})
    for variant, r in results.items():
        if variant == baseline:
            continue
        cells = []
        for split, name in (("dev", "dev"), ("full", "real_users"), ("full", "test_nlu")):
            if split not in r or split not in base:
                continue
            ours = {(e["text"], e["intent"]) for e in r[split]["sets"][name]["errors"]}
            theirs = {(e["text"], e["intent"]) for e in base[split]["sets"][name]["errors"]}
            fixed, broken = len(theirs - ours), len(ours - theirs)
            p = binomtest(fixed, fixed + broken).pvalue if fixed + broken else 1.0
            cells.append(f"{name} +{fixed}/-{broken} (p={p:.2f})")
        lines.append(f"{variant} vs {baseline}: " + ", ".join(cells))
    return "\n".join(lines)


def main() -> None:
    """Trains and measures every variant on the chosen splits, prints the table, writes the JSON."""
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--variants", nargs="+", default=DEFAULT_VARIANTS,
                        help="names of benchmark/pipelines/*.yml (default: %(default)s)")
    parser.add_argument("--splits", nargs="+", choices=["dev", "full"], default=["dev", "full"])
    parser.add_argument("--work", type=Path, default=Path("/tmp/cmp"), help="models and logs")
    parser.add_argument("--retrain", action="store_true", help="train even when a model exists")
    parser.add_argument("--json", type=Path, default=PROJECT_DIR / "results" / "nlu" / "pipelines.json")
    parser.add_argument("--report", action="store_true", help="only print the table of the JSON's figures")
    parser.add_argument("--measure", help=argparse.SUPPRESS)
    parser.add_argument("--sets", help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.measure:
        print(json.dumps(measure(args.measure, json.loads(args.sets))))
        return
    if args.report:
        results = json.loads(args.json.read_text())["variants"]
        chosen = {v: results[v] for v in args.variants if v in results}
        print(table(chosen))
        print(paired(chosen))
        return
    check_current_matches_config()
    args.work.mkdir(parents=True, exist_ok=True)
    previous = json.loads(args.json.read_text()) if args.json.exists() else {}
    results: Dict[str, Any] = dict(previous.get("variants", {}))
    dev_dir = dev_data(args.work)
    for split in ("dev", "full"):
        if split not in args.splits:
            continue
        nlu = dev_dir if split == "dev" else PROJECT_DIR / "data" / "nlu"
        sets = {"dev": f"data/nlu/{DEV_FILE}"} if split == "dev" else HELDOUT
        for variant in args.variants:
            print(f"compare_pipelines: {variant} on {split} ...", file=sys.stderr, flush=True)
            trained = train(variant, split, nlu, args.work, args.retrain)
            figures = {**trained, **measure_in_subprocess(trained["model"], sets)}
            results.setdefault(variant, {})[split] = figures
            args.json.parent.mkdir(parents=True, exist_ok=True)
            args.json.write_text(json.dumps(
                {"date": datetime.now(timezone.utc).isoformat(timespec="seconds"),
                 "machine": f"{platform.machine()}, {os.cpu_count()} cores, {platform.python_version()}",
                 "command": " ".join(sys.argv), "variants": results}, indent=1))
            print(f"compare_pipelines: {variant} {split}: " + ", ".join(
                f"{s} macro-F1 {v['macro_f1']:.3f}" for s, v in figures["sets"].items()
            ) + f"; train {figures['train_wall_s']:.0f}s", file=sys.stderr, flush=True)
    chosen = {v: results[v] for v in args.variants if v in results}
    print(table(chosen))
    print(paired(chosen))


if __name__ == "__main__":
    main()
