"""Offline skill providers: deterministic, plausible, and honest about limits."""
from __future__ import annotations

from datetime import date

from preferences.catalogs.music import ARTISTS_BY_NAME
from preferences.catalogs.places import candidates
from preferences.catalogs.sports import TEAMS_BY_NAME
from preferences.skills.music import CatalogMusicProvider, play_music
from preferences.skills.news import OfflineNewsProvider, news_reply
from preferences.skills.restaurants import OfflineRestaurantProvider, restaurant_reply
from preferences.skills.sports import OfflineScoreProvider, score_reply
from preferences.skills.weather import OfflineWeatherProvider, format_temperature, weather_report

DAY = date(2026, 7, 15)
WINTER = date(2026, 1, 15)


def test_music_plays_the_requested_genre_or_artist() -> None:
    provider = CatalogMusicProvider(DAY)
    jazz = play_music(provider, genre="jazz")
    assert jazz.facts["genre"] == "jazz" and jazz.text.startswith("Playing some jazz")
    assert ARTISTS_BY_NAME[jazz.facts["artist"]].genre == "jazz"
    beatles = play_music(provider, artist="The Beatles")
    assert beatles.facts["track"] in ARTISTS_BY_NAME["The Beatles"].tracks
    anything = play_music(provider, avoid=["country"] * 1)
    assert anything.facts["genre"] != "country"


def test_weather_is_deterministic_and_follows_latitude_and_season() -> None:
    provider = OfflineWeatherProvider()
    miami = candidates("Miami")[0]
    anchorage = candidates("Anchorage")[0]
    assert provider.forecast(miami, DAY) == provider.forecast(miami, DAY)
    assert provider.forecast(miami, WINTER).high_c > provider.forecast(anchorage, WINTER).high_c + 10
    assert provider.forecast(anchorage, DAY).high_c > provider.forecast(anchorage, WINTER).high_c
    sydney = candidates("Sydney, Australia")[0]
    assert provider.forecast(sydney, DAY).high_c < provider.forecast(sydney, WINTER).high_c  # southern winter


def test_weather_reply_uses_local_units_unless_told() -> None:
    provider = OfflineWeatherProvider()
    boston = candidates("Boston")[0]
    assert "°F" in weather_report(provider, boston, DAY).text
    assert "°C" in weather_report(provider, boston, DAY, units="metric").text
    assert "°C" in weather_report(provider, candidates("Berlin")[0], DAY).text
    assert format_temperature(0, "imperial") == "32°F" and format_temperature(100, "imperial") == "212°F"


def test_restaurants_match_cuisine_and_city() -> None:
    reply = restaurant_reply(OfflineRestaurantProvider(), candidates("Chicago")[0], "thai")
    assert reply.facts["cuisine"] == "thai" and "Chicago" in reply.text
    anything = restaurant_reply(OfflineRestaurantProvider(), candidates("Chicago")[0], None, avoid=["thai"])
    assert len(anything.facts["restaurants"]) == 3 and anything.facts["cuisine"] != "thai"


def test_scores_pair_teams_of_the_same_league_with_a_winner() -> None:
    team = TEAMS_BY_NAME["Boston Celtics"]
    reply = score_reply(OfflineScoreProvider(), team, DAY)
    assert TEAMS_BY_NAME[reply.facts["opponent"]].league == "NBA"
    a, b = reply.facts["score"]
    assert a != b and ("beat" in reply.text) == (a > b)


def test_news_has_headlines_for_the_topic() -> None:
    reply = news_reply(OfflineNewsProvider(), "science", DAY)
    assert reply.facts["topic"] == "science" and len(reply.facts["headlines"]) == 2
    assert len(set(reply.facts["headlines"])) == 2
