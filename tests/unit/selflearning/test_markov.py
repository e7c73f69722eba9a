"""The absorbing chain: a hand-computed example, the support thresholds, and properties of B."""
from __future__ import annotations

import numpy as np
import pytest
from hypothesis import given, settings as hsettings, strategies as st

from preferences.selflearning.markov import (FAIL, SUCCESS, absorption_probabilities, absorption_rows, build_chain,
                                             choose_rewrites)
from preferences.selflearning.settings import MiningSettings

# a -> b 50 %, a -> c 20 %, a succeeds 20 %, fails 10 %; b succeeds 90 %, fails 10 %; c -> a 50 %, fails 50 %.
EDGES = {("a", "b"): (50, 9), ("a", "c"): (20, 9), ("a", SUCCESS): (20, 9), ("a", FAIL): (10, 9),
         ("b", SUCCESS): (90, 9), ("b", FAIL): (10, 9), ("c", "a"): (50, 9), ("c", FAIL): (50, 9)}
# By hand: B[a,S(b)] = .5 * .9 + .2 * .5 * B[a,S(b)]  => .45 / .9 = .5
#          B[a,S(a)] = .2 + .1 * B[a,S(a)]             => .2 / .9
#          B[c,.] = .5 * B[a,.] + .5 * FAIL
HAND = {("a", "a"): 0.2 / 0.9, ("a", "b"): 0.5, ("b", "b"): 0.9, ("c", "a"): 0.1 / 0.9, ("c", "b"): 0.25}


def dense_b(edges, settings: MiningSettings) -> tuple[list[str], np.ndarray]:
    """The textbook formula with a dense inverse: only ever in a test, as the reference."""
    chain = build_chain(edges, settings)
    n = len(chain.states)
    q = chain.q.toarray()
    r = np.hstack([np.diag(chain.success), chain.fail.reshape(-1, 1)])
    return list(chain.states), np.linalg.inv(np.eye(n) - q) @ r


def test_hand_computed_example() -> None:
    chain = build_chain(EDGES, MiningSettings())
    assert chain.states == ("a", "b", "c")
    b = absorption_probabilities(chain)
    for (i, j), expected in HAND.items():
        assert b[chain.index[i], chain.index[j]] == pytest.approx(expected)
    assert b[chain.index["a"], 3] == pytest.approx(0.25 / 0.9)  # FAIL
    assert b.sum(axis=1) == pytest.approx(np.ones(3))
    states, reference = dense_b(EDGES, MiningSettings())
    assert np.allclose(b, reference)
    rows = absorption_rows(chain, [chain.index["c"]]).toarray()
    assert np.allclose(rows[0], reference[chain.index["c"]])


def test_the_decision_against_the_hand_computed_numbers() -> None:
    always = lambda s, t: True  # noqa: E731
    chain = build_chain(EDGES, MiningSettings())
    chosen, why = choose_rewrites(chain, {"a": 0.2}, always, MiningSettings())
    assert [(c.source, c.target) for c in chosen] == [("a", "b")]
    assert chosen[0].probability == pytest.approx(0.5) and chosen[0].own_success_rate == 0.2
    assert why == {"components_solved": 1, "below_min_probability": 1, "no_target": 1}  # c: .25; b: nowhere else
    lenient, _ = choose_rewrites(chain, {"a": 0.2}, always, MiningSettings(min_probability=0.25))
    assert [(c.source, c.target) for c in lenient] == [("a", "b"), ("c", "b")]
    stricter, why = choose_rewrites(chain, {"a": 0.35}, always, MiningSettings())
    assert stricter == [] and why["below_min_margin"] == 1  # .5 - .35 < .2
    unsupported, why = choose_rewrites(chain, {}, lambda s, t: False, MiningSettings())
    assert unsupported == [] and why["unsupported_end_to_end"] == 1


def test_edges_without_support_leak_instead_of_inflating_the_rest() -> None:
    edges = {("x", "y"): (5, 3), ("x", FAIL): (5, 2), ("y", SUCCESS): (2, 3), ("y", FAIL): (8, 3)}
    chain = build_chain(edges, MiningSettings())  # x -> FAIL has 2 users, y -> SUCCESS 2 occurrences: dropped
    assert chain.edges_seen == 4 and chain.edges_kept == 2
    b = absorption_probabilities(chain)
    x, y = chain.index["x"], chain.index["y"]
    assert b[x].sum() == pytest.approx(0.5 * 0.8)  # x reaches y half the time, y fails 80 %: the rest leaked
    assert b[x, y] == 0 and b[y, y] == 0


def test_one_users_habit_is_not_an_edge() -> None:
    edges = {("play the usual", "play my mix"): (50, 1), ("play the usual", FAIL): (10, 4),
             ("play my mix", SUCCESS): (50, 1)}
    chain = build_chain(edges, MiningSettings())
    assert chain.states == ("play the usual",)
    chosen, _ = choose_rewrites(chain, {}, lambda s, t: True, MiningSettings())
    assert chosen == []


STATES = ["s0", "s1", "s2", "s3", "s4", "s5"]
edge_sets = st.dictionaries(
    st.tuples(st.sampled_from(STATES), st.sampled_from(STATES + [SUCCESS, FAIL])),
    st.tuples(st.integers(1, 40), st.integers(1, 6)), min_size=1, max_size=25)


def ends_somewhere(edges) -> dict:
    """Real counts always end: every state with edges has some absorbing edge (its last turn of a path)."""
    out = dict(edges)
    for src in {s for s, _ in edges}:
        if not any(s == src and d in (SUCCESS, FAIL) for s, d in edges):
            out[(src, FAIL)] = (1, 1)
    return out


@given(edge_sets)
@hsettings(max_examples=150, deadline=None)
def test_absorption_probabilities_are_probabilities(edges) -> None:
    edges = ends_somewhere(edges)
    for s in (MiningSettings(), MiningSettings(min_edge_count=1, min_edge_users=1)):
        chain = build_chain(edges, s)
        b = absorption_probabilities(chain)
        assert np.all(b >= 0) and np.all(b <= 1)
        assert np.all(b.sum(axis=1) <= 1 + 1e-9)
        if len(chain.states):
            _, reference = dense_b(edges, s)
            assert np.allclose(b, reference, atol=1e-9)


@given(edge_sets, st.floats(0, 1))
@hsettings(max_examples=80, deadline=None)
def test_chosen_rewrites_meet_every_threshold(edges, own) -> None:
    edges = ends_somewhere(edges)
    s = MiningSettings(min_edge_count=1, min_edge_users=1, min_probability=0.3, min_margin=0.1)
    chain = build_chain(edges, s)
    b = absorption_probabilities(chain)
    chosen, _ = choose_rewrites(chain, {state: own for state in STATES}, lambda a, c: True, s)
    for c in chosen:
        i, j = chain.index[c.source], chain.index[c.target]
        assert c.source != c.target
        assert c.probability == pytest.approx(b[i, j])
        assert c.probability >= 0.3 and c.probability - own >= 0.1
        assert c.probability == pytest.approx(max(b[i, k] for k in range(len(chain.states)) if k != i))
