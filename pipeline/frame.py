"""Notebook API: predictions as a DataFrame, the comparison, and plots in a few lines.

    from pipeline import load_predictions, compare_sides, plot_comparison
    df = load_predictions("out/predictions.jsonl")   # or a list of annotated Articles
    c = compare_sides(df)                             # c.sides, c.gaps, c.monthly, c.timeline, ...
    plot_comparison(c)                                # net tone by dispute, union vs council
    plot_comparison(c, "northmoor-refuse-workers-2031")
    plot_timeline(c)                                  # tone by month, all disputes pooled
"""
from __future__ import annotations

from collections.abc import Iterable
from pathlib import Path

import pandas as pd

from pipeline.compare import Comparison
from pipeline.schema import Article


def load_predictions(source: str | Path | Iterable[Article], fmt: str | None = None) -> pd.DataFrame:
    """One row per statement with its article's metadata, from a predictions file or Articles."""
    from pipeline.io import read_articles, statements_frame

    arts = read_articles(source, fmt) if isinstance(source, (str, Path)) else source
    return statements_frame(arts)


def _pyplot_figure():
    """A pyplot figure, so notebooks show it inline even when the call's value is assigned."""
    import matplotlib.pyplot as plt

    return plt.figure()


def plot_comparison(comparison: Comparison, dispute: str | None = None, max_disputes: int = 40):
    """Stance and sentiment shares by side for one dispute, or (no dispute) net tone of union and
    council across the largest disputes; a matplotlib Figure."""
    from pipeline.report.charts import overview_figure, shares_figure

    if dispute is None:
        fig = overview_figure(comparison.sides, max_disputes, fig=_pyplot_figure())
        if fig is None:
            raise ValueError("nothing to plot: no dispute has enough statements on both sides")
        return fig
    sides = comparison.sides[comparison.sides["dispute"] == dispute]
    if sides.empty:
        raise ValueError(f"no statements with a side for dispute {dispute!r}")
    return shares_figure(sides, comparison.config.min_statements, fig=_pyplot_figure())


def plot_timeline(comparison: Comparison, dispute: str | None = None):
    """Net tone by month and side, for one dispute or all disputes pooled; a matplotlib Figure."""
    from pipeline.report.charts import tone_figure

    monthly = comparison.timeline if dispute is None else \
        comparison.monthly[comparison.monthly["dispute"] == dispute]
    fig = tone_figure(monthly, dispute or "all disputes", fig=_pyplot_figure())
    if fig is None:
        raise ValueError("nothing to plot: fewer than two months with dated statements")
    return fig
