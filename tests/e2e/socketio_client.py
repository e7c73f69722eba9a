"""A real socket.io client for the e2e tests: one session, a few messages, the first answer to each.

HTTP long-polling: python-socketio's websocket client needs aiohttp >= 3.10
and Rasa pins < 3.10. The websocket path itself is covered by the browser
tests (Chromium upgrades to websocket) and by tests/unit/test_sanic_compat.py.
"""
from __future__ import annotations

import asyncio

import socketio


class Client(socketio.AsyncClient):
    """A socket.io client that hangs up without waiting.

    AsyncClient.disconnect() over polling waits out the server's pending long-poll: about 30 s a
    connection, and the same again inside connect() when the server refuses it (a missing token, a
    foreign page). The server drops the session when the close packet or its ping timeout comes.
    """

    def __init__(self) -> None:
        super().__init__(reconnection=False)

    async def disconnect(self) -> None:  # type: ignore[override]
        await self.eio.disconnect(abort=True)


async def chat(url: str, session_id: str, messages: list[tuple[str, dict]], settle: float = 0.0,
               payloads: list[dict] | None = None) -> list[str]:
    """Send each (text, customData) in one session; returns the first bot utterance after each.

    With `settle` > 0, every utterance of the turn instead (a turn may say several things: the rest are
    taken until none arrives for `settle` seconds), joined by spaces. `payloads` collects every
    bot_uttered payload as the client got it.
    """
    client = Client()
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
            said = [await asyncio.wait_for(answers.get(), 30)]
            while settle > 0:
                try:
                    said.append(await asyncio.wait_for(answers.get(), settle))
                except asyncio.TimeoutError:
                    break
            texts.append(" ".join(said))
        return texts
    finally:
        await client.disconnect()

