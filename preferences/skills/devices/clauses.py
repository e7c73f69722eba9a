"""Several device commands in one message: "turn off the kitchen lights, start the dishwasher and lock the door".

NLU gives a message one intent and its entities in one list; the device
skill then did the first device and dropped the rest (the real sets'
labellers: intent, each time). The words still say where each command
starts: a clause (between commas, "and", "then") that names a device and
says what to do with it is one command. Its entities are the ones whose
values it contains; a clause that names a device and no action ("and the
fan") does what the one before it did.
"""
from __future__ import annotations

import re
from dataclasses import dataclass, field
from typing import Any

from preferences.catalogs.text import fold
from preferences.skills.base import Entities
from preferences.skills.devices.catalog import ROOM_PATTERN, find_device
from preferences.skills.devices.words import LEVEL_NUMBER, implies_thermostat, level_word, scan_color, scan_direction, \
    scan_power, scan_state

_SPLIT = re.compile(r"(,\s*(?:and\s+|then\s+)?|\s+(?:and then|and|then|also|plus)\s+)")
# Entities that belong to a device command; the others (an artist, a genre) belong to the rest of the message.
DEVICE_ENTITIES = frozenset({"device", "room", "level", "power", "state", "color"})


@dataclass
class Clause:
    """One part of a message: its words, and for a device command its entities."""

    text: str
    device: bool = False
    entities: dict[str, list[Any]] = field(default_factory=dict)


def action_of(words: list[str]) -> dict[str, list[Any]]:
    """What words say to do (on, off, a state) as entities, which words naming none may inherit."""
    power, state = scan_power(words), scan_state(words)
    if power:
        return {"power": [power]}
    if state:
        return {"state": [state]}
    return {}


def acts(text: str) -> bool:
    """The words say to do something to a device: on or off, a state, a direction, a level, a colour."""
    words = fold(text).split()
    return bool(action_of(words) or scan_direction(words) or level_word(text) is not None
                or LEVEL_NUMBER.search(text) or scan_color(text))


def split(text: str, entities: Entities) -> list[Clause]:
    """The message's clauses in order; those that command a device marked, with their entities.

    One clause (no device, or a single command) is the message as it was: nothing to split.
    """
    pieces = [p for p in _SPLIT.split(text) if p and not _SPLIT.fullmatch(p)]
    if len(pieces) < 2:
        return [Clause(text)]
    clauses, previous = [], None
    for piece in pieces:
        words = fold(piece).split()
        clause = Clause(piece.strip())
        if find_device(piece) or implies_thermostat(piece, ROOM_PATTERN.search(" ".join(words)) is not None):
            if acts(piece):
                clause.device, previous = True, action_of(words)
            elif previous:  # "and the fan": as the clause before
                clause.device = True
                clause.entities.update(previous)
        clauses.append(clause)
    for name, values in entities.items():  # each value to the first clause that says it
        for value in values if isinstance(values, (list, tuple)) else [values]:
            said = fold(str(value))
            owner = next((c for c in clauses if said and said in fold(c.text)), None)
            if owner is None and name not in DEVICE_ENTITIES:  # NLU's own spelling: the rest's
                owner = next((c for c in clauses if not c.device), None)
            if owner is not None and (not owner.device or name in DEVICE_ENTITIES):
                owner.entities.setdefault(name, []).append(value)
    return clauses


def rest(clauses: list[Clause]) -> tuple[str, dict[str, list[Any]]]:
    """The words and entities of the clauses that are not device commands ("play some smooth jazz")."""
    others = [c for c in clauses if not c.device]
    merged: dict[str, list[Any]] = {}
    for c in others:
        for name, values in c.entities.items():
            merged.setdefault(name, []).extend(values)
    return " and ".join(c.text for c in others), merged


__all__ = ["DEVICE_ENTITIES", "Clause", "action_of", "acts", "rest", "split"]
