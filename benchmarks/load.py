"""Many concurrent users teaching and using preferences against the served stack, then a check of the database.

    .venv/bin/python benchmarks/load.py [--users 50] [--minutes 5] [--db sqlite|postgresql]
        [--rasa-processes 1|2] [--socketio-share 0.1] [--think 0.5] [--json]

Why: one user at a time (the e2e tests) says nothing about what happens when
fifty people teach the assistant at once: a lock held too long, a turn that
times out, a preference written under the wrong user or lost between two
Rasa processes. This script starts the real servers (rasa_components.served,
the way `make serve` starts them) on free ports with a database of their own
and plays users who each teach a genre, a cuisine and a team, use them
("play some music" must then play that genre), ask what the assistant knows,
and start over as a new user when done. Most talk REST; a share talk
socket.io (HTTP long-polling, as tests/e2e/test_socketio.py does). With two
Rasa processes (PostgreSQL only: the deployment of docs/deployment.md, a
shared PostgreSQL tracker store and the Redis lock store) the script is the
load balancer: a REST user's turns alternate between the instances,
a socket.io session stays on one (sticky).

Checked: every request answered (HTTP 200, a non-empty reply that is not the
bug apology nor the memory outage message), every reply that should use a
taught preference uses it, and afterwards, read through the library
(PreferenceStore.list), every user holds exactly what that user taught:
nothing lost, nothing of anyone else. Reported: throughput, latency p50/p95/p99
(REST: the whole answer; socket.io: the first message), the load average.
Each configuration's result is merged into artifacts/bench/load.json (keyed
`db-Nproc`), and artifacts/bench/load.png plots every configuration there.
"""
from __future__ import annotations

import argparse
import asyncio
import json
import os
import random
import sys
import tempfile
import time
import uuid
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

import aiohttp  # noqa: E402
import socketio  # noqa: E402
from rich.console import Console  # noqa: E402

from preferences.db import migrate  # noqa: E402
from preferences.dialogue.messages import BUG, UNAVAILABLE  # noqa: E402
from preferences.store import PreferenceStore, catalog_normalizer  # noqa: E402
from rasa_components.action_failures import ACTION_FAILED  # noqa: E402
from rasa_components.served import RunningAssistant, model_path  # noqa: E402

ARTIFACTS = ROOT / "artifacts" / "bench"
PG = os.environ.get("LOAD_PG", "postgresql+psycopg2://postgres@127.0.0.1:5432")
REDIS_HOST, REDIS_PORT = "127.0.0.1", 6379
REDIS_DB = int(os.environ.get("LOAD_REDIS_DB", "7"))  # not 0 (the developer's) nor 11 (the e2e tests')
console = Console(stderr=True)


def percentile(values: list[float], q: float) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, int(round(q * (len(ordered) - 1))))] if ordered else float("nan")


# --- what the users say ---------------------------------------------------------------------------

GENRES = ["bluegrass", "jazz", "reggae", "blues", "classical", "funk", "soul", "disco", "metal", "country"]
CUISINES = ["thai", "italian", "mexican", "japanese", "indian", "greek", "korean", "french"]
TEAMS = [("Celtics", "Boston Celtics"), ("Warriors", "Golden State Warriors"), ("Yankees", "New York Yankees"),
         ("Lakers", "Los Angeles Lakers"), ("Red Sox", "Boston Red Sox"), ("Packers", "Green Bay Packers")]


@dataclass(frozen=True)
class Turn:
    text: str
    expect: tuple[str, ...] = ()  # words the answer must contain (case-insensitive)
    teaches: tuple[str, str] | None = None  # (slot, value as said) this turn stores
    needs: tuple[str, ...] = ()  # slots whose teaching must have been confirmed for `expect` to apply


@dataclass(frozen=True)
class Script:
    """One user's conversation: teach three preferences, use each at once, review them, use one again."""

    user: str
    steps: tuple[Turn, ...]


def script_for(user: str, rng: random.Random) -> Script:
    genre, cuisine, (team, full_team) = rng.choice(GENRES), rng.choice(CUISINES), rng.choice(TEAMS)
    return Script(user, (
        Turn(f"I love {genre} music", (f"you like {genre}",), ("genre", genre)),
        Turn("play some music", (f"Playing {genre}",), needs=("genre",)),
        Turn(f"I like {cuisine} food", (f"you like {cuisine}",), ("cuisine", cuisine)),
        Turn("find me a restaurant in Boston", (cuisine,), needs=("cuisine",)),
        Turn(f"I'm a {team} fan", (team,), ("team", team)),
        Turn("how did my team do?", (full_team,), needs=("team",)),
        Turn("what do you know about me?", (genre, cuisine, team), needs=("genre", "cuisine", "team")),
        Turn("play some music", (f"Playing {genre}",), needs=("genre",)),
    ))


# --- the servers ------------------------------------------------------------------------------------

def pg_admin() -> Any:
    import psycopg2

    conn = psycopg2.connect(f"postgresql://{PG.split('://', 1)[1]}/postgres", connect_timeout=5)
    conn.autocommit = True
    return conn


@contextmanager
def pg_databases(count: int) -> Iterator[list[str]]:
    """`count` fresh databases on the local PostgreSQL server, dropped afterwards."""
    names = [f"load_{os.getpid()}_{uuid.uuid4().hex[:8]}" for _ in range(count)]
    conn = pg_admin()
    with conn.cursor() as cur:
        for name in names:
            cur.execute(f'CREATE DATABASE "{name}"')
    try:
        yield [f"{PG}/{name}" for name in names]
    finally:
        with conn.cursor() as cur:
            for name in names:
                cur.execute(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')
        conn.close()


@contextmanager
def redis_db() -> Iterator[int]:
    """The lock store's Redis database, flushed before and after (only that one)."""
    import redis

    client = redis.Redis(host=REDIS_HOST, port=REDIS_PORT, db=REDIS_DB, socket_connect_timeout=3)
    client.flushdb()
    try:
        yield REDIS_DB
    finally:
        client.flushdb()
        client.close()


@contextmanager
def served(db: str, processes: int, workdir: Path, extra_env: dict[str, str] | None = None
           ) -> Iterator[tuple[list[RunningAssistant], str]]:
    """The assistant(s) of one configuration, and the preferences URL they write to."""
    extra_env = dict(extra_env or {})
    if db == "sqlite":
        if processes != 1:
            raise SystemExit("two Rasa processes need PostgreSQL (--db postgresql): SQLite is one machine's file")
        url = f"sqlite:///{workdir / 'preferences.db'}"
        migrate(url)
        assistant = RunningAssistant(workdir / "instance-1", url, extra_env=extra_env)
        assistant.start()
        try:
            yield [assistant], url
        finally:
            assistant.stop()
        return
    with pg_databases(2) as (url, tracker), redis_db() as number:
        migrate(url)
        lock = (f"lock_store:\n  type: rasa_components.lock_store.AtomicRedisLockStore\n  url: {REDIS_HOST}\n"
                f"  port: {REDIS_PORT}\n  db: {number}\n  key_prefix: load{uuid.uuid4().hex[:8]}\n")
        env = extra_env | {"TRACKER_DB_URL": tracker.replace("+psycopg2", "")}
        instances = [RunningAssistant(workdir / f"instance-{n}", url, extra_env=env, endpoints_extra=lock)
                     for n in range(1, processes + 1)]
        try:
            instances[0].start()  # the first creates Rasa's tables; the others then start on them
            for instance in instances[1:]:
                instance.start()
            yield instances, url
        finally:
            for instance in instances:
                instance.stop()


# --- the users --------------------------------------------------------------------------------------

@dataclass
class Results:
    """What the users saw, shared by all of them (one event loop: no locks needed)."""

    latencies: list[tuple[float, float, str]] = field(default_factory=list)  # (finished at, ms, channel)
    failures: list[dict[str, Any]] = field(default_factory=list)  # no answer, an error, an apology
    wrong: list[dict[str, Any]] = field(default_factory=list)  # answered, but not using what was taught
    taught: dict[str, set[tuple[str, str]]] = field(default_factory=dict)  # user -> {(slot, value)} confirmed
    unsure: dict[str, set[tuple[str, str]]] = field(default_factory=dict)  # taught in a turn that failed
    users_started: int = 0
    users_finished: int = 0


def judge(results: Results, script: Script, step: int, texts: list[str], ms: float, channel: str,
          error: str | None) -> bool:
    """Record one answer; True if it was answered and used what it should (a teaching turn: confirmed)."""
    text = " ".join(texts)
    results.latencies.append((time.monotonic(), ms, channel))
    turn = script.steps[step]
    where = {"user": script.user, "said": turn.text, "channel": channel, "answer": text[:300]}
    if error or not text or any(apology in text for apology in (BUG, UNAVAILABLE, ACTION_FAILED)):
        results.failures.append(where | {"error": error or "apology or empty answer"})
        return False
    confirmed = {slot for slot, _ in results.taught.get(script.user, set())}
    if not set(turn.needs) <= confirmed:  # its teaching turn failed (already counted): nothing to use
        return True
    missing = [w for w in turn.expect if w.lower() not in text.lower()]
    if missing:
        results.wrong.append(where | {"missing": missing})
    return not missing


def remember(results: Results, user: str, turn: Turn, confirmed: bool) -> None:
    """A confirmed teaching turn must be stored; a failed one may or may not have been (never for another user)."""
    if turn.teaches:
        (results.taught if confirmed else results.unsure).setdefault(user, set()).add(turn.teaches)


async def rest_user(session: aiohttp.ClientSession, urls: list[str], script: Script, results: Results,
                    think: float, stop_at: float) -> None:
    """A REST user; with several instances, its turns go round-robin (any instance can take any turn)."""
    for i, turn in enumerate(script.steps):
        url = urls[i % len(urls)]
        start = time.perf_counter()
        texts, error = [], None
        try:
            async with session.post(f"{url}/webhooks/rest/webhook", json={"sender": script.user, "message": turn.text},
                                    timeout=aiohttp.ClientTimeout(total=60)) as r:
                if r.status != 200:
                    error = f"HTTP {r.status}: {(await r.text())[:200]}"
                else:
                    texts = [m.get("text", "") for m in await r.json() if m.get("text")]
        except (aiohttp.ClientError, asyncio.TimeoutError) as exc:
            error = f"{type(exc).__name__}: {exc}"
        remember(results, script.user, turn,
                 judge(results, script, i, texts, (time.perf_counter() - start) * 1000, "rest", error))
        if time.monotonic() > stop_at:
            return
        await asyncio.sleep(random.uniform(0, 2 * think))


async def socketio_user(url: str, script: Script, results: Results, think: float, stop_at: float) -> None:
    """A web-chat user (socket.io over long-polling); latency is the time to the first answer message."""
    # request_timeout: the handshake waits like a REST turn may (engine.io's default of 5 s fails under load)
    client = socketio.AsyncClient(reconnection=False, request_timeout=60)
    answers: asyncio.Queue[str] = asyncio.Queue()
    confirmed = asyncio.Event()
    client.on("session_confirm", lambda *_: confirmed.set())
    client.on("bot_uttered", lambda data: answers.put_nowait(data.get("text", "")))
    try:
        await client.connect(url, transports=["polling"], socketio_path="/socket.io", wait_timeout=30)
        await client.emit("session_request", {"session_id": script.user})
        await asyncio.wait_for(confirmed.wait(), 30)
    except Exception as exc:  # noqa: BLE001 - a refused or hung connection is a failed request, reported
        results.failures.append({"user": script.user, "said": "(connect)", "channel": "socketio",
                                 "error": f"{type(exc).__name__}: {exc}"})
        await leave(client)
        return
    try:
        for i, turn in enumerate(script.steps):
            start = time.perf_counter()
            texts, error, ms = [], None, 0.0
            try:
                await client.emit("user_uttered", {"message": turn.text, "session_id": script.user})
                texts.append(await asyncio.wait_for(answers.get(), 60))
                ms = (time.perf_counter() - start) * 1000
                while True:  # the turn's further messages: socket.io has no end-of-turn marker
                    texts.append(await asyncio.wait_for(answers.get(), 0.4))
            except asyncio.TimeoutError:
                if not texts:
                    error, ms = "no answer within 60 s", (time.perf_counter() - start) * 1000
            except socketio.exceptions.SocketIOError as exc:  # the server dropped the session: this turn failed
                judge(results, script, i, [], (time.perf_counter() - start) * 1000, "socketio",
                      f"{type(exc).__name__}: {exc}")
                return
            remember(results, script.user, turn, judge(results, script, i, texts, ms, "socketio", error))
            if time.monotonic() > stop_at:
                return
            await asyncio.sleep(random.uniform(0, 2 * think))
    finally:
        await leave(client)


async def leave(client: socketio.AsyncClient) -> None:
    """Disconnect without waiting on a long-poll to end: the session is over either way."""
    try:
        await asyncio.wait_for(client.disconnect(), 5)
    except (asyncio.TimeoutError, Exception):  # noqa: BLE001 - a failed goodbye is not a failed request
        pass


async def simulated_user(slot: int, urls: list[str], session: aiohttp.ClientSession, results: Results,
                         args: argparse.Namespace, stop_at: float, rng: random.Random) -> None:
    """One of the concurrent users: plays scripts as new users, one after the other, until time is up."""
    await asyncio.sleep(rng.uniform(0, 2.0))  # a ramp, not fifty requests in the same millisecond
    while time.monotonic() < stop_at:
        results.users_started += 1
        over_socketio = rng.random() < args.socketio_share
        script = script_for(f"load-{slot}-{uuid.uuid4().hex[:8]}", rng)
        if over_socketio:
            await socketio_user(urls[slot % len(urls)], script, results, args.think, stop_at)
        else:
            await rest_user(session, urls, script, results, args.think, stop_at)
        results.users_finished += 1


async def progress(results: Results, began: float, stop_at: float, every: float = 10.0) -> None:
    """A line every `every` seconds: so a long run shows it is alive, and a failure shows when it began."""
    seen = 0
    while time.monotonic() < stop_at + 65:
        await asyncio.sleep(every)
        window = [ms for _, ms, _ in results.latencies[seen:]]
        seen = len(results.latencies)
        console.print(f"[{time.monotonic() - began:5.0f}s] turns {seen:6d}  {len(window) / every:5.1f}/s  "
                      f"p50 {percentile(window, 0.5):6.0f} ms  p95 {percentile(window, 0.95):6.0f} ms  "
                      f"failed {len(results.failures)}  wrong {len(results.wrong)}  users {results.users_started}")


async def drive(urls: list[str], args: argparse.Namespace) -> tuple[Results, float]:
    results, rng = Results(), random.Random(args.seed)
    began = time.monotonic()
    stop_at = began + args.minutes * 60
    # Idle connections are dropped before Rasa's Sanic closes them (5 s), as a browser would: a request written
    # to a connection the server is closing would fail for the client, not for the assistant.
    connector = aiohttp.TCPConnector(limit=0, keepalive_timeout=3)
    async with aiohttp.ClientSession(connector=connector) as session:
        ticker = asyncio.create_task(progress(results, began, stop_at))
        await asyncio.gather(*(simulated_user(n, urls, session, results, args, stop_at, random.Random(rng.random()))
                               for n in range(args.users)))
        ticker.cancel()
    # The span of the turns (the first user starts at once, the last turn ends after the deadline), not of the
    # goodbyes that follow it.
    last = max((at for at, _, _ in results.latencies), default=time.monotonic())
    return results, last - began


# --- the check and the report --------------------------------------------------------------------

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


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--users", type=int, default=50)
    parser.add_argument("--minutes", type=float, default=5.0)
    parser.add_argument("--db", choices=("sqlite", "postgresql"), default="sqlite")
    parser.add_argument("--rasa-processes", type=int, choices=(1, 2), default=1)
    parser.add_argument("--socketio-share", type=float, default=0.1, help="share of users on socket.io")
    parser.add_argument("--think", type=float, default=3.0,
                        help="mean pause between a user's turns, uniform in 0..2x (s): reading or hearing the answer")
    parser.add_argument("--seed", type=int, default=13)
    parser.add_argument("--out-dir", type=Path, default=ARTIFACTS)
    parser.add_argument("--json", action="store_true", help="print this run's result as JSON on stdout")
    args = parser.parse_args()
    console.print(f"model {model_path().name}; {args.users} users for {args.minutes} min on {args.db}, "
                  f"{args.rasa_processes} Rasa process(es)")
    with tempfile.TemporaryDirectory(prefix="load-") as tmp, \
            served(args.db, args.rasa_processes, Path(tmp)) as (instances, url):
        console.print("servers up: " + ", ".join(i.url for i in instances))
        load_before = os.getloadavg()[0]
        results, seconds = asyncio.run(drive([i.url for i in instances], args))
        load_after = os.getloadavg()[0]
        store = check_store(url, results.taught, results.unsure)
    row = summarise(results, seconds, store, args, (round(load_before, 2), round(load_after, 2)))
    report = save(row, args.out_dir)
    if args.json:
        print(json.dumps(row, indent=2))
    verdict = "PASS" if not (row["failed_requests"] or row["wrong_answers"] or row["lost_preferences"]
                             or row["misattributed_preferences"]) else "FAIL"
    console.print(f"{verdict} {row['config']}: {row['requests']} turns in {row['seconds']} s = "
                  f"{row['throughput_rps']} turns/s; p50 {row['p50_ms']} ms, p95 {row['p95_ms']} ms, "
                  f"p99 {row['p99_ms']} ms; failed {row['failed_requests']}, wrong {row['wrong_answers']}; "
                  f"{row['preferences_checked']} preferences of {row['users_simulated']} users checked: "
                  f"lost {row['lost_preferences']}, misattributed {row['misattributed_preferences']}; "
                  f"load average {load_before:.1f} -> {load_after:.1f}"
                  + (f"; scaling 1->2 processes x{report['scaling_1_to_2']}" if "scaling_1_to_2" in report else ""))
    sys.exit(0 if verdict == "PASS" else 1)


if __name__ == "__main__":
    main()
