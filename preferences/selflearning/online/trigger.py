"""Is this interpretation likely to fail? The cheap check run on every turn before any retrieval.

Retrieval costs an embedding (milliseconds); most turns are understood
well, so only the ones with a concrete reason to doubt are rewritten:

* the intent is a fallback or out of scope, or its confidence is low;
* an entity the catalogs know (artist, city, genre, ...) does not resolve:
  "maj and dragons" is no artist, so "play maj and dragons" will fail;
* an entity resolves to several things ("Springfield": Illinois,
  Massachusetts, Missouri, ...): the user's own history may know which.

Entities are resolved with the same catalog normalisers the skills use
(`failure_points.resolve`), so the check agrees with what the skill would do.
"""
from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field

from preferences.selflearning.failure_points.resolve import resolve
from preferences.selflearning.online.settings import OnlineSettings

FALLBACK_INTENTS = frozenset({"nlu_fallback", "out_of_scope"})


@dataclass(frozen=True)
class Doubt:
    """Why a turn may fail, and what a rewrite must respect."""

    reasons: tuple[str, ...]
    # entity -> the catalog values an ambiguous entity could mean: a rewrite must pick one of them
    ambiguous: dict[str, tuple[str, ...]] = field(default_factory=dict)
    # entities that resolve to one value: a rewrite must keep them
    resolved: dict[str, str] = field(default_factory=dict)
    # entity -> the words that resolved to nothing ("maj and dragons"): a rewrite's value should sound alike
    unresolved: dict[str, str] = field(default_factory=dict)
    confident_intent: str | None = None  # the intent, when NLU was sure of it: a rewrite must keep it

    def __bool__(self) -> bool:
        return bool(self.reasons)


def doubt(intent: str | None, confidence: float | None, entities: Sequence[tuple[str, str]],
          settings: OnlineSettings = OnlineSettings()) -> Doubt:
    """The reasons to rewrite this interpretation (none: leave it alone)."""
    reasons: list[str] = []
    if intent in FALLBACK_INTENTS or intent is None:
        reasons.append("fallback")
    elif confidence is not None and confidence < settings.min_intent_confidence:
        reasons.append("low_confidence")
    ambiguous: dict[str, tuple[str, ...]] = {}
    resolved: dict[str, str] = {}
    unresolved: dict[str, str] = {}
    for entity, value in entities:
        r = resolve(entity, value)
        if not r.catalogued:
            continue
        if r.resolved is None:
            reasons.append(f"unresolved_{entity}")
            unresolved[entity] = value
        elif r.alternatives:
            reasons.append(f"ambiguous_{entity}")
            ambiguous[entity] = (r.resolved, *r.alternatives)
        else:
            resolved[entity] = r.resolved
    sure = intent if "fallback" not in reasons and "low_confidence" not in reasons else None
    return Doubt(tuple(reasons), ambiguous, resolved, unresolved, sure)
