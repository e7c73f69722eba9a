"""The assistant on PostgreSQL, and what happens when that database goes away and comes back."""
from __future__ import annotations

from collections.abc import Callable, Iterator
from pathlib import Path

import pytest

from preferences.db import migrate
from tests.conftest import _pg_admin
from rasa_components.served import RunningAssistant

pytestmark = [pytest.mark.e2e, pytest.mark.postgres]


@pytest.fixture(scope="module")
def pg_assistant(tmp_path_factory: pytest.TempPathFactory,
                 pg_database: Callable[[], str]) -> Iterator[tuple[RunningAssistant, str]]:
    url = pg_database()
    migrate(url)
    running = RunningAssistant(tmp_path_factory.mktemp("pg-servers"), url).start()
    try:
        yield running, url.rsplit("/", 1)[1]
    finally:
        running.stop()


def _allow_connections(name: str, allowed: bool) -> None:
    conn = _pg_admin()
    with conn.cursor() as cur:
        cur.execute(f'ALTER DATABASE "{name}" ALLOW_CONNECTIONS {"true" if allowed else "false"}')
        if not allowed:
            cur.execute("SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE datname = %s", (name,))
    conn.close()


def test_outage_gets_a_clear_answer_and_loses_nothing(pg_assistant: tuple[RunningAssistant, str],
                                                      tmp_path: Path) -> None:
    assistant, name = pg_assistant
    user = "outage-user"
    assert "you like jazz" in " ".join(assistant.say(user, "I like jazz"))
    assert "bedroom fan is on" in " ".join(assistant.say(user, "switch on the bedroom fan"))
    _allow_connections(name, False)
    try:
        answer = " ".join(assistant.say(user, "play some music"))
        assert "couldn't" in answer and "Nothing you told me is lost" in answer
        assert assistant.say(user, "hello")  # plain answers keep coming
        assert "Nothing you told me is lost" in " ".join(assistant.say("someone-else", "I like rock"))
    finally:
        _allow_connections(name, True)
    assert "Playing jazz, since you told me you like it" in " ".join(assistant.say(user, "play some music"))
    assert "bedroom fan is on" in " ".join(assistant.say(user, "is the bedroom fan on?"))
    assert "you like rock" not in " ".join(assistant.say(user, "what do you know about me?"))
