"""The learning signals: every way a user tells the assistant it got something wrong.

Each kind is declared once, here, with its policy: how the assistant opens
its offer to learn, whether the message may carry its own answer ("stop,
play jazz instead"), and, for signals a channel sends rather than words the
user says, how the channel's metadata spells it. Detection, the
conversation and the adapters ask this table instead of spelling kinds as
strings, so a new signal is one member and one policy row here (plus its
detector rule if it is found in words, and a test).

Channel metadata (barge-in, thumbs-down, device context) is parsed in
`ChannelMetadata.parse`, the one place that reads what channels send.
"""
from __future__ import annotations

import enum
from collections.abc import Mapping
from dataclasses import dataclass
from typing import Any, Callable


class Signal(str, enum.Enum):
    """A teachable moment's kind. `str` so it compares equal to the labels of the benchmark sets."""

    REPEAT = "repeat"  # the same request again, soon
    REPHRASE = "rephrase"  # the same request in other words, soon
    DISSATISFACTION = "dissatisfaction"  # "no, that's wrong" in words, or a thumbs-down on a screen
    BARGE_IN = "barge_in"  # the user interrupted the answer (a voice channel's metadata)


@dataclass(frozen=True)
class SignalPolicy:
    opening: str  # the first words of the offer to learn
    carries_answer: bool  # the same message may already name what was meant
    from_channel: Callable[["ChannelMetadata"], bool] | None = None  # how a channel's metadata says it


POLICIES: dict[Signal, SignalPolicy] = {
    Signal.REPEAT: SignalPolicy("Sorry, I keep getting this wrong.", carries_answer=False),
    Signal.REPHRASE: SignalPolicy("Sorry, I keep getting this wrong.", carries_answer=False),
    # Barge-in is checked first: an interruption is the stronger statement.
    Signal.BARGE_IN: SignalPolicy("Sorry, I'll stop.", carries_answer=True,
                                  from_channel=lambda c: c.barge_in),
    Signal.DISSATISFACTION: SignalPolicy("Sorry about that.", carries_answer=True,
                                         from_channel=lambda c: c.thumbs_down),
}


def policy(kind: Signal | str) -> SignalPolicy:
    return POLICIES[Signal(kind)]


def channel_signal(metadata: Mapping[str, Any] | None) -> Signal | None:
    """The signal a channel sent with the message, if any."""
    return ChannelMetadata.parse(metadata).signal


@dataclass(frozen=True)
class ChannelMetadata:
    """What a channel says about a message besides its words."""

    barge_in: bool = False  # {"barge_in": true}: the user interrupted (a voice channel)
    thumbs_down: bool = False  # {"feedback": "thumbs_down"}: the thumbs-down button (the web page)
    screen: bool | None = None  # the device has a screen (a film rather than an audiobook)
    oven: str | None = None  # the oven reports "on" / "off"

    @property
    def signal(self) -> Signal | None:
        """The learning signal this metadata carries (checked in the policies' order)."""
        return next((kind for kind, rule in POLICIES.items() if rule.from_channel and rule.from_channel(self)), None)

    @classmethod
    def parse(cls, raw: Any) -> "ChannelMetadata":
        """Tolerant: anything that is not a mapping, or odd values, mean "nothing said"."""
        if not isinstance(raw, Mapping):
            return cls()
        screen = raw.get("screen")
        oven = raw.get("oven")
        return cls(barge_in=raw.get("barge_in") is True, thumbs_down=raw.get("feedback") == "thumbs_down",
                   screen=screen if isinstance(screen, bool) else None,
                   oven=oven if oven in ("on", "off") else None)


__all__ = ["ChannelMetadata", "POLICIES", "Signal", "SignalPolicy", "channel_signal", "policy"]
