"""The concurrent users: each plays conversations as new users, over REST or socket.io, until time is up.

All of them run on one asyncio event loop (aiohttp for REST, python-socketio's
client over HTTP long-polling for socket.io), so the shared `Results` need
no locks.
"""
from __future__ import annotations

import argparse
import asyncio
import random
import time
import uuid

import aiohttp
import socketio

from loadtest import console
from loadtest.conversations import Script, script_for
from loadtest.judging import Results, judge, percentile, remember


async def rest_user(session: aiohttp.ClientSession, urls: list[str], script: Script, results: Results,
                    think: float, stop_at: float) -> None:
    """A REST user; with several instances, its turns go round-robin (any instance can take any turn)."""
    for i, turn in enumerate(script.steps):
        url = urls[i % len(urls)]
        start = time.perf_counter()
        texts, error = [], None
        try:
            async with session.post(f"{url}/webhooks/rest/webhook", json={"sender": script.user, "message": turn.text},
                                    timeout=aiohttp.ClientTimeout(total=60)) as r:
                if r.status != 200:
                    error = f"HTTP {r.status}: {(await r.text())[:200]}"
                else:
                    texts = [m.get("text", "") for m in await r.json() if m.get("text")]
        except (aiohttp.ClientError, asyncio.TimeoutError) as exc:
            error = f"{type(exc).__name__}: {exc}"
        remember(results, script.user, turn,
                 judge(results, script, i, texts, (time.perf_counter() - start) * 1000, "rest", error))
        if time.monotonic() > stop_at:
            return
        await asyncio.sleep(random.uniform(0, 2 * think))


async def socketio_user(url: str, script: Script, results: Results, think: float, stop_at: float) -> None:
    """A web-chat user (socket.io over long-polling); latency is the time to the first answer message."""
    # request_timeout: the handshake waits like a REST turn may (engine.io's default of 5 s fails under load)
    client = socketio.AsyncClient(reconnection=False, request_timeout=60)
    answers: asyncio.Queue[str] = asyncio.Queue()
    confirmed = asyncio.Event()
    client.on("session_confirm", lambda *_: confirmed.set())
    client.on("bot_uttered", lambda data: answers.put_nowait(data.get("text", "")))
    try:
        await client.connect(url, transports=["polling"], socketio_path="/socket.io", wait_timeout=30)
        await client.emit("session_request", {"session_id": script.user})
        await asyncio.wait_for(confirmed.wait(), 30)
    except Exception as exc:  # noqa: BLE001 - a refused or hung connection is a failed request, reported
        results.failures.append({"user": script.user, "said": "(connect)", "channel": "socketio",
                                 "error": f"{type(exc).__name__}: {exc}"})
        await leave(client)
        return
    try:
        for i, turn in enumerate(script.steps):
            start = time.perf_counter()
            texts, error, ms = [], None, 0.0
            try:
                await client.emit("user_uttered", {"message": turn.text, "session_id": script.user})
                texts.append(await asyncio.wait_for(answers.get(), 60))
                ms = (time.perf_counter() - start) * 1000
                while True:  # the turn's further messages: socket.io has no end-of-turn marker
                    texts.append(await asyncio.wait_for(answers.get(), 0.4))
            except asyncio.TimeoutError:
                if not texts:
                    error, ms = "no answer within 60 s", (time.perf_counter() - start) * 1000
            except socketio.exceptions.SocketIOError as exc:  # the server dropped the session: this turn failed
                judge(results, script, i, [], (time.perf_counter() - start) * 1000, "socketio",
                      f"{type(exc).__name__}: {exc}")
                return
            remember(results, script.user, turn, judge(results, script, i, texts, ms, "socketio", error))
            if time.monotonic() > stop_at:
                return
            await asyncio.sleep(random.uniform(0, 2 * think))
    finally:
        await leave(client)


async def leave(client: socketio.AsyncClient) -> None:
    """Disconnect without waiting on a long-poll to end: the session is over either way."""
    try:
        await asyncio.wait_for(client.disconnect(), 5)
    except (asyncio.TimeoutError, Exception):  # noqa: BLE001 - a failed goodbye is not a failed request
        pass


async def simulated_user(slot: int, urls: list[str], session: aiohttp.ClientSession, results: Results,
                         args: argparse.Namespace, stop_at: float, rng: random.Random) -> None:
    """One of the concurrent users: plays scripts as new users, one after the other, until time is up."""
    await asyncio.sleep(rng.uniform(0, 2.0))  # a ramp, not fifty requests in the same millisecond
    while time.monotonic() < stop_at:
        results.users_started += 1
        over_socketio = rng.random() < args.socketio_share
        script = script_for(f"load-{slot}-{uuid.uuid4().hex[:8]}", rng)
        if over_socketio:
            await socketio_user(urls[slot % len(urls)], script, results, args.think, stop_at)
        else:
            await rest_user(session, urls, script, results, args.think, stop_at)
        results.users_finished += 1


async def progress(results: Results, began: float, stop_at: float, every: float = 10.0) -> None:
    """A line every `every` seconds: so a long run shows it is alive, and a failure shows when it began."""
    seen = 0
    while time.monotonic() < stop_at + 65:
        await asyncio.sleep(every)
        window = [ms for _, ms, _ in results.latencies[seen:]]
        seen = len(results.latencies)
        console.print(f"[{time.monotonic() - began:5.0f}s] turns {seen:6d}  {len(window) / every:5.1f}/s  "
                      f"p50 {percentile(window, 0.5):6.0f} ms  p95 {percentile(window, 0.95):6.0f} ms  "
                      f"failed {len(results.failures)}  wrong {len(results.wrong)}  users {results.users_started}")


async def drive(urls: list[str], args: argparse.Namespace) -> tuple[Results, float]:
    results, rng = Results(), random.Random(args.seed)
    began = time.monotonic()
    stop_at = began + args.minutes * 60
    # Idle connections are dropped before Rasa's Sanic closes them (5 s), as a browser would: a request written
    # to a connection the server is closing would fail for the client, not for the assistant.
    connector = aiohttp.TCPConnector(limit=0, keepalive_timeout=3)
    async with aiohttp.ClientSession(connector=connector) as session:
        ticker = asyncio.create_task(progress(results, began, stop_at))
        await asyncio.gather(*(simulated_user(n, urls, session, results, args, stop_at, random.Random(rng.random()))
                               for n in range(args.users)))
        ticker.cancel()
    # The span of the turns (the first user starts at once, the last turn ends after the deadline), not of the
    # goodbyes that follow it.
    last = max((at for at, _, _ in results.latencies), default=time.monotonic())
    return results, last - began
