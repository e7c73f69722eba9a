"""Rasa adapter for preferences.catalogs.spans: entities the tagger cut short are completed from the catalog.

Runs after DIET and the entity joiner, before the synonym mapper, on the
types listed in `entities` (default artist, genre, song). A completed
entity gets the new span and value, and this component in its
`processors`, so the log shows what was changed.
"""
from __future__ import annotations

from typing import Any, Dict, List, Text

from rasa.engine.recipes.default_recipe import DefaultV1Recipe
from rasa.shared.nlu.constants import ENTITIES, TEXT
from rasa.shared.nlu.training_data.message import Message

from preferences.catalogs.spans import RESOLVERS, Span, complete
from rasa_components.message_guard import StatelessComponent


@DefaultV1Recipe.register([DefaultV1Recipe.ComponentType.ENTITY_EXTRACTOR], is_trainable=False)
class CatalogSpanCompleter(StatelessComponent):
    def __init__(self, config: Dict[Text, Any] | None = None) -> None:
        self._types = frozenset((config or {}).get("entities") or RESOLVERS)

    @classmethod
    def create(cls, config: Dict[Text, Any], model_storage: Any, resource: Any,
               execution_context: Any) -> "CatalogSpanCompleter":
        return cls(config)

    @staticmethod
    def get_default_config() -> Dict[Text, Any]:
        return {"entities": sorted(RESOLVERS)}

    def process(self, messages: List[Message]) -> List[Message]:
        for message in messages:
            entities = message.get(ENTITIES) or []
            text = message.get(TEXT)
            if entities and isinstance(text, str):
                message.set(ENTITIES, self.completed(entities, text), add_to_output=True)
        return messages

    def completed(self, entities: List[Dict[Text, Any]], text: Text) -> List[Dict[Text, Any]]:
        spans = [Span(e["start"], e["end"]) if isinstance(e.get("start"), int) and isinstance(e.get("end"), int)
                 else None for e in entities]
        out: List[Dict[Text, Any]] = []
        for i, entity in enumerate(entities):
            span = spans[i]
            if span is None or entity.get("entity") not in self._types:
                out.append(entity)
                continue
            others = [s for j, s in enumerate(spans) if j != i and s is not None]
            new = complete(text, span, entity["entity"], others)
            if new == span:
                out.append(entity)
                continue
            spans[i] = new  # later entities must not grow into this one
            changed = dict(entity, start=new.start, end=new.end, value=text[new.start:new.end])
            changed["processors"] = [*entity.get("processors", []), type(self).__name__]
            out.append(changed)
        return out
