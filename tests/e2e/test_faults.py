"""Faults injected into the real servers, by the very code of benchmarks/faults.py (docs/load-and-faults.md).

Each test stages one fault and fails with that script's own account of what
went wrong (its timed events). The action server killed mid-conversation and
a crash of the preferences' PostgreSQL (a private cluster started for the
test, never the machine's shared server) each take well under a minute
beyond starting the servers; a mining run killed half-way is left to the
script (`benchmarks/faults.py --only mining`): its log alone takes longer to
mine than a test should run.
"""
from __future__ import annotations

import sys
from pathlib import Path

import pytest

sys.path.insert(0, str(Path(__file__).resolve().parents[2] / "benchmarks"))

import faults  # noqa: E402

pytestmark = pytest.mark.e2e


def _passed(report: faults.Report) -> None:
    assert not report.problems, "\n".join(report.problems + [str(e) for e in report.events])


def test_a_killed_action_server_gets_an_apology_then_the_conversation_carries_on(tmp_path: Path) -> None:
    _passed(faults.fault_action_server(tmp_path))


@pytest.mark.postgres
def test_a_crashed_database_is_said_so_and_learning_resumes_with_nothing_lost(tmp_path: Path) -> None:
    # Never skipped (tests/conftest.py): a machine that cannot run the fault fails here, saying what it lacks.
    missing = faults.PrivateCluster.missing()
    if missing:
        pytest.fail(f"cannot start a private PostgreSQL cluster for the crash: {missing}", pytrace=False)
    _passed(faults.fault_postgres(tmp_path))
