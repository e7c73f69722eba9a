"""Cross-validated intent accuracy and F1 of the NLU pipeline in rasa_project/config.yml.

    .venv/bin/python benchmarks/bench_nlu_cv.py [--folds 3] [--with-entities] [--config FILE]

Why not `rasa test nlu --cross-validation`: it parses every training
example of every fold as well as the held-out fold, one message at a time;
with the MiniLM featurizer that took half an hour per fold on two cores.
This script makes the same stratified folds, trains each fold's model with
Rasa (`rasa.model_training.train_nlu`, the project's own pipeline) and
parses only the held-out fold. Intents come from the intent classifier
alone (DIET only tags entities here), so by default DIET is left out of the
fold models: the intent figures are the same and each fold trains in a
minute or two. `--with-entities` keeps DIET (slow) and adds entity F1.
Writes artifacts/bench/nlu_cv.json.
"""
from __future__ import annotations

import argparse
import asyncio
import json
import logging
import os
import sys
import tempfile
import time
from pathlib import Path
from typing import Any

import yaml

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
os.environ.setdefault("RASA_TELEMETRY_ENABLED", "false")

from benchmarks.bench_nlu_heldout import parse_all  # noqa: E402


def fold_config(path: Path, with_entities: bool) -> dict[str, Any]:
    config = yaml.safe_load(path.read_text())
    if not with_entities:
        config["pipeline"] = [c for c in config["pipeline"] if c["name"] not in ("DIETClassifier",
                                                                                 "EntitySynonymMapper")]
    config.pop("policies", None)
    return config


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--folds", type=int, default=3)
    ap.add_argument("--with-entities", action="store_true")
    ap.add_argument("--config", type=Path, default=ROOT / "rasa_project" / "config.yml",
                    help="the pipeline to cross-validate (default: the project's); another file compares a "
                         "candidate on the same folds without editing the project's")
    ap.add_argument("--out", type=Path, default=ROOT / "artifacts" / "bench" / "nlu_cv.json")
    args = ap.parse_args()

    from rasa.model_training import train_nlu
    from rasa.shared.nlu.training_data.loading import load_data
    from rasa.shared.nlu.training_data.training_data import TrainingData
    from sklearn.metrics import accuracy_score, classification_report, f1_score
    from sklearn.model_selection import StratifiedKFold

    data = load_data(str(ROOT / "rasa_project" / "data" / "nlu"))
    examples = [m for m in data.intent_examples if m.get("text")]
    labels = [m.get("intent") for m in examples]
    gold: list[str] = []
    predicted: list[str] = []
    started = time.perf_counter()
    with tempfile.TemporaryDirectory() as tmp:
        config = Path(tmp) / "config.yml"
        config.write_text(yaml.safe_dump(fold_config(args.config, args.with_entities)))
        folds = StratifiedKFold(n_splits=args.folds, shuffle=True, random_state=42)
        for k, (train_idx, test_idx) in enumerate(folds.split(examples, labels), start=1):
            t = time.perf_counter()
            train = TrainingData([examples[i] for i in train_idx], entity_synonyms=data.entity_synonyms,
                                 regex_features=data.regex_features, lookup_tables=data.lookup_tables)
            nlu_file = Path(tmp) / f"fold{k}.yml"
            nlu_file.write_text(train.nlu_as_yaml())
            model = train_nlu(str(config), str(nlu_file), output=str(Path(tmp) / f"model{k}"),
                              fixed_model_name=f"fold{k}")
            logging.disable(logging.WARNING)  # Rasa's debug log of every parse costs more than the parse
            parsed = asyncio.run(parse_all(Path(model), [examples[i].get("text") for i in test_idx]))
            logging.disable(logging.NOTSET)
            gold += [labels[i] for i in test_idx]
            predicted += [(p.get("intent") or {}).get("name") or "none" for p in parsed]
            print(f"fold {k}/{args.folds}: {len(train_idx)} train, {len(test_idx)} test, "
                  f"accuracy so far {accuracy_score(gold, predicted):.3f} ({time.perf_counter() - t:.0f}s)",
                  flush=True)
    # F1 over the intents of the data: a message the FallbackClassifier turned into nlu_fallback counts as
    # missed for its intent, but nlu_fallback is not an intent of the data with an F1 of its own.
    intents = sorted(set(gold))
    report = classification_report(gold, predicted, labels=intents, output_dict=True, zero_division=0)
    result = {
        "config": str(args.config), "folds": args.folds, "examples": len(examples), "intents": len(intents),
        "accuracy": round(accuracy_score(gold, predicted), 3),
        "macro_f1": round(f1_score(gold, predicted, labels=intents, average="macro", zero_division=0), 3),
        "weighted_f1": round(f1_score(gold, predicted, labels=intents, average="weighted", zero_division=0), 3),
        "fallback_share": round(predicted.count("nlu_fallback") / max(1, len(predicted)), 3),
        "per_intent_f1": {k: round(v["f1-score"], 3) for k, v in sorted(report.items())
                          if isinstance(v, dict) and k not in ("macro avg", "weighted avg")},
        "seconds": round(time.perf_counter() - started, 1),
        "predictions": [[g, p] for g, p in zip(gold, predicted)],
    }
    args.out.parent.mkdir(parents=True, exist_ok=True)
    args.out.write_text(json.dumps(result, indent=2))
    print(json.dumps({k: v for k, v in result.items() if k != "predictions"}, indent=1))


if __name__ == "__main__":
    main()
