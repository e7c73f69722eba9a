"""Rasa actions: one class per action the conversation answers, made in one loop.

No decisions are made here: the intent chose the action, and
`Conversation.handle` decides what to say. This adapter translates the
tracker into a TurnContext, and the library's errors into answers: an
outage (StoreUnavailable) into the honest "my memory is unavailable" with
an outage flag on the bot message, anything else into an apology and a
logged stack trace. What the skill resolved each entity to rides along in
the bot message's metadata, for the interaction log (failure points).
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
from preferences.resolution import to_metadata

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
        for i, text in enumerate(reply.texts):
            # Bot message metadata reaches the tracker store's bot event, not the user: Rasa keeps the extra
            # keywords of utter_message as BotUttered.metadata, and REST and socket.io send only the text.
            # An answer given without memory is marked like an outage (runtime.context_of); the first message
            # of the turn carries the skill's record of what it resolved (preferences.resolution).
            dispatcher.utter_message(text=text, **({"outage": True} if reply.outage else {}),
                                     **(to_metadata(reply.resolutions) if i == 0 else {}))
        return [SlotSet(runtime.STATE_SLOT, reply.state.to_json())]


# One Action subclass per name: the rasa_sdk executor registers every subclass of Action it finds here.
ACTIONS: dict[str, type[ConversationAction]] = {
    name: type(f"Action_{name}", (ConversationAction,), {"action_name": name}) for name in action_names()
}
