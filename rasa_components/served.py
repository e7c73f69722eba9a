"""Start the real assistant (Rasa server + action server) as processes: for tests, benchmarks and the simulator.

Both are started as real processes on free ports with their own database, so
a test or a benchmark run never touches the developer's data or a server
already running on 5005/5055. They are started by scripts/servers.sh, the script `make
serve` runs, with env.sh's start-and-wait helper, so they bind and
authenticate as served: with `ASSISTANT_SECRET` in `extra_env`
the harness signs its own calls (a user token for `say`, an HTTP API token
for `parse` and the readiness check); without it, it never inherits one from
the developer's shell, and allows any page origin (the browser tests serve
the page on a free port).
"""
from __future__ import annotations

import asyncio
import os
import signal
import socket
import subprocess
import sys
import time
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import requests

from preferences import tokens

ROOT = Path(__file__).resolve().parent.parent


def run_async(coro: Any) -> Any:
    """asyncio.run in a thread of its own: Playwright's sync API keeps a loop running in this one."""
    with ThreadPoolExecutor(max_workers=1) as pool:
        return pool.submit(asyncio.run, coro).result()


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


def model_path() -> Path:
    """The model for the current data: from the test command, or built now."""
    env = os.environ.get("TEACHABLE_MODEL")
    if env and Path(env).exists():
        return Path(env)
    out = subprocess.run(["bash", str(ROOT / "scripts" / "model.sh")], check=True, capture_output=True, text=True)
    return Path(out.stdout.strip().splitlines()[-1])


def base_env(db_url: str) -> dict[str, str]:
    env = dict(os.environ)
    env.update({"PREFERENCES_DB_URL": db_url, "RASA_TELEMETRY_ENABLED": "false", "HF_HUB_OFFLINE": "1",
                "TRANSFORMERS_OFFLINE": "1", "TF_CPP_MIN_LOG_LEVEL": "2", "SQLALCHEMY_SILENCE_UBER_WARNING": "1",
                "PYTHONWARNINGS": "ignore::DeprecationWarning"})
    return env


@dataclass
class RunningAssistant:
    """A live assistant; `say` talks to it over REST like any client would."""

    workdir: Path
    db_url: str
    rasa_port: int = field(default_factory=free_port)
    actions_port: int = field(default_factory=free_port)
    extra_env: dict[str, str] = field(default_factory=dict)
    # YAML appended to the endpoints file start() writes, e.g. a `lock_store:` section for several instances
    # sharing one tracker store (tests/e2e/test_two_instances.py, docs/deployment.md).
    endpoints_extra: str = ""
    procs: list[subprocess.Popen[bytes]] = field(default_factory=list)

    @property
    def url(self) -> str:
        return f"http://127.0.0.1:{self.rasa_port}"

    @property
    def secret(self) -> str | None:
        """The ASSISTANT_SECRET the servers run with (None: loopback only, no tokens)."""
        return self.extra_env.get("ASSISTANT_SECRET") or None

    def token(self, user: str, ttl: int = 3600) -> str:
        """A user token for `user` (the servers must run with a secret)."""
        assert self.secret, "this assistant runs without ASSISTANT_SECRET"
        return tokens.mint(self.secret, user, ttl)

    def user_headers(self, user: str) -> dict[str, str]:
        return {"Authorization": f"Bearer {self.token(user)}"} if self.secret else {}

    def api_headers(self) -> dict[str, str]:
        """Headers for Rasa's HTTP API: an admin token when the servers run with a secret."""
        return {"Authorization": f"Bearer {tokens.mint_api_token(self.secret)}"} if self.secret else {}

    def actions_headers(self) -> dict[str, str]:
        """The shared secret Rasa sends to the action server."""
        return {tokens.ACTIONS_HEADER: tokens.actions_token(self.secret)} if self.secret else {}

    def env(self) -> dict[str, str]:
        env = base_env(self.db_url)
        env.pop("ASSISTANT_SECRET", None)  # only what this assistant is given, never the developer's shell
        if not self.extra_env.get("ASSISTANT_SECRET"):
            env["CORS_ORIGINS"] = "*"  # loopback only; the browser tests' page is on a free port
        # this assistant's own log (extra_env TRACKER_DB_URL=memory: Rasa's in-memory tracker store, no log;
        # any other TRACKER_DB_URL in extra_env, e.g. a postgresql:// URL several instances share, wins below)
        env["TRACKER_DB_URL"] = f"sqlite:///{self.workdir / 'tracker.db'}"
        env["MINING_SCHEDULE_MINUTES"] = "0"  # tests run the jobs themselves unless they ask otherwise
        return env | self.extra_env

    def start(self, timeout: float = 240.0) -> "RunningAssistant":
        """Both servers through scripts/servers.sh: the same start-and-wait helper `make serve` uses."""
        self.workdir.mkdir(parents=True, exist_ok=True)
        endpoints = self.workdir / "endpoints.yml"
        sql_log = "" if self.extra_env.get("TRACKER_DB_URL") == "memory" else \
            "tracker_store:\n  type: rasa_components.tracker_store.ConfiguredSQLTrackerStore\n"
        extra = self.endpoints_extra.rstrip("\n") + "\n" if self.endpoints_extra.strip() else ""
        endpoints.write_text(f'action_endpoint:\n  url: "http://127.0.0.1:{self.actions_port}/webhook"\n' + sql_log
                             + extra)
        env = self.env() | {"RASA_PORT": str(self.rasa_port), "ACTIONS_PORT": str(self.actions_port),
                            "ENDPOINTS_FILE": str(endpoints), "LOG_DIR": str(self.workdir)}
        log = open(self.workdir / "servers.log", "wb")
        # A session of its own, so stop() ends the script and both servers even if the script is killed.
        self.procs.append(subprocess.Popen(["bash", str(ROOT / "scripts" / "servers.sh"), str(model_path())],
                                           cwd=ROOT, env=env, stdout=log, stderr=subprocess.STDOUT,
                                           start_new_session=True))
        try:
            self._wait(f"http://127.0.0.1:{self.actions_port}/health", timeout)
            self._wait(f"{self.url}/status", timeout, need=lambda r: bool(r.json().get("model_file")),
                       headers=self.api_headers)
        except BaseException:
            self.stop()  # a server that never came up must not outlive the test run
            raise
        return self

    def _wait(self, url: str, timeout: float, need: Any = None, headers: Any = dict) -> None:
        deadline = time.monotonic() + timeout
        while time.monotonic() < deadline:
            for proc in self.procs:
                if proc.poll() is not None:
                    raise RuntimeError(f"a server exited early ({proc.args[:4]}); logs: {self.logs()}")
            try:
                r = requests.get(url, timeout=2, headers=headers())
                if r.ok and (need is None or need(r)):
                    return
            except requests.RequestException:
                pass
            time.sleep(0.5)
        raise TimeoutError(f"{url} not ready after {timeout}s; logs: {self.logs()}")

    def logs(self) -> str:
        return "\n".join(f"--- {p.name}\n{p.read_text(errors='replace')[-4000:]}"
                         for p in sorted(self.workdir.glob("*.log")))

    def say(self, user: str, text: str, metadata: dict[str, Any] | None = None) -> list[str]:
        """One REST turn; returns the texts of the bot's replies."""
        body: dict[str, Any] = {"sender": user, "message": text}
        if metadata:
            body["metadata"] = metadata
        r = requests.post(f"{self.url}/webhooks/rest/webhook", json=body, timeout=60,
                          headers=self.user_headers(user))
        r.raise_for_status()
        return [m.get("text", "") for m in r.json() if m.get("text")]

    def parse(self, text: str) -> dict[str, Any]:
        r = requests.post(f"{self.url}/model/parse", json={"text": text}, timeout=30,
                          headers=self.api_headers())
        r.raise_for_status()
        return r.json()

    def stop(self) -> None:
        """TERM to the script's whole session (its trap stops both servers), KILL after 20 s."""
        for proc in self.procs:
            _signal_session(proc, signal.SIGTERM)
        for proc in self.procs:
            try:
                proc.wait(timeout=20)
            except subprocess.TimeoutExpired:
                _signal_session(proc, signal.SIGKILL)
                proc.wait(timeout=5)
        self.procs.clear()


def _signal_session(proc: subprocess.Popen[bytes], sig: int) -> None:
    try:
        os.killpg(proc.pid, sig)
    except ProcessLookupError:
        pass
