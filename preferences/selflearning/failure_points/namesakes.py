"""Whether the user's next message picks another of the namesakes this turn chose between.

"weather in paris" answered for Paris, France and followed at once by "no,
paris texas", "the one in georgia", "illinois" or "ohio, not ireland": the
place was recognised and resolved to the wrong one of several, which the
issue calls entity_resolution, and so does the labelling convention
(benchmarks/data/failure_points_labelling.md, rule 7). Nothing else in the
trace shows it when the next message is no rephrase of the request: NLU
reads it as a bare `inform`, often without any entity, so the rephrase
features stay silent. What shows it is that the next message names one of
the alternatives the resolution listed, or the region of one (the part
that tells namesakes apart), or rules out the region of the one chosen; or
that the rephrase which then worked names such a region ("no", then
"weather in portland maine": the issue's own example, which the default
model had called correct).

Over the twelve labelled real sets it marks 44 turns, 39 of them
entity_resolution (of 67 there); the next message resolving to an
alternative alone marked 19, 17 of them entity_resolution.
"""
from __future__ import annotations

from functools import lru_cache

from preferences.catalogs.places import by_key, region_code, regions_in, regions_ruled_out
from preferences.selflearning.failure_points.trace import TurnTrace, fold_cached

# A correction comes at once; a message minutes later is a new request.
NEXT_SECONDS = 120.0


@lru_cache(maxsize=1 << 14)
def _region(key: str) -> str | None:
    """The region code ("US:IL", "GB") of a place key such as "Springfield, IL, US"."""
    city = by_key(key)
    return region_code(city) if city is not None else None


def next_picks_namesake(trace: TurnTrace) -> bool:
    """The user's next message, right after, or the rephrase that then worked ("no" ... "weather in portland
    maine") names another namesake than the one resolved (see the module doc)."""
    nxt = trace.next
    if nxt is None or nxt.gap > NEXT_SECONDS:
        return False
    texts = [nxt.text] + ([trace.rephrase.text] if trace.rephrase is not None else [])
    said: set[str] | None = None
    for r in trace.resolutions:
        if not r.alternatives or not r.resolved:
            continue
        others = {fold_cached(a) for a in r.alternatives} - {fold_cached(r.resolved)}
        if others.intersection(nxt.values):
            return True
        if r.entity != "city":
            continue
        if said is None:
            said = set().union(*(regions_in(t) for t in texts))
        if not said:
            continue
        mine = _region(r.resolved)
        if any((region := _region(a)) in said and region != mine for a in r.alternatives):
            return True
        if mine in regions_ruled_out(nxt.text):  # "ohio, not ireland"
            return True
    return False


__all__ = ["NEXT_SECONDS", "next_picks_namesake"]
