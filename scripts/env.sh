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
export PREFERENCES_DB_URL="${PREFERENCES_DB_URL:-sqlite:///$ROOT/var/preferences.db}"
export VENV="$ROOT/.venv"
export PY="$VENV/bin/python"
export PATH="$VENV/bin:$PATH"
export RASA_PORT="${RASA_PORT:-5005}" ACTIONS_PORT="${ACTIONS_PORT:-5055}"
# endpoints.yml names the action server on 5055; another ACTIONS_PORT gets its own copy.
endpoints_file() {
  if [ "$ACTIONS_PORT" = 5055 ]; then echo "$ROOT/rasa_project/endpoints.yml"; return; fi
  mkdir -p "$ROOT/var"
  sed "s#localhost:5055#localhost:$ACTIONS_PORT#" "$ROOT/rasa_project/endpoints.yml" > "$ROOT/var/endpoints.yml"
  echo "$ROOT/var/endpoints.yml"
}
log() { printf '\033[1m[setup]\033[0m %s\n' "$*" >&2; }
