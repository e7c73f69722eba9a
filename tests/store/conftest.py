"""Fixtures: real SQLite files, and migrated PostgreSQL databases (server fixtures in tests/conftest.py).

PostgreSQL tests are never skipped: if the server cannot be started the
fixture fails, because a store that was only tested on SQLite is not tested.
Each test session works in its own throwaway databases (unique names),
dropped at the end.
"""
from __future__ import annotations

import shutil
from pathlib import Path

import psycopg2
import pytest

from preferences.db import migrate
from tests.conftest import PG_HOST, PG_PORT, PG_USER
from preferences.models import TABLES
from preferences.store import PreferenceStore

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
