"""Smart-home devices with state that persists per user.

State lives behind a small store protocol (implemented by the SQL preference
store) so an oven switched on in one turn is still on in the next, in a new
session, and after a restart.
"""
from __future__ import annotations

from dataclasses import dataclass
from typing import Any, Protocol

from preferences.catalogs.text import build_index, fold

DEVICES: dict[str, list[str]] = {
    "lights": ["light", "lamp", "lamps", "lighting", "bulb", "bulbs"],
    "thermostat": ["heat", "heating", "heater", "temperature"],
    "oven": ["stove", "range"],
    "tv": ["television", "telly", "tv set"],
    "fan": ["ceiling fan", "fans"],
    "ac": ["air conditioning", "air conditioner", "a c", "aircon", "a/c"],
}
_DEVICE_INDEX = build_index(DEVICES)

# Where a device is when the user doesn't say: there is one oven, in the kitchen.
DEFAULT_ROOM = {"lights": "living room", "thermostat": "home", "oven": "kitchen", "tv": "living room",
                "fan": "bedroom", "ac": "home"}
# What a bare number means for each device, and its sane range.
LEVELS = {"lights": ("brightness", "%", 0, 100), "thermostat": ("temperature", "°", 40, 90),
          "oven": ("temperature", "°", 150, 550), "fan": ("speed", "", 1, 5), "ac": ("temperature", "°", 55, 85),
          "tv": ("volume", "", 0, 100)}


def normalize_device(value: str) -> str | None:
    folded = fold(value)
    return _DEVICE_INDEX.get(folded) or _DEVICE_INDEX.get(folded.rstrip("s"))


def normalize_room(value: str | None, device: str) -> str:
    room = fold(value or "")
    for filler in ("the ", "my "):
        if room.startswith(filler):
            room = room[len(filler):]
    return room or DEFAULT_ROOM[device]


class StoredState(Protocol):
    state: dict[str, Any]


class DeviceStateStore(Protocol):
    """Implemented by preferences.store.PreferenceStore."""

    def get_device_state(self, user: str, device: str, room: str) -> StoredState | None: ...
    def set_device_state(self, user: str, device: str, room: str, state: dict[str, Any],
                         merge: bool = True) -> Any: ...


def current_state(store: DeviceStateStore, user: str, device: str, room: str) -> dict[str, Any]:
    stored = store.get_device_state(user, device, room)
    return dict(stored.state) if stored is not None else {"power": "off"}


@dataclass(frozen=True)
class DeviceCommand:
    device: str
    room: str
    power: str | None = None  # "on" / "off"
    level: int | None = None
    color: str | None = None


def parse_level(value: Any) -> int | None:
    """Numbers arrive as text from NLU ("70", "30 percent", "350°")."""
    if value is None:
        return None
    digits = "".join(ch for ch in str(value) if ch.isdigit() or ch == "-")
    try:
        return int(digits) if digits not in ("", "-") else None
    except ValueError:
        return None


def apply_command(store: DeviceStateStore, user: str, cmd: DeviceCommand) -> tuple[dict[str, Any], str]:
    """Change a device and describe the change; refuses out-of-range levels."""
    state = current_state(store, user, cmd.device, cmd.room)
    what = _describe(cmd.device, cmd.room)
    if cmd.level is not None:
        name, unit, low, high = LEVELS[cmd.device]
        if not low <= cmd.level <= high:
            return state, f"I can only set the {what} {name} between {low}{unit} and {high}{unit}."
        state["level"] = cmd.level
        state["power"] = "on" if cmd.power != "off" else "off"
    elif cmd.power:
        state["power"] = cmd.power
    else:
        state["power"] = "on"
    if cmd.color:
        state["color"] = cmd.color
    store.set_device_state(user, cmd.device, cmd.room, state, merge=False)
    return state, f"Done: the {what} {'is' if cmd.device != 'lights' else 'are'} {describe_state(cmd.device, state)}."


def describe_state(device: str, state: dict[str, Any]) -> str:
    if state.get("power") != "on":
        return "off"
    parts = ["on"]
    if "level" in state:
        name, unit, _, _ = LEVELS[device]
        parts.append(f"{name} {state['level']}{unit}")
    if state.get("color"):
        parts.append(str(state["color"]))
    return ", ".join(parts)


def status_text(store: DeviceStateStore, user: str, device: str, room: str) -> str:
    state = current_state(store, user, device, room)
    verb = "are" if device == "lights" else "is"
    return f"The {_describe(device, room)} {verb} {describe_state(device, state)}."


def _describe(device: str, room: str) -> str:
    label = {"tv": "TV", "ac": "AC"}.get(device, device)
    return label if room in ("home", DEFAULT_ROOM[device]) and device in ("thermostat", "oven", "ac") else f"{room} {label}"


# --- the skill, declared once ------------------------------------------------------------------------
from typing import TYPE_CHECKING  # noqa: E402

from preferences.resolution import ResolvedEntity  # noqa: E402
from preferences.skills.base import Entities, Skill, SkillReply, first, with_resolutions  # noqa: E402

if TYPE_CHECKING:
    from preferences.service import AssistantService


def device_command(entities: Entities) -> DeviceCommand | SkillReply:
    """The command a request names, or the reply asking for what is missing."""
    device_text = first(entities, "device")
    if not device_text:
        return SkillReply("Which device? I can control lights, the thermostat, the oven, the TV, fans and AC.",
                          {"missing": "device"})
    device = normalize_device(device_text)
    if device is None:
        return SkillReply(f"I can't control a {device_text}. I know lights, thermostat, oven, TV, fan and AC.",
                          {"unknown_device": device_text})
    power = (first(entities, "power") or "").lower() or None
    if power not in (None, "on", "off"):
        power = None
    return DeviceCommand(device, normalize_room(first(entities, "room"), device), power,
                         parse_level(first(entities, "level")))


def resolve_named(entity: str, words: str) -> ResolvedEntity | None:
    """What a device named `words` is (`Skill.resolves`); rooms and levels are free text, not resolved."""
    return ResolvedEntity.named("device", words, normalize_device(words)) if entity == "device" else None


def _resolved(entities: Entities) -> list[ResolvedEntity | None]:
    device_text = first(entities, "device")
    return [resolve_named("device", device_text) if device_text else None]


def control_device_reply(service: AssistantService, user: str, entities: Entities, utterance: str | None = None) -> SkillReply:
    cmd = device_command(entities)
    if isinstance(cmd, SkillReply):
        return with_resolutions(cmd, _resolved(entities))
    state, text = apply_command(service.store, user, cmd)
    return with_resolutions(SkillReply(text, {"device": cmd.device, "room": cmd.room, "state": state}),
                            _resolved(entities))


def device_status_reply(service: AssistantService, user: str, entities: Entities, utterance: str | None = None) -> SkillReply:
    cmd = device_command(entities)
    if isinstance(cmd, SkillReply):
        return with_resolutions(cmd, _resolved(entities))
    return with_resolutions(SkillReply(status_text(service.store, user, cmd.device, cmd.room),
                                       {"device": cmd.device, "room": cmd.room}), _resolved(entities))


SKILLS = (
    Skill(name="control_device", intent="control_device", action="action_control_device",
          reply=control_device_reply, hint="Which device, and what should I do with it?",
          examples=("turn on the kitchen lights", "set the thermostat to 70"), resolves=resolve_named),
    Skill(name="device_status", intent="device_status", action="action_device_status",
          reply=device_status_reply, hint="Which device did you mean?", examples=("is the oven on",),
          resolves=resolve_named),
)
