"""Learning from failures without being taught: mining precomputed rewrites from the turn log.

People react when the assistant fails: they interrupt, complain, rephrase
or give up. Pooled over many users, those reactions say which requests fail
and which wording succeeds instead (docs: /work/shared/self-learning.md).
The pieces, in the order a mining pass uses them:

* `turns`: the logged turn (`LoggedTurn`) and its outcome and signals;
* `jsonl`: the JSON Lines log, read defensively and written plainly;
* `normalize`: the request key that names a state and a rewrite;
* `outcome`: the rules that decide success or defect, in one place;
* `chains`: rephrase chains, from a defect to success or failure;
* `counting`: the grouped count over sessions;
* `markov`: the absorbing Markov chain, its sparse solve and the decision;
* `miner`: the pass on Dask, streaming, with its result records;
* `settings`: every threshold, with the reason for its default.

Like the rest of `preferences`, nothing here imports Rasa. `tracker_store`
reads the events table in the layout Rasa's SQL tracker store writes (the
served log) with plain SQLAlchemy: the one place that knows that layout,
kept here so the jobs and the CLI can read the log without an adapter.
Then `runtime` applies the table, `selfaware` judges it, `jobs` runs the
mining into the versioned table, and `schedule` runs the jobs once per
round across instances.
"""
from preferences.selflearning.chains import Chain, ChainEnd, extract_chains
from preferences.selflearning.jsonl import JsonlReader, ReadReport, read_jsonl, write_jsonl
from preferences.selflearning.normalize import request_key
from preferences.selflearning.outcome import label_session
from preferences.selflearning.settings import MiningSettings
from preferences.selflearning.turns import LoggedTurn, Outcome, OutcomeSignal

__all__ = [
    "Chain", "ChainEnd", "JsonlReader", "LoggedTurn", "MinedRewrite", "MiningResult", "MiningSettings", "Outcome",
    "OutcomeSignal", "ReadReport", "extract_chains", "label_session", "mine", "mine_jsonl", "read_jsonl",
    "request_key", "write_jsonl",
]

_MINER = ("MinedRewrite", "MiningResult", "mine", "mine_jsonl")


def __getattr__(name: str) -> object:
    """The miner on first use only: it imports Dask and SciPy, which a run-time lookup does not need."""
    if name in _MINER:
        from preferences.selflearning import miner

        return getattr(miner, name)
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
