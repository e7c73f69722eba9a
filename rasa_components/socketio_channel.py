"""Rasa's socket.io channel, made to work with this environment's pinned libraries.

credentials.yml names this class instead of `socketio`, so both fixes are in
place before the Rasa server accepts its first websocket, in every way the
server can be started (make serve, make web, rasa run, the tests):

* the Sanic 21.12 websocket fix for Python 3.11 (rasa_components.sanic_compat);
* python-socketio 5.x made `AsyncServer.enter_room` a coroutine, and Rasa 3.6
  calls it without `await`: with session_persistence the browser's socket
  never joins the room named after its session id, and since Rasa sends every
  answer to that room, no answer ever reached the page.
"""
from __future__ import annotations

import uuid
from typing import Any, Awaitable, Callable, Dict, Optional, Text

from rasa.core.channels.channel import UserMessage
from rasa.core.channels.socketio import SocketIOInput
from sanic import Blueprint

from rasa_components import sanic_compat

sanic_compat.apply()


class PatchedSocketIOInput(SocketIOInput):
    """Same channel, same name ("socketio"); the session request awaits enter_room."""

    def blueprint(self, on_new_message: Callable[[UserMessage], Awaitable[Any]]) -> Blueprint:
        blueprint = super().blueprint(on_new_message)
        sio = self.sio

        async def session_request(sid: Text, data: Optional[Dict]) -> None:
            data = data or {}
            if data.get("session_id") is None:
                data["session_id"] = uuid.uuid4().hex
            if self.session_persistence:
                await sio.enter_room(sid, data["session_id"], namespace=self.namespace)
            await sio.emit("session_confirm", data["session_id"], room=sid, namespace=self.namespace)

        sio.on("session_request", session_request, namespace=self.namespace)
        return blueprint
