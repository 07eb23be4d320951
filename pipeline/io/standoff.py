"""Stand-off annotations: labels kept apart from the texts they describe.

A stand-off file is JSONL, one line per article: ``{"id", "text_sha256", "statements": [{"start",
"end", "type", "speaker", "speaker_org", "side", "stance", "sentiment"}]}``. It holds offsets and
labels, never article text, so annotations of third-party articles can live in the repository
while the texts stay where they are. Joined with the article file they annotate, the records
become gold-schema articles that the scorer and the training command read like any gold file.
"""
from __future__ import annotations

import hashlib
import json
import logging
from pathlib import Path

from pipeline.io.readers import read_articles
from pipeline.schema import Article, Statement

log = logging.getLogger(__name__)

LABEL_FIELDS = ("type", "speaker", "speaker_org", "side", "stance", "sentiment")


class StandoffError(ValueError):
    """A stand-off file that does not fit the articles it is joined with."""


def text_digest(text: str) -> str:
    return hashlib.sha256(text.encode("utf-8")).hexdigest()


def standoff_record(article: Article) -> dict:
    """The stand-off line of an annotated article: its id, its text's digest, offsets and labels."""
    sts = []
    for s in article.statements:
        if article.text[s.start:s.end] != s.quote:
            raise StandoffError(f"{article.id}: statement offsets {s.start}:{s.end} do not hold its quote")
        sts.append({"start": s.start, "end": s.end, **{f: getattr(s, f) for f in LABEL_FIELDS}})
    return {"id": article.id, "text_sha256": text_digest(article.text), "statements": sts}


def write_standoff(articles: list[Article], path: str | Path) -> None:
    with open(path, "w", encoding="utf-8") as fh:
        for a in articles:
            fh.write(json.dumps(standoff_record(a), ensure_ascii=False) + "\n")


def read_standoff(labels_path: str | Path, articles_path: str | Path,
                  disputes_path: str | Path | None = None) -> list[Article]:
    """Gold-schema articles: the stand-off labels joined with the texts of ``articles_path``.

    ``disputes_path`` (JSONL of ``{id, dispute, employer, unions}``) fills the article fields the
    stand-off file leaves out. An article whose text differs from the one annotated (digest
    mismatch) is skipped with a warning; an id missing from the article file, or offsets outside
    its text, raise: those mean the two files do not belong together.
    """
    texts = {a.id: a for a in read_articles(str(articles_path))}
    meta = {}
    if disputes_path:
        with open(disputes_path, encoding="utf-8") as fh:
            meta = {r["id"]: r for r in map(json.loads, fh) if r.get("id")}
    out = []
    with open(labels_path, encoding="utf-8") as fh:
        for n, line in enumerate(fh, 1):
            if not line.strip():
                continue
            rec = json.loads(line)
            src = texts.get(rec.get("id"))
            if src is None:
                raise StandoffError(f"{labels_path}:{n}: article {rec.get('id')!r} is not in {articles_path}")
            if rec.get("text_sha256") and rec["text_sha256"] != text_digest(src.text):
                log.warning("%s: the text of %s changed since it was annotated; skipped", labels_path, src.id)
                continue
            sts = []
            for s in rec["statements"]:
                if not 0 <= s["start"] < s["end"] <= len(src.text):
                    raise StandoffError(f"{labels_path}:{n}: offsets {s['start']}:{s['end']} outside {src.id}")
                sts.append(Statement(quote=src.text[s["start"]:s["end"]], start=s["start"], end=s["end"],
                                     **{f: s.get(f) for f in LABEL_FIELDS}))
            m = meta.get(src.id, {})
            out.append(Article(id=src.id, text=src.text, url=src.url, title=src.title, date=src.date,
                               dispute=m.get("dispute", src.dispute),
                               employer=m.get("employer", src.employer),
                               unions=m.get("unions", src.unions), statements=sts))
    return out
