"""Reading rewrites from the tracker: both kinds, held-out ones not counted, turns lined up with messages."""
from __future__ import annotations

import pytest

from simulator import tracker
from simulator.driver import Episode, Turn
from simulator.world import Goal, GoalKind

pytestmark = pytest.mark.unit


def test_rewrite_kinds() -> None:
    pre = {"rewrite": {"id": 3, "held_out": False, "source_key": "play bee tells", "raw": "play bee tells",
                       "target": "play the beatles"}}
    assert tracker.rewrite_of(pre) | {} == {"kind": "precomputed", "layer": "global", "raw": "play bee tells",
                                            "target": "play the beatles", "id": 3, "applied": True}
    held = {"rewrite": pre["rewrite"] | {"held_out": True}}
    assert tracker.rewrite_of(held)["applied"] is False
    online = {"online_rewrite": {"layer": "personal", "raw": "play adel", "target": "play adele", "score": 0.9}}
    assert tracker.rewrite_of(online)["applied"] and tracker.rewrite_of(online)["layer"] == "personal"
    assert tracker.rewrite_of({"intent": {"name": "play_music"}}) is None


EVENTS = [
    {"event": "action", "name": "action_session_start"},
    {"event": "user", "text": "play the beatles", "parse_data": {"rewrite": {"raw": "play bee tells",
                                                                             "held_out": False}}},
    {"event": "action", "name": "action_play_music"},
    {"event": "bot", "text": "Playing Hey Jude by The Beatles."},
    {"event": "bot", "text": "(I took ...)"},
    {"event": "user", "text": "stop", "parse_data": {}, "metadata": {"barge_in": True}},
    {"event": "bot", "text": "Sorry about that."},
]


def test_user_events_carry_the_bot_messages_that_followed() -> None:
    pairs = tracker.user_events(EVENTS)
    assert [e["text"] for e, _ in pairs] == ["play the beatles", "stop"]
    assert pairs[0][1] == ["Playing Hey Jude by The Beatles.", "(I took ...)"]


def test_annotate_lines_turns_up_by_raw_text(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(tracker, "fetch_events", lambda url, sender, headers: EVENTS)
    ep = Episode("u", 0, Goal(GoalKind.ARTIST, artist="The Beatles"), "B",
                 [Turn("u", 0, "request", 0, "play bee tells", []), Turn("u", 0, "feedback", 0, "stop", [])])
    check = tracker.annotate("http://x", {}, [ep])
    assert check.aligned == 2 and not check.mismatched
    assert ep.turns[0].rewritten and ep.turns[0].tracker_replies[0].startswith("Playing Hey Jude")
    assert not ep.turns[1].rewritten


def test_annotate_reports_what_does_not_line_up(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(tracker, "fetch_events", lambda url, sender, headers: EVENTS[:4])
    ep = Episode("u", 0, Goal(GoalKind.ARTIST, artist="The Beatles"), "B",
                 [Turn("u", 0, "request", 0, "play something else", []), Turn("u", 0, "feedback", 0, "stop", [])])
    check = tracker.annotate("http://x", {}, [ep])
    assert check.aligned == 0 and len(check.mismatched) == 2
