"""Declarative teaching ("I'm a Warriors fan") and bare answers ("jazz") to whatever is open."""
from __future__ import annotations

import re
from typing import TYPE_CHECKING

from preferences.catalogs.sports import find_team_words
from preferences.catalogs.text import fold
from preferences.chatter import chatter_reply
from preferences.dialogue.context import TurnContext
from preferences.dialogue.state import ConceptPending, Reply, TeachPending
from preferences.records import Polarity
from preferences.skills import registry
from preferences.teaching import confirmation, learn, values_of

if TYPE_CHECKING:
    from preferences.dialogue.conversation import Conversation


# Words asking to keep something ("it's liverpool. don't forget it this time"), which NLU may read as a
# request to forget.
KEEP = re.compile(r"\b(?:don'?t|do not|never) forget\b")
# Words that make a statement about a team: "i support liverpool", "we follow the packers", "big bills fan",
# or insist it be kept.
_SUPPORTS = re.compile(r"\b(?:support|supporter|fan|follow|root for|cheer for|club|team|remember)\b")
# A statement of more words than this that taught nothing said something the assistant cannot keep ("i'm
# allergic to peanuts, please remember that"): it says so, rather than asking what the user likes.
_VAGUE_WORDS = 3


def team_stated(text: str) -> dict[str, list[str]]:
    """The team a statement names in words NLU left untagged ("i support liverpool"), as entities; else none.

    Only with words about supporting: "i love the blues" is music, not St. Louis."""
    folded = fold(text)
    team = find_team_words(text) if _SUPPORTS.search(folded) or KEEP.search(folded) else None
    return {"team": [team]} if team else {}


class Teaching:
    """Mixed into Conversation."""

    def statement(self: "Conversation", ctx: TurnContext) -> Reply:
        polarity = Polarity.DISLIKE if ctx.intent == "state_dislike" else Polarity.LIKE
        state, entities = ctx.state, ctx.entities
        has_values = any(values_of(entities, name) for name in entities)
        if isinstance(state.pending, TeachPending) and polarity is Polarity.LIKE and has_values:
            return self.learn_answer(ctx)
        if state.qa is not None and has_values:
            return self.qa_answer(ctx, polarity)
        said = entities if has_values else team_stated(ctx.text)
        learned = learn(self.store, ctx.user, said, polarity=polarity, utterance=ctx.text)
        if not learned and len(ctx.text.split()) > _VAGUE_WORDS:
            return Reply(["I can't keep that kind of thing yet. I remember the music, food and teams you like or "
                          "don't, and where you live: for example \"I'm a Warriors fan\" or \"I live in "
                          "Portland, Maine\"."], state)
        if not learned:
            return Reply(["What do you like? For example: \"I like jazz\", \"I'm a Warriors fan\" "
                          "or \"I live in Portland, Maine\"."], state)
        return Reply([confirmation(learned)], state)

    def inform(self: "Conversation", ctx: TurnContext) -> Reply:
        """A bare answer ("jazz", "Portland, Maine"): to whatever question is open, else a request."""
        state = ctx.state
        if isinstance(state.pending, TeachPending):
            return self.learn_answer(ctx)
        if isinstance(state.pending, ConceptPending):
            return self.define_concept(ctx)
        if state.qa is not None:
            return self.qa_answer(ctx, Polarity.LIKE)
        redone = self.fragment(ctx)  # "the uk one", "and the tv too"
        if redone is not None:
            return redone
        said = chatter_reply(ctx.text)  # "gracias", "fair enough"
        if said is not None:
            return Reply([said], state)
        followed = self.follow_up(ctx, None)
        if followed is not None and state.last_request is not None:
            return self.run(followed, state.last_request.skill, followed.entities)
        for skill in registry.SKILLS:
            if any(values_of(ctx.entities, entity) for entity in skill.answers):
                return self.run(ctx, skill.name, ctx.entities)
        return Reply(["Sorry, I'm not sure what you'd like me to do with that."], state)
