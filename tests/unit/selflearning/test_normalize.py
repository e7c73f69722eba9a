"""The request key: what varies without changing the request goes, nothing else."""
from __future__ import annotations

from preferences.selflearning.normalize import MAX_KEY_LENGTH, request_key


def test_case_accents_punctuation_and_spaces_go() -> None:
    assert request_key("  Play   Beyoncé's  SONGS!! ") == "play beyonces songs"
    assert request_key("ÉCOUTER\tla   Bohème…") == "ecouter la boheme"
    assert request_key("That\u2019s wrong") == request_key("thats wrong") == "thats wrong"
    assert request_key("snake_case-and/slashes") == "snake case and slashes"


def test_words_stay_words() -> None:
    assert request_key("play the beatles") != request_key("play beatles")
    assert request_key("東京の天気") == "東京の天気"
    assert request_key("👎") == ""


def test_length_is_capped() -> None:
    key = request_key("word " * 100)
    assert len(key) <= MAX_KEY_LENGTH and not key.endswith(" ")
