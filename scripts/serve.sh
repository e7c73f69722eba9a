#!/usr/bin/env bash
# Foreground: Rasa (REST + socket.io + HTTP API) on :5005 and the action
# server on :5055. Ctrl-C stops both.
# Without ASSISTANT_SECRET both listen on 127.0.0.1 only and accept local
# requests as they come; with it, Rasa listens on BIND_HOST (default
# 127.0.0.1) and requires tokens (docs/security.md).
set -euo pipefail
source "$(dirname "$0")/env.sh"
cd "$ROOT"
bash scripts/setup.sh
model=$(bash scripts/model.sh)
trap stop_servers INT TERM EXIT
start actions "$PY" -m actions.server --port "$ACTIONS_PORT"
# The launcher binds, adds --jwt-secret and the action server's shared secret, and sets
# --cors to the page's origin (CORS_ORIGINS, default http://localhost:$WEB_PORT); never '*'.
start rasa "$PY" -m rasa_components.launcher run --model "$model" --enable-api --port "$RASA_PORT" \
    --endpoints "$(endpoints_file)" --credentials rasa_project/credentials.yml
log "starting (loading the model takes about a minute; logs in var/log/actions.log and var/log/rasa.log)"
ready actions "http://127.0.0.1:$ACTIONS_PORT/health"
ready rasa "http://127.0.0.1:$RASA_PORT/webhooks/rest/"
if [ -n "${ASSISTANT_SECRET:-}" ]; then
  log "Rasa on :$RASA_PORT (${BIND_HOST:-127.0.0.1}), actions on 127.0.0.1:$ACTIONS_PORT; tokens required: prefs token USER (REST/socket.io), prefs token --api (HTTP API). Ctrl-C stops both"
else
  log "Rasa on http://127.0.0.1:$RASA_PORT, actions on http://127.0.0.1:$ACTIONS_PORT (loopback only: ASSISTANT_SECRET is not set), preferences in $PREFERENCES_DB_URL (Ctrl-C stops both)"
fi
wait -n "${SERVERS[@]}"
