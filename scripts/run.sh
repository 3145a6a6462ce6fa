#!/usr/bin/env bash
# Starts the action server and Rasa (REST channel), waits until both answer, prints where to chat,
# and stops both on Ctrl-C. Logs go to var/log/, rotated by size (scripts/log_writer.py, LOG_MAX_BYTES).
set -euo pipefail
cd "$(dirname "$0")/.."
# conversations, screening records and logs hold health information: readable by this account only
umask 077
mkdir -p var && chmod 700 var
bash scripts/train.sh
.venv/bin/python scripts/init_env.py

ENV=(.venv/bin/python scripts/with_env.py)
# each process gets only the secrets it needs (scripts/with_env.py --role; padsafety/settings.py SECRET_ROLES)
eval "$("${ENV[@]}" python -c 'from padsafety.settings import settings; s = settings()
print(f"RASA_HOST={s.rasa_host} RASA_PORT={s.rasa_port} ACTION_HOST={s.action_server_host} ACTION_PORT={s.action_server_port} LOG_LEVEL={s.log_level} WEB_HOST={s.web_host} WEB_PORT={s.web_port}")')"
mkdir -p var/log && chmod 700 var/log
# each server's output goes through a size-rotating writer (the writer exits when the server does)
log_to() { "${ENV[@]}" --role none python scripts/log_writer.py "var/log/$1.log"; }
pids=()
stop() { stopping=1; trap - INT TERM EXIT; kill "${pids[@]}" 2>/dev/null || true; wait 2>/dev/null || true; }
trap 'stop; exit 0' INT TERM
trap stop EXIT

level_flag=(); [ "$LOG_LEVEL" = DEBUG ] && level_flag=(--debug)
"${ENV[@]}" --role actions rasa run actions --actions actions -p "$ACTION_PORT" "${level_flag[@]}" \
  > >(log_to actions) 2>&1 & pids+=($!)
# model, endpoints, credentials, host, port and the HTTP API (off unless ENABLE_API) come from the settings
"${ENV[@]}" --role rasa python scripts/rasa_server.py > >(log_to rasa) 2>&1 & pids+=($!)

wait_for() {  # name url seconds
  for _ in $(seq "$3"); do
    curl -fsS "$2" >/dev/null 2>&1 && return 0
    for pid in "${pids[@]}"; do kill -0 "$pid" 2>/dev/null || { echo "run: $1 exited; see var/log/" >&2; tail -20 var/log/*.log >&2; exit 1; }; done
    sleep 1
  done
  echo "run: $1 did not answer at $2 within $3s; see var/log/" >&2; exit 1
}
web_url=""
if [ -f web/dist/rasa-webchat.js ]; then
  "${ENV[@]}" --role web python scripts/web_server.py > >(log_to web) 2>&1 & pids+=($!)
  web_url="http://$WEB_HOST:$WEB_PORT/"
else
  echo "run: web/dist missing (needs npm: bash scripts/build_web.sh): the widget demo page is not started" >&2
fi

wait_for "action server" "http://$ACTION_HOST:$ACTION_PORT/health" 60
wait_for "Rasa" "http://$RASA_HOST:$RASA_PORT/" 120
if [ -n "$web_url" ]; then wait_for "demo page" "$web_url" 30; fi

cat <<MSG

The red-light therapy pad assistant is running.
${web_url:+  Website widget demo page:  $web_url
}  Chat in this terminal's neighbour:  make chat
  REST channel:  curl -s -X POST http://$RASA_HOST:$RASA_PORT/webhooks/rest/webhook \\
                   -H 'Content-Type: application/json' -d '{"sender": "$(cat /proc/sys/kernel/random/uuid)", "message": "who should avoid it?"}'
  Telegram: see README (off until TELEGRAM_TOKEN is set in .env).
  Logs: var/log/rasa.log, var/log/actions.log, var/log/web.log.  Stop with Ctrl-C.
MSG
status=0
wait -n "${pids[@]}" || status=$?
# Ctrl-C reaches the servers too: a clean exit or a signal (status > 128) is a stop, anything else a crash
if [ -n "${stopping:-}" ] || [ "$status" = 0 ] || [ "$status" -gt 128 ]; then echo "run: stopped"; exit 0; fi
echo "run: a server stopped (exit $status); see var/log/" >&2
exit 1
