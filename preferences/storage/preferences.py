"""Preferences: record, read, explain and forget what a user likes and dislikes.

Values go through the catalog normaliser first ("italian food" -> "italian").
A value the catalog of a catalogued slot does not know is *kept* (a
preference is never silently dropped) as cleaned text, marked
`recognized=False`, with confidence capped at `UNRECOGNIZED_CONFIDENCE`, so
skills can tell it apart from a catalog value. Conflicts are decided by
`preferences.conflicts.decide`, under the user's lock.
"""
from __future__ import annotations

import builtins
from datetime import datetime
from typing import Callable

from sqlalchemy import bindparam, delete, insert, select, update
from sqlalchemy.engine import Connection

from preferences import sanitize as san
from preferences.conflicts import Incoming, decide, merged_fields
from preferences.errors import PreferenceError
from preferences.models import HistoryRow, PreferenceRow
from preferences.records import ChangeAction, ChangeResult, HistoryEntry, Polarity, Preference, Source
from preferences.slots import SLOTS, spec_for
from preferences.storage import history as hist_log
from preferences.storage.core import Database, enum_value

Normalizer = Callable[[str, str], "str | None"]

UNRECOGNIZED_CONFIDENCE = 0.5
PREFS = PreferenceRow.__table__
_HIST = hist_log.HISTORY
_POLARITY = {p.value: p for p in Polarity}
_SOURCE = {s.value: s for s in Source}

# Hot statements built once (SQLAlchemy then reuses their compiled form from its cache).
_Q_LIST = (select(PREFS).where(PREFS.c.user_id == bindparam("user"))
           .order_by(PREFS.c.domain, PREFS.c.slot, PREFS.c.polarity.desc(), PREFS.c.updated_at.desc(),
                     PREFS.c.id.desc()))
_Q_GET = (select(PREFS).where(PREFS.c.user_id == bindparam("user"), PREFS.c.slot == bindparam("slot"))
          .order_by(PREFS.c.polarity.desc(), PREFS.c.updated_at.desc(), PREFS.c.id.desc()))
_Q_SLOT_ROWS = select(PREFS).where(PREFS.c.user_id == bindparam("user"), PREFS.c.domain == bindparam("domain"),
                                   PREFS.c.slot == bindparam("slot"))
_IPREFS = insert(PREFS)
_UPREFS = update(PREFS).where(PREFS.c.id == bindparam("row_id"))  # SET clause from the parameters given


def catalog_normalizer(slot: str, value: str) -> str | None:
    """Default normaliser: `preferences.catalogs.normalize`, imported on first use."""
    from preferences.catalogs import normalize

    return normalize(slot, value)


def to_record(r) -> Preference:
    return Preference(user=r.user_id, domain=r.domain, slot=r.slot, value=r.value, polarity=_POLARITY[r.polarity],
                      source=_SOURCE[r.source], confidence=r.confidence, evidence=r.evidence,
                      recognized=bool(r.recognized), utterance=r.utterance, created_at=r.created_at,
                      updated_at=r.updated_at)


class _Attrs:
    """Attribute view of a dict, so `to_record` builds records from rows and from written values alike."""

    def __init__(self, d: dict) -> None:
        self.__dict__.update(d)


class Preferences(Database):
    """Mixed into PreferenceStore; `_normalizer` is set by it."""

    _normalizer: Normalizer

    def _normalize(self, slot: str, value: str) -> tuple[str, bool]:
        """(stored value, recognized). Raises if nothing is left of the value."""
        cleaned = san.clean_text(value, san.MAX_VALUE)
        if not cleaned:
            raise PreferenceError(f"empty value for slot {slot!r}")
        canonical = self._normalizer(slot, cleaned)
        if canonical:
            canonical = san.clean_text(canonical, san.MAX_VALUE)
        if canonical:
            return canonical, True
        if spec_for(slot, "").catalogued:
            return cleaned, False
        raise PreferenceError(f"empty value for slot {slot!r}")

    def _keys(self, slot: str, value: str) -> set[str]:
        """Value keys a user's words may refer to: normalised, and as typed (cleaned)."""
        keys = {san.value_key(san.clean_text(value, san.MAX_VALUE))}
        try:
            keys.add(san.value_key(self._normalize(slot, value)[0]))
        except PreferenceError:
            pass
        keys.discard("")
        if not keys:
            raise PreferenceError(f"empty value for slot {slot!r}")
        return keys

    @staticmethod
    def _check_slot(domain: str, slot: str) -> None:
        san.check_ident(domain, "domain")
        san.check_ident(slot, "slot")
        spec = SLOTS.get(slot)
        if spec is not None and spec.domain != domain:
            raise PreferenceError(f"slot {slot!r} belongs to domain {spec.domain!r}, not {domain!r}")

    def record(self, user: str, domain: str, slot: str, value: str, polarity: Polarity | str = "like",
               source: Source | str = "stated", confidence: float = 1.0,
               utterance: str | None = None) -> ChangeResult:
        """Learn (or re-learn) one preference, resolving conflicts as in `preferences.conflicts`."""
        user = san.check_user(user)
        self._check_slot(domain, slot)
        pol = enum_value(Polarity, polarity, "polarity")
        src = enum_value(Source, source, "source")
        conf = san.check_confidence(confidence)
        val, recognized = self._normalize(slot, value)
        if not recognized:
            conf = min(conf, UNRECOGNIZED_CONFIDENCE)
        utt = san.clean_utterance(utterance)
        incoming = Incoming(san.value_key(val), pol, src, conf)
        spec = spec_for(slot, domain)

        def tx(conn: Connection, now: datetime) -> ChangeResult:
            rows = conn.execute(_Q_SLOT_ROWS, {"user": user, "domain": domain, "slot": slot}).all()
            plan = decide(rows, incoming, spec.multi_valued)
            if plan.action is ChangeAction.IGNORED:
                return ChangeResult(plan.action, to_record(plan.target) if plan.target else None, (), plan.reason)
            history = []
            replaced = tuple(to_record(old) for old in plan.supersede)
            if plan.supersede:
                conn.execute(delete(PREFS).where(PREFS.c.id.in_([old.id for old in plan.supersede])))
                history += [hist_log.of_preference(old._mapping, ChangeAction.SUPERSEDED, now, source=src.value,
                                         confidence=conf, utterance=utt, details={"replaced_by": val})
                            for old in plan.supersede]
            row = plan.target
            if plan.action is ChangeAction.CREATED:
                new = dict(user_id=user, domain=domain, slot=slot, value=val, value_key=incoming.value_key,
                           polarity=pol.value, source=src.value, confidence=conf, evidence=1,
                           recognized=recognized, utterance=utt, created_at=now, updated_at=now)
                conn.execute(_IPREFS, new)
            else:
                new = dict(row._mapping)
                if plan.action is ChangeAction.FLIPPED:
                    new.update(value=val, polarity=pol.value, source=src.value, confidence=conf, evidence=1,
                               recognized=recognized, utterance=utt, created_at=now, updated_at=now)
                else:  # reaffirmed
                    source, confidence = merged_fields(row, incoming)
                    new.update(source=source, confidence=confidence, evidence=row.evidence + 1, updated_at=now)
                    if utt and (src.explicit or row.utterance is None):
                        new["utterance"] = utt
                changes = {k: v for k, v in new.items() if k not in ("id", "user_id")}
                conn.execute(_UPREFS, {**changes, "row_id": row.id})
            history.append(hist_log.of_preference(new, plan.action, now, source=src.value, confidence=conf, utterance=utt,
                                        polarity=pol.value))
            hist_log.write(conn, history)
            return ChangeResult(plan.action, to_record(_Attrs(new)), replaced, plan.reason)

        return self._write([user], tx)

    def get(self, user: str, slot: str) -> list[Preference]:
        """One slot's preferences: likes first, most recently confirmed first."""
        san.check_user(user)
        san.check_ident(slot, "slot")
        return self._read(lambda c: [to_record(r) for r in c.execute(_Q_GET, {"user": user, "slot": slot})])

    def list(self, user: str) -> builtins.list[Preference]:
        """Everything the store believes about a user (the "what do you know about me?" answer)."""
        san.check_user(user)
        return self._read(lambda c: [to_record(r) for r in c.execute(_Q_LIST, {"user": user})])

    def likes(self, user: str, slot: str) -> builtins.list[str]:
        """Just the liked values of a slot, newest first (what a skill usually wants)."""
        return [p.value for p in self.get(user, slot) if p.polarity is Polarity.LIKE]

    def forget(self, user: str, slot: str | None = None, value: str | None = None) -> int:
        """Delete preferences (all, one slot, or one value) and their history; returns how many.

        History of what was forgotten is deleted too (the user asked us to
        forget it); one value-less "forgotten" entry records that it happened.
        """
        user = san.check_user(user)
        if value is not None and slot is None:
            raise PreferenceError("forgetting a value needs its slot")
        if slot is not None:
            san.check_ident(slot, "slot")
        keys = self._keys(slot, value) if value is not None else None

        def tx(conn: Connection, now: datetime | None) -> int:
            if now is None:
                return 0
            conds = [PreferenceRow.user_id == user]
            hconds = [HistoryRow.user_id == user, HistoryRow.kind == "preference"]
            if slot is not None:
                conds.append(PreferenceRow.slot == slot)
                hconds.append(HistoryRow.slot == slot)
            if keys is not None:
                conds.append(PreferenceRow.value_key.in_(keys))
                hconds.append(HistoryRow.value_key.in_(keys))
            domains = set(conn.execute(select(PreferenceRow.domain).where(*conds)).scalars())
            n = conn.execute(delete(PreferenceRow).where(*conds)).rowcount
            h = conn.execute(delete(HistoryRow).where(*hconds)).rowcount
            if n or h:
                hist_log.write(conn, [hist_log.entry(
                    user, now, "preference", ChangeAction.FORGOTTEN,
                    domain=domains.pop() if len(domains) == 1 else None, slot=slot,
                    details={"preferences": n, "history_entries": h})])
            return n

        return self._write([user], tx, create=False)

    def why(self, user: str, slot: str, value: str | None = None) -> builtins.list[HistoryEntry]:
        """How a slot (or one value of it) came to be believed: its history, oldest first."""
        san.check_user(user)
        san.check_ident(slot, "slot")
        conds = [_HIST.c.user_id == user, _HIST.c.kind == "preference", _HIST.c.slot == slot]
        if value is not None:
            conds.append(_HIST.c.value_key.in_(self._keys(slot, value)))
        q = select(_HIST).where(*conds).order_by(_HIST.c.at, _HIST.c.id)
        return self._read(lambda c: [hist_log.to_record(r) for r in c.execute(q)])

    def history(self, user: str) -> builtins.list[HistoryEntry]:
        """Every history entry of a user, oldest first."""
        san.check_user(user)
        q = select(_HIST).where(_HIST.c.user_id == user).order_by(_HIST.c.at, _HIST.c.id)
        return self._read(lambda c: [hist_log.to_record(r) for r in c.execute(q)])
