"""The cuisine catalog the skills use: the reference cuisines and dishes, plus restaurant styles.

The reference catalog (`preferences.catalogs.reference`, from WorldCuisines)
knows 55 cuisines, their everyday names ("tex mex", "szechuan") and 2,400
dishes, so "pho", "sushi" and "tacos" name Vietnamese, Japanese and Mexican.
What it does not have are kinds of restaurant that are no nation's cuisine
(vegetarian, vegan, seafood, BBQ) and a few everyday words ("curry",
"steakhouse"); the CURATED tables below add them. Order of look-up: a style
or everyday word, then a cuisine's name or alias, then a dish.
"""
from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache

from preferences.catalogs import reference as ref
from preferences.catalogs.text import named_within

# --- CURATED ------------------------------------------------------------------------------------------
# Kinds of restaurant people ask for that the reference has no cuisine for; they are cuisines here.
STYLES: dict[str, tuple[str, ...]] = {
    "vegetarian": ("veggie", "meatless", "meat free"),
    "vegan": ("plant based", "plant-based"),
    "seafood": ("fish", "oysters", "oyster bar", "shellfish", "lobster", "crab shack", "fish restaurant"),
    "bbq": ("barbecue", "barbeque", "smokehouse", "brisket", "bbq joint"),
}

# Everyday words for a reference cuisine that its names, aliases and dishes lack.
WORDS: dict[str, str] = {
    "curry": "indian", "tandoori": "indian", "tandoor": "indian", "pizzeria": "italian", "sushi bar": "japanese",
    "burger": "american", "burgers": "american", "steak": "american", "steakhouse": "american",
    "wings": "american", "noodle bar": "chinese",
}

_DISPLAY = {"bbq": "BBQ"}
_FILLER = ("food", "foods", "cuisine", "restaurant", "restaurants", "place", "places", "joint", "spot",
           "dishes", "dish", "takeout", "takeaway")


@dataclass(frozen=True)
class CuisineMatch:
    """What a cuisine in the user's words comes to.

    ``cuisine`` is the catalog cuisine (None if nothing is named or contained);
    ``exact`` says whether the words name it rather than just contain it;
    ``dish`` is the dish the words named ("pho"), so a reply can mention it.
    """

    words: str
    cuisine: str | None
    exact: bool
    dish: str | None = None


@lru_cache(maxsize=1)
def _word_index() -> dict[str, str]:
    index: dict[str, str] = {}
    for style, aliases in STYLES.items():
        for name in (style, *aliases):
            index.setdefault(ref.fold(name), style)
    for word, cuisine in WORDS.items():
        index.setdefault(ref.fold(word), cuisine)
    return index


def _core(value: str) -> str:
    """The folded words without filler around them ("a pizza place" -> "pizza")."""
    words = ref.fold(value).split()
    while len(words) > 1 and words[0] in ("a", "an", "the", "some", "any", "good"):
        words = words[1:]
    while len(words) > 1 and words[-1] in _FILLER:
        words = words[:-1]
    return " ".join(words)


def normalize_cuisine(value: str) -> str | None:
    """"Italian food", "a pizza place", "pho", "vegan" -> the canonical cuisine, or None."""
    if not value:
        return None
    style = _word_index().get(ref.fold(value)) or _word_index().get(_core(value))
    if style:
        return style
    found = ref.cuisine_of(value)
    return found.name if found else None


def cuisines() -> tuple[str, ...]:
    """Every cuisine a restaurant can have: the reference's, then the styles."""
    return tuple(c.name for c in ref.cuisines()) + tuple(STYLES)


def display(cuisine: str) -> str:
    """The cuisine as a sentence shows it: "Thai", "Middle Eastern", "BBQ", "vegan"."""
    if cuisine in STYLES:
        return _DISPLAY.get(cuisine, cuisine)
    return " ".join(w.capitalize() for w in cuisine.split())


def match(words: str) -> CuisineMatch:
    """The cuisine the words name or contain ("northern thai" -> thai, not exact); the dish if one was named."""
    exact = normalize_cuisine(words)
    if exact:
        return CuisineMatch(words, exact, True, ref.dish_named(words))
    return CuisineMatch(words, named_within(words, normalize_cuisine, min_chars=4), False)


__all__ = ["STYLES", "WORDS", "CuisineMatch", "cuisines", "display", "match", "normalize_cuisine"]
