"""Rasa adapter for preferences.catalogs.spans: entities the tagger cut short are completed from the catalog.

Runs after DIET and the entity joiner, before the synonym mapper, on the
types listed in `entities` (default artist, genre, song, city). A completed
entity gets the new span and value, entities of its type it swallowed are
dropped, and with `songs_of_artists` a catalog track of a recognised artist
said word for word becomes the song (what the tagger made of those words is
dropped). With `find_artists_for` (intents, default play_music), a request
of those intents in which the tagger found no artist, genre or song gets
the artist whose catalog name it says word for word ("play chris brown"),
or else the genre it names ("play some zydeco"), or else the track whose
title it says ("play 7 rings"); the words after "by" right after a title
are the artist, catalogued or not ("play [clair de lune](song) by
debussy"); an entity of such a request whose words its
type's catalog does not know but another music catalog does takes that type
("play [bhangra](artist)" is the genre). With `find_cuisines_for` (default
find_restaurant), a request of those intents with no cuisine tagged gets the
cuisine or dish it names ("momos near me"), and a number the tagger gave
the wrong role takes the one its preposition says ("a table for 4 [at
7](time)"). Both defaults were measured on
a development set written blind to the data (docs/benchmarks.md).
Changed or added entities name this component in their `processors` (added
ones also as `extractor`), so the log shows what was changed.
"""
from __future__ import annotations

from typing import Any, Dict, List, Optional, Text

from rasa.engine.recipes.default_recipe import DefaultV1Recipe
from rasa.shared.nlu.constants import ENTITIES, INTENT, TEXT
from rasa.shared.nlu.training_data.message import Message

from preferences.catalogs import music
from preferences.catalogs.bookings import booking_role
from preferences.catalogs.spans import (Span, artist_after_title, artist_in, complete, cuisine_in, genre_in,
                                        music_type, song_in, song_of)
from rasa_components.message_guard import ConfiguredComponent

Entity = Dict[Text, Any]
MUSIC = frozenset({"artist", "genre", "song"})
# What the tagger makes of a number in a booking request.
NUMBER_TYPES = frozenset({"party_size", "time", "level", "cuisine"})


def _span(entity: Entity) -> Optional[Span]:
    start, end = entity.get("start"), entity.get("end")
    return Span(start, end) if isinstance(start, int) and isinstance(end, int) and start < end else None


@DefaultV1Recipe.register([DefaultV1Recipe.ComponentType.ENTITY_EXTRACTOR], is_trainable=False)
class CatalogSpanCompleter(ConfiguredComponent):
    def __init__(self, config: Dict[Text, Any] | None = None) -> None:
        super().__init__(config)
        self._types = frozenset(self.config.get("entities") or self.get_default_config()["entities"])
        self._songs = bool(self.config.get("songs_of_artists", True))
        self._find_for = frozenset(self.config.get("find_artists_for", ["play_music"]) or ())
        self._cuisines_for = frozenset(self.config.get("find_cuisines_for", ["find_restaurant"]) or ())

    @staticmethod
    def get_default_config() -> Dict[Text, Any]:
        return {"entities": ["artist", "city", "genre", "song"], "songs_of_artists": True,
                "find_artists_for": ["play_music"], "find_cuisines_for": ["find_restaurant"]}

    def process(self, messages: List[Message]) -> List[Message]:
        for message in messages:
            entities = message.get(ENTITIES) or []
            text = message.get(TEXT)
            if not isinstance(text, str):
                continue
            completed = self.completed(entities, text) if entities else []
            intent = (message.get(INTENT) or {}).get("name")
            if intent in self._find_for:
                completed = self.retyped(completed, text)
                if not any(e.get("entity") in MUSIC for e in completed):
                    completed = self.with_artist(completed, text)
                completed = self.with_artist_of_title(completed, text)
            if intent in self._cuisines_for:
                completed = self.booking_numbers(completed, text)
                if not any(e.get("entity") == "cuisine" for e in completed):
                    completed = self.with_cuisine(completed, text)
            if self._songs and completed:
                completed = self.with_song(completed, text)
            if completed != entities:
                message.set(ENTITIES, completed, add_to_output=True)
        return messages

    def _changed(self, entity: Entity, span: Span, text: Text, **extra: Any) -> Entity:
        changed = dict(entity, start=span.start, end=span.end, value=text[span.start:span.end], **extra)
        changed["processors"] = [*entity.get("processors", []), type(self).__name__]
        return changed

    def completed(self, entities: List[Entity], text: Text) -> List[Entity]:
        out: List[Entity] = [dict(e) for e in entities]
        dropped: set[int] = set()
        for i, entity in enumerate(out):
            span = _span(entity)
            if i in dropped or span is None or entity.get("entity") not in self._types:
                continue
            live = [(j, _span(e), e.get("entity")) for j, e in enumerate(out) if j != i and j not in dropped]
            others = [s for _, s, kind in live if s is not None and kind != entity["entity"]]
            same = [s for _, s, kind in live if s is not None and kind == entity["entity"]]
            new = complete(text, span, entity["entity"], others, same)
            if new == span:
                continue
            out[i] = self._changed(entity, new, text)
            dropped |= {j for j, s, kind in live if s is not None and kind == entity["entity"] and new.covers(s)}
        return [e for j, e in enumerate(out) if j not in dropped]

    def with_song(self, entities: List[Entity], text: Text) -> List[Entity]:
        """A recognised artist's catalog track said word for word is the song; what overlaps it is dropped."""
        for entity in entities:
            span, found = _span(entity), music.artist(str(entity.get("value") or ""))
            if entity.get("entity") != "artist" or span is None or found is None:
                continue
            if any(e.get("entity") == "song" and music.track(str(e.get("value") or ""), found.name)
                   for e in entities):
                return entities  # the tagger found it already
            song = song_of(text, found.name, span)
            if song is None:
                continue
            kept = [e for e in entities if not ((s := _span(e)) is not None and s.overlaps(song))]
            added = self._changed({"entity": "song", "extractor": type(self).__name__}, song, text)
            return sorted([*kept, added], key=lambda e: e.get("start", 0))
        return entities

    def with_artist(self, entities: List[Entity], text: Text) -> List[Entity]:
        """The catalog artist, else the catalog track, said word for word in a music request where the
        tagger saw no name (a found artist's own track is looked for afterwards, by `with_song`)."""
        taken = [s for e in entities if (s := _span(e)) is not None]
        kind, found = "artist", artist_in(text, taken)
        if found is None:
            kind, found = "genre", genre_in(text, taken)
        if found is None:
            kind, found = "song", song_in(text, taken)
        return self._added(entities, kind, found, text)

    def with_artist_of_title(self, entities: List[Entity], text: Text) -> List[Entity]:
        """"<title> by <name>" with no artist tagged: the name is the artist, catalogued or not."""
        if any(e.get("entity") == "artist" for e in entities):
            return entities
        for entity in entities:
            span = _span(entity)
            if entity.get("entity") == "song" and span is not None:
                found = artist_after_title(text, span)
                if found is not None:  # what the tagger made of any of its words goes ("ac" of "ac dc")
                    return self._added(entities, "artist", found, text, partly=True)
        return entities

    def with_cuisine(self, entities: List[Entity], text: Text) -> List[Entity]:
        """The cuisine or dish said word for word in a restaurant request where the tagger saw none."""
        return self._added(entities, "cuisine", cuisine_in(text, [s for e in entities if (s := _span(e))]), text)

    def _added(self, entities: List[Entity], kind: Text, found: Optional[Span], text: Text,
               partly: bool = False) -> List[Entity]:
        """`entities` with a `kind` entity over `found`, without the ones it swallowed whole (`partly`: or
        in part)."""
        if found is None:
            return entities
        added = self._changed({"entity": kind, "extractor": type(self).__name__}, found, text)
        swallowed = found.overlaps if partly else found.covers
        kept = [e for e in entities if not ((s := _span(e)) is not None and swallowed(s))]
        return sorted([*kept, added], key=lambda e: e.get("start", 0))

    def booking_numbers(self, entities: List[Entity], text: Text) -> List[Entity]:
        """A number the tagger gave the wrong role in a booking: "at 7" is the time, "party of nine" the size."""
        out: List[Entity] = []
        for entity in entities:
            span = _span(entity)
            role = booking_role(text[:span.start], text[span.start:span.end]) \
                if span and entity.get("entity") in NUMBER_TYPES else None
            out.append(self._changed(dict(entity, entity=role), span, text)
                       if role and span and role != entity.get("entity") else entity)
        return out

    def retyped(self, entities: List[Entity], text: Text) -> List[Entity]:
        """Entities whose words another music catalog knows, and their own type's does not, take that type."""
        out: List[Entity] = []
        for entity in entities:
            span = _span(entity)
            kind = music_type(text[span.start:span.end], str(entity.get("entity"))) if span else None
            out.append(self._changed(dict(entity, entity=kind), span, text) if kind and span else entity)
        return out
