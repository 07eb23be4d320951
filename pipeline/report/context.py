"""The report's view model: a Comparison turned into plain, formatted values for the templates.

Both the HTML and the Markdown report render this one structure, so they always agree.
Values stay raw strings here; escaping is the renderers' job.
"""
from __future__ import annotations

import math
import re
from collections import defaultdict
from urllib.parse import urlsplit

import pandas as pd

from pipeline.compare import Comparison
from pipeline.config import CompareConfig
from pipeline.schema import SIDES

SAFE_URL = re.compile(r"^https?://", re.IGNORECASE)  # a javascript: or data: link must not be clickable
SHARE_COLUMNS = ("stance_support", "stance_oppose", "stance_neutral",
                 "sentiment_negative", "sentiment_neutral", "sentiment_positive")


def _missing(x) -> bool:
    return x is None or (isinstance(x, float) and math.isnan(x))


def pct(x) -> str:
    return "–" if _missing(x) else f"{100 * x:.0f}%"


def signed(x) -> str:
    return "–" if _missing(x) else f"{x:+.2f}"


def p_value(x) -> str:
    return "–" if _missing(x) else ("<0.001" if x < 0.001 else f"{x:.3f}")


def _text(x) -> str | None:
    return x if isinstance(x, str) and x else None


def _interval(lo, hi, fmt=signed) -> str:
    return "" if _missing(lo) or _missing(hi) else f"{fmt(lo)} to {fmt(hi)}"


def _anchor(name: str, taken: set[str]) -> str:
    base = "d-" + (re.sub(r"[^a-z0-9]+", "-", name.lower()).strip("-") or "x")
    anchor, k = base, 2
    while anchor in taken:  # two names may slug alike ("A B" and "a-b")
        anchor, k = f"{base}-{k}", k + 1
    taken.add(anchor)
    return anchor


def _group(table: pd.DataFrame) -> dict[str, list[dict]]:
    """Rows as plain dicts by dispute, in one pass (per-dispute filtering is quadratic)."""
    out: dict[str, list[dict]] = defaultdict(list)
    for r in table.to_dict("records"):
        out[r["dispute"]].append(r)
    return out


def _side_rows(sides: dict[str, dict]) -> list[dict]:
    return [{"side": side, "n_statements": int(r["n_statements"]), "n_speakers": int(r["n_speakers"]),
             "n_articles": int(r["n_articles"]), "insufficient": bool(r["insufficient"]),
             "cells": [{"value": pct(r[c]), "interval": _interval(r.get(f"{c}_lo"), r.get(f"{c}_hi"), pct)}
                       for c in SHARE_COLUMNS],
             "net_tone": signed(r["net_tone"]),
             "net_tone_interval": _interval(r.get("net_tone_lo"), r.get("net_tone_hi"))}
            for side, r in sides.items()]


def _quote(r: dict) -> dict:
    url = _text(r["url"])
    url = url if url and SAFE_URL.match(url) else None
    host = urlsplit(url).hostname if url else None
    return {"quote": r["quote"], "speaker": _text(r["speaker"]) or "unknown speaker",
            "speaker_org": _text(r["speaker_org"]), "date": _text(r["date"]), "url": url,
            "title": _text(r["title"]) or (f"article on {host}" if host else str(r["article_id"])),
            "labels": []}


def _quotes(examples: list[dict]) -> dict[str, list[dict]]:
    """Example statements per side, each quote once with every label it was chosen for."""
    seen: dict[str, dict[tuple, dict]] = {s: {} for s in SIDES}
    for r in examples:
        q = seen[r["side"]].setdefault((r["article_id"], r["start"]), _quote(r))
        q["labels"].append(f"{r['label']} {r['probability']:.2f}")
    return {side: list(qs.values()) for side, qs in seen.items() if qs}


def _dispute(name: str, sides_rows: list[dict], speakers: list[dict], examples: list[dict], g: dict,
             cfg: CompareConfig, taken: set[str]) -> dict:
    sides = {r["side"]: r for r in sorted(sides_rows, key=lambda r: SIDES.index(r["side"]))}
    counts = {s: int(sides[s]["n_statements"]) if s in sides else 0 for s in SIDES}
    tone = {s: ("insufficient" if bool(sides[s]["insufficient"]) else signed(sides[s]["net_tone"]))
            if s in sides else "–" for s in SIDES}
    thin = [s for s in ("union", "council") if tone[s] in ("insufficient", "–")]
    flags = [f"thin: {', '.join(thin)}"] if thin else []
    if g["n_articles_sides"] < cfg.min_articles:
        flags.append(f"fewer than {cfg.min_articles} articles")
    if counts["union"] and counts["council"]:
        gap = "insufficient" if bool(g["insufficient"]) else signed(g["gap"])
    else:
        gap = "–"
    shown = gap not in ("insufficient", "–")
    dates = [d for r in sides.values() for d in (r["first_date"], r["last_date"]) if _text(d)]
    by_side: dict[str, list[dict]] = defaultdict(list)
    for r in speakers:
        by_side[r["side"]].append({"speaker": r["speaker"], "speaker_org": _text(r["speaker_org"]),
                                   "n": int(r["n_statements"])})
    return {
        "name": name, "anchor": _anchor(name, taken), "n_articles": int(g["n_articles"]),
        "period": " to ".join(sorted({min(dates), max(dates)})) if dates else "",
        "counts": counts, "tone": tone, "gap": gap,
        "gap_interval": _interval(g["gap_lo"], g["gap_hi"]) if shown else "",
        "p_value": p_value(g["p_value"]) if shown else "–",
        "flag": "; ".join(flags), "sides": _side_rows(sides),
        "speakers": {s: by_side[s] for s in SIDES if s in by_side},
        "quotes": _quotes(examples),
        "has_evidence": any(not bool(r["insufficient"]) for r in sides.values()),
        "shares_chart": None, "tone_chart": None,
    }


def build_context(c: Comparison, n_articles: int, n_statements: int, cfg: CompareConfig,
                  charts: bool = True) -> dict:
    """Everything the report templates show, largest disputes first."""
    from pipeline.report.charts import overview_figure, shares_figure, to_data_uri, tone_figure

    gaps = {r["dispute"]: r for r in c.gaps.to_dict("records")}
    order = (c.sides.groupby("dispute")["n_statements"].sum().reset_index()
             .sort_values(["n_statements", "dispute"], ascending=[False, True])["dispute"]) \
        if not c.sides.empty else []
    sides, speakers, examples = _group(c.sides), _group(c.speakers), _group(c.examples)
    taken: set[str] = set()
    disputes = [_dispute(name, sides[name], speakers.get(name, []), examples.get(name, []), gaps[name],
                         cfg, taken) for name in order]
    ctx = {"title": "Union and council voices by dispute", "disputes": disputes,
           "n_articles": n_articles, "n_statements": n_statements, "n_disputes": len(disputes),
           "min_n": cfg.min_statements, "min_articles": cfg.min_articles,
           "confidence": round(cfg.confidence * 100), "n_bootstrap": cfg.n_bootstrap,
           "n_permutations": cfg.n_permutations, "use_probabilities": cfg.use_probabilities,
           "n_charted": 0, "overview_chart": None, "timeline_chart": None}
    if not charts:
        return ctx
    fig = overview_figure(c.sides)
    ctx["overview_chart"] = to_data_uri(fig) if fig else None
    fig = tone_figure(c.timeline[c.timeline["side"].isin(["union", "council"])],
                      "all disputes, statements pooled by month")
    ctx["timeline_chart"] = to_data_uri(fig) if fig else None
    # charts are the slow part: only the largest disputes with enough evidence get them
    charted = [d for d in disputes if d["has_evidence"]][:cfg.max_charts]
    names = {d["name"] for d in charted}
    side_frames = dict(tuple(c.sides[c.sides["dispute"].isin(names)].groupby("dispute")))
    month_frames = dict(tuple(c.monthly[c.monthly["dispute"].isin(names)].groupby("dispute")))
    for d in charted:
        d["shares_chart"] = to_data_uri(shares_figure(side_frames[d["name"]], cfg.min_statements))
        fig = tone_figure(month_frames.get(d["name"], c.monthly.iloc[:0]))
        d["tone_chart"] = to_data_uri(fig) if fig else None
        ctx["n_charted"] += 1
    return ctx
