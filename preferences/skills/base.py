"""What every skill returns, so adapters (Rasa actions, CLI, tests) stay dumb."""
from __future__ import annotations

import hashlib
from dataclasses import dataclass, field
from typing import Any


@dataclass(frozen=True)
class SkillReply:
    """The text to say plus the facts behind it (for explanations and tests)."""

    text: str
    facts: dict[str, Any] = field(default_factory=dict)


def stable_number(*parts: object, modulo: int) -> int:
    """A deterministic pseudo-random number for offline catalogs.

    Python's hash() is salted per process; the demo must answer the same in
    the Rasa process, the action server and the tests.
    """
    digest = hashlib.sha256("|".join(map(str, parts)).encode()).digest()
    return int.from_bytes(digest[:8], "big") % modulo
