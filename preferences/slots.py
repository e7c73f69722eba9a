"""The one table that says which slots exist, where they live and how many values they hold.

Single-valued slots hold one liked value: a user has one home city and one
unit system, so a newer one replaces the older. Multi-valued slots keep every
liked value side by side (jazz *and* blues). Catalogued slots are normalised
to the offline catalogs (`preferences.catalogs.normalize`).

Slots not in the table are allowed (a skill may invent one, e.g. devices /
favourite_scene): they are multi-valued, free text, and their domain is
whatever the caller says.
"""
from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class SlotSpec:
    domain: str
    multi_valued: bool
    catalogued: bool


SLOTS: dict[str, SlotSpec] = {
    #  slot           domain       multi  catalogued
    "genre": SlotSpec("music", True, True),
    "artist": SlotSpec("music", True, True),
    "cuisine": SlotSpec("food", True, True),
    "team": SlotSpec("sports", True, True),
    "news_topic": SlotSpec("news", True, True),
    "home_city": SlotSpec("location", False, True),
    "units": SlotSpec("weather", False, True),
}

DEFAULT_SPEC_MULTI = True


def spec_for(slot: str, domain: str) -> SlotSpec:
    """The rule for a slot; unknown slots are multi-valued free text in the caller's domain."""
    return SLOTS.get(slot) or SlotSpec(domain, DEFAULT_SPEC_MULTI, False)


def domain_for(slot: str) -> str | None:
    spec = SLOTS.get(slot)
    return spec.domain if spec else None
