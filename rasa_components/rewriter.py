"""Precomputed rewrites, applied before interpretation (an NLU component, so every channel gets them).

Placed right after the MessageTrimmer: the request key is computed on the
text as bounded, and the tokenizer sees the rewritten text. The decision
(which rewrite matched, and whether it was applied or held out) is added to
the parse data as `rewrite`, so the tracker store logs raw and interpreted
text and later mining can judge the rewrite itself. All logic is in
`preferences.selflearning.runtime`; this adapter only wires it to Rasa and
never lets a failure of it break interpretation.
"""
from __future__ import annotations

import logging
import time
from functools import lru_cache
from typing import List

from rasa.engine.recipes.default_recipe import DefaultV1Recipe
from rasa.shared.nlu.constants import TEXT
from rasa.shared.nlu.training_data.message import Message

from preferences.selflearning.runtime import RewriteRuntime
from preferences.settings import settings
from rasa_components.message_guard import StatelessComponent

log = logging.getLogger(__name__)
REWRITE_KEY = "rewrite"


@lru_cache(maxsize=1)
def runtime() -> RewriteRuntime | None:
    s = settings()
    if not s.rewrites_enabled:
        return None
    from preferences.storage.rewrites import RewriteTable

    table = RewriteTable(s.preferences_db_url)
    return RewriteRuntime(table.lookup, held_out_share=s.rewrite_held_out_share,
                          refresh_seconds=s.rewrite_refresh_seconds)


@DefaultV1Recipe.register([DefaultV1Recipe.ComponentType.MESSAGE_TOKENIZER], is_trainable=False)
class PrecomputedRewriter(StatelessComponent):
    """Training examples pass through unchanged (StatelessComponent): only live messages are rewritten."""

    def process(self, messages: List[Message]) -> List[Message]:
        for message in messages:
            text = message.get(TEXT)
            if not isinstance(text, str) or not text:
                continue
            try:
                rt = runtime()
                turn_id = str(message.get("message_id") or f"{text}@{time.time_ns()}")
                decision = rt.decide(text, turn_id) if rt else None
            except Exception:  # noqa: BLE001 - a rewrite is an improvement, never a reason to fail a turn
                log.exception("rewrite lookup failed; interpreting the message as said")
                continue
            if decision is not None:
                message.set(TEXT, decision.text)
                message.set(REWRITE_KEY, decision.to_json(), add_to_output=True)
        return messages
