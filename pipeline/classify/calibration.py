"""Temperature scaling and expected calibration error (ECE)."""
from __future__ import annotations

import numpy as np


def softmax(logits: np.ndarray, temperature: float = 1.0) -> np.ndarray:
    z = logits / temperature
    z = z - z.max(axis=1, keepdims=True)
    e = np.exp(z)
    return e / e.sum(axis=1, keepdims=True)


def expected_calibration_error(probs: np.ndarray, labels: np.ndarray, n_bins: int = 10) -> float:
    """Top-label ECE: |accuracy - confidence| averaged over equal-width confidence bins."""
    conf = probs.max(axis=1)
    correct = probs.argmax(axis=1) == labels
    bins = np.minimum((conf * n_bins).astype(int), n_bins - 1)
    ece = 0.0
    for b in range(n_bins):
        m = bins == b
        if m.any():
            ece += m.mean() * abs(correct[m].mean() - conf[m].mean())
    return float(ece)


def fit_temperature(logits: np.ndarray, labels: np.ndarray) -> float:
    """The temperature minimising negative log-likelihood (golden-section search on log T)."""
    def nll(log_t: float) -> float:
        p = softmax(logits, float(np.exp(log_t)))
        return float(-np.log(p[np.arange(len(labels)), labels] + 1e-12).mean())

    lo, hi = np.log(0.05), np.log(20.0)
    g = (np.sqrt(5) - 1) / 2
    a, b = hi - g * (hi - lo), lo + g * (hi - lo)
    for _ in range(60):
        if nll(a) < nll(b):
            hi = b
        else:
            lo = a
        a, b = hi - g * (hi - lo), lo + g * (hi - lo)
    return float(np.exp((lo + hi) / 2))


def macro_f1(y_true: np.ndarray, y_pred: np.ndarray, n_classes: int) -> float:
    """Mean F1 over class indices 0..n_classes-1 (a class never seen nor predicted scores 0)."""
    f1s = []
    for c in range(n_classes):
        tp = np.sum((y_pred == c) & (y_true == c))
        denom = np.sum(y_pred == c) + np.sum(y_true == c)
        f1s.append(2 * tp / denom if denom else 0.0)
    return float(np.mean(f1s))


def decide(probs: np.ndarray, offsets: np.ndarray | None) -> np.ndarray:
    """Class indices maximising log p + offset (offsets None or zero: plain argmax)."""
    if offsets is None:
        return probs.argmax(axis=1)
    return (np.log(np.clip(probs, 1e-12, None)) + offsets).argmax(axis=1)


def fit_decision_offsets(probs: np.ndarray, labels: np.ndarray, span: float = 1.5,
                         step: float = 0.05, passes: int = 3) -> np.ndarray:
    """Per-class log-offsets maximising macro-F1 of ``argmax(log p + offset)``.

    Argmax of calibrated probabilities maximises accuracy, not macro-F1: with skewed classes it
    under-predicts the small ones. Coordinate ascent on a grid, the first class pinned at 0; a
    move must raise macro-F1 (ties keep the smaller offset), so flat stretches stay at 0.
    """
    k = probs.shape[1]
    off = np.zeros(k)
    best = macro_f1(labels, decide(probs, off), k)
    grid = np.round(np.arange(-span, span + step / 2, step), 6)
    grid = grid[np.argsort(np.abs(grid), kind="stable")]  # smaller moves win ties
    for _ in range(passes):
        moved = False
        for c in range(1, k):
            for v in grid:
                trial = off.copy()
                trial[c] = v
                score = macro_f1(labels, decide(probs, trial), k)
                if score > best + 1e-9:
                    best, off, moved = score, trial, True
        if not moved:
            break
    return off
