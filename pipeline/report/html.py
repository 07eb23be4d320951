"""report.html: one self-contained page (inline CSS, embedded PNGs, no scripts, no network)."""
from __future__ import annotations

from functools import lru_cache
from pathlib import Path

TEMPLATES = Path(__file__).resolve().parent / "templates"


@lru_cache(maxsize=1)
def _environment():
    from jinja2 import Environment, FileSystemLoader, StrictUndefined

    # autoescape everything: article text, speakers, titles and URLs all come from the input
    return Environment(loader=FileSystemLoader(TEMPLATES), autoescape=True, undefined=StrictUndefined,
                       trim_blocks=True, lstrip_blocks=True)


def render_html(context: dict) -> str:
    """The page for a report context (``pipeline.report.context.build_context``)."""
    return _environment().get_template("report.html.j2").render(**context)
