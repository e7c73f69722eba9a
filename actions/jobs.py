"""The scheduled self-learning jobs, started inside the action server of a served deployment.

Mining into the rewrite table and log retention run on APScheduler, every
MINING_SCHEDULE_MINUTES (0 turns them off); with several action servers on
one database each round runs once (preferences.selflearning.schedule).
"""
from __future__ import annotations

import logging
from typing import Any

from preferences.selflearning.jobs import served_jobs
from preferences.selflearning.schedule import start_scheduler
from preferences.settings import Settings
from preferences.storage.leases import JobLeases
from preferences.storage.rewrites import RewriteTable

log = logging.getLogger(__name__)


def start(s: Settings) -> Any | None:
    """The started scheduler, or None when the schedule is off."""
    if s.mining_schedule_minutes <= 0 or not s.learning_enabled:
        return None
    return start_scheduler(JobLeases(s.preferences_db_url), served_jobs(s, RewriteTable(s.preferences_db_url)))
