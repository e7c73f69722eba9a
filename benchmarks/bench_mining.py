"""How fast the rewrite miner is, and whether it finds what was planted, from 10k to 1M turns.

    .venv/bin/python benchmarks/bench_mining.py [--sizes 10000,100000,300000,1000000]
        [--tracker-sizes 10000,100000] [--seed 7]

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
planted ones recovered.

Reading the same turns from the SQL tracker store is reported separately
(`--tracker-sizes`, up to 1,000,000; "" for none; each size is also mined
from JSON Lines, for the comparison). The same synthetic turns (same seed)
are written, not timed, into a SQLite file as Rasa 3.6's `SQLTrackerStore`
stores them: the `events` table is created from Rasa's own
`SQLTrackerStore.SQLEvent` table, and every conversation is written the way
Rasa's `save` writes its events (type_name, timestamp, intent_name,
action_name from the event, data = the event's `as_dict()` as JSON; checked
against Rasa's event classes before writing), with SQLAlchemy core
executemany. Per user: `action_session_start`, `session_started`,
`action_listen` at each session start; per turn the `user` event (parse
data with a five-intent ranking), the action (`action_default_fallback`
after `nlu_fallback`), a `bot` answer and `action_listen`; a barge-in is the
web chat's stop button, a following "stop" message with metadata
`{"barge_in": true}`. Then `mine(tracker_batches(url), MiningSettings())`
runs in a fresh process and reports the same figures, the events read, and
whether its rewrites and counts are those of the JSON Lines run.

Results: artifacts/bench/mining.json ("sizes": JSON Lines; "tracker": the
tracker store) and a log-log plot of time against turns with a linear
reference and the tracker-store series, artifacts/bench/mining.png.
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
from collections.abc import Iterator
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


def n_users(n_turns: int) -> int:
    return max(300, n_turns // 40)


def synthetic_turns(n_turns: int, seed: int) -> Iterator[dict[str, Any]]:
    """About `n_turns` turns as JSON Lines records, in the order they are written (sessions contiguous)."""
    rng = random.Random(seed)
    pairs = planted_pairs()
    good = [f"{v} {a}" for v in VERBS for a in ARTISTS] + [t.format(f) for t in OTHER for f in FILL]
    users = n_users(n_turns)
    written = 0
    session_no = 0
    habit_left = 50

    def turn(user: str, session: str, ts: float, text: str, intent: str, barge_in: bool = False
             ) -> dict[str, Any]:
        nonlocal written
        line = {"session_id": session, "user_id": user, "ts": round(ts, 3), "text": text, "intent": intent}
        if barge_in:
            line["barge_in"] = True
        written += 1
        return line

    while written < n_turns:
        session_no += 1
        user = f"u{rng.randrange(users)}"
        session = f"s{session_no}"
        ts = START + rng.random() * SPAN
        for _ in range(rng.choice((1, 1, 2, 2, 3, 4))):
            roll = rng.random()
            if habit_left and roll < 0.002:  # one user's private habit, a rephrase nobody else makes
                yield turn("u_habit", f"h{session_no}", ts, "play the usual", "nlu_fallback")
                yield turn("u_habit", f"h{session_no}", ts + 6, "play the usual playlist", "play_music")
                habit_left -= 1
            elif roll < 0.10:  # a planted failure
                bad, fix = pairs[rng.randrange(len(pairs))]
                spelled = bad.capitalize() + rng.choice(("", "", ".", "!")) if rng.random() < 0.3 else bad
                if rng.random() < 0.85:
                    yield turn(user, session, ts, spelled, "nlu_fallback")
                    if rng.random() < 0.8:
                        ts += rng.uniform(3, 20)
                        yield turn(user, session, ts, fix, "play_music", barge_in=rng.random() < 0.03)
                else:
                    yield turn(user, session, ts, spelled, "play_music")
            elif roll < 0.22:  # noise: a one-off garble, sometimes rephrased at random
                junk = " ".join(rng.choice(FILL) + str(rng.randrange(10**6)) for _ in range(2))
                yield turn(user, session, ts, junk, "nlu_fallback")
                if rng.random() < 0.5:
                    ts += rng.uniform(3, 20)
                    yield turn(user, session, ts, rng.choice(good), "play_music")
            else:  # requests that work (a few interrupted)
                yield turn(user, session, ts, rng.choice(good), "play_music", barge_in=rng.random() < 0.04)
            ts += rng.uniform(60, 400)


def write_log(path: Path, n_turns: int, seed: int) -> dict[str, Any]:
    """Write about `n_turns` turns as JSON Lines; returns what was planted."""
    written = 0
    with path.open("w") as f:
        for line in synthetic_turns(n_turns, seed):
            f.write(json.dumps(line))
            f.write("\n")
            written += 1
    return {"turns": written, "users": n_users(n_turns), "planted": planted_pairs()}


# --- the same turns as Rasa's SQL tracker store holds them ---------------------------------------

BOT_DATA = {"elements": None, "quick_replies": None, "buttons": None, "attachment": None, "image": None,
            "custom": None}
RANKING = ("play_music", "weather", "set_timer", "greet", "out_of_scope")  # the runners-up in parse_data
ANSWERS = {"nlu_fallback": ("action_default_fallback", "RulePolicy", 1.0, "Sorry, I didn't get that. Could you "
                                                                            "rephrase?", "utter_default"),
           "play_music": ("action_play_music", "TEDPolicy", 0.97, "Playing it now.", None)}


def _action(ts: float, name: str, policy: str | None = None, confidence: float | None = None) -> dict[str, Any]:
    return {"event": "action", "timestamp": ts, "name": name, "policy": policy, "confidence": confidence,
            "action_text": None, "hide_rule_turn": False}


def _user(ts: float, text: str, intent: str, confidence: float, message_id: str, metadata: dict[str, Any]
          ) -> dict[str, Any]:
    ranking = [{"name": intent, "confidence": confidence}] + [
        {"name": name, "confidence": round((1 - confidence) / (i + 2), 4)}
        for i, name in enumerate(r for r in RANKING if r != intent)][:4]
    parse = {"intent": {"name": intent, "confidence": confidence}, "entities": [], "text": text,
             "message_id": message_id, "metadata": metadata, "intent_ranking": ranking}
    return {"event": "user", "timestamp": ts, "metadata": metadata, "text": text, "parse_data": parse,
            "input_channel": "rest", "message_id": message_id}


def _bot(ts: float, text: str, utter: str | None) -> dict[str, Any]:
    return {"event": "bot", "timestamp": ts, "metadata": {"utter_action": utter} if utter else {}, "text": text,
            "data": dict(BOT_DATA)}


def _session_start(ts: float) -> list[dict[str, Any]]:
    return [_action(ts, "action_session_start"), {"event": "session_started", "timestamp": ts},
            _action(ts, "action_listen")]


def conversation_events(line: dict[str, Any], message_no: int, new_session: bool) -> list[dict[str, Any]]:
    """One synthetic turn as the events Rasa's tracker holds for it (event dicts, as `Event.as_dict()`)."""
    ts, intent = line["ts"], line["intent"]
    action, policy, confidence, answer, utter = ANSWERS[intent]
    nlu_confidence = 0.31 if intent == "nlu_fallback" else 0.93
    events = _session_start(round(ts - 1, 3)) if new_session else []
    events += [_user(ts, line["text"], intent, nlu_confidence, f"{message_no:032x}", {}),
               _action(round(ts + 0.1, 3), action, policy, confidence), _bot(round(ts + 0.2, 3), answer, utter),
               _action(round(ts + 0.3, 3), "action_listen", "RulePolicy", 1.0)]
    if line.get("barge_in"):  # the stop button: a message that judges the answer above
        events += [_user(round(ts + 1.5, 3), "stop", "stop", 0.99, f"{message_no:031x}b", {"barge_in": True}),
                   _action(round(ts + 1.6, 3), "action_listen", "RulePolicy", 1.0)]
    return events


def event_row(sender: str, data: dict[str, Any]) -> dict[str, Any]:
    """The row `SQLTrackerStore.save` writes for one event (its columns derived from the event as Rasa does)."""
    return {"sender_id": sender, "type_name": data["event"], "timestamp": data.get("timestamp"),
            "intent_name": data.get("parse_data", {}).get("intent", {}).get("name"),
            "action_name": data.get("name"), "data": json.dumps(data)}


def check_against_rasa() -> None:
    """The event dicts above are what Rasa's own event classes produce (fails loudly if Rasa changes)."""
    from rasa.shared.core.events import ActionExecuted, BotUttered, SessionStarted, UserUttered

    line = {"session_id": "s1", "user_id": "u1", "ts": 1_767_225_601.5, "text": "play maj and dragons",
            "intent": "nlu_fallback", "barge_in": True}
    ours = conversation_events(line, 7, True)
    user, stop = ours[3], ours[7]
    theirs = [ActionExecuted("action_session_start", timestamp=ours[0]["timestamp"]),
              SessionStarted(timestamp=ours[1]["timestamp"]),
              ActionExecuted("action_listen", timestamp=ours[2]["timestamp"]),
              UserUttered(user["text"], intent=user["parse_data"]["intent"], parse_data=user["parse_data"],
                          timestamp=user["timestamp"], input_channel="rest", message_id=user["message_id"],
                          metadata={}),
              ActionExecuted("action_default_fallback", policy="RulePolicy", confidence=1.0,
                             timestamp=ours[4]["timestamp"]),
              BotUttered(ours[5]["text"], dict(BOT_DATA), {"utter_action": "utter_default"},
                         timestamp=ours[5]["timestamp"]),
              ActionExecuted("action_listen", policy="RulePolicy", confidence=1.0, timestamp=ours[6]["timestamp"]),
              UserUttered("stop", intent=stop["parse_data"]["intent"], parse_data=stop["parse_data"],
                          timestamp=stop["timestamp"], input_channel="rest", message_id=stop["message_id"],
                          metadata={"barge_in": True}),
              ActionExecuted("action_listen", policy="RulePolicy", confidence=1.0, timestamp=ours[8]["timestamp"])]
    assert len(ours) == len(theirs), (len(ours), len(theirs))
    for mine_, rasa_ in zip(ours, theirs):
        assert mine_ == rasa_.as_dict() and mine_["event"] == rasa_.type_name, (mine_, rasa_.as_dict())


def write_tracker_store(path: Path, n_turns: int, seed: int, chunk_rows: int = 20_000) -> dict[str, Any]:
    """The synthetic turns of (n_turns, seed) as a Rasa 3.6 SQLite tracker store at `path` (not timed)."""
    os.environ.setdefault("RASA_TELEMETRY_ENABLED", "false")
    from rasa.core.tracker_store import SQLTrackerStore
    from sqlalchemy.future import create_engine

    check_against_rasa()
    table = SQLTrackerStore.SQLEvent.__table__  # Rasa's own table: its columns, types and sender_id index
    engine = create_engine(f"sqlite:///{path}")
    table.create(engine)
    insert = table.insert()
    session_of: dict[str, str] = {}  # sender -> its current session: a new one starts with session_started
    rows: list[dict[str, Any]] = []
    turns = events = 0
    with engine.begin() as conn:
        for line in synthetic_turns(n_turns, seed):
            sender, session = line["user_id"], line["session_id"]
            new_session = session_of.get(sender) != session
            session_of[sender] = session
            turns += 1
            rows.extend(event_row(sender, data) for data in conversation_events(line, turns, new_session))
            if len(rows) >= chunk_rows:
                conn.execute(insert, rows)  # executemany
                events += len(rows)
                rows = []
        if rows:
            conn.execute(insert, rows)
            events += len(rows)
    engine.dispose()
    return {"turns": turns, "events": events, "users": n_users(n_turns), "planted": planted_pairs(),
            "db_mb": round(path.stat().st_size / 2**20, 1)}


def _mine_here(path: str, source: str = "jsonl") -> None:
    """Child process: mine one file (JSON Lines, or a tracker store's URL) and print the figures as JSON
    (peak RSS is this process's own)."""
    from preferences.selflearning.miner import mine, mine_jsonl
    from preferences.selflearning.settings import MiningSettings
    from preferences.selflearning.tracker_store import tracker_batches

    def cpu() -> float:
        me, kids = resource.getrusage(resource.RUSAGE_SELF), resource.getrusage(resource.RUSAGE_CHILDREN)
        return me.ru_utime + me.ru_stime + kids.ru_utime + kids.ru_stime

    load = os.getloadavg()[0]
    cpu_before, started = cpu(), time.perf_counter()
    result = mine_jsonl(path) if source == "jsonl" else mine(tracker_batches(path), MiningSettings())
    seconds = time.perf_counter() - started
    cpu_s = cpu() - cpu_before
    rss_self = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    rss_children = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss / 1024
    print(json.dumps({"seconds": seconds, "cpu_s": round(cpu_s, 2), "load_before": load,
                      "peak_rss_mb": round(rss_self, 1),
                      "peak_worker_rss_mb": round(rss_children, 1), "stats": result.stats,
                      "rewrites": [[r.source_key, r.target_key, r.probability, r.distinct_users]
                                   for r in result.rewrites]}))


COMPARED_STATS = ("sessions", "requests", "defects", "chains", "states", "edges_seen", "edges_kept", "candidates")


def _mine_child(target: str, source: str) -> dict[str, Any]:
    env = {**os.environ, "RASA_TELEMETRY_ENABLED": "false"}
    out = subprocess.run([sys.executable, __file__, f"--mine-{source}", target], cwd=ROOT, env=env,
                         capture_output=True, text=True, check=True)
    return json.loads(out.stdout.strip().splitlines()[-1])


def _figures(mined: dict[str, Any], planted: dict[str, Any]) -> dict[str, Any]:
    """The figures both sources report, from a child's output."""
    found = {(s, t) for s, t, _p, _u in mined["rewrites"]}
    expected = {(request_key(s), request_key(t)) for s, t in planted["planted"]}
    turns = mined["stats"]["turns"]
    return {
        "turns": turns, "users": planted["users"],
        "mine_s": round(mined["seconds"], 3), "cpu_s": mined["cpu_s"], "load_before": mined["load_before"],
        "turns_per_s": round(turns / mined["seconds"]),
        "us_per_turn": round(mined["seconds"] / turns * 1e6, 2),
        "cpu_us_per_turn": round(mined["cpu_s"] / turns * 1e6, 2), "peak_rss_mb": mined["peak_rss_mb"],
        "peak_worker_rss_mb": mined["peak_worker_rss_mb"], "rewrites": len(found),
        "planted": len(expected), "planted_recovered": len(found & expected), "not_planted": len(found - expected),
        "habit_learned": any(s == request_key("play the usual") for s, _t in found),
        "timings": mined["stats"]["timings"], "stats": {k: mined["stats"][k] for k in COMPARED_STATS},
    }


def bench_size(n_turns: int, seed: int, workdir: Path) -> tuple[dict[str, Any], list[list[str]]]:
    """Mine the JSON Lines log of this size; the row and the rewrites found, as sorted [source, target]."""
    path = workdir / f"log-{n_turns}.jsonl"
    t = time.perf_counter()
    planted = write_log(path, n_turns, seed)
    os.sync()  # the generated file's dirty pages go to disk now, not while the miner's spill is being timed
    generated_s = time.perf_counter() - t
    mined = _mine_child(str(path), "jsonl")
    row = {"generate_s": round(generated_s, 2), **_figures(mined, planted)}
    row = {"turns": row.pop("turns"), "users": row.pop("users"), **row}  # the old key order
    path.unlink()
    return row, sorted([s, t] for s, t, _p, _u in mined["rewrites"])


def bench_tracker(n_turns: int, seed: int, workdir: Path, jsonl: tuple[dict[str, Any], list[list[str]]]
                  ) -> dict[str, Any]:
    """Mine the same turns from a Rasa SQLite tracker store, compared with the JSON Lines run `jsonl`."""
    path = workdir / f"rasa-{n_turns}.db"
    t = time.perf_counter()
    planted = write_tracker_store(path, n_turns, seed)
    written_s = time.perf_counter() - t
    mined = _mine_child(f"sqlite:///{path}", "tracker")
    row = _figures(mined, planted)
    jsonl_row, jsonl_rewrites = jsonl
    found = sorted([s, t] for s, t, _p, _u in mined["rewrites"])
    same_counts = row["turns"] == jsonl_row["turns"] and row["stats"] == jsonl_row["stats"]
    row = {"turns": row.pop("turns"), "events": planted["events"], "db_mb": planted["db_mb"],
           "write_s": round(written_s, 2), **row,
           "same_rewrites_as_jsonl": found == jsonl_rewrites, "same_counts_as_jsonl": same_counts,
           "slower_than_jsonl": round(row["mine_s"] / jsonl_row["mine_s"], 2),
           "cpu_vs_jsonl": round(row["cpu_s"] / jsonl_row["cpu_s"], 2) if jsonl_row["cpu_s"] else None}
    path.unlink()
    return row


def plot(rows: list[dict[str, Any]], tracker: list[dict[str, Any]], out: Path) -> None:
    import matplotlib

    matplotlib.use("Agg")
    import matplotlib.pyplot as plt

    xs = [r["turns"] for r in rows]
    ys = [r["mine_s"] for r in rows]
    fig, ax = plt.subplots(figsize=(6.5, 4.5))
    ax.loglog(xs, ys, "o-", label="mine_jsonl, wall clock (2 cores)")
    ax.loglog(xs, [r["cpu_s"] / 2 for r in rows], "s:", label="CPU seconds / 2 (what an idle machine would take)")
    if tracker:
        ax.loglog([r["turns"] for r in tracker], [r["mine_s"] for r in tracker], "^-", color="tab:green",
                  label="mine(tracker_batches(SQLite tracker store)), wall clock")
    per_turn = ys[-1] / xs[-1]
    ax.loglog(xs, [x * per_turn for x in xs], "--", color="grey", label="linear (through the largest size)")
    ax.plot([1_000_000], [15], "r*", markersize=10, label="target: 1M turns in < 15 s")
    ax.set_xlabel("turns")
    ax.set_ylabel("seconds")
    ax.set_title(f"Rewrite mining time (load average {rows[-1]['load_before']:.1f} before the largest)", fontsize=10)
    ax.legend(fontsize=8)
    fig.tight_layout()
    fig.savefig(out, dpi=120)


def _sizes(text: str, name: str) -> list[int]:
    sizes = [int(s.replace("_", "")) for s in text.split(",") if s.strip()]
    if any(not 0 < n <= 1_000_000 for n in sizes):
        raise SystemExit(f"{name}: sizes from 1 to 1,000,000 turns")
    return sizes


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--sizes", default="10000,100000,300000,1000000")
    parser.add_argument("--tracker-sizes", default="10000,100000",
                        help="turns written to a SQLite tracker store and mined from it (up to 1000000; '' for none)")
    parser.add_argument("--seed", type=int, default=7)
    parser.add_argument("--out-dir", type=Path, default=ARTIFACTS, help="where mining.json and mining.png go")
    parser.add_argument("--mine-jsonl", "--mine-one", dest="mine_jsonl", help=argparse.SUPPRESS)
    parser.add_argument("--mine-tracker", help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.mine_jsonl:
        _mine_here(args.mine_jsonl, "jsonl")
        return
    if args.mine_tracker:
        _mine_here(args.mine_tracker, "tracker")
        return
    tracker_sizes = _sizes(args.tracker_sizes, "--tracker-sizes")
    sizes = sorted(set(_sizes(args.sizes, "--sizes")) | set(tracker_sizes))  # each tracker size is compared
    rows, tracker = [], []
    with tempfile.TemporaryDirectory(prefix="bench-mining-") as tmp:
        by_size = {}
        for n in sizes:
            row, found = by_size[n] = bench_size(n, args.seed, Path(tmp))
            rows.append(row)
            print(f"{row['turns']:>9,} turns  {row['mine_s']:7.2f} s (cpu {row['cpu_s']:.1f} s, load "
                  f"{row['load_before']:.1f})  {row['turns_per_s']:>9,} turns/s  "
                  f"{row['us_per_turn']:6.2f} us/turn  peak RSS {row['peak_rss_mb']:.0f} MB "
                  f"(workers {row['peak_worker_rss_mb']:.0f} MB)  rewrites {row['rewrites']}  "
                  f"planted recovered {row['planted_recovered']}/{row['planted']}  "
                  f"not planted {row['not_planted']}  habit learned {row['habit_learned']}", flush=True)
        if tracker_sizes:
            print("\nthe same turns read from a Rasa SQLite tracker store: mine(tracker_batches(url))")
            print(f"{'turns':>9} {'events':>10} {'db MB':>6} {'write s':>7} {'mine s':>7} {'cpu s':>6} {'load':>5} "
                  f"{'turns/s':>8} {'us/turn':>7} {'RSS MB':>6} {'wrk MB':>6} {'planted':>7} {'other':>5} "
                  f"{'habit':>5} {'same as jsonl':>13} {'x jsonl':>7}")
        for n in tracker_sizes:
            r = bench_tracker(n, args.seed, Path(tmp), by_size[n])
            tracker.append(r)
            same = "yes" if r["same_rewrites_as_jsonl"] and r["same_counts_as_jsonl"] else "NO"
            print(f"{r['turns']:>9,} {r['events']:>10,} {r['db_mb']:>6.0f} {r['write_s']:>7.1f} {r['mine_s']:>7.2f} "
                  f"{r['cpu_s']:>6.1f} {r['load_before']:>5.1f} {r['turns_per_s']:>8,} {r['us_per_turn']:>7.1f} "
                  f"{r['peak_rss_mb']:>6.0f} {r['peak_worker_rss_mb']:>6.0f} "
                  f"{r['planted_recovered']:>4}/{r['planted']:<2} {r['not_planted']:>5} {str(r['habit_learned']):>5} "
                  f"{same:>13} {r['slower_than_jsonl']:>7.2f}", flush=True)
    out = args.out_dir
    out.mkdir(parents=True, exist_ok=True)
    (out / "mining.json").write_text(json.dumps({"cpu_count": os.cpu_count(), "seed": args.seed,
                                                 "sizes": rows, "tracker": tracker}, indent=2))
    plot(rows, tracker, out / "mining.png")
    print(f"wrote {out / 'mining.json'} and {out / 'mining.png'}")


if __name__ == "__main__":
    main()
