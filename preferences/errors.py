"""One root exception for the library, so an adapter can tell an outage from a bug.

    AssistantError                 anything the library raises on purpose
    ├── StoreUnavailable           the database cannot be reached or is not migrated:
    │                              an outage. Adapters answer "I can't remember things
    │                              right now" and carry on; nothing is lost.
    └── PreferenceError            bad input to the library (unknown slot, empty value,
                                   malformed import, bad user id): the caller's mistake,
                                   reported as such (CLI exit 1).

Anything else (KeyError, TypeError, ...) is a bug: adapters apologise without
blaming memory and log the stack trace, so a bug is never dressed up as an
outage and an outage is never hidden in a bug report.
"""
from __future__ import annotations


class AssistantError(Exception):
    """The root of every exception the library raises deliberately."""


class StoreUnavailable(AssistantError, RuntimeError):
    """The database cannot be reached or has not been migrated (an outage, not a bug)."""


class PreferenceError(AssistantError, ValueError):
    """Bad input to the store (unknown slot, empty value, malformed import...)."""


def is_outage(exc: BaseException) -> bool:
    """True for failures of infrastructure the user can simply retry after."""
    return isinstance(exc, StoreUnavailable)


__all__ = ["AssistantError", "PreferenceError", "StoreUnavailable", "is_outage"]
