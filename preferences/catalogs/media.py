"""Titles that exist both as a film and as an audiobook, so "play X" is ambiguous.

Which one is meant depends on the device: with a screen, the film; on a
speaker, the audiobook. The device says so in the message metadata.
"""
from __future__ import annotations

from preferences.catalogs.text import fold

TITLES = ("The Hunger Games", "Harry Potter and the Sorcerer's Stone", "Dune", "The Hobbit", "Jurassic Park",
          "Little Women", "The Martian", "Gone Girl", "The Lord of the Rings", "Pride and Prejudice",
          "The Great Gatsby", "Ready Player One")
_INDEX = {fold(t): t for t in TITLES}
_INDEX.update({fold(t.removeprefix("The ")): t for t in TITLES if t.startswith("The ")})
_INDEX[fold("Harry Potter")] = "Harry Potter and the Sorcerer's Stone"
_INDEX[fold("Lord of the Rings")] = "The Lord of the Rings"


def find_title(text: str) -> str | None:
    """The title named in a request such as "play hunger games", if any."""
    words = fold(text).split()
    for size in range(min(len(words), 7), 0, -1):
        for i in range(len(words) - size + 1):
            title = _INDEX.get(" ".join(words[i:i + size]))
            if title:
                return title
    return None
