"""Versioned builds: who owns a `building` version, and cleaning up after a run that died.

The rewrite table and the online indexes are rebuilt as versions: a run
writes a `building` version, fills it, then activates it in one transaction,
so readers see the old content or the new, never half of one. A run that
fails calls `fail`; a run that is killed (SIGKILL, the OOM killer, a power
cut) cannot, and its version would stay `building` forever with the rows it
had written.

So a run owns its build through a lease (preferences.storage.leases): taken
in the very transaction that creates the version (no version is ever without
its owner, even for an instant), renewed by a heartbeat while the run's
process lives, dropped when the run activates or fails the version. In that
first transaction each run also marks `failed` every other `building`
version whose lease is not live (none, expired, or held by a process of this
machine that no longer exists) and deletes the rows it wrote. A build under a
live lease, another process's run still under way, is left alone; a build on
another machine is trusted until its lease expires (`BUILD_TTL` after its
last heartbeat). The version in force is never touched.
"""
from __future__ import annotations

import logging
from datetime import datetime, timedelta
from typing import Any, ClassVar

from sqlalchemy import Table, insert, select, update
from sqlalchemy.engine import Connection, Engine

from preferences.storage.core import Database
from preferences.storage.leases import Heartbeat, JobLeases, drop_in, live_in, process_holder, take_in

BUILD_TTL = timedelta(minutes=2)  # renewed every 40 s; how long a build of a vanished machine holds on
log = logging.getLogger(__name__)


def lease_job(versions: Table, version: int) -> str:
    """The name of the lease that owns one build (a row of job_leases, beside the scheduled jobs')."""
    return f"build:{versions.name}:{version}"


class VersionedStore(Database):
    """A store rebuilt as versions. A subclass names its `VERSIONS` table and deletes a version's rows;
    its `start_version` calls `_start`, and its `activate` and `fail` call `_finish_in` in their
    transaction and `_stop_heartbeat` after it."""

    VERSIONS: ClassVar[Table]  # id, status (building | active | retired | failed), created_at, finished_at, stats

    def __init__(self, url: str | None = None, *, engine: Engine | None = None) -> None:
        super().__init__(url, engine=engine)
        self._heartbeats: dict[int, Heartbeat] = {}

    def _delete_rows_in(self, conn: Connection, versions: list[int]) -> None:
        """Delete the rows these versions wrote (each store knows its own tables)."""
        raise NotImplementedError

    def _lease(self, version: int) -> str:
        return lease_job(self.VERSIONS, version)

    def _start(self, values: dict[str, Any]) -> int:
        """A new `building` version owned by this process, after cleaning up the builds of dead runs."""
        holder = process_holder()

        def tx(conn: Connection, now: datetime) -> int:
            version = int(conn.execute(insert(self.VERSIONS).values(status="building", created_at=now, **values))
                          .inserted_primary_key[0])
            take_in(conn, self._lease(version), holder, now, BUILD_TTL)
            self._abandon_stale_in(conn, now, version)
            return version

        version = self._write([], tx)
        self._heartbeats[version] = Heartbeat(JobLeases(engine=self.engine), self._lease(version), holder,
                                              BUILD_TTL).start()
        return version

    def _abandon_stale_in(self, conn: Connection, now: datetime, by: int) -> list[int]:
        """Mark `failed` the other building versions no live run owns, and delete their rows."""
        versions = self.VERSIONS
        # FOR UPDATE (PostgreSQL): a run activating one of them meanwhile is waited for, and then it is no
        # longer `building`. SQLite needs nothing: its writers take turns.
        building = list(conn.execute(select(versions.c.id).where(versions.c.status == "building", versions.c.id != by)
                                     .with_for_update()).scalars())
        stale = [v for v in building if not live_in(conn, self._lease(v), now)]
        if not stale:
            return []
        conn.execute(update(versions).where(versions.c.id.in_(stale)).values(
            status="failed", finished_at=now,
            stats={"error": f"abandoned: its run ended without finishing it (cleaned up by version {by})"}))
        self._delete_rows_in(conn, stale)
        for v in stale:
            drop_in(conn, self._lease(v))
        log.warning("%s: versions %s were left building by runs that died; marked failed, their rows deleted",
                    versions.name, ", ".join(map(str, stale)))
        return stale

    def _finish_in(self, conn: Connection, version: int) -> None:
        """Inside `activate` or `fail`: the build is over, its lease goes."""
        drop_in(conn, self._lease(version))

    def _stop_heartbeat(self, version: int) -> None:
        beat = self._heartbeats.pop(version, None)
        if beat is not None:
            beat.stop()

    def close(self) -> None:
        for version in list(self._heartbeats):
            self._stop_heartbeat(version)
        super().close()
