"""Restaurant search over an offline, generated directory.

Names are composed from cuisine-specific words and the city, so any
gazetteer city has a few places for every cuisine without a hand-made list.
"""
from __future__ import annotations

from collections.abc import Collection
from dataclasses import dataclass
from typing import Protocol

from preferences.catalogs.food import CUISINES
from preferences.catalogs.places import City
from preferences.skills.base import SkillReply, stable_number

_WORDS = {
    "italian": ("Trattoria", "Osteria", "Nonna's", "Il Forno"), "mexican": ("Cantina", "Taqueria", "El Sol"),
    "chinese": ("Golden Dragon", "Jade Garden", "Lucky House"), "japanese": ("Sakura", "Izakaya Koi", "Hana"),
    "sushi": ("Sushi Zen", "Umi Sushi", "Kaiten"), "thai": ("Thai Orchid", "Bangkok Kitchen", "Siam"),
    "indian": ("Tandoor", "Spice Route", "Masala House"), "french": ("Bistro", "Chez Margot", "Le Petit"),
    "greek": ("Taverna", "Olympia", "Santorini"), "korean": ("Seoul Kitchen", "Bulgogi House", "Gangnam"),
    "vietnamese": ("Pho Saigon", "Banh Mi Corner", "Hanoi"), "mediterranean": ("Olive Tree", "Cedar", "Levant"),
    "american": ("Main Street Diner", "Liberty Grill", "The Burger Joint"), "bbq": ("Smokehouse", "Pit Boss", "Low & Slow"),
    "vegetarian": ("Green Table", "Garden Plate", "Sprout"), "vegan": ("Plant Kitchen", "Root", "Leafy"),
    "pizza": ("Slice", "Brick Oven Pizza", "Pizzeria Uno"), "seafood": ("Harbor House", "The Oyster Bar", "Catch"),
    "spanish": ("Tapas Bar", "La Bodega", "Casa Sol"), "ethiopian": ("Addis", "Lalibela", "Blue Nile"),
}


@dataclass(frozen=True)
class Restaurant:
    name: str
    cuisine: str
    city: str
    rating: float


class RestaurantProvider(Protocol):
    def search(self, city: City, cuisine: str | None, avoid: Collection[str] = ()) -> list[Restaurant]: ...


class OfflineRestaurantProvider:
    def search(self, city: City, cuisine: str | None, avoid: Collection[str] = ()) -> list[Restaurant]:
        cuisines = [cuisine] if cuisine else [c for c in CUISINES if c not in avoid]
        found = []
        for c in cuisines:
            words = _WORDS[c]
            name = f"{words[stable_number(city.key, c, modulo=len(words))]} {city.name}"
            rating = 3.5 + stable_number(city.key, c, "rating", modulo=15) / 10
            found.append(Restaurant(name, c, city.label, round(rating, 1)))
        return sorted(found, key=lambda r: -r.rating)[:3]


def restaurant_reply(provider: RestaurantProvider, city: City, cuisine: str | None,
                     avoid: Collection[str] = ()) -> SkillReply:
    found = provider.search(city, cuisine, avoid)
    best = found[0]
    what = f"{cuisine} place" if cuisine else "place"
    text = f"A good {what} in {city.label} is {best.name} ({best.cuisine}, rated {best.rating})."
    if len(found) > 1:
        text += " Also worth a look: " + ", ".join(r.name for r in found[1:]) + "."
    return SkillReply(text, {"city": city.key, "cuisine": best.cuisine, "restaurants": [r.name for r in found]})


# --- the skill, declared once ------------------------------------------------------------------------
from typing import TYPE_CHECKING  # noqa: E402

from preferences.catalogs import normalize  # noqa: E402
from preferences.catalogs.food import normalize_cuisine  # noqa: E402
from preferences.personalization import Choice, reason_for  # noqa: E402
from preferences.skills.base import Entities, Question, Skill, Slot, first, place_of, with_choices  # noqa: E402

if TYPE_CHECKING:
    from preferences.service import AssistantService


def reply(service: AssistantService, user: str, entities: Entities, utterance: str | None = None) -> SkillReply:
    cuisine_text, place = first(entities, "cuisine"), place_of(entities)
    cuisine = normalize("cuisine", cuisine_text) if cuisine_text else None
    if cuisine_text and not cuisine:
        return SkillReply(f"I don't know {cuisine_text} as a cuisine yet. Try Italian, Thai or Mexican.",
                          {"unknown_cuisine": cuisine_text})
    profile = service.profile(user)
    city, choice, note = service.where(user, profile, place, utterance, remember=False)
    if city is None:
        if place:
            return SkillReply(note, {"unknown_city": place})
        what = f"{cuisine} food" if cuisine else "a place to eat"
        return SkillReply(f"Where should I look for {what}? For example: \"in Boston\".", {"missing": "city"})
    if choice and not place:
        choice = Choice(choice.slot, choice.value, f"near home in {city.label}")
    choices = [choice] if choice else []
    avoid = profile.avoided("cuisine")
    if not cuisine:
        fav = profile.favourite("cuisine")
        if fav and fav.value not in avoid:
            cuisine = fav.value
            choices.append(Choice("cuisine", fav.value, f"{fav.value} food, {reason_for(fav, 'cuisine')}"))
    reply = restaurant_reply(service.provider("find_restaurant"), city, cuisine, avoid)
    lead = ("Looking for " + " and ".join(c.reason for c in choices) + ".") if choices else None
    return with_choices(SkillReply(reply.text + note, reply.facts), choices, lead)


SKILLS = (
    Skill(name="find_restaurant", intent="find_restaurant", action="action_find_restaurant", reply=reply,
          provider=lambda today=None: OfflineRestaurantProvider(),
          hint="What kind of food did you want, and where?", teaches=("cuisine",), answers=("cuisine",),
          slots=(Slot("cuisine", "food", "cuisine", normalize=normalize_cuisine, noun="{} food", order=30),),
          questions=(Question("cuisine", "What's your favourite kind of food?", order=30),),
          examples=("find me a Thai restaurant", "somewhere to eat in Portland")),
)
