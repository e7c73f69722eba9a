"""The table that says which slots exist, where they live and how many values they hold.

Single-valued slots hold one liked value: a user has one home city and one
unit system, so a newer one replaces the older. Multi-valued slots keep every
liked value side by side (jazz *and* blues). Catalogued slots are normalised
to the offline catalogs (`preferences.catalogs.normalize`).

The table is what the skills declare (`preferences.skills.registry`).
Slots not in the table are allowed (a skill may invent one, e.g. devices /
favourite_scene): they are multi-valued, free text, and their domain is
whatever the caller says.
"""
from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass

from preferences.lazy import LazyTable


@dataclass(frozen=True)
class SlotSpec:
    domain: str
    multi_valued: bool
    catalogued: bool


def _from_registry() -> dict[str, SlotSpec]:
    from preferences.skills import registry  # the skills read the store, so the table is built on first use

    return {slot.name: SlotSpec(slot.domain, slot.multi_valued, slot.normalize is not None)
            for slot in registry.slots()}


# slot -> where it lives, how many values it holds, whether a catalog normalises it.
SLOTS: Mapping[str, SlotSpec] = LazyTable(_from_registry)

DEFAULT_SPEC_MULTI = True


def spec_for(slot: str, domain: str) -> SlotSpec:
    """The rule for a slot; unknown slots are multi-valued free text in the caller's domain."""
    return SLOTS.get(slot) or SlotSpec(domain, DEFAULT_SPEC_MULTI, False)


def domain_for(slot: str) -> str | None:
    spec = SLOTS.get(slot)
    return spec.domain if spec else None
