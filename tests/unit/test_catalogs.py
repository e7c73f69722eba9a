"""The catalogs decide what a stored preference means; these pin their answers."""
from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from preferences.catalogs import NORMALIZERS, normalize
from preferences.catalogs.places import by_key, candidates
from preferences.catalogs.sports import TEAMS, find_teams


@pytest.mark.parametrize(("slot", "text", "expected"), [
    ("cuisine", "italian food", "italian"),
    ("cuisine", "Italian", "italian"),
    ("cuisine", "a pizza place", "pizza"),
    ("cuisine", "Tex-Mex", "mexican"),
    ("genre", "Hip-Hop music", "hip hop"),
    ("genre", "some JAZZ", "jazz"),
    ("genre", "EDM", "electronic"),
    ("artist", "beyoncé", "Beyonce"),
    ("artist", "the beatles", "The Beatles"),
    ("team", "Warriors", "Golden State Warriors"),
    ("team", "GSW", "Golden State Warriors"),
    ("team", "the red sox", "Boston Red Sox"),
    ("news_topic", "tech news", "technology"),
    ("units", "Celsius", "metric"),
    ("units", "in fahrenheit", "imperial"),
    ("home_city", "Portland, Maine", "Portland, ME, US"),
    ("home_city", "portland me", "Portland, ME, US"),
    ("home_city", "Portland", "Portland, OR, US"),
    ("home_city", "NYC", "New York City, NY, US"),
])
def test_normalize_maps_everyday_words_to_one_canonical_value(slot: str, text: str, expected: str) -> None:
    assert normalize(slot, text) == expected


@pytest.mark.parametrize(("slot", "text"), [
    ("cuisine", "martian"), ("genre", "spaceship noises"), ("team", "Giants"),  # Giants: NFL and MLB
    ("home_city", "Gotham City"), ("home_city", "Portland, Narnia"), ("units", "kelvin"),
])
def test_unknown_or_ambiguous_values_are_not_guessed(slot: str, text: str) -> None:
    assert normalize(slot, text) is None


def test_free_text_slots_are_cleaned_not_interpreted() -> None:
    assert normalize("color", "  warm\x00 white\n") == "warm white"
    assert normalize("color", "'; DROP TABLE preferences; --") == "'; DROP TABLE preferences; --"
    assert len(normalize("color", "x" * 5000) or "") == 200


def test_the_four_leagues_are_complete_and_nicknames_can_be_shared() -> None:
    by_league: dict[str, int] = {}
    for team in TEAMS:
        by_league[team.league] = by_league.get(team.league, 0) + 1
    assert by_league == {"NBA": 30, "NFL": 32, "MLB": 30, "NHL": 32}
    assert {t.league for t in find_teams("Giants")} == {"NFL", "MLB"}
    assert {t.league for t in find_teams("Rangers")} == {"MLB", "NHL"}


def test_ambiguous_city_names_come_back_most_populous_first() -> None:
    springfields = candidates("Springfield")
    assert len(springfields) >= 3
    assert [c.population for c in springfields] == sorted((c.population for c in springfields), reverse=True)
    assert {c.admin1 for c in springfields} >= {"IL", "MO", "MA"}
    assert [c.admin1 for c in candidates("Springfield, Illinois")] == ["IL"]
    paris = candidates("Paris, France")[0]
    assert paris.country == "FR" and paris.label == "Paris, France"
    assert by_key(paris.key) == paris


@settings(max_examples=200, deadline=None)
@given(slot=st.sampled_from(sorted(NORMALIZERS) + ["color"]), text=st.text(max_size=300))
def test_normalize_never_raises_and_is_idempotent(slot: str, text: str) -> None:
    value = normalize(slot, text)
    if value is not None:
        assert normalize(slot, value) == value
