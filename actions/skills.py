"""One Rasa action per demo skill, each a one-line call into the library."""
from __future__ import annotations

import logging
from typing import Any, Callable

from rasa_sdk import Action, Tracker
from rasa_sdk.executor import CollectingDispatcher

from actions import runtime
from preferences.skills.base import SkillReply

log = logging.getLogger(__name__)

TROUBLE = ("Sorry, I couldn't do that just now because part of my memory is unavailable. "
           "Nothing you told me is lost; please try again in a moment.")


class SkillAction(Action):
    """Calls `handler(service, user, entities)` and says the reply."""

    action_name: str = ""
    handler: Callable[..., SkillReply]

    def name(self) -> str:
        return self.action_name

    async def run(self, dispatcher: CollectingDispatcher, tracker: Tracker,
                  domain: dict[str, Any]) -> list[dict[str, Any]]:
        try:
            reply = type(self).handler(runtime.service(), tracker.sender_id, runtime.entities_of(tracker),
                                          tracker.latest_message.get("text"))
        except Exception:  # the user must still get an answer; the log keeps the cause
            log.exception("skill %s failed for one turn", self.action_name)
            dispatcher.utter_message(text=TROUBLE)
            return []
        dispatcher.utter_message(text=reply.text)
        return []


def _skill(action: str, method: str) -> type[SkillAction]:
    handler = getattr(runtime.AssistantService, method)
    return type(f"Action_{method}", (SkillAction,), {"action_name": action, "handler": staticmethod(handler)})


ActionPlayMusic = _skill("action_play_music", "play_music")
ActionWeather = _skill("action_weather", "weather")
ActionFindRestaurant = _skill("action_find_restaurant", "find_restaurant")
ActionSportsScore = _skill("action_sports_score", "sports_score")
ActionNews = _skill("action_news", "news")
ActionControlDevice = _skill("action_control_device", "control_device")
ActionDeviceStatus = _skill("action_device_status", "device_status")
