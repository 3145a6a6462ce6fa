"""Evaluate the intent classifier on the held-out NLU test sets and print macro-F1 per set.

Two held-out sets, both run through the whole NLU pipeline (classifier, intent hints, fallback):
- tests/nlu/test_nlu.yml: phrased like the training data; floor NLU_MIN_MACRO_F1 (default 0.95);
- tests/nlu/real_users_heldout.yml: written as real users type, by someone who never saw the training
  data, never tuned on; floor NLU_REAL_MIN_MACRO_F1 (see tests/nlu/floors.yml for the current floor
  and why).
Exits non-zero when a set falls below its floor, so the test command fails when the classifier gets
worse. Reports go to results/nlu/<set>/.
"""

import json
import os
import subprocess
import sys
from pathlib import Path

import yaml

PROJECT_DIR = Path(__file__).resolve().parent.parent
OUT = PROJECT_DIR / "results" / "nlu"
FLOORS = yaml.safe_load((PROJECT_DIR / "tests" / "nlu" / "floors.yml").read_text())


def evaluate(name: str, path: str, minimum: float) -> bool:
    """Runs `rasa test nlu` on one set, prints its figures; False when below the floor."""
    out = OUT / name
    log = PROJECT_DIR / "results" / f"nlu-{name}.log"
    with open(log, "w") as handle:
        subprocess.run(
            ["rasa", "test", "nlu", "--nlu", path, "--model", "models/current.tar.gz", "--out", str(out)],
            cwd=PROJECT_DIR, stdout=handle, stderr=subprocess.STDOUT, check=True,
        )
    report = json.loads((out / "intent_report.json").read_text())
    errors = json.loads((out / "intent_errors.json").read_text())
    macro = report["macro avg"]["f1-score"]
    weak = sorted(
        (v["f1-score"], k) for k, v in report.items()
        if isinstance(v, dict) and "support" in v and k not in ("macro avg", "weighted avg", "micro avg")
    )[:5]
    accuracy = report.get("accuracy", report.get("micro avg", {}).get("f1-score", 0))
    print(f"nlu {name}: {report['macro avg']['support']} held-out messages, intent macro-F1 {macro:.3f} "
          f"(floor {minimum:.3f}), accuracy {accuracy:.3f}, {len(errors)} errors (results/nlu/{name}/)")
    print(f"nlu {name}: weakest intents: " + ", ".join(f"{n} {f1:.2f}" for f1, n in weak))
    if macro < minimum:
        print(f"nlu {name}: macro-F1 {macro:.3f} is below the required {minimum:.3f}", file=sys.stderr)
        return False
    return True


def main() -> None:
    """Both sets; exit 1 when one is below its floor."""
    ok = evaluate("test", "tests/nlu/test_nlu.yml",
                  float(os.environ.get("NLU_MIN_MACRO_F1", FLOORS["test_nlu"])))
    ok &= evaluate("real_users", "tests/nlu/real_users_heldout.yml",
                   float(os.environ.get("NLU_REAL_MIN_MACRO_F1", FLOORS["real_users_heldout"])))
    if not ok:
        sys.exit(1)


if __name__ == "__main__":
    main()
