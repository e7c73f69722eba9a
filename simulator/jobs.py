"""The learning jobs, run by hand between phases exactly as an operator would: `prefs rewrites ...`.

They run as separate processes with the served assistant's own environment
(its preference database and its tracker store), so the simulator exercises
the product's command line and never imports the learning code in process.
A job that this version of the product does not have yet (`index`, the
online-rewriting indexes) is skipped with a clear message, not an error.
"""
from __future__ import annotations

import json
import subprocess
import sys
import time
from dataclasses import dataclass
from pathlib import Path
from typing import Any


@dataclass(frozen=True)
class JobResult:
    name: str  # "mine" or "index"
    ran: bool  # False: the command does not exist in this version
    seconds: float
    output: dict[str, Any] | None  # the job's --json report
    message: str = ""

    def to_json(self) -> dict[str, Any]:
        return {"name": self.name, "ran": self.ran, "seconds": round(self.seconds, 2), "output": self.output,
                "message": self.message}


def prefs_command() -> list[str]:
    """The project's `prefs` entry point next to the running interpreter (.venv/bin/prefs)."""
    exe = Path(sys.executable).parent / "prefs"
    return [str(exe)] if exe.exists() else [sys.executable, "-m", "preferences.cli"]


def _missing_command(stderr: str) -> bool:
    return "No such command" in stderr or "no such command" in stderr.lower()


def run_job(name: str, env: dict[str, str], timeout: float = 900.0) -> JobResult:
    """`prefs rewrites <name> --json` with `env`; raises when the job exists and fails."""
    started = time.monotonic()
    proc = subprocess.run([*prefs_command(), "rewrites", name, "--json"], env=env, capture_output=True, text=True,
                          timeout=timeout)
    seconds = time.monotonic() - started
    if proc.returncode != 0 and _missing_command(proc.stderr + proc.stdout):
        return JobResult(name, False, seconds, None,
                         f"`prefs rewrites {name}` does not exist in this version of the assistant; skipped")
    if proc.returncode != 0:
        raise RuntimeError(f"`prefs rewrites {name}` failed ({proc.returncode}): {proc.stderr[-2000:]}")
    return JobResult(name, True, seconds, _last_json(proc.stdout))


def _last_json(stdout: str) -> dict[str, Any] | None:
    """The job's JSON report (the last JSON document on stdout; progress lines go to stderr)."""
    text = stdout.strip()
    if not text:
        return None
    try:
        value = json.loads(text)
    except json.JSONDecodeError:
        start = text.rfind("\n{")
        try:
            value = json.loads(text[start + 1:] if start >= 0 else text[text.find("{"):])
        except json.JSONDecodeError:
            return {"unparsed": text[-2000:]}
    return value if isinstance(value, dict) else {"value": value}


def mined_turns(result: JobResult) -> int | None:
    """How many logged turns the mining pass read (its report's stats.turns)."""
    stats = (result.output or {}).get("stats") or {}
    turns = stats.get("turns")
    return int(turns) if isinstance(turns, (int, float)) else None
