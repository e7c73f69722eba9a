"""Intent accuracy and entity recall on requests written by people who never saw the training data.

    .venv/bin/python benchmarks/bench_nlu_heldout.py [--data benchmarks/data/heldout/nlu_requests.jsonl]
                                                     [--model models/model-....tar.gz]

The set (benchmarks/data/heldout/, see its README) was written by a helper
who never saw the NLU data or the rules; it measures and is never trained
or tuned on. Prints, per intent, the share that reach it; per entity type,
the recall (a gold entity counts as found when an entity of the same type
was predicted whose value matches it, ignoring case and punctuation, or
contains it / is contained in it); and the share of out-of-scope requests
routed to a skill. Writes artifacts/bench/nlu_heldout.json and .png.

The same figures are also given for the requests whose words do not occur,
as a whole example, in the training data ("unseen"): short requests such as
"play some jazz" are written alike by anyone, and a figure that leans on
them says less about understanding new people.
"""
from __future__ import annotations

import argparse
import asyncio
import json
import logging
import os
import re
import sys
import time
from collections import Counter, defaultdict
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
os.environ.setdefault("RASA_TELEMETRY_ENABLED", "false")

SKILL_INTENTS = ("play_music", "ask_weather", "find_restaurant", "sports_score", "get_news", "control_device",
                 "device_status")
SCORED_ENTITIES = ("artist", "genre", "city", "cuisine", "team", "news_topic", "device", "room", "level")
TARGETS = {"intent": 0.95, "entity": 0.85, "oos_to_skill": 0.05}


def _norm(text: str) -> str:
    return " ".join(re.sub(r"[^\w\s]", " ", str(text).casefold()).split())


def matches(gold: str, predicted: str) -> bool:
    g, p = _norm(gold), _norm(predicted)
    return bool(g and p) and (g == p or g in p or p in g)


def latest_model() -> Path:
    models = sorted((ROOT / "models").glob("model-*.tar.gz"), key=lambda p: p.stat().st_mtime)
    if not models:
        raise SystemExit("no trained model in models/ (run: make setup)")
    return models[-1]


async def parse_all(model: Path, texts: list[str]) -> list[dict[str, Any]]:
    from rasa.core.agent import Agent

    agent = Agent.load(str(model))
    out = []
    for i, text in enumerate(texts):
        out.append(await agent.parse_message(text))
        if (i + 1) % 200 == 0:
            print(f"  parsed {i + 1}/{len(texts)}", file=sys.stderr)
    return out


def score(rows: list[dict[str, Any]], parsed: list[dict[str, Any]]) -> dict[str, Any]:
    per_intent: dict[str, Counter] = defaultdict(Counter)
    confusions: Counter = Counter()
    entity_found: dict[str, Counter] = defaultdict(Counter)
    for row, result in zip(rows, parsed):
        gold = row["intent"]
        predicted = (result.get("intent") or {}).get("name") or "nlu_fallback"
        per_intent[gold]["n"] += 1
        per_intent[gold]["correct"] += predicted == gold
        if predicted != gold:
            confusions[f"{gold} -> {predicted}"] += 1
        if gold == "out_of_scope":
            per_intent[gold]["to_skill"] += predicted in SKILL_INTENTS
        for ent in row.get("entities") or []:
            if ent["entity"] not in SCORED_ENTITIES:
                continue
            found = any(e.get("entity") == ent["entity"] and matches(ent["value"], e.get("value", ""))
                        for e in result.get("entities") or [])
            entity_found[ent["entity"]]["n"] += 1
            entity_found[ent["entity"]]["found"] += found
    intents = {k: round(v["correct"] / v["n"], 3) for k, v in sorted(per_intent.items())}
    skills = [k for k in intents if k in SKILL_INTENTS]
    oos = per_intent.get("out_of_scope", Counter())
    return {
        "n": len(rows),
        "intent_accuracy": intents,
        "intent_accuracy_overall": round(sum(v["correct"] for v in per_intent.values()) / max(1, len(rows)), 3),
        "skill_intent_accuracy_min": min((intents[k] for k in skills), default=0.0),
        "entity_recall": {k: round(v["found"] / v["n"], 3) for k, v in sorted(entity_found.items())},
        "entity_support": {k: v["n"] for k, v in sorted(entity_found.items())},
        "oos_to_skill": round(oos["to_skill"] / oos["n"], 3) if oos["n"] else None,
        "top_confusions": confusions.most_common(15),
        "targets": TARGETS,
    }


def plot(result: dict[str, Any], path: Path) -> None:
    import matplotlib

    matplotlib.use("Agg")
    import matplotlib.pyplot as plt

    fig, axes = plt.subplots(1, 2, figsize=(12, 4))
    names, values = zip(*result["intent_accuracy"].items())
    axes[0].barh(names, values, color="#4c72b0")
    axes[0].axvline(TARGETS["intent"], color="red", linestyle="--", label="target")
    axes[0].set_xlim(0, 1)
    axes[0].set_title("held-out intent accuracy")
    names, values = zip(*result["entity_recall"].items())
    axes[1].barh(names, values, color="#55a868")
    axes[1].axvline(TARGETS["entity"], color="red", linestyle="--")
    axes[1].set_xlim(0, 1)
    axes[1].set_title("held-out entity recall")
    fig.tight_layout()
    fig.savefig(path, dpi=100)


def training_texts() -> set[str]:
    """The NLU examples' texts (annotations removed), normalised as the scorer compares values."""
    from rasa.shared.nlu.training_data.loading import load_data

    data = load_data(str(ROOT / "rasa_project" / "data" / "nlu"))
    return {_norm(m.get("text")) for m in data.training_examples if m.get("text")}


def misses(rows: list[dict[str, Any]], parsed: list[dict[str, Any]]) -> list[dict[str, Any]]:
    """Each request whose intent or a gold entity was missed, with what the model made of it."""
    out = []
    for row, result in zip(rows, parsed):
        predicted = (result.get("intent") or {}).get("name") or "nlu_fallback"
        found = [(e.get("entity"), e.get("value")) for e in result.get("entities") or []]
        missed = [ent for ent in row.get("entities") or []
                  if not any(e == ent["entity"] and matches(ent["value"], v or "") for e, v in found)]
        if predicted != row["intent"] or missed:
            out.append({"text": row["text"], "intent": row["intent"], "predicted": predicted,
                        "missed": missed, "found": found})
    return out


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--data", type=Path, default=ROOT / "benchmarks" / "data" / "heldout" / "nlu_requests.jsonl")
    ap.add_argument("--model", type=Path, default=None)
    ap.add_argument("--out", type=Path, default=ROOT / "artifacts" / "bench" / "nlu_heldout.json")
    ap.add_argument("--misses", action="store_true",
                    help="also list every missed intent and entity (for a development set: never for the held-out one)")
    args = ap.parse_args()
    logging.disable(logging.WARNING)
    rows = [json.loads(line) for line in args.data.read_text().splitlines() if line.strip()]
    model = args.model or latest_model()
    started = time.perf_counter()
    parsed = asyncio.run(parse_all(model, [r["text"] for r in rows]))
    seen = training_texts()
    unseen = [(r, p) for r, p in zip(rows, parsed) if _norm(r["text"]) not in seen]
    result = score(rows, parsed) | {"model": model.name, "data": str(args.data.resolve().relative_to(ROOT)),
                                    "seconds": round(time.perf_counter() - started, 1)}
    result["unseen"] = {k: v for k, v in score([r for r, _ in unseen], [p for _, p in unseen]).items()
                        if k in ("n", "intent_accuracy", "intent_accuracy_overall", "entity_recall", "oos_to_skill")}
    if args.misses:
        result["misses"] = misses(rows, parsed)
    args.out.parent.mkdir(parents=True, exist_ok=True)
    args.out.write_text(json.dumps(result, indent=2))
    plot(result, args.out.with_suffix(".png"))
    print(json.dumps({k: result[k] for k in ("intent_accuracy", "intent_accuracy_overall", "entity_recall",
                                             "oos_to_skill", "top_confusions", "unseen")}, indent=1))


if __name__ == "__main__":
    main()
