"""What the conversation remembers between turns: typed, and JSON in one Rasa slot.

The open question ("pending") is one dataclass per kind, so code asks
`isinstance(state.pending, TeachPending)` instead of comparing strings, and
each kind carries exactly the fields it needs. The JSON keeps a "kind" tag;
a missing, old or tampered slot value reads as a fresh state, never an error
(the slot is client-visible in Rasa's tracker).
"""
from __future__ import annotations

import json
from dataclasses import asdict, dataclass, field
from typing import Any, ClassVar, Union

from preferences.catalogs.text import fold
from preferences.resolution import ResolvedEntity

MAX_KEYS = 50  # request keys kept per list: the slot must stay small


@dataclass
class Request:
    """A request the assistant carried out (or tried to): what to redo once taught."""

    skill: str
    entities: dict[str, Any] = field(default_factory=dict)
    text: str = ""

    @classmethod
    def parse(cls, raw: Any) -> "Request | None":
        if not isinstance(raw, dict) or not isinstance(raw.get("skill"), str):
            return None
        entities = raw.get("entities") if isinstance(raw.get("entities"), dict) else {}
        return cls(raw["skill"], dict(entities), str(raw.get("text") or ""))


@dataclass(frozen=True)
class TeachPending:
    """"What did you mean?" was asked about `request` after a teachable moment of `moment`."""

    kind: ClassVar[str] = "teach"
    request: Request | None
    moment: str


@dataclass(frozen=True)
class ConceptPending:
    """"I don't know what study mode is yet. Can you teach me?" """

    kind: ClassVar[str] = "concept"
    name: str
    room: str | None = None


@dataclass(frozen=True)
class ForgetAllPending:
    """"Are you sure? This deletes everything I know about you." """

    kind: ClassVar[str] = "forget_all"


@dataclass(frozen=True)
class CheckPending:
    """"Did I get that right?" after a low-confidence interpretation of `request`."""

    kind: ClassVar[str] = "check"
    request: Request | None


Pending = Union[TeachPending, ConceptPending, ForgetAllPending, CheckPending]
_PENDING_KINDS: dict[str, type] = {c.kind: c for c in (TeachPending, ConceptPending, ForgetAllPending, CheckPending)}


def _pending_to_json(p: Pending | None) -> dict[str, Any] | None:
    return None if p is None else {"kind": p.kind, **asdict(p)}


def _pending_from_json(raw: Any) -> Pending | None:
    if not isinstance(raw, dict) or raw.get("kind") not in _PENDING_KINDS:
        return None
    kind = raw["kind"]
    if kind == "teach":
        return TeachPending(Request.parse(raw.get("request")), str(raw.get("moment") or ""))
    if kind == "check":
        return CheckPending(Request.parse(raw.get("request")))
    if kind == "concept":
        room = raw.get("room")
        return ConceptPending(str(raw.get("name") or ""), room if isinstance(room, str) else None)
    return ForgetAllPending()


@dataclass
class QAProgress:
    """Where the guided Q&A is, and what was answered (slot -> the answer in words)."""

    index: int = 0
    answered: dict[str, str] = field(default_factory=dict)


@dataclass
class State:
    pending: Pending | None = None
    declined: list[str] = field(default_factory=list)  # requests the user declined to teach (this session)
    resolved: list[str] = field(default_factory=list)  # requests already taught: no longer evidence of failure
    qa: QAProgress | None = None
    last_request: Request | None = None
    last_choices: list[dict[str, str]] = field(default_factory=list)  # preferences that shaped the last answer
    moments: int = 0
    offered_qa: bool = False
    last_rewrite: dict[str, Any] | None = None  # the rewrite that shaped the last request, for "why?"
    playing: dict[str, str] | None = None  # the track music plays now (artist, track, genre, by): what "skip" skips

    def to_json(self) -> str:
        data = asdict(self)
        data["pending"] = _pending_to_json(self.pending)
        return json.dumps(data, separators=(",", ":"))

    @classmethod
    def from_json(cls, raw: Any) -> "State":
        """Tolerant: a missing, old or tampered slot value is a fresh state, never an error."""
        try:
            data = json.loads(raw) if isinstance(raw, str) else dict(raw or {})
            lists = [data.get(k, []) for k in ("declined", "resolved", "last_choices")]
            if not all(isinstance(v, list) for v in lists):
                return cls()
            qa = data.get("qa")
            return cls(pending=_pending_from_json(data.get("pending")),
                       declined=[str(k) for k in lists[0]], resolved=[str(k) for k in lists[1]],
                       qa=QAProgress(int(qa.get("index", 0)), dict(qa.get("answered") or {}))
                       if isinstance(qa, dict) else None,
                       last_request=Request.parse(data.get("last_request")),
                       last_choices=[c for c in lists[2] if isinstance(c, dict)],
                       moments=int(data.get("moments") or 0), offered_qa=bool(data.get("offered_qa")),
                       last_rewrite=_rewrite(data.get("last_rewrite")), playing=_playing(data.get("playing")))
        except (TypeError, ValueError, AttributeError):
            return cls()


def _playing(raw: Any) -> dict[str, str] | None:
    if not isinstance(raw, dict) or not all(isinstance(raw.get(k), str) for k in ("artist", "track", "genre")):
        return None
    return {k: str(raw.get(k) or "") for k in ("artist", "track", "genre", "by")}


def _rewrite(raw: Any) -> dict[str, Any] | None:
    if not isinstance(raw, dict) or not all(isinstance(raw.get(k), str) for k in ("raw", "target")):
        return None
    layer = raw.get("layer") if raw.get("layer") in ("mined", "global", "personal") else "mined"
    return {"id": raw.get("id") if isinstance(raw.get("id"), int) else None, "layer": layer,
            "raw": raw["raw"][:200], "target": raw["target"][:200]}


@dataclass
class Reply:
    """What to say this turn, and the state to keep for the next."""

    texts: list[str]
    state: State
    outage: bool = False  # the answer is "my memory is unavailable": a retry is not a misunderstanding
    # what the skill that answered resolved each entity to (preferences.resolution), for the log; () if none ran
    resolutions: tuple[ResolvedEntity, ...] = ()


def request_key(text: str) -> str:
    return " ".join(fold(text).split())[:200]


def remember_key(keys: list[str], text: str, limit: int = MAX_KEYS) -> None:
    """Add a request key to a bounded list."""
    key = request_key(text)
    if key and key not in keys:
        keys.append(key)
        del keys[:-limit]
