"""SQLAlchemy models of the preference store (1.4 with the 2.0-style API).

The `users` row is more than bookkeeping: every write transaction for a user
locks it first (`SELECT ... FOR UPDATE` on PostgreSQL; SQLite writers are
serialised by `BEGIN IMMEDIATE`), so concurrent writers of the same user
queue up instead of losing each other's updates. All other tables cascade
from it, so forgetting a user is one delete that cannot miss a table.

Keep in step with migrations/versions; tests/store/test_migrations.py checks
that autogenerate finds no difference.
"""
from __future__ import annotations

from datetime import datetime, timezone

from sqlalchemy import (JSON, Boolean, CheckConstraint, Column, DateTime, Float, ForeignKey, Index, Integer,
                        LargeBinary, MetaData, String, Text, UniqueConstraint)
from sqlalchemy.orm import declarative_base
from sqlalchemy.types import TypeDecorator

NAMING = {
    "ix": "ix_%(table_name)s_%(column_0_N_name)s",
    "uq": "uq_%(table_name)s_%(column_0_N_name)s",
    "ck": "ck_%(table_name)s_%(constraint_name)s",
    "fk": "fk_%(table_name)s_%(column_0_name)s_%(referred_table_name)s",
    "pk": "pk_%(table_name)s",
}

Base = declarative_base(metadata=MetaData(naming_convention=NAMING))


class UTCDateTime(TypeDecorator):
    """Timezone-aware UTC datetimes on both databases (SQLite forgets the zone otherwise)."""

    impl = DateTime(timezone=True)
    cache_ok = True

    def process_bind_param(self, value, dialect):
        if value is not None:
            if value.tzinfo is None:
                raise ValueError("naive datetime given to the preference store")
            value = value.astimezone(timezone.utc)
            if dialect.name == "sqlite":
                value = value.replace(tzinfo=None)
        return value

    def process_result_value(self, value, dialect):
        if value is not None:
            value = value.replace(tzinfo=timezone.utc) if value.tzinfo is None else value.astimezone(timezone.utc)
        return value


def utcnow() -> datetime:
    return datetime.now(timezone.utc)


USER = String(128)


def _user_fk() -> ForeignKey:
    return ForeignKey("users.user_id", ondelete="CASCADE")


class UserRow(Base):
    __tablename__ = "users"
    user_id = Column(USER, primary_key=True)
    created_at = Column(UTCDateTime, nullable=False)


class PreferenceRow(Base):
    __tablename__ = "preferences"
    id = Column(Integer, primary_key=True)
    user_id = Column(USER, _user_fk(), nullable=False)
    domain = Column(String(40), nullable=False)
    slot = Column(String(40), nullable=False)
    value = Column(String(200), nullable=False)
    value_key = Column(Text, nullable=False)
    polarity = Column(String(10), nullable=False)
    source = Column(String(20), nullable=False)
    confidence = Column(Float, nullable=False)
    evidence = Column(Integer, nullable=False)
    recognized = Column(Boolean, nullable=False)
    utterance = Column(Text)
    created_at = Column(UTCDateTime, nullable=False)
    updated_at = Column(UTCDateTime, nullable=False)

    __table_args__ = (
        # Also the index for "all of one user's preferences" (leading user_id).
        UniqueConstraint("user_id", "domain", "slot", "value_key"),
        CheckConstraint("polarity IN ('like', 'dislike')", name="polarity"),
        CheckConstraint("source IN ('stated', 'guided_qa', 'teachable_moment', 'inferred')", name="source"),
        CheckConstraint("confidence >= 0 AND confidence <= 1", name="confidence"),
    )


class HistoryRow(Base):
    __tablename__ = "preference_history"
    id = Column(Integer, primary_key=True)
    user_id = Column(USER, _user_fk(), nullable=False)
    at = Column(UTCDateTime, nullable=False)
    kind = Column(String(20), nullable=False)  # preference | concept
    action = Column(String(20), nullable=False)
    domain = Column(String(40))
    slot = Column(String(64))
    value = Column(String(200))
    value_key = Column(Text)
    polarity = Column(String(10))
    source = Column(String(20))
    confidence = Column(Float)
    utterance = Column(Text)
    details = Column(JSON)

    __table_args__ = (Index(None, "user_id", "kind", "slot", "value_key"),)


class ConceptRow(Base):
    __tablename__ = "personal_concepts"
    user_id = Column(USER, _user_fk(), primary_key=True)
    name = Column(String(64), primary_key=True)
    definition = Column(JSON, nullable=False)
    utterance = Column(Text)
    created_at = Column(UTCDateTime, nullable=False)
    updated_at = Column(UTCDateTime, nullable=False)


class DeviceStateRow(Base):
    __tablename__ = "device_states"
    user_id = Column(USER, _user_fk(), primary_key=True)
    device = Column(String(64), primary_key=True)
    room = Column(String(64), primary_key=True)
    state = Column(JSON, nullable=False)
    updated_at = Column(UTCDateTime, nullable=False)


class RewriteVersionRow(Base):
    """One mining run's rewrite table. Exactly one version is `active`; a run writes a `building`
    version and switches it to active in one transaction, so an interrupted run is never used."""

    __tablename__ = "rewrite_versions"
    id = Column(Integer, primary_key=True)
    status = Column(String(10), nullable=False)  # building | active | retired | failed
    created_at = Column(UTCDateTime, nullable=False)
    finished_at = Column(UTCDateTime)
    source = Column(String(200))  # where the mined turns came from (URLs redacted)
    stats = Column(JSON)

    __table_args__ = (CheckConstraint("status IN ('building', 'active', 'retired', 'failed')", name="status"),)


class RewriteRow(Base):
    """A precomputed rewrite: requests normalised to `source_key` are read as `target_text`."""

    __tablename__ = "rewrites"
    id = Column(Integer, primary_key=True)
    version_id = Column(Integer, ForeignKey("rewrite_versions.id", ondelete="CASCADE"), nullable=False)
    source_key = Column(String(200), nullable=False)
    source_text = Column(Text, nullable=False)
    target_text = Column(Text, nullable=False)
    probability = Column(Float, nullable=False)  # absorption probability of succeeding as the target
    baseline = Column(Float, nullable=False)  # the source's own success rate
    edges = Column(Integer, nullable=False)  # rephrase transitions supporting it
    users = Column(Integer, nullable=False)  # distinct users among them
    status = Column(String(10), nullable=False)  # active | withdrawn
    withdrawn_at = Column(UTCDateTime)
    withdrawn_reason = Column(Text)
    rewritten_ok = Column(Integer, nullable=False, default=0)  # outcomes of turns it rewrote ...
    rewritten_failed = Column(Integer, nullable=False, default=0)
    held_out_ok = Column(Integer, nullable=False, default=0)  # ... and of matching turns left alone
    held_out_failed = Column(Integer, nullable=False, default=0)

    __table_args__ = (
        UniqueConstraint("version_id", "source_key"),
        CheckConstraint("status IN ('active', 'withdrawn')", name="status"),
    )


class RewriteEvidenceRow(Base):
    """Which users' rephrases support a rewrite, so a forgotten user can be taken out of it."""

    __tablename__ = "rewrite_evidence"
    rewrite_id = Column(Integer, ForeignKey("rewrites.id", ondelete="CASCADE"), primary_key=True)
    user_id = Column(USER, primary_key=True, index=True)


class ForgottenUserRow(Base):
    """Users who asked to be forgotten: their turns leave the interaction log and every rewrite's evidence.

    The log is Rasa's tracker store, which a running conversation may write
    again after a delete; so the miner also skips these users' turns from
    before `at`, and the retention job deletes them from the log.
    """

    __tablename__ = "forgotten_users"
    user_id = Column(USER, primary_key=True)
    at = Column(UTCDateTime, nullable=False)


class JobLeaseRow(Base):
    """A lease per scheduled job, so with several instances each run happens once; and one per versioned
    build under way (`build:<versions table>:<id>`, preferences.storage.builds), so a dead run's is told
    from a live one's."""

    __tablename__ = "job_leases"
    job = Column(String(64), primary_key=True)
    holder = Column(String(128), nullable=False)
    expires_at = Column(UTCDateTime, nullable=False)
    last_run_at = Column(UTCDateTime)


class OnlineIndexVersionRow(Base):
    """One build of the online-rewriting indexes; switched to `active` in one transaction like rewrites."""

    __tablename__ = "online_index_versions"
    id = Column(Integer, primary_key=True)
    status = Column(String(10), nullable=False)  # building | active | retired | failed
    created_at = Column(UTCDateTime, nullable=False)
    finished_at = Column(UTCDateTime)
    stats = Column(JSON)

    __table_args__ = (CheckConstraint("status IN ('building', 'active', 'retired', 'failed')", name="status"),)


class OnlineRequestRow(Base):
    """A request that succeeded: for one user (layer `personal`) or for several users (layer `global`).

    The online rewriter retrieves these by embedding similarity; `vector` is
    the unit-length MiniLM embedding of `text` as float32 bytes, kept so a
    rebuild re-embeds only requests it has not seen before.
    """

    __tablename__ = "online_requests"
    id = Column(Integer, primary_key=True)
    version_id = Column(Integer, ForeignKey("online_index_versions.id", ondelete="CASCADE"), nullable=False)
    layer = Column(String(8), nullable=False)  # personal | global
    user_id = Column(USER)  # the user of a personal entry; NULL for global ones
    key = Column(String(200), nullable=False)  # request_key(text)
    text = Column(Text, nullable=False)  # its most frequent spelling
    intent = Column(String(64))
    entities = Column(JSON, nullable=False)  # [[entity, value], ...] as interpreted when it succeeded
    turns = Column(Integer, nullable=False)  # successful turns behind it
    users = Column(Integer, nullable=False)  # distinct users behind it (1 for a personal entry)
    success_rate = Column(Float, nullable=False)  # its successes over all its turns
    last_at = Column(Float, nullable=False)  # epoch seconds of its last success
    vector = Column(LargeBinary, nullable=False)

    __table_args__ = (
        CheckConstraint("layer IN ('personal', 'global')", name="layer"),
        Index(None, "version_id", "layer", "user_id"),
        Index(None, "user_id"),
    )


TABLES = [UserRow.__table__, PreferenceRow.__table__, HistoryRow.__table__, ConceptRow.__table__,
          DeviceStateRow.__table__, RewriteVersionRow.__table__, RewriteRow.__table__,
          RewriteEvidenceRow.__table__, ForgottenUserRow.__table__, JobLeaseRow.__table__,
          OnlineIndexVersionRow.__table__, OnlineRequestRow.__table__]
