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


# --- the skill, declared once ------------------------------------------------------------------------
from typing import TYPE_CHECKING  # noqa: E402

from preferences.catalogs import normalize  # noqa: E402
from preferences.catalogs.music import normalize_artist, normalize_genre  # noqa: E402
from preferences.personalization import Choice, reason_for  # noqa: E402
from preferences.skills.base import Entities, Question, Skill, Slot, first, with_choices  # noqa: E402

if TYPE_CHECKING:
    from preferences.service import AssistantService


def reply(service: AssistantService, user: str, entities: Entities, utterance: str | None = None) -> SkillReply:
    artist_text, genre_text = first(entities, "artist"), first(entities, "genre")
    artist = normalize("artist", artist_text) if artist_text else None
    genre = normalize("genre", genre_text) if genre_text else None
    if artist_text and not artist and not genre:
        return SkillReply(f"I don't have any music by {artist_text} in my catalog yet.",
                          {"unknown_artist": artist_text})
    if genre_text and not genre and not artist:
        return SkillReply(f"I don't know the genre \"{genre_text}\" yet. Try jazz, rock, pop or classical.",
                          {"unknown_genre": genre_text})
    if genre or artist:
        return with_choices(play_music(service.provider("play_music"), genre=genre, artist=artist), [])
    profile = service.profile(user)
    avoid = profile.avoided("genre")
    fav = profile.favourite("genre")
    if fav and fav.value not in avoid:
        reason = reason_for(fav, "music")
        return with_choices(play_music(service.provider("play_music"), genre=fav.value),
                            [Choice("genre", fav.value, reason)], f"Playing {fav.value}, {reason}.")
    fav_artist = profile.favourite("artist")
    if fav_artist:
        reason = reason_for(fav_artist, "artist")
        return with_choices(play_music(service.provider("play_music"), artist=fav_artist.value),
                            [Choice("artist", fav_artist.value, reason)],
                            f"Playing {fav_artist.value}, {reason}.")
    reply = play_music(service.provider("play_music"), avoid=avoid)
    if avoid:
        return with_choices(reply, [Choice("genre", g, "you told me you don't like it") for g in sorted(avoid)],
                            f"Avoiding {', '.join(sorted(avoid))}, as you asked.")
    return with_choices(reply, [])


SKILLS = (
    Skill(name="play_music", intent="play_music", action="action_play_music", reply=reply,
          provider=CatalogMusicProvider, hint="Which music did you want? A genre or an artist is enough.",
          teaches=("genre", "artist"), answers=("genre", "artist"),
          slots=(Slot("genre", "music", "genre", normalize=normalize_genre, order=10),
                 Slot("artist", "music", "artist", normalize=normalize_artist, order=20)),
          questions=(Question("genre", "What kind of music do you like?", order=10),),
          examples=("play some jazz", "play something by Adele")),
)
