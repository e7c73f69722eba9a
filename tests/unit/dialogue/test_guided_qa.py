"""'Learn my preferences': the guided questions (dialogue/guided_qa.py)."""
from __future__ import annotations

from preferences.dialogue import Conversation
from preferences.records import Source
from preferences.store import PreferenceStore

from .chat import Chat


def test_guided_qa_answer_skip_back_stop_and_summary(conv: Conversation, store: PreferenceStore) -> None:
    chat = Chat(conv)
    start = chat.do("guided_qa", "learn my preferences", "start")
    assert "What kind of music do you like?" in start
    assert "Which sports team" in chat.do("inform", "jazz", {"genre": ["jazz"]})
    assert "favourite kind of food" in chat.do("guided_qa", "skip", "skip")
    back = chat.do("guided_qa", "go back", "back")
    assert "Which sports team" in back
    assert "favourite kind of food" in chat.do("statement", "the Celtics", {"team": ["Celtics"]})
    stopped = chat.do("guided_qa", "stop", "stop")
    assert "OK, stopping here" in stopped and "you like jazz" in stopped and "Celtics" in stopped
    assert {p.slot for p in store.list("ann")} == {"genre", "team"}
    assert all(p.source is Source.GUIDED_QA for p in store.list("ann"))


def test_guided_qa_is_offered_after_several_moments(conv: Conversation) -> None:
    chat = Chat(conv)
    chat.request("play_music", "play some music")
    chat.request("play_music", "play some music")
    first = chat.do("inform", "jazz", {"genre": ["jazz"]})
    assert "learn my preferences" not in first
    chat.request("news", "what's going on")
    assert "What did you mean?" in chat.request("news", "what is going on")
    second = chat.do("inform", "science", {"news_topic": ["science"]})
    assert "science" in second and "learn my preferences" in second
