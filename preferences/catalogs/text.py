"""Text clean-up shared by every catalog.

Catalog look-ups compare user text with canonical names, so both sides must
be folded the same way; doing it in one place keeps "Italian food",
"italian" and " ITALIAN " equal everywhere.
"""
from __future__ import annotations

import re
import unicodedata

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
