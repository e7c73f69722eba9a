"""The answer kinds and domain words the failure point features read (answers.py)."""
from __future__ import annotations

import pytest

from preferences.selflearning.failure_points.answers import domain_words, reply_kind


@pytest.mark.parametrize(("answer", "kind"), [
    ("Sorry, I didn't get that. Could you rephrase?", "not_understood"),
    ("Sorry, I didn't quite get that. Could you say it another way?", "not_understood"),
    ("I can't do that yet, but I can play music, check the weather, ...", "cannot"),
    ("Sorry, that's not something I can do yet, but I can play music, ...", "cannot"),
    ('We\'re not in the middle of anything. Say "learn my preferences" to start.', "not_in_qa"),
    ("Which device? I can control lights, the thermostat, ...", "which"),
    ("Where should I book a table for 4? For example: \"in Boston\".", "where"),
    ("I don't have any music by lana del ray in my catalog yet.", "unknown_value"),
    ("See you later!", "goodbye"),
    ("OK.", "ok"),
    ("Got it: you like jazz.", "learned"),
    ("Sorry about that. What would you like me to do?", "sorry"),
    ("Done: the kitchen lights are on.", "done"),
    ("Playing some jazz: So What by Miles Davis.", "playing"),
    ("In Boston, Massachusetts it's sunny today.", "other"),
    ("", "none"),
    (None, "none"),
])
def test_each_kind_of_answer_is_told_by_its_opening(answer: str | None, kind: str) -> None:
    assert reply_kind(answer) == kind


def test_domain_words_count_the_assistants_subjects_and_devices_not_generic_words() -> None:
    assert domain_words("who sings it") == 1
    assert domain_words("cancel my reservation") == 2
    assert domain_words("turn on the dehumidifier in the basement") == 0  # not a device it knows
    assert domain_words("start the roomba") == 1  # a device alias from the device catalog
    assert domain_words("set a timer for ten minutes") == 0  # "set" is a word of "tv set", not a device
