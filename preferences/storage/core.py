"""The transaction core every part of the store stands on.

Design in one paragraph: every write for a user runs in one transaction that
first takes that user's lock (the `users` row, `SELECT ... FOR UPDATE` on
PostgreSQL; `BEGIN IMMEDIATE` on SQLite, which serialises writers), then
reads what it needs, decides, applies and appends history. Because the
read-decide-write happens under the lock, concurrent writers (threads, the
Rasa process, the action server, several action servers on PostgreSQL) queue
up and none of their updates is lost. Reads take no lock. Failures of the
database itself become `StoreUnavailable` (an outage), never a bare driver
error; lock conflicts are retried with backoff.
"""
from __future__ import annotations

import time
from datetime import datetime
from typing import Any, Callable, Iterable

from sqlalchemy import bindparam, select
from sqlalchemy.dialects import postgresql, sqlite
from sqlalchemy.engine import Connection, Engine
from sqlalchemy.exc import DBAPIError, OperationalError, ProgrammingError

from preferences.db import database_url, make_engine, redact, write_engine
from preferences.errors import PreferenceError, StoreUnavailable
from preferences.models import UserRow, utcnow

RETRIES = 6
USERS = UserRow.__table__
_Q_LOCK = select(USERS.c.user_id).where(USERS.c.user_id == bindparam("user")).with_for_update()


def enum_value(cls, value, what):
    """`value` as a member of the str enum `cls`, or a PreferenceError naming what was allowed."""
    try:
        return cls(value.value if isinstance(value, cls) else value)
    except ValueError:
        allowed = ", ".join(m.value for m in cls)
        raise PreferenceError(f"{what} must be one of {allowed}; got {value!r}") from None


def _retryable(exc: DBAPIError) -> bool:
    code = getattr(exc.orig, "pgcode", None)
    if code in ("40001", "40P01"):  # serialization failure, deadlock
        return True
    return "database is locked" in str(exc.orig) or "database table is locked" in str(exc.orig)


class Database:
    """One engine, one writer, and the read / write-under-user-lock primitives."""

    def __init__(self, url: str | None = None, *, engine: Engine | None = None) -> None:
        self._owns_engine = engine is None
        self.engine = engine if engine is not None else make_engine(url)
        self.url = database_url(url) if engine is None else engine.url.render_as_string(hide_password=False)
        self._writer = write_engine(self.engine)
        self.dialect = self.engine.dialect.name

    def close(self) -> None:
        if self._owns_engine:
            self.engine.dispose()

    def __enter__(self):
        return self

    def __exit__(self, *exc) -> None:
        self.close()

    def __repr__(self) -> str:
        return f"{type(self).__name__}({redact(self.url)!r})"

    def _unavailable(self, exc: Exception) -> StoreUnavailable:
        text = str(getattr(exc, "orig", exc)).strip().splitlines()[0] if str(exc).strip() else type(exc).__name__
        lowered = text.lower()
        if "no such table" in lowered or ("relation" in lowered and "does not exist" in lowered):
            return StoreUnavailable(f"database {redact(self.url)} is not migrated; run `prefs migrate` ({text})")
        return StoreUnavailable(f"cannot use database {redact(self.url)}: {text}")

    def _read(self, fn: Callable[[Any], Any]) -> Any:
        try:
            with self.engine.connect() as conn:
                return fn(conn)
        except (OperationalError, ProgrammingError) as exc:
            raise self._unavailable(exc) from exc

    def _write(self, users: Iterable[str], fn: Callable[[Connection, datetime], Any], create: bool = True) -> Any:
        """Run `fn` in a write transaction holding the locks of `users` (sorted: no deadlocks).

        With create=False a missing user is not created and `fn` gets now=None
        (privacy operations must not create users as a side effect).
        """
        users = sorted(set(users))
        for attempt in range(RETRIES):
            try:
                with self._writer.connect() as conn, conn.begin():
                    present = all([self._lock_user(conn, u, create) for u in users])
                    now = utcnow()  # after the lock: history times follow the order writes happened in
                    return fn(conn, now if present else None)
            except (OperationalError, ProgrammingError, DBAPIError) as exc:
                if attempt < RETRIES - 1 and _retryable(exc):
                    time.sleep(0.01 * 2 ** attempt)
                    continue
                if isinstance(exc, (OperationalError, ProgrammingError)):
                    raise self._unavailable(exc) from exc
                raise

    def _lock_user(self, conn: Connection, user: str, create: bool) -> bool:
        """Lock the user's row (creating it if asked); False if the user does not exist."""
        for _ in range(3):
            if conn.execute(_Q_LOCK, {"user": user}).first() is not None:
                return True
            if not create:
                return False
            ins = (postgresql.insert if self.dialect == "postgresql" else sqlite.insert)(USERS)
            conn.execute(ins.values(user_id=user, created_at=utcnow()).on_conflict_do_nothing(
                index_elements=["user_id"]))
        raise StoreUnavailable(f"could not lock user {user!r}")  # pragma: no cover - deleted 3 times in a row
