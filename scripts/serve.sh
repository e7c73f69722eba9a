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
if [ -n "${ASSISTANT_SECRET:-}" ]; then
  log "starting Rasa on :$RASA_PORT (${BIND_HOST:-127.0.0.1}) and actions on 127.0.0.1:$ACTIONS_PORT; tokens required: prefs token USER (REST/socket.io), prefs token --api (HTTP API). Loading the model takes about a minute; logs in var/log/. Ctrl-C stops both"
else
  log "starting Rasa on http://127.0.0.1:$RASA_PORT and actions on http://127.0.0.1:$ACTIONS_PORT (loopback only: ASSISTANT_SECRET is not set), preferences in $PREFERENCES_DB_URL. Loading the model takes about a minute; logs in var/log/. Ctrl-C stops both"
fi
exec bash scripts/servers.sh "$model"
