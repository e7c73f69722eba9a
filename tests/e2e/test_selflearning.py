"""Learning from failures without being taught, through the real servers and Rasa's SQL tracker store.

Many users fail the same way ("play the bee tells", as a speech recogniser
might hear it) and succeed with the same rephrase ("play the beatles").
Mining the tracker store makes that a rewrite; a new user's failing request
is then rewritten before NLU and succeeds, a request that worked is left
alone, and when the rewrite starts failing the next mining withdraws it.
"""
from __future__ import annotations

import time
import uuid
from collections.abc import Iterator

import pytest

from preferences.db import migrate
from preferences.selflearning.jobs import mine_tracker_store
from preferences.selflearning.settings import MiningSettings
from preferences.storage.rewrites import RewriteTable
from rasa_components.served import RunningAssistant, run_async
from tests.e2e.socketio_client import chat

pytestmark = pytest.mark.e2e

FAILING, FIX = "play the bee tells", "play the beatles"


@pytest.fixture(scope="module")
def served(tmp_path_factory: pytest.TempPathFactory) -> Iterator[RunningAssistant]:
    workdir = tmp_path_factory.mktemp("selflearning")
    url = f"sqlite:///{workdir / 'preferences.db'}"
    migrate(url)
    running = RunningAssistant(workdir, url, extra_env={"REWRITE_REFRESH_SECONDS": "1",
                                                        "REWRITE_HELD_OUT_SHARE": "0"}).start()
    try:
        yield running
    finally:
        running.stop()


def said(assistant: RunningAssistant, user: str, text: str) -> str:
    return " ".join(assistant.say(user, text))


def mine(assistant: RunningAssistant):
    with RewriteTable(assistant.db_url) as table:
        report = mine_tracker_store(f"sqlite:///{assistant.workdir / 'tracker.db'}", table, MiningSettings(),
                                    scheduler="sync")
        return report, table.list()


def test_rephrases_across_users_become_a_rewrite_that_helps_the_next_user(served: RunningAssistant) -> None:
    assert "The Beatles" not in said(served, "control", FAILING)  # before: not understood as the band
    for i in range(4):
        user = f"crowd-{i}-{uuid.uuid4().hex[:6]}"
        said(served, user, "what's the weather in Boston")
        said(served, user, FAILING)
        assert "The Beatles" in said(served, user, FIX)
    report, rewrites = mine(served)
    found = {r.source_key: r for r in rewrites}
    assert FAILING in found and found[FAILING].target_text == FIX and found[FAILING].users >= 3, report.to_json()
    assert "whats the weather in boston" not in found  # a request that works is never rewritten
    time.sleep(1.5)  # the running assistant picks up the new version without a restart
    newcomer = f"new-{uuid.uuid4().hex[:6]}"
    reply = said(served, newcomer, FAILING)
    assert "The Beatles" in reply and f'I took "{FAILING}" as "{FIX}"' in reply
    assert "rewrite #" in said(served, newcomer, "why did you do that?")
    parsed = served.parse("what's the weather in Boston")
    assert "rewrite" not in parsed and parsed["text"] == "what's the weather in Boston"


def test_a_rewrite_that_starts_losing_is_withdrawn(served: RunningAssistant) -> None:
    for i in range(12):  # users now complain after the rewritten answer
        user = f"unhappy-{i}-{uuid.uuid4().hex[:6]}"
        assert "The Beatles" in said(served, user, FAILING)
        said(served, user, "no, that's not what I asked for")
    report, rewrites = mine(served)
    assert report.withdrawn and "fails on its own" in report.withdrawn[0][1], report.to_json()
    again = [r for r in rewrites if r.source_key == FAILING]  # mined again or not, it is not in force
    assert all(r.status == "withdrawn" and r.rewritten_failed >= 10 for r in again), again
    time.sleep(1.5)
    assert "rewrite" not in served.parse(FAILING)


def test_the_served_scheduler_mines_on_its_own(tmp_path_factory: pytest.TempPathFactory) -> None:
    """No hand-run job: the action server's APScheduler mines the live log and the rewrite takes effect."""
    workdir = tmp_path_factory.mktemp("scheduled")
    url = f"sqlite:///{workdir / 'preferences.db'}"
    migrate(url)
    running = RunningAssistant(workdir, url, extra_env={
        "MINING_SCHEDULE_MINUTES": "0.05", "REWRITE_REFRESH_SECONDS": "1", "REWRITE_HELD_OUT_SHARE": "0"}).start()
    try:
        for i in range(4):
            user = f"crowd-{i}-{uuid.uuid4().hex[:6]}"
            said(running, user, FAILING)
            assert "The Beatles" in said(running, user, FIX)
        deadline, parsed = time.monotonic() + 90, {}
        while time.monotonic() < deadline and "rewrite" not in parsed:
            time.sleep(2)
            parsed = running.parse(FAILING)  # /model/parse writes nothing to the log
        assert parsed.get("rewrite", {}).get("target") == FIX, running.logs()
        with RewriteTable(url) as table:
            assert [r.target_text for r in table.list() if r.source_key == FAILING] == [FIX]
            assert table.list()[0].users >= 3
        assert "mine-rewrites" in (workdir / "actions.log").read_text(errors="replace")
    finally:
        running.stop()


# --- online rewriting: personal over global ------------------------------------------------------------

def index(assistant: RunningAssistant) -> dict:
    """The index job, as scheduled, on this assistant's log."""
    from preferences.selflearning.jobs import index_log

    with RewriteTable(assistant.db_url) as table:
        return index_log(f"sqlite:///{assistant.workdir / 'tracker.db'}", table).to_json()


def last_parse(assistant: RunningAssistant, user: str) -> dict:
    import requests

    r = requests.get(f"{assistant.url}/conversations/{user}/tracker", headers=assistant.api_headers(), timeout=30)
    r.raise_for_status()
    return [e for e in r.json()["events"] if e.get("event") == "user"][-1]


def test_online_rewriting_uses_the_users_history_first_and_everyones_for_new_users(served: RunningAssistant) -> None:
    tag = uuid.uuid4().hex[:6]
    for i in range(3):  # a few people succeed with the right name, and with Springfield, Massachusetts
        user = f"fan-{i}-{tag}"
        assert "Imagine Dragons" in said(served, user, "play imagine dragons")
        said(served, user, "what's the weather in Springfield, Massachusetts")
    ann = f"ann-{tag}"  # ann always means Springfield, Illinois
    for _ in range(2):
        assert "Springfield, Illinois" in said(served, ann, "what's the weather in Springfield, Illinois")
        said(served, ann, "play some jazz")
    report = index(served)
    assert report["global"] >= 2 and report["users"] >= 4, report
    time.sleep(1.5)  # REWRITE_REFRESH_SECONDS=1: the running assistant reloads the new index version

    newbie = f"newbie-{tag}"
    reply = said(served, newbie, "play maj and dragons")
    assert "Imagine Dragons" in reply and 'I took "play maj and dragons" as "play imagine dragons"' in reply
    event = last_parse(served, newbie)
    assert event["text"] == "play maj and dragons" and event["parse_data"]["online_rewrite"]["layer"] == "global"
    assert "worked for other people" in said(served, newbie, "why did you do that?")

    assert "Springfield, Illinois" in said(served, ann, "what's the weather in Springfield")  # her own history
    assert last_parse(served, ann)["parse_data"]["online_rewrite"]["layer"] == "personal"
    # the same over socket.io (the web chat's channel): its session is her conversation, the personal layer hers
    [answer] = run_async(chat(served.url, ann, [("what's the weather in Springfield", {})], settle=1.0))
    assert "Springfield, Illinois" in answer
    assert last_parse(served, ann)["parse_data"]["online_rewrite"]["layer"] == "personal"
    assert "Springfield, Massachusetts" in said(served, newbie, "what's the weather in Springfield")  # what most people meant

    untouched = said(served, newbie, "play imagine dragons")  # understood as said: left alone
    assert "Imagine Dragons" in untouched and "I took" not in untouched
    assert "online_rewrite" not in last_parse(served, newbie)["parse_data"]

    # "forget everything about me" takes ann out of her layer at once (the runtime sees the forget)
    said(served, ann, "forget everything about me")
    assert "forgotten everything" in said(served, ann, "yes")
    time.sleep(1.5)
    said(served, ann, "what's the weather in Springfield")
    assert (last_parse(served, ann)["parse_data"].get("online_rewrite") or {}).get("layer") != "personal"
