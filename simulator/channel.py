"""The noise channel: a goal in a user's head becomes the imperfect text the assistant receives.

First requests are said casually (the user's usual phrasing, a bare town
name, the part of a title they remember) and heard imperfectly (the
population's typical mishearings, the user's own recurring ones, a one-off
slip). A rephrase is what people do after a failure: they speak more
carefully and say more (the full name, the state, the artist of the song),
so each retry keeps only a share of the noise (`rephrase_decay`).

A user's own names for their favourites and the recogniser's recurring
mishearing of their voice (`population.Naming`) come first when the goal is
one of their favourites: those are habits, not accidents, so they recur in
the user's history and in their tests alike.
"""
from __future__ import annotations

import random
from dataclasses import dataclass, fields, replace

from preferences.catalogs.places import candidates
from simulator import noise
from simulator.population import CARRIERS, UNSEEN_CARRIERS, User, voice_variant
from simulator.seeds import stream
from simulator.world import Goal, GoalKind, World, city

# What people say when they try again, carefully: one precise phrasing per kind, shared by everyone.
PRECISE = {GoalKind.ARTIST: "play {artist}", GoalKind.SONG: "play {track} by {artist}",
           GoalKind.WEATHER: "what's the weather in {place}"}


@dataclass(frozen=True)
class NoiseLevels:
    """Probabilities of each kind of noise in a first request (the knobs of the channel)."""

    common: float = 0.3  # a name comes out as one of the population's typical mishearings of it
    one_off: float = 0.08  # ... or as a variant of this turn or this user alone (the long tail)
    personal: float = 0.5  # a one-off variant is the user's own recurring one (same voice, same error)
    nickname: float = 0.08  # a nickname or a surname instead of the catalog name
    partial: float = 0.35  # a song: only the part of the title the user remembers
    bare_place: float = 0.8  # a place said without its state or country ("weather in Springfield")
    unseen: float = 0.06  # a phrasing in words the NLU never saw
    disfluency: float = 0.04  # "um", "uh" in front
    rephrase_decay: float = 0.3  # each rephrase keeps this share of the noise
    own_name: float = 0.8  # a user with their own name for a favourite uses it in a casual request
    own_mishearing: float = 0.5  # a favourite the recogniser keeps mishearing in a user's voice is misheard again

    def scaled(self, factor: float) -> "NoiseLevels":
        """The same channel with every noise probability times `factor` (the shares that are not, kept)."""
        f = max(0.0, factor)
        kept = ("personal", "rephrase_decay")
        return replace(self, **{x.name: min(1.0, getattr(self, x.name) * f) for x in fields(self)
                                if x.name not in kept})


@dataclass(frozen=True)
class Utterance:
    """The text sent, and which kinds of noise made it (for the report's breakdown)."""

    text: str
    noise: tuple[str, ...] = ()


def careful(goal: Goal) -> str:
    """The request as a careful speaker says it: full names, the state of a town."""
    if goal.kind is GoalKind.WEATHER:
        c = city(goal.city or "")
        values = {"place": f"{noise.fold(c.name)}, {noise.fold(c.region_name)}"}
    else:
        values = {"artist": noise.fold(goal.artist or ""), "track": noise.fold(goal.track or "")}
    return PRECISE[goal.kind].format(**values)


class NoiseChannel:
    """Turns goals into requests for one world; every draw comes from the caller's random stream."""

    def __init__(self, world: World, levels: NoiseLevels | None = None) -> None:
        self.world = world
        self.levels = levels or NoiseLevels()

    def request(self, goal: Goal, user: User, rng: random.Random, attempt: int = 0) -> Utterance:
        """Attempt 0: said casually, heard imperfectly. Attempt n: rephrased, with decay**n of the noise."""
        levels = self.levels if attempt == 0 else self.levels.scaled(self.levels.rephrase_decay ** attempt)
        kinds: list[str] = []
        if attempt > 0:
            template = PRECISE[goal.kind]
            values = self._precise_values(goal)
            values = {k: self._name(v, user, rng, levels, kinds, k) for k, v in values.items()}
        else:
            template = self._carrier(goal.kind, user, rng, levels, kinds)
            values = {"x": self._casual_value(goal, user, rng, levels, kinds)}
        text = template.format(**values)
        if rng.random() < levels.disfluency:
            text = rng.choice(("um ", "uh ", "hmm ")) + text
            kinds.append("disfluency")
        return Utterance(" ".join(text.split()), tuple(kinds))

    # --- parts -------------------------------------------------------------------------------------------
    def _precise_values(self, goal: Goal) -> dict[str, str]:
        if goal.kind is GoalKind.WEATHER:
            c = city(goal.city or "")
            return {"place": f"{noise.fold(c.name)}, {noise.fold(c.region_name)}"}
        values = {"artist": noise.fold(goal.artist or "")}
        if goal.kind is GoalKind.SONG:
            values["track"] = noise.fold(goal.track or "")
        return values

    def _carrier(self, kind: GoalKind, user: User, rng: random.Random, levels: NoiseLevels,
                 kinds: list[str]) -> str:
        if rng.random() < levels.unseen:
            kinds.append("unseen_words")
            return rng.choice(UNSEEN_CARRIERS[kind])
        return user.carriers[kind] if rng.random() < 0.85 else rng.choice(CARRIERS[kind])

    def _casual_value(self, goal: Goal, user: User, rng: random.Random, levels: NoiseLevels,
                      kinds: list[str]) -> str:
        own = self._own_name(goal, user, rng, levels)
        if own is not None:
            kinds.append("personal_partial_title" if goal.kind is GoalKind.SONG else "personal_nickname")
            return own
        if goal.kind is GoalKind.WEATHER:
            c = city(goal.city or "")
            nick = noise.nickname(c.name, rng, surname=False)
            if nick and rng.random() < levels.nickname:
                kinds.append("nickname")
                return nick
            name = self._name(c.name, user, rng, levels, kinds, "place")
            if rng.random() < levels.bare_place:
                if candidates(c.name)[0].key != c.key:  # the bare name means a bigger namesake by default
                    kinds.append("ambiguous_place")
                return name
            return f"{name}, {noise.fold(c.region_name)}"
        if goal.kind is GoalKind.SONG:
            title = goal.track or ""
            # a favourite song is called by its full title, or by the user's own part of it (above)
            if (goal.artist, title) not in user.songs and rng.random() < levels.partial:
                kinds.append("partial_title")
                # most people remember the same part of a title; some another
                part_rng = stream(self.world.seed, "partial", title) if rng.random() < 0.7 else rng
                part = noise.partial_title(title, part_rng)
                if part:
                    return part
                kinds.pop()
            return self._name(title, user, rng, levels, kinds, "title")
        nick = noise.nickname(goal.artist or "", rng)
        if nick and rng.random() < levels.nickname:
            kinds.append("nickname")
            return nick
        return self._name(goal.artist or "", user, rng, levels, kinds, "artist")

    def _name(self, name: str, user: User, rng: random.Random, levels: NoiseLevels, kinds: list[str],
              what: str) -> str:
        """`name` as heard: clean, a common mishearing, or a one-off (the user's own or this turn's)."""
        if what == "place" and "," in name:  # "springfield, illinois": mishear the town, keep the state
            town, _, region = name.partition(",")
            return self._name(town, user, rng, levels, kinds, what) + "," + region
        recurring = user.naming.mishearing(name)
        if recurring and rng.random() < levels.own_mishearing:
            kinds.append("personal_mishearing")
            return recurring
        common = self.world.mishearings(name)
        draw = rng.random()
        if common and draw < levels.common:
            kinds.append("common_mishearing")
            return rng.choices(common, weights=[0.6, 0.25, 0.15][: len(common)])[0]
        if draw < levels.common + levels.one_off:
            own = rng.random() < levels.personal
            variant = voice_variant(self.world, user.id, name) if own else noise.one_off(name, rng, avoid=common)
            if variant:
                kinds.append("personal_mishearing" if own else "one_off_mishearing")
                return variant
        return noise.fold(name)

    @staticmethod
    def _own_name(goal: Goal, user: User, rng: random.Random, levels: NoiseLevels) -> str | None:
        """The user's own name for the goal when it is one of their favourites and they use it this time."""
        if goal.kind is GoalKind.WEATHER:
            name, favourite = city(goal.city or "").name, goal.city == user.home
        elif goal.kind is GoalKind.SONG:
            name, favourite = goal.track or "", (goal.artist, goal.track) in user.songs
        else:
            name, favourite = goal.artist or "", goal.artist in user.artists
        own = user.naming.own_name(name) if favourite else None
        return own if own and rng.random() < levels.own_name else None
