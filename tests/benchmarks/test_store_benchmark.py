"""The benchmark script runs end to end at tiny size and reports every figure (no timing assertions)."""
from __future__ import annotations

import json
import os
import subprocess
import sys

import pytest

from preferences.db import REPO_ROOT


@pytest.mark.postgres
def test_benchmark_smoke(pg_server, tmp_path):
    out = tmp_path / "bench.json"
    done = subprocess.run(
        [sys.executable, str(REPO_ROOT / "benchmarks" / "bench_store.py"), "--users", "1000", "--prefs", "10000",
         "--reads", "100", "--writers", "8", "--write-seconds", "1", "--out", str(out)],
        env={**os.environ, "PYTHONPATH": str(REPO_ROOT)}, capture_output=True, text=True, timeout=180)
    assert done.returncode == 0, done.stderr[-2000:]
    assert "read p95" in done.stdout and "writes/s" in done.stdout
    report = json.loads(out.read_text())
    assert report["config"]["prefs"] == 10000 and report["config"]["writers"] == 8
    for kind in ("sqlite", "postgresql"):
        r = report["results"][kind]
        assert r["read"]["n"] == 100 and r["read"]["mean_preferences_per_user"] == 10
        assert 0 < r["read"]["p50_ms"] <= r["read"]["p95_ms"] <= r["read"]["p99_ms"]
        assert r["write"]["writers"] == 8 and r["write"]["writes"] > 0 and r["write"]["writes_per_second"] > 0
