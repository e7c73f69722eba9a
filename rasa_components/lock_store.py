"""Rasa's Redis lock store with every change of a ticket queue made atomic: for several Rasa instances.

Why not Rasa's own `type: redis`: Rasa 3.6's RedisLockStore keeps a
conversation's ticket queue as one JSON value and changes it with GET, change,
SET (issuing a ticket, dropping expired ones, finishing one). Two instances
that take a message of the same conversation at the same moment both read the
empty queue, both get ticket 0 and both process the turn at once; the second
tracker save then drops events of the first (RasaHQ/rasa#9213; Rasa's fix,
ConcurrentRedisLockStore, is Rasa Pro only). tests/e2e/test_two_instances.py
shows both: tickets issued concurrently repeat with Rasa's class and never
with this one, and two simultaneous turns of one user on two instances are
both kept, each whole.

Here each change runs in a Redis WATCH/MULTI transaction, retried when another
instance changed the queue in between, so ticket numbers are unique and the
queue is served in order across instances. Keys and values are RedisLockStore's
(`<key_prefix>:lock:<conversation id>`); do not mix the two classes on one
Redis database. endpoints.yml (docs/deployment.md):

    lock_store:
      type: rasa_components.lock_store.AtomicRedisLockStore
      url: localhost        # and port, db, password, key_prefix, as for `type: redis`
"""
from __future__ import annotations

import json
from typing import Any, Callable, Optional, Text, TypeVar

from rasa.core.lock import TicketLock
from rasa.core.lock_store import LOCK_LIFETIME, LockError, RedisLockStore
from rasa.utils.endpoints import EndpointConfig

T = TypeVar("T")


class AtomicRedisLockStore(RedisLockStore):
    """RedisLockStore whose ticket queue changes are Redis transactions (see the module docstring)."""

    def __init__(self, endpoint_config: Optional[EndpointConfig] = None, **kwargs: Any) -> None:
        # Rasa builds a lock store named by module path with `cls(endpoint_config=...)`.
        if endpoint_config is not None:
            kwargs = {"host": endpoint_config.url or "localhost", **endpoint_config.kwargs, **kwargs}
        super().__init__(**kwargs)

    def _change(self, conversation_id: Text, change: Callable[[Optional[TicketLock]], tuple[T, Optional[TicketLock],
                                                                                               bool]]) -> T:
        """Apply `change` to the stored lock atomically: (result, lock to save or None, delete the key?)."""
        import redis

        key = self.key_prefix + conversation_id
        with self.red.pipeline() as pipe:
            while True:
                try:
                    pipe.watch(key)
                    raw = pipe.get(key)
                    lock = TicketLock.from_dict(json.loads(raw)) if raw else None
                    result, save, delete = change(lock)
                    pipe.multi()
                    if save is not None:
                        pipe.set(key, save.dumps())
                    elif delete:
                        pipe.delete(key)
                    pipe.execute()
                    return result
                except redis.WatchError:  # another instance changed the queue first: read it again
                    continue

    def issue_ticket(self, conversation_id: Text, lock_lifetime: float = LOCK_LIFETIME) -> int:
        def issue(lock: Optional[TicketLock]) -> tuple[int, TicketLock, bool]:
            lock = lock or self.create_lock(conversation_id)
            return lock.issue_ticket(lock_lifetime), lock, False

        try:
            return self._change(conversation_id, issue)
        except Exception as e:  # noqa: BLE001 - as RedisLockStore: the caller handles LockError
            raise LockError(f"Error while acquiring lock. Error:\n{e}") from e

    def update_lock(self, conversation_id: Text) -> None:
        def drop_expired(lock: Optional[TicketLock]) -> tuple[None, Optional[TicketLock], bool]:
            if lock is not None:
                lock.remove_expired_tickets()
            return None, lock, False

        self._change(conversation_id, drop_expired)

    def finish_serving(self, conversation_id: Text, ticket_number: int) -> None:
        self._finish(conversation_id, ticket_number, delete_if_idle=False)

    def cleanup(self, conversation_id: Text, ticket_number: int) -> None:
        """Finish the ticket and, in the same transaction, delete the lock if nobody else waits."""
        self._finish(conversation_id, ticket_number, delete_if_idle=True)

    def _finish(self, conversation_id: Text, ticket_number: int, delete_if_idle: bool) -> None:
        def finish(lock: Optional[TicketLock]) -> tuple[None, Optional[TicketLock], bool]:
            if lock is None:
                return None, None, False
            lock.remove_ticket_for(ticket_number)
            if delete_if_idle and not lock.is_someone_waiting():
                return None, None, True
            return None, lock, False

        self._change(conversation_id, finish)
