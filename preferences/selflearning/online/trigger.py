"""Is this interpretation likely to fail? The cheap check run on every turn before any retrieval.

Retrieval costs an embedding (milliseconds); most turns are understood
well, so only the ones with a concrete reason to doubt are rewritten:

* the intent is a fallback or out of scope, or its confidence is low;
* an entity the catalogs know (artist, city, genre, ...) does not resolve:
  "maj and dragons" is no artist, so "play maj and dragons" will fail;
* an entity resolves to several things ("Springfield": Illinois,
  Massachusetts, Missouri, ...): the user's own history may know which;
* NLU recognised nothing the catalogs know, yet words are left that no
  successful request uses as its wording ("play posd mallone", "play the
  song proof"): the name was there and the tagger did not see it. Which
  words are wording is learnt from the index itself (`carrier_words`), so
  "play some music" or "what's the weather" stay undoubted.

Entities are resolved with the same catalog normalisers the skills use
(`failure_points.resolve`), so the check agrees with what the skill would do.
"""
from __future__ import annotations

from collections import Counter
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field

from preferences.selflearning.failure_points.resolve import resolve
from preferences.selflearning.normalize import request_key
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
    # the words no recognised entity and no request wording explains ("posd mallone"): a rewrite must name
    # something the catalogs know, and its name should sound like them
    unrecognised: str | None = None

    def __bool__(self) -> bool:
        return bool(self.reasons)


def carrier_words(requests: Iterable[tuple[str, Sequence[tuple[str, str]]]], min_requests: int) -> frozenset[str]:
    """The words successful requests say around their names ("play", "weather", "in", "the", "song").

    `requests`: (request key, entities) of requests that succeeded. A word counts when at least
    `min_requests` distinct requests use it outside their entities' values: one request's odd word is not
    wording, and a title word inside an entity value never is."""
    counts: Counter[str] = Counter()
    seen: set[str] = set()
    for key, entities in requests:
        if key in seen:  # the same request in several users' layers and the global one is one request
            continue
        seen.add(key)
        named = {w for _, value in entities for w in request_key(value).split()}
        counts.update(set(key.split()) - named)
    return frozenset(w for w, n in counts.items() if n >= min_requests)


def _unrecognised(text: str | None, entities: Sequence[tuple[str, str]], carrier: frozenset[str]) -> str | None:
    """The words of `text` that neither an entity nor the learnt wording covers, in order; None if none."""
    if not text or not carrier:
        return None  # no index yet: nothing tells wording from names
    named = {w for _, value in entities for w in request_key(value).split()}
    left = [w for w in request_key(text).split() if w not in carrier and w not in named]
    return " ".join(left) or None


def doubt(intent: str | None, confidence: float | None, entities: Sequence[tuple[str, str]],
          settings: OnlineSettings = OnlineSettings(), text: str | None = None,
          carrier: frozenset[str] = frozenset()) -> Doubt:
    """The reasons to rewrite this interpretation (none: leave it alone).

    `text` and `carrier` (see `carrier_words`) let a turn whose name NLU did not see at all be doubted."""
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
    unrecognised = None
    if not (ambiguous or resolved or unresolved):  # nothing catalogued was recognised: was a name missed?
        unrecognised = _unrecognised(text, entities, carrier)
        if unrecognised:
            reasons.append("unrecognised_words")
    sure = intent if "fallback" not in reasons and "low_confidence" not in reasons else None
    return Doubt(tuple(reasons), ambiguous, resolved, unresolved, sure, unrecognised)
