"""What every fault shares: a timed account of what happened, and turns that report failure as a result."""
from __future__ import annotations

import json
import time
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any

import requests

from rasa_components.served import RunningAssistant

QUICK_S = 5.0  # "within a few seconds"


@dataclass
class Report:
    """One fault: what happened, when (seconds since the fault began), and the verdict."""

    name: str
    began: float = field(default_factory=time.monotonic)
    events: list[dict[str, Any]] = field(default_factory=list)
    problems: list[str] = field(default_factory=list)
    timings: dict[str, float] = field(default_factory=dict)

    def note(self, what: str, **details: Any) -> None:
        at = round(time.monotonic() - self.began, 2)
        self.events.append({"t": at, "what": what} | details)
        extra = "  " + json.dumps(details, ensure_ascii=False)[:240] if details else ""
        print(f"  [{self.name} +{at:6.2f}s] {what}{extra}", flush=True)

    def check(self, ok: bool, problem: str) -> bool:
        if not ok:
            self.problems.append(problem)
            self.note(f"FAIL: {problem}")
        return ok

    def to_json(self) -> dict[str, Any]:
        return {"fault": self.name, "verdict": "FAIL" if self.problems else "PASS", "problems": self.problems,
                "timings_s": self.timings, "events": self.events}


def timed_say(assistant: RunningAssistant, user: str, text: str, timeout: float = 60) -> tuple[str, float, str]:
    """(answer text, seconds, error or ""): a failed request is a result here, not an exception."""
    start = time.monotonic()
    try:
        r = requests.post(f"{assistant.url}/webhooks/rest/webhook", json={"sender": user, "message": text},
                          timeout=timeout)
        r.raise_for_status()
        answer = " ".join(m.get("text", "") for m in r.json() if m.get("text"))
        return answer, round(time.monotonic() - start, 3), ""
    except requests.RequestException as exc:
        return "", round(time.monotonic() - start, 3), f"{type(exc).__name__}: {exc}"


def wait_until(predicate: Callable[[], bool], timeout: float, every: float = 0.5) -> float | None:
    """Seconds until `predicate()` held, or None after `timeout`."""
    start = time.monotonic()
    while time.monotonic() - start < timeout:
        if predicate():
            return round(time.monotonic() - start, 2)
        time.sleep(every)
    return None
