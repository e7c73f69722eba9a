"""From the interaction log to the two layers: which requests succeeded, for whom, how often.

Every session is labelled with the same outcome rules the miner uses
(`outcome.label_session`), so "succeeded" means the same thing everywhere.
Only requests count (not "yes", "thanks" or complaints), and only what NLU
actually interpreted: after a rewrite, the rewritten words are what
succeeded. Fallbacks never enter an index, whatever the next turn did.

The personal layer keeps each user's most frequent successful requests
(at most `MAX_PER_USER`); the global layer keeps requests that succeeded
for at least `min_global_users` distinct users.
"""
from __future__ import annotations

import heapq
from collections import Counter
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from itertools import groupby

from preferences.selflearning.normalize import request_key
from preferences.selflearning.outcome import FALLBACK_INTENTS, TurnKind, classify, label_session
from preferences.selflearning.turns import LoggedTurn, Outcome

MAX_PER_USER = 200  # a personal layer is a habit, not an archive: the requests a user makes most


@dataclass
class _Tally:
    """One request key's record for one user (or for everyone)."""

    successes: int = 0
    attempts: int = 0
    last_at: float = 0.0
    spellings: Counter[str] = field(default_factory=Counter)
    intent: str | None = None
    entities: tuple[tuple[str, str], ...] = ()
    users: set[str] = field(default_factory=set)

    def success(self, turn: LoggedTurn, text: str) -> None:
        self.successes += 1
        self.spellings[text] += 1
        if turn.ts >= self.last_at:  # the latest interpretation is the one to reuse
            self.last_at, self.intent, self.entities = turn.ts, turn.intent, turn.entities
        self.users.add(turn.user_id)


@dataclass(frozen=True)
class Entry:
    """A request that succeeded, as the indexes store it."""

    layer: str  # personal | global
    user_id: str | None
    key: str
    text: str
    intent: str | None
    entities: tuple[tuple[str, str], ...]
    turns: int
    users: int
    success_rate: float
    last_at: float


def sessions(turns: Iterable[LoggedTurn]) -> Iterator[list[LoggedTurn]]:
    """Consecutive turns of one (user, session): the tracker store yields them sender by sender."""
    for _, group in groupby(turns, key=lambda t: (t.user_id, t.session_id)):
        yield list(group)


def _entry(layer: str, user: str | None, key: str, t: _Tally) -> Entry:
    return Entry(layer, user, key, t.spellings.most_common(1)[0][0], t.intent, t.entities, t.successes,
                 max(1, len(t.users)), t.successes / max(t.attempts, 1), t.last_at)


def collect(turns: Iterable[LoggedTurn], *, min_global_users: int = 3) -> tuple[list[Entry], list[Entry]]:
    """(personal entries, global entries) from a log of turns."""
    personal: dict[str, dict[str, _Tally]] = {}
    everyone: dict[str, _Tally] = {}
    for session in sessions(turns):
        for turn in label_session(session):
            text = turn.effective_text
            key = request_key(text)
            if not key or turn.intent in FALLBACK_INTENTS or classify(key, turn.intent) is not TurnKind.REQUEST:
                continue
            mine = personal.setdefault(turn.user_id, {}).setdefault(key, _Tally())
            shared = everyone.setdefault(key, _Tally())
            mine.attempts += 1
            shared.attempts += 1
            if turn.outcome is Outcome.SUCCESS:
                mine.success(turn, text)
                shared.success(turn, text)
    personal_entries = []
    for user, tallies in personal.items():
        kept = heapq.nlargest(MAX_PER_USER, ((t.successes, t.last_at, k) for k, t in tallies.items() if t.successes))
        personal_entries += [_entry("personal", user, k, tallies[k]) for _, _, k in kept]
    global_entries = [_entry("global", None, k, t) for k, t in everyone.items()
                      if t.successes and len(t.users) >= min_global_users]
    return personal_entries, global_entries
