"""What users can want, taken from the assistant's own catalogs: artists, songs and cities.

Goals are drawn from the catalogs the skills answer from
(`preferences.catalogs.music`, `preferences.catalogs.places`), so every goal
is one the assistant can in principle achieve: a defect is then the
assistant's failure to understand, never a request outside its reach.

Besides the popular pool most requests go to, the world keeps a *niche*
pool: catalog artists well outside the charts' top (and the hand-added
classics such as Coltrane), each the favourite of a few users at most
(`simulator.population`). Real favourites have a long tail, and a name few
others ask for is one the population's traffic says little about.

The world also fixes the *population-level* mishearings: a speech recogniser
hears a given name in a few typical wrong ways for everybody (that shared
failure is what collaborative mining can learn); each user then adds a long
tail of one-off variants (`simulator.noise`).
"""
from __future__ import annotations

import enum
import random
from collections.abc import Iterable
from dataclasses import dataclass, field
from functools import lru_cache
from typing import Protocol

from preferences.catalogs import music
from preferences.catalogs.places import City, by_key, candidates
from simulator import noise
from simulator.seeds import stream, zipf_weights


class GoalKind(str, enum.Enum):
    ARTIST = "artist"  # hear anything by this artist
    SONG = "song"  # hear this track (by this artist)
    WEATHER = "weather"  # the forecast for this city


@dataclass(frozen=True)
class Goal:
    """A user's true intention; the judge compares what the assistant did with it."""

    kind: GoalKind
    artist: str | None = None  # catalog name, as the assistant prints it
    track: str | None = None
    city: str | None = None  # City.key ("Springfield, IL, US")

    def describe(self) -> str:
        if self.kind is GoalKind.WEATHER:
            return f"weather in {self.city}"
        if self.kind is GoalKind.SONG:
            return f"{self.track} by {self.artist}"
        return f"music by {self.artist}"

    def to_json(self) -> dict[str, str | None]:
        return {"kind": self.kind.value, "artist": self.artist, "track": self.track, "city": self.city}


# Place names many US towns share. A resident of the smaller one who says just the name gets the
# biggest one unless the assistant knows them: the ambiguity the personal layer exists for.
AMBIGUOUS_NAMES = ("Springfield", "Portland", "Columbus", "Richmond", "Arlington", "Jackson", "Aurora",
                   "Glendale", "Rochester", "Lancaster", "Cambridge", "Manchester", "Salem", "Franklin",
                   "Greenville", "Madison", "Athens", "Bloomington", "Burlington", "Fayetteville", "Lafayette",
                   "Columbia", "Kansas City", "Peoria", "Pasadena", "Charleston", "Wilmington", "Lexington")
# Cities people ask about without living there (one each: the most populous of the name).
# Chart ranks the niche pool is drawn from: known enough to be in the catalog, far from the top.
NICHE_RANKS = (100, 1000)
VISITED_NAMES = ("London", "Paris", "Tokyo", "New York City", "Chicago", "Los Angeles", "Boston", "Seattle",
                 "Miami", "Berlin", "Toronto", "Denver", "Atlanta", "Dallas", "San Diego", "Madrid", "Rome",
                 "Sydney", "Phoenix", "Houston", "Nashville", "New Orleans", "Las Vegas", "Philadelphia")


@lru_cache(maxsize=1)
def ambiguous_homes() -> tuple[City, ...]:
    """US cities whose name is shared and which are not the biggest of their name."""
    homes: list[City] = []
    for name in AMBIGUOUS_NAMES:
        found = [c for c in candidates(name) if c.name == name]
        homes.extend(c for c in found[1:] if c.country == "US")
    return tuple(homes)


@lru_cache(maxsize=1)
def plain_homes() -> tuple[City, ...]:
    """Cities whose name is theirs alone (or the biggest of it): no ambiguity to resolve."""
    return tuple(c for c in (candidates(n)[0] for n in VISITED_NAMES if candidates(n)) if c is not None)


class Admission(Protocol):
    """Says whether the assistant can serve a goal asked for carefully (`simulator.screen.Screen`)."""

    def __call__(self, goal: Goal) -> bool: ...

    def warm(self, goals: Iterable[Goal], workers: int = 3) -> None: ...


class AdmitAll:
    """No screening (unit tests, or a run that wants the raw catalog)."""

    def __call__(self, goal: Goal) -> bool:
        return True

    def warm(self, goals: Iterable[Goal], workers: int = 3) -> None:
        return None


@dataclass(frozen=True)
class World:
    """The goal pools of one replicate, in popularity order, and their common mishearings."""

    seed: int
    artists: tuple[music.Artist, ...]
    tracks: dict[str, tuple[str, ...]]  # artist name -> the tracks a careful request can get
    homes: tuple[City, ...]
    visited: tuple[City, ...]
    common: dict[str, tuple[str, ...]] = field(repr=False)  # folded name -> typical mishearings, likeliest first
    niche: tuple[music.Artist, ...] = ()  # favourites of a few: servable artists outside the popular pool

    @classmethod
    def build(cls, seed: int, n_artists: int = 40, n_homes: int = 30, admit: Admission | None = None,
              tracks_per_artist: int = 3, n_niche: int = 0) -> "World":
        """The `n_artists` most charted catalog artists the assistant can serve, in a seed-dependent order,
        and `n_niche` servable artists far down the chart (or hand-added classics) for niche tastes.

        The catalog's hand-added classics (Mozart, Coltrane) rank first in it but are not what most
        people ask a speaker for, so the popular pool follows the chart order of the reference data.
        The niche pool is drawn from its own stream, so adding it leaves the popular pool as it was.
        """
        admit = admit or AdmitAll()
        rng = stream(seed, "world")
        extras = set(music.EXTRA_ARTISTS)
        charted = [a for a in music.all_artists() if a not in extras and a.tracks][: n_artists * 2]
        admit.warm(Goal(GoalKind.ARTIST, artist=a.name) for a in charted)
        artists = [a for a in charted if admit(Goal(GoalKind.ARTIST, artist=a.name))][:n_artists]
        rng.shuffle(artists)
        niche = _niche_pool(seed, n_niche, max(NICHE_RANKS[0], len(charted)), admit)
        songs = [Goal(GoalKind.SONG, artist=a.name, track=t) for a in artists for t in a.tracks[:tracks_per_artist]]
        # a niche favourite's best-known two tracks: what a fan asks for by name
        songs += [Goal(GoalKind.SONG, artist=a.name, track=t) for a in niche for t in a.tracks[:2]]
        admit.warm(songs)
        tracks: dict[str, tuple[str, ...]] = {}
        for g in songs:
            if admit(g):
                tracks.setdefault(g.artist or "", ())
                tracks[g.artist or ""] += (g.track or "",)
        ambiguous = list(ambiguous_homes())
        rng.shuffle(ambiguous)
        ambiguous = ambiguous[: n_homes * 2]
        plain = list(plain_homes())[: max(2 * n_homes, 8)]
        admit.warm(Goal(GoalKind.WEATHER, city=c.key) for c in ambiguous + plain)
        ambiguous = [c for c in ambiguous if admit(Goal(GoalKind.WEATHER, city=c.key))]
        plain = [c for c in plain if admit(Goal(GoalKind.WEATHER, city=c.key))]
        homes = ambiguous[: n_homes * 2 // 3] + plain[: n_homes - min(len(ambiguous), n_homes * 2 // 3)]
        rng.shuffle(plain)
        names = {a.name for a in artists + niche} | {t for ts in tracks.values() for t in ts} | {c.name for c in homes}
        common = {noise.fold(n): noise.common_mishearings(n, stream(seed, "mishear", n)) for n in sorted(names)}
        return cls(seed, tuple(artists), tracks, tuple(homes), tuple(plain), common, tuple(niche))

    def niche_artist(self, rng: random.Random) -> music.Artist | None:
        """A niche favourite, uniformly: each is somebody's, none is everybody's (None: no niche pool)."""
        return rng.choice(self.niche) if self.niche else None

    def mishearings(self, name: str) -> tuple[str, ...]:
        return self.common.get(noise.fold(name), ())

    def popular_artist(self, rng: random.Random) -> music.Artist:
        return rng.choices(self.artists, weights=zipf_weights(len(self.artists)))[0]

    def popular_song(self, rng: random.Random) -> tuple[str, str] | None:
        """(artist, track) of a popular artist with a servable track; None when none has one."""
        with_tracks = [a for a in self.artists if self.tracks.get(a.name)]
        if not with_tracks:
            return None
        a = rng.choices(with_tracks, weights=zipf_weights(len(with_tracks)))[0]
        return a.name, rng.choice(self.tracks[a.name])

    def popular_city(self, rng: random.Random) -> City:
        return rng.choices(self.visited, weights=zipf_weights(len(self.visited)))[0]


def _niche_pool(seed: int, size: int, first_rank: int, admit: Admission) -> list[music.Artist]:
    """`size` servable artists from chart ranks NICHE_RANKS (from `first_rank`) and the hand-added classics.

    Twice as many candidates as needed are screened, since names far down the chart are the ones an
    NLU is likeliest not to know; the pool is in a seed-dependent order.
    """
    if size <= 0:
        return []
    extras = set(music.EXTRA_ARTISTS)
    charted = [a for a in music.all_artists() if a not in extras and a.tracks]
    pool = list(music.EXTRA_ARTISTS) + charted[first_rank:NICHE_RANKS[1]]
    rng = stream(seed, "world", "niche")
    candidates_ = rng.sample(pool, min(len(pool), 2 * size))
    admit.warm(Goal(GoalKind.ARTIST, artist=a.name) for a in candidates_)
    return [a for a in candidates_ if admit(Goal(GoalKind.ARTIST, artist=a.name))][:size]


def city(key: str) -> City:
    found = by_key(key)
    if found is None:
        raise KeyError(f"no gazetteer city {key!r}")
    return found


def artist(name: str) -> music.Artist:
    found = music.artist(name)
    if found is None:
        raise KeyError(f"no catalog artist {name!r}")
    return found
