"""Shared fixtures: a real PostgreSQL server (started if it is down) and throwaway databases.

PostgreSQL tests are never skipped: if the server cannot be started the
fixture fails, because a store that was only tested on SQLite is not tested.
Each test session works in its own throwaway databases (unique names),
dropped at the end.
"""
from __future__ import annotations

import os
import subprocess
import time
import uuid

import psycopg2
import pytest
from psycopg2 import sql

# Tiers by folder: `pytest -m unit` (fast, no servers), `-m store` (SQLite and PostgreSQL), `-m e2e` (real
# Rasa and action servers), `-m browser` (headless Chromium), `-m environment` (the installed environment),
# `-m benchmark` (benchmark scripts run small, no timing assertions).
TIERS = ("unit", "store", "e2e", "browser", "environment", "benchmarks")


# The suite runs on two xdist workers, a file at a time (scripts/test.sh: --dist loadfile). Files are handed
# out in collection order, so the ones that start real servers go first, longest first (measured: the
# simulator's smoke run and the two-instance deployment take minutes each); the many short files then fill
# in beside them instead of one long file starting last and running alone.
LONGEST_FIRST = ("tests/simulator/test_e2e.py", "tests/e2e/test_two_instances.py", "tests/e2e/test_faults.py")


def _start_rank(item) -> tuple[int, int]:
    path = item.path.relative_to(item.config.rootpath).as_posix()
    if path in LONGEST_FIRST:
        return (0, LONGEST_FIRST.index(path))
    return (1 if item.get_closest_marker("e2e") or item.get_closest_marker("browser") else 2, 0)


def pytest_collection_modifyitems(config, items):
    for item in items:
        parts = item.path.relative_to(config.rootpath).parts
        if len(parts) > 1 and parts[0] == "tests" and parts[1] in TIERS:
            item.add_marker(parts[1].rstrip("s") if parts[1] == "benchmarks" else parts[1])
    items.sort(key=_start_rank)  # stable: a file's own tests keep their order


PG_HOST = os.environ.get("PREFERENCES_TEST_PG_HOST", "127.0.0.1")
PG_PORT = int(os.environ.get("PREFERENCES_TEST_PG_PORT", "5432"))
PG_USER = os.environ.get("PREFERENCES_TEST_PG_USER", "postgres")


def _pg_admin():
    conn = psycopg2.connect(host=PG_HOST, port=PG_PORT, user=PG_USER, dbname="postgres", connect_timeout=3)
    conn.autocommit = True
    return conn


def _pg_up() -> bool:
    try:
        _pg_admin().close()
        return True
    except psycopg2.OperationalError:
        return False


def _start_pg() -> str:
    versions = sorted(os.listdir("/etc/postgresql")) if os.path.isdir("/etc/postgresql") else []
    if not versions:
        return "no cluster under /etc/postgresql"
    cmd = ["pg_ctlcluster", "--skip-systemctl-redirect", versions[-1], "main", "start"]
    done = subprocess.run(cmd, capture_output=True, text=True, timeout=60)
    return f"{' '.join(cmd)} -> {done.returncode}: {done.stderr.strip() or done.stdout.strip()}"


@pytest.fixture(scope="session")
def pg_server() -> None:
    """Make sure PostgreSQL answers on PG_HOST:PG_PORT; start the local cluster if not."""
    if _pg_up():
        return
    report = _start_pg()
    deadline = time.monotonic() + 30
    while time.monotonic() < deadline:
        if _pg_up():
            return
        time.sleep(0.5)
    pytest.fail(f"PostgreSQL is not reachable at {PG_HOST}:{PG_PORT} and could not be started ({report})")


@pytest.fixture(scope="session")
def pg_database(pg_server):
    """Factory: a new empty database with a unique name; all are dropped at session end."""
    created: list[str] = []

    def make() -> str:
        name = f"prefs_test_{os.getpid()}_{uuid.uuid4().hex[:10]}"
        conn = _pg_admin()
        with conn.cursor() as cur:
            cur.execute(sql.SQL("CREATE DATABASE {}").format(sql.Identifier(name)))
        conn.close()
        created.append(name)
        return f"postgresql+psycopg2://{PG_USER}@{PG_HOST}:{PG_PORT}/{name}"

    yield make
    conn = _pg_admin()
    with conn.cursor() as cur:
        for name in created:
            cur.execute(sql.SQL("DROP DATABASE IF EXISTS {} WITH (FORCE)").format(sql.Identifier(name)))
    conn.close()
