"""Reports of a batch: report.html (self-contained), summary.md, comparison.csv, statements tables."""
from __future__ import annotations

import math
import re
from collections.abc import Iterable
from pathlib import Path

import pandas as pd

from pipeline.compare import Comparison, compare, comparison_table
from pipeline.config import Config, load_config
from pipeline.io import atomic_open, read_articles, statements_frame
from pipeline.schema import Article

TEMPLATES = Path(__file__).resolve().parent / "templates"


def _fmt(x, pct: bool = False) -> str:
    if x is None or (isinstance(x, float) and math.isnan(x)):
        return "–"
    return f"{100 * x:.0f}%" if pct else f"{x:+.2f}"


def _context(articles_df: pd.DataFrame, n_articles: int, c: Comparison, cfg: Config,
             max_charts: int = 60) -> dict:
    from pipeline.report.charts import overview_chart, shares_chart, tone_over_time_chart

    disputes = []
    gaps = c.gaps.set_index("dispute") if not c.gaps.empty else pd.DataFrame()
    order = c.sides.groupby("dispute")["n_statements"].sum().sort_values(ascending=False).index
    for i, name in enumerate(order):
        sides = c.sides[c.sides["dispute"] == name]
        g = gaps.loc[name] if name in gaps.index else {}
        tone = {r["side"]: (r["net_tone"] if not r["insufficient"] else float("nan"))
                for _, r in sides.iterrows()}
        dates = [d for d in (sides["first_date"].min(), sides["last_date"].max()) if isinstance(d, str)]
        d = {
            "name": name, "anchor": "d-" + re.sub(r"[^a-z0-9-]", "-", str(name).lower()),
            "n_articles": int(g.get("n_articles", sides["n_articles"].max())),
            "n_union": int(g.get("n_union", 0)), "n_council": int(g.get("n_council", 0)),
            "union_tone": _fmt(tone.get("union")), "council_tone": _fmt(tone.get("council")),
            "gap": "insufficient" if g.get("insufficient", True) else _fmt(g.get("gap")),
            "gap_ci": (f"{_fmt(g.get('gap_lo'))} to {_fmt(g.get('gap_hi'))}"
                       if not g.get("insufficient", True) and "gap_lo" in g and not pd.isna(g.get("gap_lo")) else ""),
            "p_value": "–" if g.get("insufficient", True) or pd.isna(g.get("p_value", float("nan")))
            else f"{g['p_value']:.3f}",
            "period": " to ".join(sorted(set(dates))) if dates else "",
            "sides": [{"side": r["side"], "n_statements": r["n_statements"], "n_speakers": r["n_speakers"],
                       "n_articles": r["n_articles"], "insufficient": bool(r["insufficient"]),
                       "cells": [_fmt(r[k], pct=True) for k in ("stance_support", "stance_oppose",
                                 "stance_neutral", "sentiment_negative", "sentiment_positive")]
                       + [_fmt(r["net_tone"])]} for _, r in sides.iterrows()],
            "speakers": [{"speaker": r["speaker"], "side": r["side"], "n": r["n_statements"]}
                         for _, r in c.speakers[c.speakers["dispute"] == name].iterrows()],
            "examples": [], "shares_chart": None, "tone_chart": None,
        }
        if not c.examples.empty:
            ex = c.examples[c.examples["dispute"] == name]
            d["examples"] = [r | {"probability": f"{r['probability']:.2f}",
                                  "date": r["date"] if isinstance(r["date"], str) else None,
                                  "url": r["url"] if isinstance(r["url"], str) else None,
                                  "title": r["title"] if isinstance(r["title"], str) else None,
                                  "speaker_org": r["speaker_org"] if isinstance(r["speaker_org"], str) else None}
                             for r in ex.to_dict("records")]
        if i < max_charts and (~sides["insufficient"]).any():
            d["shares_chart"] = shares_chart(sides, cfg.compare.min_statements)
            d["tone_chart"] = tone_over_time_chart(c.monthly[c.monthly["dispute"] == name])
        disputes.append(d)
    return {"title": "Union and council voices by dispute", "disputes": disputes,
            "n_articles": n_articles, "n_statements": int(len(articles_df)),
            "overview_chart": overview_chart(c.sides), "min_n": cfg.compare.min_statements,
            "confidence": cfg.compare.confidence, "n_bootstrap": cfg.compare.n_bootstrap}


def render_html(context: dict) -> str:
    from jinja2 import Environment, FileSystemLoader, select_autoescape

    env = Environment(loader=FileSystemLoader(TEMPLATES), autoescape=select_autoescape(["html", "j2"]))
    return env.get_template("report.html.j2").render(**context)


def render_markdown(context: dict) -> str:
    lines = [f"# {context['title']}", "",
             f"{context['n_articles']} articles, {context['n_statements']} statements, "
             f"{len(context['disputes'])} disputes. Net tone = positive share - negative share "
             f"(classifier probabilities); gap = union minus council, with "
             f"{int(round(context['confidence'] * 100))}% bootstrap interval over articles.", "",
             "| dispute | articles | union st. | council st. | union tone | council tone | gap | interval | p |",
             "|---|---:|---:|---:|---:|---:|---:|---|---:|"]
    for d in context["disputes"]:
        lines.append(f"| {d['name']} | {d['n_articles']} | {d['n_union']} | {d['n_council']} | "
                     f"{d['union_tone']} | {d['council_tone']} | {d['gap']} | {d['gap_ci']} | {d['p_value']} |")
    return "\n".join(lines) + "\n"


def write_report(articles: Iterable[Article] | str | Path, out_dir: str | Path,
                 config: Config | None = None) -> dict[str, Path]:
    """Compare the sides and write report.html, summary.md, comparison.csv, statements tables."""
    cfg = config or load_config()
    out = Path(out_dir)
    out.mkdir(parents=True, exist_ok=True)
    if isinstance(articles, (str, Path)):
        articles = read_articles(articles)
    n_articles = 0

    def counted(it):
        nonlocal n_articles
        for a in it:
            n_articles += 1
            yield a

    df = statements_frame(counted(articles))
    c = compare(df, cfg.compare)
    paths = {"report_html": out / "report.html", "summary_md": out / "summary.md",
             "comparison_csv": out / "comparison.csv", "statements_parquet": out / "statements.parquet",
             "statements_csv": out / "statements.csv"}
    ctx = _context(df, n_articles, c, cfg)
    with atomic_open(paths["report_html"]) as fh:
        fh.write(render_html(ctx))
    with atomic_open(paths["summary_md"]) as fh:
        fh.write(render_markdown(ctx))
    with atomic_open(paths["comparison_csv"]) as fh:
        comparison_table(c).to_csv(fh, index=False, float_format="%.6g")
    with atomic_open(paths["statements_csv"]) as fh:
        df.to_csv(fh, index=False)
    with atomic_open(paths["statements_parquet"], "wb") as fh:
        df.to_parquet(fh, index=False)
    return paths
