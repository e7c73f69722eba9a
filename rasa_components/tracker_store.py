"""Rasa's SQL tracker store at the URL the settings name: the interaction log, in every served configuration.

endpoints.yml names this class, so one setting, TRACKER_DB_URL (default: a
SQLite file var/tracker.db; a postgresql:// URL for a deployment), decides
where conversations are kept, for `make serve`, `make web`, `make chat` and
the tests alike. Conversations then survive restarts, and the miner
(preferences.selflearning) reads the same table in batches.
"""
from __future__ import annotations

from pathlib import Path
from typing import Any, Optional

from rasa.core.brokers.broker import EventBroker
from rasa.core.tracker_store import SQLTrackerStore
from rasa.shared.core.domain import Domain
from sqlalchemy.engine import make_url

from preferences.settings import settings


class ConfiguredSQLTrackerStore(SQLTrackerStore):
    def __init__(self, domain: Optional[Domain] = None, host: Optional[str] = None,
                 event_broker: Optional[EventBroker] = None, **kwargs: Any) -> None:
        url = make_url(kwargs.pop("url", None) or settings().tracker_db_url)
        dialect = url.get_backend_name()
        if dialect == "sqlite" and url.database:
            Path(url.database).parent.mkdir(parents=True, exist_ok=True)
        super().__init__(domain=domain, dialect=dialect, host=url.host, port=url.port, db=url.database or "rasa.db",
                         username=url.username, password=url.password, event_broker=event_broker,
                         query=dict(url.query) or None, **kwargs)
