"""What a user's words teach: entities to preference slots, and confirmations in words.

One mapping from NLU entity names to (domain, slot) serves declarative
statements, answers at teachable moments and the guided Q&A, so the three
ways of teaching store the same thing the same way.
"""
from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from preferences.catalogs import normalize
from preferences.lazy import LazyTable
from preferences.records import Polarity, Preference, Source
from preferences.skills.base import place_of
from preferences.store import PreferenceStore


def _entity_slots() -> dict[str, tuple[str, str]]:
    from preferences.skills import registry

    return {slot.entity: (slot.domain, slot.name) for slot in registry.slots() if slot.entity and slot.stated}


# entity -> (domain, slot), in the order statements are stored and confirmed. A city in a statement is
# where the user lives.
ENTITY_SLOTS: LazyTable[tuple[str, str]] = LazyTable(_entity_slots)


def values_of(entities: Mapping[str, Any], name: str) -> list[str]:
    raw = entities.get(name)
    items = raw if isinstance(raw, (list, tuple)) else [raw]
    return [str(v).strip() for v in items if v not in (None, "") and str(v).strip()]


def describe(slot: str, value: str, polarity: Polarity = Polarity.LIKE) -> str:
    """A preference in a few words, as the user would say it (the skill declares how)."""
    from preferences.skills import registry

    spec = registry.slots_by_name().get(slot)
    if spec is not None and spec.describe is not None:
        return spec.describe(value, polarity)
    noun = (spec.noun if spec else "{}").format(value)
    verb = "like" if polarity is Polarity.LIKE else "don't like"
    return f"you {verb} {noun}"


def learn(store: PreferenceStore, user: str, entities: Mapping[str, Any], *, polarity: Polarity = Polarity.LIKE,
          source: Source = Source.STATED, utterance: str | None = None,
          only: set[str] | None = None) -> list[Preference]:
    """Record every preference the entities state; returns what was stored."""
    from preferences.skills import registry

    learned: list[Preference] = []
    for entity, (domain, slot) in ENTITY_SLOTS.items():
        if only is not None and slot not in only:
            continue
        values = [place_of(entities)] if entity == "city" and values_of(entities, "city") else \
            values_of(entities, entity)
        single = not registry.slots_by_name()[slot].multi_valued
        for value in values:
            if value is None or (single and polarity is Polarity.DISLIKE):
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
