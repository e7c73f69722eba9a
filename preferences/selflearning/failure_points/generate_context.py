"""Labelled traffic, part two: turns that only make sense in the conversation around them.

`generate` breaks one part of the pipeline in a request that stands alone.
Real traffic fails mostly elsewhere: in follow-ups that lean on the turn
before ("and tomorrow?", "what about in denver?", "another one by them"),
in playback controls said while music plays, in corrections ("no, I meant
portland maine") that the learning layer files as a preference, in
statements taken for requests and back, in requests no skill serves that a
skill answers anyway, and in turns that look like failures and are not (a
thank-you NLU was unsure of, a complaint after a right answer). This module
writes those, with the label the rules in docs/failure-points.md
("Conversational kinds") give them: the first part that failed, where the
dialogue's part is to carry what the previous turn established.

Each kind is one function `(session, goal, template, fail)`: it usually logs
the turn that sets the context first (a correct request), then the turn
under study, then the user's reaction (`_Session.react`). The follow-ups and
what is said while music plays are in `generate_followups`; corrections,
statements, requests no skill serves and the look-alikes of failures here,
with `KINDS` (which kind fits which goal, and how often) and `converse`,
which `generate` calls for `TrafficConfig.context_share` of the goals.
Wording comes in train and test halves (`generate_context_data`).
"""
from __future__ import annotations

from collections.abc import Callable

from preferences.selflearning.failure_points import generate_context_data as X
from preferences.selflearning.failure_points import generate_data as D
from preferences.selflearning.failure_points.classes import FailurePoint as P
from preferences.selflearning.failure_points.generate import Goal, _intent_of, _mishear, _Session, _values
from preferences.selflearning.failure_points.generate_followups import (
    DOUBTFUL, Kind, _base, _choose, _conf, _grumble_or_leave, date_followup, date_request, guided_qa, more_followup,
    playback, value_followup)


# --- any skill: a correction, statements, what no skill serves ----------------------------------------
def correction(s: _Session, goal: Goal, tpl: str, fail: bool) -> None:
    """'no, I meant portland maine' after a wrong answer: to be acted on as the corrected request."""
    from preferences.catalogs import places

    intent = _intent_of(goal)
    action = D.ACTION_OF[intent]
    if goal.entity == "city":  # the wrong one of several places (entity resolution)
        said = str(s.pick(D.AMBIGUOUS_CITIES)).lower()
        found = places.candidates(said)
        meant = found[s.rng.randrange(1, min(3, len(found)))]
        text = tpl.format(v=said)
        s.turn(text, intent, _conf(s), (s.mention(text, "city", said),), action,
               s.phrase(D.SUCCESS[action], v=found[0].key), P.ENTITY_RESOLUTION)
        fixed = Goal(goal.skill, "city", f"{said} {meant.region_name.lower()}", meant.key)
        heard = found[0].region_name.lower()
    else:  # the name misheard (input)
        heard = _mishear(s.rng, goal.entity, goal.value, s.split)
        text = tpl.format(v=heard)
        s.turn(text, intent, s.rng.uniform(0.45, 0.95), (s.mention(text, goal.entity, heard, 0.4),), action,
               s.phrase(D.UNKNOWN_VALUE, v=heard), P.INPUT)
        fixed = goal
    said_text = str(s.pick(X.CORRECTIONS)).format(v=fixed.value, h=heard)
    value = (s.mention(said_text, fixed.entity, fixed.value),)
    gap = s.rng.uniform(2, 12)
    variant = _choose(s, {"statement": 0.2, "dislike": 0.08, "deny": 0.07, "stored": 0.65}) if fail else "correct"
    if variant == "correct":
        s.turn(said_text, intent, _conf(s), value, action, s.phrase(D.SUCCESS[action], v=fixed.meant or fixed.value),
               P.CORRECT, gap)
        return
    if variant == "statement":  # NLU heard a statement of taste
        s.turn(said_text, "state_preference", s.rng.uniform(0.5, 0.9), value, "action_learn_statement",
               s.phrase(D.WRONG_ACTION_ANSWERS["action_learn_statement"], v=fixed.value), P.INTENT, gap, second=intent)
    elif variant == "dislike":  # ... or a dislike of what the assistant took
        disliked = heard if heard in said_text else fixed.value  # what NLU tags as disliked: the words there are
        s.turn(said_text, "state_dislike", s.rng.uniform(0.5, 0.9), (s.mention(said_text, fixed.entity, disliked),),
               "action_learn_statement", s.phrase(X.DISLIKED, v=disliked), P.INTENT, gap, second=intent)
    elif variant == "deny":
        s.turn(said_text, "deny", s.rng.uniform(0.5, 0.9), value, "action_handle_deny", s.phrase(X.DENIED), P.INTENT,
               gap, second=intent)
    else:  # understood as the request (or a bare answer), then filed as a preference
        heard_intent = intent if s.rng.random() < 0.5 else "inform"
        wrong = "action_handle_inform" if heard_intent == "inform" else "action_learn_statement"
        answer = (s.phrase(X.STORED, v=fixed.value) if wrong == "action_handle_inform"
                  else s.phrase(D.WRONG_ACTION_ANSWERS[wrong], v=fixed.value))
        s.turn(said_text, heard_intent, _conf(s), value, wrong, answer, P.DIALOGUE, gap, second=intent)
    s.react(fixed, lambda: s.correct(fixed, s.request(fixed), gap=s.rng.uniform(3, 15)))


def statement(s: _Session, goal: Goal, tpl: str, fail: bool) -> None:
    """'i'm into k-pop' (a statement: remember it) or 'i'm in the mood for k-pop' (a request: act on it)."""
    intent = _intent_of(goal)
    action = D.ACTION_OF[intent]
    if goal.entity in X.MOOD_ENTITIES and s.rng.random() < 0.5:  # a request worded like a statement
        text = str(s.pick(X.MOODS)).format(v=goal.value)
        value = (s.mention(text, goal.entity, goal.value),)
        if not fail:
            s.correct(goal, text)
            return
        s.turn(text, "state_preference", s.rng.uniform(0.5, 0.9), value, "action_learn_statement",
               s.phrase(D.WRONG_ACTION_ANSWERS["action_learn_statement"], v=goal.value), P.INTENT, second=intent)
        s.react(goal, lambda: s.correct(goal, s.request(goal), gap=s.rng.uniform(3, 15)))
        return
    text = str(s.pick(X.TASTES)).format(v=goal.value)
    value = (s.mention(text, goal.entity, goal.value),)
    learnt = s.phrase(D.WRONG_ACTION_ANSWERS["action_learn_statement"], v=goal.value)
    if not fail:
        s.turn(text, "state_preference", _conf(s), value, "action_learn_statement", learnt, P.CORRECT)
        return
    s.turn(text, intent, s.rng.uniform(0.5, 0.9), value, action, s.phrase(D.SUCCESS[action], v=goal.meant),
           P.INTENT, second="state_preference")
    if s.rng.random() < 0.35:  # says it again as a plain statement, which works
        again = str(s.pick(D.STATEMENTS)).format(v=goal.value)
        s.turn(again, "state_preference", _conf(s), (s.mention(again, goal.entity, goal.value),),
               "action_learn_statement", learnt, P.CORRECT, gap=s.rng.uniform(3, 15))
    else:
        _grumble_or_leave(s)


def unservable(s: _Session, goal: Goal, tpl: str, fail: bool) -> None:
    """'book a flight to denver': no skill serves it. Declining is right; a skill answering it is an intent
    failure (NLU should have said out of scope)."""
    text = str(s.pick(X.UNSERVABLE[goal.skill])).format(v=goal.value)
    value = (s.mention(text, goal.entity, goal.value),)
    if not fail:
        s.turn(text, "out_of_scope", s.rng.uniform(0.5, 0.95), value if s.rng.random() < 0.5 else (),
               "utter_out_of_scope", s.phrase(D.WRONG_ACTION_ANSWERS["utter_out_of_scope"]), P.CORRECT)
        return
    intent = _intent_of(goal)
    action = D.ACTION_OF[intent]
    answer = s.phrase(D.SUCCESS[action], v=goal.meant)
    s.turn(text, intent, s.rng.uniform(0.45, 0.95), value, action, answer, P.INTENT, second="out_of_scope")
    if s.rng.random() < 0.3:  # asks again in the same words, and gets the same answer
        s.turn(text, intent, s.rng.uniform(0.45, 0.95), value, action, answer, P.INTENT, gap=s.rng.uniform(3, 12),
               second="out_of_scope")
    _grumble_or_leave(s)


# --- correct turns that look like failures ------------------------------------------------------------
def acknowledge(s: _Session, goal: Goal, tpl: str, fail: bool) -> None:
    """'thanks that's perfect' after a right answer, which NLU may be unsure of: correct."""
    _base(s, goal, tpl)
    text, intent = s.pick(X.ACKNOWLEDGEMENTS)  # type: ignore[misc]
    action, answers = X.CHATTER_ANSWERS[intent]
    conf = s.rng.uniform(*DOUBTFUL) if s.rng.random() < 0.6 else s.rng.uniform(0.7, 0.99)
    s.turn(text, intent, conf, (), action, s.phrase(answers), P.CORRECT, gap=s.rng.uniform(2, 10))


def grumble(s: _Session, goal: Goal, tpl: str, fail: bool) -> None:
    """A right answer, and a complaint anyway ('ugh' at the forecast): the request is still correct."""
    _base(s, goal, tpl)
    s.turn(str(s.pick(X.GRUMBLES)), "dissatisfied", 0.9, action="action_handle_dissatisfaction",
           answer="Sorry. What did you mean?", gap=s.rng.uniform(2, 10))
    s.t += s.rng.uniform(60, 200)


MUSIC = frozenset({"play_music", "play_genre"})
# name -> (function, which goals it fits, weight, whether it can fail)
KINDS: dict[str, tuple[Kind, Callable[[Goal], bool], float, bool]] = {
    "date_followup": (date_followup, lambda g: g.skill == "ask_weather", 3.0, True),
    "date_request": (date_request, lambda g: g.skill == "ask_weather", 2.0, True),
    "value_followup": (value_followup, lambda g: True, 2.5, True),
    "more_followup": (more_followup, lambda g: g.skill in MUSIC, 2.5, True),
    "playback": (playback, lambda g: g.skill in MUSIC, 2.0, True),
    "correction": (correction, lambda g: True, 2.0, True),
    "statement": (statement, lambda g: g.entity in D.STATED, 1.5, True),
    "unservable": (unservable, lambda g: g.skill in X.UNSERVABLE, 1.0, True),
    "guided_qa": (guided_qa, lambda g: True, 0.8, False),
    "acknowledge": (acknowledge, lambda g: True, 1.5, False),
    "grumble": (grumble, lambda g: True, 1.0, False),
}


# Skills of the goals played in context: the weather and music are where conversations go on.
SKILL_WEIGHTS = {"ask_weather": 0.3, "play_music": 0.2, "play_genre": 0.14, "find_restaurant": 0.12,
                 "sports_score": 0.12, "get_news": 0.12}


def converse(s: _Session, fail: bool) -> str:
    """Play one goal as a conversational kind that fits it (one that can fail when `fail`); its name."""
    skill = s.rng.choices(list(SKILL_WEIGHTS), list(SKILL_WEIGHTS.values()))[0]
    entity = D.SKILLS[skill][1]
    said, meant = s.rng.choice(_values(entity, s.split))
    goal = Goal(skill, entity, said, meant)
    tpl = str(s.pick(D.SKILLS[skill][2]))
    names = [n for n, (_, fits, _, can_fail) in KINDS.items() if fits(goal) and (can_fail or not fail)]
    name = s.rng.choices(names, [KINDS[n][2] for n in names])[0]
    KINDS[name][0](s, goal, tpl, fail)
    return name


__all__ = ["KINDS", "converse"]
