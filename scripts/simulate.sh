#!/usr/bin/env bash
# Sets everything up (environment and model) and runs the population simulator against the real served
# assistant: mined traffic, the learning jobs, then fresh users under three conditions (docs/simulator.md).
#   bash scripts/simulate.sh            the quick run (make simulate): two seeds; 11 min on a quiet 2-core machine
#   bash scripts/simulate.sh --full     the full run: three seeds and the learning curve (28.5 min quiet)
# Any other option goes to `python -m simulator run` (e.g. --seeds 3 --users-a 40). SIMULATE_FULL=1 = --full.
# Report: artifacts/simulate/report.json and report.html.
set -euo pipefail
source "$(dirname "$0")/env.sh"
cd "$ROOT"
bash scripts/setup.sh
model=$(bash scripts/model.sh)
export TEACHABLE_MODEL="$model"
args=("$@")
if [ "${SIMULATE_FULL:-0}" = 1 ]; then args+=(--full); fi
"$PY" -m simulator run "${args[@]}"
