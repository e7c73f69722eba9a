"""Restaurant search and table bookings over an offline, generated directory.

Names are composed from cuisine-specific words (or the cuisine's name) and
the city, so any gazetteer city has a few places for every cuisine of the
catalog (`preferences.catalogs.food`: the reference cuisines and dishes plus
restaurant styles) without a hand-made list. A request that names a party
size or a time ("a table for four at 7 tonight") is a booking: the provider
reserves a table at the best match and the reply says exactly what it did,
including what it assumed.
"""
from __future__ import annotations

from collections.abc import Collection
from dataclasses import dataclass
from datetime import date
from typing import Protocol

from preferences.catalogs import food
from preferences.catalogs.bookings import DINNER, MAX_PARTY, When, parse_party_size, parse_when, say_clock, say_when
from preferences.catalogs.places import City
from preferences.skills.base import SkillReply, stable_number

_WORDS = {
    "italian": ("Trattoria", "Osteria", "Nonna's", "Il Forno", "Brick Oven Pizza"),
    "mexican": ("Cantina", "Taqueria", "El Sol"), "chinese": ("Golden Dragon", "Jade Garden", "Lucky House"),
    "japanese": ("Sakura", "Izakaya Koi", "Hana", "Sushi Zen", "Umi Sushi"),
    "thai": ("Thai Orchid", "Bangkok Kitchen", "Siam"), "indian": ("Tandoor", "Spice Route", "Masala House"),
    "french": ("Bistro", "Chez Margot", "Le Petit"), "greek": ("Taverna", "Olympia", "Santorini"),
    "korean": ("Seoul Kitchen", "Bulgogi House", "Gangnam"), "vietnamese": ("Pho Saigon", "Banh Mi Corner", "Hanoi"),
    "mediterranean": ("Olive Tree", "Cedar", "Levant"), "middle eastern": ("Cedar", "Levant", "Falafel House"),
    "american": ("Main Street Diner", "Liberty Grill", "The Burger Joint"),
    "bbq": ("Smokehouse", "Pit Boss", "Low & Slow"),
    "vegetarian": ("Green Table", "Garden Plate", "Sprout"), "vegan": ("Plant Kitchen", "Root", "Leafy"),
    "seafood": ("Harbor House", "The Oyster Bar", "Catch"), "spanish": ("Tapas Bar", "La Bodega", "Casa Sol"),
    "ethiopian": ("Addis", "Lalibela", "Blue Nile"),
}
_TEMPLATES = ("{} Kitchen", "{} House", "The {} Table")  # for cuisines without words of their own
DEFAULT_PARTY = 2


@dataclass(frozen=True)
class Restaurant:
    name: str
    cuisine: str
    city: str
    rating: float


@dataclass(frozen=True)
class Reservation:
    restaurant: Restaurant
    party_size: int
    when: When
    code: str


class RestaurantProvider(Protocol):
    def search(self, city: City, cuisine: str | None, avoid: Collection[str] = ()) -> list[Restaurant]: ...

    def reserve(self, restaurant: Restaurant, party_size: int, when: When) -> Reservation: ...


class OfflineRestaurantProvider:
    """Deterministic places per (city, cuisine); a reservation always succeeds, with a stable code."""

    def search(self, city: City, cuisine: str | None, avoid: Collection[str] = ()) -> list[Restaurant]:
        cuisines = [cuisine] if cuisine else [c for c in food.cuisines() if c not in avoid]
        found = []
        for c in cuisines:
            words = _WORDS.get(c) or tuple(t.format(food.display(c).title()) for t in _TEMPLATES)
            name = f"{words[stable_number(city.key, c, modulo=len(words))]} {city.name}"
            rating = 3.5 + stable_number(city.key, c, "rating", modulo=15) / 10
            found.append(Restaurant(name, c, city.label, round(rating, 1)))
        return sorted(found, key=lambda r: -r.rating)[:3]

    def reserve(self, restaurant: Restaurant, party_size: int, when: When) -> Reservation:
        code = f"{stable_number(restaurant.name, party_size, when.day, when.clock, modulo=100_000):05d}"
        return Reservation(restaurant, party_size, when, code)


def restaurant_reply(provider: RestaurantProvider, city: City, cuisine: str | None,
                     avoid: Collection[str] = (), dish: str | None = None) -> SkillReply:
    found = provider.search(city, cuisine, avoid)
    best = found[0]
    what = f"{cuisine} place" if cuisine else "place"  # lower case, as the cuisine is said everywhere else
    if dish:
        what += f" for {dish}"
    text = f"A good {what} in {city.label} is {best.name} ({best.cuisine}, rated {best.rating})."
    if len(found) > 1:
        text += " Also worth a look: " + ", ".join(r.name for r in found[1:]) + "."
    return SkillReply(text, {"city": city.key, "cuisine": best.cuisine, "restaurants": [r.name for r in found]})


@dataclass(frozen=True)
class Booking:
    """What a request asks to book; ``party_said``/``when.clock_said`` say what was not assumed."""

    party_size: int
    party_said: bool
    when: When


def booking_reply(provider: RestaurantProvider, city: City, cuisine: str | None, booking: Booking,
                  today: date, avoid: Collection[str] = ()) -> SkillReply:
    """Reserve at the best match and say what was done, and what was assumed."""
    found = provider.search(city, cuisine, avoid)
    done = provider.reserve(found[0], booking.party_size, booking.when)
    place = done.restaurant
    text = (f"I've reserved a table for {done.party_size} {say_when(done.when, today)} at {place.name}, "
            f"{_a(food.display(place.cuisine))} place in {city.label} (rated {place.rating}). "
            f"Your confirmation number is {done.code}.")
    assumed = []
    if not booking.party_said:
        assumed.append(f"{done.party_size} people")
    if not booking.when.clock_said:
        whole = say_when(done.when, today).removeprefix("at ")
        assumed.append(say_clock(done.when.clock) if booking.when.day_said else whole)
    if assumed:
        text += f" I assumed {' and '.join(assumed)}; tell me if you'd like it changed."
    facts = {"city": city.key, "cuisine": place.cuisine, "restaurants": [r.name for r in found],
             "reservation": {"restaurant": place.name, "party_size": done.party_size, "day": done.when.day.isoformat(),
                             "time": done.when.clock.strftime("%H:%M"), "code": done.code}}
    return SkillReply(text, facts)


def _a(word: str) -> str:
    return f"an {word}" if word[:1].lower() in "aeiou" else f"a {word}"


# --- the skill, declared once ------------------------------------------------------------------------
from typing import TYPE_CHECKING  # noqa: E402

from preferences.personalization import Choice, Profile, reason_for, resolve_city  # noqa: E402
from preferences.resolution import How, ResolvedEntity  # noqa: E402
from preferences.skills.base import (  # noqa: E402
    Entities, Question, Skill, Slot, first, place_of, with_choices, with_resolutions)

if TYPE_CHECKING:
    from preferences.service import AssistantService


def booking_of(entities: Entities, today: date) -> Booking | SkillReply | None:
    """The booking a request asks for (party size and/or time), a question when unclear, or None."""
    party_text, time_text = first(entities, "party_size"), first(entities, "time")
    if party_text is None and time_text is None:
        return None
    party = parse_party_size(party_text) if party_text else DEFAULT_PARTY
    if party is None:
        return SkillReply("How many people should I book the table for?", {"missing": "party_size"})
    if party > MAX_PARTY:
        return SkillReply(f"I can only book tables for up to {MAX_PARTY} people; for {party}, please call "
                          "the restaurant.", {"too_many": party})
    when = parse_when(time_text, today) if time_text else When(today, DINNER, False, False)
    if when is None:
        return SkillReply(f"What time should I book the table for? I didn't understand \"{time_text}\". "
                          "For example: \"at 7 tonight\".", {"missing": "time"})
    return Booking(party, party_text is not None, when)


def _cuisine_for(profile: Profile, asked: food.CuisineMatch | None,
                 avoid: set[str]) -> tuple[str | None, Choice | None, str]:
    """The cuisine to look for, the preference that chose it, and an honest note when it is a stand-in."""
    if asked is not None:
        note = "" if asked.exact else (f"I don't know {asked.words} food yet, so I looked for "
                                       f"{asked.cuisine} food, the closest I know. ")
        return asked.cuisine, None, note
    unknown = []
    for pref in profile.likes.get("cuisine", []):
        found = food.match(pref.value)
        if found.cuisine is None:
            unknown.append(pref.value)
        elif found.cuisine not in avoid:
            reason = f"{found.cuisine} food, {reason_for(pref, 'cuisine')}"
            note = "" if found.exact else (f"I don't know {pref.value} food yet, so I looked for "
                                           f"{found.cuisine} food, the closest I know. ")
            return found.cuisine, Choice("cuisine", found.cuisine, reason), note
    if unknown:
        return None, None, (f"You told me you like {unknown[0]} food, but I don't know it yet, "
                            "so I looked at every kind. ")
    return None, None, ""


def cuisine_resolution(match: food.CuisineMatch) -> ResolvedEntity:
    """What cuisine words come to: exact when they name it, closest when they only contain it ("northern thai")."""
    if match.cuisine is None:
        return ResolvedEntity.named("cuisine", match.words, None)
    return ResolvedEntity("cuisine", match.words, match.cuisine, (), How.EXACT if match.exact else How.CLOSEST)


def reply(service: AssistantService, user: str, entities: Entities, utterance: str | None = None) -> SkillReply:
    cuisine_text, place = first(entities, "cuisine"), place_of(entities)
    booking = booking_of(entities, service.today)
    if isinstance(booking, SkillReply):
        return booking
    asked = food.match(cuisine_text) if cuisine_text else None
    resolved = [cuisine_resolution(asked) if asked is not None else None]
    if asked is not None and asked.cuisine is None:
        return with_resolutions(SkillReply(f"I don't know {cuisine_text} as a cuisine yet, and nothing I know is "
                                           "close to it. Try Italian, Thai or Mexican.",
                                           {"unknown_cuisine": cuisine_text}), resolved)
    profile = service.profile(user)
    city, choice, city_note, where = service.where(user, profile, place, utterance, remember=False)
    resolved.append(where)
    if city is None:
        if place:
            return with_resolutions(SkillReply(city_note, {"unknown_city": place}), resolved)
        what = f"{asked.cuisine} food" if asked else "a place to eat"
        ask = ("book a table" + (f" for {booking.party_size}" if booking.party_said else "")) if booking \
            else f"look for {what}"
        return with_resolutions(SkillReply(f"Where should I {ask}? For example: \"in Boston\".",
                                           {"missing": "city"}), resolved)
    if choice and not place:
        choice = Choice(choice.slot, choice.value, f"a place near your home in {city.label}")
    choices = [choice] if choice else []
    avoid = {food.normalize_cuisine(v) or v for v in profile.avoided("cuisine")}
    cuisine, liked, note = _cuisine_for(profile, asked, avoid)
    if liked:
        choices.append(liked)
        resolved.append(ResolvedEntity("cuisine", None, cuisine, (), How.PREFERENCE))
    provider = service.provider("find_restaurant")
    if booking:
        found = booking_reply(provider, city, cuisine, booking, service.today, avoid)
    else:
        dish = _dish_words(cuisine_text) if asked and asked.dish else None
        found = restaurant_reply(provider, city, cuisine, avoid, dish)
    lead = ("Looking for " + " and ".join(c.reason for c in choices) + ".") if choices else None
    return with_resolutions(with_choices(SkillReply(note + found.text + city_note, found.facts), choices, lead),
                            resolved)


def resolve_named(entity: str, words: str) -> ResolvedEntity | None:
    """What a cuisine or city named `words` resolves to, for a user with no preferences (`Skill.resolves`)."""
    if entity == "cuisine":
        return cuisine_resolution(food.match(words))
    return resolve_city(Profile(), words)[3] if entity == "city" else None


def _dish_words(text: str | None) -> str | None:
    """The dish as the user said it, without "some"/"a" ("some pho" -> "pho")."""
    words = (text or "").split()
    while len(words) > 1 and words[0].lower() in ("some", "a", "an", "the", "good"):
        words = words[1:]
    return " ".join(words) or None


SKILLS = (
    Skill(name="find_restaurant", intent="find_restaurant", action="action_find_restaurant", reply=reply,
          provider=lambda today=None: OfflineRestaurantProvider(),
          hint="What kind of food did you want, and where?", teaches=("cuisine",), answers=("cuisine",),
          follows=("cuisine", "city", "time", "party_size"), carries=("city",),
          slots=(Slot("cuisine", "food", "cuisine", normalize=food.normalize_cuisine, noun="{} food", order=30),),
          questions=(Question("cuisine", "What's your favourite kind of food?", order=30),),
          examples=("find me a Thai restaurant", "somewhere to eat in Portland"), resolves=resolve_named),
)
