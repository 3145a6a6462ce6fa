"""Evaluate the intent classifier on the held-out NLU test set and print macro-F1 per intent.

Exits non-zero when macro-F1 is below NLU_MIN_MACRO_F1, so the test command fails when the classifier
gets worse. The default is the project's target, 0.95 (measured: see the README's figures).
"""

import json
import os
import subprocess
import sys
from pathlib import Path

PROJECT_DIR = Path(__file__).resolve().parent.parent
OUT = PROJECT_DIR / "results" / "nlu"


def main() -> None:
    """Run `rasa test nlu`, then print and check the report."""
    minimum = float(os.environ.get("NLU_MIN_MACRO_F1", "0.95"))
    log = PROJECT_DIR / "results" / "nlu.log"
    with open(log, "w") as handle:
        subprocess.run(
            ["rasa", "test", "nlu", "--nlu", "tests/nlu/test_nlu.yml", "--model", "models/current.tar.gz",
             "--out", str(OUT)],
            cwd=PROJECT_DIR, stdout=handle, stderr=subprocess.STDOUT, check=True,
        )
    report = json.loads((OUT / "intent_report.json").read_text())
    errors = json.loads((OUT / "intent_errors.json").read_text())
    macro = report["macro avg"]["f1-score"]
    weak = sorted(
        (v["f1-score"], k) for k, v in report.items()
        if isinstance(v, dict) and "support" in v and k not in ("macro avg", "weighted avg", "micro avg")
    )[:5]
    print(f"nlu: {report['macro avg']['support']} held-out messages, intent macro-F1 {macro:.3f}, "
          f"accuracy {report.get('accuracy', report.get('micro avg', {}).get('f1-score', 0)):.3f}, "
          f"{len(errors)} errors (results/nlu/intent_errors.json)")
    print("nlu: weakest intents: " + ", ".join(f"{name} {f1:.2f}" for f1, name in weak))
    if macro < minimum:
        sys.exit(f"nlu: macro-F1 {macro:.3f} is below the required {minimum:.2f}")


if __name__ == "__main__":
    main()
