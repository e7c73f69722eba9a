"""The words of a device request read as what it asks for: a target state, on/off, a level, a direction.

NLU tags these as entities when it can; these tables and scanners read the
request's own words when it did not, and fold every form of a state word to one.
"""
from __future__ import annotations

import re
from typing import Any

from preferences.catalogs.text import fold

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
_LEVEL_WORDS = {"three quarters": 75, "three quarter": 75, "two thirds": 67, "two third": 67, "halfway": 50,
                "half way": 50, "half": 50, "a third": 33, "one third": 33, "third": 33, "a quarter": 25,
                "quarter way": 25, "quarter": 25}


# Words that ask for the room's temperature to change (or say how it feels) without naming a device:
# "make it warmer in here", "cool the living room down", "it's freezing in the office".
_FEELS_COLD = frozenset({"freezing", "cold", "chilly"})
_FEELS_HOT = frozenset({"hot", "stuffy", "boiling"})
_TEMPERATURE = _FEELS_COLD | _FEELS_HOT | frozenset({"warmer", "warm", "warmup", "hotter", "cooler", "cool", "colder",
                                                     "degrees", "degree", "celsius", "fahrenheit"})
_ROOM_TEMPERATURE = re.compile(r"\bset (?:the |my )?[a-z ]*? to (\d{2})\b(?! ?(?:%|percent|minutes?|mins?))")


# Colours a light takes, read from the words when NLU tagged none ("turn the lights red", "set them to blue");
# two-word ones first, so "warm white" is not read as "white".
COLOR_WORDS = ("warm white", "cool white", "soft white", "soft yellow", "red", "orange", "yellow", "green", "blue",
               "purple", "violet", "pink", "magenta", "cyan", "teal", "turquoise", "lavender", "amber", "white",
               "daylight", "candlelight")
_COLOR = re.compile(r"\b(" + "|".join(COLOR_WORDS) + r")\b")

# A time to act at ("in 40 minutes", "at 11", "at 10:30 pm", "at midnight") said with on or off: the change
# is for later, and doing it now is what the user did not ask for. "at 40" with no on/off stays a level.
_LATER = re.compile(r"\b(?:in (?:\d+|an?|half an) (?:minutes?|mins?|hours?|hrs?)|"
                    r"at (?:\d{1,2}(?::\d{2})? ?(?:am|pm|o'?clock)|\d{1,2}:\d{2}|noon|midnight)|"
                    r"at (?:[1-9]|1[0-2])\b(?! ?(?:%|percent|per cent|degrees?|°)))")


def scan_color(text: str) -> str | None:
    """The colour a request names in its own words, or None."""
    found = _COLOR.search(fold(text))
    return found.group(1) if found else None


def later_time(utterance: str | None, power: str | None) -> str | None:
    """The time a request asks a change for ("in 40 minutes", "at 11"), or None to act now.

    A bare "at 9" is a time only with on or off said ("turn them off at 9"); without them it may be a level.
    """
    found = _LATER.search((utterance or "").lower())
    if found is None:
        return None
    when = found.group(0)
    bare = re.fullmatch(r"at \d{1,2}", when) is not None
    return None if bare and power is None else when


def felt_direction(words: list[str]) -> str | None:
    """How a room that feels cold or hot should go: "it's freezing in here" is up, "it's stuffy" down."""
    said = set(words)
    return "up" if said & _FEELS_COLD else "down" if said & _FEELS_HOT else None


def implies_thermostat(utterance: str | None, room_said: bool) -> bool:
    """A device request that names no device but means the thermostat: a temperature word, or a room set
    to a number that reads as a temperature ("set the study to 19", "set the bedroom to 68")."""
    words = set(fold(utterance or "").split())
    if words & _TEMPERATURE:
        return True
    found = _ROOM_TEMPERATURE.search(fold(utterance or "")) if room_said else None
    return found is not None and (16 <= int(found.group(1)) <= 28 or 60 <= int(found.group(1)) <= 85)


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
    return level_word(str(value))


def level_word(text: str) -> int | None:
    folded = f" {fold(text)} "
    return next((n for words, n in _LEVEL_WORDS.items() if f" {words} " in folded), None)


# A number NLU missed counts as a level only when it reads as one ("to 40", "at 70", "for 20 minutes", "30%"),
# not as a room number ("bedroom 2").
LEVEL_NUMBER = re.compile(r"(?:\b(?:to|at|for)\s+(\d{1,3})\b|\b(\d{1,3})\s*(?:%|percent\b|per cent\b|degrees?\b|°|"
                     r"minutes?\b|mins?\b))")


def read_state(value: str | None) -> str | None:
    """A state word in any form ("Locked", "shut", "start") as a STATE_WORDS value, or None."""
    return STATE_WORDS.get(fold(value or "")) if value else None


def scan_state(words: list[str]) -> str | None:
    for i, word in enumerate(words):
        if word in ("shut", "power") and i + 1 < len(words) and words[i + 1] in ("off", "down"):
            return "stopped"
        if word == "send" and "home" in words[i + 1:]:  # "send the roomba home"
            return "stopped"
        if word in _SCANNED_STATES:
            return STATE_WORDS[word]
    return None


def lights_out(words: list[str]) -> bool:
    """ "lights out in the loft", "put the lamp out": off, whatever "on the landing" after it looks like."""
    return any(w in ("light", "lights", "lamp", "lamps") and words[i + 1] == "out" for i, w in enumerate(words[:-1]))


def scan_power(words: list[str]) -> str | None:
    """On or off as a request says it ("turn off the ...", "... on"), when NLU tagged neither."""
    for i, word in enumerate(words):
        if word == "off" or (word == "on" and (i == len(words) - 1 or
                                              words[i + 1] in ("the", "my", "all", "every", "please", "pls", "now") or
                                              words[i - 1] in ("turn", "switch", "turned", "switched", "flip",
                                                               "flick", "it", "them", "that", "back", "left"))):
            return word  # "off" has no other sense in a device request; "on" does ("the volume on the speaker")
    return None


def scan_direction(words: list[str]) -> str | None:
    ups = {w for w in words if w in _UP}
    downs = {w for i, w in enumerate(words) if w in _DOWN and not (w == "down" and i and words[i - 1] in
                                                                    ("shut", "power", "calm", "lie", "sit"))}
    return "up" if ups and not downs else "down" if downs and not ups else None


# Words that only say how much: "a bit dimmer", "brighter pls", "turn it up a notch", "way quieter".
_HOW_MUCH = frozenset("""a bit abit little tad touch notch notches more much lot way even slightly too pls plz now
    again make it turn go the just maybe then still some""".split())


def adjusts_only(utterance: str | None) -> bool:
    """The words only turn something up or down ("bit dimmer", "brighter pls", "a little quieter"): no device,
    room, place or anything else is named, so they are about the device just talked about."""
    words = [w for w in re.findall(r"[a-z]+", fold(utterance or "")) if w not in _FILLERS]
    return bool(words) and scan_direction(words) is not None and all(
        w in _UP or w in _DOWN or w in _HOW_MUCH for w in words)


def asks_yes_no(utterance: str | None) -> bool:
    words = [w for w in fold(utterance or "").split() if w not in _FILLERS]
    return bool(words) and (words[0] in _YES_NO or "if" in words or "whether" in words)
