"""Faults injected into the served assistant, each timed and judged PASS or FAIL.

    .venv/bin/python benchmarks/faults.py [--only action-server,postgres,mining] [--mining-turns 400000] [--json]

Why: a voice assistant in a home meets crashed processes and a database that
restarts. What a user must see then is decided here, not hoped for:

* **action-server**: the action server is SIGKILLed mid-conversation (one
  turn in flight, then turns while it is down). Each turn gets a short
  apology within a few seconds (no silence, no hang); once a new action
  server listens on the same port, the conversation carries on with what was
  taught before.
* **postgres**: the preferences live in a private PostgreSQL cluster of this
  script's own (initdb in a temporary directory, a free port; the machine's
  shared server is never touched), stopped with `pg_ctl stop -m immediate`
  (a crash: no checkpoint) and started again. Skills that need no memory keep
  answering, turns that need it say the memory is unavailable, quickly;
  after the restart, learning resumes by itself (no server restart) and
  every preference stored before the crash is still there.
* **mining**: `prefs rewrites mine` on a synthetic log large enough to run
  for several seconds (benchmarks/bench_mining.py's generator) is SIGKILLed
  part way. The rewrite version in force before stays in force
  (`prefs rewrites list --json`), the running assistant keeps applying its
  rewrites, and the next mining run succeeds and marks the killed version
  `failed`.

Results: artifacts/bench/faults.json. Exit status 1 if any fault FAILs.
"""
from __future__ import annotations

import argparse
import json
import os
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "benchmarks"))

# The faults themselves, one module each; re-exported here for tests/e2e/test_faults.py, which runs them.
from faulttest.action_server import fault_action_server  # noqa: E402
from faulttest.mining import fault_mining  # noqa: E402
from faulttest.postgres import PrivateCluster, fault_postgres  # noqa: E402
from faulttest.report import Report  # noqa: E402
from rasa_components.served import model_path  # noqa: E402

__all__ = ["FAULTS", "PrivateCluster", "Report", "fault_action_server", "fault_mining", "fault_postgres", "main"]

ARTIFACTS = ROOT / "artifacts" / "bench"


FAULTS = {"action-server": fault_action_server, "postgres": fault_postgres, "mining": fault_mining}


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--only", default=",".join(FAULTS), help="comma-separated: " + ", ".join(FAULTS))
    parser.add_argument("--mining-turns", type=int, default=400_000, help="size of the log mining is killed on")
    parser.add_argument("--out-dir", type=Path, default=ARTIFACTS)
    parser.add_argument("--json", action="store_true", help="print the results as JSON on stdout")
    args = parser.parse_args()
    chosen = [name.strip() for name in args.only.split(",") if name.strip()]
    unknown = set(chosen) - set(FAULTS)
    if unknown:
        raise SystemExit(f"unknown fault(s): {', '.join(sorted(unknown))}; choose from {', '.join(FAULTS)}")
    print(f"model {model_path().name}; load average {os.getloadavg()[0]:.2f}", flush=True)
    results = []
    for name in chosen:
        print(f"fault {name}:", flush=True)
        with tempfile.TemporaryDirectory(prefix=f"fault-{name}-") as tmp:
            try:
                report = (fault_mining(Path(tmp), args.mining_turns) if name == "mining"
                          else FAULTS[name](Path(tmp)))
            except Exception as exc:  # noqa: BLE001 - a fault that could not even be staged is a FAIL, reported
                report = Report(name)
                report.check(False, f"{type(exc).__name__}: {exc}"[:2000])
        row = report.to_json() | {"load_average": round(os.getloadavg()[0], 2)}
        print(f"{row['verdict']} {name}: {json.dumps(row['timings_s'])}"
              + (f"; problems: {row['problems']}" if row["problems"] else ""), flush=True)
        results.append(row)
    args.out_dir.mkdir(parents=True, exist_ok=True)
    path = args.out_dir / "faults.json"
    merged = {r["fault"]: r for r in (json.loads(path.read_text()).get("faults", []) if path.exists() else [])}
    merged.update({r["fault"]: r for r in results})
    path.write_text(json.dumps({"faults": list(merged.values())}, indent=2, ensure_ascii=False) + "\n")
    if args.json:
        print(json.dumps(results, indent=2, ensure_ascii=False))
    sys.exit(1 if any(r["verdict"] == "FAIL" for r in results) else 0)


if __name__ == "__main__":
    main()
