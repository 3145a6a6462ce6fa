#!/usr/bin/env bash
# The whole test suite, in CI order: lint, data validation, unit tests, training, test stories,
# held-out NLU evaluation, end-to-end tests over HTTP. Stops at the first failing stage.
set -euo pipefail
cd "$(dirname "$0")/.."
mkdir -p results
ENV=(.venv/bin/python scripts/with_env.py)

stage() { echo; echo "== $*"; }
run_logged() {  # log-file command...
  local log=$1; shift
  if ! "$@" > "$log" 2>&1; then
    tail -60 "$log" >&2
    echo "FAILED: $* (full log: $log)" >&2
    exit 1
  fi
}

stage "lint (ruff)"
.venv/bin/python -m ruff check padsafety actions components connectors rasa_sdk_plugins scripts tests

stage "types (mypy on the core package, configured in pyproject.toml)"
.venv/bin/python -m mypy padsafety

stage "rasa data validate (no errors, no warnings); the screening form in domain.yml matches the rule book"
run_logged results/screening-domain.log "${ENV[@]}" python scripts/screening_domain.py --check
run_logged results/validate.log "${ENV[@]}" rasa data validate --fail-on-warnings
# Rasa 3.6 exits 0 on some warnings (unused responses): any UserWarning fails the stage, except "not used in
# any story or rule" for the form's question responses (utter_ask_screen_<rule>): the form itself says them,
# which Rasa's validator does not look at (rasa/validator.py verify_utterances_in_stories)
FORM_ASKS="The utterance 'utter_ask_screen_[a-z_]*' is not used in any story or rule"
if grep "UserWarning" results/validate.log | grep -v "$FORM_ASKS" | grep -q .; then
  grep "UserWarning" results/validate.log | grep -v "$FORM_ASKS" >&2
  echo "FAILED: rasa data validate printed warnings (full log: results/validate.log)" >&2
  exit 1
fi
echo "validate: ok, no warnings"

stage "dependency audit: pinned versions against known advisories (OSV API, else security/advisories.json)"
.venv/bin/python scripts/audit.py

stage "deployment files: hadolint, kubernetes-validate, compose config, checkov (no image build)"
bash scripts/deploy_check.sh

stage "word lists for the recogniser's confusable-words check (Debian's wamerican, wbritish)"
if [ ! -f /usr/share/dict/american-english ] || [ ! -f /usr/share/dict/british-english ]; then
  if [ "$(id -u)" = 0 ] && command -v apt-get >/dev/null 2>&1; then
    run_logged results/apt-words.log bash -c "apt-get update -q && apt-get install -y -q wamerican wbritish"
  else
    echo "FAILED: install Debian's word lists (sudo apt-get install wamerican wbritish)" >&2
    exit 1
  fi
fi
echo "word lists: ok"

stage "unit tests: rules engine, recogniser, answers, wording, actions"
"${ENV[@]}" python -m pytest -q -p no:cacheprovider tests --ignore=tests/e2e

stage "train"
bash scripts/train.sh

stage "rasa test: test stories, failing on any prediction error"
run_logged results/core.log "${ENV[@]}" rasa test core --stories tests/stories --model models/current.tar.gz \
  --fail-on-prediction-errors --out results/core
echo "stories: $(cat tests/stories/*.yml | grep -c -- '- story:') test stories passed"

stage "rasa test nlu: the two held-out NLU sets (textbook phrasing; real users' phrasing, tests/nlu/floors.yml)"
"${ENV[@]}" python scripts/nlu_report.py

stage "safety recognition: both held-out parts through the trained model and the real pipeline"
run_logged results/safety-eval.log "${ENV[@]}" python scripts/safety_eval.py --split heldout --check --show 0
grep -E "^(design|pipeline|safety-eval:)" results/safety-eval.log
run_logged results/safety-eval-2.log "${ENV[@]}" python scripts/safety_eval.py --split heldout2 --check --show 0
grep -E "^(design|pipeline|safety-eval:)" results/safety-eval-2.log

stage "benchmark smoke run (the full run is \`make benchmark\`; figures are printed, never asserted)"
run_logged results/benchmark-smoke.log "${ENV[@]}" python scripts/benchmark.py --quick --out results/benchmark-smoke
tail -20 results/benchmark-smoke.log

stage "browser for the widget test: Debian's chromium and chromium-driver (never a downloaded browser)"
if [ ! -x /usr/bin/chromium ] || [ ! -x /usr/bin/chromedriver ]; then
  if [ "$(id -u)" = 0 ] && command -v apt-get >/dev/null 2>&1; then
    run_logged results/apt.log bash -c "apt-get update -q && apt-get install -y -q chromium chromium-driver nginx-light"
  else
    echo "FAILED: install Debian's chromium, chromium-driver and nginx-light (sudo apt-get install ...)" >&2
    exit 1
  fi
fi
command -v nginx >/dev/null 2>&1 || [ -x /usr/sbin/nginx ] || run_logged results/apt.log apt-get install -y -q nginx-light
echo "browser: $(/usr/bin/chromium --version 2>/dev/null | head -1)"
bash scripts/build_web.sh

stage "end-to-end: action server + rasa run, over HTTP (REST, faults, privacy, channels, real-user scenarios)"
"${ENV[@]}" python -m pytest -q -p no:cacheprovider tests/e2e
