"""Feedback on the last answer: complaints, signals, yes, no, never mind, not understood."""
from __future__ import annotations

from typing import TYPE_CHECKING

from preferences.dialogue.context import TurnContext
from preferences.chatter import chatter_reply
from preferences.dialogue.followups import found_all, recent
from preferences.dialogue.state import (CheckPending, ForgetAllPending, Reply, State, TeachPending,
                                        remember_key)
from preferences.selflearning.settings import MiningSettings
from preferences.signals import Signal

if TYPE_CHECKING:
    from preferences.dialogue.conversation import Conversation


class Feedback:
    """Mixed into Conversation."""

    def dissatisfied(self: "Conversation", ctx: TurnContext, kind: Signal = Signal.DISSATISFACTION) -> Reply:
        """A complaint, a thumbs-down or a barge-in about the last answer."""
        state = ctx.state
        state.moments += 1
        state.pending = None
        return self.offer(kind, state.last_request, state)

    def fallback(self: "Conversation", ctx: TurnContext) -> Reply:
        """Not understood: ask to rephrase; the rephrase that follows is compared with a lower bar.

        Unless the words name what the last request's skill follows ("and in sydney" after a forecast,
        "friday at 6pm" after a table search, "no post malone" after a song): NLU reads one message at a
        time and could not place the fragment, the conversation can. Then it is that request again with
        those values, as a bare answer would be; not while a question of the assistant is open, nor after a
        break, nor when the skill does not find a value ("under the name okafor" tagged as a city). The real
        sets' labellers found "Sorry, I didn't get that" the most common failure of all (intent, rule 1 of
        benchmarks/data/failure_points_labelling.md).
        """
        state = ctx.state
        # "gracias", "danke", "lol ok": thanks and reactions NLU was not taught
        said = chatter_reply(ctx.text, question_open=state.pending is not None or state.qa is not None)
        if said is not None:
            return Reply([said], state)
        last = state.last_request
        if state.pending is None and state.qa is None and last is not None and recent(ctx):
            redone = self.fragment(ctx)  # "no the venezuelan one" after Valencia, "close them" after the blinds
            if redone is not None:
                return redone
            followed = self.follow_up(ctx, None)
            if followed is not None and found_all(last.skill, ctx.entities):
                return self.run(followed, last.skill, followed.entities)
        return Reply(["Sorry, I didn't quite get that. Could you say it another way?"], ctx.state)

    def never_mind(self: "Conversation", ctx: TurnContext) -> Reply:
        state = ctx.state
        pending = state.pending
        state.pending = None
        if isinstance(pending, TeachPending):
            remember_key(state.declined, pending.request.text if pending.request else "")
            return Reply(["OK, never mind. I won't ask about that again this session."], state)
        if state.qa is not None:
            return self.qa_stop(ctx.user, state)
        return Reply(["OK."], state)

    def affirm(self: "Conversation", ctx: TurnContext) -> Reply:
        state = ctx.state
        pending = state.pending
        state.pending = None
        if isinstance(pending, ForgetAllPending):
            removed = self.store.forget_user(ctx.user)
            if self.rewrites is not None:  # and out of the log and every rewrite's evidence
                self.rewrites.forget_user(ctx.user, min_users=MiningSettings().min_edge_users)
            return Reply([f"Done. I've forgotten everything about you ({removed} records deleted)."], State())
        if isinstance(pending, CheckPending):
            return Reply(["Great, thanks for confirming."], state)
        return Reply(["OK."], state)

    def deny(self: "Conversation", ctx: TurnContext) -> Reply:
        state = ctx.state
        pending = state.pending
        if isinstance(pending, ForgetAllPending):
            state.pending = None
            return Reply(["OK, I won't forget anything."], state)
        if isinstance(pending, CheckPending):
            state.moments += 1
            return self.offer(Signal.DISSATISFACTION, pending.request, state)
        if isinstance(pending, TeachPending):
            return self.never_mind(ctx)
        if state.qa is not None:
            return self.qa_skip(ctx.user, state)
        return self.dissatisfied(ctx) if state.last_request else Reply(["OK."], state)
