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
mkdir -p var/log
"$PY" -m actions.server --port "$ACTIONS_PORT" > var/log/actions.log 2>&1 &
actions_pid=$!
trap 'kill $actions_pid 2>/dev/null || true' EXIT
for _ in $(seq 1 120); do
  curl -fsS "http://127.0.0.1:$ACTIONS_PORT/health" >/dev/null 2>&1 && break
  kill -0 "$actions_pid" 2>/dev/null || { cat var/log/actions.log >&2; exit 1; }
  sleep 0.5
done
log "chatting as user '${CHAT_USER:-${USER:-me}}' (type /stop to quit; action server log: var/log/actions.log)"
"$PY" -m rasa_components.launcher shell --model "$model" --endpoints "$(endpoints_file)" \
    --conversation-id "${CHAT_USER:-${USER:-me}}" --port "$RASA_PORT"
