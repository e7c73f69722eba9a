"""One logged user turn: the unit every self-learning step reads.

A turn records what the user said, what the assistant made of it and how it
went. Mining pools these records over many users; nothing here knows which
front end (Rasa, a JSON Lines export, the simulator) produced them.

Two forms of the same record:

* `LoggedTurn`, the public one: a frozen dataclass with enums, for callers
  and tests.
* `TurnRow`, the compact one: a named tuple whose outcome is a plain string
  and whose signals are a bit mask. The miner moves millions of turns
  between processes; a tuple pickles and builds several times faster than a
  dataclass, and the labelling rules run on it directly, so there is one
  implementation of the rules for both forms.
"""
from __future__ import annotations

import enum
from dataclasses import dataclass
from typing import NamedTuple


class Outcome(str, enum.Enum):
    """How a turn went for the user, as far as the signals tell."""

    SUCCESS = "success"  # no sign of trouble: the user moved on
    DEFECT = "defect"  # the assistant failed the user (see preferences.selflearning.outcome)


class OutcomeSignal(str, enum.Enum):
    """Evidence that a turn was a defect; several can hold at once."""

    BARGE_IN = "barge_in"  # the user interrupted the answer
    THUMBS_DOWN = "thumbs_down"  # explicit negative feedback on the answer
    REPHRASE = "rephrase"  # the next turn asked the same thing again, in the same or other words
    DISSATISFACTION = "dissatisfaction"  # the next turn complained ("no", "that's wrong")
    FALLBACK = "fallback"  # the assistant did not understand (nlu_fallback)
    OUT_OF_SCOPE = "out_of_scope"  # the assistant understood it cannot do this
    ABANDONED = "abandoned"  # the session ended right after a fallback: the user gave up


# Bit of each signal in `TurnRow.signals`; the order is part of the spill format, append only.
SIGNAL_BITS: dict[OutcomeSignal, int] = {signal: 1 << i for i, signal in enumerate(OutcomeSignal)}
_BY_VALUE: dict[str, int] = {signal.value: bit for signal, bit in SIGNAL_BITS.items()}


def signals_to_mask(signals: frozenset[OutcomeSignal] | frozenset[str] | tuple[str, ...]) -> int:
    """Bit mask of signals given as enums or their string values."""
    mask = 0
    for signal in signals:
        mask |= _BY_VALUE[signal.value if isinstance(signal, OutcomeSignal) else signal]
    return mask


def mask_to_signals(mask: int) -> frozenset[OutcomeSignal]:
    return frozenset(signal for signal, bit in SIGNAL_BITS.items() if mask & bit)


class TurnRow(NamedTuple):
    """`LoggedTurn` as a plain tuple (same fields, same order): see the module docstring."""

    user_id: str
    session_id: str
    ts: float
    text: str
    interpreted_text: str | None
    rewrite_id: int | None
    intent: str | None
    confidence: float | None
    entities: tuple[tuple[str, str], ...]
    answer: str | None
    outcome: str | None  # Outcome value, None if unknown
    signals: int  # bit mask, see SIGNAL_BITS
    held_out: bool


@dataclass(frozen=True)
class LoggedTurn:
    """One user turn and how it went."""

    user_id: str
    session_id: str
    ts: float  # epoch seconds, UTC
    text: str  # what the user said (or the recogniser heard), before any rewrite
    interpreted_text: str | None = None  # what NLU was given instead, when a rewrite applied
    rewrite_id: int | None = None  # which rewrite, so its wins and losses can be counted
    intent: str | None = None
    confidence: float | None = None
    entities: tuple[tuple[str, str], ...] = ()  # (entity name, value) pairs
    answer: str | None = None  # what the assistant said back
    outcome: Outcome | None = None  # None: not known yet; `outcome.label_session` infers it
    signals: frozenset[OutcomeSignal] = frozenset()
    held_out: bool = False  # left un-rewritten on purpose, to measure the original's success rate

    @property
    def rewritten(self) -> bool:
        """True if NLU saw other words than the user's."""
        return self.interpreted_text is not None and self.interpreted_text != self.text

    @property
    def effective_text(self) -> str:
        """The words NLU saw: the rewrite if one applied, else what the user said."""
        return self.interpreted_text if self.interpreted_text is not None else self.text

    def to_row(self) -> TurnRow:
        return TurnRow(self.user_id, self.session_id, self.ts, self.text, self.interpreted_text, self.rewrite_id,
                       self.intent, self.confidence, self.entities, self.answer,
                       self.outcome.value if self.outcome is not None else None,
                       signals_to_mask(self.signals), self.held_out)

    @classmethod
    def from_row(cls, row: TurnRow) -> LoggedTurn:
        return cls(row.user_id, row.session_id, row.ts, row.text, row.interpreted_text, row.rewrite_id, row.intent,
                   row.confidence, row.entities, row.answer,
                   Outcome(row.outcome) if row.outcome is not None else None, mask_to_signals(row.signals),
                   row.held_out)
