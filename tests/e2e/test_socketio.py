"""The socket.io channel the web chat uses, with a real socket.io client against the real server.

Checks the path the awaited enter_room in rasa_components/socketio_channel.py
repaired (without it, the browser tests saw no answer arrive with session
persistence), plus customData reaching the assistant as metadata. The client uses HTTP
long-polling: python-socketio's websocket client needs aiohttp >= 3.10 and
Rasa pins < 3.10. The websocket path itself is covered by the browser tests
(Chromium upgrades to websocket) and by tests/unit/test_sanic_compat.py.
"""
from __future__ import annotations

import asyncio
import uuid

import pytest
import socketio

from rasa_components.served import RunningAssistant, run_async

pytestmark = pytest.mark.e2e


async def _chat(url: str, session_id: str, messages: list[tuple[str, dict]],
                payloads: list[dict] | None = None) -> list[str]:
    """The first answer to each message; `payloads` collects every bot_uttered payload as the client got it."""
    client = socketio.AsyncClient(reconnection=False)
    answers: asyncio.Queue[str] = asyncio.Queue()
    confirmed = asyncio.Event()
    client.on("session_confirm", lambda *_: confirmed.set())

    def uttered(data: dict) -> None:
        if payloads is not None:
            payloads.append(data)
        answers.put_nowait(data.get("text", ""))

    client.on("bot_uttered", uttered)
    await client.connect(url, transports=["polling"], socketio_path="/socket.io")
    try:
        await client.emit("session_request", {"session_id": session_id})
        await asyncio.wait_for(confirmed.wait(), 10)
        texts = []
        for text, custom in messages:
            await client.emit("user_uttered", {"message": text, "session_id": session_id, "customData": custom})
            texts.append(await asyncio.wait_for(answers.get(), 30))
        return texts
    finally:
        await client.disconnect()


def test_answers_reach_a_persistent_session_with_metadata(assistant: RunningAssistant) -> None:
    session = f"web-{uuid.uuid4().hex[:8]}"
    payloads: list[dict] = []
    first, second, third = run_async(_chat(assistant.url, session, [
        ("I like jazz", {"screen": True}),
        ("play the hunger games", {"screen": True}),
        ("what's the weather in Boston", {}),
    ], payloads))
    assert "you like jazz" in first
    assert "the film The Hunger Games" in second  # customData reached the assistant as metadata
    # The weather skill logged what it resolved Boston to (bot metadata); the web chat gets only the words.
    assert "Boston" in third and payloads and all(set(p) == {"text"} for p in payloads)
    # The session id is the user id: the same user over REST knows the preference.
    assert "Playing jazz, since you told me you like it" in " ".join(assistant.say(session, "play some music"))
