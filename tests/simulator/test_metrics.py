"""The figures: definitions applied exactly, ties kept out of win/loss, intervals that cover the estimate."""
from __future__ import annotations

import numpy as np
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from simulator import metrics
from simulator.driver import Episode, Turn
from simulator.judge import Observation, Verdict
from simulator.world import Goal, GoalKind

pytestmark = pytest.mark.unit
GOAL = Goal(GoalKind.ARTIST, artist="Adele")


def turn(user: str, ep: int, attempt: int, ok: bool, rewritten: bool = False, text: str = "play adel") -> Turn:
    t = Turn(user, ep, "request", attempt, text, [], Verdict(ok, Observation(), "ok" if ok else "x"))
    t.rewrite = {"kind": "precomputed", "applied": True} if rewritten else None
    return t


def episode(user: str, index: int, *turns: Turn) -> Episode:
    return Episode(user, index, GOAL, "B", list(turns))


def test_defect_rates_follow_their_definitions() -> None:
    eps = [episode("u1", 0, turn("u1", 0, 0, False), turn("u1", 0, 1, True)),  # repaired: first-request defect
           episode("u1", 1, turn("u1", 1, 0, True)),
           episode("u2", 0, turn("u2", 0, 0, False), turn("u2", 0, 1, False))]  # never: both defects
    counts = metrics.user_counts(eps)
    matrix, strata = metrics.count_matrix([{"none": counts}], ["none"])
    s = metrics.summarise(matrix.sum(axis=0), ["none"])
    assert s["defect_rate"]["none"] == pytest.approx(2 / 3)
    assert s["episode_defect_rate"]["none"] == pytest.approx(1 / 3)
    assert s["request_defect_rate"]["none"] == pytest.approx(3 / 5)


def test_replay_counts_wins_losses_ties_and_unpaired() -> None:
    base = [episode("u", 0, turn("u", 0, 0, False)), episode("u", 1, turn("u", 1, 0, True)),
            episode("u", 2, turn("u", 2, 0, True)), episode("u", 3, turn("u", 3, 0, False, text="other"))]
    treated = [episode("u", 0, turn("u", 0, 0, True, rewritten=True)),   # fixed: win
               episode("u", 1, turn("u", 1, 0, False, rewritten=True)),  # broke it: loss
               episode("u", 2, turn("u", 2, 0, True, rewritten=True)),   # worked either way: tie
               episode("u", 3, turn("u", 3, 0, True, rewritten=True)),   # another text there: unpaired
               episode("u", 4, turn("u", 4, 0, True, rewritten=False))]  # not rewritten: not counted
    r = metrics.replay([(1, treated, base)])
    assert (r["wins"], r["losses"], r["ties"], r["unpaired"]) == (1, 1, 1, 1)
    assert r["ratio"] == 1.0
    j = metrics.judged(t for ep in treated for t in ep.turns)
    assert (j["wins"], j["losses"]) == (3, 1) and j["ratio"] == 3.0


def test_a_ratio_without_losses_is_infinite_not_a_number() -> None:
    wl = metrics.win_loss(7, 0)
    assert wl["ratio"] is None and wl["ratio_infinite"] and wl["ratio_ci95"][1] is None
    assert metrics.win_loss(0, 0)["ratio_ci95"] is None


@given(st.integers(0, 300), st.integers(0, 300))
@settings(max_examples=200, deadline=None)
def test_the_wilson_interval_contains_the_share(wins: int, losses: int) -> None:
    interval = metrics.wilson(wins, losses)
    if wins + losses == 0:
        assert interval is None
    else:
        lo, hi = interval
        assert 0 <= lo <= wins / (wins + losses) <= hi <= 1


def test_reductions_and_personal_gain() -> None:
    totals = np.array([[100, 40, 0, 0, 0, 0], [100, 25, 0, 0, 0, 0], [100, 24, 0, 0, 0, 0]], dtype=float)
    s = metrics.summarise(totals, ["none", "global", "global_personal"])
    assert s["defect_reduction"]["global"] == pytest.approx(0.375)
    assert s["personal_gain"] == pytest.approx(0.04)


@given(st.lists(st.tuples(st.integers(1, 6), st.integers(0, 6), st.integers(0, 6)), min_size=2, max_size=25))
@settings(max_examples=40, deadline=None)
def test_bootstrap_intervals_cover_the_pooled_estimate(users: list[tuple[int, int, int]]) -> None:
    per_seed = [{"none": {f"u{i}": metrics.UserCounts(n, min(a, n), min(a, n), n, min(a, n), 0)
                          for i, (n, a, _) in enumerate(users)},
                 "global": {f"u{i}": metrics.UserCounts(n, min(b, n), min(b, n), n, min(b, n), 0)
                            for i, (n, _, b) in enumerate(users)}}]
    conditions = ["none", "global"]
    matrix, strata = metrics.count_matrix(per_seed, conditions)
    point = metrics.summarise(matrix.sum(axis=0), conditions)
    ci = metrics.bootstrap(matrix, strata, conditions, draws=200)
    for c in conditions:
        lo, hi = ci[f"defect_rate.{c}"]
        assert lo - 1e-9 <= point["defect_rate"][c] <= hi + 1e-9


def test_across_seeds_needs_two_values_for_an_interval() -> None:
    assert metrics.across_seeds([0.3])["ci95"] is None
    two = metrics.across_seeds([0.2, 0.4, None])
    assert two["mean"] == pytest.approx(0.3) and two["ci95"][0] < 0.3 < two["ci95"][1]
