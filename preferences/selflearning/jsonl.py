"""The JSON Lines turn log: one user turn per line, read defensively, written plainly.

A line is an object with at least

    {"session_id": "s1", "user_id": "u1", "ts": "2026-11-25T10:00:00Z", "text": "play maj and dragons"}

where ``ts`` is ISO-8601 (a time without a zone is taken as UTC) or epoch
seconds. Optional: every other `LoggedTurn` field by its name
(``interpreted_text``, ``rewrite_id``, ``intent``, ``confidence``,
``entities`` as ``[[name, value], ...]`` or Rasa's ``[{"entity": ..,
"value": ..}]``, ``answer``, ``outcome`` "success"/"defect", ``signals`` as a
list of signal names, ``held_out``) and the shorthands ``barge_in`` and
``thumbs_down`` (booleans). Unknown fields are ignored and counted.

Logs come from devices with wrong clocks, from buggy exporters and from
truncated copies, so a bad line is never fatal: it is skipped, counted under
its reason in a `ReadReport`, and a few are kept as examples (by byte offset,
which stays meaningful when a file is read in parallel ranges). Reasons:
not JSON or not UTF-8, not an object, longer than the size cap (read in
chunks, never held whole), a required field missing, a field of the wrong
type, an unparseable time, a time before 2000 or further in the future than
the allowed clock skew (usually milliseconds written as seconds), and a
value outside its enum.
"""
from __future__ import annotations

import enum
import json
import math
import time
from collections import Counter
from collections.abc import Iterable, Iterator, Mapping
from dataclasses import dataclass, field
from datetime import datetime, timezone
from pathlib import Path
from typing import IO, Any

try:  # Rasa's dependency, four times faster than json at decoding; same errors (ValueError) and results
    from ujson import loads as _loads
except ImportError:  # pragma: no cover - without Rasa
    _loads = json.loads

from preferences.selflearning.turns import SIGNAL_BITS, LoggedTurn, Outcome, OutcomeSignal, TurnRow, signals_to_mask

MAX_LINE_BYTES = 64 * 1024  # a turn is a sentence and some metadata; 64 KiB is generous and bounds memory
MIN_TS = 946_684_800.0  # 2000-01-01T00:00:00Z: earlier times are unset clocks
MAX_FUTURE_SECONDS = 86_400.0  # device clocks drift by minutes; a day ahead is a broken clock or milliseconds
MAX_EXAMPLES = 20

REQUIRED = ("session_id", "user_id", "ts", "text")
OPTIONAL = ("interpreted_text", "rewrite_id", "intent", "confidence", "entities", "answer", "outcome", "signals",
            "held_out", "barge_in", "thumbs_down")
_KNOWN = frozenset(REQUIRED + OPTIONAL)
_OUTCOMES = frozenset(o.value for o in Outcome)
_SIGNALS = frozenset(s.value for s in OutcomeSignal)
_BARGE_IN = SIGNAL_BITS[OutcomeSignal.BARGE_IN]
_THUMBS_DOWN = SIGNAL_BITS[OutcomeSignal.THUMBS_DOWN]


class Malformed(str, enum.Enum):
    """Why a line was skipped."""

    NOT_JSON = "not_json"  # not valid JSON, or not UTF-8
    NOT_OBJECT = "not_object"  # valid JSON but not an object
    TOO_LONG = "too_long"  # longer than the line size cap
    MISSING_FIELD = "missing_field"  # session_id, user_id, ts or text absent (or null)
    WRONG_TYPE = "wrong_type"  # a known field of the wrong JSON type
    BAD_TIMESTAMP = "bad_timestamp"  # ts is a string that is not ISO-8601, or not finite
    TOO_OLD = "too_old"  # ts before 2000: an unset clock
    IN_FUTURE = "in_future"  # ts beyond the allowed clock skew
    BAD_VALUE = "bad_value"  # outcome or a signal outside its enum


class BadRecord(ValueError):
    """A record that cannot be a turn; `reason` says why and `detail` names the field."""

    def __init__(self, reason: Malformed, detail: str = "") -> None:
        super().__init__(f"{reason.value}{': ' + detail if detail else ''}")
        self.reason = reason
        self.detail = detail


@dataclass(frozen=True)
class ReadReport:
    """What reading skipped and why: counts per reason, never an exception."""

    lines: int = 0  # non-blank lines seen
    turns: int = 0  # lines that became turns
    blank: int = 0
    malformed: Mapping[str, int] = field(default_factory=dict)  # Malformed value -> lines
    details: Mapping[str, int] = field(default_factory=dict)  # "reason:field" -> lines, e.g. "missing_field:text"
    unknown_fields: Mapping[str, int] = field(default_factory=dict)  # field name -> lines that had it
    examples: tuple[tuple[int, str], ...] = ()  # (byte offset of the line, "reason:field"), the first few

    @property
    def skipped(self) -> int:
        return sum(self.malformed.values())

    @classmethod
    def combine(cls, reports: Iterable[ReadReport]) -> ReadReport:
        """One report for several ranges or files (counts add up; examples keep the lowest offsets)."""
        reports = list(reports)
        sums: dict[str, Counter[str]] = {"malformed": Counter(), "details": Counter(), "unknown_fields": Counter()}
        for r in reports:
            for name, counter in sums.items():
                counter.update(getattr(r, name))
        examples = sorted(e for r in reports for e in r.examples)[:MAX_EXAMPLES]
        return cls(sum(r.lines for r in reports), sum(r.turns for r in reports), sum(r.blank for r in reports),
                   **{name: dict(sorted(c.items())) for name, c in sums.items()}, examples=tuple(examples))

    def to_json(self) -> dict[str, Any]:
        return {"lines": self.lines, "turns": self.turns, "blank": self.blank, "skipped": self.skipped,
                "malformed": dict(self.malformed), "details": dict(self.details),
                "unknown_fields": dict(self.unknown_fields), "examples": [list(e) for e in self.examples]}


class _Counts:
    """Mutable tally behind a ReadReport while reading."""

    def __init__(self) -> None:
        self.lines = self.turns = self.blank = 0
        self.malformed: Counter[str] = Counter()
        self.details: Counter[str] = Counter()
        self.unknown: Counter[str] = Counter()
        self.examples: list[tuple[int, str]] = []

    def bad(self, offset: int, reason: Malformed, detail: str = "") -> None:
        self.malformed[reason.value] += 1
        label = f"{reason.value}:{detail}" if detail else reason.value
        if detail:
            self.details[label] += 1
        if len(self.examples) < MAX_EXAMPLES:
            self.examples.append((offset, label))

    def report(self) -> ReadReport:
        return ReadReport(self.lines, self.turns, self.blank, dict(sorted(self.malformed.items())),
                          dict(sorted(self.details.items())), dict(sorted(self.unknown.items())),
                          tuple(self.examples))


# --- one record --------------------------------------------------------------------------------

def _text(obj: Mapping[str, Any], name: str, required: bool = False) -> str | None:
    value = obj.get(name)
    if value is None:
        if required:
            raise BadRecord(Malformed.MISSING_FIELD, name)
        return None
    if not isinstance(value, str):
        raise BadRecord(Malformed.WRONG_TYPE, name)
    return value


def _number(obj: Mapping[str, Any], name: str) -> float | None:
    value = obj.get(name)
    if value is None:
        return None
    if isinstance(value, bool) or not isinstance(value, (int, float)):
        raise BadRecord(Malformed.WRONG_TYPE, name)
    return float(value)


def _flag(obj: Mapping[str, Any], name: str) -> bool:
    value = obj.get(name, False)
    if value is None:
        return False
    if not isinstance(value, bool):
        raise BadRecord(Malformed.WRONG_TYPE, name)
    return value


def parse_ts(value: Any, now: float, max_future_seconds: float = MAX_FUTURE_SECONDS) -> float:
    """Epoch seconds from epoch seconds or ISO-8601, checked against 2000 and the clock skew allowed."""
    if value is None:
        raise BadRecord(Malformed.MISSING_FIELD, "ts")
    if isinstance(value, str):
        try:
            moment = datetime.fromisoformat(value.strip())
        except ValueError:
            raise BadRecord(Malformed.BAD_TIMESTAMP, "ts") from None
        if moment.tzinfo is None:
            moment = moment.replace(tzinfo=timezone.utc)
        ts = moment.timestamp()
    elif isinstance(value, (int, float)) and not isinstance(value, bool):
        ts = float(value)
    else:
        raise BadRecord(Malformed.WRONG_TYPE, "ts")
    if not math.isfinite(ts):
        raise BadRecord(Malformed.BAD_TIMESTAMP, "ts")
    if ts < MIN_TS:
        raise BadRecord(Malformed.TOO_OLD, "ts")
    if ts > now + max_future_seconds:
        raise BadRecord(Malformed.IN_FUTURE, "ts")
    return ts


def _entities(value: Any) -> tuple[tuple[str, str], ...]:
    if value is None:
        return ()
    if not isinstance(value, list):
        raise BadRecord(Malformed.WRONG_TYPE, "entities")
    pairs = []
    for item in value:
        if isinstance(item, dict):
            name, val = item.get("entity"), item.get("value")
        elif isinstance(item, list) and len(item) == 2:
            name, val = item
        else:
            raise BadRecord(Malformed.WRONG_TYPE, "entities")
        if not isinstance(name, str) or isinstance(val, (dict, list)) or val is None:
            raise BadRecord(Malformed.WRONG_TYPE, "entities")
        pairs.append((name, val if isinstance(val, str) else json.dumps(val)))
    return tuple(pairs)


def row_from_mapping(obj: Any, now: float, max_future_seconds: float = MAX_FUTURE_SECONDS) -> TurnRow:
    """Validate one decoded line (or dict) into a turn row; raises BadRecord."""
    return TurnRow._make(record_from_mapping(obj, now, max_future_seconds))


def record_from_mapping(obj: Any, now: float, max_future_seconds: float = MAX_FUTURE_SECONDS) -> tuple[Any, ...]:
    """`row_from_mapping` as a plain tuple in TurnRow's field order: what bulk readers spill."""
    if not isinstance(obj, dict):
        raise BadRecord(Malformed.NOT_OBJECT)
    session_id, user_id, text, ts = obj.get("session_id"), obj.get("user_id"), obj.get("text"), obj.get("ts")
    if not (type(session_id) is str and type(user_id) is str and type(text) is str and session_id and user_id):
        for name in ("session_id", "user_id", "text"):  # the precise reason, off the hot path
            _text(obj, name, required=True)
        raise BadRecord(Malformed.MISSING_FIELD, "session_id" if not session_id else "user_id")
    if type(ts) is float or type(ts) is int:
        if not MIN_TS <= ts <= now + max_future_seconds:
            ts = parse_ts(ts, now, max_future_seconds)  # raises with the reason
        ts = float(ts)
    else:
        ts = parse_ts(ts, now, max_future_seconds)
    if len(obj) == 4:  # the common export: just the required fields
        return user_id, session_id, ts, text, None, None, None, None, (), None, None, 0, False
    get = obj.get
    interpreted, intent, answer, outcome = get("interpreted_text"), get("intent"), get("answer"), get("outcome")
    if not ((interpreted is None or type(interpreted) is str) and (intent is None or type(intent) is str)
            and (answer is None or type(answer) is str) and (outcome is None or type(outcome) is str)):
        for name in ("interpreted_text", "intent", "answer", "outcome"):
            _text(obj, name)
    if outcome is not None and outcome not in _OUTCOMES:
        raise BadRecord(Malformed.BAD_VALUE, "outcome")
    mask = 0
    signals = get("signals")
    if signals:
        if not isinstance(signals, list) or not all(type(s) is str for s in signals):
            raise BadRecord(Malformed.WRONG_TYPE, "signals")
        if not _SIGNALS.issuperset(signals):
            raise BadRecord(Malformed.BAD_VALUE, "signals")
        mask = signals_to_mask(tuple(signals))
    if get("barge_in") is not None and _flag(obj, "barge_in"):
        mask |= _BARGE_IN
    if get("thumbs_down") is not None and _flag(obj, "thumbs_down"):
        mask |= _THUMBS_DOWN
    rewrite_id = get("rewrite_id")
    if rewrite_id is not None and type(rewrite_id) is not int:
        raise BadRecord(Malformed.WRONG_TYPE, "rewrite_id")
    confidence = get("confidence")
    entities = get("entities")
    return (user_id, session_id, ts, text, interpreted, rewrite_id, intent,
            None if confidence is None else _number(obj, "confidence"),
            () if entities is None else _entities(entities), answer, outcome, mask,
            get("held_out") is not None and _flag(obj, "held_out"))


def turn_from_mapping(obj: Any, now: float | None = None) -> LoggedTurn:
    """A LoggedTurn from one decoded record; raises BadRecord (a ValueError) if it cannot be one."""
    return LoggedTurn.from_row(row_from_mapping(obj, time.time() if now is None else now))


def turn_to_json(turn: LoggedTurn) -> dict[str, Any]:
    """The line for one turn: required fields first, optional ones only when set."""
    out: dict[str, Any] = {"session_id": turn.session_id, "user_id": turn.user_id, "ts": turn.ts, "text": turn.text}
    optional = {"interpreted_text": turn.interpreted_text, "rewrite_id": turn.rewrite_id, "intent": turn.intent,
                "confidence": turn.confidence, "answer": turn.answer,
                "outcome": turn.outcome.value if turn.outcome is not None else None}
    out.update((k, v) for k, v in optional.items() if v is not None)
    if turn.entities:
        out["entities"] = [list(pair) for pair in turn.entities]
    if turn.signals:
        out["signals"] = [s.value for s in OutcomeSignal if s in turn.signals]
    if turn.held_out:
        out["held_out"] = True
    return out


# --- files -------------------------------------------------------------------------------------

def _skip_line(f: IO[bytes], chunk: int) -> int:
    """Read to the end of the current line in chunks; returns the bytes consumed."""
    consumed = 0
    while True:
        piece = f.readline(chunk)
        consumed += len(piece)
        if not piece or piece.endswith(b"\n"):
            return consumed


class JsonlReader:
    """Streams turns from a JSON Lines file, or from the byte range [start, end) of one.

    A range owns the lines that begin inside it, so ranges that tile a file
    read every line exactly once (the miner reads ranges in parallel).
    `report` is complete once iteration has finished.
    """

    def __init__(self, path: str | Path, *, start: int = 0, end: int | None = None,
                 max_line_bytes: int = MAX_LINE_BYTES, now: float | None = None,
                 max_future_seconds: float = MAX_FUTURE_SECONDS) -> None:
        self.path = Path(path)
        self.start, self.end = start, end
        self.max_line_bytes = max_line_bytes
        self.now = time.time() if now is None else now
        self.max_future_seconds = max_future_seconds
        self._counts = _Counts()

    @property
    def report(self) -> ReadReport:
        return self._counts.report()

    def rows(self) -> Iterator[TurnRow]:
        return map(TurnRow._make, self.records())

    def records(self) -> Iterator[tuple[Any, ...]]:
        """The turns as plain tuples in TurnRow's field order (the cheapest form to spill)."""
        counts, cap = self._counts, self.max_line_bytes
        loads, now, skew, known = _loads, self.now, self.max_future_seconds, _KNOWN
        end = self.end if self.end is not None else math.inf
        lines = turns = 0  # counted locally, this loop runs per line
        try:
            with self.path.open("rb") as f:
                offset = self.start
                if offset > 0:  # the line that began before the range belongs to the previous one
                    f.seek(offset - 1)
                    offset += _skip_line(f, cap) - 1
                while offset < end:
                    line = f.readline(cap + 1)
                    if not line:
                        return
                    line_start = offset
                    offset += len(line)
                    if len(line) > cap and not line.endswith(b"\n"):
                        offset += _skip_line(f, cap)
                        lines += 1
                        counts.bad(line_start, Malformed.TOO_LONG)
                        continue
                    if line.isspace():
                        counts.blank += 1
                        continue
                    lines += 1
                    try:
                        obj = loads(line)
                    except ValueError:  # invalid JSON or invalid UTF-8
                        counts.bad(line_start, Malformed.NOT_JSON)
                        continue
                    try:
                        record = record_from_mapping(obj, now, skew)
                    except BadRecord as bad:
                        counts.bad(line_start, bad.reason, bad.detail)
                        continue
                    if not known.issuperset(obj):
                        counts.unknown.update(k for k in obj if k not in known)
                    turns += 1
                    yield record
        finally:
            counts.lines += lines
            counts.turns += turns

    def __iter__(self) -> Iterator[LoggedTurn]:
        return (LoggedTurn.from_row(row) for row in self.rows())

    def batches(self, size: int = 10_000) -> Iterator[list[LoggedTurn]]:
        """Lists of at most `size` turns: partitions for `miner.mine`."""
        batch: list[LoggedTurn] = []
        for turn in self:
            batch.append(turn)
            if len(batch) >= size:
                yield batch
                batch = []
        if batch:
            yield batch


def read_jsonl(path: str | Path, **options: Any) -> tuple[list[LoggedTurn], ReadReport]:
    """All turns of a (small) file and the report of what was skipped; options as for JsonlReader."""
    reader = JsonlReader(path, **options)
    turns = list(reader)
    return turns, reader.report


def write_jsonl(turns: Iterable[LoggedTurn], path: str | Path) -> int:
    """Write turns in the format read above (ts as epoch seconds); returns how many."""
    n = 0
    with Path(path).open("w", encoding="utf-8") as f:
        for turn in turns:
            f.write(json.dumps(turn_to_json(turn), ensure_ascii=False))
            f.write("\n")
            n += 1
    return n
