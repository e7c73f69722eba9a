"""The preference store: the assistant's memory of each user.

Design in one paragraph: every write for a user runs in one transaction that
first takes that user's lock (the `users` row, `SELECT ... FOR UPDATE` on
PostgreSQL; `BEGIN IMMEDIATE` on SQLite, which serialises writers), then
reads the user's current rows for the slot, lets `preferences.conflicts.decide`
choose what happens, applies it and appends the history entry. Because the
read-decide-write happens under the lock, concurrent writers (threads, the
Rasa process, the action server, several action servers on PostgreSQL) queue
up and none of their updates is lost. Reads take no lock.

Values go through the catalog normaliser first ("italian food" -> "italian").
A value the catalog of a catalogued slot does not know is *kept* (a
preference is never silently dropped) as cleaned text, marked
`recognized=False`, with confidence capped at `UNRECOGNIZED_CONFIDENCE`, so
skills can tell it apart from a catalog value.
"""
from __future__ import annotations

import builtins
import time
from datetime import datetime, timezone
from typing import Any, Callable, Iterable, Iterator

from sqlalchemy import bindparam, delete, func, insert, select, update
from sqlalchemy.dialects import postgresql, sqlite
from sqlalchemy.engine import Connection, Engine
from sqlalchemy.exc import DBAPIError, OperationalError, ProgrammingError

from preferences import sanitize as san
from preferences.conflicts import Incoming, decide, merged_fields
from preferences.db import database_url, make_engine, redact, write_engine
from preferences.models import ConceptRow, DeviceStateRow, HistoryRow, PreferenceRow, UserRow, utcnow
from preferences.records import (ChangeAction, ChangeResult, Concept, DeviceState, HistoryEntry, Polarity, Preference,
                                 PreferenceError, Source, StoreUnavailable)
from preferences.slots import SLOTS, spec_for

Normalizer = Callable[[str, str], "str | None"]

UNRECOGNIZED_CONFIDENCE = 0.5
EXPORT_FORMAT = "teachable-assistant/preferences-export"
EXPORT_VERSION = 1
_RETRIES = 6
_USERS = UserRow.__table__
_PREF = PreferenceRow.__table__
_HIST = HistoryRow.__table__
_CONCEPTS = ConceptRow.__table__
_DEVICES = DeviceStateRow.__table__
_POLARITY = {p.value: p for p in Polarity}
_SOURCE = {s.value: s for s in Source}

# Hot statements built once (SQLAlchemy then reuses their compiled form from its cache).
_Q_LIST = (select(_PREF).where(_PREF.c.user_id == bindparam("user"))
           .order_by(_PREF.c.domain, _PREF.c.slot, _PREF.c.polarity.desc(), _PREF.c.updated_at.desc(),
                     _PREF.c.id.desc()))
_Q_GET = (select(_PREF).where(_PREF.c.user_id == bindparam("user"), _PREF.c.slot == bindparam("slot"))
          .order_by(_PREF.c.polarity.desc(), _PREF.c.updated_at.desc(), _PREF.c.id.desc()))
_Q_SLOT_ROWS = select(_PREF).where(_PREF.c.user_id == bindparam("user"), _PREF.c.domain == bindparam("domain"),
                                   _PREF.c.slot == bindparam("slot"))
_Q_LOCK = select(_USERS.c.user_id).where(_USERS.c.user_id == bindparam("user")).with_for_update()
_I_PREF = insert(_PREF)
_I_HIST = insert(_HIST)
_U_PREF = update(_PREF).where(_PREF.c.id == bindparam("row_id"))  # SET clause from the parameters given


def catalog_normalizer(slot: str, value: str) -> str | None:
    """Default normaliser: `preferences.catalogs.normalize`, imported on first use."""
    from preferences.catalogs import normalize

    return normalize(slot, value)


def _enum(cls, value, what):
    try:
        return cls(value.value if isinstance(value, cls) else value)
    except ValueError:
        allowed = ", ".join(m.value for m in cls)
        raise PreferenceError(f"{what} must be one of {allowed}; got {value!r}") from None


def _pref(r) -> Preference:
    return Preference(user=r.user_id, domain=r.domain, slot=r.slot, value=r.value, polarity=_POLARITY[r.polarity],
                      source=_SOURCE[r.source], confidence=r.confidence, evidence=r.evidence,
                      recognized=bool(r.recognized), utterance=r.utterance, created_at=r.created_at,
                      updated_at=r.updated_at)


def _hist(r) -> HistoryEntry:
    return HistoryEntry(at=r.at, user=r.user_id, kind=r.kind, action=ChangeAction(r.action), domain=r.domain,
                        slot=r.slot, value=r.value, polarity=Polarity(r.polarity) if r.polarity else None,
                        source=Source(r.source) if r.source else None, confidence=r.confidence,
                        utterance=r.utterance, details=r.details)


def _retryable(exc: DBAPIError) -> bool:
    code = getattr(exc.orig, "pgcode", None)
    if code in ("40001", "40P01"):  # serialization failure, deadlock
        return True
    return "database is locked" in str(exc.orig) or "database table is locked" in str(exc.orig)


class PreferenceStore:
    """Record, read, explain and forget one user's preferences, concepts and device states.

    `url`: SQLAlchemy URL (default: $PREFERENCES_DB_URL or var/preferences.db).
    `normalizer`: `(slot, value) -> canonical value | None`; defaults to the catalogs.
    The schema must exist (`preferences.db.migrate(url)` / `prefs migrate`).
    """

    def __init__(self, url: str | None = None, *, engine: Engine | None = None,
                 normalizer: Normalizer | None = None) -> None:
        self._owns_engine = engine is None
        self.engine = engine if engine is not None else make_engine(url)
        self.url = database_url(url) if engine is None else engine.url.render_as_string(hide_password=False)
        self._writer = write_engine(self.engine)
        self._normalizer = normalizer or catalog_normalizer
        self.dialect = self.engine.dialect.name

    # -- lifecycle -----------------------------------------------------------------------------
    def close(self) -> None:
        if self._owns_engine:
            self.engine.dispose()

    def __enter__(self) -> "PreferenceStore":
        return self

    def __exit__(self, *exc) -> None:
        self.close()

    def __repr__(self) -> str:
        return f"PreferenceStore({redact(self.url)!r})"

    # -- plumbing ------------------------------------------------------------------------------
    def _unavailable(self, exc: Exception) -> StoreUnavailable:
        text = str(getattr(exc, "orig", exc)).strip().splitlines()[0] if str(exc).strip() else type(exc).__name__
        lowered = text.lower()
        if "no such table" in lowered or ("relation" in lowered and "does not exist" in lowered):
            return StoreUnavailable(f"database {redact(self.url)} is not migrated; run `prefs migrate` ({text})")
        return StoreUnavailable(f"cannot use database {redact(self.url)}: {text}")

    def _read(self, fn: Callable[[Any], Any]) -> Any:
        try:
            with self.engine.connect() as conn:
                return fn(conn)
        except (OperationalError, ProgrammingError) as exc:
            raise self._unavailable(exc) from exc

    def _write(self, users: Iterable[str], fn: Callable[[Connection, datetime], Any], create: bool = True) -> Any:
        """Run `fn` in a write transaction holding the locks of `users` (sorted: no deadlocks).

        With create=False a missing user is not created and `fn` gets now=None
        (privacy operations must not create users as a side effect).
        """
        users = sorted(set(users))
        for attempt in range(_RETRIES):
            try:
                with self._writer.connect() as conn, conn.begin():
                    present = all([self._lock_user(conn, u, create) for u in users])
                    now = utcnow()  # after the lock: history times follow the order writes happened in
                    return fn(conn, now if present else None)
            except (OperationalError, ProgrammingError, DBAPIError) as exc:
                if attempt < _RETRIES - 1 and _retryable(exc):
                    time.sleep(0.01 * 2 ** attempt)
                    continue
                if isinstance(exc, (OperationalError, ProgrammingError)):
                    raise self._unavailable(exc) from exc
                raise

    def _lock_user(self, conn: Connection, user: str, create: bool) -> bool:
        """Lock the user's row (creating it if asked); False if the user does not exist."""
        for _ in range(3):
            if conn.execute(_Q_LOCK, {"user": user}).first() is not None:
                return True
            if not create:
                return False
            ins = (postgresql.insert if self.dialect == "postgresql" else sqlite.insert)(_USERS)
            conn.execute(ins.values(user_id=user, created_at=utcnow()).on_conflict_do_nothing(
                index_elements=["user_id"]))
        raise StoreUnavailable(f"could not lock user {user!r}")  # pragma: no cover - deleted 3 times in a row

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

    # -- preferences ---------------------------------------------------------------------------
    def record(self, user: str, domain: str, slot: str, value: str, polarity: Polarity | str = "like",
               source: Source | str = "stated", confidence: float = 1.0,
               utterance: str | None = None) -> ChangeResult:
        """Learn (or re-learn) one preference, resolving conflicts as in `preferences.conflicts`."""
        user = san.check_user(user)
        self._check_slot(domain, slot)
        pol = _enum(Polarity, polarity, "polarity")
        src = _enum(Source, source, "source")
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
                return ChangeResult(plan.action, _pref(plan.target) if plan.target else None, (), plan.reason)
            history = []
            replaced = tuple(_pref(old) for old in plan.supersede)
            if plan.supersede:
                conn.execute(delete(_PREF).where(_PREF.c.id.in_([old.id for old in plan.supersede])))
                history += [_history_row(old._mapping, ChangeAction.SUPERSEDED, now, source=src.value,
                                         confidence=conf, utterance=utt, details={"replaced_by": val})
                            for old in plan.supersede]
            row = plan.target
            if plan.action is ChangeAction.CREATED:
                new = dict(user_id=user, domain=domain, slot=slot, value=val, value_key=incoming.value_key,
                           polarity=pol.value, source=src.value, confidence=conf, evidence=1,
                           recognized=recognized, utterance=utt, created_at=now, updated_at=now)
                conn.execute(_I_PREF, new)
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
                conn.execute(_U_PREF, {**changes, "row_id": row.id})
            history.append(_history_row(new, plan.action, now, source=src.value, confidence=conf, utterance=utt,
                                        polarity=pol.value))
            conn.execute(_I_HIST, history)
            return ChangeResult(plan.action, _pref(_Attrs(new)), replaced, plan.reason)

        return self._write([user], tx)

    def get(self, user: str, slot: str) -> list[Preference]:
        """One slot's preferences: likes first, most recently confirmed first."""
        san.check_user(user)
        san.check_ident(slot, "slot")
        return self._read(lambda c: [_pref(r) for r in c.execute(_Q_GET, {"user": user, "slot": slot})])

    def list(self, user: str) -> builtins.list[Preference]:
        """Everything the store believes about a user (the "what do you know about me?" answer)."""
        san.check_user(user)
        return self._read(lambda c: [_pref(r) for r in c.execute(_Q_LIST, {"user": user})])

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
                conn.execute(insert(_HIST).values(
                    user_id=user, at=now, kind="preference", action=ChangeAction.FORGOTTEN.value,
                    domain=domains.pop() if len(domains) == 1 else None, slot=slot,
                    details={"preferences": n, "history_entries": h}))
            return n

        return self._write([user], tx, create=False)

    def forget_user(self, user: str) -> int:
        """Hard-delete everything about a user, history included; returns rows removed."""
        user = san.check_user(user)

        def tx(conn: Connection, now: datetime | None) -> int:
            if now is None:
                return 0
            n = 0
            for t in (_PREF, _HIST, _CONCEPTS, _DEVICES):
                n += conn.execute(delete(t).where(t.c.user_id == user)).rowcount
            conn.execute(delete(_USERS).where(_USERS.c.user_id == user))
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
        return self._read(lambda c: [_hist(r) for r in c.execute(q)])

    def history(self, user: str) -> builtins.list[HistoryEntry]:
        """Every history entry of a user, oldest first."""
        san.check_user(user)
        q = select(_HIST).where(_HIST.c.user_id == user).order_by(_HIST.c.at, _HIST.c.id)
        return self._read(lambda c: [_hist(r) for r in c.execute(q)])

    # -- personal concepts ---------------------------------------------------------------------
    def define_concept(self, user: str, name: str, definition: dict[str, Any],
                       utterance: str | None = None) -> Concept:
        """Teach a user's own concept ("study mode" = ...); redefining replaces it."""
        user = san.check_user(user)
        name = san.clean_name(name, "concept name")
        definition = san.json_safe(definition)
        utt = san.clean_utterance(utterance)

        def tx(conn: Connection, now: datetime) -> Concept:
            key = (_CONCEPTS.c.user_id == user) & (_CONCEPTS.c.name == name)
            row = conn.execute(select(_CONCEPTS.c.created_at).where(key)).first()
            if row is None:
                action, created = ChangeAction.DEFINED, now
                conn.execute(insert(_CONCEPTS).values(user_id=user, name=name, definition=definition, utterance=utt,
                                                      created_at=now, updated_at=now))
            else:
                action, created = ChangeAction.REDEFINED, row.created_at
                conn.execute(update(_CONCEPTS).where(key).values(definition=definition, utterance=utt,
                                                                 updated_at=now))
            conn.execute(insert(_HIST).values(user_id=user, at=now, kind="concept", action=action.value, value=name,
                                              value_key=name, utterance=utt, details={"definition": definition}))
            return Concept(user, name, definition, utt, created, now)

        return self._write([user], tx)

    def get_concept(self, user: str, name: str) -> Concept | None:
        san.check_user(user)
        name = san.clean_name(name, "concept name")
        t = ConceptRow.__table__
        q = select(t).where(t.c.user_id == user, t.c.name == name)
        row = self._read(lambda c: c.execute(q).first())
        return Concept(row.user_id, row.name, row.definition, row.utterance, row.created_at,
                       row.updated_at) if row else None

    def list_concepts(self, user: str) -> builtins.list[Concept]:
        san.check_user(user)
        t = ConceptRow.__table__
        q = select(t).where(t.c.user_id == user).order_by(t.c.name)
        return self._read(lambda c: [Concept(r.user_id, r.name, r.definition, r.utterance, r.created_at,
                                             r.updated_at) for r in c.execute(q)])

    def forget_concept(self, user: str, name: str) -> bool:
        """Delete one concept and its history (a value-less tombstone records the forgetting)."""
        user = san.check_user(user)
        name = san.clean_name(name, "concept name")

        def tx(conn: Connection, now: datetime | None) -> bool:
            if now is None:
                return False
            n = conn.execute(delete(_CONCEPTS).where(_CONCEPTS.c.user_id == user, _CONCEPTS.c.name == name)).rowcount
            if n:
                conn.execute(delete(_HIST).where(_HIST.c.user_id == user, _HIST.c.kind == "concept",
                                                 _HIST.c.value_key == name))
                conn.execute(insert(_HIST).values(user_id=user, at=now, kind="concept",
                                                  action=ChangeAction.FORGOTTEN.value))
            return bool(n)

        return self._write([user], tx, create=False)

    # -- device states (smart-home demo) -------------------------------------------------------
    def set_device_state(self, user: str, device: str, room: str, state: dict[str, Any],
                         merge: bool = True) -> DeviceState:
        """Store a device's state; `merge` keeps keys not mentioned ("dim to 40" keeps power=on)."""
        user = san.check_user(user)
        device = san.clean_name(device, "device")
        room = san.clean_text(room, san.MAX_NAME).casefold()
        state = san.json_safe(state, "device state")

        def tx(conn: Connection, now: datetime) -> DeviceState:
            key = (_DEVICES.c.user_id == user) & (_DEVICES.c.device == device) & (_DEVICES.c.room == room)
            row = conn.execute(select(_DEVICES.c.state).where(key)).first()
            if row is None:
                new = state
                conn.execute(insert(_DEVICES).values(user_id=user, device=device, room=room, state=new,
                                                     updated_at=now))
            else:
                new = san.json_safe({**row.state, **state}, "device state") if merge else state
                conn.execute(update(_DEVICES).where(key).values(state=new, updated_at=now))
            return DeviceState(user, device, room, dict(new), now)

        return self._write([user], tx)

    def get_device_state(self, user: str, device: str, room: str) -> DeviceState | None:
        san.check_user(user)
        device = san.clean_name(device, "device")
        room = san.clean_text(room, san.MAX_NAME).casefold()
        t = DeviceStateRow.__table__
        q = select(t).where(t.c.user_id == user, t.c.device == device, t.c.room == room)
        r = self._read(lambda c: c.execute(q).first())
        return DeviceState(r.user_id, r.device, r.room, r.state, r.updated_at) if r else None

    def list_device_states(self, user: str) -> builtins.list[DeviceState]:
        san.check_user(user)
        t = DeviceStateRow.__table__
        q = select(t).where(t.c.user_id == user).order_by(t.c.room, t.c.device)
        return self._read(lambda c: [DeviceState(r.user_id, r.device, r.room, r.state, r.updated_at)
                                     for r in c.execute(q)])

    # -- privacy: export / import --------------------------------------------------------------
    def export_user(self, user: str) -> dict[str, Any]:
        """Everything stored about one user, as JSON-safe data (the input of `import_data`)."""
        user = san.check_user(user)
        return {
            "format": EXPORT_FORMAT,
            "version": EXPORT_VERSION,
            "exported_at": utcnow().isoformat(),
            "user": user,
            "preferences": [p.to_json() for p in self.list(user)],
            "concepts": [c.to_json() for c in self.list_concepts(user)],
            "device_states": [d.to_json() for d in self.list_device_states(user)],
            "history": [h.to_json() for h in self.history(user)],
        }

    def import_data(self, data: dict[str, Any]) -> dict[str, int]:
        """Restore exports: one export, or {"users": [export, ...]}.

        Each imported user's data *replaces* what the store had for that user,
        so importing the same file twice gives the same state. The file is
        untrusted: everything is validated and cleaned before anything is
        written, and all users are written in one transaction (all or nothing).
        """
        if not isinstance(data, dict):
            raise PreferenceError("import data must be a JSON object")
        exports = data.get("users") if "users" in data else [data]
        if not isinstance(exports, builtins.list):
            raise PreferenceError("'users' must be a list of exports")
        parsed = [self._parse_export(e, i) for i, e in enumerate(exports)]
        users = [p["user"] for p in parsed]
        if len(set(users)) != len(users):
            raise PreferenceError("the same user appears twice in the import")

        def tx(conn: Connection, now: datetime) -> dict[str, int]:
            counts = {"users": 0, "preferences": 0, "concepts": 0, "device_states": 0, "history": 0}
            for p in parsed:
                u = p["user"]
                for t in (_PREF, _HIST, _CONCEPTS, _DEVICES):
                    conn.execute(delete(t).where(t.c.user_id == u))
                for kind, t in (("preferences", _PREF), ("concepts", _CONCEPTS), ("device_states", _DEVICES),
                                ("history", _HIST)):
                    if p[kind]:
                        conn.execute(insert(t), [dict(fields, user_id=u) for fields in p[kind]])
                    counts[kind] += len(p[kind])
                counts["users"] += 1
            return counts

        if not parsed:
            return {"users": 0, "preferences": 0, "concepts": 0, "device_states": 0, "history": 0}
        return self._write(users, tx)

    def _parse_export(self, e: Any, index: int) -> dict[str, Any]:
        where = f"import entry {index}"
        if not isinstance(e, dict):
            raise PreferenceError(f"{where}: expected an object")
        if e.get("format") != EXPORT_FORMAT or e.get("version") != EXPORT_VERSION:
            raise PreferenceError(f"{where}: not a {EXPORT_FORMAT} version {EXPORT_VERSION} export")
        user = san.check_user(e.get("user"))
        now = utcnow()
        out: dict[str, Any] = {"user": user, "preferences": [], "concepts": [], "device_states": [], "history": []}
        seen: set[tuple[str, str, str]] = set()
        single_likes: set[tuple[str, str]] = set()
        for p in _items(e, "preferences", where):
            self._check_slot(_field(p, "domain", where), _field(p, "slot", where))
            val, recognized = self._normalize(p["slot"], _field(p, "value", where))
            pol = _enum(Polarity, p.get("polarity"), "polarity")
            conf = san.check_confidence(p.get("confidence", 1.0))
            ident = (p["domain"], p["slot"], san.value_key(val))
            if ident in seen:
                raise PreferenceError(f"{where}: {p['slot']}={val!r} appears twice")
            seen.add(ident)
            if pol is Polarity.LIKE and not spec_for(p["slot"], p["domain"]).multi_valued:
                if (p["domain"], p["slot"]) in single_likes:
                    raise PreferenceError(f"{where}: single-valued slot {p['slot']!r} has more than one like")
                single_likes.add((p["domain"], p["slot"]))
            evidence = p.get("evidence", 1)
            if not isinstance(evidence, int) or isinstance(evidence, bool) or not 1 <= evidence <= 10**9:
                raise PreferenceError(f"{where}: evidence must be a positive integer")
            out["preferences"].append(dict(
                domain=p["domain"], slot=p["slot"], value=val, value_key=ident[2], polarity=pol.value,
                source=_enum(Source, p.get("source"), "source").value,
                confidence=conf if recognized else min(conf, UNRECOGNIZED_CONFIDENCE), evidence=evidence,
                recognized=recognized and bool(p.get("recognized", True)),
                utterance=san.clean_utterance(p.get("utterance")),
                created_at=_time(p.get("created_at"), now), updated_at=_time(p.get("updated_at"), now)))
        for c in _items(e, "concepts", where):
            out["concepts"].append(dict(
                name=san.clean_name(_field(c, "name", where), "concept name"),
                definition=san.json_safe(c.get("definition")), utterance=san.clean_utterance(c.get("utterance")),
                created_at=_time(c.get("created_at"), now), updated_at=_time(c.get("updated_at"), now)))
        if len({c["name"] for c in out["concepts"]}) != len(out["concepts"]):
            raise PreferenceError(f"{where}: a concept appears twice")
        for d in _items(e, "device_states", where):
            out["device_states"].append(dict(
                device=san.clean_name(_field(d, "device", where), "device"),
                room=san.clean_text(d.get("room") or "", san.MAX_NAME).casefold(),
                state=san.json_safe(d.get("state"), "device state"), updated_at=_time(d.get("updated_at"), now)))
        if len({(d["device"], d["room"]) for d in out["device_states"]}) != len(out["device_states"]):
            raise PreferenceError(f"{where}: a device state appears twice")
        for h in _items(e, "history", where):
            kind = h.get("kind")
            if kind not in ("preference", "concept"):
                raise PreferenceError(f"{where}: history kind must be preference or concept")
            value = san.clean_text(h["value"], san.MAX_VALUE) if h.get("value") is not None else None
            slot = h.get("slot")
            if slot is not None:
                san.check_ident(slot, "slot")
            domain = h.get("domain")
            if domain is not None:
                san.check_ident(domain, "domain")
            details = h.get("details")
            out["history"].append(dict(
                at=_time(h.get("at"), now), kind=kind, action=_enum(ChangeAction, h.get("action"), "action").value,
                domain=domain, slot=slot, value=value,
                value_key=(value.casefold() if kind == "concept" else san.value_key(value)) if value else None,
                polarity=_enum(Polarity, h["polarity"], "polarity").value if h.get("polarity") else None,
                source=_enum(Source, h["source"], "source").value if h.get("source") else None,
                confidence=san.check_confidence(h["confidence"]) if h.get("confidence") is not None else None,
                utterance=san.clean_utterance(h.get("utterance")),
                details=san.json_safe(details, "history details") if details is not None else None))
        return out

    # -- overview ------------------------------------------------------------------------------
    def stats(self) -> dict[str, Any]:
        """Counts for operators: rows per table, preferences per domain, source and polarity."""
        def q(c) -> dict[str, Any]:
            count = lambda t: c.execute(select(func.count()).select_from(t)).scalar_one()  # noqa: E731
            by = lambda col: {k: n for k, n in c.execute(select(col, func.count()).group_by(col).order_by(col))}  # noqa: E731,E501
            return {
                "database": redact(self.url),
                "dialect": self.dialect,
                "users": count(UserRow.__table__),
                "preferences": count(_PREF),
                "history_entries": count(_HIST),
                "concepts": count(ConceptRow.__table__),
                "device_states": count(DeviceStateRow.__table__),
                "unrecognized_values": c.execute(
                    select(func.count()).select_from(_PREF).where(_PREF.c.recognized.is_(False))).scalar_one(),
                "by_domain": by(_PREF.c.domain),
                "by_source": by(_PREF.c.source),
                "by_polarity": by(_PREF.c.polarity),
            }
        return self._read(q)


class _Attrs:
    """Attribute view of a dict, so `_pref` builds records from rows and from written values alike."""

    def __init__(self, d: dict[str, Any]) -> None:
        self.__dict__.update(d)


def _history_row(r, action: ChangeAction, now: datetime, *, source: str, confidence: float,
                 utterance: str | None, polarity: str | None = None, details: dict | None = None) -> dict[str, Any]:
    """History insert parameters for a preference row (mapping) and what happened to it."""
    return dict(user_id=r["user_id"], at=now, kind="preference", action=action.value, domain=r["domain"],
                slot=r["slot"], value=r["value"], value_key=r["value_key"], polarity=polarity or r["polarity"],
                source=source, confidence=confidence, utterance=utterance, details=details)


def _items(e: dict, key: str, where: str) -> Iterator[dict]:
    items = e.get(key, [])
    if not isinstance(items, builtins.list):
        raise PreferenceError(f"{where}: {key!r} must be a list")
    for item in items:
        if not isinstance(item, dict):
            raise PreferenceError(f"{where}: every entry of {key!r} must be an object")
        yield item


def _field(d: dict, key: str, where: str) -> str:
    v = d.get(key)
    if not isinstance(v, str):
        raise PreferenceError(f"{where}: {key!r} must be text")
    return v


def _time(value: Any, default: datetime) -> datetime:
    if value is None:
        return default
    try:
        t = datetime.fromisoformat(value)
    except (TypeError, ValueError):
        raise PreferenceError(f"bad timestamp {value!r}") from None
    return t.replace(tzinfo=timezone.utc) if t.tzinfo is None else t.astimezone(timezone.utc)
