"""Online rewriting, as the last NLU step (an NLU component, so every channel gets it).

After the classifiers and the FallbackClassifier, when the interpretation is
in doubt (see `preferences.selflearning.online.trigger`), a similar request
that succeeded before (the user's own, or everyone's) may replace it. The
message then carries the request it is read as (TEXT, so the log records raw
and interpreted text like a precomputed rewrite), the interpretation that
request had when it succeeded, and `online_rewrite` in the parse data, which
`why did you do that?`, `prefs rewrites explain` and the simulator read.

The user comes from `rasa_components.nlu_sender` (installed by the
launcher). The mode comes from ONLINE_REWRITING (off | global | personal).
All logic is in `preferences.selflearning.online`; a failure of it never
breaks interpretation.
"""
from __future__ import annotations

import logging
from functools import lru_cache
from typing import Any, List

import numpy as np
from rasa.engine.recipes.default_recipe import DefaultV1Recipe
from rasa.shared.nlu.constants import ENTITIES, INTENT, INTENT_RANKING_KEY, TEXT
from rasa.shared.nlu.training_data.message import Message

from preferences.selflearning.online.runtime import OnlineDecision, OnlineRewriter
from preferences.settings import settings
from rasa_components.message_guard import StatelessComponent
from rasa_components.nlu_sender import SENDER_KEY

log = logging.getLogger(__name__)
ONLINE_REWRITE_KEY = "online_rewrite"
EXTRACTOR = "OnlineRewriter"


@lru_cache(maxsize=1)
def rewriter() -> OnlineRewriter | None:
    s = settings()
    if s.online_rewriting == "off":
        return None
    from preferences.selflearning.online.settings import OnlineSettings
    from preferences.storage.online_index import OnlineIndexStore

    return OnlineRewriter(OnlineIndexStore(s.preferences_db_url), mode=s.online_rewriting,
                          settings=OnlineSettings(refresh_seconds=s.rewrite_refresh_seconds))


def _meaning(message: Message) -> np.ndarray | None:
    """The sentence embedding the MiniLM featurizer already put on the message (the only dense sentence
    feature in the pipeline), so a doubtful turn is not embedded twice."""
    try:
        _, sentence = message.get_dense_features(TEXT)
    except Exception:  # noqa: BLE001 - no features (e.g. a test message): the rewriter embeds it itself
        return None
    return None if sentence is None else np.asarray(sentence.features, dtype=np.float32).reshape(-1)


def _entities(message: Message) -> list[tuple[str, str]]:
    return [(str(e.get("entity")), str(e.get("value"))) for e in message.get(ENTITIES) or []
            if isinstance(e, dict) and e.get("entity") and e.get("value") is not None]


def entity_dicts(decision: OnlineDecision) -> list[dict[str, Any]]:
    """The target's entities as Rasa writes them, with positions where the value occurs in the target."""
    out = []
    lowered = decision.target.lower()
    for entity, value in decision.entities:
        start = lowered.find(value.lower())
        item: dict[str, Any] = {"entity": entity, "value": value, "extractor": EXTRACTOR,
                                "confidence_entity": round(decision.score, 3)}
        if start >= 0:
            item.update(start=start, end=start + len(value))
        out.append(item)
    return out


def apply(message: Message, decision: OnlineDecision) -> None:
    confidence = round(min(1.0, decision.score), 3)
    message.set(TEXT, decision.target)
    message.set(INTENT, {"name": decision.intent, "confidence": confidence}, add_to_output=True)
    ranking = [r for r in message.get(INTENT_RANKING_KEY) or [] if r.get("name") != decision.intent]
    message.set(INTENT_RANKING_KEY, [{"name": decision.intent, "confidence": confidence}, *ranking],
                add_to_output=True)
    message.set(ENTITIES, entity_dicts(decision), add_to_output=True)
    message.set(ONLINE_REWRITE_KEY, decision.to_json(), add_to_output=True)


@DefaultV1Recipe.register([DefaultV1Recipe.ComponentType.INTENT_CLASSIFIER], is_trainable=False)
class OnlineRewriterComponent(StatelessComponent):
    """Training examples pass through unchanged: only live messages are rewritten."""

    def process(self, messages: List[Message]) -> List[Message]:
        for message in messages:
            text = message.get(TEXT)
            if not isinstance(text, str) or not text.strip() or message.get("rewrite"):
                continue  # nothing to read, or a precomputed rewrite already decided this turn
            try:
                rt = rewriter()
                intent = message.get(INTENT) or {}
                decision = rt.decide(text, message.get(SENDER_KEY), intent.get("name"), intent.get("confidence"),
                                     _entities(message), _meaning(message)) if rt else None
            except Exception:  # noqa: BLE001 - a rewrite is an improvement, never a reason to fail a turn
                log.exception("online rewriting failed; interpreting the message as said")
                continue
            if decision is not None and decision.intent:
                apply(message, decision)
        return messages
