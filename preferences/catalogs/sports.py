"""Teams of the four major US leagues (NBA, NFL, MLB, NHL) and football clubs of eleven leagues.

Nicknames are unique across a league but not across leagues (the Giants,
Rangers, Cardinals, Kings, Panthers and Jets each exist twice), so a bare
nickname resolves to every match and the caller picks, by the user's
history first, as the design asks. "Spurs", "Rangers" and "Wolves" name a
football club too, and resolve to all of them the same way.

Football clubs come from `data/football_clubs.json` (openfootball, CC0; the
clubs of the 2025/26 European seasons, MLS and the Brasileirão 2025; see
`data/SOURCES.md`). Their official names ("FC Bayern München", "Sport Lisboa
e Benfica") are not what people say, so each gets the name English speakers
use and the short forms people type ("bayern", "spurs", "psg"); a club is
named without "the" ("Liverpool beat Everton"), a US team with it.
"""
from __future__ import annotations

import json
import re
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

from preferences.catalogs.text import fold


@dataclass(frozen=True)
class Team:
    city: str
    nickname: str
    league: str
    club: str = ""  # a football club's name, which is not a city and a nickname ("Real Madrid")

    @property
    def name(self) -> str:
        return self.club or f"{self.city} {self.nickname}"

    @property
    def called(self) -> str:
        """How a sentence names it: "the Boston Celtics", but "Liverpool"."""
        return self.club or f"the {self.name}"


_LEAGUES: dict[str, str] = {
    "NBA": """Atlanta Hawks|Boston Celtics|Brooklyn Nets|Charlotte Hornets|Chicago Bulls|Cleveland Cavaliers|
Dallas Mavericks|Denver Nuggets|Detroit Pistons|Golden State Warriors|Houston Rockets|Indiana Pacers|
Los Angeles Clippers|Los Angeles Lakers|Memphis Grizzlies|Miami Heat|Milwaukee Bucks|Minnesota Timberwolves|
New Orleans Pelicans|New York Knicks|Oklahoma City Thunder|Orlando Magic|Philadelphia 76ers|Phoenix Suns|
Portland Trail Blazers|Sacramento Kings|San Antonio Spurs|Toronto Raptors|Utah Jazz|Washington Wizards""",
    "NFL": """Arizona Cardinals|Atlanta Falcons|Baltimore Ravens|Buffalo Bills|Carolina Panthers|Chicago Bears|
Cincinnati Bengals|Cleveland Browns|Dallas Cowboys|Denver Broncos|Detroit Lions|Green Bay Packers|
Houston Texans|Indianapolis Colts|Jacksonville Jaguars|Kansas City Chiefs|Las Vegas Raiders|
Los Angeles Chargers|Los Angeles Rams|Miami Dolphins|Minnesota Vikings|New England Patriots|
New Orleans Saints|New York Giants|New York Jets|Philadelphia Eagles|Pittsburgh Steelers|
San Francisco 49ers|Seattle Seahawks|Tampa Bay Buccaneers|Tennessee Titans|Washington Commanders""",
    "MLB": """Arizona Diamondbacks|Atlanta Braves|Baltimore Orioles|Boston Red Sox|Chicago Cubs|Chicago White Sox|
Cincinnati Reds|Cleveland Guardians|Colorado Rockies|Detroit Tigers|Houston Astros|Kansas City Royals|
Los Angeles Angels|Los Angeles Dodgers|Miami Marlins|Milwaukee Brewers|Minnesota Twins|New York Mets|
New York Yankees|Oakland Athletics|Philadelphia Phillies|Pittsburgh Pirates|San Diego Padres|
San Francisco Giants|Seattle Mariners|St. Louis Cardinals|Tampa Bay Rays|Texas Rangers|Toronto Blue Jays|
Washington Nationals""",
    "NHL": """Anaheim Ducks|Boston Bruins|Buffalo Sabres|Calgary Flames|Carolina Hurricanes|Chicago Blackhawks|
Colorado Avalanche|Columbus Blue Jackets|Dallas Stars|Detroit Red Wings|Edmonton Oilers|Florida Panthers|
Los Angeles Kings|Minnesota Wild|Montreal Canadiens|Nashville Predators|New Jersey Devils|New York Islanders|
New York Rangers|Ottawa Senators|Philadelphia Flyers|Pittsburgh Penguins|San Jose Sharks|Seattle Kraken|
St. Louis Blues|Tampa Bay Lightning|Toronto Maple Leafs|Utah Hockey Club|Vancouver Canucks|Vegas Golden Knights|
Washington Capitals|Winnipeg Jets""",
}

# Cities whose name has two words; everything after them is the nickname.
_TWO_WORD_CITIES = ("Golden State", "Los Angeles", "New Orleans", "New York", "Oklahoma City", "San Antonio",
                    "Green Bay", "Kansas City", "Las Vegas", "New England", "San Francisco", "Tampa Bay",
                    "San Diego", "St. Louis", "New Jersey", "San Jose")


def _split(full: str) -> tuple[str, str]:
    for city in _TWO_WORD_CITIES:
        if full.startswith(city + " "):
            return city, full[len(city) + 1:]
    city, _, nickname = full.partition(" ")
    return city, nickname


_US_TEAMS = tuple(
    Team(*_split(name.strip()), league)
    for league, names in _LEAGUES.items()
    for name in names.replace("\n", "").split("|")
)

_CLUBS_FILE = Path(__file__).parent / "data" / "football_clubs.json"
# Club names people use in English where stripping the official name's affixes is not enough, and the
# short forms they type. MLS clubs keep their "FC" ("Toronto FC", "FC Dallas"): without it they would be
# the city, which names the city's NBA, NFL, MLB and NHL teams.
_CLUB_NAMES: dict[str, str] = {
    "FC Bayern München": "Bayern Munich", "FC Internazionale Milano": "Inter Milan",
    "Club Atlético de Madrid": "Atlético Madrid", "RC Celta de Vigo": "Celta Vigo",
    "RCD Espanyol de Barcelona": "Espanyol", "Rayo Vallecano de Madrid": "Rayo Vallecano",
    "Real Betis Balompié": "Real Betis", "Real Sociedad de Fútbol": "Real Sociedad", "Deportivo Alavés": "Alavés",
    "Athletic Club": "Athletic Bilbao", "Bayer 04 Leverkusen": "Bayer Leverkusen", "Hamburger SV": "Hamburg",
    "AC Pisa 1909": "Pisa", "Olympique Lyonnais": "Lyon", "Olympique de Marseille": "Marseille",
    "RC Strasbourg Alsace": "Strasbourg", "Racing Club de Lens": "Lens", "Stade Brestois 29": "Brest",
    "Stade Rennais FC 1901": "Rennes", "AZ": "AZ Alkmaar", "NEC": "NEC Nijmegen", "PSV": "PSV Eindhoven",
    "Feyenoord Rotterdam": "Feyenoord", "Sport Lisboa e Benfica": "Benfica", "Sporting Clube de Braga": "Braga",
    "Sporting Clube de Portugal": "Sporting CP", "İstanbul Başakşehir": "Başakşehir", "Çaykur Rizespor": "Rizespor",
    "Heart of Midlothian": "Hearts", "New York RB": "New York Red Bulls", "CA Mineiro": "Atlético Mineiro",
    "SC Corinthians Paulista": "Corinthians", "SC Recife": "Sport Recife", "AFC Bournemouth": "Bournemouth",
    "Brighton & Hove Albion FC": "Brighton & Hove Albion", "Paris FC": "Paris FC",
    "New York City FC": "New York City FC",
}
_CLUB_ALIASES: dict[str, tuple[str, ...]] = {
    "Manchester United": ("man united", "man utd", "man u"), "Manchester City": ("man city",),
    "Tottenham Hotspur": ("tottenham", "spurs"), "Wolverhampton Wanderers": ("wolves",),
    "Newcastle United": ("newcastle",), "West Ham United": ("west ham",), "Leeds United": ("leeds",),
    "Nottingham Forest": ("forest", "nottm forest"), "Brighton & Hove Albion": ("brighton",),
    "Aston Villa": ("villa",), "Crystal Palace": ("palace",), "Barcelona": ("barca", "fc barcelona"),
    "Real Madrid": ("madrid",), "Atlético Madrid": ("atletico", "atleti"), "Real Betis": ("betis",),
    "Athletic Bilbao": ("athletic club", "bilbao"), "Bayern Munich": ("bayern", "bayern munchen"),
    "Borussia Dortmund": ("dortmund", "bvb"), "Borussia Mönchengladbach": ("gladbach", "monchengladbach"),
    "Bayer Leverkusen": ("leverkusen",), "RB Leipzig": ("leipzig",), "Köln": ("cologne", "fc koln"),
    "Werder Bremen": ("bremen",), "Eintracht Frankfurt": ("frankfurt",), "Hamburg": ("hsv", "hamburger sv"),
    "Inter Milan": ("inter", "internazionale"), "AC Milan": ("milan",), "Juventus": ("juve",),
    "Hellas Verona": ("verona",), "Paris Saint-Germain": ("psg", "paris sg"), "AZ Alkmaar": ("az",),
    "PSV Eindhoven": ("psv",), "NEC Nijmegen": ("nec",), "Sporting CP": ("sporting lisbon", "sporting"),
    "Hearts": ("heart of midlothian",), "Hibernian": ("hibs",), "New York Red Bulls": ("red bulls",),
    "Los Angeles Galaxy": ("la galaxy", "galaxy"), "Los Angeles FC": ("lafc",), "D.C. United": ("dc united",),
    "Atlético Mineiro": ("galo",), "Vasco da Gama": ("vasco",),
}
_LEAD = frozenset("FC AFC CF CA CD RCD RC UD SSC SS US ACF AS AJ OGC SV VfB VfL TSG 1. FSV SE CR EC GD SBV SC".split())
_TRAIL = frozenset("FC AFC CF SC AC BC CFC FK SK SCO OSC HSC FR EC FBPA Calcio".split())


def club_name(official: str, league: str) -> str:
    """The name people use for a club: `_CLUB_NAMES`, else the official name without its "FC" and year."""
    if official in _CLUB_NAMES:
        return _CLUB_NAMES[official]
    if league == "MLS":  # "Inter Miami", "Atlanta United"; "Toronto FC" and "Austin FC" keep theirs
        short = club_name(official, "")
        return short if len(short.split()) > 1 and all(fold(t.city) != fold(short) for t in _US_TEAMS) else official
    words = [w for w in official.split() if not re.fullmatch(r"'?\d+", w)]
    while len(words) > 1 and words[0] in _LEAD:
        words = words[1:]
    while len(words) > 1 and words[-1] in _TRAIL:
        words = words[:-1]
    return " ".join(words)


def _short_mls(official: str, league: str) -> tuple[str, ...]:
    """An MLS club without its "FC" ("Inter Miami"), unless that is just its city ("Austin", "Toronto")."""
    if league != "MLS":
        return ()
    short = fold(club_name(official, ""))
    return () if len(short.split()) < 2 or any(fold(t.city) == short for t in _US_TEAMS) \
        else (short, "nycfc") if "new york city" in short else (short,)


def _clubs() -> tuple[tuple[Team, str], ...]:
    """Each club of the file with its official name (read once: the index of what people say needs both)."""
    leagues = json.loads(_CLUBS_FILE.read_text(encoding="utf-8"))["leagues"]
    return tuple((Team("", "", league, club_name(name, league)), name)
                 for league, names in leagues.items() for name in names)


_CLUBS = _clubs()
TEAMS: tuple[Team, ...] = (*_US_TEAMS, *(team for team, _ in _CLUBS))

_ALIASES: dict[str, str] = {
    "gsw": "Golden State Warriors", "dubs": "Golden State Warriors", "sixers": "Philadelphia 76ers",
    "niners": "San Francisco 49ers", "pats": "New England Patriots", "bucs": "Tampa Bay Buccaneers",
    "habs": "Montreal Canadiens", "sox": "Boston Red Sox", "yanks": "New York Yankees",
    "blazers": "Portland Trail Blazers", "cavs": "Cleveland Cavaliers", "mavs": "Dallas Mavericks",
    "wolves": "Minnesota Timberwolves", "nats": "Washington Nationals", "as": "Oakland Athletics",
    "a's": "Oakland Athletics", "leafs": "Toronto Maple Leafs", "caps": "Washington Capitals",
}

TEAMS_BY_NAME = {t.name: t for t in TEAMS}


@lru_cache(maxsize=1)
def _club_index() -> dict[str, list[Team]]:
    """Folded club names, official names and short forms to the clubs they name."""
    index: dict[str, list[Team]] = {}
    for team, official in _CLUBS:
        for said in (team.name, official, *_CLUB_ALIASES.get(team.name, ()), *_short_mls(official, team.league)):
            bucket = index.setdefault(fold(said), [])
            if team not in bucket:
                bucket.append(team)
    return index


@lru_cache(maxsize=1)
def _us_names() -> frozenset[str]:
    """Folded full names and nicknames of the US teams."""
    return frozenset(fold(n) for t in _US_TEAMS for n in (t.name, t.nickname))


def find_teams(value: str) -> list[Team]:
    """Every team the words could mean: full name, nickname, a known alias, or a club's name or short form."""
    folded = fold(value)
    for prefix in ("the ",):
        if folded.startswith(prefix):
            folded = folded[len(prefix):]
    clubs = _club_index().get(folded, [])
    if folded in _ALIASES:
        return [TEAMS_BY_NAME[_ALIASES[folded]], *clubs]
    exact = [t for t in _US_TEAMS if fold(t.name) == folded]
    if exact:
        return [*exact, *clubs]
    nick = [t for t in _US_TEAMS if fold(t.nickname) == folded]
    if nick:
        return [*nick, *clubs]
    # "celtic" is the Glasgow club before it is the Celtics; "the bruin" is the Bruins
    plural = [t for t in _US_TEAMS if fold(t.nickname).rstrip("s") == folded.rstrip("s")]
    if clubs or plural:
        return [*clubs, *plural]
    return [t for t in TEAMS if folded and t.city and fold(t.city) == folded]


def find_team_words(text: str | None) -> str | None:
    """The words of a sports request that name a team, when NLU tagged none ("how did arsenal do").

    Longest runs first, so "manchester united" is read before "manchester"; a city alone does not count
    ("what's the score in boston" names no one team).
    """
    words = fold(text or "").split()
    for size in (4, 3, 2, 1):
        for i in range(len(words) - size + 1):
            gram = " ".join(words[i:i + size])
            if words[i] in ("the", "a", "my") or gram in _NOT_TEAMS:
                continue
            if gram in _club_index() or gram in _ALIASES or gram in _us_names():
                return gram
    return None


# Words of sports requests that are also a team's short form or nickname: read as a team only when NLU
# tagged them so.
_NOT_TEAMS = frozenset({"forest", "sporting", "galaxy", "inter", "madrid", "milan", "palace", "villa", "nec", "az",
                        "wild", "heat", "magic", "thunder", "stars", "kings", "sun", "suns"})


def normalize_team(value: str) -> str | None:
    """Canonical full team name when the words name exactly one team, or name one exactly and others only
    by a short form: "i'm a spurs fan" is the San Antonio Spurs' nickname and Tottenham's short form, and
    stays the Spurs as before the clubs came; "rangers" names three teams outright and stays unresolved."""
    matches = find_teams(value)
    if len(matches) == 1:
        return matches[0].name
    folded = fold(value).removeprefix("the ")
    exact = [t for t in matches if folded in (fold(t.name), fold(t.nickname)) or _ALIASES.get(folded) == t.name]
    return exact[0].name if len(exact) == 1 else None
