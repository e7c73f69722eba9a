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
[ -f web/node_modules/rasa-webchat/lib/index.js ] || { echo "error: web/node_modules is missing (run: cd web && npm ci)" >&2; exit 1; }
trap stop_servers INT TERM EXIT
# Rasa and the action server as make serve starts them (their logs: var/log/rasa.log, actions.log).
start servers bash scripts/servers.sh "$model"
start web "$PY" -m rasa_components.web_server --port "$WEB_PORT" --directory web
url="http://localhost:$WEB_PORT/"
[ "$RASA_PORT" = 5005 ] || url="${url}?rasa=http://localhost:$RASA_PORT"
log "starting Rasa on :$RASA_PORT (loading the model takes about a minute; logs in var/log/)"
ready actions "http://127.0.0.1:$ACTIONS_PORT/health"
# The REST channel's health route answers once the model is loaded and the channels are up
# (with ASSISTANT_SECRET, /status needs a token).
ready rasa "http://127.0.0.1:$RASA_PORT/webhooks/rest/"
ready web "http://127.0.0.1:$WEB_PORT/"
if [ -n "${ASSISTANT_SECRET:-}" ]; then
  log "open $url  (ASSISTANT_SECRET is set: the page gets its token from the page server; Ctrl-C stops all three)"
else
  log "open $url  (the web chat, loopback only; Rasa on :$RASA_PORT, actions on :$ACTIONS_PORT, preferences in $PREFERENCES_DB_URL; Ctrl-C stops all three)"
fi
wait -n "${SERVERS[@]}"
