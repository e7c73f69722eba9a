"""How a name gets garbled between a person's mouth and the assistant's ears: pure functions of a random stream.

Three sources, as in the design note (shared/self-learning.md):

* speech recognition: sounds written another way ("ph" heard as "f"), words
  cut or glued at the wrong place ("imagine" -> "imag in"), a whole word
  heard as a sound-alike ("imagine" -> "maj and");
* people: nicknames ("chili peppers"), a surname alone ("sheeran"), part of
  a title ("bohemian" for "Bohemian Rhapsody");
* both at once: a little of everything, rarely.

`common_mishearings` gives the few typical errors for a name that a whole
population shares (the world fixes them once per replicate); `one_off`
gives a long-tail variant from a turn's own random stream.
"""
from __future__ import annotations

import random
import re
import unicodedata
from collections.abc import Callable

# Spellings a recogniser picks for the same sound (regular expressions on one word), so the
# variants read like transcripts ("mariah cary", "coldtrain"), not like random typos.
SOUND_ALIKE: tuple[tuple[str, str], ...] = (
    (r"ph", "f"), (r"ck", "k"), (r"qu", "kw"), (r"tion", "shun"), (r"ght", "t"), (r"^wh", "w"), (r"^kn", "n"),
    (r"ee", "ea"), (r"ea", "ee"), (r"oo", "u"), (r"ai", "ay"), (r"ie", "ee"), (r"ey$", "y"), (r"y$", "ey"),
    (r"c(?=[aou])", "k"), (r"x", "ks"), (r"z", "s"), (r"(?<=[aeiou])s$", "z"), (r"er$", "a"), (r"ll", "l"),
    (r"tt", "t"), (r"nn", "n"), (r"ss", "s"), (r"mm", "m"), (r"(?<=[aeiou])l(?=[aeiou])", "ll"), (r"ou", "ow"),
    (r"ei", "ay"), (r"ia", "ya"), (r"an$", "en"), (r"on$", "en"), (r"ie$", "y"), (r"i$", "ee"), (r"ane$", "ain"),
    (r"ine$", "een"), (r"^j", "g"), (r"ch", "sh"), (r"que$", "k"), (r"ce$", "se"),
    (r"(?<=[^s'aeiou])s$", ""), (r"ew", "oo"), (r"ar(?=[^aeiou])", "er"), (r"ay", "ey"), (r"ue", "ew"),
    (r"(?<=[^aeiou])u(?=[^aeiou])", "oo"), (r"o(?=[^aeiou]$)", "aw"), (r"(?<=[^aeiou])e(?=[^aeiou]$)", "i"),
)
# Whole words a recogniser hears as other words (a few common ones; the rules above do the rest).
WORD_ALIKE: dict[str, tuple[str, ...]] = {
    "imagine": ("maj and", "imaging", "i'm a gin"), "dragons": ("dragon", "drag ins"),
    "beatles": ("bee tells", "beetles"), "queen": ("cream", "gwen"), "swift": ("swiss", "shift"),
    "drake": ("drape", "brake"), "adele": ("a dell", "adel"), "eilish": ("eyelash", "i leash"),
    "weeknd": ("weekend", "week end"), "coldplay": ("cold play", "code play"), "nirvana": ("near vana",),
    "rihanna": ("ri anna", "rianna"), "sinatra": ("sin atra", "senator"), "presley": ("pressly", "priestly"),
    "mars": ("mas", "marrs"), "eminem": ("m and m", "eminen"), "springfield": ("spring field", "springfeld"),
    "portland": ("port land", "portlin"), "columbus": ("colombo", "columbo"), "richmond": ("rich man",),
    "arlington": ("darlington", "arlingtin"), "madison": ("maddison", "medicine"), "salem": ("sail em", "sailem"),
    "aurora": ("arora", "a rora"), "glendale": ("glen dale", "glendel"), "rochester": ("rochestor", "row chester"),
    "u2": ("you too", "u two"), "50": ("fifty",), "112": ("one twelve", "one one two"), "sting": ("stink", "string"),
    "future": ("feature", "futures"), "abba": ("aba", "ah bah"), "shakira": ("sakira", "chakira"),
}
# Names people use that are not the catalog's (whether the assistant knows them is its business).
NICKNAMES: dict[str, tuple[str, ...]] = {
    "michael jackson": ("mj", "the king of pop"), "beyonce": ("bey", "queen bey"), "taylor swift": ("tay tay",),
    "bruce springsteen": ("the boss",), "red hot chili peppers": ("chili peppers", "rhcp"),
    "the rolling stones": ("the stones",), "led zeppelin": ("zeppelin",), "elvis presley": ("elvis", "the king"),
    "guns n roses": ("gnr",), "the beatles": ("the fab four",), "ed sheeran": ("ed",), "lady gaga": ("gaga",),
    "mariah carey": ("mariah",), "whitney houston": ("whitney",), "britney spears": ("britney",),
    "elton john": ("elton",), "bruno mars": ("bruno",), "stevie wonder": ("stevie",), "nicki minaj": ("nicki",),
    "justin bieber": ("bieber",), "kendrick lamar": ("kendrick",), "ariana grande": ("ari",),
    "new york city": ("the big apple",), "chicago": ("chi town", "the windy city"), "philadelphia": ("philly",),
    "los angeles": ("l a",), "new orleans": ("nola",), "las vegas": ("vegas",), "boston": ("beantown",),
    "san diego": ("sd",), "nashville": ("music city",),
}
_APOS = str.maketrans("", "", "'\u2019")
_NON_WORD = re.compile(r"[^a-z0-9' ]+")


def fold(text: str) -> str:
    """Lower case, no accents or punctuation except apostrophes, single spaces: how a recogniser writes."""
    text = unicodedata.normalize("NFKD", text)
    text = "".join(ch for ch in text if not unicodedata.combining(ch)).lower().replace("&", " and ")
    return " ".join(_NON_WORD.sub(" ", text).split())


def _same(a: str, b: str) -> bool:
    return fold(a).translate(_APOS).replace(" ", "") == fold(b).translate(_APOS).replace(" ", "")


# --- single edits: (words, rng) -> words, or None when the edit does not apply -------------------------
Edit = Callable[[list[str], random.Random], "list[str] | None"]


def sound_alike(words: list[str], rng: random.Random) -> list[str] | None:
    """One letter group written as it sounds, in one word."""
    options = [(i, m, b) for i, w in enumerate(words) if len(w) > 2 and w != "the"
               for a, b in SOUND_ALIKE for m in re.finditer(a, w)]
    if not options:
        return None
    i, m, b = rng.choice(options)
    w = words[i]
    return words[:i] + [w[:m.start()] + b + w[m.end():]] + words[i + 1:]


def word_alike(words: list[str], rng: random.Random) -> list[str] | None:
    """A whole word heard as a sound-alike word or pair of words."""
    options = [i for i, w in enumerate(words) if w in WORD_ALIKE]
    if not options:
        return None
    i = rng.choice(options)
    return words[:i] + rng.choice(WORD_ALIKE[words[i]]).split() + words[i + 1:]


def split_word(words: list[str], rng: random.Random) -> list[str] | None:
    """A long word cut in two between consonants ("coltrane" -> "colt rane", "nirvana" -> "nirv ana")."""
    options = [(i, at) for i, w in enumerate(words) if len(w) >= 6
               for at in range(3, len(w) - 2) if w[at - 1] not in "aeiouy" and w[at] not in "aeiouy"]
    if not options:
        return None
    i, at = rng.choice(options)
    return words[:i] + [words[i][:at], words[i][at:]] + words[i + 1:]


def drop_syllable(words: list[str], rng: random.Random) -> list[str] | None:
    """The unstressed start of a long word lost ("imagine" -> "magine")."""
    options = [i for i, w in enumerate(words) if len(w) >= 6 and w[0] in "aeiou" and w[1] not in "aeiou"
               and w[2] in "aeiouy"]
    if not options:
        return None
    i = rng.choice(options)
    return words[:i] + [words[i][1:]] + words[i + 1:]


def spell_out(words: list[str], rng: random.Random) -> list[str] | None:
    """An initialism written letter by letter ("tlc" -> "t l c"), as recognisers do."""
    options = [i for i, w in enumerate(words) if 2 <= len(w) <= 4 and w.isalpha() and not set(w) & set("aeiou")]
    if not options:
        return None
    i = rng.choice(options)
    return words[:i] + list(words[i]) + words[i + 1:]


def drop_article(words: list[str], rng: random.Random) -> list[str] | None:
    if len(words) > 1 and words[0] == "the":
        return words[1:]
    return None


def swap_letter(words: list[str], rng: random.Random) -> list[str] | None:
    """A consonant heard as a neighbouring sound (b/p, d/t, g/k, m/n, s/z, f/v): the long tail."""
    pairs = {"b": "p", "p": "b", "d": "t", "t": "d", "g": "k", "k": "g", "m": "n", "n": "m", "s": "z", "f": "v",
             "v": "f", "l": "r", "r": "l"}
    options = [(i, j) for i, w in enumerate(words) if len(w) > 3 for j in range(1, len(w)) if w[j] in pairs]
    if not options:
        return None
    i, j = rng.choice(options)
    w = words[i]
    return words[:i] + [w[:j] + pairs[w[j]] + w[j + 1:]] + words[i + 1:]


def drop_letter(words: list[str], rng: random.Random) -> list[str] | None:
    options = [(i, j) for i, w in enumerate(words) if len(w) > 4 for j in range(1, len(w) - 1)]
    if not options:
        return None
    i, j = rng.choice(options)
    w = words[i]
    return words[:i] + [w[:j] + w[j + 1:]] + words[i + 1:]


COMMON_EDITS: tuple[Edit, ...] = (word_alike, sound_alike, split_word, drop_syllable, sound_alike, word_alike,
                                  spell_out, swap_letter)
TAIL_EDITS: tuple[Edit, ...] = (swap_letter, drop_letter, sound_alike, split_word)


def garble(name: str, rng: random.Random, edits: tuple[Edit, ...], max_edits: int = 2) -> str | None:
    """`name` with one to `max_edits` edits; None when no edit changes it."""
    words = fold(name).split()
    changed = list(words)
    for _ in range(rng.randint(1, max_edits)):
        for edit in rng.sample(edits, len(edits)):
            out = edit(changed, rng)
            if out is not None and out != changed:
                changed = out
                break
    text = " ".join(w.rstrip("'") for w in changed if w.strip("'"))
    return None if _same(text, name) else text


def common_mishearings(name: str, rng: random.Random, k: int = 3) -> tuple[str, ...]:
    """The typical ways a population mishears `name`, likeliest first (at most k, all distinct)."""
    found: list[str] = []
    for _ in range(12 * k):
        variant = garble(name, rng, COMMON_EDITS)
        if variant and all(not _same(variant, f) for f in found):
            found.append(variant)
        if len(found) == k:
            break
    return tuple(found)


def one_off(name: str, rng: random.Random, avoid: tuple[str, ...] = ()) -> str | None:
    """A long-tail variant of `name`, not one of the common ones (`avoid`)."""
    for _ in range(6):
        variant = garble(name, rng, TAIL_EDITS, max_edits=2)
        if variant and not any(_same(variant, a) for a in avoid):
            return variant
    return None


def nickname(name: str, rng: random.Random, surname: bool = True) -> str | None:
    """What people call `name` instead: a known nickname, or a solo artist's surname alone.

    `surname` False for places: "city" is nobody's name for Kansas City.
    """
    folded = fold(name).replace("'", "")
    if folded in NICKNAMES:
        return rng.choice(NICKNAMES[folded])
    words = folded.split()
    if surname and len(words) == 2 and words[0] != "the" and len(words[1]) > 3:
        return words[1]
    return None


def partial_title(title: str, rng: random.Random) -> str | None:
    """Part of a title, as people remember it: its first words or its longest word ("bohemian")."""
    words = [w for w in fold(title).split() if w]
    if len(words) < 2:
        return None
    head = " ".join(words[: max(1, len(words) // 2)])
    longest = max(words, key=len)
    tail = " ".join(words[len(words) // 2:])
    return rng.choice([head, longest, tail])
