"""Rephrase chains: from a defect, through reformulations, to success or failure."""
from __future__ import annotations

import random

from preferences.selflearning.chains import ChainEnd, extract_chains
from preferences.selflearning.turns import LoggedTurn, OutcomeSignal

T0 = 1_767_225_600.0


def turn(text: str, at: float, **fields) -> LoggedTurn:
    return LoggedTurn("u1", "s1", T0 + at, text, **fields)


def shape(turns: list[LoggedTurn]) -> list[tuple[tuple[str, ...], ChainEnd]]:
    return [(c.keys, c.end) for c in extract_chains(turns)]


def test_a_chain_ends_in_success_as_the_request_that_worked() -> None:
    turns = [turn("play maj and dragons", 0, intent="nlu_fallback"),
             turn("play magic dragons", 6, intent="nlu_fallback"),
             turn("play imagine dragons", 14, intent="play_music")]
    [chain] = extract_chains(turns)
    assert chain.keys == ("play maj and dragons", "play magic dragons", "play imagine dragons")
    assert chain.end is ChainEnd.SUCCEEDED and chain.target_key == "play imagine dragons"
    assert chain.user_id == "u1" and chain.started_at == T0


def test_complaints_in_between_do_not_break_a_chain() -> None:
    turns = [turn("play maj and dragons", 0), turn("no that's wrong", 4), turn("play imagine dragons", 9)]
    assert shape(turns) == [(("play maj and dragons", "play imagine dragons"), ChainEnd.SUCCEEDED)]


def test_giving_up_topic_change_timeout_and_stop_end_in_failure() -> None:
    gave_up = [turn("play maj and dragons", 0, intent="nlu_fallback")]
    topic = [turn("play maj and dragons", 0, intent="nlu_fallback"), turn("what's the weather in paris", 10)]
    timeout = [turn("play maj and dragons", 0, intent="nlu_fallback"), turn("play imagine dragons", 100)]
    stop = [turn("play maj and dragons", 0, intent="nlu_fallback"), turn("stop", 3),
            turn("play imagine dragons", 8)]
    failed = [(("play maj and dragons",), ChainEnd.FAILED)]
    assert shape(gave_up) == failed
    assert shape(topic) == failed  # the weather request itself is a plain success, not a chain
    assert shape(timeout) == failed
    assert shape(stop) == failed


def test_plain_successes_are_not_chains() -> None:
    assert extract_chains([turn("what's the weather", 0), turn("play jazz", 100)]) == []


def test_a_rewritten_turn_is_two_steps() -> None:
    turns = [turn("play maj and dragons", 0, interpreted_text="play imagine dragons", rewrite_id=1)]
    assert shape(turns) == [(("play maj and dragons", "play imagine dragons"), ChainEnd.SUCCEEDED)]
    broken = [turn("play maj and dragons", 0, interpreted_text="play imagine dragons", rewrite_id=1,
                   signals=frozenset({OutcomeSignal.BARGE_IN}))]
    assert shape(broken) == [(("play maj and dragons", "play imagine dragons"), ChainEnd.FAILED)]


def test_out_of_order_input_gives_the_same_chains() -> None:
    turns = [turn("play maj and dragons", 0, intent="nlu_fallback"), turn("play imagine dragons", 5),
             turn("what's the weather", 200), turn("blorp", 400, intent="nlu_fallback"),
             turn("blorp blorp", 410, intent="nlu_fallback")]
    shuffled = turns[:]
    random.Random(3).shuffle(shuffled)
    assert extract_chains(shuffled) == extract_chains(turns)
    assert len(extract_chains(turns)) == 2
