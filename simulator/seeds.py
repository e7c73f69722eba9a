"""Stable random streams derived from names, so that paired runs draw identical noise.

The three phase-3 conditions must send the same first request for the same
user and episode, or the replay win/loss compares different requests.
Python's ``hash()`` is salted per process, so the streams are derived with
SHA-256 of their names instead.
"""
from __future__ import annotations

import hashlib
import random


def stream(*parts: object) -> random.Random:
    """A random generator that depends only on ``parts`` (same parts, same draws, in every process)."""
    digest = hashlib.sha256("\x1f".join(map(str, parts)).encode()).digest()
    return random.Random(int.from_bytes(digest[:8], "big"))


def zipf_weights(n: int, exponent: float = 1.0) -> list[float]:
    """Popularity of ranks 1..n: a few goals are very common, most are rare (as in real traffic)."""
    return [1.0 / (rank ** exponent) for rank in range(1, n + 1)]
