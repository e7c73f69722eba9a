"""The learning conversation: teachable moments, guided Q&A, teaching, privacy.

Rasa picks an action by intent; every action then lands here with the
user's words and a small JSON `State` that Rasa keeps in a slot between
turns. Everything that decides what to say is in this module, so it can be
tested without Rasa and behaves the same in every channel.
"""
from __future__ import annotations

import json
from collections.abc import Mapping, Sequence
from dataclasses import asdict, dataclass, field
from typing import Any, Callable

from preferences.catalogs.text import fold
from preferences.moments import Moment, MomentDetector, Turn
from preferences.records import Polarity, Source
from preferences.catalogs import normalize
from preferences.catalogs.media import find_title
from preferences.catalogs.places import candidates
from preferences.personalization import ASKED_CITY
from preferences.service import AssistantService, first, place_of
from preferences.skills import devices
from preferences.skills.base import SkillReply
from preferences.teaching import ENTITY_SLOTS, confirmation, describe, learn, values_of

# Said when the store is unreachable; a retry after it is not a sign of misunderstanding.
UNAVAILABLE = ("Sorry, I couldn't do that just now because part of my memory is unavailable. "
               "Nothing you told me is lost; please try again in a moment.")
LOW_CONFIDENCE = 0.6  # below this (but above the fallback) the assistant checks "Did I get that right?"
OFFER_QA_AFTER_MOMENTS = 2  # teachable moments in a session before offering the guided Q&A ...
OFFER_QA_BELOW_PREFERENCES = 3  # ... to a user who has taught fewer preferences than this

SKILLS: dict[str, Callable[..., SkillReply]] = {
    "play_music": AssistantService.play_music,
    "weather": AssistantService.weather,
    "find_restaurant": AssistantService.find_restaurant,
    "sports_score": AssistantService.sports_score,
    "news": AssistantService.news,
    "control_device": AssistantService.control_device,
    "device_status": AssistantService.device_status,
}
# The NLU intent of each skill (turn histories carry intents).
SKILL_INTENTS = {"play_music": "play_music", "weather": "ask_weather", "find_restaurant": "find_restaurant",
                 "sports_score": "sports_score", "news": "get_news", "control_device": "control_device",
                 "device_status": "device_status"}
# What each skill needs to be told when it got it wrong.
HINTS = {
    "play_music": "Which music did you want? A genre or an artist is enough.",
    "weather": "Which city did you mean? Adding the state helps, like \"Springfield, Illinois\".",
    "find_restaurant": "What kind of food did you want, and where?",
    "sports_score": "Which team did you mean?",
    "news": "Which news topic did you want?",
    "control_device": "Which device, and what should I do with it?",
    "device_status": "Which device did you mean?",
}
QUESTIONS: tuple[tuple[str, str], ...] = (
    ("genre", "What kind of music do you like?"),
    ("team", "Which sports team do you support?"),
    ("cuisine", "What's your favourite kind of food?"),
    ("home_city", "Which city do you live in?"),
    ("news_topic", "Which news topics interest you most?"),
    ("units", "Do you prefer temperatures in Celsius or Fahrenheit?"),
)
SLOT_ENTITY = {slot: entity for entity, (_, slot) in ENTITY_SLOTS.items()}


@dataclass
class State:
    """What the conversation remembers between turns (JSON in a Rasa slot; not a preference store)."""

    pending: dict[str, Any] | None = None  # {"kind": "teach"|"concept"|"forget_all"|"check", ...}
    declined: list[str] = field(default_factory=list)  # requests the user declined to teach (this session)
    resolved: list[str] = field(default_factory=list)  # requests already taught: no longer evidence of failure
    qa: dict[str, Any] | None = None  # {"index": int, "answered": {slot: value}}
    last_request: dict[str, Any] | None = None  # {"skill", "entities", "text"}
    last_choices: list[dict[str, str]] = field(default_factory=list)
    moments: int = 0
    offered_qa: bool = False

    def to_json(self) -> str:
        return json.dumps(asdict(self), separators=(",", ":"))

    @classmethod
    def from_json(cls, raw: Any) -> "State":
        """Tolerant: a missing, old or tampered slot value is a fresh state, never an error."""
        try:
            data = json.loads(raw) if isinstance(raw, str) else dict(raw or {})
            state = cls(**{k: v for k, v in data.items() if k in cls.__dataclass_fields__})
            if not all(isinstance(v, list) for v in (state.declined, state.resolved, state.last_choices)):
                return cls()
            return state
        except (TypeError, ValueError):
            return cls()


@dataclass
class Reply:
    texts: list[str]
    state: State


def request_key(text: str) -> str:
    return " ".join(fold(text).split())[:200]


def has_values(entities: Mapping[str, Any]) -> bool:
    return any(values_of(entities, name) for name in entities)


class Conversation:
    def __init__(self, service: AssistantService, detector: MomentDetector | None = None,
                 learning: bool = True) -> None:
        self.service = service
        self.store = service.store
        self.learning = learning
        self.detector = detector if detector is not None or not learning else MomentDetector()

    # --- requests: the demo skills ---------------------------------------------------------------
    def request(self, user: str, skill: str, entities: Mapping[str, Any], text: str | None, state: State, *,
                history: Sequence[Turn] = (), metadata: Mapping[str, Any] | None = None,
                last_bot_text: str | None = None, confidence: float = 1.0, at: float = 0.0) -> Reply:
        if not self.learning:
            return self._run(user, skill, entities, text, state)
        metadata = metadata or {}
        pending = state.pending or {}
        # An answer given as a full request ("play jazz" after "what did you mean?") teaches too.
        if pending.get("kind") == "teach" and has_values(entities):
            return self._learn_answer(user, entities, text, state, skill=skill)
        # "living room lights off" while a mode is being defined is the definition, not a command.
        if pending.get("kind") == "concept" and skill == "control_device" and has_values(entities):
            return self.define_concept(user, entities, text, state)
        # "chinese food" during the Q&A answers the question (when it names what was asked).
        if state.qa is not None and self._answers_question(state, entities):
            return self._qa_answer(user, entities, text, state, Polarity.LIKE)
        state.pending = None
        assert self.detector is not None
        # Taught requests are no longer evidence of failure, and neither are requests that failed
        # because the store was unavailable: a retry then is not a misunderstanding.
        history = [t for t in history if request_key(t.text) not in state.resolved
                   and not (t.reply and UNAVAILABLE in t.reply)]
        moment = self.detector.detect(history, Turn(text or "", at, SKILL_INTENTS[skill], metadata), last_bot_text)
        if moment is not None and moment.kind in ("barge_in", "dissatisfaction"):
            if has_values(entities) and state.last_request:
                # "stop, play jazz instead": the interruption carries the answer.
                state.pending = {"kind": "teach", "request": state.last_request, "moment": moment.kind}
                return self._learn_answer(user, entities, text, state, skill=skill)
            return self._offer(moment.kind, state.last_request, state)
        if moment is not None and request_key(text or "") not in state.declined:
            state.moments += 1
            if not has_values(entities):
                return self._offer(moment.kind, {"skill": skill, "entities": dict(entities), "text": text or ""},
                                   state)
            # The rewording names what was missing: do it, and remember the meaning.
            learned = learn(self.store, user, entities, source=Source.TEACHABLE_MOMENT, utterance=text,
                            only=_teachable_slots(skill))
            reply = self._run(user, skill, entities, text, state)
            lead = "Sorry about that." + (f" {confirmation(learned)}" if learned else "")
            return Reply([lead, *reply.texts], reply.state)
        reply = self._run(user, skill, entities, text, state, metadata)
        if confidence < LOW_CONFIDENCE:
            reply.state.pending = {"kind": "check", "request": reply.state.last_request}
            reply.texts[-1] += " Did I get that right?"
        return reply

    def _run(self, user: str, skill: str, entities: Mapping[str, Any], text: str | None, state: State,
             metadata: Mapping[str, Any] | None = None) -> Reply:
        reply = self._in_context(user, skill, entities, text or "", metadata or {}) \
            or SKILLS[skill](self.service, user, entities, text)
        state.last_request = {"skill": skill, "entities": {k: v for k, v in entities.items()}, "text": text or ""}
        state.last_choices = list(reply.facts.get("choices", []))
        return Reply([reply.text], state)

    def _in_context(self, user: str, skill: str, entities: Mapping[str, Any], text: str,
                    metadata: Mapping[str, Any]) -> SkillReply | None:
        """Context signals from the device change what a request means.

        A screen makes "play The Hunger Games" the film rather than the
        audiobook; an oven that is on makes "what's the temperature?" about
        the oven rather than the weather.
        """
        if not self.learning:
            return None
        if skill == "play_music" and not first(entities, "genre"):
            title = find_title(text)
            if title and normalize("artist", title) is None:
                if metadata.get("screen") is True:
                    return SkillReply(f"Playing the film {title} on this screen, since this device has one.",
                                      {"media": "film", "title": title})
                return SkillReply(f"Playing the audiobook of {title}, since this device has no screen.",
                                  {"media": "audiobook", "title": title})
        if skill == "weather" and not first(entities, "city") and "temperature" in text.lower():
            oven = devices.current_state(self.store, user, "oven", "kitchen")
            if oven.get("power") == "on":
                return SkillReply(devices.status_text(self.store, user, "oven", "kitchen")
                                  + " (You asked while it's on, so I told you about the oven.)", {"device": "oven"})
            if metadata.get("oven") == "on":
                return SkillReply("Your oven reports that it is on. (You asked while it's on, so I told you about "
                                  "the oven; ask for the weather to hear about outside.)", {"device": "oven"})
        return None

    def _offer(self, kind: str, request: dict[str, Any] | None, state: State) -> Reply:
        """Apologise briefly and ask what the user meant (once per request per session)."""
        if request is None:
            state.pending = None
            return Reply(["Sorry about that. What would you like me to do?"], state)
        if request_key(request.get("text", "")) in state.declined:
            return Reply(["Sorry. Tell me again whenever you like."], state)
        state.pending = {"kind": "teach", "request": request, "moment": kind}
        opening = {"repeat": "Sorry, I keep getting this wrong.", "rephrase": "Sorry, I keep getting this wrong.",
                   "barge_in": "Sorry, I'll stop.", "dissatisfaction": "Sorry about that."}.get(kind, "Sorry.")
        hint = HINTS.get(request.get("skill", ""), "What did you mean?")
        return Reply([f"{opening} What did you mean? {hint} (Or say \"never mind\".)"], state)

    def _learn_answer(self, user: str, entities: Mapping[str, Any], text: str | None, state: State,
                      skill: str | None = None) -> Reply:
        """The answer at a teachable moment: store it, confirm in one line, then do the original request."""
        pending = state.pending or {}
        request = dict(pending.get("request") or {})
        state.pending = None
        _remember_key(state.resolved, request.get("text", ""))
        target = skill or request.get("skill") or "play_music"
        if skill and skill != request.get("skill"):
            merged = dict(entities)  # a corrected request: do what was asked now
        else:
            merged = {**(request.get("entities") or {}), **entities}
        learned = learn(self.store, user, entities, source=Source.TEACHABLE_MOMENT, utterance=text,
                        only=_teachable_slots(target))
        place = place_of(entities)
        if place and target in ("weather", "find_restaurant"):
            found = candidates(place)
            if found:  # the user's meaning of an ambiguous name, e.g. their Springfield
                result = self.store.record(user, "location", ASKED_CITY, found[0].key,
                                           source=Source.TEACHABLE_MOMENT, utterance=text)
                if result.preference is not None:
                    learned.append(result.preference)
        reply = self._run(user, target, merged, request.get("text") or text, state)
        lines = [confirmation(learned)] if learned else []
        lines += reply.texts
        lines += self._maybe_offer_qa(user, state)
        return Reply(lines, reply.state)

    def _maybe_offer_qa(self, user: str, state: State) -> list[str]:
        if state.offered_qa or state.moments < OFFER_QA_AFTER_MOMENTS or state.qa is not None:
            return []
        if len([p for p in self.store.list(user) if p.source is not Source.INFERRED]) >= OFFER_QA_BELOW_PREFERENCES:
            return []
        state.offered_qa = True
        return ["I could get things right more often if I knew you a little. Say \"learn my preferences\" "
                "whenever you have a minute."]

    # --- feedback ---------------------------------------------------------------------------------
    def dissatisfied(self, user: str, text: str | None, state: State, kind: str = "dissatisfaction") -> Reply:
        """A complaint, a thumbs-down or a barge-in about the last answer."""
        state.moments += 1
        state.pending = None
        return self._offer(kind, state.last_request, state)

    def fallback(self, user: str, state: State) -> Reply:
        """Not understood: ask to rephrase; the rephrase that follows is compared with a lower bar."""
        return Reply(["Sorry, I didn't quite get that. Could you say it another way?"], state)

    def never_mind(self, user: str, state: State) -> Reply:
        pending = state.pending or {}
        state.pending = None
        if pending.get("kind") == "teach":
            _remember_key(state.declined, (pending.get("request") or {}).get("text", ""))
            return Reply(["OK, never mind. I won't ask about that again this session."], state)
        if state.qa is not None:
            return self.guided_qa(user, "stop", state)
        return Reply(["OK."], state)

    def affirm(self, user: str, state: State) -> Reply:
        kind = (state.pending or {}).get("kind")
        if kind == "forget_all":
            state.pending = None
            removed = self.store.forget_user(user)
            fresh = State()
            return Reply([f"Done. I've forgotten everything about you ({removed} records deleted)."], fresh)
        state.pending = None
        if kind == "check":
            return Reply(["Great, thanks for confirming."], state)
        return Reply(["OK."], state)

    def deny(self, user: str, text: str | None, state: State) -> Reply:
        pending = state.pending or {}
        kind = pending.get("kind")
        if kind == "forget_all":
            state.pending = None
            return Reply(["OK, I won't forget anything."], state)
        if kind == "check":
            state.moments += 1
            return self._offer("dissatisfaction", pending.get("request"), state)
        if kind == "teach":
            return self.never_mind(user, state)
        if state.qa is not None:
            return self.guided_qa(user, "skip", state)
        return self.dissatisfied(user, text, state) if state.last_request else Reply(["OK."], state)

    # --- declarative teaching -----------------------------------------------------------------------
    def statement(self, user: str, entities: Mapping[str, Any], text: str | None, state: State,
                  polarity: Polarity = Polarity.LIKE) -> Reply:
        pending = state.pending or {}
        if pending.get("kind") == "teach" and polarity is Polarity.LIKE and has_values(entities):
            return self._learn_answer(user, entities, text, state)
        if state.qa is not None and has_values(entities):
            return self._qa_answer(user, entities, text, state, polarity)
        learned = learn(self.store, user, entities, polarity=polarity, utterance=text)
        if not learned:
            return Reply(["What do you like? For example: \"I like jazz\", \"I'm a Warriors fan\" "
                          "or \"I live in Portland, Maine\"."], state)
        return Reply([confirmation(learned)], state)

    def inform(self, user: str, entities: Mapping[str, Any], text: str | None, state: State) -> Reply:
        """A bare answer ("jazz", "Portland, Maine"): to whatever question is open."""
        kind = (state.pending or {}).get("kind")
        if kind == "teach":
            return self._learn_answer(user, entities, text, state)
        if kind == "concept":
            return self.define_concept(user, entities, text, state)
        if state.qa is not None:
            return self._qa_answer(user, entities, text, state, Polarity.LIKE)
        for entity, skill in (("genre", "play_music"), ("artist", "play_music"), ("team", "sports_score"),
                              ("news_topic", "news"), ("cuisine", "find_restaurant"), ("city", "weather")):
            if values_of(entities, entity):
                return self._run(user, skill, entities, text, state)
        return Reply(["Sorry, I'm not sure what you'd like me to do with that."], state)

    # --- guided Q&A ----------------------------------------------------------------------------------
    def guided_qa(self, user: str, command: str, state: State) -> Reply:
        qa = state.qa
        if command == "start" or qa is None:
            if command in ("stop", "skip", "back") and qa is None:
                return Reply(["We're not in the middle of anything. Say \"learn my preferences\" to start."], state)
            state.qa = {"index": 0, "answered": {}}
            return Reply(["Great, a few quick questions. You can say \"skip\", \"go back\" or \"stop\" at any time.",
                          QUESTIONS[0][1]], state)
        if command == "stop":
            return self._qa_finish(user, state, stopped=True)
        if command == "back":
            qa["index"] = max(0, qa["index"] - 1)
            slot, question = QUESTIONS[qa["index"]]
            before = qa["answered"].get(slot)
            prefix = f"Sure. You said {before}. " if before else "Sure. "
            return Reply([prefix + question], state)
        return self._qa_next(user, state)  # skip

    @staticmethod
    def _answers_question(state: State, entities: Mapping[str, Any]) -> bool:
        index = (state.qa or {}).get("index", 0)
        if not 0 <= index < len(QUESTIONS):
            return False
        return bool(values_of(entities, SLOT_ENTITY[QUESTIONS[index][0]]))

    def _qa_answer(self, user: str, entities: Mapping[str, Any], text: str | None, state: State,
                   polarity: Polarity) -> Reply:
        qa = state.qa or {"index": 0, "answered": {}}
        slot, question = QUESTIONS[qa["index"]]
        learned = learn(self.store, user, entities, polarity=polarity, source=Source.GUIDED_QA, utterance=text,
                        only={slot})
        if not learned:
            learned = learn(self.store, user, entities, polarity=polarity, source=Source.GUIDED_QA,
                            utterance=text, only={s for s in SLOT_ENTITY if s != "home_city"})
            if not learned:
                return Reply([f"I didn't catch an answer there. {question} (Or say \"skip\".)"], state)
        for p in learned:
            qa["answered"][p.slot] = describe(p.slot, p.value, p.polarity)
        return self._qa_next(user, state, lead=confirmation(learned))

    def _qa_next(self, user: str, state: State, lead: str | None = None) -> Reply:
        qa = state.qa or {"index": 0, "answered": {}}
        qa["index"] += 1
        lines = [lead] if lead else []
        if qa["index"] >= len(QUESTIONS):
            done = self._qa_finish(user, state, stopped=False)
            return Reply(lines + done.texts, done.state)
        return Reply(lines + [QUESTIONS[qa["index"]][1]], state)

    def _qa_finish(self, user: str, state: State, stopped: bool) -> Reply:
        answered = list((state.qa or {}).get("answered", {}).values())
        state.qa = None
        opening = "OK, stopping here." if stopped else "That's all my questions, thank you!"
        if not answered:
            return Reply([f"{opening} You didn't tell me anything new, and that's fine."], state)
        return Reply([f"{opening} Here's what I learned: {'; '.join(answered)}. If anything is wrong, just tell "
                      "me, for example \"actually I prefer rock\"."], state)

    # --- privacy -------------------------------------------------------------------------------------
    def what_do_you_know(self, user: str, state: State) -> Reply:
        prefs = self.store.list(user)
        concepts = self.store.list_concepts(user)
        if not prefs and not concepts:
            return Reply(["I don't know anything about you yet. Tell me what you like, or say "
                          "\"learn my preferences\"."], state)
        facts = [describe(p.slot, p.value, p.polarity) for p in prefs if p.recognized or p.slot != "asked_city"]
        facts += [f"\"{c.name}\" means {_definition_text(c.definition)}" for c in concepts]
        return Reply(["Here's what I know about you: " + "; ".join(facts) + ". You can ask me to forget any of it."],
                     state)

    def forget(self, user: str, entities: Mapping[str, Any], text: str | None, state: State) -> Reply:
        forgotten: list[str] = []
        for mode in values_of(entities, "mode"):
            if self.store.forget_concept(user, mode):
                forgotten.append(f"what \"{mode}\" means")
        for entity, (_, slot) in ENTITY_SLOTS.items():
            for value in values_of(entities, entity):
                if self.store.forget(user, slot, value):
                    forgotten.append(f"that {describe(slot, value)}")
                elif entity == "city" and self.store.forget(user, "asked_city", value):
                    forgotten.append(f"which {value} you mean")
        if forgotten:
            return Reply(["Done: I've forgotten " + " and ".join(forgotten) + "."], state)
        if has_values(entities):
            return Reply(["I didn't know that about you, so there's nothing to forget."], state)
        return Reply(["What should I forget? For example: \"forget that I like jazz\". To delete everything, "
                      "say \"forget everything about me\"."], state)

    def forget_everything(self, user: str, state: State) -> Reply:
        state.pending = {"kind": "forget_all"}
        return Reply(["Are you sure? This deletes everything I know about you, history included. "
                      "Say yes to confirm or no to keep it."], state)

    def explain(self, user: str, entities: Mapping[str, Any], state: State) -> Reply:
        """ "Why did you pick that?" / "why do you think I like jazz?": from the history."""
        asked = [(slot, value) for entity, (_, slot) in ENTITY_SLOTS.items() for value in values_of(entities, entity)]
        targets = asked or [(c["slot"], c["value"]) for c in state.last_choices]
        if not targets:
            return Reply(["I didn't use anything I know about you for that: it was my default choice."], state)
        lines = []
        for slot, value in targets:
            history = [h for h in self.store.why(user, slot, value) if h.utterance or h.source]
            if not history:
                lines.append(f"I don't think {describe(slot, value)}: you never told me that.")
                continue
            h = history[0]
            how = {"stated": "you told me", "guided_qa": "you told me when I asked about your preferences",
                   "teachable_moment": "you taught me when I got something wrong",
                   "inferred": "you often ask about it"}.get(h.source.value if h.source else "", "you told me")
            said = f": \"{h.utterance}\"" if h.utterance else ""
            lines.append(f"Because {how} on {h.at:%d %B %Y}{said}.")
        return Reply(lines, state)

    # --- personal concepts ---------------------------------------------------------------------------
    def activate_mode(self, user: str, entities: Mapping[str, Any], text: str | None, state: State) -> Reply:
        name = first(entities, "mode")
        if not name:
            return Reply(["Which mode? For example: \"turn on study mode\"."], state)
        name = " ".join(fold(name).split())
        concept = self.store.get_concept(user, name)
        if concept is None:
            state.pending = {"kind": "concept", "name": name, "room": first(entities, "room")}
            return Reply([f"I don't know what {name} is yet. Can you teach me? For example: \"{name} means the "
                          "living room lights at 40 percent warm white\"."], state)
        return Reply([self._apply_concept(user, name, concept.definition)], state)

    def define_concept(self, user: str, entities: Mapping[str, Any], text: str | None, state: State) -> Reply:
        pending = state.pending or {}
        name = first(entities, "mode") or (pending.get("name") if pending.get("kind") == "concept" else None)
        if not name:
            return Reply(["Which mode are you defining? Say, for example, \"study mode means the lights at 40 "
                          "percent\"."], state)
        name = " ".join(fold(name).split())
        device_text = first(entities, "device") or "lights"
        device = devices.normalize_device(device_text) or "lights"
        definition: dict[str, Any] = {"device": device,
                                      "room": devices.normalize_room(first(entities, "room") or pending.get("room"),
                                                                     device)}
        level = devices.parse_level(first(entities, "level"))
        if level is not None:
            definition["level"] = level
        if first(entities, "color"):
            definition["color"] = first(entities, "color")
        power = (first(entities, "power") or "").lower()
        definition["power"] = power if power in ("on", "off") else "on"
        if len(definition) <= 3 and "level" not in definition and "color" not in definition and not power:
            return Reply([f"What should {name} do? For example: \"the living room lights at 40 percent warm "
                          "white\"."], state)
        self.store.define_concept(user, name, definition, utterance=text)
        state.pending = None
        return Reply([f"Got it: {name} means {_definition_text(definition)}.",
                      self._apply_concept(user, name, definition)], state)

    def _apply_concept(self, user: str, name: str, definition: Mapping[str, Any]) -> str:
        device = devices.normalize_device(str(definition.get("device", "lights"))) or "lights"
        cmd = devices.DeviceCommand(device, devices.normalize_room(definition.get("room"), device),
                                    definition.get("power") if definition.get("power") in ("on", "off") else None,
                                    devices.parse_level(definition.get("level")),
                                    str(definition["color"]) if definition.get("color") else None)
        _, text = devices.apply_command(self.store, user, cmd)
        return f"{name.capitalize()} is on, as you defined it. {text}"


def _definition_text(definition: Mapping[str, Any]) -> str:
    parts = [f"the {definition.get('room', '')} {definition.get('device', 'lights')}".replace("  ", " ")]
    if definition.get("power") == "off":
        parts.append("off")
    if definition.get("level") is not None:
        parts.append(f"at {definition['level']}{'%' if definition.get('device') == 'lights' else '°'}")
    if definition.get("color"):
        parts.append(str(definition["color"]))
    return " ".join(parts)


def _remember_key(keys: list[str], text: str, limit: int = 50) -> None:
    """Add a request key to a bounded list (the slot must stay small)."""
    key = request_key(text)
    if key and key not in keys:
        keys.append(key)
        del keys[:-limit]


def _teachable_slots(skill: str) -> set[str]:
    """Which preference slots an answer about this skill may teach."""
    return {"play_music": {"genre", "artist"}, "find_restaurant": {"cuisine"}, "sports_score": {"team"},
            "news": {"news_topic"}, "weather": {"units"}}.get(skill, set())


__all__ = ["Conversation", "Moment", "Reply", "State"]
