"""What the channels check before a message reaches Rasa: who, from where, how big, how often.

`ChannelGuard` is shared by the REST channel (rasa_components.rest_channel)
and the socket.io channel (rasa_components.socketio_channel). It holds no
Rasa or Sanic type, so it is tested on its own; each channel turns a
`Refusal` into its own kind of answer (a JSON HTTP error, a socket.io event).

* **Identity.** With ASSISTANT_SECRET set, the sender is the subject of a
  valid user token (preferences.tokens), whatever the request names. Without
  it the servers only listen on 127.0.0.1 and the sender comes from the
  request, as Rasa does (a local developer's curl and tests).
* **User ids** are validated in both modes (preferences.tokens.valid_user_id).
* **Origin.** A browser request from a page whose origin is not the page's
  own (Settings.cors_origins, default http://localhost:WEB_PORT) is refused,
  in both modes: websockets are not covered by CORS, and a simple cross-site
  POST needs no preflight, so CORS headers alone would not stop another web
  site from talking to the assistant as the local user.
* **Size.** A message over Settings.max_message_bytes gets a clear answer
  and never reaches the NLU; a REST body over MAX_BODY_BYTES is a 413.
* **Rate.** With the secret set, a token bucket per user and one per client
  address (Settings.rate_limit_*); over the limit is a 429 with Retry-After.
"""
from __future__ import annotations

import math
import re
import threading
import time
from collections import OrderedDict
from dataclasses import dataclass, field
from typing import Any

from preferences import tokens
from preferences.settings import Settings, settings

MAX_BODY_BYTES = 64 * 1024
MAX_TRACKED_KEYS = 10_000
LOOPBACK_HOSTS = ("127.0.0.1", "localhost", "::1")


@dataclass(frozen=True)
class Refusal:
    """Why a message is not answered: HTTP status, error code and a sentence for people."""

    status: int
    error: str
    message: str
    retry_after: float | None = None
    extra: dict[str, Any] = field(default_factory=dict)

    def body(self) -> dict[str, Any]:
        out: dict[str, Any] = {"status": self.status, "error": self.error, "message": self.message}
        if self.retry_after is not None:
            out["retry_after"] = math.ceil(self.retry_after)
        out.update(self.extra)
        return out

    def headers(self) -> dict[str, str]:
        headers: dict[str, str] = {}
        if self.status == 401:
            headers["WWW-Authenticate"] = 'Bearer realm="assistant", error="invalid_token"'
        if self.retry_after is not None:
            headers["Retry-After"] = str(math.ceil(self.retry_after))
        return headers


class RateLimiter:
    """Token buckets by key: `burst` messages at once, refilled at `per_minute`. 0 per minute = no limit.

    In-process and bounded: at most MAX_TRACKED_KEYS keys are remembered (the
    least recently seen are dropped, which only ever forgives). Thread-safe,
    so the page server's threads can share one.
    """

    def __init__(self, per_minute: float, burst: int, clock: Any = time.monotonic,
                 max_keys: int = MAX_TRACKED_KEYS) -> None:
        self.rate = max(0.0, float(per_minute)) / 60.0
        self.burst = max(1, int(burst))
        self.clock = clock
        self.max_keys = max_keys
        self._buckets: OrderedDict[str, tuple[float, float]] = OrderedDict()
        self._lock = threading.Lock()

    @property
    def enabled(self) -> bool:
        return self.rate > 0

    def take(self, key: str) -> float | None:
        """None if `key` may go ahead (one token spent), else the seconds until it may."""
        if not self.enabled:
            return None
        now = self.clock()
        with self._lock:
            level, last = self._buckets.pop(key, (float(self.burst), now))
            level = min(float(self.burst), level + (now - last) * self.rate)
            if level >= 1.0:
                self._buckets[key] = (level - 1.0, now)
                wait = None
            else:
                self._buckets[key] = (level, now)
                wait = (1.0 - level) / self.rate
            while len(self._buckets) > self.max_keys:
                self._buckets.popitem(last=False)
        return wait


def split_origins(raw: str | None) -> list[str]:
    return [o.rstrip("/") for o in re.split(r"[\s,]+", raw or "") if o]


def page_origins(s: Settings) -> list[str]:
    """The origins allowed to talk to Rasa from a browser: CORS_ORIGINS, else the local page."""
    given = split_origins(s.cors_origins)
    return given or [f"http://localhost:{s.web_port}", f"http://127.0.0.1:{s.web_port}"]


def serve_host(s: Settings, requested: str | None = None) -> str:
    """Where a server may listen: loopback without the secret, BIND_HOST (or `requested`) with it."""
    if not s.secured:
        return "127.0.0.1"
    return requested or s.bind_host or "127.0.0.1"


def startup_note(name: str, host: str, port: int, s: Settings) -> str:
    if not s.secured:
        return (f"{name} listening on {host}:{port} only (ASSISTANT_SECRET is not set: loopback only, "
                "requests without a token are accepted)")
    return f"{name} listening on {host}:{port} (ASSISTANT_SECRET is set: tokens required)"


_LONE_SURROGATE = re.compile("[\ud800-\udfff]")


def clean_text(text: Any) -> Any:
    """A message's text with lone surrogates replaced by U+FFFD; anything not a str is returned as is.

    JSON can carry "\\ud800" and Python decodes it to a str that is not Unicode text: the sentence
    embedder's tokenizer raises on it (TypeError) and a UTF-8 database refuses it, so such a turn failed
    inside Rasa and got no answer. The channels clean the text before Rasa sees it.
    """
    return _LONE_SURROGATE.sub("\ufffd", text) if isinstance(text, str) else text


def bearer(header: str | None) -> str | None:
    """The token of an `Authorization: Bearer <token>` header."""
    if not header:
        return None
    scheme, _, value = header.strip().partition(" ")
    return value.strip() or None if scheme.lower() == "bearer" else None


class ChannelGuard:
    """The checks of one Rasa process's channels, configured once from Settings."""

    def __init__(self, s: Settings) -> None:
        self.settings = s
        self.secret = s.assistant_secret if s.secured else None
        if self.secret:
            tokens.check_secret(self.secret)
        self.max_message_bytes = max(1, s.max_message_bytes)
        self.users = RateLimiter(s.rate_limit_user_per_minute, s.rate_limit_user_burst)
        self.addresses = RateLimiter(s.rate_limit_address_per_minute, s.rate_limit_address_burst)
        self.origins = page_origins(s)

    @classmethod
    def from_settings(cls) -> "ChannelGuard":
        return cls(settings())

    @property
    def secured(self) -> bool:
        return self.secret is not None

    # --- who ------------------------------------------------------------------------------
    def authenticate(self, token: str | None) -> tuple[str | None, Refusal | None]:
        """(user id, None) for a valid token, else (None, a 401 refusal)."""
        assert self.secret is not None
        try:
            return tokens.verify(self.secret, token), None
        except tokens.TokenError as exc:
            hint = ("send `Authorization: Bearer <token>` (REST) or the token in the socket.io auth "
                    "or query (`token`); `prefs token USER` mints one")
            message = f"A valid user token is required ({exc}); {hint}."
            return None, Refusal(401, "unauthorized", message, extra={"reason": exc.reason})

    def check_sender(self, sender: Any) -> tuple[str | None, Refusal | None]:
        """The sender named by an unsigned (loopback) request, validated; None means Rasa's default."""
        if sender is None:
            return None, None
        if isinstance(sender, (int, float)) and not isinstance(sender, bool):
            sender = str(sender)
        if not tokens.valid_user_id(sender):
            return None, Refusal(400, "invalid_sender", f"The sender id must be 1-{tokens.USER_ID_MAX} letters, "
                                 "digits or _ . @ + : - (starting with a letter or digit).")
        return sender, None

    # --- from where ---------------------------------------------------------------------------
    def origin_allowed(self, origin: str | None) -> bool:
        """Requests without an Origin (curl, scripts, Rasa's own shell) are not from a web page."""
        if not origin or "*" in self.origins:
            return True
        return origin.rstrip("/") in self.origins

    def origin_refusal(self) -> Refusal:
        return Refusal(403, "origin_not_allowed", "This page's origin may not talk to the assistant "
                       "(set CORS_ORIGINS to the page's origin).")

    # --- how big ---------------------------------------------------------------------------------
    def too_long(self, text: Any) -> bool:
        return isinstance(text, str) and len(text.encode("utf-8", "surrogatepass")) > self.max_message_bytes

    def too_long_answer(self) -> str:
        return (f"That message is too long for me (the limit is {self.max_message_bytes} bytes). "
                "Could you say it in fewer words?")

    # --- how often ---------------------------------------------------------------------------------
    def limit(self, user: str | None, address: str | None) -> Refusal | None:
        """With the secret set: a 429 refusal if this user or this address is over its rate."""
        if not self.secured:
            return None
        waits = [w for w in (self.addresses.take(f"addr:{address}") if address else None,
                             self.users.take(f"user:{user}") if user else None) if w is not None]
        if not waits:
            return None
        wait = max(waits)
        return Refusal(429, "rate_limited", f"Too many messages; please wait {math.ceil(wait)} s and try again.",
                       retry_after=wait)
