"""Rasa's LogisticRegressionClassifier, made safe for messages without words.

Rasa's classifier stacks every featurizer's sentence features into one row
and hands it to scikit-learn, which insists on the trained width. A message
with no tokens (empty, blank, punctuation or emoji only) gets no features
from the regex and lexical featurizers, its row comes out shorter, and the
whole NLU graph failed: the user got no answer at all (an empty text still
gets one empty token from the whitespace tokenizer). Such a message has
nothing to classify anyway. It gets no intent here (confidence 0, so the
FallbackClassifier marks it nlu_fallback), and `message_guard.NoTextFallback`
gives it the answer for input without words.

Two knobs Rasa's classifier does not expose: `C`, scikit-learn's inverse L2
penalty (Rasa leaves it at 1.0), and `dense_scale`, a factor on the dense
sentence features (the MiniLM vector) that only this classifier sees: the
featurizer's own `scale` also shapes what DIET's entity tagger is fed, so
weighing the sentence meaning more for intents there changed entities too.
Both default to Rasa's behaviour.
"""
from __future__ import annotations

from typing import Any, Dict, List, Text

from scipy.sparse import csr_matrix, hstack, vstack

from rasa.engine.recipes.default_recipe import DefaultV1Recipe
from rasa.nlu.classifiers.logistic_regression_classifier import LogisticRegressionClassifier
from rasa.nlu.constants import TOKENS_NAMES
from rasa.shared.nlu.constants import INTENT, INTENT_RANKING_KEY, TEXT
from rasa.shared.nlu.training_data.message import Message


@DefaultV1Recipe.register(DefaultV1Recipe.ComponentType.INTENT_CLASSIFIER, is_trainable=True)
class WordIntentClassifier(LogisticRegressionClassifier):
    """Logistic regression over the messages whose features have the trained width; no intent for the others."""

    @staticmethod
    def get_default_config() -> Dict[Text, Any]:
        return {**LogisticRegressionClassifier.get_default_config(), "C": 1.0, "dense_scale": 1.0}

    def __init__(self, config: Dict[Text, Any], *args: Any, **kwargs: Any) -> None:
        super().__init__(config, *args, **kwargs)
        self.clf.C = float(self.config["C"])

    def _create_X(self, messages: List[Message]) -> csr_matrix:
        """Rasa's rows (sentence-level sparse features, then dense), the dense part times `dense_scale`."""
        scale = float(self.config["dense_scale"])
        rows = []
        for message in messages:
            sparse = message.get_sparse_features(attribute=TEXT)[1]
            dense = message.get_dense_features(attribute=TEXT)[1]
            rows.append(hstack([csr_matrix(sparse.features if sparse else []),
                                csr_matrix(dense.features * scale if dense else [])]))
        return vstack(rows)

    def process(self, messages: List[Message]) -> List[Message]:
        usable = [m for m in messages if self._classifiable(m)]
        if usable:
            super().process(usable)
        for message in messages:
            if not self._classifiable(message):
                message.set(INTENT, {"name": None, "confidence": 0.0}, add_to_output=True)
                message.set(INTENT_RANKING_KEY, [], add_to_output=True)
        return messages

    def _classifiable(self, message: Message) -> bool:
        """Has words, and as many features as the classifier was trained on.

        Rasa's whitespace tokenizer gives an empty text one empty token, so
        "no tokens" alone did not catch it; the width is what scikit-learn checks.
        """
        if not message.get(TOKENS_NAMES[TEXT]):
            return False
        expected = getattr(self.clf, "n_features_in_", None)
        return expected is None or self._create_X([message]).shape[1] == expected
