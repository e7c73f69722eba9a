"""A served turn's recorded resolution, from the action server through Rasa's SQL tracker store into the trace.

Everything on the way runs for real, without servers: the action class on
the rasa_sdk executor (a SQLite preference store where the user lives in
Portland, Maine), Rasa's own `RemoteAction._utter_responses` turning the
action server's response into bot events, Rasa's `SQLTrackerStore` saving
them, `prefs log export`, and the failure-point reader. Re-deriving "portland"
from the catalogs gives Portland, Oregon; the trace must give what the skill
did: Maine, because of the user's preference, and say it was recorded.
"""
from __future__ import annotations

import json
import os
from collections.abc import Iterator
from pathlib import Path

import pytest
from typer.testing import CliRunner

os.environ.setdefault("RASA_TELEMETRY_ENABLED", "false")

from rasa.core.actions.action import RemoteAction
from rasa.core.channels.channel import CollectingOutputChannel
from rasa.core.tracker_store import SQLTrackerStore
from rasa.shared.core.domain import Domain
from rasa.shared.core.events import ActionExecuted, BotUttered, SessionStarted, UserUttered
from rasa.shared.core.trackers import DialogueStateTracker, EventVerbosity
from rasa_sdk.executor import ActionExecutor

from preferences.cli import app
from preferences.db import migrate
from preferences.resolution import METADATA_KEY, How
from preferences.selflearning.failure_points.resolve import resolve
from preferences.selflearning.failure_points.sources import iter_tracker_raw, read_raw_jsonl, sessions_of
from preferences.selflearning.failure_points.trace import build_session
from preferences.store import PreferenceStore
from rasa_components.served import run_async

T0 = 1_767_225_600.0
PORTLAND_OR, PORTLAND_ME = "Portland, OR, US", "Portland, ME, US"


@pytest.fixture()
def actions_db(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Iterator[str]:
    """The action server's process-wide objects on a fresh preference store (rebuilt after the test)."""
    from actions import runtime
    from preferences.settings import settings

    url = f"sqlite:///{tmp_path / 'prefs.db'}"
    migrate(url)
    monkeypatch.setenv("PREFERENCES_DB_URL", url)
    caches = (settings, runtime.store, runtime.conversation)
    for cache in caches:
        cache.cache_clear()
    yield url
    for cache in caches:
        cache.cache_clear()


def _user(text: str, ts: float, entities: list[tuple[str, str]]) -> UserUttered:
    ents = [{"entity": e, "value": v, "start": text.find(v), "end": text.find(v) + len(v),
             "confidence_entity": 0.97, "extractor": "DIETClassifier"} for e, v in entities]
    parse = {"intent": {"name": "ask_weather", "confidence": 0.98}, "entities": ents, "text": text,
             "intent_ranking": [{"name": "ask_weather", "confidence": 0.98}]}
    return UserUttered(text, intent=parse["intent"], entities=ents, parse_data=parse, timestamp=T0 + ts)


def _served_turn(tracker: DialogueStateTracker, text: str, ts: float, entities: list[tuple[str, str]]) -> list:
    """One user message answered by action_weather as Rasa would: the SDK executor's response, then Rasa's events."""
    from actions.skills import ACTIONS

    tracker.update(_user(text, ts, entities))
    executor = ActionExecutor()
    executor.register_action(ACTIONS["action_weather"])
    response = run_async(executor.run({"next_action": "action_weather", "sender_id": tracker.sender_id,
                                       "tracker": tracker.current_state(EventVerbosity.ALL), "domain": {}}))
    channel = CollectingOutputChannel()
    bots = run_async(RemoteAction._utter_responses(response["responses"], channel, None, tracker))
    for bot in bots:
        run_async(channel.send_response(tracker.sender_id, bot.message()))
    tracker.update(ActionExecuted("action_weather", timestamp=T0 + ts + 0.1))
    for i, bot in enumerate(bots):
        bot.timestamp = T0 + ts + 0.2 + i / 100
        tracker.update(bot)
    tracker.update(ActionExecuted("action_listen", timestamp=T0 + ts + 0.5))
    return channel.messages


def test_a_served_turn_records_its_resolution_and_the_trace_prefers_it(actions_db: str, tmp_path: Path) -> None:
    with PreferenceStore(actions_db) as prefs:
        prefs.record("ann", "location", "home_city", "Portland, Maine", utterance="I live in Portland, Maine")
    tracker = DialogueStateTracker("ann", slots=[])
    for event in (ActionExecuted("action_session_start", timestamp=T0), SessionStarted(timestamp=T0 + 0.1),
                  ActionExecuted("action_listen", timestamp=T0 + 0.2)):
        tracker.update(event)
    seen = _served_turn(tracker, "weather in portland", 1, [("city", "portland")])
    # What the user gets is only the words (REST and socket.io send the text; the record is not in it).
    assert seen and all(set(m) == {"recipient_id", "text"} for m in seen) and "Portland, Maine" in seen[0]["text"]
    bot = next(e for e in tracker.events if isinstance(e, BotUttered))
    (logged,) = bot.metadata[METADATA_KEY]
    assert logged == {"entity": "city", "value": "portland", "resolved": PORTLAND_ME,
                      "alternatives": logged["alternatives"], "how": "preference"}
    assert PORTLAND_OR in logged["alternatives"]

    # An older turn of another user: the same words, logged without a record (as before issue 12).
    old = DialogueStateTracker("bob", slots=[])
    for event in (SessionStarted(timestamp=T0 + 100), _user("weather in portland", 101, [("city", "portland")]),
                  ActionExecuted("action_weather", timestamp=T0 + 101.1),
                  BotUttered("In Portland, Oregon it's raining.", timestamp=T0 + 101.2)):
        old.update(event)
    path = tmp_path / "rasa.db"
    store = SQLTrackerStore(Domain.empty(), dialect="sqlite", db=str(path))
    run_async(store.save(tracker))
    run_async(store.save(old))
    url = f"sqlite:///{path}"

    def traces(raws):
        return {t.user_id: t for session in sessions_of(raws) for t in build_session(session)}

    from_store = traces(iter_tracker_raw(url))
    (res,) = from_store["ann"].resolutions
    assert resolve("city", "portland").resolved == PORTLAND_OR  # what re-deriving says today
    assert (res.resolved, res.how, res.recorded) == (PORTLAND_ME, How.PREFERENCE, True)
    assert PORTLAND_OR in res.alternatives and from_store["ann"].resolution_source == "recorded"
    (derived,) = from_store["bob"].resolutions
    assert (derived.resolved, derived.recorded, from_store["bob"].resolution_source) == (PORTLAND_OR, False,
                                                                                       "derived")

    # The JSON Lines export keeps the record, and a trace from the export is the trace from the store.
    out = tmp_path / "log.jsonl"
    done = CliRunner().invoke(app, ["log", "export", str(out), "--tracker", url])
    assert done.exit_code == 0, done.output
    lines = {json.loads(line)["user_id"]: json.loads(line) for line in out.read_text().splitlines()}
    assert lines["ann"][METADATA_KEY] == [logged] and METADATA_KEY not in lines["bob"]
    raws, skipped = read_raw_jsonl(out, now=T0 + 3_600)
    assert not skipped and traces(raws) == from_store
