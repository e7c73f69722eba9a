"""What a user's words teach: entities to preference slots, and confirmations in words.

One mapping from NLU entity names to (domain, slot) serves declarative
statements, answers at teachable moments and the guided Q&A, so the three
ways of teaching store the same thing the same way.
"""
from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from preferences.catalogs import normalize
from preferences.catalogs.places import by_key
from preferences.records import Polarity, Preference, Source
from preferences.store import PreferenceStore

# entity -> (domain, slot). A city in a statement is where the user lives.
ENTITY_SLOTS: dict[str, tuple[str, str]] = {
    "genre": ("music", "genre"),
    "artist": ("music", "artist"),
    "cuisine": ("food", "cuisine"),
    "team": ("sports", "team"),
    "news_topic": ("news", "news_topic"),
    "city": ("location", "home_city"),
    "units": ("weather", "units"),
}


def values_of(entities: Mapping[str, Any], name: str) -> list[str]:
    raw = entities.get(name)
    items = raw if isinstance(raw, (list, tuple)) else [raw]
    return [str(v).strip() for v in items if v not in (None, "") and str(v).strip()]


def city_value(entities: Mapping[str, Any]) -> str | None:
    """"Portland, Maine" may arrive as two city entities (see service.place_of)."""
    from preferences.service import place_of

    return place_of(entities)


def describe(slot: str, value: str, polarity: Polarity = Polarity.LIKE) -> str:
    """A preference in a few words, as the user would say it."""
    shown = value
    if slot in ("home_city", "asked_city"):
        city = by_key(value)
        shown = city.label if city else value
    if slot == "home_city":
        return f"you live in {shown}"
    if slot == "asked_city":
        return f"you usually mean {shown}"
    if slot == "units":
        return f"you want temperatures in {'Celsius' if value == 'metric' else 'Fahrenheit'}"
    if slot == "team":
        return f"you {'support' if polarity is Polarity.LIKE else 'are not a fan of'} the {shown}"
    noun = {"cuisine": f"{shown} food", "news_topic": f"{shown} news"}.get(slot, shown)
    verb = "like" if polarity is Polarity.LIKE else "don't like"
    return f"you {verb} {noun}"


def learn(store: PreferenceStore, user: str, entities: Mapping[str, Any], *, polarity: Polarity = Polarity.LIKE,
          source: Source = Source.STATED, utterance: str | None = None,
          only: set[str] | None = None) -> list[Preference]:
    """Record every preference the entities state; returns what was stored."""
    learned: list[Preference] = []
    for entity, (domain, slot) in ENTITY_SLOTS.items():
        if only is not None and slot not in only:
            continue
        values = [city_value(entities)] if entity == "city" and values_of(entities, "city") else \
            values_of(entities, entity)
        for value in values:
            if value is None or (slot in ("home_city", "units") and polarity is Polarity.DISLIKE):
                continue
            result = store.record(user, domain, slot, value, polarity=polarity, source=source, utterance=utterance)
            if result.preference is not None:
                learned.append(result.preference)
    return learned


def confirmation(learned: list[Preference]) -> str:
    """ "Got it: you like jazz." — or an honest note for values not in the catalogs."""
    known = [p for p in learned if p.recognized]
    unknown = [p for p in learned if not p.recognized]
    parts = []
    if known:
        parts.append("Got it: " + "; ".join(describe(p.slot, p.value, p.polarity) for p in known) + ".")
    for p in unknown:
        parts.append(f"I don't know \"{p.value}\" yet, but I'll remember that {describe(p.slot, p.value, p.polarity)}.")
    return " ".join(parts)


def is_known_value(slot: str, value: str) -> bool:
    return normalize(slot, value) is not None
