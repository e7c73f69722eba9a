"""What a user does after each answer: the implicit feedback the assistant learns from.

After a success people say nothing (or "yes" when asked "Did I get that
right?"). After a failure a cooperative user repairs it, and how depends on
what went wrong: wrong music already playing is cut off (a barge-in, the
"stop" of the web chat and of smart speakers), a wrong answer is
contradicted ("no, that's not what I asked for"), and not being understood
is met with another try. Each user repairs with probability
`cooperativeness` per failure and gives up for good after `patience`
requests; giving up is said ("never mind") or just silence.
"""
from __future__ import annotations

import enum
import random
from dataclasses import dataclass
from typing import Any

from simulator.judge import Verdict
from simulator.population import User

COMPLAINTS = ("no, that's not what I asked for", "that's wrong", "no", "not that one", "you misunderstood")
GIVE_UPS = ("never mind", "forget it", "cancel")
BARGE_IN_METADATA = {"barge_in": True}


class Move(str, enum.Enum):
    DONE = "done"  # the goal was achieved; nothing more to say
    CONFIRM = "confirm"  # "yes" to "Did I get that right?"
    REPHRASE = "rephrase"  # ask again, more carefully
    COMPLAIN = "complain"  # say it was wrong, then ask again
    BARGE_IN = "barge_in"  # cut the answer off ("stop"), then ask again
    GIVE_UP = "give_up"  # stop trying for this goal


@dataclass(frozen=True)
class Said:
    """A turn of feedback: its text and the channel metadata that comes with it."""

    text: str
    metadata: dict[str, Any] | None = None


def react(user: User, verdict: Verdict, requests_made: int, rng: random.Random) -> Move:
    """The user's next move after the answer to their `requests_made`-th request for the goal."""
    if verdict.success:
        return Move.CONFIRM if verdict.observed.asks else Move.DONE
    if requests_made >= user.patience or rng.random() >= user.cooperativeness:
        return Move.GIVE_UP
    if verdict.observed.artist is not None:  # the wrong music is playing: cut it off, mostly
        options, weights = (Move.BARGE_IN, Move.COMPLAIN, Move.REPHRASE), (0.45, 0.25, 0.3)
    elif verdict.observed.place is not None:  # a forecast for the wrong town: say so, or just ask again
        options, weights = (Move.COMPLAIN, Move.REPHRASE), (0.45, 0.55)
    else:  # not understood or not found: try again
        options, weights = (Move.REPHRASE, Move.COMPLAIN), (0.85, 0.15)
    return rng.choices(options, weights=weights)[0]


def feedback(move: Move, rng: random.Random) -> Said | None:
    """The words of a move that is not itself a request (None: nothing is said)."""
    if move is Move.CONFIRM:
        return Said("yes")
    if move is Move.COMPLAIN:
        return Said(rng.choice(COMPLAINTS))
    if move is Move.BARGE_IN:
        return Said("stop", dict(BARGE_IN_METADATA))
    if move is Move.GIVE_UP and rng.random() < 0.5:
        return Said(rng.choice(GIVE_UPS))
    return None
