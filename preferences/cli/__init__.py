"""`prefs`: look after the assistant's memory and its self-learning from a shell.

Tables for people, `--json` for machines. Exit codes: 0 success, 1 bad
data or a refused confirmation, 2 bad arguments (including a malformed
`--db` URL), 3 database unreachable or not migrated. Errors are one line on
stderr, starting with "error:". Commands: `common` (shared), the store's
(`store_commands`) and the self-learning ones (`selflearning`: `prefs
rewrites ...`, `prefs log ...`).
"""
from preferences.cli import selflearning, store_commands  # noqa: F401 - registers the commands
from preferences.cli import defects  # noqa: F401,E402 - `prefs defects ...`
from preferences.cli.common import app

__all__ = ["app"]
