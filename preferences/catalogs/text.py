"""Text clean-up shared by every catalog.

Catalog look-ups compare user text with canonical names, so both sides must
be folded the same way; doing it in one place keeps "Italian food",
"italian" and " ITALIAN " equal everywhere.
"""
from __future__ import annotations

import re
import unicodedata
from typing import Callable, TypeVar

from sklearn.feature_extraction.text import ENGLISH_STOP_WORDS

# Words of requests themselves: alone, they do not name a value, whatever a big catalog holds
# (an artist called Game, a town called Can). With scikit-learn's English stop words.
# Used by the teachable-moment detector and by the NLU's catalog completion (catalogs/spans.py).
NOT_NAMES = ENGLISH_STOP_WORDS | {"game", "games", "score", "scores", "result", "results", "music", "song", "songs",
                                  "news", "headlines", "weather", "forecast", "play", "find", "place", "places",
                                  "food", "restaurant", "lights", "light", "turn", "set", "outside", "today",
                                  "tonight", "tomorrow", "good", "best", "like", "want", "need", "show", "tell"}

T = TypeVar("T")

_SPACES = re.compile(r"\s+")
_PUNCT = re.compile(r"[^\w\s&'+-]")


def fold(text: str) -> str:
    """Lower-case, strip accents and punctuation, collapse spaces.

    Used only for matching; the canonical spelling is what callers show.
    """
    text = unicodedata.normalize("NFKD", text)
    text = "".join(ch for ch in text if not unicodedata.combining(ch))
    text = _PUNCT.sub(" ", text.lower())
    return _SPACES.sub(" ", text).strip()


def build_index(entries: dict[str, list[str]]) -> dict[str, str]:
    """Map every folded name and alias to its canonical value."""
    index: dict[str, str] = {}
    for canonical, aliases in entries.items():
        for name in [canonical, *aliases]:
            index.setdefault(fold(name), canonical)
    return index


def strip_suffixes(folded: str, suffixes: tuple[str, ...]) -> str:
    """Drop filler words users add around a value ("italian food")."""
    words = folded.split()
    while len(words) > 1 and words[-1] in suffixes:
        words.pop()
    while len(words) > 1 and words[0] in ("the", "some", "a", "an"):
        words.pop(0)
    return " ".join(words)


def named_within(text: str, lookup: Callable[[str], T | None], min_chars: int = 3) -> T | None:
    """The catalog entry named by the longest run of words inside ``text``, if any.

    Values outside a catalog often contain one ("swedish death metal",
    "northern thai"): naming that entry is how a skill stays honest about what
    it can do instead ("here's some death metal, the closest I have"). Longer
    runs first, then left to right, so "death metal" beats "metal".
    """
    words = fold(text).split()
    for size in range(len(words) - 1, 0, -1):
        for i in range(len(words) - size + 1):
            gram = " ".join(words[i:i + size])
            if len(gram) >= min_chars:
                found = lookup(gram)
                if found is not None:
                    return found
    return None
