"""Benchmark the preference store: read latency of "all of one user's preferences" and concurrent writes.

Full size (the figures asked for in the issue), both databases:

    PYTHONPATH=. python benchmarks/bench_store.py            # 100,000 users, 1,000,000 preferences

Small run (what the smoke test does):

    PYTHONPATH=. python benchmarks/bench_store.py --users 1000 --prefs 10000 --reads 200 --write-seconds 1

For each database it bulk-loads the data (executemany on SQLite, COPY on
PostgreSQL; one "created" history entry per preference), then times
`PreferenceStore.list(user)` for random users (p50/p95/p99 in ms, after a
warm-up), then runs N writer *processes* calling `PreferenceStore.record`
on random users for a fixed time and reports writes per second. Results go to
stdout and to a JSON file. Targets (not asserted): p95 read < 2 ms on SQLite,
< 5 ms on PostgreSQL over loopback.

SQLite goes to a temporary file and PostgreSQL to a throwaway database
(created and dropped here) unless --sqlite-path / --pg-url are given.
"""
from __future__ import annotations

import argparse
import io
import json
import multiprocessing
import os
import platform
import random
import shutil
import statistics
import sys
import tempfile
import time
import uuid
from pathlib import Path

from rich.console import Console
from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn, TimeElapsedColumn, TimeRemainingColumn
from rich.table import Table

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from preferences.db import make_engine, migrate, redact  # noqa: E402
from preferences.store import PreferenceStore  # noqa: E402

console = Console(stderr=True)

GENRES = ["jazz", "blues", "rock", "pop", "hip hop", "classical", "country", "folk", "metal", "punk", "reggae",
          "soul", "funk", "disco", "house", "techno", "ambient", "gospel", "latin", "k-pop", "indie", "grunge",
          "bluegrass", "opera", "swing", "bossa nova", "salsa", "r&b", "edm", "trance"]
ARTISTS = [f"artist {i}" for i in range(60)]
CUISINES = ["italian", "mexican", "chinese", "japanese", "sushi", "thai", "indian", "french", "greek", "korean",
            "vietnamese", "mediterranean", "american", "bbq", "vegetarian", "vegan", "pizza", "seafood", "spanish"]
TEAMS = [f"team {i}" for i in range(40)]
TOPICS = ["politics", "business", "technology", "science", "health", "sports", "entertainment", "world"]
CITIES = [f"City {i}, ST, US" for i in range(500)]
MULTI = ([("music", "genre", v) for v in GENRES] + [("music", "artist", v) for v in ARTISTS]
         + [("food", "cuisine", v) for v in CUISINES] + [("sports", "team", v) for v in TEAMS]
         + [("news", "news_topic", v) for v in TOPICS])
PREF_COLS = ("user_id", "domain", "slot", "value", "value_key", "polarity", "source", "confidence", "evidence",
             "recognized", "utterance", "created_at", "updated_at")
HIST_COLS = ("user_id", "at", "kind", "action", "domain", "slot", "value", "value_key", "polarity", "source",
             "confidence", "utterance")
BATCH_USERS = 5000


def plain(slot: str, value: str) -> str | None:
    """Benchmark normaliser: the store is measured, not the catalogs."""
    return value.strip() or None


def user_id(i: int) -> str:
    return f"user{i:07d}"


def generate(users: int, prefs: int, seed: int):
    """Yield (user ids, preference tuples) per batch; deterministic, unique per (user, slot, value)."""
    rng = random.Random(seed)
    base, extra = divmod(prefs, users)
    if base + 2 > len(MULTI):
        raise SystemExit(f"at most {len(MULTI) + 2} preferences per user")
    for start in range(0, users, BATCH_USERS):
        ids, rows = [], []
        for u in range(start, min(users, start + BATCH_USERS)):
            uid = user_id(u)
            ids.append(uid)
            k = base + (1 if u < extra else 0)
            picks = []
            if k >= 1:
                picks.append(("location", "home_city", rng.choice(CITIES)))
            if k >= 2:
                picks.append(("weather", "units", rng.choice(["metric", "imperial"])))
            picks += rng.sample(MULTI, max(0, k - 2))
            for domain, slot, value in picks:
                pol = "dislike" if slot not in ("home_city", "units") and rng.random() < 0.15 else "like"
                rows.append((uid, domain, slot, value, value.casefold(), pol, rng.choice(
                    ["stated", "guided_qa", "teachable_moment", "inferred"]), round(rng.uniform(0.4, 1.0), 2),
                    rng.randint(1, 5), True, f"I like {value}"))
        yield ids, rows


def load(url: str, users: int, prefs: int, seed: int) -> float:
    """Bulk-load the data set; returns seconds taken."""
    engine = make_engine(url)
    pg = engine.dialect.name == "postgresql"
    t0 = time.perf_counter()
    stamp = "2025-01-01 00:00:00.000000" if not pg else "2025-01-01 00:00:00+00"
    raw = engine.raw_connection()
    try:
        cur = raw.cursor()
        with Progress(TextColumn(f"loading {engine.dialect.name}"), BarColumn(), MofNCompleteColumn(),
                      TimeElapsedColumn(), TimeRemainingColumn(), console=console) as bar:
            task = bar.add_task("load", total=prefs)
            for ids, rows in generate(users, prefs, seed):
                prow = [r + (stamp, stamp) for r in rows]
                hrow = [(r[0], stamp, "preference", "created", r[1], r[2], r[3], r[4], r[5], r[6], r[7], r[10])
                        for r in rows]
                if pg:
                    _copy(cur, "users", ("user_id", "created_at"), [(i, stamp) for i in ids])
                    _copy(cur, "preferences", PREF_COLS, prow)
                    _copy(cur, "preference_history", HIST_COLS, hrow)
                    raw.commit()
                else:
                    cur.execute("BEGIN")
                    cur.executemany("INSERT INTO users (user_id, created_at) VALUES (?, ?)", [(i, stamp) for i in ids])
                    cur.executemany(f"INSERT INTO preferences ({', '.join(PREF_COLS)}) VALUES "
                                    f"({', '.join('?' * len(PREF_COLS))})", prow)
                    cur.executemany(f"INSERT INTO preference_history ({', '.join(HIST_COLS)}) VALUES "
                                    f"({', '.join('?' * len(HIST_COLS))})", hrow)
                    cur.execute("COMMIT")
                bar.advance(task, len(rows))
        if pg:
            raw.commit()
            old = raw.isolation_level
            raw.set_isolation_level(0)
            cur.execute("VACUUM ANALYZE")
            raw.set_isolation_level(old)
        else:
            cur.execute("ANALYZE")
            cur.execute("PRAGMA wal_checkpoint(TRUNCATE)")
        cur.close()
    finally:
        raw.close()
        engine.dispose()
    return time.perf_counter() - t0


def _copy(cur, table: str, cols: tuple[str, ...], rows: list[tuple]) -> None:
    buf = io.StringIO()
    for r in rows:
        buf.write("\t".join("t" if v is True else "f" if v is False else str(v) for v in r))
        buf.write("\n")
    buf.seek(0)
    cur.copy_expert(f"COPY {table} ({', '.join(cols)}) FROM STDIN", buf)


def bench_reads(url: str, users: int, reads: int, seed: int) -> dict:
    rng = random.Random(seed + 1)
    with PreferenceStore(url, normalizer=plain) as store:
        for _ in range(min(200, reads)):
            store.list(user_id(rng.randrange(users)))
        times, sizes = [], []
        for _ in range(reads):
            uid = user_id(rng.randrange(users))
            t = time.perf_counter()
            got = store.list(uid)
            times.append((time.perf_counter() - t) * 1000)
            sizes.append(len(got))
    times.sort()
    q = lambda p: times[min(len(times) - 1, int(p * len(times)))]  # noqa: E731
    return {"n": reads, "p50_ms": round(statistics.median(times), 3), "p95_ms": round(q(0.95), 3),
            "p99_ms": round(q(0.99), 3), "mean_ms": round(statistics.fmean(times), 3),
            "mean_preferences_per_user": round(statistics.fmean(sizes), 2)}


def _writer(url: str, users: int, seconds: float, worker: int, barrier, results) -> None:
    rng = random.Random(1000 + worker)
    with PreferenceStore(url, normalizer=plain) as store:
        store.list(user_id(0))  # connect before the clock starts
        barrier.wait(timeout=60)
        n, t0 = 0, time.perf_counter()
        deadline = t0 + seconds
        while time.perf_counter() < deadline:
            uid = user_id(rng.randrange(users))
            if rng.random() < 0.1:
                store.record(uid, "location", "home_city", rng.choice(CITIES), utterance="I live there")
            else:
                domain, slot, value = rng.choice(MULTI)
                store.record(uid, domain, slot, value, polarity="like" if rng.random() < 0.85 else "dislike",
                             utterance=f"I like {value}")
            n += 1
        results.put((n, time.perf_counter() - t0))


def bench_writes(url: str, users: int, writers: int, seconds: float) -> dict:
    ctx = multiprocessing.get_context("fork")
    barrier, results = ctx.Barrier(writers), ctx.Queue()
    procs = [ctx.Process(target=_writer, args=(url, users, seconds, w, barrier, results)) for w in range(writers)]
    for p in procs:
        p.start()
    got = [results.get(timeout=seconds + 120) for _ in procs]
    for p in procs:
        p.join(timeout=60)
    if any(p.exitcode != 0 for p in procs):
        raise SystemExit("a writer process failed")
    ops = sum(n for n, _ in got)
    elapsed = max(t for _, t in got)
    return {"writers": writers, "seconds": round(elapsed, 2), "writes": ops,
            "writes_per_second": round(ops / elapsed, 1)}


def _pg_throwaway(admin_url: str):
    import psycopg2
    from sqlalchemy.engine import make_url

    admin = make_url(admin_url)
    name = f"prefs_bench_{uuid.uuid4().hex[:10]}"
    conn = psycopg2.connect(host=admin.host, port=admin.port or 5432, user=admin.username,
                            password=admin.password, dbname=admin.database or "postgres")
    conn.autocommit = True
    conn.cursor().execute(f'CREATE DATABASE "{name}"')

    def drop() -> None:
        conn.cursor().execute(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')
        conn.close()

    return admin.set(database=name).render_as_string(hide_password=False), drop


def run_one(kind: str, url: str, args) -> dict:
    console.rule(f"{kind}: {redact(url)}")
    migrate(url)
    load_s = load(url, args.users, args.prefs, args.seed)
    console.print(f"loaded {args.prefs:,} preferences for {args.users:,} users in {load_s:.1f} s")
    reads = bench_reads(url, args.users, args.reads, args.seed)
    console.print(f"read all of one user's preferences: p50 {reads['p50_ms']} ms, p95 {reads['p95_ms']} ms")
    writes = bench_writes(url, args.users, args.writers, args.write_seconds)
    console.print(f"{writes['writers']} writer processes: {writes['writes_per_second']:,} writes/s")
    return {"database": redact(url), "load_seconds": round(load_s, 1), "read": reads, "write": writes}


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--users", type=int, default=100_000)
    ap.add_argument("--prefs", type=int, default=1_000_000, help="total preferences across all users")
    ap.add_argument("--reads", type=int, default=5000, help="timed reads per database")
    ap.add_argument("--writers", type=int, default=8, help="concurrent writer processes")
    ap.add_argument("--write-seconds", type=float, default=15.0)
    ap.add_argument("--db", default="sqlite,postgresql", help="comma list: sqlite, postgresql")
    ap.add_argument("--sqlite-path", help="SQLite file to (re)create (default: a temporary file)")
    ap.add_argument("--pg-url", help="empty, existing PostgreSQL database (default: a throwaway one)")
    ap.add_argument("--pg-admin-url", default="postgresql+psycopg2://postgres@127.0.0.1:5432/postgres")
    ap.add_argument("--seed", type=int, default=7)
    ap.add_argument("--out", default="results/bench_store.json", help="JSON result file")
    args = ap.parse_args(argv)
    if args.users < 1 or args.prefs < args.users:
        ap.error("need --users >= 1 and --prefs >= --users")
    kinds = [k.strip() for k in args.db.split(",") if k.strip()]
    if not set(kinds) <= {"sqlite", "postgresql"}:
        ap.error("--db takes sqlite and/or postgresql")

    load_at_start = list(os.getloadavg())  # the machine may be shared: the figures depend on it
    results: dict[str, dict] = {}
    for kind in kinds:
        if kind == "sqlite":
            tmp = None
            if args.sqlite_path:
                path = Path(args.sqlite_path)
                for suffix in ("", "-wal", "-shm"):
                    Path(f"{path}{suffix}").unlink(missing_ok=True)
            else:
                tmp = tempfile.mkdtemp(prefix="prefs-bench-")
                path = Path(tmp) / "bench.db"
            try:
                results[kind] = run_one(kind, f"sqlite:///{path}", args)
            finally:
                if tmp:
                    shutil.rmtree(tmp, ignore_errors=True)
        else:
            drop = None
            url = args.pg_url
            if not url:
                url, drop = _pg_throwaway(args.pg_admin_url)
            try:
                results[kind] = run_one(kind, url, args)
            finally:
                if drop:
                    drop()

    report = {
        "benchmark": "preference store",
        "config": {k: getattr(args, k) for k in ("users", "prefs", "reads", "writers", "write_seconds", "seed")},
        "targets": {"sqlite_p95_read_ms": 2.0, "postgresql_p95_read_ms": 5.0},
        "machine": {"python": platform.python_version(), "cpus": os.cpu_count(), "platform": platform.platform(),
                    "load_average_at_start": load_at_start, "load_average_at_end": list(os.getloadavg())},
        "results": results,
    }
    out = Path(args.out)
    out.parent.mkdir(parents=True, exist_ok=True)
    out.write_text(json.dumps(report, indent=2) + "\n")

    table = Table(title=f"Preference store: {args.prefs:,} preferences, {args.users:,} users")
    for col in ("database", "load s", "read p50 ms", "read p95 ms", "read p99 ms",
                f"writes/s ({args.writers} procs)", "p95 target"):
        table.add_column(col, justify="right")
    for kind, r in results.items():
        target = report["targets"][f"{kind}_p95_read_ms"]
        ok = "met" if r["read"]["p95_ms"] < target else "MISSED"
        table.add_row(kind, str(r["load_seconds"]), str(r["read"]["p50_ms"]), str(r["read"]["p95_ms"]),
                      str(r["read"]["p99_ms"]), f"{r['write']['writes_per_second']:,}", f"< {target} ms {ok}")
    Console().print(table)
    print(f"results written to {out}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
