"""Thanks and reactions, in the words people use: what asks for nothing, so needs no rephrasing.

NLU is trained on English thanks; "gracias", "danke", "makasih" or "asante"
reached the fallback ("Sorry, I didn't get that"), which the real sets'
labellers counted as failures each time. Failure points read the same list
to tell a "You're welcome" that fits from one that does not.

Reactions to an answer ("lol ok", "oof", "yikes", "fair enough") ask for
nothing either, and "Could you say it another way?" asks the user to rephrase
what needed no answer. A message counts as one only when every word of it is
a reaction word: "snow?" or "temp" are requests NLU missed and still get asked
to rephrase.
"""
from __future__ import annotations

import re

THANKS = re.compile(r"\b(?:thanks?|thank you|thx|ty|cheers|appreciated?|ta|grazie|danke|dank je|bedankt|gracias|"
                    r"merci|obrigad[oa]|asante|makasih|terima kasih|dziekuje|dziękuję|tesekkurler|teşekkürler|"
                    r"arigato|arigatou|salamat|spasibo|shukriya|dhanyavaad|kiitos|tack|takk|mahalo)\b")
# Longer than this, a message with a thank-you in it is a request with manners ("thanks, now play jazz").
THANKS_WORDS = 4


REACTION_WORDS = frozenset("""
    lol lmao lmfao rofl haha hahaha ha heh hehe oof yikes wow whoa woah nice cool neat sweet ugh meh hm hmm hmmm
    damn dang sick wild gutted awful brr brrr oh ah ahh ok okay k kk alright aight fine great perfect noted
    interesting crazy omg wtf bummer shame pity huh yay woo woohoo oops welp mkay bet fr ngl lovely cheers
    rip sad bummed classic typical figures
""".split())
REACTION_PHRASES = re.compile(r"\b(?:fair enough|got it|makes sense|no way|oh well|not bad|too bad|good to know|"
                              r"all good|fair play|oh no|oh dear|no worries|my bad|good one)\b")
REACTION_WORDS_MAX = 4


def only_reaction(text: str) -> bool:
    """The message reacts to the answer and asks nothing: "lol ok", "oof", "fair enough", "wow nice"."""
    words = re.findall(r"[a-z]+", REACTION_PHRASES.sub(" ", text.lower()))
    said = re.findall(r"[a-z]+", text.lower())
    return bool(said) and len(said) <= REACTION_WORDS_MAX and all(w in REACTION_WORDS for w in words)


def chatter_reply(text: str, question_open: bool = False) -> str | None:
    """What to say to a message NLU could not place that only thanks or reacts; None for anything else.

    With a question of the assistant open, "ok" or "hmm" may be a muddled answer to it: asking again
    beats dropping the question with an "OK."."""
    if only_thanks(text):
        return "You're welcome!"
    if only_reaction(text) and not question_open:
        return "OK."
    return None


def only_thanks(text: str) -> bool:
    """The message thanks and asks nothing: "gracias", "thanks i was worried", "merci beaucoup"."""
    low = text.lower()
    return THANKS.search(low) is not None and len(low.split()) <= THANKS_WORDS


__all__ = ["REACTION_WORDS", "THANKS", "THANKS_WORDS", "chatter_reply", "only_reaction", "only_thanks"]
