"""The insight page's figures (`preferences.selflearning.insight`) on a log written by Rasa's own SQLTrackerStore.

The log spans three hours of 2026-01-01 (so the defect rate is per hour):

| hour | user | requests (outcome by the miner's rules) |
| --- | --- | --- |
| 0 | ann | "play maj and dragons" (fallback: defect), "play imagine dragons" (success) |
| 0 | ben | "weather in portland" ("no" next: defect), "weather in portland maine" (success) |
| 1 | cat | "play jazz" (success; "thanks" is not a request) |
| 1 | dan | "<script>alert(1)</script>" (fallback: defect) |
| 2 | eve | "play the beatels", rewritten by rewrite 1 (success) |
| 2 | fay | "play the beatels", held out from rewrite 1 (fallback: defect) |
| 2 | gus | "weather in springfield", rewritten online (success) |
| 2 | hal | "play maj and dragons" (fallback: defect) |
| 2 | zed | "my secret words" (fallback), but zed asked to be forgotten afterwards: not counted |

10 requests, 5 defects. The `helpers` are reused by tests/browser/test_insight.py.
"""
from __future__ import annotations

import json
import os
import shutil
from pathlib import Path

import numpy as np
import pytest

os.environ.setdefault("RASA_TELEMETRY_ENABLED", "false")

from preferences.db import migrate  # noqa: E402
from preferences.selflearning.insight import insight, parse_since  # noqa: E402
from preferences.selflearning.online.build import build_indexes  # noqa: E402
from preferences.selflearning.tracker_store import iter_tracker_turns  # noqa: E402
from preferences.storage.online_index import OnlineIndexStore  # noqa: E402
from preferences.storage.rewrites import NewRewrite, Outcomes, RewriteTable  # noqa: E402

T0 = 1_767_225_600.0  # 2026-01-01T00:00Z
HOUR = 3_600.0
SCRIPT = "<script>alert(1)</script>"
NO_MODEL = Path("/nonexistent/failure_points.joblib")  # the rules: deterministic, no training in a test


def _conversations(beatles_id: int) -> dict[str, list]:
    from rasa.shared.core.events import ActionExecuted, BotUttered, SessionStarted, UserUttered

    def start(ts: float) -> list:
        return [ActionExecuted("action_session_start", timestamp=T0 + ts), SessionStarted(timestamp=T0 + ts + 0.1),
                ActionExecuted("action_listen", timestamp=T0 + ts + 0.2)]

    def user(text: str, ts: float, intent: str, conf: float = 0.9, nlu_text: str | None = None,
             rewrite: dict | None = None) -> UserUttered:
        parse = {"intent": {"name": intent, "confidence": conf}, "entities": [], "text": nlu_text or text,
                 "intent_ranking": [{"name": intent, "confidence": conf}]}
        if rewrite is not None:
            parse["rewrite"] = rewrite
        return UserUttered(text, intent=parse["intent"], entities=[], parse_data=parse, timestamp=T0 + ts)

    def answer(action: str, text: str, ts: float) -> list:
        return [ActionExecuted(action, timestamp=T0 + ts + 0.1), BotUttered(text, timestamp=T0 + ts + 0.2),
                ActionExecuted("action_listen", timestamp=T0 + ts + 0.3)]

    def fallback(ts: float) -> list:
        return answer("action_default_fallback", "Sorry, I didn't get that.", ts)

    h1, h2 = HOUR, 2 * HOUR
    return {
        "ann": [*start(0), user("play maj and dragons", 1, "nlu_fallback", 0.3), *fallback(1),
                user("play imagine dragons", 8, "play_music"), *answer("action_play_music", "Playing it.", 8)],
        "ben": [*start(100), user("weather in portland", 101, "ask_weather"),
                *answer("action_weather", "In Portland, Oregon it's raining.", 101),
                user("no", 105, "dissatisfied"), *answer("action_handle_dissatisfaction", "What did you mean?", 105),
                user("weather in portland maine", 110, "ask_weather"),
                *answer("action_weather", "In Portland, Maine it's sunny.", 110)],
        "cat": [*start(h1), user("play jazz", h1 + 1, "play_music"), *answer("action_play_music", "Jazz.", h1 + 1),
                user("thanks", h1 + 5, "thank")],
        "dan": [*start(h1 + 60), user(SCRIPT, h1 + 61, "nlu_fallback", 0.2), *fallback(h1 + 61)],
        "eve": [*start(h2), user("play the beatels", h2 + 1, "play_music", nlu_text="play the beatles",
                                 rewrite={"id": beatles_id, "held_out": False}),
                *answer("action_play_music", "Playing the Beatles.", h2 + 1)],
        "fay": [*start(h2 + 30), user("play the beatels", h2 + 31, "nlu_fallback", 0.4,
                                      rewrite={"id": beatles_id, "held_out": True}), *fallback(h2 + 31)],
        "gus": [*start(h2 + 60), user("weather in springfield", h2 + 61, "ask_weather",
                                      nlu_text="weather in springfield illinois"),
                *answer("action_weather", "In Springfield, Illinois it's sunny.", h2 + 61)],
        "hal": [*start(h2 + 90), user("play maj and dragons", h2 + 91, "nlu_fallback", 0.3), *fallback(h2 + 91)],
        "zed": [*start(h2 + 120), user("my secret words", h2 + 121, "nlu_fallback", 0.3), *fallback(h2 + 121)],
    }


def write_tracker(path: Path, beatles_id: int) -> str:
    """The conversations above, saved by Rasa's SQLTrackerStore (so the schema and event JSON are Rasa's)."""
    from rasa.core.tracker_store import SQLTrackerStore
    from rasa.shared.core.domain import Domain
    from rasa.shared.core.trackers import DialogueStateTracker

    from rasa_components.served import run_async

    store = SQLTrackerStore(Domain.empty(), dialect="sqlite", db=str(path))
    for sender, events in _conversations(beatles_id).items():
        tracker = DialogueStateTracker(sender, slots=[])
        for event in events:
            tracker.update(event)
        run_async(store.save(tracker))  # in a thread: the browser tests keep a loop running
    store.engine.dispose()
    return f"sqlite:///{path}"


def write_preferences(db_url: str) -> tuple[int, int]:
    """Rewrite version 1: "play the beatels" in force with live outcomes, "weather in portland" withdrawn.
    Returns (beatles id, portland id)."""
    table = RewriteTable(db_url)
    try:
        version = table.start_version("test")
        table.add(version, [
            NewRewrite("play the beatels", "play the beatels", "play the beatles", 0.9, 0.1, 12, ["a", "b", "c", "d"]),
            NewRewrite("weather in portland", "weather in portland", "weather in portland maine", 0.7, 0.3, 6,
                       ["a", "b", "c"])])
        table.activate(version, {"turns": 10})
        ids = {r.source_key: r.id for r in table.list()}
        table.set_outcomes({ids["play the beatels"]: Outcomes(12, 2, 1, 3)})
        table.withdraw(ids["weather in portland"], "no better than the original (held out 4/5)")
        return ids["play the beatels"], ids["weather in portland"]
    finally:
        table.close()


def build_everything(directory: Path) -> tuple[str, str]:
    """(tracker URL, preferences URL): the log, the rewrites, an online index built from the log, zed forgotten."""
    db_url = f"sqlite:///{directory / 'preferences.db'}"
    migrate(db_url)
    beatles, _ = write_preferences(db_url)
    tracker_url = write_tracker(directory / "tracker.db", beatles)
    store = OnlineIndexStore(db_url)
    try:  # a fixed embedding: the index's counts, not its vectors, are on the page
        build_indexes(iter_tracker_turns(tracker_url), store,
                      embed=lambda texts: np.ones((len(texts), 384), np.float32))
    finally:
        store.close()
    table = RewriteTable(db_url)
    try:
        table.forget_user("zed", min_users=3)
    finally:
        table.close()
    return tracker_url, db_url


@pytest.fixture(scope="module")
def urls(tmp_path_factory: pytest.TempPathFactory) -> tuple[str, str]:
    return build_everything(tmp_path_factory.mktemp("insight"))


@pytest.fixture(scope="module")
def data(urls: tuple[str, str]) -> dict:
    return insight(*urls, failure_model=NO_MODEL)


def test_defect_rate_per_hour_by_the_miners_rules(data: dict) -> None:
    assert data["tracker"]["error"] is None and data["log"]["requests"] == 10 and data["log"]["users"] == 8
    d = data["defects"]
    assert (d["period"], d["requests"], d["defects"], d["rate"]) == ("hour", 10, 5, 0.5)
    assert [(p["start"], p["requests"], p["defects"]) for p in d["series"]] == [
        ("2026-01-01T00:00Z", 4, 2), ("2026-01-01T01:00Z", 2, 1), ("2026-01-01T02:00Z", 4, 2)]
    assert d["signals"]["fallback"] == 4 and d["signals"]["dissatisfaction"] == 1
    assert data["log"]["first"] == "2026-01-01T00:00:01Z" and data["log"]["last"].startswith("2026-01-01T02:01")


def test_most_frequent_failing_requests_and_forgotten_users(data: dict) -> None:
    top = data["top_failing"]
    assert top[0] == {"request": "play maj and dragons", "example": "play maj and dragons", "defects": 2,
                      "requests": 2, "rate": 1.0}
    assert {t["example"]: (t["defects"], t["requests"]) for t in top[1:]} == {
        SCRIPT: (1, 1), "play the beatels": (1, 2), "weather in portland": (1, 1)}
    assert "secret" not in json.dumps(data)  # zed asked to be forgotten: not one word of theirs


def test_rewrites_with_evidence_and_live_outcomes(data: dict) -> None:
    r = data["rewrites"]
    assert r["error"] is None and r["version"] == 1 and r["mined_at"]
    (beatles,), (portland,) = r["active"], r["withdrawn"]
    assert (beatles["source_text"], beatles["target_text"], beatles["users"], beatles["probability"],
            beatles["baseline"]) == ("play the beatels", "play the beatles", 4, 0.9, 0.1)
    assert (beatles["rewritten_ok"], beatles["rewritten_failed"], beatles["held_out_ok"],
            beatles["held_out_failed"]) == (12, 2, 1, 3)
    assert beatles["win_rate"] == pytest.approx(12 / 14) and beatles["held_out_rate"] == 0.25
    assert portland["status"] == "withdrawn" and portland["withdrawn_reason"].startswith("no better")
    turns = data["rewritten_turns"]
    assert turns["precomputed"] == {"turns": 1, "successes": 1, "success_rate": 1.0}
    assert turns["held_out"] == {"turns": 1, "successes": 0, "success_rate": 0.0}
    assert turns["online"] == {"turns": 1, "successes": 1, "success_rate": 1.0}


def test_online_index_and_failure_points(data: dict, urls: tuple[str, str]) -> None:
    index = data["online_index"]
    store = OnlineIndexStore(urls[1])
    try:
        entries, _ = store.entries()
    finally:
        store.close()
    assert index["error"] is None and index["version"] == 1 and index["built_at"]
    # one success each for ann, ben, cat, eve and gus; no request succeeded for 3 users (the global layer's rule)
    assert index["personal_entries"] == sum(e.layer == "personal" for e in entries) == 5
    assert index["personal_users"] == 5 and index["global_entries"] == 0
    fp = data["failure_points"]
    assert fp["method"] == "rules" and fp["requests"] == 10 and fp["period"] == "hour" and fp["error"] is None
    # the rules: fallbacks and the held-out fallback are intent failures, Portland's wrong answer a result one
    assert (fp["counts"]["correct"], fp["counts"]["intent"], fp["counts"]["result"]) == (5, 4, 1)
    assert fp["top_failing_requests"]["intent"][0] == {"request": "play maj and dragons",
                                                       "example": "play maj and dragons", "count": 2}
    assert sum(fp["shares"].values()) == pytest.approx(1.0) and len(fp["periods"]) == 3
    assert "no failure-point model" in fp["note"]
    assert json.loads(json.dumps(data, allow_nan=False)) == data  # JSON-safe


def test_since(urls: tuple[str, str]) -> None:
    later = insight(*urls, since="2026-01-01T02:00", failure_model=NO_MODEL)
    assert later["since"] == "2026-01-01T02:00:00Z" and later["defects"]["requests"] == 4
    assert later["failure_points"]["requests"] == 4 and [p["defects"] for p in later["defects"]["series"]] == [2]
    assert parse_since("2026-01-01") == T0 and parse_since(T0) == T0
    with pytest.raises(ValueError):
        parse_since("last tuesday")


def test_no_log_yet_and_databases_out_of_reach(urls: tuple[str, str], tmp_path: Path) -> None:
    missing = tmp_path / "none.db"
    empty = insight(f"sqlite:///{missing}", urls[1], failure_model=NO_MODEL)
    assert not missing.exists() and "nothing has been logged" in empty["tracker"]["note"]
    assert empty["defects"]["requests"] == 0 and empty["defects"]["series"] == [] and empty["defects"]["rate"] is None
    assert empty["rewrites"]["version"] == 1  # the other sections are still there
    (tmp_path / "no-events.db").touch()  # Rasa creates the events table on its first conversation
    blank = insight(f"sqlite:///{tmp_path / 'no-events.db'}", urls[1], failure_model=NO_MODEL)
    assert blank["tracker"]["error"] is None and "no events" in blank["tracker"]["note"]
    assert blank["failure_points"]["requests"] == 0

    down = "postgresql+psycopg2://nobody@127.0.0.1:1/nothing"  # nothing listens on port 1
    no_db = insight(urls[0], down, failure_model=NO_MODEL)
    assert "cannot use database" in no_db["rewrites"]["error"] and no_db["online_index"]["error"]
    assert no_db["defects"]["requests"] == 11  # the log still counts (zed included: the list is unreadable) ...
    assert no_db["top_failing"] == [] and "hidden" in no_db["tracker"]["note"]  # ... but shows nobody's words
    assert not any(no_db["failure_points"]["top_failing_requests"].values())
    no_log = insight(down, urls[1], failure_model=NO_MODEL)
    assert "cannot read the tracker store" in no_log["tracker"]["error"] and no_log["defects"]["requests"] == 0
    assert "nobody@" in no_log["tracker"]["url"] and no_log["rewrites"]["error"] is None
    copy = tmp_path / "unmigrated.db"
    shutil.copy(missing.parent / "no-events.db", copy)
    unmigrated = insight(urls[0], f"sqlite:///{copy}", failure_model=NO_MODEL)
    assert "not migrated" in unmigrated["rewrites"]["error"]
