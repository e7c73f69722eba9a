"""Which turns were rewritten, read from Rasa's tracker over its HTTP API (never from the library in process).

A user event's `parse_data` carries `rewrite` when a precomputed rewrite
matched (`{"id", "held_out", "source_key", "raw", "target"}`; held out means
matched but deliberately not applied) and `online_rewrite` when the online
rewriter applied (`{"layer", "raw", "target", "score"}`); the event's `text`
is what was interpreted. The k-th user event of a sender is the k-th
message the simulator sent as that user, which the raw text confirms.
"""
from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from typing import Any

import requests

from simulator.driver import Episode, Turn


@dataclass
class TrackerCheck:
    """How well the tracker and the simulator's own record agree (reported, and asserted by the smoke test)."""

    users: int = 0
    turns: int = 0
    aligned: int = 0
    mismatched: list[str] = field(default_factory=list)  # "user: sent 'x', logged 'y'"

    def to_json(self) -> dict[str, Any]:
        return {"users": self.users, "turns": self.turns, "aligned": self.aligned,
                "mismatched": len(self.mismatched), "examples": self.mismatched[:5]}


def rewrite_of(parse_data: dict[str, Any]) -> dict[str, Any] | None:
    """The rewrite decision of one user event, flattened: kind, layer, raw, target, applied."""
    online = parse_data.get("online_rewrite")
    if isinstance(online, dict):
        return {"kind": "online", "layer": online.get("layer"), "raw": online.get("raw"),
                "target": online.get("target"), "score": online.get("score"), "applied": True}
    pre = parse_data.get("rewrite")
    if isinstance(pre, dict):
        return {"kind": "precomputed", "layer": "global", "raw": pre.get("raw"), "target": pre.get("target"),
                "id": pre.get("id"), "applied": not pre.get("held_out", False)}
    return None


def user_events(events: Sequence[dict[str, Any]]) -> list[tuple[dict[str, Any], list[str]]]:
    """Each user event with the texts of the bot messages that followed it (until the next user event)."""
    out: list[tuple[dict[str, Any], list[str]]] = []
    for event in events:
        if event.get("event") == "user":
            out.append((event, []))
        elif event.get("event") == "bot" and out and event.get("text"):
            out[-1][1].append(event["text"])
    return out


def fetch_events(url: str, sender: str, headers: dict[str, str], timeout: float = 30.0) -> list[dict[str, Any]]:
    r = requests.get(f"{url}/conversations/{sender}/tracker", params={"include_events": "ALL"},
                     headers=headers, timeout=timeout)
    r.raise_for_status()
    return list(r.json().get("events") or [])


def _raw_texts(event: dict[str, Any]) -> set[str]:
    data = event.get("parse_data") or {}
    texts = {event.get("text") or ""}
    for key in ("rewrite", "online_rewrite"):
        if isinstance(data.get(key), dict):
            texts.add(data[key].get("raw") or "")
    return texts


def annotate(url: str, headers: dict[str, str], episodes: Iterable[Episode]) -> TrackerCheck:
    """Fill each turn's `rewrite` and `tracker_replies` from the tracker; count what does not line up."""
    by_user: dict[str, list[Turn]] = {}
    for ep in sorted(episodes, key=lambda e: (e.user, e.index)):
        by_user.setdefault(ep.user, []).extend(t for t in ep.turns if t.error is None)
    check = TrackerCheck(users=len(by_user))
    for user, turns in by_user.items():
        logged = user_events(fetch_events(url, user, headers))
        check.turns += len(turns)
        if len(logged) != len(turns):
            check.mismatched.append(f"{user}: sent {len(turns)} messages, tracker has {len(logged)} user events")
        for turn, (event, bot_texts) in zip(turns, logged):
            if turn.text not in _raw_texts(event):
                check.mismatched.append(f"{user}: sent {turn.text!r}, logged {event.get('text')!r}")
                continue
            check.aligned += 1
            turn.rewrite = rewrite_of(event.get("parse_data") or {})
            turn.tracker_replies = bot_texts
    return check
