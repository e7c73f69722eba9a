"""The grouped count at the heart of mining: what every session contributes, summed.

A `Tally` holds, for the sessions it has seen,

* edges: (source key, destination) -> turns, and users (kept only up to
  `min_edge_users`: the support test needs no more);
* own: request key NLU saw -> (turns, successes), the "own success rate";
* pairs: (source key, target key) -> chains in which the source led to
  success as the target, and every user who did (the end-to-end support and
  the evidence a forgotten user can be removed from);
* surface: the spellings seen for the keys in chains, to show the most
  frequent one instead of a normalised key;
* rewrites: request key -> outcomes of the turns a live rewrite matched,
  [rewritten turns, their successes, held-out turns, their successes]: the
  evidence the self-aware check judges each rewrite on;
* counts: turns, sessions, requests, defects, chains, signals.

Tallies merge by addition and set union, so the result is the same whatever
the order and grouping of the sessions: that is what lets the miner count
buckets in parallel and still be deterministic. (A capped union keeps
min(cap, all users) users, which is all the support test reads.)

Tallies travel between processes, so their shape is chosen for pickling:
edge users are short tuples and user sets become tuples on the way (a set
pickles about eight times slower than a tuple).
"""
from __future__ import annotations

from collections import Counter
from collections.abc import Iterable, Mapping
from functools import lru_cache
from typing import Any

from preferences.selflearning.chains import walk_paths
from preferences.selflearning.markov import FAIL, SUCCESS
from preferences.selflearning.normalize import request_key
from preferences.selflearning.outcome import TurnKind, kinds_of, label_rows
from preferences.selflearning.settings import MiningSettings
from preferences.selflearning.turns import SIGNAL_BITS, Outcome, TurnRow

_key = lru_cache(maxsize=1 << 17)(request_key)  # logs repeat the same requests; keys are pure functions of text
_SUCCESS = Outcome.SUCCESS.value
_REQUEST = TurnKind.REQUEST
_SIGNAL_NAMES = tuple(("signal:" + signal.value, bit) for signal, bit in SIGNAL_BITS.items())


class Tally:
    """Mutable sums for a set of sessions (mutable because it is an accumulator; see the module docstring)."""

    __slots__ = ("settings", "edges", "own", "pairs", "surface", "rewrites", "counts")

    def __init__(self, settings: MiningSettings) -> None:
        self.settings = settings
        self.edges: dict[tuple[str, str], list[Any]] = {}  # [turns, tuple of users, at most min_edge_users]
        self.own: dict[str, list[int]] = {}  # [turns, successes]
        self.pairs: dict[tuple[str, str], list[Any]] = {}  # [chains, set of users]
        self.surface: dict[str, dict[str, int]] = {}  # key -> spelling -> times
        self.rewrites: dict[str, list[int]] = {}  # key -> [rewritten, ok, held out, ok]
        self.counts: Counter[str] = Counter()

    def __getstate__(self) -> tuple[Any, ...]:
        pairs = {pair: (count, tuple(users)) for pair, (count, users) in self.pairs.items()}
        return self.settings, self.edges, self.own, pairs, self.surface, self.rewrites, dict(self.counts)

    def __setstate__(self, state: tuple[Any, ...]) -> None:
        self.settings, self.edges, self.own, pairs, self.surface, self.rewrites, counts = state
        self.pairs = {pair: [count, set(users)] for pair, (count, users) in pairs.items()}
        self.counts = Counter(counts)

    def add_session(self, rows: list[TurnRow]) -> None:
        """Label one session's rows, walk its chains and count them."""
        if len(rows) > 1:
            rows.sort(key=_ts)
        keys = [_key(r.text) for r in rows]
        effective = [k if r.interpreted_text is None or _key(r.interpreted_text) == k else _key(r.interpreted_text)
                     for r, k in zip(rows, keys)]  # `is` the user's key exactly when nothing was rewritten
        kinds = kinds_of(rows, keys)
        labels = label_rows(rows, keys, kinds, self.settings)
        counts, own = self.counts, self.own
        requests = defects = 0
        for row, key, eff, kind, (outcome, mask) in zip(rows, keys, effective, kinds, labels):
            if mask:
                for name, bit in _SIGNAL_NAMES:
                    if mask & bit:
                        counts[name] += 1
            if kind is not _REQUEST:
                continue
            requests += 1
            seen = own.get(eff)
            if seen is None:
                seen = own[eff] = [0, 0]
            seen[0] += 1
            if outcome == _SUCCESS:
                seen[1] += 1
            else:
                defects += 1
            if eff is not key:
                counts["rewritten"] += 1
            if row.held_out:
                counts["held_out"] += 1
            if row.rewrite_id is not None:
                tally = self.rewrites.get(key)
                if tally is None:
                    tally = self.rewrites[key] = [0, 0, 0, 0]
                at = 2 if row.held_out else 0
                tally[at] += 1
                tally[at + 1] += outcome == _SUCCESS
        counts["sessions"] += 1
        counts["turns"] += len(rows)
        counts["requests"] += requests
        counts["defects"] += defects
        user = rows[0].user_id
        edges, cap = self.edges, self.settings.min_edge_users
        for _start, path_keys, texts, succeeded in walk_paths(rows, keys, kinds, labels, self.settings, effective):
            if succeeded and len(path_keys) == 1:  # a plain success, most turns: one edge, inlined
                edge = edges.get((path_keys[0], SUCCESS))
                if edge is None:
                    edges[(path_keys[0], SUCCESS)] = [1, (user,)]
                else:
                    edge[0] += 1
                    if len(edge[1]) < cap and user not in edge[1]:
                        edge[1] += (user,)
            else:
                self._add_chain(user, path_keys, texts, succeeded)

    def _add_chain(self, user: str, keys: tuple[str, ...], texts: tuple[str, ...], succeeded: bool) -> None:
        cap = self.settings.min_edge_users
        edges = self.edges
        last = len(keys) - 1
        for i, src in enumerate(keys):
            dst = keys[i + 1] if i < last else (SUCCESS if succeeded else FAIL)
            edge = edges.get((src, dst))
            if edge is None:
                edges[(src, dst)] = [1, (user,)]
            else:
                edge[0] += 1
                if len(edge[1]) < cap and user not in edge[1]:
                    edge[1] += (user,)
        self.counts["chains"] += 1
        surface = self.surface
        for key, text in zip(keys, texts):
            forms = surface.get(key)
            if forms is None:
                surface[key] = {text: 1}
            else:
                forms[text] = forms.get(text, 0) + 1
        if not succeeded:
            return
        self.counts["chains_succeeded"] += 1
        target = keys[-1]
        for src in set(keys[:-1]):
            if src == target:
                continue
            pair = self.pairs.get((src, target))
            if pair is None:
                self.pairs[(src, target)] = [1, {user}]
            else:
                pair[0] += 1
                pair[1].add(user)

    def merge(self, other: Tally) -> Tally:
        """Add `other` into this tally and return it; `other` is consumed (its sets may be reused)."""
        cap = self.settings.min_edge_users
        for edge, (count, users) in other.edges.items():
            mine = self.edges.get(edge)
            if mine is None:
                self.edges[edge] = [count, users]
                continue
            mine[0] += count
            if len(mine[1]) < cap:
                mine[1] = _capped_union(mine[1], users, cap)
        for key, (n, ok) in other.own.items():
            mine = self.own.get(key)
            if mine is None:
                self.own[key] = [n, ok]
            else:
                mine[0] += n
                mine[1] += ok
        for pair, (count, users) in other.pairs.items():
            mine = self.pairs.get(pair)
            if mine is None:
                self.pairs[pair] = [count, users]
            else:
                mine[0] += count
                mine[1] |= users
        for key, forms in other.surface.items():
            mine_forms = self.surface.get(key)
            if mine_forms is None:
                self.surface[key] = forms
            else:
                for text, n in forms.items():
                    mine_forms[text] = mine_forms.get(text, 0) + n
        for key, tally in other.rewrites.items():
            mine = self.rewrites.get(key)
            if mine is None:
                self.rewrites[key] = list(tally)
            else:
                for i, n in enumerate(tally):
                    mine[i] += n
        self.counts.update(other.counts)
        return self


def _capped_union(mine: tuple[str, ...], theirs: tuple[str, ...], cap: int) -> tuple[str, ...]:
    out = list(mine)
    for user in theirs:
        if len(out) >= cap:
            break
        if user not in out:
            out.append(user)
    return tuple(out)


    def merge(self, other: Tally) -> Tally:
        """Add `other` into this tally and return it; `other` is consumed (its sets may be reused)."""
        cap = self.settings.min_edge_users
        for edge, (count, users) in other.edges.items():
            mine = self.edges.get(edge)
            if mine is None:
                self.edges[edge] = [count, users]
            else:
                mine[0] += count
                if len(mine[1]) < cap:
                    mine[1] |= users
        for key, (n, ok) in other.own.items():
            mine = self.own.get(key)
            if mine is None:
                self.own[key] = [n, ok]
            else:
                mine[0] += n
                mine[1] += ok
        for pair, (count, users) in other.pairs.items():
            mine = self.pairs.get(pair)
            if mine is None:
                self.pairs[pair] = [count, users]
            else:
                mine[0] += count
                mine[1] |= users
        for key, forms in other.surface.items():
            mine_forms = self.surface.get(key)
            if mine_forms is None:
                self.surface[key] = forms
            else:
                mine_forms.update(forms)
        for key, tally in other.rewrites.items():
            mine = self.rewrites.get(key)
            if mine is None:
                self.rewrites[key] = list(tally)
            else:
                for i, n in enumerate(tally):
                    mine[i] += n
        self.counts.update(other.counts)
        return self


def merge_all(tallies: Iterable[Tally], settings: MiningSettings) -> Tally:
    total = Tally(settings)
    for tally in tallies:
        total.merge(tally)
    return total


def most_frequent(forms: Mapping[str, int] | None, fallback: str) -> str:
    """The most frequent spelling; ties go to the alphabetically first, so runs agree."""
    if not forms:
        return fallback
    return min(forms.items(), key=lambda item: (-item[1], item[0]))[0]


def _ts(row: TurnRow) -> float:
    return row.ts
