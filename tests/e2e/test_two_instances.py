"""Two Rasa instances and two action servers on one PostgreSQL and one Redis: the deployment of docs/deployment.md.

Each instance is a complete `make serve` (scripts/servers.sh through the
harness) on its own loopback ports, sharing what a deployment behind a load
balancer shares: the tracker store (TRACKER_DB_URL, PostgreSQL), the
preferences and rewrites (PREFERENCES_DB_URL, PostgreSQL), the Redis lock
store and ASSISTANT_SECRET. The tests play the load balancer: they send one
user's turns to either instance and check that nothing depends on which one
answered (the conversation, what was taught, the mined rewrites) and that the
scheduled jobs, which every action server schedules, run once per round.

PostgreSQL comes from tests/conftest.py (started if it is down, never
skipped). Redis is used on its own database number (REDIS_TEST_DB, default
11), flushed before and after; the module is skipped, saying why, only if
nothing listens on the Redis port.
"""
from __future__ import annotations

import os
import re
import threading
import time
import uuid
from collections.abc import Callable, Iterator
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass
from datetime import datetime, timedelta, timezone
from typing import Any

import pytest
import requests

from preferences.db import migrate
from preferences.storage.leases import JobLeases
from preferences.storage.rewrites import RewriteTable
from preferences.store import PreferenceStore
from rasa_components.served import RunningAssistant

pytestmark = [pytest.mark.e2e, pytest.mark.postgres]

REDIS_HOST = os.environ.get("REDIS_TEST_HOST", "127.0.0.1")
REDIS_PORT = int(os.environ.get("REDIS_TEST_PORT", "6379"))
REDIS_DB = int(os.environ.get("REDIS_TEST_DB", "11"))
SECRET = "two-instances-" + uuid.uuid4().hex
EVERY_MINUTES = 0.05  # each action server's scheduler fires every 3 s: many rounds during the module
EVERY = timedelta(minutes=EVERY_MINUTES)
FAILING, FIX = "play the bee tells", "play the beatles"  # as in test_selflearning.py


@dataclass
class Deployment:
    """The two instances and what they share."""

    one: RunningAssistant
    two: RunningAssistant
    preferences_url: str
    tracker_url: str
    redis_db: int
    ready_at: datetime  # both instances answer from here on (Rasa has created the tracker table)

    @property
    def both(self) -> tuple[RunningAssistant, RunningAssistant]:
        return self.one, self.two


def _redis() -> Any:
    """A client on the test's Redis database; skips the module only if nothing listens on the port."""
    import redis

    client = redis.Redis(host=REDIS_HOST, port=REDIS_PORT, db=REDIS_DB, socket_connect_timeout=3)
    try:
        client.ping()
    except redis.exceptions.ConnectionError as exc:
        refused = isinstance(exc.__cause__ or exc.__context__, ConnectionRefusedError) or "refused" in str(exc)
        if not refused:
            raise  # anything but "nobody listens there" is a failure, not a reason to skip
        reason = (f"Redis is not reachable at {REDIS_HOST}:{REDIS_PORT} ({exc}); start it with: redis-server "
                  "--daemonize yes --bind 127.0.0.1 -::1 --port 6379 --save '' --appendonly no")
        print(reason)
        pytest.skip(reason)
    return client


def redis_clients() -> list[dict[str, Any]]:
    """The connections Redis has open now (all databases), as CLIENT LIST reports them."""
    client = _redis()
    try:
        return client.client_list()
    finally:
        client.close()


@pytest.fixture(scope="module")
def redis_db() -> Iterator[Any]:
    client = _redis()
    client.flushdb()  # only this database: others on the machine keep theirs
    try:
        yield client
    finally:
        client.flushdb()
        client.close()


@pytest.fixture(scope="module")
def deployment(tmp_path_factory: pytest.TempPathFactory, pg_database: Callable[[], str],
               redis_db: Any) -> Iterator[Deployment]:
    preferences_url, tracker_url = pg_database(), pg_database()
    migrate(preferences_url)  # `prefs migrate`, once, before any instance starts
    env = {"ASSISTANT_SECRET": SECRET, "TRACKER_DB_URL": tracker_url, "MINING_SCHEDULE_MINUTES": str(EVERY_MINUTES),
           "REWRITE_REFRESH_SECONDS": "1", "REWRITE_HELD_OUT_SHARE": "0",
           "RATE_LIMIT_USER_BURST": "1000", "RATE_LIMIT_USER_PER_MINUTE": "6000"}
    prefix = "twoinst" + uuid.uuid4().hex[:8]  # alphanumeric, as Rasa requires of a key prefix
    lock_store = (f"lock_store:\n  type: rasa_components.lock_store.AtomicRedisLockStore\n  url: {REDIS_HOST}\n"
                  f"  port: {REDIS_PORT}\n  db: {REDIS_DB}\n  key_prefix: {prefix}\n")
    instances = [RunningAssistant(tmp_path_factory.mktemp(f"instance-{n}"), preferences_url, extra_env=env,
                                  endpoints_extra=lock_store) for n in (1, 2)]
    # Both start at once, as a deployment's would: Rasa tolerates two instances creating its tables together.
    with ThreadPoolExecutor(max_workers=2) as pool:
        starts = [pool.submit(i.start) for i in instances]
        errors = [f.exception() for f in starts]
    try:
        if any(errors):
            raise next(e for e in errors if e)
        yield Deployment(instances[0], instances[1], preferences_url, tracker_url, REDIS_DB,
                         datetime.now(timezone.utc))
    finally:
        for instance in instances:
            instance.stop()


def new_user(prefix: str = "lb") -> str:
    return f"{prefix}-{uuid.uuid4().hex[:8]}"


def said(assistant: RunningAssistant, user: str, text: str) -> str:
    texts = assistant.say(user, text)
    assert texts, f"no reply to {text!r} from :{assistant.rasa_port}"
    return " ".join(texts)


def tracker_events(assistant: RunningAssistant, user: str) -> list[dict[str, Any]]:
    r = requests.get(f"{assistant.url}/conversations/{user}/tracker", headers=assistant.api_headers(), timeout=30)
    assert r.status_code == 200, r.text
    return r.json()["events"]


def user_texts(events: list[dict[str, Any]]) -> list[str]:
    return [e.get("text") for e in events if e["event"] == "user"]


def assert_whole_turns(events: list[dict[str, Any]]) -> None:
    """Every user message is answered and the turn ends (action_listen) before the next one starts."""
    users = [i for i, e in enumerate(events) if e["event"] == "user"]
    for here, following in zip(users, users[1:] + [len(events)]):
        turn = events[here + 1:following]
        said_something = [e for e in turn if e["event"] == "bot" and e.get("text")]
        assert said_something, f"no answer to {events[here].get('text')!r}: {turn}"
        last = turn[-1]
        assert last["event"] == "action" and last.get("name") == "action_listen", \
            f"turn of {events[here].get('text')!r} interleaved with another: {turn}"


# --- the lock store itself ------------------------------------------------------------------------------

def _issue_concurrently(store_class: type, per_instance: int = 100) -> list[int]:
    """Ticket numbers two lock store objects (two instances' connections) issue for one conversation at once."""
    conversation = "race-" + uuid.uuid4().hex
    stores = [store_class(host=REDIS_HOST, port=REDIS_PORT, db=REDIS_DB, key_prefix="locktest") for _ in range(2)]
    issued: list[list[int]] = [[], []]
    start = threading.Barrier(2)

    def issue(i: int) -> None:
        start.wait()
        issued[i].extend(stores[i].issue_ticket(conversation, 60) for _ in range(per_instance))

    threads = [threading.Thread(target=issue, args=(i,)) for i in range(2)]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    stores[0].delete_lock(conversation)
    return issued[0] + issued[1]


def test_the_atomic_lock_store_never_issues_a_ticket_twice(redis_db: Any) -> None:
    """Rasa's RedisLockStore (GET, change, SET) hands two instances the same ticket; ours never does."""
    from rasa.core.lock_store import RedisLockStore

    from rasa_components.lock_store import AtomicRedisLockStore

    ours = _issue_concurrently(AtomicRedisLockStore)
    assert sorted(ours) == list(range(len(ours)))  # every number once, none skipped
    theirs = _issue_concurrently(RedisLockStore)
    assert len(set(theirs)) < len(theirs), "Rasa's RedisLockStore no longer races: reconsider our class"


# --- one conversation, two instances ---------------------------------------------------------------

def test_one_users_turns_alternate_between_instances_as_one_conversation(deployment: Deployment) -> None:
    one, two = deployment.both
    user = new_user()
    turns: list[str] = []

    def on(assistant: RunningAssistant, text: str) -> str:
        turns.append(text)
        return said(assistant, user, text)

    on(one, "play some music")
    # a repeat is noticed by the other instance: it reads the first turn from the shared tracker store
    assert "What did you mean?" in on(two, "play some music")
    # and the answer to that question is taken by the first instance (the pending question is in the slots)
    assert "Got it: you like blues" in on(one, "blues")
    with PreferenceStore(deployment.preferences_url) as store:
        taught = store.get(user, "genre")
    assert [p.value for p in taught] == ["blues"] and taught[0].source.value == "teachable_moment"
    reply = on(two, "play some music")
    assert "blues" in reply and "since you told me" in reply, reply
    on(two, "I'm a Celtics fan")
    assert "Boston Celtics" in on(one, "how did my team do?")
    known = on(two, "what do you know about me?")
    assert "blues" in known and "Celtics" in known, known
    on(one, "forget that I like blues")  # forgotten on one instance is forgotten on the other at once
    with PreferenceStore(deployment.preferences_url) as store:
        assert store.get(user, "genre") == []
    assert "blues" not in on(two, "what do you know about me?")
    assert "since you told me" not in on(one, "play some music")

    # The shared tracker store holds every turn once, in the order sent, whichever instance took it.
    events_one, events_two = tracker_events(one, user), tracker_events(two, user)
    assert user_texts(events_one) == turns
    assert [(e["event"], e.get("timestamp")) for e in events_one] == \
        [(e["event"], e.get("timestamp")) for e in events_two]
    assert_whole_turns(events_one)


def test_simultaneous_turns_on_both_instances_are_serialised_by_the_lock_store(deployment: Deployment) -> None:
    """Without the shared Redis lock, two instances saving one tracker at once lose each other's events."""
    one, two = deployment.both
    user = new_user("race")
    texts = [("turn on the kitchen lights", "what's the weather in Boston"),
             ("play some jazz", "any technology news"),
             ("is the oven on?", "how did the Celtics do last night")]
    with ThreadPoolExecutor(max_workers=2) as pool:
        for first, second in texts:
            replies = [pool.submit(said, one, user, first), pool.submit(said, two, user, second)]
            assert all(r.result() for r in replies)
    events = tracker_events(two, user)
    assert sorted(user_texts(events)) == sorted(t for pair in texts for t in pair)
    assert_whole_turns(events)
    # each Rasa instance holds a connection to the lock store's database (our own client is the other one)
    clients = [c for c in redis_clients() if int(c.get("db", -1)) == deployment.redis_db]
    assert len(clients) >= 3, clients


# --- what the scheduled jobs learn, and how often they run ---------------------------------------------

def test_a_rewrite_mined_from_both_instances_logs_applies_on_both(deployment: Deployment) -> None:
    one, two = deployment.both
    assert "The Beatles" not in said(one, new_user("control"), FAILING)
    for i in range(4):  # each user fails on one instance and succeeds on the other
        user = new_user(f"crowd{i}")
        first, second = (one, two) if i % 2 else (two, one)
        said(first, user, FAILING)
        assert "The Beatles" in said(second, user, FIX)
    deadline = time.monotonic() + 120
    parsed: list[dict[str, Any]] = [{}, {}]
    while time.monotonic() < deadline and not all("rewrite" in p for p in parsed):
        time.sleep(1)
        parsed = [a.parse(FAILING) for a in deployment.both]  # /model/parse writes nothing to the log
    assert [p.get("rewrite", {}).get("target") for p in parsed] == [FIX, FIX], (parsed, one.logs(), two.logs())
    reply = said(two, new_user("newcomer"), FAILING)
    assert "The Beatles" in reply and f'I took "{FAILING}" as "{FIX}"' in reply


def _job_lines(assistant: RunningAssistant, job: str) -> tuple[int, int]:
    """(rounds this action server ran, rounds it left to another instance) of `job`, from its log."""
    log = (assistant.workdir / "actions.log").read_text(errors="replace")
    ran = len(re.findall(rf"job {re.escape(job)} done in", log))
    skipped = len(re.findall(rf"job {re.escape(job)}: another instance has it this round", log))
    return ran, skipped


def test_scheduled_jobs_run_once_per_round_not_once_per_instance(deployment: Deployment) -> None:
    def rounds_after_ready(found: list[dict[str, Any]]) -> int:
        return sum(v["status"] in ("active", "retired") and v["created_at"] > deployment.ready_at for v in found)

    with RewriteTable(deployment.preferences_url) as table:
        # Wait for what is asserted (five good rounds after start-up), not for a total that counts the rounds
        # that failed before Rasa created the log: on a busy machine those left only four good ones in 90 s.
        deadline = time.monotonic() + 150
        while time.monotonic() < deadline and rounds_after_ready(table.versions(limit=1000)) < 5:
            time.sleep(1)
        versions = sorted(table.versions(limit=1000), key=lambda v: v["id"])
    runs = {a.actions_port: _job_lines(a, "mine-rewrites") for a in deployment.both}
    # Until a Rasa instance has created the tracker table, a round finds no log to mine and fails; after that,
    # every round succeeds.
    failed = [v for v in versions if v["status"] == "failed"]
    assert all(v["created_at"] < deployment.ready_at and "events" in str(v["stats"]) for v in failed), failed
    done = [v for v in versions if v["status"] in ("active", "retired")]
    assert len([v for v in done if v["created_at"] > deployment.ready_at]) >= 5, versions
    # One round at a time: each mining run starts after the previous one ended, and not before the lease's
    # minimum interval (half a round) has passed; two instances both running a round would overlap or follow
    # each other within moments.
    min_gap = EVERY * 0.5 - timedelta(milliseconds=200)  # clock rounding between the two processes
    for before, after in zip(done, done[1:]):
        gap: timedelta = after["created_at"] - before["finished_at"]
        assert gap >= min_gap, f"versions {before['id']} and {after['id']} only {gap} apart: {versions}"
    # Both schedulers took part (each log shows rounds it ran or left to the other, and some were left), and
    # the runs the two logs report are the versions in the table, not twice as many.
    assert all(ran + skipped > 0 for ran, skipped in runs.values()), runs
    assert sum(skipped for _, skipped in runs.values()) > 0, runs
    ran = sum(r for r, _ in runs.values())
    assert len(done) <= ran <= len(done) + 1, (runs, versions)  # + 1: a run ending between the two reads
    # The rounds are as frequent as one scheduler's, not two: about one run per round over the span (a quarter
    # more for the schedulers' jitter on a busy machine; two schedulers each running would be twice as many).
    span = (done[-1]["created_at"] - done[0]["created_at"]).total_seconds()
    assert len(done) <= 1.25 * span / EVERY.total_seconds() + 2, (len(done), span)
    # The other job follows the same scheme.
    prune = {a.actions_port: _job_lines(a, "prune-log") for a in deployment.both}
    assert sum(r for r, _ in prune.values()) >= 1 and sum(s for _, s in prune.values()) >= 1, prune
    with JobLeases(deployment.preferences_url) as leases:
        assert leases.last_run("mine-rewrites") is not None and leases.last_run("prune-log") is not None
