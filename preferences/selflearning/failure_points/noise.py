"""The noise channel: how a voice front end or a keyboard turns the words a user meant into others.

Letter edits (a dropped, doubled, swapped or neighbouring key, another
vowel), sound-alikes ("ph" heard as "f", "tion" as "shun") and re-segmented
words ("imagine" as "imag ine"). The train and test splits of the generator
use different operations and different halves of the sound-alike table, so
held-out misspellings are not the ones a model saw.
"""
from __future__ import annotations

import random

from preferences.selflearning.failure_points import generate_data as D
from preferences.selflearning.failure_points.resolve import resolve

_QWERTY = "qwertyuiop asdfghjkl zxcvbnm"


def half(seq: tuple, split: str) -> tuple:
    """The train half (even positions) or the test half (odd positions) of a list of wordings."""
    return seq[0::2] if split == "train" else seq[1::2]


def _sound(rng: random.Random, word: str, split: str) -> str:
    found = [(a, b) for a, b in half(D.SOUNDS, split) if a in word]
    if not found:
        return word
    a, b = rng.choice(found)
    return word.replace(a, b, 1)


def noisy(rng: random.Random, word: str, split: str) -> str:
    """A misheard or mistyped word: the edit operations and sound-alikes differ between the splits."""
    ops = (("drop", "swap", "vowel", "double", "sound", "sound") if split == "train"
           else ("neighbour", "vowel", "split", "drop", "sound", "sound"))
    op = rng.choice(ops)
    if len(word) < 2:
        return word + "h"
    i = rng.randrange(len(word) - 1)
    if op == "sound" and _sound(rng, word, split) != word:
        return _sound(rng, word, split)
    if op == "drop" and len(word) > 3:
        return word[:i] + word[i + 1:]
    if op == "swap" and len(word) > 3:
        return word[:i] + word[i + 1] + word[i] + word[i + 2:]
    if op == "double":
        return word[:i] + word[i] + word[i:]
    if op == "split" and len(word) > 5:
        return word[:i + 1] + " " + word[i + 1:]
    if op == "neighbour" and word[i] in _QWERTY:
        j = _QWERTY.index(word[i])
        return word[:i] + _QWERTY[min(j + 1, len(_QWERTY) - 1)].strip() + word[i + 1:]
    vowels = [k for k, c in enumerate(word) if c in "aeiou"]
    if not vowels:
        return word + "h"
    k = rng.choice(vowels)
    return word[:k] + rng.choice([v for v in "aeiouy" if v != word[k]]) + word[k + 1:]


def mishear(rng: random.Random, entity: str, value: str, split: str) -> str:
    """The value misheard so that no catalog resolves it: one or two words changed, sometimes re-segmented
    ("imagine dragons" -> "imag in dragons"); a few tries, then a harder corruption."""
    words = value.split()
    for _ in range(6):
        k = rng.randrange(len(words))
        heard_words = [noisy(rng, w, split) if j == k else w for j, w in enumerate(words)]
        if len(words) > 1 and rng.random() < 0.3:  # a second word misheard too
            k2 = rng.randrange(len(words))
            heard_words[k2] = noisy(rng, heard_words[k2], split)
        heard = " ".join(heard_words)
        if heard != value and resolve(entity, heard).resolved is None:
            return heard
    return noisy(rng, noisy(rng, value, split), split) + "z"


__all__ = ["half", "mishear", "noisy"]
