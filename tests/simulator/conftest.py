"""Shared pieces of the simulator's tests: a small world built once (the catalogs load in about a second)."""
from __future__ import annotations

import pytest

from simulator.world import World


@pytest.fixture(scope="session")
def world() -> World:
    return World.build(seed=7, n_artists=20, n_homes=12)
