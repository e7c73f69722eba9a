"""Split entities of the listed types are joined; others and separated ones are left alone."""
from __future__ import annotations

from rasa.shared.nlu.constants import ENTITIES, TEXT
from rasa.shared.nlu.training_data.message import Message

from rasa_components.entity_joiner import AdjacentEntityJoiner


def _entity(kind: str, text: str, word: str, confidence: float = 0.9) -> dict:
    start = text.index(word)
    return {"entity": kind, "start": start, "end": start + len(word), "value": word, "confidence_entity": confidence}


def test_a_time_split_in_two_becomes_one_and_other_types_stay_apart() -> None:
    text = "book a table for four at 7 tonight in Boston Chicago"
    entities = [_entity("time", text, "tonight", 0.7), _entity("party_size", text, "four"),
                _entity("time", text, "7", 0.6), _entity("city", text, "Boston"), _entity("city", text, "Chicago")]
    [message] = AdjacentEntityJoiner({"entities": ["time"]}).process([Message(data={TEXT: text, ENTITIES: entities})])
    found = [(e["entity"], e["value"]) for e in message.get(ENTITIES)]
    assert found == [("party_size", "four"), ("time", "7 tonight"), ("city", "Boston"), ("city", "Chicago")]
    time = message.get(ENTITIES)[1]
    assert text[time["start"]:time["end"]] == "7 tonight" and time["confidence_entity"] == 0.6


def test_times_with_words_between_stay_two() -> None:
    text = "at 7 or tomorrow"
    entities = [_entity("time", text, "7"), _entity("time", text, "tomorrow")]
    [message] = AdjacentEntityJoiner({"entities": ["time"]}).process([Message(data={TEXT: text, ENTITIES: entities})])
    assert [e["value"] for e in message.get(ENTITIES)] == ["7", "tomorrow"]
