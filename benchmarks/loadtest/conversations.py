"""What each simulated user says: teach three preferences, use each at once, review them, use one again."""
from __future__ import annotations

import random
from dataclasses import dataclass

GENRES = ["bluegrass", "jazz", "reggae", "blues", "classical", "funk", "soul", "disco", "metal", "country"]
CUISINES = ["thai", "italian", "mexican", "japanese", "indian", "greek", "korean", "french"]
TEAMS = [("Celtics", "Boston Celtics"), ("Warriors", "Golden State Warriors"), ("Yankees", "New York Yankees"),
         ("Lakers", "Los Angeles Lakers"), ("Red Sox", "Boston Red Sox"), ("Packers", "Green Bay Packers")]


@dataclass(frozen=True)
class Turn:
    text: str
    expect: tuple[str, ...] = ()  # words the answer must contain (case-insensitive)
    teaches: tuple[str, str] | None = None  # (slot, value as said) this turn stores
    needs: tuple[str, ...] = ()  # slots whose teaching must have been confirmed for `expect` to apply


@dataclass(frozen=True)
class Script:
    """One user's conversation: teach three preferences, use each at once, review them, use one again."""

    user: str
    steps: tuple[Turn, ...]


def script_for(user: str, rng: random.Random) -> Script:
    genre, cuisine, (team, full_team) = rng.choice(GENRES), rng.choice(CUISINES), rng.choice(TEAMS)
    return Script(user, (
        Turn(f"I love {genre} music", (f"you like {genre}",), ("genre", genre)),
        Turn("play some music", (f"Playing {genre}",), needs=("genre",)),
        Turn(f"I like {cuisine} food", (f"you like {cuisine}",), ("cuisine", cuisine)),
        Turn("find me a restaurant in Boston", (cuisine,), needs=("cuisine",)),
        Turn(f"I'm a {team} fan", (team,), ("team", team)),
        Turn("how did my team do?", (full_team,), needs=("team",)),
        Turn("what do you know about me?", (genre, cuisine, team), needs=("genre", "cuisine", "team")),
        Turn("play some music", (f"Playing {genre}",), needs=("genre",)),
    ))
