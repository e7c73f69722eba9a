"""Which retrieved request, if any, to read the user's words as.

A candidate first has to be admissible: it must keep what NLU was sure of
(a confident intent, entities that resolved to one thing), pick one of the
meanings of an ambiguous entity, and resolve what did not resolve. Then it is
scored: surface similarity (RapidFuzz, because misrecognitions keep the
sound and most letters: of the whole request, and of the name that did not
resolve against the candidate's) and the retrieval similarity (meaning and
letters, `vectors`) carry most of it;
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
    name_likeness: float | None = None  # how alike the words that failed and its names are (value_match)


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
    # It must resolve something that did not: one of the unresolved entities at least (NLU also tags
    # spurious pieces, "maj" as a cuisine in "play maj and dragons", which no rewrite needs to keep).
    if doubt.unresolved and all(values.get(entity) is None for entity in doubt.unresolved):
        return False
    # Words NLU did not see as a name: the candidate must name something the catalogs know.
    if doubt.unrecognised and not any(v is not None for v in values.values()):
        return False
    return True


def likeness(words: str, name: str) -> float:
    """How alike heard words and a catalog name are, 0-1: the whole spelling, or (a little less) a part of
    the name said alone ("proof" for "you proof", "cruel" for "cruel summer")."""
    a, b = words.casefold(), name.casefold()
    partial = 0.9 * fuzz.partial_ratio(a, b) if min(len(a), len(b)) >= 4 else 0.0
    return max(fuzz.ratio(a, b), partial) / 100


def value_match(entry: Entry, doubt: Doubt) -> float | None:
    """How alike the words that failed and the candidate's names are (0-1), if any words failed.

    The candidate's value for the same entity counts first; its other names count too, because NLU may
    have typed the words wrong ("disturbia" tagged as an artist is the song)."""
    failed = list(doubt.unresolved.items())
    if doubt.unrecognised:
        failed.append(("", doubt.unrecognised))
    best = None
    for entity, value in failed:
        theirs = [v for e, v in entry.entities if e == entity] or [v for _, v in entry.entities]
        if theirs:
            ratio = max(likeness(value, v) for v in theirs)
            best = ratio if best is None else max(best, ratio)
    return best


def score(entry: Entry, similarity: float, query_key: str, now: float, doubt: Doubt | None = None) -> Scored:
    """0.35 x retrieval similarity + 0.4 x surface + 0.25 x the unresolved value's likeness to the candidate's
    (surface again when nothing was unresolved) + a little for evidence, success rate and recency."""
    s = surface(query_key, entry.key)
    value = value_match(entry, doubt) if doubt is not None else None
    if entry.layer == "global":
        evidence = min(1.0, math.log1p(entry.users) / math.log1p(50))
    else:
        evidence = min(1.0, math.log1p(entry.turns) / math.log1p(10))
    recency = math.exp(-max(0.0, now - entry.last_at) / (30 * DAY))
    total = (0.35 * similarity + 0.4 * s + 0.25 * (s if value is None else value)
             + 0.06 * evidence + 0.04 * (entry.success_rate - 0.5) + 0.02 * recency)
    return Scored(entry, similarity, s, total, value)
