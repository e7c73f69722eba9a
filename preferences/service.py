"""The assistant's behaviour behind every skill, independent of Rasa.

Adapters (Rasa actions, tests, benchmarks) hand over the user id and the
entities of one message and get back a SkillReply. Each skill's own logic
lives in its module (`preferences.skills.<skill>`, declared in the
registry); this class holds what they share: the store, one provider per
skill, today's date, and the two lookups every personalised skill needs
(the user's profile and which city a request is about). An explicit value in
the request always wins over a preference; when a preference decided
something, the reply says so and `facts["choices"]` records it for "why did
you pick that?".
"""
from __future__ import annotations

from collections.abc import Mapping
from dataclasses import replace
from datetime import date
from typing import Any

from preferences.catalogs.places import City
from preferences.errors import StoreUnavailable
from preferences.personalization import Choice, Profile, home_city, profile_of, remember_city, resolve_city
from preferences.resolution import How, ResolvedEntity
from preferences.skills import registry
from preferences.skills.base import Entities, SkillReply, first, place_of, with_choices
from preferences.store import PreferenceStore

# Said before a skill's answer given without the user's preferences because the store is unreachable; the turn
# is marked as an outage (dialogue Reply.outage), so a retry afterwards is not taken for a misunderstanding.
WITHOUT_MEMORY = "My memory is unavailable right now, so I couldn't use what you told me. Nothing you told me is lost."


class AssistantService:
    """One instance per process; each call reads the user's profile once."""

    def __init__(self, store: PreferenceStore, *, providers: Mapping[str, Any] | None = None,
                 today: date | None = None, personalize: bool = True) -> None:
        self.store = store
        self.personalize = personalize
        self._today = today
        given = dict(providers or {})
        self._providers = {s.name: given.get(s.name) or s.provider(today)
                           for s in registry.SKILLS if s.provider is not None or s.name in given}

    @property
    def today(self) -> date:
        return self._today or date.today()

    def provider(self, skill: str) -> Any:
        """The provider behind a skill (the offline one unless another was given)."""
        return self._providers[skill]

    def reply(self, skill: str, user: str, entities: Entities, utterance: str | None = None) -> SkillReply:
        """Carry out one request of a registered skill; without the user's preferences if the store is down.

        A skill answers from its catalogs: a database outage must not take the weather away, only the
        personal touch, and the reply says so (facts["memory_unavailable"]). A skill whose answer is itself
        memory (device states) still raises StoreUnavailable.
        """
        try:
            return registry.skill(skill).reply(self, user, entities, utterance)
        except StoreUnavailable:
            memoryless = AssistantService(self.store, providers=self._providers, today=self._today,
                                          personalize=False)
            plain = registry.skill(skill).reply(memoryless, user, entities, utterance)
            return replace(plain, text=f"{WITHOUT_MEMORY} {plain.text}",
                           facts=plain.facts | {"memory_unavailable": True})

    # --- what the skills share --------------------------------------------------------------------
    def where(self, user: str, profile: Profile, place: str | None, utterance: str | None,
              remember: bool) -> tuple[City | None, Choice | None, str, ResolvedEntity | None]:
        """The city a request is about: the named one (as this user means it), else home; and the record of how.

        Returns (None, None, note, unknown) for a name no gazetteer city has,
        and (None, None, "", None) when nothing was named and no home is known.
        """
        if place:
            city, choice, note, resolved = resolve_city(profile, place)
            if city is not None and remember and self.personalize:
                remember_city(self.store, user, city, utterance)
            return city, choice, note, resolved
        city, choice = home_city(profile)
        filled = ResolvedEntity("city", None, city.key, (), How.PREFERENCE) if city is not None else None
        return city, choice, "", filled

    def profile(self, user: str) -> Profile:
        """The user's profile; empty when learning is switched off (the latency baseline)."""
        return profile_of(self.store, user) if self.personalize else Profile()


__all__ = ["AssistantService", "Profile", "first", "place_of", "with_choices"]
