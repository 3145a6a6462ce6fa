#!/usr/bin/env bash
# Trains models/current.tar.gz. Rasa fingerprints every component: when nothing changed it keeps the
# model, and when only responses changed it re-packages without retraining NLU or policies.
set -euo pipefail
cd "$(dirname "$0")/.."
mkdir -p results
log=results/train.log
start=$(date +%s)
if ! .venv/bin/python scripts/with_env.py rasa train --fixed-model-name current --out models > "$log" 2>&1; then
  tail -40 "$log" >&2
  echo "train: failed, full log in $log" >&2
  exit 1
fi
echo "train: models/current.tar.gz ready in $(( $(date +%s) - start ))s (log: $log)"
