"""Teams of the four major US leagues (NBA, NFL, MLB, NHL).

Nicknames are unique across a league but not across leagues (the Giants,
Rangers, Cardinals, Kings, Panthers and Jets each exist twice), so a bare
nickname resolves to every match and the caller picks, by the user's
history first, as the design asks.
"""
from __future__ import annotations

from dataclasses import dataclass

from preferences.catalogs.text import fold


@dataclass(frozen=True)
class Team:
    city: str
    nickname: str
    league: str

    @property
    def name(self) -> str:
        return f"{self.city} {self.nickname}"


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


TEAMS: tuple[Team, ...] = tuple(
    Team(*_split(name.strip()), league)
    for league, names in _LEAGUES.items()
    for name in names.replace("\n", "").split("|")
)

_ALIASES: dict[str, str] = {
    "gsw": "Golden State Warriors", "dubs": "Golden State Warriors", "sixers": "Philadelphia 76ers",
    "niners": "San Francisco 49ers", "pats": "New England Patriots", "bucs": "Tampa Bay Buccaneers",
    "habs": "Montreal Canadiens", "sox": "Boston Red Sox", "yanks": "New York Yankees",
    "blazers": "Portland Trail Blazers", "cavs": "Cleveland Cavaliers", "mavs": "Dallas Mavericks",
    "wolves": "Minnesota Timberwolves", "nats": "Washington Nationals", "as": "Oakland Athletics",
    "a's": "Oakland Athletics", "leafs": "Toronto Maple Leafs", "caps": "Washington Capitals",
}

TEAMS_BY_NAME = {t.name: t for t in TEAMS}


def find_teams(value: str) -> list[Team]:
    """Every team the words could mean: full name, nickname, or a known alias."""
    folded = fold(value)
    for prefix in ("the ",):
        if folded.startswith(prefix):
            folded = folded[len(prefix):]
    if folded in _ALIASES:
        return [TEAMS_BY_NAME[_ALIASES[folded]]]
    exact = [t for t in TEAMS if fold(t.name) == folded]
    if exact:
        return exact
    nick = [t for t in TEAMS if fold(t.nickname) == folded or fold(t.nickname).rstrip("s") == folded.rstrip("s")]
    if nick:
        return nick
    return [t for t in TEAMS if folded and fold(t.city) == folded]


def normalize_team(value: str) -> str | None:
    """Canonical full team name when the words name exactly one team."""
    matches = find_teams(value)
    return matches[0].name if len(matches) == 1 else None
