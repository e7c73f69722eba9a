"""Simulated users: habits (favourite artists and songs, a home town, a usual way of asking) and temperament.

Habits matter twice: most requests are for the same few things (which is
what a personal layer can learn), and a habitual phrasing ("play X" rather
than "put on X") makes many users' requests share one exact key (which is
what collaborative mining needs). Temperament decides what a user does
after a failure (`simulator.reactions`).

People also name their favourites their own way, and keep doing so: a fan
who says "the boss" for Bruce Springsteen says it every time, "cruel" is
what one user always calls Cruel Summer, and a recogniser that mishears
one person's "Imagine Dragons" does so again and again. These habits are
drawn once per user (`Naming`) from streams named by the user, so they are
the same in the user's history (`history_goals`) and in their test
episodes. A quarter of the users also have a niche favourite that few
others ask for (`World.niche`).
"""
from __future__ import annotations

from dataclasses import dataclass, field, replace

from preferences.catalogs import music
from simulator import noise
from simulator.seeds import stream, zipf_weights
from simulator.world import Goal, GoalKind, World, city

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
# Shares of users with a personal naming habit for a favourite (drawn once per user and favourite).
OWN_NICKNAME_SHARE = 0.3  # a favourite that has a nickname or a surname ("the boss", "malone") is always called so
OWN_PARTIAL_SHARE = 0.4  # a favourite song of two words or more is always called by the same part of its title
OWN_VOICE_SHARE = 0.15  # a favourite's name is one the recogniser keeps mishearing in this user's voice
NICHE_SHARE = 0.25  # users with a niche favourite artist (one of their three), from `World.niche`


@dataclass(frozen=True)
class Naming:
    """How one user names their favourites, keyed by the folded catalog name (artist, title or town).

    Drawn once, so a user's own name for a favourite is the same in every request they make: in
    their history and in their test episodes, in every condition.
    """

    own: dict[str, str] = field(default_factory=dict)  # favourite -> the user's own name for it
    misheard: dict[str, str] = field(default_factory=dict)  # favourite -> how the recogniser hears this user say it

    def own_name(self, name: str) -> str | None:
        return self.own.get(noise.fold(name))

    def mishearing(self, name: str) -> str | None:
        return self.misheard.get(noise.fold(name))


def shorthands(name: str) -> tuple[str, ...]:
    """What a fan may always call an artist: a known nickname ("the boss", "mariah"), a shorter name the
    catalog knows ("beatles", "posty"), or, for want of a known nickname, a long, distinctive surname alone
    ("malone"; never "john", and not "wonder" for the one everybody calls "stevie")."""
    folded = noise.fold(name).replace("'", "")
    found = list(noise.NICKNAMES.get(folded, ()))
    known = music.artist(name)
    found += [noise.fold(a) for a in (known.aliases if known else ()) if len(noise.fold(a)) < len(folded)]
    words = folded.split()
    if folded not in noise.NICKNAMES and len(words) == 2 and words[0] != "the" and len(words[1]) >= 6:
        found.append(words[1])
    return tuple(dict.fromkeys(f for f in found if f and f != folded))


def voice_variant(world: World, user_id: str, name: str) -> str | None:
    """How the recogniser mishears this user saying `name` when it does: one stable variant per user and name."""
    return noise.one_off(name, stream(user_id, "voice", noise.fold(name)), avoid=world.mishearings(name))


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
    naming: Naming = field(default_factory=Naming)  # the user's own names and recurring mishearings of favourites


def make_population(world: World, size: int, name: str, seed: int, cooperativeness: float = 0.8,
                    niche_share: float = NICHE_SHARE) -> list[User]:
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
        _add_niche(world, favourites, stream(seed, "niche", name, i), niche_share)
        songs = tuple((a, rng.choice(world.tracks[a])) for a in favourites if world.tracks.get(a))[:2]
        carriers = {kind: rng.choices(options, weights=zipf_weights(len(options), 1.5))[0]
                    for kind, options in CARRIERS.items()}
        a, b = 8 * cooperativeness, 8 * (1 - cooperativeness)
        coop = rng.betavariate(a, b) if a > 0 and b > 0 else cooperativeness  # spread around the knob
        user = User(f"{name}-{i}", tuple(favourites), songs, rng.choice(world.homes).key, carriers,
                    round(coop, 3), rng.choice((2, 3, 3, 4)), rng.uniform(0.55, 0.85))
        users.append(replace(user, naming=own_naming(world, user, seed)))
    return users


def _add_niche(world: World, favourites: list[str], rng, share: float) -> None:  # rng: random.Random
    """A niche artist in place of one of the favourites (any rank: for some it is the one they play most)."""
    if not favourites or rng.random() >= share:
        return
    found = world.niche_artist(rng)
    if found is not None and found.name not in favourites:
        favourites[rng.randrange(len(favourites))] = found.name


def own_naming(world: World, user: User, seed: int) -> Naming:
    """The user's own names for their favourites and the names the recogniser keeps getting wrong in their voice.

    Own names are what people really say: a nickname or a shorter name (`shorthands`), part of a title
    (most people remember the same part, some another), the local nickname of a home town ("philly").
    """
    rng = stream(seed, "naming", user.id)
    own: dict[str, str] = {}
    home = city(user.home).name
    for artist in user.artists:
        options = shorthands(artist)
        if options and rng.random() < OWN_NICKNAME_SHARE:
            own[noise.fold(artist)] = rng.choice(options)
    for _, title in user.songs:
        part_rng = stream(world.seed, "partial", title) if rng.random() < 0.7 else rng
        part = noise.partial_title(title, part_rng)
        if part and len(part) >= 4 and rng.random() < OWN_PARTIAL_SHARE:  # "cruel", "bohemian"; not "now"
            own[noise.fold(title)] = part
    nick = noise.nickname(home, rng, surname=False)
    if nick and rng.random() < OWN_NICKNAME_SHARE:
        own[noise.fold(home)] = nick
    misheard: dict[str, str] = {}
    for name in (*user.artists, *(t for _, t in user.songs), home):
        if rng.random() < OWN_VOICE_SHARE and (variant := voice_variant(world, user.id, name)):
            misheard[noise.fold(name)] = variant
    return Naming(own, misheard)


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


def history_goals(user: User, n: int, seed: int) -> list[Goal]:
    """The user's last `n` requests before the test, oldest first: their habits, as a regular user's past is.

    Over weeks a regular user has asked for their town's weather and their favourite artist, so a history
    of two or more holds both; the rest follows the user's habits (kinds as in `next_goal`, any favourite).
    Two consecutive episodes are for the same goal only when no order avoids it: the history is compressed
    into minutes, and two wishes weeks apart must not look like one request and its repair.
    """
    rng = stream(seed, "goals", "history", user.id)
    anchors = [Goal(GoalKind.WEATHER, city=user.home), Goal(GoalKind.ARTIST, artist=user.artists[0])]
    goals = anchors[:n] + [_habit(user, rng) for _ in range(n - min(n, len(anchors)))]
    orders = [rng.sample(goals, len(goals)) for _ in range(50)]  # the first order without a repeat, or the best
    return min(orders, key=lambda order: sum(a == b for a, b in zip(order, order[1:])))


def _habit(user: User, rng) -> Goal:  # rng: random.Random
    """One of the user's habits, with `next_goal`'s mix of kinds: the past and the tests want the same things."""
    kind = rng.choices(list(KIND_WEIGHTS), weights=list(KIND_WEIGHTS.values()))[0]
    if kind is GoalKind.WEATHER:
        return Goal(kind, city=user.home)
    if kind is GoalKind.SONG and user.songs:
        artist, track = rng.choice(user.songs)
        return Goal(kind, artist=artist, track=track)
    return Goal(GoalKind.ARTIST, artist=rng.choice(user.artists))


def goals_for(world: World, user: User, episodes: int, seed: int, phase: str) -> list[Goal]:
    rng = stream(seed, "goals", phase, user.id)
    return [next_goal(world, user, rng) for _ in range(episodes)]
