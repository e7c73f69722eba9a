"""Names the tagger cut short are completed from the real catalogs; nothing else moves."""
from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from rasa.shared.nlu.constants import ENTITIES, INTENT, TEXT
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
    ("what's the weather in aurora, ohio", "ohio", "city", "aurora, ohio"),  # one place, not a state
])
def test_a_cut_name_becomes_the_catalog_name_around_it(text: str, tagged: str, entity: str, whole: str) -> None:
    got = complete(text, _span(text, tagged), entity)
    assert text[got.start:got.end] == whole


@pytest.mark.parametrize("text, tagged, entity", [
    ("play queen bohemian rhapsody", "queen", "artist"),  # a name already, and no longer one around it
    ("play drake in the kitchen", "drake", "artist"),
    ("play some jazz music", "jazz", "genre"),  # "jazz music" is the same name in more words
    ("play zzyzx band", "zzyzx", "artist"),  # unknown: the user's words stay
    ("tell me about elton john", "elton", "team"),  # no catalog for the type
    ("what's the weather in springfield", "springfield", "city"),  # several places: left to the skill
    ("what's the weather in boston tomorrow", "boston", "city"),
])
def test_what_nothing_completes_stays_as_tagged(text: str, tagged: str, entity: str) -> None:
    assert complete(text, _span(text, tagged), entity) == _span(text, tagged)


def test_a_name_never_grows_into_another_entity() -> None:
    text = "play elton john"
    assert complete(text, _span(text, "elton"), "artist", others=[_span(text, "john")]) == _span(text, "elton")


def test_a_name_swallows_a_piece_of_its_own_type_whole() -> None:
    text = "play elton john"
    got = complete(text, _span(text, "elton"), "artist", same_type=[_span(text, "john")])
    assert text[got.start:got.end] == "elton john"


def _run(text: str, tagged: list[tuple[str, str]], config: dict | None = None) -> list[tuple[str, str]]:
    entities = []
    for kind, words in tagged:
        start = text.index(words)
        entities.append({"entity": kind, "start": start, "end": start + len(words), "value": words,
                         "extractor": "DIETClassifier"})
    [message] = CatalogSpanCompleter(config).process([Message(data={TEXT: text, ENTITIES: entities})])
    return [(e["entity"], e["value"]) for e in message.get(ENTITIES)]


@pytest.mark.parametrize("text, tagged, expected", [
    ("play elton john", [("artist", "elton"), ("artist", "john")], [("artist", "elton john")]),
    ("what's the weather in charleston, west virginia", [("city", "charleston"), ("city", "west virginia")],
     [("city", "charleston, west virginia")]),
    ("what's the weather in boston and chicago", [("city", "boston"), ("city", "chicago")],
     [("city", "boston"), ("city", "chicago")]),  # two places stay two
    # a recognised artist's track, said word for word, is the song whatever the tagger made of it
    ("play 7 rings by ariana grande", [("level", "7"), ("artist", "ariana grande")],
     [("song", "7 rings"), ("artist", "ariana grande")]),
    ("play last night by morgan wallen", [("time", "last night"), ("artist", "morgan wallen")],
     [("song", "last night"), ("artist", "morgan wallen")]),
    ("play hotline bling by drake", [("song", "hotline"), ("song", "bling"), ("artist", "drake")],
     [("song", "hotline bling"), ("artist", "drake")]),
    ("play music by madonna", [("artist", "madonna")], [("artist", "madonna")]),  # "Music" is a request word
    ("play some drake", [("artist", "drake")], [("artist", "drake")]),
])
def test_the_component_on_what_the_tagger_does(text: str, tagged: list, expected: list) -> None:
    assert _run(text, tagged) == expected


def test_songs_of_artists_can_be_switched_off() -> None:
    text = "play 7 rings by ariana grande"
    assert _run(text, [("level", "7"), ("artist", "ariana grande")], {"songs_of_artists": False}) == \
        [("level", "7"), ("artist", "ariana grande")]


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


@pytest.mark.parametrize("text, intent, expected", [
    ("play chris brown", "play_music", [("artist", "chris brown")]),
    ("play maroon 5 in the kitchen", "play_music", [("artist", "maroon 5")]),
    ("play 7 rings", "play_music", [("song", "7 rings")]),  # no artist said: the track whose title it is
    ("put on anti hero", "play_music", [("song", "anti hero")]),
    ("play some music", "play_music", []),  # request and stop words are never a name
    ("play it again", "play_music", []),
    ("play me a song", "play_music", []),
    ("i like chris brown", "state_preference", []),  # only the intents listed
])
def test_a_music_request_with_no_name_tagged_gets_the_artist_or_song_it_says(text: str, intent: str,
                                                                      expected: list) -> None:
    [message] = CatalogSpanCompleter({}).process([Message(data={TEXT: text, INTENT: {"name": intent},
                                                                ENTITIES: []})])
    found = message.get(ENTITIES) or []
    assert [(e["entity"], e["value"]) for e in found] == expected
    assert all(e["extractor"] == "CatalogSpanCompleter" and text[e["start"]:e["end"]] == e["value"]
               for e in found)


def test_a_tagged_name_is_never_second_guessed_by_the_artist_finder() -> None:
    text = "play jazz by the fireplace"
    [message] = CatalogSpanCompleter({}).process([Message(data={
        TEXT: text, INTENT: {"name": "play_music"},
        ENTITIES: [{"entity": "genre", "start": 5, "end": 9, "value": "jazz"}]})])
    assert [(e["entity"], e["value"]) for e in message.get(ENTITIES)] == [("genre", "jazz")]


def test_an_artist_found_untagged_brings_their_song_too() -> None:
    text = "play 7 rings by ariana grande"
    [message] = CatalogSpanCompleter({}).process([Message(data={TEXT: text, INTENT: {"name": "play_music"},
                                                                ENTITIES: []})])
    assert [(e["entity"], e["value"]) for e in message.get(ENTITIES)] == [("song", "7 rings"),
                                                                          ("artist", "ariana grande")]


def test_a_title_swallows_what_the_tagger_made_of_its_words_but_leaves_the_rest() -> None:
    text = "play 7 rings in the kitchen"
    entities = [{"entity": "level", "start": 5, "end": 6, "value": "7"},
                {"entity": "room", "start": 20, "end": 27, "value": "kitchen"}]
    [message] = CatalogSpanCompleter({}).process([Message(data={TEXT: text, INTENT: {"name": "play_music"},
                                                                ENTITIES: entities})])
    assert [(e["entity"], e["value"]) for e in message.get(ENTITIES)] == [("song", "7 rings"), ("room", "kitchen")]


def _process(text: str, intent: str, tagged: list[tuple[str, str]]) -> list[tuple[str, str]]:
    entities = []
    for kind, words in tagged:
        start = text.index(words)
        entities.append({"entity": kind, "start": start, "end": start + len(words), "value": words})
    [message] = CatalogSpanCompleter({}).process([Message(data={TEXT: text, INTENT: {"name": intent},
                                                                ENTITIES: entities})])
    found = message.get(ENTITIES) or []
    assert all(text[e["start"]:e["end"]] == e["value"] for e in found)
    return [(e["entity"], e["value"]) for e in found]


@pytest.mark.parametrize("text, tagged, expected", [
    ("play some zydeco music", [], [("genre", "zydeco")]),  # the genre, without the request word
    ("put on some highlife", [], [("genre", "highlife")]),
    ("play bhangra", [("artist", "bhangra")], [("genre", "bhangra")]),  # no artist of that name; a genre
    ("put on 10,000 maniacs", [("level", "10,000 maniacs")], [("artist", "10,000 maniacs")]),
    ("play phonk", [("cuisine", "phonk")], [("genre", "phonk")]),
    ("play queen", [("artist", "queen")], [("artist", "queen")]),  # its own catalog knows it: kept
    ("play jazz", [("genre", "jazz")], [("genre", "jazz")]),
    ("play music at 50 percent", [("level", "50")], [("level", "50")]),  # a number stays what it was
    ("play some jazz in the kitchen", [("genre", "jazz"), ("room", "kitchen")],
     [("genre", "jazz"), ("room", "kitchen")]),
    ("play music for a rainy day", [], []),  # no name at all: nothing invented
])
def test_a_music_request_gets_the_genre_it_says_and_names_take_the_type_their_catalog_gives(
        text: str, tagged: list, expected: list) -> None:
    assert _process(text, "play_music", tagged) == expected


def test_types_change_only_in_music_requests() -> None:
    assert _process("i like bhangra", "state_preference", [("artist", "bhangra")]) == [("artist", "bhangra")]


@pytest.mark.parametrize("text, tagged, expected", [
    ("momos near me", [], [("cuisine", "momos")]),  # a dish names its cuisine; the skill resolves it
    ("where do i get laksa in melbourne", [("city", "melbourne")], [("cuisine", "laksa"), ("city", "melbourne")]),
    ("sri lankan restaurant in london", [("city", "lankan"), ("city", "london")],
     [("cuisine", "sri lankan"), ("city", "london")]),  # swallows what the tagger misread, whole
    ("thai food in seattle", [("cuisine", "thai"), ("city", "seattle")],
     [("cuisine", "thai"), ("city", "seattle")]),  # tagged already: never second-guessed
    ("book a table for 4 at 7", [("party_size", "4")], [("party_size", "4")]),  # nothing to find
    ("find a restaurant in nice", [("city", "nice")], [("city", "nice")]),
])
def test_a_restaurant_request_with_no_cuisine_tagged_gets_the_cuisine_or_dish_it_says(
        text: str, tagged: list, expected: list) -> None:
    assert _process(text, "find_restaurant", tagged) == expected


@pytest.mark.parametrize("text, tagged, expected", [
    ("book a table for 4 at 7", [("party_size", "4"), ("party_size", "7")], [("party_size", "4"), ("time", "7")]),
    ("a table for a party of nine this sunday", [("cuisine", "nine")], [("party_size", "nine")]),
    ("tapas bar for 3 at 9", [("cuisine", "tapas"), ("party_size", "3"), ("party_size", "9")],
     [("cuisine", "tapas"), ("party_size", "3"), ("time", "9")]),
    ("table for two at 8pm", [("party_size", "two"), ("time", "8pm")], [("party_size", "two"), ("time", "8pm")]),
    ("book 4 seats", [("party_size", "4")], [("party_size", "4")]),  # nothing before it says otherwise
])
def test_a_number_in_a_booking_takes_the_role_its_preposition_says(text: str, tagged: list, expected: list) -> None:
    assert _process(text, "find_restaurant", tagged) == expected


@pytest.mark.parametrize("text, tagged, expected", [
    ("play take on me by a-ha", [("song", "take on me")], [("song", "take on me"), ("artist", "a-ha")]),
    ("play clair de lune by debussy", [("song", "clair de lune"), ("song", "debussy")],
     [("song", "clair de lune"), ("artist", "debussy")]),  # not in the catalog: still the user's artist
    ("play highway to hell by ac dc", [("song", "highway to hell"), ("device", "ac")],
     [("song", "highway to hell"), ("artist", "ac dc")]),
    ("play hello by adele in the kitchen", [("song", "hello"), ("room", "kitchen")],
     [("song", "hello"), ("artist", "adele"), ("room", "kitchen")]),
    ("play jazz by the fireplace", [("genre", "jazz")], [("genre", "jazz")]),  # no title before "by"
    ("play hello by adele", [("song", "hello"), ("artist", "adele")], [("song", "hello"), ("artist", "adele")]),
])
def test_the_name_after_a_title_and_by_is_its_artist(text: str, tagged: list, expected: list) -> None:
    assert _process(text, "play_music", tagged) == expected


@pytest.mark.parametrize("text, intent, expected", [
    # punctuation stuck to a name: the finder's trimmed span once lost its own words and raised, so Rasa
    # answered nothing to "blues, I guess"
    ("take me somewhere for mexican, i'm starving", "find_restaurant", [("cuisine", "mexican")]),
    ("blues, i guess", "play_music", [("genre", "blues")]),
    ("why jazz?", "play_music", [("genre", "jazz")]),
])
def test_names_with_punctuation_attached_are_found_not_fatal(text: str, intent: str, expected: list) -> None:
    [message] = CatalogSpanCompleter({}).process([Message(data={TEXT: text, INTENT: {"name": intent},
                                                                ENTITIES: []})])
    assert [(e["entity"], e["value"]) for e in message.get(ENTITIES) or []] == expected


@settings(max_examples=300, deadline=None)
@given(st.lists(st.one_of(st.sampled_from(["play", "blues,", "mexican,", "jazz?", "sri", "lankan", "music.",
                                           "hip", "hop!", "by", "elton", "john,", "7", "rings", "for", "at",
                                           "a", "table", "...", ",", "?", "momos", "zydeco", "the", "restaurant."]),
                          st.text(max_size=6)), max_size=10),
       st.sampled_from(["play_music", "find_restaurant", "ask_weather", "nlu_fallback"]))
def test_the_component_never_fails_on_any_words(words: list[str], intent: str) -> None:
    text = " ".join(words)
    [message] = CatalogSpanCompleter({}).process([Message(data={TEXT: text, INTENT: {"name": intent},
                                                                ENTITIES: []})])
    assert all(text[e["start"]:e["end"]] == e["value"] for e in message.get(ENTITIES) or [])
