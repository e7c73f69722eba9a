"""The preference store: the assistant's memory of each user, over one database.

Its parts live in `preferences.storage`, one entity each (preferences and
their history, concepts, device states, export/import), all on one
transaction core that takes the user's lock for every write and turns a
database that went away into `StoreUnavailable`. This class puts them
together so callers hold one object per process.
"""
from __future__ import annotations

from sqlalchemy.engine import Engine

from preferences.storage.concepts import Concepts
from preferences.storage.devices import DeviceStates
from preferences.storage.preferences import UNRECOGNIZED_CONFIDENCE, Normalizer, catalog_normalizer
from preferences.storage.transfer import EXPORT_FORMAT, EXPORT_VERSION, Transfer


class PreferenceStore(Transfer, Concepts, DeviceStates):
    """Record, read, explain and forget one user's preferences, concepts and device states.

    `url`: SQLAlchemy URL (default: $PREFERENCES_DB_URL or var/preferences.db).
    `normalizer`: `(slot, value) -> canonical value | None`; defaults to the catalogs.
    The schema must exist (`preferences.db.migrate(url)` / `prefs migrate`).
    """

    def __init__(self, url: str | None = None, *, engine: Engine | None = None,
                 normalizer: Normalizer | None = None) -> None:
        super().__init__(url, engine=engine)
        self._normalizer = normalizer or catalog_normalizer


__all__ = ["EXPORT_FORMAT", "EXPORT_VERSION", "UNRECOGNIZED_CONFIDENCE", "PreferenceStore", "catalog_normalizer"]
