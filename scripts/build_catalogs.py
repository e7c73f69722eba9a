#!/usr/bin/env python3
"""Derive the reference catalogs in preferences/catalogs/data/ from public sources.

Run by hand, never at setup or at run time: the derived JSON is committed and
the assistant only ever reads that. Re-running with the same source snapshots
gives byte-identical output (everything is sorted or ranked deterministically).

Sources (see preferences/catalogs/data/SOURCES.md for commits and licenses):

  genres    beets' lastgenre plugin genre tree (PyPI package ``beets``, MIT),
            itself scraped from Wikipedia: ``beetsplug/lastgenre/genres-tree.yaml``.
  artists   Billboard Hot 100 weekly charts 1958-today as JSON, one file per
            week (GitHub ``mhollingshead/billboard-hot-100``, ``date/*.json``):
            which artists charted, with which songs, for how long.
            Spotify genres per Hot 100 performer (data.world "Billboard Hot 100"
            audio-features export by Sean Miller, as committed in GitHub
            ``annarosaklaver/stickers_georg_group_project``,
            ``Hot 100 Audio Features.csv``).
            More artists, beyond US singles: Spotify Web API track searches by
            genre (149 genres, 2024) with each lead artist's genres, popularity
            and followers (GitHub ``Cristhianrg1/spotify_song_popularity_prediction``,
            ``data/*.csv``).
  cuisines  WorldCuisines knowledge base of 2,414 Wikipedia dishes with their
            cuisines (GitHub ``worldcuisines/worldcuisines``,
            ``resources/final_data.csv``, Apache-2.0; dish text from Wikipedia).

Getting the sources (outside the project; nothing is vendored):

  pip download --no-deps beets==2.14.1 -d /tmp/srcpkgs
  # snapshots of the four GitHub repositories (a clone or a bare git
  # directory each): mhollingshead/billboard-hot-100,
  # annarosaklaver/stickers_georg_group_project,
  # Cristhianrg1/spotify_song_popularity_prediction, worldcuisines/worldcuisines

Usage:

  python scripts/build_catalogs.py \\
      --beets-wheel /tmp/srcpkgs/beets-2.14.1-py3-none-any.whl \\
      --billboard-git PATH/billboard-hot-100 \\
      --features-git PATH/stickers_georg_group_project \\
      --spotify-genres-git PATH/spotify_song_popularity_prediction \\
      --worldcuisines-git PATH/worldcuisines

It needs git and PyYAML, reads the sources at their HEAD commit, writes the
three JSON files into preferences/catalogs/data/ (or --out) and prints counts
and the commits it read; SOURCES.md records them.

Everything the script adds by hand on top of the sources lives in the
``CURATED`` sections below (family structure, renames, aliases, the mapping
of Spotify's micro-genres onto the genre list, a few missing everyday
dishes); each is marked and SOURCES.md summarises them.
"""
from __future__ import annotations

import argparse
import ast
import collections
import csv
import io
import json
import re
import subprocess
import sys
import unicodedata
import zipfile
from pathlib import Path

import yaml

ROOT = Path(__file__).resolve().parent.parent
DEFAULT_OUT = ROOT / "preferences" / "catalogs" / "data"


# ---------------------------------------------------------------------------
# Text keys: the same folding the loader uses (preferences/catalogs/reference.py)
# ---------------------------------------------------------------------------

_NON_WORD = re.compile(r"[^a-z0-9 ]+")
_SPACES = re.compile(r"\s+")


def key(text: str) -> str:
    """Case, accent and punctuation-insensitive key ("Hip-Hop" == "hip hop")."""
    text = unicodedata.normalize("NFKD", text)
    text = "".join(ch for ch in text if not unicodedata.combining(ch)).lower()
    text = text.replace("&", " and ").replace("+", " and ")
    text = text.replace("'", "").replace("\u2019", "")
    text = _SPACES.sub(" ", _NON_WORD.sub(" ", text)).strip()
    words = text.split(" ")
    for i in range(1, len(words) - 1):
        if words[i] == "n" and len(words[i - 1]) > 1 and len(words[i + 1]) > 1:
            words[i] = "and"  # rock n roll, guns n roses, drum n bass
    return " ".join(words)


def compact(text: str) -> str:
    return key(text).replace(" ", "")


def singulars(folded: str) -> list[str]:
    """The word itself and its likely singulars ("tacos" -> "taco", "dishes" -> "dish")."""
    out = [folded]
    if folded.endswith("es") and len(folded) > 4:
        out.append(folded[:-2])
    if folded.endswith("s") and len(folded) > 3:
        out.append(folded[:-1])
    return out


# ---------------------------------------------------------------------------
# CURATED: genre families and restructuring of the beets tree
# ---------------------------------------------------------------------------

# The small set of top-level families every genre rolls up to (parent None).
FAMILIES: dict[str, list[str]] = {
    "blues": ["the blues", "blues music"],
    "classical": ["classical music", "orchestral music", "symphonic music"],
    "country": ["country music", "country and western", "country western"],
    "easy listening": ["easy listening music", "elevator music"],
    "electronic": ["electronic music", "electronica music", "dance music", "electro music"],
    "folk": ["folk music"],
    "gospel": ["gospel music", "christian", "christian music", "ccm",
               "contemporary christian", "contemporary christian music",
               "worship", "worship music", "praise and worship"],
    "hip hop": ["hip-hop", "hiphop", "rap", "rap music", "hip hop music"],
    "jazz": ["jazz music"],
    "latin": ["latin music", "musica latina", "latino"],
    "metal": ["heavy metal", "heavy metal music", "metal music"],
    "pop": ["pop music", "top 40", "chart music", "popular music"],
    "r&b": ["rnb", "r and b", "r n b", "rhythm and blues", "rhythm & blues", "r&b music"],
    "reggae": ["reggae music"],
    "rock": ["rock music"],
    "soundtrack": ["soundtracks", "film score", "film music", "movie soundtrack",
                   "movie music", "ost", "original soundtrack"],
    "world": ["world music", "international music", "global music"],
}

# beets root -> family; None drops the root and everything under it.
ROOT_FAMILY: dict[str, str | None] = {
    "african": "world",
    "asian": "world",
    "avant-garde": "electronic",
    "blues": "blues",
    "caribbean and latin american": "latin",
    "classical": "classical",
    "comedy": None,
    "country": "country",
    "easy listening": "easy listening",
    "electronic": "electronic",
    "folk": "folk",
    "hip hop": "hip hop",
    "jazz": "jazz",
    "kids music": None,
    "pop": "pop",
    "r&b": "r&b",
    "rock": "rock",
    "reggae": "reggae",
    "soundtrack": "soundtrack",
    "singer-songwriter": "folk",
    "world music": "world",
}

# Grouping nodes of the beets tree that are not genres a person asks for:
# dropped, their children move up to the node's parent.
STRUCTURAL = {
    "east asian", "south and southeast asian", "other latin", "brazilian",
    "progressive", "orchestra", "avant-garde", "mass", "concerto",
    "caribbean and latin american",
}

# Nodes standing for a family: what is under them belongs to that family.
SUBTREE_FAMILY = {"heavy metal": "metal"}

# Nodes dropped with everything under them (forms, duplicates, not genres).
DROP = {
    "cantata", "concerto grosso", "oratorio", "organum", "sonata", "requiem",
    "orchestral", "symphonic", "symphony", "string quartet", "lowercase",
    "funky", "4x4", "4-beat", "isolationism", "live coding", "live electronics",
    "tape music", "field recording", "computer music", "sound art",
    "psychobilly/punkabilly", "progressive house/trance", "game boy music",
    "electro music", "dub music", "baroque music", "classical music",
    "korean pop", "furniture music", "background music", "beautiful music",
    "elevator music", "hardbag", "cantique", "kinderlieder",
}

# Renames applied to beets names (after a trailing " music" is dropped).
RENAMES = {
    "traditional pop music": "traditional pop",
    "traditional country music": "traditional country",
    "australian country music": "australian country",
    "christian country music": "christian country",
    "cowboy/western music": "western",
    "lounge music": "lounge",
    "new-age music": "new age",
    "experimental music": "experimental",
    "world music": "world",
    "new romanticism": "new romantic",
    "louisiana swamp pop": "swamp pop",
    "electronic dance music": "edm",
    "música popular brasileira": "mpb",
    "música sertaneja": "sertanejo",
    "freestyle music": "freestyle",
    "bounce music": "bounce",
    "beat music": "beat music",
    "hardcore": "hardcore techno",
    "video game music": "video game music",
}

# Parents the tree gets wrong for how people use the words (child -> parent).
PARENT_OVERRIDES = {
    "trap": "hip hop",
    "dance-pop": "pop",
    "electropop": "pop",
    "synth-pop": "pop",
    "latin pop": "latin",
    "k-pop": "pop",
    "j-pop": "pop",
    "c-pop": "pop",
    "cantopop": "pop",
    "mandopop": "pop",
    "taiwanese pop": "pop",
    "hong kong english pop": "pop",
    "thai pop": "pop",
    "pinoy pop": "pop",
    "indian pop": "pop",
    "crunk": "southern hip hop",
    "contemporary r&b": "r&b",
    "new jack swing": "r&b",
    "lo-fi": "hip hop",
    "edm": "electronic",
    "anison": "j-pop",
    "nu metal": "metal",
    "synthwave": "electronic",
    "world fusion": "world",
    "reggaeton": "latin",
    "musique concrète": "electroacoustic",
    "experimental": "electronic",
    "sertanejo": "latin",
    "calypso": "world",
    "soca": "world",
    "chutney": "world",
    "chutney soca": "world",
    "zouk": "world",
    "compas": "world",
    "baithak gana": "world",
    "punta": "world",
    "punta rock": "world",
    "rasin": "world",
    "twoubadou": "world",
    "méringue": "world",
}

# Genres the beets tree lacks but people ask for (name -> parent).
EXTRA_GENRES = {
    "afropop": "world",
    "alternative r&b": "r&b",
    "amapiano": "world",
    "big band": "jazz",
    "british invasion": "rock",
    "christian pop": "gospel",
    "contemporary christian": "gospel",
    "doo-wop": "r&b",
    "drill": "hip hop",
    "emo rap": "hip hop",
    "flamenco": "world",
    "fado": "world",
    "heartland rock": "rock",
    "hyperpop": "pop",
    "jam band": "rock",
    "latin hip hop": "latin",
    "latin trap": "latin",
    "motown": "soul",
    "phonk": "hip hop",
    "polka": "world",
    "quiet storm": "r&b",
    "regional mexican": "latin",
    "rock en español": "latin",
    "roots rock": "rock",
    "show tunes": "soundtrack",
    "southern gospel": "gospel",
    "tango": "latin",
    "tropical house": "house",
    "vaporwave": "electronic",
    "city pop": "pop",
    "bollywood": "world",
    "dembow": "latin",
    "future bass": "electronic",
}

# Everyday names and spellings (the loader also matches any spacing and
# punctuation: "hiphop" == "hip hop", "lofi" == "lo-fi", "kpop" == "k-pop").
GENRE_ALIASES = {
    "afrobeat": ["afro beat", "afrobeat music"],
    "afropop": ["afrobeats", "afro pop", "afro-pop", "naija pop"],
    "alternative rock": ["alt rock", "alt-rock", "alternative"],
    "ambient": ["ambient music"],
    "beat music": ["merseybeat", "mersey beat"],
    "bluegrass": ["bluegrass music", "newgrass"],
    "bossa nova": ["bossanova", "bossa"],
    "bollywood": ["bollywood music", "hindi film music"],
    "classic rock": ["classic rock music"],
    "contemporary r&b": ["contemporary rnb", "modern r&b", "urban contemporary"],
    "dance-pop": ["dance pop"],
    "deep house": ["deep house music"],
    "disco": ["disco music"],
    "doo-wop": ["doo wop", "doowop"],
    "drum and bass": ["d&b", "dnb", "d and b", "d n b", "drum & bass", "drum n bass",
                      "drum 'n' bass", "drum'n'bass"],
    "dubstep": ["dub step"],
    "edm": ["electronic dance music", "big room"],
    "emo": ["emo rock", "emo music"],
    "emo rap": ["emo hip hop", "sad rap"],
    "gangsta rap": ["gangster rap"],
    "gospel": ["gospel choir"],
    "grunge": ["grunge rock", "seattle sound"],
    "hard rock": ["hard rock music"],
    "house": ["house music"],
    "indie folk": ["indie-folk", "stomp and holler"],
    "indie pop": ["indie-pop", "indiepop"],
    "indie rock": ["indie", "indie music", "indie-rock"],
    "j-pop": ["jpop", "japanese pop"],
    "k-pop": ["kpop", "korean pop", "k pop music"],
    "latin trap": ["trap latino"],
    "lo-fi": ["lofi", "lo fi", "lo-fi hip hop", "lofi hip hop", "lo-fi beats", "lofi beats",
              "chillhop", "chill beats", "study beats"],
    "lounge": ["lounge music", "cocktail music", "exotica"],
    "metalcore": ["metal core"],
    "motown": ["motown sound"],
    "new age": ["new age music", "new-age"],
    "opera": ["operatic", "opera music"],
    "pop punk": ["pop-punk", "poppunk"],
    "punk rock": ["punk", "punk music"],
    "hardcore punk": ["hardcore", "hardcore music"],
    "hardcore techno": ["hardcore dance", "hardcore electronic"],
    "r&b": ["randb"],
    "ragtime": ["rag time"],
    "reggaeton": ["reggaetón", "regueton", "reguetón", "reggaeton music"],
    "regional mexican": ["grupera", "norteño", "norteno", "banda", "corridos", "música mexicana"],
    "rock and roll": ["rock 'n' roll", "rock n roll", "rock & roll", "rock-and-roll", "rocknroll"],
    "shoegaze": ["shoegazing", "shoegazer", "shoe gaze"],
    "show tunes": ["broadway", "musicals", "musical theatre", "musical theater"],
    "singer-songwriter": ["singer songwriter", "acoustic singer-songwriter"],
    "smooth jazz": ["smooth-jazz"],
    "soul": ["soul music", "classic soul"],
    "synth-pop": ["synthpop", "synth pop", "technopop"],
    "synthwave": ["synth wave", "retrowave", "outrun"],
    "techno": ["techno music"],
    "trance": ["trance music"],
    "trap": ["trap music", "trap rap"],
    "trip hop": ["trip-hop", "triphop"],
    "video game music": ["game music", "vgm", "chiptune soundtrack"],
    "vocal jazz": ["jazz vocals", "jazz standards"],
    "western": ["cowboy music", "cowboy western", "western music"],
    "zydeco": ["zydeco music"],
}

# Genres that must exist (the build fails otherwise).
REQUIRED_GENRES = [
    "bluegrass", "lo-fi", "k-pop", "afrobeat", "reggaeton", "drum and bass",
    "metalcore", "shoegaze", "trap", "synthwave", "bossa nova", "zydeco",
]


# ---------------------------------------------------------------------------
# CURATED: Spotify micro-genre -> catalog genre (None = not a music genre)
# Anything not listed is matched by name/alias, then by dropping leading words
# ("canadian pop" -> "pop", "melodic metalcore" -> "metalcore").
# ---------------------------------------------------------------------------

SPOTIFY_GENRE_MAP: dict[str, str | None] = {
    "adult standards": "traditional pop",
    "deep adult standards": "traditional pop",
    "torch song": "traditional pop",
    "album rock": "classic rock",
    "mellow gold": "soft rock",
    "yacht rock": "soft rock",
    "deep soft rock": "soft rock",
    "neo mellow": "pop rock",
    "piano rock": "pop rock",
    "brill building pop": "pop",
    "bubblegum pop": "bubblegum pop",
    "post-teen pop": "pop",
    "hip pop": "pop rap",
    "indie pop rap": "pop rap",
    "urban contemporary": "contemporary r&b",
    "deep pop r&b": "contemporary r&b",
    "canadian contemporary r&b": "contemporary r&b",
    "trap soul": "alternative r&b",
    "indie r&b": "alternative r&b",
    "gospel r&b": "gospel",
    "gangster rap": "gangsta rap",
    "atl hip hop": "atlanta hip hop",
    "atl trap": "trap",
    "dirty south rap": "southern hip hop",
    "miami hip hop": "southern hip hop",
    "memphis hip hop": "southern hip hop",
    "new orleans rap": "southern hip hop",
    "baton rouge rap": "southern hip hop",
    "houston rap": "houston hip hop",
    "dfw rap": "southern hip hop",
    "florida rap": "southern hip hop",
    "nc hip hop": "southern hip hop",
    "deep southern trap": "trap",
    "vapor trap": "trap",
    "viral trap": "trap",
    "trap queen": "trap",
    "west coast trap": "trap",
    "electronic trap": "trap",
    "west coast rap": "west coast hip hop",
    "cali rap": "west coast hip hop",
    "g funk": "g-funk",
    "queens hip hop": "east coast hip hop",
    "bronx hip hop": "east coast hip hop",
    "harlem hip hop": "east coast hip hop",
    "nyc rap": "east coast hip hop",
    "philly rap": "east coast hip hop",
    "new jersey rap": "new jersey hip hop",
    "dmv rap": "east coast hip hop",
    "pittsburgh rap": "hip hop",
    "wu fam": "east coast hip hop",
    "chicago rap": "chicago hip hop",
    "toronto rap": "hip hop",
    "battle rap": "hip hop",
    "lgbtq+ hip hop": "hip hop",
    "melodic rap": "hip hop",
    "rap kreyol": "hip hop",
    "trap latino": "latin trap",
    "rap latina": "latin hip hop",
    "reggaeton flow": "reggaeton",
    "reggaeton colombiano": "reggaeton",
    "pop reggaeton": "reggaeton",
    "tropical": "latin",
    "grupera": "regional mexican",
    "norteno": "regional mexican",
    "banda": "regional mexican",
    "puerto rican pop": "latin pop",
    "colombian pop": "latin pop",
    "latin arena pop": "latin pop",
    "latin viral pop": "latin pop",
    "rock en espanol": "rock en español",
    "quiet storm": "quiet storm",
    "classic soul": "soul",
    "british soul": "soul",
    "instrumental soul": "soul",
    "indie soul": "neo soul",
    "beach music": "soul",
    "rare groove": "funk",
    "minneapolis sound": "funk",
    "brit funk": "funk",
    "new orleans funk": "funk",
    "p funk": "p-funk",
    "funk rock": "funk",
    "funk metal": "alternative metal",
    "vocal harmony group": "doo-wop",
    "rhythm and blues": "r&b",
    "girl group": "pop",
    "classic girl group": "pop",
    "boy band": "pop",
    "idol": "pop",
    "talent show": "pop",
    "deep talent show": "pop",
    "viral pop": "pop",
    "social media pop": "pop",
    "candy pop": "pop",
    "metropopolis": "pop",
    "bow pop": "pop",
    "acoustic pop": "pop",
    "art pop": "pop",
    "alternative pop": "pop",
    "chamber pop": "baroque pop",
    "new wave pop": "new wave",
    "deep new wave": "new wave",
    "new romantic": "new romantic",
    "permanent wave": "alternative rock",
    "modern rock": "alternative rock",
    "modern alternative rock": "alternative rock",
    "madchester": "alternative rock",
    "la indie": "indie pop",
    "indie poptimism": "indie pop",
    "canadian indie": "indie rock",
    "merseybeat": "beat music",
    "british invasion": "british invasion",
    "protopunk": "garage rock",
    "classic garage rock": "garage rock",
    "surf music": "surf rock",
    "symphonic rock": "progressive rock",
    "zolo": "art rock",
    "underground power pop": "power pop",
    "electropowerpop": "power pop",
    "sleaze rock": "glam metal",
    "heartland rock": "heartland rock",
    "celtic rock": "folk rock",
    "jam band": "jam band",
    "pub rock": "rock",
    "punk": "punk rock",
    "pop emo": "emo",
    "neon pop punk": "pop punk",
    "socal pop punk": "pop punk",
    "lilith": "singer-songwriter",
    "stomp and holler": "indie folk",
    "indiecoustica": "indie folk",
    "ectofolk": "folk",
    "folk-pop": "folk",
    "traditional folk": "folk",
    "british folk": "british folk revival",
    "new americana": "americana",
    "cosmic american": "country rock",
    "modern country rock": "country rock",
    "country road": "country",
    "country dawn": "country",
    "redneck": "country",
    "yodeling": "country",
    "country gospel": "country",
    "classic country pop": "country pop",
    "traditional country": "traditional country",
    "cowboy western": "western",
    "modern blues": "blues",
    "traditional blues": "blues",
    "modern blues rock": "blues rock",
    "southern soul blues": "soul blues",
    "jazz funk": "jazz-funk",
    "contemporary post-bop": "post-bop",
    "hammond organ": "jazz",
    "jazz organ": "jazz",
    "jazz saxophone": "jazz",
    "jazz piano": "jazz",
    "jazz trumpet": "jazz",
    "big band": "big band",
    "exotica": "lounge",
    "edm": "edm",
    "pop edm": "edm",
    "big room": "edm",
    "uk dance": "edm",
    "australian dance": "edm",
    "brostep": "dubstep",
    "complextro": "electro house",
    "progressive electro house": "progressive house",
    "disco house": "house",
    "deep disco": "disco",
    "italian disco": "italo disco",
    "deep freestyle": "freestyle",
    "german techno": "techno",
    "hardcore techno": "hardcore techno",
    "tropical house": "tropical house",
    "christian music": "gospel",
    "ccm": "contemporary christian",
    "worship": "gospel",
    "world worship": "gospel",
    "anthem worship": "gospel",
    "christian alternative rock": "christian rock",
    "old school dancehall": "dancehall",
    "rock steady": "rocksteady",
    "disney": "soundtrack",
    "movie tunes": "soundtrack",
    "classic soundtrack": "soundtrack",
    "broadway": "show tunes",
    "hollywood": None,
    "comic": None,
    "comedy": None,
    "parody": None,
    "novelty": None,
    "escape room": None,
    "wrestling": None,
    "glee club": None,
    "popping": None,
    "pixie": None,
    "melancholia": None,
    "children's music": None,
    "christmas instrumental": None,
    "a cappella": None,
    "jazz guitar": "jazz", "jazz trombone": "jazz", "jazz vibraphone": "jazz",
    "jazz clarinet": "jazz", "jazz orchestra": "big band", "jazz quartet": "jazz",
    "jazz trio": "jazz", "jazz cubano": "latin jazz", "smooth saxophone": "smooth jazz",
    "stride": "stride jazz", "boom bap": "golden age hip hop", "k-hop": "hip hop",
    "riddim": "dancehall", "ska revival": "ska", "euroska": "ska", "uk funky": "uk garage",
    "old-time": "folk", "banjo": "bluegrass", "polka": "polka", "skiffle": "folk",
    "volksmusik": "folk", "classical performance": "classical",
    "orchestral performance": "classical", "orchestra": "classical",
    "chamber orchestra": "classical", "classical organ": "classical",
    "new age piano": "new age", "calming instrumental": "new age", "cedm": "edm",
    "c86": "indie pop", "nu gaze": "shoegaze", "neo-psychedelic": "psychedelic rock",
    "old school thrash": "thrash metal", "nwobhm": "metal", "trancecore": "metalcore",
    "alt z": "pop", "scandipop": "pop", "opm": "pop", "boogaloo": "latin",
    "norteno-sax": "regional mexican", "duranguense": "regional mexican",
    "corrido": "regional mexican", "sertanejo universitario": "sertanejo",
    "praise": "gospel", "gospel singers": "gospel", "chillstep": "dubstep",
    "gabba": "gabber", "steel guitar": "country", "cuban rumba": "latin",
    "salsa international": "salsa", "pop romantico": "latin pop", "romantico": "latin pop",
    "cancion melodica": "latin pop", "focus beats": "lo-fi", "scorecore": "soundtrack",
    "otacore": "anison", "anime": "anison", "vintage swoon": "traditional pop",
    "sufi": "world", "plugg": "trap", "traprun": "trap", "bmore": "baltimore club",
    "new french touch": "french house", "light music": "easy listening",
    "native american": "world", "cabaret": None, "barbershop": None, "focus": None,
    "ballroom": None, "theme": None, "background music": None, "asmr": None, "fake": None,
    "k-pop boy group": "k-pop",
    "k-pop girl group": "k-pop",
    "lo-fi brasileiro": "lo-fi",
    "lo-fi beats": "lo-fi",
    "lo-fi jazzhop": "lo-fi",
    # Micro-genres first met in the Spotify artists-by-genre source (2024), by how often they occur
    "pop dance": "dance-pop", "jazztronica": "nu jazz", "funktronica": "electronica",
    "early music": "classical", "medieval": "classical", "renaissance": "classical",
    "classical era": "classical", "early romantic era": "classical", "romantic era": "classical",
    "late romantic era": "classical", "post-romantic era": "classical", "impressionism": "classical",
    "german romanticism": "classical", "russian romanticism": "classical",
    "italian romanticism": "classical", "french romanticism": "classical",
    "early avant garde": "contemporary classical", "minimalism": "contemporary classical",
    "post-minimalism": "contemporary classical", "compositional ambient": "ambient",
    "electric bass": "jazz", "jazz double bass": "jazz", "harlem renaissance": "swing",
    "jazz puertorriqueno": "latin jazz", "vaportrap": "vaporwave", "hardvapour": "vaporwave",
    "mallsoft": "vaporwave", "klezmer": "world", "balkan brass": "brass band",
    "carnatic": "world", "carnatic vocal": "world", "hindustani instrumental": "world",
    "sitar": "world", "qawwali": "world", "indian fusion": "world",
    "bachata dominicana": "bachata", "merengue tipico": "merengue", "salsa puertorriquena": "salsa",
    "cumbia sonidera": "cumbia", "rumba": "latin", "afro-cuban percussion": "latin",
    "afro-cuban traditional": "latin", "musica tradicional cubana": "son",
    "orquesta tipica": "tango", "bandoneon": "tango", "bossa nova cover": "bossa nova",
    "violao": "mpb", "velha guarda": "samba", "flamenco guitar": "flamenco",
    "ska mexicano": "ska", "black thrash": "thrash metal", "slayer": "thrash metal",
    "deathgrind": "grindcore", "gaian doom": "doom metal", "palm desert scene": "stoner rock",
    "german prog": "krautrock", "bosstown sound": "psychedelic rock", "beatlesque": "pop rock",
    "jamgrass": "bluegrass", "jamtronica": "jam band", "dreamo": "emo",
    "countrygaze": "shoegaze", "indie surf": "surf rock", "darksynth": "synthwave",
    "future garage": "uk garage", "filthstep": "dubstep", "ebm": "electronic body",
    "melbourne bounce international": "electro house", "melbourne bounce": "electro house",
    "folkmusik": "folk", "afrofuturism": None, "cyberpunk": None, "speedrun": None,
    "gregorian dance": None, "electra": None, "synthesizer": None, "avant-garde": "experimental",
    "wonky": "glitch hop", "spacegrunge": "trap",
}


# When a genre (and everything under it) first existed. The Spotify export
# sometimes matched an old performer to a namesake ("Jay & The Americans" got
# Jay-Z's genres, "Prince" Prince Royce's): a genre that emerged more than
# three years after the middle of the performer's chart run (weighted by chart
# points) is implausible, and a genre list made mostly of such genres is not
# that performer's.
GENRE_EMERGED = {
    "hip hop": 1979, "trap": 2003, "crunk": 1996, "drill": 2010, "emo rap": 2012,
    "dance-pop": 1981, "contemporary r&b": 1985, "new jack swing": 1986,
    "alternative r&b": 2008, "neo soul": 1994, "quiet storm": 1975,
    "edm": 1995, "house": 1984, "techno": 1985, "dubstep": 2005, "drum and bass": 1992,
    "reggaeton": 1995, "latin trap": 2010, "latin hip hop": 1985, "k-pop": 1995,
    "grunge": 1988, "post-grunge": 1993, "nu metal": 1995, "alternative metal": 1985,
    "emo": 1985, "synthwave": 2005, "reggae fusion": 1990, "alternative rock": 1978,
    "indie rock": 1983, "indie pop": 1983, "metalcore": 1990, "lo-fi": 1990,
    "indie folk": 2000, "americana": 1995, "bachata": 1990, "electropop": 2000,
    "shoegaze": 1988, "chillwave": 2009, "tropical house": 2012, "electro house": 2004,
    "grime": 2002, "dream pop": 1983, "alternative country": 1990, "freak folk": 2000,
}


# ---------------------------------------------------------------------------
# CURATED: artist nicknames/short names (only unambiguous ones; only applied
# to artists the chart data contains).
# ---------------------------------------------------------------------------

ARTIST_ALIASES = {
    "AC/DC": ["ACDC", "AC DC"],
    "A$AP Rocky": ["ASAP Rocky"],
    "Bachman-Turner Overdrive": ["BTO"],
    "Blood, Sweat & Tears": ["BS&T"],
    "Creedence Clearwater Revival": ["CCR", "Creedence"],
    "Crosby, Stills & Nash": ["CSN"],
    "Crosby, Stills, Nash & Young": ["CSNY"],
    "Earth, Wind & Fire": ["EWF"],
    "Electric Light Orchestra": ["ELO"],
    "Emerson, Lake & Palmer": ["ELP"],
    "Guns N' Roses": ["GNR", "Guns and Roses"],
    "Jay-Z": ["Jay Z", "Hov", "Hova"],
    "Ke$ha": ["Kesha"],
    "Led Zeppelin": ["Led Zep", "Zeppelin"],
    "Lil Wayne": ["Weezy"],
    "Mary J. Blige": ["MJB"],
    "Notorious B.I.G.": ["Biggie", "Biggie Smalls", "The Notorious BIG"],
    "The Notorious B.I.G.": ["Biggie", "Biggie Smalls", "Notorious BIG"],
    "OutKast": ["Outcast"],
    "P!nk": ["Pink"],
    "Red Hot Chili Peppers": ["RHCP", "Chili Peppers", "the Chili Peppers"],
    "Rage Against The Machine": ["RATM"],
    "Run-D.M.C.": ["Run DMC"],
    "Simon & Garfunkel": ["Simon and Garfunkel"],
    "System Of A Down": ["SOAD"],
    "The Rolling Stones": ["The Stones", "Stones"],
    "The Beatles": ["Beatles", "The Fab Four", "Fab Four"],
    "The Jackson 5": ["Jackson Five", "The Jackson Five"],
    "The Red Hot Chili Peppers": ["RHCP"],
    "Tears For Fears": ["TFF"],
    "The Weeknd": ["Weeknd"],
    "Lady Gaga": ["Gaga"],
    "Kanye West": ["Yeezy"],
    "Beyonce": ["Beyoncé", "Beyonce Knowles"],
    "Taylor Swift": ["T-Swift", "TSwift"],
    "Elvis Presley": ["Elvis"],
    "Michael Jackson": ["The King of Pop"],
    "Bruce Springsteen": ["Springsteen"],
    "Bob Marley And The Wailers": ["Bob Marley & The Wailers"],
    "Twenty One Pilots": ["21 Pilots"],
    "twenty one pilots": ["21 Pilots"],
    "Panic! At The Disco": ["Panic at the Disco", "P!ATD"],
    "My Chemical Romance": ["MCR"],
    "Fall Out Boy": ["FOB"],
    "Nine Inch Nails": ["NIN"],
    "BTS": ["Bangtan Boys", "Bangtan Sonyeondan"],
    "BLACKPINK": ["Black Pink"],
    "Backstreet Boys": ["BSB"],
    "*NSYNC": ["NSYNC", "N Sync"],
    "'N Sync": ["NSYNC", "N Sync"],
    "Wu-Tang Clan": ["Wu Tang"],
    "N.W.A": ["NWA"],
    "Kool & The Gang": ["Kool and the Gang"],
    "Hall & Oates": ["Hall and Oates"],
    "Daryl Hall John Oates": ["Hall & Oates", "Hall and Oates"],
    "Florence + The Machine": ["Florence and the Machine", "Florence & the Machine"],
    "Mumford & Sons": ["Mumford and Sons"],
    "Macklemore & Ryan Lewis": ["Macklemore and Ryan Lewis"],
    "Lynyrd Skynyrd": ["Skynyrd"],
    "ZZ Top": ["ZZTop"],
    "Tyler, The Creator": ["Tyler the Creator"],
    "Snoop Dogg": ["Snoop", "Snoop Doggy Dogg"],
    "Snoop Doggy Dogg": ["Snoop Dogg"],
    "Post Malone": ["Posty"],
    "John Coltrane": ["Coltrane"],
    "Johann Sebastian Bach": ["Bach", "J.S. Bach"],
}


# Artists the Spotify export matched to a namesake in a way the era check
# cannot see (a list of period-plausible genres): their genres, set by hand.
ARTIST_GENRE_FIXES = {
    "Prince": ["funk", "pop rock"],            # got Prince Royce's bachata
    "Heart": ["hard rock", "soft rock", "classic rock"],  # got an indie-folk band's
    "Breathe": ["sophisti-pop", "soft rock"],   # got a metalcore band's
    "Simon & Garfunkel": ["folk rock"],         # the next five came out as "classical", "bluegrass"...
    "Chad & Jeremy": ["british invasion"],
    "Orpheus": ["baroque pop"],
    "David Hill": ["traditional pop"],
    "The Wanderers": ["doo-wop"],
    "Iron Maiden": ["traditional heavy metal", "hard rock"],  # Spotify: "alternative metal"
}

# Credit spellings of one performer, merged into one artist (spelling -> canonical).
CREDIT_MERGE = {
    "Ke$ha": "Kesha",
    "Beyonce Knowles": "Beyonce",
    "Snoop Doggy Dogg": "Snoop Dogg",
    "Notorious B.I.G.": "The Notorious B.I.G.",
    "Prince And The Revolution": "Prince",
    "Prince And The New Power Generation": "Prince",
    "Prince & The New Power Generation": "Prince",
    "M.C. Hammer": "Hammer",
    "MC Hammer": "Hammer",
    "*NSYNC": "'N Sync",
    "N Sync": "'N Sync",
    "Bob Marley & The Wailers": "Bob Marley And The Wailers",
    "Puff Daddy & The Family": "Puff Daddy",
}


# ---------------------------------------------------------------------------
# CURATED: cuisines
# ---------------------------------------------------------------------------

# WorldCuisines cuisine label (lower case) -> our cuisine.
CUISINE_MERGE = {
    "english": "british", "scottish": "british", "welsh": "british", "cornish": "british",
    "indian subcontinent": "indian", "south asian": "indian", "north indian": "indian",
    "south indian": "indian", "bengali": "indian", "punjabi": "indian",
    "cantonese": "chinese", "sichuan": "chinese", "hong kong": "chinese",
    "macanese": "chinese", "shanghai": "chinese", "hokkien": "chinese",
    "teochew": "chinese", "hakka": "chinese", "hunan": "chinese", "fujian": "chinese",
    "south korean": "korean", "north korean": "korean",
    "levantine": "middle eastern", "arab": "middle eastern", "lebanese": "middle eastern",
    "syrian": "middle eastern", "jordanian": "middle eastern", "palestinian": "middle eastern",
    "israeli": "middle eastern", "iraqi": "middle eastern", "egyptian": "middle eastern",
    "yemeni": "middle eastern", "saudi arabian": "middle eastern", "emirati": "middle eastern",
    "kuwaiti": "middle eastern", "arabian": "middle eastern", "bahraini": "middle eastern",
    "omani": "middle eastern", "qatari": "middle eastern", "mediterranean": "mediterranean",
    "ottoman": "turkish", "iranian": "persian",
    "maghrebi": "north african", "moroccan": "north african", "algerian": "north african",
    "tunisian": "north african", "libyan": "north african", "berber": "north african",
    "eritrean": "ethiopian",
    "nigerian": "west african", "ghanaian": "west african", "senegalese": "west african",
    "cameroonian": "west african", "ivorian": "west african", "west african": "west african",
    "sierra leonean": "west african", "liberian": "west african", "malian": "west african",
    "kenyan": "east african", "ugandan": "east african", "tanzanian": "east african",
    "somalian": "east african", "somali": "east african", "rwandan": "east african",
    "zanzibari": "east african", "east african": "east african",
    "jamaican": "caribbean", "puerto rican": "caribbean", "cuban": "caribbean",
    "trinidadian": "caribbean", "trinidad and tobago": "caribbean", "haitian": "caribbean",
    "dominican": "caribbean", "barbadian": "caribbean", "bahamian": "caribbean",
    "guyanese": "caribbean", "caribbean": "caribbean",
    "peruvian": "latin american", "chilean": "latin american", "argentinian": "latin american",
    "argentine": "latin american", "colombian": "latin american", "venezuelan": "latin american",
    "guatemalan": "latin american", "paraguayan": "latin american", "uruguayan": "latin american",
    "bolivian": "latin american", "ecuadorian": "latin american", "salvadoran": "latin american",
    "honduran": "latin american", "nicaraguan": "latin american", "costa rican": "latin american",
    "panamanian": "latin american", "latin american": "latin american",
    "mesoamerican": "mexican", "tex-mex": "mexican",
    "swedish": "scandinavian", "danish": "scandinavian", "norwegian": "scandinavian",
    "finnish": "scandinavian", "icelandic": "scandinavian", "nordic": "scandinavian",
    "croatian": "balkan", "serbian": "balkan", "bosnian": "balkan", "slovenian": "balkan",
    "bulgarian": "balkan", "north macedonian": "balkan", "macedonian": "balkan",
    "albanian": "balkan", "montenegrin": "balkan", "balkan": "balkan",
    "czech": "eastern european", "slovak": "eastern european", "belarusian": "eastern european",
    "moldovan": "eastern european", "lithuanian": "eastern european", "latvian": "eastern european",
    "estonian": "eastern european", "slavic": "eastern european", "eastern european": "eastern european",
    "romanian": "eastern european", "karelian": "eastern european",
    "ashkenazi jewish": "jewish", "sephardic jewish": "jewish",
    "uzbek": "central asian", "kazakh": "central asian", "afghan": "central asian",
    "kyrgyz": "central asian", "tajik": "central asian", "turkmen": "central asian",
    "nepali": "nepalese", "tibetan": "nepalese", "bhutanese": "nepalese",
    "lao": "thai", "laotian": "thai",
    "cambodian": "cambodian", "khmer": "cambodian",
    "new zealand": "australian",
    "georgian": "caucasian", "armenian": "caucasian", "azerbaijani": "caucasian",
    "bruneian": "malaysian", "singaporean": "singaporean",
    "pakistani": "pakistani", "bangladeshi": "bangladeshi", "sri lankan": "sri lankan",
    "botswana": "south african", "zimbabwean": "south african", "namibian": "south african",
    "mozambican": "south african", "zambian": "south african",
    "hawaiian": "american", "cajun": "american", "creole": "american", "southern": "american",
    "soul food": "american",
}

# WorldCuisines labels too broad to be a cuisine: dishes only listed under them are skipped.
CUISINE_SKIP = {"global", "european", "asian", "african", "international", "western",
                "east asian", "southeast asian"}

# Display names and aliases for every cuisine we keep (lower-case canonical).
CUISINE_ALIASES = {
    "american": ["usa", "america", "american food", "diner", "southern", "soul food",
                 "cajun", "creole", "hawaiian", "new american"],
    "australian": ["australia", "aussie", "new zealand", "kiwi"],
    "austrian": ["austria", "viennese"],
    "balkan": ["croatian", "serbian", "bosnian", "slovenian", "bulgarian", "macedonian",
               "albanian", "croatia", "serbia", "bulgaria"],
    "bangladeshi": ["bangladesh"],
    "belgian": ["belgium"],
    "brazilian": ["brazil", "churrascaria"],
    "british": ["uk", "england", "english", "scottish", "welsh", "britain", "pub food"],
    "burmese": ["myanmar", "burma"],
    "cambodian": ["cambodia", "khmer"],
    "canadian": ["canada", "quebecois"],
    "caribbean": ["jamaican", "cuban", "puerto rican", "trinidadian", "haitian", "dominican",
                  "jamaica", "cuba", "west indian"],
    "caucasian": ["georgian", "armenian", "azerbaijani", "georgia", "armenia"],
    "central asian": ["uzbek", "afghan", "kazakh", "afghanistan", "uzbekistan"],
    "chinese": ["china", "cantonese", "sichuan", "szechuan", "szechwan", "hunan", "shanghainese",
                "hong kong", "taiwanese chinese", "mandarin"],
    "dutch": ["netherlands", "holland"],
    "east african": ["kenyan", "ugandan", "tanzanian", "somali", "kenya", "uganda", "tanzania"],
    "eastern european": ["czech", "slovak", "romanian", "belarusian", "lithuanian", "latvian",
                         "estonian", "moldovan", "slavic", "romania"],
    "ethiopian": ["ethiopia", "eritrean", "habesha"],
    "filipino": ["philippines", "philippine", "pinoy"],
    "french": ["france", "bistro", "brasserie", "parisian"],
    "german": ["germany", "bavarian", "biergarten"],
    "greek": ["greece", "hellenic"],
    "hungarian": ["hungary", "magyar"],
    "indian": ["india", "north indian", "south indian", "desi", "punjabi", "bengali", "curry house"],
    "indonesian": ["indonesia", "balinese", "javanese"],
    "irish": ["ireland"],
    "italian": ["italy", "trattoria", "italian-american", "sicilian", "tuscan", "neapolitan"],
    "japanese": ["japan", "izakaya"],
    "jewish": ["ashkenazi", "deli", "jewish deli", "kosher"],
    "korean": ["korea", "south korean", "korean bbq", "korean barbecue"],
    "latin american": ["south american", "peruvian", "argentinian", "argentine", "colombian",
                       "venezuelan", "chilean", "peru", "argentina", "colombia"],
    "malaysian": ["malaysia", "malay"],
    "mediterranean": ["mediterranean diet", "mezze"],
    "mexican": ["mexico", "tex-mex", "tex mex", "taqueria"],
    "middle eastern": ["lebanese", "levantine", "israeli", "syrian", "egyptian", "iraqi",
                       "arab", "arabic", "palestinian", "jordanian", "lebanon", "israel", "egypt"],
    "nepalese": ["nepal", "nepali", "tibetan", "himalayan"],
    "north african": ["moroccan", "algerian", "tunisian", "libyan", "maghrebi", "morocco"],
    "pakistani": ["pakistan"],
    "persian": ["iranian", "iran", "persia"],
    "polish": ["poland"],
    "portuguese": ["portugal"],
    "russian": ["russia"],
    "scandinavian": ["nordic", "swedish", "danish", "norwegian", "finnish", "icelandic",
                     "sweden", "denmark", "norway", "finland"],
    "singaporean": ["singapore"],
    "south african": ["south africa", "braai"],
    "spanish": ["spain", "tapas", "catalan", "basque"],
    "sri lankan": ["sri lanka", "ceylonese"],
    "swiss": ["switzerland"],
    "taiwanese": ["taiwan"],
    "thai": ["thailand", "lao", "laotian", "isan"],
    "turkish": ["turkey", "turkiye", "ottoman"],
    "ukrainian": ["ukraine"],
    "vietnamese": ["vietnam", "viet"],
    "west african": ["nigerian", "ghanaian", "senegalese", "cameroonian", "nigeria", "ghana",
                     "senegal"],
}

# A dish listed under several cuisines goes to the first one the source lists,
# unless named here (everyday expectation of where a dish "belongs").
DISH_CUISINE_OVERRIDES = {
    "hamburger": "american", "hot dog": "american", "lumpia": "filipino",
    "kebab": "turkish", "naan": "indian", "samosa": "indian", "churro": "spanish",
    "pretzel": "german", "curry puff": "malaysian", "falafel": "middle eastern",
    "cheesecake": "american",
    "apple dumpling": "american", "pastafrola": "latin american", "tortilla": "mexican",
}

# Everyday dishes the source lacks (or has only under a regional name).
# name -> cuisine. Kept short: only what people commonly order or ask for.
EXTRA_DISHES = {
    "ramen": "japanese", "sashimi": "japanese", "miso ramen": "japanese",
    "teriyaki": "japanese", "yakitori": "japanese", "katsu curry": "japanese",
    "kimchi": "korean", "bulgogi": "korean", "korean fried chicken": "korean",
    "tteokbokki": "korean", "japchae": "korean", "galbi": "korean",
    "dim sum": "chinese", "peking duck": "chinese", "kung pao chicken": "chinese",
    "sweet and sour pork": "chinese", "orange chicken": "american",
    "general tso's chicken": "american", "fried rice": "chinese", "char siu": "chinese",
    "xiaolongbao": "chinese", "dumplings": "chinese",
    "butter chicken": "indian", "tikka masala": "indian", "tandoori chicken": "indian",
    "vindaloo": "indian", "palak paneer": "indian", "chana masala": "indian",
    "masala dosa": "indian", "dosa": "indian", "aloo gobi": "indian", "rogan josh": "indian",
    "tom yum": "thai", "green curry": "thai", "massaman curry": "thai", "som tam": "thai",
    "red curry": "thai", "tom kha gai": "thai", "khao soi": "thai",
    "bun cha": "vietnamese", "goi cuon": "vietnamese", "bun bo hue": "vietnamese",
    "satay": "indonesian", "adobo": "filipino", "sinigang": "filipino",
    "lasagna": "italian", "lasagne": "italian", "tiramisu": "italian",
    "spaghetti carbonara": "italian", "spaghetti bolognese": "italian", "spaghetti": "italian",
    "fettuccine alfredo": "italian", "pasta": "italian", "gnocchi": "italian",
    "ravioli": "italian", "osso buco": "italian", "bruschetta": "italian",
    "cannoli": "italian", "minestrone": "italian", "calzone": "italian", "panna cotta": "italian",
    "fish and chips": "british", "sunday roast": "british", "shepherd's pie": "british",
    "full english breakfast": "british", "bangers and mash": "british",
    "coq au vin": "french", "bouillabaisse": "french", "escargot": "french",
    "croque monsieur": "french", "beef bourguignon": "french", "creme brulee": "french",
    "macarons": "french", "cassoulet": "french",
    "tapas": "spanish", "tortilla espanola": "spanish", "patatas bravas": "spanish",
    "jamon iberico": "spanish", "sangria": "spanish",
    "moussaka": "greek", "spanakopita": "greek", "tzatziki": "greek", "gyro": "greek",
    "dolmades": "greek",
    "tacos": "mexican", "fajitas": "mexican", "chilaquiles": "mexican", "carnitas": "mexican",
    "tacos al pastor": "mexican", "elote": "mexican", "tostada": "mexican",
    "poutine": "canadian", "ceviche": "latin american", "lomo saltado": "latin american",
    "asado": "latin american", "chimichurri": "latin american",
    "tagine": "north african", "shakshuka": "north african",
    "kofta": "middle eastern", "baba ghanoush": "middle eastern", "fattoush": "middle eastern",
    "manakish": "middle eastern", "kibbeh": "middle eastern",
    "doner kebab": "turkish", "lahmacun": "turkish", "pide": "turkish", "iskender kebab": "turkish",
    "pelmeni": "russian", "blini": "russian", "beef stroganoff": "russian",
    "fondue": "swiss", "raclette": "swiss", "rosti": "swiss",
    "sauerkraut": "german", "currywurst": "german", "sauerbraten": "german",
    "mac and cheese": "american", "macaroni and cheese": "american", "buffalo wings": "american",
    "barbecue ribs": "american", "pulled pork": "american", "clam chowder": "american",
    "cheeseburger": "american", "cornbread": "american", "fried chicken": "american",
    "jambalaya": "american", "gumbo": "american", "philly cheesesteak": "american",
    "pancakes": "american", "apple pie": "american", "meatloaf": "american", "brisket": "american",
    "poke": "american", "bagel": "jewish", "latkes": "jewish", "matzo ball soup": "jewish",
    "jerk chicken": "caribbean", "ropa vieja": "caribbean", "mofongo": "caribbean",
    "feijoada": "brazilian", "pao de queijo": "brazilian", "moqueca": "brazilian",
    "picanha": "brazilian", "coxinha": "brazilian",
    "pierogi": "polish", "goulash": "hungarian", "borscht": "ukrainian",
    "doro wat": "ethiopian", "tibs": "ethiopian",
    "egusi soup": "west african", "jollof rice": "west african", "suya": "west african",
    "nyama choma": "east african", "ugali": "east african",
    "bobotie": "south african", "bunny chow": "south african", "biltong": "south african",
    "momo": "nepalese", "dal bhat": "nepalese",
    "plov": "central asian", "khachapuri": "caucasian", "khinkali": "caucasian",
    "meat pie": "australian", "pavlova": "australian", "lamington": "australian",
    "smorrebrod": "scandinavian", "gravlax": "scandinavian", "swedish meatballs": "scandinavian",
    "stamppot": "dutch", "bitterballen": "dutch", "stroopwafel": "dutch",
    "moules frites": "belgian", "belgian waffles": "belgian",
    "paella": "spanish", "gazpacho": "spanish", "churros": "spanish",
    "pastel de nata": "portuguese", "bacalhau": "portuguese", "francesinha": "portuguese",
    "kabsa": "middle eastern", "mansaf": "middle eastern",
    "ghormeh sabzi": "persian", "tahdig": "persian", "joojeh kabab": "persian",
    "nihari": "pakistani", "chapli kebab": "pakistani", "karahi": "pakistani",
    "hoppers": "sri lankan", "kottu": "sri lankan", "kottu roti": "sri lankan",
    "mohinga": "burmese", "amok": "cambodian", "fish amok": "cambodian",
    "chili crab": "singaporean", "hainanese chicken rice": "singaporean",
    "nasi lemak": "malaysian", "roti canai": "malaysian", "char kway teow": "malaysian",
    "beef noodle soup": "taiwanese", "bubble tea": "taiwanese", "gua bao": "taiwanese",
    "irish stew": "irish", "colcannon": "irish", "soda bread": "irish",
    "wiener schnitzel": "austrian", "sachertorte": "austrian", "apfelstrudel": "austrian",
    "cevapi": "balkan", "burek": "balkan", "sarma": "balkan",
    "pirozhki": "russian", "chicken kiev": "ukrainian", "varenyky": "ukrainian",
    "trdelnik": "eastern european", "svickova": "eastern european", "mici": "eastern european",
    "langos": "hungarian", "chicken paprikash": "hungarian",
    "tourtiere": "canadian", "butter tart": "canadian", "nanaimo bar": "canadian",
    "greek salad": "greek", "souvlaki": "greek", "baklava": "turkish",
    "hummus": "middle eastern", "falafel": "middle eastern", "shawarma": "middle eastern",
    "tabbouleh": "middle eastern",
}

# Dish names too generic to say anything about a cuisine (skipped if the source has them).
GENERIC_DISHES = {"bread", "rice", "soup", "salad", "cake", "pie", "stew", "noodles",
                  "sandwich", "pancake", "dumpling", "curry", "cookie", "pudding",
                  "sausage", "biscuit", "doughnut", "fritter", "porridge", "flatbread"}


# ---------------------------------------------------------------------------
# Source readers
# ---------------------------------------------------------------------------

def git_dir_of(path: Path) -> Path:
    """A bare git directory as given, or the .git folder of a clone."""
    return path / ".git" if (path / ".git").exists() else path


def git_show(git_dir: Path, path: str) -> bytes:
    return subprocess.run(
        ["git", f"--git-dir={git_dir}", "show", f"HEAD:{path}"],
        check=True, capture_output=True,
    ).stdout


def git_head(git_dir: Path) -> str:
    return subprocess.run(
        ["git", f"--git-dir={git_dir}", "rev-parse", "HEAD"],
        check=True, capture_output=True, text=True,
    ).stdout.strip()


def git_blobs(git_dir: Path, folder: str) -> list[tuple[str, bytes]]:
    """Every file of ``folder`` at HEAD, read in one ``git cat-file --batch``."""
    listing = subprocess.run(
        ["git", f"--git-dir={git_dir}", "ls-tree", "HEAD", f"{folder}/"],
        check=True, capture_output=True, text=True,
    ).stdout.splitlines()
    entries = [(line.split("\t", 1)[1], line.split()[2]) for line in listing]
    proc = subprocess.run(
        ["git", f"--git-dir={git_dir}", "cat-file", "--batch"],
        input="".join(f"{sha}\n" for _, sha in entries).encode(),
        check=True, capture_output=True,
    )
    out, pos, blobs = proc.stdout, 0, []
    for name, _ in entries:
        header_end = out.index(b"\n", pos)
        size = int(out[pos:header_end].split()[2])
        blobs.append((name, out[header_end + 1:header_end + 1 + size]))
        pos = header_end + 1 + size + 1
    return blobs


# ---------------------------------------------------------------------------
# Genres
# ---------------------------------------------------------------------------

def clean_genre_name(name: str) -> str:
    name = name.strip().lower()
    if name in RENAMES:
        return RENAMES[name]
    if name.endswith(" music") and name not in ("world music",):
        return RENAMES.get(name, name[: -len(" music")])
    return name


def build_genres(tree_yaml: str) -> list[dict]:
    tree = yaml.safe_load(tree_yaml)
    parent: dict[str, str | None] = {}   # cleaned name -> cleaned parent name

    def walk(node, family: str | None, par: str | None) -> None:
        if isinstance(node, list):
            for item in node:
                walk(item, family, par)
            return
        items = node.items() if isinstance(node, dict) else [(node, None)]
        for raw, children in items:
            raw = str(raw).strip().lower()
            if raw in DROP:
                continue
            if par is None:  # a root of the beets tree
                fam = ROOT_FAMILY.get(raw)
                if fam is None:
                    continue
                name = clean_genre_name(raw)
                if name == fam or raw in STRUCTURAL:
                    walk(children or [], fam, fam)
                else:
                    parent.setdefault(name, fam)
                    walk(children or [], fam, name)
                continue
            if raw in SUBTREE_FAMILY:
                fam = SUBTREE_FAMILY[raw]
                walk(children or [], fam, fam)
                continue
            if raw in STRUCTURAL:
                walk(children or [], family, par)
                continue
            name = clean_genre_name(raw)
            if name in FAMILIES or name == par:
                walk(children or [], family, par)
                continue
            parent.setdefault(name, par)
            walk(children or [], family, name)

    walk(tree, None, None)
    for name, par in EXTRA_GENRES.items():
        parent.setdefault(name, par)
    parent.update({k: v for k, v in PARENT_OVERRIDES.items() if k in parent})
    for fam in FAMILIES:
        parent[fam] = None

    # a genre whose name is another genre's alias is folded into that genre
    alias_owner = {}
    for name, aliases in {**FAMILIES, **GENRE_ALIASES}.items():
        for alias in aliases:
            alias_owner[compact(alias)] = name
    for name in list(parent):
        owner = alias_owner.get(compact(name))
        if owner and owner != name and owner in parent:
            for child, par in parent.items():
                if par == name:
                    parent[child] = owner
            del parent[name]

    # integrity: parents exist, no cycles
    for name, par in parent.items():
        assert par is None or par in parent, (name, par)
        seen = {name}
        while par is not None:
            assert par not in seen, f"cycle at {name}"
            seen.add(par)
            par = parent[par]
    # spellings of one genre ("tecno brega", "tecnobrega"): the first one seen wins
    first: dict[str, str] = {}
    for name in list(parent):
        keep = first.setdefault(compact(name), name)
        if keep != name:
            for child, par in parent.items():
                if par == name:
                    parent[child] = keep
            del parent[name]
    for required in REQUIRED_GENRES:
        assert required in parent, f"missing required genre {required}"

    genres = []
    taken = {compact(n): n for n in parent}
    for name in sorted(parent):
        aliases = []
        for alias in FAMILIES.get(name, []) + GENRE_ALIASES.get(name, []):
            c = compact(alias)
            if c in taken and taken[c] != name:
                continue  # never let an alias shadow another genre
            taken[c] = name
            if alias.lower() != name and alias.lower() not in aliases:
                aliases.append(alias.lower())
        genres.append({"name": name, "parent": parent[name], "aliases": aliases})
    return genres


def check_curation(genres: list[dict]) -> None:
    """Every curated target must name a genre of the list (catches typos)."""
    names = {g["name"] for g in genres}
    missing = sorted({t for t in SPOTIFY_GENRE_MAP.values() if t and t not in names}
                     | {n for n in GENRE_ALIASES if n not in names}
                     | {p for p in PARENT_OVERRIDES.values() if p not in names}
                     | {g for gs in ARTIST_GENRE_FIXES.values() for g in gs if g not in names})
    assert not missing, f"curated names that are not genres: {missing}"


class GenreIndex:
    def __init__(self, genres: list[dict]):
        self.by_compact: dict[str, str] = {}
        self.parent = {g["name"]: g["parent"] for g in genres}
        self.words = {w for g in genres for text in (g["name"], *g["aliases"]) for w in key(text).split()}
        for g in genres:
            self.by_compact.setdefault(compact(g["name"]), g["name"])
        for g in genres:
            for alias in g["aliases"]:
                self.by_compact.setdefault(compact(alias), g["name"])

    def lookup(self, text: str) -> str | None:
        return self.by_compact.get(compact(text))

    def depth(self, name: str) -> int:
        d = 0
        while self.parent[name] is not None:
            name, d = self.parent[name], d + 1
        return d

    def emerged(self, name: str) -> int:
        node: str | None = name
        while node is not None:
            if node in GENRE_EMERGED:
                return GENRE_EMERGED[node]
            node = self.parent[node]
        return 0

    def map_spotify(self, spotify: str) -> str | None:
        spotify = spotify.strip().lower()
        if spotify in SPOTIFY_GENRE_MAP:
            target = SPOTIFY_GENRE_MAP[spotify]
            if target is None:
                return None
            found = self.lookup(target)
            assert found, f"SPOTIFY_GENRE_MAP target {target!r} is not a genre"
            return found
        found = self.lookup(spotify)
        if found:
            return found
        words = key(spotify).split()
        for i in range(1, len(words)):
            found = self.lookup(" ".join(words[i:]))
            if found:
                return found
        return None


# ---------------------------------------------------------------------------
# Artists
# ---------------------------------------------------------------------------

_FEATURING = re.compile(r"\s+(?:featuring|feat\.?|ft\.)\s+", re.IGNORECASE)
# co-credits ("A With B", "A x B", "A/B"); a slash between short parts is a
# name ("AC/DC"), not two artists
_COLLAB = re.compile(r"\s+(?:with|x|vs\.?|duet with|and his|and her)\s+|\w{3,}\s*/\s*\w{3,}",
                     re.IGNORECASE)


_CREDIT_MERGE = {compact(k): v for k, v in CREDIT_MERGE.items()}


def primary_credit(credit: str) -> str:
    """The lead performer of a chart credit, under its canonical spelling."""
    lead = _FEATURING.split(credit.strip())[0].strip()
    return _CREDIT_MERGE.get(compact(lead), lead)


def clean_title(title: str) -> str:
    """Billboard title -> the song's name: the A side of a double A side,
    without '(From "Film")' notes."""
    title = _FROM_NOTE.sub("", title).strip()
    if "/" in title and not re.search(r"\d/\d", title):
        title = title.split("/", 1)[0].strip()
    return title


_FROM_NOTE = re.compile(r"\s*\((?:from|theme from)\b[^)]*\)\s*$", re.IGNORECASE)


def build_artists(weekly: list[tuple[str, bytes]], features_csv: str,
                  genres: GenreIndex, limit: int, min_songs: int = 2) -> tuple[list[dict], dict]:
    # chart weight of every (primary credit, song): sum over weeks of (101 - position)
    song_points: dict[tuple[str, str], int] = collections.Counter()
    spelling: dict[str, collections.Counter] = collections.defaultdict(collections.Counter)
    year_points: dict[str, collections.Counter] = collections.defaultdict(collections.Counter)
    for _, blob in weekly:
        chart = json.loads(blob)
        year = int(chart["date"][:4])
        for entry in chart.get("data", []):
            credit = primary_credit(entry["artist"])
            if not credit or _COLLAB.search(credit):
                continue
            ck = compact(credit)
            title = clean_title(entry["song"])
            if not ck or not title:
                continue
            points = 101 - int(entry["this_week"])
            song_points[(ck, title)] += points
            spelling[ck][credit] += points
            year_points[ck][year] += points

    per_artist: dict[str, dict[str, int]] = collections.defaultdict(dict)
    for (ck, song), pts in sorted(song_points.items()):
        songs = per_artist[ck]
        sk = compact(song)
        # the same song spelled differently across weeks: keep the heavier spelling
        prev = next((s for s in songs if compact(s) == sk), None)
        if prev is None:
            songs[song] = pts
        elif pts > songs[prev]:
            songs[song] = songs.pop(prev) + pts
        else:
            songs[prev] += pts

    # Spotify genres per performer: the most common genre list across its songs
    lists: dict[str, list[tuple[str, ...]]] = collections.defaultdict(list)
    for row in csv.DictReader(io.StringIO(features_csv)):
        raw = (row.get("spotify_genre") or "").strip()
        if not raw or raw == "[]":
            continue
        performer = primary_credit(row["Performer"])
        if _COLLAB.search(performer):
            continue
        try:
            value = tuple(ast.literal_eval(raw))
        except (ValueError, SyntaxError):
            continue
        lists[compact(performer)].append(value)

    stats = collections.Counter()
    artists = []
    for ck, songs in per_artist.items():
        if len(songs) < min_songs:
            stats["too few songs"] += 1
            continue
        if ck not in lists:
            stats["no spotify genres"] += 1
            continue
        era = _weighted_median(year_points[ck])
        # The export matched some songs to the wrong Spotify artist (a namesake).
        # Take the most voted genre list that fits the artist's era, when at
        # least two songs and a clear share of the plausible votes agree.
        picked = None
        plausible_votes = 0
        for genre_list, count in collections.Counter(lists[ck]).most_common():
            candidate = _genres_of(genre_list, genres, era)
            if candidate is None:
                continue
            plausible_votes += count
            if picked is None:
                picked = (candidate, count)
        if picked is None:
            stats["no plausible genre list"] += 1
            continue
        (specific, mapped, order), count = picked
        if count < 2 or count / plausible_votes < 0.4:
            stats["genres disagree"] += 1
            continue
        for g in specific:  # credit a pruned ancestor's hits to its descendants
            for anc in mapped:
                if anc not in specific and _is_ancestor(anc, g, genres.parent):
                    mapped[g] += mapped[anc]
        chosen = sorted(specific, key=lambda g: (-mapped[g], -genres.depth(g), order[g]))[:3]
        name = spelling[ck].most_common(1)[0][0]
        if name in ARTIST_GENRE_FIXES:
            chosen = list(ARTIST_GENRE_FIXES[name])
            stats["genres fixed by hand"] += 1
        top = sorted(songs.items(), key=lambda kv: (-kv[1], kv[0]))[:5]
        artists.append({
            "name": name,
            "genres": chosen,
            "tracks": [t for t, _ in top],
            "aliases": [],
            "_points": sum(songs.values()),
        })
        stats["kept"] += 1

    artists.sort(key=lambda a: (-a["_points"], a["name"]))
    stats["over the limit"] = max(0, len(artists) - limit)
    artists = artists[:limit]
    taken = {compact(a["name"]): a["name"] for a in artists}
    for a in artists:
        taken.setdefault(compact(_strip_the(a["name"])), a["name"])
    curated = collections.defaultdict(list)
    for name, aliases in ARTIST_ALIASES.items():
        curated[compact(name)].extend(aliases)
    for a in artists:
        for alias in curated.get(compact(a["name"]), []):
            c = compact(alias)
            if taken.get(c, a["name"]) != a["name"] or c == compact(a["name"]):
                continue
            taken[c] = a["name"]
            a["aliases"].append(alias)
        del a["_points"]
    return artists, dict(stats)


# ---------------------------------------------------------------------------
# Artists of the second source: Spotify tracks searched by genre
# ---------------------------------------------------------------------------

# CURATED: words that make a name a description of music rather than a performer's
# name ("Smooth Jazz Relax", "Water Sound Natural White Noise", "Klezmer Music"): a name
# made only of these and of genre words is skipped.
FUNCTION_WORDS = {
    "music", "musica", "sound", "sounds", "song", "songs", "sleep", "sleeping", "relax", "relaxing",
    "relaxation", "study", "studying", "focus", "chill", "calm", "lullaby", "lullabies", "noise",
    "white", "pink", "brown", "rain", "nature", "natural", "water", "ocean", "meditation", "yoga",
    "spa", "baby", "kids", "children", "workout", "cafe", "coffee", "dinner", "hotel", "lobby",
    "background", "instrumental", "instrumentals", "covers", "cover", "karaoke", "tribute",
    "hits", "playlist", "radio", "collective", "project", "the", "and", "of", "for", "to", "in",
}

# Spotify's era labels mark a composer: such an artist is also known by their surname
# ("Frédéric Chopin" -> "Chopin"), when nobody else has that name.
COMPOSER_GENRES = {
    "baroque", "classical era", "early romantic era", "romantic era", "late romantic era",
    "post-romantic era", "impressionism", "renaissance", "early music", "medieval",
    "german romanticism", "russian romanticism", "italian romanticism", "french romanticism",
    "early modern classical", "early avant garde",
}

_TITLE_DASH = re.compile(r"\s+-\s+(.*)$")
_TITLE_NOTE = re.compile(r"\s*[(\[]([^()\[\]]*)[)\]]")
# What a Spotify title adds after a dash or in brackets that is not part of the song's name.
_VERSION_WORDS = re.compile(
    r"\b(?:feat|ft|featuring|with|con|remaster(?:ed)?|live|en vivo|ao vivo|mix|remix|edit|version|versi[oó]n|"
    r"mono|stereo|demo|bonus|instrumental|acoustic|ac[uú]stico|recorded|session|sessions|take|slowed|sped up|reverb|"
    r"from|arr|radio|single|extended|original|soundtrack|ost|deluxe|mixed|reprise|cover|rework|vip)\b",
    re.IGNORECASE)


def clean_spotify_title(title: str) -> str:
    """A Spotify track title without its version notes: "Creep - Remastered 2009" -> "Creep",
    "Calm Down (with Selena Gomez)" -> "Calm Down"; "Nocturne No. 2 in E-Flat Major, Op. 9 No. 2"
    and "Pt. 1" stay as they are."""
    title = unicodedata.normalize("NFC", title).strip()
    dash = _TITLE_DASH.search(title)
    if dash and _VERSION_WORDS.search(dash.group(1)):
        title = title[:dash.start()].strip()
    title = _TITLE_NOTE.sub(lambda m: "" if _VERSION_WORDS.search(m.group(1)) else m.group(0), title)
    return _SPACES.sub(" ", title).strip(" -")


def _int(value: str | None) -> int:
    try:
        return int(float(value or 0))
    except ValueError:
        return 0


def build_spotify_artists(files: list[tuple[str, bytes]], genres: GenreIndex, chart_artists: list[dict],
                          limit: int, min_songs: int = 2) -> tuple[list[dict], dict]:
    """Artists of the Spotify by-genre tracks that ``chart_artists`` (the Hot 100 list) do not
    already name (under their names, without "The", or a nickname), most followed first.

    Each row is a track found by a genre search, with its lead artist, that artist's Spotify genre
    list, popularity and followers. An artist is kept with at least ``min_songs`` different songs
    and a genre list that maps onto ``genres``; its genres are the 1-3 the list maps to most often
    (the more specific first), its tracks its 2-5 most popular songs. Skipped: names that are a
    genre, a number or describe music ("Smooth Jazz Relax", "717"), and one-word names that are everyday words
    (the word is in song titles of three or more other artists: "Ghost", "Air", "Sleep"). A
    composer (COMPOSER_GENRES) is also known by a surname that is no everyday word of the chart
    titles ("Chopin", not "Field")."""
    taken = {compact(n) for a in chart_artists for n in (a["name"], _strip_the(a["name"]), *a["aliases"])}
    chart_words = collections.Counter(w for a in chart_artists
                                      for w in {w for t in a["tracks"] for w in key(t).split()})
    spelling: dict[str, collections.Counter] = collections.defaultdict(collections.Counter)
    songs: dict[str, dict[str, tuple[int, str]]] = collections.defaultdict(dict)
    genre_lists: dict[str, collections.Counter] = collections.defaultdict(collections.Counter)
    followers: dict[str, int] = collections.Counter()
    for _, blob in sorted(files):
        for row in csv.DictReader(io.StringIO(blob.decode("utf-8"))):
            name = unicodedata.normalize("NFC", (row.get("artist_name") or "").strip())
            title = clean_spotify_title(row.get("track_name") or "")
            head, colon, rest = title.partition(": ")  # "Chopin: Nocturne No. 20" is Chopin's "Nocturne No. 20"
            if colon and rest and compact(head) in (compact(name), compact(name.split()[-1] if name else "")):
                title = rest
            ck, tk = compact(name), compact(title)
            if not ck or not tk:
                continue
            spelling[ck][name] += 1
            pop = _int(row.get("popularity"))
            best = songs[ck].get(tk)
            if best is None or (-pop, title) < (-best[0], best[1]):
                songs[ck][tk] = (pop, title)
            try:
                genre_list = tuple(ast.literal_eval(row.get("artist_genres") or "[]"))
            except (ValueError, SyntaxError):
                genre_list = ()
            genre_lists[ck][genre_list] += 1
            followers[ck] = max(followers[ck], _int(row.get("artist_followers")))

    # a one-word name that is a word of other artists' song titles is an everyday word
    title_words: dict[str, set[str]] = collections.defaultdict(set)
    for ck, by_title in songs.items():
        for _, title in by_title.values():
            for word in set(key(title).split()):
                title_words[word].add(ck)

    stats = collections.Counter()
    artists = []
    for ck in sorted(songs):
        name = spelling[ck].most_common(1)[0][0]
        words = key(name).split()
        if len(songs[ck]) < min_songs:
            stats["too few songs"] += 1
            continue
        if ck in taken or compact(_strip_the(name)) in taken or "the" + ck in taken:
            stats["already a chart artist"] += 1
            continue
        if genres.lookup(name) or all(w in FUNCTION_WORDS or w in genres.words or w.isdigit() for w in words):
            stats["named like a genre, a number or a description"] += 1
            continue
        if len(words) == 1 and len(title_words.get(words[0], set()) - {ck}) >= 3:
            stats["an everyday word"] += 1
            continue
        genre_list = genre_lists[ck].most_common(1)[0][0]
        picked = _genres_of(genre_list, genres, era=9999)
        if picked is None:
            stats["no genre that maps"] += 1
            continue
        specific, mapped, order = picked
        for g in specific:  # credit a pruned ancestor's hits to its descendants
            for anc in mapped:
                if anc not in specific and _is_ancestor(anc, g, genres.parent):
                    mapped[g] += mapped[anc]
        chosen = sorted(specific, key=lambda g: (-mapped[g], -genres.depth(g), order[g]))[:3]
        if name in ARTIST_GENRE_FIXES:
            chosen = list(ARTIST_GENRE_FIXES[name])
            stats["genres fixed by hand"] += 1
        top = sorted(songs[ck].values(), key=lambda pt: (-pt[0], pt[1]))[:5]
        aliases = []
        surname = words[-1] if len(words) > 1 else ""
        if set(genre_list) & COMPOSER_GENRES and len(surname) >= 4 and surname.isalpha() \
                and chart_words[surname] < 3:
            aliases.append(name.split()[-1])
        artists.append({"name": name, "genres": chosen, "tracks": [t for _, t in top],
                        "aliases": aliases, "_followers": followers[ck]})
        stats["kept"] += 1

    artists.sort(key=lambda a: (-a["_followers"], a["name"]))
    stats["over the limit"] = max(0, len(artists) - limit)
    artists = artists[:limit]
    names = {compact(a["name"]) for a in artists} | taken
    owner: dict[str, str] = {}
    for a in artists:
        for alias in a["aliases"]:
            owner.setdefault(compact(alias), a["name"])
    for a in artists:  # a surname that two composers share, or that is someone's name, is nobody's
        a["aliases"] = [al for al in a["aliases"]
                        if compact(al) not in names and owner[compact(al)] == a["name"]
                        and sum(1 for b in artists if compact(b["name"].split()[-1]) == compact(al)) == 1]
        del a["_followers"]
    return artists, dict(stats)


def add_curated_aliases(artists: list[dict], taken: set[str]) -> None:
    """ARTIST_ALIASES for ``artists`` too, where no other artist has that name or nickname."""
    curated = collections.defaultdict(list)
    for name, aliases in ARTIST_ALIASES.items():
        curated[compact(name)].extend(aliases)
    used = set(taken) | {compact(a["name"]) for a in artists} | {compact(al) for a in artists for al in a["aliases"]}
    for a in artists:
        for alias in curated.get(compact(a["name"]), []):
            if compact(alias) not in used:
                used.add(compact(alias))
                a["aliases"].append(alias)


def _weighted_median(counter: collections.Counter) -> int:
    total, acc = sum(counter.values()), 0
    for year in sorted(counter):
        acc += counter[year]
        if 2 * acc >= total:
            return year
    return 0


def _genres_of(genre_list: tuple[str, ...], genres: GenreIndex, era: int):
    """(specific genres, hit counts, first positions) of a Spotify genre list, or
    None when nothing maps or most of it emerged after the artist's era."""
    mapped: collections.Counter = collections.Counter()
    order: dict[str, int] = {}
    for i, sp in enumerate(genre_list):
        g = genres.map_spotify(sp)
        if g:
            mapped[g] += 1
            order.setdefault(g, i)
    # a family is implied by any genre under it ("pop" by "dance-pop")
    specific = [g for g in mapped
                if genres.parent[g] is not None or not any(_is_ancestor(g, o, genres.parent) for o in mapped)]
    too_young = [g for g in specific if genres.emerged(g) > era + 3]
    if not specific or 2 * len(too_young) > len(specific):
        return None
    return [g for g in specific if g not in too_young], mapped, order


def _strip_the(name: str) -> str:
    return name[4:] if name.lower().startswith("the ") else name


def _is_ancestor(candidate: str, child: str, parent: dict[str, str | None]) -> bool:
    node = parent.get(child)
    while node is not None:
        if node == candidate:
            return True
        node = parent.get(node)
    return False


# ---------------------------------------------------------------------------
# Cuisines
# ---------------------------------------------------------------------------

def _json_list(raw: str) -> list[str]:
    raw = (raw or "").strip()
    if not raw:
        return []
    try:
        value = json.loads(raw)
    except json.JSONDecodeError:
        try:
            value = ast.literal_eval(raw)
        except (ValueError, SyntaxError):
            value = [raw]
    if isinstance(value, str):
        value = [value]
    return [str(v).strip() for v in value if str(v).strip()]


def build_cuisines(final_csv: str) -> tuple[list[dict], dict]:
    ours = set(CUISINE_ALIASES)
    dishes: dict[str, tuple[str, str]] = {}  # compact dish -> (display, cuisine)
    stats = collections.Counter()
    for row in csv.DictReader(io.StringIO(final_csv)):
        name = row["Name"].strip()
        if not name or key(name) in GENERIC_DISHES:
            stats["generic"] += 1
            continue
        labels = [c.lower() for c in _json_list(row.get("Cuisines", ""))]
        candidates = []
        for label in labels:
            if label in CUISINE_SKIP:
                continue
            target = CUISINE_MERGE.get(label, label)
            if target in ours:
                candidates.append(target)
        override = DISH_CUISINE_OVERRIDES.get(key(name))
        cuisine = override or (candidates[0] if candidates else None)
        if cuisine is None:
            stats["no cuisine"] += 1
            continue
        dishes.setdefault(compact(name), (name, cuisine))
        stats["source"] += 1
    for name, cuisine in EXTRA_DISHES.items():
        assert cuisine in ours, (name, cuisine)
        if not any(v in dishes for v in singulars(compact(name))):
            dishes[compact(name)] = (name[0].upper() + name[1:], cuisine)
            stats["curated"] += 1

    by_cuisine: dict[str, list[str]] = collections.defaultdict(list)
    alias_keys = {compact(a) for al in CUISINE_ALIASES.values() for a in al} | {compact(c) for c in ours}
    for ck, (display, cuisine) in dishes.items():
        if ck in alias_keys:
            continue  # a dish named like a cuisine ("tapas") stays an alias only
        by_cuisine[cuisine].append(display)
    out = []
    for name in sorted(ours):
        out.append({
            "name": name,
            "aliases": sorted(set(a.lower() for a in CUISINE_ALIASES[name])),
            "dishes": sorted(by_cuisine.get(name, []), key=lambda d: (key(d), d)),
        })
    return out, dict(stats)


# ---------------------------------------------------------------------------

def write_json(path: Path, payload) -> None:
    text = json.dumps(payload, ensure_ascii=False, indent=None, separators=(",", ":"))
    # one record per line: compact, yet diffs stay readable
    text = text.replace("},{", "},\n{")
    path.write_text(text + "\n", encoding="utf-8")


def main(argv: list[str] | None = None) -> int:
    p = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    p.add_argument("--beets-wheel", type=Path, required=True)
    p.add_argument("--billboard-git", type=Path, required=True)
    p.add_argument("--features-git", type=Path, required=True)
    p.add_argument("--spotify-genres-git", type=Path, required=True)
    p.add_argument("--worldcuisines-git", type=Path, required=True)
    p.add_argument("--out", type=Path, default=DEFAULT_OUT)
    p.add_argument("--artists", type=int, default=3000, help="keep the N most charted artists")
    p.add_argument("--more-artists", type=int, default=6000,
                   help="then up to N more, most followed first, from the Spotify genre searches")
    args = p.parse_args(argv)
    for name in ("billboard_git", "features_git", "spotify_genres_git", "worldcuisines_git"):
        setattr(args, name, git_dir_of(getattr(args, name)))

    with zipfile.ZipFile(args.beets_wheel) as wheel:
        tree_yaml = wheel.read("beetsplug/lastgenre/genres-tree.yaml").decode("utf-8")
    genres = build_genres(tree_yaml)
    check_curation(genres)
    index = GenreIndex(genres)

    weekly = git_blobs(args.billboard_git, "date")
    features = git_show(args.features_git, "Hot 100 Audio Features.csv").decode("cp1252", errors="replace")
    artists, artist_stats = build_artists(weekly, features, index, args.artists)
    by_genre = git_blobs(args.spotify_genres_git, "data")
    more, more_stats = build_spotify_artists(by_genre, index, artists, args.more_artists)
    add_curated_aliases(more, {compact(n) for a in artists for n in (a["name"], _strip_the(a["name"]), *a["aliases"])})
    artists += more
    names = {g["name"] for g in genres}
    for a in artists:
        assert set(a["genres"]) <= names, a

    final_csv = git_show(args.worldcuisines_git, "resources/final_data.csv").decode("utf-8")
    cuisines, dish_stats = build_cuisines(final_csv)

    args.out.mkdir(parents=True, exist_ok=True)
    write_json(args.out / "genres.json", genres)
    write_json(args.out / "artists.json", artists)
    write_json(args.out / "cuisines.json", cuisines)

    used = collections.Counter(g for a in artists for g in a["genres"])
    print(f"genres:   {len(genres)} ({sum(1 for g in genres if g['parent'] is None)} families, "
          f"{len(used)} used by artists)")
    print(f"artists:  {len(artists) - len(more)} from {len(weekly)} weekly charts {artist_stats}")
    print(f"          {len(more)} more from {len(by_genre)} Spotify genre searches {more_stats}")
    print(f"cuisines: {len(cuisines)}, dishes: {sum(len(c['dishes']) for c in cuisines)} {dish_stats}")
    print("sources:  billboard", git_head(args.billboard_git), "features", git_head(args.features_git),
          "spotify by genre", git_head(args.spotify_genres_git), "worldcuisines", git_head(args.worldcuisines_git))
    return 0


if __name__ == "__main__":
    sys.exit(main())
