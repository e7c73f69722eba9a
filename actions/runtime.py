"""Process-wide objects shared by all actions, and the tracker-to-library translation.

Built lazily so `rasa run actions` starts fast and the database may come up
after the action server does. LEARNING_ENABLED=false (preferences.settings)
gives the plain assistant (no teachable moments, no preferences in
interpretation): the baseline the latency benchmark compares against.
"""
from __future__ import annotations

from functools import lru_cache
from typing import Any

from rasa_sdk import Tracker

from preferences.dialogue import Conversation, State, TurnContext
from preferences.moments import Turn
from preferences.service import AssistantService
from preferences.settings import settings
from preferences.storage.rewrites import RewriteTable
from preferences.store import PreferenceStore

STATE_SLOT = "learning_state"


@lru_cache(maxsize=1)
def store() -> PreferenceStore:
    return PreferenceStore(settings().preferences_db_url)


@lru_cache(maxsize=1)
def conversation() -> Conversation:
    on = settings().learning_enabled
    return Conversation(AssistantService(store(), personalize=on), learning=on,
                        rewrites=RewriteTable(settings().preferences_db_url))


def entities_of(tracker: Tracker) -> dict[str, list[Any]]:
    """Entities of the latest user message, grouped by name, in message order."""
    grouped: dict[str, list[Any]] = {}
    for ent in tracker.latest_message.get("entities") or []:
        if isinstance(ent, dict) and ent.get("entity") and ent.get("value") not in (None, ""):
            grouped.setdefault(ent["entity"], []).append(ent["value"])
    return grouped



def applied_rewrite(latest: dict[str, Any]) -> dict[str, Any] | None:
    """The rewrite that changed the words of this turn, precomputed or online, for the reply and "why?"."""
    rewrite = latest.get("rewrite")
    if isinstance(rewrite, dict) and rewrite.get("held_out") is False:
        return {"id": rewrite.get("id"), "layer": "mined", "raw": str(rewrite.get("raw")),
                "target": str(rewrite.get("target"))}
    online = latest.get("online_rewrite")
    if isinstance(online, dict) and online.get("raw") and online.get("target"):
        return {"id": None, "layer": str(online.get("layer")), "raw": str(online["raw"]),
                "target": str(online["target"])}
    return None

def context_of(tracker: Tracker) -> TurnContext:
    """The turn in progress, with this session's earlier user messages and their answers."""
    events = list(tracker.events)
    start = max((i for i, e in enumerate(events) if e.get("event") == "session_started"), default=-1) + 1
    session = events[start:]
    users = [e for e in session if e.get("event") == "user"]
    latest_index = max((i for i, e in enumerate(session) if e.get("event") == "user"), default=len(session))
    last_bot = next((e.get("text") for e in reversed(session[:latest_index])
                     if e.get("event") == "bot" and e.get("text")), None)
    replies: dict[int, str] = {}  # index of a user event in `session` -> the bot texts that followed it
    outages: set[int] = set()  # user events whose answer was an outage (bot metadata {"outage": true})
    current: int | None = None
    for i, e in enumerate(session):
        if e.get("event") == "user":
            current = i
        elif e.get("event") == "bot" and e.get("text") and current is not None:
            replies[current] = (replies.get(current, "") + " " + e["text"]).strip()
            if (e.get("metadata") or {}).get("outage") is True:
                outages.add(current)
    history = [Turn(e.get("text") or "", float(e.get("timestamp") or 0.0),
                    ((e.get("parse_data") or {}).get("intent") or {}).get("name"), e.get("metadata") or {},
                    replies.get(i), i in outages)
               for i, e in enumerate(session) if e.get("event") == "user" and i != latest_index]
    latest = tracker.latest_message or {}
    intent = latest.get("intent") or {}
    metadata = latest.get("metadata") or (users[-1].get("metadata") if users else None) or {}
    return TurnContext(
        rewrite=applied_rewrite(latest),
        user=tracker.sender_id, text=latest.get("text") or "", intent=intent.get("name"),
        confidence=float(intent.get("confidence") or 0.0), entities=entities_of(tracker),
        metadata=dict(metadata) if isinstance(metadata, dict) else {},
        at=float(users[-1].get("timestamp") or 0.0) if users else 0.0, history=history, last_bot_text=last_bot,
        state=State.from_json(tracker.get_slot(STATE_SLOT)))
