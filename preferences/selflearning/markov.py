"""The absorbing Markov chain pooled over all users, and the rewrite it recommends per request.

States. Transient: a request key. Absorbing: "succeeded as j" for each
request j (reached only from j itself, when a turn that NLU saw as j
succeeded) and FAIL. Every request turn contributes exactly one edge: to
the next request of its chain, to its own success, or to FAIL.

Support. An edge is kept if it was seen at least k times from at least m
distinct users (`MiningSettings.min_edge_count`, `min_edge_users`). Kept
edges are normalised by *all* the turns of their source state, dropped ones
included: the mass of the dropped edges leaks out of the chain instead of
being spread over the kept ones, so rare evidence is never inflated, every
row of Q sums to less than one where something was dropped, and I − Q is
always invertible (every observed path ends in an absorbing state).

Solve. With P = [[Q, R], [0, I]], the absorption probabilities are
B = (I − Q)⁻¹ R. Nothing is inverted: I − Q is factorised once per weakly
connected component of the transient graph (sparse LU), and only the rows
of B that a decision needs are solved for (``A^T y = e_i`` gives row i of
(I − Q)⁻¹). Since R is diagonal in the success columns, B[i, S(j)] =
(I − Q)⁻¹[i, j] · R[j, S(j)].

Decision. For a transient state i, its rewrite is the j ≠ i with the
highest B[i, S(j)], accepted only if that probability is at least
`min_probability`, exceeds i's own success rate by `min_margin`, and
enough users actually went from i to success as j (the end-to-end support,
checked by the caller-supplied `support`).
"""
from __future__ import annotations

import logging
from collections import defaultdict
from collections.abc import Callable, Iterable, Iterator, Mapping, Sequence
from dataclasses import dataclass, field

import numpy as np
import scipy.sparse as sp
from scipy.sparse.csgraph import connected_components
from scipy.sparse.linalg import splu

from preferences.selflearning.settings import MiningSettings

log = logging.getLogger(__name__)

# Destinations of absorbing edges. Request keys never contain control characters
# (normalize.request_key removes them), so these cannot collide with a key.
SUCCESS = "\x00success"  # "succeeded as <the source state>"
FAIL = "\x00fail"
ABSORBING = (SUCCESS, FAIL)

EdgeCounts = Mapping[tuple[str, str], tuple[int, int]]  # (source, destination) -> (turns, distinct users)


@dataclass(frozen=True, eq=False)
class AbsorbingChain:
    """Q and R of the pooled chain over the states that kept at least one edge.

    Column j < n of R is "succeeded as states[j]"; column n is FAIL.
    """

    states: tuple[str, ...]  # sorted, so every run numbers them the same way
    q: sp.csr_matrix  # n x n transient -> transient
    success: np.ndarray  # R[j, S(j)] per state
    fail: np.ndarray  # R[j, FAIL] per state
    edges_seen: int
    edges_kept: int
    index: Mapping[str, int] = field(repr=False, default_factory=dict)

    @property
    def r(self) -> sp.csr_matrix:
        n = len(self.states)
        return sp.hstack([sp.diags(self.success, format="csr", shape=(n, n)),
                          sp.csr_matrix(self.fail.reshape(-1, 1))], format="csr")


def build_chain(edges: EdgeCounts, settings: MiningSettings) -> AbsorbingChain:
    """The chain of the edges that meet the support thresholds (see the module docstring)."""
    totals: dict[str, int] = defaultdict(int)
    for (src, _dst), (count, _users) in edges.items():
        totals[src] += count
    kept = {e: c for e, (c, users) in edges.items()
            if c >= settings.min_edge_count and users >= settings.min_edge_users}
    states = sorted({src for src, _ in kept} | {dst for _, dst in kept if dst not in ABSORBING})
    index = {s: i for i, s in enumerate(states)}
    n = len(states)
    success, fail = np.zeros(n), np.zeros(n)
    rows, cols, vals = [], [], []
    for (src, dst), count in kept.items():
        i, p = index[src], count / totals[src]
        if dst == SUCCESS:
            success[i] = p
        elif dst == FAIL:
            fail[i] = p
        else:
            rows.append(i)
            cols.append(index[dst])
            vals.append(p)
    q = sp.csr_matrix((vals, (rows, cols)), shape=(n, n))
    return AbsorbingChain(tuple(states), q, success, fail, len(edges), len(kept), index)


def components(chain: AbsorbingChain) -> Iterator[np.ndarray]:
    """State indices (ascending) of each weakly connected component of the transient graph."""
    n = len(chain.states)
    if n == 0:
        return
    count, labels = connected_components(chain.q, directed=True, connection="weak")
    order = np.argsort(labels, kind="stable")
    bounds = np.flatnonzero(np.diff(labels[order])) + 1
    yield from np.split(order, bounds)


def _factor(chain: AbsorbingChain, members: np.ndarray):  # -> SuperLU
    a = sp.identity(len(members), format="csc") - chain.q[members][:, members].tocsc()
    return splu(a.tocsc())


def absorption_probabilities(chain: AbsorbingChain) -> np.ndarray:
    """The whole B (n x (n + 1), dense): for inspection and tests of small chains.

    Still solved per component with a sparse LU, never by inversion; the
    miner asks only for the rows it needs (`absorption_rows`).
    """
    n = len(chain.states)
    b = np.zeros((n, n + 1))
    for members in components(chain):
        lu = _factor(chain, members)
        rhs = np.zeros((len(members), len(members) + 1))
        rhs[np.arange(len(members)), np.arange(len(members))] = chain.success[members]
        rhs[:, -1] = chain.fail[members]
        x = lu.solve(rhs)
        b[np.ix_(members, members)] = x[:, :-1]
        b[members, n] = x[:, -1]
    return np.clip(b, 0.0, 1.0)


def _rows_in(chain: AbsorbingChain, members: np.ndarray, sources: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
    """B for the `sources` (chain indices, all in `members`): over the component's success columns, and FAIL."""
    lu = _factor(chain, members)
    position = {int(s): k for k, s in enumerate(members)}
    e = np.zeros((len(members), len(sources)))
    e[[position[int(s)] for s in sources], np.arange(len(sources))] = 1.0
    y = lu.solve(e, trans="T")  # column k = row `sources[k]` of (I - Q)^-1, over the members
    success = np.clip(y.T * chain.success[members], 0.0, 1.0)
    fail = np.clip(y.T @ chain.fail[members], 0.0, 1.0)
    return success, fail


def absorption_rows(chain: AbsorbingChain, sources: Iterable[int]) -> sp.csr_matrix:
    """Rows `sources` of B (len(sources) x (n + 1), sparse): one solve per component, for just these rows."""
    sources = list(sources)
    n = len(chain.states)
    wanted = set(sources)
    out = sp.lil_matrix((len(sources), n + 1))
    where = {s: k for k, s in enumerate(sources)}
    for members in components(chain):
        mine = np.array([s for s in members if int(s) in wanted], dtype=int)
        if not len(mine):
            continue
        success, fail = _rows_in(chain, members, mine)
        for k, s in enumerate(mine):
            row = where[int(s)]
            out[row, members] = success[k]
            out[row, n] = fail[k]
    return out.tocsr()


@dataclass(frozen=True)
class RewriteChoice:
    """The best target of one request, with the two numbers the decision compared."""

    source: str
    target: str
    probability: float  # B[source, succeeded as target]
    own_success_rate: float  # how often the source succeeded as it was


def choose_rewrites(chain: AbsorbingChain, own_success: Mapping[str, float],
                    support: Callable[[str, str], bool], settings: MiningSettings,
                    candidates: Sequence[str] | None = None) -> tuple[list[RewriteChoice], dict[str, int]]:
    """The accepted rewrites (sorted by source) and counts of why others were not.

    `candidates` limits the sources examined (default: every state); sources
    for which `support` can hold for no target are best left out, since each
    examined source costs a solve.
    """
    index = chain.index or {s: i for i, s in enumerate(chain.states)}
    wanted = sorted({index[c] for c in (candidates if candidates is not None else chain.states) if c in index})
    why: dict[str, int] = defaultdict(int)
    chosen: list[RewriteChoice] = []
    wanted_set = set(wanted)
    for members in components(chain):
        mine = np.array([s for s in members if int(s) in wanted_set], dtype=int)
        if not len(mine):
            continue
        why["components_solved"] += 1
        try:
            success, _fail = _rows_in(chain, members, mine)
        except RuntimeError:  # singular: cannot happen with leaked normalisation; skip rather than guess
            log.warning("singular component of %d states skipped", len(members))
            why["singular_components"] += 1
            continue
        for k, s in enumerate(mine):
            scores = success[k].copy()
            scores[np.searchsorted(members, s)] = -1.0  # j != i
            best = int(np.argmax(scores))
            probability = float(scores[best])
            source, target = chain.states[int(s)], chain.states[int(members[best])]
            own = float(own_success.get(source, 0.0))
            if probability <= 0:
                why["no_target"] += 1
            elif probability < settings.min_probability:
                why["below_min_probability"] += 1
            elif probability - own < settings.min_margin:
                why["below_min_margin"] += 1
            elif not support(source, target):
                why["unsupported_end_to_end"] += 1
            else:
                chosen.append(RewriteChoice(source, target, probability, own))
    chosen.sort(key=lambda c: c.source)
    return chosen, dict(why)
