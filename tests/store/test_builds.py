"""Versioned builds left `building` by runs that died are cleaned up by the next run; live ones are not.

Both versioned stores (the rewrite table, the online indexes), on SQLite and
PostgreSQL: builds as another process or machine leaves them (a lease or
none, expired or not, its holder alive or not), and a real run SIGKILLed
half-way (preferences.storage.builds).
"""
from __future__ import annotations

import signal
import socket
import subprocess
import sys
import time
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from datetime import timedelta
from pathlib import Path
from typing import Any

import numpy as np
import pytest
from sqlalchemy import func, insert, select

from preferences.models import JobLeaseRow, OnlineRequestRow, RewriteRow, utcnow
from preferences.selflearning.online.collect import Entry
from preferences.storage.builds import VersionedStore, lease_job
from preferences.storage.leases import Heartbeat, JobLeases, holder_gone, process_holder, take_in
from preferences.storage.online_index import OnlineIndexStore
from preferences.storage.rewrites import NewRewrite, RewriteTable

ROOT = Path(__file__).resolve().parents[2]
LEASES = JobLeaseRow.__table__
ELSEWHERE = "another-machine:4242:abc123"  # a process this machine cannot look at


def _rewrite(n: int) -> NewRewrite:
    return NewRewrite(f"play song {n}", f"play song {n}", f"play the song {n}", 0.9, 0.1, 12, ["a", "b", "c"])


def _entry(n: int) -> Entry:
    return Entry("global", None, f"play song {n}", f"play song {n}", "play_music", (), 5, 3, 1.0, 0.0)


@dataclass(frozen=True)
class Kind:
    """One versioned store, and how a test builds a version of it and counts what that version wrote."""

    name: str
    open: Callable[[str], VersionedStore]
    fill: Callable[[Any, int], Any]  # write one row into a building version
    rows: Any  # the table of a version's rows (version_id column)
    in_force: Callable[[Any], Any]  # what readers are given

    def start(self, store: Any) -> int:
        return store.start_version("test") if self.name == "rewrites" else store.start_version()

    def count(self, store: VersionedStore, version: int) -> int:
        q = select(func.count()).select_from(self.rows).where(self.rows.c.version_id == version)
        with store.engine.connect() as conn:
            return conn.execute(q).scalar_one()

    def status(self, store: Any, version: int) -> str:
        return {v["id"]: v["status"] for v in store.versions(limit=100)}[version]


KINDS = {
    "rewrites": Kind("rewrites", RewriteTable, lambda t, v: t.add(v, [_rewrite(v)]), RewriteRow.__table__,
                     lambda t: t.lookup()),
    "online": Kind("online", OnlineIndexStore, lambda s, v: s.add(v, [_entry(v)], np.ones((1, 384), np.float32)),
                   OnlineRequestRow.__table__, lambda s: [e.key for e in s.entries()[0]]),
}


@pytest.fixture(params=list(KINDS))
def kind(request) -> Kind:
    return KINDS[request.param]


@pytest.fixture
def store(kind: Kind, db_url: str) -> Iterator[VersionedStore]:
    s = kind.open(db_url)
    yield s
    s.close()


def left_building(kind: Kind, store: VersionedStore, holder: str | None, expires_in: timedelta) -> int:
    """A version as a run of another process left it: `building`, one row written, its lease (or none)."""
    now = utcnow()
    with store.engine.begin() as conn:
        version = int(conn.execute(insert(store.VERSIONS).values(status="building", created_at=now))
                      .inserted_primary_key[0])
        if holder is not None:
            take_in(conn, lease_job(store.VERSIONS, version), holder, now, expires_in)
    kind.fill(store, version)
    return version


def in_force(kind: Kind, store: VersionedStore) -> Any:
    version = kind.start(store)
    kind.fill(store, version)
    store.activate(version)
    return kind.in_force(store)


def dead_local_holder() -> str:
    child = subprocess.Popen([sys.executable, "-c", "pass"])
    child.wait()
    return f"{socket.gethostname()}:{child.pid}:0ld0ne"


def test_builds_no_live_run_owns_are_marked_failed_with_their_rows_gone(kind: Kind, store: VersionedStore) -> None:
    before = in_force(kind, store)
    stale = {"no lease (left before leases existed)": left_building(kind, store, None, timedelta(0)),
             "expired lease of another machine": left_building(kind, store, ELSEWHERE, timedelta(seconds=-1)),
             "live lease of a dead process here": left_building(kind, store, dead_local_holder(), timedelta(hours=1))}
    assert all(kind.count(store, v) == 1 for v in stale.values())
    new = kind.start(store)
    for why, version in stale.items():
        assert kind.status(store, version) == "failed", why
        assert kind.count(store, version) == 0, why
    assert kind.status(store, new) == "building" and kind.in_force(store) == before  # the version in force stays
    failed = {v["id"]: v for v in store.versions(limit=100)}[stale["no lease (left before leases existed)"]]
    assert "abandoned" in failed["stats"]["error"] and failed["finished_at"] is not None
    with store.engine.connect() as conn:  # their leases went with them; the new build's is there
        assert set(conn.execute(select(LEASES.c.job)).scalars()) == {lease_job(store.VERSIONS, new)}
    kind.fill(store, new)
    store.activate(new)
    assert kind.in_force(store) != before


def test_a_build_under_a_live_lease_of_another_process_is_left_alone(kind: Kind, store: VersionedStore) -> None:
    sleeper = subprocess.Popen([sys.executable, "-c", "import time; time.sleep(60)"])
    try:
        alive_here = f"{socket.gethostname()}:{sleeper.pid}:a11ve0"
        live = [left_building(kind, store, ELSEWHERE, timedelta(minutes=2)),
                left_building(kind, store, alive_here, timedelta(minutes=2))]
        mine = kind.start(store)  # and a build of this very process, under way
        kind.fill(store, mine)
        kind.start(store)
        for version in live + [mine]:
            assert kind.status(store, version) == "building" and kind.count(store, version) == 1
        store.activate(mine)  # the build carried on unharmed
        assert kind.status(store, mine) == "active"
    finally:
        sleeper.kill()
        sleeper.wait()


CHILD = """
import sys, time
import numpy as np
from preferences.selflearning.online.collect import Entry
from preferences.storage.online_index import OnlineIndexStore
from preferences.storage.rewrites import NewRewrite, RewriteTable

url, kind = sys.argv[1:]
if kind == "rewrites":
    store = RewriteTable(url)
    version = store.start_version("child")
    store.add(version, [NewRewrite("play song 1", "play song 1", "play the song 1", 0.9, 0.1, 12, ["a", "b", "c"])])
else:
    store = OnlineIndexStore(url)
    version = store.start_version()
    store.add(version, [Entry("global", None, "play song 1", "play song 1", "play_music", (), 5, 3, 1.0, 0.0)],
              np.ones((1, 384), np.float32))
print(version, flush=True)
time.sleep(120)  # "mining": killed here
"""


def test_a_run_killed_half_way_is_cleaned_up_by_the_next_run(kind: Kind, store: VersionedStore, db_url: str) -> None:
    before = in_force(kind, store)
    child = subprocess.Popen([sys.executable, "-c", CHILD, db_url, kind.name], cwd=ROOT, stdout=subprocess.PIPE,
                             text=True, start_new_session=True)
    try:
        killed = int(child.stdout.readline())
        other = kind.start(store)  # while it runs: its build is left alone
        assert kind.status(store, killed) == "building" and kind.count(store, killed) == 1
        store.fail(other, "done with it")
        child.send_signal(signal.SIGKILL)
        child.wait(timeout=10)
    finally:
        if child.poll() is None:
            child.kill()
            child.wait()
    assert kind.status(store, killed) == "building" and kind.in_force(store) == before  # what the kill leaves
    kind.start(store)
    assert kind.status(store, killed) == "failed" and kind.count(store, killed) == 0
    assert kind.in_force(store) == before


def test_a_finished_build_gives_its_lease_back(kind: Kind, store: VersionedStore) -> None:
    done, dropped = kind.start(store), kind.start(store)
    kind.fill(store, done)
    store.activate(done)
    store.fail(dropped, "an exception")
    with store.engine.connect() as conn:
        assert list(conn.execute(select(LEASES.c.job))) == []
    assert not store._heartbeats  # noqa: SLF001 - nothing keeps renewing a lease that is gone


def test_a_heartbeat_keeps_a_lease_alive_until_stopped(db_url: str) -> None:
    with JobLeases(db_url) as leases:
        with leases.engine.begin() as conn:
            take_in(conn, "build:test:1", "me", utcnow(), timedelta(seconds=0.6))

        def expiry() -> Any:
            with leases.engine.connect() as conn:
                return conn.execute(select(LEASES.c.expires_at)).scalar_one()

        first = expiry()
        beat = Heartbeat(leases, "build:test:1", "me", timedelta(seconds=0.6)).start()  # renews every 0.2 s
        time.sleep(0.5)
        assert expiry() > first
        beat.stop()
        beat._thread.join(timeout=5)  # noqa: SLF001 - a renewal under way when stopped may still land
        stopped = expiry()
        time.sleep(0.5)
        assert expiry() == stopped
        assert not leases.renew("build:test:1", "someone else", timedelta(seconds=1))


def test_which_holders_are_known_to_be_gone() -> None:
    assert not holder_gone(process_holder())
    assert not holder_gone(ELSEWHERE)  # another machine: only its lease's expiry tells
    assert not holder_gone("not a holder") and not holder_gone(f"{socket.gethostname()}:0:x")
    assert holder_gone(dead_local_holder())
