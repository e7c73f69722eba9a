#!/usr/bin/env bash
# Sets everything up, idempotently: Python environment from the lock, the
# project itself, database migrations, and a trained model matching the data;
# with --for-tests also what the test suite needs (Chromium, said so on screen).
# A second run reuses everything by content hash and takes seconds.
set -euo pipefail
source "$(dirname "$0")/env.sh"
cd "$ROOT"
mkdir -p "$CACHE_ROOT" var models

# --- 1. Python 3.11 -----------------------------------------------------------
PYTHON="${PYTHON:-}"
for candidate in "$PYTHON" python3.11 python3; do
  [ -n "$candidate" ] || continue
  if command -v "$candidate" >/dev/null && "$candidate" -c 'import sys; sys.exit(sys.version_info[:2] != (3, 11))'; then
    # The interpreter itself, never a virtualenv's copy: env.sh puts .venv/bin first on PATH, and
    # .venv is rebuilt below when the lock changes (its python would be deleted under us).
    PYTHON="$("$candidate" -c 'import sys; print(sys._base_executable)')"; break
  fi
  PYTHON=""
done
[ -n "$PYTHON" ] || { echo "error: Python 3.11 is required (Rasa 3.6 runs here only on 3.11)." >&2; exit 1; }

# --- 2. Dependencies: one shared environment per lock-file hash ---------------
# Installing Rasa, TensorFlow and torch takes minutes, so the environment is
# built once per content of the lock and shared by every clone; each clone's
# own .venv is a thin layer over it holding only the project (editable).
# Bump DEPS_LAYOUT when the way the environment is built changes.
DEPS_LAYOUT=1
lock_hash=$( (echo "$DEPS_LAYOUT"; cat requirements/lock.txt) | sha256sum | cut -c1-16)
deps="$CACHE_ROOT/deps-$lock_hash"
if [ ! -f "$deps/.complete" ]; then
  log "building the dependency environment (first run only, several minutes)"
  rm -rf "$deps"
  "$PYTHON" -m venv "$deps"
  # --no-deps: the lock is complete and exact; Rasa's metadata says Python
  # <3.11 and would stop pip (see docs/pins.md for every deviation).
  "$deps/bin/python" -m pip install --progress-bar on --no-deps --ignore-requires-python \
      -r requirements/lock.txt
  "$deps/bin/python" -m pip check > "$deps/pip-check.txt" 2>&1 || true
  touch "$deps/.complete"
fi
deps_site=$("$deps/bin/python" -c 'import sysconfig; print(sysconfig.get_paths()["purelib"])')

if [ ! -x "$VENV/bin/python" ] || [ "$(cat "$VENV/.deps" 2>/dev/null)" != "$deps" ]; then
  log "creating .venv over $deps"
  rm -rf "$VENV"
  "$PYTHON" -m venv --without-pip "$VENV"
  venv_site=$("$VENV/bin/python" -c 'import sysconfig; print(sysconfig.get_paths()["purelib"])')
  # addsitedir (not a bare path) so the dependency site's own .pth files run.
  echo "import site; site.addsitedir('$deps_site')" > "$venv_site/_teachable_deps.pth"
  echo "$deps" > "$VENV/.deps"
fi
# The project itself is put on the path by a .pth file rather than installed:
# building an editable wheel would need setuptools' build step, which breaks
# against the packaging 20.9 that Rasa pins. The console script is one line.
venv_site=$("$VENV/bin/python" -c 'import sysconfig; print(sysconfig.get_paths()["purelib"])')
echo "$ROOT" > "$venv_site/_teachable_project.pth"
# The guard matters: a spawned worker process (the miner's pool while another thread runs, e.g. a build's
# lease heartbeat) imports the main module again, and must not run the CLI a second time.
printf '#!%s\nfrom preferences.cli import app\n\nif __name__ == "__main__":\n    app()\n' "$VENV/bin/python" > "$VENV/bin/prefs"
chmod +x "$VENV/bin/prefs"

# --- 3. Web chat assets (npm, installed from the registry, never a CDN) -------
if [ -f web/package.json ] && [ ! -f web/node_modules/.package-lock.json -o web/package-lock.json -nt web/node_modules/.package-lock.json ]; then
  log "installing the web chat widget with npm"
  (cd web && npm ci --no-audit --no-fund --loglevel=error)
fi

# --- 4. Database migrations ---------------------------------------------------
log "migrating the preference store ($(echo "$PREFERENCES_DB_URL" | sed -E 's#//[^@/]*@#//***@#'))"
"$PY" -m preferences.cli migrate >/dev/null

# --- 5. A trained model for the current data ----------------------------------
"$ROOT/scripts/model.sh" >/dev/null

# --- 6. Only for the test suite: Debian's Chromium for the browser tests --------
# (never a browser download: the registry's package, installed visibly, once)
if [ "${1:-}" = "--for-tests" ] && ! command -v chromium >/dev/null; then
  if [ "$(id -u)" = 0 ] && command -v apt-get >/dev/null; then
    log "installing Debian's chromium for the browser tests (apt-get, once)"
    apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium >/dev/null
  else
    echo "error: the browser tests need Chromium; install it with: sudo apt-get install chromium" >&2
    exit 1
  fi
fi
log "ready"
