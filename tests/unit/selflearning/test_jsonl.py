"""The JSON Lines log: bad lines are counted per reason, never fatal; the writer's output reads back."""
from __future__ import annotations

import json
import os
from pathlib import Path

from preferences.selflearning.jsonl import JsonlReader, ReadReport, read_jsonl, turn_to_json, write_jsonl
from preferences.selflearning.turns import LoggedTurn, Outcome, OutcomeSignal

NOW = 1_767_225_600.0  # 2026-01-01T00:00:00Z
GOOD = {"session_id": "s1", "user_id": "u1", "ts": NOW - 60, "text": "play jazz"}


def write_lines(path: Path, lines: list[str | bytes]) -> Path:
    with path.open("wb") as f:
        for line in lines:
            f.write(line if isinstance(line, bytes) else line.encode())
            f.write(b"\n")
    return path


def test_iso_and_epoch_timestamps(tmp_path: Path) -> None:
    path = write_lines(tmp_path / "log.jsonl", [
        json.dumps({**GOOD, "ts": "2025-12-31T23:59:00Z"}),
        json.dumps({**GOOD, "ts": "2025-12-31T23:59:00"}),  # no zone: UTC
        json.dumps({**GOOD, "ts": "2026-01-01T00:59:00+01:00"}),
        json.dumps({**GOOD, "ts": NOW - 60}),
        json.dumps({**GOOD, "ts": int(NOW - 60)}),
    ])
    turns, report = read_jsonl(path, now=NOW)
    assert [t.ts for t in turns] == [NOW - 60] * 5
    assert report.turns == 5 and report.skipped == 0


def test_malformed_lines_are_counted_per_reason(tmp_path: Path) -> None:
    lines: list[str | bytes] = [
        json.dumps(GOOD),
        "this is not json",
        b"\xff\xfe not utf-8",
        "[1, 2, 3]",
        json.dumps({k: v for k, v in GOOD.items() if k != "text"}),
        json.dumps({**GOOD, "user_id": 42}),
        json.dumps({**GOOD, "ts": "yesterday"}),
        json.dumps({**GOOD, "ts": 86_400.0}),  # 1970
        json.dumps({**GOOD, "ts": "1999-12-31T23:00:00Z"}),
        json.dumps({**GOOD, "ts": NOW + 3 * 86_400}),  # a clock three days ahead
        json.dumps({**GOOD, "ts": NOW * 1000}),  # milliseconds
        json.dumps({**GOOD, "outcome": "meh"}),
        json.dumps({**GOOD, "barge_in": "yes"}),
        json.dumps({**GOOD, "signals": ["barge_in", "sneeze"]}),
        json.dumps({**GOOD, "entities": "artist=queen"}),
        "",
        "   ",
        json.dumps({**GOOD, "ts": NOW + 600}),  # ten minutes ahead: ordinary clock skew, kept
    ]
    turns, report = read_jsonl(write_lines(tmp_path / "log.jsonl", lines), now=NOW)
    assert len(turns) == 2
    assert report.malformed == {"bad_timestamp": 1, "bad_value": 2, "in_future": 2, "missing_field": 1,
                                "not_json": 2, "not_object": 1, "too_old": 2, "wrong_type": 3}
    assert report.details["missing_field:text"] == 1
    assert report.details["wrong_type:user_id"] == 1
    assert report.details["wrong_type:barge_in"] == 1
    assert report.blank == 2 and report.lines == 16 and report.turns == 2 and report.skipped == 14
    assert report.examples[0] == (len(json.dumps(GOOD)) + 1, "not_json")  # byte offset of the second line


def test_huge_lines_are_skipped_without_losing_the_next(tmp_path: Path) -> None:
    huge = json.dumps({**GOOD, "text": "la " * 100_000})
    path = write_lines(tmp_path / "log.jsonl", [json.dumps(GOOD), huge, json.dumps({**GOOD, "text": "after"})])
    turns, report = read_jsonl(path, now=NOW, max_line_bytes=64 * 1024)
    assert [t.text for t in turns] == ["play jazz", "after"]
    assert report.malformed == {"too_long": 1}


def test_unknown_fields_are_ignored_and_counted(tmp_path: Path) -> None:
    path = write_lines(tmp_path / "log.jsonl", [json.dumps({**GOOD, "device": "kitchen", "lang": "en"}),
                                                json.dumps({**GOOD, "device": "car"})])
    turns, report = read_jsonl(path, now=NOW)
    assert len(turns) == 2
    assert report.unknown_fields == {"device": 2, "lang": 1}


def test_optional_fields_and_shorthands(tmp_path: Path) -> None:
    line = {**GOOD, "intent": "play_music", "confidence": 0.4, "barge_in": True, "thumbs_down": False,
            "entities": [{"entity": "genre", "value": "jazz"}, ["room", "kitchen"], ["volume", 7]],
            "outcome": "defect", "signals": ["rephrase"], "interpreted_text": "play jazz music", "rewrite_id": 3,
            "held_out": False, "answer": "Playing jazz."}
    [turn], report = read_jsonl(write_lines(tmp_path / "log.jsonl", [json.dumps(line)]), now=NOW)
    assert turn.signals == frozenset({OutcomeSignal.BARGE_IN, OutcomeSignal.REPHRASE})
    assert turn.entities == (("genre", "jazz"), ("room", "kitchen"), ("volume", "7"))
    assert turn.outcome is Outcome.DEFECT and turn.rewrite_id == 3 and turn.interpreted_text == "play jazz music"
    assert turn.rewritten and turn.effective_text == "play jazz music"


def test_written_turns_read_back_equal(tmp_path: Path) -> None:
    turns = [
        LoggedTurn("u1", "s1", NOW - 100, "play maj and dragons", intent="nlu_fallback", confidence=0.3,
                   outcome=Outcome.DEFECT, signals=frozenset({OutcomeSignal.FALLBACK, OutcomeSignal.REPHRASE})),
        LoggedTurn("u1", "s1", NOW - 90, "play imagine dragons", entities=(("artist", "imagine dragons"),),
                   answer="Playing Imagine Dragons.", interpreted_text="play imagine dragons radio", rewrite_id=7,
                   held_out=True),
        LoggedTurn("u2", "s2", NOW - 50.25, "écoute Beyoncé"),
    ]
    path = tmp_path / "out.jsonl"
    assert write_jsonl(turns, path) == 3
    back, report = read_jsonl(path, now=NOW)
    assert back == turns and report.skipped == 0 and not report.unknown_fields
    assert "outcome" not in turn_to_json(turns[2])  # optional fields appear only when set


def test_byte_ranges_tile_the_file(tmp_path: Path) -> None:
    lines = [json.dumps({**GOOD, "text": f"request number {i}" + "x" * (i % 7)}) for i in range(50)]
    lines.insert(20, "garbage")
    path = write_lines(tmp_path / "log.jsonl", lines)
    size = os.path.getsize(path)
    for block in (1, 17, 64, 300, size):
        texts, reports = [], []
        for start in range(0, size, block):
            reader = JsonlReader(path, start=start, end=min(start + block, size), now=NOW)
            texts += [t.text for t in reader]
            reports.append(reader.report)
        assert texts == [json.loads(line)["text"] for line in lines if line != "garbage"], block
        combined = ReadReport.combine(reports)
        assert combined.turns == 50 and combined.malformed == {"not_json": 1}
