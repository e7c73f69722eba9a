"""Complete an entity the tagger cut short, from the catalog: "play [elton](artist) john" is Elton John.

DIET tags tokens, and for names of several words it sometimes stops early,
starts late or splits them ("elton" of "elton john", "cruel" of "cruel
summer", "hip" of "hip hop", "[charleston], [west virginia]"); the skill
then looks up a name nobody said. The catalog knows the whole name, so the
words around the tagged span are tried: a span that contains the tagged
one, adds at most `MAX_EXTRA_WORDS` words, overlaps no entity of another
type (and swallows those of its own type whole or not at all) and is a
longer catalog name of the entity's type than the tagged words replaces
them (the longest name; of spans naming the same one, the fewest words:
"hip hop", not "some hip hop"). "rock" in "rock and roll" becomes the genre
rock and roll; "queen" stays Queen. A city counts as a name only when the
words mean one place: "charleston" is three, "charleston, west virginia"
one. A span that nothing completes is left as tagged: an unknown name is
still the user's.

A song is also found when the artist is: "play [hotline] [bling] by
[drake](artist)" has one of Drake's catalog tracks word for word, so those
words are the song, whatever else the tagger made of them (`song_of`). And
a music request in which the tagger saw no name at all ("play chris brown")
gets the artist whose catalog name is said word for word (`artist_in`),
or else the catalog hit whose title it says ("play 7 rings": `song_in`);
words that are all request or stop words ("play some music") never count.
Failing both, the genre it names ("play some zydeco": `genre_in`).

The tagger also gives a name the wrong type: "play [bhangra](artist)",
"play [sigur ros](song)", "put on [10,000 maniacs](level)". In a music
request, an entity whose words its own type's catalog does not know, but
the artist, genre or song catalog does (looked up in that order), takes
that type (`music_type`). And a restaurant request in which the tagger saw
no cuisine gets the cuisine or dish it names ("momos near me", "sri lankan
restaurant in london": `cuisine_in`).
"""
from __future__ import annotations

import re
from collections.abc import Callable, Sequence
from dataclasses import dataclass

from preferences.catalogs import music
from preferences.catalogs.food import normalize_cuisine
from preferences.catalogs.places import candidates
from preferences.catalogs.text import NOT_NAMES, fold

MAX_EXTRA_WORDS = 3
MAX_TITLE_WORDS = 8
# Titles that are request words too ("Music" by Madonna): said alone they ask for the artist, not the song.
_NOT_TITLES = frozenset({"music", "song", "songs", "track", "tracks", "tune", "tunes", "something", "anything"})


def _artist(words: str) -> str | None:
    found = music.artist(words)
    return found.name if found else None


def _genre(words: str) -> str | None:
    found = music.genre(words)
    return found.name if found else None


def _song(words: str) -> str | None:
    found = music.track(words)
    return found[1] if found else None


def _hit(words: str) -> str | None:
    found = music.hit(words)
    return found[1] if found else None


def _city(words: str) -> str | None:
    found = candidates(words)
    return found[0].key if len(found) == 1 else None  # a name of several places is not yet a place


def _cuisine(words: str) -> str | None:
    return normalize_cuisine(words)


# The catalog name that words are, per type (look-ups ignore case, accents, punctuation, filler words).
RESOLVERS: dict[str, Callable[[str], str | None]] = {"artist": _artist, "genre": _genre, "song": _song,
                                                     "city": _city}
_WORD = re.compile(r"\S+")
_EDGE = re.compile(r"^\W+|\W+$")


@dataclass(frozen=True)
class Span:
    start: int
    end: int

    def overlaps(self, other: "Span") -> bool:
        return self.start < other.end and other.start < self.end

    def covers(self, other: "Span") -> bool:
        return self.start <= other.start and other.end <= self.end


def _trimmed(text: str, start: int, end: int) -> Span:
    """The span without punctuation at either edge ("john." ends before the full stop)."""
    piece = text[start:end]
    core = _EDGE.sub("", piece)
    if not core:
        return Span(start, end)
    first = piece.find(core)
    return Span(start + first, start + first + len(core))


def complete(text: str, span: Span, entity: str, others: Sequence[Span] = (),
             same_type: Sequence[Span] = ()) -> Span:
    """The longest catalog name of type `entity` around `span` (see the module docstring), else `span`.

    `others`: entities of other types (never entered); `same_type`: entities of this type (swallowed whole
    or not entered)."""
    resolves = RESOLVERS.get(entity)
    words = [Span(m.start(), m.end()) for m in _WORD.finditer(text)]
    inside = [i for i, w in enumerate(words) if w.overlaps(span)]
    if resolves is None or not inside:
        return span
    first, last = inside[0], inside[-1]
    tagged = resolves(text[span.start:span.end])
    best, best_rank = span, (len(tagged) if tagged else 0, 0)
    for left in range(MAX_EXTRA_WORDS + 1):
        for right in range(MAX_EXTRA_WORDS + 1 - left):
            if left + right == 0 or first - left < 0 or last + right >= len(words):
                continue
            candidate = _trimmed(text, min(words[first - left].start, span.start),
                                 max(words[last + right].end, span.end))
            if not candidate.covers(span):
                continue  # trimming the edges' punctuation must not cut the tagged words
            if any(candidate.overlaps(o) for o in others) or \
                    any(candidate.overlaps(o) and not candidate.covers(o) for o in same_type):
                continue
            name = resolves(text[candidate.start:candidate.end])
            rank = (len(name) if name else 0, -(left + right))
            if name and rank > best_rank:
                best, best_rank = candidate, rank
    return best


def song_of(text: str, artist: str, artist_span: Span) -> Span | None:
    """The words of `text` that are one of `artist`'s catalog tracks (the longest), outside the artist's name."""
    words = [Span(m.start(), m.end()) for m in _WORD.finditer(text)]
    best: Span | None = None
    for i in range(len(words)):
        for j in range(i, min(len(words), i + MAX_TITLE_WORDS)):
            candidate = _trimmed(text, words[i].start, words[j].end)
            if candidate.overlaps(artist_span) or (best and candidate.end - candidate.start <= best.end - best.start):
                continue
            said = text[candidate.start:candidate.end]
            if set(fold(said).split()) <= _NOT_TITLES:
                continue
            found = music.track(said, artist)
            if found is not None:
                best = candidate
    return best


def _longest_name(text: str, taken: Sequence[Span], resolves: Callable[[str], str | None],
                  max_words: int, swallow: bool = False) -> Span | None:
    """The longest run of words in `text`, outside `taken`, that `resolves`; runs made only of request
    and stop words ("some music", "the one") are not names, whatever the catalog holds. With `swallow`,
    a run may cover taken spans whole ("7 rings" over a tagged "7"), never cut one."""
    words = [Span(m.start(), m.end()) for m in _WORD.finditer(text)]
    best: Span | None = None
    for i in range(len(words)):
        for j in range(i, min(len(words), i + max_words)):
            candidate = _trimmed(text, words[i].start, words[j].end)
            if any(candidate.overlaps(t) and not (swallow and candidate.covers(t)) for t in taken) or \
                    (best and candidate.end - candidate.start <= best.end - best.start):
                continue
            said = fold(text[candidate.start:candidate.end])
            if not said or all(w in NOT_NAMES or w in _NOT_TITLES for w in said.split()):
                continue
            if resolves(said) is not None:
                best = candidate
    return best


def artist_in(text: str, taken: Sequence[Span] = ()) -> Span | None:
    """The longest run of words in `text` that is a catalog artist's name, outside `taken`; None if none."""
    return _longest_name(text, taken, _artist, MAX_EXTRA_WORDS + 1)


def song_in(text: str, taken: Sequence[Span] = ()) -> Span | None:
    """The longest run of words in `text` that is the title of a best-known artist's track (`music.hit`: with
    no other clue, "rainy day" is no song); it may cover taken spans whole (the tagger often reads a number or
    a word of a title as something else: "7" of "7 rings" as a level)."""
    return _longest_name(text, taken, _hit, MAX_TITLE_WORDS, swallow=True)


def _tight(text: str, span: Span | None, resolves: Callable[[str], str | None]) -> Span | None:
    """`span` without the request words at its edges that the catalog look-up ignores anyway
    ("zydeco music" -> "zydeco", "sri lankan restaurant" -> "sri lankan"), naming the same thing."""
    if span is None:
        return None
    name = resolves(text[span.start:span.end])
    # words without their punctuation: a span is trimmed, so "mexican," would never lie inside "mexican"
    words = [w for m in _WORD.finditer(text) if span.covers(w := _trimmed(text, m.start(), m.end()))]
    if not words:
        return span
    while len(words) > 1:
        for edge, rest in ((words[0], words[1:]), (words[-1], words[:-1])):
            inner = _trimmed(text, rest[0].start, rest[-1].end)
            if fold(text[edge.start:edge.end]) in NOT_NAMES and resolves(text[inner.start:inner.end]) == name:
                words = rest
                break
        else:
            break
    return _trimmed(text, words[0].start, words[-1].end)


def genre_in(text: str, taken: Sequence[Span] = ()) -> Span | None:
    """The longest run of words in `text` that is a catalog genre's name, outside `taken`; None if none."""
    return _tight(text, _longest_name(text, taken, _genre, MAX_EXTRA_WORDS + 1), _genre)


def cuisine_in(text: str, taken: Sequence[Span] = ()) -> Span | None:
    """The longest run of words in `text` that names a cuisine or a dish; it may cover taken spans whole
    (the tagger reads "lankan" of "sri lankan" as a city)."""
    return _tight(text, _longest_name(text, taken, _cuisine, MAX_EXTRA_WORDS + 1, swallow=True), _cuisine)


MUSIC_TYPES = ("artist", "genre", "song")


def music_type(words: str, tagged_as: str) -> str | None:
    """The music type whose catalog knows `words` when the tagged type's does not; None to keep the tag.

    Numbers alone and request or stop words never change type ("50" is a level, "some music" nothing)."""
    said = fold(words)
    if len(said) < 3 or said.replace(" ", "").isdigit() or all(w in NOT_NAMES or w in _NOT_TITLES
                                                               for w in said.split()):
        return None
    own = RESOLVERS.get(tagged_as) if tagged_as in MUSIC_TYPES else None
    if own is not None and own(said) is not None:
        return None
    return next((kind for kind in MUSIC_TYPES if kind != tagged_as and RESOLVERS[kind](said) is not None), None)


_BY = re.compile(r"\s+by\s+", re.I)
# Where a name after "by" ends: the rest says where or how to play it.
_AFTER_NAME = re.compile(r"\s+(?:in|on|at|for|from|please|pls|now|again|instead|too)\b|[,.!?;]\s|[.!?]$", re.I)
MAX_ARTIST_WORDS = 6


def artist_after_title(text: str, title: Span) -> Span | None:
    """The artist named after "by" right after a title: "play [take on me](song) by a-ha" is a-ha.

    The words are the user's whether or not the catalog knows them ("by
    debussy"); they end at the end of the text or where the request goes on
    ("in the kitchen", "please")."""
    by = _BY.match(text, title.end)
    if by is None:
        return None
    rest = text[by.end():]
    stop = _AFTER_NAME.search(rest)
    name = rest[:stop.start()] if stop else rest
    span = _trimmed(text, by.end(), by.end() + len(name.rstrip()))
    words = fold(text[span.start:span.end]).split()
    if not words or len(words) > MAX_ARTIST_WORDS or all(w in NOT_NAMES for w in words):
        return None
    return span
