"""The answer kinds, domain words and answer fit the failure point features read (answers.py, features.py)."""
from __future__ import annotations

import pytest

from preferences.selflearning.failure_points.answers import domain_words, reply_kind, request_domain
from preferences.selflearning.failure_points.features import parts_missed, request_parts, unanswered_words


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


@pytest.mark.parametrize(("text", "domain"), [
    ("will it be windy for a bbq on saturday", "weather"),
    ("cancel my reservation", "restaurant"),
    ("who sings it", "music"),
    ("did they win the match", "sports"),
    ("start the roomba", "devices"),
    ("set a timer for ten minutes", "none"),
])
def test_a_request_belongs_to_the_domain_most_of_its_domain_words_name(text: str, domain: str) -> None:
    assert request_domain(text) == domain


@pytest.mark.parametrize(("text", "answer", "missing"), [
    ("play skinny love", "Playing 7 And 7 Is by Love.", 1),  # "skinny"
    ("i'm a chelsea fan and i love thai food", "Got it: you like thai food.", 2),  # "chelsea", "fan"
    ("did liverpool win today", 'Which team? For example: "how did the Celtics do?"', 1),
    ("play radio head karma police", "Playing Karma Police by Radiohead.", 0),  # inside a longer word
    ("play beyonse", "Playing Halo by Beyoncé.", 0),  # a typo of a word the answer has
    ("play some jazz", "Playing some jazz: So What by Miles Davis.", 0),  # generic words need no echo
    ("turn the lights red", "Done: the living room lights are on.", 1),
    ("what's up", None, 0),
])
def test_unanswered_words_are_the_requests_own_words_the_answer_does_not_echo(text: str, answer: str | None,
                                                                              missing: int) -> None:
    assert len(unanswered_words(text, answer)) == missing


def test_a_lone_word_names_an_entity_when_a_catalog_resolves_it_songs_aside() -> None:
    from preferences.selflearning.failure_points.resolve import names_entity

    assert names_entity("madison") == "city"
    assert names_entity("lakers") == "team"
    assert names_entity("grunge") == "genre"
    assert names_entity("jacket") is None
    assert names_entity("whiskey") is None  # only a song title: every common word is one


@pytest.mark.parametrize(("text", "parts"), [
    ("play some 80s rock and tell me the weather", ["play some 80s rock", "tell me the weather"]),
    ("lock the shed, then the side gate", ["lock the shed", "the side gate"]),
    ("and the kitchen", [" the kitchen"]),  # a leading "and" leans on the last turn: one part
    ("weather in oslo", ["weather in oslo"]),
])
def test_a_request_splits_into_the_parts_that_say_something_of_their_own(text: str, parts: list[str]) -> None:
    assert request_parts(text) == parts


def test_a_part_the_answer_passed_over_is_counted_and_a_request_of_one_part_never() -> None:
    song = "Playing some rock: Evil Woman by Electric Light Orchestra."
    def missed(text: str, answer: str, domain: str) -> int:
        return parts_missed(request_parts(text), answer, domain)

    assert missed("play some 80s rock and tell me the weather", song, "music") == 1  # other domain
    assert missed("queue up get lucky by daft punk and then something by gorillaz",
                  "Playing Get Lucky by Daft Punk.", "music") == 1  # none of its words echoed
    assert missed("play bowie and then some queen", "Playing Heroes by David Bowie, then Queen.", "music") == 0
    assert missed("play some 80s rock", song, "music") == 0
