"""What the assistant knows, forgetting, and why (dialogue/privacy.py)."""
from __future__ import annotations

from preferences.dialogue import Conversation
from preferences.store import PreferenceStore

from .chat import Chat


def test_privacy_list_forget_one_and_forget_all(conv: Conversation, store: PreferenceStore) -> None:
    chat = Chat(conv)
    assert "don't know anything about you" in chat.do("what_do_you_know", "what do you know about me")
    chat.do("statement", "I like jazz", {"genre": ["jazz"]})
    chat.do("statement", "I like blues", {"genre": ["blues"]})
    known = chat.do("what_do_you_know", "what do you know about me")
    assert "you like jazz" in known and "you like blues" in known
    assert "forgotten that you like jazz" in chat.do("forget", "forget that I like jazz", {"genre": ["jazz"]})
    assert store.likes("ann", "genre") == ["blues"]
    assert "nothing to forget" in chat.do("forget", "forget that I like metal", {"genre": ["metal"]})
    assert "Are you sure?" in chat.do("forget_everything", "forget everything about me")
    assert "forgotten everything" in chat.do("affirm", "yes")
    assert store.list("ann") == []


def test_why_explains_from_history(conv: Conversation) -> None:
    chat = Chat(conv)
    chat.do("statement", "I love jazz", {"genre": ["jazz"]})
    chat.request("play_music", "play something")
    why = chat.do("explain", "why did you pick that?", {})
    assert why.startswith("Because you told me on") and "\"I love jazz\"" in why
    assert "never told me" in chat.do("explain", "why do you think I like metal?", {"genre": ["metal"]})
