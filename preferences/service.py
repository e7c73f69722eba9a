"""The assistant's behaviour behind every skill, independent of Rasa.

Adapters (Rasa actions, tests, benchmarks) hand over the user id and the
entities of one message and get back a SkillReply. Normalisation against the
catalogs, the user's preferences filling what the request leaves open, and
the handling of missing or unknown values happen here, once, so that every
front end behaves the same. An explicit value in the request always wins
over a preference; when a preference decided something, the reply says so
and `facts["choices"]` records it for "why did you pick that?".
"""
from __future__ import annotations

from collections.abc import Mapping
from dataclasses import asdict
from datetime import date
from typing import Any

from preferences.catalogs import normalize
from preferences.catalogs.places import City, candidates
from preferences.catalogs.sports import TEAMS_BY_NAME, find_teams
from preferences.personalization import (Choice, Profile, home_city, profile_of, reason_for, remember_city,
                                         resolve_city)
from preferences.skills import devices
from preferences.skills.base import SkillReply
from preferences.skills.music import CatalogMusicProvider, MusicProvider, play_music
from preferences.skills.news import NewsProvider, OfflineNewsProvider, news_reply
from preferences.skills.restaurants import OfflineRestaurantProvider, RestaurantProvider, restaurant_reply
from preferences.skills.sports import OfflineScoreProvider, ScoreProvider, score_reply
from preferences.skills.weather import OfflineWeatherProvider, WeatherProvider, weather_report
from preferences.store import PreferenceStore

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


def with_choices(reply: SkillReply, choices: list[Choice], lead: str | None = None) -> SkillReply:
    """Attach the choices to the facts, and lead the text with why, when a preference decided."""
    facts = dict(reply.facts)
    facts["choices"] = [asdict(c) for c in choices]
    return SkillReply(f"{lead} {reply.text}" if lead else reply.text, facts)


class AssistantService:
    """One instance per process; each call reads the user's profile once."""

    def __init__(self, store: PreferenceStore, *, music: MusicProvider | None = None,
                 weather: WeatherProvider | None = None, restaurants: RestaurantProvider | None = None,
                 scores: ScoreProvider | None = None, news: NewsProvider | None = None,
                 today: date | None = None, personalize: bool = True) -> None:
        self.store = store
        self.personalize = personalize
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
    def play_music(self, user: str, entities: Entities, utterance: str | None = None) -> SkillReply:
        artist_text, genre_text = first(entities, "artist"), first(entities, "genre")
        artist = normalize("artist", artist_text) if artist_text else None
        genre = normalize("genre", genre_text) if genre_text else None
        if artist_text and not artist and not genre:
            return SkillReply(f"I don't have any music by {artist_text} in my catalog yet.",
                              {"unknown_artist": artist_text})
        if genre_text and not genre and not artist:
            return SkillReply(f"I don't know the genre \"{genre_text}\" yet. Try jazz, rock, pop or classical.",
                              {"unknown_genre": genre_text})
        if genre or artist:
            return with_choices(play_music(self.music_provider, genre=genre, artist=artist), [])
        profile = self._profile(user)
        avoid = profile.avoided("genre")
        fav = profile.favourite("genre")
        if fav and fav.value not in avoid:
            reason = reason_for(fav, "music")
            return with_choices(play_music(self.music_provider, genre=fav.value),
                                [Choice("genre", fav.value, reason)], f"Playing {fav.value}, {reason}.")
        fav_artist = profile.favourite("artist")
        if fav_artist:
            reason = reason_for(fav_artist, "artist")
            return with_choices(play_music(self.music_provider, artist=fav_artist.value),
                                [Choice("artist", fav_artist.value, reason)],
                                f"Playing {fav_artist.value}, {reason}.")
        reply = play_music(self.music_provider, avoid=avoid)
        if avoid:
            return with_choices(reply, [Choice("genre", g, "you told me you don't like it") for g in sorted(avoid)],
                                f"Avoiding {', '.join(sorted(avoid))}, as you asked.")
        return with_choices(reply, [])

    def weather(self, user: str, entities: Entities, utterance: str | None = None) -> SkillReply:
        profile = self._profile(user)
        place = place_of(entities)
        city, choice, note = self._where(user, profile, place, utterance, remember=True)
        if city is None:
            if place:
                return SkillReply(note, {"unknown_city": place})
            return SkillReply("Which city would you like the weather for? For example: \"weather in Boston\". "
                              "You can also tell me where you live.", {"missing": "city"})
        choices = [choice] if choice else []
        units_pref = profile.favourite("units")
        units = units_pref.value if units_pref else None
        if units_pref:
            choices.append(Choice("units", units_pref.value, f"in {'Celsius' if units == 'metric' else 'Fahrenheit'}, "
                                                             "as you asked"))
        reply = weather_report(self.weather_provider, city, self.today, units)
        lead = None
        if choices:
            lead = "Using " + " and ".join(c.reason if c.slot != "home_city" else f"{city.label}, {c.reason}"
                                           for c in choices) + "."
        return with_choices(SkillReply(reply.text + note, reply.facts), choices, lead)

    def find_restaurant(self, user: str, entities: Entities, utterance: str | None = None) -> SkillReply:
        cuisine_text, place = first(entities, "cuisine"), place_of(entities)
        cuisine = normalize("cuisine", cuisine_text) if cuisine_text else None
        if cuisine_text and not cuisine:
            return SkillReply(f"I don't know {cuisine_text} as a cuisine yet. Try Italian, Thai or Mexican.",
                              {"unknown_cuisine": cuisine_text})
        profile = self._profile(user)
        city, choice, note = self._where(user, profile, place, utterance, remember=False)
        if city is None:
            if place:
                return SkillReply(note, {"unknown_city": place})
            what = f"{cuisine} food" if cuisine else "a place to eat"
            return SkillReply(f"Where should I look for {what}? For example: \"in Boston\".", {"missing": "city"})
        if choice and not place:
            choice = Choice(choice.slot, choice.value, f"near home in {city.label}")
        choices = [choice] if choice else []
        avoid = profile.avoided("cuisine")
        if not cuisine:
            fav = profile.favourite("cuisine")
            if fav and fav.value not in avoid:
                cuisine = fav.value
                choices.append(Choice("cuisine", fav.value, f"{fav.value} food, {reason_for(fav, 'cuisine')}"))
        reply = restaurant_reply(self.restaurant_provider, city, cuisine, avoid)
        lead = ("Looking for " + " and ".join(c.reason for c in choices) + ".") if choices else None
        return with_choices(SkillReply(reply.text + note, reply.facts), choices, lead)

    def sports_score(self, user: str, entities: Entities, utterance: str | None = None) -> SkillReply:
        team_text = first(entities, "team")
        profile = self._profile(user)
        if not team_text:
            fav = profile.favourite("team")
            if fav is None or fav.value not in TEAMS_BY_NAME:
                return SkillReply("Which team? For example: \"how did the Celtics do?\" "
                                  "You can also tell me which team you support.", {"missing": "team"})
            reason = reason_for(fav, "team")
            return with_choices(score_reply(self.score_provider, TEAMS_BY_NAME[fav.value], self.today),
                                [Choice("team", fav.value, reason)], f"Checking the {fav.value}, {reason}.")
        teams = find_teams(team_text)
        if not teams:
            return SkillReply(f"I don't know a team called {team_text}. I follow the NBA, NFL, MLB and NHL.",
                              {"unknown_team": team_text})
        liked = {p.value for p in profile.likes.get("team", [])}
        mine = [t for t in teams if t.name in liked]
        if len(teams) > 1 and mine:
            return with_choices(score_reply(self.score_provider, mine[0], self.today),
                                [Choice("team", mine[0].name, "your team")],
                                f"Checking the {mine[0].name}, since they're your team.")
        reply = score_reply(self.score_provider, teams[0], self.today)
        if len(teams) > 1:
            others = ", ".join(t.name for t in teams[1:])
            reply = SkillReply(f"{reply.text} (If you meant the {others}, say the full name.)", reply.facts)
        return with_choices(reply, [])

    def news(self, user: str, entities: Entities, utterance: str | None = None) -> SkillReply:
        topic_text = first(entities, "news_topic")
        topic = normalize("news_topic", topic_text) if topic_text else None
        if topic_text and not topic:
            reply = news_reply(self.news_provider, None, self.today)
            return SkillReply(f"I have no {topic_text} news, but here is the rest. {reply.text}", reply.facts)
        if topic:
            return with_choices(news_reply(self.news_provider, topic, self.today), [])
        fav = self._profile(user).favourite("news_topic")
        if fav:
            reason = reason_for(fav, "topic")
            return with_choices(news_reply(self.news_provider, fav.value, self.today),
                                [Choice("news_topic", fav.value, reason)], f"Here's {fav.value}, {reason}.")
        return with_choices(news_reply(self.news_provider, None, self.today), [])

    def control_device(self, user: str, entities: Entities, utterance: str | None = None) -> SkillReply:
        cmd = self._device_command(entities)
        if isinstance(cmd, SkillReply):
            return cmd
        state, text = devices.apply_command(self.store, user, cmd)
        return SkillReply(text, {"device": cmd.device, "room": cmd.room, "state": state})

    def device_status(self, user: str, entities: Entities, utterance: str | None = None) -> SkillReply:
        cmd = self._device_command(entities)
        if isinstance(cmd, SkillReply):
            return cmd
        return SkillReply(devices.status_text(self.store, user, cmd.device, cmd.room),
                          {"device": cmd.device, "room": cmd.room})

    # --- helpers ----------------------------------------------------------------
    def _where(self, user: str, profile: Profile, place: str | None, utterance: str | None,
               remember: bool) -> tuple[City | None, Choice | None, str]:
        """The city a request is about: the named one (as this user means it), else home.

        Returns (None, None, note) for a name no gazetteer city has, and
        (None, None, "") when nothing was named and no home is known.
        """
        if place:
            city, choice, note = resolve_city(profile, place)
            if city is not None and remember and self.personalize:
                remember_city(self.store, user, city, utterance)
            return city, choice, note
        city, choice = home_city(profile)
        return city, choice, ""

    def _profile(self, user: str) -> Profile:
        """The user's profile; empty when learning is switched off (the latency baseline)."""
        return profile_of(self.store, user) if self.personalize else Profile()

    @staticmethod
    def _device_command(entities: Entities) -> devices.DeviceCommand | SkillReply:
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


__all__ = ["AssistantService", "Profile", "first", "place_of"]
