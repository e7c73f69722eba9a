"""Play music from the offline catalog."""
from __future__ import annotations

from collections.abc import Collection
from dataclasses import dataclass
from datetime import date
from typing import Protocol

from preferences.catalogs.music import ARTISTS, ARTISTS_BY_NAME, GENRES, artists_for
from preferences.skills.base import SkillReply, stable_number


@dataclass(frozen=True)
class Playback:
    artist: str
    track: str
    genre: str


class MusicProvider(Protocol):
    def play(self, genre: str | None, artist: str | None, avoid: Collection[str] = ()) -> Playback: ...


class CatalogMusicProvider:
    """Picks a real track from the catalog; rotates daily so it is not always the same song."""

    def __init__(self, today: date | None = None) -> None:
        self._today = today

    def play(self, genre: str | None, artist: str | None, avoid: Collection[str] = ()) -> Playback:
        if artist and artist in ARTISTS_BY_NAME:
            pool = [ARTISTS_BY_NAME[artist]]
        elif genre and genre in GENRES:
            pool = artists_for(genre)
        else:
            pool = [a for a in ARTISTS if a.genre not in avoid] or list(ARTISTS)
        day = (self._today or date.today()).isoformat()
        chosen = pool[stable_number(genre, artist, day, modulo=len(pool))]
        track = chosen.tracks[stable_number(chosen.name, day, modulo=len(chosen.tracks))]
        return Playback(chosen.name, track, chosen.genre)


def play_music(provider: MusicProvider, genre: str | None = None, artist: str | None = None,
               avoid: Collection[str] = ()) -> SkillReply:
    """Reply for a music request; the caller has already normalised genre/artist."""
    p = provider.play(genre, artist, avoid)
    if artist:
        text = f"Playing {p.track} by {p.artist}."
    elif genre:
        text = f"Playing some {genre}: {p.track} by {p.artist}."
    else:
        text = f"Here's something you might like: {p.track} by {p.artist} ({p.genre})."
    return SkillReply(text, {"genre": p.genre, "artist": p.artist, "track": p.track})
