#!/usr/bin/env bash
# Runs compose.yaml's stack with health-gated start order, on podman or docker (docs/deploying.md).
#
#   bash scripts/compose_stack.sh up       # start, each tier once the previous one is healthy
#   bash scripts/compose_stack.sh smoke    # a conversation through nginx: greeting, referral, verdict
#   bash scripts/compose_stack.sh failover # 20 conversations while rasa-1 is killed; events checked in PostgreSQL
#   bash scripts/compose_stack.sh ps|logs [service]
#   bash scripts/compose_stack.sh down     # stop and remove containers (volumes kept; DOWN_ARGS=-v drops them)
#
# Settings: PROJECT (compose project name, default rlt), ENV_FILE (default .env; created like `make run` does, plus POSTGRES_PASSWORD, when missing),
# HTTP_PORT (default 8088), PUBLIC_URL, TAG, POSTGRES_IMAGE / REDIS_IMAGE / NGINX_IMAGE (see compose.yaml).
# With LOCAL_BASE=1 the postgres and redis images default to the local stand-ins scripts/build_images.sh
# made. Docker Compose enforces the health conditions itself (`up --wait`); podman-compose does so only
# with podman >= 4.6, and podman runs health checks only under systemd, so for podman this script starts
# one tier at a time and runs the health checks itself (`podman healthcheck run`).
set -euo pipefail
cd "$(dirname "$0")/.."
export ENV_FILE=${ENV_FILE:-.env}
export HTTP_PORT=${HTTP_PORT:-8088}
export PUBLIC_URL=${PUBLIC_URL:-http://127.0.0.1:$HTTP_PORT}
if [ "${LOCAL_BASE:-0}" = 1 ]; then
  export POSTGRES_IMAGE=${POSTGRES_IMAGE:-localhost/rlt-postgres:local}
  export REDIS_IMAGE=${REDIS_IMAGE:-localhost/rlt-redis:local}
fi
PY=${PY:-.venv/bin/python}
if command -v podman >/dev/null 2>&1 && [ "${ENGINE:-podman}" = podman ]; then
  ENGINE=podman; COMPOSE=(.venv/bin/podman-compose)
  [ -x "${COMPOSE[0]}" ] || COMPOSE=(podman-compose)
else
  ENGINE=docker; COMPOSE=(docker compose)
fi
# the compose project (containers, networks, volumes): PROJECT=rlt-test keeps a test stack apart from yours
export PROJECT=${PROJECT:-rlt}
COMPOSE+=(-p "$PROJECT" --env-file "$ENV_FILE" -f compose.yaml)

ensure_env() {  # the settings file with random secrets (as `make run`), ACTION_SERVER_TOKEN, POSTGRES_PASSWORD
  "$PY" - "$ENV_FILE" <<'PY'
import secrets, sys
from pathlib import Path
path = Path(sys.argv[1])
generated = {"CONVERSATION_ID_SECRET", "RASA_API_TOKEN", "RECORDS_SALT", "TELEGRAM_WEBHOOK_SECRET",
             "ACTION_SERVER_TOKEN", "POSTGRES_PASSWORD"}
if path.exists():
    lines = path.read_text().splitlines()
else:
    lines = [f"{l.split('=', 1)[0]}={secrets.token_urlsafe(32)}" if l.split("=", 1)[0] in generated else l
             for l in Path(".env.example").read_text().splitlines()]
present = {}
for index, line in enumerate(lines):
    key, sep, value = line.partition("=")
    if sep:
        present[key] = index
added = []
for key in sorted(generated):
    if key not in present:
        lines.append(f"{key}={secrets.token_urlsafe(32)}")
        added.append(key)
    elif not lines[present[key]].partition("=")[2].strip():
        lines[present[key]] = f"{key}={secrets.token_urlsafe(32)}"
        added.append(key)
if added or not path.exists():
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text("\n".join(lines) + "\n")
    path.chmod(0o600)
    print(f"compose_stack: {path}: generated {', '.join(added) or 'nothing'}")
PY
}

container() {  # service -> container id
  "$ENGINE" ps -aq --filter label=com.docker.compose.project="$PROJECT" \
    --filter label=com.docker.compose.service="$1" | head -1
}

wait_healthy() {  # service... ; prints seconds to healthy per service
  local service id deadline=$((SECONDS + ${HEALTH_TIMEOUT:-300}))
  for service in "$@"; do
    id=$(container "$service")
    [ -n "$id" ] || { echo "compose_stack: no container for $service" >&2; exit 1; }
    until "$ENGINE" healthcheck run "$id" >/dev/null 2>&1; do
      if [ "$("$ENGINE" inspect -f '{{.State.Running}}' "$id")" != true ] || [ $SECONDS -gt $deadline ]; then
        echo "compose_stack: $service did not become healthy; its last log lines:" >&2
        "$ENGINE" logs --tail 30 "$id" >&2
        exit 1
      fi
      sleep 2
    done
    echo "compose_stack: $service healthy at $((SECONDS - started)) s"
  done
}

up_tier() {  # service...
  "${COMPOSE[@]}" up -d --no-deps "$@" > /dev/null
  wait_healthy "$@"
}

case "${1:-up}" in
  up)
    ensure_env
    started=$SECONDS
    if [ "$ENGINE" = docker ]; then
      "${COMPOSE[@]}" up -d --wait
    else
      up_tier postgres redis
      up_tier actions-1 actions-2 web
      up_tier rasa-1           # creates the tracker store's tables
      up_tier rasa-2
      up_tier nginx
    fi
    echo "compose_stack: up in $((SECONDS - started)) s: $PUBLIC_URL/ (REST: $PUBLIC_URL/webhooks/rest/webhook)"
    ;;
  smoke)
    "$PY" - "$PUBLIC_URL" <<'PY'
"""One conversation through nginx: greeting, a condition (doctor referral), the safety check to its verdict."""
import json, sys, time, uuid
import requests
url = sys.argv[1].rstrip("/")
sender = str(uuid.uuid4())
def say(text):
    start = time.monotonic()
    reply = requests.post(f"{url}/webhooks/rest/webhook", json={"sender": sender, "message": text}, timeout=60)
    reply.raise_for_status()
    texts = [m.get("text", "") for m in reply.json()]
    print(f"> {text}\n  ({(time.monotonic() - start) * 1000:.0f} ms) " + "\n  ".join(t[:160] for t in texts))
    return " ".join(texts).lower()
assert requests.get(f"{url}/health", timeout=10).ok
say("hello")
assert "doctor" in say("I have lupus, can I use the pad?"), "no doctor referral"
answer = say("is it safe for me?")
for _ in range(12):  # answer "no" to every question of the safety check up to its verdict
    if "not a medical clearance" in answer or "do not use" in answer or "ask your doctor" in answer:
        break
    answer = say("no")
assert "not a medical clearance" in answer, "the safety check did not reach its verdict"
for path in ("/model", "/conversations/x/tracker", "/status", "/webhook"):
    assert requests.get(f"{url}{path}", timeout=10).status_code == 404, path
print("smoke: ok (referral, verdict; Rasa's API and the action server not reachable through nginx)")
PY
    ;;
  failover)  # 20 conversations through nginx, one Rasa container killed in the middle
    "$PY" scripts/compose_failover.py --url "$PUBLIC_URL" --env-file "$ENV_FILE" --engine "$ENGINE" \
      --kill "$(container rasa-1)" --postgres "$(container postgres)" --conversations "${CONVERSATIONS:-20}"
    ;;
  ps) "${COMPOSE[@]}" ps ;;
  logs) shift; "${COMPOSE[@]}" logs "$@" ;;
  down) "${COMPOSE[@]}" down ${DOWN_ARGS:-} ;;
  *) echo "usage: $0 up|smoke|failover|ps|logs|down" >&2; exit 2 ;;
esac
