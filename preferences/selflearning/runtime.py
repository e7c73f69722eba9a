"""Applying precomputed rewrites before interpretation, with a held-out share left alone.

The runtime is an exact lookup of the request key in the rewrite table in
force, refreshed from the database every `refresh_seconds` (a new mining
version takes effect in a running assistant within that time, without a
restart). A small share of matching turns is deliberately *not* rewritten
(`held_out_share`), chosen by a hash of the turn's id so a replay decides the
same way: the outcomes of those turns are what tells the self-aware check
whether the rewrite still beats the original. The decision is returned
either way, so the log records which rewrite matched and whether it applied.

A database that went away never breaks interpretation: the last table read
stays in force (or none), and the turn is interpreted as the user said it.
"""
from __future__ import annotations

import hashlib
import logging
import threading
import time
from dataclasses import dataclass
from typing import Any, Callable

from preferences.errors import AssistantError
from preferences.selflearning.normalize import request_key

log = logging.getLogger(__name__)

Loader = Callable[[], dict[str, tuple[int, str]]]  # source_key -> (rewrite id, target text)


@dataclass(frozen=True)
class RewriteDecision:
    """What the runtime did with one turn that matched a rewrite."""

    rewrite_id: int
    source_key: str
    raw: str  # the text as the user said it
    target: str  # the text the rewrite reads it as
    applied: bool  # False: held out (interpreted as said, to measure the rewrite)

    @property
    def text(self) -> str:
        """The text to interpret."""
        return self.target if self.applied else self.raw

    def to_json(self) -> dict[str, Any]:
        """As logged in the parse data (`rewrite`): the log reader reads `id` and `held_out`."""
        return {"id": self.rewrite_id, "held_out": not self.applied, "source_key": self.source_key,
                "raw": self.raw, "target": self.target}


def held_out(turn_id: str, share: float) -> bool:
    """Deterministic: the same turn id is always in or out of the held-out share."""
    if share <= 0:
        return False
    digest = hashlib.sha256(turn_id.encode("utf-8", "replace")).digest()
    return int.from_bytes(digest[:8], "big") / 2**64 < share


class RewriteRuntime:
    def __init__(self, loader: Loader, *, held_out_share: float = 0.1, refresh_seconds: float = 30.0,
                 clock: Callable[[], float] = time.monotonic) -> None:
        if not 0 <= held_out_share < 1:
            raise ValueError("held_out_share is a share of traffic in [0, 1)")
        self._loader = loader
        self.held_out_share = held_out_share
        self.refresh_seconds = refresh_seconds
        self._clock = clock
        self._table: dict[str, tuple[int, str]] = {}
        self._loaded_at: float | None = None
        self._lock = threading.Lock()

    def table(self) -> dict[str, tuple[int, str]]:
        """The rewrites in force, re-read from the database when the copy is older than refresh_seconds."""
        now = self._clock()
        if self._loaded_at is None or now - self._loaded_at >= self.refresh_seconds:
            with self._lock:
                if self._loaded_at is None or now - self._loaded_at >= self.refresh_seconds:
                    try:
                        self._table = self._loader()
                    except AssistantError as exc:  # an outage: keep what we had, try again later
                        log.warning("rewrite table unavailable, keeping %d rewrites: %s", len(self._table), exc)
                    self._loaded_at = now
        return self._table

    def decide(self, text: str, turn_id: str) -> RewriteDecision | None:
        """The rewrite for this turn, if one matches (applied, or held out)."""
        if not text:
            return None
        key = request_key(text)
        found = self.table().get(key)
        if found is None:
            return None
        rewrite_id, target = found
        return RewriteDecision(rewrite_id, key, text, target, applied=not held_out(turn_id, self.held_out_share))
