"""report.json, report.html (plots embedded) and the headline table, from the runs of every seed.

The JSON keeps the counts behind every figure, so a reader can recompute
them, and the episodes themselves go to episodes.jsonl next to it.
"""
from __future__ import annotations

import json
from collections.abc import Sequence
from dataclasses import asdict
from pathlib import Path
from typing import Any

from simulator import metrics
from simulator.driver import Episode
from simulator.experiment import Config, SeedRun

TARGETS = {"win_loss": 12.0, "defect_reduction": 0.30, "personal_gain": 0.04}


def _first_requests(episodes: Sequence[Episode]) -> list[tuple[Episode, Any]]:
    return [(ep, ep.requests[0]) for ep in episodes if ep.requests]


def breakdown(episodes: Sequence[Episode]) -> dict[str, dict[str, Any]]:
    """First-request defect rate by kind of noise and by kind of goal."""
    by_noise: dict[str, list[int]] = {}
    by_goal: dict[str, list[int]] = {}
    for ep, first in _first_requests(episodes):
        for kind in first.noise or ("clean",):
            by_noise.setdefault(kind, [0, 0])
            by_noise[kind][0] += 1
            by_noise[kind][1] += int(not first.succeeded)
        g = by_goal.setdefault(ep.goal.kind.value, [0, 0])
        g[0] += 1
        g[1] += int(not first.succeeded)
    fmt = lambda d: {k: {"n": n, "defect_rate": metrics.rate(bad, n)} for k, (n, bad) in sorted(d.items())}  # noqa
    return {"by_noise": fmt(by_noise), "by_goal": fmt(by_goal)}


def build(cfg: Config, runs: Sequence[SeedRun], seconds: float) -> dict[str, Any]:
    conditions = list(cfg.conditions)
    per_seed_counts = [{c: metrics.user_counts(r.conditions[c].tests) for c in conditions if c in r.conditions}
                       for r in runs]
    matrix, strata = metrics.count_matrix(per_seed_counts, conditions)
    pooled = metrics.summarise(matrix.sum(axis=0), conditions)
    ci = metrics.bootstrap(matrix, strata, conditions)
    per_seed = [metrics.summarise(metrics.count_matrix([c], conditions)[0].sum(axis=0), conditions)
                for c in per_seed_counts]
    rewriting = [c for c in conditions if c != "none"]
    judged = {c: metrics.judged(t for r in runs for ep in r.conditions[c].tests for t in ep.turns)
              for c in rewriting}
    replay = {c: metrics.replay((r.seed, r.conditions[c].tests, r.conditions["none"].tests) for r in runs)
              for c in rewriting if "none" in conditions}
    headline = "global_personal" if "global_personal" in rewriting else (rewriting[-1] if rewriting else None)
    report: dict[str, Any] = {
        "config": {k: (str(v) if isinstance(v, Path) else v) for k, v in asdict(cfg).items()},
        "seconds": round(seconds, 1),
        "definitions": "docs/simulator.md#definitions",
        "defect_rate": pooled["defect_rate"],
        "defect_rate_ci95": {c: ci[f"defect_rate.{c}"] for c in conditions},
        "defect_rate_across_seeds": {c: metrics.across_seeds([s["defect_rate"][c] for s in per_seed])
                                     for c in conditions},
        "episode_defect_rate": pooled["episode_defect_rate"],
        "episode_defect_rate_ci95": {c: ci[f"episode_defect_rate.{c}"] for c in conditions},
        "request_defect_rate": pooled["request_defect_rate"],
        "defect_reduction": pooled["defect_reduction"],
        "defect_reduction_ci95": {c: ci.get(f"defect_reduction.{c}") for c in rewriting},
        "defect_reduction_across_seeds": {c: metrics.across_seeds([s["defect_reduction"][c] for s in per_seed])
                                          for c in rewriting},
        "personal_gain": pooled["personal_gain"],
        "personal_gain_ci95": ci.get("personal_gain"),
        "rewritten_share": pooled["rewritten_share"],
        "rewritten_share_ci95": {c: ci[f"rewritten_share.{c}"] for c in conditions},
        "win_loss": {
            "condition": headline,
            "judged": (judged.get(headline) or {}) | {"by_condition": judged},
            "replay": (replay.get(headline) or {}) | {"by_condition": replay},
        },
        "counts": _counts(runs, conditions),
        "learning_curve": _curve(runs),
        "tracker": {c: [r.conditions[c].tracker.to_json() for r in runs] for c in conditions},
        "jobs": {str(r.seed): {"phase1": [j.to_json() for j in r.phase1_jobs],
                               **{c: [j.to_json() for j in r.conditions[c].jobs] for c in conditions}}
                 for r in runs},
        "breakdown": {c: breakdown([ep for r in runs for ep in r.conditions[c].tests]) for c in conditions},
        "per_seed": [{"seed": r.seed, "seconds": round(r.seconds, 1), **s} for r, s in zip(runs, per_seed)],
        "world": {str(r.seed): r.world for r in runs},
    }
    report["targets"] = _targets(report, headline)
    return report


def _counts(runs: Sequence[SeedRun], conditions: Sequence[str]) -> dict[str, Any]:
    out: dict[str, Any] = {"seeds": len(runs), "phase1": {
        "users": len({ep.user for r in runs for ep in r.phase1}), "episodes": sum(len(r.phase1) for r in runs),
        "turns": sum(len(ep.turns) for r in runs for ep in r.phase1),
        "errors": sum(1 for r in runs for ep in r.phase1 for t in ep.turns if t.error)}}
    for c in conditions:
        eps = [ep for r in runs for ep in r.conditions[c].tests]
        reqs = [t for ep in eps for t in ep.turns if t.role == "request"]
        out[c] = {"users": len({(ep.user) for ep in eps}), "episodes": len(eps), "requests": len(reqs),
                  "turns": sum(len(ep.turns) for ep in eps), "rewritten": sum(1 for t in reqs if t.rewritten),
                  "errors": sum(1 for ep in eps for t in ep.turns if t.error),
                  "server_start_seconds": [round(r.conditions[c].start_seconds, 1) for r in runs],
                  "history": _history_counts([ep for r in runs for ep in r.conditions[c].history])}
    return out


def _history_counts(episodes: Sequence[Episode]) -> dict[str, Any]:
    """What the test users' history held: its size (the run's cost) and how often it went wrong and was repaired."""
    reqs = [t for ep in episodes for t in ep.requests]
    return {"episodes": len(episodes), "turns": sum(len(ep.turns) for ep in episodes), "requests": len(reqs),
            "first_defects": sum(1 for ep in episodes if not ep.first_success),
            "repaired": sum(1 for ep in episodes if ep.success and not ep.first_success),
            "rewritten": sum(1 for t in reqs if t.rewritten),
            "errors": sum(1 for ep in episodes for t in ep.turns if t.error)}


def _curve(runs: Sequence[SeedRun]) -> list[dict[str, Any]]:
    from simulator.jobs import mined_turns

    points = []
    for r in runs:
        for p in r.curve:
            counts = metrics.user_counts(p["run"].tests)
            points.append({"seed": r.seed, "fraction": p["fraction"], "mined_turns": p["mined_turns"],
                           "defect_rate": metrics.rate(sum(c.first_defects for c in counts.values()),
                                                       sum(c.episodes for c in counts.values()))})
        if "global" in r.conditions and r.curve:
            counts = metrics.user_counts(r.conditions["global"].tests)
            points.append({"seed": r.seed, "fraction": 1.0,
                           "mined_turns": mined_turns(r.phase1_jobs[0]) if r.phase1_jobs else None,
                           "defect_rate": metrics.rate(sum(c.first_defects for c in counts.values()),
                                                       sum(c.episodes for c in counts.values()))})
    return points


def _targets(report: dict[str, Any], headline: str | None) -> dict[str, Any]:
    """Whether the product reaches the targets of the issue (None: not measurable in this run)."""
    def ratio_ok(wl: dict[str, Any]) -> bool | None:
        if not wl or (wl.get("wins", 0) + wl.get("losses", 0)) == 0:
            return None
        return bool(wl.get("ratio_infinite") or (wl.get("ratio") or 0) >= TARGETS["win_loss"])

    reduction = (report["defect_reduction"] or {}).get(headline) if headline else None
    gain = report["personal_gain"]
    return {"win_loss_at_least_12_to_1": {"judged": ratio_ok(report["win_loss"]["judged"]),
                                          "replay": ratio_ok(report["win_loss"]["replay"])},
            "defects_at_least_30pct_lower": None if reduction is None else reduction >= TARGETS["defect_reduction"],
            "personal_at_least_4pct_lower": None if gain is None else gain >= TARGETS["personal_gain"]}


def write_episodes(path: Path, runs: Sequence[SeedRun]) -> None:
    """Every episode of every phase and condition, one JSON object a line (the raw data behind the report)."""
    with path.open("w") as f:
        for r in runs:
            groups = [("phase1", r.phase1)] + [(c, run.history + run.tests) for c, run in r.conditions.items()]
            groups += [(f"curve-{int(p['fraction'] * 100)}", p["run"].history + p["run"].tests) for p in r.curve]
            for label, episodes in groups:
                for ep in episodes:
                    f.write(json.dumps({"seed": r.seed, "run": label, "user": ep.user, "episode": ep.index,
                                        "part": "history" if ep.history else "episode",
                                        "goal": ep.goal.to_json(), "success": ep.success, "turns": [
                                            {"role": t.role, "attempt": t.attempt, "text": t.text,
                                             "metadata": t.metadata, "replies": t.replies, "noise": list(t.noise),
                                             "verdict": None if t.verdict is None else {
                                                 "success": t.verdict.success, "reason": t.verdict.reason,
                                                 "observed": t.verdict.observed.to_json()},
                                             "rewrite": t.rewrite, "error": t.error} for t in ep.turns]}) + "\n")


def write(report: dict[str, Any], runs: Sequence[SeedRun], out: Path) -> None:
    from simulator.plots import html

    out.mkdir(parents=True, exist_ok=True)
    (out / "report.json").write_text(json.dumps(report, indent=2, default=str) + "\n")
    write_episodes(out / "episodes.jsonl", runs)
    (out / "report.html").write_text(html(report))
