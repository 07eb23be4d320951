"""Baselines compared against the fine-tuned model, all with scikit-learn's fit/predict_proba."""
from __future__ import annotations

from collections import Counter, defaultdict

import numpy as np
from sklearn.base import BaseEstimator, ClassifierMixin
from sklearn.linear_model import LogisticRegression
from sklearn.pipeline import make_pipeline

from pipeline.classify.features import ClassifierInput
from pipeline.classify.lexical import balanced_logreg, lexical_text, tfidf_vectorizer


class SidePrior(BaseEstimator, ClassifierMixin):
    """The most frequent label for the speaker's side (majority label for unseen sides)."""

    def __init__(self, labels: tuple[str, ...] = ()) -> None:
        self.labels = labels

    def fit(self, X: list[ClassifierInput], y: list[str]) -> "SidePrior":
        counts: dict = defaultdict(Counter)
        for x, lab in zip(X, y):
            counts[x.side][lab] += 1
        total = Counter(y)
        self.table_ = {s: self._dist(c) for s, c in counts.items()}
        self.default_ = self._dist(total)
        return self

    def _dist(self, c: Counter) -> np.ndarray:
        v = np.array([c[lab] for lab in self.labels], dtype=float)
        return v / v.sum()

    def predict_proba(self, X: list[ClassifierInput]) -> np.ndarray:
        return np.stack([self.table_.get(x.side, self.default_) for x in X])


class Vader(BaseEstimator, ClassifierMixin):
    """VADER compound score with the standard +-0.05 thresholds (sentiment only; no training)."""

    labels = ("negative", "neutral", "positive")

    def fit(self, X, y=None) -> "Vader":
        from vaderSentiment.vaderSentiment import SentimentIntensityAnalyzer

        self.analyzer_ = SentimentIntensityAnalyzer()
        return self

    def predict_proba(self, X: list[ClassifierInput]) -> np.ndarray:
        out = np.zeros((len(X), 3))
        for i, x in enumerate(X):
            c = self.analyzer_.polarity_scores(x.quote)["compound"]
            out[i, 0 if c <= -0.05 else 2 if c >= 0.05 else 1] = 1.0
        return out


class TfidfLogReg(BaseEstimator, ClassifierMixin):
    """Word/bigram TF-IDF of side + type + quote, class-balanced logistic regression."""

    def __init__(self, C: float = 4.0) -> None:
        self.C = C

    def fit(self, X: list[ClassifierInput], y: list[str]) -> "TfidfLogReg":
        self.pipe_ = make_pipeline(tfidf_vectorizer(), balanced_logreg(self.C))
        self.pipe_.fit([lexical_text(x) for x in X], y)
        self.classes_ = self.pipe_.classes_
        return self

    def predict_proba(self, X: list[ClassifierInput]) -> np.ndarray:
        return self.pipe_.predict_proba([lexical_text(x) for x in X])


class FrozenEmbeddingLogReg(BaseEstimator, ClassifierMixin):
    """Mean-pooled frozen encoder embeddings of the quote + one-hot side, logistic regression.

    Embeddings are passed in precomputed (``X`` is an array) so CV folds share one encoding pass.
    """

    def __init__(self, C: float = 1.0) -> None:
        self.C = C

    def fit(self, X: np.ndarray, y: list[str]) -> "FrozenEmbeddingLogReg":
        self.clf_ = LogisticRegression(C=self.C, max_iter=3000, class_weight="balanced").fit(X, y)
        self.classes_ = self.clf_.classes_
        return self

    def predict_proba(self, X: np.ndarray) -> np.ndarray:
        return self.clf_.predict_proba(X)


def side_onehot(items: list[ClassifierInput]) -> np.ndarray:
    sides = ("union", "council", "other")
    return np.array([[float(x.side == s) for s in sides] for x in items])
