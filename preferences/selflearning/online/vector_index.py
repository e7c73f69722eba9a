"""Nearest neighbours by inner product of unit vectors: exact for small sets, faiss IVF for large ones.

Brute force over 100,000 request vectors (896 floats: `vectors.joined`)
reads 350 MB per query, far over the 5 ms budget. faiss's inverted-file
index clusters the vectors once (k-means) and scans only the clusters
nearest the query, and its 8-bit scalar quantiser keeps the vectors in a
quarter of the memory (90 MB at 100,000) at a loss of accuracy far below the
ranking's margins; benchmarks/bench_online.py measures both. Small sets (one
user's history, a young global layer) are searched exactly with numpy,
which is faster there.

faiss runs single-threaded here: a query is one small scan, and OpenMP
threads spinning beside Rasa's own threads only slow both down.
"""
from __future__ import annotations

import math

import numpy as np

class VectorIndex:
    """Unit vectors in, (similarity, row) pairs out."""

    def __init__(self, vectors: np.ndarray, *, ivf_min_size: int = 20_000, nprobe: int = 6) -> None:
        vectors = np.ascontiguousarray(vectors, dtype=np.float32)
        self.size, self.dimension = vectors.shape if vectors.ndim == 2 and len(vectors) else (0, 0)
        self._exact: np.ndarray | None = None
        self._faiss = None
        if self.size >= ivf_min_size:
            import faiss

            faiss.omp_set_num_threads(1)
            # ~2 sqrt(n) lists, trained on 40 samples per list (faiss's own minimum is 39) with 10 k-means rounds:
            # loading 100,000 requests must not take minutes, and the ranking's margins do not need better cells.
            lists = max(64, int(2 * math.sqrt(self.size)))
            quantizer = faiss.IndexFlatIP(self.dimension)
            index = faiss.IndexIVFScalarQuantizer(quantizer, self.dimension, lists, faiss.ScalarQuantizer.QT_8bit,
                                                  faiss.METRIC_INNER_PRODUCT)
            index.cp.niter = 10
            sample = vectors[np.random.default_rng(0).permutation(self.size)[:40 * lists]]
            index.train(sample)
            index.add(vectors)
            index.nprobe = nprobe
            self._faiss = (index, quantizer)  # the quantizer must outlive the index
        else:
            self._exact = vectors

    def search(self, query: np.ndarray, k: int) -> list[tuple[float, int]]:
        """The k most similar rows, most similar first."""
        if self.size == 0 or k <= 0:
            return []
        query = np.ascontiguousarray(query, dtype=np.float32).reshape(1, self.dimension)
        if self._faiss is not None:
            scores, rows = self._faiss[0].search(query, k)
            return [(float(s), int(r)) for s, r in zip(scores[0], rows[0]) if r >= 0]
        assert self._exact is not None
        sims = self._exact @ query[0]
        k = min(k, self.size)
        top = np.argpartition(-sims, k - 1)[:k] if k < self.size else np.arange(self.size)
        top = top[np.argsort(-sims[top])]
        return [(float(sims[r]), int(r)) for r in top]
