"""Faults injected into the served assistant, each timed and judged PASS or FAIL.

    .venv/bin/python benchmarks/faults.py [--only action-server,postgres,mining] [--mining-turns 400000] [--json]

Why: a voice assistant in a home meets crashed processes and a database that
restarts. What a user must see then is decided here, not hoped for:

* **action-server**: the action server is SIGKILLed mid-conversation (one
  turn in flight, then turns while it is down). Each turn gets a short
  apology within a few seconds (no silence, no hang); once a new action
  server listens on the same port, the conversation carries on with what was
  taught before.
* **postgres**: the preferences live in a private PostgreSQL cluster of this
  script's own (initdb in a temporary directory, a free port; the machine's
  shared server is never touched), stopped with `pg_ctl stop -m immediate`
  (a crash: no checkpoint) and started again. Skills that need no memory keep
  answering, turns that need it say the memory is unavailable, quickly;
  after the restart, learning resumes by itself (no server restart) and
  every preference stored before the crash is still there.
* **mining**: `prefs rewrites mine` on a synthetic log large enough to run
  for several seconds (benchmarks/bench_mining.py's generator) is SIGKILLed
  part way. The rewrite version in force before stays in force
  (`prefs rewrites list --json`), the running assistant keeps applying its
  rewrites, and the next mining run succeeds.

Results: artifacts/bench/faults.json. Exit status 1 if any fault FAILs.
"""
from __future__ import annotations

import argparse
import json
import os
import re
import shutil
import signal
import subprocess
import sys
import tempfile
import time
import uuid
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from pathlib import Path
from threading import Thread
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "benchmarks"))

import requests  # noqa: E402

from preferences.db import migrate  # noqa: E402
from preferences.service import WITHOUT_MEMORY  # noqa: E402
from preferences.store import PreferenceStore  # noqa: E402
from rasa_components.served import RunningAssistant, _signal_session, free_port, model_path  # noqa: E402

ARTIFACTS = ROOT / "artifacts" / "bench"
PREFS = str(ROOT / ".venv" / "bin" / "prefs")
FAILING, FIX = "play the bee tells", "play the beatles"  # as in tests/e2e/test_selflearning.py
QUICK_S = 5.0  # "within a few seconds"
KILL_AFTER_S = 5.0  # into a mining run of about 12 s (400,000 turns, 2 cores): reading done, counting under way


@dataclass
class Report:
    """One fault: what happened, when (seconds since the fault began), and the verdict."""

    name: str
    began: float = field(default_factory=time.monotonic)
    events: list[dict[str, Any]] = field(default_factory=list)
    problems: list[str] = field(default_factory=list)
    timings: dict[str, float] = field(default_factory=dict)

    def note(self, what: str, **details: Any) -> None:
        at = round(time.monotonic() - self.began, 2)
        self.events.append({"t": at, "what": what} | details)
        extra = "  " + json.dumps(details, ensure_ascii=False)[:240] if details else ""
        print(f"  [{self.name} +{at:6.2f}s] {what}{extra}", flush=True)

    def check(self, ok: bool, problem: str) -> bool:
        if not ok:
            self.problems.append(problem)
            self.note(f"FAIL: {problem}")
        return ok

    def to_json(self) -> dict[str, Any]:
        return {"fault": self.name, "verdict": "FAIL" if self.problems else "PASS", "problems": self.problems,
                "timings_s": self.timings, "events": self.events}


def timed_say(assistant: RunningAssistant, user: str, text: str, timeout: float = 60) -> tuple[str, float, str]:
    """(answer text, seconds, error or ""): a failed request is a result here, not an exception."""
    start = time.monotonic()
    try:
        r = requests.post(f"{assistant.url}/webhooks/rest/webhook", json={"sender": user, "message": text},
                          timeout=timeout)
        r.raise_for_status()
        answer = " ".join(m.get("text", "") for m in r.json() if m.get("text"))
        return answer, round(time.monotonic() - start, 3), ""
    except requests.RequestException as exc:
        return "", round(time.monotonic() - start, 3), f"{type(exc).__name__}: {exc}"


def wait_until(predicate: Callable[[], bool], timeout: float, every: float = 0.5) -> float | None:
    """Seconds until `predicate()` held, or None after `timeout`."""
    start = time.monotonic()
    while time.monotonic() - start < timeout:
        if predicate():
            return round(time.monotonic() - start, 2)
        time.sleep(every)
    return None


# --- (a) the action server killed ------------------------------------------------------------------

class LooseAssistant(RunningAssistant):
    """Rasa and the action server started separately, so one can die without the other.

    scripts/servers.sh stops both when either exits (right for `make serve` on one machine); a deployment
    with action servers elsewhere (docs/deployment.md) sees Rasa outlive its action server, which is the
    fault under test. Same environment, endpoints and commands as servers.sh.
    """

    def start(self, timeout: float = 240.0) -> "LooseAssistant":
        self.workdir.mkdir(parents=True, exist_ok=True)
        endpoints = self.workdir / "endpoints.yml"
        endpoints.write_text(f'action_endpoint:\n  url: "http://127.0.0.1:{self.actions_port}/webhook"\n'
                             "tracker_store:\n  type: rasa_components.tracker_store.ConfiguredSQLTrackerStore\n")
        self.start_actions()
        self.procs.append(self._spawn("rasa", [str(ROOT / ".venv" / "bin" / "python"), "-m",
                                               "rasa_components.launcher", "run", "--model", str(model_path()),
                                               "--enable-api", "--port", str(self.rasa_port), "--endpoints",
                                               str(endpoints), "--credentials", "rasa_project/credentials.yml"]))
        self._wait(f"{self.url}/status", timeout, need=lambda r: bool(r.json().get("model_file")))
        return self

    def _spawn(self, name: str, cmd: list[str]) -> subprocess.Popen[bytes]:
        log = open(self.workdir / f"{name}.log", "ab")
        return subprocess.Popen(cmd, cwd=ROOT, env=self.env(), stdout=log, stderr=subprocess.STDOUT,
                                start_new_session=True)

    def start_actions(self, timeout: float = 120.0) -> float:
        """Start an action server on the same port; seconds until /health answers."""
        start = time.monotonic()
        self.actions = self._spawn("actions", [str(ROOT / ".venv" / "bin" / "python"), "-m", "actions.server",
                                               "--port", str(self.actions_port)])
        self.procs.append(self.actions)
        self._wait(f"http://127.0.0.1:{self.actions_port}/health", timeout)
        return round(time.monotonic() - start, 2)

    def kill_actions(self) -> None:
        _signal_session(self.actions, signal.SIGKILL)
        self.actions.wait(timeout=10)
        self.procs.remove(self.actions)


def apologised(answer: str) -> bool:
    return answer.startswith("Sorry") and len(answer) < 300


def fault_action_server(workdir: Path) -> Report:
    report = Report("action-server")
    url = f"sqlite:///{workdir / 'preferences.db'}"
    migrate(url)
    assistant = LooseAssistant(workdir / "servers", url)
    user = f"fault-a-{uuid.uuid4().hex[:6]}"
    try:
        assistant.start()
        report.began = time.monotonic()
        for text, expect in (("I love bluegrass music", "you like bluegrass"), ("play some music", "Playing bluegrass"),
                             ("I'm a Packers fan", "Packers")):
            answer, _, _ = timed_say(assistant, user, text)
            report.check(expect in answer, f"before the fault, {text!r} got {answer!r}")
        # A turn in flight when the action server dies.
        in_flight: dict[str, Any] = {}
        sender = Thread(target=lambda: in_flight.update(zip(("answer", "s", "error"),
                                                            timed_say(assistant, user, "I like thai food"))))
        sender.start()
        time.sleep(0.15)
        assistant.kill_actions()
        report.note("action server SIGKILLed with a turn in flight")
        sender.join(timeout=90)
        report.note("turn in flight answered", **in_flight)
        report.check(bool(in_flight.get("answer")) and in_flight["s"] < QUICK_S + 1,
                     f"the turn in flight got no answer quickly: {in_flight}")
        down = []
        for text in ("how did my team do?", "what's the weather in Boston", "I'm a Celtics fan"):
            answer, secs, error = timed_say(assistant, user, text)
            down.append(secs)
            report.note(f"while down: {text!r}", answer=answer, seconds=secs, error=error)
            report.check(apologised(answer) and secs < QUICK_S,
                         f"while the action server is down, {text!r} got {answer!r} in {secs}s {error}")
        report.timings["answer_while_down_max_s"] = max(down)
        report.timings["action_server_restart_s"] = assistant.start_actions()
        report.note("new action server listening", seconds=report.timings["action_server_restart_s"])
        # Asked while it was down: a retry now is not a repeat that calls for a teachable moment.
        answer, secs, _ = timed_say(assistant, user, "how did my team do?")
        report.note("after the restart: 'how did my team do?'", answer=answer, seconds=secs)
        report.timings["first_answer_after_restart_s"] = secs
        report.check("Green Bay Packers" in answer and "What did you mean" not in answer,
                     f"did not carry on after the restart: {answer!r}")
        answer, _, _ = timed_say(assistant, user, "what do you know about me?")
        report.check("bluegrass" in answer, f"lost what was taught: {answer!r}")
        with PreferenceStore(url) as store:
            held = sorted(p.value for p in store.list(user))
        report.note("stored for the user", preferences=held)
        report.check("bluegrass" in held and "celtics" not in " ".join(held).lower(),
                     f"store holds {held}: a turn the action server never ran must store nothing")
    finally:
        assistant.stop()
    return report


# --- (b) PostgreSQL crashed and started ------------------------------------------------------------

@dataclass
class PrivateCluster:
    """A PostgreSQL cluster of this script's own: initdb in a temporary directory, on a free loopback port."""

    directory: Path
    port: int = field(default_factory=free_port)

    def _run(self, *cmd: str) -> subprocess.CompletedProcess[str]:
        owner = [] if os.geteuid() != 0 else ["runuser", "-u", "postgres", "--"]  # initdb refuses root
        return subprocess.run(owner + list(cmd), capture_output=True, text=True, timeout=120, check=True)

    @staticmethod
    def available() -> bool:
        return bool(list(Path("/usr/lib/postgresql").glob("*/bin/initdb"))) and \
            (os.geteuid() != 0 or shutil.which("runuser") is not None)

    @staticmethod
    def binary(name: str) -> str:
        found = sorted(Path("/usr/lib/postgresql").glob(f"*/bin/{name}"))
        if not found:
            raise SystemExit(f"no PostgreSQL server binaries under /usr/lib/postgresql (need {name})")
        return str(found[-1])

    def init(self) -> None:
        data = self.directory / "data"
        if os.geteuid() == 0:
            shutil.chown(self.directory, "postgres")
            self.directory.chmod(0o700)
        self._run(self.binary("initdb"), "-D", str(data), "-A", "trust", "-U", "postgres", "--no-sync")
        self.start()
        subprocess.run([self.binary("createdb"), "-h", "127.0.0.1",
                        "-p", str(self.port), "-U", "postgres", "prefs"], check=True, capture_output=True)

    def start(self) -> None:
        self._run(self.binary("pg_ctl"), "-D", str(self.directory / "data"), "-w", "-l",
                  str(self.directory / "server.log"), "-o",
                  f"-p {self.port} -k {self.directory} -c listen_addresses=127.0.0.1 -c fsync=off", "start")

    def stop(self, mode: str = "fast") -> None:
        self._run(self.binary("pg_ctl"), "-D", str(self.directory / "data"), "-w", "-m", mode, "stop")

    @property
    def url(self) -> str:
        return f"postgresql+psycopg2://postgres@127.0.0.1:{self.port}/prefs"


@contextmanager
def private_cluster() -> Iterator[PrivateCluster]:
    directory = Path(tempfile.mkdtemp(prefix="faults-pg-"))
    cluster = PrivateCluster(directory)
    try:
        cluster.init()
        yield cluster
    finally:
        try:
            cluster.stop("immediate")
        except subprocess.CalledProcessError:
            pass  # already stopped
        shutil.rmtree(directory, ignore_errors=True)


def fault_postgres(workdir: Path) -> Report:
    report = Report("postgres")
    with private_cluster() as cluster:
        migrate(cluster.url)
        assistant = RunningAssistant(workdir / "servers", cluster.url)
        user = f"fault-b-{uuid.uuid4().hex[:6]}"
        try:
            assistant.start()
            report.began = time.monotonic()
            for text, expect in (("I love bluegrass music", "you like bluegrass"),
                                 ("I'm a Celtics fan", "Celtics"), ("switch on the bedroom fan", "fan is on")):
                answer, _, _ = timed_say(assistant, user, text)
                report.check(expect in answer, f"before the crash, {text!r} got {answer!r}")
            with PreferenceStore(cluster.url) as store:
                before = sorted((p.slot, p.value) for p in store.list(user))
            report.note("stored before the crash", preferences=before)
            cluster.stop("immediate")
            stopped = time.monotonic()
            report.note("PostgreSQL stopped (pg_ctl stop -m immediate)")
            times = []
            # Skills answer from their catalogs, saying memory is unavailable; teaching says it cannot.
            for text, expect in (("what's the weather in Boston", (WITHOUT_MEMORY, "Boston, Massachusetts")),
                                 ("hello", ()), ("play some music", (WITHOUT_MEMORY, "by")),
                                 ("I like jazz", ("memory is unavailable", "Nothing you told me is lost"))):
                answer, secs, error = timed_say(assistant, user, text)
                times.append(secs)
                report.note(f"while down: {text!r}", answer=answer, seconds=secs, error=error)
                report.check(bool(answer) and all(e in answer for e in expect) and secs < QUICK_S,
                             f"while PostgreSQL is down, {text!r} got {answer!r} in {secs}s {error}")
            report.timings["answer_while_down_max_s"] = max(times)
            cluster.start()
            report.timings["database_down_s"] = round(time.monotonic() - stopped, 2)
            report.note("PostgreSQL started")
            started = time.monotonic()

            def remembers() -> bool:
                answer, _, _ = timed_say(assistant, user, "what do you know about me?")
                return "bluegrass" in answer

            recovered = wait_until(remembers, 60)
            report.timings["memory_back_after_start_s"] = recovered if recovered is not None else -1
            report.check(recovered is not None, "the assistant did not remember again within 60 s of the restart")
            answer, secs, _ = timed_say(assistant, user, "I like jazz")
            report.note("learning again", answer=answer, seconds=secs)
            report.check("you like jazz" in answer, f"learning did not resume: {answer!r}")
            report.timings["learning_back_after_start_s"] = round(time.monotonic() - started, 2)
            answer, _, _ = timed_say(assistant, user, "play some music")  # asked in the outage: not a repeat
            report.note("after the restart: 'play some music'", answer=answer)
            report.check("since you told me" in answer and "What did you mean" not in answer,
                         f"the request asked during the outage is not carried on: {answer!r}")
            with PreferenceStore(cluster.url) as store:
                after = sorted((p.slot, p.value) for p in store.list(user))
            report.note("stored after the restart", preferences=after)
            report.check(set(before) <= set(after) and ("genre", "jazz") in after,
                         f"stored before {before}, after {after}")
        finally:
            assistant.stop()
    return report


# --- (c) a mining job killed half-way --------------------------------------------------------------

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
    finally:
        assistant.stop()
    return report


def versions(url: str) -> list[dict[str, Any]]:
    from preferences.storage.rewrites import RewriteTable

    with RewriteTable(url) as table:
        return table.versions(limit=50)


FAULTS = {"action-server": fault_action_server, "postgres": fault_postgres, "mining": fault_mining}


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--only", default=",".join(FAULTS), help="comma-separated: " + ", ".join(FAULTS))
    parser.add_argument("--mining-turns", type=int, default=400_000, help="size of the log mining is killed on")
    parser.add_argument("--out-dir", type=Path, default=ARTIFACTS)
    parser.add_argument("--json", action="store_true", help="print the results as JSON on stdout")
    args = parser.parse_args()
    chosen = [name.strip() for name in args.only.split(",") if name.strip()]
    unknown = set(chosen) - set(FAULTS)
    if unknown:
        raise SystemExit(f"unknown fault(s): {', '.join(sorted(unknown))}; choose from {', '.join(FAULTS)}")
    print(f"model {model_path().name}; load average {os.getloadavg()[0]:.2f}", flush=True)
    results = []
    for name in chosen:
        print(f"fault {name}:", flush=True)
        with tempfile.TemporaryDirectory(prefix=f"fault-{name}-") as tmp:
            try:
                report = (fault_mining(Path(tmp), args.mining_turns) if name == "mining"
                          else FAULTS[name](Path(tmp)))
            except Exception as exc:  # noqa: BLE001 - a fault that could not even be staged is a FAIL, reported
                report = Report(name)
                report.check(False, f"{type(exc).__name__}: {exc}"[:2000])
        row = report.to_json() | {"load_average": round(os.getloadavg()[0], 2)}
        print(f"{row['verdict']} {name}: {json.dumps(row['timings_s'])}"
              + (f"; problems: {row['problems']}" if row["problems"] else ""), flush=True)
        results.append(row)
    args.out_dir.mkdir(parents=True, exist_ok=True)
    path = args.out_dir / "faults.json"
    merged = {r["fault"]: r for r in (json.loads(path.read_text()).get("faults", []) if path.exists() else [])}
    merged.update({r["fault"]: r for r in results})
    path.write_text(json.dumps({"faults": list(merged.values())}, indent=2, ensure_ascii=False) + "\n")
    if args.json:
        print(json.dumps(results, indent=2, ensure_ascii=False))
    sys.exit(1 if any(r["verdict"] == "FAIL" for r in results) else 0)


if __name__ == "__main__":
    main()
