"""The driver: whole episodes, one turn in flight per user, gaps between a user's episodes, checkpoints."""
from __future__ import annotations

import pytest

from simulator.channel import NoiseChannel, NoiseLevels
from simulator.driver import HISTORY_FIRST_INDEX, Driver
from simulator.population import goals_for, history_goals, make_population
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


def test_a_history_is_played_like_any_episode_and_numbered_before_the_tests(world) -> None:
    """Past episodes go through the noise and the reactions (failures, repairs) and sort before the tests."""
    fake = FakeAssistant()
    users = make_population(world, 6, "h", 2)
    driver = Driver(fake, NoiseChannel(world, NoiseLevels(common=0.6)), 2, "B", workers=2, gap_seconds=0)
    history = driver.run([(u, history_goals(u, 4, 2)) for u in users], first_index=HISTORY_FIRST_INDEX)
    tests = driver.run([(u, goals_for(world, u, 2, 2, "B")) for u in users])
    assert len(history) == 24 and all(ep.history for ep in history) and not any(ep.history for ep in tests)
    for u in users:
        mine = [ep.index for ep in history if ep.user == u.id]
        assert mine == [HISTORY_FIRST_INDEX + k for k in range(4)] and max(mine) < 0
        assert [ep.goal for ep in history if ep.user == u.id] == history_goals(u, 4, 2)
    assert any(len(ep.requests) > 1 for ep in history)  # some past requests failed and were repaired
    assert any(t.role == "feedback" for ep in history for t in ep.turns)


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
    users = make_population(world, 3, "e", 5)
    fake = FakeAssistant(fail_on=users[0].id)
    episodes = Driver(fake, NoiseChannel(world), 5, "B", workers=2, gap_seconds=0).run(
        [(u, history_goals(u, 2, 5)) for u in users], first_index=HISTORY_FIRST_INDEX)
    errors = [t for ep in episodes for t in ep.turns if t.error]
    assert len(errors) == 2 and all("server went away" in t.error and t.verdict is None for t in errors)
    assert all(len(ep.turns) == 1 for ep in episodes if ep.user == users[0].id)  # the episode ends there
