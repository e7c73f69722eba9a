"""Real conversations labelled by people, as training data beside the generated traffic.

Generated traffic knows its failure points but not how real ones look: on
real conversations a model fitted on it alone agreed with people about half
as often as they agree with each other (docs/failure-points.md). A few
hundred turns that two people labelled carry what the generator cannot: which
real answers people count as failures, and at which part.

A labelled set is a directory holding what the assistant logged
(`tracker.db`, Rasa's SQL tracker store, or `turns.jsonl`, the JSON Lines log
that `prefs log export` writes) and the people's labels: `labels_a.jsonl` and
`labels_b.jsonl` (two labellers working apart; a turn gets a label only where
they agree) or a single `labels.jsonl`. A label line is
``{"id": "<user>#<n>", "label": "<failure point>"}``; the id is the user and
the turn's place among that user's turns, as `transcripts.jsonl` numbers
them. Every logged turn is kept, labelled or not: the unlabelled ones are the
context (the next turn, the rephrase) that the labelled ones are read with.
"""
from __future__ import annotations

import json
from collections import defaultdict
from collections.abc import Sequence
from dataclasses import replace
from pathlib import Path
from typing import Any

from preferences.selflearning.failure_points.classes import FailurePoint
from preferences.selflearning.failure_points.sources import iter_tracker_raw, read_raw_jsonl
from preferences.selflearning.failure_points.trace import RawTurn

_POINTS = {p.value: p for p in FailurePoint}
# Real conversations two people labelled apart (benchmarks/data/*/README.md, with the written convention of
# benchmarks/data/failure_points_labelling.md), trained on by default. Each set judged the model once before it
# joined (docs/failure-points.md). All twelve were labelled again after rules 4 and 7 of the convention were
# settled (a function the assistant lacks inside its domains is result; a namesake the next message corrects
# is entity_resolution), which let the eleventh and twelfth join. The thirteenth, labelled with the settled
# rules from the start, joined after it had judged the classifier three times, and the fourteenth and the
# fifteenth each after it had judged it once (docs/failure-points.md).
LABELLED_SETS = ("failure_points_real", *(f"failure_points_real{n}" for n in range(2, 16)))


def default_sets() -> list[Path]:
    """The labelled sets of `LABELLED_SETS` that this checkout has."""
    from preferences.settings import REPO_ROOT

    return [d for d in (REPO_ROOT / "benchmarks" / "data" / n for n in LABELLED_SETS) if d.is_dir()]


def _jsonl(path: Path) -> list[dict[str, Any]]:
    return [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines() if line.strip()]


def agreed_labels(directory: str | Path) -> dict[str, FailurePoint]:
    """The label of each turn id both labellers gave alike (or the single labeller's), unknown labels left out."""
    directory = Path(directory)
    single = directory / "labels.jsonl"
    if single.is_file():
        chosen = {r["id"]: r["label"] for r in _jsonl(single)}
    else:
        a = {r["id"]: r["label"] for r in _jsonl(directory / "labels_a.jsonl")}
        b = {r["id"]: r["label"] for r in _jsonl(directory / "labels_b.jsonl")}
        chosen = {i: label for i, label in a.items() if b.get(i) == label}
    return {i: _POINTS[label] for i, label in chosen.items() if label in _POINTS}


def logged_turns(directory: str | Path) -> list[RawTurn]:
    """The set's logged turns, in time order: its tracker store, else its JSON Lines log."""
    directory = Path(directory)
    tracker, log = directory / "tracker.db", directory / "turns.jsonl"
    if tracker.is_file():
        raws = list(iter_tracker_raw(f"sqlite:///{tracker}"))
    elif log.is_file():
        raws, _ = read_raw_jsonl(log)
    else:
        raise FileNotFoundError(f"{directory}: no tracker.db or turns.jsonl")
    return sorted(raws, key=lambda r: (r.turn.ts, r.turn.user_id))


def label_turns(raws: Sequence[RawTurn], labels: dict[str, FailurePoint],
                texts: dict[str, str] | None = None) -> list[RawTurn]:
    """`raws` with the label of their id ("<user>#<n>", n counting that user's turns from 1) set.

    With `texts` (the transcript's words by id), a turn whose logged words differ is left unlabelled: a
    turn the log lost would otherwise shift every later label of that user onto the wrong turn.
    """
    seen: dict[str, int] = defaultdict(int)
    out = []
    for raw in raws:
        seen[raw.turn.user_id] += 1
        turn_id = f"{raw.turn.user_id}#{seen[raw.turn.user_id]}"
        label = labels.get(turn_id)
        if texts is not None and texts.get(turn_id, "").strip() != raw.turn.text.strip():
            label = None
        out.append(replace(raw, label=label) if label is not None else raw)
    return out


def load_labelled_set(directory: str | Path) -> list[RawTurn]:
    """Every logged turn of a labelled set, those people agreed on carrying their label."""
    transcripts = Path(directory) / "transcripts.jsonl"
    texts = {r["id"]: r["text"] for r in _jsonl(transcripts)} if transcripts.is_file() else None
    return label_turns(logged_turns(directory), agreed_labels(directory), texts)


__all__ = ["LABELLED_SETS", "agreed_labels", "default_sets", "label_turns", "load_labelled_set", "logged_turns"]
