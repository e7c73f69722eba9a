"""Which retrieved request, if any, to read the user's words as.

A candidate first has to be admissible: it must keep what NLU was sure of
(a confident intent, entities that resolved to one thing), pick one of the
meanings of an ambiguous entity, and resolve what did not resolve. Then it is
scored: surface similarity (RapidFuzz, because misrecognitions keep the
sound and most letters) and meaning (the MiniLM cosine) carry most of it;
how many users or turns it succeeded for, its success rate and how recently
add a little, enough to pick "Springfield, Illinois" over "Springfield,
Massachusetts" for a new user when most people mean the first.
"""
from __future__ import annotations

import math
from dataclasses import dataclass

from rapidfuzz import fuzz

from preferences.selflearning.failure_points.resolve import resolve
from preferences.selflearning.online.collect import Entry
from preferences.selflearning.online.trigger import Doubt

DAY = 86_400.0


@dataclass(frozen=True)
class Scored:
    entry: Entry
    similarity: float  # MiniLM cosine with the request
    surface: float  # RapidFuzz, 0-1
    score: float


def surface(query_key: str, candidate_key: str) -> float:
    """Letters and words in common, 0-1; a request that adds a word ("... illinois") scores high."""
    return max(fuzz.ratio(query_key, candidate_key), 0.9 * fuzz.token_set_ratio(query_key, candidate_key)) / 100


def admissible(entry: Entry, query_key: str, doubt: Doubt) -> bool:
    """Does this candidate repair the doubt without changing what was already understood?"""
    if entry.key == query_key:
        return False
    if doubt.confident_intent is not None and entry.intent != doubt.confident_intent:
        return False
    values: dict[str, str | None] = {}
    for entity, value in entry.entities:
        values.setdefault(entity, resolve(entity, value).resolved)
    for entity, meanings in doubt.ambiguous.items():
        if values.get(entity) not in meanings:
            return False
    for entity, value in doubt.resolved.items():
        if entity in values and values[entity] != value:
            return False
    for reason in doubt.reasons:
        if reason.startswith("unresolved_") and values.get(reason[len("unresolved_"):]) is None:
            return False
    return True


def score(entry: Entry, similarity: float, query_key: str, now: float) -> Scored:
    s = surface(query_key, entry.key)
    if entry.layer == "global":
        evidence = min(1.0, math.log1p(entry.users) / math.log1p(50))
    else:
        evidence = min(1.0, math.log1p(entry.turns) / math.log1p(10))
    recency = math.exp(-max(0.0, now - entry.last_at) / (30 * DAY))
    total = 0.45 * similarity + 0.55 * s + 0.06 * evidence + 0.04 * (entry.success_rate - 0.5) + 0.02 * recency
    return Scored(entry, similarity, s, total)
