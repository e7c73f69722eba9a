"""Names the tagger cut short are completed from the real catalogs; nothing else moves."""
from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from rasa.shared.nlu.constants import ENTITIES, TEXT
from rasa.shared.nlu.training_data.message import Message

from preferences.catalogs.spans import MAX_EXTRA_WORDS, Span, complete
from rasa_components.catalog_spans import CatalogSpanCompleter


def _span(text: str, words: str) -> Span:
    start = text.index(words)
    return Span(start, start + len(words))


@pytest.mark.parametrize("text, tagged, entity, whole", [
    ("play elton john", "elton", "artist", "elton john"),
    ("play elton john.", "elton", "artist", "elton john"),  # not the full stop
    ("play imagine dragons", "dragons", "artist", "imagine dragons"),  # a late start
    ("play earth wind and fire please", "earth", "artist", "earth wind and fire"),
    ("play cruel summer by taylor swift", "cruel", "song", "cruel summer"),
    ("put on some hip hop", "hip", "genre", "hip hop"),  # the name, not "some hip hop"
    ("play rock and roll", "rock", "genre", "rock and roll"),  # a name grows into a longer name
])
def test_a_cut_name_becomes_the_catalog_name_around_it(text: str, tagged: str, entity: str, whole: str) -> None:
    got = complete(text, _span(text, tagged), entity)
    assert text[got.start:got.end] == whole


@pytest.mark.parametrize("text, tagged, entity", [
    ("play queen bohemian rhapsody", "queen", "artist"),  # a name already, and no longer one around it
    ("play drake in the kitchen", "drake", "artist"),
    ("play some jazz music", "jazz", "genre"),  # "jazz music" is the same name in more words
    ("play zzyzx band", "zzyzx", "artist"),  # unknown: the user's words stay
    ("what's the weather in elton john", "elton", "city"),  # no catalog for the type
])
def test_what_nothing_completes_stays_as_tagged(text: str, tagged: str, entity: str) -> None:
    assert complete(text, _span(text, tagged), entity) == _span(text, tagged)


def test_a_name_never_grows_into_another_entity() -> None:
    text = "play elton john"
    assert complete(text, _span(text, "elton"), "artist", others=[_span(text, "john")]) == _span(text, "elton")


@settings(max_examples=200, deadline=None)
@given(st.lists(st.sampled_from(["play", "elton", "john", "the", "hip", "hop", "rock", "and", "roll", "in",
                                 "kitchen", "some", "queen", "x", "!", "..."]), min_size=1, max_size=9),
       st.data())
def test_a_completion_contains_the_tagged_words_and_adds_few(words: list[str], data: st.DataObject) -> None:
    text = " ".join(words)
    i = data.draw(st.integers(0, len(words) - 1))
    start = sum(len(w) + 1 for w in words[:i])
    span = Span(start, start + len(words[i]))
    got = complete(text, span, data.draw(st.sampled_from(["artist", "genre", "song"])))
    assert got.start <= span.start and got.end >= span.end
    assert len(text[got.start:got.end].split()) <= 1 + MAX_EXTRA_WORDS


def test_the_component_completes_listed_types_and_says_so() -> None:
    text = "play elton john in the living room"
    entities = [{"entity": "artist", "start": 5, "end": 10, "value": "elton", "extractor": "DIETClassifier"},
                {"entity": "room", "start": 23, "end": 34, "value": "living room", "extractor": "DIETClassifier"}]
    [message] = CatalogSpanCompleter({"entities": ["artist"]}).process([Message(data={TEXT: text,
                                                                                      ENTITIES: entities})])
    artist, room = message.get(ENTITIES)
    assert (artist["value"], artist["start"], artist["end"]) == ("elton john", 5, 15)
    assert artist["processors"] == ["CatalogSpanCompleter"] and artist["extractor"] == "DIETClassifier"
    assert room == entities[1]


def test_the_component_leaves_unlisted_types_and_odd_entities_alone() -> None:
    text = "play hip hop"
    entities = [{"entity": "genre", "start": 5, "end": 8, "value": "hip"}, {"entity": "artist", "value": "x"}]
    [message] = CatalogSpanCompleter({"entities": ["artist"]}).process([Message(data={TEXT: text,
                                                                                      ENTITIES: entities})])
    assert message.get(ENTITIES) == entities
