#!/usr/bin/env bash
# Sets everything up and runs the whole suite: pytest (unit, store on SQLite
# and PostgreSQL, end-to-end with real servers, browser) with coverage, then
# the conversation tests with `rasa test`. Any failure fails the run.
set -euo pipefail
source "$(dirname "$0")/env.sh"
cd "$ROOT"
bash scripts/setup.sh --for-tests
model=$(bash scripts/model.sh)
export TEACHABLE_MODEL="$model"
mkdir -p artifacts
rm -f artifacts/rasa-test-tracker.db
status=0
# Two workers, a file each at a time (tests/conftest.py hands out the server-starting files first): most
# end-to-end time is waiting on servers, so two files side by side nearly halve the suite on two cores.
# TEST_WORKERS=0 runs in this process (a debugger, or a single test).
"$PY" -m pytest -n "${TEST_WORKERS:-2}" --dist loadfile --durations=25 --timeout 900 --cov --cov-report=term --cov-report=html:artifacts/coverage \
    --junitxml=artifacts/pytest.xml "$@" || status=$?
log "conversation tests: rasa test core --e2e --stories rasa_project/tests"
# --e2e sends each test story's user text through NLU (without it only the
# written intents are checked); --stories keeps Rasa from walking the whole
# tree (it crashes on its own cache).
# The test stories' conversations go to a log of their own, not the developer's var/tracker.db.
TRACKER_DB_URL="sqlite:///$ROOT/artifacts/rasa-test-tracker.db" \
"$PY" -m rasa test core --e2e --model "$model" --stories rasa_project/tests --endpoints rasa_project/endpoints.yml \
    --fail-on-prediction-errors --out artifacts/rasa-test || status=$?
exit $status
