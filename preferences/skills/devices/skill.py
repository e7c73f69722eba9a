"""The control_device and device_status skills: a request's entities and words to a command or a status answer."""
from __future__ import annotations

from typing import TYPE_CHECKING

from preferences.catalogs.text import fold
from preferences.resolution import ResolvedEntity
from preferences.skills.base import Entities, Skill, SkillReply, first, with_resolutions
from preferences.skills.devices.catalog import KNOWN, SPEC, ROOM_PATTERN, display_name, find_device, normalize_device, \
    normalize_room
from preferences.skills.devices.state import DeviceCommand, apply_command, status_text
from preferences.skills.devices.words import LEVEL_NUMBER, asks_yes_no, felt_direction, implies_thermostat, later_time, \
    level_word, lights_out, parse_level, read_state, scan_color, scan_direction, scan_power, scan_state

if TYPE_CHECKING:
    from preferences.service import AssistantService


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
    state = read_state(first(entities, "state")) or scan_state([w for w in words if w not in named])
    room_text = first(entities, "room")
    if room_text is None:
        said = ROOM_PATTERN.search(" ".join(words))
        room_text = said.group(1) if said else None
    garage = fold(room_text or "").removeprefix("the ") == "garage"
    if garage and (device == "lock" or (device is None and state in ("open", "closed", "shut"))):
        # "open the garage" or "the [garage](room) [door](device)": the garage tagged as a room
        device_text, device = f"{room_text} door", "garage door"
    if not device_text and implies_thermostat(utterance, room_text is not None):
        device_text, device = "thermostat", "thermostat"
    if not device_text:
        return SkillReply(f"Which device? I can control {KNOWN}.", {"missing": "device"})
    if device is None:
        return SkillReply(f"I can't control a {device_text}. I know {KNOWN}.", {"unknown_device": device_text})
    power = (first(entities, "power") or "").lower() or None
    if power not in (None, "on", "off"):
        power = None
    power = "off" if lights_out(words) else power or scan_power(words)
    later = later_time(utterance, power)
    if later is not None:
        what = display_name(device, normalize_room(room_text, device, device_text))
        return SkillReply(f"I can't schedule device changes yet, so I left the {what} as "
                          f"{'they are' if SPEC[device].plural else 'it is'}. Ask me again {later}, or say it "
                          "without the time to do it now.", {"later": later, "device": device})
    level = parse_level(first(entities, "level"))
    if level is None and utterance:
        level = level_word(utterance)
        numbers = [a or b for a, b in LEVEL_NUMBER.findall(utterance.lower())] if level is None else []
        level = int(numbers[-1]) if numbers else level
    spec = SPEC[device]
    if level is None and "mute" in words and spec.level and spec.level[0] == "volume":
        level = 0
    color = first(entities, "color") or (scan_color(utterance or "") if device == "lights" else None)
    return DeviceCommand(device, normalize_room(room_text, device, device_text), power, level,
                         color.lower() if color else None, state,
                         scan_direction(words) or (felt_direction(words) if device == "thermostat" else None),
                         "all the way" in " ".join(words) or bool({"fully", "completely"} & set(words)))


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
    asked = (cmd.power or cmd.state) if asks_yes_no(utterance) else None
    return with_resolutions(SkillReply(status_text(service.store, user, cmd.device, cmd.room, asked),
                                       {"device": cmd.device, "room": cmd.room}), _resolved(entities, utterance))


SKILLS = (
    Skill(name="control_device", intent="control_device", action="action_control_device",
          reply=control_device_reply, hint="Which device, and what should I do with it?",
          examples=("turn on the kitchen lights", "set the thermostat to 70", "lock the front door"),
          follows=("room", "device"), carries=("device", "room"), resolves=resolve_named),
    Skill(name="device_status", intent="device_status", action="action_device_status",
          reply=device_status_reply, hint="Which device did you mean?",
          examples=("is the oven on", "is the back door locked"), follows=("room", "device"),
          carries=("device", "room"), resolves=resolve_named),
)
