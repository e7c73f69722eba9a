"""Complaints and barge-ins ask about the last request (dialogue/feedback.py)."""
from __future__ import annotations

from preferences.dialogue import Conversation
from preferences.records import Source
from preferences.store import PreferenceStore

from .chat import Chat


def test_dissatisfaction_and_barge_in_ask_about_the_last_request(conv: Conversation, store: PreferenceStore) -> None:
    chat = Chat(conv)
    chat.request("weather", "weather in Springfield", {"city": ["Springfield"]})
    offer = chat.do("dissatisfied", "no, that's wrong")
    assert "Which city did you mean?" in offer
    fixed = chat.do("inform", "Springfield, Illinois", {"city": ["Springfield, Illinois"]}, intent="inform")
    assert "Springfield, Illinois" in fixed
    # Next time, the bare name means their Springfield.
    assert "Springfield, Illinois" in chat.request("weather", "weather in Springfield", {"city": ["Springfield"]})
    chat2 = Chat(conv, "bob")
    chat2.request("play_music", "play some music")
    interrupted = chat2.request("play_music", "stop", metadata={"barge_in": True})
    assert interrupted.startswith("Sorry, I'll stop. What did you mean?")
    corrected = chat2.request("play_music", "no, play rock", {"genre": ["rock"]}, metadata={"barge_in": True})
    assert "Playing some rock" in corrected
    assert store.get("bob", "genre")[0].source is Source.TEACHABLE_MOMENT
