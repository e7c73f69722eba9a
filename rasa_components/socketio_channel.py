"""Rasa's socket.io channel, with the Sanic websocket fix applied when it loads.

credentials.yml names this class instead of `socketio`, so the fix is in
place before the Rasa server accepts its first websocket, in every way the
server can be started (make serve, rasa run, the tests).
"""
from __future__ import annotations

from rasa.core.channels.socketio import SocketIOInput

from rasa_components import sanic_compat

sanic_compat.apply()


class PatchedSocketIOInput(SocketIOInput):
    """Same channel, same name ("socketio"); only the transport fix differs."""
