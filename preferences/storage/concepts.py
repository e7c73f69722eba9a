"""Personal concepts: a user's own names for settings ("study mode" means ...), for that user only."""
from __future__ import annotations

import builtins
from datetime import datetime
from typing import Any

from sqlalchemy import delete, insert, select, update
from sqlalchemy.engine import Connection

from preferences import sanitize as san
from preferences.models import ConceptRow
from preferences.records import ChangeAction, Concept
from preferences.storage import history as hist_log
from preferences.storage.core import Database

CONCEPTS = ConceptRow.__table__
_HIST = hist_log.HISTORY


class Concepts(Database):
    """Mixed into PreferenceStore."""

    def define_concept(self, user: str, name: str, definition: dict[str, Any],
                       utterance: str | None = None) -> Concept:
        """Teach a user's own concept ("study mode" = ...); redefining replaces it."""
        user = san.check_user(user)
        name = san.clean_name(name, "concept name")
        definition = san.json_safe(definition)
        utt = san.clean_utterance(utterance)

        def tx(conn: Connection, now: datetime) -> Concept:
            key = (CONCEPTS.c.user_id == user) & (CONCEPTS.c.name == name)
            row = conn.execute(select(CONCEPTS.c.created_at).where(key)).first()
            if row is None:
                action, created = ChangeAction.DEFINED, now
                conn.execute(insert(CONCEPTS).values(user_id=user, name=name, definition=definition, utterance=utt,
                                                      created_at=now, updated_at=now))
            else:
                action, created = ChangeAction.REDEFINED, row.created_at
                conn.execute(update(CONCEPTS).where(key).values(definition=definition, utterance=utt,
                                                                 updated_at=now))
            hist_log.write(conn, [hist_log.entry(user, now, "concept", action, value=name, value_key=name,
                                                 utterance=utt, details={"definition": definition})])
            return Concept(user, name, definition, utt, created, now)

        return self._write([user], tx)

    def get_concept(self, user: str, name: str) -> Concept | None:
        san.check_user(user)
        name = san.clean_name(name, "concept name")
        t = CONCEPTS
        q = select(t).where(t.c.user_id == user, t.c.name == name)
        row = self._read(lambda c: c.execute(q).first())
        return Concept(row.user_id, row.name, row.definition, row.utterance, row.created_at,
                       row.updated_at) if row else None

    def list_concepts(self, user: str) -> builtins.list[Concept]:
        san.check_user(user)
        t = CONCEPTS
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
            n = conn.execute(delete(CONCEPTS).where(CONCEPTS.c.user_id == user, CONCEPTS.c.name == name)).rowcount
            if n:
                conn.execute(delete(_HIST).where(_HIST.c.user_id == user, _HIST.c.kind == "concept",
                                                 _HIST.c.value_key == name))
                hist_log.write(conn, [hist_log.entry(user, now, "concept", ChangeAction.FORGOTTEN)])
            return bool(n)

        return self._write([user], tx, create=False)
