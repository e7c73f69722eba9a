"""Rephrase chains: what users did after a request failed, one session at a time.

A chain starts at a defective request and continues while the next request
of the session comes within the window and reformulates the previous one
(`outcome.is_reformulation`, the test of rule 4 of the outcome rules, at
the bar for requests that follow a failure).
Complaints and chatter in between are skipped ("play maj and dragons" /
"no" / "play imagine dragons" is one chain). The chain ends

* in success at the first request that succeeds: it is absorbed in
  "succeeded as <that request>";
* in failure when the user gives up: the session ends, the next request
  comes too late or asks for something else, or the user says "stop".

A rewritten turn is two steps of a chain: the user's words, then the words
NLU was given. That way later mining judges each rewrite by what happened
after it, and a rewrite that keeps failing loses its edge.

The same walk over a session also yields the one-step paths of requests
that simply succeeded; the miner needs them (they are the "own success" of a
request), but they are not chains, and `extract_chains` leaves them out.
"""
from __future__ import annotations

import enum
from collections.abc import Sequence
from dataclasses import dataclass

from preferences.selflearning.normalize import request_key
from preferences.selflearning.outcome import TurnKind, is_reformulation, kinds_of, label_rows
from preferences.selflearning.settings import MiningSettings
from preferences.selflearning.turns import LoggedTurn, Outcome, TurnRow

_SUCCESS = Outcome.SUCCESS.value
_REQUEST, _STOP = TurnKind.REQUEST, TurnKind.STOP  # module constants: enum attribute access is slow


class ChainEnd(str, enum.Enum):
    """How a chain ended: its absorbing state."""

    SUCCEEDED = "succeeded"  # the last request succeeded: "succeeded as" its (effective) key
    FAILED = "failed"  # the user gave up, said stop, changed topic or went quiet past the window


@dataclass(frozen=True)
class Chain:
    """The requests of one attempt at one goal, in order, and how it ended."""

    user_id: str
    session_id: str
    keys: tuple[str, ...]  # request keys, one per step (a rewritten turn is two steps)
    texts: tuple[str, ...]  # the surface form of each step
    end: ChainEnd
    started_at: float

    @property
    def target_key(self) -> str | None:
        """The request it succeeded as, or None if it failed."""
        return self.keys[-1] if self.end is ChainEnd.SUCCEEDED else None

    @property
    def is_plain_success(self) -> bool:
        """A single request that worked at once: a path of the walk, not a chain."""
        return len(self.keys) == 1 and self.end is ChainEnd.SUCCEEDED


# One path of the walk: (index of its first row, keys, surface texts, succeeded). A plain tuple: the miner
# makes one per request turn, and a dataclass would cost more than the walk itself.
Path = tuple[int, tuple[str, ...], tuple[str, ...], bool]


def walk_paths(rows: Sequence[TurnRow], keys: Sequence[str], kinds: Sequence[TurnKind],
               labels: Sequence[tuple[str, int]], settings: MiningSettings,
               effective_keys: Sequence[str] | None = None) -> list[Path]:
    """Every path of one labelled session (rows in time order), plain successes included.

    `keys` are request keys of the users' words; `effective_keys` those of the
    text NLU saw (default: the same, i.e. no rewrites).
    """
    effective_keys = effective_keys if effective_keys is not None else keys
    window = settings.window_seconds
    paths: list[Path] = []
    steps_k: list[str] = []  # keys and texts of the open chain
    steps_t: list[str] = []
    start = previous = -1  # first and latest request of the open chain
    for i, row in enumerate(rows):
        kind = kinds[i]
        if kind is not _REQUEST:
            if kind is _STOP and steps_k:
                paths.append((start, tuple(steps_k), tuple(steps_t), False))
                steps_k, steps_t = [], []
            continue
        if steps_k and not (row.ts - rows[previous].ts <= window
                            and is_reformulation(rows[previous], keys[previous], row, keys[i], settings,
                                                 after_defect=True)):
            paths.append((start, tuple(steps_k), tuple(steps_t), False))
            steps_k, steps_t = [], []
        if not steps_k:
            start = i
        steps_k.append(keys[i])
        steps_t.append(row.text)
        if effective_keys[i] != keys[i] and effective_keys[i]:
            steps_k.append(effective_keys[i])
            steps_t.append(row.interpreted_text or row.text)
        previous = i
        if labels[i][0] == _SUCCESS:
            paths.append((start, tuple(steps_k), tuple(steps_t), True))
            steps_k, steps_t = [], []
    if steps_k:
        paths.append((start, tuple(steps_k), tuple(steps_t), False))
    return paths


def walk_session(rows: Sequence[TurnRow], keys: Sequence[str], kinds: Sequence[TurnKind],
                 labels: Sequence[tuple[str, int]], settings: MiningSettings,
                 effective_keys: Sequence[str] | None = None) -> list[Chain]:
    """`walk_paths` as Chain records."""
    return [Chain(rows[start].user_id, rows[start].session_id, path_keys, texts,
                  ChainEnd.SUCCEEDED if succeeded else ChainEnd.FAILED, rows[start].ts)
            for start, path_keys, texts, succeeded in walk_paths(rows, keys, kinds, labels, settings, effective_keys)]


def extract_chains(turns: Sequence[LoggedTurn], settings: MiningSettings | None = None) -> list[Chain]:
    """The rephrase chains of one session's turns (any order; outcomes inferred where missing)."""
    settings = settings or MiningSettings()
    ordered = sorted(turns, key=lambda t: t.ts)
    rows = [t.to_row() for t in ordered]
    keys = [request_key(t.text) for t in ordered]
    effective = [request_key(t.interpreted_text) if t.interpreted_text is not None else k
                 for t, k in zip(ordered, keys)]
    kinds = kinds_of(rows, keys)
    labels = label_rows(rows, keys, kinds, settings)
    return [c for c in walk_session(rows, keys, kinds, labels, settings, effective) if not c.is_plain_success]
