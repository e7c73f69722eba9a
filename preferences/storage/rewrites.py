"""The rewrite table: versioned, switched atomically, withdrawn when rewrites stop winning.

A mining run calls `start_version`, `add`, then `activate`, which retires
the old version and activates the new one in one transaction: readers see
the old table or the new one, never half of one, and a run that dies before
`activate` leaves a `building` version nobody reads (`fail` marks it; a
run killed before it could is cleaned up by the next run, rows and all:
preferences.storage.builds). Withdrawals and live outcome counts carry over
to the next version for the same request and target, so re-mining cannot
bring back a rewrite the evidence had withdrawn.
"""
from __future__ import annotations

import builtins
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from datetime import datetime
from typing import Any

from sqlalchemy import delete, func, insert, select, update
from sqlalchemy.engine import Connection

from preferences import sanitize as san
from preferences.models import ForgottenUserRow, RewriteEvidenceRow, RewriteRow, RewriteVersionRow
from preferences.records import Rewrite
from preferences.selflearning.online.settings import OnlineSettings
from preferences.storage import online_index
from preferences.storage.builds import VersionedStore

VERSIONS = RewriteVersionRow.__table__
REWRITES = RewriteRow.__table__
EVIDENCE = RewriteEvidenceRow.__table__
FORGOTTEN = ForgottenUserRow.__table__
MAX_EVIDENCE_USERS = 1000  # per rewrite: enough to take forgotten users out, bounded in size


@dataclass(frozen=True)
class NewRewrite:
    """What a mining run found for one request (see preferences.selflearning)."""

    source_key: str
    source_text: str
    target_text: str
    probability: float
    baseline: float
    edges: int
    users: Sequence[str]  # evidence: the users listed (bounded)
    user_count: int | None = None  # distinct users behind it (default: len(users))


@dataclass(frozen=True)
class Outcomes:
    rewritten_ok: int = 0
    rewritten_failed: int = 0
    held_out_ok: int = 0
    held_out_failed: int = 0


def _record(r: Any) -> Rewrite:
    return Rewrite(r.id, r.version_id, r.source_key, r.source_text, r.target_text, r.probability, r.baseline,
                   r.edges, r.users, r.status, r.withdrawn_at, r.withdrawn_reason, r.rewritten_ok,
                   r.rewritten_failed, r.held_out_ok, r.held_out_failed)


class RewriteTable(VersionedStore):
    """The global layer's table of precomputed rewrites."""

    VERSIONS = RewriteVersionRow.__table__

    # --- versions -------------------------------------------------------------------------------
    def start_version(self, source: str) -> int:
        """A new `building` version, after cleaning up the versions of runs that died."""
        return self._start({"source": san.clean_text(source, 200)})

    def _delete_rows_in(self, conn: Connection, versions: builtins.list[int]) -> None:
        rewrites = select(REWRITES.c.id).where(REWRITES.c.version_id.in_(versions))
        conn.execute(delete(EVIDENCE).where(EVIDENCE.c.rewrite_id.in_(rewrites)))
        conn.execute(delete(REWRITES).where(REWRITES.c.version_id.in_(versions)))

    def add(self, version: int, found: Iterable[NewRewrite]) -> int:
        """Write a building version's rewrites, carrying withdrawals and outcomes over from the active one."""
        found = list(found)

        def tx(conn: Connection, now: datetime) -> int:
            status = conn.execute(select(VERSIONS.c.status).where(VERSIONS.c.id == version)).scalar()
            if status != "building":
                raise ValueError(f"rewrite version {version} is {status}, not building")
            previous = {(r.source_key, r.target_text): r for r in conn.execute(
                select(REWRITES).join(VERSIONS, VERSIONS.c.id == REWRITES.c.version_id)
                .where(VERSIONS.c.status == "active"))}
            for item in found:
                old = previous.get((item.source_key, item.target_text))
                users = sorted(set(item.users))[:MAX_EVIDENCE_USERS]
                row = dict(version_id=version, source_key=item.source_key[:200], source_text=item.source_text,
                           target_text=item.target_text, probability=float(item.probability),
                           baseline=float(item.baseline), edges=int(item.edges),
                           users=item.user_count if item.user_count is not None else len(set(item.users)),
                           status=old.status if old else "active",
                           withdrawn_at=old.withdrawn_at if old else None,
                           withdrawn_reason=old.withdrawn_reason if old else None,
                           rewritten_ok=old.rewritten_ok if old else 0,
                           rewritten_failed=old.rewritten_failed if old else 0,
                           held_out_ok=old.held_out_ok if old else 0,
                           held_out_failed=old.held_out_failed if old else 0)
                rewrite_id = conn.execute(insert(REWRITES).values(**row)).inserted_primary_key[0]
                if users:
                    conn.execute(insert(EVIDENCE), [{"rewrite_id": rewrite_id, "user_id": u} for u in users])
            return len(found)

        return self._write([], tx)

    def activate(self, version: int, stats: dict[str, Any] | None = None) -> None:
        """Make `version` the one in force, retiring the previous one, in one transaction."""
        def tx(conn: Connection, now: datetime) -> None:
            status = conn.execute(select(VERSIONS.c.status).where(VERSIONS.c.id == version)).scalar()
            if status != "building":
                raise ValueError(f"rewrite version {version} is {status}, not building")
            conn.execute(update(VERSIONS).where(VERSIONS.c.status == "active").values(status="retired"))
            conn.execute(update(VERSIONS).where(VERSIONS.c.id == version)
                         .values(status="active", finished_at=now, stats=san.json_safe(stats or {}, "stats")))
            self._finish_in(conn, version)

        try:
            self._write([], tx)
        finally:
            self._stop_heartbeat(version)

    def fail(self, version: int, reason: str) -> None:
        def tx(conn: Connection, now: datetime) -> None:
            conn.execute(update(VERSIONS).where(VERSIONS.c.id == version, VERSIONS.c.status == "building")
                         .values(status="failed", finished_at=now, stats={"error": reason[:500]}))
            self._finish_in(conn, version)

        try:
            self._write([], tx)
        finally:
            self._stop_heartbeat(version)

    def active_version(self) -> int | None:
        return self._read(lambda c: c.execute(select(VERSIONS.c.id).where(VERSIONS.c.status == "active")).scalar())

    def versions(self, limit: int = 20) -> builtins.list[dict[str, Any]]:
        q = select(VERSIONS).order_by(VERSIONS.c.id.desc()).limit(limit)
        return self._read(lambda c: [dict(r._mapping) for r in c.execute(q)])

    # --- reading -----------------------------------------------------------------------------------
    def lookup(self) -> dict[str, tuple[int, str]]:
        """source_key -> (rewrite id, target text) of the rewrites in force: what the runtime applies."""
        q = (select(REWRITES.c.source_key, REWRITES.c.id, REWRITES.c.target_text)
             .join(VERSIONS, VERSIONS.c.id == REWRITES.c.version_id)
             .where(VERSIONS.c.status == "active", REWRITES.c.status == "active"))
        return self._read(lambda c: {r.source_key: (r.id, r.target_text) for r in c.execute(q)})

    def list(self, include_withdrawn: bool = True) -> builtins.list[Rewrite]:
        q = (select(REWRITES).join(VERSIONS, VERSIONS.c.id == REWRITES.c.version_id)
             .where(VERSIONS.c.status == "active").order_by(REWRITES.c.status, REWRITES.c.users.desc(),
                                                            REWRITES.c.source_key))
        if not include_withdrawn:
            q = q.where(REWRITES.c.status == "active")
        return self._read(lambda c: [_record(r) for r in c.execute(q)])

    def get(self, rewrite_id: int) -> Rewrite | None:
        row = self._read(lambda c: c.execute(select(REWRITES).where(REWRITES.c.id == rewrite_id)).first())
        return _record(row) if row else None

    def find(self, source_key: str) -> Rewrite | None:
        """The rewrite of the active version for a normalised request, withdrawn or not."""
        q = (select(REWRITES).join(VERSIONS, VERSIONS.c.id == REWRITES.c.version_id)
             .where(VERSIONS.c.status == "active", REWRITES.c.source_key == source_key))
        row = self._read(lambda c: c.execute(q).first())
        return _record(row) if row else None

    # --- changing one rewrite ------------------------------------------------------------------------
    def withdraw(self, rewrite_id: int, reason: str) -> bool:
        def tx(conn: Connection, now: datetime) -> bool:
            n = conn.execute(update(REWRITES).where(REWRITES.c.id == rewrite_id, REWRITES.c.status == "active")
                             .values(status="withdrawn", withdrawn_at=now,
                                     withdrawn_reason=san.clean_text(reason, 500))).rowcount
            return bool(n)

        return self._write([], tx)

    def set_outcomes(self, counts: dict[int, Outcomes]) -> None:
        """Replace live outcome counts (recounted from the log by the mining job)."""
        def tx(conn: Connection, now: datetime) -> None:
            for rewrite_id, o in counts.items():
                conn.execute(update(REWRITES).where(REWRITES.c.id == rewrite_id).values(
                    rewritten_ok=o.rewritten_ok, rewritten_failed=o.rewritten_failed,
                    held_out_ok=o.held_out_ok, held_out_failed=o.held_out_failed))

        self._write([], tx)

    def forget_user(self, user: str, min_users: int) -> int:
        """Take a user out of every rewrite's evidence (withdrawing rewrites left with too few users),
        out of the online-rewriting indexes, and out of the log from now on (see ForgottenUserRow)."""
        user = san.check_user(user)

        def tx(conn: Connection, now: datetime) -> int:
            conn.execute(delete(FORGOTTEN).where(FORGOTTEN.c.user_id == user))
            conn.execute(insert(FORGOTTEN).values(user_id=user, at=now))
            # ... and out of both online-rewriting layers, in the same transaction
            online_index.forget_in(conn, user, OnlineSettings().min_global_users)
            ids = list(conn.execute(select(EVIDENCE.c.rewrite_id).where(EVIDENCE.c.user_id == user)).scalars())
            if not ids:
                return 0
            conn.execute(delete(EVIDENCE).where(EVIDENCE.c.user_id == user))
            conn.execute(update(REWRITES).where(REWRITES.c.id.in_(ids)).values(users=REWRITES.c.users - 1))
            conn.execute(update(REWRITES).where(REWRITES.c.id.in_(ids), REWRITES.c.users < min_users,
                                                REWRITES.c.status == "active")
                         .values(status="withdrawn", withdrawn_at=now,
                                 withdrawn_reason="too few users left after a user asked to be forgotten"))
            return len(ids)

        return self._write([], tx)

    def evidence_users(self, rewrite_id: int) -> builtins.list[str]:
        q = select(EVIDENCE.c.user_id).where(EVIDENCE.c.rewrite_id == rewrite_id).order_by(EVIDENCE.c.user_id)
        return self._read(lambda c: list(c.execute(q).scalars()))

    def count(self) -> int:
        return self._read(lambda c: c.execute(select(func.count()).select_from(REWRITES)).scalar_one())

    def forgotten(self) -> dict[str, datetime]:
        """Users who asked to be forgotten, and when: their earlier turns are not evidence."""
        return self._read(lambda c: {r.user_id: r.at for r in c.execute(select(FORGOTTEN))})
