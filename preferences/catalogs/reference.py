"""Reference catalogs built from public data: music genres, artists, cuisines.

The data lives in ``preferences/catalogs/data/*.json`` and is derived by hand
with ``scripts/build_catalogs.py`` (provenance in ``data/SOURCES.md``); this
module only reads it. No Rasa imports: skills, actions and tests share it.

Files (all UTF-8 JSON arrays, one record per line):

``genres.json``
    ``{"name": str, "parent": str | null, "aliases": [str]}``, sorted by name.
    ``parent`` is another genre of the file; the top-level families (rock,
    pop, jazz, electronic, hip hop, folk, country, classical, blues, r&b,
    latin, metal, reggae, world, easy listening, soundtrack, gospel) have
    ``null``.
``artists.json``
    ``{"name": str, "genres": [str], "tracks": [str], "aliases": [str]}``,
    most charted first; every genre is a name of ``genres.json``; 2-5 tracks.
``cuisines.json``
    ``{"name": str, "aliases": [str], "dishes": [str]}``, sorted by name; a
    dish belongs to one cuisine.

Look-ups ignore case, accents, spacing and punctuation ("Hip-Hop",
"hip hop", "hiphop"; "R&B", "rnb"; "Guns N' Roses", "guns and roses") and a
few filler words ("jazz music", "thai food", "the Beatles").
"""
from __future__ import annotations

import gc
import json
import re
import unicodedata
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

DATA_DIR = Path(__file__).resolve().parent / "data"

__all__ = [
    "Artist", "Cuisine", "Genre",
    "artist_named", "artists", "artists_for_genre", "closest_genre_available",
    "cuisine_of", "cuisines", "descendants", "dish_named", "family_of", "fold", "genre_named", "genres", "lineage",
    "parent_of",
]


@dataclass(frozen=True)
class Genre:
    name: str
    parent: str | None
    aliases: tuple[str, ...]


@dataclass(frozen=True)
class Artist:
    name: str
    genres: tuple[str, ...]
    tracks: tuple[str, ...]
    aliases: tuple[str, ...]


@dataclass(frozen=True)
class Cuisine:
    name: str
    aliases: tuple[str, ...]
    dishes: tuple[str, ...]


# ---------------------------------------------------------------------------
# Folding (must stay in step with key() in scripts/build_catalogs.py)
# ---------------------------------------------------------------------------

_NON_WORD = re.compile(r"[^a-z0-9]+")


def fold(text: str) -> str:
    """Lower-case words without accents or punctuation; '&', '+' and a lone 'n' read 'and'."""
    if not text.isascii():
        text = unicodedata.normalize("NFKD", text)
        text = "".join(ch for ch in text if not unicodedata.combining(ch)).replace("\u2019", "")
    text = text.lower()
    if "&" in text or "+" in text:
        text = text.replace("&", " and ").replace("+", " and ")
    if "'" in text:
        text = text.replace("'", "")
    words = _NON_WORD.sub(" ", text).split()
    if "n" in words:
        for i in range(1, len(words) - 1):
            if words[i] == "n" and len(words[i - 1]) > 1 and len(words[i + 1]) > 1:
                words[i] = "and"
    return " ".join(words)


def _compact(text: str) -> str:
    return fold(text).replace(" ", "")


_LEADING = ("some", "the", "a", "an", "any", "more", "good", "real")
_GENRE_TRAILING = ("music", "songs", "song", "tunes", "tracks", "stuff", "genre", "playlist", "radio")
_FOOD_TRAILING = ("food", "foods", "cuisine", "restaurant", "restaurants", "dishes", "dish",
                  "place", "places", "joint", "spot", "takeout", "takeaway", "meal", "meals",
                  "dinner", "lunch", "night", "cooking")


def _variants(text: str, trailing: tuple[str, ...]) -> list[str]:
    """The compact key of ``text``, then of it without filler words around it."""
    words = fold(text).split()
    out = ["".join(words)]
    while len(words) > 1 and words[0] in _LEADING:
        words = words[1:]
        out.append("".join(words))
    while len(words) > 1 and words[-1] in trailing:
        words = words[:-1]
        out.append("".join(words))
    return out


def _singulars(compact_key: str) -> list[str]:
    out = []
    if compact_key.endswith("es") and len(compact_key) > 4:
        out.append(compact_key[:-2])
    if compact_key.endswith("s") and len(compact_key) > 3:
        out.append(compact_key[:-1])
    return out


# ---------------------------------------------------------------------------
# Loading
# ---------------------------------------------------------------------------

@dataclass(frozen=True)
class _Catalog:
    genres: tuple[Genre, ...]
    artists: tuple[Artist, ...]
    cuisines: tuple[Cuisine, ...]
    genre_by_key: dict[str, Genre]
    genre_by_name: dict[str, Genre]
    children: dict[str, tuple[str, ...]]
    artist_by_key: dict[str, Artist]
    cuisine_by_key: dict[str, Cuisine]
    dish_by_key: dict[str, Cuisine]


def _read(name: str) -> list[dict]:
    with open(DATA_DIR / name, encoding="utf-8") as fh:
        return json.load(fh)


@lru_cache(maxsize=1)
def _catalog() -> _Catalog:
    # Some 60,000 small objects at once: the cyclic garbage collector would walk the caller's whole heap
    # several times while they are made (none of them is garbage), so it waits until the catalog is built.
    collecting = gc.isenabled()
    gc.disable()
    try:
        return _build_catalog()
    finally:
        if collecting:
            gc.enable()


def _build_catalog() -> _Catalog:
    genre_list = tuple(Genre(g["name"], g["parent"], tuple(g["aliases"])) for g in _read("genres.json"))
    artist_list = tuple(
        Artist(a["name"], tuple(a["genres"]), tuple(a["tracks"]), tuple(a["aliases"]))
        for a in _read("artists.json")
    )
    cuisine_list = tuple(
        Cuisine(c["name"], tuple(c["aliases"]), tuple(c["dishes"])) for c in _read("cuisines.json")
    )

    genre_by_name = {g.name: g for g in genre_list}
    genre_by_key: dict[str, Genre] = {}
    for g in genre_list:  # names first, so an alias never shadows a genre's own name
        genre_by_key.setdefault(_compact(g.name), g)
    for g in genre_list:
        for alias in g.aliases:
            genre_by_key.setdefault(_compact(alias), g)
    children: dict[str, list[str]] = {}
    for g in genre_list:
        if g.parent is not None:
            children.setdefault(g.parent, []).append(g.name)

    artist_by_key: dict[str, Artist] = {}
    folded = [(a, fold(a.name)) for a in artist_list]  # once each: 8,000 names make up most of the load time
    for a, name in folded:  # most charted first: it wins a shared spelling
        artist_by_key.setdefault(name.replace(" ", ""), a)
    for a, name in folded:
        if name.startswith("the "):
            artist_by_key.setdefault(name[4:].replace(" ", ""), a)
        for alias in a.aliases:
            artist_by_key.setdefault(_compact(alias), a)

    cuisine_by_key: dict[str, Cuisine] = {}
    for c in cuisine_list:
        cuisine_by_key.setdefault(_compact(c.name), c)
    for c in cuisine_list:
        for alias in c.aliases:
            cuisine_by_key.setdefault(_compact(alias), c)
    dish_by_key: dict[str, Cuisine] = {}
    for c in cuisine_list:
        for dish in c.dishes:
            dish_by_key.setdefault(_compact(dish), c)

    return _Catalog(
        genres=genre_list,
        artists=artist_list,
        cuisines=cuisine_list,
        genre_by_key=genre_by_key,
        genre_by_name=genre_by_name,
        children={k: tuple(v) for k, v in children.items()},
        artist_by_key=artist_by_key,
        cuisine_by_key=cuisine_by_key,
        dish_by_key=dish_by_key,
    )


# ---------------------------------------------------------------------------
# Public API
# ---------------------------------------------------------------------------

def genres() -> tuple[Genre, ...]:
    return _catalog().genres


def artists() -> tuple[Artist, ...]:
    """Every artist, most charted first."""
    return _catalog().artists


def cuisines() -> tuple[Cuisine, ...]:
    return _catalog().cuisines


def genre_named(text: str) -> Genre | None:
    """The genre called ``text`` or one of its aliases ("Hip-Hop", "lofi", "d&b")."""
    if not text:
        return None
    index = _catalog().genre_by_key
    for k in _variants(text, _GENRE_TRAILING):
        if k in index:
            return index[k]
    return None


def parent_of(genre_name: str) -> str | None:
    """The parent genre's name; None for a top-level family or an unknown genre."""
    genre = genre_named(genre_name)
    return genre.parent if genre else None


def family_of(genre_name: str) -> str | None:
    """The top-level family a genre rolls up to ("bluegrass" -> "country")."""
    genre = genre_named(genre_name)
    if genre is None:
        return None
    by_name = _catalog().genre_by_name
    while genre.parent is not None:
        genre = by_name[genre.parent]
    return genre.name


def artist_named(text: str) -> Artist | None:
    """The artist called ``text`` or a known nickname; "the" in front is optional."""
    if not text:
        return None
    index = _catalog().artist_by_key
    words = fold(text).split()
    if not words:
        return None
    candidates = ["".join(words)]
    if words[0] == "the" and len(words) > 1:
        candidates.append("".join(words[1:]))
    else:
        candidates.append("the" + "".join(words))
    for k in candidates:
        if k in index:
            return index[k]
    return None


def cuisine_of(text: str) -> Cuisine | None:
    """The cuisine named by ``text`` ("Thai", "thai food") or of a dish in it ("pad thai", "tacos")."""
    if not text:
        return None
    cat = _catalog()
    keys = _variants(text, _FOOD_TRAILING)
    for k in keys:
        if k in cat.cuisine_by_key:
            return cat.cuisine_by_key[k]
    for k in keys:
        if k in cat.dish_by_key:
            return cat.dish_by_key[k]
    for k in keys:
        for s in _singulars(k):
            if s in cat.dish_by_key:
                return cat.dish_by_key[s]
    return None


@lru_cache(maxsize=1)
def _dish_names() -> dict[str, str]:
    names: dict[str, str] = {}
    for c in _catalog().cuisines:
        for dish in c.dishes:
            names.setdefault(_compact(dish), dish)
    return names


def dish_named(text: str) -> str | None:
    """The dish ``text`` names, as the catalog spells it ("tacos" -> "Taco"); None for a cuisine or no dish.

    Lets a reply say what was asked for ("a Vietnamese place for pho").
    """
    if not text:
        return None
    cat = _catalog()
    keys = _variants(text, _FOOD_TRAILING)
    if any(k in cat.cuisine_by_key for k in keys):
        return None
    names = _dish_names()
    for k in keys:
        for candidate in (k, *_singulars(k)):
            if candidate in names:
                return names[candidate]
    return None


def _descendants(name: str) -> list[str]:
    children = _catalog().children
    out, stack = [], [name]
    while stack:
        node = stack.pop()
        out.append(node)
        stack.extend(children.get(node, ()))
    return out


@lru_cache(maxsize=1024)
def descendants(genre_name: str) -> frozenset[str]:
    """The genre and every genre under it, by name (empty for an unknown genre).

    A dislike of "country" must also keep "outlaw country" out of a pick.
    """
    genre = genre_named(genre_name)
    return frozenset(_descendants(genre.name)) if genre else frozenset()


def lineage(genre_name: str) -> tuple[str, ...]:
    """The genre, its parent, ... up to its family ("bluegrass", "country"); () if unknown."""
    genre = genre_named(genre_name)
    by_name = _catalog().genre_by_name
    out: list[str] = []
    while genre is not None:
        out.append(genre.name)
        genre = by_name[genre.parent] if genre.parent else None
    return tuple(out)


@lru_cache(maxsize=512)
def _artists_for(name: str) -> tuple[Artist, ...]:
    wanted = set(_descendants(name))
    return tuple(a for a in _catalog().artists if wanted.intersection(a.genres))


def artists_for_genre(name: str) -> tuple[Artist, ...]:
    """Artists of a genre or of any genre under it, most charted first."""
    genre = genre_named(name)
    return _artists_for(genre.name) if genre else ()


def closest_genre_available(genre_name: str, available: set[str]) -> str | None:
    """The first of ``genre_name`` and its ancestors that ``available`` offers.

    ``available`` may spell genres any way (aliases, case, punctuation); the
    entry of ``available`` that matched is returned as given, so a caller with
    only family playlists gets "country" back for "bluegrass". None when
    neither the genre nor any ancestor is available.
    """
    offered: dict[str, str] = {}
    for entry in sorted(available):
        genre = genre_named(entry)
        offered.setdefault(genre.name if genre else _compact(entry), entry)
    genre = genre_named(genre_name)
    if genre is None:
        return offered.get(_compact(genre_name))
    by_name = _catalog().genre_by_name
    node: Genre | None = genre
    while node is not None:
        if node.name in offered:
            return offered[node.name]
        node = by_name.get(node.parent) if node.parent else None
    return None
