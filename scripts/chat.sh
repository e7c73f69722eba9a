#!/usr/bin/env bash
# Sets everything up and chats in the terminal (rasa shell) as user
# $CHAT_USER (default: your login name), with the action server beside it.
# rasa shell talks to its own server over loopback through Rasa's cmdline
# channel (no token): the launcher keeps that server on 127.0.0.1 always,
# and with ASSISTANT_SECRET set gives Rasa the action server's shared secret.
set -euo pipefail
source "$(dirname "$0")/env.sh"
cd "$ROOT"
bash scripts/setup.sh
model=$(bash scripts/model.sh)
trap stop_servers INT TERM EXIT
start actions "$PY" -m actions.server --port "$ACTIONS_PORT"
ready actions "http://127.0.0.1:$ACTIONS_PORT/health"
log "chatting as user '${CHAT_USER:-${USER:-me}}' (type /stop to quit; action server log: var/log/actions.log)"
# The terminal shows the conversation: third-party deprecation and library warnings are silenced
# here (errors and Rasa's own warnings about the conversation still show).
PYTHONWARNINGS="ignore::DeprecationWarning,ignore::UserWarning,ignore::FutureWarning,ignore::PendingDeprecationWarning" \
"$PY" -m rasa_components.launcher shell --model "$model" --endpoints "$(endpoints_file)" \
    --conversation-id "${CHAT_USER:-${USER:-me}}" --port "$RASA_PORT" --quiet
