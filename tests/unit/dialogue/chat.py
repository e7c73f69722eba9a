"""One user's side of a conversation, as the Rasa adapter plays it (state and history kept between turns)."""
from __future__ import annotations

from typing import Any

from preferences.dialogue import HANDLERS, Conversation, State, TurnContext
from preferences.moments import Turn
from preferences.records import Polarity
from preferences.skills import registry


class Chat:
    """Plays one user's side: keeps the state and the turn history like the Rasa adapter does."""

    def __init__(self, conv: Conversation, user: str = "ann") -> None:
        self.conv, self.user, self.state = conv, user, State()
        self.history: list[Turn] = []
        self.last_bot: str | None = None
        self.last_reply: Any = None  # the Reply itself, for what the adapter logs beside the words
        self.clock = 0.0

    def request(self, skill: str, text: str, entities: dict[str, Any] | None = None, **kw: Any) -> str:
        self.clock += 10
        ctx = self._context(text, registry.skill(skill).intent, entities, **kw)
        reply = self.conv.handle(registry.skill(skill).action, ctx)
        return self._after(text, registry.skill(skill).intent, reply)

    def do(self, method: str, text: str, *args: Any, intent: str = "other") -> str:
        """Runs the conversation's own action for Conversation.<method> on one user message.

        args: the entities (a dict), or a guided-Q&A command, or a polarity for `statement`.
        """
        self.clock += 10
        entities = next((a for a in args if isinstance(a, dict)), None)
        if method == "guided_qa":
            intent = {"start": "learn_preferences", "skip": "skip", "back": "go_back", "stop": "stop"}[args[0]]
        if method == "statement" and Polarity.DISLIKE in args:
            intent = "state_dislike"
        action = next(name for name, fn in HANDLERS.items() if fn.__name__ == method)
        reply = self.conv.handle(action, self._context(text, intent, entities))
        return self._after(text, intent, reply)

    def _context(self, text: str, intent: str, entities: dict[str, Any] | None, confidence: float = 1.0,
                 metadata: dict[str, Any] | None = None, rewrite: dict[str, Any] | None = None) -> TurnContext:
        return TurnContext(self.user, text, intent, confidence, entities or {}, metadata or {}, self.clock,
                           list(self.history), self.last_bot, self.state, rewrite)

    def _after(self, text: str, intent: str, reply: Any) -> str:
        self.state = State.from_json(reply.state.to_json())  # round-trips through the Rasa slot
        self.history.append(Turn(text, self.clock, intent))
        self.last_bot = " ".join(reply.texts)
        self.last_reply = reply
        return self.last_bot
