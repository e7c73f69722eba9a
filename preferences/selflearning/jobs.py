"""The self-learning jobs: mine rewrites into a new version, judge the live ones, index, prune the log.

Each is a plain function over the store and a source of turns, so the
scheduler (preferences.selflearning.schedule), the CLI (`prefs rewrites
mine`, `prefs log prune`) and the tests run exactly the same code.

`mine_rewrites` is all-or-nothing for the table: it writes a `building`
version and activates it only after every rewrite is written; whatever
happens before that (an exception, a killed process) leaves the previous
version in force, and the next run cleans up a killed run's version
(preferences.storage.builds). Then it sets each live rewrite's outcome
counts, recounted from the log, and withdraws the ones the self-aware rules
say have stopped winning.
"""
from __future__ import annotations

import logging
import time
from collections.abc import Callable, Iterable, Iterator, Mapping
from dataclasses import dataclass, field
from datetime import datetime
from typing import Any

from preferences.selflearning.selfaware import SelfAwareSettings, withdrawal_reason
from preferences.selflearning.turns import LoggedTurn
from preferences.storage.rewrites import NewRewrite, Outcomes, RewriteTable

log = logging.getLogger(__name__)


@dataclass(frozen=True)
class MiningReport:
    version: int
    rewrites: int
    withdrawn: list[tuple[int, str]] = field(default_factory=list)  # (rewrite id, reason)
    stats: dict[str, Any] = field(default_factory=dict)
    seconds: float = 0.0

    def to_json(self) -> dict[str, Any]:
        return {"version": self.version, "rewrites": self.rewrites,
                "withdrawn": [{"id": i, "reason": r} for i, r in self.withdrawn], "seconds": round(self.seconds, 2),
                "stats": self.stats}


def without_forgotten(partitions: Iterable[Iterable[LoggedTurn]],
                      forgotten: Mapping[str, datetime]) -> Iterator[list[LoggedTurn]]:
    """The log without the turns of users who asked to be forgotten (from before they asked)."""
    cutoff = {user: at.timestamp() for user, at in forgotten.items()}
    for partition in partitions:
        yield [t for t in partition if t.user_id not in cutoff or t.ts > cutoff[t.user_id]]


def mine_rewrites(table: RewriteTable, mine: Callable[[], Any], source: str,
                  selfaware: SelfAwareSettings = SelfAwareSettings()) -> MiningReport:
    """Mine (`mine()` returns a MiningResult), write a new version, switch to it, judge the live rewrites."""
    started = time.perf_counter()
    version = table.start_version(source)
    try:
        result = mine()
        outcomes = result.stats.get("rewrite_outcomes") or {}
        # Judge the rewrites in force first, so a loser is withdrawn even if this run would not mine it
        # again; the new version then carries the withdrawal over.
        withdrawn = judge(table, outcomes, selfaware)
        found = [NewRewrite(r.source_key, r.source_text, r.target_text, r.probability, r.own_success_rate,
                            r.edge_count, r.evidence_users, r.distinct_users) for r in result.rewrites]
        table.add(version, found)
        stats = {k: v for k, v in result.stats.items() if k != "rewrite_outcomes"}
        table.activate(version, stats)
    except BaseException as exc:
        table.fail(version, f"{type(exc).__name__}: {exc}")
        raise
    withdrawn += judge(table, outcomes, selfaware)  # and the new version's own rows get their live counts
    log.info("rewrite version %d: %d rewrites, %d withdrawn", version, len(found), len(withdrawn))
    return MiningReport(version, len(found), withdrawn, stats, time.perf_counter() - started)


def judge(table: RewriteTable, outcomes: Mapping[str, Mapping[str, Any]],
          selfaware: SelfAwareSettings = SelfAwareSettings()) -> list[tuple[int, str]]:
    """Set live outcome counts (source key -> rewritten/held-out turns and successes); withdraw losers."""
    counts: dict[int, Outcomes] = {}
    withdrawn: list[tuple[int, str]] = []
    for rewrite in table.list(include_withdrawn=False):
        o = outcomes.get(rewrite.source_key)
        if not o:
            continue
        n_r, ok_r = o.get("rewritten", (0, 0))
        n_h, ok_h = o.get("held_out", (0, 0))
        counts[rewrite.id] = Outcomes(ok_r, n_r - ok_r, ok_h, n_h - ok_h)
        reason = withdrawal_reason(ok_r, n_r - ok_r, ok_h, n_h - ok_h, selfaware)
        if reason and table.withdraw(rewrite.id, reason):
            withdrawn.append((rewrite.id, reason))
    if counts:
        table.set_outcomes(counts)
    return withdrawn


# --- the jobs of a served deployment, over the settings -----------------------------------------------
def mine_tracker_store(tracker_url: str, table: RewriteTable, mining: Any = None, *, scheduler: str | None = None,
                       scheduler_address: str | None = None, progress: bool = False) -> MiningReport:
    """Mine Rasa's SQL tracker store (the served log) into a new rewrite version."""
    from preferences.db import redact
    from preferences.selflearning.miner import mine
    from preferences.selflearning.settings import MiningSettings
    from preferences.selflearning.tracker_store import tracker_batches

    mining = mining or MiningSettings()
    forgotten = table.forgotten()

    def run() -> Any:
        return mine(without_forgotten(tracker_batches(tracker_url), forgotten), mining, scheduler=scheduler,
                    scheduler_address=scheduler_address, progress=progress)

    return mine_rewrites(table, run, f"tracker store {redact(tracker_url)}")


def mine_jsonl_log(path: str, table: RewriteTable, mining: Any = None, *, scheduler: str | None = None,
                   scheduler_address: str | None = None, progress: bool = False) -> MiningReport:
    """Mine a JSON Lines export (one user turn per line) into a new rewrite version."""
    from preferences.selflearning.miner import mine_jsonl
    from preferences.selflearning.settings import MiningSettings

    mining = mining or MiningSettings()
    return mine_rewrites(table, lambda: mine_jsonl(path, mining, scheduler=scheduler,
                                                   scheduler_address=scheduler_address, progress=progress),
                         f"JSON Lines {path}")


def prune_log(tracker_url: str, table: RewriteTable, retention_days: float) -> int:
    """Retention: drop turns older than the retention period, and forgotten users' turns."""
    from preferences.selflearning.tracker_store import prune

    cutoff = time.time() - retention_days * 86400
    forgotten = {user: at.timestamp() for user, at in table.forgotten().items()}
    return prune(tracker_url, older_than=cutoff, forgotten=forgotten)


def index_log(tracker_url: str, table: RewriteTable, *, progress: bool = False) -> Any:
    """Rebuild the online-rewriting indexes (personal and global) from the log, without forgotten users."""
    from preferences.selflearning.online.build import index_tracker_store
    from preferences.storage.online_index import OnlineIndexStore

    store = OnlineIndexStore(engine=table.engine)  # same database as the rewrites, same engine
    return index_tracker_store(tracker_url, store, forgotten=table.forgotten(), progress=progress)


def served_jobs(settings: Any, table: RewriteTable) -> list[Any]:
    """The scheduled jobs of `make serve` / `make web`, from the settings."""
    from datetime import timedelta

    from preferences.selflearning.schedule import Job

    every = timedelta(minutes=settings.mining_schedule_minutes)
    return [
        # Threads, not processes: the job runs inside a server process (no fork of a threaded server);
        # or the cluster at DASK_SCHEDULER_ADDRESS when one is configured.
        Job("mine-rewrites", lambda: mine_tracker_store(settings.tracker_db_url, table, scheduler="threads",
                                                        scheduler_address=settings.dask_scheduler_address), every),
        Job("prune-log", lambda: prune_log(settings.tracker_db_url, table, settings.log_retention_days), every),
        Job("index-online", lambda: index_log(settings.tracker_db_url, table), every),
    ]
