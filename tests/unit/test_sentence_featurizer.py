"""The MiniLM sentence featurizer: real model, real Rasa messages, no download."""
from __future__ import annotations

import os

import numpy as np
import pytest

os.environ.setdefault("HF_HUB_OFFLINE", "1")

from rasa.nlu.tokenizers.whitespace_tokenizer import WhitespaceTokenizer  # noqa: E402
from rasa.shared.nlu.constants import TEXT  # noqa: E402
from rasa.shared.nlu.training_data.message import Message  # noqa: E402
from rasa.shared.nlu.training_data.training_data import TrainingData  # noqa: E402

from rasa_components.sentence_featurizer import DIMENSION, MiniLMSentenceFeaturizer  # noqa: E402


def _featurizer(**config: object) -> MiniLMSentenceFeaturizer:
    return MiniLMSentenceFeaturizer({**MiniLMSentenceFeaturizer.get_default_config(), **config}, "minilm")


def _tokenized(*texts: str) -> list[Message]:
    tokenizer = WhitespaceTokenizer(WhitespaceTokenizer.get_default_config())
    messages = [Message(data={TEXT: t}) for t in texts]
    tokenizer.process(messages)
    return messages


def _sentence_vector(message: Message) -> np.ndarray:
    seq, sent = message.get_dense_features(TEXT)
    assert seq is None  # token features are off by default
    assert sent is not None
    return sent.features


def test_a_message_gets_one_unit_length_384_d_sentence_feature() -> None:
    [message] = _featurizer().process(_tokenized("book a table for four at 7 tonight"))
    vector = _sentence_vector(message)
    assert vector.shape == (1, DIMENSION)
    assert vector.dtype == np.float32
    assert np.linalg.norm(vector) == pytest.approx(1.0, abs=1e-4)


def test_similar_sentences_are_closer_than_unrelated_ones() -> None:
    booking, reservation, music = (
        _sentence_vector(m)[0]
        for m in _featurizer().process(_tokenized(
            "book a table for four at 7 tonight",
            "make a dinner reservation for 4 at 7pm",
            "put on some jazz music",
        ))
    )
    assert booking @ reservation > booking @ music + 0.3


def test_training_data_is_encoded_in_batches_like_single_messages() -> None:
    texts = [f"play song number {i}" for i in range(7)] + ["will it snow in Denver tomorrow"]
    data = TrainingData(training_examples=_tokenized(*texts) + [Message(data={"intent": "greet"})])
    _featurizer(batch_size=3).process_training_data(data)
    [single] = _featurizer().process(_tokenized(texts[-1]))
    batched = _sentence_vector(data.training_examples[-2])
    assert np.allclose(batched, _sentence_vector(single), atol=1e-5)
    assert data.training_examples[-1].get_dense_features(TEXT) == (None, None)  # label-only message untouched


def test_token_features_have_one_row_per_whitespace_token() -> None:
    [message] = _featurizer(token_features=True).process(_tokenized("set the living room to movie night mode"))
    seq, sent = message.get_dense_features(TEXT)
    assert seq.features.shape == (8, DIMENSION)
    assert sent.features.shape == (1, DIMENSION)
    assert np.all(np.linalg.norm(seq.features, axis=1) > 0)


def test_scale_multiplies_the_sentence_vector() -> None:
    [plain] = _featurizer().process(_tokenized("turn off the kitchen lights"))
    [scaled] = _featurizer(scale=6.0).process(_tokenized("turn off the kitchen lights"))
    assert np.allclose(_sentence_vector(scaled), 6.0 * _sentence_vector(plain), atol=1e-4)


def test_invalid_config_is_refused() -> None:
    with pytest.raises(ValueError):
        _featurizer(scale=0)
    with pytest.raises(ValueError):
        _featurizer(batch_size=0)


def test_an_empty_message_gets_a_zero_vector_of_the_same_size() -> None:
    """The intent classifier needs as many features for "" as for any text (it failed on empty input)."""
    empty, blank, text = _featurizer().process(_tokenized("", "   ", "play some jazz"))
    for message in (empty, blank):
        vector = _sentence_vector(message)
        assert vector.shape == (1, DIMENSION) and not vector.any()
    assert _sentence_vector(text).shape == (1, DIMENSION) and _sentence_vector(text).any()
