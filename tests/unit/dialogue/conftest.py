"""Fixtures of the dialogue tests: a real SQLite store (tests/unit/conftest.py) and the real embedding model."""
from __future__ import annotations

from datetime import date

import pytest

from preferences.dialogue import Conversation
from preferences.moments import MomentDetector
from preferences.service import AssistantService
from preferences.store import PreferenceStore


@pytest.fixture(scope="session")
def detector() -> MomentDetector:
    return MomentDetector()


@pytest.fixture()
def conv(store: PreferenceStore, detector: MomentDetector) -> Conversation:
    return Conversation(AssistantService(store, today=date(2026, 3, 1)), detector)
