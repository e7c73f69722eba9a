"""The servers of one configuration: the assistant(s) on free ports, with databases of their own.

SQLite: one Rasa process, preferences and tracker store in files. PostgreSQL:
two fresh databases (preferences, tracker) on the local server, dropped
afterwards, and the Redis lock store, for 1 or 2 Rasa processes.
"""
from __future__ import annotations

import os
import uuid
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any

from preferences.db import migrate
from rasa_components.served import RunningAssistant

PG = os.environ.get("LOAD_PG", "postgresql+psycopg2://postgres@127.0.0.1:5432")
REDIS_HOST, REDIS_PORT = "127.0.0.1", 6379
REDIS_DB = int(os.environ.get("LOAD_REDIS_DB", "7"))  # not 0 (the developer's) nor 11 (the e2e tests')


def pg_admin() -> Any:
    import psycopg2

    conn = psycopg2.connect(f"postgresql://{PG.split('://', 1)[1]}/postgres", connect_timeout=5)
    conn.autocommit = True
    return conn


@contextmanager
def pg_databases(count: int) -> Iterator[list[str]]:
    """`count` fresh databases on the local PostgreSQL server, dropped afterwards."""
    names = [f"load_{os.getpid()}_{uuid.uuid4().hex[:8]}" for _ in range(count)]
    conn = pg_admin()
    with conn.cursor() as cur:
        for name in names:
            cur.execute(f'CREATE DATABASE "{name}"')
    try:
        yield [f"{PG}/{name}" for name in names]
    finally:
        with conn.cursor() as cur:
            for name in names:
                cur.execute(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')
        conn.close()


@contextmanager
def redis_db() -> Iterator[int]:
    """The lock store's Redis database, flushed before and after (only that one)."""
    import redis

    client = redis.Redis(host=REDIS_HOST, port=REDIS_PORT, db=REDIS_DB, socket_connect_timeout=3)
    client.flushdb()
    try:
        yield REDIS_DB
    finally:
        client.flushdb()
        client.close()


@contextmanager
def served(db: str, processes: int, workdir: Path, extra_env: dict[str, str] | None = None
           ) -> Iterator[tuple[list[RunningAssistant], str]]:
    """The assistant(s) of one configuration, and the preferences URL they write to."""
    extra_env = dict(extra_env or {})
    if db == "sqlite":
        if processes != 1:
            raise SystemExit("two Rasa processes need PostgreSQL (--db postgresql): SQLite is one machine's file")
        url = f"sqlite:///{workdir / 'preferences.db'}"
        migrate(url)
        assistant = RunningAssistant(workdir / "instance-1", url, extra_env=extra_env)
        assistant.start()
        try:
            yield [assistant], url
        finally:
            assistant.stop()
        return
    with pg_databases(2) as (url, tracker), redis_db() as number:
        migrate(url)
        lock = (f"lock_store:\n  type: rasa_components.lock_store.AtomicRedisLockStore\n  url: {REDIS_HOST}\n"
                f"  port: {REDIS_PORT}\n  db: {number}\n  key_prefix: load{uuid.uuid4().hex[:8]}\n")
        env = extra_env | {"TRACKER_DB_URL": tracker.replace("+psycopg2", "")}
        instances = [RunningAssistant(workdir / f"instance-{n}", url, extra_env=env, endpoints_extra=lock)
                     for n in range(1, processes + 1)]
        try:
            instances[0].start()  # the first creates Rasa's tables; the others then start on them
            for instance in instances[1:]:
                instance.start()
            yield instances, url
        finally:
            for instance in instances:
                instance.stop()
