#!/usr/bin/env bash
# All benchmarks that print figures (see docs/benchmarks.md).
set -euo pipefail
source "$(dirname "$0")/env.sh"
cd "$ROOT"
bash scripts/setup.sh
"$PY" benchmarks/bench_turns.py --turns "${TURNS:-200}" --nlu-cv
"$PY" benchmarks/bench_store.py "$@"
