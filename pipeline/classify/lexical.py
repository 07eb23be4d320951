"""A lexical second opinion: TF-IDF + logistic regression per head, mixed into the transformer.

The fine-tuned encoder and a bag of words err differently; a small weight on the bag's
log-probabilities (chosen by cross-validation, per head) moves some of the encoder's close calls.
Stored as safetensors (idf, coefficients) plus a JSON vocabulary: never pickle.
"""
from __future__ import annotations

import json
from pathlib import Path

import numpy as np
from sklearn.feature_extraction.text import TfidfVectorizer
from sklearn.linear_model import LogisticRegression

from pipeline.classify.features import ClassifierInput

LEXICAL_WEIGHTS, LEXICAL_CONFIG = "lexical.safetensors", "lexical.json"
MIX_WEIGHTS = (0.0, 0.1, 0.2, 0.3, 0.4)  # candidate weights of the lexical log-probabilities


def lexical_text(x: ClassifierInput) -> str:
    """Side and type as pseudo-words, then the quote (the tfidf+logreg baseline's input)."""
    return f"__side_{x.side} __type_{x.type} {x.quote}"


def tfidf_vectorizer() -> TfidfVectorizer:
    """Words and bigrams seen at least twice, sublinear term frequency."""
    return TfidfVectorizer(ngram_range=(1, 2), min_df=2, sublinear_tf=True)


def balanced_logreg(C: float) -> LogisticRegression:
    return LogisticRegression(C=C, max_iter=2000, class_weight="balanced")


class LexicalModel:
    """Word/bigram TF-IDF shared by all heads, one class-balanced logistic regression per head."""

    def __init__(self, heads: dict[str, tuple[str, ...]], C: float = 4.0) -> None:
        self.heads = heads
        self.C = C

    def fit(self, items: list[ClassifierInput], labels: dict[str, list[str]]) -> "LexicalModel":
        texts = [lexical_text(x) for x in items]
        self.vectorizer_ = tfidf_vectorizer().fit(texts)
        X = self.vectorizer_.transform(texts)
        self.coef_, self.intercept_ = {}, {}
        for head, names in self.heads.items():
            # multinomial scores in the head's label order; a label absent from training never wins
            coef = np.zeros((len(names), X.shape[1]))
            icpt = np.full(len(names), -1e4)
            seen = sorted(set(labels[head]))
            if len(seen) < 2:  # one label only: it always wins
                icpt[names.index(seen[0])] = 0.0
                self.coef_[head], self.intercept_[head] = coef, icpt
                continue
            lr = balanced_logreg(self.C).fit(X, labels[head])
            for j, c in enumerate(lr.classes_):
                row = lr.coef_[j] if len(lr.classes_) > 2 else (lr.coef_[0] if j else -lr.coef_[0]) / 2
                b = lr.intercept_[j] if len(lr.classes_) > 2 else (lr.intercept_[0] if j else -lr.intercept_[0]) / 2
                coef[names.index(c)], icpt[names.index(c)] = row, b
            self.coef_[head], self.intercept_[head] = coef, icpt
        return self

    def predict_proba(self, items: list[ClassifierInput]) -> dict[str, np.ndarray]:
        """Probabilities per head, columns in the head's label order."""
        X = self.vectorizer_.transform([lexical_text(x) for x in items])
        out = {}
        for head in self.heads:
            z = np.asarray(X @ self.coef_[head].T) + self.intercept_[head]
            z -= z.max(axis=1, keepdims=True)
            e = np.exp(z)
            out[head] = e / e.sum(axis=1, keepdims=True)
        return out

    def save_pretrained(self, path: str | Path) -> None:
        from safetensors.numpy import save_file

        path = Path(path)
        path.mkdir(parents=True, exist_ok=True)
        vocab = sorted(self.vectorizer_.vocabulary_, key=self.vectorizer_.vocabulary_.get)
        tensors = {"idf": self.vectorizer_.idf_.astype(np.float32)}
        for head in self.heads:
            tensors[f"coef.{head}"] = self.coef_[head].astype(np.float32)
            tensors[f"intercept.{head}"] = self.intercept_[head].astype(np.float32)
        save_file(tensors, str(path / LEXICAL_WEIGHTS))
        conf = {"heads": {h: list(v) for h, v in self.heads.items()}, "C": self.C,
                "ngram_range": [1, 2], "sublinear_tf": True, "vocabulary": vocab}
        (path / LEXICAL_CONFIG).write_text(json.dumps(conf) + "\n", encoding="utf-8")

    @classmethod
    def from_pretrained(cls, path: str | Path) -> "LexicalModel":
        from safetensors.numpy import load_file

        path = Path(path)
        conf = json.loads((path / LEXICAL_CONFIG).read_text(encoding="utf-8"))
        tensors = load_file(str(path / LEXICAL_WEIGHTS))
        model = cls({h: tuple(v) for h, v in conf["heads"].items()}, conf["C"])
        vec = TfidfVectorizer(ngram_range=tuple(conf["ngram_range"]), sublinear_tf=conf["sublinear_tf"],
                              vocabulary={w: i for i, w in enumerate(conf["vocabulary"])})
        vec.idf_ = tensors["idf"].astype(np.float64)
        model.vectorizer_ = vec
        model.coef_ = {h: tensors[f"coef.{h}"].astype(np.float64) for h in model.heads}
        model.intercept_ = {h: tensors[f"intercept.{h}"].astype(np.float64) for h in model.heads}
        return model


def mix(p_model: np.ndarray, p_lex: np.ndarray, weight: float) -> np.ndarray:
    """Mixed scores: (1 - w) log p_model + w log p_lex (log space; softmax them for probabilities)."""
    return (1 - weight) * np.log(np.clip(p_model, 1e-12, None)) + weight * np.log(np.clip(p_lex, 1e-12, None))


def choose_mix_weight(p_model: np.ndarray, p_lex: np.ndarray, labels: np.ndarray,
                      candidates: tuple[float, ...] = MIX_WEIGHTS) -> float:
    """The candidate weight with the best macro-F1 of the mixed argmax (ties: the smaller)."""
    from pipeline.classify.calibration import macro_f1

    k = p_model.shape[1]
    scores = [macro_f1(labels, mix(p_model, p_lex, w).argmax(axis=1), k) for w in candidates]
    return float(candidates[int(np.argmax(scores))])
