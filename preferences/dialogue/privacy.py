"""Privacy in chat: what do you know about me, forget that, forget everything, why did you pick that."""
from __future__ import annotations

from typing import TYPE_CHECKING

from preferences.catalogs.text import fold
from preferences.dialogue.concepts import definition_text
from preferences.dialogue.context import TurnContext
from preferences.dialogue.state import ForgetAllPending, Reply
from preferences.dialogue.teaching import KEEP
from preferences.teaching import ENTITY_SLOTS, describe, values_of

if TYPE_CHECKING:
    from preferences.dialogue.conversation import Conversation

# How a preference was learned, in the words of "Because you told me ...".
HOW_LEARNED = {"stated": "you told me", "guided_qa": "you told me when I asked about your preferences",
               "teachable_moment": "you taught me when I got something wrong",
               "inferred": "you often ask about it"}


def explain_rewrite(rewrite: dict) -> str:
    """One sentence on a rewrite that shaped the last request, by where it came from."""
    raw, target = rewrite["raw"], rewrite["target"]
    if rewrite.get("layer") == "personal":
        return (f"I read \"{raw}\" as \"{target}\": that is how you usually ask for it, and it worked for you "
                "before (online rewriting, your own history).")
    if rewrite.get("layer") == "global":
        return (f"I read \"{raw}\" as \"{target}\": I wasn't sure what you meant, and that similar request has "
                "worked for other people (online rewriting).")
    return (f"I read \"{raw}\" as \"{target}\": people who said the first usually got what they wanted with the "
            f"second (rewrite #{rewrite.get('id')}).")


class Privacy:
    """Mixed into Conversation."""

    def what_do_you_know(self: "Conversation", ctx: TurnContext) -> Reply:
        prefs = self.store.list(ctx.user)
        concepts = self.store.list_concepts(ctx.user)
        if not prefs and not concepts:
            return Reply(["I don't know anything about you yet. Tell me what you like, or say "
                          "\"learn my preferences\"."], ctx.state)
        facts = [describe(p.slot, p.value, p.polarity) for p in prefs if p.recognized or p.slot != "asked_city"]
        facts += [f"\"{c.name}\" means {definition_text(c.definition)}" for c in concepts]
        return Reply(["Here's what I know about you: " + "; ".join(facts) + ". You can ask me to forget any of it."],
                     ctx.state)

    def forget(self: "Conversation", ctx: TurnContext) -> Reply:
        user, entities = ctx.user, ctx.entities
        if KEEP.search(fold(ctx.text)) and not any(values_of(entities, name) for name in entities):
            return self.statement(ctx)  # "it's liverpool. don't forget it this time": keep it, not forget it
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
            return Reply(["Done: I've forgotten " + " and ".join(forgotten) + "."], ctx.state)
        if any(values_of(entities, name) for name in entities):
            return Reply(["I didn't know that about you, so there's nothing to forget."], ctx.state)
        return Reply(["What should I forget? For example: \"forget that I like jazz\". To delete everything, "
                      "say \"forget everything about me\"."], ctx.state)

    def forget_everything(self: "Conversation", ctx: TurnContext) -> Reply:
        ctx.state.pending = ForgetAllPending()
        return Reply(["Are you sure? This deletes everything I know about you, history included. "
                      "Say yes to confirm or no to keep it."], ctx.state)

    def explain(self: "Conversation", ctx: TurnContext) -> Reply:
        """ "Why did you pick that?" / "why do you think I like jazz?": from the history."""
        asked = [(slot, value) for entity, (_, slot) in ENTITY_SLOTS.items()
                 for value in values_of(ctx.entities, entity)]
        targets = asked or [(c["slot"], c["value"]) for c in ctx.state.last_choices]
        lines = []
        rewrite = ctx.state.last_rewrite
        if rewrite and not asked:
            lines.append(explain_rewrite(rewrite))
        if not targets:
            return Reply(lines or ["I didn't use anything I know about you for that: it was my default choice."],
                         ctx.state)
        for slot, value in targets:
            history = [h for h in self.store.why(ctx.user, slot, value) if h.utterance or h.source]
            if not history:
                lines.append(f"I don't think {describe(slot, value)}: you never told me that.")
                continue
            h = history[0]
            how = HOW_LEARNED.get(h.source.value if h.source else "", "you told me")
            said = f": \"{h.utterance}\"" if h.utterance else ""
            lines.append(f"Because {how} on {h.at:%d %B %Y}{said}.")
        return Reply(lines, ctx.state)
