"""The guided Q&A ("learn my preferences"): the skills' questions, with skip, back and stop."""
from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any

from preferences.dialogue.context import TurnContext
from preferences.dialogue.state import QAProgress, Reply, State
from preferences.records import Polarity, Source
from preferences.skills import registry
from preferences.teaching import ENTITY_SLOTS, confirmation, describe, learn, values_of

if TYPE_CHECKING:
    from preferences.dialogue.conversation import Conversation

# What each Q&A intent asks the Q&A to do; anything else starts it.
COMMANDS = {"learn_preferences": "start", "skip": "skip", "go_back": "back", "stop": "stop"}


def _entity_of(slot: str) -> str:
    return next(entity for entity, (_, s) in ENTITY_SLOTS.items() if s == slot)


class GuidedQA:
    """Mixed into Conversation."""

    def guided_qa(self: "Conversation", ctx: TurnContext) -> Reply:
        command = COMMANDS.get(ctx.intent or "", "start")
        state, qa = ctx.state, ctx.state.qa
        if command == "start" or qa is None:
            if command in ("stop", "skip") and qa is None and state.playing:
                return self.next_track(ctx) if command == "skip" else self.stop_music(ctx)
            if command in ("stop", "skip", "back") and qa is None:
                return Reply(["We're not in the middle of anything. Say \"learn my preferences\" to start."], state)
            state.qa = QAProgress()
            return Reply(["Great, a few quick questions. You can say \"skip\", \"go back\" or \"stop\" at any time.",
                          registry.questions()[0].text], state)
        if command == "stop":
            return self.qa_stop(ctx.user, state)
        if command == "back":
            qa.index = max(0, qa.index - 1)
            question = registry.questions()[qa.index]
            before = qa.answered.get(question.slot)
            prefix = f"Sure. You said {before}. " if before else "Sure. "
            return Reply([prefix + question.text], state)
        return self.qa_skip(ctx.user, state)

    def next_track(self: "Conversation", ctx: TurnContext) -> Reply:
        """ "skip" / "next" while music plays and no Q&A runs: the next track of what was asked (artist or genre)."""
        now = ctx.state.playing or {}
        by_artist = now.get("by") == "artist"
        played = self.service.provider("play_music").play(None if by_artist else now["genre"],
                                                         now["artist"] if by_artist else None,
                                                         after=(now["artist"], now["track"]))
        ctx.state.playing = {**now, "artist": played.artist, "track": played.track}
        return Reply([f"Skipping. Now playing {played.track} by {played.artist}."], ctx.state)

    def stop_music(self: "Conversation", ctx: TurnContext) -> Reply:
        ctx.state.playing = None
        return Reply(["OK, I've stopped the music."], ctx.state)

    def qa_stop(self: "Conversation", user: str, state: State) -> Reply:
        return self._qa_finish(state, stopped=True)

    def qa_skip(self: "Conversation", user: str, state: State) -> Reply:
        return self._qa_next(state)

    @staticmethod
    def answers_question(state: State, entities: Mapping[str, Any]) -> bool:
        index = state.qa.index if state.qa else 0
        questions = registry.questions()
        if not 0 <= index < len(questions):
            return False
        return bool(values_of(entities, _entity_of(questions[index].slot)))

    def qa_answer(self: "Conversation", ctx: TurnContext, polarity: Polarity) -> Reply:
        state, entities = ctx.state, ctx.entities
        qa = state.qa or QAProgress()
        question = registry.questions()[qa.index]
        learned = learn(self.store, ctx.user, entities, polarity=polarity, source=Source.GUIDED_QA,
                        utterance=ctx.text, only={question.slot})
        if not learned:
            others = {slot for _, slot in ENTITY_SLOTS.values() if slot != "home_city"}
            learned = learn(self.store, ctx.user, entities, polarity=polarity, source=Source.GUIDED_QA,
                            utterance=ctx.text, only=others)
            if not learned:
                return Reply([f"I didn't catch an answer there. {question.text} (Or say \"skip\".)"], state)
        for p in learned:
            qa.answered[p.slot] = describe(p.slot, p.value, p.polarity)
        return self._qa_next(state, lead=confirmation(learned))

    def _qa_next(self: "Conversation", state: State, lead: str | None = None) -> Reply:
        qa = state.qa or QAProgress()
        qa.index += 1
        lines = [lead] if lead else []
        questions = registry.questions()
        if qa.index >= len(questions):
            done = self._qa_finish(state, stopped=False)
            return Reply(lines + done.texts, done.state)
        return Reply(lines + [questions[qa.index].text], state)

    @staticmethod
    def _qa_finish(state: State, stopped: bool) -> Reply:
        answered = list(state.qa.answered.values()) if state.qa else []
        state.qa = None
        opening = "OK, stopping here." if stopped else "That's all my questions, thank you!"
        if not answered:
            return Reply([f"{opening} You didn't tell me anything new, and that's fine."], state)
        return Reply([f"{opening} Here's what I learned: {'; '.join(answered)}. If anything is wrong, just tell "
                      "me, for example \"actually I prefer rock\"."], state)
