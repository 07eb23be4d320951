"""Per-dispute comparison of the sides: shares of stance and sentiment with bootstrap intervals
(resampling articles, not statements), net tone, the union-minus-council gap with its interval and
a sign-flip permutation test over articles, monthly series, top speakers and representative quotes.

Everything is a pure function of the flat statements table (``pipeline.io.statements_frame``).
Shares use the classifiers' probabilities where present (``use_probabilities``), one-hot labels
otherwise (gold); ``*_hard`` and ``*_soft`` columns keep both.
"""
from __future__ import annotations

import itertools
from dataclasses import dataclass

import numpy as np
import pandas as pd

from pipeline.config import CompareConfig
from pipeline.schema import SENTIMENTS, SIDES, STANCES

LABELS = [("stance", s) for s in STANCES] + [("sentiment", s) for s in SENTIMENTS]
COLS = [f"{f}_{lab}" for f, lab in LABELS]
POS, NEG, SUPPORT = (COLS.index(c) for c in ("sentiment_positive", "sentiment_negative", "stance_support"))
UNION, COUNCIL = SIDES.index("union"), SIDES.index("council")
MAX_EXACT_FLIPS = 12  # up to 2**12 sign patterns are enumerated; more articles are sampled


@dataclass
class Comparison:
    """The comparison of a batch: one table per view, all pandas DataFrames."""

    sides: pd.DataFrame      # dispute x side: counts, shares (chosen, hard, soft, CI), net tone, flags
    gaps: pd.DataFrame       # dispute: union-minus-council net tone gap, CI, permutation p-value
    monthly: pd.DataFrame    # dispute x side x month: n, net tone, support share
    timeline: pd.DataFrame   # side x month over all disputes: n, disputes, net tone, support share
    speakers: pd.DataFrame   # dispute x side: top speakers with counts and organisation
    examples: pd.DataFrame   # dispute x side x label: representative quotes
    config: CompareConfig    # the settings it was computed with


def label_matrix(df: pd.DataFrame, use_probabilities: bool = True) -> np.ndarray:
    """(n_statements, 6) stance+sentiment distributions: probabilities, else one-hot labels."""
    out = np.zeros((len(df), len(LABELS)))
    for j, (field, lab) in enumerate(LABELS):
        hard = (df[field] == lab).to_numpy(dtype=float)
        p = f"p_{field}_{lab}"
        if use_probabilities and p in df:
            soft = pd.to_numeric(df[p], errors="coerce").to_numpy(dtype=float)
            out[:, j] = np.where(np.isnan(soft), hard, soft)  # gold rows have no scores
        else:
            out[:, j] = hard
    return out


def bootstrap_shares(art_sums: np.ndarray, art_counts: np.ndarray, n_boot: int,
                     rng: np.random.Generator) -> np.ndarray:
    """Shares over articles resampled with replacement: (A, S, L), (A, S) -> (B, S, L).

    A resample where a side has no statement gives NaN for that side (dropped by the quantiles).
    """
    idx = rng.integers(0, art_sums.shape[0], size=(n_boot, art_sums.shape[0]))
    sums, counts = art_sums[idx].sum(axis=1), art_counts[idx].sum(axis=1)
    with np.errstate(invalid="ignore", divide="ignore"):
        return sums / counts[..., None]


def sign_flip_pvalue(u_sum: np.ndarray, u_n: np.ndarray, c_sum: np.ndarray, c_n: np.ndarray,
                     n_perm: int, rng: np.random.Generator) -> float:
    """Two-sided permutation p-value for "union and council net tone are the same".

    Each article's union and council statements swap sides together (a sign flip per article),
    so the test respects that statements of one article are not independent: with k articles
    the smallest possible p-value is 2 / 2**k. Exact up to MAX_EXACT_FLIPS articles, sampled
    (seeded, the observed pattern counted once) above. Flips leaving a side empty are skipped.
    """
    k = len(u_sum)
    if k <= MAX_EXACT_FLIPS:
        flips = np.array(list(itertools.product((0, 1), repeat=k)), dtype=float)
        extra = 0
    else:
        flips = rng.integers(0, 2, size=(n_perm, k)).astype(float)
        extra = 1
    keep = 1 - flips
    un, cn = keep @ u_n + flips @ c_n, keep @ c_n + flips @ u_n
    ok = (un > 0) & (cn > 0)
    stat = (keep @ u_sum + flips @ c_sum)[ok] / un[ok] - (keep @ c_sum + flips @ u_sum)[ok] / cn[ok]
    observed = u_sum.sum() / u_n.sum() - c_sum.sum() / c_n.sum()
    hits = int((np.abs(stat) >= abs(observed) - 1e-12).sum())
    return float(min(1.0, (hits + extra) / (len(stat) + extra)))


def compare(df: pd.DataFrame, config: CompareConfig | None = None) -> Comparison:
    """Compare the sides of every dispute in the statements table ``df``."""
    cfg = config or CompareConfig()
    rng = np.random.default_rng(cfg.seed)
    df = df[df["side"].isin(SIDES)].reset_index(drop=True)
    df["dispute"] = df["dispute"].fillna("unknown")
    hard, probs = label_matrix(df, False), label_matrix(df, True)
    chosen = probs if cfg.use_probabilities else hard
    rows, gaps = [], []
    for dispute, g in df.groupby("dispute", sort=True):
        pos = g.index.to_numpy()
        a_of, arts = pd.factorize(g["article_id"], sort=True)
        s_of = np.array([SIDES.index(s) for s in g["side"]])
        sums = np.zeros((len(arts), len(SIDES), len(LABELS)))
        counts = np.zeros((len(arts), len(SIDES)))
        np.add.at(sums, (a_of, s_of), chosen[pos])
        np.add.at(counts, (a_of, s_of), 1)
        boot = bootstrap_shares(sums, counts, cfg.n_bootstrap, rng) if cfg.n_bootstrap else None
        for si, side in enumerate(SIDES):
            m = s_of == si
            if m.any():
                rows.append(_side_row(dispute, side, g[m], hard[pos][m], probs[pos][m], chosen[pos][m],
                                      None if boot is None else boot[:, si], cfg))
        gaps.append(_gap_row(dispute, sums, counts, boot, cfg, rng))
    return Comparison(sides=pd.DataFrame(rows), gaps=pd.DataFrame(gaps),
                      monthly=_monthly(df, chosen), timeline=_timeline(df, chosen),
                      speakers=_speakers(df), examples=_examples(df, chosen, cfg.examples_per_label),
                      config=cfg)


def _interval(draws: np.ndarray, cfg: CompareConfig) -> tuple[float, float]:
    draws = draws[~np.isnan(draws)]
    if not len(draws):
        return np.nan, np.nan
    alpha = (1 - cfg.confidence) / 2
    lo, hi = np.quantile(draws, [alpha, 1 - alpha])
    return float(lo), float(hi)


def _side_row(dispute: str, side: str, sub: pd.DataFrame, hard: np.ndarray, probs: np.ndarray,
              chosen: np.ndarray, boot: np.ndarray | None, cfg: CompareConfig) -> dict:
    n_articles = int(sub["article_id"].nunique())
    dates = sub["date"].dropna()
    row = {"dispute": dispute, "side": side, "n_statements": len(sub), "n_articles": n_articles,
           "n_speakers": int(sub["speaker"].nunique()),
           "insufficient": len(sub) < cfg.min_statements,
           "first_date": dates.min() if len(dates) else None,
           "last_date": dates.max() if len(dates) else None}
    # one or two articles resample into a spread that says nothing: no interval below min_articles
    with_ci = boot is not None and n_articles >= cfg.min_articles
    means = {"": chosen.mean(axis=0), "_hard": hard.mean(axis=0), "_soft": probs.mean(axis=0)}
    for j, c in enumerate(COLS):
        for suffix, m in means.items():
            row[c + suffix] = float(m[j])
        row[f"{c}_lo"], row[f"{c}_hi"] = _interval(boot[:, j], cfg) if with_ci else (np.nan, np.nan)
    for suffix in means:
        row["net_tone" + suffix] = row["sentiment_positive" + suffix] - row["sentiment_negative" + suffix]
    row["net_tone_lo"], row["net_tone_hi"] = (_interval(boot[:, POS] - boot[:, NEG], cfg) if with_ci
                                              else (np.nan, np.nan))
    return row


def _gap_row(dispute: str, sums: np.ndarray, counts: np.ndarray, boot: np.ndarray | None,
             cfg: CompareConfig, rng: np.random.Generator) -> dict:
    """Union-minus-council net tone gap of one dispute, its interval and its permutation test."""
    n_u, n_c = counts[:, UNION], counts[:, COUNCIL]
    both = (n_u + n_c) > 0
    out = {"dispute": dispute, "n_articles": int(len(counts)), "n_articles_sides": int(both.sum()),
           "n_union": int(n_u.sum()), "n_council": int(n_c.sum()), "gap": np.nan,
           "gap_lo": np.nan, "gap_hi": np.nan, "p_value": np.nan}
    if out["n_union"] == 0 or out["n_council"] == 0:
        return out | {"insufficient": True}
    tone = sums[:, :, POS] - sums[:, :, NEG]  # per article and side: summed net tone
    out["gap"] = float(tone[:, UNION].sum() / n_u.sum() - tone[:, COUNCIL].sum() / n_c.sum())
    out["insufficient"] = min(out["n_union"], out["n_council"]) < cfg.min_statements
    if out["n_articles_sides"] >= cfg.min_articles:
        if boot is not None:
            d = (boot[:, UNION, POS] - boot[:, UNION, NEG]) - (boot[:, COUNCIL, POS] - boot[:, COUNCIL, NEG])
            out["gap_lo"], out["gap_hi"] = _interval(d, cfg)
        out["p_value"] = sign_flip_pvalue(tone[both, UNION], n_u[both], tone[both, COUNCIL], n_c[both],
                                          cfg.n_permutations, rng)
    return out


def _tone_frame(df: pd.DataFrame, chosen: np.ndarray) -> pd.DataFrame:
    month = pd.to_datetime(df["date"], errors="coerce", format="mixed").dt.strftime("%Y-%m")
    return df.assign(month=month, tone=chosen[:, POS] - chosen[:, NEG],
                     support=chosen[:, SUPPORT]).dropna(subset=["month"])


def _monthly(df: pd.DataFrame, chosen: np.ndarray) -> pd.DataFrame:
    d = _tone_frame(df, chosen)
    cols = ["dispute", "side", "month", "n_statements", "net_tone", "support"]
    if d.empty:
        return pd.DataFrame(columns=cols)
    return (d.groupby(["dispute", "side", "month"])
            .agg(n_statements=("tone", "size"), net_tone=("tone", "mean"), support=("support", "mean"))
            .reset_index()[cols])


def _timeline(df: pd.DataFrame, chosen: np.ndarray) -> pd.DataFrame:
    """Side x month over all disputes (statements pooled; dated statements only)."""
    d = _tone_frame(df, chosen)
    cols = ["side", "month", "n_statements", "n_disputes", "net_tone", "support"]
    if d.empty:
        return pd.DataFrame(columns=cols)
    return (d.groupby(["side", "month"])
            .agg(n_statements=("tone", "size"), n_disputes=("dispute", "nunique"),
                 net_tone=("tone", "mean"), support=("support", "mean"))
            .reset_index()[cols])


def _speakers(df: pd.DataFrame, top: int = 5) -> pd.DataFrame:
    key = ["dispute", "side", "speaker"]
    d = df.dropna(subset=["speaker"])
    org = (d.dropna(subset=["speaker_org"]).groupby([*key, "speaker_org"]).size().rename("k").reset_index()
           .sort_values(["k", "speaker_org"], ascending=[False, True])  # a speaker's most frequent org
           .drop_duplicates(key).set_index(key)["speaker_org"])
    c = d.groupby(key).size().rename("n_statements").to_frame().join(org).reset_index()
    c = c.sort_values(["dispute", "side", "n_statements", "speaker"], ascending=[True, True, False, True])
    return c.groupby(["dispute", "side"]).head(top).reset_index(drop=True)


def _examples(df: pd.DataFrame, chosen: np.ndarray, k: int) -> pd.DataFrame:
    """Per dispute, side and label: the k statements given that label with the highest probability."""
    cols = ["dispute", "side", "field", "label", "probability", "quote", "speaker", "speaker_org",
            "date", "url", "title", "article_id", "start"]
    if k <= 0 or df.empty:
        return pd.DataFrame(columns=cols)
    parts = []
    for j, (field, lab) in enumerate(LABELS):
        m = (df[field] == lab).to_numpy()
        sel = df[m].assign(field=field, label=lab, probability=chosen[m, j])
        sel = sel.sort_values(["dispute", "side", "probability", "article_id", "start"],
                              ascending=[True, True, False, True, True])
        parts.append(sel.groupby(["dispute", "side"]).head(k)[cols])
    return pd.concat(parts, ignore_index=True)


def comparison_table(c: Comparison) -> pd.DataFrame:
    """``comparison.csv``: one row per dispute x side with the dispute's gap columns joined."""
    if c.sides.empty:
        return c.sides
    g = c.gaps.drop(columns=["n_articles", "insufficient"], errors="ignore")
    return c.sides.merge(g.rename(columns={"p_value": "gap_p_value"}), on="dispute", how="left")
