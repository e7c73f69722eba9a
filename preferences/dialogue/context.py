"""The one thing every conversation handler takes: the turn in progress.

Adapters (the Rasa action server, the tests, a future channel) build a
`TurnContext` from whatever they have; handlers never see a tracker.
"""
from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from typing import Any

from preferences.dialogue.state import State
from preferences.moments import Turn
from preferences.signals import ChannelMetadata

Entities = dict[str, list[Any]]


@dataclass
class TurnContext:
    user: str
    text: str = ""
    intent: str | None = None
    confidence: float = 1.0
    entities: Entities = field(default_factory=dict)  # grouped by name, in message order
    metadata: dict[str, Any] = field(default_factory=dict)  # what the channel sent besides the words
    at: float = 0.0  # seconds, any epoch
    history: list[Turn] = field(default_factory=list)  # this session's earlier user turns, oldest first
    last_bot_text: str | None = None
    state: State = field(default_factory=State)
    rewrite: dict[str, Any] | None = None  # a precomputed rewrite applied before NLU: {"id", "raw", "target"}

    @property
    def channel(self) -> ChannelMetadata:
        return ChannelMetadata.parse(self.metadata)

    def with_entities(self, entities: Mapping[str, Any]) -> "TurnContext":
        """The same turn with other entities (a corrected or remembered request)."""
        return TurnContext(self.user, self.text, self.intent, self.confidence, dict(entities), self.metadata,
                           self.at, self.history, self.last_bot_text, self.state, self.rewrite)
