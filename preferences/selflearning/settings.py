"""Every knob of the mining pass, with its default and the reason for it.

One frozen object is passed from the command line down to the labelling
rules, the chain walk and the Markov solve, so a default is decided once and
a mining run can be reproduced from its settings alone (they are small
enough to store beside the rewrites they produced).
"""
from __future__ import annotations

from dataclasses import asdict, dataclass
from typing import Any


@dataclass(frozen=True)
class MiningSettings:
    """What counts as a rephrase, how much evidence a rewrite needs, and when it is worth applying."""

    # People who rephrase do it within tens of seconds (they are still waiting for the answer);
    # after 45 s a similar request is more likely a new need than a repair.
    window_seconds: float = 45.0
    # Similarity (0-100: the larger of RapidFuzz ratio and token_ratio of the request keys) at or above
    # which the next request reformulates this one. On planted misrecognitions against pairs of
    # different requests that share a verb ("play coldplay" / "play u2"): 75 keeps 88 % of the
    # reformulations at 2 % false matches; 70 would keep 92 % at 10 %.
    rephrase_ratio: float = 75.0
    # The bar after a turn that already failed on its own (fallback, barge-in, thumbs-down): a request
    # that follows a failure within seconds is most likely another try, and what a recogniser mangles
    # rarely looks alike ("play cream" / "play queen": 60). Chains then take in some topic changes,
    # but those scatter over many targets, and the support and the argmax leave them out.
    rephrase_ratio_after_defect: float = 60.0
    # k: an edge of the chain must be seen this often. Two occurrences can be one unlucky evening.
    min_edge_count: int = 3
    # m: ... and from this many distinct users, so one user's habit never becomes everyone's rewrite.
    # The same support is required end to end (users who said the source and succeeded as the target).
    min_edge_users: int = 3
    # The rewrite must be more likely than not to end in success as its target.
    min_probability: float = 0.5
    # ... and clearly better than leaving the request alone: rewriting a request that already works
    # often breaks it for the users it worked for, so the gain must outweigh that.
    min_margin: float = 0.2
    # Users kept as evidence per rewrite (sorted, the first ones). Bounded so a popular rewrite does not
    # carry a million ids; at or above min_edge_users, forgetting any one unlisted user cannot break
    # the support, so the list is complete exactly when it can matter.
    max_evidence_users: int = 100

    def __post_init__(self) -> None:
        if self.window_seconds <= 0:
            raise ValueError("window_seconds must be positive")
        if not (0 <= self.rephrase_ratio <= 100 and 0 <= self.rephrase_ratio_after_defect <= 100):
            raise ValueError("rephrase_ratio is a RapidFuzz score between 0 and 100")
        if self.min_edge_count < 1 or self.min_edge_users < 1:
            raise ValueError("min_edge_count and min_edge_users must be at least 1")
        if not 0 <= self.min_probability <= 1 or not -1 <= self.min_margin <= 1:
            raise ValueError("min_probability is in [0, 1] and min_margin in [-1, 1]")
        if self.max_evidence_users < self.min_edge_users:
            raise ValueError("max_evidence_users must be at least min_edge_users (see its comment)")

    def to_json(self) -> dict[str, Any]:
        return asdict(self)
