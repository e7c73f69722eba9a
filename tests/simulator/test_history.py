"""Test users' history: past requests for their habits, said their own way, the same in every condition."""
from __future__ import annotations

import json
from collections import defaultdict
from pathlib import Path

import pytest

from simulator import report as reporting
from simulator.channel import NoiseChannel, NoiseLevels
from simulator.driver import HISTORY_FIRST_INDEX, Driver, Episode
from simulator.experiment import Config, ConditionRun, Experiment, SeedRun
from simulator.population import (OWN_NICKNAME_SHARE, User, goals_for, history_goals, make_population, shorthands,
                                  voice_variant)
from simulator.seeds import stream
from simulator.tracker import TrackerCheck
from simulator.world import Goal, GoalKind, World
from tests.simulator.fakes import FakeAssistant

pytestmark = pytest.mark.unit


def habits_of(user: User) -> set[Goal]:
    return ({Goal(GoalKind.WEATHER, city=user.home)} | {Goal(GoalKind.ARTIST, artist=a) for a in user.artists}
            | {Goal(GoalKind.SONG, artist=a, track=t) for a, t in user.songs})


@pytest.fixture(scope="module")
def niche_world() -> World:
    return World.build(seed=3, n_artists=10, n_homes=9, n_niche=12)


@pytest.mark.parametrize("size", [0, 1, 2, 4, 9])
def test_history_size_follows_the_parameter(tmp_path: Path, size: int) -> None:
    exp = Experiment(Config(seeds=(1,), users_b=5, n_artists=8, n_homes=6, n_niche=4, history_episodes=size,
                            screen=False), 1, tmp_path)
    exp.prepare(None)
    plan = exp.history_plan()
    assert [u.id for u, _ in plan] == [u.id for u in exp.pop_b]
    assert all(len(goals) == size for _, goals in plan)
    episodes = Driver(FakeAssistant(), exp.channel, 1, "B", workers=3, gap_seconds=0).run(
        plan, first_index=HISTORY_FIRST_INDEX)
    assert len(episodes) == 5 * size and all(ep.history for ep in episodes)


def test_a_history_is_the_users_own_habits_with_their_town_and_favourite(world: World) -> None:
    for u in make_population(world, 30, "hh", 4):
        past = history_goals(u, 6, 4)
        assert past == history_goals(u, 6, 4)  # named streams: the same past in every condition and process
        assert set(past) <= habits_of(u)
        assert Goal(GoalKind.WEATHER, city=u.home) in past and Goal(GoalKind.ARTIST, artist=u.artists[0]) in past
        if max(past.count(g) for g in past) <= 3:  # wishes weeks apart never look like a request and its repair
            assert all(a != b for a, b in zip(past, past[1:])), past
        assert history_goals(u, 1, 4) == [Goal(GoalKind.WEATHER, city=u.home)]


def _requests(channel: NoiseChannel, user: User, plan: list[tuple[int, Goal]], seed: int):
    """First requests exactly as the driver draws them (stream per seed, phase, user, episode, request)."""
    return [(goal, channel.request(goal, user, stream(seed, "B", "noise", user.id, index, 0), 0))
            for index, goal in plan]


def test_own_names_are_the_same_in_history_and_tests(world: World) -> None:
    """A fan who says "tswift" or "cruel" says it in the past and in the test, and nothing else of their own."""
    channel = NoiseChannel(world)
    users = make_population(world, 120, "own", 6)
    used: dict[tuple[str, str], dict[str, set[str]]] = defaultdict(lambda: defaultdict(set))
    for u in users:
        past = [(HISTORY_FIRST_INDEX + k, g) for k, g in enumerate(history_goals(u, 8, 6))]
        tests = list(enumerate(goals_for(world, u, 8, 6, "B")))
        for part, plan in (("history", past), ("test", tests)):
            for goal, said in _requests(channel, u, plan, 6):
                if {"personal_nickname", "personal_partial_title"} & set(said.noise):
                    name = goal.track if goal.kind is GoalKind.SONG else goal.artist or goal.city or ""
                    own = [v for v in u.naming.own.values() if f" {v} " in f" {said.text} "]
                    assert own, (said, u.naming)
                    used[(u.id, name)][part].add(max(own, key=len))
    both = {k: v for k, v in used.items() if len(v) == 2}
    assert len(both) >= 20  # many users used their own name both before and in the test
    assert all(len(v["history"] | v["test"]) == 1 for v in both.values())


def test_a_recurring_mishearing_is_one_variant_per_user_and_name(world: World) -> None:
    users = make_population(world, 200, "voice", 8)
    prone = [u for u in users if u.naming.misheard]
    assert 0.05 * len(users) < len(prone) < 0.9 * len(users)
    u = prone[0]
    name, variant = next(iter(u.naming.misheard.items()))
    assert voice_variant(world, u.id, name) == variant  # the one-off path of the same voice agrees
    goal = next(g for g in sorted(habits_of(u), key=str)
                if (g.track or g.artist or "").lower() == name or g.kind is GoalKind.WEATHER and name in u.home.lower())
    channel = NoiseChannel(world)
    heard = [channel.request(goal, u, stream(8, "B", "noise", u.id, i, 0), 0) for i in range(-40, 40)]
    personal = [s.text for s in heard if "personal_mishearing" in s.noise]
    assert personal and all(variant in text for text in personal)
    assert 0.25 < len(personal) / len(heard) < 0.75
    careful = [channel.request(goal, u, stream(8, "B", "noise", u.id, i, 1), 1) for i in range(-40, 40)]
    assert sum("personal_mishearing" in s.noise for s in careful) < len(personal) / 2  # careful speech helps


def test_first_test_requests_are_identical_whatever_the_history(tmp_path: Path) -> None:
    """Conditions differ in what the assistant did in the past; the tests' first requests must not."""
    cfg = Config(seeds=(2,), users_b=6, episodes_b=3, history_episodes=4, n_artists=8, n_homes=6, n_niche=4,
                 screen=False)
    runs: dict[str, tuple[list[Episode], list[Episode]]] = {}
    for name, fake in (("understands", FakeAssistant()), ("deaf", FakeAssistant(deaf=True))):
        exp = Experiment(cfg, 2, tmp_path / name)
        exp.prepare(None)
        between: list[int] = []
        runs[name] = exp.live(Driver(fake, exp.channel, 2, "B", workers=3, gap_seconds=0),
                              lambda: between.append(len(fake.calls)))
        history, tests = runs[name]
        assert between and between[0] == sum(len(ep.turns) for ep in history)  # the index job: after the history
    first = {name: {(ep.user, ep.index): ep.requests[0].text for ep in tests} for name, (_, tests) in runs.items()}
    assert first["understands"] == first["deaf"] and len(first["deaf"]) == 18
    past = {name: {(ep.user, ep.index): ep.requests[0].text for ep in history} for name, (history, _) in runs.items()}
    assert past["understands"] == past["deaf"] and len(past["deaf"]) == 24
    turns = {name: sum(len(ep.turns) for ep in history) for name, (history, _) in runs.items()}
    assert turns["deaf"] > turns["understands"]  # the past holds the failures and repairs that assistant caused
    assert not any(ep.success for ep in runs["deaf"][0])


def test_a_quarter_of_users_have_a_niche_favourite_few_others_share(niche_world: World) -> None:
    niche = {a.name for a in niche_world.niche}
    assert len(niche) == 12 and not niche & {a.name for a in niche_world.artists}
    users = make_population(niche_world, 400, "n", 5)
    fans = [next(a for a in u.artists if a in niche) for u in users if set(u.artists) & niche]
    assert 0.17 < len(fans) / len(users) < 0.33
    assert max(fans.count(a) for a in set(fans)) < 0.2 * len(fans)  # nobody's habit in particular
    assert all(len(set(u.artists)) == len(u.artists) for u in users)
    assert all(niche_world.mishearings(a) for a in niche if len(a) > 5)  # misheard like any name
    assert not niche & {niche_world.popular_artist(stream(k)).name for k in range(300)}
    no_niche = make_population(niche_world, 100, "n", 5, niche_share=0.0)
    assert not any(set(u.artists) & niche for u in no_niche)


def test_own_names_are_real_shorthands_and_shared_as_designed(world: World) -> None:
    assert "the boss" in shorthands("Bruce Springsteen") and "malone" in shorthands("Post Malone")
    assert "john" not in shorthands("Elton John") and "elton" in shorthands("Elton John")
    assert shorthands("Stevie Wonder") == ("stevie",)
    assert shorthands("The Killers") == ()
    users = make_population(world, 400, "s", 9)
    eligible = [(u, a) for u in users for a in u.artists if shorthands(a)]
    share = sum(1 for u, a in eligible if a.lower() in u.naming.own) / len(eligible)
    assert abs(share - OWN_NICKNAME_SHARE) < 0.07
    quiet = NoiseChannel(world, NoiseLevels().scaled(0.0))
    for u, a in eligible[:50]:
        said = quiet.request(Goal(GoalKind.ARTIST, artist=a), u, stream(1), 0)
        assert said.noise == () and said.text.endswith(a.lower())  # no noise at all: not even a habit


def test_the_report_counts_the_history_apart_from_the_tests(tmp_path: Path) -> None:
    """Figures are over test episodes only; the history is reported beside them and marked in episodes.jsonl."""
    cfg = Config(seeds=(1,), users_b=4, episodes_b=2, history_episodes=3, n_artists=8, n_homes=6, n_niche=4,
                 screen=False, out=tmp_path)
    exp = Experiment(cfg, 1, tmp_path)
    exp.prepare(None)
    conditions = {}
    for name in cfg.conditions:
        history, tests = exp.live(Driver(FakeAssistant(), exp.channel, 1, "B", workers=3, gap_seconds=0))
        conditions[name] = ConditionRun(name, history, tests, [], TrackerCheck(), 0.0, 0.0)
    runs = [SeedRun(1, [], [], conditions)]
    report = reporting.build(cfg, runs, 0.0)
    counts = report["counts"]["none"]
    assert counts["episodes"] == 8 and counts["history"]["episodes"] == 12
    assert counts["history"]["turns"] >= 12 and counts["history"]["requests"] >= 12
    reporting.write_episodes(tmp_path / "episodes.jsonl", runs)
    parts = [json.loads(line)["part"] for line in (tmp_path / "episodes.jsonl").read_text().splitlines()]
    assert parts.count("history") == 3 * 12 and parts.count("episode") == 3 * 8
