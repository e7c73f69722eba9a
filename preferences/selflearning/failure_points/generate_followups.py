"""Labelled traffic in context, part one: follow-ups, and what the user says while music plays.

The turns `generate_context` plays a goal with that lean on the turn before:
"and tomorrow?" and "what about in denver?" after a weather answer, a date
in the request itself, "another one by them" after music, "skip" or
"louder" while it plays, and the guided Q&A that "skip" belongs to. Each
kind first logs the request that sets the context (answered right), then
the turn under study with the label docs/failure-points.md ("Conversational
kinds") gives it, then the user's reaction. The dialogue's part is to carry
what the previous turn established: a skill that used the home city instead
of the previous turn's city failed there even though the skill itself ran.

A value a skill filled without words is recorded as the served assistant
logs it: value null, `how` "preference" for a taught default (the home
city), "asked" for a value taken from the conversation.
"""
from __future__ import annotations

from collections.abc import Callable

from preferences.resolution import How, ResolvedEntity
from preferences.selflearning.failure_points import generate_context_data as X
from preferences.selflearning.failure_points import generate_data as D
from preferences.selflearning.failure_points.classes import FailurePoint as P
from preferences.selflearning.failure_points.generate import (
    DEFAULTS, Goal, _intent_of, _Session, _values, _wrong_answer)
from preferences.selflearning.failure_points.trace import Mention

DOUBTFUL = (0.35, 0.69)  # the confidence NLU gives a misread chatter intent (below trace.DOUBTFUL_CHATTER)
Kind = Callable[[_Session, Goal, str, bool], None]


def _choose(s: _Session, weights: dict[str, float]) -> str:
    return s.rng.choices(list(weights), list(weights.values()))[0]


def _conf(s: _Session, low: float = 0.55) -> float:
    return s.rng.uniform(low, 1.0)


def _base(s: _Session, goal: Goal, tpl: str) -> None:
    """The request that sets the context: answered right."""
    s.correct(goal, tpl.format(v=goal.value))


def _later(s: _Session) -> float:
    """A follow-up comes soon after the answer it leans on."""
    return s.rng.uniform(3, 30)


def _filled(entity: str, value: str, how: How) -> tuple[ResolvedEntity, ...]:
    return (ResolvedEntity(entity, None, value, (), how),)


def _other(s: _Session, goal: Goal) -> tuple[str, str]:
    """Another value of the goal's entity (said, meant)."""
    pairs = [p for p in _values(goal.entity, s.split) if p[1] != goal.meant]
    return s.rng.choice(pairs)


def _fallback(s: _Session, text: str, mentions: tuple[Mention, ...], second: str, gap: float | None = None) -> None:
    """NLU found no intent (an intent failure): the fallback answer; NLU tags entities before it falls back."""
    s.turn(text, "nlu_fallback", s.rng.uniform(0.15, 0.45), mentions if s.rng.random() < 0.5 else (),
           "action_handle_fallback", s.phrase(D.WRONG_ACTION_ANSWERS["action_handle_fallback"]), P.INTENT,
           _later(s) if gap is None else gap, second=second)


def _misread_chatter(s: _Session, text: str, mentions: tuple[Mention, ...] = ()) -> None:
    """A request NLU took for chatter (or small talk), at the doubtful confidence such misreads have."""
    intent = s.rng.choice(("goodbye", "thank", "affirm", "greet", "out_of_scope"))
    if intent == "out_of_scope":
        s.turn(text, intent, s.rng.uniform(0.3, 0.8), mentions, "utter_out_of_scope",
               s.phrase(D.WRONG_ACTION_ANSWERS["utter_out_of_scope"]), P.INTENT, _later(s))
        return
    action, answers = X.CHATTER_ANSWERS[intent]
    s.turn(text, intent, s.rng.uniform(*DOUBTFUL), mentions, action, s.phrase(answers), P.INTENT, _later(s))


def _grumble_or_leave(s: _Session) -> None:
    """No rephrase that could work: the user complains, or says nothing more about it."""
    if s.rng.random() < 0.45:
        s.turn(str(s.pick(D.COMPLAINTS[s.split == "test"])), "dissatisfied", 0.9,
               action="action_handle_dissatisfaction", answer="Sorry. What did you mean?", gap=s.rng.uniform(2, 10))
    else:
        s.t += s.rng.uniform(60, 200)


# --- weather: dates and follow-ups -------------------------------------------------------------------
def _day(s: _Session, city: str, day: str) -> str:
    return s.phrase(X.WEATHER_DAY, v=city, d=day)


def date_request(s: _Session, goal: Goal, tpl: str, fail: bool, react: bool = True) -> None:
    """'weather in denver tomorrow': correct, result (the date tagged, answered for today) or entity
    recognition (the date not tagged, answered for today)."""
    template, day = s.pick(X.DATE_REQUESTS)  # type: ignore[misc]
    text = template.format(v=goal.value)
    city = s.mention(text, "city", goal.value)
    date = s.mention(text, "time", day)
    variant = _choose(s, {"result": 0.6, "untagged": 0.4}) if fail else "correct"
    mentions = (city,) if variant == "untagged" else (city, date)
    label = {"correct": P.CORRECT, "result": P.RESULT, "untagged": P.ENTITY_RECOGNITION}[variant]
    s.turn(text, "ask_weather", _conf(s), mentions, "action_weather",
           _day(s, goal.meant or goal.value, day if variant == "correct" else "today"), label,
           gap=s.rng.uniform(3, 15) if not react else 5.0, second=s.rng.choice(D.CONFUSIONS["ask_weather"]))
    if fail and react:
        s.react(goal, lambda: date_request(s, goal, template, fail=False, react=False))


def date_followup(s: _Session, goal: Goal, tpl: str, fail: bool) -> None:
    """'and tomorrow?' after the weather in a city. The city must come from the previous turn."""
    _base(s, goal, tpl)
    text, day = s.pick(X.DATE_FOLLOWUPS)  # type: ignore[misc]
    date, city = (s.mention(text, "time", day),), goal.meant or goal.value
    if not fail:
        if s.rng.random() < 0.25:  # the assistant asks for the city and the user says it: recovered
            s.turn(text, "ask_weather", _conf(s), date, "action_weather", s.phrase(D.ASK_MISSING["city"]), P.CORRECT,
                   _later(s))
            s.turn(goal.value, "inform", _conf(s, 0.5), (s.mention(goal.value, "city", goal.value),),
                   "action_weather", _day(s, city, day), P.CORRECT, gap=s.rng.uniform(2, 8))
        else:
            s.turn(text, "ask_weather", _conf(s), date, "action_weather", _day(s, city, day), P.CORRECT, _later(s),
                   filled=_filled("city", city, How.ASKED))
        return
    variant = _choose(s, {"home": 0.4, "asked": 0.1, "guided": 0.1, "fallback": 0.1, "chatter": 0.08,
                          "today": 0.12, "untagged": 0.1})
    if variant == "home":  # the skill used the home city: the previous turn's city was not carried
        home = city if s.rng.random() < 0.15 else _other(s, goal)[1]
        answer = f"{s.phrase(X.HOME_LEAD, v=home)} {_day(s, home, 'today')}"
        s.turn(text, "ask_weather", _conf(s), date, "action_weather", answer, P.RESULT if home == city else P.DIALOGUE,
               _later(s), filled=_filled("city", home, How.PREFERENCE))
    elif variant == "asked":  # asked for what the previous turn said; the user does not play along
        s.turn(text, "ask_weather", _conf(s), date, "action_weather", s.phrase(D.ASK_MISSING["city"]), P.DIALOGUE,
               _later(s))
        _grumble_or_leave(s)
        return
    elif variant == "guided":
        s.turn(text, "ask_weather", _conf(s), date, "action_guided_qa",
               s.phrase(D.WRONG_ACTION_ANSWERS["action_guided_qa"]), P.DIALOGUE, _later(s))
    elif variant == "fallback":
        _fallback(s, text, date, "ask_weather")
    elif variant == "chatter":
        _misread_chatter(s, text, date if s.rng.random() < 0.5 else ())
    else:  # the city carried, the date ignored: tagged (result) or not (recognition)
        s.turn(text, "ask_weather", _conf(s), date if variant == "today" else (), "action_weather",
               _day(s, city, "today"), P.RESULT if variant == "today" else P.ENTITY_RECOGNITION, _later(s),
               filled=_filled("city", city, How.ASKED))
    s.react(goal, lambda: date_request(s, goal, tpl, fail=s.rng.random() < 0.4, react=False))


# --- any skill: the same request with another value ------------------------------------------------
def value_followup(s: _Session, goal: Goal, tpl: str, fail: bool) -> None:
    """'what about in chicago?' after the weather in denver: the same request with another value."""
    _base(s, goal, tpl)
    said, meant = _other(s, goal)
    new = Goal(goal.skill, goal.entity, said, meant)
    text = str(s.pick(X.CITY_FOLLOWUPS if goal.entity == "city" else X.VALUE_FOLLOWUPS)).format(v=said)
    intent = _intent_of(goal)
    action, value = D.ACTION_OF[intent], (s.mention(text, goal.entity, said),)
    variant = _choose(s, {"fallback": 0.12, "chatter": 0.08, "other": 0.1, "untagged": 0.25, "action": 0.45}) \
        if fail else "correct"
    if variant == "correct":
        s.turn(text, intent, _conf(s), value, action, s.phrase(D.SUCCESS[action], v=meant), P.CORRECT, _later(s))
        return
    if variant == "fallback":
        _fallback(s, text, value, intent)
    elif variant == "chatter":
        _misread_chatter(s, text, value if s.rng.random() < 0.5 else ())
    elif variant == "other":  # another skill's intent
        wrong = s.rng.choice([c for c in D.CONFUSIONS[intent] if c != "nlu_fallback"])
        s.turn(text, wrong, s.rng.uniform(0.4, 0.85), value if s.rng.random() < 0.5 else (), D.ACTION_OF[wrong],
               _wrong_answer(s, wrong, new), P.INTENT, _later(s), second=intent)
    elif variant == "untagged":  # the new value said, not recognised: the skill fell back on its default
        if goal.entity == "city":
            home = _other(s, goal)[1]
            s.turn(text, intent, _conf(s), (), action,
                   f"{s.phrase(X.HOME_LEAD, v=home)} {s.phrase(D.SUCCESS[action], v=home)}", P.ENTITY_RECOGNITION,
                   _later(s), filled=_filled("city", home, How.PREFERENCE))
        else:
            s.turn(text, intent, _conf(s), (), action, s.phrase(D.SUCCESS[action], v=DEFAULTS[action]),
                   P.ENTITY_RECOGNITION, _later(s))
    else:  # understood (the skill's intent, or a bare answer), then the wrong action
        heard = intent if s.rng.random() < 0.5 else "inform"
        wrong = s.rng.choice(("action_handle_inform",) if heard == "inform" else
                             ("action_guided_qa", "action_handle_fallback", "action_learn_statement"))
        answer = (s.phrase(X.STORED, v=said) if wrong == "action_handle_inform"
                  else s.phrase(D.WRONG_ACTION_ANSWERS[wrong], v=said))
        s.turn(text, heard, _conf(s), value, wrong, answer, P.DIALOGUE, _later(s), second=intent)
    s.react(new, lambda: s.correct(new, s.request(new), gap=s.rng.uniform(3, 15)))


# --- music: more of it, and playback controls ---------------------------------------------------------
def more_followup(s: _Session, goal: Goal, tpl: str, fail: bool) -> None:
    """'another one by them' after music: the artist or genre playing must carry over."""
    _base(s, goal, tpl)
    text = str(s.pick(X.MORE_BY if goal.entity == "artist" and s.rng.random() < 0.6 else X.MORE_LIKE))
    playing = goal.meant or goal.value
    if not fail:
        s.turn(text, "play_music", _conf(s), (), "action_play_music", s.phrase(X.MORE_PLAYED[goal.entity], v=playing),
               P.CORRECT, _later(s), filled=_filled(goal.entity, playing, How.ASKED))
        return
    variant = _choose(s, {"lost": 0.5, "action": 0.25, "fallback": 0.15, "statement": 0.1})
    if variant == "lost":  # played from the profile or at random: what was playing forgotten
        other = _other(s, goal)[1]
        s.turn(text, "play_music", _conf(s), (), "action_play_music", s.phrase(X.OTHER_PLAYED, v=other), P.DIALOGUE,
               _later(s), filled=_filled(goal.entity, other, How.PREFERENCE) if s.rng.random() < 0.5 else ())
    elif variant == "action":
        wrong = s.rng.choice(("action_guided_qa", "action_handle_fallback"))
        s.turn(text, "play_music", _conf(s), (), wrong, s.phrase(D.WRONG_ACTION_ANSWERS[wrong]), P.DIALOGUE,
               _later(s))
    elif variant == "fallback":
        _fallback(s, text, (), "play_music")
    else:
        s.turn(text, "state_preference", s.rng.uniform(0.45, 0.85), (), "action_learn_statement",
               s.phrase(X.STORED, v="that"), P.INTENT, _later(s), second="play_music")
    s.react(goal, lambda: s.correct(goal, s.request(goal), gap=s.rng.uniform(3, 15)))


def playback(s: _Session, goal: Goal, tpl: str, fail: bool) -> None:
    """'skip' or 'louder' while music plays, labelled by the written convention
    (benchmarks/data/failure_points_labelling.md) as the real sets' labellers do: another track for 'skip'
    and the speaker for a volume word are right; the guided Q&A's "We're not in the middle of anything",
    a fallback or an "I can't" misread a request the assistant serves (intent); "Which device?" while
    the music plays understood the kind of request and lost the context (dialogue)."""
    _base(s, goal, tpl)
    skip = s.rng.random() < 0.5
    text = str(s.pick(X.SKIPS if skip else X.CONTROLS))
    gap = s.rng.uniform(20, 200)  # some of the music has played
    if not fail:
        if skip and s.rng.random() < 0.5:
            s.turn(text, "play_music", _conf(s), (), "action_play_music",
                   s.phrase(X.MORE_PLAYED[goal.entity], v=goal.meant or goal.value), P.CORRECT, gap,
                   filled=_filled(goal.entity, goal.meant or goal.value, How.ASKED))
        else:
            s.turn(text, "control_device", _conf(s), (), "action_control_device",
                   s.phrase(X.SPEAKER_SET, v=str(s.rng.choice((20, 30, 40, 60)))), P.CORRECT, gap)
        return
    r = s.rng.random()
    variant = ("guided" if r < 0.6 else "fallback" if r < 0.85 else "refused") if skip else (
        "fallback" if r < 0.45 else "device" if r < 0.8 else "refused")
    for attempt in range(2 if s.rng.random() < 0.3 else 1):  # the same words again get the same answer
        g = gap if attempt == 0 else s.rng.uniform(2, 8)
        if variant == "guided":  # read as the guided Q&A's skip, not the music's: a misread request
            s.turn(text, "skip", s.rng.uniform(0.6, 0.99), (), "action_guided_qa", s.phrase(X.GUIDED_SKIP),
                   P.INTENT, g)
        elif variant == "fallback":
            _fallback(s, text, (), "play_music", g)
        elif variant == "refused":  # "I can't do that" to a music control: misread as out of scope
            s.turn(text, "out_of_scope", s.rng.uniform(0.55, 0.95), (), "utter_out_of_scope",
                   s.phrase(D.WRONG_ACTION_ANSWERS["utter_out_of_scope"]), P.INTENT, g)
        else:  # a device command, right, but the playing speaker not carried: "Which device?"
            s.turn(text, "control_device", s.rng.uniform(0.4, 0.8), (), "action_control_device",
                   s.phrase(X.WHICH_DEVICE), P.DIALOGUE, g)
    _grumble_or_leave(s)


def guided_qa(s: _Session, goal: Goal, tpl: str, fail: bool) -> None:
    """'learn my preferences', then 'skip': the skip intent in the Q&A its rule serves. Correct; the same
    words while music plays are not (`playback`), and only the conversation tells the two apart."""
    s.turn(str(s.pick(X.QA_STARTS)), "learn_preferences", _conf(s, 0.6), (), "action_guided_qa",
           f"{s.phrase(X.QA_LEAD)} {X.QA_QUESTIONS[0]}", P.CORRECT)
    for k in range(1, s.rng.choice((2, 2, 3, 4))):
        s.turn(str(s.pick(X.QA_SKIPS)), "skip", _conf(s, 0.6), (), "action_guided_qa", X.QA_QUESTIONS[k], P.CORRECT,
               gap=s.rng.uniform(3, 12))


__all__ = ["DOUBTFUL", "Kind", "date_followup", "date_request", "guided_qa", "more_followup", "playback",
           "value_followup"]
