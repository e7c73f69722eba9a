"""Did the assistant do what the user wanted? Read from what it did, never from what it says about itself.

The reply is read the way a listener would: which song by which artist
started ("Playing Believer by Imagine Dragons."), which city the forecast
is for ("In Springfield, Illinois it's sunny ..."). The assistant's own
labels (outcomes, "I took X as Y", "Did I get that right?") are ignored:
a rewrite note names the target request, not what was done, and judging by
it would let the assistant grade itself.
"""
from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass
from functools import lru_cache

from preferences.catalogs import music
from simulator.world import Goal, GoalKind, city

# A rewrite disclosure, stripped before reading: it quotes requests, not actions.
_NOTES = re.compile(r"\(I took \".*?\" as \".*?\"[^)]*\)")
_FORECAST = re.compile(r"\bIn (?P<place>[^.]+?) it's ")
# The title is what follows "Playing " or ": " (or "else by X: ") up to " by <artist>".
_TRACK_START = re.compile(r"(?:Playing |: )(?P<track>[^:]*)$")


@dataclass(frozen=True)
class Observation:
    """What the assistant did in one turn, as far as a listener can tell."""

    artist: str | None = None
    track: str | None = None
    place: str | None = None  # City.label ("Springfield, Illinois")
    asks: bool = False  # the reply asks the user something (a repair question or "Did I get that right?")

    def to_json(self) -> dict[str, object]:
        return {"artist": self.artist, "track": self.track, "place": self.place, "asks": self.asks}


@dataclass(frozen=True)
class Verdict:
    success: bool
    observed: Observation
    reason: str  # "ok", "nothing done", "wrong artist", ... (for the report's breakdown)


@lru_cache(maxsize=1)
def _artist_names() -> frozenset[str]:
    return frozenset(a.name for a in music.all_artists())


@lru_cache(maxsize=1)
def _longest_name() -> int:
    return max(len(n) for n in _artist_names())


def _artist_at(text: str, start: int) -> str | None:
    """The longest catalog artist name that `text` spells from `start` (names may hold dots: "J. Cole")."""
    names = _artist_names()
    best = None
    for end in range(start + 1, min(len(text), start + _longest_name()) + 1):
        if (end == len(text) or not text[end].isalnum()) and text[start:end] in names:
            best = text[start:end]
    return best


def _track_before(text: str, artist: str) -> str | None:
    """The title that ends `text`: the longest of the artist's catalog tracks that it ends with (titles may
    hold ": " or " by "), else what follows the last "Playing " or ": "."""
    found = music.artist(artist)
    lowered = text.casefold()
    for title in sorted(found.tracks if found else (), key=len, reverse=True):
        if lowered.endswith(title.casefold()) and (len(text) == len(title) or not text[-len(title) - 1].isalnum()):
            return text[-len(title):]
    before = _TRACK_START.search(text)
    return before.group("track").strip() if before else None


def _playback(text: str) -> tuple[str | None, str | None]:
    """(track, artist) of the first "<track> by <artist>" a reply announces (an artist alone if no title)."""
    first_artist = None
    for m in re.finditer(r" by ", text):
        who = _artist_at(text, m.end())
        if who is None:
            continue
        track = _track_before(text[: m.start()], who)
        if track:
            return track, who
        first_artist = first_artist or who
    return None, first_artist


def observe(replies: Sequence[str]) -> Observation:
    """What the bot's messages of one turn show it did."""
    text = _NOTES.sub("", " ".join(replies))
    track, artist = _playback(text)
    if re.search(r"Playing the (?:film|audiobook) ", text):  # a film or a book is not the music asked for
        track, artist = None, None
    forecast = _FORECAST.search(text)
    asks = text.rstrip().endswith("?") or "What did you mean?" in text or "Did I get that right?" in text
    return Observation(artist, track, forecast.group("place").strip() if forecast else None, asks)


def judge(goal: Goal, replies: Sequence[str]) -> Verdict:
    """Success when what the assistant did is the goal: the artist, the track by its artist, the city."""
    seen = observe(replies)
    if goal.kind is GoalKind.WEATHER:
        want = city(goal.city or "").label
        if seen.place is None:
            return Verdict(False, seen, "nothing done")
        return Verdict(seen.place == want, seen, "ok" if seen.place == want else "wrong city")
    if seen.artist is None:
        return Verdict(False, seen, "nothing done")
    if seen.artist != goal.artist:
        return Verdict(False, seen, "wrong artist")
    if goal.kind is GoalKind.SONG and (seen.track or "").casefold() != (goal.track or "").casefold():
        return Verdict(False, seen, "wrong track")
    return Verdict(True, seen, "ok")
