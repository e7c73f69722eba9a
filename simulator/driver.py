"""Episodes against the real assistant over REST: one goal each, from the first request to success or giving up.

Users are driven a few at a time (the assistant serves concurrent users
anyway, and it saves wall time), but one user never has two turns in
flight, and a user's next episode starts at least `gap_seconds` after their
previous one ended. The gap matters: the miner treats a similar request
within 45 s as a rephrase, and two separate wishes of one person are not
one repair. With many users in flight the gap costs no time.

Every random draw of an episode comes from a stream named by (seed, phase,
user, episode, request number), so the same user sends the same first
request in every condition whatever the assistant answered elsewhere. A test
user's history runs through the same loop, its episodes numbered from
`HISTORY_FIRST_INDEX` (negative): its streams are its own, and a user's
episodes sort in the order they were played (the tracker check relies on it).
"""
from __future__ import annotations

import threading
import time
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from typing import Any, Protocol

from simulator.channel import NoiseChannel
from simulator.judge import Verdict, judge
from simulator.population import User
from simulator.reactions import Move, feedback, react
from simulator.seeds import stream
from simulator.world import Goal


# Episode numbers of a test user's history: far below the tests' 0, 1, ..., whatever the history's size,
# so the k-th past episode has the same random streams however long the history is.
HISTORY_FIRST_INDEX = -1000


class Assistant(Protocol):
    def say(self, user: str, text: str, metadata: dict[str, Any] | None = None) -> list[str]: ...


@dataclass
class Turn:
    """One message sent and what came back; `rewrite` is filled from the tracker afterwards."""

    user: str
    episode: int
    role: str  # "request" (a try at the goal) or "feedback"
    attempt: int  # requests for the goal before this one (0: the first request); feedback: the request it answers
    text: str
    replies: list[str]
    verdict: Verdict | None = None  # requests only
    noise: tuple[str, ...] = ()
    metadata: dict[str, Any] | None = None
    error: str | None = None
    rewrite: dict[str, Any] | None = None  # what the tracker says about rewriting this turn
    tracker_replies: list[str] | None = None  # the bot's messages the tracker logged after it

    @property
    def succeeded(self) -> bool:
        return bool(self.verdict and self.verdict.success)

    @property
    def rewritten(self) -> bool:
        return bool(self.rewrite and self.rewrite.get("applied"))


@dataclass
class Episode:
    user: str
    index: int
    goal: Goal
    phase: str
    turns: list[Turn] = field(default_factory=list)

    @property
    def requests(self) -> list[Turn]:
        return [t for t in self.turns if t.role == "request"]

    @property
    def success(self) -> bool:
        return any(t.succeeded for t in self.requests)

    @property
    def history(self) -> bool:
        """A past episode of a test user (played before the tests), not a test."""
        return self.index < 0

    @property
    def first_success(self) -> bool:
        reqs = self.requests
        return bool(reqs) and reqs[0].succeeded


class Driver:
    """Runs a plan of episodes (user -> goals) against one assistant."""

    def __init__(self, assistant: Assistant, channel: NoiseChannel, seed: int, phase: str, workers: int = 3,
                 gap_seconds: float = 50.0) -> None:
        self.assistant, self.channel, self.seed, self.phase = assistant, channel, seed, phase
        self.workers, self.gap = max(1, workers), gap_seconds

    # --- one episode ---------------------------------------------------------------------------------------
    def episode(self, user: User, index: int, goal: Goal) -> Episode:
        """The user's requests for one goal and their reactions to the answers, until done or given up."""
        ep = Episode(user.id, index, goal, self.phase)
        made = 0
        while True:
            utterance = self.channel.request(goal, user, stream(self.seed, self.phase, "noise", user.id, index, made),
                                             made)
            turn = self._send(ep, "request", made, utterance.text, None, utterance.noise)
            turn.verdict = judge(goal, turn.replies) if turn.error is None else None
            made += 1
            if turn.error is not None:
                return ep
            rng = stream(self.seed, self.phase, "react", user.id, index, made)
            move = react(user, turn.verdict, made, rng)  # type: ignore[arg-type]
            said = feedback(move, rng)
            if said is not None:
                fb = self._send(ep, "feedback", made - 1, said.text, said.metadata)
                if fb.error is not None:
                    return ep
            if move in (Move.DONE, Move.CONFIRM, Move.GIVE_UP):
                return ep

    def _send(self, ep: Episode, role: str, attempt: int, text: str, metadata: dict[str, Any] | None,
              noise: tuple[str, ...] = ()) -> Turn:
        turn = Turn(ep.user, ep.index, role, attempt, text, [], noise=noise, metadata=metadata)
        try:
            turn.replies = self.assistant.say(ep.user, text, metadata)
        except Exception as exc:  # noqa: BLE001 - a failed HTTP turn is recorded and reported, not fatal
            turn.error = f"{type(exc).__name__}: {exc}"[:300]
        ep.turns.append(turn)
        return turn

    # --- many users ----------------------------------------------------------------------------------------
    def run(self, plan: Sequence[tuple[User, Sequence[Goal]]], checkpoints: Sequence[float] = (),
            on_checkpoint: Callable[[float, int], None] | None = None, first_index: int = 0) -> list[Episode]:
        """All episodes of the plan, numbered from `first_index` per user (a history: HISTORY_FIRST_INDEX);
        `on_checkpoint(fraction, episodes_done)` runs with no turn in flight."""
        return _Scheduler(self, plan, sorted(checkpoints), on_checkpoint, first_index).run()


class _Scheduler:
    """Hands out episodes to worker threads: one turn in flight per user, a gap between a user's episodes."""

    def __init__(self, driver: Driver, plan: Sequence[tuple[User, Sequence[Goal]]], checkpoints: list[float],
                 on_checkpoint: Callable[[float, int], None] | None, first_index: int) -> None:
        self.driver, self.on_checkpoint = driver, on_checkpoint
        self.pending = {u.id: [(first_index + i, g) for i, g in enumerate(goals)] for u, goals in plan}
        self.users = {u.id: u for u, _ in plan}
        self.total = sum(len(g) for g in self.pending.values())
        self.marks = [(f, int(round(f * self.total))) for f in checkpoints if 0 < f < 1]
        self.ready_at = {uid: 0.0 for uid in self.pending}
        self.busy: set[str] = set()
        self.done: list[Episode] = []
        self.failure: BaseException | None = None
        self.cond = threading.Condition()

    def run(self) -> list[Episode]:
        threads = [threading.Thread(target=self._work, daemon=True) for _ in range(self.driver.workers)]
        for t in threads:
            t.start()
        for t in threads:
            t.join()
        if self.failure is not None:
            raise self.failure
        return sorted(self.done, key=lambda e: (e.user, e.index))

    def _next(self) -> tuple[User, int, Goal] | None:
        """The next episode to run (blocking until one is due); None when all are done."""
        with self.cond:
            while True:
                if self.failure is not None or (not any(self.pending.values()) and not self.busy):
                    self.cond.notify_all()
                    return None
                if self.marks and len(self.done) >= self.marks[0][1]:
                    if self.busy:  # a checkpoint waits for the turns in flight
                        self.cond.wait(0.5)
                        continue
                    fraction, _ = self.marks.pop(0)
                    if self.on_checkpoint is not None:
                        self.on_checkpoint(fraction, len(self.done))
                    continue
                now = time.monotonic()
                idle = [uid for uid, eps in self.pending.items() if eps and uid not in self.busy]
                due = [uid for uid in idle if self.ready_at[uid] <= now]
                if due:
                    uid = min(due, key=lambda u: (self.ready_at[u], u))
                    index, goal = self.pending[uid].pop(0)
                    self.busy.add(uid)
                    return self.users[uid], index, goal
                wait = min((self.ready_at[u] - now for u in idle), default=0.5)
                self.cond.wait(max(0.05, min(wait, 1.0)))

    def _work(self) -> None:
        while (job := self._next()) is not None:
            user, index, goal = job
            try:
                ep = self.driver.episode(user, index, goal)
            except BaseException as exc:  # noqa: BLE001 - handed to run(), which re-raises it
                with self.cond:
                    self.failure = exc
                    self.busy.discard(user.id)
                    self.cond.notify_all()
                return
            with self.cond:
                self.done.append(ep)
                self.busy.discard(user.id)
                self.ready_at[user.id] = time.monotonic() + self.driver.gap
                self.cond.notify_all()
