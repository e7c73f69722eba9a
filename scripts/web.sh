#!/usr/bin/env bash
# Foreground: the web chat page on http://localhost:$WEB_PORT (default 8080),
# with Rasa (socket.io + REST) on :$RASA_PORT and the action server on
# :$ACTIONS_PORT behind it. Ctrl-C stops all three.
# The page is web/ served by rasa_components.web_server (static files plus
# GET /token, the browser's user token when ASSISTANT_SECRET is set);
# rasa-webchat comes from web/node_modules, installed by the setup with npm,
# never from a CDN. See docs/webchat.md and docs/security.md.
set -euo pipefail
source "$(dirname "$0")/env.sh"
cd "$ROOT"
bash scripts/setup.sh
model=$(bash scripts/model.sh)
export WEB_PORT="${WEB_PORT:-8080}"
[ -f web/node_modules/rasa-webchat/lib/index.js ] || { echo "error: web/node_modules is missing (run: cd web && npm ci)" >&2; exit 1; }
mkdir -p var/log
pids=()
cleanup() { trap - INT TERM EXIT; kill "${pids[@]}" 2>/dev/null || true; wait 2>/dev/null || true; }
trap cleanup INT TERM EXIT
"$PY" -m actions.server --port "$ACTIONS_PORT" > var/log/actions.log 2>&1 &
pids+=($!)
# The launcher binds (127.0.0.1 without ASSISTANT_SECRET), sets --cors to the page's origin
# (http://localhost:$WEB_PORT and http://127.0.0.1:$WEB_PORT, or CORS_ORIGINS) and, with the
# secret, requires tokens.
"$PY" -m rasa_components.launcher run --model "$model" --enable-api --port "$RASA_PORT" \
    --endpoints "$(endpoints_file)" --credentials rasa_project/credentials.yml > var/log/rasa.log 2>&1 &
pids+=($!)
"$PY" -m rasa_components.web_server --port "$WEB_PORT" --directory web > var/log/web.log 2>&1 &
pids+=($!)
url="http://localhost:$WEB_PORT/"
[ "$RASA_PORT" = 5005 ] || url="${url}?rasa=http://localhost:$RASA_PORT"
log "starting Rasa on :$RASA_PORT (loading the model takes about a minute; logs in var/log/)"
for _ in $(seq 1 600); do
  # /version answers without a token (with ASSISTANT_SECRET, /status needs one); the channel's
  # health route answers once the model is loaded and the channels are up.
  curl -fsS "http://127.0.0.1:$RASA_PORT/webhooks/rest/" 2>/dev/null | grep -q ok && break
  for pid in "${pids[@]}"; do
    kill -0 "$pid" 2>/dev/null || { tail -n 30 var/log/rasa.log var/log/actions.log var/log/web.log >&2; exit 1; }
  done
  sleep 0.5
done
if [ -n "${ASSISTANT_SECRET:-}" ]; then
  log "open $url  (ASSISTANT_SECRET is set: the page gets its token from the page server; Ctrl-C stops all three)"
else
  log "open $url  (the web chat, loopback only; Rasa on :$RASA_PORT, actions on :$ACTIONS_PORT, preferences in $PREFERENCES_DB_URL; Ctrl-C stops all three)"
fi
wait -n "${pids[@]}"
