"""Latest scores and the next game, from an offline, deterministic schedule."""
from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date, time, timedelta
from typing import Protocol

from preferences.catalogs.sports import TEAMS, Team
from preferences.skills.base import SkillReply, stable_number

# (lowest score, how many scores above it): football's are the default
_SCORE_RANGE = {"NBA": (88, 40), "NFL": (3, 38), "MLB": (0, 12), "NHL": (0, 7)}
_FOOTBALL_SCORES = (0, 5)


@dataclass(frozen=True)
class GameResult:
    team: Team
    opponent: Team
    team_score: int
    opponent_score: int
    day: date


@dataclass(frozen=True)
class Fixture:
    team: Team
    opponent: Team
    day: date
    start: time
    home: bool


class ScoreProvider(Protocol):
    def latest(self, team: Team, today: date) -> GameResult: ...
    def upcoming(self, team: Team, today: date) -> Fixture: ...


def _opponents(team: Team) -> list[Team]:
    """The teams of its league a team can play."""
    return [t for t in TEAMS if t.league == team.league and t != team]


class OfflineScoreProvider:
    def latest(self, team: Team, today: date) -> GameResult:
        league = _opponents(team)
        opponent = league[stable_number(team.name, today, modulo=len(league))]
        low, spread = _SCORE_RANGE.get(team.league, _FOOTBALL_SCORES)
        a = low + stable_number(team.name, today, "a", modulo=spread)
        b = low + stable_number(team.name, today, "b", modulo=spread)
        if a == b:
            a += 1  # no ties in the demo: every game has a winner
        return GameResult(team, opponent, a, b, today)

    def upcoming(self, team: Team, today: date) -> Fixture:
        league = _opponents(team)
        opponent = league[stable_number(team.name, today, "next", modulo=len(league))]
        day = today + timedelta(days=1 + stable_number(team.name, today, "day", modulo=6))
        start = time(13 + stable_number(team.name, today, "hour", modulo=7), 0)
        return Fixture(team, opponent, day, start, stable_number(team.name, today, "home", modulo=2) == 0)


# "when do the chiefs play next", "next lakers game", "what time is the game tonight": the schedule, not a score.
_ASKS_NEXT = re.compile(r"\b(next( [\w']+)? (game|match|one)|play(ing)? next|(when|what time)('?s| is| are| do| does)?\b.*\b"
                        r"(play|game|match|kick ?off|tip ?off|face)|schedule|fixtures?|upcoming|"
                        r"(when|what time)('?s| is)? the next)\b")  # "when's the next derby"


def asks_next(utterance: str | None) -> bool:
    """Whether a sports request asks about the coming game rather than the last result."""
    return bool(_ASKS_NEXT.search((utterance or "").lower()))


def next_game_reply(provider: ScoreProvider, team: Team, today: date) -> SkillReply:
    f = provider.upcoming(team, today)
    days = (f.day - today).days
    when = "tomorrow" if days == 1 else f"on {f.day.strftime('%A')}"
    hour = f.start.hour % 12 or 12
    where = "at home against" if f.home else "away at"
    return SkillReply(f"{_capital(team.called)} play next {when} at {hour} pm, {where} {f.opponent.called}.",
                      {"team": team.name, "league": team.league, "opponent": f.opponent.name,
                       "next_game": f.day.isoformat()})


def game_reply(provider: ScoreProvider, team: Team, today: date, utterance: str | None) -> SkillReply:
    """The next game when the words ask when, else the last score."""
    return (next_game_reply if asks_next(utterance) else score_reply)(provider, team, today)


def _capital(words: str) -> str:
    return words[:1].upper() + words[1:]


def score_reply(provider: ScoreProvider, team: Team, today: date) -> SkillReply:
    g = provider.latest(team, today)
    verb = "beat" if g.team_score > g.opponent_score else "lost to"
    text = f"{_capital(team.called)} {verb} {g.opponent.called} {g.team_score}-{g.opponent_score} in their last game."
    return SkillReply(text, {"team": team.name, "league": team.league, "opponent": g.opponent.name,
                             "score": [g.team_score, g.opponent_score]})


# --- the skill, declared once ------------------------------------------------------------------------
from typing import TYPE_CHECKING, Any  # noqa: E402

from preferences.catalogs.sports import TEAMS_BY_NAME, find_team_words, find_teams, normalize_team  # noqa: E402
from preferences.personalization import Choice, reason_for  # noqa: E402
from preferences.records import Polarity  # noqa: E402
from preferences.resolution import How, ResolvedEntity  # noqa: E402
from preferences.skills.base import Entities, Question, Skill, Slot, first, with_choices, with_resolutions  # noqa: E402

if TYPE_CHECKING:
    from preferences.service import AssistantService


def called(name: str) -> str:
    """How a sentence names a stored team: "the Boston Celtics", "Liverpool"."""
    team = TEAMS_BY_NAME.get(name)
    return team.called if team else f"the {name}"


def _team_phrase(value: str, polarity: Any) -> str:
    return f"you {'support' if polarity is Polarity.LIKE else 'are not a fan of'} {called(value)}"


UNKNOWN_TEAM = ("I follow the NBA, NFL, MLB and NHL, and football in the Premier League, La Liga, the Bundesliga, "
                "Serie A, Ligue 1, the Eredivisie, the Primeira Liga, the Süper Lig, the Scottish Premiership, MLS "
                "and the Brasileirão.")


def team_resolution(words: str, teams: list[Team], liked: set[str]) -> ResolvedEntity:
    """Which of the teams the words name is meant: the only one, the user's own, or the first."""
    names = [t.name for t in teams]
    mine = [n for n in names if n in liked]
    if len(names) > 1 and mine:
        return ResolvedEntity.among("team", words, mine[0], names, How.PREFERENCE)
    return ResolvedEntity.among("team", words, names[0] if names else None, names,
                                How.EXACT if len(names) == 1 else How.DEFAULT)


def reply(service: AssistantService, user: str, entities: Entities, utterance: str | None = None) -> SkillReply:
    # "how did arsenal do": a team NLU did not tag is still named by the words
    team_text = first(entities, "team") or find_team_words(utterance)
    profile = service.profile(user)
    if not team_text:
        fav = profile.favourite("team")
        if fav is None or fav.value not in TEAMS_BY_NAME:
            return SkillReply("Which team? For example: \"how did the Celtics do?\" "
                              "You can also tell me which team you support.", {"missing": "team"})
        reason = reason_for(fav, "team")
        return with_resolutions(
            with_choices(game_reply(service.provider("sports_score"), TEAMS_BY_NAME[fav.value], service.today, utterance),
                         [Choice("team", fav.value, reason)], f"Checking {called(fav.value)}, {reason}."),
            [ResolvedEntity("team", None, fav.value, (), How.PREFERENCE)])
    teams = find_teams(team_text)
    liked = {p.value for p in profile.likes.get("team", [])}
    resolved = [team_resolution(team_text, teams, liked)]
    if not teams:
        return with_resolutions(SkillReply(f"I don't know a team called {team_text}. {UNKNOWN_TEAM}",
                                           {"unknown_team": team_text}), resolved)
    mine = [t for t in teams if t.name in liked]
    if len(teams) > 1 and mine:
        return with_resolutions(with_choices(game_reply(service.provider("sports_score"), mine[0], service.today, utterance),
                                             [Choice("team", mine[0].name, "your team")],
                                             f"Checking {mine[0].called}, since they're your team."), resolved)
    reply = game_reply(service.provider("sports_score"), teams[0], service.today, utterance)
    if len(teams) > 1:
        others = ", ".join(t.called for t in teams[1:])
        reply = SkillReply(f"{reply.text} (If you meant {others}, say the full name.)", reply.facts)
    return with_resolutions(with_choices(reply, []), resolved)


def resolve_named(entity: str, words: str) -> ResolvedEntity | None:
    """What a team named `words` resolves to, for a user with no preferences (`Skill.resolves`)."""
    return team_resolution(words, find_teams(words), set()) if entity == "team" else None


SKILLS = (
    Skill(name="sports_score", intent="sports_score", action="action_sports_score", reply=reply,
          provider=lambda today=None: OfflineScoreProvider(), hint="Which team did you mean?",
          teaches=("team",), answers=("team",), follows=("team",), carries=("team",),
          slots=(Slot("team", "sports", "team", normalize=normalize_team, describe=_team_phrase, order=40),),
          questions=(Question("team", "Which sports team do you support?", order=20),),
          examples=("how did the Celtics do", "Yankees score"), resolves=resolve_named),
)
