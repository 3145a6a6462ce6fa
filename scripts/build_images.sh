#!/usr/bin/env bash
# Builds the container images (Containerfile targets rasa, actions, web; deploy/nginx/Containerfile) with
# podman, or docker when there is no podman. docs/deploying.md explains each step.
#
#   bash scripts/build_images.sh              # wheelhouse + images on BASE_IMAGE (python:3.10-slim)
#   LOCAL_BASE=1 bash scripts/build_images.sh # no registry: make the base images here (debootstrap)
#
# Settings (environment): TAG (default: `git describe --always --dirty`, else "dev"), BASE_IMAGE, LOCAL_BASE=1,
# WHEELHOUSE=0 to install from the package index inside the build instead of host-built wheels,
# SERVICES_IMAGES=1 to also build local stand-ins for postgres and redis (deploy/local-images/).
set -euo pipefail
cd "$(dirname "$0")/.."

ENGINE=${ENGINE:-$(command -v podman || command -v docker || true)}
[ -n "$ENGINE" ] || { echo "build_images: install podman (apt-get install podman) or docker" >&2; exit 1; }
TAG=${TAG:-$(git describe --always --dirty 2>/dev/null || echo dev)}
BASE_IMAGE=${BASE_IMAGE:-python:3.10-slim}
DEBIAN_BASE=${DEBIAN_BASE:-debian:bookworm-slim}
[ -f models/current.tar.gz ] || { echo "build_images: models/current.tar.gz is missing: make train" >&2; exit 1; }
[ -f web/dist/rasa-webchat.js ] || bash scripts/build_web.sh

# --- base images made on this machine (no image registry): Debian bookworm minbase, plus CPython 3.10
# copied into /usr/local as the official python:3.10-slim has it (same Debian release, same layout).
if [ "${LOCAL_BASE:-0}" = 1 ]; then
  BASE_IMAGE=localhost/python:3.10-slim-local
  DEBIAN_BASE=localhost/debian:bookworm-local
  if ! "$ENGINE" image inspect "$BASE_IMAGE" >/dev/null 2>&1 || ! "$ENGINE" image inspect "$DEBIAN_BASE" >/dev/null 2>&1; then
    bash deploy/local-images/make_base.sh "$ENGINE"
  fi
fi

# --- the wheelhouse: every wheel, built on the host by this project's Python 3.10 from the pinned files
if [ "${WHEELHOUSE:-1}" = 1 ]; then
  PY=${PY:-.venv/bin/python}
  "$PY" -c 'import sys; sys.exit(0 if sys.version_info[:2] == (3, 10) else 1)' \
    || { echo "build_images: the wheelhouse needs Python 3.10 (the images' Python): make setup" >&2; exit 1; }
  echo "build_images: wheelhouse (deploy/wheelhouse)"
  "$PY" -m pip wheel --quiet --disable-pip-version-check --wheel-dir deploy/wheelhouse \
    -r requirements.txt -c constraints.txt pip==24.0
else
  find deploy/wheelhouse -name '*.whl' -delete
fi

build() {  # target image-name [extra args...]
  local target=$1 name=$2; shift 2
  local start=$SECONDS
  "$ENGINE" build --format docker --build-arg BASE_IMAGE="$BASE_IMAGE" "$@" \
    ${target:+--target "$target"} -t "$name:$TAG" -t "$name:latest" .
  echo "build_images: $name:$TAG built in $((SECONDS - start)) s"
}
build actions localhost/rlt-actions
build web localhost/rlt-web
build rasa localhost/rlt-rasa
start=$SECONDS
"$ENGINE" build --format docker --build-arg DEBIAN_BASE="$DEBIAN_BASE" -f deploy/nginx/Containerfile \
  -t localhost/rlt-nginx:"$TAG" -t localhost/rlt-nginx:latest deploy/nginx
echo "build_images: localhost/rlt-nginx:$TAG built in $((SECONDS - start)) s"
if [ "${SERVICES_IMAGES:-${LOCAL_BASE:-0}}" = 1 ]; then
  for service in postgres redis; do
    "$ENGINE" build --format docker --build-arg DEBIAN_BASE="$DEBIAN_BASE" \
      -f deploy/local-images/Containerfile.$service -t localhost/rlt-$service:local deploy/local-images
  done
fi
"$ENGINE" images --filter reference='localhost/rlt-*' --format '{{.Repository}}:{{.Tag}}  {{.Size}}'
