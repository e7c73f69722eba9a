"""Rasa's socket.io channel, made to work with this environment's pinned libraries, and made to know who talks.

credentials.yml names this class instead of `socketio`, so both fixes are in
place before the Rasa server accepts its first websocket, in every way the
server can be started (make serve, make web, rasa run, the tests):

* the Sanic 21.12 websocket fix for Python 3.11 (rasa_components.sanic_compat);
* python-socketio 5.x made `AsyncServer.enter_room` a coroutine, and Rasa 3.6
  calls it without `await`: with session_persistence the browser's socket
  never joins the room named after its session id, and since Rasa sends every
  answer to that room, no answer ever reached the page.

And the checks of rasa_components.auth (docs/security.md):

* ASSISTANT_SECRET set: the connection must carry a valid user token, in the
  socket.io `auth` object (`{"token": ...}`) or the handshake query
  (`?token=...`, what the web page uses: rasa-webchat passes no auth). A
  connection without one is refused (connect_error, data
  `{"status": 401, ...}`). The session id, the room and the sender of every
  message are the token's subject, whatever session_id the client asks for.
  The token is checked again on every message: once it has expired the
  message is refused with an `auth_error` event (`{"status": 401, ...}`)
  and not answered. Rate limits answer with a bot message saying so.
* Not set (Rasa listens on 127.0.0.1 only): the sender is the session id the
  client sends, as in Rasa's channel; ids are validated.
* Both: a page from a foreign origin cannot connect; a message over
  MAX_MESSAGE_BYTES gets a clear "too long" answer, never the NLU.

Rasa's own `jwt_key` option is not used: it only checks a token at connect
and still takes the sender from the client's session_id.
"""
from __future__ import annotations

import json
import logging
import uuid
from typing import Any, Awaitable, Callable, Dict, Optional, Text
from urllib.parse import parse_qs

from rasa.core.channels.channel import UserMessage
from rasa.core.channels.socketio import SocketIOInput, SocketIOOutput
from sanic import Blueprint
from socketio.exceptions import ConnectionRefusedError as SocketRefused

from preferences.dialogue.messages import BUG
from rasa_components import sanic_compat
from rasa_components.auth import ChannelGuard, Refusal, clean_text

sanic_compat.apply()

logger = logging.getLogger(__name__)
AUTH_ERROR_EVENT = "auth_error"


def _address(environ: Dict[str, Any]) -> Optional[str]:
    # python-engineio's Sanic driver hard-codes REMOTE_ADDR to 127.0.0.1; the Sanic request knows the peer.
    request = environ.get("sanic.request")
    return getattr(request, "ip", None) or environ.get("REMOTE_ADDR")


def _token(environ: Dict[str, Any], auth: Any) -> Optional[str]:
    if isinstance(auth, dict) and isinstance(auth.get("token"), str):
        return auth["token"]
    values = parse_qs(environ.get("QUERY_STRING", "")).get("token")
    return values[0] if values else None


class PatchedSocketIOInput(SocketIOInput):
    """Same channel, same name ("socketio"); the session request awaits enter_room; senders are checked."""

    _guard: Optional[ChannelGuard] = None

    @property
    def guard(self) -> ChannelGuard:
        if self._guard is None:
            self._guard = ChannelGuard.from_settings()
        return self._guard

    def blueprint(self, on_new_message: Callable[[UserMessage], Awaitable[Any]]) -> Blueprint:
        blueprint = super().blueprint(on_new_message)
        sio = self.sio
        guard = self.guard
        namespace = self.namespace

        async def say(sid: Text, text: Text) -> None:
            await sio.emit(self.bot_message_evt, {"text": text}, room=sid, namespace=namespace)

        async def refuse(sid: Text, refusal: Refusal) -> None:
            await sio.emit(AUTH_ERROR_EVENT if refusal.status == 401 else "error_message", refusal.body(),
                           room=sid, namespace=namespace)

        async def connect(sid: Text, environ: Dict, auth: Optional[Dict] = None) -> bool:
            if not guard.origin_allowed(environ.get("HTTP_ORIGIN")):
                refusal = guard.origin_refusal()
                raise SocketRefused(refusal.message, refusal.body())
            session: Dict[str, Any] = {"address": _address(environ)}
            if guard.secured:
                token = _token(environ, auth)
                user, refusal = guard.authenticate(token)
                if refusal:
                    raise SocketRefused(refusal.message, refusal.body())
                session.update(user=user, token=token)
            await sio.save_session(sid, session, namespace=namespace)
            return True

        async def session_request(sid: Text, data: Optional[Dict]) -> None:
            data = data if isinstance(data, dict) else {}
            if guard.secured:
                session = await sio.get_session(sid, namespace=namespace)
                data["session_id"] = session["user"]  # the token's subject, whatever was asked for
            else:
                requested = data.get("session_id")
                sender, refusal = guard.check_sender(requested) if requested is not None else (None, None)
                data["session_id"] = sender if sender and not refusal else uuid.uuid4().hex
            if self.session_persistence:
                await sio.enter_room(sid, data["session_id"], namespace=namespace)
            await sio.emit("session_confirm", data["session_id"], room=sid, namespace=namespace)

        async def handle_message(sid: Text, data: Any) -> None:
            if not isinstance(data, dict):
                return
            session = await sio.get_session(sid, namespace=namespace)
            if guard.secured:
                user, refusal = guard.authenticate(session.get("token"))  # it may have expired since connect
                if refusal:
                    await refuse(sid, refusal)
                    return
                sender_id = user
            elif self.session_persistence:
                if not data.get("session_id"):
                    logger.warning("A socket.io message without a session_id was ignored "
                                   "(send a session_request first).")
                    return
                sender_id, refusal = guard.check_sender(data["session_id"])
                if refusal:
                    await refuse(sid, refusal)
                    return
            else:
                sender_id = sid
            limited = guard.limit(sender_id, session.get("address"))
            if limited:
                await say(sid, limited.message)
                return
            text = data.get("message", "")
            text = clean_text(text) if isinstance(text, str) else ""
            if guard.too_long(text):
                await say(sid, guard.too_long_answer())
                return
            metadata = data.get(self.metadata_key, {})
            if isinstance(metadata, str):
                try:
                    metadata = json.loads(metadata)
                except ValueError:
                    metadata = {}
            if not isinstance(metadata, dict):
                metadata = {}
            message = UserMessage(text, SocketIOOutput(sio, self.bot_message_evt), sender_id,
                                  input_channel=self.name(), metadata=metadata)
            try:
                await on_new_message(message)
            except Exception:  # noqa: BLE001 - a turn that failed inside Rasa: logged, and never silence
                logger.exception("socket.io message failed: %r", text[:200])
                await say(sid, BUG)

        sio.on("connect", connect, namespace=namespace)
        sio.on("session_request", session_request, namespace=namespace)
        sio.on(self.user_message_evt, handle_message, namespace=namespace)
        return blueprint
