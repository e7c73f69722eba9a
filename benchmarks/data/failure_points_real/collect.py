"""Collect real conversations with the served assistant (see README.md).

    TEACHABLE_MODEL=$(ls -t /work/main/models/model-*.tar.gz | head -1) \
        .venv/bin/python benchmarks/data/failure_points_real/collect.py [--set DIR] [--workdir DIR] [--out DIR]

--set: the directory whose conversations.py to play (default: this one; the second set is
benchmarks/data/failure_points_real2). Outputs go to --out, by default that directory.

Starts one assistant (Rasa + action server, SQLite tracker store and preference
store in a fresh workdir), sends every scripted conversation turn by turn over
REST (each conversation its own user id, ~1 s between turns), then copies the
workdir's tracker.db and writes transcripts.jsonl next to this file.
"""
from __future__ import annotations

import argparse
import importlib.util
import json
import os
import random
import shutil
import sys
import tempfile
import time
from pathlib import Path

HERE = Path(__file__).resolve().parent
ROOT = HERE.parents[2]
sys.path.insert(0, str(ROOT))

from preferences.db import migrate  # noqa: E402
from rasa_components.served import RunningAssistant  # noqa: E402


def conversations(directory: Path) -> list[tuple[str, list[str]]]:
    """The scripted conversations of one set (its conversations.py), loaded by path: each set keeps its own."""
    spec = importlib.util.spec_from_file_location(f"conversations_{directory.name}", directory / "conversations.py")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module.CONVERSATIONS


def newest_model() -> Path:
    return max(ROOT.glob("models/model-*.tar.gz"), key=lambda p: p.stat().st_mtime)


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--workdir", type=Path, default=None)
    ap.add_argument("--set", type=Path, default=HERE, help="directory with conversations.py")
    ap.add_argument("--out", type=Path, default=None, help="where outputs go (default: --set)")
    ap.add_argument("--seed", type=int, default=7)
    args = ap.parse_args()
    args.out = args.out or args.set
    CONVERSATIONS = conversations(args.set)
    rng = random.Random(args.seed)
    os.environ.setdefault("TEACHABLE_MODEL", str(newest_model()))
    workdir = args.workdir or Path(tempfile.mkdtemp(prefix="fp-real-"))
    workdir.mkdir(parents=True, exist_ok=True)
    db_url = f"sqlite:///{workdir}/prefs.db"
    migrate(db_url)
    print(f"model {os.environ['TEACHABLE_MODEL']}  workdir {workdir}", flush=True)
    a = RunningAssistant(workdir, db_url).start()
    rows = []
    meta = {"model": os.environ["TEACHABLE_MODEL"], "started": time.time()}
    try:
        for user, turns in CONVERSATIONS:
            for n, text in enumerate(turns, 1):
                if n > 1:
                    time.sleep(rng.uniform(0.8, 1.6))  # reading the reply, typing the next turn
                ts = time.time()
                try:
                    replies = a.say(user, text)
                except Exception as e:  # keep going; note it in the transcript
                    replies = []
                    print(f"  ERROR {user}#{n}: {e!r}", flush=True)
                rows.append({"id": f"{user}#{n}", "user": user, "n": n, "text": text,
                             "replies": replies, "ts": round(ts, 3)})
                print(f"{user}#{n} > {text}\n        < {replies}", flush=True)
            time.sleep(rng.uniform(1.0, 3.0))  # the next person comes along
    finally:
        meta["finished"] = time.time()
        a.stop()
    args.out.mkdir(parents=True, exist_ok=True)
    with open(args.out / "transcripts.jsonl", "w") as f:
        for r in rows:
            f.write(json.dumps(r, ensure_ascii=False) + "\n")
    shutil.copy2(workdir / "tracker.db", args.out / "tracker.db")
    (args.out / "collection_meta.json").write_text(json.dumps(
        meta | {"workdir": str(workdir), "conversations": len(CONVERSATIONS), "turns": len(rows)}, indent=2) + "\n")
    print(f"{len(CONVERSATIONS)} conversations, {len(rows)} turns -> {args.out}", flush=True)


if __name__ == "__main__":
    main()
