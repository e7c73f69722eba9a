"""Play music from the offline catalog (`preferences.catalogs.music`: reference data plus classics).

Honesty rule: a genre the catalog cannot play is never swapped silently. The
provider falls back to the closest genre it has (bluegrass -> country when
no bluegrass artist is left), and the reply says so whenever what plays is
not what was asked for or liked.
"""
from __future__ import annotations

from collections.abc import Collection
from dataclasses import dataclass
from datetime import date
from typing import Protocol

from preferences.catalogs import music as catalog
from preferences.skills.base import SkillReply, stable_number


@dataclass(frozen=True)
class Playback:
    artist: str
    track: str
    genre: str  # what plays: the genre asked for, the closest one the provider has, or the artist's own


# Picks come from the best known artists (the catalog keeps about 3,000, most of them one-hit acts):
# the 30 of a genre, or the 300 of all, rotated by day.
GENRE_POOL = 30
ANY_POOL = 300


class MusicProvider(Protocol):
    def play(self, genre: str | None, artist: str | None, avoid: Collection[str] = (),
             after: tuple[str, str] | None = None) -> Playback:
        """A track for the genre or artist; with `after` (artist, track: what plays now), the one after it."""
        ...


class CatalogMusicProvider:
    """Picks a real track from the catalog; rotates daily so it is not always the same song."""

    def __init__(self, today: date | None = None) -> None:
        self._today = today

    def play(self, genre: str | None, artist: str | None, avoid: Collection[str] = (),
             after: tuple[str, str] | None = None) -> Playback:
        avoided = catalog.avoid_set(set(avoid))
        found = catalog.artist(artist) if artist else None
        playing = catalog.closest_playable(genre).played if genre and not found else None
        if found:
            pool = [found]
        elif playing:
            pool = list(catalog.best_known_for(playing, GENRE_POOL))
        else:
            everyone = catalog.best_known_for(None, ANY_POOL)
            pool = [a for a in everyone if not catalog.avoided_by(a, avoided)] or list(everyone)
        day = (self._today or date.today()).isoformat()
        start = stable_number(genre, artist, day, modulo=len(pool))
        chosen = pool[start]
        track = chosen.tracks[stable_number(chosen.name, day, modulo=len(chosen.tracks))]
        if after is not None:
            chosen, track = _next_in_rotation(pool[start:] + pool[:start], day, after)
        return Playback(chosen.name, track, playing or (chosen.genres[0] if chosen.genres else "music"))


def _next_in_rotation(order: list[catalog.Artist], day: str,
                      after: tuple[str, str]) -> tuple[catalog.Artist, str]:
    """The pick after `after` in the day's rotation: each artist's track of the day, then each one's next, ...

    "Skip" then moves through the genre's artists before it repeats one, and through an artist's tracks
    when the pool is that one artist; a track not in the rotation (the day changed) starts it over.
    """
    rotation = [(a, a.tracks[(stable_number(a.name, day, modulo=len(a.tracks)) + k) % len(a.tracks)])
                for k in range(max(len(a.tracks) for a in order)) for a in order if k < len(a.tracks)]
    now = next((i for i, (a, t) in enumerate(rotation) if (a.name, t) == after), -1)
    for step in range(1, len(rotation) + 1):
        artist, track = rotation[(now + step) % len(rotation)]
        if (artist.name, track) != after:
            return artist, track
    return rotation[0]


def play_music(provider: MusicProvider, genre: str | None = None, artist: str | None = None,
               avoid: Collection[str] = (), asked: str | None = None) -> SkillReply:
    """Reply for a music request; the caller has already normalised genre/artist.

    ``asked`` is the user's own words when they name no catalog genre and
    ``genre`` is only the closest one ("swedish death metal" -> death metal).
    """
    p = provider.play(genre, artist, avoid)
    wanted = asked or genre
    if artist:
        text = f"Playing {p.track} by {p.artist}."
    elif genre and p.genre == wanted:
        text = f"Playing some {genre}: {p.track} by {p.artist}."
    elif genre:
        text = f"I don't have any {wanted} yet, so here's some {p.genre}, the closest I have: {p.track} by {p.artist}."
    else:
        text = f"Here's something you might like: {p.track} by {p.artist} ({p.genre})."
    facts = {"genre": p.genre, "artist": p.artist, "track": p.track}
    if wanted and not artist and p.genre != wanted:
        facts["asked_genre"] = wanted
    return SkillReply(text, facts)


# --- the skill, declared once ------------------------------------------------------------------------
from typing import TYPE_CHECKING  # noqa: E402

from preferences.catalogs import normalize  # noqa: E402
from preferences.personalization import Choice, Profile, reason_for  # noqa: E402
from preferences.records import Preference  # noqa: E402
from preferences.resolution import How, ResolvedEntity  # noqa: E402
from preferences.skills.base import Entities, Question, Skill, Slot, first, with_choices, with_resolutions  # noqa: E402

if TYPE_CHECKING:
    from preferences.service import AssistantService


def genre_resolution(match: catalog.GenreMatch) -> ResolvedEntity:
    """What genre words come to: the genre that plays, exact only when it is the one the words name."""
    if match.played is None:
        return ResolvedEntity("genre", match.words, None, (), How.UNKNOWN)
    exact = match.exact and match.played == match.genre
    return ResolvedEntity("genre", match.words, match.played, (), How.EXACT if exact else How.CLOSEST)


def _requested(service: AssistantService, artist_text: str | None, genre_text: str | None) -> SkillReply:
    """A request that names a genre or an artist: play it, the closest thing, or say plainly we can't."""
    artist = normalize("artist", artist_text) if artist_text else None
    match = catalog.closest_playable(genre_text) if genre_text and not artist else None
    resolved = (ResolvedEntity.named("artist", artist_text, artist) if artist_text else None,
                genre_resolution(match) if match is not None else None)  # a genre beside a known artist is unread
    if artist:
        return with_resolutions(with_choices(play_music(service.provider("play_music"), artist=artist), []), resolved)
    if match is not None and match.played:
        asked = None if match.exact else genre_text
        played = play_music(service.provider("play_music"), genre=match.genre, asked=asked)
        return with_resolutions(with_choices(played, []), resolved)
    if genre_text:
        return with_resolutions(SkillReply(f"I don't know the genre \"{genre_text}\" yet, and nothing I have is "
                                           "close to it. Try jazz, rock, pop or classical.",
                                           {"unknown_genre": genre_text}), resolved)
    return with_resolutions(SkillReply(f"I don't have any music by {artist_text} in my catalog yet.",
                                       {"unknown_artist": artist_text}), resolved)


def _liked_genre(profile: Profile, avoid: frozenset[str]
                 ) -> tuple[catalog.GenreMatch | None, Preference | None, list[str]]:
    """The first liked genre with something to play, its preference, and liked values with nothing close.

    Unrecognised values count too: the store keeps what the catalog did not
    know (older rows, or genres it never will), and they must still decide.
    """
    nothing_close: list[str] = []
    for pref in profile.likes.get("genre", []):
        match = catalog.closest_playable(pref.value)
        if match.played is None:
            nothing_close.append(pref.value)
        elif match.genre not in avoid:
            return match, pref, nothing_close
    return None, None, nothing_close


def _from_profile(service: AssistantService, profile: Profile) -> SkillReply:
    """ "play some music": the liked genre (or its closest relative), a liked artist, or a pick that avoids dislikes."""
    provider = service.provider("play_music")
    avoid = catalog.avoid_set(profile.avoided("genre"))
    match, pref, nothing_close = _liked_genre(profile, avoid)
    if match is not None:
        name, reason = (match.genre if match.exact else pref.value), reason_for(pref, "music")
        played = play_music(provider, genre=match.genre, asked=None if match.exact else pref.value)
        verb = "Looking for" if "asked_genre" in played.facts else "Playing"  # the reply then says what instead
        return with_resolutions(with_choices(played, [Choice("genre", name, reason)], f"{verb} {name}, {reason}."),
                                [ResolvedEntity("genre", None, match.played, (), How.PREFERENCE)])
    missing = list(nothing_close)
    for pref in profile.likes.get("artist", []):
        artist = catalog.normalize_artist(pref.value)
        if artist is None:
            missing.append(f"music by {pref.value}")
            continue
        reason = reason_for(pref, "artist")
        return with_resolutions(with_choices(play_music(provider, artist=artist), [Choice("artist", artist, reason)],
                                             f"Playing {artist}, {reason}."),
                                [ResolvedEntity("artist", None, artist, (), How.PREFERENCE)])
    reply = play_music(provider, avoid=avoid)
    choices = [Choice("genre", g, "you told me you don't like it") for g in sorted(avoid)]
    lead = f"Avoiding {', '.join(sorted(avoid))}, as you asked." if avoid else None
    if missing:
        honest = (f"You told me you like {missing[0]}, but I don't have any of it or anything close to it yet, "
                  "so this is something else.")
        lead = f"{honest} {lead}" if lead else honest
    return with_choices(reply, choices, lead)


def _song(service: AssistantService, title: str, artist_text: str | None) -> SkillReply:
    """A song asked for by title: that track when the catalog has it, else say so and play the artist if known."""
    found = catalog.track(title, artist_text)
    artist = normalize("artist", artist_text) if artist_text else None
    resolved = (ResolvedEntity.named("song", title, found[1] if found else None),
                ResolvedEntity.named("artist", artist_text, artist) if artist_text else None)
    if found is not None:
        who, name = found
        return with_resolutions(SkillReply(f"Playing {name} by {who.name}.", {
            "artist": who.name, "track": name, "genre": who.genres[0] if who.genres else "music"}), resolved)
    if artist is None:
        return with_resolutions(SkillReply(f"I don't have \"{title}\" in my catalog yet. Tell me the artist, or a "
                                           "genre, and I'll play something close.", {"unknown_track": title}),
                                resolved)
    played = play_music(service.provider("play_music"), artist=artist)
    return with_resolutions(SkillReply(f"I don't have \"{title}\" yet, so here's something else by {artist}: "
                                       + played.text.removeprefix("Playing "), played.facts | {"unknown_track": title}),
                            resolved)


def resolve_named(entity: str, words: str) -> ResolvedEntity | None:
    """What a request naming `words` as `entity` resolves to here, for a user with no preferences."""
    if entity == "genre":
        return genre_resolution(catalog.closest_playable(words))
    if entity == "artist":
        return ResolvedEntity.named("artist", words, normalize("artist", words))
    if entity == "song":
        found = catalog.track(words)
        return ResolvedEntity.named("song", words, found[1] if found else None)
    return None


def reply(service: AssistantService, user: str, entities: Entities, utterance: str | None = None) -> SkillReply:
    artist_text, genre_text = first(entities, "artist"), first(entities, "genre")
    song = first(entities, "song")
    if song:
        return _song(service, song, artist_text)
    if artist_text or genre_text:
        return _requested(service, artist_text, genre_text)
    return _from_profile(service, service.profile(user))


SKILLS = (
    Skill(name="play_music", intent="play_music", action="action_play_music", reply=reply,
          provider=CatalogMusicProvider, hint="Which music did you want? A genre or an artist is enough.",
          teaches=("genre", "artist"), answers=("genre", "artist"), follows=("genre", "artist"),
          slots=(Slot("genre", "music", "genre", normalize=catalog.normalize_genre, order=10),
                 Slot("artist", "music", "artist", normalize=catalog.normalize_artist, order=20)),
          questions=(Question("genre", "What kind of music do you like?", order=10),),
          examples=("play some jazz", "play something by Adele"), resolves=resolve_named),
)
