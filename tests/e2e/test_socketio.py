"""The socket.io channel the web chat uses, with a real socket.io client against the real server.

Checks the path the awaited enter_room in rasa_components/socketio_channel.py
repaired (without it, the browser tests saw no answer arrive with session
persistence), plus customData reaching the assistant as metadata, with the
long-polling client of tests/e2e/socketio_client.py.
"""
from __future__ import annotations

import uuid

import pytest

from rasa_components.served import RunningAssistant, run_async
from tests.e2e.socketio_client import chat

pytestmark = pytest.mark.e2e


def test_answers_reach_a_persistent_session_with_metadata(assistant: RunningAssistant) -> None:
    session = f"web-{uuid.uuid4().hex[:8]}"
    payloads: list[dict] = []
    first, second, third = run_async(chat(assistant.url, session, [
        ("I like jazz", {"screen": True}),
        ("play the hunger games", {"screen": True}),
        ("what's the weather in Boston", {}),
    ], payloads=payloads))
    assert "you like jazz" in first
    assert "the film The Hunger Games" in second  # customData reached the assistant as metadata
    # The weather skill logged what it resolved Boston to (bot metadata); the web chat gets only the words.
    assert "Boston" in third and payloads and all(set(p) == {"text"} for p in payloads)
    # The session id is the user id: the same user over REST knows the preference.
    assert "Playing jazz, since you told me you like it" in " ".join(assistant.say(session, "play some music"))
