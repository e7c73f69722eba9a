"""Job leases: with several instances sharing one database, a scheduled job runs where it holds the lease.

APScheduler 3 does not coordinate schedulers that share a job store, so each
instance schedules every job and, when it fires, first tries to take the
job's lease row in one conditional write: it succeeds only if nobody holds
an unexpired lease and the job has not run within `min_interval`. The
winner runs the job and records `last_run_at`; the others skip that round.
The same row works on SQLite and PostgreSQL (an advisory lock would be
PostgreSQL only).

A lease is also how a run says it is still alive: a versioned build
(preferences.storage.builds) holds a lease of its own while it runs and
renews it (`Heartbeat`), so that the next run can tell a build in progress
from one whose process died. A holder is `host:pid:token` (`process_holder`),
so a dead process of this machine is recognised at once (`holder_gone`);
one on another machine only when its lease expires.
"""
from __future__ import annotations

import logging
import os
import socket
import threading
import uuid
from datetime import datetime, timedelta

from sqlalchemy import delete, insert, or_, select, update
from sqlalchemy.engine import Connection
from sqlalchemy.exc import IntegrityError

from preferences.errors import StoreUnavailable
from preferences.models import JobLeaseRow
from preferences.storage.core import Database

LEASES = JobLeaseRow.__table__
_TOKEN = uuid.uuid4().hex[:6]  # tells apart two processes that had the same pid (after a reboot, in containers)
log = logging.getLogger(__name__)


def process_holder() -> str:
    """This process as a lease holder: `host:pid:token` (the pid read now, so a forked child is itself)."""
    return f"{socket.gethostname()}:{os.getpid()}:{_TOKEN}"


def holder_gone(holder: str) -> bool:
    """True only if `holder` names a process of this machine that no longer exists.

    A process on another machine cannot be looked at from here (False: its
    lease expiring is what says it died), nor can a holder not made by
    `process_holder`. A false "gone" is harmless anyway, only wasteful: the
    build it belonged to fails at its next write and leaves the version in
    force alone.
    """
    host, _, rest = holder.partition(":")
    pid = rest.partition(":")[0]
    if host != socket.gethostname() or not pid.isdecimal() or int(pid) <= 0:
        return False
    try:
        os.kill(int(pid), 0)  # signal 0: only asks whether the process exists
    except ProcessLookupError:
        return True
    except PermissionError:  # it exists, as another user's process
        return False
    return False


# --- inside a caller's transaction (a build takes its lease with the version it creates) ---------------

def take_in(conn: Connection, job: str, holder: str, now: datetime, ttl: timedelta) -> None:
    """`holder` holds the lease of `job` (a name nobody holds yet) until now + ttl."""
    conn.execute(insert(LEASES).values(job=job, holder=holder, expires_at=now + ttl))


def live_in(conn: Connection, job: str, now: datetime) -> bool:
    """Whether someone alive holds `job`'s lease: it exists, has not expired, and its holder is not gone."""
    row = conn.execute(select(LEASES.c.holder, LEASES.c.expires_at).where(LEASES.c.job == job)).first()
    return row is not None and row.expires_at > now and not holder_gone(row.holder)


def drop_in(conn: Connection, job: str) -> None:
    conn.execute(delete(LEASES).where(LEASES.c.job == job))


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
            # "Due" again inside the UPDATE: PostgreSQL re-reads a row another transaction changed meanwhile
            # and re-checks only this WHERE, so a holder that ran and released the job between our SELECT
            # and here (expires_at in the past, last_run_at just now) must not hand the round to us as well.
            taken = conn.execute(update(LEASES).where(
                LEASES.c.job == job, or_(LEASES.c.expires_at < now, LEASES.c.holder == holder),
                or_(LEASES.c.last_run_at.is_(None), LEASES.c.last_run_at <= now - min_interval))
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

    def renew(self, job: str, holder: str, ttl: timedelta) -> bool:
        """Extend `holder`'s lease of `job` to now + ttl; False if it holds it no more (taken, dropped)."""
        def tx(conn: Connection, now: datetime) -> bool:
            return bool(conn.execute(update(LEASES).where(LEASES.c.job == job, LEASES.c.holder == holder)
                                     .values(expires_at=now + ttl)).rowcount)

        return self._write([], tx)


class Heartbeat:
    """Renews a lease every third of its ttl, in a daemon thread, until `stop`.

    A run of unknown length (mining a large log) keeps its lease for as long
    as its process lives, and loses it at most `ttl` after the process dies,
    however it died. A failed renewal (the database is down) is retried at
    the next beat; once the lease is no longer this holder's, beating stops.
    """

    def __init__(self, leases: JobLeases, job: str, holder: str, ttl: timedelta) -> None:
        self.leases, self.job, self.holder, self.ttl = leases, job, holder, ttl
        self._stopped = threading.Event()
        self._thread = threading.Thread(target=self._beat, name=f"lease {job}", daemon=True)

    def start(self) -> "Heartbeat":
        self._thread.start()
        return self

    def stop(self) -> None:
        """Stop renewing (not waiting for a renewal under way: the caller is finishing its own transaction)."""
        self._stopped.set()

    def _beat(self) -> None:
        while not self._stopped.wait(self.ttl.total_seconds() / 3):
            try:
                if not self.leases.renew(self.job, self.holder, self.ttl):
                    if not self._stopped.is_set():  # not merely dropped by the run finishing meanwhile
                        log.warning("lease %s is no longer held by %s: not renewing it", self.job, self.holder)
                    return
            except StoreUnavailable as exc:
                log.warning("could not renew lease %s (%s); trying again", self.job, exc)
