"""`prefs rewrites ...` and `prefs log ...` on a real database and a real JSON Lines log."""
from __future__ import annotations

import json
import subprocess
import sys
from dataclasses import replace
from pathlib import Path

from typer.testing import CliRunner

from preferences.cli import app
from preferences.selflearning.jsonl import write_jsonl
from preferences.selflearning.turns import Outcome
from tests.unit.selflearning.population import FAILING, FIX, population

runner = CliRunner()


def run(*args: str):
    return runner.invoke(app, list(args))


def _log(tmp_path: Path, name: str = "log.jsonl", turns=None) -> Path:
    path = tmp_path / name
    write_jsonl(turns if turns is not None else population(), path)
    with path.open("a") as f:  # bad input is reported, never fatal
        f.write("not json\n" + json.dumps({"user_id": "x", "text": "no session"}) + "\n" + "x" * 70_000 + "\n")
    return path


def test_mine_list_explain_withdraw(db_url: str, tmp_path: Path) -> None:
    mined = run("--db", db_url, "rewrites", "mine", "--from-log", str(_log(tmp_path)), "--json")
    assert mined.exit_code == 0, mined.output
    report = json.loads(mined.stdout[mined.stdout.index("{"):])
    assert report["rewrites"] >= 1 and sum(report["stats"]["read"]["malformed"].values()) == 3
    listed = json.loads(run("--db", db_url, "rewrites", "list", "--json").stdout)
    maj = next(r for r in listed["rewrites"] if r["source_key"] == "play maj and dragons")
    assert maj["target_text"] == FIX and maj["status"] == "active" and maj["users"] >= 3
    assert all(r["source_key"] != "play the usual" for r in listed["rewrites"])  # one user's habit
    said = run("--db", db_url, "rewrites", "explain", "Play maj and dragons!")
    assert f"read as \"{FIX}\"" in said.stdout
    assert "interpreted as said" in run("--db", db_url, "rewrites", "explain", "what's the weather").stdout
    assert run("--db", db_url, "rewrites", "withdraw", str(maj["id"]), "--reason", "test").exit_code == 0
    assert "was withdrawn: test" in run("--db", db_url, "rewrites", "explain", FAILING).stdout
    assert run("--db", db_url, "rewrites", "withdraw", "999999").exit_code == 1
    human = runner.invoke(app, ["--db", db_url, "rewrites", "list"], env={"COLUMNS": "250"})
    assert "withdrawn: test" in human.stdout and FIX in human.stdout


def test_a_rewrite_that_starts_losing_is_withdrawn_by_the_next_mining(db_url: str, tmp_path: Path) -> None:
    assert run("--db", db_url, "rewrites", "mine", "--from-log", str(_log(tmp_path))).exit_code == 0
    rid = json.loads(run("--db", db_url, "rewrites", "list", "--json").stdout)["rewrites"][0]["id"]
    # Live traffic: the rewritten requests now fail (the catalog changed), the held-out ones succeed.
    base = population()
    t0 = max(t.ts for t in base) + 10_000
    live = []
    for i in range(12):
        live.append(replace(base[0], user_id=f"live{i}", session_id=f"live{i}", ts=t0 + i * 100, text=FAILING,
                            interpreted_text=FIX, rewrite_id=rid, outcome=Outcome.DEFECT, intent="play_music"))
    for i in range(6):
        live.append(replace(base[0], user_id=f"held{i}", session_id=f"held{i}", ts=t0 + 5000 + i * 100,
                            text=FAILING, rewrite_id=rid, held_out=True, outcome=Outcome.SUCCESS, intent="play_music"))
    mined = run("--db", db_url, "rewrites", "mine", "--from-log", str(_log(tmp_path, "live.jsonl", base + live)))
    assert mined.exit_code == 0, mined.output
    assert "withdrawn" in mined.stdout and "no longer beats the original" in mined.stdout
    after = json.loads(run("--db", db_url, "rewrites", "list", "--json").stdout)["rewrites"]
    maj = next(r for r in after if r["source_key"] == "play maj and dragons")
    assert maj["status"] == "withdrawn" and maj["rewritten_failed"] == 12 and maj["held_out_ok"] == 6


def test_missing_log_and_unmigrated_database_are_clear_errors(tmp_path: Path) -> None:
    assert run("--db", f"sqlite:///{tmp_path / 'none.db'}", "rewrites", "list").exit_code == 3
    url = f"sqlite:///{tmp_path / 'x.db'}"
    assert run("--db", url, "migrate").exit_code == 0
    missing = run("--db", url, "rewrites", "mine", "--from-log", str(tmp_path / "nope.jsonl"))
    assert missing.exit_code == 1 and "no such file" in missing.output


def test_the_installed_command_mines_with_worker_processes(db_url: str, tmp_path: Path) -> None:
    """`prefs` as people and the simulator run it: the miner's worker processes must not run the CLI again.

    A build's lease heartbeat is a thread, so the miner's pool spawns its workers, and a spawned worker
    imports the main module: without the script's __main__ guard that re-ran the CLI and broke the pool.
    """
    prefs = Path(sys.executable).parent / "prefs"
    assert prefs.exists(), "scripts/setup.sh writes .venv/bin/prefs"
    done = subprocess.run([str(prefs), "--db", db_url, "rewrites", "mine", "--from-log", str(_log(tmp_path)),
                           "--json"], capture_output=True, text=True, timeout=300)
    assert done.returncode == 0, done.stderr[-3000:]
    assert json.loads(done.stdout[done.stdout.index("{"):])["rewrites"] >= 1
