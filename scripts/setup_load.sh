#!/usr/bin/env bash
# Creates .venv-load for the Locust load test (benchmark/load/locustfile.py, `make load-locust`): the Python of
# the project's .venv, Locust and what the locustfile imports from the project (benchmark/load/requirements.txt,
# every version fixed by benchmark/load/constraints.txt). No Rasa: Locust's gevent, Flask and requests pins stay
# out of the project's .venv, which is not touched. Re-running is cheap: it reinstalls only when a pin changed.
set -euo pipefail
cd "$(dirname "$0")/.."
VENV=.venv-load
[ -x .venv/bin/python ] || bash scripts/setup.sh
base=$(.venv/bin/python -c 'import sys; print(sys.base_prefix)')
python="$base/bin/python3"
if ! "$python" -c 'import sys; sys.exit(0 if sys.version_info[:2] == (3, 10) else 1)' 2>/dev/null; then
  echo "setup_load: $python (the Python of .venv) is not Python 3.10, which benchmark/load/constraints.txt was" \
    "made for: recreate .venv with Python 3.10 (scripts/setup.sh)" >&2
  exit 1
fi
stamp="$VENV/.installed"
want=$(cat benchmark/load/requirements.txt benchmark/load/constraints.txt | sha256sum | cut -d' ' -f1)
if [ "$(cat "$stamp" 2>/dev/null)" != "$want" ]; then
  [ -x "$VENV/bin/python" ] || "$python" -m venv "$VENV"
  "$VENV/bin/python" -m pip install --quiet --disable-pip-version-check pip==24.0
  "$VENV/bin/python" -m pip install --quiet --disable-pip-version-check \
    -r benchmark/load/requirements.txt -c benchmark/load/constraints.txt
  echo "$want" > "$stamp"
fi
echo "setup_load: $VENV ready ($("$VENV/bin/python" --version), locust $("$VENV/bin/python" -c 'import importlib.metadata as m; print(m.version("locust"))'))"
