"""The failure points of this assistant's pipeline: which part failed first, irrecoverably.

A request passes through the parts in this order: the words (what the
voice front end heard or the user typed), intent classification, entity
recognition, entity resolution (to a catalog value), the dialogue policy
(which action runs) and the skill's result (the answer). A defective turn is
classified by the *first* part that failed and was not repaired later: a
misspelled artist that the resolver still matched is not an input failure,
and a turn the assistant recovers from (an ambiguous city it asked about,
and the user answered) is correct.

The order matters for the label: a misheard name that then makes NLU pick
the wrong intent is an input failure, not an intent failure, because fixing
NLU would not have helped.
"""
from __future__ import annotations

import enum


class FailurePoint(str, enum.Enum):
    """Where a turn failed first; `CORRECT` when nothing failed or the failure was repaired."""

    INPUT = "input"  # the words are not what the user meant: misheard or misspelled
    INTENT = "intent"  # NLU chose the wrong intent for the right words
    ENTITY_RECOGNITION = "entity_recognition"  # a needed entity was missed, or cut wrong
    ENTITY_RESOLUTION = "entity_resolution"  # recognised, but resolved to the wrong thing or to nothing
    DIALOGUE = "dialogue"  # interpretation right, the wrong action ran
    RESULT = "result"  # everything understood and acted on; the answer was still wrong or empty
    CORRECT = "correct"  # no defect, or an upstream error that a later part repaired


# Pipeline order (correct last): the report and the plot list the points in it.
ORDER: tuple[FailurePoint, ...] = tuple(FailurePoint)
FAILURES: tuple[FailurePoint, ...] = ORDER[:-1]

# Documented examples: (what the user said, what happened, why it is this point).
EXAMPLES: dict[FailurePoint, tuple[tuple[str, str, str], ...]] = {
    FailurePoint.INPUT: (
        ("play maj and dragons",
         ("artist 'maj and dragons' found in no catalog; the user then says 'play imagine dragons'"),
         "the recogniser misheard the name; every later part did its job"),
        ("whats the wether in bostn", "fallback; then 'what's the weather in boston' works",
         "a typo broke the words, so NLU had nothing right to work on"),
    ),
    FailurePoint.INTENT: (
        ("put on the news", "play_music ran with no artist; the user then says 'read me the news'",
         "the words were right, NLU picked the wrong intent"),
        ("how did the lakers do", "nlu_fallback at confidence 0.31; the rephrase 'lakers score' works",
         "NLU did not recognise a request it supports"),
        ("book a flight to denver", "ask_weather ran and gave Denver's weather",
         "no skill serves it; NLU should have said out of scope"),
    ),
    FailurePoint.ENTITY_RECOGNITION: (
        ("play imagine dragons", "artist recognised as 'imagine' only", "the entity was cut wrong"),
        ("weather in new york", "no city recognised; the weather of the home town was given",
         "a needed entity was missed although the words were there"),
    ),
    FailurePoint.ENTITY_RESOLUTION: (
        ("weather in portland",
         ("city resolved to Portland, Oregon; the user then says 'weather in portland maine'"),
         "recognised right, resolved to the wrong place among several"),
        ("play some chillwave", "genre 'chillwave' resolves to nothing in the catalog",
         "the value is real but unknown to the resolver"),
    ),
    FailurePoint.DIALOGUE: (
        ("play jazz", "intent and genre right, but the guided Q&A started instead of the music",
         "the policy chose the wrong action for a correct interpretation"),
        ("and tomorrow?", "after the weather in Denver: ask_weather and the date right, answered for the home city",
         "the dialogue did not carry the previous turn's city"),
        ("no, I meant portland maine", "understood as the corrected request, then stored as a preference",
         "a correction must be acted on, not filed"),
    ),
    FailurePoint.RESULT: (
        ("italian restaurants in boston", "understood and searched; 'I couldn't find any'",
         "the provider's answer was empty"),
        ("score of the celtics game", "understood; the score of an old game was read out; the user asks again",
         "the answer was wrong although everything before it was right"),
    ),
    FailurePoint.CORRECT: (
        ("play jazz", "'Playing jazz.'; the user moves on", "no defect"),
        ("weather in springfield", "'Which Springfield?' - 'Illinois' - the forecast",
         "ambiguous resolution repaired by the dialogue: recovered, not a failure"),
        ("play the beatels", "a rewrite read it as 'play the beatles', which played",
         "an input error repaired before NLU"),
        ("skip", "in the guided Q&A: the next question", "the skip intent where its rule belongs"),
    ),
}


def describe(point: FailurePoint) -> str:
    """One line for help texts and the report: the member's meaning."""
    return {
        FailurePoint.INPUT: "the words were wrong (misheard, misspelled)",
        FailurePoint.INTENT: "NLU chose the wrong intent",
        FailurePoint.ENTITY_RECOGNITION: "an entity missed or cut wrong",
        FailurePoint.ENTITY_RESOLUTION: "an entity resolved to the wrong thing or to nothing",
        FailurePoint.DIALOGUE: "the wrong action for a correct interpretation",
        FailurePoint.RESULT: "understood, but the answer was wrong or empty",
        FailurePoint.CORRECT: "no defect, or recovered",
    }[point]


__all__ = ["EXAMPLES", "FAILURES", "ORDER", "FailurePoint", "describe"]
