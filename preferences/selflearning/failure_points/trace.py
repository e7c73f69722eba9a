"""The per-turn trace that failure points are read from: the turn, its interpretation, and its context.

What a trace holds, and where each part comes from (recorded = in the log
as the assistant wrote it; derived = computed when the trace is built):

* recorded: the words (and the words NLU saw, if a rewrite applied), the
  intent with its confidence and the whole intent ranking, every entity
  with its extractor confidence and span, the actions that ran after the
  message, the answer, channel signals (barge-in, thumbs-down), and what
  the skill resolved each entity to, with its alternatives and how
  (`preferences.resolution`, logged with the answer since issue 12; the
  values a preference or the home city filled without being said are kept
  apart, in `TurnTrace.unnamed`);
* derived: the resolution of an entity the log has no record of (an older
  log, a JSON Lines file without ``resolutions``, an entity the skill that
  ran does not read), re-resolved with today's catalogs (`resolve`); for a
  missed value the nearest catalog spelling; the outcome and its signals
  (`outcome.label_session`, the same rules the miner uses), the previous and
  the next turn of the session, the previous request (the context a
  follow-up such as "and tomorrow?" leans on: its action, its entities and
  what they resolved to), and, when the user rephrased until a version
  succeeded, what differed between the failed and the successful version
  (`RephraseDiff`).

`TurnTrace.resolution_source` says which the resolutions came from
("recorded" when the turn carries the skill's record, else "derived"), and
each `Resolution.recorded` says it per entity.

`RawTurn` is the recorded part (what `sources` reads from the tracker store
or a JSON Lines log, and what the generator writes); `build_session` turns a
session of them into `TurnTrace`s. Only requests get a trace: complaints,
"stop" and chatter are context, not candidates for a failure point. One
exception: a turn NLU called chatter (greet, goodbye, thank, affirm) whose
words are no chatter phrase, when NLU was unsure (confidence under
`DOUBTFUL_CHATTER`) or tagged an entity in it: "and tomorrow night?" read as
goodbye is a request NLU misread, and would otherwise vanish from the report.
"""
from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass
from functools import lru_cache

from rapidfuzz import fuzz

from preferences.catalogs.text import fold
from preferences.selflearning.failure_points.classes import FailurePoint
from preferences.resolution import ResolvedEntity
from preferences.selflearning.failure_points.resolve import Resolution, from_record, resolve
from preferences.selflearning.normalize import request_key
from preferences.selflearning.outcome import CHATTER, CHATTER_INTENTS, TurnKind, is_reformulation, kinds_of, label_rows
from preferences.selflearning.settings import MiningSettings
from preferences.selflearning.turns import LoggedTurn

# Actions Rasa runs on every turn whatever the request: they say nothing about the choice.
BOOKKEEPING_ACTIONS = frozenset({"action_listen", "action_session_start", "action_extract_slots",
                                 "action_unlikely_intent", "action_restart", "action_back"})
MAX_REPHRASE_STEPS = 3  # a success further down a chain is usually another goal
CONTEXT_SECONDS = 300.0  # a request further back is not what a follow-up leans on (music may play meanwhile)
DOUBTFUL_CHATTER = 0.7  # below this, a chatter intent on words that are no chatter phrase is a candidate


@dataclass(frozen=True)
class Mention:
    """One entity as NLU recognised it."""

    entity: str
    value: str
    confidence: float | None = None
    start: int | None = None
    end: int | None = None


@dataclass(frozen=True)
class RawTurn:
    """What the log records of one user turn: the `LoggedTurn` plus the full interpretation and actions."""

    turn: LoggedTurn
    ranking: tuple[tuple[str, float], ...] = ()  # intent ranking, best first
    mentions: tuple[Mention, ...] = ()
    actions: tuple[str, ...] = ()  # run after the message, bookkeeping actions left out
    label: FailurePoint | None = None  # the true failure point, when known (the generator)
    resolutions: tuple[ResolvedEntity, ...] = ()  # the skill's record of what it resolved; () in older logs


@dataclass(frozen=True)
class ContextTurn:
    """The neighbour of a turn in its session."""

    text: str
    intent: str | None
    confidence: float | None
    kind: str  # TurnKind value
    outcome: str  # Outcome value, by the outcome rules
    gap: float  # seconds between the two turns
    action: str | None = None  # the first non-bookkeeping action after it
    entities: tuple[str, ...] = ()  # entity names NLU recognised in it or the skill filled without words
    values: tuple[str, ...] = ()  # what those resolved to (folded), recorded or derived
    asked: bool = False  # the assistant's answer to it was a question


@dataclass(frozen=True)
class RephraseDiff:
    """What differed between a failed request and the rephrase of it that succeeded."""

    steps: int  # 1: the next request succeeded; 2: the one after, ...
    text: str  # the successful version
    text_ratio: float  # RapidFuzz ratio of the two request keys
    intent_changed: bool
    intent: str | None  # the successful version's intent
    removed: tuple[str, ...]  # words only in the failed version
    added: tuple[str, ...]  # words only in the successful version
    spelling_ratio: float  # ratio of the removed words to the added ones: high = a spelling change
    entities_added: tuple[str, ...]  # entity names only the successful version had
    entities_lost: tuple[str, ...]  # entity names only the failed version had
    value_ratio: float  # lowest ratio between the old and new value of a shared entity (100 = all equal)
    value_extended: bool  # a new value contains the old one ("portland" -> "portland maine")
    value_was_said: bool  # a value of the successful version was already in the failed words
    resolution_changed: bool  # a shared entity resolved to another catalog value


@dataclass(frozen=True)
class TurnTrace:
    """One request turn with everything a failure point is read from (see the module docstring)."""

    user_id: str
    session_id: str
    ts: float
    text: str
    interpreted_text: str | None
    intent: str | None
    confidence: float | None
    ranking: tuple[tuple[str, float], ...]
    resolutions: tuple[Resolution, ...]
    action: str | None  # the first non-bookkeeping action after the message
    actions: tuple[str, ...]
    answer: str | None
    outcome: str  # success / defect by the outcome rules
    signals: int  # OutcomeSignal bit mask
    prev: ContextTurn | None
    next: ContextTurn | None
    rephrase: RephraseDiff | None
    label: FailurePoint | None = None
    unnamed: tuple[ResolvedEntity, ...] = ()  # recorded values the words did not name (a preference filled them)
    resolution_source: str = "derived"  # "recorded": the skill's record; "derived": re-resolved (an older log)
    context: ContextTurn | None = None  # the previous request, within CONTEXT_SECONDS: what a follow-up leans on


fold_cached = lru_cache(maxsize=1 << 16)(fold)

_SENTENCE_END = re.compile(r"(?<=[.?!])\s+")
_CLARIFYING = re.compile(r"(?:(?:for|in|at|with|by|about) )?(?:which|what|where|who|whom|when|how)\b")


def asks(answer: str | None) -> bool:
    """The answer asks the user for something: a wh-question or a choice ("Did you mean A or B?") anywhere.

    Not only a trailing "?": the assistant's questions are followed by examples ("Which city would you
    like the weather for? For example: ..."), and a closing yes/no prompt after an answer ("Playing X. Did I
    get that right?") asks for feedback, not for what the request lacked.
    """
    for sentence in _SENTENCE_END.split((answer or "").strip()):
        if sentence.endswith("?"):
            low = sentence.lower()
            if _CLARIFYING.match(low) or " or " in low:
                return True
    return False  # resolved values repeat across turns; folding showed in profiles


class _Neighbours:
    """The `ContextTurn`s of one session's turns; what does not depend on the gap is computed once per turn."""

    def __init__(self, raws: Sequence[RawTurn], kinds: Sequence[TurnKind], outcomes: Sequence[str],
                 merged: Sequence[tuple[tuple[Resolution, ...], tuple[ResolvedEntity, ...]]]) -> None:
        self.raws, self.kinds, self.outcomes, self.merged = raws, kinds, outcomes, merged
        self.parts: dict[int, tuple[str | None, tuple[str, ...], tuple[str, ...], bool]] = {}

    def of(self, j: int, ts: float) -> ContextTurn:
        """Turn j seen from a turn at time `ts`."""
        raw = self.raws[j]
        parts = self.parts.get(j)
        if parts is None:
            resolutions, unnamed = self.merged[j]
            chosen = next((a for a in raw.actions if a not in BOOKKEEPING_ACTIONS), None)
            names = tuple(r.entity for r in resolutions) + tuple(u.entity for u in unnamed)
            values = tuple(fold_cached(v) for v in (*(r.resolved for r in resolutions), *(u.resolved for u in unnamed))
                           if v)
            parts = self.parts[j] = (chosen, names, values, asks(raw.turn.answer))
        row = raw.turn
        return ContextTurn(row.text, row.intent, row.confidence, self.kinds[j].value, self.outcomes[j],
                           abs(row.ts - ts), *parts)


def is_candidate(raw: RawTurn, kind: TurnKind, key: str) -> bool:
    """A request, or a turn NLU doubtfully took for chatter although its words are no chatter phrase."""
    if kind is TurnKind.REQUEST:
        return True
    t = raw.turn
    return (kind is TurnKind.CHATTER and t.intent in CHATTER_INTENTS and key not in CHATTER
            and (bool(raw.mentions) or (t.confidence if t.confidence is not None else 1.0) < DOUBTFUL_CHATTER))


def _words(text: str) -> list[str]:
    return request_key(text).split()


def _values(raw: RawTurn) -> dict[str, str]:
    return {m.entity: fold_cached(m.value) for m in raw.mentions}


def _record_for(mention: Mention, records: Sequence[ResolvedEntity], used: set[int]) -> ResolvedEntity | None:
    """The skill's record of a mention: the same words, words that contain it (two city entities the skill
    read as one place, "portland" + "maine"), else the entity's next unread record (the skill cleaned them)."""
    value = fold_cached(mention.value)
    same = [i for i, r in enumerate(records) if r.entity == mention.entity and r.value is not None]
    for test in (lambda i: i not in used and fold_cached(records[i].value or "") == value,
                 lambda i: value != "" and f" {value} " in f" {fold_cached(records[i].value or '')} ",
                 lambda i: i not in used):
        hit = next((i for i in same if test(i)), None)
        if hit is not None:
            used.add(hit)
            return records[hit]
    return None


def resolutions_of(raw: RawTurn) -> tuple[tuple[Resolution, ...], tuple[ResolvedEntity, ...]]:
    """One resolution per mention (the skill's record when the log has it, else derived), and the records
    no mention accounts for (values filled by a preference or the home city, or kept from a repaired request)."""
    used: set[int] = set()
    out = []
    for m in raw.mentions:
        record = _record_for(m, raw.resolutions, used) if raw.resolutions else None
        out.append(from_record(record, m.value, m.confidence) if record is not None
                   else resolve(m.entity, m.value, m.confidence))
    return tuple(out), tuple(r for i, r in enumerate(raw.resolutions) if i not in used)


def _resolved(raw: RawTurn, resolutions: Sequence[Resolution] | None) -> dict[str, str | None]:
    return {r.entity: r.resolved for r in (resolutions if resolutions is not None else resolutions_of(raw)[0])}


def diff(failed: RawTurn, success: RawTurn, steps: int, failed_res: Sequence[Resolution] | None = None,
         success_res: Sequence[Resolution] | None = None) -> RephraseDiff:
    """What the successful version changed (see `RephraseDiff`); resolutions as `resolutions_of` gives them."""
    a, b = _words(failed.turn.effective_text), _words(success.turn.effective_text)
    removed = tuple(w for w in a if w not in b)
    added = tuple(w for w in b if w not in a)
    spelling = fuzz.ratio(" ".join(removed), " ".join(added)) if removed and added else 0.0
    old, new = _values(failed), _values(success)
    shared = [name for name in new if name in old]
    value_ratio = min((fuzz.ratio(old[n], new[n]) for n in shared), default=100.0)
    extended = any(old[n] != new[n] and old[n] in new[n] for n in shared)
    failed_words = " " + " ".join(a) + " "
    said = any(f" {request_key(v)} " in failed_words and old.get(n) != v for n, v in new.items())
    res_old, res_new = _resolved(failed, failed_res), _resolved(success, success_res)
    changed = any(n in res_old and res_old[n] != res_new[n] for n in res_new)
    return RephraseDiff(steps, success.turn.text, fuzz.ratio(" ".join(a), " ".join(b)),
                        failed.turn.intent != success.turn.intent, success.turn.intent, removed, added, spelling,
                        tuple(sorted(set(new) - set(old))), tuple(sorted(set(old) - set(new))), value_ratio,
                        extended, said, changed)


def _rephrase(i: int, raws: Sequence[RawTurn], kinds: Sequence[TurnKind], keys: Sequence[str],
              outcomes: Sequence[str], settings: MiningSettings,
              resolved: Sequence[tuple[Resolution, ...]]) -> RephraseDiff | None:
    """The first later request that reformulates turn i (step by step, within the window) and succeeded."""
    last, steps = i, 0
    for j in range(i + 1, len(raws)):
        if raws[j].turn.ts - raws[last].turn.ts > settings.window_seconds:
            return None
        if kinds[j] is not TurnKind.REQUEST:
            if kinds[j] is TurnKind.STOP:
                return None
            continue  # complaints and chatter in between do not end the attempt
        if not is_reformulation(raws[last].turn, keys[last], raws[j].turn, keys[j], settings, after_defect=True):
            return None
        steps += 1
        if outcomes[j] == "success":
            return diff(raws[i], raws[j], steps, resolved[i], resolved[j])
        if steps >= MAX_REPHRASE_STEPS:
            return None
        last = j
    return None


def build_session(raws: Sequence[RawTurn], settings: MiningSettings | None = None) -> list[TurnTrace]:
    """Traces of the requests of one session (any order in; time order out)."""
    settings = settings or MiningSettings()
    raws = sorted(raws, key=lambda r: r.turn.ts)
    rows = [r.turn.to_row() for r in raws]
    keys = [request_key(r.turn.text) for r in raws]
    kinds = kinds_of(rows, keys)
    labels = label_rows(rows, keys, kinds, settings)
    outcomes = [outcome for outcome, _ in labels]
    merged = [resolutions_of(r) for r in raws]
    per_mention = [resolutions for resolutions, _ in merged]
    traces = []
    neighbours = _Neighbours(raws, kinds, outcomes, merged)
    last_request = -1  # the latest request before turn i
    for i, raw in enumerate(raws):
        before, last_request = last_request, (i if kinds[i] is TurnKind.REQUEST else last_request)
        if not is_candidate(raw, kinds[i], keys[i]):
            continue
        t = raw.turn
        prev = neighbours.of(i - 1, t.ts) if i else None
        nxt = neighbours.of(i + 1, t.ts) if i + 1 < len(raws) else None
        context = None
        if before >= 0 and t.ts - raws[before].turn.ts <= CONTEXT_SECONDS:
            context = prev if before == i - 1 else neighbours.of(before, t.ts)
        # Looked for after every request, not only defects: the outcome rules miss a misheard name that NLU
        # still tagged ("maj and dragons" / "imagine dragons" differ as values), the rephrase does not.
        rephrase = _rephrase(i, raws, kinds, keys, outcomes, settings, per_mention)
        chosen = [a for a in raw.actions if a not in BOOKKEEPING_ACTIONS]
        resolutions, unnamed = merged[i]
        traces.append(TurnTrace(
            t.user_id, t.session_id, t.ts, t.text, t.interpreted_text, t.intent, t.confidence, raw.ranking,
            resolutions, chosen[0] if chosen else None, tuple(chosen), t.answer, outcomes[i], labels[i][1], prev, nxt,
            rephrase, raw.label, unnamed, "recorded" if raw.resolutions else "derived", context))
    return traces


__all__ = ["BOOKKEEPING_ACTIONS", "CONTEXT_SECONDS", "DOUBTFUL_CHATTER", "ContextTurn", "Mention", "RawTurn",
           "RephraseDiff", "TurnTrace", "asks", "build_session", "diff", "fold_cached", "is_candidate", "resolutions_of"]
