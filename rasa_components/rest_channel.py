"""Rasa's REST channel, with the sender proven rather than claimed.

credentials.yml names this class instead of `rest`; it keeps the name
"rest", so the URL stays POST /webhooks/rest/webhook and the body the same
(`{"sender": ..., "message": ..., "metadata": {...}}`).

* ASSISTANT_SECRET set: `Authorization: Bearer <user token>` is required and
  its subject is the sender, whatever `sender` the body names. No token, a
  forged, expired, `none`-algorithm or otherwise invalid one: 401 JSON, and
  the message never reaches Rasa. Per-user and per-address rate limits: 429.
* Not set (the servers listen on 127.0.0.1 only): the sender comes from the
  body, as in Rasa's own channel.
* Both: the sender id is validated (400), a page from a foreign origin is
  refused (403), a body over 64 KB is a 413, and a message over
  MAX_MESSAGE_BYTES gets a clear "too long" answer without reaching the NLU.

See rasa_components/auth.py and docs/security.md.
"""
from __future__ import annotations

import copy
import json
import logging
from asyncio import CancelledError
from typing import Any, Awaitable, Callable, Dict, Optional, Text, Union

from rasa.core.channels.channel import CollectingOutputChannel, InputChannel, UserMessage
from rasa.core.channels.rest import RestInput
from sanic import Blueprint, response
from sanic.request import Request
from sanic.response import HTTPResponse, ResponseStream

import rasa.utils.endpoints
from preferences.dialogue.messages import BUG
from rasa_components.auth import MAX_BODY_BYTES, ChannelGuard, Refusal, bearer, clean_text

logger = logging.getLogger(__name__)


def refuse(refusal: Refusal) -> HTTPResponse:
    return response.json(refusal.body(), status=refusal.status, headers=refusal.headers())


def apologise(collector: CollectingOutputChannel, sender_id: str | None) -> None:
    """A turn that failed inside Rasa (its stack trace is logged) still gets an answer, never an empty list.

    Rasa's own channel returns whatever was collected before the failure, often nothing: the user then
    sees no reply at all and cannot tell a bug from silence. Marked `custom.error = "internal_error"` so
    clients and tests can tell it from a real answer.
    """
    if not any(m.get("text") for m in collector.messages):
        collector.messages.append({"recipient_id": sender_id, "text": BUG, "custom": {"error": "internal_error"}})


class SecureRestInput(RestInput):
    """The REST channel (name "rest"); the sender is a token's subject when ASSISTANT_SECRET is set."""

    @classmethod
    def name(cls) -> Text:
        return "rest"

    @classmethod
    def from_credentials(cls, credentials: Optional[Dict[Text, Any]]) -> InputChannel:
        return cls()

    def __init__(self, guard: ChannelGuard | None = None) -> None:
        self._guard = guard

    @property
    def guard(self) -> ChannelGuard:
        if self._guard is None:
            self._guard = ChannelGuard.from_settings()
        return self._guard

    async def check(self, request: Request) -> tuple[dict[str, Any] | None, str | None, HTTPResponse | None]:
        """(body, sender, None) for a message that may go ahead; (None, None, refusal response) otherwise."""
        guard = self.guard
        if not guard.origin_allowed(request.headers.get("origin")):
            return None, None, refuse(guard.origin_refusal())
        raw = request.body or b""
        if len(raw) > MAX_BODY_BYTES:
            return None, None, refuse(Refusal(413, "body_too_large",
                                              f"The request body is over {MAX_BODY_BYTES} bytes."))
        if guard.secured:  # who first: a stranger learns nothing about the body's validity
            user, refusal = guard.authenticate(bearer(request.headers.get("authorization")))
            if refusal:
                return None, None, refuse(refusal)
        try:
            body = json.loads(raw or b"null")
        except (ValueError, UnicodeDecodeError):
            body = None
        if not isinstance(body, dict):
            return None, None, refuse(Refusal(400, "bad_request", 'The body must be a JSON object: '
                                              '{"sender": USER_ID, "message": TEXT, "metadata": {...}}.'))
        if not guard.secured:
            user, refusal = guard.check_sender(body.get("sender"))
            if refusal:
                return None, None, refuse(refusal)
        message, metadata = body.get("message"), body.get("metadata")
        if message is not None and not isinstance(message, str):
            return None, None, refuse(Refusal(400, "bad_request", '"message" must be text.'))
        if metadata is not None and not isinstance(metadata, dict):
            return None, None, refuse(Refusal(400, "bad_request", '"metadata" must be a JSON object.'))
        limited = guard.limit(user, request.ip)
        if limited:
            return None, None, refuse(limited)
        return body, user, None

    def blueprint(self, on_new_message: Callable[[UserMessage], Awaitable[None]]) -> Blueprint:
        custom_webhook = Blueprint(f"custom_webhook_{type(self).__name__}", __name__)

        @custom_webhook.route("/", methods=["GET"])
        async def health(request: Request) -> HTTPResponse:
            return response.json({"status": "ok"})

        @custom_webhook.route("/webhook", methods=["POST"])
        async def receive(request: Request) -> Union[ResponseStream, HTTPResponse]:
            body, sender_id, refused = await self.check(request)
            if refused is not None:
                return refused
            assert body is not None
            text = clean_text(body.get("message") or "")  # no message is an empty one (Rasa's NLU crashes on None)
            if self.guard.too_long(text):
                return response.json([{"recipient_id": sender_id, "text": self.guard.too_long_answer(),
                                       "custom": {"error": "message_too_long",
                                                  "max_bytes": self.guard.max_message_bytes}}])
            # A signed request's channel is this one; an unsigned (local) one may name another, as in Rasa.
            named = body.get("input_channel")
            input_channel = named if not self.guard.secured and isinstance(named, str) and named else self.name()
            metadata = body.get("metadata")
            if rasa.utils.endpoints.bool_arg(request, "stream", default=False):
                return response.stream(self.stream_response(on_new_message, text, sender_id, input_channel,
                                                            metadata), content_type="text/event-stream")
            collector = CollectingOutputChannel()
            try:
                await on_new_message(UserMessage(text, collector, sender_id, input_channel=input_channel,
                                                 metadata=metadata))
            except CancelledError:
                logger.error("rest message timed out: %r", copy.deepcopy(text)[:200] if text else text)
                apologise(collector, sender_id)
            except Exception:  # noqa: BLE001 - the answers collected so far are returned, or an apology
                logger.exception("rest message failed: %r", copy.deepcopy(text)[:200] if text else text)
                apologise(collector, sender_id)
            return response.json(collector.messages)

        return custom_webhook
