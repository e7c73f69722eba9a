"""The learning conversation, split along its seams (see `conversation`)."""
from preferences.dialogue.context import TurnContext
from preferences.dialogue.conversation import HANDLERS, Conversation, action_names
from preferences.dialogue.messages import BUG, UNAVAILABLE
from preferences.dialogue.state import Reply, Request, State

__all__ = ["BUG", "HANDLERS", "UNAVAILABLE", "Conversation", "Reply", "Request", "State", "TurnContext",
           "action_names"]
