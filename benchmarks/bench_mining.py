"""How fast the rewrite miner is, and whether it finds what was planted, from 10k to 1M turns.

    .venv/bin/python benchmarks/bench_mining.py [--sizes 10000,100000,300000,1000000] [--seed 7]

For each size, a synthetic log is written to JSON Lines first (not timed):
many users; a few dozen requests that fail in a shared way (a misheard
artist, a mangled title) and that most users who meet them rephrase to the
same wording, which works; requests that simply work; noise (one-off
garbles, random rephrases); and one user whose private habit repeats fifty
times and must not become a rewrite. Then `mine_jsonl` runs in a fresh
process, so its peak RSS is its own, and prints time, turns/s, time per
turn, CPU seconds (this process and its workers: the figure that does not
depend on what else the machine runs), the load average before the run,
peak RSS (this process and its worker processes), rewrites found and the
planted ones recovered. Results: artifacts/bench/mining.json and a
log-log plot of time against turns with a linear reference,
artifacts/bench/mining.png.
"""
from __future__ import annotations

import argparse
import json
import os
import random
import resource
import subprocess
import sys
import tempfile
import time
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from preferences.selflearning.normalize import request_key  # noqa: E402

ARTIFACTS = ROOT / "artifacts" / "bench"
START = 1_767_225_600.0  # 2026-01-01; the log spans 30 days
SPAN = 30 * 86_400.0

ARTISTS = ["imagine dragons", "coldplay", "beyonce", "the beatles", "daft punk", "queen", "adele", "radiohead",
           "taylor swift", "kendrick lamar", "nirvana", "metallica", "shakira", "drake", "rihanna", "u2",
           "arctic monkeys", "bon iver", "lorde", "sade", "khalid", "sia", "muse", "abba", "blur", "oasis",
           "the killers", "gorillaz", "portishead", "massive attack", "bjork", "prince", "madonna", "eminem",
           "outkast", "pixies", "the cure", "depeche mode", "kraftwerk", "fleetwood mac"]
# How a recogniser mangles each artist: the planted failures.
MISHEARD = ["maj and dragons", "cold play list", "beyond say", "the bead les", "daft punk is", "cream",
            "a dell", "radio heads", "tailor swift", "kendrick lamb", "nerve ana", "metal icon", "shakeera",
            "drakes", "rihanna's", "you too", "arctic monk keys", "bonnie vair", "lord", "shade", "collide",
            "see a", "mews", "aba", "bler", "oases", "the killer", "gorilla's", "port is head", "massive attic",
            "bjork yes", "prints", "madam a", "m and m", "out cast", "pixie", "the queer", "de peche mode",
            "craft work", "fleet wood mack"]
VERBS = ["play", "put on", "play some", "i want to hear", "shuffle"]
OTHER = ["what's the weather in {}", "set a timer for {} minutes", "turn on the {} lights", "what time is it in {}",
         "add {} to my shopping list", "how tall is {}", "remind me to call {}", "set the thermostat to {}"]
FILL = ["paris", "london", "tokyo", "kitchen", "bedroom", "five", "ten", "milk", "eggs", "mom", "the doctor",
        "the eiffel tower", "mount everest", "twenty", "seventy", "berlin", "lisbon", "office", "garage"]


def planted_pairs() -> list[tuple[str, str]]:
    """(failing request, the rephrase that works) for every planted failure."""
    return [(f"play {bad}", f"play {good}") for bad, good in zip(MISHEARD, ARTISTS)]


def write_log(path: Path, n_turns: int, seed: int) -> dict[str, Any]:
    """Write about `n_turns` turns as JSON Lines; returns what was planted."""
    rng = random.Random(seed)
    pairs = planted_pairs()
    good = [f"{v} {a}" for v in VERBS for a in ARTISTS] + [t.format(f) for t in OTHER for f in FILL]
    n_users = max(300, n_turns // 40)
    written = 0
    session_no = 0
    habit_left = 50
    with path.open("w") as f:
        def emit(user: str, session: str, ts: float, text: str, intent: str, barge_in: bool = False) -> None:
            nonlocal written
            line = {"session_id": session, "user_id": user, "ts": round(ts, 3), "text": text, "intent": intent}
            if barge_in:
                line["barge_in"] = True
            f.write(json.dumps(line))
            f.write("\n")
            written += 1

        while written < n_turns:
            session_no += 1
            user = f"u{rng.randrange(n_users)}"
            session = f"s{session_no}"
            ts = START + rng.random() * SPAN
            for _ in range(rng.choice((1, 1, 2, 2, 3, 4))):
                roll = rng.random()
                if habit_left and roll < 0.002:  # one user's private habit, a rephrase nobody else makes
                    emit("u_habit", f"h{session_no}", ts, "play the usual", "nlu_fallback")
                    emit("u_habit", f"h{session_no}", ts + 6, "play the usual playlist", "play_music")
                    habit_left -= 1
                elif roll < 0.10:  # a planted failure
                    bad, fix = pairs[rng.randrange(len(pairs))]
                    spelled = bad.capitalize() + rng.choice(("", "", ".", "!")) if rng.random() < 0.3 else bad
                    if rng.random() < 0.85:
                        emit(user, session, ts, spelled, "nlu_fallback")
                        if rng.random() < 0.8:
                            ts += rng.uniform(3, 20)
                            emit(user, session, ts, fix, "play_music", barge_in=rng.random() < 0.03)
                    else:
                        emit(user, session, ts, spelled, "play_music")
                elif roll < 0.22:  # noise: a one-off garble, sometimes rephrased at random
                    junk = " ".join(rng.choice(FILL) + str(rng.randrange(10**6)) for _ in range(2))
                    emit(user, session, ts, junk, "nlu_fallback")
                    if rng.random() < 0.5:
                        ts += rng.uniform(3, 20)
                        emit(user, session, ts, rng.choice(good), "play_music")
                else:  # requests that work (a few interrupted)
                    emit(user, session, ts, rng.choice(good), "play_music", barge_in=rng.random() < 0.04)
                ts += rng.uniform(60, 400)
    return {"turns": written, "users": n_users, "planted": pairs}


def _mine_here(path: str) -> None:
    """Child process: mine one file and print the figures as JSON (peak RSS is this process's own)."""
    from preferences.selflearning.miner import mine_jsonl

    def cpu() -> float:
        me, kids = resource.getrusage(resource.RUSAGE_SELF), resource.getrusage(resource.RUSAGE_CHILDREN)
        return me.ru_utime + me.ru_stime + kids.ru_utime + kids.ru_stime

    load = os.getloadavg()[0]
    cpu_before, started = cpu(), time.perf_counter()
    result = mine_jsonl(path)
    seconds = time.perf_counter() - started
    cpu_s = cpu() - cpu_before
    rss_self = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    rss_children = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss / 1024
    print(json.dumps({"seconds": seconds, "cpu_s": round(cpu_s, 2), "load_before": load,
                      "peak_rss_mb": round(rss_self, 1),
                      "peak_worker_rss_mb": round(rss_children, 1), "stats": result.stats,
                      "rewrites": [[r.source_key, r.target_key, r.probability, r.distinct_users]
                                   for r in result.rewrites]}))


def bench_size(n_turns: int, seed: int, workdir: Path) -> dict[str, Any]:
    path = workdir / f"log-{n_turns}.jsonl"
    t = time.perf_counter()
    planted = write_log(path, n_turns, seed)
    generated_s = time.perf_counter() - t
    env = {**os.environ, "RASA_TELEMETRY_ENABLED": "false"}
    out = subprocess.run([sys.executable, __file__, "--mine-one", str(path)], cwd=ROOT, env=env,
                         capture_output=True, text=True, check=True)
    mined = json.loads(out.stdout.strip().splitlines()[-1])
    found = {(s, t) for s, t, _p, _u in mined["rewrites"]}
    expected = {(request_key(s), request_key(t)) for s, t in planted["planted"]}
    turns = mined["stats"]["turns"]
    row = {
        "turns": turns, "users": planted["users"], "generate_s": round(generated_s, 2),
        "mine_s": round(mined["seconds"], 3), "cpu_s": mined["cpu_s"], "load_before": mined["load_before"],
        "turns_per_s": round(turns / mined["seconds"]),
        "us_per_turn": round(mined["seconds"] / turns * 1e6, 2),
        "cpu_us_per_turn": round(mined["cpu_s"] / turns * 1e6, 2), "peak_rss_mb": mined["peak_rss_mb"],
        "peak_worker_rss_mb": mined["peak_worker_rss_mb"], "rewrites": len(found),
        "planted": len(expected), "planted_recovered": len(found & expected), "not_planted": len(found - expected),
        "habit_learned": any(s == request_key("play the usual") for s, _t in found),
        "timings": mined["stats"]["timings"], "stats": {k: mined["stats"][k] for k in
                                                        ("sessions", "requests", "defects", "chains", "states",
                                                         "edges_seen", "edges_kept", "candidates")},
    }
    path.unlink()
    return row


def plot(rows: list[dict[str, Any]], out: Path) -> None:
    import matplotlib

    matplotlib.use("Agg")
    import matplotlib.pyplot as plt

    xs = [r["turns"] for r in rows]
    ys = [r["mine_s"] for r in rows]
    fig, ax = plt.subplots(figsize=(6, 4))
    ax.loglog(xs, ys, "o-", label="mine_jsonl, wall clock (2 cores)")
    ax.loglog(xs, [r["cpu_s"] / 2 for r in rows], "s:", label="CPU seconds / 2 (what an idle machine would take)")
    per_turn = ys[-1] / xs[-1]
    ax.loglog(xs, [x * per_turn for x in xs], "--", color="grey", label="linear (through the largest size)")
    ax.plot([1_000_000], [15], "r*", markersize=10, label="target: 1M turns in < 15 s")
    ax.set_xlabel("turns")
    ax.set_ylabel("seconds")
    ax.set_title(f"Rewrite mining time (load average {rows[-1]['load_before']:.1f} before the largest)")
    ax.legend()
    fig.tight_layout()
    fig.savefig(out, dpi=120)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--sizes", default="10000,100000,300000,1000000")
    parser.add_argument("--seed", type=int, default=7)
    parser.add_argument("--mine-one", help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.mine_one:
        _mine_here(args.mine_one)
        return
    sizes = [int(s) for s in args.sizes.split(",") if s.strip()]
    rows = []
    with tempfile.TemporaryDirectory(prefix="bench-mining-") as tmp:
        for n in sizes:
            row = bench_size(n, args.seed, Path(tmp))
            rows.append(row)
            print(f"{row['turns']:>9,} turns  {row['mine_s']:7.2f} s (cpu {row['cpu_s']:.1f} s, load "
                  f"{row['load_before']:.1f})  {row['turns_per_s']:>9,} turns/s  "
                  f"{row['us_per_turn']:6.2f} us/turn  peak RSS {row['peak_rss_mb']:.0f} MB "
                  f"(workers {row['peak_worker_rss_mb']:.0f} MB)  rewrites {row['rewrites']}  "
                  f"planted recovered {row['planted_recovered']}/{row['planted']}  "
                  f"not planted {row['not_planted']}  habit learned {row['habit_learned']}", flush=True)
    ARTIFACTS.mkdir(parents=True, exist_ok=True)
    (ARTIFACTS / "mining.json").write_text(json.dumps({"cpu_count": os.cpu_count(), "seed": args.seed,
                                                       "sizes": rows}, indent=2))
    plot(rows, ARTIFACTS / "mining.png")
    print(f"wrote {ARTIFACTS / 'mining.json'} and {ARTIFACTS / 'mining.png'}")


if __name__ == "__main__":
    main()
