"""Signed tokens that prove who a user is, and the other keys derived from ASSISTANT_SECRET.

One secret, `ASSISTANT_SECRET`, protects the served assistant. Each use gets
its own key, derived with HMAC-SHA256 over a purpose label, so a value issued
for one purpose is useless for another (a chat token is not an HTTP API
token, the action server's shared secret is not a cookie key):

* **user tokens**: HS256 JWTs whose `sub` is the user id, with `iat`, `exp`
  and an audience. The REST and socket.io channels take the sender id from
  the verified subject, never from the request body.
* **HTTP API tokens**: HS256 JWTs in the shape Rasa's `--jwt-secret` expects
  (`{"user": {"username": ..., "role": "admin"}}`), with `exp`; the
  insight page takes the same admin tokens (`verify_admin_token`).
* **the action server token**: a fixed shared secret that Rasa sends with
  every action call (header `X-Actions-Token`).
* **page cookies**: the page server's signed, stable user id for a browser.

Verification accepts HS256 only (never `none`, never a key-confusion
algorithm), requires `exp`, `iat` and `sub`, and checks the subject is a
valid user id. This module imports no Rasa module: the channels, the action
server, the page server, the CLI and the tests all use it.
"""
from __future__ import annotations

import hashlib
import hmac
import re
import secrets
import time
from typing import Any

import jwt

ALGORITHM = "HS256"
ISSUER = "teachable-assistant"
CHAT_AUDIENCE = "teachable-assistant:chat"
DEFAULT_TTL = 3600
MAX_TTL = 30 * 24 * 3600
MIN_SECRET_CHARS = 16
ACTIONS_HEADER = "X-Actions-Token"
LEEWAY_SECONDS = 5

# A user id is what the channels use as the conversation id and the
# preference store keys on: login names, e-mail addresses, uuids, "web-<hex>".
USER_ID_MAX = 128
_USER_ID = re.compile(r"[A-Za-z0-9][A-Za-z0-9_.@+:-]{0,%d}" % (USER_ID_MAX - 1))

_PURPOSES = ("user-token", "http-api", "action-server", "page-cookie")


class TokenError(Exception):
    """A token was refused. `reason` is a short machine-readable code."""

    def __init__(self, reason: str, message: str) -> None:
        super().__init__(message)
        self.reason = reason


def valid_user_id(user: Any) -> bool:
    """True for 1-128 characters of letters, digits and `_ . @ + : -`, starting with a letter or digit."""
    return isinstance(user, str) and _USER_ID.fullmatch(user) is not None


def check_secret(secret: str | None) -> str:
    """The secret, if it is usable; ValueError with the reason otherwise."""
    if not secret or len(secret) < MIN_SECRET_CHARS:
        raise ValueError(f"ASSISTANT_SECRET must be at least {MIN_SECRET_CHARS} characters "
                         "(e.g. python -c 'import secrets; print(secrets.token_urlsafe(32))')")
    return secret


def derive_key(secret: str, purpose: str) -> str:
    """The key for one purpose, as 64 hex characters (a string, because Rasa's --jwt-secret is one)."""
    if purpose not in _PURPOSES:
        raise ValueError(f"unknown key purpose {purpose!r}")
    check_secret(secret)
    return hmac.new(secret.encode("utf-8"), f"{ISSUER}/v1/{purpose}".encode(), hashlib.sha256).hexdigest()


def _ttl(ttl: int) -> int:
    if isinstance(ttl, bool) or not isinstance(ttl, int) or not 1 <= ttl <= MAX_TTL:
        raise ValueError(f"ttl must be a whole number of seconds between 1 and {MAX_TTL}")
    return ttl


# --- user tokens (the channels) ---------------------------------------------------

def mint(secret: str, user: str, ttl: int = DEFAULT_TTL, now: float | None = None) -> str:
    """A token proving that its holder is `user`, valid for `ttl` seconds."""
    if not valid_user_id(user):
        raise ValueError(f"invalid user id {user!r} (1-{USER_ID_MAX} letters, digits or _ . @ + : -)")
    issued = int(time.time() if now is None else now)
    claims = {"sub": user, "iat": issued, "exp": issued + _ttl(ttl), "iss": ISSUER, "aud": CHAT_AUDIENCE,
              "jti": secrets.token_hex(8)}
    return jwt.encode(claims, derive_key(secret, "user-token"), algorithm=ALGORITHM)


def verify(secret: str, token: Any, now: float | None = None) -> str:
    """The user id a token proves, or TokenError (missing, malformed, algorithm, signature, expired, subject)."""
    claims = _decode(token, derive_key(secret, "user-token"), now, audience=CHAT_AUDIENCE,
                     require=["sub", "exp", "iat", "aud"])
    subject = claims.get("sub")
    if not valid_user_id(subject):
        raise TokenError("bad_subject", "the token's subject is not a valid user id")
    return subject


def _decode(token: Any, key: str, now: float | None, audience: str | None, require: list[str]) -> dict[str, Any]:
    if token is None or token == "":
        raise TokenError("missing", "no token")
    # A JWT is base64url and dots. A server may hand over header bytes that are not UTF-8 as lone
    # surrogates, which PyJWT cannot even encode (UnicodeEncodeError): a refusal, not a crash.
    if not isinstance(token, str) or len(token) > 4096 or not token.isascii():
        raise TokenError("malformed", "the token is not a JWT")
    try:
        header = jwt.get_unverified_header(token)
    except jwt.PyJWTError:
        raise TokenError("malformed", "the token is not a JWT") from None
    if header.get("alg") != ALGORITHM:
        raise TokenError("bad_algorithm", f"only {ALGORITHM} tokens are accepted")
    # With an explicit clock (tests), PyJWT's own time checks (against the real clock) are replaced by ours.
    options: dict[str, Any] = {"require": require, "verify_sub": True, "verify_exp": now is None,
                               "verify_iat": now is None, "verify_nbf": now is None}
    try:
        claims = jwt.decode(token, key, algorithms=[ALGORITHM], audience=audience, options=options,
                            leeway=LEEWAY_SECONDS)
    except jwt.ExpiredSignatureError:
        raise TokenError("expired", "the token has expired") from None
    except jwt.InvalidSignatureError:
        raise TokenError("bad_signature", "the token's signature is not valid") from None
    except jwt.InvalidAudienceError:
        raise TokenError("bad_audience", "the token is not a chat token") from None
    except jwt.MissingRequiredClaimError as exc:
        raise TokenError("malformed", f"the token lacks the {exc.claim!r} claim") from None
    except jwt.exceptions.InvalidSubjectError:
        raise TokenError("bad_subject", "the token's subject is not a valid user id") from None
    except jwt.ImmatureSignatureError:
        raise TokenError("invalid", "the token is issued in the future") from None
    except jwt.PyJWTError as exc:
        raise TokenError("invalid", f"the token is not valid ({type(exc).__name__})") from None
    if now is not None:
        exp, iat = claims.get("exp"), claims.get("iat")
        if not isinstance(exp, (int, float)) or exp <= now:
            raise TokenError("expired", "the token has expired")
        if not isinstance(iat, (int, float)) or iat > now + LEEWAY_SECONDS:
            raise TokenError("invalid", "the token is issued in the future")
    return claims


# --- HTTP API tokens (Rasa's --jwt-secret) ----------------------------------------------

def http_api_key(secret: str) -> str:
    """The value given to `rasa run --jwt-secret` (HS256)."""
    return derive_key(secret, "http-api")


def mint_api_token(secret: str, ttl: int = DEFAULT_TTL, username: str = "admin", role: str = "admin",
                   now: float | None = None) -> str:
    """A token for Rasa's HTTP API (`Authorization: Bearer ...`). role "admin" reads every conversation;
    role "user" only the conversation whose id is `username`."""
    if role not in ("admin", "user"):
        raise ValueError("role must be 'admin' or 'user'")
    issued = int(time.time() if now is None else now)
    claims = {"user": {"username": username, "role": role}, "iat": issued, "exp": issued + _ttl(ttl),
              "iss": ISSUER}
    return jwt.encode(claims, http_api_key(secret), algorithm=ALGORITHM)


def verify_admin_token(secret: str, token: Any, now: float | None = None) -> str:
    """The username of an admin HTTP API token (`mint_api_token`, `prefs token --api`), or TokenError.

    For servers of this project that accept the token Rasa's own HTTP API
    takes (the insight page), so that one token opens both and nobody has to
    re-implement the checks. They are those of every token here (HS256 only,
    then the http-api key's signature, `exp` and `iat`; no audience, because
    Rasa's tokens carry none), then the role: a valid token that is not an
    admin's (role "user", or no `user` claim) raises TokenError("not_admin").
    """
    claims = _decode(token, http_api_key(secret), now, audience=None, require=["exp", "iat"])
    user = claims.get("user")
    if not isinstance(user, dict) or user.get("role") != "admin":
        raise TokenError("not_admin", "the token is not an admin token")
    return str(user.get("username", ""))


# --- the action server's shared secret ------------------------------------------------------

def actions_token(secret: str) -> str:
    """What Rasa sends to the action server (header X-Actions-Token) and what the action server expects."""
    return derive_key(secret, "action-server")


def same(a: Any, b: Any) -> bool:
    """Constant-time comparison of two strings (False if either is not a string)."""
    return isinstance(a, str) and isinstance(b, str) and hmac.compare_digest(a.encode(), b.encode())


# --- the page server's cookie ----------------------------------------------------------------

def sign_value(secret: str, value: str) -> str:
    """`value.signature`, for a cookie that only this secret can have issued."""
    mac = hmac.new(derive_key(secret, "page-cookie").encode(), value.encode("utf-8"), hashlib.sha256).hexdigest()
    return f"{value}.{mac}"


def unsign_value(secret: str, signed: Any) -> str | None:
    """The value of a `sign_value` result, or None if it was not signed with this secret."""
    if not isinstance(signed, str) or "." not in signed or len(signed) > 512:
        return None
    value, _, mac = signed.rpartition(".")
    return value if same(sign_value(secret, value), f"{value}.{mac}") else None


def new_web_user() -> str:
    """A fresh, unguessable user id for a browser."""
    return f"web-{secrets.token_hex(12)}"
