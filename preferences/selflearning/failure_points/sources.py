"""Where raw turns come from: Rasa's SQL tracker store, or a JSON Lines log (and the generator writes one).

The tracker store: `tracker_store._Assembler` already turns Rasa's events
into `LoggedTurn`s with the rules the miner uses (sessions, answers, the
signals a later message carries for the previous answer). It is reused, not
copied, so the two readers cannot drift apart; this module only keeps, beside
each turn, what the miner throws away: the intent ranking, the entities'
confidences and spans, the actions that ran, and what the skill resolved
each entity to: the list the action server writes into the metadata of the
turn's bot message under ``resolutions`` (`preferences.resolution`; absent
in logs written before it, and then the trace derives them).

JSON Lines: the miner's line format (`jsonl`), plus the optional fields
``ranking`` (``[[intent, confidence], ...]`` or Rasa's ``intent_ranking``
objects), ``entities`` as Rasa's objects (``confidence_entity``, ``start``,
``end`` are kept), ``actions`` (names), ``resolutions`` (the skill's
records, as logged) and ``failure_point`` (a known label). `prefs log
export` writes this format, so an export keeps everything a trace reads. A
bad line is skipped and counted, never fatal; a bad ``resolutions`` item is
dropped.
"""
from __future__ import annotations

import json
import logging
import time
from collections import Counter, defaultdict
from collections.abc import Iterable, Iterator
from pathlib import Path
from typing import Any

from sqlalchemy.engine import Engine

try:  # Rasa's dependency, several times faster than json at decoding; same errors (ValueError)
    from ujson import loads as _loads
except ImportError:  # pragma: no cover - without Rasa
    _loads = json.loads

from preferences.resolution import METADATA_KEY, ResolvedEntity, from_json_list
from preferences.selflearning.failure_points.classes import FailurePoint
from preferences.selflearning.failure_points.trace import BOOKKEEPING_ACTIONS, Mention, RawTurn
from preferences.selflearning.jsonl import BadRecord, Malformed, record_from_mapping, turn_to_json
from preferences.selflearning.tracker_store import BATCH_ROWS, _Assembler, event_rows
from preferences.selflearning.turns import LoggedTurn, TurnRow

_LABELS = {p.value: p for p in FailurePoint}
log = logging.getLogger(__name__)


def _number(value: Any) -> float | None:
    return float(value) if isinstance(value, (int, float)) and not isinstance(value, bool) else None


def ranking_of(value: Any) -> tuple[tuple[str, float], ...]:
    """An intent ranking from Rasa's ``[{"name", "confidence"}]`` or ``[[name, confidence]]``."""
    out = []
    for item in value or ():
        name, conf = (item.get("name"), item.get("confidence")) if isinstance(item, dict) else (
            tuple(item) if isinstance(item, (list, tuple)) and len(item) == 2 else (None, None))
        if isinstance(name, str) and _number(conf) is not None:
            out.append((name, float(conf)))
    return tuple(out)


def mentions_of(value: Any) -> tuple[Mention, ...]:
    """Entities from Rasa's objects (with confidences and spans) or ``[name, value]`` pairs."""
    out = []
    for e in value or ():
        if isinstance(e, dict) and isinstance(e.get("entity"), str) and e.get("value") is not None:
            v = e["value"] if isinstance(e["value"], str) else json.dumps(e["value"])
            conf = _number(e.get("confidence_entity", e.get("confidence")))
            start, end = e.get("start"), e.get("end")
            out.append(Mention(e["entity"], v, conf, start if isinstance(start, int) else None,
                               end if isinstance(end, int) else None))
        elif isinstance(e, (list, tuple)) and len(e) == 2 and isinstance(e[0], str) and e[1] is not None:
            out.append(Mention(e[0], e[1] if isinstance(e[1], str) else json.dumps(e[1])))
    return tuple(out)


# --- the tracker store --------------------------------------------------------------------------

class _Details:
    """The part of one user event the miner's turn leaves out, plus the actions and resolutions after it."""

    def __init__(self, data: dict[str, Any]) -> None:
        parse = data.get("parse_data") or {}
        self.ranking = ranking_of(parse.get("intent_ranking"))
        self.mentions = mentions_of(parse.get("entities"))
        self.actions: list[str] = []
        self.resolutions: list[ResolvedEntity] = []

    def add_bot(self, raw: str) -> None:
        """The skill's resolutions from a bot event's metadata (the event's other fields are the miner's)."""
        try:
            data = json.loads(raw)
        except ValueError:
            return  # the assembler counts the bad row
        metadata = data.get("metadata") if isinstance(data, dict) else None
        if isinstance(metadata, dict):
            self.resolutions.extend(from_json_list(metadata.get(METADATA_KEY)))

    def raw(self, turn: LoggedTurn) -> RawTurn:
        return RawTurn(turn, self.ranking, self.mentions, tuple(self.actions), resolutions=tuple(self.resolutions))


def iter_tracker_raw(url_or_engine: str | Engine, *, batch_rows: int = BATCH_ROWS,
                     since: float | None = None) -> Iterator[RawTurn]:
    """Every user turn of the tracker store with its full interpretation and actions, sender by sender.

    The events come from `tracker_store.event_rows`, as the miner's do. A turn is
    yielded by the assembler exactly when the next one begins, so the details
    collected since the previous user event belong to the turn it yields.
    `since` (epoch seconds) reads only later events; session numbers then
    count from there (the ids differ from a full read, the sessions do not).
    """
    assembler, details = _Assembler(), None
    for _, sender, type_name, ts, action, raw in event_rows(url_or_engine, batch_rows=batch_rows, since=since):
        before, current = assembler.pending, details
        for turn in assembler.add(sender, type_name, ts, action, raw):
            yield (current or _Details({})).raw(turn)
        open_turn = details is not None and assembler.pending is not None and not assembler.pending.answered
        if assembler.pending is not before and assembler.pending is not None:
            details = _Details(json.loads(raw or "{}"))
        elif type_name == "action" and action not in BOOKKEEPING_ACTIONS and open_turn:
            details.actions.append(action)
        elif type_name == "bot" and open_turn and raw and METADATA_KEY in raw:  # most answers carry none
            details.add_bot(raw)
    for turn in assembler.finish():
        yield (details or _Details({})).raw(turn)
    if assembler.bad_rows:
        log.warning("tracker log: %d event rows with unreadable data skipped", assembler.bad_rows)


# --- JSON Lines ---------------------------------------------------------------------------------

def raw_from_mapping(obj: Any, now: float) -> RawTurn:
    """One decoded line to a RawTurn; raises BadRecord (a ValueError) like the miner's reader."""
    turn = LoggedTurn.from_row(TurnRow._make(record_from_mapping(obj, now)))
    label = obj.get("failure_point")
    if label is not None and label not in _LABELS:
        raise BadRecord(Malformed.BAD_VALUE, "failure_point")
    actions = obj.get("actions") or ()
    return RawTurn(turn, ranking_of(obj.get("ranking") or obj.get("intent_ranking")), mentions_of(obj.get("entities")),
                   tuple(a for a in actions if isinstance(a, str) and a not in BOOKKEEPING_ACTIONS),
                   _LABELS.get(label) if label else None, from_json_list(obj.get(METADATA_KEY)))


def read_raw_jsonl(path: str | Path, now: float | None = None) -> tuple[list[RawTurn], dict[str, int]]:
    """All raw turns of a JSON Lines log, and the count of skipped lines by reason."""
    now = time.time() if now is None else now
    turns: list[RawTurn] = []
    skipped: Counter[str] = Counter()
    with Path(path).open("rb") as f:
        for line in f:
            if line.isspace():
                continue
            try:
                turns.append(raw_from_mapping(_loads(line), now))
            except BadRecord as bad:
                skipped[bad.reason.value] += 1
            except ValueError:
                skipped["not_json"] += 1
    return turns, dict(skipped)


def raw_to_json(raw: RawTurn) -> dict[str, Any]:
    """The JSON Lines record of a raw turn (the miner can read it too: extra fields are ignored)."""
    out = turn_to_json(raw.turn)
    if raw.mentions:
        out["entities"] = [{"entity": m.entity, "value": m.value, "confidence_entity": m.confidence,
                            "start": m.start, "end": m.end} for m in raw.mentions]
    if raw.ranking:
        out["ranking"] = [[name, conf] for name, conf in raw.ranking]
    if raw.actions:
        out["actions"] = list(raw.actions)
    if raw.resolutions:
        out[METADATA_KEY] = [r.to_json() for r in raw.resolutions]
    if raw.label is not None:
        out["failure_point"] = raw.label.value
    return out


def write_raw_jsonl(raws: Iterable[RawTurn], path: str | Path) -> int:
    n = 0
    with Path(path).open("w", encoding="utf-8") as f:
        for raw in raws:
            f.write(json.dumps(raw_to_json(raw), ensure_ascii=False) + "\n")
            n += 1
    return n


def sessions_of(raws: Iterable[RawTurn]) -> list[list[RawTurn]]:
    """Raw turns grouped by (user, session), in first-seen order."""
    groups: dict[tuple[str, str], list[RawTurn]] = defaultdict(list)
    for raw in raws:
        groups[(raw.turn.user_id, raw.turn.session_id)].append(raw)
    return list(groups.values())


__all__ = ["iter_tracker_raw", "mentions_of", "ranking_of", "raw_from_mapping", "raw_to_json", "read_raw_jsonl",
           "sessions_of", "write_raw_jsonl"]
