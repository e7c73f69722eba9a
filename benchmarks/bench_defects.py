"""Failure point isolation: held-out quality (rules vs model) and the time to classify a day of traffic.

    .venv/bin/python benchmarks/bench_defects.py [--turns 100000] [--train-turns 5000] [--no-labelled]
        [--test-turns 10000] [--workers N] [--skip-quality] [--out artifacts/bench/defects.json]

1. Quality. The model `prefs defects train` fits by default: the generator's
   train split (seed 1) and the real sets people labelled (`human.LABELLED_SETS`;
   the words model learns from those; `--no-labelled` leaves them out). It is
   judged, with the rule baseline beside it, on the test split of another
   seed (2): other users, noise operations, templates, answers, complaints
   and values. Prints accuracy (all requests, and failed requests only) and
   per-class precision and recall.
2. Speed. About `--turns` generated turns (test split, seed 3) are written
   to JSON Lines (not timed). Then, timed: read the file, group sessions,
   build every trace (catalog re-resolution included), featurise, predict,
   on Dask's local process pool; wall time, turns/s, CPU seconds, peak RSS
   of this process and of its workers. Runs in its own process after the
   quality step has saved the model, so the RSS is the classification's.
"""
from __future__ import annotations

import argparse
import json
import os
import resource
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))


def quality(train_turns: int, test_turns: int, model_path: Path, labelled: bool) -> dict:
    from preferences.selflearning.failure_points.evaluation import human_traces, train_and_evaluate
    from preferences.selflearning.failure_points.human import default_sets

    human = human_traces(default_sets()) if labelled else []
    model, result = train_and_evaluate(train_turns=train_turns, test_turns=test_turns, train_seed=1, test_seed=2,
                                       human=human)
    model.save(model_path)
    print(f"held-out ({result.setup['test']['requests']} requests; trained on {result.setup['train']['requests']}, "
          f"fit {result.setup['fit_seconds']} s)")
    print(f"{'class':20s} {'rules P':>8s} {'rules R':>8s} {'model P':>8s} {'model R':>8s} {'support':>8s}")
    for label, r in result.rules["per_class"].items():
        m = result.model["per_class"][label]
        print(f"{label:20s} {r['precision']:8.3f} {r['recall']:8.3f} {m['precision']:8.3f} {m['recall']:8.3f} "
              f"{r['support']:8d}")
    for name in ("accuracy", "accuracy_failed_turns"):
        print(f"{name:20s} rules {result.rules[name]:.4f}   model {result.model[name]:.4f}")
    return result.to_json()


def speed(turns: int, model_path: Path, workers: int | None) -> dict:
    """Runs in a fresh process (see `--speed-only`)."""
    from preferences.selflearning.failure_points.classify import classify
    from preferences.selflearning.failure_points.generate import generate_turns
    from preferences.selflearning.failure_points.model import FailurePointModel
    from preferences.selflearning.failure_points.sources import read_raw_jsonl, write_raw_jsonl

    with tempfile.TemporaryDirectory() as tmp:
        path = Path(tmp) / "day.jsonl"
        raws = generate_turns(turns, seed=3, split="test", seconds_per_session=86_400 / max(1, turns // 3))
        n = write_raw_jsonl(raws, path)
        del raws
        load = os.getloadavg()[0]
        cpu0 = os.times()
        started = time.perf_counter()
        model = FailurePointModel.load(model_path)
        read, skipped = read_raw_jsonl(path)
        read_s = time.perf_counter() - started
        verdicts = classify(read, model, workers=workers)
        wall = time.perf_counter() - started
        cpu1 = os.times()
    cpu = (cpu1.user - cpu0.user) + (cpu1.system - cpu0.system) + (cpu1.children_user - cpu0.children_user) + \
        (cpu1.children_system - cpu0.children_system)
    labelled = [v for v in verdicts if v.label is not None]
    accuracy = sum(v.point == v.label for v in labelled) / len(labelled) if labelled else None
    out = {"turns": n, "requests": len(verdicts), "wall_s": round(wall, 2), "read_s": round(read_s, 2),
           "turns_per_s": round(n / wall),
           "cpu_s": round(cpu, 2), "load_before": round(load, 2), "workers": workers or os.cpu_count(),
           "peak_rss_mb": round(resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024, 1),
           "peak_worker_rss_mb": round(resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss / 1024, 1),
           "accuracy_on_this_traffic": round(accuracy, 4) if accuracy is not None else None, "skipped": skipped}
    print(f"classified {n} turns ({len(verdicts)} requests) in {wall:.1f} s (reading {read_s:.1f} s): "
          f"{n / wall:,.0f} turns/s, "
          f"CPU {cpu:.1f} s, peak RSS {out['peak_rss_mb']:.0f} MB (workers {out['peak_worker_rss_mb']:.0f} MB), "
          f"load before {load:.1f}; accuracy on it {out['accuracy_on_this_traffic']}")
    return out


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--turns", type=int, default=100_000)
    parser.add_argument("--train-turns", type=int, default=None, help="default: the library's GENERATED_TURNS")
    parser.add_argument("--no-labelled", action="store_true", help="generated traffic only, no words model")
    parser.add_argument("--test-turns", type=int, default=10_000)
    parser.add_argument("--workers", type=int, default=None)
    parser.add_argument("--skip-quality", action="store_true", help="Reuse the model file of a previous run.")
    parser.add_argument("--speed-only", action="store_true", help=argparse.SUPPRESS)
    parser.add_argument("--model", type=Path, default=ROOT / "artifacts" / "bench" / "defects_model.joblib")
    parser.add_argument("--out", type=Path, default=ROOT / "artifacts" / "bench" / "defects.json")
    args = parser.parse_args()
    os.environ.setdefault("HF_HUB_OFFLINE", "1")
    if args.speed_only:
        print(json.dumps(speed(args.turns, args.model, args.workers)))
        return
    results: dict = {}
    if not args.skip_quality:
        from preferences.selflearning.failure_points.evaluation import GENERATED_TURNS

        results["quality"] = quality(args.train_turns or GENERATED_TURNS, args.test_turns, args.model,
                                     not args.no_labelled)
    cmd = [sys.executable, __file__, "--speed-only", "--turns", str(args.turns), "--model", str(args.model)]
    if args.workers:
        cmd += ["--workers", str(args.workers)]
    done = subprocess.run(cmd, capture_output=True, text=True, check=True)
    lines = done.stdout.strip().splitlines()
    print("\n".join(lines[:-1]))
    results["speed"] = json.loads(lines[-1])
    args.out.parent.mkdir(parents=True, exist_ok=True)
    args.out.write_text(json.dumps(results, indent=2))
    print(f"results: {args.out}")


if __name__ == "__main__":
    main()
