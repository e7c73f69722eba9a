"""Online rewriting: for a request likely to fail, a similar request that succeeded before.

Precomputed rewrites (the Markov miner) fix failures many users share, by
exact match. The long tail (a spelling nobody mined yet, a place only this
user means) is handled at run time:

1. `trigger`: is this interpretation likely to fail? Low intent confidence,
   a fallback, an entity the catalogs cannot resolve, or one they find
   ambiguous ("Springfield").
2. `retrieval`: candidates by MiniLM embedding similarity from two indexes:
   the user's own past successful requests (personal layer) and requests
   that succeeded for several users (global layer).
3. `ranking`: fuzzy match, frequency, recency and success rate decide; the
   personal layer wins where the user's history is clear, the global layer
   serves new users and keeps one odd habit from taking over. Only a
   candidate above the confidence bar is applied.

The indexes are built from the interaction log by a job (`build`), stored
versioned in SQL (`store`), and reloaded by running assistants within a
minute (`runtime`). Nothing here knows Rasa: `rasa_components.online_rewriter`
adapts it.
"""
