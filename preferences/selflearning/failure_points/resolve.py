"""An entity's resolution in a trace: the skill's own record when the log has one, else re-resolved.

Since issue 12 the skills record what they resolved each entity to
(`preferences.resolution`; the action server logs it with the answer), and
`from_record` turns that record into a trace's `Resolution`: what the skill
did at the time, preferences, asked cities and "the closest I have" included.
Logs written before that (and JSON Lines without ``resolutions``) have only
what NLU recognised (entity, value, confidence); for them `resolve`
*derives* the resolution with the very normalisers the skills declare
(`preferences.skills.registry`), so a trace says "Portland -> Portland, OR,
US; also Portland, ME, US" or "chillwave -> nothing; nearest 'chill beats'
at 67". That is what the catalogs say *now*, for a user without
preferences: it can differ from what the skill did (a catalog changed, a
preference chose the other Portland). Each `Resolution` says which it is.

The nearest catalog spelling (RapidFuzz) matters for telling a misheard
name (unresolved, but close to a known one: "maj and dragons" / "imagine
dragons") from a real but unknown value (unresolved, nothing close).
Everything is cached per (entity, value): logs repeat the same values.
"""
from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from functools import lru_cache

from rapidfuzz import fuzz, process

from preferences.catalogs.text import fold
from preferences.resolution import MAX_ALTERNATIVES, How, ResolvedEntity


@dataclass(frozen=True)
class Resolution:
    """One recognised entity and what the skill (recorded) or the catalogs (derived) made of it."""

    entity: str
    value: str  # as recognised by NLU
    confidence: float | None  # the extractor's confidence, when it gives one
    catalogued: bool  # False: free text (a room, a level), nothing to resolve
    resolved: str | None  # the catalog value the skill used (recorded) or would use (derived); None if none
    alternatives: tuple[str, ...] = ()  # other catalog values the words could name, most likely first
    near: str | None = None  # the closest catalog spelling when unresolved (always derived: a property of the words)
    near_score: float = 0.0  # its RapidFuzz ratio, 0-100
    how: How | None = None  # how it was resolved (None: free text)
    recorded: bool = False  # True: the skill's record from the log; False: derived from today's catalogs

    @property
    def missed(self) -> bool:
        """The skill did not find what the words name: nothing, or only the closest thing it had."""
        return self.catalogued and (self.resolved is None or self.how is How.CLOSEST)


def _normalisers() -> dict[str, Callable[[str], str | None]]:
    """entity -> the normaliser of the slot that entity fills, as the skills declare it.

    If the skill modules cannot be imported (one is mid-change), the catalogs'
    own normalisers stand in: a report must not fail because a skill did.
    """
    try:
        from preferences.skills import registry

        from preferences.catalogs import music

        declared = {slot.entity: slot.normalize for slot in registry.slots() if slot.entity and slot.normalize}
    except ImportError:
        from preferences.catalogs import food, music, news, places, sports, units

        declared = {"genre": music.normalize_genre, "artist": music.normalize_artist,
                    "city": places.normalize_city, "cuisine": food.normalize_cuisine, "team": sports.normalize_team,
                    "news_topic": news.normalize_topic, "units": units.normalize_units}
    # A song is no slot (nothing stores it as a preference), but the music skill resolves it in the catalog
    # and records that (`music.resolve_named`): an unknown title is as unresolved as an unknown artist.
    return declared | {"song": music.normalize_track}


def _names(items: object) -> list[str]:
    """Names and aliases of catalog records (objects with .name/.aliases, or plain strings)."""
    out = []
    for item in items:  # type: ignore[attr-defined]
        if isinstance(item, str):
            out.append(item)
        else:
            out += [item.name, *getattr(item, "aliases", ())]
    return out


def _catalog_names(entity: str) -> list[str]:
    """Every spelling the catalog knows for `entity`, read through public functions only.

    The catalogs are being extended (the reference data replaced hand lists), so
    this asks for the richest public listing and falls back to the older one.
    """
    from preferences.catalogs import food, music, news, reference, sports, units

    if entity == "genre":
        return _names(reference.genres()) + list(getattr(music, "GENRE_WORDS", {}))
    if entity == "artist":
        listing = getattr(music, "all_artists", None)
        return _names(listing() if listing else reference.artists())
    if entity == "song":
        return list(music.all_titles())
    if entity == "cuisine":
        listing = getattr(food, "cuisines", None)
        return list(listing()) if listing else _names(reference.cuisines())
    if entity == "news_topic":
        return [n for key, aliases in news.TOPICS.items() for n in (key, *aliases)]
    if entity == "units":
        return [n for key, aliases in units.UNITS.items() for n in (key, *aliases)]
    if entity == "team":
        return [t.name for t in sports.TEAMS] + [t.nickname for t in sports.TEAMS]
    if entity == "device":  # recorded by the device skills; no slot declares it, so it is never derived
        from preferences.skills.devices import DEVICES

        return [n for key, aliases in DEVICES.items() for n in (key, *aliases)]
    return []


@lru_cache(maxsize=None)
def vocabulary(entity: str) -> tuple[str, ...]:
    """Folded catalog spellings of `entity`, in catalog order (most charted artists first), no repeats."""
    return tuple(dict.fromkeys(f for f in map(fold, _catalog_names(entity)) if f))  # a name may fold to nothing


@lru_cache(maxsize=1)
def _normaliser_table() -> dict[str, Callable[[str], str | None]]:
    return _normalisers()


def _candidates(entity: str, value: str) -> tuple[str, ...]:
    """Every catalog value the words could name (several for "Portland", "the Giants")."""
    if entity == "city":
        from preferences.catalogs import places

        return tuple(c.key for c in places.candidates(value)[:MAX_ALTERNATIVES + 1])
    if entity == "team":
        from preferences.catalogs import sports

        return tuple(t.name for t in sports.find_teams(value)[:MAX_ALTERNATIVES + 1])
    return ()


@lru_cache(maxsize=1 << 16)
def nearest(entity: str, value: str) -> tuple[str | None, float]:
    """The closest catalog spelling of `value` and its RapidFuzz ratio ((None, 0.0) without a vocabulary)."""
    names = vocabulary(entity)
    hit = process.extractOne(fold(value), names, scorer=fuzz.ratio) if names else None
    return (hit[0], float(hit[1])) if hit is not None else (None, 0.0)


@lru_cache(maxsize=1 << 16)
def _resolve(entity: str, value: str) -> tuple[bool, str | None, tuple[str, ...], str | None, float]:
    normalise = _normaliser_table().get(entity)
    if normalise is None:
        return False, None, (), None, 0.0
    try:
        resolved = normalise(value)
    except Exception:  # noqa: BLE001 - a catalog bug must not stop a report; the value counts as unresolved
        resolved = None
    found = _candidates(entity, value)
    if resolved is None and len(found) > 1:
        resolved = found[0]  # a team nickname shared by two leagues: the skill takes the first
    alternatives = tuple(c for c in found if c != resolved)[:MAX_ALTERNATIVES]
    near, score = nearest(entity, value) if resolved is None else (None, 0.0)
    return True, resolved, alternatives, near, score


def resolve(entity: str, value: str, confidence: float | None = None) -> Resolution:
    """What the catalogs make of `value` as `entity` today (cached): the derived resolution."""
    catalogued, resolved, alternatives, near, score = _resolve(entity, value)
    how = None if not catalogued else How.UNKNOWN if resolved is None else How.DEFAULT if alternatives else How.EXACT
    return Resolution(entity, value, confidence, catalogued, resolved, alternatives, near, score, how)


def from_record(record: ResolvedEntity, value: str, confidence: float | None = None) -> Resolution:
    """The skill's record of a mention as a trace's resolution; only the nearest catalog spelling is derived.

    Only for a value that resolved to nothing: a closest stand-in means the skill understood the words
    ("techno", which it could not play), so how near they are to a catalog name says nothing of mishearing.
    """
    near, score = nearest(record.entity, value) if record.resolved is None else (None, 0.0)
    return Resolution(record.entity, value, confidence, True, record.resolved, record.alternatives, near, score,
                      record.how, recorded=True)


# Entities a lone word of a request may name, for telling a name the answer ignored ("madison", "liverpool")
# from a word that names nothing ("jacket"). Songs are left out: some title is every common word.
NAMING_ENTITIES = ("city", "team", "artist", "genre", "cuisine")


@lru_cache(maxsize=1 << 16)
def names_entity(word: str) -> str | None:
    """The first of `NAMING_ENTITIES` whose catalog resolves `word` (cached: requests repeat their words)."""
    return next((e for e in NAMING_ENTITIES if _resolve(e, word)[1] is not None), None)


__all__ = ["NAMING_ENTITIES", "Resolution", "from_record", "names_entity", "nearest", "resolve", "vocabulary"]
