"""Statement extraction: text -> spans of direct, indirect and mixed statements with a cue.

Rules, not a model: quote-mark scanning for direct quotes, reporting-verb frames for reported
speech (knowledge/reporting_verbs.txt). Each statement carries ``cue`` (the speaker phrase the
extractor saw, if any) for the attributor. Never raises on any text.
"""
from __future__ import annotations

import logging

from pipeline.config import ExtractConfig
from pipeline.extract.direct import classify_region, is_headline
from pipeline.extract.reported import reported_in_sentence
from pipeline.schema import Statement
from pipeline.text.quotes import quote_regions
from pipeline.text.segment import paragraphs, sentences, word_count

log = logging.getLogger(__name__)


def _resolve(direct: list[dict], reported: list[dict], regions, text: str) -> list[dict]:
    """Non-overlapping statements: a quote inside reported content makes it mixed."""
    keep_direct = []
    for d in direct:
        host = next((r for r in reported if r["start"] <= d["start"] and d["end"] <= r["end"]), None)
        if host is None:
            keep_direct.append(d)
    out = list(keep_direct)
    for r in sorted(reported, key=lambda x: (x["start"], -x["end"])):
        if any(r["start"] < o["end"] and o["start"] < r["end"] for o in out):
            continue
        frag = [q for q in regions if r["start"] <= q.start and q.end <= r["end"] + 1
                and word_count(text[q.start:q.end]) >= 2]
        if frag:
            r["type"] = "mixed"
        out.append(r)
    return sorted(out, key=lambda x: x["start"])


def extract_statements(text: str, config: ExtractConfig | None = None) -> list[Statement]:
    """Statements of ``text`` in order, with exact offsets (``text[start:end] == quote``)."""
    cfg = config or ExtractConfig()
    if not isinstance(text, str) or not text.strip():
        return []
    regions = quote_regions(text)
    direct, reported = [], []
    for ps, pe in paragraphs(text):
        if is_headline(text, ps, pe):
            continue
        para_regions = [r for r in regions if ps <= r.open_at < pe]
        if cfg.direct:
            for r in para_regions:
                d = classify_region(text, r, cfg.min_quote_words)
                if d:
                    direct.append(d)
        if cfg.indirect:
            quoted = [(r.start, r.end) for r in para_regions]
            for ss, se in sentences(text, ps, pe):
                try:
                    reported += reported_in_sentence(text, ss, se, quoted)
                except Exception:  # one odd sentence must not cost the article its statements
                    log.exception("reported speech failed on characters %d-%d", ss, se)
    found = _resolve(direct, reported, regions, text)
    out = []
    for st in found:
        s, e = st["start"], st["end"]
        if e <= s or word_count(text[s:e]) < 1:
            continue
        if out and s < out[-1].end:
            continue
        if word_count(text[s:e]) >= 4 and any(o.quote == text[s:e] for o in out):
            continue  # a line duplicated by the page scraper is one statement
        out.append(Statement(quote=text[s:e], start=s, end=e, type=st["type"], cue=st.get("cue")))
    return out
