"""Charts of a comparison as matplotlib Figures, and as embedded PNG data URIs for the report.

Figures are built with the object API and rendered by Agg (no pyplot state, no display, no
network); pass ``fig`` (e.g. from ``plt.figure()``) to draw into a notebook's figure instead.
"""
from __future__ import annotations

import base64
import io

import numpy as np
import pandas as pd
from matplotlib.backends.backend_agg import FigureCanvasAgg
from matplotlib.figure import Figure

from pipeline.schema import SENTIMENTS, STANCES

SIDE_COLOURS = {"union": "#c0392b", "council": "#2c6fbb", "other": "#7f8c8d"}


def to_data_uri(fig: Figure, dpi: int = 80) -> str:
    """The figure as a ``data:image/png;base64,...`` URI (embedded, so the page needs no files)."""
    FigureCanvasAgg(fig)
    buf = io.BytesIO()
    fig.savefig(buf, format="png", dpi=dpi, bbox_inches="tight")
    return "data:image/png;base64," + base64.b64encode(buf.getvalue()).decode("ascii")


def _figure(fig: Figure | None, width: float, height: float) -> Figure:
    if fig is None:
        return Figure(figsize=(width, height))
    fig.set_size_inches(width, height)
    return fig


def _tidy(ax) -> None:
    ax.spines[["top", "right"]].set_visible(False)


def _err(values: np.ndarray, lo: np.ndarray, hi: np.ndarray) -> np.ndarray | None:
    """Asymmetric error bars; None where there is no interval (too few articles)."""
    if np.isnan(lo).all():
        return None
    return np.vstack([np.nan_to_num(np.clip(values - lo, 0, None)), np.nan_to_num(np.clip(hi - values, 0, None))])


def shares_figure(sides: pd.DataFrame, min_n: int, fig: Figure | None = None) -> Figure:
    """Stance and sentiment shares of one dispute by side, with bootstrap intervals.

    Sides flagged insufficient are left out (and said to be left out).
    """
    fig = _figure(fig, 9, 2.8)
    axes = fig.subplots(1, 2)
    rows = sides[~sides["insufficient"].astype(bool)]
    width = 0.8 / max(1, len(rows))
    for ax, (field, labels) in zip(axes, (("stance", STANCES), ("sentiment", SENTIMENTS))):
        x = np.arange(len(labels))
        for k, (_, r) in enumerate(rows.iterrows()):
            vals = np.array([r[f"{field}_{lab}"] for lab in labels], dtype=float)
            lo = np.array([r.get(f"{field}_{lab}_lo", np.nan) for lab in labels], dtype=float)
            hi = np.array([r.get(f"{field}_{lab}_hi", np.nan) for lab in labels], dtype=float)
            ax.bar(x + k * width, vals, width, yerr=_err(vals, lo, hi), capsize=2,
                   label=f"{r['side']} (n={r['n_statements']})", color=SIDE_COLOURS.get(r["side"], "#999"))
        ax.set_xticks(x + width * (len(rows) - 1) / 2, labels)
        ax.set_ylim(0, 1)
        ax.set_ylabel("share")
        ax.set_title(field)
        _tidy(ax)
    axes[0].legend(frameon=False, fontsize=8)
    if len(rows) < len(sides):
        fig.text(0.01, -0.04, f"sides with fewer than {min_n} statements are not drawn", fontsize=7)
    return fig


def tone_figure(monthly: pd.DataFrame, title: str = "", fig: Figure | None = None) -> Figure | None:
    """Net tone (positive minus negative share) by month and side; None with fewer than 2 months.

    Marker area grows with the month's number of statements (thin months are small dots).
    """
    if monthly.empty or monthly["month"].nunique() < 2:
        return None
    fig = _figure(fig, 9, 2.6)
    ax = fig.subplots()
    for side, g in monthly.groupby("side"):
        g = g.assign(t=pd.PeriodIndex(g["month"], freq="M")).set_index("t").sort_index()
        # the line joins consecutive months only: a gap in the reporting is a gap in the line
        line = g["net_tone"].reindex(pd.period_range(g.index.min(), g.index.max(), freq="M"))
        colour = SIDE_COLOURS.get(side, "#999")
        ax.plot(line.index.to_timestamp(), line.to_numpy(), color=colour, lw=1, alpha=0.7, label=side)
        ax.scatter(g.index.to_timestamp(), g["net_tone"], color=colour,
                   s=np.clip(6 + 3 * g["n_statements"].to_numpy(), 6, 120))
    ax.axhline(0, color="#ccc", lw=0.8)
    ax.set_ylim(-1.05, 1.05)
    ax.set_ylabel("net tone")
    if title:
        ax.set_title(title, fontsize=10)
    ax.tick_params(axis="x", labelsize=7)
    ax.legend(frameon=False, fontsize=8)
    _tidy(ax)
    return fig


def overview_figure(sides: pd.DataFrame, max_disputes: int = 40, fig: Figure | None = None) -> Figure | None:
    """Net tone with interval per dispute, union vs council, for the largest disputes where both
    sides have enough statements; None when there is none."""
    d = sides[~sides["insufficient"].astype(bool) & sides["side"].isin(["union", "council"])]
    both = d.groupby("dispute")["side"].nunique()
    size = d.groupby("dispute")["n_statements"].sum()[both[both == 2].index]
    disputes = list(size.sort_values(ascending=False, kind="stable").index[:max_disputes])
    if not disputes:
        return None
    fig = _figure(fig, 9, 0.26 * len(disputes) + 1.2)
    ax = fig.subplots()
    for side, off in (("union", -0.15), ("council", 0.15)):
        g = d[d["side"] == side].set_index("dispute").reindex(disputes)
        y = np.arange(len(disputes)) + off
        vals = g["net_tone"].to_numpy(dtype=float)
        err = _err(vals, g["net_tone_lo"].to_numpy(dtype=float), g["net_tone_hi"].to_numpy(dtype=float))
        ax.errorbar(vals, y, xerr=err, fmt="o", ms=4, capsize=2, label=side, color=SIDE_COLOURS[side])
    ax.set_yticks(np.arange(len(disputes)), disputes, fontsize=7)
    ax.axvline(0, color="#ccc", lw=0.8)
    ax.set_xlim(-1.05, 1.05)
    ax.set_xlabel("net tone (positive share minus negative share)")
    ax.invert_yaxis()
    ax.legend(frameon=False, fontsize=8, loc="lower right")
    _tidy(ax)
    return fig
