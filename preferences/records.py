"""Plain records the preference store hands out, and the errors it raises.

Callers get frozen dataclasses, never ORM objects: an ORM object is tied to a
session that is closed by the time the caller looks at it, and a frozen record
can be cached, compared and sent across processes safely.
"""
from __future__ import annotations

import enum
from dataclasses import asdict, dataclass, field
from datetime import datetime
from typing import Any

# The exceptions live in preferences.errors (one hierarchy); re-exported for callers of the records.
from preferences.errors import PreferenceError, StoreUnavailable  # noqa: F401


class Polarity(str, enum.Enum):
    """Whether the user likes or dislikes the value."""

    LIKE = "like"
    DISLIKE = "dislike"


class Source(str, enum.Enum):
    """How the preference was learned; `inferred` is the only non-explicit one."""

    STATED = "stated"  # "I like jazz"
    GUIDED_QA = "guided_qa"  # answered in "learn my preferences"
    TEACHABLE_MOMENT = "teachable_moment"  # taught after the assistant got it wrong
    INFERRED = "inferred"  # guessed from behaviour; never overrides an explicit one

    @property
    def explicit(self) -> bool:
        return self is not Source.INFERRED


class ChangeAction(str, enum.Enum):
    """What a write did; also the `action` of history entries."""

    CREATED = "created"  # new preference
    REAFFIRMED = "reaffirmed"  # same value and polarity said or seen again
    FLIPPED = "flipped"  # polarity changed (a dislike removed a like, or the reverse)
    SUPERSEDED = "superseded"  # removed by a newer value of a single-valued slot
    IGNORED = "ignored"  # inferred evidence that contradicts an explicit statement (not in history)
    FORGOTTEN = "forgotten"  # deleted on the user's request (history keeps a value-less tombstone)
    DEFINED = "defined"  # personal concept defined
    REDEFINED = "redefined"  # personal concept changed
    IMPORTED = "imported"  # restored from an export


@dataclass(frozen=True)
class Preference:
    """One thing the assistant believes about one user."""

    user: str
    domain: str
    slot: str
    value: str
    polarity: Polarity
    source: Source
    confidence: float
    evidence: int  # how many times it was stated or observed
    recognized: bool  # False only if the slot has a catalog and the value is not in it (kept as cleaned text)
    utterance: str | None  # the latest utterance that taught or confirmed it
    created_at: datetime
    updated_at: datetime

    def to_json(self) -> dict[str, Any]:
        d = asdict(self)
        d["polarity"] = self.polarity.value
        d["source"] = self.source.value
        d["created_at"] = self.created_at.isoformat()
        d["updated_at"] = self.updated_at.isoformat()
        return d


@dataclass(frozen=True)
class ChangeResult:
    """Outcome of `record`: what happened, the resulting preference, and what it replaced."""

    action: ChangeAction
    preference: Preference | None
    replaced: tuple[Preference, ...] = ()
    reason: str = ""

    @property
    def changed(self) -> bool:
        return self.action is not ChangeAction.IGNORED


@dataclass(frozen=True)
class HistoryEntry:
    """One change, kept so "why do you think I like jazz?" has an answer."""

    at: datetime
    user: str
    kind: str  # "preference" or "concept"
    action: ChangeAction
    domain: str | None
    slot: str | None
    value: str | None
    polarity: Polarity | None
    source: Source | None
    confidence: float | None
    utterance: str | None
    details: dict[str, Any] | None = None

    def to_json(self) -> dict[str, Any]:
        return {
            "at": self.at.isoformat(),
            "kind": self.kind,
            "action": self.action.value,
            "domain": self.domain,
            "slot": self.slot,
            "value": self.value,
            "polarity": self.polarity.value if self.polarity else None,
            "source": self.source.value if self.source else None,
            "confidence": self.confidence,
            "utterance": self.utterance,
            "details": self.details,
        }


@dataclass(frozen=True)
class Concept:
    """A user's own name for something, e.g. "study mode" = lights at 40% warm white."""

    user: str
    name: str
    definition: dict[str, Any] = field(default_factory=dict)
    utterance: str | None = None
    created_at: datetime | None = None
    updated_at: datetime | None = None

    def to_json(self) -> dict[str, Any]:
        return {
            "name": self.name,
            "definition": self.definition,
            "utterance": self.utterance,
            "created_at": self.created_at.isoformat() if self.created_at else None,
            "updated_at": self.updated_at.isoformat() if self.updated_at else None,
        }


@dataclass(frozen=True)
class DeviceState:
    """Last known state of one device in one room for one user (smart-home demo)."""

    user: str
    device: str
    room: str
    state: dict[str, Any]
    updated_at: datetime

    def to_json(self) -> dict[str, Any]:
        return {"device": self.device, "room": self.room, "state": self.state,
                "updated_at": self.updated_at.isoformat()}




@dataclass(frozen=True)
class Rewrite:
    """A precomputed rewrite in the table, with its evidence and its live outcomes."""

    id: int
    version: int
    source_key: str  # the normalised request it applies to
    source_text: str  # how users most often said it
    target_text: str  # what it is read as
    probability: float  # of succeeding as the target (absorbing Markov chain)
    baseline: float  # the source's own success rate when mined
    edges: int
    users: int
    status: str  # active | withdrawn
    withdrawn_at: datetime | None = None
    withdrawn_reason: str | None = None
    rewritten_ok: int = 0
    rewritten_failed: int = 0
    held_out_ok: int = 0
    held_out_failed: int = 0

    @property
    def win_rate(self) -> float | None:
        n = self.rewritten_ok + self.rewritten_failed
        return self.rewritten_ok / n if n else None

    @property
    def held_out_rate(self) -> float | None:
        n = self.held_out_ok + self.held_out_failed
        return self.held_out_ok / n if n else None

    def to_json(self) -> dict[str, Any]:
        data = asdict(self)
        data["withdrawn_at"] = self.withdrawn_at.isoformat() if self.withdrawn_at else None
        data["win_rate"], data["held_out_rate"] = self.win_rate, self.held_out_rate
        return data
