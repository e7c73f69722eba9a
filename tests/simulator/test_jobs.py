"""The learning jobs as processes: reports parsed, a job this version lacks skipped, a failing one raised."""
from __future__ import annotations

import sys

import pytest

from simulator import jobs

pytestmark = pytest.mark.unit


def fake_prefs(monkeypatch: pytest.MonkeyPatch, code: str) -> None:
    monkeypatch.setattr(jobs, "prefs_command", lambda: [sys.executable, "-c", code])


def test_the_json_report_is_read(monkeypatch: pytest.MonkeyPatch) -> None:
    fake_prefs(monkeypatch, "import json; print(json.dumps({'version': 2, 'stats': {'turns': 40}}))")
    result = jobs.run_job("mine", {})
    assert result.ran and result.output == {"version": 2, "stats": {"turns": 40}}
    assert jobs.mined_turns(result) == 40


def test_a_job_this_version_lacks_is_skipped_with_a_message(monkeypatch: pytest.MonkeyPatch) -> None:
    fake_prefs(monkeypatch, "import sys; sys.stderr.write(\"Error: No such command 'index'.\\n\"); sys.exit(2)")
    result = jobs.run_job("index", {})
    assert not result.ran and "does not exist" in result.message and result.output is None


def test_a_failing_job_is_an_error(monkeypatch: pytest.MonkeyPatch) -> None:
    fake_prefs(monkeypatch, "import sys; sys.stderr.write('database is locked'); sys.exit(1)")
    with pytest.raises(RuntimeError, match="database is locked"):
        jobs.run_job("mine", {})


def test_the_last_json_document_wins() -> None:
    assert jobs._last_json('progress\n{"a": 1}') == {"a": 1}
    assert jobs._last_json("") is None
    assert jobs._last_json("not json")["unparsed"] == "not json"
