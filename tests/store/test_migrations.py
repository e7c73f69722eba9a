"""Alembic: upgrade -> downgrade -> upgrade on both databases, and models == migrations."""
from __future__ import annotations

import os
import subprocess
import sys

import pytest
from alembic.autogenerate import compare_metadata
from alembic.runtime.migration import MigrationContext
from sqlalchemy import inspect

from preferences import db
from preferences.models import TABLES, Base
from preferences.store import PreferenceStore

TABLE_NAMES = {t.name for t in TABLES}


@pytest.fixture(params=["sqlite", pytest.param("postgresql", marks=pytest.mark.postgres)])
def empty_url(request, tmp_path):
    if request.param == "sqlite":
        return f"sqlite:///{tmp_path / 'm.db'}"
    return request.getfixturevalue("pg_database")()


def _tables(url: str) -> set[str]:
    engine = db.make_engine(url)
    try:
        return set(inspect(engine).get_table_names()) - {"alembic_version"}
    finally:
        engine.dispose()


def _diff(url: str) -> list:
    engine = db.make_engine(url)
    try:
        with engine.connect() as conn:
            return compare_metadata(MigrationContext.configure(conn, opts={"compare_type": True}), Base.metadata)
    finally:
        engine.dispose()


def test_upgrade_downgrade_upgrade(empty_url):
    db.migrate(empty_url)
    assert _tables(empty_url) == TABLE_NAMES
    with PreferenceStore(empty_url, normalizer=lambda s, v: v) as s:
        s.record("ann", "music", "genre", "jazz")
    db.downgrade(empty_url, "base")
    assert _tables(empty_url) == set()
    db.migrate(empty_url)
    assert _tables(empty_url) == TABLE_NAMES
    engine = db.make_engine(empty_url)
    assert db.current_revision(engine) == db.head_revision()
    engine.dispose()
    with PreferenceStore(empty_url, normalizer=lambda s, v: v) as s:
        assert s.list("ann") == []  # downgrade really dropped the data
        assert s.record("ann", "music", "genre", "jazz").changed
    db.migrate(empty_url)  # idempotent
    assert _tables(empty_url) == TABLE_NAMES


def test_models_match_migrations(empty_url):
    db.migrate(empty_url)
    assert _diff(empty_url) == []


def test_alembic_command_line_uses_the_library_url(tmp_path):
    path = tmp_path / "cli.db"
    env = {**os.environ, db.ENV_VAR: f"sqlite:///{path}", "PYTHONPATH": str(db.REPO_ROOT)}
    done = subprocess.run([sys.executable, "-m", "alembic", "upgrade", "head"], cwd=db.REPO_ROOT, env=env,
                          capture_output=True, text=True, timeout=60)
    assert done.returncode == 0, done.stderr
    assert _tables(f"sqlite:///{path}") == TABLE_NAMES


def test_database_url_rules(monkeypatch):
    monkeypatch.delenv(db.ENV_VAR, raising=False)
    assert db.database_url() == f"sqlite:///{db.REPO_ROOT / 'var' / 'preferences.db'}"
    assert (db.REPO_ROOT / "var").is_dir()
    monkeypatch.setenv(db.ENV_VAR, "postgresql+psycopg2://postgres@127.0.0.1:5432/x")
    assert db.database_url().startswith("postgresql+psycopg2://")
    assert db.database_url("sqlite:////tmp/a.db") == "sqlite:////tmp/a.db"
    assert db.redact("postgresql://u:secret@h/db") == "postgresql://u:***@h/db"
