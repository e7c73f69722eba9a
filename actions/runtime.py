"""Process-wide objects shared by all actions, built on first use.

Building them lazily keeps `rasa run actions` start-up fast and lets the
database come up after the action server does.
"""
from __future__ import annotations

from functools import lru_cache
from typing import Any

from rasa_sdk import Tracker

from preferences.service import AssistantService
from preferences.store import PreferenceStore


@lru_cache(maxsize=1)
def store() -> PreferenceStore:
    return PreferenceStore()


@lru_cache(maxsize=1)
def service() -> AssistantService:
    return AssistantService(store())


def entities_of(tracker: Tracker) -> dict[str, list[Any]]:
    """Entities of the latest user message, grouped by name, in message order."""
    grouped: dict[str, list[Any]] = {}
    for ent in tracker.latest_message.get("entities") or []:
        if isinstance(ent, dict) and ent.get("entity") and ent.get("value") not in (None, ""):
            grouped.setdefault(ent["entity"], []).append(ent["value"])
    return grouped
