"""Job leases: with several instances sharing one database, a scheduled job runs where it holds the lease.

APScheduler 3 does not coordinate schedulers that share a job store, so each
instance schedules every job and, when it fires, first tries to take the
job's lease row in one conditional write: it succeeds only if nobody holds
an unexpired lease and the job has not run within `min_interval`. The
winner runs the job and records `last_run_at`; the others skip that round.
The same row works on SQLite and PostgreSQL (an advisory lock would be
PostgreSQL only).
"""
from __future__ import annotations

from datetime import datetime, timedelta

from sqlalchemy import insert, or_, select, update
from sqlalchemy.engine import Connection
from sqlalchemy.exc import IntegrityError

from preferences.models import JobLeaseRow
from preferences.storage.core import Database

LEASES = JobLeaseRow.__table__


class JobLeases(Database):
    def acquire(self, job: str, holder: str, ttl: timedelta, min_interval: timedelta) -> bool:
        """Take the job's lease if it is free and the job is due; True if this holder may run it now."""
        def tx(conn: Connection, now: datetime) -> bool:
            row = conn.execute(select(LEASES).where(LEASES.c.job == job)).first()
            if row is None:
                try:
                    with conn.begin_nested():
                        conn.execute(insert(LEASES).values(job=job, holder=holder, expires_at=now + ttl))
                    return True
                except IntegrityError:  # another instance inserted it first
                    return False
            due = row.last_run_at is None or now - row.last_run_at >= min_interval
            if not due:
                return False
            taken = conn.execute(update(LEASES).where(
                LEASES.c.job == job, or_(LEASES.c.expires_at < now, LEASES.c.holder == holder))
                .values(holder=holder, expires_at=now + ttl)).rowcount
            return bool(taken)

        return self._write([], tx)

    def release(self, job: str, holder: str, ran: bool = True) -> None:
        def tx(conn: Connection, now: datetime) -> None:
            values = {"expires_at": now}
            if ran:
                values["last_run_at"] = now
            conn.execute(update(LEASES).where(LEASES.c.job == job, LEASES.c.holder == holder).values(**values))

        self._write([], tx)

    def last_run(self, job: str) -> datetime | None:
        return self._read(lambda c: c.execute(select(LEASES.c.last_run_at).where(LEASES.c.job == job)).scalar())


