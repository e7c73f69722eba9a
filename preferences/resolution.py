"""What a skill made of each entity of a request, recorded when it decided (issue 12, failure points).

Why record it instead of re-resolving later from the catalogs
(`selflearning.failure_points.resolve`): what the skill did depends on
things a later reading cannot see. The catalog may have changed since; a
preference chose among several ("Springfield" is the user's home town); a
city the user usually asks about decided; the skill stood in the closest
thing it had ("bedroom pop" played pop). So each skill builds one
`ResolvedEntity` per value it resolved, from what it computed anyway (no
extra catalog work), returns them on `SkillReply.resolutions`; the
conversation passes them on `Reply.resolutions`; and an adapter writes them
where its log keeps them (the Rasa action server: the metadata of the bot
message, under `METADATA_KEY`, so they land in the tracker store's ``bot``
event and never reach the user). Failure-point traces read them back with
`from_json`.

Values are kept as the skill saw them: ``value`` is the user's words (None
when nothing was said and a preference or the home city filled the slot),
``resolved`` the catalog value it used (None when it had none).
"""
from __future__ import annotations

import enum
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from typing import Any

METADATA_KEY = "resolutions"  # the key in a logged bot message's metadata
MAX_ALTERNATIVES = 5  # other candidates kept per entity: enough to see an ambiguity, small in the log


class How(str, enum.Enum):
    """How a skill came to its value; the string is what the log keeps."""

    EXACT = "exact"  # the catalog knows the words as the name or an alias of one value
    FUZZY = "fuzzy"  # a near spelling matched (no offline catalog does this today; a real provider may say so)
    DEFAULT = "default"  # several values match the words; the catalog's first (most populous city, first team)
    PREFERENCE = "preference"  # a taught preference chose among several, or filled what the words left open
    ASKED = "asked"  # the city this user usually asks about (inferred from their earlier requests) chose
    CLOSEST = "closest"  # not what the words name but the closest the skill has ("bedroom pop" -> pop)
    UNKNOWN = "unknown"  # nothing in the catalog; `resolved` is None


_HOW = {h.value: h for h in How}


@dataclass(frozen=True)
class ResolvedEntity:
    """One entity as the skill resolved it (see the module docstring)."""

    entity: str  # the NLU entity name ("city", "genre")
    value: str | None  # the words the skill resolved; None: not said, filled by a preference or the home city
    resolved: str | None  # the catalog value it used; None: none
    alternatives: tuple[str, ...] = ()  # other catalog values the words could name, most likely first
    how: How = How.EXACT

    @classmethod
    def named(cls, entity: str, value: str, resolved: str | None) -> ResolvedEntity:
        """A value looked up in a catalog with one answer or none (artist, topic, device)."""
        return cls(entity, value, resolved, (), How.EXACT if resolved is not None else How.UNKNOWN)

    @classmethod
    def among(cls, entity: str, value: str | None, chosen: str | None, candidates: Sequence[str],
              how: How) -> ResolvedEntity:
        """A value chosen among `candidates` (cities, teams); the others are its alternatives."""
        others = tuple(c for c in candidates if c != chosen)[:MAX_ALTERNATIVES]
        return cls(entity, value, chosen, others, How.UNKNOWN if chosen is None else how)

    def to_json(self) -> dict[str, Any]:
        return {"entity": self.entity, "value": self.value, "resolved": self.resolved,
                "alternatives": list(self.alternatives), "how": self.how.value}

    @classmethod
    def from_json(cls, raw: Any) -> ResolvedEntity | None:
        """Tolerant: the log is data from another process (and version); a bad item is None, never an error."""
        if not isinstance(raw, dict) or not isinstance(raw.get("entity"), str) or raw.get("how") not in _HOW:
            return None
        value, resolved, alternatives = raw.get("value"), raw.get("resolved"), raw.get("alternatives") or ()
        if not (value is None or isinstance(value, str)) or not (resolved is None or isinstance(resolved, str)):
            return None
        if not isinstance(alternatives, (list, tuple)):
            return None
        return cls(raw["entity"], value, resolved, tuple(a for a in alternatives if isinstance(a, str)),
                   _HOW[raw["how"]])


def to_metadata(resolutions: Iterable[ResolvedEntity]) -> dict[str, Any]:
    """The bot message metadata that records `resolutions` ({} when there are none)."""
    items = [r.to_json() for r in resolutions]
    return {METADATA_KEY: items} if items else {}


def from_json_list(raw: Any) -> tuple[ResolvedEntity, ...]:
    """The records in a logged list; bad items skipped."""
    if not isinstance(raw, (list, tuple)):
        return ()
    return tuple(r for r in map(ResolvedEntity.from_json, raw) if r is not None)


__all__ = ["MAX_ALTERNATIVES", "METADATA_KEY", "How", "ResolvedEntity", "from_json_list", "to_metadata"]
