"""What every skill returns and declares, so adapters (Rasa actions, CLI, tests) stay dumb."""
from __future__ import annotations

import hashlib
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import asdict, dataclass, field, replace
from typing import Any, Callable

from preferences.resolution import ResolvedEntity


@dataclass(frozen=True)
class SkillReply:
    """The text to say plus the facts behind it (for explanations and tests).

    ``resolutions`` is the skill's record of what it made of each entity
    (`preferences.resolution`): logged with the answer, for failure points.
    """

    text: str
    facts: dict[str, Any] = field(default_factory=dict)
    resolutions: tuple[ResolvedEntity, ...] = ()


def stable_number(*parts: object, modulo: int) -> int:
    """A deterministic pseudo-random number for offline catalogs.

    Python's hash() is salted per process; the demo must answer the same in
    the Rasa process, the action server and the tests.
    """
    digest = hashlib.sha256("|".join(map(str, parts)).encode()).digest()
    return int.from_bytes(digest[:8], "big") % modulo


# --- what a skill declares about itself ------------------------------------------------------------
# Everything the project knows about one skill sits in that skill's module as
# `SKILLS = (Skill(...), ...)`; preferences.skills.registry lists the modules.
# The conversation, teaching, moments, catalogs and the action adapters loop
# over the registry instead of keeping tables of their own.

Entities = Mapping[str, Any]


@dataclass(frozen=True)
class Slot:
    """A preference slot a skill teaches or reads, and how it is stored and said."""

    name: str  # the slot in the store ("genre")
    domain: str  # the store's domain ("music")
    entity: str | None  # the NLU entity that names it in a statement ("genre"); None: never stated directly
    multi_valued: bool = True  # a user may like several (jazz *and* blues); False: newer replaces older
    normalize: Callable[[str], str | None] | None = None  # to the catalog; None: free text
    describe: Callable[[str, Any], str] | None = None  # (value, polarity) -> "you live in X"; None: "you like X"
    noun: str = "{}"  # the value in a sentence: "{} food"
    order: int = 100  # the order statements are stored and confirmed in
    stated: bool = True  # False: only ever inferred (may never be stated as a dislike etc.)


@dataclass(frozen=True)
class Question:
    """One question of the guided Q&A ("learn my preferences")."""

    slot: str
    text: str
    order: int


@dataclass(frozen=True)
class Skill:
    """One skill, declared once."""

    name: str  # the conversation's name for it ("play_music")
    intent: str  # the NLU intent that asks for it
    action: str  # the Rasa action that carries it out
    reply: Callable[..., SkillReply]  # (service, user, entities, utterance) -> SkillReply
    hint: str  # what to ask at a teachable moment about it
    provider: Callable[..., Any] | None = None  # (today) -> the offline provider a real service would replace
    teaches: tuple[str, ...] = ()  # slots an answer about a failed request of this skill may teach
    answers: tuple[str, ...] = ()  # entities that, said alone ("jazz"), mean a request of this skill
    # entities that, said as a fragment right after a request of this skill ("and tomorrow?", "what about in
    # chicago"), ask for that request again with them changed
    follows: tuple[str, ...] = ()
    # what a request of this skill is about, first the entity that decides ("city"; "device", then "room"): a
    # request of the same skill right after one that names none of it ("will it be windy" after the weather
    # in Denver, "did they win" after the Celtics, "turn it back on" after the kitchen lights) is about the
    # same; asking "Which city?" then would ignore what the conversation just said
    carries: tuple[str, ...] = ()
    slots: tuple[Slot, ...] = ()
    questions: tuple[Question, ...] = ()
    examples: tuple[str, ...] = field(default=())  # a few requests, for help texts and smoke tests
    # (entity, words) -> what this skill makes of the words for a user with no preferences, or None if it does
    # not read that entity; the same code its reply records with (generated failure-point traffic uses it)
    resolves: Callable[[str, str], ResolvedEntity | None] | None = None


def first(entities: Entities, name: str) -> str | None:
    """The first non-empty value of an entity; NLU may return lists or numbers."""
    value = entities.get(name)
    if isinstance(value, (list, tuple)):
        value = next((v for v in value if v not in (None, "")), None)
    if value is None:
        return None
    text = str(value).strip()
    return text or None


def place_of(entities: Entities) -> str | None:
    """The place named in a message.

    The whitespace tokenizer cuts "Portland, Maine" at the comma, so NLU often
    returns two city entities; when the pair names a real place together, it
    is one place.
    """
    from preferences.catalogs.places import candidates

    values = entities.get("city")
    if isinstance(values, (list, tuple)) and len(values) >= 2:
        joined = f"{values[0]}, {values[1]}"
        if candidates(joined):
            return joined
    return first(entities, "city")


def with_choices(reply: SkillReply, choices: Sequence[Any], lead: str | None = None) -> SkillReply:
    """Attach the choices (personalization.Choice) to the facts, and lead the text with why."""
    facts = dict(reply.facts)
    facts["choices"] = [asdict(c) for c in choices]
    return replace(reply, text=f"{lead} {reply.text}" if lead else reply.text, facts=facts)


def with_resolutions(reply: SkillReply, resolutions: Iterable[ResolvedEntity | None]) -> SkillReply:
    """The reply with the skill's record of what it resolved appended (None: nothing resolved there)."""
    return replace(reply, resolutions=reply.resolutions + tuple(r for r in resolutions if r is not None))
