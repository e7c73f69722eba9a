"""Device states of the smart-home demo: operational state, per user, not learned (so no history)."""
from __future__ import annotations

import builtins
from datetime import datetime
from typing import Any

from sqlalchemy import insert, select, update
from sqlalchemy.engine import Connection

from preferences import sanitize as san
from preferences.models import DeviceStateRow
from preferences.records import DeviceState
from preferences.storage.core import Database

DEVICES = DeviceStateRow.__table__


class DeviceStates(Database):
    """Mixed into PreferenceStore; implements preferences.skills.devices.DeviceStateStore."""

    def set_device_state(self, user: str, device: str, room: str, state: dict[str, Any],
                         merge: bool = True) -> DeviceState:
        """Store a device's state; `merge` keeps keys not mentioned ("dim to 40" keeps power=on)."""
        user = san.check_user(user)
        device = san.clean_name(device, "device")
        room = san.clean_text(room, san.MAX_NAME).casefold()
        state = san.json_safe(state, "device state")

        def tx(conn: Connection, now: datetime) -> DeviceState:
            key = (DEVICES.c.user_id == user) & (DEVICES.c.device == device) & (DEVICES.c.room == room)
            row = conn.execute(select(DEVICES.c.state).where(key)).first()
            if row is None:
                new = state
                conn.execute(insert(DEVICES).values(user_id=user, device=device, room=room, state=new,
                                                     updated_at=now))
            else:
                new = san.json_safe({**row.state, **state}, "device state") if merge else state
                conn.execute(update(DEVICES).where(key).values(state=new, updated_at=now))
            return DeviceState(user, device, room, dict(new), now)

        return self._write([user], tx)

    def get_device_state(self, user: str, device: str, room: str) -> DeviceState | None:
        san.check_user(user)
        device = san.clean_name(device, "device")
        room = san.clean_text(room, san.MAX_NAME).casefold()
        t = DEVICES
        q = select(t).where(t.c.user_id == user, t.c.device == device, t.c.room == room)
        r = self._read(lambda c: c.execute(q).first())
        return DeviceState(r.user_id, r.device, r.room, r.state, r.updated_at) if r else None

    def list_device_states(self, user: str) -> builtins.list[DeviceState]:
        san.check_user(user)
        t = DEVICES
        q = select(t).where(t.c.user_id == user).order_by(t.c.room, t.c.device)
        return self._read(lambda c: [DeviceState(r.user_id, r.device, r.room, r.state, r.updated_at)
                                     for r in c.execute(q)])
