"""The index job: read the log, collect successful requests, embed the new ones, switch versions.

Run by the scheduler beside mining (`served_jobs`), by `prefs rewrites
index`, and by the tests, all through `build_indexes`. Embedding is the only
costly step (about 1,000 short requests a second on this CPU), so requests
the active version already embedded are reused: a rebuild after a day of
traffic embeds only that day's new wordings.
"""
from __future__ import annotations

import logging
import time
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from typing import Any

import numpy as np

from preferences.selflearning.online.collect import Entry, collect
from preferences.selflearning.online.settings import OnlineSettings
from preferences.selflearning.turns import LoggedTurn
from preferences.storage.online_index import OnlineIndexStore

log = logging.getLogger(__name__)
EMBED_BATCH = 256

Embed = Callable[[list[str]], np.ndarray]


@dataclass(frozen=True)
class IndexReport:
    version: int
    personal: int  # entries in the personal layer (all users)
    users: int  # users with a personal layer
    global_: int  # entries in the global layer
    embedded: int  # texts embedded by this build (the rest were reused)
    seconds: float
    stats: dict[str, Any] = field(default_factory=dict)

    def to_json(self) -> dict[str, Any]:
        return {"version": self.version, "personal": self.personal, "users": self.users, "global": self.global_,
                "embedded": self.embedded, "seconds": round(self.seconds, 2)}


def default_embed(texts: list[str]) -> np.ndarray:
    from preferences.embeddings import load_model

    return load_model().encode(texts, batch_size=64, normalize_embeddings=True, show_progress_bar=False,
                               convert_to_numpy=True).astype(np.float32)


def _vectors(store: OnlineIndexStore, entries: list[Entry], embed: Embed, progress: bool) -> tuple[np.ndarray, int]:
    keys = list(dict.fromkeys(e.key for e in entries))
    known = store.known_vectors(keys)
    texts = {e.key: e.text for e in entries}
    todo = [k for k in keys if k not in known]
    started = time.monotonic()
    for i in range(0, len(todo), EMBED_BATCH):
        batch = todo[i:i + EMBED_BATCH]
        for key, vec in zip(batch, embed([texts[k] for k in batch])):
            known[key] = vec
        if progress and time.monotonic() - started > 10:
            log.info("embedded %d of %d new requests", i + len(batch), len(todo))
            started = time.monotonic()
    vectors = np.stack([known[e.key] for e in entries]).astype(np.float32) if entries else \
        np.zeros((0, 384), np.float32)
    return vectors, len(todo)


def build_indexes(turns: Iterable[LoggedTurn], store: OnlineIndexStore, settings: OnlineSettings = OnlineSettings(),
                  *, embed: Embed = default_embed, progress: bool = False) -> IndexReport:
    """Collect, embed and write a new version; the old one stays in force if anything fails."""
    started = time.perf_counter()
    version = store.start_version()
    try:
        personal, shared = collect(turns, min_global_users=settings.min_global_users)
        entries = personal + shared
        vectors, embedded = _vectors(store, entries, embed, progress)
        store.add(version, entries, vectors)
        report = IndexReport(version, len(personal), len({e.user_id for e in personal}), len(shared), embedded,
                             time.perf_counter() - started)
        store.activate(version, report.to_json())
    except BaseException as exc:
        store.fail(version, f"{type(exc).__name__}: {exc}")
        raise
    log.info("online index version %d: %d personal entries for %d users, %d global, %d embedded",
             version, report.personal, report.users, report.global_, embedded)
    return report


def index_tracker_store(tracker_url: str, store: OnlineIndexStore, settings: OnlineSettings = OnlineSettings(),
                        *, forgotten: Any = None, progress: bool = False) -> IndexReport:
    """The served job: build from Rasa's SQL tracker store, without forgotten users' earlier turns."""
    from preferences.selflearning.jobs import without_forgotten
    from preferences.selflearning.tracker_store import tracker_batches

    batches = without_forgotten(tracker_batches(tracker_url), forgotten or {})
    return build_indexes((t for batch in batches for t in batch), store, settings, progress=progress)
