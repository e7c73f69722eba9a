"""The devices the assistant knows: their names, kinds, rooms and levels.

Every device is one `DeviceSpec` in `SPECS`: its names, where it is when the
user doesn't say, what a bare number means, and its `Kind`, which decides
what it can do and what its state is:

    POWER    on or off, maybe with a level     lights, thermostat, oven, TV, fan, AC, speaker
    LOCK     locked or unlocked                door locks ("the front door")
    OPENING  open or closed, maybe a position  garage door, blinds (% open)
    CYCLE    runs a cycle, then stops itself   dishwasher, washing machine, dryer, sprinklers,
                                               coffee maker, robot vacuum

A request names a target state with the `power` entity (on/off) or the
`state` entity (lock, unlocked, open, shut, start, running, stop, done, ...:
any verb or adjective form, folded by `STATE_WORDS`); when NLU tagged
neither, the words of the request are read for them, and for an up/down
direction ("turn the speaker up", "lower the blinds"). A device asked to do
what its kind can't ("turn on the front door", "lock the TV", "set the
garage door to 40 %") gets an honest answer saying what it can do instead,
and its state is left alone.
"""
from __future__ import annotations

import difflib
import re
from dataclasses import dataclass
from enum import Enum

from preferences.catalogs.text import build_index, fold


class Kind(str, Enum):
    POWER = "power"  # switched on and off; a level (brightness, temperature, volume) when LEVELS has one
    LOCK = "lock"  # locked or unlocked, nothing else
    OPENING = "opening"  # open or closed; a position (% open) when LEVELS has one
    CYCLE = "cycle"  # started, runs for its cycle's minutes and is then finished; stopped early on request


@dataclass(frozen=True)
class DeviceSpec:
    name: str  # the canonical name, stored with its state
    aliases: tuple[str, ...]
    kind: Kind
    room: str  # where it is when the user doesn't say
    level: tuple[str, str, int, int] | None = None  # what a bare number sets: (name, unit, low, high)
    label: str | None = None  # how a reply names it, when not its name ("TV")
    single: bool = False  # one per home: named without its room when it is in its usual place
    plural: bool = False  # "the lights are", "the blinds are"
    step: int = 0  # what "up" / "down" changes the level by; 0: the direction opens / closes fully
    start: int = 0  # the level assumed when "up" / "down" finds none stored
    minutes: int = 0  # CYCLE: how long a cycle runs
    roams: bool = False  # goes from room to room: a room said is where it goes, not which one it is


SPECS: tuple[DeviceSpec, ...] = (
    DeviceSpec("lights", ("light", "lamp", "lamps", "lighting", "bulb", "bulbs"), Kind.POWER, "living room",
               ("brightness", "%", 0, 100), plural=True, step=20, start=100),
    DeviceSpec("thermostat", ("heat", "heating", "heater", "temperature"), Kind.POWER, "home",
               ("temperature", "°", 40, 90), single=True, step=2, start=70),
    DeviceSpec("oven", ("stove", "range"), Kind.POWER, "kitchen", ("temperature", "°", 150, 550), single=True,
               step=25, start=350),
    DeviceSpec("tv", ("television", "telly", "tv set"), Kind.POWER, "living room", ("volume", "", 0, 100),
               label="TV", step=5, start=20),
    DeviceSpec("fan", ("ceiling fan", "fans"), Kind.POWER, "bedroom", ("speed", "", 1, 5), step=1, start=2),
    DeviceSpec("ac", ("air conditioning", "air conditioner", "a c", "aircon", "a/c"), Kind.POWER, "home",
               ("temperature", "°", 55, 85), label="AC", single=True, step=2, start=72),
    DeviceSpec("speaker", ("speakers", "smart speaker", "sonos", "stereo", "soundbar", "sound bar"), Kind.POWER,
               "living room", ("volume", "", 0, 100), step=10, start=30),
    DeviceSpec("lock", ("locks", "door lock", "door locks", "smart lock", "deadbolt", "door", "doors",
                        "front door", "back door", "side door", "patio door", "front door lock", "back door lock"),
               Kind.LOCK, "front door"),
    DeviceSpec("garage door", ("garage", "garage doors", "garage door opener"), Kind.OPENING, "garage",
               single=True),
    DeviceSpec("blinds", ("blind", "shades", "shade", "curtains", "curtain", "drapes", "shutters",
                          "window blinds", "roller blinds", "window shades"), Kind.OPENING, "living room",
               ("position", "% open", 0, 100), plural=True),
    DeviceSpec("dishwasher", ("dish washer",), Kind.CYCLE, "kitchen", ("run time", " minutes", 1, 240),
               single=True, minutes=120),
    DeviceSpec("washing machine", ("washer", "clothes washer", "laundry machine", "washing mashine"), Kind.CYCLE,
               "laundry room", ("run time", " minutes", 1, 240), single=True, minutes=60),
    DeviceSpec("dryer", ("drier", "tumble dryer", "clothes dryer", "tumble drier"), Kind.CYCLE, "laundry room",
               ("run time", " minutes", 1, 240), single=True, minutes=50),
    DeviceSpec("sprinklers", ("sprinkler", "sprinkler system", "irrigation", "lawn sprinklers", "watering system"),
               Kind.CYCLE, "yard", ("run time", " minutes", 1, 120), single=True, plural=True, minutes=20),
    DeviceSpec("coffee maker", ("coffee machine", "coffeemaker", "espresso machine", "coffee pot", "coffee"),
               Kind.CYCLE, "kitchen", ("brew time", " minutes", 1, 30), single=True, minutes=5),
    DeviceSpec("robot vacuum", ("vacuum", "roomba", "robovac", "vacuum cleaner", "robot vacuum cleaner",
                                "robot cleaner"), Kind.CYCLE, "home", ("run time", " minutes", 5, 180),
               single=True, minutes=45, roams=True),
)
SPEC: dict[str, DeviceSpec] = {s.name: s for s in SPECS}

# The tables other modules read (failure points list every name; concepts read rooms and levels).
DEVICES: dict[str, list[str]] = {s.name: list(s.aliases) for s in SPECS}
_DEVICE_INDEX = build_index(DEVICES)
# Where a device is when the user doesn't say: there is one oven, in the kitchen.
DEFAULT_ROOM = {s.name: s.room for s in SPECS}
# What a bare number means for each device, and its sane range.
LEVELS = {s.name: s.level for s in SPECS if s.level is not None}
# Names that are also rooms, drinks or verbs ("lights in the garage", "a coffee", "lock the ..."): a request
# read for a device names one of these only when it names no other device.
_WEAK_NAMES = frozenset({"garage", "coffee", "range", "temperature", "door", "doors", "lock", "locks"})

# Rooms read from a request's words when NLU tagged none ("turn the kitchen speaker up"); longer names first.
ROOMS = ("master bedroom", "living room", "dining room", "family room", "guest room", "kids room", "laundry room",
         "front yard", "back yard", "backyard", "bedroom", "kitchen", "office", "bathroom", "garage", "basement",
         "hallway", "nursery", "den", "porch", "attic", "study", "patio", "sunroom", "playroom", "lounge", "upstairs",
         "downstairs", "garden", "lawn", "yard")
ROOM_PATTERN = re.compile(r"\b(" + "|".join(ROOMS) + r")\b")

def normalize_device(value: str, fuzzy: bool = False) -> str | None:
    """The catalog device a name means ("stove" -> oven, "back door" -> lock); `fuzzy` also forgives typos."""
    folded = fold(value)
    for filler in ("the ", "my ", "all the ", "all ", "every "):
        if folded.startswith(filler) and folded[len(filler):]:
            folded = folded[len(filler):]
    found = _DEVICE_INDEX.get(folded) or _DEVICE_INDEX.get(folded.rstrip("s"))
    if found is None:
        words = folded.split()
        # "the bathroom door", "the patio door lock": a door that is not the garage's is a lock.
        if len(words) > 1 and "garage" not in words and (words[-1] in ("door", "doors") or (
                words[-1] in ("lock", "locks") and words[-2] in ("door", "doors"))):
            found = "lock"
    if found is None and fuzzy and len(folded) >= 5:
        close = difflib.get_close_matches(folded, list(_DEVICE_INDEX), n=1, cutoff=0.84)
        found = _DEVICE_INDEX[close[0]] if close else None
    return found


def _door_of(device_text: str | None) -> str:
    """The door a lock's name says ("back door lock" -> "back door"), or ""."""
    words = [w for w in fold(device_text or "").split() if w not in ("the", "my", "smart", "lock", "locks", "deadbolt")]
    if len(words) > 1 and words[-1] in ("door", "doors"):
        return " ".join([*words[:-1], "door"])
    return ""


def normalize_room(value: str | None, device: str, device_text: str | None = None) -> str:
    if device in SPEC and SPEC[device].roams:
        return DEFAULT_ROOM[device]  # "vacuum the hallway" sends the one robot vacuum there
    room = fold(value or "")
    for filler in ("the ", "my "):
        if room.startswith(filler):
            room = room[len(filler):]
    if device == "lock":
        # A lock is known by its door: "the back door", "the bedroom door", "the front door" when unsaid.
        room = "" if room in ("home", "house", "whole house", "all") else room
        room = room or _door_of(device_text)
        if room and not room.endswith("door"):
            room = f"{room.removesuffix(' doors')} door"
    return room or DEFAULT_ROOM[device]


def find_device(text: str | None) -> str | None:
    """The words of a request that name a device, when NLU tagged none ("open the garage").

    Longer runs first; names that are also rooms or drinks count only when no other device is named.
    """
    words = fold(text or "").split()
    for allow_weak in (False, True):
        for size in (3, 2, 1):
            for i in range(len(words) - size + 1):
                gram = " ".join(words[i:i + size])
                if words[i] in ("the", "my", "all", "every", "a", "an"):
                    continue  # the gram without it is tried too
                if len(gram) >= 2 and normalize_device(gram) and (allow_weak or gram not in _WEAK_NAMES):
                    return gram
    return None


def display_name(device: str, room: str) -> str:
    """How a reply names a device in a room: a lock is its door, a one-per-home device needs no room."""
    spec = SPEC[device]
    if spec.kind is Kind.LOCK:
        return room  # a lock is its door: "the front door is locked"
    label = spec.label or device
    return label if spec.single and room in ("home", spec.room) else f"{room} {label}"



KNOWN = ("lights, the thermostat, the oven, the TV, fans, the AC, speakers, door locks, the garage door, blinds, "
         "the dishwasher, washing machine, dryer, sprinklers, coffee maker and robot vacuum")
