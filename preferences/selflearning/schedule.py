"""The scheduled jobs of a served deployment, run once per round however many instances there are.

`start_scheduler` starts an APScheduler BackgroundScheduler in the calling
process (the action server does it at start); every job is wrapped in
`run_once`, which takes the job's lease (preferences.storage.leases) before
running and releases it after, so with several instances on one database
each round runs on exactly one of them. Every job can also be run by hand
(`prefs rewrites mine`, `prefs rewrites index`, `prefs log prune`). A hand run
takes no job lease: it may overlap a scheduled round, which is safe because
each build owns its own version (preferences.storage.builds) and activates it
in one transaction; the later activation is the one in force.
"""
from __future__ import annotations

import logging
import time
from dataclasses import dataclass
from datetime import timedelta
from typing import Any, Callable

from preferences.storage.leases import JobLeases, process_holder

log = logging.getLogger(__name__)
HOLDER = process_holder()


@dataclass(frozen=True)
class Job:
    name: str
    run: Callable[[], Any]
    every: timedelta


def run_once(leases: JobLeases, job: Job, holder: str = HOLDER) -> Any | None:
    """Run `job` if this instance wins its lease for the round; None if another instance has it."""
    # The lease outlives a normal run; a crashed holder's lease expires and the next round takes over.
    ttl = max(job.every, timedelta(minutes=5))
    if not leases.acquire(job.name, holder, ttl=ttl, min_interval=job.every * 0.5):
        log.info("job %s: another instance has it this round", job.name)
        return None
    started = time.perf_counter()
    ran = False
    try:
        result = job.run()
        ran = True
        log.info("job %s done in %.1fs", job.name, time.perf_counter() - started)
        return result
    except Exception:  # noqa: BLE001 - a failed round is logged; the next round tries again
        log.exception("job %s failed", job.name)
        return None
    finally:
        leases.release(job.name, holder, ran=ran)


def start_scheduler(leases: JobLeases, jobs: list[Job]) -> Any:
    """A started BackgroundScheduler running each job every `job.every` (jobs with every <= 0 are off)."""
    from apscheduler.schedulers.background import BackgroundScheduler

    scheduler = BackgroundScheduler(daemon=True, job_defaults={"coalesce": True, "max_instances": 1})
    for job in jobs:
        if job.every.total_seconds() <= 0:
            continue
        scheduler.add_job(run_once, "interval", args=[leases, job], seconds=job.every.total_seconds(),
                          id=job.name, name=job.name)
    scheduler.start()
    log.info("scheduled jobs: %s", ", ".join(f"{j.name} every {j.every}" for j in jobs if j.every.total_seconds() > 0))
    return scheduler
