"""summary.md: the overview table and the method in Markdown."""
from __future__ import annotations

import re


def _cell(text: str) -> str:
    """Table-safe text: pipes and line breaks would end the cell; a tag is shown, not rendered
    (only a "<" that opens one is escaped, so "<0.001" stays readable)."""
    text = re.sub(r"\s+", " ", str(text)).replace("|", "\\|")
    return re.sub(r"<(?=[A-Za-z/!?])", "&lt;", text)


def render_markdown(context: dict) -> str:
    """The summary for a report context (``pipeline.report.context.build_context``)."""
    c = context
    shares = "the classifiers' probabilities" if c["use_probabilities"] else "the hard labels"
    lines = [
        f"# {c['title']}", "",
        f"{c['n_articles']} articles, {c['n_statements']} statements, {c['n_disputes']} disputes.", "",
        f"Net tone is the positive minus the negative sentiment share (means of {shares}); the gap is "
        f"union minus council, with a {c['confidence']}% bootstrap interval resampling articles "
        f"({c['n_bootstrap']} resamples) and a permutation p-value flipping the sides within each "
        f"article. A side with fewer than {c['min_n']} statements is marked insufficient; disputes "
        f"with fewer than {c['min_articles']} articles get no interval or test.", "",
        "| dispute | articles | union st. | council st. | other st. | union tone | council tone "
        "| gap | interval | p | evidence |",
        "|---|---:|---:|---:|---:|---:|---:|---:|---|---:|---|",
    ]
    for d in c["disputes"]:
        n, t = d["counts"], d["tone"]
        lines.append("| " + " | ".join(_cell(x) for x in (
            d["name"], d["n_articles"], n["union"], n["council"], n["other"], t["union"], t["council"],
            d["gap"], d["gap_interval"], d["p_value"], d["flag"] or "ok")) + " |")
    return "\n".join(lines) + "\n"
