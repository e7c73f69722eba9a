"""The outcome rules of preferences.selflearning.outcome, one test group per numbered rule."""
from __future__ import annotations

from preferences.selflearning.outcome import TurnKind, classify, label_session
from preferences.selflearning.settings import MiningSettings
from preferences.selflearning.turns import LoggedTurn, Outcome, OutcomeSignal

T0 = 1_767_225_600.0
S = OutcomeSignal


def turn(text: str, at: float, **fields) -> LoggedTurn:
    return LoggedTurn(fields.pop("user_id", "u1"), fields.pop("session_id", "s1"), T0 + at, text, **fields)


def labels(*turns: LoggedTurn, **settings) -> list[tuple[Outcome | None, frozenset[OutcomeSignal]]]:
    return [(t.outcome, t.signals) for t in label_session(list(turns), MiningSettings(**settings))]


# Rule 1: an explicit outcome wins; signals are still inferred.

def test_rule1_explicit_success_beats_a_fallback_but_keeps_the_signal() -> None:
    [(outcome, signals)] = labels(turn("play jazz", 0, intent="nlu_fallback", outcome=Outcome.SUCCESS))
    assert outcome is Outcome.SUCCESS
    assert S.FALLBACK in signals


def test_rule1_explicit_defect_beats_a_quiet_turn() -> None:
    assert labels(turn("what's the weather", 0, outcome=Outcome.DEFECT)) == [(Outcome.DEFECT, frozenset())]


# Rule 2: fallback and out of scope.

def test_rule2_nlu_fallback_and_out_of_scope_are_defects() -> None:
    result = labels(turn("blorp", 0, intent="nlu_fallback"), turn("fly me to mars", 100, intent="out_of_scope"),
                    turn("what time is it", 200, intent="ask_time"))
    assert result[0][0] is Outcome.DEFECT and S.FALLBACK in result[0][1]
    assert result[1][0] is Outcome.DEFECT and S.OUT_OF_SCOPE in result[1][1]
    assert result[2] == (Outcome.SUCCESS, frozenset())


def test_rule2_a_fallback_signal_from_the_channel_counts_too() -> None:
    assert labels(turn("blorp", 0, signals=frozenset({S.FALLBACK})))[0][0] is Outcome.DEFECT


# Rule 3: barge-in and thumbs-down.

def test_rule3_barge_in_and_thumbs_down_are_defects() -> None:
    result = labels(turn("play jazz", 0, signals=frozenset({S.BARGE_IN})),
                    turn("what's the weather", 100, signals=frozenset({S.THUMBS_DOWN})))
    assert [o for o, _ in result] == [Outcome.DEFECT, Outcome.DEFECT]


# Rule 4: the next turn reformulates this one.

def test_rule4_a_repeat_or_a_similar_wording_soon_after_is_a_rephrase() -> None:
    repeat = labels(turn("play imagine dragons", 0), turn("Play Imagine Dragons!", 10))
    assert repeat[0] == (Outcome.DEFECT, frozenset({S.REPHRASE}))
    assert repeat[1] == (Outcome.SUCCESS, frozenset())
    similar = labels(turn("turn on the kitchen light", 0), turn("turn on the light in the kitchen", 20))
    assert similar[0][0] is Outcome.DEFECT


def test_rule4_only_within_the_window() -> None:
    assert labels(turn("play imagine dragons", 0), turn("play imagine dragons", 46))[0][0] is Outcome.SUCCESS
    assert labels(turn("play imagine dragons", 0), turn("play imagine dragons", 46),
                  window_seconds=60)[0][0] is Outcome.DEFECT


def test_rule4_a_changed_number_or_entity_value_is_a_new_request() -> None:
    numbers = labels(turn("set the thermostat to 68", 0), turn("set the thermostat to 70", 10))
    assert numbers[0][0] is Outcome.SUCCESS
    entities = labels(turn("play queen", 0, intent="play_music", entities=(("artist", "queen"),)),
                      turn("play adele", 10, intent="play_music", entities=(("artist", "adele"),)))
    assert entities[0][0] is Outcome.SUCCESS


def test_rule4_same_intent_with_an_overlapping_entity_is_a_rephrase() -> None:
    result = labels(turn("i want the dragons band", 0, intent="play_music", entities=(("artist", "imagine dragons"),)),
                    turn("put on imagine dragons", 10, intent="play_music", entities=(("artist", "imagine dragons"),)))
    assert result[0] == (Outcome.DEFECT, frozenset({S.REPHRASE}))


def test_rule4_the_bar_is_lower_after_a_turn_that_failed_on_its_own() -> None:
    # "play cream" / "play queen" score 60: a rephrase after a fallback, not after a turn that seemed fine.
    after_failure = labels(turn("play cream", 0, intent="nlu_fallback"), turn("play queen", 8))
    assert S.REPHRASE in after_failure[0][1]
    after_success = labels(turn("play cream", 0), turn("play queen", 8))
    assert after_success[0] == (Outcome.SUCCESS, frozenset())


def test_rule4_a_different_request_is_not_a_rephrase() -> None:
    assert labels(turn("play jazz", 0), turn("what's the weather in paris", 10))[0][0] is Outcome.SUCCESS


# Rule 5: a complaint next.

def test_rule5_a_complaint_soon_after_is_dissatisfaction() -> None:
    for complaint in ("no", "No, that's wrong!", "that's not what I asked for", "you got it wrong again"):
        result = labels(turn("play jazz", 0), turn(complaint, 5))
        assert result[0] == (Outcome.DEFECT, frozenset({S.DISSATISFACTION})), complaint


def test_rule5_by_intent_and_only_within_the_window() -> None:
    assert labels(turn("play jazz", 0), turn("meh", 5, intent="dissatisfied"))[0][0] is Outcome.DEFECT
    assert labels(turn("play jazz", 0), turn("no", 60))[0][0] is Outcome.SUCCESS


# Rule 6: abandoned.

def test_rule6_the_session_ending_right_after_a_fallback_is_abandonment() -> None:
    result = labels(turn("what time is it", 0), turn("blorp the flurb", 100, intent="nlu_fallback"))
    assert result[1] == (Outcome.DEFECT, frozenset({S.FALLBACK, S.ABANDONED}))
    said_never_mind = labels(turn("blorp the flurb", 0, intent="nlu_fallback"), turn("never mind", 5))
    assert S.ABANDONED in said_never_mind[0][1]


def test_rule6_not_abandoned_when_the_user_goes_on() -> None:
    result = labels(turn("blorp the flurb", 0, intent="nlu_fallback"), turn("what time is it", 200))
    assert result[0] == (Outcome.DEFECT, frozenset({S.FALLBACK}))


# Rule 7 and the order of turns.

def test_rule7_otherwise_success() -> None:
    result = labels(turn("play jazz", 0), turn("what's the weather", 30), turn("thanks", 40))
    assert all(outcome is Outcome.SUCCESS and not signals for outcome, signals in result)


def test_turns_are_labelled_in_time_order_whatever_the_input_order() -> None:
    later, first = turn("play imagine dragons", 10), turn("play imagine dragons", 0, intent="nlu_fallback")
    result = label_session([later, first])
    assert [t.ts for t in result] == [first.ts, later.ts]
    assert result[0].outcome is Outcome.DEFECT and S.REPHRASE in result[0].signals


def test_turn_kinds() -> None:
    assert classify("play jazz") is TurnKind.REQUEST
    assert classify("thats not what i asked") is TurnKind.COMPLAINT
    assert classify("never mind") is TurnKind.STOP
    assert classify("thanks") is TurnKind.CHATTER and classify("") is TurnKind.CHATTER
    assert classify("whatever", "never_mind") is TurnKind.STOP
    assert classify("thats wrongly spelled") is TurnKind.REQUEST


def test_a_misheard_entity_value_is_a_reformulation_but_another_value_is_a_new_request() -> None:
    from preferences.selflearning.outcome import is_reformulation
    from preferences.selflearning.settings import MiningSettings
    from preferences.selflearning.turns import LoggedTurn

    def turn(text: str, artist: str) -> LoggedTurn:
        return LoggedTurn("u", "s", 0.0, text, intent="play_music", entities=(("artist", artist),))

    s = MiningSettings()
    misheard, fixed = turn("play the artic monks", "the artic monks"), turn("play arctic monkeys", "arctic monkeys")
    assert is_reformulation(misheard, "play the artic monks", fixed, "play arctic monkeys", s)
    queen, adele = turn("play queen", "queen"), turn("play adele", "adele")
    assert not is_reformulation(queen, "play queen", adele, "play adele", s, after_defect=True)
