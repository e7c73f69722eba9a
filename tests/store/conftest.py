"""Fixtures: real SQLite files and a real PostgreSQL server (started if it is down).

PostgreSQL tests are never skipped: if the server cannot be started the
fixture fails, because a store that was only tested on SQLite is not tested.
Each test session works in its own throwaway databases (unique names),
dropped at the end.
"""
from __future__ import annotations

import os
import shutil
import subprocess
import time
import uuid
from pathlib import Path

import psycopg2
import pytest
from psycopg2 import sql

from preferences.db import migrate
from preferences.models import TABLES
from preferences.store import PreferenceStore

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


@pytest.fixture(scope="session")
def pg_migrated_url(pg_database) -> str:
    url = pg_database()
    migrate(url)
    return url


@pytest.fixture(scope="session")
def sqlite_template(tmp_path_factory) -> Path:
    path = tmp_path_factory.mktemp("template") / "prefs.db"
    migrate(f"sqlite:///{path}")
    return path


def _truncate_pg(url: str) -> None:
    name = url.rsplit("/", 1)[1]
    conn = psycopg2.connect(host=PG_HOST, port=PG_PORT, user=PG_USER, dbname=name)
    conn.autocommit = True
    with conn.cursor() as cur:
        cur.execute("TRUNCATE " + ", ".join(t.name for t in TABLES) + " RESTART IDENTITY CASCADE")
    conn.close()


@pytest.fixture(params=["sqlite", pytest.param("postgresql", marks=pytest.mark.postgres)])
def db_url(request, tmp_path) -> str:
    """A migrated, empty database of each kind: a fresh SQLite file, or the PG test database truncated."""
    if request.param == "sqlite":
        path = tmp_path / "prefs.db"
        shutil.copy(request.getfixturevalue("sqlite_template"), path)
        return f"sqlite:///{path}"
    url = request.getfixturevalue("pg_migrated_url")
    _truncate_pg(url)
    return url


@pytest.fixture
def store(db_url):
    """Store on each database, with the real catalogs as normaliser."""
    s = PreferenceStore(db_url)
    yield s
    s.close()


def fake_normalizer(slot: str, value: str) -> str | None:
    """Catalog stand-in: lower-cases, knows only a few values of catalogued slots."""
    known = {"genre": {"jazz", "blues", "rock"}, "cuisine": {"italian", "thai"}, "home_city": {"boston", "paris"},
             "units": {"metric", "imperial"}}
    v = value.strip().lower().removesuffix(" food")
    if slot in known:
        return v if v in known[slot] else None
    return value.strip() or None
