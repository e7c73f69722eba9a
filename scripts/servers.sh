#!/usr/bin/env bash
# Rasa and the action server in the foreground, for an already trained model:
#   bash scripts/servers.sh MODEL
# Started and awaited with env.sh's one helper (start/ready), so `make serve`
# and the test harness (rasa_components/served.py) start the assistant the
# same way. TERM, INT or either server exiting stops both.
# Optional: ENDPOINTS_FILE (default: endpoints.yml for ACTIONS_PORT), LOG_DIR
# (default var/log), and every setting of preferences/settings.py.
set -euo pipefail
source "$(dirname "$0")/env.sh"
cd "$ROOT"
model=${1:?usage: servers.sh MODEL}
endpoints=${ENDPOINTS_FILE:-$(endpoints_file)}
trap stop_servers INT TERM EXIT
start actions "$PY" -m actions.server --port "$ACTIONS_PORT"
# The launcher binds, adds --jwt-secret and the action server's shared secret, and sets
# --cors to the page's origin (CORS_ORIGINS, default http://localhost:$WEB_PORT); never '*'.
start rasa "$PY" -m rasa_components.launcher run --model "$model" --enable-api --port "$RASA_PORT" \
    --endpoints "$endpoints" --credentials rasa_project/credentials.yml
ready actions "http://127.0.0.1:$ACTIONS_PORT/health"
# The REST channel's health route answers once the model is loaded and the channels are up
# (with ASSISTANT_SECRET, /status needs a token).
ready rasa "http://127.0.0.1:$RASA_PORT/webhooks/rest/"
echo "servers ready: Rasa on :$RASA_PORT, actions on :$ACTIONS_PORT" >&2
wait -n "${SERVERS[@]}"
