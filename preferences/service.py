"""The assistant's behaviour behind every skill, independent of Rasa.

Adapters (Rasa actions, tests, benchmarks) hand over the user id and the
entities of one message and get back a SkillReply. Normalisation against the
catalogs and the handling of missing or unknown values happen here, once,
so that every front end behaves the same.
"""
from __future__ import annotations

from collections.abc import Mapping
from datetime import date
from typing import Any

from preferences.catalogs import normalize
from preferences.catalogs.places import City, candidates
from preferences.catalogs.sports import find_teams
from preferences.skills import devices
from preferences.skills.base import SkillReply
from preferences.skills.music import CatalogMusicProvider, MusicProvider, play_music
from preferences.skills.news import NewsProvider, OfflineNewsProvider, news_reply
from preferences.skills.restaurants import OfflineRestaurantProvider, RestaurantProvider, restaurant_reply
from preferences.skills.sports import OfflineScoreProvider, ScoreProvider, score_reply
from preferences.skills.weather import OfflineWeatherProvider, WeatherProvider, weather_report

Entities = Mapping[str, Any]


def first(entities: Entities, name: str) -> str | None:
    """The first non-empty value of an entity; NLU may return lists or numbers."""
    value = entities.get(name)
    if isinstance(value, (list, tuple)):
        value = next((v for v in value if v not in (None, "")), None)
    if value is None:
        return None
    text = str(value).strip()
    return text or None


def place_of(entities: Entities) -> str | None:
    """The place named in a message.

    The whitespace tokenizer cuts "Portland, Maine" at the comma, so NLU often
    returns two city entities; when the pair names a real place together, it
    is one place.
    """
    values = entities.get("city")
    if isinstance(values, (list, tuple)) and len(values) >= 2:
        joined = f"{values[0]}, {values[1]}"
        if candidates(joined):
            return joined
    return first(entities, "city")


class AssistantService:
    """One instance per process; cheap to call per turn."""

    def __init__(self, device_store: devices.DeviceStateStore, *, music: MusicProvider | None = None,
                 weather: WeatherProvider | None = None, restaurants: RestaurantProvider | None = None,
                 scores: ScoreProvider | None = None, news: NewsProvider | None = None,
                 today: date | None = None) -> None:
        self.device_store = device_store
        self.music_provider = music or CatalogMusicProvider(today)
        self.weather_provider = weather or OfflineWeatherProvider()
        self.restaurant_provider = restaurants or OfflineRestaurantProvider()
        self.score_provider = scores or OfflineScoreProvider()
        self.news_provider = news or OfflineNewsProvider()
        self._today = today

    @property
    def today(self) -> date:
        return self._today or date.today()

    # --- skills ---------------------------------------------------------------
    def play_music(self, user: str, entities: Entities) -> SkillReply:
        artist_text, genre_text = first(entities, "artist"), first(entities, "genre")
        artist = normalize("artist", artist_text) if artist_text else None
        genre = normalize("genre", genre_text) if genre_text else None
        if artist_text and not artist and not genre:
            return SkillReply(f"I don't have any music by {artist_text} in my catalog yet.",
                              {"unknown_artist": artist_text})
        if genre_text and not genre and not artist:
            return SkillReply(f"I don't know the genre \"{genre_text}\" yet. Try jazz, rock, pop or classical.",
                              {"unknown_genre": genre_text})
        return play_music(self.music_provider, genre=genre, artist=artist)

    def weather(self, user: str, entities: Entities) -> SkillReply:
        place = place_of(entities)
        if not place:
            return SkillReply("Which city would you like the weather for? For example: \"weather in Boston\".",
                              {"missing": "city"})
        city, note = self._resolve_city(place)
        if city is None:
            return SkillReply(note, {"unknown_city": place})
        reply = weather_report(self.weather_provider, city, self.today)
        return SkillReply(reply.text + note, reply.facts)

    def find_restaurant(self, user: str, entities: Entities) -> SkillReply:
        cuisine_text, place = first(entities, "cuisine"), place_of(entities)
        cuisine = normalize("cuisine", cuisine_text) if cuisine_text else None
        if cuisine_text and not cuisine:
            return SkillReply(f"I don't know {cuisine_text} as a cuisine yet. Try Italian, Thai or Mexican.",
                              {"unknown_cuisine": cuisine_text})
        if not place:
            what = f"{cuisine} food" if cuisine else "a place to eat"
            return SkillReply(f"Where should I look for {what}? For example: \"in Boston\".", {"missing": "city"})
        city, note = self._resolve_city(place)
        if city is None:
            return SkillReply(note, {"unknown_city": place})
        reply = restaurant_reply(self.restaurant_provider, city, cuisine)
        return SkillReply(reply.text + note, reply.facts)

    def sports_score(self, user: str, entities: Entities) -> SkillReply:
        team_text = first(entities, "team")
        if not team_text:
            return SkillReply("Which team? For example: \"how did the Celtics do?\"", {"missing": "team"})
        teams = find_teams(team_text)
        if not teams:
            return SkillReply(f"I don't know a team called {team_text}. I follow the NBA, NFL, MLB and NHL.",
                              {"unknown_team": team_text})
        reply = score_reply(self.score_provider, teams[0], self.today)
        if len(teams) > 1:
            others = ", ".join(t.name for t in teams[1:])
            return SkillReply(f"{reply.text} (If you meant the {others}, say the full name.)", reply.facts)
        return reply

    def news(self, user: str, entities: Entities) -> SkillReply:
        topic_text = first(entities, "news_topic")
        topic = normalize("news_topic", topic_text) if topic_text else None
        if topic_text and not topic:
            reply = news_reply(self.news_provider, None, self.today)
            return SkillReply(f"I have no {topic_text} news, but here is the rest. {reply.text}", reply.facts)
        return news_reply(self.news_provider, topic, self.today)

    def control_device(self, user: str, entities: Entities) -> SkillReply:
        cmd = self._device_command(entities)
        if isinstance(cmd, SkillReply):
            return cmd
        state, text = devices.apply_command(self.device_store, user, cmd)
        return SkillReply(text, {"device": cmd.device, "room": cmd.room, "state": state})

    def device_status(self, user: str, entities: Entities) -> SkillReply:
        cmd = self._device_command(entities)
        if isinstance(cmd, SkillReply):
            return cmd
        return SkillReply(devices.status_text(self.device_store, user, cmd.device, cmd.room),
                          {"device": cmd.device, "room": cmd.room})

    # --- helpers ----------------------------------------------------------------
    def _device_command(self, entities: Entities) -> devices.DeviceCommand | SkillReply:
        device_text = first(entities, "device")
        if not device_text:
            return SkillReply("Which device? I can control lights, the thermostat, the oven, the TV, fans and AC.",
                              {"missing": "device"})
        device = devices.normalize_device(device_text)
        if device is None:
            return SkillReply(f"I can't control a {device_text}. I know lights, thermostat, oven, TV, fan and AC.",
                              {"unknown_device": device_text})
        power = (first(entities, "power") or "").lower() or None
        if power not in (None, "on", "off"):
            power = None
        return devices.DeviceCommand(device, devices.normalize_room(first(entities, "room"), device), power,
                                     devices.parse_level(first(entities, "level")))

    def _resolve_city(self, place: str) -> tuple[City | None, str]:
        """The city meant, plus a short note when the choice was a guess."""
        found = candidates(place)
        if not found:
            return None, f"I couldn't find a city called {place}."
        if len(found) > 1 and "," not in place:
            return found[0], (f" (I picked {found[0].label}; there are {len(found)} places called "
                              f"{found[0].name}, so tell me the state or country if you meant another.)")
        return found[0], ""
