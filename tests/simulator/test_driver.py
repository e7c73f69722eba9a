"""The driver: whole episodes, one turn in flight per user, gaps between a user's episodes, checkpoints."""
from __future__ import annotations

import pytest

from simulator.channel import NoiseChannel, NoiseLevels
from simulator.driver import Driver
from simulator.population import goals_for, habit_goals, make_population
from tests.simulator.fakes import FakeAssistant

pytestmark = pytest.mark.unit


def test_episodes_run_to_success_or_to_giving_up(world) -> None:
    fake = FakeAssistant()
    users = make_population(world, 8, "d", 1)
    driver = Driver(fake, NoiseChannel(world, NoiseLevels(common=0.6)), 1, "A", workers=3, gap_seconds=0)
    episodes = driver.run([(u, goals_for(world, u, 3, 1, "A")) for u in users])
    assert len(episodes) == 24 and len(fake.calls) == sum(len(e.turns) for e in episodes)
    for ep in episodes:
        requests = ep.requests
        assert requests and requests[0].attempt == 0
        assert [t.attempt for t in requests] == list(range(len(requests)))
        if ep.success:  # nothing is asked again after the goal was reached
            assert requests[-1].succeeded and not any(t.succeeded for t in requests[:-1])
        else:
            user = next(u for u in users if u.id == ep.user)
            assert len(requests) <= user.patience
        for t in ep.turns:
            if t.role == "feedback" and t.text == "stop":
                assert t.metadata == {"barge_in": True}
    assert any(not e.first_success and e.success for e in episodes)  # some repairs worked
    assert fake.max_in_flight_per_user == 1


def test_habit_turns_are_one_clean_request_each(world) -> None:
    fake = FakeAssistant()
    users = make_population(world, 5, "h", 2)
    episodes = Driver(fake, NoiseChannel(world), 2, "B", workers=2).run([(u, habit_goals(u)) for u in users],
                                                                        clean=True)
    assert len(fake.calls) == 10 and all(len(ep.turns) == 1 and ep.turns[0].role == "habit" for ep in episodes)
    assert all(ep.success for ep in episodes)  # the fake understands careful speech


def test_a_users_episodes_are_spaced_by_the_gap(world) -> None:
    fake = FakeAssistant(delay=0.01)
    users = make_population(world, 4, "g", 3)
    Driver(fake, NoiseChannel(world), 3, "A", workers=4, gap_seconds=0.3).run(
        [(u, goals_for(world, u, 3, 3, "A")) for u in users])
    by_user: dict[str, list[float]] = {}
    for at, user, text, _ in fake.calls:
        by_user.setdefault(user, []).append(at)
    # a user's calls come in bursts (episodes) separated by at least the gap
    for times in by_user.values():
        bursts = sum(1 for a, b in zip(times, times[1:]) if b - a >= 0.29)
        assert bursts >= 2


def test_checkpoints_run_with_no_turn_in_flight(world) -> None:
    fake = FakeAssistant(delay=0.005)
    users = make_population(world, 6, "c", 4)
    seen: list[tuple[float, int, int]] = []

    def checkpoint(fraction: float, done: int) -> None:
        seen.append((fraction, done, sum(fake.in_flight.values())))

    Driver(fake, NoiseChannel(world), 4, "A", workers=3, gap_seconds=0).run(
        [(u, goals_for(world, u, 4, 4, "A")) for u in users], checkpoints=(0.25, 0.5), on_checkpoint=checkpoint)
    assert [f for f, _, _ in seen] == [0.25, 0.5]
    assert all(busy == 0 for _, _, busy in seen)
    assert 6 <= seen[0][1] < 12 <= seen[1][1] < 24


def test_a_failed_http_turn_is_recorded_not_raised(world) -> None:
    fake = FakeAssistant(fail_on="weather")
    users = make_population(world, 3, "e", 5)
    episodes = Driver(fake, NoiseChannel(world), 5, "B", workers=2).run([(u, habit_goals(u)) for u in users],
                                                                        clean=True)
    errors = [t for ep in episodes for t in ep.turns if t.error]
    assert len(errors) == 3 and all("server went away" in t.error and t.verdict is None for t in errors)
