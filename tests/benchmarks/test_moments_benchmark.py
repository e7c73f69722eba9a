"""The labelled set keeps the detector honest: a regression below these floors fails the suite."""
from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]


def test_detection_quality_on_the_labelled_snippets() -> None:
    subprocess.run([sys.executable, "benchmarks/bench_moments.py", "--no-sweep"], cwd=ROOT, check=True,
                   capture_output=True)
    result = json.loads((ROOT / "artifacts" / "bench" / "moments.json").read_text())
    assert result["snippets"] >= 150
    scores = result["scores"]
    assert scores["any_moment"]["precision"] >= 0.9 and scores["any_moment"]["recall"] >= 0.9
    for kind in ("repeat", "rephrase", "dissatisfaction", "barge_in"):
        assert scores[kind]["f1"] >= 0.85, (kind, scores[kind])
