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
from preferences.catalogs.units import fahrenheit
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
        return f"{fahrenheit(celsius)}°F"
    return f"{round(celsius)}°C"


def default_units(city: City) -> str:
    """The US (and a few others) use Fahrenheit; everyone else Celsius."""
    return "imperial" if city.country in ("US", "LR", "MM", "BS", "BZ", "KY", "PW") else "metric"


FORECAST_DAYS = 7  # how far ahead the forecast goes (today and the next six days)


def say_day(day: date, today: date) -> str:
    days = (day - today).days
    return "today" if days == 0 else "tomorrow" if days == 1 else f"on {day.strftime('%A')}"


def weather_report(provider: WeatherProvider, city: City, day: date, units: str | None = None,
                   today: date | None = None) -> SkillReply:
    units = units or default_units(city)
    f = provider.forecast(city, day)
    verb = "it's" if today is None or day == today else "it will be"
    text = (f"In {city.label} {verb} {f.condition} {say_day(day, today or day)}, with a high of "
            f"{format_temperature(f.high_c, units)} and a low of {format_temperature(f.low_c, units)}.")
    return SkillReply(text, {"city": city.key, "units": units, "condition": f.condition, "day": day.isoformat(),
                             "high_c": f.high_c, "low_c": f.low_c})


# --- the skill, declared once ------------------------------------------------------------------------
from typing import TYPE_CHECKING  # noqa: E402

from preferences.catalogs.bookings import parse_when  # noqa: E402
from preferences.catalogs.places import by_key, find_city_words, normalize_city  # noqa: E402
from preferences.catalogs.units import normalize_units  # noqa: E402
from preferences.personalization import ASKED_CITY, Choice, Profile, resolve_city  # noqa: E402
from preferences.resolution import ResolvedEntity  # noqa: E402
from preferences.skills.base import (  # noqa: E402
    Entities, Question, Skill, Slot, first, place_of, with_choices, with_resolutions)

if TYPE_CHECKING:
    from preferences.service import AssistantService


def _label(key: str) -> str:
    city = by_key(key)
    return city.label if city else key


def forecast_day(entities: Entities, utterance: str | None, today: date) -> tuple[date, str]:
    """The day a request asks about ("will it snow tomorrow", "and on saturday?"), and a note when it is
    one the forecast does not reach (then today's is given, and said to be today's)."""
    when = parse_when(first(entities, "time") or utterance, today)
    if when is None or not when.day_said:
        return today, ""
    if 0 <= (when.day - today).days < FORECAST_DAYS:
        return when.day, ""
    return today, f" (I only have forecasts for the next {FORECAST_DAYS} days, so that is today's.)"


def reply(service: AssistantService, user: str, entities: Entities, utterance: str | None = None) -> SkillReply:
    profile = service.profile(user)
    place = place_of(entities) or find_city_words(utterance)  # "athens weather this week": NLU tagged no city
    city, choice, note, resolved = service.where(user, profile, place, utterance, remember=True)
    if city is None:
        if place:
            return with_resolutions(SkillReply(note, {"unknown_city": place}), [resolved])
        return SkillReply("Which city would you like the weather for? For example: \"weather in Boston\". "
                          "You can also tell me where you live.", {"missing": "city"})
    choices = [choice] if choice else []
    units_pref = profile.favourite("units")
    units = units_pref.value if units_pref else None
    if units_pref:
        choices.append(Choice("units", units_pref.value, f"in {'Celsius' if units == 'metric' else 'Fahrenheit'}, "
                                                         "as you asked"))
    day, day_note = forecast_day(entities, utterance, service.today)
    reply = weather_report(service.provider("weather"), city, day, units, service.today)
    lead = None
    if choices:
        # A home city the words left open gets its name said here; one the words named already has it.
        lead = "Using " + " and ".join(f"{city.label}, {c.reason}" if c.slot == "home_city" and not place
                                       else c.reason for c in choices) + "."
    return with_resolutions(with_choices(SkillReply(reply.text + day_note + note, reply.facts), choices, lead),
                            [resolved])


def resolve_city_named(entity: str, words: str) -> ResolvedEntity | None:
    """What a city named `words` resolves to, for a user with no preferences (see `Skill.resolves`)."""
    return resolve_city(Profile(), words)[3] if entity == "city" else None


SKILLS = (
    Skill(name="weather", intent="ask_weather", action="action_weather", reply=reply,
          provider=lambda today=None: OfflineWeatherProvider(),
          hint="Which city did you mean? Adding the state helps, like \"Springfield, Illinois\".",
          teaches=("units",), answers=("city",), follows=("city", "time"), carries=("city",),
          slots=(Slot("home_city", "location", "city", multi_valued=False, normalize=normalize_city, order=60,
                      describe=lambda value, polarity: f"you live in {_label(value)}"),
                 Slot("units", "weather", "units", multi_valued=False, normalize=normalize_units, order=70,
                      describe=lambda value, polarity: "you want temperatures in "
                                                       f"{'Celsius' if value == 'metric' else 'Fahrenheit'}"),
                 # Inferred only: the cities a user asks about, so "Springfield" comes to mean theirs.
                 Slot(ASKED_CITY, "location", None, stated=False, order=80,
                      describe=lambda value, polarity: f"you usually mean {_label(value)}")),
          questions=(Question("home_city", "Which city do you live in?", order=40),
                     Question("units", "Do you prefer temperatures in Celsius or Fahrenheit?", order=60)),
          examples=("what's the weather in Boston", "will it rain tomorrow"), resolves=resolve_city_named),
)
