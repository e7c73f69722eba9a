"""Whether a turn succeeded, decided from how the user reacted: all the rules, in one place.

Nobody labels live traffic, so the outcome of a turn is read from what
happened around it. The rules, applied to each turn of one session in time
order ("the next turn" is the next turn of the same session, and counts only
if it comes within `MiningSettings.window_seconds`):

1. An explicit outcome in the input wins (a human label, or the simulator's
   ground truth). The signals below are still inferred and kept, for analysis.
2. Fallback: the intent is ``nlu_fallback`` (signal FALLBACK) or
   ``out_of_scope`` (OUT_OF_SCOPE), or the input already carries one of those
   signals. Defect.
3. Interrupted or disapproved: the turn carries BARGE_IN or THUMBS_DOWN (the
   channel reports them). Defect.
4. Rephrase: this turn and the next are both requests and the next
   reformulates this one (`is_reformulation`: the same key; similar keys by
   RapidFuzz, at `rephrase_ratio`, or at the lower
   `rephrase_ratio_after_defect` if rules 2-3 already hold; or the same
   intent with an overlapping entity; never when a number or an entity
   value changed). Signal REPHRASE. Defect: people do not ask again for
   what they just got.
5. Complaint: the next turn is a complaint ("no", "that's wrong", "not what
   I asked", or the intent ``dissatisfied``). Signal DISSATISFACTION. Defect.
6. Abandoned: the turn is the session's last request and it fell back
   (rule 2); only chatter, complaints or "stop" may follow. Signal ABANDONED.
   It is a defect by rule 2 already; the signal records that the user gave up.
7. Otherwise: success.

Which turns are requests (`TurnKind`) is decided here too, because rules 4-6
need it and the chain walk must agree with them: complaints, "stop"-like
turns and chatter ("thanks", "ok", a bare thumbs-down emoji) are not
requests, so they are never Markov states and never rewritten.
"""
from __future__ import annotations

import enum
import re
from collections.abc import Sequence
from dataclasses import replace
from functools import lru_cache

from rapidfuzz import fuzz

from preferences.selflearning.normalize import request_key
from preferences.selflearning.settings import MiningSettings
from preferences.selflearning.turns import SIGNAL_BITS, LoggedTurn, Outcome, OutcomeSignal, TurnRow, mask_to_signals


class TurnKind(str, enum.Enum):
    """What a user turn is, for the rules and the chains."""

    REQUEST = "request"  # asks the assistant to do or tell something: a Markov state
    COMPLAINT = "complaint"  # says the previous answer was wrong; a chain continues past it
    STOP = "stop"  # "stop", "never mind": ends a chain as a failure
    CHATTER = "chatter"  # greetings, thanks, yes/ok, empty after normalising; skipped


FALLBACK_INTENTS: dict[str, OutcomeSignal] = {
    "nlu_fallback": OutcomeSignal.FALLBACK,
    "out_of_scope": OutcomeSignal.OUT_OF_SCOPE,
}
COMPLAINT_INTENTS = frozenset({"dissatisfied"})
STOP_INTENTS = frozenset({"stop", "never_mind"})
CHATTER_INTENTS = frozenset({"greet", "goodbye", "thank", "affirm", "bot_challenge"})

# Whole-utterance complaints, and complaint openings that may go on ("that's not what I asked for, I said...").
# Compared with request keys, so without apostrophes or punctuation.
COMPLAINTS = frozenset({
    "no", "nope", "nah", "no no", "no no no", "wrong", "incorrect", "ugh", "not that", "not that one", "not this",
    "thats not it", "no thats not it", "thats not right", "that is not right", "wrong answer", "try again",
})
COMPLAINT_OPENINGS = (
    "thats wrong", "that is wrong", "thats not what i", "that is not what i", "not what i", "no thats wrong",
    "no thats not what i", "no that is not", "you got it wrong", "you misunderstood", "you didnt understand",
    "that didnt work", "it didnt work", "thats incorrect", "that is incorrect",
)
STOPS = frozenset({"stop", "cancel", "never mind", "nevermind", "forget it", "forget about it", "quit", "exit",
                   "shut up", "be quiet", "enough", "stop it"})
CHATTER = frozenset({
    "", "hi", "hello", "hey", "thanks", "thank you", "thanks a lot", "thank you very much", "ok", "okay", "yes",
    "yeah", "yep", "yup", "sure", "cool", "great", "nice", "perfect", "awesome", "bye", "goodbye", "good night",
    "good morning",
})

_DEFECT_ON_ITS_OWN = (SIGNAL_BITS[OutcomeSignal.FALLBACK] | SIGNAL_BITS[OutcomeSignal.OUT_OF_SCOPE]
                      | SIGNAL_BITS[OutcomeSignal.BARGE_IN] | SIGNAL_BITS[OutcomeSignal.THUMBS_DOWN])
_FELL_BACK = SIGNAL_BITS[OutcomeSignal.FALLBACK] | SIGNAL_BITS[OutcomeSignal.OUT_OF_SCOPE]
_INTENT_BITS = {intent: SIGNAL_BITS[signal] for intent, signal in FALLBACK_INTENTS.items()}
_REPHRASE = SIGNAL_BITS[OutcomeSignal.REPHRASE]
_DISSATISFACTION = SIGNAL_BITS[OutcomeSignal.DISSATISFACTION]
_ABANDONED = SIGNAL_BITS[OutcomeSignal.ABANDONED]
_NUMBER = re.compile(r"\d+")
# Module constants: attribute access on an enum class runs Python code, and label_rows runs per turn.
_REQUEST, _COMPLAINT = TurnKind.REQUEST, TurnKind.COMPLAINT
_SUCCESS, _DEFECT = Outcome.SUCCESS.value, Outcome.DEFECT.value
_DEFECT_MASK = _DEFECT_ON_ITS_OWN | _REPHRASE | _DISSATISFACTION


_OPENING = re.compile("(?:" + "|".join(map(re.escape, COMPLAINT_OPENINGS)) + ")(?: |$)")


def is_complaint(key: str) -> bool:
    return key in COMPLAINTS or _OPENING.match(key) is not None


@lru_cache(maxsize=1 << 16)  # pure, and the miner calls it per turn on a few thousand frequent (key, intent) pairs
def classify(key: str, intent: str | None = None) -> TurnKind:
    """The kind of a turn from its request key and, when NLU supplied one, its intent."""
    if intent in COMPLAINT_INTENTS or is_complaint(key):
        return TurnKind.COMPLAINT
    if intent in STOP_INTENTS or key in STOPS:
        return TurnKind.STOP
    if intent in CHATTER_INTENTS or key in CHATTER:
        return TurnKind.CHATTER
    return TurnKind.REQUEST


def is_reformulation(first: TurnRow | LoggedTurn, first_key: str, then: TurnRow | LoggedTurn, then_key: str,
                     settings: MiningSettings, after_defect: bool = False) -> bool:
    """True if `then` asks for what `first` asked for (rule 4; the chain walk uses the same test).

    Similar words: the larger of RapidFuzz ratio and token_ratio of the keys
    reaches `rephrase_ratio` (`rephrase_ratio_after_defect` when `first`
    already failed on its own). A changed value is a new request however
    similar the words: other numbers ("set it to 68" / "to 70"; a number
    only on one side is no value change: "play you too" / "play u2"), or, when
    NLU understood both turns as the same intent, an entity with another
    value ("play queen" / "play adele"). Similar meaning: the same intent and
    a shared entity value.
    """
    if first_key == then_key:
        return True
    cutoff = settings.rephrase_ratio_after_defect if after_defect else settings.rephrase_ratio
    same_intent = first.intent is not None and first.intent == then.intent and first.intent not in FALLBACK_INTENTS
    if same_intent and first.entities and then.entities:
        values = dict(first.entities)
        # Another value is a new request ("play queen" / "play adele"), unless the two values are spelled
        # alike: then it is the same name, misheard or mistyped ("the artic monks" / "arctic monkeys").
        if any(name in values and values[name] != value
               and fuzz.ratio(request_key(values[name]), request_key(value)) < cutoff
               for name, value in then.entities):
            return False
        if not set(first.entities).isdisjoint(then.entities):
            return True
    numbers, then_numbers = _NUMBER.findall(first_key), _NUMBER.findall(then_key)
    if numbers and then_numbers and numbers != then_numbers:
        return False
    return bool(fuzz.ratio(first_key, then_key, score_cutoff=cutoff)
                or fuzz.token_ratio(first_key, then_key, score_cutoff=cutoff))


def kinds_of(rows: Sequence[TurnRow], keys: Sequence[str]) -> list[TurnKind]:
    return [classify(key, row.intent) for row, key in zip(rows, keys)]


def label_rows(rows: Sequence[TurnRow], keys: Sequence[str], kinds: Sequence[TurnKind],
               settings: MiningSettings) -> list[tuple[str, int]]:
    """(outcome value, signal mask) per row of one session; rows sorted by time, `keys` = request keys of their text.

    The implementation of the module's rules; `label_session` is the
    dataclass face of it.
    """
    window = settings.window_seconds
    last_request = len(kinds) - 1
    while last_request >= 0 and kinds[last_request] is not _REQUEST:
        last_request -= 1
    labels: list[tuple[str, int]] = []
    n = len(rows)
    for i, row in enumerate(rows):
        mask = row.signals | _INTENT_BITS.get(row.intent, 0)  # type: ignore[arg-type]
        if i + 1 < n and rows[i + 1].ts - row.ts <= window:
            nxt_kind = kinds[i + 1]
            if nxt_kind is _COMPLAINT:
                mask |= _DISSATISFACTION
            elif (nxt_kind is _REQUEST and kinds[i] is _REQUEST
                  and is_reformulation(row, keys[i], rows[i + 1], keys[i + 1], settings,
                                       after_defect=bool(mask & _DEFECT_ON_ITS_OWN))):
                mask |= _REPHRASE
        if i == last_request and mask & _FELL_BACK:
            mask |= _ABANDONED
        if row.outcome is not None:
            labels.append((row.outcome, mask))
        else:
            labels.append((_DEFECT if mask & _DEFECT_MASK else _SUCCESS, mask))
    return labels


def by_time(turns: Sequence[LoggedTurn]) -> list[LoggedTurn]:
    """Turns in time order; equal times keep their input order (logs may be written out of order)."""
    return sorted(turns, key=lambda t: t.ts)


def label_session(turns: Sequence[LoggedTurn], settings: MiningSettings | None = None) -> list[LoggedTurn]:
    """The session's turns in time order, each with its outcome and signals filled by the rules above.

    Signals already present are kept; an outcome already present is kept (rule 1).
    """
    settings = settings or MiningSettings()
    ordered = by_time(turns)
    rows = [t.to_row() for t in ordered]
    keys = [request_key(t.text) for t in ordered]
    labels = label_rows(rows, keys, kinds_of(rows, keys), settings)
    return [replace(t, outcome=Outcome(outcome), signals=mask_to_signals(mask))
            for t, (outcome, mask) in zip(ordered, labels)]
