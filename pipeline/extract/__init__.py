"""Statement extraction: text -> spans of direct, indirect and mixed statements with a cue.

Rules, not a model: quote-mark scanning for direct quotes, reporting-verb frames for reported
speech (knowledge/reporting_verbs.txt). Each statement carries ``cue`` (the speaker phrase the
extractor saw, if any) for the attributor. Never raises on any text.
"""
from __future__ import annotations

import logging
import re

from pipeline.config import ExtractConfig
from pipeline.extract.direct import (classify_region, embedded_post, is_headline, is_subheadline, release_goes_on,
                                     unmarked_quote)
from pipeline.extract.reported import boilerplate_starts, is_clause, reported_in_sentence
from pipeline.extract.verbs import verb_class
from pipeline.schema import Statement
from pipeline.text.quotes import quote_regions
from pipeline.text.segment import paragraphs, sentences, word_count

log = logging.getLogger(__name__)


# A single quoted word that judges ("blackmailed", "essential", "outrageous", "a disgrace") is
# the speaker's own word, so the statement is mixed; a quoted term or name ('level-up', 'Tower
# Rewards') is not.
_EVALUATIVE = re.compile(r"(?:ed|ly|ful|ous|ive|ing|able|ible|ent|ant|ic|al|less|est)")
_EVALUATIVE_NOUNS = frozenset({"disgrace", "insult", "chaos", "scandal", "shambles", "farce", "joke",
                               "betrayal", "nightmare", "catastrophe", "disaster", "appetite", "bullying",
                               "blackmail", "sabotage", "contempt", "crisis", "fair", "unfair", "paltry",
                               "miserly", "pitiful", "derisory", "measly", "unacceptable", "wrong"})


def _speakers_words(fragment: str) -> bool:
    """Whether a quoted fragment inside reported content is the speaker's own words (mixed)."""
    f = fragment.strip(" .,;:!?'\"‘’“”")
    words = f.split()
    if not words or all(w[:1].isupper() for w in words) and len(words) <= 4 and not f.isupper():
        return False  # a name ('Tower Rewards', 'Unison')
    if len(words) >= 2:
        return True
    w = f.lower()
    if "-" in w:
        return False  # a quoted term ('level-up', "long-running")
    return w in _EVALUATIVE_NOUNS or (len(w) > 4 and _EVALUATIVE.search(w[-4:]) is not None)


# a blog's reader comments ("Comments\nAnonymous said…"): readers are no sources (CONVENTIONS)
_COMMENTS = re.compile(r"(?m)^(?:(?:\d+\s+)?[Cc]omments?\s*\n)?[^\n]{1,40}\ssaid(?:…|\.\.\.)[ \t]*$")


def _headline_act(text: str, r: dict) -> bool:
    """A headline's call, demand or warning with a bare object ('Care staff call for strike
    action', 'Unite warns Fernley Council ahead of bin strike'): no reported clause."""
    cls = verb_class(r["cue"].get("verb", ""))
    return cls in ("demand", "urge", "label") or not is_clause(text[r["start"]:r["end"]])


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
                and _speakers_words(text[q.start:q.end])]
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
    prev: tuple[int, int] | None = None
    comments = _COMMENTS.search(text)
    furniture = boilerplate_starts(text)
    release: dict | None = None  # the unmarked statement the last paragraph held
    paras = list(paragraphs(text))
    for k, (ps, pe) in enumerate(paras):
        if comments and ps >= comments.start():
            break
        after, prev = prev, (ps, pe)
        post = embedded_post(text, (ps, pe), paras[k + 1] if k + 1 < len(paras) else None) if cfg.direct else None
        if post:
            direct.append(post)
            release = None
            continue
        if is_headline(text, ps, pe) or any(ps <= i < pe for i in furniture):
            continue
        para_regions = [r for r in regions if ps <= r.open_at < pe]
        if cfg.direct and after is not None and not para_regions:
            d = unmarked_quote(text, after, (ps, pe))
            if d is None and release is not None and release_goes_on(text, (ps, pe)):
                d = {**release, "start": ps, "end": pe}  # the pasted release's next paragraph
            release = d
            if d:
                direct.append(d)
                continue
        release = None
        if cfg.direct:
            for r in para_regions:
                d = classify_region(text, r, cfg.min_quote_words)
                if d:
                    direct.append(d)
        if cfg.indirect:
            quoted = [(r.start, r.end) for r in para_regions]
            found_here = []
            for ss, se in sentences(text, ps, pe):
                try:
                    found_here += reported_in_sentence(text, ss, se, quoted)
                except Exception:  # one odd sentence must not cost the article its statements
                    log.exception("reported speech failed on characters %d-%d", ss, se)
            if not para_regions and is_subheadline(text, ps, pe):
                found_here = [r for r in found_here if not _headline_act(text, r)]
            reported += found_here
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
