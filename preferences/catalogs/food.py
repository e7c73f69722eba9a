"""Cuisine catalog: the canonical cuisines and how people name them."""
from __future__ import annotations

from preferences.catalogs.text import build_index, fold, strip_suffixes

CUISINES: dict[str, list[str]] = {
    "italian": ["pasta", "trattoria", "italian-american"],
    "mexican": ["tacos", "tex-mex", "tex mex", "burritos"],
    "chinese": ["dim sum", "szechuan", "sichuan", "cantonese"],
    "japanese": ["ramen", "izakaya"],
    "sushi": ["sashimi"],
    "thai": ["pad thai"],
    "indian": ["curry", "tandoori"],
    "french": ["bistro", "brasserie"],
    "greek": ["gyros"],
    "korean": ["korean bbq", "korean barbecue"],
    "vietnamese": ["pho", "banh mi"],
    "mediterranean": ["middle eastern", "falafel", "lebanese"],
    "american": ["burgers", "burger", "diner", "steakhouse", "steak"],
    "bbq": ["barbecue", "barbeque", "smokehouse"],
    "vegetarian": ["veggie"],
    "vegan": ["plant based", "plant-based"],
    "pizza": ["pizzeria"],
    "seafood": ["fish", "oysters", "fish and chips"],
    "spanish": ["tapas", "paella"],
    "ethiopian": ["injera"],
}

_INDEX = build_index(CUISINES)
_FILLER = ("food", "cuisine", "restaurant", "restaurants", "place", "places", "dishes", "joint", "spot")


def normalize_cuisine(value: str) -> str | None:
    """"Italian food", "italian", "a pizza place" -> canonical cuisine or None."""
    folded = fold(value)
    return _INDEX.get(folded) or _INDEX.get(strip_suffixes(folded, _FILLER))
