"""The vector a request is retrieved by: its meaning and its letters, in one inner product.

MiniLM embeddings know meaning but not sound: "play nerve ana" is 0.41 from
"play nirvana", "find me tie food" 0.39 from "find thai food", below what
retrieval can accept without pulling in unrelated requests. Misheard and
misspelt names keep most of their letters, so each request vector is the
MiniLM embedding joined to a hashed bag of its character 2-3-grams
(scikit-learn's HashingVectorizer, signed, unit length), each scaled by the
square root of its weight: the inner product of two such vectors is
``SEMANTIC_WEIGHT * cosine(meaning) + (1 - SEMANTIC_WEIGHT) * cosine(letters)``,
so one index search finds requests alike in either way ("nerve ana" /
"nirvana": 0.50; "maj and dragons" / "imagine dragons": 0.66; "play maj
and dragons" / "play some jazz": 0.25).

Only the MiniLM part is stored (it is the costly one); the letters are
hashed again when an index is loaded, which takes about a second per
100,000 requests.
"""
from __future__ import annotations

import math
from collections.abc import Sequence

import numpy as np
from sklearn.feature_extraction.text import HashingVectorizer

SEMANTIC_WEIGHT = 0.5
MEANING_DIMENSION = 384  # all-MiniLM-L6-v2
CHAR_FEATURES = 512
_HASHER = HashingVectorizer(analyzer="char_wb", ngram_range=(2, 3), n_features=CHAR_FEATURES, alternate_sign=True,
                            norm="l2", lowercase=True)


def letters(texts: Sequence[str]) -> np.ndarray:
    """Unit-length signed hashes of each text's character 2-3-grams."""
    if not texts:
        return np.zeros((0, CHAR_FEATURES), np.float32)
    return _HASHER.transform(list(texts)).toarray().astype(np.float32)


def joined(meaning: np.ndarray, texts: Sequence[str]) -> np.ndarray:
    """Rows of [sqrt(w) * meaning, sqrt(1 - w) * letters]: unit length when both parts are."""
    if not len(texts):
        return np.zeros((0, MEANING_DIMENSION + CHAR_FEATURES), np.float32)
    meaning = np.asarray(meaning, dtype=np.float32).reshape(len(texts), -1)
    return np.hstack([math.sqrt(SEMANTIC_WEIGHT) * meaning,
                      math.sqrt(1 - SEMANTIC_WEIGHT) * letters(texts)]).astype(np.float32)
