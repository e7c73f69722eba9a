"""Unit systems for weather and device temperatures."""
from __future__ import annotations

from preferences.catalogs.text import build_index, fold

UNITS: dict[str, list[str]] = {
    "metric": ["celsius", "centigrade", "c", "degrees celsius", "metric units"],
    "imperial": ["fahrenheit", "f", "degrees fahrenheit", "imperial units", "us units"],
}
_INDEX = build_index(UNITS)


def normalize_units(value: str) -> str | None:
    folded = fold(value)
    if folded.startswith("in "):
        folded = folded[3:]
    return _INDEX.get(folded)


def fahrenheit(celsius: float) -> int:
    """Degrees Celsius in whole degrees Fahrenheit (the weather in imperial units, a thermostat set in Celsius)."""
    return round(celsius * 9 / 5 + 32)
