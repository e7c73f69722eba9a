"""Per-turn REST latency of the running assistant, plus training time and NLU quality.

Starts the real Rasa and action servers (fresh SQLite database), sends a
warm-up, then N measured turns spread over several users and all skills,
and prints median and p95. Writes artifacts/bench/turns.json and a
histogram (turns.png).

    .venv/bin/python benchmarks/bench_turns.py [--turns 200] [--nlu-cv]
"""
from __future__ import annotations

import argparse
import json
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from preferences.db import migrate  # noqa: E402
from tests.harness import RunningAssistant, model_path  # noqa: E402

UTTERANCES = [
    "hi", "play some jazz", "what's the weather in Boston", "find me a thai restaurant in Seattle",
    "how did the Yankees do", "any science news", "turn on the living room lights", "is the oven on",
    "set the thermostat to 68", "play something by Miles Davis", "will it rain in Springfield",
    "what can you do", "thanks", "dim the bedroom lights to 20 percent", "what's new in politics",
]


def percentile(values: list[float], q: float) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, int(round(q * (len(ordered) - 1))))]


def measure_turns(assistant: RunningAssistant, turns: int) -> list[float]:
    for i in range(20):  # warm-up: first calls load lazily built objects
        assistant.say(f"warm-{i % 3}", UTTERANCES[i % len(UTTERANCES)])
    latencies = []
    for i in range(turns):
        start = time.perf_counter()
        assistant.say(f"bench-user-{i % 10}", UTTERANCES[i % len(UTTERANCES)])
        latencies.append((time.perf_counter() - start) * 1000)
        if (i + 1) % 50 == 0:
            print(f"  {i + 1}/{turns} turns, median so far {statistics.median(latencies):.1f} ms", flush=True)
    return latencies


def nlu_cross_validation(folds: int) -> dict[str, float]:
    out = Path(tempfile.mkdtemp(prefix="nlu-cv-"))
    subprocess.run([sys.executable, "-m", "rasa", "test", "nlu", "--nlu", "rasa_project/data/nlu",
                    "--config", "rasa_project/config.yml", "--cross-validation", "--folds", str(folds),
                    "--out", str(out)], cwd=ROOT, check=True)
    report = json.loads((out / "intent_report.json").read_text())
    return {"accuracy": report["accuracy"], "macro_f1": report["macro avg"]["f1-score"],
            "weighted_f1": report["weighted avg"]["f1-score"]}


def plot(latencies: list[float], path: Path) -> None:
    import matplotlib
    matplotlib.use("Agg")
    import matplotlib.pyplot as plt
    fig, ax = plt.subplots(figsize=(7, 3.5))
    ax.hist(latencies, bins=40, color="#3b7dd8")
    ax.axvline(statistics.median(latencies), color="k", linestyle="--", label="median")
    ax.axvline(percentile(latencies, 0.95), color="r", linestyle=":", label="p95")
    ax.set_xlabel("REST turn latency (ms)")
    ax.set_ylabel("turns")
    ax.legend()
    fig.tight_layout()
    fig.savefig(path, dpi=110)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--turns", type=int, default=200)
    parser.add_argument("--nlu-cv", action="store_true", help="also run 3-fold NLU cross-validation (slow)")
    parser.add_argument("--folds", type=int, default=3)
    args = parser.parse_args()
    out_dir = ROOT / "artifacts" / "bench"
    out_dir.mkdir(parents=True, exist_ok=True)
    model = model_path()
    train_file = model.with_name(model.name.replace(".tar.gz", ".train-seconds"))
    result: dict[str, object] = {"model": model.name,
                                 "train_seconds": float(train_file.read_text()) if train_file.exists() else None}
    with tempfile.TemporaryDirectory() as tmp:
        url = f"sqlite:///{tmp}/bench.db"
        migrate(url)
        assistant = RunningAssistant(Path(tmp) / "servers", url)
        t0 = time.perf_counter()
        assistant.start()
        result["startup_seconds"] = round(time.perf_counter() - t0, 1)
        try:
            latencies = measure_turns(assistant, args.turns)
        finally:
            assistant.stop()
    result |= {"turns": len(latencies), "median_ms": round(statistics.median(latencies), 2),
               "p95_ms": round(percentile(latencies, 0.95), 2), "max_ms": round(max(latencies), 2)}
    if args.nlu_cv:
        result["nlu_cross_validation"] = nlu_cross_validation(args.folds)
    plot(latencies, out_dir / "turns.png")
    (out_dir / "turns.json").write_text(json.dumps(result, indent=2))
    print(json.dumps(result, indent=2))
    print(f"median {result['median_ms']} ms (target < 60 ms), p95 {result['p95_ms']} ms over {len(latencies)} turns")


if __name__ == "__main__":
    main()
