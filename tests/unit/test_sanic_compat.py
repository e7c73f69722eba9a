"""The websocket fix: a real Sanic server and a real websocket client, with and without it."""
from __future__ import annotations

import asyncio
import subprocess
import sys
import textwrap
import time
from pathlib import Path

import pytest
import websockets

from rasa_components.served import ROOT, free_port, run_async

SERVER = textwrap.dedent("""
    import sys
    from sanic import Sanic
    if sys.argv[2] == "patched":
        from rasa_components import sanic_compat
        assert sanic_compat.apply()
    app = Sanic("echo")

    @app.websocket("/ws")
    async def echo(request, ws):
        while True:
            message = await ws.recv()
            await ws.send("echo:" + message)

    app.run(host="127.0.0.1", port=int(sys.argv[1]), access_log=False)
""")


async def _talk(port: int) -> str:
    async with websockets.connect(f"ws://127.0.0.1:{port}/ws", open_timeout=10) as ws:
        await ws.send("hello")
        return await asyncio.wait_for(ws.recv(), timeout=5)


def _roundtrip(tmp_path: Path, mode: str) -> str:
    port = free_port()
    script = tmp_path / "server.py"
    script.write_text(SERVER)
    log = open(tmp_path / f"{mode}.log", "wb")
    proc = subprocess.Popen([sys.executable, str(script), str(port), mode], cwd=ROOT, stdout=log,
                            stderr=subprocess.STDOUT)
    try:
        deadline = time.monotonic() + 30
        while True:
            try:
                return run_async(_talk(port))
            except OSError:
                if time.monotonic() > deadline or proc.poll() is not None:
                    raise
                time.sleep(0.3)
    finally:
        proc.terminate()
        proc.wait(timeout=10)


def test_websocket_echo_works_with_the_fix(tmp_path: Path) -> None:
    assert _roundtrip(tmp_path, "patched") == "echo:hello"


def test_websocket_echo_fails_without_the_fix(tmp_path: Path) -> None:
    with pytest.raises(Exception):
        _roundtrip(tmp_path, "unpatched")
    assert "Passing coroutines is forbidden" in (tmp_path / "unpatched.log").read_text(errors="replace")


def test_the_socketio_channel_applies_the_fix_on_import() -> None:
    from sanic.server.websockets import impl

    import rasa_components.socketio_channel  # noqa: F401

    assert type(impl.asyncio).__name__ == "_AsyncioWithTaskWrappingWait"
