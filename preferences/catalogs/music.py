"""The music catalog the skills use: the reference genres and artists, plus what the charts miss.

The reference catalogs (`preferences.catalogs.reference`, built from public
data) give 768 genres with their parents and about 8,100 artists with genres
and tracks: some 3,000 from the Billboard Hot 100, then 5,100 more that
Spotify lists under its genres (jazz, classical, K-pop, Latin, Afrobeats,
indie...). A few artists are still missing and a few got a namesake's genre,
so this module adds a short, hand-made layer on top, in CURATED sections:
artists both sources miss, genre fixes, and everyday words for a genre the
data lacks.
Everything a skill asks (is this a genre? which artists play it? what is the
closest genre I can play?) goes through here, so the layer is applied once.
"""
from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache

from preferences.catalogs import reference as ref
from preferences.catalogs.reference import Artist, Genre
from preferences.catalogs.text import named_within

# --- CURATED ------------------------------------------------------------------------------------------
# Classics the reference lacks (neither the Hot 100 nor the Spotify genre searches have them under this
# name). Genres are names of genres.json; an artist the reference gains must leave this list (both
# checked by tests/unit/test_catalogs.py).
EXTRA_ARTISTS: tuple[Artist, ...] = (
    Artist("Bob Marley", ("roots reggae",), ("Three Little Birds", "Redemption Song", "One Love"),
           ("Bob Marley and the Wailers",)),
    Artist("Mahalia Jackson", ("gospel",), ("How I Got Over", "Precious Lord"), ()),
)


# Artists whose genres in the reference belong to a namesake, as played (SOURCES.md, "Known limits"); a
# rebuild moves them into scripts/build_catalogs.py's ARTIST_GENRE_FIXES.
GENRE_FIXES: dict[str, tuple[str, ...]] = {}

# Everyday words for a genre that genres.json has under no name or alias.
GENRE_WORDS: dict[str, str] = {
    "thrash": "thrash metal", "orchestral": "classical", "symphony": "classical", "symphonic": "classical",
    "acoustic folk": "folk", "dance": "electronic", "oldies": "rock and roll", "chill": "lo-fi",
}


@dataclass(frozen=True)
class GenreMatch:
    """What a genre in the user's words comes to: the catalog genre, and the one that can be played.

    ``genre`` is None when no catalog genre is named or contained; ``played``
    is None when neither it nor any ancestor has an artist; ``exact`` says
    whether ``genre`` is what the words name (not just a genre inside them).
    """

    words: str
    genre: str | None
    played: str | None
    exact: bool


def genre(value: str) -> Genre | None:
    """The catalog genre for "Hip-Hop music", "hiphop", "thrash"; None if unknown."""
    found = ref.genre_named(value)
    if found is None:
        word = GENRE_WORDS.get(ref.fold(value))
        found = ref.genre_named(word) if word else None
    return found


def normalize_genre(value: str) -> str | None:
    """Canonical genre name, or None: the store keeps unknown values as typed."""
    found = genre(value)
    return found.name if found else None


def _key(text: str) -> str:
    return ref.fold(text).replace(" ", "")


@lru_cache(maxsize=1)
def _extra_index() -> dict[str, Artist]:
    index: dict[str, Artist] = {}
    for a in EXTRA_ARTISTS:
        for name in (a.name, *a.aliases):
            index.setdefault(_key(name), a)
    return index


@lru_cache(maxsize=1)
def all_artists() -> tuple[Artist, ...]:
    """Every artist: the extras (classics, so they rank first), then the reference's, most charted first."""
    fixed = tuple(Artist(a.name, GENRE_FIXES[a.name], a.tracks, a.aliases) if a.name in GENRE_FIXES else a
                  for a in ref.artists())
    return EXTRA_ARTISTS + fixed


@lru_cache(maxsize=1)
def _by_name() -> dict[str, Artist]:
    return {a.name: a for a in all_artists()}


def artist(value: str) -> Artist | None:
    """The artist called ``value`` ("the beatles", "Beyoncé", "Coltrane"); None if unknown."""
    found = ref.artist_named(value) or _extra_index().get(_key(value))
    if found is None and ref.fold(value).startswith("the "):
        found = _extra_index().get(_key(ref.fold(value)[4:]))
    return _by_name().get(found.name) if found else None


@lru_cache(maxsize=1)
def _tracks() -> dict[str, list[tuple[Artist, str]]]:
    index: dict[str, list[tuple[Artist, str]]] = {}
    for a in all_artists():
        for title in a.tracks:
            index.setdefault(_key(title), []).append((a, title))
    return index


def track(title: str, by: str | None = None) -> tuple[Artist, str] | None:
    """The catalog's track called ``title`` ("hotel california"), by ``by`` when it is said; None if unknown."""
    found = _tracks().get(_key(title), [])
    wanted = artist(by) if by else None
    if wanted is not None:
        found = [(a, t) for a, t in found if a.name == wanted.name]
    return found[0] if found else None


# A title said with no other clue ("play 7 rings") is taken for a song only when it is one of the
# best-known artists' (all_artists() ranks the classics, then the chart artists, then the most followed):
# in a catalog of tens of thousands of titles many are everyday phrases ("Rainy Day") that name no song to the user.
KNOWN_ARTISTS = 3000


@lru_cache(maxsize=1)
def _known() -> frozenset[str]:
    return frozenset(a.name for a in all_artists()[:KNOWN_ARTISTS])


def hit(title: str) -> tuple[Artist, str] | None:
    """The track called ``title`` by one of the KNOWN_ARTISTS best-known artists; None otherwise."""
    known = _known()
    return next(((a, t) for a, t in _tracks().get(_key(title), []) if a.name in known), None)


def normalize_track(value: str) -> str | None:
    """The catalog's title of the track ``value`` names, or None: what a request for a song resolves to."""
    found = track(value)
    return found[1] if found else None


def all_titles() -> tuple[str, ...]:
    """Every track title the catalog can play, most charted artists' first (for nearest-spelling lookups)."""
    return tuple(t for a in all_artists() for t in a.tracks)


def normalize_artist(value: str) -> str | None:
    """Canonical artist name, or None: the store keeps unknown artists as typed."""
    found = artist(value)
    return found.name if found else None


@lru_cache(maxsize=512)
def artists_for(genre_name: str) -> tuple[Artist, ...]:
    """Artists of a genre or of any genre under it, classics and most charted first."""
    wanted = ref.descendants(genre_name)
    return tuple(a for a in all_artists() if wanted.intersection(a.genres))


@lru_cache(maxsize=512)
def best_known_for(genre_name: str | None, limit: int) -> tuple[Artist, ...]:
    """The artists a listener would expect for a genre: mainly of it, best known first.

    An artist's first genre is its main one; Dusk or Perry Como carry a jazz
    label, but "play some jazz" should sound like jazz. Falls back to every
    artist of the genre when none has it first. None: all artists.
    """
    if genre_name is None:
        return all_artists()[:limit]
    wanted = ref.descendants(genre_name)
    pool = artists_for(genre_name)
    main = tuple(a for a in pool if a.genres and a.genres[0] in wanted)
    return (main or pool)[:limit]


@lru_cache(maxsize=1)
def playable_genres() -> frozenset[str]:
    """Genres with at least one artist of their own or below them."""
    found: set[str] = set()
    for a in all_artists():
        for g in a.genres:
            found.update(ref.lineage(g))
    return frozenset(found)


def closest_playable(words: str) -> GenreMatch:
    """The genre the words name (or contain), and the closest one with music to play.

    "bluegrass" -> itself; "zydeco" (no artists) -> its family, country;
    "swedish death metal" (not a genre) -> death metal, or metal if that has
    no artists; "spaceship noises" -> nothing.
    """
    named = genre(words)
    found = named or named_within(words, genre)
    if found is None:
        return GenreMatch(words, None, None, False)
    played = ref.closest_genre_available(found.name, set(playable_genres()))
    return GenreMatch(words, found.name, played, named is not None)


def avoided_by(a: Artist, avoid: frozenset[str]) -> bool:
    """Whether any of the artist's genres is, or is under, a genre to avoid."""
    return any(name in avoid for g in a.genres for name in ref.lineage(g))


def avoid_set(values: set[str]) -> frozenset[str]:
    """Disliked genres as catalog names (values the catalog does not know are kept as typed)."""
    return frozenset(normalize_genre(v) or v for v in values)


__all__ = ["EXTRA_ARTISTS", "GENRE_FIXES", "GENRE_WORDS", "KNOWN_ARTISTS", "Artist", "GenreMatch", "all_artists",
           "artist", "artists_for", "avoid_set", "best_known_for", "avoided_by", "closest_playable", "genre", "hit",
           "normalize_artist", "normalize_genre", "playable_genres"]
