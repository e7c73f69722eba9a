"""A small synthetic population for the miner's tests: who failed, how they reacted, what worked.

Planted: "play maj and dragons" falls back for everyone and most users say
"play imagine dragons" next, which works. Controls: "what's the weather"
always works; one user's private habit ("play the usual" then "play the
usual playlist") is repeated fifty times; a little noise.
"""
from __future__ import annotations

import random

from preferences.selflearning.turns import LoggedTurn, OutcomeSignal

START = 1_767_225_600.0  # 2026-01-01
FAILING, FIX = "play maj and dragons", "play imagine dragons"
WORKS = "what's the weather"
HABIT, HABIT_FIX = "play the usual", "play the usual playlist"


def population(seed: int = 1, users: int = 24, habit_repeats: int = 50) -> list[LoggedTurn]:
    rng = random.Random(seed)
    turns: list[LoggedTurn] = []
    for u in range(users):
        user = f"user{u:02d}"
        for s in range(3):
            session = f"{user}-s{s}"
            ts = START + u * 10_000 + s * 1_000 + rng.random()
            turns.append(LoggedTurn(user, session, ts, WORKS, intent="weather"))
            ts += 120
            spelled = rng.choice((FAILING, "Play maj and dragons!", FAILING))
            turns.append(LoggedTurn(user, session, ts, spelled, intent="nlu_fallback"))
            if rng.random() < 0.8:
                turns.append(LoggedTurn(user, session, ts + rng.uniform(3, 15), FIX, intent="play_music",
                                        entities=(("artist", "imagine dragons"),)))
            if rng.random() < 0.3:  # noise: a one-off request with a barge-in
                turns.append(LoggedTurn(user, session, ts + 300, f"play track {rng.randrange(10**6)}",
                                        intent="play_music", signals=frozenset({OutcomeSignal.BARGE_IN})))
    for i in range(habit_repeats):
        session = f"habit-{i}"
        ts = START + 5_000_000 + i * 3_600
        turns.append(LoggedTurn("habit_user", session, ts, HABIT, intent="nlu_fallback"))
        turns.append(LoggedTurn("habit_user", session, ts + 5, HABIT_FIX, intent="play_music"))
    return turns
