"""Failure points on real conversations: the classifier against two independent human labellers.

    .venv/bin/python benchmarks/bench_defects_real.py [--data benchmarks/data/failure_points_real]
    .venv/bin/python benchmarks/bench_defects_real.py --data benchmarks/data/failure_points_real2

Two sets, each written, played and labelled by helpers blind to the classifier. The second (260 turns of
80 conversations, README there) exists because the generator's failure kinds were drawn from the first
set's conversations: the first set no longer judges a generator built from it; the second does.

The data (benchmarks/data/failure_points_real/README.md): 233 user turns of
75 conversations written by a helper who saw neither the training data nor
the classifier, played against the served assistant (its tracker store is
kept); then labelled, each turn, by two more helpers working independently
of each other and of the classifier (labels_a.jsonl, labels_b.jsonl). The
classifier never saw any of it: its model is fitted on generated traffic only
(`train_and_evaluate`, train split seed 1, as `prefs defects train` does).

The classifier judges requests only (complaints, "thanks", "stop" are context
for it); the figures are over the turns both labellers and the classifier
judged, matched by user and wording in conversation order, and, for
completeness, over all turns with every non-request counted as `correct`.

Reported: the labellers' agreement (accuracy, Cohen's kappa); the model's and
the rules' agreement with each labeller and with the turns both labellers
agree on; the ratio of the model's mean agreement with a labeller to the
labellers' agreement with each other (target: at least 0.92); per-class
precision and recall of the model against the agreed labels. Writes
artifacts/bench/defects_<set directory>.json.
"""
from __future__ import annotations

import argparse
import json
import sys
from collections import Counter, defaultdict
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from sklearn.metrics import cohen_kappa_score, precision_recall_fscore_support  # noqa: E402


def _jsonl(path: Path) -> list[dict[str, Any]]:
    return [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines() if line.strip()]


def _agree(a: list[str], b: list[str]) -> float:
    return sum(x == y for x, y in zip(a, b)) / len(a) if a else 0.0


def trained_model(train_turns: int | None, train_on: list[Path], human_weight: float | None) -> Any:
    """The model `prefs defects train` would fit: generated traffic (seed 1), plus the labelled sets given."""
    from preferences.selflearning.failure_points.evaluation import (GENERATED_TURNS, HUMAN_WEIGHT, human_traces,
                                                                    train_and_evaluate)

    model, _ = train_and_evaluate(train_turns=train_turns or GENERATED_TURNS, test_turns=2_000, train_seed=1,
                                  test_seed=2, human=human_traces(train_on),
                                  human_weight=HUMAN_WEIGHT if human_weight is None else human_weight)
    return model


def verdicts_by_turn(data: Path, transcripts: list[dict[str, Any]], model: Any) -> tuple[dict, dict]:
    """(model point, rules point) by transcript id, for the requests the classifier judged."""
    from preferences.selflearning.failure_points.classify import classify
    from preferences.selflearning.failure_points.sources import iter_tracker_raw

    verdicts = classify(list(iter_tracker_raw(f"sqlite:///{data / 'tracker.db'}")), model, scheduler="inline")
    queue: dict[tuple[str, str], list[Any]] = defaultdict(list)
    for v in sorted(verdicts, key=lambda v: (v.user_id, v.ts)):
        queue[(v.user_id, v.text)].append(v)
    model_of, rules_of = {}, {}
    for turn in transcripts:  # in conversation order: the n-th saying of a text is the n-th verdict for it
        found = queue.get((turn["user"], turn["text"]))
        if found:
            v = found.pop(0)
            model_of[turn["id"]], rules_of[turn["id"]] = v.point, v.rule
    return model_of, rules_of


def load_set(data: Path) -> tuple[list[dict[str, Any]], dict[str, str], dict[str, str]]:
    """(transcripts, labeller A's labels by id, labeller B's)."""
    return (_jsonl(data / "transcripts.jsonl"), {r["id"]: r["label"] for r in _jsonl(data / "labels_a.jsonl")},
            {r["id"]: r["label"] for r in _jsonl(data / "labels_b.jsonl")})


def score(transcripts: list[dict[str, Any]], a: dict[str, str], b: dict[str, str], model_of: dict[str, str],
          rules_of: dict[str, str]) -> dict[str, Any]:
    """Agreement of the model and the rules with each labeller, against the labellers' with each other."""
    ids = [t["id"] for t in transcripts if t["id"] in a and t["id"] in b]
    judged = [i for i in ids if i in model_of]
    result: dict[str, Any] = {"turns": len(transcripts), "labelled_by_both": len(ids), "judged_requests": len(judged)}
    for scope, chosen, model, rules in (
            ("requests", judged, [model_of[i] for i in judged], [rules_of[i] for i in judged]),
            ("all_turns", ids, [model_of.get(i, "correct") for i in ids], [rules_of.get(i, "correct") for i in ids])):
        la, lb = [a[i] for i in chosen], [b[i] for i in chosen]
        human = _agree(la, lb)
        agreed = [k for k, i in enumerate(chosen) if a[i] == b[i]]
        row = {
            "labellers_agreement": round(human, 3), "labellers_kappa": round(cohen_kappa_score(la, lb), 3),
            "model_vs_a": round(_agree(model, la), 3), "model_vs_b": round(_agree(model, lb), 3),
            "rules_vs_a": round(_agree(rules, la), 3), "rules_vs_b": round(_agree(rules, lb), 3),
            "agreed_turns": len(agreed),
            "model_vs_agreed": round(_agree([model[k] for k in agreed], [la[k] for k in agreed]), 3),
            "rules_vs_agreed": round(_agree([rules[k] for k in agreed], [la[k] for k in agreed]), 3),
        }
        row["model_share_of_human_agreement"] = round((row["model_vs_a"] + row["model_vs_b"]) / 2 / human, 3) \
            if human else None
        row["rules_share_of_human_agreement"] = round((row["rules_vs_a"] + row["rules_vs_b"]) / 2 / human, 3) \
            if human else None
        truth = [la[k] for k in agreed]
        labels = sorted(set(truth) | {model[k] for k in agreed})
        p, r, _, s = precision_recall_fscore_support(truth, [model[k] for k in agreed], labels=labels,
                                                     zero_division=0)
        row["model_per_class_on_agreed"] = {c: {"precision": round(float(pp), 3), "recall": round(float(rr), 3),
                                                "support": int(ss)} for c, pp, rr, ss in zip(labels, p, r, s)}
        row["labels_a"], row["labels_b"] = dict(Counter(la)), dict(Counter(lb))
        row["model"], row["rules"] = dict(Counter(model)), dict(Counter(rules))
        result[scope] = row
    return result


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--data", type=Path, default=ROOT / "benchmarks" / "data" / "failure_points_real")
    parser.add_argument("--train-turns", type=int, default=None,
                        help="generated turns to train on (default: the library's GENERATED_TURNS)")
    parser.add_argument("--train-on", type=Path, action="append", default=[],
                        help="a set people labelled to train on besides the generated traffic (repeatable; "
                             "never the --data set)")
    parser.add_argument("--human-weight", type=float, default=None,
                        help="how many generated turns each labelled turn counts as (default: the library's)")
    args = parser.parse_args()
    if any(d.resolve() == args.data.resolve() for d in args.train_on):
        raise SystemExit(f"{args.data} is the set being judged: it cannot be trained on too")
    transcripts, a, b = load_set(args.data)
    model = trained_model(args.train_turns, args.train_on, args.human_weight)
    result = {"data": str(args.data), "trained_on_labelled": [str(d) for d in args.train_on],
              "human_weight": model.info.get("human_weight"),
              **score(transcripts, a, b, *verdicts_by_turn(args.data, transcripts, model))}
    out = ROOT / "artifacts" / "bench"
    out.mkdir(parents=True, exist_ok=True)
    (out / f"defects_{args.data.name}.json").write_text(json.dumps(result, indent=2))
    print(json.dumps(result, indent=2))
    req = result["requests"]
    print(f"\n{result['judged_requests']} requests judged: labellers agree on {req['labellers_agreement']:.3f} "
          f"(kappa {req['labellers_kappa']:.3f}); model {req['model_vs_a']:.3f} / {req['model_vs_b']:.3f} "
          f"-> {req['model_share_of_human_agreement']:.3f} of human agreement (target >= 0.92); "
          f"rules {req['rules_share_of_human_agreement']:.3f}")


if __name__ == "__main__":
    main()
