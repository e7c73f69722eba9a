"""Rasa actions: each translates the tracker for one call into preferences.conversation.

No decisions are made here: the intent chose the action, and the
conversation layer decides what to say, so adapters stay one line each.
"""
from __future__ import annotations

import logging
from typing import Any, Callable

from rasa_sdk import Action, Tracker
from rasa_sdk.events import SlotSet
from rasa_sdk.executor import CollectingDispatcher

from actions import runtime
from preferences.conversation import UNAVAILABLE, Conversation, Reply
from preferences.records import Polarity

log = logging.getLogger(__name__)

SIGNALS = ("barge_in", "feedback")

Handler = Callable[[Conversation, runtime.TurnContext, dict[str, list[Any]]], Reply]


class ConversationAction(Action):
    """Runs `handler(conversation, context, entities)` and says the reply."""

    action_name: str = ""
    handler: Handler
    is_skill = False

    def name(self) -> str:
        return self.action_name

    async def run(self, dispatcher: CollectingDispatcher, tracker: Tracker,
                  domain: dict[str, Any]) -> list[dict[str, Any]]:
        try:
            ctx = runtime.context_of(tracker)
            conv = runtime.conversation()
            signalled = ctx.metadata.get("barge_in") is True or ctx.metadata.get("feedback") == "thumbs_down"
            if signalled and not self.is_skill and conv.learning:
                # A barge-in or thumbs-down is about the previous answer, whatever the words were.
                kind = "barge_in" if ctx.metadata.get("barge_in") is True else "dissatisfaction"
                reply = conv.dissatisfied(ctx.user, ctx.text, ctx.state, kind)
            else:
                reply = type(self).handler(conv, ctx, runtime.entities_of(tracker))
        except Exception:  # the user must still get an answer; the log keeps the cause
            log.exception("action %s failed for one turn", self.action_name)
            dispatcher.utter_message(text=UNAVAILABLE)
            return []
        for text in reply.texts:
            dispatcher.utter_message(text=text)
        return [SlotSet(runtime.STATE_SLOT, reply.state.to_json())]


def _action(name: str, handler: Handler, is_skill: bool = False) -> type[ConversationAction]:
    return type(f"Action_{name}", (ConversationAction,),
                {"action_name": name, "handler": staticmethod(handler), "is_skill": is_skill})


def _skill(name: str, skill: str) -> type[ConversationAction]:
    def handler(conv: Conversation, c: runtime.TurnContext, e: dict[str, list[Any]]) -> Reply:
        return conv.request(c.user, skill, e, c.text, c.state, history=c.history, metadata=c.metadata,
                            last_bot_text=c.last_bot_text, confidence=c.confidence, at=c.at)
    return _action(name, handler, is_skill=True)


QA_COMMANDS = {"learn_preferences": "start", "skip": "skip", "go_back": "back", "stop": "stop"}

ActionPlayMusic = _skill("action_play_music", "play_music")
ActionWeather = _skill("action_weather", "weather")
ActionFindRestaurant = _skill("action_find_restaurant", "find_restaurant")
ActionSportsScore = _skill("action_sports_score", "sports_score")
ActionNews = _skill("action_news", "news")
ActionControlDevice = _skill("action_control_device", "control_device")
ActionDeviceStatus = _skill("action_device_status", "device_status")

ActionLearnStatement = _action("action_learn_statement", lambda conv, c, e: conv.statement(
    c.user, e, c.text, c.state, Polarity.DISLIKE if c.intent == "state_dislike" else Polarity.LIKE))
ActionHandleInform = _action("action_handle_inform", lambda conv, c, e: conv.inform(c.user, e, c.text, c.state))
ActionHandleDissatisfaction = _action("action_handle_dissatisfaction",
                                      lambda conv, c, e: conv.dissatisfied(c.user, c.text, c.state))
ActionNeverMind = _action("action_never_mind", lambda conv, c, e: conv.never_mind(c.user, c.state))
ActionGuidedQA = _action("action_guided_qa", lambda conv, c, e: conv.guided_qa(
    c.user, QA_COMMANDS.get(c.intent or "", "start"), c.state))
ActionWhatDoYouKnow = _action("action_what_do_you_know", lambda conv, c, e: conv.what_do_you_know(c.user, c.state))
ActionForgetPreference = _action("action_forget_preference",
                                 lambda conv, c, e: conv.forget(c.user, e, c.text, c.state))
ActionForgetEverything = _action("action_forget_everything",
                                 lambda conv, c, e: conv.forget_everything(c.user, c.state))
ActionHandleAffirm = _action("action_handle_affirm", lambda conv, c, e: conv.affirm(c.user, c.state))
ActionHandleDeny = _action("action_handle_deny", lambda conv, c, e: conv.deny(c.user, c.text, c.state))
ActionExplainChoice = _action("action_explain_choice", lambda conv, c, e: conv.explain(c.user, e, c.state))
ActionActivateMode = _action("action_activate_mode", lambda conv, c, e: conv.activate_mode(c.user, e, c.text,
                                                                                          c.state))
ActionDefineConcept = _action("action_define_concept", lambda conv, c, e: conv.define_concept(c.user, e, c.text,
                                                                                             c.state))
ActionHandleFallback = _action("action_handle_fallback", lambda conv, c, e: conv.fallback(c.user, c.state))
