#!/usr/bin/env bash
# Re-resolves requirements/lock.txt from the two .in files (see docs/pins.md).
set -euo pipefail
cd "$(dirname "$0")/.."
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
python3.11 -m venv "$tmp/venv" 2>/dev/null || python3 -m venv "$tmp/venv"
"$tmp/venv/bin/pip" install -r requirements/rasa-deps.in -r requirements/app.in
"$tmp/venv/bin/pip" install --no-deps --ignore-requires-python rasa==3.6.21 rasa-sdk==3.6.2
"$tmp/venv/bin/pip" freeze --all | grep -v -E '^pip==' > requirements/lock.txt
"$tmp/venv/bin/pip" check || true
echo "wrote requirements/lock.txt"
