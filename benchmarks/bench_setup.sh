#!/usr/bin/env bash
# Times the setup command from a clean clone with an empty cache (the first
# run a new user sees), then a second run. Prints both in seconds.
#   bash benchmarks/bench_setup.sh
set -euo pipefail
src="$(cd "$(dirname "$0")/.." && pwd)"
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
git clone -q "$src" "$work/clone"
export TEACHABLE_CACHE="$work/cache"
cd "$work/clone"
t0=$(date +%s); bash scripts/setup.sh; t1=$(date +%s)
bash scripts/setup.sh; t2=$(date +%s)
echo "setup from a clean clone and empty cache: $((t1 - t0)) s; second run: $((t2 - t1)) s"
