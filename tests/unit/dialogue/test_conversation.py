"""The conversation as a whole: learning off, the state slot (dialogue/conversation.py, state.py)."""
from __future__ import annotations

from preferences.dialogue import Conversation, State
from preferences.service import AssistantService
from preferences.store import PreferenceStore

from .chat import Chat


def test_learning_switched_off_is_the_plain_assistant(store: PreferenceStore) -> None:
    plain = Conversation(AssistantService(store, personalize=False), learning=False)
    store.record("ann", "music", "genre", "jazz")
    chat = Chat(plain)
    chat.request("play_music", "play some music")
    reply = chat.request("play_music", "play some music")
    assert "What did you mean" not in reply and "since you told me" not in reply


def test_a_tampered_state_slot_is_a_fresh_state() -> None:
    assert State.from_json("not json") == State()
    assert State.from_json('{"declined": "x"}') == State()
    assert State.from_json(None) == State()
