"""The hash shuffle that brings a session's turns together without holding the log.

Labelling needs a whole session, but logs arrive in any order and any
partitioning: a file in time order interleaves thousands of sessions, and a
generator of batches cuts sessions anywhere. So every turn is appended to
one of `buckets` spill files chosen by a stable hash of its session id
(CRC-32: Python's ``hash`` of a string differs between processes). Later one
task reads one bucket and finds each of its sessions complete, whatever the
input order was. Memory holds at most `FLUSH_ROWS` rows per bucket per
writer; disk holds the log once, as compact pickled tuples.

Layout: ``<root>/b00007/<writer>.pkl``, each file a sequence of pickled
lists of plain tuples in `TurnRow` field order. Every writer (a task, or the
calling process) writes its own files, so no file is ever shared.
"""
from __future__ import annotations

import gc
import logging
import pickle
import shutil
import tempfile
import time
import uuid
import zlib
from collections import Counter
from collections.abc import Iterable, Iterator, Mapping
from contextlib import contextmanager
from pathlib import Path
from typing import Any

from preferences.selflearning.jsonl import BadRecord, JsonlReader, ReadReport, record_from_mapping
from preferences.selflearning.turns import LoggedTurn, TurnRow

log = logging.getLogger(__name__)

FLUSH_ROWS = 4096  # rows buffered per bucket before they are appended to its spill file
PROGRESS_SECONDS = 30.0  # how often spilling an iterable logs how far it got


@contextmanager
def no_cycle_collection() -> Iterator[None]:
    """Pause the cyclic garbage collector for the length of one task.

    Spilling and counting build millions of tuples, lists and dicts of
    strings and never a reference cycle, yet every few hundred allocations
    the collector would walk them all: pausing it saves about an eighth of
    the CPU. It is process-wide, so only the tasks use this, and only for
    their seconds; plain reference counting still frees everything.
    """
    was_enabled = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if was_enabled:
            gc.enable()


def bucket_of(session_id: str, buckets: int) -> int:
    return zlib.crc32(session_id.encode("utf-8", "surrogatepass")) % buckets


@contextmanager
def spill_root(spill_dir: str | Path | None, buckets: int) -> Iterator[Path]:
    """A fresh spill directory with one folder per bucket, removed afterwards."""
    root = Path(tempfile.mkdtemp(prefix="mining-", dir=spill_dir))
    try:
        for b in range(buckets):
            (root / f"b{b:05d}").mkdir()
        yield root
    finally:
        shutil.rmtree(root, ignore_errors=True)


class Spill:
    """One writer's buffers and files."""

    def __init__(self, root: Path, buckets: int) -> None:
        self.root, self.buckets = root, buckets
        self.name = uuid.uuid4().hex
        self.buffers: list[list[tuple[Any, ...]]] = [[] for _ in range(buckets)]
        self.bucket: dict[str, int] = {}  # session id -> bucket: sessions have several turns, a look-up beats a CRC

    def add(self, record: tuple[Any, ...]) -> None:
        """Buffer one row given as a plain tuple in TurnRow field order (tuples pickle 4x faster than rows)."""
        session = record[1]
        bucket = self.bucket.get(session)
        if bucket is None:
            if len(self.bucket) > 1_000_000:
                self.bucket.clear()
            bucket = self.bucket[session] = bucket_of(session, self.buckets)
        buffer = self.buffers[bucket]
        buffer.append(record)
        if len(buffer) >= FLUSH_ROWS:
            self._flush(bucket)

    def _flush(self, bucket: int) -> None:
        with (self.root / f"b{bucket:05d}" / f"{self.name}.pkl").open("ab") as f:
            pickle.dump(self.buffers[bucket], f, protocol=pickle.HIGHEST_PROTOCOL)
        self.buffers[bucket] = []

    def close(self) -> None:
        for bucket, buffer in enumerate(self.buffers):
            if buffer:
                self._flush(bucket)


def read_bucket(folder: Path) -> Iterator[TurnRow]:
    """Every row spilled to one bucket, by any writer."""
    for file in sorted(folder.iterdir()):
        with file.open("rb") as f:
            while True:
                try:
                    frame = pickle.load(f)
                except EOFError:
                    break
                yield from map(TurnRow._make, frame)


class RowMaker:
    """LoggedTurns and dicts to records; bad dicts are counted, like bad lines of a file."""

    def __init__(self, now: float) -> None:
        self.now = now
        self.turns = 0
        self.bad: Counter[str] = Counter()

    def records(self, items: Iterable[LoggedTurn | Mapping[str, Any]]) -> Iterator[tuple[Any, ...]]:
        for item in items:
            if isinstance(item, LoggedTurn):
                self.turns += 1
                yield tuple(item.to_row())
                continue
            try:
                record = record_from_mapping(dict(item) if isinstance(item, Mapping) else item, self.now)
            except BadRecord as bad:
                self.bad[bad.reason.value] += 1
                continue
            self.turns += 1
            yield record

    def report(self) -> ReadReport:
        return ReadReport(lines=self.turns + sum(self.bad.values()), turns=self.turns,
                          malformed=dict(sorted(self.bad.items())))


def spill_jsonl_range(path: str, start: int, end: int, root: Path, buckets: int, now: float,
                      max_line_bytes: int, max_future_seconds: float) -> ReadReport:
    """Task: spill the lines that begin in [start, end) of a JSON Lines file."""
    reader = JsonlReader(path, start=start, end=end, now=now, max_line_bytes=max_line_bytes,
                         max_future_seconds=max_future_seconds)
    spill = Spill(root, buckets)
    with no_cycle_collection():
        for record in reader.records():
            spill.add(record)
    spill.close()
    return reader.report


def spill_partition(items: Iterable[Any], root: Path, buckets: int, now: float) -> ReadReport:
    """Task: spill one partition of a dask.bag."""
    maker, spill = RowMaker(now), Spill(root, buckets)
    with no_cycle_collection():
        for record in maker.records(items):
            spill.add(record)
    spill.close()
    return maker.report()


def spill_iterable(partitions: Iterable[Iterable[Any]], root: Path, buckets: int, now: float,
                   progress: bool = False) -> ReadReport:
    """Spill partitions one at a time in this process; none is kept after it is written."""
    maker, spill = RowMaker(now), Spill(root, buckets)
    last = time.monotonic()
    for i, partition in enumerate(partitions, 1):
        for record in maker.records(partition):
            spill.add(record)
        if progress or time.monotonic() - last >= PROGRESS_SECONDS:
            last = time.monotonic()
            log.info("spilled %d partitions, %d turns", i, maker.turns)
    spill.close()
    return maker.report()
