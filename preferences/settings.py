"""Every setting of the library, read from the environment in one place.

Why one object: before it, the database URL, the learning switch and the
offline flags were read in three modules and again in shell, each with its
own default. Now a default is decided once, here, and shell scripts get
theirs from `python -m preferences.settings --shell` (see scripts/env.sh).

`settings()` is cached for the life of the process: servers read their
configuration at start, like every server does. Tests that need other values
build a `Settings(...)` themselves or call `settings.cache_clear()`.
"""
from __future__ import annotations

import os
import shlex
import sys
from dataclasses import dataclass, fields
from functools import lru_cache
from pathlib import Path

REPO_ROOT = Path(__file__).resolve().parent.parent
_FALSE = ("0", "false", "no", "off")


def _flag(name: str, default: bool) -> bool:
    raw = os.environ.get(name)
    if raw is None or not raw.strip():
        return default
    return raw.strip().lower() not in _FALSE


def _int(name: str, default: int) -> int:
    raw = os.environ.get(name, "").strip()
    try:
        return int(raw) if raw else default
    except ValueError:
        raise SystemExit(f"error: {name} must be a whole number, not {raw!r}") from None


def _float(name: str, default: float) -> float:
    raw = os.environ.get(name, "").strip()
    try:
        return float(raw) if raw else default
    except ValueError:
        raise SystemExit(f"error: {name} must be a number, not {raw!r}") from None


def _text(name: str, default: str | None = None) -> str | None:
    raw = os.environ.get(name)
    return raw.strip() if raw and raw.strip() else default


def _choice(name: str, allowed: tuple[str, ...], default: str) -> str:
    raw = (os.environ.get(name) or "").strip().lower()
    if not raw:
        return default
    if raw not in allowed:
        raise SystemExit(f"error: {name} must be one of {', '.join(allowed)}, not {raw!r}")
    return raw


@dataclass(frozen=True)
class Settings:
    """The environment, parsed and defaulted. Field name = variable name in lower case."""

    preferences_db_url: str  # SQLAlchemy URL of preferences, history, concepts, rewrites
    learning_enabled: bool = True  # false: the plain assistant (the latency baseline)
    rasa_port: int = 5005
    actions_port: int = 5055
    web_port: int = 8080
    assistant_secret: str | None = None  # set: servers may bind beyond loopback, and require tokens
    hf_hub_offline: bool = True  # the embedding model comes from an installed package, never a hub
    # Security (docs/security.md). Without assistant_secret every server binds 127.0.0.1 whatever bind_host says.
    bind_host: str = "127.0.0.1"  # with the secret set: the interface the servers listen on (e.g. 0.0.0.0)
    cors_origins: str | None = None  # the page's origins, space/comma separated; default localhost:web_port
    web_token_ttl: int = 43200  # seconds a token minted by the page server for a browser lasts
    max_message_bytes: int = 4096  # longer messages get a clear "too long" answer, never reach the NLU
    rate_limit_user_per_minute: float = 60.0  # per user id (with the secret set); 0 = no limit
    rate_limit_user_burst: int = 20
    rate_limit_address_per_minute: float = 600.0  # per client address (with the secret set); 0 = no limit
    rate_limit_address_burst: int = 120
    # Self-learning (docs/self-learning.md).
    rewrites_enabled: bool = True  # apply precomputed rewrites before interpretation
    rewrite_held_out_share: float = 0.1  # matching turns left un-rewritten, to measure each rewrite
    rewrite_refresh_seconds: float = 30.0  # a new rewrite version (or online index) takes effect within this time
    # Online rewriting (docs/online-rewriting.md): off | global | personal (the user's own layer over the global one)
    online_rewriting: str = "personal"
    tracker_db_url: str | None = None  # Rasa's SQL tracker store (the interaction log); default var/tracker.db
    mining_schedule_minutes: float = 10.0  # how often the served deployment mines rewrites; 0 = never
    log_retention_days: float = 90.0  # turns older than this are pruned from the log
    # A dask.distributed scheduler (tcp://host:8786) for mining; unset: Dask's local scheduler.
    dask_scheduler_address: str | None = None

    @property
    def secured(self) -> bool:
        return bool(self.assistant_secret)


def default_db_url() -> str:
    path = REPO_ROOT / "var" / "preferences.db"
    return f"sqlite:///{path}"


def default_tracker_url() -> str:
    return f"sqlite:///{REPO_ROOT / 'var' / 'tracker.db'}"


def from_environment() -> Settings:
    """Build the settings from the environment as it is now (uncached)."""
    return Settings(
        preferences_db_url=_text("PREFERENCES_DB_URL", default_db_url()) or default_db_url(),
        learning_enabled=_flag("LEARNING_ENABLED", True),
        rasa_port=_int("RASA_PORT", 5005),
        actions_port=_int("ACTIONS_PORT", 5055),
        web_port=_int("WEB_PORT", 8080),
        assistant_secret=_text("ASSISTANT_SECRET"),
        hf_hub_offline=_flag("HF_HUB_OFFLINE", True),
        bind_host=_text("BIND_HOST", "127.0.0.1") or "127.0.0.1",
        cors_origins=_text("CORS_ORIGINS"),
        web_token_ttl=_int("WEB_TOKEN_TTL", 43200),
        max_message_bytes=_int("MAX_MESSAGE_BYTES", 4096),
        rate_limit_user_per_minute=_float("RATE_LIMIT_USER_PER_MINUTE", 60.0),
        rate_limit_user_burst=_int("RATE_LIMIT_USER_BURST", 20),
        rate_limit_address_per_minute=_float("RATE_LIMIT_ADDRESS_PER_MINUTE", 600.0),
        rate_limit_address_burst=_int("RATE_LIMIT_ADDRESS_BURST", 120),
        rewrites_enabled=_flag("REWRITES_ENABLED", True),
        rewrite_held_out_share=_float("REWRITE_HELD_OUT_SHARE", 0.1),
        rewrite_refresh_seconds=_float("REWRITE_REFRESH_SECONDS", 30.0),
        online_rewriting=_choice("ONLINE_REWRITING", ("off", "global", "personal"), "personal"),
        tracker_db_url=_text("TRACKER_DB_URL", default_tracker_url()),
        mining_schedule_minutes=_float("MINING_SCHEDULE_MINUTES", 10.0),
        log_retention_days=_float("LOG_RETENTION_DAYS", 90.0),
        dask_scheduler_address=_text("DASK_SCHEDULER_ADDRESS"),
    )


@lru_cache(maxsize=1)
def settings() -> Settings:
    """The process's settings, read once."""
    return from_environment()


def shell_exports(s: Settings) -> str:
    """`export NAME=value` lines for the shell scripts, so they share these defaults."""
    lines = []
    for f in fields(s):
        value = getattr(s, f.name)
        if value is None:
            continue
        if isinstance(value, bool):
            value = "1" if value else "0"  # what HF_HUB_OFFLINE and friends expect
        lines.append(f"export {f.name.upper()}={shlex.quote(str(value))}")
    return "\n".join(lines)


if __name__ == "__main__":  # python -m preferences.settings --shell
    if sys.argv[1:] == ["--shell"]:
        print(shell_exports(from_environment()))
    else:
        print(from_environment())
