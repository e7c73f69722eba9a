"""Which goals the assistant can serve when asked carefully: the admission test of the goal pool.

The catalogs hold about 3,000 artists, but the NLU learned to pick out only
the names it was shown, so some goals fail even when asked for perfectly
("what's the weather in glendale, california" is heard as two songs). A rewrite can only lead
to a request that works, so such goals would measure the NLU's coverage, not
self-learning. Each candidate goal's careful request is therefore parsed by
the served assistant (`/model/parse`, which writes nothing to the log) and
kept only if the intent and the entity name the goal. What was turned away
is reported (`world.rejected` in report.json): it is a finding about the
assistant, not noise. Results are cached per model, since they depend only
on the model and the text.
"""
from __future__ import annotations

import json
import threading
from collections.abc import Callable, Iterable
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path
from typing import Any

from preferences.catalogs import music
from preferences.catalogs.places import candidates
from simulator.channel import careful
from simulator.world import Goal, GoalKind

INTENTS = {GoalKind.ARTIST: "play_music", GoalKind.SONG: "play_music", GoalKind.WEATHER: "ask_weather"}


def entities(parsed: dict[str, Any], name: str) -> list[str]:
    return [str(e.get("value")) for e in parsed.get("entities") or [] if e.get("entity") == name and e.get("value")]


def names_goal(goal: Goal, parsed: dict[str, Any]) -> bool:
    """Whether a parse of the careful request has the goal's intent and an entity that resolves to the goal."""
    if (parsed.get("intent") or {}).get("name") != INTENTS[goal.kind]:
        return False
    if goal.kind is GoalKind.WEATHER:
        return any((found := candidates(v)) and found[0].key == goal.city for v in entities(parsed, "city"))
    artists = {music.normalize_artist(v) for v in entities(parsed, "artist")}
    if goal.artist not in artists:
        return False
    if goal.kind is GoalKind.SONG:
        return any((t := music.track(v, goal.artist)) is not None and t[1] == goal.track
                   for v in entities(parsed, "song"))
    return True


class Screen:
    """`servable(goal)`, answered by the served assistant's parser and remembered per model."""

    def __init__(self, parse: Callable[[str], dict[str, Any]], cache: Path | None, model: str,
                 channel: Callable[[Goal], str] | None = None) -> None:
        self.parse, self.cache, self.model = parse, cache, model
        self.text_of = channel or careful
        self.known: dict[str, dict[str, Any] | None] = self._load()  # key -> None (servable) or why not
        self.seen: set[str] = set()  # the keys this run asked about
        self.lock = threading.Lock()

    @property
    def rejected(self) -> list[dict[str, Any]]:
        return [why for k in sorted(self.seen) if (why := self.known[k]) is not None]

    def _load(self) -> dict[str, dict[str, Any] | None]:
        if self.cache is None or not self.cache.exists():
            return {}
        data = json.loads(self.cache.read_text())
        return dict(data.get(self.model, {}))

    def save(self) -> None:
        if self.cache is None:
            return
        data = json.loads(self.cache.read_text()) if self.cache.exists() else {}
        data[self.model] = self.known
        self.cache.parent.mkdir(parents=True, exist_ok=True)
        self.cache.write_text(json.dumps(data, indent=0, sort_keys=True))

    def check(self, goal: Goal) -> bool:
        text = self.text_of(goal)
        key = f"{goal.describe()}|{text}"
        with self.lock:
            self.seen.add(key)
            if key in self.known:
                return self.known[key] is None
        parsed = self.parse(text)
        ok = names_goal(goal, parsed)
        why = None if ok else {"goal": goal.describe(), "said": text,
                               "intent": (parsed.get("intent") or {}).get("name"),
                               "entities": [[e.get("entity"), e.get("value")] for e in parsed.get("entities") or []]}
        with self.lock:
            self.known[key] = why
        return ok

    def warm(self, goals: Iterable[Goal], workers: int = 3) -> None:
        """Parse many goals' careful requests at once (the parser serves several requests)."""
        with ThreadPoolExecutor(max_workers=workers) as pool:
            list(pool.map(self.check, goals))
        self.save()

    def __call__(self, goal: Goal) -> bool:
        return self.check(goal)
