"""`prefs` CLI through typer's CliRunner, and once as a real subprocess."""
from __future__ import annotations

import json
import os
import subprocess
import sys

import pytest
from typer.testing import CliRunner

from preferences import db
from preferences.cli import app
from preferences.store import PreferenceStore

runner = CliRunner()


def run(*args, input=None):
    return runner.invoke(app, list(args), input=input, env={"COLUMNS": "200"})


@pytest.fixture
def seeded(db_url):
    with PreferenceStore(db_url) as s:
        s.record("ann", "music", "genre", "jazz", utterance="I like [bold]jazz[/bold]")
        s.record("ann", "music", "genre", "blues", source="guided_qa")
        s.record("ann", "food", "cuisine", "italian food")
        s.define_concept("ann", "study mode", {"level": 40})
        s.set_device_state("ann", "lights", "kitchen", {"power": "on"})
        s.record("bob", "sports", "team", "warriors")
    return db_url


def test_list_table_and_json(seeded):
    r = run("--db", seeded, "list", "ann")
    assert r.exit_code == 0, r.output
    assert "jazz" in r.output and "italian" in r.output and "study mode" in r.output and "kitchen" in r.output
    r = run("--db", seeded, "list", "ann", "--json")
    data = json.loads(r.stdout)
    assert {p["value"] for p in data["preferences"]} == {"jazz", "blues", "italian"}
    assert data["concepts"][0]["definition"] == {"level": 40}
    assert json.loads(run("--db", seeded, "--json", "list", "nobody").stdout)["preferences"] == []


def test_why_shows_utterance_literally(seeded):
    r = run("--db", seeded, "why", "ann", "genre", "jazz")
    assert r.exit_code == 0 and "[bold]jazz[/bold]" in r.output  # no Rich markup interpretation
    entries = json.loads(run("--db", seeded, "why", "ann", "genre", "--json").stdout)
    assert [(e["value"], e["action"]) for e in entries] == [("jazz", "created"), ("blues", "created")]


def test_forget_value_slot_and_everything_with_confirmation(seeded):
    assert json.loads(run("--db", seeded, "forget", "ann", "genre", "--value", "Jazz", "--json").stdout)[
        "rows"] == 1
    r = run("--db", seeded, "forget", "ann", input="n\n")
    assert r.exit_code == 1 and "not confirmed" in r.stderr
    assert run("--db", seeded, "forget", "ann", input="y\n").exit_code == 0
    with PreferenceStore(seeded) as s:
        assert s.export_user("ann")["history"] == [] and s.list("bob")
    assert run("--db", seeded, "forget", "bob", "--yes").exit_code == 0
    assert "Nothing to forget" in run("--db", seeded, "forget", "bob", "--yes").stdout


def test_export_import_round_trip(seeded, tmp_path):
    out = tmp_path / "ann.json"
    assert run("--db", seeded, "export", "ann", "-o", str(out)).exit_code == 0
    exported = json.loads(out.read_text())
    assert len(exported["preferences"]) == 3
    assert run("--db", seeded, "forget", "ann", "--yes").exit_code == 0
    r = run("--db", seeded, "import", str(out), "--json")
    assert r.exit_code == 0, r.output
    assert json.loads(r.stdout)["preferences"] == 3
    assert json.loads(run("--db", seeded, "export", "ann").stdout)["preferences"] == exported["preferences"]


def test_stats(seeded):
    data = json.loads(run("--db", seeded, "stats", "--json").stdout)
    assert data["users"] == 2 and data["preferences"] == 4 and data["by_domain"]["music"] == 2
    r = run("--db", seeded, "stats")
    assert r.exit_code == 0 and "history entries" in r.output


def test_errors_are_one_line_with_exit_codes(seeded, tmp_path):
    bad_json = tmp_path / "bad.json"
    bad_json.write_text("{nope")
    cases = [
        (["--db", seeded, "import", str(bad_json)], 1, "not valid JSON"),
        (["--db", seeded, "import", str(tmp_path / "missing.json")], 1, "cannot read"),
        (["--db", seeded, "list", "bad\x01user"], 1, "control"),
        (["--db", seeded, "why", "ann", "Not A Slot"], 1, "identifier"),
        (["--db", seeded, "forget", "ann", "--value", "jazz"], 2, "needs a SLOT"),
        (["--db", f"sqlite:///{tmp_path / 'absent.db'}", "list", "ann"], 3, "no database"),
        (["--db", "postgresql+psycopg2://postgres@127.0.0.1:1/x", "stats"], 3, "cannot reach database"),
        (["--db", "not a url", "stats"], 2, "malformed database URL"),
    ]
    for args, code, message in cases:
        r = run(*args)
        assert r.exit_code == code, (args, r.output)
        assert message in r.stderr and r.stderr.startswith("error: ") and r.stderr.count("\n") == 1, r.stderr
    assert run("--db", seeded, "list").exit_code == 2  # missing USER
    assert run("--db", seeded, "frobnicate").exit_code == 2


def test_unmigrated_database_and_migrate(tmp_path):
    url = f"sqlite:///{tmp_path / 'new.db'}"
    assert run("--db", url, "migrate").exit_code == 0
    (tmp_path / "other.db").touch()
    r = run("--db", f"sqlite:///{tmp_path / 'other.db'}", "stats")
    assert r.exit_code == 3 and "not migrated" in r.stderr
    assert json.loads(run("--db", url, "--json", "stats").stdout)["preferences"] == 0


def test_real_subprocess_uses_env_url(seeded):
    env = {**os.environ, db.ENV_VAR: seeded, "PYTHONPATH": str(db.REPO_ROOT)}
    done = subprocess.run([sys.executable, "-m", "preferences.cli", "list", "ann", "--json"], env=env,
                          capture_output=True, text=True, timeout=60)
    assert done.returncode == 0, done.stderr
    assert {p["slot"] for p in json.loads(done.stdout)["preferences"]} == {"genre", "cuisine"}
    bad = subprocess.run([sys.executable, "-m", "preferences.cli", "why", "ann"], env=env, capture_output=True,
                         text=True, timeout=60)
    assert bad.returncode == 2 and "Missing argument" in bad.stderr
