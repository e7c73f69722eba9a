"""The figures: defect rates per condition, win/loss of rewrites (judged and replay), with honest intervals.

Definitions (docs/simulator.md repeats them):

* defect rate: share of test episodes whose *first* request did not achieve
  the user's true goal. First requests are the same text in every condition
  (paired noise), so the conditions are compared on identical requests.
  Also reported: the episode defect rate (goal never achieved, after all the
  user's repairs) and the request defect rate (every request turn).
* rewritten: a request turn whose tracker event carries `rewrite` with
  `held_out` false, or `online_rewrite`.
* judged win/loss: rewritten request turns whose result matched the true
  goal (win) or not (loss).
* replay win/loss: a rewritten request turn is paired with the same user's
  same request (same episode, same request number, same text) in the
  `none` condition. Win: failed there, succeeded here. Loss: succeeded
  there, failed here. Both succeeded or both failed: a tie, left out of the
  ratio (counted). A turn without an identical partner is unpaired (counted).

Intervals: a cluster bootstrap over users (users resampled within each seed,
the same users in every condition, so differences are paired) for rates and
reductions; Wilson intervals of the win share for win/loss ratios; and, with
two seeds or more, the spread of the per-seed values.
"""
from __future__ import annotations

import math
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from typing import Any

import numpy as np

from simulator.driver import Episode, Turn

Z95 = 1.959964


@dataclass(frozen=True)
class UserCounts:
    """One test user's counts in one condition (the unit the bootstrap resamples)."""

    episodes: int = 0
    first_defects: int = 0
    episode_defects: int = 0
    requests: int = 0
    request_defects: int = 0
    rewritten: int = 0


def user_counts(episodes: Iterable[Episode]) -> dict[str, UserCounts]:
    out: dict[str, list[int]] = {}
    for ep in episodes:
        c = out.setdefault(ep.user, [0] * 6)
        reqs = [t for t in ep.turns if t.role == "request"]
        c[0] += 1
        c[1] += int(not ep.first_success)
        c[2] += int(not ep.success)
        c[3] += len(reqs)
        c[4] += sum(1 for t in reqs if not t.succeeded)
        c[5] += sum(1 for t in reqs if t.rewritten)
    return {u: UserCounts(*v) for u, v in out.items()}


def rate(num: float, den: float) -> float | None:
    return num / den if den else None


def reduction(before: float | None, after: float | None) -> float | None:
    """Relative defect reduction (positive: fewer defects after)."""
    if before is None or after is None or before == 0:
        return None
    return (before - after) / before


def wilson(wins: int, losses: int) -> tuple[float, float] | None:
    """95 % Wilson interval of the win share wins / (wins + losses)."""
    n = wins + losses
    if n == 0:
        return None
    p = wins / n
    centre = (p + Z95 ** 2 / (2 * n)) / (1 + Z95 ** 2 / n)
    half = Z95 * math.sqrt(p * (1 - p) / n + Z95 ** 2 / (4 * n * n)) / (1 + Z95 ** 2 / n)
    lo = 0.0 if wins == 0 else max(0.0, centre - half)  # exact at the ends, where rounding would miss them
    hi = 1.0 if losses == 0 else min(1.0, centre + half)
    return lo, hi


def ratio_of(share: float) -> float | None:
    """A win share as a wins:losses ratio (None for infinity: no loss possible)."""
    return None if share >= 1 else share / (1 - share)


def win_loss(wins: int, losses: int, ties: int = 0, unpaired: int = 0) -> dict[str, Any]:
    interval = wilson(wins, losses)
    return {"wins": wins, "losses": losses, "ties": ties, "unpaired": unpaired,
            "ratio": (wins / losses) if losses else None, "ratio_infinite": losses == 0 and wins > 0,
            "ratio_ci95": [ratio_of(interval[0]), ratio_of(interval[1])] if interval else None,
            "win_share": rate(wins, wins + losses), "win_share_ci95": list(interval) if interval else None}


def judged(turns: Iterable[Turn]) -> dict[str, Any]:
    rewritten = [t for t in turns if t.role == "request" and t.rewritten]
    wins = sum(1 for t in rewritten if t.succeeded)
    return win_loss(wins, len(rewritten) - wins)


def _key(seed: int, t: Turn) -> tuple[int, str, int, int]:
    return seed, t.user, t.episode, t.attempt


def replay(pairs: Iterable[tuple[int, Sequence[Episode], Sequence[Episode]]]) -> dict[str, Any]:
    """Pairs of (seed, episodes with rewriting, the same users' episodes in `none`)."""
    wins = losses = ties = unpaired = 0
    for seed, treated, baseline in pairs:
        base = {_key(seed, t): t for ep in baseline for t in ep.turns if t.role == "request"}
        for ep in treated:
            for t in ep.turns:
                if t.role != "request" or not t.rewritten:
                    continue
                other = base.get(_key(seed, t))
                if other is None or other.text != t.text:
                    unpaired += 1
                elif t.succeeded and not other.succeeded:
                    wins += 1
                elif other.succeeded and not t.succeeded:
                    losses += 1
                else:
                    ties += 1
    return win_loss(wins, losses, ties, unpaired)


# --- rates with a paired cluster bootstrap ------------------------------------------------------------------
FIELDS = ("episodes", "first_defects", "episode_defects", "requests", "request_defects", "rewritten")


def count_matrix(per_seed: Sequence[dict[str, dict[str, UserCounts]]], conditions: Sequence[str]
                 ) -> tuple[np.ndarray, list[np.ndarray]]:
    """Array [users, conditions, fields] over all seeds, and each seed's row indices (for stratified draws)."""
    rows, strata = [], []
    for by_condition in per_seed:
        users = sorted(set().union(*(set(by_condition.get(c, {})) for c in conditions)))
        start = len(rows)
        for u in users:
            rows.append([[getattr(by_condition.get(c, {}).get(u, UserCounts()), f) for f in FIELDS]
                         for c in conditions])
        strata.append(np.arange(start, len(rows)))
    return np.array(rows, dtype=float).reshape(len(rows), len(conditions), len(FIELDS)), strata


def summarise(totals: np.ndarray, conditions: Sequence[str]) -> dict[str, Any]:
    """Rates and reductions from summed counts [conditions, fields]."""
    idx = {c: i for i, c in enumerate(conditions)}
    out: dict[str, Any] = {"defect_rate": {}, "episode_defect_rate": {}, "request_defect_rate": {},
                           "rewritten_share": {}}
    for c, i in idx.items():
        t = totals[i]
        out["defect_rate"][c] = rate(t[1], t[0])
        out["episode_defect_rate"][c] = rate(t[2], t[0])
        out["request_defect_rate"][c] = rate(t[4], t[3])
        out["rewritten_share"][c] = rate(t[5], t[3])
    d = out["defect_rate"]
    out["defect_reduction"] = {c: reduction(d.get("none"), d[c]) for c in conditions if c != "none"}
    out["personal_gain"] = reduction(d.get("global"), d.get("global_personal"))
    return out


def _flatten(summary: dict[str, Any], prefix: str = "") -> dict[str, float | None]:
    flat: dict[str, float | None] = {}
    for k, v in summary.items():
        if isinstance(v, dict):
            flat.update(_flatten(v, f"{prefix}{k}."))
        else:
            flat[f"{prefix}{k}"] = v
    return flat


def bootstrap(matrix: np.ndarray, strata: list[np.ndarray], conditions: Sequence[str], draws: int = 1000,
              seed: int = 0) -> dict[str, list[float] | None]:
    """95 % percentile intervals of every figure of `summarise`, users resampled within each seed."""
    rng = np.random.default_rng(seed)
    samples: dict[str, list[float]] = {}
    for _ in range(draws):
        picked = np.concatenate([rng.choice(s, size=len(s), replace=True) for s in strata if len(s)])
        for k, v in _flatten(summarise(matrix[picked].sum(axis=0), conditions)).items():
            if v is not None:
                samples.setdefault(k, []).append(v)
    out: dict[str, list[float] | None] = {}
    for k in _flatten(summarise(matrix.sum(axis=0), conditions)):
        vals = samples.get(k)
        out[k] = [float(np.percentile(vals, 2.5)), float(np.percentile(vals, 97.5))] \
            if vals and len(vals) >= draws // 2 else None
    return out


def across_seeds(values: Sequence[float | None]) -> dict[str, Any]:
    """Mean of per-seed values and a t interval (needs two seeds or more)."""
    vals = [v for v in values if v is not None]
    if not vals:
        return {"per_seed": list(values), "mean": None, "ci95": None}
    mean = float(np.mean(vals))
    if len(vals) < 2:
        return {"per_seed": list(values), "mean": mean, "ci95": None}
    from scipy import stats

    half = float(stats.t.ppf(0.975, len(vals) - 1) * np.std(vals, ddof=1) / math.sqrt(len(vals)))
    return {"per_seed": list(values), "mean": mean, "ci95": [mean - half, mean + half]}
