"""The one piece of translation in actions/: a Rasa tracker into the conversation layer's turn context."""
from __future__ import annotations

from rasa_sdk import Tracker

from actions.runtime import context_of, entities_of
from preferences.dialogue import State


def _user(text: str, ts: float, intent: str, **metadata: object) -> dict:
    return {"event": "user", "text": text, "timestamp": ts, "metadata": metadata,
            "parse_data": {"intent": {"name": intent, "confidence": 0.9}, "entities": []}}


def test_context_has_this_sessions_history_last_answer_metadata_and_state() -> None:
    state = State(moments=2)
    events = [
        _user("old session request", 1.0, "play_music"),
        {"event": "session_started", "timestamp": 5.0},
        _user("play some music", 10.0, "play_music"),
        {"event": "bot", "text": "Here's something you might like.", "timestamp": 10.5},
        _user("play some music", 20.0, "play_music", barge_in=True),
    ]
    latest = {"text": "play some music", "intent": {"name": "play_music", "confidence": 0.42},
              "entities": [{"entity": "genre", "value": "jazz"}, {"entity": "genre", "value": "blues"},
                           {"entity": "city", "value": ""}], "metadata": {"barge_in": True}}
    tracker = Tracker("ann", {"learning_state": state.to_json()}, latest, events, False, None, {}, "action_listen")
    ctx = context_of(tracker)
    assert ctx.user == "ann" and ctx.intent == "play_music" and ctx.confidence == 0.42
    assert [t.text for t in ctx.history] == ["play some music"]  # this session only, latest excluded
    assert ctx.history[0].intent == "play_music" and ctx.at == 20.0
    assert ctx.history[0].reply == "Here's something you might like."
    assert ctx.last_bot_text == "Here's something you might like."
    assert ctx.metadata == {"barge_in": True} and ctx.state.moments == 2
    assert entities_of(tracker) == {"genre": ["jazz", "blues"]}


def test_missing_or_broken_state_slot_gives_a_fresh_state() -> None:
    tracker = Tracker("bob", {"learning_state": "{broken"}, {"text": "hi"}, [], False, None, {}, "action_listen")
    ctx = context_of(tracker)
    assert ctx.state == State() and ctx.history == [] and ctx.last_bot_text is None and ctx.metadata == {}
