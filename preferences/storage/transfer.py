"""Everything about one user at once: export, import (restore), forget entirely, and counts for operators.

Import files are untrusted: everything is validated and cleaned before
anything is written, and all users are written in one transaction.
"""
from __future__ import annotations

import builtins
from datetime import datetime, timezone
from typing import Any, Iterator

from sqlalchemy import delete, func, insert, select
from sqlalchemy.engine import Connection

from preferences import sanitize as san
from preferences.db import redact
from preferences.errors import PreferenceError
from preferences.models import utcnow
from preferences.records import ChangeAction, Polarity, Source
from preferences.slots import spec_for
from preferences.storage import history as hist_log
from preferences.storage.concepts import CONCEPTS
from preferences.storage.core import USERS, enum_value
from preferences.storage.devices import DEVICES
from preferences.storage.preferences import PREFS, UNRECOGNIZED_CONFIDENCE, Preferences

EXPORT_FORMAT = "teachable-assistant/preferences-export"
EXPORT_VERSION = 1
_HIST = hist_log.HISTORY


class Transfer(Preferences):
    """Mixed into PreferenceStore (needs the preference, concept and device reads beside it)."""

    def forget_user(self, user: str) -> int:
        """Hard-delete everything about a user, history included; returns rows removed."""
        user = san.check_user(user)

        def tx(conn: Connection, now: datetime | None) -> int:
            if now is None:
                return 0
            n = 0
            for t in (PREFS, _HIST, CONCEPTS, DEVICES):
                n += conn.execute(delete(t).where(t.c.user_id == user)).rowcount
            conn.execute(delete(USERS).where(USERS.c.user_id == user))
            return n

        return self._write([user], tx, create=False)

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
                for t in (PREFS, _HIST, CONCEPTS, DEVICES):
                    conn.execute(delete(t).where(t.c.user_id == u))
                for kind, t in (("preferences", PREFS), ("concepts", CONCEPTS), ("device_states", DEVICES)):
                    if p[kind]:
                        conn.execute(insert(t), [dict(fields, user_id=u) for fields in p[kind]])
                    counts[kind] += len(p[kind])
                hist_log.write(conn, [dict(fields, user_id=u) for fields in p["history"]])
                counts["history"] += len(p["history"])
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
        out["preferences"] = self._parse_preferences(e, where, now)
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
        out["history"] = [_parse_history(h, where, now) for h in _items(e, "history", where)]
        return out

    def stats(self) -> dict[str, Any]:
        """Counts for operators: rows per table, preferences per domain, source and polarity."""
        def q(c) -> dict[str, Any]:
            count = lambda t: c.execute(select(func.count()).select_from(t)).scalar_one()  # noqa: E731
            by = lambda col: {k: n for k, n in c.execute(select(col, func.count()).group_by(col).order_by(col))}  # noqa: E731,E501
            return {
                "database": redact(self.url),
                "dialect": self.dialect,
                "users": count(USERS),
                "preferences": count(PREFS),
                "history_entries": count(_HIST),
                "concepts": count(CONCEPTS),
                "device_states": count(DEVICES),
                "unrecognized_values": c.execute(
                    select(func.count()).select_from(PREFS).where(PREFS.c.recognized.is_(False))).scalar_one(),
                "by_domain": by(PREFS.c.domain),
                "by_source": by(PREFS.c.source),
                "by_polarity": by(PREFS.c.polarity),
            }
        return self._read(q)

    def _parse_preferences(self, e: dict[str, Any], where: str, now: datetime) -> builtins.list[dict[str, Any]]:
        parsed: builtins.list[dict[str, Any]] = []
        seen: set[tuple[str, str, str]] = set()
        single_likes: set[tuple[str, str]] = set()
        for p in _items(e, "preferences", where):
            self._check_slot(_field(p, "domain", where), _field(p, "slot", where))
            val, recognized = self._normalize(p["slot"], _field(p, "value", where))
            pol = enum_value(Polarity, p.get("polarity"), "polarity")
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
            parsed.append(dict(
                domain=p["domain"], slot=p["slot"], value=val, value_key=ident[2], polarity=pol.value,
                source=enum_value(Source, p.get("source"), "source").value,
                confidence=conf if recognized else min(conf, UNRECOGNIZED_CONFIDENCE), evidence=evidence,
                recognized=recognized and bool(p.get("recognized", True)),
                utterance=san.clean_utterance(p.get("utterance")),
                created_at=_time(p.get("created_at"), now), updated_at=_time(p.get("updated_at"), now)))
        return parsed


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

def _parse_history(h: dict[str, Any], where: str, now: datetime) -> dict[str, Any]:
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
    return dict(
        at=_time(h.get("at"), now), kind=kind, action=enum_value(ChangeAction, h.get("action"), "action").value,
        domain=domain, slot=slot, value=value,
        value_key=(value.casefold() if kind == "concept" else san.value_key(value)) if value else None,
        polarity=enum_value(Polarity, h["polarity"], "polarity").value if h.get("polarity") else None,
        source=enum_value(Source, h["source"], "source").value if h.get("source") else None,
        confidence=san.check_confidence(h["confidence"]) if h.get("confidence") is not None else None,
        utterance=san.clean_utterance(h.get("utterance")),
        details=san.json_safe(details, "history details") if details is not None else None)
