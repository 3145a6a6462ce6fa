#!/usr/bin/env bash
# Builds the website widget's static files: installs rasa-webchat (pinned in web/package.json and
# web/package-lock.json) with `npm ci`, then copies its prebuilt browser bundle into web/dist/, which
# scripts/web_server.py serves. Nothing is fetched at run time (no CDN). web/node_modules and web/dist
# are build output (git-ignored). Re-running is fast: npm ci runs only when package-lock.json changed.
set -euo pipefail
cd "$(dirname "$0")/../web"

if ! command -v npm >/dev/null 2>&1; then
  cat >&2 <<'MSG'
build_web: npm is not installed; the website widget needs Node.js 18+ and npm to fetch rasa-webchat.
  Debian/Ubuntu:  apt-get install -y nodejs npm      (or use https://nodejs.org / nvm)
  Then re-run:    bash scripts/build_web.sh
MSG
  exit 1
fi

stamp=node_modules/.build_web.sha256
want=$(cat package.json package-lock.json | sha256sum | cut -d' ' -f1)
if [ "$(cat "$stamp" 2>/dev/null)" != "$want" ] || [ ! -f node_modules/rasa-webchat/lib/index.js ]; then
  echo "build_web: npm ci (rasa-webchat, exact versions from web/package-lock.json)"
  # --ignore-scripts: only the prebuilt bundle is used, no package gets to run install scripts
  npm ci --ignore-scripts --no-audit --no-fund --loglevel=error
  echo "$want" > "$stamp"
fi

version=$(node -p 'require("./node_modules/rasa-webchat/package.json").version')
if [ "$version" != "1.0.1" ]; then
  echo "build_web: expected rasa-webchat 1.0.1 in web/node_modules, found $version" >&2
  exit 1
fi

mkdir -p dist
copy() {  # source destination: copy only when the content changed
  if ! cmp -s "$1" "$2"; then
    cp "$1" "$2.tmp" && mv "$2.tmp" "$2"
    echo "build_web: updated web/$2"
  fi
}
copy node_modules/rasa-webchat/lib/index.js dist/rasa-webchat.js
copy node_modules/rasa-webchat/LICENSE dist/rasa-webchat.LICENSE.txt
echo "build_web: web/dist ready (rasa-webchat $version)"
