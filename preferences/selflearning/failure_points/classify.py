"""Classifying many turns: traces built and judged per session, on Dask like the miner.

    verdicts = classify(raw_turns, model)          # Dask, the local process pool
    verdicts = classify(raw_turns, model, scheduler="inline")   # this process only

A trace needs its whole session (the next turn, the successful rephrase),
so the unit of work is a session: the raw turns are grouped by session
here, the sessions cut into a few partitions per worker, and each partition
is traced, featurised and predicted in one task. The model travels to each
task once (a few hundred kB); what comes back is one small `Verdict` per
request, not the traces. Sessions are independent, so the result does not
depend on partitioning or scheduling: the Dask path equals the inline one.

The catalogs are loaded before the pool forks (`warm`), so workers start
with the gazetteer and the reference catalogs already in memory.
"""
from __future__ import annotations

import os
import uuid
from collections.abc import Iterable, Sequence
from typing import NamedTuple

import dask
from dask.delayed import delayed

from preferences.selflearning.failure_points.model import FailurePointModel
from preferences.selflearning.failure_points.resolve import resolve, vocabulary
from preferences.selflearning.failure_points.rules import rule_label
from preferences.selflearning.failure_points.sources import sessions_of
from preferences.selflearning.failure_points.trace import RawTurn, TurnTrace, build_session
from preferences.selflearning.settings import MiningSettings

INLINE_BELOW = 2_000  # sessions (about 6,000 turns: 1-2 s inline, as long as starting two forked workers)


class Verdict(NamedTuple):
    """The failure point of one request (and what the rules said), with what a report groups by."""

    user_id: str
    session_id: str
    ts: float
    text: str
    intent: str | None
    outcome: str
    point: str  # FailurePoint value: the model's, or the rules' without a model
    rule: str  # FailurePoint value by the rules
    label: str | None  # the true point, when the traffic is labelled


def warm() -> None:
    """Load every catalog the resolver reads (once per process; before forking workers)."""
    for entity, value in (("city", "portland"), ("genre", "jazz"), ("artist", "adele"), ("cuisine", "thai"),
                          ("team", "giants"), ("news_topic", "tech"), ("units", "celsius")):
        resolve(entity, value)
        vocabulary(entity)
    from preferences.selflearning.failure_points.features import expected_action

    expected_action("play_music")


def trace_all(sessions: Iterable[Sequence[RawTurn]], settings: MiningSettings | None = None) -> list[TurnTrace]:
    settings = settings or MiningSettings()
    return [trace for session in sessions for trace in build_session(session, settings)]


def judge(traces: Sequence[TurnTrace], model: FailurePointModel | None) -> list[Verdict]:
    rules = [rule_label(t).value for t in traces]
    points = [p.value for p in model.predict(traces)] if model is not None else rules
    return [Verdict(t.user_id, t.session_id, t.ts, t.text, t.intent, t.outcome, point, rule,
                    t.label.value if t.label else None) for t, point, rule in zip(traces, points, rules)]


class _Chunk:
    """Sessions for one task, opaque to Dask.

    Dask walks lists and tuples given to a task looking for other Dask
    objects, and hashes them to name the task: over 100,000 frozen
    dataclasses that cost several times the classification itself. An object
    it does not look into, with a name given, costs nothing.
    """

    def __init__(self, sessions: Sequence[Sequence[RawTurn]]) -> None:
        self.sessions = sessions


def _partition(chunk: _Chunk, model: FailurePointModel | None, settings: MiningSettings) -> list[Verdict]:
    return judge(trace_all(chunk.sessions, settings), model)


def classify(raws: Iterable[RawTurn], model: FailurePointModel | None, *, scheduler: str | None = None,
             workers: int | None = None, partitions: int | None = None,
             settings: MiningSettings | None = None) -> list[Verdict]:
    """A verdict per request of `raws` (any order), sorted by session and time.

    `scheduler`: "inline" (no Dask), or a Dask local scheduler ("processes";
    "threads"; "sync"); by default "processes", or "inline" below
    `INLINE_BELOW` sessions, where starting workers costs more than the work.
    `model` None classifies with the rules.
    """
    settings = settings or MiningSettings()
    sessions = sessions_of(raws)
    warm()
    if scheduler is None and len(sessions) < INLINE_BELOW:
        scheduler = "inline"
    if scheduler == "inline":
        verdicts = _partition(_Chunk(sessions), model, settings)
    else:
        n_workers = workers or os.cpu_count() or 1
        parts = max(1, min(len(sessions), partitions or 4 * n_workers))
        run = delayed(_partition, pure=False)
        model_key, tasks = delayed(model, name=f"fp-model-{uuid.uuid4().hex}"), []
        for k in range(parts):
            tasks.append(run(_Chunk(sessions[k::parts]), model_key, settings,
                             dask_key_name=f"fp-{k}-{uuid.uuid4().hex}"))
        if (scheduler or "processes") == "processes":
            from preferences.selflearning.miner import ONE_TASK_PER_BATCH, _process_pool  # the miner's pool

            with _process_pool(n_workers) as pool:
                parts_out = dask.compute(*tasks, scheduler="processes", pool=pool, chunksize=ONE_TASK_PER_BATCH)
        else:
            parts_out = dask.compute(*tasks, scheduler=scheduler, num_workers=n_workers)
        verdicts = [v for part in parts_out for v in part]
    return sorted(verdicts, key=lambda v: (v.session_id, v.ts, v.user_id))


__all__ = ["Verdict", "classify", "judge", "trace_all", "warm"]
