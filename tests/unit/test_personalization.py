"""Preferences fill what a request leaves open, from the very next turn, for that user only."""
from __future__ import annotations

from datetime import date

import pytest

from preferences.service import AssistantService
from preferences.store import PreferenceStore


@pytest.fixture()
def svc(store: PreferenceStore) -> AssistantService:
    return AssistantService(store, today=date(2026, 3, 1))


def test_liked_genre_plays_and_the_reply_says_why(svc: AssistantService, store: PreferenceStore) -> None:
    store.record("ann", "music", "genre", "jazz", utterance="I like jazz")
    reply = svc.reply("play_music", "ann", {})
    assert reply.text.startswith("Playing jazz, since you told me you like it.")
    assert reply.facts["genre"] == "jazz" and reply.facts["choices"][0]["value"] == "jazz"
    assert svc.reply("play_music", "ann", {"genre": ["rock"]}).facts["genre"] == "rock"  # explicit wins
    assert "since you told me" not in svc.reply("play_music", "bob", {}).text  # never leaks to another user


def test_dislikes_are_avoided(svc: AssistantService, store: PreferenceStore) -> None:
    store.record("ann", "music", "genre", "country", polarity="dislike")
    for _ in range(5):
        reply = svc.reply("play_music", "ann", {})
        assert reply.facts["genre"] != "country" and reply.text.startswith("Avoiding country")
    assert svc.reply("play_music", "ann", {"genre": ["country"]}).facts["genre"] == "country"  # asked explicitly


def test_weather_uses_home_city_and_units(svc: AssistantService, store: PreferenceStore) -> None:
    assert svc.reply("weather", "ann", {}).facts == {"missing": "city"}
    store.record("ann", "location", "home_city", "Portland, Maine")
    store.record("ann", "weather", "units", "celsius")
    reply = svc.reply("weather", "ann", {})
    assert reply.facts["city"] == "Portland, ME, US" and "°C" in reply.text
    assert "since that's where you told me you live" in reply.text and "Celsius" in reply.text
    # The bare name means their Portland; for a new user, the most populous one.
    named = svc.reply("weather", "ann", {"city": ["Portland"]})
    assert named.facts["city"] == "Portland, ME, US"
    assert named.text.startswith("Using Portland, Maine, since that's where you live and")  # the town said once
    assert svc.reply("weather", "bob", {"city": ["Portland"]}).facts["city"] == "Portland, OR, US"


def test_a_city_asked_about_before_wins_an_ambiguous_name(svc: AssistantService) -> None:
    assert svc.reply("weather", "cara", {"city": ["Springfield"]}).facts["city"] == "Springfield, MO, US"
    svc.reply("weather", "dan", {"city": ["Springfield, Illinois"]})
    svc.reply("weather", "dan", {"city": ["Springfield, Illinois"]})
    reply = svc.reply("weather", "dan", {"city": ["Springfield"]})
    assert reply.facts["city"] == "Springfield, IL, US" and "the one you usually ask about" in reply.text
    assert svc.reply("weather", "erin", {"city": ["Springfield"]}).facts["city"] == "Springfield, MO, US"


def test_restaurant_fills_cuisine_and_city(svc: AssistantService, store: PreferenceStore) -> None:
    store.record("ann", "food", "cuisine", "italian food")
    store.record("ann", "location", "home_city", "Chicago")
    reply = svc.reply("find_restaurant", "ann", {})
    assert reply.facts["cuisine"] == "italian" and "Chicago" in reply.text
    assert "italian food, since you told me you like it" in reply.text
    assert svc.reply("find_restaurant", "ann", {"cuisine": ["thai"]}).facts["cuisine"] == "thai"


def test_my_team_and_shared_nicknames(svc: AssistantService, store: PreferenceStore) -> None:
    assert svc.reply("sports_score", "ann", {}).facts == {"missing": "team"}
    store.record("ann", "sports", "team", "Warriors")
    assert svc.reply("sports_score", "ann", {}).facts["team"] == "Golden State Warriors"
    store.record("ann", "sports", "team", "San Francisco Giants")
    giants = svc.reply("sports_score", "ann", {"team": ["Giants"]})
    assert giants.facts["team"] == "San Francisco Giants" and "your team" in giants.text


def test_news_topic(svc: AssistantService, store: PreferenceStore) -> None:
    store.record("ann", "news", "news_topic", "tech")
    assert svc.reply("news", "ann", {}).facts["topic"] == "technology"
    assert svc.reply("news", "bob", {}).facts["topic"] is None
