"""'Skip' and 'stop' while music plays and no guided Q&A runs: the next track, or silence (dialogue/guided_qa.py)."""
from __future__ import annotations

import re
from datetime import date

from preferences.dialogue import Conversation, State
from preferences.skills.music import CatalogMusicProvider

from .chat import Chat

_PLAYING = re.compile(r"(?:Playing|Now playing) (?:some [\w ]+: )?(.+) by (.+?)\.")


def _track(reply: str) -> tuple[str, str]:
    found = _PLAYING.search(reply)
    assert found, reply
    return found.group(1), found.group(2)


def test_skip_while_an_artist_plays_moves_to_another_of_their_tracks(conv: Conversation) -> None:
    chat = Chat(conv)
    first = _track(chat.request("play_music", "play some adele", {"artist": ["Adele"]}))
    assert first[1] == "Adele"
    seen = [first]
    for _ in range(2):
        reply = chat.do("guided_qa", "next song", "skip")
        assert reply.startswith("Skipping.")
        seen.append(_track(reply))
    assert all(artist == "Adele" for _, artist in seen)
    assert len({track for track, _ in seen}) == 3  # three different tracks, not the same one again


def test_skip_in_a_genre_moves_through_its_artists(conv: Conversation) -> None:
    chat = Chat(conv)
    first = _track(chat.request("play_music", "play some jazz", {"genre": ["jazz"]}))
    second = _track(chat.do("guided_qa", "skip this one", "skip"))
    assert second != first and chat.state.playing and chat.state.playing["genre"] == "jazz"


def test_stop_silences_the_music_and_a_second_stop_has_nothing_to_stop(conv: Conversation) -> None:
    chat = Chat(conv)
    chat.request("play_music", "play some jazz", {"genre": ["jazz"]})
    assert chat.do("guided_qa", "stop", "stop") == "OK, I've stopped the music."
    assert chat.state.playing is None
    assert "not in the middle of anything" in chat.do("guided_qa", "stop", "stop")
    assert "not in the middle of anything" in chat.do("guided_qa", "skip", "skip")


def test_the_guided_qa_keeps_its_own_skip_while_music_plays(conv: Conversation) -> None:
    chat = Chat(conv)
    chat.request("play_music", "play some jazz", {"genre": ["jazz"]})
    chat.do("guided_qa", "learn my preferences", "start")
    assert "Which sports team" in chat.do("guided_qa", "skip", "skip")  # the question is skipped, not the song


def test_what_plays_survives_the_slot_and_a_tampered_value_is_dropped() -> None:
    state = State(playing={"artist": "Adele", "track": "Hello", "genre": "pop", "by": "artist"})
    assert State.from_json(state.to_json()).playing == state.playing
    assert State.from_json('{"playing": {"artist": 3}}').playing is None


def test_the_rotation_wraps_for_a_one_track_pool_and_restarts_for_an_unknown_track() -> None:
    provider = CatalogMusicProvider(today=date(2026, 12, 7))
    now = provider.play(None, "Adele")
    after = provider.play(None, "Adele", after=(now.artist, now.track))
    assert after.artist == "Adele" and after.track != now.track
    assert provider.play(None, "Adele", after=("Nobody", "Unknown")).artist == "Adele"
