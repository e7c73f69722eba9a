"""Keep hostile or empty messages from being misread.

Two tiny components around the NLU pipeline:

* `MessageTrimmer` (first in the pipeline) bounds the text that reaches the
  tokenizer and featurizers, so a 1 MB message costs what a 1 KB one does,
  and turns control characters into spaces.
* `NoTextFallback` (last) overrides the classifier when the message has no
  letters or digits at all (empty, whitespace, binary noise, emoji only):
  DIET confidently calls an empty string "affirm", and a silent "OK" to
  garbage is worse than asking the user to say it again.
"""
from __future__ import annotations

import re
from typing import Any, Dict, List, Text

from rasa.engine.graph import ExecutionContext, GraphComponent
from rasa.engine.recipes.default_recipe import DefaultV1Recipe
from rasa.engine.storage.resource import Resource
from rasa.engine.storage.storage import ModelStorage
from rasa.shared.nlu.constants import ENTITIES, INTENT, INTENT_RANKING_KEY, TEXT
from rasa.shared.nlu.training_data.message import Message
from rasa.shared.nlu.training_data.training_data import TrainingData

MAX_CHARS = 1000
_CONTROL = re.compile(r"[\x00-\x08\x0b-\x1f\x7f-\x9f]")
_WORDLIKE = re.compile(r"[^\W_]", re.UNICODE)


class StatelessComponent(GraphComponent):
    """A component with nothing to train or persist: the base of the project's small pipeline steps."""

    @classmethod
    def create(cls, config: Dict[Text, Any], model_storage: ModelStorage, resource: Resource,
               execution_context: ExecutionContext) -> GraphComponent:
        return cls()

    def process_training_data(self, training_data: TrainingData) -> TrainingData:
        return training_data


class ConfiguredComponent(StatelessComponent):
    """A stateless step that takes its settings from config.yml: `__init__(config)` reads them."""

    def __init__(self, config: Dict[Text, Any] | None = None) -> None:
        self.config = dict(config or {})

    @classmethod
    def create(cls, config: Dict[Text, Any], model_storage: ModelStorage, resource: Resource,
               execution_context: ExecutionContext) -> GraphComponent:
        return cls(config)


@DefaultV1Recipe.register([DefaultV1Recipe.ComponentType.MESSAGE_TOKENIZER], is_trainable=False)
class MessageTrimmer(StatelessComponent):
    def process(self, messages: List[Message]) -> List[Message]:
        for message in messages:
            text = message.get(TEXT)
            if isinstance(text, str):
                message.set(TEXT, _CONTROL.sub(" ", text[:MAX_CHARS]))
        return messages


@DefaultV1Recipe.register([DefaultV1Recipe.ComponentType.INTENT_CLASSIFIER], is_trainable=False)
class NoTextFallback(StatelessComponent):
    def process(self, messages: List[Message]) -> List[Message]:
        for message in messages:
            text = message.get(TEXT) or ""
            if not _WORDLIKE.search(text) or not any(ch.isalpha() for ch in text):
                message.set(INTENT, {"name": "nlu_fallback", "confidence": 1.0}, add_to_output=True)
                message.set(INTENT_RANKING_KEY, [{"name": "nlu_fallback", "confidence": 1.0}],
                            add_to_output=True)
                message.set(ENTITIES, [], add_to_output=True)
        return messages
