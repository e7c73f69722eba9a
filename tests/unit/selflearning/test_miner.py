"""The mining pass end to end on a small population, and its promises: determinism, streaming, support."""
from __future__ import annotations

import gc
import json
import random
import weakref
from collections.abc import Iterator
from pathlib import Path

import dask.bag as db
from hypothesis import given, settings as hsettings, strategies as st

from preferences.selflearning.jsonl import turn_to_json, write_jsonl
from preferences.selflearning.miner import MiningResult, mine, mine_jsonl
from preferences.selflearning.normalize import request_key
from preferences.selflearning.settings import MiningSettings
from preferences.selflearning.turns import LoggedTurn

from .population import FAILING, FIX, HABIT, WORKS, population

NOW = 1_800_000_000.0
TURNS = population()


def keys_of(result: MiningResult) -> set[tuple[str, str]]:
    return {(r.source_key, r.target_key) for r in result.rewrites}


def test_the_planted_rewrite_is_found_and_nothing_else() -> None:
    result = mine([TURNS], scheduler="sync", now=NOW)
    assert keys_of(result) == {(request_key(FAILING), request_key(FIX))}
    [rewrite] = result.rewrites
    assert rewrite.source_text == FAILING and rewrite.target_text == FIX  # the most frequent spellings
    assert rewrite.own_success_rate == 0.0 and 0.5 <= rewrite.probability <= 1.0
    assert rewrite.distinct_users == len(rewrite.evidence_users) >= 3 and rewrite.evidence_complete
    assert rewrite.edge_count >= rewrite.distinct_users
    assert result.stats["turns"] == len(TURNS) and result.stats["read"]["skipped"] == 0


def test_a_request_that_works_is_left_alone_and_a_private_habit_is_not_learned() -> None:
    result = mine([TURNS], scheduler="sync", now=NOW)
    sources = {r.source_key for r in result.rewrites}
    assert request_key(WORKS) not in sources
    assert request_key(HABIT) not in sources  # fifty times, one user
    lenient = mine([TURNS], MiningSettings(min_edge_users=1, max_evidence_users=1), scheduler="sync", now=NOW)
    assert request_key(HABIT) in {r.source_key for r in lenient.rewrites}  # ... which is the only reason


def test_evidence_names_the_users_so_a_forgotten_one_can_be_rechecked() -> None:
    result = mine([TURNS], scheduler="sync", now=NOW)
    [rewrite] = result.rewrites
    gone = rewrite.evidence_users[0]
    assert result.citing(gone) == [rewrite] and result.citing("habit_user") == []
    after = mine([[t for t in TURNS if t.user_id != gone]], scheduler="sync", now=NOW)
    assert after.rewrites[0].distinct_users == rewrite.distinct_users - 1
    assert gone not in after.rewrites[0].evidence_users


def test_evidence_is_bounded() -> None:
    result = mine([TURNS], MiningSettings(max_evidence_users=4), scheduler="sync", now=NOW)
    [rewrite] = result.rewrites
    assert len(rewrite.evidence_users) == 4 < rewrite.distinct_users and not rewrite.evidence_complete
    assert list(rewrite.evidence_users) == sorted(rewrite.evidence_users)


@given(st.randoms(use_true_random=False), st.integers(1, 12), st.integers(1, 40))
@hsettings(max_examples=12, deadline=None)
def test_mining_is_deterministic_and_independent_of_partitioning(rnd: random.Random, parts: int,
                                                                 buckets: int) -> None:
    shuffled = TURNS[:]
    rnd.shuffle(shuffled)
    cuts = sorted(rnd.sample(range(1, len(shuffled)), parts - 1)) if parts > 1 else []
    partitions = [shuffled[a:b] for a, b in zip([0, *cuts], [*cuts, len(shuffled)])]
    result = mine(iter(partitions), scheduler="sync", buckets=buckets, now=NOW)
    assert result.rewrites == REFERENCE.rewrites
    for key in ("turns", "sessions", "requests", "defects", "chains", "signals", "states", "edges_kept"):
        assert result.stats[key] == REFERENCE.stats[key], key


REFERENCE = mine([TURNS], scheduler="sync", now=NOW)


def test_a_dask_bag_of_turns_or_dicts_gives_the_same_result() -> None:
    bag = db.from_sequence(TURNS, npartitions=5)
    assert mine(bag, scheduler="sync", now=NOW).rewrites == REFERENCE.rewrites
    dicts = db.from_sequence([turn_to_json(t) for t in TURNS], npartitions=3)
    assert mine(dicts, scheduler="threads", now=NOW).rewrites == REFERENCE.rewrites


class Batch(list):
    """A list that can be watched with a weak reference."""


def test_a_generator_of_batches_is_streamed_not_held() -> None:
    refs: list[weakref.ref] = []
    alive_when_yielding: list[int] = []

    def batches() -> Iterator[Batch]:
        for i in range(0, len(TURNS), 25):
            gc.collect()
            alive_when_yielding.append(sum(ref() is not None for ref in refs))
            batch = Batch(TURNS[i:i + 25])
            refs.append(weakref.ref(batch))
            yield batch
            del batch

    result = mine(batches(), scheduler="sync", now=NOW)
    assert result.rewrites == REFERENCE.rewrites
    assert len(alive_when_yielding) > 5 and max(alive_when_yielding) <= 1  # only the batch being spilled


def test_bad_dicts_are_counted_not_fatal() -> None:
    dicts: list[object] = [turn_to_json(t) for t in TURNS]
    dicts += [{"text": "no ids"}, {**turn_to_json(TURNS[0]), "ts": "soon"}, "not a dict"]
    result = mine([dicts], scheduler="sync", now=NOW)
    assert result.rewrites == REFERENCE.rewrites
    assert result.stats["read"]["malformed"] == {"bad_timestamp": 1, "missing_field": 1, "not_object": 1}


def test_mine_jsonl_on_worker_processes_with_bad_lines(tmp_path: Path) -> None:
    path = tmp_path / "log.jsonl"
    write_jsonl(TURNS, path)
    with path.open("a") as f:
        f.write("garbage\n")
        f.write(json.dumps({**turn_to_json(TURNS[0]), "ts": NOW + 10 * 86_400}) + "\n")
    result = mine_jsonl(path, now=NOW, blocksize=4096, workers=2)  # the default process pool
    assert result.rewrites == REFERENCE.rewrites
    assert result.stats["read"]["malformed"] == {"in_future": 1, "not_json": 1}
    assert result.stats["turns"] == len(TURNS)


def test_rewritten_turns_keep_a_working_rewrite_alive() -> None:
    """Traffic after deployment: most of it rewritten (and working), some held out (and failing)."""
    later: list[LoggedTurn] = []
    for u in range(12):
        for s in range(3):
            ts = NOW - 1e6 + u * 10_000 + s * 1_000
            held = s == 0
            later.append(LoggedTurn(f"user{u:02d}", f"later-{u}-{s}", ts, FAILING,
                                    interpreted_text=None if held else FIX, rewrite_id=None if held else 1,
                                    intent="nlu_fallback" if held else "play_music", held_out=held))
    result = mine([later], scheduler="sync", now=NOW)
    [rewrite] = result.rewrites
    assert (rewrite.source_key, rewrite.target_key) == (request_key(FAILING), request_key(FIX))
    assert rewrite.own_success_rate == 0.0  # measured on the held-out turns only
    assert result.stats["rewritten"] == 24 and result.stats["held_out"] == 12


def test_the_same_mining_runs_on_a_dask_distributed_cluster_by_address(tmp_path: Path) -> None:
    """The documented way to scale out: a scheduler address, same code, same rewrites (docs/pins.md)."""
    from dask.distributed import LocalCluster

    with LocalCluster(n_workers=2, threads_per_worker=1, processes=True, dashboard_address=None,
                      host="127.0.0.1") as cluster:
        on_cluster = mine([TURNS], scheduler_address=cluster.scheduler_address, spill_dir=tmp_path, now=NOW)
        assert cluster.scheduler_address.startswith("tcp://127.0.0.1:")
    assert on_cluster.rewrites == REFERENCE.rewrites != []
    assert on_cluster.stats["turns"] == REFERENCE.stats["turns"]
