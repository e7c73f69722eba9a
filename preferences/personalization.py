"""Let what a user taught the assistant fill what a request leaves open.

One store read per turn gives the user's profile; skills ask it for a
default ("play some music" -> the liked genre), for what to avoid, and for
the user's own meaning of an ambiguous place. Every time a preference
changes the interpretation, a `Choice` says which and why, so the reply can
say so and "why did you pick that?" can be answered.
"""
from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable
from dataclasses import dataclass, field

from preferences.catalogs.places import City, by_key, candidates
from preferences.records import Polarity, Preference, Source
from preferences.resolution import How, ResolvedEntity
from preferences.store import PreferenceStore

# Cities a user asked about are remembered as inferred evidence in this slot,
# so "Springfield" comes to mean *their* Springfield.
ASKED_CITY = "asked_city"


@dataclass(frozen=True)
class Choice:
    """A preference that shaped this turn: (slot, value) and the reason in words."""

    slot: str
    value: str
    reason: str


@dataclass
class Profile:
    likes: dict[str, list[Preference]] = field(default_factory=lambda: defaultdict(list))
    dislikes: dict[str, set[str]] = field(default_factory=lambda: defaultdict(set))

    @classmethod
    def of(cls, preferences: Iterable[Preference]) -> "Profile":
        profile = cls()
        for p in preferences:
            if p.polarity is Polarity.LIKE:
                profile.likes[p.slot].append(p)
            else:
                profile.dislikes[p.slot].add(p.value)
        for prefs in profile.likes.values():
            # Explicit before inferred, then the most recently confirmed.
            prefs.sort(key=lambda p: (p.source is Source.INFERRED, -p.updated_at.timestamp()))
        return profile

    def favourite(self, slot: str) -> Preference | None:
        liked = [p for p in self.likes.get(slot, []) if p.recognized]
        return liked[0] if liked else None

    def avoided(self, slot: str) -> set[str]:
        return set(self.dislikes.get(slot, set()))

    @property
    def empty(self) -> bool:
        return not any(self.likes.values()) and not any(self.dislikes.values())


def profile_of(store: PreferenceStore, user: str) -> Profile:
    return Profile.of(store.list(user))


def reason_for(pref: Preference, what: str) -> str:
    """ "since you told me you like it", in the words of how it was learned."""
    if pref.source is Source.INFERRED:
        return f"since that's your usual {what}"
    if pref.slot == "home_city":
        return "since that's where you told me you live"
    if pref.slot == "units":
        return "as you asked"
    if pref.slot == "team":
        return "since you told me they're your team"
    return "since you told me you like it"


def resolve_city(profile: Profile, place: str) -> tuple[City | None, Choice | None, str, ResolvedEntity]:
    """The city a place name means for this user, a note when it was a guess, and the record of how.

    Order: the user's home city if the name matches it, then a city they asked
    about before with that name, then the most populous city with that name.
    """
    found = candidates(place, spellings=True)  # a place NLU tagged as one: "marrakech" is Marrakesh
    keys = [c.key for c in found]
    if not found:
        return None, None, f"I couldn't find a city called {place}.", ResolvedEntity.named("city", place, None)
    if len(found) == 1 or "," in place:
        how = How.EXACT if len(found) == 1 else How.DEFAULT
        return found[0], None, "", ResolvedEntity.among("city", place, found[0].key, keys, how)
    named = {c.key: c for c in found}
    home = profile.favourite("home_city")
    if home and home.value in named:
        city = named[home.value]
        return (city, Choice("home_city", home.value, f"{city.label}, since that's where you live"), "",
                ResolvedEntity.among("city", place, city.key, keys, How.PREFERENCE))
    for pref in profile.likes.get(ASKED_CITY, []):
        if pref.value in named:
            city = named[pref.value]
            return (city, Choice(ASKED_CITY, pref.value, f"{city.label}, the one you usually ask about"), "",
                    ResolvedEntity.among("city", place, city.key, keys, How.ASKED))
    note = (f" (I picked {found[0].label}; there are {len(found)} places called {found[0].name}, "
            "so tell me the state or country if you meant another.)")
    return found[0], None, note, ResolvedEntity.among("city", place, found[0].key, keys, How.DEFAULT)


def home_city(profile: Profile) -> tuple[City | None, Choice | None]:
    pref = profile.favourite("home_city")
    city = by_key(pref.value) if pref else None
    if pref is None or city is None:
        return None, None
    return city, Choice("home_city", pref.value, reason_for(pref, "city"))


def remember_city(store: PreferenceStore, user: str, city: City, utterance: str | None) -> None:
    """Inferred evidence: it never overrides anything the user stated."""
    store.record(user, "location", ASKED_CITY, city.key, source=Source.INFERRED, confidence=0.6,
                 utterance=utterance)
