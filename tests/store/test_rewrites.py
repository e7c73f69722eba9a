"""The rewrite table, job leases and the run-time rewriter, on SQLite and PostgreSQL."""
from __future__ import annotations

import threading
from datetime import timedelta

import pytest

from preferences.selflearning.runtime import RewriteRuntime, held_out
from preferences.selflearning.schedule import Job, run_once
from preferences.selflearning.selfaware import SelfAwareSettings, withdrawal_reason
from preferences.storage.leases import JobLeases
from preferences.storage.rewrites import NewRewrite, Outcomes, RewriteTable


def _maj(users: int = 4) -> NewRewrite:
    return NewRewrite("play maj and dragons", "play maj and dragons", "play imagine dragons", 0.9, 0.1, 12,
                      [f"u{i}" for i in range(users)])


@pytest.fixture
def table(db_url):
    t = RewriteTable(db_url)
    yield t
    t.close()


def test_a_version_is_used_only_once_activated_and_switches_atomically(table: RewriteTable) -> None:
    assert table.lookup() == {} and table.active_version() is None
    v1 = table.start_version("test")
    table.add(v1, [_maj()])
    assert table.lookup() == {}  # building: nobody reads it
    table.activate(v1, {"turns": 100})
    (rid, target), = table.lookup().values()
    assert target == "play imagine dragons" and table.active_version() == v1
    v2 = table.start_version("test")
    table.add(v2, [NewRewrite("weather in portland", "weather in portland", "weather in portland maine",
                              0.8, 0.2, 9, ["a", "b", "c"])])
    assert set(table.lookup()) == {"play maj and dragons"}  # v1 still in force while v2 is built
    table.activate(v2)
    assert set(table.lookup()) == {"weather in portland"}
    assert [v["status"] for v in table.versions()] == ["active", "retired"]


def test_an_interrupted_run_leaves_the_previous_version_in_force(table: RewriteTable) -> None:
    v1 = table.start_version("test")
    table.add(v1, [_maj()])
    table.activate(v1)
    v2 = table.start_version("test")  # the run dies here, before activate
    table.fail(v2, "killed")
    assert set(table.lookup()) == {"play maj and dragons"}
    with pytest.raises(ValueError):
        table.activate(v2)


def test_withdrawals_and_outcomes_carry_over_to_the_next_version(table: RewriteTable) -> None:
    v1 = table.start_version("test")
    table.add(v1, [_maj()])
    table.activate(v1)
    rid = table.list()[0].id
    table.set_outcomes({rid: Outcomes(2, 9, 4, 1)})
    assert table.withdraw(rid, "no longer beats the original")
    assert table.lookup() == {} and table.list()[0].status == "withdrawn"
    v2 = table.start_version("test")
    table.add(v2, [_maj()])
    table.activate(v2)
    again = table.list()[0]
    assert again.status == "withdrawn" and again.rewritten_failed == 9 and table.lookup() == {}


def test_a_forgotten_user_leaves_every_rewrites_evidence(table: RewriteTable) -> None:
    v1 = table.start_version("test")
    table.add(v1, [_maj(users=3)])
    table.activate(v1)
    rid = table.list()[0].id
    assert "u1" in table.evidence_users(rid)
    assert table.forget_user("u1", min_users=3) == 1
    rewrite = table.get(rid)
    assert "u1" not in table.evidence_users(rid) and rewrite.users == 2 and rewrite.status == "withdrawn"
    assert table.forget_user("nobody", min_users=3) == 0


def test_the_runtime_applies_the_table_holds_some_out_and_sees_new_versions(table: RewriteTable) -> None:
    clock = [0.0]
    rt = RewriteRuntime(table.lookup, held_out_share=0.2, refresh_seconds=30, clock=lambda: clock[0])
    assert rt.decide("Play Maj and Dragons!", "t1") is None
    v1 = table.start_version("test")
    table.add(v1, [_maj()])
    table.activate(v1)
    assert rt.decide("play maj and dragons", "t1") is None  # not re-read yet
    clock[0] = 31
    decisions = [rt.decide("Play maj and dragons!", f"turn-{i}") for i in range(500)]
    applied = [d for d in decisions if d.applied]
    assert all(d.text == "play imagine dragons" for d in applied)
    assert all(d.text == "Play maj and dragons!" for d in decisions if not d.applied)
    assert 0.12 < 1 - len(applied) / 500 < 0.28  # about the held-out share
    assert held_out("turn-7", 0.2) == held_out("turn-7", 0.2)  # a replay decides the same way
    assert rt.decide("play imagine dragons", "x") is None  # a request that works is untouched


def test_the_runtime_keeps_answering_when_the_database_goes_away(table: RewriteTable, tmp_path) -> None:
    v1 = table.start_version("test")
    table.add(v1, [_maj()])
    table.activate(v1)
    clock = [0.0]
    broken = RewriteTable(f"sqlite:///{tmp_path / 'missing' / 'nope.db'}")
    rt = RewriteRuntime(broken.lookup, refresh_seconds=1, clock=lambda: clock[0])
    assert rt.decide("play maj and dragons", "t") is None  # no table: interpreted as said, no error


def test_self_aware_rules() -> None:
    s = SelfAwareSettings(min_rewritten=10, min_held_out=5, min_success=0.5)
    assert withdrawal_reason(9, 0, 0, 5, s) is None  # too few rewritten turns to judge
    assert withdrawal_reason(8, 2, 1, 4, s) is None  # 80 % rewritten vs 20 % held out: keep
    assert "no longer beats" in withdrawal_reason(6, 4, 5, 0, s)  # the original does better
    assert "fails on its own" in withdrawal_reason(3, 9, 0, 0, s)


def test_a_job_runs_once_per_round_across_instances(db_url) -> None:
    leases = [JobLeases(db_url) for _ in range(4)]
    runs: list[str] = []
    lock = threading.Lock()

    def body(name: str):
        def run() -> str:
            with lock:
                runs.append(name)
            return name
        return run

    # Many rounds: on PostgreSQL one instance could run and release the job between another's reading the
    # lease and taking it, and then both ran it (19 of 150 rounds before the fix, 0 after).
    for rounds, job in enumerate(["mine", *(f"round-{r}" for r in range(15))], start=1):
        barrier = threading.Barrier(4)

        def instance(i: int) -> None:
            barrier.wait()
            run_once(leases[i], Job(job, body(f"{job}:{i}"), timedelta(minutes=10)), holder=f"instance-{i}")

        threads = [threading.Thread(target=instance, args=(i,)) for i in range(4)]
        for t in threads:
            t.start()
        for t in threads:
            t.join()
        assert len(runs) == rounds, runs  # four schedulers fired together; one ran it
    assert run_once(leases[0], Job("mine", body("again"), timedelta(minutes=10)), holder="instance-0") is None
    assert leases[0].last_run("mine") is not None
    for lease in leases:
        lease.close()
