"""Per-turn REST latency, with the learning layer on and off, plus training time and NLU quality.

Starts two real assistants on the same model, each with its own SQLite
database: one as shipped, one with LEARNING_ENABLED=false (no teachable
moments, no preferences in interpretation). Both get the same script of
turns (statements, requests, repeats), interleaved turn by turn so that
machine load hits both alike, and the script prints median and p95 of each
and their ratio. Writes artifacts/bench/turns.json and turns.png.

    .venv/bin/python benchmarks/bench_turns.py [--turns 300] [--nlu-cv]

With --against OLD_MODEL.tar.gz it compares two models instead, both with
learning on, in the same run: the current one ("model") and OLD ("against"),
e.g. a pipeline change against the model it replaces.

With --online it compares online rewriting on (ONLINE_REWRITING=personal)
and off, both with learning on: both assistants first get the same seeding
traffic (users who succeed with "play imagine dragons", "weather in
springfield illinois", ...), the index job runs on the first one's log, and
the measured script adds doubtful requests that trigger retrieval ("play
maj and dragons", "will it rain in Springfield" is already in it). Target:
median ratio on/off <= 1.15. Writes artifacts/bench/turns_online.json.
"""
from __future__ import annotations

import argparse
import json
import os
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from preferences.db import migrate  # noqa: E402
from rasa_components.served import RunningAssistant, model_path  # noqa: E402

UTTERANCES = [
    "hi", "I like jazz", "play some music", "what's the weather in Boston", "I live in Portland, Maine",
    "what's the weather?", "find me a thai restaurant in Seattle", "I'm a Yankees fan", "how did my team do?",
    "any science news", "turn on the living room lights", "is the oven on", "set the thermostat to 68",
    "play some music", "will it rain in Springfield", "what can you do", "thanks",
    "dim the bedroom lights to 20 percent", "what's new in politics", "what do you know about me?",
]


# --online: what the seeding users say (and succeed with), and the doubtful requests added to the script.
SEED = ["play imagine dragons", "weather in springfield illinois", "play some jazz", "find me a thai restaurant",
        "what's the weather in Portland, Maine"]
DOUBTFUL = ["play maj and dragons", "weather in springfield"]


def percentile(values: list[float], q: float) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, int(round(q * (len(ordered) - 1))))]


def timed_turn(assistant: RunningAssistant, user: str, text: str) -> float:
    start = time.perf_counter()
    assistant.say(user, text)
    return (time.perf_counter() - start) * 1000


def seed_online(assistants: dict[str, RunningAssistant], indexed: str) -> dict[str, int]:
    """The same successful traffic for every assistant; then the index job on `indexed`'s log."""
    from preferences.selflearning.jobs import index_log
    from preferences.storage.rewrites import RewriteTable

    for assistant in assistants.values():
        for u in range(6):
            for j, text in enumerate(SEED):
                assistant.say(f"seed-{u}", text)
                time.sleep(0.05)
    chosen = assistants[indexed]
    with RewriteTable(chosen.db_url) as table:
        report = index_log(f"sqlite:///{chosen.workdir / 'tracker.db'}", table)
    time.sleep(2.5)  # REWRITE_REFRESH_SECONDS=1: the server picks the new version up
    return report.to_json()


def measure_turns(assistants: dict[str, RunningAssistant], turns: int,
                  utterances: list[str] = UTTERANCES) -> dict[str, list[float]]:
    """The same script for each assistant, interleaved turn by turn."""
    for name, assistant in assistants.items():
        for i in range(20):  # warm-up: first calls load the model and lazily built objects
            assistant.say(f"warm-{i % 3}", utterances[i % len(utterances)])
    latencies: dict[str, list[float]] = {name: [] for name in assistants}
    for i in range(turns):
        user, text = f"bench-user-{(i // len(utterances)) % 10}", utterances[i % len(utterances)]
        order = list(assistants.items()) if i % 2 == 0 else list(reversed(assistants.items()))
        for name, assistant in order:
            latencies[name].append(timed_turn(assistant, user, text))
        if (i + 1) % 50 == 0:
            print(f"  {i + 1}/{turns} turns: " + ", ".join(
                f"{name} median {statistics.median(v):.1f} ms" for name, v in latencies.items()), flush=True)
    return latencies


def count_online_rewrites(assistant: RunningAssistant) -> int:
    """User turns in the log whose parse data says the online rewriter applied (proof the path ran)."""
    import sqlalchemy as sa

    engine = sa.create_engine(f"sqlite:///{assistant.workdir / 'tracker.db'}")
    with engine.connect() as conn:
        rows = conn.execute(sa.text("SELECT data FROM events WHERE type_name = 'user'")).scalars().all()
    engine.dispose()
    return sum(1 for raw in rows if (json.loads(raw).get("parse_data") or {}).get("online_rewrite"))


def nlu_cross_validation(folds: int) -> dict[str, float]:
    """benchmarks/bench_nlu_cv.py in a process of its own (it trains one Rasa model per fold)."""
    subprocess.run([sys.executable, str(ROOT / "benchmarks" / "bench_nlu_cv.py"), "--folds", str(folds)],
                   cwd=ROOT, check=True)
    report = json.loads((ROOT / "artifacts" / "bench" / "nlu_cv.json").read_text())
    return {key: report[key] for key in ("accuracy", "macro_f1", "weighted_f1")}


def plot(latencies: dict[str, list[float]], path: Path) -> None:
    import matplotlib
    matplotlib.use("Agg")
    import matplotlib.pyplot as plt
    fig, ax = plt.subplots(figsize=(7, 3.5))
    top = max(percentile(v, 0.99) for v in latencies.values())
    for (name, values), color in zip(latencies.items(), ("#3b7dd8", "#d8823b")):
        ax.hist([min(v, top) for v in values], bins=40, alpha=0.6, color=color, label=f"{name}")
        ax.axvline(statistics.median(values), color=color, linestyle="--")
    ax.set_xlabel("REST turn latency (ms); dashed: medians")
    ax.set_ylabel("turns")
    ax.legend()
    fig.tight_layout()
    fig.savefig(path, dpi=110)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--turns", type=int, default=300)
    parser.add_argument("--nlu-cv", action="store_true", help="also run 3-fold NLU cross-validation (slow)")
    parser.add_argument("--folds", type=int, default=3)
    parser.add_argument("--against", type=Path, metavar="OLD_MODEL",
                        help="compare the current model with this one (both learning on) instead of on/off")
    parser.add_argument("--online", action="store_true",
                        help="compare online rewriting on and off (both learning on) instead of learning on/off")
    parser.add_argument("--tracker", choices=("sql", "memory"), default="sql",
                        help="sql: the served configuration (Rasa's SQL tracker store, the interaction log); "
                             "memory: Rasa's in-memory tracker store, to isolate the log's cost")
    args = parser.parse_args()
    out_dir = ROOT / "artifacts" / "bench"
    out_dir.mkdir(parents=True, exist_ok=True)
    model = model_path()
    train_file = model.with_name(model.name.replace(".tar.gz", ".train-seconds"))
    result: dict[str, object] = {"model": model.name, "tracker_store": args.tracker,
                                 "train_seconds": float(train_file.read_text()) if train_file.exists() else None}
    with tempfile.TemporaryDirectory() as tmp:
        assistants = {}
        base = {"TRACKER_DB_URL": "memory"} if args.tracker == "memory" else {}
        if args.online:
            variants: tuple = (("online on", {"ONLINE_REWRITING": "personal", "REWRITE_REFRESH_SECONDS": "1"}, model),
                               ("online off", {"ONLINE_REWRITING": "off"}, model))
        elif args.against is None:
            variants = (("learning on", dict(base), model), ("learning off", {**base, "LEARNING_ENABLED": "false"}, model))
        else:
            variants = (("model", dict(base), model), ("against", dict(base), args.against))
        models = {}
        for name, env, chosen in variants:
            url = f"sqlite:///{tmp}/{name.replace(' ', '-')}.db"
            migrate(url)
            assistants[name] = RunningAssistant(Path(tmp) / name.replace(" ", "-"), url, extra_env=env)
            models[name] = chosen
        if args.against is not None:
            result["against"] = args.against.name
        t0 = time.perf_counter()
        try:
            for name, assistant in assistants.items():
                os.environ["TEACHABLE_MODEL"] = str(models[name])  # the harness starts the model named here
                assistant.start()
            result["startup_seconds"] = round(time.perf_counter() - t0, 1)
            if args.online:
                result["index"] = seed_online(assistants, "online on")
                latencies = measure_turns(assistants, args.turns, UTTERANCES + DOUBTFUL)
                result["rewritten_turns"] = count_online_rewrites(assistants["online on"])
            else:
                latencies = measure_turns(assistants, args.turns)
        finally:
            for assistant in assistants.values():
                assistant.stop()
    for name, values in latencies.items():
        result[name] = {"turns": len(values), "median_ms": round(statistics.median(values), 2),
                        "p95_ms": round(percentile(values, 0.95), 2), "max_ms": round(max(values), 2)}
    first, second = list(latencies)
    ratio = round(statistics.median(latencies[first]) / statistics.median(latencies[second]), 3)
    stem = "turns_online" if args.online else "turns" if args.against is None else "turns_against"
    result["median_ratio_on_off" if args.against is None else "median_ratio_model_against"] = ratio
    if args.nlu_cv:
        result["nlu_cross_validation"] = nlu_cross_validation(args.folds)
    plot(latencies, out_dir / f"{stem}.png")
    (out_dir / f"{stem}.json").write_text(json.dumps(result, indent=2))
    print(json.dumps(result, indent=2))
    if args.against is not None:
        print(f"median ratio {model.name} / {args.against.name}: {ratio} (target <= 1.15)")
        return
    if args.online:
        on, off = result["online on"], result["online off"]
        print(f"online rewriting on:  median {on['median_ms']} ms, p95 {on['p95_ms']} ms over {on['turns']} turns "
              f"({result['rewritten_turns']} turns rewritten online)")
        print(f"online rewriting off: median {off['median_ms']} ms, p95 {off['p95_ms']} ms")
        print(f"median ratio on/off: {ratio} (target <= 1.15)")
        return
    on, off = result["learning on"], result["learning off"]
    print(f"learning on:  median {on['median_ms']} ms (target < 60 ms), p95 {on['p95_ms']} ms over {on['turns']} turns")
    print(f"learning off: median {off['median_ms']} ms, p95 {off['p95_ms']} ms")
    print(f"median ratio on/off: {result['median_ratio_on_off']} (target <= 1.15)")


if __name__ == "__main__":
    main()
