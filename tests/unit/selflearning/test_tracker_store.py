"""The tracker-store adapter against events written by Rasa's own SQLTrackerStore (so the schema is Rasa's)."""
from __future__ import annotations

import os
from pathlib import Path

import pytest
from sqlalchemy import text
from sqlalchemy.future import create_engine

os.environ.setdefault("RASA_TELEMETRY_ENABLED", "false")

from rasa.core.tracker_store import SQLTrackerStore  # noqa: E402
from rasa.shared.core.domain import Domain  # noqa: E402
from rasa.shared.core.events import ActionExecuted, BotUttered, SessionStarted, UserUttered  # noqa: E402
from rasa.shared.core.trackers import DialogueStateTracker  # noqa: E402

from preferences.selflearning.outcome import label_session  # noqa: E402
from preferences.selflearning.turns import Outcome, OutcomeSignal  # noqa: E402
from preferences.selflearning.tracker_store import iter_tracker_turns, tracker_batches  # noqa: E402
from rasa_components.served import run_async  # noqa: E402

S = OutcomeSignal


def user(text_: str, ts: float, intent: str, confidence: float = 0.9, entities=(), metadata=None,
         nlu_text: str | None = None) -> UserUttered:
    parse = {"intent": {"name": intent, "confidence": confidence}, "entities": list(entities),
             "text": nlu_text or text_}
    return UserUttered(text_, intent=parse["intent"], entities=list(entities), parse_data=parse, timestamp=ts,
                       metadata=metadata or {})


def session_start(ts: float) -> list:
    return [ActionExecuted("action_session_start", timestamp=ts), SessionStarted(timestamp=ts + 0.1),
            ActionExecuted("action_listen", timestamp=ts + 0.2)]


CONVERSATIONS = {
    "alice": [
        *session_start(1_000.0),
        user("play maj and dragons", 1_001.0, "nlu_fallback", 0.3),
        ActionExecuted("action_default_fallback", timestamp=1_001.1),
        BotUttered("Sorry, I didn't get that.", timestamp=1_001.2),
        user("play imagine dragons", 1_008.0, "play_music", entities=[{"entity": "artist", "value": "imagine dragons",
                                                                       "start": 5, "end": 20}]),
        ActionExecuted("action_play_music", timestamp=1_008.1),
        BotUttered("Playing Imagine Dragons.", timestamp=1_008.2),
        BotUttered("Enjoy!", timestamp=1_008.3),
        user("stop", 1_012.0, "stop", metadata={"barge_in": True}),  # the stop button: about the answer above
        *session_start(5_000.0),
        user("what's the weather", 5_001.0, "weather"),
        BotUttered("Sunny.", timestamp=5_001.2),
        user("👎", 5_004.0, "nlu_fallback", metadata={"feedback": "thumbs_down"}),
        BotUttered("What did you mean?", timestamp=5_004.2),  # answers the thumbs-down, not the weather
        user("play jazz", 5_010.0, "play_music", metadata={"barge_in": True}),  # a spoken barge-in: a turn too
    ],
    "bob": [
        *session_start(2_000.0),
        user("play maj and dragons", 2_001.0, "play_music", nlu_text="play imagine dragons"),  # rewritten
        BotUttered("Playing Imagine Dragons.", timestamp=2_001.5),
    ],
    "carol": [user("hello there", 3_000.0, "greet")],  # no session_started: session 0
}


@pytest.fixture(scope="module")
def store_url(tmp_path_factory: pytest.TempPathFactory) -> str:
    path = Path(tmp_path_factory.mktemp("trackers")) / "rasa.db"
    store = SQLTrackerStore(Domain.empty(), dialect="sqlite", db=str(path))
    for sender, events in CONVERSATIONS.items():
        tracker = DialogueStateTracker(sender, slots=[])
        for event in events:
            tracker.update(event)
        run_async(store.save(tracker))  # in a thread: the browser tests keep a loop running
    return f"sqlite:///{path}"


def test_turns_from_real_rasa_events(store_url: str) -> None:
    turns = list(iter_tracker_turns(store_url))
    assert [(t.user_id, t.session_id, t.text) for t in turns] == [
        ("alice", "alice#1", "play maj and dragons"), ("alice", "alice#1", "play imagine dragons"),
        ("alice", "alice#2", "what's the weather"), ("alice", "alice#2", "play jazz"),
        ("bob", "bob#1", "play maj and dragons"), ("carol", "carol#0", "hello there")]
    maj, dragons, weather, jazz, bob, carol = turns
    assert maj.intent == "nlu_fallback" and maj.confidence == pytest.approx(0.3) and maj.ts == 1_001.0
    assert maj.signals == {S.FALLBACK} and maj.answer == "Sorry, I didn't get that."
    assert dragons.entities == (("artist", "imagine dragons"),)
    assert dragons.answer == "Playing Imagine Dragons. Enjoy!" and dragons.signals == {S.BARGE_IN}
    assert weather.signals == {S.THUMBS_DOWN, S.BARGE_IN} and weather.answer == "Sunny."
    assert jazz.signals == frozenset() and jazz.answer is None
    assert bob.interpreted_text == "play imagine dragons" and bob.rewritten and not maj.rewritten
    assert carol.intent == "greet" and all(t.outcome is None for t in turns)


def test_small_batches_cross_senders_and_sessions_the_same_way(store_url: str) -> None:
    whole = list(iter_tracker_turns(store_url))
    for rows in (1, 2, 3, 7):
        assert list(iter_tracker_turns(store_url, batch_rows=rows)) == whole
    batches = list(tracker_batches(store_url, batch_turns=4, batch_rows=3))
    assert [len(b) for b in batches] == [4, 2] and [t for b in batches for t in b] == whole


def test_the_turns_label_as_expected(store_url: str) -> None:
    alice_1 = [t for t in iter_tracker_turns(store_url) if t.session_id == "alice#1"]
    labelled = label_session(alice_1)
    assert labelled[0].outcome is Outcome.DEFECT and {S.FALLBACK, S.REPHRASE} <= labelled[0].signals
    assert labelled[1].outcome is Outcome.DEFECT and S.BARGE_IN in labelled[1].signals


def test_unreadable_rows_are_skipped(store_url: str, tmp_path: Path) -> None:
    engine = create_engine(store_url)
    with engine.begin() as conn:
        conn.execute(text("INSERT INTO events (sender_id, type_name, timestamp, data) "
                          "VALUES ('dave', 'user', 9000.0, 'not json'), ('dave', 'user', NULL, '[]')"))
    try:
        assert [t.user_id for t in iter_tracker_turns(engine)].count("dave") == 0
    finally:
        with engine.begin() as conn:
            conn.execute(text("DELETE FROM events WHERE sender_id = 'dave'"))


def test_prune_drops_old_turns_and_forgotten_users_and_export_writes_the_rest(tmp_path: Path) -> None:
    import shutil

    from typer.testing import CliRunner

    from preferences.cli import app
    import json
    from preferences.selflearning.tracker_store import prune

    path = tmp_path / "rasa.db"
    store = SQLTrackerStore(Domain.empty(), dialect="sqlite", db=str(path))
    for sender, events in CONVERSATIONS.items():
        tracker = DialogueStateTracker(sender, slots=[])
        for event in events:
            tracker.update(event)
        run_async(store.save(tracker))  # in a thread: the browser tests keep a loop running
    url = f"sqlite:///{path}"
    copy = tmp_path / "copy.db"
    shutil.copy(path, copy)
    # alice's turns up to t=1500 are gone (she asked to be forgotten then); nothing older than t=2500 otherwise
    assert prune(url, older_than=2_500.0, forgotten={"alice": 1_500.0}) > 0
    left = list(iter_tracker_turns(url))
    assert {t.user_id for t in left} == {"alice", "carol"}  # bob's turns (t=2001) were older than the cutoff
    assert all(t.ts >= 5_000.0 for t in left if t.user_id == "alice")  # alice's later session stays
    assert prune(f"sqlite:///{tmp_path / 'absent.db'}", older_than=0.0) == 0  # no table: nothing to do
    out = tmp_path / "log.jsonl"
    done = CliRunner().invoke(app, ["log", "export", str(out), "--tracker", f"sqlite:///{copy}"])
    assert done.exit_code == 0, done.output
    lines = [json.loads(line) for line in out.read_text().splitlines()]
    assert {line["user_id"] for line in lines} == {"alice", "bob", "carol"}
    assert all({"session_id", "user_id", "ts", "text"} <= set(line) for line in lines)
    assert len(lines) == len(list(iter_tracker_turns(f"sqlite:///{copy}")))


def test_a_log_rasa_has_not_written_yet_is_empty_not_an_error(tmp_path) -> None:
    """A fresh deployment mines before Rasa's first conversation creates the events table."""
    from preferences.selflearning.tracker_store import iter_tracker_turns, tracker_batches

    url = f"sqlite:///{tmp_path / 'fresh-tracker.db'}"
    assert list(iter_tracker_turns(url)) == [] and list(tracker_batches(url)) == []


def test_the_online_index_job_reads_the_tracker_store_and_explain_shows_the_layers(store_url: str,
                                                                                   tmp_path: Path) -> None:
    import json

    from typer.testing import CliRunner

    from preferences.cli import app
    from preferences.db import migrate

    db = f"sqlite:///{tmp_path / 'prefs.db'}"
    migrate(db)
    runner = CliRunner()
    built = runner.invoke(app, ["--db", db, "rewrites", "index", "--tracker", store_url, "--json"])
    assert built.exit_code == 0, built.output
    report = json.loads(built.stdout[built.stdout.index("{"):])
    # bob succeeded with "play imagine dragons" (through a rewrite), alice with "play jazz" (her Imagine Dragons
    # was barged in on): two personal layers, too few users for the global one, no failed wording anywhere
    assert report["users"] == 2 and report["global"] == 0 and report["personal"] == 2, report
    said = runner.invoke(app, ["--db", db, "rewrites", "explain", "play maj and dragons", "--user", "bob",
                               "--json"])
    online = json.loads(said.stdout)["online"]
    assert online["personal"]["target"] == "play imagine dragons" and online["global"] is None
    assert json.loads(runner.invoke(app, ["--db", db, "rewrites", "explain", "play maj and dragons", "--json"]
                                    ).stdout)["online"]["chosen"] is None  # a stranger: nothing to go on
