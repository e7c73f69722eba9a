"""Complete an entity the tagger cut short, from the catalog: "play [elton](artist) john" is Elton John.

DIET tags tokens, and for names of several words it sometimes stops early
or starts late ("elton" of "elton john", "cruel" of "cruel summer", "hip"
of "hip hop"); the skill then looks up a name nobody said. The catalog
knows the whole name, so the words around the tagged span are tried: the
longest span that contains the tagged one, adds at most `MAX_EXTRA_WORDS`
words, overlaps no other entity and is a catalog name of the entity's type
replaces it ("rock" in "rock and roll" becomes the genre rock and roll; a
span that is already a name grows only into a longer name). A span that
nothing completes is left as tagged: an unknown name is still the user's.

Only types with a catalog are completed (artist, genre, song); the caller
says which.
"""
from __future__ import annotations

import re
from collections.abc import Callable, Sequence
from dataclasses import dataclass

from preferences.catalogs import music

MAX_EXTRA_WORDS = 3


def _artist(words: str) -> str | None:
    found = music.artist(words)
    return found.name if found else None


def _genre(words: str) -> str | None:
    found = music.genre(words)
    return found.name if found else None


def _song(words: str) -> str | None:
    found = music.track(words)
    return found[1] if found else None


# The catalog name that words are, per type (look-ups ignore case, accents, punctuation, filler words).
RESOLVERS: dict[str, Callable[[str], str | None]] = {"artist": _artist, "genre": _genre, "song": _song}
_WORD = re.compile(r"\S+")
_EDGE = re.compile(r"^\W+|\W+$")


@dataclass(frozen=True)
class Span:
    start: int
    end: int


def _trimmed(text: str, start: int, end: int) -> Span:
    """The span without punctuation at either edge ("john." ends before the full stop)."""
    piece = text[start:end]
    lead = len(piece) - len(piece.lstrip("\"'([{“‘ "))
    core = _EDGE.sub("", piece)
    if not core:
        return Span(start, end)
    first = piece.find(core, lead if piece[lead:].startswith(core) else 0)
    return Span(start + first, start + first + len(core))


def complete(text: str, span: Span, entity: str, others: Sequence[Span] = ()) -> Span:
    """The longest catalog name of type `entity` around `span` (see the module docstring), else `span`."""
    resolves = RESOLVERS.get(entity)
    words = [Span(m.start(), m.end()) for m in _WORD.finditer(text)]
    inside = [i for i, w in enumerate(words) if w.start < span.end and w.end > span.start]
    if resolves is None or not inside:
        return span
    first, last = inside[0], inside[-1]
    tagged = resolves(text[span.start:span.end])
    # The longest name wins; of spans that are the same name ("hip hop", "some hip hop"), the fewest words.
    best, best_rank = span, (len(tagged) if tagged else 0, 0)
    for left in range(MAX_EXTRA_WORDS + 1):
        for right in range(MAX_EXTRA_WORDS + 1 - left):
            if left + right == 0 or first - left < 0 or last + right >= len(words):
                continue
            candidate = _trimmed(text, min(words[first - left].start, span.start),
                                 max(words[last + right].end, span.end))
            if candidate.start > span.start or candidate.end < span.end:
                continue  # trimming the edges' punctuation must not cut the tagged words
            if any(o.start < candidate.end and o.end > candidate.start for o in others):
                continue
            name = resolves(text[candidate.start:candidate.end])
            rank = (len(name) if name else 0, -(left + right))
            if name and rank > best_rank:
                best, best_rank = candidate, rank
    return best
