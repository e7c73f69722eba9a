"""Sanic 21.12 websockets on Python 3.11.

Rasa 3.6 pins Sanic 21.12, whose websocket implementation calls
`asyncio.wait((future, self.assembler.get(...)))` with a bare coroutine in
`recv` and `recv_burst`. Python 3.11 forbids coroutines there ("Passing
coroutines is forbidden, use tasks explicitly"), so every websocket receive
fails and the socket.io channel never completes its upgrade: the web chat
hangs. The fix is the one Sanic itself made later: wrap each awaitable in a
task. It is applied to that one module's view of `asyncio`, nothing else.
"""
from __future__ import annotations

import asyncio
from typing import Any


class _AsyncioWithTaskWrappingWait:
    """`asyncio`, except that `wait` turns bare coroutines into tasks first."""

    def __getattr__(self, name: str) -> Any:
        return getattr(asyncio, name)

    @staticmethod
    def wait(fs: Any, *args: Any, **kwargs: Any) -> Any:
        return asyncio.wait([asyncio.ensure_future(f) for f in fs], *args, **kwargs)


def apply() -> bool:
    """Patch sanic.server.websockets.impl once; returns True if it was needed and applied."""
    try:
        from sanic.server.websockets import impl
    except ImportError:  # a Sanic without this module needs no patch
        return False
    if isinstance(impl.asyncio, _AsyncioWithTaskWrappingWait):
        return False
    impl.asyncio = _AsyncioWithTaskWrappingWait()  # type: ignore[assignment]
    return True
