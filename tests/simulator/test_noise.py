"""The noise channel's name-level edits: realistic, shared across the population, and never the name itself."""
from __future__ import annotations

import random

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from preferences.catalogs import music
from simulator import noise
from simulator.seeds import stream

pytestmark = pytest.mark.unit

NAMES = [a.name for a in music.all_artists()[:300]] + ["Springfield", "Portland", "Bohemian Rhapsody"]
names = st.sampled_from(NAMES)
seeds = st.integers(min_value=0, max_value=2**32)


def compact(text: str) -> str:
    return noise.fold(text).replace("'", "").replace(" ", "")


@given(names, seeds)
@settings(max_examples=200, deadline=None)
def test_a_garbled_name_is_never_the_name_itself(name: str, seed: int) -> None:
    variant = noise.garble(name, random.Random(seed), noise.COMMON_EDITS)
    if variant is not None:
        assert compact(variant) != compact(name)
        assert variant == noise.fold(variant) and variant.strip() == variant and "  " not in variant


@given(names, seeds)
@settings(max_examples=150, deadline=None)
def test_common_mishearings_are_distinct_and_reproducible(name: str, seed: int) -> None:
    first = noise.common_mishearings(name, stream(seed, name))
    assert first == noise.common_mishearings(name, stream(seed, name))  # the population shares them
    assert len(first) <= 3
    assert len({compact(v) for v in first}) == len(first)
    assert all(compact(v) != compact(name) for v in first)


@given(names, seeds)
@settings(max_examples=150, deadline=None)
def test_a_one_off_variant_is_not_one_of_the_common_ones(name: str, seed: int) -> None:
    common = noise.common_mishearings(name, stream("world", name))
    variant = noise.one_off(name, random.Random(seed), avoid=common)
    if variant is not None:
        assert compact(variant) not in {compact(c) for c in common} | {compact(name)}


def test_long_names_are_almost_always_garbled_some_way() -> None:
    """The channel must be able to make noise for nearly every goal, or the study measures nothing."""
    garbled = [bool(noise.common_mishearings(n, stream(1, n))) for n in NAMES]
    assert sum(garbled) / len(garbled) > 0.9


def test_sound_alike_edits_keep_the_word_count_or_split_in_two() -> None:
    rng = random.Random(3)
    for _ in range(200):
        out = noise.sound_alike(["imagine", "dragons"], rng)
        assert out is not None and len(out) == 2
    assert noise.split_word(["coltrane"], random.Random(1)) in (["col", "trane"], ["colt", "rane"])
    assert noise.drop_syllable(["imagine"], random.Random(1)) == ["magine"]
    assert noise.drop_syllable(["antonio"], random.Random(1)) is None  # "ntonio" is not something one hears
    assert noise.drop_article(["the", "beatles"], random.Random(1)) == ["beatles"]
    assert noise.word_alike(["imagine", "dragons"], random.Random(1)) is not None


def test_nicknames_are_what_people_say_not_random_words() -> None:
    rng = random.Random(1)
    assert noise.nickname("Red Hot Chili Peppers", rng) in ("chili peppers", "rhcp")
    assert noise.nickname("Ed Sheeran", rng) == "ed"
    assert noise.nickname("Post Malone", rng) == "malone"  # a solo artist's surname
    assert noise.nickname("The Killers", rng) is None
    assert noise.nickname("Chicago", rng) in noise.NICKNAMES["chicago"]


@given(st.sampled_from([t for a in music.all_artists()[:200] for t in a.tracks]), seeds)
@settings(max_examples=150, deadline=None)
def test_a_partial_title_is_a_part_of_the_title(title: str, seed: int) -> None:
    part = noise.partial_title(title, random.Random(seed))
    words = noise.fold(title).split()
    if len(words) < 2:
        assert part is None
    else:
        assert part and part in " ".join(words) and part != " ".join(words)


def test_fold_writes_like_a_recogniser() -> None:
    assert noise.fold("Beyoncé") == "beyonce"
    assert noise.fold("Guns N' Roses") == "guns n' roses"
    assert noise.fold("Simon & Garfunkel") == "simon and garfunkel"
    assert noise.fold("  P!nk ") == "p nk"
