"""The judge reads what the assistant did from its reply, and ignores what it says about itself."""
from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from preferences.catalogs import music
from preferences.catalogs.places import candidates
from preferences.skills.music import Playback, play_music
from preferences.skills.weather import OfflineWeatherProvider, weather_report
from simulator.judge import judge, observe
from simulator.world import Goal, GoalKind

pytestmark = pytest.mark.unit

ARTISTS = [a for a in music.all_artists()[:400] if a.tracks]


class Fixed:
    """A music provider that plays what the test says (the skill's own reply text is what is judged)."""

    def __init__(self, artist: str, track: str) -> None:
        self.playback = Playback(artist, track, "pop")

    def play(self, genre, artist, avoid=(), after=None):  # noqa: ANN001 - the MusicProvider protocol
        return self.playback


@given(st.sampled_from(ARTISTS), st.data())
@settings(max_examples=150, deadline=None)
def test_the_skills_own_replies_are_read_back_exactly(artist: music.Artist, data: st.DataObject) -> None:
    """Whatever the catalog plays, the judge recovers that artist and track from the real reply text."""
    track = data.draw(st.sampled_from(artist.tracks))
    reply = play_music(Fixed(artist.name, track), artist=artist.name).text
    seen = observe([reply])
    assert (seen.artist, seen.track) == (artist.name, track)
    assert judge(Goal(GoalKind.ARTIST, artist=artist.name), [reply]).success
    assert judge(Goal(GoalKind.SONG, artist=artist.name, track=track), [reply]).success
    other = next(a for a in ARTISTS if a.name != artist.name)
    assert not judge(Goal(GoalKind.ARTIST, artist=other.name), [reply]).success


def test_genre_and_fallback_replies() -> None:
    reply = play_music(Fixed("Miles Davis", "So What"), genre="jazz").text  # "Playing some jazz: So What by ..."
    assert observe([reply]).artist == "Miles Davis" and observe([reply]).track == "So What"
    unknown = "I don't have any music by maj and dragons in my catalog yet."
    verdict = judge(Goal(GoalKind.ARTIST, artist="Imagine Dragons"), [unknown])
    assert not verdict.success and verdict.reason == "nothing done"
    assert judge(Goal(GoalKind.ARTIST, artist="Adele"),
                 ["Sorry, I didn't quite get that. Could you say it another way?"]).reason == "nothing done"


def test_a_rewrite_note_is_not_an_action() -> None:
    """ "(I took X as Y ...)" names requests; a reply that only says it is no success."""
    note = '(I took "play bee tells" as "play the beatles by The Beatles", which is what people who say that usually mean.)'
    assert not judge(Goal(GoalKind.ARTIST, artist="The Beatles"), ["Sorry, I didn't get that.", note]).success
    played = ["Playing Hey Jude by The Beatles.", note]
    assert judge(Goal(GoalKind.ARTIST, artist="The Beatles"), played).success


def test_a_film_is_not_the_music_asked_for() -> None:
    reply = ["Playing the film Purple Rain by Prince on this screen, since this device has one."]
    assert not judge(Goal(GoalKind.ARTIST, artist="Prince"), reply).success


def test_wrong_track_by_the_right_artist_fails_a_song_goal() -> None:
    reply = ["I don't have \"Helo\" yet, so here's something else by Adele: Rolling in the Deep by Adele."]
    seen = observe(reply)
    assert (seen.artist, seen.track) == ("Adele", "Rolling in the Deep")
    assert judge(Goal(GoalKind.SONG, artist="Adele", track="Hello"), reply).reason == "wrong track"


def test_dotted_names_are_read_whole() -> None:
    reply = ["Playing Middle Child by J. Cole."]
    if music.artist("J. Cole") is not None:
        assert observe(reply).artist == "J. Cole"


@pytest.mark.parametrize("name", ["Springfield", "Portland", "Columbus", "Paris", "London"])
def test_forecasts_are_judged_by_their_city(name: str) -> None:
    found = candidates(name)
    provider = OfflineWeatherProvider()
    from datetime import date

    reply = weather_report(provider, found[0], date(2024, 5, 1)).text
    assert judge(Goal(GoalKind.WEATHER, city=found[0].key), [reply]).success
    if len(found) > 1:
        wrong = judge(Goal(GoalKind.WEATHER, city=found[1].key), ["Using it, as you asked.", reply])
        assert not wrong.success and wrong.reason == "wrong city"
        assert wrong.observed.place == found[0].label


def test_questions_are_noticed() -> None:
    assert observe(["Playing Hello by Adele. Did I get that right?"]).asks
    assert observe(["Sorry about that. What did you mean? Which music did you want?"]).asks
    assert not observe(["Playing Hello by Adele."]).asks
