"""Input hygiene for everything the store keeps.

Stored text is data, never code: it is bound as SQL parameters (never
formatted into statements), stripped of control characters, and capped in
length so one hostile message cannot bloat the database or a log line.
User ids are *identities*, so they are validated rather than silently
cleaned: cleaning "bob\\x00" to "bob" would hand one user another's data.
"""
from __future__ import annotations

import json
import math
import re
import unicodedata
from typing import Any

from preferences.records import PreferenceError

MAX_USER = 128
MAX_VALUE = 200
MAX_UTTERANCE = 1000
MAX_NAME = 64  # concept names, devices, rooms
MAX_JSON_BYTES = 4096
MAX_JSON_DEPTH = 4

# C0/C1 controls, DEL, lone surrogates, and bidi overrides that disguise text in logs and tables.
_CONTROL = re.compile("[\x00-\x1f\x7f-\x9f\ud800-\udfff\u202a-\u202e\u2066-\u2069]")
_IDENT = re.compile(r"^[a-z][a-z0-9_]{0,39}$")


def clean_text(text: str, limit: int) -> str:
    """NFC, controls replaced by spaces, whitespace collapsed, capped at `limit` characters."""
    if not isinstance(text, str):
        raise PreferenceError(f"expected text, got {type(text).__name__}")
    text = unicodedata.normalize("NFC", _CONTROL.sub(" ", text))
    return " ".join(text.split())[:limit]


def clean_utterance(text: str | None) -> str | None:
    if text is None:
        return None
    cleaned = clean_text(text, MAX_UTTERANCE)
    return cleaned or None


def clean_name(text: str, what: str = "name") -> str:
    """Lower-case, cleaned, non-empty: "Study  Mode" -> "study mode"."""
    cleaned = clean_text(text, MAX_NAME).casefold()
    if not cleaned:
        raise PreferenceError(f"{what} must not be empty")
    return cleaned


def value_key(value: str) -> str:
    """Identity of a value inside a slot: "Hello World" and "hello world" are one preference."""
    return unicodedata.normalize("NFC", value.casefold())


def check_user(user: str) -> str:
    """Return the user id unchanged, or raise: ids are compared exactly, never rewritten."""
    if not isinstance(user, str):
        raise PreferenceError(f"user id must be text, got {type(user).__name__}")
    if not user or not user.strip():
        raise PreferenceError("user id must not be empty")
    if len(user) > MAX_USER:
        raise PreferenceError(f"user id longer than {MAX_USER} characters")
    if _CONTROL.search(user):
        raise PreferenceError("user id contains control or unpaired surrogate characters")
    return user


def check_ident(name: str, what: str) -> str:
    """Domains and slots are short lower-case identifiers ("music", "home_city")."""
    if not isinstance(name, str) or not _IDENT.match(name):
        raise PreferenceError(f"{what} must be a lower-case identifier like 'music' or 'home_city', got {name!r}")
    return name


def check_confidence(confidence: float) -> float:
    try:
        c = float(confidence)
    except (TypeError, ValueError):
        raise PreferenceError(f"confidence must be a number, got {confidence!r}") from None
    if math.isnan(c) or not 0.0 <= c <= 1.0:
        raise PreferenceError(f"confidence must be between 0 and 1, got {confidence!r}")
    return c


def json_safe(obj: Any, what: str = "definition") -> dict[str, Any]:
    """A small JSON object of plain data, with strings cleaned; raises on anything else."""
    if not isinstance(obj, dict):
        raise PreferenceError(f"{what} must be a JSON object (dict)")

    def walk(x: Any, depth: int) -> Any:
        if depth > MAX_JSON_DEPTH:
            raise PreferenceError(f"{what} is nested too deeply")
        if x is None or isinstance(x, bool):
            return x
        if isinstance(x, int):
            return x
        if isinstance(x, float):
            if not math.isfinite(x):
                raise PreferenceError(f"{what} contains a non-finite number")
            return x
        if isinstance(x, str):
            return clean_text(x, MAX_VALUE)
        if isinstance(x, (list, tuple)):
            return [walk(v, depth + 1) for v in x]
        if isinstance(x, dict):
            out = {}
            for k, v in x.items():
                if not isinstance(k, str):
                    raise PreferenceError(f"{what} keys must be text")
                key = clean_text(k, MAX_NAME)
                if not key:
                    raise PreferenceError(f"{what} has an empty key")
                out[key] = walk(v, depth + 1)
            return out
        raise PreferenceError(f"{what} contains a {type(x).__name__}, which is not plain JSON data")

    cleaned = walk(obj, 0)
    if len(json.dumps(cleaned, ensure_ascii=False).encode()) > MAX_JSON_BYTES:
        raise PreferenceError(f"{what} is larger than {MAX_JSON_BYTES} bytes")
    return cleaned
