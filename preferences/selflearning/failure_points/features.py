"""Features of a trace for the classifier, and the tables the rules share with them.

Structure, not identity: which intent or which words a request has is
left out (an intent the training traffic mostly saw as a confusion, such as
``state_preference``, would otherwise count as wrong wherever it appears); the held-out traffic is worded differently
(other templates, other answers), and so will real traffic be, so a model
that learned the words would not transfer. What transfers is how the parts
behaved (confidence and margin, whether entities resolved and how near a
catalog name an unresolved one came, whether the action is the one the
intent calls for, whether the answer is empty, negative or names the value)
and how the user reacted (complained, interrupted, rephrased; and if the
rephrase worked, what it changed: a spelling, the intent, an entity that
was said but not recognised, a value made more precise).

A turn also depends on the conversation around it: "and tomorrow?" is a
fine request after the weather in Denver and a defect when answered for the
home city. So the previous request (within `trace.CONTEXT_SECONDS`) is
described too: how long ago, whether it ran the same action or a skill at
all, whether this turn names or is given an entity it had, whether a value
the skill filled without words is the one that request established or
another (the home city instead of Denver), whether the assistant's last
answer was a question (a bare answer then is expected), and whether the
turn opens like a follow-up ("and", "what about", "another"). A few closed
word classes stand in for what NLU may miss: date words ("tomorrow",
"saturday") said, tagged as a `time` entity or not, and an answer about
"today" to a request about another day.

Sentence embeddings were left out on purpose: embedding 100,000 turns with
the offline MiniLM takes about two minutes on this machine's CPU, twice the
whole budget for classifying a day, and the generator's wording is what must
not matter. Real wording does matter, learned mostly from real turns (the
generated ones count a fifth as much): that is the words model of `words.py`,
mixed with the trees' verdict.
"""
from __future__ import annotations

import re
from collections.abc import Iterable
from functools import lru_cache
from typing import Any

from rapidfuzz import fuzz, process
from sklearn.feature_extraction.text import ENGLISH_STOP_WORDS

from preferences.selflearning.failure_points.answers import chatter_fits, domain_words, reply_kind, request_domain
from preferences.selflearning.failure_points.namesakes import next_picks_namesake
from preferences.selflearning.failure_points.resolve import names_entity
from preferences.selflearning.failure_points.trace import ContextTurn, TurnTrace, asks, fold_cached
from preferences.selflearning.normalize import request_key
from preferences.selflearning.outcome import CHATTER_INTENTS
from preferences.selflearning.turns import SIGNAL_BITS

FALLBACK_INTENTS = frozenset({"nlu_fallback", "out_of_scope"})
# The action each intent's rule runs (rasa_project/data/rules.yml); skills' own are added from the registry.
INTENT_ACTIONS: dict[str, str] = {
    "play_music": "action_play_music", "ask_weather": "action_weather", "find_restaurant": "action_find_restaurant",
    "sports_score": "action_sports_score", "get_news": "action_news", "control_device": "action_control_device",
    "device_status": "action_device_status", "state_preference": "action_learn_statement",
    "state_dislike": "action_learn_statement", "inform": "action_handle_inform",
    "nlu_fallback": "action_handle_fallback",
    "out_of_scope": "utter_out_of_scope", "help": "utter_help", "greet": "utter_greet", "thank": "utter_youre_welcome",
    "goodbye": "utter_goodbye", "affirm": "action_handle_affirm", "deny": "action_handle_deny",
    "dissatisfied": "action_handle_dissatisfaction", "never_mind": "action_never_mind",
    "learn_preferences": "action_guided_qa", "skip": "action_guided_qa", "go_back": "action_guided_qa",
    "stop": "action_guided_qa", "what_do_you_know": "action_what_do_you_know",
    "forget_preference": "action_forget_preference", "forget_everything": "action_forget_everything",
    "why_choice": "action_explain_choice", "activate_mode": "action_activate_mode",
    "define_concept": "action_define_concept",
}
# The domain of what a skill's action answered, to set against the domain of the request's words.
ACTION_DOMAINS: dict[str, str] = {
    "action_play_music": "music", "action_weather": "weather", "action_find_restaurant": "restaurant",
    "action_sports_score": "sports", "action_news": "news", "action_control_device": "devices",
    "action_device_status": "devices",
}
# Entities a request of the intent needs (one of them): a request without any lost one.
NEEDS: dict[str, frozenset[str]] = {
    "play_music": frozenset({"artist", "genre", "song"}), "ask_weather": frozenset({"city"}),
    "find_restaurant": frozenset({"cuisine"}), "sports_score": frozenset({"team"}),
    "get_news": frozenset({"news_topic"}),
}
# Openings of a turn that leans on the one before ("and tomorrow?", "what about in denver", "another one").
_CONNECTIVE = re.compile(r"(?:and|what about|how about|also|same|another|more|one more|now|ok and|try|then)\b")
_DATE = re.compile(r"\b(?:tomorrow|tonight|weekend|next week|monday|tuesday|wednesday|thursday|friday|saturday|"
                   r"sunday|this (?:morning|afternoon|evening)|later)\b")
# A count or a time said ("for 6", "for four", "at 8"): asked "How many people?" after it, it was missed.
_NUMBER = re.compile(r"\b(?:\d+|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|couple)\b")
# A question ("who sings it", "how long is left", "whats the spread") and words pointing at what was just
# talked about: asked right after a skill's answer, it is about that answer, and "I can't do that" misses it.
_QUESTION = re.compile(r"(?:who|what|whats|what's|when|where|which|why|how|is|are|was|did|does|do|can|will)\b")
_REFERS_BACK = re.compile(r"\b(?:it|its|this|that|they|them|those|these|he|she|him|her|his|one|there)\b")
_CODES = re.compile(r"\b[A-Z]{2}\b")  # country codes in a place key or label ("Oslo, 12, NO" is no refusal)
# Words any request may carry without naming anything: English function words and the skills' own verbs and
# nouns. What a request says beyond these and beyond its tagged entities is something NLU did not account
# for ("play stromae" with nothing tagged; "score of the arsenal match"): the trace of a missed entity that
# no reaction reveals.
_GENERIC = frozenset(ENGLISH_STOP_WORDS) | frozenset("""
    play playing put hear listen listening queue start stop pause skip next resume louder quieter volume music
    song songs track tracks tune tunes album something anything stuff like love want wanna gonna need let lets
    pls please thanks thank ok okay hey hi yeah yes no nope uh um just really actually maybe bit little lot
    great perfect nice cool awesome lovely sounds fine sure cheers
    weather forecast temperature rain raining snow snowing sunny cold hot warm outside today tonight tomorrow
    weekend week morning afternoon evening night now later right current currently going will gonna
    news headlines latest story stories update updates happening
    score scores game games match won win lose lost play played team last night result results
    restaurant restaurants food eat eating place places dinner lunch breakfast table book reserve reservation
    near nearby good best cheap find recommend people person party
    turn switch set dim brighten lights light lamp device devices room house home degrees percent
    tell say know show give check help mean meant said told make get go
    i'm it's what's that's don't can't im whats thats dont cant
""".split())


def unexplained_words(text: str, values: Iterable[str]) -> int:
    """How many words of the request are neither generic nor inside a tagged entity's value."""
    covered = set(request_key(" ".join(values)).split())
    return sum(1 for w in request_key(text).split() if w not in _GENERIC and w not in covered and not w.isdigit())


def own_words(text: str) -> list[str]:
    """The request's own words: neither generic, nor numbers, nor shorter than three letters."""
    return [w for w in request_key(text).split() if w not in _GENERIC and not w.isdigit() and len(w) > 2]


def unanswered_words(text: str, answer: str | None) -> list[str]:
    """The request's own words (neither generic nor numbers) that the answer does not echo.

    What people read first: "play skinny love" answered "Playing 7 And 7 Is by Love", "did liverpool win
    today" answered "Which team?", "i'm a chelsea fan and i love thai food" answered "you like thai food".
    A word counts as echoed when the answer has it, has it inside a longer word ("radio" in "Radiohead"),
    or has a word within a typo of it (RapidFuzz ratio 80: "beyonse" and "beyonce").
    """
    words = own_words(text)
    if not words:
        return []
    key = request_key(answer or "")
    echoed = set(key.split())
    missing = [w for w in words if w not in echoed and w not in key]
    return [w for w in missing
            if not echoed or process.extractOne(w, echoed, scorer=fuzz.ratio, score_cutoff=80) is None]


# Where one request becomes two: "play some rock and tell me the weather", "lock the shed, the side gate".
_JOIN = re.compile(r"\s*(?:,|;|&|\band then\b|\bthen\b|\band also\b|\band\b|\bplus\b)\s*")


def request_parts(text: str) -> list[str]:
    """The parts of a request joined by "and", "then" or commas, each saying something of its own.

    A leading "and" ("and the kitchen") joins the turn to the last one, not two parts of it.
    """
    low = re.sub(r"^\s*(?:and|then|also)\b", "", text.lower())
    return [p for p in _JOIN.split(low) if p and (domain_words(p) or unexplained_words(p, ()))]


def parts_missed(parts: list[str], answer: str | None, answered_domain: str) -> int:
    """How many of a request's `parts` (`request_parts`) the answer passed over, when it has several.

    A part is passed over when the answer echoes none of its own words ("and then something by gorillaz"),
    or when its words are about another domain than the answer ("... and tell me the weather" answered with
    a song). Rule 8 of the labelling convention: the first part that failed is the failure point, so a
    request half done is a failure even when the half done was done right.
    """
    if len(parts) < 2:
        return 0
    missed = 0
    for part in parts:
        own = own_words(part)
        domain = request_domain(part)
        if (own and len(unanswered_words(part, answer)) == len(own)) or (
                domain != "none" and answered_domain != "none" and domain != answered_domain):
            missed += 1
    return missed


_NEGATIVE = re.compile(r"\b(?:couldn't|could not|can't|cannot|don't|do not|no|not|sorry|unavailable|nothing|unable)\b")


@lru_cache(maxsize=1)
def _skill_action_set() -> frozenset[str]:
    """Actions that carry out a request (a skill's), as against chatter, fallbacks and the learning layer."""
    return frozenset(_skill_actions().values()) | frozenset(INTENT_ACTIONS[i] for i in NEEDS) | {
        "action_control_device", "action_device_status"}


@lru_cache(maxsize=1)
def _skill_actions() -> dict[str, str]:
    try:
        from preferences.skills import registry

        return {intent: skill.action for intent, skill in registry.BY_INTENT.items()}
    except ImportError:  # a skill module mid-change: the rules' table names the same actions
        return {}


def expected_action(intent: str | None) -> str | None:
    """The action a correct policy runs for `intent` (None: unknown intent, no expectation)."""
    if intent is None:
        return None
    return _skill_actions().get(intent) or INTENT_ACTIONS.get(intent)


def answer_cues(trace: TurnTrace) -> tuple[bool, bool, bool, bool]:
    """(empty, negative, names the recognised or resolved value, asks a question)."""
    answer = (trace.answer or "").strip()
    if not answer:
        return True, False, False, False
    # lower(), not the catalogs' fold(): this runs per turn and answers echo the words. Country codes go
    # first: "Oslo, NO" is Norway, not a refusal.
    low = _CODES.sub("", answer).lower()
    names = any((r.value and r.value.lower() in low) or (r.resolved and r.resolved.split(",")[0].lower() in low)
                for r in trace.resolutions)
    return False, bool(_NEGATIVE.search(low)), names, asks(answer)


def _entity_features(trace: TurnTrace, out: dict[str, Any]) -> None:
    res = trace.resolutions
    catalogued = [r for r in res if r.catalogued]
    unresolved = [r for r in catalogued if r.missed]  # a closest stand-in is not what the words named
    out["n_entities"] = len(res)
    out["n_unresolved"] = len(unresolved)
    out["max_alternatives"] = max((len(r.alternatives) for r in res), default=0)
    out["near_score"] = max((r.near_score for r in unresolved), default=0.0)
    out["min_entity_conf"] = min((r.confidence for r in res if r.confidence is not None), default=1.0)
    needs = NEEDS.get(trace.intent or "")
    out["needed_missing"] = bool(needs) and not any(r.entity in needs for r in res)
    out["value_words"] = max((len(r.value.split()) for r in res), default=0)
    out["unexplained"] = unexplained_words(trace.text, (r.value for r in res))
    missing = unanswered_words(trace.text, trace.answer)
    out["unanswered"] = len(missing)
    # of those, the ones a catalog knows as a name: "madison" unanswered is a missed city, "jacket" is not
    out["unanswered_names"] = sum(1 for w in missing if names_entity(w) is not None)


def _rephrase_features(trace: TurnTrace, out: dict[str, Any]) -> None:
    d = trace.rephrase
    out["rephrased"] = d is not None
    if d is None:
        return
    values = " ".join(fold_cached(r.value) for r in trace.resolutions)
    out.update({
        "rp_steps": d.steps, "rp_text_ratio": d.text_ratio, "rp_intent_changed": d.intent_changed,
        "rp_spelling": d.spelling_ratio, "rp_removed": len(d.removed), "rp_added": len(d.added),
        "rp_entities_added": len(d.entities_added), "rp_entities_lost": len(d.entities_lost),
        "rp_value_ratio": d.value_ratio, "rp_value_extended": d.value_extended, "rp_value_said": d.value_was_said,
        "rp_resolution_changed": d.resolution_changed, "rp_same_words": not d.removed and not d.added,
        "rp_removed_in_value": bool(d.removed) and all(w in values.split() for w in d.removed),
        "rp_intent_expected": expected_action(d.intent) is not None and d.intent not in FALLBACK_INTENTS,
    })


def rephrase_fixed_domain(trace: TurnTrace) -> bool:
    """A skill of one domain answered, and the rephrase that worked moved to the domain the request's own
    words named: "put on the news" answered with music, then "read me the news" read as news.

    Each part alone is weak on real traffic (a follow-up changes intent too; "for dinner" names restaurants
    in a music request; a refusal has no domain to move from), all three together say NLU chose the wrong
    intent, and they are too rare for the trees to learn (a dozen in 5,000 generated turns, three in the
    fifteen real sets), so `rules.settled` decides them instead.
    """
    d = trace.rephrase
    if d is None or not d.intent_changed:
        return False
    said, answered = request_domain(trace.text), ACTION_DOMAINS.get(trace.action or "", "none")
    fixed = ACTION_DOMAINS.get(expected_action(d.intent) or "", "none")
    return "none" not in (said, answered) and said == fixed != answered


def _context_features(trace: TurnTrace, out: dict[str, Any]) -> None:
    """How this turn relates to the previous request (see the module docstring)."""
    c: ContextTurn | None = trace.context
    skills = _skill_action_set()
    out["action_skill"] = trace.action in skills
    out["chatter_intent"] = trace.intent in CHATTER_INTENTS
    out["declined"] = trace.intent == "out_of_scope"
    out["action_learns"] = trace.action == "action_learn_statement"
    low = trace.text.lower()
    out["connective"] = _CONNECTIVE.match(low) is not None
    dates = set(_DATE.findall(low))
    time_tagged = any(r.entity == "time" for r in trace.resolutions)
    answer = (trace.answer or "").lower()
    out["date_said"] = bool(dates)
    out["number_said"] = _NUMBER.search(low) is not None
    out["time_tagged"] = time_tagged
    out["day_mismatch"] = bool(dates or time_tagged) and "today" in answer and not dates & set(_DATE.findall(answer))
    filled = trace.unnamed
    out["filled"] = len(filled)
    said, answered = request_domain(trace.text), ACTION_DOMAINS.get(trace.action or "", "none")
    out["words_domain"] = said
    out["domain_mismatch"] = said != "none" and answered != "none" and said != answered
    parts = request_parts(trace.text)
    out["parts"] = min(len(parts), 3)
    out["parts_missed"] = parts_missed(parts, trace.answer, answered)
    out["ctx"] = c is not None
    if c is None:
        out["ctx_gap"] = CONTEXT_GAP
        return
    named = {r.entity for r in trace.resolutions}
    out["ctx_gap"] = c.gap
    out["ctx_ok"] = c.outcome == "success"
    out["ctx_skill"] = c.action in skills
    out["ctx_same_action"] = trace.action is not None and trace.action == c.action
    # "and barcelona" after a score, answered with Barcelona's weather: the conversation's domain dropped
    out["ctx_domain_switch"] = c.action in ACTION_DOMAINS and answered not in ("none", ACTION_DOMAINS[c.action])
    out["ctx_asked"] = c.asked
    out["ctx_names_shared"] = bool(named & set(c.entities))
    needs = NEEDS.get(c.intent or "")
    out["ctx_needed_unsaid"] = bool(needs) and not named & needs  # what the previous request needed, not said
    # "what about boston" after "weather in denver tomorrow", answered for today: the day was lost
    out["ctx_day_lost"] = not (dates or time_tagged) and "today" in answer and bool(_DATE.search(c.text.lower()))
    if filled:
        folded = [(u.entity, fold_cached(u.resolved)) for u in filled if u.resolved is not None]
        out["filled_from_ctx"] = any(v in c.values for _, v in folded)
        out["filled_not_ctx"] = any(e in c.entities and v not in c.values for e, v in folded)
    d = trace.rephrase
    out["rp_added_ctx"] = d is not None and bool(set(d.entities_added) & set(c.entities))


CONTEXT_GAP = 600.0  # the gap feature's value without a previous request


def features(trace: TurnTrace, rule: str | None = None) -> dict[str, Any]:
    """The feature dict of one trace (DictVectorizer one-hot encodes the strings)."""
    ranking = trace.ranking
    conf = trace.confidence if trace.confidence is not None else 0.0
    second = ranking[1][1] if len(ranking) > 1 else 0.0
    expected = expected_action(trace.intent)
    empty, negative, names, asks = answer_cues(trace)
    out: dict[str, Any] = {
        "confidence": conf, "margin": conf - second, "fallback": trace.intent in FALLBACK_INTENTS,
        "rewritten": trace.interpreted_text is not None,
        "words": len(trace.text.split()), "action_known": expected is not None,
        "action_expected": expected is not None and trace.action == expected, "no_action": trace.action is None,
        "answer_empty": empty, "answer_negative": negative, "answer_names_value": names, "answer_asks": asks,
        "defect": trace.outcome == "defect",
        # the answer's kind and the request's domain words (answers.py): a refusal or a question read with
        # what the words were about
        "reply_kind": reply_kind(trace.answer), "domain_words": domain_words(trace.text),
    }
    out["chatter_fits"] = chatter_fits(trace.text, out["reply_kind"])
    out["question"] = _QUESTION.match(trace.text.lower()) is not None or trace.text.rstrip().endswith("?")
    out["refers_back"] = _REFERS_BACK.search(trace.text.lower()) is not None
    for signal, bit in SIGNAL_BITS.items():
        out[f"signal_{signal.value}"] = bool(trace.signals & bit)
    _entity_features(trace, out)
    _rephrase_features(trace, out)
    nxt, prev = trace.next, trace.prev
    out["next_kind"] = nxt.kind if nxt else "none"
    out["next_gap"] = min(nxt.gap, 600.0) if nxt else 600.0
    out["next_same_intent"] = bool(nxt and nxt.intent == trace.intent)
    out["next_inform"] = bool(nxt and nxt.intent == "inform")
    # the user went on from this answer ("and tomorrow?"): asking the same again would be a rephrase
    out["next_followup"] = bool(nxt and nxt.kind == "request" and _CONNECTIVE.match(nxt.text.lower()) is not None)
    # "no, paris texas" right after Paris, France: the place was resolved to the wrong namesake (namesakes.py)
    out["next_namesake"] = next_picks_namesake(trace)
    out["prev_kind"] = prev.kind if prev else "none"
    out["prev_defect"] = bool(prev and prev.outcome == "defect" and prev.gap < 60)
    out["prev_gap"] = min(prev.gap, 600.0) if prev else 600.0
    out["prev_asked"] = bool(prev and prev.asked)
    _context_features(trace, out)
    if rule is not None:
        out["rule"] = rule
    return out


__all__ = ["FALLBACK_INTENTS", "INTENT_ACTIONS", "NEEDS", "answer_cues", "expected_action", "features",
           "rephrase_fixed_domain"]
