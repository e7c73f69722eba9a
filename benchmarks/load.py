"""Many concurrent users teaching and using preferences against the served stack, then a check of the database.

    .venv/bin/python benchmarks/load.py [--users 50] [--minutes 5] [--db sqlite|postgresql]
        [--rasa-processes 1|2] [--socketio-share 0.1] [--think 0.5] [--json]

Why: one user at a time (the e2e tests) says nothing about what happens when
fifty people teach the assistant at once: a lock held too long, a turn that
times out, a preference written under the wrong user or lost between two
Rasa processes. This script starts the real servers (rasa_components.served,
the way `make serve` starts them) on free ports with a database of their own
and plays users who each teach a genre, a cuisine and a team, use them
("play some music" must then play that genre), ask what the assistant knows,
and start over as a new user when done. Most talk REST; a share talk
socket.io (HTTP long-polling, as tests/e2e/test_socketio.py does). With two
Rasa processes (PostgreSQL only: the deployment of docs/deployment.md, a
shared PostgreSQL tracker store and the Redis lock store) the script is the
load balancer: a REST user's turns alternate between the instances,
a socket.io session stays on one (sticky).

Checked: every request answered (HTTP 200, a non-empty reply that is not the
bug apology nor the memory outage message), every reply that should use a
taught preference uses it, and afterwards, read through the library
(PreferenceStore.list), every user holds exactly what that user taught:
nothing lost, nothing of anyone else. Reported: throughput, latency p50/p95/p99
(REST: the whole answer; socket.io: the first message), the load average.
Each configuration's result is merged into artifacts/bench/load.json (keyed
`db-Nproc`), and artifacts/bench/load.png plots every configuration there.
"""
from __future__ import annotations

import argparse
import asyncio
import json
import os
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "benchmarks"))

from loadtest import console  # noqa: E402
from loadtest.report import check_store, save, summarise  # noqa: E402
from loadtest.servers import served  # noqa: E402
from loadtest.users import drive  # noqa: E402
from rasa_components.served import model_path  # noqa: E402

ARTIFACTS = ROOT / "artifacts" / "bench"


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--users", type=int, default=50)
    parser.add_argument("--minutes", type=float, default=5.0)
    parser.add_argument("--db", choices=("sqlite", "postgresql"), default="sqlite")
    parser.add_argument("--rasa-processes", type=int, choices=(1, 2), default=1)
    parser.add_argument("--socketio-share", type=float, default=0.1, help="share of users on socket.io")
    parser.add_argument("--think", type=float, default=3.0,
                        help="mean pause between a user's turns, uniform in 0..2x (s): reading or hearing the answer")
    parser.add_argument("--seed", type=int, default=13)
    parser.add_argument("--out-dir", type=Path, default=ARTIFACTS)
    parser.add_argument("--json", action="store_true", help="print this run's result as JSON on stdout")
    args = parser.parse_args()
    console.print(f"model {model_path().name}; {args.users} users for {args.minutes} min on {args.db}, "
                  f"{args.rasa_processes} Rasa process(es)")
    with tempfile.TemporaryDirectory(prefix="load-") as tmp, \
            served(args.db, args.rasa_processes, Path(tmp)) as (instances, url):
        console.print("servers up: " + ", ".join(i.url for i in instances))
        load_before = os.getloadavg()[0]
        results, seconds = asyncio.run(drive([i.url for i in instances], args))
        load_after = os.getloadavg()[0]
        store = check_store(url, results.taught, results.unsure)
    row = summarise(results, seconds, store, args, (round(load_before, 2), round(load_after, 2)))
    report = save(row, args.out_dir)
    if args.json:
        print(json.dumps(row, indent=2))
    verdict = "PASS" if not (row["failed_requests"] or row["wrong_answers"] or row["lost_preferences"]
                             or row["misattributed_preferences"]) else "FAIL"
    console.print(f"{verdict} {row['config']}: {row['requests']} turns in {row['seconds']} s = "
                  f"{row['throughput_rps']} turns/s; p50 {row['p50_ms']} ms, p95 {row['p95_ms']} ms, "
                  f"p99 {row['p99_ms']} ms; failed {row['failed_requests']}, wrong {row['wrong_answers']}; "
                  f"{row['preferences_checked']} preferences of {row['users_simulated']} users checked: "
                  f"lost {row['lost_preferences']}, misattributed {row['misattributed_preferences']}; "
                  f"load average {load_before:.1f} -> {load_after:.1f}"
                  + (f"; scaling 1->2 processes x{report['scaling_1_to_2']}" if "scaling_1_to_2" in report else ""))
    sys.exit(0 if verdict == "PASS" else 1)


if __name__ == "__main__":
    main()
