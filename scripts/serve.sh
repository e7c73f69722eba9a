#!/usr/bin/env bash
# Foreground: Rasa (REST + socket.io + HTTP API) on :5005 and the action
# server on :5055. Ctrl-C stops both.
set -euo pipefail
source "$(dirname "$0")/env.sh"
cd "$ROOT"
bash scripts/setup.sh
model=$(bash scripts/model.sh)
pids=()
cleanup() { trap - INT TERM EXIT; kill "${pids[@]}" 2>/dev/null || true; wait 2>/dev/null || true; }
trap cleanup INT TERM EXIT
"$PY" -m rasa_sdk --actions actions --port "$ACTIONS_PORT" &
pids+=($!)
"$PY" -m rasa run --model "$model" --enable-api --cors "${CORS_ORIGINS:-*}" --port "$RASA_PORT" \
    --endpoints "$(endpoints_file)" --credentials rasa_project/credentials.yml &
pids+=($!)
log "Rasa on http://localhost:$RASA_PORT, actions on http://localhost:$ACTIONS_PORT, preferences in $PREFERENCES_DB_URL (Ctrl-C stops both)"
wait -n "${pids[@]}"
