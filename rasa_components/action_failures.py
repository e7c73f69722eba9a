"""A custom action that cannot run (its server is down or failing) gets a short apology, not silence.

Rasa 3.6 catches a failed remote action in `MessageProcessor._run_action`,
logs it, drops the action's events ("Bot will continue") and carries on:
the policies then predict `action_listen` and the user gets no answer at all
(REST: an empty list, socket.io: nothing), so a killed action server looks
like a hang to a chat page or a voice device. Found by benchmarks/faults.py
(docs/load-and-faults.md).

With this patch such a turn says ACTION_FAILED, once per turn, recorded as
a bot message marked `outage` like the memory outage answer of
actions/skills.py (so a retry afterwards is not taken for a repeat that calls
for a teachable moment). The rest is Rasa's behaviour unchanged: it still
logs the failure, `ActionExecutionRejection` (a form's signal) still
propagates, and `action_validate_slot_mappings`, whose failure Rasa already
tolerates before each prediction, stays silent. Applied by the launcher,
which starts every Rasa server of the project.
"""
from __future__ import annotations

import logging
from typing import Any

logger = logging.getLogger(__name__)

ACTION_FAILED = "Sorry, I couldn't do that just now: part of me isn't answering. Please try again in a moment."


def already_apologised(tracker: Any) -> bool:
    """Whether this turn (the events since the latest user message) already said ACTION_FAILED."""
    from rasa.shared.core.events import BotUttered, UserUttered

    for event in reversed(tracker.events):
        if isinstance(event, UserUttered):
            return False
        if isinstance(event, BotUttered) and event.text == ACTION_FAILED:
            return True
    return False


def apply() -> bool:
    """Wrap RemoteAction.run once; returns True if it was applied now."""
    from rasa.core.actions.action import ActionExecutionRejection, RemoteAction, create_bot_utterance
    from rasa.shared.core.constants import ACTION_VALIDATE_SLOT_MAPPINGS

    if getattr(RemoteAction.run, "apologises", False):
        return False
    original = RemoteAction.run

    async def run(self: RemoteAction, output_channel: Any, nlg: Any, tracker: Any, domain: Any) -> list[Any]:
        try:
            return await original(self, output_channel, nlg, tracker, domain)
        except ActionExecutionRejection:
            raise
        except Exception:
            if self.name() == ACTION_VALIDATE_SLOT_MAPPINGS:
                raise
            logger.exception("custom action %s failed; the user is told so", self.name())
            if already_apologised(tracker):  # the policies may try another custom action in the same turn
                return []
            # The processor sends the returned BotUttered to the channel, as for any action's answer.
            return [create_bot_utterance({"text": ACTION_FAILED, "outage": True})]

    run.apologises = True  # type: ignore[attr-defined]
    RemoteAction.run = run  # type: ignore[method-assign]
    return True
