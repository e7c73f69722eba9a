"""Offline reference catalogs the skills answer from and preferences are normalised to.

`normalize(slot, value)` is the one entry point the store uses, so that
"italian food" and "Italian" end as one stored cuisine.
"""
from __future__ import annotations

import re
import unicodedata
from typing import Callable

from preferences.lazy import LazyTable


def _from_registry() -> dict[str, Callable[[str], str | None]]:
    from preferences.skills import registry  # the skills declare their slots' catalogs

    return {slot.name: slot.normalize for slot in registry.slots() if slot.normalize is not None}


# slot -> its catalog's normaliser, as the skills declare them.
NORMALIZERS: LazyTable[Callable[[str], str | None]] = LazyTable(_from_registry)

MAX_FREE_TEXT = 200
_CONTROL = re.compile(r"[\x00-\x1f\x7f]")


def clean_free_text(value: str) -> str:
    """Plain, bounded text for slots without a catalog; never interpreted."""
    value = unicodedata.normalize("NFC", value)
    value = _CONTROL.sub(" ", value)
    return " ".join(value.split())[:MAX_FREE_TEXT]


def normalize(slot: str, value: str) -> str | None:
    """Canonical catalog value for catalogued slots (None if unknown); cleaned text otherwise."""
    fn = NORMALIZERS.get(slot)
    if fn is None:
        cleaned = clean_free_text(value)
        return cleaned or None
    if not value or len(value) > MAX_FREE_TEXT:
        return None
    return fn(clean_free_text(value))


def is_catalogued(slot: str) -> bool:
    return slot in NORMALIZERS
