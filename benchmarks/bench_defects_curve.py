"""How much more labelled real data would help the failure-point model: its learning curve over real sets.

    .venv/bin/python benchmarks/bench_defects_curve.py --set benchmarks/data/failure_points_real \
        --set benchmarks/data/failure_points_real2 ... [--draws 3] [--ks 0,1,2,4,7,10,13] \
        [--plot artifacts/bench/defects_curve.png]

For each given set in turn, left out, fit on the generated traffic plus k of
the other sets (k = 0 .. all, `--draws` random choices of which k) and score
on the one left out (the share of the two labellers' agreement that
`bench_defects_real.py` reports). A curve still climbing at its right end
says more labelled conversations are worth writing; a flat one says the
features, not the data, are what is short. How far the data alone would
carry is read off two curves fitted to the means (`extrapolate`): a
logarithm, which never levels off and so answers "how many sets would the
target take" optimistically, and a saturating power law, whose asymptote is
where more sets of this kind stop helping. Only training sets belong here
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


TARGET = 0.92


def extrapolate(rows: list[dict]) -> dict[str, float | None]:
    """Two curves through the mean share at k sets, and what each says about reaching `TARGET`.

    `log`: share = a + b ln(k + 1); `sets_for_target` is where it crosses the
    target (None if it falls). `power`: share = top - gap (k + 1)^-rate, fitted
    by scipy with the top held at or below 1; `top` is its asymptote and
    `sets_for_target` None when the top is below the target. Both are fitted
    from one set up: with none, there is no words model at all, a step of
    another kind than one more set. A handful of noisy points pin neither
    curve down: read them as an order of magnitude.
    """
    import numpy as np
    from scipy.optimize import curve_fit

    k = np.array([r["k"] for r in rows if r["k"] >= 1], dtype=float)
    y = np.array([r["mean"] for r in rows if r["k"] >= 1], dtype=float)
    b, a = np.polyfit(np.log(k + 1), y, 1)
    log_sets = float(np.exp((TARGET - a) / b) - 1) if b > 0 else None
    out: dict[str, float | None] = {"log_a": round(float(a), 4), "log_b": round(float(b), 4),
                                    "log_sets_for_target": None if log_sets is None else round(log_sets, 1)}
    try:
        (top, gap, rate), _ = curve_fit(lambda x, top, gap, rate: top - gap * (x + 1) ** -rate, k, y,
                                        p0=(min(y.max() + 0.05, 1.0), y.max() - y.min(), 0.5),
                                        bounds=([0.0, 0.0, 0.01], [1.0, 1.0, 5.0]), maxfev=20_000)
    except RuntimeError:  # no fit: say so rather than guess
        out.update(power_top=None, power_gap=None, power_rate=None, power_sets_for_target=None)
        return out
    sets = ((gap / (top - TARGET)) ** (1 / rate) - 1) if top > TARGET else None
    out.update(power_top=round(float(top), 4), power_gap=round(float(gap), 4), power_rate=round(float(rate), 4),
               power_sets_for_target=None if sets is None else round(float(sets), 1))
    return out


def plot(rows: list[dict], path: Path, fits: dict[str, float | None] | None = None) -> None:
    import matplotlib

    matplotlib.use("Agg")
    import matplotlib.pyplot as plt

    ks = [r["k"] for r in rows]
    fig, ax = plt.subplots(figsize=(6, 3.6))
    ax.errorbar(ks, [r["mean"] for r in rows], yerr=[r["sd"] for r in rows], marker="o", capsize=3,
                label="model, left-out real set")
    if fits:  # the fitted curves, drawn out to where more sets would be needed
        import numpy as np

        reach = max(ks) * 4
        x = np.linspace(1, reach, 200)  # fitted from one set up (`extrapolate`)
        ax.plot(x, fits["log_a"] + fits["log_b"] * np.log(x + 1), color="tab:orange", linewidth=1,
                label="logarithm fitted")
        if fits.get("power_top") is not None:
            ax.plot(x, fits["power_top"] - fits["power_gap"] * (x + 1) ** -fits["power_rate"], color="tab:green",
                    linewidth=1, label=f"power law fitted (levels at {fits['power_top']:.3f})")
        ks = sorted({k for k in ks if k == 0 or k >= 4} | {reach})  # 1 and 2 would crowd 0 at this scale
    ax.axhline(TARGET, color="grey", linestyle="--", linewidth=1, label=f"target {TARGET}")
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
    parser.add_argument("--ks", default=None,
                        help="comma-separated numbers of other sets to train on (default: every k from 0 to all)")
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
        for k in (range(len(others) + 1) if args.ks is None
                  else sorted({min(int(x), len(others)) for x in args.ks.split(",")})):
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
    fits = extrapolate(rows) if sum(r["k"] >= 1 for r in rows) >= 4 else None
    (out / "defects_curve.json").write_text(json.dumps({"sets": [str(d) for d in args.set], "rows": rows,
                                                        "fits": fits}, indent=2))
    plot(rows, args.plot, fits)
    for r in rows:
        print(f"{r['k']} sets: mean share {r['mean']:.3f} (sd {r['sd']:.3f}, {r['runs']} fits)")
    if fits:
        print(f"logarithm: {fits['log_a']:.3f} + {fits['log_b']:.4f} ln(k+1); {TARGET} at "
              f"{fits['log_sets_for_target']} sets")
        print(f"power law: levels at {fits['power_top']}; {TARGET} at {fits['power_sets_for_target']} sets")
    print(f"plot: {args.plot}")


if __name__ == "__main__":
    main()
