"""Statements, speakers, sides, stance and tone in news about union-council labour disputes.

Public API (the CLI and the notebooks call the same functions)::

    from pipeline import (load_config, read_articles, Pipeline, run_batch, compare_sides,
                          write_report, evaluate_files, load_predictions, plot_comparison)

(``compare_sides`` is ``pipeline.compare.compare``; the module name ``compare`` is taken by the
module itself.)
"""
from importlib import import_module

from pipeline.config import Config, ConfigError, load_config
from pipeline.schema import Article, Statement

_LAZY = {  # heavy modules (torch, matplotlib) load only when their entry point is first used
    "read_articles": ("pipeline.io", "read_articles"),
    "write_jsonl": ("pipeline.io", "write_jsonl"),
    "Pipeline": ("pipeline.annotate", "Pipeline"),
    "run_batch": ("pipeline.batch", "run_batch"),
    "compare_sides": ("pipeline.compare", "compare"),
    "write_report": ("pipeline.report", "write_report"),
    "evaluate_files": ("pipeline.evaluate", "evaluate_files"),
    "load_predictions": ("pipeline.frame", "load_predictions"),
    "plot_comparison": ("pipeline.frame", "plot_comparison"),
    "plot_timeline": ("pipeline.frame", "plot_timeline"),
}
__all__ = ["Article", "Statement", "Config", "ConfigError", "load_config", *_LAZY]
__version__ = "0.1.0"


def __getattr__(name: str):
    if name in _LAZY:
        module, attr = _LAZY[name]
        return getattr(import_module(module), attr)
    raise AttributeError(f"module 'pipeline' has no attribute {name!r}")
