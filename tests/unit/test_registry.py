"""The skill registry, the conversation's handlers and the Rasa domain say the same thing."""
from __future__ import annotations

from pathlib import Path

import yaml

from preferences.dialogue import HANDLERS, action_names
from preferences.skills import registry
from preferences.slots import SLOTS
from preferences.teaching import ENTITY_SLOTS

DOMAIN = yaml.safe_load((Path(__file__).resolve().parents[2] / "rasa_project" / "domain.yml").read_text())


def test_every_registered_skill_intent_is_in_the_domain() -> None:
    assert {s.intent for s in registry.SKILLS} <= set(DOMAIN["intents"])


def test_the_domain_custom_actions_are_exactly_the_registered_ones() -> None:
    custom = {a for a in DOMAIN["actions"] if a.startswith("action_")}
    assert custom == set(action_names())
    assert len(action_names()) == len(set(action_names()))  # no skill action shadows a handler


def test_every_entity_a_skill_teaches_or_answers_is_in_the_domain() -> None:
    entities = set(DOMAIN["entities"])
    assert {e for s in registry.SKILLS for e in s.answers} <= entities
    assert set(ENTITY_SLOTS) <= entities


def test_slots_questions_and_teaching_come_from_the_declarations() -> None:
    declared = {slot.name for s in registry.SKILLS for slot in s.slots}
    assert set(SLOTS) == declared
    assert all(q.slot in declared for q in registry.questions())
    assert all(t in declared for s in registry.SKILLS for t in s.teaches)
    assert [q.slot for q in registry.questions()] == ["genre", "team", "cuisine", "home_city", "news_topic", "units"]
    assert registry.skill_answering("genre") is registry.skill("play_music")
    assert registry.skill_answering("city") is registry.skill("weather")


def test_every_handler_takes_the_turn_context_only() -> None:
    import inspect

    for name, handler in HANDLERS.items():
        params = list(inspect.signature(handler).parameters)
        assert params[:2] == ["self", "ctx"], name
        assert all(inspect.signature(handler).parameters[p].default is not inspect.Parameter.empty
                   for p in params[2:]), name
