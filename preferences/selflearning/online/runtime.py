"""The online rewriter a running assistant holds: the two layers in memory, reloaded when they change.

`decide` is called once per turn with NLU's interpretation. It costs a dict
lookup and a few catalog lookups for the turns that look fine (most of
them); for a doubtful turn, one embedding, a search in each layer and some
RapidFuzz comparisons.

Reloading: a background thread compares, every `refresh_seconds`, the
active index version and the time of the last "forget everything" with its
copy; a new build or a forgotten user makes it load the new one while the
old copy keeps serving (the first load is done by the first turn, which needs the
index's wording to tell a missed name from "play some music").
A database that went away leaves the last copy in force: rewriting is an
improvement, never a reason to fail a turn.
"""
from __future__ import annotations

import logging
import threading
import time
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from typing import Any

import numpy as np

from preferences.errors import AssistantError
from preferences.selflearning.normalize import request_key
from preferences.selflearning.online.collect import Entry
from preferences.selflearning.online.ranking import Scored, admissible, score
from preferences.selflearning.online.settings import MODES, OnlineSettings
from preferences.selflearning.online.trigger import Doubt, carrier_words, doubt
from preferences.selflearning.online.vector_index import VectorIndex
from preferences.selflearning.online.vectors import joined
from preferences.storage.online_index import OnlineIndexStore

log = logging.getLogger(__name__)


@dataclass(frozen=True)
class OnlineDecision:
    """A rewrite the online rewriter applied."""

    layer: str  # personal | global
    raw: str  # what the user said
    target: str  # the request it is read as
    intent: str | None  # the target's interpretation when it succeeded
    entities: tuple[tuple[str, str], ...]
    score: float
    reasons: tuple[str, ...]  # why the turn was doubtful

    def to_json(self) -> dict[str, Any]:
        """As logged in the parse data (`online_rewrite`)."""
        return {"layer": self.layer, "raw": self.raw, "target": self.target, "score": round(self.score, 3),
                "reasons": list(self.reasons)}


@dataclass
class _Layers:
    global_entries: list[Entry]
    global_index: VectorIndex
    personal: dict[str, tuple[list[Entry], VectorIndex]]
    stamp: Any
    global_by_key: dict[str, Entry] = field(default_factory=dict)
    carrier: frozenset[str] = frozenset()  # the wording of successful requests (`trigger.carrier_words`)


def _layers(store: OnlineIndexStore, settings: OnlineSettings, stamp: Any) -> _Layers:
    entries, vectors = store.entries()
    g_rows = [i for i, e in enumerate(entries) if e.layer == "global"]
    by_user: dict[str, list[int]] = {}
    for i, e in enumerate(entries):
        if e.layer == "personal" and e.user_id:
            by_user.setdefault(e.user_id, []).append(i)
    vectors = joined(vectors, [e.text for e in entries])
    personal = {user: ([entries[i] for i in rows], VectorIndex(vectors[rows], ivf_min_size=10**9))
                for user, rows in by_user.items()}
    shared = [entries[i] for i in g_rows]
    carrier = carrier_words(((e.key, e.entities) for e in entries), settings.min_carrier_requests)
    return _Layers(shared, VectorIndex(vectors[g_rows], ivf_min_size=settings.ivf_min_size), personal, stamp,
                   {e.key: e for e in shared}, carrier)


def works_as_said(entry: Entry | None, settings: OnlineSettings) -> bool:
    """The request as said already succeeds in this layer: "weather in paris" is not to be rewritten to
    "weather in paris texas" because Paris is ambiguous, when people who say it get what they want."""
    return entry is not None and entry.success_rate >= settings.min_own_success


class OnlineRewriter:
    def __init__(self, store: OnlineIndexStore, *, mode: str = "personal",
                 settings: OnlineSettings = OnlineSettings(), embed: Callable[[list[str]], np.ndarray] | None = None,
                 ) -> None:
        if mode not in MODES:
            raise ValueError(f"online rewriting mode must be one of {', '.join(MODES)}, not {mode!r}")
        self.store, self.mode, self.settings = store, mode, settings
        self._embed = embed
        self._layers: _Layers | None = None
        self._watcher: threading.Thread | None = None
        self._loading = threading.Lock()

    # --- the layers, kept fresh ---------------------------------------------------------------------
    def _load(self, stamp: Any) -> None:
        try:
            self._layers = _layers(self.store, self.settings, stamp)
        except AssistantError as exc:
            log.warning("online index unavailable, keeping the last copy: %s", exc)
        finally:
            self._loading.release()

    def refresh(self, *, wait: bool = True) -> None:
        """Reload, in this thread, if the index changed (wait=False: not if a reload is under way)."""
        try:
            stamp = self.store.stamp()
        except AssistantError as exc:
            log.warning("online index unavailable, keeping the last copy: %s", exc)
            return
        if self._layers is not None and self._layers.stamp == stamp:
            return
        if not self._loading.acquire(blocking=wait):
            return  # a reload is already under way
        self._load(stamp)

    def layers(self) -> _Layers | None:
        """The copy in force; the first call loads it and starts the background refresher."""
        if self._layers is None and self._watcher is None:
            self.refresh(wait=True)
            self._watcher = threading.Thread(target=self._watch, name="online-index-watch", daemon=True)
            self._watcher.start()
        return self._layers

    def _watch(self) -> None:
        """Check for a new version every refresh_seconds, whether or not turns arrive: a new index is in
        force within that time (plus its load), not only after the next doubtful turn has used the old one."""
        while True:
            time.sleep(self.settings.refresh_seconds)
            try:
                self.refresh(wait=True)
            except Exception:  # noqa: BLE001 - a watcher that dies would freeze the index silently
                log.exception("online index refresh failed; trying again later")

    # --- one turn -----------------------------------------------------------------------------------
    def _vector(self, text: str, meaning: np.ndarray | None = None) -> np.ndarray:
        """The request's retrieval vector: its MiniLM embedding joined to its letters (`vectors`).

        `meaning`: the embedding when the caller has it already (the NLU pipeline computed it for the
        intent classifier; embedding again would double the cost of a doubtful turn)."""
        if meaning is not None and meaning.size and np.linalg.norm(meaning) > 0:
            unit = np.asarray(meaning, dtype=np.float32).reshape(1, -1)
            return joined(unit / np.linalg.norm(unit), [text])[0]
        if self._embed is None:
            from preferences.embeddings import Embedder

            self._embed = Embedder().embed
        return joined(self._embed([text]), [text])[0]

    def _best(self, entries: list[Entry], index: VectorIndex, query: np.ndarray, key: str, why: Doubt,
              now: float) -> Scored | None:
        best: Scored | None = None
        for similarity, row in index.search(query, self.settings.candidates):
            if similarity < self.settings.min_similarity:
                continue
            entry = entries[row]
            if not admissible(entry, key, why):
                continue
            scored = score(entry, similarity, key, now, why)
            if scored.name_likeness is not None and scored.name_likeness < self.settings.min_name_likeness:
                continue  # another name with the same wording, not what the user said
            if best is None or scored.score > best.score:
                best = scored
        return best

    def choose(self, personal: Scored | None, shared: Scored | None) -> Scored | None:
        """The personal layer wins where the user's history is clear; the global one otherwise."""
        s = self.settings
        bar = s.min_score
        if personal is not None and personal.score >= bar and personal.entry.turns >= s.personal_min_turns \
                and (shared is None or personal.score + s.personal_margin >= shared.score):
            return personal
        if shared is not None and shared.score >= bar:
            if personal is not None and personal.score > shared.score + s.personal_margin:
                return personal  # one success of the user's own, much closer than anything everyone says
            return shared
        if personal is not None and personal.score >= bar + s.personal_margin:
            return personal
        return None

    def ranked(self, text: str, user: str | None, why: Doubt, meaning: np.ndarray | None = None
               ) -> tuple[Scored | None, Scored | None]:
        """The best admissible candidate of each layer (personal, global) for a doubtful request."""
        layers = self.layers()
        key = request_key(text)
        if layers is None or not key:
            return None, None
        own = layers.personal.get(user) if (self.mode == "personal" and user) else None
        if own is not None and works_as_said(next((e for e in own[0] if e.key == key), None), self.settings):
            own = None
        shared_works = works_as_said(layers.global_by_key.get(key), self.settings)
        if own is None and (shared_works or layers.global_index.size == 0):
            return None, None
        query = self._vector(text, meaning)
        now = time.time()
        personal = self._best(own[0], own[1], query, key, why, now) if own else None
        shared = None if shared_works else self._best(layers.global_entries, layers.global_index, query, key, why,
                                                      now)
        return personal, shared

    def decide(self, text: str, user: str | None, intent: str | None, confidence: float | None,
               entities: Sequence[tuple[str, str]], meaning: np.ndarray | None = None) -> OnlineDecision | None:
        """The rewrite for this interpretation, or None to leave it as NLU read it."""
        if self.mode == "off" or not text:
            return None
        layers = self.layers()
        why = doubt(intent, confidence, entities, self.settings, text, layers.carrier if layers else frozenset())
        if not why:
            return None
        chosen = self.choose(*self.ranked(text, user, why, meaning))
        if chosen is None:
            return None
        e = chosen.entry
        return OnlineDecision(e.layer, text, e.text, e.intent, e.entities, chosen.score, why.reasons)
