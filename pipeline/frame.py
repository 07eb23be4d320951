"""Notebook helpers: predictions as a DataFrame, comparison, and plots in a few lines.

    from pipeline import load_predictions, compare, plot_comparison
    df = load_predictions("out/examples/predictions.jsonl")
    c = compare(df)
    plot_comparison(c, "northmoor-refuse-workers-2031")
"""
from __future__ import annotations

from collections.abc import Iterable
from pathlib import Path

import pandas as pd

from pipeline.schema import Article


def load_predictions(source: str | Path | Iterable[Article]) -> pd.DataFrame:
    """One row per statement with its article's metadata (from a JSONL path or Articles)."""
    from pipeline.io import read_articles, statements_frame

    arts = read_articles(source) if isinstance(source, (str, Path)) else source
    return statements_frame(arts)


def plot_comparison(comparison, dispute: str | None = None):
    """Stance/sentiment shares by side for one dispute (or the net-tone overview); a Figure."""
    import base64
    import io

    import matplotlib.image as mpimg
    import matplotlib.pyplot as plt

    from pipeline.report.charts import overview_chart, shares_chart

    if dispute is None:
        uri = overview_chart(comparison.sides)
    else:
        uri = shares_chart(comparison.sides[comparison.sides["dispute"] == dispute], 0)
    if uri is None:
        raise ValueError("nothing to plot: no dispute has enough statements on both sides")
    img = mpimg.imread(io.BytesIO(base64.b64decode(uri.split(",", 1)[1])), format="png")
    fig, ax = plt.subplots(figsize=(img.shape[1] / 80, img.shape[0] / 80), dpi=80)
    ax.imshow(img)
    ax.axis("off")
    return fig
