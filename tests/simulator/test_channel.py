"""Goals into requests: casual and noisy at first, careful on a rephrase, and paired across runs."""
from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from preferences.catalogs.places import candidates
from simulator.channel import NoiseChannel, NoiseLevels
from simulator.population import goals_for, make_population
from simulator.seeds import stream
from simulator.world import Goal, GoalKind, World, city

pytestmark = pytest.mark.unit


def test_the_same_streams_give_the_same_requests_in_every_run(world: World) -> None:
    """Paired conditions depend on it: same seed, user, episode and attempt -> the same text."""
    users = make_population(world, 5, "p", 1)
    channel = NoiseChannel(world)
    for u in users:
        for i, goal in enumerate(goals_for(world, u, 4, 1, "B")):
            a = channel.request(goal, u, stream(1, "B", u.id, i, 0))
            b = NoiseChannel(world).request(goal, u, stream(1, "B", u.id, i, 0))
            assert a == b
    assert goals_for(world, users[0], 4, 1, "B") == goals_for(world, users[0], 4, 1, "B")


def test_a_noiseless_channel_says_exactly_what_the_user_wants(world: World) -> None:
    quiet = NoiseChannel(world, NoiseLevels().scaled(0.0))
    u = make_population(world, 1, "q", 3)[0]
    assert quiet.request(Goal(GoalKind.ARTIST, artist="The Beatles"), u, stream(0), 0).noise == ()
    said = quiet.request(Goal(GoalKind.ARTIST, artist="The Beatles"), u, stream(0), 0).text
    assert said == u.carriers[GoalKind.ARTIST].format(x="the beatles")
    weather = quiet.request(Goal(GoalKind.WEATHER, city=u.home), u, stream(0), 0).text
    assert weather.endswith(city(u.home).name.lower() + ", " + city(u.home).region_name.lower())


def test_a_town_is_never_called_by_its_last_word(world: World) -> None:
    """"city" is nobody's name for Kansas City: places get known nicknames only, never a surname rule."""
    from simulator import noise

    assert noise.nickname("Kansas City", stream(1), surname=False) is None
    assert noise.nickname("Chicago", stream(1), surname=False) in noise.NICKNAMES["chicago"]
    assert noise.nickname("Post Malone", stream(1)) == "malone"


@given(st.integers(0, 10_000))
@settings(max_examples=60, deadline=None)
def test_rephrases_carry_less_noise_than_first_requests(seed: int) -> None:
    world = _world()
    channel = NoiseChannel(world, NoiseLevels(common=0.6, one_off=0.2))
    users = make_population(world, 4, "r", seed)
    first = again = 0
    for u in users:
        for i, goal in enumerate(goals_for(world, u, 5, seed, "A")):
            first += bool(channel.request(goal, u, stream(seed, u.id, i, 0), 0).noise)
            again += bool(channel.request(goal, u, stream(seed, u.id, i, 1), 1).noise)
    assert again <= first


def test_mishearings_are_shared_by_the_population(world: World) -> None:
    """Many users mishearing one artist mostly say the same few things: what makes mining possible."""
    channel = NoiseChannel(world, NoiseLevels(common=1.0, one_off=0.0, nickname=0.0, unseen=0.0, disfluency=0.0,
                                              own_name=0.0, own_mishearing=0.0))  # fans' own names: elsewhere
    users = make_population(world, 60, "m", 2)
    artist = world.artists[0].name
    heard = [channel.request(Goal(GoalKind.ARTIST, artist=artist), u, stream(2, u.id), 0).text for u in users]
    assert set(world.mishearings(artist))
    top = max(heard.count(h) for h in set(heard))
    assert top >= 10  # the likeliest mishearing in the likeliest phrasing, from many users
    assert all(any(m in h for m in world.mishearings(artist)) for h in heard)


def test_a_users_own_mishearing_recurs(world: World) -> None:
    channel = NoiseChannel(world, NoiseLevels(common=0.0, one_off=1.0, personal=1.0, nickname=0.0, unseen=0.0,
                                              disfluency=0.0))
    u = make_population(world, 1, "v", 4)[0]
    goal = Goal(GoalKind.ARTIST, artist=u.artists[0])
    said = {channel.request(goal, u, stream(k), 0).text.split(" ", 1)[-1] for k in range(20)}
    assert len({s.split()[-1] for s in said}) <= 2  # one voice, one error (carriers may vary)


def test_ambiguous_places_are_flagged_when_the_bare_name_means_another_town(world: World) -> None:
    channel = NoiseChannel(world, NoiseLevels(common=0, one_off=0, nickname=0, bare_place=1.0, unseen=0,
                                              disfluency=0))
    users = make_population(world, 40, "a", 9)
    for u in users:
        said = channel.request(Goal(GoalKind.WEATHER, city=u.home), u, stream(u.id), 0)
        bigger = candidates(city(u.home).name)[0].key != u.home
        assert ("ambiguous_place" in said.noise) == bigger
        assert "," not in said.text


_CACHE: dict[str, World] = {}


def _world() -> World:
    if "w" not in _CACHE:
        _CACHE["w"] = World.build(11, 15, 9)
    return _CACHE["w"]
