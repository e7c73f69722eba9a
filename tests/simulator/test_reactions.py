"""Users react as people do: quiet after a success, repair or give up after a failure, never forever."""
from __future__ import annotations

import random
from dataclasses import replace

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from simulator.judge import Observation, Verdict
from simulator.population import make_population
from simulator.reactions import BARGE_IN_METADATA, Move, feedback, react

pytestmark = pytest.mark.unit

OK = Verdict(True, Observation(artist="Adele", track="Hello"), "ok")
WRONG_MUSIC = Verdict(False, Observation(artist="Queen", track="Bohemian Rhapsody"), "wrong artist")
WRONG_CITY = Verdict(False, Observation(place="Springfield, Missouri"), "wrong city")
NOTHING = Verdict(False, Observation(), "nothing done")


@pytest.fixture
def user(world):
    return make_population(world, 1, "u", 1)[0]


def moves(user, verdict: Verdict, n: int = 2000, made: int = 1) -> list[Move]:
    rng = random.Random(5)
    return [react(user, verdict, made, rng) for _ in range(n)]


def test_success_ends_the_episode_or_confirms(user) -> None:
    assert set(moves(user, OK)) == {Move.DONE}
    asked = Verdict(True, Observation(artist="Adele", asks=True), "ok")
    assert set(moves(user, asked)) == {Move.CONFIRM}
    assert feedback(Move.CONFIRM, random.Random(1)).text == "yes"


def test_wrong_music_is_mostly_cut_off_with_a_barge_in(user) -> None:
    seen = moves(replace(user, cooperativeness=1.0), WRONG_MUSIC)
    assert seen.count(Move.BARGE_IN) > seen.count(Move.COMPLAIN) > 0 and Move.GIVE_UP not in seen
    said = feedback(Move.BARGE_IN, random.Random(1))
    assert said.text == "stop" and said.metadata == BARGE_IN_METADATA


def test_not_being_understood_is_mostly_met_with_a_rephrase(user) -> None:
    seen = moves(replace(user, cooperativeness=1.0), NOTHING)
    assert seen.count(Move.REPHRASE) > 0.7 * len(seen) and Move.BARGE_IN not in seen
    city = moves(replace(user, cooperativeness=1.0), WRONG_CITY)
    assert set(city) == {Move.COMPLAIN, Move.REPHRASE}


@given(st.floats(0.0, 1.0))
@settings(max_examples=30, deadline=None)
def test_cooperativeness_is_the_share_of_failures_repaired(coop: float) -> None:
    from simulator.world import World

    u = replace(make_population(World.build(3, 10, 6), 1, "c", 2)[0], cooperativeness=coop, patience=9)
    seen = moves(u, NOTHING, n=3000)
    gave_up = seen.count(Move.GIVE_UP) / len(seen)
    assert abs(gave_up - (1 - coop)) < 0.05


def test_patience_runs_out(user) -> None:
    patient = replace(user, cooperativeness=1.0, patience=3)
    assert Move.GIVE_UP not in moves(patient, NOTHING, made=2)
    assert set(moves(patient, NOTHING, made=3)) == {Move.GIVE_UP}


def test_giving_up_is_said_or_silent() -> None:
    said = [feedback(Move.GIVE_UP, random.Random(k)) for k in range(200)]
    spoken = [s for s in said if s is not None]
    assert 0 < len(spoken) < len(said)
    assert feedback(Move.DONE, random.Random(1)) is None and feedback(Move.REPHRASE, random.Random(1)) is None


def test_the_population_knob_moves_everyone(world) -> None:
    low = make_population(world, 200, "l", 1, cooperativeness=0.3)
    high = make_population(world, 200, "h", 1, cooperativeness=0.9)
    mean = lambda users: sum(u.cooperativeness for u in users) / len(users)  # noqa: E731
    assert mean(low) < 0.4 < 0.8 < mean(high)
    assert all(0.0 <= u.cooperativeness <= 1.0 for u in low + high)
