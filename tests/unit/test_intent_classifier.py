"""The intent classifier's knobs: `dense_scale` weighs only its own copy of the sentence vector, `C` reaches sklearn."""
from __future__ import annotations

from pathlib import Path

import numpy as np
from rasa.engine.storage.local_model_storage import LocalModelStorage
from rasa.engine.storage.resource import Resource
from rasa.nlu.tokenizers.whitespace_tokenizer import WhitespaceTokenizer
from rasa.shared.nlu.constants import INTENT, TEXT
from rasa.shared.nlu.training_data.features import Features
from rasa.shared.nlu.training_data.message import Message
from rasa.shared.nlu.training_data.training_data import TrainingData
from scipy.sparse import coo_matrix

from rasa_components.intent_classifier import WordIntentClassifier


def _classifier(tmp_path: Path, **config: object) -> WordIntentClassifier:
    return WordIntentClassifier({**WordIntentClassifier.get_default_config(), **config}, "intents",
                                LocalModelStorage(tmp_path), Resource("intents"))


def _message(text: str, intent: str | None, dense: list[float], sparse: list[float]) -> Message:
    message = Message(data={TEXT: text, **({INTENT: intent} if intent else {})})
    WhitespaceTokenizer(WhitespaceTokenizer.get_default_config()).process([message])
    message.add_features(Features(np.array([dense], dtype=np.float32), "sentence", TEXT, "minilm"))
    message.add_features(Features(coo_matrix(np.array([sparse])), "sentence", TEXT, "words"))
    return message


def test_the_dense_part_is_scaled_and_the_word_counts_are_not(tmp_path: Path) -> None:
    message = _message("play jazz", None, dense=[0.5, -0.25], sparse=[1.0, 0.0, 2.0])
    plain = _classifier(tmp_path)._create_X([message]).toarray()
    scaled = _classifier(tmp_path, dense_scale=2.0)._create_X([message]).toarray()
    assert plain.tolist() == [[1.0, 0.0, 2.0, 0.5, -0.25]]  # Rasa's order: word counts, then the dense vector
    assert scaled.tolist() == [[1.0, 0.0, 2.0, 1.0, -0.5]]


def test_c_reaches_the_logistic_regression_and_a_scaled_model_still_classifies(tmp_path: Path) -> None:
    classifier = _classifier(tmp_path, C=2.0, dense_scale=7 / 6)
    assert classifier.clf.C == 2.0
    examples = [_message(f"jazz {i}", "play_music", [1.0, 0.0], [1.0, 0.0]) for i in range(3)] + \
               [_message(f"rain {i}", "ask_weather", [0.0, 1.0], [0.0, 1.0]) for i in range(3)]
    classifier.train(TrainingData(training_examples=examples))
    [parsed] = classifier.process([_message("jazz please", None, [0.9, 0.1], [1.0, 0.0])])
    assert parsed.get(INTENT)["name"] == "play_music"
