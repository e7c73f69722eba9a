"""Choose how much a turn people labelled counts against generated ones, without touching a held-out set.

    .venv/bin/python benchmarks/tune_defects_human.py \
        --set benchmarks/data/failure_points_real --set benchmarks/data/failure_points_real2 [--weights 0,3,10,30,100]

Leave one set out: for each weight, fit on the generated traffic plus every
given set but one, and score on the one left out (the share of the two
labellers' agreement that `bench_defects_real.py` reports). The sets given
here are tuned on; the figure that judges the chosen weight comes from a set
not given here (`bench_defects_real.py --data <that set> --train-on ...`).
Writes artifacts/bench/defects_tune.json.
"""
from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path
from statistics import mean

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "benchmarks"))

from bench_defects_real import load_set, score, verdicts_by_turn  # noqa: E402


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--set", type=Path, action="append", required=True, help="a labelled set (repeatable)")
    parser.add_argument("--weights", default="0,3,10,30,100")
    parser.add_argument("--train-turns", type=int, default=None,
                        help="generated turns to train on (default: the library's GENERATED_TURNS)")
    args = parser.parse_args()
    if len(args.set) < 2:
        raise SystemExit("leave-one-set-out needs two sets or more")
    from preferences.selflearning.failure_points.classify import warm
    from preferences.selflearning.failure_points.evaluation import GENERATED_TURNS, human_traces, labelled_traces
    from preferences.selflearning.failure_points.model import fit

    warm()
    generated = labelled_traces(args.train_turns or GENERATED_TURNS, 1, "train")
    human = {d: human_traces([d]) for d in args.set}
    sets = {d: load_set(d) for d in args.set}
    rows = []
    for weight in (float(w) for w in args.weights.split(",")):
        shares = {}
        for left_out in args.set:
            extra = [t for d in args.set if d != left_out for t in human[d]]
            model = fit([*generated, *extra], weights=[1.0] * len(generated) + [weight] * len(extra),
                        words_on=extra)
            transcripts, a, b = sets[left_out]
            req = score(transcripts, a, b, *verdicts_by_turn(left_out, transcripts, model))["requests"]
            shares[left_out.name] = req["model_share_of_human_agreement"]
            print(f"weight {weight:>6}: left out {left_out.name}: {req['model_share_of_human_agreement']:.3f} "
                  f"of human agreement (model vs agreed {req['model_vs_agreed']:.3f}; "
                  f"trained on {len(extra)} labelled requests)", flush=True)
        rows.append({"weight": weight, "shares": shares, "mean": round(mean(shares.values()), 3)})
    best = max(rows, key=lambda r: r["mean"])
    out = ROOT / "artifacts" / "bench"
    out.mkdir(parents=True, exist_ok=True)
    (out / "defects_tune.json").write_text(json.dumps({"sets": [str(d) for d in args.set], "rows": rows,
                                                       "best": best}, indent=2))
    for r in rows:
        print(f"weight {r['weight']:>6}: mean {r['mean']:.3f}  {r['shares']}")
    print(f"best weight {best['weight']} (mean share {best['mean']:.3f}, tuned on these sets)")


if __name__ == "__main__":
    main()
