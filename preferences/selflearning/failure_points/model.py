"""The failure point classifier: scikit-learn over trace features, saved with joblib.

A `DictVectorizer` (one-hot for the few categorical features, numbers as
they are) feeds a `HistGradientBoostingClassifier`: gradient-boosted trees
take interactions such as "unresolved *and* a catalog name near *and* the
rephrase respelled it" without hand-made crosses, handle unscaled features,
and predict 100,000 rows in well under a second. The rule labeller's answer
is one input feature (stacking): the model keeps what the rules get right
and learns where they go wrong. Where people labelled real turns, a words
model fitted on those alone (`words.py`) is mixed in.

Trained on generated traffic whose failure points are known
(`generate.py`); `evaluate` gives accuracy, per-class precision and recall
and the confusion matrix, for the model and the rules alike.
"""
from __future__ import annotations

import os
import time
from collections.abc import Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import joblib
import numpy as np
from sklearn.ensemble import HistGradientBoostingClassifier
from sklearn.feature_extraction import DictVectorizer
from sklearn.metrics import accuracy_score, confusion_matrix, precision_recall_fscore_support
from sklearn.pipeline import Pipeline
from threadpoolctl import threadpool_limits

from preferences.selflearning.failure_points.classes import ORDER, FailurePoint
from preferences.selflearning.failure_points.features import features
from preferences.selflearning.failure_points.rules import rule_label, settled
from preferences.selflearning.failure_points.trace import TurnTrace
from preferences.selflearning.failure_points.words import MIX, fit_words, words_proba

# One OpenMP thread: the trees' default of one thread per core spin-waits when the cores are busy (Dask
# workers, Rasa, the next test), and on this 2-core machine that made fitting 16 times slower (70 s
# instead of 4.3 s for 8,000 traces); parallelism comes from Dask's processes instead.
THREADS = 1
MODEL_FORMAT = 11  # bump when the features change: an old file is then refused, not misread
MODEL_ENV = "FAILURE_POINTS_MODEL"


def default_model_path() -> Path:
    """$FAILURE_POINTS_MODEL, else var/models/failure_points.joblib in the project."""
    from preferences.settings import REPO_ROOT

    return Path(os.environ.get(MODEL_ENV) or REPO_ROOT / "var" / "models" / "failure_points.joblib")


def rows(traces: Sequence[TurnTrace]) -> list[dict[str, Any]]:
    return [features(t, rule_label(t).value) for t in traces]


def matrix(vectorizer: DictVectorizer, dicts: Sequence[dict[str, Any]]) -> np.ndarray:
    """`vectorizer.transform(dicts)` for flat dicts of numbers, booleans and strings, three times faster.

    DictVectorizer's own transform handles any mapping and iterable value and
    costs more than the trees' prediction; classifying a day of traffic needs
    only this: a string value is the one-hot column "name=value", anything
    else its number, unknown names and values are ignored (as it does).
    """
    vocabulary, width = vectorizer.vocabulary_, len(vectorizer.vocabulary_)
    out = []
    for d in dicts:
        row = [0.0] * width
        for name, value in d.items():
            if value.__class__ is str:
                j = vocabulary.get(f"{name}{vectorizer.separator}{value}")
                if j is not None:
                    row[j] = 1.0
            else:
                j = vocabulary.get(name)
                if j is not None:
                    row[j] = float(value)
        out.append(row)
    return np.array(out, dtype=vectorizer.dtype)


@dataclass
class FailurePointModel:
    """A fitted pipeline and what it was trained on."""

    pipeline: Pipeline
    info: dict[str, Any] = field(default_factory=dict)
    format: int = MODEL_FORMAT
    words: Pipeline | None = None  # the words model of the turns people labelled; None without any

    def predict(self, traces: Sequence[TurnTrace]) -> list[FailurePoint]:
        if not traces:
            return []
        vectorizer, trees = self.pipeline.steps[0][1], self.pipeline.steps[-1][1]
        with threadpool_limits(THREADS, user_api="openmp"):
            proba = trees.predict_proba(matrix(vectorizer, rows(traces)))
        if self.words is not None:
            proba = (1.0 - MIX) * proba + MIX * words_proba(self.words, traces, list(trees.classes_))
        return [settled(t) or FailurePoint(trees.classes_[k]) for t, k in zip(traces, np.argmax(proba, axis=1))]

    def save(self, path: str | Path) -> Path:
        path = Path(path)
        path.parent.mkdir(parents=True, exist_ok=True)
        joblib.dump(self, path)
        return path

    @classmethod
    def load(cls, path: str | Path) -> FailurePointModel:
        model = joblib.load(path)
        if not isinstance(model, cls) or model.format != MODEL_FORMAT:
            raise ValueError(f"{path}: not a failure point model of format {MODEL_FORMAT}; run `prefs defects train`")
        return model


# Boosting rounds. 30 were enough for generated traffic alone; with the labelled real turns as most of the
# weight (evaluation.GENERATED_TURNS) 60 agreed more with people: 0.799 of their agreement against 0.786,
# leaving one of the first five real sets out at a time (early stopping only runs past 10,000 rows).
ROUNDS = 60


def fit(traces: Sequence[TurnTrace], *, seed: int = 0, max_iter: int = ROUNDS,
        info: dict[str, Any] | None = None, weights: Sequence[float] | None = None,
        words_on: Sequence[TurnTrace] = ()) -> FailurePointModel:
    """Fit on labelled traces (those without a label are left out), each weighted by `weights` if given;
    `words_on`, the real turns people labelled (a part of `traces`), teach the words model, and the rest
    of `traces` (generated) teach it at `words.GENERATED_WEIGHT`.

    `ROUNDS` rounds of 15-leaf trees at a learning rate of 0.3: on generated
    held-out traffic (10k turns) 30 of them scored as 100 rounds of 31 leaves
    at 0.1 (0.9835 against 0.9827 accuracy) and predicted three times faster,
    which the one-minute budget for a day of traffic needs. Weights let a few hundred turns people
    labelled count against thousands of generated ones (`human`).
    """
    if weights is not None and len(weights) != len(traces):
        raise ValueError("one weight per trace")
    chosen = [k for k, t in enumerate(traces) if t.label is not None]
    labelled = [traces[k] for k in chosen]
    if not labelled:
        raise ValueError("no labelled traces to train on")
    started = time.perf_counter()
    pipeline = Pipeline([
        ("features", DictVectorizer(sparse=False)),
        ("trees", HistGradientBoostingClassifier(max_iter=max_iter, learning_rate=0.3, max_leaf_nodes=15,
                                                 l2_regularization=1.0, random_state=seed)),
    ])
    with threadpool_limits(THREADS, user_api="openmp"):
        pipeline.fit(rows(labelled), [t.label.value for t in labelled],  # type: ignore[union-attr]
                     trees__sample_weight=None if weights is None else np.array([weights[k] for k in chosen]))
    real = {id(t) for t in words_on}
    words = fit_words(words_on, [t for t in labelled if id(t) not in real])
    meta = {"traces": len(labelled), "fit_seconds": round(time.perf_counter() - started, 2),
            "words_on": len(words_on) if words is not None else 0, **(info or {})}
    return FailurePointModel(pipeline, meta, words=words)


def evaluate(truth: Sequence[FailurePoint], predicted: Sequence[FailurePoint]) -> dict[str, Any]:
    """Accuracy (all turns, and failed turns only), per-class precision/recall/F1/support, confusion matrix."""
    labels = [p.value for p in ORDER]
    y, p = [t.value for t in truth], [x.value for x in predicted]
    prec, rec, f1, support = precision_recall_fscore_support(y, p, labels=labels, zero_division=0)
    failed = [i for i, t in enumerate(y) if t != FailurePoint.CORRECT.value]
    return {
        "turns": len(y),
        "accuracy": round(float(accuracy_score(y, p)), 4) if y else None,
        "accuracy_failed_turns": round(float(np.mean([y[i] == p[i] for i in failed])), 4) if failed else None,
        "per_class": {label: {"precision": round(float(prec[k]), 4), "recall": round(float(rec[k]), 4),
                              "f1": round(float(f1[k]), 4), "support": int(support[k])}
                      for k, label in enumerate(labels)},
        "labels": labels,
        "confusion": confusion_matrix(y, p, labels=labels).tolist(),
    }


__all__ = ["MODEL_ENV", "ROUNDS", "FailurePointModel", "default_model_path", "evaluate", "fit", "matrix", "rows"]
