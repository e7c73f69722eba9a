"""Fault (c): `prefs rewrites mine` SIGKILLed half-way through a large synthetic log."""
from __future__ import annotations

import json
import os
import re
import signal
import subprocess
import time
import uuid
from pathlib import Path
from typing import Any

from faulttest import ROOT
from faulttest.report import Report, timed_say, wait_until
from preferences.db import migrate
from rasa_components.served import RunningAssistant, _signal_session

PREFS = str(ROOT / ".venv" / "bin" / "prefs")
FAILING, FIX = "play the bee tells", "play the beatles"  # as in tests/e2e/test_selflearning.py
KILL_AFTER_S = 5.0  # into a mining run of about 12 s (400,000 turns, 2 cores): reading done, counting under way


def prefs(url: str, *args: str) -> Any:
    done = subprocess.run([PREFS, "--db", url, *args, "--json"], capture_output=True, text=True, timeout=300,
                          cwd=ROOT, env=os.environ | {"RASA_TELEMETRY_ENABLED": "false"})
    if done.returncode != 0:
        raise RuntimeError(f"prefs {' '.join(args)} failed: {done.stderr[-2000:]}")
    return json.loads(done.stdout)


def rewrites_in_force(url: str) -> tuple[int | None, list[tuple[str, str]]]:
    listed = prefs(url, "rewrites", "list")
    return listed["version"], sorted((r["source_text"], r["target_text"]) for r in listed["rewrites"]
                                     if r["status"] == "active")


def fault_mining(workdir: Path, turns: int) -> Report:
    from bench_mining import write_log  # the benchmark's synthetic log: planted failures, noise, habits

    report = Report("mining")
    url = f"sqlite:///{workdir / 'preferences.db'}"
    migrate(url)
    assistant = RunningAssistant(workdir / "servers", url, extra_env={"REWRITE_REFRESH_SECONDS": "1",
                                                                        "REWRITE_HELD_OUT_SHARE": "0"})
    tracker = f"sqlite:///{assistant.workdir / 'tracker.db'}"
    try:
        assistant.start()
        report.began = time.monotonic()
        for i in range(4):  # the crowd of tests/e2e/test_selflearning.py: the same failure, the same fix
            user = f"crowd-{i}-{uuid.uuid4().hex[:6]}"
            timed_say(assistant, user, FAILING)
            timed_say(assistant, user, FIX)
        prefs(url, "rewrites", "mine", "--tracker", tracker)
        version, old = rewrites_in_force(url)
        report.note("rewrites in force before", version=version, rewrites=old)
        report.check((FAILING, FIX) in old, f"the first mining found no rewrite for {FAILING!r}: {old}")
        applied = wait_until(lambda: "The Beatles" in timed_say(assistant, f"new-{uuid.uuid4().hex[:6]}",
                                                                FAILING)[0], 30, every=1)
        report.check(applied is not None, "the running assistant never applied the mined rewrite")
        log = workdir / "big.jsonl"
        t = time.monotonic()
        written = write_log(log, turns, seed=7)
        report.note("synthetic log written", turns=written["turns"], seconds=round(time.monotonic() - t, 1))
        t = time.monotonic()
        output = workdir / "mine.log"
        with output.open("w") as sink:
            job = subprocess.Popen([PREFS, "--db", url, "rewrites", "mine", "--from-log", str(log)], cwd=ROOT,
                                   stdout=sink, stderr=subprocess.STDOUT, env=os.environ | {
                                       "RASA_TELEMETRY_ENABLED": "false"}, start_new_session=True)
        building = wait_until(lambda: any(v["status"] == "building" for v in versions(url)), 120, every=0.2)
        report.check(building is not None, "the mining job never started a version")
        time.sleep(KILL_AFTER_S)  # about half-way: the version is being built
        still = job.poll() is None
        report.check(still, "the mining job ended before it could be killed: use a larger --mining-turns")
        _signal_session(job, signal.SIGKILL)
        job.wait(timeout=10)
        report.timings["mining_ran_before_kill_s"] = round(time.monotonic() - t, 2)
        shown = re.findall(r"(\d+)% Completed", output.read_text(errors="replace"))  # the job's progress bar
        report.note("mining SIGKILLed", ran_s=report.timings["mining_ran_before_kill_s"],
                    progress_at_kill=f"{shown[-1]}%" if shown else "reading the log")
        after_version, after = rewrites_in_force(url)
        killed = [v["id"] for v in versions(url) if v["status"] == "building"]
        report.note("rewrites in force after the kill", version=after_version, rewrites=after,
                    versions=[(v["id"], v["status"]) for v in versions(url)])
        report.check(after_version == version and after == old,
                     f"the table in force changed: version {version} -> {after_version}")
        answer, secs, _ = timed_say(assistant, f"after-{uuid.uuid4().hex[:6]}", FAILING)
        report.note("the running assistant, after the kill", answer=answer, seconds=secs)
        report.check("The Beatles" in answer and f'I took "{FAILING}"' in answer,
                     f"the old rewrite is no longer applied: {answer!r}")
        t = time.monotonic()
        mined = prefs(url, "rewrites", "mine", "--tracker", tracker)
        report.timings["next_mining_s"] = round(time.monotonic() - t, 2)
        new_version, new = rewrites_in_force(url)
        report.note("the next mining run", version=new_version, rewrites=new, report_version=mined.get("version"))
        report.check(new_version is not None and new_version != version and (FAILING, FIX) in new,
                     f"mining after the kill did not produce a new version in force: {new_version}, {new}")
        left = [(v["id"], v["status"]) for v in versions(url) if v["id"] in killed]
        report.check(bool(killed) and all(status == "failed" for _, status in left),
                     f"the next mining run did not clean up the killed version: {left or 'none was building'}")
    finally:
        assistant.stop()
    return report


def versions(url: str) -> list[dict[str, Any]]:
    from preferences.storage.rewrites import RewriteTable

    with RewriteTable(url) as table:
        return table.versions(limit=50)
