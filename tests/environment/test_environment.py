"""The installed environment is the one the lock and docs/pins.md describe."""
from __future__ import annotations

import os
import re
import subprocess
import sys
from importlib import metadata
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]


def _lock() -> dict[str, str]:
    pins = {}
    for line in (ROOT / "requirements" / "lock.txt").read_text().splitlines():
        name, _, version = line.partition("==")
        pins[re.sub(r"[-_.]+", "-", name).lower()] = version
    return pins


def test_key_pins_are_installed_at_the_locked_versions() -> None:
    pins = _lock()
    for name in ("rasa", "rasa-sdk", "tensorflow", "numpy", "sqlalchemy", "apscheduler", "sanic", "torch",
                 "sentence-transformers", "setuptools"):
        assert metadata.version(name) == pins[name], name


def test_pip_check_lists_only_the_documented_deviations() -> None:
    out = subprocess.run([sys.executable, "-m", "pip", "check"], capture_output=True, text=True).stdout
    problems = {line.split(" has requirement ")[1].split("<")[0].split(">")[0].split("=")[0].strip().lower()
                for line in out.splitlines() if " has requirement " in line}
    documented = (ROOT / "docs" / "pins.md").read_text()
    assert problems <= {"matplotlib", "setuptools"}, out
    for name in problems:
        assert f"| {name} |" in documented


def test_telemetry_is_off_and_models_load_offline() -> None:
    assert os.environ.get("RASA_TELEMETRY_ENABLED") == "false"
    assert os.environ.get("HF_HUB_OFFLINE") == "1"
