"""Failure point isolation: for each request, which part of the assistant failed first, irrecoverably.

The pieces, in the order a report uses them (docs/failure-points.md):

* `classes`: the failure points, in pipeline order, with documented examples;
* `sources`: raw turns from Rasa's tracker store or a JSON Lines log;
* `resolve`: each entity's resolution and alternatives: the skill's record when the log has it
  (`preferences.resolution`), else re-resolved with the catalogs;
* `trace`: the per-request trace: interpretation, resolution, action, answer, context, rephrase diff;
* `rules`: the rule labeller, the baseline; `features` + `model`: the scikit-learn classifier;
* `classify`: many sessions on Dask; `report`: counts, shares over time, top failing requests, the plot;
* `generate` (+ `generate_data`, `noise`) and `evaluation`: labelled simulated traffic, train/held-out figures.

Nothing here imports Rasa.
"""
