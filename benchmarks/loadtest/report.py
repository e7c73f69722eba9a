"""After the run: the database check, the figures of one configuration, load.json and load.png."""
from __future__ import annotations

import argparse
import json
import os
from pathlib import Path
from typing import Any

from loadtest.judging import Results, percentile
from preferences.store import PreferenceStore, catalog_normalizer


def check_store(url: str, taught: dict[str, set[tuple[str, str]]],
                unsure: dict[str, set[tuple[str, str]]]) -> dict[str, Any]:
    """Every user holds what it was told was learned (`lost`: absent), and nothing it never taught
    (`misattributed`; a teaching turn that failed may or may not have been stored before the failure)."""
    def norm(pairs: set[tuple[str, str]]) -> set[tuple[str, str]]:
        return {(slot, (catalog_normalizer(slot, value) or value).lower()) for slot, value in pairs}

    lost, foreign = [], []
    with PreferenceStore(url) as store:
        for user in set(taught) | set(unsure):
            held = {(p.slot, p.value.lower()) for p in store.list(user)}
            want = norm(taught.get(user, set()))
            lost += [{"user": user, "slot": s, "value": v} for s, v in sorted(want - held)]
            foreign += [{"user": user, "slot": s, "value": v}
                        for s, v in sorted(held - want - norm(unsure.get(user, set())))]
    return {"users_checked": len(set(taught) | set(unsure)), "preferences_checked": sum(map(len, taught.values())),
            "teaching_turns_failed": sum(map(len, unsure.values())), "lost": lost, "misattributed": foreign}


def summarise(results: Results, seconds: float, store: dict[str, Any], args: argparse.Namespace,
              load: tuple[float, float]) -> dict[str, Any]:
    all_ms = [ms for _, ms, _ in results.latencies]
    by_channel = {ch: [ms for _, ms, c in results.latencies if c == ch] for ch in ("rest", "socketio")}
    return {
        "config": f"{args.db}-{args.rasa_processes}proc", "db": args.db, "rasa_processes": args.rasa_processes,
        "users": args.users, "minutes": args.minutes, "think_s": args.think, "socketio_share": args.socketio_share,
        "seconds": round(seconds, 1), "requests": len(all_ms), "throughput_rps": round(len(all_ms) / seconds, 2),
        "p50_ms": round(percentile(all_ms, 0.5), 1), "p95_ms": round(percentile(all_ms, 0.95), 1),
        "p99_ms": round(percentile(all_ms, 0.99), 1), "max_ms": round(max(all_ms, default=0), 1),
        "channels": {ch: {"requests": len(v), "p50_ms": round(percentile(v, 0.5), 1),
                          "p95_ms": round(percentile(v, 0.95), 1)} for ch, v in by_channel.items() if v},
        "failed_requests": len(results.failures), "wrong_answers": len(results.wrong),
        "users_simulated": results.users_started, "users_finished": results.users_finished,
        "preferences_checked": store["preferences_checked"], "lost_preferences": len(store["lost"]),
        "teaching_turns_failed": store["teaching_turns_failed"],
        "misattributed_preferences": len(store["misattributed"]),
        "load_average_before": load[0], "load_average_after": load[1], "cpus": os.cpu_count(),
        "examples": {"failures": results.failures[:5], "wrong": results.wrong[:5], "lost": store["lost"][:5],
                     "misattributed": store["misattributed"][:5]},
    }


def save(row: dict[str, Any], out_dir: Path) -> dict[str, Any]:
    """Merge this configuration into load.json (one entry per configuration, the latest run), then plot all."""
    out_dir.mkdir(parents=True, exist_ok=True)
    path = out_dir / "load.json"
    report = json.loads(path.read_text()) if path.exists() else {"runs": {}}
    report["runs"][row["config"]] = row
    one, two = report["runs"].get("postgresql-1proc"), report["runs"].get("postgresql-2proc")
    if one and two:
        report["scaling_1_to_2"] = round(two["throughput_rps"] / one["throughput_rps"], 2)
    path.write_text(json.dumps(report, indent=2) + "\n")
    plot(report["runs"], out_dir / "load.png")
    return report


def plot(runs: dict[str, dict[str, Any]], out: Path) -> None:
    import matplotlib
    matplotlib.use("Agg")
    import matplotlib.pyplot as plt

    names = sorted(runs)
    fig, (lat, thr) = plt.subplots(1, 2, figsize=(11, 4))
    width = 0.25
    for k, q in enumerate(("p50_ms", "p95_ms", "p99_ms")):
        lat.bar([i + (k - 1) * width for i in range(len(names))], [runs[n][q] for n in names], width, label=q[:3])
    lat.set_xticks(range(len(names)), names)
    lat.set_ylabel("latency per turn (ms)")
    lat.legend()
    thr.bar(names, [runs[n]["throughput_rps"] for n in names], color="tab:green")
    thr.set_ylabel("turns per second")
    for i, n in enumerate(names):
        thr.annotate(f"{runs[n]['users']} users\nload {runs[n]['load_average_after']:.1f}", (i, 0), ha="center",
                     va="bottom", fontsize=8, xytext=(0, 3), textcoords="offset points")
    fig.suptitle("Concurrent users teaching and using preferences (2 shared cores)")
    fig.tight_layout()
    fig.savefig(out, dpi=110)
    plt.close(fig)
