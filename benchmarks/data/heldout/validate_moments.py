#!/usr/bin/env python3
"""Validate moments.jsonl: JSON per line, unique ids, 2-6 turns, last turn is user,
t strictly increasing, labels in the allowed set, barge_in metadata consistent. Prints counts."""
import json, sys, collections, os
LABELS = {"repeat", "rephrase", "dissatisfaction", "barge_in", "none"}
path = sys.argv[1] if len(sys.argv) > 1 else os.path.join(os.path.dirname(os.path.abspath(__file__)), "moments.jsonl")
errors, ids, counts = [], set(), collections.Counter()
with open(path) as f:
    for n, line in enumerate(f, 1):
        if not line.strip():
            continue
        try:
            o = json.loads(line)
        except json.JSONDecodeError as e:
            errors.append(f"line {n}: bad JSON ({e})"); continue
        i = o.get("id")
        if not i or i in ids: errors.append(f"line {n}: missing/duplicate id {i!r}")
        ids.add(i)
        if o.get("label") not in LABELS: errors.append(f"{i}: bad label {o.get('label')!r}")
        turns = o.get("turns") or []
        if not 2 <= len(turns) <= 6: errors.append(f"{i}: {len(turns)} turns")
        prev = None
        for t in turns:
            if t.get("speaker") not in ("user", "bot"): errors.append(f"{i}: bad speaker")
            if not isinstance(t.get("text"), str) or not t["text"].strip(): errors.append(f"{i}: empty text")
            if not isinstance(t.get("t"), (int, float)) or (prev is not None and t["t"] <= prev):
                errors.append(f"{i}: t not increasing")
            prev = t.get("t")
            if "metadata" in t and not isinstance(t["metadata"], dict): errors.append(f"{i}: metadata not object")
        if turns and turns[-1].get("speaker") != "user": errors.append(f"{i}: last turn not user")
        bi = bool(turns and turns[-1].get("metadata", {}).get("barge_in"))
        if (o.get("label") == "barge_in") != bi: errors.append(f"{i}: barge_in label/metadata mismatch")
        counts[o.get("label")] += 1
for e in errors: print("ERROR", e)
for k in ["repeat", "rephrase", "dissatisfaction", "barge_in", "none"]: print(f"{k:16s}{counts[k]}")
print(f"{'total':16s}{sum(counts.values())}")
sys.exit(1 if errors else 0)
