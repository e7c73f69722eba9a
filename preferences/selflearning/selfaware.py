"""Self-aware rewrites: withdraw a rewrite when the evidence says it no longer beats the original.

Every rewrite's live outcomes are counted from the log: turns it rewrote
(applied) and matching turns deliberately left alone (held out). The rules,
in order, each needing enough turns to be more than noise:

1. **Loses to the original.** With at least `min_held_out` held-out and
   `min_rewritten` rewritten turns, the rewritten success rate is not above
   the held-out success rate: the original does as well, so the rewrite only
   risks changing meaning.
2. **Fails on its own.** With at least `min_rewritten` rewritten turns, the
   rewritten success rate is below `min_success`: whatever the held-out
   share says (it is small and fills slowly), a rewrite that fails most of
   the time is not helping.

A Wilson lower bound would be more cautious; these counts are the simple,
explainable version, and both thresholds are settings.
"""
from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class SelfAwareSettings:
    min_rewritten: int = 10  # rewritten turns before a rewrite can be judged
    min_held_out: int = 5  # held-out turns before it can be compared with the original
    min_success: float = 0.5  # a rewrite that succeeds less often than this is withdrawn


def withdrawal_reason(rewritten_ok: int, rewritten_failed: int, held_out_ok: int, held_out_failed: int,
                      settings: SelfAwareSettings = SelfAwareSettings()) -> str | None:
    """Why the rewrite should be withdrawn, or None to keep it."""
    n_r = rewritten_ok + rewritten_failed
    n_h = held_out_ok + held_out_failed
    if n_r < settings.min_rewritten:
        return None
    rate_r = rewritten_ok / n_r
    if n_h >= settings.min_held_out and rate_r <= held_out_ok / n_h:
        return (f"no longer beats the original: {rate_r:.0%} success rewritten ({n_r} turns) vs "
                f"{held_out_ok / n_h:.0%} left alone ({n_h} turns)")
    if rate_r < settings.min_success:
        return f"fails on its own: {rate_r:.0%} success over {n_r} rewritten turns"
    return None
