"""The experiment: mined traffic, learning by hand, then fresh users under three conditions.

Per seed (one independent replicate: its own world, populations and noise):

1. Population A talks to a fresh assistant (nothing learned yet): the
   traffic that will be mined. Snapshots of the databases are taken part
   way through for the learning curve.
2. The learning jobs run by hand on that log (`prefs rewrites mine`, then
   `prefs rewrites index` when it exists).
3. Population B, new people with fresh noise (another stream; nothing of
   phase 1 is replayed), under each condition, every one from a copy of
   the same post-learning state and with its own server start: each user's
   history (`history_episodes` past requests for their habits, said their
   own way, with whatever failures and repairs that condition's assistant
   gives rise to), the index job again, then the test episodes. The noise
   streams are the same in every condition, so the first requests are paired.
"""
from __future__ import annotations

import logging
import shutil
import sqlite3
import time
from collections.abc import Callable
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from preferences.db import migrate
from rasa_components.served import RunningAssistant, model_path
from simulator.channel import NoiseChannel, NoiseLevels
from simulator.driver import HISTORY_FIRST_INDEX, Driver, Episode
from simulator.jobs import JobResult, mined_turns, run_job
from simulator.population import NICHE_SHARE, User, goals_for, history_goals, make_population
from simulator.screen import Screen
from simulator.tracker import TrackerCheck, annotate
from simulator.world import Admission, World

log = logging.getLogger("simulator")

# The three conditions of phase 3, as the served assistant's environment.
CONDITIONS: dict[str, dict[str, str]] = {
    "none": {"REWRITES_ENABLED": "0", "ONLINE_REWRITING": "off"},
    "global": {"REWRITES_ENABLED": "1", "ONLINE_REWRITING": "global"},
    "global_personal": {"REWRITES_ENABLED": "1", "ONLINE_REWRITING": "personal"},
}
# Every comparison run: no hold-out share (every matching turn is rewritten, so the conditions differ only
# in rewriting) and new rewrite versions picked up within a second; the schedulers stay off (jobs by hand).
COMMON_ENV = {"REWRITE_HELD_OUT_SHARE": "0", "REWRITE_REFRESH_SECONDS": "1", "MINING_SCHEDULE_MINUTES": "0"}
LOG_FILES = (".log", ".yml")
# Three servers starting side by side on a busy two-core machine can take several minutes each.
START_TIMEOUT = 900.0
# Phase 2 runs the jobs with everything switched on, so a job that checks the switches builds all it can.
LEARN_WITH = "global_personal"


@dataclass(frozen=True)
class Config:
    """Sizes and knobs of one run; `quick()` and `full()` are the two documented presets."""

    seeds: tuple[int, ...] = (1, 2)
    users_a: int = 48  # population A (mined traffic)
    episodes_a: int = 3  # goals per user of A
    users_b: int = 16  # population B (the test users)
    episodes_b: int = 3  # test goals per user of B
    # Past requests of each user of B for their habits, played before their tests (their history with the
    # assistant). 4 in the quick run: about 2 minutes more for both seeds; 0: users new to the assistant.
    history_episodes: int = 4
    n_artists: int = 10  # goal pool: the best-known catalog artists (few, so that mishearings recur)
    n_niche: int = 20  # niche pool: servable artists far down the chart, somebody's favourite, nobody's habit
    niche_share: float = NICHE_SHARE  # users with a niche favourite artist
    n_homes: int = 9  # home towns, two thirds of them sharing their name with a bigger town
    cooperativeness: float = 0.8  # the population's mean P(repair instead of giving up)
    noise_scale: float = 1.0  # every noise probability times this
    workers: int = 3  # users in flight at once
    gap_seconds: float = 50.0  # phase 1: at least this between two episodes of one user (> the 45 s rephrase window)
    test_gap_seconds: float = 5.0  # phase 3: nothing is mined from the test traffic, so a short pause is enough
    learning_curve: tuple[float, ...] = ()  # fractions of phase-1 traffic to also mine from (1.0 is the main run)
    conditions: tuple[str, ...] = ("none", "global", "global_personal")
    # The conditions' servers run side by side (each with its own databases and ports): a server start
    # takes one to three minutes here, mostly loading the model, and three in a row would dominate the run.
    parallel_conditions: bool = True
    # Goals are only those the served assistant understands when asked carefully (simulator/screen.py).
    screen: bool = True
    out: Path = Path("artifacts/simulate")

    @classmethod
    def quick(cls, **overrides: Any) -> "Config":
        return cls(**overrides)

    @classmethod
    def full(cls, **overrides: Any) -> "Config":
        """Three seeds and the learning curve at the quick run's sizes: about 40 minutes here, so it is run.

        The earlier preset (five seeds, 200 x 6 mined users, 60 test users) was estimated at 2.5-3 hours
        on this machine and never run; bigger populations stay one option away (`--users-a` ...)."""
        base = dict(seeds=(1, 2, 3), learning_curve=(0.25, 0.5))
        return cls(**(base | overrides))

    def levels(self) -> NoiseLevels:
        return NoiseLevels().scaled(self.noise_scale) if self.noise_scale != 1.0 else NoiseLevels()


@dataclass
class ConditionRun:
    name: str
    history: list[Episode]  # the test users' past episodes, played before their tests
    tests: list[Episode]
    jobs: list[JobResult]
    tracker: TrackerCheck
    seconds: float
    start_seconds: float


@dataclass
class SeedRun:
    seed: int
    phase1: list[Episode]
    phase1_jobs: list[JobResult]
    conditions: dict[str, ConditionRun]
    curve: list[dict[str, Any]] = field(default_factory=list)  # learning curve points (global condition)
    seconds: float = 0.0
    world: dict[str, Any] = field(default_factory=dict)  # the goal pool and what the screen turned away


# --- databases ---------------------------------------------------------------------------------------------
def db_url(workdir: Path) -> str:
    return f"sqlite:///{workdir / 'preferences.db'}"


def copy_state(src: Path, dst: Path) -> None:
    """Every database the assistant and the jobs wrote in `src` (not the logs): an identical starting state."""
    if dst.exists():
        shutil.rmtree(dst)
    dst.mkdir(parents=True)
    for path in src.iterdir():
        if path.is_file() and path.suffix not in LOG_FILES:  # databases with any -wal/-shm beside them
            shutil.copy2(path, dst / path.name)
        elif path.is_dir():
            shutil.copytree(path, dst / path.name)


def snapshot_sqlite(src: Path, dst: Path) -> None:
    """A consistent copy of every SQLite database in `src` while the servers keep running (backup API)."""
    dst.mkdir(parents=True, exist_ok=True)
    for path in sorted(src.glob("*.db")):
        with sqlite3.connect(path) as source, sqlite3.connect(dst / path.name) as target:
            source.backup(target)


def assistant_for(workdir: Path, condition: str) -> RunningAssistant:
    return RunningAssistant(workdir, db_url(workdir), extra_env=CONDITIONS[condition] | COMMON_ENV)


def learn(workdir: Path, condition: str, jobs: tuple[str, ...] = ("mine", "index")) -> list[JobResult]:
    """The learning jobs on `workdir`'s databases, with the environment the server there runs with."""
    env = assistant_for(workdir, condition).env()
    results = []
    for name in jobs:
        result = run_job(name, env)
        log.info("%s job: %s", name, result.message or f"done in {result.seconds:.1f}s")
        results.append(result)
    return results


# --- phases -------------------------------------------------------------------------------------------------
class Experiment:
    """One seed's three phases (and learning-curve points) under `root`."""

    def __init__(self, cfg: Config, seed: int, root: Path, say: Callable[[str], None] = log.info) -> None:
        self.cfg, self.seed, self.root, self.say = cfg, seed, root, say
        self.phase1_episodes: list[Episode] = []
        self.screened: dict[str, Any] = {}

    def prepare(self, admit: Admission | None) -> None:
        """The world (goals the assistant can serve when asked carefully), the channel and both populations."""
        cfg, seed = self.cfg, self.seed
        self.world = World.build(seed, cfg.n_artists, cfg.n_homes, admit, n_niche=cfg.n_niche)
        self.channel = NoiseChannel(self.world, cfg.levels())
        self.pop_a = make_population(self.world, cfg.users_a, f"s{seed}a", seed, cfg.cooperativeness,
                                     cfg.niche_share)
        self.pop_b = make_population(self.world, cfg.users_b, f"s{seed}b", seed, cfg.cooperativeness,
                                     cfg.niche_share)

    def plan(self, users: list[User], episodes: int, phase: str) -> list[tuple[User, list]]:
        return [(u, goals_for(self.world, u, episodes, self.seed, phase)) for u in users]

    def history_plan(self) -> list[tuple[User, list]]:
        """Each test user's past requests for their habits, oldest first (the same in every condition)."""
        return [(u, history_goals(u, self.cfg.history_episodes, self.seed)) for u in self.pop_b]

    def live(self, driver: Driver, between: Callable[[], None] = lambda: None) -> tuple[list[Episode], list[Episode]]:
        """The test users' history, then `between` (the index job), then their test episodes.

        Both run through the same noise channel and reactions, so the history holds the failures and
        repairs this condition's assistant gives rise to; the tests' streams do not depend on it.
        """
        history = driver.run(self.history_plan(), first_index=HISTORY_FIRST_INDEX)
        between()
        return history, driver.run(self.plan(self.pop_b, self.cfg.episodes_b, "B"))

    def run(self) -> SeedRun:
        started = time.monotonic()
        phase1_dir = self.root / "phase1"
        snapshots = self.phase1(phase1_dir)
        self.say(f"seed {self.seed}: learning from {len(self.phase1_episodes)} phase-1 episodes")
        jobs = learn(phase1_dir, LEARN_WITH)
        conditions = self.conditions(phase1_dir)
        curve = [self.curve_point(fraction, snap) for fraction, snap in snapshots]
        return SeedRun(self.seed, self.phase1_episodes, jobs, conditions, curve, time.monotonic() - started,
                       self.screened)

    def phase1(self, workdir: Path) -> list[tuple[float, Path]]:
        """Population A's traffic on a fresh assistant; database snapshots at the learning-curve fractions."""
        if workdir.exists():
            shutil.rmtree(workdir)
        workdir.mkdir(parents=True)
        migrate(db_url(workdir))
        snapshots: list[tuple[float, Path]] = []
        assistant = self._start(workdir, "none", "phase 1")
        try:
            self._screen(assistant)
            def checkpoint(fraction: float, done: int) -> None:
                snap = self.root / f"snapshot-{int(fraction * 100)}"
                snapshot_sqlite(workdir, snap)
                snapshots.append((fraction, snap))
                self.say(f"seed {self.seed}: snapshot after {done} episodes ({fraction:.0%})")

            driver = Driver(assistant, self.channel, self.seed, "A", self.cfg.workers, self.cfg.gap_seconds)
            self.phase1_episodes = driver.run(self.plan(self.pop_a, self.cfg.episodes_a, "A"),
                                              checkpoints=self.cfg.learning_curve, on_checkpoint=checkpoint)
        finally:
            assistant.stop()
        return snapshots

    def conditions(self, state: Path) -> dict[str, ConditionRun]:
        """Every condition from the same learned state; side by side unless the config says otherwise."""
        names = self.cfg.conditions
        if not self.cfg.parallel_conditions or len(names) < 2:
            return {name: self.condition(name, state, self.root / f"cond-{name}") for name in names}
        with ThreadPoolExecutor(max_workers=len(names)) as pool:
            futures = {name: pool.submit(self.condition, name, state, self.root / f"cond-{name}") for name in names}
            return {name: f.result() for name, f in futures.items()}

    def condition(self, name: str, state: Path, workdir: Path) -> ConditionRun:
        """Phase 3 under one condition, from a copy of `state`: the users' history, the index job, the tests."""
        started = time.monotonic()
        copy_state(state, workdir)
        assistant = self._start(workdir, name, f"condition {name}")
        start_seconds = time.monotonic() - started
        try:
            driver = Driver(assistant, self.channel, self.seed, "B", self.cfg.workers, self.cfg.test_gap_seconds)
            jobs: list[JobResult] = []

            def index() -> None:
                jobs.extend(learn(workdir, name, ("index",)))
                if any(j.ran for j in jobs):
                    time.sleep(2.0)  # the servers pick up the new indexes within REWRITE_REFRESH_SECONDS

            history, tests = self.live(driver, index)
            check = annotate(assistant.url, assistant.api_headers(), history + tests)
        finally:
            assistant.stop()
        run = ConditionRun(name, history, tests, jobs, check, time.monotonic() - started, start_seconds)
        self.say(f"seed {self.seed}: condition {name}: {len(history)} history and {len(tests)} test episodes "
                 f"in {run.seconds:.0f}s")
        return run

    def curve_point(self, fraction: float, snapshot: Path) -> dict[str, Any]:
        """The `global` condition after mining only the first `fraction` of phase-1 traffic."""
        state = self.root / f"learned-{int(fraction * 100)}"
        copy_state(snapshot, state)
        jobs = learn(state, LEARN_WITH)
        run = self.condition("global", state, self.root / f"curve-{int(fraction * 100)}")
        return {"fraction": fraction, "mined_turns": mined_turns(jobs[0]), "run": run, "jobs": jobs}

    def _screen(self, assistant: RunningAssistant) -> None:
        """Build the world from the goals this assistant can serve (asked carefully), and record the rest."""
        if not self.cfg.screen:
            self.prepare(None)
            return
        t = time.monotonic()
        screen = Screen(assistant.parse, self.cfg.out / "screen-cache.json", model_path().name)
        self.prepare(screen)
        w = self.world
        self.screened = {"artists": [a.name for a in w.artists], "niche": [a.name for a in w.niche],
                         "songs": sum(len(t) for t in w.tracks.values()),
                         "homes": [c.key for c in w.homes], "visited": [c.key for c in w.visited],
                         "checked": len(screen.seen), "rejected": screen.rejected[:200],
                         "rejected_count": len(screen.rejected)}
        self.say(f"seed {self.seed}: {len(w.artists)} artists (+{len(w.niche)} niche), {self.screened['songs']} "
                 f"songs, {len(w.homes)} homes "
                 f"servable ({self.screened['rejected_count']} of {len(screen.seen)} careful requests not "
                 f"understood; {time.monotonic() - t:.0f}s)")

    def _start(self, workdir: Path, condition: str, what: str) -> RunningAssistant:
        t = time.monotonic()
        assistant = assistant_for(workdir, condition).start(timeout=START_TIMEOUT)
        self.say(f"seed {self.seed}: servers for {what} up in {time.monotonic() - t:.0f}s")
        return assistant
