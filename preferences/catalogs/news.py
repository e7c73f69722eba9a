"""News topics the news skill can brief on."""
from __future__ import annotations

from preferences.catalogs.text import build_index, fold, strip_suffixes

TOPICS: dict[str, list[str]] = {
    "technology": ["tech", "gadgets", "ai", "artificial intelligence", "computers"],
    "politics": ["elections", "government", "congress"],
    "sports": ["sport"],
    "business": ["markets", "stocks", "economy", "finance", "stock market"],
    "science": ["space", "research"],
    "health": ["medicine", "wellness", "fitness"],
    "entertainment": ["movies", "celebrities", "tv", "hollywood", "music news"],
    "world": ["international", "world news", "global"],
    "climate": ["environment", "climate change", "weather news"],
    "local": ["local news", "my area"],
}

_INDEX = build_index(TOPICS)


def normalize_topic(value: str) -> str | None:
    folded = fold(value)
    return _INDEX.get(folded) or _INDEX.get(strip_suffixes(folded, ("news", "headlines", "stories")))
