#!/usr/bin/env bash
# Creates the project's virtual environment (.venv) with a Python that Rasa 3.6 supports (3.8-3.10)
# and installs the pinned requirements. Re-running is cheap: it reinstalls only when a pin changed.
set -euo pipefail
cd "$(dirname "$0")/.."

VENV=.venv
supported='import sys; sys.exit(0 if (3, 8) <= sys.version_info[:2] <= (3, 10) else 1)'

find_python() {
  local candidates=() wanted root dir
  [ -n "${PYTHON:-}" ] && candidates+=("$PYTHON")
  wanted=$(cat .python-version 2>/dev/null || true)
  root=${PYENV_ROOT:-$HOME/.pyenv}
  [ -n "$wanted" ] && candidates+=("$root/versions/$wanted/bin/python")
  if command -v pyenv >/dev/null 2>&1 && [ -n "$wanted" ]; then
    candidates+=("$(PYENV_VERSION=$wanted pyenv which python 2>/dev/null || true)")
  fi
  for dir in "$root"/versions/3.10* "$root"/versions/3.9* "$root"/versions/3.8*; do
    candidates+=("$dir/bin/python")
  done
  candidates+=(python3.10 python3.9 python3.8 python3)
  for candidate in "${candidates[@]}"; do
    [ -n "$candidate" ] || continue
    if command -v "$candidate" >/dev/null 2>&1 && "$candidate" -c "$supported" 2>/dev/null \
        && "$candidate" -c 'import venv, ensurepip' 2>/dev/null; then
      command -v "$candidate"
      return 0
    fi
  done
  return 1
}

if [ -x "$VENV/bin/python" ] && ! "$VENV/bin/python" -c "$supported" 2>/dev/null; then
  echo "setup: $VENV uses an unsupported Python; recreating it" >&2
  rm -rf "$VENV"
fi

if [ ! -x "$VENV/bin/python" ]; then
  if ! python=$(find_python); then
    cat >&2 <<'MSG'
setup: Rasa 3.6 needs Python 3.8, 3.9 or 3.10 (with venv), and none was found.
  Install one, for example:  pyenv install 3.10.13        (the version in .python-version)
                       or:  apt-get install python3.10 python3.10-venv
  or point to one:          PYTHON=/path/to/python3.10 make run
MSG
    exit 1
  fi
  echo "setup: creating $VENV with $python ($("$python" --version 2>&1))"
  "$python" -m venv "$VENV"
fi

stamp="$VENV/.installed"
want=$(cat requirements.txt requirements-dev.txt constraints.txt | sha256sum | cut -d' ' -f1)
if [ "$(cat "$stamp" 2>/dev/null)" != "$want" ]; then
  echo "setup: installing pinned requirements into $VENV (a few minutes the first time)"
  "$VENV/bin/python" -m pip install --quiet --disable-pip-version-check pip==24.0
  "$VENV/bin/python" -m pip install --quiet --disable-pip-version-check \
    -r requirements-dev.txt -c constraints.txt
  echo "$want" > "$stamp"
fi

# The project itself, editable, so scripts and tests import padsafety, actions, components and connectors
# without path edits. No build isolation: the venv's own setuptools builds it, nothing unpinned is fetched.
# (checked from / so that the working directory does not make an uninstalled package importable)
if ! (cd / && "$OLDPWD/$VENV/bin/python" -c \
    'import padsafety, sys; sys.exit(0 if padsafety.__file__.startswith(sys.argv[1]) else 1)' "$OLDPWD/") \
    2>/dev/null; then
  "$VENV/bin/python" -m pip install --quiet --disable-pip-version-check --no-deps --no-build-isolation -e .
fi

# The website widget's bundle (rasa-webchat from npm, served locally; never from a CDN).
if command -v npm >/dev/null 2>&1; then
  bash scripts/build_web.sh
else
  echo "setup: npm not found; the website widget is skipped (install Node.js and npm for it)" >&2
fi
