"""Deterministic offline weather for any gazetteer city.

The numbers follow latitude and season (colder far from the equator and in
the local winter) so answers look plausible, and the same city and day give
the same answer in every process.
"""
from __future__ import annotations

import math
from dataclasses import dataclass
from datetime import date
from typing import Protocol

from preferences.catalogs.places import City
from preferences.skills.base import SkillReply, stable_number

CONDITIONS = ("sunny", "partly cloudy", "cloudy", "light rain", "showers", "windy", "foggy", "clear")


@dataclass(frozen=True)
class Forecast:
    city: City
    day: date
    condition: str
    high_c: float
    low_c: float


class WeatherProvider(Protocol):
    def forecast(self, city: City, day: date) -> Forecast: ...


class OfflineWeatherProvider:
    def forecast(self, city: City, day: date) -> Forecast:
        season = math.cos(2 * math.pi * (day.timetuple().tm_yday - 200) / 365)
        if city.latitude < 0:
            season = -season
        base = 28 - abs(city.latitude) * 0.45 + season * min(abs(city.latitude), 50) * 0.3
        jitter = stable_number(city.geonameid, day.isoformat(), modulo=700) / 100 - 3.5
        high = round(base + jitter + 4, 1)
        low = round(high - 6 - stable_number(city.geonameid, day, "low", modulo=6), 1)
        cond = CONDITIONS[stable_number(city.geonameid, day, "sky", modulo=len(CONDITIONS))]
        if cond in ("light rain", "showers") and high < 1:
            cond = "snow"
        return Forecast(city, day, cond, high, low)


def format_temperature(celsius: float, units: str) -> str:
    if units == "imperial":
        return f"{round(celsius * 9 / 5 + 32)}°F"
    return f"{round(celsius)}°C"


def default_units(city: City) -> str:
    """The US (and a few others) use Fahrenheit; everyone else Celsius."""
    return "imperial" if city.country in ("US", "LR", "MM", "BS", "BZ", "KY", "PW") else "metric"


def weather_report(provider: WeatherProvider, city: City, day: date, units: str | None = None) -> SkillReply:
    units = units or default_units(city)
    f = provider.forecast(city, day)
    text = (f"In {city.label} it's {f.condition} today, with a high of "
            f"{format_temperature(f.high_c, units)} and a low of {format_temperature(f.low_c, units)}.")
    return SkillReply(text, {"city": city.key, "units": units, "condition": f.condition,
                             "high_c": f.high_c, "low_c": f.low_c})
