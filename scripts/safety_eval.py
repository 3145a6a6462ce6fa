"""Measure safety recognition on the labelled corpus (tests/safety): recall, false alarms, context, cost.

Two modes:
- ``--designs``: the recognition layer alone (no Rasa), for several designs side by side, on the
  development split. This is how designs are compared; never on the held-out split.
- default: the trained model and the real pipeline, as the server runs it (NLU with the condition
  extractor and language guard, the safety policy and rules, the action server for the safety check):
  every message in a new conversation, outcomes read from the tracker's events. ``--check`` fails
  below the targets. Writes JSON and a PNG.

    python scripts/with_env.py python scripts/safety_eval.py --split heldout --check
    python scripts/with_env.py python scripts/safety_eval.py --split heldout2 --check   # the fresh part
    python scripts/with_env.py python scripts/safety_eval.py --split dev --designs
"""

from __future__ import annotations

import argparse
import asyncio
import json
import os
import socket
import statistics
import subprocess
import sys
import time
import uuid
from collections import Counter, defaultdict
from dataclasses import dataclass, field
from pathlib import Path
from typing import Callable, Dict, List, Optional, Set

import yaml

from padsafety.recognition import (
    Recogniser,
    default_recogniser,
    load_confusables,
    load_context_rules,
)
from padsafety.rules import Verdict, default_rulebook

PROJECT_DIR = Path(__file__).resolve().parent.parent
CORPUS = PROJECT_DIR / "tests" / "safety"
SEED_RULES = {"pregnancy", "skin_infection_or_eczema", "open_wound", "photosensitivity", "implanted_device"}
TARGETS = {
    "referral_recall": 0.99,
    "seed_rule_recall_min": 0.98,
    "green_lights": 0,
    "false_alarm_rate": 0.02,
    "emergency_false_alarms": 0,
    "red_flag_recall": 1.0,
    "answer_in_check": 1.0,
    "negated": 1.0,
}


@dataclass
class Outcome:
    """What the assistant did with one message."""

    kind: str  # emergency, referral, referral_other, general, clarify, urgent_clarify, none
    rules: Set[str] = field(default_factory=set)  # rules reached by affirmed mentions
    slot: Optional[str] = "unset"  # for answers in the safety check: the value the answer gave
    millis: float = 0.0
    intent: Optional[str] = None  # the classifier's intent and confidence (pipeline only)
    confidence: float = 0.0


def load_corpus(split: str) -> Dict[str, list]:
    """The positives, negatives, context cases and red flags of one split.

    The development part is dev.yml plus every later batch, dev_round2.yml, dev_round3.yml,
    dev_round4.yml... (``dev_round*.yml``), each written after a held-out measurement and put wholly into
    development, so that the held-out part never changed.
    """
    extra = sorted(CORPUS.glob("dev_round*.yml"), key=lambda p: (len(p.stem), p.stem))  # round 10 after 9
    files = [CORPUS / f"{split}.yml"] + (extra if split == "dev" else [])
    corpus: Dict[str, list] = {key: [] for key in ("positives", "negatives", "context", "red_flags")}
    for path in files:
        if path.exists():
            data = yaml.safe_load(path.read_text(encoding="utf-8")) or {}
            for key in corpus:
                corpus[key] += data.get(key) or []
    return corpus


# --- designs (recognition only) -------------------------------------------------------------------
def recognition_outcome(recogniser: Recogniser) -> Callable[[str], Outcome]:
    """Outcome of the recognition layer alone (no classifier), for one design."""

    def run(text: str) -> Outcome:
        start = time.perf_counter()
        result = recogniser.recognise(text)
        # (kinds as the pipeline reports them)
        millis = (time.perf_counter() - start) * 1000
        kind = {"ask_if_urgent": "urgent_clarify"}.get(result.decision.value, result.decision.value)
        rules = {m.rule_id for m in result.mentions if m.affirmed}
        return Outcome(kind, rules, millis=millis)

    return run


# --- the real pipeline ----------------------------------------------------------------------------
def _free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


class Pipeline:
    """The trained model in this process, the action server in another, as `make run` wires them."""

    def __init__(self, workdir: Path) -> None:
        self.port = _free_port()
        env = dict(os.environ, ACTION_SERVER_PORT=str(self.port),
                   RECORDS_DB_URL=f"sqlite:///{workdir / 'records.db'}", RECORDS_SALT="safety-eval")
        self.log = open(workdir / "actions.log", "w")
        self.actions = subprocess.Popen(
            [sys.executable, "-m", "rasa_sdk", "--actions", "actions", "-p", str(self.port)],
            cwd=PROJECT_DIR, env=env, stdout=self.log, stderr=subprocess.STDOUT,
        )
        self.loop = asyncio.new_event_loop()
        import logging

        from rasa.core.agent import load_agent
        from rasa.core.utils import AvailableEndpoints
        from rasa.utils.common import configure_logging_and_warnings
        from rasa.utils.endpoints import EndpointConfig
        from rasa.utils.log_utils import configure_structlog

        import components  # noqa: F401  (installs the resilient remote actions, as in the server)

        # per-message debug logging would dominate the measured time
        configure_logging_and_warnings(logging.WARNING)
        configure_structlog(logging.WARNING)

        endpoints = AvailableEndpoints(action=EndpointConfig(f"http://127.0.0.1:{self.port}/webhook"))
        self._wait_for_actions()
        self.agent = self.loop.run_until_complete(
            load_agent(model_path=str(PROJECT_DIR / "models" / "current.tar.gz"), endpoints=endpoints)
        )

    def _wait_for_actions(self) -> None:
        import urllib.request

        for _ in range(240):
            if self.actions.poll() is not None:
                sys.exit("safety-eval: the action server exited; see its log")
            try:
                urllib.request.urlopen(f"http://127.0.0.1:{self.port}/health", timeout=1)
                return
            except OSError:
                time.sleep(0.5)
        sys.exit("safety-eval: the action server did not start")

    def close(self) -> None:
        """Stop the action server."""
        self.actions.terminate()
        self.actions.wait(timeout=30)

    def turn(self, sender: str, text: str) -> tuple:
        """Send one message; the actions it caused, the tracker, and the time taken."""
        start = time.perf_counter()
        self.loop.run_until_complete(self.agent.handle_text(text, sender_id=sender))
        millis = (time.perf_counter() - start) * 1000
        tracker = self.loop.run_until_complete(self.agent.tracker_store.retrieve(sender))
        events = list(tracker.events)
        last_user = max(i for i, e in enumerate(events) if type(e).__name__ == "UserUttered")
        actions = [getattr(e, "action_name", None) for e in events[last_user + 1 :]
                   if type(e).__name__ == "ActionExecuted"]
        return actions, tracker, millis

    def outcome(self, text: str) -> Outcome:
        """A single message in a new conversation."""
        actions, tracker, millis = self.turn(f"eval-{uuid.uuid4()}", text)
        intent = tracker.latest_message.intent
        return Outcome(_kind(actions), _rules(text), millis=millis, intent=intent.get("name"),
                       confidence=float(intent.get("confidence") or 0.0))

    def answer_in_check(self, asked: str, text: str) -> Outcome:
        """Start the safety check, answer "no" until `asked` is the question, then send `text`."""
        sender = f"eval-{uuid.uuid4()}"
        slot = f"screen_{asked}"
        _, tracker, _ = self.turn(sender, "/request_screening")
        for _ in range(12):
            if tracker.get_slot("requested_slot") == slot:
                break
            _, tracker, _ = self.turn(sender, "/deny")
        else:
            return Outcome("error", slot="question never asked")
        actions, tracker, millis = self.turn(sender, text)
        # the value this answer set (the verdict action clears the slots after the last question)
        value = tracker.get_slot(slot)
        events = list(tracker.events)
        last_user = max(i for i, e in enumerate(events) if type(e).__name__ == "UserUttered")
        for event in events[last_user + 1 :]:
            if getattr(event, "action_name", None) == "action_screening_verdict":
                break
            if type(event).__name__ == "SlotSet" and event.key == slot:
                value = event.value
        return Outcome(_kind(actions), _rules(text), slot=value, millis=millis)


def _kind(actions: List[Optional[str]]) -> str:
    for name, kind in (("utter_emergency", "emergency"), ("utter_emergency_burn", "emergency"),
                       ("utter_emergency_self_harm", "emergency"), ("utter_doctor_referral", "referral"),
                       ("utter_doctor_referral_other", "referral_other"),
                       ("utter_ask_if_urgent", "urgent_clarify"), ("utter_ask_health_clarify", "clarify"),
                       ("utter_doctor_referral_general", "general"), ("action_assess_condition", "general")):
        if name in actions:
            return kind
    return "none"


def _rules(text: str) -> Set[str]:
    # the rules the assessment reaches: the same recogniser the policy and the actions use
    return {m.rule_id for m in default_recogniser().recognise(text).mentions if m.affirmed}


# --- metrics --------------------------------------------------------------------------------------
REFERRALS = {"referral", "referral_other"}
ALARMS = {"emergency", "referral", "referral_other", "clarify", "urgent_clarify"}


def evaluate(corpus: Dict[str, list], single: Callable[[str], Outcome],
             in_check: Optional[Callable[[str, str], Outcome]] = None) -> dict:
    """All figures for one design or the pipeline."""
    rulebook = default_rulebook()
    verdict_of = {r.id: r.verdict for r in rulebook.rules}
    times: List[float] = []
    per_rule = defaultdict(lambda: [0, 0, 0])  # total, referred, rule reached
    misses, green, wrong_rule, confusion = [], [], [], Counter()
    other_phrasing = [0, 0]
    rows: List[dict] = []
    for item in corpus["positives"]:
        out = single(item["text"])
        rows.append({"set": "positive", "text": item["text"], "kind": out.kind, "intent": out.intent,
                     "confidence": out.confidence})
        times.append(out.millis)
        rule = item["rule"]
        stats = per_rule[rule]
        stats[0] += 1
        referred = out.kind in REFERRALS or out.kind == "emergency"
        stats[1] += referred
        stats[2] += rule in out.rules
        if not referred:
            misses.append({"text": item["text"], "rule": rule, "got": out.kind})
        if out.kind not in ALARMS | {"general"}:
            green.append(item["text"])
        if rule not in out.rules:
            wrong_rule.append({"text": item["text"], "rule": rule, "got": sorted(out.rules)})
        reached = [verdict_of[r] for r in out.rules]
        got = (Verdict.DO_NOT_USE if Verdict.DO_NOT_USE in reached else Verdict.ASK_DOCTOR if reached
               else None)
        confusion[f"{verdict_of[rule].value} -> {got.value if got else 'no rule'}"] += 1
        if item.get("subject") == "other":
            other_phrasing[0] += 1
            other_phrasing[1] += out.kind == "referral_other"
    false_alarms, emergencies = [], []
    kinds = Counter()
    for item in corpus["negatives"]:
        out = single(item["text"])
        rows.append({"set": "negative", "text": item["text"], "kind": out.kind, "intent": out.intent,
                     "confidence": out.confidence})
        times.append(out.millis)
        kinds[out.kind] += 1
        if out.kind in ALARMS:
            false_alarms.append({"text": item["text"], "kind": item.get("kind"), "got": out.kind})
        if out.kind == "emergency":
            emergencies.append(item["text"])
    flags = [0, 0, []]
    for item in corpus["red_flags"]:
        out = single(item["text"])
        flags[0] += 1
        flags[1] += out.kind == "emergency"
        if out.kind != "emergency":
            flags[2].append({"text": item["text"], "got": out.kind})
    context = defaultdict(lambda: [0, 0, []])
    for item in corpus["context"]:
        kind = item["kind"]
        if kind == "answer_in_check":
            if in_check is None:
                continue
            out = in_check(item["asked"], item["text"])
            want = item.get("expect_slot")
            ok = out.slot == want and out.kind not in {"emergency"}
            got = out.slot
        else:
            out = single(item["text"])
            want = item["expect"]
            got = out.kind
            ok = {"none": got not in ALARMS | {"general"}, "general": got == "general",
                  "referral": got == "referral", "referral_other": got == "referral_other"}[want]
        context[kind][0] += 1
        context[kind][1] += ok
        if not ok:
            context[kind][2].append({"text": item["text"], "want": want, "got": got})
    positives = len(corpus["positives"])
    referred = sum(s[1] for s in per_rule.values())
    seed = {r: s[2] / s[0] for r, s in per_rule.items() if r in SEED_RULES and s[0]}
    times.sort()
    return {
        "positives": positives,
        "negatives": len(corpus["negatives"]),
        "referral_recall": referred / positives if positives else None,
        "rule_recall": {r: {"n": s[0], "referral": s[1] / s[0], "rule": s[2] / s[0]}
                        for r, s in sorted(per_rule.items())},
        "seed_rule_recall_min": min(seed.values()) if seed else None,
        "green_lights": len(green),
        "verdict_confusion": dict(confusion),
        "other_person_phrasing": other_phrasing[1] / other_phrasing[0] if other_phrasing[0] else None,
        "false_alarm_rate": len(false_alarms) / len(corpus["negatives"]) if corpus["negatives"] else None,
        "negative_outcomes": dict(kinds),
        "emergency_false_alarms": len(emergencies),
        "red_flag_recall": flags[1] / flags[0] if flags[0] else None,
        "red_flags": flags[0],
        "context": {k: {"n": v[0], "correct": v[1] / v[0], "errors": v[2]} for k, v in context.items()},
        "answer_in_check": (context["answer_in_check"][1] / context["answer_in_check"][0]
                            if context["answer_in_check"][0] else None),
        "negated": context["negated"][1] / context["negated"][0] if context["negated"][0] else None,
        "millis_p50": statistics.median(times) if times else None,
        "millis_p95": times[int(len(times) * 0.95)] if times else None,
        "misses": misses,
        "false_alarms": false_alarms,
        "wrong_rule": wrong_rule,
        "red_flag_misses": flags[2],
        "rows": rows,
    }


def summary_line(name: str, r: dict) -> str:
    """One row of the comparison table."""
    def pct(x):
        return "  -  " if x is None else f"{100 * x:5.1f}"
    ctx = r["context"]
    return (f"{name:<34} {pct(r['referral_recall'])} {pct(r['seed_rule_recall_min'])} "
            f"{r['green_lights']:5d} {pct(r['false_alarm_rate'])} {r['emergency_false_alarms']:4d} "
            f"{pct(r['red_flag_recall'])} {pct(ctx.get('negated', {}).get('correct'))} "
            f"{pct(ctx.get('general', {}).get('correct'))} {pct(ctx.get('other_person', {}).get('correct'))} "
            f"{pct(ctx.get('past', {}).get('correct'))} {pct(r['answer_in_check'])} "
            f"{r['millis_p95']:7.2f}")


HEADER = (f"{'design':<34} {'recal':>5} {'seedR':>5} {'green':>5} {'FA%':>5} {'emFA':>4} {'redFl':>5} "
          f"{'neg':>5} {'gen':>5} {'other':>5} {'past':>5} {'inChk':>5} {'p95ms':>7}")


FLOORS_FILE = CORPUS / "floors.yml"


def check(result: dict, targets: Optional[Dict[str, float]] = None) -> List[str]:
    """Targets (or floors) not met."""
    failures = []
    for key, target in (targets or TARGETS).items():
        value = result.get(key)
        if value is None:
            continue
        if key in ("green_lights", "emergency_false_alarms", "false_alarm_rate"):
            if value > target:
                failures.append(f"{key} {value} > {target}")
        elif value < target:
            failures.append(f"{key} {value:.3f} < {target}")
    return failures


def plot(result: dict, path: Path) -> None:
    """Per-rule recall and the false-alarm breakdown, as a PNG."""
    import matplotlib

    matplotlib.use("Agg")
    import matplotlib.pyplot as plt

    rules = list(result["rule_recall"])
    fig, (left, right) = plt.subplots(1, 2, figsize=(12, 4.5))
    left.barh(rules, [100 * result["rule_recall"][r]["referral"] for r in rules], label="referral")
    left.barh(rules, [100 * result["rule_recall"][r]["rule"] for r in rules], height=0.4, label="right rule")
    left.set_xlim(0, 100)
    left.set_xlabel("% of positives")
    left.legend(loc="lower left")
    left.set_title(f"positives ({result['positives']}): recall per rule")
    kinds = result["negative_outcomes"]
    right.bar(list(kinds), list(kinds.values()))
    right.set_title(f"negatives ({result['negatives']}): what the assistant did")
    right.tick_params(axis="x", rotation=30)
    fig.tight_layout()
    fig.savefig(path, dpi=90)


def main() -> None:
    """Parse arguments, run, print, write, check."""
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--split", default="heldout", choices=["dev", "heldout", "heldout2"],
                        help="heldout2: a second held-out part, written 2026-12-04 by a writer who had seen "
                        "no code and no corpus")
    parser.add_argument("--designs", action="store_true", help="compare recognition designs (no Rasa)")
    parser.add_argument("--check", action="store_true",
                        help="exit 1 below the regression floors in tests/safety/floors.yml")
    parser.add_argument("--out", default=str(PROJECT_DIR / "results" / "safety"))
    parser.add_argument(
        "--show", type=int, default=None,
        help="errors to print per list (default 15 on dev, none on heldout: printing the held-out misses "
        "would let them steer the next development round; the JSON in --out has them)",
    )
    args = parser.parse_args()
    if args.designs and args.split != "dev":
        sys.exit("safety-eval: designs are compared on the development split only (--split dev)")
    if args.show is None:
        args.show = 15 if args.split == "dev" else 0  # never print a held-out part's misses
    corpus = load_corpus(args.split)
    out = Path(args.out)
    out.mkdir(parents=True, exist_ok=True)
    print(f"safety-eval: {args.split} split: {len(corpus['positives'])} positives, "
          f"{len(corpus['negatives'])} negatives, {len(corpus['context'])} context cases, "
          f"{len(corpus['red_flags'])} red flags")
    if args.designs:
        rulebook, context = default_rulebook(), load_context_rules()
        designs = {
            "B lexicon + inflection, no context": recognition_outcome(
                Recogniser(rulebook, context, load_confusables(), use_context=False)),
            "C B + word sense + context": recognition_outcome(
                Recogniser(rulebook, context, load_confusables(), clarify_ambiguous=False)),
            "D C + ask when only ambiguous": recognition_outcome(
                Recogniser(rulebook, context, load_confusables())),
        }
        results = {}
        print(HEADER)
        for name, run in designs.items():
            results[name] = evaluate(corpus, run)
            print(summary_line(name, results[name]))
        chosen = results[list(designs)[-1]]
        _print_errors(chosen, args.show)
        (out / f"designs-{args.split}.json").write_text(json.dumps(results, indent=1, default=str))
        return
    pipeline = Pipeline(out)
    try:
        result = evaluate(corpus, pipeline.outcome, pipeline.answer_in_check)
    finally:
        pipeline.close()
    print(HEADER)
    print(summary_line("pipeline (trained model)", result))
    _print_errors(result, args.show)
    (out / f"safety-{args.split}.json").write_text(json.dumps(result, indent=1, default=str))
    plot(result, out / f"safety-{args.split}.png")
    print(f"safety-eval: JSON and PNG in {out}")
    missed = check(result)
    print("safety-eval: issue targets " + ("all met" if not missed else "NOT met: " + "; ".join(missed)))
    if args.check:
        # `floors` for the held-out part, `floors_<split>` for another one (heldout2)
        key = "floors" if args.split == "heldout" else f"floors_{args.split}"
        floors = yaml.safe_load(FLOORS_FILE.read_text(encoding="utf-8")).get(key)
        if not floors:
            sys.exit(f"safety-eval: no `{key}` in {FLOORS_FILE}")
        failures = check(result, floors)
        if failures:
            sys.exit("safety-eval: below the regression floors (tests/safety/floors.yml): "
                     + "; ".join(failures))
        print("safety-eval: at or above every regression floor (tests/safety/floors.yml)")


def _print_errors(result: dict, limit: int) -> None:
    for key in ("misses", "wrong_rule", "false_alarms", "red_flag_misses"):  # (rows: in the JSON)
        items = result[key]
        print(f"-- {key}: {len(items)}")
        for item in items[:limit]:
            print("   ", item)
    for kind, stats in result["context"].items():
        print(f"-- context {kind}: {stats['correct']:.3f} of {stats['n']}")
        for item in stats["errors"][:limit]:
            print("   ", item)
    print("-- verdict confusion (expected -> reached):", result["verdict_confusion"])
    print("-- rule recall:", {r: round(v["rule"], 3) for r, v in result["rule_recall"].items()})


if __name__ == "__main__":
    main()
