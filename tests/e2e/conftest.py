"""One real assistant (Rasa server + action server + SQLite) shared by the e2e tests."""
from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest

from preferences.db import migrate
from rasa_components.served import RunningAssistant


@pytest.fixture(scope="session")
def db_path(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return tmp_path_factory.mktemp("e2e-db") / "preferences.db"


@pytest.fixture(scope="session")
def db_url(db_path: Path) -> str:
    return f"sqlite:///{db_path}"


@pytest.fixture(scope="session")
def assistant(tmp_path_factory: pytest.TempPathFactory, db_url: str) -> Iterator[RunningAssistant]:
    url = db_url
    migrate(url)
    running = RunningAssistant(tmp_path_factory.mktemp("e2e-servers"), url).start()
    try:
        yield running
    finally:
        running.stop()
