"""Smart-home devices: a catalog of kinds (catalog), the words of a request (words), per-user state and what
each kind does to it (state), and the two skills that serve requests (skill)."""
from preferences.skills.devices.catalog import (DEFAULT_ROOM, DEVICES, KNOWN, LEVELS, ROOMS, SPEC, SPECS, DeviceSpec,
                                                Kind, display_name, find_device, normalize_device, normalize_room)
from preferences.skills.devices.skill import (SKILLS, control_device_reply, device_command, device_named,
                                              device_status_reply, resolve_named)
from preferences.skills.devices.state import (DeviceCommand, DeviceStateStore, answers, apply_command, current_state,
                                              describe_state, remaining_minutes, status_text)
from preferences.skills.devices.words import (STATE_WORDS, adjusts_only, asks_yes_no, implies_thermostat, parse_level,
                                              read_state)

__all__ = ["DEFAULT_ROOM", "DEVICES", "KNOWN", "LEVELS", "ROOMS", "SPEC", "SPECS", "DeviceSpec", "Kind", "display_name",
           "find_device", "normalize_device", "normalize_room", "SKILLS", "control_device_reply", "device_command",
           "device_named", "device_status_reply", "resolve_named", "DeviceCommand", "DeviceStateStore", "answers",
           "apply_command", "current_state", "describe_state", "remaining_minutes", "status_text", "STATE_WORDS",
           "adjusts_only", "asks_yes_no", "implies_thermostat", "parse_level", "read_state"]
