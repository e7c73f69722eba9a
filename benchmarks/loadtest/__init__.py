"""The load test behind benchmarks/load.py, one module per concern (docs/load-and-faults.md).

* `conversations`: what each simulated user says, and what the answers must contain.
* `servers`: the assistant(s) of one configuration (SQLite, or PostgreSQL with Redis, 1 or 2 Rasa processes).
* `judging`: what the users saw, and whether each answer used what was taught.
* `users`: the concurrent users themselves (REST and socket.io), driven on one event loop.
* `report`: the database check afterwards, the figures, load.json and load.png.

The modules import the project (preferences, rasa_components), so the
repository root is put on sys.path here, as each benchmark script does.
"""
from __future__ import annotations

import sys
from pathlib import Path

from rich.console import Console

ROOT = Path(__file__).resolve().parents[2]
if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))

console = Console(stderr=True)  # progress and verdicts; stdout is kept for --json
