"""How much more labelled real data would help the failure-point model: its learning curve over real sets.

    .venv/bin/python benchmarks/bench_defects_curve.py --set benchmarks/data/failure_points_real \
        --set benchmarks/data/failure_points_real2 ... [--draws 3] [--plot artifacts/bench/defects_curve.png]

For each given set in turn, left out, fit on the generated traffic plus k of
the other sets (k = 0 .. all, `--draws` random choices of which k) and score
on the one left out (the share of the two labellers' agreement that
`bench_defects_real.py` reports). A curve still climbing at its right end
says more labelled conversations are worth writing; a flat one says the
features, not the data, are what is short. Only training sets belong here
(`human.LABELLED_SETS`): the held-out judges are never fitted or scored
by this script. Writes artifacts/bench/defects_curve.json and a plot.
"""
from __future__ import annotations

import argparse
import json
import random
import sys
from itertools import combinations
from pathlib import Path
from statistics import mean, pstdev

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "benchmarks"))

from bench_defects_real import load_set, score, verdicts_by_turn  # noqa: E402


def choices(others: list[Path], k: int, draws: int, rng: random.Random) -> list[tuple[Path, ...]]:
    """Up to `draws` different k-subsets of `others` (all of them when there are fewer)."""
    every = list(combinations(others, k))
    rng.shuffle(every)
    return every[:draws]


def plot(rows: list[dict], path: Path) -> None:
    import matplotlib

    matplotlib.use("Agg")
    import matplotlib.pyplot as plt

    ks = [r["k"] for r in rows]
    fig, ax = plt.subplots(figsize=(6, 3.6))
    ax.errorbar(ks, [r["mean"] for r in rows], yerr=[r["sd"] for r in rows], marker="o", capsize=3,
                label="model, left-out real set")
    ax.axhline(0.92, color="grey", linestyle="--", linewidth=1, label="target 0.92")
    ax.set_xlabel("labelled real sets trained on (besides generated traffic)")
    ax.set_ylabel("share of labellers' agreement")
    ax.set_xticks(ks)
    ax.legend(loc="lower right")
    ax.set_title("Failure points: learning curve over real labelled sets")
    fig.tight_layout()
    path.parent.mkdir(parents=True, exist_ok=True)
    fig.savefig(path, dpi=120)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--set", type=Path, action="append", required=True, help="a labelled training set (repeatable)")
    parser.add_argument("--draws", type=int, default=3, help="random choices of the k sets per left-out set")
    parser.add_argument("--seed", type=int, default=0)
    parser.add_argument("--plot", type=Path, default=ROOT / "artifacts" / "bench" / "defects_curve.png")
    args = parser.parse_args()
    if len(args.set) < 2:
        raise SystemExit("a learning curve needs two sets or more")
    from preferences.selflearning.failure_points.classify import warm
    from preferences.selflearning.failure_points.evaluation import (GENERATED_TURNS, HUMAN_WEIGHT, human_traces,
                                                                    labelled_traces)
    from preferences.selflearning.failure_points.model import fit

    warm()
    rng = random.Random(args.seed)
    generated = labelled_traces(GENERATED_TURNS, 1, "train")
    human = {d: human_traces([d]) for d in args.set}
    sets = {d: load_set(d) for d in args.set}
    shares: dict[int, list[float]] = {}
    for left_out in args.set:
        others = [d for d in args.set if d != left_out]
        transcripts, a, b = sets[left_out]
        for k in range(len(others) + 1):
            for chosen in choices(others, k, args.draws, rng):
                extra = [t for d in chosen for t in human[d]]
                model = fit([*generated, *extra], weights=[1.0] * len(generated) + [HUMAN_WEIGHT] * len(extra),
                            words_on=extra)
                share = score(transcripts, a, b, *verdicts_by_turn(left_out, transcripts, model))["requests"][
                    "model_share_of_human_agreement"]
                shares.setdefault(k, []).append(share)
                print(f"left out {left_out.name}, trained on {k} sets ({len(extra)} labelled requests): "
                      f"{share:.3f}", flush=True)
    rows = [{"k": k, "mean": round(mean(v), 3), "sd": round(pstdev(v), 3), "runs": len(v)}
            for k, v in sorted(shares.items())]
    out = ROOT / "artifacts" / "bench"
    out.mkdir(parents=True, exist_ok=True)
    (out / "defects_curve.json").write_text(json.dumps({"sets": [str(d) for d in args.set], "rows": rows}, indent=2))
    plot(rows, args.plot)
    for r in rows:
        print(f"{r['k']} sets: mean share {r['mean']:.3f} (sd {r['sd']:.3f}, {r['runs']} fits)")
    print(f"plot: {args.plot}")


if __name__ == "__main__":
    main()
