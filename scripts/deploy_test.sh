#!/usr/bin/env bash
# The deploy test (`make deploy-test`): builds the images, starts compose.yaml's stack as its own project
# (rlt-test, nginx on port 8089, its own volumes: your `rlt` stack and the machine's PostgreSQL 5432 and
# Redis 6379 are untouched), runs one conversation through nginx (referral, safety check to its verdict, the
# private APIs closed), then 20 conversations while a Rasa container is killed (each one completes; its
# user messages are in PostgreSQL once and in order), and removes the stack, volumes included, whatever
# happened. About 10-15 minutes here with cached image layers (docs/deploying.md, "Measured here").
#
#   make deploy-test                  # LOCAL_BASE=1 (default here): base images made locally, no registry
#   LOCAL_BASE=0 make deploy-test     # base images from a registry (python:3.10-slim, postgres, redis, nginx)
#
# Not part of `make test`: an image build from an empty cache alone takes about 8 minutes on 2 cores, so CI
# runs the static half (`make deploy-check`: hadolint, kubernetes-validate, compose config, checkov).
set -euo pipefail
cd "$(dirname "$0")/.."
export LOCAL_BASE=${LOCAL_BASE:-1}
export PROJECT=${PROJECT:-rlt-test}
export HTTP_PORT=${HTTP_PORT:-8089}
export PUBLIC_URL=http://127.0.0.1:$HTTP_PORT
export ENV_FILE=${ENV_FILE:-var/deploy-test.env}   # its own random secrets, never your .env
export DOWN_ARGS=-v
started=$SECONDS

teardown() {
  local rc=$?
  if [ $rc -ne 0 ]; then
    echo "deploy-test: FAILED (rc=$rc); the stack's last log lines:" >&2
    bash scripts/compose_stack.sh logs --tail 20 >&2 2>&1 || true
  fi
  bash scripts/compose_stack.sh down >/dev/null 2>&1 || true
  echo "deploy-test: stack $PROJECT removed (containers, networks, volumes)"
  exit $rc
}
trap teardown EXIT

if command -v podman >/dev/null 2>&1 && ! podman info >/dev/null 2>&1; then
  echo "deploy-test: podman does not work here; see docs/deploying.md (containers.conf: runtime = \"runc\")" >&2
  exit 1
fi
bash scripts/build_images.sh
bash scripts/compose_stack.sh down >/dev/null 2>&1 || true   # leftovers of an interrupted run
bash scripts/compose_stack.sh up
bash scripts/compose_stack.sh smoke
bash scripts/compose_stack.sh failover
echo "deploy-test: ok in $((SECONDS - started)) s"
