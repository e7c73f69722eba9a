"""Thanks, in the words people use: the few languages the real conversations thanked in.

NLU is trained on English thanks; "gracias", "danke", "makasih" or "asante"
reached the fallback ("Sorry, I didn't get that"), which the real sets'
labellers counted as failures each time. Failure points read the same list
to tell a "You're welcome" that fits from one that does not.
"""
from __future__ import annotations

import re

THANKS = re.compile(r"\b(?:thanks?|thank you|thx|ty|cheers|appreciated?|ta|grazie|danke|dank je|bedankt|gracias|"
                    r"merci|obrigad[oa]|asante|makasih|terima kasih|dziekuje|dziękuję|tesekkurler|teşekkürler|"
                    r"arigato|arigatou|salamat|spasibo|shukriya|dhanyavaad|kiitos|tack|takk|mahalo)\b")
# Longer than this, a message with a thank-you in it is a request with manners ("thanks, now play jazz").
THANKS_WORDS = 4


def only_thanks(text: str) -> bool:
    """The message thanks and asks nothing: "gracias", "thanks i was worried", "merci beaucoup"."""
    low = text.lower()
    return THANKS.search(low) is not None and len(low.split()) <= THANKS_WORDS


__all__ = ["THANKS", "THANKS_WORDS", "only_thanks"]
