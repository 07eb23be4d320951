"""Per-dispute comparison of the sides: shares of stance and sentiment with bootstrap intervals
(resampling articles, not statements), net tone, the union-minus-council gap and its test,
monthly series, top speakers and representative quotes.

Everything works on the flat statements table (``pipeline.io.statements_frame``). Shares use the
classifiers' probabilities where present (``use_probabilities``), one-hot labels otherwise (gold).
"""
from __future__ import annotations

from dataclasses import dataclass

import numpy as np
import pandas as pd

from pipeline.config import CompareConfig
from pipeline.schema import SENTIMENTS, SIDES, STANCES

LABELS = [("stance", s) for s in STANCES] + [("sentiment", s) for s in SENTIMENTS]
COLS = [f"{f}_{lab}" for f, lab in LABELS]


@dataclass
class Comparison:
    """The comparison of a batch: one table per view, all pandas DataFrames."""

    sides: pd.DataFrame      # dispute x side: counts, shares (hard, soft, CI), net tone, flags
    gaps: pd.DataFrame       # dispute: union-minus-council net tone gap, CI, p-value
    monthly: pd.DataFrame    # dispute x side x month: n, net tone, support share
    speakers: pd.DataFrame   # dispute x side: top speakers with counts
    examples: pd.DataFrame   # dispute x side x label: representative quotes


def label_matrix(df: pd.DataFrame, use_probabilities: bool = True) -> np.ndarray:
    """(n_statements, 6) stance+sentiment distributions: probabilities, else one-hot labels."""
    out = np.zeros((len(df), len(LABELS)))
    for j, (field, lab) in enumerate(LABELS):
        hard = (df[field] == lab).to_numpy(dtype=float)
        p = f"p_{field}_{lab}"
        if use_probabilities and p in df:
            soft = pd.to_numeric(df[p], errors="coerce").to_numpy(dtype=float)
            out[:, j] = np.where(np.isnan(soft), hard, soft)
        else:
            out[:, j] = hard
    return out


def _bootstrap(art_sums: np.ndarray, art_counts: np.ndarray, n_boot: int, rng: np.random.Generator
               ) -> np.ndarray:
    """Resampled shares: art_sums (A, S, L), art_counts (A, S) -> (B, S, L)."""
    n = art_sums.shape[0]
    idx = rng.integers(0, n, size=(n_boot, n))
    sums = art_sums[idx].sum(axis=1)
    counts = art_counts[idx].sum(axis=1)
    with np.errstate(invalid="ignore", divide="ignore"):
        return sums / counts[..., None]


def compare(df: pd.DataFrame, config: CompareConfig | None = None) -> Comparison:
    """Compare the sides of every dispute in the statements table ``df``."""
    cfg = config or CompareConfig()
    rng = np.random.default_rng(cfg.seed)
    alpha = (1 - cfg.confidence) / 2
    df = df[df["side"].isin(SIDES)].copy()
    df["dispute"] = df["dispute"].fillna("unknown")
    soft = label_matrix(df, cfg.use_probabilities)
    hard = label_matrix(df, False)
    rows, gaps = [], []
    for dispute, g in df.groupby("dispute", sort=True):
        pos = df.index.get_indexer(g.index)
        arts = sorted(g["article_id"].unique())
        a_index = {a: i for i, a in enumerate(arts)}
        a_of = np.array([a_index[a] for a in g["article_id"]])
        s_of = np.array([SIDES.index(s) for s in g["side"]])
        sums = np.zeros((len(arts), len(SIDES), len(LABELS)))
        counts = np.zeros((len(arts), len(SIDES)))
        np.add.at(sums, (a_of, s_of), soft[pos])
        np.add.at(counts, (a_of, s_of), 1)
        boot = _bootstrap(sums, counts, cfg.n_bootstrap, rng) if cfg.n_bootstrap else None
        tone = None if boot is None else boot[..., COLS.index("sentiment_positive")] - \
            boot[..., COLS.index("sentiment_negative")]
        for si, side in enumerate(SIDES):
            m = s_of == si
            n = int(m.sum())
            if n == 0:
                continue
            sub = g[m]
            row = {"dispute": dispute, "side": side, "n_statements": n,
                   "n_articles": int(sub["article_id"].nunique()),
                   "n_speakers": int(sub["speaker"].nunique()),
                   "insufficient": n < cfg.min_statements,
                   "first_date": sub["date"].dropna().min() if "date" in sub else None,
                   "last_date": sub["date"].dropna().max() if "date" in sub else None}
            hs, ss = hard[pos][m].mean(axis=0), soft[pos][m].mean(axis=0)
            for j, c in enumerate(COLS):
                row[f"{c}_hard"] = hs[j]
                row[c] = ss[j]
                if boot is not None:
                    lo, hi = np.nanquantile(boot[:, si, j], [alpha, 1 - alpha])
                    row[f"{c}_lo"], row[f"{c}_hi"] = lo, hi
            row["net_tone"] = row["sentiment_positive"] - row["sentiment_negative"]
            row["net_tone_hard"] = row["sentiment_positive_hard"] - row["sentiment_negative_hard"]
            if tone is not None:
                row["net_tone_lo"], row["net_tone_hi"] = np.nanquantile(tone[:, si], [alpha, 1 - alpha])
            rows.append(row)
        gaps.append(_gap(dispute, soft[pos], s_of, tone, alpha, cfg.min_statements, len(arts)))
    sides = pd.DataFrame(rows)
    return Comparison(sides=sides, gaps=pd.DataFrame(gaps), monthly=_monthly(df, soft),
                      speakers=_speakers(df), examples=_examples(df, soft, cfg.examples_per_label))


def _gap(dispute: str, soft: np.ndarray, s_of: np.ndarray, tone: np.ndarray | None, alpha: float,
         min_n: int, n_articles: int) -> dict:
    u, c = SIDES.index("union"), SIDES.index("council")
    pos_j, neg_j = COLS.index("sentiment_positive"), COLS.index("sentiment_negative")
    out = {"dispute": dispute, "n_articles": n_articles, "n_union": int((s_of == u).sum()),
           "n_council": int((s_of == c).sum())}
    if out["n_union"] == 0 or out["n_council"] == 0:
        return out | {"gap": np.nan, "insufficient": True}
    nt = [soft[s_of == k][:, pos_j].mean() - soft[s_of == k][:, neg_j].mean() for k in (u, c)]
    out["gap"] = nt[0] - nt[1]
    out["insufficient"] = min(out["n_union"], out["n_council"]) < min_n
    if tone is not None and n_articles >= 2:  # one article cannot be resampled into a spread
        d = tone[:, u] - tone[:, c]
        d = d[~np.isnan(d)]
        if len(d):
            out["gap_lo"], out["gap_hi"] = np.quantile(d, [alpha, 1 - alpha])
            # two-sided bootstrap p-value for "the sides' net tone is the same"
            tail = min((d <= 0).sum(), (d >= 0).sum())
            out["p_value"] = float(min(1.0, 2 * (tail + 1) / (len(d) + 1)))
    return out


def _monthly(df: pd.DataFrame, soft: np.ndarray) -> pd.DataFrame:
    d = df.assign(month=pd.to_datetime(df["date"], errors="coerce").dt.strftime("%Y-%m"))
    d = d.assign(tone=soft[:, COLS.index("sentiment_positive")] - soft[:, COLS.index("sentiment_negative")],
                 support=soft[:, COLS.index("stance_support")])
    d = d.dropna(subset=["month"])
    if d.empty:
        return pd.DataFrame(columns=["dispute", "side", "month", "n_statements", "net_tone", "support"])
    return (d.groupby(["dispute", "side", "month"]).agg(
        n_statements=("tone", "size"), net_tone=("tone", "mean"), support=("support", "mean"))
        .reset_index())


def _speakers(df: pd.DataFrame, top: int = 5) -> pd.DataFrame:
    c = df.groupby(["dispute", "side", "speaker"]).size().rename("n_statements").reset_index()
    c = c.sort_values(["dispute", "side", "n_statements", "speaker"], ascending=[True, True, False, True])
    return c.groupby(["dispute", "side"]).head(top).reset_index(drop=True)


def _examples(df: pd.DataFrame, soft: np.ndarray, k: int) -> pd.DataFrame:
    rows = []
    if k <= 0 or df.empty:
        return pd.DataFrame(rows)
    d = df.reset_index(drop=True)
    for j, (field, lab) in enumerate(LABELS):
        d["_p"] = soft[:, j]
        sel = d[d[field] == lab].sort_values(["dispute", "side", "_p", "article_id", "start"],
                                             ascending=[True, True, False, True, True])
        for _, r in sel.groupby(["dispute", "side"]).head(k).iterrows():
            rows.append({"dispute": r["dispute"], "side": r["side"], "field": field, "label": lab,
                         "probability": r["_p"], "quote": r["quote"], "speaker": r["speaker"],
                         "speaker_org": r["speaker_org"], "date": r["date"], "url": r["url"],
                         "title": r["title"], "article_id": r["article_id"]})
    return pd.DataFrame(rows)


def comparison_table(c: Comparison) -> pd.DataFrame:
    """``comparison.csv``: one row per dispute x side with the dispute's gap columns joined."""
    if c.sides.empty:
        return c.sides
    g = c.gaps.drop(columns=["n_articles", "insufficient"], errors="ignore")
    return c.sides.merge(g, on="dispute", how="left")
