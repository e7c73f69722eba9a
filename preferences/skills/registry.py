"""The registry of skills: the one list to extend when adding a skill.

A skill module declares `SKILLS = (Skill(...), ...)` (see
`preferences.skills.base.Skill`): its intent and action, its reply and
provider, the slots it teaches and reads with their catalogs, its hint at a
teachable moment and its guided-Q&A questions. Everything else (the
conversation, teaching, the slot table, the Rasa action adapters, the
domain check in the tests) loops over what is registered here.
"""
from __future__ import annotations

from functools import lru_cache

from preferences.skills import devices, music, news, restaurants, sports, weather
from preferences.skills.base import Question, Skill, Slot

# Order matters where a bare answer could mean two skills ("jazz" is music
# before anything else; a city alone is the weather): earlier wins.
MODULES = (music, sports, news, restaurants, weather, devices)

SKILLS: tuple[Skill, ...] = tuple(skill for module in MODULES for skill in module.SKILLS)
BY_NAME: dict[str, Skill] = {s.name: s for s in SKILLS}
BY_ACTION: dict[str, Skill] = {s.action: s for s in SKILLS}
BY_INTENT: dict[str, Skill] = {s.intent: s for s in SKILLS}


def skill(name: str) -> Skill:
    return BY_NAME[name]


@lru_cache(maxsize=1)
def slots() -> tuple[Slot, ...]:
    """Every declared slot, in the order statements are stored and confirmed."""
    return tuple(sorted((slot for s in SKILLS for slot in s.slots), key=lambda slot: slot.order))


@lru_cache(maxsize=1)
def slots_by_name() -> dict[str, Slot]:
    return {slot.name: slot for slot in slots()}


@lru_cache(maxsize=1)
def questions() -> tuple[Question, ...]:
    """The guided Q&A, in order."""
    return tuple(sorted((q for s in SKILLS for q in s.questions), key=lambda q: q.order))


def skill_answering(entity: str) -> Skill | None:
    """The skill a bare answer naming this entity asks for ("jazz" -> music)."""
    return next((s for s in SKILLS if entity in s.answers), None)


__all__ = ["BY_ACTION", "BY_INTENT", "BY_NAME", "MODULES", "SKILLS", "questions", "skill", "skill_answering",
           "slots", "slots_by_name"]
