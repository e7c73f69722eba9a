"""Labelled traffic: simulated sessions in which the generator knows which part it broke.

No log of real failures labelled by component exists, so the classifier
learns from, and is judged on, traffic whose failure points are known by
construction: a user with a goal (an artist, a genre, a city, a cuisine, a
team, a news topic) says it with a template; the generator then breaks one
part of the pipeline on purpose (or none), writes what each part would have
logged (intent ranking, entities with confidences, the action, the answer)
and lets the user react as people do: rephrase, complain then rephrase,
complain and give up, interrupt, or move on. The rephrase that follows is
worded as that failure calls for (the name spelled right, other words for
the intent, the value said more plainly, a qualifier for the ambiguous
place...).

A turn the skill of its intent answered also carries the skill's record of
what it resolved each entity to, as the action server logs it
(`Skill.resolves`: the skill's own code, for a user with no preferences),
so generated traffic and the served assistant's log look alike; a turn that
ran another action has none, as in the log.

Held-out honesty: `split="test"` uses the other half of every template and
answer list (`generate_data`), values the train half never asked for, other
noise operations for misheard words, and other users; only the kinds of
failure are shared. Correct turns include recoveries that look like failures
upstream (an ambiguous city the assistant asked about, a missed entity it
asked for, a misspelling a rewrite repaired, a low-confidence right intent).
A share of goals (`TrafficConfig.context_share`) is played in conversation
instead: follow-ups, playback controls, corrections (`generate_context`).
"""
from __future__ import annotations

import random
from collections.abc import Callable, Iterator
from dataclasses import dataclass, replace
from functools import lru_cache

from preferences.selflearning.failure_points import generate_data as D
from preferences.selflearning.failure_points.classes import FailurePoint as P
from preferences.selflearning.failure_points.noise import half as _half
from preferences.selflearning.failure_points.noise import mishear as _mishear
from preferences.selflearning.failure_points.noise import noisy as _noisy
from preferences.resolution import ResolvedEntity
from preferences.selflearning.failure_points.resolve import resolve, vocabulary
from preferences.selflearning.failure_points.trace import Mention, RawTurn
from preferences.selflearning.turns import LoggedTurn, OutcomeSignal

START = 1_767_225_600.0  # 2026-01-01T00:00Z
MIX = {P.INPUT: 0.2, P.INTENT: 0.18, P.ENTITY_RECOGNITION: 0.16, P.ENTITY_RESOLUTION: 0.18, P.DIALOGUE: 0.12,
       P.RESULT: 0.16}


@dataclass(frozen=True)
class TrafficConfig:
    """One batch of simulated traffic."""

    seed: int = 0
    split: str = "train"  # "train" or "test": which half of the wording (see the module docstring)
    sessions: int = 1_000
    failure_rate: float = 0.35  # share of goals whose first attempt fails
    start: float = START
    seconds_per_session: float = 600.0  # sessions follow one another at this pace (for reports over time)
    context_share: float = 0.3  # share of goals played as a conversation in context (`generate_context`)


@dataclass(frozen=True)
class Goal:
    skill: str  # a key of generate_data.SKILLS
    entity: str
    value: str  # what the user means, as they would say it
    meant: str | None  # the catalog value they mean


@lru_cache(maxsize=None)
def _values(entity: str, split: str) -> tuple[tuple[str, str], ...]:
    """(said, meant) pairs the catalogs resolve; the train split sees every other one, the test split all."""
    from preferences.catalogs import news, sports

    said = {"artist": vocabulary("artist")[:D.ARTISTS_ASKED], "genre": D.GENRES, "city": [c.lower() for c in D.CITIES],
            "cuisine": D.CUISINES, "news_topic": list(news.TOPICS),
            "team": [t.name.lower() for t in sports.TEAMS]}[entity]
    pairs = tuple((s, r) for s in said if (r := resolve(entity, s).resolved) is not None)
    return pairs[0::2] if split == "train" else pairs


@lru_cache(maxsize=1 << 14)
def _recorded(action: str | None, entity: str, value: str) -> ResolvedEntity | None:
    """What the skill behind `action` records for the mention, as the served assistant would log it."""
    from preferences.skills import registry

    skill = registry.BY_ACTION.get(action or "")
    return skill.resolves(entity, value) if skill is not None and skill.resolves is not None else None


@lru_cache(maxsize=None)
def _unknown(entity: str) -> tuple[str, ...]:
    return tuple(v for v in D.UNKNOWN.get(entity, ()) if resolve(entity, v).resolved is None)


class _Session:
    """Builds one session's raw turns; `t` is the clock."""

    def __init__(self, rng: random.Random, split: str, user: str, session: str, t: float) -> None:
        self.rng, self.split, self.user, self.session, self.t = rng, split, user, session, t
        self.turns: list[RawTurn] = []

    def pick(self, seq: tuple) -> object:
        return self.rng.choice(_half(seq, self.split))

    def phrase(self, pair: tuple[str, str], **kw: str) -> str:
        return pair[0 if self.split == "train" else 1].format(**kw)

    def turn(self, text: str, intent: str | None, conf: float, mentions: tuple[Mention, ...] = (),
             action: str | None = None, answer: str | None = None, label: P | None = None,
             gap: float = 5.0, interpreted: str | None = None, signals: frozenset = frozenset(),
             second: str | None = None, filled: tuple[ResolvedEntity, ...] = ()) -> None:
        """Log one user turn; `filled`: the skill's records of values no words named (home city, context)."""
        self.t += gap
        others = [i for i in D.ACTION_OF if i not in (intent, second)]
        rest = 1.0 - conf
        ranking = [(intent or "nlu_fallback", conf)]
        if second:
            ranking.append((second, rest * self.rng.uniform(0.6, 0.95)))
        ranking += [(o, rest * self.rng.uniform(0.0, 0.3)) for o in self.rng.sample(others, 2)]
        logged = LoggedTurn(self.user, self.session, self.t, text, interpreted, None, intent, conf,
                            tuple((m.entity, m.value) for m in mentions), answer, None, signals)
        recorded = tuple(r for m in mentions if (r := _recorded(action, m.entity, m.value)) is not None) + filled
        self.turns.append(RawTurn(logged, tuple(ranking), mentions, (action,) if action else (), label, recorded))

    def mention(self, text: str, entity: str, value: str, low: float = 0.75) -> Mention:
        start = text.find(value)
        return Mention(entity, value, round(self.rng.uniform(low, 1.0), 3), start if start >= 0 else None,
                       start + len(value) if start >= 0 else None)

    # --- users ----------------------------------------------------------------------------------
    def request(self, goal: Goal, template: str | None = None, value: str | None = None) -> str:
        template = template or str(self.pick(D.SKILLS[goal.skill][2]))
        return template.format(v=value if value is not None else goal.value)

    def correct(self, goal: Goal, text: str | None = None, gap: float = 5.0, low: float = 0.55,
                interpreted: str | None = None) -> None:
        text = text or self.request(goal)
        intent = D.SKILL_OF_INTENT.get(goal.skill, goal.skill)
        action = D.ACTION_OF[intent]
        seen = interpreted or text
        self.turn(text, intent, self.rng.uniform(low, 1.0), (self.mention(seen, goal.entity, goal.value),), action,
                  self.phrase(D.SUCCESS[action], v=goal.meant or goal.value), P.CORRECT, gap, interpreted,
                  second=self.rng.choice(list(D.CONFUSIONS[intent])))

    def react(self, goal: Goal, fix: Callable[[], None]) -> None:
        """What the user does after the failed turn just logged."""
        r = self.rng.random()
        if r < 0.5:
            fix()
        elif r < 0.65:
            self.turn(str(self.pick(D.COMPLAINTS[self.split == "test"])), "dissatisfied", 0.9,
                      action="action_handle_dissatisfaction", answer="Sorry. What did you mean?")
            fix()
        elif r < 0.77:
            self.turn(str(self.pick(D.COMPLAINTS[self.split == "test"])), "dissatisfied", 0.9,
                      action="action_handle_dissatisfaction", answer="Sorry. What did you mean?")
        elif r < 0.88:
            last = self.turns[-1]
            self.turns[-1] = replace(last, turn=replace(last.turn, signals=frozenset({OutcomeSignal.BARGE_IN})))
            fix()
        else:
            self.t += self.rng.uniform(60, 200)  # gave up, maybe asks something else later


# --- the failures, one function per point ------------------------------------------------------
DEFAULTS = {"action_play_music": "something you might like", "action_weather": "Boston, MA, US",
            "action_find_restaurant": "popular", "action_sports_score": "Boston Celtics", "action_news": "top"}


def _other_template(s: _Session, goal: Goal, template: str) -> str:
    options = [t for t in _half(D.SKILLS[goal.skill][2], s.split) if t != template]
    return s.rng.choice(options)


def _fix(s: _Session, goal: Goal, template: str, same: float = 0.0) -> Callable[[], None]:
    """The user's successful rephrase: the same template with probability `same`, else another one."""
    def go() -> None:
        tpl = template if s.rng.random() < same else _other_template(s, goal, template)
        s.correct(goal, tpl.format(v=goal.value), gap=s.rng.uniform(3, 15))
    return go


def _intent_of(goal: Goal) -> str:
    return D.SKILL_OF_INTENT.get(goal.skill, goal.skill)


def fail_input(s: _Session, goal: Goal, tpl: str) -> None:
    intent = _intent_of(goal)
    action = D.ACTION_OF[intent]
    if s.rng.random() < 0.75:  # the name misheard: understood as a request, the value found nowhere
        heard = _mishear(s.rng, goal.entity, goal.value, s.split)
        text = tpl.format(v=heard)
        answer = s.phrase(D.UNKNOWN_VALUE, v=heard) if s.rng.random() < 0.5 else s.phrase(D.EMPTY[action], v=heard)
        s.turn(text, intent, s.rng.uniform(0.45, 0.95), (s.mention(text, goal.entity, heard, 0.4),), action, answer,
               P.INPUT, second=s.rng.choice(D.CONFUSIONS[intent]))
    else:  # a carrier word mistyped: NLU could not read the request
        words = tpl.replace("{v}", "\0").split()
        spots = [k for k, w in enumerate(words) if len(w) >= 3 and "\0" not in w]
        if spots:
            k = s.rng.choice(spots)
            words[k] = _noisy(s.rng, words[k], s.split)
        text = " ".join(words).replace("\0", goal.value)
        wrong = "nlu_fallback" if s.rng.random() < 0.6 else s.rng.choice(D.CONFUSIONS[intent])
        mentions = (s.mention(text, goal.entity, goal.value),) if s.rng.random() < 0.6 else ()
        s.turn(text, wrong, s.rng.uniform(0.15, 0.6), mentions, D.ACTION_OF[wrong], _wrong_answer(s, wrong, goal),
               P.INPUT, second=intent)
    s.react(goal, _fix(s, goal, tpl, same=0.8))


def _wrong_answer(s: _Session, intent: str, goal: Goal) -> str:
    action = D.ACTION_OF[intent]
    if action in D.WRONG_ACTION_ANSWERS:
        return s.phrase(D.WRONG_ACTION_ANSWERS[action], v=goal.value)
    if action in D.SUCCESS:
        return s.phrase(D.SUCCESS[action], v=DEFAULTS.get(action, "top"))
    return s.phrase(D.WRONG_ACTION_ANSWERS["action_handle_fallback"])


def fail_intent(s: _Session, goal: Goal, tpl: str) -> None:
    intent = _intent_of(goal)
    wrong = s.rng.choice(D.CONFUSIONS[intent])
    text = tpl.format(v=goal.value)
    conf = s.rng.uniform(0.15, 0.5) if wrong == "nlu_fallback" else s.rng.uniform(0.3, 0.85)
    mentions = (s.mention(text, goal.entity, goal.value, 0.6),) if s.rng.random() < 0.5 else ()
    s.turn(text, wrong, conf, mentions, D.ACTION_OF[wrong], _wrong_answer(s, wrong, goal), P.INTENT, second=intent)
    s.react(goal, _fix(s, goal, tpl))


def fail_recognition(s: _Session, goal: Goal, tpl: str) -> None:
    intent = _intent_of(goal)
    action = D.ACTION_OF[intent]
    text = tpl.format(v=goal.value)
    words = goal.value.split()
    if len(words) > 1 and s.rng.random() < 0.6:  # cut wrong: "imagine" of "imagine dragons"
        part = " ".join(words[:-1]) if s.rng.random() < 0.5 else " ".join(words[1:])
        resolved = resolve(goal.entity, part).resolved
        answer = s.phrase(D.SUCCESS[action], v=resolved) if resolved else s.phrase(D.UNKNOWN_VALUE, v=part)
        mentions: tuple[Mention, ...] = (s.mention(text, goal.entity, part, 0.4),)
    else:  # missed: the skill falls back on its default
        answer, mentions = s.phrase(D.SUCCESS[action], v=DEFAULTS[action]), ()
    s.turn(text, intent, s.rng.uniform(0.5, 1.0), mentions, action, answer, P.ENTITY_RECOGNITION,
           second=s.rng.choice(D.CONFUSIONS[intent]))
    s.react(goal, _fix(s, goal, tpl, same=0.3))


def fail_resolution(s: _Session, goal: Goal, tpl: str) -> None:
    from preferences.catalogs import places, sports

    intent = _intent_of(goal)
    action = D.ACTION_OF[intent]
    if goal.entity == "city":
        said = str(s.pick(D.AMBIGUOUS_CITIES)).lower()
        found = places.candidates(said)
        meant = found[s.rng.randrange(1, min(3, len(found)))]
        fixed = Goal(goal.skill, "city", f"{said} {meant.region_name.lower()}", meant.key)
        shown = found[0].key
    elif goal.entity == "team":
        said = str(s.pick(D.AMBIGUOUS_TEAMS))
        found = sports.find_teams(said)
        fixed = Goal(goal.skill, "team", found[1].name.lower(), found[1].name)
        shown = found[0].name
    else:  # a real value the catalog does not know; the user settles for one it knows
        entity = "genre" if goal.entity == "artist" else goal.entity
        goal = Goal("play_genre", entity, goal.value, goal.meant) if entity != goal.entity else goal
        tpl = str(s.pick(D.SKILLS[goal.skill][2]))
        said, shown = s.rng.choice(_unknown(entity)), None
        value, meant = s.rng.choice(_values(entity, s.split))
        fixed = Goal(goal.skill, entity, value, meant)
    text = tpl.format(v=said)
    answer = (s.phrase(D.SUCCESS[action], v=shown) if shown else
              s.phrase(D.UNKNOWN_VALUE, v=said) if s.rng.random() < 0.6 else s.phrase(D.EMPTY[action], v=said))
    s.turn(text, intent, s.rng.uniform(0.5, 1.0), (s.mention(text, fixed.entity, said, 0.6),), action, answer,
           P.ENTITY_RESOLUTION, second=s.rng.choice(D.CONFUSIONS[intent]))
    s.react(fixed, _fix(s, fixed, tpl, same=0.6))


def fail_dialogue(s: _Session, goal: Goal, tpl: str) -> None:
    intent = _intent_of(goal)
    wrong = s.rng.choice([a for a in D.WRONG_ACTIONS if a != D.ACTION_OF[intent]])
    text = tpl.format(v=goal.value)
    answer = (s.phrase(D.WRONG_ACTION_ANSWERS[wrong], v=goal.value) if wrong in D.WRONG_ACTION_ANSWERS
              else s.phrase(D.SUCCESS[wrong], v=DEFAULTS[wrong]))
    s.turn(text, intent, s.rng.uniform(0.55, 1.0), (s.mention(text, goal.entity, goal.value),), wrong, answer,
           P.DIALOGUE, second=s.rng.choice(D.CONFUSIONS[intent]))
    s.react(goal, _fix(s, goal, tpl, same=0.5))


def fail_result(s: _Session, goal: Goal, tpl: str) -> None:
    intent = _intent_of(goal)
    action = D.ACTION_OF[intent]
    text = tpl.format(v=goal.value)
    r = s.rng.random()
    if r < 0.55:
        answer: str | None = s.phrase(D.EMPTY[action], v=goal.meant or goal.value)
    elif r < 0.7:
        answer = None
    else:  # a wrong answer: another value than the one asked for
        answer = s.phrase(D.SUCCESS[action], v=s.rng.choice(_values(goal.entity, s.split))[1])
    s.turn(text, intent, s.rng.uniform(0.55, 1.0), (s.mention(text, goal.entity, goal.value),), action, answer,
           P.RESULT, second=s.rng.choice(D.CONFUSIONS[intent]))
    s.react(goal, _fix(s, goal, tpl, same=0.6))


FAILS: dict[P, Callable[[_Session, Goal, str], None]] = {
    P.INPUT: fail_input, P.INTENT: fail_intent, P.ENTITY_RECOGNITION: fail_recognition,
    P.ENTITY_RESOLUTION: fail_resolution, P.DIALOGUE: fail_dialogue, P.RESULT: fail_result}


# --- correct turns, recoveries included --------------------------------------------------------
def succeed(s: _Session, goal: Goal, tpl: str) -> None:
    """A goal met: plainly, or after a repair that makes the turn correct (see the module docstring)."""
    from preferences.catalogs import places

    intent = _intent_of(goal)
    action = D.ACTION_OF[intent]
    r = s.rng.random()
    if r < 0.08 and goal.entity == "city":  # ambiguous place, the assistant asks, the user answers
        said = str(s.pick(D.AMBIGUOUS_CITIES)).lower()
        found = places.candidates(said)
        meant = found[s.rng.randrange(0, min(3, len(found)))]
        text = tpl.format(v=said)
        s.turn(text, intent, s.rng.uniform(0.55, 1.0), (s.mention(text, "city", said),), action,
               s.phrase(D.CLARIFY, v=said, a=found[0].label, b=found[1].label), P.CORRECT)
        region = meant.region_name.lower()
        s.turn(region, "inform", s.rng.uniform(0.5, 1.0), (s.mention(region, "city", region),), action,
               s.phrase(D.SUCCESS[action], v=meant.key), P.CORRECT, gap=s.rng.uniform(2, 8))
    elif r < 0.16:  # the entity missed, the assistant asks for it, the user says it
        text = tpl.format(v=goal.value)
        s.turn(text, intent, s.rng.uniform(0.55, 1.0), (), action, s.phrase(D.ASK_MISSING[goal.entity]), P.CORRECT)
        s.turn(goal.value, "inform", s.rng.uniform(0.5, 1.0), (s.mention(goal.value, goal.entity, goal.value),),
               action, s.phrase(D.SUCCESS[action], v=goal.meant or goal.value), P.CORRECT, gap=s.rng.uniform(2, 8))
    elif r < 0.24:  # misheard, but a rewrite repaired the words before NLU
        heard = _mishear(s.rng, goal.entity, goal.value, s.split)
        s.correct(goal, tpl.format(v=heard), interpreted=tpl.format(v=goal.value))
    elif r < 0.32:  # the right intent, barely
        s.correct(goal, tpl.format(v=goal.value), low=0.3)
    elif r < 0.37 and goal.entity in D.STATED:  # a statement of taste, remembered
        text = str(s.pick(D.STATEMENTS)).format(v=goal.value)
        s.turn(text, "state_preference", s.rng.uniform(0.55, 1.0), (s.mention(text, goal.entity, goal.value),),
               "action_learn_statement", s.phrase(D.WRONG_ACTION_ANSWERS["action_learn_statement"], v=goal.value),
               P.CORRECT)
    elif r < 0.42 and intent in D.BARE and goal.skill != "play_genre":  # nothing to name: the skill's default
        text = str(s.pick(D.BARE[intent]))
        s.turn(text, intent, s.rng.uniform(0.55, 1.0), (), action,
               s.phrase(D.SUCCESS[action], v=D.BARE_ANSWERS[action]), P.CORRECT)
    else:
        s.correct(goal, tpl.format(v=goal.value))
        if 0.42 <= r < 0.45:  # a false alarm: the user asks again although it worked
            s.correct(goal, tpl.format(v=goal.value), gap=s.rng.uniform(4, 20))


def _goal(s: _Session) -> Goal:
    skill = s.rng.choice(list(D.SKILLS))
    entity = D.SKILLS[skill][1]
    value, meant = s.rng.choice(_values(entity, s.split))
    return Goal(skill, entity, value, meant)


def _session(s: _Session, failure_rate: float, context_share: float = 0.0) -> None:
    from preferences.selflearning.failure_points.generate_context import converse  # it builds on this module

    points, weights = list(MIX), list(MIX.values())
    for g in range(s.rng.choice((1, 1, 2, 2, 3, 4))):
        goal = _goal(s)
        tpl = str(s.pick(D.SKILLS[goal.skill][2]))
        if g:
            s.t += s.rng.uniform(60, 240)  # a new goal: past the rephrase window
        if s.rng.random() < context_share:  # a follow-up, a correction, a playback control...
            converse(s, s.rng.random() < failure_rate)  # its own goal: weather and music weigh more there
        elif s.rng.random() < failure_rate:
            FAILS[s.rng.choices(points, weights)[0]](s, goal, tpl)
        else:
            succeed(s, goal, tpl)
        if s.rng.random() < 0.15:
            s.turn(str(s.pick(D.CHATTER[s.split == "test"])), "thank", 0.95, action="utter_youre_welcome",
                   answer="You're welcome!", gap=s.rng.uniform(2, 10))


def generate(config: TrafficConfig) -> Iterator[RawTurn]:
    """Raw turns of `config.sessions` sessions, session by session; request turns carry their label."""
    rng = random.Random(f"{config.split}:{config.seed}")
    users = max(1, config.sessions // 3)
    for i in range(config.sessions):
        user = f"{config.split}{config.seed}-u{rng.randrange(users)}"
        s = _Session(rng, config.split, user, f"{config.split}{config.seed}-s{i}",
                     config.start + i * config.seconds_per_session)
        _session(s, config.failure_rate, config.context_share)
        yield from s.turns


def generate_turns(n: int, seed: int = 0, split: str = "train", **options: float) -> list[RawTurn]:
    """At least `n` raw turns: whole sessions, stopping at the first session that reaches `n`."""
    out: list[RawTurn] = []
    config = TrafficConfig(seed, split, n, **options)  # type: ignore[arg-type]  # never more sessions than turns
    for turn in generate(config):
        if len(out) >= n and turn.turn.session_id != out[-1].turn.session_id:
            break
        out.append(turn)
    return out


__all__ = ["FAILS", "MIX", "START", "Goal", "TrafficConfig", "generate", "generate_turns", "succeed"]
