"""The mining pass: turn log in, precomputed rewrites out, on Dask.

    result = mine_jsonl("turns.jsonl")              # or mine(partitions) / mine(a dask.bag)
    for rewrite in result.rewrites: ...

How it runs, and why:

1. Spill (`spill`): a hash shuffle on disk by session id, so a session's
   turns meet in one bucket however the input was ordered or partitioned,
   and nothing holds the whole log. A JSON Lines file is read in byte
   ranges by parallel tasks; an iterable of partitions is consumed one
   partition at a time in this process (its objects are already here,
   shipping them to workers would cost as much as spilling them); a
   dask.bag spills in its own tasks.
2. Count. A couple of tasks per worker each take a share of the buckets,
   group every bucket's turns by session, label them (`outcome`), walk the
   chains (`chains`) and count edges, own success, end-to-end pairs and
   spellings (`counting.Tally`). The few tallies are summed here: shipping
   a tally costs more than adding it, so there is no merge tree. Sums and
   unions do not depend on order, so the result does not depend on
   partitioning or scheduling.
3. Solve. The pooled chain is built from edges that meet the support and
   solved per component for the candidate sources only (`markov`).

Dask runs steps 1-2 on the local process pool by default; given
`scheduler_address` (the CLI's --scheduler-address, DASK_SCHEDULER_ADDRESS
for the served jobs), the same graph runs on a `dask.distributed` cluster,
which then needs `spill_dir` on a file system every worker shares (dask and
distributed are pinned to 2023.6.1 for this: docs/pins.md). Worker
processes are forked when nothing else runs in the calling process, else
spawned; spawned workers import the caller's main module, so a script that
mines must do so under ``if __name__ == "__main__":``.
"""
from __future__ import annotations

import logging
import multiprocessing as mp
import os
import threading
import time
from collections import defaultdict
from collections.abc import Iterable, Iterator, Mapping
from concurrent.futures import ProcessPoolExecutor
from contextlib import contextmanager
from dataclasses import asdict, dataclass
from pathlib import Path
from typing import Any

import dask
from dask.delayed import Delayed, delayed

from preferences.selflearning import markov
from preferences.selflearning.counting import Tally, merge_all, most_frequent
from preferences.selflearning.jsonl import MAX_FUTURE_SECONDS, MAX_LINE_BYTES, ReadReport
from preferences.selflearning.settings import MiningSettings
from preferences.selflearning.spill import (no_cycle_collection, read_bucket, spill_iterable, spill_jsonl_range,
                                            spill_partition, spill_root)
from preferences.selflearning.turns import LoggedTurn, TurnRow

log = logging.getLogger(__name__)

# Dask's process scheduler (since 2022.x) sends ready tasks to a worker in batches of `chunksize`
# (default 6): with 8 spill tasks and 4 count tasks, one worker got 6 + 4 of them and the other 2, so
# two workers mined 1M turns barely faster than one (18.2 s vs 19.7 s). The tasks are few and long:
# one per batch keeps both cores busy.
ONE_TASK_PER_BATCH = 1
DEFAULT_BUCKETS = 32  # 1M turns -> ~30k per counting task: small enough for memory, enough tasks for balance
BUCKET_BYTES = 8 << 20  # mine_jsonl: about one bucket per 8 MiB of log beyond that


@dataclass(frozen=True)
class MinedRewrite:
    """One precomputed rewrite and the evidence for it."""

    source_key: str  # the request key looked up at run time
    source_text: str  # its most frequent spelling
    target_key: str
    target_text: str  # what NLU will be given: the target's most frequent spelling
    probability: float  # absorption probability of "succeeded as target" from the source
    own_success_rate: float  # how often the source succeeded as it was
    edge_count: int  # chains in which the source led to success as the target
    distinct_users: int  # users behind those chains
    evidence_users: tuple[str, ...]  # the first (sorted) of them, at most MiningSettings.max_evidence_users

    @property
    def evidence_complete(self) -> bool:
        """True if every contributing user is listed (see MiningSettings.max_evidence_users)."""
        return len(self.evidence_users) == self.distinct_users

    def cites(self, user_id: str) -> bool:
        """True if forgetting this user may change the rewrite, so it must be re-checked."""
        return user_id in self.evidence_users

    def to_json(self) -> dict[str, Any]:
        out = asdict(self)
        out["evidence_users"] = list(self.evidence_users)
        return out


@dataclass(frozen=True)
class MiningResult:
    """The accepted rewrites (sorted by source key) and what the pass saw and decided."""

    rewrites: list[MinedRewrite]
    stats: dict[str, Any]

    def citing(self, user_id: str) -> list[MinedRewrite]:
        """Rewrites to re-check after forgetting `user_id`."""
        return [r for r in self.rewrites if r.cites(user_id)]


# --- count -------------------------------------------------------------------------------------

def _count_buckets(root: Path, buckets: list[int], settings: MiningSettings, _after: Any = None) -> Tally:
    """One tally for several buckets (`_after` only orders the task after the spill)."""
    tally = Tally(settings)
    with no_cycle_collection():
        for bucket in buckets:
            sessions: dict[tuple[str, str], list[TurnRow]] = defaultdict(list)
            for row in read_bucket(root / f"b{bucket:05d}"):
                sessions[(row.session_id, row.user_id)].append(row)
            for session in sessions.values():
                tally.add_session(session)
    return tally


def _counting(root: Path, buckets: int, settings: MiningSettings, workers: int | None, after: Any
              ) -> list[Delayed]:
    """Count tasks, a couple per worker: fewer tallies to ship back (the caller sums them)."""
    groups = max(1, min(buckets, 2 * (workers or os.cpu_count() or 1)))
    return [delayed(_count_buckets)(root, list(range(g, buckets, groups)), settings, after) for g in range(groups)]


# --- solve -------------------------------------------------------------------------------------

def _solve(tally: Tally, settings: MiningSettings) -> tuple[list[MinedRewrite], dict[str, Any]]:
    edges = {edge: (count, len(users)) for edge, (count, users) in tally.edges.items()}
    chain = markov.build_chain(edges, settings)
    k, m = settings.min_edge_count, settings.min_edge_users
    supported = {pair: value for pair, value in tally.pairs.items() if value[0] >= k and len(value[1]) >= m}
    own = {key: ok / n for key, (n, ok) in tally.own.items() if n}
    candidates = sorted({src for src, _ in supported})
    choices, why = markov.choose_rewrites(chain, own, lambda s, t: (s, t) in supported, settings, candidates)
    rewrites = []
    for c in choices:
        count, users = supported[(c.source, c.target)]
        rewrites.append(MinedRewrite(
            c.source, most_frequent(tally.surface.get(c.source), c.source),
            c.target, most_frequent(tally.surface.get(c.target), c.target),
            round(c.probability, 6), round(c.own_success_rate, 6), count, len(users),
            tuple(sorted(users)[:settings.max_evidence_users])))
    stats = {"states": len(chain.states), "edges_seen": chain.edges_seen, "edges_kept": chain.edges_kept,
             "supported_pairs": len(supported), "candidates": len(candidates), **why}
    return rewrites, stats


# --- the pass ----------------------------------------------------------------------------------

@contextmanager
def _process_pool(workers: int | None) -> Iterator[ProcessPoolExecutor]:
    """Dask's local process pool, forked when that is safe.

    Forked workers inherit the imported modules and start at once; spawned
    ones import everything again (and the caller's main module), which cost
    a fifth more CPU on 1M turns. Forking a process that runs other threads
    can deadlock on a lock one of them held, so with any other thread alive
    (a server, a scheduler) the workers are spawned, as Dask does by default.
    """
    method = "fork" if threading.active_count() == 1 and "fork" in mp.get_all_start_methods() else "spawn"
    pool = ProcessPoolExecutor(workers or os.cpu_count() or 1, mp_context=mp.get_context(method))
    try:
        pool.submit(int).result()  # start the workers now, before a progress bar starts its thread
        yield pool
    finally:
        pool.shutdown()


@contextmanager
def _progress(on: bool) -> Iterator[None]:
    if not on:
        yield
        return
    from dask.diagnostics import ProgressBar

    with ProgressBar(dt=1.0):
        yield


def _count(root: Path, buckets: int, settings: MiningSettings, spilled: list[Delayed] | None, *,
           scheduler: str | None, scheduler_address: str | None, workers: int | None, progress: bool
           ) -> tuple[Tally, list[ReadReport]]:
    """Run the spill tasks (if any) and the count tasks in one Dask computation; sum the tallies here."""
    graphs = (_counting(root, buckets, settings, workers, spilled), spilled)
    if scheduler_address:
        from dask.distributed import Client  # imported only when a cluster is used

        with Client(scheduler_address) as client:
            tallies, reports = dask.compute(*graphs, scheduler=client)
    elif (scheduler or "processes") == "processes":
        with _process_pool(workers) as pool, _progress(progress):
            tallies, reports = dask.compute(*graphs, scheduler="processes", pool=pool, chunksize=ONE_TASK_PER_BATCH)
    else:
        options: dict[str, Any] = {"num_workers": workers} if workers else {}
        with _progress(progress):
            tallies, reports = dask.compute(*graphs, scheduler=scheduler, **options)
    return merge_all(tallies, settings), list(reports or [])


def _finish(tally: Tally, reports: list[ReadReport], settings: MiningSettings, timings: dict[str, float],
            started: float, buckets: int) -> MiningResult:
    t = time.perf_counter()
    rewrites, solve_stats = _solve(tally, settings)
    timings["solve_s"] = time.perf_counter() - t
    timings["total_s"] = time.perf_counter() - started
    counts = tally.counts
    read = ReadReport.combine(reports)
    stats: dict[str, Any] = {
        "turns": counts["turns"], "sessions": counts["sessions"], "requests": counts["requests"],
        "defects": counts["defects"], "chains": counts["chains"], "chains_succeeded": counts["chains_succeeded"],
        "rewritten": counts["rewritten"], "held_out": counts["held_out"],
        "signals": {k.split(":", 1)[1]: v for k, v in sorted(counts.items()) if k.startswith("signal:")},
        **solve_stats, "rewrites": len(rewrites), "buckets": buckets, "read": read.to_json(),
        "settings": settings.to_json(), "timings": {k: round(v, 3) for k, v in timings.items()},
        # Live evidence per rewrite, by the request key it matched: what the self-aware check judges.
        "rewrite_outcomes": {key: {"rewritten": [t[0], t[1]], "held_out": [t[2], t[3]]}
                             for key, t in sorted(tally.rewrites.items())},
    }
    log.info("mined %d turns in %.1fs: %d rewrites", stats["turns"], timings["total_s"], len(rewrites))
    return MiningResult(rewrites, stats)


def mine(source: Iterable[Iterable[LoggedTurn | Mapping[str, Any]]] | Any, settings: MiningSettings | None = None,
         *, scheduler: str | None = None, scheduler_address: str | None = None, workers: int | None = None,
         buckets: int = DEFAULT_BUCKETS, spill_dir: str | Path | None = None, progress: bool = False,
         now: float | None = None) -> MiningResult:
    """Mine `source`: a dask.bag of LoggedTurn or dicts, or an iterable of partitions (lists, generators).

    `scheduler` is a Dask local scheduler name ("processes" by default,
    "threads", "sync"); `now` bounds the timestamps of dict input (clock skew).
    Partitions of an iterable are consumed one at a time: a generator of
    batches is never held whole.
    """
    settings = settings or MiningSettings()
    now = time.time() if now is None else now
    started = time.perf_counter()
    timings: dict[str, float] = {}
    with spill_root(spill_dir, buckets) as root:
        if hasattr(source, "to_delayed") and hasattr(source, "map_partitions"):  # a dask.bag
            spilled: list[Delayed] | None = [delayed(spill_partition)(part, root, buckets, now)
                                             for part in source.to_delayed()]
            reports: list[ReadReport] = []
        else:
            reports = [spill_iterable(source, root, buckets, now, progress)]
            timings["spill_s"] = time.perf_counter() - started
            spilled = None
        tally, spill_reports = _count(root, buckets, settings, spilled, scheduler=scheduler,
                                      scheduler_address=scheduler_address, workers=workers, progress=progress)
    timings["count_s"] = time.perf_counter() - started - timings.get("spill_s", 0.0)  # a bag's spill included
    return _finish(tally, reports + spill_reports, settings, timings, started, buckets)


def mine_jsonl(path: str | Path, settings: MiningSettings | None = None, *, blocksize: int | None = None,
               max_line_bytes: int = MAX_LINE_BYTES, max_future_seconds: float = MAX_FUTURE_SECONDS,
               now: float | None = None, buckets: int | None = None, scheduler: str | None = None,
               scheduler_address: str | None = None, workers: int | None = None,
               spill_dir: str | Path | None = None, progress: bool = False) -> MiningResult:
    """Mine a JSON Lines turn log; malformed lines are reported in ``stats["read"]``, never fatal.

    The file is read in byte ranges of `blocksize` (default: enough ranges
    to keep every worker busy) by parallel tasks.
    """
    settings = settings or MiningSettings()
    now = time.time() if now is None else now
    started = time.perf_counter()
    path = str(Path(path).resolve())
    size = os.path.getsize(path)
    n_workers = workers or os.cpu_count() or 1
    blocksize = blocksize or max(1 << 20, -(-size // (4 * n_workers)))
    buckets = buckets or max(DEFAULT_BUCKETS, -(-size // BUCKET_BYTES))
    with spill_root(spill_dir, buckets) as root:
        spilled = [delayed(spill_jsonl_range)(path, start, min(start + blocksize, size), root, buckets, now,
                                               max_line_bytes, max_future_seconds)
                   for start in range(0, max(size, 1), blocksize)]
        tally, reports = _count(root, buckets, settings, spilled, scheduler=scheduler,
                                scheduler_address=scheduler_address, workers=workers, progress=progress)
    timings = {"spill_and_count_s": time.perf_counter() - started}
    return _finish(tally, reports, settings, timings, started, buckets)


__all__ = ["MinedRewrite", "MiningResult", "mine", "mine_jsonl"]
