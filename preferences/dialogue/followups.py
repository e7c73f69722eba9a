"""Follow-ups: what a turn means given the request before it, when NLU read the turn alone.

NLU reads one message at a time. "and tomorrow?", "did they win", "turn it
off", "the uk one" or "... and start the dishwasher" each mean something only
next to the last request (kept in the `State`): these methods, mixed into
`Conversation`, turn such a turn into the request it is (docs/learning.md,
"Follow-ups that lean on the last request"). `Requests` asks them first.
"""
from __future__ import annotations

import re
from collections.abc import Mapping
from dataclasses import replace
from typing import TYPE_CHECKING, Any

from preferences.catalogs.bookings import parse_party_size
from preferences.catalogs.places import candidates, region_named
from preferences.catalogs.text import fold
from preferences.dialogue.context import TurnContext
from preferences.dialogue.state import Reply
from preferences.skills import devices, registry
from preferences.skills.base import place_of
from preferences.skills.devices import clauses
from preferences.skills.devices.catalog import ROOM_PATTERN
from preferences.teaching import confirmation, values_of

if TYPE_CHECKING:
    from preferences.dialogue.conversation import Conversation


# How long what the last request was about carries over to a request that names none of it (`carry`): a
# conversation's next question, not one asked after a break.
CARRY_SECONDS = 600.0
# Words that point back at what was just talked about ("turn it off", "send them back").
_REFERS_BACK = re.compile(r"\b(it|its|them|they|that|those|this|these)\b")
# Words that point at the user's own ("how did we get on", "my team"): the user's preference answers them, not
# what the last request was about.
_OWN = re.compile(r"\b(we|us|our|ours|my team|my city|my town)\b")
# How many people a table is for, said as a change to it ("make it 7 people", "we're 6 of us now").
_PARTY_SAID = re.compile(r"\b\w+ (?:people|persons|guests|adults|of us)\b")
# A command and a question about devices are about the same device: "start the dryer", "how long has it got left".
_DEVICE_SKILLS = frozenset({"control_device", "device_status"})
# How a message opens when it leans on the last request: "and tomorrow?", "what about the kitchen".
_FOLLOW_UP = re.compile(r"^(and|what about|how about|what of|same (for|in|with)|also|now|ok(ay)? and|then)\b")


_VERB = re.compile(r"\b(?:turn|switch|put|flip|flick|power)\b")
_PLACED = re.compile(r"\bon (?:the|my|our) \w+")
_WH = frozenset({"what", "whats", "when", "how", "which", "who", "why", "where"})
# "and the kettle", "the toaster too": a thing named alone after a device command, which the catalog lacks
_THING = re.compile(r"^(?:and |also |plus )?(?:the|my|our) ([a-z]+(?: (?!too$|also$|as well$)[a-z]+)?)"
                    r"(?: too| as well| also)?[?!.]*$")
_NOT_THINGS = frozenset({"one", "ones", "other", "others", "rest", "same", "first", "second", "third", "last",
                         "next", "lot", "whole", "other one", "last one", "first one", "second one", "same one"})
# places the room catalog lacks: "and the landing" after the hallway light is the landing's light, no appliance
_PLACES = frozenset("""landing hall loft conservatory utility ensuite pantry cellar driveway balcony terrace deck stairs
    staircase corridor closet wardrobe toilet washroom lobby entrance entryway mudroom gym workshop shed greenhouse
    annex annexe veranda porch garden yard""".split())


def has_values(entities: Mapping[str, Any]) -> bool:
    return any(values_of(entities, name) for name in entities)


def recent(ctx: TurnContext) -> bool:
    """The user's previous turn was within `CARRY_SECONDS`: the conversation goes on, its context holds."""
    return bool(ctx.history) and ctx.at - ctx.history[-1].at <= CARRY_SECONDS


def found_all(skill: str, entities: Mapping[str, Any]) -> bool:
    """The skill finds every value `entities` names ("okafor" is no city: NLU guessed, and so would we)."""
    spec = registry.skill(skill)
    return all(_resolves(spec, entity, value) for entity in entities for value in values_of(entities, entity))


def _resolves(skill: Any, entity: str, value: str) -> bool:
    """The skill finds what `value` names (or does not look it up in a catalog)."""
    record = skill.resolves(entity, value) if skill.resolves else None
    return record is None or record.resolved is not None


def _names_device(ctx: TurnContext) -> bool:
    """The words name a device NLU did not tag ("the fan"), or mean the thermostat ("make it warmer")."""
    return bool(devices.find_device(ctx.text)) or \
        devices.implies_thermostat(ctx.text, bool(values_of(ctx.entities, "room")))


class FollowUps:
    """Mixed into Conversation: the turn read with the last request."""

    def follow_up(self: "Conversation", ctx: TurnContext, skill: str | None) -> TurnContext | None:
        """A fragment that leans on the last request ("and tomorrow?", "what about in chicago", a bare "kitchen"):
        the turn with that request's entities, changed by what the fragment says; None when it stands alone.

        A bare answer (`skill` None) follows when it names what the last request's skill `follows`; a request of
        the same skill only when it opens like a follow-up ("and ...", "what about ..."): "weather in paris"
        after "weather in rome" stands alone.
        """
        last = ctx.state.last_request
        if last is None or last.skill not in registry.BY_NAME or skill not in (None, last.skill):
            return None
        if not any(values_of(ctx.entities, entity) for entity in registry.skill(last.skill).follows):
            return None
        if skill is not None and not _FOLLOW_UP.match(fold(ctx.text)):
            return None
        kept = {name: value for name, value in last.entities.items() if name not in ctx.entities}
        return ctx.with_entities({**kept, **ctx.entities})

    def carry(self: "Conversation", ctx: TurnContext, skill: str) -> TurnContext | None:
        """A request of the last request's skill that names none of what that one was about (the skill's
        `carries`) is about the same: "will it be windy" after the weather in Denver is Denver's, "did they
        win" after the Celtics the Celtics', "turn it back on" after the kitchen lights those lights. Not while
        a question of the assistant is open (the words may answer it), nor after a break (`CARRY_SECONDS`),
        and what the turn names stays."""
        last, state = ctx.state.last_request, ctx.state
        if last is None or state.pending is not None or state.qa is not None:
            return None
        if last.skill != skill and {last.skill, skill} != _DEVICE_SKILLS:  # "how long has it got left" after
            return None  # "start the tumble dryer": a question about the device just commanded
        if not recent(ctx):
            return None
        spec = registry.skill(skill) if skill in registry.BY_NAME else None
        carries = spec.carries if spec else ()
        if not carries or values_of(ctx.entities, carries[0]) or _OWN.search(fold(ctx.text)):
            return None
        # a device only when the words point back at it ("turn it off", "send them back") or only turn it up
        # or down ("bit dimmer", "brighter pls"): "make sure the toaster is off" names a device the catalog
        # lacks, and must not switch off the last one instead
        if carries[0] == "device" and (_names_device(ctx) or not (
                _REFERS_BACK.search(fold(ctx.text)) or devices.adjusts_only(ctx.text))):
            return None
        subject = values_of(last.entities, carries[0])
        if not subject or not _resolves(spec, carries[0], subject[0]):
            return None  # what the last request named and the skill could not find ("alabama") is no context
        kept = {e: last.entities[e] for e in carries if e not in ctx.entities and values_of(last.entities, e)}
        return ctx.with_entities({**ctx.entities, **kept})

    def rebooked(self: "Conversation", ctx: TurnContext, skill: str) -> TurnContext | None:
        """ "make it 7 people" right after a table search or booking, which NLU read as another skill's request
        (a device command: "Which device?", eleventh real set): the last table request for that many people.
        None when the words say no party size, after a break, or while a question of the assistant is open."""
        last, state = ctx.state.last_request, ctx.state
        if last is None or last.skill != "find_restaurant" or skill == last.skill or not recent(ctx):
            return None
        if state.pending is not None or state.qa is not None:
            return None
        said = _PARTY_SAID.search(fold(ctx.text))
        size = parse_party_size(said.group(0)) if said else None
        return ctx.with_entities({**last.entities, "party_size": [str(size)]}) if size else None

    def refine_place(self: "Conversation", ctx: TurnContext) -> TurnContext | None:
        """ "the uk one", "and alabama?", "no the venezuelan one" right after a request about a town that
        several places share ("I picked Birmingham, United Kingdom; there are 3 places called Birmingham"):
        that request again, for the town of that name in that region. NLU reads such a fragment as a bare
        answer, as a city ("alabama": "I couldn't find a city called alabama") or as nothing at all; the
        conversation knows which town it is about (the real sets' labellers: intent, each time). None when
        the words say more than a region, when no town of that name lies there, after a break, or while a
        question of the assistant is open."""
        state, last = ctx.state, ctx.state.last_request
        if last is None or last.skill not in registry.BY_NAME or "city" not in registry.skill(last.skill).follows:
            return None
        if state.pending is not None or state.qa is not None or not recent(ctx):
            return None
        region, town = region_named(ctx.text), place_of(last.entities)
        if region is None or not town:
            return None
        place = f"{town.partition(',')[0].strip()}, {region}"
        return ctx.with_entities({**last.entities, "city": [place]}) if candidates(place) else None

    def fragment(self: "Conversation", ctx: TurnContext) -> Reply | None:
        """A fragment NLU could not place (a bare answer or a fallback) read with the last request: a region
        ("the uk one") or a device ("and the tv too", "close them"); None when it is neither."""
        return self.redo_in_region(ctx) or self.device_fragment(ctx)

    def redo_in_region(self: "Conversation", ctx: TurnContext, refined: TurnContext | None = None) -> Reply | None:
        """The last request again for the town in the region the fragment names (`refine_place`, or `refined`
        when the caller has it), the user's meaning of the name remembered as an answer at a teachable moment
        would be; None when it does not."""
        refined = refined or self.refine_place(ctx)
        last = ctx.state.last_request
        if refined is None or last is None:
            return None
        learned = self.remember_place(ctx, place_of(refined.entities), last.skill)
        reply = self.run(refined, last.skill, refined.entities)
        return replace(reply, texts=[confirmation(learned), *reply.texts] if learned else reply.texts)

    def several(self: "Conversation", ctx: TurnContext, skill: str) -> Reply | None:
        """Device commands beside the request NLU read ("turn off the kitchen lights and play some smooth
        jazz"), or several of them ("lights off, lock the door and start the dishwasher"): each one done, in
        order, after the rest of the message (`devices.clauses`); None for a single request."""
        if skill == "device_status":
            return None
        parts = clauses.split(ctx.text, ctx.entities)
        commands = [c for c in parts if c.device]
        if not commands or (skill == "control_device" and len(commands) < 2):
            return None
        replies: list[Reply] = []
        if skill != "control_device":
            words, entities = clauses.rest(parts)
            if not words:
                return None
            replies.append(self.run(ctx, skill, entities, text=words, with_metadata=True))
        replies += [self.run(ctx, "control_device", c.entities, text=c.text) for c in commands]
        return Reply([t for r in replies for t in r.texts], ctx.state, outage=any(r.outage for r in replies),
                     resolutions=tuple(x for r in replies for x in r.resolutions))

    def device_fragment(self: "Conversation", ctx: TurnContext) -> Reply | None:
        """ "and the kettle", "close it", "all the way up", "only halfway" right after a device request, which
        NLU could not place: that command again for the device the words name, or the same device with what
        the words now say to do. Within `CARRY_SECONDS`, no question open; None otherwise."""
        state, last = ctx.state, ctx.state.last_request
        if last is None or last.skill not in ("control_device", "device_status") or state.pending is not None \
                or state.qa is not None or not recent(ctx):
            return None
        words = fold(ctx.text).split()
        if not words or "still" in words:  # "it's still on" reports, it does not ask to switch it on
            return None
        # without a verb, "on the landing" places something; it does not switch it on
        said = ctx.text if _VERB.search(ctx.text.lower()) else _PLACED.sub(" ", ctx.text.lower())
        named, acts = devices.find_device(ctx.text), clauses.acts(said)
        asks = devices.asks_yes_no(ctx.text) or ctx.text.rstrip().endswith("?") or words[0] in _WH
        if named:  # "and the tv too": what the last command did, to this device; "switch off the fan": its own
            done = {} if acts else {**{k: v for k, v in last.entities.items() if k in ("power", "state")},
                                    **clauses.action_of(fold(last.text).split())}
            entities = {**done, "device": [named]}
        elif acts and values_of(last.entities, "device"):  # "close it", "all the way up": the same device
            entities = {k: v for k, v in last.entities.items() if k in ("device", "room")}
        elif (thing := _unknown_thing(ctx.text)) is not None:  # "and the kettle": say it can't, not "not sure"
            entities = {"device": [thing]}
        else:
            return None
        skill = "device_status" if asks else "control_device" if acts or last.skill == "control_device" else last.skill
        return self.run(ctx, skill, entities)

    def music_device(self: "Conversation", ctx: TurnContext, skill: str) -> TurnContext | None:
        """ "Turn it up" / "louder" / "turn it off" right after music started names no device: the music's
        speaker is meant, not "which device?". Not once the music was stopped, and not for "make it warmer"
        (the thermostat)."""
        last = ctx.state.last_request
        if skill != "control_device" or last is None or last.skill != "play_music" or ctx.state.playing is None:
            return None
        if values_of(ctx.entities, "device") or _names_device(ctx):
            return None
        return ctx.with_entities({**ctx.entities, "device": ["speaker"]})


def _unknown_thing(text: str) -> str | None:
    """The thing "and the kettle" names when it is neither a device nor a room nor "the other one"."""
    found = _THING.match(fold(text).strip())
    if found is None:
        return None
    thing = found.group(1)
    if thing in _NOT_THINGS or {thing.split()[-1], thing.split()[0]} & (_NOT_THINGS | _PLACES) \
            or ROOM_PATTERN.search(thing):
        return None
    return None if devices.normalize_device(thing, fuzzy=True) else thing
