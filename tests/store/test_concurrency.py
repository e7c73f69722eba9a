"""Concurrent writers of the same user never lose an update (threads and processes, both databases).

Every worker reaffirms the same preference (a read-modify-write of its
evidence counter: a lost update would show as a smaller count), adds its own
distinct values (lost inserts would show as missing rows), and sets the
single-valued home city (exactly one may survive, with one superseded entry
per replacement). The history count must be exactly what the calls imply.
"""
from __future__ import annotations

import multiprocessing
import threading

import pytest

from preferences.records import ChangeAction
from preferences.store import PreferenceStore

USER = "shared-user"


def plain(slot: str, value: str) -> str | None:
    return value.strip() or None


def work(url: str, worker: int, n: int, barrier) -> None:
    with PreferenceStore(url, normalizer=plain) as s:
        barrier.wait(timeout=30)
        for i in range(n):
            s.record(USER, "music", "genre", "jazz", utterance=f"w{worker} #{i}")
            s.record(USER, "misc", "tag", f"w{worker}-{i}")
            s.record(f"own-{worker}", "misc", "tag", f"t{i}")
        s.record(USER, "location", "home_city", f"city {worker}")


def check(url: str, workers: int, n: int) -> None:
    with PreferenceStore(url, normalizer=plain) as s:
        [jazz] = s.get(USER, "genre")
        assert jazz.evidence == workers * n, "a concurrent reaffirmation was lost"
        assert {p.value for p in s.get(USER, "tag")} == {f"w{w}-{i}" for w in range(workers) for i in range(n)}
        [city] = s.get(USER, "home_city")
        assert city.value in {f"city {w}" for w in range(workers)}
        hist = s.history(USER)
        superseded = [h for h in hist if h.action is ChangeAction.SUPERSEDED]
        assert len(superseded) == workers - 1
        assert len(hist) == 2 * workers * n + workers + (workers - 1)
        assert sum(h.action is ChangeAction.CREATED for h in hist if h.slot == "genre") == 1
        for w in range(workers):  # per-user rows untouched by the others
            assert sorted(p.value for p in s.get(f"own-{w}", "tag")) == sorted(f"t{i}" for i in range(n))
            assert len(s.history(f"own-{w}")) == n
        assert s.stats()["users"] == workers + 1


def test_concurrent_threads_lose_nothing(db_url):
    workers, n = 8, 12
    barrier = threading.Barrier(workers)
    errors: list[BaseException] = []

    def run(w):
        try:
            work(db_url, w, n, barrier)
        except BaseException as exc:  # noqa: BLE001 - reported below
            errors.append(exc)

    threads = [threading.Thread(target=run, args=(w,)) for w in range(workers)]
    for t in threads:
        t.start()
    for t in threads:
        t.join(timeout=120)
    assert not errors, errors
    check(db_url, workers, n)


def test_concurrent_processes_lose_nothing(db_url):
    workers, n = 4, 12
    ctx = multiprocessing.get_context("fork")
    barrier = ctx.Barrier(workers)
    procs = [ctx.Process(target=work, args=(db_url, w, n, barrier)) for w in range(workers)]
    for p in procs:
        p.start()
    for p in procs:
        p.join(timeout=120)
    assert [p.exitcode for p in procs] == [0] * workers
    check(db_url, workers, n)


@pytest.mark.parametrize("workers", [6])
def test_concurrent_flips_and_forgets_keep_one_consistent_row(db_url, workers):
    """Likes, dislikes and forgets of one value racing: at most one row, history matches the row."""
    barrier = threading.Barrier(workers)
    errors: list[BaseException] = []

    def run(w):
        try:
            with PreferenceStore(db_url, normalizer=plain) as s:
                barrier.wait(timeout=30)
                for i in range(10):
                    if w == 0 and i % 3 == 2:
                        s.forget(USER, "genre", "jazz")
                    else:
                        s.record(USER, "music", "genre", "jazz", polarity="like" if (w + i) % 2 else "dislike")
        except BaseException as exc:  # noqa: BLE001
            errors.append(exc)

    threads = [threading.Thread(target=run, args=(w,)) for w in range(workers)]
    for t in threads:
        t.start()
    for t in threads:
        t.join(timeout=120)
    assert not errors, errors
    with PreferenceStore(db_url, normalizer=plain) as s:
        rows = s.get(USER, "genre")
        assert len(rows) <= 1
        live = [h for h in s.why(USER, "genre", "jazz") if h.value is not None]
        if rows:  # the history since the last forget explains exactly the current row
            assert live[0].action is ChangeAction.CREATED
            assert live[-1].polarity is rows[0].polarity
            last_new = max(i for i, h in enumerate(live) if h.action in (ChangeAction.CREATED, ChangeAction.FLIPPED))
            assert all(h.action is ChangeAction.REAFFIRMED for h in live[last_new + 1:])
            assert rows[0].evidence == len(live) - last_new  # 1 + reaffirmations since the last flip
        else:
            assert live == []
