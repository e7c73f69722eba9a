"""Personal concepts: taught once, then they just work (dialogue/concepts.py)."""
from __future__ import annotations

from preferences.dialogue import Conversation
from preferences.store import PreferenceStore

from .chat import Chat


def test_personal_concepts_are_taught_then_just_work(conv: Conversation, store: PreferenceStore) -> None:
    chat = Chat(conv)
    ask = chat.do("activate_mode", "set the living room to study mode", {"mode": ["study mode"],
                                                                          "room": ["living room"]})
    assert ask.startswith("I don't know what study mode is yet. Can you teach me?")
    taught = chat.do("inform", "the lights at 40 percent warm white", {"level": ["40"], "color": ["warm white"]})
    assert "Got it: study mode means the living room lights at 40% warm white" in taught
    assert store.get_concept("ann", "study mode").definition["level"] == 40
    again = Chat(conv).do("activate_mode", "turn on study mode", {"mode": ["Study Mode"]})
    assert "Study mode is on" in again and "brightness 40%" in again
    assert "don't know what study mode is" in Chat(conv, "bob").do("activate_mode", "study mode",
                                                                   {"mode": ["study mode"]})
