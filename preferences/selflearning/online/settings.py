"""Every knob of online rewriting, with its default and the reason for it."""
from __future__ import annotations

from dataclasses import asdict, dataclass
from typing import Any

MODES = ("off", "global", "personal")  # personal = the personal layer over the global one


@dataclass(frozen=True)
class OnlineSettings:
    """When a request is worth rewriting, where candidates come from, and when one is good enough."""

    # Below this intent confidence the interpretation is a guess. The intent classifier's confidences on
    # held-out requests it got right are mostly above 0.6; wrong ones cluster below 0.5.
    min_intent_confidence: float = 0.5
    # A request key must have succeeded for this many distinct users to enter the global layer: one
    # user's habit must never become everyone's rewrite (the same support the miner asks for).
    min_global_users: int = 3
    # A word is request wording ("play", "weather", "song"), not part of a name NLU missed, when at least
    # this many distinct successful requests in the index say it outside their entities.
    min_carrier_requests: int = 3
    # Candidates retrieved from each layer before ranking.
    candidates: int = 8
    # Retrieval similarity (half meaning, half letters: `vectors`) below which a retrieved request is not
    # about the same thing: "play nerve ana" / "play nirvana" is 0.50, "play maj and dragons" / "play some
    # jazz" 0.25.
    min_similarity: float = 0.4
    # The confidence bar: the ranked score (see ranking.score) a candidate needs to be applied. At 0.72
    # a misheard name two or three letters off its catalog spelling passes with a clear frequency
    # behind it; a different request with the same verb ("play coldplay" for "play u2") does not.
    min_score: float = 0.72
    # When the user said a name that failed, a candidate must name something that sounds like it: below
    # this likeness (ranking.likeness) the rewrite swaps the user's name for another one that merely
    # shares the request's wording ("play music by madona" read as "... by rihanna": 0.54; "leximgton" as
    # Burlington: 0.60), however high the wording scores. Misheard names that were fixed score more:
    # "maj and drag ins" / Imagine Dragons 0.645, "maloawn 5" / Maroon 5 0.71, "wallen" / Morgan Wallen 0.9.
    min_name_likeness: float = 0.62
    # The personal layer's history is "clear" when the user succeeded with the candidate this often;
    # then it wins over a global candidate unless that one is better by more than personal_margin.
    personal_min_turns: int = 2
    personal_margin: float = 0.08
    # A layer leaves alone a request that itself succeeds this often there: when most people who say
    # "weather in paris" get what they want, "Paris" being ambiguous is no reason to read it otherwise.
    min_own_success: float = 0.6
    # How long a running assistant keeps an index version before checking for a newer one.
    refresh_seconds: float = 30.0
    # Global layers at least this large use an inverted-file index (faiss IVF); smaller ones are
    # searched exactly (faster below this size, and exact).
    ivf_min_size: int = 20_000

    def __post_init__(self) -> None:
        if not 0 <= self.min_intent_confidence <= 1 or not 0 <= self.min_score <= 1.5:
            raise ValueError("min_intent_confidence is in [0, 1]; min_score is a ranking score")
        if min(self.min_global_users, self.candidates, self.personal_min_turns, self.min_carrier_requests) < 1:
            raise ValueError("min_global_users, candidates, personal_min_turns and min_carrier_requests must be "
                             "at least 1")

    def to_json(self) -> dict[str, Any]:
        return asdict(self)
