"""Speakers, organisations and sides of statements; article metadata and dispute grouping."""
from __future__ import annotations

from pipeline.attribute.article import group_disputes, infer_article_meta
from pipeline.attribute.knowledge import Knowledge, load_knowledge
from pipeline.attribute.sides import side_of
from pipeline.attribute.speakers import Resolved, SpeakerResolver
from pipeline.schema import Article, Statement

__all__ = ["Knowledge", "load_knowledge", "infer_article_meta", "attribute_statements",
           "group_disputes"]


def _cues_for(text: str, statements: list[Statement]) -> list[dict | None]:
    """The extractor's cue for each statement; spans without one borrow the best-overlapping
    extracted statement's cue (gold spans, or statements made elsewhere)."""
    if all(s.cue and s.cue.get("speaker_text") for s in statements):
        return [s.cue for s in statements]
    from pipeline.extract import extract_statements

    found = extract_statements(text)
    out = []
    for s in statements:
        if s.cue and s.cue.get("speaker_text"):
            out.append(s.cue)
            continue
        best, best_ov = None, 0
        for f in found:
            ov = min(s.end, f.end) - max(s.start, f.start)
            if ov > best_ov:
                best, best_ov = f, ov
        out.append(best.cue if best is not None else s.cue)
    return out


def attribute_statements(article: Article, statements: list[Statement], knowledge: Knowledge
                         ) -> list[Statement]:
    """Set speaker, speaker_org and side on each statement (in text order)."""
    resolver = SpeakerResolver(article.text, knowledge, article.employer, article.unions)
    cues = _cues_for(article.text, statements)
    prev: Resolved | None = None
    for st, cue in zip(statements, cues):
        r = resolver.resolve((cue or {}).get("speaker_text"), st.start)
        if r is None:
            # an unattributed quote continues the previous speaker (multi-paragraph quotes)
            r = prev or Resolved(article.unions[0] if article.unions else "unknown source",
                                 article.unions[0] if article.unions else None, "org")
        st.speaker, st.speaker_org = r.speaker, r.org
        st.side = side_of(r, knowledge, article.employer)
        resolver.remember(r)
        prev = r
    return statements
