"""Where the preference database is, how to connect to it, and how to migrate it.

One place decides the URL (`database_url`), used by the library, the CLI and
Alembic's env.py alike:

* `PREFERENCES_DB_URL` if set (e.g. ``postgresql+psycopg2://postgres@127.0.0.1:5432/prefs``);
* otherwise SQLite at ``<repo root>/var/preferences.db``.

SQLite is opened in WAL mode with a busy timeout and foreign keys on, so the
Rasa process and the action server can both have it open: readers never
block the writer, and writers wait for each other instead of failing. Write
transactions start with ``BEGIN IMMEDIATE`` (see `write_engine`) so two
writers can never both read old data and then collide on upgrade to a write
lock.
"""
from __future__ import annotations

import os
from pathlib import Path

from sqlalchemy import event, inspect
from sqlalchemy.engine import Engine, make_url
from sqlalchemy.future import create_engine
from sqlalchemy.pool import QueuePool, StaticPool

ENV_VAR = "PREFERENCES_DB_URL"
REPO_ROOT = Path(__file__).resolve().parent.parent
MIGRATIONS_DIR = REPO_ROOT / "migrations"
ALEMBIC_INI = REPO_ROOT / "alembic.ini"
SQLITE_BUSY_TIMEOUT_MS = 30_000
SQLITE_CACHE_KIB = 16_384


def default_sqlite_path() -> Path:
    return REPO_ROOT / "var" / "preferences.db"


def database_url(url: str | None = None) -> str:
    """The URL to use: the argument, else $PREFERENCES_DB_URL, else the embedded SQLite file."""
    url = url or os.environ.get(ENV_VAR) or ""
    if not url.strip():
        path = default_sqlite_path()
        path.parent.mkdir(parents=True, exist_ok=True)
        return f"sqlite:///{path}"
    return url.strip()


def redact(url: str) -> str:
    """URL safe to print (password hidden)."""
    try:
        return make_url(url).render_as_string(hide_password=True)
    except Exception:  # noqa: BLE001 - printing must not fail on a malformed URL
        return "<malformed URL>"


def _is_memory(url) -> bool:
    return url.get_backend_name() == "sqlite" and (url.database in (None, "", ":memory:"))


def make_engine(url: str | None = None, **kwargs) -> Engine:
    """A 2.0-style engine with the pragmas and transaction behaviour the store relies on."""
    sa_url = make_url(database_url(url))
    if sa_url.get_backend_name() == "sqlite":
        kwargs.setdefault("connect_args", {})["check_same_thread"] = False
        if _is_memory(sa_url):
            kwargs.setdefault("poolclass", StaticPool)
        else:
            # Keep connections (1.4 would otherwise reconnect, and re-run pragmas, per checkout).
            kwargs.setdefault("poolclass", QueuePool)
            kwargs.setdefault("pool_size", 5)
            kwargs.setdefault("max_overflow", 20)
        engine = create_engine(sa_url, future=True, **kwargs)
        _configure_sqlite(engine)
        return engine
    kwargs.setdefault("pool_pre_ping", True)
    if sa_url.get_backend_name() == "postgresql":
        kwargs.setdefault("connect_args", {}).setdefault("connect_timeout", 5)
    return create_engine(sa_url, future=True, **kwargs)


def _configure_sqlite(engine: Engine) -> None:
    @event.listens_for(engine, "connect")
    def _on_connect(dbapi_conn, _record):
        # Let SQLAlchemy, not pysqlite, emit BEGIN, so we can choose IMMEDIATE for writers.
        dbapi_conn.isolation_level = None
        cur = dbapi_conn.cursor()
        cur.execute(f"PRAGMA busy_timeout = {SQLITE_BUSY_TIMEOUT_MS}")
        cur.execute("PRAGMA foreign_keys = ON")
        cur.execute("PRAGMA journal_mode = WAL")
        cur.execute("PRAGMA synchronous = NORMAL")  # durable in WAL mode except on power loss
        cur.execute(f"PRAGMA cache_size = -{SQLITE_CACHE_KIB}")  # per connection; default is 2 MiB
        cur.close()

    @event.listens_for(engine, "begin")
    def _on_begin(conn):
        mode = "IMMEDIATE" if conn.get_execution_options().get("preferences_write") else "DEFERRED"
        conn.exec_driver_sql(f"BEGIN {mode}")


def write_engine(engine: Engine) -> Engine:
    """The same engine, but its transactions take the SQLite write lock up front."""
    return engine.execution_options(preferences_write=True)


def migrate(url: str | None = None, revision: str = "head") -> str:
    """Bring the database to `revision` (default: latest). Returns the redacted URL migrated.

    Used by the setup script and `prefs migrate`; safe to run repeatedly.
    """
    from alembic import command

    engine = make_engine(url)
    try:
        with engine.begin() as conn:
            cfg = alembic_config(connection=conn)
            command.upgrade(cfg, revision)
    finally:
        engine.dispose()
    return redact(database_url(url))


def downgrade(url: str | None = None, revision: str = "base") -> None:
    from alembic import command

    engine = make_engine(url)
    try:
        with engine.begin() as conn:
            command.downgrade(alembic_config(connection=conn), revision)
    finally:
        engine.dispose()


def alembic_config(connection=None, url: str | None = None):
    """Alembic config pointing at this repository's migrations, independent of the cwd."""
    from alembic.config import Config

    cfg = Config(str(ALEMBIC_INI)) if ALEMBIC_INI.exists() else Config()
    cfg.set_main_option("script_location", str(MIGRATIONS_DIR))
    if connection is not None:
        cfg.attributes["connection"] = connection
    if url is not None:
        cfg.attributes["url"] = url
    return cfg


def head_revision() -> str:
    from alembic.script import ScriptDirectory

    return ScriptDirectory.from_config(alembic_config()).get_current_head()


def current_revision(engine: Engine) -> str | None:
    """Revision the database is at, or None if it was never migrated."""
    from alembic.runtime.migration import MigrationContext

    with engine.connect() as conn:
        if not inspect(conn).has_table("alembic_version"):
            return None
        return MigrationContext.configure(conn).get_current_revision()
