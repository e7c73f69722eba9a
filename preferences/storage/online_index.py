"""The online-rewriting indexes in SQL: versioned like the rewrite table, forgotten users removed at once.

A build writes a `building` version and `activate` switches to it in one
transaction, so a running assistant reads the old index or the new one,
never half of one; a build that dies leaves the old one in force (and the
next build cleans up after it: preferences.storage.builds). Rows keep
their embeddings (float32 bytes), so the next build re-embeds only requests
it has not seen before, and several instances (or machines) sharing the
database read the same index.
"""
from __future__ import annotations

from collections.abc import Iterable, Sequence
from datetime import datetime
from typing import Any

import numpy as np
from sqlalchemy import delete, func, insert, select, update
from sqlalchemy.engine import Connection

from preferences import sanitize as san
from preferences.models import ForgottenUserRow, OnlineIndexVersionRow, OnlineRequestRow
from preferences.selflearning.online.collect import Entry
from preferences.storage.builds import VersionedStore

VERSIONS = OnlineIndexVersionRow.__table__
REQUESTS = OnlineRequestRow.__table__
FORGOTTEN = ForgottenUserRow.__table__
INSERT_BATCH = 2000


def _row(version: int, e: Entry, vector: np.ndarray) -> dict[str, Any]:
    return dict(version_id=version, layer=e.layer, user_id=e.user_id, key=e.key[:200], text=e.text,
                intent=e.intent[:64] if e.intent else None, entities=[list(p) for p in e.entities],
                turns=e.turns, users=e.users, success_rate=float(e.success_rate), last_at=float(e.last_at),
                vector=np.asarray(vector, dtype=np.float32).tobytes())


def entry_of(r: Any) -> Entry:
    return Entry(r.layer, r.user_id, r.key, r.text, r.intent, tuple((str(a), str(b)) for a, b in r.entities or ()),
                 r.turns, r.users, r.success_rate, r.last_at)


def forget_in(conn: Connection, user: str, min_global_users: int) -> int:
    """Inside a caller's transaction: the user's personal entries go, and they stop counting globally.

    A global entry is the pooling of personal ones, so the keys of the user's
    personal entries are exactly the global entries they helped build: each
    loses one user and goes when fewer than `min_global_users` remain.
    """
    keys = list(conn.execute(select(REQUESTS.c.key).where(REQUESTS.c.user_id == user)).scalars())
    removed = conn.execute(delete(REQUESTS).where(REQUESTS.c.user_id == user)).rowcount
    if keys:
        shared = (REQUESTS.c.layer == "global") & REQUESTS.c.key.in_(set(keys))
        conn.execute(update(REQUESTS).where(shared).values(users=REQUESTS.c.users - 1))
        removed += conn.execute(delete(REQUESTS).where(shared & (REQUESTS.c.users < min_global_users))).rowcount
    return removed


class OnlineIndexStore(VersionedStore):
    """Read and write the versions of the two layers."""

    VERSIONS = OnlineIndexVersionRow.__table__

    def start_version(self) -> int:
        """A new `building` version, after cleaning up the versions of builds that died."""
        return self._start({})

    def _delete_rows_in(self, conn: Connection, versions: list[int]) -> None:
        conn.execute(delete(REQUESTS).where(REQUESTS.c.version_id.in_(versions)))

    def add(self, version: int, entries: Sequence[Entry], vectors: np.ndarray) -> int:
        """Write a building version's entries (vectors row for row)."""
        def tx(conn: Connection, now: datetime) -> int:
            status = conn.execute(select(VERSIONS.c.status).where(VERSIONS.c.id == version)).scalar()
            if status != "building":
                raise ValueError(f"online index version {version} is {status}, not building")
            for start in range(0, len(entries), INSERT_BATCH):
                conn.execute(insert(REQUESTS), [_row(version, e, v) for e, v in
                                                zip(entries[start:start + INSERT_BATCH],
                                                    vectors[start:start + INSERT_BATCH])])
            return len(entries)

        return self._write([], tx)

    def activate(self, version: int, stats: dict[str, Any] | None = None) -> None:
        """Make `version` the one in force and drop the rows of older ones, in one transaction."""
        def tx(conn: Connection, now: datetime) -> None:
            status = conn.execute(select(VERSIONS.c.status).where(VERSIONS.c.id == version)).scalar()
            if status != "building":
                raise ValueError(f"online index version {version} is {status}, not building")
            old = list(conn.execute(select(VERSIONS.c.id).where(VERSIONS.c.status == "active")).scalars())
            conn.execute(update(VERSIONS).where(VERSIONS.c.status == "active").values(status="retired"))
            conn.execute(update(VERSIONS).where(VERSIONS.c.id == version)
                         .values(status="active", finished_at=now, stats=san.json_safe(stats or {}, "stats")))
            if old:  # an index is rebuilt from the log each time: old rows are never read again
                conn.execute(delete(REQUESTS).where(REQUESTS.c.version_id.in_(old)))
            self._finish_in(conn, version)

        try:
            self._write([], tx)
        finally:
            self._stop_heartbeat(version)

    def fail(self, version: int, reason: str) -> None:
        def tx(conn: Connection, now: datetime) -> None:
            conn.execute(delete(REQUESTS).where(REQUESTS.c.version_id == version))
            conn.execute(update(VERSIONS).where(VERSIONS.c.id == version, VERSIONS.c.status == "building")
                         .values(status="failed", finished_at=now, stats={"error": reason[:500]}))
            self._finish_in(conn, version)

        try:
            self._write([], tx)
        finally:
            self._stop_heartbeat(version)

    def active_version(self) -> int | None:
        return self._read(lambda c: c.execute(select(VERSIONS.c.id).where(VERSIONS.c.status == "active")).scalar())

    def stamp(self) -> tuple[int | None, datetime | None]:
        """What a running assistant compares to know its copy is stale: the version, the last forget."""
        def read(c: Connection) -> tuple[int | None, datetime | None]:
            version = c.execute(select(VERSIONS.c.id).where(VERSIONS.c.status == "active")).scalar()
            return version, c.execute(select(func.max(FORGOTTEN.c.at))).scalar()

        return self._read(read)

    def versions(self, limit: int = 20) -> list[dict[str, Any]]:
        q = select(VERSIONS).order_by(VERSIONS.c.id.desc()).limit(limit)
        return self._read(lambda c: [dict(r._mapping) for r in c.execute(q)])

    def entries(self, version: int | None = None, layer: str | None = None, user: str | None = None
                ) -> tuple[list[Entry], np.ndarray]:
        """Entries of a version (default: the active one) with their vectors, in id order."""
        def read(c: Connection) -> tuple[list[Entry], np.ndarray]:
            v = version if version is not None else c.execute(
                select(VERSIONS.c.id).where(VERSIONS.c.status == "active")).scalar()
            q = select(REQUESTS).where(REQUESTS.c.version_id == v).order_by(REQUESTS.c.id)
            if layer is not None:
                q = q.where(REQUESTS.c.layer == layer)
            if user is not None:
                q = q.where(REQUESTS.c.user_id == user)
            rows = c.execute(q).all() if v is not None else []
            vectors = np.frombuffer(b"".join(r.vector for r in rows), dtype=np.float32).reshape(len(rows), -1) \
                if rows else np.zeros((0, 384), np.float32)
            return [entry_of(r) for r in rows], vectors

        return self._read(read)

    def known_vectors(self, keys: Iterable[str]) -> dict[str, np.ndarray]:
        """Embeddings the active version already has, by request key (so a rebuild does not redo them)."""
        wanted = set(keys)
        q = (select(REQUESTS.c.key, REQUESTS.c.vector).join(VERSIONS, VERSIONS.c.id == REQUESTS.c.version_id)
             .where(VERSIONS.c.status == "active"))

        def read(c: Connection) -> dict[str, np.ndarray]:
            out: dict[str, np.ndarray] = {}
            for key, blob in c.execute(q):
                if key in wanted and key not in out:
                    out[key] = np.frombuffer(blob, dtype=np.float32)
            return out

        return self._read(read)

    def forget_user(self, user: str, min_global_users: int) -> int:
        user = san.check_user(user)
        return self._write([], lambda conn, now: forget_in(conn, user, min_global_users))
