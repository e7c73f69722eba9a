"""The mining benchmark runs end to end at tiny size: both figures, and the tracker store finds what JSON Lines
finds (no timing assertions)."""
from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]


def test_mining_benchmark_reports_jsonl_and_tracker_store(tmp_path: Path) -> None:
    done = subprocess.run(
        [sys.executable, str(ROOT / "benchmarks" / "bench_mining.py"), "--sizes", "2000", "--tracker-sizes", "2000",
         "--out-dir", str(tmp_path)],
        cwd=ROOT, env={**os.environ, "RASA_TELEMETRY_ENABLED": "false"}, capture_output=True, text=True,
        timeout=300)
    assert done.returncode == 0, done.stderr[-3000:]
    assert "SQLite tracker store" in done.stdout
    report = json.loads((tmp_path / "mining.json").read_text())
    assert (tmp_path / "mining.png").stat().st_size > 0
    [jsonl] = report["sizes"]
    [tracker] = report["tracker"]
    assert jsonl["turns"] == tracker["turns"] == 2000
    assert tracker["events"] > 4 * tracker["turns"]  # user, action, bot, action_listen per turn, and sessions
    for row in (jsonl, tracker):
        assert row["planted_recovered"] > 0 and row["not_planted"] == 0 and not row["habit_learned"]
        assert row["mine_s"] > 0 and row["turns_per_s"] > 0 and row["peak_rss_mb"] > 0
    assert tracker["planted_recovered"] == jsonl["planted_recovered"]
    assert tracker["same_rewrites_as_jsonl"] and tracker["same_counts_as_jsonl"]
    assert tracker["stats"] == jsonl["stats"]
