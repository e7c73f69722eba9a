"""Join an entity the tagger split in two: "at [7](time) [tonight](time)" is one time, "7 tonight".

DIET tags tokens; for a value of several words it sometimes starts a new
entity in the middle, and the skill then sees two times ("7" and "tonight")
where the user said one. For the entity types listed in `entities`, two
entities of the same type separated only by spaces in the text are one.
Other types are left alone: two cities side by side can be two cities.
"""
from __future__ import annotations

from typing import Any, Dict, List, Text

from rasa.engine.recipes.default_recipe import DefaultV1Recipe
from rasa.shared.nlu.constants import ENTITIES, TEXT
from rasa.shared.nlu.training_data.message import Message

from rasa_components.message_guard import ConfiguredComponent


@DefaultV1Recipe.register([DefaultV1Recipe.ComponentType.ENTITY_EXTRACTOR], is_trainable=False)
class AdjacentEntityJoiner(ConfiguredComponent):
    def __init__(self, config: Dict[Text, Any] | None = None) -> None:
        super().__init__(config)
        self._types = frozenset(self.config.get("entities") or ())

    @staticmethod
    def get_default_config() -> Dict[Text, Any]:
        return {"entities": []}

    def process(self, messages: List[Message]) -> List[Message]:
        for message in messages:
            entities = message.get(ENTITIES) or []
            text = message.get(TEXT)
            if len(entities) > 1 and isinstance(text, str):
                message.set(ENTITIES, self.join(entities, text), add_to_output=True)
        return messages

    def join(self, entities: List[Dict[Text, Any]], text: Text) -> List[Dict[Text, Any]]:
        joined: List[Dict[Text, Any]] = []
        for entity in sorted(entities, key=lambda e: e.get("start", 0)):
            last = joined[-1] if joined else None
            if (last is not None and entity.get("entity") == last.get("entity") in self._types
                    and "start" in entity and "end" in last and last["end"] <= entity["start"]
                    and not text[last["end"]:entity["start"]].strip()):
                last["end"] = entity["end"]
                last["value"] = text[last["start"]:entity["end"]]
                confidences = [c for c in (last.get("confidence_entity"), entity.get("confidence_entity"))
                               if c is not None]
                if confidences:
                    last["confidence_entity"] = min(confidences)
                continue
            joined.append(dict(entity))
        return joined
