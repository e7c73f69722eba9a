"""Simulated users: habits (favourite artists and songs, a home town, a usual way of asking) and temperament.

Habits matter twice: most requests are for the same few things (which is
what a personal layer can learn), and a habitual phrasing ("play X" rather
than "put on X") makes many users' requests share one exact key (which is
what collaborative mining needs). Temperament decides what a user does
after a failure (`simulator.reactions`).
"""
from __future__ import annotations

from dataclasses import dataclass

from simulator.seeds import stream, zipf_weights
from simulator.world import Goal, GoalKind, World

# How each kind of goal is usually asked, most common first; {x} is the artist, the title or the place.
CARRIERS: dict[GoalKind, tuple[str, ...]] = {
    GoalKind.ARTIST: ("play {x}", "play some {x}", "put on {x}", "play music by {x}", "i wanna hear {x}"),
    GoalKind.SONG: ("play {x}", "play the song {x}", "put on {x}", "i want to hear {x}"),
    GoalKind.WEATHER: ("what's the weather in {x}", "weather in {x}", "how's the weather in {x}",
                       "is it going to rain in {x}", "forecast for {x}"),
}
# Phrasings in words the NLU was never shown (slang, regionalisms): "words the NLU has never seen".
UNSEEN_CARRIERS: dict[GoalKind, tuple[str, ...]] = {
    GoalKind.ARTIST: ("bump some {x}", "spin {x} for me", "lemme hear {x}", "fire up {x}", "get {x} going"),
    GoalKind.SONG: ("spin that {x} tune", "bump {x}", "lemme hear {x}", "fire up {x}"),
    GoalKind.WEATHER: ("what's it doing outside in {x}", "do i need a brolly in {x}",
                       "how's the sky looking over {x}", "is it nippy in {x}", "what's it like out in {x}"),
}
KIND_WEIGHTS = {GoalKind.ARTIST: 0.45, GoalKind.SONG: 0.2, GoalKind.WEATHER: 0.35}


@dataclass(frozen=True)
class User:
    """One simulated person; `id` is also the REST sender, so the assistant can know them."""

    id: str
    artists: tuple[str, ...]  # favourite artists, most played first
    songs: tuple[tuple[str, str], ...]  # favourite (artist, track)s
    home: str  # City.key of the home town
    carriers: dict[GoalKind, str]  # the usual phrasing per kind of goal
    cooperativeness: float  # P(repairs a failure instead of giving up); the population knob shifts it
    patience: int  # requests per goal before giving up for good
    habit_share: float  # P(a goal is one of the user's habits rather than anything popular)


def make_population(world: World, size: int, name: str, seed: int, cooperativeness: float = 0.8) -> list[User]:
    """`size` users named `<name>-<i>`; the same arguments give the same people in every process."""
    users = []
    for i in range(size):
        rng = stream(seed, "population", name, i)
        weights = zipf_weights(len(world.artists))
        favourites: list[str] = []
        while len(favourites) < min(3, len(world.artists)):
            a = rng.choices(world.artists, weights=weights)[0].name
            if a not in favourites:
                favourites.append(a)
        songs = tuple((a, rng.choice(world.tracks[a])) for a in favourites if world.tracks.get(a))[:2]
        carriers = {kind: rng.choices(options, weights=zipf_weights(len(options), 1.5))[0]
                    for kind, options in CARRIERS.items()}
        a, b = 8 * cooperativeness, 8 * (1 - cooperativeness)
        coop = rng.betavariate(a, b) if a > 0 and b > 0 else cooperativeness  # spread around the knob
        users.append(User(f"{name}-{i}", tuple(favourites), songs, rng.choice(world.homes).key, carriers,
                          round(coop, 3), rng.choice((2, 3, 3, 4)), rng.uniform(0.55, 0.85)))
    return users


def next_goal(world: World, user: User, rng) -> Goal:  # rng: random.Random
    """A goal for the user's next episode: usually a habit, sometimes whatever is popular."""
    kind = rng.choices(list(KIND_WEIGHTS), weights=list(KIND_WEIGHTS.values()))[0]
    habitual = rng.random() < user.habit_share
    if kind is GoalKind.WEATHER:
        return Goal(kind, city=user.home if habitual else world.popular_city(rng).key)
    if kind is GoalKind.SONG:
        song = rng.choice(user.songs) if habitual and user.songs else world.popular_song(rng)
        if song is not None:
            return Goal(kind, artist=song[0], track=song[1])
        kind = GoalKind.ARTIST  # no servable track anywhere: ask for the artist instead
    artist = rng.choice(user.artists) if habitual else world.popular_artist(rng).name
    return Goal(kind, artist=artist)


def habit_goals(user: User) -> list[Goal]:
    """What a user asks for cleanly on their first days: their town's weather and their favourite artist."""
    return [Goal(GoalKind.WEATHER, city=user.home), Goal(GoalKind.ARTIST, artist=user.artists[0])]


def goals_for(world: World, user: User, episodes: int, seed: int, phase: str) -> list[Goal]:
    rng = stream(seed, "goals", phase, user.id)
    return [next_goal(world, user, rng) for _ in range(episodes)]
