"""The defects report: how often each part fails, over time, on which requests, with a plot.

Shares are of the requests classified in the period (correct included), so
the shares of the seven classes sum to one in every period and overall; the
failure shares among failed turns are given beside them for the people who
fix one part at a time. "Most frequent failing requests" groups by request
key (`normalize.request_key`), the same name the miner gives a request, so a
line of the report and a rewrite speak of the same thing.
"""
from __future__ import annotations

from collections import Counter, defaultdict
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

from preferences.selflearning.failure_points.classes import FAILURES, ORDER, FailurePoint
from preferences.selflearning.failure_points.classify import Verdict
from preferences.selflearning.normalize import request_key

TOP_REQUESTS = 5
DAY = 86_400.0


@dataclass(frozen=True)
class DefectsReport:
    """Counts and shares by failure point, per period and overall, and the top failing requests."""

    requests: int
    counts: dict[str, int]  # failure point -> requests
    shares: dict[str, float]  # of all requests; sums to 1
    failure_shares: dict[str, float]  # of failed requests only
    period: str  # "day" or "hour"
    periods: list[dict[str, Any]]  # {"start": ISO, "requests": n, "counts": {...}, "shares": {...}}
    top: dict[str, list[dict[str, Any]]]  # failure point -> [{"request", "example", "count"}]
    method: str  # "model" or "rules"
    since: str | None = None

    def to_json(self) -> dict[str, Any]:
        return {"requests": self.requests, "method": self.method, "since": self.since, "counts": self.counts,
                "shares": self.shares, "failure_shares": self.failure_shares, "period": self.period,
                "periods": self.periods, "top_failing_requests": self.top}


def _shares(counts: Counter[str], total: int) -> dict[str, float]:
    return {p.value: counts[p.value] / total if total else 0.0 for p in ORDER}


def _iso(ts: float, fmt: str = "%Y-%m-%dT%H:%MZ") -> str:
    return datetime.fromtimestamp(ts, UTC).strftime(fmt)


def _top(verdicts: Sequence[Verdict]) -> dict[str, list[dict[str, Any]]]:
    keys: dict[str, Counter[str]] = defaultdict(Counter)
    example: dict[str, str] = {}
    for v in verdicts:
        if v.point != FailurePoint.CORRECT.value:
            key = request_key(v.text)
            keys[v.point][key] += 1
            example.setdefault(key, v.text)
    return {p.value: [{"request": k, "example": example[k], "count": n}
                      for k, n in sorted(keys[p.value].items(), key=lambda kv: (-kv[1], kv[0]))[:TOP_REQUESTS]]
            for p in FAILURES}


def build_report(verdicts: Sequence[Verdict], *, since: float | None = None, method: str = "model",
                 period: str | None = None) -> DefectsReport:
    """The report over the verdicts at or after `since` (epoch seconds); periods of a day, or of an
    hour when everything falls within two days."""
    chosen = [v for v in verdicts if since is None or v.ts >= since]
    total = len(chosen)
    counts = Counter(v.point for v in chosen)
    failed = total - counts[FailurePoint.CORRECT.value]
    span = (max(v.ts for v in chosen) - min(v.ts for v in chosen)) if chosen else 0.0
    period = period or ("hour" if span <= 2 * DAY else "day")
    width = 3_600.0 if period == "hour" else DAY
    buckets: dict[float, Counter[str]] = defaultdict(Counter)
    for v in chosen:
        buckets[v.ts - v.ts % width][v.point] += 1
    fmt = "%Y-%m-%d" if period == "day" else "%Y-%m-%dT%H:%MZ"
    periods = [{"start": _iso(start, fmt), "requests": sum(c.values()), "counts": {p.value: c[p.value] for p in ORDER},
                "shares": _shares(c, sum(c.values()))} for start, c in sorted(buckets.items())]
    return DefectsReport(
        total, {p.value: counts[p.value] for p in ORDER}, _shares(counts, total),
        {p.value: counts[p.value] / failed if failed else 0.0 for p in FAILURES}, period, periods,
        _top(chosen), method, _iso(since) if since is not None else None)


def plot(report: DefectsReport, path: str | Path) -> Path:
    """A PNG: stacked shares of each failure point per period (correct left out), failed share on top."""
    import matplotlib

    matplotlib.use("Agg")  # files only, never a window
    import matplotlib.pyplot as plt

    path = Path(path)
    path.parent.mkdir(parents=True, exist_ok=True)
    starts = [datetime.fromisoformat(p["start"].rstrip("Z")) for p in report.periods]
    fig, ax = plt.subplots(figsize=(10, 5))
    if starts:
        layers = [[p["shares"][fp.value] * 100 for p in report.periods] for fp in FAILURES]
        if len(starts) > 1:
            ax.stackplot(starts, layers, labels=[fp.value for fp in FAILURES], alpha=0.85)
        else:
            bottom = 0.0
            for fp, layer in zip(FAILURES, layers):
                ax.bar(starts, layer, bottom=bottom, label=fp.value, width=0.02)
                bottom += layer[0]
        ax.legend(loc="upper left", fontsize="small", ncol=3)
    ax.set_ylabel("% of requests")
    ax.set_title(f"Failure points per {report.period} ({report.requests} requests, {report.method})")
    fig.autofmt_xdate()
    fig.tight_layout()
    fig.savefig(path, dpi=100)
    plt.close(fig)
    return path


__all__ = ["DefectsReport", "build_report", "plot"]
