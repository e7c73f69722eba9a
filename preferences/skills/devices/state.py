"""A device's state per user, and what each kind of device does to it when asked.

State lives behind a small store protocol (implemented by the SQL preference
store) so an oven switched on in one turn is still on in the next, in a new
session, and after a restart. A request a device's kind can't do leaves the
state alone and says what the device can do instead.
"""
from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime, timedelta, timezone
from typing import Any, Protocol

from preferences.catalogs.units import fahrenheit
from preferences.skills.devices.catalog import SPEC, DeviceSpec, Kind, display_name


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


# A thermostat setpoint in this range is Celsius ("set the study to 19"): the thermostat keeps Fahrenheit
# (40-90°), and no one sets a room to 19°F.
CELSIUS_SETPOINTS = (5, 32)

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
    celsius = cmd.level if spec.name == "thermostat" and cmd.level is not None and \
        CELSIUS_SETPOINTS[0] <= cmd.level <= CELSIUS_SETPOINTS[1] else None
    if cmd.level is not None and spec.level is not None:
        name, unit, low, high = spec.level
        level = fahrenheit(celsius) if celsius is not None else cmd.level
        if not low <= level <= high:
            return None, f"I can only set the {what} {name} between {low}{unit} and {high}{unit}."
        state["level"] = level
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
    said = f" ({celsius}°C)" if celsius is not None and state.get("level") is not None else ""
    return state, f"Done: the {what} {_be(spec)} {describe_state(spec.name, state, now)}{said}."


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
    new, text = _APPLY[spec.kind](spec, cmd, dict(state), display_name(cmd.device, cmd.room), _now(now))
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
    text = f"The {display_name(device, room)} {_be(SPEC[device])} {describe_state(device, state, now)}."
    answer = answers(device, state, asked, now) if asked else None
    return text if answer is None else f"{'Yes' if answer else 'No'}, t{text[1:]}"
