"""Charts as embedded PNGs (matplotlib, Agg backend: no display, no network)."""
from __future__ import annotations

import base64
import io

import matplotlib

matplotlib.use("Agg")
import matplotlib.pyplot as plt  # noqa: E402
import numpy as np  # noqa: E402
import pandas as pd  # noqa: E402

from pipeline.schema import SENTIMENTS, STANCES  # noqa: E402

SIDE_COLOURS = {"union": "#c0392b", "council": "#2c6fbb", "other": "#7f8c8d"}


def to_data_uri(fig) -> str:
    buf = io.BytesIO()
    fig.savefig(buf, format="png", dpi=80, bbox_inches="tight")
    plt.close(fig)
    return "data:image/png;base64," + base64.b64encode(buf.getvalue()).decode("ascii")


def shares_chart(sides: pd.DataFrame, min_n: int) -> str:
    """Stance and sentiment shares by side, with bootstrap intervals."""
    fig, axes = plt.subplots(1, 2, figsize=(9, 2.8))
    for ax, (field, labels) in zip(axes, (("stance", STANCES), ("sentiment", SENTIMENTS))):
        rows = sides[~sides["insufficient"]] if "insufficient" in sides else sides
        width = 0.8 / max(1, len(rows))
        x = np.arange(len(labels))
        for k, (_, r) in enumerate(rows.iterrows()):
            vals = np.array([r[f"{field}_{lab}"] for lab in labels])
            err = None
            if f"{field}_{labels[0]}_lo" in r:
                lo = np.array([r[f"{field}_{lab}_lo"] for lab in labels])
                hi = np.array([r[f"{field}_{lab}_hi"] for lab in labels])
                err = np.vstack([np.clip(vals - lo, 0, None), np.clip(hi - vals, 0, None)])
            ax.bar(x + k * width, vals, width, yerr=err, capsize=2, label=r["side"],
                   color=SIDE_COLOURS.get(r["side"], "#999"))
        ax.set_xticks(x + width * (len(rows) - 1) / 2, labels)
        ax.set_ylim(0, 1)
        ax.set_title(field)
        ax.spines[["top", "right"]].set_visible(False)
    axes[0].legend(frameon=False, fontsize=8)
    if sides["insufficient"].any():
        fig.text(0.01, -0.04, f"sides with fewer than {min_n} statements are not drawn", fontsize=7)
    return to_data_uri(fig)


def tone_over_time_chart(monthly: pd.DataFrame) -> str | None:
    """Net tone (positive - negative share) by month and side; None with fewer than 2 months."""
    if monthly.empty or monthly["month"].nunique() < 2:
        return None
    fig, ax = plt.subplots(figsize=(9, 2.4))
    for side, g in monthly.groupby("side"):
        g = g.sort_values("month")
        ax.plot(g["month"], g["net_tone"], marker="o", label=side, color=SIDE_COLOURS.get(side))
    ax.axhline(0, color="#ccc", lw=0.8)
    ax.set_ylim(-1, 1)
    ax.set_ylabel("net tone")
    ax.tick_params(axis="x", labelrotation=45, labelsize=7)
    ax.legend(frameon=False, fontsize=8)
    ax.spines[["top", "right"]].set_visible(False)
    return to_data_uri(fig)


def overview_chart(sides: pd.DataFrame, max_disputes: int = 40) -> str | None:
    """Net tone with interval per dispute, union vs council (disputes with enough evidence)."""
    d = sides[(~sides["insufficient"]) & sides["side"].isin(["union", "council"])]
    keep = d.groupby("dispute")["side"].nunique()
    keep = keep[keep == 2].index[:max_disputes]
    d = d[d["dispute"].isin(keep)]
    if d.empty:
        return None
    disputes = list(keep)
    fig, ax = plt.subplots(figsize=(9, 0.28 * len(disputes) + 1))
    for side, off in (("union", -0.15), ("council", 0.15)):
        g = d[d["side"] == side].set_index("dispute").reindex(disputes)
        y = np.arange(len(disputes)) + off
        lo = g.get("net_tone_lo", g["net_tone"])
        hi = g.get("net_tone_hi", g["net_tone"])
        ax.errorbar(g["net_tone"], y, xerr=[np.clip(g["net_tone"] - lo, 0, None),
                                            np.clip(hi - g["net_tone"], 0, None)],
                    fmt="o", ms=4, capsize=2, label=side, color=SIDE_COLOURS[side])
    ax.set_yticks(np.arange(len(disputes)), disputes, fontsize=7)
    ax.axvline(0, color="#ccc", lw=0.8)
    ax.set_xlim(-1, 1)
    ax.set_xlabel("net tone (positive share - negative share)")
    ax.invert_yaxis()
    ax.legend(frameon=False, fontsize=8, loc="lower right")
    ax.spines[["top", "right"]].set_visible(False)
    return to_data_uri(fig)
