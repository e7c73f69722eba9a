"""A real, migrated SQLite preference store per test."""
from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest

from preferences.db import migrate
from preferences.store import PreferenceStore


@pytest.fixture()
def store(tmp_path: Path) -> Iterator[PreferenceStore]:
    url = f"sqlite:///{tmp_path / 'prefs.db'}"
    migrate(url)
    with PreferenceStore(url) as s:
        yield s
