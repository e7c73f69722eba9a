# Shared environment for every script: sourced, never run.
# Why here: one place decides telemetry, offline mode and paths, so the chat,
# the servers and the tests can never disagree about them.
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
export ROOT
export RASA_TELEMETRY_ENABLED=false          # Rasa phones home unless told not to
export HF_HUB_OFFLINE=1 TRANSFORMERS_OFFLINE=1 # models come from installed packages only
export TF_CPP_MIN_LOG_LEVEL=2 SQLALCHEMY_SILENCE_UBER_WARNING=1 PYTHONWARNINGS="ignore::DeprecationWarning"
export TOKENIZERS_PARALLELISM=false
export CACHE_ROOT="${TEACHABLE_CACHE:-${XDG_CACHE_HOME:-$HOME/.cache}/teachable-assistant}"
# Rasa's training cache stays out of folders Rasa scans for training data.
export RASA_CACHE_DIRECTORY="${RASA_CACHE_DIRECTORY:-$CACHE_ROOT/rasa-cache}"
export VENV="$ROOT/.venv"
export PY="$VENV/bin/python"
export PATH="$VENV/bin:$PATH"
# Every setting's default is decided once, in preferences/settings.py (standard library only, so any
# python3 can read it before the environment exists): database URLs, ports, learning, schedules.
eval "$(python3 "$ROOT/preferences/settings.py" --shell)"
# endpoints.yml names the action server on 5055; another ACTIONS_PORT gets its own copy.
endpoints_file() {
  if [ "$ACTIONS_PORT" = 5055 ]; then echo "$ROOT/rasa_project/endpoints.yml"; return; fi
  mkdir -p "$ROOT/var"
  sed "s#localhost:5055#localhost:$ACTIONS_PORT#" "$ROOT/rasa_project/endpoints.yml" > "$ROOT/var/endpoints.yml"
  echo "$ROOT/var/endpoints.yml"
}
log() { printf '\033[1m[setup]\033[0m %s\n' "$*" >&2; }

# --- starting servers: one way for chat, serve and web -------------------------------------------
# start NAME CMD...    runs CMD in the background, output in $LOG_DIR/NAME.log (default var/log),
#                      pid kept in SERVERS
# ready NAME URL       waits until URL answers (the server is up), or fails with the logs' tails
#                      if any started server died or 10 minutes passed
# stop_servers         stops them all (the scripts trap it on exit and Ctrl-C)
SERVERS=()
SERVER_NAMES=()
start() {
  local name=$1; shift
  local dir="${LOG_DIR:-$ROOT/var/log}"
  mkdir -p "$dir"
  "$@" > "$dir/$name.log" 2>&1 &
  SERVERS+=($!)
  SERVER_NAMES+=("$name")
}
ready() {
  local name=$1 url=$2
  for _ in $(seq 1 1200); do
    curl -fsS "$url" >/dev/null 2>&1 && return 0
    local i
    for i in "${!SERVERS[@]}"; do
      if ! kill -0 "${SERVERS[$i]}" 2>/dev/null; then
        echo "error: ${SERVER_NAMES[$i]} stopped while starting $name; the end of its log:" >&2
        tail -n 30 "${LOG_DIR:-$ROOT/var/log}/${SERVER_NAMES[$i]}.log" >&2
        return 1
      fi
    done
    sleep 0.5
  done
  echo "error: $name did not answer at $url within 10 minutes (log: ${LOG_DIR:-var/log}/$name.log)" >&2
  return 1
}
stop_servers() {
  trap - INT TERM EXIT
  [ ${#SERVERS[@]} -eq 0 ] || kill "${SERVERS[@]}" 2>/dev/null || true
  wait 2>/dev/null || true
}
