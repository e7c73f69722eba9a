"""`prefs defects ...` against a tracker store written by Rasa's own SQLTrackerStore, and a JSON Lines log."""
from __future__ import annotations

import json
import os
from pathlib import Path

import pytest
from typer.testing import CliRunner

os.environ.setdefault("RASA_TELEMETRY_ENABLED", "false")

from rasa.core.tracker_store import SQLTrackerStore
from rasa.shared.core.domain import Domain
from rasa.shared.core.events import ActionExecuted, BotUttered, SessionStarted, UserUttered
from rasa.shared.core.trackers import DialogueStateTracker

from preferences.cli import app
from preferences.cli.common import EXIT_DATA, EXIT_USAGE
from preferences.selflearning.failure_points.generate import generate_turns
from preferences.selflearning.failure_points.sources import iter_tracker_raw, write_raw_jsonl
from preferences.selflearning.tracker_store import iter_tracker_turns
from rasa_components.served import run_async

runner = CliRunner()
T0 = 1_767_225_600.0  # 2026-01-01


def run(*args: str):
    return runner.invoke(app, list(args), env={"COLUMNS": "200"})


def user(text: str, ts: float, intent: str, conf: float = 0.9, entities=()) -> UserUttered:
    ents = [{"entity": e, "value": v, "start": text.find(v), "end": text.find(v) + len(v), "confidence_entity": 0.8,
             "extractor": "DIETClassifier"} for e, v in entities]
    parse = {"intent": {"name": intent, "confidence": conf}, "entities": ents, "text": text,
             "intent_ranking": [{"name": intent, "confidence": conf}, {"name": "get_news", "confidence": 1 - conf}]}
    return UserUttered(text, intent=parse["intent"], entities=ents, parse_data=parse, timestamp=T0 + ts)


def answer(action: str, text: str, ts: float) -> list:
    return [ActionExecuted(action, timestamp=T0 + ts + 0.1), BotUttered(text, timestamp=T0 + ts + 0.2),
            ActionExecuted("action_listen", timestamp=T0 + ts + 0.3)]


def start(ts: float) -> list:
    return [ActionExecuted("action_session_start", timestamp=T0 + ts), SessionStarted(timestamp=T0 + ts + 0.1),
            ActionExecuted("action_listen", timestamp=T0 + ts + 0.2)]


CONVERSATIONS = {
    "ann": [*start(0), user("play maj and dragons", 1, "play_music", 0.8, [("artist", "maj and dragons")]),
            *answer("action_play_music", "I don't know maj and dragons.", 1),
            user("play imagine dragons", 8, "play_music", 0.9, [("artist", "imagine dragons")]),
            *answer("action_play_music", "Playing Imagine Dragons.", 8)],
    "ben": [*start(100), user("weather in portland", 101, "ask_weather", 0.95, [("city", "portland")]),
            *answer("action_weather", "In Portland, Oregon it's raining.", 101),
            user("no", 105, "dissatisfied"), *answer("action_handle_dissatisfaction", "Sorry. What did you mean?", 105),
            user("weather in portland maine", 110, "ask_weather", 0.9, [("city", "portland maine")]),
            *answer("action_weather", "In Portland, Maine it's sunny.", 110)],
    "cat": [*start(200), user("play jazz", 201, "play_music", 0.97, [("genre", "jazz")]),
            *answer("action_play_music", "Playing jazz.", 201), user("thanks", 205, "thank"),
            *answer("utter_youre_welcome", "You're welcome!", 205)],
    "dan": [*start(86_400 * 2), user("put on the news", 86_401 * 2, "play_music", 0.45),
            *answer("action_play_music", "Playing something you might like.", 86_401 * 2),
            user("read me the news", 86_401 * 2 + 6, "get_news", 0.9),
            *answer("action_news", "Here are today's headlines.", 86_401 * 2 + 6)],
}


@pytest.fixture(scope="module")
def tracker_url(tmp_path_factory: pytest.TempPathFactory) -> str:
    path = Path(tmp_path_factory.mktemp("trackers")) / "rasa.db"
    store = SQLTrackerStore(Domain.empty(), dialect="sqlite", db=str(path))
    for sender, events in CONVERSATIONS.items():
        tracker = DialogueStateTracker(sender, slots=[])
        for event in events:
            tracker.update(event)
        run_async(store.save(tracker))
    return f"sqlite:///{path}"


@pytest.fixture(scope="module")
def model_file(tmp_path_factory: pytest.TempPathFactory) -> Path:
    path = Path(tmp_path_factory.mktemp("model")) / "fp.joblib"
    # The model `prefs defects train` ships (its defaults), on which the issue's own examples are asserted below.
    # With the fourteenth labelled set it called "put on the news" correct until generated turns joined the
    # words model (docs/failure-points.md, "The thirteenth set joins").
    trained = run("defects", "train", "--model", str(path), "--json")
    assert trained.exit_code == 0, trained.output
    out = json.loads(trained.stdout[trained.stdout.index("{"):])
    assert out["setup"]["test"]["seed"] == 2 and out["model"]["accuracy"] > out["rules"]["accuracy"]
    # the fifteen labelled real sets (agreed requests), trained on by default
    assert out["setup"]["human"]["requests"] == 3772
    assert set(out["model"]["per_class"]) == {"input", "intent", "entity_recognition", "entity_resolution",
                                               "dialogue", "result", "correct"}
    return path


def test_train_refuses_a_labelled_set_that_is_not_there(tmp_path: Path) -> None:
    done = run("defects", "train", "--turns", "500", "--labelled", str(tmp_path / "nowhere"),
               "--model", str(tmp_path / "m.joblib"))
    assert done.exit_code == EXIT_USAGE and "no such directory" in done.output
    assert not (tmp_path / "m.joblib").exists()
    (tmp_path / "empty").mkdir()
    done = run("defects", "train", "--turns", "500", "--labelled", str(tmp_path / "empty"),
               "--model", str(tmp_path / "m.joblib"))
    assert done.exit_code == EXIT_DATA and "unreadable labelled set" in done.output


def test_the_trace_keeps_what_rasa_logged(tracker_url: str) -> None:
    raws = {r.turn.text: r for r in iter_tracker_raw(tracker_url)}
    maj = raws["play maj and dragons"]
    assert maj.ranking == (("play_music", 0.8), ("get_news", pytest.approx(0.2)))
    assert maj.mentions[0].entity == "artist" and maj.mentions[0].confidence == 0.8 and maj.mentions[0].start == 5
    assert maj.actions == ("action_play_music",) and maj.turn.answer == "I don't know maj and dragons."
    assert raws["no"].actions == ("action_handle_dissatisfaction",)
    assert list(iter_tracker_raw(tracker_url, batch_rows=3)) == list(iter_tracker_raw(tracker_url))
    assert [r.turn for r in iter_tracker_raw(tracker_url)] == list(iter_tracker_turns(tracker_url))  # the miner's


def test_report_from_the_tracker_store_with_the_rules(tracker_url: str, tmp_path: Path) -> None:
    done = run("defects", "report", "--tracker", tracker_url, "--model", str(tmp_path / "none.joblib"), "--json")
    assert done.exit_code == 0, done.output
    report = json.loads(done.stdout)
    assert report["method"] == "rules" and report["requests"] == 7  # thanks and "no" are not requests
    assert report["counts"]["input"] == 1 and report["counts"]["entity_resolution"] == 1
    assert report["counts"]["intent"] == 1 and report["counts"]["correct"] == 4
    assert report["top_failing_requests"]["input"][0]["request"] == "play maj and dragons"
    assert sum(report["shares"].values()) == pytest.approx(1.0) and report["period"] == "day"
    assert [p["requests"] for p in report["periods"]] == [5, 2]


def test_report_with_the_trained_model_plot_and_since(tracker_url: str, model_file: Path, tmp_path: Path) -> None:
    png = tmp_path / "defects.png"
    done = run("defects", "report", "--tracker", tracker_url, "--model", str(model_file), "--plot", str(png),
               "--json")
    assert done.exit_code == 0, done.output
    report = json.loads(done.stdout)
    assert report["method"] == "model" and report["requests"] == 7 and png.read_bytes()[:4] == b"\x89PNG"
    # Portland is resolution and the news intent; "maj and dragons" and the bare "read me the news" depend on the
    # model's size (docs/failure-points.md, known misses), so only their bounds are asserted.
    counts = report["counts"]
    assert counts["intent"] == 1 and counts["entity_resolution"] >= 1 and counts["dialogue"] == counts["result"] == 0
    assert counts["correct"] >= 3 and counts["entity_resolution"] + counts["input"] + counts["entity_recognition"] <= 3
    later = json.loads(run("defects", "report", "--tracker", tracker_url, "--model", str(model_file), "--since",
                           "2026-01-02", "--json").stdout)
    assert later["requests"] == 2 and later["since"].startswith("2026-01-02")
    human = run("defects", "report", "--tracker", tracker_url, "--model", str(model_file))
    assert human.exit_code == 0 and "entity_resolution" in human.stdout and "weather in portland" in human.stdout


def test_report_from_a_jsonl_log_and_bad_input(model_file: Path, tmp_path: Path) -> None:
    log = tmp_path / "log.jsonl"
    write_raw_jsonl(generate_turns(900, seed=21, split="test"), log)
    with log.open("a") as f:
        f.write("not json\n")
    done = run("defects", "report", "--from-log", str(log), "--model", str(model_file), "--json")
    assert done.exit_code == 0, done.output
    report = json.loads(done.stdout[done.stdout.index("{"):])
    assert report["requests"] > 600 and all(report["top_failing_requests"][p] for p in ("input", "intent"))
    assert run("defects", "report", "--from-log", str(tmp_path / "nope.jsonl")).exit_code == 1
    assert run("defects", "report", "--from-log", str(log), "--since", "last tuesday").exit_code == 2
    missing = tmp_path / "none.db"
    assert run("defects", "report", "--tracker", f"sqlite:///{missing}").exit_code == 3 and not missing.exists()
    (tmp_path / "empty.db").touch()  # a file with no events table: a database error, not a stack trace
    empty = run("defects", "report", "--tracker", f"sqlite:///{tmp_path / 'empty.db'}")
    assert empty.exit_code == 3 and "error:" in empty.output
    (tmp_path / "bad.joblib").write_text("not a model")
    assert run("defects", "report", "--from-log", str(log), "--model", str(tmp_path / "bad.joblib")).exit_code == 1
