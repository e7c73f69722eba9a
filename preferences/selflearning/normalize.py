"""The request key: the normalised text that names a Markov state and a rewrite.

Two utterances are the same request to the miner, and the same entry to the
runtime lookup, exactly when their keys are equal. The key therefore removes
what varies without changing the request (case, accents, punctuation,
spacing) and nothing else: no stemming, no stop words, so the rewrite found
for "play maj and dragons" is never applied to a different request.
Apostrophes are dropped rather than turned into spaces, so "that's" and
"thats" (speech recognisers write both) are one key.
"""
from __future__ import annotations

import re
import unicodedata

MAX_KEY_LENGTH = 200  # longer inputs are dictation, not requests; the cap bounds the miner's memory
_APOSTROPHES = str.maketrans("", "", "'\u2019\u02bc`\u00b4")
_NOT_WORD = re.compile(r"[\W_]+")


def request_key(text: str) -> str:
    """Casefold, strip accents and punctuation, collapse whitespace, cap at MAX_KEY_LENGTH characters."""
    key = text.casefold().translate(_APOSTROPHES)
    if not key.isascii():
        key = "".join(ch for ch in unicodedata.normalize("NFKD", key) if not unicodedata.combining(ch))
    key = " ".join(_NOT_WORD.sub(" ", key).split())
    return key[:MAX_KEY_LENGTH].rstrip()
