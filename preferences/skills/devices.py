"""Smart-home devices with state that persists per user.

State lives behind a small store protocol (implemented by the SQL preference
store) so an oven switched on in one turn is still on in the next, in a new
session, and after a restart.

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
from datetime import datetime, timedelta, timezone
from enum import Enum
from typing import Any, Protocol

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
_ROOM_PATTERN = re.compile(r"\b(" + "|".join(ROOMS) + r")\b")

# Every form of a target state a request may use, folded to one of: locked, unlocked, open, closed, shut,
# running, stopped, finished. "shut" is its own: a door shuts (closed), a TV shuts off (off).
STATE_WORDS: dict[str, str] = {
    **dict.fromkeys(("lock", "locked", "locking", "relock", "bolt", "bolted", "secure", "secured"), "locked"),
    **dict.fromkeys(("unlock", "unlocked", "unlocking", "unbolt", "unbolted"), "unlocked"),
    **dict.fromkeys(("open", "opened", "opening", "opn"), "open"),
    **dict.fromkeys(("close", "closed", "closing", "clsoe", "colse"), "closed"),
    **dict.fromkeys(("shut", "shutting"), "shut"),
    **dict.fromkeys(("start", "started", "starting", "run", "running", "runing", "go", "going", "begin", "on",
                     "brew", "brewing", "water", "watering"), "running"),
    **dict.fromkeys(("stop", "stopped", "stopping", "pause", "paused", "cancel", "halt", "kill", "off", "idle",
                     "dock", "docked"), "stopped"),
    **dict.fromkeys(("done", "finished", "finish", "complete", "completed", "over", "ready"), "finished"),
}
# The words read from a request when NLU tagged no state (a subset: "up", "on", "go"... are too common).
_SCANNED_STATES = frozenset(STATE_WORDS) - {"on", "off", "go", "going", "over", "water", "ready", "secure",
                                             "complete", "finish", "begin"}
_UP = frozenset({"up", "raise", "increase", "louder", "brighter", "brighten", "higher", "warmer", "hotter", "boost"})
_DOWN = frozenset({"down", "lower", "decrease", "quieter", "softer", "dim", "dimmer", "reduce", "cooler", "colder"})
_YES_NO = frozenset({"is", "are", "did", "was", "were", "has", "have", "does", "do", "r", "isnt", "arent", "if",
                     "whether"})
_FILLERS = frozenset({"hey", "hi", "ok", "okay", "so", "um", "uh", "wait", "quick", "question", "and", "oh",
                      "please", "assistant"})
# Words for a level that NLU passes on as words ("open the blinds halfway").
# "All the way" is not a level: it takes a direction to its end ("turn the speaker all the way down").
_LEVEL_WORDS = {"three quarters": 75, "three quarter": 75, "halfway": 50, "half way": 50, "half": 50,
                "a quarter": 25, "quarter way": 25, "quarter": 25}


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


class StoredState(Protocol):
    state: dict[str, Any]


class DeviceStateStore(Protocol):
    """Implemented by preferences.store.PreferenceStore."""

    def get_device_state(self, user: str, device: str, room: str) -> StoredState | None: ...
    def set_device_state(self, user: str, device: str, room: str, state: dict[str, Any],
                         merge: bool = True) -> Any: ...


_UNKNOWN_STATE = {Kind.POWER: {"power": "off"}, Kind.LOCK: {"state": "locked"}, Kind.OPENING: {"state": "closed"},
                  Kind.CYCLE: {"state": "idle"}}


def current_state(store: DeviceStateStore, user: str, device: str, room: str) -> dict[str, Any]:
    stored = store.get_device_state(user, device, room)
    if stored is not None:
        return dict(stored.state)
    return dict(_UNKNOWN_STATE[SPEC[device].kind] if device in SPEC else {"power": "off"})


@dataclass(frozen=True)
class DeviceCommand:
    device: str
    room: str
    power: str | None = None  # "on" / "off"
    level: int | None = None
    color: str | None = None
    state: str | None = None  # a STATE_WORDS value: locked, unlocked, open, closed, shut, running, stopped, finished
    direction: str | None = None  # "up" / "down": louder, brighter, warmer, raise, lower
    full: bool = False  # "all the way": the direction goes to its end


def parse_level(value: Any) -> int | None:
    """Numbers arrive as text from NLU ("70", "30 percent", "350°", "halfway")."""
    if value is None:
        return None
    digits = "".join(ch for ch in str(value) if ch.isdigit() or ch == "-")
    try:
        if digits not in ("", "-"):
            return int(digits)
    except ValueError:
        return None
    return _level_word(str(value))


def _level_word(text: str) -> int | None:
    folded = f" {fold(text)} "
    return next((n for words, n in _LEVEL_WORDS.items() if f" {words} " in folded), None)


# A number NLU missed counts as a level only when it reads as one ("to 40", "at 70", "for 20 minutes", "30%"),
# not as a room number ("bedroom 2").
_NUMBER = re.compile(r"(?:\b(?:to|at|for)\s+(\d{1,3})\b|\b(\d{1,3})\s*(?:%|percent\b|per cent\b|degrees?\b|°|"
                     r"minutes?\b|mins?\b))")


def read_state(value: str | None) -> str | None:
    """A state word in any form ("Locked", "shut", "start") as a STATE_WORDS value, or None."""
    return STATE_WORDS.get(fold(value or "")) if value else None


def _scan_state(words: list[str]) -> str | None:
    for i, word in enumerate(words):
        if word in ("shut", "power") and i + 1 < len(words) and words[i + 1] in ("off", "down"):
            return "stopped"
        if word == "send" and "home" in words[i + 1:]:  # "send the roomba home"
            return "stopped"
        if word in _SCANNED_STATES:
            return STATE_WORDS[word]
    return None


def _scan_power(words: list[str]) -> str | None:
    """On or off as a request says it ("turn off the ...", "... on"), when NLU tagged neither."""
    for i, word in enumerate(words):
        if word == "off" or (word == "on" and (i == len(words) - 1 or
                                              words[i + 1] in ("the", "my", "all", "every", "please", "pls", "now") or
                                              words[i - 1] in ("turn", "switch", "turned", "switched", "flip",
                                                               "flick", "it", "them", "that", "back", "left"))):
            return word  # "off" has no other sense in a device request; "on" does ("the volume on the speaker")
    return None


def _scan_direction(words: list[str]) -> str | None:
    ups = {w for w in words if w in _UP}
    downs = {w for i, w in enumerate(words) if w in _DOWN and not (w == "down" and i and words[i - 1] in
                                                                    ("shut", "power", "calm", "lie", "sit"))}
    return "up" if ups and not downs else "down" if downs and not ups else None


# --- what each kind of device does -------------------------------------------------------------------
_VERB = {"locked": "lock", "unlocked": "unlock", "open": "open", "closed": "close", "shut": "close",
         "running": "start", "stopped": "stop"}


def _be(spec: DeviceSpec, negative: bool = False) -> str:
    return ("aren't" if negative else "are") if spec.plural else ("isn't" if negative else "is")


def _them(spec: DeviceSpec) -> str:
    return "them" if spec.plural else "it"


def _power(spec: DeviceSpec, cmd: DeviceCommand, state: dict[str, Any], what: str,
           now: datetime) -> tuple[dict[str, Any] | None, str]:
    # People who say "open the light" mean on; a lock's words mean nothing to a lamp.
    target = cmd.power or {"running": "on", "open": "on", "stopped": "off", "closed": "off",
                           "shut": "off"}.get(cmd.state or "")
    if cmd.state in ("locked", "unlocked") and cmd.power is None and cmd.level is None:
        return None, f"I can't {_VERB[cmd.state]} the {what}: I can only turn {_them(spec)} on or off."
    if cmd.color and spec.name != "lights":
        return None, f"Only lights change colour; I can't make the {what} {cmd.color}."
    if cmd.level is not None and spec.level is not None:
        name, unit, low, high = spec.level
        if not low <= cmd.level <= high:
            return None, f"I can only set the {what} {name} between {low}{unit} and {high}{unit}."
        state["level"] = cmd.level
        state["power"] = "on" if target != "off" else "off"
    elif cmd.direction and spec.level is not None and target != "off":
        _, _, low, high = spec.level
        level = int(state.get("level", spec.start))
        if cmd.full:
            level = high if cmd.direction == "up" else low
        else:
            level = max(low, min(high, level + (spec.step if cmd.direction == "up" else -spec.step)))
        state["level"], state["power"] = level, "on"
    else:
        state["power"] = target or "on"
    if cmd.color:
        state["color"] = cmd.color
    return state, f"Done: the {what} {_be(spec)} {describe_state(spec.name, state, now)}."


def _lock(spec: DeviceSpec, cmd: DeviceCommand, state: dict[str, Any], what: str,
          now: datetime) -> tuple[dict[str, Any] | None, str]:
    target = cmd.state if cmd.state in ("locked", "unlocked") else None
    if target is None:
        if cmd.state in ("open", "closed", "shut"):
            return None, f"I can lock or unlock the {what}, but I can't {_VERB[cmd.state]} it."
        if cmd.power or cmd.level is not None or cmd.direction or cmd.state or cmd.color:
            return None, f"The {what} lock can only be locked or unlocked."
        return None, f"Should I lock or unlock the {what}?"
    if state.get("state") == target:
        return None, f"The {what} is already {target}."
    return {"state": target}, f"Done: the {what} is {target}."


def _opening(spec: DeviceSpec, cmd: DeviceCommand, state: dict[str, Any], what: str,
             now: datetime) -> tuple[dict[str, Any] | None, str]:
    position: int | None = None
    if cmd.level is not None:
        if spec.level is None:
            if cmd.level not in (0, 100):
                return None, f"The {what} only opens or closes all the way."
            position = cmd.level
        else:
            name, unit, low, high = spec.level
            if not low <= cmd.level <= high:
                return None, f"I can only set the {what} {name} between {low}{unit} and {high}{unit}."
            position = cmd.level
    elif cmd.state in ("open", "closed", "shut"):
        position = 100 if cmd.state == "open" else 0
    elif cmd.direction:
        position = 100 if cmd.direction == "up" else 0
    elif cmd.power or cmd.state or cmd.color:
        cant = _VERB.get(cmd.state or "") or ("turn " + _them(spec) + f" {cmd.power}" if cmd.power else "do that")
        if cmd.color:
            cant = f"make {_them(spec)} {cmd.color}"
        elif cmd.state in ("locked", "unlocked", "running", "stopped"):
            cant += f" {_them(spec)}"
        return None, f"I can open or close the {what}, but I can't {cant}."
    else:
        return None, f"Should I open or close the {what}?"
    new: dict[str, Any] = {"state": "open" if position else "closed"}
    if spec.level is not None:
        new["level"] = position
    if new == {k: state.get(k) for k in new}:
        return None, f"The {what} {_be(spec)} already {describe_state(spec.name, new, now)}."
    return new, f"Done: the {what} {_be(spec)} {describe_state(spec.name, new, now)}."


def _cycle(spec: DeviceSpec, cmd: DeviceCommand, state: dict[str, Any], what: str,
           now: datetime) -> tuple[dict[str, Any] | None, str]:
    if cmd.state in ("locked", "unlocked", "open", "closed", "shut") or cmd.color or \
            (cmd.direction and cmd.level is None and not cmd.power and cmd.state is None):
        cant = _VERB[cmd.state] + f" {_them(spec)}" if cmd.state in _VERB else \
            f"make {_them(spec)} {cmd.color}" if cmd.color else f"turn {_them(spec)} {cmd.direction}"
        return None, f"I can start or stop the {what}, but I can't {cant}."
    running = remaining_minutes(state, now) > 0
    if cmd.power == "off" or cmd.state == "stopped":
        if not running:
            return None, f"The {what} {_be(spec, negative=True)} running."
        return {"state": "idle"}, f"Done: I stopped the {what}."
    minutes = spec.minutes
    if cmd.level is not None:
        name, unit, low, high = spec.level or ("run time", " minutes", 1, 240)
        if not low <= cmd.level <= high:
            return None, f"I can only set the {what} {name} between {low}{unit} and {high}{unit}."
        minutes = cmd.level
    elif running:
        return None, f"The {what} {_be(spec)} already {describe_state(spec.name, state, now)}."
    new = {"state": "running", "started": now.isoformat(timespec="seconds"), "minutes": minutes}
    return new, f"Done: the {what} {_be(spec)} {describe_state(spec.name, new, now)}."


_APPLY = {Kind.POWER: _power, Kind.LOCK: _lock, Kind.OPENING: _opening, Kind.CYCLE: _cycle}


def _now(now: datetime | None) -> datetime:
    return now if now is not None else datetime.now(timezone.utc)


def remaining_minutes(state: dict[str, Any], now: datetime | None = None) -> int:
    """Minutes left of a running cycle (0: not running, or finished)."""
    if state.get("state") != "running" or "started" not in state:
        return 0
    try:
        started = datetime.fromisoformat(str(state["started"]))
    except ValueError:
        return 0
    if started.tzinfo is None:
        started = started.replace(tzinfo=timezone.utc)
    left = started + timedelta(minutes=int(state.get("minutes", 0))) - _now(now)
    return max(0, -(-int(left.total_seconds()) // 60))


def apply_command(store: DeviceStateStore, user: str, cmd: DeviceCommand,
                  now: datetime | None = None) -> tuple[dict[str, Any], str]:
    """Change a device and describe the change; refuses what the device can't do and out-of-range levels."""
    spec = SPEC[cmd.device]
    state = current_state(store, user, cmd.device, cmd.room)
    new, text = _APPLY[spec.kind](spec, cmd, dict(state), _describe(cmd.device, cmd.room), _now(now))
    if new is None:
        return state, text
    store.set_device_state(user, cmd.device, cmd.room, new, merge=False)
    return new, text


def describe_state(device: str, state: dict[str, Any], now: datetime | None = None) -> str:
    spec = SPEC[device]
    if spec.kind is Kind.LOCK:
        return str(state.get("state", "locked"))
    if spec.kind is Kind.OPENING:
        if spec.level is not None and "level" in state:
            position = int(state["level"])
            return "closed" if position <= 0 else "open" if position >= 100 else f"open {position}%"
        return str(state.get("state", "closed"))
    if spec.kind is Kind.CYCLE:
        left = remaining_minutes(state, now)
        if left:
            doing = "brewing" if device == "coffee maker" else "running"
            return f"{doing}, about {left} minute{'s' if left != 1 else ''} left"
        return "finished" if state.get("state") == "running" else "not running"
    if state.get("power") != "on":
        return "off"
    parts = ["on"]
    if "level" in state and spec.level is not None:
        name, unit, _, _ = spec.level
        parts.append(f"{name} {state['level']}{unit}")
    if state.get("color"):
        parts.append(str(state["color"]))
    return ", ".join(parts)


def answers(device: str, state: dict[str, Any], asked: str, now: datetime | None = None) -> bool | None:
    """Whether the state is the one a yes/no question asks about ("is the back door locked?"); None: can't say."""
    kind = SPEC[device].kind
    if kind is Kind.POWER:
        on = {"on": True, "running": True, "open": True, "off": False, "stopped": False, "closed": False,
              "shut": False}.get(asked)
        return None if on is None else (state.get("power") == "on") == on
    if kind is Kind.LOCK:
        return state.get("state", "locked") == asked if asked in ("locked", "unlocked") else None
    if kind is Kind.OPENING:
        is_open = describe_state(device, state, now).startswith("open")
        return {"open": is_open, "closed": not is_open, "shut": not is_open}.get(asked)
    left = remaining_minutes(state, now)
    if asked in ("running", "on"):
        return left > 0
    if asked in ("stopped", "off"):
        return left == 0
    if asked == "finished":
        return None if state.get("state") != "running" else left == 0
    return None


def status_text(store: DeviceStateStore, user: str, device: str, room: str, asked: str | None = None,
                now: datetime | None = None) -> str:
    """The device's state in a sentence; led by yes or no when `asked` is the state a yes/no question names."""
    state = current_state(store, user, device, room)
    text = f"The {_describe(device, room)} {_be(SPEC[device])} {describe_state(device, state, now)}."
    answer = answers(device, state, asked, now) if asked else None
    return text if answer is None else f"{'Yes' if answer else 'No'}, t{text[1:]}"


def _describe(device: str, room: str) -> str:
    spec = SPEC[device]
    if spec.kind is Kind.LOCK:
        return room  # a lock is its door: "the front door is locked"
    label = spec.label or device
    return label if spec.single and room in ("home", spec.room) else f"{room} {label}"


# --- the skill, declared once ------------------------------------------------------------------------
from typing import TYPE_CHECKING  # noqa: E402

from preferences.resolution import ResolvedEntity  # noqa: E402
from preferences.skills.base import Entities, Skill, SkillReply, first, with_resolutions  # noqa: E402

if TYPE_CHECKING:
    from preferences.service import AssistantService

KNOWN = ("lights, the thermostat, the oven, the TV, fans, the AC, speakers, door locks, the garage door, blinds, "
         "the dishwasher, washing machine, dryer, sprinklers, coffee maker and robot vacuum")


def device_named(entities: Entities, utterance: str | None = None) -> tuple[str | None, str | None]:
    """(the words naming the device, the catalog device): NLU's entity, else the request's own words."""
    device_text = first(entities, "device")
    device = normalize_device(device_text, fuzzy=True) if device_text else None
    if device is None:
        found = find_device(utterance)
        if found is not None:
            return found, normalize_device(found)
    return device_text, device


def device_command(entities: Entities, utterance: str | None = None) -> DeviceCommand | SkillReply:
    """The command a request names, or the reply asking for what is missing."""
    device_text, device = device_named(entities, utterance)
    words = fold(utterance or "").split()
    named = set(fold(device_text or "").split())  # "turn off the lock": the device's name is not its state
    state = read_state(first(entities, "state")) or _scan_state([w for w in words if w not in named])
    room_text = first(entities, "room")
    if room_text is None:
        said = _ROOM_PATTERN.search(" ".join(words))
        room_text = said.group(1) if said else None
    garage = fold(room_text or "").removeprefix("the ") == "garage"
    if garage and (device == "lock" or (device is None and state in ("open", "closed", "shut"))):
        # "open the garage" or "the [garage](room) [door](device)": the garage tagged as a room
        device_text, device = f"{room_text} door", "garage door"
    if not device_text:
        return SkillReply(f"Which device? I can control {KNOWN}.", {"missing": "device"})
    if device is None:
        return SkillReply(f"I can't control a {device_text}. I know {KNOWN}.", {"unknown_device": device_text})
    power = (first(entities, "power") or "").lower() or None
    if power not in (None, "on", "off"):
        power = None
    power = power or _scan_power(words)
    level = parse_level(first(entities, "level"))
    if level is None and utterance:
        level = _level_word(utterance)
        numbers = [a or b for a, b in _NUMBER.findall(utterance.lower())] if level is None else []
        level = int(numbers[-1]) if numbers else level
    spec = SPEC[device]
    if level is None and "mute" in words and spec.level and spec.level[0] == "volume":
        level = 0
    color = first(entities, "color")
    return DeviceCommand(device, normalize_room(room_text, device, device_text), power, level,
                         color.lower() if color else None, state, _scan_direction(words),
                         "all the way" in " ".join(words) or bool({"fully", "completely"} & set(words)))


def _asks_yes_no(utterance: str | None) -> bool:
    words = [w for w in fold(utterance or "").split() if w not in _FILLERS]
    return bool(words) and (words[0] in _YES_NO or "if" in words or "whether" in words)


def resolve_named(entity: str, words: str) -> ResolvedEntity | None:
    """What a device named `words` is (`Skill.resolves`); rooms and levels are free text, not resolved."""
    return ResolvedEntity.named("device", words, normalize_device(words, fuzzy=True)) if entity == "device" else None


def _resolved(entities: Entities, utterance: str | None) -> list[ResolvedEntity | None]:
    device_text, _ = device_named(entities, utterance)
    return [resolve_named("device", device_text) if device_text else None]


def control_device_reply(service: AssistantService, user: str, entities: Entities, utterance: str | None = None) -> SkillReply:
    cmd = device_command(entities, utterance)
    if isinstance(cmd, SkillReply):
        return with_resolutions(cmd, _resolved(entities, utterance))
    if cmd.state == "finished" and cmd.power is None and cmd.level is None:  # "the dryer is done?": a question
        return device_status_reply(service, user, entities, utterance)
    state, text = apply_command(service.store, user, cmd)
    return with_resolutions(SkillReply(text, {"device": cmd.device, "room": cmd.room, "state": state}),
                            _resolved(entities, utterance))


def device_status_reply(service: AssistantService, user: str, entities: Entities, utterance: str | None = None) -> SkillReply:
    cmd = device_command(entities, utterance)
    if isinstance(cmd, SkillReply):
        return with_resolutions(cmd, _resolved(entities, utterance))
    asked = (cmd.power or cmd.state) if _asks_yes_no(utterance) else None
    return with_resolutions(SkillReply(status_text(service.store, user, cmd.device, cmd.room, asked),
                                       {"device": cmd.device, "room": cmd.room}), _resolved(entities, utterance))


SKILLS = (
    Skill(name="control_device", intent="control_device", action="action_control_device",
          reply=control_device_reply, hint="Which device, and what should I do with it?",
          examples=("turn on the kitchen lights", "set the thermostat to 70", "lock the front door"),
          resolves=resolve_named),
    Skill(name="device_status", intent="device_status", action="action_device_status",
          reply=device_status_reply, hint="Which device did you mean?",
          examples=("is the oven on", "is the back door locked"), resolves=resolve_named),
)
