"""The skills as a user meets them, through the Rasa-free service, on a real SQLite store."""
from __future__ import annotations

from datetime import date

import pytest

from preferences.service import AssistantService
from preferences.store import PreferenceStore


@pytest.fixture()
def service(store: PreferenceStore) -> AssistantService:
    return AssistantService(store, today=date(2026, 3, 1))


def test_music_by_genre_artist_or_nothing(service: AssistantService) -> None:
    assert service.reply("play_music", "ann", {"genre": ["Jazz music"]}).facts["genre"] == "jazz"
    assert service.reply("play_music", "ann", {"artist": ["beatles"]}).facts["artist"] == "The Beatles"
    assert "track" in service.reply("play_music", "ann", {}).facts
    unknown = service.reply("play_music", "ann", {"genre": ["spaceship noises"]})
    assert "don't know the genre" in unknown.text and unknown.facts == {"unknown_genre": "spaceship noises"}


def test_weather_asks_for_a_missing_city_and_flags_ambiguity(service: AssistantService) -> None:
    assert service.reply("weather", "ann", {}).facts == {"missing": "city"}
    maine = service.reply("weather", "ann", {"city": ["Portland, Maine"]})
    assert maine.facts["city"] == "Portland, ME, US" and "I picked" not in maine.text
    guess = service.reply("weather", "ann", {"city": ["Springfield"]})
    assert "I picked Springfield" in guess.text and "tell me the state" in guess.text
    assert "couldn't find a city" in service.reply("weather", "ann", {"city": ["Gotham City"]}).text
    assert service.reply("weather", "ann", {"city": ["lisboa"]}).text.startswith("In Lisbon, Portugal")


@pytest.mark.parametrize(("words", "town"), [
    ("athens weather this week", "Athens"), ("sunrise time in tromsø", "Tromsø"),
    ("will it rain in paris texas", "Paris, Texas"), ("new york weather", "New York"),
    ("what's the uv index in marrakech", "Marrakesh"),  # another spelling of the town
])
def test_a_town_nlu_left_untagged_is_read_from_the_words(service: AssistantService, words: str, town: str) -> None:
    """The eleventh real set: "athens weather this week" asked "Which city would you like the weather for?"."""
    assert service.reply("weather", "ann", {}, words).text.startswith(f"In {town}")


@pytest.mark.parametrize("words", ["is it going to rain in time for the game", "weather at home", "frost tonight?"])
def test_words_that_name_no_town_still_ask_for_one(service: AssistantService, words: str) -> None:
    assert service.reply("weather", "ann", {}, words).facts == {"missing": "city"}


def test_restaurants_need_a_place_and_know_cuisines(service: AssistantService) -> None:
    assert service.reply("find_restaurant", "ann", {"cuisine": ["thai food"]}).facts == {"missing": "city"}
    found = service.reply("find_restaurant", "ann", {"cuisine": ["italian food"], "city": ["Boston"]})
    assert found.facts["cuisine"] == "italian" and "Boston" in found.text
    assert "don't know martian" in service.reply("find_restaurant", "ann", {"cuisine": ["martian"], "city": ["Boston"]}).text


def test_scores_name_the_alternatives_for_shared_nicknames(service: AssistantService) -> None:
    assert service.reply("sports_score", "ann", {"team": ["GSW"]}).facts["team"] == "Golden State Warriors"
    giants = service.reply("sports_score", "ann", {"team": ["Giants"]})
    assert "say the full name" in giants.text
    assert service.reply("sports_score", "ann", {}).facts == {"missing": "team"}
    assert "don't know a team" in service.reply("sports_score", "ann", {"team": ["Hogwarts Dragons"]}).text


def test_news_by_topic(service: AssistantService) -> None:
    assert service.reply("news", "ann", {"news_topic": ["tech"]}).facts["topic"] == "technology"
    assert service.reply("news", "ann", {}).facts["topic"] is None


def test_device_state_persists_per_user(service: AssistantService, store: PreferenceStore) -> None:
    on = service.reply("control_device", "ann", {"device": ["oven"], "level": ["350"]})
    assert on.facts["state"] == {"power": "on", "level": 350} and "oven is on" in on.text
    assert "oven is on, temperature 350°" in service.reply("device_status", "ann", {"device": ["stove"]}).text
    # Another user's oven is untouched, and a fresh service (a restart) sees the same state.
    assert "oven is off" in service.reply("device_status", "bob", {"device": ["oven"]}).text
    again = AssistantService(PreferenceStore(store.url))
    assert "temperature 350" in again.reply("device_status", "ann", {"device": ["oven"]}).text
    off = service.reply("control_device", "ann", {"device": ["oven"], "power": ["off"]})
    assert off.facts["state"]["power"] == "off"
    lights = service.reply("control_device", "ann", {"device": ["lamp"], "room": ["the kitchen"], "level": ["30%"]})
    assert lights.facts["room"] == "kitchen" and "kitchen lights are on, brightness 30%" in lights.text


def test_device_commands_refuse_nonsense(service: AssistantService) -> None:
    assert "between 40° and 90°" in service.reply("control_device", "ann", {"device": ["thermostat"], "level": ["500"]}).text
    assert "can't control a toaster" in service.reply("control_device", "ann", {"device": ["toaster"]}).text
    assert service.reply("control_device", "ann", {}).facts == {"missing": "device"}


def test_a_place_split_at_its_comma_by_the_tokenizer_is_rejoined(service: AssistantService) -> None:
    assert service.reply("weather", "ann", {"city": ["Portland", "Maine"]}).facts["city"] == "Portland, ME, US"
    # Two separate cities stay separate: the first one is used.
    assert service.reply("weather", "ann", {"city": ["Boston", "Chicago"]}).facts["city"].startswith("Boston")
