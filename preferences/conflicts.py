"""How a new statement combines with what is already known: a pure function, no database.

The rules (also in docs/preference-store.md):

1. A newer explicit statement beats an older one. "Explicit" is stated,
   guided Q&A or a teachable moment; the latest one decides polarity,
   confidence, source and utterance.
2. A dislike removes a like of the same value (and a later like removes the
   dislike): one row per (user, domain, slot, value) whose polarity flips.
3. Several likes coexist in multi-valued slots (jazz and blues). In a
   single-valued slot (home_city, units; see `preferences.slots.SLOTS`) a new
   like supersedes the previous like, which is deleted.
4. Inferred preferences never override explicit ones: inferred evidence that
   contradicts an explicit row (other polarity, or another value of a
   single-valued slot) is ignored; inferred evidence that agrees with it only
   counts as more evidence. Between inferred rows, newer wins as in rule 1.
5. Saying the same thing again is a reaffirmation: evidence + 1, timestamps,
   and (if explicit) confidence and utterance move to the newest statement.

Every applied change is one history entry; ignored evidence is not a change.
"""
from __future__ import annotations

from dataclasses import dataclass
from typing import Protocol, Sequence

from preferences.records import ChangeAction, Polarity, Source


class Row(Protocol):
    value_key: str
    polarity: str
    source: str
    confidence: float


@dataclass(frozen=True)
class Incoming:
    value_key: str
    polarity: Polarity
    source: Source
    confidence: float


@dataclass(frozen=True)
class Plan:
    """What to do: `action` on the row for the incoming value, and rows to delete first."""

    action: ChangeAction
    target: Row | None  # existing row with the same value, if any
    supersede: tuple[Row, ...] = ()
    reason: str = ""


def decide(existing: Sequence[Row], new: Incoming, multi_valued: bool) -> Plan:
    """Apply the rules above to the user's current rows for one (domain, slot)."""
    same = next((r for r in existing if r.value_key == new.value_key), None)
    rivals: tuple[Row, ...] = ()
    if not multi_valued and new.polarity is Polarity.LIKE:
        rivals = tuple(r for r in existing if r.value_key != new.value_key and r.polarity == Polarity.LIKE.value)

    if not new.source.explicit:
        if same is not None and Source(same.source).explicit and same.polarity != new.polarity.value:
            return Plan(ChangeAction.IGNORED, same, reason="inferred evidence never overrides an explicit statement")
        if any(Source(r.source).explicit for r in rivals):
            return Plan(ChangeAction.IGNORED, same,
                        reason="inferred evidence never replaces an explicitly stated value of a single-valued slot")

    if same is None:
        return Plan(ChangeAction.CREATED, None, rivals, "new preference")
    if same.polarity != new.polarity.value:
        return Plan(ChangeAction.FLIPPED, same, rivals, f"newer {new.polarity.value} replaces older {same.polarity}")
    return Plan(ChangeAction.REAFFIRMED, same, rivals, "same preference again")


def merged_fields(row: Row, new: Incoming) -> tuple[str, float]:
    """Source and confidence after a reaffirmation (rules 1, 4, 5)."""
    old_source = Source(row.source)
    if new.source.explicit:
        return new.source.value, new.confidence
    if old_source.explicit:  # inferred agreeing with explicit: keep the explicit record
        return old_source.value, row.confidence
    return old_source.value, max(row.confidence, new.confidence)
