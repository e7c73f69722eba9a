"""Fault (b): the preferences' PostgreSQL crashed (`pg_ctl stop -m immediate`) and started again.

The cluster is this script's own (initdb in a temporary directory, a free
loopback port): the machine's shared server is never touched.
"""
from __future__ import annotations

import os
import pwd
import shutil
import subprocess
import tempfile
import time
import uuid
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from pathlib import Path

from faulttest.report import QUICK_S, Report, timed_say, wait_until
from preferences.db import migrate
from preferences.service import WITHOUT_MEMORY
from preferences.store import PreferenceStore
from rasa_components.served import RunningAssistant, free_port


@dataclass
class PrivateCluster:
    """A PostgreSQL cluster of this script's own: initdb in a temporary directory, on a free loopback port."""

    directory: Path
    port: int = field(default_factory=free_port)

    def _run(self, *cmd: str) -> subprocess.CompletedProcess[str]:
        owner = [] if os.geteuid() != 0 else ["runuser", "-u", "postgres", "--"]  # initdb refuses root
        return subprocess.run(owner + list(cmd), capture_output=True, text=True, timeout=120, check=True)

    @staticmethod
    def missing() -> str | None:
        """What this machine lacks to run a private cluster (so a test can fail saying so), or None."""
        if not list(Path("/usr/lib/postgresql").glob("*/bin/initdb")):
            return "no PostgreSQL server binaries under /usr/lib/postgresql/*/bin (apt-get install postgresql)"
        if os.geteuid() == 0:  # initdb refuses root: it is run as the postgres user
            if shutil.which("runuser") is None:
                return "running as root and no runuser to run initdb as the postgres user (apt-get install util-linux)"
            try:
                pwd.getpwnam("postgres")
            except KeyError:
                return "running as root and no postgres user to run initdb as (apt-get install postgresql creates it)"
        return None

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
