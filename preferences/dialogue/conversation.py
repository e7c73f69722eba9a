"""The learning conversation: one entry point, `Conversation.handle(action, ctx)`.

Rasa picks an action by intent; every action then lands here with one
`TurnContext`. What to say is decided in the modules of this package, one
idea each: requests and repair (`requests`), the turn read with the last
request (`followups`), feedback (`feedback`), declarative teaching
(`teaching`), the guided Q&A (`guided_qa`), privacy (`privacy`) and personal
concepts (`concepts`). Skill actions come from the
skill registry; the others from `HANDLERS` below, so an adapter is a loop,
not a list of lambdas, and everything here can be tested without Rasa.
"""
from __future__ import annotations

from typing import Callable

from preferences.dialogue.concepts import Concepts
from preferences.dialogue.context import TurnContext
from preferences.dialogue.feedback import Feedback
from preferences.dialogue.followups import FollowUps
from preferences.dialogue.guided_qa import GuidedQA
from preferences.dialogue.privacy import Privacy
from preferences.dialogue.requests import Requests
from preferences.dialogue.state import Reply
from preferences.dialogue.teaching import Teaching
from preferences.moments import MomentDetector
from preferences.service import AssistantService
from preferences.skills import registry
from preferences.storage.rewrites import RewriteTable


# Why a rewrite read the words otherwise, by where it came from (the reply and "why?" say it).
REWRITE_REASONS = {
    "mined": "which is what people who say that usually mean",
    "global": "a request like it that has worked for other people",
    "personal": "the way you usually ask for it",
}


class Conversation(Requests, FollowUps, Feedback, Teaching, GuidedQA, Privacy, Concepts):
    def __init__(self, service: AssistantService, detector: MomentDetector | None = None,
                 learning: bool = True, rewrites: RewriteTable | None = None) -> None:
        self.service = service
        self.store = service.store
        self.rewrites = rewrites  # "forget everything about me" takes the user out of their evidence too
        self.learning = learning
        self.detector = detector if detector is not None or not learning else MomentDetector()

    def handle(self, action: str, ctx: TurnContext) -> Reply:
        """The reply to one turn, for the action Rasa chose."""
        skill = registry.BY_ACTION.get(action)
        if skill is not None:
            reply = self.request(ctx, skill.name)
            reply.state.last_rewrite = ctx.rewrite
            if ctx.rewrite:  # a rewrite changed the words: say so, never hide it
                reply.texts.append(f"(I took \"{ctx.rewrite['raw']}\" as \"{ctx.rewrite['target']}\", "
                                   f"{REWRITE_REASONS.get(ctx.rewrite.get('layer'), REWRITE_REASONS['mined'])}.)")
            return reply
        signal = ctx.channel.signal
        if signal is not None and self.learning:
            # A barge-in or thumbs-down is about the previous answer, whatever the words were.
            return self.dissatisfied(ctx, signal)
        return HANDLERS[action](self, ctx)


Handler = Callable[[Conversation, TurnContext], Reply]

# The conversation's own actions (not skills), by Rasa action name.
HANDLERS: dict[str, Handler] = {
    "action_learn_statement": Conversation.statement,
    "action_handle_inform": Conversation.inform,
    "action_handle_dissatisfaction": Conversation.dissatisfied,
    "action_never_mind": Conversation.never_mind,
    "action_guided_qa": Conversation.guided_qa,
    "action_what_do_you_know": Conversation.what_do_you_know,
    "action_forget_preference": Conversation.forget,
    "action_forget_everything": Conversation.forget_everything,
    "action_handle_affirm": Conversation.affirm,
    "action_handle_deny": Conversation.deny,
    "action_explain_choice": Conversation.explain,
    "action_activate_mode": Conversation.activate_mode,
    "action_define_concept": Conversation.define_concept,
    "action_handle_fallback": Conversation.fallback,
}


def action_names() -> list[str]:
    """Every action the conversation answers: the skills' and its own."""
    return [s.action for s in registry.SKILLS] + list(HANDLERS)
