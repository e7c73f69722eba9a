"""What the users saw, and whether each answer was right: answered, and using what the user had taught."""
from __future__ import annotations

import time
from dataclasses import dataclass, field
from typing import Any

from loadtest.conversations import Script, Turn
from preferences.dialogue.messages import BUG, UNAVAILABLE
from rasa_components.action_failures import ACTION_FAILED


def percentile(values: list[float], q: float) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, int(round(q * (len(ordered) - 1))))] if ordered else float("nan")


@dataclass
class Results:
    """What the users saw, shared by all of them (one event loop: no locks needed)."""

    latencies: list[tuple[float, float, str]] = field(default_factory=list)  # (finished at, ms, channel)
    failures: list[dict[str, Any]] = field(default_factory=list)  # no answer, an error, an apology
    wrong: list[dict[str, Any]] = field(default_factory=list)  # answered, but not using what was taught
    taught: dict[str, set[tuple[str, str]]] = field(default_factory=dict)  # user -> {(slot, value)} confirmed
    unsure: dict[str, set[tuple[str, str]]] = field(default_factory=dict)  # taught in a turn that failed
    users_started: int = 0
    users_finished: int = 0


def judge(results: Results, script: Script, step: int, texts: list[str], ms: float, channel: str,
          error: str | None) -> bool:
    """Record one answer; True if it was answered and used what it should (a teaching turn: confirmed)."""
    text = " ".join(texts)
    results.latencies.append((time.monotonic(), ms, channel))
    turn = script.steps[step]
    where = {"user": script.user, "said": turn.text, "channel": channel, "answer": text[:300]}
    if error or not text or any(apology in text for apology in (BUG, UNAVAILABLE, ACTION_FAILED)):
        results.failures.append(where | {"error": error or "apology or empty answer"})
        return False
    confirmed = {slot for slot, _ in results.taught.get(script.user, set())}
    if not set(turn.needs) <= confirmed:  # its teaching turn failed (already counted): nothing to use
        return True
    missing = [w for w in turn.expect if w.lower() not in text.lower()]
    if missing:
        results.wrong.append(where | {"missing": missing})
    return not missing


def remember(results: Results, user: str, turn: Turn, confirmed: bool) -> None:
    """A confirmed teaching turn must be stored; a failed one may or may not have been (never for another user)."""
    if turn.teaches:
        (results.taught if confirmed else results.unsure).setdefault(user, set()).add(turn.teaches)
