"""Rasa actions: one class per action the conversation answers, made in one loop.

No decisions are made here: the intent chose the action, and
`Conversation.handle` decides what to say. This adapter translates the
tracker into a TurnContext, and the library's errors into answers: an
outage (StoreUnavailable) into the honest "my memory is unavailable" with
an outage flag on the bot message, anything else into an apology and a
logged stack trace.
"""
from __future__ import annotations

import logging
from typing import Any

from rasa_sdk import Action, Tracker
from rasa_sdk.events import SlotSet
from rasa_sdk.executor import CollectingDispatcher

from actions import runtime
from preferences.dialogue import BUG, UNAVAILABLE, action_names
from preferences.errors import is_outage

log = logging.getLogger(__name__)


class ConversationAction(Action):
    """Says `Conversation.handle(name, context)`."""

    action_name: str = ""

    def name(self) -> str:
        return self.action_name

    async def run(self, dispatcher: CollectingDispatcher, tracker: Tracker,
                  domain: dict[str, Any]) -> list[dict[str, Any]]:
        try:
            reply = runtime.conversation().handle(self.action_name, runtime.context_of(tracker))
        except Exception as exc:  # the user must still get an answer; the log keeps the cause
            if is_outage(exc):
                log.warning("action %s: store unavailable: %s", self.action_name, exc)
                dispatcher.utter_message(text=UNAVAILABLE, outage=True)
            else:
                log.exception("action %s failed for one turn", self.action_name)
                dispatcher.utter_message(text=BUG)
            return []
        for text in reply.texts:  # an answer given without memory is marked like an outage (runtime.context_of)
            dispatcher.utter_message(text=text, **({"outage": True} if reply.outage else {}))
        return [SlotSet(runtime.STATE_SLOT, reply.state.to_json())]


# One Action subclass per name: the rasa_sdk executor registers every subclass of Action it finds here.
ACTIONS: dict[str, type[ConversationAction]] = {
    name: type(f"Action_{name}", (ConversationAction,), {"action_name": name}) for name in action_names()
}
