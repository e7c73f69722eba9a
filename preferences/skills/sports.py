"""Latest scores from an offline, deterministic schedule."""
from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from typing import Protocol

from preferences.catalogs.sports import TEAMS, Team
from preferences.skills.base import SkillReply, stable_number

_SCORE_RANGE = {"NBA": (88, 40), "NFL": (3, 38), "MLB": (0, 12), "NHL": (0, 7)}


@dataclass(frozen=True)
class GameResult:
    team: Team
    opponent: Team
    team_score: int
    opponent_score: int
    day: date


class ScoreProvider(Protocol):
    def latest(self, team: Team, today: date) -> GameResult: ...


class OfflineScoreProvider:
    def latest(self, team: Team, today: date) -> GameResult:
        league = [t for t in TEAMS if t.league == team.league and t != team]
        opponent = league[stable_number(team.name, today, modulo=len(league))]
        low, spread = _SCORE_RANGE[team.league]
        a = low + stable_number(team.name, today, "a", modulo=spread)
        b = low + stable_number(team.name, today, "b", modulo=spread)
        if a == b:
            a += 1  # no ties in the demo: every game has a winner
        return GameResult(team, opponent, a, b, today)


def score_reply(provider: ScoreProvider, team: Team, today: date) -> SkillReply:
    g = provider.latest(team, today)
    verb = "beat" if g.team_score > g.opponent_score else "lost to"
    text = f"The {team.name} {verb} the {g.opponent.name} {g.team_score}-{g.opponent_score} in their last game."
    return SkillReply(text, {"team": team.name, "league": team.league, "opponent": g.opponent.name,
                             "score": [g.team_score, g.opponent_score]})
