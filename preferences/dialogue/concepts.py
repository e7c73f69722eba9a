"""Personal concepts: "study mode" means what this user taught it to mean, for this user only."""
from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any

from preferences.catalogs.text import fold
from preferences.dialogue.context import TurnContext
from preferences.dialogue.state import ConceptPending, Reply
from preferences.skills import devices
from preferences.skills.base import first

if TYPE_CHECKING:
    from preferences.dialogue.conversation import Conversation


def concept_name(raw: str) -> str:
    return " ".join(fold(raw).split())


def definition_text(definition: Mapping[str, Any]) -> str:
    parts = [f"the {definition.get('room', '')} {definition.get('device', 'lights')}".replace("  ", " ")]
    if definition.get("power") == "off":
        parts.append("off")
    if definition.get("level") is not None:
        parts.append(f"at {definition['level']}{'%' if definition.get('device') == 'lights' else '°'}")
    if definition.get("color"):
        parts.append(str(definition["color"]))
    return " ".join(parts)


def definition_of(entities: Mapping[str, Any], room: str | None) -> dict[str, Any] | None:
    """A device setting from the entities, or None when they name nothing to do."""
    device = devices.normalize_device(first(entities, "device") or "lights") or "lights"
    definition: dict[str, Any] = {"device": device,
                                  "room": devices.normalize_room(first(entities, "room") or room, device)}
    level = devices.parse_level(first(entities, "level"))
    if level is not None:
        definition["level"] = level
    if first(entities, "color"):
        definition["color"] = first(entities, "color")
    power = (first(entities, "power") or "").lower()
    definition["power"] = power if power in ("on", "off") else "on"
    if "level" not in definition and "color" not in definition and not power:
        return None
    return definition


class Concepts:
    """Mixed into Conversation."""

    def activate_mode(self: "Conversation", ctx: TurnContext) -> Reply:
        name = first(ctx.entities, "mode")
        if not name:
            return Reply(["Which mode? For example: \"turn on study mode\"."], ctx.state)
        name = concept_name(name)
        concept = self.store.get_concept(ctx.user, name)
        if concept is None:
            ctx.state.pending = ConceptPending(name, first(ctx.entities, "room"))
            return Reply([f"I don't know what {name} is yet. Can you teach me? For example: \"{name} means the "
                          "living room lights at 40 percent warm white\"."], ctx.state)
        return Reply([self.apply_concept(ctx.user, name, concept.definition)], ctx.state)

    def define_concept(self: "Conversation", ctx: TurnContext) -> Reply:
        pending = ctx.state.pending if isinstance(ctx.state.pending, ConceptPending) else None
        name = first(ctx.entities, "mode") or (pending.name if pending else None)
        if not name:
            return Reply(["Which mode are you defining? Say, for example, \"study mode means the lights at 40 "
                          "percent\"."], ctx.state)
        name = concept_name(name)
        definition = definition_of(ctx.entities, pending.room if pending else None)
        if definition is None:
            return Reply([f"What should {name} do? For example: \"the living room lights at 40 percent warm "
                          "white\"."], ctx.state)
        self.store.define_concept(ctx.user, name, definition, utterance=ctx.text)
        ctx.state.pending = None
        return Reply([f"Got it: {name} means {definition_text(definition)}.",
                      self.apply_concept(ctx.user, name, definition)], ctx.state)

    def apply_concept(self: "Conversation", user: str, name: str, definition: Mapping[str, Any]) -> str:
        device = devices.normalize_device(str(definition.get("device", "lights"))) or "lights"
        cmd = devices.DeviceCommand(device, devices.normalize_room(definition.get("room"), device),
                                    definition.get("power") if definition.get("power") in ("on", "off") else None,
                                    devices.parse_level(definition.get("level")),
                                    str(definition["color"]) if definition.get("color") else None)
        _, text = devices.apply_command(self.store, user, cmd)
        return f"{name.capitalize()} is on, as you defined it. {text}"
