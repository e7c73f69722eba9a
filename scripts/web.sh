#!/usr/bin/env bash
# Foreground: the web chat page on http://localhost:$WEB_PORT (default 8080),
# with Rasa (socket.io + REST) on :$RASA_PORT and the action server on
# :$ACTIONS_PORT behind it. Ctrl-C stops all three.
# The page is web/ served as static files (rasa-webchat from web/node_modules,
# installed by the setup with npm, never from a CDN); see docs/webchat.md.
set -euo pipefail
source "$(dirname "$0")/env.sh"
cd "$ROOT"
bash scripts/setup.sh
model=$(bash scripts/model.sh)
WEB_PORT="${WEB_PORT:-8080}"
[ -f web/node_modules/rasa-webchat/lib/index.js ] || { echo "error: web/node_modules is missing (run: cd web && npm ci)" >&2; exit 1; }
mkdir -p var/log
pids=()
cleanup() { trap - INT TERM EXIT; kill "${pids[@]}" 2>/dev/null || true; wait 2>/dev/null || true; }
trap cleanup INT TERM EXIT
"$PY" -m rasa_sdk --actions actions --port "$ACTIONS_PORT" > var/log/actions.log 2>&1 &
pids+=($!)
# --cors: the page's origin (both spellings of the local host), nothing else.
"$PY" -m rasa run --model "$model" --enable-api -i 127.0.0.1 --port "$RASA_PORT" \
    --cors "http://localhost:$WEB_PORT" "http://127.0.0.1:$WEB_PORT" \
    --endpoints "$(endpoints_file)" --credentials rasa_project/credentials.yml > var/log/rasa.log 2>&1 &
pids+=($!)
"$PY" -m http.server "$WEB_PORT" --bind 127.0.0.1 --directory web > var/log/web.log 2>&1 &
pids+=($!)
url="http://localhost:$WEB_PORT/"
[ "$RASA_PORT" = 5005 ] || url="${url}?rasa=http://localhost:$RASA_PORT"
log "starting Rasa on :$RASA_PORT (loading the model takes about a minute; logs in var/log/)"
for _ in $(seq 1 600); do
  curl -fsS "http://localhost:$RASA_PORT/status" 2>/dev/null | grep -q model_file && break
  for pid in "${pids[@]}"; do
    kill -0 "$pid" 2>/dev/null || { tail -n 30 var/log/rasa.log var/log/actions.log var/log/web.log >&2; exit 1; }
  done
  sleep 0.5
done
log "open $url  (the web chat; Rasa on :$RASA_PORT, actions on :$ACTIONS_PORT, preferences in $PREFERENCES_DB_URL; Ctrl-C stops all three)"
wait -n "${pids[@]}"
