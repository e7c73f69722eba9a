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
"""
from __future__ import annotations

from typing import List

from rasa.engine.recipes.default_recipe import DefaultV1Recipe
from rasa.nlu.classifiers.logistic_regression_classifier import LogisticRegressionClassifier
from rasa.nlu.constants import TOKENS_NAMES
from rasa.shared.nlu.constants import INTENT, INTENT_RANKING_KEY, TEXT
from rasa.shared.nlu.training_data.message import Message


@DefaultV1Recipe.register(DefaultV1Recipe.ComponentType.INTENT_CLASSIFIER, is_trainable=True)
class WordIntentClassifier(LogisticRegressionClassifier):
    """Logistic regression over the messages whose features have the trained width; no intent for the others."""

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
