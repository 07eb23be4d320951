"""Reports of a batch: report.html (self-contained), summary.md, comparison.csv, statements tables."""
from __future__ import annotations

from collections.abc import Iterable
from pathlib import Path

from pipeline.compare import compare
from pipeline.config import Config, load_config
from pipeline.io import atomic_open, read_articles, statements_frame
from pipeline.report.context import build_context
from pipeline.report.html import render_html
from pipeline.report.markdown import render_markdown
from pipeline.report.tables import write_tables
from pipeline.schema import Article

__all__ = ["write_report", "build_context", "render_html", "render_markdown", "write_tables"]


def write_report(articles: Iterable[Article] | str | Path, out_dir: str | Path,
                 config: Config | None = None) -> dict[str, Path]:
    """Compare the sides of every dispute and write report.html, summary.md, comparison.csv,
    statements.parquet and statements.csv into ``out_dir``; returns their paths by name.

    ``articles``: annotated Articles, or a predictions file any ``read_articles`` format reads.
    """
    cfg = config or load_config()
    out = Path(out_dir)
    out.mkdir(parents=True, exist_ok=True)
    if isinstance(articles, (str, Path)):
        articles = read_articles(articles)
    n_articles = 0

    def counted(it: Iterable[Article]) -> Iterable[Article]:
        nonlocal n_articles
        for a in it:
            n_articles += 1
            yield a

    df = statements_frame(counted(articles))
    c = compare(df, cfg.compare)
    ctx = build_context(c, n_articles, len(df), cfg.compare)
    paths = {"report_html": out / "report.html", "summary_md": out / "summary.md"}
    with atomic_open(paths["report_html"]) as fh:
        fh.write(render_html(ctx))
    with atomic_open(paths["summary_md"]) as fh:
        fh.write(render_markdown(ctx))
    return paths | write_tables(df, c, out)
