"""The fault scenarios behind benchmarks/faults.py, one module per fault (docs/load-and-faults.md).

* `report`: what every fault shares: its timed account (`Report`), a REST
  turn that reports failure as a result (`timed_say`), `wait_until`.
* `action_server`: the action server SIGKILLed mid-conversation.
* `postgres`: the preferences' PostgreSQL crashed and started again (a
  private cluster, never the machine's shared server).
* `mining`: a mining job SIGKILLed half-way.

The modules import the project (preferences, rasa_components), so the
repository root is put on sys.path here, as each benchmark script does.
"""
from __future__ import annotations

import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))
