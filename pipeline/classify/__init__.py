"""Stance and sentiment classification of statements.

The names load on first use (PEP 562), so that importing ``pipeline.classify.errors`` (the CLI
and the batch parent do) does not import torch: the parent of a batch run never classifies, and
torch costs it ~200 MB.
"""
from __future__ import annotations

from importlib import import_module
from typing import Any

_WHERE = {"ModelLoadError": "errors", "ClassifierInput": "features", "classifier_input": "features",
          "Prediction": "model", "StanceSentimentClassifier": "model"}

__all__ = list(_WHERE)


def __getattr__(name: str) -> Any:
    if name in _WHERE:
        return getattr(import_module(f"pipeline.classify.{_WHERE[name]}"), name)
    raise AttributeError(f"module 'pipeline.classify' has no attribute {name!r}")
