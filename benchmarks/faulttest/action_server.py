"""Fault (a): the action server SIGKILLed mid-conversation, then started again on the same port."""
from __future__ import annotations

import signal
import subprocess
import time
import uuid
from pathlib import Path
from threading import Thread
from typing import Any

from faulttest import ROOT
from faulttest.report import QUICK_S, Report, timed_say
from preferences.db import migrate
from preferences.store import PreferenceStore
from rasa_components.served import RunningAssistant, _signal_session, model_path


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
