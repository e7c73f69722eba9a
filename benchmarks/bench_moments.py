"""Precision and recall of teachable-moment detection on the labelled snippets.

    .venv/bin/python benchmarks/bench_moments.py [--data benchmarks/data/teachable_moments.jsonl]

Prints precision/recall/F1 for "is this a teachable moment" and per kind at
the detector's configured thresholds, and sweeps the rephrase threshold to
show where the chosen value sits (artifacts/bench/moments.json, moments.png).
"""
from __future__ import annotations

import argparse
import json
import sys
from collections import Counter
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from preferences.moments import REPHRASE_THRESHOLD, MomentDetector, Turn  # noqa: E402

KINDS = ("repeat", "rephrase", "dissatisfaction", "barge_in")


def load(path: Path) -> list[dict[str, Any]]:
    return [json.loads(line) for line in path.read_text().splitlines() if line.strip()]


def to_input(snippet: dict[str, Any]) -> tuple[list[Turn], Turn, str | None]:
    users: list[Turn] = []
    last_bot: str | None = None
    for turn in snippet["turns"][:-1]:
        if turn["speaker"] == "user":
            users.append(Turn(turn["text"], float(turn["t"]), metadata=turn.get("metadata") or {}))
            last_bot = None
        else:
            last_bot = turn["text"]
    final = snippet["turns"][-1]
    return users, Turn(final["text"], float(final["t"]), metadata=final.get("metadata") or {}), last_bot


def predict(detector: MomentDetector, snippets: list[dict[str, Any]]) -> list[str]:
    out = []
    for snippet in snippets:
        moment = detector.detect(*to_input(snippet))
        out.append(moment.kind if moment else "none")
    return out


def scores(gold: list[str], pred: list[str]) -> dict[str, dict[str, float]]:
    def prf(is_pos_gold: list[bool], is_pos_pred: list[bool]) -> dict[str, float]:
        tp = sum(g and p for g, p in zip(is_pos_gold, is_pos_pred))
        fp = sum(p and not g for g, p in zip(is_pos_gold, is_pos_pred))
        fn = sum(g and not p for g, p in zip(is_pos_gold, is_pos_pred))
        precision = tp / (tp + fp) if tp + fp else 1.0
        recall = tp / (tp + fn) if tp + fn else 1.0
        f1 = 2 * precision * recall / (precision + recall) if precision + recall else 0.0
        return {"precision": round(precision, 3), "recall": round(recall, 3), "f1": round(f1, 3),
                "support": sum(is_pos_gold)}

    result = {"any_moment": prf([g != "none" for g in gold], [p != "none" for p in pred])}
    for kind in KINDS:
        result[kind] = prf([g == kind for g in gold], [p == kind for p in pred])
    return result


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--data", type=Path, default=ROOT / "benchmarks" / "data" / "teachable_moments.jsonl")
    parser.add_argument("--no-sweep", action="store_true")
    args = parser.parse_args()
    snippets = load(args.data)
    gold = [s["label"] for s in snippets]
    detector = MomentDetector()
    pred = predict(detector, snippets)
    result: dict[str, Any] = {"snippets": len(snippets), "labels": dict(Counter(gold)),
                              "rephrase_threshold": REPHRASE_THRESHOLD, "scores": scores(gold, pred)}
    result["errors"] = [{"id": s["id"], "gold": g, "predicted": p}
                        for s, g, p in zip(snippets, gold, pred) if g != p]
    if not args.no_sweep:
        sweep = []
        for step in range(30, 86, 5):
            detector.rephrase_threshold = step / 100
            s = scores(gold, predict(detector, snippets))
            sweep.append({"threshold": step / 100, "any_moment_f1": s["any_moment"]["f1"],
                          "rephrase_precision": s["rephrase"]["precision"], "rephrase_recall": s["rephrase"]["recall"],
                          "rephrase_f1": s["rephrase"]["f1"]})
            print(f"  threshold {step / 100:.2f}: rephrase P={s['rephrase']['precision']:.3f} "
                  f"R={s['rephrase']['recall']:.3f} F1={s['rephrase']['f1']:.3f}, any-moment F1={s['any_moment']['f1']:.3f}",
                  flush=True)
        result["sweep"] = sweep
        plot(sweep, ROOT / "artifacts" / "bench" / "moments.png")
    out = ROOT / "artifacts" / "bench" / "moments.json"
    out.parent.mkdir(parents=True, exist_ok=True)
    out.write_text(json.dumps(result, indent=2))
    for name, s in result["scores"].items():
        print(f"{name:16s} precision {s['precision']:.3f}  recall {s['recall']:.3f}  f1 {s['f1']:.3f}  (n={s['support']})")
    print(f"{len(result['errors'])} of {len(snippets)} snippets misclassified; details in {out}")


def plot(sweep: list[dict[str, float]], path: Path) -> None:
    import matplotlib
    matplotlib.use("Agg")
    import matplotlib.pyplot as plt
    xs = [s["threshold"] for s in sweep]
    fig, ax = plt.subplots(figsize=(7, 3.5))
    for key, label in (("rephrase_precision", "rephrase precision"), ("rephrase_recall", "rephrase recall"),
                       ("any_moment_f1", "any-moment F1")):
        ax.plot(xs, [s[key] for s in sweep], marker="o", label=label)
    ax.axvline(REPHRASE_THRESHOLD, color="k", linestyle="--", label="chosen")
    ax.set_xlabel("rephrase similarity threshold (cosine)")
    ax.set_ylim(0, 1.02)
    ax.legend(loc="lower left")
    fig.tight_layout()
    path.parent.mkdir(parents=True, exist_ok=True)
    fig.savefig(path, dpi=110)


if __name__ == "__main__":
    main()
