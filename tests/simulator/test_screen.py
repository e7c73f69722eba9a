"""The goal screen: a goal is admitted only when the parse of its careful request names it."""
from __future__ import annotations

from pathlib import Path

import pytest

from simulator.screen import Screen, names_goal
from simulator.world import Goal, GoalKind, World

pytestmark = pytest.mark.unit


def parsed(intent: str, *entities: tuple[str, str]) -> dict:
    return {"intent": {"name": intent}, "entities": [{"entity": e, "value": v} for e, v in entities]}


def test_an_artist_must_be_picked_out_whole() -> None:
    goal = Goal(GoalKind.ARTIST, artist="Elton John")
    assert names_goal(goal, parsed("play_music", ("artist", "elton john")))
    assert not names_goal(goal, parsed("play_music", ("artist", "elton")))  # what the NLU did in a real run
    assert not names_goal(goal, parsed("control_device", ("artist", "elton john")))


def test_a_song_needs_its_title_and_artist() -> None:
    goal = Goal(GoalKind.SONG, artist="Adele", track="Hello")
    assert names_goal(goal, parsed("play_music", ("song", "hello"), ("artist", "adele")))
    assert not names_goal(goal, parsed("play_music", ("artist", "adele")))


def test_a_town_must_resolve_to_the_users_town() -> None:
    from preferences.catalogs.places import candidates

    small = candidates("Springfield")[1]
    goal = Goal(GoalKind.WEATHER, city=small.key)
    assert names_goal(goal, parsed("ask_weather", ("city", f"{small.name}, {small.region_name}")))
    assert not names_goal(goal, parsed("ask_weather", ("city", "Springfield")))  # the bigger namesake


def test_the_world_keeps_only_admitted_goals_and_the_cache_remembers(tmp_path: Path) -> None:
    calls: list[str] = []

    def parse(text: str) -> dict:
        calls.append(text)
        if text.startswith("play ") and " by " not in text:
            name = text[5:]
            return parsed("play_music", ("artist", name if len(name.split()) == 1 else name.split()[0]))
        if text.startswith("what's the weather in "):
            return parsed("ask_weather", ("city", text.split(" in ", 1)[1]))
        return parsed("nlu_fallback")

    screen = Screen(parse, tmp_path / "cache.json", "model-x")
    world = World.build(3, n_artists=6, n_homes=6, admit=screen)
    assert world.artists and all(len(a.name.split()) == 1 for a in world.artists)  # two-word names were cut
    assert world.tracks == {}  # no song request was understood
    assert world.homes and screen.rejected and all(r["said"] for r in screen.rejected)
    asked = len(calls)
    again = Screen(parse, tmp_path / "cache.json", "model-x")
    World.build(3, n_artists=6, n_homes=6, admit=again)
    assert len(calls) == asked and again.rejected == screen.rejected  # answered from the cache
