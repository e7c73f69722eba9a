"""Requests and repair: carry out a skill request, notice a teachable moment, learn the answer.

This is the heart of the teachable assistant: a request is carried out as
the skill declares, unless the user is (a) answering the assistant's open
question with a full request, or (b) showing that the assistant got the
previous request wrong; then the assistant apologises, asks what they
meant, stores the answer, and carries out the original request.
"""
from __future__ import annotations

from collections.abc import Mapping
from dataclasses import replace
from typing import TYPE_CHECKING, Any

from preferences.catalogs import normalize
from preferences.catalogs.media import find_title
from preferences.catalogs.places import candidates
from preferences.catalogs.text import fold
from preferences.dialogue.context import TurnContext
from preferences.dialogue.followups import has_values
from preferences.dialogue.messages import LOW_CONFIDENCE, OFFER_QA_AFTER_MOMENTS, OFFER_QA_BELOW_PREFERENCES
from preferences.dialogue.state import (CheckPending, ConceptPending, Reply, Request, State, TeachPending,
                                        remember_key, request_key)
from preferences.moments import Turn
from preferences.personalization import ASKED_CITY
from preferences.records import Polarity, Source
from preferences.signals import ChannelMetadata, Signal, policy
from preferences.skills import devices, registry
from preferences.skills.base import SkillReply, first, place_of
from preferences.teaching import confirmation, learn, values_of

if TYPE_CHECKING:
    from preferences.dialogue.conversation import Conversation


class Requests:
    """Mixed into Conversation: requests of the registered skills, and the repair of failed ones."""

    def remember_place(self: "Conversation", ctx: TurnContext, place: str | None, skill: str) -> list[Any]:
        """The user's meaning of an ambiguous name ("their" Springfield), stored when they said which one."""
        if not self.learning or not place or skill not in ("weather", "find_restaurant"):
            return []
        found = candidates(place)
        if not found:
            return []
        result = self.store.record(ctx.user, "location", ASKED_CITY, found[0].key, source=Source.TEACHABLE_MOMENT,
                                   utterance=ctx.text)
        for other in self.store.get(ctx.user, ASKED_CITY):  # the namesake it had picked before is not theirs
            if other.value != found[0].key and other.value.split(",")[0] == found[0].name:
                self.store.forget(ctx.user, ASKED_CITY, other.value)
        return [result.preference] if result.preference is not None else []

    def request(self: "Conversation", ctx: TurnContext, skill: str) -> Reply:
        last = ctx.state.last_request
        rebooked = self.rebooked(ctx, skill)  # "make it 7 people" after a table request, read as a device's
        if rebooked is not None:
            return self.run(rebooked, "find_restaurant", rebooked.entities)
        refined = self.refine_place(ctx) if last is not None and last.skill == skill else None
        if refined is not None and self.learning:
            return self.redo_in_region(ctx, refined)  # type: ignore[return-value]  # refined: it redoes
        said = {e: v for e, v in ctx.entities.items() if values_of(ctx.entities, e)}  # NLU's, from the words
        ctx = refined or self.follow_up(ctx, skill) or self.carry(ctx, skill) or self.music_device(ctx, skill) or ctx
        state, entities = ctx.state, ctx.entities
        if not self.learning:
            return self.run(ctx, skill, entities)
        pending = state.pending
        # An answer given as a full request ("play jazz" after "what did you mean?") teaches too.
        if isinstance(pending, TeachPending) and has_values(entities):
            return self.learn_answer(ctx, skill=skill)
        # "living room lights off" while a mode is being defined is the definition, not a command.
        if isinstance(pending, ConceptPending) and skill == "control_device" and has_values(entities):
            return self.define_concept(ctx)
        # "chinese food" during the Q&A answers the question (when it names what was asked).
        if state.qa is not None and self.answers_question(state, entities):
            return self.qa_answer(ctx, Polarity.LIKE)
        state.pending = None
        moment = self._moment(ctx, skill)
        if moment is not None and has_values(entities) and (not said or _same_values(said, last, ctx.text)):
            # "who got the goals for them" after Bayern: the context named it; "did the celtics cover the
            # spread" after their score: a new question about the same team. Neither rewords a failure.
            moment = None
        if moment is not None and policy(moment.kind).carries_answer:
            if has_values(entities) and state.last_request:
                # "stop, play jazz instead": the interruption carries the answer.
                state.pending = TeachPending(state.last_request, moment.kind.value)
                return self.learn_answer(ctx, skill=skill)
            return self.offer(moment.kind, state.last_request, state)
        if moment is not None and request_key(ctx.text) not in state.declined:
            state.moments += 1
            if not has_values(entities):
                return self.offer(moment.kind, Request(skill, dict(entities), ctx.text), state)
            # The rewording names what was missing: do it, and remember the meaning.
            # what the words said is learned; a value the conversation carried over is not the user's to teach
            learned = learn(self.store, ctx.user, {e: v for e, v in entities.items() if e in said},
                            source=Source.TEACHABLE_MOMENT, utterance=ctx.text, only=set(registry.skill(skill).teaches))
            reply = self.several(ctx, skill) or self.run(ctx, skill, entities)
            lead = "Sorry about that." + (f" {confirmation(learned)}" if learned else "")
            return replace(reply, texts=[lead, *reply.texts])  # the outage flag and the record stay
        reply = self.several(ctx, skill) or self.run(ctx, skill, entities, with_metadata=True)
        if ctx.confidence < LOW_CONFIDENCE:
            reply.state.pending = CheckPending(reply.state.last_request)
            reply.texts[-1] += " Did I get that right?"
        return reply

    def _moment(self: "Conversation", ctx: TurnContext, skill: str):  # -> Moment | None
        """Taught requests, and requests that failed in an outage, are no longer evidence of failure."""
        assert self.detector is not None
        history = [t for t in ctx.history if request_key(t.text) not in ctx.state.resolved and not t.outage]
        current = Turn(ctx.text, ctx.at, registry.skill(skill).intent, ctx.metadata)
        return self.detector.detect(history, current, ctx.last_bot_text)

    def run(self: "Conversation", ctx: TurnContext, skill: str, entities: Mapping[str, Any],
            text: str | None = None, with_metadata: bool = False) -> Reply:
        """Carry out the request and remember it as the last one (for "why?" and repair).

        Only the request as sent carries the device's metadata; a request
        redone after a teachable moment is read without it.
        """
        text = ctx.text if text is None else text
        channel = ctx.channel if with_metadata else ChannelMetadata()
        reply = self.in_context(ctx.user, skill, entities, text or "", channel) \
            or self.service.reply(skill, ctx.user, entities, text)
        recorded = dict(entities)
        for r in reply.resolutions:  # what the skill read from words NLU left untagged ("how did arsenal do")
            if r.value and r.resolved is not None and not values_of(recorded, r.entity):
                recorded[r.entity] = [r.value]  # so "when do they play next" carries it
        ctx.state.last_request = Request(skill, recorded, text or "")
        ctx.state.last_choices = list(reply.facts.get("choices", []))
        if skill == "play_music" and isinstance(reply.facts.get("track"), str):
            ctx.state.playing = {"artist": reply.facts["artist"], "track": reply.facts["track"],
                                 "genre": reply.facts["genre"], "by": "artist" if entities.get("artist") else ""}
        return Reply([reply.text], ctx.state, outage=bool(reply.facts.get("memory_unavailable")),
                     resolutions=reply.resolutions)

    def in_context(self: "Conversation", user: str, skill: str, entities: Mapping[str, Any], text: str,
                   channel: ChannelMetadata) -> SkillReply | None:
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
                if channel.screen is True:
                    return SkillReply(f"Playing the film {title} on this screen, since this device has one.",
                                      {"media": "film", "title": title})
                return SkillReply(f"Playing the audiobook of {title}, since this device has no screen.",
                                  {"media": "audiobook", "title": title})
        if skill == "weather" and not first(entities, "city") and "temperature" in text.lower():
            oven = devices.current_state(self.store, user, "oven", "kitchen")
            if oven.get("power") == "on":
                return SkillReply(devices.status_text(self.store, user, "oven", "kitchen")
                                  + " (You asked while it's on, so I told you about the oven.)", {"device": "oven"})
            if channel.oven == "on":
                return SkillReply("Your oven reports that it is on. (You asked while it's on, so I told you about "
                                  "the oven; ask for the weather to hear about outside.)", {"device": "oven"})
        return None

    def offer(self: "Conversation", kind: Signal, request: Request | None, state: State) -> Reply:
        """Apologise briefly and ask what the user meant (once per request per session)."""
        if request is None:
            state.pending = None
            return Reply(["Sorry about that. What would you like me to do?"], state)
        if request_key(request.text) in state.declined:
            return Reply(["Sorry. Tell me again whenever you like."], state)
        state.pending = TeachPending(request, kind.value)
        skill = registry.BY_NAME.get(request.skill)
        hint = skill.hint if skill else "What did you mean?"
        return Reply([f"{policy(kind).opening} What did you mean? {hint} (Or say \"never mind\".)"], state)

    def learn_answer(self: "Conversation", ctx: TurnContext, skill: str | None = None) -> Reply:
        """The answer at a teachable moment: store it, confirm in one line, then do the original request."""
        state, entities = ctx.state, ctx.entities
        pending = state.pending
        request = (pending.request if isinstance(pending, TeachPending) else None) or Request("")
        state.pending = None
        remember_key(state.resolved, request.text)
        target = skill or request.skill or "play_music"
        if skill and skill != request.skill:
            merged = dict(entities)  # a corrected request: do what was asked now
        else:
            merged = {**request.entities, **entities}
        learned = learn(self.store, ctx.user, entities, source=Source.TEACHABLE_MOMENT, utterance=ctx.text,
                        only=set(registry.skill(target).teaches))
        learned += self.remember_place(ctx, place_of(entities), target)
        reply = self.run(ctx, target, merged, text=request.text or ctx.text)
        lines = [confirmation(learned)] if learned else []
        lines += reply.texts
        lines += self.maybe_offer_qa(ctx.user, state)
        return Reply(lines, reply.state, resolutions=reply.resolutions)

    def maybe_offer_qa(self: "Conversation", user: str, state: State) -> list[str]:
        if state.offered_qa or state.moments < OFFER_QA_AFTER_MOMENTS or state.qa is not None:
            return []
        if len([p for p in self.store.list(user) if p.source is not Source.INFERRED]) >= OFFER_QA_BELOW_PREFERENCES:
            return []
        state.offered_qa = True
        return ["I could get things right more often if I knew you a little. Say \"learn my preferences\" "
                "whenever you have a minute."]


def _same_values(said: Mapping[str, Any], last: Request | None, text: str) -> bool:
    """Whether other words ask about values the last request had already: nothing was missing from it. The
    same words again are a repeat, which a failed answer explains."""
    if last is None or request_key(text) == request_key(last.text or ""):
        return False
    return all({fold(v) for v in values_of(said, e)} <= {fold(v) for v in values_of(last.entities, e)} for e in said)
