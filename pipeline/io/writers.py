"""Writers: gold-schema JSONL (atomic) and a flat statements table (CSV / Parquet)."""
from __future__ import annotations

import json
import os
import tempfile
from collections.abc import Iterable, Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import IO

from pipeline.schema import SENTIMENTS, STANCES, Article

TABLE_COLUMNS = [
    "article_id", "url", "title", "date", "dispute", "employer", "unions", "statement_index",
    "quote", "start", "end", "type", "speaker", "speaker_org", "side", "attribution", "stance", "sentiment",
    *[f"p_stance_{s}" for s in STANCES], *[f"p_sentiment_{s}" for s in SENTIMENTS],
]


@contextmanager
def atomic_open(path: str | Path, mode: str = "w") -> Iterator[IO]:
    """Write to a temp file beside ``path`` and move it into place only on success."""
    path = Path(path)
    path.parent.mkdir(parents=True, exist_ok=True)
    fd, tmp = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".tmp", dir=path.parent)
    try:
        with os.fdopen(fd, mode, encoding=None if "b" in mode else "utf-8") as fh:
            yield fh
            fh.flush()
            os.fsync(fh.fileno())
        os.replace(tmp, path)
    except BaseException:
        Path(tmp).unlink(missing_ok=True)
        raise


def dumps_article(article: Article, internal: bool = False) -> str:
    """One JSONL line; stable key order and float formatting keep outputs byte-identical."""
    return json.dumps(article.to_dict(internal), ensure_ascii=False) + "\n"


def write_jsonl(articles: Iterable[Article], path: str | Path) -> int:
    n = 0
    with atomic_open(path) as fh:
        for a in articles:
            fh.write(dumps_article(a))
            n += 1
    return n


def statement_rows(articles: Iterable[Article]) -> Iterator[dict]:
    for a in articles:
        for i, s in enumerate(a.statements):
            row = {
                "article_id": a.id, "url": a.url, "title": a.title, "date": a.date,
                "dispute": a.dispute, "employer": a.employer, "unions": ";".join(a.unions),
                "statement_index": i, "quote": s.quote, "start": s.start, "end": s.end,
                "type": s.type, "speaker": s.speaker, "speaker_org": s.speaker_org,
                "side": s.side, "attribution": (s.cue or {}).get("attribution"),
                "stance": s.stance, "sentiment": s.sentiment,
            }
            for lab in STANCES:
                row[f"p_stance_{lab}"] = (s.stance_scores or {}).get(lab)
            for lab in SENTIMENTS:
                row[f"p_sentiment_{lab}"] = (s.sentiment_scores or {}).get(lab)
            yield row


def statements_frame(articles: Iterable[Article]):
    """One row per statement with its article's metadata, as a pandas DataFrame."""
    import pandas as pd

    return pd.DataFrame(list(statement_rows(articles)), columns=TABLE_COLUMNS)


def write_statements_table(articles: Iterable[Article], path: str | Path) -> int:
    """Write the flat table as ``.csv`` or ``.parquet`` (by suffix), atomically."""
    path = Path(path)
    df = statements_frame(articles)
    if path.suffix == ".csv":
        with atomic_open(path) as fh:
            df.to_csv(fh, index=False)
    elif path.suffix in (".parquet", ".pq"):
        with atomic_open(path, "wb") as fh:
            df.to_parquet(fh, index=False)
    else:
        raise ValueError(f"{path}: statements table must end in .csv or .parquet")
    return len(df)
